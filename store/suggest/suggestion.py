"""What the engine hands out: `Suggestion`, one attributed sentence and to whom, and its
JSON form."""

from __future__ import annotations

from dataclasses import dataclass

from claimmark.store.models import Attribution


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One sentence that looks attributed, and to whom."""

    start: int
    end: int
    """Character span of the sentence in the text (`end` exclusive)."""
    sentence: str
    """`text[start:end]`."""
    claimant: str
    """The innermost origin of the claim, e.g. "two officials", "Ana Duarte"."""
    cue: str
    """The attribution wording, e.g. "said", "according to", "told reporters that"."""
    attribution: Attribution
    """DIRECT_QUOTE when the sentence quotes the claimant, else ANONYMOUS or PARAPHRASE."""
    sources: tuple[str, ...]
    """Relays by which the claim reached the article, outermost first, claimant excluded."""
    anonymous: bool
    """True when the claimant is not identified (unnamed officials, "a person familiar")."""


UNNAMED = "unnamed sources"
"""The claimant of a hedged sentence that names no one ("It is understood that ...")."""


def suggestion_to_dict(suggestion: Suggestion) -> dict[str, object]:
    """A JSON-ready dict of `suggestion` (for `claimmark suggest --json`)."""
    return {
        "start": suggestion.start,
        "end": suggestion.end,
        "sentence": suggestion.sentence,
        "claimant": suggestion.claimant,
        "cue": suggestion.cue,
        "attribution": suggestion.attribution.value,
        "sources": list(suggestion.sources),
        "anonymous": suggestion.anonymous,
    }
