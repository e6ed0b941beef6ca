"""tradelink: a knowledge base of US-China chips-for-minerals news.

The package is a library first: ``tradelink.extract`` turns article text into
typed records, ``tradelink.store`` keeps them in SQLite or PostgreSQL and
``tradelink.report`` renders summaries. ``tradelink.cli`` is a thin typer layer.
Importing this package is cheap: it imports nothing heavy.
"""

__version__ = "0.1.0"

# Bumped whenever extraction output changes, so `tradelink reparse` knows
# which stored articles were read by an older parser.
PARSER_VERSION = 1
