"""Tags across the whole library: counts, rename, merge and delete, each journaled per
annotation and undoable (a mixin of `Store`, see store/parts.py)."""

from __future__ import annotations

import difflib
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from claimmark.store.errors import InvalidInput, NotFound
from claimmark.store.models import Annotation
from claimmark.store.parts import StoreParts

if TYPE_CHECKING:  # made when first returned (see store.results)
    from claimmark.store.results import TagChange, TagCount


_CHUNK: Final = 500


class TagQueries(StoreParts):
    """Tag management (a part of `Store`)."""

    def tag_counts(self) -> list[TagCount]:
        """Every tag in use with how many annotations (and articles) carry it, most used
        first."""
        from claimmark.store.results import TagCount

        rows = self._read(
            """SELECT t.name, count(*) AS uses, count(DISTINCT a.article_id) AS articles
               FROM tags t JOIN annotation_tags l ON l.tag_id = t.id
               JOIN annotations a ON a.id = l.annotation_id
               GROUP BY t.id ORDER BY uses DESC, t.name COLLATE NOCASE"""
        )
        return [TagCount(name=row[0], annotations=row[1], articles=row[2]) for row in rows]

    def find_tag(self, name: str) -> str:
        """The tag called `name` (ignoring case, and a leading `#`) as it is spelt;
        `NotFound` with the nearest names otherwise."""
        return self._tag_row(self.conn, name)[1]

    def rename_tag(self, old: str, new: str) -> TagChange:
        """Rename a tag on every annotation that carries it (a change of case too).
        Renaming to another tag's name is refused: that is `merge_tags`."""
        from claimmark.store.results import TagChange

        with self._write() as conn:
            tag_id, current = self._tag_row(conn, old)
            name = _clean_name(new)
            if name == current:
                raise InvalidInput(f"the tag is already called {name!r}")
            other = conn.execute(
                "SELECT name FROM tags WHERE name = ? COLLATE NOCASE AND id != ?", [name, tag_id]
            ).fetchone()
            if other is not None:
                raise InvalidInput(
                    f"there is already a tag {other[0]!r}: merge {current!r} into it instead"
                )
            before = self._changing(
                conn,
                tag_id,
                lambda: conn.execute("UPDATE tags SET name = ? WHERE id = ?", [name, tag_id]),
            )
        return TagChange("rename", current, name, before)

    def merge_tags(self, source: str, into: str) -> TagChange:
        """Give every annotation tagged `source` the tag `into` instead; `source` is gone."""
        from claimmark.store.results import TagChange

        with self._write() as conn:
            source_id, source_name = self._tag_row(conn, source)
            into_id, into_name = self._tag_row(conn, into)
            if source_id == into_id:
                raise InvalidInput(f"cannot merge {source_name!r} into itself")

            def merge() -> None:
                conn.execute(
                    """INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)
                       SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?""",
                    [into_id, source_id],
                )
                conn.execute("DELETE FROM tags WHERE id = ?", [source_id])

            before = self._changing(conn, source_id, merge)
        return TagChange("merge", source_name, into_name, before)

    def delete_tag(self, name: str) -> TagChange:
        """Take a tag off every annotation (the annotations stay)."""
        from claimmark.store.results import TagChange

        with self._write() as conn:
            tag_id, current = self._tag_row(conn, name)
            before = self._changing(
                conn, tag_id, lambda: conn.execute("DELETE FROM tags WHERE id = ?", [tag_id])
            )
        return TagChange("delete", current, None, before)

    def undo_tag_change(self, change: TagChange) -> None:
        """Undo a rename, merge or delete: the renamed tag gets its old spelling back, and
        every annotation the change touched (that still exists) gets back the tags the
        change took away or gave. Only the tags the change was about are touched, so a
        tag added or removed elsewhere since stays as it is; each annotation whose tags
        change is journaled."""
        wanted = dict(change.before)
        involved = {change.tag.casefold()}
        if change.action == "merge" and change.into is not None:
            involved.add(change.into.casefold())
        with self._write() as conn:
            currents = self._annotations(conn, list(wanted))
            if change.action == "rename" and change.into is not None:
                row = conn.execute(
                    "SELECT id FROM tags WHERE name = ? COLLATE NOCASE", [change.into]
                ).fetchone()
                taken = conn.execute(
                    "SELECT 1 FROM tags WHERE name = ? COLLATE NOCASE AND id != ?",
                    [change.tag, row[0] if row else -1],
                ).fetchone()
                if row is not None and taken is None:
                    conn.execute("UPDATE tags SET name = ? WHERE id = ?", [change.tag, row[0]])
            have = self._tag_names(conn, [a.id for a in currents])
            remove: list[tuple[int, str]] = []
            add: list[tuple[int, str]] = []
            for annotation in currents:
                before = {t.casefold(): t for t in wanted[annotation.id]}
                now_ = {t.casefold(): t for t in have.get(annotation.id, ())}
                for key in involved:
                    if key in before and key not in now_:
                        add.append((annotation.id, before[key]))
                    elif key in now_ and key not in before:
                        remove.append((annotation.id, now_[key]))
            conn.executemany(
                """DELETE FROM annotation_tags WHERE annotation_id = ?
                   AND tag_id = (SELECT id FROM tags WHERE name = ? COLLATE NOCASE)""",
                remove,
            )
            conn.executemany(
                "INSERT OR IGNORE INTO tags (name) VALUES (?)", [(name,) for _, name in add]
            )
            conn.executemany(
                """INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)
                   SELECT ?, id FROM tags WHERE name = ? COLLATE NOCASE""",
                add,
            )
            touched = {i for i, _ in remove} | {i for i, _ in add}
            if change.action == "rename":
                touched |= set(wanted)  # their tag is spelt as before again
            self._journal_updates(conn, [a for a in currents if a.id in touched])

    # -- internals -------------------------------------------------------------------

    def _tag_row(self, conn: sqlite3.Connection, name: str) -> tuple[int, str]:
        wanted = " ".join(name.split())
        for candidate in (wanted, wanted[1:] if wanted.startswith("#") else None):
            if not candidate:
                continue
            row = conn.execute(
                "SELECT id, name FROM tags WHERE name = ? COLLATE NOCASE", [candidate]
            ).fetchone()
            if row is not None:
                return int(row[0]), str(row[1])
        if not wanted:
            raise InvalidInput("the tag name is empty")
        used = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM annotation_tags)"
            )
        ]
        near = difflib.get_close_matches(wanted.casefold(), [u.casefold() for u in used], n=3)
        spelt = {u.casefold(): u for u in used}
        hint = f" (did you mean {', '.join(repr(spelt[n]) for n in near)}?)" if near else ""
        raise NotFound(f"no tag named {wanted!r}{hint}")

    def _annotations(self, conn: sqlite3.Connection, ids: Sequence[int]) -> list[Annotation]:
        found: list[Annotation] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            found += self._load_annotations(
                conn, f"a.id IN ({','.join('?' * len(chunk))}) ORDER BY a.id", chunk
            )
        return found

    def _changing(
        self, conn: sqlite3.Connection, tag_id: int, change: Callable[[], object]
    ) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """Run `change` (which alters tag `tag_id`), journal each annotation it touched,
        and return (annotation id, tags before) for each."""
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT annotation_id FROM annotation_tags WHERE tag_id = ? ORDER BY annotation_id",
                [tag_id],
            )
        ]
        befores = self._annotations(conn, ids)
        change()
        self._journal_updates(conn, befores)
        return tuple((a.id, a.tags) for a in befores)

    def _journal_updates(self, conn: sqlite3.Connection, befores: list[Annotation]) -> None:
        """Stamp the annotations `befores` as updated now and journal each change."""
        from claimmark.store.store import now

        stamp = now()
        ids = [a.id for a in befores]
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            conn.execute(
                f"UPDATE annotations SET updated_at = ? WHERE id IN ({','.join('?' * len(chunk))})",
                [stamp, *chunk],
            )
        afters = {a.id: a for a in self._annotations(conn, ids)}
        self._journal_many(conn, [("update", afters[b.id], b, afters[b.id], None) for b in befores])

    def _tag_names(self, conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[str]]:
        """The tag names of each of the annotations `ids`."""
        names: dict[int, list[str]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            for annotation_id, name in conn.execute(
                f"""SELECT l.annotation_id, t.name FROM annotation_tags l
                    JOIN tags t ON t.id = l.tag_id
                    WHERE l.annotation_id IN ({",".join("?" * len(chunk))})""",
                chunk,
            ):
                names.setdefault(annotation_id, []).append(name)
        return names


def _clean_name(name: str) -> str:
    """A new tag name as tags are stored: trimmed, inner whitespace one space, no comma."""
    from claimmark.store.store import clean_tags

    if "," in name:
        raise InvalidInput(f"a tag cannot hold a comma: {name!r}")
    cleaned = clean_tags([name])
    if not cleaned:
        raise InvalidInput("the new tag name is empty")
    return cleaned[0]
