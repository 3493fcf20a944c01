"""Undo and redo history read back from the journal, so that it outlives the app.

The journal (`Store.journal`) records every change to an annotation with its state before
and after, including the changes undo and redo make. `history_from_journal` reads one
article's entries in order and rebuilds the two stacks the reader keeps while it runs:

- an entry that takes the annotation on top of the undo stack back to its state before
  (same annotation, before and after swapped) is an undo: that step moves to the redo
  stack;
- an entry that does again what the step on top of the redo stack did is a redo: the
  step moves back to the undo stack;
- any other entry is a new change: it goes on the undo stack and the redo stack empties.

An entry it does not know (an action other than create, update, delete and restore, or a
snapshot it cannot read, e.g. a re-anchoring written by a later claimmark) changed its
annotation in a way these steps cannot replay: every step of that annotation is dropped
from both stacks (other annotations' steps stay). The caller still passes the state it
expects when it replays a step (`restore_annotation(..., expected=...)`), so a step made
stale by anything else is refused, never forced.

Dismissed suggestions are not journalled; the dismissals still in force (with the time
they were made) join the undo stack in time order, so `u` after a restart can bring the
last one back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimmark.store.models import Annotation, annotation_from_dict

if TYPE_CHECKING:
    from claimmark.store.results import JournalEntry

KNOWN_ACTIONS = frozenset({"create", "update", "delete", "restore"})
"""Journal actions that hold whole before/after snapshots this module can replay."""


@dataclass(frozen=True, slots=True)
class AnnotationStep:
    """One undoable change to an annotation: its state before and after (None: it did not
    exist), what the change was ("highlight", "note", "tags", "delete" ...) and when."""

    before: Annotation | None
    after: Annotation | None
    label: str
    at: str = ""

    @property
    def annotation_id(self) -> int:
        snapshot = self.after or self.before
        assert snapshot is not None
        return snapshot.id


@dataclass(frozen=True, slots=True)
class DismissalStep:
    """A suggestion dismissed (at `start`..`end`): undoing it brings the suggestion back."""

    start: int
    end: int
    at: str = ""
    label: str = "dismissal"


Step = AnnotationStep | DismissalStep


@dataclass(slots=True)
class UndoHistory:
    """The undo stack and the redo stack, oldest first (the next to undo or redo last)."""

    undo: list[Step] = field(default_factory=list)
    redo: list[Step] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class HistoryMark:
    """Where the history read from the store ends: the last journal entry of the article
    and the time, when the reader opened (what it changes later it keeps itself)."""

    journal_id: int
    at: str


def change_label(before: Annotation | None, after: Annotation | None) -> str:
    """A short name for the change from `before` to `after`, for "Undid …" messages."""
    if before is None and after is not None:
        if after.claim is not None:
            return "claim"
        if after.note.strip():
            return "note"
        return "tag" if after.tags else "highlight"
    if after is None:
        return "delete"
    assert before is not None
    if before.claim != after.claim:
        return "claim"
    if before.note != after.note:
        return "note"
    if before.tags != after.tags:
        return "tags"
    if before.color != after.color:
        return "colour"
    if (before.start, before.end) != (after.start, after.end):
        return "span"
    if before.flagged and not after.flagged:
        return "accept"
    return "change"


def _snapshot(data: object) -> Annotation | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError("not a snapshot")
    return annotation_from_dict(data)


def history_from_journal(
    entries: Iterable[JournalEntry], dismissals: Sequence[DismissalStep] = ()
) -> UndoHistory:
    """Rebuild the undo and redo stacks from journal `entries` (oldest first) and the
    `dismissals` still in force (see the module docstring)."""
    history = UndoHistory()
    undo, redo = history.undo, history.redo
    pending = sorted(dismissals, key=lambda step: step.at)
    for entry in entries:
        while pending and pending[0].at <= entry.at:
            undo.append(pending.pop(0))
            redo.clear()
        try:
            if entry.action not in KNOWN_ACTIONS:
                raise ValueError(entry.action)
            before, after = _snapshot(entry.before), _snapshot(entry.after)
            if before is None and after is None:
                raise ValueError("no snapshot")
        except (ValueError, KeyError, TypeError):
            _forget(history, entry.annotation_id)
            continue
        top = undo[-1] if undo else None
        if isinstance(top, AnnotationStep) and (top.after, top.before) == (before, after):
            redo.append(undo.pop())
            continue
        top = redo[-1] if redo else None
        if isinstance(top, AnnotationStep) and (top.before, top.after) == (before, after):
            undo.append(redo.pop())
            continue
        undo.append(AnnotationStep(before, after, change_label(before, after), entry.at))
        redo.clear()
    for step in pending:
        undo.append(step)
        redo.clear()
    return history


def _forget(history: UndoHistory, annotation_id: int) -> None:
    """Drop every step of one annotation from both stacks."""
    for stack in (history.undo, history.redo):
        stack[:] = [
            step
            for step in stack
            if not (isinstance(step, AnnotationStep) and step.annotation_id == annotation_id)
        ]
