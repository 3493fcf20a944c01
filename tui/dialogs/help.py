"""The help screen: every key, grouped in sections, in a scrollable table."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Label

from claimmark.tui.dialogs.base import DialogHints, DialogScreen

HelpSection = tuple[str, Sequence[tuple[str, str]]]
"""A section title and its (keys, description) rows."""


class HelpScreen(DialogScreen[None]):
    """Lists keys in sections: a title, then one row per key with its description.

    The table scrolls with the arrow keys, `pageup`/`pagedown` and `home`/`end`; `escape`,
    `q` or `?` close it.
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", show=True),
    ]
    """`escape`, `q` or `?` close the help."""

    def __init__(self, sections: Sequence[HelpSection], *, title: str = "Keys") -> None:
        super().__init__()
        self.sections = [(title, list(rows)) for title, rows in sections]
        """The sections to show, in order."""
        self.box_title = title
        """The box's title (the help says "Keys"; a history reuses the table)."""

    def compose(self) -> ComposeResult:
        """The title, a scrolling column of sections and the key hints."""
        with Vertical(classes="dialog") as box:
            box.border_title = self.box_title
            with VerticalScroll(id="help-body"):
                for title, rows in self.sections:
                    yield Label(title, classes="help-section", markup=False)
                    with Grid(classes="help-rows"):
                        for keys, description in rows:
                            yield Label(keys, classes="help-key", markup=False)
                            yield Label(description, classes="help-description", markup=False)
            yield DialogHints("↑/↓ pgup/pgdn scroll · esc, q or ? close", classes="dialog-hints")

    def on_mount(self) -> None:
        """Focus the table so the scrolling keys work at once."""
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
