"""What every claimmark dialog shares: the stylesheet, centring and the key-hint line."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
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


class DialogHints(Widget):
    """A dim line that tells which keys the dialog answers to; where the line does not fit
    (an 80-column terminal), the `short` wording is shown instead of wrapping it."""

    DEFAULT_CSS = """
    DialogHints {
        height: auto;
    }
    """

    def __init__(self, text: str, *, short: str | None = None, classes: str | None = None):
        super().__init__(classes=classes)
        self.text = text
        """The full wording."""
        self.short = short
        """The wording for a narrow dialog (None: the full one wraps)."""

    def wording(self, width: int) -> str:
        """The wording shown at `width` cells."""
        if self.short is None or cell_len(self.text) <= width:
            return self.text
        return self.short

    def render(self) -> Content:
        """The wording that fits, as plain text."""
        return Content(self.wording(self.content_region.width))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The full wording's width (for a dialog as wide as its content)."""
        return min(cell_len(self.text), container.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wording that fits takes."""
        if width <= 0:
            return 1
        return len(Content(self.wording(width)).wrap(width))


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
