"""Cues that are not a reporting verb with its subject: a stance ("is concerned the ..."),
"In X's words", a name and a quotation after a colon, "X’s notion that", a message that
says something ("comments accusing her of"), and "... the Gazette has learned"."""

from __future__ import annotations

from claimmark.store.suggest.claimants import (
    Candidate,
    pronoun_candidate,
    sentence_subject,
    subject_before_comma,
    subject_candidate,
)
from claimmark.store.suggest.names import PARTICLES, bare_word
from claimmark.store.suggest.phrases import (
    NounPhrase,
    clean_claimant,
    has_proper_name,
    is_known_word,
    is_plural,
    looks_like_people,
    make_phrase,
    phrase_after,
    phrase_before,
)
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.suggestion import UNNAMED
from claimmark.store.suggest.words import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    FORMS_OF_BE,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    PHRASE_PREPOSITIONS,
)


def learned_candidate(sentence: Sentence, verb: int) -> Candidate | None:
    """ "... TMZ has learned": an outlet told by people it does not name; the claimant is
    unnamed, the outlet relays."""
    tokens = sentence.tokens
    if verb < 2 or tokens[verb - 1].lower not in ("has", "have", "had"):
        return None
    phrase = phrase_before(tokens, verb - 1, sentence.text)
    if phrase is None or not has_proper_name(phrase, tokens, -1):
        return None
    outlet = sentence.referents.expand(clean_claimant(phrase.text, False))
    if sentence.referents.names.is_person(outlet):
        return None
    cue = sentence.text[tokens[verb - 1].start : tokens[verb].end]
    return Candidate(
        "verb",
        verb,
        UNNAMED,
        cue,
        True,
        relays=[outlet],
        subject_at=phrase.first,
        trailing=sentence.ends_after(verb),
    )


def stance_candidate(sentence: Sentence, adjective: int) -> Candidate | None:
    """ "The council is concerned the laws would ...", "The union is adamant that ...": a
    stance with its content; the subject before "is" is the claimant."""
    tokens = sentence.tokens
    be = adjective - 1
    while be > 0 and tokens[be].lower in ("very", "deeply", "increasingly", "still", "also"):
        be -= 1
    if be < 1 or tokens[be].lower not in ("is", "are", "was", "were", "remains", "remain"):
        return None
    if adjective + 1 >= len(tokens):
        return None
    following = tokens[adjective + 1]
    if following.lower != "that":
        if (
            not following.is_word
            or following.quoted
            or following.lower in PHRASE_PREPOSITIONS
            or following.lower in ("about", "over", "as", "enough", "and", "or")
        ):
            return None
        # a clause must follow: a finite verb within a few words
        if not any(t.lower in _FINITE for t in tokens[adjective + 2 : adjective + 8]):
            return None
    previous = tokens[be - 1]
    if previous.lower in PERSONAL_PRONOUNS:
        cue = sentence.text[tokens[be].start : tokens[adjective].end]
        return pronoun_candidate(sentence, adjective, previous.lower, cue)
    subject = (
        subject_before_comma(sentence, be - 1)
        if previous.text == ","
        else phrase_before(tokens, be, sentence.text)
    )
    if subject is None:
        return None
    cue = sentence.text[tokens[be].start : tokens[adjective].end]
    if following.lower == "that":
        cue += " that"
    candidate = subject_candidate(sentence, adjective, subject, cue)
    if candidate is not None:
        candidate.subject_at = subject.first
    return candidate


_FINITE = FORMS_OF_BE | frozenset(
    """would will could can must should may might has have had do does did""".split()
)


def words_candidate(sentence: Sentence, words: int) -> Candidate | None:
    """ "In Dr. Shadlen's words, ..." and "In the words of X, ...": X is the claimant."""
    tokens = sentence.tokens
    if words + 1 >= len(tokens) or tokens[words + 1].text not in (",", ":"):
        if not (words + 2 < len(tokens) and tokens[words + 1].lower == "of"):
            return None
    start = words - 1
    while start >= 0 and tokens[start].lower != "in" and words - start < 8:
        start -= 1
    if start < 0 or tokens[start].lower != "in":
        return None
    if tokens[words + 1].lower == "of" and tokens[start + 1].lower == "the":
        phrase = phrase_after(tokens, words + 2, sentence.text, limit=8)
    else:
        owner = words - 1
        if tokens[owner].lower == "own":
            owner -= 1
        if not tokens[owner].lower.endswith(("’s", "'s")):
            return None
        phrase = make_phrase(tokens, start + 1, owner + 1, sentence.text)
    if phrase is None:
        return None
    name = clean_claimant(phrase.text, False).removesuffix("’s").removesuffix("'s")
    claimant = sentence.referents.expand(name, tokens[start].start)
    cue = sentence.text[tokens[start].start : tokens[words].end]
    candidate = Candidate("according", words, claimant, cue, False, subject_at=start)
    candidate.role = "person" if sentence.referents.names.is_person(claimant) else "org"
    return candidate


_POSSESSIVE_SPEAKERS = {"her": "she", "his": "he", "their": "they"}
_SPEECH_NOUNS = frozenset(
    """advice message answer reply response verdict view warning explanation words plea
    conclusion take argument prediction motto rule""".split()
)
"""What someone says, named by a noun before a colon ("Her advice: “...”")."""


def colon_candidate(sentence: Sentence, colon: int) -> Candidate | None:
    """ "De Miranda evokes the notion ... in his introduction: “...”": a named subject and a
    quotation after a colon; the subject is the claimant (cue ":")."""
    tokens = sentence.tokens
    owner = tokens[sentence.first].lower
    if (
        owner in _POSSESSIVE_SPEAKERS
        and sentence.first + 1 < colon
        and tokens[sentence.first + 1].lower in _SPEECH_NOUNS
    ):
        # "Her advice to young bakers: “Be patient.”": whoever "her" means
        cue = sentence.text[tokens[sentence.first].start : tokens[colon].end]
        return pronoun_candidate(sentence, colon, _POSSESSIVE_SPEAKERS[owner], cue)
    subject = sentence_subject(sentence)
    if subject is None or subject.stop > colon:
        return None
    opener = tokens[subject.first].lower.split("’")[0].split("'")[0]
    if opener in ("he", "she", "they") and opener != tokens[subject.first].lower:
        # "He’s philosophical about it: “...”": whom the pronoun means
        return pronoun_candidate(sentence, colon, opener, ":", subject.first)
    if not (has_proper_name(subject, tokens, sentence.first) or subject.head in PEOPLE_NOUNS):
        return None  # "The rankings were as follows: ..."
    candidate = subject_candidate(sentence, colon, subject, ":")
    if candidate is not None:
        candidate.subject_at = subject.first
    return candidate


_OPENING_WORDS = PHRASE_PREPOSITIONS | frozenset(
    "despite after before since unlike like amid following given but and yet".split()
)
"""Words that may open a sentence before an owner's name ("Despite Trump’s claim that")."""


def claim_noun_candidate(sentence: Sentence, noun: int, owner_end: int = -1) -> Candidate | None:
    """ "de Miranda’s notion that ...", "the minister’s claim that ...": the owner of the
    claim is the claimant (a weaker cue than a verb). `owner_end`: where the owner's
    phrase ends when words stand between it and the noun ("Trump’s Oct. 11 announcement")."""
    tokens = sentence.tokens
    if noun + 1 >= len(tokens) or tokens[noun + 1].lower != "that":
        return None
    if owner_end < 0:
        owner_end = noun
    # the owner: the name (capitalised words, particles, initials) or "the X" before it
    first = owner_end - 1
    while (
        first > 0
        and (tokens[first - 1].capitalised or tokens[first - 1].lower in PARTICLES)
        and tokens[first - 1].is_word
        and not tokens[first - 1].quoted
        and not (first - 1 == sentence.first and tokens[first - 1].lower in _OPENING_WORDS)
    ):
        first -= 1
    if not tokens[first].capitalised and first > 0 and tokens[first - 1].lower == "the":
        first -= 1
    owner = make_phrase(tokens, first, owner_end, sentence.text)
    if owner is None:
        return None
    name = clean_claimant(owner.text, owner.first == sentence.first)
    name = name.removesuffix("’s").removesuffix("'s")
    if not (has_proper_name(owner, tokens, -1) or is_known_word(bare_word(name.split()[-1]))):
        return None
    claimant = sentence.referents.expand(name, tokens[owner.first].start)
    cue = sentence.text[tokens[owner_end - 1].start : tokens[noun + 1].end]
    candidate = Candidate("verb", noun, claimant, cue, False, relative=True, subject_at=owner.first)
    candidate.role = "person" if sentence.referents.names.is_person(claimant) else "org"
    return candidate


_RELEASING = frozenset("""released issued posted published sent shared tweeted put""".split())
"""Verbs by which someone puts out a message ("released a statement saying")."""


def _releaser(sentence: Sentence, message: int) -> NounPhrase | None:
    """The subject of the verb that put out the message starting at `message` ("Amazon
    released a separate statement saying"), or None."""
    tokens = sentence.tokens
    verb = message - 1
    if verb > 0 and tokens[verb].lower == "out" and tokens[verb - 1].lower == "put":
        verb -= 1  # "put out a statement"
    if verb <= sentence.first or tokens[verb].lower not in _RELEASING:
        return None
    subject = phrase_before(tokens, verb, sentence.text)
    if subject is None or subject.first != sentence.first:
        return None  # the releaser opens the sentence
    return subject


def message_candidate(sentence: Sentence, participle: int) -> Candidate | None:
    """ "comments accusing her of ...", "a letter saying that ...": a message and what it
    says; the message is the claimant."""
    tokens = sentence.tokens
    phrase = phrase_before(tokens, participle, sentence.text)
    if phrase is None:
        return None
    if (
        phrase.first > 0
        and tokens[phrase.first - 1].lower == "with"
        and (is_plural(phrase) or phrase.head in PEOPLE_NOUNS)
        and (phrase.head in PEOPLE_NOUNS or looks_like_people(phrase.head))
    ):
        # "..., with forecasters warning that ...": the people are the claimant
        candidate = subject_candidate(
            sentence, participle, phrase, tokens[participle].text, object_claims=False
        )
        if candidate is not None:
            candidate.subject_at = phrase.first
            candidate.relative = True
        return candidate
    if phrase.head not in DOCUMENT_NOUNS:
        return None
    # "get comments accusing", "received a letter saying": the message starts at its
    # determiner, or is the bare noun
    determiner = next(
        (
            at
            for at in range(phrase.head_at, phrase.first - 1, -1)
            if tokens[at].lower in DETERMINERS
        ),
        -1,
    )
    first = determiner if determiner >= 0 else phrase.head_at
    if first != phrase.first:
        phrase = make_phrase(tokens, first, phrase.stop, sentence.text) or phrase
    cue = tokens[participle].text
    releaser = _releaser(sentence, phrase.first)
    if releaser is not None:
        # "Amazon released a separate statement saying ...": the body that released it
        candidate = subject_candidate(sentence, participle, releaser, cue)
        if candidate is not None:
            candidate.subject_at = releaser.first
            candidate.relative = True
            candidate.description = clean_claimant(phrase.text, False)
            return candidate
    candidate = subject_candidate(sentence, participle, phrase, cue, object_claims=False)
    if candidate is not None:
        candidate.subject_at = phrase.first
        candidate.relative = True
    return candidate


CLEAR_ADJECTIVES = frozenset("clear obvious apparent evident plain".split())
"""Adjectives of "it is clear to X that ...": X holds the view."""


def clear_to_candidate(sentence: Sentence, adjective: int) -> Candidate | None:
    """ "It has become more and more clear to researchers that Freud was right": the people
    it became clear to hold the view."""
    tokens = sentence.tokens
    if adjective + 2 >= len(tokens) or tokens[adjective + 1].lower != "to":
        return None
    phrase = phrase_after(tokens, adjective + 2, sentence.text, limit=8)
    if phrase is None or phrase.stop >= len(tokens) or tokens[phrase.stop].lower != "that":
        return None
    if not (
        phrase.head in PEOPLE_NOUNS
        or looks_like_people(phrase.head)
        or has_proper_name(phrase, tokens, sentence.first)
    ):
        return None
    cue = sentence.text[tokens[adjective].start : tokens[phrase.stop].end]
    candidate = subject_candidate(sentence, adjective, phrase, cue, object_claims=False)
    if candidate is not None:
        candidate.subject_at = phrase.first
    return candidate


def findings_candidate(sentence: Sentence, among: int) -> Candidate | None:
    """ "Among its key findings: ...": the findings of the document (or body) "its" points
    back to."""
    tokens = sentence.tokens
    at = among + 1
    if at >= len(tokens) or tokens[at].lower not in ("its", "their"):
        return None
    stop = at + 1
    while stop < len(tokens) and stop - at <= 3 and tokens[stop].lower != "findings":
        stop += 1
    if stop >= len(tokens) or tokens[stop].lower != "findings":
        return None
    if stop + 1 >= len(tokens) or tokens[stop + 1].text not in (":", ","):
        return None
    referents = sentence.referents
    offset = tokens[among].start
    kinds = ("document", "org", "group", "company")
    # the last body or document that spoke, else the last one named
    ref = referents.org_before(offset, kinds, mentions=False) or referents.org_before(offset, kinds)
    if ref is None:
        return None
    cue = sentence.text[tokens[among].start : tokens[stop + 1].end]
    candidate = Candidate("pronoun", among, ref.name, cue, ref.anonymous, role="")
    candidate.subject_at = among
    return candidate


def view_of_candidate(sentence: Sentence, to: int) -> Candidate | None:
    """ "To LeBron James, triple-doubles are not a goal.", "To many residents, the plan is a
    betrayal": a sentence that opens with "To" and the person or people whose view it
    gives, then a comma and the view."""
    tokens = sentence.tokens
    phrase = phrase_after(tokens, to + 1, sentence.text, limit=6)
    if phrase is None or phrase.stop + 3 >= len(tokens) or tokens[phrase.stop].text != ",":
        return None
    referents = sentence.referents
    named = has_proper_name(phrase, tokens, sentence.first)
    if named:
        shown = sentence.text[tokens[phrase.first].start : tokens[phrase.stop - 1].end]
        if not referents.names.is_person(referents.expand(shown)):
            return None  # "To Paris, ...": a place, not a view
    elif not (phrase.head in PEOPLE_NOUNS or looks_like_people(phrase.head)):
        return None  # "To date, ...", "To be fair, ..."
    if not any(t.is_word and not t.quoted for t in tokens[phrase.stop + 1 : phrase.stop + 4]):
        return None
    candidate = subject_candidate(sentence, to, phrase, tokens[to].text, object_claims=False)
    if candidate is not None:
        candidate.subject_at = phrase.first
    return candidate


VIEW_NOUNS = frozenset("view opinion estimation".split())
"""Nouns of "In her view, ...": the view of the one the sentence opens with."""


def opens_with_view(sentence: Sentence, noun: int) -> bool:
    """Whether the sentence opens "In her view,", "In Vell's opinion," or "In the view of
    ...", the view noun at `noun` (so that "the company’s view that" goes to the other
    cues)."""
    tokens = sentence.tokens
    if tokens[noun].lower not in VIEW_NOUNS or tokens[sentence.first].lower != "in":
        return False
    if not sentence.first + 2 <= noun <= sentence.first + 6 or noun + 1 >= len(tokens):
        return False
    following = tokens[noun + 1]
    return following.text == "," or (tokens[noun - 1].lower == "the" and following.lower == "of")


def in_view_candidate(sentence: Sentence, noun: int) -> Candidate | None:
    """ "In her view, the label was wrong", "In Vell's opinion, ...", "In the view of Ann
    Vell, ...": the holder of the view, at the start of the sentence, before a comma."""
    tokens = sentence.tokens
    if not opens_with_view(sentence, noun):
        return None
    referents = sentence.referents
    owner = tokens[noun - 1].lower
    if noun == sentence.first + 2 and owner in ("his", "her"):
        if tokens[noun + 1].text != ",":
            return None
        cue = f"In {owner} {tokens[noun].lower}"
        return pronoun_candidate(sentence, noun, _POSSESSIVE_SPEAKERS[owner], cue, noun - 1)
    if owner == "the" and tokens[noun + 1].lower == "of":
        # "In the view of Ann Vell, ..."
        phrase = phrase_after(tokens, noun + 2, sentence.text, limit=6)
        if phrase is None or phrase.stop >= len(tokens) or tokens[phrase.stop].text != ",":
            return None
        cue = sentence.text[tokens[sentence.first].start : tokens[noun + 1].end]
        held = subject_candidate(sentence, noun, phrase, cue, object_claims=False)
        if held is not None:
            held.subject_at = phrase.first
        return held
    if tokens[noun + 1].text == "," and owner.endswith(("’s", "'s")):
        # "In Vell's view, ...": the owner of the view
        phrase = make_phrase(tokens, sentence.first + 1, noun, sentence.text)
        if phrase is None or not has_proper_name(phrase, tokens, -1):
            return None
        name = clean_claimant(phrase.text, False).removesuffix("’s").removesuffix("'s")
        claimant = referents.expand(name, tokens[phrase.first].start)
        cue = sentence.text[tokens[sentence.first].start : tokens[noun].end]
        candidate = Candidate("verb", noun, claimant, cue, False, subject_at=phrase.first)
        candidate.role = "person" if referents.names.is_person(claimant) else "org"
        return candidate
    return None
