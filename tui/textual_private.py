"""The one place claimmark touches Textual's private API, for the few things no public API does.

A private name can move in any Textual release. Every use goes through this module, and
`tests/tui/test_textual_private.py` checks each name in `PRIVATE_NAMES`, failing with a
message that names the attribute that moved. At run time the app degrades instead of
crashing when a name is gone (each function says how).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import App
    from textual.screen import Screen

PRIVATE_NAMES: tuple[tuple[str, str], ...] = (
    ("textual._color_constants", "COLOR_NAME_TO_RGB"),
    ("textual.screen.Screen", "_push_result_callback"),
    ("textual.screen.Screen", "_compositor"),
    ("textual.app.App", "_background_screens"),
    ("textual.widgets._toast", "ToastHolder"),
)
"""(where, name) of every private Textual name used below."""


def textual_color_names() -> Collection[str]:
    """The colour names Textual's CSS knows (none if the table moved: then
    `tui.colors.parse_color` asks Textual's parser for every name, ~3 ms slower a name)."""
    try:
        from textual._color_constants import COLOR_NAME_TO_RGB
    except ImportError:
        return ()
    return COLOR_NAME_TO_RGB.keys()


def let_switch_replace(screen: Screen) -> bool:
    """Give `screen` the result callback `App.switch_screen` pops from the screen it
    replaces; False if that cannot be done (then the caller should push, not switch).

    Textual gives the app's first screen (`get_default_screen`) no result callback, so
    switching away from it fails; the reader is the first screen when the app opens on
    one article.
    """
    push = getattr(screen, "_push_result_callback", None)
    if push is None:
        return False
    push(screen, None)
    return True


def render_screen(app: App) -> RenderableType | None:
    """The whole current screen, with the screens showing beneath it, as Textual draws it
    (tests read it as text; `App.export_screenshot` does the same but gives only SVG)."""
    return app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


def drop_emptied_toast_holders(app: App) -> None:
    """Remove the toast holders Textual left empty on every screen of `app`.

    A toast sits in a `ToastHolder` on the screen's toast rack. When a notification goes
    before its own timer is up (replaced, as `ClaimmarkApp.notify` does to keep two on
    screen, or by `App.clear_notifications`), Textual removes the toast but not its holder
    (textual 8.2, `ToastRack.show`). The empty holders pile up, and every layout of the
    screen walks them: after some 300 edits there were 139, and a layout took 30-40 ms
    instead of 5. (Selected by the class's name: a rename finds none, and the test of this
    module says so.)"""
    for screen in app.screen_stack:
        for holder in screen.query("ToastHolder"):
            if not holder.children and holder.is_attached:
                holder.remove()
