"""Every real page of the development corpus (``../shared/corpus/web-pages``, Mozilla
Readability's test pages) added from its ``source.html``: fetched by URL from a local
server on 127.0.0.1 (as ``text/html`` with no charset, so the page's own meta tag or
detection decodes it), then added again as a saved file, which must be the same article.
Checked: a title like Readability's, text with no markup left in it, and a sane paragraph
count."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.extract_scoring import html_text
from claimmark.store.store import Store
from claimmark.store.web.add import add_url
from tests.web_server import PageServer, corpus_folder

CORPUS = corpus_folder()
PAGES = sorted(p.name for p in CORPUS.iterdir() if (p / "source.html").is_file()) if CORPUS else []

pytestmark = pytest.mark.skipif(
    CORPUS is None, reason="../shared/corpus/web-pages is not beside the repository"
)

# Markup that must never survive extraction: HTML tags, entities, script or style text.
# (Articles about code may show "<noun>" as text: only real HTML tag names count.)
_TAGS = (
    "a|article|aside|b|blockquote|body|br|button|div|em|figcaption|figure|footer|form|h[1-6]|"
    "head|header|html|i|iframe|img|input|li|link|meta|nav|noscript|ol|p|script|section|span|"
    "strong|style|svg|table|td|th|tr|ul"
)
_MARKUP = re.compile(rf"</?(?:{_TAGS})(?:\s[^<>]*)?/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.I)


def _page_text(folder: Path) -> str:
    """What the page shows as text (entities decoded, tags, scripts and styles gone)."""
    import lxml.html
    from lxml import etree

    root = lxml.html.fromstring((folder / "source.html").read_bytes())
    etree.strip_elements(root, "script", "style", with_tail=False)
    return " ".join(" ".join(root.itertext()).split())


def _script_snippets(folder: Path) -> list[str]:
    """A stretch of the text of each script and style element of the page."""
    import lxml.html

    root = lxml.html.fromstring((folder / "source.html").read_bytes())
    snippets = []
    for element in root.iter("script", "style"):
        code = " ".join((element.text or "").split())
        if len(code) >= 60:
            middle = len(code) // 2
            snippets.append(code[middle - 30 : middle + 30])
    return snippets


def _expected_paragraphs(folder: Path) -> int:
    """The lines of Readability's text of the page (block elements and line breaks)."""
    text = html_text((folder / "expected.html").read_text(encoding="utf-8"))
    return sum(1 for line in text.split("\n") if line.strip())


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    """Every corpus page at /<name>/ on 127.0.0.1."""
    web = PageServer()
    for name in PAGES:
        assert CORPUS is not None
        web.add(f"/{name}/", (CORPUS / name / "source.html").read_bytes(), "text/html")
    yield web
    web.close()


@pytest.mark.parametrize("name", PAGES or ["(none)"])
def test_corpus_page_by_url_and_from_saved_html(
    name: str, tmp_path: Path, server: PageServer
) -> None:
    assert CORPUS is not None
    folder = CORPUS / name
    saved = tmp_path / f"{name}.html"
    saved.write_bytes((folder / "source.html").read_bytes())
    expected = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    with Store(tmp_path / "lib.db") as store:
        fetched = add_url(store, server.url(f"/{name}/"), timeout=10)
        assert fetched.status == "new"
        article = fetched.article
        assert article.fetched_from == server.url(f"/{name}/")
        again = store.import_file(saved)  # the same page, saved: the same article
        assert again.status == "existing" and again.article.id == article.id
    # The title is Readability's, or one contains the other (a site name cut off or kept).
    want = " ".join((expected.get("title") or "").casefold().split())
    got = " ".join(article.title.casefold().split())
    assert got and (want in got or got in want), (article.title, expected.get("title"))
    # Plain text: no tags, entities, scripts or JSON-LD; one paragraph per line, each
    # normalised (no control characters, no stray white space at either end).
    # (An article about HTML shows tags as text: a match must then be text of the page.)
    shown = _page_text(folder)
    leaked = [
        m.group(0)
        for m in _MARKUP.finditer(article.text)
        if " ".join(m.group(0).split()) not in shown
    ]
    assert not leaked, leaked[:5]
    flat = " ".join(article.text.split())
    code = [snippet for snippet in _script_snippets(folder) if snippet not in shown]
    leaked = [snippet for snippet in code if snippet in flat]
    assert not leaked, leaked[:3]
    lines = article.text.split("\n")
    assert all(line.strip() for line in lines)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", article.text)
    # A sane number of paragraphs against Readability's: neither collapsed into a few
    # nor shredded into many.
    reference = max(1, _expected_paragraphs(folder))
    assert len(lines) >= min(3, reference) and len(lines) <= 4 * reference + 20, (
        len(lines),
        reference,
    )
