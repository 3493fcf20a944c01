"""The library: every article, sortable, searchable as you type, with delete and undo.

The list is virtualised (tui/widgets/article_list.py): the store gives the ids in order
from an index and the list fetches the few summaries on screen, so 30,000 articles open
as fast as ten. `/` searches titles, article text, quotes, notes, claimants, sources and
tags in a worker thread on a connection of its own, interrupted when the query changes,
so typing never waits for a search.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static
from textual.worker import get_current_worker

from claimmark.store.errors import ClaimmarkError, Interrupted
from claimmark.store.models import DeletedArticles, LibrarySort, SearchHit, SearchResult
from claimmark.store.store import Store
from claimmark.tui.textfit import safe_line
from claimmark.tui.widgets.article_rows import ArticleRows
from claimmark.tui.widgets.hit_rows import HitRows
from claimmark.tui.widgets.key_hints import KeyHints
from claimmark.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from claimmark.tui.app import LibraryHistory
    from claimmark.tui.writes import WriteQueue

SEARCH_LIMIT = 30
"""Hits shown for a search (the best ones: about a screenful)."""
SEARCH_THROTTLE = 0.08
"""Seconds between two searches while typing: the first key searches at once, the keys
that follow within this time are searched together when it has passed."""
SAME_FRAME_WAIT = 0.05
"""Seconds the first key of a search waits for its hits before the typed text is drawn
without them (then the hits come in a frame of their own)."""
FIRST_ROWS = 200
"""Article ids read before the library's first frame (a screenful, with room to spare)."""
SORT_SETTING = "library_sort"
"""The setting that remembers the library's order, e.g. `title` or `claims reversed`."""


class SearchInput(Input):
    """The search line: typing searches, up/down/page keys move through the hits."""

    BINDINGS = [
        Binding("enter", "submit", "Open at the match"),
        Binding("down", "move(1)", "Next hit", key_display="↑↓"),
        Binding("up", "move(-1)", "Previous hit", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
        Binding("tab", "app.focus_next", "To the hits"),
        Binding("escape", "screen.clear_search", "Clear"),
    ]
    """Keys of the search line: enter opens the hit under the cursor, the arrows move it."""

    class Move(Message):
        """Move the hit cursor by `rows`."""

        def __init__(self, rows: int) -> None:
            super().__init__()
            self.rows = rows

    def action_move(self, rows: int) -> None:
        """Ask the screen to move the hit cursor."""
        self.post_message(self.Move(rows))


class LibraryScreen(Screen[None]):
    """Pick an article to read; the most recently opened one is first."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="Read the selected article (at the match)"),
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="Search titles, text, quotes, notes, claimants, sources and tags",
        ),
        Binding("escape", "clear_search", "Clear", show=False, tooltip="Clear the search"),
        Binding(
            "s",
            "cycle_sort",
            "Sort",
            tooltip="Sort by last opened, added, title, annotations, notes or claims",
        ),
        Binding("S", "reverse_sort", "Reverse", show=False, tooltip="Reverse the order"),
        Binding("d", "delete", "Delete", tooltip="Delete the selected article (u undoes)"),
        Binding("u", "undo", "Undo", show=False, tooltip="Undo the last delete"),
        Binding("a", "add", "Add", tooltip="Add an article file or folder"),
        Binding("t", "tags", "Tags", tooltip="Every tag: rename, merge or delete"),
        Binding("C", "claims", "Claims", tooltip="Every claim in the library"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]
    """Library keys."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.sort, self.reverse = _read_sort(store)
        self._searcher: Store | None = None
        self._search_seq = 0
        self._searching = False
        self._throttle: Timer | None = None
        self._pending: str | None = None
        self._last_searched: str | None = None
        self._shown_query: str | None = None
        self._open_when_found = False
        self._search_lock = threading.Lock()
        self._found = asyncio.Event()
        self.result: SearchResult | None = None
        """The search shown, if any."""
        self.article_rows = ArticleRows(store.article_summaries)
        """The library's articles in the current order."""
        self.hit_rows = HitRows()
        """The hits of the search shown."""
        self.showing_hits = False
        """Whether the list shows search hits (else the articles)."""
        self._article_before_search: int | None = None
        self._loaded = False

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchInput(
            placeholder='Search everything: words, "a phrase", prefix*, AND, OR, NOT',
            id="library-search",
        )
        yield Static(id="library-hint", markup=False)
        yield RowList(self.article_rows, id="library")
        yield KeyHints()

    @property
    def rows(self) -> RowList:
        """The list: the articles, or the hits of a search."""
        return self.query_one("#library", RowList)

    @property
    def search_input(self) -> SearchInput:
        return self.query_one("#library-search", SearchInput)

    def on_mount(self) -> None:
        self.title = "Library"
        self.search_input.display = False
        self.rows.focus()

    def on_screen_resume(self) -> None:
        """Shown for the first time or again: (re)load, as counts and positions change
        while reading. The first time, only a screenful of ids is read before the first
        frame; the rest of a large library right after it."""
        if self._loaded:
            self.refresh_articles()
            return
        self._loaded = True
        try:
            ids = self.store.library_ids(self.sort, reverse=self.reverse, limit=FIRST_ROWS)
            total = self.store.library_count() if len(ids) == FIRST_ROWS else len(ids)
        except ClaimmarkError as error:
            self.notify(str(error), title="Cannot read the library", severity="error")
            ids, total = [], 0
        self.article_rows.load(ids, self.sort, self.reverse, total)
        self.rows.show(self.article_rows, 0)
        self._show_hint(total)
        if len(ids) < total:
            self.call_after_refresh(self.refresh_articles)

    def refresh_from_store(self) -> None:
        """Another process changed the library: list it again (and search again)."""
        self.refresh_articles()
        if self.showing_hits and self._shown_query:
            self._pending = self._shown_query
            self._start_search()

    def on_unmount(self) -> None:
        if self._searcher is not None:
            self._searcher.interrupt()
            self._searcher.close()
            self._searcher = None

    # -- the list --------------------------------------------------------------------

    def refresh_articles(self, select: int | None = None) -> None:
        """Reload the article ids in the current order, keeping the cursor on its
        article (or on `select`)."""
        keep = select if select is not None else self._current_article()
        try:
            ids = self.store.library_ids(self.sort, reverse=self.reverse)
        except ClaimmarkError as error:
            self.notify(str(error), title="Cannot read the library", severity="error", markup=False)
            ids = []
        self.article_rows.load(ids, self.sort, self.reverse)
        if self.showing_hits:
            self._article_before_search = keep
        else:
            self.rows.show(self.article_rows, self.article_rows.index_of(keep) or 0)
        self._show_hint()

    def _current_article(self) -> int | None:
        """The article the list's cursor is on while it shows the articles."""
        if self.showing_hits:
            return self._article_before_search
        return self.article_rows.id_at(self.rows.cursor)

    def _show_articles(self, select: int | None = None) -> None:
        """The list shows the articles again (after a search)."""
        if self.showing_hits:
            self.showing_hits = False
            wanted = select if select is not None else self._article_before_search
            self.rows.show(self.article_rows, self.article_rows.index_of(wanted) or 0)

    def _show_hits(self, hits: list[SearchHit]) -> None:
        if not self.showing_hits:
            self._article_before_search = self.article_rows.id_at(self.rows.cursor)
            self.showing_hits = True
        self.hit_rows = HitRows(hits)
        self.rows.show(self.hit_rows, 0)

    def _show_hint(self, count: int | None = None) -> None:
        count = len(self.article_rows.ids) if count is None else count
        order = self.sort.label + (", reversed" if self.reverse else "")
        self.sub_title = f"{count:,} article{'s' if count != 1 else ''} · by {order}"
        hint = self.query_one("#library-hint", Static)
        if self.result is not None and self.showing_hits:
            hint.update(self._result_hint(self.result))
        elif not count:
            hint.update("The library is empty. Press a to add an article file or folder.")
        else:
            hint.update(
                f"Sorted by {order} (s: next order, S: reverse) · / searches text, notes, "
                "claims and tags"
            )

    def selected_id(self) -> int | None:
        """The article under the cursor (of the hit, when search results are shown)."""
        if self.showing_hits:
            hit = self.hit_rows.hit_at(self.rows.cursor)
            return hit.article_id if hit else None
        return self.article_rows.id_at(self.rows.cursor)

    @on(RowList.Chosen)
    def _row_chosen(self, event: RowList.Chosen) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Read the article under the cursor; from a search hit, at the match."""
        from claimmark.tui.screens.reader import ReaderScreen

        if self.search_input.display and self.search_input.value.strip():
            if self._shown_query != self.search_input.value.strip():
                self._open_when_found = True  # the search for what was typed is running
                return
        if self.showing_hits:
            hit = self.hit_rows.hit_at(self.rows.cursor)
            if hit is None:
                self.notify("No hit to open: change the search.", severity="warning")
                return
            self.app.push_screen(ReaderScreen(self.store, hit.article_id, match=_match(hit)))
            return
        article_id = self.article_rows.id_at(self.rows.cursor)
        if article_id is None:
            self.notify("No article to open: press a to add one.", severity="warning")
            return
        self.app.push_screen(ReaderScreen(self.store, article_id))

    def action_cycle_sort(self) -> None:
        """The next order: last opened, added, title, annotations, notes, claims."""
        orders = list(LibrarySort)
        self._set_sort(orders[(orders.index(self.sort) + 1) % len(orders)], False)

    def action_reverse_sort(self) -> None:
        """The same order, the other way round."""
        self._set_sort(self.sort, not self.reverse)

    def _set_sort(self, sort: LibrarySort, reverse: bool) -> None:
        self.sort, self.reverse = sort, reverse
        self.refresh_articles()
        value = sort.value + (" reversed" if reverse else "")
        self.writes.submit(
            lambda: self.store.set_setting(SORT_SETTING, value),
            lambda _: None,
            lambda _: None,  # a read-only library sorts for this session only
        )

    # -- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        """Show the search line and type into it."""
        box = self.search_input
        box.display = True
        box.focus()
        if self._searcher is None:  # opened now, not on the first key typed
            try:
                self._searcher = Store(self.store.path, check="skip")
            except ClaimmarkError as error:
                self.notify(str(error), title="Cannot search", severity="error", markup=False)
        if box.value:
            box.select_all()

    def action_clear_search(self) -> None:
        """Clear the search and go back to the whole library."""
        box = self.search_input
        if not box.display and not self.showing_hits:
            return
        self._search_seq += 1  # a search still running is no longer wanted
        if self._searcher is not None and self._searching:
            self._searcher.interrupt()
        self._pending = None
        self._open_when_found = False
        box.value = ""
        box.display = False
        self.result = None
        self._shown_query = None
        self._last_searched = None
        self._show_articles()
        self.rows.focus()
        self._show_hint()

    @on(Input.Changed, "#library-search")
    async def _query_changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        if not query:
            self._search_seq += 1
            if self._searcher is not None and self._searching:
                self._searcher.interrupt()
            self._pending = None
            self.result = None
            self._shown_query = None
            self._last_searched = None
            self._show_articles()
            self._show_hint()
            return
        self._pending = query
        if self._throttle is None:
            self._start_search()  # the first key of a burst searches at once
            self._throttle = self.set_timer(SEARCH_THROTTLE, self._throttle_done)
            # Hold this screen's frame (the typed text) for the hits, if they come soon:
            # both are then drawn together, a frame sooner than one after the other.
            found = self._found = asyncio.Event()
            try:
                await asyncio.wait_for(found.wait(), SAME_FRAME_WAIT)
            except TimeoutError:
                pass  # a slow search: the text now, its hits when they come

    def _throttle_done(self) -> None:
        self._throttle = None
        if self._pending is not None and self._pending != self._last_searched:
            self._start_search()
            self._throttle = self.set_timer(SEARCH_THROTTLE, self._throttle_done)

    def _start_search(self) -> None:
        query = self._pending
        if query is None:
            return
        self._last_searched = query
        self._search_seq += 1
        if self._searcher is None:
            self._searcher = Store(self.store.path, check="skip")
        elif self._searching:
            self._searcher.interrupt()  # the search for what was typed before: stop it
        self._searching = True
        self._search(self._searcher, query, self._search_seq)

    @work(thread=True, exclusive=True, group="library-search", exit_on_error=False)
    def _search(self, searcher: Store, query: str, seq: int) -> None:
        started = time.perf_counter()
        try:
            with self._search_lock:  # one search at a time on the connection
                while True:
                    try:
                        result = searcher.search(query, limit=SEARCH_LIMIT)
                        break
                    except Interrupted:
                        if seq != self._search_seq:
                            return  # typed past it
                        # The interrupt was meant for the search before this one.
        except ClaimmarkError as error:
            self.app.call_from_thread(self._search_failed, seq, query, str(error))
            return
        finally:
            if seq == self._search_seq:
                self._searching = False
        if not get_current_worker().is_cancelled:
            elapsed = time.perf_counter() - started
            self.app.call_from_thread(self._search_found, seq, query, result, elapsed)

    def _search_found(self, seq: int, query: str, result: SearchResult, elapsed: float) -> None:
        if seq != self._search_seq:
            return  # typed past: a newer search is on its way
        self._found.set()
        self.result = result
        self._shown_query = query
        self._show_hits(list(result.hits))
        self.query_one("#library-hint", Static).update(self._result_hint(result, elapsed))
        if self._open_when_found:
            self._open_when_found = False
            self.action_open()

    def _search_failed(self, seq: int, query: str, message: str) -> None:
        if seq != self._search_seq:
            return
        self._found.set()
        self.result = None
        self._shown_query = query
        self._show_hits([])
        self._open_when_found = False
        self.query_one("#library-hint", Static).update(message[:1].upper() + message[1:] + ".")

    def _result_hint(self, result: SearchResult, elapsed: float | None = None) -> str:
        count = len(result.hits)
        if not count:
            text = f"No match for {safe_line(result.query)}"
        else:
            best = f"the best {count}" if result.more else f"{count}"
            text = f"{best} hit{'s' if count != 1 else ''} for {safe_line(result.query)}"
        if result.plain_words:
            text += " (searched as plain words: not FTS5 syntax)"
        if elapsed is not None:
            text += f" in {elapsed * 1000:.0f} ms"
        return text + " — enter opens at the match, ↑↓ move, esc clears"

    @on(SearchInput.Move)
    def _move_hit(self, event: SearchInput.Move) -> None:
        if self.showing_hits and self.rows.cursor is not None:
            self.rows.move_cursor(self.rows.cursor + event.rows)

    @on(Input.Submitted, "#library-search")
    def _open_hit(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.action_open()

    # -- delete and undo -------------------------------------------------------------

    @property
    def writes(self) -> WriteQueue:
        """The app's queue of writes (they wait there while another program writes)."""
        from claimmark.tui.app import ClaimmarkApp

        app = self.app
        assert isinstance(app, ClaimmarkApp)
        return app.writes

    @property
    def history(self) -> LibraryHistory:
        from claimmark.tui.app import ClaimmarkApp

        app = self.app
        assert isinstance(app, ClaimmarkApp)
        return app.history

    def action_delete(self) -> None:
        """Delete the article under the cursor, after asking (u undoes it)."""
        article_id = self.selected_id()
        if article_id is None:
            self.notify("No article to delete.", severity="warning")
            return
        try:
            [summary] = self.store.article_summaries([article_id])
        except (ClaimmarkError, ValueError) as error:
            self.notify(str(error) or "That article is gone.", severity="error", markup=False)
            return
        count = summary.annotation_count
        title = safe_line(summary.title)
        from claimmark.tui.dialogs import ConfirmDialog

        def done(yes: bool | None) -> None:
            if yes:
                self._delete(article_id)

        self.app.push_screen(
            ConfirmDialog(
                f"Delete “{title}” and its {count} annotation{'s' if count != 1 else ''}?\n"
                "Every version of it goes too. u undoes it until you quit."
            ),
            done,
        )

    def _delete(self, article_id: int) -> None:
        def deleted(snapshot: DeletedArticles) -> None:
            self.history.deleted.append(snapshot)
            if self.showing_hits:
                self.hit_rows.hits = [
                    h for h in self.hit_rows.hits if h.article_id not in snapshot.article_ids
                ]
                self.rows.show(self.hit_rows, None)
            self.refresh_articles()
            self.notify(
                f"Deleted “{safe_line(snapshot.titles[0])}”. Press u to undo.",
                timeout=5,
                markup=False,
            )

        def not_deleted(error: ClaimmarkError) -> None:
            self.notify(str(error), title="Not deleted", severity="error", markup=False)

        self.writes.submit(lambda: self.store.delete_articles([article_id]), deleted, not_deleted)

    def action_undo(self) -> None:
        """Bring back the article deleted last."""
        if not self.history.deleted:
            self.notify("Nothing to undo.", severity="warning")
            return
        snapshot = self.history.deleted.pop()

        def restored(_: object) -> None:
            if self.showing_hits:
                self.action_clear_search()
            self.refresh_articles(select=max(snapshot.article_ids))
            self.notify(f"Restored “{safe_line(snapshot.titles[0])}”.", timeout=3, markup=False)

        def not_restored(error: ClaimmarkError) -> None:
            self.history.deleted.append(snapshot)  # still there to undo
            self.notify(str(error), title="Not undone", severity="error", markup=False)

        self.writes.submit(lambda: self.store.restore_articles(snapshot), restored, not_restored)

    # -- elsewhere -------------------------------------------------------------------

    def action_add(self) -> None:
        """Ask for a file or folder and add its articles."""
        from pathlib import Path

        from claimmark.store.ingest import ARTICLE_SUFFIXES
        from claimmark.tui.dialogs import PromptDialog
        from claimmark.tui.dialogs.completion import PathSuggester

        def done(text: str | None) -> None:
            if not text or not text.strip():
                return
            from claimmark.store.ingest import find_article_files

            try:
                files = find_article_files([Path(text.strip()).expanduser()])
            except ClaimmarkError as error:
                self.notify(str(error), title="Not added", severity="error", markup=False)
                return

            def add_all() -> list[int]:
                with self.store.transaction():  # all of them or none
                    return [self.store.import_file(path).article.id for path in files]

            def not_added(error: ClaimmarkError) -> None:
                self.notify(
                    f"{error} (nothing was added)",
                    title="Not added",
                    severity="error",
                    markup=False,
                )

            self.writes.submit(add_all, self._after_add, not_added)

        self.app.push_screen(
            PromptDialog(
                "Add an article file or folder",
                placeholder="path/to/article.txt (tab completes)",
                suggester=PathSuggester(ARTICLE_SUFFIXES),
            ),
            done,
        )

    def _after_add(self, added: list[int]) -> None:
        """Show what was added: a search on shows it no longer, so it is cleared (with
        a word), and the cursor goes to the first article added."""
        cleared = self.showing_hits or bool(self.search_input.value)
        if cleared:
            self.action_clear_search()
        self.refresh_articles(select=added[0])
        count = len(added)
        note = " The search was cleared to show it." if cleared else ""
        self.notify(f"Added {count} article{'s' if count != 1 else ''}.{note}", markup=False)

    def action_tags(self) -> None:
        """Every tag in the library: rename, merge, delete."""
        from claimmark.tui.screens.tags import TagsScreen

        def done(query: str | None) -> None:
            if query:
                self.action_search()
                self.search_input.value = query

        self.app.push_screen(TagsScreen(self.store), done)

    def action_claims(self) -> None:
        from claimmark.tui.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen(self.store))

    def action_help(self) -> None:
        from claimmark.tui.dialogs import HelpScreen
        from claimmark.tui.help_sections import help_sections

        self.app.push_screen(HelpScreen(help_sections(self)))


def _match(hit: SearchHit) -> tuple[int, int] | None:
    """Where the reader opens for a hit: the match (or the annotation) in the text; None
    for a title hit (the reader opens where it was left)."""
    if hit.kind == "title" or hit.end <= hit.start:
        return None
    return hit.start, hit.end


def _read_sort(store: Store) -> tuple[LibrarySort, bool]:
    """The order the library was last left in."""
    try:
        value = store.get_setting(SORT_SETTING) or ""
    except ClaimmarkError:
        value = ""
    name, _, reversed_ = value.partition(" ")
    try:
        return LibrarySort(name), reversed_ == "reversed"
    except ValueError:
        return LibrarySort.OPENED, False
