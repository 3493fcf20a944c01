"""A yes/no question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from claimmark.tui.dialogs.base import DialogHints, DialogScreen


class ConfirmDialog(DialogScreen[bool]):
    """Ask a yes/no question: `y` or `enter` dismiss with True, `n` or `escape` with False."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", show=True),
        Binding("n,escape", "answer(False)", "No", show=True),
    ]
    """`y`/`enter` say yes, `n`/`escape` say no."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message
        """The question."""

    def compose(self) -> ComposeResult:
        """The question and the key hints."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Confirm"
            yield Label(self.message, classes="confirm-message", markup=False)
            yield DialogHints("y/enter yes · n/esc no", classes="dialog-hints")

    def action_answer(self, answer: bool) -> None:
        """Dismiss with `answer`."""
        self.dismiss(answer)
