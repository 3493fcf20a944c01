"""Markdown export on real stores: the file is parsed back with markdown-it-py (CommonMark)
and every quote, note and field is recovered from the token stream; article text that looks
like Markdown must come back as text, and notes must stay inside their item."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from claimmark.store import (
    AnnotationDraft,
    Attribution,
    Claim,
    ClaimStatus,
    Confidence,
    InvalidInput,
)
from claimmark.store.export import (
    ExportError,
    article_markdown,
    export_articles,
    export_filename,
    export_text,
    is_claimmark_file,
    obsidian_tag,
    write_atomic,
)
from claimmark.store.models import Annotation, Article
from claimmark.store.store import Store
from tests.conftest import ARTICLE_TEXT

MD = MarkdownIt("commonmark")

# -- reading an export back ----------------------------------------------------------

_YAML_STRING = (
    r'"(?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]'
    r'|\\["\\nrt]|\\u[0-9a-f]{4})*"'
)
_YAML_VALUE = re.compile(rf"-?[0-9]+|{_YAML_STRING}|\[\]|\[{_YAML_STRING}(?:, {_YAML_STRING})*\]")


def parse_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A strict reader for the front matter subset the export writes: `key: value` lines
    whose values are integers, double-quoted strings with JSON escapes, or flow lists of
    them (all valid YAML and valid JSON). Returns the values and the body."""
    assert text.startswith("---\n")
    end = text.index("\n---\n")
    front: dict[str, Any] = {}
    for line in text[4:end].split("\n"):
        key, sep, value = line.partition(": ")
        assert sep, f"not a key: value line: {line!r}"
        assert re.fullmatch(r"[a-z]+", key), key
        assert key not in front, key
        assert _YAML_VALUE.fullmatch(value), f"not a safe YAML value: {value!r}"
        front[key] = json.loads(value)
    return front, text[end + len("\n---\n") :]


@dataclass
class Item:
    """One annotation as read back from the export."""

    quote: str
    fields: dict[str, str] = field(default_factory=dict)
    evidence: list[tuple[str, str]] = field(default_factory=list)
    note: str | None = None


@dataclass
class Parsed:
    """An export as read back."""

    front: dict[str, Any]
    title: str
    byline: str | None
    sections: dict[str, list[Item]]
    groups: dict[str, dict[str, list[Item]]]
    """Per section, when it is grouped by tag: each heading's items."""
    headings: list[tuple[str, str]]


def inline_text(token: Token, *, breaks: bool = False) -> str:
    """The text of an inline token; anything but text (and hard breaks in quotes) fails."""
    assert token.type == "inline", token.type
    out: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type == "hardbreak" and breaks:
            out.append("\n")
        else:
            raise AssertionError(f"unexpected {child.type} in {token.content!r}")
    return "".join(out)


def field_of(token: Token) -> tuple[str, list[Token]]:
    """The label of a `**Label:** value` list item and the tokens after the label."""
    kids = [c for c in token.children or [] if not (c.type == "text" and c.content == "")]
    assert [k.type for k in kids[:3]] == ["strong_open", "text", "strong_close"], token.content
    label = kids[1].content
    assert label.endswith(":"), label
    return label[:-1], kids[3:]


def plain_value(rest: list[Token]) -> str:
    assert all(k.type == "text" for k in rest), [k.type for k in rest]
    value = "".join(k.content for k in rest)
    assert value.startswith(" "), value
    return value[1:]


def recover_note(lines: list[str]) -> str:
    lines = list(lines)
    while lines and not lines[-1].strip(" \t"):
        lines.pop()
    out = []
    for line in lines:
        if line:
            assert line.startswith("    "), line
            out.append(line[4:])
        else:
            out.append("")
    return "\n".join(out)


def expect(tokens: list[Token], i: int, kind: str, level: int) -> Token:
    assert i < len(tokens), f"expected {kind}, got the end"
    token = tokens[i]
    assert (token.type, token.level) == (kind, level), (
        f"expected {kind}@{level}, got {token.type}@{token.level} at line {token.map}"
    )
    return token


def parse_item(tokens: list[Token], i: int, lines: list[str]) -> tuple[Item, int]:
    expect(tokens, i, "blockquote_open", 0)
    expect(tokens, i + 1, "paragraph_open", 1)
    quote = inline_text(expect(tokens, i + 2, "inline", 2), breaks=True)
    expect(tokens, i + 3, "paragraph_close", 1)
    expect(tokens, i + 4, "blockquote_close", 0)
    item = Item(quote=quote)
    i += 5
    expect(tokens, i, "bullet_list_open", 0)
    i += 1
    while tokens[i].type != "bullet_list_close":
        assert item.note is None, "the note must be the last field"
        list_item = expect(tokens, i, "list_item_open", 1)
        paragraph = expect(tokens, i + 1, "paragraph_open", 2)
        label, rest = field_of(expect(tokens, i + 2, "inline", 3))
        expect(tokens, i + 3, "paragraph_close", 2)
        i += 4
        assert (
            label not in item.fields
            and label not in ("Evidence", "Note")
            or (label == "Evidence" and not item.evidence or label == "Note")
        )
        if label == "Evidence":
            assert rest == []
            expect(tokens, i, "bullet_list_open", 2)
            i += 1
            while tokens[i].type == "list_item_open":
                expect(tokens, i, "list_item_open", 3)
                expect(tokens, i + 1, "paragraph_open", 4)
                link = expect(tokens, i + 2, "inline", 5)
                kids = link.children or []
                assert kids[0].type == "link_open" and kids[-1].type == "link_close", kids
                text = "".join(k.content for k in kids[1:-1] if k.type == "text")
                assert all(k.type == "text" for k in kids[1:-1])
                item.evidence.append((text, str(kids[0].attrs["href"])))
                expect(tokens, i + 3, "paragraph_close", 4)
                expect(tokens, i + 4, "list_item_close", 3)
                i += 5
            expect(tokens, i, "bullet_list_close", 2)
            i += 1
        elif label == "Note":
            assert rest == []
            assert list_item.map is not None and paragraph.map is not None
            label_line = paragraph.map[0]
            assert lines[label_line] == "-   **Note:**"
            assert lines[label_line + 1] == ""
            item.note = recover_note(lines[label_line + 2 : list_item.map[1]])
            while not (tokens[i].type == "list_item_close" and tokens[i].level == 1):
                assert tokens[i].level >= 2, "the note leaked out of its list item"
                i += 1
        else:
            item.fields[label] = plain_value(rest)
        expect(tokens, i, "list_item_close", 1)
        i += 1
    expect(tokens, i, "bullet_list_close", 0)
    return item, i + 1


def parse_export(text: str) -> Parsed:
    """Read an export back; fails on anything the export should never contain."""
    front, body = parse_front_matter(text)
    assert body.startswith("\n# ") or body.startswith("\n#\n"), body[:20]
    lines = body.split("\n")
    tokens = MD.parse(body)
    headings: list[tuple[str, str]] = []
    expect(tokens, 0, "heading_open", 0)
    assert tokens[0].tag == "h1"
    title = inline_text(tokens[1])
    headings.append(("h1", title))
    i = 3
    byline = None
    if i < len(tokens) and tokens[i].type == "paragraph_open":
        expect(tokens, i, "paragraph_open", 0)
        byline = inline_text(tokens[i + 1])
        i += 3
    sections: dict[str, list[Item]] = {}
    groups: dict[str, dict[str, list[Item]]] = {}
    current: list[Item] | None = None
    section = ""
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            expect(tokens, i, "heading_open", 0)
            name = inline_text(tokens[i + 1])
            headings.append((token.tag, name))
            i += 3
            if token.tag == "h2":
                assert name in ("Claims", "Highlights and notes") and name not in sections
                section = name
                current = sections[name] = []
            else:
                assert token.tag == "h3" and section and name not in groups.get(section, {})
                assert not sections[section], "a section is grouped throughout or not at all"
                current = groups.setdefault(section, {})[name] = []
            continue
        assert current is not None, f"content before any section: {token.type}"
        item, i = parse_item(tokens, i, lines)
        current.append(item)
    return Parsed(front, title, byline, sections, groups, headings)


# -- what the export should say --------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """Text as the Markdown body shows it: control characters as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def shown_note(note: str) -> str | None:
    for end in ("\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"):
        note = note.replace(end, "\n")
    lines = shown(note).split("\n")
    while lines and not lines[0].strip(" \t"):
        lines.pop(0)
    while lines and not lines[-1].strip(" \t"):
        lines.pop()
    return "\n".join(lines) if lines else None


def expected_item(annotation: Annotation, text: str) -> Item:
    first = text.count("\n", 0, annotation.start) + 1
    last = text.count("\n", 0, annotation.end - 1) + 1
    fields = {"Paragraph": f"¶{first}" if first == last else f"¶{first}–{last}"}
    claim = annotation.claim
    evidence: list[tuple[str, str]] = []
    if claim is not None:
        if claim.claimant:
            fields["Claimant"] = shown(claim.claimant)
        if claim.sources:
            fields["Source chain"] = " → ".join(shown(s) for s in claim.sources)
        fields["Attribution"] = claim.attribution.value
        fields["Status"] = claim.status.value
        fields["Confidence"] = claim.confidence.value
        evidence = [(shown(url), "") for url in claim.evidence]
    if annotation.tags:
        names = list(dict.fromkeys(obsidian_tag(t) for t in annotation.tags))
        fields["Tags"] = " ".join("#" + n for n in names)
    return Item(
        quote=shown(annotation.quote),
        fields=fields,
        evidence=evidence,
        note=shown_note(annotation.note),
    )


def check_export(
    article: Article, annotations: list[Annotation], text: str, group_by: str = "document"
) -> Parsed:
    """Parse `text` and compare everything in it with the article and annotations."""
    parsed = parse_export(text)
    ordered = sorted(annotations, key=lambda a: (a.start, -a.end, a.created_at, a.id))
    claims = [a for a in ordered if a.claim is not None]
    others = [a for a in ordered if a.claim is None]
    tags = sorted(
        {obsidian_tag(t) for a in ordered for t in a.tags}, key=lambda n: (n.casefold(), n)
    )
    assert parsed.front == {
        "claimmark": f"sha256:{article.sha256}",
        "title": article.title,
        "byline": article.byline,
        "source": article.source,
        "imported": article.imported_at,
        "tags": tags,
        "annotations": len(ordered),
        "claims": len(claims),
        "notes": sum(1 for a in others if a.note.strip()),
        "highlights": sum(1 for a in others if not a.note.strip()),
    }
    assert parsed.title == shown(article.title)
    assert parsed.byline == (shown(article.byline) if article.byline else None)

    def compare(items: list[Item], expected: list[Annotation]) -> None:
        assert len(items) == len(expected)
        for item, annotation in zip(items, expected, strict=True):
            want = expected_item(annotation, article.text)
            assert item.quote == want.quote
            assert item.fields == want.fields
            assert item.note == want.note
            assert [t for t, _ in item.evidence] == [t for t, _ in want.evidence]

    expected_headings = [("h1", shown(article.title))]
    for section, members in (("Claims", claims), ("Highlights and notes", others)):
        if not members:
            continue
        expected_headings.append(("h2", section))
        if group_by == "document":
            compare(parsed.sections[section], members)
            continue
        by_tag: dict[str, list[Annotation]] = {}
        for a in members:
            for name in dict.fromkeys(obsidian_tag(t) for t in a.tags):
                by_tag.setdefault("#" + name, []).append(a)
        names = sorted(by_tag, key=lambda n: (n[1:].casefold(), n))
        untagged = [a for a in members if not a.tags]
        if untagged:
            by_tag["Untagged"] = untagged
            names.append("Untagged")
        expected_headings += [("h3", n) for n in names]
        assert list(parsed.groups[section]) == names
        for name in names:
            compare(parsed.groups[section][name], by_tag[name])
    assert parsed.headings == expected_headings
    return parsed


# -- fixtures and strategies -----------------------------------------------------------


def annotate(store: Store, article_id: int, start: int, end: int, **fields: Any) -> Annotation:
    return store.create_annotation(AnnotationDraft(article_id, start, end, **fields))


@pytest.fixture
def library(store: Store) -> Iterator[tuple[Store, Article, list[Annotation]]]:
    """The conftest article with a claim, a note, a highlight and a tagged highlight."""
    article = store.add_article(
        "Ministers signal backing for coastal flood plan",
        "By Jane Example",
        "/tmp/flood.txt",
        ARTICLE_TEXT,
        imported_at="2026-01-02T03:04:05.000000+00:00",
    ).article
    text = article.text
    quote = "a decision is close"
    start = text.index(quote)
    made = [
        annotate(
            store,
            article.id,
            start,
            start + len(quote),
            tags=("flood", "climate policy"),
            note="Check the *minister's* words.\n\n# Not a heading of the file",
            claim=Claim(
                "environment minister",
                ("Harbour Gazette", "environment minister"),
                ClaimStatus.DISPUTED,
                Confidence.HIGH,
                Attribution.DIRECT_QUOTE,
                ("https://example.org/a_b?x=1&y=2", "https://example.org/<c>"),
            ),
        ),
        annotate(store, article.id, 0, 40, note="first paragraph note"),
        annotate(store, article.id, text.index("Senior"), len(text), tags=("2029",)),
        annotate(store, article.id, 4, 14, color="yellow"),
        annotate(store, article.id, 60, text.index("Senior") + 6, tags=("flood",)),
    ]
    yield store, article, made


def test_the_sample_export_reads_back_field_by_field(library) -> None:
    store, article, _ = library
    annotations = store.list_annotations(article.id)
    text = article_markdown(article, annotations)
    parsed = check_export(article, annotations, text)
    claim = parsed.sections["Claims"][0]
    assert claim.quote == "a decision is close"
    assert claim.fields["Source chain"] == "Harbour Gazette → environment minister"
    assert claim.fields["Tags"] == "#climate-policy #flood"
    assert claim.note == "Check the *minister's* words.\n\n# Not a heading of the file"
    assert claim.evidence == [
        ("https://example.org/a_b?x=1&y=2", "https://example.org/a_b?x=1&y=2"),
        ("https://example.org/<c>", "https://example.org/%3Cc%3E"),
    ]
    [spanning] = [
        item
        for item in parsed.sections["Highlights and notes"]
        if item.fields["Paragraph"] == "¶1–3"
    ]
    assert spanning.quote.count("\n") == 2
    assert "- **Tags:** #climate-policy #flood" in text


def test_group_by_tag_puts_each_annotation_under_each_of_its_tags(library) -> None:
    store, article, _ = library
    annotations = store.list_annotations(article.id)
    text = article_markdown(article, annotations, group_by="tag")
    parsed = check_export(article, annotations, text, group_by="tag")
    assert list(parsed.groups["Highlights and notes"]) == ["#flood", "#tag-2029", "Untagged"]
    assert len(parsed.groups["Highlights and notes"]["Untagged"]) == 2
    assert list(parsed.groups["Claims"]) == ["#climate-policy", "#flood"]  # grouped too


def test_unknown_grouping_is_a_clear_error(library) -> None:
    store, article, _ = library
    with pytest.raises(InvalidInput, match="unknown grouping 'colour'"):
        article_markdown(article, [], group_by="colour")


def test_same_annotations_give_the_same_bytes_in_any_order(library) -> None:
    store, article, _ = library
    annotations = store.list_annotations(article.id)
    first = article_markdown(article, annotations)
    assert article_markdown(article, list(reversed(annotations))) == first
    assert (
        article_markdown(store.get_article(article.id), store.list_annotations(article.id)) == first
    )
    assert "exported:" not in first
    stamped = article_markdown(article, annotations, include_timestamp=True)
    assert re.search(r'^exported: "\d{4}-\d\d-\d\dT', stamped, re.M)
    assert parse_front_matter(stamped)[0]["exported"]


def test_an_article_without_annotations_has_only_its_title_and_byline(store: Store) -> None:
    article = store.add_article("Plain", "", "/tmp/p.txt", "Just text.").article
    text = article_markdown(article, [])
    parsed = check_export(article, [], text)
    assert parsed.sections == {} and parsed.byline is None
    assert text.endswith("# Plain\n")


# -- hostile text ------------------------------------------------------------------------

HOSTILE = [
    "# heading",
    "## two",
    "###### six",
    "#hashtag",
    "> quote",
    ">quote",
    "- item",
    "+ item",
    "* item",
    "1. first",
    "1) first",
    "2024. A year",
    "---",
    "***",
    "___",
    "===",
    "- - -",
    "| a | b |",
    "|---|---|",
    "a | b",
    "    code",
    "\tcode",
    "   three spaces",
    "```",
    "```python",
    "~~~",
    "<div>",
    "</div>",
    "<!-- comment -->",
    "<script>alert(1)</script>",
    "<?php ?>",
    "<![CDATA[x]]>",
    "[x]: y",
    "[x]: http://e.org 'title'",
    "[link](http://e.org)",
    "![img](x.png)",
    "<http://e.org>",
    "trailing double  ",
    "trailing backslash\\",
    "\\",
    "*emph*",
    "_x_",
    "**bold**",
    "__bold__",
    "`code`",
    "``",
    "&amp; &copy; &#35; &#x41;",
    "AT&T",
    "a & b",
    "title: with colon",
    'say "hi"',
    "it's “curly”",
    "key: value # comment",
    "==highlight==",
    "%%comment%%",
    "50% off",
    "$x^2$ and $5",
    "[[wiki link]]",
    "![[embed]]",
    "^block-id",
    "~~strike~~",
    "[^1]",
    "> [!note] callout",
    "line\u2028separator",
    "para\u2029separator",
    "ctrl\x07bell\x1b[31mred\x00nul",
    "nbsp\xa0edge\xa0",
    "\xa0lead",
    "cr\rinside",
    "tab\tinside",
    " lead space",
    "trail space ",
    "emoji 🎉 cjk 漢字 RTL עברית",
    "<",
    ">",
    "&",
    "-",
    "+",
    "1.",
    "#",
    "\u3000ideographic space\u3000",
    "zero\u200bwidth",
    "bom\ufeffinside",
    "nel\x85inside",
    "ff\x0cinside",
    "{curly} (round)",
    "@mention",
    "http://example.org/_a_",
    "?",
    "!",
    "\\*not emph\\*",
    "a\\\nb",
]
"""Strings that Markdown, GFM, Obsidian or YAML could read as syntax."""

_NO_NEWLINES = [s for s in HOSTILE if "\n" not in s and "\r" not in s and "\x00" not in s]
"""Hostile strings fit to be article paragraphs (SQLite's length() stops at a NUL, and
ingest never stores one)."""


def test_hostile_text_stays_text_everywhere(store: Store) -> None:
    paragraphs = list(_NO_NEWLINES)
    text = "\n".join(paragraphs)
    article = store.add_article(
        '# Not a heading: "quoted" #tag\u2028next', "---", "/tmp/hostile.txt", text
    ).article
    paragraphs = article.text.split("\n")  # as stored: sanitised (store.sanitize)
    position = 0
    for index, paragraph in enumerate(paragraphs):
        if not paragraph:
            position += 1
            continue
        hostile = HOSTILE[index % len(HOSTILE)]
        claim = None
        if index % 7 == 0:
            claim = Claim(hostile, (hostile.replace("→", ""), "officials"))
        annotate(
            store,
            article.id,
            position,
            position + len(paragraph),
            note=hostile,
            tags=(hostile[:60], "plain"),
            claim=claim,
        )
        position += len(paragraph) + 1
    annotate(store, article.id, 3, len(paragraphs[0]) + len(paragraphs[1]) + 10, note="spans three")
    annotations = store.list_annotations(article.id)
    for group_by in ("document", "tag"):
        text_md = article_markdown(article, annotations, group_by=group_by)
        check_export(article, annotations, text_md, group_by=group_by)
    # Nothing of the article's own text may open a block outside the quote paragraphs.
    tokens = MD.parse(parse_front_matter(article_markdown(article, annotations))[1])
    kinds = {t.type for t in tokens if t.level == 0}
    assert kinds <= {
        "heading_open",
        "heading_close",
        "inline",
        "paragraph_open",
        "paragraph_close",
        "blockquote_open",
        "blockquote_close",
        "bullet_list_open",
        "bullet_list_close",
    }


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_titles_bylines_and_claims_read_back(store: Store, hostile: str) -> None:
    article = store.add_article(hostile or "t", hostile, hostile, f"Body {hostile!r}.").article
    made = annotate(
        store,
        article.id,
        0,
        4,
        note=hostile,
        tags=(hostile[:60],),
        claim=Claim(hostile, (hostile.replace("→", ""),)),
    )
    text = article_markdown(article, [made])
    check_export(article, [made], text)


@pytest.mark.parametrize(
    "note",
    [s for s in HOSTILE if s.strip()]
    + [
        "```\nunclosed fence",
        "<pre>\n\nnever closed",
        "<!--\n\nopen comment",
        "- a\n- b\n\n  c",
        "\n\n  \n# leading blank lines\n\n",
        "\tindented with a tab\n\t\tdeeper",
        "line one\r\nwindows\rold mac",
        "    indented code\n\n    more",
        "setext\n===",
        "> quote\nlazy continuation",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "<div>\n*md*\n</div>",
    ],
)
def test_notes_stay_markdown_inside_their_item(store: Store, note: str) -> None:
    article = store.add_article("T", "", "/tmp/n.txt", "First.\nSecond.").article
    before = annotate(store, article.id, 0, 6, note=note)
    after = annotate(store, article.id, 7, 14, tags=("after",))
    text = article_markdown(article, [before, after])
    parsed = check_export(article, [before, after], text)
    assert parsed.headings == [("h1", "T"), ("h2", "Highlights and notes")]
    assert parsed.sections["Highlights and notes"][1].fields["Tags"] == "#after"


# -- property tests ------------------------------------------------------------------------

_counter = iter(range(10**9))
_line = st.text(
    st.characters(blacklist_characters="\n\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=40,
)
_url = st.text(st.characters(blacklist_categories=("Z", "Cc", "Cs")), max_size=20).map(
    lambda s: "https://example.org/" + s
)
_claims = st.none() | st.builds(
    Claim,
    claimant=st.text(max_size=30),
    sources=st.lists(st.text(max_size=15).filter(lambda s: "→" not in s), max_size=3).map(tuple),
    status=st.sampled_from(list(ClaimStatus)),
    confidence=st.sampled_from(list(Confidence)),
    attribution=st.sampled_from(list(Attribution)),
    evidence=st.lists(_url, max_size=2).map(tuple),
)
_annotation = st.fixed_dictionaries(
    {
        "where": st.tuples(st.integers(0, 10**6), st.integers(1, 120)),
        "note": st.text(max_size=60),
        "tags": st.lists(st.text(min_size=1, max_size=20), max_size=3).map(tuple),
        "claim": _claims,
    }
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=st.text(max_size=40),
    byline=st.text(max_size=30),
    paragraphs=st.lists(_line, min_size=1, max_size=6),
    drafts=st.lists(_annotation, max_size=6),
    group_by=st.sampled_from(["document", "tag"]),
)
def test_arbitrary_text_round_trips_through_markdown(
    store: Store,
    title: str,
    byline: str,
    paragraphs: list[str],
    drafts: list[dict[str, Any]],
    group_by: str,
) -> None:
    number = next(_counter)
    text = "\n".join([f"Paragraph {number}.", *paragraphs])
    # Each example its own source: one source for all would make each a new version of
    # the last, carrying every earlier example's notes.
    article = store.add_article(title, byline, f"/tmp/prop-{number}.txt", text).article
    text = article.text  # as stored: sanitised (store.sanitize)
    for draft in drafts:
        offset, length = draft["where"]
        start = offset % len(text)
        end = min(len(text), start + length)
        annotate(
            store,
            article.id,
            start,
            end,
            note=draft["note"],
            tags=draft["tags"],
            claim=draft["claim"],
        )
    annotations = store.list_annotations(article.id)
    exported = article_markdown(article, annotations, group_by=group_by)
    check_export(article, annotations, exported, group_by=group_by)
    assert article_markdown(article, annotations[::-1], group_by=group_by) == exported


# -- tags and file names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("climate policy", "climate-policy"),
        ("Climate  Policy!", "Climate-Policy"),
        ("2024", "tag-2024"),
        ("2024/05", "tag-2024/05"),
        ("a/b", "a/b"),
        ("//a//b//", "a/b"),
        ("a_b", "a_b"),
        ("_x_", "x"),
        ("a-_b_", "a-b"),
        ("snake_case_name", "snake_case_name"),
        ("#hash", "hash"),
        ("!!!", "tag"),
        ("c++", "c"),
        ("café crème", "café-crème"),
        ("Россия", "Россия"),
        ("日本 政治", "日本-政治"),
        ("e\u0301t\u0301e\u0301", "\u00e9t\u0301\u00e9"),
        ("a*b[c]<d>", "a-b-c-d"),
    ],
)
def test_obsidian_tag_names(tag: str, expected: str) -> None:
    assert obsidian_tag(tag) == expected


@given(st.text(max_size=30))
def test_obsidian_tags_are_safe_and_stable(tag: str) -> None:
    name = obsidian_tag(tag)
    assert name
    assert all(c in "-/_" or unicodedata.category(c)[0] in "LMN" for c in name)
    assert not name.startswith(("-", "/", "_")) and not name.endswith(("-", "/", "_"))
    assert any(not c.isdigit() and c not in "-/_" for c in name)
    assert obsidian_tag(name) == name
    rendered = MD.parse(f"- **Tags:** #{name} #{name}")
    inline = next(t for t in rendered if t.type == "inline")
    assert [c.type for c in inline.children or [] if c.content or c.type != "text"] == [
        "strong_open",
        "text",
        "strong_close",
        "text",
    ]


def _article(title: str, article_id: int = 7) -> Article:
    return Article(
        id=article_id,
        title=title,
        byline="",
        source="s",
        text="t",
        sha256="0" * 64,
        imported_at="2026-01-01T00:00:00+00:00",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Ministers signal backing for coastal flood plan",
            "ministers-signal-backing-for-coastal-flood-plan.md",
        ),
        ("Kyiv’s “plan”: 50% done!", "kyivs-plan-50-done.md"),
        ("Café Ünïcode — Straße & Øre", "cafe-unicode-strasse-and-ore.md"),
        ("日本の政治", "article-7.md"),
        ("", "article-7.md"),
        ("CON", "con-7.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ("a" * 100, "a" * 80 + ".md"),
    ],
)
def test_export_filenames(title: str, expected: str) -> None:
    assert export_filename(_article(title)) == expected


def test_long_titles_are_cut_at_a_hyphen_and_collisions_get_the_id() -> None:
    name = export_filename(_article("word " * 40))
    assert len(name) <= 83 and name.endswith("word.md") and "--" not in name
    assert export_filename(_article("Plan"), {"PLAN.md"}) == "plan-7.md"
    assert export_filename(_article("Plan"), {"plan.md", "plan-7.md"}) == "plan-7-2.md"


@given(st.text(max_size=120))
def test_filenames_are_always_safe(title: str) -> None:
    name = export_filename(_article(title))
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", name)
    assert len(name) <= 83


# -- writing files ---------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_writes_and_replaces_its_own_files(tmp_path: Path, library) -> None:
    store, article, _ = library
    path = tmp_path / "out.md"
    first = article_markdown(article, [])
    write_atomic(path, first)
    assert path.read_text(encoding="utf-8") == first
    assert is_claimmark_file(path)
    path.chmod(0o640)
    second = article_markdown(article, store.list_annotations(article.id))
    write_atomic(path, second)
    assert path.read_bytes() == second.encode("utf-8")
    assert path.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_write_atomic_refuses_a_file_claimmark_did_not_write(tmp_path: Path, library) -> None:
    store, article, _ = library
    path = tmp_path / "mine.md"
    path.write_text("---\ntitle: my own notes\n---\n# Mine\n", encoding="utf-8")
    with pytest.raises(ExportError, match="not written by claimmark") as caught:
        write_atomic(path, article_markdown(article, []))
    assert "\n" not in str(caught.value)
    assert path.read_text(encoding="utf-8").startswith("---\ntitle: my own notes")
    write_atomic(path, article_markdown(article, []), force=True)
    assert is_claimmark_file(path)
    (tmp_path / "empty.md").write_text("")
    with pytest.raises(ExportError):
        write_atomic(tmp_path / "empty.md", "x")
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path, "x")
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "x.md", "x")


def test_a_crash_before_the_rename_leaves_the_old_file(
    tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, article, _ = library
    folder = tmp_path / "export"
    folder.mkdir()
    path = folder / "out.md"
    old = article_markdown(article, [])
    write_atomic(path, old)

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomic(path, article_markdown(article, store.list_annotations(article.id)))
    assert path.read_text(encoding="utf-8") == old
    assert sorted(p.name for p in folder.iterdir()) == ["out.md"]


def test_export_articles_writes_one_file_per_article(tmp_path: Path, library) -> None:
    store, article, _ = library
    twin = store.add_article(
        article.title, "Another byline", "/tmp/twin.txt", "Other text."
    ).article
    calls: list[tuple[int, int]] = []
    out = tmp_path / "notes"
    paths = export_articles(
        store, [article.id, twin.id], out, progress=lambda d, t: calls.append((d, t))
    )
    assert [p.name for p in paths] == [
        "ministers-signal-backing-for-coastal-flood-plan.md",
        f"ministers-signal-backing-for-coastal-flood-plan-{twin.id}.md",
    ]
    assert calls == [(1, 2), (2, 2)]
    check_export(article, store.list_annotations(article.id), paths[0].read_text("utf-8"))
    again = export_articles(store, [article.id, twin.id], out)
    assert again == paths
    assert _leftovers(out) == []


def test_an_export_for_another_article_keeps_its_name(tmp_path: Path, library) -> None:
    store, article, _ = library
    out = tmp_path / "notes"
    [first] = export_articles(store, [article.id], out)
    later = store.add_article(article.title, "", "/tmp/flood.txt", "Changed text.").article
    [second] = export_articles(store, [later.id], out)
    assert second.name == f"ministers-signal-backing-for-coastal-flood-plan-{later.id}.md"
    assert (
        parse_front_matter(first.read_text("utf-8"))[0]["claimmark"] == f"sha256:{article.sha256}"
    )
    assert export_articles(store, [article.id], out) == [first]
    assert export_articles(store, [later.id], out) == [second]


def test_export_stops_before_writing_if_any_target_is_foreign(tmp_path: Path, library) -> None:
    store, article, _ = library
    other = store.add_article("Second story", "", "/tmp/2.txt", "Text two.").article
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "second-story.md").write_text("my diary\n")
    with pytest.raises(ExportError, match="second-story.md exists"):
        export_articles(store, [article.id, other.id], folder)
    assert sorted(p.name for p in folder.iterdir()) == ["second-story.md"]
    paths = export_articles(store, [article.id, other.id], folder, force=True)
    assert all(is_claimmark_file(p) for p in paths)


def test_export_to_a_single_markdown_file_or_json(tmp_path: Path, library) -> None:
    store, article, _ = library
    other = store.add_article("Second story", "", "/tmp/2.txt", "Text two.").article
    [path] = export_articles(store, [article.id], tmp_path / "one.md", group_by="tag")
    check_export(
        article, store.list_annotations(article.id), path.read_text("utf-8"), group_by="tag"
    )
    with pytest.raises(ExportError, match="give a folder"):
        export_articles(store, [article.id, other.id], tmp_path / "two.md")
    [collection] = export_articles(store, [article.id, other.id], tmp_path, fmt="json")
    assert collection.name == "claimmark-export.json" and is_claimmark_file(collection)
    [single] = export_articles(store, [other.id], tmp_path, fmt="json")
    assert single.name == "second-story.json"
    with pytest.raises(InvalidInput, match="unknown export format"):
        export_articles(store, [article.id], tmp_path, fmt="html")
    with pytest.raises(ExportError, match="nothing to export"):
        export_articles(store, [], tmp_path)


def test_export_text_for_standard_output(library) -> None:
    store, article, _ = library
    other = store.add_article("Second story", "", "/tmp/2.txt", "Text two.").article
    text = export_text(store, [article.id, other.id])
    first, second = text.split("\n---\nclaimmark:")
    check_export(article, store.list_annotations(article.id), first)
    check_export(other, [], "---\nclaimmark:" + second)
    assert json.loads(export_text(store, [other.id], fmt="json"))["total"] == 0
