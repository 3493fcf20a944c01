"""Keys in order (tui/key_order.py): keys and pastes sent in one burst land where the focus
is after the keys before them, however the focus moved."""

from __future__ import annotations

import asyncio

import pytest
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

import claimmark.tui.key_order
from claimmark.tui.key_order import OrderedKeysApp
from tests.tui.burst import burst, key_event
from tests.tui.waiting import wait_until


class Form(OrderedKeysApp[None]):
    """Three inputs; enter in one focuses the next through the `Submitted` message (the
    way Textual forms usually do it: the focus moves two messages after the key)."""

    def compose(self) -> ComposeResult:
        for name in ("first", "second", "third"):
            yield Input(id=name, select_on_focus=False)

    @on(Input.Submitted)
    def next_input(self) -> None:
        self.screen.focus_next()

    def values(self) -> list[str]:
        return [field.value for field in self.query(Input)]


async def test_keys_after_tab_go_to_the_next_input() -> None:
    app = Form()
    async with app.run_test() as pilot:
        await pilot.pause()
        await burst(pilot, *"ab", "tab", *"cd", "tab", "tab", *"ef", "shift+tab", "g")
        assert app.values() == ["abef", "cd", "g"]


async def test_keys_after_enter_go_to_the_input_enter_moved_to() -> None:
    app = Form()
    async with app.run_test() as pilot:
        await pilot.pause()
        await burst(pilot, *"one", "enter", *"two", "enter", *"three")
        assert app.values() == ["one", "two", "three"]


async def test_a_paste_after_tab_goes_to_the_next_input() -> None:
    app = Form()
    async with app.run_test() as pilot:
        await pilot.pause()
        await burst(pilot, "x", "tab")
        app.post_message(events.Paste("pasted text"))
        app.post_message(events.Key("tab", "\t"))
        app.post_message(events.Paste("more"))
        await wait_until(pilot, lambda: app.values()[2] == "more", what="the second paste")
        assert app.values() == ["x", "pasted text", "more"]


class SlowBox(Vertical):
    """A container whose handler for f5 takes seconds (its queue is stuck meanwhile)."""

    async def on_key(self, event: events.Key) -> None:
        if event.key == "f5":
            await asyncio.sleep(1.5)


class Stuck(Form):
    """The inputs inside a `SlowBox`: it is on the focus chain."""

    def compose(self) -> ComposeResult:
        with SlowBox():
            yield from super().compose()


async def test_a_key_that_never_settles_holds_the_next_only_so_long(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(claimmark.tui.key_order, "KEY_SETTLE_LIMIT", 0.2)
    app = Stuck()
    async with app.run_test() as pilot:
        await pilot.pause()
        await burst(pilot, "f5", *"later")  # routed after 0.2 s, not after 1.5 s
        assert app.values()[0] == "later"


async def test_a_click_waits_behind_the_keys_typed_before_it() -> None:
    app = Form()
    async with app.run_test() as pilot:
        await pilot.pause()
        third = app.query(Input).last()
        x, y = third.region.x + 2, third.region.y + 1
        position = dict(x=x, y=y, delta_x=0, delta_y=0, button=1, shift=False, meta=False)
        for event in (
            key_event("a"),
            key_event("b"),
            events.MouseDown(None, ctrl=False, screen_x=x, screen_y=y, **position),
            events.MouseUp(None, ctrl=False, screen_x=x, screen_y=y, **position),
            key_event("c"),
        ):
            event.set_sender(app)
            app.post_message(event)
        await wait_until(pilot, lambda: app.values()[2] == "c", what="c in the clicked input")
        assert app.values() == ["ab", "", "c"]
