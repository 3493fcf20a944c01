"""The mark index patched one mark at a time answers exactly as one built at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimmark.tui.widgets.marks import LONG_MARK_PARAGRAPHS, Mark, MarkIndex

PARAGRAPH_STARTS = list(range(0, 400, 4))
"""A hundred paragraphs of four characters (three and the newline): enough for marks
spanning more than LONG_MARK_PARAGRAPHS paragraphs, which are kept apart."""
SIZE = 399
assert len(PARAGRAPH_STARTS) > LONG_MARK_PARAGRAPHS + 2


def mark(annotation_id: int, start: int, length: int, note: bool = False) -> Mark:
    return Mark(annotation_id, start, start + length, f"#{annotation_id:06x}", None, note)


marks = st.builds(
    mark,
    st.integers(1, 12),
    st.integers(-10, SIZE + 10),
    st.integers(-5, SIZE),  # empty, short, and longer than LONG_MARK_PARAGRAPHS paragraphs
    st.booleans(),
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), marks),
        st.tuples(st.just("remove"), st.integers(1, 12)),
    ),
    max_size=25,
)


def answers(index: MarkIndex) -> tuple[object, ...]:
    """Everything the view asks an index, at every offset of the text and past it."""
    offsets = range(-2, SIZE + 3)
    return (
        list(index),
        len(index),
        [index.at(offset) for offset in offsets],
        [index.after(offset) for offset in offsets],
        [index.before(offset) for offset in offsets],
        [index.overlapping(p, start, start + 3) for p, start in enumerate(PARAGRAPH_STARTS)],
        [index.get(annotation_id) for annotation_id in range(0, 14)],
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(marks, max_size=12), operations)
def test_a_patched_index_answers_like_one_built_at_once(
    initial: list[Mark], steps: list[tuple[str, object]]
) -> None:
    index = MarkIndex(initial, SIZE, PARAGRAPH_STARTS)
    current = {m.annotation_id: m for m in initial}
    for action, argument in steps:
        if action == "add":
            assert isinstance(argument, Mark)
            added = index.add(argument)
            current[argument.annotation_id] = argument
            assert added == index.get(argument.annotation_id)
        else:
            assert isinstance(argument, int)
            indexed = index.get(argument)
            assert index.remove(argument) == indexed
            assert index.get(argument) is None
            current.pop(argument, None)
    assert answers(index) == answers(MarkIndex(list(current.values()), SIZE, PARAGRAPH_STARTS))


def test_add_clamps_replaces_and_drops_what_is_off_the_text() -> None:
    index = MarkIndex([mark(1, 0, 5)], SIZE, PARAGRAPH_STARTS)
    assert index.add(mark(1, SIZE - 2, 10)) == mark(1, SIZE - 2, 2)  # clamped, replacing
    assert [m.start for m in index] == [SIZE - 2]
    assert index.add(mark(2, SIZE + 5, 3)) is None  # nothing of it on the text
    assert len(index) == 1 and index.get(2) is None
    assert index.remove(2) is None
    assert index.remove(1) == mark(1, SIZE - 2, 2)
    assert len(index) == 0 and index.at(SIZE - 1) == [] and index.after(0) is None


def test_one_mark_per_annotation_the_later_kept() -> None:
    index = MarkIndex([mark(1, 0, 5), mark(1, 10, 5)], SIZE, PARAGRAPH_STARTS)
    assert list(index) == [mark(1, 10, 5)]
