"""A virtualised list of one-line rows under a fixed header line, with a row cursor.

A Line API widget (`ScrollView` + `render_line`): only the rows on screen are drawn, so a
list of 30,000 articles costs what a list of 30 does. The first line of the widget is the
header and does not scroll; virtual row `r + 1` is list row `r`. What the rows are comes
from a `RowSource` (the library's articles, search hits, tags); the list keeps the
cursor, scrolls, draws its own one-column scroll indicator (as the annotation pane does)
and posts `Highlighted` and `Chosen`. Changing the source is a repaint, not a new layout:
the library shows search hits in the frame after they are found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimmark.tui.textfit import cells, clip
from claimmark.tui.widgets.thumb import thumb_rows, with_thumb

_CACHE_SIZE = 300
"""Drawn rows kept; the cache is emptied when it grows past this."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a row list: its header, width in cells and alignment."""

    title: str
    width: int
    align: str = "left"
    """`left` or `right`."""


def fit_cell(text: str, width: int, align: str = "left") -> str:
    """`text` in exactly `width` cells: clipped with "…", padded on the side `align` says."""
    text = clip(text, width)
    pad = " " * max(0, width - cells(text))
    return pad + text if align == "right" else text + pad


def cells_line(pieces: list[tuple[str, Style]], width: int, style: Style) -> Strip:
    """A strip of `pieces` padded to `width` cells (one cell of padding before; the last
    cell is left for the scroll indicator when the pieces leave it)."""
    segments = [Segment(" ", style), *(Segment(text, s) for text, s in pieces)]
    return Strip(segments).adjust_cell_length(width, style)


class RowSource(Protocol):
    """What a `RowList` shows: how many rows, each row and the header, drawn on demand."""

    def row_count(self) -> int:
        """How many rows there are."""
        ...

    def header_strip(self, rows: RowList, width: int) -> Strip:
        """The header line, `width` cells (styles from `rows.style_of`)."""
        ...

    def row_strip(self, rows: RowList, index: int, width: int, selected: bool) -> Strip:
        """Row `index` in `width` cells (`selected`: the cursor is on it)."""
        ...


class EmptySource:
    """No rows and a blank header."""

    def row_count(self) -> int:
        return 0

    def header_strip(self, rows: RowList, width: int) -> Strip:
        return Strip.blank(width, rows.style_of(""))

    def row_strip(self, rows: RowList, index: int, width: int, selected: bool) -> Strip:
        return Strip.blank(width, rows.style_of(""))


class RowList(ScrollView, can_focus=True):
    """Rows drawn line by line under a header; `cursor` is the highlighted row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]
    """Moving the cursor (enter is the screen's: it says what choosing a row does)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--cursor",
        "row-list--header",
        "row-list--dim",
        "row-list--match",
        "row-list--thumb",
    }
    """The cursor row, the header, dim cells, marked matches and the scroll indicator."""

    DEFAULT_CSS = """
    RowList {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;  /* the list draws its own indicator */
    }
    RowList > .row-list--cursor { background: $accent 25%; }
    RowList:focus > .row-list--cursor { background: $accent 45%; }
    RowList > .row-list--header { color: $text-muted; text-style: bold; }
    RowList > .row-list--dim { color: $text-muted; }
    RowList > .row-list--match { color: $text; background: $warning 45%; text-style: bold; }
    RowList > .row-list--thumb { color: $text-muted 60%; }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor moved to row `index`."""

        row_list: RowList
        index: int

        @property
        def control(self) -> RowList:
            return self.row_list

    @dataclass
    class Chosen(Message):
        """Row `index` was chosen (clicked twice, or enter where the screen binds it)."""

        row_list: RowList
        index: int

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, source: RowSource | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.source: RowSource = source or EmptySource()
        """What the rows are."""
        self._count = 0
        self._cursor = 0
        self._cache: dict[tuple[int, bool], Strip] = {}
        self._header_strip: Strip | None = None
        self._styles: dict[str, Style] = {}
        self._row_styles: dict[str, tuple[Style, Style]] = {}
        self._drawn_width = -1
        self._scroll_pending = False

    def style_of(self, component: str) -> Style:
        """The list's style ("") or a component class's style on top of it, kept until
        the CSS or theme changes (`rich_style` walks the DOM: too slow for every row)."""
        style = self._styles.get(component)
        if style is None:
            base = self.rich_style
            style = self._styles[component] = (
                base if component == "" else base + self.get_component_rich_style(component)
            )
        return style

    def row_styles(self, selected: bool) -> tuple[Style, Style]:
        """(plain, dim) styles of a row, with the cursor's background when `selected`."""
        key = "selected row" if selected else "row"
        styles = self._row_styles.get(key)
        if styles is None:
            base = self.style_of("row-list--cursor" if selected else "")
            styles = self._row_styles[key] = (
                base,
                base + Style(color=self.style_of("row-list--dim").color),
            )
        return styles

    def invalidate(self) -> None:
        """Forget every drawn row (the data changed) and draw again."""
        self._cache.clear()
        self._header_strip = None
        self.refresh()

    # -- rows and cursor -------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        return self._count

    def show(self, source: RowSource, cursor: int | None = 0) -> None:
        """Show the rows of `source` (or the same source's changed rows), the cursor on
        row `cursor` (None: where it was, if that row still exists)."""
        self.source = source
        self.set_row_count(source.row_count(), cursor)

    def set_row_count(self, count: int, cursor: int | None = 0) -> None:
        """The list now has `count` rows (their content may have changed too): redraw,
        with the cursor on row `cursor` (None: where it was, if it still exists)."""
        self._count = count
        target = self._cursor if cursor is None else cursor
        self._cursor = min(max(0, target), max(0, count - 1))
        width = self.scrollable_content_region.width or self.size.width
        self.virtual_size = Size(width, count + 1)
        self._cache.clear()
        self._header_strip = None
        self._scroll_pending = True
        self._scroll_to_cursor()
        self.refresh()
        if count:
            self.post_message(self.Highlighted(self, self._cursor))

    @property
    def cursor(self) -> int | None:
        """The row the cursor is on, or None when the list is empty."""
        return self._cursor if self._count else None

    def move_cursor(self, index: int) -> None:
        """Put the cursor on row `index` (clamped) and scroll it into view."""
        if not self._count:
            return
        index = min(max(0, index), self._count - 1)
        old = self._cursor
        if index == old:
            return
        self._cursor = index
        self.refresh_lines(old + 1)
        self.refresh_lines(index + 1)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, index))

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough to show the cursor row below the header."""
        height = self.scrollable_content_region.height - 1
        if height <= 0:
            self._scroll_pending = True
            return
        self._scroll_pending = False
        top = round(self.scroll_y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, force=True)
        elif self._cursor > top + height - 1:
            self.scroll_to(y=self._cursor - height + 1, animate=False, force=True)

    def on_resize(self, event: events.Resize) -> None:
        """A new size: keep the cursor in view and draw again."""
        self.virtual_size = Size(self.scrollable_content_region.width, self._count + 1)
        self._cache.clear()
        self._header_strip = None
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        """The CSS or the theme changed: draw again with the new styles."""
        super().notify_style_update()
        self._styles.clear()
        self._row_styles.clear()
        self._cache.clear()
        self._header_strip = None

    # -- drawing ---------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """The strip for screen line `y` (0 is the header)."""
        region = self.scrollable_content_region
        width = region.width
        if width != self._drawn_width:
            self._drawn_width = width
            self._cache.clear()
            self._header_strip = None
        if self._scroll_pending:
            self._scroll_to_cursor()
        if y == 0:
            header = self._header_strip
            if header is None or header.cell_length != width:
                header = self._header_strip = self.source.header_strip(self, width)
            return header
        top = self.scroll_offset.y
        index = top + y - 1
        if index >= self._count:
            strip = Strip.blank(width, self.style_of(""))
        else:
            selected = index == self._cursor
            key = (index, selected)
            strip = self._cache.get(key)  # type: ignore[assignment]
            if strip is None:
                if len(self._cache) > _CACHE_SIZE:
                    self._cache.clear()
                strip = self._cache[key] = self.source.row_strip(self, index, width, selected)
        if y - 1 in thumb_rows(top, region.height - 1, self._count):
            return with_thumb(strip, self.style_of("row-list--thumb"))
        return strip

    # -- actions ---------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        """The next row."""
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        """The previous row."""
        self.move_cursor(self._cursor - 1)

    def action_page_down(self) -> None:
        """A screen further down."""
        self.move_cursor(self._cursor + self._page())

    def action_page_up(self) -> None:
        """A screen further up."""
        self.move_cursor(self._cursor - self._page())

    def action_first(self) -> None:
        """The first row."""
        self.move_cursor(0)

    def action_last(self) -> None:
        """The last row."""
        self.move_cursor(self._count - 1)

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on a row; a second click on it chooses it."""
        point = event.get_content_offset(self)
        if point is None or point.y == 0:
            return
        index = self.scroll_offset.y + point.y - 1
        if not 0 <= index < self._count:
            return
        event.stop()
        if event.chain >= 2 and index == self._cursor:
            self.post_message(self.Chosen(self, index))
        else:
            self.move_cursor(index)
