"""Python's full garbage collection, run while the reader is idle rather than between keys.

Python collects reference cycles in three generations. The young ones are cheap to scan;
a full collection walks every object created since start-up (the start-up objects are
frozen, see `tui.launch`): strips and styles in Textual's caches, the pane's and the
view's drawn lines, the annotations of the undo stack. After a few hundred keys on a 1 MB
article with 5,000 annotations that took 30-65 ms, and Python starts one whenever enough
objects have survived the younger collections: in the middle of a key, as often as not
(four times in some 600 keys, each one a frame three or four frames late).

`IdleCollector` turns the automatic full collection off for as long as the app runs and
runs it itself once no key has come for `IDLE_S` (and some key came since the last one),
or every `LONGEST_S` of unbroken typing at the latest, so that cycles are still freed.
The young generations are collected as before.
"""

from __future__ import annotations

import gc
from time import monotonic
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

IDLE_S = 1.0
"""How long without a key before the full collection runs."""

LONGEST_S = 60.0
"""The longest the full collection waits while keys keep coming."""

CHECK_EVERY_S = 0.5
"""How often the collector looks at the clock."""

NO_AUTOMATIC_FULL = 1_000_000
"""A third threshold Python never reaches: its own full collections stay off."""


class IdleCollector:
    """Runs the full garbage collection while `app` is idle (see the module)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.last_input = monotonic()
        self.last_full = monotonic()
        self.pending = False
        """Has a key come since the last full collection?"""
        self.collections = 0
        """Full collections run so far (for tests and curiosity)."""
        self._thresholds: tuple[int, int, int] | None = None
        self._timer: Timer | None = None

    def start(self) -> None:
        """Take the full collection over from Python (call once the app runs)."""
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL)
        self._timer = self.app.set_interval(CHECK_EVERY_S, self.check)

    def stop(self) -> None:
        """Give the full collection back to Python (the app is closing)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input_arrived(self) -> None:
        """A key or paste came in: wait for the next quiet moment."""
        self.last_input = monotonic()
        self.pending = True

    def check(self) -> None:
        """Collect now if keys came and then stopped, or have gone on for too long."""
        if not self.pending:
            return
        now = monotonic()
        if now - self.last_input >= IDLE_S or now - self.last_full >= LONGEST_S:
            gc.collect()
            self.collections += 1
            self.pending = False
            self.last_full = monotonic()
