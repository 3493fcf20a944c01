"""A lossless JSON export that imports back: a W3C Web Annotation collection (JSON-LD).

The file is one ``AnnotationCollection`` whose first (and only) ``AnnotationPage`` embeds
every annotation; the articles they annotate, text and all, travel with it in
``claimmark:articles``, so the file is self-contained. Shape (abridged)::

    {
      "@context": ["http://www.w3.org/ns/anno.jsonld", {"claimmark": "urn:claimmark:ns:"}],
      "id": "urn:claimmark:collection:<hash of the article hashes>",
      "type": "AnnotationCollection",
      "label": "claimmark annotations",
      "claimmark:format": 1,
      "total": 2,
      "claimmark:articles": [
        {"id": "urn:claimmark:article:<sha256>", "type": "claimmark:Article",
         "claimmark:title": ..., "claimmark:byline": ..., "claimmark:source": ...,
         "claimmark:importedAt": ..., "claimmark:encoding": "utf-8",
         "claimmark:siteName": ..., "claimmark:published": ..., "claimmark:modified": ...,
         "claimmark:canonicalUrl": ..., "claimmark:fetchedFrom": ...,
         "claimmark:fetchedAt": ..., "claimmark:language": ...,
         "claimmark:sha256": ..., "claimmark:text": ...}
                                 <- a version that brought back an older text adds
                                    "claimmark:repeat": N (1, 2, ...) and ":N" to its id
      ],
      "first": {"id": "<collection id>:page:1", "type": "AnnotationPage", "startIndex": 0,
        "items": [
          {"id": "urn:claimmark:annotation:<hash>", "type": "Annotation",
           "motivation": "assessing" | "commenting" | "highlighting",
           "created": ..., "modified": ..., "claimmark:color": "yellow",
           "claimmark:changedSinceMarked": true,        <- only when a new version changed
           "claimmark:markedQuote": "the words marked",    the words under it
           "claimmark:movedSinceMarked": true,          <- only when a new version placed
                                                           it on its words found elsewhere
           "body": [
             {"type": "TextualBody", "purpose": "commenting", "format": "text/markdown",
              "value": "the note"},
             {"type": "TextualBody", "purpose": "assessing", "format": "text/plain",
              "value": "Claim by X: disputed (high confidence)",
              "claimmark:claimant": "X", "claimmark:sources": ["A", "B"],
              "claimmark:status": "disputed", "claimmark:confidence": "high",
              "claimmark:attribution": "direct quote", "claimmark:evidence": ["https://..."]},
             {"type": "TextualBody", "purpose": "tagging", "value": "climate policy"}
           ],
           "target": {"source": "urn:claimmark:article:<sha256>",
             "selector": [
               {"type": "TextQuoteSelector", "exact": ..., "prefix": ..., "suffix": ...},
               {"type": "TextPositionSelector", "start": 10, "end": 42}]}}
        ]}
    }

The page metadata keys (site name to language) are written only when the article has a
value for them (articles from text files have none), and read back when present.

Every version of an exported article travels with it (older versions hold its orphans,
annotations whose words are gone from the newest text), so an import rebuilds the history.

Ids are derived from content, never from database ids: an article is
``urn:claimmark:article:<sha256 of title, byline and text>``; an annotation is a hash of its
article's sha256, its span and its creation time. So export → import into another
database → export gives the same bytes. Articles are ordered by import time (then hash),
annotations by article, then document order; keys are in a fixed order; the text is
UTF-8 with two-space indents and a final newline. Control characters, U+2028/U+2029, the
bidi controls and lone surrogates are written as ``\\uXXXX`` escapes (JSON keeps them
exactly, and printed to a terminal they do nothing).

Offsets (``TextPositionSelector``) count Unicode code points, as the W3C model says and
as Python indexes strings.

Reading a collection back (checking it and adding it to a store) is
`store.export.webanno_import`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from claimmark.articles import sample_source
from claimmark.store.models import Annotation, Article, Claim, claim_to_dict, document_order
from claimmark.store.sanitize import BIDI_CONTROLS

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
"""The W3C Web Annotation JSON-LD context."""

NAMESPACE = "urn:claimmark:ns:"
"""What the ``claimmark:`` prefix expands to (the context extension)."""

FORMAT_VERSION = 1
"""The version of this file format (``claimmark:format``); a newer one is refused."""

CONTEXT: list[Any] = [ANNO_CONTEXT, {"claimmark": NAMESPACE}]
METADATA_KEYS: dict[str, str] = {
    "site_name": "claimmark:siteName",
    "published": "claimmark:published",
    "modified": "claimmark:modified",
    "canonical_url": "claimmark:canonicalUrl",
    "fetched_from": "claimmark:fetchedFrom",
    "fetched_at": "claimmark:fetchedAt",
    "language": "claimmark:language",
}
"""`Article` metadata fields and their keys in an exported article."""

_RAW_ESCAPES = re.compile(f"[\x7f-\x9f\u2028\u2029\ud800-\udfff{BIDI_CONTROLS}]")


# -- export --------------------------------------------------------------------------


def article_urn(article_sha256: str, repeat: int = 0) -> str:
    """The id of an article in the collection (also every annotation's target source); a
    version that brought back an older text (`Article.repeat` > 0) adds its count."""
    return f"urn:claimmark:article:{article_sha256}" + (f":{repeat}" if repeat else "")


def annotation_urn(
    article_sha256: str, start: int, end: int, created_at: str, repeat: int = 0
) -> str:
    """The id of an annotation: a hash of what identifies it across databases."""
    text = article_sha256 + (f":{repeat}" if repeat else "")
    key = f"{text}:{start}-{end}:{created_at}"
    return "urn:claimmark:annotation:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _claim_summary(claim: Claim) -> str:
    who = f"Claim by {claim.claimant}" if claim.claimant else "Claim"
    return f"{who}: {claim.status.value} ({claim.confidence.value} confidence)"


def _motivation(annotation: Annotation) -> str:
    return {"claim": "assessing", "note": "commenting"}.get(annotation.kind, "highlighting")


def _annotation_json(article: Article, annotation: Annotation) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": annotation_urn(
            article.sha256,
            annotation.start,
            annotation.end,
            annotation.created_at,
            article.repeat,
        ),
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": annotation.created_at,
        "modified": annotation.updated_at,
    }
    if annotation.color is not None:
        item["claimmark:color"] = annotation.color
    if annotation.marked_quote is not None:
        item["claimmark:changedSinceMarked"] = True
        item["claimmark:markedQuote"] = annotation.marked_quote
    if annotation.moved:
        item["claimmark:movedSinceMarked"] = True
    body: list[dict[str, Any]] = []
    if annotation.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/markdown",
                "value": annotation.note,
            }
        )
    claim = annotation.claim
    if claim is not None:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "assessing",
                "format": "text/plain",
                "value": _claim_summary(claim),
                **{f"claimmark:{key}": value for key, value in claim_to_dict(claim).items()},
            }
        )
    body.extend(
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    )
    if body:
        item["body"] = body
    item["target"] = {
        "source": article_urn(article.sha256, article.repeat),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": annotation.quote,
                "prefix": annotation.prefix,
                "suffix": annotation.suffix,
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ],
    }
    return item


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article_urn(article.sha256, article.repeat),
        "type": "claimmark:Article",
        "claimmark:title": article.title,
        "claimmark:byline": article.byline,
        "claimmark:source": sample_source(article.source),
        "claimmark:importedAt": article.imported_at,
        "claimmark:encoding": article.encoding,
        **{
            key: getattr(article, name)
            for name, key in METADATA_KEYS.items()
            if getattr(article, name)
        },
        "claimmark:sha256": article.sha256,
        **({"claimmark:repeat": article.repeat} if article.repeat else {}),
        "claimmark:text": article.text,
    }


def _escape_raw(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _string(value: str) -> str:
    text = encode_basestring(value)
    if _RAW_ESCAPES.search(text):
        text = _RAW_ESCAPES.sub(_escape_raw, text)
    return text


def _write_json(value: Any, indent: str, out: list[str]) -> None:
    """Append `value` as JSON to `out`: the same text as ``json.dumps(value, indent=2,
    ensure_ascii=False)`` (for str, int, bool, None, list and dict), plus ``\\uXXXX`` for
    C1 controls, U+2028/U+2029 and lone surrogates. Strings go through the standard
    library's C escaper; the rest is this loop, which runs 1.4-1.9x as fast as `json.dumps`
    with an indent (that encoder is pure Python): `benchmarks/bench_export.py` prints the
    ratio on a 14 MB collection."""
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif kind is dict or kind is list:
        if not value:
            out.append("{}" if kind is dict else "[]")
            return
        inner = indent + "  "
        separator = ",\n" + inner
        pairs = value.items() if kind is dict else ((None, item) for item in value)
        out.append(("{\n" if kind is dict else "[\n") + inner)
        first = True
        for key, item in pairs:
            if first:
                first = False
            else:
                out.append(separator)
            if key is not None:
                out.append(_string(key) + ": ")
            if type(item) is str:
                out.append(_string(item))
            else:
                _write_json(item, inner, out)
        out.append(("\n" + indent + "}") if kind is dict else ("\n" + indent + "]"))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    else:
        raise TypeError(f"cannot write {kind.__name__} as JSON")


def dumps(value: Any) -> str:
    """`value` as claimmark's JSON text (see `_write_json`), with a final newline."""
    out: list[str] = []
    _write_json(value, "", out)
    out.append("\n")
    return "".join(out)


def collection_json(
    articles_with_annotations: Sequence[tuple[Article, Sequence[Annotation]]],
) -> str:
    """The collection of these articles and annotations as JSON text (see the module
    docstring). The same content gives the same bytes, whatever the order given."""
    seen: set[str] = set()
    pairs: list[tuple[Article, Sequence[Annotation]]] = []
    for article, marks in sorted(
        articles_with_annotations,
        key=lambda pair: (pair[0].imported_at, pair[0].sha256, pair[0].repeat),
    ):
        urn = article_urn(article.sha256, article.repeat)
        if urn not in seen:
            seen.add(urn)
            pairs.append((article, marks))
    items = [
        _annotation_json(article, annotation)
        for article, marks in pairs
        for annotation in sorted(marks, key=document_order)
    ]
    digest = hashlib.sha256(
        "\n".join(article_urn(a.sha256, a.repeat)[22:] for a, _ in pairs).encode("ascii", "replace")
    ).hexdigest()[:32]
    collection_id = f"urn:claimmark:collection:{digest}"
    document = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "claimmark annotations",
        "claimmark:format": FORMAT_VERSION,
        "total": len(items),
        "claimmark:articles": [_article_json(article) for article, _ in pairs],
        "first": {
            "id": f"{collection_id}:page:1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    return dumps(document)


def is_collection_export(head: str) -> bool:
    """True when `head` (the start of a file) is a collection claimmark wrote."""
    return (
        head.lstrip().startswith("{")
        and json.dumps(NAMESPACE) in head
        and '"claimmark:format"' in head
    )
