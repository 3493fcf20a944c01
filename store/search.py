"""Full-text search over the whole library (a mixin of `Store`, see store/parts.py).

Three FTS5 indexes, each kept up to date by triggers: `articles_fts` (title, text),
`annotations_fts` (quote, note) and `annotation_meta_fts` (claimant, sources, tags). A
query is FTS5's own syntax: words (all must occur), `"a phrase"`, `prefix*`, `AND`, `OR`,
`NOT`, `NEAR(a b)`, and `column:word` for the columns above. A query FTS5 refuses
(`don't`, `covid-19`, a lone `"`) is searched as its plain words instead, never an error.
Articles whose title alone matches come first; then every hit by bm25 (a title word
weighs ten times a text word). Each says where it is (the title, ¶N of the text, or an
annotation) with a snippet whose matches are marked.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from claimmark.store.connection import translate
from claimmark.store.errors import Interrupted, InvalidInput
from claimmark.store.library import SUPERSEDED as _SUPERSEDED
from claimmark.store.models import annotation_kind
from claimmark.store.parts import StoreParts

if TYPE_CHECKING:  # made when first returned (see store.results)
    from claimmark.store.results import SearchHit, SearchResult


OPEN: Final = "\x02"
CLOSE: Final = "\x03"
"""What `highlight()` puts around each match (control characters never in stored text)."""

SNIPPET_BEFORE: Final = 40
"""Characters of context kept before the first match of a snippet."""
SNIPPET_LENGTH: Final = 200
"""The most characters of a snippet (a screen clips it further)."""
RANK_WINDOW: Final = 300
"""The most matching rows of one index ranked by bm25 (the newest, when more match)."""
TITLE_WINDOW: Final = 1000
"""The same for matches in titles alone, ranked apart so that they are never missed."""

_TABLES: Final = {
    "articles_fts": ("title", "text"),
    "annotations_fts": ("quote", "note"),
    "annotation_meta_fts": ("claimant", "sources", "tags"),
}
_COLUMNS: Final = frozenset(c for columns in _TABLES.values() for c in columns)
_BM25: Final = {
    "articles_fts": "bm25(articles_fts, 10.0, 1.0)",  # a title weighs ten times the text
    "annotations_fts": "bm25(annotations_fts)",
    "annotation_meta_fts": "bm25(annotation_meta_fts)",
}

_REJECTED = re.compile(
    r"fts5:|syntax error|unterminated string|unknown special query|no such column|"
    r"malformed MATCH|parse error",
    re.IGNORECASE,
)
_NO_COLUMN = re.compile(r"no such column: (\S+)")


class _Rejected(Exception):
    """FTS5 refused the query."""


class _Candidate(NamedTuple):  # a tuple: a fifth of a dataclass's cost to define
    table: str
    rowid: int
    score: float
    title: bool = False
    """Found by the title pass: the title alone matches (these hits come first)."""

    @property
    def order(self) -> tuple[int, float]:
        return (0 if self.title else 1, self.score)


def plain_words(query: str) -> str:
    """`query` as an FTS5 query of its plain words: each quoted (so that nothing in it is
    syntax), a trailing `*` kept as a prefix search. Words with no letter or digit, and
    the operators AND, OR and NOT (meant as such in a query FTS5 could not read), are
    dropped; the result is empty when nothing is left to search for."""
    words = []
    for word in query.replace('"', " ").split():
        prefix = word.endswith("*")
        word = word.strip("*")
        if word in ("AND", "OR", "NOT"):
            continue
        if any(ch.isalnum() for ch in word):
            words.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(words)


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Text marked by `highlight()` as (plain text, [(start, end) of each match])."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    start: int | None = None
    for part in re.split(f"([{OPEN}{CLOSE}])", marked):
        if part == OPEN:
            start = position
        elif part == CLOSE:
            if start is not None and position > start:
                spans.append((start, position))
            start = None
        elif part:
            plain.append(part)
            position += len(part)
    return "".join(plain), spans


def snippet(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line snippet of `text` around its first match, within the paragraph of that
    match, with "…" where it is cut, and the matches' spans within the snippet."""
    if not spans:
        line = " ".join(text.split())
        cut = line[:SNIPPET_LENGTH]
        return (cut + "…" if len(line) > SNIPPET_LENGTH else cut), ()
    first = spans[0][0]
    paragraph_start = text.rfind("\n", 0, first) + 1
    paragraph_end = text.find("\n", first)
    if paragraph_end < 0:
        paragraph_end = len(text)
    left = max(paragraph_start, first - SNIPPET_BEFORE)
    if left > paragraph_start:
        space = text.find(" ", left, first)
        left = space + 1 if space >= 0 else left
    right = min(paragraph_end, left + SNIPPET_LENGTH)
    if right < paragraph_end:
        space = text.rfind(" ", max(left, spans[0][1]), right)
        right = space if space > 0 else right
    head = "…" if left > paragraph_start else ""
    body = text[left:right].replace("\t", " ")
    marks = tuple(
        (len(head) + max(start, left) - left, len(head) + min(end, right) - left)
        for start, end in spans
        if start < right and end > left
    )
    return head + body + ("…" if right < paragraph_end else ""), marks


def _rejected(error: sqlite3.OperationalError) -> bool:
    return bool(_REJECTED.search(str(error)))


class SearchQueries(StoreParts):
    """Search (a part of `Store`)."""

    def interrupt(self) -> None:
        """Stop the query running on this store's connection (from another thread): it
        raises `Interrupted`. Used to drop a search the user has typed past."""
        self.conn.interrupt()

    def search(self, query: str, *, limit: int = 50, all_versions: bool = False) -> SearchResult:
        """The best `limit` hits for `query` across titles, article text, quotes, notes,
        claimants, sources and tags; only the newest version of each article unless
        `all_versions`. `InvalidInput` for an empty query (or one with no words)."""
        from claimmark.store.results import SearchResult

        text = " ".join(query.split())
        if not text:
            raise InvalidInput('the search is empty: type a word, a "phrase" or a prefix*')
        if limit < 1:
            raise InvalidInput(f"the limit must be 1 or more, not {limit}")
        plain = False
        try:
            candidates = self._candidates(text, limit + 1, all_versions)
        except _Rejected:
            fallback = plain_words(text)
            if not fallback:
                raise InvalidInput(
                    f"nothing to search for in {text!r}: type a word, a phrase or a prefix*"
                ) from None
            text, plain = fallback, True
            try:
                candidates = self._candidates(text, limit + 1, all_versions)
            except _Rejected:  # pragma: no cover - quoted words are always valid FTS5
                raise InvalidInput(f"cannot search for {query!r}") from None
        candidates.sort(key=lambda c: c.order)
        hits = self._describe(candidates[:limit], text)
        return SearchResult(
            query=text, hits=tuple(hits), plain_words=plain, more=len(candidates) > limit
        )

    # -- the queries -----------------------------------------------------------------

    def _run(self, sql: str, params: Sequence[object]) -> list[sqlite3.Row]:
        """Run a search query: `_Rejected` when FTS5 refuses the query's syntax."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise Interrupted("the search was interrupted") from None
            if _rejected(error):
                raise _Rejected(str(error)) from None
            raise translate(error, self.path) from None

    def _candidates(self, match: str, limit: int, all_versions: bool) -> list[_Candidate]:
        """The best `limit` rows of each index for `match`, and of the titles alone. When
        more than `RANK_WINDOW` rows of an index match, only the newest `RANK_WINDOW` of
        them are ranked: bm25 is computed for every row it ranks, and for a word in every
        article that alone takes far longer than a search may."""
        latest = {
            "articles_fts": f"AND f.rowid NOT IN ({_SUPERSEDED})",
            "annotations_fts": "AND (SELECT article_id FROM annotations WHERE id = f.rowid) "
            f"NOT IN ({_SUPERSEDED})",
        }
        latest["annotation_meta_fts"] = latest["annotations_fts"]
        if not all_versions and not self._run(
            "SELECT 1 FROM articles WHERE previous_id IS NOT NULL LIMIT 1", []
        ):
            all_versions = True  # no article has a later version: nothing to leave out
        found: list[_Candidate] = []
        missing_columns: list[str] = []
        for table in _TABLES:
            if not self.has_table(table):
                continue  # a library opened read-only before the step that made it
            where = "" if all_versions else latest[table]
            try:
                found += self._ranked(table, match, where, RANK_WINDOW, limit)
            except _Rejected as error:
                column = _NO_COLUMN.search(str(error))
                if column and column.group(1) in _COLUMNS:
                    missing_columns.append(column.group(1))
                    continue  # a column filter for another index: nothing here
                raise
            if table == "articles_fts":
                titles = self._ranked(table, f"title : ({match})", where, TITLE_WINDOW, limit)
                found += [c._replace(title=True) for c in titles]
        if len(missing_columns) == len(_TABLES):
            raise _Rejected("no index has the columns asked for")
        best: dict[tuple[str, int], _Candidate] = {}
        for candidate in found:
            key = (candidate.table, candidate.rowid)
            if key not in best or candidate.order < best[key].order:
                best[key] = candidate
        return list(best.values())

    def _ranked(
        self, table: str, match: str, where: str, window: int, limit: int
    ) -> list[_Candidate]:
        """The best `limit` of the newest `window` rows of `table` that match, by bm25.

        FTS5 gives the matches newest first and stops after `window`, so bm25 is computed
        for at most `window` rows, in one pass over the index (a prefix is expanded once)."""
        rows = self._run(
            f"""SELECT f.rowid, {_BM25[table]} FROM {table} f WHERE {table} MATCH ? {where}
                ORDER BY f.rowid DESC LIMIT ?""",
            [match, window],
        )
        best = sorted(rows, key=lambda row: row[1])[:limit]
        return [_Candidate(table, row[0], row[1]) for row in best]

    def _describe(self, candidates: list[_Candidate], match: str) -> list[SearchHit]:
        """Each candidate as a hit: its article, where it is and its snippet."""
        described: dict[tuple[str, int], SearchHit] = {}
        by_table: dict[str, list[_Candidate]] = {}
        for candidate in candidates:
            by_table.setdefault(candidate.table, []).append(candidate)
        for table, group in by_table.items():
            scores = {c.rowid: c.score for c in group}
            in_title = {c.rowid for c in group if c.title}
            ids = list(scores)
            marks = ",".join("?" * len(ids))
            # FTS5 takes an IN list as one query per rowid, each a quick seek, but each
            # expanding a prefix* again (~2 ms); with a prefix, `+` makes it one query
            # that reads the matches between the lowest and highest rowid instead.
            rowid = "+" if "*" in match else ""
            columns = _TABLES[table]
            highlights = ", ".join(
                f"highlight({table}, {i}, '{OPEN}', '{CLOSE}') AS h{i}" for i in range(len(columns))
            )
            if table == "articles_fts":
                for row in self._run(
                    f"""SELECT f.rowid, {highlights} FROM {table} f
                        WHERE {table} MATCH ? AND {rowid}f.rowid IN ({marks})
                        AND f.rowid BETWEEN ? AND ?""",
                    [match, *ids, min(ids), max(ids)],
                ):
                    hit = self._article_hit(row, scores[row[0]], row[0] in in_title)
                    described[(table, row[0])] = hit
            else:
                for row in self._run(
                    f"""SELECT f.rowid, {highlights}, a.article_id, a.start, a."end", a.note,
                            c.annotation_id IS NOT NULL AS is_claim, t.title
                        FROM {table} f JOIN annotations a ON a.id = f.rowid
                        JOIN articles t ON t.id = a.article_id
                        LEFT JOIN claims c ON c.annotation_id = a.id
                        WHERE {table} MATCH ? AND {rowid}f.rowid IN ({marks})
                        AND f.rowid BETWEEN ? AND ?""",
                    [match, *ids, min(ids), max(ids)],
                ):
                    hit = self._annotation_hit(row, columns, scores[row[0]])
                    described[(table, row[0])] = hit
        return [
            described[(c.table, c.rowid)] for c in candidates if (c.table, c.rowid) in described
        ]

    def _article_hit(self, row: sqlite3.Row, score: float, in_title: bool) -> SearchHit:
        """A hit in an article's title (at 0-0, no paragraph) or, when its text matched
        and its title did not, at the first match in its text."""
        from claimmark.store.results import SearchHit

        title, title_spans = unmark(row[1])
        text, spans = unmark(row[2])
        if in_title or not spans:
            field, text, spans = "title", title, title_spans
            paragraph, start, end = None, 0, 0
        else:
            field = "text"
            start, end = spans[0]
            paragraph = text.count("\n", 0, start) + 1
        shown, marks = snippet(text, spans)
        return SearchHit(
            article_id=row[0],
            title=title,
            kind=field,
            field=field,
            paragraph=paragraph,
            snippet=shown,
            marks=marks,
            start=start,
            end=end,
            annotation_id=None,
            score=score,
        )

    def _annotation_hit(
        self, row: sqlite3.Row, columns: tuple[str, ...], score: float
    ) -> SearchHit:
        from claimmark.store.results import SearchHit

        annotation_id = row[0]
        fields = [unmark(row[1 + i]) for i in range(len(columns))]
        index = next((i for i, (_, spans) in enumerate(fields) if spans), 0)
        field = columns[index]
        text, spans = fields[index]
        article_id, start, end = row["article_id"], row["start"], row["end"]
        if field == "quote" and spans:  # the quote is the article's text at start..end
            start, end = start + spans[0][0], start + spans[0][1]
        shown, marks = snippet(text, spans)
        return SearchHit(
            article_id=article_id,
            title=row["title"],
            kind=annotation_kind(row["note"], is_claim=bool(row["is_claim"])),
            field=field,
            paragraph=self._paragraph_at(article_id, start),
            snippet=shown,
            marks=marks,
            start=start,
            end=end,
            annotation_id=annotation_id,
            score=score,
        )

    def _paragraph_at(self, article_id: int, offset: int) -> int:
        """¶N of the character at `offset` in the article (counting in SQL: the article
        text is not sent for it)."""
        rows = self._run(
            """SELECT length(head) - length(replace(head, char(10), '')) + 1
               FROM (SELECT substr(text, 1, ?) AS head FROM articles WHERE id = ?)""",
            [offset, article_id],
        )
        return int(rows[0][0]) if rows else 1
