"""From a cue's subject to its claimant: the noun phrase that made the statement, looked for
through appositives and asides ("the minister, Helen Achterberg, said"), unwrapped from a
document or outlet ("a report in the Gazette"), resolved when it is a pronoun or a definite
description ("she", "the company"), and shown as the text names it.

Every function takes the `Sentence` being read; `Candidate` is what a cue yields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimmark.store.suggest.names import (
    PARTICLES,
    PHOTO_CREDITS,
    POSSESSIVE_ENDINGS,
    bare_word,
    honorific,
    is_outlet_name,
    looks_like_first_name,
    org_kind,
    strip_title,
    without_possessive,
)
from claimmark.store.suggest.phrases import (
    NounPhrase,
    clean_claimant,
    has_proper_name,
    is_anonymous,
    is_known_word,
    is_plural,
    looks_like_people,
    looks_like_role,
    make_phrase,
    only_demonyms_before_head,
    phrase_after,
    phrase_before,
    proper_part,
)
from claimmark.store.suggest.referents import Referent
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.tokens import Token
from claimmark.store.suggest.words import (
    AGENCY_NOUNS,
    ASIDE_OPENERS,
    CLAUSE_MARKS,
    COLLECTIVE_NOUNS,
    COMPANY_KIND_NOUNS,
    COMPANY_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EVIDENTIAL_VERBS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    HANDED_PARTICIPLES,
    INDEFINITE_PRONOUNS,
    LY_NOT_ADVERBS,
    NAME_GLUE,
    NEGATIONS,
    OPENING_ADVERBIALS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    PEOPLE_NOUNS,
    PERSON_ROLES,
    PERSONAL_PRONOUNS,
    PHRASE_PREPOSITIONS,
    PLACE_NAMES,
    REPORTING_VERBS,
    SPOKESPEOPLE,
    STRONG_VERBS,
    TIME_WORDS,
    TITLES,
)

DOCUMENT_VERBS = frozenset(
    """found finds find shows showed show says said concluded concludes suggests suggested
    states stated notes noted reports reported estimates estimated recommends recommended
    warns warned argues argued adds added""".split()
)
"""What a document does: "it" before one of these may be a report, not only an agent."""


@dataclass(slots=True)
class Candidate:
    """A cue in a sentence and the claimant it points to."""

    kind: str
    """One of: verb, according, pronoun."""
    pos: int
    """Token index of the cue."""
    claimant: str
    cue: str
    anonymous: bool
    relative: bool = False
    """The cue is in a relative or coordinated clause: a weaker candidate."""
    trailing: bool = False
    """The cue closes the sentence (", officials said."), so it scopes all of it."""
    relays: list[str] = field(default_factory=list)
    """Relays the claimant phrase itself gives ("figures obtained by the Chronicle")."""
    description: str = ""
    """How the sentence describes the claimant when it is not their name ("the company",
    "Pakistan-based developer")."""
    role: str = ""
    """What a later pronoun could refer back to: person, group, org or outlet."""
    gender: str = ""
    subject_at: int = -1
    """Token index where the claimant phrase starts (relays after it belong to it)."""


# --------------------------------------------------------------------------------------------
# Finding the subject phrase


def subject_before_comma(sentence: Sentence, comma: int) -> NounPhrase | None:
    """For a verb right after a comma (at `comma`): the subject before the appositives,
    relative clauses and asides that stand between it and the verb ("Ana Duarte, the
    minister, said"; "A broker, who asked ..., said"; "Meridian, for its part, has
    argued"; "The Gazette, citing Reuters, which cited two officials, said")."""
    tokens = sentence.tokens
    found: list[NounPhrase] = []
    segment_end = comma
    for _ in range(6):
        mark = segment_end - 1
        while mark >= 0 and not tokens[mark].quoted and tokens[mark].text not in CLAUSE_MARKS:
            mark -= 1
        if mark >= 0 and tokens[mark].text == ")" and mark == segment_end - 1:
            # "Sen. Tamsin Holloway (D-Ore.), who chairs ..., said": past the brackets
            opening = mark - 1
            while opening >= 0 and mark - opening < 10 and tokens[opening].text != "(":
                opening -= 1
            if opening > 0 and tokens[opening].text == "(":
                segment_end = opening
                mark = segment_end - 1
                while (
                    mark >= 0 and not tokens[mark].quoted and tokens[mark].text not in CLAUSE_MARKS
                ):
                    mark -= 1
        segment_start = mark + 1
        if segment_start >= segment_end:
            break
        comma_before = mark >= 0 and tokens[mark].text == ","
        kind = segment_kind(sentence, segment_start, segment_end)
        if kind == "other" and tokens[segment_start].lower in _QUALIFIER_OPENERS and comma_before:
            # "many people, both military and civilian, told her": the qualifier goes with
            # the phrase before it
            qualified = phrase_before(tokens, mark, sentence.text)
            if qualified is not None and is_plural(qualified):
                return make_phrase(tokens, qualified.first, segment_end, sentence.text)
        if (
            comma_before
            and kind == "other"
            and (
                tokens[segment_start].lower in ("a", "an")
                # "Eric Reeves, one of the leading voices on Sudan, said"
                or (
                    tokens[segment_start].lower == "one"
                    and segment_start + 1 < segment_end
                    and tokens[segment_start + 1].lower == "of"
                )
                # "Mrs Thatcher, herself a former education secretary, raised"
                or tokens[segment_start].lower in ("herself", "himself", "themselves", "itself")
                or is_role_appositive(tokens, segment_start, segment_end)
            )
        ):
            # "Hicks, a Navy veteran herself and the wife of ..., said"; "Mayer, Disney’s
            # chairman of direct-to-consumer and international, said"
            kind = "aside"
        if (
            kind == "phrase"
            and comma_before
            and sentence.text[tokens[segment_start].start : tokens[segment_end - 1].end]
            in PLACE_NAMES
        ):
            kind = "aside"  # "Eddie Foreman, 40, of Opelika, Alabama, who ..., said"
        if kind == "age":
            pass
        elif kind == "aside":
            if found:
                break
        elif kind == "phrase":
            phrase = phrase_after(tokens, segment_start, sentence.text, limit=16)
            assert phrase is not None
            found.append(phrase)
        else:
            phrase = phrase_before(tokens, segment_end, sentence.text)
            if phrase is not None and (
                phrase.first == segment_start
                or tokens[phrase.first - 1].lower in ("and", "but", "while", "then", "—")
            ):
                found.append(phrase)
            break
        if not comma_before:
            break
        segment_end = mark
    if not found:
        return None
    base, appositives = found[-1], found[-2::-1]
    if not has_proper_name(base, tokens, sentence.first) and is_anonymous(base, tokens):
        return base  # "A source close to the secretary, Olivia Grantham, said"
    if not is_person_phrase(sentence, base):
        for appositive in appositives:
            if is_person_phrase(sentence, appositive):
                return appositive
    if has_proper_name(base, tokens, sentence.first):
        return base
    for appositive in appositives:
        if has_proper_name(appositive, tokens, sentence.first):
            return appositive
    return base


_QUALIFIER_OPENERS = frozenset("both all mostly mainly many some including".split())


def is_role_appositive(tokens: list[Token], first: int, stop: int) -> bool:
    """Whether tokens `[first, stop)` open with a person's role: a role noun after at most a
    few determiners, possessives and modifiers ("head of the rescue agency", "Disney’s
    chairman of ...", "a research analyst at ...", "the company’s former finance chief")."""
    for at in range(first, min(stop, first + 6)):
        token = tokens[at]
        if token.quoted or not token.is_word:
            return False
        word = bare_word(token.text)
        if word in PERSON_ROLES:
            return True
        if word in FUNCTION_WORDS or word in PHRASE_PREPOSITIONS:
            return False
    return False


def unclosed_appositive(sentence: Sentence, subject: NounPhrase) -> NounPhrase | None:
    """The person whose appositive runs up to the verb without a closing comma: in
    "Kurinji Selvaraj, a research analyst at the Council on Energy, Environment and Water
    think tank told CBS News", the phrase before "told" ends the appositive, and the
    claimant is the name before it."""
    tokens = sentence.tokens
    for comma in range(subject.first - 1, max(sentence.first, subject.first - 24), -1):
        token = tokens[comma]
        if token.quoted or token.text in (";", ":", "(", ")", "—"):
            return None
        if token.text != "," or tokens[comma + 1].lower not in ("a", "an", "the"):
            continue
        if not is_role_appositive(tokens, comma + 1, subject.stop):
            continue
        name = phrase_before(tokens, comma, sentence.text)
        if name is None or not tokens[name.head_at].capitalised:
            continue
        opener = tokens[name.first - 1] if name.first > 0 else None
        if opener is not None and not (opener.quoted or opener.text in (",", "—")):
            continue
        if is_person_phrase(sentence, name) or looks_like_first_name(tokens[name.first].lower):
            return name
    return None


def segment_kind(sentence: Sentence, first: int, stop: int) -> str:
    """What the comma-separated segment of tokens `[first, stop)` is: "aside" (relative
    clause, participle, prepositional phrase, adverb), "age", "phrase" (a whole noun phrase,
    perhaps with a relative clause) or "other"."""
    tokens = sentence.tokens
    opener = tokens[first]
    word = opener.lower
    if word in ASIDE_OPENERS:
        return "aside"
    if word in PHRASE_PREPOSITIONS or (not opener.capitalised and word.endswith(("ing", "ed"))):
        return "aside"
    if all(t.lower.isdigit() for t in tokens[first:stop]):
        return "age"
    phrase = phrase_after(tokens, first, sentence.text, limit=16)
    if phrase is not None and (
        phrase.stop >= stop or tokens[phrase.stop].lower in ("who", "whose", "which", "that")
    ):
        return "phrase"
    return "other"


def is_person_phrase(sentence: Sentence, phrase: NounPhrase) -> bool:
    """Whether the phrase names a person the article names ("Ms. Achterberg")."""
    referents = sentence.referents
    return referents.names.is_person(referents.expand(clean_claimant(phrase.text, False)))


def antecedent(sentence: Sentence, relative: int) -> NounPhrase | None:
    """The phrase the relative pronoun at `relative` refers to ("Southvale, which said")."""
    tokens = sentence.tokens
    stop = relative - 1 if relative > 0 and tokens[relative - 1].text == "," else relative
    phrase = phrase_before(tokens, stop, sentence.text)
    if (
        phrase is not None
        and phrase.first >= 2
        and tokens[phrase.first - 1].lower == "and"
        and phrase.head in PEOPLE_NOUNS
    ):
        # "local officials and customers who accused ...": both people, joined
        joiner = phrase.first - 1
        first = joiner
        while (
            first > 0
            and joiner - first < 3
            and tokens[first - 1].is_word
            and not tokens[first - 1].quoted
            and tokens[first - 1].lower not in DETERMINERS
            and tokens[first - 1].lower not in REPORTING_VERBS
            and not tokens[first - 1].lower.endswith("ed")
        ):
            first -= 1
        if first < joiner and tokens[joiner - 1].lower in PEOPLE_NOUNS:
            joint = make_phrase(tokens, first, phrase.stop, sentence.text)
            if joint is not None:
                joint.head, joint.head_at = phrase.head, phrase.head_at
                return joint
    if (
        phrase is not None
        and tokens[phrase.first].lower in ("a", "an")
        and phrase.first >= 2
        and tokens[phrase.first - 1].text == ","
    ):
        # "Senator James Lankford, an Oklahoma Republican who warned ...": the person the
        # appositive describes
        comma = phrase.first - 1
        start = comma
        while (
            start > 0
            and tokens[start - 1].is_word
            and (tokens[start - 1].capitalised or tokens[start - 1].lower in PARTICLES)
        ):
            start -= 1
        named = make_phrase(tokens, start, comma, sentence.text)
        if named is not None:
            name, _ = name_with_role(sentence, named.text)
            referents = sentence.referents
            if referents.names.is_person(referents.expand(name)):
                return named
    if (
        phrase is not None
        and phrase.first + 2 < phrase.stop
        and tokens[phrase.first].lower.endswith("ed")
        and tokens[phrase.first + 1].lower == "by"
    ):
        # "The study was led by Dr. Lucas Hale of Vell University, who said": the person
        # the participle names, not "led by ..."
        return make_phrase(tokens, phrase.first + 2, phrase.stop, sentence.text) or phrase
    return phrase


_TIME_OPENERS = frozenset("last earlier this next later".split())
"""Words that open a time phrase after an opening word ("Then, last week, ...")."""


def main_clause_start(sentence: Sentence) -> int | None:
    """The first token of the sentence's main clause, after an opening phrase ("In the
    midst of the fear, Uber ..."), or None when it cannot be told."""
    tokens = sentence.tokens
    first = sentence.first
    while first < len(tokens) and tokens[first].text in ("(", "“", '"', "‘"):
        first += 1
    if first + 1 < len(tokens) and tokens[first].lower in ("but", "and", "yet", "so"):
        first += 1  # "But in April, Gerhard Müller ... quashed that hope, insisting ..."
    for _ in range(3):  # "Then, last week, Taylor Swift posted ...": phrase after phrase
        if first >= len(tokens):
            return None
        word = tokens[first].lower
        if not (
            word in PHRASE_PREPOSITIONS
            or word in OPENING_ADVERBIALS
            or (word in _TIME_OPENERS and first > sentence.first)
            # "Shortly after, some of her defenders ...": an adverb, then its phrase
            or (
                word.endswith("ly")
                and word not in LY_NOT_ADVERBS
                and not looks_like_first_name(word)
            )
            # "Asked what he had seen, ...", "Phoning in from London, ...", "Due to ...":
            # a participle's phrase before the subject
            or (
                first == sentence.first
                and (word.endswith(("ing", "ed")) or word == "due")
                and first + 1 < len(tokens)
                and tokens[first + 1].lower in _AFTER_OPENING_PARTICIPLE
            )
        ):
            break
        comma = next(
            (at for at in range(first, min(len(tokens), first + 14)) if tokens[at].text == ","),
            -1,
        )
        if comma > 0:
            first = comma + 1
        elif word in PHRASE_PREPOSITIONS:
            opening = phrase_after(tokens, first + 1, sentence.text, limit=8)
            if opening is None:
                return None
            first = opening.stop
            break
        else:
            return None
    return first


_GROUP_COUNTS = frozenset("dozens hundreds thousands millions scores tens".split())
"""Counts that open a subject of people ("Dozens of people have posted ... and said")."""


_AFTER_OPENING_PARTICIPLE = PHRASE_PREPOSITIONS | frozenset(
    "what whether how why who when where if".split()
)
"""Words after a participle that opens a sentence with a phrase of its own ("Asked what",
"Phoning in", "Due to"), not a name's verb ("Reed said")."""


def _opening_phrase(sentence: Sentence, first: int) -> NounPhrase | None:
    """The noun phrase that opens the main clause at token `first`, without what follows
    it and is no part of it: a verb ("One shared a picture"), the words after a count of
    people ("Hundreds of chocolate lovers took"), what follows a name ("Dame Judith
    thanked"), a post's date before it ("... November 8, 2016 Dozens of people")."""
    tokens = sentence.tokens
    if (
        first + 1 < len(tokens)
        and re.fullmatch(r"(?:19|20)\d\d", tokens[first].text)
        and tokens[first + 1].capitalised
    ):
        first += 1  # "— Ann Vell (@annv) November 8, 2016 Dozens of people ...": a post's date
    phrase = phrase_after(tokens, first, sentence.text, limit=8)
    if phrase is None:
        return None
    last = tokens[phrase.stop - 1]
    if (
        phrase.stop - phrase.first >= 2
        and last.lower.endswith("ed")
        and not last.capitalised
        and phrase.stop < len(tokens)
        and (
            tokens[phrase.stop].lower in DETERMINERS
            or tokens[phrase.stop].lower in PERSONAL_PRONOUNS
        )
    ):
        # "One shared a picture and said": the verb, not part of the subject
        phrase = make_phrase(tokens, phrase.first, phrase.stop - 1, sentence.text) or phrase
    if tokens[phrase.first].lower in _GROUP_COUNTS:
        # "Hundreds of chocolate lovers took to social media": the people, then the verb
        people = next(
            (
                at
                for at in range(phrase.first + 1, phrase.stop)
                if tokens[at].lower in PEOPLE_NOUNS or looks_like_people(tokens[at].lower)
            ),
            None,
        )
        if people is not None:
            phrase = make_phrase(tokens, phrase.first, people + 1, sentence.text) or phrase
    elif tokens[phrase.first].capitalised and tokens[phrase.first].lower not in DETERMINERS:
        # "Dame Judith thanked him ... and said": the name, not what follows it
        for at in range(phrase.first + 1, phrase.stop):
            if (
                tokens[at].lower in PERSON_ROLES
                and at + 1 < phrase.stop
                and tokens[at + 1].capitalised
            ):
                continue  # "Wild coach Bruce Boudreau expressed ..."
            if not tokens[at].capitalised and tokens[at].lower not in NAME_GLUE:
                phrase = make_phrase(tokens, phrase.first, at, sentence.text) or phrase
                break
    return phrase


def sentence_subject(sentence: Sentence) -> NounPhrase | None:
    """The subject of the sentence's main clause ("X welcomed the news but said"), after an
    opening phrase ("In the midst of the fear, Uber ...", "On one page an unidentified
    poster ...")."""
    tokens = sentence.tokens
    first = main_clause_start(sentence)
    if first is None:
        return None
    phrase = _opening_phrase(sentence, first)
    if phrase is None:
        return None
    after = phrase.stop
    if after + 1 < len(tokens) and tokens[after].lower == "and":
        # "Facebook and other tech companies often deflect ...": a joint subject
        second = phrase_after(tokens, after + 1, sentence.text, limit=6)
        head_at = -1
        if second is not None:
            head_at = next(
                (
                    at
                    for at in range(second.first, second.stop)
                    if tokens[at].lower in PEOPLE_NOUNS
                    or tokens[at].lower in COLLECTIVE_NOUNS
                    or tokens[at].lower in ORG_NOUNS
                    or (tokens[at].capitalised and tokens[at].lower not in DETERMINERS)
                ),
                -1,
            )
        if head_at >= 0:
            while head_at + 1 < len(tokens) and tokens[head_at + 1].capitalised:
                head_at += 1  # the whole name: "Hamilton and Ellen Gille"
            joint = make_phrase(tokens, phrase.first, head_at + 1, sentence.text)
            if joint is not None:
                joint.head = bare_word(tokens[head_at].text)
                joint.head_at = head_at
                return joint
        return phrase
    if tokens[phrase.stop - 1].lower.endswith(POSSESSIVE_ENDINGS):
        # "Meridian’s chair, Baroness Forsyth, ...": the owner's role, then the name
        comma = next(
            (at for at in range(after, min(len(tokens), after + 4)) if tokens[at].text == ","),
            None,
        )
        if comma is not None and all(
            tokens[at].is_word and not tokens[at].capitalised for at in range(after, comma)
        ):
            owned = make_phrase(tokens, phrase.first, comma, sentence.text)
            if owned is not None:
                phrase, after = owned, comma
    if after < len(tokens) and tokens[after].text == ",":
        appositive = phrase_after(tokens, after + 1, sentence.text, limit=8)
        if (
            appositive is not None
            and appositive.stop < len(tokens)
            and tokens[appositive.stop].text == ","
        ):
            if is_person_phrase(sentence, appositive) and not is_person_phrase(sentence, phrase):
                return appositive
    return phrase


# --------------------------------------------------------------------------------------------
# From a subject phrase to a candidate


def subject_candidate(
    sentence: Sentence, verb: int, subject: NounPhrase, cue: str, object_claims: bool = True
) -> Candidate | None:
    """A candidate for the verb at `verb` whose subject phrase is `subject` (when
    `object_claims`, "cited"/"quotes" make the object the claimant)."""
    tokens = sentence.tokens
    referents = sentence.referents
    verb_word = tokens[verb].lower
    proper = has_proper_name(subject, tokens, sentence.first)
    head = subject.head
    known = is_known_word(head) or head in COLLECTIVE_NOUNS
    if not proper and not known:
        if head in TIME_WORDS or head.isdigit() or len(head) < 3:
            return None
        if verb_word not in STRONG_VERBS and not (
            (
                subject.first == sentence.first
                or tokens[subject.first].lower in DETERMINERS
                or tokens[subject.first - 1].lower in _CLAUSE_OPENERS
            )
            and content_follows(sentence, verb, subject)
        ):
            return None
    if (
        tokens[subject.first].lower in ("it", "there", "no", "none", "neither")
        or head in INDEFINITE_PRONOUNS
    ):
        return None  # "No group claimed ...": nobody's statement
    if subject.first > 0 and tokens[subject.first - 1].lower in NEGATIONS:
        return None  # "Not everyone agrees that ...": the writer's own statement
    if subject.first > 0 and tokens[subject.first - 1].lower in ("if", "whenever", "unless"):
        return None  # "whenever the data suggests ...": no statement was made
    claimant, relays, anonymous, description = unwrap(sentence, subject)
    candidate = Candidate(
        "verb", verb, claimant, cue, anonymous, relays=relays, description=description
    )
    head_is_name = tokens[subject.head_at].capitalised and not is_known_word(head)
    if head_is_name or (proper and head not in PEOPLE_NOUNS):
        candidate.role = (
            "person"
            if referents.names.is_person(claimant)
            else ("outlet" if is_outlet_name(claimant) else "org")
        )
        candidate.gender = referents.gender_of(claimant)
    elif head in PEOPLE_NOUNS and not is_plural(subject) and head not in _COLLECTIVE_BODIES:
        candidate.role = "person"
        candidate.gender = (
            "f"
            if head in ("spokeswoman", "chairwoman")
            else ("m" if head in ("spokesman", "chairman") else "")
        )
    elif head in DOCUMENT_NOUNS:
        candidate.role = "document"  # "the report", "many reports": no referent for "it"
    elif is_plural(subject):
        candidate.role = "group"
    elif known or proper:
        candidate.role = "org"
    opener = tokens[subject.first].lower
    if (
        opener.endswith(POSSESSIVE_ENDINGS)
        and head in PERSON_ROLES
        and not tokens[subject.head_at].capitalised
        and subject.head_at > subject.first
        and not _is_persons(sentence, tokens[subject.first].text)
    ):
        # "Austria's interior minister said": the person the article gives that role (not
        # "Morrison's lawyer", someone's relation)
        resolve_definite(sentence, subject, candidate)
    elif head == "management" and opener in ("company", "management"):
        resolve_definite(sentence, subject, candidate)  # "Company management said"
    elif opener in ("the", "her", "his", "their", "its") and (
        not proper
        # "the German carmaker": a company described by its nationality
        or (
            (head in COMPANY_NOUNS or head in COMPANY_KIND_NOUNS or head in AGENCY_NOUNS)
            and only_demonyms_before_head(subject, tokens)
        )
        # "the Wikileaks founder", "the Tesla CEO": a role at a named body, its holder
        or (head in PERSON_ROLES and not tokens[subject.head_at].capitalised)
        # "The President-elect said", "The Governor said": the office alone, capitalised
        or (head in PERSON_ROLES and subject.stop - subject.first == 2)
    ):
        resolve_definite(sentence, subject, candidate)
    if object_claims and verb_word in ("cited", "cites", "quotes", "quoted"):
        # "the report cited unnamed officials": the subject relays, the object claims
        cited = phrase_after(tokens, verb + 1, sentence.text)
        if cited is None:
            return None
        if (
            cited.stop + 1 < len(tokens)
            and tokens[cited.stop].lower == "as"
            and not tokens[cited.stop + 1].lower.endswith("ing")
        ):
            # "Noem cited the backlash as proof that ...": her claim (but "quotes a person
            # as saying" is the person's)
            return candidate
        inner, inner_relays, inner_anonymous, description = unwrap(sentence, cited)
        candidate.relays = [candidate.claimant, *inner_relays]
        candidate.claimant = inner
        candidate.anonymous = inner_anonymous
        candidate.description = description
        candidate.role = ""
    return candidate


_CLAUSE_OPENERS = frozenset(
    "and but while as because although though since when whereas so yet".split()
)
"""Words after which a clause, and so a subject, begins."""
_TO_VERBS = frozenset(
    """claim claims claimed promise promises promised pledge pledges pledged vow vows vowed
    threaten threatens threatened""".split()
)
"""Verbs whose content may be an infinitive ("claim to", "vowed to")."""


def content_follows(sentence: Sentence, verb: int, subject: NounPhrase) -> bool:
    """Whether the verb at `verb` reports content, so that any noun phrase may be its
    subject: a `that` clause follows it ("one resident said that"), or a quotation follows
    in the same clause ("one volunteer described the smoke as “thick ...”"). Evidential
    verbs ("shows", "suggests") need a subject handed around as a document ("a scoring
    sheet obtained by the Courier shows that")."""
    tokens = sentence.tokens
    if tokens[verb].lower in EVIDENTIAL_VERBS:
        return any(
            tokens[at].lower in HANDED_PARTICIPLES
            for at in range(subject.head_at + 1, subject.stop)
        )
    following = tokens[verb + 1] if verb + 1 < len(tokens) else None
    if following is not None and following.lower == "that" and not following.quoted:
        return True
    if following is not None and following.lower == "to" and tokens[verb].lower in _TO_VERBS:
        return True  # "advertisers claim to respect the opt-out"
    for token in tokens[verb + 1 :]:
        if token.quoted:
            return True
        if token.text in (".", ";", "!", "?"):
            break
    return False


def resolve_definite(sentence: Sentence, subject: NounPhrase, candidate: Candidate) -> None:
    """Resolve "the paper", "the company", "the group", "the spokesperson" to the one
    named before."""
    referents = sentence.referents
    head = subject.head
    offset = sentence.tokens[subject.first].start
    ref: Referent | None = None
    words = sentence.text[
        sentence.tokens[subject.first].start : sentence.tokens[subject.stop - 1].end
    ].split()
    described = None
    owner_word = sentence.tokens[subject.first].lower
    if (
        subject.stop - subject.first == 2
        and owner_word in ("his", "her")
        and (head in ("office", "campaign") or head in SPOKESPEOPLE)
    ):
        # "His office said", "his spokesman said": the office or spokesman of the person
        # "his" means ("Eric Holcomb's office")
        owner = referents.person_before(offset, "m" if owner_word == "his" else "f")
        if owner is not None and (len(owner.name.split()) >= 2 or owner.gender):
            candidate.description = candidate.claimant
            candidate.claimant = f"{referents.expand(owner.name, owner.offset)}'s {head}"
            candidate.role = "org" if head in ("office", "campaign") else "person"
        return
    if (
        2 <= subject.stop - subject.first <= 4
        and sentence.tokens[subject.first].lower == "the"
        and (
            head in ORG_NOUNS
            or head in COMPANY_NOUNS
            or head in AGENCY_NOUNS
            or words[-1].isupper()
        )
        and not is_plural(subject)
    ):
        described = referents.org_described(words[1:], offset)
    if described is not None:
        # "the production company" -> "Dick Clark Productions": the name it describes
        ref = Referent(offset, described, "", False)
        candidate.role = "org"
    elif _AGE.fullmatch(head) and not is_plural(subject):
        # "The 56-year-old said": the person named last before
        holder = referents.last_person_named(offset, reach=1500)
        if holder is not None:
            ref = Referent(offset, holder, referents.gender_of(holder), False)
            candidate.role = "person"
            candidate.gender = ref.gender
    elif head in OUTLET_NOUNS:
        ref = referents.org_before(offset, ("outlet",))
        candidate.role = "outlet"
    elif head == "management" and words[0].lower() in ("company", "the", "its", "management"):
        # "Company management said", "the management said": the company named before
        ref = company_referent(sentence, subject.first, offset)
        candidate.role = "org"
    elif head in COMPANY_NOUNS:
        ref = company_referent(sentence, subject.first, offset) or _subject_body(
            sentence, subject, offset
        )
    elif head in COMPANY_KIND_NOUNS and not is_plural(subject):
        ref = (
            earlier_indefinite(sentence, subject.first, COMPANY_KIND_NOUNS)
            or referents.company_before(offset)
            or _subject_body(sentence, subject, offset)
        )
    elif head in GROUP_NOUNS:
        ref = referents.org_before(offset, ("group",))
        if ref is None and head in ("organization", "organisation", "body"):
            # "Amnesty International said ... The organization believes": any body
            ref = referents.org_before(offset, ("org", "company", "brand"), mentions=False)
    elif head in AGENCY_NOUNS and subject.stop - subject.first == 2:
        # "the agency" alone; "the flood authority" is a body's description of its own
        ref = referents.body_before(offset, head)
    elif head in SPOKESPEOPLE:
        ref = referents.last_spokesperson
        candidate.role = "person"
    elif head in DOCUMENT_NOUNS or head in _RESEARCHERS:
        # "the report" -> who made it; "the researchers" -> the team that made the study;
        # the maker may be given in this very sentence ("The study, prepared by X, found");
        # "the report" after "a survey by X" is X's too
        if head in _RESEARCHERS:
            kinds = _STUDY_MAKERS
        elif head in _STUDY_MAKERS:
            kinds = _RESEARCH_DOCUMENTS | _STUDY_MAKERS
        elif head in _RESEARCH_DOCUMENTS:
            kinds = _RESEARCH_DOCUMENTS  # a team makes a study, not a report
        else:
            kinds = frozenset({head})
        maker = referents.names.maker_before(sentence.end, kinds)
        if maker is not None:
            maker = _body_named(sentence, maker, subject.first, offset)
            # "Dr. Shadlen and colleagues" -> "Michael Shadlen and colleagues"
            leader, joined, rest = maker.partition(" and ")
            ref = Referent(offset, referents.expand(leader, offset) + (joined + rest), "", False)
    elif head in PERSON_ROLES and not is_plural(subject):
        # "the president", "her mother", "the leader of Ennahda" -> the person named so
        holder = referents.names.role_holder(head, offset)
        if (
            holder is None
            and head in _OFFICE_ROLES
            and sentence.tokens[subject.first].lower == "the"
            and subject.first + 1 < subject.head_at
            and sentence.tokens[subject.first + 1].lower in ("then", "former", "late")
        ):
            # "Margaret Thatcher ... the then prime minister said": an office nobody is
            # given, held then by the person the text named just before
            holder = referents.last_person_named(offset)
        if (
            holder is None
            and head in _PROFILE_ROLES
            and sentence.tokens[subject.first].lower == "the"
        ):
            # "said the actor" in a story about one actor the text never calls so: the
            # person it names most
            holder = referents.most_named_person(offset)
        if (
            holder is None
            and head in _POSITION_ROLES
            and sentence.tokens[subject.first].lower == "the"
            and subject.head_at == subject.stop - 1  # not "the chairman of the party"
            and all(
                sentence.tokens[i].text[:1].isupper() or sentence.tokens[i].lower in _ROLE_MODIFIERS
                for i in range(subject.first + 1, subject.head_at)
            )
        ):
            # "Chandor asked ... “...,” the director said": the person named last before,
            # in this paragraph or the one before, whom the text gives no other role
            since = referents.previous_paragraph_start(offset)
            holder = referents.names.unroled_person_before(offset, head, since)
            if holder is not None:
                # "the prime minister" is Tony Blair: no later "the editor" is him
                referents.names.give_role(head, offset, holder)
        if holder is not None:
            ref = Referent(offset, holder, referents.gender_of(holder), False)
            candidate.role = "person"
            candidate.gender = ref.gender
    if (
        ref is None
        and subject.stop - subject.first == 2
        and sentence.tokens[subject.first].lower == "the"
        and (head in PEOPLE_NOUNS or head in ONE_PERSON or looks_like_people(head))
        and head not in SPOKESPEOPLE
    ):
        # "the officials said" after "Con Edison officials said": the people the article
        # first described so, as it described them
        earlier = _earlier_description(sentence, head, offset)
        if earlier is not None:
            ref = Referent(offset, earlier, "", candidate.anonymous)
    if ref is not None:
        if ref.name != candidate.claimant:
            candidate.description = candidate.claimant
        candidate.claimant = ref.name
        candidate.anonymous = ref.anonymous


ONE_PERSON = frozenset(
    """man woman boy girl person resident patient victim doctor nurse teacher student worker
    driver passenger witness suspect neighbour neighbor""".split()
)
"""Nouns for one unnamed person ("the man said" after "a UK man")."""
_DESCRIPTION_REACH = 8000
_NOT_MODIFIERS = frozenset(
    """between among against about over under after before during without within across
    around through toward towards into onto upon like than versus and or but nor""".split()
)
"""Words that end the description read back from a noun ("between older and younger
activists" gives nothing)."""
"""How far back (in characters) "the officials" looks for the phrase that introduced them."""


def _earlier_description(sentence: Sentence, head: str, offset: int) -> str | None:
    """The first mention of `head` (the same word) in the `_DESCRIPTION_REACH` characters
    before `offset` with words describing it before it, as written ("Con Edison
    officials", "A UK man", "teachers unions"); None when the text gives none."""
    text = sentence.referents.text
    start = max(0, offset - _DESCRIPTION_REACH)
    pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    for match in pattern.finditer(text, start, offset):
        if match.start() > 0 and not text[match.start() - 1].isspace():
            continue  # "writer-director": part of another word
        words = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].split()[-4:]
        kept: list[str] = []
        for word in reversed(words):
            bare = word.strip('“”"‘’(),.!?:;')
            if bare != word or not bare:
                break
            lower = bare.lower()
            if lower in ("a", "an"):
                kept.insert(0, bare)
                break
            if (
                lower in DETERMINERS
                or lower in FUNCTION_WORDS
                or lower in PHRASE_PREPOSITIONS
                or lower in REPORTING_VERBS
                or lower in _NOT_MODIFIERS
            ):
                break
            if lower.endswith(("ed", "ing", "ly")) and not bare[:1].isupper():
                break
            kept.insert(0, bare)
        describing = [w for w in kept if w.lower() not in ("a", "an")]
        if describing:
            return " ".join([*kept, match.group()])  # the first such mention
    return None


_AGE = re.compile(r"\d{1,3}-year-old")
"""A person described by their age ("the 56-year-old")."""
_OFFICE_ROLES = frozenset(
    """minister president premier chancellor governor mayor senator chairman chairwoman
    chair secretary""".split()
)
"""Offices that "the then prime minister" may name the person named just before by."""
_ROLE_MODIFIERS = frozenset("then former late new outgoing incoming prime".split())
"""Words in lower case that may stand before a role taken for a person named before ("the
new director", "the prime minister")."""
_POSITION_ROLES = frozenset(
    """president-elect vice-president governor-elect mayor-elect minister secretary
    director chief chairman chairwoman chair president mayor governor senator premier
    chancellor commander captain coach manager founder co-founder ceo editor
    researcher professor author architect curator executive analyst economist strategist
    scientist""".split()
)
"""Roles "the <role>" may call a person the text named just before without giving them it."""
_PROFILE_ROLES = frozenset(
    """actor actress singer songwriter rapper star musician comedian artist author writer
    novelist filmmaker player athlete celebrity model host presenter chef designer
    entrepreneur billionaire""".split()
)
"""What a profile calls its subject ("the actor", "the singer"), when no one is named so."""
_COLLECTIVE_BODIES = frozenset("union panel team regulator family side crew".split())
"""People nouns that name a body of people: "the union said" is no "he" or "she" later."""
_MADE_OF = frozenset("findings report study survey analysis review audit".split())
"""Documents whose "of" names their maker ("the findings of the accident branch")."""
_RESEARCH_DOCUMENTS = frozenset(
    "report study survey research poll analysis findings paper review audit".split()
)
"""Documents of research that one maker's article may call by any of these words ("a
survey by Workshare" ... "The report warns")."""


def _subject_body(sentence: Sentence, subject: NounPhrase, offset: int) -> Referent | None:
    """For "the airline", "the German automaker" (singular, after "the"): the body whose
    name opened a sentence shortly before ("US Airways cancelled 20 flights ... The
    airline said"), when the article names no company of that kind. (Not for "the
    regulator": a body named far before, while companies are named near.)"""
    tokens = sentence.tokens
    if tokens[subject.first].lower != "the" or is_plural(subject):
        return None
    if subject.head_at != subject.stop - 1:
        return None  # "the agency of the region": a description of its own
    name = sentence.referents.subject_body_before(offset)
    return Referent(offset, name, "", False, kind="org") if name is not None else None


def company_referent(sentence: Sentence, first: int, offset: int) -> Referent | None:
    """The company "the company" (or "the firm") at token `first` means."""
    referents = sentence.referents
    return (
        earlier_indefinite(sentence, first, COMPANY_NOUNS)
        or referents.org_before(offset, ("company",))
        # a company the article never calls one ("Uber", "Microsoft"): the last
        # organisation that spoke
        or referents.org_before(offset, ("org",), mentions=False)
        # a company known by a brand-like name ("WeWork"), the one named most
        or referents.company_before(offset)
    )


def _body_named(sentence: Sentence, phrase: str, first: int, offset: int) -> str:
    """A maker or relay given as "the firm" (`phrase`, seen at token `first`): the company
    the article means; any other phrase as it is."""
    words = phrase.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in COMPANY_NOUNS:
        ref = company_referent(sentence, first, offset)
        if ref is not None:
            return ref.name
    return phrase


_RESEARCHERS = frozenset("researchers authors scientists team investigators".split())
_STUDY_MAKERS = frozenset("study research paper findings team".split())
"""What "the researchers" and "the study" point back to: a study, or a named team."""


def earlier_indefinite(sentence: Sentence, before: int, heads: frozenset[str]) -> Referent | None:
    """The indefinite phrase earlier in the sentence that "the company" refers to
    ("a large Japanese manufacturer ..., and the company said")."""
    tokens = sentence.tokens
    for at in range(before - 1, -1, -1):
        if tokens[at].lower in ("a", "an") and not tokens[at].quoted:
            for head_at in range(at + 1, min(at + 5, before)):
                if not tokens[head_at].is_word:
                    break
                if tokens[head_at].lower in heads or tokens[head_at].lower in (
                    "manufacturer",
                    "retailer",
                    "supplier",
                    "maker",
                ):
                    phrase = make_phrase(tokens, at, head_at + 1, sentence.text)
                    if phrase is not None:
                        return Referent(
                            tokens[at].start,
                            clean_claimant(phrase.text, False),
                            "",
                            is_anonymous(phrase, tokens),
                        )
    return None


def unwrap(sentence: Sentence, phrase: NounPhrase) -> tuple[str, list[str], bool, str]:
    """Claimant, relays, anonymity and description of a phrase: "a report in the Harbour
    Gazette" -> the Gazette; "figures obtained by the Chronicle" -> the figures, relayed by
    the Chronicle; "the Chronicle’s report" -> the Chronicle; "developer Ammar Askar" ->
    Ammar Askar, described as "developer"; short names expanded."""
    tokens = sentence.tokens
    referents = sentence.referents
    proper = has_proper_name(phrase, tokens, sentence.first)
    if phrase.head_at + 1 < phrase.stop and all(
        t.lower.endswith("ed") for t in tokens[phrase.head_at + 1 : phrase.stop]
    ):
        # "a council report published (in March)": the participle is no part of the name
        phrase = NounPhrase(
            phrase.first,
            phrase.head_at + 1,
            sentence.text[tokens[phrase.first].start : tokens[phrase.head_at].end],
            phrase.head,
            phrase.head_at,
        )
    if (
        phrase.head_at > phrase.first
        and tokens[phrase.first].text in PHOTO_CREDITS
        and tokens[phrase.first + 1].capitalised
    ):
        # "GETTY Obama said": a caption's photo credit run into the sentence
        phrase = make_phrase(tokens, phrase.first + 1, phrase.stop, sentence.text) or phrase
    shown = clean_claimant(phrase.text, phrase.first == sentence.first, referents.names.midcaps)
    head = phrase.head
    if head in DOCUMENT_NOUNS or head in OUTLET_NOUNS:
        stop = min(len(tokens), phrase.stop + 6)
        for at in range(phrase.first + 1, stop):
            token = tokens[at]
            if token.quoted or token.text in (",", ";", ":") or token.lower == "that":
                break
            of_maker = token.lower == "of" and head in _MADE_OF and at == phrase.head_at + 1
            if (token.lower in ("in", "by", "from") or of_maker) and at + 1 < len(tokens):
                rest = phrase_after(tokens, at + 1, sentence.text)
                if rest is None or (
                    not has_proper_name(rest, tokens, -1) and rest.head not in ORG_NOUNS
                ):
                    continue
                if of_maker and not tokens[rest.head_at].capitalised:
                    continue  # "an analysis of official U.S. labor statistics": what it read
                # "initial findings of the Rail Accident Investigation Branch": its maker
                outer = _body_named(
                    sentence,
                    referents.expand(proper_part(clean_claimant(rest.text, False))),
                    rest.first,
                    tokens[rest.first].start,
                )
                if tokens[at - 1].lower in ("obtained", "seen", "leaked"):
                    return shown, [outer], False, ""  # the figures, relayed by the Chronicle
                if tokens[at - 1].lower == "compiled":
                    # "Labor Department data compiled by Bloomberg": the department's data,
                    # relayed; "data compiled by Bloomberg": Bloomberg's (below)
                    maker = name_before_document(sentence, phrase)
                    if maker:
                        return maker, [outer], False, shown
                if tokens[at - 1].lower == "published" and token.lower == "in":
                    # "a paper published in the journal Nature Astronomy": the paper says
                    # it, the journal only printed it
                    return shown, [], False, ""
                return outer, [], False, shown
        owner = possessor(sentence, phrase)
        if owner:
            return owner, [], False, shown
        maker = name_before_document(sentence, phrase)
        if maker:
            return maker, [], False, "" if maker.lower() == shown.lower() else shown
    closing = tokens[phrase.stop - 1]
    if (
        phrase.head_at < phrase.stop - 1
        and closing.lower in DOCUMENT_NOUNS
        and not closing.capitalised
    ):
        # "Federal Reserve Bank of Dallas research": a name with "of" inside, then the
        # document it made
        document = NounPhrase(
            phrase.first, phrase.stop, phrase.text, closing.lower, phrase.stop - 1
        )
        maker = name_before_document(sentence, document)
        if maker:
            return maker, [], False, shown
    anonymous = is_anonymous(phrase, tokens)
    description = ""
    team = _person_and_team(sentence, phrase, shown)
    if team:
        return team, [], anonymous, ""
    owned = _role_before_owner(sentence, phrase)
    if owned is not None:
        # "Public Ombudsman Nadia Cruz’s office": the person's office, the role described
        return owned[0], [], anonymous, owned[1]
    if proper and " and " in shown:
        # "Hamilton and Gille": each name as the article gives it in full
        parts = shown.split(" and ")
        offset = tokens[phrase.first].start
        if all(part[:1].isupper() and len(part.split()) <= 3 for part in parts):
            return (
                " and ".join(referents.expand(part, offset) for part in parts),
                [],
                anonymous,
                description,
            )

    role_of = _role_of_name(sentence, phrase)
    if role_of is not None:
        # "U.S. Secretary of State Antony Blinken": the person, the office described
        name, role = role_of
        return referents.expand(name, tokens[phrase.first].start), [], anonymous, role
    if proper:
        core = sentence.text[tokens[phrase.first].start : tokens[phrase.head_at].end]
        if (
            phrase.head_at + 1 < phrase.stop
            and tokens[phrase.head_at + 1].lower in ("of", "from", "at", "with")
            and tokens[phrase.head_at].capitalised
            and is_person_name(sentence, core)
        ):
            # "Wray Grimaldi of the University of Otago": the person, not her university
            shown = clean_claimant(core, phrase.first == sentence.first, referents.names.midcaps)
        name, role = name_with_role(sentence, core)
        if role:
            shown = name
            description = clean_claimant(role, False)
        named = proper_part(shown)
        if not description and named != shown and shown.endswith(" " + named):
            # "tractor maker Mahindra": the body, described
            description = shown[: -len(named)].strip()
        shown = named
        if len(shown.split()) <= 3:
            expanded = referents.expand(shown, tokens[phrase.first].start)
            last = shown.split()[-1]
            organisation = not referents.names.is_person(expanded) and (
                bool(org_kind(expanded.split())) or is_outlet_name(expanded)
            )
            if not organisation or (last.isupper() and len(last) > 1):
                # a person's full name, an acronym's name; an organisation as written
                # ("Harlow" stays, though the text called it "Harlow Freight Services")
                shown = expanded
    return shown, [], anonymous, description


def is_person_name(sentence: Sentence, phrase: str) -> bool:
    """Whether `phrase`, before "of the University of ...", names a person: a person of the
    article, or two to four capitalised words that are no organisation's name."""
    referents = sentence.referents
    words = phrase.split()
    expanded = referents.expand(phrase)
    if referents.names.is_person(expanded):
        return True
    if expanded != phrase and len(words) == 1:
        phrase, words = expanded, expanded.split()  # "Wee" of "Sui-Lee Wee"
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and words[0].lower() not in TITLES
        and not org_kind(words)
        and not is_outlet_name(phrase)
    )


def name_before_document(sentence: Sentence, phrase: NounPhrase) -> str:
    """The maker named right before a document's noun: "A new ABC News poll" -> ABC News,
    "a Reuters survey" -> Reuters (an outlet or organisation, not a month or a place);
    "" when there is none."""
    tokens = sentence.tokens
    at = phrase.head_at - 1
    words: list[str] = []
    while (
        at >= phrase.first
        and tokens[at].is_word
        and tokens[at].lower not in DETERMINERS
        and (
            tokens[at].capitalised
            # "Federal Reserve Bank of Dallas research": a name with "of" inside
            or (tokens[at].lower in ("of", "for") and words and at > phrase.first)
        )
    ):
        words.insert(0, tokens[at].text)
        at -= 1
    while words and words[0].lower() in ("of", "for"):
        words.pop(0)
    first_word = at + 1
    if not words or (first_word == sentence.first and tokens[first_word].capitalised):
        return ""
    name = " ".join(words)
    kind = org_kind(words)
    fuller = sentence.referents.expand(name)
    if fuller != name and name in fuller and not sentence.referents.names.is_person(fuller):
        return fuller  # "a Brookings analysis" -> the Brookings Institution the text named
    if is_outlet_name(name) or kind:
        shown = sentence.referents.expand(name)
        if (
            shown == name
            and (is_outlet_name(name) or kind in ("group", "org"))
            and len(words) >= 2
            and not words[0].isupper()
            and words[-1].lower() != "news"
        ):
            shown = "the " + name  # "the Vell Courier"; not "the Reuters", "the ABC News"
        return shown
    return ""


def _role_before_owner(sentence: Sentence, phrase: NounPhrase) -> tuple[str, str] | None:
    """(claimant, role) for "<role> <person>’s <noun>" ("Public Ombudsman Nadia Cruz’s
    office" -> "Nadia Cruz’s office", "Public Ombudsman"); None otherwise."""
    tokens = sentence.tokens
    owner = next(
        (
            at
            for at in range(phrase.first + 1, phrase.stop - 1)
            if tokens[at].lower.endswith(("’s", "'s")) and tokens[at].capitalised
        ),
        -1,
    )
    if owner < 0 or any(t.capitalised for t in tokens[owner + 1 : phrase.stop]):
        return None
    text = sentence.text
    possessor = text[tokens[phrase.first].start : tokens[owner].end]
    suffix = "’s" if possessor.endswith("’s") else "'s"
    name, role = name_with_role(sentence, possessor.removesuffix(suffix))
    referents = sentence.referents
    if (
        not role
        or not all(word[:1].isupper() for word in role.split())  # "representatives of X’s"
        or not referents.names.is_person(referents.expand(name))
    ):
        return None
    owned = text[tokens[owner].end : tokens[phrase.stop - 1].end]
    return f"{name}{suffix}{owned}", clean_claimant(role, False)


_TEAM_WORDS = frozenset("his her their colleagues co-authors coauthors collaborators".split())


def _is_persons(sentence: Sentence, possessive: str) -> bool:
    """Whether a possessive word ("Morrison's") names a person of the article."""
    owner = without_possessive(possessive)
    referents = sentence.referents
    return referents.names.is_person(referents.expand(owner)) or looks_like_first_name(
        owner.lower()
    )


def _person_and_team(sentence: Sentence, phrase: NounPhrase, shown: str) -> str:
    """ "Paganini and his team" -> "Lucas Paganini and his team": a person the text names
    in full, with the people around them; "" when the phrase is no such thing."""
    first, _, rest = shown.partition(" and ")
    if (
        not rest
        or not first[:1].isupper()
        or len(first.split()) > 3
        or rest.split()[0].lower() not in _TEAM_WORDS
    ):
        return ""
    referents = sentence.referents
    full = referents.expand(first, sentence.tokens[phrase.first].start)
    return f"{full} and {rest}" if referents.names.is_person(full) else ""


def _role_of_name(sentence: Sentence, phrase: NounPhrase) -> tuple[str, str] | None:
    """(name, description) when a phrase with "of" in it ends with a person's name: an
    office ("Secretary of State Antony Blinken", "Bank of England Governor Andrew Bailey")
    or an employer ("The University of Otago’s Wray Grimaldi") before it. None otherwise
    ("Wray Grimaldi of the University of Otago" is read elsewhere)."""
    tokens = sentence.tokens
    if not any(tokens[at].lower == "of" for at in range(phrase.first + 1, phrase.stop - 2)):
        return None
    text = sentence.text[tokens[phrase.first].start : tokens[phrase.stop - 1].end]
    name, role = name_with_role(sentence, text)
    if not role or " of " not in f" {role} ":
        return None
    words = name.split()
    referents = sentence.referents
    if not (
        referents.names.is_person(referents.expand(name))
        or (len(words) >= 2 and looks_like_first_name(bare_word(words[0]).lower()))
    ):
        return None  # "Secretary of State Blinken" only when the text names Blinken
    return name, clean_claimant(role, False)


def name_with_role(sentence: Sentence, phrase: str) -> tuple[str, str]:
    """A person's name and the role words before it: "Pakistan-based developer Ammar
    Askar" -> ("Ammar Askar", "Pakistan-based developer"); "Opposition Leader Bill
    Shorten" -> ("Bill Shorten", "Opposition Leader"); honorifics stay with the name
    ("Sen. Mark R. Warner"). (phrase, "") when the phrase is no such thing."""
    words = phrase.split(" ")
    at = len(words)
    while at > 0 and (
        words[at - 1][:1].isupper() or (words[at - 1] in PARTICLES and at < len(words))
    ):
        at -= 1
    while at < len(words) and words[at] in PARTICLES:
        at += 1
    if at >= len(words):
        return phrase, ""
    prefix, run = words[:at], words[at:]
    split = name_start(sentence, run)
    if not split:
        # "South Dakota Gov. Kristi Noem": a place before a title that opens the name
        split = next(
            (
                at
                for at in range(1, len(run) - 1)
                if run[at].lower() in TITLES and run[at].endswith(".") and run[at + 1][:1].isupper()
            ),
            0,
        )
    if split:
        # "Browns DL Sheldon Richardson", "CBS Sports NFL Insider Jason La Canfora",
        # "Oceanographer Pattiaratchi": capitalised words of a role before the name
        prefix, run = prefix + run[:split], run[split:]
    title, rest = strip_title(" ".join(run))
    role_title = title if title and not honorific(title) else ""
    name = " ".join(w for w in (honorific(title), rest) if w) if title else " ".join(run)
    if not role_title and all(w.lower() in ("the", "a", "an") or w in PARTICLES for w in prefix):
        return phrase, ""  # "the Harbour Gazette", "Reuters", "de Miranda"
    rest_words = rest.split()
    if org_kind(rest_words):
        return phrase, ""
    referents = sentence.referents
    if len(rest_words) < 2 and not referents.names.is_person(referents.expand(name)):
        return phrase, ""
    role = " ".join([*prefix, role_title]).strip(" ,")
    return name, role


def name_start(sentence: Sentence, run: list[str]) -> int:
    """Where a person's name starts in a run of capitalised words that opens with the words
    of a role or team (0 when it starts at the beginning): at a common first name that
    begins two to four words of name ("Browns DL Sheldon Richardson"), or after a role noun
    before the name of a person the article names ("Oceanographer Pattiaratchi")."""
    referents = sentence.referents
    for at in range(1, len(run)):
        word = bare_word(run[at])
        before = run[at - 1]
        if (
            before.lower() in PARTICLES
            or before.lower() in TITLES
            or before.endswith(",")
            or (len(before) == 2 and before.endswith("."))  # an initial: "P. Quentin"
        ):
            continue
        rest = run[at:]
        if org_kind(rest) or not 1 <= len(rest) <= 4:
            continue
        if before.endswith(POSSESSIVE_ENDINGS):
            # "Morningstar's Karin Anderson": whose analyst, then the name; "Labour's Mr
            # Livingstone": whose member, then the titled name
            if len(rest) >= 2 and (looks_like_first_name(word) or run[at].lower() in TITLES):
                return at
            continue
        if (
            len(rest) >= 2
            and looks_like_first_name(word)
            and not looks_like_first_name(bare_word(before))
        ):
            return at
        role = bare_word(before)
        if role in PERSON_ROLES or role in PEOPLE_NOUNS or looks_like_role(role):
            if referents.names.is_person(referents.expand(" ".join(rest))):
                return at
    return 0


def possessor(sentence: Sentence, phrase: NounPhrase) -> str:
    """The named owner of a document: "the Chronicle’s report" -> "the Midland
    Chronicle"; "" when there is none."""
    tokens = sentence.tokens
    first = phrase.first + 1 if tokens[phrase.first].lower == "the" else phrase.first
    for at in range(first, phrase.head_at):
        token = tokens[at]
        if not token.capitalised and not (
            # "the inspectorate’s report": a body named by a common noun
            at == first
            and first > phrase.first
            and token.lower.endswith(("’s", "'s"))
            and token.lower[:-2] not in TIME_WORDS
        ):
            return ""
        if token.lower.endswith(("’s", "'s")):
            name = sentence.text[tokens[first].start : token.end - 2]
            full = sentence.referents.expand(name)
            if full != name:
                return full
            kind = org_kind(name.split())
            lower_case = not tokens[first].capitalised  # "the inspectorate’s report"
            return "the " + name if lower_case or kind in ("outlet", "group", "org") else name
    return ""


_THEY_ORG_REACH = 600
"""How far back (in characters) a company that spoke may be the "they" of a later
sentence, when no group spoke since."""


def pronoun_candidate(
    sentence: Sentence, verb: int, pronoun: str, cue: str, pronoun_at: int = -1
) -> Candidate | None:
    """A candidate whose subject is a pronoun (at `pronoun_at`, else right before the verb),
    resolved to an earlier referent."""
    referents = sentence.referents
    offset = sentence.tokens[verb].start
    ref: Referent | None = None
    role = ""
    if pronoun in ("he", "she"):
        gender = "m" if pronoun == "he" else "f"
        ref = referents.person_before(offset, gender, learn=False)
        role = "person"
        if pronoun_at < 0:
            pronoun_at = verb - 1
        tokens = sentence.tokens
        if (
            ref is not None
            and (
                pronoun_at == main_clause_start(sentence)
                # "“When all the facts are out,” he said, “...”": after a quotation
                or (pronoun_at > 0 and tokens[pronoun_at - 1].text in ("”", '"'))
            )
            and ref.end < 0  # a mention, not a claimant or subject met before
        ):
            # "He said" opening a sentence: the subject of the sentence before, rather
            # than a person it named later ("Baker ... with Governor Hart. He said")
            subject = referents.subject_before(sentence.start, gender)
            if subject is not None and subject.offset < ref.offset:
                ref = subject
        if ref is not None:
            # only now that the person is chosen: "she" is not the one named last if the
            # sentence's subject before was meant
            referents.learn_gender(ref, gender)
    elif pronoun == "it":
        kinds: tuple[str, ...] = ("outlet", "company", "group", "org", "brand")
        if sentence.tokens[verb].lower in DOCUMENT_VERBS:
            kinds += ("document",)  # "It also found that": the report
        if sentence.tokens[verb].lower in EVIDENTIAL_VERBS:
            kinds = ("document",)  # "It shows that ...": a report may, a company does not
        ref = referents.org_before(offset, kinds)
        role = "org"
    elif pronoun == "they":
        ref = referents.group_before(offset)
        role = "group"
        org = referents.org_before(offset, ("company", "group", "org", "brand"), mentions=False)
        if (
            org is not None
            and (ref is None or org.offset > ref.offset)
            and offset - org.offset <= _THEY_ORG_REACH
        ):
            # "Big Machine have denied it. “...,” they said": a body spoken of as plural
            ref, role = org, "org"
    if ref is None:
        return None
    name = ref.name
    if role == "person" and " and " not in name:
        # "Hawk Sawyer ... She said": the fullest form the text gives the person
        fuller = referents.expand(name, ref.offset)
        if fuller != name and fuller.endswith(name) and referents.names.is_person(fuller):
            name = fuller
    candidate = Candidate("pronoun", verb, name, cue, ref.anonymous, role=role)
    candidate.gender = {"he": "m", "she": "f"}.get(pronoun, "")
    candidate.trailing = (
        verb > 0 and sentence.tokens[verb - 1].text in (",", "”") and sentence.ends_after(verb)
    )
    return candidate
