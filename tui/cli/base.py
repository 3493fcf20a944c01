"""The `claimmark` command group and its one-line errors.

The subcommands live beside this module, one module per subject (articles,
annotations, export, config); `claimmark.tui.cli` imports them all. Every failure is
one line on stderr and a non-zero exit status (1 for errors, 2 for usage). The context
the commands share, opening the reader and the errors every command has are in
`tui.launch` (which opens the reader without click) and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from claimmark.tui.launch import (
    DB_ENV,
    Context,
    default_db_path,
    echo,
    fail,
    guarded,
    open_library,
    require_terminal,
    resolve_article,
    run_tui,
    settle_after_startup,
)

__all__ = [
    "DB_ENV",
    "Context",
    "cell",
    "cli",
    "console",
    "default_db_path",
    "echo",
    "fail",
    "main",
    "pass_context",
    "print_json",
    "require_terminal",
    "resolve_article",
    "run_tui",
]


def _print_version(ctx: click.Context) -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("claimmark")
    except PackageNotFoundError:  # running from a source tree
        number = "0.1.0 (source)"
    echo(f"claimmark {number}")
    ctx.exit()


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
        open_library(context)


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
    """Run the CLI on `argv` (default: the command line) with one-line errors: click's
    here, the rest as every command has them (`tui.launch.guarded`)."""

    def run() -> None:
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

    guarded(run)
