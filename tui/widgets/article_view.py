"""The article view: one article's text, for reading, moving through and selecting.

A Line API widget (`ScrollView` + `render_line`): only the visible lines are drawn, so a
1 MB article with thousands of marks scrolls and moves as fast as a short one.

Layout, top to bottom: the title (bold) and the byline (dim), which are not part of the text
and have no offsets; a blank line; then every paragraph wrapped at min(available width, 90)
cells, with one blank line between paragraphs. A dim gutter on the left shows ¶N on the first
line of paragraph N and a note marker (✎) on every line that holds part of an annotation
with a note.

Model: the text is a `str` (paragraphs joined by a single "\\n", see `store.text`); the cursor
is a character offset in `0..len(text)`; a selection is `(anchor, cursor)` normalised to
`(start, end)`, end exclusive. The cursor can sit on the "\\n" that ends a paragraph (or at the
end of the text): it is then drawn one cell after the paragraph's last character.

The widget draws and answers keys; the rest lives in pure modules beside it:
`tui.widgets.wrapping` (cell-aware wrapping), `tui.widgets.article_layout` (rows, columns
and offsets at one width), `tui.widgets.marks` (the marks and their index),
`tui.widgets.motions` (where word, sentence and paragraph motions land) and `tui.colors`
(contrast).

Cell widths follow Rich (`rich.cells`): wide characters take two cells, combining marks and
zero-width joiners none. Lines only break between graphemes, the cursor only rests on the
first character of a grapheme, and styles change only at grapheme boundaries, so the cursor,
the selection and the highlights stay aligned with what the terminal shows.

Speed: the whole text is wrapped once per width (a 1 MB article takes a few milliseconds at
90 columns: one-cell text is wrapped with `str.rfind`, only lines holding wide or zero-width
characters are measured grapheme by grapheme), so the scrollbar is exact from the first
frame and a resize re-wraps everything at once. Marks are bucketed per paragraph, sentences
are found per paragraph on first use, and rendered lines are cached per row: a key redraws
only the rows whose cursor, selection or scroll position changed, and an edit (one mark
added, changed or removed) only the rows under that mark.

Drawing, bottom layer first:

- A mark's background is its `color`. Where marks overlap, the innermost (shortest) mark wins,
  ties going to the most recent (highest `annotation_id`). The first and last cell of every
  mark get a stronger tint of its colour (blended a quarter of the way towards the text
  colour), so nested marks, marks sharing an edge and adjacent marks of one colour stay
  distinguishable, and the outer mark's colour shows around an inner one.
- A claim is underlined and its text drawn in its status colour (`tui.colors.STATUS_COLORS`),
  darkened or lightened until it is readable on the background under it.
- Suggestions (only while `show_suggestions` is on) are italic and underlined in a muted colour.
- Search matches take the `article-view--search` background, the selection the
  `article-view--selection` background, over everything; the cursor is `article-view--cursor`
  (reverse video), also on a paragraph end.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import ClassVar, NamedTuple

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimmark.store.models import ClaimStatus
from claimmark.tui.colors import STATUS_COLORS, parse_color, readable
from claimmark.tui.widgets.article_layout import ArticleLayout, Line
from claimmark.tui.widgets.marks import Mark, MarkIndex
from claimmark.tui.widgets.motions import (
    Sentences,
    paragraph_next,
    paragraph_previous,
    trim_span,
    word_end,
    word_end_previous,
    word_next,
    word_previous,
)
from claimmark.tui.widgets.paging import page_row
from claimmark.tui.widgets.thumb import thumb_rows, with_thumb

NOTE_MARKER = "✎"

_STRIP_CACHE_SIZE = 1024


class _Palette(NamedTuple):
    """Styles resolved from the widget's CSS and the app theme."""

    base: Style
    foreground: Color
    background: Color
    gutter: Style
    note: Style
    title: Style
    byline: Style
    cursor: Style
    selection: Color
    search: Color
    suggestion: Color
    suggestion_style: Style
    claims: dict[str, Color]
    thumb: Style


_StyleKey = tuple[str | None, bool, str | None, bool, bool, bool, bool]
"""(mark colour, mark edge, claim status, suggestion, search match, selected, cursor)."""


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; owns the cursor and the selection, draws marks and search matches.

    The reader screen owns everything else: it calls `set_article`, `set_marks` (and
    `put_mark` / `remove_mark` for one edit), `set_suggestions`, `set_search` and
    `move_cursor`, and listens for `CursorMoved` and `SelectionChanged`.
    """

    ALLOW_SELECT = False  # the view selects by itself (keys and mouse), by character offset

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next line"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous line"),
        Binding("right", "cursor_right", "Right", show=False, tooltip="Next character"),
        Binding("left", "cursor_left", "Left", show=False, tooltip="Previous character"),
        Binding("w", "word_next", "Word", show=False, tooltip="Next word"),
        Binding("b", "word_previous", "Back word", show=False, tooltip="Previous word"),
        Binding(
            "right_parenthesis", "sentence_next", "Sentence", show=False, tooltip="Next sentence"
        ),
        Binding(
            "left_parenthesis",
            "sentence_previous",
            "Back sentence",
            show=False,
            tooltip="Previous sentence",
        ),
        Binding(
            "right_curly_bracket",
            "paragraph_next",
            "Paragraph",
            show=False,
            tooltip="Next paragraph",
        ),
        Binding(
            "left_curly_bracket",
            "paragraph_previous",
            "Back paragraph",
            show=False,
            tooltip="Previous paragraph (or the start of this one)",
        ),
        Binding("g,home", "text_start", "Top", show=False, tooltip="Start of the article"),
        Binding("G,end", "text_end", "Bottom", show=False, tooltip="End of the article"),
        Binding("pagedown,space", "page_down", "Page down", show=False, tooltip="Page down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="Page up"),
        Binding(
            "shift+right",
            "select_right",
            "Extend right",
            show=False,
            tooltip="Extend the selection by a character",
        ),
        Binding(
            "shift+left",
            "select_left",
            "Extend left",
            show=False,
            tooltip="Extend the selection back by a character",
        ),
        Binding(
            "shift+down",
            "select_down",
            "Extend down",
            show=False,
            tooltip="Extend the selection by a line",
        ),
        Binding(
            "shift+up",
            "select_up",
            "Extend up",
            show=False,
            tooltip="Extend the selection back by a line",
        ),
        Binding("v", "toggle_select_mode", "Select", tooltip="Selection mode: motions extend"),
        Binding("s", "select_sentence", "Sentence", tooltip="Select the sentence here"),
        Binding("p", "select_paragraph", "Paragraph", tooltip="Select the paragraph here"),
        Binding(
            "escape",
            "clear_selection",
            "Clear",
            show=False,
            tooltip="Clear the selection (and leave selection mode)",
        ),
    ]
    """Motions (hidden from the footer) and selection keys."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--gutter",
        "article-view--note",
        "article-view--title",
        "article-view--byline",
        "article-view--cursor",
        "article-view--selection",
        "article-view--search",
        "article-view--suggestion",
        "article-view--thumb",
    }
    """Styles of the view's parts; the app's CSS may override any of them."""

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;  /* the view draws its own indicator (tui.widgets.thumb) */
    }
    ArticleView > .article-view--gutter { color: $text-muted; }
    ArticleView > .article-view--note { color: $text-accent; text-style: bold; }
    ArticleView > .article-view--title { color: $text; text-style: bold; }
    ArticleView > .article-view--byline { color: $text-muted; text-style: italic; }
    ArticleView > .article-view--cursor { text-style: reverse; }
    ArticleView > .article-view--selection { background: $accent 55%; }
    ArticleView > .article-view--search { background: $warning 45%; }
    ArticleView > .article-view--suggestion { color: $text-muted; text-style: italic underline; }
    ArticleView > .article-view--thumb { color: $text-muted 60%; }
    """

    SCROLL_JUMP: ClassVar[float] = 0.3
    """When the cursor leaves the view, scroll by at least this fraction of its height.

    Scrolling in steps rather than line by line means far fewer full repaints, which keeps
    `j` fast and saves bandwidth over SSH (every scroll resends the whole view). 0 scrolls
    line by line.
    """

    show_suggestions: reactive[bool] = reactive(False)
    """Draw the suggestion spans given to `set_suggestions`."""

    @dataclass
    class CursorMoved(Message):
        """The cursor moved to `offset`."""

        offset: int
        article_view: ArticleView | None = field(default=None, repr=False, compare=False)

        @property
        def control(self) -> ArticleView | None:
            """The view that sent the message."""
            return self.article_view

    @dataclass
    class SelectionChanged(Message):
        """The selection changed; `selection` is `(start, end)` or None."""

        selection: tuple[int, int] | None
        article_view: ArticleView | None = field(default=None, repr=False, compare=False)

        @property
        def control(self) -> ArticleView | None:
            """The view that sent the message."""
            return self.article_view

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._layout = ArticleLayout()
        self._sentences = Sentences("", self._layout.para_spans)
        # state
        self._cursor = 0
        self._pending_top: int | None = None
        self._anchor: int | None = None
        self._select_mode = False
        self._goal: int | None = None
        self._dragging = False
        # decorations
        self._marks = MarkIndex()
        self._suggestions: list[tuple[int, int]] = []
        self._suggestion_ends: list[int] = []
        self._search: str | None = None
        self._match_starts: list[int] = []
        self._match_ends: list[int] = []
        # caches
        self._strips: dict[int, Strip] = {}
        self._palette: _Palette | None = None
        self._styles: dict[_StyleKey, Style] = {}

    # -- public API ------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The article text shown."""
        return self._layout.text

    @property
    def cursor(self) -> int:
        """The cursor's character offset."""
        return self._cursor

    @cursor.setter
    def cursor(self, offset: int) -> None:
        self.move_cursor(offset)

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selection as `(start, end)`, end exclusive, or None if nothing is selected.

        It never starts or ends with whitespace (what lies between the anchor and the
        cursor, trimmed), so `v w` on "owners " selects "owners"."""
        anchor = self._anchor
        if anchor is None or anchor == self._cursor:
            return None
        span = (anchor, self._cursor) if anchor < self._cursor else (self._cursor, anchor)
        start, end = trim_span(self._layout.text, *span)
        return (start, end) if end > start else None

    @property
    def selecting(self) -> bool:
        """Is selection mode (`v`) on?"""
        return self._select_mode

    def set_article(self, title: str, byline: str, text: str) -> None:
        """Show a new article: cursor at the start, no selection, marks or search."""
        old_selection = self.selection
        self._layout = ArticleLayout(title, byline, text)
        self._sentences = Sentences(text, self._layout.para_spans)
        self._cursor = 0
        self._anchor = None
        self._select_mode = False
        self._goal = None
        self._marks = MarkIndex()
        self._suggestions, self._suggestion_ends = [], []
        self._search, self._match_starts, self._match_ends = None, [], []
        self._strips.clear()
        self._relayout(keep_position=False)
        if self.is_mounted:
            self.scroll_to(0, 0, animate=False, force=True)
        self.post_message(self.CursorMoved(0, self))
        if old_selection is not None:
            self.post_message(self.SelectionChanged(None, self))

    def set_marks(self, marks: Sequence[Mark]) -> None:
        """Replace every mark (O(n log n); the view then looks marks up per paragraph)."""
        layout = self._layout
        self._marks = MarkIndex(marks, len(layout.text), layout.para_starts)
        self._invalidate_all()

    def put_mark(self, mark: Mark) -> None:
        """Add `mark`, or replace the mark with its `annotation_id`; only the rows under
        the old and the new span are drawn again."""
        old = self._marks.remove(mark.annotation_id)
        new = self._marks.add(mark)
        for changed in (old, new):
            if changed is not None:
                self._invalidate_mark(changed)

    def remove_mark(self, annotation_id: int) -> None:
        """Remove the mark of `annotation_id` (if there is one), redrawing only its rows."""
        old = self._marks.remove(annotation_id)
        if old is not None:
            self._invalidate_mark(old)

    def set_suggestions(self, spans: Sequence[tuple[int, int]]) -> None:
        """Replace the suggestion spans (drawn only while `show_suggestions` is on)."""
        size = len(self._layout.text)
        cleaned = sorted((min(max(start, 0), size), min(max(end, 0), size)) for start, end in spans)
        self._suggestions = [(start, end) for start, end in cleaned if end > start]
        self._suggestion_ends = list(accumulate((end for _, end in self._suggestions), max))
        if self.show_suggestions:
            self._invalidate_all()

    def move_cursor(self, offset: int, *, select: bool = False, scroll: bool = True) -> None:
        """Move the cursor to `offset` (clamped to the text).

        With `select`, or in selection mode, the selection extends from its anchor (the old
        cursor if there was none); otherwise the selection is cleared. With `scroll`, the
        cursor is kept visible: scrolled just into view when near, centred when far.
        """
        offset = self._layout.snap(min(max(offset, 0), len(self._layout.text)))
        self._move(offset, extend=select, scroll=scroll)

    def select_range(self, start: int, end: int) -> None:
        """Select `start..end` (end exclusive); the cursor goes to `end`."""
        layout = self._layout
        size = len(layout.text)
        start = layout.snap(min(max(start, 0), size))
        end = layout.snap(min(max(end, 0), size))
        self._goal = None
        self._update(end, start)

    def clear_selection(self) -> None:
        """Drop the selection and leave selection mode."""
        self._select_mode = False
        if self._anchor is not None:
            self._update(self._cursor, None, scroll=False)

    @property
    def top_offset(self) -> int:
        """The offset of the first text line in view (0 while the title is in view)."""
        layout = self._layout
        if not layout.wrapped:
            return self._pending_top or 0
        top = round(self.scroll_y)
        line = layout.nearest_line(top, 1)
        return 0 if line is None or top < len(layout.header) else line.start

    def show_position(self, cursor: int, top: int) -> None:
        """Put the cursor on `cursor` with the line holding `top` at the top of the view
        (a saved reading position), now or, before the first layout, at it. If the
        cursor would then be out of view, it is scrolled into view instead."""
        self.move_cursor(cursor, scroll=False)
        self._pending_top = min(max(top, 0), len(self._layout.text))
        if self._layout.wrapped:
            self._apply_pending_top()

    def _apply_pending_top(self) -> None:
        top = self._pending_top
        self._pending_top = None
        if top is None:
            return
        layout = self._layout
        row = 0 if top == 0 else layout.row_of(top)
        height = self.scrollable_content_region.height
        cursor_row = layout.row_of(self._cursor)
        if height > 0 and not row <= cursor_row < row + height:
            self._scroll_to_cursor()
            return
        self.scroll_to(y=row, animate=False, force=True)

    def marks_at(self, offset: int) -> list[Mark]:
        """The marks covering `offset`, innermost first (ties: most recent first)."""
        return self._marks.at(offset)

    def next_mark(self, offset: int) -> Mark | None:
        """The first mark starting after `offset`, or None."""
        return self._marks.after(offset)

    def previous_mark(self, offset: int) -> Mark | None:
        """The last mark starting before `offset` (the outermost of those starting there)."""
        return self._marks.before(offset)

    def set_search(self, query: str | None) -> int:
        """Highlight every case-insensitive match of `query` (None or "" clears); the count."""
        if not query:
            self._search, self._match_starts, self._match_ends = None, [], []
        else:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            starts: list[int] = []
            ends: list[int] = []
            for match in pattern.finditer(self._layout.text):
                starts.append(match.start())
                ends.append(match.end())
            self._search, self._match_starts, self._match_ends = query, starts, ends
        self._invalidate_all()
        return len(self._match_starts)

    def next_match(self) -> int | None:
        """Move the cursor to the next match (wrapping round); its offset, or None."""
        starts = self._match_starts
        if not starts:
            return None
        index = bisect_right(starts, self._cursor)
        offset = starts[index if index < len(starts) else 0]
        self._move(self._layout.snap(offset))
        return offset

    def previous_match(self) -> int | None:
        """Move the cursor to the previous match (wrapping round); its offset, or None."""
        starts = self._match_starts
        if not starts:
            return None
        index = bisect_left(starts, self._cursor) - 1
        offset = starts[index]  # index -1 wraps to the last match
        self._move(self._layout.snap(offset))
        return offset

    # -- layout ----------------------------------------------------------------------------

    def _relayout(self, keep_position: bool = True) -> None:
        """Wrap everything for the current width (if it changed, or after a new article)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        layout = self._layout
        if width == layout.width and layout.wrapped:
            return
        # Remember what to keep in place: the cursor row if visible, else the top line.
        anchor_offset: int | None = None
        screen_row = 0
        if keep_position and layout.wrapped:
            top = round(self.scroll_y)
            cursor_row = layout.row_of(self._cursor)
            height = self.scrollable_content_region.height
            if top <= cursor_row < top + height:
                anchor_offset, screen_row = self._cursor, cursor_row - top
            else:
                line = layout.nearest_line(top, 1)
                if line is not None:
                    anchor_offset = line.start
                    screen_row = layout.row_of(line.start) - top
        layout.wrap(width)
        self._strips.clear()
        self.virtual_size = Size(width, layout.total_rows)
        if self._pending_top is not None and self.is_mounted:
            self._apply_pending_top()  # a saved position, set before the first layout
        elif anchor_offset is not None:
            top = max(0, layout.row_of(anchor_offset) - screen_row)
            self.scroll_to(y=top, animate=False, force=True)
        elif self._cursor and self.is_mounted:
            self._scroll_to_cursor()  # moved before the first layout
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap when the width changes."""
        self._relayout()

    def rewrap(self, width: int) -> int:
        """Wrap the whole text at `width` text cells, as a resize would; the line count.

        Used by the benchmark to time wrapping without a terminal.
        """
        return self._layout.line_count(width)

    def _offset_at_point(self, x: int, y: int) -> int:
        """The offset under content coordinates (x, y)."""
        layout = self._layout
        return layout.offset_at(round(self.scroll_y) + y, x - layout.gutter_width)

    # -- state changes ------------------------------------------------------------------------

    def _move(
        self, offset: int, *, extend: bool = False, scroll: bool = True, vertical: bool = False
    ) -> None:
        """A motion: move the cursor, extending the selection if asked or in selection mode."""
        if not vertical:
            self._goal = None
        if extend or self._select_mode:
            anchor = self._anchor if self._anchor is not None else self._cursor
        else:
            anchor = None
        self._update(offset, anchor, scroll=scroll)

    def _update(self, cursor: int, anchor: int | None, *, scroll: bool = True) -> None:
        """Set cursor and anchor, redraw the lines that changed, post messages."""
        old_cursor, old_selection = self._cursor, self.selection
        self._cursor, self._anchor = cursor, anchor
        selection = self.selection
        if self._layout.wrapped:
            self._invalidate_span(old_cursor, old_cursor)
            self._invalidate_span(cursor, cursor)
            if selection != old_selection:
                if old_selection is None or selection is None:
                    start, end = old_selection or selection or (cursor, cursor)
                    self._invalidate_span(start, end)
                else:
                    (a0, b0), (a1, b1) = old_selection, selection
                    if a0 != a1:
                        self._invalidate_span(min(a0, a1), max(a0, a1))
                    if b0 != b1:
                        self._invalidate_span(min(b0, b1), max(b0, b1))
            if scroll:
                self._scroll_to_cursor()
        if cursor != old_cursor:
            self.post_message(self.CursorMoved(cursor, self))
        if selection != old_selection:
            self.post_message(self.SelectionChanged(selection, self))

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough to show the cursor, or centre it after a long jump."""
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        row = self._layout.row_of(self._cursor)
        top = round(self.scroll_y)
        margin = min(2, (height - 1) // 4)
        if top + margin <= row <= top + height - 1 - margin:
            return
        jump = max(1, int(height * self.SCROLL_JUMP)) - 1
        if row < top - height or row >= top + 2 * height:
            new_top = row - height // 2
        elif row < top + margin:
            new_top = row - margin - jump
        else:
            new_top = row - (height - 1 - margin) + jump
        if new_top < top and row <= height - 1 - margin:
            new_top = 0  # near the top: show the title too
        self.scroll_to(y=max(0, new_top), animate=False, force=True)

    # -- actions: motions ----------------------------------------------------------------

    def _goal_column(self, line: Line) -> int:
        """The column vertical motions keep: the one the cursor had when they began."""
        if self._goal is not None:
            return self._goal
        return self._layout.column_of(self._cursor, line)

    def _vertical(self, delta: int, *, extend: bool = False) -> None:
        layout = self._layout
        if not layout.wrapped:
            return
        line = layout.line_of(self._cursor)
        goal = self._goal_column(line)
        row = layout.line_row(line) + delta
        target = layout.line_at_row(row)
        if target is None:
            target = layout.line_at_row(row + delta)
        if target is None:
            if delta < 0:
                self.scroll_to(y=0, animate=False)
            return
        self._move(layout.offset_at_column(target, goal), extend=extend, vertical=True)
        self._goal = goal

    def _page(self, direction: int) -> None:
        layout = self._layout
        if not layout.wrapped:
            return
        page = max(1, self.scrollable_content_region.height - 1)  # a line of overlap
        line = layout.line_of(self._cursor)
        goal = self._goal_column(line)
        row = page_row(layout.line_row(line), direction, page, layout.total_rows)
        target = layout.nearest_line(row, direction)
        if target is None:
            return
        self.scroll_to(y=max(0, round(self.scroll_y) + direction * page), animate=False)
        self._move(layout.offset_at_column(target, goal), vertical=True)
        self._goal = goal

    def action_cursor_down(self) -> None:
        """Next visual line, keeping the column."""
        self._vertical(1)

    def action_cursor_up(self) -> None:
        """Previous visual line, keeping the column."""
        self._vertical(-1)

    def action_cursor_right(self) -> None:
        """Next character."""
        self._move(self._layout.next_position(self._cursor))

    def action_cursor_left(self) -> None:
        """Previous character."""
        self._move(self._layout.previous_position(self._cursor))

    def action_select_right(self) -> None:
        """Extend the selection by a character."""
        self._move(self._layout.next_position(self._cursor), extend=True)

    def action_select_left(self) -> None:
        """Extend the selection back by a character."""
        self._move(self._layout.previous_position(self._cursor), extend=True)

    def action_select_down(self) -> None:
        """Extend the selection by a line."""
        self._vertical(1, extend=True)

    def action_select_up(self) -> None:
        """Extend the selection back by a line."""
        self._vertical(-1, extend=True)

    def action_word_next(self) -> None:
        """Start of the next word; in selection mode, while the selection grows forwards,
        the end of the word (so a selection made by words ends at a word's end)."""
        layout = self._layout
        text, cursor, anchor = layout.text, self._cursor, self._word_anchor()
        if anchor is not None and cursor >= anchor:
            target = word_end(text, cursor, layout.snap)
        else:
            target = word_next(text, cursor, layout.snap)
            if anchor is not None and target >= anchor:  # crossing over the anchor
                target = word_end(text, anchor, layout.snap)
        self._move(target)

    def action_word_previous(self) -> None:
        """Start of the previous word; in selection mode, while the selection reaches
        forwards from its anchor, the end of the previous word."""
        layout = self._layout
        text, cursor, anchor = layout.text, self._cursor, self._word_anchor()
        if anchor is not None and cursor > anchor:
            target = word_end_previous(text, cursor, layout.snap)
            if target <= anchor:  # crossing over the anchor
                target = word_previous(text, anchor, layout.para_starts, layout.snap)
        else:
            target = word_previous(text, cursor, layout.para_starts, layout.snap)
        self._move(target)

    def _word_anchor(self) -> int | None:
        """The anchor word motions extend the selection from (selection mode only)."""
        if not self._select_mode:
            return None
        return self._anchor if self._anchor is not None else self._cursor

    def action_sentence_next(self) -> None:
        """Start of the next sentence."""
        self._move(self._sentences.next_start(self._cursor))

    def action_sentence_previous(self) -> None:
        """Start of the previous sentence (or of this one)."""
        self._move(self._sentences.previous_start(self._cursor))

    def action_paragraph_next(self) -> None:
        """Start of the next paragraph."""
        layout = self._layout
        self._move(paragraph_next(layout.para_starts, self._cursor, len(layout.text)))

    def action_paragraph_previous(self) -> None:
        """Start of this paragraph, or of the previous one if already there."""
        self._move(paragraph_previous(self._layout.para_starts, self._cursor))

    def action_text_start(self) -> None:
        """Start of the article."""
        self._move(0)
        self.scroll_to(y=0, animate=False)

    def action_text_end(self) -> None:
        """End of the article."""
        self._move(len(self._layout.text))

    def action_page_down(self) -> None:
        """A page down."""
        self._page(1)

    def action_page_up(self) -> None:
        """A page up."""
        self._page(-1)

    # -- actions: selection --------------------------------------------------------------------

    def action_toggle_select_mode(self) -> None:
        """Start selecting from the cursor; pressed again, drop the selection."""
        if self._select_mode:
            self.clear_selection()
            return
        self._select_mode = True
        if self._anchor is None:
            self._anchor = self._cursor

    def action_select_sentence(self) -> None:
        """Select the sentence under (or after) the cursor."""
        sentence = self._sentences.at(self._cursor)
        if sentence is not None:
            self.select_range(*sentence)

    def action_select_paragraph(self) -> None:
        """Select the paragraph under the cursor."""
        layout = self._layout
        start, end = layout.para_spans[layout.paragraph_of(self._cursor)]
        if end > start:
            self.select_range(start, end)

    def action_clear_selection(self) -> None:
        """Clear the selection and leave selection mode; with nothing to clear, pass escape on."""
        if self._anchor is None and not self._select_mode:
            raise SkipAction()
        self.clear_selection()

    # -- mouse ---------------------------------------------------------------------------------

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Click moves the cursor (shift+click extends); a drag selects."""
        if event.button != 1:
            return
        point = event.get_content_offset(self)
        if point is None:
            return
        event.stop()
        offset = self._offset_at_point(point.x, point.y)
        self._dragging = True
        self.capture_mouse()
        self._goal = None
        if event.shift:
            anchor = self._anchor if self._anchor is not None else self._cursor
        else:
            self._select_mode = False
            anchor = offset
        self._update(offset, anchor, scroll=False)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """While dragging, extend the selection to the pointer."""
        if not self._dragging:
            return
        point = event.get_content_offset_capture(self)
        self._update(self._offset_at_point(point.x, point.y), self._anchor)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End a drag; a plain click leaves no selection."""
        if not self._dragging:
            return
        self._dragging = False
        self.release_mouse()
        point = event.get_content_offset_capture(self)
        offset = self._offset_at_point(point.x, point.y)
        anchor = self._anchor if self._anchor != offset else None
        self._update(offset, anchor, scroll=False)

    # -- drawing -------------------------------------------------------------------------------

    def watch_show_suggestions(self) -> None:
        """Redraw with or without suggestions."""
        self._invalidate_all()

    def notify_style_update(self) -> None:
        """The CSS or the theme changed: resolve styles again."""
        super().notify_style_update()
        self._palette = None
        self._styles.clear()
        self._strips.clear()

    def _invalidate_all(self) -> None:
        self._strips.clear()
        self.refresh()

    def _invalidate_mark(self, mark: Mark) -> None:
        """Forget and redraw the rows `mark` is drawn on (its colour, and the note marker
        in their gutter)."""
        if self._layout.wrapped:
            self._invalidate_span(mark.start, mark.end)
        else:
            self._strips.clear()

    def _invalidate_span(self, start: int, end: int) -> None:
        """Forget and redraw the rows showing offsets `start..end` (inclusive)."""
        layout = self._layout
        first, last = layout.row_of(start), layout.row_of(end)
        strips = self._strips
        if last - first > len(strips):
            for row in [row for row in strips if first <= row <= last]:
                del strips[row]
        else:
            for row in range(first, last + 1):
                strips.pop(row, None)
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        low, high = max(first, top), min(last, top + height - 1)
        if low <= high:
            self.refresh_lines(low, high - low + 1)

    def render_line(self, y: int) -> Strip:
        """The strip for screen line `y` (cached per virtual row)."""
        region = self.scrollable_content_region  # a computed property: ask once
        layout = self._layout
        if layout.width != region.width:
            self._relayout()
            layout = self._layout
        top = self.scroll_offset.y
        row = top + y
        strip = self._strips.get(row)
        if strip is None:
            # One more blank cell: the indicator's track.
            strip = self._render_row(row).extend_cell_length(
                layout.view_width + 1, self._get_palette().base
            )
            if len(self._strips) >= _STRIP_CACHE_SIZE:
                self._strips.clear()
            self._strips[row] = strip
        if y in thumb_rows(top, region.height, layout.total_rows):
            return with_thumb(strip, self._get_palette().thumb)
        return strip

    def _get_palette(self) -> _Palette:
        if self._palette is not None:
            return self._palette
        base = self.rich_style
        dark = self.app.current_theme.dark if self.is_attached else True
        background = _color_or(base.bgcolor, Color(0, 0, 0) if dark else Color(255, 255, 255))
        foreground = _color_or(base.color, background.get_contrast_text(1.0))
        component = self.get_component_rich_style

        def bg_of(name: str, fallback: Color) -> Color:
            return _color_or(component(name).bgcolor, fallback)

        suggestion = component("article-view--suggestion")
        claims = {
            status.value: readable(
                parse_color(STATUS_COLORS.get(status, "")) or foreground, background, 3.0
            )
            for status in ClaimStatus
        }
        palette = _Palette(
            base=base,
            foreground=foreground,
            background=background,
            gutter=component("article-view--gutter"),
            note=component("article-view--note"),
            title=component("article-view--title"),
            byline=component("article-view--byline"),
            cursor=component("article-view--cursor", partial=True),
            selection=bg_of("article-view--selection", foreground.blend(background, 0.5)),
            search=bg_of("article-view--search", foreground.blend(background, 0.7)),
            suggestion=_color_or(suggestion.color, foreground.blend(background, 0.4)),
            suggestion_style=suggestion.without_color,
            claims=claims,
            thumb=component("article-view--thumb"),
        )
        self._palette = palette
        return palette

    def _style(self, key: _StyleKey) -> Style:
        style = self._styles.get(key)
        if style is not None:
            return style
        palette = self._get_palette()
        color, edge, claim, suggestion, search, selected, cursor = key
        background = palette.background
        foreground = palette.foreground
        minimum = 4.5
        changed_bg = changed_fg = False
        extra = Style()
        if color is not None:
            mark_color = parse_color(color)
            if mark_color is not None:
                background = mark_color if mark_color.a >= 1 else palette.background + mark_color
                if edge:
                    background = background.blend(foreground, 0.25)
                changed_bg = True
        if suggestion:
            foreground, minimum, changed_fg = palette.suggestion, 3.0, True
            extra += palette.suggestion_style
        if claim is not None:
            foreground = palette.claims.get(claim, foreground)
            minimum, changed_fg = 3.0, True
            extra += Style(underline=True)
        if search:
            background, changed_bg = palette.search, True
        if selected:
            background, changed_bg = palette.selection, True
        style = palette.base
        if changed_bg or changed_fg:
            fixed = readable(foreground, background, minimum)
            style += Style(
                color=fixed.rich_color if (changed_fg or fixed != foreground) else None,
                bgcolor=background.rich_color if changed_bg else None,
            )
        style += extra
        if cursor:
            style += palette.cursor
        self._styles[key] = style
        return style

    def _render_row(self, row: int) -> Strip:
        palette = self._get_palette()
        layout = self._layout
        width = layout.view_width or self.scrollable_content_region.width
        base = palette.base
        header = layout.header
        if row < len(header):
            kind, value = header[row]
            if kind == "blank":
                return Strip.blank(width, base)
            style = palette.title if kind == "title" else palette.byline
            segments = [Segment(" " * layout.gutter_width, base), Segment(value, style)]
            return Strip(segments).adjust_cell_length(width, base)
        line = layout.line_at_row(row)
        if line is None:
            return Strip.blank(width, base)
        segments, has_note, used = self._render_text(line)
        number = f"¶{line.paragraph + 1}" if line.nth == 0 else ""
        used += layout.gutter_width
        segments[:0] = (
            Segment(number.rjust(layout.number_width) + " ", palette.gutter),
            Segment(NOTE_MARKER if has_note else " ", palette.note if has_note else base),
            Segment(" ", base),
        )
        if used > width:
            return Strip(segments).adjust_cell_length(width, base)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width)

    def _render_text(self, line: Line) -> tuple[list[Segment], bool, int]:
        """The segments of one text line, whether it holds part of a noted mark, and its
        width in cells."""
        start, end = line.start, line.end
        layout = self._layout
        display = layout.display
        marks = self._marks.overlapping(line.paragraph, start, end)
        has_note = any(mark.has_note for mark in marks)
        cuts = {start, end}
        for mark in marks:
            cuts.update((mark.start, mark.start + 1, mark.end - 1, mark.end))
        suggestions: list[tuple[int, int]] = []
        if self.show_suggestions and self._suggestions:
            index = bisect_right(self._suggestion_ends, start)
            while index < len(self._suggestions) and self._suggestions[index][0] < end:
                span = self._suggestions[index]
                if span[1] > start:
                    suggestions.append(span)
                    cuts.update(span)
                index += 1
        matches: list[tuple[int, int]] = []
        if self._match_starts:
            index = bisect_right(self._match_ends, start)
            while index < len(self._match_starts) and self._match_starts[index] < end:
                span = (self._match_starts[index], self._match_ends[index])
                matches.append(span)
                cuts.update(span)
                index += 1
        selection = self.selection
        if selection is not None:
            cuts.update(selection)
        cursor = self._cursor
        if start <= cursor < end:
            cuts.update((cursor, layout.next_position(cursor)))
        if layout.simple[line.paragraph]:
            points = sorted(cut for cut in cuts if start <= cut <= end)
            used = end - start
        else:
            graphemes = layout.line_graphemes(line)
            used = sum(grapheme[2] for grapheme in graphemes)
            boundaries = [start + grapheme[0] for grapheme in graphemes] + [end]
            points = sorted(
                {boundaries[bisect_left(boundaries, cut)] for cut in cuts if start <= cut <= end}
            )
        segments: list[Segment] = []
        for index in range(len(points) - 1):
            a, b = points[index], points[index + 1]
            winner = None
            claim = None
            for mark in marks:
                if mark.start <= a < mark.end:
                    if winner is None:
                        winner = mark
                    if mark.claim_status is not None:
                        claim = mark.claim_status
                        break
            key: _StyleKey = (
                winner.color if winner is not None else None,
                winner is not None and (a == winner.start or b == winner.end),
                claim,
                any(s <= a < e for s, e in suggestions),
                any(s <= a < e for s, e in matches),
                selection is not None and selection[0] <= a < selection[1],
                a == cursor,
            )
            segments.append(Segment(display[a:b], self._style(key)))
        if line.last:
            selected_end = selection is not None and selection[0] <= end < selection[1]
            if cursor == end or selected_end:
                key = (None, False, None, False, False, selected_end, cursor == end)
                segments.append(Segment(" ", self._style(key)))
                used += 1
        return segments, has_note, used


def _color_or(rich_color: RichColor | None, fallback: Color) -> Color:
    """A Textual colour from a Rich one, or `fallback` for none or the terminal default."""
    if rich_color is None or rich_color.is_default:
        return fallback
    return Color.from_rich_color(rich_color, ansi=False)
