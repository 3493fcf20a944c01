"""The TUI's writes to the library: in order, never blocking the screen, never lost.

Another process (the CLI, another window) may hold the library's write lock for a while.
A write that had to wait for it on the UI thread would freeze the screen. So the app's
store never waits for the lock (`Store.lock_wait = 0`): a write that finds it taken fails
at once with `Busy`, and `WriteQueue` keeps it, with every write that comes after it, and
tries again a few times a second until the lock is free. Meanwhile the user keeps reading
and the key line says "waiting for the database…"; each change lands in the order it was
made, and its screen update runs when it has. A write that fails for another reason is
reported ("Not saved") and dropped; those queued behind it still run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimmark.store.errors import Busy, ClaimmarkError

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

RETRY_EVERY_S = 0.2
"""How often a waiting write tries the lock again."""


@dataclass
class Write:
    """One change waiting to be written: `run` writes it (and raises `Busy` while the lock
    is taken); `done` updates the screen with what `run` returned."""

    run: Callable[[], Any]
    done: Callable[[Any], None]
    failed: Callable[[ClaimmarkError], None] | None = None


class WriteQueue:
    """The app's writes, each tried at once and kept in order while the library is locked."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._waiting: deque[Write] = deque()
        self._timer: Timer | None = None

    @property
    def waiting(self) -> int:
        """How many changes are waiting for the write lock."""
        return len(self._waiting)

    def submit(
        self,
        run: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[ClaimmarkError], None] | None = None,
    ) -> None:
        """Write now, or after the changes already waiting: `done(result)` runs once it
        is written (at once when the lock is free), `failed(error)` if it cannot be
        (default: a "Not saved" notification)."""
        write = Write(run, done, failed)
        if self._waiting:
            self._waiting.append(write)
            self._changed()
            return
        if not self._attempt(write):
            self._waiting.append(write)
            self.app.notify(
                "Another program is writing to the library: waiting for the database… "
                "Your change is kept; keep reading.",
                title="Waiting",
                severity="warning",
                timeout=4,
            )
            self._timer = self.app.set_interval(RETRY_EVERY_S, self._retry)
            self._changed()

    def _attempt(self, write: Write) -> bool:
        """Run one write; False if the lock is taken (it must wait), True otherwise."""
        try:
            result = write.run()
        except Busy:
            return False
        except ClaimmarkError as error:
            if write.failed is not None:
                write.failed(error)
            else:
                self.app.notify(str(error), title="Not saved", severity="error")
            return True
        write.done(result)
        return True

    def _retry(self) -> None:
        while self._waiting:
            if not self._attempt(self._waiting[0]):
                return
            self._waiting.popleft()
            self._changed()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.app.clear_notifications()  # the "waiting" notice is out of date
        self.app.notify("Saved: the database is free again.", timeout=2)

    def _changed(self) -> None:
        self.app.waiting_writes = len(self._waiting)  # type: ignore[attr-defined]
