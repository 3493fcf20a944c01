"""The real-news label sets: every locator resolves, every field is valid, the split holds."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from benchmarks.news_labels import (
    FIXTURES,
    SETS,
    LabelError,
    counts,
    label_files,
    load_file,
    load_set,
    sha1_12,
)
from benchmarks.news_text import CorpusMissingError, corpus_dir, html_paragraphs

try:
    CORPUS: Path | None = corpus_dir(Path(__file__).resolve().parent.parent)
except CorpusMissingError:
    CORPUS = None

needs_corpus = pytest.mark.skipif(
    CORPUS is None, reason="the saved web pages (../shared/corpus/web-pages) are not here"
)


def test_block_elements_and_breaks_make_paragraphs() -> None:
    html = (
        "<div><h2>Head&nbsp;line</h2><p>One <b>bold</b>\n  word &amp; more.</p>"
        "<ul><li>first</li><li><p>second</p></li></ul>"
        "<p>a<br>b</p><blockquote><p>quoted</p></blockquote>"
        "<script>var x = '<p>no</p>';</script><td>cell</td></div>"
    )
    assert html_paragraphs(html) == [
        "Head\xa0line",
        "One bold word & more.",
        "first",
        "second",
        "a",
        "b",
        "quoted",
        "cell",
    ]


def test_paragraphs_are_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Māori")
    assert html_paragraphs(f"<p>{decomposed}</p>") == ["Māori"]


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusMissingError, match="saved web pages"):
        corpus_dir(tmp_path / "nested" / "repo")


@needs_corpus
@pytest.mark.parametrize("set_name", SETS)
def test_every_label_resolves(set_name: str) -> None:
    pages = load_set(set_name, corpus=CORPUS)
    assert pages, f"no label files in {set_name}"
    for page in pages:
        assert page.labels, f"{page.page.name} has no labels"
        for label in page.labels:
            text = page.page.body if label.where == "body" else page.page.title
            assert text[label.start : label.end] == label.text
            assert (
                sha1_12(label.text)
                == json.loads(page.path.read_text())["labels"][label.index]["sha1"]
            )
            if label.inherited:
                assert not label.other_claimants, f"{label.page} {label.index}"
            for other in label.other_claimants:
                assert other.claimant != label.claimant, f"{label.page} {label.index}"


@needs_corpus
def test_sets_are_big_enough_and_disjoint() -> None:
    dev = counts(load_set("dev", corpus=CORPUS))
    blind = counts(load_set("blind", corpus=CORPUS))
    assert dev.statements >= 150
    assert blind.statements >= 60
    dev_pages = {path.stem for path in label_files("dev")}
    blind_pages = {path.stem for path in label_files("blind")}
    assert not dev_pages & blind_pages
    blind2 = counts(load_set("blind2", corpus=CORPUS))
    assert blind2.statements >= 40
    blind2_pages = {path.stem for path in label_files("blind2")}
    assert not blind2_pages & (dev_pages | blind_pages)


def test_split_follows_the_written_rule() -> None:
    """Sorted by name, every third page (3rd, 6th ...) is blind, the others dev."""
    dev_pages = {path.stem for path in label_files("dev")}
    blind_pages = {path.stem for path in label_files("blind")}
    everything = sorted(dev_pages | blind_pages)
    expected_blind = {name for i, name in enumerate(everything, 1) if i % 3 == 0}
    assert blind_pages == expected_blind
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for i, name in enumerate(everything, 1):
        set_name = "blind" if name in blind_pages else "dev"
        assert f"| {i} | {name} | {set_name} |" in readme


@needs_corpus
def test_drift_names_the_page_and_label(tmp_path: Path) -> None:
    source = label_files("dev")[0]
    data = json.loads(source.read_text(encoding="utf-8"))
    data["labels"][0]["sha1"] = "000000000000"
    broken = tmp_path / source.name
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LabelError, match=rf"{source.stem} label 0: .*drifted"):
        load_file(broken, "dev", CORPUS)


@needs_corpus
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"attribution": "partly"}, "'attribution' must be"),
        ({"claimant": " "}, "'claimant' must be"),
        ({"sources": "TMZ"}, "'sources' must be a list"),
        ({"paragraph": 0}, "is in paragraph"),
        ({"inherited": False}, "'inherited' is either true or absent"),
        ({"other_claimants": [{"claimant": "X", "cue": "said"}]}, "'attribution' must be"),
        ({"surprise": 1}, "unknown keys"),
    ],
)
def test_invalid_fields_are_rejected(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    source = label_files("dev")[0]
    data = json.loads(source.read_text(encoding="utf-8"))
    data["labels"][0].update(change)
    broken = tmp_path / source.name
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LabelError, match=message):
        load_file(broken, "dev", CORPUS)
