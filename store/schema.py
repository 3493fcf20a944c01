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
    "m007_moved_notes_and_reverts",
)

READABLE_WITHOUT: frozenset[str] = frozenset(
    {
        "m003_ids_never_reused",
        "m004_article_metadata",
        "m005_versions",
        "m007_moved_notes_and_reverts",
    }
)
"""Steps a library can be read without (they change no column or table that reads use, or,
for m004, m005 and m007, reads show their columns empty when they are not there): a read-only
library (a file or folder that cannot be written) still opens for reading when only these
are pending."""
