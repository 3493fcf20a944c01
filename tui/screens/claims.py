"""The claims view: every claim in the library, filterable by claimant, status and tag."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from claimmark.store.errors import ClaimmarkError
from claimmark.store.models import ClaimStatus
from claimmark.store.results import ClaimRow
from claimmark.store.store import Store
from claimmark.tui.colors import STATUS_COLORS
from claimmark.tui.textfit import one_line, plain
from claimmark.tui.widgets.key_hints import KeyHints
from claimmark.tui.widgets.table import Table


def _words_mark(row: ClaimRow) -> Text:
    """Whether the claim's words are as marked: "⚠ changed" (the article was edited under
    them), "⚠ moved" (they were deleted where marked and found elsewhere: check the place)
    or "orphan" (they are gone), clearly marked; empty when they are the same."""
    if row.orphan:
        return Text(" orphan ", style="bold black on grey62")
    if row.annotation.changed:
        return Text(" ⚠ changed ", style="bold black on yellow")
    if row.annotation.moved:
        return Text(" ⚠ moved ", style="bold black on yellow")
    return Text("")


class ClaimsScreen(Screen[None]):
    """List claims across articles; enter opens the article at the claim."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="Open the article at this claim"),
        Binding("slash", "filter_claimant", "Claimant", tooltip="Filter by claimant"),
        Binding("s", "cycle_status", "Status", tooltip="Filter by status (cycles)"),
        Binding("number_sign", "filter_tag", "Tag", tooltip="Filter by tag"),
        Binding("r", "reset", "Reset", tooltip="Clear the filters"),
        Binding(
            "H",
            "history",
            "History",
            tooltip="The claim's history: marked, edited, carried to new versions, orphaned",
        ),
        Binding("escape", "back", "Back"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]
    """Claims view keys."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.claimant = ""
        self.status: str | None = None
        self.tag = ""
        self.rows: list[ClaimRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="claims-filters")
        yield Table(id="claims", cursor_type="row", zebra_stripes=True)
        yield KeyHints()

    def on_mount(self) -> None:
        self.title = "Claims"
        table = self.query_one(DataTable)
        for label in ("Status", "Words", "Claimant", "Article", "Tags", "Claim"):
            table.add_column(label, key=label.lower())
        table.focus()

    def on_screen_resume(self) -> None:
        """Shown for the first time or again: (re)load, as counts change elsewhere."""
        self.refresh_claims()

    def refresh_from_store(self) -> None:
        """Another process changed the library: list the claims again."""
        self.refresh_claims()

    def refresh_claims(self) -> None:
        """Reload the claims with the current filters."""
        try:
            self.rows = self.store.list_claims(
                claimant=self.claimant or None, status=self.status, tag=self.tag or None
            )
        except ClaimmarkError as error:
            self.notify(str(error), severity="error")
            self.rows = []
        table = self.query_one(DataTable)
        table.clear()
        for row in self.rows:
            claim = row.annotation.claim
            assert claim is not None
            status = claim.status.value
            table.add_row(
                Text(f" {status} ", style=f"bold black on {STATUS_COLORS[status]}"),
                _words_mark(row),
                plain(one_line(claim.claimant or "—", 28)),
                plain(one_line(row.article_title, 28)),
                plain(" ".join(f"#{t}" for t in row.annotation.tags)),
                plain(one_line(row.annotation.quote, 80)),
                key=str(row.annotation.id),
            )
        parts = []
        if self.claimant:
            parts.append(f"claimant ~ {self.claimant!r}")
        if self.status:
            parts.append(f"status = {self.status}")
        if self.tag:
            parts.append(f"tag = #{self.tag}")
        filters = ", ".join(parts) if parts else "none"
        count = len(self.rows)
        self.query_one("#claims-filters", Static).update(
            plain(
                f"{count} claim{'' if count == 1 else 's'} — filters: {filters}"
                "  (/ claimant, s status, # tag, r reset)"
            )
        )

    def _selected(self) -> ClaimRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("No claim selected.", severity="warning")
            return
        from claimmark.tui.screens.reader import ReaderScreen

        reader = ReaderScreen(self.store, row.newest_id or row.article_id)
        self.app.push_screen(reader)
        if row.orphan:
            reader.notify(
                "This claim is an orphan: its words are gone from this version. It is listed "
                "under Orphans in the pane (tab), where r re-attaches it to a selection.",
                timeout=8,
            )
        else:
            reader.call_after_refresh(reader.jump_to, row.annotation.start)

    def action_history(self) -> None:
        """Show the selected claim's history."""
        row = self._selected()
        if row is None:
            self.notify("No claim selected.", severity="warning")
            return
        from claimmark.tui.dialogs import HelpScreen

        lines = self.store.history_lines(row.annotation.id)
        marked = row.annotation.marked_quote
        rows = [(line[:16], line[18:]) for line in lines]
        if marked is not None:
            rows.append(("marked as", one_line(marked, 200)))
        title = f"History of claim {row.annotation.id}"
        self.app.push_screen(HelpScreen([(title, rows)], title="History"))

    def action_cycle_status(self) -> None:
        options: list[str | None] = [None, *(s.value for s in ClaimStatus)]
        self.status = options[(options.index(self.status) + 1) % len(options)]
        self.refresh_claims()

    def _prompt(
        self,
        title: str,
        value: str,
        suggestions: list[str],
        field: str,
        *,
        enter_completes: bool = False,
    ) -> None:
        from claimmark.tui.dialogs import PromptDialog

        def done(text: str | None) -> None:
            if text is not None:
                setattr(self, field, text.strip().lstrip("#").strip())
                self.refresh_claims()

        self.app.push_screen(
            PromptDialog(
                title, value=value, suggestions=suggestions, enter_completes=enter_completes
            ),
            done,
        )

    def action_filter_claimant(self) -> None:
        """Filter by a part of the claimant's name (as typed)."""
        self._prompt("Filter by claimant", self.claimant, self.store.claimants(), "claimant")

    def action_filter_tag(self) -> None:
        """Filter by a tag: completed from the tags in use (typed with or without "#"),
        and `enter` takes the completion shown, since only a whole tag matches."""
        tags = self.store.list_tags()
        self._prompt(
            "Filter by tag",
            self.tag,
            [*tags, *(f"#{tag}" for tag in tags)],
            "tag",
            enter_completes=True,
        )

    def action_reset(self) -> None:
        self.claimant, self.status, self.tag = "", None, ""
        self.refresh_claims()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from claimmark.tui.dialogs import HelpScreen
        from claimmark.tui.help_sections import help_sections

        self.app.push_screen(HelpScreen(help_sections(self)))
