"""The headline: whether it reports a claim ("Minister admits the plan was rushed", "Ana
Duarte: ‘We will rebuild’", a quotation alone), and whose.

A headline is read like a sentence of the article, with three differences: a site name
after it ("... | The Harbour Gazette") is no part of it; words capitalised only because
headlines capitalise every word are read in lower case; and a quotation with no cue takes
the speaker the article gives the same words (or most of them).
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimmark.store.models import Attribution
from claimmark.store.suggest.choice import choose
from claimmark.store.suggest.cues import CUE_HINT
from claimmark.store.suggest.names import Names, bare_word
from claimmark.store.suggest.referents import Referents
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.suggestion import UNNAMED, Suggestion, named_over
from claimmark.store.suggest.tokens import quoted_spans
from claimmark.store.suggest.words import (
    DETERMINERS,
    FUNCTION_WORDS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PERSON_ROLES,
    PHRASE_PREPOSITIONS,
    REPORTING_VERBS,
    STANCE_ADJECTIVES,
)

_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{1,60})$")
"""" | The Harbour Gazette", " - Site": a site name after the headline."""

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_COMMON = (
    REPORTING_VERBS
    | FUNCTION_WORDS
    | DETERMINERS
    | PHRASE_PREPOSITIONS
    | PEOPLE_NOUNS
    | ORG_NOUNS
    | STANCE_ADJECTIVES
    | frozenset("after over about amid as and or but not new first last more".split())
)
"""Words a title-case headline capitalises that are not names."""


def headline_span(title: str) -> tuple[int, int]:
    """The headline part of a title: without a site name after " | " or " - " (when what
    is left has three words or more)."""
    end = len(title.rstrip())
    match = _SITE_SUFFIX.search(title, 0, end)
    if match is not None and len(match.group("site").split()) <= 6:
        if len(title[: match.start()].split()) >= 3:
            end = match.start()
    start = len(title) - len(title.lstrip())
    return start, end


def _sentence_case(title: str, start: int, end: int) -> str:
    """The headline with the words that title case capitalised, and that are common words,
    in lower case (same length, so offsets stay): "Minister Admits Plan Was Rushed" ->
    "Minister admits plan was rushed"."""
    words = list(_WORD.finditer(title, start, end))
    capitalised = [w for w in words if len(w.group()) > 3 and w.group()[0].isupper()]
    long_words = [w for w in words if len(w.group()) > 3]
    if not long_words or len(capitalised) * 10 < len(long_words) * 6:
        return title  # not title case
    chars = list(title)
    for index, word in enumerate(words):
        text = word.group()
        lower = text.lower()
        if index == 0 or not text[0].isupper() or not text.isascii():
            continue
        if lower in _COMMON or lower.rstrip("s") in _COMMON:
            chars[word.start()] = lower[0]
    return "".join(chars)


def suggest_in_title(title: str, names: Names, body: list[Suggestion]) -> list[Suggestion]:
    """The suggestions for the headline of an article whose body has the names `names`
    and the suggestions `body`; their offsets are offsets into `title`, and they carry
    `in_title`."""
    start, end = headline_span(title)
    if end <= start:
        return []
    text = _sentence_case(title, start, end)
    referents = Referents(text, names)
    quotes = quoted_spans(text, start, end)
    sentence = Sentence(referents, start, end, quotes)
    found: list[Suggestion] = []
    if CUE_HINT.search(text, start, end) or any(t.text == ":" for t in sentence.tokens):
        found = choose(sentence)
    if not found:
        found = (
            _finding(text, start, end, names)
            or _colon_source(text, start, end, names)
            or _named_stance(text, start, end, names)
        )
    if not found and quotes:
        speaker = _speaker_of_quotation(text, quotes, body)
        if speaker is not None:
            found = [
                replace(
                    speaker,
                    start=start,
                    end=end,
                    cue="quotation marks",
                    attribution=Attribution.DIRECT_QUOTE,
                    inherited=True,
                )
            ]
    return [
        replace(
            _described(s, names),
            sentence=title[s.start : s.end],
            in_title=True,
        )
        for s in found
    ]


def _whole_headline(
    text: str, start: int, end: int, claimant: str, cue: str, description: str = ""
) -> Suggestion:
    """A suggestion over the whole headline `text[start:end]`: what `claimant` says there,
    in the headline's own words."""
    return named_over(
        text, start, end, claimant, cue, Attribution.PARAPHRASE, description=description
    )


_DOCUMENT = r"(?:study|report|survey|poll|research|data|analysis|review|audit|findings)"
_FINDING_VERB = r"(?:finds|found|shows|showed|suggests|suggested|reveals|revealed|says)"
_FINDING_FIRST = re.compile(
    rf"(?P<subject>(?:(?:[Aa]|[Aa]n|[Tt]he|[Nn]ew|[Oo]ne|[Ll]atest)\s+){{0,2}}{_DOCUMENT})"
    rf"\s+{_FINDING_VERB}\s+(?!that\b)[^\W\d]",
    re.IGNORECASE,
)
"""A headline that drops the "that" after a finding: "Study finds coffee is safe"."""
_FINDING_LAST = re.compile(
    rf",\s+(?P<subject>(?:(?:a|an|the|new|one|latest)\s+){{0,2}}{_DOCUMENT})"
    rf"\s+{_FINDING_VERB}\s*$",
    re.IGNORECASE,
)
"""A finding after its clause: "Coffee is safe, study finds"."""


def _finding(text: str, start: int, end: int, names: Names) -> list[Suggestion]:
    """A headline that reports what a study or report found, without the "that" a
    sentence would have: the maker the article names for it, else the document."""
    match = _FINDING_FIRST.match(text, start, end) or _FINDING_LAST.search(text, start, end)
    if match is None:
        return []
    subject = match.group("subject")
    kind = subject.split()[-1].lower()
    maker = names.maker_before(10**9, frozenset({kind, "study", "report", "research"}))
    words = subject.split()
    claimant = maker or " ".join([words[0].lower(), *words[1:]])
    cue_start = match.end("subject") + 1
    cue = text[cue_start:end].split()[0] if match.re is _FINDING_FIRST else text[cue_start:end]
    return [
        _whole_headline(text, start, end, claimant, cue.strip(), subject.lower() if maker else "")
    ]


_COLON_SOURCE = re.compile(
    r"(?P<source>[A-Z][\w.’'&-]*(?:[^\S\n]+[\w.’'&-]+){0,3}):[^\S\n]+(?P<claim>\S+(?:[^\S\n]+\S+){2,})"
)
"""A headline that gives its source before a colon: "Police: Man shot dead downtown"."""


def _colon_source(text: str, start: int, end: int, names: Names) -> list[Suggestion]:
    """A headline "Source: claim" (no quotation marks) whose source is people, a body or a
    document ("Police", "UN report") or a name the article gives; [] otherwise."""
    match = _COLON_SOURCE.match(text, start, end)
    if match is None or match.end() != end:
        return []
    source = match.group("source")
    words = source.split()
    last = bare_word(words[-1])
    named = all(w[:1].isupper() for w in words) and last in names.full
    document = last in _DOCUMENT_WORDS and len(words) >= 2  # "UN report:", not "Study:"
    if last in _GENRES or not (named or last in PEOPLE_NOUNS or last in ORG_NOUNS or document):
        return []
    if named:
        claimant = names.full[last] if len(words) == 1 else source  # "Hale" -> "Tom Hale"
    else:  # "Police" -> "police"
        opener = words[0].lower() if words[0].lower() in _COMMON else words[0]
        claimant = " ".join([opener, *words[1:]])
    return [_whole_headline(text, start, end, claimant, ":")]


_STANCE_VERBS = frozenset(
    """admits denies rejects opposes backs slams attacks defends dismisses blasts criticises
    criticizes condemns welcomes questions hails praises urges warns vows pledges promises
    insists proposes predicts fears demands accuses blames challenges disputes doubts
    floats defies concedes""".split()
)
"""Verbs by which a headline reports a stance its subject took ("O'Connell rejects Lions
rumours", "Minister admits ..."), which a sentence of the article would report with more
words."""
_NAMED_STANCE = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3})[^\S\n]+(?P<verb>[a-z]+)\b"
)


def _named_stance(text: str, start: int, end: int, names: Names) -> list[Suggestion]:
    """A headline "<name> <stance verb> ..." whose name the article gives (a person or a
    body): the name in the article's fullest form; [] otherwise."""
    match = _NAMED_STANCE.match(text, start, end)
    if match is None or match.group("verb") not in _STANCE_VERBS:
        return []
    name = match.group("name")
    words = name.split()
    last = bare_word(words[-1])
    if len(words) == 1:
        # "O'Connell" -> the person of that surname, "Boris" -> "Boris Johnson"
        people = names.by_last.get(last.lower())
        claimant = people[0][1] if people else names.full.get(last) or names.first.get(last.lower())
    else:
        claimant = name if last in names.full else None
    if claimant is None:
        return []
    return [_whole_headline(text, start, end, claimant, match.group("verb"))]


_GENRES = frozenset(
    """review reviews analysis opinion explainer update interview recap preview obituary
    editorial commentary column podcast video photos live watch""".split()
)
"""What a headline labels itself as before a colon ("Xbox One X review: ..."): no source."""
_DOCUMENT_WORDS = frozenset("study report survey poll audit".split())
"""Documents that may be a headline's source before a colon (a review or an analysis is
the writer's own: "Xbox One X review: A console that keeps up")."""


def _described(suggestion: Suggestion, names: Names) -> Suggestion:
    """A headline's bare role ("Minister admits ...") as the person the article gives that
    role, keeping the role as the description."""
    role = suggestion.claimant.lower()
    if role in PERSON_ROLES:
        holder = names.role_holder(role, 0, reach=10**9)
        if holder is not None:
            return replace(suggestion, claimant=holder, description=suggestion.claimant)
    return suggestion


_STEM = 5
"""Letters that make two words the same word ("burning", "burned" -> "burn")."""


def _speaker_of_quotation(
    text: str, quotes: list[tuple[int, int]], body: list[Suggestion]
) -> Suggestion | None:
    """The body suggestion whose sentence holds most of the words the headline quotes (at
    least half of them, three words or more), when a speaker is named for it."""
    quoted = {w.lower()[:_STEM] for s, e in quotes for w in _WORD.findall(text, s, e) if len(w) > 2}
    if len(quoted) < 3:
        return None  # "The ‘birth lottery’ and ...": scare quotes, not a quotation
    best: Suggestion | None = None
    best_share = 0.0
    for suggestion in body:
        if suggestion.claimant == UNNAMED or suggestion.attribution is not Attribution.DIRECT_QUOTE:
            continue
        words = {w.lower()[:_STEM] for w in _WORD.findall(suggestion.sentence) if len(w) > 2}
        share = len(quoted & words) / len(quoted)
        if share > best_share:
            best, best_share = suggestion, share
    return best if best_share >= 0.5 else None
