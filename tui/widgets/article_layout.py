"""The article view's layout: one article's text wrapped at one width, and the maths that
maps between character offsets, virtual rows and cell columns.

A plain class, no Textual: the article view holds one `ArticleLayout` per article and asks it
to `wrap` again when its width changes.

Rows, top to bottom: the title and the byline (wrapped, with no offsets), a blank row, then
every paragraph's lines with one blank row between paragraphs. Each row starts with a
gutter (`¶N`, a note marker and a space) of `gutter_width` cells; the text wraps at
min(available width, `MAX_TEXT_WIDTH`) cells.

Offsets: the text is a `str` (paragraphs joined by a single "\\n", see `store.text`). The
cursor can sit on the "\\n" that ends a paragraph (or at the end of the text): it is then
one cell after the paragraph's last character. The cursor only rests on the first
character of a grapheme; paragraphs of one-cell characters (`simple`) map offsets to
columns by arithmetic, the others grapheme by grapheme (cached per line).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from rich.cells import split_graphemes

from claimmark.store.text import paragraph_spans
from claimmark.tui.widgets.wrapping import display_text, is_simple, wrap_paragraph, wrap_paragraphs

MAX_TEXT_WIDTH = 90
"""The text never wraps wider than this many cells, however wide the terminal."""
MIN_TEXT_WIDTH = 4
_GRAPHEME_CACHE_SIZE = 512


class Line(NamedTuple):
    """One visual line of text."""

    paragraph: int
    nth: int
    """Line number within the paragraph."""
    start: int
    end: int
    last: bool
    """Is this the paragraph's last line (which ends at the paragraph end, "\\n" or EOF)?"""


class ArticleLayout:
    """One article's text (with its title and byline) and, once `wrap` has run, its rows."""

    def __init__(self, title: str = "", byline: str = "", text: str = "") -> None:
        self.title = display_text(" ".join(title.split()))
        self.byline = display_text(" ".join(byline.split()))
        self.text = text
        """The article text, as stored."""
        self.display = display_text(text)
        """The text as drawn: control characters replaced one for one (same offsets)."""
        spans = paragraph_spans(text)
        self.para_spans: list[tuple[int, int]] = spans
        self.para_starts: list[int] = [start for start, _ in spans]
        self.para_ends: list[int] = [end for _, end in spans]
        self.simple: list[bool] = [is_simple(self.display[start:end]) for start, end in spans]
        """Per paragraph: is every character one cell wide?"""
        # per width (set by `wrap`)
        self.width = 0
        """The width last wrapped for (0: not wrapped yet)."""
        self.view_width = 0
        """Cells drawn per row: the width less the last column (the scroll indicator's)."""
        self.text_width = 0
        self.gutter_width = 0
        self.number_width = 0
        self.header: list[tuple[str, str]] = []
        """(kind, text) of the rows above the text: "title", "byline" and "blank"."""
        self.line_starts: list[list[int]] = []
        """Per paragraph, the offset where each of its lines starts."""
        self.para_rows: list[int] = []
        """The virtual row of each paragraph's first line (and, last, the total plus one)."""
        self.total_rows = 0
        self._graphemes: dict[tuple[int, int], list[tuple[int, int, int]]] = {}

    @property
    def wrapped(self) -> bool:
        """Has `wrap` laid the text out yet?"""
        return bool(self.line_starts)

    def wrap(self, width: int) -> None:
        """Lay everything out for a view `width` cells wide (its last column excluded)."""
        self.width = width
        self.view_width = max(1, width - 1)
        self.number_width = len(f"¶{len(self.para_starts)}")
        self.gutter_width = self.number_width + 3
        self.text_width = max(
            MIN_TEXT_WIDTH, min(MAX_TEXT_WIDTH, self.view_width - self.gutter_width - 1)
        )
        text_width = self.text_width
        header: list[tuple[str, str]] = []
        for kind, value in (("title", self.title), ("byline", self.byline)):
            if value:
                starts = wrap_paragraph(value, 0, len(value), text_width, is_simple(value))
                ends = [*starts[1:], len(value)]
                header.extend(
                    (kind, value[a:b].rstrip(" ")) for a, b in zip(starts, ends, strict=True)
                )
        if header:
            header.append(("blank", ""))
        self.header = header
        self.line_starts = wrap_paragraphs(self.display, self.para_spans, self.simple, text_width)
        self.para_rows = list(
            accumulate((len(lines) + 1 for lines in self.line_starts), initial=len(header))
        )
        self.total_rows = self.para_rows[-1] - 1
        self._graphemes.clear()

    def line_count(self, text_width: int) -> int:
        """How many text lines the article wraps to at `text_width` cells (no state kept)."""
        lines = wrap_paragraphs(self.display, self.para_spans, self.simple, text_width)
        return sum(len(starts) for starts in lines)

    # -- offsets, lines and rows ---------------------------------------------------------

    def paragraph_of(self, offset: int) -> int:
        """The paragraph holding `offset` (its ending "\\n" included)."""
        return max(0, bisect_right(self.para_starts, offset) - 1)

    def line_of(self, offset: int) -> Line:
        """The visual line holding `offset`."""
        paragraph = self.paragraph_of(offset)
        starts = self.line_starts[paragraph]
        index = max(0, bisect_right(starts, offset) - 1)
        return self.line(paragraph, index)

    def line(self, paragraph: int, index: int) -> Line:
        """Line `index` of `paragraph`."""
        starts = self.line_starts[paragraph]
        last = index == len(starts) - 1
        end = self.para_ends[paragraph] if last else starts[index + 1]
        return Line(paragraph, index, starts[index], end, last)

    def row_of(self, offset: int) -> int:
        """The virtual row showing `offset`."""
        if not self.line_starts:
            return 0
        line = self.line_of(offset)
        return self.para_rows[line.paragraph] + line.nth

    def line_row(self, line: Line) -> int:
        """The virtual row of `line`."""
        return self.para_rows[line.paragraph] + line.nth

    def line_at_row(self, row: int) -> Line | None:
        """The text line on virtual row `row`, or None for the header, gaps and beyond."""
        if not self.line_starts or row < len(self.header) or row >= self.total_rows:
            return None
        paragraph = bisect_right(self.para_rows, row, 0, len(self.line_starts)) - 1
        index = row - self.para_rows[paragraph]
        if index >= len(self.line_starts[paragraph]):
            return None
        return self.line(paragraph, index)

    def nearest_line(self, row: int, direction: int) -> Line | None:
        """The text line at `row`, else the nearest one in `direction`, else the other way."""
        if not self.line_starts:
            return None
        first = len(self.header)
        last = self.total_rows - 1
        row = min(max(row, first), last)
        for step in (direction, -direction):
            probe = row
            while first <= probe <= last:
                line = self.line_at_row(probe)
                if line is not None:
                    return line
                probe += step
        return None

    def offset_at(self, row: int, column: int) -> int:
        """The offset shown at virtual `row` and text cell `column` (the gutter excluded):
        0 above the text, the paragraph's end in the gap after it, the text's end below."""
        if not self.line_starts or row < len(self.header):
            return 0
        if row >= self.total_rows:
            return len(self.text)
        line = self.line_at_row(row)
        if line is None:  # the gap after a paragraph: its end
            paragraph = bisect_right(self.para_rows, row, 0, len(self.line_starts)) - 1
            return self.para_ends[paragraph]
        return self.offset_at_column(line, column)

    # -- columns and graphemes -----------------------------------------------------------

    def line_graphemes(self, line: Line) -> list[tuple[int, int, int]]:
        """(start, end, cells) of each grapheme of a line, relative to its start."""
        key = (line.start, line.end)
        graphemes = self._graphemes.get(key)
        if graphemes is None:
            if len(self._graphemes) > _GRAPHEME_CACHE_SIZE:
                self._graphemes.clear()
            graphemes = split_graphemes(self.display[line.start : line.end])[0]
            self._graphemes[key] = graphemes
        return graphemes

    def column_of(self, offset: int, line: Line) -> int:
        """Cell column of `offset` within its line."""
        if self.simple[line.paragraph]:
            return offset - line.start
        relative = offset - line.start
        column = 0
        for start, _end, cells in self.line_graphemes(line):
            if start >= relative:
                break
            column += cells
        return column

    def offset_at_column(self, line: Line, column: int) -> int:
        """The offset shown at cell `column` of a line (clamped to the line)."""
        limit = line.end if line.last else max(line.start, line.end - 1)
        if self.simple[line.paragraph]:
            return min(line.start + max(column, 0), limit)
        position = 0
        last_start = line.start
        for start, _end, cells in self.line_graphemes(line):
            if cells and position <= column < position + cells:
                return line.start + start
            position += cells
            if cells:
                last_start = line.start + start
        return line.end if line.last else last_start

    def snap(self, offset: int) -> int:
        """The start of the grapheme holding `offset`."""
        if not self.line_starts or offset >= len(self.text):
            return offset
        line = self.line_of(offset)
        if self.simple[line.paragraph] or offset >= line.end:
            return offset
        relative = offset - line.start
        for start, end, _cells in self.line_graphemes(line):
            if start <= relative < end:
                return line.start + start
        return offset

    def next_position(self, offset: int) -> int:
        """The next cursor position (the next grapheme, or across a paragraph end)."""
        size = len(self.text)
        if offset >= size or not self.line_starts:
            return min(offset + 1, size)
        line = self.line_of(offset)
        if offset >= line.end or self.simple[line.paragraph]:
            return offset + 1
        relative = offset - line.start
        for start, end, _cells in self.line_graphemes(line):
            if start <= relative < end:
                return line.start + end
        return offset + 1

    def previous_position(self, offset: int) -> int:
        """The previous cursor position."""
        if offset <= 0 or not self.line_starts:
            return max(offset - 1, 0)
        line = self.line_of(offset)
        if offset == self.para_starts[line.paragraph] or self.simple[line.paragraph]:
            return offset - 1
        if offset == line.start:
            line = self.line(line.paragraph, line.nth - 1)
        relative = offset - line.start
        previous = 0
        for start, _end, _cells in self.line_graphemes(line):
            if start >= relative:
                break
            previous = start
        return line.start + previous
