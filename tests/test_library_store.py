"""The library at scale, in the store: search, sorting, kept counts, reading positions,
deleting articles with undo, and tags across the library. Real SQLite files only."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimmark.store.errors import InvalidInput, NotFound
from claimmark.store.models import AnnotationDraft, Claim, LibrarySort
from claimmark.store.schema import MIGRATION_NAMES
from claimmark.store.store import Store

FLOOD = (
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Speaking on Monday, the environment minister told reporters that a decision is close.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029.\n"
    "Critics say the sediment survey was never published."
)
WAITS = "Waiting times rose again in March.\nThe health board blamed staff shortages."


@pytest.fixture
def lib(store: Store) -> Store:
    flood = store.add_article("Coastal flood plan backed", "By Jane", "/flood.txt", FLOOD).article
    waits = store.add_article("Hospital waiting times", "By Sam", "/waits.txt", WAITS).article
    store.create_annotation(
        AnnotationDraft(flood.id, 4, 14, note="check the **budget** line", tags=("Policy",))
    )
    store.create_annotation(
        AnnotationDraft(
            flood.id,
            FLOOD.index("the environment"),
            FLOOD.index(" told"),
            claim=Claim(claimant="Environment minister", sources=("Harbour Gazette", "Reuters")),
            tags=("flood", "policy-watch"),
        )
    )
    store.create_annotation(AnnotationDraft(waits.id, 0, 13, tags=("health",)))
    return store


def where(store: Store, query: str, **options: object) -> list[tuple[int, str]]:
    return [(hit.article_id, hit.where) for hit in store.search(query, **options).hits]  # type: ignore[arg-type]


# -- search --------------------------------------------------------------------------


def test_search_finds_every_field_and_says_where(lib: Store) -> None:
    assert where(lib, "sediment") == [(1, "¶4")]
    assert where(lib, "hospital") == [(2, "title")]
    assert where(lib, "budget") == [(1, "¶1 note")]
    assert (1, "¶2 claim (claimant)") in where(lib, "minister")
    assert where(lib, "gazette") == [(1, "¶2 claim (sources)")]
    assert where(lib, "reuters") == [(1, "¶2 claim (sources)")]
    assert where(lib, "health") == [(2, "¶1 highlight (tags)"), (2, "¶2")]
    assert where(lib, "watch") == [(1, "¶2 claim (tags)")]


def test_hit_gives_snippet_marks_and_the_match_offsets(lib: Store) -> None:
    [hit] = lib.search("sediment").hits
    assert hit.kind == "text" and hit.paragraph == 4
    assert FLOOD[hit.start : hit.end] == "sediment"
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["sediment"]
    [hit] = lib.search('"decision is close"').hits
    assert FLOOD[hit.start : hit.end] == "decision is close"
    quote_hit = next(h for h in lib.search("environment").hits if h.field == "quote")
    assert quote_hit.kind == "claim" and quote_hit.annotation_id == 2
    assert FLOOD[quote_hit.start : quote_hit.end] == "environment"


def test_snippet_is_cut_around_the_match_within_its_paragraph(store: Store) -> None:
    long = " ".join(f"word{i}" for i in range(200)) + " needle " + "tail " * 100
    store.add_article("Long", "", "/long.txt", "First paragraph.\n" + long + "\nLast.")
    [hit] = store.search("needle").hits
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "First" not in hit.snippet and len(hit.snippet) <= 202
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["needle"]


def test_phrase_prefix_boolean_and_column_queries(lib: Store) -> None:
    assert where(lib, '"flood barrier"') == [(1, "¶1")]
    assert where(lib, '"barrier flood"') == []
    assert {a for a, _ in where(lib, "sedi*")} == {1}
    assert {a for a, _ in where(lib, "sediment OR shortages")} == {1, 2}
    assert where(lib, "barrier AND sediment") == [(1, "¶1")]
    assert where(lib, "barrier NOT sediment") == []
    assert where(lib, "title:hospital") == [(2, "title")]
    assert where(lib, "note:budget") == [(1, "¶1 note")]
    assert where(lib, "NEAR(engineers barrier, 5)") == [(1, "¶3")]


@pytest.mark.parametrize(
    "query", ["don't", "covid-19", '"flood', "flood AND", "flood (", "NOT flood"]
)
def test_a_query_fts5_refuses_is_searched_as_plain_words(lib: Store, query: str) -> None:
    result = lib.search(query)
    assert result.plain_words
    assert '"' in result.query


def test_refused_query_still_finds_its_words(lib: Store) -> None:
    result = lib.search("flood-barrier")
    assert result.plain_words and (1, "¶1") in where(lib, "flood-barrier")
    assert where(lib, '"sediment') == [(1, "¶4")]


@pytest.mark.parametrize("query", ["", "   ", "***", '"', "()", "AND", "NOT OR"])
def test_empty_search_is_refused_in_one_line(lib: Store, query: str) -> None:
    with pytest.raises(InvalidInput) as error:
        lib.search(query)
    assert "\n" not in str(error.value)


def test_titles_rank_above_text_and_limit_says_there_is_more(store: Store) -> None:
    store.add_article("Nothing here", "", "/1.txt", "A barrier is mentioned once.")
    store.add_article("The barrier", "", "/2.txt", "Something else entirely.")
    hits = store.search("barrier").hits
    assert [h.title for h in hits] == ["The barrier", "Nothing here"]
    result = store.search("barrier", limit=1)
    assert len(result.hits) == 1 and result.more
    with pytest.raises(InvalidInput):
        store.search("barrier", limit=0)


def test_only_the_newest_version_is_searched_unless_asked(store: Store) -> None:
    old = store.add_article("Story", "", "/s.txt", "The old wording about sediment.").article
    new = store.add_article("Story", "", "/s.txt", "The new wording about silt.").article
    assert new.previous_id == old.id
    assert where(store, "sediment") == []
    assert where(store, "sediment", all_versions=True) == [(old.id, "¶1")]
    assert where(store, "silt") == [(new.id, "¶1")]


def test_index_follows_edits_deletes_and_tag_renames(lib: Store) -> None:
    lib.update_annotation(1, note="now about tariffs")
    assert where(lib, "budget") == [] and where(lib, "tariffs") == [(1, "¶1 note")]
    lib.update_annotation(2, claim=Claim(claimant="Treasury spokesperson"))
    assert where(lib, "gazette") == [] and (1, "¶2 claim (claimant)") in where(lib, "treasury")
    lib.rename_tag("health", "wellbeing")
    assert where(lib, "wellbeing") == [(2, "¶1 highlight (tags)")]
    lib.delete_annotation(3)
    assert where(lib, "wellbeing") == []


# -- sorting and counts --------------------------------------------------------------


def test_library_sorts_by_each_order_and_reverses(store: Store) -> None:
    ids = []
    for i, title in enumerate(["banana", "Apple", "cherry"]):
        article = store.add_article(
            title, "", f"/{i}.txt", f"Text {i}.", imported_at=f"2026-01-0{i + 1}"
        )
        ids.append(article.article.id)
    banana, apple, cherry = ids
    store.create_annotation(AnnotationDraft(apple, 0, 4, note="n"))
    store.create_annotation(AnnotationDraft(apple, 0, 4))
    store.create_annotation(AnnotationDraft(cherry, 0, 4, claim=Claim(claimant="X")))
    store.mark_opened(banana)
    assert store.library_ids(LibrarySort.TITLE) == [apple, banana, cherry]
    assert store.library_ids("title", reverse=True) == [cherry, banana, apple]
    assert store.library_ids("added") == [cherry, apple, banana]
    assert store.library_ids("opened") == [banana, cherry, apple]
    assert store.library_ids("annotations")[0] == apple
    assert store.library_ids("notes")[0] == apple
    assert store.library_ids("claims")[0] == cherry
    assert store.library_ids("title", limit=2) == [apple, banana]
    assert store.library_count() == 3
    with pytest.raises(InvalidInput):
        store.library_ids("colour")
    [summary] = store.article_summaries([banana])
    assert summary.last_opened_at == store.get_article(banana).last_opened_at is not None
    newer = store.add_article("banana", "", "/0.txt", "Text 0, changed.").article
    assert store.library_count() == 3 and store.library_count(all_versions=True) == 4
    assert store.article_summaries([newer.id])[0].previous_id == banana


def _recounted(store: Store, article_id: int) -> tuple[int, int, int]:
    kinds = [a.kind for a in store.list_annotations(article_id)]
    return len(kinds), kinds.count("note"), kinds.count("claim")


def _kept(store: Store, article_id: int) -> tuple[int, int, int]:
    [s] = store.article_summaries([article_id])
    return s.annotation_count, s.note_count, s.claim_count


_steps = st.lists(
    st.tuples(
        st.sampled_from(["create", "note", "unnote", "claim", "unclaim", "delete", "undo"]),
        st.integers(0, 5),
        st.sampled_from(["", "  \n", "a note", "\u00a0"]),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=_steps)
def test_kept_counts_always_equal_the_annotations(tmp_path: Path, steps: list) -> None:
    with Store(tmp_path / f"c{abs(hash(str(steps)))}.db") as store:
        article = store.add_article("A", "", "/a.txt", "Some words to mark up here.").article
        deleted = []
        for action, pick, note in steps:
            live = store.list_annotations(article.id)
            target = live[pick % len(live)] if live else None
            if action == "create" or target is None:
                claim = Claim(claimant="Y") if pick % 2 else None
                store.create_annotation(AnnotationDraft(article.id, 0, 4, note=note, claim=claim))
            elif action == "note":
                store.update_annotation(target.id, note=note or "x")
            elif action == "unnote":
                store.update_annotation(target.id, note="")
            elif action == "claim":
                store.update_annotation(target.id, claim=Claim(claimant="Z"))
            elif action == "unclaim":
                store.update_annotation(target.id, claim=None)
            elif action == "delete":
                deleted.append(store.delete_annotation(target.id))
            elif action == "undo" and deleted:
                store.restore_annotation(deleted.pop(), expected=None)
            assert _kept(store, article.id) == _recounted(store, article.id)


def test_counts_are_named_as_the_export_names_them(lib: Store) -> None:
    flood = lib.article_summaries([1])[0]
    assert (flood.annotation_count, flood.note_count, flood.claim_count) == (2, 1, 1)
    assert flood.length == len(FLOOD) and flood.paragraph_count == 4


def test_migration_backfills_counts_and_the_new_search_index(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from claimmark.store.migrations import migrations

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before=MIGRATION_NAMES[2])
    db.execute(
        "INSERT INTO articles (title, byline, source, text, sha256, imported_at) "
        "VALUES ('Old', '', '/x.txt', 'Some text.\nMore text.', 'abc', '2026-01-01')"
    )
    for note in ("", "a note", "claimed"):
        db.execute(
            'INSERT INTO annotations (article_id, start, "end", quote, note, created_at, '
            "updated_at) VALUES (1, 0, 4, 'Some', ?, '2026-01-01', '2026-01-01')",
            [note],
        )
    db.execute("INSERT INTO claims (annotation_id, claimant) VALUES (3, 'Ada Lovelace')")
    db.execute("INSERT INTO claim_sources (annotation_id, position, name) VALUES (3, 0, 'Wire')")
    db.execute("INSERT INTO tags (name) VALUES ('legacy')")
    db.execute("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 1)")
    db.conn.commit()
    db.close()
    with Store(path) as store:
        assert _kept(store, 1) == (3, 1, 1)
        [summary] = store.list_articles()
        assert summary.paragraph_count == 2 and summary.length == len("Some text.\nMore text.")
        assert where(store, "lovelace") == [(1, "¶1 claim (claimant)")]
        assert where(store, "wire") == [(1, "¶1 claim (sources)")]
        assert where(store, "legacy") == [(1, "¶1 highlight (tags)")]


# -- reading positions ---------------------------------------------------------------


def test_reading_position_is_saved_clamped_and_listed(lib: Store) -> None:
    assert lib.reading_position(1) is None
    assert lib.article_summaries([1])[0].read_percent is None
    lib.save_position(1, len(FLOOD) // 2, 10)
    position = lib.reading_position(1)
    assert position is not None and (position.offset, position.top) == (len(FLOOD) // 2, 10)
    assert lib.article_summaries([1])[0].read_percent == 50
    lib.save_position(1, 10**6)
    assert lib.reading_position(1).offset == len(FLOOD)  # type: ignore[union-attr]
    with pytest.raises(NotFound):
        lib.save_position(99, 0)


# -- deleting ------------------------------------------------------------------------


def _table_counts(store: Store) -> dict[str, int]:
    tables = [
        "articles",
        "annotations",
        "claims",
        "claim_sources",
        "annotation_tags",
        "journal",
        "articles_fts",
        "annotations_fts",
        "annotation_meta_fts",
        "article_stats",
        "reading_positions",
        "suggestion_dismissals",
    ]
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_delete_removes_every_version_and_index_row_and_restores_the_same_ids(lib: Store) -> None:
    newer = lib.add_article("Coastal flood plan backed", "By Jane", "/flood.txt", FLOOD + "\nMore.")
    assert newer.status == "new-version"
    new_id = newer.article.id  # the notes are carried to the new text (issue 10)
    lib.save_position(new_id, 5)
    lib.dismiss_suggestion(1, 0, 4)
    before = _table_counts(lib)
    annotations_before = lib.list_annotations(new_id)
    assert len(annotations_before) == 2
    deleted = lib.delete_articles([new_id])
    assert set(deleted.article_ids) == {1, newer.article.id}
    assert deleted.titles == ("Coastal flood plan backed",) and deleted.annotation_count == 2
    after = _table_counts(lib)
    assert after["articles"] == 1 and after["annotations"] == 1 and after["claims"] == 0
    assert after["reading_positions"] == 0 and after["suggestion_dismissals"] == 0
    assert after["articles_fts"] == 1 and after["annotations_fts"] == 1
    assert after["annotation_meta_fts"] == 1 and after["article_stats"] == 1
    assert lib.search("sediment OR gazette OR budget").hits == ()
    assert all(entry.article_id == 2 for entry in lib.journal())

    lib.restore_articles(deleted)
    assert _table_counts(lib) == before
    assert lib.list_annotations(new_id) == annotations_before
    assert lib.get_article(new_id).previous_id == 1
    assert [h.where for h in lib.search("gazette").hits] == ["¶2 claim (sources)"]
    assert _kept(lib, new_id) == (2, 1, 1)


def test_delete_of_an_unknown_article_changes_nothing(lib: Store) -> None:
    before = _table_counts(lib)
    with pytest.raises(NotFound):
        lib.delete_articles([1, 42])
    assert _table_counts(lib) == before


def test_undo_delete_brings_back_a_tag_deleted_since(lib: Store) -> None:
    deleted = lib.delete_articles([2])
    lib.conn.execute("DELETE FROM tags WHERE name = 'health'")  # no longer used: cleaned up
    lib.restore_articles(deleted)
    assert lib.list_annotations(2)[0].tags == ("health",)


def test_undo_delete_is_refused_when_the_article_was_added_again(lib: Store) -> None:
    deleted = lib.delete_articles([2])
    again = lib.add_article("Hospital waiting times", "By Sam", "/waits.txt", WAITS).article
    with pytest.raises(InvalidInput, match="added again"):
        lib.restore_articles(deleted)
    lib.delete_articles([again.id])
    lib.restore_articles(deleted)
    assert lib.get_article(2).title == "Hospital waiting times"


# -- tags ----------------------------------------------------------------------------


def test_tag_counts(lib: Store) -> None:
    lib.create_annotation(AnnotationDraft(2, 14, 18, tags=("policy",)))
    counts = {t.name: (t.annotations, t.articles) for t in lib.tag_counts()}
    assert counts == {"Policy": (2, 2), "flood": (1, 1), "policy-watch": (1, 1), "health": (1, 1)}
    assert lib.tag_counts()[0].name == "Policy"


def test_rename_merge_delete_and_undo_across_the_library(lib: Store) -> None:
    journal_before = len(lib.journal())
    change = lib.rename_tag("#policy", "Policy areas")
    assert (change.tag, change.into, change.annotation_count) == ("Policy", "Policy areas", 1)
    assert lib.get_annotation(1).tags == ("Policy areas",)
    assert len(lib.journal()) == journal_before + 1
    assert lib.journal()[-1].before["tags"] == ["Policy"]  # type: ignore[index]
    lib.undo_tag_change(change)
    assert lib.get_annotation(1).tags == ("Policy",)

    change = lib.rename_tag("policy", "POLICY")  # a change of case is a rename
    assert lib.get_annotation(1).tags == ("POLICY",)
    lib.undo_tag_change(change)
    assert lib.get_annotation(1).tags == ("Policy",)

    change = lib.merge_tags("policy-watch", "policy")
    assert lib.get_annotation(2).tags == ("flood", "Policy")
    assert "policy-watch" not in lib.list_tags()
    lib.undo_tag_change(change)
    assert lib.get_annotation(2).tags == ("flood", "policy-watch")

    change = lib.delete_tag("flood")
    assert lib.get_annotation(2).tags == ("policy-watch",) and "flood" not in lib.list_tags()
    lib.undo_tag_change(change)
    assert lib.get_annotation(2).tags == ("flood", "policy-watch")


def test_merge_keeps_one_link_when_an_annotation_has_both(lib: Store) -> None:
    lib.update_annotation(2, tags=("flood", "Policy", "policy-watch"))
    lib.merge_tags("policy-watch", "Policy")
    assert lib.get_annotation(2).tags == ("flood", "Policy")
    assert {t.name: t.annotations for t in lib.tag_counts()}["Policy"] == 2


def test_bad_tag_operations_are_refused_and_change_nothing(lib: Store) -> None:
    tags = lib.tag_counts()
    with pytest.raises(NotFound, match="did you mean 'Policy'"):
        lib.rename_tag("polcy", "x")
    with pytest.raises(InvalidInput, match="already a tag"):
        lib.rename_tag("flood", "health")
    with pytest.raises(InvalidInput, match="comma"):
        lib.rename_tag("flood", "a, b")
    with pytest.raises(InvalidInput):
        lib.rename_tag("flood", "   ")
    with pytest.raises(InvalidInput, match="itself"):
        lib.merge_tags("flood", "FLOOD")
    with pytest.raises(NotFound):
        lib.merge_tags("flood", "nothing")
    with pytest.raises(NotFound):
        lib.delete_tag("nothing")
    assert lib.tag_counts() == tags


def test_common_words_rank_the_newest_matches_but_never_miss_a_title(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimmark.store.search as search

    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    old = store.add_article("Barrier history", "", "/old.txt", "An old story.").article
    texts = [
        store.add_article(f"Story {i}", "", f"/{i}.txt", f"The barrier again, {i}.").article.id
        for i in range(8)
    ]
    result = store.search("barrier", limit=10)
    assert result.hits[0].article_id == old.id and result.hits[0].kind == "title"
    assert {h.article_id for h in result.hits[1:]} == set(texts[-3:])  # the newest three


def test_an_article_added_after_a_delete_never_takes_its_id(lib: Store) -> None:
    deleted = lib.delete_articles([2])
    other = lib.add_article("Another story", "", "/other.txt", "Something else.").article
    assert other.id == 3  # ids are never given out twice (m006: AUTOINCREMENT)
    lib.restore_articles(deleted)
    assert lib.get_article(2).title == "Hospital waiting times"
    assert lib.list_annotations(2)[0].tags == ("health",)


def test_undo_of_a_tag_change_keeps_tags_changed_elsewhere_since(lib: Store) -> None:
    change = lib.merge_tags("policy-watch", "flood")
    lib.update_annotation(2, tags=("flood", "later"))  # another window adds a tag
    lib.undo_tag_change(change)
    # policy-watch comes back, flood (which it had before) stays, and "later" is kept.
    assert lib.get_annotation(2).tags == ("flood", "later", "policy-watch")


def test_a_read_only_library_from_before_the_counts_is_listed_sorted_and_searched(
    tmp_path: Path,
) -> None:
    from sqlite_utils import Database

    from claimmark.store.migrations import migrations

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before=MIGRATION_NAMES[2])
    db.execute(
        "INSERT INTO articles (title, byline, source, text, sha256, imported_at) "
        "VALUES ('Old', '', '/x.txt', 'Some sediment text.\nMore text.', 'abc', '2026-01-01')"
    )
    db.execute(
        "INSERT INTO articles (title, byline, source, text, sha256, imported_at) "
        "VALUES ('Newer', '', '/y.txt', 'Other words.', 'def', '2026-02-01')"
    )
    for note in ("", "a note", "claimed"):
        db.execute(
            'INSERT INTO annotations (article_id, start, "end", quote, note, created_at, '
            "updated_at) VALUES (1, 0, 4, 'Some', ?, 't', 't')",
            [note],
        )
    db.execute("INSERT INTO claims (annotation_id, claimant) VALUES (3, 'Ada')")
    db.conn.commit()
    db.close()
    path.chmod(0o444)
    try:
        with Store(path) as store:
            assert store.read_only
            assert _kept(store, 1) == (3, 1, 1)
            assert store.library_ids("claims") == [1, 2]
            assert store.library_ids("added") == [2, 1]
            assert [h.article_id for h in store.search("sediment").hits] == [1]
            assert store.reading_position(1) is None
    finally:
        path.chmod(0o644)


def test_a_damage_check_put_off_runs_before_the_first_write(tmp_path: Path) -> None:
    from claimmark.store.errors import Damaged

    path = tmp_path / "lib.db"
    with Store(path) as store:
        article = store.add_article("T", "", "/t.txt", "Some text. " * 2000).article
        for i in range(300):
            store.create_annotation(AnnotationDraft(article.id, i, i + 5, note=f"n{i}"))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    # A failing disk, far from the schema: opening reads nothing there, the check does.
    for offset in range(len(data) - 6 * 4096, len(data) - 4096, 2 * 4096):
        data[offset + 8 : offset + 2000] = bytes(range(256)) * 7 + bytes(200)
    path.write_bytes(bytes(data))
    with pytest.raises(Damaged):
        Store(path)  # the default: checked before anything else
    later = Store(path, check="later")  # opens (the TUI draws its first frame) ...
    before = path.read_bytes()
    with pytest.raises(Damaged, match="recover"):
        later.set_setting("theme", "x")  # ... but writes nothing into a damaged file
    with pytest.raises(Damaged):
        later.check_for_damage()  # and says so again when asked
    later.conn.close()
    assert path.read_bytes() == before


def test_a_sound_library_checked_later_writes_as_usual(store: Store, tmp_path: Path) -> None:
    store.add_article("T", "", "/t.txt", "Text.")
    with Store(store.path, check="later") as later:
        later.check_for_damage()
        later.set_setting("theme", "x")
    with Store(store.path, check="skip") as second:
        assert second.get_setting("theme") == "x"


def test_the_library_knows_when_an_article_came_from_the_web(store: Store) -> None:
    article = store.add_article("File story", "", "/f.txt", "Text.").article
    assert not store.has_web_articles()
    store.conn.execute(
        "UPDATE articles SET site_name = 'Harbour Gazette' WHERE id = ?", [article.id]
    )
    assert store.has_web_articles()
    assert store.article_summaries([article.id])[0].site_name == "Harbour Gazette"
