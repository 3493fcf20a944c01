"""Hedges that attribute a sentence to no one in particular: "It is understood that",
"allegedly", "are said to have", "We’re told", "is usually told like this", "was described
as". Their claimant is `UNNAMED`."""

from __future__ import annotations

import re

from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.tokens import Token
from claimmark.store.suggest.words import (
    DETERMINERS,
    FORMS_OF_BE,
    HEDGE_ADVERBS,
    HEDGE_INFINITIVES,
    HEDGE_PARTICIPLES,
    PERSONAL_PRONOUNS,
)

_FIRST_PERSON_TOLD = re.compile(
    r"\b(?:we|i)(?:[’']re|[’']m|\s+are|\s+am|\s+were|\s+was|(?:[’']ve|\s+have|\s+had)\s+been)"
    r"\s+(?:also\s+|now\s+|often\s+)?told\b",
    re.IGNORECASE,
)
"""The writer told by people they do not name: "We’re told", "I have been told"."""
_HEDGE_ADVERB_GAP = frozenset(
    "usually often widely commonly also generally long now still sometimes frequently".split()
)


_VIEWED = frozenset("seen regarded viewed considered hailed touted".split())
"""Participles of a view held by no one named, with "as" ("is seen as")."""
_NOT_A_VIEW = frozenset(
    "far well much many soon long often good little recently early late quickly".split()
)
"""Words after "seen as" that make a comparison, not a view ("seen as far away as")."""
_CONSIDERED_A = frozenset("a an one among the".split())
"""What follows "is considered" when it gives a view ("is considered a likely candidate")."""
_REPORTED_WHERE = frozenset("in at on across from near throughout around along over".split())
"""Prepositions after "were reported" of where or when ("Delays were reported at several
airports"): a report no one is named for."""


_HAVE = frozenset("have has had having".split())
_BELIEF_PARTICIPLES = frozenset(
    "believed thought understood said rumoured rumored alleged reported".split()
)
"""Participles of a belief or report that no one owns ("is believed to", "said to be")."""
_ANY_VERB_AFTER = frozenset("believed thought understood said rumoured rumored alleged".split())
"""Of those, the ones that take any verb after "to" ("is believed to affect"), where
"reported to" may be a listener ("reported to police")."""


def _hedged_infinitive(tokens: list[Token], at: int, word: str) -> bool:
    """Whether "to" and a verb follow the participle at `at` ("believed to be", "thought
    to affect"; not "reported to the police", "said to me")."""
    if at + 2 >= len(tokens) or tokens[at + 1].lower != "to":
        return False
    verb = tokens[at + 2]
    if verb.lower in HEDGE_INFINITIVES:
        return True
    return (
        word in _ANY_VERB_AFTER
        and verb.is_word
        and not verb.capitalised
        and not verb.quoted
        and verb.lower not in DETERMINERS
        and verb.lower not in PERSONAL_PRONOUNS
    )


def _be_before(tokens: list[Token], at: int) -> int:
    """Index of the word before the participle at `at`, past adverbs ("is also regarded":
    "is"); the caller checks whether it is a form of "be"."""
    be = at - 1
    while be > 0 and tokens[be].lower in _HEDGE_ADVERB_GAP:
        be -= 1
    return be


def _to_be(tokens: list[Token], at: int) -> bool:
    """Whether "to be" follows the participle at `at` ("was considered to be")."""
    return at + 2 < len(tokens) and tokens[at + 2].lower == "be"


def first_person_told(sentence: Sentence) -> re.Match[str] | None:
    """ "We’re told", "I have been told" outside quotation marks, or None."""
    told = _FIRST_PERSON_TOLD.search(sentence.text, sentence.start, sentence.end)
    if told is None or any(
        t.quoted for t in sentence.tokens if told.start() <= t.start < told.end()
    ):
        return None
    return told


COMMON_VIEW = re.compile(
    r"(?:(?:But|And|Yet|Still|However),?\s+)?(?:The|One|Another|A\s+common|The\s+common)\s+"
    r"(?:\w+\s+)?(?:belief|theory|thinking|assumption|consensus|view|suspicion|expectation)"
    r"\s+(?:is|was|has\s+been)\s+that\b"
)
"""A view held by no one named: "The belief is that ...", "Another theory is that ...",
"The prevailing thinking was that ..."."""


CLAIMS_EMERGED = re.compile(
    r"\b(?:[Cc]laims|[Rr]eports|[Rr]umou?rs|[Ss]uggestions|[Aa]llegations)\s+"
    r"(?:have\s+|had\s+)?(?:emerged|surfaced|circulated)\b[^.;]{0,80}?\bthat\b"
)
"""Claims with no owner that surface: "claims emerged on Facebook that ..."."""


def find_hedge(sentence: Sentence) -> str:
    """The wording of a hedge that attributes the sentence to no one in particular
    ("It is understood that", "allegedly", "are said to have", "We’re told", "is usually
    told like this", "was described as"), or ""."""
    tokens = sentence.tokens
    count = len(tokens)
    told = first_person_told(sentence)
    if told is not None:
        return told.group()
    view = COMMON_VIEW.match(sentence.text, sentence.start, sentence.end)
    if view is not None:
        return view.group()
    emerged = CLAIMS_EMERGED.search(sentence.text, sentence.start, sentence.end)
    if emerged is not None and not any(
        t.quoted for t in tokens if emerged.start() <= t.start < emerged.end()
    ):
        return emerged.group()
    for at, token in enumerate(tokens):
        if token.quoted or not token.is_word:
            continue
        word = token.lower
        if word in HEDGE_ADVERBS:
            return token.text
        if word not in HEDGE_PARTICIPLES or at == 0:
            continue
        if (
            word in _VIEWED
            and at + 2 < count
            and tokens[at + 1].lower == "as"
            and tokens[at + 2].lower not in _NOT_A_VIEW
            and (tokens[at - 1].is_word or tokens[at - 1].text == ",")
            and tokens[_be_before(tokens, at)].lower not in FORMS_OF_BE
            and tokens[at - 1].lower not in _HAVE
            and tokens[at - 1].lower not in PERSONAL_PRONOUNS
            and not any(t.lower == "by" for t in tokens[at + 1 : at + 8])
        ):
            # "a country seen as the lone success", "now widely seen as predicting": a view
            # no one is named for, in a clause without "is"
            return sentence.text[token.start : tokens[at + 1].end]
        if (
            tokens[at - 1].text == ","
            and word in _BELIEF_PARTICIPLES
            and _hedged_infinitive(tokens, at, word)
        ):
            # "The tram, believed to have been going too fast, crashed": a belief no one owns
            return sentence.text[token.start : tokens[at + 2].end]
        be = _be_before(tokens, at)
        if tokens[be].lower not in FORMS_OF_BE:
            continue
        if at + 1 >= count or tokens[at + 1].quoted:
            continue
        if any(
            t.lower == "by" and not (n + 1 < count and tokens[n + 1].lower.endswith("ing"))
            for n, t in enumerate(tokens[at + 1 : at + 8], at + 1)
        ):
            continue  # "was described as reckless by ...": a passive with its agent (not
            # "by changing ...", a means)
        following = tokens[at + 1].lower
        if following == "that" and be >= 1 and tokens[be - 1].lower == "it":
            # "It is understood that"
            return sentence.text[tokens[be - 1].start : tokens[at + 1].end]
        if following == "to" and word == "expected" and at + 2 < count and tokens[at + 2].is_word:
            # "is expected to meet relatives", "The deficit is expected to total": a forecast
            # no one named makes
            return sentence.text[tokens[be].start : tokens[at + 1].end]
        if following == "to" and _hedged_infinitive(tokens, at, word):
            # "are said to have", "is believed to be", "is believed to affect": not "was
            # reported to the police"
            return sentence.text[tokens[be].start : tokens[at + 2].end]
        if word == "suspected" and following == "of":
            # "which was suspected of sponsoring terrorism": suspicion no one owns
            return sentence.text[tokens[be].start : tokens[at + 1].end]
        if word == "credited" and following == "with":
            # "Wein is credited with instigating the festival's emphasis on food"
            return sentence.text[tokens[be].start : tokens[at + 1].end]
        if word == "considered" and following in _CONSIDERED_A:
            # "is considered a likely presidential candidate"
            return sentence.text[tokens[be].start : tokens[at].end]
        if word == "reported" and (following in _REPORTED_WHERE or tokens[at + 1].text == "."):
            # "Delays were reported at several airports", "No injuries were reported."
            return sentence.text[tokens[be].start : tokens[at].end]
        if word == "accused" and any(t.lower == "of" for t in tokens[at + 1 : at + 5]):
            # "Johnson was accused in Oregon of molesting ...": accusers not named
            return sentence.text[tokens[be].start : tokens[at].end]
        if word in _VIEWED and (
            (following == "as" and not (at + 2 < count and tokens[at + 2].lower in _NOT_A_VIEW))
            or (following == "to" and _to_be(tokens, at))
        ):
            # "is seen as a vote of confidence", "is widely regarded as", "was considered to
            # be": a view held by no one named
            return sentence.text[tokens[be].start : tokens[at + 1].end]
        if word in ("told", "described") and following in ("like", "as", ":", "that"):
            # "The story is usually told like this:", "The dress was described as ..."
            return sentence.text[tokens[be].start : tokens[at + 1].end]
    return ""
