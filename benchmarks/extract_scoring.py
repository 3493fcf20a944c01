"""How an article extractor is scored against Mozilla Readability's test pages.

Pure functions, shared by `benchmarks/bench_extract.py` (and usable from tests).

A page folder holds ``source.html`` (the page), ``expected.html`` (Readability's article
HTML) and ``expected-metadata.json`` (Readability's title, byline, site name, language).
The rules (printed by the benchmark as well):

- TEXT: token F1 of the extracted text against the text of ``expected.html``. Tokens are
  runs of word characters (``\\w+``), case-folded, NFKC-normalised; precision and recall
  count tokens as a multiset (a token twice in the reference may be matched twice).
- TITLE exact: equal after case-folding and collapsing whitespace (curly quotes and dashes
  are made plain). TITLE loose: exact, or one contains the other. An empty title never
  matches; a page whose expected title is empty is not scored for the title.
- BYLINE: normalised like titles, with a leading "by " dropped from both; it matches when
  one contains the other. Pages whose expected byline is empty are not scored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TEXT_RULE = "text: token F1 (case-folded \\w+ tokens, multiset) against expected.html's text"
TITLE_RULE = (
    "title: exact = equal ignoring case/spacing/quote style; loose = exact or one contains "
    "the other"
)
BYLINE_RULE = (
    "byline: one contains the other ignoring case/spacing and a leading 'by' "
    "(pages with an expected byline)"
)

_TOKEN = re.compile(r"\w+")
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


@dataclass(frozen=True, slots=True)
class Page:
    """One test page: its source, the reference text and metadata."""

    name: str
    source: bytes
    expected_text: str
    title: str
    byline: str


def load_pages(folder: Path) -> list[Page]:
    """Every page folder under `folder` that has the three files, sorted by name."""
    pages = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        source, expected, meta = (
            sub / "source.html",
            sub / "expected.html",
            sub / "expected-metadata.json",
        )
        if not (source.is_file() and expected.is_file() and meta.is_file()):
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        pages.append(
            Page(
                name=sub.name,
                source=source.read_bytes(),
                expected_text=html_text(expected.read_text(encoding="utf-8")),
                title=data.get("title") or "",
                byline=data.get("byline") or "",
            )
        )
    return pages


def html_text(html: str) -> str:
    """The text of an HTML fragment, block elements separated by newlines."""
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr"):
        block.tail = "\n" + (block.tail or "")
    return str(root.text_content())


def tokens(text: str) -> list[str]:
    """The scored tokens of a text."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def token_f1(predicted: str, expected: str) -> float:
    """Multiset token F1 of `predicted` against `expected` (1.0 when both are empty)."""
    got, want = Counter(tokens(predicted)), Counter(tokens(expected))
    if not got and not want:
        return 1.0
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(got.values())
    recall = overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold().split())


def title_exact(predicted: str, expected: str) -> bool:
    got, want = _norm(predicted), _norm(expected)
    return bool(got) and got == want


def title_loose(predicted: str, expected: str) -> bool:
    got, want = _norm(predicted), _norm(expected)
    return bool(got) and (got in want or want in got)


def _byline_norm(text: str) -> str:
    text = _norm(text)
    return text[3:] if text.startswith("by ") else text


def byline_match(predicted: str, expected: str) -> bool:
    got, want = _byline_norm(predicted), _byline_norm(expected)
    return bool(got) and (got in want or want in got)


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0
