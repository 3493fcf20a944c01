"""HTML to paragraphs: parse a page once, prune what is never article text, and walk a
tree into the text blocks claimmark stores.

The walker turns block elements (paragraphs, headings, list items, block quotes, table
rows, divs) into one paragraph each, joins inline text with single spaces, and splits
preformatted text into its lines. It reads both ordinary HTML (readability-lxml's output)
and trafilatura's XML-like tree (``p``, ``head``, ``item``, ``quote``, ``row``, ``cell``,
``code``, ``lb``). lxml is imported lazily by the callers' modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Tags whose start and end close the paragraph being built. Both HTML and trafilatura's
# vocabulary (head, item, list, quote, row, code, lb).
BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog div dl dt fieldset
    figure footer form h1 h2 h3 h4 h5 h6 head header hr html li list main nav ol p pre
    quote row section summary table tbody thead tfoot tr ul item br lb caption""".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6 head".split())
PREFORMATTED_TAGS = frozenset(("pre", "textarea"))
# Never text of an article: scripts and styles, media and form controls, and image
# captions (the rule: captions are dropped).
SKIP_TAGS = frozenset(
    """script style noscript template svg math figcaption button select option textarea
    input iframe object embed video audio canvas picture img title meta link graphic""".split()
)
CELL_TAGS = frozenset(("td", "th", "cell"))
LINK_TAGS = frozenset(("a", "ref"))

_SPACE = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(slots=True)
class Block:
    """One paragraph of extracted text."""

    text: str
    kind: str
    """``p`` (prose, list item, quote, cell row), ``h`` (heading) or ``pre`` (a line of
    preformatted text)."""
    link_chars: int = 0
    """How many of its characters were inside links."""


def _tag(element: HtmlElement) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    return tag.rsplit("}", 1)[-1].lower()


def walk_blocks(root: HtmlElement, *, code_is_block: bool = False) -> list[Block]:
    """The paragraphs under `root`, in document order.

    `code_is_block` is for trafilatura's tree, where ``code`` is a block of code; in HTML
    ``code`` is inline.
    """
    blocks: list[Block] = []
    parts: list[str] = []
    state = {"links": 0, "heading": 0}

    def flush(kind: str = "p") -> None:
        if not parts:
            return
        text = _SPACE.sub(" ", "".join(parts)).strip()
        links = state["links"]
        parts.clear()
        state["links"] = 0
        if text:
            blocks.append(Block(text, "h" if state["heading"] else kind, min(links, len(text))))

    def preformatted(text: str) -> None:
        flush()
        for line in text.split("\n"):
            if line.strip():
                blocks.append(Block(line.rstrip(), "pre"))

    def visit(element: HtmlElement, in_link: bool) -> None:
        tag = _tag(element)
        if not tag or tag in SKIP_TAGS:
            return
        if tag in PREFORMATTED_TAGS or (code_is_block and tag == "code"):
            preformatted("".join(element.itertext()))
            return
        block = tag in BLOCK_TAGS
        heading = tag in HEADING_TAGS
        if block:
            flush()
        if heading:
            state["heading"] += 1
        if tag in CELL_TAGS and parts and "".join(parts).strip():
            parts.append(" | ")
        link = in_link or tag in LINK_TAGS
        if element.text:
            parts.append(element.text)
            if link:
                state["links"] += len(element.text.strip())
        for child in element:
            visit(child, link)
            if child.tail:
                parts.append(child.tail)
                if link:
                    state["links"] += len(child.tail.strip())
        if block:
            flush()
        if heading:
            state["heading"] -= 1

    visit(root, False)
    flush()
    return blocks
