"""Marks: the annotations the article view draws, and the index that finds them fast.

Pure data, no Textual. The reader screen turns annotations into `Mark`s; the view keeps them
in a `MarkIndex`, which sorts them by start (for `next_mark`/`previous_mark`) and buckets them
per paragraph (for drawing a line and for `marks_at`), so that 5,000 marks on a 1 MB article
cost a bisection and a short list per question, and adding, changing or removing one mark
costs about as little.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
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


def document_key(mark: Mark) -> tuple[int, int, int]:
    """Sort key: by start, the longer of two marks starting together first, then by id."""
    return (mark.start, -mark.end, mark.annotation_id)


class MarkIndex:
    """A text's marks, clamped to it, sorted by start and bucketed per paragraph.

    Built at once from every mark (`__init__`), then patched one mark at a time (`add`,
    `remove`) as annotations are made, changed and deleted: a patch costs a bisection, a
    list insertion and the buckets of the mark's own paragraphs, not a rebuild.
    """

    def __init__(
        self, marks: Sequence[Mark] = (), size: int = 0, paragraph_starts: Sequence[int] = (0,)
    ) -> None:
        """Index `marks` on a text `size` characters long whose paragraphs start at
        `paragraph_starts`; marks are clamped to the text and empty ones dropped, and of
        two marks with one `annotation_id` the later is kept (O(n log n))."""
        self._size = size
        self._paragraph_starts = paragraph_starts
        unique = {mark.annotation_id: mark for mark in marks}
        cleaned = [mark for mark in map(self._clean, unique.values()) if mark is not None]
        cleaned.sort(key=document_key)
        self._marks = cleaned
        self._starts = [mark.start for mark in cleaned]
        self._by_id: dict[int, Mark] = {}
        self._by_paragraph: dict[int, list[Mark]] = {}
        self._long_marks: list[Mark] = []
        for mark in cleaned:
            self._file(mark)

    def _clean(self, mark: Mark) -> Mark | None:
        """`mark` clamped to the text, or None if nothing of it is left."""
        size = self._size
        start = min(max(mark.start, 0), size)
        end = min(max(mark.end, start), size)
        if end <= start:
            return None
        if (start, end) != (mark.start, mark.end):
            mark = dataclass_replace(mark, start=start, end=end)
        return mark

    def _paragraphs(self, mark: Mark) -> range | None:
        """The paragraphs `mark` is bucketed under, or None for a long mark."""
        first = bisect_right(self._paragraph_starts, mark.start) - 1
        last = bisect_right(self._paragraph_starts, mark.end - 1) - 1
        if last - first > LONG_MARK_PARAGRAPHS:
            return None
        return range(first, last + 1)

    def _file(self, mark: Mark) -> None:
        """Put `mark` in the id map and its paragraph buckets (not the sorted list)."""
        self._by_id[mark.annotation_id] = mark
        paragraphs = self._paragraphs(mark)
        if paragraphs is None:
            self._long_marks.append(mark)
            return
        by_paragraph = self._by_paragraph
        for paragraph in paragraphs:
            bucket = by_paragraph.get(paragraph)
            if bucket is None:
                by_paragraph[paragraph] = [mark]
            else:
                bucket.append(mark)

    def __len__(self) -> int:
        return len(self._marks)

    def __iter__(self) -> Iterator[Mark]:
        """The marks in document order (start, longer first, then id)."""
        return iter(self._marks)

    def get(self, annotation_id: int) -> Mark | None:
        """The mark of `annotation_id` (as clamped), if indexed."""
        return self._by_id.get(annotation_id)

    def add(self, mark: Mark) -> Mark | None:
        """Index `mark`, replacing any mark with its `annotation_id`; the mark as indexed
        (clamped to the text), or None if nothing of it is on the text."""
        self.remove(mark.annotation_id)
        cleaned = self._clean(mark)
        if cleaned is None:
            return None
        index = bisect_left(self._marks, document_key(cleaned), key=document_key)
        self._marks.insert(index, cleaned)
        self._starts.insert(index, cleaned.start)
        self._file(cleaned)
        return cleaned

    def remove(self, annotation_id: int) -> Mark | None:
        """Drop the mark of `annotation_id`; the mark dropped, or None if there was none."""
        mark = self._by_id.pop(annotation_id, None)
        if mark is None:
            return None
        index = bisect_left(self._marks, document_key(mark), key=document_key)
        del self._marks[index]
        del self._starts[index]
        paragraphs = self._paragraphs(mark)
        if paragraphs is None:
            self._long_marks.remove(mark)
        else:
            for paragraph in paragraphs:
                bucket = self._by_paragraph[paragraph]
                bucket.remove(mark)
                if not bucket:
                    del self._by_paragraph[paragraph]
        return mark

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
