"""Fitting text into a number of terminal cells (wide characters take two), and showing
stored text as plain text."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text

from claimmark.store.sanitize import visible

ELLIPSIS = "…"


def squash(text: str) -> str:
    """`text` on one line: runs of whitespace become one space."""
    return " ".join(text.split())


def cells(text: str) -> int:
    """The cells `text` takes (plain printable ASCII, by far the commonest, without a lookup)."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def chop(text: str, width: int) -> int:
    """How many characters of `text` fit in `width` cells."""
    if text.isascii() and text.isprintable():  # one cell each: no lookup
        return max(0, min(len(text), width))
    used = 0
    for index, char in enumerate(text):
        used += get_character_cell_size(char)
        if used > width:
            return index
    return len(text)


def clip(text: str, width: int) -> str:
    """`text` in at most `width` cells, ending with "…" if it had to be cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return text[: chop(text, width - 1)] + ELLIPSIS


def one_line(text: str, width: int) -> str:
    """`text` squashed onto one line and clipped to `width` cells."""
    return clip(squash(text), width)


def plain(text: str) -> Text:
    """Stored or typed text ready to show in a widget: a Rich `Text` (so never read as
    markup, where a str would be: a DataTable cell, `Static.update`) with every control
    character shown as U+FFFD (`store.sanitize.visible`)."""
    return Text(visible(text))


def safe_line(text: str, *, keep_length: bool = False) -> str:
    """Stored text on one line, safe to draw: controls and bidi controls shown as U+FFFD
    (`store.sanitize.visible`), runs of whitespace one space. With `keep_length`, each
    whitespace character becomes a space instead, so that offsets into `text` still hold
    (a snippet's marks)."""
    if keep_length:
        return visible("".join(" " if c.isspace() else c for c in text))
    return visible(squash(text))
