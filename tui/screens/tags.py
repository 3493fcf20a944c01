"""The tags screen: every tag in the library with its count; rename, merge and delete
across the library, each undoable until the app closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Header, Static

from claimmark.store.errors import ClaimmarkError
from claimmark.store.results import TagChange, TagCount
from claimmark.store.store import Store
from claimmark.tui.app import claimmark_app
from claimmark.tui.textfit import safe_line
from claimmark.tui.widgets.key_hints import KeyHints
from claimmark.tui.widgets.row_list import Column, RowList, cells_line, fit_cell

if TYPE_CHECKING:
    from claimmark.tui.app import LibraryHistory


class TagRows:
    """Tags with how many annotations and articles carry them, as rows of a `RowList`."""

    def __init__(self, tags: list[TagCount]) -> None:
        self.tags = tags
        """The tags shown, most used first."""

    def row_count(self) -> int:
        return len(self.tags)

    def index_of(self, name: str | None) -> int | None:
        """The row of the tag called `name` (ignoring case)."""
        if name is None:
            return None
        folded = name.casefold()
        return next((i for i, t in enumerate(self.tags) if t.name.casefold() == folded), None)

    def tag_at(self, index: int | None) -> TagCount | None:
        """The tag on row `index`."""
        return self.tags[index] if index is not None and 0 <= index < len(self.tags) else None

    def _columns(self, width: int) -> list[Column]:
        return [
            Column("Tag", max(8, width - 2 - 13 - 10 - 6)),
            Column("Annotations", 11, "right"),
            Column("Articles", 8, "right"),
        ]

    def header_strip(self, rows: RowList, width: int) -> Strip:
        style = rows.style_of("row-list--header")
        pieces = [(fit_cell(c.title, c.width, c.align) + "  ", style) for c in self._columns(width)]
        return cells_line(pieces, width, style)

    def row_strip(self, rows: RowList, index: int, width: int, selected: bool) -> Strip:
        base = rows.style_of("row-list--cursor" if selected else "")
        tag = self.tags[index]
        values = [f"#{safe_line(tag.name)}", str(tag.annotations), str(tag.articles)]
        pieces: list[tuple[str, Style]] = [
            (fit_cell(value, column.width, column.align) + "  ", base)
            for value, column in zip(values, self._columns(width), strict=True)
        ]
        return cells_line(pieces, width, base)


class TagsScreen(Screen[str | None]):
    """Manage tags across the library. Dismisses with a search for a tag (enter) or None."""

    BINDINGS = [
        Binding("r", "rename", "Rename", tooltip="Rename the tag on every annotation"),
        Binding("m", "merge", "Merge", tooltip="Merge the tag into another one"),
        Binding("d,x", "delete", "Delete", tooltip="Take the tag off every annotation"),
        Binding("u", "undo", "Undo", tooltip="Undo the last rename, merge or delete"),
        Binding("enter", "show", "Show", tooltip="Search the library for the tag"),
        Binding("escape", "back", "Back"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]
    """Tags screen keys."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.tag_rows = TagRows([])
        """The tags shown."""
        self.busy = ""
        """What a tag change running in the background is doing ("" when none is)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="tags-hint", markup=False)
        yield RowList(TagRows([]), id="tag-list")
        yield KeyHints()

    @property
    def tag_list(self) -> RowList:
        return self.query_one("#tag-list", RowList)

    @property
    def selected(self) -> TagCount | None:
        """The tag under the cursor."""
        return self.tag_rows.tag_at(self.tag_list.cursor)

    @property
    def history(self) -> LibraryHistory:
        """The app's record of tag changes that `u` undoes."""
        return claimmark_app(self).history

    def on_mount(self) -> None:
        self.title = "Tags"
        self.tag_list.focus()

    def on_screen_resume(self) -> None:
        self.refresh_tags()

    def refresh_from_store(self) -> None:
        """Another process (or this screen's worker) changed the library: count again."""
        if not self.busy:
            self.refresh_tags()

    def refresh_tags(self, select: str | None = None) -> None:
        """Reload the tags and their counts."""
        current = self.selected
        try:
            tags = self.store.tag_counts()
        except ClaimmarkError as error:
            self.notify(str(error), severity="error", markup=False)
            tags = []
        self.tag_rows = TagRows(tags)
        wanted = self.tag_rows.index_of(select or (current.name if current else None))
        self.tag_list.show(self.tag_rows, wanted if wanted is not None else None)
        self.sub_title = f"{len(tags)} tag{'s' if len(tags) != 1 else ''}"
        hint = (
            "r renames, m merges into another tag, d deletes (across the library); "
            "u undoes; enter searches for the tag"
            if tags
            else "No tags yet: tag an annotation with t in the reader."
        )
        self.query_one("#tags-hint", Static).update(hint)

    def _selected(self) -> TagCount | None:
        tag = self.selected
        if tag is None:
            self.notify("No tag here.", severity="warning")
        return tag

    # -- changes run in a worker: a tag on 10,000 annotations takes a second or two ------

    def _change(self, doing: str, change: Callable[[Store], TagChange | None], done: str) -> None:
        """Run a tag change in a worker thread on a connection of its own, saying
        `doing` meanwhile; on success, `done` (with the count) and the list reloads."""
        if self.busy:
            self.notify(f"Wait: {self.busy}", severity="warning", markup=False)
            return
        self.busy = doing
        self.query_one("#tags-hint", Static).update(f"{doing}…")
        self._run_change(change, done)

    @work(thread=True, exclusive=True, group="tag-change", exit_on_error=False)
    def _run_change(self, change: Callable[[Store], TagChange | None], done: str) -> None:
        try:
            with Store(self.store.path, check="skip") as store:
                result = change(store)
        except ClaimmarkError as error:
            self.app.call_from_thread(self._change_failed, str(error))
            return
        self.app.call_from_thread(self._change_done, result, done)

    def _change_failed(self, message: str) -> None:
        self.busy = ""
        self.refresh_tags()
        self.notify(message, title="Not changed", severity="error", markup=False)

    def _change_done(self, change: TagChange | None, message: str) -> None:
        self.busy = ""
        if change is not None:  # a rename, merge or delete (None: an undo)
            self.history.tag_changes.append(change)
        self.refresh_tags(select=(change.into or None) if change else None)
        if change is not None:
            count = change.annotation_count
            message += f" on {count} annotation{'s' if count != 1 else ''}. u undoes it."
        self.notify(message, timeout=4, markup=False)

    def action_rename(self) -> None:
        """Rename the tag under the cursor everywhere (to another tag's name: merge)."""
        tag = self._selected()
        if tag is None:
            return
        from claimmark.tui.dialogs import ConfirmDialog, PromptDialog

        others = [t.name for t in self.tag_rows.tags if t.name != tag.name]

        def done(text: str | None) -> None:
            new = " ".join((text or "").split()).lstrip("#")
            if not new or new == tag.name:
                return
            existing = next((o for o in others if o.casefold() == new.casefold()), None)
            if existing is None:
                self._change(
                    f"Renaming #{safe_line(tag.name)} on {tag.annotations} annotations",
                    lambda store: store.rename_tag(tag.name, new),
                    f"Renamed #{safe_line(tag.name)} to #{safe_line(new)}",
                )
                return

            def merge(yes: bool | None) -> None:
                if yes:
                    self._merge(tag.name, existing)

            self.app.push_screen(
                ConfirmDialog(f"#{existing} exists already. Merge #{tag.name} into it?"), merge
            )

        self.app.push_screen(
            PromptDialog(f"Rename #{tag.name} to", value=tag.name, suggestions=others), done
        )

    def action_merge(self) -> None:
        """Merge the tag under the cursor into another tag (asked, with completion)."""
        tag = self._selected()
        if tag is None:
            return
        from claimmark.tui.dialogs import PromptDialog

        others = [t.name for t in self.tag_rows.tags if t.name != tag.name]

        def done(text: str | None) -> None:
            into = " ".join((text or "").split())
            if into:
                self._merge(tag.name, into)

        self.app.push_screen(
            PromptDialog(
                f"Merge #{tag.name} into",
                placeholder="another tag (tab completes)",
                suggestions=others,
            ),
            done,
        )

    def _merge(self, source: str, into: str) -> None:
        self._change(
            f"Merging #{safe_line(source)} into #{safe_line(into)}",
            lambda store: store.merge_tags(source, into),
            f"Merged #{safe_line(source)} into #{safe_line(into)}",
        )

    def action_delete(self) -> None:
        """Take the tag under the cursor off every annotation, after asking."""
        tag = self._selected()
        if tag is None:
            return
        from claimmark.tui.dialogs import ConfirmDialog

        def done(yes: bool | None) -> None:
            if yes:
                self._change(
                    f"Taking #{safe_line(tag.name)} off {tag.annotations} annotations",
                    lambda store: store.delete_tag(tag.name),
                    f"Deleted #{safe_line(tag.name)}",
                )

        count = tag.annotations
        self.app.push_screen(
            ConfirmDialog(
                f"Take #{tag.name} off its {count} annotation{'s' if count != 1 else ''}? "
                "The annotations stay."
            ),
            done,
        )

    def action_undo(self) -> None:
        """Undo the last rename, merge or delete of a tag."""
        if self.busy:
            self.notify(f"Wait: {self.busy}", severity="warning", markup=False)
            return
        if not self.history.tag_changes:
            self.notify("Nothing to undo.", severity="warning")
            return
        change = self.history.tag_changes.pop()

        def undo(store: Store) -> None:
            try:
                store.undo_tag_change(change)
            except ClaimmarkError:
                self.history.tag_changes.append(change)  # still there to undo
                raise

        self._change(
            f"Undoing the {change.action} of #{safe_line(change.tag)}",
            undo,
            f"Undid the {change.action} of #{safe_line(change.tag)}.",
        )

    @on(RowList.Chosen)
    def _chosen(self, event: RowList.Chosen) -> None:
        self.action_show()

    def action_show(self) -> None:
        """Back to the library, searching for the tag."""
        tag = self._selected()
        if tag is not None:
            self.dismiss(f'tags:"{tag.name.replace(chr(34), " ")}"')

    def action_back(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from claimmark.tui.dialogs import HelpScreen
        from claimmark.tui.help_sections import help_sections

        self.app.push_screen(HelpScreen(help_sections(self)))
