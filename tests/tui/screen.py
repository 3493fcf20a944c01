"""Read the screen as plain text, the way a person would read it."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App

from claimmark.tui.textual_private import render_screen


def screen_text(app: App) -> str:
    """The whole current screen (with any screens showing beneath it) as plain text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(render_screen(app))
    return console.export_text()
