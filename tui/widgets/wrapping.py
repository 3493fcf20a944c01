"""Cell-aware line wrapping: where each visual line of a paragraph starts.

Pure functions (Rich's cell widths, no Textual), used by the article view's layout and
timed by `benchmarks/bench_article_view.py`. Cell widths follow Rich (`rich.cells`): wide
characters take two cells, combining marks and zero-width joiners none, and lines only
break between graphemes.

Speed: one-cell text (ASCII, Latin, Greek, Cyrillic, typographic quotes and dashes) is
wrapped with `str.rfind` alone; only lines holding wide or zero-width characters are
measured grapheme by grapheme, so a 1 MB article wraps in a few milliseconds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from rich.cells import get_character_cell_size, split_graphemes

_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""Control characters other than the paragraph separator, bidi controls, line separators
and lone surrogates (store.sanitize keeps them out; an older library may hold them)."""
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


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
