"""The library: every article (its newest version) with its byline, site, date,
annotation count (and orphans), version count (● new: a new version not opened yet) and
last opened time; `a` adds a URL, file or folder in a worker thread with a progress bar."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, ProgressBar, Static
from textual.worker import get_current_worker

from claimmark.store.errors import ClaimmarkError
from claimmark.store.models import ArticleSummary
from claimmark.store.store import Store
from claimmark.tui.article_info import date_label, site_label
from claimmark.tui.textfit import cells, one_line, plain
from claimmark.tui.widgets.key_hints import KeyHints
from claimmark.tui.widgets.table import Table

if TYPE_CHECKING:
    from claimmark.store.web.add import AddOutcome


COLUMNS = (
    ("Title", "title"),
    ("Byline", "byline"),
    ("Site", "site"),
    ("Published", "published"),
    ("Notes", "notes"),
    ("Claims", "claims"),
    ("Last opened", "opened"),
)
VERSIONS_COLUMN = ("Versions", "versions")
"""Shown (before "Last opened") only when some article has more than one version."""
BYLINE_WIDTH = 28
SITE_WIDTH = 20
OTHER_COLUMNS_WIDTH = len("2026-01-01") + len("Notes") + len("Claims") + 16 + 7 * 2 + 2
"""The cells the date and count columns take, with every column's padding and the scroll
bar: a long title is clipped so that the other columns stay on screen."""


def _notes_label(article: ArticleSummary) -> str:
    """The note count, with the orphans a new version left (notes whose words are gone)."""
    if not article.orphan_count:
        return str(article.annotation_count)
    return f"{article.annotation_count} +{article.orphan_count} orphan" + (
        "s" if article.orphan_count != 1 else ""
    )


def _versions_label(article: ArticleSummary) -> str:
    """How many versions, and "● new" while the newest has not been opened."""
    return f"{article.version_count}" + (" ● new" if article.unseen_version else "")


def _when(stamp: str | None) -> str:
    return stamp[:16].replace("T", " ") if stamp else "never"


class LibraryScreen(Screen[None]):
    """Pick an article to read; the most recently opened one is preselected."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="Read the selected article"),
        Binding("a", "add", "Add", tooltip="Add a web page by URL, or an article file or folder"),
        Binding("C", "claims", "Claims", tooltip="Every claim in the library"),
        Binding("slash", "filter", "Filter", tooltip="Filter articles by title"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]
    """Library keys."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.articles: list[ArticleSummary] = []
        self.filter_text = ""
        self.adding = False
        """True while the add worker runs."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="library-hint", markup=False)
        yield ProgressBar(id="add-progress", show_eta=False)
        yield Table(id="library", cursor_type="row", zebra_stripes=True)
        yield KeyHints()

    def on_mount(self) -> None:
        self.title = "Library"
        table = self.query_one(DataTable)
        self._add_columns(table)
        table.focus()

    def _add_columns(self, table: DataTable[object], *, versions: bool = False) -> None:
        columns = list(COLUMNS)
        if versions:
            columns.insert(-1, VERSIONS_COLUMN)
        for label, key in columns:
            table.add_column(label, key=key)

    def on_resize(self) -> None:
        """Titles are clipped to the width: fit them again."""
        if self.articles:
            self.refresh_articles()

    def on_screen_resume(self) -> None:
        """Shown for the first time or again: (re)load, as counts change elsewhere."""
        self.refresh_articles()

    def refresh_from_store(self) -> None:
        """Another process changed the library: list it again."""
        self.refresh_articles()

    def refresh_articles(self, select: int | None = None) -> None:
        """Reload the article list from the store (counts change as the user annotates);
        the cursor stays on its article, or goes to article `select` if given."""
        table = self.query_one(DataTable)
        kept = select if select is not None else self.selected_id()
        self.articles = self.store.list_articles()
        shown = [a for a in self.articles if self.filter_text.casefold() in a.title.casefold()]
        # Columns too: their widths follow what they hold now (a title clipped shorter
        # than before must not leave its column as wide as before).
        versions = any(a.version_count > 1 for a in shown)
        table.clear(columns=True)
        self._add_columns(table, versions=versions)
        bylines = [one_line(a.byline, BYLINE_WIDTH) for a in shown]
        sites = [one_line(site_label(a), SITE_WIDTH) for a in shown]
        notes = [_notes_label(a) for a in shown]
        used = max(map(cells, ["Byline", *bylines])) + max(map(cells, ["Site", *sites]))
        used += max(map(cells, ["Notes", *notes])) - len("Notes")
        if versions:
            used += len("Versions") + 2
        title_width = max(30, self.size.width - used - OTHER_COLUMNS_WIDTH)
        for a, byline, site, note in zip(shown, bylines, sites, notes, strict=True):
            cells_of_row = [
                plain(one_line(a.title, title_width)),  # stored text as Text: never markup
                plain(byline),
                plain(site),
                date_label(a.published),
                note,
                str(a.claim_count),
                *([_versions_label(a)] if versions else []),
                _when(a.last_opened_at),
            ]
            table.add_row(*cells_of_row, key=str(a.id))
        if not self.adding:
            self._show_hint(len(shown))
        if shown:
            ids = [a.id for a in shown]
            table.move_cursor(row=ids.index(kept) if kept in ids else 0)

    def _show_hint(self, shown: int) -> None:
        hint = self.query_one("#library-hint", Static)
        if not self.articles:
            hint.update("The library is empty. Press a to add a web page (URL), file or folder.")
        elif self.filter_text:
            hint.update(plain(f"Filter: {self.filter_text!r} — {shown} of {len(self.articles)}"))
        else:
            hint.update(f"{len(self.articles)} articles — enter reads, a adds, C lists claims")

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        article_id = self.selected_id()
        if article_id is None:
            self.notify("No article to open: press a to add one.", severity="warning")
            return
        from claimmark.tui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(self.store, article_id))

    def action_add(self) -> None:
        from claimmark.tui.dialogs import PromptDialog

        if self.adding:
            self.notify("Still adding: wait for it to finish.", severity="warning")
            return

        def done(text: str | None) -> None:
            if text and text.strip():
                self.start_adding(text.strip())

        self.app.push_screen(
            PromptDialog(
                "Add web pages (URLs), an article file or a folder",
                placeholder="https://… or path/to/article.html",
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
        self.query_one("#library-hint", Static).update(f"Adding {item} …")
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
                with Store(self.store.path) as store:
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
            f"Adding {step + ': ' if step else ''}{item}" if done < total else "Saving …"
        )

    def _finish_adding(self, outcomes: list[AddOutcome]) -> None:
        """Report each failure in one line and the counts, and show what was added."""
        self.adding = False
        self.query_one("#add-progress", ProgressBar).display = False
        for outcome in outcomes:
            if outcome.error:
                self.notify(outcome.error, title="Not added", severity="error", markup=False)
        stored = [o.result.article for o in outcomes if o.result is not None]
        counts = {status: 0 for status in ("added", "new-version", "unchanged", "failed")}
        for outcome in outcomes:
            counts[outcome.status] += 1
        if stored:
            newest = stored[-1]
            if self.filter_text and self.filter_text.casefold() not in newest.title.casefold():
                self.filter_text = ""
                self.notify("Filter cleared to show the added article.", markup=False)
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
                result = outcomes[0].result
                carried = f" ({result.carried.summary()})" if result and result.carried else ""
                summary = {
                    "added": "Added",
                    "new-version": f"New version of #{newest.previous_id}{carried}",
                    "unchanged": "Already in the library",
                }[outcomes[0].status] + f": {one_line(newest.title, 80)}"
            self.notify(summary[0].upper() + summary[1:], markup=False)
            self.refresh_articles(select=newest.id)
        else:
            self.refresh_articles()

    def action_filter(self) -> None:
        from claimmark.tui.dialogs import PromptDialog

        def done(text: str | None) -> None:
            if text is not None:
                self.filter_text = text.strip()
                self.refresh_articles()

        self.app.push_screen(PromptDialog("Filter by title", value=self.filter_text), done)

    def action_claims(self) -> None:
        from claimmark.tui.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen(self.store))

    def action_help(self) -> None:
        from claimmark.tui.dialogs import HelpScreen
        from claimmark.tui.help_sections import help_sections

        self.app.push_screen(HelpScreen(help_sections(self)))
