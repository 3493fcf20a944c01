"""Waiting in Pilot tests for a condition, never for a fixed time."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

DEFAULT_TIMEOUT = 10.0
"""Seconds before a wait gives up: generous, for a loaded machine running tests in parallel."""


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], *, what: str, timeout: float = DEFAULT_TIMEOUT
) -> None:
    """Let the app run (`pilot.pause()`: until it is idle) until `condition()` is true;
    fail naming `what` was awaited if it is still false after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:g} s waiting for {what}")
        await pilot.pause()
