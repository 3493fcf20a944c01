"""Sentence boundaries in article text.

A first, simple splitter: a sentence ends at `.`, `!` or `?` (plus closing quotes and
brackets) followed by whitespace and an upper-case letter, digit or opening quote, or at the
end of a paragraph. Known abbreviations do not end a sentence.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gen col lt sgt st jr sr inc ltd co corp vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec no u.s u.k u.n e.g i.e a.m p.m""".split()
)
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of every sentence, in order, trailing spaces excluded."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        start = 0
        for match in _END.finditer(line):
            word = line[:match.start()].rsplit(None, 1)[-1] if line[:match.start()].strip() else ""
            if match.group().startswith(".") and word.lower().strip("(\"'“‘") in _ABBREVIATIONS:
                continue
            if match.group().startswith(".") and len(word) == 1 and word.isupper():
                continue  # an initial: "J. Smith"
            end = match.end()
            if line[start:end].strip():
                spans.append(_trim(line, start, end, line_start))
            start = end
        if line[start:].strip():
            spans.append(_trim(line, start, len(line), line_start))
        pos += len(line) + 1
    return spans


def _trim(line: str, start: int, end: int, base: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return base + start, base + end
