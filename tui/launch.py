"""The `claimmark` entry point, kept apart from `tui.cli` so that it runs before the
imports.

Start-up allocates hundreds of thousands of long-lived objects (Textual, Rich, our
modules, the article). Left on, Python's cyclic collector walks them again and again
while the app starts, and its first full pass (~65 ms here) lands just before the
first frame. So the collector is off from here until the first frame is on screen;
then everything alive is frozen (never scanned again) and the collector is back on.
Commands that do not open the reader turn it back on at once (`tui.cli.cli`).
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from claimmark.tui.cli import main as cli_main

    cli_main()


def settle_after_startup() -> None:
    """Called once the first frame is drawn (and by commands with no screen)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
