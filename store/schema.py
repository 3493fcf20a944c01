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
    "m006_library_search_counts_positions",
)
