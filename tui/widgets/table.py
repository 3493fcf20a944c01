"""A row-cursor table with vim keys, for the library and the claims view."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class Table(DataTable[object]):
    """`DataTable` that also moves with j and k."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    """Vim keys on top of DataTable's own."""
