"""Every private Textual name claimmark uses (all through `tui.textual_private`) still exists.

When a Textual release moves one, this fails naming it, instead of the app quietly getting
slower or a test failing somewhere far from the cause.
"""

from __future__ import annotations

import importlib

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from claimmark.tui.textual_private import (
    PRIVATE_NAMES,
    let_switch_replace,
    render_screen,
    textual_color_names,
)


def _owner(where: str) -> object:
    """The module, or the class inside a module, that `where` names."""
    try:
        return importlib.import_module(where)
    except ImportError:
        module, _, name = where.rpartition(".")
        return getattr(importlib.import_module(module), name)


class _Probe(App[None]):
    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("probe text")


@pytest.mark.parametrize(("where", "name"), PRIVATE_NAMES)
async def test_private_name_still_exists(where: str, name: str) -> None:
    try:
        owner = _owner(where)
    except (ImportError, AttributeError):
        pytest.fail(f"Textual no longer has {where} (claimmark uses its private {name})")
    found = hasattr(owner, name)
    if not found and isinstance(owner, type):  # instance attributes: look at a live one
        app = _Probe()
        async with app.run_test():
            live = app.screen if issubclass(Screen, owner) else app
            found = hasattr(live, name)
    assert found, (
        f"Textual's private {where}.{name} is gone: claimmark's tui/textual_private.py uses it; "
        "find the new way and update that module"
    )


def test_textual_colour_names_are_found() -> None:
    names = textual_color_names()
    assert "rebeccapurple" in names, (
        "textual._color_constants.COLOR_NAME_TO_RGB moved: tui/textual_private.py "
        "textual_color_names() falls back to no names (colour parsing gets slower)"
    )


async def test_first_screen_can_be_switched_away_from() -> None:
    app = _Probe()
    async with app.run_test() as pilot:
        first = app.screen
        assert let_switch_replace(first), "Screen._push_result_callback is gone"
        await app.switch_screen(Screen())
        await pilot.pause()
        assert app.screen is not first


async def test_render_screen_reads_the_screen() -> None:
    app = _Probe()
    async with app.run_test():
        assert render_screen(app) is not None
