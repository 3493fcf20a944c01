"""Fitting text into a number of terminal cells (wide characters take two)."""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size

ELLIPSIS = "…"


def squash(text: str) -> str:
    """`text` on one line: runs of whitespace become one space."""
    return " ".join(text.split())


def cells(text: str) -> int:
    """The cells `text` takes (plain printable ASCII, by far the commonest, without a lookup)."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def chop(text: str, width: int) -> int:
    """How many characters of `text` fit in `width` cells."""
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


_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""Controls, zero-width spaces and bidi controls: never sent to the terminal as they are
(the zero-width joiner stays: emoji sequences need it)."""


def visible(text: str, *, keep_length: bool = False) -> str:
    """`text` on one line with control and bidi characters shown as "�" (stored text is
    data: it must not move the cursor, recolour the terminal or reorder what is shown).

    Runs of whitespace become one space; with `keep_length`, each whitespace character
    becomes a space instead, so that offsets into `text` still hold."""
    if keep_length:
        return _INVISIBLE.sub("\ufffd", "".join(" " if c.isspace() else c for c in text))
    return _INVISIBLE.sub("\ufffd", squash(text))
