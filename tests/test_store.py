"""The store against real SQLite files: schema, migrations, articles, annotations, errors,
and two processes writing at once."""

from __future__ import annotations

import json
import multiprocessing
import re
import sqlite3
import subprocess
import sys
from enum import StrEnum
from pathlib import Path

import pytest

from claimmark.store import (
    Ambiguous,
    AnnotationDraft,
    Attribution,
    Claim,
    ClaimStatus,
    Confidence,
    InvalidInput,
    NotFound,
    StoreError,
)
from claimmark.store.schema import MIGRATION_NAMES
from claimmark.store.store import Store
from tests.conftest import ARTICLE_TEXT

ROOT = Path(__file__).resolve().parent.parent


def test_store_never_imports_textual() -> None:
    code = (
        "import importlib, pkgutil, sys\nimport claimmark.store as store\n"
        "names = [m.name for m in pkgutil.walk_packages(store.__path__, 'claimmark.store.')]\n"
        "assert len(names) >= 8, names\n"
        "for name in names: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_opening_without_pending_migrations_skips_sqlite_utils(tmp_path: Path) -> None:
    Store(tmp_path / "a.db").close()
    code = (
        "import sys\nfrom claimmark.store.store import Store\n"
        f"Store({str(tmp_path / 'a.db')!r}).close()\n"
        "print('sqlite_utils' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_new_database_has_schema_wal_and_foreign_keys(store: Store) -> None:
    tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master")}
    for name in (
        "articles",
        "annotations",
        "tags",
        "annotation_tags",
        "claims",
        "claim_sources",
        "claim_evidence",
        "journal",
        "articles_fts",
        "annotations_fts",
        "settings",
        "suggestion_dismissals",
    ):
        assert name in tables
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    applied = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == list(MIGRATION_NAMES)


def test_migration_names_match_registered_steps() -> None:
    from claimmark.store.migrations import registered_names

    assert registered_names() == MIGRATION_NAMES


@pytest.mark.parametrize(
    ("column", "values"),
    [("status", ClaimStatus), ("confidence", Confidence), ("attribution", Attribution)],
)
def test_claims_check_constraint_allows_exactly_the_enum(
    store: Store, column: str, values: type[StrEnum]
) -> None:
    # The CHECK lists live in a released migration step that is never edited: if the enum
    # gains a value, a new step must widen the constraint.
    sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    match = re.search(rf"CHECK \({column} IN\s*\(([^)]*)\)\)", sql)
    assert match is not None, f"no CHECK on claims.{column}"
    allowed = {value.strip().strip("'") for value in match.group(1).split(",")}
    assert allowed == {member.value for member in values}


def test_database_made_by_migration_one_opens_unchanged(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from claimmark.store.migrations import migrations

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before=MIGRATION_NAMES[1])
    db.execute(
        "INSERT INTO articles (title, byline, source, text, sha256, imported_at) "
        "VALUES ('Old', 'By A', '/x.txt', 'Some text here.', 'abc', '2026-01-01T00:00:00+00:00')"
    )
    db.execute(
        'INSERT INTO annotations (article_id, start, "end", quote, created_at, updated_at) '
        "VALUES (1, 0, 4, 'Some', '2026-01-01', '2026-01-01')"
    )
    db.execute("INSERT INTO claims (annotation_id, claimant, status) VALUES (1, 'A', 'false')")
    db.conn.commit()
    db.close()

    with Store(path) as store:
        article = store.get_article(1)
        assert (article.title, article.text) == ("Old", "Some text here.")
        [annotation] = store.list_annotations(1)
        assert annotation.quote == "Some"
        assert annotation.claim is not None
        assert annotation.claim.status is ClaimStatus.FALSE
        store.set_setting("export_dir", "/tmp/x")  # the new step's table exists
        assert store.get_setting("export_dir") == "/tmp/x"


def test_add_article_new_existing_and_new_version(store: Store) -> None:
    first = store.add_article("Title", "By A", "/a.txt", "One.\nTwo.")
    assert first.status == "new"
    again = store.add_article("Title", "By A", "/a.txt", "One.\nTwo.")
    assert again.status == "existing"
    assert again.article.id == first.article.id
    changed = store.add_article("Title", "By A", "/a.txt", "One.\nTwo, corrected.")
    assert changed.status == "new-version"
    assert changed.article.previous_id == first.article.id
    assert store.get_article(first.article.id).text == "One.\nTwo."  # old text kept
    assert [a.id for a in store.list_articles()] == [changed.article.id]
    assert len(store.list_articles(all_versions=True)) == 2


def test_list_articles_counts_and_recent_first(store: Store, article) -> None:
    other = store.add_article("Another story", "", "/b.txt", "Text b.").article
    store.create_annotation(AnnotationDraft(article.id, 0, 14))
    store.create_annotation(AnnotationDraft(article.id, 4, 14, claim=Claim(claimant="x")))
    store.mark_opened(article.id)
    summaries = store.list_articles()
    assert [s.id for s in summaries] == [article.id, other.id]
    assert summaries[0].annotation_count == 2
    assert summaries[0].claim_count == 1
    assert summaries[0].last_opened_at is not None
    assert summaries[1].length == len("Text b.")


def test_find_article_by_id_path_and_title(store: Store, tmp_path: Path) -> None:
    a = store.add_article("Flood barrier plan", "", str(tmp_path / "f.txt"), "x.").article
    b = store.add_article("Flood insurance costs", "", "/other.txt", "y.").article
    (tmp_path / "f.txt").write_text("x")
    assert store.find_article(str(a.id)).id == a.id
    assert store.find_article(str(tmp_path / "f.txt")).id == a.id
    assert store.find_article("BARRIER").id == a.id
    assert store.find_article("flood insurance costs").id == b.id
    with pytest.raises(Ambiguous, match="matches 2 articles"):
        store.find_article("flood")
    with pytest.raises(NotFound):
        store.find_article("nothing like this")
    with pytest.raises(NotFound):
        store.find_article("999")
    with pytest.raises(NotFound):
        store.find_article("100%_")


def test_create_annotation_stores_quote_context_tags_and_claim(store: Store, article) -> None:
    start = ARTICLE_TEXT.index("two officials said")
    end = start + len("two officials said")
    claim = Claim(
        claimant="two officials",
        sources=("Harbour Gazette", "Reuters", "two officials"),
        status=ClaimStatus.DISPUTED,
        confidence=Confidence.HIGH,
        attribution=Attribution.ANONYMOUS,
        evidence=("https://example.org/report",),
    )
    created = store.create_annotation(
        AnnotationDraft(
            article.id,
            start,
            end,
            color="yellow",
            note="Check *this*",
            tags=("Flood", "policy", "flood"),
            claim=claim,
        )
    )
    assert created.quote == "two officials said"
    assert created.prefix == ARTICLE_TEXT[start - 32 : start]
    assert created.suffix == ARTICLE_TEXT[end : end + 32]
    assert created.tags == ("Flood", "policy")
    assert created.claim == claim
    assert created.kind == "claim"
    # on disk: a second connection sees it at once
    other = sqlite3.connect(store.path)
    assert other.execute("SELECT quote FROM annotations").fetchone()[0] == "two officials said"
    names = [r[0] for r in other.execute("SELECT name FROM claim_sources ORDER BY position")]
    assert names == ["Harbour Gazette", "Reuters", "two officials"]
    other.close()
    assert store.list_annotations(article.id) == [created]
    assert store.list_tags() == ["Flood", "policy"]
    assert store.claimants() == ["two officials"]
    assert store.claim_sources() == ["Harbour Gazette", "Reuters", "two officials"]


def test_tags_are_unique_ignoring_case(store: Store, article) -> None:
    store.create_annotation(AnnotationDraft(article.id, 0, 3, tags=("Climate",)))
    second = store.create_annotation(AnnotationDraft(article.id, 4, 9, tags=("climate",)))
    assert second.tags == ("Climate",)
    assert store.list_tags() == ["Climate"]


def test_update_delete_restore_and_journal(store: Store, article) -> None:
    a = store.create_annotation(AnnotationDraft(article.id, 0, 14, tags=("x",)))
    b = store.update_annotation(
        a.id, note="A note", tags=("y", "z"), claim=Claim(claimant="minister")
    )
    assert (b.note, b.tags, b.claim.claimant) == ("A note", ("y", "z"), "minister")
    assert b.quote == a.quote
    c = store.update_annotation(a.id, start=4, end=14, claim=None)
    assert c.quote == ARTICLE_TEXT[4:14] and c.claim is None and c.note == "A note"
    deleted = store.delete_annotation(a.id)
    assert deleted == c
    assert store.list_annotations(article.id) == []
    restored = store.restore_annotation(b, expected=None)  # undo back to an earlier state
    assert restored == b
    assert [e.action for e in store.journal(article.id)] == [
        "create",
        "update",
        "update",
        "delete",
        "restore",
    ]
    last = store.journal(article.id)[-1]
    assert last.before is None and last.after["note"] == "A note"


def test_invalid_annotations_change_nothing(store: Store, article) -> None:
    with pytest.raises(InvalidInput):
        store.create_annotation(AnnotationDraft(article.id, 5, 5))
    with pytest.raises(InvalidInput):
        store.create_annotation(AnnotationDraft(article.id, 0, len(ARTICLE_TEXT) + 1))
    with pytest.raises(InvalidInput, match="http"):
        store.create_annotation(
            AnnotationDraft(article.id, 0, 4, claim=Claim(evidence=("not a url",)))
        )
    with pytest.raises(InvalidInput):
        store.create_annotation(AnnotationDraft(article.id, 0, 4, tags=("x" * 65,)))
    with pytest.raises(NotFound):
        store.create_annotation(AnnotationDraft(999, 0, 4))
    with pytest.raises(NotFound):
        store.update_annotation(12345, note="x")
    assert store.list_annotations(article.id) == []
    assert store.journal() == []


def test_list_claims_filters(store: Store, article) -> None:
    store.create_annotation(
        AnnotationDraft(article.id, 0, 10, tags=("flood",), claim=Claim(claimant="Two officials"))
    )
    store.create_annotation(
        AnnotationDraft(
            article.id, 20, 30, claim=Claim(claimant="the minister", status=ClaimStatus.FALSE)
        )
    )
    store.create_annotation(AnnotationDraft(article.id, 40, 50))
    assert len(store.list_claims()) == 2
    assert [r.annotation.claim.claimant for r in store.list_claims(claimant="OFFICIALS")] == [
        "Two officials"
    ]
    assert [r.annotation.start for r in store.list_claims(status="false")] == [20]
    assert [r.annotation.start for r in store.list_claims(tag="Flood")] == [0]
    assert store.list_claims()[0].article_title == article.title
    with pytest.raises(InvalidInput, match="unknown status"):
        store.list_claims(status="maybe")


def test_dismissed_suggestions_and_settings(store: Store, article) -> None:
    store.dismiss_suggestion(article.id, 0, 10)
    store.dismiss_suggestion(article.id, 0, 10)
    assert store.dismissed_suggestions(article.id) == {(0, 10)}
    assert store.get_setting("missing", "d") == "d"
    store.set_setting("k", "1")
    store.set_setting("k", "2")
    assert store.get_setting("k") == "2"


def test_full_text_search(store: Store, article) -> None:
    store.add_article("Other", "", "/o.txt", "Nothing about water here.")
    assert [hit.article_id for hit in store.search("barrier").hits] == [article.id]
    assert store.search("water").hits[0].title == "Other"


def test_not_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"This is a text file, not a database.\n" * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a claimmark database"):
        Store(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a claimmark database"):
        Store(path)


def test_corrupt_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as s:
        s.add_article("T", "", "/t.txt", "Text " * 5000)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        s = Store(path)
        s.list_articles()
        s.get_article(1)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('claimmark', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer claimmark"):
        Store(path)


def test_read_only_database_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    with Store(path) as s:
        article = s.add_article("T", "", "/t.txt", "Some text.").article
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # readers of a read-only file need no -shm
    conn.close()
    path.chmod(0o444)
    try:
        with Store(path) as s:
            assert s.get_article(article.id).text == "Some text."
            with pytest.raises(StoreError, match="read-only"):
                s.create_annotation(AnnotationDraft(article.id, 0, 4))
            assert s.list_annotations(article.id) == []
    finally:
        path.chmod(0o644)


def test_database_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def _writer(path: str, article_id: int, worker: int, count: int) -> None:
    s = Store(path)
    for i in range(count):
        s.create_annotation(
            AnnotationDraft(
                article_id, i % 50, i % 50 + 5, note=f"w{worker}-{i}", tags=(f"t{worker}",)
            )
        )
    s.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with Store(path) as s:
        article = s.add_article("T", "", "/t.txt", "x" * 100).article
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_writer, args=(str(path), article.id, w, 60)) for w in range(2)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    with Store(path) as s:
        notes = {a.note for a in s.list_annotations(article.id)}
        assert notes == {f"w{w}-{i}" for w in range(2) for i in range(60)}
        assert len(s.journal(article.id)) == 120


def test_annotation_dicts_round_trip(store: Store, article) -> None:
    from claimmark.store.models import annotation_from_dict, annotation_to_dict

    a = store.create_annotation(
        AnnotationDraft(
            article.id,
            0,
            10,
            note="n",
            tags=("a",),
            claim=Claim(claimant="c", sources=("s1", "s2"), evidence=("https://x.org",)),
        )
    )
    assert annotation_from_dict(json.loads(json.dumps(annotation_to_dict(a)))) == a


def test_store_creates_missing_folders(tmp_path: Path) -> None:
    with Store(tmp_path / "deep" / "er" / "x.db") as s:
        assert s.path.exists()


def test_transaction_is_all_or_nothing(store: Store, article) -> None:
    with pytest.raises(InvalidInput):
        with store.transaction():
            store.create_annotation(AnnotationDraft(article.id, 0, 4))
            store.create_annotation(AnnotationDraft(article.id, 5, 9))
            store.create_annotation(AnnotationDraft(article.id, 9, 9))  # invalid: empty
    assert store.list_annotations(article.id) == []
    with store.transaction():
        store.create_annotation(AnnotationDraft(article.id, 0, 4))
        with store.transaction():
            store.create_annotation(AnnotationDraft(article.id, 5, 9))
    assert len(store.list_annotations(article.id)) == 2


def test_annotating_an_article_read_before_and_deleted_since_is_refused(store: Store) -> None:
    """The store keeps the last texts it sliced quotes from; an article deleted since (here
    and from another connection) is still refused, and spans are still checked."""
    kept = store.add_article("Kept", "", "/kept.txt", ARTICLE_TEXT).article
    gone = store.add_article("Gone", "", "/gone.txt", "Another text, to be deleted.").article
    first = store.create_annotation(AnnotationDraft(gone.id, 0, 7))
    assert (first.quote, first.suffix) == ("Another", " text, to be deleted.")
    other = Store(store.path, check="skip")
    other.delete_articles([gone.id])
    other.close()
    with pytest.raises(NotFound):
        store.create_annotation(AnnotationDraft(gone.id, 0, 7))
    store.create_annotation(AnnotationDraft(kept.id, 4, 14))  # cached now
    with pytest.raises(InvalidInput):
        store.create_annotation(AnnotationDraft(kept.id, 10, len(ARTICLE_TEXT) + 1))
    again = store.create_annotation(AnnotationDraft(kept.id, 4, 14))
    assert again.quote == ARTICLE_TEXT[4:14] and again.prefix == ARTICLE_TEXT[:4]
