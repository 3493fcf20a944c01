"""The reader driven by keys: every annotation key asserted in the store and on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import claimmark.tui.app
from claimmark.store.models import AnnotationDraft, Claim, ClaimStatus
from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.screens.library import LibraryScreen
from claimmark.tui.screens.reader import ReaderScreen
from claimmark.tui.widgets.annotation_pane import AnnotationPane
from claimmark.tui.widgets.article_view import ArticleView
from tests.libraries import new_store
from tests.tui.burst import burst
from tests.tui.screen import screen_text
from tests.tui.waiting import wait_until

TEXT = (
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Speaking on Monday, the environment minister told reporters that “a decision is close”, "
    "according to a report in the Harbour Gazette. He described the plan as overdue.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029.\n"
    "Critics say the cost, put at £2.4bn, has not been tested against alternatives."
)
TITLE = "Ministers signal backing for coastal flood plan"


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    store = new_store(tmp_path / "lib.db")
    store.add_article(TITLE, "By Jane Example", "/tmp/flood.txt", TEXT)
    return store


class RecordingApp(ClaimmarkApp):
    """The app, keeping the text of every notification it shows (through `App.notify`,
    which every widget's and screen's `notify` calls)."""

    CSS_PATH = str(Path(claimmark.tui.app.__file__).with_name("app.tcss"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notices: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.notices.append(str(message))
        super().notify(message, **kwargs)


def reader(app: ClaimmarkApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), screen
    return screen


def view(app: ClaimmarkApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


async def wait_for_text(pilot, app: ClaimmarkApp, text: str) -> None:
    """Wait (boundedly) until `text` is on the screen; a loaded machine may take a while."""
    await wait_until(pilot, lambda: text in screen_text(app), what=f"{text!r} on screen")


async def open_reader(app: ClaimmarkApp, pilot) -> ReaderScreen:
    await pilot.pause()
    assert isinstance(app.screen, LibraryScreen)
    await pilot.press("enter")
    await pilot.pause()
    return reader(app)


async def test_library_lists_articles_and_opens_one(lib: Store) -> None:
    lib.add_article("An older story", "", "/old.txt", "Old text.")
    lib.mark_opened(1)  # the flood story was opened most recently
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        shot = screen_text(app)
        assert TITLE in shot and "An older story" in shot and "By Jane Example" in shot
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).article.title == TITLE
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_select_sentence_and_highlight(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("s", "h")
        await pilot.pause()
        [annotation] = lib.list_annotations(1)
        assert annotation.quote == TEXT.split("\n")[0]
        assert annotation.kind == "highlight"
        assert view(app).selection is None
        pane = app.screen.query_one(AnnotationPane)
        assert [e.annotation.id for e in pane.shown] == [annotation.id]
        assert pane.current_id == annotation.id


async def test_v_mode_words_then_tag_with_completion(lib: Store) -> None:
    lib.create_annotation(AnnotationDraft(1, 300, 305, tags=("climate",)))
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("v", "w", "w", "t")
        await pilot.pause()
        await burst(pilot, *"cli")
        await pilot.press("tab")
        await burst(pilot, *", budget")
        await pilot.press("enter")
        await pilot.pause()
        annotations = lib.list_annotations(1)
        new = [a for a in annotations if a.start == 0]
        assert len(new) == 1
        assert new[0].quote.startswith("The government")
        assert new[0].tags == ("budget", "climate")


WORDS_TEXT = (
    "Harbour property owners face a £1.4bn bill, the Association of Coastal Insurers said.\n"
    "It warned that insurers would not co-operate “unless the barrier is built”."
)


@pytest.mark.parametrize(
    ("start", "keys", "quote"),
    [
        ("owners", ("v", "w", "h"), "owners"),  # never "owners " (the space after it)
        ("owners", ("v", "w", "w", "h"), "owners face"),
        ("£1.4bn", ("v", "w", "h"), "£1.4bn"),  # the whole sum, not "£"
        ("bill", ("v", "w", "w", "h"), "bill, the"),
        ("owners", ("v", "b", "h"), "property"),  # never "property " (up to the anchor)
        ("co-operate", ("v", "w", "h"), "co-operate"),
        ("barrier", ("G", "v", "b", "h"), "built”."),  # from the end back to a word
    ],
)
async def test_word_selections_save_whole_words(
    tmp_path: Path, start: str, keys: tuple[str, ...], quote: str
) -> None:
    store = Store(tmp_path / "lib.db")
    store.add_article("Flood bill", "", "/tmp/bill.txt", WORDS_TEXT)
    app = ClaimmarkApp(store, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view(app).move_cursor(WORDS_TEXT.index(start))
        await pilot.press(*keys)
        await pilot.pause()
    [annotation] = store.list_annotations(1)
    assert annotation.quote == quote


async def test_note_on_paragraph_and_edit_existing(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("}", "p", "n")
        await pilot.pause()
        await burst(pilot, *"Check the Gazette")
        await pilot.press("enter")
        await burst(pilot, *"line two")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [annotation] = lib.list_annotations(1)
        assert annotation.quote == TEXT.split("\n")[1]
        assert annotation.note == "Check the Gazette\nline two"
        # n again on the annotation under the cursor edits its note
        await pilot.press("n", "ctrl+a")
        await pilot.pause()
        await pilot.press("end")
        await burst(pilot, *" (done)")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert lib.get_annotation(annotation.id).note.endswith("(done)")
        # escape after an edit asks first: d discards it
        await pilot.press("n")
        await burst(pilot, *"zzz")
        await pilot.press("escape")
        await pilot.pause()
        assert "This note has changes that are not saved." in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert "zzz" not in lib.get_annotation(annotation.id).note
        # ... and s (or enter) saves it: escape pressed by habit loses nothing
        await burst(pilot, "n", *" - checked", "escape", "s")
        assert lib.get_annotation(annotation.id).note.endswith("(done) - checked")
        # a new note on a selection, escape then enter: saved too
        await burst(pilot, "}", "s", "n", *"Second thought", "escape", "enter")
        assert any(a.note == "Second thought" for a in lib.list_annotations(1))


async def test_claim_by_keys(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", "c")
        await pilot.pause()
        await burst(pilot, *"two officials")
        await pilot.press("enter")
        await burst(pilot, *"Harbour Gazette > two officials")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [annotation] = lib.list_annotations(1)
        assert annotation.claim is not None
        assert annotation.claim.claimant == "two officials"
        assert annotation.claim.sources == ("Harbour Gazette", "two officials")
        assert annotation.claim.status is ClaimStatus.UNVERIFIED
        assert "unverified" in screen_text(app)


async def test_delete_undo_redo(lib: Store) -> None:
    lib.create_annotation(AnnotationDraft(1, 0, 14, note="keep me", tags=("x",)))
    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert lib.list_annotations(1) == []
        assert any("u to undo" in notice for notice in app.notices)
        await pilot.press("u")
        await pilot.pause()
        [restored] = lib.list_annotations(1)
        assert restored.note == "keep me" and restored.tags == ("x",)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert lib.list_annotations(1) == []
        await pilot.press("u", "s", "h")  # undo the delete, then highlight a sentence
        await pilot.pause()
        assert len(lib.list_annotations(1)) == 2
        await pilot.press("u")  # undo the create
        await pilot.pause()
        assert [a.note for a in lib.list_annotations(1)] == ["keep me"]
        await pilot.press("u", "u", "u")
        await pilot.pause()
        assert any("Nothing to undo" in notice for notice in app.notices)


async def test_undo_and_redo_go_on_after_a_restart(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await burst(pilot, "s", "h", "t", *"flood", "enter", "}", "s", "n", *"Why?", "ctrl+s")
    first, second = lib.list_annotations(1)
    assert (first.tags, second.note) == (("flood",), "Why?")

    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("u")  # the note, made before the restart
        await pilot.pause()
        assert [a.id for a in lib.list_annotations(1)] == [first.id]
        await pilot.press("u", "u")
        await pilot.pause()
        assert lib.list_annotations(1) == []
        assert app.notices[-3:] == ["Undid note.", "Undid tags.", "Undid highlight."]
        await pilot.press("u")
        assert app.notices[-1] == "Nothing to undo."
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert [(a.id, a.tags) for a in lib.list_annotations(1)] == [(first.id, ())]

    app = RecordingApp(lib, article_id=1)  # what was undone can still be redone
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r", "ctrl+r")
        await pilot.pause()
        assert lib.list_annotations(1) == [first, second]
        await pilot.press("ctrl+r")
        assert app.notices[-1] == "Nothing to redo."
        await pilot.press("u", "g", "x", "ctrl+r")  # a new change (the delete) ends the redos
        assert app.notices[-1] == "Nothing to redo."


async def test_next_previous_annotation_and_notices(lib: Store) -> None:
    first = lib.create_annotation(AnnotationDraft(1, 10, 20))
    second = lib.create_annotation(AnnotationDraft(1, 200, 210))
    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert view(app).cursor == first.start
        await pilot.press("right_square_bracket")
        assert view(app).cursor == second.start
        assert reader(app).current_id == second.id
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view(app).cursor == second.start
        assert any("No more annotations" in notice for notice in app.notices)
        await pilot.press("left_square_bracket")
        assert view(app).cursor == first.start


async def test_keys_with_nothing_to_act_on_say_why(lib: Store) -> None:
    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("h", "x", "t", "semicolon", "right_square_bracket")
        await pilot.pause()
        messages = " ".join(app.notices)
        assert "Nothing to highlight" in messages
        assert "No annotation under the cursor" in messages
        assert "Nothing to tag" in messages
        assert "No search" in messages
        assert "No more annotations" in messages
        assert lib.list_annotations(1) == []
        assert isinstance(app.screen, ReaderScreen)


async def test_search_and_match_keys(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await burst(pilot, *"barrier")
        await pilot.press("enter")
        await pilot.pause()
        first = TEXT.index("barrier")
        second = TEXT.index("barrier", first + 1)
        assert view(app).cursor == first
        await pilot.press("semicolon")
        assert view(app).cursor == second
        await pilot.press("comma")
        assert view(app).cursor == first


async def test_pane_jump_edit_delete_and_filter(lib: Store) -> None:
    lib.create_annotation(AnnotationDraft(1, 0, 14, tags=("flood",)))
    far = TEXT.index("Critics")
    lib.create_annotation(
        AnnotationDraft(
            1, far, far + 7, claim=Claim(claimant="Critics", status=ClaimStatus.DISPUTED)
        )
    )
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        pane = app.screen.query_one(AnnotationPane)
        assert pane.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert view(app).cursor == far
        assert view(app).has_focus
        await pilot.press("tab", "slash")
        await burst(pilot, *"#flood")
        await pilot.press("enter")
        await pilot.pause()
        assert [e.annotation.tags for e in pane.shown] == [("flood",)]
        await pilot.press("slash")
        await burst(pilot, *"disputed")  # the old filter is selected: typing replaces it
        await pilot.press("enter")
        await pilot.pause()
        assert [e.annotation.start for e in pane.shown] == [far]
        await pilot.press("x")
        await pilot.pause()
        assert [a.start for a in lib.list_annotations(1)] == [0]


async def test_toggle_pane_and_help(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "backslash")
        await pilot.pause()
        assert not app.screen.query_one("#pane-box").display
        assert view(app).has_focus
        text = view(app).region  # alone in the middle: no empty box beside it
        assert abs(text.x - (120 - text.right)) <= 1, text
        assert "annotation" not in screen_text(app).lower()  # neither heading nor pane
        await pilot.press("backslash")
        await pilot.pause()
        assert app.screen.query_one("#pane-box").display
        assert app.screen.query_one("#pane-box").region.right == 120
        await pilot.press("question_mark")
        await wait_for_text(pilot, app, "Next sentence")
        await pilot.press("end")  # the reader's own keys close the list
        await wait_for_text(pilot, app, "Every claim in the library")
        sections = [str(label.content) for label in app.screen.query(".help-section")]
        assert sections == [
            "Moving and selecting in the article",
            "In the annotation pane",
            "Annotating, searching and suggestions",  # not the article's headline
            "Everywhere",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_reopening_shows_the_same_annotations(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("s", "h", ")", "s", "t")
        await burst(pilot, *"later")
        await pilot.press("enter")
        await pilot.pause()
    saved = lib.list_annotations(1)
    assert len(saved) == 2
    again = ClaimmarkApp(lib, article_id=1)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        pane = again.screen.query_one(AnnotationPane)
        assert [e.annotation for e in pane.shown] == saved


async def test_tiny_terminal_still_works(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("j", "w", "s", "h")
        await pilot.pause()
        assert len(lib.list_annotations(1)) == 1


async def test_read_only_library_reports_instead_of_crashing(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "ro.db"
    with Store(path) as s:
        s.add_article(TITLE, "", "/f.txt", TEXT)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    path.chmod(0o444)
    try:
        store = Store(path)
        app = RecordingApp(store, article_id=1)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("s", "h")
            await pilot.pause()
            assert any("read-only" in notice for notice in app.notices)
            assert store.list_annotations(1) == []
        store.close()
    finally:
        path.chmod(0o644)


async def test_ctrl_e_exports_to_the_configured_folder(lib: Store, tmp_path: Path) -> None:
    lib.create_annotation(AnnotationDraft(1, 0, 14, note="a note", tags=("flood",)))
    lib.set_setting("export_dir", str(tmp_path / "exports"))
    app = RecordingApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        [written] = (tmp_path / "exports").iterdir()
        assert "a note" in written.read_text()
        assert any(str(written) in notice for notice in app.notices)


async def test_back_from_a_reader_opened_directly_goes_to_the_library(lib: Store) -> None:
    """`claimmark open` starts in the reader; escape still reaches the library (in its
    place, not on top), and a reader opened from there goes back to it."""
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        depth = len(app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and len(app.screen_stack) == depth
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).article.title == TITLE
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and len(app.screen_stack) == depth


async def test_a_byline_under_the_headline_shows_as_the_byline(tmp_path: Path) -> None:
    story = tmp_path / "bus.txt"
    story.write_text(
        "Bus lanes to open in spring\n"
        "By Sam Okafor, Transport correspondent\n"
        "The council will open two bus lanes in spring, officials said.\n"
        "Drivers have objected.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "lib.db")
    article = store.import_file(story).article
    app = ClaimmarkApp(store, article_id=article.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert any(line.startswith("By Sam Okafor, Transport correspondent") for line in lines)
        assert any(line.startswith("¶1   The council will open") for line in lines)
        await pilot.press("p", "h")
        await pilot.pause()
    [annotation] = store.list_annotations(article.id)
    assert annotation.quote.startswith("The council will open")


def toasts(app: ClaimmarkApp) -> list[str]:
    """The texts of the notifications showing on the top screen."""
    from textual.widgets._toast import Toast

    return [str(toast.render()) for toast in app.screen.query(Toast) if toast.visible]


async def test_notifications_never_pile_up(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await burst(pilot, "x", "]", "[", "s", "h", ")", "s", "h")
        await wait_until(pilot, lambda: len(toasts(app)) == 2, what="two notifications")
        await pilot.pause()
        shown = toasts(app)
        # the latest problem and the latest news, not five notifications
        assert len(shown) == 2, shown
        assert any("No annotations before the cursor" in text for text in shown)
        assert any("Highlighted" in text for text in shown)


async def test_no_notification_shows_over_a_dialog(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("x")  # a warning: nothing to delete
        await wait_for_text(pilot, app, "No annotation under the cursor")
        await pilot.press("s", "c")
        await wait_for_text(pilot, app, "Claimant")
        text = screen_text(app)
        assert "No annotation under the cursor" not in text
        assert "^s save · esc" in text  # the claim form's hint line (its 80-column form)


async def test_the_empty_pane_says_what_to_do(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "No annotations yet." in text
        assert "Select text: s takes the" in text and "? lists every key." in text
        await pilot.press("s", "h")
        await wait_until(pilot, lambda: "No annotations yet." not in screen_text(app), what="pane")
        await wait_for_text(pilot, app, "1 annotation")
        await pilot.press("tab", "slash")
        await pilot.pause()
        await burst(pilot, *"zzz")
        await pilot.press("enter")
        await wait_for_text(pilot, app, "Nothing matches “zzz”.")


async def test_the_pane_heading_shows_the_count_and_the_filter(lib: Store) -> None:
    """Above the pane, on screen: how many annotations it shows, and its filter while
    one is set (the filter is otherwise invisible: the entries just get fewer)."""
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        heading = app.screen.query_one("#pane-heading")
        assert heading.region.y == 0 and heading.region.x > view(app).region.right - 1
        assert "Annotations" in screen_text(app)
        await pilot.press("s", "h", ")", "s", "t")
        await pilot.pause()
        await burst(pilot, *"flood")
        await pilot.press("enter")
        await wait_for_text(pilot, app, "2 annotations")
        await pilot.press("tab", "slash")
        await pilot.pause()
        await burst(pilot, *"#flood")
        await pilot.press("enter")
        await wait_for_text(pilot, app, "1 of 2 · filter: #flood")
        await pilot.press("x")
        await wait_for_text(pilot, app, "0 of 1 · filter: #flood")
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        await wait_for_text(pilot, app, "1 annotation")


async def test_the_text_and_the_pane_share_every_width(lib: Store) -> None:
    """From 80 to 250 columns: the pane 24 to 72 wide, and no more than a third of the
    width while the text is narrower than its full measure (90); the text never far from
    the pane; past the widest the two together in the middle."""
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        measures = []
        for width in range(80, 251, 5):
            await pilot.resize_terminal(width, 30)
            await wait_until(
                pilot,
                lambda width=width: (
                    app.screen.region.width == width
                    and view(app)._layout.width == view(app).content_region.width
                ),
                what=f"the reader laid out at {width} columns",
            )
            article = view(app)
            pane = app.screen.query_one("#pane-box")  # the pane with its edge and heading
            layout = article._layout
            text_end = article.content_region.x + layout.gutter_width + layout.text_width
            assert 24 <= pane.region.width <= 72, width
            if layout.text_width < 90:
                assert pane.region.width <= width / 3 + 1, width
            assert 0 <= pane.region.x - text_end <= 4, width  # no gap between text and pane
            left, right = article.region.x, width - pane.region.right
            assert abs(left - right) <= 1, width  # any room left is shared out evenly
            measures.append(layout.text_width)
        assert measures == sorted(measures)
        assert measures[0] >= 44 and measures[-1] == 90
        assert measures[(140 - 80) // 5] == 90  # the full measure from 140 columns


async def test_a_notification_seen_is_replaced_by_the_next_of_its_kind(
    lib: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claimmark.tui.app, "NOTICE_SEEN_S", 0.0)  # every one seen at once
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await wait_until(pilot, lambda: len(toasts(app)) == 1, what="a notification")
        await pilot.press("right_square_bracket")
        await wait_until(
            pilot,
            lambda: any("No more annotations" in text for text in toasts(app)),
            what="the next warning",
        )
        await pilot.pause()
        assert len(toasts(app)) == 1  # it replaced the one before, it did not stack


async def test_an_edit_is_drawn_before_the_notification_that_tells_of_it(lib: Store) -> None:
    """The frame that answers `x` already shows the annotation gone; the toast saying so
    (a widget to mount and lay out) follows in a later frame, never holding that one back."""
    lib.create_annotation(AnnotationDraft(1, 0, 20, note="to go"))
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.annotations
        frames: list[tuple[int, list[str]]] = []  # (annotations shown, toasts) per frame
        display = app._display

        def watched(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            frames.append((len(reader.annotations), toasts(app)))

        app._display = watched  # type: ignore[method-assign]
        await pilot.press("x")
        await wait_until(pilot, lambda: toasts(app), what="the notification")
        first_without = next(i for i, (count, _) in enumerate(frames) if count == 0)
        assert frames[first_without][1] == []  # the deletion drawn, no toast yet
        assert any("Press u to undo" in text for _, shown in frames for text in shown)


async def test_cleared_notifications_make_no_room_for_themselves(lib: Store) -> None:
    """Cleared notices are gone: the two that follow both show (a cleared one counted as
    showing pushed the first of them out)."""
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        app.notify("Waiting for the database.", severity="warning")
        app.notify("First news.")
        await wait_until(pilot, lambda: len(toasts(app)) == 2, what="the first two")
        app.clear_notifications()
        app.notify("Second news.")
        app.notify("Third news.")
        await wait_until(pilot, lambda: "Third news." in toasts(app), what="the last one")
        await pilot.pause()
        assert toasts(app) == ["Second news.", "Third news."]


async def test_replaced_and_cleared_notifications_leave_nothing_behind(lib: Store) -> None:
    """Textual 8.2 removes a toast that goes before its time but keeps the holder it sat
    in; left alone, empty holders pile up and every layout walks them (a long session of
    edits grew a hundred and more). The app drops them: the rack never holds many more
    holders than notifications on screen."""
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        for number in range(12):
            app.notify(f"News {number}.", timeout=30)
            await wait_until(pilot, lambda n=number: f"News {n}." in toasts(app), what="it")
        assert len(toasts(app)) == 2
        assert len(app.screen.query("ToastHolder")) <= 3  # the last one replaced, at most
        app.clear_notifications()
        app.notify("After the clear.")
        await wait_until(pilot, lambda: toasts(app) == ["After the clear."], what="the last")
        await wait_until(
            pilot,
            lambda: len(app.screen.query("ToastHolder")) <= 2,
            what="the holders of the cleared toasts gone",
        )


async def test_undoing_a_delete_takes_down_the_advice_to_undo_it(lib: Store) -> None:
    lib.create_annotation(AnnotationDraft(1, 0, 20, note="to go"))
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await wait_until(
            pilot, lambda: any("Press u to undo" in t for t in toasts(app)), what="the advice"
        )
        await pilot.press("u")
        await wait_until(pilot, lambda: "Undid delete." in toasts(app), what="the undo said")
        await pilot.pause()
        assert not any("Press u to undo" in text for text in toasts(app))
        assert len(lib.list_annotations(1)) == 1
