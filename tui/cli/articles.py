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
    """Open ARTICLE (an id, a file, or a title fragment) in the reader (its newest
    version; `claimmark versions` and the reader's V key show the older ones)."""
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
        if result.carried is not None:
            what += f" ({result.carried.summary()})"
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


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--all-versions", is_flag=True, help="Include earlier versions of articles.")
@pass_context
def list_command(context: Context, as_json: bool, all_versions: bool) -> None:
    """List the articles in the library, most recently opened first."""
    articles = context.store.list_articles(all_versions=all_versions)
    if as_json:
        from dataclasses import asdict

        print_json([asdict(a) for a in articles])
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
        ("notes", "right"),
        ("claims", "right"),
        ("versions", "right"),
        ("opened", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for a in articles:
        table.add_row(
            str(a.id),
            cell(a.title),
            cell(a.byline),
            str(a.annotation_count) + (f" +{a.orphan_count} orphaned" if a.orphan_count else ""),
            str(a.claim_count),
            str(a.version_count) + (" new" if a.unseen_version else ""),
            (a.last_opened_at or "")[:16].replace("T", " "),
        )
    console().print(table)


@cli.command("versions")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def versions_command(context: Context, article: str, as_json: bool) -> None:
    """List the versions of ARTICLE, oldest first, with what changed in each."""
    from claimmark.store.textdiff import compare, summary

    store = context.store
    found = store.find_article(article)
    versions = store.versions(found.id)
    changes: list[str] = [""]
    previous = store.get_article(versions[0].id)
    for version in versions[1:]:
        current = store.get_article(version.id)
        changes.append(summary(compare(previous.text, current.text)))
        previous = current
    if as_json:
        from dataclasses import asdict

        print_json(
            [
                {**asdict(v), "changes": change or None}
                for v, change in zip(versions, changes, strict=True)
            ]
        )
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for name, justify in (
        ("version", "right"),
        ("id", "right"),
        ("imported", "left"),
        ("characters", "right"),
        ("notes", "right"),
        ("changes", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for version, change in zip(versions, changes, strict=True):
        notes = str(version.annotation_count)
        if not version.newest and version.annotation_count:
            notes += " orphaned"
        table.add_row(
            f"{version.number}{' (newest)' if version.newest else ''}",
            str(version.id),
            version.imported_at[:16].replace("T", " "),
            str(version.length),
            notes,
            change or "first text",
        )
    console().print(table)


@cli.command("diff")
@click.argument("article")
@click.argument("old", type=click.IntRange(min=1), required=False)
@click.argument("new", type=click.IntRange(min=1), required=False)
@click.option("--all", "show_all", is_flag=True, help="Show unchanged paragraphs too.")
@pass_context
def diff_command(
    context: Context, article: str, old: int | None, new: int | None, show_all: bool
) -> None:
    """Show what changed in ARTICLE between versions OLD and NEW (default: the last
    change): removed words struck through, added words marked, paragraph by paragraph."""
    from rich.text import Text

    from claimmark.store.textdiff import Change, Words, compare, summary

    store = context.store
    found = store.find_article(article)
    count = len(store.versions(found.id))
    new = new or count
    old = old or new - 1
    if old < 1 or old == new:
        fail(f"#{found.id} {found.title} has {count} version(s): nothing to compare")
    first, second = store.version_of(found.id, old), store.version_of(found.id, new)
    changes = compare(first.text, second.text)
    out = console()
    out.print(Text(f"version {old} → {new}: {summary(changes)}", style="bold"))
    styles = {
        Words.SAME: "",
        Words.REMOVED: "strike red",
        Words.ADDED: "bold green",
    }
    for item in changes:
        if item.change is Change.SAME and not show_all:
            continue
        label = {
            Change.SAME: " ",
            Change.EDITED: "~",
            Change.ADDED: "+",
            Change.REMOVED: "-",
            Change.MOVED: ">",
        }[item.change]
        number = item.new_number or item.old_number
        line = Text(f"{label} ¶{number} ", style="dim")
        for kind, words in item.runs:
            if out.color_system is None and kind is not Words.SAME and item.change is Change.EDITED:
                # No colours (a pipe, NO_COLOR): git's word-diff marks instead.
                words = f"[-{words}-]" if kind is Words.REMOVED else f"{{+{words}+}}"
            line.append(words, style=styles[kind])
        out.print(line)
