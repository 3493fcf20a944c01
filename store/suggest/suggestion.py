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
    inherited: bool = False
    """True when the sentence has no cue of its own and carries a speaker named in another
    sentence: the rest of a quotation, a quote paragraph after "X said:", a block quotation."""
    description: str = ""
    """How the sentence names the claimant when that is not by name: "the company",
    "her mother", "Opposition Leader" ("" when it names them)."""
    in_title: bool = False
    """True for the headline: `start`/`end` are then offsets into the article's title, not
    its text."""


class Suggestions(list[Suggestion]):
    """The suggestions for one article, in document order, and how much of it was read.

    A plain list of `Suggestion` (so callers iterate and compare it as one), plus
    `truncated`: True when the article was longer than the engine reads
    (`engine.MAX_CHARS`) and its end was left unread.
    """

    def __init__(
        self, items: list[Suggestion] | None = None, *, truncated: bool = False, read: int = 0
    ) -> None:
        super().__init__(items or ())
        self.truncated = truncated
        """Whether the text went on past what was read."""
        self.read = read
        """How many characters of the text were read."""


UNNAMED = "unnamed sources"
"""The claimant of a hedged sentence that names no one ("It is understood that ...")."""


def named_over(
    text: str,
    start: int,
    end: int,
    claimant: str,
    cue: str,
    attribution: Attribution,
    inherited: bool = False,
    description: str = "",
) -> Suggestion:
    """A suggestion over all of `text[start:end]` whose named `claimant` the engine found
    by other means than a cue in it (a headline's form, an embedded post's byline)."""
    return Suggestion(
        start=start,
        end=end,
        sentence=text[start:end],
        claimant=claimant,
        cue=cue,
        attribution=attribution,
        sources=(),
        anonymous=False,
        inherited=inherited,
        description=description,
    )


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
        "inherited": suggestion.inherited,
        "description": suggestion.description,
        "in_title": suggestion.in_title,
    }
