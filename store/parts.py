"""What the parts of `Store` kept in their own modules may use of the store itself.

`Store` (store/store.py) holds the connection, the transactions and the annotations; the
library listing (store/library.py), search (store/search.py), tag management
(store/tagging.py) and versions (store/versions.py) are mixins of it, so that all SQL is
still one class while no module holds every subject. `StoreParts` declares, for the type
checker only, what they use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimmark.store.models import Annotation, Article


class StoreParts:
    """The base of the `Store` mixins (no behaviour of its own)."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection
        path: Path
        read_only: bool

        def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def find_article(self, ref: str) -> Article: ...

        def get_article(self, article_id: int) -> Article: ...

        def has_table(self, name: str) -> bool: ...

        def _load_annotation(self, conn: sqlite3.Connection, annotation_id: int) -> Annotation: ...

        def _load_annotations(
            self, conn: sqlite3.Connection, where: str, params: Sequence[Any]
        ) -> list[Annotation]: ...

        def _journal_many(
            self,
            conn: sqlite3.Connection,
            entries: Sequence[
                tuple[str, Annotation, Annotation | None, Annotation | None, int | None]
            ],
        ) -> None: ...

        def chain_ids(
            self, article_id: int, conn: sqlite3.Connection | None = None
        ) -> list[int]: ...
