"""Bytes of a web page to text: the charset from the HTTP header, then the page's own
``<meta charset>``, then detection.

A byte order mark decides first (as browsers do). A declared charset is checked against
the bytes, because servers and pages often declare the wrong one:

- a page declared UTF-8 whose bytes are not UTF-8 is decoded by detection
  (charset-normalizer, typically finding cp1252);
- a page declared Latin-1, ASCII or cp1252 whose bytes are valid UTF-8 with non-ASCII
  characters in it is UTF-8 (legacy text is practically never valid multi-byte UTF-8);
- as in browsers, the labels ``iso-8859-1``, ``latin1`` and ``us-ascii`` mean cp1252, and
  a page that declares UTF-16 in its meta tag but has no byte order mark is UTF-8.
"""

from __future__ import annotations

import codecs
import re

META_SCAN_BYTES = 8192
"""How far into the page the ``<meta charset>`` is looked for."""

CHAOS_MARGIN = 0.1
"""How much more mojibake than the best candidate a detected charset may show."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._\-]+)""")
_SINGLE_BYTE_LATIN = frozenset(("latin-1", "iso8859-1", "ascii", "cp1252"))


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, if any."""
    if not content_type:
        return None
    match = re.search(r"""charset\s*=\s*["']?([^"';\s]+)""", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label (browser aliases applied), or None."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


def decode_page(
    data: bytes, header_charset: str | None = None, *, html: bool = True
) -> tuple[str, str]:
    """Decode a page's bytes; returns ``(text, encoding used)``. `html` enables the
    ``<meta charset>`` look-up."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    declared = codec_name(header_charset)
    if declared is None and html:
        declared = _meta_charset(data[:META_SCAN_BYTES])
    if declared is not None:
        decoded = _decode_declared(data, declared)
        if decoded is not None:
            return decoded
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _meta_charset(head: bytes) -> str | None:
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    name = codec_name(match.group(1).decode("ascii", errors="replace"))
    if name is not None and name.startswith("utf-16"):
        return "utf-8"  # a meta tag cannot be read in UTF-16: the page is not UTF-16
    return name


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    """Decode with the declared codec when the bytes agree with it; None otherwise."""
    if declared in _SINGLE_BYTE_LATIN or declared.startswith("latin"):
        if not data.isascii():
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        return data.decode(declared, errors="replace"), declared
    try:
        return data.decode(declared), declared
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> tuple[str, str]:
    """Detection (charset-normalizer) for bytes that are not UTF-8 and declare nothing
    that fits. Among its candidates as free of mojibake as its best (within
    `CHAOS_MARGIN`), the one whose text reads most like a language wins (cp1252, the
    web's commonest legacy charset, on a tie); cp1252 when it finds nothing."""
    name = None
    try:
        from charset_normalizer import from_bytes

        results = list(from_bytes(data[: 256 * 1024]))
    except Exception:  # detection is a best effort; cp1252 decodes nearly anything
        results = []
    if results:
        least = min(result.chaos for result in results)
        close = [result for result in results if result.chaos <= least + CHAOS_MARGIN]
        best = max(close, key=lambda r: (round(r.coherence, 3), codec_name(r.encoding) == "cp1252"))
        name = codec_name(best.encoding)
    if name is None or name == "utf-8":
        name = "cp1252"
    return data.decode(name, errors="replace"), name
