"""The command-line interface: a thin typer layer over the library.

One module per command group (`ingest`, `query`, `export`); each command
parses its options, opens the store, calls one library function and renders
the result.  Errors are handled in one place, `TradelinkGroup.main`: a
`TradelinkError`, a usage error or an unexpected database error becomes one
line ``error: ...`` on stderr and an exit code (2 usage, 1 input/database),
never a traceback.

Start-up matters (``tradelink quotes --json`` is a script's building block):
this module and the command modules import only typer and the standard
library at the top; SQLAlchemy, pydantic and rich are imported inside the
commands that need them.
"""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from tradelink import __version__
from tradelink.errors import TradelinkError


class TradelinkGroup(TyperGroup):
    """The root command: runs the app and turns every failure into one line."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args=args, prog_name=prog_name or "tradelink",
                              complete_var=complete_var, standalone_mode=False, **extra)
        except TradelinkError as err:
            code = _fail(str(err), err.exit_code)
        except typer.Exit as err:
            code = err.exit_code
        except typer.Abort:
            code = _fail("aborted", 1)
        except typer.TyperException as err:  # usage errors from option parsing
            hint = ""
            ctx = getattr(err, "ctx", None)
            if ctx is not None and getattr(err, "exit_code", 1) == 2:
                hint = f" (see `{ctx.command_path} --help`)"
            code = _fail(err.format_message().rstrip(".") + hint, getattr(err, "exit_code", 1))
        except KeyboardInterrupt:
            code = _fail("interrupted", 130)
        except BrokenPipeError:
            code = _quiet_broken_pipe()
        except Exception as err:  # noqa: BLE001 - the one place that decides
            code = _unexpected(err)
        else:
            code = rv if isinstance(rv, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _fail(message: str, code: int) -> int:
    first = (message.strip().splitlines() or ["failed"])[0]
    typer.echo(f"error: {first}", err=True)
    return code


def _unexpected(err: Exception) -> int:
    """Database driver errors and other surprises: one line, never a traceback."""
    mod = type(err).__module__ or ""
    if mod.startswith(("sqlite3", "sqlalchemy", "psycopg")):
        orig = getattr(err, "orig", None) or err
        return _fail(f"database error: {str(orig).strip() or type(orig).__name__}", 1)
    if isinstance(err, OSError):
        where = f"{err.filename}: " if getattr(err, "filename", None) else ""
        return _fail(f"{where}{err.strerror or err}", 1)
    return _fail(f"unexpected {type(err).__name__}: {err}; please report this", 1)


def _quiet_broken_pipe() -> int:
    # The reader went away (e.g. `| head`): stop quietly, as other Unix tools do.
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 1


def _lean_options() -> None:
    """Skip pydantic for plain string and flag options (a start-up cost, not a behaviour).

    typer 0.2x coerces every parameter through a pydantic ``TypeAdapter``;
    importing pydantic and building the adapters costs ~150 ms, more than the
    whole query.  A ``str`` option needs no validation, so it gets a trivial
    coercion.  If typer's internals change, this does nothing and typer's own
    coercion applies."""
    try:
        from dataclasses import dataclass

        from typer import _coercion
        from typer.core import _TyperParameter

        base = _coercion.RuntimeParam
        original = _TyperParameter.get_runtime_param
    except (ImportError, AttributeError):  # pragma: no cover - another typer
        return

    @dataclass(frozen=True)
    class _Plain(base):
        def _coerce_value(self, value, param, ctx):
            if isinstance(value, self.annotation):
                return value
            if self.annotation is int and isinstance(value, str) and value.strip().isdigit():
                return int(value)
            full = _coercion.build_runtime_param(param.type_descriptor)
            return full._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self):
        info = self.type_descriptor
        if (getattr(self, "_runtime_param", 0) is None and info.annotation in (str, bool, int)
                and info.file_annotation is None and info.parameter_info.parser is None
                and getattr(info.parameter_info, "min", None) is None
                and getattr(info.parameter_info, "max", None) is None):
            self._runtime_param = _Plain(parameter_info=info.parameter_info,
                                         annotation=info.annotation)
        return original(self)

    _TyperParameter.get_runtime_param = get_runtime_param


_lean_options()

app = typer.Typer(
    cls=TradelinkGroup,
    name="tradelink",
    help="A knowledge base of US-China chips-for-minerals news: who said what, "
         "open questions, and how chips, magnets and actors are linked.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tradelink {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", envvar="TRADELINK_DB", show_envvar=True, metavar="PATH|URL",
        help="Database file or SQLAlchemy URL [default: data/tradelink.sqlite]."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = {"db": db}


# --- command registration: one line per command ---------------------------------
from tradelink.cli import eval as eval_  # noqa: E402
from tradelink.cli import db, export, graph, ingest, query, reparse, search  # noqa: E402
from tradelink.cli import doctor  # noqa: E402

app.command("ingest")(ingest.ingest)
app.command("articles")(query.articles)
app.command("actors")(query.actors)
app.command("actor")(query.actor)
app.command("quotes")(query.quotes)
app.command("questions")(query.questions)
app.command("commodities")(query.commodities)
app.command("policies")(query.policies)
app.command("links")(query.links)
app.command("timeline")(query.timeline)
app.command("path")(graph.path)
app.command("graph")(graph.graph)
app.command("export")(export.export)
app.command("search")(search.search)
app.command("reparse")(reparse.reparse)
app.add_typer(db.app, name="db")
app.command("eval")(eval_.eval_cmd)
app.command("doctor")(doctor.doctor)


def main() -> None:
    app()
