from tradelink.fastcli import main

main()
