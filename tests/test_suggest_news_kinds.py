"""Suggested attributions: the kinds of failure read from a fourth batch of real news
(extra-dev4), one test per kind, sentence by sentence.

Every text here is written for these tests (invented people, places, bodies and outlets);
none is copied from a news page.
"""

from __future__ import annotations

from claimmark.store.suggest import Suggestion, suggest_attributions


def only(text: str) -> Suggestion:
    found = suggest_attributions(text)
    assert len(found) == 1, [(s.sentence, s.claimant) for s in found]
    return found[0]


def by_sentence(text: str) -> dict[str, Suggestion]:
    return {s.sentence: s for s in suggest_attributions(text)}


# -- names ------------------------------------------------------------------------------------


def test_who_in_capitals_is_the_health_organisation_not_the_pronoun() -> None:
    assert only("Fevers are rare in the valley, says WHO.").claimant == "WHO"
    assert only("According to WHO, there were 300 cases last year.").claimant == "WHO"
    assert only("The germ, per the WHO, lives in fleas.").claimant == "the WHO"
    # in a headline in capitals it is the pronoun: no claimant "WHO"
    assert all(s.claimant != "WHO" for s in suggest_attributions("WHO IS TO BLAME?"))


# -- quotations -------------------------------------------------------------------------------


def test_two_right_single_quotes_close_a_double_quotation() -> None:
    found = by_sentence(
        "“It was a trick to fool readers,’’ Anna Berg, director of the watchdog Clear Facts,"
        " told the Courier. “And I think it is wrong.”"
    )
    first, second = found.values()
    assert first.claimant == "Anna Berg"
    assert first.sources == ("the Courier",)
    assert second.claimant == "Anna Berg" and second.inherited


# -- pronouns ---------------------------------------------------------------------------------


def test_a_pronoun_opening_a_sentence_is_the_previous_sentences_subject() -> None:
    s = only(
        "Tom Baker was the second witness who heard the minister speak with Governor Paul Hart."
        " He said he was not worried about the speech."
    )
    assert s.claimant == "Tom Baker"
    s = only("Anna Lee met Mr. Paul Hart on Monday. She said the talks went well.")
    assert s.claimant == "Anna Lee"
    # a claimant of the sentence before still comes first
    found = suggest_attributions(
        "Paul Hart said Tom Baker was late. He said the bus had broken down."
    )
    assert [s.claimant for s in found] == ["Paul Hart", "Paul Hart"]
