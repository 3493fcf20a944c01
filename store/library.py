"""The library as a whole: listing and sorting articles, reading positions, and deleting
articles (all their versions and everything that refers to them) with an undo.

A mixin of `Store` (see store/parts.py). The library of 30,000 articles is listed in two
steps: `library_ids` gives the ids in the chosen order from an index (no article text is
read, and the counts come from `article_stats`, kept by triggers), and
`article_summaries` fetches the few rows a screen shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace as dataclass_replace
from typing import TYPE_CHECKING, Any, Final, cast

from claimmark.store.connection import translate
from claimmark.store.errors import InvalidInput, NotFound
from claimmark.store.models import LibrarySort, ReadingPosition
from claimmark.store.parts import StoreParts
from claimmark.store.schema import noted_sql

if TYPE_CHECKING:  # made when first returned (see store.results)
    from claimmark.store.results import ArticleSummary, DeletedArticles


SUPERSEDED: Final = "SELECT previous_id FROM articles WHERE previous_id IS NOT NULL"
"""SQL: the ids of the articles a later version replaces."""

_ORDERS: Final[dict[LibrarySort, tuple[str, str, str, bool]]] = {
    # sort: (table, id column, order by (each key then takes the direction), descending)
    LibrarySort.OPENED: ("articles a", "a.id", "coalesce(a.last_opened_at, a.imported_at)", True),
    LibrarySort.ADDED: ("articles a", "a.id", "a.imported_at", True),
    LibrarySort.TITLE: ("articles a", "a.id", "a.title COLLATE NOCASE", False),
    LibrarySort.ANNOTATIONS: ("article_stats s", "s.article_id", "s.annotations", True),
    LibrarySort.NOTES: ("article_stats s", "s.article_id", "s.notes", True),
    LibrarySort.CLAIMS: ("article_stats s", "s.article_id", "s.claims", True),
}

_DERIVED: Final = frozenset({"article_stats"})
"""Tables kept by triggers: emptied first on delete and rebuilt by the triggers on restore."""

_CHUNK: Final = 500
"""Ids per `IN (...)` list (SQLite allows 32,766 parameters; smaller lists plan better)."""


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _uncounted(count: str) -> str:
    """SQL: one of the kept counts of article `a`, counted (for a library opened read-only
    before schema step m006, which has no `article_stats`)."""
    if count == "claims":
        return """(SELECT count(*) FROM annotations n JOIN claims c ON c.annotation_id = n.id
                   WHERE n.article_id = a.id)"""
    if count == "notes":
        return f"""(SELECT count(*) FROM annotations n WHERE n.article_id = a.id
                    AND {noted_sql("n.note")}
                    AND n.id NOT IN (SELECT annotation_id FROM claims))"""
    return "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id)"


_UNCOUNTED_SUMMARY: Final = f"""SELECT a.id, a.title, a.byline, a.source, a.imported_at,
        a.last_opened_at, a.previous_id, {{metadata}}, length(a.text) AS length,
        length(a.text) - length(replace(a.text, char(10), '')) + 1 AS paragraphs,
        {_uncounted("annotations")} AS annotations, {_uncounted("notes")} AS notes,
        {_uncounted("claims")} AS claims, NULL AS position
    FROM articles a"""
"""The summaries, counted, for a library without `article_stats`."""


class LibraryQueries(StoreParts):
    """Listing, reading positions and deletion (a part of `Store`)."""

    def has_column(self, table: str, column: str) -> bool:
        """Whether `table` has `column` (a read-only library may predate a step)."""
        known: dict[str, bool] = self.__dict__.setdefault("_columns_seen", {})
        key = f"{table}.{column}"
        if key not in known:
            known[key] = any(
                row[1] == column for row in self._read(f'PRAGMA table_info("{table}")')
            )
        return known[key]

    def has_table(self, name: str) -> bool:
        """Whether the library has this table (a read-only library may predate a step)."""
        known: dict[str, bool] = self.__dict__.setdefault("_tables_seen", {})
        if name not in known:
            known[name] = bool(self._read("SELECT 1 FROM sqlite_master WHERE name = ?", [name]))
        return known[name]

    # -- listing ---------------------------------------------------------------------

    def library_ids(
        self,
        sort: LibrarySort | str = LibrarySort.OPENED,
        *,
        reverse: bool = False,
        all_versions: bool = False,
        limit: int | None = None,
    ) -> list[int]:
        """The ids of the library's articles in `sort` order (each order's natural
        direction: newest, A to Z, most first; `reverse` turns it round). Only the newest
        version of each article unless `all_versions`; the first `limit` if given."""
        try:
            order = LibrarySort(sort)
        except ValueError:
            choices = ", ".join(s.value for s in LibrarySort)
            raise InvalidInput(f"unknown order {sort!r} (choose: {choices})") from None
        table, id_column, key, descending = _ORDERS[order]
        if table == "article_stats s" and not self.has_table("article_stats"):
            table, id_column, key = "articles a", "a.id", _uncounted(order.value)
        direction = "DESC" if descending != reverse else "ASC"
        where = "" if all_versions else f"WHERE {id_column} NOT IN ({SUPERSEDED})"
        try:
            # Plain tuples, not sqlite3.Row: 30,000 of them are made in a third of the time.
            cursor = self.conn.cursor()
            cursor.row_factory = None
            cursor.execute(
                f"SELECT {id_column} FROM {table} {where} "
                f"ORDER BY {key} {direction}, {id_column} {direction} LIMIT ?",
                [-1 if limit is None else limit],
            )
            return [row[0] for row in cursor]
        except sqlite3.Error as error:
            raise translate(error, self.path) from None

    def library_count(self, *, all_versions: bool = False) -> int:
        """How many articles the library lists (newest versions only unless `all_versions`)."""
        if all_versions:
            return int(self._read("SELECT count(*) FROM articles")[0][0])
        return int(
            self._read(
                """SELECT (SELECT count(*) FROM articles) - (SELECT count(DISTINCT previous_id)
                   FROM articles WHERE previous_id IS NOT NULL)"""
            )[0][0]
        )

    def has_versions(self) -> bool:
        """Whether any article has a later version."""
        return bool(
            self._read("SELECT EXISTS (SELECT 1 FROM articles WHERE previous_id IS NOT NULL)")[0][0]
        )

    def has_web_articles(self) -> bool:
        """Whether any article has a site or a published date (pages from the web)."""
        if self.has_table("article_stats"):
            sql = """SELECT EXISTS (SELECT 1 FROM article_stats
                     WHERE site_name != '' OR published != '')"""
        elif self.has_column("articles", "site_name"):
            sql = "SELECT EXISTS (SELECT 1 FROM articles WHERE site_name != '' OR published != '')"
        else:
            return False
        return bool(self._read(sql)[0][0])

    def article_summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """The summaries of the articles `ids`, in that order (ids not found are left out)."""
        from claimmark.store.results import ArticleSummary

        found: dict[int, ArticleSummary] = {}
        counted = self.has_table("article_stats")
        for chunk in _chunks(list(ids)):
            metadata = (
                "a.site_name, a.published"
                if self.has_column("articles", "site_name")
                else "'' AS site_name, '' AS published"  # m004 not yet applied (read-only)
            )
            uncounted = _UNCOUNTED_SUMMARY.format(metadata=metadata)
            sql = None if counted else f"SELECT * FROM ({uncounted}) WHERE id IN ({_marks(chunk)})"
            for row in self._read(
                sql
                or
                # The dates come from article_stats: in articles they follow the text.
                f"""SELECT a.id, a.title, a.byline, a.source, s.imported_at, s.last_opened_at,
                        s.previous_id, s.site_name, s.published, s.length, s.paragraphs,
                        s.annotations, s.notes, s.claims, p."offset" AS position
                    FROM articles a JOIN article_stats s ON s.article_id = a.id
                    LEFT JOIN reading_positions p ON p.article_id = a.id
                    WHERE a.id IN ({_marks(chunk)})""",
                chunk,
            ):
                found[row["id"]] = ArticleSummary(
                    id=row["id"],
                    title=row["title"],
                    byline=row["byline"],
                    source=row["source"],
                    imported_at=row["imported_at"],
                    last_opened_at=row["last_opened_at"],
                    length=row["length"],
                    annotation_count=row["annotations"],
                    claim_count=row["claims"],
                    previous_id=row["previous_id"],
                    site_name=row["site_name"],
                    published=row["published"],
                    note_count=row["notes"],
                    paragraph_count=row["paragraphs"],
                    position=row["position"],
                )
        return [self._with_versions(found[i]) for i in ids if i in found]

    def _with_versions(self, summary: ArticleSummary) -> ArticleSummary:
        """`summary` with what its versions say (schema step m005): how many texts the
        article has, how many of its annotations changed since they were marked or were
        left behind as orphans on older texts, and whether a new version is unread. A
        note flagged as moved (schema step m007) counts with the changed ones."""
        changed = 0
        if self.has_column("annotations", "marked_quote"):
            flagged = "marked_quote IS NOT NULL" + (
                " OR moved" if self.has_column("annotations", "moved") else ""
            )
            changed = int(
                self._read(
                    f"""SELECT count(*) FROM annotations
                       WHERE article_id = ? AND ({flagged})""",
                    [summary.id],
                )[0][0]
            )
        versions, orphans = 1, 0
        newest = not self._read(
            "SELECT 1 FROM articles WHERE previous_id = ? LIMIT 1", [summary.id]
        )
        if summary.previous_id is not None or not newest:
            chain = self.chain_ids(summary.id)
            versions = len(chain)
            if newest:
                older = chain[:-1]
                orphans = int(
                    self._read(
                        f"SELECT count(*) FROM annotations WHERE article_id IN ({_marks(older)})",
                        older,
                    )[0][0]
                )
        if (changed, versions, orphans) == (0, 1, 0):
            return summary
        return dataclass_replace(
            summary,
            version_count=versions,
            changed_count=changed,
            orphan_count=orphans,
            unseen_version=summary.previous_id is not None and summary.last_opened_at is None,
        )

    def list_articles(
        self,
        *,
        all_versions: bool = False,
        sort: LibrarySort | str = LibrarySort.OPENED,
        reverse: bool = False,
    ) -> list[ArticleSummary]:
        """The library, most recently opened (or imported) first unless `sort` says
        otherwise. Only the latest version of each article unless `all_versions`."""
        ids = self.library_ids(sort, reverse=reverse, all_versions=all_versions)
        return self.article_summaries(ids)

    # -- reading positions -----------------------------------------------------------

    def save_position(self, article_id: int, offset: int, top: int | None = None) -> None:
        """Remember where the reader is in an article: the cursor `offset` and the offset
        of the text at the top of the view (`top`, default: the cursor)."""
        from claimmark.store.store import now

        with self._write() as conn:
            row = conn.execute(
                "SELECT length FROM article_stats WHERE article_id = ?", [article_id]
            ).fetchone()
            if row is None:
                raise NotFound(f"no article with id {article_id}")
            length = row[0]
            offset = min(max(0, offset), length)
            top = min(max(0, offset if top is None else top), length)
            conn.execute(
                """INSERT INTO reading_positions (article_id, "offset", top, saved_at)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET "offset" = excluded."offset",
                       top = excluded.top, saved_at = excluded.saved_at""",
                [article_id, offset, top, now()],
            )

    def reading_position(self, article_id: int) -> ReadingPosition | None:
        """Where the reader last was in the article, or None if it was never read."""
        if not self.has_table("reading_positions"):
            return None
        rows = self._read(
            'SELECT "offset", top, saved_at FROM reading_positions WHERE article_id = ?',
            [article_id],
        )
        if not rows:
            return None
        return ReadingPosition(offset=rows[0][0], top=rows[0][1], saved_at=rows[0][2])

    # -- deleting and restoring ------------------------------------------------------

    def delete_articles(self, article_ids: Sequence[int]) -> DeletedArticles:
        """Delete articles with every version of them, their annotations (with tags links,
        claims, sources and evidence), journal entries, reading positions and search index
        rows, in one transaction. Returns what was removed, which `restore_articles` puts
        back with the same ids."""
        from claimmark.store.results import DeletedArticles

        if not article_ids:
            raise InvalidInput("no articles to delete")
        with self._write() as conn:
            asked = list(dict.fromkeys(article_ids))
            titles = {
                row[0]: row[1]
                for chunk in _chunks(asked)
                for row in conn.execute(
                    f"SELECT id, title FROM articles WHERE id IN ({_marks(chunk)})", chunk
                )
            }
            missing = [i for i in asked if i not in titles]
            if missing:
                raise NotFound(f"no article with id {missing[0]}")
            chain = self._version_chain(conn, asked)
            rows, tags = self._collect_rows(conn, chain)
            # Derived rows first, so that the count triggers have nothing left to update.
            for table in _DERIVED:
                for chunk in _chunks(chain):
                    conn.execute(
                        f"DELETE FROM {table} WHERE article_id IN ({_marks(chunk)})", chunk
                    )
            # Children before parents, the latest version of an article before the earlier.
            for table, rowid, _row in reversed(rows):
                conn.execute(f"DELETE FROM {table} WHERE rowid = ?", [rowid])
        return DeletedArticles(
            article_ids=tuple(chain),
            titles=tuple(titles[i] for i in asked),
            annotation_count=sum(1 for table, _, _ in rows if table == "annotations"),
            rows=tuple((table, tuple(row.items())) for table, _, row in rows),
            tags=tuple(sorted(tags.items())),
        )

    def restore_articles(self, deleted: DeletedArticles) -> None:
        """Put back what `delete_articles` removed, with the same ids, in one transaction.

        Refused (nothing changes) when an id has been taken since, or the same article
        text has been added again since."""
        with self._write() as conn:
            tag_ids = self._restore_tags(conn, dict(deleted.tags))
            for table, items in deleted.rows:
                row = dict(items)
                if table == "articles":
                    self._check_restorable(conn, row)
                elif table == "annotations":
                    taken = conn.execute(
                        "SELECT 1 FROM annotations WHERE id = ?", [row["id"]]
                    ).fetchone()
                    if taken:
                        raise InvalidInput(
                            f"cannot undo: annotation id {row['id']} has been used again since"
                        )
                elif table == "annotation_tags":
                    row["tag_id"] = tag_ids[cast(int, row["tag_id"])]
                elif table == "journal":
                    taken = conn.execute("SELECT 1 FROM journal WHERE id = ?", [row["id"]])
                    if taken.fetchone():
                        del row["id"]  # the journal's ids are not referred to: a new one
                columns = ", ".join(f'"{name}"' for name in row)
                conn.execute(
                    f"INSERT INTO {table} ({columns}) VALUES ({_marks(list(row))})",
                    list(row.values()),
                )

    def _check_restorable(self, conn: sqlite3.Connection, row: dict[str, Any]) -> None:
        same = conn.execute("SELECT id FROM articles WHERE sha256 = ?", [row["sha256"]]).fetchone()
        if same:
            raise InvalidInput(
                f"cannot undo: {row['title']!r} has been added again since (#{same[0]}); "
                "delete that copy first"
            )
        taken = conn.execute("SELECT title FROM articles WHERE id = ?", [row["id"]]).fetchone()
        if taken:
            raise InvalidInput(
                f"cannot undo: article id {row['id']} has been used again since ({taken[0]})"
            )

    def _restore_tags(self, conn: sqlite3.Connection, tags: dict[int, str]) -> dict[int, int]:
        """Make sure every tag the restored annotations used exists again (renamed tags
        keep their new name); returns old tag id -> tag id to use."""
        mapping: dict[int, int] = {}
        for tag_id, name in tags.items():
            row = conn.execute("SELECT id FROM tags WHERE id = ?", [tag_id]).fetchone()
            if row is None:
                row = conn.execute(
                    "SELECT id FROM tags WHERE name = ? COLLATE NOCASE", [name]
                ).fetchone()
            if row is None:
                cursor = conn.execute("INSERT INTO tags (id, name) VALUES (?, ?)", [tag_id, name])
                mapping[tag_id] = int(cursor.lastrowid or tag_id)
            else:
                mapping[tag_id] = row[0]
        return mapping

    def _version_chain(self, conn: sqlite3.Connection, ids: Sequence[int]) -> list[int]:
        """`ids` with every earlier and later version of them, oldest first."""
        found: set[int] = set()
        for chunk in _chunks(list(ids)):
            found.update(
                row[0]
                for row in conn.execute(
                    f"""WITH RECURSIVE chain(id) AS (
                            SELECT id FROM articles WHERE id IN ({_marks(chunk)})
                            UNION
                            SELECT a.id FROM articles a JOIN chain c ON a.previous_id = c.id
                            UNION
                            SELECT a.previous_id FROM articles a JOIN chain c ON a.id = c.id
                            WHERE a.previous_id IS NOT NULL
                        ) SELECT id FROM chain""",
                    chunk,
                )
            )
        return sorted(found)

    def _collect_rows(
        self, conn: sqlite3.Connection, article_ids: list[int]
    ) -> tuple[list[tuple[str, int, dict[str, Any]]], dict[int, str]]:
        """Every row of the articles `article_ids` and of every table that refers to them
        (followed through the foreign keys, so that tables added later are included) as
        (table, rowid, row), parents before children, then their journal entries. Also
        {id: name} of the tags their annotations use."""
        children = _foreign_keys(conn)
        keys: dict[tuple[str, str], set[Any]] = {("articles", "id"): set(article_ids)}
        rows: list[tuple[str, int, dict[str, Any]]] = []
        for table in _reachable_in_order(children, "articles"):
            if table in _DERIVED:
                continue
            by_rowid: dict[int, dict[str, Any]] = {}
            if table == "articles":
                for row in _select_in(conn, table, "id", article_ids):
                    by_rowid[row.pop("__rowid__")] = row
            for parent, edges in children.items():
                for child, column, parent_column in edges:
                    if child != table or parent == table or (parent, parent_column) not in keys:
                        continue
                    values = sorted(keys[(parent, parent_column)])
                    for row in _select_in(conn, table, column, values):
                        by_rowid[row.pop("__rowid__")] = row
            # Rowid order: an earlier version of an article before a later one.
            selected = sorted(by_rowid.items())
            for child, _column, parent_column in children.get(table, ()):
                if child != table:
                    keys.setdefault((table, parent_column), set()).update(
                        row[parent_column] for _, row in selected
                    )
            rows += [(table, rowid, row) for rowid, row in selected]
        for row in _select_in(conn, "journal", "article_id", article_ids):
            rows.append(("journal", row.pop("__rowid__"), row))
        tag_ids = sorted({row["tag_id"] for table, _, row in rows if table == "annotation_tags"})
        tags: dict[int, str] = {}
        for chunk in _chunks(tag_ids):
            sql = f"SELECT id, name FROM tags WHERE id IN ({_marks(chunk)})"
            tags.update((row[0], row[1]) for row in conn.execute(sql, chunk))
        return rows, tags


def _select_in(
    conn: sqlite3.Connection, table: str, column: str, values: Sequence[Any]
) -> list[dict[str, Any]]:
    """Every row of `table` whose `column` is one of `values`, as dicts (with `__rowid__`)."""
    result: list[dict[str, Any]] = []
    for chunk in _chunks(list(values)):
        cursor = conn.execute(
            f'SELECT rowid AS __rowid__, * FROM {table} WHERE "{column}" IN ({_marks(chunk)})',
            chunk,
        )
        names = [d[0] for d in cursor.description]
        result += [dict(zip(names, row, strict=True)) for row in cursor]
    return result


def _foreign_keys(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, str]]]:
    """parent table -> [(child table, child column, parent column)], from the schema."""
    children: dict[str, list[tuple[str, str, str]]] = {}
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})"):
            parent, column, parent_column = fk[2], fk[3], fk[4]
            children.setdefault(parent, []).append((table, column, parent_column or "rowid"))
    return children


def _reachable_in_order(children: dict[str, list[tuple[str, str, str]]], root: str) -> list[str]:
    """The tables that refer (directly or not) to `root`, and `root`, parents first."""
    reachable = {root}
    frontier = [root]
    while frontier:
        table = frontier.pop()
        for child, _column, _parent_column in children.get(table, ()):
            if child not in reachable:
                reachable.add(child)
                frontier.append(child)
    parents: dict[str, set[str]] = {t: set() for t in reachable}
    for parent, edges in children.items():
        for child, _column, _parent_column in edges:
            if parent in reachable and child in reachable and child != parent:
                parents[child].add(parent)
    order: list[str] = []
    while parents:
        ready = sorted(t for t, p in parents.items() if not p)
        if not ready:  # a cycle of foreign keys: keep the rest in name order
            ready = sorted(parents)
        for table in ready:
            order.append(table)
            del parents[table]
            for p in parents.values():
                p.discard(table)
    return order
