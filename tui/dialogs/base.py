"""What every claimmark dialog shares: the stylesheet, centring and the key-hint line."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

ResultT = TypeVar("ResultT")

DIALOGS_TCSS = Path(__file__).with_name("dialogs.tcss")
"""The dialogs' stylesheet (every rule in it is scoped to a dialog class)."""


class DialogScreen(ModalScreen[ResultT]):
    """Base of the claimmark dialogs: a centred box over the dimmed screen.

    Styles live in `dialogs.tcss` beside this module; the box is the child with the
    `dialog` class.
    """

    CSS_PATH = DIALOGS_TCSS


class DialogHints(Static):
    """A dim line that tells which keys the dialog answers to."""


class ErrorLine(Static):
    """A one-line inline error message; hidden while it is empty."""

    def show(self, message: str) -> None:
        """Show `message` (one line, plain text: never read as markup)."""
        self.update(Content(message))
        self.display = bool(message)

    def clear(self) -> None:
        """Hide the message."""
        self.show("")

    def on_mount(self) -> None:
        """Start hidden unless a message was given."""
        self.display = bool(str(self.content).strip())
