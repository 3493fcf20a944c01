"""Attribution cues in a sentence: reporting verbs (`said`, `told reporters that`, `has since
indicated`), `according to` and `per`, `, saying`, passives (`was confirmed by`), inversions
after a quotation (`...,” said Frank Doyle`), and the quick filter that skips sentences
without any cue. The cues that are not a reporting verb are in `special_cues`; hedges and
relays in `hedges` and `relays`.

Cues are looked for outside quotations only. Each cue yields a `claimants.Candidate`.
"""

from __future__ import annotations

import re

from claimmark.store.suggest.claimants import (
    ONE_PERSON,
    Candidate,
    antecedent,
    is_role_appositive,
    main_clause_start,
    pronoun_candidate,
    resolve_definite,
    sentence_subject,
    subject_before_comma,
    subject_candidate,
    unclosed_appositive,
    unwrap,
)
from claimmark.store.suggest.names import PARTICLES, is_outlet_name, looks_like_first_name
from claimmark.store.suggest.phrases import (
    NounPhrase,
    clean_claimant,
    has_proper_name,
    is_known_word,
    is_plural,
    looks_like_people,
    make_phrase,
    phrase_after,
    phrase_before,
)
from claimmark.store.suggest.sentence import Sentence
from claimmark.store.suggest.special_cues import (
    CLEAR_ADJECTIVES,
    VIEW_NOUNS,
    claim_noun_candidate,
    clear_to_candidate,
    colon_candidate,
    findings_candidate,
    in_view_candidate,
    learned_candidate,
    message_candidate,
    opens_with_view,
    stance_candidate,
    view_of_candidate,
    words_candidate,
)
from claimmark.store.suggest.suggestion import UNNAMED
from claimmark.store.suggest.tokens import Token
from claimmark.store.suggest.words import (
    AGENCY_NOUNS,
    BASE_FORMS,
    CLAIM_NOUNS,
    CLAIM_OBJECTS,
    CLAUSE_MARKS,
    COLLECTIVE_NOUNS,
    COMPANY_KIND_NOUNS,
    COMPANY_NOUNS,
    CONCERN_NOUNS,
    CONCERN_VERBS,
    DEFEND_VERBS,
    DEFENDED_OBJECTS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EVIDENTIAL_VERBS,
    FINDING_PHRASE_OPENERS,
    FINDING_VERBS,
    FORECASTING,
    FORMS_OF_BE,
    FUNCTION_WORDS,
    HEDGE_PARTICIPLES,
    IDENTIFY_VERBS,
    INVERSION_VERBS,
    LY_NOT_ADVERBS,
    NAMING_VERBS,
    NEGATIONS,
    NOUN_PARTICIPLES,
    NOUN_VERBS,
    OPENING_ADVERBIALS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PERFECT_ONLY,
    PERSON_ROLES,
    PERSONAL_PRONOUNS,
    PHRASE_PREPOSITIONS,
    QUOTE_VERBS,
    READ_VERBS,
    RECOMMEND_VERBS,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    ROLE_TITLES,
    SEE_VERBS,
    SHOW_VERBS,
    SKIPPABLE_BEFORE_VERB,
    SPEECH_PARTICIPLES,
    STANCE_ADJECTIVES,
    STRONG_VERBS,
    THAT_COMPLEMENT_VERBS,
    THAT_VERBS,
    TIME_WORDS,
    VERB_COMPLEMENTS,
    VERDICT_VERBS,
    WORK_NOUNS,
    WORRY_VERBS,
)


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for `words` with their common prefixes shared ("said|says"
    -> "sa(?:id|ys)"): Python's engine tries alternatives one by one, so a shared prefix is
    read once instead of once per word."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # the longer words first: "(?:...)?" is greedy, and the \b after the whole
            # pattern sends it back to the shorter word when the longer one does not fit
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _hint_pattern() -> re.Pattern[str]:
    """The quick filter: any word that can be a cue by itself, and the words that are cues
    only with what follows them ("found that", "made the case", "called ... “...”") with it."""
    alone = (
        SPEECH_PARTICIPLES
        | HEDGE_PARTICIPLES
        | NOUN_PARTICIPLES
        | STANCE_ADJECTIVES
        | (REPORTING_VERBS - VERB_COMPLEMENTS.keys() - NAMING_VERBS)
        | QUOTE_VERBS
        | INVERSION_VERBS  # "“...,” comments Robin Biesbroek"
        | THAT_COMPLEMENT_VERBS  # beside a quotation they need no "that"
        | frozenset(
            """According according citing quoting Per per reportedly allegedly purportedly
            supposedly reputedly understood learned learnt words""".split()
        )
        | FORECASTING
    )
    parts = [_trie_pattern(sorted(alone))]
    parts.append(r"seen\s+by|interview\s+with")
    parts.append(r"[Bb]y\s+(?:all|most|many|some|several|other)\s+accounts")
    parts.append(r"(?:clear|obvious|apparent|evident|plain)\s+to\s+[^.]{1,60}?\s+that")
    parts.append(r"Among\s+(?:its|their)\s+(?:\w+\s+){0,2}findings")
    parts.append(
        r"(?:belief|theory|thinking|assumption|consensus|view|suspicion|expectation)"
        r"\s+(?:is|was|has\s+been)\s+that"
    )
    for verb, needs in VERB_COMPLEMENTS.items():
        followers = "|".join(r"\s+".join(re.escape(w) for w in words) for words in needs)
        # a finding verb may have a phrase before its "that" ("found in a 2024 study that")
        gap = r"(?:\s+[\w’'-]+){0,6}?" if verb in FINDING_VERBS else ""
        parts.append(rf"{re.escape(verb)}{gap}\s+(?:{followers})")
    for verb in SHOW_VERBS:
        parts.append(re.escape(verb))  # "Documents show the council paid ..."
    parts.append(r"accept(?:ed|s)")  # "accepted his side had not played well"
    parts.append(r"(?:promising|pledging|vowing)\s+to")  # "is promising to bring order"
    # "claims emerged on Facebook that": claims with no owner (`hedges.CLAIMS_EMERGED`)
    parts.append(r"(?:emerged|surfaced|circulated)")
    # "..., a new survey found.": a finding verb that closes the sentence
    parts.append(r"(?:found|finds|concluded|concludes|estimated|estimates)(?=\s*[.!?;,])")
    naming = "|".join(sorted(NAMING_VERBS, key=len, reverse=True))
    parts.append(rf"(?:{naming})\b[^.\n]{{0,100}}?[“\"‘']")
    parts.append(r"put\s+it(?=\s*[,:])")  # "As Ana Vell put it, ..."
    parts.append(r"To\s+(?:[A-Z][\w’'.-]*|many|most|some)")  # "To LeBron James, ..."
    views = "|".join(sorted(VIEW_NOUNS))
    parts.append(rf"In\s+[^,.;]{{2,40}}?\s(?:{views})")  # "In her view, ..."
    # "called him a sore loser", "branded the proposal unworkable" (`_named_as`)
    parts.append(r"call(?:ed|s)?(?:\s+[\w’'-]+){1,3}?\s+an?|branded|label(?:l?ed)")
    claims = "|".join(sorted(CLAIM_NOUNS, key=len, reverse=True))
    parts.append(rf"(?:{claims})\s+(?:that|by)")
    return re.compile(rf"\b(?:{'|'.join(parts)})\b|:\s*[“\"‘«]")


SHOWING_NOUNS = DOCUMENT_NOUNS - frozenset({"results"})
"""Documents that show something without a `that` ("tests showed the water was clean");
results do so only with one (a score: "the results show the team is improving")."""


def _reports_nothing_here(tokens: list[Token], verb: int) -> bool:
    """Whether the verb at `verb` lacks the words it needs to report anything: "state of"
    ("the US state of Maine"), "views" with no "as" ("viewed the footage"), "dismissed"
    with no claim after it ("dismissed the players early"; but "dismissed media
    reports")."""
    word = tokens[verb].lower
    following = tokens[verb + 1].lower if verb + 1 < len(tokens) else ""
    if word in ("state", "states"):
        return following == "of"
    if word in _VIEW_VERBS:
        return not _as_follows(tokens, verb)
    if word in ("dismissed", "dismisses"):
        return not any(t.lower in _DISMISSED_CLAIMS for t in tokens[verb + 1 : verb + 4])
    return False


_VIEW_VERBS = frozenset("views viewed view regards regarded regard".split())
"""Verbs of a view held, reported when "as" follows ("which Apple views as a right")."""


def _as_follows(tokens: list[Token], verb: int) -> bool:
    """Whether "as" follows the verb at `verb` within a few words of its object ("views
    privacy as", "regard Europa as", "views as"), with no other verb or punctuation first."""
    for token in tokens[verb + 1 : verb + 7]:
        if token.lower == "as":
            return True
        if not token.is_word or token.quoted or token.lower in REPORTING_VERBS:
            return False
    return False


_DISMISSED_CLAIMS = frozenset(
    """reports claims allegations suggestions suggestion criticism criticisms rumours rumors
    speculation concerns fears accusations idea notion talk comparisons""".split()
)
"""What "dismissed" takes to report a stance ("dismissed media reports linking him to")."""
_CLOSING_FINDINGS = frozenset("found finds concluded concludes estimated estimates".split())
"""Verbs that close a clause after a comma with a document as their subject and the finding
before them ("Fewer teens smoke, a new survey found.")."""

CUE_HINT = _hint_pattern()
"""A quick filter: a sentence without any of these holds no cue."""

_PROGRESSIVES = frozenset(
    """saying claiming arguing insisting warning suggesting predicting denying
    alleging complaining expecting forecasting estimating projecting promising pledging
    vowing""".split()
)
_PLEDGING = frozenset("promising pledging vowing".split())
"""Progressives of a pledge, reported with "to" ("is promising to bring order")."""


_ADVISE_VERBS = frozenset("advised advises advise".split())


def _advice_follows(tokens: list[Token], verb: int) -> bool:
    """Whether advice follows "advised": a gerund ("advised stuffing the peephole") or an
    object and "to" ("advised residents to stay indoors"), not "advised the president"."""
    if tokens[verb].lower not in _ADVISE_VERBS or verb + 1 >= len(tokens):
        return False
    following = tokens[verb + 1]
    if following.lower.endswith("ing") and not following.capitalised:
        return True
    for token in tokens[verb + 1 : verb + 6]:
        if not token.is_word or token.quoted:
            return False
        if token.lower == "to":
            return True
    return False


def _figure_follows(tokens: list[Token], at: int) -> bool:
    """Whether a figure ("$2.52", "3.5%", "40 percent") follows within a few words."""
    for token in tokens[at + 1 : at + 5]:
        if token.text[:1].isdigit() or token.text in ("$", "£", "€", "¥"):
            return True
        if not token.is_word and token.text not in ("$", "£", "€"):
            return False
    return False


"""Reporting verbs in the progressive, with `that` or a quotation after them ("have been
saying for years that", "is claiming that"; not "is saying goodbye")."""
_BE_FORMS = frozenset("is are was were been be".split())

MAX_CUES_PER_SENTENCE = 24
"""Cue words looked at per sentence: more is not prose, and would only cost time."""


def find_candidates(sentence: Sentence) -> list[Candidate]:
    """Every cue of the sentence (outside quotations) with the claimant it points to."""
    tokens = sentence.tokens
    found: list[Candidate] = []
    tried = 0
    for at, token in enumerate(tokens):
        if token.quoted or not (token.is_word or token.text == ":"):
            continue
        word = token.lower
        candidate: Candidate | None = None
        if (
            token.capitalised
            and at > sentence.first
            and tokens[at - 1].is_word
            and tokens[at - 1].capitalised
            and word != "according"
        ):
            continue  # "the United States and China", "Consumer Reports": a name, no verb
        if word == "according" and at + 1 < len(tokens) and tokens[at + 1].lower == "to":
            candidate = according_candidate(sentence, at)
        elif word == "per" and (at == sentence.first or tokens[at - 1].text in (",", "—", "(")):
            candidate = according_candidate(sentence, at, skip=1, cue=token.text)
        elif word == "by" and accounts_follow(tokens, at):
            candidate = accounts_candidate(sentence, at)
        elif (
            word in SPEECH_PARTICIPLES
            and at > 0
            and (
                tokens[at - 1].lower in (",", "while", "by", "after", "before", "when")
                or _after_posting(tokens, at)
            )
            and not _participle_names_a_thing(tokens, at)
        ):
            candidate = participle_candidate(sentence, at)
        elif (
            word == "citing"
            and at > 0
            and tokens[at - 1].text == ","
            and cites_a_reason(sentence, at)
        ):
            candidate = reason_candidate(sentence, at)
        elif (
            word in _PROGRESSIVES
            and at > 0
            and tokens[at - 1].lower in _BE_FORMS
            and (
                sentence.that_follows(at)
                or sentence.quotation_follows(at)
                or (word in FORECASTING and _figure_follows(tokens, at))
                or (word in _PLEDGING and at + 1 < len(tokens) and tokens[at + 1].lower == "to")
            )
        ):
            candidate = verb_candidate(sentence, at)  # "critics have been saying that"
        elif (
            word in NOUN_PARTICIPLES
            and at > 0
            and tokens[at - 1].is_word
            and not _participle_names_a_thing(tokens, at)
        ):
            candidate = message_candidate(sentence, at)
        elif opens_with_view(sentence, at):
            candidate = in_view_candidate(sentence, at)  # "In her view, ..."
        elif word in REPORTING_VERBS or word in ("learned", "learnt"):
            candidate = verb_candidate(sentence, at)
            if (
                candidate is None
                and word in CLAIM_NOUNS
                and at + 2 < len(tokens)
                and tokens[at + 1].lower in ("that", "by")
            ):
                candidate = owned_claim_candidate(sentence, at)  # "his vow that ..."
        elif word in QUOTE_VERBS and (
            beside_quotation(sentence, at)
            or (at + 1 < len(tokens) and tokens[at + 1].lower == "that")
        ):
            candidate = verb_candidate(sentence, at)  # "he joked that ..."
        elif word in STANCE_ADJECTIVES:
            candidate = stance_candidate(sentence, at)
        elif word in CLEAR_ADJECTIVES and at + 1 < len(tokens) and tokens[at + 1].lower == "to":
            candidate = clear_to_candidate(sentence, at)
        elif word == "among" and at == sentence.first:
            candidate = findings_candidate(sentence, at)
        elif word == "to" and at == sentence.first and token.capitalised:
            candidate = view_of_candidate(sentence, at)
        elif word == "words" and at >= 2:
            candidate = words_candidate(sentence, at)
        elif word in CLAIM_NOUNS and at >= 1 and tokens[at - 1].lower.endswith(("’s", "'s")):
            candidate = claim_noun_candidate(sentence, at)
        elif (
            word in CLAIM_NOUNS and at + 2 < len(tokens) and tokens[at + 1].lower in ("that", "by")
        ):
            candidate = owned_claim_candidate(sentence, at)
        elif token.text == ":" and at + 1 < len(tokens) and tokens[at + 1].quoted:
            candidate = colon_candidate(sentence, at)
        else:
            continue
        if candidate is not None:
            found.append(candidate)
        tried += 1
        if tried == MAX_CUES_PER_SENTENCE:
            break
    return found


_POSTING_VERBS = frozenset("posted tweeted wrote took went appeared".split())
"""Verbs after which a speech participle reports the post ("posted on Twitter accusing the
label of ...", "took to Instagram saying ...")."""


def _after_posting(tokens: list[Token], at: int) -> bool:
    """Whether the speech participle at `at` follows a verb of posting within a few words
    ("posted on Twitter accusing", "went on television saying")."""
    for back in range(at - 1, max(-1, at - 6), -1):
        token = tokens[back]
        if not token.is_word or token.quoted:
            return False
        if token.lower in _POSTING_VERBS:
            return True
    return False


def _participle_names_a_thing(tokens: list[Token], at: int) -> bool:
    """Whether the -ing word at `at` is no report of speech: "threatening" without "to"
    ("closed the port, threatening fines"; not "while threatening to kill"), "warning" as
    a noun ("a tough warning about the rhetoric")."""
    word = tokens[at].lower
    following = tokens[at + 1].lower if at + 1 < len(tokens) else ""
    if word == "threatening":
        return following != "to"
    return word == "warning" and following in ("about", "over", "against", "from", "to", "on")


def according_candidate(
    sentence: Sentence, cue_at: int, skip: int = 2, cue: str = "according to"
) -> Candidate | None:
    """`according to X` (or, with `skip=1`, `Per X`): X is the claimant."""
    tokens = sentence.tokens
    phrase = phrase_after(tokens, cue_at + skip, sentence.text, limit=16)
    if phrase is None:
        return None
    if (
        phrase.stop + 2 < len(tokens)
        and tokens[phrase.stop].lower == "and"
        and tokens[phrase.stop + 1].lower in ("his", "her", "their")
        and tokens[phrase.stop + 2].is_word
    ):
        # "according to Hansen and his collaborators": the person with the people around them
        phrase = make_phrase(tokens, phrase.first, phrase.stop + 3, sentence.text) or phrase
    if skip == 1 and not (
        phrase.head in ORG_NOUNS
        or phrase.head in PEOPLE_NOUNS
        or has_proper_name(phrase, tokens, sentence.first)
    ):
        return None  # "per cent", "per head"
    if (
        phrase.stop < len(tokens)
        and tokens[phrase.stop].lower == "who"
        and phrase.head in PEOPLE_NOUNS
    ):
        # "according to two people who attended the meeting": keep the description
        stop = phrase.stop
        while stop < len(tokens) and tokens[stop].is_word and not tokens[stop].quoted:
            stop += 1
        phrase = make_phrase(tokens, phrase.first, stop, sentence.text) or phrase
    claimant, relays, anonymous, description = unwrap(sentence, phrase)
    if claimant.lower().split()[-1:] == ["reports"] and len(claimant.split()) <= 2:
        # "According to reports", "according to media reports": no one named
        claimant, anonymous = UNNAMED, True
    candidate = Candidate(
        "according",
        cue_at,
        claimant,
        cue,
        anonymous,
        relays=relays,
        subject_at=cue_at,
        description=description,
    )
    candidate.role = according_role(sentence, phrase, claimant)
    if phrase.stop - phrase.first == 2 and tokens[phrase.first].lower == "the":
        # "according to the agency", "according to the company": the body named before
        if phrase.head in AGENCY_NOUNS or phrase.head in COMPANY_NOUNS | COMPANY_KIND_NOUNS:
            resolve_definite(sentence, phrase, candidate)
        elif phrase.head in PERSON_ROLES or phrase.head in PEOPLE_NOUNS | ONE_PERSON:
            # "according to the analyst": the analyst named before; "according to the
            # man": the man the article described before ("a 43-year-old man")
            resolve_definite(sentence, phrase, candidate)
    return candidate


def according_role(sentence: Sentence, phrase: NounPhrase, claimant: str) -> str:
    """What a later pronoun or description could take the claimant of "according to" for:
    a person, a group of people ("two people familiar with the matter"), a document, an
    outlet or an organisation."""
    tokens = sentence.tokens
    if phrase.head in DOCUMENT_NOUNS:
        return "document"
    if phrase.head in PEOPLE_NOUNS or looks_like_people(phrase.head):
        return "group" if is_plural(phrase) else "person"
    if is_outlet_name(claimant):
        return "outlet"
    referents = sentence.referents
    if tokens[phrase.head_at].capitalised and referents.names.is_person(claimant):
        return "person"
    return "org"


_ACCOUNT_QUANTIFIERS = frozenset("all most many some several other".split())


def accounts_follow(tokens: list[Token], by: int) -> bool:
    """Whether "by most accounts" (all, many, some ...) stands at `by`."""
    return (
        by + 2 < len(tokens)
        and tokens[by + 1].lower in _ACCOUNT_QUANTIFIERS
        and tokens[by + 2].lower == "accounts"
    )


def accounts_candidate(sentence: Sentence, by: int) -> Candidate:
    """ "By most accounts, the law worked": the accounts, unnamed, are the claimant."""
    tokens = sentence.tokens
    claimant = f"{tokens[by + 1].lower} accounts"
    cue = sentence.text[tokens[by].start : tokens[by + 2].end]
    return Candidate("according", by, claimant, cue, True, subject_at=by)


_AFTER_A_NOUN = FORMS_OF_BE | frozenset(
    """has have had will would can could may might should must of for by from with to shows
    showed show suggests suggested says said found finds indicate indicates over on about as
    and or among between against""".split()
)
"""Words after a noun-or-verb that make it a noun ("the forecast was", "claims of")."""


def is_plural_word(word: str) -> bool:
    """Whether a lower-case word looks plural ("advertisers", "critics", "people")."""
    return (word.endswith("s") and not word.endswith("ss")) or word in ("people", "police")


def looks_like_base_verb(token: Token) -> bool:
    """Whether `token`, after "to", reads as a verb ("to fight", "to cut") rather than a
    noun phrase ("to voters", "to the city", "to Ana")."""
    word = token.lower
    return (
        token.is_word
        and not token.capitalised
        and not token.quoted
        and word not in DETERMINERS
        and word not in PERSONAL_PRONOUNS
        and word not in FUNCTION_WORDS
        and (not word.endswith("s") or word.endswith("ss"))
    )


def _document_before(sentence: Sentence, word: int) -> bool:
    """Whether the phrase before the word at `word` is headed by a document ("newly
    released files", "data from the ministry")."""
    phrase = phrase_before(sentence.tokens, word, sentence.text)
    return phrase is not None and phrase.head in DOCUMENT_NOUNS


def used_as_noun(sentence: Sentence, word: int) -> bool:
    """Whether a word that may be a reporting verb or a noun ("forecast", "reports") is a
    noun here: what follows it is what follows a noun ("the forecast was", "claims of", a
    comma or the end), unless it is "..., citing" or "As the Lamp reports, ...")."""
    tokens = sentence.tokens
    if word + 1 >= len(tokens):
        return True
    following = tokens[word + 1]
    previous = tokens[word - 1] if word > 0 else None
    if (
        following.lower == "to"
        and previous is not None
        and previous.is_word
        and previous.lower not in DETERMINERS
        and not previous.lower.endswith(("’s", "'s"))
    ):
        if is_plural_word(previous.lower) or previous.lower in PERSONAL_PRONOUNS:
            return False  # "advertisers claim to allow": a verb
        if word + 2 < len(tokens) and looks_like_base_verb(tokens[word + 2]):
            return False  # "Ana Duarte vows to fight", "the governor pledges to cut": a verb
    if following.lower in _AFTER_A_NOUN:
        return True
    if previous is not None and previous.lower.endswith("ed") and not previous.capitalised:
        return True  # "traded blame", "issued reports": the object of a verb
    if (
        word >= 3
        and previous is not None
        and previous.is_word
        and not previous.capitalised
        and tokens[word - 2].lower.endswith("ed")
        and tokens[word - 3].lower in ("has", "have", "had")
    ):
        return True  # "has dismissed media reports": the object of a verb
    if following.is_word or following.text in (":", "“", '"', "‘"):
        return False
    if (
        following.text in (".", "!", "?")
        and previous is not None
        and (
            (previous.capitalised and word - 1 > sentence.first)
            or previous.lower in PERSONAL_PRONOUNS
        )
    ):
        return False  # "..., de Miranda notes."
    if (
        following.text in (".", "!", "?")
        and previous is not None
        and sentence.tokens[word].lower in SHOW_VERBS
        and any(t.text == "," for t in tokens[max(0, word - 8) : word])
        and _document_before(sentence, word)
    ):
        return False  # "The council paid £2m for the land, documents show."
    if following.text == ",":
        if word + 2 < len(tokens) and tokens[word + 2].lower in _RELAY_PARTICIPLES:
            return False  # "The paper reports, citing two people, that ..."
        if any(t.lower == "as" for t in tokens[max(0, word - 6) : word]):
            return False  # "As the Weekly Lamp reports, ..."
    return True


_RELAY_PARTICIPLES = frozenset("citing quoting saying adding".split())
_WRITE_VERBS = frozenset("wrote writes write written".split())
_MODALS = frozenset("might could should would may must".split())

_ONSET_VERBS = frozenset(
    "began begins begin begun started starts start continued continues proceeded".split()
)
"""Verbs before "to" + a reporting verb whose subject is the speaker ("He then started to
explain ...")."""


_OPENING_MARKS = frozenset('“"‘«')
_CLOSING_MARKS = frozenset('”"’»,')


def beside_quotation(sentence: Sentence, verb: int) -> bool:
    """Whether the verb at `verb` stands beside a quotation: right after one, through a
    short subject ("“...,” Prelogar responded", "“...?” he asked", "“...,” interjected
    Alito"), or right before one, perhaps after a colon or comma ("Alito continued: “..."),
    so that a verb of speaking such as "responded" or "continued" reports it."""
    tokens = sentence.tokens
    after = verb + 1
    if after < len(tokens) and tokens[after].text in (":", ","):
        after += 1
    if after < len(tokens) and tokens[after].quoted and tokens[after].text in _OPENING_MARKS:
        return True
    at = verb - 1
    while at >= 0 and verb - at <= 5 and tokens[at].is_word and not tokens[at].quoted:
        at -= 1
    return at >= 0 and tokens[at].quoted and tokens[at].text in _CLOSING_MARKS


_SUSPECT = frozenset("suspect suspects".split())  # not "took suspected diet pills"
_QUESTION = frozenset("question questions questioned".split())
_THATLESS_ACCEPT = frozenset("accepted accepts".split())
"""Verbs that report with a clause whose "that" is left out, as well as with "that"."""


def has_complement(sentence: Sentence, verb: int) -> bool:
    """Whether a verb that needs particular words after it ("found that", "put it to") has
    them (true for verbs that need none)."""
    word = sentence.tokens[verb].lower
    needs = VERB_COMPLEMENTS.get(word)
    if needs is None:
        return True
    after = [t.lower for t in sentence.tokens[verb + 1 : verb + 3]]
    if any(after[: len(words)] == list(words) for words in needs):
        return True
    tokens = sentence.tokens
    if (
        word in FINDING_VERBS
        and after[:1] == [","]
        and any(tokens[at].text == "," for at in range(max(0, verb - 4), verb - 1))
    ):
        return True  # "ILC2s, he found, release cytokines": a finding set in commas
    if (
        word == "put"
        and after[:1] == ["it"]
        and any(t.lower == "as" for t in tokens[max(0, verb - 6) : verb])
    ):
        return True  # "As Ana Vell put it, ..."
    if (
        word in _THATLESS_ACCEPT
        and verb + 1 < len(sentence.tokens)
        and sentence.tokens[verb + 1].is_word
        and _clause_follows(sentence.tokens, verb)
    ):
        return True  # "Laporte accepted his side had not played well"
    # "“...,” he protested", "“...,” Trump recounted": a verb of speaking, or one that
    # reports a clause, beside a quotation needs nothing more
    return (word in QUOTE_VERBS or word in THAT_COMPLEMENT_VERBS) and beside_quotation(
        sentence, verb
    )


def _claims_a_deed(tokens: list[Token], verb: int) -> bool:
    """Whether "claimed responsibility" (or credit) is a claim of having done it: a subject
    that says so ("The Red Hand claimed responsibility for ..."), not "No group claimed
    responsibility" nor "claimed responsibility" with no subject before it."""
    following = tokens[verb + 1].lower if verb + 1 < len(tokens) else ""
    if following not in ("responsibility", "credit"):
        return False
    before = [t.lower for t in tokens[max(0, verb - 6) : verb]]
    return bool(before) and not any(w in ("no", "nobody", "none", "not", "never") for w in before)


def _name_part(sentence: Sentence, phrase: NounPhrase) -> NounPhrase | None:
    """The name that opens `phrase` ("The Association of Home Insurers" of "The Association
    of Home Insurers advised residents"), or None when it opens with no name."""
    tokens = sentence.tokens
    stop = phrase.first
    for at in range(phrase.first, phrase.stop):
        if tokens[at].capitalised:
            stop = at + 1
        elif tokens[at].lower not in ("of", "for", "and", "the", "&"):
            break
    if stop == phrase.first:
        return None
    return make_phrase(tokens, phrase.first, stop, sentence.text)


_QUANTIFIER_SUBJECTS = frozenset("many some others several most few".split())
"""Words that can stand alone as the subject of a reporting verb ("Many have said")."""

_OPENING_PREPOSITIONS = frozenset("despite after before with without amid among".split())
"""Prepositions that open a sentence on a phrase whose noun may look like a verb."""

SUBJECT_PRONOUNS = frozenset(("he", "she", "it", "they"))
"""Pronouns that may open a main clause whose later "and said" they are the subject of."""


def verb_candidate(sentence: Sentence, verb: int) -> Candidate | None:
    """The candidate of the reporting verb at `verb`: its subject before it (through
    auxiliaries, adverbs, appositives, relative pronouns and pronouns), or after it in an
    inversion or a passive."""
    tokens = sentence.tokens
    verb_word = tokens[verb].lower
    following = tokens[verb + 1] if verb + 1 < len(tokens) else None
    if verb_word in NOUN_VERBS and used_as_noun(sentence, verb):
        return None  # "the budget office forecast was revised": a noun
    if _reports_nothing_here(tokens, verb):
        return None
    if (
        verb_word.startswith("claim")
        and following is not None
        and (
            following.lower in CLAIM_OBJECTS
            or (
                following.lower in DETERMINERS
                and verb + 2 < len(tokens)
                and tokens[verb + 2].lower in CLAIM_OBJECTS
            )
        )
        and not _claims_a_deed(tokens, verb)
    ):
        return None  # "claimed the lives of", "no group claimed responsibility"
    if verb_word in ("learned", "learnt"):
        return learned_candidate(sentence, verb)
    documentary = False  # "documents show ...": only a document may be the subject
    closing_finding = False  # "..., a new study found.": only a document, after a comma
    if verb_word in NAMING_VERBS:
        if not naming_quote_follows(sentence, verb) and not _named_as(tokens, verb):
            # "called on", "called for" still report; "called the police" does not
            if verb_word not in ("called", "calls", "call") or not has_complement(sentence, verb):
                return None
    elif not has_complement(sentence, verb):
        if verb_word in FINDING_VERBS and that_after_phrase(sentence, verb):
            pass  # "found in a 2024 study that"
        elif verb_word in SHOW_VERBS:
            documentary = True
        elif verb_word in _CLOSING_FINDINGS and (
            following is None or following.text in (".", "!", "?", ";")
        ):
            closing_finding = True
        else:
            return None
    if verb_word in CONCERN_VERBS and not any(
        t.lower in CONCERN_NOUNS for t in tokens[verb + 1 : verb + 4]
    ):
        return None
    beside = verb_word in QUOTE_VERBS and beside_quotation(sentence, verb)
    if verb_word == "asked" and not beside:
        # "asked her to publish", not "asked why" / "asked not to"
        after = [t.lower for t in tokens[verb + 1 : verb + 5]]
        if "to" not in after or "not" in after or "about" in after:
            return None
    if (
        verb_word in _WRITE_VERBS
        and following is not None
        and following.lower in DETERMINERS
        and following.lower != "that"
    ):
        if not sentence.quotation_follows(verb) and not (
            verb > 0 and (tokens[verb - 1].quoted or tokens[verb - 1].text in ("”", '"'))
        ):
            return None  # "the team that wrote the software" (not "...,” writes the Ledger)
    if (
        verb_word in ("say", "says", "said")
        and following is not None
        and following.lower in ("little", "nothing")
        and not (verb + 2 < len(tokens) and tokens[verb + 2].lower in _CLAUSE_VERBS)
    ):
        return None  # "say little to nothing about"; not "said nothing had changed"
    if no_statement_object(sentence, verb):
        return None
    if verb_word in THAT_VERBS and not (
        beside
        or sentence.that_follows(verb)
        or sentence.quotation_follows(verb)
        or _advice_follows(tokens, verb)
        # "Police suspect the fire was started deliberately": a clause without "that"
        or (verb_word in _SUSPECT and _clause_follows(tokens, verb))
        # "Vell questioned whether the plan was legal"
        or (verb_word in _QUESTION and following is not None and following.lower == "whether")
    ):
        return None
    if verb_word in PERFECT_ONLY and not (
        verb > 0 and tokens[verb - 1].lower in ("has", "had", "have", "’d", "'d", "’ve", "'ve")
    ):
        return None
    if verb >= 2 and tokens[verb - 1].lower == "to":
        controlled = control_object(sentence, verb) or purpose_infinitive(sentence, verb)
        if controlled is not None:
            return controlled
    went_on = 0  # "went on to say", "started to explain": the subject is before them
    if verb >= 2 and tokens[verb - 1].lower == "to":
        if (
            verb >= 3
            and tokens[verb - 2].lower == "on"
            and tokens[verb - 3].lower in ("went", "goes", "go", "going", "gone")
        ):
            went_on = 3
        elif tokens[verb - 2].lower in _ONSET_VERBS:
            went_on = 2
    before, passive, negated = skip_back(tokens, verb - went_on)
    if negated:
        return None  # "The council has not said ...", "Uber might have suggested ..."
    if passive and verb_word.endswith("ing"):
        passive = False  # "is defending", "has been saying": progressive, not passive
    if closing_finding and (passive or negated):
        return None  # "..., the body was found."
    if passive:
        if verb_word == "quoted":
            return quoted_as_candidate(sentence, verb, before)
        return passive_candidate(sentence, verb)
    if before < 0:
        return None
    cue = cue_text(sentence, before + 1, verb)
    if tokens[before].text == ")":
        # "Sen. Carla Benning (D-Va.) said", "Smith (54) said": the subject is before it
        opening = before - 1
        while opening >= 0 and before - opening < 10 and tokens[opening].text != "(":
            opening -= 1
        if opening > 0 and tokens[opening].text == "(":
            before = opening - 1
    previous = tokens[before]
    if (
        previous.lower == "them"
        and before >= 2
        and tokens[before - 1].lower == "of"
        and tokens[before - 2].lower in _SHARES
        and (before == 2 or not tokens[before - 3].is_word or before - 2 == sentence.first)
    ):
        # "Many of them said": some of the group "them" means
        share = pronoun_candidate(sentence, verb, "they", cue, pronoun_at=before)
        if share is not None:
            share.description = sentence.text[tokens[before - 2].start : previous.end]
            share.subject_at = before - 2
        return share
    if (
        previous.quoted
        or previous.text in ("”", '"')
        or (previous.text == "," and before > 0 and tokens[before - 1].quoted)
    ):
        return inversion_candidate(sentence, verb, cue)
    subject: NounPhrase | None = None
    relative = False
    if previous.text in ("—", "–") and verb_word in INVERSION_VERBS:
        # "The plan will not work — at least not yet — said Ana Duarte": after a dash
        inverted = inversion_candidate(sentence, verb, cue, known_only=True)
        if inverted is not None:
            return inverted
    if previous.text in ("—", "–"):
        # "Andy Beshear — whose father was governor — promised ...": past the aside
        opening = before - 1
        while opening > 0 and before - opening < 40 and tokens[opening].text not in ("—", "–"):
            opening -= 1
        if opening > 0 and tokens[opening].text in ("—", "–"):
            aside_subject = phrase_before(tokens, opening, sentence.text)
            if aside_subject is not None and has_proper_name(aside_subject, tokens, sentence.first):
                candidate = subject_candidate(sentence, verb, aside_subject, cue)
                if candidate is not None:
                    candidate.subject_at = aside_subject.first
                return candidate
    if previous.text == ",":
        if verb_word in INVERSION_VERBS and not after_aside(sentence, before):
            # "..., said Joe Carbone, president of ...", "the combination, say economists,
            # marks ...": the speaker follows the verb and closes the clause
            inverted = inversion_candidate(sentence, verb, cue, known_only=True)
            if inverted is not None:
                return inverted
        subject = subject_before_comma(sentence, before)
        if subject is None:
            return inversion_candidate(sentence, verb, cue)
    elif previous.lower in PERSONAL_PRONOUNS:
        word_before = tokens[before - 1].lower if before > 0 else ""
        if word_before in ("what",) or documentary:
            return None
        if before >= 2 and is_reduced_relative(tokens, before - 1, sentence.first):
            return None  # "the goals they claim", "the Bill it wants passed"
        if (
            verb_word in BASE_FORMS
            and previous.lower not in ("they", "we", "i", "you")
            and not went_on
            and not _helped(tokens, before, verb)
        ):
            return None
        if word_before in ("which", "that") and previous.lower in ("it", "they"):
            # "The Red Hand claimed the attack, which it said was revenge": the main
            # clause's subject, named before the relative clause
            main = sentence_subject(sentence)
            if main is not None:
                main = _name_part(sentence, main)
            if (
                main is not None
                and main.stop <= before - 1
                and has_proper_name(main, tokens, sentence.first)
                and tokens[main.first].capitalised
            ):
                named = subject_candidate(sentence, verb, main, cue)
                if named is not None and named.role != "person":
                    named.subject_at = main.first
                    named.relative = True
                    return named
        candidate = pronoun_candidate(sentence, verb, previous.lower, cue)
        if candidate is not None and word_before in ("which", "that", "who"):
            candidate.relative = True
        return candidate
    elif previous.lower in ("who", "which", "that"):
        subject = antecedent(sentence, before)
        if previous.lower == "that" and verb_word not in STRONG_VERBS:
            # "radar data that suggested ...", "a study that showed ...": a document may
            if not (
                subject is not None
                and subject.head in DOCUMENT_NOUNS
                and (verb_word in EVIDENTIAL_VERBS or verb_word in FINDING_VERBS)
            ):
                return None
        relative = True
    elif previous.lower in ("and", "but"):
        subject = sentence_subject(sentence)
        relative = True
        opener = main_clause_start(sentence) if subject is None else None
        if opener is not None and opener < before and tokens[opener].lower in SUBJECT_PRONOUNS:
            # "During the call, he asked about it and said, “...”", "It did not give the
            # place and said ...": the pronoun that opens the main clause
            candidate = pronoun_candidate(sentence, verb, tokens[opener].lower, cue, opener)
            if candidate is not None:
                candidate.subject_at = opener
                candidate.relative = True
            return candidate
    else:
        subject = phrase_before(tokens, before + 1, sentence.text)
        if (
            subject is None
            and previous.lower in _QUANTIFIER_SUBJECTS
            and (before == sentence.first or tokens[before - 1].text in (",", ";", "—"))
            and not verb_word.endswith("s")  # "Many reports suggest": a noun, not the verb
        ):
            # "Many have voiced concerns that ...": the quantifier is the claimant
            subject = make_phrase(tokens, before, before + 1, sentence.text)
        if (
            subject is not None
            and subject.first == sentence.first
            and tokens[subject.first].lower in _OPENING_PREPOSITIONS
        ):
            return None  # "Despite parliamentary reports urging ...": a noun, no verb
        if subject is not None and not has_proper_name(subject, tokens, sentence.first):
            subject = unclosed_appositive(sentence, subject) or subject
        if subject is not None and subject.first > 0 and tokens[subject.first - 1].lower == "and":
            subject = joint_subject(sentence, subject) or subject
        if subject is not None:
            if subject.first > 0 and tokens[subject.first - 1].lower == "what":
                if not is_cleft(tokens, subject.first - 1) and not _characterised(
                    tokens, subject.first - 1, verb
                ):
                    return None  # "He denied what the report said"
            if tokens[subject.stop - 1].lower.endswith(("’s", "'s")) and not (
                subject.stop >= 2 and tokens[subject.stop - 2].lower == "of"
            ):
                return None  # "the minister’s said" is no subject; "a colleague of Ana’s"
            subject = past_relative_clause(sentence, subject, verb_word in BASE_FORMS)
    if subject is None:
        return None
    if (
        tokens[subject.first].text[:1].isdigit()
        and subject.head not in PEOPLE_NOUNS
        and subject.head not in ("percent", "cent")  # "51 percent say": people
        and not tokens[subject.head_at].capitalised  # "On March 6 Mr Joseph wrote"
        and not looks_like_people(subject.head)
        and not verb_word.endswith("s")
        and not sentence.that_follows(verb)
    ):
        return None  # "3,248 cases reported worldwide": a count of things, not speakers
    if (
        verb_word in BASE_FORMS
        and not is_plural(subject)
        and not went_on
        and subject.head not in ("percent", "cent")  # "Fifty-one percent say": people
        and not _helped(tokens, before, verb)
    ):
        return None  # but "she did say that ...", "Vell would only say that ..."
    if documentary and subject.head not in ORG_NOUNS and subject.head not in SHOWING_NOUNS:
        return None  # "tests showed the water was clean"; not "the results show the team is"
    if closing_finding and not (
        subject.head in SHOWING_NOUNS
        and subject.first > sentence.first
        and tokens[subject.first - 1].text == ","
    ):
        return None  # "..., the study found." but not "The team found."
    candidate = subject_candidate(sentence, verb, subject, cue)
    if candidate is not None:
        candidate.subject_at = subject.first
        candidate.relative = relative
        candidate.trailing = (
            not relative
            and subject.first > 0
            and tokens[subject.first - 1].text in (",", "”", '"')
            and sentence.ends_after(verb)
        )
        if candidate.trailing and not candidate.description:
            _name_before_quotation(sentence, candidate)
    return candidate


def _name_before_quotation(sentence: Sentence, candidate: Candidate) -> None:
    """'Comair “deeply regrets the delays,” the Delta subsidiary said': a description after
    the quotation (one the engine could not resolve) stands for the name the sentence
    opens with, right before the quotation."""
    if not candidate.claimant.startswith("the "):
        return
    tokens = sentence.tokens
    at = sentence.first
    while at < len(tokens) and at - sentence.first < 4 and tokens[at].capitalised:
        if tokens[at].quoted:
            break
        at += 1
    if at == sentence.first or at >= len(tokens) or not tokens[at].quoted:
        return
    if (
        tokens[sentence.first].lower in DETERMINERS
        or tokens[sentence.first].lower in PERSONAL_PRONOUNS
    ):
        return
    name = sentence.text[tokens[sentence.first].start : tokens[at - 1].end]
    candidate.description = candidate.claimant
    candidate.claimant = sentence.referents.expand(name, tokens[sentence.first].start)


_SHARES = frozenset(
    "many some most several few both all two three four five half dozens hundreds".split()
)
"""Words for some of a group before "of them" ("Many of them said")."""
_DO_FORMS = frozenset("did does".split())
"""Auxiliaries before a singular subject's verb in its base form ("she did say")."""


def _helped(tokens: list[Token], before: int, verb: int) -> bool:
    """Whether "did" or "does" stands between the subject (ending at `before`) and the
    verb at `verb`."""
    return any(tokens[at].lower in _DO_FORMS for at in range(before + 1, verb))


_AGREE_VERBS = frozenset("agreed agree agrees".split())
_ARGUE_VERBS = frozenset("argued argues argue".split())
_ARGUED_OBJECTS = frozenset("case cases appeal appeals motion motions".split())
_CONFIRM_VERBS = frozenset("confirmed confirms confirm".split())


def no_statement_object(sentence: Sentence, verb: int) -> bool:
    """Whether the verb at `verb` takes an object that is no statement: "agreed to a
    rescue" / "agreed to return the cash" (a deal), "argues the government’s cases" (in
    court), "wrote individual reports" (documents written, not what they say), "the Senate
    confirmed Prelogar" (an appointment)."""
    tokens = sentence.tokens
    word = tokens[verb].lower
    if verb + 1 >= len(tokens):
        return False
    following = tokens[verb + 1]
    if word in _AGREE_VERBS:
        # "agreed to a rescue", "has agreed a deal to join": a deal, not a statement
        return following.lower == "to" or (
            following.lower in DETERMINERS
            and verb + 2 < len(tokens)
            and tokens[verb + 2].lower in _DEAL_NOUNS
        )
    if word == "ruled":
        return following.lower not in ("out", "that")  # "ruled out", "ruled that"
    if word in ("rejected", "rejects", "reject") and _rejects_a_request(tokens, verb):
        return True  # "a judge rejected Assange's attempt to delay": a decision
    if word in ("said", "says", "say") and _cannot_comment(tokens, verb):
        return True  # "said she couldn't comment on ...": no statement
    if (
        word in ("say", "tell")
        and tokens[sentence.first].lower in ("what", "how", "why")
        and sentence.text[sentence.start : sentence.end].rstrip().endswith("?")
    ):
        return True  # "What did the prosecutors say?": a question, a subheading
    if word == "cried":
        return following.lower != "foul"  # "cried foul"; not "cried for hours"
    if word in ("added", "adds") and _adds_a_thing(sentence, verb):
        return True  # "NASA also added smaller landers to the contract"
    if word in ("reported", "reports") and _reports_to_a_superior(tokens, verb):
        return True  # "Vindman reported to him": who answered to whom
    if word in _ARGUE_VERBS or word in _WRITE_VERBS:
        if following.quoted or following.lower == "that" or sentence.quotation_follows(verb):
            return False
        if word in _ARGUE_VERBS:
            for token in tokens[verb + 1 : verb + 8]:
                if not token.is_word or token.quoted or token.lower in ("that", "is", "was"):
                    return False
                if token.lower in _ARGUED_OBJECTS:
                    return True
            return False
        phrase = phrase_after(tokens, verb + 1, sentence.text, limit=8)
        if phrase is None:
            return False
        return phrase.head in DOCUMENT_NOUNS or phrase.head in ("book", "books", "letters")
    if word in DEFEND_VERBS:
        return not _defends_a_stance(sentence, verb)
    if word in WORRY_VERBS:
        return not _clause_follows(tokens, verb)
    if word in IDENTIFY_VERBS:
        # "have identified tourist boots as vectors"; not "identified the problem"
        for token in tokens[verb + 1 : verb + 9]:
            if token.lower == "as":
                return False
            if not token.is_word or token.lower == "by":
                return True
        return True
    if word in READ_VERBS:
        # "The statement read: “...”"; not "She read the letter aloud: “...”"
        # the reader: a document among the few words before the verb ("the description
        # on the website reads")
        at = verb - 1
        while at >= 0 and verb - at <= 6 and tokens[at].is_word and not tokens[at].quoted:
            if tokens[at].lower in DOCUMENT_NOUNS:
                return not (sentence.quotation_follows(verb) or _quotation_before(tokens, at))
            at -= 1
        return True
    if word in _NEEDS_CONTENT and not _content_follows(sentence, verb, word):
        return True  # "described the plan in detail", "fans expect a lot from"
    if word in VERDICT_VERBS and not _verdict_follows(sentence, verb):
        return True  # "slammed the door", "hailed a cab"
    if word in RECOMMEND_VERBS and (
        tokens[verb - 1].lower in DETERMINERS
        or following.lower in ("by", "dose", "daily")
        or (
            following.lower in ("her", "him", "them", "me", "us")
            and verb + 2 < len(tokens)
            and tokens[verb + 2].lower == "to"
        )
    ):
        return True  # "the recommended dose", "was recommended by", "recommended her to X"
    if word in SEE_VERBS and not _sees_a_forecast(sentence, verb):
        return True  # "the city sees heavy traffic", "he sees his children"
    if word in _ASK_VERBS and _asked_to_do(sentence, verb):
        return True  # "asked the class to sit down": a request, no statement
    if word in _TELL_VERBS and following.lower == "the" and verb + 2 < len(tokens):
        if tokens[verb + 2].lower in ("story", "stories", "tale", "tales"):
            # "The film tells the story of a nurse", "a novel ..., which tells the story
            # of": a narrative, unless a person tells it
            if verb > 0 and tokens[verb - 1].lower == "which":
                return True
            subject = phrase_before(tokens, verb, sentence.text)
            return subject is not None and subject.head in WORK_NOUNS
    if word in _TELL_VERBS and following.lower in ("their", "his", "her", "its", "a"):
        # "told their own tale of a group of humans": a story made up, not a statement
        told = [t.lower for t in tokens[verb + 2 : verb + 4]]
        if any(w in ("tale", "tales", "story", "stories", "joke", "jokes") for w in told):
            return not (sentence.that_follows(verb) or sentence.quotation_follows(verb))
    if (
        verb > 0
        and tokens[verb - 1].lower in ("can", "cannot")
        and not (sentence.that_follows(verb) or sentence.quotation_follows(verb))
    ):
        return True  # "users can report bugs": what one is able to do, not a statement
    if word in _CONFIRM_VERBS and following.capitalised and not following.quoted:
        phrase = phrase_after(tokens, verb + 1, sentence.text, limit=5)
        if phrase is None:
            return False
        referents = sentence.referents
        named = referents.expand(clean_claimant(phrase.text, False))
        return referents.names.is_person(named)
    return False


_DEAL_NOUNS = frozenset("deal deals contract terms fee settlement truce merger".split())


_REQUESTS = frozenset(
    """attempt attempts bid bids request requests appeal appeals offer offers motion motions
    application applications plea pleas proposal proposals""".split()
)


def _rejects_a_request(tokens: list[Token], verb: int) -> bool:
    """Whether "rejected" takes a request or an attempt as its object (a decision)."""
    for token in tokens[verb + 1 : verb + 6]:
        if token.lower in _REQUESTS:
            return True
        if not token.is_word or token.quoted or token.lower == "that":
            return False
    return False


_NO_COMMENT = re.compile(
    r"(?:he|she|they|it|we|i)\s+(?:could\s*n[o’']t|can\s*n[o’']t|cannot|would\s*n[o’']t|"
    r"wo\s*n[’']t|will\s+not)\s+(?:comment|discuss|say)\b"
)


def _cannot_comment(tokens: list[Token], verb: int) -> bool:
    """Whether what follows "said" is a refusal to comment ("said she couldn't comment")."""
    words = " ".join(t.lower for t in tokens[verb + 1 : verb + 7] if t.is_word)
    return _NO_COMMENT.match(words.replace(" n’t", "n’t").replace(" n't", "n't")) is not None


_COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve dozens hundreds".split()
)


def _adds_a_thing(sentence: Sentence, verb: int) -> bool:
    """Whether "added" puts something somewhere ("added smaller landers to the contract",
    "adds five firms"): an object and "to", no quotation, `that` or colon after it."""
    tokens = sentence.tokens
    following = tokens[verb + 1]
    if following.quoted or following.text in (",", ":", "—") or following.lower == "that":
        return False
    if sentence.quotation_follows(verb) or sentence.that_follows(verb):
        return False
    if following.lower.replace(",", "").isdigit() or following.lower in _COUNT_WORDS:
        return True  # "Gallinari added 25 points", "the firm added 200 jobs": a count
    for token in tokens[verb + 1 : verb + 8]:
        if token.lower == "to":
            return True
        if not token.is_word or token.quoted:
            return False
    return False


def _reports_to_a_superior(tokens: list[Token], verb: int) -> bool:
    """Whether "reported to him" says whom someone answered to: "to" and a pronoun or name
    closing the clause, with nothing reported."""
    if verb + 2 >= len(tokens) or tokens[verb + 1].lower != "to":
        return False
    at = verb + 2
    if tokens[at].lower in ("him", "her", "them", "me", "us"):
        at += 1
    else:
        while at < len(tokens) and tokens[at].capitalised and tokens[at].is_word:
            at += 1
        if at == verb + 2:
            return False
    return at >= len(tokens) or tokens[at].text in (".", ";", ",", "—")


_NEEDS_CONTENT = frozenset("expect expects expected".split())
"""Verbs that report only with their content after them: "expect prices to rise", "expect
that"; not "fans expect a lot from the coach"."""
_ASK_VERBS = frozenset("asked asks ask".split())
_TELL_VERBS = frozenset("tells tell told".split())


_FORECAST_WORDS = frozenset(
    """growth decline declines rise rises increase increases drop drops fall falls loss losses
    profit profits earnings revenue revenues sales recession recovery slowdown rebound
    inflation demand""".split()
)
_FORECASTERS = frozenset("forecasters analysts economists meteorologists strategists".split())


def _sees_a_forecast(sentence: Sentence, verb: int) -> bool:
    """Whether "sees" forecasts: a forecaster sees ("Forecasters see smooth sailing"), or
    what is seen is a forecast ("sees sales growth of 1.8 percent")."""
    tokens = sentence.tokens
    if verb > 0 and tokens[verb - 1].lower in _FORECASTERS:
        return True
    for token in tokens[verb + 1 : verb + 9]:
        if not token.is_word and token.text not in ("%", "$", "-"):
            return False
        if token.lower in _FORECAST_WORDS:
            return True
    return False


def _verdict_follows(sentence: Sentence, verb: int) -> bool:
    """Whether a `VERDICT_VERBS` verb carries what was said: `that` or a quotation after
    it, `as` after its object ("hailed the deal as historic"), or a speech participle after
    a comma in its clause ("slammed the plan, saying ...", "..., calling it a sham")."""
    tokens = sentence.tokens
    if sentence.that_follows(verb) or sentence.quotation_follows(verb):
        return True
    for at in range(verb + 1, min(len(tokens), verb + 14)):
        token = tokens[at]
        if token.quoted:
            return True
        if token.lower == "as" and at > verb + 1:
            return True
        if token.text == "," and at + 1 < len(tokens):
            following = tokens[at + 1].lower
            return following in SPEECH_PARTICIPLES or following == "calling"
        if not token.is_word and token.text != "-":
            return False
    return False


def _content_follows(sentence: Sentence, verb: int, word: str) -> bool:
    """Whether what follows a `_NEEDS_CONTENT` verb in its clause is a statement: a
    quotation, `that`, `as` ("described X as Y"), an -ing clause ("described hearing"),
    `how`/`what`, or (for "expect") `to` and a verb after its object."""
    tokens = sentence.tokens
    if sentence.that_follows(verb) or sentence.quotation_follows(verb):
        return True
    for at in range(verb + 1, min(len(tokens), verb + 12)):
        token = tokens[at]
        if token.quoted or token.text == ":":
            return True
        if not token.is_word:
            if token.text in (",", ";", ".", "!", "?", "(", ")", "—", "–"):
                return False
            continue  # a hyphen inside a word ("self-perpetuating")
        if token.lower in ("how", "what", "why", "where", "whether", "when") and at == verb + 1:
            return True  # "described how the roof fell"
        if word.startswith("describ"):
            if token.lower == "as" or (at == verb + 1 and token.lower.endswith("ing")):
                return True
            if at == verb + 1 and token.lower in ("it", "them", "this", "that"):
                return True  # "described it during the Q&A": the idea spoken of before
            if token.lower in ("where", "which", "whereby") and at > verb + 1:
                return True  # "describe a cycle where managers hire ..."
        elif token.lower == "to" and at + 1 < len(tokens) and looks_like_base_verb(tokens[at + 1]):
            return True
    return False


def _defends_a_stance(sentence: Sentence, verb: int) -> bool:
    """Whether "defended" reports a stance: "defended X on the grounds that", a quotation,
    or a decision, policy or claim defended ("is defending her decision to close the
    parks"); not "defended her title", "defended the penalty", nor "defended the plan,
    saying ..." (where "saying" reports)."""
    tokens = sentence.tokens
    if sentence.quotation_follows(verb):
        return True
    words = [t.lower for t in tokens[verb + 1 :]]
    for at, word in enumerate(words):
        if word == "grounds" and at + 1 < len(words) and words[at + 1] == "that":
            return True
        if word in SPEECH_PARTICIPLES and at > 0 and words[at - 1] == ",":
            return False  # "defended the budget, saying ...": the participle reports
    at = verb + 1
    while at < len(tokens) and (
        tokens[at].lower in DETERMINERS or tokens[at].lower.endswith(("’s", "'s"))
    ):
        at += 1
    for token in tokens[at : at + 4]:
        if not token.is_word:
            break
        if token.lower in DEFENDED_OBJECTS:
            return True
    return False


_CLAUSE_VERBS = frozenset(
    """will would could might may can is are was were has have had must should""".split()
)


def _clause_follows(tokens: list[Token], verb: int) -> bool:
    """Whether a clause follows the verb at `verb`: `that`, or a subject and a finite verb
    within a few words ("worries a booking system will push ..."), not "worried about"."""
    if verb + 1 >= len(tokens) or tokens[verb + 1].lower in PHRASE_PREPOSITIONS:
        return False
    if tokens[verb + 1].lower == "that":
        return True
    for token in tokens[verb + 2 : verb + 8]:
        if not token.is_word or token.quoted:
            return False
        if token.lower in _CLAUSE_VERBS:
            return True
    return False


def _quotation_before(tokens: list[Token], noun: int) -> bool:
    """Whether a quotation ends just before the phrase of the noun at `noun` ("“...,” the
    statement reads", "“...,” the description on the website reads")."""
    at = noun - 1
    while at >= 0 and tokens[at].is_word and not tokens[at].quoted and noun - at <= 3:
        at -= 1  # the determiner and words before the noun
    while at >= 0 and tokens[at].text == "," and not tokens[at].quoted:
        at -= 1
    return at >= 0 and tokens[at].quoted


def _asked_to_do(sentence: Sentence, verb: int) -> bool:
    """Whether "asked" is a request ("asked the class to sit down", "asked residents to
    leave"): an object, then `to` and a verb, with no quotation."""
    tokens = sentence.tokens
    if any(token.quoted for token in tokens):
        return False  # "asked her to publish it “before, not after” ...": words quoted
    for at in range(verb + 1, min(len(tokens), verb + 8)):
        token = tokens[at]
        if not token.is_word or token.quoted:
            return False
        if token.lower in ("whether", "if", "why", "how", "what", "when", "where", "who"):
            return False
        if token.lower == "to" and at > verb + 1:
            return at + 1 < len(tokens) and looks_like_base_verb(tokens[at + 1])
    return False


_CONTROL_VERBS = frozenset(
    """prompted prompting prompts led leading leads caused causing forced forcing pushed
    pushing inspired inspiring encouraged encouraging spurred spurring""".split()
)
"""Verbs whose object does what the infinitive after it says ("prompted some users to
argue that ...")."""


def control_object(sentence: Sentence, verb: int) -> Candidate | None:
    """ "... prompted some Twitter users to argue that ...": the object of "prompted" is who
    argued."""
    tokens = sentence.tokens
    phrase = phrase_before(tokens, verb - 1, sentence.text)
    if phrase is None or phrase.first < 1 or tokens[phrase.first - 1].lower not in _CONTROL_VERBS:
        return None
    if not (phrase.head in PEOPLE_NOUNS or looks_like_people(phrase.head)):
        return None
    if not (sentence.that_follows(verb) or sentence.quotation_follows(verb)):
        return None
    cue = sentence.text[tokens[verb - 1].start : tokens[verb].end]
    if verb + 1 < len(tokens) and tokens[verb + 1].lower == "that":
        cue += " that"
    candidate = subject_candidate(sentence, verb, phrase, cue)
    if candidate is not None:
        candidate.subject_at = phrase.first
    return candidate


_NOT_PURPOSE = frozenset(
    """declined declines decline refused refuses refuse failed fails fail wanted wants want
    plans planned plan expected expects expect due set likely unlikely able unable asked
    is are was were be been being hesitant reluctant willing unwilling ready prepared going
    tried tries try sought seeks seek hoped hopes hope chose chooses intends intended
    agreed agrees promised promises vowed vows threatened threatens continued continues
    began begins started starts went goes on have has had need needs needed used choose
    chooses choosing ought able allowed permitted forced""".split()
)
"""Words before "to" + a reporting verb that make it no statement made ("declined to say",
"is expected to announce", "wants to deny") or that other rules read ("went on to say")."""


def purpose_infinitive(sentence: Sentence, verb: int) -> Candidate | None:
    """ "Arvind Kejriwal turned to Twitter last month to describe his city as ...", "The
    minister used the hearing to announce that ...": the sentence's subject did it."""
    tokens = sentence.tokens
    lead = tokens[verb - 2]
    if not lead.is_word or lead.lower in _NOT_PURPOSE or lead.quoted:
        return None
    if not (
        sentence.that_follows(verb)
        or sentence.quotation_follows(verb)
        or naming_quote_follows(sentence, verb)
    ):
        return None
    subject = sentence_subject(sentence)
    if subject is None or subject.stop >= verb - 1:
        return None
    if not (has_proper_name(subject, tokens, sentence.first) or is_known_word(subject.head)):
        return None
    cue = sentence.text[tokens[verb - 1].start : tokens[verb].end]
    candidate = subject_candidate(sentence, verb, subject, cue)
    if candidate is not None:
        candidate.subject_at = subject.first
    return candidate


def joint_subject(sentence: Sentence, subject: NounPhrase) -> NounPhrase | None:
    """The whole subject when the phrase before a verb is the second of two joined by
    "and" that together open the clause: "Pilots and aviation experts said", "U.S. law
    enforcement and security officials said", "The Lancet Commission on pollution and
    health found" (not "The company cut jobs and officials said")."""
    tokens = sentence.tokens
    joiner = subject.first - 1
    left = phrase_before(tokens, joiner, sentence.text)
    if left is None:
        return None
    opener = tokens[left.first - 1] if left.first > sentence.first else None
    if opener is not None and not (opener.text in (",", ";", "—") or opener.lower in ("but",)):
        return None
    if any(
        t.lower in REPORTING_VERBS or (t.lower.endswith("ed") and not t.capitalised)
        for t in tokens[left.first : joiner]
    ):
        return None  # a clause, not a phrase: "The firm cut jobs and ..."
    people = (
        (
            subject.head in PEOPLE_NOUNS
            or looks_like_people(subject.head)
            or left.head in PEOPLE_NOUNS  # "the British police and emergency services"
        )
        and joiner - left.first <= 3  # "Pilots", "U.S. law enforcement", "The pilots"
        and not any(t.lower in DETERMINERS for t in tokens[left.first + 1 : joiner])
    )
    if tokens[subject.first].lower == "other" and has_proper_name(left, tokens, sentence.first):
        people = True  # "Donald Trump and other top Republicans insisted"
    named_body = has_proper_name(left, tokens, sentence.first) and any(
        t.lower in ("on", "of", "for") for t in tokens[left.first : joiner]
    )
    if not (people or named_body):
        return None
    joint = make_phrase(tokens, left.first, subject.stop, sentence.text)
    if joint is not None and people:
        joint.head, joint.head_at = subject.head, subject.head_at
    return joint


def after_aside(sentence: Sentence, comma: int) -> bool:
    """Whether the comma at `comma` closes an aside about the subject rather than a clause
    ("Jeffrey Wall, who was a top official ..., said the ..."; "Soelistyo, head of the
    rescue agency, told ..."), so that the verb after it is no inversion."""
    tokens = sentence.tokens
    at = comma - 1
    while at >= sentence.first and not tokens[at].quoted and tokens[at].text not in CLAUSE_MARKS:
        at -= 1
    if at < sentence.first or tokens[at].text != ",":
        return False
    opener = at + 1
    if opener >= comma:
        return False
    if tokens[opener].lower in ("who", "whose"):
        return True
    name = phrase_before(tokens, at, sentence.text)
    return (
        name is not None
        and tokens[name.head_at].capitalised
        and (name.first == sentence.first or tokens[name.first - 1].quoted)
        and is_role_appositive(tokens, opener, comma)
    )


def naming_quote_follows(sentence: Sentence, verb: int) -> bool:
    """Whether a short object and then a quotation follow the verb in its clause ("called
    the plan ‘a fantasy’", "labelled him “reckless”")."""
    tokens = sentence.tokens
    start = verb + 1
    if start < len(tokens) and tokens[start].quoted:
        # "called ‘Half Life: Alyx’ “a flagship VR game”": a quoted title, then the words
        first = next((q for q in sentence.quotes if q[0] <= tokens[start].start < q[1]), None)
        return first is not None and any(first[1] <= q[0] <= first[1] + 3 for q in sentence.quotes)
    for at in range(start, min(len(tokens), verb + 14)):
        if tokens[at].quoted:
            return at > verb + 1
        if tokens[at].text == "," and at + 1 < len(tokens) and tokens[at + 1].quoted:
            continue  # "calls Hansen’s arguments for it, “misguided advocacy.”"
        if tokens[at].text in (",", ";", ".", ":", "—"):
            return False
    return False


_OBJECT_PRONOUNS = frozenset("him her them it me us".split())
_OBJECT_OWNERS = frozenset("the his her their its this that these those our".split())
_NOT_COMPLEMENTS = frozenset(
    """few couple number lot day minute minutes hour hours week weeks year years time times
    taxi cab car doctor ambulance meeting press news""".split()
)
"""Words after "called him a" that make no characterisation ("called them a taxi", "called
him a few minutes later")."""


def _named_as(tokens: list[Token], verb: int) -> bool:
    """Whether a short object and a characterisation without quotation marks follow a
    naming verb ("called him a sore loser", "branded the proposal unworkable")."""
    calling = tokens[verb].lower in ("called", "calls", "call")
    at = verb + 1
    if at >= len(tokens) or tokens[at].quoted:
        return False
    if tokens[at].lower in _OBJECT_PRONOUNS:
        at += 1
    elif tokens[at].lower in _OBJECT_OWNERS and at + 2 < len(tokens):
        at += 2  # "the proposal", "his plan"
        word = tokens[at]
        if calling and word.is_word and not word.capitalised and word.lower not in ("a", "an"):
            at += 1  # "the new plan"
    else:
        return False
    if at + 1 >= len(tokens) or tokens[at].quoted or not tokens[at].is_word:
        return False
    following = tokens[at + 1]
    if calling:
        # "called him a sore loser", "called the deal a disaster"
        return (
            tokens[at].lower in ("a", "an")
            and following.is_word
            and following.lower not in _NOT_COMPLEMENTS
            and following.lower not in TIME_WORDS
        )
    # "branded the proposal unworkable", "labelled him a liar"
    return tokens[at].lower not in PHRASE_PREPOSITIONS and tokens[at].lower not in _NOT_NAMED


_NOT_NAMED = frozenset("and or with as".split())
"""Words after a branded or labelled object that give no characterisation ("branded the
product with its logo")."""


def is_reduced_relative(tokens: list[Token], noun: int, first: int) -> bool:
    """Whether the word at `noun`, just before a pronoun subject, is a noun that a relative
    clause without "that" describes ("the goals they claim for data collection", "the
    Data Retention Bill it wants passed"), so the pronoun's verb says nothing."""
    token = tokens[noun]
    if not token.is_word or token.quoted or noun <= first:
        return False
    before = tokens[noun - 1].lower
    if before in PHRASE_PREPOSITIONS or not tokens[noun - 1].is_word:
        return False  # "In Paris he said", "..., he said"
    if token.capitalised:
        return token.lower not in PERSONAL_PRONOUNS
    if is_plural_word(token.lower) and before in DETERMINERS | {"own"}:
        return True
    # "the answer he wants": a singular noun after its determiner, itself no adverbial
    # ("In the morning he said", "Later that day she said" are no such thing)
    opener = tokens[noun - 2] if noun - 2 >= first else None
    return (
        before in ("the", "a", "an")
        and token.lower not in TIME_WORDS
        and opener is not None
        and opener.is_word
        and not opener.quoted
        and opener.lower not in PHRASE_PREPOSITIONS
        and opener.lower not in OPENING_ADVERBIALS
        and not opener.capitalised
    )


_CHARACTERISING = frozenset(
    "described describes called calls dubbed branded labelled labeled".split()
)
_BEFORE_WHAT = frozenset("in into to at on with by of from for after amid".split())


def _characterised(tokens: list[Token], what: int, verb: int) -> bool:
    """Whether "what" at `what` opens a characterisation after a preposition ("left in what
    the council described as a breach", "in what police called a “targeted attack”"):
    the words are the subject's, attributed to them."""
    return (
        what > 0
        and tokens[what - 1].lower in _BEFORE_WHAT
        and tokens[verb].lower in _CHARACTERISING
    )


def is_cleft(tokens: list[Token], what: int) -> bool:
    """Whether "what" at `what` opens a cleft that identifies the claim ("That’s what media
    bosses want", "It is exactly what the company promised")."""
    at = what - 1
    while at >= 0 and tokens[at].lower in ("exactly", "precisely", "just", "also", "too"):
        at -= 1
    if at < 0:
        return False
    word = tokens[at].lower
    return word in ("is", "was") or word.endswith(("’s", "'s"))


_RELATIVE_OBJECT_VERBS = frozenset(
    """done did do does made make makes conducted ran run runs read reviewed studied seen
    saw analysed analyzed examined wrote written published compiled obtained""".split()
)
"""Verbs of a relative clause whose object ends the phrase before a reporting verb
("analysts who have done the calculations say")."""


def past_relative_clause(
    sentence: Sentence, subject: NounPhrase, plural_verb: bool = False
) -> NounPhrase:
    """The subject of the sentence when the phrase before the verb ends a relative clause
    that describes it ("The mother of a woman who took pills bought online has described
    ...": the mother, not "online")."""
    tokens = sentence.tokens
    before = subject.first if tokens[subject.first].lower == "that" else subject.first - 1
    if before > sentence.first and tokens[before].lower in ("that", "who", "which"):
        # "The union that represents ferry workers said": the union, with its clause
        antecedent = phrase_before(tokens, before, sentence.text)
        if (
            antecedent is not None
            and (
                antecedent.first == sentence.first
                or tokens[antecedent.first - 1].lower in ("and", "but", ",")
            )
            # not "That fits with the evidence that Ms. Deshpande wrote": a pronoun and its
            # verb, no antecedent
            and tokens[antecedent.first].lower not in ("that", "this", "it", "these", "those")
            # "an order that industry analysts say will ...": the analysts say, not the order
            and not (plural_verb and not is_plural(antecedent) and is_plural(subject))
        ):
            merged = make_phrase(tokens, antecedent.first, subject.stop, sentence.text)
            if merged is not None:
                return merged
    if has_proper_name(subject, tokens, sentence.first):
        return subject
    if is_known_word(subject.head) and (
        subject.head in PEOPLE_NOUNS
        or looks_like_people(subject.head)
        or tokens[subject.first - 1].lower not in _RELATIVE_OBJECT_VERBS
    ):
        # "analysts who have done the calculations say": the calculations are what the
        # analysts did, not who says so; "Doctors who treated patients say" the same
        return subject
    relative = next(
        (
            at
            for at in range(subject.first - 1, sentence.first, -1)
            if tokens[at].lower in ("who", "which", "that") and not tokens[at].quoted
        ),
        -1,
    )
    if relative < 0:
        return subject
    if tokens[relative].lower == "who" and not any(
        t.text in (",", ";", ":") for t in tokens[relative : subject.first]
    ):
        # "Washington-based analysts who have done the calculations say": the people the
        # relative clause describes, with it, as written
        antecedent = phrase_before(tokens, relative, sentence.text)
        if (
            antecedent is not None
            and antecedent.head_at == relative - 1
            and (antecedent.head in PEOPLE_NOUNS or looks_like_people(antecedent.head))
            and (
                antecedent.first == sentence.first
                or tokens[antecedent.first - 1].lower in ("and", "but", ",")
            )
        ):
            return make_phrase(tokens, antecedent.first, subject.stop, sentence.text) or subject
    opening = sentence_subject(sentence)
    if (
        opening is None
        or opening.stop > relative
        or not (opening.head in PEOPLE_NOUNS or looks_like_people(opening.head))
    ):
        return subject
    if any(t.text in (",", ";", ":") for t in tokens[relative : subject.first]):
        return subject
    if opening.head_at == relative - 1 and tokens[relative].lower == "who":
        # "Some consumers who sought help on launch day reported": the phrase as written
        return make_phrase(tokens, opening.first, subject.stop, sentence.text) or opening
    return opening


def that_after_phrase(sentence: Sentence, verb: int) -> bool:
    """Whether a `that` clause follows the verb after a phrase that opens with a
    preposition or a time word ("found in a 2024 study that")."""
    tokens = sentence.tokens
    return (
        verb + 1 < len(tokens)
        and tokens[verb + 1].lower in FINDING_PHRASE_OPENERS
        and sentence.that_follows(verb)
    )


def participle_candidate(sentence: Sentence, participle: int) -> Candidate | None:
    """After a comma, "saying ..." / "adding that ...": the subject of the main clause is the
    claimant ("She stood by the decision, saying ..."). A weaker candidate than a finite
    reporting verb in the same sentence."""
    tokens = sentence.tokens
    first = sentence.first
    if first >= participle:
        return None
    cue = tokens[participle].text
    if participle + 1 < len(tokens) and tokens[participle + 1].lower == "that":
        cue += " that"
    lead = tokens[first]
    candidate: Candidate | None
    nearest = _nearest_subject_pronoun(tokens, first, participle)
    if nearest is not None:
        # "... a basket where he forced her to hide while threatening to ...": the subject
        # of the clause the participle hangs on
        candidate = pronoun_candidate(sentence, participle, tokens[nearest].lower, cue, nearest)
    elif lead.lower in PERSONAL_PRONOUNS and not lead.quoted:
        candidate = pronoun_candidate(sentence, participle, lead.lower, cue)
    else:
        subject = sentence_subject(sentence)
        if subject is None or subject.stop >= participle:
            return None
        if tokens[subject.stop].lower in PHRASE_PREPOSITIONS:
            return None  # "In the statement, ..." is no subject
        candidate = subject_candidate(sentence, participle, subject, cue)
        if candidate is not None:
            candidate.subject_at = subject.first
    if candidate is not None:
        candidate.relative = True
        candidate.trailing = False
    return candidate


def _nearest_subject_pronoun(tokens: list[Token], first: int, participle: int) -> int | None:
    """The subject pronoun of a clause inside the sentence that a participle after "while",
    "after", "before" or "when" hangs on ("where he forced her to hide while threatening"),
    or None (the main clause's subject then)."""
    if tokens[participle - 1].lower not in ("while", "after", "before", "when"):
        return None
    for at in range(participle - 2, first, -1):
        token = tokens[at]
        if token.quoted or token.text in (",", ";", ":", "—"):
            return None
        if token.lower in ("he", "she", "they"):
            return at
    return None


_OWNERS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def owned_claim_candidate(sentence: Sentence, noun: int) -> Candidate | None:
    """ "his often-repeated vow that ...", "a declaration by the health chiefs that ...":
    the one whose claim it is (a weaker cue than a verb)."""
    tokens = sentence.tokens
    cue = sentence.text[tokens[noun].start : tokens[noun + 1].end]
    if tokens[noun + 1].lower == "that":
        for at in range(noun - 1, max(sentence.first - 1, noun - 5), -1):
            word = tokens[at].lower
            if word.endswith(("’s", "'s")):
                # "Mr. Trump’s Oct. 11 announcement that": the owner past a date or an
                # adjective ("the Post’s damning report that")
                return claim_noun_candidate(sentence, noun, owner_end=at + 1)
            if word in _OWNERS:
                cue = sentence.text[tokens[at].start : tokens[noun + 1].end]
                candidate = pronoun_candidate(sentence, noun, _OWNERS[word], cue, at)
                if candidate is not None:
                    candidate.relative = True
                    candidate.subject_at = at
                return candidate
            if (
                word in TIME_WORDS
                or word.rstrip(".") in _MONTH_ABBREVIATIONS
                or tokens[at].text[:1].isdigit()
            ):
                continue  # "Oct. 11", "Monday"
            if not tokens[at].is_word or tokens[at].capitalised or tokens[at].quoted:
                return None
        return None
    phrase = phrase_after(tokens, noun + 2, sentence.text, limit=8)
    if phrase is None or phrase.stop >= len(tokens) or tokens[phrase.stop].lower != "that":
        return None
    candidate = subject_candidate(sentence, noun, phrase, cue + " ... that")
    if candidate is not None:
        candidate.relative = True
        candidate.subject_at = phrase.first
    return candidate


def cites_a_reason(sentence: Sentence, citing: int) -> bool:
    """Whether "citing" gives a reason ("citing internal business issues"), not a source
    ("citing Reuters", "citing two officials")."""
    tokens = sentence.tokens
    phrase = phrase_after(tokens, citing + 1, sentence.text, limit=10)
    return phrase is not None and not (
        has_proper_name(phrase, tokens, -1)
        or is_known_word(phrase.head)
        or looks_like_people(phrase.head)
        or phrase.head in DOCUMENT_NOUNS
    )


def reason_candidate(sentence: Sentence, citing: int) -> Candidate | None:
    """ ", citing internal business issues": the subject of the clause before gave that
    reason ("..., but OrbitBeyond canceled its order, citing ..." -> OrbitBeyond)."""
    tokens = sentence.tokens
    for at in range(citing - 2, sentence.first, -1):
        if tokens[at].lower in ("but", "and", ";") and tokens[at - 1].text == ",":
            subject = phrase_after(tokens, at + 1, sentence.text, limit=6)
            if subject is not None and subject.stop < citing and tokens[at + 1].capitalised:
                subject = _name_part(sentence, subject) or subject
                candidate = subject_candidate(sentence, citing, subject, tokens[citing].text)
                if candidate is not None:
                    candidate.subject_at = subject.first
                    candidate.relative = True
                return candidate
    return participle_candidate(sentence, citing)


def quoted_as_candidate(sentence: Sentence, verb: int, before: int) -> Candidate | None:
    """A passive `quoted` ("The landowner, the Hartside Estate, was quoted in the Post as
    saying that ..."): the subject is the claimant, the outlet after `in`/`by` a relay.
    `before` is the last token before the verb's auxiliaries."""
    tokens = sentence.tokens
    count = len(tokens)
    at = verb + 1
    outlet = ""
    if at + 1 < count and tokens[at].lower in ("in", "by"):
        phrase = phrase_after(tokens, at + 1, sentence.text)
        if phrase is None:
            return None
        outlet = sentence.referents.expand(clean_claimant(phrase.text, False))
        at = phrase.stop
    if not (
        at + 1 < count
        and tokens[at].lower == "as"
        and tokens[at + 1].lower in REPORTING_PARTICIPLES
    ):
        return None
    if before < 0:
        return None
    end = at + 2 if at + 2 < count and tokens[at + 2].lower == "that" else at + 1
    cue = sentence.text[tokens[before + 1].start : tokens[end].end]
    previous = tokens[before]
    candidate: Candidate | None
    if previous.lower in PERSONAL_PRONOUNS:
        candidate = pronoun_candidate(sentence, verb, previous.lower, cue)
    else:
        subject = (
            subject_before_comma(sentence, before)
            if previous.text == ","
            else phrase_before(tokens, before + 1, sentence.text)
        )
        if subject is None:
            return None
        candidate = subject_candidate(sentence, verb, subject, cue, object_claims=False)
        if candidate is not None:
            candidate.subject_at = subject.first
    if candidate is not None and outlet:
        candidate.relays = [outlet, *candidate.relays]
    return candidate


def passive_candidate(sentence: Sentence, verb: int) -> Candidate | None:
    """A passive ("was confirmed by the ministry"): the claimant follows `by`."""
    tokens = sentence.tokens
    by = verb + 1
    if (
        tokens[verb].lower == "accused"
        and verb + 1 < len(tokens)
        and tokens[verb + 1].lower == "of"
    ):
        # "was accused of rape by a woman": the accuser after the charge
        by = next(
            (
                at
                for at in range(verb + 2, min(len(tokens) - 1, verb + 10))
                if tokens[at].lower == "by" and not tokens[at + 1].lower.endswith("ing")
            ),
            verb + 1,
        )
    if (
        by + 1 < len(tokens)
        and tokens[by].lower == "by"
        and tokens[verb].lower not in ("told", "asked")
    ):
        phrase = phrase_after(tokens, by + 1, sentence.text)
        if phrase is not None:
            claimant, relays, anonymous, description = unwrap(sentence, phrase)
            return Candidate(
                "verb",
                verb,
                claimant,
                tokens[verb].text + " by",
                anonymous,
                relays=relays,
                role="org",
                description=description,
            )
    return None


_PARTICIPLE_TIES = frozenset("by with in at to for from on as".split())
"""Words after a participle that make it part of a noun phrase ("officials based in ...",
"residents displaced by the fire"), not a finite verb."""
_AFTER_INVERTED = frozenset(
    """who whose which in on at last this yesterday today when while as after before during
    via from through about for of with""".split()
)
"""Words that may follow the speaker of an inversion, opening a relative clause or an
adjunct ("..., said Ana Duarte at a briefing", "..., said a spokesperson when contacted")."""


_AFTER_PEOPLE = frozenset("in at on from with who familiar close".split())


def _modified_people_end(tokens: list[Token], at: int) -> bool:
    """Whether one lower-case word and a noun of people start at `at` and close the clause
    or go on only with where they are from ("..., said industry officials.", "say health
    officials in Ohio"; not "..., said health officials were wrong")."""
    if at + 1 >= len(tokens) or not tokens[at].is_word or tokens[at].quoted:
        return False
    if tokens[at + 1].lower not in PEOPLE_NOUNS:
        return False
    after = tokens[at + 2] if at + 2 < len(tokens) else None
    return after is None or not after.is_word or after.lower in _AFTER_PEOPLE


def inversion_candidate(
    sentence: Sentence, verb: int, cue: str, known_only: bool = False
) -> Candidate | None:
    """An inversion ("...,” said Frank Doyle"; "...,” he said"). With `known_only`, the
    phrase after the verb must be a name or a common claimant noun ("..., said the
    officials"; not "..., said the timetable depended on a survey")."""
    tokens = sentence.tokens
    if tokens[verb].lower not in INVERSION_VERBS or verb + 1 >= len(tokens):
        return None
    following = tokens[verb + 1]
    if following.lower in PERSONAL_PRONOUNS:
        if verb + 2 < len(tokens):
            after = tokens[verb + 2]
            if after.is_word and after.lower not in _AFTER_INVERTED:
                return None  # "Her lawyer, Mark Bell, said she is innocent": what was said
        return pronoun_candidate(sentence, verb, following.lower, cue)
    if not (
        following.capitalised
        or following.lower in DETERMINERS
        or role_before_name(tokens, verb + 1)  # "said chief inspector Jennifer Mattinson"
        or words_before_name(sentence, verb + 1)  # "said study co-author Paul Expert"
        or following.lower in PEOPLE_NOUNS  # "say economists", "said officials"
        or _modified_people_end(tokens, verb + 1)  # "said industry officials."
        or (  # "said one of the engineers"
            following.lower == "one" and verb + 2 < len(tokens) and tokens[verb + 2].lower == "of"
        )
        or looks_like_people(following.lower)  # "say oceanographers"
        or (  # "said van Sebille"
            following.lower in PARTICLES and verb + 2 < len(tokens) and tokens[verb + 2].capitalised
        )
    ):
        return None
    subject = phrase_after(tokens, verb + 1, sentence.text, limit=12)
    if following.lower == "one" and verb + 3 < len(tokens) and tokens[verb + 2].lower == "of":
        # "said one of the engineers": one of the people the phrase after "of" names
        inner = phrase_after(tokens, verb + 3, sentence.text, limit=10)
        if inner is None:
            return None
        subject = make_phrase(tokens, verb + 1, inner.stop, sentence.text)
        if subject is not None:
            subject.head, subject.head_at = inner.head, inner.head_at
    if subject is None:
        return None
    after_head = subject.head_at + 1
    if (
        after_head < subject.stop
        and tokens[after_head].lower.endswith("ed")
        and not tokens[after_head].capitalised
        and (after_head + 1 >= len(tokens) or tokens[after_head + 1].lower not in _PARTICIPLE_TIES)
    ):
        return None  # "..., said farmers faced ruin": the reported clause, not a speaker
    if (
        subject.stop + 1 < len(tokens)
        and tokens[subject.stop].lower in _PARTICIPLE_TIES
        and tokens[subject.stop - 1].lower.endswith("ed")
    ):
        # "..., said residents displaced by the fire": the participle's phrase goes with it
        tail = phrase_after(tokens, subject.stop + 1, sentence.text, limit=8)
        if tail is not None:
            subject = make_phrase(tokens, subject.first, tail.stop, sentence.text) or subject
    head = tokens[subject.head_at]
    if (
        head.capitalised
        and subject.head_at + 1 < subject.stop
        and tokens[subject.head_at + 1].lower in PHRASE_PREPOSITIONS
        and has_proper_name(subject, tokens, -1)
        # not "said a Department of Homeland Security spokeswoman": the body's person
        and not (
            tokens[subject.stop - 1].lower in PEOPLE_NOUNS
            and not tokens[subject.stop - 1].capitalised
        )
    ):
        # "said Mary Ann Zollman at an event": the name, then an adjunct
        subject = make_phrase(tokens, subject.first, subject.head_at + 1, sentence.text) or subject
    if (
        known_only
        and following.lower in ("a", "an")
        and subject.head not in PEOPLE_NOUNS
        and not looks_like_people(subject.head)
    ):
        return None  # "Ascom, a provider of ..., announced a new system": an object
    if known_only and not (
        has_proper_name(subject, tokens, -1)
        or is_known_word(subject.head)
        or subject.head in COLLECTIVE_NOUNS
        or looks_like_people(subject.head)
    ):
        return None
    if subject.stop < len(tokens):  # the phrase must close the clause: ", said Ana Duarte."
        after = tokens[subject.stop]
        if after.is_word and after.lower not in _AFTER_INVERTED:
            return None
        if (
            after.text in ("“", '"')
            and subject.stop + 1 < len(tokens)
            and tokens[subject.stop + 1].quoted
            and tokens[subject.stop + 1].is_word
            and not tokens[subject.stop + 1].capitalised
            and not any(t.quoted for t in tokens[max(0, verb - 3) : verb])
        ):
            return None  # 'said Christie "has dedicated his efforts ..."': what he said
    candidate = subject_candidate(sentence, verb, subject, cue)
    if candidate is not None:
        candidate.trailing = True
    return candidate


def words_before_name(sentence: Sentence, at: int) -> bool:
    """Whether a few lower-case words at `at` lead to a capitalised name that is a
    person's ("study co-author Paul Expert", "longtime party organiser Ana Duarte")."""
    tokens = sentence.tokens
    end = at
    while (
        end < len(tokens)
        and end - at < 4
        and tokens[end].is_word
        and not tokens[end].quoted
        and not tokens[end].capitalised
        and tokens[end].lower not in FUNCTION_WORDS
        and tokens[end].lower not in PHRASE_PREPOSITIONS
    ):
        end += 1
    if not (at < end < len(tokens) and tokens[end].capitalised and tokens[end].is_word):
        return False
    stop = end
    while stop < len(tokens) and stop - end < 4 and tokens[stop].capitalised:
        stop += 1
    name = " ".join(t.text for t in tokens[end:stop])
    referents = sentence.referents
    return referents.names.is_person(referents.expand(name)) or looks_like_first_name(
        tokens[end].lower
    )


def role_before_name(tokens: list[Token], at: int) -> bool:
    """Whether lower-case role words at `at` lead to a capitalised name ("president David
    Weisbrot", "chief inspector Jennifer Mattinson")."""
    end = at
    while (
        end < len(tokens)
        and end - at < 4
        and (tokens[end].lower in PERSON_ROLES or tokens[end].lower in ROLE_TITLES)
    ):
        end += 1
    return at < end < len(tokens) and tokens[end].capitalised and tokens[end].is_word


def cue_text(sentence: Sentence, first: int, verb: int) -> str:
    """The cue wording from token `first`: skipped adverbs, the verb, the listener of
    `told`, words the verb needs ("put it to"), `in a statement`, and a following `that`."""
    tokens = sentence.tokens
    count = len(tokens)
    verb_word = tokens[verb].lower
    end = verb + 1
    if verb_word in ("told", "tells"):
        listener = phrase_after(tokens, verb + 1, sentence.text, limit=5)
        if listener is not None:
            end = listener.stop
    elif verb_word in VERB_COMPLEMENTS and has_complement(sentence, verb):
        after = [t.lower for t in tokens[verb + 1 : verb + 3]]
        needs = [w for w in VERB_COMPLEMENTS[verb_word] if after[: len(w)] == list(w)]
        # the words the verb needed ("boasted of"); none beside a quotation ("he protested")
        end = verb + 1 + (len(needs[0]) if needs else 0)
        if verb_word == "put" and end < count:
            end += 1  # the listener: "put it to him"
    if (
        end + 2 < count
        and tokens[end].lower == "in"
        and tokens[end + 1].lower in ("a", "its")
        and tokens[end + 2].lower in ("statement", "letter", "interview", "post")
    ):
        end += 3
    if end < count and tokens[end].lower == "that":
        end += 1
    end = min(end, count)
    return sentence.text[tokens[first].start : tokens[end - 1].end]


def skip_back(tokens: list[Token], verb: int) -> tuple[int, bool, bool]:
    """Index of the last token before the verb at `verb` that is not an adverb or
    auxiliary, whether a form of "be" was among the skipped words (a passive), and whether
    a negation was ("has not said", "didn’t say")."""
    at = verb - 1
    passive = False
    negated = False
    while at >= 0:
        token = tokens[at]
        word = token.lower
        if token.quoted:
            break
        if word.endswith(("n’t", "n't")):
            negated = True
            at -= 1
            continue
        if word in SKIPPABLE_BEFORE_VERB or (
            word.endswith("ly") and word not in LY_NOT_ADVERBS and not token.capitalised
        ):
            if word in FORMS_OF_BE:
                passive = True
            if word in NEGATIONS:
                negated = True
            if word in ("have", "’ve", "'ve") and at > 0 and tokens[at - 1].lower in _MODALS:
                negated = True  # "might have suggested": what was not said
            at -= 1
            continue
        if word in TIME_WORDS and at > 0 and tokens[at - 1].lower in ("on", "last", "this", "in"):
            at -= 2
            continue
        break
    return at, passive, negated
