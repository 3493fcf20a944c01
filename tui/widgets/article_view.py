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

Cell widths follow Rich (`rich.cells`): wide characters take two cells, combining marks and
zero-width joiners none. Lines only break between graphemes, the cursor only rests on the
first character of a grapheme, and styles change only at grapheme boundaries, so the cursor,
the selection and the highlights stay aligned with what the terminal shows.

Speed: the whole text is wrapped once per width (a 1 MB article takes a few milliseconds at
90 columns: one-cell text is wrapped with `str.rfind`, only lines holding wide or zero-width
characters are measured grapheme by grapheme), so the scrollbar is exact from the first
frame and a resize re-wraps everything at once. Marks are bucketed per paragraph, sentences
are found per paragraph on first use, and rendered lines are cached per row: a key redraws
only the rows whose cursor, selection or scroll position changed.

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
from dataclasses import replace as dataclass_replace
from functools import cache
from itertools import accumulate
from typing import ClassVar, NamedTuple

from rich.cells import get_character_cell_size, split_graphemes
from rich.color import ANSI_COLOR_NAMES, ColorParseError
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.color import ColorParseError as TextualColorParseError
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimmark.store.sentences import sentence_spans
from claimmark.store.text import paragraph_spans
from claimmark.tui.colors import STATUS_COLORS
from claimmark.tui.widgets.thumb import thumb_rows, with_thumb

try:
    from textual._color_constants import COLOR_NAME_TO_RGB as TEXTUAL_COLOR_NAMES
except ImportError:  # a private module: without it, Rich names are tried first
    TEXTUAL_COLOR_NAMES = {}

MAX_TEXT_WIDTH = 90
"""The text never wraps wider than this many cells, however wide the terminal."""
MIN_TEXT_WIDTH = 4
NOTE_MARKER = "✎"
CLAIM_STATUSES = ("unverified", "supported", "disputed", "false", "misleading", "unverifiable")

_STRIP_CACHE_SIZE = 1024
_LONG_MARK_PARAGRAPHS = 64
"""Marks spanning more paragraphs than this are kept in one list instead of per paragraph."""
_WORD_CHAR = r"\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN = re.compile(rf"[{_WORD_CHAR}]+(?:['’][{_WORD_CHAR}]+)*|[^\w\s]+")
"""A word (letters, digits, combining marks, inner apostrophes) or a run of punctuation."""
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Control characters other than the paragraph separator."""
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# -- cell widths and wrapping (pure functions, no Textual) ------------------------------


def _width_table() -> Sequence[tuple[int, int, int]] | None:
    """Rich's table of (first, last, cells) code point ranges not one cell wide, if this
    Rich version exposes it (code points outside every range are one cell)."""
    try:
        from rich.cells import load_cell_table  # type: ignore[attr-defined]
    except ImportError:
        return None
    widths: Sequence[tuple[int, int, int]] = load_cell_table().widths
    return widths


def _char_class(ranges: Sequence[tuple[int, int]], cells: int) -> str:
    """A regex character class body: the code points in `ranges` that are `cells` wide.

    `ranges` must leave out the control characters (Rich measures those outside its table).
    """
    runs: list[tuple[int, int]] = []
    table = _width_table()
    if table is None:  # measure one code point at a time (slower, same answer)
        measure = getattr(get_character_cell_size, "__wrapped__", get_character_cell_size)
        for low, high in ranges:
            for codepoint in range(low, high + 1):
                if measure(chr(codepoint)) == cells:
                    if runs and runs[-1][1] == codepoint - 1:
                        runs[-1] = (runs[-1][0], codepoint)
                    else:
                        runs.append((codepoint, codepoint))
    else:
        for low, high in ranges:
            position = low
            first_entry = max(0, bisect_left(table, (low, 0, 0)) - 1)
            for first, last, width in table[first_entry:]:
                if first > high:
                    break
                if last < position:
                    continue
                if first > position and cells == 1:
                    runs.append((position, min(first - 1, high)))
                if width == cells:
                    runs.append((max(first, position), min(last, high)))
                position = last + 1
            if position <= high and cells == 1:
                runs.append((position, high))
        runs = [run for run in runs if run[0] <= run[1]]
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in runs
    )


@cache
def _complex_char() -> re.Pattern[str]:
    """A pattern that finds any character that is not exactly one cell wide on its own.

    Text without such characters (ASCII, Latin, Greek, Cyrillic, typographic quotes and
    dashes, ...) has one cell per character, so it wraps with `str.rfind` alone.
    """
    ranges = ((0x20, 0x7E), (0xA0, 0x52F), (0x1E00, 0x1FFF), (0x2000, 0x2BFF))
    return re.compile(f"[^{_char_class(ranges, 1)}]")


@cache
def _complex_run() -> re.Pattern[str]:
    """A pattern for a run of characters that are not one cell wide on their own."""
    return re.compile(_complex_char().pattern + "+")


@cache
def _wide_run() -> re.Pattern[str]:
    """A pattern for a run of CJK characters that are always two cells wide."""
    ranges = (
        (0x1100, 0x115F),
        (0x2E80, 0x303E),
        (0x3041, 0x33FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xA000, 0xA4CF),
        (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF),
        (0xFE30, 0xFE4F),
        (0xFF01, 0xFF60),
        (0xFFE0, 0xFFE6),
    )
    return re.compile(f"[{_char_class(ranges, 2)}]+")


def is_simple(text: str) -> bool:
    """True if every character of `text` is exactly one cell wide."""
    if text.isascii():
        return _ASCII_CONTROL.search(text) is None
    return _complex_char().search(text) is None


def display_text(text: str) -> str:
    """`text` with control characters replaced one for one (tab -> space, others -> U+FFFD).

    The result has the same length, so offsets are unchanged.
    """
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: " " if m.group() == "\t" else "\ufffd", text)


def wrap_paragraph(display: str, start: int, end: int, width: int, simple: bool) -> list[int]:
    """Offsets where each visual line of `display[start:end]` begins (the first is `start`).

    Lines break after a space (not one that opens the line) or after a wide character; a
    token longer than `width` (a URL) breaks hard at `width` cells, never inside a grapheme.
    Every character of a line lies within `width` cells, except that the single space a
    line breaks at may sit in the cell just after it; the last line is at most `width`
    cells, so the end-of-paragraph cursor fits in that spare cell too.

    `simple` says every character is one cell wide (see `is_simple`): then lines are found
    with `str.rfind` alone. Otherwise only lines that hold wide or zero-width characters
    are measured grapheme by grapheme.
    """
    starts = [start]
    find = display.rfind
    position = start
    if simple:
        while end - position > width:
            space = find(" ", position + 1, position + width + 1)
            position = position + width if space == -1 else space + 1
            starts.append(position)
        return starts
    find_complex = _complex_char().search
    wide_run = _wide_run().fullmatch
    half = max(1, width // 2)
    while position < end:
        if find_complex(display, position, min(end, position + width + 2)) is None:
            # the next width + 2 characters are one cell each (the last one is the first
            # of the next line: it must not be a combining mark)
            if end - position <= width:
                break
            space = find(" ", position + 1, position + width + 1)
            position = position + width if space == -1 else space + 1
        elif wide_run(display, position, min(end, position + half + 1)):
            # the line is all two-cell CJK characters: any of them can end it
            if end - position <= half:
                break
            position += half
        else:
            following = _grapheme_break(display, position, end, width)
            if following is None:
                break
            position = following
        starts.append(position)
    return starts


def _grapheme_break(display: str, start: int, end: int, width: int) -> int | None:
    """Where the line starting at `start` ends (None if the rest of the paragraph fits).

    Runs of one-cell characters are measured by arithmetic; only the clusters around wide
    or zero-width characters are split into graphemes.
    """
    find_complex = _complex_char().search
    complex_run = _complex_run().match
    find = display.rfind
    column = 0
    breakable = 0  # where the next line starts if it must break now (0: nowhere yet)
    position = start
    while True:
        match = find_complex(display, position, end)
        # one-cell characters up to (not including) the base of the next cluster
        run_end = end if match is None else max(position, match.start() - 1)
        room = max(width - column, 0)
        if run_end - position > room:
            # the line ends in this run: at its last space (one may sit in the spare cell)
            space = find(" ", max(position, start + 1), position + room + 1)
            if space != -1:
                return space + 1
            return breakable or position + room
        column += run_end - position
        space = find(" ", max(position, start + 1), run_end)
        if space != -1:
            breakable = space + 1
        if match is None:
            return None
        cluster_end = complex_run(display, match.start(), end).end()  # type: ignore[union-attr]
        while cluster_end < end and display[cluster_end - 1] == "\u200d":
            cluster_end += 1  # a zero-width joiner takes the next character along
            more = complex_run(display, cluster_end, end)
            if more is not None:
                cluster_end = more.end()
        for grapheme_start, grapheme_end, cells in split_graphemes(display[run_end:cluster_end])[0]:
            at = run_end + grapheme_start
            if grapheme_end - grapheme_start == 1 and display[at] == " ":
                column += 1
                if at > start:  # never break after a space that opens the line
                    breakable = at + 1
                if column > width:  # the space sits in the spare cell: the line ends here
                    return at + 1
                continue
            if column + cells <= width or column == 0:
                column += cells
                if cells == 2:
                    breakable = run_end + grapheme_end
                continue
            return breakable or at
        position = cluster_end


def wrap_paragraphs(
    display: str, spans: Sequence[tuple[int, int]], simple: Sequence[bool], width: int
) -> list[list[int]]:
    """Line starts of every paragraph (see `wrap_paragraph`)."""
    return [
        wrap_paragraph(display, start, end, width, flag)
        for (start, end), flag in zip(spans, simple, strict=True)
    ]


# -- colours ------------------------------------------------------------------------------


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    a, b = _luminance(first), _luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def readable(foreground: Color, background: Color, minimum: float) -> Color:
    """`foreground`, blended towards black or white until it reaches `minimum` contrast."""
    if contrast_ratio(foreground, background) >= minimum:
        return foreground
    target = background.get_contrast_text(1.0)
    for factor in (0.25, 0.5, 0.75):
        candidate = foreground.blend(target, factor)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return target


@cache
def parse_color(name: str) -> Color | None:
    """A Textual colour from a Textual/CSS name, a Rich name or a hex, or None if unknown."""
    # A Rich-only name ("dark_orange") goes straight to Rich: Textual's parser would fail
    # on it only after working out a did-you-mean suggestion (~3 ms a name).
    if name in ANSI_COLOR_NAMES and name not in TEXTUAL_COLOR_NAMES:
        return _rich_color(name)
    try:
        return Color.parse(name)
    except TextualColorParseError:
        return _rich_color(name)


def _rich_color(name: str) -> Color | None:
    try:
        red, green, blue = RichColor.parse(name).get_truecolor()
    except ColorParseError:
        return None
    return Color(red, green, blue)


# -- public shapes ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation as the view draws it."""

    annotation_id: int
    start: int
    end: int
    color: str
    """A Textual/Rich colour name or hex for the background."""
    claim_status: str | None
    """None if the annotation is not a claim, else a `ClaimStatus` value."""
    has_note: bool


def _inner_key(mark: Mark) -> tuple[int, int]:
    """Sort key: innermost (shortest) first, ties to the most recent."""
    return (mark.end - mark.start, -mark.annotation_id)


class _Line(NamedTuple):
    """One visual line of text."""

    paragraph: int
    nth: int
    """Line number within the paragraph."""
    start: int
    end: int
    last: bool
    """Is this the paragraph's last line (which ends at the paragraph end, "\\n" or EOF)?"""


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

    The reader screen owns everything else: it calls `set_article`, `set_marks`,
    `set_suggestions`, `set_search` and `move_cursor`, and listens for `CursorMoved` and
    `SelectionChanged`.
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
        self._title = ""
        self._byline = ""
        self._text = ""
        self._display = ""
        self._para_spans: list[tuple[int, int]] = [(0, 0)]
        self._para_starts: list[int] = [0]
        self._para_ends: list[int] = [0]
        self._simple: list[bool] = [True]
        # layout (per width)
        self._layout_width = 0
        self._view_width = 0
        self._text_width = 0
        self._gutter_width = 0
        self._number_width = 0
        self._header: list[tuple[str, str]] = []
        self._line_starts: list[list[int]] = []
        self._para_rows: list[int] = []
        self._total_rows = 0
        self._graphemes: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        # state
        self._cursor = 0
        self._pending_top: int | None = None
        self._anchor: int | None = None
        self._select_mode = False
        self._goal: int | None = None
        self._dragging = False
        # decorations
        self._marks: list[Mark] = []
        self._mark_starts: list[int] = []
        self._marks_by_para: dict[int, list[Mark]] = {}
        self._long_marks: list[Mark] = []
        self._suggestions: list[tuple[int, int]] = []
        self._suggestion_ends: list[int] = []
        self._search: str | None = None
        self._match_starts: list[int] = []
        self._match_ends: list[int] = []
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        # caches
        self._strips: dict[int, Strip] = {}
        self._palette: _Palette | None = None
        self._styles: dict[_StyleKey, Style] = {}

    # -- public API ------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The article text shown."""
        return self._text

    @property
    def cursor(self) -> int:
        """The cursor's character offset."""
        return self._cursor

    @cursor.setter
    def cursor(self, offset: int) -> None:
        self.move_cursor(offset)

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selection as `(start, end)`, end exclusive, or None if nothing is selected."""
        anchor = self._anchor
        if anchor is None or anchor == self._cursor:
            return None
        return (anchor, self._cursor) if anchor < self._cursor else (self._cursor, anchor)

    @property
    def selecting(self) -> bool:
        """Is selection mode (`v`) on?"""
        return self._select_mode

    def set_article(self, title: str, byline: str, text: str) -> None:
        """Show a new article: cursor at the start, no selection, marks or search."""
        old_selection = self.selection
        self._title = display_text(" ".join(title.split()))
        self._byline = display_text(" ".join(byline.split()))
        self._text = text
        self._display = display_text(text)
        spans = paragraph_spans(text)
        self._para_spans = spans
        self._para_starts = [start for start, _ in spans]
        self._para_ends = [end for _, end in spans]
        display = self._display
        self._simple = [is_simple(display[start:end]) for start, end in spans]
        self._cursor = 0
        self._anchor = None
        self._select_mode = False
        self._goal = None
        self._sentences.clear()
        self._marks, self._mark_starts, self._long_marks = [], [], []
        self._marks_by_para = {}
        self._suggestions, self._suggestion_ends = [], []
        self._search, self._match_starts, self._match_ends = None, [], []
        self._layout_width = 0
        self._line_starts = []
        self._strips.clear()
        self._relayout(keep_position=False)
        if self.is_mounted:
            self.scroll_to(0, 0, animate=False, force=True)
        self.post_message(self.CursorMoved(0, self))
        if old_selection is not None:
            self.post_message(self.SelectionChanged(None, self))

    def set_marks(self, marks: Sequence[Mark]) -> None:
        """Replace every mark (O(n log n); the view then looks marks up per paragraph)."""
        size = len(self._text)
        cleaned: list[Mark] = []
        for mark in marks:
            start = min(max(mark.start, 0), size)
            end = min(max(mark.end, start), size)
            if end <= start:
                continue
            if (start, end) != (mark.start, mark.end):
                mark = dataclass_replace(mark, start=start, end=end)
            cleaned.append(mark)
        cleaned.sort(key=lambda m: (m.start, -m.end, m.annotation_id))
        by_para: dict[int, list[Mark]] = {}
        long_marks: list[Mark] = []
        starts = self._para_starts
        for mark in cleaned:
            first = bisect_right(starts, mark.start) - 1
            last = bisect_right(starts, mark.end - 1) - 1
            if last - first > _LONG_MARK_PARAGRAPHS:
                long_marks.append(mark)
                continue
            for paragraph in range(first, last + 1):
                bucket = by_para.get(paragraph)
                if bucket is None:
                    by_para[paragraph] = [mark]
                else:
                    bucket.append(mark)
        self._marks = cleaned
        self._mark_starts = [mark.start for mark in cleaned]
        self._marks_by_para = by_para
        self._long_marks = long_marks
        self._invalidate_all()

    def set_suggestions(self, spans: Sequence[tuple[int, int]]) -> None:
        """Replace the suggestion spans (drawn only while `show_suggestions` is on)."""
        size = len(self._text)
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
        offset = self._snap(min(max(offset, 0), len(self._text)))
        self._move(offset, extend=select, scroll=scroll)

    def select_range(self, start: int, end: int) -> None:
        """Select `start..end` (end exclusive); the cursor goes to `end`."""
        size = len(self._text)
        start = self._snap(min(max(start, 0), size))
        end = self._snap(min(max(end, 0), size))
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
        if not self._line_starts:
            return self._pending_top or 0
        line = self._nearest_line(round(self.scroll_y), 1)
        return 0 if line is None or round(self.scroll_y) < len(self._header) else line.start

    def show_position(self, cursor: int, top: int) -> None:
        """Put the cursor on `cursor` with the line holding `top` at the top of the view
        (a saved reading position), now or, before the first layout, at it. If the
        cursor would then be out of view, it is scrolled into view instead."""
        self.move_cursor(cursor, scroll=False)
        self._pending_top = min(max(top, 0), len(self._text))
        if self._line_starts:
            self._apply_pending_top()

    def _apply_pending_top(self) -> None:
        top = self._pending_top
        self._pending_top = None
        if top is None:
            return
        row = 0 if top == 0 else self._row_of(top)
        height = self.scrollable_content_region.height
        cursor_row = self._row_of(self._cursor)
        if height > 0 and not row <= cursor_row < row + height:
            self._scroll_to_cursor()
            return
        self.scroll_to(y=row, animate=False, force=True)

    def marks_at(self, offset: int) -> list[Mark]:
        """The marks covering `offset`, innermost first (ties: most recent first)."""
        paragraph = self._paragraph_of(offset)
        found = [
            mark
            for mark in (*self._marks_by_para.get(paragraph, ()), *self._long_marks)
            if mark.start <= offset < mark.end
        ]
        found.sort(key=_inner_key)
        return found

    def next_mark(self, offset: int) -> Mark | None:
        """The first mark starting after `offset`, or None."""
        index = bisect_right(self._mark_starts, offset)
        return self._marks[index] if index < len(self._marks) else None

    def previous_mark(self, offset: int) -> Mark | None:
        """The last mark starting before `offset` (the outermost of those starting there)."""
        index = bisect_left(self._mark_starts, offset) - 1
        if index < 0:
            return None
        return self._marks[bisect_left(self._mark_starts, self._mark_starts[index])]

    def set_search(self, query: str | None) -> int:
        """Highlight every case-insensitive match of `query` (None or "" clears); the count."""
        if not query:
            self._search, self._match_starts, self._match_ends = None, [], []
        else:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            starts: list[int] = []
            ends: list[int] = []
            for match in pattern.finditer(self._text):
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
        self._move(self._snap(offset))
        return offset

    def previous_match(self) -> int | None:
        """Move the cursor to the previous match (wrapping round); its offset, or None."""
        starts = self._match_starts
        if not starts:
            return None
        index = bisect_left(starts, self._cursor) - 1
        offset = starts[index]  # index -1 wraps to the last match
        self._move(self._snap(offset))
        return offset

    # -- layout ----------------------------------------------------------------------------

    def _relayout(self, keep_position: bool = True) -> None:
        """Wrap everything for the current width (if it changed, or after a new article)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        if width == self._layout_width and self._line_starts:
            return
        # Remember what to keep in place: the cursor row if visible, else the top line.
        anchor_offset: int | None = None
        screen_row = 0
        if keep_position and self._line_starts:
            top = round(self.scroll_y)
            cursor_row = self._row_of(self._cursor)
            height = self.scrollable_content_region.height
            if top <= cursor_row < top + height:
                anchor_offset, screen_row = self._cursor, cursor_row - top
            else:
                line = self._nearest_line(top, 1)
                if line is not None:
                    anchor_offset = line.start
                    screen_row = self._row_of(line.start) - top
        self._layout_width = width
        self._view_width = max(1, width - 1)  # the last column holds the scroll indicator
        paragraphs = len(self._para_starts)
        self._number_width = len(f"¶{paragraphs}")
        self._gutter_width = self._number_width + 3
        self._text_width = max(
            MIN_TEXT_WIDTH, min(MAX_TEXT_WIDTH, self._view_width - self._gutter_width - 1)
        )
        text_width = self._text_width
        header: list[tuple[str, str]] = []
        for kind, value in (("title", self._title), ("byline", self._byline)):
            if value:
                starts = wrap_paragraph(value, 0, len(value), text_width, is_simple(value))
                ends = [*starts[1:], len(value)]
                header.extend(
                    (kind, value[a:b].rstrip(" ")) for a, b in zip(starts, ends, strict=True)
                )
        if header:
            header.append(("blank", ""))
        self._header = header
        self._line_starts = wrap_paragraphs(
            self._display, self._para_spans, self._simple, text_width
        )
        self._para_rows = list(
            accumulate((len(lines) + 1 for lines in self._line_starts), initial=len(header))
        )
        self._total_rows = self._para_rows[-1] - 1
        self._graphemes.clear()
        self._strips.clear()
        self.virtual_size = Size(width, self._total_rows)
        if self._pending_top is not None and self.is_mounted:
            self._apply_pending_top()  # a saved position, set before the first layout
        elif anchor_offset is not None:
            top = max(0, self._row_of(anchor_offset) - screen_row)
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
        lines = wrap_paragraphs(self._display, self._para_spans, self._simple, width)
        return sum(len(starts) for starts in lines)

    # -- geometry: offsets, rows and columns -------------------------------------------------

    def _paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._para_starts, offset) - 1)

    def _line_of(self, offset: int) -> _Line:
        paragraph = self._paragraph_of(offset)
        starts = self._line_starts[paragraph]
        index = max(0, bisect_right(starts, offset) - 1)
        return self._line(paragraph, index)

    def _line(self, paragraph: int, index: int) -> _Line:
        starts = self._line_starts[paragraph]
        last = index == len(starts) - 1
        end = self._para_ends[paragraph] if last else starts[index + 1]
        return _Line(paragraph, index, starts[index], end, last)

    def _row_of(self, offset: int) -> int:
        """The virtual row showing `offset`."""
        if not self._line_starts:
            return 0
        line = self._line_of(offset)
        return self._para_rows[line.paragraph] + line.nth

    def _line_at_row(self, row: int) -> _Line | None:
        """The text line on virtual row `row`, or None for the header, gaps and beyond."""
        if not self._line_starts or row < len(self._header) or row >= self._total_rows:
            return None
        paragraph = bisect_right(self._para_rows, row, 0, len(self._line_starts)) - 1
        index = row - self._para_rows[paragraph]
        if index >= len(self._line_starts[paragraph]):
            return None
        return self._line(paragraph, index)

    def _nearest_line(self, row: int, direction: int) -> _Line | None:
        """The text line at `row`, else the nearest one in `direction`, else the other way."""
        if not self._line_starts:
            return None
        first = len(self._header)
        last = self._total_rows - 1
        row = min(max(row, first), last)
        for step in (direction, -direction):
            probe = row
            while first <= probe <= last:
                line = self._line_at_row(probe)
                if line is not None:
                    return line
                probe += step
        return None

    def _line_graphemes(self, line: _Line) -> list[tuple[int, int, int]]:
        """(start, end, cells) of each grapheme of a line, relative to its start."""
        key = (line.start, line.end)
        graphemes = self._graphemes.get(key)
        if graphemes is None:
            if len(self._graphemes) > 512:
                self._graphemes.clear()
            graphemes = split_graphemes(self._display[line.start : line.end])[0]
            self._graphemes[key] = graphemes
        return graphemes

    def _column_of(self, offset: int, line: _Line) -> int:
        """Cell column of `offset` within its line."""
        if self._simple[line.paragraph]:
            return offset - line.start
        relative = offset - line.start
        column = 0
        for start, _end, cells in self._line_graphemes(line):
            if start >= relative:
                break
            column += cells
        return column

    def _offset_at_column(self, line: _Line, column: int) -> int:
        """The offset shown at cell `column` of a line (clamped to the line)."""
        limit = line.end if line.last else max(line.start, line.end - 1)
        if self._simple[line.paragraph]:
            return min(line.start + max(column, 0), limit)
        position = 0
        last_start = line.start
        for start, _end, cells in self._line_graphemes(line):
            if cells and position <= column < position + cells:
                return line.start + start
            position += cells
            if cells:
                last_start = line.start + start
        return line.end if line.last else last_start

    def _snap(self, offset: int) -> int:
        """The start of the grapheme holding `offset`."""
        if not self._line_starts or offset >= len(self._text):
            return offset
        line = self._line_of(offset)
        if self._simple[line.paragraph] or offset >= line.end:
            return offset
        relative = offset - line.start
        for start, end, _cells in self._line_graphemes(line):
            if start <= relative < end:
                return line.start + start
        return offset

    def _next_position(self, offset: int) -> int:
        """The next cursor position (the next grapheme, or across a paragraph end)."""
        size = len(self._text)
        if offset >= size or not self._line_starts:
            return min(offset + 1, size)
        line = self._line_of(offset)
        if offset >= line.end or self._simple[line.paragraph]:
            return offset + 1
        relative = offset - line.start
        for start, end, _cells in self._line_graphemes(line):
            if start <= relative < end:
                return line.start + end
        return offset + 1

    def _previous_position(self, offset: int) -> int:
        """The previous cursor position."""
        if offset <= 0 or not self._line_starts:
            return max(offset - 1, 0)
        line = self._line_of(offset)
        if offset == self._para_starts[line.paragraph] or self._simple[line.paragraph]:
            return offset - 1
        if offset == line.start:
            line = self._line(line.paragraph, line.nth - 1)
        relative = offset - line.start
        previous = 0
        for start, _end, _cells in self._line_graphemes(line):
            if start >= relative:
                break
            previous = start
        return line.start + previous

    def _offset_at_point(self, x: int, y: int) -> int:
        """The offset under content coordinates (x, y)."""
        if not self._line_starts:
            return 0
        row = round(self.scroll_y) + y
        if row < len(self._header):
            return 0
        if row >= self._total_rows:
            return len(self._text)
        line = self._line_at_row(row)
        if line is None:  # the gap after a paragraph: its end
            paragraph = bisect_right(self._para_rows, row, 0, len(self._line_starts)) - 1
            return self._para_ends[paragraph]
        return self._offset_at_column(line, x - self._gutter_width)

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
        if self._line_starts:
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
        row = self._row_of(self._cursor)
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

    def _vertical(self, delta: int, *, extend: bool = False) -> None:
        if not self._line_starts:
            return
        line = self._line_of(self._cursor)
        goal = self._goal if self._goal is not None else self._column_of(self._cursor, line)
        row = self._para_rows[line.paragraph] + line.nth + delta
        target = self._line_at_row(row)
        if target is None:
            target = self._line_at_row(row + delta)
        if target is None:
            if delta < 0:
                self.scroll_to(y=0, animate=False)
            return
        self._move(self._offset_at_column(target, goal), extend=extend, vertical=True)
        self._goal = goal

    def _page(self, direction: int) -> None:
        if not self._line_starts:
            return
        page = max(1, self.scrollable_content_region.height - 1)
        line = self._line_of(self._cursor)
        goal = self._goal if self._goal is not None else self._column_of(self._cursor, line)
        row = self._para_rows[line.paragraph] + line.nth + direction * page
        target = self._nearest_line(row, direction)
        if target is None:
            return
        self.scroll_to(y=max(0, round(self.scroll_y) + direction * page), animate=False)
        self._move(self._offset_at_column(target, goal), vertical=True)
        self._goal = goal

    def action_cursor_down(self) -> None:
        """Next visual line, keeping the column."""
        self._vertical(1)

    def action_cursor_up(self) -> None:
        """Previous visual line, keeping the column."""
        self._vertical(-1)

    def action_cursor_right(self) -> None:
        """Next character."""
        self._move(self._next_position(self._cursor))

    def action_cursor_left(self) -> None:
        """Previous character."""
        self._move(self._previous_position(self._cursor))

    def action_select_right(self) -> None:
        """Extend the selection by a character."""
        self._move(self._next_position(self._cursor), extend=True)

    def action_select_left(self) -> None:
        """Extend the selection back by a character."""
        self._move(self._previous_position(self._cursor), extend=True)

    def action_select_down(self) -> None:
        """Extend the selection by a line."""
        self._vertical(1, extend=True)

    def action_select_up(self) -> None:
        """Extend the selection back by a line."""
        self._vertical(-1, extend=True)

    def action_word_next(self) -> None:
        """Start of the next word (or punctuation run)."""
        self._move(self._word_next(self._cursor))

    def action_word_previous(self) -> None:
        """Start of the previous word (or punctuation run)."""
        self._move(self._word_previous(self._cursor))

    def action_sentence_next(self) -> None:
        """Start of the next sentence."""
        self._move(self._sentence_next(self._cursor))

    def action_sentence_previous(self) -> None:
        """Start of the previous sentence (or of this one)."""
        self._move(self._sentence_previous(self._cursor))

    def action_paragraph_next(self) -> None:
        """Start of the next paragraph."""
        paragraph = self._paragraph_of(self._cursor)
        if paragraph + 1 < len(self._para_starts):
            self._move(self._para_starts[paragraph + 1])
        else:
            self._move(len(self._text))

    def action_paragraph_previous(self) -> None:
        """Start of this paragraph, or of the previous one if already there."""
        paragraph = self._paragraph_of(self._cursor)
        start = self._para_starts[paragraph]
        if self._cursor > start or paragraph == 0:
            self._move(start)
        else:
            self._move(self._para_starts[paragraph - 1])

    def action_text_start(self) -> None:
        """Start of the article."""
        self._move(0)
        self.scroll_to(y=0, animate=False)

    def action_text_end(self) -> None:
        """End of the article."""
        self._move(len(self._text))

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
        paragraph = self._paragraph_of(self._cursor)
        spans = self._sentence_spans(paragraph)
        if not spans:
            return
        chosen = spans[-1]
        for start, end in spans:
            if self._cursor < end:
                chosen = (start, end)
                break
        self.select_range(*chosen)

    def action_select_paragraph(self) -> None:
        """Select the paragraph under the cursor."""
        paragraph = self._paragraph_of(self._cursor)
        start, end = self._para_starts[paragraph], self._para_ends[paragraph]
        if end > start:
            self.select_range(start, end)

    def action_clear_selection(self) -> None:
        """Clear the selection and leave selection mode; with nothing to clear, pass escape on."""
        if self._anchor is None and not self._select_mode:
            raise SkipAction()
        self.clear_selection()

    # -- words and sentences --------------------------------------------------------------------

    def _word_next(self, offset: int) -> int:
        text = self._text
        match = _TOKEN.search(text, offset)
        if match is not None and match.start() == offset:
            match = _TOKEN.search(text, match.end())
        while match is not None:
            target = self._snap(match.start())
            if target > offset:
                return target
            match = _TOKEN.search(text, match.end())
        return len(text)

    def _word_previous(self, offset: int) -> int:
        text = self._text
        paragraph = self._paragraph_of(offset)
        floor = self._para_starts[paragraph]
        if offset <= floor and paragraph > 0:
            floor = self._para_starts[paragraph - 1]
        window = 256
        while True:
            low = max(floor, offset - window)
            last = None
            for match in _TOKEN.finditer(text, low, offset):
                last = match.start()
            if last is not None and (last > low or low == floor):
                return self._snap(last)
            if low == floor:
                if floor == 0:
                    return 0
                floor = self._para_starts[self._paragraph_of(floor - 1)]
            window *= 4

    def _sentence_spans(self, paragraph: int) -> list[tuple[int, int]]:
        spans = self._sentences.get(paragraph)
        if spans is None:
            start = self._para_starts[paragraph]
            spans = [
                (start + a, start + b)
                for a, b in sentence_spans(self._text[start : self._para_ends[paragraph]])
            ]
            self._sentences[paragraph] = spans
        return spans

    def _sentence_next(self, offset: int) -> int:
        paragraph = self._paragraph_of(offset)
        spans = self._sentence_spans(paragraph)
        index = bisect_right(spans, (offset, len(self._text) + 1))
        if index < len(spans):
            return spans[index][0]
        for following in range(paragraph + 1, len(self._para_starts)):
            spans = self._sentence_spans(following)
            if spans:
                return spans[0][0]
        return len(self._text)

    def _sentence_previous(self, offset: int) -> int:
        paragraph = self._paragraph_of(offset)
        spans = self._sentence_spans(paragraph)
        index = bisect_left(spans, (offset, -1)) - 1
        if index >= 0:
            return spans[index][0]
        for preceding in range(paragraph - 1, -1, -1):
            spans = self._sentence_spans(preceding)
            if spans:
                return spans[-1][0]
        return 0

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

    def _invalidate_span(self, start: int, end: int) -> None:
        """Forget and redraw the rows showing offsets `start..end` (inclusive)."""
        first, last = self._row_of(start), self._row_of(end)
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
        if self._layout_width != region.width:
            self._relayout()
        top = self.scroll_offset.y
        row = top + y
        strip = self._strips.get(row)
        if strip is None:
            # One more blank cell: the indicator's track.
            strip = self._render_row(row).extend_cell_length(
                self._view_width + 1, self._get_palette().base
            )
            if len(self._strips) >= _STRIP_CACHE_SIZE:
                self._strips.clear()
            self._strips[row] = strip
        if y in thumb_rows(top, region.height, self._total_rows):
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
            status: readable(
                parse_color(STATUS_COLORS.get(status, "")) or foreground, background, 3.0
            )
            for status in CLAIM_STATUSES
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
        width = self._view_width or self.scrollable_content_region.width
        base = palette.base
        header = self._header
        if row < len(header):
            kind, value = header[row]
            if kind == "blank":
                return Strip.blank(width, base)
            style = palette.title if kind == "title" else palette.byline
            segments = [Segment(" " * self._gutter_width, base), Segment(value, style)]
            return Strip(segments).adjust_cell_length(width, base)
        line = self._line_at_row(row)
        if line is None:
            return Strip.blank(width, base)
        segments, has_note, used = self._render_text(line)
        number = f"¶{line.paragraph + 1}" if line.nth == 0 else ""
        used += self._gutter_width
        segments[:0] = (
            Segment(number.rjust(self._number_width) + " ", palette.gutter),
            Segment(NOTE_MARKER if has_note else " ", palette.note if has_note else base),
            Segment(" ", base),
        )
        if used > width:
            return Strip(segments).adjust_cell_length(width, base)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width)

    def _render_text(self, line: _Line) -> tuple[list[Segment], bool, int]:
        """The segments of one text line, whether it holds part of a noted mark, and its
        width in cells."""
        start, end = line.start, line.end
        display = self._display
        paragraph = line.paragraph
        marks = [
            mark
            for mark in (*self._marks_by_para.get(paragraph, ()), *self._long_marks)
            if mark.start < end and mark.end > start
        ]
        marks.sort(key=_inner_key)
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
            cuts.update((cursor, self._next_position(cursor)))
        if self._simple[paragraph]:
            points = sorted(cut for cut in cuts if start <= cut <= end)
            used = end - start
        else:
            graphemes = self._line_graphemes(line)
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
