"""The Textual version the snapshot SVGs in `__snapshots__/` were drawn with.

Another Textual draws some cells differently, so every snapshot would fail at once with no
hint why. On another version the snapshot tests skip, saying so (pytest's `-ra` summary
shows the reason). After upgrading Textual: redraw them (`pytest --snapshot-update -n0
tests/tui -k snapshot`), look at the report, and set `SNAPSHOT_TEXTUAL_VERSION`.
"""

from __future__ import annotations

from importlib.metadata import version

import pytest

SNAPSHOT_TEXTUAL_VERSION = "8.2.8"

INSTALLED_TEXTUAL_VERSION = version("textual")

drawn_with_this_textual = pytest.mark.skipif(
    INSTALLED_TEXTUAL_VERSION != SNAPSHOT_TEXTUAL_VERSION,
    reason=(
        f"the snapshots were drawn with Textual {SNAPSHOT_TEXTUAL_VERSION}, this is Textual "
        f"{INSTALLED_TEXTUAL_VERSION}: redraw them (--snapshot-update) and update "
        "tests/tui/snapshot_version.py"
    ),
)
"""Mark for the snapshot tests: skip them on any other Textual version."""
