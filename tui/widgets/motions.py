"""Where the article view's word, sentence and paragraph motions land.

Pure functions of the text and its paragraph starts, no Textual: each takes the cursor's
offset and returns the offset a motion (`w`, `b`, `)`, `(`, `}`, `{`) moves it to. Word
motions take a `snap` function (the layout's: the start of the grapheme holding an offset)
so that the cursor never lands inside a grapheme. What a word is: see `_WORD`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import cache

_WORD_CHAR = r"\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
CURRENCY = (
    "$\u00a2-\u00a5\u058f\u060b\u07fe\u07ff\u09f2\u09f3\u09fb\u0af1\u0bf9\u0e3f"
    "\u17db\u20a0-\u20c0\ua838\ufdfc\ufe69\uff04\uffe0\uffe1\uffe5\uffe6"
    "\U00011fdd-\U00011fe0\U0001e2ff\U0001ecb0"
)
"""Every currency symbol (Unicode category Sc), as a character class body."""
_JOINER = (
    r"['’ʼ\-‐‑]"  # apostrophes and hyphens: Kyiv’s, co-operate
    r"|\.(?=[" + _WORD_CHAR + r"])"  # a full stop inside: 1.4bn, U.S, example.org
    r"|(?<=\d)[,:](?=\d)"  # a comma or colon between digits: 1,200 or 10:30
    r"|[/&@](?=[" + _WORD_CHAR + r"])"  # 24/7, AT&T, name@example.org
)
_WORD = (
    rf"[{CURRENCY}]?[{_WORD_CHAR}]+(?:(?:{_JOINER})[{_WORD_CHAR}]+)*"
    rf"(?:(?<=\d)[%‰{CURRENCY}])?"
)
"""A word: letters, digits and combining marks, with the punctuation that belongs inside
it (apostrophes, hyphens, a full stop or a separator between digits), a currency sign
before it and a percent or currency sign after its digits: "£1.4bn", "Kyiv’s",
"co-operate", "3.5%", "1,200", "U.S". Quotes, brackets and the punctuation around words
are not part of words and are not words: word motions pass over them."""


@cache
def word_pattern() -> re.Pattern[str]:
    """The compiled `_WORD`, made at the first word motion rather than on the way
    to the reader's first frame (it takes about a millisecond to compile)."""
    return re.compile(_WORD)


_BOUNDARY_SEARCH = 4096
"""How far back `_word_boundary` looks for a space before giving up (only a text with no
space for that long would need more)."""


def _paragraph_of(paragraph_starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(paragraph_starts, offset) - 1)


def _word_boundary(text: str, offset: int) -> int:
    """An offset at or before `offset` that is not inside a word: just after the last
    space or line break before it (0 at the start)."""
    floor = max(0, offset - _BOUNDARY_SEARCH)
    found = max(text.rfind(" ", floor, offset), text.rfind("\n", floor, offset))
    if found >= 0:
        return found + 1
    return floor


def word_at_or_after(text: str, offset: int) -> re.Match[str] | None:
    """The word holding `offset`, else the first word after it (None: no more words)."""
    for match in word_pattern().finditer(text, _word_boundary(text, offset)):
        if match.end() > offset:
            return match
    return None


def word_next(text: str, offset: int, snap: Callable[[int], int]) -> int:
    """The start of the next word after `offset` (the text's end if none)."""
    match = word_at_or_after(text, offset)
    if match is not None and match.start() <= offset:
        match = word_pattern().search(text, match.end())
    while match is not None:
        target = snap(match.start())
        if target > offset:
            return target
        match = word_pattern().search(text, match.end())
    return len(text)


def word_end(text: str, offset: int, snap: Callable[[int], int]) -> int:
    """The end (exclusive) of the word holding `offset`, or of the next one if `offset`
    is at a word's end or between words (the text's end if none): where a selection made
    by word motions ends, with no space or punctuation after the word."""
    match = word_at_or_after(text, offset)
    if match is None:
        return len(text)
    end = match.end()
    start = snap(end)
    return end if start == end or end >= len(text) else _next_grapheme(text, start, snap)


def word_end_previous(text: str, offset: int, snap: Callable[[int], int]) -> int:
    """The end of the last word that ends before `offset` (0 if none)."""
    low = _word_boundary(text, max(0, offset - 256))
    while True:
        last = None
        for match in word_pattern().finditer(text, low):
            if match.end() >= offset:
                break
            last = match
        if last is not None or low == 0:
            return word_end(text, last.start(), snap) if last is not None else 0
        low = _word_boundary(text, max(0, low - 1024))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`start..end` without the whitespace at either end (an empty span if it is all
    whitespace): a selection never begins or ends with a space or a line break."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _next_grapheme(text: str, start: int, snap: Callable[[int], int]) -> int:
    """The start of the grapheme after the one starting at `start`."""
    offset = start + 1
    while offset < len(text) and snap(offset) == start:
        offset += 1
    return offset


def word_previous(
    text: str, offset: int, paragraph_starts: Sequence[int], snap: Callable[[int], int]
) -> int:
    """The start of the word before `offset`, or of the word `offset` is inside (0 if
    none).

    Searches back a window at a time (growing fourfold), from this paragraph's start (or
    the previous paragraph's, at a paragraph start), so a long article costs no more than
    a short one. Every window starts where no word is cut (a paragraph start or just after
    a space), so a word is always read whole.
    """
    paragraph = _paragraph_of(paragraph_starts, offset)
    floor = paragraph_starts[paragraph]
    if offset <= floor and paragraph > 0:
        floor = paragraph_starts[paragraph - 1]
    window = 256
    while True:
        low = max(floor, _word_boundary(text, max(0, offset - window)))
        last = None
        for match in word_pattern().finditer(text, low):
            if match.start() >= offset:
                break
            last = match.start()
        if last is not None:
            return snap(last)
        if low == floor:
            if floor == 0:
                return 0
            floor = paragraph_starts[_paragraph_of(paragraph_starts, floor - 1)]
        window *= 4


def paragraph_next(paragraph_starts: Sequence[int], offset: int, size: int) -> int:
    """The start of the next paragraph (the text's end, `size`, after the last one)."""
    paragraph = _paragraph_of(paragraph_starts, offset)
    if paragraph + 1 < len(paragraph_starts):
        return paragraph_starts[paragraph + 1]
    return size


def paragraph_previous(paragraph_starts: Sequence[int], offset: int) -> int:
    """The start of this paragraph, or of the previous one if `offset` is already there."""
    paragraph = _paragraph_of(paragraph_starts, offset)
    start = paragraph_starts[paragraph]
    if offset > start or paragraph == 0:
        return start
    return paragraph_starts[paragraph - 1]


class Sentences:
    """A text's sentences, found per paragraph on first use (see `store.sentences`)."""

    def __init__(self, text: str, paragraph_spans: Sequence[tuple[int, int]]) -> None:
        self._text = text
        self._spans = paragraph_spans
        self._starts = [start for start, _ in paragraph_spans]
        self._sentences: dict[int, list[tuple[int, int]]] = {}

    def in_paragraph(self, paragraph: int) -> list[tuple[int, int]]:
        """(start, end) of each sentence of `paragraph`, as offsets into the whole text."""
        spans = self._sentences.get(paragraph)
        if spans is None:
            # Imported on the first sentence motion, not before the reader's first frame.
            from claimmark.store.sentences import sentence_spans

            start, end = self._spans[paragraph]
            spans = [(start + a, start + b) for a, b in sentence_spans(self._text[start:end])]
            self._sentences[paragraph] = spans
        return spans

    def at(self, offset: int) -> tuple[int, int] | None:
        """The sentence holding `offset`, else the paragraph's last before it, else None
        (a paragraph without sentences)."""
        spans = self.in_paragraph(_paragraph_of(self._starts, offset))
        if not spans:
            return None
        for start, end in spans:
            if offset < end:
                return (start, end)
        return spans[-1]

    def next_start(self, offset: int) -> int:
        """The start of the next sentence after `offset` (the text's end if none)."""
        paragraph = _paragraph_of(self._starts, offset)
        spans = self.in_paragraph(paragraph)
        index = bisect_right(spans, (offset, len(self._text) + 1))
        if index < len(spans):
            return spans[index][0]
        for following in range(paragraph + 1, len(self._starts)):
            spans = self.in_paragraph(following)
            if spans:
                return spans[0][0]
        return len(self._text)

    def previous_start(self, offset: int) -> int:
        """The start of the sentence before `offset` (or of this one if `offset` is inside
        it; 0 if none)."""
        paragraph = _paragraph_of(self._starts, offset)
        spans = self.in_paragraph(paragraph)
        index = bisect_left(spans, (offset, -1)) - 1
        if index >= 0:
            return spans[index][0]
        for preceding in range(paragraph - 1, -1, -1):
            spans = self.in_paragraph(preceding)
            if spans:
                return spans[-1][0]
        return 0
