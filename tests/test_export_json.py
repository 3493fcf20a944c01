"""The W3C Web Annotation JSON export and its import, on real stores: the structure, the
byte-for-byte round trip through an empty database, idempotent re-import, and bad files
refused with a one-line message before anything is written."""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimmark.store import AnnotationDraft, Attribution, Claim, ClaimStatus, Confidence
from claimmark.store.export import (
    ImportFormatError,
    article_markdown,
    collection_json,
    import_collection,
    is_claimmark_file,
    parse_collection,
    write_atomic,
)
from claimmark.store.export.webanno import ANNO_CONTEXT, NAMESPACE, annotation_urn, article_urn
from claimmark.store.models import Annotation, Article, ArticleMetadata
from claimmark.store.store import Store
from tests.conftest import ARTICLE_TEXT

HOSTILE_NOTE = '# heading\n\n```\nfence\u2028sep\x1b[31m\x85\x9b 🎉 "q" \\ </script>'


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated database file to copy (opening a copy is much faster than
    migrating a new one)."""
    path = tmp_path_factory.mktemp("template") / "empty.db"
    Store(path).close()
    return path


@pytest.fixture
def fresh(tmp_path: Path, empty_db: Path) -> Iterator[Callable[[], Store]]:
    """Makes empty stores in tmp_path; closes them at the end."""
    made: list[Store] = []

    def make() -> Store:
        path = tmp_path / f"fresh-{len(made)}.db"
        shutil.copyfile(empty_db, path)
        made.append(Store(path))
        return made[-1]

    yield make
    for store in made:
        store.close()


def everything(store: Store) -> list[tuple[Article, list[Annotation]]]:
    """Every article of the store (all versions) with its annotations."""
    return [
        (store.get_article(summary.id), store.list_annotations(summary.id))
        for summary in store.list_articles(all_versions=True)
    ]


def snapshot(store: Store) -> Any:
    """What an import could change: articles, annotations (as values) and the journal."""
    articles = everything(store)
    return (
        store.article_count(),
        [(a.sha256, a.imported_at, a.previous_id, anns) for a, anns in articles],
        len(store.journal()),
    )


WEB_METADATA = ArticleMetadata(
    site_name="Example News [live]",
    published="2026-01-02T09:30:00+01:00",
    modified="2026-01-02T18:00:00+01:00",
    canonical_url="https://example.org/story",
    fetched_from="https://example.org/story?ref=feed",
    fetched_at="2026-01-03T00:00:00.000000+00:00",
    language="pt-BR",
)
"""What a web page said about the third article (carried through export and import)."""


def fill(store: Store) -> list[Article]:
    """Two articles (the second a new version of a third's source) with every kind of
    annotation, fixed timestamps and awkward text."""
    first = store.add_article(
        "Ministers signal backing for coastal flood plan",
        "By Jane Example",
        "/tmp/flood.txt",
        ARTICLE_TEXT,
        imported_at="2026-01-02T03:04:05.000000+00:00",
    ).article
    old = store.add_article(
        'Old \u2028 title: "x"',
        "",
        "https://example.org/story",
        "Old text.\nSecond.",
        encoding="cp1252",
        imported_at="2026-01-01T00:00:00.000000+00:00",
    ).article
    new = store.add_article(
        "New title",
        "By Someone",
        "https://example.org/story",
        "New text with “quotes” and 漢字 🎉.\nA second paragraph about 2029.",
        imported_at="2026-01-03T00:00:00.000000+00:00",
        metadata=WEB_METADATA,
    ).article
    assert new.previous_id == old.id
    text = first.text
    quote = "a decision is close"
    at = text.index(quote)

    def add(article: Article, start: int, end: int, n: int, **fields: Any) -> None:
        store.create_annotation(
            AnnotationDraft(article.id, start, end, **fields),
            created_at=f"2026-02-0{n}T10:00:00.000000+00:00",
            updated_at=f"2026-03-0{n}T10:00:00.000000+00:00",
        )

    add(
        first,
        at,
        at + len(quote),
        1,
        color="red",
        note="Check *this*.",
        tags=("flood", "Climate policy"),
        claim=Claim(
            "environment minister",
            ("Harbour Gazette", "environment minister"),
            ClaimStatus.DISPUTED,
            Confidence.HIGH,
            Attribution.DIRECT_QUOTE,
            ("https://example.org/a?b=1&c=2", "http://example.com/x"),
        ),
    )
    add(first, 0, 40, 2, note=HOSTILE_NOTE)
    add(first, 0, 40, 3)  # the same span, created later: a second annotation
    add(first, 60, text.index("Senior") + 6, 4, tags=("2029",), color="yellow")
    add(first, 4, 14, 5, claim=Claim())
    add(new, 0, 8, 6, note="  ", tags=("x",))
    add(
        new,
        9,
        len(new.text),
        7,
        claim=Claim("", (), ClaimStatus.FALSE, Confidence.LOW, Attribution.UNATTRIBUTED),
    )
    add(old, 0, 3, 8, note="on the old version")
    return [first, old, new]


@pytest.fixture
def filled(store: Store) -> Store:
    fill(store)
    return store


# -- structure ------------------------------------------------------------------------------


def test_the_collection_has_every_selector_and_body(filled: Store) -> None:
    pairs = everything(filled)
    document = json.loads(collection_json(pairs))
    assert document["@context"] == [ANNO_CONTEXT, {"claimmark": NAMESPACE}]
    assert document["type"] == "AnnotationCollection"
    assert document["claimmark:format"] == 1
    assert document["id"].startswith("urn:claimmark:collection:")
    annotations = {
        (article_urn(article.sha256), a.start, a.end, a.created_at): (article, a)
        for article, anns in pairs
        for a in anns
    }
    assert document["total"] == len(annotations) == 8
    articles = document["claimmark:articles"]
    assert [a["claimmark:importedAt"] for a in articles] == sorted(
        a["claimmark:importedAt"] for a in articles
    )
    for entry in articles:
        article = next(a for a, _ in pairs if article_urn(a.sha256) == entry["id"])
        assert entry == {
            "id": article_urn(article.sha256),
            "type": "claimmark:Article",
            "claimmark:title": article.title,
            "claimmark:byline": article.byline,
            "claimmark:source": article.source,
            "claimmark:importedAt": article.imported_at,
            "claimmark:encoding": article.encoding,
            **(
                {
                    "claimmark:siteName": WEB_METADATA.site_name,
                    "claimmark:published": WEB_METADATA.published,
                    "claimmark:modified": WEB_METADATA.modified,
                    "claimmark:canonicalUrl": WEB_METADATA.canonical_url,
                    "claimmark:fetchedFrom": WEB_METADATA.fetched_from,
                    "claimmark:fetchedAt": WEB_METADATA.fetched_at,
                    "claimmark:language": WEB_METADATA.language,
                }
                if article.metadata == WEB_METADATA
                else {}
            ),
            "claimmark:sha256": article.sha256,
            "claimmark:text": article.text,
        }
    page = document["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert len(page["items"]) == len(annotations)
    for item in page["items"]:
        quote_selector, position = item["target"]["selector"]
        key = (item["target"]["source"], position["start"], position["end"], item["created"])
        article, annotation = annotations.pop(key)
        assert item["id"] == annotation_urn(
            article.sha256, annotation.start, annotation.end, annotation.created_at
        )
        assert item["type"] == "Annotation"
        assert (
            item["motivation"]
            == {"claim": "assessing", "note": "commenting", "highlight": "highlighting"}[
                annotation.kind
            ]
        )
        assert item["modified"] == annotation.updated_at
        assert item.get("claimmark:color") == annotation.color
        assert quote_selector == {
            "type": "TextQuoteSelector",
            "exact": annotation.quote,
            "prefix": annotation.prefix,
            "suffix": annotation.suffix,
        }
        assert position["type"] == "TextPositionSelector"
        assert article.text[position["start"] : position["end"]] == annotation.quote
        bodies = item.get("body", [])
        assert [b["value"] for b in bodies if b["purpose"] == "tagging"] == list(annotation.tags)
        notes = [b for b in bodies if b["purpose"] == "commenting"]
        if annotation.note:
            assert notes == [
                {
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "format": "text/markdown",
                    "value": annotation.note,
                }
            ]
        else:
            assert notes == []
        claims = [b for b in bodies if b["purpose"] == "assessing"]
        if annotation.claim is None:
            assert claims == []
        else:
            [body] = claims
            claim = annotation.claim
            assert body["type"] == "TextualBody" and body["value"]
            assert {k: v for k, v in body.items() if k.startswith("claimmark:")} == {
                "claimmark:claimant": claim.claimant,
                "claimmark:sources": list(claim.sources),
                "claimmark:status": claim.status.value,
                "claimmark:confidence": claim.confidence.value,
                "claimmark:attribution": claim.attribution.value,
                "claimmark:evidence": list(claim.evidence),
            }
    assert annotations == {}


def test_the_text_is_deterministic_utf8_with_escaped_separators(filled: Store) -> None:
    # The store never holds these characters (store.sanitize), but a library written by an
    # older claimmark may: the writer escapes them all the same.
    pairs = everything(filled)
    article, marks = pairs[0]
    pairs[0] = (article, [replace(marks[0], note=HOSTILE_NOTE), *marks[1:]])
    text = collection_json(pairs)
    assert text == collection_json(list(reversed(pairs)))
    assert text == collection_json([(a, list(reversed(anns))) for a, anns in pairs])
    assert text.endswith("}\n") and text.startswith('{\n  "@context": [\n')
    assert "漢字" in text and "🎉" in text  # not \u-escaped
    for raw in ("\u2028", "\x1b", "\x85", "\x9b"):
        assert raw not in text
    assert "\\u2028" in text and "\\u001b" in text and "\\u0085" in text
    notes = [
        b["value"]
        for item in json.loads(text)["first"]["items"]
        for b in item.get("body", [])
        if b["purpose"] == "commenting"
    ]
    assert HOSTILE_NOTE in notes


def test_a_lone_surrogate_is_escaped_not_fatal(tmp_path: Path) -> None:
    # SQLite cannot store one, but an Annotation built in memory can hold one.
    article = Article(
        id=1,
        title="T\udc80",
        byline="",
        source="s",
        text="Some text.",
        sha256="0" * 64,
        imported_at="2026-01-01T00:00:00+00:00",
        encoding="utf-8",
    )
    note = Annotation(
        id=1,
        article_id=1,
        start=0,
        end=4,
        quote="Some",
        prefix="",
        suffix=" text.",
        color=None,
        note="broken \ud800 pair",
        tags=(),
        claim=None,
        created_at="2026-01-01T00:00:00+00:00",
        updated_at="2026-01-01T00:00:00+00:00",
    )
    text = collection_json([(article, [note])])
    assert "\\ud800" in text and "\\udc80" in text
    write_atomic(tmp_path / "s.json", text)
    document = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert document["first"]["items"][0]["body"][0]["value"] == "broken \ud800 pair"
    assert document["claimmark:articles"][0]["claimmark:title"] == "T\udc80"


# -- round trip -----------------------------------------------------------------------------


def test_export_import_export_gives_the_same_bytes(filled: Store, fresh, tmp_path) -> None:
    exported = collection_json(everything(filled))
    other = fresh()
    summary = import_collection(other, exported.encode("utf-8"))
    assert (summary.articles_added, summary.articles_existing) == (3, 0)
    assert (summary.annotations_added, summary.annotations_skipped) == (8, 0)
    assert len(summary.article_ids) == 3
    assert collection_json(everything(other)) == exported
    by_sha = {a.sha256: a for a, _ in everything(other)}
    for article, marks in everything(filled):
        copy_ = by_sha[article.sha256]
        assert article_markdown(copy_, other.list_annotations(copy_.id)) == article_markdown(
            article, marks
        )
        assert (copy_.previous_id is None) == (article.previous_id is None)
        assert copy_.metadata == article.metadata
    assert WEB_METADATA in [a.metadata for a, _ in everything(other)]
    assert '"claimmark:canonicalUrl": "https://example.org/story"' in exported
    path = tmp_path / "all.json"
    write_atomic(path, exported)
    assert is_claimmark_file(path)
    third = fresh()
    import_collection(third, path.read_bytes())
    assert collection_json(everything(third)) == exported


def test_importing_twice_adds_nothing_the_second_time(filled: Store, fresh) -> None:
    exported = collection_json(everything(filled))
    other = fresh()
    import_collection(other, exported)
    before = snapshot(other)
    again = import_collection(other, exported)
    assert (again.articles_added, again.articles_existing) == (0, 3)
    assert (again.annotations_added, again.annotations_skipped) == (0, 8)
    assert snapshot(other) == before
    into_itself = import_collection(filled, exported)
    assert into_itself.annotations_added == 0 and into_itself.annotations_skipped == 8


def test_an_import_merges_with_what_is_there(filled: Store, fresh) -> None:
    exported = collection_json(everything(filled))
    other = fresh()
    mine = other.add_article("Mine", "", "/tmp/mine.txt", "My own article.").article
    other.create_annotation(AnnotationDraft(mine.id, 0, 2, note="keep me"))
    partial = json.loads(exported)
    partial["first"]["items"] = partial["first"]["items"][:3]
    import_collection(other, json.dumps(partial))
    summary = import_collection(other, exported)
    assert (summary.annotations_added, summary.annotations_skipped) == (5, 3)
    assert other.list_annotations(mine.id)[0].note == "keep me"
    assert other.article_count() == 4


def test_moved_positions_are_re_anchored_by_the_quote(filled: Store, fresh) -> None:
    exported = collection_json(everything(filled))
    document = json.loads(exported)
    for item in document["first"]["items"]:
        quote_selector, position = item["target"]["selector"]
        position["start"] = max(0, position["start"] - 1)
        position["end"] = position["start"] + 1
    other = fresh()
    import_collection(other, json.dumps(document))
    assert collection_json(everything(other)) == exported
    for item in document["first"]["items"]:
        del item["target"]["selector"][1]
    third = fresh()
    import_collection(third, json.dumps(document))
    assert collection_json(everything(third)) == exported


def test_a_collection_with_items_directly_on_it_imports(filled: Store, fresh) -> None:
    exported = collection_json(everything(filled))
    document = json.loads(exported)
    document["items"] = document.pop("first")["items"]
    other = fresh()
    assert import_collection(other, json.dumps(document)).annotations_added == 8
    assert collection_json(everything(other)) == exported


# -- bad files ------------------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _last_item(document: dict[str, Any]) -> dict[str, Any]:
    return document["first"]["items"][-1]


def _last_claim(document: dict[str, Any]) -> dict[str, Any]:
    items = [
        i
        for i in document["first"]["items"]
        if any(b["purpose"] == "assessing" for b in i.get("body", []))
    ]
    return next(b for b in items[-1]["body"] if b["purpose"] == "assessing")


def _set(getter: Callable[[dict[str, Any]], Any], key: str, value: Any) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        getter(document)[key] = value

    return mutate


def _delete(getter: Callable[[dict[str, Any]], Any], key: str) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        del getter(document)[key]

    return mutate


def _position(document: dict[str, Any]) -> dict[str, Any]:
    return _last_item(document)["target"]["selector"][1]


def _quote(document: dict[str, Any]) -> dict[str, Any]:
    return _last_item(document)["target"]["selector"][0]


def _article(document: dict[str, Any]) -> dict[str, Any]:
    return document["claimmark:articles"][-1]


def _add_body(body: dict[str, Any]) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        _last_item(document).setdefault("body", []).append(body)

    return mutate


def _two_notes(document: dict[str, Any]) -> None:
    item = _last_item(document)
    note = {"type": "TextualBody", "purpose": "commenting", "value": "n"}
    item["body"] = [note, dict(note)]


BAD_DOCUMENTS: list[tuple[str, Mutation, str]] = [
    ("newer format", _set(lambda d: d, "claimmark:format", 2), "newer claimmark"),
    ("no format", _delete(lambda d: d, "claimmark:format"), "'claimmark:format' is missing"),
    ("foreign context", _set(lambda d: d, "@context", ANNO_CONTEXT), "without claimmark's context"),
    ("no context", _delete(lambda d: d, "@context"), "no Web Annotation context"),
    ("wrong type", _set(lambda d: d, "type", "AnnotationPage"), "not 'AnnotationCollection'"),
    ("no articles", _delete(lambda d: d, "claimmark:articles"), "'claimmark:articles'"),
    ("no items", _delete(lambda d: d, "first"), "no annotations"),
    ("paged", _set(lambda d: d["first"], "next", "urn:x"), "more than one page"),
    ("item type", _set(_last_item, "type", "Note"), "type must be 'Annotation'"),
    ("start as string", _set(_position, "start", "5"), "'start' must be an integer"),
    ("start as bool", _set(_position, "start", True), "'start' must be an integer"),
    ("end as float", _set(_position, "end", 9.5), "'end' must be an integer"),
    ("span out of range", _set(_position, "end", 10**6), "outside the article"),
    ("negative start", _set(_position, "start", -1), "outside the article"),
    ("empty span", _set(_position, "end", 0), "outside the article"),
    (
        "quote not in text",
        _set(_quote, "exact", "words that are nowhere"),
        "is not in the article's text",
    ),
    ("empty quote", _set(_quote, "exact", ""), "'exact') is empty"),
    ("no selector", _set(lambda d: _last_item(d)["target"], "selector", []), "no selector"),
    (
        "unknown target",
        _set(lambda d: _last_item(d)["target"], "source", "urn:nope"),
        "not among the file's articles",
    ),
    ("missing created", _delete(_last_item, "created"), "'created' is missing"),
    ("bad time", _set(_last_item, "modified", "yesterday"), "not an ISO 8601 time"),
    ("colour as number", _set(_last_item, "claimmark:color", 3), "'claimmark:color' must be"),
    ("body not list", _set(_last_item, "body", "x"), "'body' must be a list"),
    (
        "unknown purpose",
        _add_body({"type": "TextualBody", "purpose": "describing", "value": "x"}),
        "unknown purpose 'describing'",
    ),
    (
        "tag not string",
        _add_body({"type": "TextualBody", "purpose": "tagging", "value": 5}),
        "'value' must be a string",
    ),
    (
        "tag too long",
        _add_body({"type": "TextualBody", "purpose": "tagging", "value": "t" * 65}),
        "longer than 64 characters",
    ),
    ("two notes", _two_notes, "a second note"),
    ("bad status", _set(_last_claim, "claimmark:status", "probably"), "unknown claim value"),
    (
        "bad evidence",
        _set(_last_claim, "claimmark:evidence", ["javascript:alert(1)"]),
        "is not an http(s) URL",
    ),
    (
        "sources not list",
        _set(_last_claim, "claimmark:sources", "A → B"),
        "'claimmark:sources' must be a list",
    ),
    ("source not string", _set(_last_claim, "claimmark:sources", [1]), "must hold strings"),
    ("no text", _delete(_article, "claimmark:text"), "'claimmark:text' is missing"),
    ("empty text", _set(_article, "claimmark:text", "  "), "has no text"),
    ("bad sha", _set(_article, "claimmark:sha256", "abc"), "not a SHA-256"),
    ("article type", _set(_article, "type", "Article"), "'claimmark:Article'"),
    (
        "duplicate article",
        lambda d: d["claimmark:articles"].append(copy.deepcopy(d["claimmark:articles"][0])),
        "a second article",
    ),
]


@pytest.mark.parametrize(
    ("name", "mutate", "message"), BAD_DOCUMENTS, ids=[case[0] for case in BAD_DOCUMENTS]
)
def test_a_damaged_file_is_refused_before_anything_is_written(
    filled: Store, fresh, name: str, mutate: Mutation, message: str
) -> None:
    document = json.loads(collection_json(everything(filled)))
    mutate(document)
    other = fresh()
    mine = other.add_article("Mine", "", "/tmp/mine.txt", "My own article.").article
    other.create_annotation(AnnotationDraft(mine.id, 0, 2, note="keep me"))
    before = snapshot(other)
    with pytest.raises(ImportFormatError, match=re.escape(message)) as caught:
        import_collection(other, json.dumps(document, ensure_ascii=False))
    assert "\n" not in str(caught.value)
    assert snapshot(other) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not valid JSON"),
        (b"not json at all", "not valid JSON: Expecting value at line 1 column 1"),
        (b'{"@context": ', "not valid JSON"),
        (b"\xff\xfe\x00{", "not UTF-8"),
        (b"[]", "not a JSON object"),
        (b'---\nclaimmark: "sha256:00"\n---\n# T\n', "looks like a Markdown export"),
        (b'{"hello": "world"}', "no Web Annotation context"),
        (b"[" * 100_000, "not valid JSON"),
        (
            json.dumps(
                {
                    "@context": ANNO_CONTEXT,
                    "type": "AnnotationCollection",
                    "first": {"type": "AnnotationPage", "items": []},
                }
            ).encode(),
            "without claimmark's context",
        ),
    ],
)
def test_files_that_are_not_ours_are_refused(fresh, data: bytes, message: str) -> None:
    other = fresh()
    before = snapshot(other)
    with pytest.raises(ImportFormatError, match=re.escape(message)) as caught:
        import_collection(other, data)
    assert "\n" not in str(caught.value)
    assert snapshot(other) == before


def test_parse_collection_reads_without_writing(filled: Store) -> None:
    parsed = parse_collection(collection_json(everything(filled)))
    assert len(parsed.articles) == 3 and len(parsed.annotations) == 8
    assert filled.article_count() == 3


# -- property test --------------------------------------------------------------------------

_counter = iter(range(10**9))
_url = st.text(st.characters(blacklist_categories=("Z", "Cc", "Cs")), max_size=15).map(
    lambda s: "https://example.org/" + s
)
_drafts = st.lists(
    st.fixed_dictionaries(
        {
            "where": st.tuples(st.integers(0, 10**6), st.integers(1, 80)),
            "note": st.text(max_size=40),
            "tags": st.lists(st.text(min_size=1, max_size=15), max_size=3).map(tuple),
            "color": st.none() | st.sampled_from(["yellow", "red", ""]),
            "claim": st.none()
            | st.builds(
                Claim,
                claimant=st.text(max_size=20),
                sources=st.lists(st.text(max_size=10), max_size=3).map(tuple),
                status=st.sampled_from(list(ClaimStatus)),
                confidence=st.sampled_from(list(Confidence)),
                attribution=st.sampled_from(list(Attribution)),
                evidence=st.lists(_url, max_size=2).map(tuple),
            ),
        }
    ),
    max_size=6,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=st.text(max_size=30),
    byline=st.text(max_size=20),
    body=st.text(
        st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
        min_size=1,
        max_size=200,
    ),
    drafts=_drafts,
)
def test_arbitrary_annotations_round_trip_byte_for_byte(
    store: Store, fresh, title: str, byline: str, body: str, drafts: list[dict[str, Any]]
) -> None:
    text = f"Text {next(_counter)}.\n{body}"
    article = store.add_article(title, byline, "/tmp/p.txt", text).article
    text = article.text  # as stored: sanitised (store.sanitize)
    for draft in drafts:
        offset, length = draft["where"]
        start = offset % len(text)
        store.create_annotation(
            AnnotationDraft(
                article.id,
                start,
                min(len(text), start + length),
                color=draft["color"],
                note=draft["note"],
                tags=draft["tags"],
                claim=draft["claim"],
            )
        )
    exported = collection_json([(article, store.list_annotations(article.id))])
    other = fresh()
    summary = import_collection(other, exported)
    assert summary.annotations_added == len(store.list_annotations(article.id))
    assert collection_json(everything(other)) == exported
    assert import_collection(other, exported).annotations_added == 0
