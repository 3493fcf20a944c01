"""Highlight and claim-status colours, readable on Textual's light and dark themes."""

from __future__ import annotations

import zlib

# name -> (background on a dark theme, background on a light theme)
HIGHLIGHT_COLORS: dict[str, tuple[str, str]] = {
    "yellow": ("#5e5200", "#fff1a1"),
    "green": ("#1d4d2b", "#c9f2c7"),
    "blue": ("#1c3a63", "#cfe2ff"),
    "pink": ("#5f1d47", "#ffd3ec"),
    "orange": ("#5f3300", "#ffd9ad"),
    "purple": ("#3b2763", "#e3d6ff"),
    "teal": ("#0d4d4a", "#c4efea"),
}
DEFAULT_COLOR = "yellow"

STATUS_COLORS: dict[str, str] = {
    "unverified": "grey62",
    "supported": "green3",
    "disputed": "dark_orange",
    "false": "red1",
    "misleading": "magenta",
    "unverifiable": "dodger_blue1",
}
"""Underline / badge colour for each claim status."""


def tag_color(tag: str) -> str:
    """A stable colour name for a tag (the same tag always gets the same colour)."""
    names = [name for name in HIGHLIGHT_COLORS if name != DEFAULT_COLOR]
    return names[zlib.crc32(tag.casefold().encode("utf-8")) % len(names)]


def color_name(color: str | None, tags: tuple[str, ...]) -> str:
    """The colour an annotation is drawn in: its own, else its first tag's, else yellow."""
    if color in HIGHLIGHT_COLORS:
        return color
    if tags:
        return tag_color(tags[0])
    return DEFAULT_COLOR


def background(name: str, dark: bool) -> str:
    """The background hex for a colour name on a dark or light theme."""
    dark_bg, light_bg = HIGHLIGHT_COLORS.get(name, HIGHLIGHT_COLORS[DEFAULT_COLOR])
    return dark_bg if dark else light_bg
