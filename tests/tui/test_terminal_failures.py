"""The real `claimmark` in a real terminal (tmux) when the library fails under it: a crash
of the reader exits non-zero with one line, never a traceback panel; another process's
write lock and its new notes, seen from the running reader."""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from claimmark.store.models import AnnotationDraft
from claimmark.store.store import Store
from tests.tui.test_real_terminal import STORY, Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _command(db: Path, *args: str) -> str:
    """The command, then its exit status printed where the test can read it."""
    line = shlex.join([sys.executable, "-m", "claimmark.tui", "--db", str(db), *args])
    return f"{line}; echo EXIT=$?"


def test_a_reader_that_fails_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    story = tmp_path / "wall.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "lib.db"
    with Store(db) as store:
        store.import_file(story)
    # Damage that SQLite's own checks cannot see: a text that is no longer UTF-8.
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE articles SET text = CAST(X'5365637265742074657874ff' AS TEXT)")
    conn.close()
    term = Tmux(_command(db, "open", "1"))
    try:
        screen = term.wait_for("EXIT=")
    finally:
        term.close()
    assert "EXIT=1" in screen, screen
    assert "Traceback" not in screen and "Secret" not in screen
    assert "damaged" in screen and ".recover" in screen


def test_the_running_reader_waits_for_a_held_lock_and_shows_outside_notes(
    tmp_path: Path,
) -> None:
    story = tmp_path / "wall.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "lib.db"
    with Store(db) as store:
        store.import_file(story)
    term = Tmux(_command(db, "open", "1"))
    other = sqlite3.connect(db, isolation_level=None)
    try:
        term.wait_for("Harbour council approves")
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        term.keys("s", "h")
        term.wait_for("waiting for the database", timeout=5)
        term.keys("j")  # still reading
        other.execute("COMMIT")
        term.wait_for("Saved", timeout=10)
        with Store(db) as cli:
            text = cli.get_article(1).text
            start = text.index("Engineers told")
            cli.create_annotation(AnnotationDraft(1, start, start + 14, note="CLI NOTE"))
        term.wait_for("CLI NOTE", timeout=10)  # the pane shows the note's first line
        term.keys("q")
        screen = term.wait_for("EXIT=")
    finally:
        other.close()
        term.close()
    assert "EXIT=0" in screen
    with Store(db) as check:
        assert [a.note for a in check.list_annotations(1)] == ["", "CLI NOTE"]


def test_a_failure_while_the_reader_runs_exits_non_zero(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Store(db) as store:
        store.add_article("First story", "", "/a.txt", "Alpha text, the mayor said.")
        store.add_article("Second story", "", "/b.txt", "Beta text, the council said.")
    term = Tmux(_command(db))  # the library
    try:
        term.wait_for("Second story")
        # The disk damages the first story's text while the library is on screen.
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("UPDATE articles SET text = CAST(X'416c706861ff' AS TEXT) WHERE id = 1")
        conn.close()
        term.keys("Down", "Enter")  # the first story is listed second (newest first)
        screen = term.wait_for("EXIT=")
    finally:
        term.close()
    assert "EXIT=1" in screen, screen
    assert "Traceback" not in screen and "damaged" in screen
