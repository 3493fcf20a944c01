"""Suggested attributions: the wider lexicon of reporting verbs, each with the context it
needs to report, and the form a claimant's name takes.

The verbs come from the usual lists of attribution verbs in news writing, not from a page's
errors: each is tested with what makes it report and with a use that reports nothing.
Every text here is written for these tests (invented people, places and bodies).
"""

from __future__ import annotations

import pytest

from claimmark.store.suggest import suggest_attributions


def claims(text: str) -> list[tuple[str, str]]:
    return [(s.claimant, s.cue) for s in suggest_attributions(text)]


def claimants(text: str) -> list[str]:
    return [s.claimant for s in suggest_attributions(text)]


# -- verbs that report with a `that` clause ---------------------------------------------------


@pytest.mark.parametrize(
    "verb", ["underscored", "reaffirmed", "reasoned", "conceded", "swore", "protested"]
)
def test_a_that_verb_reports_its_clause(verb: str) -> None:
    text = f"Mayor Ilse Varga {verb} that the bridge would reopen in May."
    assert claimants(text) == ["Ilse Varga"]


def test_a_that_verb_without_its_clause_reports_nothing() -> None:
    assert claims("The crowd protested the fare rise outside the depot.") == []
    assert claims("Dock workers swore at the foreman.") == []


@pytest.mark.parametrize("verb", ["reminded", "advised", "assured"])
def test_a_verb_with_a_listener_and_a_that_clause_reports(verb: str) -> None:
    text = f"Mayor Ilse Varga {verb} residents that the water was safe to drink."
    assert claimants(text) == ["Ilse Varga"]


def test_advised_without_a_clause_reports_nothing() -> None:
    assert claims("The harbour guide advised against swimming after dark.") == []


# -- verbs of speaking beside a quotation -----------------------------------------------------


@pytest.mark.parametrize("verb", ["scoffed", "fumed", "muttered", "gushed", "protested"])
def test_a_manner_of_speaking_verb_reports_beside_a_quotation(verb: str) -> None:
    assert claims(f"“That plan will never work,” Tomas Reyne {verb}.") == [("Tomas Reyne", verb)]
    assert claimants(f"“That plan will never work,” {verb} Tomas Reyne, a farmer.") == [
        "Tomas Reyne"
    ]


def test_a_manner_of_speaking_verb_without_a_quotation_reports_nothing() -> None:
    assert claims("Tomas Reyne fumed for an hour in the waiting room.") == []
    assert claims("Tomas Reyne muttered something and left the hall.") == []


# -- boasting ---------------------------------------------------------------------------------


def test_boasting_reports_what_is_boasted_of() -> None:
    assert claims("Mayor Ilse Varga boasted that crime had fallen.") == [
        ("Ilse Varga", "boasted that")
    ]
    assert claims("The ruling party boasted of its record on jobs.") == [
        ("the ruling party", "boasted of")
    ]
    assert claims("“Best season ever,” Ilse Varga bragged.") == [("Ilse Varga", "bragged")]


def test_a_place_that_boasts_a_thing_is_no_claim() -> None:
    assert claims("The team boasted a perfect record going into the final.") == []
    assert claims("The old port town boasts a fine harbour.") == []


# -- public blame and judgement ---------------------------------------------------------------


@pytest.mark.parametrize("verb", ["condemned", "denounced", "decried"])
def test_a_verb_of_blame_reports_like_criticised(verb: str) -> None:
    assert claims(f"Opposition leader Kim Sato {verb} the vote.") == [("Kim Sato", verb)]


@pytest.mark.parametrize("verb", ["slammed", "hailed", "touted", "derided"])
def test_a_verb_of_judgement_reports_with_what_was_said(verb: str) -> None:
    assert claimants(f"Union leader Sam Ito {verb} the deal as a turning point.") == ["Sam Ito"]
    assert claimants(f"Union leader Sam Ito {verb} the deal, saying it was historic.") == [
        "Sam Ito"
    ]
    assert claimants(f"Union leader Sam Ito {verb} the deal: “a turning point.”") == ["Sam Ito"]


def test_a_verb_of_judgement_with_no_words_reports_nothing() -> None:
    assert claims("Sam Ito slammed the door of the union office.") == []
    assert claims("Fans hailed a cab outside the stadium.") == []
    assert claims("The door slammed shut behind the mayor.") == []


# -- the form of a claimant's name ------------------------------------------------------------


def test_a_pronoun_gives_the_fullest_name_the_text_uses() -> None:
    text = (
        "The minister put Kathleen Hawk Sawyer in charge of the agency.\n"
        "Hawk Sawyer said she could not comment on the inquiry.\n"
        "She said the agency was short of staff.\n"
        "“We will fix it.”"
    )
    found = {s.sentence: s for s in suggest_attributions(text)}
    assert found["She said the agency was short of staff."].claimant == "Kathleen Hawk Sawyer"
    assert found["“We will fix it.”"].claimant == "Kathleen Hawk Sawyer"
    assert found["“We will fix it.”"].inherited


def test_an_organisation_keeps_the_name_as_written_a_person_and_an_acronym_are_spelled_out() -> (
    None
):
    text = (
        "Harlow Freight Services cut 200 jobs in May. Harlow said the cuts were over.\n"
        "The Federal Aviation Administration grounded the jets. The FAA said checks would "
        "take weeks.\n"
        "Councillor Mara Quist chaired the meeting. Quist said the budget was balanced."
    )
    assert claimants(text) == [
        "Harlow",
        "the Federal Aviation Administration",
        "Councillor Mara Quist",
    ]
