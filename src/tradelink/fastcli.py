"""The entry point, with a fast lane for scripted JSON queries.

``tradelink quotes --speaker X --json`` is a building block for scripts, so its
whole-process time matters.  Importing typer alone costs more than the query.
`main` therefore first offers the command line to `run_fast`, which answers
the read-only listing commands given ``--json`` with the standard library only
(``sqlite3``, ``json``), calling the same `tradelink.store.read` function the
typer command calls (for ``questions``, `read.newest_questions`, whose note
about a cut list goes to stderr as on typer's path; for ``path A B``,
`tradelink.store.graph.shortest_paths`).  Anything it does not
recognise exactly (another command, an unknown or repeated option, ``--help``,
a value starting with ``-``, a number option that is not a number or out of
range, a missing or extra argument) falls
through to the typer app, which owns all behaviour and messages; a failure
other than a `TradelinkError` also falls through, since a query has no side
effects and typer's path reports it properly.

`FAST` must mirror the typer commands' options; a test checks each entry
against the typer app and compares the output of both paths.
"""

from __future__ import annotations

import os
import sys

# command -> {option: keyword argument of the read function of the same name}
FAST: dict[str, dict[str, str]] = {
    "articles": {},
    "actors": {"--type": "type", "-t": "type"},
    "quotes": {"--speaker": "speaker", "-s": "speaker", "--about": "about", "-a": "about"},
    "questions": {"--about": "about", "-a": "about", "--article": "article",
                  "--limit": "limit", "-n": "limit"},
    "commodities": {},
    "policies": {},
    "links": {"--about": "about", "-a": "about", "--from": "source", "--to": "target",
              "--relation": "relation", "-r": "relation"},
    "timeline": {},
    "path": {"--max-hops": "max_hops", "-n": "max_hops", "--evidence": "evidence",
             "-e": "evidence"},
}
# command -> its arguments, in order (each must be given, none starting with "-")
ARGUMENTS: dict[str, tuple[str, ...]] = {"path": ("a", "b")}
# option -> the numbers it takes (typer reports anything else)
NUMBERS: dict[str, range] = {"limit": range(0, 10**9), "max_hops": range(1, 13),
                             "evidence": range(0, 10**9)}


def parse(argv: list[str]) -> tuple[str | None, str, dict[str, str]] | None:
    """``(db, command, keyword arguments)`` for a fast query, or None for typer."""
    args = list(argv)
    db = None
    while args and args[0].startswith("-"):
        if args[0] == "--db" and len(args) > 1 and not args[1].startswith("-") and db is None:
            db, args = args[1], args[2:]
        elif args[0].startswith("--db=") and db is None:
            db, args = args[0][5:], args[1:]
        else:
            return None
    if not args or args[0] not in FAST:
        return None
    options, rest = FAST[args[0]], args[1:]
    kwargs: dict[str, str] = {}
    positional = list(ARGUMENTS.get(args[0], ()))
    seen_json = False
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--json" and not seen_json:
            seen_json = True
            i += 1
            continue
        if positional and not arg.startswith("-"):
            if not arg.strip():
                return None
            kwargs[positional.pop(0)] = arg
            i += 1
            continue
        name, eq, value = arg.partition("=")
        if eq and name.startswith("--") and name in options:
            i += 1
        elif arg in options and i + 1 < len(rest):
            name, value = arg, rest[i + 1]
            i += 2
        else:
            return None
        if options[name] in kwargs or value.startswith("-") or not value.strip():
            return None  # typer reports a repeated, dash-led or empty value
        if options[name] in NUMBERS and not (value.isascii() and value.isdigit()
                                             and int(value) in NUMBERS[options[name]]):
            return None  # and a number option that is not a number it takes
        kwargs[options[name]] = value
    return (db, args[0], kwargs) if seen_json and not positional else None


def run_fast(argv: list[str]) -> int | None:
    """Answer a fast query; the exit code, or None when typer should handle it."""
    parsed = parse(argv)
    if parsed is None:
        return None
    db, command, kwargs = parsed
    import json

    from tradelink.errors import TradelinkError
    from tradelink.store import read
    from tradelink.store.db import open_reader, resolve

    note, code = None, 0
    try:
        with open_reader(resolve(db or os.environ.get("TRADELINK_DB") or None)) as r:
            if command == "path":
                from tradelink.store.graph import DEFAULT_EVIDENCE, DEFAULT_MAX_HOPS, shortest_paths

                hops = int(kwargs.get("max_hops", DEFAULT_MAX_HOPS))
                found = shortest_paths(r, kwargs["a"], kwargs["b"], max_hops=hops,
                                       evidence=int(kwargs.get("evidence", DEFAULT_EVIDENCE)))
                rows = [p.as_dict() for p in found]
                if not rows:
                    note, code = f"no path of at most {hops} links joins {kwargs['a']!r} and {kwargs['b']!r}", 1
            elif command == "questions":
                if "limit" in kwargs:
                    kwargs["limit"] = int(kwargs["limit"])
                rows, note = read.newest_questions(r, **kwargs)
            else:
                rows = getattr(read, command)(r, **kwargs)
    except TradelinkError as err:
        first = (str(err).strip().splitlines() or ["failed"])[0]
        sys.stderr.write(f"error: {first}\n")
        return err.exit_code
    except Exception:  # noqa: BLE001 - typer's path runs it again and reports it
        return None
    try:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        sys.stdout.flush()
        if note:
            sys.stderr.write(note + "\n")
    except BrokenPipeError:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    return code


def main() -> None:
    code = run_fast(sys.argv[1:])
    if code is not None:
        raise SystemExit(code)
    from tradelink.cli import main as typer_main

    typer_main()
