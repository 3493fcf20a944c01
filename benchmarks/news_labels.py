"""The real-news labels (`tests/fixtures/news/{dev,blind,blind2}/<page>.json`), loaded and checked.

Each label file names a saved page of `../shared/corpus/web-pages/` and locates every
attributed sentence by character offsets into the text that `benchmarks/news_text.py` makes
of it (the body, paragraphs joined by ``\\n``, or the title). `load_set` reads the files,
resolves every locator against that text, checks the first 12 hex digits of the SHA-1 of the
located text, and returns typed records. A mismatch means the text (or the file) drifted:
it raises `LabelError` naming the page and the label, never a silently wrong record.

The conventions are in `tests/fixtures/news/README.md`. This module only reads labels; how a
suggestion is matched against them is the scorer's business.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from benchmarks.news_text import REPO_ROOT, NewsPage, load_page

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "news"
SETS = ("dev", "blind", "blind2")
"""DEV is tuned on; BLIND and BLIND2 were labelled blind and are never tuned on (see the
README)."""

Where = Literal["body", "title"]
Attribution = Literal["named", "anonymous"]

_LABEL_KEYS = frozenset(
    """in paragraph start end sha1 claimant cue attribution sources inherited pronoun
    description other_claimants splitter_disagrees""".split()
)
_REQUIRED_KEYS = frozenset("in paragraph start end sha1 claimant cue attribution sources".split())
_OTHER_KEYS = frozenset("claimant cue attribution sources start end pronoun description".split())
_FILE_KEYS = frozenset("page text coverage range labels".split())


class LabelError(ValueError):
    """A label file is malformed, or a label no longer points at the text it was made on."""


def sha1_12(text: str) -> str:
    """First 12 hex digits of the SHA-1 of `text` encoded as UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class OtherClaimant:
    """A second (third ...) claimant of the same sentence, with its own clause if known."""

    claimant: str
    cue: str
    attribution: Attribution
    sources: tuple[str, ...]
    start: int | None
    """Offset of this claimant's clause in the same text as the label (None if not given)."""
    end: int | None
    pronoun: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class NewsLabel:
    """One attributed sentence of a page, resolved against the page's text."""

    page: str
    set_name: str
    index: int
    """0-based position of the label in its file."""
    where: Where
    paragraph: int
    """1-based paragraph of the body text; 0 for the title."""
    start: int
    """Offset of the sentence in `body` (or in `title` when `where` is "title")."""
    end: int
    text: str
    """The located sentence (checked against the file's sha1)."""
    claimant: str
    cue: str
    attribution: Attribution
    sources: tuple[str, ...]
    inherited: bool = False
    """The claim has no reporting verb of its own; it carries a speaker named nearby."""
    pronoun: str | None = None
    """The pronoun (he, she, it, they ...) by which the sentence names the claimant."""
    description: str | None = None
    """The description (the president, the company ...) by which the sentence names them."""
    other_claimants: tuple[OtherClaimant, ...] = ()
    splitter_disagrees: bool = False
    """The true sentence differs from a span of `store.sentences.sentence_spans`."""

    @property
    def claimants(self) -> tuple[str, ...]:
        """Every claimant of the sentence, the main one first."""
        return (self.claimant, *(other.claimant for other in self.other_claimants))


@dataclass(frozen=True)
class LabelRange:
    """The part of a long page that was labelled (every attributed sentence inside it)."""

    first_paragraph: int
    last_paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class PageLabels:
    """The labels of one page, with the text they point into."""

    page: NewsPage
    set_name: str
    path: Path
    coverage: Literal["full", "partial"]
    label_range: LabelRange | None
    labels: tuple[NewsLabel, ...]


def label_files(set_name: str, fixtures: Path = FIXTURES) -> list[Path]:
    """The label files of one set, sorted by page name."""
    if set_name not in SETS:
        raise LabelError(f"unknown label set {set_name!r} (expected one of {', '.join(SETS)})")
    return sorted((fixtures / set_name).glob("*.json"))


def load_set(
    set_name: str, fixtures: Path = FIXTURES, corpus: Path | None = None
) -> list[PageLabels]:
    """Every page of a set with its resolved labels (raises `LabelError` on any drift)."""
    return [load_file(path, set_name, corpus) for path in label_files(set_name, fixtures)]


def load_file(path: Path, set_name: str, corpus: Path | None = None) -> PageLabels:
    """One label file, resolved against its page's text."""
    data = read_label_file(path)
    if data.get("text") != "benchmarks/news_text.py":
        raise LabelError(f"{data['page']}: 'text' must be 'benchmarks/news_text.py'")
    return resolve_labels(path, data, set_name, load_page(data["page"], corpus))


def read_label_file(path: Path) -> dict[str, Any]:
    """The JSON object of a label file, its `page` checked against the file's name and its
    keys against the format (the labels themselves are checked by `resolve_labels`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LabelError(f"{path}: cannot read label file: {error}") from error
    if not isinstance(data, dict):
        raise LabelError(f"{path}: a label file holds one JSON object")
    name = data.get("page")
    if not isinstance(name, str) or name != _page_name(path):
        raise LabelError(
            f"{path}: 'page' must be {_page_name(path)!r} (the file's name), not {name!r}"
        )
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise LabelError(f"{name}: unknown keys {sorted(unknown)}")
    return data


def _page_name(path: Path) -> str:
    """The page a label file is about: its stem, or its folder's name for `labels.json`
    (the layout of a development folder outside the repository)."""
    return path.parent.name if path.name == "labels.json" else path.stem


def resolve_labels(
    path: Path, data: Mapping[str, Any], set_name: str, page: NewsPage
) -> PageLabels:
    """The labels of a label file's JSON object, each located in `page` and checked."""
    name = data["page"]
    coverage = data.get("coverage")
    label_range: LabelRange | None = None
    if coverage == "partial":
        label_range = _label_range(name, data.get("range"), page)
    elif coverage != "full" or "range" in data:
        raise LabelError(f"{name}: 'coverage' must be 'full', or 'partial' with a 'range'")
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list):
        raise LabelError(f"{name}: 'labels' must be a list")
    labels = tuple(_label(name, set_name, index, raw, page) for index, raw in enumerate(raw_labels))
    return PageLabels(page, set_name, path, coverage, label_range, labels)


def _label(name: str, set_name: str, index: int, raw: Any, page: NewsPage) -> NewsLabel:
    where = f"{name} label {index}"
    if not isinstance(raw, dict):
        raise LabelError(f"{where}: a label is a JSON object")
    missing = _REQUIRED_KEYS - set(raw)
    if missing:
        raise LabelError(f"{where}: missing {sorted(missing)}")
    unknown = set(raw) - _LABEL_KEYS
    if unknown:
        raise LabelError(f"{where}: unknown keys {sorted(unknown)}")
    in_ = raw["in"]
    if in_ not in ("body", "title"):
        raise LabelError(f"{where}: 'in' must be 'body' or 'title', not {in_!r}")
    paragraph = _int(where, raw, "paragraph")
    start, end = _int(where, raw, "start"), _int(where, raw, "end")
    text = page.body if in_ == "body" else page.title
    if not 0 <= start < end <= len(text):
        raise LabelError(f"{where}: span {start}-{end} is outside the {in_} (0-{len(text)})")
    if in_ == "title":
        if paragraph != 0:
            raise LabelError(f"{where}: a title label has paragraph 0, not {paragraph}")
    else:
        if "\n" in text[start:end]:
            raise LabelError(f"{where}: span {start}-{end} crosses a paragraph break")
        actual = page.paragraph_of(start)
        if paragraph != actual:
            raise LabelError(f"{where}: offset {start} is in paragraph {actual}, not {paragraph}")
    sentence = text[start:end]
    if sentence != sentence.strip():
        raise LabelError(f"{where}: span {start}-{end} has whitespace at an edge")
    if raw["sha1"] != sha1_12(sentence):
        raise LabelError(
            f"{where}: text drifted: sha1 of {in_} {start}-{end} is {sha1_12(sentence)}, "
            f"the label says {raw['sha1']} (now: {sentence[:60]!r})"
        )
    others = raw.get("other_claimants", [])
    if not isinstance(others, list) or ("other_claimants" in raw and not others):
        raise LabelError(f"{where}: 'other_claimants' must be a non-empty list")
    for flag in ("inherited", "splitter_disagrees"):
        if flag in raw and raw[flag] is not True:
            raise LabelError(f"{where}: '{flag}' is either true or absent")
    return NewsLabel(
        page=name,
        set_name=set_name,
        index=index,
        where=in_,
        paragraph=paragraph,
        start=start,
        end=end,
        text=sentence,
        claimant=_text(where, raw, "claimant"),
        cue=_text(where, raw, "cue"),
        attribution=_attribution(where, raw),
        sources=_sources(where, raw),
        inherited=bool(raw.get("inherited", False)),
        pronoun=_optional_text(where, raw, "pronoun"),
        description=_optional_text(where, raw, "description"),
        other_claimants=tuple(
            _other(f"{where} other claimant {i}", other, start, end)
            for i, other in enumerate(others)
        ),
        splitter_disagrees=bool(raw.get("splitter_disagrees", False)),
    )


def _other(where: str, raw: Any, start: int, end: int) -> OtherClaimant:
    if not isinstance(raw, dict):
        raise LabelError(f"{where}: an other claimant is a JSON object")
    unknown = set(raw) - _OTHER_KEYS
    if unknown:
        raise LabelError(f"{where}: unknown keys {sorted(unknown)}")
    clause_start = _optional_int(where, raw, "start")
    clause_end = _optional_int(where, raw, "end")
    if (clause_start is None) != (clause_end is None):
        raise LabelError(f"{where}: give both 'start' and 'end' of the clause, or neither")
    if clause_start is not None and clause_end is not None:
        if not start <= clause_start < clause_end <= end:
            raise LabelError(
                f"{where}: clause {clause_start}-{clause_end} is not inside the sentence "
                f"{start}-{end}"
            )
    return OtherClaimant(
        claimant=_text(where, raw, "claimant"),
        cue=_text(where, raw, "cue"),
        attribution=_attribution(where, raw),
        sources=_sources(where, raw) if "sources" in raw else (),
        start=clause_start,
        end=clause_end,
        pronoun=_optional_text(where, raw, "pronoun"),
        description=_optional_text(where, raw, "description"),
    )


def _label_range(name: str, raw: Any, page: NewsPage) -> LabelRange:
    if not isinstance(raw, dict):
        raise LabelError(f"{name}: a partial page needs a 'range' object")
    where = f"{name} range"
    first = _int(where, raw, "first_paragraph")
    last = _int(where, raw, "last_paragraph")
    start, end = _int(where, raw, "start"), _int(where, raw, "end")
    count = len(page.paragraphs)
    if not 1 <= first <= last <= count:
        raise LabelError(f"{where}: paragraphs {first}-{last} are not within 1-{count}")
    first_start = page.paragraph_starts[first - 1]
    last_end = page.paragraph_starts[last - 1] + len(page.paragraphs[last - 1])
    if (start, end) != (first_start, last_end):
        raise LabelError(
            f"{where}: offsets {start}-{end} should be {first_start}-{last_end} "
            f"(paragraphs {first}-{last})"
        )
    return LabelRange(first, last, start, end)


def _int(where: str, raw: Mapping[str, Any], key: str) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise LabelError(f"{where}: '{key}' must be a non-negative integer, not {value!r}")
    return value


def _optional_int(where: str, raw: Mapping[str, Any], key: str) -> int | None:
    return _int(where, raw, key) if key in raw else None


def _text(where: str, raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise LabelError(f"{where}: '{key}' must be a non-empty trimmed string, not {value!r}")
    return value


def _optional_text(where: str, raw: Mapping[str, Any], key: str) -> str | None:
    return _text(where, raw, key) if key in raw else None


def _attribution(where: str, raw: Mapping[str, Any]) -> Attribution:
    value = raw.get("attribution")
    if value == "named":
        return "named"
    if value == "anonymous":
        return "anonymous"
    raise LabelError(f"{where}: 'attribution' must be 'named' or 'anonymous', not {value!r}")


def _sources(where: str, raw: Mapping[str, Any]) -> tuple[str, ...]:
    value = raw.get("sources")
    if not isinstance(value, list):
        raise LabelError(f"{where}: 'sources' must be a list")
    return tuple(_text(where, {"source": item}, "source") for item in value)


@dataclass(frozen=True)
class SetCounts:
    """How many labels of each kind a set holds."""

    pages: int
    statements: int
    inherited: int
    pronoun: int
    multi_claimant: int
    anonymous: int
    relayed: int
    """Labels with a non-empty source chain (nested attribution)."""
    described: int
    title: int
    splitter_disagrees: int


def counts(pages: Iterable[PageLabels]) -> SetCounts:
    """Label counts over some pages (a statement is one labelled sentence)."""
    page_list = list(pages)
    labels = [label for page in page_list for label in page.labels]
    return SetCounts(
        pages=len(page_list),
        statements=len(labels),
        inherited=sum(label.inherited for label in labels),
        pronoun=sum(label.pronoun is not None for label in labels),
        multi_claimant=sum(bool(label.other_claimants) for label in labels),
        anonymous=sum(label.attribution == "anonymous" for label in labels),
        relayed=sum(bool(label.sources) for label in labels),
        described=sum(label.description is not None for label in labels),
        title=sum(label.where == "title" for label in labels),
        splitter_disagrees=sum(label.splitter_disagrees for label in labels),
    )


def main() -> int:
    """Load both sets (checking every locator) and print their counts."""
    for set_name in SETS:
        pages = load_set(set_name)
        figures = counts(pages)
        print(f"{set_name}: " + ", ".join(f"{k} {v}" for k, v in vars(figures).items()))
        print("  pages: " + ", ".join(page.page.name for page in pages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
