"""Schema migrations, applied in order by sqlite-utils' `Migrations`.

One function per step, numbered. A released step is never edited: change the schema by
adding a step. `Store` applies pending steps when it opens a database.
"""

from __future__ import annotations

import re

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from claimmark.store.schema import MIGRATION_NAMES, MIGRATION_SET, noted_sql

migrations = Migrations(MIGRATION_SET)

_STATUSES = "'unverified','supported','disputed','false','misleading','unverifiable'"


def _run(db: Database, *statements: str) -> None:
    for statement in statements:
        db.execute(statement)


@migrations()
def m001_initial(db: Database) -> None:
    """Articles, annotations, tags, claims with their source chains and evidence, the journal,
    and full-text search over article text, quotes and notes."""
    _run(
        db,
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            byline TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            encoding TEXT NOT NULL DEFAULT 'utf-8',
            imported_at TEXT NOT NULL,
            previous_id INTEGER REFERENCES articles(id),
            last_opened_at TEXT
        )""",
        "CREATE UNIQUE INDEX idx_articles_sha256 ON articles(sha256)",
        "CREATE INDEX idx_articles_source ON articles(source)",
        "CREATE INDEX idx_articles_previous ON articles(previous_id)",
        """CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ("end" > start)
        )""",
        'CREATE INDEX idx_annotations_article ON annotations(article_id, start, "end")',
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        )""",
        """CREATE TABLE annotation_tags (
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        )""",
        "CREATE INDEX idx_annotation_tags_tag ON annotation_tags(tag_id)",
        f"""CREATE TABLE claims (
            annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
            claimant TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ({_STATUSES})),
            confidence TEXT NOT NULL DEFAULT 'medium'
                CHECK (confidence IN ('low','medium','high')),
            attribution TEXT NOT NULL DEFAULT 'paraphrase'
                CHECK (attribution IN
                    ('direct quote','paraphrase','anonymous source','unattributed'))
        )""",
        "CREATE INDEX idx_claims_status ON claims(status)",
        "CREATE INDEX idx_claims_claimant ON claims(claimant COLLATE NOCASE)",
        """CREATE TABLE claim_sources (
            annotation_id INTEGER NOT NULL REFERENCES claims(annotation_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (annotation_id, position)
        )""",
        """CREATE TABLE claim_evidence (
            annotation_id INTEGER NOT NULL REFERENCES claims(annotation_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            PRIMARY KEY (annotation_id, position)
        )""",
        """CREATE TABLE journal (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create','update','delete','restore')),
            annotation_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            before TEXT,
            after TEXT
        )""",
        "CREATE INDEX idx_journal_article ON journal(article_id, id)",
    )
    # Full-text search. Article text never changes once stored, and opening an article
    # updates its row, so the triggers fire only on the columns that are indexed.
    db.table("articles").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=False)
    db.table("annotations").enable_fts(["quote", "note"], fts_version="FTS5", create_triggers=False)
    for table, columns in (("articles", ("title", "text")), ("annotations", ("quote", "note"))):
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        _run(
            db,
            f"""CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
                INSERT INTO {table}_fts (rowid, {cols}) VALUES (new.rowid, {new});
            END""",
            f"""CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
                INSERT INTO {table}_fts ({table}_fts, rowid, {cols})
                VALUES ('delete', old.rowid, {old});
            END""",
            f"""CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN
                INSERT INTO {table}_fts ({table}_fts, rowid, {cols})
                VALUES ('delete', old.rowid, {old});
                INSERT INTO {table}_fts (rowid, {cols}) VALUES (new.rowid, {new});
            END""",
        )


@migrations()
def m002_settings_and_dismissals(db: Database) -> None:
    """User settings (e.g. the export folder) and dismissed attribution suggestions."""
    _run(
        db,
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE suggestion_dismissals (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            dismissed_at TEXT NOT NULL,
            PRIMARY KEY (article_id, start, "end")
        )""",
    )


def _rebuild(db: Database, table: str, create_sql: str) -> None:
    """Rebuild `table` with a new definition (`create_sql`, which names the table
    `{table}_new`), keeping every row, id and column, its indexes and its triggers.

    SQLite's own procedure for a change ALTER TABLE cannot make: new table, copy, drop,
    rename. The store runs migrations with foreign keys off (a DROP would otherwise cascade
    to every row that references the table) and checks them before it commits."""
    kept = [
        row[0]
        for row in db.execute(
            """SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL
               AND type IN ('index', 'trigger') ORDER BY type, name""",
            [table],
        ).fetchall()
    ]
    columns = ", ".join(f'"{row[1]}"' for row in db.execute(f'PRAGMA table_info("{table}")'))
    _run(
        db,
        create_sql,
        f'INSERT INTO "{table}_new" ({columns}) SELECT {columns} FROM "{table}"',
        f'DROP TABLE "{table}"',
        f'ALTER TABLE "{table}_new" RENAME TO "{table}"',
        *kept,
    )


@migrations()
def m003_ids_never_reused(db: Database) -> None:
    """Annotation ids are never given out twice (AUTOINCREMENT), so that an undo, which puts
    an annotation back under its old id, can never land on another one: with a plain
    INTEGER PRIMARY KEY, SQLite reuses the id of a deleted newest row. Ids already used,
    including those the journal remembers of deleted annotations, stay used."""
    _rebuild(
        db,
        "annotations",
        """CREATE TABLE annotations_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ("end" > start)
        )""",
    )
    _run(
        db,
        "DELETE FROM sqlite_sequence WHERE name = 'annotations'",
        """INSERT INTO sqlite_sequence (name, seq) SELECT 'annotations', max(
               (SELECT coalesce(max(id), 0) FROM annotations),
               (SELECT coalesce(max(annotation_id), 0) FROM journal))""",
    )


@migrations()
def m004_article_metadata(db: Database) -> None:
    """What a web page says about its article: site name, published and modified dates,
    canonical URL, the URL it was fetched from and when, and its language (each '' when
    unknown, as for files). The canonical URL is indexed: adding a page whose canonical
    URL is in the library makes a version of that article, not a second one."""
    for column in (
        "site_name",
        "published",
        "modified",
        "canonical_url",
        "fetched_from",
        "fetched_at",
        "language",
    ):
        db.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    _run(
        db,
        "CREATE INDEX idx_articles_canonical ON articles(canonical_url)",
        "CREATE INDEX idx_articles_fetched_from ON articles(fetched_from)",
    )


JOURNAL_ACTIONS = ("create", "update", "delete", "restore", "reanchor", "orphan")
"""What the journal records since m005: the four edits, plus `reanchor` (an annotation
carried to a new version of its article) and `orphan` (not placed in a new version)."""


@migrations()
def m005_versions(db: Database) -> None:
    """Versions that keep every note: `annotations.marked_quote` (the quote as it was
    marked, kept when a new version changes the words; NULL while they are the same), and
    the journal's actions widened with `reanchor` and `orphan`.

    The journal is rebuilt from its own stored definition (whatever earlier steps left),
    with only the action check widened; rows, ids and indexes are kept. Annotations that
    earlier versions of claimmark left on older texts are carried to the newest by the
    store right after the steps run, in the same transaction (`Store._carry_all`)."""
    db.execute("ALTER TABLE annotations ADD COLUMN marked_quote TEXT")
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'journal'"
    ).fetchone()
    old_check = "CHECK (action IN ('create','update','delete','restore'))"
    if row is None or old_check not in row[0] or not row[0].startswith("CREATE TABLE journal"):
        raise RuntimeError("m005_versions: the journal's definition is not what was expected")
    actions = ",".join(f"'{a}'" for a in JOURNAL_ACTIONS)
    create = row[0].replace(old_check, f"CHECK (action IN ({actions}))", 1)
    create = create.replace("CREATE TABLE journal", "CREATE TABLE journal_new", 1)
    _rebuild(db, "journal", create)


def _articles_autoincrement(db: Database) -> None:
    """Rebuild `articles` with `id INTEGER PRIMARY KEY AUTOINCREMENT`, its definition
    otherwise as it is now (whatever columns earlier steps added), its ids remembered."""
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'articles'"
    ).fetchone()
    create = re.sub(r'^CREATE TABLE "?articles"?', "CREATE TABLE articles_new", row[0])
    if "AUTOINCREMENT" not in create.upper():
        create, found = re.subn(
            r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b",
            "id INTEGER PRIMARY KEY AUTOINCREMENT",
            create,
            count=1,
            flags=re.IGNORECASE,
        )
        if not found:  # pragma: no cover - every claimmark library has this column
            raise RuntimeError("articles has no INTEGER PRIMARY KEY id")
    # Legacy renaming: a trigger of another table that names `articles` (a later branch of
    # the schema may add one) would otherwise make the RENAME fail while `articles` is gone.
    db.execute("PRAGMA legacy_alter_table = ON")
    try:
        _rebuild(db, "articles", create)
    finally:
        db.execute("PRAGMA legacy_alter_table = OFF")
    _run(
        db,
        "DELETE FROM sqlite_sequence WHERE name = 'articles'",
        """INSERT INTO sqlite_sequence (name, seq)
           SELECT 'articles', (SELECT coalesce(max(id), 0) FROM articles)""",
    )


def _noted(note: str) -> str:
    """SQL: 1 when `note` holds text (the annotation is a note unless it is a claim)."""
    return noted_sql(note)


def _meta_rows(ids: str) -> str:
    """SQL: insert the claimant, sources and tags row of `annotation_meta_fts` for the
    annotations whose ids the subquery `ids` gives (none for those with all three empty)."""
    return f"""INSERT INTO annotation_meta_fts (rowid, claimant, sources, tags)
        SELECT id, claimant, sources, tags FROM (
            SELECT a.id AS id,
                coalesce(c.claimant, '') AS claimant,
                coalesce((SELECT group_concat(name, ' > ') FROM
                    (SELECT name FROM claim_sources s WHERE s.annotation_id = a.id
                     ORDER BY position)), '') AS sources,
                coalesce((SELECT group_concat(t.name, ', ') FROM annotation_tags l
                    JOIN tags t ON t.id = l.tag_id WHERE l.annotation_id = a.id), '') AS tags
            FROM annotations a LEFT JOIN claims c ON c.annotation_id = a.id
            WHERE a.id IN ({ids}))
        WHERE claimant != '' OR sources != '' OR tags != ''"""


def _refresh_meta(ids: str) -> str:
    """SQL statements that rebuild the `annotation_meta_fts` rows of the annotations whose
    ids the subquery `ids` gives."""
    return f"""DELETE FROM annotation_meta_fts WHERE rowid IN ({ids});
        {_meta_rows(ids)};"""


def _count_change(article: str, sign: str, annotation: str, note: str) -> str:
    """SQL: add (`sign` "+") or take away ("-") one annotation's share of its article's
    counts. `annotation` is its id, `note` its note (an expression of new. or old.)."""
    claim = f"EXISTS (SELECT 1 FROM claims WHERE annotation_id = {annotation})"
    return f"""UPDATE article_stats SET
            annotations = annotations {sign} 1,
            claims = claims {sign} {claim},
            notes = notes {sign} ({_noted(note)} AND NOT {claim})
        WHERE article_id = {article};"""


@migrations()
def m006_library_search_counts_positions(db: Database) -> None:
    """The library at scale.

    - `annotation_meta_fts`: full-text search over each annotation's claimant, source
      chain and tags (its quote and note are in `annotations_fts`), kept by triggers.
    - `article_stats`: each article's length, paragraphs and counts of annotations, notes
      and claims, and copies of its dates and previous_id, kept by triggers, so that the
      library lists and sorts 30,000 articles without counting 100,000 annotations or
      reading their texts.
    - `reading_positions`: where the reader was in each article.
    - Indexes for the library's orders (title, added, last opened, the counts).
    - Article ids are never given out twice (AUTOINCREMENT, as m003 did for annotations),
      so that undoing a delete puts an article back under its own id even when another
      article was added since.
    """
    _articles_autoincrement(db)
    _run(
        db,
        "CREATE VIRTUAL TABLE annotation_meta_fts USING fts5(claimant, sources, tags)",
        # The dates, previous_id, site and published date are copies of the article's: in
        # `articles` they come after the text, and reading them there walks its pages.
        """CREATE TABLE article_stats (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            length INTEGER NOT NULL,
            paragraphs INTEGER NOT NULL,
            annotations INTEGER NOT NULL DEFAULT 0,
            notes INTEGER NOT NULL DEFAULT 0,
            claims INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT,
            last_opened_at TEXT,
            previous_id INTEGER,
            site_name TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE reading_positions (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            "offset" INTEGER NOT NULL CHECK ("offset" >= 0),
            top INTEGER NOT NULL CHECK (top >= 0),
            saved_at TEXT NOT NULL
        )""",
        "CREATE INDEX idx_articles_title ON articles(title COLLATE NOCASE)",
        "CREATE INDEX idx_articles_imported ON articles(imported_at)",
        "CREATE INDEX idx_articles_opened ON articles(coalesce(last_opened_at, imported_at))",
        "CREATE INDEX idx_article_stats_annotations ON article_stats(annotations)",
        "CREATE INDEX idx_article_stats_notes ON article_stats(notes)",
        "CREATE INDEX idx_article_stats_claims ON article_stats(claims)",
        # Whether any article came from the web (the library then shows site and date).
        """CREATE INDEX idx_article_stats_web ON article_stats(article_id)
           WHERE site_name != '' OR published != ''""",
        # Backfill.
        f"""INSERT INTO article_stats (article_id, imported_at, last_opened_at, previous_id,
                site_name, published, length, paragraphs, annotations, notes, claims)
            SELECT a.id, a.imported_at, a.last_opened_at, a.previous_id, a.site_name,
                a.published, length(a.text),
                length(a.text) - length(replace(a.text, char(10), '')) + 1,
                (SELECT count(*) FROM annotations n WHERE n.article_id = a.id),
                (SELECT count(*) FROM annotations n WHERE n.article_id = a.id
                    AND {_noted("n.note")}
                    AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.annotation_id = n.id)),
                (SELECT count(*) FROM annotations n JOIN claims c ON c.annotation_id = n.id
                    WHERE n.article_id = a.id)
            FROM articles a""",
        _meta_rows("SELECT id FROM annotations"),
        # Article counts.
        """CREATE TRIGGER article_stats_ai AFTER INSERT ON articles BEGIN
            INSERT OR REPLACE INTO article_stats (article_id, imported_at, last_opened_at,
                previous_id, site_name, published, length, paragraphs)
            VALUES (new.id, new.imported_at, new.last_opened_at, new.previous_id,
                    new.site_name, new.published, length(new.text),
                    length(new.text) - length(replace(new.text, char(10), '')) + 1);
        END""",
        """CREATE TRIGGER article_stats_au_copies
        AFTER UPDATE OF imported_at, last_opened_at, previous_id, site_name, published
        ON articles BEGIN
            UPDATE article_stats SET imported_at = new.imported_at,
                last_opened_at = new.last_opened_at, previous_id = new.previous_id,
                site_name = new.site_name, published = new.published
            WHERE article_id = new.id;
        END""",
        """CREATE TRIGGER article_stats_au AFTER UPDATE OF text ON articles BEGIN
            UPDATE article_stats SET length = length(new.text),
                paragraphs = length(new.text) - length(replace(new.text, char(10), '')) + 1
            WHERE article_id = new.id;
        END""",
        # A new annotation has no claim yet (the claim row refers to it).
        f"""CREATE TRIGGER article_counts_ai AFTER INSERT ON annotations BEGIN
            UPDATE article_stats SET annotations = annotations + 1,
                notes = notes + {_noted("new.note")}
            WHERE article_id = new.article_id;
        END""",
        # BEFORE: the claim (a child row, removed by the cascade after the annotation row)
        # is still there to say whether the annotation counted as a claim or a note.
        f"""CREATE TRIGGER article_counts_bd BEFORE DELETE ON annotations BEGIN
            {_count_change("old.article_id", "-", "old.id", "old.note")}
        END""",
        f"""CREATE TRIGGER article_counts_au AFTER UPDATE OF note, article_id ON annotations
        BEGIN
            {_count_change("old.article_id", "-", "old.id", "old.note")}
            {_count_change("new.article_id", "+", "new.id", "new.note")}
        END""",
        f"""CREATE TRIGGER article_counts_claim_ai AFTER INSERT ON claims BEGIN
            UPDATE article_stats SET claims = claims + 1,
                notes = notes - (SELECT {_noted("note")} FROM annotations
                                 WHERE id = new.annotation_id)
            WHERE article_id = (SELECT article_id FROM annotations WHERE id = new.annotation_id);
        END""",
        # A claim removed from an annotation that stays (when the annotation itself goes,
        # its row is already gone here and its BEFORE DELETE trigger has counted it).
        f"""CREATE TRIGGER article_counts_claim_ad AFTER DELETE ON claims BEGIN
            UPDATE article_stats SET claims = claims - 1,
                notes = notes + (SELECT {_noted("note")} FROM annotations
                                 WHERE id = old.annotation_id)
            WHERE article_id = (SELECT article_id FROM annotations WHERE id = old.annotation_id);
        END""",
        # Search over claimants, sources and tags.
        f"""CREATE TRIGGER annotation_meta_claim_ai AFTER INSERT ON claims BEGIN
            {_refresh_meta("SELECT new.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_claim_au AFTER UPDATE ON claims BEGIN
            {_refresh_meta("SELECT old.annotation_id UNION SELECT new.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_claim_ad AFTER DELETE ON claims BEGIN
            {_refresh_meta("SELECT old.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_source_ai AFTER INSERT ON claim_sources BEGIN
            {_refresh_meta("SELECT new.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_source_au AFTER UPDATE ON claim_sources BEGIN
            {_refresh_meta("SELECT old.annotation_id UNION SELECT new.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_source_ad AFTER DELETE ON claim_sources BEGIN
            {_refresh_meta("SELECT old.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_tag_ai AFTER INSERT ON annotation_tags BEGIN
            {_refresh_meta("SELECT new.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_tag_ad AFTER DELETE ON annotation_tags BEGIN
            {_refresh_meta("SELECT old.annotation_id")}
        END""",
        f"""CREATE TRIGGER annotation_meta_tag_au AFTER UPDATE OF name ON tags BEGIN
            {_refresh_meta("SELECT annotation_id FROM annotation_tags WHERE tag_id = new.id")}
        END""",
        """CREATE TRIGGER annotation_meta_ad AFTER DELETE ON annotations BEGIN
            DELETE FROM annotation_meta_fts WHERE rowid = old.id;
        END""",
    )


@migrations()
def m007_moved_notes_and_reverts(db: Database) -> None:
    """Two things versions needed since m005.

    - `annotations.moved` (0 or 1): a new version carried the note onto the same words
      found elsewhere, while its own were deleted or rewritten around it; it is flagged
      for the user to check (like a changed one) until accepted or marked anew.
    - `articles.repeat`: 0 for the first stored text with its sha256; 1, 2, ... for a
      later version that brought back the very text of an older one (a revert). The
      sha256 index stays unique, over (sha256, repeat): a revert is a new version row, so
      the newest version is always the text as it now is and history stays in order."""
    _run(
        db,
        """ALTER TABLE annotations ADD COLUMN moved INTEGER NOT NULL DEFAULT 0
           CHECK (moved IN (0, 1))""",
        'ALTER TABLE articles ADD COLUMN "repeat" INTEGER NOT NULL DEFAULT 0 CHECK ("repeat" >= 0)',
        "DROP INDEX idx_articles_sha256",
        'CREATE UNIQUE INDEX idx_articles_sha256 ON articles(sha256, "repeat")',
    )


def registered_names() -> tuple[str, ...]:
    """The names of the registered steps, in order: what an empty database has pending."""
    return tuple(step.name for step in migrations.pending(Database(memory=True)))


_registered = registered_names()
if _registered != MIGRATION_NAMES:  # pragma: no cover - a developer error, caught by tests
    raise RuntimeError(f"claimmark.store.schema.MIGRATION_NAMES {MIGRATION_NAMES} != {_registered}")
