"""`claimmark search`, `delete`, `tags` and `list` (names and orders), with bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimmark.store.store import Store
from tests.cli import one_line_error
from tests.test_cli import run, story  # noqa: F401  (fixtures)

OTHER = "Hospital waiting times rise\nWaiting times rose again in March, the board said.\n"


@pytest.fixture
def library(run, story: Path, tmp_path: Path):  # noqa: F811
    """Two articles; the flood story has a tagged note and a tagged claim."""
    other = tmp_path / "waits.txt"
    other.write_text(OTHER, encoding="utf-8")
    assert run("add", str(story), str(other)).status == 0
    assert (
        run(
            "annotate", "1", "--quote", "two officials said", "--tag", "flood", "--note", "Who?"
        ).status
        == 0
    )
    assert (
        run(
            "annotate",
            "1",
            "--quote",
            "a decision is close",
            "--tag",
            "Flood risk",
            "--claimant",
            "environment minister",
            "--source",
            "Harbour Gazette",
        ).status
        == 0
    )
    return run


def test_search_prints_article_where_and_snippet(library) -> None:
    result = library("search", "gazette")
    assert result.status == 0
    lines = result.out.splitlines()
    assert sorted(line.split("  ")[1].strip() for line in lines) == ["¶2", "¶2 claim (sources)"]
    claim = next(line for line in lines if "claim" in line)
    assert claim.startswith("1  ") and "Ministers signal backing" in claim
    assert claim.endswith("Harbour Gazette")
    text = library("search", "barrier").out
    assert text.startswith("1  ¶1") and "regional flood barrier" in text


def test_search_json_gives_offsets_and_marks(library) -> None:
    data = json.loads(library("search", '"flood barrier"', "--json").out)
    assert data["plain_words"] is False and data["more"] is False
    [hit] = data["hits"]
    assert (hit["article_id"], hit["where"], hit["kind"]) == (1, "¶1", "text")
    start, end = hit["marks"][0]
    assert hit["snippet"][start:end] == "flood barrier"


def test_search_words_unquoted_limit_and_no_match(library) -> None:
    result = library("search", "waiting", "march", "--json")
    [hit] = json.loads(result.out)["hits"]  # one article: its title and text both match
    assert (hit["article_id"], hit["where"]) == (2, "¶1")
    limited = library("search", "flood", "--limit", "1")
    assert len(limited.out.splitlines()) == 1 and "more than 1" in limited.err
    none = library("search", "tsunami")
    assert none.status == 0 and none.out == "" and "No matches" in none.err


def test_search_with_fts5_syntax_error_searches_the_words(library) -> None:
    result = library("search", '"decision close AND')
    assert result.status == 0
    assert len(result.err.splitlines()) == 1 and "not FTS5 syntax" in result.err
    assert "a decision is close" in result.out


@pytest.mark.parametrize("query", ["", "   ", "***", '"'])
def test_search_without_words_is_a_one_line_error(library, query: str) -> None:
    one_line_error(library("search", query))


def test_search_usage_errors(library) -> None:
    one_line_error(library("search"), status=2)
    one_line_error(library("search", "flood", "--limit", "0"), status=2)


def test_delete_removes_the_article_and_everything_of_it(library, tmp_path: Path) -> None:
    result = library("delete", "Ministers signal")
    assert result.status == 0
    assert result.out.strip() == "deleted #1 Ministers signal backing for coastal flood plan"
    assert "2 annotations" in result.err
    assert [a["id"] for a in json.loads(library("list", "--json").out)] == [2]
    assert json.loads(library("search", "gazette OR barrier", "--json").out)["hits"] == []
    assert json.loads(library("tags", "--json").out) == []


def test_delete_of_a_missing_article_deletes_nothing(library) -> None:
    one_line_error(library("delete", "2", "99"))
    one_line_error(library("delete", "no such title"))
    assert len(json.loads(library("list", "--json").out)) == 2
    one_line_error(library("delete"), status=2)


def test_tags_lists_counts(library) -> None:
    data = json.loads(library("tags", "--json").out)
    assert data == [
        {"name": "flood", "annotations": 1, "articles": 1},
        {"name": "Flood risk", "annotations": 1, "articles": 1},
    ]
    text = library("tags").out
    assert "Flood risk" in text and "annotations" in text


def test_tags_rename_and_merge_change_every_annotation(library, tmp_path: Path) -> None:
    result = library("tags", "rename", "flood", "flooding")
    assert result.status == 0 and "renamed 'flood' to 'flooding' on 1 annotation" in result.out
    result = library("tags", "merge", "Flood risk", "flooding")
    assert result.status == 0 and "merged 'Flood risk' into 'flooding'" in result.out
    assert json.loads(library("tags", "--json").out) == [
        {"name": "flooding", "annotations": 2, "articles": 1}
    ]
    with Store(tmp_path / "lib.db") as store:
        assert [a.tags for a in store.list_annotations(1)] == [("flooding",), ("flooding",)]
        assert [e.action for e in store.journal(1)][-2:] == ["update", "update"]
    result = library("tags", "delete", "#flooding")
    assert result.status == 0 and "from 2 annotations" in result.out
    assert json.loads(library("tags", "--json").out) == []


def test_tags_bad_input(library) -> None:
    unknown = library("tags", "rename", "flod", "x")
    one_line_error(unknown)
    assert "no tag named 'flod'" in unknown.err and "did you mean 'flood'" in unknown.err
    one_line_error(library("tags", "merge", "flood", "nothing"))
    one_line_error(library("tags", "rename", "flood", "Flood risk"))
    one_line_error(library("tags", "rename", "flood", ""))
    one_line_error(library("tags", "delete", "nothing"))
    one_line_error(library("tags", "rename", "flood"), status=2)


def test_list_names_counts_as_the_export_does_and_sorts(
    library, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = json.loads(library("list", "--json").out)
    flood = next(a for a in listed if a["id"] == 1)
    assert (flood["annotation_count"], flood["note_count"], flood["claim_count"]) == (2, 1, 1)
    header = library("list").out.splitlines()[0].split()  # 80 columns: the counts stay
    assert header == ["id", "title", "annotations", "notes", "claims", "opened"]
    monkeypatch.setenv("COLUMNS", "112")
    header = library("list").out.splitlines()[0].split()
    assert header == ["id", "title", "byline", "annotations", "notes", "claims", "read", "opened"]
    monkeypatch.delenv("COLUMNS")
    by_claims = json.loads(library("list", "--json", "--sort", "claims").out)
    assert [a["id"] for a in by_claims] == [1, 2]
    by_title = json.loads(library("list", "--json", "--sort", "title", "--reverse").out)
    assert [a["title"][:8] for a in by_title] == ["Minister", "Hospital"]
    one_line_error(library("list", "--sort", "colour"), status=2)
