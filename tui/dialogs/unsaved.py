"""The question asked when `escape` would close a dialog holding unsaved changes."""

from __future__ import annotations

from enum import StrEnum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from claimmark.tui.dialogs.base import DialogHints, DialogScreen


class UnsavedChoice(StrEnum):
    """What to do with the changes: save them, throw them away, or go back to editing."""

    SAVE = "save"
    DISCARD = "discard"
    KEEP_EDITING = "keep editing"


class UnsavedChangesDialog(DialogScreen[UnsavedChoice]):
    """Ask what to do with unsaved changes: `s` or `enter` save, `d` discards, `escape`
    (pressed again, as vim users do by habit) goes back to editing with nothing lost."""

    BINDINGS = [
        Binding("s,enter", f"choose('{UnsavedChoice.SAVE}')", "Save", show=True),
        Binding("d", f"choose('{UnsavedChoice.DISCARD}')", "Discard", show=True),
        Binding("escape", f"choose('{UnsavedChoice.KEEP_EDITING}')", "Keep editing", show=True),
    ]
    """`s`/`enter` save, `d` discards, `escape` keeps editing."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        """What holds the changes ("note", "claim"), for the question."""

    def compose(self) -> ComposeResult:
        """The question and the key hints."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Unsaved changes"
            yield Label(
                f"This {self.what} has changes that are not saved.",
                classes="confirm-message",
                markup=False,
            )
            yield DialogHints("s/enter save · d discard · esc keep editing", classes="dialog-hints")

    def action_choose(self, choice: str) -> None:
        """Dismiss with `choice`."""
        self.dismiss(UnsavedChoice(choice))
