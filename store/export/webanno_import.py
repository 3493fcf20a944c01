"""Importing a claimmark JSON collection (see `store.export.webanno` for the format).

`parse_collection` checks the whole file first and raises `ImportFormatError` with a
one-line message naming the first problem, touching no store. `import_collection` then adds
each article (an article already in the library, by content, is reused) and each annotation
not already there (same article, span, creation time and quote), so importing a file twice
adds nothing the second time. A quote that has moved is found again with
`store.anchoring.locate`.

Article text is imported as the store keeps every text, through `store.sanitize` (an
export of claimmark's holds it already clean); when that removes characters from a
hand-made or older file, each annotation's offsets are moved with the text so that it
stays on its words. A file larger than `MAX_IMPORT_BYTES`, or an article or note larger
than `MAX_TEXT_BYTES`, is refused before anything is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from claimmark.store.anchoring import QuoteSelector, locate
from claimmark.store.errors import InvalidInput
from claimmark.store.export.errors import ImportFormatError
from claimmark.store.export.webanno import (
    ANNO_CONTEXT,
    FORMAT_VERSION,
    METADATA_KEYS,
    NAMESPACE,
)
from claimmark.store.models import (
    AnnotationDraft,
    ArticleMetadata,
    Attribution,
    Claim,
    ClaimStatus,
    Confidence,
    claim_from_dict,
)
from claimmark.store.results import ImportResult
from claimmark.store.sanitize import (
    MAX_IMPORT_BYTES,
    check_size,
    clean_block,
    deleted_positions,
    is_clean_block,
    map_offset,
    size_label,
)
from claimmark.store.store import Store, check_claim, clean_tags


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What `import_collection` did."""

    articles_added: int
    """Articles stored now (new, or a new version of an article already there)."""
    articles_existing: int
    """Articles whose content was already in the library (reused)."""
    annotations_added: int
    annotations_skipped: int
    """Annotations already in the library (same article, span, creation time, quote)."""
    article_ids: tuple[int, ...] = field(default=())
    """The store ids of the file's articles, in file order."""


# -- checking ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article read from a collection file, checked."""

    urn: str
    title: str
    byline: str
    source: str
    text: str
    """The text as the store keeps it (`store.sanitize.clean_block` of the file's)."""
    encoding: str
    imported_at: str
    metadata: ArticleMetadata = ArticleMetadata()
    """The page metadata keys that are present (absent ones are "")."""
    raw: str = field(default="", repr=False, compare=False)
    """The text as the file holds it, which its annotations' selectors point into."""
    deleted: tuple[int, ...] = field(default=(), repr=False, compare=False)
    """Offsets in `raw` of the characters the sanitiser removed (none for a clean file)."""
    repeat: int = 0
    """For a version that brought back an older text: which repeat of that text it is."""


@dataclass(frozen=True, slots=True)
class ParsedAnnotation:
    """An annotation read from a collection file, checked and anchored in its article."""

    article_urn: str
    start: int
    end: int
    quote: str
    color: str | None
    note: str
    tags: tuple[str, ...]
    claim: Claim | None
    created_at: str
    updated_at: str
    marked_quote: str | None = None
    """The words as marked, when a new version of the article changed them."""
    moved: bool = False
    """A new version placed it on its words found elsewhere (a check is asked)."""


@dataclass(frozen=True, slots=True)
class ParsedCollection:
    """Everything a collection file holds, checked; what `import_collection` writes."""

    articles: tuple[ParsedArticle, ...]
    annotations: tuple[ParsedAnnotation, ...]


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Checker:
    """Reads values out of parsed JSON, raising a one-line error that says where."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, problem: str) -> ImportFormatError:
        return ImportFormatError(f"{self.where}: {problem}")

    def obj(self, data: Any, what: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(f"{what} must be an object, not {_show(data)}")
        return data

    def get(
        self, data: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any = ...
    ) -> Any:
        if key not in data:
            if default is not ...:
                return default
            raise self.fail(f"{key!r} is missing")
        value = data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            value_ok = False
        else:
            value_ok = isinstance(value, kinds)
        if not value_ok:
            names = " or ".join(_KIND_NAMES.get(k, k.__name__) for k in kinds)
            raise self.fail(f"{key!r} must be {names}, not {_show(value)}")
        return value

    def string_list(self, data: dict[str, Any], key: str) -> tuple[str, ...]:
        values = self.get(data, key, list, [])
        for value in values:
            if not isinstance(value, str):
                raise self.fail(f"{key!r} must hold strings, not {_show(value)}")
        return tuple(values)

    def timestamp(self, data: dict[str, Any], key: str) -> str:
        value = self.get(data, key, str)
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{key!r} is not an ISO 8601 time: {_show(value)}") from None
        return str(value)


_KIND_NAMES = {
    str: "a string",
    int: "an integer",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def _decode(data: str | bytes) -> Any:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFormatError(
                f"not a claimmark export: not UTF-8 text (bad byte at offset {error.start})"
            ) from None
    if data.lstrip().startswith("---"):
        raise ImportFormatError(
            "not valid JSON: this looks like a Markdown export; only claimmark's JSON "
            "export can be imported"
        )
    try:
        return json.loads(data)
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise ImportFormatError("not valid JSON: nested too deeply") from None


def _check_header(document: Any) -> None:
    if not isinstance(document, dict):
        raise ImportFormatError("not a claimmark export: the file is not a JSON object")
    context = document.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if ANNO_CONTEXT not in contexts:
        raise ImportFormatError(
            f"not a claimmark export: no Web Annotation context ({ANNO_CONTEXT})"
        )
    if {"claimmark": NAMESPACE} not in contexts:
        raise ImportFormatError(
            "not a claimmark export: a Web Annotation file without claimmark's context"
        )
    if document.get("type") != "AnnotationCollection":
        raise ImportFormatError(
            f"not a claimmark export: type is {_show(document.get('type'))}, "
            "not 'AnnotationCollection'"
        )
    version = document.get("claimmark:format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFormatError("not a claimmark export: 'claimmark:format' is missing")
    if version > FORMAT_VERSION:
        raise ImportFormatError(
            f"the file was made by a newer claimmark (format {version}); upgrade to import it"
        )
    if version < 1:
        raise ImportFormatError(f"unknown claimmark format {version}")


def _parse_article(index: int, data: Any) -> ParsedArticle:
    check = _Checker(f"article {index + 1}")
    entry = check.obj(data, "an article")
    urn = check.get(entry, "id", str)
    if entry.get("type") != "claimmark:Article":
        raise check.fail(f"type must be 'claimmark:Article', not {_show(entry.get('type'))}")
    raw = check.get(entry, "claimmark:text", str)
    try:
        check_size(raw, "the article text")
    except InvalidInput as error:
        raise check.fail(str(error)) from None
    # The store keeps the text sanitised; the file's selectors point into the raw text,
    # and `deleted` maps them onto the clean one (see `_parse_annotation`).
    clean = raw if is_clean_block(raw) else clean_block(raw)
    if not clean.strip():
        raise check.fail("the article has no text")
    article = ParsedArticle(
        urn=urn,
        title=check.get(entry, "claimmark:title", str),
        byline=check.get(entry, "claimmark:byline", str),
        source=check.get(entry, "claimmark:source", str),
        text=clean,
        encoding=check.get(entry, "claimmark:encoding", str),
        imported_at=check.timestamp(entry, "claimmark:importedAt"),
        metadata=ArticleMetadata(
            **{
                name: check.get(entry, key, str)
                for name, key in METADATA_KEYS.items()
                if key in entry
            }
        ),
        raw=raw,
        deleted=() if clean is raw else tuple(deleted_positions(raw)),
    )
    sha = check.get(entry, "claimmark:sha256", str)
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise check.fail(f"'claimmark:sha256' is not a SHA-256 hex digest: {_show(sha)}")
    repeat = check.get(entry, "claimmark:repeat", int, 0)
    if repeat < 0:
        raise check.fail(f"'claimmark:repeat' must be 0 or more, not {repeat}")
    return replace(article, repeat=repeat) if repeat else article


def _parse_claim(check: _Checker, body: dict[str, Any]) -> Claim:
    status = check.get(body, "claimmark:status", str)
    confidence = check.get(body, "claimmark:confidence", str)
    attribution = check.get(body, "claimmark:attribution", str)
    for value, enum in (
        (status, ClaimStatus),
        (confidence, Confidence),
        (attribution, Attribution),
    ):
        if value not in {member.value for member in enum}:
            choices = ", ".join(member.value for member in enum)
            raise check.fail(f"unknown claim value {_show(value)} (choose: {choices})")
    claim = claim_from_dict(
        {
            "claimant": check.get(body, "claimmark:claimant", str),
            "sources": check.string_list(body, "claimmark:sources"),
            "status": status,
            "confidence": confidence,
            "attribution": attribution,
            "evidence": check.string_list(body, "claimmark:evidence"),
        }
    )
    try:
        check_claim(claim)
    except InvalidInput as error:
        raise check.fail(str(error)) from None
    return claim


def _selectors(check: _Checker, target: dict[str, Any]) -> tuple[dict | None, dict | None]:
    selectors = target.get("selector")
    if isinstance(selectors, dict):
        selectors = [selectors]
    if not isinstance(selectors, list) or not selectors:
        raise check.fail("the target has no selector")
    quote = position = None
    for selector in selectors:
        selector = check.obj(selector, "a selector")
        kind = selector.get("type")
        if kind == "TextQuoteSelector":
            quote = selector
        elif kind == "TextPositionSelector":
            position = selector
    if quote is None and position is None:
        raise check.fail("the target has no TextQuoteSelector or TextPositionSelector")
    return quote, position


def _anchor(
    check: _Checker, text: str, quote: dict | None, position: dict | None
) -> tuple[int, int]:
    hint: int | None = None
    if position is not None:
        start = check.get(position, "start", int)
        end = check.get(position, "end", int)
        if not 0 <= start < end <= len(text):
            raise check.fail(f"span {start}-{end} is outside the article (0-{len(text)}) or empty")
        if quote is None:
            return start, end
        hint = start
    assert quote is not None
    exact = check.get(quote, "exact", str)
    if not exact:
        raise check.fail("the quote ('exact') is empty")
    if hint is not None and text[hint : hint + len(exact)] == exact:
        return hint, hint + len(exact)
    found = locate(
        text,
        QuoteSelector(
            exact, check.get(quote, "prefix", str, ""), check.get(quote, "suffix", str, "")
        ),
        hint,
    )
    if found is None:
        raise check.fail(f"the quote {_show(exact)} is not in the article's text")
    return found


def _parse_annotation(
    index: int, data: Any, articles: dict[str, ParsedArticle]
) -> ParsedAnnotation:
    check = _Checker(f"item {index + 1}")
    item = check.obj(data, "an annotation")
    if isinstance(item.get("id"), str):
        check = _Checker(f"item {index + 1} ({item['id']})")
    if item.get("type") != "Annotation":
        raise check.fail(f"type must be 'Annotation', not {_show(item.get('type'))}")
    created = check.timestamp(item, "created")
    modified = check.timestamp(item, "modified") if "modified" in item else created
    color = check.get(item, "claimmark:color", (str, type(None)), None)
    marked_quote = check.get(item, "claimmark:markedQuote", (str, type(None)), None)
    moved = check.get(item, "claimmark:movedSinceMarked", bool, False)
    target = check.obj(check.get(item, "target", dict), "the target")
    source = check.get(target, "source", str)
    article = articles.get(source)
    if article is None:
        raise check.fail(f"its target {_show(source)} is not among the file's articles")
    quote_selector, position_selector = _selectors(check, target)
    start, end = _anchor(check, article.raw, quote_selector, position_selector)
    if article.deleted:
        start, end = map_offset(start, article.deleted), map_offset(end, article.deleted)
        if end <= start:
            raise check.fail("the quote holds nothing but control characters")

    bodies = item.get("body", [])
    if isinstance(bodies, dict):
        bodies = [bodies]
    if not isinstance(bodies, list):
        raise check.fail(f"'body' must be a list, not {_show(bodies)}")
    note: str | None = None
    claim: Claim | None = None
    tags: list[str] = []
    for number, body in enumerate(bodies, 1):
        body_check = _Checker(f"{check.where}, body {number}")
        body = body_check.obj(body, "a body")
        purpose = body.get("purpose")
        if purpose == "tagging":
            tags.append(body_check.get(body, "value", str))
        elif purpose == "commenting":
            if note is not None:
                raise body_check.fail("a second note (only one 'commenting' body is allowed)")
            note = body_check.get(body, "value", str)
        elif purpose == "assessing":
            if claim is not None:
                raise body_check.fail("a second claim (only one 'assessing' body is allowed)")
            claim = _parse_claim(body_check, body)
        else:
            raise body_check.fail(
                f"unknown purpose {_show(purpose)} (expected tagging, commenting or assessing)"
            )
    try:
        clean = clean_tags(tags)
        check_size(note or "", "the note")
    except InvalidInput as error:
        raise check.fail(str(error)) from None
    return ParsedAnnotation(
        article_urn=source,
        start=start,
        end=end,
        quote=article.text[start:end],
        color=color,
        note=note or "",
        tags=clean,
        claim=claim,
        created_at=created,
        updated_at=modified,
        marked_quote=marked_quote if marked_quote != article.text[start:end] else None,
        moved=moved,
    )


def parse_collection(data: str | bytes) -> ParsedCollection:
    """Read and check a collection file without touching a store.

    Raises `ImportFormatError` naming the first problem: not JSON, not a claimmark
    collection, a missing or mistyped field, a span outside its article, a quote that is
    not in the article's text, an unknown claim status, a bad evidence link, a file or a
    text larger than the limits of `store.sanitize`, ..."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFormatError(f"the file is larger than {size_label(MAX_IMPORT_BYTES)}")
    document = _decode(data)
    _check_header(document)
    raw_articles = document.get("claimmark:articles")
    if not isinstance(raw_articles, list):
        raise ImportFormatError("not a claimmark export: 'claimmark:articles' is missing")
    articles: dict[str, ParsedArticle] = {}
    for index, raw in enumerate(raw_articles):
        article = _parse_article(index, raw)
        if article.urn in articles:
            raise ImportFormatError(f"article {index + 1}: a second article with id {article.urn}")
        articles[article.urn] = article
    if "first" in document:
        page = document["first"]
        if not isinstance(page, dict) or not isinstance(page.get("items"), list):
            raise ImportFormatError("not a claimmark export: 'first' is not a page of items")
        if "next" in page:
            raise ImportFormatError(
                "the collection has more than one page; "
                "only single-page collections can be imported"
            )
        raw_items = page["items"]
    elif isinstance(document.get("items"), list):
        raw_items = document["items"]
    else:
        raise ImportFormatError("not a claimmark export: no annotations ('first' or 'items')")
    annotations = tuple(
        _parse_annotation(index, raw, articles) for index, raw in enumerate(raw_items)
    )
    return ParsedCollection(articles=tuple(articles.values()), annotations=annotations)


# -- writing ------------------------------------------------------------------------


def import_collection(store: Store, data: str | bytes) -> ImportSummary:
    """Check a collection file (see `parse_collection`), then add its articles and the
    annotations not already in the store, keeping their creation and modification times.

    Nothing is written if the file has a problem, and the whole import is one store
    transaction: it lands completely or not at all."""
    parsed = parse_collection(data)
    with store.transaction():
        ids: dict[str, int] = {}
        known: dict[str, set[tuple[int, int, str, str]]] = {}
        added = existing = 0
        for article in parsed.articles:
            # A text already here is found as exactly that stored text (a version that
            # brought back an older text is its own row), else added (a revert among
            # them is added as one, after the versions before it).
            stored = store.find_text(article.title, article.byline, article.text, article.repeat)
            result = (
                ImportResult(stored, "existing", stored.encoding)
                if stored is not None
                else store.add_article(
                    article.title,
                    article.byline,
                    article.source,
                    article.text,
                    encoding=article.encoding,
                    imported_at=article.imported_at,
                    metadata=article.metadata,
                )
            )
            ids[article.urn] = result.article.id
            if result.status == "existing":
                existing += 1
            else:
                added += 1
            # What the library holds already, including notes a new version just carried.
            known[article.urn] = {
                (a.start, a.end, a.created_at, a.quote)
                for a in store.list_annotations(result.article.id)
            }
        annotations_added = skipped = 0
        for annotation in parsed.annotations:
            key = (annotation.start, annotation.end, annotation.created_at, annotation.quote)
            seen = known[annotation.article_urn]
            if key in seen:
                skipped += 1
                continue
            store.create_annotation(
                AnnotationDraft(
                    article_id=ids[annotation.article_urn],
                    start=annotation.start,
                    end=annotation.end,
                    color=annotation.color,
                    note=annotation.note,
                    tags=annotation.tags,
                    claim=annotation.claim,
                ),
                created_at=annotation.created_at,
                updated_at=annotation.updated_at,
                marked_quote=annotation.marked_quote,
                moved=annotation.moved,
            )
            seen.add(key)
            annotations_added += 1
    return ImportSummary(
        articles_added=added,
        articles_existing=existing,
        annotations_added=annotations_added,
        annotations_skipped=skipped,
        article_ids=tuple(ids[article.urn] for article in parsed.articles),
    )
