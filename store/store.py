"""The store: the one place in claimmark with SQL.

`Store` opens one SQLite file (WAL, foreign keys, a busy timeout), applies pending
migrations, and offers a small typed API that takes and returns the frozen dataclasses of
`store.models`. Every write is one `BEGIN IMMEDIATE` transaction, committed before the
call returns: two processes sharing a file queue for the write lock instead of failing
with "database is locked", and what the user saw saved is on disk.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import urlparse

from claimmark.store.connection import (
    check_integrity,
    is_read_only_file,
    open_connection,
    translate,
)
from claimmark.store.errors import Ambiguous, Conflict, InvalidInput, NotFound, StoreError
from claimmark.store.history import DismissalStep, HistoryMark, UndoHistory, history_from_journal
from claimmark.store.library import LibraryQueries
from claimmark.store.models import (
    METADATA_FIELDS,
    Annotation,
    AnnotationDraft,
    Article,
    ArticleMetadata,
    Attribution,
    Claim,
    ClaimStatus,
    Confidence,
    annotation_to_dict,
)
from claimmark.store.sanitize import (
    check_size,
    clean_block,
    clean_line,
    clean_name,
    clean_names,
    clean_path,
)
from claimmark.store.schema import MIGRATION_NAMES, MIGRATION_SET, READABLE_WITHOUT
from claimmark.store.search import SearchQueries
from claimmark.store.tagging import TagQueries
from claimmark.store.versions import VersionsMixin

if TYPE_CHECKING:  # made when first returned (see store.results)
    from claimmark.store.results import ClaimRow, ImportResult, JournalEntry

BUSY_TIMEOUT_S: Final = 10.0
"""How long a write waits for another process's write lock before giving up (`Busy`),
unless `Store.lock_wait` says otherwise."""

MAX_TAG_LENGTH: Final = 64

_SURROGATES = "the text holds characters that are not valid Unicode (lone surrogates)"


class _Unset:
    """The type of `UNSET`: "leave this field as it is"."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


def now() -> str:
    """The current time as an ISO 8601 UTC string with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Store(LibraryQueries, SearchQueries, TagQueries, VersionsMixin):
    """claimmark's library: articles and their annotations in one SQLite file.

    The listing, reading positions and deletion of articles (store/library.py), search
    (store/search.py) and tag management (store/tagging.py) are parts of this class kept
    in modules of their own."""

    def __init__(
        self, path: str | os.PathLike[str], *, check: Literal["now", "later", "skip"] = "now"
    ) -> None:
        """Open (and upgrade) the library at `path`.

        `check` is when the damage check (SQLite's quick check of every page, at most
        0.25 s) runs: "now", before anything else; "later", before the first write or
        when `check_for_damage` is called (the TUI calls it from a worker once its first
        frame is out: on a library of 400 MB the check takes its full 0.25 s); "skip" for
        a second connection to a library another `Store` checks. A pending schema upgrade
        (a write) always checks first."""
        self.path = Path(path).expanduser()
        self._check_lock = threading.Lock()
        self._unchecked = False
        self._damage: StoreError | None = None
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file")
        self.read_only = is_read_only_file(self.path)
        self._metadata_columns = True
        """False only for a read-only library made before m004: reads show no metadata."""
        self._tx_depth = 0
        self._texts: dict[int, str] = {}
        """The texts of the last two articles an annotation was made or restored on (see
        `_article_slice`)."""
        self._marked_quotes = True
        """False for a read-only library from before m005 (no `marked_quote` column)."""
        self._moved_flags = True
        """False for a read-only library from before m007 (no `moved` and `repeat`
        columns): reads show no note as moved and every text as a first."""
        self.lock_wait = BUSY_TIMEOUT_S
        """Seconds a write waits for another process's write lock before it fails with
        `Busy`. The TUI sets 0: it never blocks its screen, it retries (see tui.writes)."""
        try:
            self.conn = open_connection(self.path, read_only=self.read_only, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as error:
            raise translate(error, self.path) from None
        except OSError as error:
            raise StoreError(
                f"cannot open database {self.path}: {error.strerror or error}"
            ) from None
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # Nothing is changed before the file is known to be a sound claimmark library
            # (or a new one): another program's file is refused exactly as it was.
            applied = self._check_schema()
            if check == "now" or applied != list(MIGRATION_NAMES):
                check_integrity(self.conn, self.path)
            else:
                self._unchecked = check == "later"
            if not self.read_only:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate(applied)
        except sqlite3.Error as error:
            self.conn.close()
            raise translate(error, self.path) from None
        except StoreError:
            self.conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------

    def _applied_migrations(self) -> list[str]:
        exists = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone()
        if not exists:
            return []
        rows = self.conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        ).fetchall()
        return [row[0] for row in rows]

    def _check_schema(self) -> list[str]:
        """The schema steps applied to the file; refuses (before anything is changed) a file
        that is not SQLite, another program's SQLite file, or one from a newer claimmark."""
        applied = self._applied_migrations()
        unknown = [name for name in applied if name not in MIGRATION_NAMES]
        if unknown:
            raise StoreError(
                f"{self.path} was made by a newer claimmark (schema step {unknown[-1]}); "
                "upgrade claimmark to open it"
            )
        if not applied:
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables:
                raise StoreError(f"{self.path} is an SQLite file, but not a claimmark database")
        return applied

    def _migrate(self, applied: list[str]) -> None:
        # Only a read-only library can stay without the page metadata columns (m004):
        # reads then show them empty.
        self._metadata_columns = self.read_only is False or "m004_article_metadata" in applied
        if applied == list(MIGRATION_NAMES):
            return
        if self.read_only:
            pending = [name for name in MIGRATION_NAMES if name not in applied]
            if applied and all(name in READABLE_WITHOUT for name in pending):
                self._marked_quotes = "m005_versions" in applied
                self._moved_flags = "m007_moved_notes_and_reverts" in applied
                return  # reading needs none of them; nothing can be written anyway
            raise StoreError(f"{self.path} is read-only and needs a schema upgrade")
        # Imported here, not at the top: sqlite-utils takes ~0.1 s to import and is only
        # needed when the schema changes, not on every start.
        from sqlite_utils import Database

        from claimmark.store.migrations import migrations

        # Foreign keys are off while the steps run (a step may rebuild a table, and
        # dropping the old one would cascade to every row that references it); they are
        # checked before the commit. The pragma has no effect inside a transaction.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.execute("BEGIN IMMEDIATE")  # one process migrates at a time
        try:
            db = Database(self.conn, execute_plugins=False)
            migrations.apply(db)
            if "m005_versions" not in applied:
                # Libraries from before m005 left notes on older versions: carry them.
                self._carry_all(self.conn)
            broken = self.conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise StoreError(
                    f"{self.path}: a schema upgrade would break a reference "
                    f"({broken[0]} row {broken[1]} -> {broken[2]}); nothing was changed"
                )
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    def close(self) -> None:
        """Close the connection, running ``PRAGMA optimize`` first when the store is writable
        (it refreshes the query planner's statistics where they are stale). SQLite itself
        checkpoints the WAL into the database when the last connection to it closes. A
        library not yet checked for damage (or found damaged) is closed without it."""
        try:
            if not self.read_only and not self._unchecked and self._damage is None:
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()

    def data_version(self) -> int:
        """A number that changes when another connection (another process, another
        window) commits a change to the library; this store's own writes leave it alone.
        Cheap enough to poll (SQLite's `PRAGMA data_version`)."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            raise translate(error, self.path) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group several store calls into one all-or-nothing write transaction (e.g. a
        whole import). Calls inside it share it; it commits when the outermost block ends."""
        if self._tx_depth:
            self._tx_depth += 1
            try:
                yield self
            finally:
                self._tx_depth -= 1
            return
        with self._write():
            self._tx_depth = 1
            try:
                yield self
            finally:
                self._tx_depth = 0

    def check_for_damage(self) -> None:
        """Run the damage check that `check="later"` put off, if it has not run yet, and
        raise `Damaged` if the file is damaged (again on every later call). Safe from
        another thread: it reads through a connection of its own."""
        with self._check_lock:
            if self._unchecked:
                try:
                    conn = open_connection(self.path, read_only=True, timeout=BUSY_TIMEOUT_S)
                    try:
                        check_integrity(conn, self.path)
                    finally:
                        conn.close()
                except StoreError as error:
                    self._damage = error
                except sqlite3.Error as error:
                    self._damage = translate(error, self.path)
                finally:
                    self._unchecked = False
            if self._damage is not None:
                raise self._damage

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the write lock taken up front, committed on success,
        rolled back (nothing changed) on any error. Inside `transaction()` it joins the
        open transaction instead. Nothing is written before the damage check has run."""
        self.check_for_damage()
        if self._tx_depth:
            try:
                yield self.conn
            except sqlite3.Error as error:
                raise translate(error, self.path, writing=True) from None
            except UnicodeEncodeError:
                raise InvalidInput(_SURROGATES) from None
            return
        if self.read_only:
            raise StoreError(f"{self.path} is read-only: nothing can be saved to it")
        try:
            if self.lock_wait == BUSY_TIMEOUT_S:
                self.conn.execute("BEGIN IMMEDIATE")
            else:  # wait `lock_wait` for the write lock; reads keep the usual timeout
                self.conn.execute(f"PRAGMA busy_timeout = {int(self.lock_wait * 1000)}")
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                finally:
                    self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        except sqlite3.Error as error:
            raise translate(error, self.path, writing=True) from None
        try:
            yield self.conn
        except sqlite3.Error as error:
            self._rollback()
            raise translate(error, self.path, writing=True) from None
        except UnicodeEncodeError:
            self._rollback()
            raise InvalidInput(_SURROGATES) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise translate(error, self.path, writing=True) from None

    def _rollback(self) -> None:
        """Roll back the open transaction, if SQLite has not already done so itself (it
        does, on some disk-full and I/O errors)."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the transaction is gone either way

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise translate(error, self.path) from None
        except UnicodeEncodeError:
            raise InvalidInput(_SURROGATES) from None

    # -- articles --------------------------------------------------------------------

    def import_file(
        self, path: str | os.PathLike[str], *, source: str | None = None
    ) -> ImportResult:
        """Read, normalise and store the article in `path` (see `store.ingest`; HTML files
        go through the web page extractor and keep the page's metadata); its source is
        `source`, by default the file's absolute path."""
        from claimmark.store.ingest import read_article_file

        file = Path(path)
        parsed = read_article_file(file)
        return self.add_article(
            parsed.title,
            parsed.byline,
            source if source is not None else str(file.resolve()),
            parsed.text,
            encoding=parsed.encoding,
            metadata=parsed.metadata,
        )

    def add_article(
        self,
        title: str,
        byline: str,
        source: str,
        text: str,
        *,
        encoding: str = "utf-8",
        imported_at: str | None = None,
        metadata: ArticleMetadata | None = None,
    ) -> ImportResult:
        """Store an already normalised article text.

        The same content (title, byline, text) is found, not stored twice. Changed content
        of an article already in the library becomes a new version of it: one from the
        same source, or (for web pages) with the same canonical URL or fetched from the
        same URL, and every annotation of the earlier versions is carried to it in
        the same transaction (see `store.versions`; `ImportResult.carried` says how it went).
        Content that brings back an older version's text (a revert) is a new version too:
        `Article.repeat` tells it from the first text with that content.
        """
        from claimmark.store.ingest import content_sha256
        from claimmark.store.results import ImportResult

        title, byline, source = clean_line(title), clean_line(byline), clean_path(source)
        check_size(text, f"{source}: the article text")
        text = clean_block(text)
        if not text.strip():
            raise InvalidInput(f"{source}: the article has no text")
        meta = metadata or ArticleMetadata()
        meta = ArticleMetadata(
            **{name: clean_line(getattr(meta, name)) for name in METADATA_FIELDS}
        )
        digest = content_sha256(title, byline, text)
        with self._write() as conn:
            same = conn.execute(
                "SELECT * FROM articles WHERE sha256 = ? ORDER BY id", [digest]
            ).fetchall()
            latest = self._latest_version(conn, source, meta)
            repeat = 0
            if same:
                # The same content is the same article, unless it brings back an older
                # text of the article it is a version of (a revert): then it is a new
                # version, so the newest is always the text as it now is.
                chain = set(self.chain_ids(latest, conn)) if latest is not None else set()
                if (
                    latest is None
                    or not any(r["id"] in chain for r in same)
                    or any(r["id"] == latest for r in same)
                ):
                    row = next((r for r in same if r["id"] == latest), same[-1])
                    return ImportResult(_article(row), "existing", row["encoding"])
                repeat = max(r["repeat"] for r in same) + 1
            values = [getattr(meta, name) for name in METADATA_FIELDS]
            cursor = conn.execute(
                f"""INSERT INTO articles
                   (title, byline, source, text, sha256, "repeat", encoding, imported_at,
                    previous_id, {", ".join(METADATA_FIELDS)})
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
                           {", ".join("?" * len(METADATA_FIELDS))})""",
                [
                    title,
                    byline,
                    source,
                    text,
                    digest,
                    repeat,
                    encoding,
                    imported_at or now(),
                    latest,
                    *values,
                ],
            )
            row = conn.execute("SELECT * FROM articles WHERE id = ?", [cursor.lastrowid]).fetchone()
            carried = self._carry(conn, row["id"]) if latest else None
        status = "new-version" if latest else "new"
        return ImportResult(_article(row), status, encoding, carried)

    def find_text(self, title: str, byline: str, text: str, repeat: int = 0) -> Article | None:
        """The stored text with exactly this content (as `add_article` would store it),
        and for `repeat` > 0 the version that brought it back that many times; None if
        there is none."""
        from claimmark.store.ingest import content_sha256

        digest = content_sha256(clean_line(title), clean_line(byline), clean_block(text))
        column = '"repeat"' if self._moved_flags else "0"
        rows = self._read(
            f"SELECT * FROM articles WHERE sha256 = ? AND {column} = ?", [digest, repeat]
        )
        return _article(rows[0]) if rows else None

    def _latest_version(
        self, conn: sqlite3.Connection, source: str, meta: ArticleMetadata
    ) -> int | None:
        """The id of the latest text of the article this one is a version of, if any: the
        same source, or the same canonical URL, or fetched from the same URL."""
        conditions, params = ["source = ?"], [source]
        for column, value in (
            ("canonical_url", meta.canonical_url),
            ("fetched_from", meta.fetched_from),
        ):
            if value:
                conditions.append(f"{column} = ?")
                params.append(value)
        if meta.canonical_url or meta.fetched_from:
            # A URL source may be the canonical URL or the fetched URL of another text.
            conditions.append("canonical_url = ?")
            params.append(source)
        row = conn.execute(
            f"""SELECT id FROM articles WHERE ({" OR ".join(conditions)}) AND id NOT IN
               (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)
               ORDER BY id DESC LIMIT 1""",
            params,
        ).fetchone()
        return int(row[0]) if row else None

    def get_article(self, article_id: int) -> Article:
        """The article with this id; `NotFound` if there is none."""
        rows = self._read("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFound(f"no article with id {article_id}")
        return _article(rows[0])

    def article_count(self) -> int:
        """How many article texts are stored (all versions)."""
        return int(self._read("SELECT count(*) FROM articles")[0][0])

    def find_article(self, ref: str, *, version: int | None = None) -> Article:
        """The article `ref` names: an id, a path imported before, or a unique
        case-insensitive fragment of a title; its newest version, or version number
        `version` (1 = the first text) when one is asked for. `NotFound` or `Ambiguous`
        otherwise."""
        found = self._find_article(ref)
        if version is not None:
            return self.version_of(found.id, version)
        if found.previous_id is None and not self._newer_versions(self.conn, found.id):
            return found
        return self.newest_version(found.id)

    def _find_article(self, ref: str) -> Article:
        ref = ref.strip()
        if not ref:
            raise NotFound("no article named: the name is empty")
        if ref.isdigit():
            return self.get_article(int(ref))
        if ref.startswith(("http://", "https://")):
            found = self.find_url(ref)
            if found is None:
                raise NotFound(f"{ref} has not been added to the library (claimmark add {ref})")
            return found
        candidate = Path(ref).expanduser()
        if not candidate.exists() and os.path.lexists(candidate):  # a link to nowhere
            from claimmark.store.ingest import path_problem

            raise NotFound(f"{ref}: {path_problem(candidate)}")
        if candidate.exists():
            rows = self._read(
                "SELECT * FROM articles WHERE source = ? ORDER BY id DESC LIMIT 1",
                [str(candidate.resolve())],
            )
            if rows:
                return _article(rows[0])
            raise NotFound(f"{ref} has not been added to the library (claimmark add {ref})")
        escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._read(
            """SELECT * FROM articles WHERE title LIKE ? ESCAPE '\\' AND id NOT IN
               (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)
               ORDER BY id""",
            [f"%{escaped}%"],
        )
        if not rows:
            raise NotFound(f"no article matches {ref!r}")
        if len(rows) > 1:
            exact = [row for row in rows if row["title"].casefold() == ref.casefold()]
            if len(exact) == 1:
                return _article(exact[0])
            names = "; ".join(f"{row['id']}: {row['title']}" for row in rows[:3])
            more = f" and {len(rows) - 3} more" if len(rows) > 3 else ""
            raise Ambiguous(f"{ref!r} matches {len(rows)} articles ({names}{more}); use an id")
        return _article(rows[0])

    def find_url(self, url: str) -> Article | None:
        """The latest text of the article added from `url` (its source, canonical URL or
        the URL it was fetched from), or None."""
        found = "source = ? OR canonical_url = ? OR fetched_from = ?"
        if not self._metadata_columns:
            found = "source = ? OR source = ? OR source = ?"
        rows = self._read(
            f"""SELECT * FROM articles WHERE ({found})
               AND id NOT IN (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)
               ORDER BY id DESC LIMIT 1""",
            [url, url, url],
        )
        return _article(rows[0]) if rows else None

    def mark_opened(self, article_id: int) -> None:
        """Record that the article was opened now (the library lists it first)."""
        with self._write() as conn:
            conn.execute("UPDATE articles SET last_opened_at = ? WHERE id = ?", [now(), article_id])

    # -- annotations -----------------------------------------------------------------

    def _article_slice(
        self, conn: sqlite3.Connection, article_id: int, start: int, end: int
    ) -> tuple[str, str, str]:
        """The quote at `start..end` of an article and the context either side of it.

        An article's text never changes once stored (a new text is a new version, a new
        row, and ids are never reused), so the texts of the last two articles sliced are
        kept: an edit at 1 MB otherwise read the whole text from its overflow pages again
        (1.6 ms, most of an undo's time in the store). That the article still exists is
        asked every time."""
        from claimmark.store.anchoring import CONTEXT  # (not needed to open the reader)

        text = self._texts.get(article_id)
        if text is None:
            row = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is not None:
                text = row[0]
                self._texts = {**dict(list(self._texts.items())[-1:]), article_id: text}
        elif conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is None:
            text = None
        if text is None:
            raise NotFound(f"no article with id {article_id}")
        length = len(text)
        if not (0 <= start < end <= length):
            raise InvalidInput(f"span {start}-{end} is outside the article (0-{length}) or empty")
        return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]

    def create_annotation(
        self,
        draft: AnnotationDraft,
        *,
        created_at: str | None = None,
        updated_at: str | None = None,
        marked_quote: str | None = None,
        moved: bool = False,
    ) -> Annotation:
        """Store a new annotation with its tags and claim in one transaction.
        `marked_quote` (for an import) is the quote as it was marked, when the words
        there have changed since; `moved` (for an import) keeps the flag of a note a new
        version moved."""
        tags = clean_tags(draft.tags)
        claim = check_claim(draft.claim)
        note, color = clean_note(draft.note), clean_color(draft.color)
        created = created_at or now()
        with self._write() as conn:
            quote, prefix, suffix = self._article_slice(
                conn, draft.article_id, draft.start, draft.end
            )
            cursor = conn.execute(
                """INSERT INTO annotations (article_id, start, "end", quote, prefix, suffix,
                       color, note, created_at, updated_at, marked_quote, moved)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    draft.article_id,
                    draft.start,
                    draft.end,
                    quote,
                    prefix,
                    suffix,
                    color,
                    note,
                    created,
                    updated_at or created,
                    marked_quote if marked_quote != quote else None,
                    int(moved),
                ],
            )
            annotation_id = int(cursor.lastrowid or 0)
            self._write_tags(conn, annotation_id, tags)
            self._write_claim(conn, annotation_id, claim)
            annotation = self._load_annotation(conn, annotation_id)
            self._journal(conn, "create", annotation, None, annotation)
        return annotation

    def update_annotation(
        self,
        annotation_id: int,
        *,
        color: str | None | _Unset = UNSET,
        note: str | _Unset = UNSET,
        tags: Sequence[str] | _Unset = UNSET,
        claim: Claim | None | _Unset = UNSET,
        start: int | _Unset = UNSET,
        end: int | _Unset = UNSET,
    ) -> Annotation:
        """Change some fields of an annotation; the rest stay as they are."""
        new_tags = None if isinstance(tags, _Unset) else clean_tags(tags)
        new_claim = claim if isinstance(claim, _Unset) else check_claim(claim)
        with self._write() as conn:
            before = self._load_annotation(conn, annotation_id)
            fields: dict[str, Any] = {}
            if not isinstance(color, _Unset):
                fields["color"] = clean_color(color)
            if not isinstance(note, _Unset):
                fields["note"] = clean_note(note)
            if not isinstance(start, _Unset) or not isinstance(end, _Unset):
                new_start = before.start if isinstance(start, _Unset) else start
                new_end = before.end if isinstance(end, _Unset) else end
                quote, prefix, suffix = self._article_slice(
                    conn, before.article_id, new_start, new_end
                )
                fields.update(
                    start=new_start,
                    end=new_end,
                    quote=quote,
                    prefix=prefix,
                    suffix=suffix,
                    marked_quote=None,  # marked anew: these are the words marked now
                    moved=0,
                )
            fields["updated_at"] = now()
            assignments = ", ".join(f'"{name}" = ?' for name in fields)
            conn.execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?",
                [*fields.values(), annotation_id],
            )
            if new_tags is not None:
                self._write_tags(conn, annotation_id, new_tags)
            if not isinstance(new_claim, _Unset):
                self._write_claim(conn, annotation_id, new_claim)
            after = self._load_annotation(conn, annotation_id)
            self._journal(conn, "update", after, before, after)
        return after

    def delete_annotation(
        self, annotation_id: int, *, expected: Annotation | None = None
    ) -> Annotation:
        """Delete an annotation (its tags links and claim go with it); returns what it was,
        which `restore_annotation` can put back. With `expected` (the annotation as the
        caller last saw it), a row changed since by someone else is left alone (`Conflict`);
        one that a new version only carried elsewhere since is the same annotation."""
        with self._write() as conn:
            before = self._load_annotation(conn, annotation_id)
            carried = (
                expected is not None
                and before.article_id != expected.article_id
                and _same_but_place(before, expected)
                and self._carried_since(conn, expected)
            )
            if expected is not None and before != expected and not carried:
                raise Conflict(
                    f"annotation {annotation_id} was changed elsewhere since; not deleted"
                )
            conn.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
            self._journal(conn, "delete", before, before, None)
        return before

    def restore_annotation(
        self, snapshot: Annotation, *, expected: Annotation | None
    ) -> Annotation:
        """Make the annotation with `snapshot.id` exactly `snapshot` again, creating it if it
        was deleted: the undo and redo of every change.

        `expected` is the annotation as the caller last saw it (None: the caller deleted
        it). The row is replaced only if it is still exactly that; if someone else changed,
        deleted or brought it back meanwhile, nothing is written (`Conflict`). Ids are never
        reused (schema step m003), so a deleted id is free for its own annotation only.

        Versions stay true: if a new version of the article carried the annotation off the
        snapshot's text since `expected` was seen, only its content (colour, note, tags,
        claim) is restored and it stays where it was carried; a deleted annotation brought
        back onto an older version is carried on to the newest (or stays there as an
        orphan)."""
        tags = clean_tags(snapshot.tags)
        claim = check_claim(snapshot.claim)
        with self._write() as conn:
            existing = conn.execute(
                "SELECT 1 FROM annotations WHERE id = ?", [snapshot.id]
            ).fetchone()
            before = self._load_annotation(conn, snapshot.id) if existing else None
            place = snapshot
            carried = (
                before is not None
                and before.article_id != snapshot.article_id
                and self._carried_since(conn, snapshot)
            )
            if carried:
                place = before  # type: ignore[assignment]
            if before != expected and not (carried and _same_but_place(before, expected)):
                what = "deleted" if before is None else "changed"
                raise Conflict(f"annotation {snapshot.id} was {what} elsewhere since; not restored")
            quote, prefix, suffix = self._article_slice(
                conn, place.article_id, place.start, place.end
            )
            conn.execute("DELETE FROM annotations WHERE id = ?", [snapshot.id])
            conn.execute(
                """INSERT INTO annotations (id, article_id, start, "end", quote, prefix, suffix,
                       color, note, created_at, updated_at, marked_quote, moved)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    snapshot.id,
                    place.article_id,
                    place.start,
                    place.end,
                    quote,
                    prefix,
                    suffix,
                    clean_color(snapshot.color),
                    clean_note(snapshot.note),
                    snapshot.created_at,
                    snapshot.updated_at,
                    place.marked_quote if place.marked_quote != quote else None,
                    int(place.moved),
                ],
            )
            self._write_tags(conn, snapshot.id, tags)
            self._write_claim(conn, snapshot.id, claim)
            after = self._load_annotation(conn, snapshot.id)
            self._journal(conn, "restore", after, before, after)
            if before is None and self._newer_versions(conn, place.article_id):
                newest = self.chain_ids(place.article_id, conn)[-1]
                self._carry(conn, newest, only=[snapshot.id])
                after = self._load_annotation(conn, snapshot.id)
        return after

    def get_annotation(self, annotation_id: int) -> Annotation:
        """The annotation with this id; `NotFound` if there is none."""
        try:
            return self._load_annotation(self.conn, annotation_id)
        except sqlite3.Error as error:
            raise translate(error, self.path) from None

    def list_annotations(self, article_id: int) -> list[Annotation]:
        """Every annotation of an article, in document order."""
        try:
            return self._load_annotations(
                self.conn,
                'a.article_id = ? ORDER BY a.start, a."end" DESC, a.id',
                [article_id],
            )
        except sqlite3.Error as error:
            raise translate(error, self.path) from None

    def list_tags(self) -> list[str]:
        """Every tag in use, most used first."""
        rows = self._read(
            """SELECT t.name, count(l.annotation_id) AS uses FROM tags t
               JOIN annotation_tags l ON l.tag_id = t.id
               GROUP BY t.id ORDER BY uses DESC, t.name COLLATE NOCASE"""
        )
        return [row[0] for row in rows]

    def claimants(self) -> list[str]:
        """Every claimant named so far, most used first (for completion)."""
        rows = self._read(
            """SELECT claimant FROM claims WHERE claimant != ''
               GROUP BY claimant ORDER BY count(*) DESC, claimant COLLATE NOCASE"""
        )
        return [row[0] for row in rows]

    def claim_sources(self) -> list[str]:
        """Every source named in a chain so far, most used first (for completion)."""
        rows = self._read(
            """SELECT name FROM claim_sources GROUP BY name
               ORDER BY count(*) DESC, name COLLATE NOCASE"""
        )
        return [row[0] for row in rows]

    def list_claims(
        self,
        *,
        claimant: str | None = None,
        status: str | None = None,
        tag: str | None = None,
    ) -> list[ClaimRow]:
        """Every claim in the library, by article title, filtered by a claimant fragment, a
        status and a tag (all case-insensitive). Claims sit on the newest version of their
        article, or are its orphans (`ClaimRow.orphan`: their words are gone from it)."""
        from claimmark.store.results import ClaimRow

        conditions = ["c.annotation_id IS NOT NULL"]
        params: list[Any] = []
        if claimant:
            conditions.append("c.claimant LIKE ?")
            params.append(f"%{claimant}%")
        if status:
            try:
                params.append(ClaimStatus(status.lower()).value)
            except ValueError:
                choices = ", ".join(s.value for s in ClaimStatus)
                raise InvalidInput(f"unknown status {status!r} (choose: {choices})") from None
            conditions.append("c.status = ?")
        if tag:
            conditions.append(
                """a.id IN (SELECT l.annotation_id FROM annotation_tags l
                   JOIN tags t ON t.id = l.tag_id WHERE t.name = ? COLLATE NOCASE)"""
            )
            params.append(tag)
        where = " AND ".join(conditions)
        try:
            annotations = self._load_annotations(
                self.conn,
                f"""{where} ORDER BY (SELECT title FROM articles WHERE id = a.article_id)
                    COLLATE NOCASE, a.article_id, a.start, a.id""",
                params,
            )
        except sqlite3.Error as error:
            raise translate(error, self.path) from None
        chains = self.chains()
        newest = {a.article_id: chains.newest(a.article_id) for a in annotations}
        titles = {row[0]: row[1] for row in self._read("SELECT id, title FROM articles")}
        return [
            ClaimRow(
                annotation=a,
                article_id=a.article_id,
                article_title=titles[newest[a.article_id]],
                orphan=newest[a.article_id] != a.article_id,
                newest_id=newest[a.article_id],
            )
            for a in annotations
        ]

    def journal(
        self,
        article_id: int | None = None,
        *,
        up_to: int | None = None,
        newest: int | None = None,
    ) -> list[JournalEntry]:
        """The change journal, oldest first, for one article or all; with `up_to`, the
        entries up to that id, and with `newest`, only the last so many. A snapshot that
        is not readable JSON is given as None."""
        conditions, params = [], []
        if article_id:
            conditions.append("article_id = ?")
            params.append(article_id)
        if up_to is not None:
            conditions.append("id <= ?")
            params.append(up_to)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        if newest is None:
            rows = self._read(f"SELECT * FROM journal {where} ORDER BY id", params)
        else:
            rows = self._read(
                f"SELECT * FROM journal {where} ORDER BY id DESC LIMIT ?", [*params, newest]
            )[::-1]
        return [journal_entry(row) for row in rows]

    def history_mark(self, article_id: int) -> HistoryMark:
        """Where the article's history stands now: its last journal entry and the time
        (what `undo_history` reads up to)."""
        rows = self._read("SELECT max(id) FROM journal WHERE article_id = ?", [article_id])
        return HistoryMark(journal_id=rows[0][0] or 0, at=now())

    def undo_history(
        self, article_id: int, mark: HistoryMark | None = None, *, newest: int = 1000
    ) -> UndoHistory:
        """The article's undo and redo stacks as the journal left them up to `mark` (all
        of it by default), from its `newest` entries, with the suggestions dismissed
        before the mark (see `store.history`)."""
        mark = mark or self.history_mark(article_id)
        entries = self.journal(article_id, up_to=mark.journal_id, newest=newest)
        rows = self._read(
            """SELECT start, "end", dismissed_at FROM suggestion_dismissals
               WHERE article_id = ? AND dismissed_at < ? ORDER BY dismissed_at""",
            [article_id, mark.at],
        )
        dismissals = [DismissalStep(row[0], row[1], row[2]) for row in rows]
        if len(entries) == newest:  # older entries were left out: start after them
            dismissals = [step for step in dismissals if step.at >= entries[0].at]
        return history_from_journal(entries, dismissals)

    # -- suggestions and settings ----------------------------------------------------

    def dismiss_suggestion(self, article_id: int, start: int, end: int) -> None:
        """Remember that the suggestion at this span was dismissed."""
        with self._write() as conn:
            conn.execute(
                """INSERT OR IGNORE INTO suggestion_dismissals
                   (article_id, start, "end", dismissed_at) VALUES (?, ?, ?, ?)""",
                [article_id, start, end, now()],
            )

    def undismiss_suggestion(self, article_id: int, start: int, end: int) -> None:
        """Bring back the suggestion at this span (the undo of `dismiss_suggestion`)."""
        with self._write() as conn:
            conn.execute(
                """DELETE FROM suggestion_dismissals
                   WHERE article_id = ? AND start = ? AND "end" = ?""",
                [article_id, start, end],
            )

    def dismissed_suggestions(self, article_id: int) -> set[tuple[int, int]]:
        """Spans of the suggestions dismissed in an article."""
        rows = self._read(
            'SELECT start, "end" FROM suggestion_dismissals WHERE article_id = ?', [article_id]
        )
        return {(row[0], row[1]) for row in rows}

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A stored setting, or `default`."""
        rows = self._read("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting (a one-line value: a name or a path)."""
        key, value = clean_name(key), clean_path(value)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # -- internals -------------------------------------------------------------------

    def _write_tags(
        self, conn: sqlite3.Connection, annotation_id: int, tags: tuple[str, ...]
    ) -> None:
        conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        for tag in tags:
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [tag])
            conn.execute(
                """INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)
                   SELECT ?, id FROM tags WHERE name = ? COLLATE NOCASE""",
                [annotation_id, tag],
            )

    def _write_claim(
        self, conn: sqlite3.Connection, annotation_id: int, claim: Claim | None
    ) -> None:
        conn.execute("DELETE FROM claims WHERE annotation_id = ?", [annotation_id])
        if claim is None:
            return
        conn.execute(
            """INSERT INTO claims (annotation_id, claimant, status, confidence, attribution)
               VALUES (?, ?, ?, ?, ?)""",
            [
                annotation_id,
                claim.claimant,
                claim.status.value,
                claim.confidence.value,
                claim.attribution.value,
            ],
        )
        conn.executemany(
            "INSERT INTO claim_sources (annotation_id, position, name) VALUES (?, ?, ?)",
            [(annotation_id, i, name) for i, name in enumerate(claim.sources)],
        )
        conn.executemany(
            "INSERT INTO claim_evidence (annotation_id, position, url) VALUES (?, ?, ?)",
            [(annotation_id, i, url) for i, url in enumerate(claim.evidence)],
        )

    def _journal(
        self,
        conn: sqlite3.Connection,
        action: str,
        annotation: Annotation,
        before: Annotation | None,
        after: Annotation | None,
        *,
        article_id: int | None = None,
    ) -> None:
        self._journal_many(conn, [(action, annotation, before, after, article_id)])

    def _journal_many(
        self,
        conn: sqlite3.Connection,
        entries: Sequence[tuple[str, Annotation, Annotation | None, Annotation | None, int | None]],
    ) -> None:
        """Journal several changes at once: (action, annotation, before, after, article
        id or None for the annotation's own) each, all stamped with the same time."""
        import json  # (on the first write: not imported to open the reader)

        at = now()
        conn.executemany(
            """INSERT INTO journal (at, action, annotation_id, article_id, before, after)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [
                (
                    at,
                    action,
                    annotation.id,
                    annotation.article_id if article_id is None else article_id,
                    json.dumps(annotation_to_dict(before), ensure_ascii=False) if before else None,
                    json.dumps(annotation_to_dict(after), ensure_ascii=False) if after else None,
                )
                for action, annotation, before, after, article_id in entries
            ],
        )

    def _load_annotation(self, conn: sqlite3.Connection, annotation_id: int) -> Annotation:
        found = self._load_annotations(conn, "a.id = ?", [annotation_id])
        if not found:
            raise NotFound(f"no annotation with id {annotation_id}")
        return found[0]

    def _load_annotations(
        self, conn: sqlite3.Connection, where: str, params: Sequence[Any]
    ) -> list[Annotation]:
        rows = conn.execute(
            f"""SELECT a.*, c.annotation_id AS is_claim, c.claimant, c.status, c.confidence,
                       c.attribution
                FROM annotations a LEFT JOIN claims c ON c.annotation_id = a.id
                WHERE {where}""",
            params,
        ).fetchall()
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        tags: dict[int, list[str]] = {}
        sources: dict[int, list[str]] = {}
        evidence: dict[int, list[str]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for annotation_id, name in conn.execute(
                f"""SELECT l.annotation_id, t.name FROM annotation_tags l
                    JOIN tags t ON t.id = l.tag_id WHERE l.annotation_id IN ({marks})""",
                chunk,
            ):
                tags.setdefault(annotation_id, []).append(name)
            for annotation_id, name in conn.execute(
                f"""SELECT annotation_id, name FROM claim_sources
                    WHERE annotation_id IN ({marks}) ORDER BY annotation_id, position""",
                chunk,
            ):
                sources.setdefault(annotation_id, []).append(name)
            for annotation_id, url in conn.execute(
                f"""SELECT annotation_id, url FROM claim_evidence
                    WHERE annotation_id IN ({marks}) ORDER BY annotation_id, position""",
                chunk,
            ):
                evidence.setdefault(annotation_id, []).append(url)
        result = []
        for row in rows:
            annotation_id = row["id"]
            claim = None
            if row["is_claim"] is not None:
                claim = Claim(
                    claimant=row["claimant"],
                    sources=tuple(sources.get(annotation_id, ())),
                    status=ClaimStatus(row["status"]),
                    confidence=Confidence(row["confidence"]),
                    attribution=Attribution(row["attribution"]),
                    evidence=tuple(evidence.get(annotation_id, ())),
                )
            result.append(
                Annotation(
                    id=annotation_id,
                    article_id=row["article_id"],
                    start=row["start"],
                    end=row["end"],
                    quote=row["quote"],
                    prefix=row["prefix"],
                    suffix=row["suffix"],
                    color=row["color"],
                    note=row["note"],
                    tags=tuple(sorted(tags.get(annotation_id, ()), key=str.casefold)),
                    claim=claim,
                    created_at=row["created_at"],
                    updated_at=row["updated_at"],
                    marked_quote=row["marked_quote"] if self._marked_quotes else None,
                    moved=bool(row["moved"]) if self._moved_flags else False,
                )
            )
        return result


def _json_or_none(text: str | None) -> Any:
    """A journal snapshot: the decoded JSON, or None (none stored, or not readable)."""
    if not text:
        return None
    import json  # (see _journal_many)

    try:
        return json.loads(text)
    except ValueError:
        return None


def journal_entry(row: sqlite3.Row) -> JournalEntry:
    """A journal row as a `JournalEntry` (a snapshot that is not readable JSON as None)."""
    from claimmark.store.results import JournalEntry

    return JournalEntry(
        id=row["id"],
        at=row["at"],
        action=row["action"],
        annotation_id=row["annotation_id"],
        article_id=row["article_id"],
        before=_json_or_none(row["before"]),
        after=_json_or_none(row["after"]),
    )


def _same_but_place(current: Annotation | None, seen: Annotation | None) -> bool:
    """True when two states of an annotation differ only in where it sits (a new version
    carried it): the same content, on another text."""
    if current is None or seen is None:
        return False
    fields = ("color", "note", "tags", "claim", "created_at", "updated_at")
    return all(getattr(current, name) == getattr(seen, name) for name in fields)


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        byline=row["byline"],
        source=row["source"],
        text=row["text"],
        sha256=row["sha256"],
        imported_at=row["imported_at"],
        encoding=row["encoding"],
        previous_id=row["previous_id"],
        last_opened_at=row["last_opened_at"],
        **{name: row[name] if name in row.keys() else "" for name in METADATA_FIELDS},
        repeat=row["repeat"] if "repeat" in row.keys() else 0,
    )


def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags stripped, empty ones dropped, duplicates (ignoring case) removed, order kept."""
    if isinstance(tags, str):
        raise InvalidInput("tags must be a list of names, not one string")
    seen: set[str] = set()
    cleaned: list[str] = []
    for tag in tags:
        name = clean_name(tag)
        if not name:
            continue
        if len(name) > MAX_TAG_LENGTH:
            raise InvalidInput(f"tag {name[:20]!r}... is longer than {MAX_TAG_LENGTH} characters")
        if name.casefold() not in seen:
            seen.add(name.casefold())
            cleaned.append(name)
    return tuple(cleaned)


def is_valid_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host and no spaces."""
    parsed = urlparse(url)
    return (
        parsed.scheme in ("http", "https")
        and bool(parsed.netloc)
        and not any(ch.isspace() for ch in url)
    )


def check_claim(claim: Claim | None) -> Claim | None:
    if claim is None:
        return None
    try:
        status = ClaimStatus(claim.status)
        confidence = Confidence(claim.confidence)
        attribution = Attribution(claim.attribution)
    except ValueError as error:
        raise InvalidInput(str(error)) from None
    evidence = tuple(clean_path(url).strip() for url in claim.evidence)
    for url in evidence:
        if not is_valid_url(url):
            raise InvalidInput(f"evidence link {url!r} is not an http(s) URL")
    return Claim(
        claimant=clean_name(claim.claimant),
        sources=clean_names(claim.sources),
        status=status,
        confidence=confidence,
        attribution=attribution,
        evidence=evidence,
    )


def clean_note(note: str) -> str:
    """A note as stored (see `store.sanitize.clean_block`), within the size limit."""
    check_size(note, "the note")
    return clean_block(note)


def clean_color(color: str | None) -> str | None:
    """A colour name as stored (None: the default colour)."""
    return None if color is None else (clean_name(color) or None)
