"""Suggested attributions: the kinds of failure read from a fourth batch of real news
(extra-dev4), one test per kind, sentence by sentence.

Every text here is written for these tests (invented people, places, bodies and outlets);
none is copied from a news page.
"""

from __future__ import annotations

from benchmarks.attribution_scoring import strict_claimant_match
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


def test_will_before_a_surname_is_a_first_name() -> None:
    s = only("“It was a trick,” Will Moy, head of the Clear Facts group, told the Courier.")
    assert s.claimant == "Will Moy"
    assert suggest_attributions("Will the plan work? Nobody knows.") == []


def test_an_acronym_is_the_longest_name_it_stands_for() -> None:
    found = suggest_attributions(
        "The Northland Center for Disease Control and Prevention said the risk was low."
        " The NCDC assured the public that the risk was “very low.”"
    )
    assert found[1].claimant == "the Northland Center for Disease Control and Prevention"
    found = suggest_attributions(
        "The Chinese Center for Disease Control and Prevention said the risk was low."
        " And though the Chinese CDC has said there is no need to worry, it has also"
        " admitted that remote areas are at risk."
    )
    assert found[1].claimant == "the Chinese Center for Disease Control and Prevention"


# -- descriptions -----------------------------------------------------------------------------


def test_a_description_takes_the_name_that_has_its_words() -> None:
    found = suggest_attributions(
        "Talks between Marlow Studio Productions and Kestrel Label Group broke down.\n"
        "“At no time did Marlow Studio Productions sign a deal with Kestrel Label Group,”"
        " the production company said."
    )
    assert found[-1].claimant == "Marlow Studio Productions"
    assert found[-1].description == "the production company"
    s = only(
        "The Harbour Utilities Commission met on Monday. The utilities commission is angry"
        " with the firms, saying they failed to share details."
    )
    assert s.claimant == "Harbour Utilities Commission"


def test_the_statement_is_the_body_that_said_so_in_a_statement() -> None:
    found = suggest_attributions(
        "Two soldiers died in a crash, the Northern Army said in a statement on Monday.\n"
        "“The cause is not known,” the statement said.\n"
        "It did not give the place and said it was keeping the names back."
    )
    assert [s.claimant for s in found] == ["the Northern Army"] * 3
    assert found[1].description == "the statement"


# -- cues -------------------------------------------------------------------------------------


def test_a_pronoun_subject_then_and_said_is_a_cue_after_a_negated_verb() -> None:
    found = suggest_attributions(
        "Jane Cole spoke to reporters. She did not give a date, but said the firm would"
        " test it often."
    )
    assert [s.claimant for s in found] == ["Jane Cole"]


def test_claimed_responsibility_with_a_subject_and_which_it_said() -> None:
    s = only(
        "The Red Hand, however, claimed responsibility for the attack, which it said was revenge."
    )
    assert s.claimant == "the Red Hand"
    assert only("The Red Hand claimed responsibility for the blast.").claimant == "the Red Hand"
    assert suggest_attributions("No group claimed responsibility for the attack.") == []
    s = only(
        "The Association of Home Insurers advised residents to keep receipts for hotels,"
        " which it said would be paid back."
    )
    assert s.claimant == "the Association of Home Insurers"


# -- nested attribution -----------------------------------------------------------------------


def test_a_quotation_a_person_said_relayed_by_a_trailing_said_is_the_persons() -> None:
    found = suggest_attributions(
        "Paul Ode faces ten years in prison.\n"
        "He was arrested in April for the call to the offices of Rep. Ilhan Omar.\n"
        "During the call, he asked about the budget and said, “someone should stop her,”"
        " the prosecutor’s office said."
    )
    s = found[-1]
    assert s.claimant == "Paul Ode"
    assert s.sources == ("the prosecutor’s office",)


def test_an_age_description_is_the_person_named_last() -> None:
    found = suggest_attributions(
        "Ana Kell was sacked last night after talks with Tom Reed.\n"
        "The 44-year-old said after the game: “I am excited to be here.”"
    )
    assert found[-1].claimant == "Tom Reed"
    assert found[-1].description == "the 44-year-old"


# -- noun phrases -----------------------------------------------------------------------------


def test_a_claimant_phrase_stops_before_a_preposition_and_a_gerund() -> None:
    assert only("Dan Roe is accused by critics of promoting high taxes.").claimant == "critics"


def test_an_adverb_before_the_verb_is_not_part_of_the_claimant() -> None:
    found = suggest_attributions(
        "Mia Lo met the press. The source further claimed to the outlet that she was ill."
    )
    assert found[-1].claimant == "the source"


def test_a_passive_accusation_with_a_means_by_has_no_named_accuser() -> None:
    s = only(
        "The Tory Party was accused Wednesday of trying to fool voters by changing the name"
        " of its account."
    )
    assert s.claimant == "unnamed sources"


def test_a_noun_after_an_opening_preposition_is_no_reporting_verb() -> None:
    found = suggest_attributions(
        "Despite parliamentary reports urging new rules, officials made no changes."
    )
    assert [s.claimant for s in found if s.cue == "reports"] == []


def test_a_person_of_the_outlet_is_the_person_not_the_outlet() -> None:
    found = suggest_attributions(
        "The health body said the sites were clean, according to Sui-Lee Wee of the Daily"
        " Ledger.\n"
        "All sites were cleaned, reports Wee.\n"
        "Wee of the Ledger reports that censors had also told sites to block the news."
    )
    assert [s.claimant for s in found[1:]] == ["Sui-Lee Wee", "Sui-Lee Wee"]
    assert found[0].sources == ("Sui-Lee Wee",)


# -- new cues and false cues ------------------------------------------------------------------


def test_ruled_out_begged_and_recognizes_that_report() -> None:
    s = only("The Avon government has ruled out rebel involvement in the attack.")
    assert s.claimant == "the Avon government"
    assert only("The court ruled that the law was void.").claimant == "the court"
    assert suggest_attributions("The judge ruled the roost for years.") == []
    found = suggest_attributions("Dan Roe met them. He begged lawmakers “not to forget” the war.")
    assert [s.claimant for s in found] == ["Dan Roe"]
    s = only("Coach Ali Ford recognizes that his team’s hopes are slim.")
    assert s.claimant == "Ali Ford"


def test_writes_the_outlet_after_a_quotation_inside_the_sentence() -> None:
    s = only(
        "In the wake of that outbreak, the city “vastly improved its care,” writes the Daily"
        " Ledger."
    )
    assert s.claimant == "the Daily Ledger"
    assert suggest_attributions("The team that wrote the software was paid.") == []


def test_things_added_deals_agreed_and_reporting_lines_are_no_statements() -> None:
    assert suggest_attributions("NASA also added smaller landers to the contract.") == []
    assert suggest_attributions("Jose Marin has agreed a deal to join the club.") == []
    assert suggest_attributions("After Ana Hill left the office, Tom Vale reported to him.") == []
    assert only("Tom Vale added that costs would rise.").claimant == "Tom Vale"
    assert only("“We will win,” Tom Vale added.").claimant == "Tom Vale"


def test_a_name_with_a_suffix_comes_out_whole_and_its_surname_stands_for_it() -> None:
    found = suggest_attributions(
        "James P. Kennedy Jr., the top lawyer of the district, said the case was closed.\n"
        "“We won,” Kennedy said."
    )
    assert found[0].claimant == "James P. Kennedy Jr."
    assert strict_claimant_match("James P. Kennedy Jr.", found[1].claimant)
    # the strict rule: the surname of a name with a suffix is the word before it
    assert strict_claimant_match("James P. Kennedy Jr.", "Kennedy")
    assert strict_claimant_match("James P. Kennedy Jr.", "James Kennedy")
    assert not strict_claimant_match("James P. Kennedy Jr.", "Jr")


def test_cried_foul_and_many_have_voiced_concerns() -> None:
    s = only("Groups that fight false news cried foul.")
    assert s.claimant.lower() == "groups that fight false news"
    assert suggest_attributions("She cried for hours.") == []
    s = only(
        "Though the state tried to calm people, many have voiced concerns that officials"
        " are hiding facts."
    )
    assert s.claimant == "many"
    s = only("Many reports suggest that drivers are unhappy.")
    assert s.claimant == "many reports"


def test_a_count_of_things_reported_is_no_speaker() -> None:
    assert (
        suggest_attributions("From 2010 to 2015 there were 3,248 cases reported worldwide.") == []
    )
    assert only("51 percent say the plan is bad.").claimant == "51 percent"
    assert only("Three officials said the dam was safe.").claimant == "three officials"
    s = only("However on March 6 Mr Joseph wrote to her insisting she was wrong.")
    assert s.claimant == "Mr Joseph"


# -- subheadings ------------------------------------------------------------------------------


def test_a_subheading_that_only_quotes_is_the_speaker_of_those_words() -> None:
    found = suggest_attributions(
        "Two men spoke on Tuesday.\n"
        "“My fears have come true”\n"
        "Tom Vale told the panel, “I feared it at the time. My fears have come true.”\n"
        "3. “Not a side channel at all”\n"
        "Ana Hill said, “My role was not a side channel at all, but the official one.”\n"
        "4. “The Gordon problem”\n"
        "Ana Hill said Tom Vale had called it “the Gordon problem.”"
    )
    heads = {s.sentence: s for s in found if s.cue == "quotation marks"}
    assert heads["“My fears have come true”"].claimant == "Tom Vale"
    assert heads["“Not a side channel at all”"].claimant == "Ana Hill"
    assert not heads["“Not a side channel at all”"].inherited
    # a short name in quotation marks is a naming, not a quotation of the speaker
    assert "“The Gordon problem”" not in heads


def test_according_to_a_reporter_then_a_named_writer_is_the_writers_claim() -> None:
    s = only(
        "But according to the Courier’s Lane, Mia Fox, a nurse at the clinic, wrote in a blog"
        " post that the ward was full."
    )
    assert s.claimant == "Mia Fox"
    assert s.sources == ("the Courier’s Lane",)
    # a report the sentence opens with keeps the source it cites
    s = only(
        "According to the Echo’s report, which cites an unnamed board member, several"
        " directors argued that the firm should apologise."
    )
    assert s.claimant == "an unnamed board member"


def test_citing_a_reason_is_the_clause_subjects_claim_citing_a_source_a_relay() -> None:
    s = only(
        "In May, NASA gave orders to Astro and Orbit Labs, but Orbit Labs canceled its order"
        " two months later, citing internal business issues."
    )
    assert (s.claimant, s.cue) == ("Orbit Labs", "citing")
    s = only("The paper, citing Reuters, said prices fell.")
    assert s.claimant == "Reuters" and s.sources == ("the paper",)


def test_a_vow_or_declaration_that_belongs_to_its_owner() -> None:
    s = only(
        "Boris Jay is under fire for failing to deliver on his often-repeated vow that the"
        " nation would leave on Oct. 31."
    )
    assert s.claimant == "Boris Jay"
    s = only(
        "The rise comes despite an earlier declaration by the health chiefs that the risk was low."
    )
    assert s.claimant == "the health chiefs"
    assert suggest_attributions("She kept her promise to the team.") == []


def test_advocates_urging_and_two_kinds_of_people_before_who() -> None:
    assert only("Consumer advocates are urging the board to set rules.").claimant == (
        "consumer advocates"
    )
    s = only(
        "The blackout outraged local officials and customers who accused the utility of overkill."
    )
    assert s.claimant == "local officials and customers"
    assert only("The fire hurt the town and residents who said the alarm failed.").claimant == (
        "residents"
    )


# -- several attributions in one sentence -----------------------------------------------------


def test_a_hedged_clause_and_a_named_one_give_two_suggestions() -> None:
    found = suggest_attributions(
        "In 2003, officials there were accused of hiding the outbreak—and city officials"
        " later admitted that the city had more cases."
    )
    assert [(s.claimant, s.sentence) for s in found] == [
        ("unnamed sources", "In 2003, officials there were accused of hiding the outbreak"),
        ("city officials", "city officials later admitted that the city had more cases."),
    ]
    found = suggest_attributions("The plan is said to be bold; the mayor said so.")
    assert [s.claimant for s in found] == ["unnamed sources", "the mayor"]
    # a hedge inside the named clause stays one suggestion
    assert len(suggest_attributions("The mayor said the deal was reportedly signed.")) == 1


# -- from the pages added later ---------------------------------------------------------------


def test_a_hyphenated_first_name_opens_a_name_after_a_role() -> None:
    found = suggest_attributions(
        "Deputy Director of Public Prosecution Eva-Marie Persson took the decision.\n"
        "Ms Persson said: “I would like to stress the facts.”"
    )
    assert found[-1].claimant == "Eva-Marie Persson"


def test_a_role_at_a_named_body_is_its_holder() -> None:
    found = suggest_attributions(
        "Wikileaks co-founder Julian Assange spoke.\n"
        "The Wikileaks founder always argued that his fear was real."
    )
    assert found[-1].claimant == "Julian Assange"
    assert found[-1].description == "the Wikileaks founder"


def test_questions_refusals_decisions_and_bare_testimony_are_no_statements() -> None:
    assert suggest_attributions("What did the prosecutors say?") == []
    assert suggest_attributions("Last month, a judge rejected the attempt to delay it.") == []
    assert suggest_attributions("Ana Hall said she couldn’t comment on the inquiry.") == []
    assert suggest_attributions("The rules were unsealed as the agency head testified.") == []
    assert only("Tom Vale testified that the aid was held.").claimant == "Tom Vale"
    assert only("The Treasury said it did not comment on internal talks.").claimant == (
        "the Treasury"
    )


def test_a_party_tag_between_commas_and_an_object_after_announced() -> None:
    s = only("Sen. Ben Sasse, R-Neb., called his death “a crisis of public trust” in the system.")
    assert s.claimant == "Sen. Ben Sasse"
    s = only(
        "Ascom, a solutions provider focused on care software, announced a new alarm system"
        " with Dragon Labs, a maker of monitors, to link the systems."
    )
    assert s.claimant == "Ascom"
    assert only("The plan will fail, said a spokesperson for the firm.").claimant == (
        "a spokesperson for the firm"
    )


def test_an_accuser_after_the_charge_and_a_relayed_admission() -> None:
    s = only("Jo Ray was accused of fraud by a partner after a deal in 2010.")
    assert s.claimant == "a partner"
    found = suggest_attributions(
        "Officers Mary Noel and Michael Thomas were charged.\n"
        "Prosecutors said Noel and Thomas both acknowledged that they had not made checks."
    )
    assert found[-1].claimant == "Mary Noel and Michael Thomas"
    assert found[-1].sources == ("prosecutors",)


def test_he_said_inside_a_quotation_is_the_previous_sentences_subject() -> None:
    s = only(
        "Andy Figgs declined to say whether Tom Reed slept on the job the night Paul Stone"
        " died. “When all the facts are out,” he said, “you will see.”"
    )
    assert s.claimant == "Andy Figgs"


def test_flat_out_before_a_verb_keeps_the_subject() -> None:
    found = suggest_attributions(
        "Kestrel Records said it was sorry.\n"
        "The company flat-out denied the allegations in a statement on its website."
    )
    assert found[-1].claimant == "Kestrel Records"
    assert found[-1].description == "the company"
