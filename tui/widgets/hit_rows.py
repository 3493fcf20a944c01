"""The hits of a library search as rows of a `RowList`: the article, where the hit is,
and a snippet with the match marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from textual.strip import Strip

from claimmark.store.results import SearchHit
from claimmark.tui.textfit import cells, chop, safe_line
from claimmark.tui.widgets.row_list import Column, RowList, cells_line, fit_cell

GAP = 2
"""Cells between columns."""


def columns(width: int, hits: Sequence[SearchHit]) -> tuple[Column, Column, Column]:
    """Article, where and snippet columns for a list `width` cells wide: the article a
    third of the room (16 to 40 cells), where as wide as its longest (up to 22)."""
    room = width - 2
    where = min(22, max([5, *(cells(hit.where) for hit in hits)]))
    article = min(40, max(16, room // 3))
    snippet = max(10, room - article - where - 2 * GAP)
    return Column("Article", article), Column("Where", where), Column("Match", snippet)


def fit_snippet(text: str, marks: Sequence[tuple[int, int]], width: int) -> list[tuple[str, bool]]:
    """The snippet in `width` cells as (piece, is a match) pieces. When the first match
    would not fit, the start is cut (with "…", at a word where one is near) to bring it
    into view; the end is cut with "…"."""
    text = text.replace("\n", " ")
    start = 0
    if marks and cells(text[: marks[0][1]]) > width - 1:
        first = marks[0][0]
        start = first - chop(text[:first][::-1], width // 3)
        space = text.find(" ", start, first)
        start = space + 1 if 0 <= space < first - 1 else start
    head = "…" if start > 0 else ""
    room = width - len(head)
    end = start + chop(text[start:], room)
    tail = ""
    if end < len(text):
        end = start + chop(text[start:], room - 1)
        tail = "…"
    pieces: list[tuple[str, bool]] = [(head, False)] if head else []
    position = start
    for mark_start, mark_end in marks:
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        if mark_end <= mark_start:
            continue
        if mark_start > position:
            pieces.append((text[position:mark_start], False))
        pieces.append((text[mark_start:mark_end], True))
        position = mark_end
    if position < end:
        pieces.append((text[position:end], False))
    if tail:
        pieces.append((tail, False))
    return pieces


class HitRows:
    """Search hits as rows of a `RowList`, best first."""

    def __init__(self, hits: Sequence[SearchHit] = ()) -> None:
        self.hits: list[SearchHit] = list(hits)
        """The hits shown."""
        self._columns: dict[int, tuple[Column, Column, Column]] = {}

    def columns(self, width: int) -> tuple[Column, Column, Column]:
        """The columns at `width` (worked out once per width: they depend on every hit)."""
        found = self._columns.get(width)
        if found is None:
            found = self._columns[width] = columns(width, self.hits)
        return found

    def row_count(self) -> int:
        return len(self.hits)

    def hit_at(self, index: int | None) -> SearchHit | None:
        """The hit on row `index`."""
        return self.hits[index] if index is not None and 0 <= index < len(self.hits) else None

    def header_strip(self, rows: RowList, width: int) -> Strip:
        style = rows.style_of("row-list--header")
        pieces = [
            (fit_cell(column.title, column.width) + " " * GAP, style)
            for column in self.columns(width)
        ]
        return cells_line(pieces, width, style)

    def row_strip(self, rows: RowList, index: int, width: int, selected: bool) -> Strip:
        base, dim = rows.row_styles(selected)
        match = rows.style_of("row-list--match")
        hit = self.hits[index]
        article, where, snippet = self.columns(width)
        pieces: list[tuple[str, Style]] = [
            (fit_cell(safe_line(hit.title), article.width) + " " * GAP, base),
            (fit_cell(hit.where, where.width) + " " * GAP, dim),
        ]
        for piece, is_match in fit_snippet(
            safe_line(hit.snippet, keep_length=True), hit.marks, snippet.width
        ):
            pieces.append((piece, match if is_match else base))
        return cells_line(pieces, width, base)
