"""`claimmark annotations`, `annotate`, `claims` and `suggest`: notes and claims from a shell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from claimmark.tui.cli.base import (
    Context,
    cli,
    echo,
    fail,
    pass_context,
    print_json,
    version_option,
)
from claimmark.tui.textfit import one_line

CHANGED = "⚠ changed since marked"
"""How the CLI flags an annotation whose words changed in a new version."""
MOVED = "⚠ moved: its words were deleted where marked and found here; check the place"
"""How the CLI flags an annotation a new version carried onto its words found elsewhere."""


@cli.command("annotations")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--orphans",
    is_flag=True,
    help="List the orphans instead: notes whose words are gone from the newest version.",
)
@click.option(
    "--accept",
    "accept",
    type=int,
    multiple=True,
    metavar="ID",
    help="Keep annotation ID as it now is (repeatable): the words under it become its "
    "marked words and its place the right one, so its 'changed' or 'moved' flag goes "
    "(journalled: the reader's u undoes it).",
)
@version_option
@pass_context
def annotations_command(
    context: Context,
    article: str,
    as_json: bool,
    orphans: bool,
    accept: tuple[int, ...],
    version: int | None,
) -> None:
    """List the annotations of ARTICLE in document order (--orphans: those whose words
    are gone, with their old quote and note; --accept ID: clear a flag)."""
    from claimmark.store.models import annotation_to_dict
    from claimmark.store.text import ParagraphIndex

    store = context.store
    found = store.find_article(article, version=version)
    if accept:
        _accept(context, found.id, accept, as_json)
        return
    if orphans:
        _print_orphans(context, found.id, as_json)
        return
    # On an older version: the notes where they sat on that text (see
    # Store.version_annotations); on the newest, those on it now.
    annotations = store.version_annotations(found.id)
    paragraphs = ParagraphIndex(found.text)
    if as_json:
        print_json(
            [
                {**annotation_to_dict(a), "paragraph": paragraphs.number_of(a.start)}
                for a in annotations
            ]
        )
        return
    orphan_count = len(store.orphans(found.id)) if version is None else 0
    if not annotations:
        echo(f"No annotations in #{found.id} {found.title}.", err=True)
    for a in annotations:
        kind = a.claim.status.value if a.claim else a.kind
        tags = " ".join(f"#{t}" for t in a.tags)
        line = f"{a.id}\t¶{paragraphs.number_of(a.start)}\t{kind}\t{one_line(a.quote, 70)}"
        echo(line + (f"\t{tags}" if tags else ""))
        if a.marked_quote is not None:
            echo(f"\t\t{CHANGED}: was {one_line(a.marked_quote, 60)!r}")
        if a.moved:
            echo(f"\t\t{MOVED}")
        if a.claim and a.claim.claimant:
            echo(f"\t\tclaimant: {a.claim.claimant}")
        if a.note:
            echo(f"\t\tnote: {one_line(a.note, 70)}")
    flagged = sum(1 for a in annotations if a.flagged)
    if flagged:
        echo(
            f"{flagged} flagged by a new version: check, then keep as they are with "
            f"claimmark annotations {found.id} --accept ID",
            err=True,
        )
    if orphan_count:
        echo(
            f"{orphan_count} orphan{'s' if orphan_count != 1 else ''} (words gone from this "
            f"version): claimmark annotations {found.id} --orphans",
            err=True,
        )


def _accept(context: Context, article_id: int, ids: tuple[int, ...], as_json: bool) -> None:
    """Clear the flags of annotations `ids` of the article (its newest version or its
    orphans); every id is checked before anything is written."""
    from claimmark.store.errors import NotFound
    from claimmark.store.models import annotation_to_dict

    store = context.store
    chain = set(store.chain_ids(article_id))
    targets = []
    for annotation_id in dict.fromkeys(ids):
        try:
            annotation = store.get_annotation(annotation_id)
        except NotFound:
            fail(f"no annotation with id {annotation_id}")
        if annotation.article_id not in chain:
            fail(f"annotation {annotation_id} is not on #{article_id} or its earlier versions")
        targets.append(annotation)
    results = []
    with store.transaction():  # all of them or none
        for annotation in targets:
            results.append((annotation, store.accept_changed_words(annotation.id)))
    if as_json:
        print_json(
            [{**annotation_to_dict(after), "accepted": before.flagged} for before, after in results]
        )
        return
    for before, after in results:
        what = (
            "kept as it is (flag cleared)" if before.flagged else "not flagged: nothing to accept"
        )
        echo(f"{after.id}\t{what}\t{one_line(after.quote, 70)}")


def _print_orphans(context: Context, article_id: int, as_json: bool) -> None:
    from claimmark.store.models import annotation_to_dict

    store = context.store
    orphans = store.orphans(article_id)
    numbers = {v.id: v.number for v in store.versions(article_id)}
    if as_json:
        print_json(
            [{**annotation_to_dict(a), "last_version": numbers[a.article_id]} for a in orphans]
        )
        return
    if not orphans:
        echo(f"No orphans in #{article_id}: every note has its place.", err=True)
        return
    for a in orphans:
        kind = a.claim.status.value if a.claim else a.kind
        echo(
            f"{a.id}\torphan (last in version {numbers[a.article_id]})\t{kind}\t"
            f"{one_line(a.marked_quote or a.quote, 70)}"
        )
        if a.claim and a.claim.claimant:
            echo(f"\t\tclaimant: {a.claim.claimant}")
        if a.note:
            echo(f"\t\tnote: {one_line(a.note, 70)}")


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
        print_json(annotation_to_dict(created))
    else:
        echo(f"{created.id}\t{created.kind}\t{one_line(created.quote, 70)}")


@cli.command("claims")
@click.option("--claimant", help="Only claims whose claimant contains this text.")
@click.option("--status", help="Only claims with this status.")
@click.option("--tag", help="Only claims with this tag.")
@click.option(
    "--history",
    is_flag=True,
    help="Under each claim, its history: when it was marked, edited, and carried or "
    "orphaned by new versions of its article.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def claims_command(
    context: Context,
    claimant: str | None,
    status: str | None,
    tag: str | None,
    history: bool,
    as_json: bool,
) -> None:
    """List every claim in the library, on the newest version of each article. A claim
    whose words changed since it was marked is flagged; one whose words are gone is an
    orphan."""
    from claimmark.store.models import annotation_to_dict

    store = context.store
    rows = store.list_claims(claimant=claimant, status=status, tag=tag)
    if as_json:
        print_json(
            [
                {
                    "article_id": r.newest_id or r.article_id,
                    "article_title": r.article_title,
                    "orphan": r.orphan,
                    **annotation_to_dict(r.annotation),
                    **(
                        {
                            "history": [
                                _history_json(e) for e in store.annotation_history(r.annotation.id)
                            ]
                        }
                        if history
                        else {}
                    ),
                }
                for r in rows
            ]
        )
        return
    if not rows:
        echo("No claims match.", err=True)
        return
    for r in rows:
        claim = r.annotation.claim
        assert claim is not None
        tags = " ".join(f"#{t}" for t in r.annotation.tags)
        mark = (
            " ⚠ changed"
            if r.annotation.changed
            else " ⚠ moved"
            if r.annotation.moved
            else (" ⚠ orphan" if r.orphan else "")
        )
        echo(
            f"{r.annotation.id}\t{claim.status.value}{mark}\t"
            f"{claim.claimant or '(no claimant)'}\t"
            f"{one_line(r.article_title, 30)}\t{one_line(r.annotation.quote, 60)}"
            + (f"\t{tags}" if tags else "")
        )
        if r.annotation.marked_quote is not None:
            echo(f"\t\t{CHANGED}: was {one_line(r.annotation.marked_quote, 60)!r}")
        if r.annotation.moved:
            echo(f"\t\t{MOVED}")
        if history:
            for line in store.history_lines(r.annotation.id):
                echo(f"\t\t{line}")


def _history_json(entry: Any) -> dict[str, Any]:
    return {
        "at": entry.at,
        "action": entry.action,
        "article_id": entry.article_id,
        "quote": (entry.after or entry.before or {}).get("quote"),
    }


@cli.command("suggest")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@version_option
@pass_context
def suggest_command(context: Context, article: str, as_json: bool, version: int | None) -> None:
    """Print the attributed statements claimmark finds in ARTICLE."""
    from claimmark.store.suggest import suggest_attributions, suggestion_to_dict

    found = context.store.find_article(article, version=version)
    dismissed = context.store.dismissed_suggestions(found.id)
    result = suggest_attributions(found.text, title=found.title)
    suggestions = [s for s in result if s.in_title or (s.start, s.end) not in dismissed]
    if result.truncated:
        echo(
            f"claimmark: note: suggestions cover only the first {result.read:,} of "
            f"{len(found.text):,} characters of this article",
            err=True,
        )
    if as_json:
        print_json([suggestion_to_dict(s) for s in suggestions])
        return
    for s in suggestions:
        chain = " → ".join(s.sources)
        where = "title" if s.in_title else f"{s.start}-{s.end}"
        echo(
            f"{where}\t{s.attribution.value}\t{s.claimant}\t[{s.cue}]"
            + (f"\tvia {chain}" if chain else "")
        )
        echo(f"\t{one_line(s.sentence, 100)}")
