"""Choosing the attribution of one sentence among its cues: which cue names the claimant,
which ones only relay ("..., the Gazette writes", "As Mashable reports, ..."), whose words
a that-clause holds ("Our sources say Lupita told police ..."), and which clauses carry a
claimant of their own ("A pledged ..., but B acknowledged ...")."""

from __future__ import annotations

from dataclasses import replace

from claimmark.store.models import Attribution
from claimmark.store.suggest.claimants import Candidate
from claimmark.store.suggest.cues import find_candidates
from claimmark.store.suggest.hedges import find_hedge, first_person_told
from claimmark.store.suggest.names import looks_like_first_name
from claimmark.store.suggest.phrases import (
    clean_claimant,
    is_anonymous,
    phrase_after,
    proper_part,
)
from claimmark.store.suggest.referents import Referent
from claimmark.store.suggest.relays import Citation, find_relays
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.suggestion import UNNAMED, Suggestion
from claimmark.store.suggest.tokens import Token
from claimmark.store.suggest.words import (
    CONDEMN_VERBS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    SHOW_VERBS,
    STRONG_VERBS,
    VERDICT_VERBS,
)

_NOBODY = frozenset(
    """it's it’s that's that’s there's there’s here's here’s what's what’s this these those
    the a an""".split()
)
"""Claimants that name nobody ("It's a term coined by the media to describe ...")."""


def choose(sentence: Sentence) -> list[Suggestion]:
    """The suggestions for one sentence: none when it holds no usable cue, one per clause
    when clauses joined by "but", "and", "while" or ";" each name their own claimant."""
    candidates = [c for c in find_candidates(sentence) if c.claimant.lower() not in _NOBODY]
    told = first_person_told(sentence)
    if told is not None and all(
        told.start() < sentence.tokens[max(c.subject_at, c.pos, 0)].start for c in candidates
    ):
        candidates = []  # "We’re told the footage shows ...": the writer's unnamed sources
    if not candidates:
        hedge = find_hedge(sentence)
        if not hedge:
            return []
        return [
            Suggestion(
                start=sentence.start,
                end=sentence.end,
                sentence=sentence.text[sentence.start : sentence.end],
                claimant=UNNAMED,
                cue=hedge,
                attribution=(
                    Attribution.DIRECT_QUOTE if sentence.quote_words >= 3 else Attribution.ANONYMOUS
                ),
                sources=(),
                anonymous=True,
            )
        ]
    citations, outlets = find_relays(sentence)
    found: list[Suggestion] = []
    for first, stop, start, end in clauses(sentence, candidates):
        in_clause = [c for c in candidates if first <= c.pos < stop]
        if not in_clause:
            continue
        suggestion = choose_in_clause(
            sentence,
            in_clause,
            [c for c in citations if first <= c[0] < stop],
            [name for at, name in outlets if first <= at < stop],
            start,
            end,
        )
        found.append(suggestion)
    hedged = hedge_before(sentence, candidates)
    if hedged is not None and found and found[0].start == sentence.start:
        hedged_clause, rest = hedged
        found[0] = replace(found[0], start=rest, sentence=sentence.text[rest : found[0].end])
        found.insert(0, hedged_clause)
    return found


def hedge_before(sentence: Sentence, candidates: list[Candidate]) -> tuple[Suggestion, int] | None:
    """A clause with a speakerless hedge before the first clause that names a claimant
    ("Officials were accused of hiding it—and the mayor admitted that ..."): its own
    suggestion, claimant unnamed sources, and where the next clause starts; None when
    there is none."""
    tokens = sentence.tokens
    first = min(c.subject_at if c.subject_at >= 0 else c.pos for c in candidates)
    end = -1
    at = first - 1
    while at > sentence.first:
        if tokens[at].lower == "and" and tokens[at - 1].text in (",", "—", "–", ";"):
            end = tokens[at - 1].start
            break
        if tokens[at].text == ";":
            end = tokens[at].start
            break
        at -= 1
    if end < 0 or at + 1 >= len(tokens):
        return None
    hedge = find_hedge(sentence)
    if not hedge or sentence.text.find(hedge, sentence.start, end) < 0:
        return None
    suggestion = Suggestion(
        start=sentence.start,
        end=end,
        sentence=sentence.text[sentence.start : end],
        claimant=UNNAMED,
        cue=hedge,
        attribution=Attribution.ANONYMOUS,
        sources=(),
        anonymous=True,
    )
    return suggestion, tokens[at + 1].start


_COORDINATORS = frozenset("but and while whereas yet although though;".split()) | {";"}
_LATER_CLAUSE = frozenset("after before as since until because".split())
"""Subordinators after a comma that open a later clause of its own ("..., after Politico
reported ...", "... even as the budget office estimated ...")."""
_SUBORDINATORS = frozenset("while whereas although though".split())
"""Words that open a sentence on a clause of its own before the main one ("While A
insists ..., B says ...")."""


def clauses(sentence: Sentence, candidates: list[Candidate]) -> list[tuple[int, int, int, int]]:
    """The clauses of the sentence that carry their own claimant, as (first token, stop
    token, start offset, end offset): "A pledged ..., but B acknowledged that ..." and "A
    said ... and B said ..." are two; a sentence with one claimant is one clause."""
    tokens = sentence.tokens
    main = sorted((c for c in candidates if not c.relative), key=lambda c: c.pos)
    bounds: list[tuple[int, int]] = []  # (coordinator token, first token of the next clause)
    previous: Candidate | None = None
    opens_subordinate = bool(tokens) and tokens[0].lower in _SUBORDINATORS
    for candidate in main:
        subject = candidate.subject_at
        if (
            previous is None
            or candidate.kind == "according"
            or subject <= previous.pos
            or candidate.claimant == previous.claimant
            or tokens[subject].quoted
            or any(t.text == "," for t in tokens[subject : candidate.pos])
        ):
            previous = candidate
            continue
        joiner = tokens[subject - 1]
        if joiner.lower in _COORDINATORS and (
            # a clause of its own: a subject that can open one, right before its verb
            tokens[subject].capitalised
            or tokens[subject].lower in DETERMINERS
            or tokens[subject].lower in PERSONAL_PRONOUNS
            # or any subject after a comma and "but", "whereas" ... or a semicolon
            or (
                tokens[subject].is_word
                and (joiner.text == ";" or (subject >= 2 and tokens[subject - 2].text == ","))
            )
        ):
            coordinator = subject - 1
            if coordinator > 0 and tokens[coordinator - 1].text == ",":
                coordinator -= 1
            bounds.append((coordinator, subject))
        elif (
            joiner.lower in _LATER_CLAUSE
            and subject >= 2
            and (tokens[subject - 2].text == "," or tokens[subject - 2].lower == "even")
            and (tokens[subject].capitalised or tokens[subject].lower in DETERMINERS)
        ):
            # "Volker said he raised it in August, after Politico reported the aid had been
            # paused": a clause of its own, with its own claimant
            coordinator = subject - 2 if tokens[subject - 2].text == "," else subject - 3
            bounds.append((max(coordinator, 0), subject - 1))
        elif (
            joiner.text == ","
            and opens_subordinate
            and not bounds
            and all(t.text != "," for t in tokens[previous.pos : subject - 1])
        ):
            # "While the mayor insists ..., critics say ...": the main clause after the comma
            bounds.append((subject - 1, subject))
        previous = candidate
    if not bounds:
        return [(0, len(tokens), sentence.start, sentence.end)]
    found: list[tuple[int, int, int, int]] = []
    first, start = 0, sentence.start
    for coordinator, next_first in bounds:
        found.append((first, coordinator, start, tokens[coordinator - 1].end))
        first, start = next_first, tokens[next_first].start
    found.append((first, len(tokens), start, sentence.end))
    return found


def is_as_aside(sentence: Sentence, candidate: Candidate) -> bool:
    """Whether the cue is an aside "As X reports," before the clause it relays."""
    tokens = sentence.tokens
    subject = candidate.subject_at
    return (
        candidate.kind == "verb"
        and subject >= 1
        and tokens[subject - 1].lower == "as"
        and candidate.pos + 1 < len(tokens)
        and tokens[candidate.pos + 1].text == ","
    )


_ALLEGING_VERBS = frozenset("alleged alleges allege claimed claims asserted asserts".split())
"""Verbs whose that-clause may report what someone else admitted or said."""
_PROPOSITION_VERBS = STRONG_VERBS | frozenset(
    """warned warns claimed claims insisted insists argued argues admitted admits
    acknowledged acknowledges denied denies promised promises pledged pledges vowed vows
    announced announces confirmed confirms""".split()
)
"""Verbs whose object is what was said: a trailing "..., the Gazette writes" after one of
them relays that statement rather than making its own."""
_BLAME_VERBS = CONDEMN_VERBS | VERDICT_VERBS
"""Verbs of blame or judgement: when the same speaker also says something in the clause,
that statement is the cue."""


def choose_in_clause(
    sentence: Sentence,
    candidates: list[Candidate],
    citations: list[Citation],
    outlets: list[str],
    start: int,
    end: int,
) -> Suggestion:
    """The suggestion for one clause (`text[start:end]`) among its cues."""
    tokens = sentence.tokens
    main = [c for c in candidates if not c.relative] or candidates
    trailing = [c for c in main if c.trailing]
    verbs = [c for c in main if c.kind != "according"]
    accordings = [c for c in candidates if c.kind == "according"]
    outer: list[str] = []
    chosen: Candidate = trailing[0] if trailing else main[0]
    if chosen.kind == "verb" and tokens[chosen.pos].lower in _BLAME_VERBS:
        # "The governor condemned the attack and said ...": the statement, not the blame
        said = [
            c
            for c in candidates
            if c.kind == "verb"
            and c.pos > chosen.pos
            and c.claimant == chosen.claimant
            and tokens[c.pos].lower in _PROPOSITION_VERBS
        ]
        if said:
            chosen = said[0]
    if chosen.kind == "according" and verbs and verbs[0].pos < chosen.pos:
        chosen = verbs[0]
    elif (
        chosen.kind == "according"
        and not chosen.trailing
        and tokens[sentence.first].lower in ("according", "but", "and")
    ):
        # "But according to NPR's Feng, Li Jifeng ... wrote in a blog post that ...": the
        # writer's words, relayed by the one the sentence opens with
        writers = [
            c
            for c in verbs
            if c.pos > chosen.pos
            and not c.relative
            and c.kind in ("verb", "pronoun")
            and c.subject_at > chosen.pos
            and tokens[c.subject_at].capitalised  # a name writes: "Li Jifeng ... wrote"
            and tokens[c.pos].lower in _PROPOSITION_VERBS
        ]
        if chosen.role == "document" or chosen.claimant.split()[-1].lower() in DOCUMENT_NOUNS:
            writers = []  # "According to the survey, nurses said": the survey's finding
        if writers:
            outer.extend(chosen.relays or [chosen.claimant])
            chosen = writers[0]
    relay: Candidate | None = None
    asides = [c for c in verbs if c is not chosen and not is_as_aside(sentence, c)]
    if is_as_aside(sentence, chosen) and asides:
        # "As Mashable reports, the company announced that ...": Mashable relays
        outer.append(chosen.claimant)
        chosen = asides[0]
    if chosen.trailing and chosen.kind != "according":
        # "Donald Trump told leaders ..., the Gazette writes": the Gazette relays Trump
        earlier = [
            c
            for c in verbs
            if c.pos < chosen.subject_at
            and not c.trailing
            and c.claimant != chosen.claimant
            and tokens[c.pos].lower in _PROPOSITION_VERBS
        ]
        # "During the call, he asked ... and said, “...,” the office said": the quotation
        # is his, relayed by the office
        quoting = [
            c
            for c in candidates
            if c.relative
            and c.kind in ("verb", "pronoun")
            and c.pos < chosen.subject_at
            and c.claimant != chosen.claimant
            and tokens[c.pos].lower in STRONG_VERBS
            and _quotation_next(tokens, c.pos)
        ]
        if quoting and chosen.subject_at >= 0:
            relay, chosen = chosen, quoting[-1]
        elif earlier and chosen.subject_at >= 0:
            relay, chosen = chosen, earlier[0]
    else:
        # "Our sources say Lupita told police ...": Lupita's words, relayed by the sources
        inner = [
            c
            for c in verbs
            if c.pos > chosen.pos
            and c.kind == "verb"
            and c.claimant != chosen.claimant
            and (
                (
                    (
                        tokens[c.pos].lower in STRONG_VERBS
                        # "prosecutors alleged that Noel acknowledged to supervisors that"
                        or (
                            tokens[chosen.pos].lower in (_ALLEGING_VERBS | STRONG_VERBS)
                            and tokens[c.pos].lower in _PROPOSITION_VERBS
                        )
                    )
                    and c.subject_at > chosen.pos
                    and all(t.lower == "that" for t in tokens[chosen.pos + 1 : c.subject_at])
                )
                # "Previously unseen papers show Mrs Calloway warned that ...": the papers
                # relay her warning
                or (
                    tokens[chosen.pos].lower in SHOW_VERBS
                    and c.pos > chosen.pos + 1
                    and all(t.capitalised for t in tokens[chosen.pos + 1 : c.pos])
                )
            )
        ]
        if inner and chosen.kind in ("verb", "pronoun"):
            outer.append(chosen.claimant)
            chosen = inner[0]
    quoted_speaker = speaker_inside_quotation(sentence, chosen)
    if quoted_speaker is not None:
        # "“Rick Fleming said Tuesday he will ...,” reports Ted Knutson": the reporter
        # relays the speaker his quotation names
        outer.append(chosen.claimant)
        chosen = quoted_speaker
    if chosen.kind != "according" and accordings and accordings[0].pos > chosen.pos:
        according = accordings[0]  # "..., according to a report in the Gazette": a relay
        outer.extend(according.relays or [according.claimant])
    chain = [*outer, *chosen.relays, *outlets]
    claimant = chosen.claimant
    anonymous = chosen.anonymous
    cue = chosen.cue
    subject_start = chosen.subject_at if chosen.subject_at >= 0 else chosen.pos
    if relay is not None:
        # the relay and whatever it quotes, outermost first: "..., Outlet A writes,
        # quoting an article by Outlet B" -> [Outlet A, Outlet B]
        chain = [*outer, relay.claimant, *(c[1] for c in citations if c[0] > relay.pos)]
        chain += [*chosen.relays, *outlets]
        later: list[Citation] = []
        opening: list[Citation] = []
    else:
        later = [c for c in citations if c[0] > subject_start]
        # "Citing two people familiar with the talks, Bloomberg reported that ...": a
        # participle opening the clause relays the same way as a trailing one
        opening = [
            c
            for c in citations
            if c[0] < subject_start
            and tokens[c[0]].lower in ("citing", "quoting")
            and (c[0] == 0 or tokens[c[0] - 1].start < start or tokens[c[0] - 1].lower in _OPENERS)
        ]
        later[:0] = opening
    if later:
        # "X writes, quoting an article by Y" / "X, citing Y, which cited Z"
        for _, inner_claimant, inner_anonymous, _ in later:
            chain.append(claimant)
            claimant, anonymous = inner_claimant, inner_anonymous
        if opening:
            cue = f"{later[0][3]} ... {cue}"
        else:
            cue = cue.removesuffix(" that") + ", " + later[0][3]
    sources = tuple(dict.fromkeys(s for s in chain if s and s != claimant))
    quoted = sum(1 for t in tokens if t.quoted and t.is_word and start <= t.start < end)
    if quoted >= 3:
        attribution = Attribution.DIRECT_QUOTE
    elif anonymous:
        attribution = Attribution.ANONYMOUS
    else:
        attribution = Attribution.PARAPHRASE
    sentence.referents.remember(start, end, chosen, claimant, anonymous, bool(later))
    return Suggestion(
        start=start,
        end=end,
        sentence=sentence.text[start:end],
        claimant=claimant,
        cue=cue,
        attribution=attribution,
        sources=sources,
        anonymous=anonymous,
        description=chosen.description if claimant == chosen.claimant else "",
    )


def _quotation_next(tokens: list[Token], verb: int) -> bool:
    """Whether a quotation opens right after the verb, perhaps after a comma or colon."""
    at = verb + 1
    if at < len(tokens) and tokens[at].text in (",", ":") and not tokens[at].quoted:
        at += 1
    return at < len(tokens) and tokens[at].quoted


_OPENERS = frozenset("but and yet so also".split())
"""Words that may stand before a participle opening a clause ("But citing ...")."""
_RELAYING_VERBS = frozenset("reports reported writes wrote".split())
_QUOTED_CUES = frozenset(
    """said says told admitted announced confirmed warned acknowledged denied insisted
    argued claimed""".split()
)


def speaker_inside_quotation(sentence: Sentence, chosen: Candidate) -> Candidate | None:
    """The speaker a reporter's quotation names at its start ("“F-Squared Investments Inc.,
    which builds portfolios, admitted it misled clients ...,” reports Corrie Driebusch"),
    when the cue is a reporter's "reports" or "writes" after the quotation; else None."""
    tokens = sentence.tokens
    if tokens[chosen.pos].lower not in _RELAYING_VERBS or not tokens or not tokens[0].quoted:
        return None
    if chosen.subject_at < chosen.pos or chosen.pos == 0 or not tokens[chosen.pos - 1].quoted:
        if not (chosen.pos >= 2 and tokens[chosen.pos - 1].text in ("”", '"', ",")):
            return None
    words = [t for t in tokens[: chosen.pos] if t.quoted and t.is_word]
    if len(words) < 4 or not words[0].capitalised:
        return None
    name: list[Token] = []
    for token in words:
        if token.capitalised or (name and token.lower in ("of", "and", "the")):
            name.append(token)
        else:
            break
    if not name or name[-1].lower in ("of", "and", "the"):
        return None
    if len(name) < 2:
        return None  # "Prices are rising ...": one capitalised word opens any sentence
    after = words[len(name) :]
    # the cue right after the name, after a date ("said Tuesday"), or after an appositive
    # between commas ("Inc., which builds portfolios, admitted")
    cue_at = -1
    if after and after[0].lower in _QUOTED_CUES:
        cue_at = 0
    else:
        name_end = tokens.index(name[-1])
        if name_end + 1 < len(tokens) and tokens[name_end + 1].text == ".":
            name_end += 1  # "Inc.", "Corp."
        if name_end + 1 < len(tokens) and tokens[name_end + 1].text == ",":
            for index in range(name_end + 2, min(len(tokens), name_end + 20)):
                if tokens[index].text == "," and index + 1 < len(tokens):
                    if tokens[index + 1].lower in _QUOTED_CUES:
                        cue_at = words.index(tokens[index + 1]) - len(name)
                    break
    if cue_at < 0:
        return None
    for at in range(1, len(name) - 1):
        # "... Investor Advocate Rick Fleming": the person's name starts at a first name
        if looks_like_first_name(name[at].lower) and not looks_like_first_name(name[at - 1].lower):
            name = name[at:]
            break
    text = sentence.text[name[0].start : name[-1].end]
    referents = sentence.referents
    claimant = referents.expand(proper_part(text), name[0].start)
    speaker = Candidate("verb", chosen.pos, claimant, after[cue_at].text, False)
    speaker.subject_at = chosen.subject_at
    speaker.role = "person" if referents.names.is_person(claimant) else "org"
    return speaker


def remember_subject(sentence: Sentence) -> None:
    """Record an unnamed person that opens the sentence, with the gender its pronouns give."""
    tokens = sentence.tokens
    phrase = phrase_after(tokens, sentence.first, sentence.text, limit=8)
    if phrase is None or phrase.head not in PEOPLE_NOUNS and phrase.head not in ("woman", "man"):
        return
    gender = ""
    for token in tokens[phrase.stop :]:
        if token.lower in ("she", "her", "herself"):
            gender = "f"
            break
        if token.lower in ("he", "his", "him", "himself"):
            gender = "m"
            break
    name = clean_claimant(phrase.text, True)
    sentence.referents.people.append(
        Referent(sentence.start, name, gender, is_anonymous(phrase, tokens), sentence.end)
    )
