"""The `claimmark` entry point: opens the reader without the command-line machinery, and
hands every other command line to the click CLI (`claimmark.tui.cli`).

Opening the reader is what people do most and what they wait for, so the launch lines
`claimmark` and `claimmark open ARTICLE` (each with `--db PATH`, `--db=PATH` or
CLAIMMARK_DB) are read here, as click reads them, and run by the same functions the click
commands call (`open_library`, `open_article`), with the same one-line errors (`guarded`).
Click and the modules of the other commands are then never imported. Anything else (another
command, another option, --help, a line click would refuse, a --db that click's path check
would refuse, shell completion) goes to the click CLI unchanged, which reports it.

Start-up allocates hundreds of thousands of long-lived objects (Textual, Rich, our
modules, the article). Left on, Python's cyclic collector walks them again and again
while the app starts, and its first full pass (~65 ms here) lands just before the
first frame. So the collector is off from here until the first frame is on screen;
then everything alive is frozen (never scanned again) and the collector is back on.
Commands that do not open the reader turn it back on at once (`tui.cli.cli`).
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from claimmark.store.models import Article
    from claimmark.store.store import Store

DB_ENV = "CLAIMMARK_DB"
COMPLETION_ENV = "_CLAIMMARK_COMPLETE"
"""Set by click's shell completion scripts: click answers those."""

SWITCH_INTERVAL_S = 0.001
"""How long the UI thread may keep the interpreter from a thread waiting for it (Python's
default is 0.005 s); see `run_tui`."""


def main() -> None:
    gc.disable()
    launch = parse_launch(sys.argv[1:], os.environ)
    if launch is None:
        from claimmark.tui.cli import main as cli_main

        cli_main()
        return
    db_path, article = launch

    def run() -> None:
        try:
            launch_reader(db_path, article)
        except (EOFError, KeyboardInterrupt):  # as click reports them inside a command
            print(file=sys.stderr)  # closes the terminal's ^C echo
            fail("aborted", 130)

    guarded(run)


def parse_launch(
    args: Sequence[str], environ: Mapping[str, str]
) -> tuple[Path | None, str | None] | None:
    """`(db, article)` when `args` is `[--db PATH | --db=PATH] [open ARTICLE]`: the library
    file (from --db, else CLAIMMARK_DB, else None for the default) and the article to open
    (None: the library). None for any other line, which the click CLI reads instead.

    Only lines that click reads the same way are taken: no other option or command, no
    value that starts with a dash or is empty, and a --db that click's path check (not a
    directory, readable if it exists) lets through."""
    if COMPLETION_ENV in environ:
        return None
    rest = list(args)
    db: str | None = None
    if rest and rest[0] == "--db":
        if len(rest) < 2:
            return None
        db, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--db="):
        db, rest = rest[0].removeprefix("--db="), rest[1:]
    if db is not None and (not db or db.startswith("-")):
        return None
    if db is None:
        db = environ.get(DB_ENV) or None  # click treats an empty variable as unset
    if db is not None and not _click_accepts_path(db):
        return None
    if not rest:
        return (Path(db) if db is not None else None, None)
    if len(rest) != 2 or rest[0] != "open" or not rest[1] or rest[1].startswith("-"):
        return None
    return (Path(db) if db is not None else None, rest[1])


def _click_accepts_path(value: str) -> bool:
    """Whether click's `Path(dir_okay=False)` (readable by default) takes `value` as is."""
    try:
        mode = os.stat(value).st_mode
    except OSError:
        return True  # a file not made yet: the library is created there
    except ValueError:
        return False  # e.g. a NUL byte: click says what it makes of it
    return not stat.S_ISDIR(mode) and os.access(value, os.R_OK)


def guarded(run: Callable[[], None]) -> None:
    """Run a command; any failure is one line on stderr and a non-zero exit status."""
    from claimmark.store.errors import ClaimmarkError

    try:
        run()
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


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print `text` (which may hold stored text) to standard output or error, as text: any
    control character, bidi control or lone surrogate in it is shown as U+FFFD
    (`store.sanitize.visible`), so nothing printed can drive the terminal. Every command
    prints through here (ruff bans a bare `click.echo` in `tui/cli`)."""
    import click  # (not imported to open the reader: only to print)

    from claimmark.store.sanitize import visible

    click.echo(visible(text), err=err, nl=nl)  # noqa: TID251 - the one place


def fail(message: str, status: int = 1) -> NoReturn:
    """Print one line on stderr and exit."""
    echo(f"claimmark: {' '.join(message.split())}", err=True)
    raise SystemExit(status)


def default_db_path() -> Path:
    """`claimmark.db` in the user's data folder (e.g. ~/.local/share/claimmark)."""
    from platformdirs import user_data_path

    return user_data_path("claimmark", appauthor=False) / "claimmark.db"


class Context:
    """What every command shares: where the database is, opened on first use."""

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


def launch_reader(db_path: Path | None, article: str | None) -> None:
    """`claimmark [--db PATH]` (article None) or `claimmark [--db PATH] open ARTICLE`."""
    context = Context(db_path or default_db_path(), screen=True)
    try:
        if article is None:
            open_library(context)
        else:
            open_article(context, article)
    finally:
        context.close()


def open_library(context: Context) -> None:
    """`claimmark` alone: the library in the reader, with the bundled sample articles
    imported on a first run with an empty library."""
    require_terminal()
    store = context.store
    if store.article_count() == 0 and store.get_setting("samples_imported") is None:
        _import_samples(store)
    run_tui(store, None)


def open_article(
    context: Context, article: str, timeout: float | None = None, version: int | None = None
) -> None:
    """`claimmark open ARTICLE`: the article (an id, a file, a URL, or a title fragment)
    in the reader. A file or URL not yet in the library is added first (a URL already in
    it opens without fetching); `timeout` is the web fetch's (None: the default). With
    `version` (`--version N`), that older version opens read-only, as history."""
    require_terminal()  # before a new file or page is added: a failed command changes nothing
    store = context.store
    if not article.isdigit():  # (an id is no URL: the fetch module stays unimported)
        from claimmark.store.web.fetch import looks_like_url

        if looks_like_url(article):
            found = store.find_url(article.strip())
            if found is None:
                from claimmark.store.web.add import add_url

                found = add_url(store, article, timeout=timeout).article
            if version is not None:
                found = store.version_of(found.id, version)
            run_tui(store, found.id, exact_version=version is not None)
            return
    found = resolve_article(store, article, version)
    run_tui(store, found.id, exact_version=version is not None)


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

    # The collector stays off until the first frame (see the module's docstring).
    app = ClaimmarkApp(store, article_id=article_id, exact_version=exact_version)
    # Textual writes each frame from a thread of its own. Work that follows a frame on the
    # UI thread (a toast to mount after an edit) kept that thread from the interpreter for
    # up to the default switch interval, 5 ms, after the frame was ready: a frame reached
    # the terminal up to 8 ms late (seen in traces of x and u at 5,000 annotations). A
    # waiting thread now gets its turn within 1 ms; with nothing waiting, nothing changes.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app.run()
    if app.return_code:  # the app ended on an error (Textual has printed it): say so
        raise SystemExit(app.return_code)


def resolve_article(store: Store, ref: str, version: int | None = None) -> Article:
    """An article named by id, path, or title fragment (its newest version, or version
    number `version`); a path not yet in the library is added first."""
    if ref.isdigit():
        return store.find_article(ref, version=version)
    path = Path(ref).expanduser()
    if path.exists():
        added = store.import_file(path).article
        return store.find_article(str(added.id), version=version)
    if os.path.lexists(path):  # a link that leads nowhere
        from claimmark.store.errors import IngestError
        from claimmark.store.ingest import path_problem

        raise IngestError(f"{ref}: {path_problem(path)}")
    return store.find_article(ref, version=version)


def settle_after_startup() -> None:
    """Called once the first frame is drawn (and by commands with no screen)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
