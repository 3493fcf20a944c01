"""The `claimmark` command: opens the TUI, and scripts the library from a shell.

Every failure is one line on stderr and a non-zero exit status (1 for errors, 2 for
usage); nothing is changed in the database when a command fails.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from claimmark.store.models import Article
    from claimmark.store.store import Store

from claimmark.tui.launch import settle_after_startup
from claimmark.tui.textfit import one_line

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
    click.echo(f"claimmark {number}")
    ctx.exit()


def fail(message: str, status: int = 1) -> NoReturn:
    """Print one line on stderr and exit."""
    click.echo(f"claimmark: {message}", err=True)
    raise SystemExit(status)


class Context:
    """What every subcommand shares: where the database is, opened on first use."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from claimmark.store.store import Store

            self._store = Store(self.db_path)
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
    context = Context(db_path or default_db_path())
    ctx.obj = context
    ctx.call_on_close(context.close)
    if ctx.invoked_subcommand is None:
        _require_terminal()
        store = context.store
        if store.article_count() == 0 and store.get_setting("samples_imported") is None:
            _import_samples(store)
        _run_tui(store, None)


def _import_samples(store: Store) -> None:
    from claimmark.articles import sample_paths

    for path in sample_paths():
        store.import_file(path)
    store.set_setting("samples_imported", "1")


def _require_terminal() -> None:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        fail("the reader needs a terminal; see 'claimmark --help' for the commands to script it")


def _run_tui(store: Store, article_id: int | None) -> None:
    _require_terminal()
    from claimmark.tui.app import ClaimmarkApp

    # The collector stays off until the first frame (see tui.launch).
    ClaimmarkApp(store, article_id=article_id).run()


def _resolve_article(store: Store, ref: str) -> Article:
    """An article named by id, path, or title fragment; a path not yet in the library is
    added first."""
    path = Path(ref).expanduser()
    if not ref.isdigit() and path.exists():
        return store.import_file(path).article
    return store.find_article(ref)


@cli.command("open")
@click.argument("article")
@pass_context
def open_command(context: Context, article: str) -> None:
    """Open ARTICLE (an id, a file, or a title fragment) in the reader."""
    found = _resolve_article(context.store, article)
    _run_tui(context.store, found.id)


@cli.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_context
def add_command(context: Context, paths: Sequence[Path]) -> None:
    """Add article files (.txt, .md) or folders of them to the library."""
    from claimmark.store.errors import IngestError
    from claimmark.store.ingest import find_article_files

    files = find_article_files(paths)
    if not files:
        fail("no .txt or .md article files found in " + ", ".join(map(str, paths)))
    store = context.store
    failures = 0

    def add(path: Path, report: Callable[[str], None]) -> None:
        nonlocal failures
        try:
            result = store.import_file(path)
        except IngestError as error:
            failures += 1
            click.echo(f"claimmark: {error}", err=True)
            return
        article = result.article
        what = {
            "new": "added",
            "existing": "already in library",
            "new-version": f"new version of #{article.previous_id}",
        }[result.status]
        report(f"{article.id}\t{what}\t{article.title}  [{result.encoding}]")

    if len(files) >= 5 and sys.stderr.isatty():
        from rich.progress import Progress

        lines: list[str] = []
        with Progress(transient=True) as progress:
            task = progress.add_task("Adding articles", total=len(files))
            for path in files:
                add(path, lines.append)
                progress.advance(task)
        for line in lines:
            click.echo(line)
    else:
        for path in files:
            add(path, click.echo)
    if failures:
        raise SystemExit(1)


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--all-versions", is_flag=True, help="Include earlier versions of articles.")
@pass_context
def list_command(context: Context, as_json: bool, all_versions: bool) -> None:
    """List the articles in the library, most recently opened first."""
    articles = context.store.list_articles(all_versions=all_versions)
    if as_json:
        from dataclasses import asdict

        _print_json([asdict(a) for a in articles])
        return
    if not articles:
        click.echo("The library is empty: add articles with 'claimmark add FILE...'.", err=True)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for name, justify in (
        ("id", "right"),
        ("title", "left"),
        ("byline", "left"),
        ("notes", "right"),
        ("claims", "right"),
        ("opened", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for a in articles:
        table.add_row(
            str(a.id),
            a.title,
            a.byline,
            str(a.annotation_count),
            str(a.claim_count),
            (a.last_opened_at or "")[:16].replace("T", " "),
        )
    _console().print(table)


@cli.command("annotations")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def annotations_command(context: Context, article: str, as_json: bool) -> None:
    """List the annotations of ARTICLE in document order."""
    from claimmark.store.models import annotation_to_dict
    from claimmark.store.text import ParagraphIndex

    found = context.store.find_article(article)
    annotations = context.store.list_annotations(found.id)
    paragraphs = ParagraphIndex(found.text)
    if as_json:
        _print_json(
            [
                {**annotation_to_dict(a), "paragraph": paragraphs.number_of(a.start)}
                for a in annotations
            ]
        )
        return
    if not annotations:
        click.echo(f"No annotations in #{found.id} {found.title}.", err=True)
        return
    for a in annotations:
        kind = a.claim.status.value if a.claim else a.kind
        tags = " ".join(f"#{t}" for t in a.tags)
        line = f"{a.id}\t¶{paragraphs.number_of(a.start)}\t{kind}\t{one_line(a.quote, 70)}"
        click.echo(line + (f"\t{tags}" if tags else ""))
        if a.claim and a.claim.claimant:
            click.echo(f"\t\tclaimant: {a.claim.claimant}")
        if a.note:
            click.echo(f"\t\tnote: {one_line(a.note, 70)}")


def _choice(enum: Any) -> click.Choice:
    return click.Choice([member.value for member in enum], case_sensitive=False)


def _claim_options(func: Callable[..., Any]) -> Callable[..., Any]:
    from claimmark.store.models import Attribution, ClaimStatus, Confidence

    options = [
        click.option("--claimant", help="Record a claim made by NAME."),
        click.option("--status", type=_choice(ClaimStatus), help="Claim status."),
        click.option("--confidence", type=_choice(Confidence), help="Claim confidence."),
        click.option("--attribution", type=_choice(Attribution), help="Attribution type."),
        click.option(
            "--source",
            "sources",
            multiple=True,
            help="A source in the chain, outermost first (repeatable).",
        ),
        click.option("--evidence", multiple=True, help="An evidence URL (repeatable)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command("annotate")
@click.argument("article")
@click.option("--quote", required=True, help="The exact text to annotate.")
@click.option(
    "--occurrence",
    type=click.IntRange(min=1),
    default=None,
    help="Which occurrence of the quote (1-based) when it appears more than once.",
)
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--note", default="", help="A note (Markdown).")
@click.option("--color", default=None, help="A highlight colour name.")
@_claim_options
@click.option("--json", "as_json", is_flag=True, help="Print the new annotation as JSON.")
@pass_context
def annotate_command(
    context: Context,
    article: str,
    quote: str,
    occurrence: int | None,
    tags: tuple[str, ...],
    note: str,
    color: str | None,
    claimant: str | None,
    status: str | None,
    confidence: str | None,
    attribution: str | None,
    sources: tuple[str, ...],
    evidence: tuple[str, ...],
    as_json: bool,
) -> None:
    """Annotate the text QUOTE in ARTICLE (a highlight, with tags, a note or a claim)."""
    from claimmark.store.anchoring import find_occurrences
    from claimmark.store.models import (
        AnnotationDraft,
        Attribution,
        Claim,
        ClaimStatus,
        Confidence,
        annotation_to_dict,
    )

    found = context.store.find_article(article)
    starts = find_occurrences(found.text, quote)
    if not starts:
        fail(f"the quote {one_line(quote, 50)!r} is not in #{found.id} {found.title}")
    if occurrence is None and len(starts) > 1:
        fail(f"the quote appears {len(starts)} times in #{found.id}; pick one with --occurrence N")
    index = (occurrence or 1) - 1
    if index >= len(starts):
        fail(f"the quote appears only {len(starts)} time(s) in #{found.id}")
    claim = None
    if claimant is not None or status or confidence or attribution or sources or evidence:
        claim = Claim(
            claimant=claimant or "",
            sources=sources,
            status=ClaimStatus(status or "unverified"),
            confidence=Confidence(confidence or "medium"),
            attribution=Attribution(attribution or "paraphrase"),
            evidence=evidence,
        )
    start = starts[index]
    created = context.store.create_annotation(
        AnnotationDraft(
            found.id,
            start,
            start + len(quote),
            color=color,
            note=note,
            tags=tags,
            claim=claim,
        )
    )
    if as_json:
        _print_json(annotation_to_dict(created))
    else:
        click.echo(f"{created.id}\t{created.kind}\t{one_line(created.quote, 70)}")


@cli.command("claims")
@click.option("--claimant", help="Only claims whose claimant contains this text.")
@click.option("--status", help="Only claims with this status.")
@click.option("--tag", help="Only claims with this tag.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def claims_command(
    context: Context, claimant: str | None, status: str | None, tag: str | None, as_json: bool
) -> None:
    """List every claim in the library."""
    from claimmark.store.models import annotation_to_dict

    rows = context.store.list_claims(claimant=claimant, status=status, tag=tag)
    if as_json:
        _print_json(
            [
                {
                    "article_id": r.article_id,
                    "article_title": r.article_title,
                    **annotation_to_dict(r.annotation),
                }
                for r in rows
            ]
        )
        return
    if not rows:
        click.echo("No claims match.", err=True)
        return
    for r in rows:
        claim = r.annotation.claim
        assert claim is not None
        tags = " ".join(f"#{t}" for t in r.annotation.tags)
        click.echo(
            f"{r.annotation.id}\t{claim.status.value}\t{claim.claimant or '(no claimant)'}\t"
            f"{one_line(r.article_title, 30)}\t{one_line(r.annotation.quote, 60)}"
            + (f"\t{tags}" if tags else "")
        )


@cli.command("suggest")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def suggest_command(context: Context, article: str, as_json: bool) -> None:
    """Print the attributed statements claimmark finds in ARTICLE."""
    from claimmark.store.suggest import suggest_attributions, suggestion_to_dict

    found = context.store.find_article(article)
    dismissed = context.store.dismissed_suggestions(found.id)
    suggestions = [s for s in suggest_attributions(found.text) if (s.start, s.end) not in dismissed]
    if as_json:
        _print_json([suggestion_to_dict(s) for s in suggestions])
        return
    for s in suggestions:
        chain = " → ".join(s.sources)
        click.echo(
            f"{s.start}-{s.end}\t{s.attribution.value}\t{s.claimant}\t[{s.cue}]"
            + (f"\tvia {chain}" if chain else "")
        )
        click.echo(f"\t{one_line(s.sentence, 100)}")


@cli.command("export")
@click.argument("articles", nargs=-1)
@click.option("--all", "export_all", is_flag=True, help="Export every article in the library.")
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    help="A file, a folder, or - for standard output (default: the export folder).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown notes, or a lossless Web Annotation JSON.",
)
@click.option(
    "--group-by",
    type=click.Choice(["document", "tag"]),
    default="document",
    show_default=True,
    help="Order highlights by position or group them by tag.",
)
@click.option("--force", is_flag=True, help="Overwrite files that claimmark did not write.")
@click.option("--timestamp", is_flag=True, help="Record the export time in the file.")
@pass_context
def export_command(
    context: Context,
    articles: tuple[str, ...],
    export_all: bool,
    output: str | None,
    fmt: str,
    group_by: str,
    force: bool,
    timestamp: bool,
) -> None:
    """Export the notes of ARTICLE... (or --all) to Markdown or JSON."""
    from claimmark.store.export import export_articles, export_text

    store = context.store
    if export_all and articles:
        raise click.UsageError("give ARTICLE names or --all, not both")
    if export_all:
        ids = [a.id for a in store.list_articles()]
        if not ids:
            fail("the library is empty: nothing to export")
    elif articles:
        ids = [store.find_article(ref).id for ref in articles]
    else:
        raise click.UsageError("name at least one ARTICLE, or use --all")
    if output == "-":
        click.echo(
            export_text(store, ids, fmt=fmt, group_by=group_by, include_timestamp=timestamp),
            nl=False,
        )
        return
    from claimmark.store.export.files import export_folder

    target = Path(output).expanduser() if output else export_folder(store)

    def run(progress: Callable[[int, int], None] | None = None) -> list[Path]:
        return export_articles(
            store,
            ids,
            target,
            fmt=fmt,
            group_by=group_by,
            force=force,
            include_timestamp=timestamp,
            progress=progress,
        )

    if len(ids) >= 5 and sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Exporting", total=len(ids))
            written = run(lambda done, total: bar.update(task, completed=done))
    else:
        written = run()
    for path in written:
        click.echo(str(path))


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@pass_context
def import_command(context: Context, file: Path) -> None:
    """Restore articles and annotations from a claimmark JSON export."""
    from claimmark.store.export import import_collection

    try:
        data = file.read_bytes()
    except OSError as error:
        fail(f"error: cannot read {file}: {error.strerror or error}")
    summary = import_collection(context.store, data)
    click.echo(
        f"{summary.articles_added} articles added, {summary.articles_existing} already there; "
        f"{summary.annotations_added} annotations added, {summary.annotations_skipped} "
        "already there"
    )


CONFIG_KEYS = {"export_dir": "the folder ctrl+e and 'claimmark export' write to"}


@cli.command("config")
@click.argument("key", required=False, type=click.Choice(sorted(CONFIG_KEYS)))
@click.argument("value", required=False)
@pass_context
def config_command(context: Context, key: str | None, value: str | None) -> None:
    """Show or set a setting (KEY alone shows it; KEY VALUE sets it)."""
    from claimmark.store.export.files import export_folder

    store = context.store
    if key is None:
        click.echo(f"export_dir\t{export_folder(store)}")
        return
    if value is None:
        click.echo(str(export_folder(store)))
        return
    store.set_setting(key, str(Path(value).expanduser().resolve()))
    click.echo(f"{key}\t{store.get_setting(key)}")


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


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


if __name__ == "__main__":
    main()
