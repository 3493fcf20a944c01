"""Typing at full speed in Pilot tests: keys sent in one burst, as a terminal sends what
it reads at once (fast typing, a paste without bracketed paste, tmux `send-keys`).

`pilot.press` waits until the app is idle after every key, so it never shows what happens
when keys arrive faster than the app handles them; `burst` posts them all first.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.pilot import Pilot

from claimmark.tui.key_order import OrderedKeysApp
from tests.tui.waiting import wait_until

_CHARACTERS = {"enter": "\r", "tab": "\t", "space": " ", "escape": "\x1b", "backspace": "\x7f"}


def key_event(key: str) -> events.Key:
    """The event a terminal gives for `key`: one character ("a", "£", ">"), or a key
    name as Pilot takes them ("enter", "tab", "shift+tab", "ctrl+s", "down")."""
    if len(key) == 1:
        if key.isalnum():
            return events.Key(key, key)
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        return events.Key(KEY_NAME_REPLACEMENTS.get(name, name), key)
    if key.startswith("ctrl+") and len(key) == 6 and key[-1].isalpha():
        return events.Key(key, chr(ord(key[-1]) - ord("a") + 1))
    return events.Key(key, _CHARACTERS.get(key))


async def burst(pilot: Pilot, *keys: str) -> None:
    """Post every key to the app at once, with no pause between them, then wait until the
    app has handled them all."""
    app = pilot.app
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)
    taken: list[bool] = []
    app.call_later(taken.append, True)  # runs once the app has taken every key posted
    await wait_until(pilot, lambda: bool(taken), what="the app to take the keys")
    if isinstance(app, OrderedKeysApp):
        await wait_until(pilot, lambda: not app.keys_pending, what="every key to be handled")
    await pilot.pause()
