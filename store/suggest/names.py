"""The names of a whole article: which capitalised names are people (and of which gender),
which are outlets, companies, groups or other organisations, and the fuller name a short
form stands for ("Ms. Achterberg" -> "Helen Achterberg").

The article is scanned once, before its sentences are read, so that a name met later can
still tell what an earlier mention was ("Mr. Varma" makes "Sunil Varma" a person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimmark.store.suggest.words import (
    COMPANY_NAME_WORDS,
    DATE_WORDS,
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    GROUP_NAME_WORDS,
    MALE_FIRST_NAMES,
    MALE_TITLES,
    ORG_NAME_WORDS,
    OUTLET_NAME_WORDS,
    TITLES,
)

NAME_PATTERN = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Cllr)\.\s|(?:Sir|Dame|Lady|Lord|Baroness|Councillor|Professor)\s)?"
    r"[A-Z][\w’'\-]*(?:\s(?:(?:of|for|and|the|de|van|von|da|&)\s)?[A-Z][\w’'\-]*)*"
)
"""A run of capitalised words, with an optional title and inner particles ("of", "von")."""


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
    """(offset, full name) of every mention of a person."""
    org_mentions: list[tuple[int, str, str]] = field(default_factory=list)
    """(offset, full name, kind) of organisations: kind is outlet, company, group or org."""

    def is_person(self, name: str) -> bool:
        """Whether `name` (a full name the engine hands out) is a person's."""
        return name in self.persons


def strip_title(name: str) -> tuple[str, str]:
    """(title, rest) of a name such as "Dr. Priya Ramanathan"."""
    parts = name.split(" ", 1)
    if len(parts) == 2 and parts[0].lower() in TITLES:
        return parts[0], parts[1]
    return "", name


def bare_word(word: str) -> str:
    """`word` lower-cased without a possessive `’s`."""
    return word.lower().removesuffix("’s").removesuffix("'s")


def org_kind(words: list[str]) -> str:
    """The kind of organisation a name looks like: outlet, company, group, org, or ""."""
    lows = [bare_word(w) for w in words]
    last = lows[-1]
    if last in OUTLET_NAME_WORDS or last.split("-")[-1] in OUTLET_NAME_WORDS:
        return "outlet"
    if last in COMPANY_NAME_WORDS:
        return "company"
    if last in GROUP_NAME_WORDS:
        return "group"
    if any(w in ORG_NAME_WORDS for w in lows):
        return "org"
    return ""


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
    if first in MALE_FIRST_NAMES:
        return "m"
    return ""


def split_names(words: list[str]) -> list[list[str]]:
    """The names in a run of capitalised words: cut after a possessive ("Mr. Hurst’s June
    report" -> "Mr. Hurst") and at "and" unless an organisation's name goes on past it
    ("Meridian and Southvale" -> two; "Northfield and Ashby Hospitals Trust" -> one)."""
    for at, word in enumerate(words[:-1]):
        if word.endswith(("’s", "'s")):
            words = words[: at + 1]
            break
    if "and" in words and bare_word(words[-1]) not in ORG_NAME_WORDS:
        parts: list[list[str]] = [[]]
        for word in words:
            if word == "and":
                parts.append([])
            else:
                parts[-1].append(word)
        return parts
    return [words]


ROLE_BEFORE = re.compile(
    r"(?:director|executive|secretary|minister|spokeswoman|spokesman|spokesperson|editor"
    r"|correspondent|reporter|founder|chair|chairman|chairwoman|chief|manager|engineer"
    r"|economist|adviser|advisor|officer|president|mayor|leader|head|counsel|councillor"
    r"|colleague|wife|husband|daughter|son|mother|father|lawyer|analyst|professor|doctor)"
    r"[,:]?\s$"
)
ROLE_AFTER = re.compile(
    r",\s(?:\d+,\s)?(?:a|an|the|its|our|their|his|her)\s(?:[\w’'-]+\s){0,4}?"
    r"(?:director|executive|secretary|minister|spokeswoman|spokesman|spokesperson|editor"
    r"|correspondent|reporter|founder|chair|chairman|chairwoman|chief|manager|engineer"
    r"|economist|adviser|advisor|officer|president|mayor|leader|head|counsel|councillor"
    r"|consultant|lawyer|analyst|professor|doctor|nurse|teacher|resident|owner|expert"
    r"|scientist|researcher|historian|campaigner|activist|worker|member)\b"
)
"""A role next to a capitalised name makes it a person's: "its director, Tomasz Wieczorek";
"Dr. Helen Marsh, a logistics economist"."""


def collect_name(
    text: str,
    pos: int,
    words: list[str],
    found: list[tuple[int, str, str, list[str]]],
    titled: set[str],
) -> None:
    """Add one name (its words as in the text, at `pos`) to `found`."""
    skipped = 0
    while words and (
        words[0].lower() in DETERMINERS
        or words[0].lower() in FUNCTION_WORDS
        or words[0] in ("And", "I", "But", "Or", "So")
    ):
        skipped += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in ("of", "for", "the", "&"):
        words = words[:-1]
    if not words or words[0].lower() in DATE_WORDS or words[-1].lower() in DATE_WORDS:
        return
    title, rest = strip_title(" ".join(words))
    rest_words = [w for w in rest.split() if w]
    if not rest_words:
        return
    rest_words[-1] = rest_words[-1].removesuffix("’s").removesuffix("'s")
    start = pos + skipped
    end = start + len(" ".join(words))
    if not org_kind(rest_words) and (
        title
        or (
            len(rest_words) >= 2
            and (ROLE_BEFORE.search(text, max(0, start - 30), start) or ROLE_AFTER.match(text, end))
        )
    ):
        titled.add(rest_words[-1].lower())
    found.append((start, title, " ".join(rest_words), rest_words))


def scan_names(text: str) -> Names:
    """Find the names of the text.

    A capitalised name is a person's when it carries a title ("Dr.", "Dame"), starts with a
    common first name, or its last word appears elsewhere with a title ("Mr. Varma" makes
    "Sunil Varma" a person); "Carrow Point" is not.
    """
    found: list[tuple[int, str, str, list[str]]] = []
    titled: set[str] = set()
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
                collect_name(text, pos, part, found, titled)
    names = Names()
    names.midcaps = midcaps
    for pos, title, rest, rest_words in found:
        name = f"{title} {rest}" if title else rest
        last = rest_words[-1].lower()
        kind = org_kind(rest_words)
        person = (
            not kind
            and len(rest_words) <= 3
            and (
                bool(title)
                or rest_words[0].lower() in FEMALE_FIRST_NAMES
                or rest_words[0].lower() in MALE_FIRST_NAMES
                or (len(rest_words) >= 2 and last in titled)
            )
        )
        if len(rest_words) >= 2:
            for key in {last, last.split("-")[-1]}:
                if key not in names.full:
                    names.full[key] = name
            if person:
                names.persons.add(name)
                names.first.setdefault(rest_words[0].lower(), name)
            elif kind:
                names.first.setdefault(rest_words[0].lower(), name)
        if len(rest_words) >= 2:
            full: str | None = names.full.get(last, name)
        else:
            full = names.full.get(last) or names.first.get(last)
        if person or (full is not None and full in names.persons):
            if full is None or full not in names.persons:
                full = name
                names.persons.add(name)
            gender = gender_from_name(name)
            if gender:
                names.gender.setdefault(full, gender)
            names.person_mentions.append((pos, full))
        elif full is not None:
            org = org_kind(full.split())
            if org:
                names.org_mentions.append((pos, full, org))
    return names


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
