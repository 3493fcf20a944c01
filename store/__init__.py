"""claimmark's core: everything that needs no terminal.

Models, migrations, the `Store` (the only place with SQL), article ingest and text
normalisation, anchoring, attribution suggestions and export. Never imports textual.
"""

from typing import TYPE_CHECKING

from claimmark.store.errors import (
    Ambiguous,
    Busy,
    ClaimmarkError,
    Conflict,
    Damaged,
    DiskFull,
    FetchError,
    IngestError,
    Interrupted,
    InvalidInput,
    NotFound,
    StoreError,
)
from claimmark.store.models import (
    Annotation,
    AnnotationDraft,
    Article,
    Attribution,
    Claim,
    ClaimStatus,
    Confidence,
)

if TYPE_CHECKING:
    from claimmark.store.results import ArticleSummary, ClaimRow, ImportResult, JournalEntry

_RESULTS = frozenset({"ArticleSummary", "ClaimRow", "ImportResult", "JournalEntry"})


def __getattr__(name: str) -> object:
    """The records of `store.results`, imported when first asked for: opening an article
    needs none of them (see that module)."""
    if name in _RESULTS:
        from claimmark.store import results

        return getattr(results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Ambiguous",
    "Busy",
    "Annotation",
    "AnnotationDraft",
    "Article",
    "ArticleSummary",
    "Attribution",
    "Claim",
    "ClaimRow",
    "ClaimStatus",
    "ClaimmarkError",
    "Conflict",
    "Damaged",
    "DiskFull",
    "Confidence",
    "FetchError",
    "ImportResult",
    "IngestError",
    "Interrupted",
    "InvalidInput",
    "JournalEntry",
    "NotFound",
    "StoreError",
]
