"""Highlight and claim-status colours, readable on Textual's light and dark themes, and the
contrast maths that keeps text readable on them (WCAG contrast ratio, colour-name parsing)."""

from __future__ import annotations

import zlib
from functools import cache

from rich.color import ANSI_COLOR_NAMES, ColorParseError
from rich.color import Color as RichColor
from textual.color import Color
from textual.color import ColorParseError as TextualColorParseError

from claimmark.store.models import ClaimStatus
from claimmark.tui.textual_private import textual_color_names

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
    ClaimStatus.UNVERIFIED: "grey62",
    ClaimStatus.SUPPORTED: "green3",
    ClaimStatus.DISPUTED: "dark_orange",
    ClaimStatus.FALSE: "red1",
    ClaimStatus.MISLEADING: "magenta",
    ClaimStatus.UNVERIFIABLE: "dodger_blue1",
}
"""Underline / badge colour for each claim status (every `ClaimStatus`, a test checks; the
keys are `str` enum members, so a plain status string finds its colour)."""


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


# -- contrast ---------------------------------------------------------------------------


def _luminance(color: Color) -> float:
    """WCAG relative luminance of an opaque colour (0 for black to 1 for white)."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    a, b = _luminance(first), _luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def readable(foreground: Color, background: Color, minimum: float) -> Color:
    """`foreground`, blended towards black or white until it reaches `minimum` contrast."""
    if contrast_ratio(foreground, background) >= minimum:
        return foreground
    target = background.get_contrast_text(1.0)
    for factor in (0.25, 0.5, 0.75):
        candidate = foreground.blend(target, factor)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return target


@cache
def parse_color(name: str) -> Color | None:
    """A Textual colour from a Textual/CSS name, a Rich name or a hex, or None if unknown."""
    # A Rich-only name ("dark_orange") goes straight to Rich: Textual's parser would fail
    # on it only after working out a did-you-mean suggestion (~3 ms a name).
    if name in ANSI_COLOR_NAMES and name not in textual_color_names():
        return _rich_color(name)
    try:
        return Color.parse(name)
    except TextualColorParseError:
        return _rich_color(name)


def _rich_color(name: str) -> Color | None:
    """A Textual colour from a Rich colour name or hex, or None if Rich does not know it."""
    try:
        red, green, blue = RichColor.parse(name).get_truecolor()
    except ColorParseError:
        return None
    return Color(red, green, blue)
