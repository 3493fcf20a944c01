"""The note editor: a multi-line text area under the quote it is about."""

from __future__ import annotations

from collections.abc import Callable
from importlib.util import find_spec
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import TextArea
from textual.widgets.text_area import LanguageDoesNotExist

from claimmark.store.sanitize import clean_block
from claimmark.tui.dialogs.base import DialogHints, DialogScreen
from claimmark.tui.dialogs.quote import QuotePreview
from claimmark.tui.dialogs.unsaved import UnsavedChangesDialog, UnsavedChoice


def markdown_language() -> str | None:
    """The language name "markdown" when the TextArea can highlight it, else None.

    Highlighting needs tree-sitter and its Markdown grammar (Textual's `syntax` extra:
    the `tree_sitter` and `tree_sitter_markdown` packages); claimmark does not require
    them, so without them the note is plain text.
    """
    if find_spec("tree_sitter") is None or find_spec("tree_sitter_markdown") is None:
        return None
    return "markdown"


def note_text_area(text: str, *, id: str | None = None) -> TextArea:
    """A soft-wrapping TextArea for a note (Markdown-highlighted where available),
    with the cursor at the end."""
    text = clean_block(text)  # a stored note: no control characters on screen
    options = {"soft_wrap": True, "tab_behavior": "focus", "show_line_numbers": False, "id": id}
    try:
        area = TextArea(text, language=markdown_language(), **options)  # type: ignore[arg-type]
    except LanguageDoesNotExist:  # the grammar is installed but does not load
        area = TextArea(text, **options)  # type: ignore[arg-type]
    area.cursor_location = area.document.end
    return area


class NoteDialog(DialogScreen[str | None]):
    """Write or edit an annotation's note.

    `ctrl+s` dismisses with the text (trailing whitespace stripped). `escape` closes it
    (dismissing with None) when nothing was changed; after changes it asks first (save,
    discard or keep editing), so an `escape` pressed by habit never loses a note.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", show=True),
        Binding("escape", "close", "Close", show=True),
    ]
    """`ctrl+s` saves, `escape` closes (asking first when the note was changed)."""

    def __init__(self, note: str, quote: str) -> None:
        super().__init__()
        self.note = note
        """The note as it is now."""
        self.quote = quote
        """The annotated text, shown above the editor."""

    def compose(self) -> ComposeResult:
        """Title, the quote, the editor and the key hints."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Note"
            yield QuotePreview(self.quote, max_lines=3)
            yield note_text_area(self.note, id="note")
            yield DialogHints(
                "ctrl+s save · esc close (asks if changed) · enter new line",
                classes="dialog-hints",
            )

    def _text(self) -> str:
        return self.query_one("#note", TextArea).text.rstrip()

    def action_save(self) -> None:
        """Dismiss with the text, trailing whitespace stripped."""
        self.dismiss(self._text())

    def action_close(self) -> None:
        """Close: at once when nothing changed, else after asking what to do."""
        if self._text() == self.note.rstrip():
            self.dismiss(None)
            return
        ask_about_unsaved(self, "note", self.action_save)


def ask_about_unsaved(dialog: DialogScreen[Any], what: str, save: Callable[[], None]) -> None:
    """Ask what to do with `dialog`'s unsaved changes: `save()` them, discard them (the
    dialog dismisses with None) or keep editing (nothing happens)."""

    def answered(choice: UnsavedChoice | None) -> None:
        if choice is UnsavedChoice.SAVE:
            save()
        elif choice is UnsavedChoice.DISCARD:
            dialog.dismiss(None)

    dialog.app.push_screen(UnsavedChangesDialog(what), answered)
