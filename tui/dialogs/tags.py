"""The tags dialog: one line of comma-separated tags, with completion from known tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input

from claimmark.store.errors import InvalidInput
from claimmark.tui.dialogs.base import DialogHints, DialogScreen, ErrorLine
from claimmark.tui.dialogs.completion import CompletingInput, LastItemSuggester

MAX_TAG_LENGTH = 64
"""The longest tag accepted, in characters."""


class TagSuggester(LastItemSuggester):
    """Completes the tag after the last comma from known tags, case-insensitively, and
    never suggests a tag that is already in the list."""

    def __init__(self, known: Iterable[str]) -> None:
        super().__init__(known, ",", skip_used=True)


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags as a tuple: each stripped (inner runs of whitespace become one
    space), empty ones dropped, duplicates dropped case-insensitively, first spelling and
    order kept. Raises `InvalidInput` for a tag longer than `MAX_TAG_LENGTH`."""
    tags: list[str] = []
    seen: set[str] = set()
    for part in text.split(","):
        tag = " ".join(part.split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            shown = tag if len(tag) <= 24 else tag[:23] + "…"
            raise InvalidInput(
                f"Tag too long ({len(tag)} characters, at most {MAX_TAG_LENGTH}): {shown}"
            )
        key = tag.casefold()
        if key not in seen:
            seen.add(key)
            tags.append(tag)
    return tuple(tags)


def format_tags(tags: Sequence[str]) -> str:
    """Tags as the input shows them: comma-separated, with a trailing ", " to type the next
    one straight away (it is dropped again on save)."""
    return f"{', '.join(tags)}, " if tags else ""


class TagsDialog(DialogScreen[tuple[str, ...] | None]):
    """Edit an annotation's tags on one line.

    Dismisses with the tags (see `parse_tags`), or None when cancelled.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=True),
    ]
    """`enter` (in the input) saves; `escape` cancels."""

    def __init__(self, current: Sequence[str], known: Sequence[str], title: str = "Tags") -> None:
        super().__init__()
        self.current = tuple(current)
        """The tags the annotation has now."""
        self.known = tuple(known)
        """Every known tag, most used first: the completions."""
        self.dialog_title = title
        """The title shown at the top of the box."""

    def compose(self) -> ComposeResult:
        """Title, the input, an error line and the key hints."""
        with Vertical(classes="dialog") as box:
            box.border_title = Content(self.dialog_title)  # plain text, not markup
            yield CompletingInput(
                value=format_tags(self.current),
                placeholder="tag, another tag",
                suggester=TagSuggester(self.known),
                select_on_focus=False,
                id="tags",
            )
            yield ErrorLine(classes="dialog-error")
            yield DialogHints("enter save · tab/→ complete · esc cancel", classes="dialog-hints")

    @on(Input.Submitted, "#tags")
    def save(self) -> None:
        """Dismiss with the parsed tags, or show why they cannot be saved."""
        try:
            tags = parse_tags(self.query_one("#tags", Input).value)
        except InvalidInput as error:
            self.query_one(ErrorLine).show(str(error))
            return
        self.dismiss(tags)

    @on(Input.Changed, "#tags")
    def clear_error(self) -> None:
        """An edit clears the last error."""
        self.query_one(ErrorLine).clear()

    def action_cancel(self) -> None:
        """Dismiss with None: nothing changes."""
        self.dismiss(None)
