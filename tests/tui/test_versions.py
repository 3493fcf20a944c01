"""Versions in the reader, driven by keys: a changed article opens with its notes carried,
the changed flag in the pane and on a claim, an orphan listed with its old quote and note,
re-attached to a selection (and undone), deleted; ! jumps to changed words; V shows the
versions and the word diff; the library and the claims view mark what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import claimmark.tui.app
from claimmark.store.models import AnnotationDraft, Claim
from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.dialogs.versions import VersionsScreen
from claimmark.tui.screens.claims import ClaimsScreen
from claimmark.tui.screens.library import LibraryScreen
from claimmark.tui.screens.reader import ReaderScreen
from claimmark.tui.widgets.annotation_pane import AnnotationPane
from claimmark.tui.widgets.article_view import ArticleView
from tests.libraries import new_store
from tests.tui.screen import screen_text
from tests.tui.waiting import wait_until

V1 = (
    "The council said on Monday that the old bridge will close for repairs in March.\n"
    "The mayor said “the bridge is safe for now” but warned that heavy lorries would be "
    "banned.\n"
    "Work is expected to cost £4.2 million, officials said.\n"
    "A spokesperson said the request for a ferry was being considered."
)
V2 = V1.replace("safe for now", "safe at present").replace(
    "\nA spokesperson said the request for a ferry was being considered.", ""
)
TITLE = "Old bridge to close"


class RecordingApp(ClaimmarkApp):
    """The app, keeping the text of every notification it shows."""

    CSS_PATH = str(Path(claimmark.tui.app.__file__).with_name("app.tcss"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notices: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.notices.append(str(message))
        super().notify(message, **kwargs)


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    """A library whose article got a new version: a claim on reworded words, an orphan
    with a note, and a highlight carried unchanged."""
    store = new_store(tmp_path / "lib.db")
    v1 = store.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", V1).article

    def mark(quote: str, **fields: Any) -> None:
        start = V1.index(quote)
        store.create_annotation(AnnotationDraft(v1.id, start, start + len(quote), **fields))

    mark("the bridge is safe for now", claim=Claim("the mayor"))
    mark("A spokesperson said the request for a ferry was being considered.", note="ask why")
    mark("£4.2 million")
    store.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", V2)
    return store


def pane(app: ClaimmarkApp) -> AnnotationPane:
    return app.screen.query_one(AnnotationPane)


async def test_a_changed_article_shows_the_flag_and_the_orphan(lib: Store) -> None:
    app = RecordingApp(lib, article_id=1)  # the old version's id opens the newest
    # 150 columns: a pane wide enough for the whole Orphans heading
    async with app.run_test(size=(150, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.article.id == 2
        await wait_until(pilot, lambda: "⚠ CHANGED" in screen_text(app), what="changed badge")
        shot = screen_text(app)
        assert "the bridge is safe at present" in shot
        assert "was the bridge is safe for now" in shot
        assert "Orphans: words gone from this version" in shot
        assert "last in v1" in shot and "ask why" in shot
        await wait_until(
            pilot,
            lambda: any("New version (v2)" in n or "orphan" in n for n in app.notices),
            what="the new-version notice",
        )
        assert any("1 note on changed words" in n for n in app.notices)
        # ! jumps to the changed claim and says what was marked.
        await pilot.press("g", "exclamation_mark")
        view = app.screen.query_one(ArticleView)
        assert view.cursor == V2.index("the bridge is safe at present")
        assert any("Marked as: “the bridge is safe for now”" in n for n in app.notices)


async def test_reattach_an_orphan_to_a_selection_and_undo(lib: Store) -> None:
    app = RecordingApp(lib, article_id=2)
    async with app.run_test(size=(130, 36)) as pilot:
        await pilot.pause()
        orphan_id = next(e.annotation.id for e in pane(app).entries if e.orphan)
        # Select a sentence in the article, then r on the orphan in the pane.
        await pilot.press("G", "s")
        selection = app.screen.query_one(ArticleView).selection
        assert selection is not None
        await pilot.press("tab", "end")
        assert pane(app).annotation_at(pane(app).highlighted).id == orphan_id  # type: ignore[union-attr]
        await pilot.press("r")
        await wait_until(
            pilot,
            lambda: lib.get_annotation(orphan_id).article_id == 2,
            what="the orphan re-attached",
        )
        attached = lib.get_annotation(orphan_id)
        assert (attached.start, attached.end) == selection
        assert attached.note == "ask why" and lib.orphans(2) == []
        await wait_until(
            pilot, lambda: not any(e.orphan for e in pane(app).entries), what="pane updated"
        )
        # u puts it back as an orphan.
        await pilot.press("u")
        await wait_until(pilot, lambda: lib.get_annotation(orphan_id).article_id == 1, what="undo")
        await wait_until(
            pilot, lambda: any(e.orphan for e in pane(app).entries), what="orphan listed again"
        )


async def test_r_without_a_selection_explains_and_x_deletes_an_orphan(lib: Store) -> None:
    app = RecordingApp(lib, article_id=2)
    async with app.run_test(size=(130, 36)) as pilot:
        await pilot.pause()
        orphan_id = next(e.annotation.id for e in pane(app).entries if e.orphan)
        await pilot.press("tab", "end", "r")
        assert any("Select the text first" in n for n in app.notices)
        assert lib.get_annotation(orphan_id).article_id == 1
        await pilot.press("x")
        await wait_until(pilot, lambda: lib.orphans(2) == [], what="the orphan deleted")
        assert not any(e.orphan for e in pane(app).entries)


async def test_versions_view_shows_the_word_diff(lib: Store) -> None:
    app = RecordingApp(lib, article_id=2)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.press("V")
        await wait_until(pilot, lambda: isinstance(app.screen, VersionsScreen), what="versions")
        await wait_until(pilot, lambda: "v1 → v2" in screen_text(app), what="the comparison")
        shot = screen_text(app)
        assert "paragraphs: 1 edited, 1 removed" in shot
        assert "~ ¶2" in shot and "- ¶4" in shot
        assert "for now" in shot and "at present" in shot
        text = app.screen.query_one("#versions-text").render()
        spans = {str(text)[s.start : s.end]: str(s.style) for s in text.spans}  # type: ignore[attr-defined]
        assert "strike" in spans["for now"] and "green" in spans["at present"]
        # o on v2 makes it the old side too: nothing to compare; a shows every paragraph.
        await pilot.press("o")
        await wait_until(pilot, lambda: "against itself" in screen_text(app), what="same")
        await pilot.press("up", "o", "a")
        await wait_until(
            pilot, lambda: "¶1 The council said" in screen_text(app), what="all paragraphs"
        )
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="back")


async def test_library_and_claims_mark_what_changed(lib: Store) -> None:
    app = RecordingApp(lib)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, LibraryScreen):
            await pilot.press("escape")
        await wait_until(pilot, lambda: "Versions" in screen_text(app), what="library")
        shot = screen_text(app)
        assert "2 ● new" in shot and "2 +1 orphan" in shot
        await pilot.press("C")
        await wait_until(pilot, lambda: isinstance(app.screen, ClaimsScreen), what="claims")
        await wait_until(pilot, lambda: "⚠ changed" in screen_text(app), what="changed mark")
        await pilot.press("H")
        await wait_until(
            pilot, lambda: "carried, words now" in screen_text(app), what="the claim's history"
        )
        assert "marked 'the bridge is safe for now'" in screen_text(app)


async def test_k_keeps_a_changed_claim_as_it_is_and_u_brings_the_flag_back(lib: Store) -> None:
    app = RecordingApp(lib, article_id=2)
    async with app.run_test(size=(150, 36)) as pilot:
        await pilot.pause()
        claim_id = next(e.annotation.id for e in pane(app).entries if e.annotation.claim)
        # K away from any flagged note says what to do.
        await pilot.press("g", "K")
        assert any("No flagged annotation here" in n for n in app.notices)
        await pilot.press("exclamation_mark")
        assert any("K keeps it as it is" in n for n in app.notices)
        await pilot.press("K")
        await wait_until(
            pilot, lambda: not lib.get_annotation(claim_id).changed, what="the flag cleared"
        )
        accepted = lib.get_annotation(claim_id)
        assert accepted.quote == "the bridge is safe at present" and accepted.claim is not None
        await wait_until(pilot, lambda: "⚠ CHANGED" not in screen_text(app), what="badge gone")
        assert "was the bridge is safe for now" not in screen_text(app)
        await pilot.press("u")
        await wait_until(pilot, lambda: lib.get_annotation(claim_id).changed, what="undo")
        await wait_until(pilot, lambda: "⚠ CHANGED" in screen_text(app), what="badge back")


MOVED_V2 = V1.replace(
    "\nA spokesperson said the request for a ferry was being considered.", ""
).replace(
    "repairs in March.",
    "repairs in March. Work is expected to cost £4.2 million, officials said. A spokesperson "
    "said the request for a ferry was being considered by the council.",
)


async def test_a_moved_note_shows_its_flag_and_k_keeps_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "lib.db")
    v1 = store.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", V1).article
    quote = "the request for a ferry was being considered"
    start = V1.index(quote)
    note = store.create_annotation(AnnotationDraft(v1.id, start, start + len(quote), note="why"))
    store.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", MOVED_V2)
    assert store.get_annotation(note.id).moved
    app = RecordingApp(store, article_id=v1.id)
    async with app.run_test(size=(150, 36)) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: "⚠ moved" in screen_text(app), what="moved badge")
        await wait_until(
            pilot, lambda: any("1 moved: check its place" in n for n in app.notices), what="notice"
        )
        await pilot.press("g", "exclamation_mark")
        view = app.screen.query_one(ArticleView)
        assert view.cursor == MOVED_V2.index(quote)
        assert any(n.startswith("Moved: its words were deleted") for n in app.notices)
        # From the pane too: tab, the note highlighted, K.
        await pilot.press("tab", "home", "K")
        await wait_until(pilot, lambda: not store.get_annotation(note.id).moved, what="kept")
        await wait_until(pilot, lambda: "⚠ moved" not in screen_text(app), what="badge gone")


async def test_an_older_version_opens_read_only_with_the_notes_where_they_sat(lib: Store) -> None:
    app = RecordingApp(lib, article_id=1, exact_version=True)
    async with app.run_test(size=(150, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.article.id == 1
        await wait_until(
            pilot, lambda: "version 1 of 2: history, read-only" in screen_text(app), what="the line"
        )
        shot = screen_text(app)
        # The claim on the words as they were, the orphan in its place, no flags.
        assert "the bridge is safe for now" in shot and "⚠ CHANGED" not in shot
        assert "Orphans" not in shot
        assert sorted(a.quote for a in screen.annotations.values()) == sorted(
            [
                "the bridge is safe for now",
                "A spokesperson said the request for a ferry was being considered.",
                "£4.2 million",
            ]
        )
        await wait_until(
            pilot, lambda: any("Version 1 of 2" in n for n in app.notices), what="notice"
        )
        before = lib.journal()
        await pilot.press("s", "h")
        assert any("kept as history and cannot be changed" in n for n in app.notices)
        await pilot.press("escape", "g", "]", "x", "u")
        await pilot.pause()
        assert lib.journal() == before and lib.get_article(1).last_opened_at is None
        # R reads the newest instead.
        await pilot.press("R")
        await wait_until(pilot, lambda: screen.article.id == 2, what="the newest version")
        await wait_until(pilot, lambda: "⚠ CHANGED" in screen_text(app), what="its notes")


V3 = "A first paragraph added by the editors.\n" + V2


async def test_a_new_version_from_another_program_reloads_with_the_cursor_on_its_words(
    lib: Store, tmp_path: Path
) -> None:
    app = RecordingApp(lib, article_id=2)
    async with app.run_test(size=(150, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        view = screen.query_one(ArticleView)
        view.move_cursor(V2.index("The council said"))
        await pilot.press("s", "h")  # a highlight made before the new version arrives
        await wait_until(pilot, lambda: len(lib.list_annotations(2)) == 3, what="highlight")
        (made,) = [a for a in lib.list_annotations(2) if a.quote.startswith("The council")]
        view.move_cursor(V2.index("£4.2 million"))
        with Store(tmp_path / "lib.db") as other:  # another program, the same library
            other.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", V3)
        await wait_until(pilot, lambda: screen.article.id == 3, what="the reload")
        assert view.cursor == V3.index("£4.2 million")
        assert lib.get_annotation(made.id).article_id == 3
        assert screen.query_one(AnnotationPane).entries
        assert all(a.article_id == 3 for a in screen.annotations.values())
        await wait_until(
            pilot,
            lambda: any("A new version arrived: reloaded" in n for n in app.notices),
            what="the notice",
        )
        assert "A first paragraph added by the editors." in screen_text(app)
        await pilot.press("R")
        assert any("This is the newest version" in n for n in app.notices)
        # The highlight made before the reload is undone where it now sits.
        await pilot.press("u")
        await wait_until(
            pilot, lambda: made.id not in {a.id for a in lib.list_annotations(3)}, what="undo"
        )
        assert made.id not in screen.annotations


async def test_a_new_version_waits_while_an_edit_is_pending_then_r_loads_it(
    lib: Store, tmp_path: Path
) -> None:
    app = RecordingApp(lib, article_id=2)
    async with app.run_test(size=(150, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        view = screen.query_one(ArticleView)
        view.move_cursor(V2.index("Work is expected"))
        await pilot.press("s")  # a sentence selected: about to annotate it
        before = view.cursor
        with Store(tmp_path / "lib.db") as other:
            other.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", V3)
        await wait_until(
            pilot, lambda: any("Press R to read it" in n for n in app.notices), what="offer"
        )
        assert screen.article.id == 2 and view.selection is not None
        await pilot.press("R")
        await wait_until(pilot, lambda: screen.article.id == 3, what="the reload")
        assert view.cursor == before + len(V3) - len(V2)  # the paragraph added before


async def test_a_new_version_loads_once_the_open_dialog_closes(lib: Store, tmp_path: Path) -> None:
    app = RecordingApp(lib, article_id=2)
    async with app.run_test(size=(150, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("question_mark")  # the help screen over the reader
        await wait_until(pilot, lambda: app.screen is not screen, what="help")
        with Store(tmp_path / "lib.db") as other:
            other.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", V3)
        await wait_until(
            pilot, lambda: any("Press R to read it" in n for n in app.notices), what="offer"
        )
        assert screen.article.id == 2
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen.article.id == 3, what="the reload")


async def test_a_revert_opens_as_the_newest_and_v_says_which_text_it_brings_back(
    lib: Store,
) -> None:
    back = lib.add_article(TITLE, "By Jane Example", "/tmp/bridge.txt", V1)
    assert back.status == "new-version" and back.article.repeat == 1
    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.article.id == back.article.id
        await wait_until(pilot, lambda: "ask why" in screen_text(app), what="the notes")
        assert "⚠ CHANGED" not in screen_text(app) and "Orphans" not in screen_text(app)
        await pilot.press("V")
        await wait_until(pilot, lambda: "= v1 again" in screen_text(app), what="the revert")
