"""The one sanitiser for every text that enters the store, and the terminal-safe form of any
text that leaves it.

Stored text is data. Whatever path a text takes into the library (a file, a web page, a
JSON import, a command-line argument, a dialog), the `Store` passes it through one of the
functions here before it is written, so no stored text ever holds:

- C0 and C1 control characters (ESC, CSI, OSC, BEL, NUL, DEL, ...), except a line break
  and a tab where the field allows them;
- lone surrogates (not valid Unicode: no UTF-8 file, terminal or SQLite text can hold one);
- the bidirectional embedding, override and isolate controls (U+202A-U+202E,
  U+2066-U+2069), which reorder the text around them on screen, so that "Invoice
  U+202E txt.exe" reads as "Invoice exe.txt"; and U+FEFF (a byte order mark).

Fields come in three kinds:

- **line** (titles, bylines): one line: line breaks and tabs become spaces, runs of spaces
  one space, ends stripped.
- **name** (claimants, sources in a chain, tags, colours): a line whose every run of
  whitespace is one space, without zero-width spaces (U+200B, U+2060), so that two tags or
  claimants that look the same are the same.
- **path** (an article's source, a setting's value): like a line, but inner whitespace is
  kept as it is (a file name may hold two spaces); line breaks and tabs are dropped.
- **block** (article text, notes): line ends become ``\\n`` (CRLF, CR, VT, FF, NEL,
  U+2028, U+2029), tabs stay.

Every sanitiser only removes characters or replaces one with one, so `deleted_positions`
can map an offset into the raw text to the same place in the clean text (the JSON import
uses it to keep annotations on their words).

`MAX_TEXT_BYTES` is the one size limit for any text that enters: an article, a note, a
file, a page, a text in an import.

`visible` is the other side: text that may still hold such characters (a library written
by an older claimmark, an error message) shown on a terminal with each of them replaced
one for one by U+FFFD, so that nothing read from the store can move the cursor, set the
clipboard, retitle the window or reorder what is shown. `terminal_json` does the same for
JSON printed to a terminal, losslessly (``\\uXXXX`` escapes).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import Any, Final

from claimmark.store.errors import InvalidInput

MAX_TEXT_BYTES: Final = 16 * 1024 * 1024
"""The largest text (UTF-8 bytes) that enters the library by any path: an article file,
a web page, an article or a note in a JSON import, a note typed or passed on the command
line. Files larger than this are never read beyond one byte more."""

MAX_IMPORT_BYTES: Final = 8 * MAX_TEXT_BYTES
"""The largest JSON import file: a backup holds many articles, each at most
`MAX_TEXT_BYTES`; the file is refused before it is read if it is larger."""

BIDI_CONTROLS: Final = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embeddings, overrides, their pop, and the isolates: they reorder text on screen."""

# Removed from every field: C0 controls but tab and line ends, DEL, C1 controls but NEL
# (a line end), lone surrogates, the bidi controls and U+FEFF.
_DROP_CLASS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff" + BIDI_CONTROLS + "\ufeff"
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
# Compiled at first use (`_compiled`): about 1.7 ms for these, which opening an article in
# the reader never needs (it only shows text: `_UNSAFE` below).
_BLOCK_DROP = f"[{_DROP_CLASS}]|\r(?=\n)"
"""What a block loses: the characters above, and the CR of each CRLF."""
_BLOCK_BREAK = "[\r\x0b\x0c\x85\u2028\u2029]"
_LINE_DROP = f"[{_DROP_CLASS}]"
_LINE_SPACE = f"[\t{_LINE_BREAKS}]"
_SPACE_RUN = " {2,}"
_ZERO_WIDTH_SPACE = "[\u200b\u2060]"
_PATH_DROP = f"[{_DROP_CLASS}\t{_LINE_BREAKS}]"

_UNSAFE_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029" + BIDI_CONTROLS
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
"""What a terminal must never receive raw: every control but tab and newline, lone
surrogates, the Unicode line and paragraph separators, and the bidi controls."""
_UNSAFE_JSON = f"[\x7f-\x9f\ud800-\udfff\u2028\u2029{BIDI_CONTROLS}]"
"""What `json.dumps(ensure_ascii=False)` leaves raw that a terminal must not get (it
escapes C0 controls itself)."""


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check_size(text: str, what: str) -> None:
    """Raise `InvalidInput` when `text` is larger than `MAX_TEXT_BYTES` in UTF-8."""
    if len(text) <= MAX_TEXT_BYTES // 4:  # four bytes a character at most: surely fits
        return
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise InvalidInput(f"{what} is larger than {size_label(MAX_TEXT_BYTES)}")


def size_label(limit: int) -> str:
    """A byte count as people say it: "16 MiB", or "1,234 bytes"."""
    if limit >= 1024 * 1024 and limit % (1024 * 1024) == 0:
        return f"{limit // (1024 * 1024)} MiB"
    return f"{limit:,} bytes"


def clean_line(text: str) -> str:
    """A one-line field as stored: unsafe characters dropped, line breaks and tabs spaces,
    runs of spaces one space, no whitespace at either end."""
    text = _compiled(_LINE_SPACE).sub(" ", _compiled(_LINE_DROP).sub("", text))
    return _compiled(_SPACE_RUN).sub(" ", text).strip()


def clean_name(text: str) -> str:
    """A name as stored (a claimant, a source, a tag): a `clean_line` without zero-width
    spaces, every run of whitespace one space."""
    return " ".join(
        _compiled(_ZERO_WIDTH_SPACE).sub("", _compiled(_LINE_DROP).sub("", text)).split()
    )


def clean_path(text: str) -> str:
    """A path-like field as stored: unsafe characters, line breaks and tabs dropped, other
    whitespace kept as it is."""
    return _compiled(_PATH_DROP).sub("", text)


def clean_block(text: str) -> str:
    """A multi-line field (an article's text, a note) as stored: unsafe characters dropped,
    every line end ``\\n``, tabs kept."""
    return _compiled(_BLOCK_BREAK).sub("\n", _compiled(_BLOCK_DROP).sub("", text))


def deleted_positions(text: str) -> list[int]:
    """Offsets in `text` of the characters `clean_block` removes (in order)."""
    return [match.start() for match in _compiled(_BLOCK_DROP).finditer(text)]


def map_offset(offset: int, deleted: Sequence[int]) -> int:
    """Where `offset` into a raw text lands in its `clean_block` form, given the raw text's
    `deleted_positions`: minus the characters removed before it."""
    return offset - bisect_left(deleted, offset)


def clean_names(values: Sequence[str]) -> tuple[str, ...]:
    """Each value through `clean_name`; those left empty dropped."""
    return tuple(cleaned for cleaned in (clean_name(value) for value in values) if cleaned)


def is_clean_block(text: str) -> bool:
    """True when `clean_block` would leave `text` as it is."""
    return (
        _compiled(_BLOCK_DROP).search(text) is None and _compiled(_BLOCK_BREAK).search(text) is None
    )


# -- leaving the store -----------------------------------------------------------------


def visible(text: str) -> str:
    """`text` safe to print on a terminal: each control character (but tab and newline),
    lone surrogate, line or paragraph separator and bidi control replaced by U+FFFD. Same
    length, so offsets into it still hold."""
    if text.isprintable() or _UNSAFE.search(text) is None:  # the first test is the quick one
        return text
    return _UNSAFE.sub("\ufffd", text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal_json(data: Any) -> str:
    """`data` as indented JSON (non-ASCII kept as it is) that is safe on a terminal: the
    characters `visible` would replace are written as ``\\uXXXX`` escapes, so the JSON
    still holds exactly the same values."""
    import json  # (only the CLI prints JSON: not imported to open the reader)

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _compiled(_UNSAFE_JSON).sub(_escape, text)
