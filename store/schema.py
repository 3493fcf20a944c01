"""The schema's version, readable without importing sqlite-utils.

Opening the store must be cheap (the first frame of the TUI waits on it), so the store
checks the applied migration names against this list and imports `store.migrations`
(and with it sqlite-utils) only when something is pending. `store.migrations` checks at
import time that it registers exactly these names, in this order.
"""

MIGRATION_SET = "claimmark"

MIGRATION_NAMES: tuple[str, ...] = (
    "m001_initial",
    "m002_settings_and_dismissals",
    "m003_ids_never_reused",
    "m004_article_metadata",
    "m005_versions",
    "m006_library_search_counts_positions",
    "m007_moved_notes_and_reverts",
)

READABLE_WITHOUT: frozenset[str] = frozenset(
    {
        "m003_ids_never_reused",
        "m004_article_metadata",
        "m005_versions",
        "m006_library_search_counts_positions",
        "m007_moved_notes_and_reverts",
    }
)
"""Steps a library can be read without (they change no column or table that reads use, or
reads do without them: for m004, m005 and m007 their columns read as empty, for m006 the
library counts instead of reading kept counts): a read-only library (a file or folder that
cannot be written) still opens for reading when only these are pending."""

_BLANK = (
    "char(32, 9, 10, 11, 12, 13, 28, 29, 30, 31, 133, 160, 5760, 8192, 8193, 8194, 8195, "
    "8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)"
)
"""Every character Python's `str.strip` strips: a note of only these is no note."""


def noted_sql(note: str) -> str:
    """SQL: 1 when the note `note` holds text (an annotation with one is a note, unless it
    is a claim), as `Annotation.kind` decides it."""
    return f"(trim({note}, {_BLANK}) != '')"
