"""The annotation pane: every annotation of the article, in document order, then its
orphans (notes whose words are gone from this version) under their own heading.

The reader screen binds `entries` and `current_id`; the pane posts `Chosen`,
`EditRequested`, `DeleteRequested` and `ReattachRequested` upward and never talks to the
article view. An annotation whose words changed since it was marked says so ("⚠ changed",
a warning badge on a claim) with the words as marked on a line of their own.

A Line API widget (`ScrollView` + `render_line`), so that an article with thousands of
annotations opens at once: the height of every entry is known without drawing it (a header
line, one or two quote lines, a note line if there is a note, then a blank separator), the
pane keeps prefix sums of those heights so a screen row finds its entry by bisection, and
only the entries on screen are drawn (and cached until the width, theme or data change).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
from operator import add, is_not
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimmark.store.models import Annotation
from claimmark.store.sanitize import visible
from claimmark.tui.colors import STATUS_COLORS, background, color_name
from claimmark.tui.textfit import cells as _cells
from claimmark.tui.textfit import chop as _chop
from claimmark.tui.textfit import clip
from claimmark.tui.textfit import squash as _squash
from claimmark.tui.widgets.paging import page_row
from claimmark.tui.widgets.thumb import thumb_rows, with_thumb


class _LineFrame(NamedTuple):
    """What drawing any line of the pane needs, the same for every line of one frame."""

    width: int
    top: int
    """The virtual row on the first screen line."""
    thumb: range
    """The screen lines the scroll thumb covers."""
    thumb_style: Style | None
    """The thumb's style (None: everything fits, no thumb)."""


@dataclass(frozen=True, slots=True)
class PaneEntry:
    """One annotation as the pane shows it."""

    annotation: Annotation
    paragraph: int
    """¶N of the annotation's start (0 for an orphan)."""
    orphan_version: int | None = None
    """For an orphan: the version whose text last held its words (None: not an orphan)."""

    @property
    def orphan(self) -> bool:
        return self.orphan_version is not None


def entry_matches(entry: PaneEntry, query: str) -> bool:
    """Whether the filter `query` matches an entry: text in the quote, note or claimant,
    `#tag` (or a tag name), or a claim status / kind."""
    query = query.strip().casefold()
    if not query:
        return True
    annotation = entry.annotation
    if query.startswith("#"):
        return any(query[1:] in tag.casefold() for tag in annotation.tags)
    fields = [annotation.quote, annotation.note, annotation.kind, *annotation.tags]
    if entry.orphan:
        fields.append("orphan")
    if annotation.changed:
        fields += ["changed", annotation.marked_quote or ""]
    if annotation.moved:
        fields.append("moved")
    if annotation.claim is not None:
        fields += [
            annotation.claim.claimant,
            annotation.claim.status.value,
            *annotation.claim.sources,
        ]
    return any(query in field.casefold() for field in fields)


def changed_run(old: Sequence[PaneEntry], new: Sequence[PaneEntry]) -> tuple[int, int, int]:
    """`(first, old_end, new_end)` such that `old[first:old_end]` became
    `new[first:new_end]` and everything before and after is the same objects (compared
    by identity, in C: an edit among 5,000 entries costs microseconds)."""
    common = min(len(old), len(new))
    first = next(compress(count(), map(is_not, old, new)), common)
    same_tail = next(compress(count(), map(is_not, reversed(old), reversed(new))), common)
    same_tail = min(same_tail, common - first)
    return first, len(old) - same_tail, len(new) - same_tail


def _is_orphan(entry: PaneEntry) -> bool:
    return entry.orphan


QUOTE_LINES = 2
"""The most lines a quote takes; longer quotes are clipped with an ellipsis."""
_CACHE_SIZE = 400
"""Drawn entries kept; the cache is emptied when it grows past this."""


def wrap_quote(quote: str, width: int) -> list[str]:
    """A one-line quote in one or two lines of `width` cells, broken at a space if one fits,
    the second clipped with "…"."""
    if cell_len(quote) <= width:
        return [quote]
    cut = max(1, _chop(quote, width))
    space = quote.rfind(" ", 0, cut + 1)
    if space > 0:
        first, rest = quote[:space], quote[space + 1 :]
    else:
        first, rest = quote[:cut], quote[cut:]
    return [first, clip(rest.lstrip(" "), width)]


def _fit(pieces: list[tuple[str, Style]], width: int) -> list[Segment]:
    """Segments of `pieces` in at most `width` cells, ending with "…" if cut."""
    segments: list[Segment] = []
    used = 0
    for index, (text, style) in enumerate(pieces):
        cells = cell_len(text)
        rest_fits = used + cells + sum(cell_len(t) for t, _ in pieces[index + 1 :]) <= width
        if rest_fits or used + cells < width:
            segments.append(Segment(text, style))
            used += cells
            continue
        segments.append(Segment(clip(text + " ", width - used), style))
        break
    return segments


class AnnotationPane(ScrollView, can_focus=True):
    """A list of the article's annotations; the one under the cursor is highlighted."""

    SCROLL_JUMP: ClassVar[float] = 0.3
    """Extra fraction of the height scrolled when the highlight leaves the view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Jump", tooltip="Jump the article to this annotation"),
        Binding("e", "edit", "Edit", tooltip="Edit this annotation's note, tags or claim"),
        Binding("x", "delete", "Delete", tooltip="Delete this annotation (u undoes)"),
        Binding(
            "r",
            "reattach",
            "Re-attach",
            tooltip="Put it (an orphan) on the text selected in the article",
        ),
        Binding("slash", "filter", "Filter", tooltip="Filter by text, #tag or claim status"),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next annotation"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous annotation"),
        Binding("home", "first", "First", show=False, tooltip="First annotation"),
        Binding("end", "last", "Last", show=False, tooltip="Last annotation"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="Page down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="Page up"),
    ]
    """Keys of the pane."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"annotation-pane--highlight", "annotation-pane--thumb"}
    """The highlighted entry's style; the app's CSS may override it."""

    DEFAULT_CSS = """
    AnnotationPane {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;  /* the pane draws its own indicator (tui.widgets.thumb) */
    }
    AnnotationPane > .annotation-pane--thumb { color: $text-muted 60%; }
    AnnotationPane > .annotation-pane--highlight { background: $accent 30%; }
    """

    entries: reactive[tuple[PaneEntry, ...]] = reactive((), always_update=True, repaint=False)
    """Every annotation of the article, in document order (bound by the reader screen)."""
    current_id: reactive[int | None] = reactive(None, repaint=False)
    """The annotation under the article cursor: highlighted as the cursor moves."""
    dark: reactive[bool] = reactive(True, repaint=False)
    """Whether the theme is dark (chooses the colour swatches)."""
    filter_text: reactive[str] = reactive("", repaint=False)
    """The pane's filter; empty shows everything."""

    @dataclass
    class Chosen(Message):
        """The user picked an annotation (enter): jump the article there."""

        annotation_id: int

    @dataclass
    class EditRequested(Message):
        """The user asked to edit an annotation (e)."""

        annotation_id: int

    @dataclass
    class DeleteRequested(Message):
        """The user asked to delete an annotation (x)."""

        annotation_id: int

    @dataclass
    class ReattachRequested(Message):
        """The user asked to put an annotation on the article's selection (r)."""

        annotation_id: int

    @dataclass
    class SummaryChanged(Message):
        """How many entries the pane shows, or its filter, changed (see `summary`)."""

        summary: str

    @dataclass
    class FilterRequested(Message):
        """The user asked to change the filter (/): the screen asks for the text."""

        current: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._frame: _LineFrame | None = None
        """While `render_lines` draws: the geometry its lines share."""
        self._summary = ""
        """What `SummaryChanged` last said."""
        self._built_from: tuple[PaneEntry, ...] = ()
        """The `entries` the lists below were built from: a new value is patched from it."""
        self._shown: list[PaneEntry] = []
        self._source: list[int] | None = None
        """Each shown entry's index in `entries` while a filter hides some (None: all
        are shown, each in the row of its index)."""
        self._ids: list[int] = []
        """Each shown entry's annotation id."""
        self._quotes: list[str] = []
        """Each shown entry's quote on one line."""
        self._quote_cells: list[int] = []
        self._has_note: list[bool] = []
        self._extra: list[int] = []
        """Lines each shown entry has besides header, quote and note: the words as
        marked (changed), the Orphans heading (the first orphan)."""
        self._tops: list[int] = [0]
        """Virtual row of each shown entry's first line (and the total, last)."""
        self._layout_width = -1
        """The width the tops were computed for; -1 when they must be computed again."""
        self._highlighted: int | None = None
        self._scroll_pending = False
        self._cache: dict[tuple[int, bool], list[Strip]] = {}
        self._blank_strip: Strip | None = None
        self._empty_strips: tuple[int, list[Strip]] | None = None
        self._base: Style | None = None

    # -- data ------------------------------------------------------------------------

    def watch_entries(self, old: tuple[PaneEntry, ...], entries: tuple[PaneEntry, ...]) -> None:
        if old is self._built_from:
            self._patch(old, entries)
        else:
            self._rebuild()

    def watch_filter_text(self) -> None:
        self._rebuild()

    def watch_dark(self) -> None:
        self._invalidate()

    def watch_current_id(self, annotation_id: int | None) -> None:
        row = self._row_of(annotation_id)
        if row is not None:
            self.highlighted = row

    def _rebuild(self) -> None:
        """Filter the entries again and recompute the layout, keeping the highlight."""
        old = self.annotation_at(self._highlighted)
        old_row = self._highlighted
        query = self.filter_text
        entries = self.entries
        source = (
            [index for index, e in enumerate(entries) if entry_matches(e, query)]
            if query.strip()
            else None
        )
        shown = list(entries) if source is None else [entries[index] for index in source]
        self._built_from = entries
        self._source = source
        self._shown = shown
        self._ids = [e.annotation.id for e in shown]
        self._quotes = [visible(_squash(e.annotation.quote)) for e in shown]
        self._quote_cells = [_cells(q) for q in self._quotes]
        self._has_note = [bool(e.annotation.note.strip()) for e in shown]
        first_orphan = self._first_orphan()
        self._extra = [
            int(e.annotation.changed and not e.orphan) + int(row == first_orphan)
            for row, e in enumerate(shown)
        ]
        self._layout_width = -1
        self._cache.clear()
        self._empty_strips = None
        self._settle(old, old_row)
        self.refresh()

    def _patch(self, old: tuple[PaneEntry, ...], entries: tuple[PaneEntry, ...]) -> None:
        """Show `entries` where `old` was shown, redoing only the entries that changed.

        The reader screen changes one annotation per edit, keeping every other entry as
        the same object, so the change is the run of entries that differ (by identity)
        between the two tuples: it is filtered, measured and drawn; the rows after it move
        by the difference in count and height (prefix sums shifted, not recomputed)."""
        highlighted = self.annotation_at(self._highlighted)
        old_row = self._highlighted
        first, old_end, new_end = changed_run(old, entries)
        query = self.filter_text
        run: Sequence[int] = range(first, new_end)
        if query.strip():
            run = [index for index in run if entry_matches(entries[index], query)]
        added = [entries[index] for index in run]
        source = self._source  # a list exactly while a filter is set (see _rebuild)
        if source is None:
            low, high = first, old_end
        else:
            low, high = bisect_left(source, first), bisect_left(source, old_end)
            shift = new_end - old_end
            tail = source[high:]
            source[low:] = [*run, *(map(add, tail, repeat(shift)) if shift else tail)]
        was_empty = not self._shown
        old_heading = self._first_orphan()
        self._shown[low:high] = added
        self._ids[low:high] = [e.annotation.id for e in added]
        quotes = [visible(_squash(e.annotation.quote)) for e in added]
        self._quotes[low:high] = quotes
        self._quote_cells[low:high] = [_cells(q) for q in quotes]
        self._has_note[low:high] = [bool(e.annotation.note.strip()) for e in added]
        self._extra[low:high] = [int(e.annotation.changed and not e.orphan) for e in added]
        self._built_from = entries
        moved = len(added) - (high - low)
        end = low + len(added)  # the run's rows, now
        # The Orphans heading is an extra line of the first orphan: it moves with it.
        heading = self._first_orphan()
        outside: set[int] = set()  # rows outside the run whose height changed
        if old_heading is not None and not low <= old_heading < high:
            shifted = old_heading if old_heading < low else old_heading + moved
            self._extra[shifted] -= 1
            outside.add(shifted)
        if heading is not None:
            self._extra[heading] += 1
            if not low <= heading < end:
                outside ^= {heading}  # (the same row keeps it: nothing changed there)
        if moved or added or high > low or outside:
            self._cache = {
                (row if row < low else row + moved, lit): strips
                for (row, lit), strips in self._cache.items()
                if (row < low or row >= high) and (row if row < low else row + moved) not in outside
            }
        width = self._layout_width
        if width < 0 or was_empty or not self._shown:  # the first layout, or the empty text
            self._empty_strips = None
            self._layout_width = -1  # measured as a whole
            self._settle(highlighted, old_row)
            self.refresh()
            return
        tops = self._tops
        old_total = tops[-1]
        text_width = self._text_width(width)
        start = min((low, *outside))
        if outside:  # rare (the first orphan changed): measure on from the first change
            tops[start:] = accumulate(
                self._heights(start, len(self._shown), text_width), initial=tops[start]
            )
            grown = 1  # draw on to the bottom
        else:
            new_tops = list(accumulate(self._heights(low, end, text_width), initial=tops[low]))
            grown = new_tops[-1] - tops[high]
            rest = tops[high + 1 :]
            tops[low:] = [*new_tops, *(map(add, rest, repeat(grown)) if grown else rest)]
        self._set_virtual_height(width, tops[-1])
        self._settle(highlighted, old_row)
        if self._layout_width != width:
            return  # the width changed meanwhile: laid out and drawn again as a whole
        # Draw again what changed: the run's rows (and every row below it, if it moved),
        # the entries whose highlight changed, and the indicator if the length changed.
        self._refresh_rows(tops[start], tops[end] if grown == 0 else None)
        for annotation in (highlighted, self.annotation_at(self._highlighted)):
            row = self._row_of(annotation.id) if annotation is not None else None
            if row is not None:
                self._refresh_entry(row)
        if tops[-1] != old_total:
            top, height = round(self.scroll_y), self.scrollable_content_region.height
            for total in (old_total, tops[-1]):
                for y in thumb_rows(top, height, max(0, total - 1)):
                    self._refresh_rows(top + y, top + y + 1)

    def _set_virtual_height(self, width: int, rows: int) -> None:
        """Set the scrollable size after an edit changed how many rows the entries take.

        The pane's size on screen stays the same, so the screen needs no new layout:
        assigning `virtual_size` would ask for one, of every widget, which cost an edit at
        5,000 annotations about as much again as the edit itself. The rows that moved are
        redrawn by the caller; the scroll position is kept inside the new length."""
        size = Size(width, max(0, rows - 1))
        if size == self.virtual_size:
            return
        self.set_reactive(AnnotationPane.virtual_size, size)
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def _refresh_rows(self, first: int, end: int | None) -> None:
        """Redraw virtual rows `first..end` (end exclusive; None: to the bottom of the
        view) where they are on screen."""
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        first, end = max(first, top), bottom if end is None else min(end, bottom)
        if first < end:
            self.refresh_lines(first, end - first)

    def _settle(self, old: Annotation | None, old_row: int | None) -> None:
        """After the shown entries changed: index them by id, keep the highlight on the
        annotation under the cursor (else on the one highlighted before, else on the row
        it was on), lay out, and say how many there are (`summary`; the caller redraws)."""
        shown = self._shown
        self._highlighted = None
        row = self._row_of(self.current_id)
        if row is None and old is not None:
            row = self._row_of(old.id)
        if row is None and old_row is not None and shown:
            row = min(old_row, len(shown) - 1)
        self._highlighted = row
        self._scroll_pending = row is not None
        self._relayout()
        query = self.filter_text
        if query:
            # The count first: a long filter is cut short at the end, the count never.
            summary = f"{len(shown)} of {len(self.entries)} · filter: {visible(query)}"
        else:
            count = len(shown)
            summary = f"{count} annotation{'' if count == 1 else 's'}" if shown else ""
        if summary != self._summary:
            self._summary = summary
            self.post_message(self.SummaryChanged(summary))

    @property
    def summary(self) -> str:
        """What the pane shows, in words: "3 annotations", "1 of 3 · filter: #flood", or ""
        when it shows nothing (the screen puts it above the pane)."""
        return self._summary

    def _row_of(self, annotation_id: int | None) -> int | None:
        """The row showing annotation `annotation_id`, if shown (a scan in C: it is asked
        when the annotation under the cursor changes, and once per edit)."""
        if annotation_id is None:
            return None
        try:
            return self._ids.index(annotation_id)
        except ValueError:
            return None

    def _first_orphan(self) -> int | None:
        """The row of the first orphan shown (the Orphans heading goes above it), if any:
        the entries list this text's annotations first, the orphans after them."""
        shown = self._shown
        row = bisect_left(shown, True, key=_is_orphan)
        return row if row < len(shown) else None

    # -- layout ----------------------------------------------------------------------

    def _text_width(self, width: int | None = None) -> int:
        """Cells for an entry's text in a pane `width` cells wide (default: the current
        one): one cell of padding each side, and the last column for the indicator."""
        if width is None:
            width = self.scrollable_content_region.width
        return max(8, width - 3)

    def _relayout(self) -> None:
        """Compute each entry's height and top row for the current width (if it changed)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        if width != self._layout_width:
            heights = self._heights(0, len(self._shown), self._text_width())
            self._tops = list(accumulate(heights, initial=0))
            self._layout_width = width
            self._cache.clear()
            self.virtual_size = Size(width, max(0, self._tops[-1] - 1))
        if self._scroll_pending:
            self._scroll_to_highlight()

    def _heights(self, start: int, end: int, text_width: int) -> Iterator[int]:
        """The heights (separator included) of shown entries `start..end` (end exclusive)
        with `text_width` cells for their text."""
        return (
            2 + (1 if cells <= text_width else QUOTE_LINES) + note + extra
            for cells, note, extra in zip(
                self._quote_cells[start:end],
                self._has_note[start:end],
                self._extra[start:end],
                strict=True,
            )
        )

    def on_resize(self, event: events.Resize) -> None:
        """Recompute the heights when the width changes."""
        self._relayout()

    def notify_style_update(self) -> None:
        """The CSS or the theme changed: draw again."""
        super().notify_style_update()
        self._forget_drawing()

    def _invalidate(self) -> None:
        self._forget_drawing()
        self.refresh()

    def _forget_drawing(self) -> None:
        """Drop the drawn entries and the styles they were drawn with."""
        self._cache.clear()
        self._blank_strip = None
        self._empty_strips = None
        self._base = None

    def _entry_at_row(self, row: int) -> int | None:
        """The shown entry drawn on virtual `row` (its separator included), if any."""
        if not self._shown or row < 0 or row >= self._tops[-1]:
            return None
        return bisect_right(self._tops, row) - 1

    def _content_height(self, index: int) -> int:
        """Lines of entry `index` without its separator."""
        return self._tops[index + 1] - self._tops[index] - 1

    def _scroll_to_highlight(self) -> None:
        """Scroll just enough to show the highlighted entry (its top, if it cannot all fit)."""
        index = self._highlighted
        height = self.scrollable_content_region.height
        if index is None or height <= 0 or self._layout_width < 0:
            self._scroll_pending = index is not None
            return
        self._scroll_pending = False
        top = self._tops[index]
        bottom = top + self._content_height(index) - 1
        scroll_top = round(self.scroll_y)
        # Scroll a third of the pane past what is needed, as the article view does, so that
        # walking through annotations repaints the pane every few steps, not every step.
        jump = int(height * self.SCROLL_JUMP)
        if top < scroll_top:
            new_top = max(top - jump, bottom - height + 1)
        elif bottom > scroll_top + height - 1:
            new_top = min(top, bottom - height + 1 + jump)
        else:
            return
        self.scroll_to(y=max(0, new_top), animate=False, force=True)

    # -- highlight -------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The highlighted row (an index into `shown`), if any."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, row: int | None) -> None:
        if row is not None:
            row = min(max(row, 0), len(self._shown) - 1) if self._shown else None
        old = self._highlighted
        self._highlighted = row
        if row != old:
            for index in (old, row):
                if index is not None:
                    self._refresh_entry(index)
        if row is not None:
            self._scroll_to_highlight()
            if row != old:
                self.call_after_refresh(self._predraw)

    def _predraw(self) -> None:
        """Draw the entries a screen above and below the view once the frame is out, so
        that the next scroll finds them drawn (walking with `]` scrolls every few keys)."""
        height = self.scrollable_content_region.height
        if self._layout_width < 0 or height <= 0 or not self._shown:
            return
        top = round(self.scroll_y)
        first = self._entry_at_row(max(0, top - height))
        last = self._entry_at_row(min(self._tops[-1] - 1, top + 2 * height))
        if first is None or last is None:
            return
        for index in range(first, min(last + 1, first + _CACHE_SIZE // 2)):
            self._entry_strips(index)

    def _refresh_entry(self, index: int) -> None:
        if self._layout_width < 0 or index + 1 >= len(self._tops):
            self.refresh()
            return
        top = self._tops[index]
        self.refresh_lines(top, self._tops[index + 1] - top)

    # -- drawing ---------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the lines in `crop`. What every line needs to know (the width, the scroll
        position, where the thumb is) is worked out once for all of them: Textual asks
        for the lines one by one, and these are computed properties that walk the styles
        (a third of the time of a line, when an edit redraws the whole pane)."""
        self._frame = self._line_frame()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _line_frame(self) -> _LineFrame:
        region = self.scrollable_content_region
        if self._layout_width != region.width:
            self._relayout()
        top = self.scroll_offset.y
        total = self._tops[-1] - 1 if self._shown else 0
        thumb = thumb_rows(top, region.height, total)
        style = self.get_component_rich_style("annotation-pane--thumb") if thumb else None
        return _LineFrame(region.width, top, thumb, style)

    def render_line(self, y: int) -> Strip:
        """The strip for screen line `y`."""
        frame = self._frame or self._line_frame()
        width = frame.width
        row = frame.top + y
        index = self._entry_at_row(row)
        strip: Strip
        if not self._shown:
            empty = self._empty_lines(width)
            strip = empty[row] if row < len(empty) else self._blank(width)
        elif index is None:
            strip = self._blank(width)
        else:
            line = row - self._tops[index]
            strips = self._entry_strips(index)
            strip = strips[line] if line < len(strips) else self._blank(width)  # separator
        if frame.thumb_style is not None and y in frame.thumb:
            return with_thumb(strip, frame.thumb_style)
        return strip

    def empty_message(self) -> str:
        """What the pane says when it shows nothing: what to do next."""
        if self.entries:
            return (
                f"Nothing matches “{visible(self.filter_text.strip())}”.\n\n"
                "/ changes the filter; / then enter on an empty line shows every annotation."
            )
        return (
            "No annotations yet.\n\n"
            "Select text: s takes the sentence, p the paragraph, and v starts a selection "
            "that w, ) and } extend.\n\n"
            "Then press h to highlight it, t to tag it, n to add a note or c to record a "
            "claim.\n\n"
            "? lists every key."
        )

    def _empty_lines(self, width: int) -> list[Strip]:
        """The empty message wrapped to `width` (one cell of padding each side), dim."""
        cached = self._empty_strips
        if cached is not None and cached[0] == width:
            return cached[1]
        base = self._base_style()
        style = base + Style(dim=True)
        console = self.app.console
        lines = Text(self.empty_message(), style=style).wrap(console, max(8, width - 2))
        strips = [
            Strip(
                [Segment(" ", base), *line.render(console), Segment("", base)]
            ).adjust_cell_length(width, base)
            for line in lines
        ]
        self._empty_strips = (width, strips)
        return strips

    def _blank(self, width: int) -> Strip:
        """An empty line."""
        blank = self._blank_strip
        if blank is None or blank.cell_length != width:
            blank = self._blank_strip = Strip.blank(width, self._base_style())
        return blank

    def _base_style(self) -> Style:
        """The pane's own style, kept until the CSS or theme changes: `rich_style` walks
        the DOM (~0.2 ms), too slow to ask for every line or entry."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def _entry_strips(self, index: int) -> list[Strip]:
        """The lines of shown entry `index` (without its separator), cached."""
        highlighted = index == self._highlighted
        key = (index, highlighted)
        strips = self._cache.get(key)
        if strips is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            strips = self._cache[key] = self._draw_entry(index, highlighted)
        return strips

    def _draw_entry(self, index: int, highlighted: bool) -> list[Strip]:
        entry = self._shown[index]
        a = entry.annotation
        width = self.scrollable_content_region.width
        text_width = self._text_width(width)
        base = self._base_style()
        if highlighted:
            bgcolor = self.get_component_rich_style("annotation-pane--highlight").bgcolor
            base += Style(bgcolor=bgcolor)
        dim, italic, bold = Style(dim=True), Style(italic=True), Style(bold=True)
        swatch = background(color_name(a.color, a.tags), self.dark)
        header: list[tuple[str, Style]] = [
            ("▌", base + Style.parse(swatch)),
            (f"¶{entry.paragraph} ", base + dim),
        ]
        lines: list[list[Segment]] = []
        if entry.orphan and (index == 0 or not self._shown[index - 1].orphan):
            lines.append([Segment("Orphans: words gone from this version", base + bold)])
        if entry.orphan:
            header = [
                ("▌", base + Style.parse(swatch)),
                (" orphan ", base + Style.parse("bold black on grey62")),
                (f" last in v{entry.orphan_version} ", base + dim),
            ]
        if a.claim is not None:
            status = a.claim.status.value
            badge = Style.parse(f"bold black on {STATUS_COLORS.get(status, 'grey62')}")
            header.append((f" {status} ", base + badge))
            if a.changed and not entry.orphan:
                header.append((" ⚠ CHANGED ", base + Style.parse("bold black on yellow")))
            if a.moved and not entry.orphan:
                header.append((" ⚠ MOVED ", base + Style.parse("bold black on yellow")))
            if a.claim.claimant:
                header.append((" " + visible(_squash(a.claim.claimant)), base))
        else:
            header.append((a.kind, base + italic))
            if a.changed and not entry.orphan:
                header.append((" ⚠ changed", base + Style.parse("bold yellow")))
            if a.moved and not entry.orphan:
                header.append((" ⚠ moved", base + Style.parse("bold yellow")))
        if a.tags:
            header.append(("  " + visible(" ".join(f"#{t}" for t in a.tags)), base + bold))
        lines.append(_fit(header, text_width))
        for quote_line in wrap_quote(self._quotes[index], text_width):
            lines.append([Segment(quote_line, base)])
        if a.marked_quote is not None and not entry.orphan:
            was = visible(_squash(a.marked_quote))
            lines.append(
                [
                    Segment("was ", base + dim),
                    Segment(clip(was, text_width - 4), base + dim + Style(strike=True)),
                ]
            )
        if self._has_note[index]:
            first_line = visible(_squash(a.note.strip().splitlines()[0]))
            lines.append([Segment("✎ " + clip(first_line, text_width - 2), base + italic + dim)])
        pad = Segment(" ", base)
        return [Strip([pad, *segments]).adjust_cell_length(width, base) for segments in lines]

    # -- queries ---------------------------------------------------------------------

    def annotation_at(self, row: int | None) -> Annotation | None:
        """The annotation shown in `row`, if any."""
        if row is None or not 0 <= row < len(self._shown):
            return None
        return self._shown[row].annotation

    @property
    def shown(self) -> list[PaneEntry]:
        """The entries shown (after filtering), top to bottom."""
        return list(self._shown)

    # -- actions ---------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        """Highlight the next annotation."""
        row = self._highlighted
        self.highlighted = 0 if row is None else row + 1

    def action_cursor_up(self) -> None:
        """Highlight the previous annotation."""
        row = self._highlighted
        self.highlighted = len(self._shown) - 1 if row is None else max(0, row - 1)

    def action_first(self) -> None:
        """Highlight the first annotation."""
        self.highlighted = 0

    def action_last(self) -> None:
        """Highlight the last annotation."""
        self.highlighted = len(self._shown) - 1

    def _move_page(self, direction: int) -> None:
        """Highlight the entry a pane's height away (at least the next one)."""
        row = self._highlighted
        if row is None:
            self.highlighted = 0 if direction < 0 else len(self._shown) - 1
            return
        if self._layout_width < 0:
            self.highlighted = row + direction
            return
        page = self.scrollable_content_region.height
        index = self._entry_at_row(page_row(self._tops[row], direction, page, self._tops[-1]))
        if index is None or index == row:
            index = row + direction
        self.highlighted = index

    def action_page_down(self) -> None:
        """Highlight the annotation a page further down."""
        self._move_page(1)

    def action_page_up(self) -> None:
        """Highlight the annotation a page further up."""
        self._move_page(-1)

    def action_choose(self) -> None:
        """Jump the article to the highlighted annotation."""
        annotation = self.annotation_at(self.highlighted)
        if annotation is not None:
            self.post_message(self.Chosen(annotation.id))

    def action_edit(self) -> None:
        """Ask to edit the highlighted annotation."""
        annotation = self.annotation_at(self.highlighted)
        if annotation is None:
            self.notify("No annotation to edit here.", severity="warning")
            return
        self.post_message(self.EditRequested(annotation.id))

    def action_delete(self) -> None:
        """Ask to delete the highlighted annotation."""
        annotation = self.annotation_at(self.highlighted)
        if annotation is None:
            self.notify("No annotation to delete here.", severity="warning")
            return
        self.post_message(self.DeleteRequested(annotation.id))

    def action_reattach(self) -> None:
        """Ask to put the highlighted annotation on the article's selection."""
        annotation = self.annotation_at(self.highlighted)
        if annotation is None:
            self.notify("No annotation to re-attach here.", severity="warning")
            return
        self.post_message(self.ReattachRequested(annotation.id))

    def action_filter(self) -> None:
        """Ask for a new filter."""
        self.post_message(self.FilterRequested(self.filter_text))

    def on_click(self, event: events.Click) -> None:
        """A click on an entry highlights it and jumps the article there."""
        point = event.get_content_offset(self)
        if point is None:
            return
        if self._layout_width != self.scrollable_content_region.width:
            self._relayout()
        row = self.scroll_offset.y + point.y
        index = self._entry_at_row(row)
        if index is None or row - self._tops[index] >= self._content_height(index):
            return  # below the last entry, or a separator
        event.stop()
        self.highlighted = index
        self.action_choose()
