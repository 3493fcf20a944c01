"""Suggested attributions (`store.suggest`), rule by rule, plus the scoring helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.attribution_scoring import (
    Predicted,
    claimants_match,
    head_noun,
    load_labelled,
    normalise_claimant,
    score_all,
    spans_match,
)
from claimmark.store.models import Attribution
from claimmark.store.suggest import Suggestion, suggest_attributions, suggestion_to_dict

ROOT = Path(__file__).resolve().parent.parent


def by_sentence(text: str) -> dict[str, Suggestion]:
    return {s.sentence: s for s in suggest_attributions(text)}


def only(text: str) -> Suggestion:
    found = suggest_attributions(text)
    assert len(found) == 1, [s.sentence for s in found]
    return found[0]


def assert_none(text: str) -> None:
    assert suggest_attributions(text) == []


# -- the article example from ARTICLES.md -----------------------------------------------------

EXAMPLE = (
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Speaking on Monday, the environment minister told reporters that “a decision is close”, "
    "according to a report in the Harbour Gazette.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029."
)


def test_the_example_article() -> None:
    first, second, third = suggest_attributions(EXAMPLE)
    assert (first.claimant, first.cue, first.anonymous) == ("two officials", "said", True)
    assert first.attribution is Attribution.ANONYMOUS
    assert second.claimant == "the environment minister"
    assert second.cue == "told reporters that"
    assert second.sources == ("the Harbour Gazette",)
    assert second.attribution is Attribution.DIRECT_QUOTE
    assert not second.anonymous
    assert third.claimant == "senior engineers"
    assert third.cue == "have since indicated"
    assert third.anonymous


# -- invariants -------------------------------------------------------------------------------


def test_empty_text_gives_no_suggestions() -> None:
    assert suggest_attributions("") == []
    assert suggest_attributions(" \n \n") == []


def test_spans_match_sentences_and_are_sorted_and_disjoint() -> None:
    text = (ROOT / "articles" / "coastal-flood-barrier.txt").read_text(encoding="utf-8")
    found = suggest_attributions(text)
    assert len(found) > 10
    previous_end = 0
    for s in found:
        assert text[s.start : s.end] == s.sentence
        assert previous_end <= s.start < s.end
        previous_end = s.end


def test_suggestion_to_dict_is_json_ready() -> None:
    s = only("Reuters, citing two officials, reported that the deal was off.")
    data = json.loads(json.dumps(suggestion_to_dict(s)))
    assert data == {
        "start": 0,
        "end": len(s.sentence),
        "sentence": s.sentence,
        "claimant": "two officials",
        "cue": "reported, citing",
        "attribution": "anonymous source",
        "sources": ["Reuters"],
        "anonymous": True,
        "inherited": False,
        "description": "",
        "in_title": False,
    }


_WORDS = st.sampled_from(
    [
        "said",
        "says",
        "told",
        "according",
        "to",
        "the",
        "minister",
        "Ana",
        "Duarte",
        "He",
        "she",
        "it",
        "officials",
        "a",
        "report",
        "in",
        "Gazette",
        "citing",
        "quoting",
        "which",
        "cited",
        "who",
        ",",
        ".",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "\n",
        "Mr.",
        "that",
        "and",
        "by",
        "was",
        "confirmed",
        "X",
        "—",
        "09:31",
        "according to",
        "writes",
        "added",
        "its",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_any_text_gives_well_formed_suggestions(text: str) -> None:
    found = suggest_attributions(text)
    previous_end = 0
    for s in found:
        assert text[s.start : s.end] == s.sentence
        assert previous_end <= s.start < s.end <= len(text)
        assert s.claimant.strip()
        assert s.claimant not in s.sources
        previous_end = s.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_does_not_break_the_engine(text: str) -> None:
    for s in suggest_attributions(text):
        assert text[s.start : s.end] == s.sentence


# -- cues -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "claimant", "cue"),
    [
        ("Ana Duarte said the barrier would be ready by 2029.", "Ana Duarte", "said"),
        ("The barrier will be ready by 2029, Ana Duarte said.", "Ana Duarte", "said"),
        ("“It will be ready,” said Ana Duarte.", "Ana Duarte", "said"),
        (
            "Ana Duarte told reporters that the barrier was ready.",
            "Ana Duarte",
            "told reporters that",
        ),
        ("Ana Duarte told MPs the barrier was ready.", "Ana Duarte", "told MPs"),
        ("Ana Duarte confirmed that the money was there.", "Ana Duarte", "confirmed that"),
        (
            "Ana Duarte has since indicated that work could start in May.",
            "Ana Duarte",
            "has since indicated that",
        ),
        (
            "Ana Duarte privately acknowledged that the estimate was too low.",
            "Ana Duarte",
            "privately acknowledged that",
        ),
        ("Ana Duarte pledged to publish the survey.", "Ana Duarte", "pledged"),
        ("Ana Duarte warned that costs could rise.", "Ana Duarte", "warned that"),
        ("Ana Duarte insisted the plan was sound.", "Ana Duarte", "insisted"),
        (
            "Ana Duarte estimated that the work would take five years.",
            "Ana Duarte",
            "estimated that",
        ),
        ("Ana Duarte denied that there had been a freeze.", "Ana Duarte", "denied that"),
        ("Ana Duarte added that she had written to the council.", "Ana Duarte", "added that"),
        ("Ana Duarte announced a review of the scheme.", "Ana Duarte", "announced"),
        ("Ana Duarte wrote that the gates would be simplified.", "Ana Duarte", "wrote that"),
        ("Ana Duarte described the plan as “overdue”.", "Ana Duarte", "described"),
        ("The figures show that waiting lists have doubled.", "the figures", "show that"),
        (
            "The audit office found that the plans were unrealistic.",
            "the audit office",
            "found that",
        ),
        ("Critics argue that the money would be better spent on staff.", "critics", "argue that"),
        (
            "Campaigners point out that 900,000 customers lost power.",
            "campaigners",
            "point out that",
        ),
        ("Mr. Okoye put it to him that the scheme had failed.", "Mr. Okoye", "put it to him that"),
        (
            "The Wenn Estuary Trust said in a statement that the gates would harm birds.",
            "the Wenn Estuary Trust",
            "said in a statement that",
        ),
        ("According to the union, the operator plans to automate.", "the union", "according to"),
        ("The claims were denied by the company.", "the company", "denied by"),
    ],
)
def test_cues_and_their_claimants(sentence: str, claimant: str, cue: str) -> None:
    s = only(sentence)
    assert (s.claimant, s.cue) == (claimant, cue)
    assert s.sentence == sentence


def test_officials_say_after_a_quote() -> None:
    s = only("“The decision will come in the spring,” officials say.")
    assert (s.claimant, s.cue, s.anonymous) == ("officials", "say", True)
    assert s.attribution is Attribution.DIRECT_QUOTE


def test_a_reporting_verb_after_a_quote_with_a_noun_phrase_subject() -> None:
    s = only("“We have no plans to close the plant,” a company spokesman said in an email.")
    assert (s.claimant, s.anonymous) == ("a company spokesman", False)


def test_verbs_inside_quotations_are_not_cues() -> None:
    text = "Ana Duarte spoke last.\n“He said he would come,” she recalled."
    s = by_sentence(text)["“He said he would come,” she recalled."]
    assert (s.claimant, s.cue) == ("Ana Duarte", "recalled")


@pytest.mark.parametrize(
    "sentence",
    [
        "An estimated 4,000 homes were affected by the storm.",
        "The storm claimed 12 lives and destroyed 300 homes.",
        "The bridge, which was announced in 2019, will open in May.",
        "Mr. Okoye asked Mr. Varma about the reserve.",
        "Dame Judith asked why the second sensor had not been there before.",
        "Not everyone is convinced the barrier is the right answer.",
        "Board members were told the trust would need an extra £40m.",
        "The company declined to comment.",
        "Southvale has responded to that exchange.",
        "The reported figure was wrong.",
    ],
)
def test_sentences_without_an_attribution(sentence: str) -> None:
    assert_none(sentence)


# -- claimant phrases -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Speaking at a conference in Portmore, the environment minister, Helen Achterberg, "
            "told reporters that a decision was close.",
            "Helen Achterberg",
        ),
        (
            "Dr. Priya Ramanathan, the authority’s chief engineer, said the timetable depended "
            "on a survey.",
            "Dr. Priya Ramanathan",
        ),
        (
            "A broker in Portmore, who asked not to be named because his firm insures several "
            "businesses, said premiums would fall.",
            "a broker in Portmore",
        ),
        (
            "The Port Users’ Council, which represents importers and hauliers, said a strike "
            "would leave containers waiting.",
            "the Port Users’ Council",
        ),
        ("Meridian, for its part, has argued that the trip was not normal.", "Meridian"),
        ("Smith, 54, said he had been waiting for two years.", "Smith"),
        (
            "The mayor of Harwick, Callum Breslin, welcomed the news but said the council had "
            "not been consulted.",
            "Callum Breslin",
        ),
        (
            "One person close to the talks privately acknowledged that the sides were close.",
            "one person close to the talks",
        ),
        (
            "Two people with knowledge of the negotiations said the deal was close.",
            "two people with knowledge of the negotiations",
        ),
        (
            "The trade body Power Generators Association said it welcomed the proceedings.",
            "the Power Generators Association",
        ),
        ("Asked whether he would resign, Jones said no.", "Jones"),
    ],
)
def test_claimant_phrases(sentence: str, claimant: str) -> None:
    assert only(sentence).claimant == claimant


def test_a_source_close_to_a_named_person_stays_the_claimant() -> None:
    s = only(
        "A source close to the energy secretary, Olivia Grantham, said she was following "
        "the hearing closely."
    )
    assert (s.claimant, s.anonymous) == ("a source close to the energy secretary", True)


def test_short_names_expand_to_the_full_name_used_earlier() -> None:
    text = (
        "The environment minister, Helen Achterberg, said a decision was close.\n"
        "Ms. Achterberg has since indicated that work could begin in 2027.\n"
        "Its director, Tomasz Wieczorek, told the Gazette that the charity would appeal, "
        "according to the Harbour Gazette."
    )
    found = suggest_attributions(text)
    assert [s.claimant for s in found] == [
        "Helen Achterberg",
        "Helen Achterberg",
        "Tomasz Wieczorek",
    ]
    assert found[2].sources[-1] == "the Harbour Gazette"


# -- anonymous or named -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "anonymous"),
    [
        ("Two officials said the plan was approved.", True),
        ("Officials say the plan was approved.", True),
        ("Senior engineers have since indicated the barrier could be ready by 2029.", True),
        ("A person familiar with the talks said the plan was approved.", True),
        ("Sources close to the minister insisted that no decision had been taken.", True),
        ("One Treasury official privately acknowledged that the estimate was too low.", True),
        ("A U.S. official said the talks would resume.", True),
        ("Unnamed officials at the authority said the request was under review.", True),
        ("Critics argue that the money would be better spent.", True),
        ("Ana Duarte said the plan was approved.", False),
        ("The environment minister said the plan was approved.", False),
        ("A ministry spokesperson confirmed that the plan was approved.", False),
        ("The Harbour Gazette reported that the plan was approved.", False),
        ("The union said the plan was approved.", False),
    ],
)
def test_anonymous_or_named(sentence: str, anonymous: bool) -> None:
    s = only(sentence)
    assert s.anonymous is anonymous
    if anonymous:
        assert s.attribution is Attribution.ANONYMOUS
    else:
        assert s.attribution is Attribution.PARAPHRASE


def test_a_quoted_sentence_is_a_direct_quote_even_when_anonymous() -> None:
    s = only("“It is a number we picked to get it through,” one official said.")
    assert s.attribution is Attribution.DIRECT_QUOTE
    assert s.anonymous


def test_scare_quotes_do_not_make_a_direct_quote() -> None:
    s = only("The trust said the rise was “overwhelmingly” caused by a shortage of staff.")
    assert s.attribution is Attribution.PARAPHRASE


# -- source chains ----------------------------------------------------------------------------


def test_according_to_a_report_in_an_outlet_is_a_relay() -> None:
    s = only(
        "The minister told reporters that a decision was close, according to a report in "
        "the Harbour Gazette."
    )
    assert (s.claimant, s.sources) == ("the minister", ("the Harbour Gazette",))


def test_according_to_a_report_alone_makes_the_outlet_the_claimant() -> None:
    s = only("According to a report in the Harbour Gazette, the barrier will cost £1.4bn.")
    assert (s.claimant, s.cue, s.sources) == ("the Harbour Gazette", "according to", ())


def test_according_to_people_after_a_claim_is_a_relay() -> None:
    s = only(
        "One board member privately acknowledged that the targets were never "
        "achievable, according to two people who attended the meeting."
    )
    assert s.claimant == "one board member"
    assert s.sources == ("two people who attended the meeting",)


def test_writes_quoting_an_article_by() -> None:
    s = only(
        "The Coastal Review, a trade newsletter, writes, quoting an article by the "
        "Northern Engineer, that two consortia want a simpler design."
    )
    assert s.claimant == "the Northern Engineer"
    assert s.sources == ("the Coastal Review",)
    assert s.cue == "writes, quoting an article by"


def test_an_outlet_citing_an_outlet_citing_officials() -> None:
    s = only(
        "The Harbour Gazette, citing Reuters, which cited two officials, said the plan "
        "had been approved."
    )
    assert s.claimant == "two officials"
    assert s.sources == ("the Harbour Gazette", "Reuters")
    assert s.anonymous


def test_reported_citing_and_told_an_outlet() -> None:
    s = only("The BBC reported that the talks had collapsed, citing unnamed diplomats.")
    assert (s.claimant, s.sources, s.anonymous) == ("unnamed diplomats", ("the BBC",), True)
    s = only("Officials told the Associated Press that the border would reopen.")
    assert (s.claimant, s.sources) == ("officials", ("the Associated Press",))


def test_citing_a_reason_is_not_a_source() -> None:
    s = only("The minister said she would resign, citing health reasons.")
    assert (s.claimant, s.sources) == ("the minister", ())


def test_a_report_that_cites_people() -> None:
    text = (
        "The Northern Engineer published the story on Monday.\n"
        "The Northern Engineer’s report cited unnamed officials at the flood authority who "
        "said the request was under consideration."
    )
    s = suggest_attributions(text)[-1]
    assert s.claimant == "unnamed officials at the flood authority"
    assert s.sources == ("the Northern Engineer",)
    assert s.anonymous


def test_figures_obtained_by_an_outlet() -> None:
    s = only(
        "Figures obtained by the Chronicle under freedom of information rules show that "
        "1,140 operations were outsourced."
    )
    assert s.claimant.startswith("figures obtained by the Chronicle")
    assert s.sources == ("the Chronicle",)


# -- pronouns and definite descriptions -------------------------------------------------------


def test_he_described_points_back_to_the_last_named_man() -> None:
    text = (
        "Her GP, Dr. Anand Bhattacharya, said he spent a third of his time on waiting lists. "
        "He described the situation as “a second waiting list”."
    )
    first, second = suggest_attributions(text)
    assert first.claimant == second.claimant == "Dr. Anand Bhattacharya"
    assert second.cue == "described"


def test_pronouns_skip_a_person_of_the_other_gender() -> None:
    text = (
        "The opposition spokesman, Gareth Pryce-Owen, said the plan was a press release.\n"
        "In a letter to Ms. Achterberg, he urged her to publish the business case."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Gareth Pryce-Owen"] * 2


def test_she_said_after_an_unattributed_introduction() -> None:
    text = (
        "Sheila Marchetti, 71, a retired teacher, has been waiting 20 months.\n"
        "“I was told it would be weeks,” she said."
    )
    s = only(text)
    assert (s.claimant, s.cue) == ("Sheila Marchetti", "said")


def test_a_subject_outranks_names_mentioned_later_in_its_sentence() -> None:
    text = (
        "The shadow secretary, Daniel Okonjo, has posted on social media that Mr. Varma’s "
        "evidence was damning. He called on the chair to resign."
    )
    assert [s.claimant for s in suggest_attributions(text)] == ["Daniel Okonjo"] * 2


def test_it_points_back_to_the_last_organisation() -> None:
    text = (
        "The Financial Ledger has updated its story.\n"
        "It now reports that the chair will make a statement."
    )
    s = only(text)
    assert s.claimant == "the Financial Ledger"


def test_they_points_back_to_the_last_group() -> None:
    text = "Two officials said the plan was ready. They said it would be announced in May."
    second = suggest_attributions(text)[1]
    assert (second.claimant, second.anonymous) == ("two officials", True)


def test_an_unnamed_person_introduced_then_she_says() -> None:
    text = (
        "Prof. Lena Hoffmann said the margin was thin.\n"
        "A reader in Eastbourne, who asked us not to use her name, has sent us her account. "
        "She says she drove him to hospital."
    )
    last = suggest_attributions(text)[-1]
    assert (last.claimant, last.anonymous) == ("a reader in Eastbourne", True)


def test_the_company_points_to_the_company_named_before() -> None:
    text = (
        "Selsey Bank’s operator, Northsea Wind Partners, will give evidence next week. "
        "In its written evidence, the company said the turbines tripped."
    )
    s = only(text)
    assert s.claimant == "Northsea Wind Partners"


# -- quotations across sentences --------------------------------------------------------------


def test_a_continuing_quotation_takes_the_previous_attribution() -> None:
    text = (
        "“The money is there… the engineering is there,” said Frank Doyle, now a councillor. "
        "“What has been missing is nerve.”"
    )
    first, second = suggest_attributions(text)
    assert second.sentence == "“What has been missing is nerve.”"
    assert (second.claimant, second.attribution) == ("Frank Doyle", Attribution.DIRECT_QUOTE)


def test_a_quotation_opened_before_its_attribution() -> None:
    text = "“We are ready. We have the money,” the minister said."
    first, second = suggest_attributions(text)
    assert first.sentence == "“We are ready."
    assert first.claimant == second.claimant == "the minister"


def test_a_quotation_in_a_new_paragraph_after_narration_is_not_continued() -> None:
    text = "“We are ready,” the minister said. The hall emptied.\n“Nobody believes it.”"
    assert [s.sentence for s in suggest_attributions(text)] == [
        "“We are ready,” the minister said."
    ]


# -- scoring helpers (benchmarks/attribution_scoring.py) ---------------------------------------


def test_claimant_normalising_and_matching() -> None:
    assert normalise_claimant("Dr. Priya Ramanathan’s") == ["priya", "ramanathan"]
    assert head_noun(["person", "familiar", "with", "the", "talks"]) == "person"
    assert claimants_match("Ms. Achterberg", "Helen Achterberg")
    assert claimants_match("two officials", "officials at the ministry")
    assert claimants_match("the regional flood authority", "the authority’s own figures")
    assert not claimants_match("Helen Achterberg", "Callum Breslin")
    assert not claimants_match("", "anyone")


def test_span_matching_needs_half_of_each_span() -> None:
    assert spans_match((0, 100), (0, 100)) == 100
    assert spans_match((0, 100), (40, 120)) == 60
    assert spans_match((0, 100), (0, 30)) == 0
    assert spans_match((0, 10), (10, 20)) == 0


def test_the_shipped_labels_load_and_the_engine_finds_most_of_them() -> None:
    articles = load_labelled(ROOT / "tests" / "fixtures" / "attributions", [ROOT / "articles"])
    assert articles

    def predicted(text: str) -> list[Predicted]:
        return [
            Predicted(s.start, s.end, s.claimant, s.anonymous, s.sources)
            for s in suggest_attributions(text)
        ]

    scores = score_all(articles, predicted)
    assert scores.labels > 50
    assert scores.sentence_recall >= 0.9
    assert scores.sentence_precision >= 0.9
    assert scores.claimant_recall >= 0.85


# -- hedges, new cue wordings, loose subjects, negation ---------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It is understood that the depot will close in the spring.", "It is understood that"),
        ("The mayor allegedly approved the payment in person.", "allegedly"),
        ("The two firms are said to have met twice in May.", "are said to have"),
        ("The ferry operator reportedly cancelled the order.", "reportedly"),
        ("The fund is believed to hold about £2m in cash.", "is believed to hold"),
    ],
)
def test_a_hedge_with_no_speaker_gives_unnamed_sources(text: str, cue: str) -> None:
    s = only(text)
    assert (s.claimant, s.cue, s.anonymous) == ("unnamed sources", cue, True)
    assert s.attribution is Attribution.ANONYMOUS


def test_a_hedge_does_not_override_a_speaker() -> None:
    s = only("Officers reportedly warned councillors that the scheme would fail.")
    assert s.claimant == "officers"


def test_was_reported_to_the_police_is_no_hedge() -> None:
    assert_none("The theft was reported to the police on Friday.")


def test_raised_concerns_is_a_cue_only_with_a_concern() -> None:
    s = only("Tenants have raised fresh concerns about damp in the flats.")
    assert (s.claimant, s.anonymous) == ("tenants", True)
    assert_none("Tenants have raised £4,000 for the roof.")


def test_reckons() -> None:
    s = only("The Harbour Traders Association reckons that footfall is down by a third.")
    assert s.claimant == "the Harbour Traders Association"
    assert s.cue == "reckons that"


def test_per_a_report_at_the_start_or_after_a_comma() -> None:
    s = only("Per a ministry report published in June, exports rose by 4%.")
    assert (s.claimant, s.cue) == ("a ministry report", "Per")
    s = only("Exports rose by 4%, per the ministry.")
    assert s.claimant == "the ministry"


def test_per_cent_and_per_head_are_no_cues() -> None:
    assert_none("Exports rose by 4 per cent, or £30 per head.")


def test_went_on_to_say() -> None:
    s = only("The minister, Olivia Grantham, went on to say that the plan was affordable.")
    assert (s.claimant, s.cue) == ("Olivia Grantham", "went on to say that")


def test_comma_saying_attributes_to_the_main_subject() -> None:
    text = (
        "Dr. Helen Marsh spoke at the hearing.\n"
        "She defended the budget, saying the cuts were “the only option we had”."
    )
    found = by_sentence(text)
    s = found["She defended the budget, saying the cuts were “the only option we had”."]
    assert (s.claimant, s.cue) == ("Dr. Helen Marsh", "saying")


def test_was_quoted_in_an_outlet_as_saying() -> None:
    s = only(
        "The operator, Northline Ferries, was quoted in the Harbour Gazette as saying that it "
        "had asked for more time."
    )
    assert s.claimant == "Northline Ferries"
    assert s.sources == ("the Harbour Gazette",)
    assert s.cue == "was quoted in the Harbour Gazette as saying that"


def test_said_in_a_statement_and_wrote_in_an_email() -> None:
    s = only("The trust said in a statement that the ward would reopen.")
    assert (s.claimant, s.cue) == ("the trust", "said in a statement that")
    s = only("Karen Ellis wrote in an email that the figures were wrong.")
    assert s.claimant == "Karen Ellis"


def test_documents_show_without_that() -> None:
    s = only("Documents show the council paid the firm twice.")
    assert s.claimant.lower() == "documents"
    assert_none("The results show the team is improving.")


def test_has_long_maintained_and_predicted() -> None:
    s = only("The union has long maintained that the yard was unsafe.")
    assert (s.claimant, s.cue) == ("the union", "has long maintained that")
    s = only("Economists have long predicted a slowdown.")
    assert s.claimant == "economists"


def test_found_in_a_study_that() -> None:
    s = only("Researchers at the institute found in a 2023 study that the scheme cut waits.")
    assert s.claimant == "researchers at the institute"
    assert s.cue == "found"
    assert_none("Police found the car that was stolen.")


def test_any_subject_when_a_that_clause_follows() -> None:
    s = only("One caretaker insisted that the alarms had been tested.")
    assert (s.claimant, s.anonymous) == ("one caretaker", False)


def test_any_subject_when_a_quotation_follows() -> None:
    s = only("One shepherd described the fire as “a wall coming over the hill”.")
    assert s.claimant == "one shepherd"
    assert s.attribution is Attribution.DIRECT_QUOTE


def test_a_handed_document_may_show_that() -> None:
    s = only("A spreadsheet obtained by the Gazette shows that the budget was cut.")
    assert s.claimant == "a spreadsheet obtained by the Gazette"
    assert s.sources == ("the Gazette",)
    assert_none("The decision shows that the council is serious.")


def test_an_unknown_subject_without_content_is_not_attributed() -> None:
    assert_none("The river warned of nothing.")
    assert_none("Not everyone agrees that the effects will be so severe.")


@pytest.mark.parametrize(
    "text",
    [
        "The council has not said what happened to the memo.",
        "The ministry never confirmed the figure.",
        "Officials didn’t say when the bridge would reopen.",
        "Northline has not previously said that it would sell.",
    ],
)
def test_a_negated_cue_gives_no_suggestion(text: str) -> None:
    assert_none(text)


def test_as_reported_by_an_outlet_is_a_relay() -> None:
    s = only(
        "As reported by the Hallam Evening Record, one volunteer described the path as "
        "“impassable after dark”."
    )
    assert s.claimant == "one volunteer"
    assert s.sources == ("the Hallam Evening Record",)


def test_a_quoted_relative_is_no_referent_for_it() -> None:
    text = (
        "The Weekend Standard interviewed her family.\n"
        "The sister is quoted as saying that she “did what she was trained to do”. "
        "It reports that ministers were warned in June."
    )
    found = by_sentence(text)
    assert found["It reports that ministers were warned in June."].claimant == (
        "the Weekend Standard"
    )
