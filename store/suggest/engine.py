"""The engine: walks the article paragraph by paragraph and sentence by sentence, chooses the
attribution of each sentence among its cues, carries a speaker on to the sentences that have
no cue of their own (inherited speakers), and records claimants as referents for the
sentences that follow.

The work per article is bounded: only the first `MAX_CHARS` characters are read (cut at a
paragraph break), and the result says when the rest was left unread (`Suggestions.truncated`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

from claimmark.store.models import Attribution
from claimmark.store.sentences import POST_DATE, sentence_spans
from claimmark.store.suggest.choice import choose, remember_subject
from claimmark.store.suggest.cues import CUE_HINT
from claimmark.store.suggest.headline import suggest_in_title
from claimmark.store.suggest.names import strip_title
from claimmark.store.suggest.phrases import clean_claimant, is_people_word, looks_like_role
from claimmark.store.suggest.referents import Referent, Referents
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.suggestion import UNNAMED, Suggestion, Suggestions, named_over
from claimmark.store.suggest.tokens import quoted_spans
from claimmark.store.suggest.words import PERSON_ROLES

MAX_CHARS = 1_500_000
"""The most characters of an article the engine reads (about 1.5 MB of text, a second or so):
longer articles are read up to the last paragraph break before this, and the result is
marked truncated. Every way the engine is called (the reader, `claimmark suggest`) goes
through this one limit."""

UNNAMED_PERSON_OPENING = re.compile(
    r"(?:\d{1,2}[:.]\d\d\s*[—–-]\s*)?(?:A|An|One|Another)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:reader|nurse|broker|official|engineer|resident|worker|doctor|teacher|manager|source"
    r"|person|woman|man|mother|father|patient|driver|owner|employee|member|caller|witness)\b"
)
"""A sentence opening on an unnamed person ("A reader in Eastbourne, who ..."): a referent
for a later "she" even when the sentence itself is not attributed."""

PAIR_SUBJECT = re.compile(
    r"((?:[A-Z][\w’'-]+[^\S\n]){0,2}[A-Z][\w’'-]+)[^\S\n]+and[^\S\n]+"
    r"((?:[A-Z][\w’'-]+[^\S\n]){0,2}[A-Z][\w’'-]+)[^\S\n]+[a-z]"
)
"""Two names opening a sentence as its subject ("Lorenz and Fetter plotted ...")."""

PAIR_AFTER_COLON = re.compile(
    r":[^\S\n]+(?:[A-Za-z][\w-]*[^\S\n]+){0,2}?((?:[A-Z][\w’'-]+[^\S\n]){1,2}[A-Z][\w’'-]+)"
    r"[^\S\n]+and[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){0,2}?((?:[A-Z][\w’'-]+[^\S\n]){1,2}[A-Z][\w’'-]+)"
    r"[.!]?[\"”’]?$"
)
"""Two people named after a colon at the end of a sentence ("the attention of two
politicians: Senator Ann Vell and congresswoman Ida Rowe."), whom a "they" next means."""

GROUP_OPENING = re.compile(
    r"(?:(?:The|These|Those|Many|Some|Several|Most|Other|Local|Dozens\s+of|Hundreds\s+of"
    r"|Thousands\s+of|Scores\s+of|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d[\d,]*)"
    r"[^\S\n]+)?(?:[a-z][\w’'-]*[^\S\n]+){0,2}?([a-z][\w-]*s)\b(?![^\S\n]+of\b)"
)
"""A sentence opening on a plural group of people ("The nurses walked out", "Dozens of
drivers gathered"): a referent for a later "they" even when the sentence is not
attributed."""

_OPENING_QUOTES = '“"‘«'
_BARE_ITEM = re.compile(
    r"(?!(?:Read|Watch|See|Click|Follow|Sign|Subscribe|Share|Download|Listen|Visit|Join)\b)"
    r"[^\n]{1,200}(?<![.!?:”\"’)])$",
    re.M,
)
"""A list item whose bullet the page's extraction dropped: a short line with no full stop
at its end ("Syria needs a political solution"), not a line telling the reader what to do
("Read the full transcript")."""
_LIST_ITEM = re.compile(r"(?:[•◦▪‣*·–—-]|\d{1,2}[.)]|[a-z][.)])\s")
"""The marker that opens a list item ("• ", "- ", "1. ", "a) ")."""
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|me|my|we|We|us|our|Our|My)\b")
_TITLE_WORD_AFTER = re.compile(r"[^\S\n]+[A-Z]")


def _in_a_title(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether a capitalised "My", "Our" or "We" inside a sentence opens the title of a
    work ("Bruce Nauman’s work My Name as Though It Were Written ..."), not the first
    person."""
    word = match.group()
    if word not in ("My", "Our", "We") or match.start() <= start:
        return False
    before = text[start : match.start()].rstrip()
    if not before or before[-1] in '.!?:“"‘(—–':
        return False  # the start of a sentence or a quotation
    return _TITLE_WORD_AFTER.match(text, match.end()) is not None


_WRITER_TOLD = re.compile(
    r"\b(?:told|tells|tell|telling|said to|says to|wrote to|writes to|explained to|spoke to"
    r"|speaking to|showed|asked|emailed|texted) (?:me|us)\b"
)
"""The writer in the first person as the one spoken to ("Residents told me that ..."): the
article is narrated in the first person, not quoting someone's first-person text."""


def read_limit(text: str, limit: int | None = None) -> int:
    """How much of `text` the engine reads: all of it when it is at most `limit` characters
    (`MAX_CHARS` unless given), else up to the last paragraph break before `limit` (or the
    last space, for one huge paragraph)."""
    if limit is None:
        limit = MAX_CHARS
    if len(text) <= limit:
        return len(text)
    cut = text.rfind("\n", 0, limit)
    if cut <= 0:
        cut = text.rfind(" ", 0, limit)
    return cut if cut > 0 else limit


def suggest_attributions(text: str, title: str = "") -> Suggestions:
    """The attributed sentences of `text`, in document order: at most one suggestion per
    clause that names its own claimant. With `title`, the headline comes first when it
    reports a claim (its suggestion has `in_title`, and offsets into `title`).

    At most `MAX_CHARS` characters of `text` are read, a paragraph at a time; `truncated`
    on the result says whether the text went on past them."""
    limit = read_limit(text)
    found = Suggestions(truncated=limit < len(text), read=limit)
    if not text[:limit].strip() and not title.strip():
        return found
    referents = Referents(text[:limit])
    walk = _Walk(referents, found)
    walk.posts = embedded_posts(text[:limit]) if "(@" in text[:limit] else {}
    start = 0
    while start <= limit:
        end = text.find("\n", start, limit)
        if end == -1:
            end = limit
        if start in walk.posts or not is_code_line(text, start, end):
            walk.paragraph(start, end)  # a post's line of symbols is still the post's
        start = end + 1
    name_described_people(found, referents)
    quoted_subheadings(text[:limit], found)
    if title.strip():
        found[:0] = suggest_in_title(title[:_MAX_TITLE], referents.names, list(found))
    return found


def quoted_subheadings(text: str, found: Suggestions) -> None:
    """Give a subheading that only quotes someone (a paragraph of a few words inside
    quotation marks: “My fears have been realized”) to whoever says those words in the
    next paragraphs, cue "quotation marks"."""
    if not any(mark in text for mark in '“"'):
        return
    starts = [s.start for s in found]  # in document order (the body's)
    removed: set[int] = set()
    added: list[Suggestion] = []
    for match in _SUBHEADING_LINE.finditer(text):
        words = match.group("w")
        if not 4 <= len(words.split()) <= 10:  # a phrase said, not a name given
            continue
        at, end = match.start("q"), match.end()
        index = bisect_left(starts, at)
        own = [i for i in range(index, len(found)) if starts[i] == at and not found[i].in_title]
        if not all(found[i].inherited for i in own):
            continue
        reach = end
        for _ in range(3):  # the next three paragraphs
            following = text.find("\n", reach + 1)
            reach = len(text) if following == -1 else following
            if following == -1:
                break
        said = words.strip(" .,!?").lower()
        for later in range(bisect_left(starts, end + 1), len(found)):
            suggestion = found[later]
            if suggestion.start >= reach:
                break
            if not suggestion.anonymous and said in suggestion.sentence.lower():
                removed.update(own)  # a quote paragraph's speaker, guessed
                added.append(
                    replace(
                        suggestion,
                        start=at,
                        end=match.end("q"),
                        sentence=match.group("q"),
                        cue="quotation marks",
                        inherited=False,
                        description="",
                    )
                )
                break
    if added:
        kept = [s for i, s in enumerate(found) if i not in removed]
        found[:] = sorted([*kept, *added], key=lambda s: (s.in_title is False, s.start))


_SUBHEADING_LINE = re.compile(
    r"^[^\S\n]*(?:\d{1,2}\.[^\S\n]+)?(?P<q>[“\"](?P<w>[^“”\"\n]{3,80})[”\"])[^\S\n]*$",
    re.MULTILINE,
)
"""A paragraph that is only a short quotation, perhaps numbered ("3. “Not ...”")."""


_MAX_TITLE = 1_000
"""The most characters of a title read as its headline."""

_UNNAMING = re.compile(
    r"\b(?:source|sources|official|officials|person|people|insider|aide|diplomat|employee"
    r"|anonymity|named|identified|authorized|authorised|familiar)\b",
    re.IGNORECASE,
)
"""Words that make "a ... who ..." an unnamed source on purpose, never a person the
article names later."""
_OFFICES = frozenset(
    """leader mayor minister president chairman chairwoman chair chief spokesman
    spokeswoman spokesperson director head governor senator secretary commissioner
    premier chancellor councillor""".split()
)
"""Roles that make a person someone else than "a programmer who ..." described before."""


def name_described_people(found: list[Suggestion], referents: Referents) -> None:
    """Give "a computer programmer who has released code" (a person described, not named,
    and no unnamed source) the name of the person who speaks first in the next paragraph,
    when the article names that person there for the first time and gives them no office
    of their own ("..., according to a computer programmer ... \n “...,” developer Ammar
    Askar wrote"); the description is kept."""
    text = referents.text
    names = referents.names
    first_mention: dict[str, int] = {}
    for pos, name in names.person_mentions:
        first_mention.setdefault(name, pos)
    for index, suggestion in enumerate(found):
        words = suggestion.claimant.split()
        if (
            not suggestion.anonymous
            or len(words) < 2
            or words[0].lower() not in ("a", "an")
            or _UNNAMING.search(suggestion.claimant)
        ):
            continue
        head = next((w.lower() for w in words[1:] if w.lower() in ("who", "that")), "")
        role_words = words[1 : words.index(head) if head else len(words)]
        role = role_words[-1].lower().strip(",") if role_words else ""
        if not (role in PERSON_ROLES or looks_like_role(role)):
            continue
        paragraph_start = text.find("\n", suggestion.end)
        if paragraph_start == -1:
            continue
        paragraph_end = text.find("\n", paragraph_start + 1)
        if paragraph_end == -1:
            paragraph_end = len(text)
        for later in found[index + 1 :]:
            if later.start >= paragraph_end:
                break
            if later.start < paragraph_start:
                continue
            if later.anonymous or later.inherited or not names.is_person(later.claimant):
                break
            offices = [
                role
                for role, holders in names.roles.items()
                if role in _OFFICES and any(holder == later.claimant for _, holder in holders)
            ]
            if not offices and first_mention.get(later.claimant, -1) > suggestion.start:
                found[index] = replace(
                    suggestion,
                    claimant=later.claimant,
                    anonymous=False,
                    description=suggestion.claimant,
                    attribution=(
                        Attribution.PARAPHRASE
                        if suggestion.attribution is Attribution.ANONYMOUS
                        else suggestion.attribution
                    ),
                )
            break


class _Walk:
    """The state of one walk through an article: the speaker a paragraph hands on."""

    def __init__(self, referents: Referents, found: list[Suggestion]) -> None:
        self.referents = referents
        self.text = referents.text
        self.found = found
        self.handover: Suggestion | None = None
        """The speaker the previous paragraph hands on to quotations that open this one."""
        self.block: Suggestion | None = None
        """The speaker of a block quotation or list introduced by "X said:" (the sentence
        that ended the previous paragraph with a colon)."""
        self.block_paragraphs = 0
        """How many paragraphs of the block have been read."""
        self.voice: Suggestion | None = None
        """The speaker whose first-person text the article is quoting as a block (a blog
        post, a letter) without quotation marks."""
        self.previous_speaker: Suggestion | None = None
        """The last named claimant of the previous paragraph."""
        self.first_person_narration = False
        """Whether the writer speaks in the first person (then first-person paragraphs are
        the writer's, not a quoted speaker's)."""
        self.previous_sentence: Suggestion | None = None
        """The suggestion of the sentence just read, if it got one."""
        self.quoted_words: dict[tuple[str, ...], Suggestion] = {}
        """Every run of `_QUOTE_GRAM` words quoted in an attributed sentence -> it."""
        self.posts: dict[int, tuple[str, str]] = {}
        """Paragraph start -> (author, byline) of the paragraphs of embedded posts."""

    def paragraph(self, start: int, end: int) -> None:
        """Read the paragraph `text[start:end]` (no line break inside)."""
        text = self.text
        spans = [(start + s, start + e) for s, e in sentence_spans(text[start:end])]
        if not spans:
            return  # a blank line keeps the speaker handed on
        quotes = quoted_spans(text, start, end)
        if start in self.posts:
            self._post(start, spans, quotes)
            return
        if TWEET_BYLINE.match(text, start, end) and self.posts:
            return  # the byline of an embedded post: nobody's statement
        sourced = sourced_headline(text, start, end)
        if sourced is not None:
            # "Russia's Problems Are A Warning Sign (Morningstar)": a digest's headline,
            # the claim of the outlet in brackets
            self._add([sourced], [])
            return
        quote_starts = [quote_start for quote_start, _ in quotes]
        handover, self.handover = self.handover, None
        found_before = len(self.found)
        opens_quoted = text[spans[0][0]] in _OPENING_QUOTES
        block = self._block_speaker(start, end, opens_quoted, quotes)
        # The speaker a quotation opening this paragraph continues, if any.
        opening_speaker = handover if opens_quoted else None
        if opening_speaker is not None and _ASKS.search(opening_speaker.sentence):
            # the previous paragraph ended on a quoted question: this quotation is the
            # answer, by the other party of the exchange
            opening_speaker = self._other_speaker(opening_speaker)
        last: Suggestion | None = None  # the last suggestion in this paragraph
        last_quoted = False
        quoted_before = False  # the last attributed sentence holds some quotation
        pending: list[tuple[int, int]] = []  # quotations still open, waiting for a cue
        about = -1  # the sentence before the pending quotation, when it may be about its speaker
        leading = True  # still in the quotation that opens the paragraph
        ends_in_quote = False
        ends_attributed = False  # whether the paragraph's last sentence got a suggestion
        for index, (start_at, end_at) in enumerate(spans):
            previous_sentence, self.previous_sentence = self.previous_sentence, None
            ends_attributed = False
            if text[start_at] == "[" or text[end_at - 1] == "]":
                continue  # a link in brackets: nobody's statement, nor part of a quotation
            hint = CUE_HINT.search(text, start_at, end_at) is not None
            pair = PAIR_SUBJECT.match(text, start_at, end_at)
            if pair is None:
                pair = PAIR_AFTER_COLON.search(text, start_at, end_at)
            if pair is not None:
                self.referents.remember_pair(start_at, end_at, pair.group(1), pair.group(2))
            subject = UNNAMED_PERSON_OPENING.match(text, start_at, end_at)
            group = GROUP_OPENING.match(text, start_at, end_at)
            if group is not None and is_people_word(group.group(1)):
                # "The nurses walked out on Tuesday.": a "they" later may be them
                name = clean_claimant(text[start_at : group.end(1)], True)
                self.referents.groups.append(
                    Referent(start_at, name, "", not name.startswith("the "), end_at)
                )
            quoted = in_quote(quotes, quote_starts, start_at) or has_quote(
                quote_starts, start_at, end_at
            )
            ends_in_quote = quote_goes_on(quotes, quote_starts, end_at)
            inherit: Suggestion | None = None
            sentence: Sentence | None = None
            chosen: list[Suggestion] = []
            if hint:
                sentence = Sentence(self.referents, start_at, end_at, quotes)
                if subject is not None:
                    remember_subject(sentence)
                chosen = choose(sentence)
                if not chosen and block is None and not quoted and subject is None:
                    # a word of the quick filter that is no cue here ("diplomatic about
                    # demands"): the sentence is read as one without a cue
                    hint = False
            if block is not None and not hint:
                if not is_prose(text, start_at, end_at):
                    continue  # code or a table in a block quotation: no sentence
                inherit = block
            elif not hint and not quoted and subject is None:
                if previous_sentence is not None and _GOES_ON.match(text, start_at, end_at):
                    inherit = previous_sentence  # "Additionally, ..." after a finding
                elif (
                    previous_sentence is not None
                    and previous_sentence is last
                    and not previous_sentence.inherited
                    and previous_sentence.attribution is not Attribution.DIRECT_QUOTE
                    and _REPORTED_GOES_ON.match(text, start_at, end_at)
                ):
                    # "X told television the search would be expanded. Authorities would
                    # also begin ...": reported speech going on in the same tense
                    inherit = previous_sentence
                else:
                    if pending and leading and opening_speaker is not None:
                        # the quotation that opened the paragraph was the speaker's: one
                        # after a sentence about them goes on ("“Um. ...” Her expression
                        # fixes. “That's the past.”")
                        last, last_quoted = opening_speaker, True
                    self._flush(pending, opening_speaker if leading else None)
                    pending = []
                    leading = False
                    continue
            if inherit is not None:
                self._add([continued(text, start_at, end_at, inherit, quoted)], quotes)
                ends_attributed = True
                continue
            if sentence is None:
                sentence = Sentence(self.referents, start_at, end_at, quotes)
                if subject is not None:
                    remember_subject(sentence)
            if not chosen and block is not None:
                self._add([continued(text, start_at, end_at, block)], quotes)
                ends_attributed = True
                continue
            if chosen:
                if block is None or chosen[-1].claimant != block.claimant:
                    # a cue of its own ends a block quotation, unless the block's own
                    # speaker goes on ("He is confident the deal will pass" in a list after
                    # "Obama also said:")
                    block = self.block = None
                if pending and sentence.tokens and sentence.tokens[0].quoted:
                    self._add([continued(text, s, e, chosen[0]) for s, e in pending], quotes)
                    pending = []
                self._flush(pending, opening_speaker if leading else None)
                pending = []
                leading = False
                self._add(chosen, quotes)
                last, last_quoted = chosen[-1], sentence.quote_words >= 3
                # "“Yes, primarily,” Prelogar said, adding ... “I think ...”": a short
                # quotation in the cue's sentence hands on to a quotation right after it
                quoted_before = sentence.quote_words > 0
                ends_attributed = True
                continue
            if sentence.fully_quoted():
                said_before = self._said_before(start_at, end_at, quotes)
                goes_on = (
                    last_quoted
                    or (quoted_before and previous_sentence is last)
                    # "Solis said the money ran out. “We saw it coming.”": a quotation right
                    # after a named speaker's paraphrase is theirs
                    or (last is not None and previous_sentence is last and not last.anonymous)
                )
                if last is not None and goes_on:
                    inherited = continued(text, start_at, end_at, last)
                    self._add([inherited], quotes)
                    last = inherited
                    ends_attributed = True
                elif quote_goes_on(quotes, quote_starts, end_at) or (
                    leading and opening_speaker is not None
                ):
                    if not pending:
                        # the sentence before a quotation opening here, if it may be about
                        # the speaker (nothing attributed in it)
                        about = index - 1 if previous_sentence is None else -1
                    pending.append((start_at, end_at))  # the quotation goes on
                elif said_before is not None:
                    # a quotation the article gave, attributed, earlier
                    inherited = continued(text, start_at, end_at, said_before)
                    self._add([inherited], quotes)
                    last, last_quoted, ends_attributed = inherited, True, True
                elif (pending and not leading and about >= 0) or (
                    not pending and index > 0 and previous_sentence is None
                ):
                    # "Mr Negroponte has tried it in Cambodia. “We put in 25 laptops ...”":
                    # a quotation right after a sentence about a named person is theirs;
                    # "Her expression fixes. “That's the past.”": the speaker's, after a
                    # sentence about them (all the sentences of the quotation)
                    before = spans[about if pending else index - 1]
                    named_subject = self._named_subject(*before)
                    if named_subject is None and last is not None:
                        named_subject = self._pronoun_subject(*before, last)
                    elif named_subject is None and last is None:
                        # "He bought a Land Rover and leased it back. “I was making two
                        # salaries.”": the article's last speaker, if the pronoun means them
                        named_subject = self._pronoun_subject_before(*before)
                    if named_subject is not None:
                        given = [
                            quoted_by(text, s, e, named_subject, "quotation marks")
                            for s, e in [*pending, (start_at, end_at)]
                        ]
                        pending = []
                        self._add(given, quotes)
                        last, last_quoted, ends_attributed = given[-1], True, True
                continue
            self._flush(pending, opening_speaker if leading else None)
            pending = []
            leading = False
        if pending:
            self._flush(pending, opening_speaker if leading else None)
            if leading and opening_speaker is not None:
                last, last_quoted, ends_attributed = opening_speaker, True, True
        if (
            last is not None
            and ends_attributed
            and (last_quoted or ends_in_quote or (not last.anonymous and last.claimant != UNNAMED))
        ):
            # The paragraph ends on an attributed quotation, inside an open one, or on what a
            # named speaker said: the next paragraph's opening quotation, if no cue of its
            # own names someone else, is most likely the same speaker's.
            self.handover = last
        if last is not None and ends_attributed and text[spans[-1][0] : spans[-1][1]].endswith(":"):
            # "X said:" closing the paragraph: what follows is X's, quotation marks or not.
            self.block, self.block_paragraphs = last, 0
        named = [s for s in self.found[found_before:] if not s.anonymous]
        self.previous_speaker = named[-1] if named else None
        if (
            handover is not None
            and self.handover is None
            and len(self.found) == found_before
            and not quotes
            and len(spans) <= 2
            and text[start:end].rstrip().endswith("?")
        ):
            # "But hasn't she had to turn down offers?": the interviewer's question, in a
            # paragraph of its own; the quotation that answers it is the same speaker's
            self.handover = handover

    def _post(
        self, start: int, spans: list[tuple[int, int]], quotes: list[tuple[int, int]]
    ) -> None:
        """A paragraph of an embedded post: each sentence is its author's (inherited from the
        byline), unless it names a speaker of its own."""
        author, byline = self.posts[start]
        claimant = self.referents.names.alias.get(author, author)
        claimant = self.referents.expand(claimant, start)
        for start_at, end_at in spans:
            sentence = Sentence(self.referents, start_at, end_at, quotes)
            chosen = choose(sentence) if CUE_HINT.search(self.text, start_at, end_at) else []
            if not chosen:
                chosen = [quoted_by(self.text, start_at, end_at, claimant, byline)]
            self._add(chosen, quotes)

    def _other_speaker(self, asker: Suggestion) -> Suggestion | None:
        """The last named speaker before `asker` who is not the one asking (within the last
        few suggestions), or None."""
        for earlier in reversed(self.found[-_EXCHANGE_REACH:]):
            if not earlier.anonymous and earlier.claimant not in (asker.claimant, UNNAMED):
                return earlier
        return None

    def _add(self, suggestions: list[Suggestion], quotes: list[tuple[int, int]]) -> None:
        """Record suggestions, and index the quotations they attribute (so that the same
        words quoted again later carry the same speaker)."""
        self.found.extend(suggestions)
        if not suggestions:
            return
        last = suggestions[-1]
        self.previous_sentence = last if last.claimant != UNNAMED else None
        for suggestion in suggestions:
            if suggestion.claimant == UNNAMED or len(self.quoted_words) >= _MAX_QUOTE_INDEX:
                continue
            words = _quoted_words(self.text, suggestion.start, suggestion.end, quotes)
            for at in range(len(words) - _QUOTE_GRAM + 1):
                self.quoted_words.setdefault(tuple(words[at : at + _QUOTE_GRAM]), suggestion)

    def _named_subject(self, start: int, end: int) -> str | None:
        """The person a sentence `[start, end)` opens with as its subject ("Mr Negroponte
        has ...", "However, Ana Vell said ..."), in full; None when it opens otherwise."""
        names = self.referents.names
        mentions = names.person_mentions
        index = bisect_left(mentions, (start, ""))
        if index >= len(mentions) or mentions[index][0] >= end:
            return None
        pos, name = mentions[index]
        lead = self.text[start:pos].split()
        if len(lead) > 2 or any(not word[:1].isupper() for word in lead):
            return None  # not the subject ("In a call with Hart, ...")
        after = self.text[pos : min(end, pos + 80)].split()
        verb = next((w for w in after if w[:1].islower()), "")
        if verb in ("and", "of", "or", "whose", "was", "is"):
            return None  # "Vell and Hale ...", "Vell was arrested": no speaker
        _, bare = strip_title(name)
        return bare if len(bare.split()) >= 2 else name  # "Mr Ned Roper" -> "Ned Roper"

    def _opening_pronoun(self, start: int, end: int) -> str:
        """ "m" or "f" when the sentence `[start, end)` opens with "he"/"his" or "she"/"her"
        (after a word such as "Then"), else ""."""
        words = self.text[start:end].split(maxsplit=2)[:2]
        if len(words) == 2 and words[0] in _PRONOUN_LEADS:
            words = [words[1].capitalize()]  # "Then he turns to the crowd."
        opener = words[0] if words else ""
        return {"He": "m", "His": "m", "She": "f", "Her": "f"}.get(opener, "")

    def _pronoun_subject(self, start: int, end: int, speaker: Suggestion) -> str | None:
        """The speaker `speaker` when the sentence `[start, end)` opens with "he", "she",
        "his" or "her" that fits them (a named person, not a body or an unnamed one)."""
        wanted = self._opening_pronoun(start, end)
        if not wanted or speaker.anonymous or speaker.claimant == UNNAMED:
            return None
        names = self.referents.names
        if not names.is_person(speaker.claimant):
            return None
        gender = names.gender.get(speaker.claimant, "")
        return speaker.claimant if gender in ("", wanted) else None

    def _pronoun_subject_before(self, start: int, end: int) -> str | None:
        """The last named person who spoke before the sentence `[start, end)` when it opens
        with "he" or "she" (or "his", "her") and the pronoun means them."""
        speaker = next(
            (s for s in reversed(self.found[-_EXCHANGE_REACH:]) if s.claimant != UNNAMED),
            None,
        )
        if speaker is None or speaker.in_title:
            return None
        claimant = self._pronoun_subject(start, end, speaker)
        if claimant is None:
            return None
        meant = self.referents.person_before(start, self._opening_pronoun(start, end), learn=False)
        return claimant if meant is not None and meant.name == claimant else None

    def _said_before(
        self, start: int, end: int, quotes: list[tuple[int, int]]
    ) -> Suggestion | None:
        """The earlier suggestion that attributes the words quoted in `[start, end)`, when
        the article quotes them a second time."""
        words = _quoted_words(self.text, start, end, quotes)
        if len(words) < _QUOTE_GRAM:
            return None
        return self.quoted_words.get(tuple(words[:_QUOTE_GRAM]))

    def _block_speaker(
        self, start: int, end: int, opens_quoted: bool, quotes: list[tuple[int, int]]
    ) -> Suggestion | None:
        """The speaker of the block quotation this paragraph belongs to, or None.

        - After "X said:" closing a paragraph, the next paragraph is X's, and later ones
          while they are list items, open with a quotation mark, or speak in the first
          person.
        - In an article told in the third person, paragraphs that speak in the first
          person (outside quotation marks) right after a paragraph that names a claimant
          are that claimant's text quoted as a block (a blog post, a letter, a statement),
          and so are paragraphs between them (up to two in a row).
        """
        starts = [s for s, _ in quotes]
        if any(
            not in_quote(quotes, starts, match.start())
            for match in _WRITER_TOLD.finditer(self.text, start, end)
        ):
            self.first_person_narration = True
            self.voice = None
        voiced = self._voiced(start, end, quotes)
        if voiced and self._names_speaker(start, end, quotes):
            # "Matie is going to show us how he became a millionaire": the writer, in the
            # first person, telling of the speaker in the third
            self.first_person_narration = True
            self.voice = None
            voiced = False
        block = self.block
        if block is not None:
            self.block_paragraphs += 1
            if (
                self.block_paragraphs == 1
                or _LIST_ITEM.match(self.text, start, end)
                or _BARE_ITEM.match(self.text, start, end)
                or opens_quoted
                or voiced
            ):
                return block
            self.block = None
        if self.voice is not None:
            if voiced or self._voiced_ahead(end):
                return self.voice
            self.voice = None
        if voiced:
            if self.previous_speaker is not None and not self.first_person_narration:
                self.voice = self.previous_speaker
                return self.voice
            self.first_person_narration = True
        return None

    def _names_speaker(self, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
        """Whether the paragraph names, outside quotation marks, the speaker whose
        first-person text it would otherwise be (the voice, or the last named speaker)."""
        speaker = self.voice or self.previous_speaker
        if speaker is None or " and " in speaker.claimant:
            return False
        surname = speaker.claimant.split()[-1]
        if not surname[:1].isupper() or len(surname) < 3:
            return False
        starts = [s for s, _ in quotes]
        pattern = re.compile(rf"\b{re.escape(surname)}\b")
        return any(
            not in_quote(quotes, starts, match.start())
            for match in pattern.finditer(self.text, start, end)
        )

    def _voiced(self, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
        """Whether the paragraph speaks in the first person outside quotation marks (a
        link in brackets or a line telling the reader what to do never does: "[The 10
        Ways We ...]", "Follow us on Twitter")."""
        if _PAGE_FURNITURE.match(self.text, start, end):
            return False
        starts = [s for s, _ in quotes]
        return any(
            not in_quote(quotes, starts, match.start())
            and not _in_brackets(self.text, start, match.start())
            and not _in_a_title(self.text, start, match)
            for match in _FIRST_PERSON.finditer(self.text, start, end)
        )

    def _voiced_ahead(self, end: int, paragraphs: int = 2) -> bool:
        """Whether one of the next `paragraphs` paragraphs speaks in the first person."""
        text = self.text
        for _ in range(paragraphs):
            start = end + 1
            if start >= len(text):
                return False
            end = text.find("\n", start)
            if end == -1:
                end = len(text)
            if is_code_line(text, start, end):
                continue
            if self._voiced(start, end, quoted_spans(text, start, end)):
                return True
        return False

    def _flush(self, pending: list[tuple[int, int]], speaker: Suggestion | None) -> None:
        """Give the quotations that opened the paragraph to the speaker handed on to it."""
        if speaker is None or not pending:
            return
        self.found.extend(continued(self.text, s, e, speaker) for s, e in pending)


# --------------------------------------------------------------------------------------------
# Quotations across sentences


def in_quote(quotes: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether `offset` lies inside one of the (sorted, disjoint) quotations."""
    index = bisect_right(starts, offset) - 1
    return index >= 0 and quotes[index][1] > offset


def has_quote(starts: list[int], start: int, end: int) -> bool:
    """Whether a quotation opens in `[start, end)`."""
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def quote_goes_on(quotes: list[tuple[int, int]], starts: list[int], end: int) -> bool:
    """Whether a quotation open at `end` carries on past it."""
    index = bisect_left(starts, end) - 1
    return index >= 0 and quotes[index][1] > end


def quoted_by(text: str, start: int, end: int, claimant: str, cue: str) -> Suggestion:
    """The sentence `[start, end)` as the inherited words of `claimant`, whom `cue` names
    (an embedded post's byline, a quotation after a sentence about the person)."""
    return named_over(text, start, end, claimant, cue, Attribution.DIRECT_QUOTE, inherited=True)


def continued(text: str, start: int, end: int, base: Suggestion, quoted: bool = True) -> Suggestion:
    """A sentence that continues the one `base` attributes (a quotation, unless `quoted`
    is False): its speaker, inherited."""
    return replace(
        base,
        start=start,
        end=end,
        sentence=text[start:end],
        attribution=Attribution.DIRECT_QUOTE if quoted else base.attribution,
        inherited=True,
    )


_ASKS = re.compile(r"\?[”\"’']\s*$")
"""A sentence that ends on a quoted question."""
_EXCHANGE_REACH = 12
"""How many suggestions back the other party of a quoted exchange is looked for."""

_QUOTE_GRAM = 5
"""How many quoted words in a row identify a quotation given again."""
_MAX_QUOTE_INDEX = 200_000
"""The most word runs indexed per article (bounds the memory a huge article takes)."""
_QUOTED_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")


def _quoted_words(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[str]:
    """The lower-cased words inside quotation marks within `[start, end)`."""
    words: list[str] = []
    index = max(0, bisect_right([q[0] for q in quotes], start) - 1)
    for quote_start, quote_end in quotes[index:]:
        if quote_start >= end:
            break
        lo, hi = max(start, quote_start), min(end, quote_end)
        if lo < hi:
            words.extend(w.lower() for w in _QUOTED_WORD.findall(text, lo, hi))
    return words


_WORD = re.compile(r"[^\W\d_]{2,}")


_CODE_LINE = 120
"""Lines longer than this, not indented, are never taken for code (so prose is not counted)."""


def is_code_line(text: str, start: int, end: int) -> bool:
    """Whether the line `text[start:end]` is a line of code or data kept as it was laid out
    (no prose, and indented as a web page's preformatted block is imported, or mostly
    symbols: "    list: [", "rekt: {", "]"): no sentence, and no break in what the
    paragraphs around it say. An indented paragraph of prose is no such line."""
    if start >= end or (end - start > _CODE_LINE and text[start] not in " \t"):
        return False  # a paragraph of prose: no need to count its words
    line = text[start:end].strip()
    if not line or is_prose(text, start, end):
        return False
    symbols = sum(1 for ch in line if not ch.isalnum() and not ch.isspace())
    return text[start] in " \t" or symbols * 4 >= len(line) or line.endswith(("{", "[", "("))


def is_prose(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` reads as prose (three words or more, few symbols), not code
    or a table."""
    span = text[start:end]
    symbols = sum(1 for ch in span if not ch.isalnum() and not ch.isspace())
    return len(_WORD.findall(span)) >= 3 and symbols * 6 <= len(span)


_PAGE_FURNITURE = re.compile(
    r"\s*(?:\[|(?:Follow|Read|Sign|Subscribe|Click|See|Watch|Share|Download|Listen|Visit|Join"
    r"|Email|Contact|Like)\b)"
)
"""A line of the page, not of the article: a link in brackets, or one telling the reader
what to do."""


_SOURCED_HEADLINE = re.compile(
    r"(?P<head>[A-Z][^\n()]{8,200}?)[^\S\n]+\((?P<source>[A-Z][\w’'.&-]*(?:[^\S\n]+[\w’'.&-]+){0,5})\)$"
)


def sourced_headline(text: str, start: int, end: int) -> Suggestion | None:
    """A paragraph that is a headline in title case followed by the outlet it comes from in
    brackets (a digest's "Analysts Are Wary Of Oil (Think Advisor)"), as the outlet's
    suggestion; None for any other paragraph."""
    match = _SOURCED_HEADLINE.match(text, start, end)
    if match is None or match.end() != end:
        return None
    words = [w for w in match.group("head").split() if len(w) > 3]
    if len(words) < 3 or sum(w[0].isupper() for w in words) * 10 < len(words) * 8:
        return None  # not title case: a sentence ending with a bracket
    source = match.group("source")
    if source.split()[0] in ("AP", "AFP", "EPA", "Getty", "Reuters", "File", "Photo"):
        return None  # a picture credit
    return Suggestion(
        start=start,
        end=end,
        sentence=text[start:end],
        claimant=source,
        cue=f"({source})",
        attribution=Attribution.PARAPHRASE,
        sources=(),
        anonymous=False,
    )


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside square brackets opened in the paragraph at `start` (a
    link: "[The 10 Weirdest Ways We Deal with the Dead]")."""
    before = text[start:pos]
    return before.count("[") > before.count("]")


_GOES_ON = re.compile(r"(?:Additionally|In addition|Also|For example|For instance),\s")
_REPORTED_GOES_ON = re.compile(
    r"(?:[A-Z][\w’'-]*)(?:[^\S\n]+[\w’'-]+){0,4}?[^\S\n]+would[^\S\n]+also[^\S\n]"
)
"""A sentence that goes on with what the sentence before reported, with "would also"
("Authorities would also begin scouring nearby islands")."""

_PRONOUN_LEADS = frozenset("Then Later Now Still And But Yet Again Here So Finally".split())
"""Words that may open a sentence before its subject pronoun ("Then he turns to them.")."""
TWEET_BYLINE = re.compile(
    r"^[—–-][^\S\n]*(?P<name>[^\n()@]{2,60}?)[^\S\n]*\((?P<handle>@\w{1,30})\)[^\n]{0,40}$",
    re.M,
)
"""The byline of an embedded post, on a line of its own: "— Ana Duarte (@anaduarte) November
3, 2019"."""
INLINE_BYLINE = re.compile(
    r"[^\S\n][—–][^\S\n]*(?P<name>[^\n()@—–.!?]{2,60}?)[^\S\n]*\((?P<handle>@\w{1,30})\)"
    rf"[^\S\n]*(?:{POST_DATE})?[^\S\n]*$",
    re.M,
)
"""The byline of an embedded post run onto the end of its text's line, as extractions
flatten an embed: "Power is out at the depot — Ana Duarte (@anaduarte) November 3, 2019"."""
_SHORT_LINE = 40
"""Lines of an embedded post this short, in lower case, belong to it even when they end in
a full stop ("on. meth. dot. com.")."""


def _post_line(paragraph: str) -> bool:
    """Whether a line ending in a full stop is still a line of a post: short, and not
    opening like a sentence of prose (a capital letter)."""
    line = paragraph.strip()
    return len(line) <= _SHORT_LINE and not line[:1].isupper()


_LINE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def embedded_posts(text: str) -> dict[int, tuple[str, str]]:
    """Paragraph start -> (author, byline) for the paragraphs of posts embedded with a byline
    after them: on a line of its own, the paragraph just before the byline and those before
    it that end without a full stop (the line breaks of one post); run onto the end of the
    post's line, that line and the short lines before it."""
    posts: dict[int, tuple[str, str]] = {}
    for match in TWEET_BYLINE.finditer(text):
        post = _byline_of(match)
        if post is None or match.start() == 0:
            continue
        # the line break before the byline; the paragraph before it is the post's
        first = text.rfind("\n", 0, match.start() - 1) + 1
        if not text[first : match.start() - 1].strip() or TWEET_BYLINE.match(
            text, first, match.start() - 1
        ):
            continue
        posts[first] = post
        _lines_before(
            text,
            first,
            post,
            posts,
            lambda line, _: (
                not (_LINE_END.search(line) and not _post_line(line))
                and not TWEET_BYLINE.match(line)
            ),
        )
    for match in INLINE_BYLINE.finditer(text):
        post = _byline_of(match)
        first = text.rfind("\n", 0, match.start()) + 1
        if post is None or not text[first : match.start()].strip():
            continue  # a byline on a line of its own: read above
        posts[first] = post
        _lines_before(
            text, first, post, posts, lambda line, start: _post_line(line) and start not in posts
        )
    return posts


def _byline_of(match: re.Match[str]) -> tuple[str, str] | None:
    """(author, byline) of an embedded post's byline, None when the name has no letter (a
    display name may be in lower case: "tall glass of coquito")."""
    author = match.group("name").strip()
    if not any(c.isalpha() for c in author):
        return None
    return author, f"— {author} ({match.group('handle')})"


def _lines_before(
    text: str,
    first: int,
    post: tuple[str, str],
    posts: dict[int, tuple[str, str]],
    more: Callable[[str, int], bool],
) -> None:
    """Give `post` the paragraphs before the one at `first`, back to a blank one or the
    first that `more(paragraph, its start)` refuses."""
    end = first - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        paragraph = text[start:end]
        if not paragraph.strip() or not more(paragraph, start):
            break
        posts[start] = post
        end = start - 1


"""A sentence that goes on with the claim of the sentence before ("Additionally, ...")."""
