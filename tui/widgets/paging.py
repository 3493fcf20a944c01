"""Paging for the Line API widgets (the article view and the annotation pane)."""

from __future__ import annotations


def page_row(row: int, direction: int, page: int, rows: int) -> int:
    """The virtual row `page` rows (at least one) from `row`, down for `direction` 1 and
    up for -1, kept within the `rows` rows of the content.

    The caller then moves to whatever it draws on that row (the article view: the nearest
    text line; the annotation pane: the entry there).
    """
    return min(max(row + direction * max(1, page), 0), max(0, rows - 1))
