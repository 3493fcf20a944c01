"""The library by keys: search everything and land on the match, sort, delete with undo,
tags across the library, and reopening an article where it was left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimmark.store.models import AnnotationDraft, Claim
from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.dialogs import ConfirmDialog, PromptDialog
from claimmark.tui.screens.library import LibraryScreen
from claimmark.tui.screens.reader import ReaderScreen
from claimmark.tui.screens.tags import TagsScreen
from claimmark.tui.widgets.row_list import RowList
from tests.libraries import new_store
from tests.tui.burst import burst
from tests.tui.screen import screen_text

FLOOD = (
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Speaking on Monday, the environment minister told reporters that a decision is close.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029.\n"
    "Critics say the sediment survey was never published, and the council agreed."
)
WAITS = "Waiting times rose again in March.\nThe health board blamed staff shortages."
FLOOD_TITLE = "Ministers signal backing for coastal flood plan"
WAITS_TITLE = "Hospital waiting times rise again"


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    store = new_store(tmp_path / "lib.db")
    flood = store.add_article(FLOOD_TITLE, "By Jane Example", "/flood.txt", FLOOD).article
    store.add_article(WAITS_TITLE, "By Sam", "/waits.txt", WAITS)
    start = FLOOD.index("two officials")
    store.create_annotation(
        AnnotationDraft(flood.id, start, start + 13, note="Which **budget** line?", tags=("flood",))
    )
    start = FLOOD.index("a decision is close")
    store.create_annotation(
        AnnotationDraft(
            flood.id,
            start,
            start + 19,
            tags=("Flood risk", "policy"),
            claim=Claim(claimant="environment minister", sources=("Harbour Gazette",)),
        )
    )
    store.mark_opened(flood.id)
    return store


async def until(pilot, condition: Callable[[], object], seconds: float = 5.0) -> None:
    """Wait until `condition()` holds (a worker or a screen may take a moment)."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition()


def notifications(app: ClaimmarkApp) -> list[str]:
    """Every message the app will show as a notification, in order."""
    said: list[str] = []
    show = app.notify

    def record(message: str, **options: object) -> None:
        said.append(message)
        show(message, **options)  # type: ignore[arg-type]

    app.notify = record  # type: ignore[method-assign]
    return said


def library(app: ClaimmarkApp) -> LibraryScreen:
    screen = app.screen
    assert isinstance(screen, LibraryScreen), screen
    return screen


async def search(pilot, app: ClaimmarkApp, text: str) -> LibraryScreen:
    await pilot.press("slash")
    await burst(pilot, *text)
    screen = library(app)
    await until(pilot, lambda: screen._shown_query == text.strip())
    await pilot.pause()
    return screen


async def test_search_text_by_keys_and_land_on_the_match(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = await search(pilot, app, "sediment")
        shot = screen_text(app)
        assert "1 hit for sediment" in shot
        assert "¶4" in shot and "Critics say the sediment survey" in shot
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article.title == FLOOD_TITLE
        await pilot.pause()
        start = FLOOD.index("sediment")
        assert reader.view.selection == (start, start + len("sediment"))
        assert "¶4 of 4" in screen_text(app)
        await pilot.press("escape", "escape")  # the selection, then back
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert screen.showing_hits  # the search is still there to pick another hit


async def test_search_finds_notes_claimants_sources_and_tags(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = await search(pilot, app, "budget")
        assert "¶1 note" in screen_text(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.pause()
        start = FLOOD.index("two officials")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.view.selection == (start, start + 13)  # the annotation with the note
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        for query, where in (
            ("gazette", "claim (sources)"),
            ("minister", "claim (claimant)"),
            ("policy", "claim (tags)"),
        ):
            await pilot.press("escape")
            await search(pilot, app, query)
            assert where in screen_text(app), query
        assert screen.result is not None


async def test_typing_updates_the_hits_and_escape_clears(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = await search(pilot, app, "waitin")
        assert "No match for waitin" in screen_text(app)
        await pilot.press("g")
        await until(pilot, lambda: screen._shown_query == "waiting")
        await pilot.pause()
        shot = screen_text(app)
        assert "hits for waiting" in shot or "hit for waiting" in shot
        assert WAITS_TITLE[:20] in shot and FLOOD_TITLE[:20] not in shot
        await pilot.press("escape")
        await pilot.pause()
        shot = screen_text(app)
        assert not screen.search_input.display and not screen.showing_hits
        assert FLOOD_TITLE[:20] in shot and WAITS_TITLE[:20] in shot
        assert screen.rows.has_focus


async def test_a_query_fts5_refuses_is_searched_as_words(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = await search(pilot, app, '"sediment')
        assert screen.result is not None and screen.result.plain_words
        shot = screen_text(app)
        assert "plain words" in shot and "Critics say the sediment" in shot


async def test_sort_cycles_and_the_header_says_which(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = library(app)

        def titles() -> list[str]:
            return [line[1:25] for line in screen_text(app).splitlines()[3:5]]

        assert screen.sub_title.endswith("by last opened")
        assert titles()[0] == FLOOD_TITLE[:24]  # opened most recently
        await pilot.press("s")
        assert screen.sub_title.endswith("by added") and "Added ▼" in screen_text(app)
        assert titles()[0] == WAITS_TITLE[:24]  # added last
        await pilot.press("s")
        assert screen.sub_title.endswith("by title") and "Title ▲" in screen_text(app)
        assert titles() == [WAITS_TITLE[:24], FLOOD_TITLE[:24]]
        await pilot.press("S")
        assert screen.sub_title.endswith("by title, reversed") and "Title ▼" in screen_text(app)
        assert titles() == [FLOOD_TITLE[:24], WAITS_TITLE[:24]]
        await pilot.press("s", "s")
        assert screen.sub_title.endswith("by notes") and "▼Notes" in screen_text(app)
        assert titles()[0] == FLOOD_TITLE[:24]
        assert lib.get_setting("library_sort") == "notes"
    again = ClaimmarkApp(lib)
    async with again.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert library(again).sub_title.endswith("by notes")  # remembered


async def test_delete_asks_then_undo_brings_it_back(lib: Store) -> None:
    before = lib.list_annotations(1)
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert FLOOD_TITLE in dialog.message and "2 annotations" in dialog.message
        await pilot.press("n")
        await pilot.pause()
        assert lib.article_count() == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert [a.id for a in lib.list_articles()] == [2]
        assert FLOOD_TITLE[:20] not in screen_text(app)
        assert lib.search("sediment").hits == ()
        await pilot.press("u")
        await pilot.pause()
        assert lib.get_article(1).title == FLOOD_TITLE
        assert lib.list_annotations(1) == before
        assert FLOOD_TITLE[:20] in screen_text(app)
        assert library(app).article_rows.id_at(library(app).rows.cursor) == 1
        await pilot.press("u")
        await pilot.pause()
        assert lib.article_count() == 2  # nothing more to undo


async def test_delete_from_search_hits(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await search(pilot, app, "shortages")
        await pilot.press("tab", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and WAITS_TITLE in app.screen.message
        await pilot.press("y")
        await pilot.pause()
        assert [a.id for a in lib.list_articles()] == [1]
        assert library(app).hit_rows.hits == []


async def test_tags_screen_renames_merges_deletes_and_undoes(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        tags = app.screen
        assert isinstance(tags, TagsScreen)

        async def settled() -> None:
            await until(pilot, lambda: not tags.busy)
            await pilot.pause()

        shot = screen_text(app)
        assert "#flood" in shot and "#Flood risk" in shot and "#policy" in shot
        assert [t.name for t in tags.tag_rows.tags] == ["flood", "Flood risk", "policy"]
        # rename "flood" (the cursor is on it) to "flooding"
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("ctrl+u", *"flooding", "enter")
        await settled()
        assert lib.get_annotation(1).tags == ("flooding",)
        assert "#flooding" in screen_text(app)
        # merge "Flood risk" into "flooding", with completion
        tags.tag_list.move_cursor(tags.tag_rows.index_of("Flood risk") or 0)
        await pilot.press("m")
        await pilot.pause()
        await burst(pilot, *"floodi")
        await pilot.app.workers.wait_for_complete()  # the completion, which tab accepts
        await pilot.press("tab", "enter")
        await settled()
        assert lib.get_annotation(2).tags == ("flooding", "policy")
        assert [t.name for t in lib.tag_counts()] == ["flooding", "policy"]
        # undo the merge, then the rename
        await pilot.press("u")
        await settled()
        assert lib.get_annotation(2).tags == ("Flood risk", "policy")
        await pilot.press("u")
        await settled()
        assert lib.get_annotation(1).tags == ("flood",)
        # delete "policy" after confirming
        tags.tag_list.move_cursor(tags.tag_rows.index_of("policy") or 0)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settled()
        assert lib.get_annotation(2).tags == ("Flood risk",)
        assert [e.action for e in lib.journal(1)][-1] == "update"


async def test_renaming_to_an_existing_tag_offers_to_merge(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t", "r")
        await pilot.pause()
        await pilot.press("ctrl+u", *"POLICY", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "merge" in app.screen.message.lower()
        await pilot.press("y")
        await until(pilot, lambda: lib.get_annotation(1).tags == ("policy",))


async def test_enter_on_a_tag_searches_the_library_for_it(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t", "down", "down", "enter")  # policy
        screen = library(app)
        await until(pilot, lambda: screen.result is not None)
        assert [h.annotation_id for h in screen.hit_rows.hits] == [2]


async def test_reader_reopens_where_it_was_left(lib: Store) -> None:
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.pause()
        assert "¶1 of 4 · 0%" in screen_text(app)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "w")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        offset = reader.view.cursor
        assert offset > FLOOD.index("Senior")
        percent = round(100 * offset / len(FLOOD))
        assert f"¶3 of 4 · {percent}%" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        position = lib.reading_position(1)
        assert position is not None and position.offset == offset
        assert f"{percent}%" in screen_text(app)  # the library's Read column
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.view.cursor == offset
        await pilot.press("b")
        moved = reader.view.cursor
        await pilot.press("q")
    position = lib.reading_position(1)
    assert position is not None and position.offset == moved  # saved on quit too


async def test_columns_fit_80_columns_with_the_title_cut(lib: Store) -> None:
    long_title = "A very long headline about a regional flood barrier " * 3
    lib.add_article(long_title.strip(), "By Someone With A Long Name", "/long.txt", "Text here.")
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "Title" in line)
        for name in ("Annotations", "Notes", "Claims", "Read", "Opened"):
            assert name in header
        row = next(line for line in lines if line.startswith(" A very long"))
        assert "…" in row and len(row.rstrip()) <= 80


async def test_added_article_is_not_hidden_by_a_search(lib: Store, tmp_path: Path) -> None:
    new = tmp_path / "new-story.txt"
    new.write_text("Bridge repairs delayed\nThe bridge repairs are late again.\n")
    app = ClaimmarkApp(lib)
    said = notifications(app)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = await search(pilot, app, "sediment")
        await pilot.press("tab")  # to the hits: a adds from the list
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await burst(pilot, *str(tmp_path / "new-s"))
        await pilot.app.workers.wait_for_complete()  # the completion, which tab accepts
        await pilot.press("tab", "enter")
        await until(pilot, lambda: lib.article_count() == 3)
        await pilot.pause()
        assert not screen.showing_hits and not screen.search_input.display
        assert screen.article_rows.id_at(screen.rows.cursor) == 3
        assert "Bridge repairs delayed" in screen_text(app)
        assert any("search was cleared" in message for message in said)


async def test_a_large_library_draws_only_what_is_on_screen(tmp_path: Path) -> None:
    store = Store(tmp_path / "big.db")
    with store.transaction():
        for number in range(600):
            store.add_article(f"Story number {number:04d}", "", f"/{number}.txt", f"Text {number}.")
    app = ClaimmarkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = library(app)
        assert screen.rows.row_count == 600
        assert len(screen.article_rows._summaries) <= 60  # one block fetched
        await pilot.press("G")
        await pilot.pause()
        assert "Story number 0000" in screen_text(app)  # the oldest, last
        await pilot.press("g", "pagedown")
        assert screen.rows.cursor == screen.rows.size.height - 2  # a screen of rows, less one
        assert isinstance(screen.rows, RowList)


async def test_tags_complete_in_the_claims_view_tag_filter(lib: Store) -> None:
    from claimmark.tui.screens.claims import ClaimsScreen

    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        claims = app.screen
        assert isinstance(claims, ClaimsScreen)
        await pilot.press("number_sign", *"flood r", "tab", "enter")
        await pilot.pause()
        assert claims.tag == "Flood risk" and [r.annotation.id for r in claims.rows] == [2]


def test_columns_give_way_to_the_title_as_the_terminal_narrows() -> None:
    from claimmark.store.models import LibrarySort
    from claimmark.tui.widgets.article_rows import layout

    for width in range(80, 260, 7):
        for web in (True, False):
            columns = layout(width, LibrarySort.OPENED, web)
            used = 2 + sum(column.width + 2 for _, column in columns[1:]) + columns[0][1].width
            assert used == width  # every cell is used, none overflows
            keys = [key for key, _ in columns]
            assert keys[0] == "title" and columns[0][1].width >= 24
            assert {"annotations", "notes", "claims", "read", "opened"} <= set(keys)
            assert web or not {"site", "published"} & set(keys)
    assert "published" in [k for k, _ in layout(150, LibrarySort.OPENED, True)]
    assert "byline" not in [k for k, _ in layout(80, LibrarySort.OPENED, True)]


async def test_an_outside_change_waits_for_a_screen_still_being_put_up(lib: Store) -> None:
    # The app looks for changes by other processes on a timer; a screen pushed but not yet
    # mounted has no widgets to show them in, and reading them then had crashed the app.
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        with Store(lib.path) as other:  # `claimmark` in another shell tags a note
            other.update_annotation(1, tags=("flood", "coast"))
        tags = TagsScreen(lib)
        app.push_screen(tags)  # not awaited: on the stack, not yet mounted
        assert not tags.is_mounted
        app.check_outside_changes()  # must wait, not raise
        await until(pilot, lambda: tags.is_mounted)
        app.check_outside_changes()
        await until(pilot, lambda: "#coast" in screen_text(app))
        assert [t.name for t in tags.tag_rows.tags] == ["coast", "flood", "Flood risk", "policy"]
