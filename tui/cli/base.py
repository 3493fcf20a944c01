"""The `claimmark` command group, its shared context and its one-line errors.

The subcommands live beside this module, one module per subject (articles,
annotations, export, config); `claimmark.tui.cli` imports them all. Every failure is
one line on stderr and a non-zero exit status (1 for errors, 2 for usage).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from claimmark.store.models import Article
    from claimmark.store.store import Store

from claimmark.tui.launch import settle_after_startup

DB_ENV = "CLAIMMARK_DB"


def default_db_path() -> Path:
    """`claimmark.db` in the user's data folder (e.g. ~/.local/share/claimmark)."""
    from platformdirs import user_data_path

    return user_data_path("claimmark", appauthor=False) / "claimmark.db"


def _print_version(ctx: click.Context) -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("claimmark")
    except PackageNotFoundError:  # running from a source tree
        number = "0.1.0 (source)"
    echo(f"claimmark {number}")
    ctx.exit()


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print `text` (which may hold stored text) to standard output or error, as text: any
    control character, bidi control or lone surrogate in it is shown as U+FFFD
    (`store.sanitize.visible`), so nothing printed can drive the terminal. Every command
    prints through here (ruff bans a bare `click.echo` in `tui/cli`)."""
    from claimmark.store.sanitize import visible

    click.echo(visible(text), err=err, nl=nl)  # noqa: TID251 - the one place


def fail(message: str, status: int = 1) -> NoReturn:
    """Print one line on stderr and exit."""
    echo(f"claimmark: {' '.join(message.split())}", err=True)
    raise SystemExit(status)


class Context:
    """What every subcommand shares: where the database is, opened on first use."""

    def __init__(self, db_path: Path, *, screen: bool = False) -> None:
        self.db_path = db_path
        self.screen = screen
        """The command opens the TUI: the library's damage check waits for its first frame
        (the app runs it in a worker; every write waits for it)."""
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from claimmark.store.store import Store

            self._store = Store(self.db_path, check="later" if self.screen else "now")
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


pass_context = click.make_pass_decorator(Context)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar=DB_ENV,
    show_envvar=True,
    help="The SQLite file of the library (default: claimmark.db in the user data folder).",
)
@click.option(
    "--version",
    "-V",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _print_version(ctx) if value else None,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """claimmark: read news articles critically in the terminal.

    With no command, opens the library in the terminal reader (importing the bundled
    sample articles on a first run with an empty library).
    """
    if ctx.invoked_subcommand not in (None, "open"):
        settle_after_startup()  # no screen to start: the collector back on now
    context = Context(db_path or default_db_path(), screen=ctx.invoked_subcommand in (None, "open"))
    ctx.obj = context
    ctx.call_on_close(context.close)
    if ctx.invoked_subcommand is None:
        require_terminal()
        store = context.store
        if store.article_count() == 0 and store.get_setting("samples_imported") is None:
            _import_samples(store)
        run_tui(store, None)


def _import_samples(store: Store) -> None:
    from claimmark.articles import sample_paths, sample_source

    with store.transaction():  # all the samples or none
        for path in sample_paths():  # named by file name, not by where pip put them
            store.import_file(path, source=sample_source(str(path)))
        store.set_setting("samples_imported", "1")


def require_terminal() -> None:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        fail("the reader needs a terminal; see 'claimmark --help' for the commands to script it")


def run_tui(store: Store, article_id: int | None, *, exact_version: bool = False) -> None:
    require_terminal()
    from claimmark.tui.app import ClaimmarkApp

    # The collector stays off until the first frame (see tui.launch).
    app = ClaimmarkApp(store, article_id=article_id, exact_version=exact_version)
    app.run()
    if app.return_code:  # the app ended on an error (Textual has printed it): say so
        raise SystemExit(app.return_code)


def resolve_article(store: Store, ref: str, version: int | None = None) -> Article:
    """An article named by id, path, or title fragment (its newest version, or version
    number `version`); a path not yet in the library is added first."""
    from claimmark.store.errors import IngestError
    from claimmark.store.ingest import path_problem

    path = Path(ref).expanduser()
    if not ref.isdigit() and path.exists():
        added = store.import_file(path).article
        return store.find_article(str(added.id), version=version)
    if not ref.isdigit() and os.path.lexists(path):  # a link that leads nowhere
        raise IngestError(f"{ref}: {path_problem(path)}")
    return store.find_article(ref, version=version)


def version_option(func: Any) -> Any:
    """The `--version N` option of commands that take an ARTICLE."""
    return click.option(
        "--version",
        "version",
        type=click.IntRange(min=1),
        default=None,
        help="Version N of the article (1 = the first text; default: the newest).",
    )(func)


def print_json(data: Any) -> None:
    """Print `data` as indented JSON, terminal-safe (`store.sanitize.terminal_json`)."""
    from claimmark.store.sanitize import terminal_json

    click.echo(terminal_json(data))  # noqa: TID251 - escapes what a terminal must not get


def console() -> Any:
    """A Rich console for tables. Stored text goes in as `cell(...)`, never as a str,
    which Rich would read as markup."""
    from rich.console import Console

    return Console(soft_wrap=False)


def cell(text: str) -> Any:
    """Stored text as a Rich table cell: plain text (never markup), shown safely."""
    from rich.text import Text

    from claimmark.store.sanitize import visible

    return Text(visible(text))


def main(argv: Sequence[str] | None = None) -> None:
    """The console-script entry point: runs the CLI with one-line errors."""
    from claimmark.store.errors import ClaimmarkError

    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="claimmark",
            standalone_mode=False,
        )
    except click.exceptions.Exit as done:
        raise SystemExit(done.exit_code) from None
    except click.exceptions.Abort:
        fail("aborted", 130)
    except click.UsageError as error:
        hint = " (see 'claimmark --help')"
        if error.ctx is not None and error.ctx.command_path != "claimmark":
            hint = f" (see '{error.ctx.command_path} --help')"
        fail(f"error: {error.format_message()}{hint}", 2)
    except click.ClickException as error:
        fail(f"error: {error.format_message()}", error.exit_code)
    except ClaimmarkError as error:
        fail(f"error: {error}")
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(1) from None
    except OSError as error:
        where = getattr(error, "filename", "") or ""
        fail(f"error: {error.strerror or error}{': ' + str(where) if where else ''}")
