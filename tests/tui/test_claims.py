"""Claims by keys: every field into the store, editing, accepting and dismissing
suggestions, and the claims view across the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimmark.store.models import AnnotationDraft, Attribution, Claim, ClaimStatus, Confidence
from claimmark.store.store import Store
from claimmark.tui.app import ClaimmarkApp
from claimmark.tui.screens.claims import ClaimsScreen
from claimmark.tui.screens.reader import ReaderScreen
from claimmark.tui.widgets.article_view import ArticleView
from tests.libraries import new_store
from tests.tui.burst import burst
from tests.tui.screen import screen_text
from tests.tui.test_reader import TEXT, TITLE
from tests.tui.waiting import wait_until


@pytest.fixture
def lib(tmp_path: Path) -> Store:
    store = new_store(tmp_path / "lib.db")
    store.add_article(TITLE, "By Jane Example", "/tmp/flood.txt", TEXT)
    return store


async def wait_for_suggestions(pilot, app: ClaimmarkApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    await wait_until(pilot, lambda: screen._suggestions_ready, what="the reader's suggestions")
    return screen


class Typed(str):
    """Text typed into a field, as opposed to a single key."""


CLAIM_STEPS = (
    "}",
    "s",
    "c",  # the claim form opens on the selected sentence
    Typed("the environment minister"),
    "enter",
    Typed("Harbour Gazette > minister"),
    "enter",
    "d",  # attribution: direct quote
    "enter",
    "f",  # status: false
    "enter",
    "space",  # confidence: the list opens ...
    "down",
    "enter",  # ... medium -> high
    "enter",
    Typed("https://example.org/a"),
    "enter",
    Typed("flood, budget"),
    "enter",
    Typed("Ask the Gazette"),
    "ctrl+s",
)
"""Every field of the claim form, as a user fills it: enter after each one."""

CLAIM_KEYS = tuple(
    k for step in CLAIM_STEPS for k in (step if isinstance(step, Typed) else (step,))
)
"""The keys of `CLAIM_STEPS`, one by one."""


def assert_every_field_saved(lib: Store) -> None:
    [annotation] = lib.list_annotations(1)
    assert annotation.quote.startswith("Speaking on Monday")
    assert annotation.claim == Claim(
        claimant="the environment minister",
        sources=("Harbour Gazette", "minister"),
        status=ClaimStatus.FALSE,
        confidence=Confidence.HIGH,
        attribution=Attribution.DIRECT_QUOTE,
        evidence=("https://example.org/a",),
    )
    assert set(annotation.tags) == {"flood", "budget"}
    assert annotation.note == "Ask the Gazette"


async def press_settling(pilot, steps: tuple[str, ...]) -> None:
    """Each key pressed on its own with the app settled after it, as a user moving through
    the form does; a field's text goes in as typed, in one burst, then settles."""
    for step in steps:
        if isinstance(step, Typed):
            await burst(pilot, *step)
        else:
            await pilot.press(step)


async def test_claim_every_field_by_keys_one_at_a_time(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press_settling(pilot, CLAIM_STEPS)
        await pilot.pause()
    assert_every_field_saved(lib)


async def test_claim_every_field_typed_at_full_speed(lib: Store) -> None:
    """Every key sent at once, as a fast typist or a terminal sending a burst does: each
    lands where the focus is after the keys before it (the form opening, enter moving on,
    the list opening and closing)."""
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, *CLAIM_KEYS)
    assert_every_field_saved(lib)


async def test_keys_typed_as_a_dialog_opens_go_into_it(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "s", "t", *"tide", "enter", ")", "s", "n", *"Why?", "ctrl+s")
    first, second = lib.list_annotations(1)
    assert (first.tags, first.note) == (("tide",), "")
    assert (second.tags, second.note) == ((), "Why?")


async def test_c_on_an_existing_claim_edits_it(lib: Store) -> None:
    original = lib.create_annotation(
        AnnotationDraft(1, 0, 20, tags=("a",), note="n", claim=Claim(claimant="officials"))
    )
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "s")  # status: supported
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "supported" in screen_text(app)
    edited = lib.get_annotation(original.id)
    assert edited.claim.status is ClaimStatus.SUPPORTED
    assert edited.claim.claimant == "officials"
    assert (edited.tags, edited.note) == (("a",), "n")
    # e in the pane edits it too
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "e")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await burst(pilot, *"two officials")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert lib.get_annotation(original.id).claim.claimant == "two officials"


async def test_accept_and_dismiss_suggestions(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await wait_for_suggestions(pilot, app)
        view = screen.query_one(ArticleView)
        await pilot.press("a")
        assert view.show_suggestions
        suggestions = screen._open_suggestions()
        assert len(suggestions) >= 3
        await pilot.press("g", "greater_than_sign")
        first = suggestions[0] if suggestions[0].start > 0 else suggestions[1]
        assert view.cursor == first.start
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("ctrl+s")  # accept as prefilled
        await pilot.pause()
        [claim] = lib.list_annotations(1)
        assert (claim.start, claim.end) == (first.start, first.end)
        assert claim.claim.claimant == first.claimant
        assert claim.claim.attribution is first.attribution
        assert claim.claim.sources == first.sources
        assert first not in screen._open_suggestions()  # now a claim, no longer suggested
        await pilot.press("greater_than_sign")
        second = view.cursor
        await pilot.press("D")
        await pilot.pause()
        assert any(s[0] == second for s in lib.dismissed_suggestions(1))
        assert all(s.start != second for s in screen._open_suggestions())
    # dismissed stays dismissed after reopening
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await wait_for_suggestions(pilot, app)
        assert all(s.start != second for s in screen._open_suggestions())


async def test_a_dismissal_can_be_undone_and_redone_also_after_a_restart(lib: Store) -> None:
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await wait_for_suggestions(pilot, app)
        view = screen.query_one(ArticleView)
        await pilot.press("g", "greater_than_sign")
        spot = view.cursor
        await pilot.press("D")
        await pilot.pause()
        assert lib.dismissed_suggestions(1)
        await pilot.press("g", "u")  # the suggestion comes back, the cursor goes to it
        await pilot.pause()
        assert lib.dismissed_suggestions(1) == set()
        assert any(s.start == spot for s in screen._open_suggestions())
        assert view.cursor == spot
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert any(start == spot for start, _ in lib.dismissed_suggestions(1))
        assert all(s.start != spot for s in screen._open_suggestions())
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await wait_for_suggestions(pilot, app)
        await pilot.press("u")  # the last change of the last session
        await pilot.pause()
        assert lib.dismissed_suggestions(1) == set()
        assert any(s.start == spot for s in screen._open_suggestions())


async def test_claims_view_filters_and_opens(lib: Store) -> None:
    other = lib.add_article("Second story", "", "/s.txt", "Officials said it was fine.").article
    lib.create_annotation(
        AnnotationDraft(1, 0, 20, tags=("flood",), claim=Claim(claimant="two officials"))
    )
    far = TEXT.index("Critics")
    lib.create_annotation(
        AnnotationDraft(
            1, far, far + 7, claim=Claim(claimant="Critics", status=ClaimStatus.DISPUTED)
        )
    )
    lib.create_annotation(
        AnnotationDraft(other.id, 0, 9, claim=Claim(claimant="Officials", status=ClaimStatus.FALSE))
    )
    app = ClaimmarkApp(lib)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        assert len(screen.rows) == 3
        text = screen_text(app)
        assert "Critics" in text and "Second story" in text
        await pilot.press("s", "s", "s")  # none -> unverified -> supported -> disputed
        await pilot.pause()
        assert [r.annotation.claim.claimant for r in screen.rows] == ["Critics"]
        await pilot.press("r", "slash")
        await burst(pilot, *"officials")
        await pilot.press("enter")
        await pilot.pause()
        assert {r.annotation.claim.claimant for r in screen.rows} == {"two officials", "Officials"}
        await pilot.press("r", "number_sign")
        await burst(pilot, *"flood")
        await pilot.press("enter")
        await pilot.pause()
        assert [r.annotation.claim.claimant for r in screen.rows] == ["two officials"]
        await pilot.press("r", "s", "s", "s", "enter")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, ReaderScreen)
                and app.screen.query_one(ArticleView).cursor == far
            ),
            what="the reader with its cursor on the chosen claim",
        )
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article.id == 1
        assert reader.query_one(ArticleView).cursor == far


@pytest.mark.parametrize("typed", ["insur", "#insur", "INS"])
async def test_claims_tag_filter_takes_its_completion_and_counts_one_claim(
    lib: Store, typed: str
) -> None:
    lib.create_annotation(AnnotationDraft(1, 0, 20, tags=("insurance",), claim=Claim("insurers")))
    lib.create_annotation(AnnotationDraft(1, 30, 40, tags=("flood",), claim=Claim("officials")))
    app = ClaimmarkApp(lib, article_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        assert "2 claims — filters: none" in screen_text(app)
        await pilot.press("number_sign", *typed)
        await wait_for_text(pilot, app, "insurance")  # the completion, shown in grey
        await pilot.press("enter")
        await pilot.pause()
        assert [r.annotation.claim.claimant for r in screen.rows] == ["insurers"]
        assert "1 claim — filters: tag = #insurance" in screen_text(app)


async def wait_for_text(pilot, app: ClaimmarkApp, text: str) -> None:
    await wait_until(pilot, lambda: text in screen_text(app), what=f"{text!r} on screen")
