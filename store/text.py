"""Paragraph structure of a stored article text.

The store keeps an article as its body paragraphs joined by a single ``\\n``: paragraph N
(1-based, cited as ¶N) is line N of `Article.text`.
"""

from __future__ import annotations

from bisect import bisect_right


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each paragraph (the newline excluded)."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            spans.append((start, len(text)))
            return spans
        spans.append((start, end))
        start = end + 1


class ParagraphIndex:
    """Answers "which paragraph holds this offset" in O(log n)."""

    def __init__(self, text: str) -> None:
        self.spans = paragraph_spans(text)
        self._starts = [start for start, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def index_of(self, offset: int) -> int:
        """0-based index of the paragraph containing `offset` (clamped to the text)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def number_of(self, offset: int) -> int:
        """1-based paragraph number (¶N) of `offset`."""
        return self.index_of(offset) + 1
