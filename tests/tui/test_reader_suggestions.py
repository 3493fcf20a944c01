"""The reader says so when suggestions cover only the start of a very long article."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimmark.store.store import Store
from claimmark.store.suggest import engine as suggest_engine
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.screens.reader import ReaderScreen

PARAGRAPH = "Officials said the harbour wall would be repaired by the spring."


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    store = Store(tmp_path / "lib.db")
    store.add_article("Harbour wall", "", "/tmp/wall.txt", "\n".join([PARAGRAPH] * 80))
    return store


def notices(app: ClaimmarkApp) -> str:
    """The notifications the app has shown (as the other reader tests read them)."""
    return " ".join(str(n.message) for n in app._notifications)


async def wait_for(pilot, app: ClaimmarkApp, condition, deadline: float = 10.0) -> None:
    """Let the app run until `condition()` holds (or fail after `deadline` seconds)."""
    stop = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < stop, "condition not met in time"
        await pilot.pause(0.02)


async def test_the_reader_notifies_when_suggestions_cover_part_of_the_article(
    lib: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(suggest_engine, "MAX_CHARS", 1_000)
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_for(pilot, app, lambda: screen._suggestions_ready)
        await wait_for(pilot, app, lambda: "Suggestions cover only the first" in notices(app))
        assert all(s.end <= 1_000 for s in screen.suggestions)


async def test_the_reader_says_nothing_when_the_whole_article_was_read(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await wait_for(pilot, app, lambda: screen._suggestions_ready)
        await pilot.pause()
        assert "Suggestions cover only the first" not in notices(app)
        assert len(screen.suggestions) == 80
