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
from dataclasses import dataclass, field
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


# --------------------------------------------------------------------------------------------
# Strict claimant matching (issue 11) and the real-news sets

STRICT_CLAIMANT_RULE = (
    "strict claimant match: after lower-casing, straightening apostrophes, dropping "
    "punctuation, a possessive 's, leading determiners (the/a/an) and leading titles "
    "(Mr, Dr, Sen., President ... when a name follows), the suggestion's claimant equals one "
    "of the sentence's labelled claimants (the noun phrase as written: 'officials' does not "
    "match 'senior us officials'), or, when that claimant is a name of 2-5 capitalised "
    "words (particles such as von/der/de allowed; a suffix such as Jr. set aside), the "
    "suggestion is the surname, the name "
    "from a particle on ('von der leyen'), or the name without middle names or initials; "
    "a pronoun counts only when it was resolved to the labelled claimant"
)

_STRICT_TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lady lord baroness cllr councillor sen
    senator rep representative gov governor gen general lt col maj capt adm president
    vice prime minister chancellor judge justice rev father pope king queen prince princess
    sheikh""".split()
)
_PARTICLES = frozenset("von van der den de del della da di du le la al el bin ibn ter".split())


def strict_words(claimant: str) -> list[str]:
    """The words of a claimant as the strict rule compares them."""
    text = claimant.replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    words = re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", text.lower())
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    while len(words) > 1 and words[0] in _STRICT_TITLES:
        words.pop(0)
    return words


def _is_name(claimant: str) -> bool:
    """Whether a labelled claimant is a personal name: 2-5 words, each capitalised or a
    particle, no other lower-case word."""
    words = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*\.?", claimant)
    if not 2 <= len(words) <= 5:
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words) and words[0][0].isupper()


_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words without a suffix after the surname ("kennedy jr" -> "kennedy")."""
    return words[:-1] if len(words) >= 2 and words[-1] in _NAME_SUFFIXES else words


def strict_claimant_match(label: str, predicted: str) -> bool:
    """Whether a suggested claimant names the labelled one under the strict rule."""
    want, got = strict_words(label), strict_words(predicted)
    if not want or not got:
        return False
    if want == got:
        return True
    if not _is_name(label):
        return False
    want, got = _without_suffix(want), _without_suffix(got)
    if want == got:
        return True
    if got[-1] != want[-1]:
        return False
    if len(got) == 1:
        return len(want) >= 2  # the surname
    if got[0] in _PARTICLES and want[-len(got) :] == got:
        return True  # "von der Leyen"
    # the name without middle names or initials: first and last word kept, in order
    if got[0] != want[0]:
        return False
    rest = iter(want[1:])
    return all(word in rest for word in got[1:])


@dataclass(frozen=True, slots=True)
class NewsPredicted:
    """A suggestion in the news scorer's terms (where it lies: body or title)."""

    where: str
    start: int
    end: int
    claimant: str
    anonymous: bool
    sources: tuple[str, ...]
    inherited: bool = False


@dataclass(frozen=True, slots=True)
class NewsLabelView:
    """What the news scorer needs from a label (`benchmarks.news_labels.NewsLabel`)."""

    where: str
    start: int
    end: int
    text: str
    claimants: tuple[str, ...]
    inherited: bool
    pronoun: str | None
    description: str | None


@dataclass(slots=True)
class NewsScores:
    """Counts behind sentence and claimant precision and recall on real news."""

    sentences: int = 0
    """Labelled sentences."""
    sentences_found: int = 0
    """Labelled sentences with at least one suggestion on them."""
    claimants: int = 0
    """Labelled claimants (a sentence with two claimants counts two)."""
    claimants_found: int = 0
    """Labelled claimants that a suggestion on their sentence names (strict rule)."""
    suggestions: int = 0
    """Suggestions inside the labelled range."""
    suggestions_on_labels: int = 0
    """Suggestions that lie on a labelled sentence."""
    suggestions_right: int = 0
    """Suggestions whose claimant is one of their sentence's labelled claimants (one-to-one)."""
    errors: list[str] = field(default_factory=list)

    @property
    def sentence_recall(self) -> float:
        return _ratio(self.sentences_found, self.sentences)

    @property
    def sentence_precision(self) -> float:
        return _ratio(self.suggestions_on_labels, self.suggestions)

    @property
    def claimant_recall(self) -> float:
        return _ratio(self.claimants_found, self.claimants)

    @property
    def claimant_precision(self) -> float:
        return _ratio(self.suggestions_right, self.suggestions)

    def add(self, other: NewsScores) -> None:
        """Add `other`'s counts (and errors) to these."""
        self.sentences += other.sentences
        self.sentences_found += other.sentences_found
        self.claimants += other.claimants
        self.claimants_found += other.claimants_found
        self.suggestions += other.suggestions
        self.suggestions_on_labels += other.suggestions_on_labels
        self.suggestions_right += other.suggestions_right
        self.errors.extend(other.errors)


NEWS_SENTENCE_RULE = (
    "news sentence match: a suggestion lies on a labelled sentence (same text: body or "
    "title) when their overlap is >= 50% of each span, or the suggestion is a clause "
    "inside it (>= 90% of the suggestion inside the sentence); a sentence holds at most "
    "as many suggestions as it has labelled claimants, extra ones count as wrong"
)


def _on_sentence(label: NewsLabelView, p: NewsPredicted) -> int:
    """The overlap when `p` lies on the labelled sentence, else 0."""
    if p.where != label.where:
        return 0
    overlap = min(label.end, p.end) - max(label.start, p.start)
    if overlap <= 0:
        return 0
    size = p.end - p.start
    if overlap * 2 >= size and overlap * 2 >= label.end - label.start:
        return overlap
    if overlap * 10 >= size * 9:
        return overlap
    return 0


def score_news_page(
    name: str,
    labels: Sequence[NewsLabelView],
    predicted: Sequence[NewsPredicted],
    labelled_range: tuple[int, int] | None = None,
    keep_errors: bool = True,
) -> NewsScores:
    """Counts for one page; `errors` lists what went wrong, one line each (left empty
    unless `keep_errors`: a blind set's errors are never collected)."""
    scores = NewsScores()
    if labelled_range is not None:
        lo, hi = labelled_range
        predicted = [p for p in predicted if p.where == "title" or lo <= p.start < hi]
    scores.sentences = len(labels)
    scores.claimants = sum(len(label.claimants) for label in labels)
    scores.suggestions = len(predicted)
    # Each suggestion goes to the labelled sentence it overlaps most.
    owner: dict[int, int] = {}
    for pi, p in enumerate(predicted):
        best = 0
        for li, label in enumerate(labels):
            overlap = _on_sentence(label, p)
            if overlap > best:
                best, owner[pi] = overlap, li
    by_label: dict[int, list[int]] = {}
    for pi, li in owner.items():
        by_label.setdefault(li, []).append(pi)
    for li, label in enumerate(labels):
        mine = by_label.get(li, [])
        if mine:
            scores.sentences_found += 1
        # one-to-one: each labelled claimant to one suggestion naming it
        free = list(mine)
        named: set[int] = set()
        for ci, claimant in enumerate(label.claimants):
            for pi in free:
                if strict_claimant_match(claimant, predicted[pi].claimant):
                    named.add(ci)
                    free.remove(pi)
                    scores.claimants_found += 1
                    scores.suggestions_right += 1
                    break
        capacity = len(label.claimants)
        scores.suggestions_on_labels += min(len(mine), capacity)
        where = f"{name} {label.where} {label.start}-{label.end}"
        tags = "".join(
            f" [{tag}]"
            for tag, on in (
                ("inherited", label.inherited),
                (f"pronoun {label.pronoun}", label.pronoun),
                (f"description {label.description}", label.description),
            )
            if on
        )
        if not mine:
            scores.errors.append(
                f"MISSED   {where}: {label.claimants[0]!r}{tags}\n         {label.text[:160]}"
            )
            continue
        for ci, claimant in enumerate(label.claimants):
            if ci not in named:
                got = ", ".join(repr(predicted[pi].claimant) for pi in free) or "nothing"
                scores.errors.append(
                    f"CLAIMANT {where}: want {claimant!r}, got {got}{tags}\n"
                    f"         {label.text[:160]}"
                )
    for pi, p in enumerate(predicted):
        if pi not in owner:
            scores.errors.append(
                f"EXTRA    {name} {p.where} {p.start}-{p.end}: {p.claimant!r}"
                + (" [inherited]" if p.inherited else "")
            )
    if not keep_errors:
        scores.errors.clear()
    return scores
