"""The engine: walks the article sentence by sentence, chooses the attribution of each
sentence among its cues, carries quotations across sentences, and records claimants as
referents for the sentences that follow."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from claimmark.store.models import Attribution
from claimmark.store.sentences import sentence_spans
from claimmark.store.suggest.claimants import Candidate
from claimmark.store.suggest.cues import CUE_HINT, find_candidates, find_hedge, find_relays
from claimmark.store.suggest.phrases import clean_claimant, is_anonymous, phrase_after
from claimmark.store.suggest.referents import Referent, Referents
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.suggestion import UNNAMED, Suggestion
from claimmark.store.suggest.tokens import quoted_spans
from claimmark.store.suggest.words import PEOPLE_NOUNS

UNNAMED_PERSON_OPENING = re.compile(
    r"(?:\d{1,2}[:.]\d\d\s*[—–-]\s*)?(?:A|An|One|Another)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:reader|nurse|broker|official|engineer|resident|worker|doctor|teacher|manager|source"
    r"|person|woman|man|mother|father|patient|driver|owner|employee|member|caller|witness)\b"
)
"""A sentence opening on an unnamed person ("A reader in Eastbourne, who ..."): a referent
for a later "she" even when the sentence itself is not attributed."""


def suggest_attributions(text: str) -> list[Suggestion]:
    """The attributed sentences of `text`, in document order, at most one per sentence."""
    if not text.strip():
        return []
    referents = Referents(text)
    found: list[Suggestion] = []
    paragraph_end = -1
    quotes: list[tuple[int, int]] = []
    quote_starts: list[int] = []
    last: Suggestion | None = None  # the last suggestion in this paragraph
    last_quoted = False
    pending: list[tuple[int, int]] = []  # quotations still open, waiting for a cue
    for start, end in sentence_spans(text):
        if start > paragraph_end:
            paragraph_start = text.rfind("\n", 0, start) + 1
            paragraph_end = text.find("\n", start)
            if paragraph_end == -1:
                paragraph_end = len(text)
            quotes = quoted_spans(text, paragraph_start, paragraph_end)
            quote_starts = [quote_start for quote_start, _ in quotes]
            last = None
            pending = []
        hint = CUE_HINT.search(text, start, end) is not None
        subject = UNNAMED_PERSON_OPENING.match(text, start, end)
        quoted = in_quote(quotes, quote_starts, start) or has_quote(quote_starts, start, end)
        if not hint and not quoted and subject is None:
            pending = []
            continue
        sentence = Sentence(referents, start, end, quotes)
        if subject is not None:
            remember_subject(sentence)
        suggestion = choose(sentence) if hint else None
        if suggestion is not None:
            if pending and sentence.tokens and sentence.tokens[0].quoted:
                found.extend(continued(text, s, e, suggestion) for s, e in pending)
            pending = []
            found.append(suggestion)
            last, last_quoted = suggestion, sentence.quote_words >= 3
            continue
        if sentence.fully_quoted():
            if last is not None and last_quoted:
                found.append(continued(text, start, end, last))
            elif quote_goes_on(quotes, quote_starts, end):
                pending.append((start, end))  # the quotation goes on into the next sentence
            continue
        pending = []
    return found


# --------------------------------------------------------------------------------------------
# Choosing the attribution of a sentence


def choose(sentence: Sentence) -> Suggestion | None:
    """The suggestion for one sentence, or None when it holds no usable cue."""
    candidates = find_candidates(sentence)
    if not candidates:
        hedge = find_hedge(sentence)
        if not hedge:
            return None
        return Suggestion(
            start=sentence.start,
            end=sentence.end,
            sentence=sentence.text[sentence.start : sentence.end],
            claimant=UNNAMED,
            cue=hedge,
            attribution=(
                Attribution.DIRECT_QUOTE if sentence.quote_words >= 3 else Attribution.ANONYMOUS
            ),
            sources=(),
            anonymous=True,
        )
    main = [c for c in candidates if not c.relative] or candidates
    trailing = [c for c in main if c.trailing]
    verbs = [c for c in main if c.kind != "according"]
    accordings = [c for c in candidates if c.kind == "according"]
    outer: list[str] = []
    chosen: Candidate = trailing[0] if trailing else main[0]
    if chosen.kind == "according" and verbs and verbs[0].pos < chosen.pos:
        chosen = verbs[0]
    if chosen.kind != "according" and accordings and accordings[0].pos > chosen.pos:
        according = accordings[0]  # "..., according to a report in the Gazette": a relay
        outer.extend(according.relays or [according.claimant])
    citations, outlets = find_relays(sentence)
    chain = [*outer, *chosen.relays, *outlets]
    claimant = chosen.claimant
    anonymous = chosen.anonymous
    cue = chosen.cue
    subject_start = chosen.subject_at if chosen.subject_at >= 0 else chosen.pos
    later = [c for c in citations if c[0] > subject_start]
    if later:
        # "X writes, quoting an article by Y" / "X, citing Y, which cited Z"
        for _, inner, inner_anonymous, _ in later:
            chain.append(claimant)
            claimant, anonymous = inner, inner_anonymous
        cue = cue.removesuffix(" that") + ", " + later[0][3]
    sources = tuple(dict.fromkeys(s for s in chain if s and s != claimant))
    if sentence.quote_words >= 3:
        attribution = Attribution.DIRECT_QUOTE
    elif anonymous:
        attribution = Attribution.ANONYMOUS
    else:
        attribution = Attribution.PARAPHRASE
    sentence.referents.remember(
        sentence.start, sentence.end, chosen, claimant, anonymous, bool(later)
    )
    return Suggestion(
        start=sentence.start,
        end=sentence.end,
        sentence=sentence.text[sentence.start : sentence.end],
        claimant=claimant,
        cue=cue,
        attribution=attribution,
        sources=sources,
        anonymous=anonymous,
    )


def remember_subject(sentence: Sentence) -> None:
    """Record an unnamed person that opens the sentence, with the gender its pronouns give."""
    tokens = sentence.tokens
    phrase = phrase_after(tokens, sentence.first, sentence.text, limit=8)
    if phrase is None or phrase.head not in PEOPLE_NOUNS and phrase.head not in ("woman", "man"):
        return
    gender = ""
    for token in tokens[phrase.stop :]:
        if token.lower in ("she", "her", "herself"):
            gender = "f"
            break
        if token.lower in ("he", "his", "him", "himself"):
            gender = "m"
            break
    name = clean_claimant(phrase.text, True)
    sentence.referents.people.append(
        Referent(sentence.start, name, gender, is_anonymous(phrase, tokens), sentence.end)
    )


# --------------------------------------------------------------------------------------------
# Quotations across sentences


def in_quote(quotes: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether `offset` lies inside one of the (sorted, disjoint) quotations."""
    index = bisect_right(starts, offset) - 1
    return index >= 0 and quotes[index][1] > offset


def has_quote(starts: list[int], start: int, end: int) -> bool:
    """Whether a quotation opens in `[start, end)`."""
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def quote_goes_on(quotes: list[tuple[int, int]], starts: list[int], end: int) -> bool:
    """Whether a quotation open at `end` carries on past it."""
    index = bisect_left(starts, end) - 1
    return index >= 0 and quotes[index][1] > end


def continued(text: str, start: int, end: int, base: Suggestion) -> Suggestion:
    """A quotation that continues (or opens) the one `base` attributes."""
    return Suggestion(
        start=start,
        end=end,
        sentence=text[start:end],
        claimant=base.claimant,
        cue=base.cue,
        attribution=Attribution.DIRECT_QUOTE,
        sources=base.sources,
        anonymous=base.anonymous,
    )
