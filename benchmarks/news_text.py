"""A stable plain text of the saved news pages, for the real-news labels and their scoring.

The corpus (`../shared/corpus/web-pages/` next to the repository, never copied into it) holds
one folder per page; `expected.html` is Mozilla Readability's extraction of the main text and
`expected-metadata.json` its title. This module turns them into ``(title, paragraphs)`` the
same way every time, with nothing but the standard library, so that label offsets in
`tests/fixtures/news/` keep pointing at the same characters:

- each block element (``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``pre``, ``td``, ``dd``
  ...) and each ``<br>`` ends the paragraph being collected; inline elements add their text
  to it;
- ``script``, ``style``, ``svg``, ``template`` and ``noscript`` contribute nothing;
- HTML whitespace runs become one space, entities are decoded, control characters dropped,
  each paragraph stripped and NFC-normalised; empty paragraphs are dropped.

The body text is the paragraphs joined by ``\\n``, as claimmark stores an article: paragraph
N (1-based) is line N.

It is a benchmark helper, independent of claimmark's own HTML import. Run it to read a page
with paragraph numbers and offsets: ``python benchmarks/news_text.py guardian-1``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_RELATIVE = Path("shared") / "corpus" / "web-pages"
"""Where the corpus sits relative to the folder that holds the repository (`../shared/...`)."""

BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p
    pre section summary table tbody td tfoot th thead tr ul""".split()
)
"""Elements whose start and end close the paragraph being collected."""

SKIPPED_TAGS = frozenset({"script", "style", "svg", "template", "noscript", "head", "title"})
"""Elements whose content is not text of the page."""

_HTML_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class CorpusMissingError(FileNotFoundError):
    """The saved web pages are not where the benchmarks and tests look for them."""


class _ParagraphParser(HTMLParser):
    """Collects the text of an HTML fragment as a list of paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        elif tag in BLOCK_TAGS or tag == "br":
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<br/>`, `<hr/>`, `<img/>`: no content, so a skipped tag must not be counted open.
        if tag in BLOCK_TAGS or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._pieces.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if not self._pieces:
            return
        paragraph = clean_inline("".join(self._pieces))
        self._pieces = []
        if paragraph:
            self.paragraphs.append(paragraph)


def clean_inline(text: str) -> str:
    """One line of text: control characters dropped, HTML whitespace collapsed, NFC."""
    text = _CONTROL.sub("", text)
    text = _HTML_SPACE.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text)


def html_paragraphs(html: str) -> list[str]:
    """The paragraphs of an HTML fragment, in document order."""
    parser = _ParagraphParser()
    parser.feed(html)
    parser.close()
    return parser.paragraphs


@dataclass(frozen=True)
class NewsPage:
    """One saved page as plain text: its title and its body paragraphs."""

    name: str
    title: str
    paragraphs: tuple[str, ...]

    @cached_property
    def body(self) -> str:
        """The body text as claimmark stores it: paragraphs joined by ``\\n``."""
        return "\n".join(self.paragraphs)

    @cached_property
    def paragraph_starts(self) -> tuple[int, ...]:
        """Offset in `body` of the first character of each paragraph."""
        starts: list[int] = []
        offset = 0
        for paragraph in self.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + 1
        return tuple(starts)

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph holding `offset` of `body`."""
        number = 0
        for number, start in enumerate(self.paragraph_starts, 1):
            if start > offset:
                return number - 1
        return number


def corpus_dir(repo_root: Path = REPO_ROOT) -> Path:
    """The folder of saved web pages: `../shared/corpus/web-pages` from the repository root.

    A git worktree may sit one or more folders deeper than the main checkout, so the
    nearest ancestor of the repository root that holds `shared/corpus/web-pages` is used.
    Raises `CorpusMissingError` when there is none.
    """
    for ancestor in repo_root.resolve().parents:
        candidate = ancestor / CORPUS_RELATIVE
        if candidate.is_dir():
            return candidate
    raise CorpusMissingError(
        f"the saved web pages are not at {repo_root.parent / CORPUS_RELATIVE} "
        "(nor under any folder above the repository); the real-news labels need them"
    )


def page_names(corpus: Path | None = None) -> list[str]:
    """Names of the saved pages that have an `expected.html`, sorted."""
    folder = corpus if corpus is not None else corpus_dir()
    return sorted(p.parent.name for p in folder.glob("*/expected.html"))


def load_page(name: str, corpus: Path | None = None) -> NewsPage:
    """The title and paragraphs of the saved page `name` (e.g. ``"guardian-1"``)."""
    folder = (corpus if corpus is not None else corpus_dir()) / name
    html_file = folder / "expected.html"
    if not html_file.is_file():
        raise CorpusMissingError(f"no saved page {name!r}: {html_file} does not exist")
    html = html_file.read_text(encoding="utf-8")
    title = ""
    metadata_file = folder / "expected-metadata.json"
    if metadata_file.is_file():
        metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
        title = clean_inline(str(metadata.get("title") or ""))
    return NewsPage(name=name, title=title, paragraphs=tuple(html_paragraphs(html)))


def main(argv: list[str] | None = None) -> int:
    """Print a page's title and numbered paragraphs with their body offsets."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python benchmarks/news_text.py PAGE", file=sys.stderr)
        return 2
    try:
        page = load_page(args[0])
    except CorpusMissingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"title: {page.title}")
    for number, (start, paragraph) in enumerate(
        zip(page.paragraph_starts, page.paragraphs, strict=True), 1
    ):
        print(f"\n¶{number} @{start}: {paragraph}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
