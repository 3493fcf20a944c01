"""The names of a whole article: which capitalised names are people (and of which gender),
which are outlets, companies, groups or other organisations, and the fuller name a short
form stands for ("Ms. Achterberg" -> "Helen Achterberg").

The article is scanned once, before its sentences are read, so that a name met later can
still tell what an earlier mention was ("Mr. Varma" makes "Sunil Varma" a person).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache

from claimmark.store.suggest.tokens import quoted_spans
from claimmark.store.suggest.words import (
    COMPANY_NAME_WORDS,
    DATE_WORDS,
    DETERMINERS,
    EITHER_FIRST_NAMES,
    FEMALE_FIRST_NAMES,
    FEMALE_ROLES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    GROUP_NAME_WORDS,
    MALE_FIRST_NAMES,
    MALE_ROLES,
    MALE_TITLES,
    OPENING_ADVERBIALS,
    ORG_NAME_WORDS,
    OUTLET_NAME_WORDS,
    PERSON_ROLES,
    PERSONAL_TITLES,
    PHRASE_PREPOSITIONS,
    PLACE_NAMES,
    REPORTING_VERBS,
    ROLE_TITLES,
    TITLES,
    is_role_word,
)

_NAME_WORD = r"[A-Z](?:\.(?:[A-Z]\.)*(?=[^\S\n])|[\w’'\-]*)"
"""A capitalised word, or an initial or joined initials ("C.", "J.C.")."""
_TITLE_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Cllr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Rev|Hon|Pres|Amb|Atty"
    "|Supt|Insp|Det|Brig|Adm|Cmdr|Fr|Msgr"
)
PARTICLES = frozenset(
    """of for and the de del della der den van von da di du la le bin ibn al el ter ten dos
    das""".split()
)
"""Lower-case words that may stand inside a name ("Ursula von der Leyen", "Bank of
England")."""
_SPACE = r"[^\S\n]"
NAME_PATTERN = re.compile(
    rf"(?<![\w.])(?:(?:{_TITLE_ABBREVIATIONS})\.{_SPACE}"
    rf"|(?:Sir|Dame|Lady|Lord|Baroness|Councillor|Professor){_SPACE})*"
    rf"{_NAME_WORD}(?:{_SPACE}(?:(?:{'|'.join(sorted(PARTICLES))}|&){_SPACE}){{0,2}}{_NAME_WORD})*"
)
"""A run of capitalised words, with titles before it and particles inside it (never across
a line break: paragraphs are separate)."""


@dataclass(slots=True)
class Names:
    """The capitalised names of the text: who is a person, what short forms stand for."""

    full: dict[str, str] = field(default_factory=dict)
    """Last word (lower case) -> the first name of two or more words ending with it."""
    first: dict[str, str] = field(default_factory=dict)
    """First word (lower case) -> that full name ("Ewan" -> "Ewan McLeish")."""
    persons: set[str] = field(default_factory=set)
    """The full names that are people's."""
    midcaps: set[str] = field(default_factory=set)
    """Capitalised words seen inside a sentence (so names, not sentence openers)."""
    gender: dict[str, str] = field(default_factory=dict)
    """Person -> "m" / "f", from titles, first names and the pronouns that refer to them."""
    person_mentions: list[tuple[int, str]] = field(default_factory=list)
    """(offset, full name) of every mention of a person outside quotation marks (a name
    inside a quotation is rarely whom a later "she said" means)."""
    org_mentions: list[tuple[int, str, str]] = field(default_factory=list)
    """(offset, full name, kind) of organisations: kind is outlet, company, group or org."""
    by_last: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    """Last word (lower case) -> (offset, full name) of every full name of a person ending
    with it, in order (so "Gille" can mean the Gille named last)."""
    makers: list[tuple[int, str, str]] = field(default_factory=list)
    """(offset, document word, maker) of every document the text says who made ("a report
    released by Stanford University's Center ...", "Dr. Shadlen and colleagues")."""
    possessive_mentions: set[int] = field(default_factory=set)
    """Offsets of mentions in the possessive ("Parise’s penchant"): rarely whom a later "he"
    means when someone else was named just before."""
    alias: dict[str, str] = field(default_factory=dict)
    """A person's name as given once -> the fuller form the text gives elsewhere ("Josh
    Apte" -> "Joshua Apte")."""
    roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    """Role word (lower case: "president", "mother") -> (offset, person) where the text
    gives a person that role ("President Ana Duarte", "her mother, Fiona Parry")."""

    def is_person(self, name: str) -> bool:
        """Whether `name` (a full name the engine hands out) is a person's."""
        return name in self.persons

    def role_holder(self, role: str, offset: int, reach: int = 3000) -> str | None:
        """The person the text gives `role` ("president", "mother") nearest before
        `offset`, else the first one after it within `reach` characters."""
        holders = self.roles.get(role)
        if not holders:
            return None
        index = bisect_left(holders, (offset, "")) - 1
        if index >= 0:
            named = {name for _, name in holders[: index + 1]}
            if len(named) > 1 and role in _OFFICES:
                # two governors: the one the text spoke of last (a company's officers
                # go by the company, not by who was named last)
                return self._mentioned_last(named, offset) or holders[index][1]
            return holders[index][1]
        pos, name = holders[0]
        return name if pos - offset <= reach else None

    def unroled_person_before(self, offset: int, role: str, since: int) -> str | None:
        """The person mentioned last between `since` and `offset` whom the text gives no
        role other than `role` (a "Mayor Ana Duarte" is not "the director"), or None."""
        other: set[str] = set()
        for word, holders in self.roles.items():
            if word != role:
                other.update(name for _, name in holders)
        index = bisect_left(self.person_mentions, (offset, "")) - 1
        while index >= 0:
            pos, name = self.person_mentions[index]
            if pos < since:
                return None
            if name not in other:
                return name
            index -= 1
        return None

    def give_role(self, role: str, offset: int, person: str) -> None:
        """Record that the text calls `person` by `role` at `offset`."""
        insort(self.roles.setdefault(role, []), (offset, person))

    def _mentioned_last(self, people: set[str], offset: int) -> str | None:
        """Which of `people` the text mentions last before `offset`."""
        index = bisect_left(self.person_mentions, (offset, "")) - 1
        while index >= 0:
            name = self.person_mentions[index][1]
            if name in people:
                return name
            index -= 1
        return None

    def maker_before(self, offset: int, kinds: frozenset[str]) -> str | None:
        """Who made the document of one of `kinds` ("report", "study", "team") the text
        mentioned last before `offset`."""
        index = bisect_left(self.makers, (offset, "", "")) - 1
        while index >= 0:
            _, kind, maker = self.makers[index]
            if kind in kinds:
                return maker
            index -= 1
        return None

    def latest(self, last: str, offset: int) -> str | None:
        """The person's full name ending with `last` (lower case) mentioned before `offset`,
        else the first one mentioned after it; None when there is none. Of two people of
        that surname ("Hillary Clinton", "Bill Clinton"), the one the text has named in full
        more often (the story's), or if as often the one named last."""
        mentions = self.by_last.get(last)
        if not mentions:
            return None
        index = bisect_left(mentions, (offset, "")) - 1
        if index < 0:
            return mentions[0][1]
        counts: dict[str, int] = {}
        for _, name in mentions[: index + 1]:
            counts[name] = counts.get(name, 0) + 1
        if len(counts) == 1:
            return mentions[index][1]
        most = max(counts.values())
        for _, name in reversed(mentions[: index + 1]):
            if counts[name] == most:
                return name
        return mentions[index][1]


def is_role_or_team_word(word: str) -> bool:
    """Whether a capitalised word before a first name is no part of the name but of a role
    or a team: an abbreviation ("DL", "NFL"), a role ("Insider", "Coach") or the word of an
    organisation ("Sports", "Times"); not a first name of its own ("Oluwaseun Daniel
    Adeyemi" is one name)."""
    bare = bare_word(word)
    if "-" in bare.strip("-") and all(is_role_or_team_word(part) for part in bare.split("-")):
        return True  # "Singer-guitarist Tom Johnston"
    return (
        (word.isupper() and len(word) >= 2)
        or is_role_word(bare)
        or (bare.endswith("s") and bare[:-1] in PERSON_ROLES)  # "Officers Ana Noel and ..."
        or bare in ROLE_TITLES
        or bare in ORG_NAME_WORDS
        or bare in ("insider", "sports")
    )


def looks_like_first_name(word: str) -> bool:
    """Whether lower-case `word` is a common first name (or two joined: "eva-marie")."""
    if "-" in word:
        return all(
            _one_first_name(part) for part in word.split("-") if part
        ) and not word.startswith("-")
    return _one_first_name(word)


def _one_first_name(word: str) -> bool:
    return word in FEMALE_FIRST_NAMES or word in MALE_FIRST_NAMES or word in EITHER_FIRST_NAMES


def strip_title(name: str) -> tuple[str, str]:
    """(title, rest) of a name such as "Dr. Priya Ramanathan" or "Opposition Leader Bill
    Shorten": the honorifics and capitalised role words before the name.

    Nothing is stripped when what is left is an organisation ("Foreign Ministry") or a
    single word after an ambiguous title ("General Electric")."""
    words = name.split()
    at = 0  # the honorifics and role words that open the name
    while at < len(words) - 1 and (words[at].lower() in TITLES or words[at].lower() in ROLE_TITLES):
        at += 1
    # "Harbour Commissioner Elias Brandt", "Bank of England Governor Ana Duarte": the name
    # is what follows the last role word
    for last_role in range(len(words) - 2, at - 1, -1):
        if words[last_role].lower() in ROLE_TITLES and last_role + 1 < len(words):
            if words[last_role + 1].lower() not in ("of", "for", "the"):
                at = last_role + 1
            break
    while at > 0 and words[at - 1].lower() in ("of", "for", "the"):
        at -= 1
    if at == 0:
        return "", name
    title, rest = words[:at], words[at:]
    if org_kind(rest) or rest[0].lower() in PARTICLES:
        return "", name
    if len(rest) == 1 and not any(w.lower() in PERSONAL_TITLES for w in title):
        return "", name
    return " ".join(title), " ".join(rest)


def honorific(title: str) -> str:
    """The part of a stripped title that stays with the name when it is shown: honorifics
    such as "Dr." and "Sen." do, role words such as "Opposition Leader" do not."""
    words = title.split()
    if words and all(w.lower() in TITLES for w in words):
        return title
    return ""


def bare_word(word: str) -> str:
    """`word` lower-cased without a possessive `’s`."""
    return word.lower().removesuffix("’s").removesuffix("'s")


_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*$")
_SURNAME_PREFIXES = ("Mc", "Mac", "De", "Le", "La", "Di", "Da", "Du", "Van", "Von", "Fitz")
"""Surnames with a capital inside ("McLeish", "DeSantis"): no sign of a company."""


def is_camel_case(word: str) -> bool:
    """Whether `word` is one capitalised word with a capital inside it ("WeWork",
    "AirAsia"), the way companies and brands are spelt, unlike surnames such as "McLeish"."""
    return bool(_CAMEL_CASE.match(word)) and not word.startswith(_SURNAME_PREFIXES)


def org_kind(words: list[str]) -> str:
    """The kind of organisation a name looks like: outlet, company, group, org, brand (a
    company or its product), or ""."""
    lows = [bare_word(w) for w in words]
    last = lows[-1]
    if is_camel_case(words[-1].removesuffix("’s").removesuffix("'s")):
        return "brand"  # a company or one of its products: "WeWork", "PlayStation"
    if last in OUTLET_NAME_WORDS or last.split("-")[-1] in OUTLET_NAME_WORDS:
        return "outlet"
    if last in COMPANY_NAME_WORDS:
        return "company"
    if last in GROUP_NAME_WORDS:
        return "group"
    if any(w in ORG_NAME_WORDS for w in lows):
        return "org"
    return ""


_WORD_FIRST_NAME_GENDERS = {
    **dict.fromkeys(
        "virginia georgia carolina sydney madison april june grace hope faith joy".split(), "f"
    ),
    **dict.fromkeys("austin houston dallas chase miles wade".split(), "m"),
}
"""First names that are also places or words (so never evidence that a name is a person's)
with the gender they tell once a name is known to be a person's."""


def gender_from_name(name: str) -> str:
    """ "m" or "f" when the title or the first name tells, else ""."""
    title, rest = strip_title(name)
    title = title.lower()
    if title in FEMALE_TITLES:
        return "f"
    if title in MALE_TITLES:
        return "m"
    first = rest.split()[0].lower() if rest.split() else ""
    if first in FEMALE_FIRST_NAMES:
        return "f"
    if len(rest.split()) >= 2 and first in _WORD_FIRST_NAME_GENDERS:
        # "Virginia Giuffre", a person by other evidence: her first name is also a place
        return _WORD_FIRST_NAME_GENDERS[first]
    if first in MALE_FIRST_NAMES or (first in _MALE_WORD_NAMES and len(rest.split()) >= 2):
        return "m"
    return ""


_MALE_WORD_NAMES = frozenset("bill will".split())
"""Men's first names the engine does not read as names on their own (they are also common
words), whose gender a full name still tells ("Bill Clinton")."""


POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")
"""How a possessive ends ("Morningstar's", "American Airlines'")."""


def without_possessive(word: str) -> str:
    """`word` without its possessive ending, case kept: "Morrison's" -> "Morrison",
    "American Airlines'" -> "American Airlines"."""
    for ending in POSSESSIVE_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + ending[:-1].rstrip("’'")
    return word


def split_names(words: list[str]) -> list[list[str]]:
    """The names in a run of capitalised words: cut after a possessive ("Mr. Hurst’s June
    report" -> "Mr. Hurst") and at "and" unless an organisation's name goes on past it
    ("Meridian and Southvale" -> two; "Northfield and Ashby Hospitals Trust" -> one)."""
    for at, word in enumerate(words[:-1]):
        if word.endswith(POSSESSIVE_ENDINGS):
            words = words[: at + 1]
            break
    for at in range(1, min(len(words) - 2, 4)):
        # "Sui-Lee Wee of the Daily Ledger", "Wee of the Ledger": a person and the outlet
        # or body they work for, not one name
        head, tail = words[:at], words[at + 2 :]
        if (
            words[at] == "of"
            and words[at + 1] == "the"
            and org_kind(tail)
            and not org_kind(head)
            and all(w[:1].isupper() and w.lower() not in TITLES for w in head)
            and not any(bare_word(w) in ORG_NAME_WORDS for w in head)
        ):
            return [head, words[at + 1 :]]
    for at in range(2, min(len(words) - 1, 5)):
        # "Lucas Hale of Vell University": a person (a first name opens it) and their body
        head, tail = words[:at], words[at + 1 :]
        if (
            words[at] == "of"
            and looks_like_first_name(
                bare_word(next((w for w in head if w.lower() not in TITLES), head[-1]))
            )
            # "Lucas Hale of Vell University", "Jonathan Matuszewski of Jefferies"
            and (org_kind(tail) or len(tail) <= 3)
            and not org_kind(head)
            and all(w[:1].isupper() for w in head)
        ):
            return [head, tail]
    if "and" in words and bare_word(words[-1]) not in ORG_NAME_WORDS:
        parts: list[list[str]] = [[]]
        for word in words:
            if word == "and":
                parts.append([])
            else:
                parts[-1].append(word)
        return parts
    return [words]


_ROLE_AFTER = re.compile(r",[^\S\n](?:\d+,[^\S\n])?((?:[\w’'-]+[^\S\n]?){1,6})")


_OFFICES = frozenset(
    """president governor mayor senator representative premier chancellor minister
    secretary judge sheriff""".split()
)
"""Public offices: of two holders a text names, "the governor" is the one it spoke of
last."""
_TITLE_ROLES = {
    "gov.": "governor",
    "gov": "governor",
    "sen.": "senator",
    "rep.": "representative",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "maj.": "major",
    "capt.": "captain",
    "sgt.": "sergeant",
    "supt.": "superintendent",
    "det.": "detective",
    "insp.": "inspector",
    "adm.": "admiral",
    "pres.": "president",
    "amb.": "ambassador",
    "atty.": "attorney",
    "prof.": "professor",
    "professor": "professor",
}
"""The role an abbreviated title stands for ("Gov. Eric Holcomb" is "the governor")."""


def role_before(text: str, start: int) -> str:
    """The role word just before a name at `start` ("developer Ammar Askar", "her mother,
    Fiona", "chief of staff, Andriy Yermak"), or ""."""
    tail = text[max(0, start - 60, text.rfind("\n", max(0, start - 60), start) + 1) : start]
    if not tail[-1:].isspace():
        return ""  # (never across a line break: "... the US president\nKenya trip")
    words = tail.split()
    if not words:
        return ""
    if words[-1].lower() in _TITLE_ROLES:
        return _TITLE_ROLES[words[-1].lower()]  # "Republican Gov. Eric Holcomb": a governor
    last = words[-1].rstrip(",:").lower().removeprefix("co-")  # "co-founder": a founder
    if "-" in last and is_role_word(last.rsplit("-", 1)[-1]):
        last = last.rsplit("-", 1)[-1]  # "writer-director J.C. Chandor": a director
    if not words[-1][:1].isupper():
        if is_role_word(last):
            return last
        if last.endswith("s") and last[:-1] in PERSON_ROLES and words[-1].endswith(","):
            return last[:-1]  # "Two council members, Ray Holcomb and Denise Abara, ..."
    # "chief of staff, ": the role before an "of" phrase
    for at in range(len(words) - 2, max(-1, len(words) - 7), -1):
        if words[at].lower() == "of" and at > 0 and words[at - 1].lower() in PERSON_ROLES:
            if words[-1].endswith((",", ":")):
                return words[at - 1].lower()
            break
    return ""


def role_after(text: str, end: int) -> str:
    """The role in an appositive after a name at `end` (", a logistics economist", ",
    president of ...", ", 54, a retired teacher"), or ""."""
    match = _ROLE_AFTER.match(text, end, min(len(text), end + 90))
    if match is None:
        return ""
    words = [w.lower() for w in match.group(1).split()]
    if words[0] in PERSON_ROLES:
        return words[0]  # ", president of ..."
    if words[0] not in ("a", "an", "the", "its", "our", "their", "his", "her"):
        return ""  # ", whose husband ...": someone else's role
    for word in words[1:6]:
        if word in PERSON_ROLES:
            return word
        if word in REPORTING_VERBS:
            break
    return ""


"""A role next to a capitalised name makes it a person's: "its director, Tomasz Wieczorek";
"developer Ammar Askar"; "Dr. Helen Marsh, a logistics economist"; "Joe Carbone,
president of ..."."""
_SPEECH = (
    "said|says|told|tells|wrote|writes|added|adds|explained|explains|recalled|recalls|noted"
    "|notes|argued|argues|insisted|insists|asked|asks|acknowledged|admitted|denied|confirmed"
    "|warned|warns|replied|replies|testified|tweeted|responded|responds|interjected|rejoined"
    "|quipped|countered|continued|declared|conceded|retorted|exclaimed|pleaded|laughed"
)
SPEAKER_AFTER = re.compile(
    r"\s*(?:\([^()\n]{1,20}\)\s*)?(?:,\s\d{1,3},)?\s*(?:(?:has|had|have|also|then|later|"
    rf"previously|once|first)\s+)*(?:{_SPEECH})\b"
)
SPEAKER_BEFORE = re.compile(rf"(?:{_SPEECH}|according to)\s$")
AGE_AFTER = re.compile(r",\s\d{1,3},|,[^\S\n]+of[^\S\n]+the[^\S\n]")
"""An age ("Smith, 54,") or an affiliation ("Finn Brennan, of the drivers' union") after a
name: a person's."""
PERSON_PRONOUN = re.compile(r"\b(?:she|he|her|his|him|herself|himself)\b", re.IGNORECASE)
CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|$)", re.M)
"""A name that speaks ("Ammar Askar wrote", "..., said Mar Hicks." but not "said Carrow
Point was") or is given an age ("Smith, 54,") is a person's when it has two words or more
and no organisation word."""


COMMON_ONE_WORD_SUBJECTS = frozenset(
    """police officials authorities prosecutors investigators witnesses residents experts
    critics analysts officers doctors researchers scientists""".split()
)
"""Capitalised words that open a sentence and speak without being anyone's name."""


_IMPERATIVES = frozenset(
    "see read watch click follow sign subscribe share download listen visit join".split()
)
"""Verbs that open a line of a page ("See Facebook's policy"): never part of a name."""


def _opening_verb(text: str, pos: int, words: list[str]) -> bool:
    """Whether the first of two capitalised `words` (at `pos`) is a verb opening a
    sentence before a one-word name ("Hosting Cook at the show was a dream"): an -ing
    form that is no first name ("Sterling Brown") nor part of a company's name ("Boeing
    Co.")."""
    word = words[0].lower()
    if len(words) != 2 or len(word) < 6 or not word.endswith("ing"):
        return False
    if looks_like_first_name(word) or org_kind(words):
        return False
    before = text[max(0, pos - 3) : pos].rstrip(" “\"'‘")
    return not before or before[-1] in ".!?:\n"


PHOTO_CREDITS = frozenset(
    "GETTY Getty REUTERS AFP AP PA EPA SHUTTERSTOCK Shutterstock ALAMY Alamy REX".split()
)
"""Photo credits that a caption run into the text leaves before a name ("GETTY Obama")."""


def collect_name(
    text: str,
    pos: int,
    words: list[str],
    found: list[tuple[int, str, str, list[str], str]],
    titled: set[str],
    possessives: set[int],
) -> None:
    """Add one name (its words as in the text, at `pos`) to `found` as (offset, title,
    name, its words, role), and its last word to `titled` when the text says it is a
    person's."""
    skipped = 0
    while words and (
        words[0].lower() in DETERMINERS
        or words[0].lower() in FUNCTION_WORDS
        or words[0].lower() in PHRASE_PREPOSITIONS
        or words[0].lower() in OPENING_ADVERBIALS
        or words[0] in ("And", "I", "But", "Or", "So", "To", "As", "Like")
        or words[0].lower() in _IMPERATIVES
        or (words[0] in PHOTO_CREDITS and len(words) > 1)  # "GETTY Obama", not "AFP"
        or (words[0].endswith("-based") and len(words) > 1)  # "US-based Mondelez"
        or _opening_verb(text, pos + skipped, words)
    ):
        skipped += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in PARTICLES:
        words = words[:-1]
    if not words or words[-1].lower() in DATE_WORDS:
        return
    if words[0].lower() in DATE_WORDS and (len(words) == 1 or words[1].lower() in DATE_WORDS):
        return  # "March", "Monday" (but "June Almeida", "Mar Hicks" are names)
    title, rest = strip_title(" ".join(words))
    rest_words = [w for w in rest.split() if w]
    if not rest_words:
        return
    for at in range(1, len(rest_words) - 1):
        # "Browns DL Sheldon Richardson": the name starts at its first name
        before = rest_words[at - 1]
        if (
            looks_like_first_name(bare_word(rest_words[at]))
            and not looks_like_first_name(bare_word(before))
            # "Browns DL Sheldon Richardson", "Veteran Wall Streeter Charlotte Beyer",
            # "Morningstar's Karin Anderson": the words before a first name that opens
            # two to four words of name are a role, a team or an employer, no part of it
            # (a role word, a possessive, or two words or more: one unknown word before a
            # first name may be a first name of its own, "Oluwaseun Daniel Adeyemi")
            and (is_role_or_team_word(before) or before.endswith(POSSESSIVE_ENDINGS) or at >= 2)
            and before.lower() not in PARTICLES
            and before.lower() not in TITLES
            and not (len(before) == 2 and before.endswith("."))
            and len(rest_words) - at <= 4
            and not org_kind(rest_words[at:])
        ):
            skipped += len(" ".join(rest_words[:at])) + 1
            title, rest_words = " ".join([title, *rest_words[:at]]).strip(), rest_words[at:]
            break
    possessive = rest_words[-1].endswith(("’s", "'s"))
    rest_words[-1] = rest_words[-1].removesuffix("’s").removesuffix("'s")
    start = pos + skipped
    end = start + len(" ".join(words))
    role = ""
    if not org_kind(rest_words):
        role = role_before(text, start) or role_after(text, end)
        if not role and title and not honorific(title):
            role = title.split()[-1].lower()
        elif not role and title:
            role = _TITLE_ROLES.get(title.split()[-1].lower(), "")  # "Gov." -> governor
        if len(rest_words) == 1 and (
            SPEAKER_AFTER.match(text, end)
            or (
                # "..., said Yusuf, who ...", "According to Solis,"
                (
                    SPEAKER_BEFORE.search(text, max(0, start - 14), start)
                    or text[max(0, start - 13) : start] == "According to "
                )
                and CLAUSE_END.match(text, end)
            )
        ):
            # "Holcomb argued that": a surname that speaks ("Ray Holcomb" is a person)
            titled.add(rest_words[0].lower())
            titled.add(fold(rest_words[0]))
            # "Lupita told police it was taken from her room": a first name that speaks
            pronoun = PERSON_PRONOUN.search(text, end, min(len(text), end + 160))
            if pronoun is not None and "\n" not in text[end : pronoun.start()]:
                titled.add("first:" + rest_words[0].lower())  # "Lupita" of "Lupita Nyong'o"
        if (
            title
            or role
            or (
                len(rest_words) >= 2
                and (
                    SPEAKER_AFTER.match(text, end)
                    or (
                        SPEAKER_BEFORE.search(text, max(0, start - 14), start)
                        and CLAUSE_END.match(text, end)
                    )
                    or AGE_AFTER.match(text, end)
                )
            )
        ):
            titled.add(rest_words[-1].lower())
            titled.add(fold(rest_words[-1]))
            if len(rest_words) == 1 and role:
                titled.add("first:" + rest_words[0].lower())
    if possessive:
        possessives.add(start)
    found.append((start, title, " ".join(rest_words), rest_words, role))


_BODY_NOUN = (
    r"(?:agency|ministry|department|council|commission|office|authority|board|regulator"
    r"|institute|university|government|union|watchdog|inspectorate|panel|committee|firm|company)\b"
)
"""A body named by a description that can make a report ("the maritime agency")."""
_MAKER_NAME = r"[A-Z][\w’'.-]*(?:(?:[^\S\n]+(?:of|on|for|and|the|&)){0,2}[^\S\n]+[A-Z][\w’'.-]*)*"
DOCUMENT_BY = re.compile(
    r"\b(report|study|survey|analysis|review|poll|audit|assessment|paper|findings|research|statement|letter)\b"
    r",?[^\S\n]+(?:(?:released|published|prepared|conducted|produced|issued|compiled|written"
    r"|led|authored|carried[^\S\n]+out)(?:[^\S\n]+[\w,]+){0,4}?[^\S\n]+by|by|from)[^\S\n]+"
    r"(?:[a-z][\w-]*[^\S\n]+){0,3}?"
    rf"((?:the[^\S\n]+)?{_MAKER_NAME}(?:[^\S\n]+and[^\S\n]+(?:his|her|their)?[^\S\n]*(?:colleagues|co-authors|team))?"
    rf"|the[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){{0,3}}?{_BODY_NOUN}(?![^\S\n]+[A-Z]))"
)
"""A document and who made it: "a new report released on Monday by Stanford University's
Center on Poverty and Inequality", "a study by X", "the report from X", "the study,
prepared by the engineering firm X"."""
REPORT_IN = re.compile(
    rf"\b(report|story|article)[^\S\n]+in[^\S\n]+((?:[Tt]he[^\S\n]+)?{_MAKER_NAME})"
)
"""A report an outlet ran: "a report in the Argus Leader" (the outlet is its maker)."""
MAKER_RELEASES = re.compile(
    rf"((?:[Tt]he[^\S\n]+)?{_MAKER_NAME})"
    r"(?:[^\S\n]+(?:under|at|in|of)(?:[^\S\n]+[\w’'.-]+){1,4}?)?"
    r"[^\S\n]+(?:(?:has|had|have|on[^\S\n]+\w+)[^\S\n]+)?"
    r"(?:released|delivered|published|issued|unveiled|presented|produced|commissioned)"
    r"[^\S\n]+(?:its|their|a|an|the)[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}?"
    r"(report|study|survey|analysis|review|poll|audit|assessment|findings|research|statement|letter)\b"
)
"""A maker that releases its document: "the Vatican under Pope Francis delivered its final
report", "The institute published a new study"."""
TEAM = re.compile(
    r"[^\S\n]+and[^\S\n]+(?:his[^\S\n]+|her[^\S\n]+|their[^\S\n]+)?(?:colleagues|co-authors|team)\b"
)
"""A research team named by its leader: "Dr. Shadlen and colleagues" (the leader's name
is read back from before " and colleagues")."""
_LEADER = re.compile(rf"(?:(?:Dr|Prof)\.[^\S\n])?{_MAKER_NAME}$")


def _lower_the(maker: str) -> str:
    """A maker's name with a leading "The" in lower case ("The Argus Leader" -> "the Argus
    Leader"), as claimants are shown."""
    first, _, rest = maker.partition(" ")
    return f"the {rest}" if first == "The" and rest else maker


def scan_makers(text: str, names: Names) -> None:
    """Record who made the documents and studies the text mentions (`Names.makers`)."""
    found: list[tuple[int, str, str]] = []
    for match in DOCUMENT_BY.finditer(text):
        found.append((match.start(), match.group(1).lower(), match.group(2)))
    for match in REPORT_IN.finditer(text):
        found.append((match.start(), match.group(1).lower(), _lower_the(match.group(2))))
    for match in MAKER_RELEASES.finditer(text):
        found.append((match.start(2), match.group(2).lower(), _lower_the(match.group(1))))
    for match in TEAM.finditer(text):
        window = max(0, match.start() - 80)
        leader = None
        for candidate in _LEADER.finditer(text, window, match.start()):
            if candidate.end() == match.start():
                leader = candidate
                break
        if leader is not None:
            found.append((leader.start(), "team", text[leader.start() : match.end()]))
    found.sort()
    names.makers = found


def in_quotation(text: str, pos: int) -> bool:
    """Whether `pos` lies inside a quotation of its paragraph (as `quoted_spans` reads the
    paragraph's quotation marks)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    spans = _paragraph_quotes(text, start, len(text) if end < 0 else end)
    index = bisect_right(spans, (pos, len(text))) - 1
    return index >= 0 and spans[index][0] < pos < spans[index][1]


@lru_cache(maxsize=16)
def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of one paragraph, read once for all the names in it (a string's hash
    is kept with it, so the key costs nothing after the first call)."""
    return quoted_spans(text, start, end)


_CREDIT = re.compile(r"[^\S\n]*/[^\S\n]*[A-Z]")
"""A photo credit after a name ("Anthony Wallace / AFP - Getty Images"): the photographer
is no one a later "he" means."""


def scan_names(text: str) -> Names:
    """Find the names of the text.

    A capitalised name is a person's when it carries a title ("Dr.", "Sen."), starts with a
    common first name, has a role next to it ("developer Ammar Askar"), speaks ("Ammar
    Askar wrote"), or its last word appears elsewhere with such evidence ("Mr. Varma" makes
    "Sunil Varma" a person); "Carrow Point" is not.
    """
    found: list[tuple[int, str, str, list[str], str]] = []
    titled: set[str] = set()
    possessives: set[int] = set()
    midcaps: set[str] = set()
    for match in NAME_PATTERN.finditer(text):
        words = match.group().split(" ")
        before = text[max(0, match.start() - 2) : match.start()].strip()
        if before and (before[-1].islower() or before[-1] in ",;"):
            midcaps.update(words)
        pos = match.start()
        for part in split_names(words):
            if part:
                pos = text.find(part[0], pos)
                collect_name(text, pos, part, found, titled, possessives)
    names = Names()
    names.midcaps = midcaps
    names.possessive_mentions = possessives

    def is_person(title: str, rest_words: list[str]) -> bool:
        last = rest_words[-1].lower()
        first_word = rest_words[0].lower()
        return (
            not org_kind(rest_words)
            and " ".join(rest_words) not in PLACE_NAMES  # "South Africa said"
            and len(rest_words) <= 4
            and (
                bool(title)
                or looks_like_first_name(first_word)
                or (
                    len(rest_words) >= 2
                    and (last in titled or fold(last) in titled or "first:" + first_word in titled)
                )
                # "Yusuf said ... he added": a one-word name that speaks and is then "he"
                # or "she" (a person known by one name, or whose full name the text omits)
                or (
                    len(rest_words) == 1
                    and "first:" + first_word in titled
                    and first_word not in names.full
                    and fold(first_word) not in names.full
                    and first_word not in names.first
                    and first_word not in COMMON_ONE_WORD_SUBJECTS
                    and rest_words[0] in midcaps  # also capitalised inside a sentence
                )
            )
        )

    # First the full names (two words or more), so that a short name can stand for one
    # the text gives only later ("her mother, Fiona, said" ... "Fiona Parry").
    for pos, title, rest, rest_words, _ in found:
        if len(rest_words) < 2 or rest_words[0].lower() in PARTICLES:
            continue  # a short name ("Varma", "de Miranda") stands for a full one
        shown = honorific(title)
        name = f"{shown} {rest}" if shown else rest
        last = surname_of(rest_words).lower()
        for key in {last, last.split("-")[-1], fold(last)}:
            if key not in names.full:
                names.full[key] = name
        if is_person(title, rest_words):
            names.persons.add(name)
            names.first.setdefault(rest_words[0].lower(), name)
            for key in {last, fold(last)}:
                names.by_last.setdefault(key, []).append((pos, name))
        elif org_kind(rest_words):
            names.first.setdefault(rest_words[0].lower(), name)
    alias = names.alias = nickname_aliases(names)
    # Then every mention, short or full.
    for pos, title, rest, rest_words, role in found:
        shown = honorific(title)
        name = f"{shown} {rest}" if shown else rest
        last = rest_words[-1].lower()
        full: str | None
        if len(rest_words) >= 2 and rest_words[0].lower() not in PARTICLES:
            full = alias.get(name, name)
        else:
            full = names.full.get(last) or names.full.get(fold(last)) or names.first.get(last)
            if full is None and len(rest_words) == 1 and is_camel_case(rest_words[0]):
                full = rest  # "WeWork": a company's one-word name
            if full is not None and full in names.persons:
                full = names.latest(last, pos) or names.latest(fold(last), pos) or full
        if is_person(title, rest_words) or (full is not None and full in names.persons):
            if full is None or full not in names.persons:
                full = name
                names.persons.add(name)
            # "Omar" for "Ilhan Omar" is a surname: the full name's first name tells
            gender = gender_from_name(full if full != name else name)
            if not gender and role:
                gender = "f" if role in FEMALE_ROLES else ("m" if role in MALE_ROLES else "")
            if gender:
                names.gender.setdefault(full, gender)
            if (
                not in_quotation(text, pos)
                and not attributive(text, pos, rest_words[-1])
                and not _CREDIT.match(text, pos + len(name))
            ):
                names.person_mentions.append((pos, full))
            if role:
                names.roles.setdefault(role, []).append((pos, full))
        elif full is not None:
            org = org_kind(full.split())
            if org:
                names.org_mentions.append((pos, full, org))
    scan_makers(text, names)
    return names


NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
"""Words after a surname that are no surname ("James P. Kennedy Jr.")."""


def surname_of(words: list[str]) -> str:
    """The surname among a name's words: the last, or the one before a suffix ("Jr.")."""
    if len(words) >= 3 and words[-1].lower() in NAME_SUFFIXES:
        return words[-2].rstrip(",")
    return words[-1]


def fold(word: str) -> str:
    """A lower-case surname as spellings of it agree: accents dropped and German umlauts
    spelt out or not ("Müller", "Mueller" and "Muller" -> "muller")."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch)
    )
    return plain.replace("ue", "u").replace("oe", "o").replace("ae", "a")


def nickname_aliases(names: Names) -> dict[str, str]:
    """Person -> the fuller form of the same name when the text gives one person two first
    names, one the start of the other ("Josh Apte" and "Joshua Apte"); `names` is updated
    so that the short form stands for the full one everywhere."""
    alias: dict[str, str] = {}
    for mentions in names.by_last.values():
        people = sorted({name for _, name in mentions}, key=len)
        for short in people:
            first, _, rest = short.partition(" ")
            for long in people:
                long_first, _, long_rest = long.partition(" ")
                if (
                    long != short
                    and rest == long_rest
                    and len(first) >= 3
                    and long_first.lower().startswith(first.lower())
                ):
                    alias[short] = long
                    break
    if alias:
        for key, name in list(names.full.items()):
            names.full[key] = alias.get(name, name)
        for key, name in list(names.first.items()):
            names.first[key] = alias.get(name, name)
        for key, mentions in names.by_last.items():
            names.by_last[key] = [(pos, alias.get(name, name)) for pos, name in mentions]
    return alias


_ATTRIBUTIVE_AFTER = re.compile(r"[^\S\n]+([a-z][a-z-]+)\b")


def attributive(text: str, pos: int, last_word: str) -> bool:
    """Whether the name at `pos` (ending with `last_word`) modifies the noun after it rather
    than naming someone there: "the Miss Idaho title", "the Biden administration"."""
    if text[max(0, pos - 4) : pos] not in ("the ", "The "):
        return False
    end = text.find(last_word, pos)
    if end < 0:
        return False
    match = _ATTRIBUTIVE_AFTER.match(text, end + len(last_word))
    if match is None:
        return False
    word = match.group(1)
    return (
        word not in FUNCTION_WORDS
        and word not in REPORTING_VERBS
        and word not in PHRASE_PREPOSITIONS
        and word not in ("and", "or")
        and not word.endswith("ed")
    )


def is_outlet_name(name: str) -> bool:
    """Whether `name` is a capitalised name that ends like a news outlet's ("the Gazette")."""
    words = name.split()
    if not words or not any(w[:1].isupper() for w in words):
        return False
    last = bare_word(words[-1])
    return last in OUTLET_NAME_WORDS or last.split("-")[-1] in OUTLET_NAME_WORDS


def with_article(name: str, kind: str) -> str:
    """ "the Harbour Gazette" for outlets, groups and other organisations; companies and
    people go without the article."""
    return "the " + name if kind in ("outlet", "group", "org") else name
