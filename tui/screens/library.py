"""The library: every article with its byline, annotation count and last opened time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from claimmark.store.errors import ClaimmarkError
from claimmark.store.models import ArticleSummary
from claimmark.store.store import Store
from claimmark.tui.textfit import plain
from claimmark.tui.widgets.key_hints import KeyHints
from claimmark.tui.widgets.table import Table


def _when(stamp: str | None) -> str:
    return stamp[:16].replace("T", " ") if stamp else "never"


class LibraryScreen(Screen[None]):
    """Pick an article to read; the most recently opened one is preselected."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="Read the selected article"),
        Binding("a", "add", "Add file", tooltip="Add an article file or folder"),
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

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="library-hint")
        yield Table(id="library", cursor_type="row", zebra_stripes=True)
        yield KeyHints()

    def on_mount(self) -> None:
        self.title = "Library"
        table = self.query_one(DataTable)
        table.add_column("Title", key="title")
        table.add_column("Byline", key="byline")
        table.add_column("Notes", key="notes")
        table.add_column("Claims", key="claims")
        table.add_column("Last opened", key="opened")
        table.focus()

    def on_screen_resume(self) -> None:
        """Shown for the first time or again: (re)load, as counts change elsewhere."""
        self.refresh_articles()

    def refresh_from_store(self) -> None:
        """Another process changed the library: list it again."""
        self.refresh_articles()

    def refresh_articles(self) -> None:
        """Reload the article list from the store (counts change as the user annotates)."""
        table = self.query_one(DataTable)
        kept = self.selected_id()
        self.articles = self.store.list_articles()
        shown = [a for a in self.articles if self.filter_text.casefold() in a.title.casefold()]
        table.clear()
        for a in shown:
            table.add_row(
                plain(a.title),
                plain(a.byline),
                str(a.annotation_count),
                str(a.claim_count),
                _when(a.last_opened_at),
                key=str(a.id),
            )
        hint = self.query_one("#library-hint", Static)
        if not self.articles:
            hint.update("The library is empty. Press a to add an article file or folder.")
        elif self.filter_text:
            hint.update(
                plain(f"Filter: {self.filter_text!r} — {len(shown)} of {len(self.articles)}")
            )
        else:
            hint.update(f"{len(self.articles)} articles — enter reads, a adds, C lists claims")
        if shown:
            ids = [a.id for a in shown]
            table.move_cursor(row=ids.index(kept) if kept in ids else 0)

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
        from pathlib import Path

        from claimmark.tui.dialogs import PromptDialog

        def done(text: str | None) -> None:
            if not text:
                return
            from claimmark.store.ingest import find_article_files

            try:
                files = find_article_files([Path(text.strip()).expanduser()])
            except ClaimmarkError as error:
                self.notify(str(error), title="Not added", severity="error")
                return

            def added(_: object) -> None:
                self.notify(f"Added {len(files)} article{'s' if len(files) != 1 else ''}.")
                self.refresh_articles()

            def add_all() -> None:
                with self.store.transaction():  # all of them or none
                    for path in files:
                        self.store.import_file(path)

            def not_added(error: ClaimmarkError) -> None:
                self.notify(f"{error} (nothing was added)", title="Not added", severity="error")

            self.app.writes.submit(add_all, added, not_added)  # type: ignore[attr-defined]

        self.app.push_screen(
            PromptDialog("Add an article file or folder", placeholder="path/to/article.txt"),
            done,
        )

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
