"""Exceptions the library raises; the CLI turns each into one line on stderr."""


class TradelinkError(Exception):
    """Base class. ``str(err)`` is a one-line message that says what to do."""

    exit_code = 1


class UsageError(TradelinkError):
    """The command was called wrongly (bad option value, missing path)."""

    exit_code = 2


class InputError(TradelinkError):
    """An input file cannot be read as an article."""

    exit_code = 1


class DatabaseError(TradelinkError):
    """The database is missing, unreadable, corrupt, too new or unreachable."""

    exit_code = 1
