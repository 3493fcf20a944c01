"""`claimmark search`, `delete` and `tags`: the library as a whole, from a shell."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from claimmark.store.sanitize import visible
from claimmark.tui.cli.base import (
    Context,
    cell,
    cli,
    console,
    echo,
    fail,
    pass_context,
    print_json,
)
from claimmark.tui.textfit import clip, squash

if TYPE_CHECKING:
    from rich.text import Text

    from claimmark.store.results import SearchHit, TagChange

TITLE_CELLS = 32
"""The width the title of a hit is clipped to in the text output."""


def hit_to_dict(hit: SearchHit) -> dict[str, Any]:
    """A search hit as JSON-ready values."""
    return {
        "article_id": hit.article_id,
        "title": hit.title,
        "where": hit.where,
        "kind": hit.kind,
        "field": hit.field,
        "paragraph": hit.paragraph,
        "snippet": hit.snippet,
        "marks": [list(mark) for mark in hit.marks],
        "start": hit.start,
        "end": hit.end,
        "annotation_id": hit.annotation_id,
        "score": hit.score,
    }


def marked_snippet(hit: SearchHit, style: str = "bold reverse") -> Text:
    """The hit's snippet on one line with its matches in `style` (a Text: stored text is
    never read as markup)."""
    from rich.text import Text

    text = Text(visible(hit.snippet.replace("\n", " ")), no_wrap=True)
    for start, end in hit.marks:
        text.stylize(style, start, end)
    return text


@cli.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Show at most N hits.",
)
@click.option("--all-versions", is_flag=True, help="Search earlier versions of articles too.")
@pass_context
def search_command(
    context: Context, query: tuple[str, ...], as_json: bool, limit: int, all_versions: bool
) -> None:
    """Search titles, article text, quotes, notes, claimants, sources and tags.

    QUERY is SQLite FTS5 syntax: words (all must occur), "a phrase", prefix*, AND, OR,
    NOT, NEAR(a b), column:word (title, text, quote, note, claimant, sources, tags). A
    query FTS5 cannot read is searched as its plain words. Best hits first.
    """
    text = " ".join(query)
    result = context.store.search(text, limit=limit, all_versions=all_versions)
    if result.plain_words:
        echo(
            f"claimmark: {squash(text)!r} is not FTS5 syntax: searched for the words "
            f"{result.query}",
            err=True,
        )
    if as_json:
        print_json(
            {
                "query": result.query,
                "plain_words": result.plain_words,
                "more": result.more,
                "hits": [hit_to_dict(hit) for hit in result.hits],
            }
        )
        return
    if not result.hits:
        echo(f"No matches for {squash(text)!r}.", err=True)
        return
    from rich.text import Text

    id_cells = max(len(str(hit.article_id)) for hit in result.hits)
    where_cells = max(len(hit.where) for hit in result.hits)
    out = console()
    for hit in result.hits:
        line = Text(no_wrap=True)
        line.append(f"{hit.article_id:>{id_cells}}  ")
        line.append(f"{hit.where:<{where_cells}}  ", style="dim")
        title = visible(clip(squash(hit.title), TITLE_CELLS))
        line.append(f"{title:<{TITLE_CELLS}}  ", style="bold")
        line.append_text(marked_snippet(hit))
        out.print(line, soft_wrap=True, highlight=False)
    if result.more:
        echo(f"(more than {limit} hits: --limit N shows more)", err=True)


@cli.command("delete")
@click.argument("articles", nargs=-1, required=True)
@click.option("--yes", "-y", is_flag=True, help="Do not ask (asked only on a terminal).")
@pass_context
def delete_command(context: Context, articles: tuple[str, ...], yes: bool) -> None:
    """Delete ARTICLE(s) with every version, annotation and index entry of them.

    ARTICLE is an id, a path or a unique fragment of a title. All are looked up first:
    if one is not found, nothing is deleted.
    """
    store = context.store
    found = {}
    for ref in articles:
        article = store.find_article(ref)
        found[article.id] = article
    summaries = {s.id: s for s in store.article_summaries(list(found))}
    count = sum(s.annotation_count for s in summaries.values())
    if not yes and sys.stdin.isatty() and sys.stdout.isatty():
        names = ", ".join(f"#{a.id} {squash(a.title)!r}" for a in found.values())
        if not click.confirm(
            f"Delete {names} ({count} annotation{'s' if count != 1 else ''})?", err=True
        ):
            fail("nothing deleted")
    deleted = store.delete_articles(list(found))
    for article in found.values():
        echo(f"deleted #{article.id} {squash(article.title)}")
    versions = len(deleted.article_ids)
    echo(
        f"{len(found)} article{'s' if len(found) != 1 else ''} deleted "
        f"({versions} text{'s' if versions != 1 else ''} with earlier versions, "
        f"{deleted.annotation_count} annotation{'s' if deleted.annotation_count != 1 else ''})",
        err=True,
    )


@cli.group("tags", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def tags_command(ctx: click.Context, as_json: bool) -> None:
    """List every tag with how many annotations and articles carry it (most used first);
    `rename`, `merge` and `delete` change a tag across the whole library."""
    if ctx.invoked_subcommand is not None:
        return
    context = ctx.find_object(Context)
    assert context is not None
    counts = context.store.tag_counts()
    if as_json:
        print_json(
            [{"name": t.name, "annotations": t.annotations, "articles": t.articles} for t in counts]
        )
        return
    if not counts:
        echo("No tags yet: tag an annotation with t in the reader.", err=True)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    table.add_column("tag")
    table.add_column("annotations", justify="right")
    table.add_column("articles", justify="right")
    for tag in counts:
        table.add_row(cell(tag.name), str(tag.annotations), str(tag.articles))
    console().print(table)


def _changed(change: TagChange) -> str:
    count = change.annotation_count
    return f"{count} annotation{'s' if count != 1 else ''}"


@tags_command.command("rename")
@click.argument("old")
@click.argument("new")
@pass_context
def tags_rename(context: Context, old: str, new: str) -> None:
    """Rename tag OLD to NEW on every annotation (NEW must not be another tag: merge)."""
    change = context.store.rename_tag(old, new)
    echo(f"renamed {change.tag!r} to {change.into!r} on {_changed(change)}")


@tags_command.command("merge")
@click.argument("source")
@click.argument("into")
@pass_context
def tags_merge(context: Context, source: str, into: str) -> None:
    """Merge tag SOURCE into tag INTO: every annotation tagged SOURCE gets INTO instead."""
    change = context.store.merge_tags(source, into)
    echo(f"merged {change.tag!r} into {change.into!r} on {_changed(change)}")


@tags_command.command("delete")
@click.argument("tag")
@pass_context
def tags_delete(context: Context, tag: str) -> None:
    """Take TAG off every annotation (the annotations stay)."""
    change = context.store.delete_tag(tag)
    echo(f"deleted tag {change.tag!r} from {_changed(change)}")
