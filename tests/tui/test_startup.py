"""Start-up: the cyclic collector is off while the app starts and back on (with the
start-up objects frozen) once the first frame is drawn, or at once for commands."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.cli import main


@pytest.fixture
def collector_off() -> Iterator[None]:
    """As `tui.launch.main` leaves it; restored (and unfrozen) afterwards."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


async def test_collector_back_on_after_the_first_frame(tmp_path: Path, collector_off: None) -> None:
    store = Store(tmp_path / "lib.db")
    store.add_article("A title", "", "/a.txt", "Some text to read.")
    app = ClaimmarkApp(store, article_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0


def test_a_command_turns_the_collector_back_on(
    tmp_path: Path, collector_off: None, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--db", str(tmp_path / "lib.db"), "list"])
    assert gc.isenabled()
    capsys.readouterr()


def test_launch_module_is_the_console_script() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["claimmark"] == "claimmark.tui.launch:main"


FIRST_FRAME_PROBE = """
import asyncio, sys
import claimmark.tui.launch as launch
launch.require_terminal = lambda: None
def run_tui(store, article_id, **options):
    from claimmark.tui.app import ClaimmarkApp
    app = ClaimmarkApp(store, article_id=article_id, **options)
    async def first_frame():
        async with app.run_test() as pilot:
            await pilot.pause()
            print(" ".join(sorted(sys.modules)))
    asyncio.run(first_frame())
launch.run_tui = run_tui
launch.main()
"""

NOT_FOR_THE_FIRST_FRAME = (
    "click",  # the command line: the launch lines are read without it (tui.launch)
    "claimmark.tui.cli",
    "claimmark.tui.dialogs",
    "claimmark.tui.screens.claims",
    "claimmark.store.suggest",  # the reader's worker imports it once the frame is out
    "claimmark.store.sentences",  # on the first sentence motion
    "claimmark.store.anchoring",  # on the first annotation made
    "claimmark.store.reanchor",  # when a new version arrives
    "rapidfuzz",
    "claimmark.store.ingest",
    "claimmark.store.export",
    "claimmark.store.migrations",  # only when a library needs migrating
    "sqlite_utils",
    "yaml",
    "json",  # the journal's, on the first write
)


@pytest.mark.parametrize(
    ("args", "screen"),
    [([], "claimmark.tui.screens.library"), (["open", "1"], "claimmark.tui.screens.reader")],
)
def test_the_first_screen_imports_only_what_it_draws(
    tmp_path: Path, args: list[str], screen: str
) -> None:
    """What the first frame needs is imported before it, the rest when it is first used:
    a feature that adds an import to the launch path shows up here."""
    db = tmp_path / "lib.db"
    with Store(db) as store:
        store.add_article("A title", "By someone", "/a.txt", "Some “text” to read. Another.")
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "CLAIMMARK_DB": str(db)},
        check=True,
    )
    imported = set(result.stdout.split())
    assert screen in imported
    assert not {
        name
        for name in imported
        for unwanted in NOT_FOR_THE_FIRST_FRAME
        if name == unwanted or name.startswith(unwanted + ".")
    }
