"""The re-anchoring algorithm and the version diff on their own (no database): properties
over arbitrary texts, and the minimum score that makes an orphan rather than a guess."""

from __future__ import annotations

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
