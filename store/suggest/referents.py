"""Referents: whom a pronoun ("he", "she", "it", "they"), a short name ("Ms. Achterberg") or a
definite description ("the company", "the spokesperson") points back to.

`Referents` holds, for one article, its names (`names.scan_names`) and the claimants and
subjects met so far, in order; the engine records each claimant as it goes
(`Referents.remember`), and later sentences ask for the latest fitting one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimmark.store.suggest.names import (
    PARTICLES,
    Names,
    bare_word,
    fold,
    is_outlet_name,
    org_kind,
    scan_names,
    strip_title,
    with_article,
)
from claimmark.store.suggest.tokens import ABBREVIATED_TITLES as TITLE_ABBREVIATIONS
from claimmark.store.suggest.words import (
    BODY_NAME_WORDS,
    DETERMINERS,
    PHRASE_PREPOSITIONS,
    PLACE_NAMES,
    SPOKESPEOPLE,
    TIME_WORDS,
    TITLES,
)

if TYPE_CHECKING:
    from claimmark.store.suggest.claimants import Candidate


_POSSESSIVE_REACH = 200
"""How far before a possessive mention the person a pronoun means may be named."""


@dataclass(slots=True)
class Referent:
    """Someone a later pronoun may refer to."""

    offset: int
    name: str
    gender: str
    """"m", "f" or "" (unknown)."""
    anonymous: bool
    end: int = -1
    """End of the sentence that introduced the referent (-1: a mention, not a sentence)."""
    kind: str = ""
    """For organisations: "outlet", "company", "group", "org" or "brand"."""


_STATEMENT_MADE = re.compile(
    r"\b(?:in|issued|released|put[^\S\n]+out)[^\S\n]+(?:an?|its|their)[^\S\n]+"
    r"(?:[\w-]+[^\S\n]+){0,2}?(statement|letter)\b"
)
"""A claimant's own statement or letter ("said in a statement", "in a letter to staff")."""
_SENTENCE_OPENING_NAME = re.compile(
    r"(?:^|(?<=[.!?])[\"”’)]*[^\S\n]+)(?P<name>[A-Z][\w&’'.-]*(?:[^\S\n]+[A-Z][\w&’'-]*){0,3})"
    r"(?=[^\S\n]+[a-z])",
    re.M,
)
"""A capitalised name opening a sentence, followed by a word in lower case (its verb)."""
_NOT_NAME_OPENERS = (
    DETERMINERS
    | PHRASE_PREPOSITIONS
    | TIME_WORDS
    | TITLES
    | frozenset(
        """and but or however yet so it he she they we i you there here when while if as
        after before officials shares sales prices police experts analysts critics residents
        some many most several few all both each every no one two three four five last
        next""".split()
    )
)
"""Words that open a sentence without being a body's name ("Officials said", "However, ...")."""
_NOT_BODY_WORDS = frozenset("said says according".split())


def _possessives(word: str) -> tuple[str, str]:
    """`word` in the possessive, both ways of writing it ("Skyvia's", "Skyvia’s")."""
    return f"{word}'s", f"{word}’s"


_AND_WORD = re.compile(r" and [A-Z][a-z]+(?![\w-]| [A-Z])")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘A-Z])")
_HE = re.compile(r"\b[Hh]e\b(?![’'])")
_SHE = re.compile(r"\b[Ss]he\b(?![’'])")


def _previous_sentence_start(text: str, start: int, reach: int = 400) -> int | None:
    """Where the sentence before the one starting at `start` starts (in the same paragraph
    or the one before), or None when it cannot be told."""
    end = start
    while end > 0 and text[end - 1] in " \n":
        end -= 1
    if end == 0:
        return None
    low = max(0, end - reach)
    paragraph = text.rfind("\n", low, end - 1)
    begin = paragraph + 1 if paragraph >= 0 else low
    found = begin if paragraph >= 0 or low == 0 else None
    for match in _SENTENCE_END.finditer(text, begin, end - 1):
        word = text[match.start() - 4 : match.start()].split()[-1:] or [""]
        if word[0].rstrip(".") in TITLE_ABBREVIATIONS or len(word[0].strip("(")) == 1:
            continue  # "Mr. Hart", "C. Eugene": no sentence end
        found = match.end()
    return found


def _acronym_forms(words: list[str]) -> list[list[str]]:
    """The word lists whose initials may stand for a name: the whole name, then without a
    leading nationality ("Chinese Center for Disease Control" -> CDC) and without a last
    "and ..." ("Center for Disease Control and Prevention" -> CDC)."""
    forms = [words]
    if len(words) > 2 and (words[0].endswith(("ese", "an", "ish")) or words[0] in ("US", "U.S.")):
        forms.append(words[1:])
    for form in list(forms):
        if "and" in form[1:-1]:
            forms.append(form[: form.index("and", 1)])
    return forms


class Referents:
    """The names of one text and the referents met so far."""

    def __init__(self, text: str, names: Names | None = None) -> None:
        self.text = text
        self.names = scan_names(text) if names is None else names
        """The names of the text (or, for a headline, those of the article body)."""
        own = names is None  # another text's mentions have no offsets in this one
        self._person_offsets = [pos for pos, _ in self.names.person_mentions] if own else []
        self._org_offsets = [pos for pos, _, _ in self.names.org_mentions] if own else []
        self.people: list[Referent] = []
        """Person claimants and subjects, in order."""
        self.orgs: list[Referent] = []
        """Organisation claimants, in order."""
        self.groups: list[Referent] = []
        """Plural claimants ("officials"), in order."""
        self.last_spokesperson: Referent | None = None
        """The last named spokesperson, for "the spokesperson"."""
        self._acronyms: dict[str, str] | None = None
        """Initials (lower case) -> the organisation's name, built on first use."""

    def expand(self, phrase: str, offset: int = -1) -> str:
        """The fuller form of a short name: "Ms. Achterberg" -> "Helen Achterberg",
        "the Gazette" -> "the Harbour Gazette". A surname that several people share is the
        one named last before `offset` (when given)."""
        words = phrase.split()
        if not words:
            return phrase
        if (
            len(words) == 3
            and words[1] == "and"
            and words[0][:1].isupper()
            and words[2][:1].isupper()
        ):
            # "Noel and Thomas" -> "Tova Noel and Michael Thomas": two people, each in full
            first, second = self.expand(words[0], offset), self.expand(words[2], offset)
            if self.names.is_person(first) and self.names.is_person(second):
                return f"{first} and {second}"
            return phrase
        bare = words[1:] if words[0].lower() == "the" else words
        if bare and len(bare) <= 2 and bare[-1].isupper() and len(bare[-1]) > 1:
            # "the CDC", "the Chinese CDC": the name an acronym stands for, before a longer
            # name that merely ends with it
            full = self.org_described(["", *bare] if len(bare) == 1 else bare, offset)
            if full is not None and full != " ".join(bare):
                if words[0].lower() == "the" or org_kind(full.split()) in (
                    "outlet",
                    "group",
                    "org",
                ):
                    return "the " + full
                return full
        lead = False
        if words[0].lower() == "the" and len(words) == 2 and words[1][:1].isupper():
            lead, words = True, words[1:]
        if len(words) >= 2 and words[0][:1].isupper() and words[0].lower() not in TITLES:
            # "Eriksson Ek" for "Joel Eriksson Ek": the tail of a longer name of a person
            full = self.names.full.get(bare_word(words[-1]))
            if (
                full is not None
                and self.names.is_person(full)
                and full.endswith(" " + " ".join(words))
            ):
                return full
        if (
            len(words) == 1
            or (len(words) == 2 and words[0].lower() in TITLES)
            # "de Miranda", "von der Leyen": a surname with its particles
            or all(w.lower() in PARTICLES for w in words[:-1])
        ):
            last = bare_word(words[-1])
            if last not in self.names.full and fold(last) in self.names.full:
                last = fold(last)  # "Mueller" for "Gerhard Müller"
            full = self.names.full.get(last) or self.names.first.get(last)
            if full is None and len(words) == 1:
                full = self.acronym(words[0])
            if full is not None and full.lower() != last:
                if self.names.is_person(full):
                    if offset >= 0 and last in self.names.by_last:
                        return self.names.latest(last, offset) or full
                    return full
                if lead or org_kind(full.split()) in ("outlet", "group", "org"):
                    return "the " + full
                return full
        return phrase

    def acronym(self, word: str) -> str | None:
        """The organisation an acronym stands for, when the text names one whose initials
        spell it ("FAA" -> "Federal Aviation Administration", "the USPTO" -> "US Patent and
        Trademark Office"; particles such as "of" and "and" skipped)."""
        bare = bare_word(word)
        if not (2 <= len(bare) <= 6 and word.strip("’'.,").isupper() and bare.isalpha()):
            return None
        if self._acronyms is None:
            self._acronyms = {}
            for pos, name, _ in self.names.org_mentions:
                if len(name.split()) < 2:
                    continue
                if self.text.startswith(name, pos):
                    # "Center for Disease Control and Prevention": the name the scan cut
                    # at "and"
                    tail = _AND_WORD.match(self.text, pos + len(name))
                    if tail is not None:
                        name += tail.group()
                for words in _acronym_forms(name.split()):
                    initials = "".join(
                        w[0] if not w.isupper() else w for w in words if w.lower() not in PARTICLES
                    ).lower()
                    known = self._acronyms.get(initials)
                    if known is None or (known in name and len(name) > len(known)):
                        self._acronyms[initials] = name  # the longest form of one name
        return self._acronyms.get(bare)

    def gender_of(self, name: str) -> str:
        """The gender known for the person `name` ("m", "f" or "")."""
        return self.names.gender.get(name, "")

    def last_person_named(self, offset: int, reach: int = 600) -> str | None:
        """The person named last, within `reach` characters before `offset`, or None."""
        index = bisect_left(self._person_offsets, offset) - 1
        if index >= 0:
            pos, name = self.names.person_mentions[index]
            if offset - pos <= reach:
                return name
        return None

    def most_named_person(self, offset: int, reach: int = 5000) -> str | None:
        """The person mentioned most often in the `reach` characters before `offset` (at
        least twice; the latest of those tied), or None."""
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        mentions = self.names.person_mentions
        start = bisect_left(self._person_offsets, offset - reach)
        stop = bisect_left(self._person_offsets, offset)
        for pos, name in mentions[start:stop]:
            counts[name] = counts.get(name, 0) + 1
            latest[name] = pos
        if not counts:
            return None
        best = max(counts, key=lambda name: (counts[name], latest[name]))
        return best if counts[best] >= 2 else None

    def person_before(self, offset: int, gender: str, learn: bool = True) -> Referent | None:
        """The latest person before `offset` (a named mention or an earlier claimant or
        subject) whose gender does not contradict `gender`; learns the gender unless told
        not to (the caller may yet choose another person: `learn_gender` then)."""
        best: Referent | None = None
        index = bisect_left(self._person_offsets, offset) - 1
        while index >= 0:
            pos, name = self.names.person_mentions[index]
            known = self.names.gender.get(name, "")
            if (not known or known == gender) and self._under_a_pronoun(pos, gender):
                # "... she was more nervous than Ana Ruiz has ever been. “...,” she said":
                # a person named after the sentence's own "she" is not the one it goes on
                # about; the name before is
                index -= 1
                continue
            if not known or known == gender:
                best = Referent(pos, name, known, False)
                if pos in self.names.possessive_mentions:
                    # "Suter, who joked about Parise’s penchant ..., could see ...": the
                    # person named just before a possessive mention, if any
                    earlier = self._plain_mention_before(index, pos, gender, name)
                    if earlier is not None:
                        best = earlier
                break
            index -= 1
        for ref in reversed(self.people):
            if ref.offset >= offset:
                continue
            known = ref.gender or self.names.gender.get(ref.name, "")
            if known and known != gender:
                continue
            # A claimant or subject outranks names mentioned later in its own sentence.
            if best is None or ref.offset >= best.offset or best.offset < ref.end:
                best = ref
            break
        if best is not None and learn:
            self.learn_gender(best, gender)
        return best

    def learn_gender(self, ref: Referent, gender: str) -> None:
        """Remember that `ref` is "he" or "she" (`gender`), unless already known."""
        if ref.name in self.names.persons:
            self.names.gender.setdefault(ref.name, gender)
        elif not ref.gender:
            ref.gender = gender

    def org_described(self, words: list[str], offset: int, reach: int = 3000) -> str | None:
        """The organisation named before `offset` whose name has every describing word of
        a description (`words`, its words after "the"; an empty first word for an acronym
        alone): "the production company" -> "Dick
        Clark Productions", "the utilities commission" -> "California Public Utilities
        Commission", "the Chinese CDC" -> the Chinese Center for Disease Control and
        Prevention (an acronym as the head); None when no name fits."""
        if len(words) < 2:
            return None
        *modifiers, head = words
        modifiers = [m for m in modifiers if m]
        if head.isupper() and len(head) > 1:
            full = self.acronym(head)
            if full is None:
                return None
            named = [w.lower() for w in full.split()]
            if all(any(n.startswith(m.lower()[:5]) for n in named) for m in modifiers):
                return full
            return None
        stems = [m.lower()[:5] for m in modifiers if m.isalpha()]
        if not stems or len(stems) != len(modifiers):
            return None
        index = bisect_left(self._org_offsets, offset) - 1
        while index >= 0:
            pos, name, _ = self.names.org_mentions[index]
            if offset - pos > reach:
                break
            for part in name.split(" and "):  # "A Productions and B Group": one of them
                named = [w.lower() for w in part.split()]
                if all(any(n.startswith(stem) for n in named) for stem in stems):
                    return part
            index -= 1
        return None

    def _under_a_pronoun(self, pos: int, gender: str) -> bool:
        """Whether the person mentioned at `pos` comes after a subject pronoun of `gender`
        ("he", "she") in the same sentence, not right after a comma or a conjunction that
        may open a clause of their own ("she met Ana, and Ana said")."""
        pronoun = _HE if gender == "m" else _SHE if gender == "f" else None
        if pronoun is None:
            return False
        start = max(self.text.rfind("\n", max(0, pos - 300), pos), pos - 300)
        for end in _SENTENCE_END.finditer(self.text, start + 1, pos):
            start = end.end() - 1
        lead = self.text[start + 1 : pos]
        found = pronoun.search(lead)
        if found is None:
            return False
        words = lead[found.end() :].split()
        return (
            bool(words)
            and words[-1].lower() not in ("and", "but", "or")
            and not (words[-1].endswith((",", ";", ":")))
        )

    def subject_before(self, sentence_start: int, gender: str, depth: int = 0) -> Referent | None:
        """The person who opens the sentence before the one starting at `sentence_start`
        (its subject: "Baker was the second witness who heard Governor Hart. He said ..."
        means Baker), when that sentence names another person after them, or whom "he" or
        "she" opening that sentence meant; None otherwise or when the subject's gender is
        not `gender`."""
        text = self.text
        previous = _previous_sentence_start(text, sentence_start)
        if previous is None:
            return None
        opener = text[previous : previous + 4].split()[:1]
        if opener and opener[0] == ("He" if gender == "m" else "She"):
            # "He was arrested for a call to Ana Ruiz's office. During the call, he ...":
            # the same person as the pronoun that opened the sentence before
            if depth >= 2:
                return None
            return self.subject_before(previous, gender, depth + 1) or self.person_before(
                previous, gender
            )
        index = bisect_left(self._person_offsets, previous)
        mentions = self.names.person_mentions
        if index >= len(mentions) or mentions[index][0] >= sentence_start:
            return None
        pos, name = mentions[index]
        lead = text[previous:pos].split()
        if len(lead) > 3 or any(not w[:1].isupper() for w in lead):
            return None  # not the sentence's subject ("In a call with Hart, ...")
        if not any(n != name for p, n in mentions[index + 1 :] if p < sentence_start):
            return None
        known = self.names.gender.get(name, "")
        if known and known != gender:
            return None
        return Referent(pos, name, known, False)

    def _plain_mention_before(
        self, index: int, pos: int, gender: str, other_than: str
    ) -> Referent | None:
        """The person mentioned, not in the possessive, within `_POSSESSIVE_REACH`
        characters before the mention at `pos` (index `index`) and in the same paragraph."""
        start = self.text.rfind("\n", max(0, pos - _POSSESSIVE_REACH - 1), pos) + 1
        while index > 0:
            index -= 1
            earlier, name = self.names.person_mentions[index]
            if earlier < start or pos - earlier > _POSSESSIVE_REACH:
                return None
            known = self.names.gender.get(name, "")
            if name != other_than and earlier not in self.names.possessive_mentions:
                if not known or known == gender:
                    return Referent(earlier, name, known, False)
        return None

    def org_before(
        self, offset: int, kinds: tuple[str, ...], mentions: bool = True
    ) -> Referent | None:
        """The latest organisation before `offset`: a named one of one of `kinds` (unless
        not `mentions`), or an earlier organisation claimant, whichever is later."""
        best: Referent | None = None
        index = bisect_left(self._org_offsets, offset) - 1 if mentions else -1
        while index >= 0:
            pos, name, kind = self.names.org_mentions[index]
            if kind in kinds:
                best = Referent(pos, with_article(name, kind), "", False, kind=kind)
                break
            index -= 1
        for ref in reversed(self.orgs):
            if ref.offset < offset and ref.kind in kinds:
                if best is None or ref.offset >= best.offset:
                    best = ref
                break
        return best

    def body_before(self, offset: int, head: str, reach: int = 1500) -> Referent | None:
        """The public body "the agency", "the ministry" (`head`) points back to: the latest
        organisation named before `offset` whose name holds `head` ("the Ministry of
        Health"), else the latest public body (a name holding one of `BODY_NAME_WORDS`) named
        within `reach` characters before it."""
        index = bisect_left(self._org_offsets, offset) - 1
        nearest: Referent | None = None
        while index >= 0:
            pos, name, kind = self.names.org_mentions[index]
            words = {bare_word(word) for word in name.split()}
            if head in words:
                return Referent(pos, with_article(name, kind), "", False, kind=kind)
            if nearest is None and words & BODY_NAME_WORDS and offset - pos <= reach:
                nearest = Referent(pos, with_article(name, kind), "", False, kind=kind)
            index -= 1
        if nearest is None:
            # "according to the national maritime agency ... The agency said": the body
            # that spoke before under a longer description ending with the same word
            for ref in reversed(self.orgs):
                if ref.offset < offset and ref.name.lower().endswith(" " + head):
                    return ref if offset - ref.offset <= 2 * reach else None
        return nearest

    def company_before(self, offset: int, reach: int = 1500) -> Referent | None:
        """The company "the airline", "the carmaker" means at `offset`: the one the article
        has named most often before it, when it leads the others, else the only company
        named within `reach` characters before it (None when that is ambiguous too). Names
        spelt like brands ("WeWork") count as companies here."""
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        index = bisect_left(self._org_offsets, offset)
        for pos, name, kind in self.names.org_mentions[:index]:
            if kind in ("company", "brand"):
                counts[name] = counts.get(name, 0) + 1
                latest[name] = pos
        if not counts:
            return None
        ranked = sorted(counts, key=lambda name: (-counts[name], -latest[name]))
        best = ranked[0]
        if counts[best] >= 2 and (len(ranked) == 1 or counts[ranked[1]] < counts[best]):
            return Referent(latest[best], with_article(best, "company"), "", False, kind="company")
        near = [name for name in ranked if offset - latest[name] <= reach]
        if len(near) == 1:
            name = near[0]
            return Referent(latest[name], with_article(name, "company"), "", False, kind="company")
        return None

    def previous_paragraph_start(self, offset: int) -> int:
        """Where the paragraph before the one holding `offset` starts (0 in the first)."""
        text = self.text
        return text.rfind("\n", 0, max(0, text.rfind("\n", 0, offset))) + 1

    def subject_body_before(self, offset: int) -> str | None:
        """The name of a body (not a person's, not a place's) that opens one of the last
        sentences before `offset`, in its paragraph or the one before: "Airbus cut the
        A380." gives "Airbus"; a name the text never capitalises inside a sentence, and
        words that merely open one ("Officials", "Shares"), give nothing, and so do two
        such names, or companies the text names as such nearby."""
        text = self.text
        start = self.previous_paragraph_start(offset)
        index = bisect_left(self._org_offsets, offset)
        if any(
            kind in ("company", "brand") and offset - pos <= 1500
            for pos, _, kind in self.names.org_mentions[:index]
        ):
            return None  # companies the article names as such: "the airline" is one of them
        found: set[str] = set()
        for match in _SENTENCE_OPENING_NAME.finditer(text, start, offset):
            words = match.group("name").split()
            if words[0].lower() in _NOT_NAME_OPENERS:
                continue
            name = " ".join(words)
            if name in self.names.persons or self.names.is_person(self.expand(name)):
                continue
            if name in PLACE_NAMES or org_kind(words) == "outlet":
                continue
            known = (
                len(words) >= 2
                or (words[0].isupper() and len(words[0]) > 1)
                or any(w in self.names.midcaps for w in (words[0], *_possessives(words[0])))
            )
            if known and not any(w.lower() in _NOT_BODY_WORDS for w in words):
                found.add(name)
        return found.pop() if len(found) == 1 else None  # of two, neither

    def remember_pair(self, start: int, end: int, first: str, second: str) -> None:
        """Record two people named together as a sentence's subject ("Lorenz and Fetter
        plotted ...") as a referent for a later "they"."""
        # "Senator Ann Vell and congresswoman Ida Rowe": the names, not the offices
        one = self.expand(strip_title(first)[1] or first, start)
        two = self.expand(strip_title(second)[1] or second, start)
        if self.names.is_person(one) and self.names.is_person(two):
            self.groups.append(Referent(start, f"{one} and {two}", "", False, end))

    def group_before(self, offset: int) -> Referent | None:
        """The latest plural claimant before `offset` (for "they")."""
        for ref in reversed(self.groups):
            if ref.offset < offset:
                return ref
        return None

    def remember(
        self,
        start: int,
        end: int,
        candidate: Candidate,
        claimant: str,
        anonymous: bool,
        relayed: bool,
    ) -> None:
        """Record the claimant of the sentence `[start, end)` as a referent for later
        pronouns and definite descriptions (`candidate` is the cue it came from)."""
        ref = Referent(start, claimant, candidate.gender, anonymous, end)
        made = _STATEMENT_MADE.search(self.text, start, end)
        if made is not None and not relayed:
            # "..., the army said in a statement": "the statement" later is the army's
            insort(self.names.makers, (made.start(), made.group(1).lower(), claimant))
        if relayed:  # "The paper reports, citing ...": the paper is a referent for "it"
            kind = "outlet" if is_outlet_name(candidate.claimant) else "org"
            self.orgs.append(Referent(start, candidate.claimant, "", False, end, kind))
            return
        if candidate.role == "document":
            # "the report": a referent for "it found", not for "it promised" nor "they"
            ref.kind = "document"
            self.orgs.append(ref)
            return
        if candidate.role in ("outlet", "org"):
            ref.kind = (
                candidate.role
                if candidate.role == "outlet"
                else org_kind(claimant.split()) or "org"
            )
            self.orgs.append(ref)
        elif candidate.role == "person":
            if " and " in claimant:
                self.groups.append(ref)  # "Hamilton and Gille": a "they" later
            if candidate.gender and claimant in self.names.persons:
                self.names.gender.setdefault(claimant, candidate.gender)
            if candidate.kind != "pronoun" or not any(r.name == claimant for r in self.people[-1:]):
                self.people.append(ref)
            if claimant.split()[-1].lower() in SPOKESPEOPLE and not anonymous:
                self.last_spokesperson = ref
        elif candidate.role == "group":
            self.groups.append(ref)
