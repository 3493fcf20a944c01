"""Tokens of a sentence, and the spans of a paragraph that are inside quotation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_PATTERN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,200  3,450.5
    r"|(?:[^\W\d_]\.){2,}"  # U.S.  a.m.
    r"|[DRI]-[A-Z][a-z]{1,4}\.(?=[\s,)])"  # R-Neb.  D-Va. (a party and state tag)
    r"|[A-Z][a-z]{0,4}\.(?=[\s,])"  # Mr.  Sen.  C.  Jr., (a title or an initial: see `tokenize`)
    r"|[^\W_]+(?:[’'\-.&][^\W_]+)*(?:[’']s\b|(?<=s)[’'](?![^\W_]))?"
    r"|[^\w\s]"
)
"""A token: a number with thousands separators, a dotted abbreviation, a short capitalised
word with its dot (kept whole when it is a title or an initial), a word (with inner
apostrophes, hyphens, dots and `&`, and a possessive), or one mark."""

ABBREVIATED_TITLES = frozenset(
    """Mr Mrs Ms Mx Dr Prof Cllr St Jan Feb Aug Sept Sep Oct Nov Dec No Sen Rep Gov Gen Lt Col
    Maj Capt Sgt Cpl Rev Hon Pres Amb Atty Supt Insp Det Brig Adm Cmdr Fr Msgr Jr Sr Co Inc
    Corp Ltd Bros""".split()
)
"""Words that keep their dot as one token: titles, months, suffixes and the forms of a
company's name ("Sen. Warner", "Acme Inc. said")."""

QUOTE_CHARS = re.compile(r"[“”\"«»‘’']")


@dataclass(slots=True)
class Token:
    """A token of a sentence: text, absolute offsets, and whether it is inside a quotation."""

    text: str
    start: int
    end: int
    quoted: bool
    lower: str
    """`text.lower()`."""
    is_word: bool
    """Whether it starts with a letter or digit (not a mark)."""
    capitalised: bool
    """Whether it starts with an upper-case letter."""


def _reopens(text: str, start: int, pos: int, end: int) -> bool:
    """Whether the straight double quote at `pos`, met while a quotation is open, opens a
    new one instead of closing it: it stands before a word, after a space that follows the
    end of a sentence (a closing mark stands after the words it closes)."""
    if pos + 1 >= end or not (text[pos + 1].isalnum() or text[pos + 1] == "'"):
        return False
    before = text[start:pos].rstrip()
    return len(before) < pos - start and before[-1:] in (".", "!", "?")


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of `text[start:end]` (one paragraph) inside quotation marks, marks included.

    Curly double quotes enclose single ones (`’’` after a mark closes them, as `”` does);
    straight double quotes toggle; `’` closes a
    single quotation only when one is open and no letter follows it (else it is an
    apostrophe); a straight `'` opens before a word and closes after one. A double or curly
    quotation still open at the end of the paragraph runs to its end.
    """
    spans: list[tuple[int, int]] = []
    double_open: int | None = None
    single_open: int | None = None
    straight_open: int | None = None  # an unclosed one is an apostrophe, not a quotation
    for match in QUOTE_CHARS.finditer(text, start, end):
        mark = match.group()
        pos = match.start()
        if mark in "“«":
            if double_open is None:
                double_open = pos
                single_open = None
        elif mark in "”»":
            if double_open is not None:
                spans.append((double_open, pos + 1))
                double_open = None
        elif mark == '"':
            if double_open is None:
                double_open = pos
            elif _reopens(text, start, pos, end):
                # 'He added: "The rest annoys me. "I can just imagine ...': a quotation
                # that went on into a paragraph of its own, whose break the text lost
                spans.append((double_open, len(text[:pos].rstrip())))
                double_open = pos
            else:
                spans.append((double_open, pos + 1))
                double_open = None
        elif mark == "‘":
            if double_open is None and single_open is None:
                if pos == start or not text[pos - 1].isalnum():
                    single_open = pos
        elif (
            mark == "’"
            and double_open is not None
            and pos + 1 < end
            and text[pos + 1] == "’"
            and text[pos - 1] in ".,!?"
        ):
            # two right single quotes after punctuation close a double quotation
            # ("“It was a trick,’’ she said"): typesetting that stands for ”
            spans.append((double_open, pos + 2))
            double_open = None
        elif mark == "’" and single_open is not None:
            if pos + 1 >= end or not text[pos + 1].isalnum():
                spans.append((single_open, pos + 1))
                single_open = None
        elif mark == "'" and double_open is None:
            # straight single quotes: open before a word, close after one; an apostrophe
            # ("don't", "the '90s", "Jones'") is neither
            before = text[pos - 1] if pos > start else " "
            after = text[pos + 1] if pos + 1 < end else " "
            if straight_open is None:
                if not before.isalnum() and after.isalpha():
                    straight_open = pos
            elif not after.isalnum() and before.isalnum() or before in ".,!?":
                spans.append((straight_open, pos + 1))
                straight_open = None
    if double_open is not None:
        spans.append((double_open, end))
    elif single_open is not None:
        spans.append((single_open, end))
    spans.sort()
    return spans


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Token]:
    """Tokens of `text[start:end]`, each marked quoted or not (`quotes`: sorted spans)."""
    tokens: list[Token] = []
    quote = 0
    quote_count = len(quotes)
    for match in TOKEN_PATTERN.finditer(text, start, end):
        at = match.start()
        while quote < quote_count and quotes[quote][1] <= at:
            quote += 1
        quoted = quote < quote_count and quotes[quote][0] <= at
        word = match.group()
        end_at = match.end()
        if (
            word[-1] == "."
            and len(word) > 1
            and "-" not in word
            and not _keeps_dot(text, word, end_at)
        ):
            # "Plan." at a sentence's end, "B." not before a name: the word, then the dot
            word = word[:-1]
            tokens.append(Token(word, at, end_at - 1, quoted, word.lower(), True, True))
            tokens.append(Token(".", end_at - 1, end_at, quoted, ".", False, False))
            continue
        lower = word.lower()
        if word == "WHO" and not _capitals_around(text, at, end_at):
            lower = ACRONYM_WHO  # the World Health Organization, not the pronoun
        tokens.append(Token(word, at, end_at, quoted, lower, word[0].isalnum(), word[0].isupper()))
    return tokens


ACRONYM_WHO = "w.h.o."
"""The lower-case form of "WHO" in running text: a dotted abbreviation, so that no rule
reads it as the pronoun "who"."""


def _capitals_around(text: str, start: int, end: int) -> bool:
    """Whether the words on either side of `text[start:end]` are in capitals too (a
    headline or a shouted phrase, where "WHO" is the pronoun)."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    for words in (before[-1:], after[:1]):
        letters = [c for c in "".join(words) if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return True
    return False


def _keeps_dot(text: str, word: str, end: int) -> bool:
    """Whether a short capitalised word and its dot are one token: a title ("Dr.", "Sen."),
    a dotted abbreviation ("U.S."), or an initial before a capitalised word ("C. Eugene")."""
    if word.count(".") > 1:
        return True
    bare = word[:-1]
    if bare in ABBREVIATED_TITLES:
        return True
    if len(bare) == 1:
        rest = text[end : end + 3].lstrip()
        return bool(rest) and rest[0].isupper()
    return False
