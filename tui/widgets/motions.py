"""Where the article view's word, sentence and paragraph motions land.

Pure functions of the text and its paragraph starts, no Textual: each takes the cursor's
offset and returns the offset a motion (`w`, `b`, `)`, `(`, `}`, `{`) moves it to. Word
motions take a `snap` function (the layout's: the start of the grapheme holding an offset)
so that the cursor never lands inside a grapheme.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from claimmark.store.sentences import sentence_spans

_WORD_CHAR = r"\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
TOKEN = re.compile(rf"[{_WORD_CHAR}]+(?:['’][{_WORD_CHAR}]+)*|[^\w\s]+")
"""A word (letters, digits, combining marks, inner apostrophes) or a run of punctuation."""


def _paragraph_of(paragraph_starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(paragraph_starts, offset) - 1)


def word_next(text: str, offset: int, snap: Callable[[int], int]) -> int:
    """The start of the next word or punctuation run after `offset` (the text's end if none)."""
    match = TOKEN.search(text, offset)
    if match is not None and match.start() == offset:
        match = TOKEN.search(text, match.end())
    while match is not None:
        target = snap(match.start())
        if target > offset:
            return target
        match = TOKEN.search(text, match.end())
    return len(text)


def word_previous(
    text: str, offset: int, paragraph_starts: Sequence[int], snap: Callable[[int], int]
) -> int:
    """The start of the word or punctuation run before `offset` (0 if none).

    Searches back a window at a time (growing fourfold), from this paragraph's start (or
    the previous paragraph's, at a paragraph start), so a long article costs no more than
    a short one.
    """
    paragraph = _paragraph_of(paragraph_starts, offset)
    floor = paragraph_starts[paragraph]
    if offset <= floor and paragraph > 0:
        floor = paragraph_starts[paragraph - 1]
    window = 256
    while True:
        low = max(floor, offset - window)
        last = None
        for match in TOKEN.finditer(text, low, offset):
            last = match.start()
        if last is not None and (last > low or low == floor):
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
