"""`claimmark open`, `add`, `refresh` and `list`: the articles in the library."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

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
    version_option,
)
from claimmark.tui.launch import open_article

if TYPE_CHECKING:
    from claimmark.store.web.add import AddOutcome

PROGRESS_MIN_ITEMS = 2
WIDE_LIST_COLUMNS = 120
"""`claimmark list` shows site and date columns from this terminal width."""
"""A progress bar (on a terminal) for this many items or more."""

_TIMEOUT_HELP = (
    "Seconds to wait for a web server to connect and for each read "
    "(default 20, or the CLAIMMARK_TIMEOUT environment variable)."
)


def _timeout_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        metavar="SECONDS",
        help=_TIMEOUT_HELP,
    )(func)


@cli.command("open")
@click.argument("article")
@_timeout_option
@version_option
@pass_context
def open_command(
    context: Context, article: str, timeout: float | None, version: int | None
) -> None:
    """Open ARTICLE (an id, a file, a URL, or a title fragment) in the reader.

    A file or URL not yet in the library is added first (a URL already in it opens
    without fetching; 'claimmark refresh' fetches it again). With --version N, an older
    version opens read-only, as history, with the notes where they sat on it."""
    open_article(context, article, timeout, version)  # (also run without click: tui.launch)


@cli.command("add")
@click.argument("items", nargs=-1, required=True, metavar="URL|FILE|FOLDER...")
@_timeout_option
@pass_context
def add_command(context: Context, items: Sequence[str], timeout: float | None) -> None:
    """Add web pages (http/https URLs), article files (.txt, .md, .html, .htm, .xhtml)
    or folders of them to the library.

    Each item is added on its own: one that fails is reported in one line and the others
    are still added. The last line (for more than one item) says how many were added,
    unchanged and failed; the exit status is 1 if any failed."""
    from claimmark.store.web.add import add_targets, expand
    from claimmark.store.web.fetch import configured_timeout

    timeout = configured_timeout(timeout)
    targets = expand(items)
    outcomes = _run_with_progress(
        "Adding",
        len(targets),
        lambda progress: add_targets(context.store, targets, timeout=timeout, progress=progress),
    )
    _finish(outcomes, verb="added")


@cli.command("refresh")
@click.argument("articles", nargs=-1, metavar="ARTICLE...")
@click.option("--all", "refresh_all", is_flag=True, help="Refresh every article from the web.")
@_timeout_option
@pass_context
def refresh_command(
    context: Context, articles: Sequence[str], refresh_all: bool, timeout: float | None
) -> None:
    """Fetch ARTICLE... (or --all articles from the web) again.

    The same text changes nothing (it says so); a changed text becomes a new version of
    the article, which the library then shows. An article added from a file is read
    from that file again."""
    from claimmark.store.web.add import refresh_articles
    from claimmark.store.web.fetch import configured_timeout

    store = context.store
    timeout = configured_timeout(timeout)
    if refresh_all and articles:
        raise click.UsageError("give ARTICLE names or --all, not both")
    if refresh_all:
        found = [store.get_article(a.id) for a in store.list_articles()]
        found = [a for a in found if a.url]
        if not found:
            fail("no article in the library came from the web: nothing to refresh")
    elif articles:
        found = [store.find_article(ref) for ref in articles]
    else:
        raise click.UsageError("name at least one ARTICLE, or use --all")
    outcomes = _run_with_progress(
        "Refreshing",
        len(found),
        lambda progress: refresh_articles(store, found, timeout=timeout, progress=progress),
    )
    _finish(outcomes, verb="refreshed")


def _run_with_progress(label, total, work):  # type: ignore[no-untyped-def]
    """Run `work(progress)`; on a terminal with several items, a rich progress bar on
    stderr, with each failure printed above it as it happens. Item lines go to stdout
    when the bar is gone."""
    if total >= PROGRESS_MIN_ITEMS and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[item]}", markup=False),
            console=Console(stderr=True),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        ) as bar:
            task = bar.add_task(label, total=total, item="")

            def progress(done: int, _total: int, outcome: AddOutcome) -> None:
                if outcome.error:
                    from claimmark.store.sanitize import visible

                    message = visible(f"claimmark: {outcome.error}")
                    bar.console.print(message, markup=False, highlight=False)
                bar.update(task, completed=done, item=_short(outcome.item))  # printable only

            outcomes = work(progress)
        _print_lines(outcomes, errors=False)
        return outcomes
    outcomes = work(lambda done, _total, outcome: _print_lines([outcome]))
    return outcomes


def _print_lines(outcomes: Sequence[AddOutcome], *, errors: bool = True) -> None:
    """One line per outcome: what was stored on stdout, a failure on stderr."""
    for outcome in outcomes:
        if outcome.error:
            if errors:
                echo(f"claimmark: {outcome.error}", err=True)
            continue
        echo(_describe(outcome))


def _describe(outcome: AddOutcome) -> str:
    result = outcome.result
    assert result is not None
    article = result.article
    previous = outcome.previous
    if outcome.status == "unchanged":
        if previous is not None and previous.id != article.id:
            what = f"unchanged (the same text as #{article.id})"
        elif previous is not None:
            what = "unchanged"
        else:
            what = "already in library"
    elif outcome.status == "new-version":
        what = f"new version of #{article.previous_id}"
        if article.repeat:
            what += ", back to an earlier text"
        if result.carried is not None:
            what += f" ({result.carried.summary()})"
    else:
        what = "added"
    detail = (article.site_name or _host(article.url)) if article.url else result.encoding
    return f"{article.id}\t{what}\t{article.title}  [{detail}]"


def _finish(outcomes: Sequence[AddOutcome], *, verb: str) -> None:
    """The summary line (for more than one item) and the exit status."""
    counts = {"added": 0, "new-version": 0, "unchanged": 0, "failed": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
    if len(outcomes) > 1:
        if verb == "added":
            versions = counts["new-version"]
            added = counts["added"] + versions
            parts = [f"{added} added" + (f" ({versions} as new versions)" if versions else "")]
        else:
            parts = [f"{counts['new-version']} with a new version"]
        parts += [f"{counts['unchanged']} unchanged", f"{counts['failed']} failed"]
        echo(f"claimmark: {len(outcomes)} {_items(verb)}: " + ", ".join(parts), err=True)
    if counts["failed"]:
        raise SystemExit(1)


def _items(verb: str) -> str:
    return "items" if verb == "added" else "articles"


def _host(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).hostname or url


def _short(text: str, limit: int = 50) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]


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
        echo("The library is empty: add articles with 'claimmark add URL|FILE...'.", err=True)
        return
    from rich.table import Table

    out = console()
    # Site and publication date when the terminal (or COLUMNS) has room for them.
    wide = out.width >= WIDE_LIST_COLUMNS
    # The counts always, and the versions once an article has several; the byline and how
    # far each was read when there is room for them beside the title.
    roomy = out.width >= 110
    versions = any(a.version_count > 1 for a in articles)
    columns = [
        ("id", "right", None),
        ("title", "left", None),
        *((("byline", "left", 24),) if roomy else ()),
        *((("site", "left", 18), ("published", "left", None)) if wide else ()),
        ("annotations", "right", None),
        ("notes", "right", None),
        ("claims", "right", None),
        *((("read", "right", None),) if roomy else ()),
        *((("versions", "right", None),) if versions else ()),
        ("opened", "left", None),
    ]
    table = Table(box=None, pad_edge=False)
    for name, justify, width in columns:
        table.add_column(
            name,
            justify=justify,  # type: ignore[arg-type]
            no_wrap=name != "title",
            overflow="ellipsis",
            max_width=width,
        )
    for a in articles:
        read = a.read_percent
        row: list[Any] = [str(a.id), cell(a.title)]
        if roomy:
            row.append(cell(a.byline))
        if wide:
            row += [cell(a.site_name), a.published[:10]]
        row += [
            str(a.annotation_count) + (f" +{a.orphan_count} orphaned" if a.orphan_count else ""),
            str(a.note_count),
            str(a.claim_count),
        ]
        if roomy:
            row.append("" if read is None else f"{read}%")
        if versions:
            row.append(str(a.version_count) + (" new" if a.unseen_version else ""))
        opened = (a.last_opened_at or "")[:16].replace("T", " ")
        row.append(opened if roomy else opened[:10])
        table.add_row(*row)
    out.print(table)


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
        change = summary(compare(previous.text, current.text))
        if version.same_as:
            change = f"back to the text of version {version.same_as} ({change})"
        changes.append(change)
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
