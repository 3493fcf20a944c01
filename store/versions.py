"""Versions of an article and the annotations they carry: the store's SQL for them.

An article's versions are the texts stored from one source, linked by `previous_id`
(oldest first; ids grow along the chain). Every annotation lives on exactly one text:

- on the newest version, where it was carried when that version arrived (see
  `store.reanchor`), with `marked_quote` set when the words under it changed, and
  `moved` set when it was placed on the same words found elsewhere (its own were
  deleted): both flag it for the user to check until `accept_changed_words`;
- or, as an **orphan**, on the last older version whose text still held its words. It
  keeps its span, quote and note there, is listed with the newest version
  (`orphans`), is tried again when a further version arrives, and can be re-attached to
  a span of the newest version (`reattach_annotation`) or deleted.

Carrying happens in the transaction that stores the new version and is journalled: one
`reanchor` entry (before: on the old text, after: on the new) or `orphan` entry (not
placed in the version named by the entry's `article_id`) per annotation. Their before and
after hold where the annotation sits (id, article_id, start, end, quote, prefix, suffix,
marked_quote, changed, moved): a carry changes nothing else.

`VersionsMixin` is part of `Store`; it uses the store's connection and helpers.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from claimmark.store.errors import InvalidInput, NotFound
from claimmark.store.models import Annotation, Article
from claimmark.store.parts import StoreParts

if TYPE_CHECKING:  # made when first returned (see store.results)
    from claimmark.store.results import CarryReport, JournalEntry, VersionInfo


_PLACE_JSON = """json_object('id', {t}.id, 'article_id', {article}, 'start', {t}.start,
    'end', {t}."end", 'quote', {t}.quote, 'prefix', {t}.prefix, 'suffix', {t}.suffix,
    'marked_quote', {t}.marked_quote,
    'changed', json(CASE WHEN {t}.marked_quote IS NULL THEN 'false' ELSE 'true' END),
    'moved', json(CASE WHEN {t}.moved THEN 'true' ELSE 'false' END))"""
"""Where an annotation sits, as the journal's JSON for a carry (the fields a new version
changes: its note, tags and claim stay as they are), from table alias `t`."""


_CHAIN = """
    WITH RECURSIVE
        back(id, previous_id) AS (
            SELECT id, previous_id FROM articles WHERE id = :id
            UNION SELECT a.id, a.previous_id FROM articles a JOIN back ON a.id = back.previous_id
        ),
        forth(id) AS (
            SELECT :id
            UNION SELECT a.id FROM articles a JOIN forth ON a.previous_id = forth.id
        )
    SELECT id FROM back UNION SELECT id FROM forth ORDER BY id
"""
"""Every version id of the article :id, oldest first."""


class Chains:
    """Every article's versions at once (for listings): which is the newest, how many
    there are, how many orphans the older ones hold. Built from one read of the links."""

    def __init__(self, links: Sequence[tuple[int, int | None]], notes: dict[int, int]) -> None:
        previous = dict(links)
        self._root: dict[int, int] = {}
        for article_id in previous:
            path = []
            current: int | None = article_id
            while current is not None and current not in self._root:
                path.append(current)
                current = previous.get(current)
            root = self._root[current] if current is not None else path[-1]
            for member in path:
                self._root[member] = root
        self._newest: dict[int, int] = {}
        self._count: dict[int, int] = defaultdict(int)
        for article_id, root in self._root.items():
            self._count[root] += 1
            self._newest[root] = max(self._newest.get(root, article_id), article_id)
        self._orphans: dict[int, int] = defaultdict(int)
        for article_id, count in notes.items():
            chain = self._root.get(article_id)
            if chain is not None and self._newest[chain] != article_id:
                self._orphans[chain] += count

    def newest(self, article_id: int) -> int:
        """The newest version of the article `article_id` is one of."""
        return self._newest[self._root[article_id]]

    def version_count(self, article_id: int) -> int:
        return self._count[self._root[article_id]]

    def orphan_count(self, article_id: int) -> int:
        """Annotations on the older versions (none when `article_id` is not the newest)."""
        if self.newest(article_id) != article_id:
            return 0
        return self._orphans[self._root[article_id]]


class VersionsMixin(StoreParts):
    """Versions, carrying annotations to a new version, orphans and their re-attachment."""

    # -- reading ---------------------------------------------------------------------

    def chains(self) -> Chains:
        """Every article's versions, for listings (see `Chains`)."""
        links = [(row[0], row[1]) for row in self._read("SELECT id, previous_id FROM articles")]
        notes = {
            row[0]: row[1]
            for row in self._read(
                "SELECT article_id, count(*) FROM annotations GROUP BY article_id"
            )
        }
        return Chains(links, notes)

    def chain_ids(self, article_id: int, conn: sqlite3.Connection | None = None) -> list[int]:
        """The ids of every version of the article `article_id` is one of, oldest first
        (`NotFound` if there is no such article)."""
        rows = (conn or self.conn).execute(_CHAIN, {"id": article_id}).fetchall()
        ids = [row[0] for row in rows]
        exists = (
            (conn or self.conn)
            .execute("SELECT 1 FROM articles WHERE id = ?", [article_id])
            .fetchone()
        )
        if not exists:
            raise NotFound(f"no article with id {article_id}")
        return ids

    def newest_version(self, article_id: int) -> Article:
        """The newest version of the article `article_id` is one of."""
        return self.get_article(self.chain_ids(article_id)[-1])

    def version_of(self, article_id: int, number: int) -> Article:
        """Version `number` (1 = the first text) of the article `article_id` is one of."""
        ids = self.chain_ids(article_id)
        if not 1 <= number <= len(ids):
            raise NotFound(
                f"article #{ids[-1]} has {len(ids)} version{'s' if len(ids) != 1 else ''}; "
                f"there is no version {number}"
            )
        return self.get_article(ids[number - 1])

    def versions(self, article_id: int) -> list[VersionInfo]:
        """Every version of the article `article_id` is one of, oldest first."""
        from claimmark.store.results import VersionInfo

        ids = self.chain_ids(article_id)
        marks = ",".join("?" * len(ids))
        rows = self._read(
            f"""SELECT a.id, a.title, a.imported_at, length(a.text) AS length, a.sha256,
                       (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS notes
                FROM articles a WHERE a.id IN ({marks}) ORDER BY a.id""",
            ids,
        )
        first_with: dict[str, int] = {}
        infos = []
        for number, row in enumerate(rows, 1):
            same_as = first_with.setdefault(row["sha256"], number)
            infos.append(
                VersionInfo(
                    id=row["id"],
                    number=number,
                    title=row["title"],
                    imported_at=row["imported_at"],
                    length=row["length"],
                    sha256=row["sha256"],
                    annotation_count=row["notes"],
                    newest=row["id"] == ids[-1],
                    same_as=same_as if same_as != number else None,
                )
            )
        return infos

    def orphans(self, article_id: int) -> list[Annotation]:
        """The orphans of the article `article_id` is one of: annotations on its older
        versions (their words are gone from the newest), newest version first, then in
        document order."""
        ids = self.chain_ids(article_id)[:-1]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self._load_annotations(
            self.conn,
            f'a.article_id IN ({marks}) ORDER BY a.article_id DESC, a.start, a."end", a.id',
            ids,
        )

    def version_annotations(self, article_id: int) -> list[Annotation]:
        """The annotations as they sat on the text `article_id` (any version), in
        document order: on the newest version, those there now; on an older one, those
        still on it (its orphans) and those a newer version carried off it, at the place
        they had on it (the `reanchor` journal entry's before), with their content (note,
        tags, claim) as it is now. Annotations deleted since, or first made on a later
        version, are not among them."""
        ids = self.chain_ids(article_id)
        later = [i for i in ids if i > article_id]
        here = self._load_annotations(self.conn, "a.article_id = ?", [article_id])
        if not later:
            return sorted(here, key=lambda a: (a.start, -a.end, a.id))
        marks = ",".join("?" * len(later))
        rows = self._read(
            f"""SELECT annotation_id, before FROM journal
                WHERE action = 'reanchor' AND article_id IN ({marks})
                AND json_extract(before, '$.article_id') = ? ORDER BY id""",
            [*later, article_id],
        )
        import json  # (not imported to open the reader)

        places: dict[int, dict[str, Any]] = {}
        for row in rows:
            places[row["annotation_id"]] = json.loads(row["before"])
        found = {a.id for a in here}
        carried_off = [i for i in places if i not in found]
        current = (
            self._load_annotations(
                self.conn, f"a.id IN ({','.join('?' * len(carried_off))})", carried_off
            )
            if carried_off
            else []
        )
        for annotation in current:
            place = places[annotation.id]
            here.append(
                replace(
                    annotation,
                    article_id=article_id,
                    start=int(place["start"]),
                    end=int(place["end"]),
                    quote=str(place["quote"]),
                    prefix=str(place.get("prefix", "")),
                    suffix=str(place.get("suffix", "")),
                    marked_quote=place.get("marked_quote"),
                    moved=bool(place.get("moved", False)),
                )
            )
        return sorted(here, key=lambda a: (a.start, -a.end, a.id))

    def annotation_history(self, annotation_id: int) -> list[JournalEntry]:
        """Every journal entry of one annotation, oldest first: how it was made, edited,
        and carried (or orphaned) from version to version."""
        from claimmark.store.store import journal_entry

        rows = self._read(
            "SELECT * FROM journal WHERE annotation_id = ? ORDER BY id", [annotation_id]
        )
        return [journal_entry(row) for row in rows]

    def history_lines(self, annotation_id: int) -> list[str]:
        """The annotation's history for a person, one line per journal entry: when, on
        which version, what happened (marked, edited, carried, orphaned ...)."""
        lines = []
        numbers: dict[int, int] = {}
        for entry in self.annotation_history(annotation_id):
            if entry.article_id not in numbers:
                try:
                    for info in self.versions(entry.article_id):
                        numbers[info.id] = info.number
                except NotFound:  # the article was deleted since
                    numbers[entry.article_id] = 0
            version = numbers.get(entry.article_id, 0)
            at = entry.at[:16].replace("T", " ")
            state = entry.after or entry.before or {}
            words = " ".join(str(state.get("quote", "")).split())
            if len(words) > 50:
                words = words[:49] + "…"
            what = {
                "create": f"marked {words!r}",
                "update": "edited",
                "delete": "deleted",
                "restore": "restored",
                "reanchor": "carried"
                + (f", words now {words!r}" if state.get("marked_quote") is not None else "")
                + (", moved: check its place" if state.get("moved") else ""),
                "orphan": "orphaned: its words are gone",
            }.get(entry.action, entry.action)
            lines.append(f"{at}  v{version}  {what}")
        return lines

    # -- carrying --------------------------------------------------------------------

    def _carry(
        self, conn: sqlite3.Connection, new_id: int, *, only: Sequence[int] | None = None
    ) -> CarryReport:
        """Carry every annotation of the earlier versions of `new_id`'s article onto it
        (inside the caller's transaction): those of the previous newest version and the
        orphans on older ones, each through one diff of its own text to the new one.
        `only` limits it to some annotation ids."""
        from claimmark.store.results import CarryReport

        ids = self.chain_ids(new_id, conn)
        earlier = [i for i in ids if i < new_id]
        if not earlier:
            return CarryReport()
        marks = ",".join("?" * len(earlier))
        where = f"a.article_id IN ({marks})"
        params: list[int] = list(earlier)
        if only is not None:
            where += f" AND a.id IN ({','.join('?' * len(only))})"
            params += list(only)
        rows = conn.execute(
            f"""SELECT id, article_id, start, "end", quote, prefix, suffix, marked_quote, moved
                FROM annotations a WHERE {where} ORDER BY article_id, start""",
            params,
        ).fetchall()
        if not rows:
            return CarryReport()
        new_text = conn.execute("SELECT text FROM articles WHERE id = ?", [new_id]).fetchone()[0]
        by_version: dict[int, list[sqlite3.Row]] = defaultdict(list)
        for row in rows:
            by_version[row["article_id"]].append(row)
        # Imported when a new version is carried onto, not to open the reader (the
        # re-anchoring algorithm and rapidfuzz cost ~15 ms before its first frame).
        from claimmark.store.anchoring import CONTEXT, quote_selector
        from claimmark.store.reanchor import Anchor, Outcome, Reanchorer

        exact = changed = orphaned = moved = 0
        moves: list[tuple[Any, ...]] = []
        for version_id, members in by_version.items():
            old_text = conn.execute(
                "SELECT text FROM articles WHERE id = ?", [version_id]
            ).fetchone()[0]
            placer = Reanchorer(old_text, new_text)
            for row in members:
                placed = placer.place(
                    Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"])
                )
                if placed.outcome is Outcome.ORPHAN or placed.start is None or placed.end is None:
                    orphaned += 1
                    moves.append((row["id"], None))
                    continue
                selector = quote_selector(new_text, placed.start, placed.end, CONTEXT)
                marked = row["marked_quote"] if row["marked_quote"] is not None else row["quote"]
                marked_quote = None if selector.exact == marked else marked
                # A flag stays until the user accepts the place (or marks it anew).
                flag = bool(row["moved"]) or placed.outcome is Outcome.MOVED
                if marked_quote is not None:
                    changed += 1
                elif flag:
                    moved += 1
                else:
                    exact += 1
                moves.append(
                    (
                        row["id"],
                        (placed.start, placed.end, selector, marked_quote, flag),
                    )
                )
        self._write_moves(conn, new_id, moves)
        return CarryReport(exact=exact, changed=changed, orphaned=orphaned, moved=moved)

    def _write_moves(
        self,
        conn: sqlite3.Connection,
        new_id: int,
        moves: list[tuple[Any, ...]],
    ) -> None:
        """Write the carried annotations and journal each, in bulk: the new places go to a
        temporary table, then one statement journals them all (SQLite writes the JSON)
        and two update the rows (only those whose words changed touch the quote column,
        so the full-text index is updated only for them)."""
        from claimmark.store.store import now

        conn.execute(
            """CREATE TEMP TABLE IF NOT EXISTS carry_moves (
                   id INTEGER PRIMARY KEY, placed INTEGER NOT NULL, start INTEGER,
                   "end" INTEGER, quote TEXT, prefix TEXT, suffix TEXT, marked_quote TEXT,
                   moved INTEGER)"""
        )
        conn.execute("DELETE FROM temp.carry_moves")
        conn.executemany(
            """INSERT INTO temp.carry_moves
                   (id, placed, start, "end", quote, prefix, suffix, marked_quote, moved)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (annotation_id, 0, None, None, None, None, None, None, None)
                if place is None
                else (
                    annotation_id,
                    1,
                    place[0],
                    place[1],
                    place[2].exact,
                    place[2].prefix,
                    place[2].suffix,
                    place[3],
                    int(place[4]),
                )
                for annotation_id, place in moves
            ],
        )
        # One journal entry each, holding where the annotation sat before and after (its
        # note, tags and claim do not change here).
        conn.execute(
            f"""INSERT INTO journal (at, action, annotation_id, article_id, before, after)
                SELECT :at, CASE WHEN m.placed THEN 'reanchor' ELSE 'orphan' END, a.id, :new,
                       {_PLACE_JSON.format(t="a", article="a.article_id")},
                       CASE WHEN m.placed
                           THEN {_PLACE_JSON.format(t="m", article=":new")}
                           ELSE {_PLACE_JSON.format(t="a", article="a.article_id")} END
                FROM temp.carry_moves m JOIN annotations a ON a.id = m.id ORDER BY m.rowid""",
            {"at": now(), "new": new_id},
        )
        for words in ("m.quote = annotations.quote", "m.quote != annotations.quote"):
            quote = ", quote = m.quote" if "!=" in words else ""
            conn.execute(
                f"""UPDATE annotations SET article_id = ?, start = m.start, "end" = m."end",
                        prefix = m.prefix, suffix = m.suffix, marked_quote = m.marked_quote,
                        moved = m.moved {quote}
                    FROM temp.carry_moves m
                    WHERE annotations.id = m.id AND m.placed AND {words}""",
                [new_id],
            )
        conn.execute("DELETE FROM temp.carry_moves")

    def _carry_all(self, conn: sqlite3.Connection) -> None:
        """Carry the annotations that older versions hold onto the newest version of
        every article (for libraries made before versions carried their notes)."""
        heads = conn.execute(
            """SELECT a.id FROM articles a WHERE a.previous_id IS NOT NULL AND a.id NOT IN
               (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)"""
        ).fetchall()
        for (head,) in heads:
            self._carry(conn, head)

    # -- orphans and changed words ---------------------------------------------------

    def reattach_annotation(
        self, annotation_id: int, article_id: int, start: int, end: int
    ) -> Annotation:
        """Put an annotation (usually an orphan) on `article_id` (the newest version of
        its article) at `start`-`end`: the words there become its quote, as if marked
        now. Journalled as an update, so undo puts it back where it was."""
        with self._write() as conn:
            before = self._load_annotation(conn, annotation_id)
            chain = self.chain_ids(article_id, conn)
            if before.article_id not in chain:
                raise InvalidInput(
                    f"annotation {annotation_id} belongs to another article, not #{chain[-1]}"
                )
            if article_id != chain[-1]:
                raise InvalidInput(
                    f"#{article_id} is an older version; attach to the newest (#{chain[-1]})"
                )
            text = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[
                0
            ]
            if not (0 <= start < end <= len(text)):
                raise InvalidInput(
                    f"span {start}-{end} is outside the article (0-{len(text)}) or empty"
                )
            from claimmark.store.anchoring import CONTEXT, quote_selector
            from claimmark.store.store import now

            selector = quote_selector(text, start, end, CONTEXT)

            conn.execute(
                """UPDATE annotations SET article_id = ?, start = ?, "end" = ?, quote = ?,
                       prefix = ?, suffix = ?, marked_quote = NULL, moved = 0, updated_at = ?
                   WHERE id = ?""",
                [
                    article_id,
                    start,
                    end,
                    selector.exact,
                    selector.prefix,
                    selector.suffix,
                    now(),
                    annotation_id,
                ],
            )
            after = self._load_annotation(conn, annotation_id)
            self._journal_many(conn, [("update", after, before, after, None)])
        return after

    def accept_changed_words(self, annotation_id: int) -> Annotation:
        """Take the annotation as it now is (the change is seen): the words now under it
        become its marked quote and its place is taken as right, so the "changed since
        marked" and "moved" flags go. Journalled as an update, so undo brings the flags
        back. An annotation with no flag is returned as it is, nothing written."""
        with self._write() as conn:
            before = self._load_annotation(conn, annotation_id)
            if not before.flagged:
                return before
            from claimmark.store.store import now

            conn.execute(
                """UPDATE annotations SET marked_quote = NULL, moved = 0, updated_at = ?
                   WHERE id = ?""",
                [now(), annotation_id],
            )
            after = self._load_annotation(conn, annotation_id)
            self._journal_many(conn, [("update", after, before, after, None)])
        return after

    def _carried_since(self, conn: sqlite3.Connection, snapshot: Annotation) -> bool:
        """True when the annotation was carried off the snapshot's version by a newer
        version after the snapshot was taken (so an undo keeps the carried place)."""
        row = conn.execute(
            """SELECT 1 FROM journal WHERE annotation_id = ? AND action = 'reanchor'
               AND json_extract(before, '$.article_id') = ? LIMIT 1""",
            [snapshot.id, snapshot.article_id],
        ).fetchone()
        return row is not None

    def _newer_versions(self, conn: sqlite3.Connection, article_id: int) -> bool:
        row = conn.execute(
            "SELECT 1 FROM articles WHERE previous_id = ? LIMIT 1", [article_id]
        ).fetchone()
        return row is not None
