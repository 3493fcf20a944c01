"""Relays in a sentence: who passed the claim on ("citing X", "quoting an article by X",
"which cites X") and the outlets it was told or shown to ("told the Gazette", "seen by the
Harbour Gazette")."""

from __future__ import annotations

from claimmark.store.suggest.claimants import (
    unwrap,
)
from claimmark.store.suggest.names import is_outlet_name
from claimmark.store.suggest.phrases import (
    clean_claimant,
    has_proper_name,
    is_known_word,
    phrase_after,
)
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.tokens import Token
from claimmark.store.suggest.words import (
    DOCUMENT_NOUNS,
    TIME_WORDS,
)

Citation = tuple[int, str, bool, str]
"""A relay that names an inner source: (token index, claimant, anonymous, cue words)."""


def find_relays(sentence: Sentence) -> tuple[list[Citation], list[tuple[int, str]]]:
    """Relays in the sentence: "citing X", "quoting an article by X", "which cites X" as
    citations, and outlets told or shown the claim ("told the Gazette", "seen by the
    Harbour Gazette"), each with the token index of its cue."""
    tokens = sentence.tokens
    count = len(tokens)
    citations: list[Citation] = []
    outlets: list[tuple[int, str]] = []
    for at, token in enumerate(tokens):
        if token.quoted or at + 1 >= count:
            continue
        word = token.lower
        if word in ("citing", "quoting") or (
            word in ("cites", "cited", "quoted")
            and at > 0
            and tokens[at - 1].lower in ("which", "who")
        ):
            phrase = phrase_after(tokens, at + 1, sentence.text, limit=14)
            if (
                phrase is None
                or not (has_proper_name(phrase, tokens, -1) or is_known_word(phrase.head))
                or phrase.head in TIME_WORDS
            ):
                continue  # "citing health reasons"
            claimant, _, anonymous, _ = unwrap(sentence, phrase)
            first = at - 1 if word in ("cites", "cited", "quoted") else at
            words = sentence.text[tokens[first].start : tokens[at].end]
            for inner in range(phrase.first + 1, min(count, phrase.first + 4)):
                if tokens[inner].lower in ("by", "in", "from") and phrase.head in DOCUMENT_NOUNS:
                    words = sentence.text[tokens[first].start : tokens[inner].end]
                    break
            citations.append((at, claimant, anonymous, words))
        elif (
            word in ("seen", "reported")
            and tokens[at + 1].lower == "by"
            and at + 2 < count
            and (word == "seen" or (at > 0 and tokens[at - 1].lower == "as"))
        ):  # "seen by the Gazette", "As reported by the Hallam Evening Record, ..."
            phrase = phrase_after(tokens, at + 2, sentence.text)
            if phrase is not None:
                outlets.append((at, sentence.referents.expand(clean_claimant(phrase.text, False))))
        elif (
            word in ("told", "tells")
            or (word == "with" and at > 0 and tokens[at - 1].lower == "interview")
            # "confirmed the closure to the Herald", "said in a statement to the Herald"
            or (word == "to" and at > 0 and _after_a_cue(tokens, at))
        ):
            phrase = phrase_after(tokens, at + 1, sentence.text, limit=5)
            if phrase is not None and has_proper_name(phrase, tokens, -1):
                name = sentence.referents.expand(clean_claimant(phrase.text, False))
                if is_outlet_name(name):
                    outlets.append((at, name))
    return citations, outlets


_TO_CUES = frozenset(
    """said says confirmed confirms explained explains wrote writes described describes
    admitted admits denied denies statement email interview comments remarks""".split()
)
"""Cues that a "to" the outlet follows ("confirmed the closure to the Herald")."""


def _after_a_cue(tokens: list[Token], at: int) -> bool:
    """Whether the "to" at `at` closes a cue's clause within a few words of the cue."""
    for back in range(at - 1, max(-1, at - 6), -1):
        if not tokens[back].is_word or tokens[back].quoted:
            return False
        if tokens[back].lower in _TO_CUES:
            return True
    return False
