"""A one-line footer of the keys that matter now, drawn as a single widget.

Textual's `Footer` mounts a widget per key and recomposes on every focus change; on the
reader that cost ~0.2 s before the first frame. This line renders the same information
(the shown bindings of the focused widget and its screen) as one `Static`.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeyHints(Static):
    """The keys of the current focus, e.g. `h Highlight  t Tags  ? Help`."""

    COMPONENT_CLASSES = {"key-hints--key"}
    """The style of the key names."""

    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyHints > .key-hints--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """

    _shown: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        if hasattr(self.app, "waiting_writes"):
            self.watch(self.app, "waiting_writes", self._waiting_changed, init=False)
        self._show_keys()

    def _waiting_changed(self, _waiting: int) -> None:
        self._show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self._show_keys()

    def _show_keys(self) -> None:
        key_style = self.get_component_rich_style("key-hints--key", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis")
        waiting = getattr(self.app, "waiting_writes", 0)
        if waiting:  # changes kept while another program holds the write lock
            kept = "1 change" if waiting == 1 else f"{waiting} changes"
            line.append(f"⏳ waiting for the database… ({kept} kept)", style="bold")
            line.append("  ")
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            if line:
                line.append("  ")
            line.append(self.app.get_key_display(binding), style=key_style)
            line.append(f" {binding.description}")
        if self.app.ENABLE_COMMAND_PALETTE:
            line.append("  ")
            line.append("^p", style=key_style)
            line.append(" palette")
        if line.plain != self._shown:  # the signal fires on every key; repaint on change only
            self._shown = line.plain
            self.update(line)
