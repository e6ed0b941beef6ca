"""The command-line interface (skeleton; built out by the CLI work)."""


def main() -> None:
    raise SystemExit("tradelink: the CLI is not built yet")
