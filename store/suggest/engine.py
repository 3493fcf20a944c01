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
from claimmark.store.suggest.cues import CUE_HINT, find_candidates, find_hedge, find_relays
from claimmark.store.suggest.phrases import clean_claimant, is_anonymous, phrase_after
from claimmark.store.suggest.referents import Referent, Referents
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.suggestion import UNNAMED, Suggestion, Suggestions
from claimmark.store.suggest.tokens import quoted_spans
from claimmark.store.suggest.words import PEOPLE_NOUNS

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
        last: Suggestion | None = None  # the last suggestion in this paragraph
        last_quoted = False
        pending: list[tuple[int, int]] = []  # quotations still open, waiting for a cue
        leading = True  # still in the quotation that opens the paragraph
        ends_in_quote = False
        ends_attributed = False  # whether the paragraph's last sentence got a suggestion
        for start_at, end_at in spans:
            ends_attributed = False
            hint = CUE_HINT.search(text, start_at, end_at) is not None
            subject = UNNAMED_PERSON_OPENING.match(text, start_at, end_at)
            quoted = in_quote(quotes, quote_starts, start_at) or has_quote(
                quote_starts, start_at, end_at
            )
            ends_in_quote = quote_goes_on(quotes, quote_starts, end_at)
            if block is not None and not hint:
                self.found.append(continued(text, start_at, end_at, block))
                ends_attributed = True
                continue
            if not hint and not quoted and subject is None:
                self._flush(pending, handover if leading and opens_quoted else None)
                pending = []
                leading = False
                continue
            sentence = Sentence(self.referents, start_at, end_at, quotes)
            if subject is not None:
                remember_subject(sentence)
            suggestion = choose(sentence) if hint else None
            if suggestion is None and block is not None:
                self.found.append(continued(text, start_at, end_at, block))
                ends_attributed = True
                continue
            if suggestion is not None:
                block = self.block = None  # a cue of its own ends a block quotation
                if pending and sentence.tokens and sentence.tokens[0].quoted:
                    self.found.extend(continued(text, s, e, suggestion) for s, e in pending)
                    pending = []
                self._flush(pending, handover if leading and opens_quoted else None)
                pending = []
                leading = False
                self.found.append(suggestion)
                last, last_quoted = suggestion, sentence.quote_words >= 3
                ends_attributed = True
                continue
            if sentence.fully_quoted():
                if last is not None and last_quoted:
                    inherited = continued(text, start_at, end_at, last)
                    self.found.append(inherited)
                    last = inherited
                    ends_attributed = True
                elif quote_goes_on(quotes, quote_starts, end_at) or (
                    leading and opens_quoted and handover is not None
                ):
                    pending.append((start_at, end_at))  # the quotation goes on
                continue
            self._flush(pending, handover if leading and opens_quoted else None)
            pending = []
            leading = False
        if pending:
            self._flush(pending, handover if leading and opens_quoted else None)
            if leading and opens_quoted and handover is not None:
                last, last_quoted, ends_attributed = handover, True, True
        if last is not None and ends_attributed and (last_quoted or ends_in_quote):
            # The paragraph ends on an attributed quotation, or inside an open one: the next
            # paragraph's opening quotation is most likely the same speaker's.
            self.handover = last
        if last is not None and ends_attributed and text[spans[-1][0] : spans[-1][1]].endswith(":"):
            # "X said:" closing the paragraph: what follows is X's, quotation marks or not.
            self.block, self.block_paragraphs = last, 0
        named = [s for s in self.found[found_before:] if not s.anonymous]
        self.previous_speaker = named[-1] if named else None

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


def continued(text: str, start: int, end: int, base: Suggestion) -> Suggestion:
    """A quotation that continues (or opens) the one `base` attributes: its speaker,
    inherited."""
    return replace(
        base,
        start=start,
        end=end,
        sentence=text[start:end],
        attribution=Attribution.DIRECT_QUOTE,
        inherited=True,
    )
