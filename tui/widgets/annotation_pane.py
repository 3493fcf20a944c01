"""The annotation pane: every annotation of the article, in document order.

The reader screen binds `entries` and `current_id`; the pane posts `Chosen`,
`EditRequested` and `DeleteRequested` upward and never talks to the article view.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.models import Annotation
from tui.colors import STATUS_COLORS, background, color_name


@dataclass(frozen=True, slots=True)
class PaneEntry:
    """One annotation as the pane shows it."""

    annotation: Annotation
    paragraph: int
    """¶N of the annotation's start."""


def entry_matches(entry: PaneEntry, query: str) -> bool:
    """Whether the filter `query` matches an entry: text in the quote, note or claimant,
    `#tag` (or a tag name), or a claim status / kind."""
    query = query.strip().casefold()
    if not query:
        return True
    annotation = entry.annotation
    if query.startswith("#"):
        return any(query[1:] in tag.casefold() for tag in annotation.tags)
    fields = [annotation.quote, annotation.note, annotation.kind, *annotation.tags]
    if annotation.claim is not None:
        fields += [annotation.claim.claimant, annotation.claim.status.value,
                   *annotation.claim.sources]
    return any(query in field.casefold() for field in fields)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


class AnnotationPane(OptionList):
    """A list of the article's annotations; the one under the cursor is highlighted."""

    BINDINGS = [
        Binding("enter", "choose", "Jump", tooltip="Jump the article to this annotation"),
        Binding("e", "edit", "Edit", tooltip="Edit this annotation's note, tags or claim"),
        Binding("x", "delete", "Delete", tooltip="Delete this annotation (u undoes)"),
        Binding("slash", "filter", "Filter", tooltip="Filter by text, #tag or claim status"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    """Keys of the pane (up/down/home/end/page keys come from OptionList)."""

    entries: reactive[tuple[PaneEntry, ...]] = reactive((), always_update=True)
    """Every annotation of the article, in document order (bound by the reader screen)."""
    current_id: reactive[int | None] = reactive(None)
    """The annotation under the article cursor: highlighted as the cursor moves."""
    dark: reactive[bool] = reactive(True)
    """Whether the theme is dark (chooses the colour swatches)."""
    filter_text: reactive[str] = reactive("")
    """The pane's filter; empty shows everything."""

    @dataclass
    class Chosen(Message):
        """The user picked an annotation (enter): jump the article there."""

        annotation_id: int

    @dataclass
    class EditRequested(Message):
        """The user asked to edit an annotation (e)."""

        annotation_id: int

    @dataclass
    class DeleteRequested(Message):
        """The user asked to delete an annotation (x)."""

        annotation_id: int

    @dataclass
    class FilterRequested(Message):
        """The user asked to change the filter (/): the screen asks for the text."""

        current: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: list[PaneEntry] = []
        self._row_of: dict[int, int] = {}

    def watch_entries(self) -> None:
        self._rebuild()

    def watch_filter_text(self) -> None:
        self._rebuild()

    def watch_dark(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        self._rebuild()

    def watch_current_id(self, annotation_id: int | None) -> None:
        row = self._row_of.get(annotation_id) if annotation_id is not None else None
        if row is not None and row != self.highlighted:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = row

    def _rebuild(self) -> None:
        self._shown = [e for e in self.entries if entry_matches(e, self.filter_text)]
        self._row_of = {e.annotation.id: row for row, e in enumerate(self._shown)}
        width = max(10, (self.scrollable_content_region.width or 40) - 2)
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            options: list[Option | None] = []
            for entry in self._shown:
                if options:
                    options.append(None)  # a separator line between entries
                options.append(Option(self._render_entry(entry, width),
                                      id=str(entry.annotation.id)))
            self.add_options(options)
            if self.current_id in self._row_of:
                self.highlighted = self._row_of[self.current_id]
        if self.filter_text:
            self.border_subtitle = f"filter: {self.filter_text} ({len(self._shown)})"
        else:
            self.border_subtitle = f"{len(self._shown)} annotations" if self._shown else ""

    def _render_entry(self, entry: PaneEntry, width: int) -> Text:
        a = entry.annotation
        swatch = background(color_name(a.color, a.tags), self.dark)
        text = Text(no_wrap=False, overflow="fold")
        text.append("▌", style=swatch)
        text.append(f"¶{entry.paragraph} ", style="dim")
        if a.claim is not None:
            status = a.claim.status.value
            text.append(f" {status} ", style=f"bold black on {STATUS_COLORS[status]}")
            if a.claim.claimant:
                text.append(" " + _clip(a.claim.claimant, max(8, width - len(status) - 10)))
        else:
            text.append(a.kind, style="italic")
        if a.tags:
            text.append("  " + " ".join(f"#{t}" for t in a.tags), style="bold")
        text.append("\n")
        text.append(_clip(a.quote, width * 2 - 2))
        if a.note.strip():
            first_line = a.note.strip().splitlines()[0]
            text.append("\n✎ " + _clip(first_line, width - 2), style="italic dim")
        return text

    def annotation_at(self, row: int | None) -> Annotation | None:
        """The annotation shown in `row`, if any."""
        if row is None or not 0 <= row < len(self._shown):
            return None
        return self._shown[row].annotation

    @property
    def shown(self) -> list[PaneEntry]:
        """The entries shown (after filtering), top to bottom."""
        return list(self._shown)

    @on(OptionList.OptionSelected)
    def _post_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        annotation = self.annotation_at(event.option_index)
        if annotation is not None:
            self.post_message(self.Chosen(annotation.id))

    def action_choose(self) -> None:
        annotation = self.annotation_at(self.highlighted)
        if annotation is not None:
            self.post_message(self.Chosen(annotation.id))

    def action_edit(self) -> None:
        annotation = self.annotation_at(self.highlighted)
        if annotation is None:
            self.notify("No annotation to edit here.", severity="warning")
            return
        self.post_message(self.EditRequested(annotation.id))

    def action_delete(self) -> None:
        annotation = self.annotation_at(self.highlighted)
        if annotation is None:
            self.notify("No annotation to delete here.", severity="warning")
            return
        self.post_message(self.DeleteRequested(annotation.id))

    def action_filter(self) -> None:
        self.post_message(self.FilterRequested(self.filter_text))
