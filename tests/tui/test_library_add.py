"""Adding from the library by keys: `a`, a URL (served on 127.0.0.1 by the test) or a
path, in a worker with progress, failures notified, the new article listed and opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimmark.store.store import Store
from claimmark.tui.screens.library import LibraryScreen
from claimmark.tui.screens.reader import ReaderScreen
from claimmark.tui.widgets.article_view import ArticleView
from tests.libraries import new_store
from tests.test_web import JSON_LD, PARAGRAPHS, TITLE
from tests.tui.burst import burst
from tests.tui.screen import screen_text
from tests.tui.test_reader import RecordingApp
from tests.tui.waiting import wait_until
from tests.web_server import PageServer, page


@pytest.fixture
def server() -> Iterator[PageServer]:
    web = PageServer()
    yield web
    web.close()


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path / "lib.db")
    store.add_article("A note on tides", "By Kim Dale", "/tmp/tides.txt", "Tides turn.")
    yield store
    store.close()


def notified(app: RecordingApp, text: str) -> list[str]:
    """The notifications that mention `text` (each one line)."""
    found = [m for m in app.notices if text in m]
    assert all("\n" not in m for m in found)
    return found


async def add_by_keys(pilot, text: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    await burst(pilot, *text)
    await pilot.press("enter")


async def test_add_url_from_library_and_open_it(lib: Store, server: PageServer) -> None:
    url = server.add("/news/flood", page(TITLE, PARAGRAPHS, head=JSON_LD))
    app = RecordingApp(lib)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await add_by_keys(pilot, url)
        await wait_until(
            pilot, lambda: TITLE[:30] in screen_text(app), what="the new title in the list"
        )
        await wait_until(pilot, lambda: not screen.adding, what="not screen.adding")
        text = screen_text(app)
        assert "The Harbour Gazette" in text and "2026-03-03" in text
        assert lib.article_count() == 2
        # The cursor is on the new article: enter opens it.
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")
        view = app.screen.query_one(ArticleView)
        assert view.text.split("\n") == PARAGRAPHS
        credit = "By Sam Rivers, Ana Lima · The Harbour Gazette · 2026-03-03"
        await wait_until(pilot, lambda: credit in screen_text(app), what="the credit line")


async def test_failures_are_notified_in_one_line(lib: Store, server: PageServer) -> None:
    server.add("/missing", "<h1>No</h1>", status=404)
    app = RecordingApp(lib)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await add_by_keys(pilot, server.url("/missing"))
        await wait_until(pilot, lambda: notified(app, "HTTP 404"), what="notified(app, 'HTTP 404')")
        await wait_until(pilot, lambda: not screen.adding, what="not screen.adding")
        assert lib.article_count() == 1
        await add_by_keys(pilot, "file:///etc/passwd")
        await wait_until(
            pilot,
            lambda: notified(app, "only http and https"),
            what="notified(app, 'only http and https')",
        )


async def test_screen_stays_live_while_a_page_loads(
    lib: Store, server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMMARK_TIMEOUT", "2")
    url = server.add("/slow", page(TITLE, PARAGRAPHS), delay=1.0)
    app = RecordingApp(lib)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await add_by_keys(pilot, url)
        await wait_until(
            pilot, lambda: "Adding" in screen_text(app), what="'Adding' in screen_text(app)"
        )
        assert screen.adding
        # Keys still work while the page loads: the help screen opens and closes.
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: app.screen is not screen, what="app.screen is not screen")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, what="app.screen is screen")
        await wait_until(
            pilot, lambda: TITLE[:30] in screen_text(app), what="the new title in the list"
        )
        await wait_until(pilot, lambda: not screen.adding, what="not screen.adding")


async def test_added_article_shown_even_under_a_filter(
    lib: Store, server: PageServer, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(page(TITLE, PARAGRAPHS, head=JSON_LD))
    app = RecordingApp(lib)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("slash", *"tides")
        await wait_until(pilot, lambda: screen.showing_hits, what="the search for tides")
        await pilot.press("tab")  # to the list: a adds from there
        await add_by_keys(pilot, str(saved))
        await wait_until(
            pilot, lambda: TITLE[:30] in screen_text(app), what="the new title in the list"
        )
        assert not screen.showing_hits and not screen.search_input.value
        await wait_until(
            pilot,
            lambda: notified(app, "search was cleared"),
            what="notified(app, 'search was cleared')",
        )


async def test_several_urls_at_once(lib: Store, server: PageServer) -> None:
    first = server.add("/one", page(TITLE, PARAGRAPHS))
    second = server.add("/two", page("Harbour master retires after thirty years", PARAGRAPHS[1:]))
    server.add("/bad", "<h1>No</h1>", status=500)
    app = RecordingApp(lib)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await add_by_keys(pilot, f"{first} {server.url('/bad')} {second}")
        await wait_until(
            pilot, lambda: not screen.adding and lib.article_count() == 3, what="both added"
        )
        await wait_until(pilot, lambda: notified(app, "HTTP 500"), what="the failure")
        await wait_until(pilot, lambda: notified(app, "Added 2, 1 failed"), what="the summary")
