"""Hand labels of attributed sentences, and how suggestions are scored against them.

Pure functions, shared by `benchmarks/bench_suggest.py` (and usable from tests).

Label files (`tests/fixtures/attributions/<stem>.json`, held-out ones in
`tests/fixtures/heldout/`) look like::

    {"article": "coastal-flood-barrier.txt",
     "labels": [{"sentence": "...", "claimant": "two officials", "cue": "said",
                 "attribution": "named" | "anonymous", "sources": [], "paragraph": 1}],
     "coverage": "partial", "range": {"first_paragraph": 1, "last_paragraph": 68}}

Matching rules (printed by the benchmark as well):

- SENTENCE: a suggestion matches a label when their character spans in the article text
  overlap by at least half of each span (so a sentence cut differently still counts, a
  neighbouring sentence does not). Each label and each suggestion is matched at most once,
  largest overlaps first.
- CLAIMANT: compared after normalising (lower case, straight apostrophes, possessive `'s`,
  punctuation, titles such as Mr/Ms/Dr/Dame and leading determiners removed); they match when
  the normalised strings are equal or when one contains the other's head noun as a word. The
  head noun is the last word before the first preposition or relative word ("a person
  familiar with the talks" -> "person"; "Dr. Priya Ramanathan" -> "ramanathan"). A label's
  `other_claimants` are accepted too.
- For a partially labelled article, precision counts only suggestions that start inside the
  labelled paragraph range; recall counts every label.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimmark.store.ingest import read_article_file

SENTENCE_RULE = (
    "sentence match: character spans overlap by >= 50% of each span (one-to-one, "
    "largest overlap first)"
)
CLAIMANT_RULE = (
    "claimant match: normalised strings (lower case, no titles/determiners/possessives/"
    "punctuation) equal, or one contains the other's head noun (last word before the first "
    "preposition/relative word); label's other_claimants also accepted; counted only on "
    "sentence-matched pairs"
)


@dataclass(frozen=True, slots=True)
class Label:
    """One hand-labelled attributed sentence."""

    sentence: str
    claimant: str
    cue: str
    anonymous: bool
    sources: tuple[str, ...]
    paragraph: int
    other_claimants: tuple[str, ...] = ()
    cue_in_sentence: bool = True


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    """An article's stored text with its labels and the character range they cover."""

    name: str
    text: str
    labels: tuple[Label, ...]
    labelled_range: tuple[int, int]
    """Offsets `[start, end)` of the labelled paragraphs (the whole text when complete)."""


@dataclass(frozen=True, slots=True)
class Predicted:
    """What the scorer needs from a suggestion (so it does not depend on the engine)."""

    start: int
    end: int
    claimant: str
    anonymous: bool
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts behind precision and recall of sentences and claimants."""

    labels: int
    suggestions: int
    sentence_hits: int
    claimant_hits: int
    anonymous_agree: int
    sources_agree: int

    @property
    def sentence_precision(self) -> float:
        """Matched suggestions / suggestions (inside the labelled range)."""
        return _ratio(self.sentence_hits, self.suggestions)

    @property
    def sentence_recall(self) -> float:
        """Matched labels / labels."""
        return _ratio(self.sentence_hits, self.labels)

    @property
    def claimant_precision(self) -> float:
        """Suggestions with a matching sentence and claimant / suggestions."""
        return _ratio(self.claimant_hits, self.suggestions)

    @property
    def claimant_recall(self) -> float:
        """Labels with a matching sentence and claimant / labels."""
        return _ratio(self.claimant_hits, self.labels)

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.labels + other.labels,
            self.suggestions + other.suggestions,
            self.sentence_hits + other.sentence_hits,
            self.claimant_hits + other.claimant_hits,
            self.anonymous_agree + other.anonymous_agree,
            self.sources_agree + other.sources_agree,
        )


EMPTY = Scores(0, 0, 0, 0, 0, 0)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


# --------------------------------------------------------------------------------------------
# Article text as the store keeps it


def article_text(path: Path) -> str:
    """The body text claimmark stores for the article file at `path` (title, byline and
    front matter removed, paragraphs joined by a single newline): `store.ingest`'s reading."""
    return read_article_file(path).text


def paragraph_offsets(text: str) -> list[tuple[int, int]]:
    """`[start, end)` of each paragraph (line) of `text`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def load_labelled(label_dir: Path, article_dirs: Sequence[Path]) -> list[LabelledArticle]:
    """Every labelled article in `label_dir`, its text read from the first of `article_dirs`
    (or `label_dir` itself) that holds the file named by its `article` field."""
    found: list[LabelledArticle] = []
    for path in sorted(label_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = data["article"]
        for folder in (label_dir, *article_dirs):
            candidate = folder / name
            if candidate.is_file():
                break
        else:
            raise FileNotFoundError(f"{path.name}: article {name} not found")
        text = article_text(candidate)
        paragraphs = paragraph_offsets(text)
        labels = tuple(_label(item) for item in data["labels"])
        if data.get("coverage") == "partial":
            rng = data["range"]
            first = int(rng["first_paragraph"]) - 1
            last = min(int(rng["last_paragraph"]), len(paragraphs)) - 1
            labelled_range = (paragraphs[first][0], paragraphs[last][1])
        else:
            labelled_range = (0, len(text))
        found.append(LabelledArticle(name, text, labels, labelled_range))
    return found


def _label(item: dict) -> Label:
    return Label(
        sentence=item["sentence"],
        claimant=item["claimant"],
        cue=item.get("cue", ""),
        anonymous=item.get("attribution") == "anonymous",
        sources=tuple(item.get("sources", ())),
        paragraph=int(item.get("paragraph", 0)),
        other_claimants=tuple(o["claimant"] for o in item.get("other_claimants", ())),
        cue_in_sentence=bool(item.get("cue_in_sentence", True)),
    )


def label_span(text: str, label: Label) -> tuple[int, int]:
    """Where the labelled sentence lies in `text` (in its paragraph when it recurs)."""
    paragraphs = paragraph_offsets(text)
    if 1 <= label.paragraph <= len(paragraphs):
        ps, pe = paragraphs[label.paragraph - 1]
        at = text.find(label.sentence, ps, pe)
        if at != -1:
            return at, at + len(label.sentence)
    at = text.find(label.sentence)
    if at == -1:
        raise ValueError(f"labelled sentence not in the article: {label.sentence[:60]!r}")
    return at, at + len(label.sentence)


# --------------------------------------------------------------------------------------------
# Matching

_TITLES = frozenset(
    "mr mrs ms miss dr prof professor sir dame lady lord baroness cllr councillor".split()
)
_DETERMINERS = frozenset("the a an".split())
_BREAKS = frozenset(
    """of for at in with from who which that whose close familiar to on by published obtained
    prepared seen""".split()
)


def normalise_claimant(claimant: str) -> list[str]:
    """Lower-cased words of a claimant with titles, determiners, possessives and punctuation
    removed."""
    text = claimant.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    words = re.findall(r"[^\W_]+(?:-[^\W_]+)*", text)
    while words and (words[0] in _TITLES or words[0] in _DETERMINERS):
        words.pop(0)
    return [w for w in words if w not in _TITLES]


def head_noun(words: Sequence[str]) -> str:
    """The last word before the first preposition or relative word."""
    head = ""
    for word in words:
        if word in _BREAKS and head:
            break
        head = word
    return head


def claimants_match(a: str, b: str) -> bool:
    """Whether two claimant strings name the same claimant (see the module docstring)."""
    wa, wb = normalise_claimant(a), normalise_claimant(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    return head_noun(wa) in wb or head_noun(wb) in wa


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> int:
    """The overlap of two spans when it is at least half of each, else 0."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return 0
    if overlap * 2 >= a[1] - a[0] and overlap * 2 >= b[1] - b[0]:
        return overlap
    return 0


def match(
    text: str, labels: Iterable[Label], predicted: Sequence[Predicted]
) -> list[tuple[Label, Predicted | None]]:
    """Each label paired with the suggestion matched to it (or None)."""
    labels = list(labels)
    spans = [label_span(text, label) for label in labels]
    pairs: list[tuple[int, int, int]] = []
    for li, span in enumerate(spans):
        for pi, p in enumerate(predicted):
            overlap = spans_match(span, (p.start, p.end))
            if overlap:
                pairs.append((overlap, li, pi))
    pairs.sort(reverse=True)
    used_l: dict[int, int] = {}
    used_p: set[int] = set()
    for _, li, pi in pairs:
        if li in used_l or pi in used_p:
            continue
        used_l[li] = pi
        used_p.add(pi)
    return [
        (label, predicted[used_l[li]] if li in used_l else None) for li, label in enumerate(labels)
    ]


def score_article(article: LabelledArticle, predicted: Sequence[Predicted]) -> Scores:
    """Counts for one article (precision only inside its labelled range)."""
    lo, hi = article.labelled_range
    in_range = [p for p in predicted if lo <= p.start < hi]
    pairs = match(article.text, article.labels, in_range)
    sentence_hits = claimant_hits = anonymous_agree = sources_agree = 0
    for label, p in pairs:
        if p is None:
            continue
        sentence_hits += 1
        names = (label.claimant, *label.other_claimants)
        if any(claimants_match(name, p.claimant) for name in names):
            claimant_hits += 1
        if label.anonymous == p.anonymous:
            anonymous_agree += 1
        if _sources_agree(label.sources, p.sources):
            sources_agree += 1
    return Scores(
        labels=len(article.labels),
        suggestions=len(in_range),
        sentence_hits=sentence_hits,
        claimant_hits=claimant_hits,
        anonymous_agree=anonymous_agree,
        sources_agree=sources_agree,
    )


def _sources_agree(expected: Sequence[str], got: Sequence[str]) -> bool:
    if len(expected) != len(got):
        return False
    return all(claimants_match(a, b) for a, b in zip(expected, got, strict=True))


def score_all(
    articles: Iterable[LabelledArticle], suggest: Callable[[str], Sequence[Predicted]]
) -> Scores:
    """Summed counts over `articles`, suggestions from `suggest(text)`."""
    total = EMPTY
    for article in articles:
        total = total + score_article(article, suggest(article.text))
    return total
