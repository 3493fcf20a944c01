"""Typing text in Pilot tests: the keys of a text as one burst, then one wait."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot

from claimmark.tui.textual_private import key_for_character


async def type_keys(pilot: Pilot, text: str) -> None:
    """Type `text` into the focused widget, one key event per character, as a terminal
    sends a quick typist's keys (the key name Textual's parser gives the character, and
    the character): all queued at once, then one wait until the app has handled them.

    `pilot.press(*text)` waits for the app to go idle after every character (at least
    40 ms a key, most of a Pilot test's time). The keys of a text move no focus and open
    no screen, so nothing they do depends on that wait; keys that do (enter, tab, escape,
    a key that opens a dialog) still go through `pilot.press`.
    """
    app = pilot.app
    for character in text:
        app.post_message(events.Key(key_for_character(character), character))
    await pilot.pause()
    await app.workers.wait_for_complete()  # e.g. the field's completion for the text
    await pilot.pause()
