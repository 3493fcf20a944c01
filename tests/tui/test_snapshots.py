"""Snapshot tests of the main screens (layout regressions; behaviour is tested elsewhere)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimmark.store.models import AnnotationDraft, Attribution, Claim, ClaimStatus
from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.screens.reader import ReaderScreen
from tests.libraries import new_store
from tests.tui.snapshot_version import drawn_with_this_textual
from tests.tui.test_reader import TEXT, TITLE
from tests.tui.waiting import wait_until

SIZE = (110, 30)


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    store = new_store(tmp_path / "lib.db")
    store.add_article(
        TITLE, "By Jane Example", "/tmp/flood.txt", TEXT, imported_at="2026-11-01T09:00:00+00:00"
    )
    store.add_article(
        "Hospital waiting times fall for a third month",
        "By Sam Writer",
        "/tmp/h.txt",
        "Waiting times fell, the health minister said.",
        imported_at="2026-10-01T09:00:00+00:00",
    )
    first = TEXT.split("\n")[0]
    store.create_annotation(
        AnnotationDraft(
            1,
            0,
            len(first),
            tags=("funding",),
            claim=Claim(claimant="two officials", attribution=Attribution.ANONYMOUS),
        ),
        created_at="2026-11-02T10:00:00+00:00",
    )
    quote = "“a decision is close”"
    start = TEXT.index(quote)
    store.create_annotation(
        AnnotationDraft(
            1,
            start,
            start + len(quote),
            claim=Claim(
                claimant="the environment minister",
                status=ClaimStatus.DISPUTED,
                sources=("Harbour Gazette",),
            ),
        ),
        created_at="2026-11-02T10:01:00+00:00",
    )
    start = TEXT.index("£2.4bn")
    store.create_annotation(
        AnnotationDraft(1, start, start + 6, note="Check the costing.", tags=("cost",)),
        created_at="2026-11-02T10:02:00+00:00",
    )
    return store


pytestmark = drawn_with_this_textual


async def _settle(pilot: Any) -> None:
    """Wait until the screen has nothing left to draw: the reader's suggestions found."""
    screen = pilot.app.screen
    if isinstance(screen, ReaderScreen):
        await wait_until(pilot, lambda: screen._suggestions_ready, what="the suggestions")
    await pilot.pause()


def _reader(lib: Store, theme: str) -> ClaimmarkApp:
    app = ClaimmarkApp(lib, article_id=1)
    app.theme = theme
    return app


def test_snapshot_library(snap_compare: Any, lib: Store) -> None:
    assert snap_compare(ClaimmarkApp(lib), terminal_size=SIZE, run_before=_settle)


def test_snapshot_reader_dark(snap_compare: Any, lib: Store) -> None:
    assert snap_compare(_reader(lib, "textual-dark"), terminal_size=SIZE, run_before=_settle)


def test_snapshot_reader_light(snap_compare: Any, lib: Store) -> None:
    assert snap_compare(_reader(lib, "textual-light"), terminal_size=SIZE, run_before=_settle)


def test_snapshot_help(snap_compare: Any, lib: Store) -> None:
    assert snap_compare(
        _reader(lib, "textual-dark"),
        terminal_size=SIZE,
        press=["question_mark"],
        run_before=_settle,
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
def test_snapshot_reader_sizes(snap_compare: Any, lib: Store, size: tuple[int, int]) -> None:
    """The text and the pane share the width at a small, a common and a wide terminal."""
    assert snap_compare(_reader(lib, "textual-dark"), terminal_size=size, run_before=_settle)
