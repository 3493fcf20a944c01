"""The library: every article (its newest version), sortable, searchable as you type,
with delete and undo; `a` adds a URL, file or folder in a worker thread with a progress
bar. Each row shows the byline, site and date where there is room, the counts (with the
orphans a new version left), how far it was read, its versions (● new: a new version not
opened yet) and when it was last opened.

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
from textual.widgets import Header, Input, ProgressBar, Static
from textual.worker import get_current_worker

from claimmark.store.errors import ClaimmarkError, Interrupted
from claimmark.store.models import LibrarySort
from claimmark.store.results import DeletedArticles, SearchHit, SearchResult
from claimmark.store.store import Store
from claimmark.tui.app import claimmark_app
from claimmark.tui.textfit import one_line, plain, safe_line
from claimmark.tui.widgets.article_rows import ArticleRows
from claimmark.tui.widgets.hit_rows import HitRows
from claimmark.tui.widgets.key_hints import KeyHints
from claimmark.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from claimmark.store.web.add import AddOutcome
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
        Binding("a", "add", "Add", tooltip="Add a web page by URL, or an article file or folder"),
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
        self.adding = False
        """True while the add worker runs."""

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchInput(
            placeholder='Search everything: words, "a phrase", prefix*, AND, OR, NOT',
            id="library-search",
        )
        yield Static(id="library-hint", markup=False)
        yield ProgressBar(id="add-progress", show_eta=False)
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
        self.article_rows.load(
            ids, self.sort, self.reverse, total, web=self._web(), versions=self._versions()
        )
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
        self.article_rows.load(
            ids, self.sort, self.reverse, web=self._web(), versions=self._versions()
        )
        if self.showing_hits:
            self._article_before_search = keep
        else:
            self.rows.show(self.article_rows, self.article_rows.index_of(keep) or 0)
        self._show_hint()

    def _web(self) -> bool:
        """Whether to show the site and published columns (any article from the web)."""
        try:
            return self.store.has_web_articles()
        except ClaimmarkError:
            return True

    def _versions(self) -> bool:
        """Whether to show the versions column (any article with a later version)."""
        try:
            return self.store.has_versions()
        except ClaimmarkError:
            return True

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
        if self.adding:
            return  # the hint line shows the add worker's progress
        hint = self.query_one("#library-hint", Static)
        if self.result is not None and self.showing_hits:
            hint.update(self._result_hint(self.result))
        elif not count:
            hint.update("The library is empty. Press a to add a web page (URL), file or folder.")
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
        return claimmark_app(self).writes

    @property
    def history(self) -> LibraryHistory:
        """The app's record of deleted articles that `u` brings back."""
        return claimmark_app(self).history

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
        """Ask for a URL (or several), a file or a folder and add it in a worker."""
        from claimmark.store.ingest import ARTICLE_SUFFIXES
        from claimmark.tui.dialogs import PromptDialog
        from claimmark.tui.dialogs.completion import PathSuggester

        if self.adding:
            self.notify("Still adding: wait for it to finish.", severity="warning")
            return

        def done(text: str | None) -> None:
            if text and text.strip():
                self.start_adding(text.strip())

        self.app.push_screen(
            PromptDialog(
                "Add web pages (URLs), an article file or a folder",
                placeholder="https://… or path/to/article.html (tab completes a path)",
                suggester=PathSuggester((*ARTICLE_SUFFIXES, ".html", ".htm", ".xhtml")),
            ),
            done,
        )

    # -- adding in a worker ----------------------------------------------------------------

    def start_adding(self, item: str) -> None:
        """Add `item` (a URL, several URLs separated by spaces, a file or a folder) in a
        worker thread; the screen stays live and a progress bar counts the items."""
        self.adding = True
        bar = self.query_one("#add-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.query_one("#library-hint", Static).update(plain(f"Adding {item} …"))
        from claimmark.store.web.fetch import looks_like_url

        words = item.split()
        # Several URLs separated by spaces are several items; anything else is one path
        # (a file name may hold spaces).
        self._add_worker(words if len(words) > 1 and all(map(looks_like_url, words)) else [item])

    @work(thread=True, exclusive=True, group="add")
    def _add_worker(self, items: list[str]) -> None:
        """Fetch and store on its own connection to the library (the screen's stays free),
        in a daemon thread that this worker watches: quitting while a slow server is
        still answering does not wait for it (the interpreter joins worker threads at
        exit, never daemon ones; an interrupted write is rolled back by SQLite)."""
        from claimmark.store.web.add import AddOutcome, add_targets, expand

        worker = get_current_worker()
        finished = threading.Event()
        box: list[list[AddOutcome]] = []

        def report(done: int, total: int, label: str) -> None:
            if not worker.is_cancelled:
                try:
                    self.app.call_from_thread(self._show_add_progress, done, total, label)
                except RuntimeError:  # the app has closed
                    pass

        def job() -> None:
            try:
                with Store(self.store.path, check="skip") as store:
                    targets = expand(items)
                    report(0, len(targets), items[0])
                    box.append(
                        add_targets(
                            store,
                            targets,
                            progress=lambda done, total, outcome: report(done, total, outcome.item),
                            cancelled=lambda: worker.is_cancelled,
                        )
                    )
            except ClaimmarkError as error:  # the library itself cannot be written
                box.append([AddOutcome(items[0], error=str(error))])
            finally:
                finished.set()

        threading.Thread(target=job, name="claimmark-add", daemon=True).start()
        while not finished.wait(0.1):
            if worker.is_cancelled:
                return
        if not worker.is_cancelled and box:
            self.app.call_from_thread(self._finish_adding, box[0])

    def _show_add_progress(self, done: int, total: int, item: str) -> None:
        bar = self.query_one("#add-progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        step = f"{done} of {total}" if total > 1 else ""
        self.query_one("#library-hint", Static).update(
            plain(f"Adding {step + ': ' if step else ''}{item}" if done < total else "Saving …")
        )

    def _finish_adding(self, outcomes: list[AddOutcome]) -> None:
        """Report each failure in one line and the counts, and show what was added: a
        search that would hide it is cleared (and says so), the cursor goes to it."""
        self.adding = False
        self.query_one("#add-progress", ProgressBar).display = False
        for outcome in outcomes:
            if outcome.error:
                self.notify(outcome.error, title="Not added", severity="error", markup=False)
        stored = [o.result.article for o in outcomes if o.result is not None]
        if not stored:
            self.refresh_articles()
            return
        counts = {status: 0 for status in ("added", "new-version", "unchanged", "failed")}
        for outcome in outcomes:
            counts[outcome.status] += 1
        newest = stored[-1]
        added = counts["added"] + counts["new-version"]
        parts = [f"Added {added}" if added else ""]
        if counts["new-version"]:
            parts.append(f"{counts['new-version']} as a new version")
        if counts["unchanged"]:
            parts.append(f"{counts['unchanged']} already in the library")
        if counts["failed"]:
            parts.append(f"{counts['failed']} failed")
        summary = ", ".join(p for p in parts if p)
        if len(outcomes) == 1:
            summary = {
                "added": "Added",
                "new-version": f"New version of #{newest.previous_id}",
                "unchanged": "Already in the library",
            }[outcomes[0].status] + f": {one_line(newest.title, 80)}"
        cleared = self.showing_hits or bool(self.search_input.value)
        if cleared:
            self.action_clear_search()
            summary += ". The search was cleared to show it"
        self.notify(summary[0].upper() + summary[1:], markup=False)
        self.refresh_articles(select=newest.id)

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
