"""The claim form: who claims it, through which sources, how it is attributed, how it holds
up, the evidence, tags and a note."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import urlsplit

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from claimmark.store.errors import InvalidInput
from claimmark.store.models import Attribution, Claim, ClaimStatus, Confidence
from claimmark.store.sanitize import clean_path
from claimmark.tui.dialogs.base import DialogHints, DialogScreen, ErrorLine
from claimmark.tui.dialogs.completion import CompletingInput, LastItemSuggester
from claimmark.tui.dialogs.note import note_text_area
from claimmark.tui.dialogs.quote import QuotePreview
from claimmark.tui.dialogs.tags import TagSuggester, format_tags, parse_tags

SOURCE_SEPARATOR = re.compile(r"\s*(?:->|→|>)\s*")
"""Between the items of a source chain: `>`, `->` or `→`, with any spaces around."""

_EVIDENCE_SEPARATOR = re.compile(r"[\s,]+")

OptionT = TypeVar("OptionT", bound=Hashable)
ChoiceT = TypeVar("ChoiceT", bound=StrEnum)


def parse_sources(text: str) -> tuple[str, ...]:
    """A source chain as typed ("Gazette > Reuters -> officials") as a tuple, outermost
    first; items are stripped and empty ones dropped."""
    items = (" ".join(item.split()) for item in SOURCE_SEPARATOR.split(text))
    return tuple(item for item in items if item)


def format_sources(sources: Sequence[str]) -> str:
    """A source chain as the input shows it: items joined by " > "."""
    return " > ".join(sources)


def is_web_link(url: str) -> bool:
    """True for an http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced "[" in the host
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


def parse_evidence(text: str) -> tuple[str, ...]:
    """Evidence links separated by whitespace or commas, duplicates dropped, order kept.

    Raises `InvalidInput` (one line, naming the bad ones) unless every item is an http(s)
    URL with a host.
    """
    links = tuple(dict.fromkeys(item for item in _EVIDENCE_SEPARATOR.split(text) if item))
    bad = [link for link in links if not is_web_link(link)]
    if bad:
        shown = ", ".join(link if len(link) <= 40 else link[:39] + "…" for link in bad[:3])
        more = f" (+{len(bad) - 3} more)" if len(bad) > 3 else ""
        noun = "Not a web link" if len(bad) == 1 else "Not web links"
        raise InvalidInput(f"{noun} (needs http:// or https:// and a host): {shown}{more}")
    return links


class SourceSuggester(LastItemSuggester):
    """Completes the last item of a source chain from known sources, case-insensitively."""

    def __init__(self, known: Iterable[str]) -> None:
        super().__init__(known, SOURCE_SEPARATOR)


class KeySelect(Select[OptionT]):
    """A `Select` where, while it is closed, typing a letter picks the next option that
    starts with it (as native drop-downs do): `d` → disputed, `u` again → the next option
    starting with "u". `enter`, `space` and the arrows open the list as usual."""

    def __init__(self, options: Iterable[tuple[str, OptionT]], **kwargs: Any) -> None:
        self._choices: list[tuple[str, OptionT]] = list(options)
        super().__init__(self._choices, **kwargs)

    def set_options(self, options: Iterable[tuple[str, OptionT]]) -> None:  # type: ignore[override]
        """Replace the options (and the letters that pick them)."""
        self._choices = list(options)
        super().set_options(self._choices)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Letters and digits pick options, so no binding above may take them."""
        return character is not None and character.isalnum()

    async def _on_key(self, event: events.Key) -> None:
        character = event.character
        if not self.expanded and character is not None and character.isalnum():
            event.stop()
            event.prevent_default()
            self.pick_by_letter(character)
            return
        await super()._on_key(event)

    def pick_by_letter(self, letter: str) -> None:
        """Select the next option (after the current one, wrapping) that starts with `letter`."""
        if not self._choices:
            return
        values = [value for _, value in self._choices]
        start = values.index(self.value) + 1 if self.value in values else 0  # type: ignore[arg-type]
        letter = letter.casefold()
        for step in range(len(self._choices)):
            label, value = self._choices[(start + step) % len(self._choices)]
            if label.casefold().startswith(letter):
                self.value = value
                return


def _choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    return [(member.value, member) for member in enum]


@dataclass(frozen=True)
class ClaimFormResult:
    """What the claim form saves: the claim, the annotation's tags and its note."""

    claim: Claim
    tags: tuple[str, ...]
    note: str


class ClaimDialog(DialogScreen[ClaimFormResult | None]):
    """Record or edit a claim.

    Every field is prefilled from `claim`, `tags` and `note`. `tab`/`shift+tab` move
    between fields, `enter` in a one-line field moves to the next one, `ctrl+s` saves from
    anywhere (unless a field is invalid: the message shows under the form), `escape`
    cancels (dismisses with None). In a closed drop-down, a letter picks the option
    starting with it.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", show=True),
        Binding("escape", "cancel", "Cancel", show=True),
    ]
    """`ctrl+s` saves, `escape` cancels."""

    def __init__(
        self,
        quote: str,
        claim: Claim | None,
        tags: Sequence[str],
        note: str,
        known_claimants: Sequence[str],
        known_sources: Sequence[str],
        known_tags: Sequence[str],
    ) -> None:
        super().__init__()
        self.quote = quote
        """The annotated text the claim is in."""
        self.claim = claim if claim is not None else Claim()
        """The claim to edit (a blank one for a new claim)."""
        self.tags = tuple(tags)
        """The annotation's tags now."""
        self.note = note
        """The annotation's note now."""
        self.known_claimants = tuple(known_claimants)
        """Completions for the claimant."""
        self.known_sources = tuple(known_sources)
        """Completions for the last item of the source chain."""
        self.known_tags = tuple(known_tags)
        """Completions for the last tag."""

    def compose(self) -> ComposeResult:
        """The quote, one row per field, an error line and the key hints."""
        claim = self.claim
        with Vertical(classes="dialog") as box:
            box.border_title = "Claim"
            yield QuotePreview(self.quote, max_lines=3)
            with Vertical(classes="fields"):
                yield self._row(
                    "Claimant",
                    CompletingInput(
                        claim.claimant,
                        placeholder="who makes the claim",
                        suggester=LastItemSuggester(self.known_claimants),
                        select_on_focus=False,
                        compact=True,
                        id="claimant",
                    ),
                )
                yield self._row(
                    "Sources",
                    CompletingInput(
                        format_sources(claim.sources),
                        placeholder="outermost first: Gazette > Reuters > officials",
                        suggester=SourceSuggester(self.known_sources),
                        select_on_focus=False,
                        compact=True,
                        id="sources",
                    ),
                )
                yield self._row(
                    "Attribution",
                    KeySelect(
                        _choices(Attribution),
                        value=claim.attribution,
                        allow_blank=False,
                        compact=True,
                        id="attribution",
                    ),
                )
                yield self._row(
                    "Status",
                    KeySelect(
                        _choices(ClaimStatus),
                        value=claim.status,
                        allow_blank=False,
                        compact=True,
                        id="status",
                    ),
                )
                yield self._row(
                    "Confidence",
                    KeySelect(
                        _choices(Confidence),
                        value=claim.confidence,
                        allow_blank=False,
                        compact=True,
                        id="confidence",
                    ),
                )
                yield self._row(
                    "Evidence",
                    Input(
                        clean_path(" ".join(claim.evidence)),
                        placeholder="https://… (several: spaces or commas between)",
                        select_on_focus=False,
                        compact=True,
                        id="evidence",
                    ),
                )
                yield self._row(
                    "Tags",
                    CompletingInput(
                        format_tags(self.tags),
                        placeholder="tag, another tag",
                        suggester=TagSuggester(self.known_tags),
                        select_on_focus=False,
                        compact=True,
                        id="tags",
                    ),
                )
                yield self._row("Note", note_text_area(self.note, id="note"))
            yield ErrorLine(classes="dialog-error")
            yield DialogHints(
                "tab fields · enter next · tab/→ complete · a letter picks · "
                "ctrl+s save · esc cancel",
                classes="dialog-hints",
            )

    @staticmethod
    def _row(label: str, field: Widget) -> Horizontal:
        return Horizontal(Label(label, classes="field-label"), field, classes="field")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Mark the row of the focused field (its label lights up)."""
        for row in self.query(".field"):
            row.set_class(row in event.widget.ancestors, "-current")

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        """`enter` in a one-line field moves on to the next field."""
        event.stop()
        self.focus_next()

    @on(Input.Changed)
    def clear_error(self, event: Input.Changed) -> None:
        """Editing the field that was refused clears its error."""
        if event.input.has_class("-rejected"):
            event.input.remove_class("-rejected")
            self.query_one(ErrorLine).clear()

    def _reject(self, field_id: str, message: str) -> None:
        """Show why `field_id` cannot be saved, mark it and put the cursor there."""
        field = self.query_one(f"#{field_id}", Input)
        field.add_class("-rejected")
        self.query_one(ErrorLine).show(message)
        field.focus()

    def _choice(self, field_id: str, enum: type[ChoiceT]) -> ChoiceT:
        """The value chosen in a drop-down (they never allow a blank)."""
        return enum(str(self.query_one(f"#{field_id}", Select).value))

    def action_save(self) -> None:
        """Dismiss with the form's values, unless a field is invalid."""
        try:
            evidence = parse_evidence(self.query_one("#evidence", Input).value)
        except InvalidInput as error:
            self._reject("evidence", str(error))
            return
        try:
            tags = parse_tags(self.query_one("#tags", Input).value)
        except InvalidInput as error:
            self._reject("tags", str(error))
            return
        claim = Claim(
            claimant=" ".join(self.query_one("#claimant", Input).value.split()),
            sources=parse_sources(self.query_one("#sources", Input).value),
            status=self._choice("status", ClaimStatus),
            confidence=self._choice("confidence", Confidence),
            attribution=self._choice("attribution", Attribution),
            evidence=evidence,
        )
        note = self.query_one("#note", TextArea).text.rstrip()
        self.dismiss(ClaimFormResult(claim=claim, tags=tags, note=note))

    def action_cancel(self) -> None:
        """Dismiss with None: nothing changes."""
        self.dismiss(None)
