"""Undo history read back from the journal (store/history.py and Store.undo_history), on a
real SQLite file: what a later session can undo and redo."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from claimmark.store.history import (
    AnnotationStep,
    DismissalStep,
    history_from_journal,
)
from claimmark.store.models import AnnotationDraft, Article
from claimmark.store.results import JournalEntry
from claimmark.store.store import Store


def labels(steps: list) -> list[str]:
    return [step.label for step in steps]


def test_every_change_is_a_step_with_a_label(store: Store, article: Article) -> None:
    a = store.create_annotation(AnnotationDraft(article.id, 0, 14))
    b = store.create_annotation(AnnotationDraft(article.id, 20, 30, note="why?"))
    store.update_annotation(a.id, tags=["flood"])
    store.update_annotation(a.id, color="green")
    store.delete_annotation(b.id)
    history = store.undo_history(article.id)
    assert labels(history.undo) == ["highlight", "note", "tags", "colour", "delete"]
    assert history.redo == []
    last = history.undo[-1]
    assert isinstance(last, AnnotationStep) and last.after is None and last.before == b


def test_undo_and_redo_entries_move_steps_between_the_stacks(
    store: Store, article: Article
) -> None:
    a = store.create_annotation(AnnotationDraft(article.id, 0, 14))
    tagged = store.update_annotation(a.id, tags=["flood"])
    store.restore_annotation(a, expected=tagged)  # undo the tags
    store.delete_annotation(a.id, expected=a)  # undo the highlight
    history = store.undo_history(article.id)
    assert history.undo == []
    assert labels(history.redo) == ["tags", "highlight"]  # the next redo last
    store.restore_annotation(a, expected=None)  # redo the highlight
    history = store.undo_history(article.id)
    assert labels(history.undo) == ["highlight"]
    assert labels(history.redo) == ["tags"]
    store.update_annotation(a.id, note="new")  # a new change ends the redos
    history = store.undo_history(article.id)
    assert labels(history.undo) == ["highlight", "note"]
    assert history.redo == []


def test_the_mark_leaves_out_later_changes_and_dismissals(store: Store, article: Article) -> None:
    store.create_annotation(AnnotationDraft(article.id, 0, 14))
    store.dismiss_suggestion(article.id, 0, 20)
    mark = store.history_mark(article.id)
    store.create_annotation(AnnotationDraft(article.id, 20, 30))
    store.dismiss_suggestion(article.id, 40, 50)
    history = store.undo_history(article.id, mark)
    assert labels(history.undo) == ["highlight", "dismissal"]
    assert history.undo[-1] == DismissalStep(0, 20, history.undo[-1].at)


def test_dismissals_join_the_changes_in_time_order(store: Store, article: Article) -> None:
    store.dismiss_suggestion(article.id, 0, 20)
    a = store.create_annotation(AnnotationDraft(article.id, 0, 14))
    store.dismiss_suggestion(article.id, 30, 40)
    store.undismiss_suggestion(article.id, 0, 20)
    history = store.undo_history(article.id)
    assert [(s.label, getattr(s, "start", None)) for s in history.undo] == [
        ("highlight", None),
        ("dismissal", 30),
    ]
    assert store.dismissed_suggestions(article.id) == {(30, 40)}
    assert isinstance(history.undo[0], AnnotationStep) and history.undo[0].after == a


def test_an_entry_it_does_not_know_drops_only_that_annotations_steps(
    store: Store, article: Article
) -> None:
    a = store.create_annotation(AnnotationDraft(article.id, 0, 14))
    b = store.create_annotation(AnnotationDraft(article.id, 20, 30))
    entries = store.journal(article.id)
    moved = replace(b, start=21, end=31)
    reanchor = JournalEntry(
        id=99,
        at=entries[-1].at + "1",
        action="reanchor",  # written by a later claimmark
        annotation_id=b.id,
        article_id=article.id,
        before={"something": "else"},
        after={"id": moved.id, "start": moved.start},
    )
    history = history_from_journal([*entries, reanchor])
    assert [step.after for step in history.undo] == [a]  # b's create can no longer be undone


def test_an_unreadable_snapshot_drops_that_annotations_steps(
    store: Store, article: Article
) -> None:
    a = store.create_annotation(AnnotationDraft(article.id, 0, 14))
    b = store.create_annotation(AnnotationDraft(article.id, 20, 30))
    store.update_annotation(b.id, note="x")
    with sqlite3.connect(store.path) as conn:
        conn.execute(
            "UPDATE journal SET after = '{not json' WHERE annotation_id = ? AND action = ?",
            [b.id, "update"],
        )
    history = store.undo_history(article.id)
    assert [step.after for step in history.undo] == [a]


def test_only_the_newest_entries_are_read(store: Store, article: Article) -> None:
    for start in range(0, 30, 3):
        store.create_annotation(AnnotationDraft(article.id, start, start + 2))
    history = store.undo_history(article.id, newest=4)
    assert len(history.undo) == 4
    assert [s.after.start for s in history.undo if isinstance(s, AnnotationStep) and s.after] == [
        18,
        21,
        24,
        27,
    ]


def test_a_new_versions_carried_annotations_start_a_fresh_history(store: Store) -> None:
    text = "The bridge will close in May, the council said.\nRepairs cost £4m."
    v1 = store.add_article("Bridge", "", "/tmp/bridge.txt", text).article
    a = store.create_annotation(AnnotationDraft(v1.id, 0, 16, note="check"))
    store.update_annotation(a.id, tags=["bridge"])
    v2 = store.add_article("Bridge", "", "/tmp/bridge.txt", text + "\nIt reopens in June.").article
    assert [e.action for e in store.journal(v2.id)] == ["reanchor"]  # what versions wrote
    assert store.undo_history(v2.id).undo == []  # a carry is nothing to undo
    carried = store.get_annotation(a.id)
    store.update_annotation(a.id, note="checked")
    [step] = store.undo_history(v2.id).undo
    assert isinstance(step, AnnotationStep) and step.before == carried and step.label == "note"
