"""The annotation pane on its own: drawn text, highlight, keys, filter, clicks, long lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.message import Message

from claimmark.store.models import AnnotationDraft, Claim, ClaimStatus
from claimmark.store.store import Store
from claimmark.tui.widgets.annotation_pane import AnnotationPane, PaneEntry, clip, wrap_quote
from tests.tui.screen import screen_text

TEXT = (
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Speaking on Monday, the environment minister told reporters that a decision is close, "
    "according to a report in the Harbour Gazette. He described the plan as overdue.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029.\n"
    "Critics say the cost, put at £2.4bn, has not been tested against alternatives."
)


class PaneApp(App[None]):
    """A host for the pane alone, recording the messages it posts."""

    def __init__(self, entries: tuple[PaneEntry, ...], width: int = 40) -> None:
        super().__init__()
        self.initial = entries
        self.pane_width = width
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        pane = AnnotationPane(id="pane")
        pane.styles.width = self.pane_width
        yield pane

    def on_mount(self) -> None:
        pane = self.query_one(AnnotationPane)
        pane.entries = self.initial
        pane.focus()

    def on_annotation_pane_chosen(self, message: AnnotationPane.Chosen) -> None:
        self.messages.append(message)

    def on_annotation_pane_edit_requested(self, message: AnnotationPane.EditRequested) -> None:
        self.messages.append(message)

    def on_annotation_pane_delete_requested(self, message: AnnotationPane.DeleteRequested) -> None:
        self.messages.append(message)

    def on_annotation_pane_filter_requested(self, message: AnnotationPane.FilterRequested) -> None:
        self.messages.append(message)


def entries_of(store: Store) -> tuple[PaneEntry, ...]:
    """The pane entries of article 1, as the reader screen builds them."""
    return tuple(PaneEntry(a, TEXT.count("\n", 0, a.start) + 1) for a in store.list_annotations(1))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "lib.db")
    store.add_article("Flood plan", "By Jane Example", "/tmp/flood.txt", TEXT)
    return store


@pytest.fixture
def three(store: Store) -> tuple[PaneEntry, ...]:
    store.create_annotation(AnnotationDraft(1, 0, 14, tags=("flood",)))
    speaking = TEXT.index("Speaking")
    store.create_annotation(AnnotationDraft(1, speaking, speaking + 8, note="Which Monday?\nx"))
    critics = TEXT.index("Critics")
    store.create_annotation(
        AnnotationDraft(
            1, critics, critics + 7, claim=Claim(claimant="Critics", status=ClaimStatus.DISPUTED)
        )
    )
    return entries_of(store)


def pane_of(app: App[None]) -> AnnotationPane:
    return app.query_one(AnnotationPane)


def highlighted_id(pane: AnnotationPane) -> int | None:
    annotation = pane.annotation_at(pane.highlighted)
    return None if annotation is None else annotation.id


async def test_draws_every_part_of_an_entry(three: tuple[PaneEntry, ...]) -> None:
    app = PaneApp(three)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "¶1 highlight  #flood" in text
        assert "The government" in text
        assert "¶2 note" in text
        assert "✎ Which Monday?" in text
        assert "x" not in text.split("Which Monday?")[1].splitlines()[0]  # only the first line
        assert "¶4  disputed  Critics" in text
        assert pane_of(app).border_subtitle == "3 annotations"
        # header, quote, separator / header, quote, note, separator / header, quote
        assert pane_of(app).virtual_size.height == 3 + 4 + 2


async def test_keys_move_the_highlight_and_enter_chooses(
    three: tuple[PaneEntry, ...],
) -> None:
    app = PaneApp(three)
    ids = [e.annotation.id for e in three]
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        assert pane.highlighted is None
        await pilot.press("j")
        assert highlighted_id(pane) == ids[0]
        await pilot.press("j", "down")
        assert highlighted_id(pane) == ids[2]
        await pilot.press("j")  # stays on the last
        assert highlighted_id(pane) == ids[2]
        await pilot.press("k")
        assert highlighted_id(pane) == ids[1]
        await pilot.press("home")
        assert pane.highlighted == 0
        await pilot.press("end")
        assert pane.highlighted == 2
        await pilot.press("up", "enter", "e", "x", "slash")
        await pilot.pause()
        assert [type(m) for m in app.messages] == [
            AnnotationPane.Chosen,
            AnnotationPane.EditRequested,
            AnnotationPane.DeleteRequested,
            AnnotationPane.FilterRequested,
        ]
        assert [getattr(m, "annotation_id", None) for m in app.messages[:3]] == [ids[1]] * 3


async def test_highlight_background_covers_only_the_highlighted_entry(
    three: tuple[PaneEntry, ...],
) -> None:
    app = PaneApp(three)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        pane.highlighted = 1
        await pilot.pause()
        highlight = pane.get_component_rich_style("annotation-pane--highlight").bgcolor
        assert highlight is not None

        def backgrounds(y: int) -> set[object]:
            return {s.style.bgcolor for s in pane.render_line(y) if s.style and not s.text.strip()}

        assert backgrounds(0) == {pane.rich_style.bgcolor}  # entry 0
        for y in (3, 4, 5):  # entry 1: header, quote, note
            assert backgrounds(y) == {highlight}
        assert backgrounds(6) == {pane.rich_style.bgcolor}  # its separator


async def test_current_id_highlights_without_choosing(
    three: tuple[PaneEntry, ...],
) -> None:
    app = PaneApp(three)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        pane.current_id = three[2].annotation.id
        await pilot.pause()
        assert pane.highlighted == 2
        assert app.messages == []


async def test_filter_narrows_the_list_and_the_subtitle_says_so(
    three: tuple[PaneEntry, ...],
) -> None:
    app = PaneApp(three)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        pane.filter_text = "#flood"
        await pilot.pause()
        assert [e.annotation.tags for e in pane.shown] == [("flood",)]
        assert pane.border_subtitle == "filter: #flood (1)"
        assert "Critics" not in screen_text(app)
        pane.filter_text = "disputed"
        await pilot.pause()
        assert [e.annotation.claim is not None for e in pane.shown] == [True]
        await pilot.press("j", "enter")
        assert app.messages == [AnnotationPane.Chosen(three[2].annotation.id)]
        pane.filter_text = "nothing matches this"
        await pilot.pause()
        assert pane.shown == [] and pane.highlighted is None
        assert pane.annotation_at(0) is None
        pane.filter_text = ""
        await pilot.pause()
        assert pane.border_subtitle == "3 annotations"


async def test_click_highlights_and_chooses(three: tuple[PaneEntry, ...]) -> None:
    app = PaneApp(three)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        assert await pilot.click(AnnotationPane, offset=(5, 4))  # entry 1's quote line
        await pilot.pause()
        assert pane.highlighted == 1
        assert app.messages == [AnnotationPane.Chosen(three[1].annotation.id)]
        assert await pilot.click(AnnotationPane, offset=(5, 2))  # a separator: nothing
        await pilot.pause()
        assert pane.highlighted == 1 and len(app.messages) == 1


async def test_long_text_is_clipped_to_the_width(store: Store) -> None:
    end = TEXT.index("\n", 100)
    tags = ("alpha", "bravo", "charlie", "delta", "echo")
    store.create_annotation(AnnotationDraft(1, 88, end, tags=tags, note="n " * 40))
    app = PaneApp(entries_of(store), width=30)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        width = pane.scrollable_content_region.width
        lines = [pane.render_line(y).text.rstrip() for y in range(5)]
        assert all(len(line) <= width - 1 for line in lines)  # one cell of padding each side
        header, quote1, quote2, note, separator = lines
        assert header.startswith(" ▌¶2 note  #alpha") and header.endswith("…")
        assert quote1.startswith(" Speaking on Monday,")
        assert quote2.endswith("…")
        assert note.startswith(" ✎ n n") and note.endswith("…")
        assert separator == ""
        assert pane.virtual_size.height == 4


async def test_long_list_keeps_the_highlight_in_view(store: Store) -> None:
    for n in range(300):
        start = n % 80
        store.create_annotation(AnnotationDraft(1, start, start + 5, note=f"number {n}"))
    entries = entries_of(store)
    app = PaneApp(entries)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        assert pane.border_subtitle == "300 annotations"
        await pilot.press("end")
        await pilot.pause()
        last = pane.shown[-1].annotation.note
        assert f"✎ {last} " in screen_text(app)
        assert pane.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert 280 < pane.highlighted < 299
        assert f"✎ {pane.shown[pane.highlighted].annotation.note} " in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert pane.scroll_y == 0
        pane.current_id = pane.shown[150].annotation.id
        await pilot.pause()
        assert pane.highlighted == 150
        assert f"✎ {pane.shown[150].annotation.note} " in screen_text(app)
        # a new list (as after an edit) keeps the highlighted annotation
        pane.entries = entries[100:]
        await pilot.pause()
        assert pane.highlighted == 50
        assert f"✎ {pane.shown[50].annotation.note} " in screen_text(app)


def test_clip_and_wrap_quote() -> None:
    assert clip("short", 10) == "short"
    assert clip("a longer text", 6) == "a lon…"
    assert clip("日本語テキスト", 5) == "日本…"
    assert wrap_quote("fits", 10) == ["fits"]
    assert wrap_quote("one two three four", 10) == ["one two", "three four"]
    assert wrap_quote("one two three four five six", 10) == ["one two", "three fou…"]
    assert wrap_quote("abcdefghijklmnop", 10) == ["abcdefghij", "klmnop"]
