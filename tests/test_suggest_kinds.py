"""Suggested attributions, kind by kind as issue 11 lists them, sentence by sentence.

Every text here is written for these tests (invented people, places and outlets); none is
copied from a news page.
"""

from __future__ import annotations

import json

from claimmark.store.models import Attribution
from claimmark.store.suggest import Suggestion, suggest_attributions, suggestion_to_dict


def by_sentence(text: str) -> dict[str, Suggestion]:
    return {s.sentence: s for s in suggest_attributions(text)}


def only(text: str) -> Suggestion:
    found = suggest_attributions(text)
    assert len(found) == 1, [(s.sentence, s.claimant) for s in found]
    return found[0]


def claimants(text: str) -> list[tuple[str, str, bool]]:
    """(sentence, claimant, inherited) of every suggestion."""
    return [(s.sentence, s.claimant, s.inherited) for s in suggest_attributions(text)]


# -- inherited speakers ----------------------------------------------------------------------


def test_a_quotation_continued_in_the_same_paragraph_is_inherited() -> None:
    text = (
        "“The river rose faster than anyone expected,” said Tomas Ruel, the harbour master. "
        "“We moved the boats twice before midnight.”"
    )
    first, second = suggest_attributions(text)
    assert (first.claimant, first.inherited) == ("Tomas Ruel", False)
    assert (second.claimant, second.inherited) == ("Tomas Ruel", True)
    assert second.attribution is Attribution.DIRECT_QUOTE


def test_a_quote_paragraph_after_an_attributed_quote_is_inherited() -> None:
    text = (
        "“We are ready for the inspection,” the minister said.\n"
        "“Nobody on the board believes otherwise.”"
    )
    assert claimants(text) == [
        ("“We are ready for the inspection,” the minister said.", "the minister", False),
        ("“Nobody on the board believes otherwise.”", "the minister", True),
    ]


def test_a_quotation_running_on_over_paragraphs_is_inherited_to_its_end() -> None:
    text = (
        "“The water came in under the doors,” said Ilse Varga, who runs the bakery. "
        "“We lifted the ovens onto pallets.\n"
        "“By the morning the flour was ruined. We lost the whole week.”\n"
        "The council met on Friday."
    )
    assert claimants(text) == [
        (
            "“The water came in under the doors,” said Ilse Varga, who runs the bakery.",
            "Ilse Varga",
            False,
        ),
        ("“We lifted the ovens onto pallets.", "Ilse Varga", True),
        ("“By the morning the flour was ruined.", "Ilse Varga", True),
        ("We lost the whole week.”", "Ilse Varga", True),
    ]


def test_a_quotation_before_its_cue_takes_the_cue_not_the_earlier_speaker() -> None:
    text = (
        "“The tide tables were wrong,” said Tomas Ruel.\n"
        "“Nobody checked them. Nobody ever does,” the ferry captain, Odile Marchetti, said."
    )
    found = by_sentence(text)
    assert found["“Nobody checked them."].claimant == "Odile Marchetti"
    assert found["“Nobody checked them."].inherited


def test_a_quote_paragraph_after_narration_is_not_inherited() -> None:
    text = (
        "“The tide tables were wrong,” said Tomas Ruel. The harbour closed at noon.\n"
        "“Nobody checked them.”"
    )
    assert [s.sentence for s in suggest_attributions(text)] == [
        "“The tide tables were wrong,” said Tomas Ruel."
    ]


def test_a_list_after_said_colon_is_inherited_item_by_item() -> None:
    text = (
        "Dr. Helen Marsh, the trust’s chief executive, also said:\n"
        "• Waiting lists will fall by a third.\n"
        "• Two wards will reopen in May.\n"
        "The board meets next week."
    )
    assert claimants(text) == [
        ("Dr. Helen Marsh, the trust’s chief executive, also said:", "Dr. Helen Marsh", False),
        ("• Waiting lists will fall by a third.", "Dr. Helen Marsh", True),
        ("• Two wards will reopen in May.", "Dr. Helen Marsh", True),
    ]


def test_a_block_quotation_after_said_colon_without_quotation_marks() -> None:
    text = (
        "In a letter to parents, the headteacher, Rosa Tandy, wrote:\n"
        "The school will close early on Friday. Buses will leave at noon.\n"
        "Parents collected their children at twelve."
    )
    found = by_sentence(text)
    assert found["The school will close early on Friday."].claimant == "Rosa Tandy"
    assert found["Buses will leave at noon."].inherited
    assert "Parents collected their children at twelve." not in found


def test_a_first_person_block_after_its_author_is_named_is_inherited() -> None:
    text = (
        "The flaw was found by Ines Kovač, a researcher, who said she had warned the firm in "
        "2022.\n"
        "The cache trusts whatever the client sends. That lets us fill it with junk.\n"
        "In my tests the server fell over within a minute.\n"
        "The firm has not replied to requests for comment."
    )
    found = by_sentence(text)
    for sentence in (
        "The cache trusts whatever the client sends.",
        "That lets us fill it with junk.",
        "In my tests the server fell over within a minute.",
    ):
        assert (found[sentence].claimant, found[sentence].inherited) == ("Ines Kovač", True)
    assert "The firm has not replied to requests for comment." not in found


def test_first_person_paragraphs_of_a_first_person_writer_are_not_quotations() -> None:
    text = (
        "I spent a week on the night buses.\n"
        "The operator, Lumen Transit, said fares would rise in June.\n"
        "I paid the old fare every night."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Lumen Transit"]


def test_inherited_is_in_the_json() -> None:
    text = "“We are ready,” the minister said.\n“Nobody believes otherwise.”"
    data = json.loads(json.dumps([suggestion_to_dict(s) for s in suggest_attributions(text)]))
    assert [item["inherited"] for item in data] == [False, True]


# -- names with initials, particles and titles ------------------------------------------------


def test_a_name_with_an_initial_comes_out_whole() -> None:
    s = only("The cut would cost $40bn, said P. Quentin Harrowgate, a fellow at the institute.")
    assert s.claimant == "P. Quentin Harrowgate"
    s = only("Marion T. Oduya, an economist at the bureau, said the plan was flawed.")
    assert s.claimant == "Marion T. Oduya"


def test_a_name_with_particles_comes_out_whole() -> None:
    assert only("Annelie van der Berkhout said the union would respond.").claimant == (
        "Annelie van der Berkhout"
    )


def test_a_title_and_a_party_tag_do_not_cut_the_name() -> None:
    s = only("Sen. Carla R. Benning (D-Va.) said the bill would not pass.")
    assert s.claimant == "Sen. Carla R. Benning"


def test_a_capitalised_role_before_a_name_is_its_description() -> None:
    s = only("Harbour Commissioner Elias Brandt told reporters that the quay would reopen.")
    assert (s.claimant, s.description) == ("Elias Brandt", "Harbour Commissioner")
    s = only("Opposition Leader Marta Quell said the budget was a fiction.")
    assert (s.claimant, s.description) == ("Marta Quell", "Opposition Leader")


def test_a_lower_case_role_before_a_name_is_its_description() -> None:
    s = only("Lisbon-based developer Rui Falcão wrote in a blog post that the bug was serious.")
    assert (s.claimant, s.description) == ("Rui Falcão", "Lisbon-based developer")


def test_a_role_appositive_before_a_name() -> None:
    s = only("Vardenfell's chief of staff, Oren Castellan, said talks would resume.")
    assert s.claimant == "Oren Castellan"


def test_a_month_name_can_be_a_first_name() -> None:
    s = only("“It was seen as clerical work,” said June Okafor, a historian at the institute.")
    assert s.claimant == "June Okafor"


def test_an_acronym_qualifier_stays_in_the_claimant() -> None:
    assert only("Senior US officials said the deal was close.").claimant == "senior US officials"


def test_a_first_name_after_a_role_expands_to_the_full_name() -> None:
    text = (
        "“There was nothing the doctors could do,” her mother, Wren, said in a statement.\n"
        "Wren Halloway has asked other parents to check what their children buy online."
    )
    first = suggest_attributions(text)[0]
    assert first.claimant == "Wren Halloway"


def test_a_surname_shared_by_two_people_is_the_one_named_last() -> None:
    text = (
        "Tess Lindgren joined the lab in 1961.\n"
        "Her daughter, Ada Lindgren, later studied there too.\n"
        "Lindgren recalls that the machine filled a whole room."
    )
    assert suggest_attributions(text)[-1].claimant == "Ada Lindgren"
