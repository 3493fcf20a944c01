"""Ids are never reused, and undo never overwrites or deletes what it did not write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from claimmark.store.errors import Conflict
from claimmark.store.migrations import migrations
from claimmark.store.models import AnnotationDraft, Claim
from claimmark.store.schema import MIGRATION_NAMES
from claimmark.store.store import Store
from tests.conftest import ARTICLE_TEXT


def test_a_deleted_annotation_id_is_never_given_out_again(store: Store, article) -> None:
    first = store.create_annotation(AnnotationDraft(article.id, 0, 3))
    newest = store.create_annotation(AnnotationDraft(article.id, 4, 14))
    store.delete_annotation(newest.id)
    again = store.create_annotation(AnnotationDraft(article.id, 4, 14, note="CLI NOTE"))
    assert again.id not in (first.id, newest.id)


def test_undo_of_a_delete_never_overwrites_another_processs_annotation(
    tmp_path: Path,
) -> None:
    # The TUI deletes its newest annotation; another process annotates; the TUI undoes.
    db = tmp_path / "lib.db"
    tui, cli = Store(db), Store(db)
    try:
        article = tui.add_article("T", "", "/t.txt", ARTICLE_TEXT).article
        mine = tui.create_annotation(AnnotationDraft(article.id, 0, 3, note="mine"))
        deleted = tui.delete_annotation(mine.id)
        theirs = cli.create_annotation(AnnotationDraft(article.id, 4, 14, note="CLI NOTE"))
        restored = tui.restore_annotation(deleted, expected=None)
        assert restored.note == "mine"
        notes = sorted(a.note for a in cli.list_annotations(article.id))
        assert notes == ["CLI NOTE", "mine"]
        assert cli.get_annotation(theirs.id).note == "CLI NOTE"
    finally:
        tui.close()
        cli.close()


def test_restore_refuses_a_row_it_did_not_delete(store: Store, article) -> None:
    a = store.create_annotation(AnnotationDraft(article.id, 0, 3, note="v1"))
    b = store.update_annotation(a.id, note="v2")
    elsewhere = store.update_annotation(a.id, note="edited in another window")
    # Undoing v1 -> v2 expects v2 there; it finds another edit and changes nothing.
    with pytest.raises(Conflict, match="changed elsewhere") as refused:
        store.restore_annotation(a, expected=b)
    assert "\n" not in str(refused.value)
    assert store.get_annotation(a.id) == elsewhere
    # Undoing a delete when the row is back (restored by another window) changes nothing.
    with pytest.raises(Conflict):
        store.restore_annotation(a, expected=None)
    assert store.get_annotation(a.id) == elsewhere


def test_delete_with_an_expected_state_refuses_a_changed_row(store: Store, article) -> None:
    a = store.create_annotation(AnnotationDraft(article.id, 0, 3))
    store.update_annotation(a.id, note="edited elsewhere")
    with pytest.raises(Conflict):
        store.delete_annotation(a.id, expected=a)
    assert store.get_annotation(a.id).note == "edited elsewhere"


def _old_database(path: Path) -> None:
    """A library made by the steps before m003 (what claimmark 0.1 wrote)."""
    db = Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before="m003_ids_never_reused")
    assert [m.name for m in migrations.applied(db)] == list(MIGRATION_NAMES[:2])
    db.conn.close()


def test_m003_keeps_everything_of_an_old_library(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        """INSERT INTO articles (id, title, source, text, sha256, imported_at)
           VALUES (1, 'Flood plan', '/f.txt', ?, 'abc', '2026-01-01T00:00:00+00:00')""",
        [ARTICLE_TEXT],
    )
    for i, (start, end, note) in enumerate([(0, 3, "barrier note"), (4, 14, ""), (15, 20, "x")]):
        conn.execute(
            """INSERT INTO annotations (id, article_id, start, "end", quote, note,
                   created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, 't', 't')""",
            [i + 1, start, end, ARTICLE_TEXT[start:end], note],
        )
    conn.execute("INSERT INTO tags (id, name) VALUES (1, 'flood')")
    conn.execute("INSERT INTO annotation_tags VALUES (1, 1), (2, 1)")
    conn.execute("INSERT INTO claims (annotation_id, claimant) VALUES (1, 'officials')")
    conn.execute("INSERT INTO claim_sources VALUES (1, 0, 'Gazette')")
    conn.execute("INSERT INTO claim_evidence VALUES (1, 0, 'https://e.org')")
    # Annotation 4 was made and deleted before the upgrade: the journal remembers it.
    conn.execute(
        """INSERT INTO journal (at, action, annotation_id, article_id)
           VALUES ('t', 'delete', 4, 1)"""
    )
    conn.close()

    with Store(path) as store:
        applied = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert tuple(applied) == MIGRATION_NAMES
        schema = store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'annotations'"
        ).fetchone()[0]
        assert "AUTOINCREMENT" in schema
        notes = store.list_annotations(1)
        assert [(a.id, a.tags, a.note) for a in notes] == [
            (1, ("flood",), "barrier note"),
            (2, ("flood",), ""),
            (3, (), "x"),
        ]
        assert notes[0].claim == Claim("officials", ("Gazette",), evidence=("https://e.org",))
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        indexes = {r[1] for r in store.conn.execute("PRAGMA index_list(annotations)")}
        assert "idx_annotations_article" in indexes
        # Full-text search over notes still works, and its triggers follow new writes.
        hits = store.conn.execute(
            "SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH 'barrier'"
        ).fetchall()
        assert [h[0] for h in hits] == [1]
        new = store.create_annotation(AnnotationDraft(1, 21, 30, note="zebra"))
        assert new.id == 5  # not 4: the journal's deleted id is never given out again
        hits = store.conn.execute(
            "SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH 'zebra'"
        ).fetchall()
        assert [h[0] for h in hits] == [5]
        store.delete_annotation(1)  # cascades still work
        assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_lock_wait_zero_fails_fast_and_writes_nothing(tmp_path: Path) -> None:
    from claimmark.store.errors import Busy

    db = tmp_path / "lib.db"
    store = Store(db)
    article = store.add_article("T", "", "/t.txt", ARTICLE_TEXT).article
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        store.lock_wait = 0
        with pytest.raises(Busy, match="locked by another program"):
            store.create_annotation(AnnotationDraft(article.id, 0, 3))
        assert store.list_annotations(article.id) == []  # reads still work meanwhile
    finally:
        other.execute("COMMIT")
        other.close()
    store.create_annotation(AnnotationDraft(article.id, 0, 3))
    assert len(store.list_annotations(article.id)) == 1
    store.close()


def test_data_version_changes_for_other_writers_only(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    mine, theirs = Store(db), Store(db)
    try:
        article = mine.add_article("T", "", "/t.txt", ARTICLE_TEXT).article
        seen = mine.data_version()
        mine.create_annotation(AnnotationDraft(article.id, 0, 3))
        assert mine.data_version() == seen
        theirs.create_annotation(AnnotationDraft(article.id, 4, 9))
        assert mine.data_version() != seen
    finally:
        mine.close()
        theirs.close()


def test_an_old_read_only_library_can_still_be_read(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        """INSERT INTO articles (id, title, source, text, sha256, imported_at)
           VALUES (1, 'Old story', '/o.txt', 'Old text.', 'abc', '2026-01-01T00:00:00+00:00')"""
    )
    conn.close()
    path.chmod(0o444)
    try:
        with Store(path) as store:
            assert store.read_only
            assert [a.title for a in store.list_articles()] == ["Old story"]
    finally:
        path.chmod(0o644)
    with Store(path) as store:  # writable again: the upgrade runs
        schema = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'annotations'")
        assert "AUTOINCREMENT" in schema.fetchone()[0]
