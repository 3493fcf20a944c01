"""The dialogs driven by keys alone: each is pushed by a small host app and the value it
dismisses with is what the caller gets."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Label, TextArea

from claimmark.store.errors import InvalidInput
from claimmark.store.models import Attribution, Claim, ClaimStatus, Confidence
from claimmark.tui.dialogs import (
    ClaimDialog,
    ClaimFormResult,
    ConfirmDialog,
    HelpScreen,
    NoteDialog,
    PromptDialog,
    TagsDialog,
)
from claimmark.tui.dialogs.base import ErrorLine
from claimmark.tui.dialogs.claim import (
    KeySelect,
    SourceSuggester,
    parse_evidence,
    parse_sources,
)
from claimmark.tui.dialogs.completion import LastItemSuggester
from claimmark.tui.dialogs.quote import QuotePreview
from claimmark.tui.dialogs.tags import TagSuggester, parse_tags
from claimmark.tui.dialogs.unsaved import UnsavedChangesDialog
from claimmark.tui.key_order import OrderedKeysApp
from tests.tui.burst import burst
from tests.tui.screen import screen_text
from tests.tui.snapshot_version import drawn_with_this_textual

SIZE = (100, 32)
QUOTE = (
    "Speaking on Monday, the environment minister told reporters that “a decision is close”, "
    "according to a report in the Harbour Gazette. Senior engineers have since indicated the "
    "barrier could be ready by 2029, although officials privately acknowledged that the "
    "budget had not been agreed and that the timetable could slip by several years."
)
NO_RESULT = object()


class Host(OrderedKeysApp[None]):
    """Pushes one dialog when it starts and records what the dialog dismisses with (keys
    are handled in order, as in the claimmark app)."""

    def __init__(self, dialog: Screen[Any], *, blink: bool = True) -> None:
        super().__init__()
        self.dialog = dialog
        self.blink = blink
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)

    @property
    def result(self) -> Any:
        """The one value dismissed so far, or NO_RESULT while the dialog is open."""
        assert len(self.results) <= 1
        return self.results[0] if self.results else NO_RESULT


async def settle(pilot: Pilot[None]) -> None:
    """Let completion workers finish and their suggestions arrive."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key (`tests.tui.typing`), then wait for any completion."""
    await burst(pilot, *text)
    await settle(pilot)


def focused_id(app: App[Any]) -> str | None:
    return app.focused.id if app.focused is not None else None


# --- tags -------------------------------------------------------------------------------

KNOWN_TAGS = ["climate", "Budget", "energy"]


async def test_tags_completion_is_accepted_with_tab() -> None:
    app = Host(TagsDialog(["flood"], KNOWN_TAGS))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "cli")
        await pilot.press("tab")
        assert app.screen.query_one("#tags", Input).value == "flood, climate"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == ("flood", "climate")


async def test_tags_completion_is_case_insensitive_and_accepted_with_right() -> None:
    app = Host(TagsDialog([], KNOWN_TAGS))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "climate, BU")
        await pilot.press("right", "enter")
        await pilot.pause()
    assert app.result == ("climate", "Budget")


async def test_tags_are_stripped_deduplicated_case_insensitively_in_order() -> None:
    app = Host(TagsDialog([], []))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "A ,b,, a,B , c  d")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == ("A", "b", "c d")


async def test_tags_escape_cancels() -> None:
    app = Host(TagsDialog(["flood"], KNOWN_TAGS))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "energy")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TagsDialog)
    assert app.result is None


async def test_a_tag_over_64_characters_is_refused_inline() -> None:
    app = Host(TagsDialog(["ok", "x" * 65], []))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#tags", Input).value == "ok, " + "x" * 65 + ", "
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NO_RESULT
        assert isinstance(app.screen, TagsDialog)
        assert "Tag too long (65 characters, at most 64)" in screen_text(app)
        await pilot.press("backspace", "backspace", "backspace", "enter")  # 64: accepted
        await pilot.pause()
    assert app.result == ("ok", "x" * 64)


def test_tag_suggester_completes_only_the_last_tag_and_skips_used_ones() -> None:
    suggester = TagSuggester(["climate", "Climate change", "flood"])
    assert suggester.complete("cli") == "climate"
    assert suggester.complete("Flood,  CLI") == "Flood,  climate"
    assert suggester.complete("climate, cli") == "climate, Climate change"
    assert suggester.complete("flood, ") is None
    assert suggester.complete("flood, x") is None
    assert suggester.complete("flo") == "flood"
    assert LastItemSuggester(["Harbour Gazette"]).complete("harb") == "Harbour Gazette"


def test_parse_tags_rejects_long_tags_with_one_line() -> None:
    assert parse_tags("a, A , b,,") == ("a", "b")
    with pytest.raises(InvalidInput) as error:
        parse_tags("y" * 70)
    assert "\n" not in str(error.value)


# --- note -------------------------------------------------------------------------------


async def test_note_multiline_editing_saved_with_ctrl_s() -> None:
    app = Host(NoteDialog("First point", QUOTE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert focused_id(app) == "note"
        await pilot.press("enter")
        await burst(pilot, *"Second point")
        await pilot.press("up", "end")  # back onto the first line
        await burst(pilot, *"!")
        await pilot.press("down", "end", "enter")
        await burst(pilot, *"  ")
        await pilot.press("enter", "enter")  # (these blank lines are dropped on save)
        assert app.screen.query_one("#note", TextArea).text == "First point!\nSecond point\n  \n\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == "First point!\nSecond point"


async def test_note_escape_without_changes_closes_at_once() -> None:
    app = Host(NoteDialog("Keep me", QUOTE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x", "backspace", "escape")  # typed and taken back: no change
        await pilot.pause()
    assert app.result is None


@pytest.mark.parametrize(
    ("answer", "result"),
    [("s", "Keep me and this\nmore"), ("enter", "Keep me and this\nmore"), ("d", None)],
)
async def test_note_escape_after_edits_asks_save_or_discard(answer: str, result: Any) -> None:
    app = Host(NoteDialog("Keep me", QUOTE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, *" and this", "enter", *"more")
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is NO_RESULT  # not thrown away
        assert isinstance(app.screen, UnsavedChangesDialog)
        assert "This note has changes that are not saved." in screen_text(app)
        assert "s/enter save · d discard · esc keep editing" in screen_text(app)
        await pilot.press(answer)
        await pilot.pause()
    assert app.result == result


async def test_note_escape_twice_keeps_editing_with_nothing_lost() -> None:
    app = Host(NoteDialog("Keep me", QUOTE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, *" and", "escape", "escape", *" more", "ctrl+s")
    assert app.result == "Keep me and more"


async def test_note_dialog_shows_the_quote_clipped_and_the_keys() -> None:
    app = Host(NoteDialog("", QUOTE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert app.screen.query_one(QuotePreview).region.height == 3
    assert "“Speaking on Monday" in text
    assert "several years" not in text  # clipped to three lines
    assert "…" in text
    assert "ctrl+s save" in text and "esc close (asks if changed)" in text


def test_quote_preview_clips_to_max_lines_with_an_ellipsis() -> None:
    preview = QuotePreview("one two three four five six seven eight nine ten", max_lines=2)
    lines = [line.plain for line in preview.lines(12)]
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert all(len(line) <= 12 for line in lines)
    short = [line.plain for line in QuotePreview("a\n b", max_lines=3).lines(40)]
    assert short == ["“a b”"]


# --- claim ------------------------------------------------------------------------------


def claim_dialog(claim: Claim | None, tags: list[str], note: str) -> ClaimDialog:
    return ClaimDialog(
        QUOTE,
        claim,
        tags,
        note,
        known_claimants=["environment minister", "Officials"],
        known_sources=["Harbour Gazette", "Reuters", "Ministry of Environment"],
        known_tags=["climate", "flood", "budget"],
    )


async def test_claim_form_every_field_filled_by_keys() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert focused_id(app) == "claimant"
        await type_text(pilot, "env")
        await pilot.press("tab")  # accepts the completion
        await pilot.press("enter")  # next field
        assert focused_id(app) == "sources"
        await type_text(pilot, "harb")
        await pilot.press("tab")
        await type_text(pilot, " -> reu")
        await pilot.press("tab")
        await type_text(pilot, " > min")  # ("→" works too; Pilot cannot type it)
        await pilot.press("right")
        await type_text(pilot, ">officials")
        await pilot.press("enter")
        assert focused_id(app) == "attribution"
        await pilot.press("a")  # letter picks "anonymous source"
        await pilot.press("tab")
        assert focused_id(app) == "status"
        await pilot.press("d")  # disputed
        await pilot.press("tab")
        assert focused_id(app) == "confidence"
        await pilot.press("space", "down", "enter")  # the list: medium -> high
        await pilot.press("tab")
        assert focused_id(app) == "evidence"
        await type_text(pilot, "https://a.example/r,http://b.example")
        await pilot.press("enter")
        assert focused_id(app) == "tags"
        await type_text(pilot, "flo")
        await pilot.press("tab")
        await type_text(pilot, ", Budget, flood")
        await pilot.press("tab")
        assert focused_id(app) == "note"
        await burst(pilot, *"Ask")
        await pilot.press("enter")
        await burst(pilot, *"why. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == ClaimFormResult(
        claim=Claim(
            claimant="environment minister",
            sources=(
                "Harbour Gazette",
                "Reuters",
                "Ministry of Environment",
                "officials",
            ),
            status=ClaimStatus.DISPUTED,
            confidence=Confidence.HIGH,
            attribution=Attribution.ANONYMOUS,
            evidence=("https://a.example/r", "http://b.example"),
        ),
        tags=("flood", "Budget"),
        note="Ask\nwhy.",
    )


async def test_claim_form_defaults_for_a_new_claim() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == ClaimFormResult(claim=Claim(), tags=(), note="")
    assert app.result.claim.status is ClaimStatus.UNVERIFIED
    assert app.result.claim.confidence is Confidence.MEDIUM


async def test_invalid_evidence_blocks_saving_with_a_visible_message() -> None:
    app = Host(claim_dialog(Claim(claimant="officials"), [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        assert focused_id(app) == "evidence"
        await type_text(pilot, "http://a.b ftp://c d.e")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is NO_RESULT
        assert isinstance(app.screen, ClaimDialog)
        text = screen_text(app)
        assert "Not web links (needs http:// or https:// and a host)" in text
        assert "ftp://c, d.e" in text
        assert focused_id(app) == "evidence"
        # http:// without a host is refused too
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert not app.screen.query_one(ErrorLine).display  # editing clears the message
        await type_text(pilot, "http://")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is NO_RESULT
        assert "Not a web link" in screen_text(app)
        await type_text(pilot, "a.b")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result.claim == Claim(claimant="officials", evidence=("http://a.b",))


async def test_editing_an_existing_claim_keeps_untouched_fields() -> None:
    claim = Claim(
        claimant="Harbour Gazette",
        sources=("Coastal Times", "Harbour Gazette", "two officials"),
        status=ClaimStatus.UNVERIFIED,
        confidence=Confidence.LOW,
        attribution=Attribution.DIRECT_QUOTE,
        evidence=("https://example.org/a", "https://example.org/b"),
    )
    app = Host(claim_dialog(claim, ["flood", "Budget"], "Line one\nLine two"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")
        assert focused_id(app) == "status"
        await pilot.press("s")  # supported
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == ClaimFormResult(
        claim=replace(claim, status=ClaimStatus.SUPPORTED),
        tags=("flood", "Budget"),
        note="Line one\nLine two",
    )


async def test_claim_form_refuses_a_long_tag() -> None:
    app = Host(claim_dialog(None, ["t" * 65], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is NO_RESULT
        assert focused_id(app) == "tags"
        assert "Tag too long (65 characters, at most 64)" in screen_text(app)


async def test_claim_escape_closes_an_open_list_first_then_cancels() -> None:
    app = Host(claim_dialog(Claim(claimant="x"), [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "space")  # open the status list
        await pilot.press("down", "escape")
        await pilot.pause()
        assert app.result is NO_RESULT
        assert focused_id(app) == "status"
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_letters_cycle_through_options_starting_with_them() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "u")  # unverified -> unverifiable
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result.claim.status is ClaimStatus.UNVERIFIABLE


async def test_enter_moves_on_from_every_field_and_letters_pick_options() -> None:
    """The issue's keys, following the hint: enter after every field, a letter in each
    drop-down, typed at full speed."""
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(
            pilot,
            *"Association of Coastal Insurers",
            "enter",
            *"Harbour Gazette > insurers",
            "enter",
            "d",  # attribution: direct quote
            "enter",
            "d",  # status: disputed
            "enter",
            "h",  # confidence: high
            "enter",
            *"https://example.org/report",
            "enter",
            *"flood, insurance",
            "enter",
            *"Check the figures",
            "enter",
            *"again.",
            "ctrl+s",
        )
    assert app.result == ClaimFormResult(
        claim=Claim(
            claimant="Association of Coastal Insurers",
            sources=("Harbour Gazette", "insurers"),
            status=ClaimStatus.DISPUTED,
            confidence=Confidence.HIGH,
            attribution=Attribution.DIRECT_QUOTE,
            evidence=("https://example.org/report",),
        ),
        tags=("flood", "insurance"),
        note="Check the figures\nagain.",
    )


async def test_keys_right_after_tab_land_in_the_field_tab_moved_to() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "tab", "tab", "d", "tab", "tab", "h", "shift+tab", "f", "ctrl+s")
    assert app.result.claim == Claim(
        attribution=Attribution.DIRECT_QUOTE,
        status=ClaimStatus.FALSE,
        confidence=Confidence.HIGH,
    )


async def test_space_opens_a_list_and_enter_there_picks_then_enter_moves_on() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")
        assert focused_id(app) == "status"
        await pilot.press("space")
        assert app.screen.query_one("#status", KeySelect).expanded
        await pilot.press("down", "down", "enter")  # unverified -> supported -> disputed
        assert not app.screen.query_one("#status", KeySelect).expanded
        assert focused_id(app) == "status"
        await pilot.press("enter")
        assert focused_id(app) == "confidence"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result.claim.status is ClaimStatus.DISPUTED


async def test_typed_letters_make_a_prefix_and_the_same_letter_cycles() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = app.screen.query_one("#status", KeySelect)
        status.TYPE_AHEAD_SECONDS = 60  # a loaded machine never splits the prefix
        await pilot.press("tab", "tab", "tab", *"mis")
        assert status.value is ClaimStatus.MISLEADING  # not "s" -> supported
        await pilot.press("enter", "shift+tab", "u")  # leaving the field ended the prefix
        assert status.value is ClaimStatus.UNVERIFIABLE  # the next option starting with "u"
        await pilot.press("u")
        assert status.value is ClaimStatus.UNVERIFIED  # and round again


async def test_letters_that_pick_nothing_are_reported_and_block_saving() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "x")
        await pilot.pause()
        message = "Attribution: no option starts with “x” (choose: direct quote, paraphrase"
        assert message in screen_text(app)
        await pilot.press("tab", "ctrl+s")
        await pilot.pause()
        assert app.result is NO_RESULT  # not saved as if nothing had been typed
        assert focused_id(app) == "attribution"
        assert message in screen_text(app)
        await pilot.press("u")  # unattributed: the message goes, saving works
        await pilot.pause()
        assert not app.screen.query_one(ErrorLine).display
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result.claim.attribution is Attribution.UNATTRIBUTED


async def test_saving_with_a_list_open_says_so_and_keeps_the_form() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "space", "down", "ctrl+s")
        await pilot.pause()
        assert app.result is NO_RESULT
        assert "Confidence: the list is open: enter picks the highlighted option" in (
            screen_text(app)
        )
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
    assert app.result.claim.confidence is Confidence.HIGH


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Gazette >", "Sources: the chain ends with “>”"),
        ("> Reuters", "Sources: the chain starts with “>”"),
        ("Gazette > > Reuters", "Sources: two “>” in a row"),
    ],
)
async def test_a_half_typed_source_chain_is_refused(typed: str, message: str) -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "tab", *typed, "ctrl+s")
        assert app.result is NO_RESULT
        assert message in screen_text(app)
        assert focused_id(app) == "sources"
        await burst(pilot, "ctrl+u", *"Gazette > Reuters", "ctrl+s")
    assert app.result.claim.sources == ("Gazette", "Reuters")


async def test_claim_escape_after_changes_asks_and_escape_again_keeps_editing() -> None:
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, *"officials", "escape")
        assert isinstance(app.screen, UnsavedChangesDialog)
        assert "This claim has changes that are not saved." in screen_text(app)
        await burst(pilot, "escape", *" and ministers", "escape", "d")
    assert app.result is None
    app = Host(claim_dialog(None, [], ""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, *"officials", "escape", "escape", *" and ministers", "escape", "s")
    assert app.result.claim.claimant == "officials and ministers"


def test_source_completion_after_any_separator() -> None:
    suggester = SourceSuggester(["Reuters", "Harbour Gazette"])
    assert suggester.complete("Gazette → reu") == "Gazette → Reuters"
    assert suggester.complete("A->h") == "A->Harbour Gazette"
    assert suggester.complete("A > ") is None


def test_parse_sources_accepts_every_separator() -> None:
    assert parse_sources("A > B -> C → D") == ("A", "B", "C", "D")
    assert parse_sources(" Gazette>Reuters ->  ") == ("Gazette", "Reuters")
    assert parse_sources("") == ()


def test_parse_evidence_splits_on_spaces_and_commas_and_checks_each() -> None:
    assert parse_evidence(" https://a.example/x,http://b.example\nhttps://a.example/x ") == (
        "https://a.example/x",
        "http://b.example",
    )
    for bad in ("mailto:x@example.org", "https://", "example.org", "http://[::1"):
        with pytest.raises(InvalidInput):
            parse_evidence(bad)


# --- help, prompt, confirm -------------------------------------------------------------

SECTIONS = [
    ("Reader", [("j k", "Next / previous sentence"), ("h", "Highlight the selection")]),
    ("Everywhere", [("?", "This help"), ("ctrl+p", "Command palette [not markup]")]),
]


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_help_lists_keys_and_closes(key: str) -> None:
    app = Host(HelpScreen(SECTIONS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        labels = [str(label.content) for label in app.screen.query(Label)]
        assert labels[:4] == ["Reader", "j k", "Next / previous sentence", "h"]
        assert "Command palette [not markup]" in screen_text(app)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
    assert app.result is None


async def test_help_scrolls_by_keys() -> None:
    rows = [(f"k{n}", f"Row {n}") for n in range(80)]
    app = Host(HelpScreen([("Many", rows)]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        assert body.scroll_y == body.max_scroll_y
        assert "Row 79" in screen_text(app)


async def test_prompt_returns_the_text() -> None:
    app = Host(PromptDialog("Search", placeholder="text to find"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "flood barrier")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == "flood barrier"


async def test_prompt_prefill_is_replaced_by_typing_and_completes() -> None:
    app = Host(PromptDialog("Filter", value="old", suggestions=["budget", "barrier"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "BU")
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert app.result == "budget"


async def test_prompt_escape_cancels() -> None:
    app = Host(PromptDialog("Search", value="flood"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


@pytest.mark.parametrize(
    ("key", "answer"), [("y", True), ("enter", True), ("n", False), ("escape", False)]
)
async def test_confirm(key: str, answer: bool) -> None:
    app = Host(ConfirmDialog("Delete this annotation?"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Delete this annotation?" in screen_text(app)
        await pilot.press(key)
        await pilot.pause()
    assert app.result is answer


# --- snapshots --------------------------------------------------------------------------


async def _blink_off(pilot: Pilot[None]) -> None:
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


@drawn_with_this_textual
def test_snapshot_note_editor(snap_compare: Any) -> None:
    app = Host(NoteDialog("Ask the ministry for the costing.\n\n- who modelled it?", QUOTE))
    assert snap_compare(app, terminal_size=SIZE, run_before=_blink_off)


@drawn_with_this_textual
def test_snapshot_claim_form(snap_compare: Any) -> None:
    claim = Claim(
        claimant="environment minister",
        sources=("Harbour Gazette", "reporters"),
        attribution=Attribution.DIRECT_QUOTE,
        evidence=("https://example.org/flood-plan",),
    )
    app = Host(claim_dialog(claim, ["flood", "budget"], "Check the budget figure."))
    assert snap_compare(app, terminal_size=SIZE, run_before=_blink_off)
