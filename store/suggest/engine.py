"""The engine: walks the article paragraph by paragraph and sentence by sentence, chooses the
attribution of each sentence among its cues, carries a speaker on to the sentences that have
no cue of their own (inherited speakers), and records claimants as referents for the
sentences that follow.

The work per article is bounded: only the first `MAX_CHARS` characters are read (cut at a
paragraph break), and the result says when the rest was left unread (`Suggestions.truncated`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from claimmark.store.models import Attribution
from claimmark.store.sentences import sentence_spans
from claimmark.store.suggest.claimants import Candidate
from claimmark.store.suggest.cues import (
    CUE_HINT,
    Citation,
    find_candidates,
    find_hedge,
    find_relays,
    first_person_told,
)
from claimmark.store.suggest.phrases import clean_claimant, is_anonymous, phrase_after
from claimmark.store.suggest.referents import Referent, Referents
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.suggestion import UNNAMED, Suggestion, Suggestions
from claimmark.store.suggest.tokens import quoted_spans
from claimmark.store.suggest.words import (
    DETERMINERS,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    STRONG_VERBS,
)

MAX_CHARS = 1_500_000
"""The most characters of an article the engine reads (about 1.5 MB of text, a second or so):
longer articles are read up to the last paragraph break before this, and the result is
marked truncated. Every way the engine is called (the reader, `claimmark suggest`) goes
through this one limit."""

UNNAMED_PERSON_OPENING = re.compile(
    r"(?:\d{1,2}[:.]\d\d\s*[—–-]\s*)?(?:A|An|One|Another)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:reader|nurse|broker|official|engineer|resident|worker|doctor|teacher|manager|source"
    r"|person|woman|man|mother|father|patient|driver|owner|employee|member|caller|witness)\b"
)
"""A sentence opening on an unnamed person ("A reader in Eastbourne, who ..."): a referent
for a later "she" even when the sentence itself is not attributed."""

_OPENING_QUOTES = '“"‘«'
_LIST_ITEM = re.compile(r"(?:[•◦▪‣*·–—-]|\d{1,2}[.)]|[a-z][.)])\s")
"""The marker that opens a list item ("• ", "- ", "1. ", "a) ")."""
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|me|my|we|We|us|our|Our|My)\b")


def read_limit(text: str, limit: int = MAX_CHARS) -> int:
    """How much of `text` the engine reads: all of it when it is at most `limit` characters,
    else up to the last paragraph break before `limit` (or the last space, for one huge
    paragraph)."""
    if len(text) <= limit:
        return len(text)
    cut = text.rfind("\n", 0, limit)
    if cut <= 0:
        cut = text.rfind(" ", 0, limit)
    return cut if cut > 0 else limit


def suggest_attributions(text: str) -> Suggestions:
    """The attributed sentences of `text`, in document order, at most one per sentence.

    At most `MAX_CHARS` characters are read; `truncated` on the result says whether the
    text went on past them."""
    limit = read_limit(text)
    found = Suggestions(truncated=limit < len(text), read=limit)
    if not text[:limit].strip():
        return found
    walk = _Walk(Referents(text[:limit]), found)
    start = 0
    while start <= limit:
        end = text.find("\n", start, limit)
        if end == -1:
            end = limit
        walk.paragraph(start, end)
        start = end + 1
    return found


class _Walk:
    """The state of one walk through an article: the speaker a paragraph hands on."""

    def __init__(self, referents: Referents, found: list[Suggestion]) -> None:
        self.referents = referents
        self.text = referents.text
        self.found = found
        self.handover: Suggestion | None = None
        """The speaker the previous paragraph hands on to quotations that open this one."""
        self.block: Suggestion | None = None
        """The speaker of a block quotation or list introduced by "X said:" (the sentence
        that ended the previous paragraph with a colon)."""
        self.block_paragraphs = 0
        """How many paragraphs of the block have been read."""
        self.voice: Suggestion | None = None
        """The speaker whose first-person text the article is quoting as a block (a blog
        post, a letter) without quotation marks."""
        self.previous_speaker: Suggestion | None = None
        """The last named claimant of the previous paragraph."""
        self.first_person_narration = False
        """Whether the writer speaks in the first person (then first-person paragraphs are
        the writer's, not a quoted speaker's)."""
        self.previous_sentence: Suggestion | None = None
        """The suggestion of the sentence just read, if it got one."""
        self.quoted_words: dict[tuple[str, ...], Suggestion] = {}
        """Every run of `_QUOTE_GRAM` words quoted in an attributed sentence -> it."""

    def paragraph(self, start: int, end: int) -> None:
        """Read the paragraph `text[start:end]` (no line break inside)."""
        text = self.text
        spans = [(start + s, start + e) for s, e in sentence_spans(text[start:end])]
        if not spans:
            return  # a blank line keeps the speaker handed on
        quotes = quoted_spans(text, start, end)
        quote_starts = [quote_start for quote_start, _ in quotes]
        handover, self.handover = self.handover, None
        found_before = len(self.found)
        opens_quoted = text[spans[0][0]] in _OPENING_QUOTES
        block = self._block_speaker(start, end, opens_quoted, quotes)
        # The speaker a quotation opening this paragraph continues, if any.
        opening_speaker = handover if opens_quoted else None
        last: Suggestion | None = None  # the last suggestion in this paragraph
        last_quoted = False
        pending: list[tuple[int, int]] = []  # quotations still open, waiting for a cue
        leading = True  # still in the quotation that opens the paragraph
        ends_in_quote = False
        ends_attributed = False  # whether the paragraph's last sentence got a suggestion
        for start_at, end_at in spans:
            previous_sentence, self.previous_sentence = self.previous_sentence, None
            ends_attributed = False
            hint = CUE_HINT.search(text, start_at, end_at) is not None
            subject = UNNAMED_PERSON_OPENING.match(text, start_at, end_at)
            quoted = in_quote(quotes, quote_starts, start_at) or has_quote(
                quote_starts, start_at, end_at
            )
            ends_in_quote = quote_goes_on(quotes, quote_starts, end_at)
            inherit: Suggestion | None = None
            if block is not None and not hint:
                if not is_prose(text, start_at, end_at):
                    continue  # code or a table in a block quotation: no sentence
                inherit = block
            elif not hint and not quoted and subject is None:
                if previous_sentence is not None and _GOES_ON.match(text, start_at, end_at):
                    inherit = previous_sentence  # "Additionally, ..." after a finding
                else:
                    self._flush(pending, opening_speaker if leading else None)
                    pending = []
                    leading = False
                    continue
            if inherit is not None:
                self._add([continued(text, start_at, end_at, inherit, quoted)], quotes)
                ends_attributed = True
                continue
            sentence = Sentence(self.referents, start_at, end_at, quotes)
            if subject is not None:
                remember_subject(sentence)
            chosen = choose(sentence) if hint else []
            if not chosen and block is not None:
                self._add([continued(text, start_at, end_at, block)], quotes)
                ends_attributed = True
                continue
            if chosen:
                block = self.block = None  # a cue of its own ends a block quotation
                if pending and sentence.tokens and sentence.tokens[0].quoted:
                    self._add([continued(text, s, e, chosen[0]) for s, e in pending], quotes)
                    pending = []
                self._flush(pending, opening_speaker if leading else None)
                pending = []
                leading = False
                self._add(chosen, quotes)
                last, last_quoted = chosen[-1], sentence.quote_words >= 3
                ends_attributed = True
                continue
            if sentence.fully_quoted():
                said_before = self._said_before(start_at, end_at, quotes)
                if last is not None and last_quoted:
                    inherited = continued(text, start_at, end_at, last)
                    self._add([inherited], quotes)
                    last = inherited
                    ends_attributed = True
                elif quote_goes_on(quotes, quote_starts, end_at) or (
                    leading and opening_speaker is not None
                ):
                    pending.append((start_at, end_at))  # the quotation goes on
                elif said_before is not None:
                    # a quotation the article gave, attributed, earlier
                    inherited = continued(text, start_at, end_at, said_before)
                    self._add([inherited], quotes)
                    last, last_quoted, ends_attributed = inherited, True, True
                continue
            self._flush(pending, opening_speaker if leading else None)
            pending = []
            leading = False
        if pending:
            self._flush(pending, opening_speaker if leading else None)
            if leading and opening_speaker is not None:
                last, last_quoted, ends_attributed = opening_speaker, True, True
        if last is not None and ends_attributed and (last_quoted or ends_in_quote):
            # The paragraph ends on an attributed quotation, or inside an open one: the next
            # paragraph's opening quotation is most likely the same speaker's.
            self.handover = last
        if last is not None and ends_attributed and text[spans[-1][0] : spans[-1][1]].endswith(":"):
            # "X said:" closing the paragraph: what follows is X's, quotation marks or not.
            self.block, self.block_paragraphs = last, 0
        named = [s for s in self.found[found_before:] if not s.anonymous]
        self.previous_speaker = named[-1] if named else None

    def _add(self, suggestions: list[Suggestion], quotes: list[tuple[int, int]]) -> None:
        """Record suggestions, and index the quotations they attribute (so that the same
        words quoted again later carry the same speaker)."""
        self.found.extend(suggestions)
        if not suggestions:
            return
        last = suggestions[-1]
        self.previous_sentence = last if last.claimant != UNNAMED else None
        for suggestion in suggestions:
            if suggestion.claimant == UNNAMED or len(self.quoted_words) >= _MAX_QUOTE_INDEX:
                continue
            words = _quoted_words(self.text, suggestion.start, suggestion.end, quotes)
            for at in range(len(words) - _QUOTE_GRAM + 1):
                self.quoted_words.setdefault(tuple(words[at : at + _QUOTE_GRAM]), suggestion)

    def _said_before(
        self, start: int, end: int, quotes: list[tuple[int, int]]
    ) -> Suggestion | None:
        """The earlier suggestion that attributes the words quoted in `[start, end)`, when
        the article quotes them a second time."""
        words = _quoted_words(self.text, start, end, quotes)
        if len(words) < _QUOTE_GRAM:
            return None
        return self.quoted_words.get(tuple(words[:_QUOTE_GRAM]))

    def _block_speaker(
        self, start: int, end: int, opens_quoted: bool, quotes: list[tuple[int, int]]
    ) -> Suggestion | None:
        """The speaker of the block quotation this paragraph belongs to, or None.

        - After "X said:" closing a paragraph, the next paragraph is X's, and later ones
          while they are list items, open with a quotation mark, or speak in the first
          person.
        - In an article told in the third person, paragraphs that speak in the first
          person (outside quotation marks) right after a paragraph that names a claimant
          are that claimant's text quoted as a block (a blog post, a letter, a statement),
          and so are paragraphs between them (up to two in a row).
        """
        voiced = self._voiced(start, end, quotes)
        block = self.block
        if block is not None:
            self.block_paragraphs += 1
            if (
                self.block_paragraphs == 1
                or _LIST_ITEM.match(self.text, start, end)
                or opens_quoted
                or voiced
            ):
                return block
            self.block = None
        if self.voice is not None:
            if voiced or self._voiced_ahead(end):
                return self.voice
            self.voice = None
        if voiced:
            if self.previous_speaker is not None and not self.first_person_narration:
                self.voice = self.previous_speaker
                return self.voice
            self.first_person_narration = True
        return None

    def _voiced(self, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
        """Whether the paragraph speaks in the first person outside quotation marks."""
        starts = [s for s, _ in quotes]
        return any(
            not in_quote(quotes, starts, match.start())
            for match in _FIRST_PERSON.finditer(self.text, start, end)
        )

    def _voiced_ahead(self, end: int, paragraphs: int = 2) -> bool:
        """Whether one of the next `paragraphs` paragraphs speaks in the first person."""
        text = self.text
        for _ in range(paragraphs):
            start = end + 1
            if start >= len(text):
                return False
            end = text.find("\n", start)
            if end == -1:
                end = len(text)
            if self._voiced(start, end, quoted_spans(text, start, end)):
                return True
        return False

    def _flush(self, pending: list[tuple[int, int]], speaker: Suggestion | None) -> None:
        """Give the quotations that opened the paragraph to the speaker handed on to it."""
        if speaker is None or not pending:
            return
        self.found.extend(continued(self.text, s, e, speaker) for s, e in pending)


# --------------------------------------------------------------------------------------------
# Choosing the attribution of a sentence


def choose(sentence: Sentence) -> list[Suggestion]:
    """The suggestions for one sentence: none when it holds no usable cue, one per clause
    when clauses joined by "but", "and", "while" or ";" each name their own claimant."""
    candidates = find_candidates(sentence)
    told = first_person_told(sentence)
    if told is not None and all(
        told.start() < sentence.tokens[max(c.subject_at, c.pos, 0)].start for c in candidates
    ):
        candidates = []  # "We’re told the footage shows ...": the writer's unnamed sources
    if not candidates:
        hedge = find_hedge(sentence)
        if not hedge:
            return []
        return [
            Suggestion(
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
        ]
    citations, outlets = find_relays(sentence)
    found: list[Suggestion] = []
    for first, stop, start, end in clauses(sentence, candidates):
        in_clause = [c for c in candidates if first <= c.pos < stop]
        if not in_clause:
            continue
        suggestion = choose_in_clause(
            sentence,
            in_clause,
            [c for c in citations if first <= c[0] < stop],
            [name for at, name in outlets if first <= at < stop],
            start,
            end,
        )
        found.append(suggestion)
    return found


_COORDINATORS = frozenset("but and while whereas yet although though;".split()) | {";"}


def clauses(sentence: Sentence, candidates: list[Candidate]) -> list[tuple[int, int, int, int]]:
    """The clauses of the sentence that carry their own claimant, as (first token, stop
    token, start offset, end offset): "A pledged ..., but B acknowledged that ..." and "A
    said ... and B said ..." are two; a sentence with one claimant is one clause."""
    tokens = sentence.tokens
    main = sorted((c for c in candidates if not c.relative), key=lambda c: c.pos)
    bounds: list[tuple[int, int]] = []  # (coordinator token, first token of the next clause)
    previous: Candidate | None = None
    for candidate in main:
        subject = candidate.subject_at
        if (
            previous is not None
            and candidate.kind != "according"
            and subject > previous.pos
            and candidate.claimant != previous.claimant
            and not tokens[subject].quoted
            and tokens[subject - 1].lower in _COORDINATORS
            # a clause of its own: a subject that can open one, right before its verb
            and (
                tokens[subject].capitalised
                or tokens[subject].lower in DETERMINERS
                or tokens[subject].lower in PERSONAL_PRONOUNS
            )
            and all(t.text != "," for t in tokens[subject : candidate.pos])
        ):
            coordinator = subject - 1
            if coordinator > 0 and tokens[coordinator - 1].text == ",":
                coordinator -= 1
            bounds.append((coordinator, subject))
        previous = candidate
    if not bounds:
        return [(0, len(tokens), sentence.start, sentence.end)]
    found: list[tuple[int, int, int, int]] = []
    first, start = 0, sentence.start
    for coordinator, next_first in bounds:
        found.append((first, coordinator, start, tokens[coordinator - 1].end))
        first, start = next_first, tokens[next_first].start
    found.append((first, len(tokens), start, sentence.end))
    return found


def is_as_aside(sentence: Sentence, candidate: Candidate) -> bool:
    """Whether the cue is an aside "As X reports," before the clause it relays."""
    tokens = sentence.tokens
    subject = candidate.subject_at
    return (
        candidate.kind == "verb"
        and subject >= 1
        and tokens[subject - 1].lower == "as"
        and candidate.pos + 1 < len(tokens)
        and tokens[candidate.pos + 1].text == ","
    )


_PROPOSITION_VERBS = STRONG_VERBS | frozenset(
    """warned warns claimed claims insisted insists argued argues admitted admits
    acknowledged acknowledges denied denies promised promises pledged pledges vowed vows
    announced announces confirmed confirms""".split()
)
"""Verbs whose object is what was said: a trailing "..., the Gazette writes" after one of
them relays that statement rather than making its own."""


def choose_in_clause(
    sentence: Sentence,
    candidates: list[Candidate],
    citations: list[Citation],
    outlets: list[str],
    start: int,
    end: int,
) -> Suggestion:
    """The suggestion for one clause (`text[start:end]`) among its cues."""
    tokens = sentence.tokens
    main = [c for c in candidates if not c.relative] or candidates
    trailing = [c for c in main if c.trailing]
    verbs = [c for c in main if c.kind != "according"]
    accordings = [c for c in candidates if c.kind == "according"]
    outer: list[str] = []
    chosen: Candidate = trailing[0] if trailing else main[0]
    if chosen.kind == "according" and verbs and verbs[0].pos < chosen.pos:
        chosen = verbs[0]
    relay: Candidate | None = None
    asides = [c for c in verbs if c is not chosen and not is_as_aside(sentence, c)]
    if is_as_aside(sentence, chosen) and asides:
        # "As Mashable reports, the company announced that ...": Mashable relays
        outer.append(chosen.claimant)
        chosen = asides[0]
    if chosen.trailing and chosen.kind != "according":
        # "Donald Trump told leaders ..., the Gazette writes": the Gazette relays Trump
        earlier = [
            c
            for c in verbs
            if c.pos < chosen.subject_at
            and not c.trailing
            and c.claimant != chosen.claimant
            and tokens[c.pos].lower in _PROPOSITION_VERBS
        ]
        if earlier and chosen.subject_at >= 0:
            relay, chosen = chosen, earlier[0]
    else:
        # "Our sources say Lupita told police ...": Lupita's words, relayed by the sources
        inner = [
            c
            for c in verbs
            if c.pos > chosen.pos
            and c.kind == "verb"
            and c.claimant != chosen.claimant
            and tokens[c.pos].lower in STRONG_VERBS
            and c.subject_at > chosen.pos
            and all(t.lower == "that" for t in tokens[chosen.pos + 1 : c.subject_at])
        ]
        if inner and chosen.kind in ("verb", "pronoun"):
            outer.append(chosen.claimant)
            chosen = inner[0]
    if chosen.kind != "according" and accordings and accordings[0].pos > chosen.pos:
        according = accordings[0]  # "..., according to a report in the Gazette": a relay
        outer.extend(according.relays or [according.claimant])
    chain = [*outer, *chosen.relays, *outlets]
    claimant = chosen.claimant
    anonymous = chosen.anonymous
    cue = chosen.cue
    subject_start = chosen.subject_at if chosen.subject_at >= 0 else chosen.pos
    if relay is not None:
        # the relay and whatever it quotes, outermost first: "..., Outlet A writes,
        # quoting an article by Outlet B" -> [Outlet A, Outlet B]
        chain = [*outer, relay.claimant, *(c[1] for c in citations if c[0] > relay.pos)]
        chain += [*chosen.relays, *outlets]
        later: list[Citation] = []
    else:
        later = [c for c in citations if c[0] > subject_start]
    if later:
        # "X writes, quoting an article by Y" / "X, citing Y, which cited Z"
        for _, inner_claimant, inner_anonymous, _ in later:
            chain.append(claimant)
            claimant, anonymous = inner_claimant, inner_anonymous
        cue = cue.removesuffix(" that") + ", " + later[0][3]
    sources = tuple(dict.fromkeys(s for s in chain if s and s != claimant))
    quoted = sum(1 for t in tokens if t.quoted and t.is_word and start <= t.start < end)
    if quoted >= 3:
        attribution = Attribution.DIRECT_QUOTE
    elif anonymous:
        attribution = Attribution.ANONYMOUS
    else:
        attribution = Attribution.PARAPHRASE
    sentence.referents.remember(start, end, chosen, claimant, anonymous, bool(later))
    return Suggestion(
        start=start,
        end=end,
        sentence=sentence.text[start:end],
        claimant=claimant,
        cue=cue,
        attribution=attribution,
        sources=sources,
        anonymous=anonymous,
        description=chosen.description if claimant == chosen.claimant else "",
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


def continued(text: str, start: int, end: int, base: Suggestion, quoted: bool = True) -> Suggestion:
    """A sentence that continues the one `base` attributes (a quotation, unless `quoted`
    is False): its speaker, inherited."""
    return replace(
        base,
        start=start,
        end=end,
        sentence=text[start:end],
        attribution=Attribution.DIRECT_QUOTE if quoted else base.attribution,
        inherited=True,
    )


_QUOTE_GRAM = 5
"""How many quoted words in a row identify a quotation given again."""
_MAX_QUOTE_INDEX = 200_000
"""The most word runs indexed per article (bounds the memory a huge article takes)."""
_QUOTED_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")


def _quoted_words(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[str]:
    """The lower-cased words inside quotation marks within `[start, end)`."""
    words: list[str] = []
    index = max(0, bisect_right([q[0] for q in quotes], start) - 1)
    for quote_start, quote_end in quotes[index:]:
        if quote_start >= end:
            break
        lo, hi = max(start, quote_start), min(end, quote_end)
        if lo < hi:
            words.extend(w.lower() for w in _QUOTED_WORD.findall(text, lo, hi))
    return words


_WORD = re.compile(r"[^\W\d_]{2,}")


def is_prose(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` reads as prose (three words or more, few symbols), not code
    or a table."""
    span = text[start:end]
    symbols = sum(1 for ch in span if not ch.isalnum() and not ch.isspace())
    return len(_WORD.findall(span)) >= 3 and symbols * 6 <= len(span)


_GOES_ON = re.compile(
    r"(?:Additionally|In addition|Moreover|Furthermore|Also|For example|For instance),\s"
)
"""A sentence that goes on with the claim of the sentence before ("Additionally, ...")."""
