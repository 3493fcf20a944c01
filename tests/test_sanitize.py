"""Every text that enters the store goes through one sanitiser (store.sanitize)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmark.store.errors import InvalidInput
from claimmark.store.models import AnnotationDraft, Claim
from claimmark.store.sanitize import (
    MAX_TEXT_BYTES,
    clean_block,
    clean_line,
    clean_name,
    deleted_positions,
    map_offset,
    terminal_json,
    visible,
)
from claimmark.store.store import Store
from tests.hostile import ALL, HOSTILE, assert_terminal_safe


def _stored_texts(store: Store) -> list[str]:
    """Every text value in every table of the store."""
    texts: list[str] = []
    tables = [
        row[0]
        for row in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        )
    ]
    for table in tables:
        for row in store.conn.execute(f"SELECT * FROM [{table}]"):
            texts.extend(value for value in row if isinstance(value, str))
    return texts


def _assert_clean(store: Store) -> None:
    for text in _stored_texts(store):
        # Journal entries are JSON: their strings are checked decoded.
        if text.startswith("{"):
            try:
                text = json.dumps(json.loads(text), ensure_ascii=False)
            except ValueError:
                pass
        assert_terminal_safe(text.replace("\n", " ").replace("\t", " "), "stored text")


def test_every_store_entry_point_sanitises(store: Store) -> None:
    body = "Plain first paragraph.\n" + ALL + "\nLast paragraph here."
    article = store.add_article(ALL, ALL, "/tmp/x\x1b[2J.txt", body).article
    assert "\x1b" not in article.text and "\ud800" not in article.text
    assert article.title == clean_line(ALL)
    assert article.source == "/tmp/x[2J.txt"
    claim = Claim(
        claimant=HOSTILE["markup-close"] + HOSTILE["osc52"],
        sources=(HOSTILE["bidi"], HOSTILE["csi-clear"]),
        evidence=("https://example.org/\x1b]52;c;x\x07",),
    )
    created = store.create_annotation(
        AnnotationDraft(
            article.id,
            0,
            5,
            note=ALL,
            tags=(HOSTILE["zero-width"], HOSTILE["c0"]),
            color="yellow\x1b[2J",
            claim=claim,
        )
    )
    assert created.claim is not None
    assert created.claim.claimant == clean_name(claim.claimant)
    assert created.claim.evidence == ("https://example.org/]52;c;x",)
    assert created.note == clean_block(ALL)
    assert created.tags == tuple(
        sorted((clean_name(HOSTILE["zero-width"]), clean_name(HOSTILE["c0"])), key=str.casefold)
    )
    updated = store.update_annotation(created.id, note=HOSTILE["surrogate"], tags=[ALL[:60]])
    assert "\ud800" not in updated.note
    store.restore_annotation(created, expected=updated)
    store.set_setting("export_dir", "/tmp/\x1b]0;t\x07out")
    assert store.get_setting("export_dir") == "/tmp/]0;tout"
    _assert_clean(store)


def test_lone_surrogates_and_nul_are_dropped_not_fatal(store: Store, article) -> None:
    created = store.create_annotation(AnnotationDraft(article.id, 0, 4, note="bad \ud800 x\x00"))
    assert created.note == "bad  x"
    stored = store.add_article("T\udcff", "", "/n.txt", "a\x00b").article
    assert (stored.title, stored.text) == ("T", "ab")


def test_text_that_is_only_controls_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="no text"):
        store.add_article("T", "", "/n.txt", "\x1b\x00\u202e\n")


def test_one_size_limit_for_every_text(store: Store, article) -> None:
    big = "x" * (MAX_TEXT_BYTES + 1)
    with pytest.raises(InvalidInput, match="16 MiB"):
        store.add_article("Big", "", "/big.txt", big)
    with pytest.raises(InvalidInput, match="16 MiB"):
        store.create_annotation(AnnotationDraft(article.id, 0, 4, note=big))
    assert store.article_count() == 1


def test_block_cleaning_maps_offsets() -> None:
    raw = "a\x1bb\r\nc\u202ed\u2028e"
    clean = clean_block(raw)
    assert clean == "ab\ncd\ne"
    deleted = deleted_positions(raw)
    for offset, char in enumerate(raw):
        if offset not in deleted:
            mapped = map_offset(offset, deleted)
            assert clean[mapped] == {"\r": "\n", "\u2028": "\n"}.get(char, char)


@given(st.text())
def test_cleaning_is_idempotent_and_safe(text: str) -> None:
    for clean in (clean_block, clean_line, clean_name):
        once = clean(text)
        assert clean(once) == once
        assert_terminal_safe(once.replace("\n", " ").replace("\t", " "))
        once.encode("utf-8")  # no lone surrogate left


@given(st.text())
def test_visible_and_terminal_json_are_safe_and_lossless(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert_terminal_safe(shown.replace("\n", " ").replace("\t", " "))
    printed = terminal_json({"v": text})
    assert_terminal_safe(printed.replace("\n", " "))
    assert json.loads(printed) == {"v": text}


def test_ingest_uses_the_same_sanitiser(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "hostile.txt"
    body = ALL.replace("\x00", "")  # a NUL makes a file binary, refused as such
    path.write_text(
        f"Title {HOSTILE['bidi']}\n{body}\nSecond paragraph.",
        encoding="utf-8",
        errors="surrogatepass",
    )
    article = store.import_file(path).article
    assert "\u202e" not in article.title
    assert_terminal_safe(article.text.replace("\n", " "))


def test_import_sanitises_and_keeps_annotations_on_their_words(store: Store) -> None:
    from claimmark.store.export import collection_json, import_collection
    from claimmark.store.models import Annotation, Article

    raw = f"Intro {HOSTILE['osc52']} words.\r\nThe {HOSTILE['bidi']} target phrase here."
    start = raw.index("target phrase")
    article = Article(
        id=1,
        title=HOSTILE["markup-link"] + HOSTILE["csi-clear"],
        byline=HOSTILE["bidi"],
        source="/x.txt",
        text=raw,
        sha256="0" * 64,
        imported_at="2026-01-01T00:00:00+00:00",
        encoding="utf-8",
    )
    mark = Annotation(
        id=1,
        article_id=1,
        start=start,
        end=start + len("target phrase"),
        quote="target phrase",
        prefix=raw[start - 20 : start],
        suffix=raw[start + 13 : start + 30],
        color=None,
        note=ALL,
        tags=(HOSTILE["osc8"][:60],),
        claim=Claim(HOSTILE["markup-close"], (HOSTILE["c0"],)),
        created_at="2026-01-01T00:00:00+00:00",
        updated_at="2026-01-01T00:00:00+00:00",
    )
    summary = import_collection(store, collection_json([(article, [mark])]))
    assert summary.annotations_added == 1
    [stored] = store.list_annotations(summary.article_ids[0])
    assert stored.quote == "target phrase"
    text = store.get_article(summary.article_ids[0]).text
    assert text[stored.start : stored.end] == "target phrase"
    _assert_clean(store)


def test_import_refuses_a_file_over_the_limit(store: Store, monkeypatch) -> None:
    from claimmark.store.export import import_collection, webanno_import

    monkeypatch.setattr(webanno_import, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(Exception, match="larger than 100 bytes"):
        import_collection(store, b"{" + b" " * 200 + b"}")
