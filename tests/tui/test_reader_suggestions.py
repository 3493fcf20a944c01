"""The reader says so when suggestions cover only the start of a very long article."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimmark.store.store import Store
from claimmark.store.suggest import engine as suggest_engine
from claimmark.tui.screens.reader import ReaderScreen
from tests.libraries import new_store
from tests.tui.test_reader import RecordingApp
from tests.tui.waiting import wait_until

PARAGRAPH = "Officials said the harbour wall would be repaired by the spring."


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    store = new_store(tmp_path / "lib.db")
    store.add_article("Harbour wall", "", "/tmp/wall.txt", "\n".join([PARAGRAPH] * 80))
    return store


def notices(app: RecordingApp) -> str:
    """The notifications the app has shown (recorded by `RecordingApp.notify`)."""
    return " ".join(app.notices)


async def test_the_reader_notifies_when_suggestions_cover_part_of_the_article(
    lib: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(suggest_engine, "MAX_CHARS", 1_000)
    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_until(pilot, lambda: screen._suggestions_ready, what="suggestions")
        await wait_until(
            pilot,
            lambda: "Suggestions cover only the first" in notices(app),
            what="the partial-suggestions notice",
        )
        assert all(s.end <= 1_000 for s in screen.suggestions)


async def test_the_reader_says_nothing_when_the_whole_article_was_read(lib: Store) -> None:
    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_until(pilot, lambda: screen._suggestions_ready, what="suggestions")
        await pilot.pause()
        assert "Suggestions cover only the first" not in notices(app)
        assert len(screen.suggestions) == 80
