"""Sentence boundaries in article text.

A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets that
follow it) when whitespace and then a word that is not lower-case come next, and always at
the end of a paragraph (a ``\\n``). CJK full stops end a sentence wherever they stand.

What does *not* end a sentence:

- titles (`Mr.`, `Dr.`, `Sen.` ...), `e.g.`, `i.e.`, `vs.`;
- other abbreviations (`U.S.`, `a.m.`, `Jan.`, `No.`, `Inc.`, `etc.`, initials like
  `J. R. Smith`), unless the next word is one that usually opens a sentence (`The`, `He`,
  `But` ...): "talks in the U.S. The minister" breaks, "the U.S. Senate" does not;
- decimals and URLs (no whitespace after the dot);
- an ellipsis inside an open quotation (“We will … See you,” she said);
- `?`, `!` or an ellipsis closing a quotation that a name and a verb of speaking follow
  (“Why now?” Ana Duarte asked. “Is that your best example …” Ward asked in reply.).

The splitter makes one regular-expression pass over the text and looks at each candidate
boundary once, so it runs in time linear in the text (about 1 MB in tens of milliseconds).
"""

from __future__ import annotations

import re

_TITLES = frozenset(
    """mr mrs ms mx dr prof sen sens rep reps gov govs gen lt col maj capt cmdr adm brig sgt cpl
    pvt rev hon fr msgr supt insp det messrs mme mlle cllr rt pres amb atty asst dep e.g i.e
    vs cf approx""".split()
)
"""Abbreviations that never end a sentence."""

_ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos inc ltd co corp llc plc jr sr st
    bros dept est etc al ave blvd rd mt ft ca op fig pp vol ed eds univ assn intl govt""".split()
)
"""Abbreviations that end a sentence only when a typical sentence opener follows."""

_STATES = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
"""US states as news abbreviates them after a party letter ("Sen. Mark Warner (D-Va.)"): like
`_ABBREVIATIONS`, but only in that hyphenated form ("ill." alone is a word)."""

_OPENERS = frozenset(
    """the a an he she it its they we i this that these those there then but and so yet in on
    at for of by with after before when while as if although though however meanwhile his her
    their our my your what who why how where officials some many most both all each one two
    three several no not also still since until during despite according critics analysts
    experts sources residents speaking asked later earlier instead now today yesterday""".split()
)
"""Words that usually open a sentence (checked after an abbreviation)."""

_CANDIDATE = re.compile(
    r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+"
    r"(?=[^\S\n]+[\"'“‘«(\[]*(?:(?<=[“«])[^\S\n])?((?:[^\W_]|[$£€¥#])\S*))"
    r"|[。！？]+[」』”’)）]*"
    r"|\n"
)
"""A possible boundary: terminal punctuation (group 1 is the next word), a CJK stop, or a
paragraph break."""

_INTERNAL_DOTS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
"""`U.S`, `a.m`, `Ph.D` - what is left of a dotted abbreviation once the last dot is cut."""

_SAID_AFTER_QUOTE = re.compile(
    r"[^\S\n]+(?:[A-Z][\w’'.-]*[^\S\n]+){1,4}"
    r"(?:said|asked|says|asks|added|adds|wondered|wonders|replied|replies|shouted|exclaimed"
    r"|wrote|writes|recalled|recalls|responded|interjected|countered|continued|told|tells"
    r"|explained|declared|insisted|pressed|demanded)\b"
)
"""After `?”`, `!”` or `…”`: a name and a verb of speaking, as in “Why now?” Ana Duarte
asked, or “Why now?” Ana Duarte asked the board."""

_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"
_CLOSERS = "\"'”’»)]"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of every sentence, in order, with no whitespace at either edge.

    Every non-whitespace character of `text` lies in exactly one span.
    """
    boundaries: list[int] = []
    # Quotation state of the current paragraph, brought up to date only when needed.
    para_start = 0
    scanned = 0
    open_curly = 0
    straight = 0
    for match in _CANDIDATE.finditer(text):
        mark = match.group()
        if mark == "\n":
            boundaries.append(match.start())
            para_start = scanned = match.end()
            open_curly = straight = 0
            continue
        next_word = match.group(1)
        if next_word is None:  # a CJK stop
            boundaries.append(match.end())
            continue
        if next_word[0].islower():
            continue
        start = match.start()
        stop = mark.rstrip(_CLOSERS)
        if stop == "." and not _ends_sentence_after_dot(text, start, next_word):
            continue
        if "…" in stop or "..." in stop:
            if len(stop) == len(mark):  # no closing quote after the ellipsis
                if scanned < para_start:
                    scanned = para_start
                segment = text[scanned:start]
                open_curly += sum(segment.count(q) for q in _OPEN_QUOTES)
                open_curly -= sum(segment.count(q) for q in _CLOSE_QUOTES)
                straight += segment.count('"')
                scanned = start
                if open_curly > 0 or straight % 2:
                    continue
            elif mark[-1] in "\"”’'»" and _SAID_AFTER_QUOTE.match(text, match.end()):
                continue
        elif stop[-1] in "?!" and len(stop) < len(mark) and mark[-1] in "\"”’'»":
            if _SAID_AFTER_QUOTE.match(text, match.end()):
                continue
        boundaries.append(match.end())
    if "(@" in text:
        # an embedded post's byline run into the text: "— Ann Vell (@annv) November 8, 2016
        # Dozens of people ...": the post ends with its date
        boundaries.extend(match.end() for match in _POST_DATE.finditer(text))
        boundaries.sort()
    boundaries.append(len(text))
    return _trimmed(text, boundaries)


POST_DATE = r"[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2},[^\S\n]+\d{4}"
"""The date in an embedded post's byline ("November 8, 2016", "Dec. 27, 2014")."""
_POST_DATE = re.compile(rf"\(@\w{{1,30}}\)[^\S\n]+{POST_DATE}(?=[^\S\n]+[A-Z\"“‘'])")
"""The date that closes an embedded post's byline ("(@annv) November 8, 2016"), when the
text runs on after it."""


def _ends_sentence_after_dot(text: str, dot: int, next_word: str) -> bool:
    """Whether a single `.` at `dot`, followed by whitespace and `next_word`, ends a sentence."""
    before = text[max(0, dot - 40) : dot]
    if not before or before[-1].isspace():
        return True
    word = before.split()[-1].lstrip("\"'“‘«([{—–-").lower()
    if not word:
        return True
    if word in _TITLES:
        return False
    if (
        word in _ABBREVIATIONS
        or ("-" in word and word.rpartition("-")[2] in _STATES)  # "(D-Va."
        or _INTERNAL_DOTS.fullmatch(word)
        or (len(word) == 1 and word.isalpha())
    ):
        return _is_opener(next_word)
    return True


def _is_opener(word: str) -> bool:
    """Whether `word` (as it stands in the text) is one that usually opens a sentence."""
    bare = word.rstrip(",;:")
    if bare.endswith(".") and len(bare) <= 3:
        return False  # another initial or abbreviation: "J. R. Smith"
    return bare.rstrip(".!?’'”\"").lower() in _OPENERS


def _trimmed(text: str, boundaries: list[int]) -> list[tuple[int, int]]:
    """The non-blank pieces between consecutive boundaries, whitespace cut from both edges."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in boundaries:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        start = end
    return spans
