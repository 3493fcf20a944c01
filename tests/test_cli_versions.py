"""The command line for versions: `add` says what was carried, ARTICLE names the newest
version, `versions`, `diff`, `annotations --orphans`, and `claims` with its changed and
orphan marks and `--history`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import cli_runner

STORY = (
    "Bridge to close\n"
    "The council said on Monday that the old bridge will close.\n"
    "The mayor said “the bridge is safe for now” but warned lorries would be banned.\n"
    "A spokesperson said the request was being considered.\n"
    "By Jane Example"
)
EDITED = STORY.replace("safe for now", "safe at present").replace(
    "A spokesperson said the request was being considered.\n", ""
)


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMMARK_DB", str(tmp_path / "lib.db"))
    monkeypatch.setenv("NO_COLOR", "1")

    return cli_runner(capsys)


@pytest.fixture
def changed(run, tmp_path: Path) -> Path:
    """A story with a claim, a note and a highlight, then a changed text of it added."""
    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    assert run("add", str(path)).status == 0
    run("annotate", "bridge", "--quote", "the bridge is safe for now", "--claimant", "mayor")
    run(
        "annotate",
        "bridge",
        "--quote",
        "A spokesperson said the request was being considered.",
        "--note",
        "ask them",
    )
    run("annotate", "bridge", "--quote", "old bridge")
    path.write_text(EDITED, encoding="utf-8")
    return path


def test_add_says_what_was_carried(run, changed: Path) -> None:
    result = run("add", str(changed))
    assert result.status == 0
    assert "new version of #1 (2 notes carried (1 changed), 1 orphan)" in result.out


def test_names_give_the_newest_version_unless_one_is_asked_for(run, changed: Path) -> None:
    run("add", str(changed))
    for name in ("1", "2", "bridge", str(changed)):
        listed = json.loads(run("annotations", name, "--json").out)
        assert [a["quote"] for a in listed] == ["old bridge", "the bridge is safe at present"]
    # Version 1: every note where it sat on that text (the orphan still there, the
    # others where they were before version 2 carried them off, their words as then).
    old = json.loads(run("annotations", "bridge", "--version", "1", "--json").out)
    assert [a["quote"] for a in old] == [
        "old bridge",
        "the bridge is safe for now",
        "A spokesperson said the request was being considered.",
    ]
    assert not any(a["changed"] for a in old)
    result = run("annotations", "bridge", "--version", "3")
    assert result.status == 1 and "has 2 versions; there is no version 3" in result.err


def test_annotations_flag_changed_words_and_list_orphans(run, changed: Path) -> None:
    run("add", str(changed))
    listed = run("annotations", "bridge")
    assert "⚠ changed since marked: was 'the bridge is safe for now'" in listed.out
    assert "1 orphan (words gone from this version)" in listed.err
    orphans = run("annotations", "bridge", "--orphans")
    assert "orphan (last in version 1)" in orphans.out
    assert "A spokesperson said the request was being considered." in orphans.out
    assert "note: ask them" in orphans.out
    data = json.loads(run("annotations", "bridge", "--orphans", "--json").out)
    assert [(a["note"], a["last_version"]) for a in data] == [("ask them", 1)]


def test_versions_and_diff(run, changed: Path) -> None:
    run("add", str(changed))
    versions = json.loads(run("versions", "bridge", "--json").out)
    assert [(v["number"], v["newest"]) for v in versions] == [(1, False), (2, True)]
    assert versions[1]["changes"] == "paragraphs: 1 edited, 1 removed"
    assert "(newest)" in run("versions", "bridge").out
    diff = run("diff", "bridge")
    assert diff.status == 0
    assert "[-for now-]{+at present+}" in diff.out
    assert "- ¶3 A spokesperson said" in diff.out
    one = run("diff", "bridge", "2", "2")
    assert one.status == 1 and "nothing to compare" in one.err


def test_claims_mark_changed_words_and_show_history(run, changed: Path) -> None:
    run("add", str(changed))
    listed = run("claims")
    assert "⚠ changed" in listed.out and "the bridge is safe at present" in listed.out
    history = run("claims", "--history").out
    assert "v1  marked 'the bridge is safe for now'" in history
    assert "v2  carried, words now 'the bridge is safe at present'" in history
    (claim,) = json.loads(run("claims", "--json", "--history").out)
    assert claim["changed"] and claim["marked_quote"] == "the bridge is safe for now"
    assert [h["action"] for h in claim["history"]] == ["create", "reanchor"]


def test_list_shows_versions_and_an_unseen_new_version(run, changed: Path) -> None:
    run("add", str(changed))
    (article,) = json.loads(run("list", "--json").out)
    assert article["version_count"] == 2 and article["unseen_version"]
    assert article["orphan_count"] == 1 and article["changed_count"] == 1
    assert "2 new" in run("list").out


def test_accept_clears_a_flag_and_the_reader_history_can_undo_it(run, changed: Path) -> None:
    run("add", str(changed))
    (claim,) = [a for a in json.loads(run("annotations", "bridge", "--json").out) if a["changed"]]
    listed = run("annotations", "bridge")
    assert "claimmark annotations 2 --accept ID" in listed.err
    accepted = run("annotations", "bridge", "--accept", str(claim["id"]))
    assert accepted.status == 0
    assert f"{claim['id']}\tkept as it is (flag cleared)" in accepted.out
    after = run("annotations", "bridge")
    assert "⚠ changed" not in after.out and "--accept" not in after.err
    again = run("annotations", "bridge", "--accept", str(claim["id"]), "--json")
    assert json.loads(again.out)[0]["accepted"] is False
    # The journal holds it as an update, which the reader's u reads back and undoes.
    import os

    from claimmark.store.history import history_from_journal
    from claimmark.store.store import Store

    with Store(os.environ["CLAIMMARK_DB"]) as store:
        history = history_from_journal(store.journal(2))
        assert history.undo[-1].label == "accept"
        assert history.undo[-1].before is not None and history.undo[-1].before.changed


def test_accept_refuses_an_unknown_or_foreign_annotation(
    run, changed: Path, tmp_path: Path
) -> None:
    run("add", str(changed))
    missing = run("annotations", "bridge", "--accept", "999")
    assert missing.status == 1 and "no annotation with id 999" in missing.err
    other = tmp_path / "other.txt"
    other.write_text("Other story\nSomething else happened here today.", encoding="utf-8")
    run("add", str(other))
    run("annotate", "Other story", "--quote", "Something else")
    foreign = run("annotations", "Other story", "--accept", "1")
    assert foreign.status == 1 and "is not on #" in foreign.err


def test_a_file_back_to_an_earlier_text_is_a_new_version(run, changed: Path) -> None:
    run("add", str(changed))
    changed.write_text(STORY, encoding="utf-8")
    back = run("refresh", "bridge")  # read again from its file, as for a web page
    assert back.status == 0
    assert "new version of #2, back to an earlier text (3 notes carried)" in back.out
    versions = json.loads(run("versions", "bridge", "--json").out)
    assert [(v["number"], v["same_as"], v["newest"]) for v in versions][-1] == (3, 1, True)
    assert versions[2]["changes"].startswith("back to the text of version 1")
    listed = run("annotations", "bridge")
    assert "⚠ changed" not in listed.out and "orphan" not in listed.err
    assert run("add", str(changed)).out.split("\t")[1] == "already in library"


def test_a_moved_note_is_flagged_in_annotations_and_claims(run, tmp_path: Path) -> None:
    from tests.test_versions import MOVED_V2, V1

    path = tmp_path / "ferry.txt"
    path.write_text("Old bridge to close\n" + V1, encoding="utf-8")
    run("add", str(path))
    run("annotate", "bridge", "--quote", "the request was being considered", "--claimant", "x")
    path.write_text("Old bridge to close\n" + MOVED_V2, encoding="utf-8")
    assert "(1 note carried (1 moved))" in run("add", str(path)).out
    listed = run("annotations", "bridge")
    assert "⚠ moved: its words were deleted where marked and found here" in listed.out
    assert "1 flagged by a new version" in listed.err
    assert "⚠ moved" in run("claims").out
    (claim,) = json.loads(run("annotations", "bridge", "--json").out)
    assert claim["moved"] and not claim["changed"]
    run("annotations", "bridge", "--accept", str(claim["id"]))
    assert not json.loads(run("annotations", "bridge", "--json").out)[0]["moved"]


def test_export_a_version_to_markdown(run, changed: Path, tmp_path: Path) -> None:
    run("add", str(changed))
    old = run("export", "bridge", "--version", "1", "-o", "-")
    assert old.status == 0
    assert "version: 1\nversions: 2" in old.out
    assert "*Version 1 of 2: an older text of this article" in old.out
    assert "> the bridge is safe for now" in old.out and "Changed since marked" not in old.out
    assert "A spokesperson said the request was being considered." in old.out
    newest = run("export", "bridge", "-o", "-")
    assert "> the bridge is safe at present" in newest.out and "version: 1" not in newest.out
    assert "## Orphans" in newest.out
    written = run("export", "bridge", "--version", "1", "-o", str(tmp_path / "out"))
    assert written.status == 0 and written.out.strip().endswith(".md")
    refused = run("export", "bridge", "--version", "1", "--format", "json", "-o", "-")
    assert refused.status == 2 and "JSON carries every version" in refused.err
    missing = run("export", "bridge", "--version", "3", "-o", "-")
    assert missing.status == 1 and "there is no version 3" in missing.err


def test_open_a_version(run, changed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimmark.tui.launch as launch  # where `open` runs (with or without click)

    run("add", str(changed))
    opened: list[tuple[int, bool]] = []
    monkeypatch.setattr(launch, "require_terminal", lambda: None)
    monkeypatch.setattr(
        launch,
        "run_tui",
        lambda store, article_id, exact_version=False: opened.append((article_id, exact_version)),
    )
    assert run("open", "bridge").status == 0
    assert run("open", "bridge", "--version", "1").status == 0
    assert run("open", "2", "--version", "2").status == 0
    assert opened == [(2, False), (1, True), (2, True)]
    missing = run("open", "bridge", "--version", "5")
    assert missing.status == 1 and "there is no version 5" in missing.err
