"""The colour tables agree with the store's value sets."""

from __future__ import annotations

from claimmark.store.models import ClaimStatus
from claimmark.tui.colors import STATUS_COLORS, parse_color


def test_status_colors_cover_exactly_the_claim_statuses() -> None:
    assert set(STATUS_COLORS) == {status.value for status in ClaimStatus}


def test_every_status_colour_is_a_colour() -> None:
    for status, name in STATUS_COLORS.items():
        assert parse_color(name) is not None, f"{status}: {name!r} is not a colour"
