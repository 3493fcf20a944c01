"""Word motions as pure functions: what a word is, where `w`, `b` and a word-made selection
land, and that the windowed searches agree with reading the whole text."""

from __future__ import annotations

import sys
import unicodedata
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimmark.tui.widgets.motions import (
    CURRENCY,
    trim_span,
    word_end,
    word_end_previous,
    word_next,
    word_pattern,
    word_previous,
)


def same(offset: int) -> int:
    return offset


def words(text: str) -> list[str]:
    return [match.group() for match in word_pattern().finditer(text)]


def starts(text: str) -> list[int]:
    return [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A £1.4bn plan,” she said.", ["A", "£1.4bn", "plan", "she", "said"]),
        ("Kyiv’s mayor won’t co-operate", ["Kyiv’s", "mayor", "won’t", "co-operate"]),
        ("up 3.5% to 1,200 at 10:30", ["up", "3.5%", "to", "1,200", "at", "10:30"]),
        ("$5, €20 or 30€ (AT&T, 24/7)", ["$5", "€20", "or", "30€", "AT&T", "24/7"]),
        ("the U.S. and ‘quoted’ words…", ["the", "U.S", "and", "quoted", "words"]),
        ("vote—soon -- “Yes!”, he said", ["vote", "soon", "Yes", "he", "said"]),
        ("Θεσσαλονίκη, Zürich, 東京 e\u0301", ["Θεσσαλονίκη", "Zürich", "東京", "e\u0301"]),
    ],
)
def test_what_a_word_is(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_every_currency_symbol_starts_a_word() -> None:
    symbols = [
        chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Sc"
    ]
    assert symbols
    for symbol in symbols:
        assert words(f"{symbol}12") == [f"{symbol}12"], repr(symbol)
    assert "$" in CURRENCY


def test_w_passes_over_quotes_and_punctuation() -> None:
    text = "Officials said “a £1.4bn deal”, adding: (soon)."
    landed = []
    offset = 0
    while offset < len(text):
        offset = word_next(text, offset, same)
        landed.append(text[offset : offset + 4])
    assert landed == ["said", "a £1", "£1.4", "deal", "addi", "soon", ""]


def test_w_from_inside_a_word_goes_to_the_next_one() -> None:
    text = "a £1.4bn deal"
    inside = text.index(".")  # inside "£1.4bn", on its full stop
    assert word_next(text, inside, same) == text.index("deal")


def test_b_goes_to_the_start_of_a_word_never_onto_punctuation() -> None:
    text = "the barrier could be ready by 2029.”"
    assert text[word_previous(text, len(text), [0], same) :] == "2029.”"
    middle = text.index("rrier")
    assert word_previous(text, middle, [0], same) == text.index("barrier")
    assert word_previous(text, text.index("barrier"), [0], same) == 0
    assert word_previous(text, 0, [0], same) == 0


def test_word_end_is_the_end_of_the_word_without_what_follows() -> None:
    text = "property owners said, “no”."
    owners = text.index("owners")
    assert text[owners : word_end(text, owners, same)] == "owners"
    assert word_end(text, owners + 2, same) == owners + len("owners")  # from inside
    end = owners + len("owners")
    assert text[owners : word_end(text, end, same)] == "owners said"  # at an end: the next
    assert text[owners : word_end(text, text.index(","), same)] == "owners said, “no"
    assert word_end(text, text.index("”."), same) == len(text)  # no word left


def test_word_end_previous() -> None:
    text = "owners said, “no”."
    assert word_end_previous(text, len(text), same) == text.index("”.")  # after "no"
    assert word_end_previous(text, text.index(","), same) == len("owners")
    assert word_end_previous(text, 3, same) == 0


def test_trim_span() -> None:
    text = "  owners \n said  "
    assert trim_span(text, 0, len(text)) == (2, text.index("d") + 1)
    assert trim_span(text, 0, 2) == (2, 2)


def reference_words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in word_pattern().finditer(text)]


_ALPHABET = "ab1. ’-,“”\n£%"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80), st.data())
def test_motions_agree_with_reading_the_whole_text(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    spans = reference_words(text)
    para = starts(text)
    # w: the first word starting after the word holding the offset (or after the offset)
    holding = next((s, e) for s, e in [*spans, (len(text), len(text))] if e > offset or s >= offset)
    after = holding[1] if holding[0] <= offset < holding[1] else offset
    expected_next = next((s for s, _ in spans if s > offset and s >= after), len(text))
    assert word_next(text, offset, same) == expected_next
    # b: the start of the last word starting before the offset
    expected_previous = max((s for s, _ in spans if s < offset), default=0)
    assert word_previous(text, offset, para, same) == expected_previous
    # word end: the first word end after the offset
    expected_end = next((e for _, e in spans if e > offset), len(text))
    assert word_end(text, offset, same) == expected_end
    expected_end_before = max((e for _, e in spans if e < offset), default=0)
    assert word_end_previous(text, offset, same) == expected_end_before
    assert bisect_right(para, offset) >= 1


def test_a_very_long_run_without_spaces_still_moves() -> None:
    text = "x" * 10_000 + " end"
    assert word_next(text, 5_000, same) == text.index("end")
    assert word_previous(text, len(text), starts(text), same) == text.index("end")
