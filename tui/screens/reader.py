"""The reader: the article beside its annotation pane.

The screen owns the state (the article, its annotations, the undo history, the
suggestions) and is the only part of the TUI that calls the store. The article view and
the annotation pane post messages up to it and never talk to each other.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from claimmark.store.errors import ClaimmarkError, Conflict
from claimmark.store.history import AnnotationStep, DismissalStep, HistoryMark
from claimmark.store.models import (
    Annotation,
    AnnotationDraft,
    Article,
    Attribution,
    Claim,
    ClaimStatus,
)
from claimmark.store.sanitize import visible
from claimmark.store.store import Store
from claimmark.store.text import ParagraphIndex
from claimmark.tui.article_info import credit_line
from claimmark.tui.colors import HIGHLIGHT_COLORS, background, color_name
from claimmark.tui.widgets.annotation_pane import AnnotationPane, PaneEntry
from claimmark.tui.widgets.article_view import ArticleView
from claimmark.tui.widgets.key_hints import KeyHints
from claimmark.tui.widgets.marks import Mark

SAVE_AFTER = 3.0
"""Seconds after the cursor last moved that the reading position is saved."""

DELETED_NOTICE = "Annotation deleted. Press u to undo."
"""What `x` says; taken down when `u` brings the annotation back (its advice is done)."""

if TYPE_CHECKING:
    from claimmark.store.suggest import Suggestion, Suggestions
    from claimmark.tui.dialogs import ClaimFormResult


def _order(annotation: Annotation) -> tuple[int, int, int]:
    """Document order of the marks and the pane: by start, the longer span first, then id."""
    return (annotation.start, -annotation.end, annotation.id)


def _entry_order(entry: PaneEntry) -> tuple[int, int, int]:
    return _order(entry.annotation)


def _orphan_order(annotation: Annotation) -> tuple[int, int, int]:
    """The pane's order of orphans, after this text's annotations: the newest version
    first, then by start and id."""
    return (-annotation.article_id, annotation.start, annotation.id)


def _orphan_entry_order(entry: PaneEntry) -> tuple[int, int, int]:
    return _orphan_order(entry.annotation)


@dataclass(frozen=True, slots=True)
class Change:
    """One undoable change: the annotation before and after (None = did not exist)."""

    before: Annotation | None
    after: Annotation | None
    label: str


class ReaderScreen(Screen[None]):
    """Read one article and annotate it by keyboard."""

    BINDINGS = [
        Binding("h", "highlight", "Highlight", tooltip="Highlight the selection"),
        Binding("t", "tags", "Tags", tooltip="Tag the selection or the annotation here"),
        Binding("n", "note", "Note", tooltip="Write a note on the selection or annotation"),
        Binding("c", "claim", "Claim", tooltip="Record the selection as a claim"),
        Binding("x", "delete", "Delete", show=False, tooltip="Delete the annotation here"),
        Binding("u", "undo", "Undo", tooltip="Undo the last change"),
        Binding("ctrl+r", "redo", "Redo", show=False, tooltip="Redo what was undone"),
        Binding("right_square_bracket", "next_annotation", "Next annotation", show=False),
        Binding("left_square_bracket", "previous_annotation", "Previous annotation", show=False),
        Binding(
            "exclamation_mark",
            "next_changed",
            "Next changed",
            show=False,
            tooltip="Next annotation a new version flagged: its words changed, or it moved",
        ),
        Binding(
            "K",
            "accept_changed",
            "Keep as it is",
            show=False,
            tooltip="Accept a flagged annotation as it now is: its words (or place) become "
            "the marked ones (u undoes)",
        ),
        Binding(
            "R",
            "reload_newest",
            "Newest version",
            show=False,
            tooltip="Reload into the newest version of the article (when another program "
            "added one), the cursor carried to the same words",
        ),
        Binding(
            "V",
            "versions",
            "Versions",
            show=False,
            tooltip="Versions, and what changed between two",
        ),
        Binding("slash", "search", "Search", tooltip="Search the article text"),
        Binding("semicolon", "next_match", "Next match", show=False),
        Binding("comma", "previous_match", "Previous match", show=False),
        Binding(
            "a",
            "toggle_suggestions",
            "Suggestions",
            show=False,
            tooltip="Show or hide the attributions claimmark found",
        ),
        Binding("greater_than_sign", "next_suggestion", "Next suggestion", show=False),
        Binding("less_than_sign", "previous_suggestion", "Previous suggestion", show=False),
        Binding("A", "accept_suggestion", "Accept suggestion", show=False),
        Binding("D", "dismiss_suggestion", "Dismiss suggestion", show=False),
        Binding(
            "backslash",
            "toggle_pane",
            "Pane",
            show=False,
            tooltip="Show or hide the annotation pane",
        ),
        Binding("ctrl+e", "export", "Export", show=False, tooltip="Export notes to Markdown"),
        Binding("C", "claims", "Claims", show=False, tooltip="Every claim in the library"),
        Binding("escape", "back", "Library", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]
    """Annotation, search, suggestion and navigation keys (motions live on ArticleView)."""

    # repaint=False: these feed the pane by data binding; repainting the whole screen on
    # every cursor move (the default) cost a full-screen render per key.
    entries: reactive[tuple[PaneEntry, ...]] = reactive((), always_update=True, repaint=False)
    """The article's annotations as the pane shows them."""
    current_id: reactive[int | None] = reactive(None, repaint=False)
    """The annotation under the article cursor."""
    dark: reactive[bool] = reactive(True, repaint=False)
    """Whether the app's theme is dark."""

    def __init__(
        self,
        store: Store,
        article_id: int,
        *,
        match: tuple[int, int] | None = None,
        exact_version: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        # Any version's id opens the newest: older texts are history (V shows them), read
        # here only when asked for (`exact_version`, `claimmark open --version N`).
        self.article: Article = store.newest_version(article_id)
        self.match = match
        """A span to open at, selected (a search hit); None opens where the reader was."""
        self._saved: tuple[int, int] | None = None
        self._save_timer: Timer | None = None
        self.history_version: tuple[int, int] | None = None
        """(number, count) while reading an older version as history: read-only, with the
        notes where they sat on it."""
        if exact_version and self.article.id != article_id:
            versions = store.versions(article_id)
            number = next(v.number for v in versions if v.id == article_id)
            self.article = store.get_article(article_id)
            self.history_version = (number, len(versions))
        self._newer_version: Article | None = None
        """A newer version another program added while this one is read, not yet loaded
        (R loads it; it loads by itself once no edit is pending)."""
        self.paragraphs = ParagraphIndex(self.article.text)
        self.annotations: dict[int, Annotation] = {}
        self.orphans: dict[int, Annotation] = {}
        """Annotations whose words are gone from this version (they sit on older ones)."""
        self._version_numbers: dict[int, int] = {}
        self.undo_stack: list[Change | DismissalStep] = []
        self.redo_stack: list[Change | DismissalStep] = []
        self._history_mark: HistoryMark | None = None
        """Where the journal stood when the reader opened; the history before it is read
        back (`_load_history`) the first time `u` or `ctrl+r` needs it."""
        self._changed_here = False
        """Has a new change been made since the reader opened (it ends the old redos)?"""
        self.suggestions: list[Suggestion] = []
        self._found_suggestions: list[Suggestion] = []
        self._suggestions_ready = False

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # No Header: the article view's first lines are the title and byline.
        # The text and its marks go in before the first layout, so the first frame shows them.
        self.dark = self.app.current_theme.dark
        self._view = ArticleView(id="article")
        self._pane = AnnotationPane(id="pane").data_bind(
            entries=ReaderScreen.entries,
            current_id=ReaderScreen.current_id,
            dark=ReaderScreen.dark,
        )
        # How many annotations the pane shows, or its filter (`_summarise`).
        self._heading = Static("Annotations", id="pane-heading", markup=False)
        self._view.set_article(self.article.title, self._credit(), self.article.text)
        self._load_annotations()
        self._open_at_position()
        self._status = Static(self._position_text(), id="reading-status", markup=False)
        with Horizontal(id="reader-body"):
            yield self._view
            with Vertical(id="pane-box"):
                yield self._heading
                yield self._pane
        with Horizontal(id="reader-footer"):
            yield KeyHints()
            yield self._status

    @property
    def view(self) -> ArticleView:
        return self._view

    @property
    def pane(self) -> AnnotationPane:
        return self._pane

    @on(AnnotationPane.SummaryChanged)
    def _summarise(self, event: AnnotationPane.SummaryChanged) -> None:
        # One line of a fixed size: its new text needs no new layout of the screen.
        self._heading.update(event.summary or "Annotations", layout=False)

    def on_mount(self) -> None:
        self.title = visible(self.article.title)  # the help screen's heading
        self.sub_title = visible(credit_line(self.article))
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.dark != self._marks_dark:  # the marks were drawn for the other theme
            self._refresh_marks()
        self.view.focus()
        try:
            self._history_mark = self.store.history_mark(self.article.id)
        except ClaimmarkError:
            self._history_mark = None  # no history to read back: this session's only
        self.call_after_refresh(self._record_opened)
        # Look for attributions once the first frame is on screen, not before it.
        self.set_timer(0.3, self._find_suggestions)

    # -- where the reader is --------------------------------------------------------------

    def _open_at_position(self) -> None:
        """Open at the match asked for, else where the reader was last time."""
        if self.match is not None:
            self._view.select_range(*self.match)
            return
        try:
            position = self.store.reading_position(self.article.id)
        except ClaimmarkError:
            position = None
        if position is not None:
            self._view.show_position(position.offset, position.top)
            self._saved = (position.offset, position.top)

    def _position_text(self) -> str:
        """¶N of M and how far through the text the cursor is, e.g. `¶4 of 12 · 31%`."""
        cursor = self._view.cursor
        length = len(self.article.text)
        percent = 100 if length == 0 else round(100 * cursor / length)
        return f"¶{self.paragraphs.number_of(cursor)} of {len(self.paragraphs)} · {percent}%"

    def _show_position(self) -> None:
        text = self._position_text()
        old = self._shown_position
        if text != old:  # the cursor moves often; repaint on change only
            self._shown_position = text
            # Its width follows its text: the screen is laid out again only when that
            # width changes (a layout of every widget costs more than the move itself).
            self._status.update(text, layout=len(text) != len(old))

    _shown_position = ""

    def save_position(self) -> None:
        """Remember where the reader is in this article (when leaving it, on quit, and
        after a pause in reading)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if not self._view.is_mounted:
            return
        position = (self._view.cursor, self._view.top_offset)
        if position == self._saved:
            return
        try:
            self.store.save_position(self.article.id, *position)
        except ClaimmarkError:
            return  # a read-only library still reads
        self._saved = position

    def on_screen_suspend(self) -> None:
        """Another screen goes over the reader (or it is popped): remember the position."""
        self.save_position()

    def on_unmount(self) -> None:
        """The reader closes (back to the library, or the app quits)."""
        self.save_position()

    def _record_opened(self) -> None:
        """Note the open in the library (after the first frame: it is a write), and say
        what a new version not seen before did to the notes."""
        if self.history_version is not None:
            number, count = self.history_version
            self.notify(
                f"Version {number} of {count}: an older text, kept as history, with the notes "
                "where they sat on it. Read-only: V compares versions; open the article "
                "without --version to annotate.",
                title=f"v{number} of {count}",
                timeout=8,
            )
            return
        if self.article.previous_id is not None and self.article.last_opened_at is None:
            changed = sum(1 for a in self.annotations.values() if a.changed)
            moved = sum(1 for a in self.annotations.values() if a.moved and not a.changed)
            orphans = len(self.orphans)
            parts = []
            if changed:
                parts.append(f"{changed} note{'s' if changed != 1 else ''} on changed words (!)")
            if moved:
                parts.append(f"{moved} moved: check {'their' if moved != 1 else 'its'} place (!)")
            if orphans:
                parts.append(f"{orphans} orphan{'s' if orphans != 1 else ''} in the pane")
            number = self._version_numbers.get(self.article.id, 0)
            self.notify(
                (", ".join(parts) + ". " if parts else "Every note kept its words. ")
                + "V shows what changed.",
                title=f"New version (v{number})",
                timeout=8,
            )
        try:
            self.store.mark_opened(self.article.id)
        except ClaimmarkError:
            pass  # a read-only library still reads

    def _theme_changed(self, theme: object) -> None:
        self.dark = self.app.current_theme.dark
        self._refresh_marks()

    # -- annotations <-> view and pane -------------------------------------------------

    def _load_annotations(self) -> None:
        if self.history_version is not None:
            # An older version: the notes where they sat on it; none are orphans here.
            found = self.store.version_annotations(self.article.id)
            self.annotations = {a.id: a for a in found}
            self._refresh_marks()
            return
        self.annotations = {a.id: a for a in self.store.list_annotations(self.article.id)}
        self._load_orphans()
        self._refresh_marks()

    def _credit(self) -> str:
        """The line under the title: the credit line, and for an older version read as
        history, which one it is."""
        credit = credit_line(self.article)
        if self.history_version is None:
            return credit
        number, count = self.history_version
        note = f"version {number} of {count}: history, read-only"
        return f"{credit} · {note}" if credit else note

    def _refuse_history(self) -> bool:
        """True (after saying so) when this is an older version read as history, which
        nothing changes."""
        if self.history_version is None:
            return False
        number, count = self.history_version
        self.notify(
            f"Version {number} of {count} is kept as history and cannot be changed: open "
            "the article without --version to annotate its newest text.",
            severity="warning",
            timeout=4,
        )
        return True

    def _load_orphans(self) -> None:
        if self.article.previous_id is None:
            return  # one version: no orphans
        self.orphans = {a.id: a for a in self.store.orphans(self.article.id)}
        self._version_numbers = {v.id: v.number for v in self.store.versions(self.article.id)}

    def _find(self, annotation_id: int) -> Annotation | None:
        """An annotation of this article or one of its orphans."""
        return self.annotations.get(annotation_id) or self.orphans.get(annotation_id)

    def _mark(self, annotation: Annotation) -> Mark:
        """How the article view draws `annotation`."""
        return Mark(
            annotation_id=annotation.id,
            start=annotation.start,
            end=annotation.end,
            color=background(color_name(annotation.color, annotation.tags), self.dark),
            claim_status=annotation.claim.status.value if annotation.claim else None,
            has_note=bool(annotation.note.strip()),
        )

    def _entry(self, annotation: Annotation) -> PaneEntry:
        """How the pane lists `annotation`: an annotation of this text by its paragraph,
        an orphan (its words are on an older version only) by that version."""
        if annotation.article_id == self.article.id:
            return PaneEntry(annotation, self.paragraphs.number_of(annotation.start))
        return PaneEntry(annotation, 0, self._version_numbers.get(annotation.article_id, 0))

    def _refresh_marks(self) -> None:
        """Show every annotation again: every mark and every pane entry rebuilt (on open,
        and when the theme changes the marks' colours)."""
        self._marks_dark = self.dark
        ordered = sorted(self.annotations.values(), key=_order)
        self.view.set_marks([self._mark(a) for a in ordered])
        orphans = sorted(self.orphans.values(), key=_orphan_order)
        self.entries = tuple(self._entry(a) for a in (*ordered, *orphans))
        self._update_current()
        self._show_suggestions()

    def _show_change(self, annotation_id: int, annotation: Annotation | None) -> None:
        """Show that annotation `annotation_id` is now `annotation` (None: deleted), on
        this text or, if its article is an older version, as an orphan.

        An edit changes one annotation, so one mark is put into or taken out of the view
        and one entry into or out of the pane's tuple (this text's entries in document
        order, then the orphans; found by bisection, every other entry kept as the same
        object, so that the pane redoes only that entry), rather than rebuilding all of
        them (43 ms at 5,000 annotations)."""
        entries = self.entries
        here = len(self.annotations)  # entries[:here] are this text's, the rest orphans
        old = self.annotations.pop(annotation_id, None)
        if old is not None:
            index = bisect_left(entries, _order(old), hi=here, key=_entry_order)
            entries = entries[:index] + entries[index + 1 :]
            here -= 1
            self.view.remove_mark(annotation_id)
        elif (orphan := self.orphans.pop(annotation_id, None)) is not None:
            index = bisect_left(entries, _orphan_order(orphan), lo=here, key=_orphan_entry_order)
            entries = entries[:index] + entries[index + 1 :]
        if annotation is not None and annotation.article_id == self.article.id:
            self.annotations[annotation.id] = annotation
            self.view.put_mark(self._mark(annotation))
            index = bisect_left(entries, _order(annotation), hi=here, key=_entry_order)
            entries = entries[:index] + (self._entry(annotation),) + entries[index:]
        elif annotation is not None:
            self.orphans[annotation.id] = annotation
            if annotation.article_id not in self._version_numbers:
                self._version_numbers = {
                    v.id: v.number for v in self.store.versions(self.article.id)
                }
            index = bisect_left(
                entries, _orphan_order(annotation), lo=here, key=_orphan_entry_order
            )
            entries = entries[:index] + (self._entry(annotation),) + entries[index:]
        self.entries = entries
        self._update_current()
        if (old is not None and old.claim) or (annotation is not None and annotation.claim):
            self._show_suggestions()  # a claim hides the suggestion on its span

    def _update_current(self) -> None:
        marks = self.view.marks_at(self.view.cursor)
        self.current_id = marks[0].annotation_id if marks else None

    @on(ArticleView.CursorMoved)
    def _track_cursor(self, event: ArticleView.CursorMoved) -> None:
        self._update_current()
        if self.is_mounted:
            self._show_position()
            if self._save_timer is None:
                self._save_timer = self.set_timer(SAVE_AFTER, self.save_position)
            else:
                self._save_timer.reset()

    def annotation_here(self) -> Annotation | None:
        """The innermost annotation under the article cursor (or the pane's highlighted
        one when the pane has focus)."""
        if self.pane.has_focus:
            return self.pane.annotation_at(self.pane.highlighted)
        marks = self.view.marks_at(self.view.cursor)
        return self.annotations.get(marks[0].annotation_id) if marks else None

    def _target(self) -> tuple[tuple[int, int] | None, Annotation | None]:
        """What an annotation key acts on: the selection, else the annotation here."""
        selection = self.view.selection if not self.pane.has_focus else None
        if selection is not None and selection[1] > selection[0]:
            return selection, None
        return None, self.annotation_here()

    def _nothing_to_act_on(self, verb: str) -> None:
        self.notify(
            f"Nothing to {verb}: select text first (v, s or p), or move onto an annotation.",
            severity="warning",
        )

    # -- changes (every one through here: store first, then screen) --------------------

    def _apply(
        self,
        change: Callable[[], Annotation],
        before: Annotation | None,
        label: str,
        *,
        deleting: bool = False,
        then: Callable[[Annotation], None] | None = None,
    ) -> None:
        """Write `change` through the app's write queue (at once, or once another process
        lets go of the write lock), then show it and make it undoable; `then(result)`
        follows it on screen."""

        def done(result: Annotation) -> None:
            after = None if deleting else result
            self._show_change(result.id, after)
            self.undo_stack.append(Change(before, after, label))
            self.redo_stack.clear()
            self._changed_here = True
            if then is not None:
                then(result)

        self.app.writes.submit(change, done, self._not_saved)  # type: ignore[attr-defined]

    def _notify_after_frame(self, message: str, timeout: float) -> None:
        """Say what an edit did once the frame that shows the edit is out.

        The edit (a mark and a pane entry) is what the key answers; the toast is a new
        widget to mount and lay out, drawn some frames later either way (about 50 ms after
        the key on a pseudo-terminal at 5,000 annotations, `benchmarks/bench_reader.py`).
        Asked for after the edit's frame, its work never runs before that frame."""
        self.call_after_refresh(self.notify, message, timeout=timeout)

    def _not_saved(self, error: ClaimmarkError) -> None:
        self.notify(str(error), title="Not saved", severity="error")
        if isinstance(error, Conflict):  # someone else changed it: show what is there now
            self.refresh_from_store()

    def refresh_from_store(self) -> None:
        """Another process or window changed the library: show this article's annotations
        as they are now (the app polls `Store.data_version` and calls this). A new version
        of the article is loaded at once when no edit is pending, else offered (R)."""
        try:
            if self.history_version is not None:
                fresh = {a.id: a for a in self.store.version_annotations(self.article.id)}
                if fresh != self.annotations:
                    self.annotations = fresh
                    self._refresh_marks()
                return
            newest = self.store.newest_version(self.article.id)
            if newest.id != self.article.id:
                announce = self._newer_version is None or self._newer_version.id != newest.id
                self._newer_version = newest
                if not self._edit_pending():
                    self._reload_into(newest)
                elif announce:
                    self.notify(
                        "A new version of this article arrived (your notes were carried to "
                        "it). Press R to read it; it loads by itself once you finish.",
                        title="New version",
                        timeout=8,
                    )
                return
            fresh = {a.id: a for a in self.store.list_annotations(self.article.id)}
            orphans = (
                {a.id: a for a in self.store.orphans(self.article.id)}
                if self.article.previous_id is not None
                else {}
            )
        except ClaimmarkError as error:
            self.notify(str(error), title="Cannot reload", severity="error")
            return
        if fresh != self.annotations or orphans != self.orphans:
            self.annotations = fresh
            self.orphans = orphans
            self._refresh_marks()

    def _edit_pending(self) -> bool:
        """True while reloading would cut into something the user is doing: a dialog or
        another screen over the reader, changes waiting for the database, a selection."""
        selection = self.view.selection
        return (
            self.app.screen is not self
            or bool(self.app.writes.waiting)  # type: ignore[attr-defined]
            or (selection is not None and selection[1] > selection[0])
        )

    def on_screen_resume(self) -> None:
        """Back on the reader (a dialog closed): load a new version that arrived meanwhile,
        if nothing else is pending."""
        newer = self._newer_version
        if newer is not None and not self._edit_pending():
            self.call_after_refresh(self._reload_if_still_newer)

    def _reload_if_still_newer(self) -> None:
        newer = self._newer_version
        if newer is not None and newer.id != self.article.id and not self._edit_pending():
            self._reload_into(newer)

    def action_reload_newest(self) -> None:
        """Read the newest version of the article, the cursor on the same words."""
        if self.history_version is not None:
            self._reload_into(self.store.newest_version(self.article.id))
            return
        try:
            newest = self.store.newest_version(self.article.id)
        except ClaimmarkError as error:
            self.notify(str(error), title="Cannot reload", severity="error")
            return
        if newest.id == self.article.id:
            self.notify("This is the newest version of the article.", timeout=2)
            return
        if self.app.writes.waiting:  # type: ignore[attr-defined]
            self.notify(
                "Changes are still waiting for the database: R once they are saved.",
                severity="warning",
            )
            return
        self._reload_into(newest)

    def _reload_into(self, newest: Article) -> None:
        """Show version `newest` in place of this one: its text, its notes (carried to it
        when it arrived) and orphans, the cursor on the words it was on (mapped through
        the same diff that carried the notes). Undo keeps working: a change made before
        is undone on the carried annotation, where it now sits."""
        from claimmark.store.reanchor import TextMap

        self._load_history()  # the earlier history is this text's: read it before leaving
        self.save_position()
        old = self.article
        cursor = TextMap(old.text, newest.text).nearest(self.view.cursor)
        was_history = self.history_version is not None
        self.article = newest
        self.history_version = None
        self._newer_version = None
        self.paragraphs = ParagraphIndex(newest.text)
        self.annotations, self.orphans = {}, {}
        # Dismissed suggestions belong to the old text's spans: their steps end here.
        self.undo_stack[:] = [c for c in self.undo_stack if isinstance(c, Change)]
        self.redo_stack[:] = [c for c in self.redo_stack if isinstance(c, Change)]
        self.view.set_article(newest.title, self._credit(), newest.text)
        self._load_annotations()
        self.view.move_cursor(min(cursor, len(newest.text)))
        self._saved = None
        self._show_position()
        self.title = visible(newest.title)
        self.sub_title = visible(credit_line(newest))
        self.suggestions, self._found_suggestions = [], []
        self._suggestions_ready = False
        self._find_suggestions()
        number = self._version_numbers.get(newest.id, 0)
        flagged = sum(1 for a in self.annotations.values() if a.flagged)
        parts = [f"{flagged} flagged (!)"] if flagged else []
        if self.orphans:
            parts.append(f"{len(self.orphans)} orphan{'s' if len(self.orphans) != 1 else ''}")
        self.notify(
            ("Reading the newest version" if was_history else "A new version arrived: reloaded")
            + (f" ({', '.join(parts)})" if parts else "")
            + ". V shows what changed.",
            title=f"v{number}" if number else "Newest version",
            timeout=6,
        )
        try:
            self.store.mark_opened(newest.id)
        except ClaimmarkError:
            pass

    def _create(
        self,
        span: tuple[int, int],
        *,
        tags: tuple[str, ...] = (),
        note: str = "",
        claim: Claim | None = None,
        label: str,
        then: Callable[[Annotation], None] | None = None,
    ) -> None:
        draft = AnnotationDraft(
            self.article.id, span[0], span[1], note=note, tags=tags, claim=claim
        )

        def made(created: Annotation) -> None:
            # Like vim after an operator on a visual selection: the cursor goes to the
            # start, so the new annotation is "the one here" for the next t, n or c.
            self.view.clear_selection()
            self.view.move_cursor(created.start)
            if then is not None:
                then(created)

        self._apply(lambda: self.store.create_annotation(draft), None, label, then=made)

    def _update(
        self,
        annotation: Annotation,
        label: str,
        then: Callable[[Annotation], None] | None = None,
        **fields: object,
    ) -> None:
        self._apply(
            lambda: self.store.update_annotation(annotation.id, **fields),  # type: ignore[arg-type]
            annotation,
            label,
            then=then,
        )

    def action_highlight(self) -> None:
        """Highlight the selection; on an annotation, cycle its colour."""
        if self._refuse_history():
            return
        span, annotation = self._target()
        if span is not None:
            self._create(
                span,
                label="highlight",
                then=lambda _: self._notify_after_frame("Highlighted.", 1.5),
            )
        elif annotation is not None:
            names = list(HIGHLIGHT_COLORS)
            current = color_name(annotation.color, annotation.tags)
            following = names[(names.index(current) + 1) % len(names)]
            self._update(
                annotation,
                "colour",
                then=lambda _: self._notify_after_frame(f"Colour: {following}.", 1.5),
                color=following,
            )
        else:
            self._nothing_to_act_on("highlight")

    def action_tags(self) -> None:
        """Tag the selection (a new highlight) or the annotation under the cursor."""
        if self._refuse_history():
            return
        span, annotation = self._target()
        if span is None and annotation is None:
            self._nothing_to_act_on("tag")
            return
        current = annotation.tags if annotation else ()
        from claimmark.tui.dialogs import TagsDialog

        def done(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return
            if span is not None:
                self._create(span, tags=tags, label="tag")
            elif annotation is not None:
                self._update(annotation, "tags", tags=tags)

        self.app.push_screen(TagsDialog(current, self.store.list_tags()), done)

    def action_note(self) -> None:
        """Write a note on the selection (a new highlight) or the annotation here."""
        if self._refuse_history():
            return
        span, annotation = self._target()
        if span is None and annotation is None:
            self._nothing_to_act_on("note")
            return
        quote = self.article.text[span[0] : span[1]] if span else annotation.quote  # type: ignore[union-attr]
        from claimmark.tui.dialogs import NoteDialog

        def done(note: str | None) -> None:
            if note is None:
                return
            if span is not None:
                self._create(span, note=note, label="note")
            elif annotation is not None:
                self._update(annotation, "note", note=note)

        self.app.push_screen(NoteDialog(annotation.note if annotation else "", quote), done)

    def action_claim(self) -> None:
        """Record the selection as a claim, or edit the claim of the annotation here."""
        if self._refuse_history():
            return
        span, annotation = self._target()
        if span is None and annotation is None:
            self._nothing_to_act_on("record as a claim")
            return
        if span is not None:
            self._open_claim_form(span, None, Claim())
        else:
            self._open_claim_form(None, annotation, annotation.claim)  # type: ignore[union-attr]

    def _open_claim_form(
        self, span: tuple[int, int] | None, annotation: Annotation | None, claim: Claim | None
    ) -> None:
        quote = annotation.quote if annotation else self.article.text[span[0] : span[1]]  # type: ignore[index]
        from claimmark.tui.dialogs import ClaimDialog

        def done(result: ClaimFormResult | None) -> None:
            if result is None:
                return
            if annotation is not None:
                self._update(
                    annotation, "claim", claim=result.claim, tags=result.tags, note=result.note
                )
            elif span is not None:
                self._create(
                    span, tags=result.tags, note=result.note, claim=result.claim, label="claim"
                )

        self.app.push_screen(
            ClaimDialog(
                quote=quote,
                claim=claim,
                tags=annotation.tags if annotation else (),
                note=annotation.note if annotation else "",
                known_claimants=self.store.claimants(),
                known_sources=self.store.claim_sources(),
                known_tags=self.store.list_tags(),
            ),
            done,
        )

    def action_delete(self) -> None:
        """Delete the annotation under the cursor (u undoes it)."""
        if self._refuse_history():
            return
        annotation = self.annotation_here()
        if annotation is None:
            self.notify("No annotation under the cursor to delete.", severity="warning")
            return
        self._delete(annotation)

    def _delete(self, annotation: Annotation) -> None:
        self._apply(
            lambda: self.store.delete_annotation(annotation.id, expected=annotation),
            annotation,
            "delete",
            deleting=True,
            then=lambda _: self._notify_after_frame(DELETED_NOTICE, 4),
        )

    def _load_history(self) -> None:
        """Put the history from before the reader opened (read back from the journal, see
        `store.history`) under this session's: undo goes on into earlier sessions, and a
        redo left from one still works until a new change is made."""
        mark, self._history_mark = self._history_mark, None
        if mark is None:
            return
        try:
            history = self.store.undo_history(self.article.id, mark)
        except ClaimmarkError as error:
            self.notify(f"Earlier changes cannot be undone: {error}", severity="warning")
            return

        def step(item: AnnotationStep | DismissalStep) -> Change | DismissalStep:
            if isinstance(item, AnnotationStep):
                return Change(item.before, item.after, item.label)
            return item

        self.undo_stack[:0] = [step(item) for item in history.undo]
        if not self._changed_here:
            self.redo_stack[:0] = [step(item) for item in history.redo]

    def _replay(
        self,
        source: list[Change | DismissalStep],
        target: list[Change | DismissalStep],
        undo: bool,
    ) -> None:
        if self._refuse_history():
            return
        self._load_history()
        if not source:
            self.notify(f"Nothing to {'undo' if undo else 'redo'}.", severity="warning")
            return
        change = source.pop()
        if isinstance(change, DismissalStep):
            self._replay_dismissal(change, source, target, undo)
            return
        goal, current = (change.before, change.after) if undo else (change.after, change.before)

        def run() -> Annotation:
            # Only the annotation as this screen left it is replaced or deleted: what
            # another window changed meanwhile is refused (Conflict), never overwritten.
            if goal is None:
                assert current is not None
                return self.store.delete_annotation(current.id, expected=current)
            return self.store.restore_annotation(goal, expected=current)

        def done(result: Annotation) -> None:
            self._show_change(result.id, None if goal is None else result)
            target.append(change)
            spot = result if goal is not None else current
            if spot is not None and spot.article_id == self.article.id:
                self.view.move_cursor(spot.start)
            if undo and change.after is None:  # a deletion undone: its advice is done
                self.app.withdraw(DELETED_NOTICE)  # type: ignore[attr-defined]
            self._notify_after_frame(f"{'Undid' if undo else 'Redid'} {change.label}.", 1.5)

        def failed(error: ClaimmarkError) -> None:
            source.append(change)
            self._not_saved(error)

        self.app.writes.submit(run, done, failed)  # type: ignore[attr-defined]

    def _replay_dismissal(
        self,
        step: DismissalStep,
        source: list[Change | DismissalStep],
        target: list[Change | DismissalStep],
        undo: bool,
    ) -> None:
        """Undo a dismissal (the suggestion comes back) or redo it."""
        article = self.article.id

        def run() -> None:
            if undo:
                self.store.undismiss_suggestion(article, step.start, step.end)
            else:
                self.store.dismiss_suggestion(article, step.start, step.end)

        def done(_: None) -> None:
            target.append(step)
            self._suggestions_dismissed_changed()
            self.view.move_cursor(step.start)
            self.notify(f"{'Undid' if undo else 'Redid'} dismissal.", timeout=1.5)

        def failed(error: ClaimmarkError) -> None:
            source.append(step)
            self._not_saved(error)

        self.app.writes.submit(run, done, failed)  # type: ignore[attr-defined]

    def _suggestions_dismissed_changed(self) -> None:
        """Show the suggestions found as the dismissals now stand."""
        if not self._suggestions_ready:
            return
        try:
            dismissed = self.store.dismissed_suggestions(self.article.id)
        except ClaimmarkError:
            return
        found = self._found_suggestions
        self.suggestions = [s for s in found if (s.start, s.end) not in dismissed]
        self._show_suggestions()

    def action_undo(self) -> None:
        """Undo the last create, edit or delete."""
        self._replay(self.undo_stack, self.redo_stack, undo=True)

    def action_redo(self) -> None:
        """Redo the last undone change."""
        self._replay(self.redo_stack, self.undo_stack, undo=False)

    # -- moving between annotations, matches and suggestions ---------------------------

    def action_next_annotation(self) -> None:
        mark = self.view.next_mark(self.view.cursor)
        if mark is None:
            self.notify("No more annotations after the cursor.", severity="warning", timeout=2)
        else:
            self.view.move_cursor(mark.start)

    def action_previous_annotation(self) -> None:
        mark = self.view.previous_mark(self.view.cursor)
        if mark is None:
            self.notify("No annotations before the cursor.", severity="warning", timeout=2)
        else:
            self.view.move_cursor(mark.start)

    def action_search(self) -> None:
        """Ask for text and jump to its first match after the cursor."""
        from claimmark.tui.dialogs import PromptDialog

        def done(query: str | None) -> None:
            if query is None:
                return
            count = self.view.set_search(query or None)
            if not query:
                return
            if count == 0:
                self.notify(f"No match for {query!r}.", severity="warning")
                return
            self.view.next_match()
            self.notify(f"{count} match{'es' if count > 1 else ''}: ; next, , previous.", timeout=3)

        self.app.push_screen(PromptDialog("Search the article", placeholder="text"), done)

    def action_next_match(self) -> None:
        if self.view.next_match() is None:
            self.notify("No search: press / to search.", severity="warning", timeout=2)

    def action_previous_match(self) -> None:
        if self.view.previous_match() is None:
            self.notify("No search: press / to search.", severity="warning", timeout=2)

    @work(thread=True, exclusive=True, group="suggestions")
    def _find_suggestions(self) -> None:
        from claimmark.store.suggest import suggest_attributions

        found = suggest_attributions(self.article.text)
        self.app.call_from_thread(self._suggestions_found, found)

    def _suggestions_found(self, found: Suggestions) -> None:
        self._found_suggestions = list(found)
        dismissed = self.store.dismissed_suggestions(self.article.id)
        self.suggestions = [s for s in found if (s.start, s.end) not in dismissed]
        self._suggestions_ready = True
        self._show_suggestions()
        if found.truncated:
            self.notify(
                f"Suggestions cover only the first {found.read:,} characters of this article.",
                severity="warning",
                timeout=6,
            )

    def _open_suggestions(self) -> list[Suggestion]:
        """Suggestions not dismissed and not already recorded as a claim on that span."""
        claimed = {(a.start, a.end) for a in self.annotations.values() if a.claim}
        return [s for s in self.suggestions if (s.start, s.end) not in claimed]

    def _show_suggestions(self) -> None:
        if self._suggestions_ready:
            self.view.set_suggestions([(s.start, s.end) for s in self._open_suggestions()])

    def action_toggle_suggestions(self) -> None:
        """Show or hide the attributed statements claimmark found."""
        self.view.show_suggestions = not self.view.show_suggestions
        if not self.view.show_suggestions:
            self.notify("Suggestions hidden.", timeout=1.5)
        elif not self._suggestions_ready:
            self.notify("Still looking for attributions…", timeout=2)
        else:
            count = len(self._open_suggestions())
            self.notify(
                f"{count} suggested attribution{'s' if count != 1 else ''}: > next, < previous,"
                " A accept, D dismiss.",
                timeout=4,
            )

    def _suggestion_here(self) -> Suggestion | None:
        cursor = self.view.cursor
        for s in self._open_suggestions():
            if s.start <= cursor < s.end or (cursor == s.end and s.end > s.start):
                return s
        return None

    def _jump_suggestion(self, forward: bool) -> None:
        if not self._suggestions_ready:
            self.notify("Still looking for attributions…", timeout=2)
            return
        self.view.show_suggestions = True
        cursor = self.view.cursor
        spans = self._open_suggestions()
        found = (
            next((s for s in spans if s.start > cursor), None)
            if forward
            else next((s for s in reversed(spans) if s.start < cursor), None)
        )
        if found is None:
            where = "after" if forward else "before"
            self.notify(
                f"No suggested attributions {where} the cursor.", severity="warning", timeout=2
            )
            return
        self.view.move_cursor(found.start)
        self.notify(f"{found.claimant} — {found.cue} ({found.attribution.value})", timeout=3)

    def action_next_suggestion(self) -> None:
        self._jump_suggestion(forward=True)

    def action_previous_suggestion(self) -> None:
        self._jump_suggestion(forward=False)

    def action_accept_suggestion(self) -> None:
        """Open the claim form prefilled from the suggestion under the cursor."""
        if self._refuse_history():
            return
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.notify(
                "No suggestion under the cursor (> jumps to the next one).", severity="warning"
            )
            return
        attribution = suggestion.attribution
        if not isinstance(attribution, Attribution):
            attribution = Attribution(attribution)
        self._open_claim_form(
            (suggestion.start, suggestion.end),
            None,
            Claim(
                claimant=suggestion.claimant, sources=suggestion.sources, attribution=attribution
            ),
        )

    def action_dismiss_suggestion(self) -> None:
        """Dismiss the suggestion under the cursor for good."""
        if self._refuse_history():
            return
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.notify("No suggestion under the cursor to dismiss.", severity="warning")
            return

        def done(_: None) -> None:
            if suggestion in self.suggestions:
                self.suggestions.remove(suggestion)
            self._show_suggestions()
            self.undo_stack.append(DismissalStep(suggestion.start, suggestion.end))
            self.redo_stack.clear()
            self._changed_here = True
            self.notify("Suggestion dismissed. Press u to undo.", timeout=3)

        self.app.writes.submit(  # type: ignore[attr-defined]
            lambda: self.store.dismiss_suggestion(
                self.article.id, suggestion.start, suggestion.end
            ),
            done,
        )

    # -- pane ------------------------------------------------------------------------

    @on(AnnotationPane.Chosen)
    def _jump_to_chosen(self, event: AnnotationPane.Chosen) -> None:
        annotation = self.annotations.get(event.annotation_id)
        if annotation is not None:
            self.view.move_cursor(annotation.start)
            self.view.focus()
        elif event.annotation_id in self.orphans:
            self.notify(
                "An orphan: its words are gone from this version. Select the text it belongs "
                "to in the article (v, s or p), then press r on it here to re-attach it.",
                timeout=6,
            )

    @on(AnnotationPane.ReattachRequested)
    def _reattach_requested(self, event: AnnotationPane.ReattachRequested) -> None:
        if self._refuse_history():
            return
        annotation = self._find(event.annotation_id)
        selection = self.view.selection
        if annotation is None:
            return
        if selection is None or selection[1] <= selection[0]:
            self.notify(
                "Select the text first: in the article (tab), v, s or p, then tab back "
                "and press r on the annotation.",
                severity="warning",
                timeout=5,
            )
            return
        start, end = selection

        def placed(result: Annotation) -> None:
            self.view.clear_selection()
            self.notify("Re-attached to the selection. Press u to undo.", timeout=3)

        self._apply(
            lambda: self.store.reattach_annotation(annotation.id, self.article.id, start, end),
            annotation,
            "re-attach",
            then=placed,
        )

    def action_next_changed(self) -> None:
        """Jump to the next annotation a new version flagged: its words changed since they
        were marked, or it was moved onto its words found elsewhere."""
        changed = sorted((a for a in self.annotations.values() if a.flagged), key=_order)
        if not changed:
            orphans = len(self.orphans)
            extra = (
                f" ({orphans} orphan{'s' if orphans != 1 else ''} in the pane)" if orphans else ""
            )
            self.notify(f"No annotation's words changed or moved{extra}.", timeout=3)
            return
        cursor = self.view.cursor
        target = next((a for a in changed if a.start > cursor), changed[0])
        self.view.move_cursor(target.start)
        if target.marked_quote is not None:
            message = f"Marked as: “{visible(target.marked_quote)[:120]}”"
        else:
            message = (
                "Moved: its words were deleted where it was marked; these are the same "
                "words found here. Check the place"
            )
        self.notify(message + " (K keeps it as it is).", timeout=5)

    def action_accept_changed(self) -> None:
        """Take the flagged annotation under the cursor (or highlighted in the pane) as it
        now is: the words under it become its marked words, its place the right one."""
        if self._refuse_history():
            return
        annotation = self.annotation_here()
        if annotation is None or not annotation.flagged:
            self.notify(
                "No flagged annotation here: ! jumps to the next one whose words changed "
                "or that moved.",
                severity="warning",
                timeout=3,
            )
            return
        self._apply(
            lambda: self.store.accept_changed_words(annotation.id),
            annotation,
            "accept",
            then=lambda _: self.notify(
                "Kept as it is now: the flag is gone. Press u to undo.", timeout=3
            ),
        )

    def action_versions(self) -> None:
        """Show the article's versions and what changed between two of them."""
        from claimmark.tui.dialogs.versions import VersionsScreen

        self.app.push_screen(VersionsScreen(self.store, self.article.id))

    @on(AnnotationPane.EditRequested)
    def _edit_requested(self, event: AnnotationPane.EditRequested) -> None:
        if self._refuse_history():
            return
        annotation = self._find(event.annotation_id)
        if annotation is None:
            return
        if annotation.claim is not None:
            self._open_claim_form(None, annotation, annotation.claim)
            return

        from claimmark.tui.dialogs import NoteDialog

        def done(note: str | None) -> None:
            if note is not None:
                self._update(annotation, "note", note=note)

        self.app.push_screen(NoteDialog(annotation.note, annotation.quote), done)

    @on(AnnotationPane.DeleteRequested)
    def _delete_requested(self, event: AnnotationPane.DeleteRequested) -> None:
        if self._refuse_history():
            return
        annotation = self._find(event.annotation_id)
        if annotation is not None:
            self._delete(annotation)

    @on(AnnotationPane.FilterRequested)
    def _filter_requested(self, event: AnnotationPane.FilterRequested) -> None:
        from claimmark.tui.dialogs import PromptDialog

        def done(text: str | None) -> None:
            if text is not None:
                self.pane.filter_text = text

        statuses = [status.value for status in ClaimStatus]
        self.app.push_screen(
            PromptDialog(
                "Filter annotations (text, #tag or status)",
                value=event.current,
                suggestions=[*(f"#{t}" for t in self.store.list_tags()), *statuses],
            ),
            done,
        )

    def action_toggle_pane(self) -> None:
        """Show or hide the annotation pane (with its edge and heading: its box)."""
        box = self.query_one("#pane-box")
        box.display = not box.display
        if not box.display:
            self.view.focus()

    # -- elsewhere -------------------------------------------------------------------

    def action_export(self) -> None:
        """Export this article's notes to Markdown in the export folder."""
        from claimmark.store.export.files import export_article

        try:
            path = export_article(self.store, self.article.id)
        except (ClaimmarkError, OSError) as error:
            self.notify(str(error), title="Export failed", severity="error")
            return
        self.notify(f"Exported to {path}", title="Export", timeout=6)

    def action_claims(self) -> None:
        from claimmark.tui.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen(self.store))

    def action_back(self) -> None:
        """Back to where the reader was opened from (the library, or the claims view)."""
        self.save_position()  # before the screen below reads it
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            from claimmark.tui.screens.library import LibraryScreen
            from claimmark.tui.textual_private import let_switch_replace

            # The reader is the app's first screen (`claimmark open`): replace it.
            library = LibraryScreen(self.store)
            if let_switch_replace(self):
                self.app.switch_screen(library)
            else:
                self.app.push_screen(library)

    def action_help(self) -> None:
        from claimmark.tui.dialogs import HelpScreen
        from claimmark.tui.help_sections import help_sections

        self.app.push_screen(HelpScreen(help_sections(self)))

    def jump_to(self, offset: int) -> None:
        """Move the article cursor to `offset` (used when opening at a claim)."""
        self.view.move_cursor(offset)
