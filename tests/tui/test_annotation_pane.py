"""The annotation pane on its own: drawn text, highlight, keys, filter, clicks, long lists."""

from __future__ import annotations

import random
from bisect import bisect_left
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.message import Message

from claimmark.store.models import Annotation, AnnotationDraft, Claim, ClaimStatus
from claimmark.store.store import Store
from claimmark.tui.widgets.annotation_pane import (
    AnnotationPane,
    PaneEntry,
    clip,
    entry_matches,
    wrap_quote,
)
from tests.libraries import new_store
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
    store = new_store(tmp_path / "lib.db")
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
        assert pane_of(app).summary == "3 annotations"
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


async def test_filter_narrows_the_list_and_the_summary_says_so(
    three: tuple[PaneEntry, ...],
) -> None:
    app = PaneApp(three)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        pane = pane_of(app)
        pane.filter_text = "#flood"
        await pilot.pause()
        assert [e.annotation.tags for e in pane.shown] == [("flood",)]
        assert pane.summary == "1 of 3 · filter: #flood"
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
        assert pane.summary == "3 annotations"


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
        assert pane.summary == "300 annotations"
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


def annotation(
    annotation_id: int,
    start: int,
    words: int,
    note: str,
    tags: tuple[str, ...],
    article_id: int = 1,
    marked_quote: str | None = None,
):
    """An annotation made up for the pane alone (the pane needs no store)."""
    quote = " ".join(["word"] * words)
    return Annotation(
        id=annotation_id,
        article_id=article_id,
        marked_quote=marked_quote,
        start=start,
        end=start + len(quote),
        quote=quote,
        prefix="",
        suffix="",
        color=None,
        note=note,
        tags=tags,
        claim=None,
        created_at="2026-01-01T00:00:00",
        updated_at="2026-01-01T00:00:00",
    )


class SideBySide(App[None]):
    """The pane patched by edits beside a fresh pane given the same entries."""

    def compose(self) -> ComposeResult:
        with Horizontal():
            for name in ("patched", "fresh"):
                pane = AnnotationPane(id=name)
                pane.styles.width = 36
                yield pane


def drawn(pane: AnnotationPane) -> list[list[tuple[str, object]]]:
    """Every visible line of the pane, segment by segment with its style."""
    return [
        [(segment.text, segment.style) for segment in pane.render_line(y)]
        for y in range(pane.scrollable_content_region.height)
    ]


async def test_edits_patch_the_pane_into_what_a_fresh_pane_shows() -> None:
    """One entry inserted, deleted or replaced at a time (as the reader screen does: every
    other entry the same object), with and without a filter, growing and shrinking entries,
    changed ones (a line more) and orphans (after the others, the first under a heading):
    the patched pane lists, measures, highlights and draws what a new pane shows."""
    rng = random.Random(5)

    def made(annotation_id: int) -> PaneEntry:
        note = rng.choice(("", "", "a note\nsecond line"))
        tags = rng.choice(((), ("red",), ("blue", "red"), ("blue",)))
        start, words = rng.randrange(5000), rng.randint(1, 14)
        if rng.random() < 0.3:  # an orphan: its words are on an older version only
            article = rng.choice((7, 8))
            return PaneEntry(
                annotation(annotation_id, start, words, note, tags, article), 0, article
            )
        marked = "the words as marked" if rng.random() < 0.3 else None
        return PaneEntry(annotation(annotation_id, start, words, note, tags, 9, marked), 1)

    def order(entry: PaneEntry) -> tuple[int, ...]:
        """As the reader lists them: this text's in document order, then the orphans."""
        a = entry.annotation
        if entry.orphan:
            return (1, -a.article_id, a.start, a.id)
        return (0, a.start, -a.end, a.id)

    entries = tuple(sorted((made(n) for n in range(1, 13)), key=order))
    next_id = 13
    app = SideBySide()
    async with app.run_test(size=(80, 20)) as pilot:
        patched = app.query_one("#patched", AnnotationPane)
        patched.entries = entries
        await pilot.pause()
        for query in ("", "#red", "word word word"):
            patched.filter_text = query
            for _ in range(8):
                kinds = ("insert", "delete", "replace", "replace") if entries else ("insert",)
                kind = rng.choice(kinds)
                index = rng.randrange(len(entries))
                if kind == "delete":
                    entries = entries[:index] + entries[index + 1 :]
                else:
                    if kind == "replace":
                        entry = made(entries[index].annotation.id)
                        entries = entries[:index] + entries[index + 1 :]
                    else:
                        entry = made(next_id)
                        next_id += 1
                    place = bisect_left(entries, order(entry), key=order)
                    entries = entries[:place] + (entry,) + entries[place:]
                # the annotation under the cursor: the first the filter shows, so that the
                # view stays at the top, where the edits are drawn
                current = next(
                    (e for e in entries if entry_matches(e, query)), entries[0]
                ).annotation.id
                patched.entries = entries
                patched.current_id = current
                await app.query_one("#fresh").remove()
                fresh = AnnotationPane(id="fresh")
                fresh.styles.width = 36
                await app.query_one(Horizontal).mount(fresh)
                fresh.filter_text = query
                fresh.entries = entries
                fresh.current_id = current
                await pilot.pause()
                # on screen (redrawn where it changed) is what the pane draws now
                on_screen = [line[:36].rstrip() for line in screen_text(app).splitlines()]
                assert on_screen == [
                    "".join(text for text, _ in line).rstrip() for line in drawn(patched)
                ]
                assert patched.shown == fresh.shown
                assert patched.virtual_size == fresh.virtual_size
                assert patched.highlighted == fresh.highlighted
                assert patched.summary == fresh.summary
                assert patched.scroll_y == fresh.scroll_y == 0
                assert drawn(patched) == drawn(fresh)
                for pane in (patched, fresh):  # and the rows below, the prefix sums shifted
                    pane.scroll_to(y=pane.max_scroll_y, animate=False, force=True)
                await pilot.pause()
                assert patched.scroll_y == fresh.scroll_y == patched.max_scroll_y
                assert drawn(patched) == drawn(fresh)
                patched.scroll_home(animate=False, immediate=True)
        # Measured again from scratch at another width, the patched lists give the same.
        for pane in (patched, fresh):
            pane.styles.width = 30
            pane.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert patched.virtual_size == fresh.virtual_size and drawn(patched) == drawn(fresh)


async def test_deleting_at_the_bottom_keeps_the_scroll_inside_and_draws_the_rest() -> None:
    """Scrolled to the end of a long pane, entries deleted there one at a time: the pane
    (which changes its scrollable length without a new layout of the screen) stays inside
    the shorter length and shows what a fresh pane scrolled to its end shows."""
    entries = tuple(
        PaneEntry(annotation(n, n * 40, 3 + n % 5, "a note\nsecond line" if n % 3 else "", ()), 1)
        for n in range(1, 25)
    )
    app = SideBySide()
    async with app.run_test(size=(80, 20)) as pilot:
        patched = app.query_one("#patched", AnnotationPane)
        patched.entries = entries
        await pilot.pause()
        patched.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert patched.scroll_y == patched.max_scroll_y > 0
        while len(entries) > 2:
            entries = entries[:-1]
            patched.entries = entries  # no annotation under the cursor: nothing to follow
            await pilot.pause()
            await app.query_one("#fresh").remove()
            fresh = AnnotationPane(id="fresh")
            fresh.styles.width = 36
            await app.query_one(Horizontal).mount(fresh)
            fresh.entries = entries
            await pilot.pause()
            fresh.scroll_to(y=patched.scroll_y, animate=False, immediate=True)
            await pilot.pause()
            assert patched.virtual_size == fresh.virtual_size
            assert 0 <= patched.scroll_y <= patched.max_scroll_y
            assert drawn(patched) == drawn(fresh)
            on_screen = [line[:36].rstrip() for line in screen_text(app).splitlines()]
            assert on_screen == [
                "".join(text for text, _ in line).rstrip() for line in drawn(patched)
            ]
