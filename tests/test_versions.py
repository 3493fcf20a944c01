"""Versions that keep every note, on a real SQLite file: each kind of edit a new version of
an article can bring, what becomes of the annotations (carried, flagged "changed since
marked", or orphaned and kept), the journal, undo, re-attaching orphans, the migration of
an older library, and both exports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from claimmark.store import AnnotationDraft, Claim, ClaimStatus
from claimmark.store.errors import Conflict, InvalidInput, NotFound
from claimmark.store.export import article_markdown, collection_json, import_collection
from claimmark.store.models import Annotation, Article
from claimmark.store.store import Store

SOURCE = "/tmp/bridge.txt"

V1 = (
    "The council said on Monday that the old bridge will close for repairs in March.\n"
    "Engineers found cracks in two of the main supports, according to a report seen by "
    "the Harbour Gazette. The mayor said “the bridge is safe for now” but warned that "
    "heavy lorries would be banned.\n"
    "Work is expected to cost £4.2 million and to last eight months, officials said.\n"
    "Residents have asked for a temporary ferry. A spokesperson said the request was "
    "being considered.\n"
    "By Jane Example"
)


def add(store: Store, text: str, title: str = "Old bridge to close") -> Article:
    return store.add_article(title, "By Jane Example", SOURCE, text).article


def mark(store: Store, article: Article, quote: str, occurrence: int = 0, **fields) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(quote, start + 1)
    return store.create_annotation(AnnotationDraft(article.id, start, start + len(quote), **fields))


def now_words(store: Store, annotation: Annotation) -> str:
    current = store.get_annotation(annotation.id)
    return store.get_article(current.article_id).text[current.start : current.end]


@pytest.fixture
def v1(store: Store) -> Article:
    return add(store, V1)


# -- each kind of edit -------------------------------------------------------------------


def test_typo_fixed_elsewhere_carries_every_note_to_the_same_words(store: Store, v1: Article):
    notes = [
        mark(store, v1, "cracks in two of the main supports", note="check the report"),
        mark(store, v1, "£4.2 million", tags=("money",)),
        mark(store, v1, "By Jane Example"),
    ]
    result = store.add_article(
        "Old bridge to close", "By Jane Example", SOURCE, V1.replace("Residents", "Residents")
    )
    assert result.status == "existing"  # same text: nothing to carry
    v2 = store.add_article(
        "Old bridge to close", "By Jane Example", SOURCE, V1.replace("repairs", "repiars")
    )
    assert v2.status == "new-version" and v2.carried is not None
    assert (v2.carried.exact, v2.carried.changed, v2.carried.orphaned) == (3, 0, 0)
    for note in notes:
        moved = store.get_annotation(note.id)
        assert moved.article_id == v2.article.id
        assert moved.quote == note.quote and not moved.changed
        assert now_words(store, note) == note.quote
    assert store.get_annotation(notes[0].id).note == "check the report"
    assert store.get_annotation(notes[1].id).tags == ("money",)
    assert store.list_annotations(v1.id) == []
    assert store.orphans(v2.article.id) == []


def test_word_changed_inside_the_quote_is_flagged_and_keeps_the_marked_words(
    store: Store, v1: Article
):
    note = mark(store, v1, "£4.2 million and to last eight months")
    v2 = add(store, V1.replace("eight months", "ten months"))
    moved = store.get_annotation(note.id)
    assert moved.article_id == v2.id
    assert moved.quote == "£4.2 million and to last ten months"
    assert moved.changed and moved.marked_quote == "£4.2 million and to last eight months"
    # A further version that puts the words back clears the flag.
    add(store, V1.replace("March", "April"))
    back = store.get_annotation(note.id)
    assert back.quote == note.quote and not back.changed


def test_words_changed_next_to_the_quote_leave_it_unchanged(store: Store, v1: Article):
    note = mark(store, v1, "the old bridge will close")
    add(store, V1.replace("said on Monday that", "announced on Tuesday that"))
    moved = store.get_annotation(note.id)
    assert moved.quote == note.quote and not moved.changed
    assert now_words(store, note) == "the old bridge will close"


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace(
            "Engineers found", "The inspection was ordered in May. Engineers found"
        ),
        lambda t: t.replace("The council said on Monday that the old bridge", "The old bridge"),
        lambda t: "A new first paragraph about traffic.\n" + t,
    ],
    ids=["sentence-inserted-before", "words-deleted-before", "paragraph-inserted-before"],
)
def test_text_inserted_or_deleted_before_the_quote(store: Store, v1: Article, edit) -> None:
    note = mark(store, v1, "“the bridge is safe for now”")
    add(store, edit(V1))
    assert now_words(store, note) == "“the bridge is safe for now”"
    assert not store.get_annotation(note.id).changed


def test_paragraphs_moved(store: Store, v1: Article):
    whole = "Work is expected to cost £4.2 million and to last eight months, officials said."
    paragraph = mark(store, v1, whole, note="a whole paragraph")
    inner = mark(store, v1, "a temporary ferry")
    lines = V1.split("\n")
    lines[0], lines[2], lines[3] = lines[2], lines[3], lines[0]
    v2 = add(store, "\n".join(lines))
    for note in (paragraph, inner):
        moved = store.get_annotation(note.id)
        assert moved.article_id == v2.id and not moved.changed
        assert now_words(store, note) == note.quote


def test_a_claim_whose_quote_was_reworded_is_flagged_in_claims(store: Store, v1: Article):
    claim = mark(
        store,
        v1,
        "The mayor said “the bridge is safe for now” but warned that heavy lorries would be "
        "banned.",
        claim=Claim("the mayor", status=ClaimStatus.DISPUTED),
    )
    v2 = add(
        store,
        V1.replace(
            "The mayor said “the bridge is safe for now” but warned that heavy lorries would "
            "be banned.",
            "The mayor said “the bridge is safe at present” but warned that lorries would be "
            "banned.",
        ),
    )
    moved = store.get_annotation(claim.id)
    assert moved.article_id == v2.id and moved.changed
    assert moved.quote == (
        "The mayor said “the bridge is safe at present” but warned that lorries would be banned."
    )
    assert moved.marked_quote == claim.quote
    assert moved.claim is not None and moved.claim.status is ClaimStatus.DISPUTED
    (row,) = store.list_claims()
    assert row.annotation.changed and not row.orphan and row.article_id == v2.id


def test_deleted_sentence_makes_an_orphan_that_is_kept_and_listed(store: Store, v1: Article):
    gone = mark(
        store,
        v1,
        "A spokesperson said the request was being considered.",
        note="ask the council",
        claim=Claim("a spokesperson"),
    )
    kept = mark(store, v1, "a temporary ferry")
    v2 = add(store, V1.replace(" A spokesperson said the request was being considered.", ""))
    assert store.get_annotation(kept.id).article_id == v2.id
    orphan = store.get_annotation(gone.id)
    assert orphan.article_id == v1.id  # stays on the last text that held its words
    assert orphan.quote == gone.quote and orphan.note == "ask the council"
    assert [a.id for a in store.orphans(v2.id)] == [gone.id]
    assert [a.id for a in store.orphans(v1.id)] == [gone.id]  # any version names the article
    (claim,) = store.list_claims()
    assert claim.orphan and claim.newest_id == v2.id and claim.article_title == v2.title
    summary = next(s for s in store.list_articles() if s.id == v2.id)
    assert summary.orphan_count == 1 and summary.version_count == 2


def test_the_same_phrase_twice(store: Store):
    text = (
        "Officials said the plan was sound and would be funded.\n"
        "Later the minister repeated that the plan was sound, to applause."
    )
    v1 = add(store, text)
    first = mark(store, v1, "the plan was sound", 0, note="first")
    second = mark(store, v1, "the plan was sound", 1, note="second")
    # Text inserted between and before them: each keeps its own occurrence.
    v2 = add(store, "A new opening line.\n" + text.replace("Later", "On Friday, later"))
    for note, occurrence in ((first, 0), (second, 1)):
        moved = store.get_annotation(note.id)
        assert moved.article_id == v2.id
        starts = [i for i in range(len(v2.text)) if v2.text.startswith(note.quote, i)]
        assert moved.start == starts[occurrence]
    # The first one's sentence goes: it becomes an orphan, not a second note on the other.
    v3 = add(
        store,
        "A new opening line.\nOn Friday, later the minister repeated that the plan was sound, "
        "to applause.",
    )
    assert store.get_annotation(first.id).article_id == v2.id
    assert store.get_annotation(second.id).article_id == v3.id
    assert [a.id for a in store.orphans(v3.id)] == [first.id]


def test_two_annotations_on_the_same_words(store: Store, v1: Article):
    a = mark(store, v1, "cracks in two of the main supports", note="one")
    b = mark(store, v1, "cracks in two of the main supports", tags=("other",))
    add(store, V1.replace("Engineers found", "Engineers have found"))
    moved = [store.get_annotation(a.id), store.get_annotation(b.id)]
    assert moved[0].start == moved[1].start and moved[0].end == moved[1].end
    assert [m.note for m in moved] == ["one", ""] and moved[1].tags == ("other",)


def test_a_version_that_deletes_everything_orphans_all_and_a_later_one_brings_them_back(
    store: Store, v1: Article
):
    notes = [mark(store, v1, "the old bridge"), mark(store, v1, "£4.2 million", note="n")]
    v2 = add(store, "Correction: this article was withdrawn.")
    assert all(store.get_annotation(n.id).article_id == v1.id for n in notes)
    assert {a.id for a in store.orphans(v2.id)} == {n.id for n in notes}
    assert store.list_annotations(v2.id) == []
    v3 = add(store, V1.replace("March", "April"))
    assert all(store.get_annotation(n.id).article_id == v3.id for n in notes)
    assert store.orphans(v3.id) == []


# -- the journal, undo, re-attaching --------------------------------------------------------


def test_the_journal_records_every_carry_and_orphan(store: Store, v1: Article):
    kept = mark(store, v1, "the old bridge")
    gone = mark(store, v1, "A spokesperson said the request was being considered.")
    v2 = add(store, V1.replace(" A spokesperson said the request was being considered.", ""))
    entries = store.journal()
    carried = [e for e in entries if e.action == "reanchor"]
    orphaned = [e for e in entries if e.action == "orphan"]
    assert [e.annotation_id for e in carried] == [kept.id]
    assert carried[0].before["article_id"] == v1.id and carried[0].after["article_id"] == v2.id
    assert [e.annotation_id for e in orphaned] == [gone.id]
    assert orphaned[0].article_id == v2.id and orphaned[0].after["article_id"] == v1.id
    history = store.annotation_history(kept.id)
    assert [e.action for e in history] == ["create", "reanchor"]


def test_reattach_an_orphan_and_undo_it(store: Store, v1: Article):
    gone = mark(store, v1, "A spokesperson said the request was being considered.", note="n")
    v2 = add(store, V1.replace("A spokesperson said the request was being considered.", "No."))
    orphan = store.get_annotation(gone.id)
    start = v2.text.index("a temporary ferry")
    attached = store.reattach_annotation(gone.id, v2.id, start, start + len("a temporary ferry"))
    assert attached.article_id == v2.id and attached.quote == "a temporary ferry"
    assert attached.note == "n" and not attached.changed
    assert store.orphans(v2.id) == []
    assert store.journal()[-1].action == "update"
    # Undo (what the reader's u does) makes it an orphan again.
    store.restore_annotation(orphan, expected=attached)
    assert store.get_annotation(gone.id).article_id == v1.id
    assert [a.id for a in store.orphans(v2.id)] == [gone.id]
    with pytest.raises(InvalidInput):
        store.reattach_annotation(gone.id, v1.id, 0, 5)  # only onto the newest version
    other = store.add_article("Other", "", "/tmp/other.txt", "Other text.").article
    with pytest.raises(InvalidInput):
        store.reattach_annotation(gone.id, other.id, 0, 5)


def test_undo_after_a_new_version_keeps_the_carried_place(store: Store, v1: Article):
    note = mark(store, v1, "a temporary ferry", note="first")
    snapshot = store.get_annotation(note.id)
    edited = store.update_annotation(note.id, note="second")
    v2 = add(store, "A new first paragraph.\n" + V1)
    # The undo of the note edit, by a reader that saw the annotation before the new version.
    restored = store.restore_annotation(snapshot, expected=edited)
    assert restored.note == "first"
    assert restored.article_id == v2.id
    assert v2.text[restored.start : restored.end] == "a temporary ferry"


def test_undo_of_a_create_after_a_new_version_deletes_the_carried_note(store: Store, v1: Article):
    made = mark(store, v1, "a temporary ferry")
    add(store, "A new first paragraph.\n" + V1)
    # The undo of the create, by a reader that saw it before the new version carried it.
    store.delete_annotation(made.id, expected=made)
    with pytest.raises(NotFound):
        store.get_annotation(made.id)
    # Changed by someone else meanwhile (not only carried): left alone.
    other = mark(store, store.find_article("bridge"), "eight months")
    add(store, "Another first paragraph.\n" + V1)
    store.update_annotation(other.id, note="someone else's")
    with pytest.raises(Conflict):
        store.delete_annotation(other.id, expected=other)


def test_undo_of_a_delete_after_a_new_version_carries_it(store: Store, v1: Article):
    note = mark(store, v1, "a temporary ferry", note="keep me")
    deleted = store.delete_annotation(note.id)
    v2 = add(store, "A new first paragraph.\n" + V1)
    restored = store.restore_annotation(deleted, expected=None)
    assert restored.article_id == v2.id and restored.note == "keep me"
    assert v2.text[restored.start : restored.end] == "a temporary ferry"
    assert [e.action for e in store.annotation_history(note.id)][-2:] == ["restore", "reanchor"]


def test_accepting_changed_words_clears_the_flag(store: Store, v1: Article):
    note = mark(store, v1, "eight months")
    add(store, V1.replace("eight months", "ten months"))
    assert store.get_annotation(note.id).changed
    accepted = store.accept_changed_words(note.id)
    assert not accepted.changed and accepted.quote == "ten months"
    assert store.journal()[-1].action == "update"


# -- notes moved onto their words found elsewhere ------------------------------------------

MOVED_V2 = V1.replace(" A spokesperson said the request was being considered.", "").replace(
    "repairs in March.",
    "repairs in March. Residents have asked for a temporary ferry. A spokesperson said the "
    "request was being considered by the council.",
)
"""V1 with its last sentence deleted, and the same words written into a new sentence of
the first paragraph: a note on them is placed there but flagged moved."""


def test_a_note_whose_words_were_deleted_and_found_elsewhere_is_flagged_moved(
    store: Store, v1: Article
):
    note = mark(store, v1, "the request was being considered", note="ask the council")
    steady = mark(store, v1, "eight months")
    result = store.add_article("Old bridge to close", "By Jane Example", SOURCE, MOVED_V2)
    assert result.carried is not None
    assert (result.carried.moved, result.carried.exact, result.carried.changed) == (1, 1, 0)
    assert "(1 moved)" in result.carried.summary()
    moved = store.get_annotation(note.id)
    assert moved.moved and moved.flagged and not moved.changed
    assert moved.article_id == result.article.id
    assert now_words(store, moved) == "the request was being considered"
    assert not store.get_annotation(steady.id).flagged
    carry = store.annotation_history(note.id)[-1]
    assert carry.action == "reanchor" and carry.after is not None and carry.after["moved"] is True
    assert "moved: check its place" in store.history_lines(note.id)[-1]
    summary = next(a for a in store.list_articles() if a.id == result.article.id)
    assert summary.changed_count == 1
    # The flag goes with the note to a later version, until the user accepts it.
    v3 = add(store, MOVED_V2.replace("March", "April"))
    assert store.get_annotation(note.id).article_id == v3.id
    assert store.get_annotation(note.id).moved


def test_accepting_a_moved_note_clears_the_flag_and_undo_brings_it_back(store: Store, v1: Article):
    note = mark(store, v1, "the request was being considered")
    add(store, MOVED_V2)
    flagged = store.get_annotation(note.id)
    accepted = store.accept_changed_words(note.id)
    assert not accepted.flagged and (accepted.start, accepted.end) == (flagged.start, flagged.end)
    entry = store.journal()[-1]
    assert entry.action == "update" and entry.before is not None and entry.before["moved"]
    assert store.accept_changed_words(note.id) == accepted  # nothing to accept: no write
    assert len(store.journal()) == entry.id
    undone = store.restore_annotation(flagged, expected=accepted)
    assert undone.moved and store.get_annotation(note.id).moved


def test_marking_a_moved_note_anew_clears_the_flag(store: Store, v1: Article):
    note = mark(store, v1, "the request was being considered")
    v2 = add(store, MOVED_V2)
    flagged = store.get_annotation(note.id)
    again = store.update_annotation(note.id, start=flagged.start, end=flagged.end + 7)
    assert not again.moved and again.quote == "the request was being considered by the"
    reattached = store.reattach_annotation(note.id, v2.id, flagged.start, flagged.end)
    assert not reattached.moved


def test_exports_say_a_note_moved_and_json_keeps_it(store: Store, v1: Article, tmp_path: Path):
    note = mark(store, v1, "the request was being considered", note="ask the council")
    v2 = add(store, MOVED_V2)
    text = article_markdown(
        store.get_article(v2.id), store.list_annotations(v2.id), orphans=store.orphans(v2.id)
    )
    assert "**Moved since marked:**" in text and "moved: 1" in text
    data = collection_json(
        [(store.get_article(v.id), store.list_annotations(v.id)) for v in store.versions(v2.id)]
    )
    item = next(i for i in json.loads(data)["first"]["items"] if "ask the council" in str(i))
    assert item["claimmark:movedSinceMarked"] is True
    with Store(tmp_path / "other.db") as other:
        import_collection(other, data)
        (copy,) = [a for a in other.list_annotations(other.find_article("bridge").id)]
        assert copy.moved and copy.note == "ask the council"
    del note


# -- a text that reverts to an older version ------------------------------------------------


def test_a_revert_to_an_older_text_is_the_newest_version(store: Store, v1: Article):
    ferry = mark(store, v1, "A spokesperson said the request was being considered.")
    months = mark(store, v1, "eight months")
    v2 = add(store, V1.replace("eight months", "ten months").replace(ferry.quote, ""))
    assert store.get_annotation(months.id).changed
    assert store.get_annotation(ferry.id).article_id == v1.id  # an orphan
    result = store.add_article("Old bridge to close", "By Jane Example", SOURCE, V1)
    assert result.status == "new-version"
    v3 = result.article
    assert (v3.previous_id, v3.repeat, v3.sha256) == (v2.id, 1, v1.sha256)
    assert store.find_article("bridge").id == v3.id
    assert [(v.number, v.same_as) for v in store.versions(v3.id)] == [(1, None), (2, None), (3, 1)]
    # Every note is back on its words: the orphan re-placed, the changed one unflagged.
    back = store.get_annotation(ferry.id)
    assert back.article_id == v3.id and now_words(store, back) == ferry.quote
    assert not store.get_annotation(months.id).changed
    assert store.orphans(v3.id) == []
    assert result.carried is not None and result.carried.summary() == "2 notes carried"
    # The same text again is the newest already: nothing new.
    again = store.add_article("Old bridge to close", "By Jane Example", SOURCE, V1)
    assert (again.status, again.article.id) == ("existing", v3.id)
    # Back and forth: each return is a row of its own, the index unique over the repeat.
    v4 = add(store, v2.text)
    v5 = add(store, V1)
    assert (v4.repeat, v5.repeat) == (1, 2)
    assert [v.same_as for v in store.versions(v5.id)] == [None, None, 1, 2, 1]
    indexes = store.conn.execute("PRAGMA index_list(articles)").fetchall()
    unique = {row[1] for row in indexes if row[2]}
    assert "idx_articles_sha256" in unique
    columns = [r[2] for r in store.conn.execute("PRAGMA index_info(idx_articles_sha256)")]
    assert columns == ["sha256", "repeat"]


def test_the_same_text_from_another_source_is_not_a_revert(store: Store, v1: Article):
    add(store, V1.replace("March", "April"))
    other = store.add_article("Old bridge to close", "By Jane Example", "/tmp/copy.txt", V1)
    assert (other.status, other.article.id) == ("existing", v1.id)
    assert len(store.versions(v1.id)) == 2


def test_json_round_trip_keeps_a_revert(store: Store, v1: Article, tmp_path: Path):
    note = mark(store, v1, "eight months", note="check the estimate")
    add(store, V1.replace("eight months", "ten months"))
    v3 = add(store, V1)
    data = collection_json(
        [(store.get_article(v.id), store.list_annotations(v.id)) for v in store.versions(v3.id)]
    )
    ids = [a["id"] for a in json.loads(data)["claimmark:articles"]]
    assert len(ids) == 3 and ids[2] == ids[0] + ":1"
    with Store(tmp_path / "other.db") as other:
        summary = import_collection(other, data)
        assert summary.articles_added == 3
        newest = other.find_article("bridge")
        assert [v.same_as for v in other.versions(newest.id)] == [None, None, 1]
        (copy,) = other.list_annotations(newest.id)
        assert copy.note == "check the estimate" and not copy.changed
        again = collection_json(
            [
                (other.get_article(v.id), other.list_annotations(v.id))
                for v in other.versions(newest.id)
            ]
        )
        assert again == data
        # Importing it twice adds nothing.
        twice = import_collection(other, data)
        assert (twice.articles_added, twice.annotations_added) == (0, 0)
    del note


def test_a_library_from_before_m007_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "m005.db"
    with Store(path) as store:
        v1 = add(store, V1)
        note = mark(store, v1, "eight months")
        add(store, V1.replace("eight months", "ten months"))
    # Undo m007 the way an older claimmark left the file.
    conn = sqlite3.connect(path)
    conn.executescript(
        """DROP INDEX idx_articles_sha256;
           ALTER TABLE annotations DROP COLUMN moved;
           ALTER TABLE articles DROP COLUMN "repeat";
           CREATE UNIQUE INDEX idx_articles_sha256 ON articles(sha256);
           DELETE FROM _sqlite_migrations WHERE name = 'm007_moved_notes_and_reverts';
           PRAGMA journal_mode = DELETE;"""
    )
    conn.close()
    path.chmod(0o444)
    try:
        with Store(path) as read_only:  # reads without the step
            assert read_only.read_only
            flagged = read_only.get_annotation(note.id)
            assert flagged.changed and not flagged.moved
            assert read_only.find_article("bridge").repeat == 0
    finally:
        path.chmod(0o644)
    with Store(path) as store:
        assert store.get_annotation(note.id).changed
        assert add(store, V1).repeat == 1  # a revert, now that the step is there


def test_the_notes_of_an_older_version_are_where_they_sat_on_it(store: Store, v1: Article):
    claim = mark(store, v1, "the bridge is safe for now", claim=Claim("the mayor"))
    ferry = mark(store, v1, "A spokesperson said the request was being considered.")
    gone = mark(store, v1, "eight months")
    v2 = add(store, V1.replace("safe for now", "safe at present").replace(ferry.quote, ""))
    later = mark(store, v2, "temporary ferry")  # first made on version 2
    store.delete_annotation(gone.id)
    store.update_annotation(claim.id, note="asked the council")
    on_v1 = store.version_annotations(v1.id)
    assert [(a.id, a.article_id, a.quote) for a in on_v1] == [
        (claim.id, v1.id, "the bridge is safe for now"),
        (ferry.id, v1.id, ferry.quote),
    ]
    assert (on_v1[0].start, on_v1[0].end) == (claim.start, claim.end)
    assert on_v1[0].note == "asked the council" and not on_v1[0].changed  # content as now
    on_v2 = store.version_annotations(v2.id)
    assert [a.id for a in on_v2] == [claim.id, later.id]
    assert on_v2 == store.list_annotations(v2.id)


# -- naming versions ------------------------------------------------------------------------


def test_names_give_the_newest_version_unless_one_is_asked_for(store: Store, v1: Article):
    v2 = add(store, V1.replace("March", "April"))
    assert store.find_article(str(v1.id)).id == v2.id
    assert store.find_article("bridge").id == v2.id
    assert store.find_article(str(v2.id), version=1).id == v1.id
    assert store.find_article("bridge", version=2).id == v2.id
    with pytest.raises(NotFound, match="has 2 versions"):
        store.find_article("bridge", version=3)
    versions = store.versions(v1.id)
    assert [(v.number, v.id, v.newest) for v in versions] == [(1, v1.id, False), (2, v2.id, True)]


def test_library_counts_versions_and_marks_an_unseen_new_version(store: Store, v1: Article):
    mark(store, v1, "eight months")
    v2 = add(store, V1.replace("eight months", "ten months"))
    (summary,) = store.list_articles()
    assert summary.id == v2.id and summary.version_count == 2
    assert summary.unseen_version and summary.changed_count == 1
    store.mark_opened(v2.id)
    assert not store.list_articles()[0].unseen_version


# -- an older library, and the exports -----------------------------------------------------


def test_a_library_from_before_versions_gets_its_notes_carried(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    from claimmark.store.migrations import migrations

    migrations.apply(Database(conn), stop_before="m005_versions")
    at = "2026-01-01T00:00:00+00:00"
    conn.execute(
        """INSERT INTO articles (id, title, source, text, sha256, imported_at)
           VALUES (1, 'Bridge', ?, ?, 'a', ?)""",
        [SOURCE, V1, at],
    )
    conn.execute(
        """INSERT INTO articles (id, title, source, text, sha256, imported_at, previous_id)
           VALUES (2, 'Bridge', ?, ?, 'b', ?, 1)""",
        [SOURCE, "New opening.\n" + V1, at],
    )
    start = V1.index("a temporary ferry")
    conn.execute(
        """INSERT INTO annotations (id, article_id, start, "end", quote, created_at, updated_at)
           VALUES (7, 1, ?, ?, 'a temporary ferry', ?, ?)""",
        [start, start + 17, at, at],
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        moved = store.get_annotation(7)
        assert moved.article_id == 2 and not moved.changed
        assert store.get_article(2).text[moved.start : moved.end] == "a temporary ferry"
        assert [e.action for e in store.journal()] == ["reanchor"]


def test_markdown_export_shows_changed_words_and_orphans(store: Store, v1: Article):
    mark(store, v1, "eight months", claim=Claim("officials"))
    mark(store, v1, "A spokesperson said the request was being considered.", note="ask")
    v2 = add(
        store,
        V1.replace("eight months", "ten months").replace(
            " A spokesperson said the request was being considered.", ""
        ),
    )
    text = article_markdown(v2, store.list_annotations(v2.id), orphans=store.orphans(v2.id))
    assert "changed: 1\norphans: 1\n" in text
    assert "- **⚠ Changed since marked:** marked as “eight months”" in text
    orphans = text.split("## Orphans\n", 1)[1]
    assert "> A spokesperson said the request was being considered." in orphans
    assert "- **Orphan:** these words are gone" in orphans and "    ask" in orphans


def test_json_export_round_trips_versions_changes_and_orphans(store: Store, tmp_path: Path):
    v1 = add(store, V1)
    mark(store, v1, "eight months", note="changed")
    mark(store, v1, "A spokesperson said the request was being considered.", note="orphan")
    mark(store, v1, "the old bridge")
    v2 = add(
        store,
        V1.replace("eight months", "ten months").replace(
            " A spokesperson said the request was being considered.", ""
        ),
    )
    pairs = [(store.get_article(v.id), store.list_annotations(v.id)) for v in store.versions(v2.id)]
    exported = collection_json(pairs)
    document = json.loads(exported)
    assert len(document["claimmark:articles"]) == 2
    changed = [i for i in document["first"]["items"] if i.get("claimmark:changedSinceMarked")]
    assert [i["claimmark:markedQuote"] for i in changed] == ["eight months"]
    with Store(tmp_path / "copy.db") as copy:
        import_collection(copy, exported)
        newest = copy.find_article("bridge")
        again = collection_json(
            [
                (copy.get_article(v.id), copy.list_annotations(v.id))
                for v in copy.versions(newest.id)
            ]
        )
        assert again == exported
        assert [a.note for a in copy.orphans(newest.id)] == ["orphan"]
        assert [a.marked_quote for a in copy.list_annotations(newest.id) if a.changed] == [
            "eight months"
        ]
