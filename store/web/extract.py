"""The main text of a web page: two extractors, and the paragraphs they agree on.

readability-lxml (an arc90 Readability port, the algorithm behind Firefox's reader view)
finds the article's container and keeps its paragraphs in order; it is the better of the
two at whole-article recall, but sometimes keeps a "related stories" block or misses the
lead. trafilatura finds the article by its own rules and is better at dropping boilerplate,
but sometimes loses a paragraph or runs on into teasers. claimmark runs both on one
pruned copy of the page and merges their paragraphs (`merge_blocks`):

1. The page is parsed once; scripts, styles, comments, navigation, hidden elements and
   image captions are pruned, and runs of white space collapsed (`prune_page`). Both
   extractors read that copy, which also halves readability-lxml's time.
2. A paragraph of one extractor is *shared* when at least `SHARED` of its adjacent word
   pairs occur in the other's text (pairs, not words: a heading that repeats words of
   the paragraph below it is not that paragraph). The agreed region of each runs from
   its first to its last shared paragraph.
3. The result follows readability's order: its paragraphs in its region, with
   trafilatura's unshared paragraphs inserted where they fall between shared ones (what
   readability dropped inside the article). Before the region, readability's own lead
   (a standfirst, a dateline) is kept, and trafilatura's when it is prose. After it,
   where "related" and newsletter blocks sit, readability's tail is kept only when it
   is a short sign-off (`TAIL_BLOCKS`, `TAIL_WORDS`), without link-only lines.
4. When the two disagree on nearly everything, the result is the one whose text has the
   more prose.

Both libraries are imported inside the functions, so importing claimmark stays cheap.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from claimmark.store.web.blocks import Block, walk_blocks

if TYPE_CHECKING:
    from lxml.html import HtmlElement

SHARED = 0.75
"""A paragraph is shared when this share of its word pairs occur in the other text."""
AGREEMENT = 0.5
"""Below this word F1 between the two extractors, they are taken to disagree."""
TAIL_BLOCKS = 3
TAIL_WORDS = 40
"""readability's unshared tail is kept only up to this many paragraphs and words."""
SHORT_WORDS = 100
"""A merged text shorter than this many words is retried with trafilatura's full mode."""
LINK_LINE_WORDS = 15
LINK_LINE_SHARE = 0.7
"""A "read more" line has at most this many words, at least this share of it a link."""
PROSE_WORDS = 12
"""A paragraph of at least this many words that ends like a sentence is prose."""

_WORD = re.compile(r"\w+")
_SPACE_RUN = re.compile(r"[ \t\n\r\f]{2,}")
_SENTENCE_END = tuple(".!?…\"'”’»)")
_PRUNED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "button",
    "select",
    "textarea",
    "figcaption",
    "dialog",
)
# Elements that hold page furniture, dropped unless one of them holds most of the page's
# text (a site that wraps its article in <aside> or <footer> keeps it).
_FURNITURE_XPATH = (
    "//nav | //aside | //footer | //menu"
    " | //*[@role='navigation' or @role='menu' or @role='menubar' or @role='complementary'"
    " or @role='dialog' or @role='alertdialog']"
)
_KEPT_ATTRIBUTES = frozenset(
    ("class", "id", "href", "rel", "itemprop", "itemtype", "role", "lang", "dir", "colspan")
)
_KEPT_EMPTY = frozenset(("br", "hr", "html", "head", "body", "td", "th", "img"))
# How "read more" lines begin, in the languages claimmark's users read most.
_READ_MORE = re.compile(
    r"\W*(?:read|see|watch|listen)\s+(?:more|also|next)\b|\W*(?:related|more|also read|"
    r"recommended|lire aussi|à lire aussi|voir aussi|leer más|lea también|ver también|"
    r"leia também|veja também|mehr zum thema|lesen sie auch|auch interessant|číst dále|"
    r"čtěte také|lees ook|leggi anche)\b\s*(?:[:»›|\-–—]|$)",
    re.IGNORECASE,
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HIDDEN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)


def words(text: str) -> list[str]:
    """The case-folded word tokens of a text (what agreement is measured on)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def parse_page(html: str) -> HtmlElement:
    """Parse a whole HTML document (lxml, forgiving)."""
    import lxml.html
    from lxml import etree

    # An XML declaration with an encoding makes lxml refuse a str; it says nothing now
    # that the text is decoded.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    # lxml refuses control characters (and they are never text): gone before parsing.
    html = _CONTROL.sub("", html)
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def prune_page(doc: HtmlElement) -> None:
    """Remove, in place, what is never article text (see the module docstring)."""
    from lxml import etree

    etree.strip_elements(doc, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(doc, *_PRUNED_TAGS, with_tail=False)
    for element in doc.xpath("//*[@hidden] | //*[@aria-hidden='true'] | //*[@style]"):
        style = element.get("style")
        if style is None or _HIDDEN.search(style):
            if element.getparent() is not None and _tag(element) not in ("html", "body"):
                element.drop_tree()
    body_text = len(_text_of(doc))
    for element in doc.xpath(_FURNITURE_XPATH):
        if element.getparent() is None or _tag(element) in ("html", "body"):
            continue
        if len(_text_of(element)) * 2 < body_text:
            element.drop_tree()
    preformatted = {e for pre in doc.iter("pre", "textarea") for e in pre.iter()}
    # Children before parents (reversed document order): an element with no text in it
    # and no line break is dropped, and only the attributes the extractors read are kept.
    has_text: set[HtmlElement] = set()
    for element in reversed(list(doc.iter())):
        if element.tail and element not in preformatted and len(element.tail) > 1:
            element.tail = _SPACE_RUN.sub(" ", element.tail)
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if element.attrib:
            for name in [n for n in element.attrib if n not in _KEPT_ATTRIBUTES]:
                del element.attrib[name]
        text = element.text
        if text and element not in preformatted and len(text) > 1:
            element.text = text = _SPACE_RUN.sub(" ", text)
        if (
            (text and not text.isspace())
            or tag in _KEPT_EMPTY
            or any(
                child in has_text or (child.tail and not child.tail.isspace()) for child in element
            )
        ):
            has_text.add(element)
        elif element.getparent() is not None:
            element.drop_tree()


def readability_blocks(html: str) -> list[Block]:
    """The paragraphs readability-lxml finds in a (pruned) page."""
    import lxml.html
    from readability import Document  # type: ignore[import-untyped]
    from readability.readability import Unparseable  # type: ignore[import-untyped]

    try:
        summary = Document(html).summary(html_partial=True)
    except (Unparseable, ValueError, TypeError, RecursionError):
        # A page readability cannot read: trafilatura's paragraphs stand alone.
        return []
    if not summary.strip():
        return []
    return walk_blocks(lxml.html.fragment_fromstring(summary, create_parent="div"))


def trafilatura_blocks(doc: HtmlElement, *, fast: bool = True) -> list[Block]:
    """The paragraphs trafilatura finds in a (pruned) page; `fast` is its own rules without
    its internal fallback extractors (which `merge_blocks` replaces)."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            doc, fast=fast, include_comments=False, include_tables=True, include_images=False
        )
    except (ValueError, TypeError, RecursionError):
        # A page trafilatura cannot read: readability's paragraphs stand alone.
        return []
    if result is None or isinstance(result, dict) or result.body is None:
        return []
    return walk_blocks(result.body, code_is_block=True)


def extract_blocks(doc: HtmlElement) -> list[Block]:
    """The article's paragraphs in a parsed page; prunes `doc` in place."""
    import lxml.html

    prune_page(doc)
    html = lxml.html.tostring(doc, encoding="unicode")
    merged = merge_blocks(readability_blocks(html), trafilatura_blocks(doc))
    found = sum(len(b.text.split()) for b in merged)
    if found < SHORT_WORDS:
        # Implausibly short for an article (a front page, a page of teasers): trafilatura's
        # full mode, with its own fallback extractors, keeps more.
        fuller = trafilatura_blocks(doc, fast=False)
        if sum(len(b.text.split()) for b in fuller) > 2 * found:
            return fuller
    return merged


# -- merging -------------------------------------------------------------------------------


def merge_blocks(primary: list[Block], secondary: list[Block]) -> list[Block]:
    """readability's paragraphs (`primary`) completed and trimmed by trafilatura's
    (`secondary`), as the module docstring describes."""
    if not primary or not secondary:
        return primary or secondary
    p_words = [words(b.text) for b in primary]
    s_words = [words(b.text) for b in secondary]
    p_all: Counter[str] = Counter(w for ws in p_words for w in ws)
    s_all: Counter[str] = Counter(w for ws in s_words for w in ws)
    if _f1(p_all, s_all) < AGREEMENT:
        return max((primary, secondary), key=_prose_words)
    p_grams = [_bigrams(ws) for ws in p_words]
    s_grams = [_bigrams(ws) for ws in s_words]
    p_grams_all = {g for grams in p_grams for g in grams}
    s_grams_all = {g for grams in s_grams for g in grams}
    p_shared = [_covered(grams, s_grams_all) for grams in p_grams]
    s_shared = [_covered(grams, p_grams_all) for grams in s_grams]
    if not any(p_shared) or not any(s_shared):
        return max((primary, secondary), key=_prose_words)
    p_first, p_last = _region(p_shared)
    s_first, s_last = _region(s_shared)
    position = _locator(s_words)

    def missing(start: int, stop: int) -> list[Block]:
        """trafilatura's paragraphs in [start, stop) that readability does not have."""
        return [secondary[j] for j in range(start, stop) if not s_shared[j] and s_words[j]]

    # Before the region: a prose lead that only trafilatura found, then readability's own
    # lead (its container's standfirst or dateline).
    merged: list[Block] = [b for b in secondary[:s_first] if _is_prose(b)]
    merged.extend(primary[:p_first])
    cursor = s_first - 1  # the last trafilatura paragraph accounted for
    for index in range(p_first, p_last + 1):
        if p_shared[index]:
            target = position(p_words[index])
            if target is not None and cursor < target <= s_last:
                merged.extend(missing(cursor + 1, target))
                cursor = target
        if not _link_line(primary[index]):
            merged.append(primary[index])
    merged.extend(missing(cursor + 1, s_last + 1))
    # After the region: readability's tail only when it is a short sign-off or dateline;
    # a longer unshared tail is a "related stories" or newsletter block.
    tail = [b for b in primary[p_last + 1 :] if not _link_dominated(b)]
    if len(tail) <= TAIL_BLOCKS and sum(len(b.text.split()) for b in tail) <= TAIL_WORDS:
        merged.extend(tail)
    return merged


def _f1(a: Counter[str], b: Counter[str]) -> float:
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _region(shared: list[bool]) -> tuple[int, int]:
    first = shared.index(True)
    last = len(shared) - 1 - shared[::-1].index(True)
    return first, last


def _bigrams(ws: list[str]) -> list[tuple[str, str]]:
    """Adjacent word pairs (a one-word paragraph is its own pair): word order is what tells
    a heading apart from the paragraph below it that repeats its words."""
    if len(ws) == 1:
        return [(ws[0], "")]
    return list(zip(ws, ws[1:], strict=False))


def _covered(grams: list[tuple[str, str]], other: set[tuple[str, str]]) -> bool:
    """At least `SHARED` of a paragraph's word pairs occur in the other text. A one-word
    paragraph needs the same one-word paragraph."""
    if not grams:
        return False
    return sum(1 for gram in grams if gram in other) >= SHARED * len(grams)


def _locator(blocks_words: list[list[str]]):  # type: ignore[no-untyped-def]
    """A function from a paragraph's words to the index of the paragraph of `blocks_words`
    that shares the most of its distinctive words (None when no word is distinctive)."""
    index: dict[str, list[int]] = {}
    for i, ws in enumerate(blocks_words):
        for w in set(ws):
            index.setdefault(w, []).append(i)

    def best(ws: list[str]) -> int | None:
        votes: Counter[int] = Counter()
        for w in set(ws):
            hits = index.get(w, ())
            if len(hits) <= 8:  # common words say little about where a paragraph is
                votes.update(hits)
        return votes.most_common(1)[0][0] if votes else None

    return best


def _is_prose(block: Block) -> bool:
    count = len(block.text.split())
    return (
        block.kind == "p"
        and count >= PROSE_WORDS
        and block.text.rstrip().endswith(_SENTENCE_END)
        and block.link_chars * 2 < len(block.text)
    )


def _link_dominated(block: Block) -> bool:
    """Mostly link text ("Read more ...", "Previous: ...")."""
    return block.link_chars * 2 >= len(block.text)


def _link_line(block: Block) -> bool:
    """A "read more" line: a short paragraph that is nearly all link and says it points
    elsewhere ("Read more: ...", "Related: ...", "See also ..."): not text of this
    article."""
    return (
        block.kind == "p"
        and len(block.text.split()) <= LINK_LINE_WORDS
        and block.link_chars >= LINK_LINE_SHARE * len(block.text)
        and _READ_MORE.match(block.text) is not None
    )


def _prose_words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks if _is_prose(b))


def _tag(element: HtmlElement) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _text_of(element: HtmlElement) -> str:
    return "".join(t for t in element.itertext() if t.strip())
