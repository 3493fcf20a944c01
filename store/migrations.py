"""Schema migrations, applied in order by sqlite-utils' `Migrations`.

One function per step, numbered. A released step is never edited: change the schema by
adding a step. `Store` applies pending steps when it opens a database.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from claimmark.store.schema import MIGRATION_NAMES, MIGRATION_SET

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
