"""Suggestions on very long articles: the work is bounded, and the result says so (the store
API, `claimmark suggest` and its notice); and the headline in `claimmark suggest`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimmark.store.suggest import MAX_CHARS, suggest_attributions
from claimmark.store.suggest import engine as suggest_engine
from tests.cli import cli_runner

PARAGRAPH = (
    "Officials said the harbour wall would be repaired by the spring. "
    "the tide came in twice a day and the boats went out at dawn, as they always had. "
)


def generated(size: int) -> str:
    """An article of about `size` characters: one attributed sentence per paragraph."""
    paragraphs = size // len(PARAGRAPH) + 1
    return "\n".join(PARAGRAPH.strip() for _ in range(paragraphs))


def test_a_text_longer_than_the_cap_is_read_up_to_it_and_flagged_truncated() -> None:
    text = generated(MAX_CHARS + 200_000)
    assert len(text) > MAX_CHARS
    found = suggest_attributions(text)
    assert found.truncated
    assert 0 < found.read <= MAX_CHARS
    assert text[found.read] == "\n"  # cut at a paragraph break
    assert found  # what was read still gives its suggestions
    assert max(s.end for s in found) <= found.read


def test_a_text_within_the_cap_is_not_truncated() -> None:
    text = generated(20_000)
    found = suggest_attributions(text)
    assert not found.truncated
    assert found.read == len(text)
    assert found[-1].end > len(text) - len(PARAGRAPH)


def test_one_huge_paragraph_is_cut_at_a_space() -> None:
    text = "the boats went out at dawn " * (MAX_CHARS // 27 + 10)
    found = suggest_attributions(text)
    assert found.truncated
    assert text[found.read] == " "


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMMARK_DB", str(tmp_path / "lib.db"))

    return cli_runner(capsys)


def test_suggest_says_on_stderr_when_it_read_only_part_of_the_article(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Harbour wall repairs\n" + generated(6_000), encoding="utf-8")
    assert run("add", str(path)).status == 0
    monkeypatch.setattr(suggest_engine, "MAX_CHARS", 2_000)
    for args in (("suggest", "1"), ("suggest", "1", "--json")):
        result = run(*args)
        assert result.status == 0
        notice = result.err.strip().splitlines()
        assert len(notice) == 1
        assert notice[0].startswith("claimmark: note: suggestions cover only the first ")
        assert "characters of this article" in notice[0]
    data = json.loads(result.out)
    assert data and all(item["end"] <= 2_000 for item in data)
    monkeypatch.setattr(suggest_engine, "MAX_CHARS", 10_000_000)
    assert run("suggest", "1").err == ""


def test_suggest_shows_the_headline_when_it_reports_a_claim(run, tmp_path: Path) -> None:
    path = tmp_path / "minister.txt"
    path.write_text(
        "Minister Admits Flood Plan Was Rushed\n"
        "The environment minister, Helen Achterberg, said a decision had been rushed.\n",
        encoding="utf-8",
    )
    assert run("add", str(path)).status == 0
    result = run("suggest", "1")
    lines = result.out.splitlines()
    assert lines[0].startswith("title\t")
    assert "\tHelen Achterberg\t[admits]" in lines[0]
    assert "Minister Admits Flood Plan Was Rushed" in lines[1]
    data = json.loads(run("suggest", "1", "--json").out)
    assert [item["in_title"] for item in data] == [True, False]
    assert data[0]["description"] == "minister"
    assert data[0]["sentence"] == "Minister Admits Flood Plan Was Rushed"
