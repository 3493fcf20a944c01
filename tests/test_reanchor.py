"""The re-anchoring algorithm and the version diff on their own (no database): properties
over arbitrary texts, and the minimum score that makes an orphan rather than a guess."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimmark.store.anchoring import quote_selector
from claimmark.store.reanchor import MIN_SCORE, Anchor, Outcome, reanchor, score_match
from claimmark.store.textdiff import Change, Words, compare, word_diff

_words = st.text(alphabet="abcdefghij klmnop.,“”", min_size=1, max_size=60)
_paragraphs = st.lists(_words.filter(lambda p: p.strip()), min_size=1, max_size=6)


def anchor(text: str, start: int, end: int) -> Anchor:
    selector = quote_selector(text, start, end)
    return Anchor(start, end, selector.exact, selector.prefix, selector.suffix)


def spans(text: str, draws: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in draws:
        start = a % len(text)
        end = min(len(text), start + 1 + b % 30)
        out.append((start, end))
    return out


_draws = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 100)), max_size=8)


@settings(max_examples=80, deadline=None)
@given(paragraphs=_paragraphs, draws=_draws)
def test_the_same_text_places_every_annotation_where_it_was(paragraphs, draws) -> None:
    text = "\n".join(paragraphs)
    marks = spans(text, draws)
    placed = reanchor(text, text, [anchor(text, s, e) for s, e in marks])
    assert [(p.start, p.end) for p in placed] == marks
    assert all(p.outcome is Outcome.EXACT for p in placed)


@settings(max_examples=80, deadline=None)
@given(paragraphs=_paragraphs, draws=_draws, extra=_words.filter(lambda p: p.strip()))
def test_a_paragraph_added_before_shifts_every_annotation(paragraphs, draws, extra) -> None:
    text = "\n".join(paragraphs)
    new = "A new first paragraph, written later.\n" + text
    shift = len(new) - len(text)
    marks = spans(text, draws)
    placed = reanchor(text, new, [anchor(text, s, e) for s, e in marks])
    assert [(p.start, p.end) for p in placed] == [(s + shift, e + shift) for s, e in marks]


def test_a_changed_number_is_flagged_and_an_unrelated_copy_is_not_taken() -> None:
    old = "Officials said the barrier could be ready by 2029, the report said."
    new = "Officials said the barrier could be ready by 2031, the report said."
    start = old.index("2029")
    (placed,) = reanchor(old, new, [anchor(old, start, start + 4)])
    assert placed.outcome is Outcome.CHANGED and new[placed.start : placed.end] == "2031"
    # The sentence deleted, the same words elsewhere in an unrelated sentence: an orphan.
    old = (
        "The council met on Monday to discuss the budget. The minister said the plan was "
        "sound. Weather was mild for the time of year.\n"
        "Opposition members disagreed with most of the figures presented at the meeting."
    )
    new = (
        "The council met on Monday to discuss the budget. Weather was mild for the time of "
        "year.\nOpposition members disagreed with most of the figures presented at the "
        "meeting. One wrote in 2019 that the plan was sound."
    )
    start = old.index("the plan was sound")
    (placed,) = reanchor(old, new, [anchor(old, start, start + len("the plan was sound"))])
    assert placed.outcome is Outcome.ORPHAN
    elsewhere = new.index("the plan was sound")
    assert score_match(new, elsewhere, elsewhere + 18, anchor(old, start, start + 18)) < MIN_SCORE


@settings(max_examples=100, deadline=None)
@given(old=_words, new=_words)
def test_the_word_diff_holds_both_texts(old: str, new: str) -> None:
    runs = word_diff(old, new)
    assert "".join(t for kind, t in runs if kind is not Words.ADDED) == old
    assert "".join(t for kind, t in runs if kind is not Words.REMOVED) == new


def test_compare_lines_up_paragraphs() -> None:
    old = "One.\nTwo words here.\nThree.\nFour."
    new = "Four.\nOne.\nTwo new words here.\nFive."
    changes = [(c.change, c.old_number, c.new_number) for c in compare(old, new)]
    assert (Change.EDITED, 2, 3) in changes
    assert (Change.REMOVED, 3, None) in changes
    assert (Change.ADDED, None, 4) in changes
    assert (Change.MOVED, 4, 1) in changes
    assert (Change.SAME, 1, 2) in changes


# -- notes whose own words were deleted, and copies of those words elsewhere ----------------

CREDITS = (
    "The flood barrier vote was delayed again on Tuesday.\n"
    "Photo Illustration by Andrew B. Myers for The New York Times\n"
    "Councillors said the design review would take another month.\n"
    "Photo Illustration by Andrew B. Myers for The New York Times\n"
    "The authority will publish the gate designs in March."
)


def place(old: str, new: str, quote: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = old.index(quote, start + 1)
    (placed,) = reanchor(old, new, [anchor(old, start, start + len(quote))])
    return placed


def test_a_deleted_credit_line_is_an_orphan_not_the_other_copy() -> None:
    # The first of two identical credit lines deleted: the note on it is not moved onto
    # the second, which is the other line's own text.
    lines = CREDITS.split("\n")
    new = "\n".join(lines[:1] + lines[2:])
    placed = place(CREDITS, new, "Andrew B. Myers")
    assert placed.outcome is Outcome.ORPHAN
    # The note on the surviving line stays on it, exactly.
    second = place(CREDITS, new, "Andrew B. Myers", occurrence=1)
    assert second.outcome is Outcome.EXACT
    assert new[second.start : second.end] == "Andrew B. Myers"


def test_words_deleted_and_written_into_a_new_sentence_elsewhere_are_flagged_moved() -> None:
    old = (
        "The council met on Monday.\n"
        "Officials said the barrier could be ready by 2029.\n"
        "Residents asked for a second consultation."
    )
    # The paragraph is gone; its words close another paragraph, in a new sentence.
    new = (
        "The council met on Monday.\n"
        "Residents asked for a second consultation. Officials said the barrier could be "
        "ready by 2029 at the earliest."
    )
    placed = place(old, new, "the barrier could be ready by 2029")
    assert placed.outcome is Outcome.MOVED
    assert new[placed.start : placed.end] == "the barrier could be ready by 2029"


def test_a_sentence_moved_whole_with_its_context_is_exactly_right() -> None:
    # The paragraph holding the sentence is rewritten around it, but the sentence and the
    # text on both sides of it arrive together elsewhere, once: no doubt where it went.
    old = (
        "Opening remarks were brief.\n"
        "The minister said the plan was sound and fully costed, the spokesperson added.\n"
        "Questions followed about the timetable."
    )
    new = (
        "Questions followed about the timetable.\n"
        "Opening remarks were brief.\n"
        "The minister said the plan was sound and fully costed, the spokesperson added."
    )
    placed = place(old, new, "the plan was sound and fully costed")
    assert placed.outcome is Outcome.EXACT


def test_a_word_replaced_in_place_is_not_moved_to_a_copy_elsewhere() -> None:
    old = (
        "The agency counted 14 closures in the north, officials said on Friday.\n"
        "Last year there were closures in the south as well."
    )
    new = (
        "The agency counted 14 openings in the north, officials said on Friday.\n"
        "Last year there were closures in the south as well."
    )
    placed = place(old, new, "closures")
    # "closures" in the second paragraph is that paragraph's own word; "openings" is
    # unlike the quote: an orphan, not a guess.
    assert placed.outcome is Outcome.ORPHAN


@pytest.mark.parametrize("edit", ["split", "merged"])
def test_a_paragraph_split_or_merged_keeps_every_note_exact(edit: str) -> None:
    first = "The council met on Monday to discuss the flood barrier budget for next year."
    second = "Officials said the barrier could be ready by 2029, a year later than planned."
    old = f"Opening line of the report.\n{first} {second}\nClosing line of the report."
    new = f"Opening line of the report.\n{first}\n{second}\nClosing line of the report."
    if edit == "merged":
        old, new = new, old
    for quote in ("the barrier could be ready by 2029", "discuss the flood barrier"):
        placed = place(old, new, quote)
        assert placed.outcome is Outcome.EXACT, quote
        assert new[placed.start : placed.end] == quote


def test_a_moved_paragraph_is_not_flagged() -> None:
    paragraphs = [
        "First paragraph of the story, about the vote.",
        "Second paragraph, with the quote that was marked in it.",
        "Third paragraph, which closes the story.",
    ]
    old = "\n".join(paragraphs)
    new = "\n".join([paragraphs[2], paragraphs[0], paragraphs[1]])
    for quote in paragraphs:
        placed = place(old, new, quote)
        assert placed.outcome is Outcome.EXACT
        assert new[placed.start : placed.end] == quote


def test_a_quote_that_began_the_text_stays_there_when_the_word_after_it_changed() -> None:
    old = (
        "Facebook CEO Mark Zuckerberg spoke first.\n"
        "Later, Facebook CEO Mark Zuckerberg knows a thing or two about privacy."
    )
    new = old.replace("Mark Zuckerberg spoke", "Mark Elliot Zuckerberg spoke", 1)
    placed = place(old, new, "Facebook CEO Mark")
    assert (placed.outcome, placed.start) == (Outcome.EXACT, 0)


@settings(max_examples=150, deadline=None)
@given(
    paragraphs=st.lists(_words.filter(lambda p: p.strip()), min_size=2, max_size=6, unique=True),
    gone=st.integers(0, 100),
    draws=_draws,
)
def test_notes_on_a_deleted_paragraph_are_never_silently_exact(paragraphs, gone, draws) -> None:
    # Whatever copies of their words the other paragraphs hold (the alphabet is small, so
    # there are many), a note on a deleted paragraph is an orphan, or flagged.
    gone %= len(paragraphs)
    old = "\n".join(paragraphs)
    new = "\n".join(p for i, p in enumerate(paragraphs) if i != gone)
    start_of_gone = sum(len(p) + 1 for p in paragraphs[:gone])
    inside = [
        (s, e)
        for s, e in spans(old, draws)
        if start_of_gone <= s and e <= start_of_gone + len(paragraphs[gone])
    ]
    placed = reanchor(old, new, [anchor(old, s, e) for s, e in inside])
    assert all(p.outcome is not Outcome.EXACT for p in placed)
