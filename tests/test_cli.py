"""The `claimmark` command: scripting the library, and one-line errors for bad input."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import cli_runner, one_line_error

ROOT = Path(__file__).resolve().parent.parent

STORY = (
    "Ministers signal backing for coastal flood plan\n"
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Speaking on Monday, the environment minister told reporters that “a decision is close”, "
    "according to a report in the Harbour Gazette.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029.\n"
    "By Jane Example"
)


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    db = tmp_path / "lib.db"
    monkeypatch.setenv("CLAIMMARK_DB", str(db))

    return cli_runner(capsys)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "flood.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_version_and_help(run) -> None:
    result = run("--version")
    assert result.status == 0 and "claimmark" in result.out
    for command in ("add", "list", "annotations", "annotate", "claims", "suggest", "open"):
        result = run(command, "--help")
        assert result.status == 0 and "Usage" in result.out


def test_add_list_and_add_again(run, story: Path) -> None:
    result = run("add", str(story))
    assert result.status == 0
    assert "added" in result.out and "Ministers signal" in result.out
    again = run("add", str(story))
    assert "already in library" in again.out
    listed = json.loads(run("list", "--json").out)
    assert [a["title"] for a in listed] == ["Ministers signal backing for coastal flood plan"]
    assert listed[0]["byline"] == "By Jane Example"
    table = run("list").out
    assert "Ministers signal" in table


def test_add_changed_file_is_a_new_version(run, story: Path) -> None:
    run("add", str(story))
    story.write_text(STORY.replace("2029", "2031"), encoding="utf-8")
    result = run("add", str(story))
    assert "new version of #1" in result.out
    assert len(json.loads(run("list", "--json", "--all-versions").out)) == 2


def test_add_folder(run, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for i in range(6):
        (folder / f"a{i}.txt").write_text(f"Headline {i}\nBody of story {i}.\n")
    (folder / "image.png").write_bytes(b"\x89PNG\x00\x00")
    result = run("add", str(folder))
    assert result.status == 0
    assert len(json.loads(run("list", "--json").out)) == 6


def test_annotate_and_list_annotations(run, story: Path) -> None:
    run("add", str(story))
    result = run(
        "annotate",
        "1",
        "--quote",
        "two officials said",
        "--tag",
        "flood",
        "--tag",
        "budget",
        "--note",
        "Who?",
        "--claimant",
        "two officials",
        "--status",
        "disputed",
        "--source",
        "Harbour Gazette",
        "--source",
        "two officials",
        "--evidence",
        "https://example.org/a",
        "--json",
    )
    assert result.status == 0, result.err
    created = json.loads(result.out)
    assert created["claim"]["status"] == "disputed"
    assert created["claim"]["sources"] == ["Harbour Gazette", "two officials"]
    listed = json.loads(run("annotations", "coastal flood", "--json").out)
    assert len(listed) == 1
    assert listed[0]["quote"] == "two officials said"
    assert listed[0]["tags"] == ["budget", "flood"]
    assert listed[0]["paragraph"] == 1
    text = run("annotations", "1").out
    assert "¶1" in text and "disputed" in text and "claimant: two officials" in text
    claims = json.loads(run("claims", "--status", "disputed", "--json").out)
    assert [c["claim"]["claimant"] for c in claims] == ["two officials"]
    assert run("claims", "--claimant", "nobody").err.strip() == "No claims match."


def test_annotate_occurrence_rules(run, tmp_path: Path) -> None:
    path = tmp_path / "rep.txt"
    path.write_text("Title\nThe cat sat. The cat ran.\n")
    run("add", str(path))
    one_line_error(run("annotate", "1", "--quote", "The cat"))
    result = run("annotate", "1", "--quote", "The cat", "--occurrence", "2", "--json")
    assert json.loads(result.out)["start"] == 13
    one_line_error(run("annotate", "1", "--quote", "The cat", "--occurrence", "3"))
    one_line_error(run("annotate", "1", "--quote", "dog"))


def test_errors_are_one_line(run, tmp_path: Path, story: Path) -> None:
    one_line_error(run("add", str(tmp_path / "missing.txt")))
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"abc\x00\x01\x02" * 100)
    one_line_error(run("add", str(binary)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    one_line_error(run("add", str(empty)))
    one_line_error(run("annotations", "999"))
    one_line_error(run("annotations", "no such title"))
    one_line_error(run("nonsense-command"), status=2)
    one_line_error(run("annotate", "1"), status=2)  # --quote is required
    one_line_error(run("claims", "--status", "maybe"))
    run("add", str(story))
    other = tmp_path / "other.txt"
    other.write_text("Ministers signal a second plan\nText.\n")
    run("add", str(other))
    one_line_error(run("annotations", "Ministers signal"))  # ambiguous
    one_line_error(run("annotate", "1", "--quote", "two officials", "--evidence", "nope"))
    assert json.loads(run("annotations", "1", "--json").out) == []


def test_bad_database_files(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello\n" * 100)
    before = not_db.read_bytes()
    one_line_error(run("--db", str(not_db), "list"))
    assert not_db.read_bytes() == before
    ro = tmp_path / "ro.db"
    run("--db", str(ro), "list")
    conn = sqlite3.connect(ro)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    ro.chmod(0o444)
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    try:
        one_line_error(run("--db", str(ro), "add", str(story)))
    finally:
        ro.chmod(0o644)
    one_line_error(run("--db", str(tmp_path), "list"), status=2)


def test_reader_without_terminal_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimmark.tui", "--db", str(tmp_path / "x.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "claimmark: the reader needs a terminal; see 'claimmark --help' for the commands"
        " to script it"
    ]


def test_suggest_command(run, story: Path) -> None:
    run("add", str(story))
    result = run("suggest", "1", "--json")
    assert result.status == 0
    found = json.loads(result.out)
    assert any("two officials" in s["claimant"] for s in found)
    for s in found:
        assert {"start", "end", "sentence", "claimant", "cue", "attribution", "sources"} <= set(s)


def test_export_markdown_json_and_import(run, story: Path, tmp_path: Path) -> None:
    run("add", str(story))
    run(
        "annotate",
        "1",
        "--quote",
        "two officials said",
        "--tag",
        "flood policy",
        "--claimant",
        "two officials",
        "--note",
        "# not a heading",
    )
    out = tmp_path / "out"
    result = run("export", "1", "-o", str(out))
    assert result.status == 0, result.err
    [written] = out.iterdir()
    text = written.read_text()
    assert text.startswith("---\n") and "#flood-policy" in text
    assert Path(result.out.strip()) == written
    again = run("export", "1", "-o", str(out))
    assert again.status == 0 and written.read_text() == text  # same bytes
    stdout = run("export", "1", "-o", "-").out
    assert stdout == text
    foreign = tmp_path / "mine.md"
    foreign.write_text("my own notes\n")
    one_line_error(run("export", "1", "-o", str(foreign)))
    assert foreign.read_text() == "my own notes\n"
    assert run("export", "1", "-o", str(foreign), "--force").status == 0
    collection = tmp_path / "all.json"
    assert run("export", "--all", "--format", "json", "-o", str(collection)).status == 0
    other_db = tmp_path / "other.db"
    result = run("--db", str(other_db), "import", str(collection))
    assert result.status == 0 and "1 articles added" in result.out
    result = run("--db", str(other_db), "import", str(collection))
    assert "0 annotations added, 1 already there" in result.out
    back = tmp_path / "back.json"
    run("--db", str(other_db), "export", "--all", "--format", "json", "-o", str(back))
    assert back.read_bytes() == collection.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    one_line_error(run("import", str(bad)))
    one_line_error(run("export"), status=2)
    one_line_error(run("export", "1", "--all"), status=2)


def test_config_export_dir(run, story: Path, tmp_path: Path) -> None:
    run("add", str(story))
    target = tmp_path / "exports"
    assert run("config", "export_dir", str(target)).status == 0
    assert run("config", "export_dir").out.strip() == str(target)
    result = run("export", "1")
    assert result.status == 0
    assert Path(result.out.strip()).parent == target


def test_export_group_by_tag_groups_claims_too(run, story: Path) -> None:
    run("add", str(story))
    run("annotate", "1", "--quote", "two officials said", "--tag", "funding", "--claimant", "x")
    run("annotate", "1", "--quote", "Senior engineers", "--tag", "timing", "--claimant", "y")
    run("annotate", "1", "--quote", "Harbour Gazette", "--tag", "timing")
    text = run("export", "1", "--group-by", "tag", "-o", "-").out
    claims, highlights = text.split("## Claims\n")[1].split("## Highlights and notes\n")
    assert claims.index("### #funding") < claims.index("two officials said")
    assert claims.index("### #timing") < claims.index("Senior engineers")
    assert "### #timing" in highlights and "Harbour Gazette" in highlights


def test_the_samples_are_named_by_file_name_in_their_source(run, tmp_path: Path) -> None:
    from claimmark.articles import sample_paths
    from claimmark.store.store import Store
    from claimmark.tui.launch import _import_samples  # (the first run's, with or without click)

    installed = sample_paths()[0]
    with Store(tmp_path / "lib.db") as store:
        _import_samples(store)  # what the first run does
        articles = store.list_articles()
    assert {a.source for a in articles} == {path.name for path in sample_paths()}
    first = next(a for a in articles if a.source == installed.name)
    text = run("export", str(first.id), "-o", "-").out
    assert f'source: "{installed.name}"' in text
    # a library that stored a sample by where it was installed exports it by name too
    with Store(tmp_path / "old.db") as old:
        old.import_file(installed)
    for fmt in ("markdown", "json"):
        text = run("--db", str(tmp_path / "old.db"), "export", "1", "--format", fmt, "-o", "-").out
        assert installed.name in text and str(installed.parent) not in text, fmt
