"""A web page (decoded HTML) to an article claimmark can store: title, byline, text and
metadata.

`read_html_article` parses the page once, reads its metadata (`store.web.metadata`),
extracts the main text (`store.web.extract`), drops the lines that repeat the title or
the byline at the start of the text (they are stored apart), and puts every paragraph
through the same normalisation as text files (`store.ingest.normalise_text`: NFC, line
ends, stray controls), one paragraph per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimmark.store.errors import IngestError
from claimmark.store.web.metadata import PageMetadata

_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_HEAD_LINES = 6
"""How many opening paragraphs are checked for a repeated title or byline."""


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The article in a web page."""

    title: str
    byline: str
    text: str
    """Paragraphs joined by single newlines, normalised like text files."""
    metadata: PageMetadata


def read_html_article(html: str, url: str = "") -> HtmlArticle:
    """The article in a decoded HTML page; `IngestError` when it holds no article text."""
    from claimmark.store.ingest import normalise_text
    from claimmark.store.web.extract import extract_blocks, parse_page
    from claimmark.store.web.metadata import byline_in_page, read_metadata

    doc = parse_page(html)
    metadata = read_metadata(doc, url, html)
    if not metadata.byline:
        metadata = replace(metadata, byline=byline_in_page(doc))
    blocks = extract_blocks(doc)  # prunes doc
    paragraphs: list[str] = []
    for block in blocks:
        text = normalise_text(block.text)
        if block.kind == "pre":
            line = " ".join(part.rstrip() for part in text.split("\n")).rstrip()
        else:
            line = _SPACE.sub(" ", text).strip()
        if line.strip():
            paragraphs.append(line)
    paragraphs = _without_repeats(paragraphs, metadata)
    title = normalise_text(metadata.title).strip()
    if not paragraphs:
        raise IngestError("the page has no article text that claimmark could find")
    if not title:
        title = _fallback_title(paragraphs)
    return HtmlArticle(
        title=_SPACE.sub(" ", title),
        byline=_SPACE.sub(" ", normalise_text(metadata.byline)).strip(),
        text="\n".join(paragraphs),
        metadata=metadata,
    )


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _without_repeats(paragraphs: list[str], metadata: PageMetadata) -> list[str]:
    """The paragraphs without the title, the byline or a bare "By ..." line among the
    first few: the reader shows those above the text already."""
    title = _key(metadata.title)
    byline = _key(metadata.byline)
    names = _key(re.sub(r"^\s*\w+\s+", "", metadata.byline)) if metadata.byline else ""
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index < _HEAD_LINES and len(paragraphs) > 1:
            key = _key(paragraph)
            if key and key in (title, byline, names):
                continue
        kept.append(paragraph)
    return kept


def _fallback_title(paragraphs: list[str]) -> str:
    """A page with no title at all: its first line, shortened."""
    first = paragraphs[0]
    return first if len(first) <= 100 else first[:99].rstrip() + "…"
