"""Start-up: the cyclic collector is off while the app starts and back on (with the
start-up objects frozen) once the first frame is drawn, or at once for commands."""

from __future__ import annotations

import gc
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
