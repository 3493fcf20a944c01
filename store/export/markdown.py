"""One article's annotations as a Markdown file for Obsidian and other Markdown tools.

The file, for an article with claims and highlights::

    ---
    claimmark: "sha256:<the article's content hash>"     <- how claimmark knows its own files
    title: "Ministers signal backing for coastal flood plan"
    byline: "By Jane Example"
    source: "/home/ana/articles/flood.txt"
    imported: "2026-11-25T19:56:02.123456+00:00"     <- a web page has before it: site,
    tags: ["climate-policy", "flood"]                   published, modified, url, fetched
                                                        and language (each when known)
    annotations: 3
    claims: 1
    notes: 1
    highlights: 1
    ---

    # Ministers signal backing for coastal flood plan

    By Jane Example                                      <- byline · site · published date

    ## Claims

    > a decision is close

    - **Paragraph:** ¶2
    - **Claimant:** environment minister
    - **Source chain:** Harbour Gazette → environment minister
    - **Attribution:** direct quote
    - **Status:** unverified
    - **Confidence:** medium
    - **Evidence:**
      - [https://example.org/a](<https://example.org/a>)
    - **Tags:** #flood
    -   **Note:**

        The reader's note, *Markdown* as written, indented by four spaces.

    ## Highlights and notes

    > Senior engineers have since indicated ...

    - **Paragraph:** ¶3
    - **Tags:** #climate-policy

Every annotation is a block quote (the quoted text) followed by a list of fields; fields
with nothing to say are left out. When a new version of the article changed the words under
an annotation, a **Changed since marked** field gives the words as they were marked (marked
⚠ on a claim) and the front matter counts them (``changed: N``); one it carried onto the
same words found elsewhere (its own were deleted) says **Moved since marked** (``moved:
N``), so the place gets checked. Orphans, annotations whose
words are gone from this version, close the file under ``## Orphans`` with their old quote
and note (``orphans: N`` in the front matter). Claims come first, in document order; then
the other annotations in document order. With ``group_by="tag"`` both sections are
grouped: under one ``### #tag`` heading per tag (an annotation with two tags appears under
both; untagged ones last, under ``### Untagged``), in document order within each group.
Front matter values are double-quoted strings with JSON-style escapes (valid YAML) or
numbers or flow lists; the same annotations give the same bytes.

**Article text is text, never Markdown.** Quotes, the title, byline, claimant, sources and
link text go through `escape_text`: ASCII punctuation that Markdown, GFM or Obsidian could
read as syntax is backslash-escaped, ``<`` becomes ``&lt;``, a line can never start a
heading, list, quote, table, fence or indented code block, and whitespace at either end is
written as character references so that parsers do not strip it. Paragraph breaks inside a
quote become hard line breaks (a ``\\`` at the end of the line). C0/C1 control characters
other than tab and line breaks, lone surrogates and the bidi controls are shown as U+FFFD:
a Markdown file is no place for a terminal escape sequence. (The store never holds them,
see `store.sanitize`; a library written by an older claimmark may.)

**Notes are Markdown and stay Markdown**, but inside a list item: the ``Note:`` item uses a
four-column marker (``-   ``) and every line of the note is indented by four spaces, so
that a note can hold headings, lists, fences or HTML without breaking out of its item (a
``# heading`` in a note is a heading nested in the item, never a heading of the export),
and tab stops inside the note stay where they were. Blank lines around a note are dropped
and every kind of line end (CR, CRLF, VT, FF, NEL, U+2028, U+2029) becomes ``\\n`` so that
no editor sees a line without its indentation; control characters are replaced as above.
Link reference definitions in a note are document-wide in Markdown, as they always are.

**Tags** are written as Obsidian tags (`obsidian_tag`): "climate policy" becomes
``#climate-policy``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache

from claimmark.articles import sample_source
from claimmark.store.errors import InvalidInput
from claimmark.store.models import Annotation, Article, document_order
from claimmark.store.sanitize import BIDI_CONTROLS
from claimmark.store.text import ParagraphIndex

GROUP_BY: tuple[str, ...] = ("document", "tag")
"""The ways `article_markdown` can order highlights and notes."""

MARKER_KEY = "claimmark"
"""The front matter key whose value identifies a file claimmark wrote."""

_MARKER_LINE = re.compile(r'^claimmark: "sha256:[0-9a-f]{64}"$')

MAX_SLUG = 80
"""Longest file name stem `export_filename` makes (before ``-<id>`` and ``.md``)."""

# -- escaping ------------------------------------------------------------------------

_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{BIDI_CONTROLS}]")
"""Characters a Markdown body never carries as they are (shown as U+FFFD)."""

_INLINE = re.compile(
    r"[\\`*_\[\]#|~$^=>]"  # emphasis, code, links, headings, tables, Obsidian syntax
    r"|<"  # HTML and autolinks
    r"|&(?=#?[A-Za-z0-9]+;)"  # something that would read as a character reference
    r"|%(?=%)|(?<=%)%"  # Obsidian %% comments
    "|[\r\n\u2028\u2029]"  # line and paragraph separators
)
_REPLACEMENTS = {
    "<": "&lt;",
    "\r": "&#xD;",
    "\n": "&#xA;",
    "\u2028": "&#x2028;",
    "\u2029": "&#x2029;",
}
_LINE_START = re.compile(r"[-+]|\d{1,9}(?=[.)])")
"""What starts a list item at the start of a line (other markers are always escaped)."""


def _reference(char: str) -> str:
    return f"&#x{ord(char):X};"


def _escape_match(match: re.Match[str]) -> str:
    char = match.group()
    return _REPLACEMENTS.get(char) or "\\" + char


_ANY_SPECIAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\\\\`*_\\[\\]#|~$^=<>&%\r\n\u2028\u2029"
    + BIDI_CONTROLS
    + "]|^(?:[-+]|\\d{1,9}[.)])"
)
"""Anything `escape_text` would change (a quick test that lets plain text through)."""


def escape_text(text: str) -> str:
    """`text` as Markdown that renders as exactly this text on one line, wherever the line
    sits (at the start of a line, in a block quote, a heading or a list item)."""
    if not text or (
        not text[0].isspace() and not text[-1].isspace() and not _ANY_SPECIAL.search(text)
    ):
        return text
    text = _UNSAFE.sub("\ufffd", text)
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    head = "".join(_reference(c) for c in text[:start])
    tail = "".join(_reference(c) for c in text[end:])
    body = _INLINE.sub(_escape_match, text[start:end])
    if not head:
        marker = _LINE_START.match(body)
        if marker:
            cut = 0 if marker.group() in ("-", "+") else marker.end()
            body = body[:cut] + "\\" + body[cut:]
    return head + body + tail


def quote_lines(quote: str) -> list[str]:
    """A quote as the lines of one Markdown paragraph: each newline of the article text
    (a paragraph break) becomes a hard line break; newlines at either end, which a hard
    break cannot express, become ``&#xA;``."""
    stripped = quote.strip("\n")
    lead = len(quote) - len(quote.lstrip("\n"))
    trail = len(quote) - len(quote.rstrip("\n")) if stripped else 0
    segments = stripped.split("\n")
    lines = [escape_text(segment) for segment in segments]
    for index in range(len(lines) - 1):
        lines[index] += "\\"
    lines[0] = "&#xA;" * lead + lines[0]
    lines[-1] += "&#xA;" * trail
    return lines


_YAML_ESCAPE = re.compile(
    f'["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff{BIDI_CONTROLS}]'
)
_YAML_SHORT = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _yaml_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _YAML_SHORT:
        return _YAML_SHORT[char]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return f"\\u{ord(char):04x}"


def yaml_string(value: str) -> str:
    """`value` as a double-quoted YAML scalar that is also a JSON string: quotes and
    backslashes escaped, control characters, line/paragraph separators, bidi controls, BOM
    and non-characters as ``\\uXXXX`` (lone surrogates, which no file can hold, as U+FFFD)."""
    return '"' + _YAML_ESCAPE.sub(_yaml_escape, value) + '"'


def _yaml_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_string(v) for v in values) + "]"


# -- tags ----------------------------------------------------------------------------


_HYPHENS = re.compile(r"-{2,}")
_SLASHES = re.compile(r"-*/[-/]*")


def _is_word(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LM" or category == "Nd"


@lru_cache(maxsize=4096)
def obsidian_tag(tag: str) -> str:
    """`tag` as an Obsidian tag name (without the ``#``).

    Letters (any script), digits, ``-`` and ``/`` (nested tags) are kept; anything else,
    spaces included, becomes ``-``; runs of ``-`` or ``/`` collapse and neither is left at
    either end. ``_`` is kept only between two letters or digits, where Markdown cannot
    read it as emphasis. A tag with no letter gets the prefix ``tag-`` (Obsidian needs a
    non-digit), an empty one becomes ``tag``."""
    text = unicodedata.normalize("NFC", tag)
    chars: list[str] = []
    for index, char in enumerate(text):
        if char in "-/" or _is_word(char):
            chars.append(char)
        elif (
            char == "_"
            and 0 < index < len(text) - 1
            and _is_word(text[index - 1])
            and _is_word(text[index + 1])
        ):
            chars.append(char)
        else:
            chars.append("-")
    name = _HYPHENS.sub("-", "".join(chars))
    name = _SLASHES.sub("/", name).strip("-/")
    if not name:
        return "tag"
    if not any(unicodedata.category(c)[0] in "LM" for c in name):
        return f"tag-{name}"
    return name


# -- the document --------------------------------------------------------------------


_NOTE_LINE_ENDS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
"""What some editor or parser may take for a line end in a note: all become ``\\n``, so
that every line the note has anywhere gets its indentation."""


def _note_lines(note: str) -> list[str]:
    """A note's lines, indented by four spaces (blank lines at either end dropped)."""
    text = _UNSAFE.sub("\ufffd", _NOTE_LINE_ENDS.sub("\n", note))
    lines = text.split("\n")
    while lines and not lines[0].strip(" \t"):
        lines.pop(0)
    while lines and not lines[-1].strip(" \t"):
        lines.pop()
    return ["    " + line if line else "" for line in lines]


def _field(label: str, value: str) -> str:
    return f"- **{label}:** {escape_text(value)}"


def _tag_list(tags: Sequence[str]) -> str:
    names: list[str] = []
    for tag in tags:
        name = obsidian_tag(tag)
        if name not in names:
            names.append(name)
    return " ".join("#" + name for name in names)


def _link(url: str) -> str:
    destination = re.sub(r"([\\<>])", r"\\\1", _UNSAFE.sub("\ufffd", url))
    destination = re.sub(r"[\s]", lambda m: f"%{ord(m.group()):02X}", destination)
    return f"[{escape_text(url)}](<{destination}>)"


def _paragraph_label(annotation: Annotation, paragraphs: ParagraphIndex) -> str:
    first = paragraphs.number_of(annotation.start)
    last = paragraphs.number_of(max(annotation.start, annotation.end - 1))
    return f"¶{first}" if first == last else f"¶{first}–{last}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def annotation_block(
    annotation: Annotation, paragraphs: ParagraphIndex | None, *, orphan: bool = False
) -> list[str]:
    """The Markdown lines of one annotation: its quote as a block quote, then its fields.
    A changed annotation says what was marked; an orphan (`paragraphs` None) says its
    words are gone."""
    lines = ["> " + line for line in quote_lines(annotation.quote)]
    lines.append("")
    if orphan or paragraphs is None:
        lines.append("- **Orphan:** these words are gone from this version of the article")
    else:
        lines.append(f"- **Paragraph:** {_paragraph_label(annotation, paragraphs)}")
    mark = "⚠ " if annotation.claim is not None else ""
    if annotation.marked_quote is not None:
        lines.append(
            _field(
                f"{mark}Changed since marked", f"marked as “{_one_line(annotation.marked_quote)}”"
            )
        )
    if annotation.moved and not orphan and paragraphs is not None:
        lines.append(
            _field(
                f"{mark}Moved since marked",
                "its words were deleted where it was marked; these are the same words "
                "found elsewhere: check it is the right place",
            )
        )
    claim = annotation.claim
    if claim is not None:
        if claim.claimant:
            lines.append(_field("Claimant", claim.claimant))
        if claim.sources:
            chain = " → ".join(escape_text(source) for source in claim.sources)
            lines.append(f"- **Source chain:** {chain}")
        lines.append(_field("Attribution", claim.attribution.value))
        lines.append(_field("Status", claim.status.value))
        lines.append(_field("Confidence", claim.confidence.value))
        if claim.evidence:
            lines.append("- **Evidence:**")
            lines.extend(f"  - {_link(url)}" for url in claim.evidence)
    if annotation.tags:
        lines.append(f"- **Tags:** {_tag_list(annotation.tags)}")
    note = _note_lines(annotation.note)
    if note:
        lines.append("-   **Note:**")
        lines.append("")
        lines.extend(note)
    return lines


def _blocks(annotations: Sequence[Annotation], paragraphs: ParagraphIndex) -> list[str]:
    lines: list[str] = []
    for annotation in annotations:
        lines.extend(annotation_block(annotation, paragraphs))
        lines.append("")
    return lines


def _tag_groups(annotations: Sequence[Annotation]) -> list[tuple[str, list[Annotation]]]:
    groups: dict[str, list[Annotation]] = {}
    untagged: list[Annotation] = []
    for annotation in annotations:
        names = {obsidian_tag(tag) for tag in annotation.tags}
        if not names:
            untagged.append(annotation)
        for name in names:
            groups.setdefault(name, []).append(annotation)
    ordered = [
        ("#" + name, groups[name]) for name in sorted(groups, key=lambda n: (n.casefold(), n))
    ]
    if untagged:
        ordered.append(("Untagged", untagged))
    return ordered


def article_markdown(
    article: Article,
    annotations: Sequence[Annotation],
    *,
    group_by: str = "document",
    include_timestamp: bool = False,
    orphans: Sequence[Annotation] = (),
    version: tuple[int, int] | None = None,
) -> str:
    """The Markdown export of one article's annotations (see the module docstring).
    `orphans` (annotations whose words are gone from this version) close the document
    in their own section, with their old quote and note. `version` (number, count), for
    an older version exported on its own, goes in the front matter (``version: 1``,
    ``versions: 3``) and under the title.

    `group_by` is ``"document"`` (highlights and notes in document order) or ``"tag"``
    (under one heading per tag). The result depends only on the article and annotations
    given (not on database ids or the clock) unless `include_timestamp` adds an
    ``exported`` time to the front matter."""
    if group_by not in GROUP_BY:
        raise InvalidInput(f"unknown grouping {group_by!r} (choose: {', '.join(GROUP_BY)})")
    ordered = sorted(annotations, key=document_order)
    paragraphs = ParagraphIndex(article.text)
    claims = [a for a in ordered if a.kind == "claim"]
    others = [a for a in ordered if a.kind != "claim"]
    tags = sorted(
        {obsidian_tag(t) for a in ordered for t in a.tags}, key=lambda n: (n.casefold(), n)
    )
    lines = [
        "---",
        f"{MARKER_KEY}: {yaml_string('sha256:' + article.sha256)}",
        f"title: {yaml_string(article.title)}",
        f"byline: {yaml_string(article.byline)}",
        f"source: {yaml_string(sample_source(article.source))}",
    ]
    lines += [
        f"{key}: {yaml_string(value)}"
        for key, value in (
            ("site", article.site_name),
            ("published", article.published),
            ("modified", article.modified),
            ("url", _page_url(article)),
            ("fetched", article.fetched_at),
            ("language", article.language),
        )
        if value
    ]
    lines += [
        f"imported: {yaml_string(article.imported_at)}",
    ]
    if include_timestamp:
        exported = datetime.now(UTC).isoformat(timespec="seconds")
        lines.append(f"exported: {yaml_string(exported)}")
    lines += [
        f"tags: {_yaml_list(tags)}",
        f"annotations: {len(ordered)}",
        f"claims: {len(claims)}",
        f"notes: {sum(1 for a in others if a.kind == 'note')}",
        f"highlights: {sum(1 for a in others if a.kind == 'highlight')}",
    ]
    changed = sum(1 for a in ordered if a.changed)
    if changed:
        lines.append(f"changed: {changed}")
    moved = sum(1 for a in ordered if a.moved)
    if moved:
        lines.append(f"moved: {moved}")
    if orphans:
        lines.append(f"orphans: {len(orphans)}")
    if version is not None:
        lines += [f"version: {version[0]}", f"versions: {version[1]}"]
    lines += [
        "---",
        "",
        f"# {escape_text(article.title)}".rstrip(),
        "",
    ]
    if version is not None:
        lines += [
            f"*Version {version[0]} of {version[1]}: an older text of this article, with "
            "the notes where they sat on it.*",
            "",
        ]
    credit = " · ".join(
        part for part in (article.byline, article.site_name, article.published[:10]) if part
    )
    if credit:
        lines += [escape_text(credit), ""]
    for section, members in (("Claims", claims), ("Highlights and notes", others)):
        if not members:
            continue
        lines += [f"## {section}", ""]
        if group_by == "tag":
            for heading, group in _tag_groups(members):
                lines += [f"### {heading}", ""] + _blocks(group, paragraphs)
        else:
            lines += _blocks(members, paragraphs)
    if orphans:
        lines += ["## Orphans", ""]
        for annotation in sorted(orphans, key=document_order):
            lines.extend(annotation_block(annotation, None, orphan=True))
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _page_url(article: Article) -> str:
    """The page's own URL (canonical, else fetched from) when it says more than the
    source does."""
    url = article.canonical_url or article.fetched_from
    return "" if url == article.source else url


def export_marker(head: str) -> str | None:
    """The article sha256 in claimmark's marker if `head` (the start of a file) is front
    matter that claimmark wrote, else None."""
    lines = head.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        return None
    for line in lines[1:]:
        line = line.rstrip("\r")
        if line == "---":
            return None
        if _MARKER_LINE.match(line):
            return line[len('claimmark: "sha256:') : -1]
    return None


def is_markdown_export(head: str) -> bool:
    """True when `head` (the start of a file) is front matter that claimmark wrote."""
    return export_marker(head) is not None


# -- file names ----------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "&": " and ",
    }
)
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def slugify(title: str, limit: int = MAX_SLUG) -> str:
    """`title` folded to ASCII, lowercase words joined by hyphens, at most `limit`
    characters (cut at a hyphen where one is near the end). May be empty."""
    text = unicodedata.normalize("NFKD", title.translate(_FOLD))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]", "", text)
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        hyphen = cut.rfind("-")
        slug = (cut[:hyphen] if hyphen > limit // 2 else cut).strip("-")
    return slug


def export_filename(article: Article, taken: set[str] | None = None, *, suffix: str = ".md") -> str:
    """A safe, stable file name for the article's export: its title as a slug plus
    `suffix` (``article-<id>`` when the title has no ASCII letters or digits). When the
    name (compared case-insensitively) is in `taken`, ``-<id>`` is added, then a counter.
    `taken` is not changed: add the result to it yourself."""
    slug = slugify(article.title) or f"article-{article.id}"
    if slug in _RESERVED:
        slug = f"{slug}-{article.id}"
    used = {name.casefold() for name in taken or ()}
    name = slug + suffix
    if name.casefold() in used:
        name = f"{slug}-{article.id}{suffix}"
        counter = 2
        while name.casefold() in used:
            name = f"{slug}-{article.id}-{counter}{suffix}"
            counter += 1
    return name
