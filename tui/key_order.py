"""Keys in order: every key (and paste) is handled in full before the next one is routed.

Textual routes a key the moment the app reads it: to the widget focused *then*. A key that
moves focus (`tab`, `enter` in a form, a key that opens a dialog) takes effect only later,
after the key has travelled up from the focused widget to the app's bindings (each step a
message in another queue) and, for `enter` in an input, after the `Submitted` message it
sets off has reached the form. Keys that arrive in one burst (fast typing, a terminal that
sends a line at once, a test) were therefore routed to the old field: `tab tab d` typed the
"d" into the field left behind.

`OrderedKeysApp` holds every key and paste that arrives while an earlier one is still
being handled, and routes it only once the focus chain is quiet again: the focused widget,
its ancestors, every screen on the stack and the app (where a key travels, and every pump
whose work can move focus or open and close a screen) with empty queues, each having
finished what it was doing (a callback posted to each has run), twice in a row. The rest
of the app (a pane redrawing, a worker reporting) goes on beside the next key as before.
A key that arrives while the app is quiet is routed at once, so typing at human speed
pays nothing; a burst costs a round trip through the chain per key (well under a
millisecond), and draws one frame at its end rather than one per key. Measured in tmux
(tui_probe key-latency, PageDown on the 200 KB sample, 40 presses, three runs each,
interleaved): medians 15-22 ms with this against 17-27 ms without, the same within noise.

A key never waits more than `KEY_SETTLE_LIMIT` for the one before it (an animation or a
busy widget that keeps a queue non-empty): then it is routed anyway, in order.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import Any

from textual import events
from textual.app import App, ReturnType
from textual.message_pump import MessagePump

KEY_SETTLE_LIMIT = 1.0
"""Seconds a key may hold the next one back."""

_ORDERED = (events.Key, events.Paste)
"""The input that is routed to the focused widget, and so must wait for focus to settle."""

_KEPT_IN_LINE = (events.MouseDown, events.MouseUp)
"""Mouse presses wait behind keys already waiting (a click may move the focus they are
meant for), but never hold keys back themselves."""


class OrderedKeysApp(App[ReturnType]):
    """An `App` that handles keys and pastes one at a time, each after the effects of the
    one before it (focus moves, dialogs opening or closing) have happened."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_input: deque[events.Event] = deque()
        self._input_in_flight = False
        self._settler: asyncio.Task[None] | None = None
        self._burst: contextlib.ExitStack | None = None

    @property
    def keys_pending(self) -> bool:
        """Is a key or paste still being handled, or waiting to be?"""
        return self._input_in_flight or bool(self._held_input)

    async def on_event(self, event: events.Event) -> None:
        """Route a key or paste now if the app is quiet, else hold it until it is."""
        waiting = self._input_in_flight or self._held_input
        if isinstance(event, _KEPT_IN_LINE) and not event.is_forwarded and self._held_input:
            self._held_input.append(event)
            return
        if isinstance(event, _ORDERED) and not event.is_forwarded:
            if waiting:
                self._held_input.append(event)
                if len(self._held_input) > 1:  # a burst, not one key typed early
                    self._begin_burst()
            else:
                await self._route_input(event)
            return
        await super().on_event(event)

    async def _route_input(self, event: events.Event) -> None:
        """Hand `event` to Textual's routing, then watch for its effects to settle."""
        self._input_in_flight = True
        try:
            await super().on_event(event)
        finally:
            self._settler = asyncio.create_task(self._settle())

    async def _settle(self) -> None:
        """Wait until the app is quiet (or the limit passes), then route the next input."""
        try:
            await wait_until_quiet(self, KEY_SETTLE_LIMIT)
        finally:
            if not self.call_later(self._release_input):
                self._input_in_flight = False  # the app is closing: nothing more to route

    async def _release_input(self) -> None:
        """The last key has settled: route the next one held, if any."""
        self._input_in_flight = False
        if self._held_input:
            await self._route_input(self._held_input.popleft())
        else:
            self._end_burst()

    def _begin_burst(self) -> None:
        """Keys are waiting: draw nothing until they are all handled (Textual's
        `batch_update`), so a burst costs one frame, not one per key."""
        if self._burst is None:
            self._burst = contextlib.ExitStack()
            self._burst.enter_context(self.batch_update())

    def _end_burst(self) -> None:
        """Every key waiting is handled: draw again (the screen redraws when idle, and
        its idle time passed during the burst, so it is prompted)."""
        burst, self._burst = self._burst, None
        if burst is not None:
            burst.close()
            for screen in self.screen_stack:
                screen.check_idle()

    def _on_unmount(self) -> None:
        if self._settler is not None:
            self._settler.cancel()
        self._held_input.clear()
        self._end_burst()


def _focus_chain(app: App[Any]) -> list[MessagePump]:
    """Where a key travels: the focused widget and its ancestors up to the screen, every
    screen on the stack (a dialog's answer goes to the screen below) and the app."""
    chain: list[MessagePump] = [app, *app.screen_stack]
    focused = app.focused
    if focused is not None:
        chain.extend(focused.ancestors_with_self)
    return list(dict.fromkeys(chain))


async def _barrier(pumps: list[MessagePump], timeout: float) -> None:
    """Wait until each pump has handled what was in its queue when this was called (a
    callback posted to each has run), or `timeout` seconds."""
    done = asyncio.Event()
    waiting = 0

    def arrived() -> None:
        nonlocal waiting
        waiting -= 1
        if waiting == 0:
            done.set()

    for pump in pumps:
        if pump.is_running and pump.call_later(arrived):
            waiting += 1
    if waiting:
        try:
            await asyncio.wait_for(done.wait(), timeout)
        except TimeoutError:
            pass


async def wait_until_quiet(app: App[Any], limit: float) -> None:
    """Return once the focus chain (see `_focus_chain`: where the next key will go, and
    every pump that could move focus or change the screen) has an empty queue before and
    after two barriers in a row, or after `limit` seconds.

    Only the chain counts: the rest of the app (the annotation pane redrawing, a worker
    reporting) goes on beside the next key, as it would without this module. A barrier
    waits for each pump to finish the message it may be in the middle of (its queue looks
    empty meanwhile).
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    quiet_rounds = 0
    while quiet_rounds < 2:
        remaining = deadline - loop.time()
        if remaining <= 0:
            return
        chain = _focus_chain(app)
        busy = any(pump.message_queue_size for pump in chain)
        await _barrier(chain, remaining)
        if busy or any(pump.message_queue_size for pump in _focus_chain(app)):
            quiet_rounds = 0
        else:
            quiet_rounds += 1
