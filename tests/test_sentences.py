"""Sentence boundaries (`store.sentences.sentence_spans`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimmark.store.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("   \n\n\t ") == []


def test_plain_sentences_split_at_full_stops_question_and_exclamation_marks() -> None:
    assert sentences("The barrier is late. Will it open? Nobody knows! Officials say so.") == [
        "The barrier is late.",
        "Will it open?",
        "Nobody knows!",
        "Officials say so.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Mrs. Jones and Dr. Patel on Monday.",
        "The deal was signed on Jan. 5 and ratified on Feb. 9 last year.",
        "He lives at No. 10 Downing Street with his family.",
        "The U.S. Senate and the U.K. Parliament both voted.",
        "J. R. Smith and Ana M. Duarte wrote the report.",
        "Inflation rose to 3.5 per cent, from 2.75 per cent.",
        "Shares of Brennmouth Gateway Ltd., the operator, fell.",
        "The meeting starts at 9 a.m. on Tuesday in Portmore.",
        "Dame Judith spoke to Prof. Hoffmann and Cllr. Martin Haigh.",
        "See the report at example.com/report.pdf for details.",
        "The cut would be large, said P. Quentin Harrowgate, a fellow at the institute.",
        "Marion T. Oduya, an economist at the bureau, said the plan was flawed.",
        "Sen. Carla R. Benning (D-Va.) said the bill would not pass.",
        "Gov. Tomas Ruel and Lt. Gov. Ines Aberra said they would sign it.",
        "Cllr. Rhodri Vane and Rep. Jo Marsh (R-Tex.) disagreed with Pres. Holm.",
        "Brig. Gen. Ossian Kade met Amb. Lydia Frane on Monday.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_an_abbreviation_ends_a_sentence_when_a_sentence_opener_follows() -> None:
    assert sentences("Talks were held in the U.S. The minister said so.") == [
        "Talks were held in the U.S.",
        "The minister said so.",
    ]
    assert sentences("They sell tables, chairs, etc. But not beds.") == [
        "They sell tables, chairs, etc.",
        "But not beds.",
    ]


def test_a_party_and_state_in_brackets_end_a_sentence_only_before_an_opener() -> None:
    assert sentences("The bill was backed by Sen. Carla Benning (D-Va.). The vote is Monday.") == [
        "The bill was backed by Sen. Carla Benning (D-Va.).",
        "The vote is Monday.",
    ]
    assert sentences("She was ill. Doctors came at once.") == [
        "She was ill.",
        "Doctors came at once.",
    ]


def test_a_quotation_with_comma_and_reporting_verb_is_one_sentence() -> None:
    text = "“The money is there, the engineering is there,” she said. Then she left."
    assert sentences(text) == [
        "“The money is there, the engineering is there,” she said.",
        "Then she left.",
    ]


def test_a_question_in_quotes_followed_by_name_and_verb_is_one_sentence() -> None:
    text = "“Why now?” Ana Duarte asked. The room fell silent."
    assert sentences(text) == ["“Why now?” Ana Duarte asked.", "The room fell silent."]


def test_a_sentence_ending_inside_a_closing_quote_ends_after_the_quote() -> None:
    text = "He called it “a press release, not a plan.” The minister disagreed."
    assert sentences(text) == [
        "He called it “a press release, not a plan.”",
        "The minister disagreed.",
    ]
    text = 'She said: "We are ready." Nobody answered.'
    assert sentences(text) == ['She said: "We are ready."', "Nobody answered."]


def test_an_ellipsis_inside_a_quotation_does_not_end_the_sentence() -> None:
    text = "“The money is there… The nerve is not,” said Frank Doyle. He left."
    assert sentences(text) == [
        "“The money is there… The nerve is not,” said Frank Doyle.",
        "He left.",
    ]
    text = "“We will wait ... Then we will see,” she said."
    assert sentences(text) == [text]


def test_an_ellipsis_outside_quotations_ends_a_sentence_before_a_capital() -> None:
    assert sentences("He paused... Then he left.") == ["He paused...", "Then he left."]
    assert sentences("He paused… and then he left.") == ["He paused… and then he left."]


def test_a_lower_case_word_after_a_full_stop_continues_the_sentence() -> None:
    text = "In a report published last Sept. the audit office found gaps."
    assert sentences(text) == [text]


def test_the_end_of_a_paragraph_always_ends_a_sentence() -> None:
    text = "First paragraph without a stop\nSecond one. Third\nFourth, Mr.\nFifth"
    assert sentences(text) == [
        "First paragraph without a stop",
        "Second one.",
        "Third",
        "Fourth, Mr.",
        "Fifth",
    ]


def test_spans_exclude_surrounding_whitespace() -> None:
    text = "  Lead space.   Trail space.  \n\t Next line. "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Lead space.", "Trail space.", "Next line."]


def test_full_width_stops_end_sentences_without_a_space() -> None:
    assert sentences("会议结束了。部长说很快。") == ["会议结束了。", "部长说很快。"]


def test_live_blog_time_stamps_and_digits_start_sentences() -> None:
    text = "It rose by 5%. 2029 is the target. 09:31 — The hearing has begun."
    assert sentences(text) == [
        "It rose by 5%.",
        "2029 is the target.",
        "09:31 — The hearing has begun.",
    ]


def test_a_sentence_opening_with_a_quote_or_bracket_is_split_before_it() -> None:
    text = "It was late. “We are sorry,” she said. (Nobody replied.)"
    assert sentences(text) == ["It was late.", "“We are sorry,” she said.", "(Nobody replied.)"]


_ALPHABET = st.sampled_from(
    list("abcXYZ .!?…,;:\"'“”‘’()\n\t ") + ["Mr.", "U.S.", "No.", " The ", "...", "\u00a0", "。"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_are_sorted_disjoint_trimmed_and_cover_all_text(text: str) -> None:
    spans = sentence_spans(text)
    previous_end = 0
    covered = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert "\n" not in text[start:end]
        covered += sum(1 for ch in text[start:end] if not ch.isspace())
        previous_end = end
    assert covered == sum(1 for ch in text if not ch.isspace())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_spans_hold_for_arbitrary_unicode(text: str) -> None:
    spans = sentence_spans(text)
    assert spans == sorted(spans)
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()


def test_dot_leaders_do_not_backtrack() -> None:
    # A table of contents with dot leaders ("1. Introduction......2") once made the
    # boundary pattern try every way of reading the dots as "..." or "." (4x per 4 dots).
    text = "1. Introduction" + "." * 4000 + "2 2. Terminology" + "." * 4000 + "5"
    spans = sentence_spans(text)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    # Nor, with no match attempted inside a run, does a run of 100,000 dots take quadratic time.
    assert len(sentence_spans("Contents" + "." * 100_000 + "9")) == 1


def test_an_embedded_posts_byline_date_run_into_the_text_ends_the_post() -> None:
    text = (
        "Now this. pic.twitter.com/x — Ann Vell (@annv) November 8, 2016 Dozens of people "
        "posted memes. Then more."
    )
    assert sentences(text) == [
        "Now this. pic.twitter.com/x — Ann Vell (@annv) November 8, 2016",
        "Dozens of people posted memes.",
        "Then more.",
    ]
    # a date in a sentence is no boundary, nor a handle without a date after it
    assert len(sentences("He met (@annv) on November 8, 2016 in Paris.")) == 1
