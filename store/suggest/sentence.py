"""One sentence being read: its tokens (marked quoted or not), where its prose starts, and
questions about what follows a verb."""

from __future__ import annotations

from claimmark.store.suggest.referents import Referents
from claimmark.store.suggest.tokens import Token, tokenize
from claimmark.store.suggest.words import PHRASE_PREPOSITIONS, REPORTING_VERBS


class Sentence:
    """One sentence of the article, tokenised, with the article's referents at hand."""

    def __init__(
        self, referents: Referents, start: int, end: int, quotes: list[tuple[int, int]]
    ) -> None:
        self.referents = referents
        self.text = referents.text
        """The whole article text (token offsets index into it)."""
        self.start = start
        self.end = end
        self.quotes = quotes
        """The paragraph's quotations, (start, end) in the article text."""
        self.tokens: list[Token] = tokenize(self.text, start, end, quotes)
        first = 0  # skip a live-blog time stamp: "09:31 —"
        tokens = self.tokens
        while first < len(tokens) and (
            tokens[first].lower.isdigit() or tokens[first].text in ":.—–-"
        ):
            first += 1
        first = _after_dateline(tokens, first)
        self.first = first
        """Index of the first token of prose (after a time stamp or a dateline)."""
        self.quote_words = sum(1 for t in tokens if t.quoted and t.is_word)
        """How many words stand inside quotation marks."""

    def fully_quoted(self) -> bool:
        """Whether every word of the sentence is inside a quotation."""
        words = [t for t in self.tokens if t.is_word]
        return bool(words) and all(t.quoted for t in words)

    def that_follows(self, verb: int) -> bool:
        """Whether a `that` clause or `by saying` follows the verb at `verb` within a few words
        ("posted on social media that"; not "responded to that exchange")."""
        tokens = self.tokens
        for at in range(verb + 1, min(len(tokens), verb + 7)):
            if tokens[at].lower == "saying" or (
                tokens[at].lower == "that" and tokens[at - 1].lower not in PHRASE_PREPOSITIONS
            ):
                return True
            if not tokens[at].is_word:
                return False
        return False

    def quotation_follows(self, verb: int) -> bool:
        """Whether a quotation (perhaps after a colon) follows the verb within a few words
        ("posted a notice: “...”"), before the clause ends."""
        for token in self.tokens[verb + 1 : verb + 8]:
            if token.quoted:
                return True
            if token.text in (",", ";", ".", "—", "(", ")"):
                return False
        return False

    def ends_after(self, verb: int) -> bool:
        """Whether nothing but a time, `in a statement` or the end follows the verb."""
        for token in self.tokens[verb + 1 :]:
            if token.text in (",", ".", ";", ":", "!", "?", "”", '"', ")", "—"):
                return True
            if not token.is_word or token.quoted:
                return False
            if token.lower in ("that", "the") or token.lower in REPORTING_VERBS:
                return False
        return True


def _after_dateline(tokens: list[Token], first: int) -> int:
    """The first token after a dateline that opens the sentence ("BUFFALO, N.Y. — ",
    "JAKARTA (Reuters) - "), or `first` when there is none."""
    if first >= len(tokens):
        return first
    opener = tokens[first].text
    if not (len(opener) >= 3 and opener.isupper() and opener.isalpha()):
        return first
    for at in range(first + 1, min(len(tokens), first + 10)):
        text = tokens[at].text
        if text in ("—", "–", "-"):
            return at + 1
        if not (
            text in (",", "(", ")", "/")
            or (text.isupper() and text.replace(".", "").isalpha())
            or (text[:1].isupper() and text.endswith("."))  # "N.Y.", "Calif."
            or text in ("Reuters", "AP", "AFP", "Bloomberg")
        ):
            return first
    return first
