"""A one-line prompt: the search (`/`) and the pane filter."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Input

from claimmark.tui.dialogs.base import DialogHints, DialogScreen
from claimmark.tui.dialogs.completion import CompletingInput


class PromptDialog(DialogScreen[str | None]):
    """Ask for one line of text.

    `enter` dismisses with the text exactly as typed (possibly empty: the caller may take
    that as "clear"); `escape` dismisses with None. A prefilled value is selected on entry,
    so typing replaces it. `suggestions` complete the whole value case-insensitively, or a
    `suggester` completes it its own way (`tab` or `right` accepts).
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=True),
    ]
    """`enter` (in the input) answers; `escape` cancels."""

    def __init__(
        self,
        title: str,
        value: str = "",
        placeholder: str = "",
        suggestions: Sequence[str] = (),
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__()
        self.prompt_title = title
        """What is asked, shown above the input."""
        self.value = value
        """The initial text."""
        self.placeholder = placeholder
        """Shown while the input is empty."""
        self.suggestions = tuple(suggestions)
        """Completions, in order of preference."""
        self.suggester = suggester
        """Completes instead of `suggestions` when given (e.g. paths)."""

    def compose(self) -> ComposeResult:
        """Title, the input and the key hints."""
        with Vertical(classes="dialog") as box:
            box.border_title = Content(self.prompt_title)  # plain text, not markup
            yield CompletingInput(
                self.value,
                placeholder=self.placeholder,
                suggester=self.suggester
                or (
                    SuggestFromList(self.suggestions, case_sensitive=False)
                    if self.suggestions
                    else None
                ),
                id="prompt",
            )
            yield DialogHints("enter ok · esc cancel", classes="dialog-hints")

    @on(Input.Submitted, "#prompt")
    def answer(self, event: Input.Submitted) -> None:
        """Dismiss with the text."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Dismiss with None."""
        self.dismiss(None)
