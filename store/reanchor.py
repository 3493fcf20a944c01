"""Carrying annotations from one text of an article to the next (re-anchoring).

When a new version of an article arrives, every annotation of the old text is placed in
the new one, or reported as an orphan when its words are gone. Nothing here touches
SQLite: `reanchor(old, new, anchors)` returns one `Placement` per anchor, and the store
writes them in the transaction that stores the new version.

How an annotation is placed, cheapest first:

1. **One diff of old to new.** Paragraphs are diffed first (rapidfuzz's LCS opcodes over
   the list of paragraphs); unchanged paragraphs map by a constant shift, and changed ones
   are paired with the new paragraph they became (the same text elsewhere: a moved
   paragraph; else the most similar one nearby). A paragraph split in two, or two
   merged into one, is grouped with the part split off (merged in) when that part stands
   whole at the join (`TextMap._join_splits`), so the group is diffed as one stretch.
   Only inside a changed pair (or group) is a finer diff taken, over word tokens, and
   only when an annotation lies in it. Both ends of the annotation are mapped through
   that diff.
2. **Verify.** If the mapped span holds exactly the quote, with its paragraph unchanged
   or the text beside it within the paragraph intact on at least one side, the
   annotation is there.
3. **Exact search.** Otherwise the quote is looked for, exactly, near the mapped place
   and then in the whole text; each occurrence is scored (below): the same words in an
   unrelated sentence are not the annotation's place.
4. **Fuzzy match.** The mapped span (when the words under it changed) and the best
   approximate occurrence of the quote near the expected place (rapidfuzz's
   `partial_ratio_alignment`, its ends refined by aligning prefix + quote + suffix) are
   scored too.

The score is Hypothesis's: ``(50 quote + 20 prefix + 20 suffix + 2 position) / 92``, each
part a similarity in 0..1 (rapidfuzz's normalised Indel similarity; position is closeness
to the expected place). Unlike Hypothesis, prefix and suffix count only above what
unrelated text of the same length reaches by chance (`CHANCE`), so that a common phrase in
an unrelated sentence scores little, and **nothing scoring below `MIN_SCORE` is placed**:
the annotation is an orphan. A placed
annotation whose words differ from its quote is `CHANGED`; the caller keeps the quote as
it was marked, so the user sees what changed.

**Words lost where they were.** When the diff says the annotation's own words were
deleted (its paragraph has no counterpart) or replaced, or that the words around them
within their paragraph all changed, the same words found elsewhere may be a copy (a
repeated credit line, the phrase quoted in another sentence) as easily as the words
moved. Such a place is taken as `EXACT` only when it is unmistakable: exactly the old
prefix and suffix around it, and that quote-with-context once in the new text and once in
the old. Otherwise the annotation is an orphan when the diff shows its words replaced in
place with the text around them intact, or when the copy is text the diff kept from
another paragraph; else it is placed and flagged `MOVED`, for the user to check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from claimmark.store.text import paragraph_spans

QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0
"""Hypothesis's weights for the parts of a match's score (its client's match-quote)."""

CHANCE = 0.4
"""The similarity (0..1) that unrelated English text of the same length reaches on
average (measured on the sample articles: mean 0.36, 99th percentile 0.50, for 32
characters). A part of the score counts only what is above it."""

MIN_SCORE = 0.7
"""Below this score nothing is placed: the annotation becomes an orphan. The exact quote
with unrelated text on both sides scores 0.54-0.64 (chance likeness of the contexts); the
right place of a quote whose words were half rewritten, its context intact, 0.72 and
more. A quote of one word replaced by an unlike word ("close" by "near") scores below
it and is reported as an orphan rather than guessed."""

INTACT = 0.8
"""Context at least this similar (above chance, 0..1) on both sides counts as intact: the
diff's place between intact context is taken before copies of the words elsewhere."""

SHORT_QUOTE = 12
"""A quote shorter than this (a word or two) found elsewhere is taken only where the text
on at least one side of it is the old context: its own words say nothing of which
occurrence it was."""

PAIR_MIN = 0.5
"""Two changed paragraphs are paired (one became the other) when at least this similar."""

CONTEXT_AGREEMENT = 32
"""How many characters of agreeing context the edge of the text counts for, when the
quote began or ended the old text (its prefix or suffix is empty): a whole stored
context's worth (`store.anchoring.CONTEXT`)."""

WINDOW = 2000
"""How far (characters) around the expected place the exact and fuzzy searches look
first."""

_MAX_PAIRING = 400_000
"""Above this many (unpaired old x unpaired new) paragraph comparisons, changed paragraphs
are paired only inside the diff's own replace blocks."""

TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
"""Word tokens: runs of word characters, runs of space, single other characters."""


class Outcome(StrEnum):
    """What became of an annotation in the new text."""

    EXACT = "exact"
    """Placed on the same words."""
    CHANGED = "changed"
    """Placed, but the words under it differ from its quote."""
    MOVED = "moved"
    """Placed on the same words found elsewhere, while the diff says its own words were
    deleted or replaced: most likely its words moved, but a copy of them (a repeated
    credit line, the same phrase in another sentence) looks the same, so it is flagged
    for the user to check rather than taken as exactly right."""
    ORPHAN = "orphan"
    """Not placed: its words are gone (or no place scored `MIN_SCORE`)."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sits in the old text: its span and its quote selector."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an anchor landed in the new text (`start`/`end` are None for an orphan)."""

    outcome: Outcome
    start: int | None
    end: int | None
    score: float
    """The match's score in 0..1 (1.0 for the same words at the diff-mapped place)."""
    how: str
    """``diff`` (the mapped place), ``search`` (the exact quote found elsewhere),
    ``fuzzy``, or ``none`` (an orphan)."""


class Region(NamedTuple):
    """A stretch of a diff: source tokens [a0, a1) became destination tokens [b0, b1)."""

    equal: bool
    a0: int
    a1: int
    b0: int
    b1: int


def diff_regions(a: Sequence[str], b: Sequence[str]) -> list[Region]:
    """The LCS diff of two sequences as alternating equal / changed regions (a changed
    region merges the adjacent inserts and deletes that rapidfuzz reports apart)."""
    regions: list[Region] = []
    for op in Indel.opcodes(a, b):
        equal = op.tag == "equal"
        if regions and not equal and not regions[-1].equal:
            last = regions[-1]
            regions[-1] = Region(False, last.a0, op.src_end, last.b0, op.dest_end)
        else:
            regions.append(Region(equal, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return regions


def _cumulative(tokens: Sequence[str]) -> list[int]:
    starts = [0]
    total = 0
    for token in tokens:
        total += len(token)
        starts.append(total)
    return starts


class TokenMap:
    """Maps character offsets of text `a` to text `b` through a diff of their word tokens
    (words, runs of space, single punctuation marks)."""

    def __init__(self, a: str, b: str) -> None:
        ta = TOKEN.findall(a)
        tb = TOKEN.findall(b)
        self.a_starts = _cumulative(ta)
        self.b_starts = _cumulative(tb)
        self.regions = diff_regions(ta, tb)
        self._region_ends = [r.a1 for r in self.regions]

    def _region_of(self, token: int) -> Region:
        return self.regions[min(bisect_right(self._region_ends, token), len(self.regions) - 1)]

    def map(self, pos: int, *, end: bool) -> int:
        """Where offset `pos` of `a` is in `b`. An `end` offset (exclusive) is mapped by
        the character before it, a start by the character at it; an offset inside text
        that changed goes to the start (or end) of what replaced it."""
        a_len = self.a_starts[-1]
        if end:
            if pos <= 0:
                return 0
            token = bisect_right(self.a_starts, pos - 1) - 1
        else:
            if pos >= a_len:
                return self.b_starts[-1]
            token = bisect_right(self.a_starts, pos) - 1
        region = self._region_of(token)
        if region.equal:
            return self.b_starts[region.b0 + token - region.a0] + pos - self.a_starts[token]
        return self.b_starts[region.b1] if end else self.b_starts[region.b0]

    def kept(self, start: int, end: int) -> bool:
        """True when all of `b[start:end]` is text of `a` that the diff kept (inside its
        equal regions), not text that was added."""
        first = bisect_right(self.b_starts, start) - 1
        last = bisect_right(self.b_starts, max(start, end - 1)) - 1
        for region in self.regions:
            if region.b1 <= first or region.b0 > last or region.b0 == region.b1:
                continue
            if not region.equal:
                return False
        return True


class Group(NamedTuple):
    """Old paragraphs old_lo..old_hi (inclusive) became new paragraphs new_lo..new_hi: a
    paragraph split in two, or two merged into one."""

    old_lo: int
    old_hi: int
    new_lo: int
    new_hi: int


class TextMap:
    """One diff of an old text to a new one, paragraph by paragraph, that maps offsets.

    Built once per new version; the word-level diff of a changed paragraph is made only
    when an offset in it is asked for."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        self.old_spans = paragraph_spans(old)
        self.new_spans = paragraph_spans(new)
        self._old_starts = [s for s, _ in self.old_spans]
        self._new_starts = [s for s, _ in self.new_spans]
        self.old_paragraphs = [old[s:e] for s, e in self.old_spans]
        """The old text's paragraphs, without their newlines."""
        self.new_paragraphs = [new[s:e] for s, e in self.new_spans]
        """The new text's paragraphs, without their newlines."""
        old_paras, new_paras = self.old_paragraphs, self.new_paragraphs
        self.pair: list[int | None] = [None] * len(old_paras)
        self.same: list[bool] = [False] * len(old_paras)
        blocks: list[tuple[list[int], list[int]]] = []
        for region in diff_regions(old_paras, new_paras):
            if region.equal:
                for k in range(region.a1 - region.a0):
                    self.pair[region.a0 + k] = region.b0 + k
                    self.same[region.a0 + k] = True
            else:
                blocks.append(
                    (list(range(region.a0, region.a1)), list(range(region.b0, region.b1)))
                )
        self._pair_changed(blocks, old_paras, new_paras)
        self._maps: dict[Group, TokenMap] = {}
        self._source: dict[int, int] | None = None
        self.groups: dict[int, Group] = {}
        """Old paragraph -> the group it is mapped in, for paragraphs that were split or
        merged (`_join_splits`); other paragraphs map one to one through `pair`."""
        self._groups_new: dict[int, Group] = {}
        self._join_splits(old_paras, new_paras)

    def _pair_changed(
        self,
        blocks: list[tuple[list[int], list[int]]],
        old_paras: list[str],
        new_paras: list[str],
    ) -> None:
        """Pair each changed old paragraph with the new paragraph it became: the same text
        anywhere (moved), else the most similar one in its own block, else anywhere."""
        free_new: dict[str, list[int]] = {}
        for _, news in blocks:
            for j in news:
                free_new.setdefault(new_paras[j], []).append(j)
        taken: set[int] = set()
        for olds, _ in blocks:
            for i in olds:
                same = free_new.get(old_paras[i])
                if same:
                    j = same.pop(0)
                    self.pair[i] = j
                    self.same[i] = True
                    taken.add(j)
        cutoff = PAIR_MIN * 100
        for olds, news in blocks:
            self._pair_best(olds, news, old_paras, new_paras, taken, cutoff, grown=True)
        left_old = [i for olds, _ in blocks for i in olds if self.pair[i] is None]
        left_new = [j for _, news in blocks for j in news if j not in taken]
        self._pair_best(left_old, left_new, old_paras, new_paras, taken, cutoff, grown=False)

    def _pair_best(
        self,
        olds: list[int],
        news: list[int],
        old_paras: list[str],
        new_paras: list[str],
        taken: set[int],
        cutoff: float,
        *,
        grown: bool,
    ) -> None:
        """Pair old and new paragraphs one to one, the most similar pairs first, each pair
        at least `cutoff` (0..100) alike. With `grown` (paragraphs at the same place in the
        diff), one that holds most of the other counts as alike too: a paragraph that grew
        by a sentence, or lost one, keeps its partner."""
        olds = [i for i in olds if self.pair[i] is None]
        news = [j for j in news if j not in taken]
        if not olds or not news or len(olds) * len(news) > _MAX_PAIRING:
            return
        scored = []
        for i in olds:
            for j in news:
                a, b = old_paras[i], new_paras[j]
                score = fuzz.ratio(a, b)
                if grown and min(len(a), len(b)) >= 30:
                    # How much of the shorter one the longer holds; only near-whole
                    # containment counts (unrelated text shares a third by chance).
                    common = (len(a) + len(b) - Indel.distance(a, b)) / 2
                    held = 100 * common / min(len(a), len(b))
                    if held >= 80:
                        score = max(score, held)
                elif grown and _contains(a, b):
                    # A short paragraph left of a longer one (its other sentences
                    # deleted), or grown into one: the same words, whole.
                    score = max(score, 100.0)
                if score >= cutoff:
                    scored.append((score, -abs(i - j), i, j))
        for _, _, i, j in sorted(scored, reverse=True):
            if self.pair[i] is None and j not in taken:
                self.pair[i] = j
                taken.add(j)

    def _join_splits(self, old_paras: list[str], new_paras: list[str]) -> None:
        """Group a changed pair with the unpaired paragraphs next to it that were split
        off it or merged into it: a new paragraph beside the partner whose words the old
        paragraph holds (a split), or an old paragraph beside it whose words the partner
        holds (a merge). The group is then diffed as one stretch of text, so the notes
        in the split-off (merged) part map like the rest."""
        taken = {j for j in self.pair if j is not None}
        for i, j in enumerate(self.pair):
            if j is None or self.same[i] or i in self.groups:
                continue
            group = Group(i, i, j, j)
            grew = True
            while grew:
                grew = False
                for side in (-1, 1):
                    k = (group.new_lo - 1) if side < 0 else (group.new_hi + 1)
                    if 0 <= k < len(new_paras) and k not in taken:
                        if self._absorbs(old_paras, new_paras, group, new_k=k):
                            group = group._replace(
                                new_lo=min(group.new_lo, k), new_hi=max(group.new_hi, k)
                            )
                            taken.add(k)
                            grew = True
                    m = (group.old_lo - 1) if side < 0 else (group.old_hi + 1)
                    if 0 <= m < len(old_paras) and self.pair[m] is None and m not in self.groups:
                        if self._absorbs(old_paras, new_paras, group, old_m=m):
                            group = group._replace(
                                old_lo=min(group.old_lo, m), old_hi=max(group.old_hi, m)
                            )
                            grew = True
            if group != Group(i, i, j, j):
                for member in range(group.old_lo, group.old_hi + 1):
                    self.groups[member] = group
                for member in range(group.new_lo, group.new_hi + 1):
                    self._groups_new[member] = group

    def _absorbs(
        self,
        old_paras: list[str],
        new_paras: list[str],
        group: Group,
        *,
        new_k: int | None = None,
        old_m: int | None = None,
    ) -> bool:
        """True when new paragraph `new_k` was split off the group's old text (or old
        paragraph `old_m` merged into its new text): it stands whole in the other side,
        right at the join (only space between it and the rest, which ends or begins
        there as it does on its own side), and adding it makes the two sides more alike.
        A paragraph deleted while the same words were written into a neighbour's
        sentence is not at the join, so it is not taken for a merge."""
        old_side = "\n".join(old_paras[group.old_lo : group.old_hi + 1])
        new_side = "\n".join(new_paras[group.new_lo : group.new_hi + 1])
        if new_k is not None:
            added, own, other = new_paras[new_k], new_side, old_side
            before = new_k < group.new_lo
        else:
            assert old_m is not None
            added, own, other = old_paras[old_m], old_side, new_side
            before = old_m < group.old_lo
        if len(added.strip()) < SHORT_QUOTE:
            return False
        if not _joined(added, own, other, added_first=before):
            return False
        grown_own = added + "\n" + own if before else own + "\n" + added
        return fuzz.ratio(grown_own, other) > fuzz.ratio(own, other)

    def _span(self, i: int) -> tuple[int, int, int, int, TokenMap | None] | None:
        """Old paragraph `i`'s stretch of old text, the new text it maps to (its pair's,
        or its group's), and the word diff between them (None when they are the same
        text); None when it has no counterpart."""
        group = self.groups.get(i)
        if group is None:
            j = self.pair[i]
            if j is None:
                return None
            group = Group(i, i, j, j)
        a0, a1 = self.old_spans[group.old_lo][0], self.old_spans[group.old_hi][1]
        b0, b1 = self.new_spans[group.new_lo][0], self.new_spans[group.new_hi][1]
        if group.old_lo == group.old_hi and self.same[i]:
            return a0, a1, b0, b1, None
        found = self._maps.get(group)
        if found is None:
            found = self._maps[group] = TokenMap(self.old[a0:a1], self.new[b0:b1])
        return a0, a1, b0, b1, found

    def map(self, pos: int, *, end: bool) -> int | None:
        """Where offset `pos` of the old text is in the new one, or None when its
        paragraph has no counterpart (deleted)."""
        probe = pos - 1 if end else pos
        if probe < 0:
            return 0
        i = max(0, bisect_right(self._old_starts, probe) - 1)
        j = self.pair[i]
        if self.same[i] and j is not None and i not in self.groups:  # the common case
            a0, a1 = self.old_spans[i]
            b0, b1 = self.new_spans[j]
            if probe >= a1:  # the newline after the paragraph
                return b1 + 1 if end else b1
            return b0 + pos - a0
        span = self._span(i)
        if span is None:
            return None
        a0, a1, b0, b1, words = span
        if probe >= a1:  # the newline after the paragraph (or group)
            return b1 + 1 if end else b1
        local = pos - a0
        if words is None:
            return b0 + local
        return b0 + words.map(local, end=end)

    @property
    def source(self) -> dict[int, int]:
        """New paragraph -> the old paragraph paired with it (those that have one)."""
        if self._source is None:
            self._source = {j: i for i, j in enumerate(self.pair) if j is not None}
        return self._source

    def kept_elsewhere(self, start: int, end: int, old_paragraph: int) -> bool:
        """True when `new[start:end]` is old text the diff kept from a paragraph other
        than `old_paragraph`: the words of another place, not new text."""
        j = max(0, bisect_right(self._new_starts, start) - 1)
        group = self._groups_new.get(j)
        if group is not None:
            i = group.old_lo
            if group.old_lo <= old_paragraph <= group.old_hi:
                return False
        else:
            found = self.source.get(j)
            if found is None or found == old_paragraph:
                return False
            i = found
        span = self._span(i)
        if span is None:
            return False
        _, _, b0, b1, words = span
        if end > b1:
            return False
        return words is None or words.kept(start - b0, end - b0)

    def unchanged(self, start: int, end: int) -> bool:
        """True when every old paragraph that [start, end) touches is in the new text as
        it was (perhaps moved)."""
        first = self.paragraph_of(start)
        last = self.paragraph_of(max(start, end - 1))
        return all(
            self.same[i] and self.pair[i] is not None and i not in self.groups
            for i in range(first, last + 1)
        )

    def paragraph_of(self, pos: int) -> int:
        """The index of the old paragraph that holds old offset `pos`."""
        return max(0, bisect_right(self._old_starts, pos) - 1)

    def nearest(self, pos: int) -> int:
        """An expected place in the new text for old offset `pos`, even when its paragraph
        was deleted: the mapped start of the nearest paragraph after it that survives (or
        the end of the new text)."""
        mapped = self.map(pos, end=False)
        if mapped is not None:
            return mapped
        i = max(0, bisect_right(self._old_starts, pos) - 1)
        for k in range(i + 1, len(self.pair)):
            j = self.pair[k]
            if j is not None:
                return self.new_spans[j][0]
        return len(self.new)


JOIN = 16
"""How many characters of the rest of a split (merged) paragraph must meet the split-off
(merged) part at the join for `TextMap` to take it as a split (merge)."""


def _joined(added: str, own: str, whole: str, *, added_first: bool) -> bool:
    """True when `whole` holds all of paragraph `added` right at the join with paragraph
    `own`: only space between it and at least the `JOIN` characters of `own` that meet
    it (`added` before `own` when `added_first`). `whole` is the one text that holds
    both: the paragraph they were split from, or the one they were merged into."""
    part = added.strip()
    edge = own.strip()[:JOIN] if added_first else own.strip()[-JOIN:]
    if not part or not edge:
        return False
    at = whole.find(part)
    while at != -1:
        if added_first and whole[at + len(part) :].lstrip().startswith(edge):
            return True
        if not added_first and whole[:at].rstrip().endswith(edge):
            return True
        at = whole.find(part, at + 1)
    return False


def _contains(a: str, b: str) -> bool:
    """True when the shorter of two paragraphs, stripped and at least `SHORT_QUOTE`
    characters long, appears whole in the longer."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    shorter = shorter.strip()
    return len(shorter) >= SHORT_QUOTE and shorter in longer


def similarity(a: str, b: str) -> float:
    """How alike two strings are, in 0..1: rapidfuzz's normalised Indel similarity."""
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def context_similarity(a: str, b: str) -> float:
    """How alike two context strings are, counting only what is above `CHANCE` (what
    unrelated text reaches), rescaled to 0..1."""
    return max(0.0, (similarity(a, b) - CHANCE) / (1.0 - CHANCE))


def score_match(text: str, start: int, end: int, anchor: Anchor, *, position: float = 1.0) -> float:
    """The score of placing `anchor` on `text[start:end]` (see the module docstring).
    `position` is the closeness to the expected place in 0..1."""
    quote = similarity(anchor.quote, text[start:end])
    prefix = (
        context_similarity(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
        if anchor.prefix
        else (1.0 if start == 0 else 0.5)
    )
    suffix = (
        context_similarity(anchor.suffix, text[end : end + len(anchor.suffix)])
        if anchor.suffix
        else (1.0 if end == len(text) else 0.5)
    )
    total = (
        QUOTE_WEIGHT * quote
        + PREFIX_WEIGHT * prefix
        + SUFFIX_WEIGHT * suffix
        + POSITION_WEIGHT * position
    )
    return total / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)


def _context_agreement(text: str, start: int, end: int, anchor: Anchor) -> tuple[int, int]:
    """How many characters of prefix (read backwards) and of suffix agree exactly here.
    An empty prefix (suffix) means the quote began (ended) the old text: it agrees, as
    much as a whole context would (`CONTEXT_AGREEMENT`), where the quote begins (ends)
    the new text too."""
    if not anchor.prefix and start == 0:
        start_bonus = CONTEXT_AGREEMENT
    else:
        start_bonus = 0
    end_bonus = CONTEXT_AGREEMENT if not anchor.suffix and end == len(text) else 0
    before, after = _agreement(text, start, end, anchor)
    return before + start_bonus, after + end_bonus


def _agreement(text: str, start: int, end: int, anchor: Anchor) -> tuple[int, int]:
    before = 0
    for a, b in zip(
        reversed(text[max(0, start - len(anchor.prefix)) : start]),
        reversed(anchor.prefix),
        strict=False,
    ):
        if a != b:
            break
        before += 1
    after = 0
    for a, b in zip(text[end : end + len(anchor.suffix)], anchor.suffix, strict=False):
        if a != b:
            break
        after += 1
    return before, after


def _occurs_once(text: str, part: str) -> bool:
    first = text.find(part)
    return first != -1 and text.find(part, first + 1) == -1


def occurrences(text: str, quote: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of every occurrence of `quote` within `text[lo:hi]`."""
    found: list[int] = []
    if not quote:
        return found
    index = text.find(quote, lo, hi)
    while index != -1:
        found.append(index)
        index = text.find(quote, index + 1, hi)
    return found


class Reanchorer:
    """Places anchors of one old text in one new text (see the module docstring)."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        self.map = TextMap(old, new)

    def _position(self, start: int, expected: int) -> float:
        return max(0.0, 1.0 - abs(start - expected) / max(len(self.new), 1))

    def place(self, anchor: Anchor) -> Placement:
        """Where `anchor` goes in the new text."""
        new = self.new
        quote = anchor.quote
        mapped_start = self.map.map(anchor.start, end=False)
        mapped_end = self.map.map(anchor.end, end=True)
        mapped = (
            (mapped_start, mapped_end)
            if mapped_start is not None and mapped_end is not None and mapped_end > mapped_start
            else None
        )
        # 1-2. The diff's place holds the same words: done (unless the same words sit
        # elsewhere nearby with clearly more of the old context around them).
        if mapped is not None and new[mapped[0] : mapped[1]] == quote:
            if (
                new[max(0, mapped[0] - len(anchor.prefix)) : mapped[0]] == anchor.prefix
                or new[mapped[1] : mapped[1] + len(anchor.suffix)] == anchor.suffix
                or self.map.unchanged(anchor.start, anchor.end)
                or self._context_intact(anchor, *mapped, either=True, local=True)
            ):
                return Placement(Outcome.EXACT, mapped[0], mapped[1], 1.0, "diff")
            # The text on both sides changed: another copy with more of the old context
            # is taken instead; either way, unless it is unmistakable, a check is asked
            # (the same words in a new sentence may no longer say what was marked).
            here = _context_agreement(new, mapped[0], mapped[1], anchor)
            better = self._better_exact(anchor, mapped[0], sum(here))
            at, how = (mapped[0], "diff") if better is None else (better, "search")
            outcome = (
                Outcome.EXACT if self._unmistakable(anchor, at, at + len(quote)) else Outcome.MOVED
            )
            return Placement(outcome, at, at + len(quote), 1.0, how)
        expected = mapped[0] if mapped is not None else self.map.nearest(anchor.start)
        candidates: list[tuple[float, int, int, str]] = []
        # 3. The exact quote elsewhere.
        found = self._exact(quote, expected)
        if mapped is not None:
            # The diff's place grew or shrank around the same words (text inserted right at
            # an edge of the quote): the words inside it are the annotation's.
            inside = [s for s in found if mapped[0] <= s and s + len(quote) <= mapped[1]]
            if inside:
                start = min(inside, key=lambda s: abs(s - mapped[0]))
                end = start + len(quote)
                if self._context_intact(
                    anchor, start, end, either=True, local=True
                ) or self._unmistakable(anchor, start, end):
                    return Placement(Outcome.EXACT, start, end, 1.0, "diff")
                return Placement(Outcome.MOVED, start, end, 1.0, "diff")
            # The diff's place, its words changed: with the text around it as it was, it is
            # what the quote became (copies of the old words elsewhere are other text).
            score = score_match(new, mapped[0], mapped[1], anchor)
            if score >= MIN_SCORE and self._context_intact(anchor, *mapped):
                return Placement(Outcome.CHANGED, mapped[0], mapped[1], score, "fuzzy")
            candidates.append((score, mapped[0], mapped[1], "fuzzy"))
        if found:
            for start in found:
                if len(quote) < SHORT_QUOTE and not self._context_intact(
                    anchor, start, start + len(quote), either=True
                ):
                    continue  # a word or two: only its context says which occurrence
                score = score_match(
                    new, start, start + len(quote), anchor, position=self._position(start, expected)
                )
                candidates.append((score, start, start + len(quote), "search"))
        # 4. Fuzzy: the best approximate match near the expected place.
        if not found:
            fuzzy = self._fuzzy(anchor, expected)
            if fuzzy is not None:
                start, end = fuzzy
                score = score_match(
                    new, start, end, anchor, position=self._position(start, expected)
                )
                candidates.append((score, start, end, "fuzzy"))
        if not candidates:
            return Placement(Outcome.ORPHAN, None, None, 0.0, "none")
        score, start, end, how = max(candidates, key=lambda c: (c[0], -abs(c[1] - expected)))
        if score < MIN_SCORE or end <= start:
            return Placement(Outcome.ORPHAN, None, None, score, "none")
        if new[start:end] != quote:
            return Placement(Outcome.CHANGED, start, end, score, how)
        # The same words, found by search away from the diff's place: the diff says the
        # annotation's own words were deleted (its paragraph has no counterpart) or
        # replaced (by unlike words, or the mapped place would have been taken above).
        # A copy elsewhere is taken as exactly right only when it is unmistakable;
        # where the diff shows the very place the words were replaced, with the text
        # around it intact, a copy elsewhere is other text (an orphan); otherwise it is
        # placed but flagged as moved, for the user to check.
        if self._unmistakable(anchor, start, end):
            return Placement(Outcome.EXACT, start, end, score, how)
        if (mapped is not None and self._context_intact(anchor, *mapped)) or (
            self.map.kept_elsewhere(start, end, self.map.paragraph_of(anchor.start))
        ):
            return Placement(Outcome.ORPHAN, None, None, score, "none")
        return Placement(Outcome.MOVED, start, end, score, how)

    def _unmistakable(self, anchor: Anchor, start: int, end: int) -> bool:
        """True when the quote at [start, end) has exactly its old context on both sides
        (a context shorter than `CONTEXT_AGREEMENT` ended at the text's edge, so it must
        here too) and that quote-with-context appears once in the new text and once in
        the old (so it is not the copy of another place's words)."""
        new = self.new
        prefix, suffix = anchor.prefix, anchor.suffix
        if (
            new[max(0, start - len(prefix)) : start] != prefix
            or new[end : end + len(suffix)] != suffix
        ):
            return False
        if len(prefix) < CONTEXT_AGREEMENT and start != len(prefix):
            return False
        if len(suffix) < CONTEXT_AGREEMENT and end + len(suffix) != len(new):
            return False
        whole = anchor.prefix + anchor.quote + anchor.suffix
        return _occurs_once(new, whole) and _occurs_once(self.old, whole)

    def _context_intact(
        self,
        anchor: Anchor,
        start: int,
        end: int,
        *,
        either: bool = False,
        local: bool = False,
    ) -> bool:
        """True when the text on both sides of [start, end) (on one side, with `either`)
        is (nearly) the old context. With `local`, only the context inside the quote's
        paragraph counts, on both texts (what lies past a line break is another
        paragraph's, which may have moved)."""
        new = self.new
        prefix, suffix = anchor.prefix, anchor.suffix
        before = new[max(0, start - len(prefix)) : start]
        after = new[end : end + len(suffix)]
        if local:
            prefix, before = (side[side.rfind("\n") + 1 :] for side in (prefix, before))
            suffix, after = (side.partition("\n")[0] for side in (suffix, after))
        sides = (
            context_similarity(prefix, before) >= INTACT,
            context_similarity(suffix, after) >= INTACT,
        )
        return any(sides) if either else all(sides)

    def _exact(self, quote: str, expected: int) -> list[int]:
        """Occurrences of `quote` near `expected`, or anywhere when there are none near."""
        lo = max(0, expected - WINDOW - len(quote))
        hi = min(len(self.new), expected + WINDOW + len(quote))
        near = occurrences(self.new, quote, lo, hi)
        return near if near else occurrences(self.new, quote)

    def _better_exact(self, anchor: Anchor, at: int, agreement: int) -> int | None:
        """Another occurrence of the quote near `at` whose context agrees with the old
        one by at least 8 more characters, if there is one."""
        best, best_agreement = None, agreement + 8
        for start in self._exact(anchor.quote, at):
            if start == at:
                continue
            here = sum(_context_agreement(self.new, start, start + len(anchor.quote), anchor))
            if here >= best_agreement:
                best, best_agreement = start, here
        return best

    def _fuzzy(self, anchor: Anchor, expected: int) -> tuple[int, int] | None:
        """The best approximate occurrence of the quote near `expected`, with its ends
        found by aligning prefix + quote + suffix to the text around it."""
        quote = anchor.quote
        lo = max(0, expected - WINDOW - len(quote))
        hi = min(len(self.new), expected + WINDOW + 2 * len(quote))
        window = self.new[lo:hi]
        if not window.strip():
            return None
        hit = fuzz.partial_ratio_alignment(quote, window, score_cutoff=CHANCE * 100)
        if hit is None:
            return None
        slack = len(quote) // 2 + 8
        a0 = max(0, lo + hit.dest_start - len(anchor.prefix) - slack)
        a1 = min(len(self.new), lo + hit.dest_end + len(anchor.suffix) + slack)
        pattern = anchor.prefix + quote + anchor.suffix
        # Align the pattern to the text: prefix and suffix pin where the quote's ends go.
        mapping = TokenMap(pattern, self.new[a0:a1])
        start = a0 + mapping.map(len(anchor.prefix), end=False)
        end = a0 + mapping.map(len(anchor.prefix) + len(quote), end=True)
        if end <= start:
            return None
        return start, end


def reanchor(old: str, new: str, anchors: Sequence[Anchor]) -> list[Placement]:
    """Place every anchor of `old` in `new` (one `Placement` each, in order)."""
    if not anchors:
        return []
    placer = Reanchorer(old, new)
    return [placer.place(anchor) for anchor in anchors]


__all__ = [
    "CHANCE",
    "MIN_SCORE",
    "Anchor",
    "Outcome",
    "Placement",
    "Reanchorer",
    "TextMap",
    "TokenMap",
    "reanchor",
    "TOKEN",
    "context_similarity",
    "diff_regions",
    "score_match",
    "similarity",
]
