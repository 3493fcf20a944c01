"""Hostile text on the TUI's screen: the corpus of tests/hostile.py typed into the dialogs
by keys, and stored raw by an older claimmark, then shown by the library, the reader (the
article, the pane), the claims view, notifications and dialogs. Nothing is read as markup
(no crash on a stray closing tag, no link, no style), no raw control reaches the screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.screens.claims import ClaimsScreen
from claimmark.tui.screens.library import LibraryScreen
from claimmark.tui.screens.reader import ReaderScreen
from tests.hostile import ALL, HOSTILE, assert_terminal_safe
from tests.libraries import new_store
from tests.tui.burst import burst
from tests.tui.screen import screen_text
from tests.tui.test_reader import TEXT
from tests.tui.waiting import wait_until

TYPED = "[/bold] [link=file:x]L \u202et\u200bw"
"""What a user (or a paste) can type into a dialog: markup, bidi controls, zero width."""


def _legacy(db: Path) -> None:
    """Rows an older claimmark may have stored raw (no sanitiser then)."""
    conn = sqlite3.connect(db, isolation_level=None)
    text = "Legacy paragraph, the mayor said.\n" + ALL.replace("\ud800", "").replace("\udcff", "")
    conn.execute(
        """INSERT INTO articles (title, byline, source, text, sha256, imported_at)
           VALUES (?, ?, '/legacy.txt', ?, ?, '2026-01-03T00:00:00+00:00')""",
        [
            "Legacy " + HOSTILE["osc52"] + HOSTILE["markup-close"] + HOSTILE["csi-clear"],
            HOSTILE["bidi"] + HOSTILE["markup-link"],
            text,
            "2" * 64,
        ],
    )
    cursor = conn.execute(
        """INSERT INTO annotations (article_id, start, "end", quote, note, created_at,
               updated_at) VALUES (2, 0, 16, 'Legacy paragraph', ?, 't', 't')""",
        [HOSTILE["osc52"] + HOSTILE["csi-clear"] + HOSTILE["markup-close"] + "\nsecond"],
    )
    conn.execute(
        "INSERT INTO claims (annotation_id, claimant) VALUES (?, ?)",
        [cursor.lastrowid, HOSTILE["markup-close"] + HOSTILE["osc8"] + HOSTILE["bidi"]],
    )
    conn.execute("INSERT INTO tags (name) VALUES (?)", [HOSTILE["csi-c1"] + "[/b]"])
    conn.execute(
        "INSERT INTO annotation_tags SELECT ?, id FROM tags WHERE name LIKE '%[/b]'",
        [cursor.lastrowid],
    )
    conn.close()


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    db = tmp_path / "lib.db"
    store = new_store(db)
    store.add_article(
        HOSTILE["markup-close"] + " " + HOSTILE["markup-link"] + " " + HOSTILE["bidi"],
        HOSTILE["markup-style"],
        "/tmp/h.txt",
        TEXT,
    )
    _legacy(db)
    return store


def safe(app: ClaimmarkApp, where: str) -> str:
    shot = screen_text(app)
    assert_terminal_safe(shot.replace("\n", " "), where)
    return shot


async def test_hostile_text_through_dialogs_and_every_screen(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(160, 44), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        shot = safe(app, "library")
        assert "[/bold]" in shot and "[link=file:///etc/passwd]L[/link]" in shot
        # The library's search line, its hits and its hint line take typed markup as text.
        library = app.screen
        await pilot.press("slash", *"[/bold]")
        await wait_until(
            pilot, lambda: library._shown_query == "[/bold]", what="the library search"
        )
        assert "[/bold]" in safe(app, "library searched")
        await pilot.press("escape")  # clear the search
        await pilot.pause()
        # Read the first article; annotate it through every dialog by keys.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        reader = app.screen
        safe(app, "reader")
        await pilot.press("s", "n")
        await burst(pilot, *TYPED)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("t")
        await burst(pilot, *"[/b] \u202ex")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(")", "s", "c")
        await burst(pilot, *TYPED)
        await pilot.press("enter")
        await burst(pilot, *"[/b]>\u202ee")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = lib.list_annotations(reader.article.id)
        assert len(notes) == 2, notes
        assert all("\u202e" not in (n.note + "".join(n.tags)) for n in notes)
        assert notes[1].claim is not None and "[link=file:x]" in notes[1].claim.claimant
        shot = safe(app, "reader with notes")
        assert "[/bold]" in shot  # the pane shows the markup as text
        # A notification that quotes typed text: a search with no match.
        await pilot.press("slash")
        await burst(pilot, *"[/bold] nowhere")
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: "[/bold] nowhere" in screen_text(app), what="the notification"
        )
        safe(app, "notification")
        # Every dialog prefilled with stored text: note, tags, claim; then help.
        await pilot.press("g", "n")
        await pilot.pause()
        safe(app, "note dialog")
        await pilot.press("escape", "t")
        await pilot.pause()
        safe(app, "tags dialog")
        await pilot.press("escape", ")", "c")
        await pilot.pause()
        safe(app, "claim dialog")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        safe(app, "help")
        await pilot.press("escape", "C")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        shot = safe(app, "claims view")
        assert "[/bold] [link=file:" in shot  # the claimant, clipped to its column
        await pilot.press("slash")
        await burst(pilot, *"[/b]")
        await pilot.press("enter")
        await pilot.pause()
        safe(app, "claims filtered")
        await pilot.press("r", "escape", "escape")
        await pilot.pause()
        # The legacy article, raw controls and all.
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.article.id == 2
        shot = safe(app, "legacy reader")
        assert "Legacy" in shot and "[/bold]" in shot
        await pilot.press("g", "e")  # the pane's edit goes through the claim form
        await pilot.press("tab", "e")
        await pilot.pause()
        safe(app, "legacy claim dialog")
        await pilot.press("escape", "C")
        await pilot.pause()
        safe(app, "claims view with legacy")
