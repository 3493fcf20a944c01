"""The versions of an article and what changed between two of them.

A list of the versions (newest last) over a comparison of two of them: each paragraph
that changed, with a mark in the gutter (``~`` edited, ``+`` added, ``-`` removed, ``>``
moved) and its words diffed (old words struck through, new words marked). By default the
two newest versions are compared; ``o`` and ``n`` take the highlighted version as the old
or the new side, ``a`` shows the unchanged paragraphs too.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from claimmark.store.errors import ClaimmarkError
from claimmark.store.results import VersionInfo
from claimmark.store.sanitize import visible
from claimmark.store.store import Store
from claimmark.store.textdiff import Change, Words, compare, summary
from claimmark.tui.dialogs.base import DialogHints, DialogScreen

GUTTER = {
    Change.SAME: ("  ", ""),
    Change.EDITED: ("~ ", "bold yellow"),
    Change.ADDED: ("+ ", "bold green"),
    Change.REMOVED: ("- ", "bold red"),
    Change.MOVED: ("> ", "bold cyan"),
}
"""The gutter mark and its style for each kind of paragraph change."""

WORD_STYLES = {
    Words.SAME: "",
    Words.REMOVED: "strike red",
    Words.ADDED: "bold green underline",
}
"""How the word diff shows removed and added words."""


def diff_text(old: str, new: str, *, show_all: bool = False) -> tuple[Text, str]:
    """The comparison of two texts as Rich text (gutter marks and word diff) and its
    one-line summary."""
    changes = compare(old, new)
    out = Text()
    for item in changes:
        if item.change is Change.SAME and not show_all:
            continue
        mark, style = GUTTER[item.change]
        number = item.new_number if item.new_number is not None else item.old_number
        out.append(mark, style=style)
        out.append(f"¶{number} ", style="dim")
        for kind, words in item.runs:
            out.append(visible(words), style=WORD_STYLES[kind])
        out.append("\n\n")
    if not out:
        out.append("No change to the text between these versions.", style="italic")
    return out, summary(changes)


class VersionsScreen(DialogScreen[None]):
    """The article's versions and the differences between two of them."""

    BINDINGS = [
        Binding("escape,q,V", "close", "Close"),
        Binding("o", "set_old", "Old side", tooltip="Compare from the highlighted version"),
        Binding("n", "set_new", "New side", tooltip="Compare to the highlighted version"),
        Binding("a", "toggle_all", "All paragraphs", tooltip="Show unchanged paragraphs too"),
        Binding("tab", "focus_next", "Switch", show=False),
    ]
    """Keys of the versions view."""

    def __init__(self, store: Store, article_id: int) -> None:
        super().__init__()
        self.store = store
        self.versions: list[VersionInfo] = store.versions(article_id)
        self.old = max(0, len(self.versions) - 2)
        """Index of the old side."""
        self.new = len(self.versions) - 1
        """Index of the new side."""
        self.show_all = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = f"Versions of #{self.versions[-1].id}"
            yield OptionList(*self._options(), id="versions-list")
            yield Static(id="versions-summary", markup=False)
            with VerticalScroll(id="versions-diff"):
                yield Static(id="versions-text", markup=False)
            yield DialogHints(
                "↑/↓ version · o old side · n new side · a all paragraphs · tab scroll the "
                "diff · esc close",
                classes="dialog-hints",
            )

    def _options(self) -> list[Option]:
        options = []
        for index, version in enumerate(self.versions):
            side = " ◀ old" if index == self.old else (" ◀ new" if index == self.new else "")
            notes = f"{version.annotation_count} note{'s' if version.annotation_count != 1 else ''}"
            if not version.newest and version.annotation_count:
                notes += " (orphans)"
            same = f"  = v{version.same_as} again" if version.same_as else ""
            label = (
                f"v{version.number}  {version.imported_at[:16].replace('T', ' ')}  "
                f"{version.length:,} chars  {notes}{' (newest)' if version.newest else ''}"
                f"{same}{side}"
            )
            options.append(Option(Text(label), id=str(index)))
        return options

    def on_mount(self) -> None:
        listing = self.query_one("#versions-list", OptionList)
        listing.highlighted = self.new
        listing.focus()
        self._show()

    def _show(self) -> None:
        listing = self.query_one("#versions-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(self._options())
        listing.highlighted = highlighted
        summary_line = self.query_one("#versions-summary", Static)
        body = self.query_one("#versions-text", Static)
        if len(self.versions) < 2:
            summary_line.update("One version: nothing has changed since it was added.")
            body.update("")
            return
        if self.old == self.new:
            summary_line.update(f"v{self.versions[self.old].number} against itself.")
            body.update("")
            return
        try:
            old = self.store.get_article(self.versions[self.old].id)
            new = self.store.get_article(self.versions[self.new].id)
        except ClaimmarkError as error:
            summary_line.update(str(error))
            return
        text, line = diff_text(old.text, new.text, show_all=self.show_all)
        summary_line.update(
            Text(f"v{self.versions[self.old].number} → v{self.versions[self.new].number}: {line}")
        )
        body.update(text)

    def _highlighted(self) -> int | None:
        return self.query_one("#versions-list", OptionList).highlighted

    def action_set_old(self) -> None:
        """Compare from the highlighted version."""
        index = self._highlighted()
        if index is not None:
            self.old = index
            self._show()

    def action_set_new(self) -> None:
        """Compare to the highlighted version."""
        index = self._highlighted()
        if index is not None:
            self.new = index
            self._show()

    def action_toggle_all(self) -> None:
        """Show or hide the unchanged paragraphs."""
        self.show_all = not self.show_all
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)
