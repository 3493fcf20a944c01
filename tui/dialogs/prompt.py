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
    that as "clear"); with `enter_completes`, with the completion shown instead, when one
    is (for a filter that must name a known value, such as a tag). `escape` dismisses
    with None. A prefilled value is selected on entry, so typing replaces it.
    `suggestions` complete the whole value case-insensitively, or a `suggester` completes
    it its own way (`tab` or `right` accepts).
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
        *,
        enter_completes: bool = False,
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
        self.enter_completes = enter_completes
        """Does `enter` take the completion shown (rather than the text typed)?"""

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
            hints = "enter takes the grey completion" if self.enter_completes else "enter ok"
            yield DialogHints(f"{hints} · tab/→ complete · esc cancel", classes="dialog-hints")

    @on(Input.Submitted, "#prompt")
    async def answer(self, event: Input.Submitted) -> None:
        """Dismiss with the text (or the completion shown, with `enter_completes`)."""
        event.stop()
        value = event.value
        if self.enter_completes:
            value = await self.query_one("#prompt", CompletingInput).completion() or value
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Dismiss with None."""
        self.dismiss(None)
