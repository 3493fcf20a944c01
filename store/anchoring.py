"""Anchoring annotations to text: the exact quote with some context on either side.

An annotation stores its character offsets *and* a text-quote selector (quote, prefix,
suffix; the store keeps `CONTEXT` characters either side). What uses this module today:
importing a JSON collection (`store.export.webanno_import`) finds a quote whose offsets do
not match the article's text with `locate`, and `claimmark annotate` finds a quote with
`find_occurrences`. Nothing yet moves annotations onto a new version of an article; the
stored selector is what re-anchoring will use.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32
"""Characters of prefix and suffix kept with each annotation."""


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    """The W3C TextQuoteSelector triple."""

    exact: str
    prefix: str
    suffix: str


def quote_selector(text: str, start: int, end: int, context: int = CONTEXT) -> QuoteSelector:
    """The quote of `text[start:end]` with up to `context` characters either side."""
    return QuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of `quote` in `text`."""
    if not quote:
        return []
    found: list[int] = []
    index = text.find(quote)
    while index != -1:
        found.append(index)
        index = text.find(quote, index + 1)
    return found


def _context_score(text: str, start: int, end: int, selector: QuoteSelector) -> int:
    """How many characters of prefix (read backwards) and suffix agree at this place."""
    score = 0
    before = text[max(0, start - len(selector.prefix)) : start]
    for a, b in zip(reversed(before), reversed(selector.prefix), strict=False):
        if a != b:
            break
        score += 1
    after = text[end : end + len(selector.suffix)]
    for a, b in zip(after, selector.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def locate(text: str, selector: QuoteSelector, hint: int | None = None) -> tuple[int, int] | None:
    """Where `selector` sits in `text`, or None if its quote is not there.

    The occurrence whose context matches best wins; ties go to the one nearest `hint`
    (usually the old start offset), then to the first.
    """
    if hint is not None and text[hint : hint + len(selector.exact)] == selector.exact:
        if _context_score(text, hint, hint + len(selector.exact), selector) == len(
            selector.prefix
        ) + len(selector.suffix):
            return hint, hint + len(selector.exact)
    best: tuple[int, int, int] | None = None  # (-score, distance, start)
    for start in find_occurrences(text, selector.exact):
        score = _context_score(text, start, start + len(selector.exact), selector)
        distance = abs(start - hint) if hint is not None else 0
        key = (-score, distance, start)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    return best[2], best[2] + len(selector.exact)
