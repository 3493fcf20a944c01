"""A one-column scroll indicator that a Line API widget draws in its own last column.

Textual's scrollbars are widgets of their own: every scroll re-renders them and widens
the screen update to their column, which on the 1 MB benchmark cost ~4 ms a frame (a
quarter of a frame at 60 Hz). Drawn by the widget, the indicator costs one segment on
lines that are re-rendered anyway. The mouse wheel still scrolls; the indicator shows
where the view is, as `less` shows a percentage.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

THUMB = "▐"


def thumb_rows(top: int, height: int, total: int) -> range:
    """The rows (0 = the widget's first) the thumb covers for a view of `height` rows
    showing rows `top..` of `total`; empty when everything fits."""
    if height <= 0 or total <= height:
        return range(0)
    size = max(1, round(height * height / total))
    start = round(min(max(top, 0), total - height) * (height - size) / (total - height))
    return range(start, start + size)


def with_thumb(strip: Strip, style: Style) -> Strip:
    """`strip` with its last cell (the track, a blank) replaced by the thumb."""
    width = strip.cell_length
    return Strip.join([strip.crop(0, width - 1), Strip([Segment(THUMB, style)], 1)])
