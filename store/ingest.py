"""Reading article files: bytes to a title, a byline and normalised body text.

The stored body text is the article's paragraphs joined by a single ``\\n`` (see
`store.text`). Files come in two shapes and both are handled:

- one paragraph per line, paragraphs separated by a single newline (the common shape of
  saved news text), possibly with blank lines between them;
- blank-line paragraphs whose lines are hard-wrapped; the lines of a block are joined with
  one space.

Markdown files (``.md``, ``.markdown``) may have YAML front matter (``title:``,
``author:``/``authors:``/``byline:``, read with PyYAML; YAML it refuses is refused) and
``#`` headings; a ``## Heading`` in the body becomes a paragraph of its own, without the
``#`` markers.

Saved web pages (``.html``, ``.htm``, ``.xhtml``) go through the same extractor as pages
fetched by URL (`store.web.page`): the article's text, title, byline and the page's
metadata, never its markup. Every text ends in the same normalisation (`normalise_text`).

Every refusal raises `IngestError` with a one-line message that names the file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from claimmark.store.errors import IngestError
from claimmark.store.models import ArticleMetadata
from claimmark.store.sanitize import MAX_TEXT_BYTES, clean_block, size_label

if TYPE_CHECKING:
    from claimmark.store.web.page import HtmlArticle

MAX_FILE_BYTES = MAX_TEXT_BYTES
"""Files larger than this are refused (and never read beyond one byte more): the one
limit of `store.sanitize` for every text that enters."""

TAB_SIZE = 4
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)
"""What a folder is searched for."""
MARKDOWN_SUFFIXES = (".md", ".markdown")
BINARY_SNIFF_BYTES = 8192

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_SPACE_RUN = re.compile(r"[ \t]{2,}")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|^(#{1,6})[ \t]*$")
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)
# A credit: "By", "Words by", "Reporting by", "Additional reporting by", "Editing by" ...
# then the names. A byline is one credit or several separated by ";" (Reuters style:
# "Reporting by Jane Doe in London; Editing by Sam Roe").
_CREDIT = re.compile(
    r"^(?:(?:additional\s+)?reporting|words(?:\s+and\s+pictures)?|written|writing|text|"
    r"editing|edited|graphics|pictures|photographs|photos|compiled|interviews)?\s*by\s+(\S.*)$",
    re.IGNORECASE,
)
# A role after the names ("By Jane Doe, political editor"): lower-case words are allowed
# there when the role ends with one of these.
_ROLE_NOUNS = frozenset(
    """correspondent correspondents editor editors reporter reporters writer writers
    columnist columnists staff producer producers analyst analysts contributor
    contributors desk team bureau chief journalist journalists photographer
    photographers critic critics""".split()
)
_SENTENCE_END = tuple(".!?:;…\"'”’)]")
_MAX_BYLINE_CHARS = 120
# Lower-case words a byline may hold besides names: "By Jane Doe and Sam Roe in Kyiv",
# "By our correspondent". Any other lower-case word makes the line a sentence, not a byline
# ("By comparison, prices rose 20%").
_BYLINE_WORDS = frozenset(
    """and in for of the de da del della di van von der den la le du al bin y e at with our
    staff reporter reporters correspondent correspondents writer writers editor team agencies
    from""".split()
)


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article read from a file: what the store keeps, plus how it was decoded."""

    title: str
    byline: str
    text: str
    """Body paragraphs joined by a single ``\\n``."""
    encoding: str
    """``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252`` or ``latin-1`` for text files; for
    web pages, the charset the page was decoded with."""
    sha256: str
    """`content_sha256` of title, byline and text."""
    metadata: ArticleMetadata = ArticleMetadata()
    """What a saved web page says about its article (empty for text files)."""


def content_sha256(title: str, byline: str, text: str) -> str:
    """Hex SHA-256 of ``f"{title}\\n{byline}\\n{text}"`` in UTF-8: the identity of a text."""
    return hashlib.sha256(f"{title}\n{byline}\n{text}".encode()).hexdigest()


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes; returns ``(text, encoding used)``.

    A byte order mark decides first (UTF-8, UTF-16 LE/BE), then strict UTF-8 is tried, then
    cp1252; bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) make it Latin-1,
    which decodes any byte.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def normalise_text(text: str) -> str:
    """The canonical form of article text.

    `store.sanitize.clean_block` (the store's own sanitiser: ``\\n`` line ends from CRLF,
    CR, VT, FF, NEL, U+2028 and U+2029; every other control character, the bidi controls
    and any byte order mark removed), then NFC and tabs expanded to spaces (tab size 4).
    Non-breaking spaces and zero-width characters other than U+FEFF are text and stay.
    Idempotent.
    """
    text = clean_block(text)
    text = unicodedata.normalize("NFC", text)
    if "\t" in text:
        text = "\n".join(line.expandtabs(TAB_SIZE) for line in text.split("\n"))
    return unicodedata.normalize("NFC", text)


def parse_article_text(raw: str, *, markdown: bool) -> tuple[str, str, str]:
    """Split an article into ``(title, byline, body text)``.

    The title is the first non-empty line (Markdown: front matter ``title:``, else the first
    ``#`` heading, else the first non-empty line). The byline is a short credit line right
    under the title or at the end (``By ...``, ``Words by ...``, ``Reporting by ...; Editing
    by ...``; both, joined by "; ", when there is one in each place; Markdown: front matter
    ``author:``/``byline:`` first), removed from the body. A line that reads as a sentence
    ("By the end of the year, ...") is never taken for one.
    Raises `IngestError` (message without a file name) when no body is left.
    """
    lines = normalise_text(raw).split("\n")
    meta: dict[str, str] = {}
    if markdown:
        meta, lines = _front_matter(lines)
    title = ""
    if markdown:
        title = _clean_inline(meta.get("title", ""))
        lines, title = _markdown_title(lines, title)
    if not title:
        index = _first_nonblank(lines)
        if index is None:
            raise IngestError("the file has no text")
        title = _clean_inline(lines[index])
        del lines[index]
    credits: list[str] = []
    first = _first_nonblank(lines)
    if first is not None and _is_byline(lines[first], markdown=markdown):
        credits.append(_clean_byline(lines[first], markdown=markdown))
        del lines[first]
    last = _last_nonblank(lines)
    if last is not None and _is_byline(lines[last], markdown=markdown):
        credit = _clean_byline(lines[last], markdown=markdown)
        if not any(_same(credit, known) for known in credits):
            credits.append(credit)
        del lines[last]
    byline = "; ".join(credits)
    if markdown:
        author = meta.get("byline") or meta.get("author") or meta.get("authors") or ""
        if author.strip():
            byline = _byline_from_author(author)
    paragraphs = _paragraphs(lines, markdown=markdown)
    if not paragraphs:
        raise IngestError("there is no article text after the title")
    return title, byline, "\n".join(paragraphs)


def parse_article_bytes(data: bytes, name: str) -> ParsedArticle:
    """Decode, normalise and split the bytes of a file called `name`.

    The name's suffix decides Markdown (``.md``, ``.markdown``) or plain text, and it is
    used in the one-line `IngestError` messages.
    """
    label = _display(name)
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(f"{label}: file is larger than {size_label(MAX_FILE_BYTES)}")
    if not data.strip():
        raise IngestError(f"{label}: file is empty")
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise IngestError(f"{label}: looks like a binary file, not text")
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        return parse_html_bytes(data, label)
    text, encoding = decode_bytes(data)
    if not normalise_text(text).strip():
        raise IngestError(f"{label}: file is empty")
    markdown = Path(name).suffix.lower() in MARKDOWN_SUFFIXES
    try:
        title, byline, body = parse_article_text(text, markdown=markdown)
    except IngestError as error:
        raise IngestError(f"{label}: {error}") from None
    return ParsedArticle(title, byline, body, encoding, content_sha256(title, byline, body))


def parse_html_bytes(
    data: bytes, label: str, *, charset: str | None = None, url: str = ""
) -> ParsedArticle:
    """The article in a web page's bytes (`charset`: one a server declared; `url`: where
    it came from, against which relative links resolve)."""
    from claimmark.store.web.decode import decode_page
    from claimmark.store.web.page import read_html_article

    html, encoding = decode_page(data, charset)
    try:
        page = read_html_article(html, url)
    except IngestError as error:
        raise IngestError(f"{label}: {error}") from None
    return parsed_from_page(page, encoding)


def parsed_from_page(page: HtmlArticle, encoding: str, **metadata: str) -> ParsedArticle:
    """A `ParsedArticle` for an article read from a web page, with extra metadata fields
    (`fetched_from`, `fetched_at`, or a `canonical_url` to use when the page has none)."""
    found = page.metadata
    fields = {
        "site_name": found.site_name,
        "published": found.published,
        "modified": found.modified,
        "canonical_url": found.canonical_url,
        "language": found.language,
    }
    for key, value in metadata.items():
        if value and not fields.get(key):
            fields[key] = value
    return ParsedArticle(
        page.title,
        page.byline,
        page.text,
        encoding,
        content_sha256(page.title, page.byline, page.text),
        ArticleMetadata(**fields),
    )


def path_problem(path: Path) -> str | None:
    """Why `path` cannot be opened, in a few words ("no such file or folder", "symlink
    loop", "broken symlink", "permission denied", ...), or None if it can be."""
    try:
        os.stat(path)
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop (a link that leads back to itself)"
        if error.errno == errno.ENOENT:
            return "broken symlink" if os.path.islink(path) else "no such file or folder"
        if error.errno == errno.EACCES:
            return "permission denied"
        if error.errno == errno.ENAMETOOLONG:
            return "name too long"
        return error.strerror or type(error).__name__


def read_article_file(path: Path) -> ParsedArticle:
    """Read and parse one article file; `IngestError` with a one-line message if it cannot be
    imported (missing, a folder, unreadable, empty, binary, too large, no body)."""
    path = Path(path)
    label = _display(str(path))
    problem = path_problem(path)
    if problem is not None:
        raise IngestError(
            f"{label}: {'no such file' if problem.startswith('no such') else problem}"
        )
    if path.is_dir():
        raise IngestError(f"{label}: is a folder, not a file")
    if not path.is_file():
        raise IngestError(f"{label}: is not a regular file")
    limit = MAX_FILE_BYTES
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise IngestError(f"{label}: cannot be read (permission denied)") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise IngestError(f"{label}: cannot be read ({reason})") from None
    if len(data) > limit:
        raise IngestError(f"{label}: file is larger than {size_label(limit)}")
    return parse_article_bytes(data, str(path))


def find_article_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import for these command-line paths.

    A file is taken as given, whatever its suffix; a folder gives its ``.txt``, ``.md``,
    ``.markdown``, ``.html``, ``.htm`` and ``.xhtml`` files, recursively and sorted,
    skipping hidden files and folders. A path
    that does not exist raises `IngestError`. Each file appears once, in order.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(file: Path) -> None:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            found.append(file)

    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                add(file)
        elif path.exists():
            add(path)
        else:
            raise IngestError(f"{_display(str(path))}: {path_problem(path) or 'cannot be read'}")
    return found


# -- helpers -------------------------------------------------------------------------------


def _walk(folder: Path) -> list[Path]:
    """Article files under `folder`, sorted by path, not following symlinked folders."""
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            file = Path(root, name)
            if file.is_file():
                files.append(file)
    return sorted(files)


def _display(name: str) -> str:
    """A file name fit for a one-line message."""
    return name.replace("\n", "\\n").replace("\r", "\\r")


def _first_nonblank(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return None


def _last_nonblank(lines: list[str]) -> int | None:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            return index
    return None


def _clean_inline(text: str) -> str:
    """One line of text with outer whitespace stripped and inner space runs collapsed."""
    return _SPACE_RUN.sub(" ", text.strip())


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """YAML front matter (between a first ``---`` line and the next ``---`` or ``...``),
    read with PyYAML; returns ``(lower-cased key -> one-line text, the lines after it)``.

    Values are text as written: a loader derived from PyYAML's `SafeLoader` that resolves
    only ``null``/``~``/empty, so ``title: 1984`` is "1984", ``title: Yes`` is "Yes" and
    ``date: 2026-11-20`` stays as written (`safe_load` would give an int, True and a date).
    A list (``author: [A, B]`` or ``- A`` lines) is joined with ", "; a mapping gives its
    ``name``. Raises `IngestError` (one line, no file name) on YAML that PyYAML refuses
    and on front matter that is not ``key: value`` lines.
    """
    start = _first_nonblank(lines)
    if start is None or lines[start].strip() != "---":
        return {}, lines
    for end in range(start + 1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, lines
    data = _load_yaml("\n".join(lines[start + 1 : end]), first_line=start + 2)
    if data is None:
        return {}, lines[end + 1 :]
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "plain text"
        raise IngestError(f"the front matter is {kind}, not `key: value` lines")
    meta = {str(key).lower(): _meta_text(value) for key, value in data.items()}
    return meta, lines[end + 1 :]


def _load_yaml(text: str, *, first_line: int) -> object:
    """`text` parsed as YAML (see `_front_matter`); `first_line` is its line in the file."""
    import yaml  # imported only for a file with front matter: start-up stays cheap

    try:
        return yaml.load(text, Loader=_text_loader())  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as error:
        problem = " ".join(str(error.problem or error.context or "invalid YAML").split())
        mark = error.problem_mark or error.context_mark
        where = f" (line {first_line + mark.line})" if mark is not None else ""
        raise IngestError(f"the front matter is not valid YAML: {problem}{where}") from None
    except yaml.YAMLError as error:
        problem = " ".join(str(error).split())
        raise IngestError(f"the front matter is not valid YAML: {problem}") from None


@cache
def _text_loader() -> type:
    """PyYAML's `SafeLoader`, resolving no plain scalar but null (the rest stays text)."""
    import yaml

    class TextLoader(yaml.SafeLoader):
        """`SafeLoader` that leaves plain scalars as text, except null."""

    TextLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextLoader


def _meta_text(value: object) -> str:
    """A front matter value as one line of text ("" for null)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text for text in (_meta_text(item) for item in value) if text)
    if isinstance(value, dict):
        return _meta_text(value.get("name"))
    if isinstance(value, bytes):  # !!binary
        return ""
    return " ".join(str(value).split())


def _heading_text(line: str) -> str | None:
    """The text of a Markdown ATX heading line, or None if it is not one."""
    match = _HEADING.match(line.strip())
    if match is None:
        return None
    return (match.group(2) or "").strip()


def _markdown_title(lines: list[str], title: str) -> tuple[list[str], str]:
    """Take the title from the first ``#`` heading (or drop that heading when it repeats the
    front matter title)."""
    first = _first_nonblank(lines)
    if title:
        if first is not None:
            heading = _heading_text(lines[first])
            if heading is not None and _same(heading, title):
                lines = lines[:first] + lines[first + 1 :]
        return lines, title
    for index, line in enumerate(lines):
        if line.lstrip().startswith("# ") or line.strip() == "#":
            heading = _heading_text(line)
            if heading:
                return lines[:index] + lines[index + 1 :], _clean_inline(heading)
    if first is not None:
        heading = _heading_text(lines[first])
        if heading:
            return lines[:first] + lines[first + 1 :], _clean_inline(heading)
    return lines, ""


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _strip_emphasis(line: str) -> str:
    text = line.strip()
    for mark in ("**", "__", "*", "_"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            return text[len(mark) : -len(mark)].strip()
    return text


def _is_byline(line: str, *, markdown: bool) -> bool:
    """A short credit line: ``By Name``, ``Words by Name``, ``Reporting by Name in Place;
    Editing by Name``, with an optional role after a comma ("By Sam Okafor, Transport
    correspondent") and never a sentence ("By then it was too late.", "By the end of
    the year, ...")."""
    text = _strip_emphasis(line) if markdown else line.strip()
    if len(text) > _MAX_BYLINE_CHARS or text.endswith(_SENTENCE_END):
        return False
    credits = [part.strip() for part in text.split(";")]
    return bool(credits[0]) and all(_is_credit(credit) for credit in credits)


def _is_credit(text: str) -> bool:
    """One credit: the words before "by", then names (capitalised words and the small
    words names hold), then, after a comma, a role or a place."""
    match = _CREDIT.match(text)
    if match is None:
        return False
    names, _, role = match.group(1).partition(",")
    name_words = [word.strip("()&-–—") for word in names.split()]
    if not name_words or not (name_words[0][:1].isupper() or name_words[0] == "our"):
        return False
    if not all(_name_word(word) for word in name_words):
        return False
    role_words = [word.strip(",()&-–—") for word in role.split()]
    if all(_name_word(word) for word in role_words):
        return True  # ", BBC News", ", Kyiv and Rosalind Mayhew"
    return role_words[-1].casefold() in _ROLE_NOUNS and all(
        word[:1].isalpha() or not word for word in role_words
    )


def _name_word(word: str) -> bool:
    return not word or not word[0].isalpha() or word[0].isupper() or word in _BYLINE_WORDS


def _clean_byline(line: str, *, markdown: bool) -> str:
    return _clean_inline(_strip_emphasis(line) if markdown else line)


def _byline_from_author(author: str) -> str:
    author = _clean_inline(author)
    return author if _BYLINE.match(author) else f"By {author}"


def _paragraphs(lines: list[str], *, markdown: bool) -> list[str]:
    """Body lines to paragraphs: blank-line blocks when the body is hard-wrapped, else one
    paragraph per non-empty line."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    if _hard_wrapped(blocks, markdown=markdown):
        paragraphs: list[str] = []
        for block in blocks:
            current: list[str] = []
            for line in block:
                heading = _heading_text(line) if markdown else None
                if heading is not None:
                    if current:
                        paragraphs.append(" ".join(current))
                        current = []
                    paragraphs.append(heading)
                else:
                    current.append(line.strip())
            if current:
                paragraphs.append(" ".join(current))
    else:
        paragraphs = []
        for block in blocks:
            for line in block:
                heading = _heading_text(line) if markdown else None
                paragraphs.append(line if heading is None else heading)
    return [p for p in (_clean_inline(p) for p in paragraphs) if p]


def _hard_wrapped(blocks: list[list[str]], *, markdown: bool) -> bool:
    """True when blank lines separate blocks whose lines were wrapped mid-sentence.

    A single-line-paragraph file ends nearly every line with sentence punctuation; a
    hard-wrapped one breaks most lines mid-sentence. The test looks at every line that is
    not the last of its block, so a stray blank line in a one-line-per-paragraph file does
    not merge its paragraphs.
    """
    if len(blocks) < 2:
        return False
    inner: list[str] = []
    for block in blocks:
        body = [line for line in block if not (markdown and _heading_text(line) is not None)]
        inner.extend(line.rstrip() for line in body[:-1])
    if not inner:
        return False
    ends_sentence = sum(1 for line in inner if line.endswith(_SENTENCE_END))
    return ends_sentence * 2 < len(inner)
