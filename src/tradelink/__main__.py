from tradelink.cli import main

main()
