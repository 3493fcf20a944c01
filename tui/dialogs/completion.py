"""Completion for inputs that hold a list ("a, b, c" or "a > b > c"): only the last item
is completed, from known values, case-insensitively."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any

from textual.actions import SkipAction
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from claimmark.store.sanitize import clean_name, clean_path


def split_last(value: str, separator: re.Pattern[str] | None) -> tuple[str, str]:
    """`value` cut after its last separator: (everything up to and including it, last item).

    Without a separator the whole value is the last item."""
    if separator is None:
        return "", value
    last = None
    for last in separator.finditer(value):  # noqa: B007 - we want the last match
        pass
    if last is None:
        return "", value
    return value[: last.end()], value[last.end() :]


class LastItemSuggester(Suggester):
    """Suggests a completion of the item after the last separator, from `known`.

    Without a separator the whole value is one item (a plain completing input).
    Matching is case-insensitive; the suggestion keeps what the user typed before the last
    item as it is and spells the completed item as `known` does. With `skip_used`, items
    already present earlier in the value are not suggested again (for tags).

    Textual's `Input` shows the suggestion as dim text after the cursor; `right` accepts it,
    and so does `tab` in a `CompletingInput`.
    """

    def __init__(
        self,
        known: Iterable[str],
        separator: str | re.Pattern[str] | None = None,
        *,
        skip_used: bool = False,
    ) -> None:
        # Case-sensitive as far as Textual is concerned: it would otherwise casefold the whole
        # value before we see it, and accepting would lower-case what the user typed.
        super().__init__(use_cache=True, case_sensitive=True)
        cleaned = (clean_name(item) for item in known)  # stored text: no controls shown
        self._known: list[str] = [item for item in dict.fromkeys(cleaned) if item]
        self._folded: list[str] = [item.casefold() for item in self._known]
        self._separator = re.compile(separator) if isinstance(separator, str) else separator
        self._skip_used = skip_used

    def complete(self, value: str) -> str | None:
        """The whole value with its last item completed, or None when nothing fits."""
        head, item = split_last(value, self._separator)
        typed = item.lstrip()
        if not typed:
            return None
        needle = typed.casefold()
        used: set[str] = set()
        if self._skip_used and self._separator is not None:
            used = {part.strip().casefold() for part in self._separator.split(head)}
        indent = item[: len(item) - len(typed)]
        for known, folded in zip(self._known, self._folded, strict=True):
            if folded.startswith(needle) and folded != needle and folded not in used:
                return f"{head}{indent}{known}"
        return None

    async def get_suggestion(self, value: str) -> str | None:
        """Textual's hook: see `complete`."""
        return self.complete(value)


class CompletingInput(Input):
    """An `Input` where `tab` accepts the shown completion (as `right` does).

    Without a completion to accept, `tab` moves focus on as usual.
    """

    BINDINGS = [
        Binding("tab", "accept_completion", "Accept the completion", show=False),
    ]
    """`tab` accepts the completion when one is shown, else falls through to focus-next."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        # The value may be stored text (a claimant, tags): prefilled without the control
        # characters the store keeps out (a library from an older claimmark may hold
        # them), line breaks and tabs; spaces are kept as they are.
        super().__init__(clean_path(value) if value else value, **kwargs)

    async def action_accept_completion(self) -> None:
        """Accept the completion, or let `tab` move focus when there is none."""
        completion = await self.completion()
        if completion is None:
            raise SkipAction()
        self.value = completion
        self.cursor_position = len(self.value)

    async def completion(self) -> str | None:
        """The completion the input shows (None if it shows none): its suggester asked
        again for the current value (through `Suggester.get_suggestion`, the value
        casefolded when the suggester is not case-sensitive, as Textual asks it), shown
        only with the cursor at the end and nothing selected."""
        suggester = self.suggester
        if suggester is None or not self.cursor_at_end or not self.selection.is_empty:
            return None
        value = self.value
        completion = await suggester.get_suggestion(
            value if suggester.case_sensitive else value.casefold()
        )
        if completion is None or len(completion) <= len(value):
            return None
        return completion


class PathSuggester(Suggester):
    """Completes a file or folder path from what is on disk: the name after the last `/`
    (`~` is the home folder) to the first folder or article file (one of `suffixes`)
    whose name starts with it, case-sensitively first; a folder ends with `/` so that
    the next name can follow. Hidden names only when the typed name starts with a dot."""

    def __init__(self, suffixes: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._suffixes = tuple(s.lower() for s in suffixes)

    def complete(self, value: str) -> str | None:
        """The whole value with its last name completed, or None when nothing fits."""
        if not value:
            return None
        if value == "~":
            return "~/"
        expanded = os.path.expanduser(value)
        folder, slash, typed = expanded.rpartition("/")
        folder = (folder or "/") if slash else "."
        try:
            with os.scandir(folder) as entries:
                names = sorted(
                    (entry.name, entry.is_dir())
                    for entry in entries
                    if not entry.name.startswith(".") or typed.startswith(".")
                )
        except OSError:
            return None
        candidates = [
            (name, is_dir)
            for name, is_dir in names
            if is_dir or name.lower().endswith(self._suffixes)
        ]
        for exact in (True, False):
            for name, is_dir in candidates:
                matches = (
                    name.startswith(typed)
                    if exact
                    else name.casefold().startswith(typed.casefold())
                )
                if matches and (name != typed or is_dir):
                    return value[: len(value) - len(typed)] + name + ("/" if is_dir else "")
        return None

    async def get_suggestion(self, value: str) -> str | None:
        """Textual's hook: see `complete`."""
        return self.complete(value)
