"""Frozen dataclasses that the store hands out and takes in.

Nothing here touches SQLite or a terminal: these are the shapes every layer shares.
Offsets (`start`, `end`) are character offsets into `Article.text`, the normalised
text the store keeps; `end` is exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


class ClaimStatus(StrEnum):
    """How far a claim holds, as the reader judged it."""

    UNVERIFIED = "unverified"
    SUPPORTED = "supported"
    DISPUTED = "disputed"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"


class Confidence(StrEnum):
    """How sure the reader is of the status."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Attribution(StrEnum):
    """How the article attributes the claim."""

    DIRECT_QUOTE = "direct quote"
    PARAPHRASE = "paraphrase"
    ANONYMOUS = "anonymous source"
    UNATTRIBUTED = "unattributed"


@dataclass(frozen=True, slots=True)
class Claim:
    """The structured part of an annotation that records a claim."""

    claimant: str = ""
    sources: tuple[str, ...] = ()
    """The chain by which the claim reached the article, outermost first."""
    status: ClaimStatus = ClaimStatus.UNVERIFIED
    confidence: Confidence = Confidence.MEDIUM
    attribution: Attribution = Attribution.PARAPHRASE
    evidence: tuple[str, ...] = ()
    """Evidence links (URLs)."""


@dataclass(frozen=True, slots=True)
class AnnotationDraft:
    """What the caller supplies to create an annotation; the store fills in the rest."""

    article_id: int
    start: int
    end: int
    color: str | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    claim: Claim | None = None


def annotation_kind(note: str, *, is_claim: bool) -> str:
    """`claim` (it has a claim), else `note` (its note holds text), else `highlight`."""
    if is_claim:
        return "claim"
    if note.strip():
        return "note"
    return "highlight"


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlighted span of an article, with its tags, note and (maybe) claim."""

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str | None
    note: str
    tags: tuple[str, ...]
    claim: Claim | None
    created_at: str
    updated_at: str
    marked_quote: str | None = None
    """The quote as it was marked, when the words under the annotation have changed
    since (a new version of the article reworded them); None while they are the same."""
    moved: bool = False
    """A new version carried the annotation onto the same words found elsewhere, while
    its own were deleted (or rewritten all around it): most likely its words moved, but
    a copy of them would look the same, so the user is asked to check the place."""

    @property
    def changed(self) -> bool:
        """True when the words under the annotation differ from those that were marked."""
        return self.marked_quote is not None

    @property
    def flagged(self) -> bool:
        """True when a new version left the annotation for the user to check: its words
        changed, or it moved (`accept_changed_words` takes it as it now is)."""
        return self.marked_quote is not None or self.moved

    @property
    def kind(self) -> str:
        """`claim`, `note` or `highlight`: what the annotation is, for display and export."""
        return annotation_kind(self.note, is_claim=self.claim is not None)


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """What the page an article came from says about it (each "" when unknown)."""

    site_name: str = ""
    published: str = ""
    """ISO 8601 date or date-time the page gives as its publication."""
    modified: str = ""
    """ISO 8601; only when the page says it was modified after publication."""
    canonical_url: str = ""
    """The page's own URL for the article (``<link rel=canonical>``, ``og:url``)."""
    fetched_from: str = ""
    """The URL the page was fetched from, after redirects ("" for a file)."""
    fetched_at: str = ""
    """When it was fetched (ISO 8601 UTC)."""
    language: str = ""
    """The page's language tag (``en``, ``fr-FR``)."""


METADATA_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ArticleMetadata))
"""The `ArticleMetadata` fields, which are also `articles` columns and `Article` fields."""


@dataclass(frozen=True, slots=True)
class Article:
    """One stored text of an article. A changed re-import is a new `Article` whose
    `previous_id` points at the text it replaces."""

    id: int
    title: str
    byline: str
    source: str
    """The path or URL it was imported from."""
    text: str
    sha256: str
    imported_at: str
    encoding: str
    previous_id: int | None = None
    last_opened_at: str | None = None
    site_name: str = ""
    published: str = ""
    modified: str = ""
    canonical_url: str = ""
    fetched_from: str = ""
    fetched_at: str = ""
    language: str = ""
    repeat: int = 0
    """0 for the first stored text with this content; 1, 2, ... for a later version that
    brought back the very text of an older one (a revert), which `sha256` shares."""

    @property
    def metadata(self) -> ArticleMetadata:
        """The page metadata of this article."""
        return ArticleMetadata(**{name: getattr(self, name) for name in METADATA_FIELDS})

    @property
    def url(self) -> str:
        """The article's web address: its canonical URL, else the URL it was fetched
        from, else its source when that is a URL; "" for a file."""
        if self.canonical_url or self.fetched_from:
            return self.canonical_url or self.fetched_from
        return self.source if self.source.startswith(("http://", "https://")) else ""


class LibrarySort(StrEnum):
    """The orders the library can be listed in (each has its natural direction: newest,
    A to Z, most first)."""

    OPENED = "opened"
    ADDED = "added"
    TITLE = "title"
    ANNOTATIONS = "annotations"
    NOTES = "notes"
    CLAIMS = "claims"

    @property
    def label(self) -> str:
        """How the library names the order, e.g. "last opened"."""
        return "last opened" if self is LibrarySort.OPENED else self.value


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """Where the reader was in an article: the cursor, and the text at the top of the view."""

    offset: int
    top: int
    saved_at: str


def document_order(annotation: Annotation) -> tuple[int, int, str, str, str, int]:
    """Sort key for the exports' document order: by start, the longer of two spans starting
    together first, then by creation time, last change and quote; the id breaks what ties
    remain."""
    return (
        annotation.start,
        -annotation.end,
        annotation.created_at,
        annotation.updated_at,
        annotation.quote,
        annotation.id,
    )


def claim_to_dict(claim: Claim) -> dict:
    """A claim as plain JSON-ready values."""
    return {
        "claimant": claim.claimant,
        "sources": list(claim.sources),
        "status": claim.status.value,
        "confidence": claim.confidence.value,
        "attribution": claim.attribution.value,
        "evidence": list(claim.evidence),
    }


def claim_from_dict(data: dict) -> Claim:
    """The inverse of `claim_to_dict` (raises ValueError/KeyError/TypeError on bad data)."""
    return Claim(
        claimant=str(data.get("claimant", "")),
        sources=tuple(str(s) for s in data.get("sources", ())),
        status=ClaimStatus(data.get("status", "unverified")),
        confidence=Confidence(data.get("confidence", "medium")),
        attribution=Attribution(data.get("attribution", "paraphrase")),
        evidence=tuple(str(u) for u in data.get("evidence", ())),
    )


def annotation_to_dict(annotation: Annotation) -> dict:
    """An annotation as plain JSON-ready values (the journal's and the CLI's format)."""
    return {
        "id": annotation.id,
        "article_id": annotation.article_id,
        "start": annotation.start,
        "end": annotation.end,
        "quote": annotation.quote,
        "prefix": annotation.prefix,
        "suffix": annotation.suffix,
        "color": annotation.color,
        "note": annotation.note,
        "tags": list(annotation.tags),
        "claim": claim_to_dict(annotation.claim) if annotation.claim else None,
        "kind": annotation.kind,
        "created_at": annotation.created_at,
        "updated_at": annotation.updated_at,
        "changed": annotation.changed,
        "marked_quote": annotation.marked_quote,
        "moved": annotation.moved,
    }


def annotation_from_dict(data: dict) -> Annotation:
    """The inverse of `annotation_to_dict`."""
    return Annotation(
        id=int(data["id"]),
        article_id=int(data["article_id"]),
        start=int(data["start"]),
        end=int(data["end"]),
        quote=str(data["quote"]),
        prefix=str(data.get("prefix", "")),
        suffix=str(data.get("suffix", "")),
        color=data.get("color"),
        note=str(data.get("note", "")),
        tags=tuple(str(t) for t in data.get("tags", ())),
        claim=claim_from_dict(data["claim"]) if data.get("claim") else None,
        created_at=str(data["created_at"]),
        updated_at=str(data["updated_at"]),
        marked_quote=None if data.get("marked_quote") is None else str(data["marked_quote"]),
        moved=bool(data.get("moved", False)),
    )
