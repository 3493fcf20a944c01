"""The claimmark Textual app: the library, the reader and the claims view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from claimmark.store.models import DeletedArticles, TagChange
from claimmark.store.store import Store
from claimmark.tui.launch import settle_after_startup


@dataclass
class LibraryHistory:
    """Changes to the library as a whole that `u` undoes until the app closes: deleted
    articles (in the library) and tag renames, merges and deletes (on the tags screen)."""

    deleted: list[DeletedArticles] = field(default_factory=list)
    tag_changes: list[TagChange] = field(default_factory=list)


class ClaimmarkApp(App[None]):
    """Read news articles critically: highlight, tag, note and record claims."""

    CSS_PATH = "app.tcss"
    TITLE = "claimmark"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]
    """App-wide keys (each screen adds its own)."""

    def __init__(self, store: Store, article_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self.article_id = article_id
        self.history = LibraryHistory()
        """What the library and tags screens can undo."""

    def get_default_screen(self) -> Screen:
        """The library, or the reader when opened on one article (the library is then
        built only if the user goes back to it). As the first screen, rather than one
        pushed over an empty default screen, it is composed and drawn once (~15 ms
        sooner to the first frame)."""
        if self.article_id is None:
            from claimmark.tui.screens.library import LibraryScreen

            return LibraryScreen(self.store)
        from claimmark.tui.screens.reader import ReaderScreen

        return ReaderScreen(self.store, self.article_id)

    def on_mount(self) -> None:
        self.call_after_refresh(settle_after_startup)
        theme = self.store.get_setting("theme")
        if theme and theme in self.available_themes:
            self.theme = theme

    def watch_theme(self, theme: str) -> None:
        try:
            if self.store.get_setting("theme") != theme:
                self.store.set_setting("theme", theme)
        except Exception:  # a read-only library keeps the theme for this session only
            pass

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen, as a command in the palette."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for node in (screen, *screen.query("*")):
            for binding in getattr(type(node), "BINDINGS", []):
                if not isinstance(binding, Binding) or binding.action in seen:
                    continue
                if binding.action.startswith(("cursor_", "app.")) or not binding.description:
                    continue
                seen.add(binding.action)
                key = self.get_key_display(binding)
                yield SystemCommand(
                    f"{binding.description} ({key})",
                    binding.tooltip or binding.description,
                    _runner(node, binding.action),
                )


def _runner(node: object, action: str):  # type: ignore[no-untyped-def]
    async def run() -> None:
        await node.run_action(action)  # type: ignore[attr-defined]

    return run
