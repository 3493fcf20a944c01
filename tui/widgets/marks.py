"""Marks: the annotations the article view draws, and the index that finds them fast.

Pure data, no Textual. The reader screen turns annotations into `Mark`s; the view keeps them
in a `MarkIndex`, which sorts them by start (for `next_mark`/`previous_mark`) and buckets them
per paragraph (for drawing a line and for `marks_at`), so that 5,000 marks on a 1 MB article
cost a bisection and a short list per question.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace

LONG_MARK_PARAGRAPHS = 64
"""Marks spanning more paragraphs than this are kept in one list instead of per paragraph."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation as the view draws it."""

    annotation_id: int
    start: int
    end: int
    color: str
    """A Textual/Rich colour name or hex for the background."""
    claim_status: str | None
    """None if the annotation is not a claim, else a `ClaimStatus` value."""
    has_note: bool


def inner_key(mark: Mark) -> tuple[int, int]:
    """Sort key: innermost (shortest) first, ties to the most recent."""
    return (mark.end - mark.start, -mark.annotation_id)


class MarkIndex:
    """A text's marks, clamped to it, sorted by start and bucketed per paragraph."""

    def __init__(
        self, marks: Sequence[Mark] = (), size: int = 0, paragraph_starts: Sequence[int] = (0,)
    ) -> None:
        """Index `marks` on a text `size` characters long whose paragraphs start at
        `paragraph_starts`; marks are clamped to the text and empty ones dropped
        (O(n log n))."""
        self._paragraph_starts = paragraph_starts
        cleaned: list[Mark] = []
        for mark in marks:
            start = min(max(mark.start, 0), size)
            end = min(max(mark.end, start), size)
            if end <= start:
                continue
            if (start, end) != (mark.start, mark.end):
                mark = dataclass_replace(mark, start=start, end=end)
            cleaned.append(mark)
        cleaned.sort(key=lambda m: (m.start, -m.end, m.annotation_id))
        by_paragraph: dict[int, list[Mark]] = {}
        long_marks: list[Mark] = []
        for mark in cleaned:
            first = bisect_right(paragraph_starts, mark.start) - 1
            last = bisect_right(paragraph_starts, mark.end - 1) - 1
            if last - first > LONG_MARK_PARAGRAPHS:
                long_marks.append(mark)
                continue
            for paragraph in range(first, last + 1):
                bucket = by_paragraph.get(paragraph)
                if bucket is None:
                    by_paragraph[paragraph] = [mark]
                else:
                    bucket.append(mark)
        self._marks = cleaned
        self._starts = [mark.start for mark in cleaned]
        self._by_paragraph = by_paragraph
        self._long_marks = long_marks

    def __len__(self) -> int:
        return len(self._marks)

    def overlapping(self, paragraph: int, start: int, end: int) -> list[Mark]:
        """The marks of `paragraph` that overlap `start..end` (end exclusive), innermost
        first (ties: most recent first)."""
        found = [
            mark
            for mark in (*self._by_paragraph.get(paragraph, ()), *self._long_marks)
            if mark.start < end and mark.end > start
        ]
        found.sort(key=inner_key)
        return found

    def at(self, offset: int) -> list[Mark]:
        """The marks covering `offset`, innermost first (ties: most recent first)."""
        paragraph = max(0, bisect_right(self._paragraph_starts, offset) - 1)
        return self.overlapping(paragraph, offset, offset + 1)

    def after(self, offset: int) -> Mark | None:
        """The first mark starting after `offset`, or None."""
        index = bisect_right(self._starts, offset)
        return self._marks[index] if index < len(self._marks) else None

    def before(self, offset: int) -> Mark | None:
        """The last mark starting before `offset` (the outermost of those starting there)."""
        starts = self._starts
        index = bisect_left(starts, offset) - 1
        if index < 0:
            return None
        return self._marks[bisect_left(starts, starts[index])]
