"""Suggested attributions: kinds of failure read from the later batches of real news
(devnews5 and after, their development parts), one test per kind, sentence by sentence.

Every text here is written for these tests (invented people, places, bodies and outlets);
none is copied from a news page.
"""

from __future__ import annotations

from claimmark.store.suggest import suggest_attributions


def claims(text: str) -> list[tuple[str, str]]:
    return [(s.claimant, s.cue) for s in suggest_attributions(text)]


def claimants(text: str) -> list[str]:
    return [s.claimant for s in suggest_attributions(text)]


# -- devnews5 ---------------------------------------------------------------------------------


def test_a_verb_of_speaking_with_a_that_clause_reports() -> None:
    text = "Tim Hale spoke next.\nTo that, Hale joked that he was no singer."
    assert claims(text) == [("Tim Hale", "joked that")]
    assert claims("The mayor quipped that the rain, at least, was free.") == [
        ("the mayor", "quipped that")
    ]
    assert claims("Prices continued to rise that week.") == []


def test_weighed_in_beside_a_quotation_reports() -> None:
    text = "Mara Bell spoke first.\n“We all miss him,” Bell weighed in, telling the hall so."
    assert claimants(text) == ["Mara Bell"]
    assert claims("The lorry weighed ten tonnes.") == []


def test_a_gerund_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    text = (
        "Tim Hale spoke at the summit.\n"
        "Hosting Hale at the summit “is our dream,” Ana Ortiz said.\n"
        "Hale said the admiration is mutual."
    )
    assert claimants(text) == ["Ana Ortiz", "Tim Hale"]
    # a first name ending in -ing stays a first name
    assert claimants("Sterling Brown said he was fine.") == ["Sterling Brown"]


def test_a_company_form_keeps_its_dot() -> None:
    assert claims("Boeing Co. said the jets were safe.") == [("Boeing Co.", "said")]
    text = "Acme Inc. said the plant would close. The firm said talks had failed."
    assert claimants(text) == ["Acme Inc.", "Acme Inc."]


def test_a_person_named_after_the_sentences_own_pronoun_is_not_whom_she_said_means() -> None:
    text = (
        "Mary Steen moved to the city to write songs.\n"
        "And despite her fame, she was more nervous than Rosa Lind has ever been. "
        "“It was terrifying,” she said."
    )
    assert claimants(text) == ["Mary Steen"]


def test_a_pronoun_after_said_that_opens_a_clause_is_what_was_said_not_the_speaker() -> None:
    text = (
        "The lawsuit accuses Jane Roe of fraud. Her lawyer, Mark Bell, said she is innocent.\n"
        "The firm’s lawyer, Ann Holt, said he would appeal."
    )
    assert claimants(text) == ["Mark Bell", "Ann Holt"]
    # an inversion with the pronoun closing the clause is still the pronoun's person
    assert claimants("Jane Roe spoke. “I am innocent,” said she, to cheers.") == ["Jane Roe"]


def test_said_nothing_opening_a_clause_is_a_statement() -> None:
    assert claimants("Tom Hill met Leo Vane. Vane said nothing had changed.") == ["Leo Vane"]
    assert claimants("Leo Vane said little would change.") == ["Leo Vane"]
    assert claims("Officials said nothing about what was planned.") == []
    assert claims("The report says little to nothing about costs.") == []


# -- offices and names ------------------------------------------------------------------------


def test_an_office_with_of_before_a_name_is_the_description_of_the_person() -> None:
    found = suggest_attributions("Secretary of State Ana Ruiz said talks would resume.")
    assert [(s.claimant, s.description) for s in found] == [("Ana Ruiz", "Secretary of State")]
    found = suggest_attributions("Bank of Tarvik Governor Mark Bell said rates would hold.")
    assert [(s.claimant, s.description) for s in found] == [
        ("Mark Bell", "Bank of Tarvik Governor")
    ]
    assert claimants("Chief of Staff Tom Hale said the talks were over.") == ["Tom Hale"]
    # bodies and people who belong to them stay whole
    assert claimants("The Bank of Tarvik said rates would hold.") == ["the Bank of Tarvik"]
    assert claimants("A spokesman for the Ministry of Ports said the quay was safe.") == [
        "a spokesman for the Ministry of Ports"
    ]
    assert claimants("Wray Lund of the University of Vell said the sea was warming.") == [
        "Wray Lund"
    ]


def test_a_dutch_particle_stays_inside_the_name() -> None:
    assert claimants("Harbour FC manager Erik ten Brand said the team was tired.") == [
        "Erik ten Brand"
    ]


def test_a_participle_citing_a_source_at_the_start_relays_like_a_trailing_one() -> None:
    found = suggest_attributions(
        "Citing two people familiar with the talks, the Courier reported that a deal was near."
    )
    assert [(s.claimant, s.sources, s.cue) for s in found] == [
        ("two people familiar with the talks", ("the Courier",), "Citing ... reported that")
    ]
    assert found[0].anonymous
    found = suggest_attributions("But quoting a senior official, the paper said the army would go.")
    assert [(s.claimant, s.sources) for s in found] == [("a senior official", ("the paper",))]
    # a reason cited is no source
    assert claims("Citing health reasons, the minister resigned on Monday.") == []


# -- devnews6 ---------------------------------------------------------------------------------


def test_an_adverb_such_as_twice_between_subject_and_verb() -> None:
    assert claims("Big Harbour Records have twice denied doing anything wrong.") == [
        ("Big Harbour Records", "have twice denied")
    ]


def test_a_speaker_title_is_a_role_and_an_abbreviated_title_names_the_role() -> None:
    text = "House Speaker Brian Lund spoke to lawmakers. Lund said lawmakers would act."
    assert claimants(text) == ["Brian Lund"]
    found = suggest_attributions(
        "Gov. Eric Vale was in Florida. The governor said he was waiting for a report."
    )
    assert [(s.claimant, s.description) for s in found] == [("Gov. Eric Vale", "the governor")]


def test_a_verb_that_reports_a_clause_reports_beside_a_quotation() -> None:
    assert claims("“My people had it done,” Mr. Hale recounted at a cabinet meeting.") == [
        ("Mr. Hale", "recounted")
    ]
    assert claims("“We will win,” the coach proclaimed.") == [("the coach", "proclaimed")]
    assert claims("He recounted the story of his life.") == []


def test_a_claimant_phrase_runs_through_across_and_around() -> None:
    assert claimants("Executives across the world say they have no choice.") == [
        "executives across the world"
    ]
    assert claims("Prices across the region rose sharply.") == []


def test_said_before_the_subject_of_the_reported_clause_is_no_inversion() -> None:
    text = (
        "In a letter in May, Zippy Hale, the president of the Farm Bureau, said farmers faced"
        " “near-unprecedented uncertainty.”"
    )
    assert claimants(text) == ["Zippy Hale"]
    # a participle with its phrase belongs to the inverted speaker
    assert claimants("The fire spread quickly, said residents displaced by the blaze.") == [
        "residents displaced by the blaze"
    ]


def test_people_described_by_a_relative_clause_ending_in_a_plural_object() -> None:
    text = "Washington-based analysts who have done the calculations say the target is too high."
    assert claimants(text) == ["washington-based analysts who have done the calculations"]
    assert claimants("The calculations say nothing of the sort, and the report says so.") == [
        "the report"
    ]


def test_a_person_and_their_team_gives_the_persons_full_name() -> None:
    text = (
        "The study was led by Dr. Lucas Hale of Vell University, who said the result was rare.\n"
        "In the paper, Hale and his team wrote that the plume was rare."
    )
    assert claimants(text) == ["Dr. Lucas Hale", "Dr. Lucas Hale and his team"]
    text = "Lucas Hale said so. Hale and colleagues wrote that it was rare."
    assert claimants(text) == ["Lucas Hale", "Lucas Hale and colleagues"]


def test_a_person_of_a_body_in_one_run_of_capitals_is_the_person() -> None:
    assert claimants("Lucas Hale of Vell University said the plume was rare.") == ["Lucas Hale"]
    text = "The study was led by Dr. Lucas Hale of Vell University, who said it was rare."
    assert claimants(text) == ["Dr. Lucas Hale"]
    assert claimants("The Bank of Tarvik said rates would hold.") == ["the Bank of Tarvik"]


def test_a_capitalised_reporting_word_inside_a_name_is_no_verb() -> None:
    assert claims("Despite the talks, the United States and Vell reached no deal.") == []
    assert claimants("Consumer Reports said the car was unsafe.") == ["Consumer Reports"]
    assert claimants("The United States says it will respond.") == ["the United States"]


def test_an_owners_claim_noun_past_a_date_or_an_adjective() -> None:
    text = "Despite Mr. Hale’s Oct. 11 announcement that a deal was reached, none was signed."
    assert claims(text) == [("Mr. Hale", "Hale’s Oct. 11 announcement that")]
    assert claimants("The Courier’s report that the mayor lied was wrong.") == ["the Courier"]
    assert claimants("The minister’s claim that the deal was done was false.") == ["the minister"]


def test_they_after_a_company_spoke_is_the_company() -> None:
    text = (
        "Big Harbour Records have twice denied doing anything wrong.\n"
        "“At no point did we say she could not perform,” they said in a statement."
    )
    assert claimants(text) == ["Big Harbour Records", "Big Harbour Records"]
    # people who spoke since are "they"
    text = (
        "Acme Corp said profits fell. Analysts said the drop was expected. They said it would pass."
    )
    assert claimants(text) == ["Acme Corp", "analysts", "analysts"]


def test_the_actor_in_a_profile_is_the_person_it_names_most() -> None:
    text = (
        "James Vale was voted off the show on Monday. Vale thanked his fans.\n"
        "“It makes you more human,” said the actor."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [("James Vale", "the actor")]


def test_his_office_is_the_office_of_the_person_he_means() -> None:
    text = (
        "State police closed the road. Gov. Eric Vale was away.\n"
        "His office said he was keeping his plans."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [
        ("Gov. Eric Vale's office", "his office")
    ]


def test_a_speech_participle_after_a_post_or_after_after() -> None:
    text = "Then, last week, Tara Swan posted on Twitter accusing the label of blocking her."
    assert claims(text) == [("Tara Swan", "accusing")]
    assert claims("Tara Swan won support, after accusing the label of lying.") == [
        ("Tara Swan", "accusing")
    ]
    assert claims("Tom Hale went on television saying the vote was rigged.") == [
        ("Tom Hale", "saying")
    ]


def test_a_headline_that_gives_its_source_before_a_colon() -> None:
    def title_claims(title: str, body: str) -> list[tuple[str, str]]:
        return [(s.claimant, s.cue) for s in suggest_attributions(body, title=title) if s.in_title]

    assert title_claims("Police: Man shot dead in Vell", "A man died, police said.") == [
        ("police", ":")
    ]
    body = "Mayor Tom Hale said the town would be rebuilt."
    assert title_claims("Hale: We will rebuild the town", body) == [("Tom Hale", ":")]
    # a score or a label before a colon is no source
    assert title_claims("Vell 2, Harlow 1: Late goal seals it", "Vell won.") == []
    assert title_claims("Update: Road reopens after crash", "The road reopened.") == []
    assert [
        s.claimant
        for s in suggest_attributions(
            "It is fast.", title="Vellbox review: A console that keeps up"
        )
        if s.in_title
    ] == []


def test_a_role_before_a_persons_possessive_is_the_description() -> None:
    found = suggest_attributions("Public Ombudsman Nadia Vell’s office said the toll had risen.")
    assert [(s.claimant, s.description) for s in found] == [
        ("Nadia Vell’s office", "Public Ombudsman")
    ]
    text = "Representatives of Tom Hale's family suggested he was framed."
    assert claimants(text) == ["representatives of Tom Hale's family"]


# -- devnews8 ---------------------------------------------------------------------------------


def test_a_naming_quotation_after_a_long_object_and_a_comma() -> None:
    text = (
        "Michael Dunn spoke next. Dunn calls Hale’s arguments for the necessity of solar"
        " geoengineering, “misguided policy advocacy.”"
    )
    assert claims(text)[-1] == ("Michael Dunn", "calls")


def test_the_report_an_outlet_ran_is_the_outlets() -> None:
    text = (
        "According to a report in the Argus Courier, Gov. Kristi Lund launched the campaign."
        " The report says the agency came up with it."
    )
    assert claimants(text) == ["the Argus Courier", "the Argus Courier"]


def test_according_to_a_person_and_their_collaborators() -> None:
    text = (
        "James Hale led the work. Cuts will not be enough, according to Hale and his collaborators."
    )
    assert claimants(text) == ["James Hale and his collaborators"]


def test_orders_beside_a_quotation_and_a_nominee_defended() -> None:
    assert claimants("“Let me see your hands!” an officer ordered.") == ["an officer"]
    assert claims("Police ordered the crowd to leave.") == []
    text = "Former Defense Secretary Robert Hale defended the president’s pick for the post."
    assert claimants(text) == ["Robert Hale"]


def test_a_plural_possessive_employer_before_a_name() -> None:
    found = suggest_attributions("Delta Air Lines’ Ed Bastian said demand was strong.")
    assert [(s.claimant, s.description) for s in found] == [("Ed Bastian", "Delta Air Lines’")]


def test_a_filter_word_that_is_no_cue_does_not_stop_an_inherited_finding() -> None:
    text = (
        "Veteran banker Clara Voss has four tips.\n"
        "The biggest reason advisers get fired, writes Voss, is “it is always about talk.”\n"
        "Additionally, advisers should be diplomatic about demands by anticipating needs."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.inherited) for s in found] == [
        ("Clara Voss", False),
        ("Clara Voss", True),
    ]


def test_a_view_held_by_no_one_named() -> None:
    text = "The listing is seen as a vote of confidence from the capital."
    assert claims(text) == [("unnamed sources", "is seen as")]
    assert claims("He was considered to be a strong candidate.") == [
        ("unnamed sources", "was considered to be")
    ]
    # with its agent, or seen with the eyes, it is no hedge
    assert claims("She is regarded as the best by her peers.") == []
    assert claims("The game was seen by millions.") == []
    assert claims("The film was seen in 40 countries.") == []


def test_a_forecast_in_the_progressive_with_a_figure() -> None:
    text = "Analysts surveyed by Refinitiv were expecting $2.52 a share."
    assert claimants(text) == ["analysts surveyed by Refinitiv"]
    assert claimants("Economists are forecasting 3% growth next year.") == ["economists"]
    assert claims("Fans were expecting a win.") == []


def test_sees_a_forecast() -> None:
    text = "Looking ahead, Harbour Tools sees sales growth of 1.8 percent."
    assert claims(text) == [("Harbour Tools", "sees")]
    assert claimants("Analysts see the bank cutting rates twice.") == ["analysts"]
    assert claims("The city sees heavy traffic on Fridays.") == []
    assert claims("He sees his children on weekends.") == []


def test_a_countrys_office_holder_is_the_person_given_that_role() -> None:
    text = (
        "The house will become a police station, Vellia's interior minister said on Tuesday.\n"
        "Interior Minister Wolfgang Lund told reporters the decision was final."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found][0] == (
        "Wolfgang Lund",
        "Vellia's interior minister",
    )
    # a person's lawyer is their relation, not an office
    text = (
        "Rudy Hale, the president's lawyer, met them. Tim Morris testified on Tuesday.\n"
        "Morris's lawyer said the testimony was accurate."
    )
    assert claimants(text) == ["Morris's lawyer"]


def test_an_embedded_post_by_a_lower_case_display_name_in_short_lines() -> None:
    text = (
        "The slogan drew mockery online.\n"
        "on. meth. dot. com.\n"
        "meth.\n"
        "we’re. on. it. https://t.co/abc\n"
        "— tall glass of cocoa (@_cocoa) November 19, 2019\n"
        "The governor doubled down on the slogan the next day, and the campaign went on."
    )
    found = suggest_attributions(text)
    assert [(s.sentence, s.claimant) for s in found] == [
        ("on. meth. dot. com.", "tall glass of cocoa"),
        ("meth.", "tall glass of cocoa"),
        ("we’re. on. it. https://t.co/abc", "tall glass of cocoa"),
    ]


def test_confessed_to_and_threatening_to() -> None:
    text = "Mark Vale was arrested. Vale confessed to the crime and was jailed."
    assert claims(text) == [("Mark Vale", "confessed to")]
    assert claims("Tom Dunn confessed his love.") == []
    assert claims("Tom Dunn hid the girl while threatening to hurt her parents.") == [
        ("Tom Dunn", "threatening")
    ]
    assert claims("Officials closed the port, threatening fines for anyone who entered.") == []


def test_a_recommendation_reports_and_a_referral_does_not() -> None:
    assert claims("Doctors recommended that he rest.") == [("doctors", "recommended that")]
    assert claimants("The panel recommended a ban on the drug.") == ["the panel"]
    assert claims("Patients took the recommended dose.") == []
    assert claims("She met a woman who recommended her to the director.") == []


# -- devnews10 --------------------------------------------------------------------------------


def test_a_role_before_a_line_break_is_not_the_next_lines_names() -> None:
    text = (
        "Mr Obama spoke to the BBC.\n"
        "Vellia is getting ready to welcome the US president\n"
        "Vellia trip\n"
        "The president said he would not fall silent on the issue."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found][-1] != ("Vellia", "the president")


def test_quantifiers_stay_with_the_claimant_and_accuse_is_a_cue() -> None:
    assert claimants("But most experts say that is unlikely.") == ["most experts"]
    assert claimants("The most senior official said the talks had failed.") == [
        "the most senior official"
    ]
    assert claimants("Many Vellians accuse the party of being slow.") == ["many Vellians"]
    assert claimants("A number of analysts say that the rift will heal.") == [
        "a number of analysts"
    ]
    assert claims("A number of factors explain the fall.") == []


def test_one_of_the_in_an_appositive_and_after_an_inverted_said() -> None:
    text = "Eric Vale, one of the leading voices on Vellia, said he was appalled."
    assert claimants(text) == ["Eric Vale"]
    assert claimants("The plan, said one of the engineers, was flawed.") == ["one of the engineers"]


def test_an_inverted_speaker_with_the_body_they_work_for() -> None:
    text = "“The ground expands,” said Tasos Vell of the Department of Environmental Protection."
    assert claimants(text) == ["Tasos Vell"]


def test_a_noun_ending_in_ed_after_its_determiner_is_the_head() -> None:
    text = "Although no group claimed it, the bloodshed raised fears that militants were spreading."
    assert claims(text) == []
    assert claimants("Figures obtained by the Courier show costs doubled.") == [
        "figures obtained by the Courier"
    ]


def test_a_relative_clause_after_a_persons_appositive_is_the_persons() -> None:
    text = (
        "Senator James Vale, an Oklahoma Republican who warned of the deficit in the past,"
        " played down the threat."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.cue) for s in found] == [("James Vale", "warned")]
    assert claimants("The firm hired Ana Ruiz, a lawyer who said the case was weak.") == [
        "Ana Ruiz"
    ]


def test_a_forecast_no_one_named_makes() -> None:
    assert claims("The deficit is expected to total nearly $1 trillion next year.") == [
        ("unnamed sources", "is expected to")
    ]
    assert claims("The central bank is widely expected to raise rates.") == [
        ("unnamed sources", "is widely expected to")
    ]
    # with its agent, the agent expects it
    assert claims("The rise was expected by analysts.") == []


def test_the_officials_are_the_people_the_article_first_described_so() -> None:
    text = (
        "It was slow progress. Vell Power officials said the covers were vented.\n"
        "To ease the threat, the officials said, the utility replaced the covers."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [
        ("Vell Power officials", ""),
        ("Vell Power officials", "the officials"),
    ]
    text = "A UK man fell ill in May. The man said he had changed his pillows."
    assert [(s.claimant, s.description) for s in suggest_attributions(text)] == [
        ("A UK man", "the man")
    ]
    # with nothing that described them, they stay as written
    assert claimants("Officials closed the road. The officials said it would reopen.") == [
        "the officials"
    ]


def test_a_list_after_said_whose_bullets_were_dropped() -> None:
    text = (
        "President Ana Vale spoke to the Courier.\n"
        "In a wide-ranging interview, Ms Vale also said:\n"
        "The port must stay open to trade\n"
        "She is confident the budget will pass\n"
        "The army needs a political solution\n"
        "Read the full transcript of her interview\n"
        "Ms Vale flies to Harlow on Friday."
    )
    found = suggest_attributions(text)
    assert [(s.sentence, s.inherited) for s in found[1:]] == [
        ("The port must stay open to trade", True),
        ("She is confident the budget will pass", False),
        ("The army needs a political solution", True),
    ]
    assert {s.claimant for s in found} == {"Ana Vale"}


def test_a_warning_about_is_a_noun_and_a_letter_warning_that_reports() -> None:
    assert claimants("A letter warning that the dam could fail was sent.") == ["a letter"]
    text = "The first comments on the vote came with a tough warning about the rhetoric."
    assert all(s.cue != "warning" for s in suggest_attributions(text))


def test_his_spokesman_and_a_country_that_speaks() -> None:
    text = "Opposition leader Morgan Vell returned on Wednesday, his spokesman said."
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [
        ("Morgan Vell's spokesman", "his spokesman")
    ]
    # a country that speaks is no person: "he" and "his" never mean it
    text = "South Africa said the talks had failed. Later he said nothing more of it."
    assert all(s.claimant != "South Africa" for s in suggest_attributions(text)[1:])


# -- devnews11 --------------------------------------------------------------------------------


def test_joint_people_crowds_and_elaborated_that() -> None:
    text = "The driver died on arrival, police and medics said."
    assert claimants(text) == ["police and medics"]
    assert claimants("Large crowds of protesters have called for the mayor’s ouster.") == [
        "large crowds of protesters"
    ]
    assert claims("The crowd cheered.") == []
    text = "Fernando Vale spoke to us. Later, via email, he elaborated that it was no hard sell."
    assert claims(text) == [("Fernando Vale", "elaborated that")]


def test_a_contraction_or_a_determiner_alone_names_nobody() -> None:
    text = "What is a superbug?\nIt's a term coined by the media to describe hardy bacteria."
    assert claims(text) == []


def test_advice_with_a_gerund_or_an_object_and_to() -> None:
    text = "Mark Forrest runs a hotel. Forrest advised stuffing the peephole with paper."
    assert claims(text) == [("Mark Forrest", "advised")]
    assert claims("Police advised residents to stay indoors.") == [("police", "advised")]
    assert claims("She advised the president on trade.") == []


def test_the_quick_filters_word_pattern_matches_whole_words_only() -> None:
    import re

    from claimmark.store.suggest.cues import _trie_pattern

    pattern = re.compile(rf"\b(?:{_trie_pattern(['said', 'says', 'say', 'sayings'])})\b")
    assert [m.group() for m in pattern.finditer("he said, they say, it says")] == [
        "said",
        "say",
        "says",
    ]
    assert pattern.search("the saying goes") is None
    assert pattern.search("old sayings") is not None


def test_a_surname_that_is_also_a_first_name_does_not_give_the_persons_gender() -> None:
    text = (
        "Rep. Ilhan Vale was threatened. Vale asked for compassion, saying a harsh sentence"
        " would not help. She added, “We must teach the defendant love.”"
    )
    found = suggest_attributions(text)
    assert [s.claimant for s in found][-1] == "Rep. Ilhan Vale"
    text = (
        "Rep. Ilhan Omar spoke. Rep. Alexandria Ocasio-Cortez linked the attack to a host’s"
        " words.\nOmar asked for compassion, saying a harsh sentence would not help. She"
        " added, “We must teach the defendant love.”"
    )
    assert [s.claimant for s in suggest_attributions(text)][-1] == "Rep. Ilhan Omar"


def test_a_photographers_credit_is_no_one_a_later_he_means() -> None:
    text = (
        "South Korean President Yoon Suk Yeol spoke on TV.\n"
        "An image of Yoon is raised during a rally.Anthony Wallace / AFP - Getty Images\n"
        "“I deeply regret this,” he said."
    )
    assert claimants(text) == ["Yoon Suk Yeol"]


def test_a_participle_after_while_hangs_on_the_nearest_clauses_subject() -> None:
    text = (
        "Mark Webb was arrested. Officers found the girl in a basket where he forced her to"
        " hide while threatening to hurt her parents."
    )
    assert claims(text) == [("Mark Webb", "threatening")]


def test_an_owners_claims_in_the_plural() -> None:
    assert claimants("The mayor’s claims that crime fell were false.") == ["the mayor"]


# -- devnews12 --------------------------------------------------------------------------------


def test_a_statement_released_by_someone_is_theirs() -> None:
    found = suggest_attributions("Amazon released a separate statement saying, “It helps us.”")
    assert [(s.claimant, s.description) for s in found] == [("Amazon", "a separate statement")]
    assert claimants("The ministry put out a statement saying the toll had risen.") == [
        "the ministry"
    ]
    assert claimants("Officials received a letter saying the dam could fail.") == ["a letter"]


def test_said_before_a_quotation_that_goes_on_from_a_name_is_no_inversion() -> None:
    text = (
        "State Sen. Dawn Vale (R-Burlington), for example, said Christie"
        ' "has dedicated his efforts."'
    )
    assert claimants(text) == ["Sen. Dawn Vale"]
    assert claimants("“We will win,” said Tom Hale “and we will do it soon.”") == ["Tom Hale"]


def test_part_of_a_group_and_joined_initials() -> None:
    assert claimants("Several of the activists said that they came anyway.") == [
        "several of the activists"
    ]
    text = "The film is by writer-director J.C. Chandor. “Scripts are vague,” the director said."
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [("J.C. Chandor", "the director")]


# -- this session: kinds read from the remaining development errors ---------------------------


def test_the_suspect_is_a_person_not_the_verb_suspect() -> None:
    assert claims("The suspect said he needed to get dressed.") == [("the suspect", "said")]
    assert claimants("The suspects told officers they were lost.") == ["the suspects"]
    # the verb still reports
    assert claims("Police suspect that the fire was set.") == [("police", "suspect that")]


def test_a_document_closing_the_sentence_with_its_finding() -> None:
    assert claims("Fewer teens smoke than a decade ago, a new survey found.") == [
        ("a new survey", "found")
    ]
    assert claims("Rents rose 4% last year, the audit estimated.") == [("the audit", "estimated")]
    assert claims("The hikers were safe, the review concluded.") == [("the review", "concluded")]
    # nothing but a document, and nothing passive
    assert claims("He had been missing for days, the body was found.") == []
    assert claims("The keys were lost, but the team found.") == []


def test_chanted_sang_and_screamed_beside_a_quotation_report_it() -> None:
    assert claims("Nurses chanted, “Staff our wards,” outside the hall.") == [("nurses", "chanted")]
    text = "Ana Bell wrote the song.\n“I had to find my own way,” she sings."
    assert claims(text) == [("Ana Bell", "sings")]
    assert claims("Ana Bell sang at the festival.") == []


def test_in_what_someone_described_as_is_their_characterisation() -> None:
    text = "Ana Vell was voted off in what host Tom Berg described as the “hardest call yet.”"
    assert claims(text) == [("Tom Berg", "described")]
    text = "The talks ended in what the union called a “betrayal of staff.”"
    assert claims(text) == [("the union", "called")]
    # the object of a verb is no characterisation
    assert claims("Rivers rose, unlike what the report said.") == []


def test_she_learns_the_gender_of_the_person_she_means_not_of_the_one_named_last() -> None:
    text = (
        "Ana Vell says she will sing her old songs.\n"
        "Ana Vell's albums came out on Big Label, which was bought by manager Dex Ruhl.\n"
        "In a post at the time she called this the “worst case” and accused him of bullying.\n"
        "Ruhl has worked with Mo Tan, whom Ana Vell has feuded with.\n"
        "He has consistently denied being unfair to her."
    )
    assert claimants(text)[-1] == "Dex Ruhl"


# -- devnews14 (BBC News, 2004-05): development set -------------------------------------------


def test_a_quotation_that_lost_its_paragraph_break_reopens_and_stays_the_speakers() -> None:
    # the closing mark of a quote paragraph is left out when the quotation goes on in the
    # next paragraph; with the break lost, the next opening mark reopens it
    text = (
        'Tom Reeve spoke after the match. He added: "What annoys me is what the others think. '
        '"I can imagine them laughing. That makes me cringe." Reeve scored twice.'
    )
    found = [(s.sentence, s.claimant, s.inherited) for s in suggest_attributions(text)]
    assert found[1:] == [
        ('"I can imagine them laughing.', "Tom Reeve", True),
        ('That makes me cringe."', "Tom Reeve", True),
    ]


def test_a_name_inside_a_reopened_quotation_is_not_whom_he_means() -> None:
    text = (
        'Tom Reeve spoke on Friday. He added: "They are strong. '
        '"They have Ian Cole and Jo Lake, while Dan Hale is just ready to click into place."\n'
        "He insisted his side would not relax."
    )
    assert claimants(text)[-1] == "Tom Reeve"


def test_a_body_described_before_its_name_is_given_by_the_name() -> None:
    found = suggest_attributions("Tractor maker Mahindra has reported a 52% rise in profit.")
    assert [(s.claimant, s.description) for s in found] == [("Mahindra", "tractor maker")]
    text = "India's biggest carmaker Maruti has reported a sharp rise in profit."
    assert claimants(text) == ["Maruti"]
    text = "Files leak secrets, according to document security firm Wexshare."
    assert claimants(text) == ["Wexshare"]
    # a person's role before the name is handled as before; a name alone stays
    assert claimants("Talent manager Dex Ruhl said he was fine.") == ["Dex Ruhl"]
    assert claimants("Vell Motors said sales fell.") == ["Vell Motors"]


def test_a_partys_titled_member_is_the_person() -> None:
    text = (
        "Ken Lavington, the mayor, spoke on Monday.\n"
        "Labour's Mr Lavington has said his comments were not racist."
    )
    assert claimants(text)[-1] == "Ken Lavington"


def test_a_headline_naming_who_took_a_stance_reports_it() -> None:
    body = "Ireland lock Tom Reeve has dismissed reports linking him to the captaincy."
    found = [
        (s.claimant, s.cue)
        for s in suggest_attributions("\n" + body, title="Reeve rejects captaincy rumours")
        if s.in_title
    ]
    assert found == [("Tom Reeve", "rejects")]
    body = "Tory MP Dan Holt has insisted the mayor should not apologise."
    found = [
        (s.claimant, s.cue)
        for s in suggest_attributions(body, title="Dan opposes mayor apology")
        if s.in_title
    ]
    assert found == [("Dan Holt", "opposes")]
    # a name the article does not give, or a verb of no stance: nothing
    assert not [s for s in suggest_attributions(body, title="Storm batters coast") if s.in_title]
    assert not [s for s in suggest_attributions(body, title="Vell rejects plan") if s.in_title]


def test_said_before_a_modified_noun_of_people_is_an_inversion() -> None:
    text = "The airline cancelled 65 flights on Friday, said industry officials."
    assert claims(text) == [("industry officials", "said")]
    assert claimants("The ban works, say health officials in Ohio.") == ["health officials in Ohio"]


def test_commented_and_underlined_before_the_speaker_after_a_quotation() -> None:
    text = "“The airline has a mutiny on its hands,” commented Mike Bord, an industry consultant."
    assert claims(text) == [("Mike Bord", "commented")]
    text = "Carl Sand runs the project.\n“This is a pilot,” underlined Mr Sand."
    assert claims(text) == [("Carl Sand", "underlined")]


def test_first_names_from_beyond_the_english_speaking_world_make_people() -> None:
    text = (
        "Second seed Andy Vell lost to Jurgen Malz in the quarter-finals.\n"
        "Malz has now beaten Vell in two of their three meetings.\n"
        "“I had a good game plan,” he said."
    )
    assert claimants(text) == ["Jurgen Malz"]
    text = "Volodymyr Kessel spoke on Monday.\nHe said the talks would go on."
    assert claimants(text) == ["Volodymyr Kessel"]
    text = "Jacinda Orr spoke on Monday.\nShe said the talks would go on."
    assert claimants(text) == ["Jacinda Orr"]


def test_the_firm_that_made_a_survey_and_its_report_are_the_company() -> None:
    text = (
        "Files are risky, according to security firm Wexshare.\n"
        "Most documents leak, a survey by the firm revealed.\n"
        "The report warns firms to do better.\n"
        "The research revealed that metadata is large."
    )
    assert claimants(text) == ["Wexshare"] * 4
    # "the study" is the team's, "the report" is not
    text = (
        "Ana Vell and her team at Harlow University modelled the grid.\n"
        "The study found that the plant failed.\n"
        "The report found that the plant failed."
    )
    assert claimants(text)[-2:] == ["Ana Vell and her team", "the report"]


def test_a_quotation_right_after_a_sentence_about_a_named_person_is_theirs() -> None:
    text = (
        "The idea met resistance from teachers.\n"
        "However, Mr Ned Roper has tried it in two schools with his wife. "
        "“We put in 25 laptops, and only one has broken.” The plan grew."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.inherited) for s in found] == [("Ned Roper", True)]
    # not after a sentence whose subject is no speaker, nor after one that names nobody
    assert claimants("Ned Roper was arrested on Monday. “It is a disgrace.”") == []
    assert claimants("The school opened. “We put in 25 laptops.”") == []


def test_state_of_is_a_noun_not_a_verb() -> None:
    assert claims("The idea came from trials in the US state of Maine.") == []
    assert claims("The rules state that no one may enter.") == [("the rules", "state that")]


def test_the_governor_is_the_governor_the_text_spoke_of_last() -> None:
    text = (
        "Republican Gov. Eric Holm and leaders of the Legislature met.\n"
        "Kentucky GOP Gov. Matt Bevan lost his reelection bid.\n"
        "Holm and legislative leaders tout the plan.\n"
        "Teachers did not see Holm at the Statehouse on Tuesday.\n"
        "The governor said he was waiting for a commission."
    )
    found = suggest_attributions(text)[-1]
    assert (found.claimant, found.description) == ("Eric Holm", "the governor")


def test_a_description_after_a_quotation_stands_for_the_name_before_it() -> None:
    found = suggest_attributions("Vellair “regrets the delays,” the Ramco subsidiary said.")
    assert [(s.claimant, s.description) for s in found] == [("Vellair", "the Ramco subsidiary")]
    assert claimants("The board “regrets the delays,” the airline said.") == ["the airline"]


def test_the_answer_to_the_interviewers_question_is_the_last_speakers() -> None:
    text = (
        "“My life hasn't changed,” Kris Weg says. “People want to hear that it has.”\n"
        "But hasn't she had to turn down lots of offers?\n"
        "“I mean. Yes, no. It feels weird to say that.” Weg laughs."
    )
    found = [(s.sentence, s.claimant) for s in suggest_attributions(text)]
    assert found[-3:] == [
        ("“I mean.", "Kris Weg"),
        ("Yes, no.", "Kris Weg"),
        ("It feels weird to say that.”", "Kris Weg"),
    ]


# -- devnews16 (news of 2016-17 as news-please extracted it): development set -----------------


def test_the_president_elect_is_the_person_given_that_title() -> None:
    text = "President-elect Dan Rump met the president.\nThe President-elect said: “He is fine.”"
    found = suggest_attributions(text)[-1]
    assert (found.claimant, found.description) == ("Dan Rump", "the President-elect")


def test_a_photo_credit_run_into_the_sentence_is_no_part_of_the_name() -> None:
    text = "Outgoing President Bram Olema met him. GETTY Olema said he would help."
    assert claimants(text) == ["Bram Olema"]


def test_the_findings_of_a_named_body_are_its_own() -> None:
    text = "Initial findings of the Rail Accident Branch (RAB) show that the tram sped."
    assert claimants(text) == ["the Rail Accident Branch"]
    text = "An analysis of official U.S. labor statistics shows that women left."
    assert claimants(text) == ["an analysis of official U.S. labor statistics"]


def test_first_names_that_are_also_words_make_people() -> None:
    text = (
        "He finished third behind Lewis Hamm and Nico Rost.\n"
        "Hamm was not among the critics. “It is understandable,” he said."
    )
    assert claimants(text) == ["Lewis Hamm"]
    assert claimants("Holly Brandt said the plan was fine.") == ["Holly Brandt"]


def test_dismissed_reports_is_a_stance_and_reports_after_it_is_a_noun() -> None:
    text = "Ireland lock Paul Conn has dismissed media reports linking him to the captaincy."
    assert claims(text) == [("Paul Conn", "has dismissed")]
    assert claims("Paul Conn dismissed the claims as nonsense.") == [("Paul Conn", "dismissed")]
    assert claims("The coach dismissed the players early.") == []


def test_a_bodys_spokeswoman_after_the_verb_keeps_the_whole_phrase() -> None:
    text = "“We value his work,” said a Department of Home Safety spokeswoman."
    assert claimants(text) == ["a Department of Home Safety spokeswoman"]
    assert claimants("“It was fine,” said Mary Ann Zoll at an event.") == ["Mary Ann Zoll"]


def test_accepted_with_a_clause_but_no_that_reports_it() -> None:
    text = "France coach Ben Lapp accepted his side had not played well."
    assert claims(text) == [("Ben Lapp", "accepted")]
    assert claims("Ben Lapp accepted the award.") == []


def test_a_bare_surname_two_people_share_is_the_one_the_story_names_most() -> None:
    text = (
        "Hilda Clane told donors the inquiry cost her the race.\n"
        "Hilda Clane said the letter stopped her momentum.\n"
        "Hilda Clane spoke for an hour.\n"
        "Her husband, former governor Bill Clane, applauded.\n"
        "Clane has said the decision was a mistake.\n"
        "“I am heartbroken,” she said."
    )
    assert claimants(text)[-2:] == ["Hilda Clane", "Hilda Clane"]


def test_more_nouns_of_people_make_claimants() -> None:
    text = "Deficit hawks have warned for years that a day of reckoning is coming."
    assert claimants(text) == ["deficit hawks"]
    assert claimants("Many conservatives say the bill goes too far.") == ["many conservatives"]
    assert claimants("The rebels said they had taken the town.") == ["the rebels"]


def test_a_view_held_as_something_is_reported() -> None:
    text = "Among its values is privacy, which Vellco views as “a human right”."
    assert claims(text) == [("Vellco", "views")]
    text = "Europa, which astrobiologists regard as one of the best places to look, is cold."
    assert claimants(text) == ["astrobiologists"]
    assert claims("Officials viewed the footage on Monday.") == []
    assert claims("In this regard, the plan failed as expected.") == []


def test_they_after_two_people_named_after_a_colon_are_both() -> None:
    text = (
        "Her post got the attention of two politicians: Senator Ann Vell and congresswoman "
        "Ida Rowe.\nThey criticised the label and the power of big firms."
    )
    assert claimants(text) == ["Ann Vell and Ida Rowe"]


# -- devnews17 (news-please extractions again): development set -------------------------------


def test_a_body_described_by_its_kind_or_its_base_is_given_by_its_name() -> None:
    text = "The boy fell into the well on Sunday, state media Xinwa reported."
    assert claimants(text) == ["Xinwa"]
    text = "US-based Mondex International denied the change was made because of Brexit."
    assert claimants(text) == ["Mondex International"]


def test_a_verb_after_a_quantifier_is_no_part_of_the_subject() -> None:
    text = "One shared a picture of the bar and said: “I have been to sadder funerals.”"
    assert claimants(text) == ["One"]


def test_christian_is_a_first_name() -> None:
    text = (
        "Could not subscribe, try again later Invalid Email Christian Hornby, the team "
        "principal, has described the drive as one of the best he has seen."
    )
    assert claimants(text) == ["Christian Hornby"]


def test_a_count_of_people_is_the_subject_up_to_the_people() -> None:
    text = "Dozens of people have posted memes and said they feel cheated by the change."
    assert claimants(text) == ["Dozens of people"]
    text = (
        "Hundreds of chocolate lovers took to social media to say they felt “cheated” by "
        "the decision."
    )
    assert claimants(text) == ["Hundreds of chocolate lovers"]


def test_a_posts_date_run_into_the_next_sentence_is_no_part_of_its_subject() -> None:
    text = (
        "— Ann Vell (@annv) November 8, 2016 Dozens of people have posted memes and said they "
        "feel “cheated”."
    )
    assert claimants(text) == ["Dozens of people"]


def test_a_belief_no_one_owns_with_any_verb_after_to() -> None:
    assert claims("It is believed to affect two bars in the UK.") == [
        ("unnamed sources", "is believed to affect")
    ]
    text = "The tram, believed to have been going too fast, crashed on Wednesday."
    assert claimants(text) == ["unnamed sources"]
    assert claims("The theft was reported to the police.") == []
    assert claims("The theft was reported to police.") == []


def test_claims_that_emerge_have_no_owner() -> None:
    text = "After the crash, claims emerged on Facebook that a tram had sped there before."
    assert claims(text) == [("unnamed sources", "claims emerged on Facebook that")]
    assert claimants("Reports have surfaced that the minister will resign.") == ["unnamed sources"]
    assert claims("The leader emerged from the meeting smiling.") == []


# -- devnews19 (newspaper3k's test texts): development set ------------------------------------


def test_a_writer_who_says_we_and_names_the_speaker_is_narrating() -> None:
    text = (
        "“Do you want to hear a tape?” Mati Mattie asks as he steers his car along the road.\n"
        "We are driving to the district, just 30 minutes outside the capital. Mattie is going "
        "to show us how he first became a millionaire.\n"
        "Earlier that morning, the photographer and I found Mattie asleep on his office floor."
    )
    found = [(s.sentence[:20], s.claimant) for s in suggest_attributions(text)]
    assert found == [("“Do you want to hear", "Mati Mattie")]


def test_a_state_that_closes_an_address_is_no_subject() -> None:
    text = (
        "Eddie Forde, 40, of Opelika, Alabama, who has a part-time job at a restaurant, said "
        "better jobs are not coming back."
    )
    assert claimants(text) == ["Eddie Forde"]


def test_a_documents_maker_named_around_it() -> None:
    text = "Jobs are scarce, according to Labor Department data compiled by Bloomfield."
    found = suggest_attributions(text)[0]
    assert (found.claimant, found.sources) == ("the Labor Department", ("Bloomfield",))
    text = "Prices rose, according to data compiled by Bloomfield."
    assert claimants(text) == ["Bloomfield"]
    text = "The nation lags, according to Federal Reserve Bank of Dallas research."
    assert claimants(text) == ["the Federal Reserve Bank of Dallas"]
    text = "It lost jobs, according to data from the Ann Arbor-based Center for Car Research."
    assert claimants(text) == ["Center for Car Research"]
    assert claimants("Prices rose, according to the Washington Post.") == ["the Washington Post"]


def test_data_is_plural_and_economists_project_that() -> None:
    text = "Earnings were up 2 percent, Labor Department data show."
    assert claims(text) == [("the Labor Department", "show")]
    text = "Economists at the bank project that every state will recover by 2020."
    assert claims(text) == [("economists at the bank", "project that")]
    assert claims("The project that won the prize was fine.") == []


def test_a_pronoun_with_a_contraction_before_a_colon_is_resolved() -> None:
    text = (
        "Tom Matte runs a phone firm in the south.\n"
        "He’s philosophical about his new situation: “You make little, but it lasts.”"
    )
    assert claims(text) == [("Tom Matte", ":")]


def test_a_pledge_in_the_progressive_reports_it() -> None:
    text = "The new president, Ashraf Ganem, is promising to bring order to contracting."
    assert claims(text) == [("Ashraf Ganem", "is promising")]
    assert claims("The mayor is vowing to fight the closure.") == [("the mayor", "is vowing")]
    assert claims("The film is promising.") == []


def test_a_later_clause_after_a_comma_and_after_has_its_own_claimant() -> None:
    text = (
        "Kurt Vole said he first raised the delay at the end of August, after Politico "
        "reported the aid had been paused."
    )
    assert claims(text) == [("Kurt Vole", "said"), ("Politico", "reported")]
    text = (
        "Jim Lank claimed the cuts would pay for themselves even as the budget office "
        "estimated that they would add to the deficit."
    )
    assert claimants(text) == ["Jim Lank", "the budget office"]


def test_joint_subjects_with_other_and_with_police() -> None:
    text = "Since then, Donald Rump and other top Republicans insisted the letter proved guilt."
    assert claimants(text) == ["Donald Rump and other top Republicans"]
    text = "Seven people were killed on Wednesday, the British police and emergency services said."
    assert claimants(text) == ["the British police and emergency services"]
    assert claimants("The company cut jobs and officials said it was fine.") == ["officials"]


def test_more_professions_give_their_holder() -> None:
    text = (
        "The house was designed by architect Marwan Al-Sayed.\n"
        "“I used limestone for the walls,” the architect says."
    )
    found = suggest_attributions(text)[0]
    assert (found.claimant, found.description) == ("Marwan Al-Sayed", "the architect")


def test_two_roles_joined_by_and_before_a_name() -> None:
    text = (
        "“We have a solid base,” said Nortex president and chief executive Bill Owenby. "
        "“The restatement was a monumental task.”"
    )
    found = [(s.claimant, s.inherited) for s in suggest_attributions(text)]
    assert found == [("Bill Owenby", False), ("Bill Owenby", True)]


def test_a_quotation_after_a_sentence_about_the_speaker_goes_on() -> None:
    text = (
        "“My life hasn't changed,” Kris Weg says.\n"
        "How social was she? Suspended?\n"
        "“Um. Not for more than a couple of days.” Her expression fixes. “That's the past.”"
    )
    found = [(s.sentence, s.claimant) for s in suggest_attributions(text)]
    assert found[-1] == ("“That's the past.”", "Kris Weg")
    text = (
        "“It was the biggest role I have had,” Kris Weg says. Weg, who is slight, looks "
        "mortified. “It's not like I have boxes of scripts arriving.”"
    )
    assert claimants(text) == ["Kris Weg", "Kris Weg"]


def test_an_embedded_posts_byline_run_onto_the_end_of_its_line() -> None:
    text = (
        "Crowds formed at the depot on Monday.\n"
        "Power is out at the depot. No trains at all — Ana Duarte (@anaduarte) November 3, "
        "2019\n"
        "#blackout so cold — Tom Ek (@tomek) November 3, 2019\n"
        "The operator said power was back by five.\n"
        "Fares rose again, as the figures in the report — table 4 (@ the end) show."
    )
    assert [(s.sentence, s.claimant, s.inherited) for s in suggest_attributions(text)] == [
        ("Power is out at the depot.", "Ana Duarte", True),
        ("No trains at all — Ana Duarte (@anaduarte) November 3, 2019", "Ana Duarte", True),
        ("#blackout so cold — Tom Ek (@tomek) November 3, 2019", "Tom Ek", True),
        ("The operator said power was back by five.", "the operator", False),
    ]
    assert suggest_attributions(text)[0].cue == "— Ana Duarte (@anaduarte)"


def test_a_quotation_of_several_sentences_after_a_sentence_about_the_speaker() -> None:
    text = (
        "Ned Roper says he is tired. He insists he is calm. “My wish is to stay.” Then he "
        "turns blunt. “My money is clean. I have no fear.”\n"
        "Lia Dorn runs the depot. “We open at six. Nobody is late.”\n"
        "The depot opened in May. “We open at six. Nobody is late.”"
    )
    found = [(s.sentence, s.claimant) for s in suggest_attributions(text)]
    assert found[-4:] == [
        ("“My money is clean.", "Ned Roper"),
        ("I have no fear.”", "Ned Roper"),
        ("“We open at six.", "Lia Dorn"),
        ("Nobody is late.”", "Lia Dorn"),
    ]


def test_the_role_of_a_person_named_just_before_without_it_is_that_person() -> None:
    text = (
        "The film opens in May. For this scene, Ivo Marsh asked his lead to pick a year.\n"
        "“Scripts are vague on back-story,” the director said.\n"
        "Mayor Ana Duarte backed the plan. Mr Pell called it “a waste”, and Lord Vey said "
        "little.\n"
        "But the prime minister said it was time to build.\n"
        "The council will vote in June.\n"
        "Nobody came to the meeting.\n"
        "The president said the country was ready."
    )
    assert [(s.claimant, s.description) for s in suggest_attributions(text)] == [
        ("Ivo Marsh", "the director"),
        ("Mr Pell", ""),
        ("Lord Vey", "the prime minister"),
        ("the president", ""),
    ]


def test_views_and_suspicions_no_one_is_named_for() -> None:
    hedged = {
        "The town, seen as the lone success of the reform, voted again.": "seen as",
        "In 1990 Ms Vell published Long Tides, now widely seen as predicting the flood.": "seen as",
        "The port has been hailed as a model of calm.": "been hailed as",
        "The firm, which was suspected of hiding losses, closed.": "was suspected of",
        "Vell is credited with saving the old market.": "is credited with",
        "Her son is considered a likely candidate in 2030.": "is considered",
        "Delays were reported at several stations on Monday.": "were reported",
        "The mill is also regarded as vital to the town.": "is also regarded as",
    }
    for sentence, cue in hedged.items():
        assert claims(sentence) == [("unnamed sources", cue)], sentence
    for plain in (
        "The lights could be seen as far away as the coast.",
        "I have seen as many storms as anyone.",
        "The plan was considered at the meeting.",
        "The theft was reported to police by the owner.",
        "The port was hailed as a model by the minister.",
    ):
        assert [c for c, _ in claims(plain)] != ["unnamed sources"], plain


def test_did_say_and_many_of_them_said() -> None:
    text = "Ann Vell spoke first. But she did say that the plan had failed."
    assert claims(text) == [("Ann Vell", "did say that")]
    assert claims("Ann Vell did not say the plan failed.") == []
    text = "The nurses walked out on Monday. Two of them said the wards were unsafe."
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [("the nurses", "Two of them")]
    assert claims("The nurses walked out. None of them said a word.") == []


def test_a_characterisation_without_quotation_marks() -> None:
    assert claims("Fans called him a sore loser.") == [("fans", "called")]
    assert claims("The mayor called the new plan a disaster.") == [("the mayor", "called")]
    assert claims("Labour has already branded the proposal unworkable.") == [
        ("Labour", "has already branded")
    ]
    for plain in (
        "She called them a taxi.",
        "He called the police a few minutes later.",
        "The firm branded the product with its logo.",
    ):
        assert claims(plain) == [], plain


def test_a_name_with_an_affiliation_after_it_is_a_persons() -> None:
    text = (
        "Mike Brown, the commissioner, said: “Our thoughts are with them.” Finn Brennan, of "
        "the drivers’ union, said the crash was “dreadful”. He said: “Lives have been lost.”"
    )
    assert claimants(text) == ["Mike Brown", "Finn Brennan", "Finn Brennan"]


def test_a_code_block_inside_a_quoted_post_does_not_end_it() -> None:
    # a web page's preformatted block is imported line by line, indented as it was laid out
    text = (
        "Ana Vell, a developer, wrote about the flaw on her blog.\n"
        "In my case, I chose to nest lists five levels deep. This is what it looks like.\n"
        "root: {\n"
        "    list: [\n"
        "        list: [\n"
        "        ]\n"
        "    ]\n"
        "}\n"
        "The root of the object holds 300 lists. That is a lot of lists.\n"
        "These were the fixes that I sent to the vendor two years ago."
    )
    found = suggest_attributions(text)
    assert [s.claimant for s in found] == ["Ana Vell"] * 6
    assert found[-1].sentence == "These were the fixes that I sent to the vendor two years ago."
    # a text file whose paragraphs are indented is prose all the same
    indented = "    The mayor said the port would close.\n    Officials said it was unsafe."
    assert claimants(indented) == ["the mayor", "officials"]
    # a line of symbols in an embedded post is still the post's
    post = "The governor went online.\n⬇️⬇️⬇️ https://t.co/x1\n— Ana Vell (@anavell) May 2, 2019"
    assert claimants(post) == ["Ana Vell"]


def test_a_works_title_opening_with_my_is_no_first_person() -> None:
    text = (
        "“Neon lights have seen it all,” Luis Amar writes. “Today they seem lost.”\n"
        "Another mark of neon’s decline came early. Ana Vell’s 1968 work My Name in Lights "
        "mocked the space race.\n"
        "My own view is that neon will return, Amar adds."
    )
    found = suggest_attributions(text)
    assert [s.sentence[:20] for s in found] == [
        "“Neon lights have se",
        "“Today they seem los",
        "My own view is that ",
    ]


def test_a_quotation_after_a_sentence_about_the_last_speaker_of_an_earlier_paragraph() -> None:
    text = (
        "Ned Roper says he is tired of the port.\n"
        "The son of a teacher, he sold sweets after school. He bought a van and leased it "
        "back. “I was making two salaries. I made $800.”\n"
        "Tom Vell runs the depot. Ann Roe spoke next.\n"
        "He bought a van. “It runs on diesel.”"
    )
    found = [(s.sentence, s.claimant) for s in suggest_attributions(text)]
    assert found == [
        ("Ned Roper says he is tired of the port.", "Ned Roper"),
        ("“I was making two salaries.", "Ned Roper"),
        ("I made $800.”", "Ned Roper"),
    ]  # the last "he" means Tom Vell, who has not spoken: no one is suggested


def test_the_airline_is_the_company_that_opened_a_sentence_just_before() -> None:
    text = (
        "Storms hit Skyvia's routes on Sunday. Skyvia cancelled 20 flights. "
        "The airline said it was “embarrassed by the situation”."
    )
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [("Skyvia", "the airline")]
    # two of them: neither
    text = "Storms hit Skyvia and Aerolux. Skyvia cancelled flights. Aerolux waited.\n" + (
        "The airline said it was sorry."
    )
    assert claimants(text) == ["the airline"]
    # a name that only ever opens a sentence may be any word: the description stays
    text = "Skyline cut its fares. The airline said demand was weak."
    assert claimants(text) == ["the airline"]
    # a person opening the sentence is no airline
    text = "Tom Vell cancelled the flight. The airline said it was sorry."
    assert claimants(text) == ["the airline"]


def test_as_x_put_it_suspect_a_clause_questioned_whether_and_found_no_evidence() -> None:
    assert claims("As Ana Vell put it, the plant was doomed.") == [("Ana Vell", "put it")]
    assert claims("Ana Vell put it on the table.") == []
    assert claims("Police suspect the fire was started deliberately.") == [("police", "suspect")]
    assert claims("Police suspect a man of arson.") == []
    assert claims("Ana Vell questioned whether the plan was legal.") == [("Ana Vell", "questioned")]
    assert claims("Ana Vell questioned the man.") == []
    assert claims("The watchdog found no evidence of wrongdoing.") == [
        ("the watchdog", "found no evidence")
    ]
    assert claims("Police found a knife in the car.") == []


# -- devnews22 --------------------------------------------------------------------------------


def test_comments_and_laments_after_a_quotation() -> None:
    assert claims("“We worked on the design,” comments Robin Vale, the study manager.") == [
        ("Robin Vale", "comments")
    ]
    assert claims("“We lost,” laments Robin Vale.") == [("Robin Vale", "laments")]
    assert claims("Robin Vale comments on the design every week.") == []


def test_an_occupation_known_by_its_ending_or_joined_by_a_hyphen_is_a_role() -> None:
    text = "In 2005, the Harbour University biochemist Soraya Tellwyn showed that the cells sense."
    found = suggest_attributions(text)
    assert [(s.claimant, s.description) for s in found] == [
        ("Soraya Tellwyn", "the Harbour University biochemist")
    ]
    text = "Singer-guitarist Tom Vale said the tour starts in May. “We’re excited,” Vale said."
    assert claimants(text) == ["Tom Vale", "Tom Vale"]


def test_a_capitalised_adverb_opening_a_sentence_is_no_claimant() -> None:
    text = 'Thankfully, now we know when you can get it: "Super Run" will cost ten dollars.'
    assert "Thankfully" not in claimants(text)
    text = "Shortly after, the mayor’s defenders took to social media, claiming it was false."
    assert "Shortly" not in claimants(text)


def test_a_person_of_a_one_word_firm_and_the_analyst_named_before() -> None:
    text = "Jon Matusz of Jefferies rates the stock a buy. The analyst said it would rise."
    assert [(s.claimant, s.description) for s in suggest_attributions(text)] == [
        ("Jon Matusz", "the analyst")
    ]
    text = "Jon Matusz of Jefferies rates the stock a buy. It is cheap, according to the analyst."
    assert [(s.claimant, s.description) for s in suggest_attributions(text)] == [
        ("Jon Matusz", "the analyst")
    ]


def test_the_organization_and_the_man_named_before() -> None:
    text = "Amnesty International said 106 protesters were killed. The organization believes "
    text += "the real toll is higher."
    assert [(s.claimant, s.description) for s in suggest_attributions(text)] == [
        ("Amnesty International", ""),
        ("Amnesty International", "the organization"),
    ]
    text = "A 43-year-old man fell ill after buying a duvet. According to the man, the "
    text += "steroids “had a transformative effect.”"
    assert [(s.claimant, s.description) for s in suggest_attributions(text)] == [
        ("A 43-year-old man", "the man")
    ]


def test_a_quoted_title_then_the_quoted_characterisation() -> None:
    assert claims("Tern Games called 'Harbour Lights' \"a flagship game.\"") == [
        ("Tern Games", "called")
    ]
    assert claims("Tern Games called “Harbour Lights” its best game.") == []


def test_to_a_person_comma_gives_their_view() -> None:
    text = "Tom Vell scored 30 on Sunday. To Vell, triple-doubles are not a goal."
    assert claims(text) == [("Tom Vell", "To")]
    assert claims("To many residents, the plan is a betrayal.") == [("many residents", "To")]
    for plain in ("To Paris, the team flew on Monday.", "To date, nobody has paid."):
        assert claims(plain) == [], plain


def test_added_a_count_reports_nothing() -> None:
    assert claims("Danilo Vell added 25 points in his former home arena.") == []
    assert claims("The firm added two hundred jobs.") == []
    assert claims("Tom Vell added that the arena was full.") == [("Tom Vell", "added that")]


def test_in_her_view_a_finding_set_in_commas_and_discovered_that() -> None:
    text = "Ann Vell studies the kidney. In her view, the label was wrong."
    assert claims(text) == [("Ann Vell", "In her view")]
    assert claims("In the view of Ann Vell, the label was wrong.") == [
        ("Ann Vell", "In the view of")
    ]
    assert claims("In the view from the hill, the town looked small.") == []
    assert claims("In my view, the label was wrong.") == []  # the writer's own
    text = "In 2019, Ann Vell repeated the company’s view that the system should have held."
    assert claims(text) == [("the company", "company’s view that")]  # not "In her view"
    text = "Tom Vell studies cells. Cells, he found, release signals."
    assert claims(text) == [("Tom Vell", "found")]
    assert claims("Tom found, after a while, a key.") == []
    assert claims("Ann Vell averred that the plan had failed.") == [("Ann Vell", "averred that")]
    assert claims("Ann Vell professed her love.") == []
    text = "Tom Vell studies cells. He discovered that cells release signals."
    assert claims(text) == [("Tom Vell", "discovered that")]
    assert claims("Tom Vell discovered a cave.") == []


def test_a_participles_phrase_opening_the_sentence_is_no_claimant() -> None:
    text = "Phoning in from London, Tom Harper remembered the anxiety: “The script was not there.”"
    assert claims(text) == [("Tom Harper", ":")]
    text = "Due to the row, Ann Eich stepped down: “I am sorry.”"
    assert claims(text) == [("Ann Eich", ":")]
    assert claims("Reed said in a statement: “We are sorry.”") == [("Reed", "said in a statement")]


def test_the_owners_role_and_the_name_after_it_before_a_second_verb() -> None:
    text = "Meridian’s chair, Ann Forsyth, apologised for the cuts and accepted that it had failed."
    assert claims(text) == [("Ann Forsyth", "accepted that")]


def test_that_opening_a_sentence_is_no_antecedent_of_a_relative_clause() -> None:
    text = "That fits with the evidence that Ms. Vell wrote to Mr. Kessler suggesting a review."
    assert claimants(text) == ["Ms. Vell"]
    assert claimants("The union that represents ferry workers said the strike was over.") == [
        "the union that represents ferry workers"
    ]


def test_the_first_word_of_a_name_opening_the_sentence_keeps_its_capital() -> None:
    assert claimants("Citizens Energy Watch said the penalty should go to customers.") == [
        "Citizens Energy Watch"
    ]
    assert claimants("Senior engineers said the dam was safe.") == ["senior engineers"]


def test_assures_beside_a_quotation_and_a_first_name_that_is_also_a_place() -> None:
    text = "Tom Vell was asked about the night. “Oh, actually? Yes,” he assures himself."
    assert [c for c, _ in claims(text)] == ["Tom Vell", "Tom Vell"]
    text = (
        "Tom Vell met the lawyers. Virginia Giuffre said the flight had been late. "
        "He said it had not."
    )
    assert claimants(text) == ["Virginia Giuffre", "Tom Vell"]
