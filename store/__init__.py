"""claimmark's core: everything that needs no terminal.

Models, migrations, the `Store` (the only place with SQL), article ingest and text
normalisation, anchoring, attribution suggestions and export. Never imports textual.
"""

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
    ArticleSummary,
    Attribution,
    Claim,
    ClaimRow,
    ClaimStatus,
    Confidence,
    ImportResult,
    JournalEntry,
)

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
