"""Noun phrases: reading a claimant phrase backwards from a verb or forwards from a cue, and
what a phrase says about its claimant (a proper name? plural? unnamed?), and how it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimmark.store.suggest.names import PARTICLES, bare_word, org_kind
from claimmark.store.suggest.tokens import Token
from claimmark.store.suggest.words import (
    COLLECTIVE_NOUNS,
    COMMON_CAPS,
    COMPANY_NOUNS,
    DATE_WORDS,
    DEFINITE_DETERMINERS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FORWARD_PREPOSITIONS,
    FUNCTION_WORDS,
    HEAD_BREAKS,
    INDEFINITE_DETERMINERS,
    LOWER_CASE_OPENERS,
    NOUN_VERBS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PERSON_ROLES,
    PERSONAL_PRONOUNS,
    PHRASE_PREPOSITIONS,
    ROLE_TITLES,
    SPOKESPEOPLE,
    TIME_WORDS,
    TITLES,
    VERB_ONLY,
)


@dataclass(slots=True)
class NounPhrase:
    """A noun phrase: tokens `[first, stop)` of a sentence, its text and head word."""

    first: int
    """Token index of the first word."""
    stop: int
    """Token index just after the last word."""
    text: str
    head: str
    """The head word, lower case, without a possessive."""
    head_at: int
    """Token index of the head."""


def is_phrase_word(token: Token) -> bool:
    """Whether `token` may be part of a claimant noun phrase."""
    if token.quoted or not token.is_word:
        return False
    if token.text.isupper() and len(token.text) > 1:
        return True  # "US", "UK", "EU": names, not the pronoun "us"
    word = token.lower
    if word == "will" and token.text == "Will":
        return True  # "Will Moy, chief executive of ...": a first name, not the modal
    if word.split("’")[0].split("'")[0] in PERSONAL_PRONOUNS and word not in PERSONAL_PRONOUNS:
        return False  # "We’re", "I’m", "they’ve": a pronoun and a verb
    return not (
        word in FUNCTION_WORDS
        or word in PERSONAL_PRONOUNS
        or (word in VERB_ONLY and not token.capitalised)
    )


def preposition_attaches(tokens: list[Token], at: int) -> bool:
    """Whether the preposition at `at` joins the phrase after it to a noun before it, as in
    "a person familiar with the talks", "one person close to the talks", "a report in X"."""
    if at < 1:
        return False
    before = tokens[at - 1]
    if before.lower == "those" and tokens[at].lower in ("in", "of", "at", "on", "close", "with"):
        return True  # "Those in favor of punishment"
    if (
        not is_phrase_word(before)
        or before.lower in PHRASE_PREPOSITIONS
        or before.lower in DETERMINERS
    ):
        return False
    preposition = tokens[at].lower
    if before.lower == "speaking":
        return True  # "a council officer speaking on background"
    if before.lower == "those":
        return True  # "Those in favor of punishment", "those close to the talks"
    if preposition == "to":
        # "close to the talks"; "a presentation to bondholders", "a letter to staff"
        return before.lower in ("close", "near", "loyal", "due", "next") or (
            before.lower in ("presentation", "letter", "memo", "email", "note", "message")
        )
    if preposition in ("in", "on"):
        if before.lower.endswith("ed") and at >= 2 and tokens[at - 2].lower in PEOPLE_NOUNS:
            return True  # "two people briefed on the matter", "investigators involved in"
        return before.lower in PEOPLE_NOUNS or before.lower in ORG_NOUNS or before.capitalised
    return True


def make_phrase(tokens: list[Token], first: int, stop: int, text: str) -> NounPhrase | None:
    """The phrase of tokens `[first, stop)`, its head found: the last word before a
    preposition, relative word or comma, stepping back over a participle."""
    if first >= stop:
        return None
    core_end = stop
    for at in range(first + 1, stop):
        if tokens[at].lower in HEAD_BREAKS or tokens[at].text == ",":
            core_end = at
            break
    head_at = core_end - 1
    # "figures obtained by", "a briefing prepared for": the head comes before the participle
    while (
        head_at > first
        and tokens[head_at].lower.endswith("ed")
        and tokens[head_at].lower not in PEOPLE_NOUNS
        # "the bloodshed", "the seabed": a noun right after its determiner
        and tokens[head_at - 1].lower not in DETERMINERS
    ):
        head_at -= 1
    return NounPhrase(
        first,
        stop,
        text[tokens[first].start : tokens[stop - 1].end],
        bare_word(tokens[head_at].text),
        head_at,
    )


_PART_OF = frozenset(
    """several many some most all both each one two three four five none few dozens
    hundreds thousands""".split()
)
"""Quantifiers that take a part of a group ("Several of the activists")."""


def phrase_before(tokens: list[Token], stop: int, text: str) -> NounPhrase | None:
    """The noun phrase that ends just before token `stop`, read backwards."""
    at = stop - 1
    if at < 0:
        return None
    last = tokens[at]
    if not is_phrase_word(last) or last.lower in PHRASE_PREPOSITIONS or last.lower in DETERMINERS:
        return None
    if last.lower in TIME_WORDS or last.lower.isdigit():
        return None
    first = at
    while at >= 0:
        token = tokens[at]
        word = token.lower
        if (
            word.isdigit()
            and at >= 2
            and tokens[at - 1].lower in DATE_WORDS
            and tokens[at - 2].lower in DETERMINERS
        ):
            first = at - 2  # "An October 11 presentation to bondholders"
            break
        if (
            word.isdigit()
            and len(word) == 4
            and word[:2] in ("19", "20")
            and at + 1 < stop
            and tokens[at + 1].capitalised
        ):
            break  # "... November 8, 2016 Dozens of people": a date, then the subject
        if word in DETERMINERS or word.isdigit():
            first = at
            if word == "most" and at > 0 and tokens[at - 1].lower == "the":
                first = at - 1  # "the most senior official": a superlative, not a quantifier
                break
            if (
                word in ("the", "these", "those", "his", "her", "their")
                and at >= 2
                and tokens[at - 1].lower == "of"
                and tokens[at - 2].lower in _PART_OF
            ):
                first = at - 2  # "Several of the activists", "many of their supporters"
                break
            if (
                at >= 2
                and tokens[at - 1].lower in PHRASE_PREPOSITIONS
                and preposition_attaches(tokens, at - 1)
            ):
                at -= 2
                continue
            break
        if word == "and":
            if (
                at > 0
                and tokens[at - 1].capitalised
                and at + 1 < stop
                and tokens[at + 1].capitalised
            ):
                at -= 1
                continue
            break
        if word in PHRASE_PREPOSITIONS:
            if preposition_attaches(tokens, at):
                at -= 1
                continue
            break
        if not is_phrase_word(token) or (word in TIME_WORDS and not is_first_name(tokens, at)):
            break
        first = at
        at -= 1
    if (
        tokens[first].lower in ("that", "this")
        and first + 1 < stop
        and tokens[stop - 1].lower.endswith("s")
        and not tokens[stop - 1].lower.endswith("ss")
    ):
        first += 1  # "vehicles that industry analysts say": a relative "that", not "that one"
    elif (
        tokens[first].lower == "that"
        and first + 1 < stop
        and tokens[first + 1].capitalised
        and not tokens[first].capitalised
    ):
        first += 1  # "alleged that Tova Noel acknowledged": the conjunction, then a name
    first = after_object_noun(tokens, first, stop)
    return make_phrase(tokens, first, stop, text)


_OBJECT_NOUNS = frozenset(
    """move moves kind kinds thing things way ways measure measures step steps reason
    reasons idea ideas claim claims argument arguments word words point points charge
    charges allegation allegations""".split()
)
"""Nouns that a relative clause with no "that" often follows ("a move health groups have
urged", "the kinds of things libertarians say"): the speakers start after them."""


def after_object_noun(tokens: list[Token], first: int, stop: int) -> int:
    """Where the subject of a relative clause without "that" starts in the phrase
    `[first, stop)` ("a move health groups" -> "health groups"), else `first`."""
    last = tokens[stop - 1].lower
    if tokens[first].lower not in DETERMINERS or not (
        is_people_word(last) or last in COLLECTIVE_NOUNS
    ):
        return first
    for at in range(stop - 2, first, -1):
        if tokens[at].lower in _OBJECT_NOUNS and tokens[at + 1].lower != "of":
            return at + 1
    return first


def is_first_name(tokens: list[Token], at: int) -> bool:
    """Whether the capitalised month or day name at `at` is a first name ("Mar Hicks",
    "June Almeida"): another capitalised word that is not a date follows it."""
    if not tokens[at].capitalised or at + 1 >= len(tokens):
        return False
    following = tokens[at + 1]
    return (
        following.capitalised
        and following.is_word
        and not following.quoted
        and following.lower not in TIME_WORDS
        and not following.lower.isdigit()
    )


def phrase_after(tokens: list[Token], first: int, text: str, limit: int = 12) -> NounPhrase | None:
    """The noun phrase that starts at token `first`, read forwards (at most `limit` tokens)."""
    count = len(tokens)
    at = first
    stop = first
    seen_noun = False
    after_preposition = False
    while at < count and at - first < limit:
        token = tokens[at]
        word = token.lower
        if token.quoted or not token.is_word:
            if token.text in ("’", "'") and seen_noun:  # "Workers’ Union"
                at += 1
                stop = at
                continue
            break
        if word in ("who", "which", "that", "whose"):
            break
        if word in PHRASE_PREPOSITIONS:
            if (
                at + 1 < count
                and tokens[at + 1].lower.endswith("ing")
                and not tokens[at + 1].capitalised
            ):
                break  # "critics of promoting high taxes": what they accuse, not who
            if (
                word not in FORWARD_PREPOSITIONS
                or not seen_noun
                or at + 1 >= count
                or (tokens[at + 1].lower in TIME_WORDS)
            ):
                break
            following = tokens[at + 1]
            if word in ("on", "in", "at") and not (
                following.capitalised or following.lower in DETERMINERS
            ):
                break
            if word == "to" and tokens[at - 1].lower not in ("close", "near", "loyal"):
                break
            after_preposition = True
            at += 1
            continue
        if word == "and":
            if (
                seen_noun
                and at + 1 < count
                and tokens[at + 1].capitalised
                and tokens[at - 1].capitalised
            ):
                at += 1
                continue
            if (
                seen_noun
                and at + 1 < count
                and is_people_word(tokens[at - 1].lower)
                and is_people_word(tokens[at + 1].lower)
            ):
                at += 1  # "analysts and activists working in the region"
                continue
            if (
                seen_noun
                and at + 1 < count
                and tokens[at - 1].lower in ROLE_TITLES
                and tokens[at + 1].lower in ROLE_TITLES
            ):
                at += 1  # "Nortel president and chief executive Bill Owens"
                continue
            break
        if word in TIME_WORDS and not (
            (token.capitalised and seen_noun and tokens[at - 1].capitalised)
            or is_first_name(tokens, at)
        ):
            break  # not "the Hallam Evening Record", "Mar Hicks"
        if word in FUNCTION_WORDS or word in PERSONAL_PRONOUNS:
            if not (
                token.capitalised
                and at > first
                and at + 1 < count
                and tokens[at + 1].capitalised
                and tokens[at + 1].is_word
            ):
                break  # but "The We Company", "the Who Cares Trust": inside a name
        if word in VERB_ONLY and seen_noun and not token.capitalised:
            break
        if (
            word in NOUN_VERBS
            and seen_noun
            and not token.capitalised
            and at + 1 < count
            and (
                tokens[at + 1].lower in ("that", "it", "he", "she", "they")
                or tokens[at + 1].lower in DETERMINERS
                or tokens[at + 1].quoted
            )
        ):
            break  # "a spreadsheet obtained by the Gazette shows that"
        if word in DETERMINERS and seen_noun and not after_preposition:
            if not (
                word == "the"
                and at - 1 == first
                and tokens[first].capitalised
                and tokens[first].lower.endswith("ing")
                and at + 1 < count
                and tokens[at + 1].capitalised
            ):
                break  # "told reporters the outbreak ..." (but "Breaking the Silence")
        if word not in DETERMINERS:
            seen_noun = True
            after_preposition = False
        at += 1
        stop = at
    while stop > first and (
        tokens[stop - 1].lower in PHRASE_PREPOSITIONS or tokens[stop - 1].lower in DETERMINERS
    ):
        stop -= 1
    if stop <= first:
        return None
    return make_phrase(tokens, first, stop, text)


def has_proper_name(phrase: NounPhrase, tokens: list[Token], sentence_first: int) -> bool:
    """Whether the core of the phrase (before any preposition) holds a capitalised name.

    The sentence's first word (token `sentence_first`) counts only when the next word is
    capitalised too, or when it stands alone and is not a common word ("Reuters said", not
    "Officials said" or "Environmental groups said")."""
    for at in range(phrase.first, phrase.stop):
        token = tokens[at]
        if token.lower in HEAD_BREAKS:
            break
        if not (token.capitalised and token.is_word) or token.lower in TITLES:
            continue
        if at == sentence_first:
            following = tokens[at + 1] if at + 1 < phrase.stop else None
            if following is not None and following.is_word and following.lower not in HEAD_BREAKS:
                if not following.capitalised:
                    continue
            elif is_known_word(token.lower):
                continue
        return True
    return False


_DEMONYM_ENDINGS = ("an", "ese", "ish", "ch", "i", "ic")
"""How adjectives of nationality end ("German", "Japanese", "British", "French",
"Israeli", "Nordic")."""


def only_demonyms_before_head(phrase: NounPhrase, tokens: list[Token]) -> bool:
    """Whether every capitalised word of the phrase before its lower-case head is an
    adjective of nationality ("the German carmaker", "the Japanese firm"): a description,
    not a name."""
    if tokens[phrase.head_at].capitalised:
        return False
    capitals = [
        tokens[at]
        for at in range(phrase.first + 1, phrase.head_at)
        if tokens[at].capitalised and tokens[at].is_word
    ]
    return bool(capitals) and all(
        token.lower.endswith(_DEMONYM_ENDINGS) and len(token.lower) > 3 for token in capitals
    )


def is_known_word(word: str) -> bool:
    """Whether lower-case `word` is a common word of claimant phrases (not a name)."""
    return (
        word in DETERMINERS
        or word in PEOPLE_NOUNS
        or word in ORG_NOUNS
        or word in DOCUMENT_NOUNS
        or word in COMMON_CAPS
        or word.removesuffix("s") in ORG_NOUNS
        or looks_like_people(word)
    )


_PEOPLE_SUFFIXES = ("ologists", "ographers", "icians", "ists", "ians")
_NOT_PEOPLE = frozenset("lists twists mists fists wrists exists insists persists assists".split())


def looks_like_people(word: str) -> bool:
    """Whether a lower-case plural that no word list holds names people by its ending
    ("oceanographers", "epidemiologists", "physicians", "librarians")."""
    if (
        word.endswith("s")
        and not word.endswith("ss")
        and (word[:-1] in PERSON_ROLES or word[:-1] in PEOPLE_NOUNS)
    ):
        return True  # "forecasters", "strategists"
    return word.endswith(_PEOPLE_SUFFIXES) and word not in _NOT_PEOPLE and len(word) > 6


def is_people_word(word: str) -> bool:
    """Whether a lower-case plural names people ("analysts", "activists", "oceanographers")."""
    return (word in PEOPLE_NOUNS and word.endswith("s")) or looks_like_people(word)


def looks_like_role(word: str) -> bool:
    """Whether a lower-case singular noun names a person's occupation by its ending
    ("hydrologist", "oceanographer", "physician")."""
    return looks_like_people(word + "s")


def is_plural(phrase: NounPhrase) -> bool:
    """Whether the phrase's head is plural ("officials", "people", "staff")."""
    head = phrase.head
    if head in _COUNT_NOUNS and " of " in phrase.text:
        # "a number of analysts", "a majority of voters": as many as what they count
        last = phrase.text.split()[-1].lower()
        return last.endswith("s") and not last.endswith("ss")
    return (head.endswith("s") and not head.endswith("ss")) or head in (
        "people",
        "staff",
        "police",
        "both",
        "those",
        "data",  # "Labor Department data show"
        "media",
        "criteria",
        "crew",
        "faculty",
    )


_COUNT_NOUNS = frozenset("number majority minority handful host couple group series".split())


def is_anonymous(phrase: NounPhrase, tokens: list[Token]) -> bool:
    """Whether the phrase leaves its claimant unidentified: unnamed people ("a Treasury
    official", "senior engineers", "a person familiar with ..."), sources, unnamed groups."""
    words = [tokens[at].lower for at in range(phrase.first, phrase.stop)]
    if "unnamed" in words or "anonymous" in words:
        return True
    if words[0] == "those" and (
        phrase.head_at == phrase.first or not tokens[phrase.head_at].capitalised
    ):
        return True  # "those in favor of a fine", "those close to the talks"
    head = phrase.head
    head_token = tokens[phrase.head_at]
    if head in SPOKESPEOPLE:
        return False
    if head_token.capitalised and not is_known_word(head):
        return False  # a name: "Ana Duarte", "the Harbour Gazette"
    if head in ("source", "sources", "insider", "insiders"):
        return True
    determiner = words[0]
    if head in PEOPLE_NOUNS or head in COLLECTIVE_NOUNS or looks_like_people(head):
        if determiner in INDEFINITE_DETERMINERS:
            return True
        if head in ("police", "union", "unions") and determiner in DEFINITE_DETERMINERS:
            return False
        return is_plural(phrase) and head != "police"
    if head in COMPANY_NOUNS:
        return determiner in INDEFINITE_DETERMINERS
    return False


def clean_claimant(phrase: str, at_start: bool, names: set[str] | None = None) -> str:
    """A claimant phrase as shown: stray marks cut, and a first word that is capitalised
    only because it opens the sentence lower-cased ("The trust", "Senior engineers",
    "Emergency services"; not "Reuters" nor a word the text capitalises elsewhere)."""
    phrase = phrase.strip(" ,;:—–-")
    words = phrase.split(" ")
    first = words[0]
    if len(words) > 1 and first.lower() in LOWER_CASE_OPENERS:
        words[0] = first.lower()
    elif (
        at_start
        and not (
            # "Citizens Energy Watch", "Teachers Union of Ireland": the first word of a name
            len(words) > 1
            and words[1][:1].isupper()
            and first.lower() not in COMMON_CAPS
            and all(w[:1].isupper() or w.lower() in PARTICLES for w in words[1:])
        )
        and (
            first.lower() in COMMON_CAPS
            or first.lower() in PEOPLE_NOUNS
            or (
                len(words) > 1
                and words[1][:1].islower()
                and words[1] not in PARTICLES
                and first not in (names or ())
                and not first.endswith(("’s", "'s"))  # "Solis's office": a name's
            )
        )
    ):
        words[0] = first.lower()
    return " ".join(words)


_OUTLET_TAILS = frozenset("newspaper paper magazine website site broadcaster".split())
_DESCRIBED_BODIES = frozenset(
    """group organisation organization charity company firm agency body coalition network
    nonprofit association foundation newspaper magazine website outlet broadcaster
    think-tank""".split()
)


_BODY_DESCRIPTORS = _DESCRIBED_BODIES | frozenset(
    """maker carmaker automaker giant retailer bank lender airline carrier operator provider
    chain manufacturer producer insurer supplier publisher broadcaster conglomerate startup
    start-up developer specialist distributor media""".split()
)
"""Nouns that describe a business or body before its name, with no article ("tractor
maker Mahindra", "document security firm Workshare")."""


def _described_body_name(words: list[str]) -> str:
    """The name after a description of a body with no article before it ("tractor maker
    Mahindra" -> "Mahindra", "India's biggest carmaker Maruti" -> "Maruti"); "" when the
    words are no such thing."""
    first = 1 if words and words[0].endswith(("’s", "'s")) and words[0][:1].isupper() else 0
    based = next((at for at, w in enumerate(words[:4]) if w.endswith("-based")), None)
    if based is not None and based + 1 < len(words) and words[based + 1][:1].isupper():
        # "US-based Mondelez International", "the Ann Arbor-based Center for Automotive
        # Research": where the body is based, then its name
        name = words[based + 1 :]
        if len(name) <= 5 and all(w[:1].isupper() or w in _NAME_INNER for w in name):
            return " ".join(name)
        return ""
    at = first
    while at < len(words) and not words[at][:1].isupper():
        at += 1
    if at == first or at >= len(words) or words[at - 1].lower() not in _BODY_DESCRIPTORS:
        return ""
    name = words[at:]
    if len(name) > 4 or not all(w[:1].isupper() or w in _NAME_INNER for w in name):
        return ""
    return " ".join(name)


_NAME_INNER = PARTICLES | frozenset("les des pour sans et y e".split())
"""Lower-case words inside a body's name, in English and other languages ("Action pour les
Enfants")."""


def proper_part(phrase: str) -> str:
    """The name in a described name: "the trade body Power Generators Association" ->
    "the Power Generators Association"."""
    words = phrase.split(" ")
    if (
        len(words) >= 4
        and words[0].lower() in ("the", "a", "an")
        and words[1] in ("NGO", "NGOs")
        and all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in words[2:])
    ):
        # "the NGO Front Line Defenders": the descriptor is no part of the name
        return proper_part(" ".join(["the", "group", *words[2:]]))
    if (
        len(words) >= 3
        and words[-1].lower() in _OUTLET_TAILS
        and all(w[:1].isupper() for w in words[1:-1])
        and words[0].lower() == "the"
    ):
        return "the " + " ".join(words[1:-1])  # "The Register-Guard newspaper"
    for at in range(1, len(words) - 1):
        # "the Cambodia-based anti-pedophile group Action pour les Enfants": the name
        # after the common noun that describes it
        if (
            words[0].lower() in ("the", "a", "an")
            and words[at] in _DESCRIBED_BODIES
            and words[at + 1][:1].isupper()
            and all(w[:1].isupper() or w in _NAME_INNER for w in words[at + 1 :])
        ):
            name = words[at + 1 :]
            return "the " + " ".join(name) if org_kind(name) else " ".join(name)
    described = _described_body_name(words)
    if described:
        return described
    if len(words) < 3 or words[0].lower() not in ("the", "a", "an") or words[1][:1].isupper():
        return phrase
    for at in range(1, len(words)):
        if words[at][:1].isupper():
            if (
                all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in words[at:])
                and words[at].lower() not in TITLES
            ):
                rest = " ".join(words[at:])
                return "the " + rest if org_kind(words[at:]) else rest
            return phrase
    return phrase
