"""`claimmark open`, `add` and `list`: the articles in the library."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from claimmark.tui.cli.base import (
    Context,
    cell,
    cli,
    console,
    echo,
    fail,
    pass_context,
    print_json,
    require_terminal,
    resolve_article,
    run_tui,
)


@cli.command("open")
@click.argument("article")
@pass_context
def open_command(context: Context, article: str) -> None:
    """Open ARTICLE (an id, a file, or a title fragment) in the reader."""
    require_terminal()  # before a new file is added: a failed command changes nothing
    found = resolve_article(context.store, article)
    run_tui(context.store, found.id)


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
            echo(f"claimmark: {error}", err=True)
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
            echo(line)
    else:
        for path in files:
            add(path, echo)
    if failures:
        raise SystemExit(1)


SORTS = ("opened", "added", "title", "annotations", "notes", "claims")
"""The orders of `claimmark list` (store.models.LibrarySort)."""


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--all-versions", is_flag=True, help="Include earlier versions of articles.")
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="opened",
    show_default=True,
    help="Order: last opened, added (newest first), title, or most annotations/notes/claims.",
)
@click.option("--reverse", is_flag=True, help="The other way round.")
@pass_context
def list_command(
    context: Context, as_json: bool, all_versions: bool, sort: str, reverse: bool
) -> None:
    """List the articles in the library, most recently opened first.

    The counts are named as in exports: annotations (all of them), of which notes and
    claims; read is how far through the article the saved reading position is.
    """
    articles = context.store.list_articles(all_versions=all_versions, sort=sort, reverse=reverse)
    if as_json:
        from dataclasses import asdict

        print_json([{**asdict(a), "read_percent": a.read_percent} for a in articles])
        return
    if not articles:
        echo("The library is empty: add articles with 'claimmark add FILE...'.", err=True)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for name, justify in (
        ("id", "right"),
        ("title", "left"),
        ("byline", "left"),
        ("annotations", "right"),
        ("notes", "right"),
        ("claims", "right"),
        ("read", "right"),
        ("opened", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for a in articles:
        read = a.read_percent
        table.add_row(
            str(a.id),
            cell(a.title),
            cell(a.byline),
            str(a.annotation_count),
            str(a.note_count),
            str(a.claim_count),
            "" if read is None else f"{read}%",
            (a.last_opened_at or "")[:16].replace("T", " "),
        )
    console().print(table)
