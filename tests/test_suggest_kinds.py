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


def test_a_quotation_after_a_named_speakers_paraphrase_is_theirs() -> None:
    text = (
        "Marta Solis said the harbour fund had run dry in May. “We saw it coming.”\n"
        "Solis told the council the repairs would wait.\n"
        "“There is no money left. We tried every bank in the county.”\n"
        "Officials said the work would resume in spring.\n"
        "“Nobody has told us when.”"
    )
    assert claimants(text) == [
        ("Marta Solis said the harbour fund had run dry in May.", "Marta Solis", False),
        ("“We saw it coming.”", "Marta Solis", True),
        ("Solis told the council the repairs would wait.", "Marta Solis", False),
        ("“There is no money left.", "Marta Solis", True),
        ("We tried every bank in the county.”", "Marta Solis", True),
        ("Officials said the work would resume in spring.", "officials", False),
    ]


def test_a_quotation_before_its_cue_takes_the_cue_not_the_earlier_speaker() -> None:
    text = (
        "“The tide tables were wrong,” said Tomas Ruel.\n"
        "“Nobody checked them. Nobody ever does,” the ferry captain, Odile Marchetti, said."
    )
    found = by_sentence(text)
    assert found["“Nobody checked them."].claimant == "Odile Marchetti"
    assert found["“Nobody checked them."].inherited


def test_reported_speech_going_on_with_would_also_is_inherited() -> None:
    text = (
        "Marren told local radio the search area would be widened. "
        "Divers would also check the harbour mouth.\n"
        "The ferry sank on Monday. Crews would also search the coast."
    )
    assert claimants(text) == [
        ("Marren told local radio the search area would be widened.", "Marren", False),
        ("Divers would also check the harbour mouth.", "Marren", True),
    ]


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


def test_links_and_lines_to_the_reader_are_no_quoted_block() -> None:
    text = (
        "“Video games matter,” said Ozzy Inguanzo, a screenwriter.\n"
        "[The 10 Strangest Ways We Bury the Dead]\n"
        "Zombies appeared in many films over the decades.\n"
        "Follow us @tarvikscience, Facebook and Google+.\n"
        "Two directors told their own tale of a town overrun by the dead."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Ozzy Inguanzo"]


def test_a_link_in_brackets_inside_a_paragraph_is_nobodys() -> None:
    text = (
        "In his 1931 book, Seabrook describes the taste as being very like veal.\n"
        "Zombies appeared in many films. [The 10 Strangest Ways We Bury the Dead]\n"
        "“Audiences saw them as zombies,” said Ozzy Inguanzo. Since then they spread to "
        "games (see the novel “Pride and Zombies). [Zombies! Your Guide to the Dead ]"
    )
    assert [(s.sentence, s.inherited) for s in suggest_attributions(text)] == [
        ("In his 1931 book, Seabrook describes the taste as being very like veal.", False),
        ("“Audiences saw them as zombies,” said Ozzy Inguanzo.", False),
    ]


def test_first_person_paragraphs_of_a_first_person_writer_are_not_quotations() -> None:
    text = (
        "I spent a week on the night buses.\n"
        "The operator, Lumen Transit, said fares would rise in June.\n"
        "I paid the old fare every night."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Lumen Transit"]


def test_an_embedded_post_is_its_authors_by_the_byline_after_it() -> None:
    text = (
        "The mayor turned to social media on Friday.\n"
        "The harbour has turned into a swamp due to the silt\n"
        "We have started handing out boots today. Please wear them\n"
        "— Ada Lindqvist (@adalindqvist) November 1, 2019\n"
        "The council met on Monday."
    )
    assert claimants(text) == [
        ("The harbour has turned into a swamp due to the silt", "Ada Lindqvist", True),
        ("We have started handing out boots today.", "Ada Lindqvist", True),
        ("Please wear them", "Ada Lindqvist", True),
    ]
    assert suggest_attributions(text)[0].cue == "— Ada Lindqvist (@adalindqvist)"


def test_an_embedded_post_takes_the_fuller_name_the_article_gives() -> None:
    text = (
        "Joshua Okoro, a professor of engineering, explained that the air was still.\n"
        "Nothing moved over the valley on Sunday.\n"
        "The smoke was worse than last year. Officials did nothing.\n"
        "— Josh Okoro (@jokoro) November 3, 2019"
    )
    found = suggest_attributions(text)
    assert [s.claimant for s in found] == ["Joshua Okoro"] * 3
    assert found[1].sentence == "The smoke was worse than last year."


def test_a_quotation_after_a_short_quoted_answer_is_the_same_speakers() -> None:
    text = (
        "“Yes, mostly,” Noor Haddad said, adding with a smile. “It would be new in a way "
        "that does not matter. That is true of every fund.”"
    )
    assert [(s.claimant, s.inherited) for s in suggest_attributions(text)] == [
        ("Noor Haddad", False),
        ("Noor Haddad", True),
        ("Noor Haddad", True),
    ]


def test_a_space_after_an_opening_quotation_mark_still_starts_a_sentence() -> None:
    text = "“Running a port is hard,” Vera Lind said. “ I love it all the same.”"
    assert [(s.sentence, s.inherited) for s in suggest_attributions(text)] == [
        ("“Running a port is hard,” Vera Lind said.", False),
        ("“ I love it all the same.”", True),
    ]


def test_the_writer_told_in_the_first_person_is_no_quoted_block() -> None:
    text = (
        "“The pier is a laboratory,” says Ivo Brandt, who wrote a book about it.\n"
        "Since the storm, the curfew has tightened. Residents told me that they may leave "
        "only three days a week."
    )
    assert [(s.sentence[:20], s.claimant, s.inherited) for s in suggest_attributions(text)] == [
        ("“The pier is a labor", "Ivo Brandt", False),
        ("Residents told me th", "residents", False),
    ]


def test_the_company_after_an_according_to_of_people_is_not_those_people() -> None:
    text = (
        "The attorney general is investigating Brightwater, according to two people familiar "
        "with the matter. The company confirmed on Monday that it had been contacted."
    )
    found = suggest_attributions(text)
    assert found[0].claimant == "two people familiar with the matter"
    assert found[1].claimant != "two people familiar with the matter"


def test_a_quote_paragraph_after_a_quoted_question_is_the_answer_of_the_other_party() -> None:
    text = (
        "“That can be true,” Noor Haddad said, “but the risk is small.”\n"
        "“But there is some risk,” Ivo Brandt interjected. “Do you dispute that?”\n"
        "“There can be a very small risk for some people. It is the safest option.”"
    )
    found = [(s.claimant, s.inherited) for s in suggest_attributions(text)]
    assert found[-2:] == [("Noor Haddad", True), ("Noor Haddad", True)]


def test_a_statement_reads_and_a_report_released_by_a_described_body() -> None:
    text = (
        "Norland Sea Lines issued a statement on Monday. The statement read: “We are saddened.”\n"
        "She read the letter aloud: “Dear Ana.”\n"
        "The report, released by the maritime agency, found that the crew had no training."
    )
    assert [(s.claimant, s.cue, s.description) for s in suggest_attributions(text)] == [
        ("Norland Sea Lines", "issued a statement", ""),
        ("Norland Sea Lines", "read", "the statement"),
        ("the maritime agency", "found that", "the report"),
    ]


def test_a_maker_that_releases_its_report_speaks_through_it() -> None:
    text = (
        "On Tuesday, the Harbour Board under chair Ada Lindqvist delivered its final report.\n"
        "The report concluded that the pier was safe."
    )
    s = only(text)
    assert (s.claimant, s.description) == ("the Harbour Board", "the report")


def test_a_digest_headline_is_the_outlet_in_brackets_after_it() -> None:
    text = (
        "Ferry Fares Are A Warning Sign For Island Economies (Harbour Review)\n"
        "The ship sank on Monday (local time)\n"
        "Relatives of the missing wait at the port in Tarvik (AFP)"
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("Harbour Review", "(Harbour Review)")
    ]


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


def test_a_sports_role_before_a_name_is_its_description() -> None:
    text = (
        "“We played our best game,” coach Ray Dunn said.\n"
        "Goalie Samuel Oyelaran made 34 saves. He said the team had studied video all week."
    )
    last = suggest_attributions(text)[-1]
    assert last.claimant == "Samuel Oyelaran"


def test_short_forms_of_first_names_tell_a_person_and_gender() -> None:
    text = (
        "The ferry left late. Sam Oyelaran watched it go from the quay.\n"
        "He said the engine had failed twice that week."
    )
    assert suggest_attributions(text)[-1].claimant == "Sam Oyelaran"


def test_a_possessive_name_opening_the_sentence_keeps_its_capital() -> None:
    s = suggest_attributions("Marta Solis runs the fund. Solis’s office said the plan was dead.")
    assert s[-1].claimant == "Solis’s office"


def test_a_name_comes_out_without_its_employer_or_affiliation() -> None:
    text = (
        "The effects will be lasting, Mira Castell of the University of Tarvik said.\n"
        "Harbourline’s Karin Alvarsson suggests that the fund is at risk.\n"
        "Veteran Wall Streeter Charlotte Brenner says clients leave over silence. "
        "The biggest reason, writes Brenner, is neglect.\n"
        "The Bank of Norland said rates would rise."
    )
    assert [s.claimant for s in suggest_attributions(text)] == [
        "Mira Castell",
        "Karin Alvarsson",
        "Charlotte Brenner",
        "Charlotte Brenner",
        "the Bank of Norland",
    ]


def test_a_body_named_after_a_description_or_before_a_noun_of_its_kind() -> None:
    text = (
        "He taught there for years, according to the Tarvik-based charity Amis des Enfants.\n"
        "The school closed in 2019, The Vell Courier newspaper reported."
    )
    assert [s.claimant for s in suggest_attributions(text)] == [
        "Amis des Enfants",
        "the Vell Courier",
    ]


def test_the_then_office_is_the_person_named_just_before() -> None:
    text = (
        "Ruth Calloway opposed the new exams, her papers reveal.\n"
        "In one memo, the then prime minister said the system was biased.\n"
        "Calloway, herself a former teacher, raised her concerns with the minister.\n"
        "Mayor Ana Duarte met Tom Pell. The president said the talks had failed."
    )
    found = [(s.claimant, s.description) for s in suggest_attributions(text)]
    assert ("Ruth Calloway", "the then prime minister") in found
    assert ("Ruth Calloway", "") in found  # past "herself a former teacher"
    assert found[-1] == ("Tom Pell", "the president")  # not the mayor


def test_a_place_before_a_title_is_no_part_of_the_name() -> None:
    s = only("North Vell Gov. Kristin Aalto (R) said the ferry would run all winter.")
    assert (s.claimant, s.description) == ("Gov. Kristin Aalto", "North Vell")


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


def test_capitalised_team_and_role_words_before_a_first_name_are_its_description() -> None:
    s = only(
        "Lions DL Curtis Mabry, however, weighed in on Monday, saying that the referee "
        "should be disciplined."
    )
    assert (s.claimant, s.description) == ("Curtis Mabry", "Lions DL")
    s = only("Gazette Sports NFL Insider Wesley Crane has reported that the league will act.")
    assert (s.claimant, s.description) == ("Wesley Crane", "Gazette Sports NFL Insider")


def test_a_first_name_inside_a_name_does_not_cut_it() -> None:
    s = only("Oluwaseun Daniel Adeyemi said the ferry would run on Sunday.")
    assert s.claimant == "Oluwaseun Daniel Adeyemi"
    s = only("“The pier is safe,” said Tamsin Joy Holloway.")
    assert s.claimant == "Tamsin Joy Holloway"


def test_a_role_noun_opening_the_sentence_before_a_surname() -> None:
    text = (
        "Ada Okonjo, a hydrologist at the institute, studied the bay. "
        "Hydrologist Okonjo said the silt would move east."
    )
    s = only(text)
    assert (s.claimant, s.description) == ("Ada Okonjo", "Hydrologist")


def test_a_person_known_by_one_name_is_who_he_or_she_means() -> None:
    text = (
        "The water reached the roof by noon, said Tembo, who runs the bakery on the quay. "
        "“We lost everything,” he said.\n"
        "According to Okafor, the alarm never sounded. “Nobody warned us,” she said."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("Tembo", "said"),
        ("Tembo", "said"),
        ("Okafor", "according to"),
        ("Okafor", "said"),
    ]


def test_a_common_first_name_tells_the_gender_a_pronoun_needs() -> None:
    text = "Wendy Okafor sat beside Curtis Bell at the hearing. “We are ready,” she said."
    assert only(text).claimant == "Wendy Okafor"
    text = "Curtis Bell sat beside Wendy Okafor at the hearing. “We are ready,” he said."
    assert only(text).claimant == "Curtis Bell"


def test_a_surname_spelt_with_or_without_its_umlaut_is_one_person() -> None:
    text = (
        "Gerda Jürgens, the prefect, spoke in April. "
        "“This is a provocation,” Juergens said. Jurgens criticized the choice of speakers, "
        "accusing the sisters of disobedience."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Gerda Jürgens", "Gerda Jürgens"]


def test_a_short_first_name_stands_for_the_full_one() -> None:
    text = (
        "Joshua Okoro, a professor of engineering, explained that the air was still.\n"
        "Smoke from the fields filled the valley. — Josh Okoro (@jokoro) November 3\n"
        "“It overflows,” Okoro said."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Joshua Okoro"] * 2


def test_a_name_that_modifies_a_noun_is_no_one_a_pronoun_can_mean() -> None:
    text = (
        "Ada Lindqvist grew up in Boise. As a teen she won the Miss Idaho title in 2004. "
        "She said she used the prize money for law school."
    )
    assert only(text).claimant == "Ada Lindqvist"


def test_the_opposition_is_a_body_that_speaks() -> None:
    s = only("The opposition accused the government of ignoring warnings about old ferries.")
    assert (s.claimant, s.cue) == ("the opposition", "accused")


def test_a_body_of_people_is_it_not_he() -> None:
    text = (
        "The union said wages fell in May. He added that talks would resume.\n"
        "The panel said the dam was unsafe. It added that repairs would take a year."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("the union", "said"),
        ("the panel", "said"),
        ("the panel", "added that"),
    ]


def test_they_after_a_group_of_people_that_opened_a_sentence() -> None:
    text = (
        "Dozens of drivers gathered outside the depot on Monday. "
        "They said the new rota would cut their pay.\n"
        "The nurses walked out on Tuesday. “We are exhausted,” they said.\n"
        "The Tarvik Rowing Club lost the final. It said the umpire had erred."
    )
    assert [s.claimant for s in suggest_attributions(text)] == [
        "Dozens of drivers",
        "the nurses",
        "the Tarvik Rowing Club",
    ]


def test_they_after_two_people_named_together() -> None:
    text = (
        "Ada Lindqvist and Curtis Bell measured the tide for a year. Lindqvist and Bell "
        "plotted the readings. They found that the water rose faster in May."
    )
    assert only(text).claimant == "Ada Lindqvist and Curtis Bell"
    text = (
        "Ada Lindqvist and Ivo Brandt said the readings were wrong. "
        "They also found that the gauge had moved."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Ada Lindqvist and Ivo Brandt"] * 2


def test_a_dateline_and_a_fronted_time_phrase_before_the_subject() -> None:
    s = only(
        "TOLLAND, N.Y. — Hours before the final, Harbour coach Curtis Bell expressed "
        "confidence in the keeper, saying he always finds a way."
    )
    assert (s.claimant, s.description) == ("Curtis Bell", "Harbour coach")


def test_he_after_a_possessive_mention_means_the_person_named_before_it() -> None:
    text = (
        "Harbour defender Curtis Bell, who joked about Mark Dwyer’s habit of changing boots, "
        "could see the frustration on his friend’s face.\n"
        "“He’s used to scoring goals,” he said."
    )
    assert only(text).claimant == "Curtis Bell"


def test_the_tail_of_a_longer_name_stands_for_it() -> None:
    text = (
        "Bell stripped the winger and buried Joel Eriksson Ek’s pass.\n"
        "“I didn’t see him coming,” Eriksson Ek said."
    )
    assert only(text).claimant == "Joel Eriksson Ek"


def test_telling_them_after_a_comma() -> None:
    s = only("Curtis Bell gave his players a talk on Tuesday, telling them that they were good.")
    assert (s.claimant, s.cue) == ("Curtis Bell", "telling")


# -- inverted attribution after a clause, and the pronouns that follow ------------------------


def test_said_and_a_name_after_a_clause() -> None:
    text = (
        "The quota would empty the harbour within a year, said Piet Alvarenga, president of "
        "the Skerry Fishermen’s Association. He added that boats would stay in port."
    )
    first, second = suggest_attributions(text)
    assert (first.claimant, first.cue) == ("Piet Alvarenga", "said")
    assert (second.claimant, second.cue) == ("Piet Alvarenga", "added that")


def test_said_and_a_plain_noun_phrase_after_a_clause() -> None:
    s = only("The convoy was hit twice near the border, said the officials.")
    assert (s.claimant, s.anonymous) == ("the officials", True)


def test_a_clause_after_said_is_no_inversion() -> None:
    s = only("Dr. Lena Marsh, the authority’s engineer, said the timetable depended on a survey.")
    assert s.claimant == "Dr. Lena Marsh"


def test_a_parenthetical_say_economists() -> None:
    s = only("The combination, say economists, marks a turning point for the port.")
    assert (s.claimant, s.cue, s.anonymous) == ("economists", "say", True)


def test_an_inversion_after_a_dash() -> None:
    text = (
        "The plan will not work — at least not yet — said Ana Duarte, the harbour master.\n"
        "The plan — which cost millions — said nothing about boats."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Ana Duarte"]


def test_an_inversion_with_a_lower_case_role_before_the_name() -> None:
    s = only("“The figures do not add up,” says president Halvard Strom.")
    assert (s.claimant, s.description) == ("Halvard Strom", "president")


def test_an_inversion_with_an_adjunct_after_the_name() -> None:
    s = only("“We will reopen the ferry in May,” said Mira Okafor at a briefing in Tolland.")
    assert s.claimant == "Mira Okafor"
    s = only(
        "“We have received the letter and are studying it,” said a Brightwater spokesperson "
        "when contacted by the Gazette."
    )
    assert s.claimant == "a Brightwater spokesperson"


def test_an_inversion_with_a_particle_name_and_with_words_before_a_first_name() -> None:
    s = only("“It is shallower than a lake,” said van Dijk, pointing at the chart.")
    assert s.claimant == "van Dijk"
    s = only("The drug rewires the cortex, said study co-author Paul Renner, a chemist.")
    assert (s.claimant, s.description) == ("Paul Renner", "study co-author")


def test_an_inversion_of_a_plural_people_noun_known_by_its_ending() -> None:
    s = only("The bay is shallow, say hydrologists, but the currents are strong.")
    assert (s.claimant, s.anonymous) == ("hydrologists", True)


def test_an_inversion_with_a_long_description_before_the_name() -> None:
    s = only(
        "Cuts will follow next month, said The Ferry Company’s newly appointed chair "
        "Marco Tellez in an email to staff."
    )
    assert s.claimant == "Marco Tellez"


# -- appositives between a name and its verb --------------------------------------------------


def test_a_role_appositive_with_and_inside_it() -> None:
    s = only(
        "Suharto, head of the island's search and rescue service, told local radio the "
        "search would widen."
    )
    assert s.claimant == "Suharto"
    s = only(
        "“We had some outages,” Vera Lind, Brightwater’s director of sales and marketing, "
        "said on Tuesday."
    )
    assert s.claimant == "Vera Lind"


def test_an_appositive_that_runs_up_to_the_verb() -> None:
    s = only(
        "“The wind turned south,” Amara Nwosu, a research analyst at the Council on Energy, "
        "Water and Soil think tank told the Gazette."
    )
    assert s.claimant == "Amara Nwosu"
    assert s.sources == ("the Gazette",)


def test_a_name_with_a_relative_clause_before_said_is_no_inversion() -> None:
    s = only(
        "Jonas Hale, who was a senior official at the ministry, said the new board "
        "necessarily faces “strong headwinds.”"
    )
    assert s.claimant == "Jonas Hale"


# -- verbs of speaking beside a quotation -----------------------------------------------------


def test_verbs_of_speaking_report_beside_a_quotation() -> None:
    text = (
        "“Our best example is the toll bridge,” Noor Haddad responded. "
        "Not satisfied, Ivo Brandt continued: “Give me another one.” "
        "“But there is some risk,” Brandt interjected. "
        "“Is that right?” he asked. "
        "“Then why mention the bridge,” he rejoined."
    )
    found = [(s.claimant, s.cue) for s in suggest_attributions(text)]
    assert found == [
        ("Noor Haddad", "responded"),
        ("Ivo Brandt", "continued"),
        ("Ivo Brandt", "interjected"),
        ("Ivo Brandt", "asked"),
        ("Ivo Brandt", "rejoined"),
    ]


def test_verbs_of_speaking_away_from_a_quotation_report_nothing() -> None:
    text = (
        "The council responded to the letter on Monday. Prices continued to rise. "
        "Residents asked about the plan."
    )
    assert suggest_attributions(text) == []


def test_a_question_with_an_ellipsis_before_its_speaker_is_one_sentence() -> None:
    s = only("“What is your single best example of such a fund …” Ivo Brandt asked in reply.")
    assert s.claimant == "Ivo Brandt"


# -- cue wordings: called, vowed, accused, condemned and said, warned for years ----------------


def test_called_something_a_quotation() -> None:
    s = only("The minister called the harbour report ‘a fantasy’.")
    assert (s.claimant, s.cue) == ("the minister", "called")
    s = only("The minister called the harbour report 'a fantasy'.")
    assert s.claimant == "the minister"
    assert suggest_attributions("The minister called the harbour police.") == []


def test_speech_verbs_with_no_statement_after_them_are_no_cue() -> None:
    for text in (
        "Fans expect a lot from the new coach.",
        "The teacher asked the class to sit down.",
        "The film tells the story of a young nurse.",
        "They adapted a novel by Ruth Vale, which tells the story of a lighthouse keeper.",
        "Users can report bugs through the app.",
    ):
        assert suggest_attributions(text) == [], text
    kept = (
        "The mayor described the plan as a disaster.\n"
        "Witnesses described hearing two loud bangs.\n"
        "Nurses describe a ward where nobody sleeps.\n"
        "Passengers described a sudden lurch before the ship rolled over.\n"
        "Analysts expect prices to rise in May.\n"
        "“Is the plan dead?” the reporter asked the minister."
    )
    assert [s.claimant for s in suggest_attributions(kept)] == [
        "the mayor",
        "witnesses",
        "nurses",
        "passengers",
        "analysts",
        "the reporter",
    ]


def test_a_fear_voiced_with_worries() -> None:
    text = (
        "Guide Ben Ashdown, who runs kayak tours, worries a booking system will push "
        "visitors to quieter lakes.\n"
        "Parents worry about money.\n"
        "Local farmers are worried that the river will flood."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("Ben Ashdown", "worries"),
        ("local farmers", "are worried that"),
    ]


def test_base_forms_after_plural_subjects_and_identified_as() -> None:
    text = (
        "He quit, but his lawyers maintain that the charges are false.\n"
        "Doctors caution that the drug is new.\n"
        "Earlier studies have identified wet boots as carriers of disease.\n"
        "Engineers identified the problem on Monday.\n"
        "The homes maintain a steady temperature."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("his lawyers", "maintain that"),
        ("doctors", "caution that"),
        ("earlier studies", "have identified"),
    ]


def test_reporting_verbs_in_the_progressive() -> None:
    text = (
        "Critics have been saying for years that the dam is unsafe.\n"
        "The union is claiming that wages fell.\n"
        "She was telling the truth.\n"
        "He is saying goodbye."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("critics", "have been saying"),
        ("the union", "is claiming that"),
    ]


def test_defending_a_decision_or_a_claim_reports_a_stance() -> None:
    text = (
        "The governor is defending her decision to close the parks.\n"
        "Tarvik Ferries has been strenuously defending its pricing.\n"
        "Fans defended the club on the grounds that its prices were fair.\n"
        "Ana Duarte defended her title in Paris.\n"
        "The goalkeeper was defending the penalty area."
    )
    assert [s.claimant for s in suggest_attributions(text)] == [
        "the governor",
        "Tarvik Ferries",
        "fans",
    ]


def test_vows_promises_and_pledges_to_do_something() -> None:
    text = (
        "Senator Ana Duarte vows to fight for every job at the yard.\n"
        "The governor pledges to cut the ferry fares.\n"
        "Campaign promises to voters were broken."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("Ana Duarte", "vows"),
        ("the governor", "pledges"),
    ]


def test_a_headline_finding_without_that_is_the_studys_makers() -> None:
    body = "A study by the Hale Institute followed 9,000 coffee drinkers for ten years."
    for title in ("Study finds coffee is safe", "Coffee is safe, study finds"):
        heads = [s for s in suggest_attributions(body, title) if s.in_title]
        assert [(s.claimant, s.cue, s.description) for s in heads] == [
            ("the Hale Institute", "finds", "study")
        ]
    assert [s for s in suggest_attributions(body, "The study of coffee") if s.in_title] == []


def test_vowed_that_and_accused_of() -> None:
    assert only("The mayor vowed that the library would stay open.").cue == "vowed that"
    s = only("The union accused the operator of breaking the agreement.")
    assert (s.claimant, s.cue) == ("the union", "accused")


def test_condemned_and_said() -> None:
    s = only("The governor condemned the attack and said the culprits would be found.")
    assert (s.claimant, s.cue) == ("the governor", "said")


def test_analysts_say_that_and_groups_have_warned_for_years() -> None:
    assert only("Analysts say that prices will rise.").claimant == "analysts"
    s = only("Environmental groups have warned for years that the river is dying.")
    assert (s.claimant, s.cue) == ("environmental groups", "have warned")


def test_verbs_that_report_with_that_after_them() -> None:
    text = (
        "The prosecutor charged that the firm had hidden its losses.\n"
        "Engineers charged the batteries overnight.\n"
        "The panel determined that the crash was caused by ice.\n"
        "Morgan proposed a plan that would cut taxes.\n"
        "The minister assured parents that schools would stay open."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("the prosecutor", "charged that"),
        ("the panel", "determined that"),
        ("the minister", "assured"),
    ]


def test_polls_named_by_their_maker_and_shares_of_people_who_say() -> None:
    text = (
        "A new Tarvik Herald poll shows majority support for the bridge.\n"
        "Fifty-one percent say that the toll is too high.\n"
        "The bar sells oxygen, according to reports.\n"
        "“Oxy Pure was launched to clean the air,” the description on the website reads."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("the Tarvik Herald", "shows"),
        ("fifty-one percent", "say that"),
        ("unnamed sources", "according to"),
        ("the website", "reads"),
    ]


def test_a_subject_past_an_aside_between_dashes() -> None:
    s = only(
        "In Vell, the candidate, Andy Berisha — whose father was also governor — promised "
        "to protect the hospitals."
    )
    assert (s.claimant, s.cue) == ("Andy Berisha", "promised")


def test_documents_that_show_after_a_clause_or_show_someone_speaking() -> None:
    text = (
        "The council paid £2m for the land, documents show.\n"
        "Previously unseen papers show Mrs Calloway warned that she did not like the exam.\n"
        "The band played two shows."
    )
    assert [(s.claimant, s.cue, s.sources) for s in suggest_attributions(text)] == [
        ("documents", "show", ()),
        ("Mrs Calloway", "warned that", ("previously unseen papers",)),
    ]


def test_results_and_tests_that_show_or_suggest() -> None:
    text = (
        "The results suggest that the vaccine is safe.\n"
        "Early tests showed the water was clean.\n"
        "The results were announced on Monday."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("the results", "suggest that"),
        ("early tests", "showed"),
    ]


def test_more_verbs_before_their_subject_after_a_clause() -> None:
    text = (
        "“We are ready,” stated Ana Duarte, the harbour master.\n"
        "The plant will close in June, confirmed the company’s chief executive, Lena Morrow."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Ana Duarte", "Lena Morrow"]


def test_recalls_remembered_and_started_to_explain() -> None:
    text = (
        "Tess Lindgren joined the lab in 1961.\n"
        "A colleague of Lindgren’s remembered that the machine filled a room.\n"
        "Lindgren recalls working through the night. She then started to explain the result."
    )
    found = by_sentence(text)
    assert found[
        "A colleague of Lindgren’s remembered that the machine filled a room."
    ].claimant == ("a colleague of Lindgren’s")
    assert found["Lindgren recalls working through the night."].claimant == "Tess Lindgren"
    assert found["She then started to explain the result."].claimant == "Tess Lindgren"


def test_a_stance_with_its_content() -> None:
    s = only("The Press Standards Board is concerned the law would end investigative work.")
    assert (s.claimant, s.cue) == ("the Press Standards Board", "is concerned")
    s = only("The media union is adamant that sources must be protected.")
    assert s.claimant == "the media union"
    assert suggest_attributions("The media union is concerned about the budget.") == []


def test_her_advice_colon_a_quotation() -> None:
    text = "Ana Duarte runs the bakery on the quay. Her advice to young bakers: “Be patient.”"
    last = suggest_attributions(text)[-1]
    assert (last.claimant, last.cue) == ("Ana Duarte", "Her advice to young bakers:")


def test_in_someones_words() -> None:
    text = (
        "Dr. Amal Haddad leads the study.\n"
        "In Dr. Haddad’s words, “the brain decides before we know it has”."
    )
    assert suggest_attributions(text)[-1].claimant == "Dr. Amal Haddad"


def test_a_message_that_says_something() -> None:
    s = only("Within an hour she received comments accusing her of disrespecting the flag.")
    assert s.claimant == "comments"


def test_an_outlet_has_learned() -> None:
    s = only("The singer’s jacket was stolen from her dressing room, the Evening Lamp has learned.")
    assert (s.claimant, s.sources, s.anonymous) == ("unnamed sources", ("the Evening Lamp",), True)


# -- several attributions in one sentence -----------------------------------------------------


def test_two_claimants_joined_by_but_give_two_clauses() -> None:
    text = (
        "The council pledged to cut fees, but its treasurer privately acknowledged that the "
        "money had run out."
    )
    first, second = suggest_attributions(text)
    assert (first.claimant, first.sentence) == ("the council", "The council pledged to cut fees")
    assert second.claimant == "its treasurer"
    assert second.sentence == "its treasurer privately acknowledged that the money had run out."
    assert first.end <= second.start


def test_two_claimants_joined_by_and_give_two_clauses() -> None:
    text = "Norland said the ship had left and the coastguard said it had been searched."
    assert [s.claimant for s in suggest_attributions(text)] == ["Norland", "the coastguard"]


def test_two_claimants_after_a_comma_and_but_or_although_give_two_clauses() -> None:
    text = (
        "Police said the driver fled, but witnesses told the Herald he stayed at the scene.\n"
        "The ministry said 40 people had died, although local media reported a higher toll.\n"
        "While the mayor insists the plan is affordable, critics say it will double the debt."
    )
    assert [(s.sentence, s.claimant, s.sources) for s in suggest_attributions(text)] == [
        ("Police said the driver fled", "police", ()),
        ("witnesses told the Herald he stayed at the scene.", "witnesses", ("the Herald",)),
        ("The ministry said 40 people had died", "the ministry", ()),
        ("local media reported a higher toll.", "local media", ()),
        ("While the mayor insists the plan is affordable", "the mayor", ()),
        ("critics say it will double the debt.", "critics", ()),
    ]


def test_a_coordinated_description_is_not_a_second_clause() -> None:
    text = "Hessler found that many people, both young and old, told her they liked the mural."
    found = suggest_attributions(text)
    assert len(found) == 1


# -- nested attribution: the claimant made the statement, outlets relay it --------------------


def test_an_outlet_a_cue_says_something_to_relays_it() -> None:
    text = (
        "A spokesperson for the port authority confirmed the closure to the Ledger.\n"
        "Duarte said in a statement to the Tarvik Herald that the port would reopen."
    )
    assert [s.sources for s in suggest_attributions(text)] == [
        ("the Ledger",),
        ("the Tarvik Herald",),
    ]


def test_a_statement_relayed_by_one_outlet_quoting_another() -> None:
    s = only(
        "Premier Ilse Vantongeren told regional leaders the tariff would be scrapped, the "
        "Baltic Courier writes, quoting an article by the Harbour Gazette."
    )
    assert s.claimant == "Ilse Vantongeren"
    assert s.sources == ("the Baltic Courier", "the Harbour Gazette")


def test_a_reporters_quotation_that_names_its_speaker_is_that_speakers() -> None:
    text = (
        "“Harbour Freight Ltd., which runs the ferries, admitted it misled passengers,” "
        "reports Ana Duarte.\n"
        "“Port Commissioner Rick Lund said on Tuesday he would resign,” reports Tom Vale.\n"
        "“Prices are rising and nobody said a word,” reports Ana Duarte."
    )
    assert [(s.claimant, s.sources) for s in suggest_attributions(text)] == [
        ("Harbour Freight Ltd.", ("Ana Duarte",)),
        ("Rick Lund", ("Tom Vale",)),
        ("Ana Duarte", ()),
    ]


def test_a_speaker_inside_a_that_clause_is_the_origin() -> None:
    s = only("Our sources say Marisol told police the ring was taken from her room.")
    assert s.claimant == "Marisol"
    assert s.sources == ("our sources",)


def test_as_an_outlet_reports_it_relays_the_clause_it_opens() -> None:
    s = only("As the Weekly Lamp reports, the ferry operator announced that fares would double.")
    assert (s.claimant, s.sources) == ("the ferry operator", ("the Weekly Lamp",))


def test_a_qualifier_is_part_of_the_claimant() -> None:
    s = only("Senior US officials told the Courier that the deal was close.")
    assert s.claimant == "senior US officials"


def test_the_speakers_of_a_relative_clause_without_that() -> None:
    text = (
        "The council banned the boats, a move fishing groups have urged for years.\n"
        "Those are the kinds of things economists say they fear.\n"
        "The policy experts said the law was flawed."
    )
    assert [s.claimant for s in suggest_attributions(text)] == [
        "fishing groups",
        "economists",
        "the policy experts",
    ]


def test_a_participle_phrase_after_the_noun_is_part_of_the_claimant() -> None:
    s = only("Two people briefed on the matter said the merger would be announced on Friday.")
    assert s.claimant == "two people briefed on the matter"
    s = only("Investigators involved in the case said the fire was set deliberately.")
    assert s.claimant == "investigators involved in the case"


# -- descriptions -----------------------------------------------------------------------------


def test_the_company_resolves_to_the_organisation_that_spoke_last() -> None:
    text = (
        "Quillmart says its prices follow demand.\n"
        "The company now promises it will cap prices during emergencies."
    )
    last = suggest_attributions(text)[-1]
    assert (last.claimant, last.description) == ("Quillmart", "the company")


def test_a_kind_of_company_resolves_to_the_company_named_before() -> None:
    airline = "Pelican Air grounded six jets on Tuesday.\nThe airline said the checks were routine."
    assert [(s.claimant, s.description) for s in suggest_attributions(airline)] == [
        ("Pelican Air", "the airline")
    ]
    carmaker = (
        "Brightwell Motors unveiled a compact truck.\n"
        "The German carmaker, which also builds buses, says the truck will sell for $30,000.\n"
        "It will reach dealers in May, according to the company."
    )
    assert [(s.claimant, s.description) for s in suggest_attributions(carmaker)] == [
        ("Brightwell Motors", "the German carmaker"),
        ("Brightwell Motors", "the company"),
    ]


def test_a_kind_of_company_after_two_companies_stays_as_written() -> None:
    text = (
        "Pelican Air cut its fares. Gannet Airways raised them.\n"
        "The carrier said the fares would rise."
    )
    assert suggest_attributions(text)[-1].claimant == "the carrier"


def test_the_company_named_most_is_the_one_a_kind_of_company_means() -> None:
    text = (
        "A FlyNorth jet left the runway in Tarvik on Sunday. FlyNorth has 40 jets.\n"
        "Gannet Airways lost a plane in 2019.\n"
        "The pilot had 9,000 hours, the airline said."
    )
    last = suggest_attributions(text)[-1]
    assert (last.claimant, last.description) == ("FlyNorth", "the airline")


def test_the_company_after_a_brand_like_name_is_that_company() -> None:
    text = (
        "ShareDesk is closing 40 offices.\n"
        "The company, which lost money all year, confirmed on Monday that it was in talks."
    )
    s = only(text)
    assert (s.claimant, s.description) == ("ShareDesk", "the company")


def test_the_agency_resolves_to_the_public_body_named_before() -> None:
    text = (
        "The Harbor Transit Authority raised fares on Monday.\n"
        "The agency said the increase would take effect in March.\n"
        "The Ministry of Fisheries closed the bay. Boats must stay in port, the ministry said."
    )
    found = [(s.claimant, s.description) for s in suggest_attributions(text)]
    assert found == [
        ("the Harbor Transit Authority", "the agency"),
        ("the Ministry of Fisheries", "the ministry"),
    ]


def test_an_acronym_stands_for_the_organisation_whose_initials_it_spells() -> None:
    text = (
        "The Federal Aviation Administration grounded the jets on Monday.\n"
        "The FAA said the checks would take a week.\n"
        "The Bureau of Land Records opened an inquiry. BLR staff were not told.\n"
        "The OTB said it had no comment on the matter, and that talks would go on."
    )
    found = [s.claimant for s in suggest_attributions(text)]
    assert found == ["the Federal Aviation Administration", "the OTB"]


def test_the_agency_after_a_longer_description_of_it_that_spoke() -> None:
    text = (
        "According to the national maritime agency, the ferry was built in 1987.\n"
        "The agency said it would publish a report within 30 days."
    )
    last = suggest_attributions(text)[-1]
    assert (last.claimant, last.description) == ("the national maritime agency", "the agency")


def test_a_body_described_with_words_of_its_own_is_not_resolved() -> None:
    text = (
        "The Harbor Transit Authority raised fares on Monday.\n"
        "The flood authority said the barrier would take five years to build."
    )
    assert suggest_attributions(text)[-1].claimant == "the flood authority"


def test_a_described_person_is_the_one_named_speaking_in_the_next_paragraph() -> None:
    text = (
        "A flaw in the game lets anyone crash a server, according to a computer programmer "
        "who has released code that exploits it.\n"
        "“I thought a lot before writing this,” developer Omar Askari wrote in a blog post."
    )
    first = suggest_attributions(text)[0]
    assert (first.claimant, first.anonymous) == ("Omar Askari", False)
    assert first.description.startswith("a computer programmer who")
    for other in (
        "“It must be closed,” said Maria Lentz, the council leader.",  # an office of her own
        "The council met on Monday.\n“It must be closed,” said Maria Lentz.",  # too far
    ):
        text = f"The dam is unsafe, according to an engineer who inspected it.\n{other}"
        assert suggest_attributions(text)[0].claimant == "an engineer who inspected it"
    text = "A senior official said the talks had failed.\nJohn Park said they would resume."
    assert suggest_attributions(text)[0].claimant == "a senior official"


def test_it_after_a_report_is_the_report_only_for_what_a_report_does() -> None:
    text = (
        "The inspectorate’s report found that two wards were understaffed.\n"
        "It also found that the rota had not been updated since May.\n"
        "Harrow Care said the wards were safe. It has now promised to hire six nurses."
    )
    found = by_sentence(text)
    assert found["It also found that the rota had not been updated since May."].claimant == (
        "the inspectorate"
    )
    assert found["It has now promised to hire six nurses."].claimant == "Harrow Care"


# -- hedges that name no one ------------------------------------------------------------------


def test_a_view_held_by_no_one_named() -> None:
    text = (
        "The belief is that, through magic or poison, a sorcerer makes a person ill.\n"
        "Another theory is that migrating birds brought the disease.\n"
        "More than a decade ago, Lund was accused in Vell of stealing from the church.\n"
        "The idea is that the tunnel will ease traffic."
    )
    assert [(s.claimant, s.cue) for s in suggest_attributions(text)] == [
        ("unnamed sources", "The belief is that"),
        ("unnamed sources", "Another theory is that"),
        ("unnamed sources", "was accused"),
    ]


def test_complaining_after_a_comma_reports_the_subjects_words() -> None:
    s = only("Ana Duarte marked the memo with notes, complaining about its “awful lot of jargon”.")
    assert (s.claimant, s.cue) == ("Ana Duarte", "complaining")


def test_the_writer_told_by_unnamed_people() -> None:
    s = only("We’re told the footage shows two men leaving the hotel.")
    assert (s.claimant, s.anonymous) == ("unnamed sources", True)


def test_a_story_usually_told_like_this() -> None:
    s = only("The story is usually told like this: one engineer saved the plant.")
    assert s.claimant == "unnamed sources"


# -- quotations given again, and findings that go on ------------------------------------------


def test_a_quotation_given_again_later_carries_its_speaker() -> None:
    text = (
        "Quillmart posted a notice: “Fares have increased to bring more drivers to the area.”\n"
        "Nobody was impressed.\n"
        "“Fares have increased to bring more drivers to the area.”"
    )
    last = suggest_attributions(text)[-1]
    assert (last.sentence, last.claimant, last.inherited) == (
        "“Fares have increased to bring more drivers to the area.”",
        "Quillmart",
        True,
    )


def test_additionally_goes_on_with_the_finding_before_it() -> None:
    text = (
        "The review concluded that the safety net was too thin. Additionally, benefits "
        "were lower than in other countries."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.inherited) for s in found] == [
        ("the review", False),
        ("the review", True),
    ]
    assert found[1].attribution is not Attribution.DIRECT_QUOTE


# -- false cues -------------------------------------------------------------------------------


def test_false_cues_are_kept_out() -> None:
    for text in (
        "The pipeline, which maintains 4,300 miles of track, was closed.",
        "No group claimed responsibility for the attack.",
        "The budget office forecast was revised on Monday.",
        "The storm claimed the lives of three sailors.",
        "The annual estimates were published in June.",
    ):
        assert suggest_attributions(text) == [], text


def test_verbs_whose_object_is_no_statement() -> None:
    for text in (
        "The ferry company agreed to a rescue by its largest lender.",
        "Tomas Ruel also agreed to return the cash he received.",
        "Noor Haddad, 43, argues the government’s most consequential cases.",
        "Mira Okafor wrote individual reports on each harbour she visited.",
        "Tomas Ruel was nominated in May, and the Senate confirmed Ruel by a vote of 53-36.",
        "Ivo Brandt is riled when he fails to get the answer he wants.",
    ):
        assert suggest_attributions(text) == [], text
    # the same verbs with a statement
    assert only("The lenders agreed that the plan was sound.").claimant == "the lenders"
    assert only("Noor Haddad argues the plan is unlawful.").claimant == "Noor Haddad"
    assert only("The ministry confirmed that the pier had closed.").claimant == "the ministry"


def test_it_shows_that_needs_a_document() -> None:
    text = (
        "The Harbour Water Company raised prices in May. "
        "It shows that the pressure for growth remains immense."
    )
    assert suggest_attributions(text) == []
    text = "The audit found that the pier was unsafe. It shows that nobody inspected it."
    assert [s.claimant for s in suggest_attributions(text)] == ["the audit", "the audit"]


# -- noun phrases as written -------------------------------------------------------------------


def test_those_with_a_phrase_after_it() -> None:
    s = only("Those in favor of a fine have said that the captain started the fight.")
    assert (s.claimant.lower(), s.anonymous) == ("those in favor of a fine", True)


def test_a_relative_that_is_no_part_of_the_claimant() -> None:
    s = only(
        "The yard will build ten ferries, the start of an order that industry analysts say "
        "will double its size."
    )
    assert s.claimant == "industry analysts"


def test_a_plural_subject_with_its_relative_clause() -> None:
    s = only("Some passengers who called the ferry hotline reported waits of two hours.")
    assert s.claimant.lower() == "some passengers who called the ferry hotline"


def test_two_groups_joined_by_and_are_one_claimant() -> None:
    s = only("Pilots and aviation experts said storms were common in the strait.")
    assert s.claimant == "Pilots and aviation experts"
    s = only("Port law enforcement and customs officials said the cargo was being examined.")
    assert s.claimant.lower() == "port law enforcement and customs officials"
    s = only("The Harbour Commission on silt and dredging found that the channel had narrowed.")
    assert s.claimant == "the Harbour Commission on silt and dredging"
    s = only("The firm cut jobs and officials said the plant would close.")
    assert s.claimant == "officials"


def test_groups_joined_by_and_with_a_qualifier_after_an_according_to() -> None:
    s = only("The curfew was tightened, according to analysts and activists working in the town.")
    assert s.claimant == "analysts and activists working in the town"


def test_a_name_with_the_inside_it() -> None:
    s = only("According to Saving the Marsh, a local charity, the birds left in May.")
    assert s.claimant == "Saving the Marsh"


def test_with_people_doing_the_saying() -> None:
    s = only(
        "More smoke will reach the valley this week, with forecasters warning that the air "
        "could turn dangerous."
    )
    assert (s.claimant, s.cue, s.anonymous) == ("forecasters", "warning", True)


def test_a_document_named_by_its_date_and_audience() -> None:
    s = only("An October 11 presentation to bondholders indicated that jobs would be cut.")
    assert s.claimant.lower() == "an october 11 presentation to bondholders"


def test_data_that_suggested() -> None:
    s = only(
        "Pilots discussed unconfirmed radar data from the coastguard that suggested the "
        "aircraft had stalled."
    )
    assert s.cue == "suggested"


def test_suspected_that() -> None:
    s = only("For many years, geologists have suspected that there is water under the dunes.")
    assert (s.claimant, s.cue) == ("geologists", "have suspected that")
    assert suggest_attributions("The suspected thief fled on foot.") == []


def test_prompted_people_to_argue_that() -> None:
    s = only("The video prompted some viewers to argue that the advert made the actors look drunk.")
    assert (s.claimant, s.cue) == ("some viewers", "to argue that")


def test_cited_something_as_proof_that() -> None:
    s = only(
        "The slogan drew ridicule on Monday, but Mira Okafor cited the backlash as proof that "
        "the campaign was working."
    )
    assert (s.claimant, s.sources) == ("Mira Okafor", ())


def test_praised_and_highlighted_report() -> None:
    s = only("Speaking at a review in August, Hale overall praised the board’s record.")
    assert (s.claimant, s.cue) == ("Hale", "overall praised")
    s = only("Noor Haddad highlighted the risks for the navy if the rule was dropped.")
    assert s.claimant == "Noor Haddad"


def test_a_second_clause_whose_verb_follows_even() -> None:
    found = suggest_attributions(
        "Many patients report dizziness at night, and some studies even suggest that one "
        "dose can change the heart."
    )
    assert [(s.claimant, s.cue) for s in found] == [
        ("many patients", "report"),
        ("some studies", "even suggest that"),
    ]


def test_by_most_accounts() -> None:
    s = only("By most accounts, the new law worked.")
    assert (s.claimant, s.cue, s.anonymous) == ("most accounts", "By most accounts", True)


def test_a_purpose_infinitive_reports_for_the_subject() -> None:
    s = only("Mayor Ada Lindqvist turned to social media on Friday to describe it as a “swamp.”")
    assert (s.claimant, s.cue) == ("Ada Lindqvist", "to describe")
    s = only("The minister used the hearing to announce that the pier would close.")
    assert s.claimant == "the minister"
    for text in (
        "The minister declined to say whether the pier would close.",
        "Residents may choose to believe that the pier is safe.",
    ):
        assert suggest_attributions(text) == [], text
    # an expectation no one named holds: not the company's announcement
    found = suggest_attributions("The company is expected to announce that profits fell.")
    assert [(s.claimant, s.cue) for s in found] == [("unnamed sources", "is expected to")]


def test_clear_to_people_that() -> None:
    s = only("It has become more and more clear to geologists that the dunes are moving.")
    assert (s.claimant, s.anonymous) == ("geologists", True)
    assert suggest_attributions("It is clear to the north that the road is closed.") == []


def test_among_its_findings() -> None:
    text = (
        "A report released on Monday by the Brennmouth Institute found that rents doubled.\n"
        "Among its key findings: a family pays a third of its income in rent."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["the Brennmouth Institute"] * 2


def test_a_paper_published_in_a_journal_is_the_claimant() -> None:
    s = only(
        "According to a paper published in the journal Coastal Science on Monday, the dunes "
        "moved a metre."
    )
    assert (s.claimant, s.sources) == ("a paper published in the journal Coastal Science", ())


def test_an_ngo_descriptor_is_no_part_of_the_name() -> None:
    s = only("It was revealed by the NGO Harbour Watch Defenders that the gauges were hacked.")
    assert s.claimant == "Harbour Watch Defenders"


# -- more cue wordings and subjects -----------------------------------------------------------


def test_a_named_subject_and_a_quotation_after_a_colon() -> None:
    s = only(
        "Ilse Varga sums up the season in her closing chapter: “We sold bread to people who "
        "had lost everything.”"
    )
    assert (s.claimant, s.cue) == ("Ilse Varga", ":")
    assert suggest_attributions("The rankings were as follows: “first, second, third”.") == []


def test_makes_the_case_and_issued_a_plea() -> None:
    assert only("Marta Quell makes a convincing case for the new quay.").claimant == "Marta Quell"
    s = only("Wren Halloway issued a plea for parents to check what their children buy.")
    assert (s.claimant, s.cue) == ("Wren Halloway", "issued a plea")


def test_a_claim_noun_after_a_possessive_name() -> None:
    text = (
        "The book is by Luis de Arcos.\n"
        "The exhibition fits with de Arcos’s notion that neon is a time capsule."
    )
    assert suggest_attributions(text)[-1].claimant == "Luis de Arcos"


def test_by_arguing_and_a_joint_subject() -> None:
    s = only(
        "Quillmart and other delivery firms often deflect criticism by arguing that drivers "
        "choose their hours."
    )
    assert (s.claimant, s.cue) == ("Quillmart and other delivery firms", "arguing that")


def test_a_plural_subject_that_claims_to() -> None:
    s = only("And while advertisers claim to respect the opt-out, the data keeps flowing.")
    assert s.claimant == "advertisers"


def test_the_subject_before_a_relative_clause_is_the_claimant() -> None:
    text = (
        "The father of a boy who bought the pills online has described how the fever set in.\n"
        "“It was like watching a fire,” her father, Anselm Rook, said."
    )
    first = suggest_attributions(text)[0]
    assert (first.claimant, first.description) == ("Anselm Rook", "the father of a boy")


def test_a_document_speaks_for_who_made_it() -> None:
    text = (
        "A report released on Monday by the Brennmouth Institute for Housing looked at rents.\n"
        "The report concluded that rents had doubled in a decade.\n"
        "The study, prepared by the engineering firm Kestrel & Moore, estimated that repairs "
        "would cost $300 million."
    )
    found = by_sentence(text)
    s = found["The report concluded that rents had doubled in a decade."]
    assert (s.claimant, s.description) == ("the Brennmouth Institute for Housing", "the report")
    assert (
        found[
            "The study, prepared by the engineering firm Kestrel & Moore, estimated that repairs "
            "would cost $300 million."
        ].claimant
        == "Kestrel & Moore"
    )


def test_a_role_resolves_to_the_person_given_it() -> None:
    text = (
        "President Ama Quist opened the summit on Monday.\n"
        "The president said the border would reopen in May."
    )
    last = suggest_attributions(text)[-1]
    assert (last.claimant, last.description) == ("Ama Quist", "the president")


def test_a_surname_that_speaks_makes_a_person_for_he_and_she() -> None:
    text = (
        "Two council members, Ray Holcomb and Denise Abara, voted against the plan. "
        "Holcomb argued that cheaper options had not been studied.\n"
        "“We are spending money we do not have,” he said."
    )
    assert suggest_attributions(text)[-1].claimant == "Ray Holcomb"


def test_a_party_tag_and_an_aside_before_said() -> None:
    s = only(
        "Sen. Tamsin R. Holloway (D-Ore.), who chairs the subcommittee, said in a statement "
        "that the talks had failed."
    )
    assert s.claimant == "Sen. Tamsin R. Holloway"


# -- the headline -----------------------------------------------------------------------------


def test_a_headline_verb_and_a_role_resolved_to_a_name() -> None:
    found = suggest_attributions(
        "The environment minister, Helen Achterberg, said a decision had been rushed.",
        title="Minister Admits Flood Plan Was Rushed | The Harbour Gazette",
    )
    title = found[0]
    assert title.in_title
    assert (title.start, title.end) == (0, len("Minister Admits Flood Plan Was Rushed"))
    assert (title.claimant, title.cue, title.description) == (
        "Helen Achterberg",
        "admits",
        "minister",
    )
    assert not found[1].in_title


def test_a_headline_name_colon_quotation() -> None:
    [title, *_] = suggest_attributions(
        "The minister spoke on Monday.", title="Helen Achterberg: ‘We will rebuild the sea wall’"
    )
    assert (title.in_title, title.claimant, title.cue) == (True, "Helen Achterberg", ":")


def test_a_headline_quotation_takes_the_speaker_of_the_same_words() -> None:
    [title, body] = suggest_attributions(
        "“She was literally burning up from within,” her mother, Wren Halloway, said.",
        title='Student dies after pills "burned her up from within"',
    )
    assert (title.in_title, title.claimant, title.cue) == (True, "Wren Halloway", "quotation marks")
    assert not body.in_title


def test_a_headline_without_a_claim_and_scare_quotes_give_nothing() -> None:
    for title in ("Flood barrier to open in 2029", "The ‘birth lottery’ and economic mobility"):
        found = suggest_attributions(
            "Officials said the barrier was ready. “The birth lottery matters,” one said.",
            title=title,
        )
        assert not any(s.in_title for s in found), title


def test_a_cleft_names_what_was_wanted_or_promised() -> None:
    text = "Quillmart says its new van is fast. It is exactly what the company promised."
    assert suggest_attributions(text)[-1].claimant == "Quillmart"
    s = only("That’s what dock owners want, too, though they would settle for less.")
    assert s.claimant == "dock owners"
    assert suggest_attributions("He denied what the report said about him.") == []


def test_presents_itself_as_and_speaks_of() -> None:
    assert only("Quillmart has presented itself as a friend of drivers.").claimant == "Quillmart"
    text = (
        "Tess Lindgren and Ada Moor joined the lab in 1961.\n"
        "Lindgren and Moor, however, still speak of the director’s kindness."
    )
    assert suggest_attributions(text)[-1].claimant == "Tess Lindgren and Ada Moor"


def test_a_pronoun_in_a_relative_clause_without_that_says_nothing() -> None:
    assert suggest_attributions("The firm was shocked by the goals they claim for the data.") == []
    assert suggest_attributions("Critics attacked the Harbour Bill it wants passed by May.") == []
    s = only("Ana Duarte spoke first.\nIn a statement she said the plan was sound.")
    assert s.claimant == "Ana Duarte"
