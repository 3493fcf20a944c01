"""The reader while other processes use the same library: it never freezes on their write
lock, it never loses or overwrites a note, and it shows what they add."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimmark.store.models import AnnotationDraft
from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.screens.reader import ReaderScreen
from claimmark.tui.widgets.annotation_pane import AnnotationPane
from tests.tui.burst import burst
from tests.tui.screen import screen_text
from tests.tui.test_reader import TEXT, TITLE
from tests.tui.waiting import wait_until


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    with Store(path) as store:
        store.add_article(TITLE, "By Jane Example", "/tmp/flood.txt", TEXT)
    return path


async def test_a_held_write_lock_never_freezes_the_reader_and_loses_nothing(db: Path) -> None:
    store = Store(db)
    app = ClaimmarkApp(store, article_id=1)
    other = sqlite3.connect(db, isolation_level=None)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        other.execute("BEGIN IMMEDIATE")  # another process takes the write lock
        await pilot.press("s", "h")

        def shown() -> bool:
            return "waiting for the database" in screen_text(app)

        await wait_until(pilot, shown, what="the waiting line")
        before = reader.view.cursor
        await pilot.press("j", "j")  # reading goes on
        assert reader.view.cursor != before
        await pilot.press("}", "s", "n")  # a second change
        await burst(pilot, *"kept while locked")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.writes.waiting == 2
        with Store(db) as check:
            assert check.list_annotations(1) == []
        other.execute("COMMIT")  # the other process lets go
        await wait_until(pilot, lambda: app.writes.waiting == 0, what="the writes")
        await wait_until(pilot, lambda: not shown(), what="the waiting line to go")
        pane = reader.query_one(AnnotationPane)
        assert len(pane.shown) == 2
    other.close()
    with Store(db) as check:
        notes = check.list_annotations(1)
    assert [n.kind for n in notes] == ["highlight", "note"]
    assert notes[1].note == "kept while locked"
    store.close()


async def test_quitting_with_a_change_still_waiting_asks_first(db: Path) -> None:
    store = Store(db)
    app = ClaimmarkApp(store, article_id=1)
    other = sqlite3.connect(db, isolation_level=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("s", "h", "q")
        await pilot.pause()
        assert "still waiting for the database" in screen_text(app)
        await pilot.press("n")  # stay
        await pilot.pause()
        other.execute("COMMIT")
        await wait_until(pilot, lambda: app.writes.waiting == 0, what="the writes")
        await pilot.press("q")
        await pilot.pause()
    other.close()
    with Store(db) as check:
        assert len(check.list_annotations(1)) == 1
    store.close()


async def test_the_reader_shows_annotations_added_elsewhere(db: Path) -> None:
    store = Store(db)
    app = ClaimmarkApp(store, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press("right_square_bracket")
        assert reader.view.cursor == 0  # nothing to go to yet
        with Store(db) as cli:  # `claimmark annotate` from another shell
            start = TEXT.index("two officials said")
            cli.create_annotation(AnnotationDraft(1, start, start + 18, note="CLI NOTE"))
        pane = reader.query_one(AnnotationPane)
        await wait_until(pilot, lambda: len(pane.shown) == 1, what="the outside note")
        await wait_until(
            pilot, lambda: "two officials said" in screen_text(app), what="it on screen"
        )
        await pilot.press("right_square_bracket")
        assert reader.view.cursor == start
    store.close()


async def test_undo_never_deletes_another_processs_annotation(db: Path) -> None:
    store = Store(db)
    app = ClaimmarkApp(store, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("s", "h", "x")  # highlight, then delete it
        await pilot.pause()
        with Store(db) as cli:
            start = TEXT.index("two officials said")
            theirs = cli.create_annotation(AnnotationDraft(1, start, start + 18, note="CLI NOTE"))
        await pilot.press("u")  # undo the delete
        await pilot.pause()
    with Store(db) as check:
        notes = check.list_annotations(1)
        assert check.get_annotation(theirs.id).note == "CLI NOTE"
    assert sorted(n.note for n in notes) == ["", "CLI NOTE"]
    store.close()


async def test_adding_a_folder_from_the_library_adds_what_it_can(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `claimmark add` does (issue 9: one failing item never stops the rest): the good
    file is added, the bad one is reported in one line, and nothing is half-written."""
    monkeypatch.chdir(tmp_path)  # a short path to type
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text("A good story\nIt has text, the mayor said.\n")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02 not text" * 50)
    store = Store(db)
    app = ClaimmarkApp(store)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("a", "i", "n", "enter")
        await wait_until(pilot, lambda: "binary file" in screen_text(app), what="the refusal")
        await wait_until(pilot, lambda: store.article_count() == 2, what="the good story")
        await wait_until(pilot, lambda: "A good story" in screen_text(app), what="it listed")
        assert [a.title for a in store.list_articles()].count("A good story") == 1
    store.close()


async def test_a_change_made_while_a_dialog_is_open_shows_once_it_closes(db: Path) -> None:
    store = Store(db)
    app = ClaimmarkApp(store, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        reader = app.screen
        await pilot.press("question_mark")  # the help is open over the reader
        await pilot.pause()
        with Store(db) as cli:
            cli.create_annotation(AnnotationDraft(1, 0, 14, note="while help was open"))
        pane = reader.query_one(AnnotationPane)
        await wait_until(pilot, lambda: len(pane.shown) == 1, what="the outside note")
    store.close()
