"""The claim form: who claims it, through which sources, how it is attributed, how it holds
up, the evidence, tags and a note."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from time import monotonic
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit

from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from claimmark.store.errors import InvalidInput
from claimmark.store.models import Attribution, Claim, ClaimStatus, Confidence
from claimmark.store.sanitize import clean_path
from claimmark.tui.dialogs.base import DialogHints, DialogScreen, ErrorLine
from claimmark.tui.dialogs.completion import CompletingInput, LastItemSuggester
from claimmark.tui.dialogs.note import ask_about_unsaved, note_text_area
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


def check_sources(text: str) -> tuple[str, ...]:
    """`parse_sources`, refusing a half-typed chain: one that starts or ends with a
    separator, or has two in a row (`InvalidInput`, one line)."""
    items = [" ".join(item.split()) for item in SOURCE_SEPARATOR.split(text)]
    if len(items) > 1:
        if not items[-1]:
            raise InvalidInput(
                "Sources: the chain ends with “>”: name the next source or remove the “>”"
            )
        if not items[0]:
            raise InvalidInput("Sources: the chain starts with “>”: name the first source")
        if not all(items):
            raise InvalidInput("Sources: two “>” in a row: a source is missing between them")
    return parse_sources(text)


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
    """A `Select` for a keyboard form: while it is closed, typing picks an option by the
    start of its label, as native drop-downs do.

    Letters typed within `TYPE_AHEAD_SECONDS` of each other make one prefix ("mis" →
    misleading); the same letter again moves to the next option starting with it (`u`,
    `u` → unverified, unverifiable). Letters that start no option change nothing and post
    `NoMatch`, so the form can say so. `space`, `up` and `down` open the list (`enter` is
    left to the form, which moves on to the next field).
    """

    TYPE_AHEAD_SECONDS: ClassVar[float] = 1.0
    """How long after a letter the next one still adds to the prefix."""

    @dataclass
    class NoMatch(Message):
        """Typed letters that start no option (nothing was picked)."""

        select: KeySelect[Any]
        typed: str

        @property
        def control(self) -> KeySelect[Any]:
            return self.select

    @dataclass
    class Picked(Message):
        """Typed letters picked an option (it may be the one already chosen)."""

        select: KeySelect[Any]

        @property
        def control(self) -> KeySelect[Any]:
            return self.select

    def __init__(self, options: Iterable[tuple[str, OptionT]], **kwargs: Any) -> None:
        self._choices: list[tuple[str, OptionT]] = list(options)
        self._typed = ""
        self._typed_at = 0.0
        super().__init__(self._choices, **kwargs)

    @property
    def labels(self) -> list[str]:
        """The options' labels, in order."""
        return [label for label, _ in self._choices]

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
            self.type_ahead(character)
            return
        await super()._on_key(event)

    def _on_blur(self, event: events.Blur) -> None:
        self._typed = ""

    def type_ahead(self, character: str) -> None:
        """Add `character` to the typed prefix and pick the option it starts (see the class
        docstring); post `NoMatch` if none does."""
        now = monotonic()
        if now - self._typed_at > self.TYPE_AHEAD_SECONDS:
            self._typed = ""
        self._typed_at = now
        self._typed += character.casefold()
        value = self._pick(self._typed)
        if value is None and len(self._typed) > 1:  # a new start after a miss or a pause
            self._typed = character.casefold()
            value = self._pick(self._typed)
        if value is None:
            self.post_message(self.NoMatch(self, self._typed))
            self._typed = ""
            return
        self.value = value
        self.post_message(self.Picked(self))

    def _pick(self, typed: str) -> OptionT | None:
        """The option `typed` picks: the next one after the current starting with it when
        `typed` is one letter (or the same letter repeated), else the first from the
        current one on that starts with `typed`."""
        if not self._choices:
            return None
        values = [value for _, value in self._choices]
        current = values.index(self.value) if self.value in values else -1  # type: ignore[arg-type]
        repeated = typed == typed[0] * len(typed)
        prefix, start = (typed[0], current + 1) if repeated else (typed, max(current, 0))
        for step in range(len(self._choices)):
            label, value = self._choices[(start + step) % len(self._choices)]
            if label.casefold().startswith(prefix):
                return value
        return None


def _choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    return [(member.value, member) for member in enum]


_FIELD_NAMES = {
    "claimant": "Claimant",
    "sources": "Sources",
    "attribution": "Attribution",
    "status": "Status",
    "confidence": "Confidence",
    "evidence": "Evidence",
    "tags": "Tags",
}
"""Field ids to the labels the form shows (for its messages)."""

_LIST_FIELDS: tuple[tuple[str, Callable[[str], tuple[str, ...]]], ...] = (
    ("sources", check_sources),
    ("evidence", parse_evidence),
    ("tags", parse_tags),
)
"""The fields that hold a list, with what reads each (InvalidInput says what is wrong),
in the order the form checks them."""


@dataclass(frozen=True)
class ClaimFormResult:
    """What the claim form saves: the claim, the annotation's tags and its note."""

    claim: Claim
    tags: tuple[str, ...]
    note: str


class ClaimDialog(DialogScreen[ClaimFormResult | None]):
    """Record or edit a claim.

    Every field is prefilled from `claim`, `tags` and `note`. `tab`/`shift+tab` move
    between fields, and so does `enter` from every field but the note (where it starts a
    new line); in an open list `enter` picks the highlighted option. The drop-downs open
    with `space` (or an arrow); closed, they take type-ahead (see `KeySelect`).

    `ctrl+s` saves from anywhere, unless something could not be read: an invalid or
    half-typed field, letters that picked no option, a list still open. Then the form
    stays open, says what is wrong under the fields and puts the cursor there. `escape`
    closes an open list first; then it closes the form, asking first (save, discard,
    keep editing) if anything was changed.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", show=True),
        Binding("escape", "cancel", "Cancel", show=True),
        Binding("enter", "next_field", "Next field", show=False, priority=True),
    ]
    """`ctrl+s` saves, `escape` cancels (asking if changed), `enter` moves on (it is a
    priority key, so that no field takes it first: not an input's submit, nor a closed
    drop-down's open)."""

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
        self._unread: dict[str, str] = {}
        """Drop-downs (by id) where typed letters picked nothing, with the message."""

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
                "tab/enter next · tab/→ complete · letters pick · space opens list · "
                "ctrl+s save · esc cancel",
                short="enter next · tab/→ complete · a–z pick · space list · ^s save · esc",
                classes="dialog-hints",
            )

    @staticmethod
    def _row(label: str, field: Widget) -> Horizontal:
        return Horizontal(Label(label, classes="field-label"), field, classes="field")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Mark the row of the focused field (its label lights up)."""
        for row in self.query(".field"):
            row.set_class(row in event.widget.ancestors, "-current")

    def on_mount(self) -> None:
        """Remember the form as it opened, to know whether `escape` would lose changes."""
        self._opened_with = self._values()

    def action_next_field(self) -> None:
        """Move on to the next field, except in the note (a new line) and in an open list
        (which picks the highlighted option)."""
        focused = self.focused
        if focused is None or isinstance(focused, TextArea) or self._open_list() is not None:
            raise SkipAction()
        self.focus_next()

    def _open_list(self) -> Select[Any] | None:
        """The drop-down whose list is open, if any."""
        return next((select for select in self.query(Select) if select.expanded), None)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(KeySelect.Picked)
    def clear_error(self, event: Input.Changed | Select.Changed | KeySelect.Picked) -> None:
        """Editing the field that was refused (or picking an option in it) clears its
        error."""
        field = event.control
        if field is not None and field.has_class("-rejected"):
            field.remove_class("-rejected")
            self._unread.pop(field.id or "", None)
            self.query_one(ErrorLine).clear()

    @on(KeySelect.NoMatch)
    def letters_picked_nothing(self, event: KeySelect.NoMatch) -> None:
        """Say that the letters typed in a drop-down start no option (and refuse to save
        until an option is picked there)."""
        event.stop()
        message = self._no_match_message(event.select, event.typed)
        self._unread[event.select.id or ""] = message
        self._reject(event.select, message)

    @staticmethod
    def _no_match_message(select: KeySelect[Any], typed: str) -> str:
        name = _FIELD_NAMES.get(select.id or "", "This field")
        choices = ", ".join(select.labels)
        return f"{name}: no option starts with “{typed}” (choose: {choices})"

    def _reject(self, field: Widget, message: str) -> None:
        """Show why `field` cannot be saved, mark it and put the cursor there."""
        field.add_class("-rejected")
        self.query_one(ErrorLine).show(message)
        field.focus()

    def _choice(self, field_id: str, enum: type[ChoiceT]) -> ChoiceT:
        """The value chosen in a drop-down (they never allow a blank)."""
        return enum(str(self.query_one(f"#{field_id}", Select).value))

    def _values(self) -> tuple[object, ...]:
        """Every field's value as it stands (to compare with the form as it opened)."""
        return (
            *(field.value for field in self.query(Input)),
            *(select.value for select in self.query(Select)),
            self.query_one("#note", TextArea).text.rstrip(),
        )

    def action_save(self) -> None:
        """Dismiss with the form's values, unless something could not be read: then say
        what, mark the field and keep the form open."""
        result = self._read()
        if result is not None:
            self.dismiss(result)

    def _read(self) -> ClaimFormResult | None:
        """The form's values, or None after showing why they cannot be saved."""
        open_list = self._open_list()
        if open_list is not None:
            name = _FIELD_NAMES.get(open_list.id or "", "A list")
            self.query_one(ErrorLine).show(
                f"{name}: the list is open: enter picks the highlighted option, esc closes it"
            )
            return None
        for field_id, message in self._unread.items():
            self._reject(self.query_one(f"#{field_id}", KeySelect), message)
            return None
        lists: dict[str, tuple[str, ...]] = {}
        for field_id, parse in _LIST_FIELDS:
            field = self.query_one(f"#{field_id}", Input)
            try:
                lists[field_id] = parse(field.value)
            except InvalidInput as error:
                self._reject(field, str(error))
                return None
        claim = Claim(
            claimant=" ".join(self.query_one("#claimant", Input).value.split()),
            sources=lists["sources"],
            status=self._choice("status", ClaimStatus),
            confidence=self._choice("confidence", Confidence),
            attribution=self._choice("attribution", Attribution),
            evidence=lists["evidence"],
        )
        note = self.query_one("#note", TextArea).text.rstrip()
        return ClaimFormResult(claim=claim, tags=lists["tags"], note=note)

    def action_cancel(self) -> None:
        """Dismiss with None (nothing changes); if a field was changed, ask first."""
        if self._values() == self._opened_with:
            self.dismiss(None)
            return
        ask_about_unsaved(self, "claim", self.action_save)
