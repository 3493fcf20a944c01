"""What changed between two texts of an article: paragraphs, then words.

`compare(old, new)` lines the paragraphs up (the same paragraph diff that re-anchoring
uses, `store.reanchor.TextMap`) and returns one `ParagraphChange` per paragraph of
either text, in the new text's order, with deleted paragraphs where they stood. An edited
paragraph carries its word diff: runs of words that are the same, removed or added, so a
view can strike the old words and mark the new ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from claimmark.store.reanchor import TOKEN, Region, TextMap, diff_regions


class Change(StrEnum):
    """What happened to a paragraph."""

    SAME = "same"
    EDITED = "edited"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    """The same text, elsewhere."""


class Words(StrEnum):
    """What a run of a word diff is."""

    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    """One paragraph of the comparison."""

    change: Change
    old_number: int | None
    """¶N in the old text (None for an added paragraph)."""
    new_number: int | None
    """¶N in the new text (None for a removed paragraph)."""
    runs: tuple[tuple[Words, str], ...]
    """The paragraph as runs of same / removed / added text (one SAME run when unchanged;
    one REMOVED or ADDED run for a removed or added paragraph)."""


def word_diff(old: str, new: str) -> tuple[tuple[Words, str], ...]:
    """`old` to `new` as runs of same, removed and added text (removed before added).
    Changes separated only by a space read as one ("for now" -> "at present", not "for"
    -> "at" and "now" -> "present")."""
    a = TOKEN.findall(old)
    b = TOKEN.findall(new)
    merged: list[Region] = []
    regions = diff_regions(a, b)
    for index, region in enumerate(regions):
        between = (
            region.equal
            and 0 < index < len(regions) - 1
            and not "".join(a[region.a0 : region.a1]).strip()
        )
        if merged and not merged[-1].equal and (not region.equal or between):
            last = merged[-1]
            merged[-1] = Region(False, last.a0, region.a1, last.b0, region.b1)
        else:
            merged.append(region)
    runs: list[tuple[Words, str]] = []
    for region in merged:
        if region.equal:
            runs.append((Words.SAME, "".join(a[region.a0 : region.a1])))
            continue
        removed = "".join(a[region.a0 : region.a1])
        added = "".join(b[region.b0 : region.b1])
        if removed:
            runs.append((Words.REMOVED, removed))
        if added:
            runs.append((Words.ADDED, added))
    return tuple(runs)


def compare(old: str, new: str) -> list[ParagraphChange]:
    """The paragraphs of `old` and `new` lined up (see the module docstring)."""
    mapping = TextMap(old, new)
    old_paras, new_paras, source = mapping.old_paragraphs, mapping.new_paragraphs, mapping.source
    # Where each removed old paragraph goes: before the new paragraph that the next
    # surviving old paragraph became (or at the end).
    removed_before: dict[int, list[int]] = {}
    for i, j in enumerate(mapping.pair):
        if j is not None:
            continue
        anchor = next((k for k in mapping.pair[i + 1 :] if k is not None), len(new_paras))
        removed_before.setdefault(anchor, []).append(i)
    # A paragraph counts as moved when its pair breaks the order of the others.
    order = [mapping.pair[i] for i in range(len(old_paras)) if mapping.pair[i] is not None]
    in_order = _longest_increasing(order)
    result: list[ParagraphChange] = []
    for j in range(len(new_paras) + 1):
        for gone in removed_before.get(j, ()):
            result.append(
                ParagraphChange(Change.REMOVED, gone + 1, None, ((Words.REMOVED, old_paras[gone]),))
            )
        if j == len(new_paras):
            break
        origin = source.get(j)
        if origin is None:
            result.append(
                ParagraphChange(Change.ADDED, None, j + 1, ((Words.ADDED, new_paras[j]),))
            )
        elif old_paras[origin] == new_paras[j]:
            change = Change.SAME if j in in_order else Change.MOVED
            result.append(ParagraphChange(change, origin + 1, j + 1, ((Words.SAME, new_paras[j]),)))
        else:
            runs = word_diff(old_paras[origin], new_paras[j])
            result.append(ParagraphChange(Change.EDITED, origin + 1, j + 1, runs))
    return result


def _longest_increasing(values: list[int | None]) -> set[int]:
    """The values on one longest increasing subsequence (the paragraphs not moved)."""
    from bisect import bisect_left

    numbers = [v for v in values if v is not None]
    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(numbers)
    for index, value in enumerate(numbers):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[k] = value
            tail_index[k] = index
        parent[index] = tail_index[k - 1] if k else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        kept.add(numbers[index])
        index = parent[index]
    return kept


def summary(changes: list[ParagraphChange]) -> str:
    """e.g. "paragraphs: 2 edited, 1 added, 1 removed" (or "no change to the text")."""
    counts = {c: 0 for c in (Change.EDITED, Change.ADDED, Change.REMOVED, Change.MOVED)}
    for item in changes:
        if item.change in counts:
            counts[item.change] += 1
    parts = [f"{n} {c.value}" for c, n in counts.items() if n]
    return "paragraphs: " + ", ".join(parts) if parts else "no change to the text"
