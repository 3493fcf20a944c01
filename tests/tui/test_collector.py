"""The full garbage collection runs between keys, never by Python's own count mid-key."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import claimmark.tui.collector as collector
from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.collector import IdleCollector
from tests.libraries import new_store
from tests.tui.waiting import wait_until

TEXT = "The minister said the barrier would be built.\nCritics say the cost is too high."


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    store = new_store(tmp_path / "lib.db")
    store.add_article("Flood plan", "By Jane Example", "/tmp/flood.txt", TEXT)
    return store


async def test_the_full_collection_waits_for_a_quiet_moment(lib: Store) -> None:
    before = gc.get_threshold()
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.collector._timer is not None, what="the collector")
        assert gc.get_threshold()[2] == collector.NO_AUTOMATIC_FULL  # Python's own: off
        assert app.collector.collections == 0  # no key yet: nothing to collect for
        full = gc.get_stats()[2]["collections"]
        await pilot.press("j", "s")
        assert app.collector.pending
        await wait_until(
            pilot, lambda: app.collector.collections == 1, what="a full collection once idle"
        )
        assert gc.get_stats()[2]["collections"] > full
        assert not app.collector.pending
    assert gc.get_threshold() == before  # given back when the app closes


def test_keys_that_never_stop_still_get_a_full_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [1000.0]
    monkeypatch.setattr(collector, "monotonic", lambda: now[0])
    ran: list[int] = []
    monkeypatch.setattr(collector.gc, "collect", lambda: ran.append(1) or 0)
    idle = IdleCollector(app=None)  # type: ignore[arg-type]  # check() needs no app
    idle.check()
    assert ran == []  # no key since the last collection
    for _ in range(int(collector.LONGEST_S / 0.25)):  # a key every quarter second
        now[0] += 0.25
        idle.input_arrived()
        idle.check()
    assert ran == [1]  # once, after LONGEST_S of typing
    idle.input_arrived()
    now[0] += collector.IDLE_S / 2
    idle.check()
    assert ran == [1]  # a short pause is not yet quiet
    now[0] += collector.IDLE_S
    idle.check()
    assert ran == [1, 1]
