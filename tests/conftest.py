"""Shared fixtures: a real store in a temp folder, sample texts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimmark.store.store import Store
from tests.libraries import new_store

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject's addopts) runs three workers per core: most of a Pilot test
    is spent waiting for the app to go idle after each key (Pilot sleeps in 20 ms steps),
    and the other workers on the core run while one waits. (On the 2-core development
    machine, four workers kept the cores about 70% busy; a worker more costs its
    collection, about 4 s of CPU where PYTHONDONTWRITEBYTECODE makes pytest rewrite every
    test module again.)"""
    return 3 * (os.cpu_count() or 1)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store on a real SQLite file."""
    s = new_store(tmp_path / "claimmark.db")
    yield s
    s.close()


ARTICLE_TEXT = (
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Speaking on Monday, the environment minister told reporters that “a decision is close”, "
    "according to a report in the Harbour Gazette.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029."
)


@pytest.fixture
def article(store: Store):
    """One short article in the store."""
    return store.add_article(
        "Ministers signal backing for coastal flood plan",
        "By Jane Example",
        "/tmp/flood.txt",
        ARTICLE_TEXT,
    ).article
