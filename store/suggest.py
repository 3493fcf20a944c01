"""Suggested attributions: the sentences of an article that report what someone said.

`suggest_attributions(text)` reads claimmark's stored article text (body paragraphs joined by
``\\n``) and returns, in document order, one `Suggestion` per attributed sentence: who the
claimant is, the cue that attributes the sentence to them, whether the claimant is anonymous,
and the chain of relays when the sentence gives one. It is rule-based and local (the standard
library's `re`, no model), and fast enough to run while the user types.

How a sentence (`store.sentences.sentence_spans`) is read:

1. Cues are looked for outside quotations: reporting verbs (`said`, `told`, `confirmed`,
   `has since indicated`, `privately acknowledged`, `writes`, `officials say` ...),
   `according to`, and relays (`citing`, `quoting an article by`, `seen by`, `which cites`,
   `told the Gazette`).
2. The claimant is the noun phrase before the verb, skipping adverbs and auxiliaries and
   looking through appositives and relative clauses ("the environment minister, Helen
   Achterberg, told" gives "Helen Achterberg"; "A broker, who asked ..., said" gives
   "a broker"), or the phrase after the verb in an inversion ("...,” said Frank Doyle").
3. Pronouns (`He described ...`, `she said`, `It said`) point back to the last person (of
   the same gender when titles, first names or earlier pronouns tell it) or organisation;
   "the company", "the group" and "the paper" to the last one named. Short names
   ("Ms. Achterberg", "the Gazette") become the fuller name the text uses elsewhere.
4. The claimant is the innermost origin ("X writes, quoting an article by Y" -> Y); the
   relays, outermost first, go in `sources`.
5. A sentence that is all quotation continues the quotation attributed just before it in
   the same paragraph (or the one whose attribution closes it in the next sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from claimmark.store.models import Attribution
from claimmark.store.sentences import sentence_spans


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


def suggestion_to_dict(s: Suggestion) -> dict[str, object]:
    """A JSON-ready dict of `s` (for `claimmark suggest --json`)."""
    return {
        "start": s.start,
        "end": s.end,
        "sentence": s.sentence,
        "claimant": s.claimant,
        "cue": s.cue,
        "attribution": s.attribution.value,
        "sources": list(s.sources),
        "anonymous": s.anonymous,
    }


# --------------------------------------------------------------------------------------------
# Vocabulary


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STRONG_VERBS = _words("said says say told tells writes wrote reported reports")
"""Verbs that attribute whatever their subject is."""

_VERBS = _STRONG_VERBS | _words(
    """confirmed confirms indicated indicates acknowledged acknowledges acknowledge pledged
    pledges described describes warned warns warn claimed claims claim insisted insists insist
    argued argues argue estimated estimates estimate denied denies deny added adds noted notes
    stated announced announces explained explains suggested suggests suggest predicted
    predicts predict alleged alleges allege asserted asserts maintained maintains contended
    contends contend countered disclosed revealed reveals admitted admits admit conceded
    concedes concede vowed vows replied responded testified believes believe recalled
    cautioned cautions stressed emphasised emphasized signalled signaled declared complained
    accused agreed agree agrees disputed disputes dispute rejected urged forecast forecasts
    calculated observed remarked commented fear fears feared blamed blame blames found finds
    find show shows showed concluded concludes think thinks posted accepted wants cited cites
    quotes put called point points pointed asked expect expects tweeted reiterated hinted
    retorted lamented speculated confided boasted promised promises reckons reckon reckoned
    quoted raised raises voiced voices expressed expresses"""
)
"""Reporting verbs (past, present and base forms)."""

_BASE_FORMS = _words(
    """say warn claim insist argue estimate deny suggest predict allege contend admit concede
    believe agree dispute fear blame find show think point expect"""
)
"""Forms that need a plural subject ("officials say", "critics argue")."""

_NEXT_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "found": (("that",),),
    "finds": (("that",),),
    "find": (("that",),),
    "show": (("that",),),
    "shows": (("that",),),
    "showed": (("that",),),
    "concluded": (("that",),),
    "concludes": (("that",),),
    "accepted": (("that",),),
    "put": (("it", "to"),),
    "called": (("on",), ("for",)),
    "point": (("out",),),
    "points": (("out",),),
    "pointed": (("out",),),
}
_AFTER_PREP = _words("in during after through from last this earlier")
"""Words that open a phrase between a finding verb and its `that` ("found in a study that")."""
_FINDING_VERBS = _words("found finds find show shows showed concluded concludes")
_SHOW_VERBS = _words("show shows showed")
_CONCERN_VERBS = _words("raised raises voiced voices expressed expresses")
_PARTICIPLES = _words("saying adding warning insisting arguing claiming telling")
"""Participles that report speech after a comma (", saying ...") or in "quoted as saying"."""
_SPEECH_PARTICIPLES = _words("saying adding")
"""After a comma these report the main clause's subject's words ("She stood by it, saying")."""
_EVIDENTIAL = _words("show shows showed suggest suggests suggested indicate indicates indicated")
_HANDED = _words("obtained seen released leaked published prepared compiled")
"""Participles that mark a phrase as a document passed to someone ("figures obtained by")."""
_HEDGE_ADVERBS = _words("reportedly allegedly purportedly")
_HEDGE_PARTICIPLES = _words("said reported understood alleged rumoured rumored believed thought")
"""Speakerless hedges: "It is understood that", "are said to have", "is believed to"."""
_HEDGE_INFINITIVES = _words("have be been owe hold favour favor want plan back oppose")
_NOBODY = _words(
    """everyone everybody anyone anybody nobody someone somebody none nothing something
    everything"""
)
"""Indefinite pronouns: "everyone agrees that" is the writer's own statement, not a claim."""
_CONCERNS = _words("concern concerns questions doubts fears alarm objections worries")
"""`raised concerns`, `voiced doubts`: these verbs attribute only with such an object."""
"""Verbs that attribute only when these words follow ("found that", "put it to")."""

_INVERSION_VERBS = _words(
    """said says added wrote writes warned replied insisted noted explained cautioned
    admitted continued"""
)
"""Verbs that may come before their subject after a quotation ("...,” said Frank Doyle)."""

_SKIP = _words(
    """has have had was were is are been being be also since later earlier then now previously
    again already once still separately subsequently initially first today yesterday
    repeatedly not never did does do would will could may might should must can just long
    always"""
)
_NEGATIONS = _words("not never neither nor")
"""Between a subject and its verb, these make the cue a non-statement ("has not said")."""
"""Auxiliaries and adverbs that can stand between a subject and its verb."""

_BE = _words("was were is are been being be")
_NOT_ADVERBS = _words("only family ally rally italy july reply supply assembly")

_DETERMINERS = _words(
    """the a an this that these those its his her their our my your one two three four five six
    seven eight nine ten several some many few both all each every another other various
    numerous multiple unnamed anonymous no"""
)
_INDEFINITE = _words(
    """a an one two three four five six seven eight nine ten several some many few various
    numerous multiple another unnamed anonymous certain"""
)
_PRONOUNS = _words("he she they it we i you")

_NP_PREPS = _words("of for with at from in on to by near inside within under")
"""Prepositions that may sit inside a claimant noun phrase ("officials at the ministry")."""

_FORWARD_PREPS = _words("of for with at from in on to near")
"""Prepositions a phrase read forwards may run on through ("officials at the ministry")."""

_HEAD_BREAKS = _NP_PREPS | _words("close familiar who which whose that briefed")
"""Words that follow the head of a noun phrase ("a person *familiar* with" -> person)."""

_FUNCTION = _words(
    """that which who whom whose what where when while if because although though whereas
    unless until than as but or nor so yet there here not how why whether after before since
    also only even just very more most less least such him them us me himself herself itself
    themselves is are was were be been being has have had do does did will would can could may
    might must shall should however meanwhile instead"""
)

_TIME_WORDS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday morning afternoon evening night week month year weekend"""
)

_DATE_WORDS = _TIME_WORDS - _words("morning afternoon evening night week month year weekend")

_PEOPLE = _words(
    """minister ministers secretary secretaries spokesman spokesmen spokeswoman spokeswomen
    spokesperson spokespeople official officials source sources person people engineer
    engineers analyst analysts expert experts economist economists scientist scientists
    researcher researchers lawyer lawyers attorney attorneys prosecutor prosecutors judge judges
    officer officers adviser advisers advisor advisors aide aides insider insiders diplomat
    diplomats executive executives director directors chief chiefs chairman chairwoman chair
    president mayor governor senator senators lawmaker lawmakers mp mps councillor councillors
    councilor member members leader leaders head heads manager managers inspector inspectors
    investigator investigators auditor auditors regulator regulators commissioner ambassador
    envoy negotiator negotiators representative representatives resident residents witness
    witnesses activist activists campaigner campaigners critic critics opponent opponents
    supporter supporters owner owners founder founders ceo employee employees worker workers
    staff staffer staffers consultant consultants contractor contractors planner planners
    doctor doctors nurse nurses professor academic academics historian author authors editor
    editors reporter reporters correspondent journalist journalists columnist commentator
    observer observers colleague colleagues friend friends deputy premier chancellor general
    commander captain colonel police farmer farmers teacher teachers student students voter
    voters trader traders banker bankers investor investors broker brokers strategist
    strategists forecaster meteorologist counsel reader readers viewer listener caller
    servant servants importer importers exporter exporters manufacturer manufacturers retailer
    retailers insurer insurers oncologist surgeon surgeons patient patients family families
    side sides unions union gp parent parents volunteer volunteers crew crews firefighter
    firefighters protester protesters tenant tenants landlord landlords shopkeeper shopkeepers
    pupil pupils parishioner parishioners sister sisters brother brothers wife husband
    daughter daughters son sons mother father widow widower"""
)
"""Heads of noun phrases that name people or groups of people."""

_ORGS = _words(
    """government ministry department agency office council committee commission board
    authority authorities company firm group bank union party court parliament army military
    regulator watchdog operator utility airline university institute hospital trust foundation
    charity association federation organisation organization coalition alliance campaign
    administration cabinet treasury newspaper paper outlet broadcaster magazine newsletter
    website network channel station report reports statement study survey analysis review audit
    inquiry document documents memo letter filing assessment estimate estimates figures data
    records forecast research poll article story release briefing evidence email emails
    transcript sheet minutes spreadsheet footage recording
    service partners partnership consortium networks body"""
)
"""Heads of noun phrases that name organisations or documents."""

_DOCUMENT_HEADS = _words(
    """report article story statement study survey analysis review document memo letter
    filing briefing figures data records research poll release evidence sheet emails minutes
    spreadsheet footage recording documents"""
)
_OUTLET_NOUNS = _words("paper newspaper outlet newsletter broadcaster magazine publication")
_COMPANY_NOUNS = _words("company firm operator utility manufacturer business")
_GROUP_NOUNS = _words("group campaign charity organisation organization body")
_SPOKES = _words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen")

_OUTLET_WORDS = _words(
    """gazette times post news herald journal review chronicle tribune telegraph guardian
    observer express mail standard mirror courier record press daily weekly radio television
    broadcasting wire reuters bloomberg afp bbc cnn npr economist politico axios monitor
    bulletin dispatch sentinel examiner inquirer star sun insider magazine echo ledger
    engineer newsletter standard-courier"""
)
"""Last words that make a capitalised name a news outlet ("the Harbour Gazette")."""

_COMPANY_WORDS = _words(
    """ltd ltd. inc inc. plc llc group networks partners generation holdings energy power grid
    gateway airlines motors bank utilities water rail"""
)
_GROUP_WORDS = _words(
    """group families campaign alliance association coalition trust union council society
    foundation charity federation college"""
)
_ORG_WORDS = (
    _OUTLET_WORDS
    | _COMPANY_WORDS
    | _GROUP_WORDS
    | _words(
        """authority agency ministry department board institute university hospital royal general
    street road party court parliament commons inquiry service office commission committee"""
    )
)
"""Words that make a capitalised name an organisation or a place, not a person."""

_TITLES = _words(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lady lord baroness baron
    councillor cllr cllr. professor"""
)
_FEMALE_TITLES = _words("mrs mrs. ms ms. miss dame lady baroness")
_MALE_TITLES = _words("mr mr. sir lord baron")

_FEMALE_NAMES = _words(
    """ana anna helen priya maureen miriam sheila ruth ingrid judith rachel olivia lena mary
    sarah emma laura maria elena jane susan karen linda patricia elizabeth jennifer margaret
    catherine claire alice rosalind julia sophie charlotte hannah rebecca natalia fatima amina
    aisha grace lucy emily chloe ellen nicola joanna katherine kate anne louise victoria
    caroline diana irene agnes martha eva marta ines lucia sofia isabel carmen rosa teresa
    yasmin leila nadia zainab chiara giulia marie camille lea astrid freya karin birgit mei
    yuki aiko hana priyanka deepa anita sunita kavita neha amara chioma ngozi"""
)
_MALE_NAMES = _words(
    """john james robert michael william david richard joseph thomas charles daniel matthew
    mark paul steven andrew kenneth george edward brian kevin peter tom callum gareth frank
    desmond anand kenny rashid tomasz sunil gregor nathaniel ewan martin mohammed ahmed ali
    omar hassan ivan sergei dmitri pierre jean luca marco giovanni carlos juan miguel jose
    pedro diego hans klaus jan lars erik olaf ravi raj arjun vikram hiroshi kenji wei chen
    samuel benjamin henry jack harry oliver charlie alfie simon stephen neil ian graham alan
    colin keith gordon douglas stuart alistair hamish angus fergus chidi emeka tunde kwame"""
)

_VERB_ONLY = _VERBS - _PEOPLE - _ORGS
"""Reporting verbs that are never nouns of a claimant phrase."""
_NAME_GLUE = _NP_PREPS | _DETERMINERS | {"and"}

# --------------------------------------------------------------------------------------------
# Tokens and quotations

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S.  a.m.
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Cllr|St|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No)\.(?=\s)"
    r"|[^\W_]+(?:[’'\-.&][^\W_]+)*(?:[’']s\b|(?<=s)[’'](?![^\W_]))?"
    r"|[^\w\s]"
)
_QUOTE_CHARS = re.compile(r"[“”\"«»‘’]")
_CUE_HINT = re.compile(
    r"\b(?:According|according|citing|quoting|seen by|interview with|Per|per|saying|adding|"
    r"reportedly|allegedly|purportedly|understood|"
    + "|".join(sorted(_SPEECH_PARTICIPLES | _HEDGE_PARTICIPLES, key=len, reverse=True))
    + "|"
    + "|".join(sorted(_VERBS, key=len, reverse=True))
    + r")\b"
)
"""A quick filter: a sentence without any of these holds no cue."""


@dataclass(slots=True)
class _Tok:
    """A token of a sentence: text, absolute offsets, and whether it is inside a quotation."""

    text: str
    start: int
    end: int
    quoted: bool
    low: str
    is_word: bool
    cap: bool


def _quoted_intervals(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of `text[start:end]` (one paragraph) inside quotation marks, marks included.

    Curly double quotes enclose single ones; straight double quotes toggle; `’` closes a
    single quotation only when one is open and no letter follows it (else it is an
    apostrophe). A quotation still open at the end of the paragraph runs to its end.
    """
    intervals: list[tuple[int, int]] = []
    double_open: int | None = None
    single_open: int | None = None
    for match in _QUOTE_CHARS.finditer(text, start, end):
        ch = match.group()
        pos = match.start()
        if ch in "“«":
            if double_open is None:
                double_open = pos
                single_open = None
        elif ch in "”»":
            if double_open is not None:
                intervals.append((double_open, pos + 1))
                double_open = None
        elif ch == '"':
            if double_open is None:
                double_open = pos
            else:
                intervals.append((double_open, pos + 1))
                double_open = None
        elif ch == "‘":
            if double_open is None and single_open is None:
                if pos == start or not text[pos - 1].isalnum():
                    single_open = pos
        elif ch == "’" and single_open is not None:
            if pos + 1 >= end or not text[pos + 1].isalnum():
                intervals.append((single_open, pos + 1))
                single_open = None
    if double_open is not None:
        intervals.append((double_open, end))
    elif single_open is not None:
        intervals.append((single_open, end))
    intervals.sort()
    return intervals


def _tokens(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[_Tok]:
    """Tokens of `text[start:end]`, each marked quoted or not."""
    toks: list[_Tok] = []
    qi = 0
    nq = len(quotes)
    for match in _TOKEN.finditer(text, start, end):
        s = match.start()
        while qi < nq and quotes[qi][1] <= s:
            qi += 1
        quoted = qi < nq and quotes[qi][0] <= s
        word = match.group()
        toks.append(
            _Tok(word, s, match.end(), quoted, word.lower(), word[0].isalnum(), word[0].isupper())
        )
    return toks


# --------------------------------------------------------------------------------------------
# Names in the whole text

_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Cllr)\.\s|(?:Sir|Dame|Lady|Lord|Baroness|Councillor|Professor)\s)?"
    r"[A-Z][\w’'\-]*(?:\s(?:(?:of|for|and|the|de|van|von|da|&)\s)?[A-Z][\w’'\-]*)*"
)
_PERSONAL_TITLES = _TITLES


@dataclass(slots=True)
class _Names:
    """The capitalised names of the text: who is a person, what short forms stand for."""

    full: dict[str, str] = field(default_factory=dict)
    """Last word (lower case) -> the first name of two or more words ending with it."""
    first: dict[str, str] = field(default_factory=dict)
    """First word (lower case) -> that full name ("Ewan" -> "Ewan McLeish")."""
    persons: set[str] = field(default_factory=set)
    midcaps: set[str] = field(default_factory=set)
    """Capitalised words seen inside a sentence (so names, not sentence openers)."""
    gender: dict[str, str] = field(default_factory=dict)
    """Person -> "m" / "f", from titles, first names and the pronouns that refer to them."""
    person_mentions: list[tuple[int, str]] = field(default_factory=list)
    """(offset, full name) of every mention of a person."""
    org_mentions: list[tuple[int, str, str]] = field(default_factory=list)
    """(offset, full name, kind) of organisations: kind is outlet, company, group or org."""

    def is_person(self, name: str) -> bool:
        """Whether `name` (a full name the engine hands out) is a person's."""
        return name in self.persons


def _strip_title(name: str) -> tuple[str, str]:
    """(title, rest) of a name such as "Dr. Priya Ramanathan"."""
    parts = name.split(" ", 1)
    if len(parts) == 2 and parts[0].lower() in _TITLES:
        return parts[0], parts[1]
    return "", name


def _bare(word: str) -> str:
    return word.lower().removesuffix("’s").removesuffix("'s")


def _org_kind(words: list[str]) -> str:
    """The kind of organisation a name looks like: outlet, company, group, org, or ""."""
    lows = [_bare(w) for w in words]
    last = lows[-1]
    if last in _OUTLET_WORDS or last.split("-")[-1] in _OUTLET_WORDS:
        return "outlet"
    if last in _COMPANY_WORDS:
        return "company"
    if last in _GROUP_WORDS:
        return "group"
    if any(w in _ORG_WORDS for w in lows):
        return "org"
    return ""


def _gender_of(name: str) -> str:
    title, rest = _strip_title(name)
    t = title.lower()
    if t in _FEMALE_TITLES:
        return "f"
    if t in _MALE_TITLES:
        return "m"
    first = rest.split()[0].lower() if rest.split() else ""
    if first in _FEMALE_NAMES:
        return "f"
    if first in _MALE_NAMES:
        return "m"
    return ""


def _name_parts(words: list[str]) -> list[list[str]]:
    """The names in a run of capitalised words: cut after a possessive ("Mr. Hurst’s June
    report" -> "Mr. Hurst") and at "and" unless an organisation's name goes on past it
    ("Meridian and Southvale" -> two; "Northfield and Ashby Hospitals Trust" -> one)."""
    for k, word in enumerate(words[:-1]):
        if word.endswith(("’s", "'s")):
            words = words[: k + 1]
            break
    if "and" in words and _bare(words[-1]) not in _ORG_WORDS:
        parts: list[list[str]] = [[]]
        for word in words:
            if word == "and":
                parts.append([])
            else:
                parts[-1].append(word)
        return parts
    return [words]


_ROLE_BEFORE = re.compile(
    r"(?:director|executive|secretary|minister|spokeswoman|spokesman|spokesperson|editor"
    r"|correspondent|reporter|founder|chair|chairman|chairwoman|chief|manager|engineer"
    r"|economist|adviser|advisor|officer|president|mayor|leader|head|counsel|councillor"
    r"|colleague|wife|husband|daughter|son|mother|father|lawyer|analyst|professor|doctor)"
    r"[,:]?\s$"
)
_ROLE_AFTER = re.compile(
    r",\s(?:\d+,\s)?(?:a|an|the|its|our|their|his|her)\s(?:[\w’'-]+\s){0,4}?"
    r"(?:director|executive|secretary|minister|spokeswoman|spokesman|spokesperson|editor"
    r"|correspondent|reporter|founder|chair|chairman|chairwoman|chief|manager|engineer"
    r"|economist|adviser|advisor|officer|president|mayor|leader|head|counsel|councillor"
    r"|consultant|lawyer|analyst|professor|doctor|nurse|teacher|resident|owner|expert"
    r"|scientist|researcher|historian|campaigner|activist|worker|member)\b"
)
"""A role next to a capitalised name makes it a person's: "its director, Tomasz Wieczorek";
"Dr. Helen Marsh, a logistics economist"."""


def _collect_name(
    text: str,
    pos: int,
    words: list[str],
    found: list[tuple[int, str, str, list[str]]],
    titled: set[str],
) -> None:
    """Add one name (its words as in the text, at `pos`) to `found`."""
    skipped = 0
    while words and (
        words[0].lower() in _DETERMINERS
        or words[0].lower() in _FUNCTION
        or words[0] in ("And", "I", "But", "Or", "So")
    ):
        skipped += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in ("of", "for", "the", "&"):
        words = words[:-1]
    if not words or words[0].lower() in _DATE_WORDS or words[-1].lower() in _DATE_WORDS:
        return
    title, rest = _strip_title(" ".join(words))
    rest_words = [w for w in rest.split() if w]
    if not rest_words:
        return
    rest_words[-1] = rest_words[-1].removesuffix("’s").removesuffix("'s")
    start = pos + skipped
    end = start + len(" ".join(words))
    if not _org_kind(rest_words) and (
        title
        or (
            len(rest_words) >= 2
            and (
                _ROLE_BEFORE.search(text, max(0, start - 30), start) or _ROLE_AFTER.match(text, end)
            )
        )
    ):
        titled.add(rest_words[-1].lower())
    found.append((start, title, " ".join(rest_words), rest_words))


def _scan_names(text: str) -> _Names:
    """Find the names of the text.

    A capitalised name is a person's when it carries a title ("Dr.", "Dame"), starts with a
    common first name, or its last word appears elsewhere with a title ("Mr. Varma" makes
    "Sunil Varma" a person); "Carrow Point" is not.
    """
    found: list[tuple[int, str, str, list[str]]] = []
    titled: set[str] = set()
    midcaps: set[str] = set()
    for match in _NAME.finditer(text):
        words = match.group().split(" ")
        before = text[max(0, match.start() - 2) : match.start()].strip()
        if before and (before[-1].islower() or before[-1] in ",;"):
            midcaps.update(words)
        pos = match.start()
        for part in _name_parts(words):
            if part:
                pos = text.find(part[0], pos)
                _collect_name(text, pos, part, found, titled)
    names = _Names()
    names.midcaps = midcaps
    for pos, title, rest, rest_words in found:
        name = f"{title} {rest}" if title else rest
        last = rest_words[-1].lower()
        kind = _org_kind(rest_words)
        person = (
            not kind
            and len(rest_words) <= 3
            and (
                bool(title)
                or rest_words[0].lower() in _FEMALE_NAMES
                or rest_words[0].lower() in _MALE_NAMES
                or (len(rest_words) >= 2 and last in titled)
            )
        )
        if len(rest_words) >= 2:
            for key in {last, last.split("-")[-1]}:
                if key not in names.full:
                    names.full[key] = name
            if person:
                names.persons.add(name)
                names.first.setdefault(rest_words[0].lower(), name)
            elif kind:
                names.first.setdefault(rest_words[0].lower(), name)
        if len(rest_words) >= 2:
            full: str | None = names.full.get(last, name)
        else:
            full = names.full.get(last) or names.first.get(last)
        if person or (full is not None and full in names.persons):
            if full is None or full not in names.persons:
                full = name
                names.persons.add(name)
            gender = _gender_of(name)
            if gender:
                names.gender.setdefault(full, gender)
            names.person_mentions.append((pos, full))
        elif full is not None:
            org = _org_kind(full.split())
            if org:
                names.org_mentions.append((pos, full, org))
    return names


# --------------------------------------------------------------------------------------------
# Noun phrases


@dataclass(slots=True)
class _NP:
    """A noun phrase: tokens [i, j) of a sentence, its text and head word."""

    i: int
    j: int
    text: str
    head: str
    h: int
    """Token index of the head."""


def _np_word(tok: _Tok) -> bool:
    """Whether `tok` may be part of a claimant noun phrase."""
    if tok.quoted or not tok.is_word:
        return False
    low = tok.low
    return not (low in _FUNCTION or low in _PRONOUNS or (low in _VERB_ONLY and not tok.cap))


def _attaches(toks: list[_Tok], p: int) -> bool:
    """Whether the preposition at `p` joins the phrase after it to a noun before it, as in
    "a person familiar with the talks", "one person close to the talks", "a report in X"."""
    if p < 1:
        return False
    before = toks[p - 1]
    if not _np_word(before) or before.low in _NP_PREPS or before.low in _DETERMINERS:
        return False
    low = toks[p].low
    if before.low == "speaking":
        return True  # "a council officer speaking on background"
    if low == "to":
        return before.low in ("close", "near", "loyal", "due", "next")
    if low in ("in", "on"):
        return before.low in _PEOPLE or before.low in _ORGS or before.cap
    return True


def _make_np(toks: list[_Tok], i: int, j: int, text: str) -> _NP | None:
    if i >= j:
        return None
    core_end = j
    for k in range(i + 1, j):
        if toks[k].low in _HEAD_BREAKS or toks[k].text == ",":
            core_end = k
            break
    h = core_end - 1
    # "figures obtained by", "a briefing prepared for": the head comes before the participle
    while h > i and toks[h].low.endswith("ed") and toks[h].low not in _PEOPLE:
        h -= 1
    return _NP(i, j, text[toks[i].start : toks[j - 1].end], _bare(toks[h].text), h)


def _np_before(toks: list[_Tok], j: int, text: str) -> _NP | None:
    """The noun phrase that ends just before token `j`, read backwards."""
    k = j - 1
    if k < 0:
        return None
    last = toks[k]
    if not _np_word(last) or last.low in _NP_PREPS or last.low in _DETERMINERS:
        return None
    if last.low in _TIME_WORDS or last.low.isdigit():
        return None
    start = k
    while k >= 0:
        tok = toks[k]
        low = tok.low
        if low in _DETERMINERS or low.isdigit():
            start = k
            if k >= 2 and toks[k - 1].low in _NP_PREPS and _attaches(toks, k - 1):
                k -= 2
                continue
            break
        if low == "and":
            if k > 0 and toks[k - 1].cap and k + 1 < j and toks[k + 1].cap:
                k -= 1
                continue
            break
        if low in _NP_PREPS:
            if _attaches(toks, k):
                k -= 1
                continue
            break
        if not _np_word(tok) or low in _TIME_WORDS:
            break
        start = k
        k -= 1
    return _make_np(toks, start, j, text)


def _np_after(toks: list[_Tok], i: int, text: str, limit: int = 12) -> _NP | None:
    """The noun phrase that starts at token `i`, read forwards."""
    n = len(toks)
    k = i
    end = i
    seen_noun = False
    after_prep = False
    while k < n and k - i < limit:
        tok = toks[k]
        low = tok.low
        if tok.quoted or not tok.is_word:
            if tok.text in ("’", "'") and seen_noun:  # "Workers’ Union"
                k += 1
                end = k
                continue
            break
        if low in ("who", "which", "that", "whose"):
            break
        if low in _NP_PREPS:
            if (
                low not in _FORWARD_PREPS
                or not seen_noun
                or k + 1 >= n
                or (toks[k + 1].low in _TIME_WORDS)
            ):
                break
            nxt = toks[k + 1]
            if low in ("on", "in", "at") and not (nxt.cap or nxt.low in _DETERMINERS):
                break
            if low == "to" and toks[k - 1].low not in ("close", "near", "loyal"):
                break
            after_prep = True
            k += 1
            continue
        if low == "and":
            if seen_noun and k + 1 < n and toks[k + 1].cap and toks[k - 1].cap:
                k += 1
                continue
            break
        if low in _TIME_WORDS and not (tok.cap and seen_noun and toks[k - 1].cap):
            break  # not "the Hallam Evening Record"
        if low in _FUNCTION or low in _PRONOUNS:
            break
        if low in _VERB_ONLY and seen_noun and not tok.cap:
            break
        if low in _DETERMINERS and seen_noun and not after_prep:
            break  # "told reporters the outbreak ..."
        if low not in _DETERMINERS:
            seen_noun = True
            after_prep = False
        k += 1
        end = k
    while end > i and (toks[end - 1].low in _NP_PREPS or toks[end - 1].low in _DETERMINERS):
        end -= 1
    if end <= i:
        return None
    return _make_np(toks, i, end, text)


_COMMON_CAPS = _words(
    """senior junior former local regional national unnamed anonymous some both critics
    officials unions campaigners engineers analysts experts residents insurers"""
)
"""Capitalised only because they open the sentence: not names."""


def _has_proper(np: _NP, toks: list[_Tok], first: int) -> bool:
    """Whether the core of the phrase (before any preposition) holds a capitalised name.

    The sentence's first word counts only when the next word is capitalised too, or when it
    stands alone and is not a common word ("Reuters said", not "Officials said" or
    "Environmental groups said")."""
    for k in range(np.i, np.j):
        tok = toks[k]
        if tok.low in _HEAD_BREAKS:
            break
        if not (tok.cap and tok.is_word) or tok.low in _TITLES:
            continue
        if k == first:
            nxt = toks[k + 1] if k + 1 < np.j else None
            if nxt is not None and nxt.is_word and nxt.low not in _HEAD_BREAKS:
                if not nxt.cap:
                    continue
            elif _known_word(tok.low):
                continue
        return True
    return False


def _known_word(low: str) -> bool:
    return (
        low in _DETERMINERS
        or low in _PEOPLE
        or low in _ORGS
        or low in _COMMON_CAPS
        or low.removesuffix("s") in _ORGS
    )


def _plural(np: _NP) -> bool:
    head = np.head
    return (head.endswith("s") and not head.endswith("ss")) or head in (
        "people",
        "staff",
        "police",
        "both",
    )


_DEFINITE = _words("the its his her their our this these those")
_COLLECTIVES = _words(
    """groups companies firms organisations organizations charities parties banks airlines
    operators businesses campaigners"""
)


def _is_anonymous(np: _NP, toks: list[_Tok]) -> bool:
    """Whether the phrase leaves its claimant unidentified: unnamed people ("a Treasury
    official", "senior engineers", "a person familiar with ..."), sources, unnamed groups."""
    lows = [toks[k].low for k in range(np.i, np.j)]
    if "unnamed" in lows or "anonymous" in lows:
        return True
    head = np.head
    head_tok = toks[np.h]
    if head in _SPOKES:
        return False
    if head_tok.cap and not _known_word(head):
        return False  # a name: "Ana Duarte", "the Harbour Gazette"
    if head in ("source", "sources", "insider", "insiders"):
        return True
    det = lows[0]
    if head in _PEOPLE or head in _COLLECTIVES:
        if det in _INDEFINITE:
            return True
        if head in ("police", "union", "unions") and det in _DEFINITE:
            return False
        return _plural(np) and head != "police"
    if head in _COMPANY_NOUNS:
        return det in _INDEFINITE
    return False


def _outlet_like(name: str) -> bool:
    words = name.split()
    if not words or not any(w[:1].isupper() for w in words):
        return False
    last = _bare(words[-1])
    return last in _OUTLET_WORDS or last.split("-")[-1] in _OUTLET_WORDS


# --------------------------------------------------------------------------------------------
# Referents for pronouns and definite descriptions


@dataclass(slots=True)
class _Ref:
    """Someone a later pronoun may refer to."""

    offset: int
    name: str
    gender: str
    anonymous: bool
    end: int = -1
    """End of the sentence that introduced the referent (-1: a mention, not a sentence)."""
    kind: str = ""
    """For organisations: "outlet", "company", "group" or "org"."""


class _Engine:
    """State for one text: its names and the referents met so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names = _scan_names(text)
        self._person_offsets = [pos for pos, _ in self.names.person_mentions]
        self._org_offsets = [pos for pos, _, _ in self.names.org_mentions]
        self.people: list[_Ref] = []
        """Person claimants and subjects, in order."""
        self.orgs: list[_Ref] = []
        """Organisation claimants, in order."""
        self.groups: list[_Ref] = []
        """Plural claimants ("officials"), in order."""
        self.last_spokes: _Ref | None = None

    def expand(self, phrase: str) -> str:
        """The fuller form of a short name: "Ms. Achterberg" -> "Helen Achterberg",
        "the Gazette" -> "the Harbour Gazette"."""
        words = phrase.split()
        if not words:
            return phrase
        lead = False
        if words[0].lower() == "the" and len(words) == 2 and words[1][:1].isupper():
            lead, words = True, words[1:]
        if len(words) == 1 or (len(words) == 2 and words[0].lower() in _TITLES):
            last = _bare(words[-1])
            full = self.names.full.get(last) or self.names.first.get(last)
            if full is not None and full.lower() != last:
                if self.names.is_person(full):
                    return full
                if lead or _org_kind(full.split()) in ("outlet", "group", "org"):
                    return "the " + full
                return full
        return phrase

    def gender_of(self, name: str) -> str:
        return self.names.gender.get(name, "")

    def person_before(self, offset: int, gender: str) -> _Ref | None:
        """The latest person before `offset` (a named mention or an earlier claimant or
        subject) whose gender does not contradict `gender`; learns the gender."""
        best: _Ref | None = None
        idx = bisect_left(self._person_offsets, offset) - 1
        while idx >= 0:
            pos, name = self.names.person_mentions[idx]
            known = self.names.gender.get(name, "")
            if not known or known == gender:
                best = _Ref(pos, name, known, False)
                break
            idx -= 1
        for ref in reversed(self.people):
            if ref.offset >= offset:
                continue
            known = ref.gender or self.names.gender.get(ref.name, "")
            if known and known != gender:
                continue
            # A claimant or subject outranks names mentioned later in its own sentence.
            if best is None or ref.offset >= best.offset or best.offset < ref.end:
                best = ref
            break
        if best is not None:
            if best.name in self.names.persons:
                self.names.gender.setdefault(best.name, gender)
            elif not best.gender:
                best.gender = gender
        return best

    def org_before(self, offset: int, kinds: tuple[str, ...]) -> _Ref | None:
        """The latest organisation before `offset`: a named one of one of `kinds`, or an
        earlier organisation claimant, whichever is later."""
        best: _Ref | None = None
        idx = bisect_left(self._org_offsets, offset) - 1
        while idx >= 0:
            pos, name, kind = self.names.org_mentions[idx]
            if kind in kinds:
                best = _Ref(pos, _with_the(name, kind), "", False, kind=kind)
                break
            idx -= 1
        for ref in reversed(self.orgs):
            if ref.offset < offset and ref.kind in kinds:
                if best is None or ref.offset >= best.offset:
                    best = ref
                break
        return best

    def group_before(self, offset: int) -> _Ref | None:
        for ref in reversed(self.groups):
            if ref.offset < offset:
                return ref
        return None


def _with_the(name: str, kind: str) -> str:
    return "the " + name if kind in ("outlet", "group", "org") else name


# --------------------------------------------------------------------------------------------
# Candidates


@dataclass(slots=True)
class _Cand:
    """A cue in a sentence and the claimant it points to."""

    kind: str
    """One of: verb, according, pronoun."""
    pos: int
    """Token index of the cue."""
    claimant: str
    cue: str
    anonymous: bool
    relative: bool = False
    """The cue is in a relative or coordinated clause: a weaker candidate."""
    trailing: bool = False
    """The cue closes the sentence (", officials said."), so it scopes all of it."""
    relays: list[str] = field(default_factory=list)
    """Relays the claimant phrase itself gives ("figures obtained by the Chronicle")."""
    role: str = ""
    """What a later pronoun could refer back to: person, group, org or outlet."""
    gender: str = ""
    subject_at: int = -1
    """Token index where the claimant phrase starts (relays after it belong to it)."""


_CLAUSE_MARKS = frozenset(",;:—–()")
_ASIDE_OPENERS = _words(
    """who whom whose which where when however too meanwhile though although also then now
    like unlike including because while after before since as if unless until despite"""
)
"""Words that open an aside between a subject and its verb ("X, who ..., said")."""
_MAX_CUES = 24
"""Cue words looked at per sentence: more is not prose, and would only cost time."""


class _Sentence:
    """One sentence being read."""

    def __init__(
        self, engine: _Engine, start: int, end: int, quotes: list[tuple[int, int]]
    ) -> None:
        self.engine = engine
        self.text = engine.text
        self.start = start
        self.end = end
        self.toks = toks = _tokens(self.text, start, end, quotes)
        k = 0  # skip a live-blog time stamp: "09:31 —"
        while k < len(toks) and (toks[k].low.isdigit() or toks[k].text in ":.—–-"):
            k += 1
        self.first = k
        self.quote_words = sum(1 for t in toks if t.quoted and t.is_word)

    def fully_quoted(self) -> bool:
        words = [t for t in self.toks if t.is_word]
        return bool(words) and all(t.quoted for t in words)

    # -- finding cues --------------------------------------------------------------------

    def candidates(self) -> list[_Cand]:
        toks = self.toks
        out: list[_Cand] = []
        tried = 0
        for v, tok in enumerate(toks):
            if tok.quoted or not tok.is_word:
                continue
            low = tok.low
            cand: _Cand | None = None
            if low == "according" and v + 1 < len(toks) and toks[v + 1].low == "to":
                cand = self._according(v)
            elif low == "per" and (v == self.first or toks[v - 1].text in (",", "—", "(")):
                cand = self._according(v, skip=1, cue=tok.text)
            elif low in _SPEECH_PARTICIPLES and v > 0 and toks[v - 1].text == ",":
                cand = self._participle(v)
            elif low in _VERBS:
                cand = self._verb(v)
            else:
                continue
            if cand is not None:
                out.append(cand)
            tried += 1
            if tried == _MAX_CUES:
                break
        return out

    def _according(self, v: int, skip: int = 2, cue: str = "according to") -> _Cand | None:
        """`according to X` (or, with `skip=1`, `Per X`): X is the claimant."""
        toks = self.toks
        np = _np_after(toks, v + skip, self.text, limit=16)
        if np is None:
            return None
        if skip == 1 and not (
            np.head in _ORGS or np.head in _PEOPLE or _has_proper(np, toks, self.first)
        ):
            return None  # "per cent", "per head"
        if np.j < len(toks) and toks[np.j].low == "who" and np.head in _PEOPLE:
            # "according to two people who attended the meeting": keep the description
            end = np.j
            while end < len(toks) and toks[end].is_word and not toks[end].quoted:
                end += 1
            np = _make_np(toks, np.i, end, self.text) or np
        claimant, relays, anonymous = self._unwrap(np)
        cand = _Cand("according", v, claimant, cue, anonymous, relays=relays, subject_at=v)
        cand.role = "outlet" if _outlet_like(claimant) else "org"
        return cand

    def _follows(self, v: int) -> bool:
        """Whether a verb that needs particular words after it has them."""
        needs = _NEXT_WORDS.get(self.toks[v].low)
        if needs is None:
            return True
        after = [t.low for t in self.toks[v + 1 : v + 3]]
        return any(after[: len(words)] == list(words) for words in needs)

    def _verb(self, v: int) -> _Cand | None:
        toks = self.toks
        low = toks[v].low
        documentary = False  # "documents show ...": only a document may be the subject
        if not self._follows(v):
            if low in _FINDING_VERBS and self._that_after_phrase(v):
                pass  # "found in a 2024 study that"
            elif low in _SHOW_VERBS:
                documentary = True
            else:
                return None
        if low in _CONCERN_VERBS and not any(t.low in _CONCERNS for t in toks[v + 1 : v + 4]):
            return None
        if low == "asked":  # "asked her to publish", not "asked why" / "asked not to"
            after = [t.low for t in toks[v + 1 : v + 5]]
            if "to" not in after or "not" in after or "about" in after:
                return None
        if low in ("posted", "responded") and not self._that_follows(v):
            return None
        went_on = (
            v >= 3
            and toks[v - 1].low == "to"
            and toks[v - 2].low == "on"
            and toks[v - 3].low in ("went", "goes", "go", "going", "gone")
        )  # "went on to say": the subject is before "went"
        k, passive, negated = _skip_back(toks, v - 3 if went_on else v)
        if negated:
            return None  # "The council has not said ..."
        if passive:
            return self._quoted_as(v, k) if low == "quoted" else self._passive(v)
        if k < 0:
            return None
        prev = toks[k]
        cue = self._cue_text(k + 1, v)
        if (
            prev.quoted
            or prev.text in ("”", '"')
            or (prev.text == "," and k > 0 and toks[k - 1].quoted)
        ):
            return self._inversion(v, cue)
        subject: _NP | None = None
        relative = False
        if prev.text == ",":
            subject = self._before_comma(k)
            if subject is None:
                return self._inversion(v, cue)
        elif prev.low in _PRONOUNS:
            before = toks[k - 1].low if k > 0 else ""
            if before in ("what",) or documentary:
                return None
            if low in _BASE_FORMS and prev.low not in ("they", "we", "i", "you") and not went_on:
                return None
            cand = self._pronoun(v, prev.low, cue)
            if cand is not None and before in ("which", "that", "who"):
                cand.relative = True
            return cand
        elif prev.low in ("who", "which", "that"):
            if prev.low == "that" and low not in _STRONG_VERBS:
                return None
            subject = self._antecedent(k)
            relative = True
        elif prev.low in ("and", "but"):
            subject = self._sentence_subject()
            relative = True
        else:
            subject = _np_before(toks, k + 1, self.text)
            if subject is not None:
                if subject.i > 0 and toks[subject.i - 1].low == "what":
                    return None
                if toks[subject.j - 1].low.endswith(("’s", "'s")):
                    return None
        if subject is None:
            return None
        if low in _BASE_FORMS and not _plural(subject) and not went_on:
            return None
        if documentary and subject.head not in _ORGS:
            return None
        cand = self._subject(v, subject, cue)
        if cand is not None:
            cand.subject_at = subject.i
            cand.relative = relative
            cand.trailing = (
                not relative
                and subject.i > 0
                and toks[subject.i - 1].text in (",", "”", '"')
                and self._ends_after(v)
            )
        return cand

    def _content_follows(self, v: int, subject: _NP) -> bool:
        """Whether verb `v` reports content, so that any noun phrase may be its subject: a
        `that` clause follows it ("one resident said that"), or a quotation follows in the
        same clause ("one volunteer described the smoke as “thick ...”"). Evidential verbs
        ("shows", "suggests") need a subject handed around as a document ("a scoring sheet
        obtained by the Courier shows that")."""
        toks = self.toks
        low = toks[v].low
        if low in _EVIDENTIAL:
            return any(toks[m].low in _HANDED for m in range(subject.h + 1, subject.j))
        nxt = toks[v + 1] if v + 1 < len(toks) else None
        if nxt is not None and nxt.low == "that" and not nxt.quoted:
            return True
        for tok in toks[v + 1 :]:
            if tok.quoted:
                return True
            if tok.text in (".", ";", "!", "?"):
                break
        return False

    def _that_after_phrase(self, v: int) -> bool:
        """Whether a `that` clause follows verb `v` after a phrase that opens with a
        preposition or a time word ("found in a 2024 study that")."""
        toks = self.toks
        return v + 1 < len(toks) and toks[v + 1].low in _AFTER_PREP and self._that_follows(v)

    def _participle(self, v: int) -> _Cand | None:
        """After a comma, "saying ..." / "adding that ...": the subject of the main clause is the
        claimant ("She stood by the decision, saying ..."). A weaker candidate than a
        finite reporting verb in the same sentence."""
        toks = self.toks
        first = self.first
        if first >= v:
            return None
        cue = toks[v].text
        if v + 1 < len(toks) and toks[v + 1].low == "that":
            cue += " that"
        lead = toks[first]
        cand: _Cand | None
        if lead.low in _PRONOUNS and not lead.quoted:
            cand = self._pronoun(v, lead.low, cue)
        else:
            subject = self._sentence_subject()
            if subject is None or subject.i != first or subject.j >= v:
                return None
            if toks[subject.j].low in _NP_PREPS:
                return None  # "In the statement, ..." is no subject
            cand = self._subject(v, subject, cue)
            if cand is not None:
                cand.subject_at = subject.i
        if cand is not None:
            cand.relative = True
            cand.trailing = False
        return cand

    def _quoted_as(self, v: int, k: int) -> _Cand | None:
        """A passive `quoted` ("The landowner, the Hartside Estate, was quoted in the Post as
        saying that ..."): the subject is the claimant, the outlet after `in`/`by` a relay."""
        toks = self.toks
        n = len(toks)
        m = v + 1
        outlet = ""
        if m + 1 < n and toks[m].low in ("in", "by"):
            np = _np_after(toks, m + 1, self.text)
            if np is None:
                return None
            outlet = self.engine.expand(_clean(np.text, False))
            m = np.j
        if not (m + 1 < n and toks[m].low == "as" and toks[m + 1].low in _PARTICIPLES):
            return None
        if k < 0:
            return None
        end = m + 2 if m + 2 < n and toks[m + 2].low == "that" else m + 1
        cue = self.text[toks[k + 1].start : toks[end].end]
        prev = toks[k]
        cand: _Cand | None
        if prev.low in _PRONOUNS:
            cand = self._pronoun(v, prev.low, cue)
        else:
            subject = (
                self._before_comma(k) if prev.text == "," else _np_before(toks, k + 1, self.text)
            )
            if subject is None:
                return None
            cand = self._subject(v, subject, cue, object_claims=False)
            if cand is not None:
                cand.subject_at = subject.i
        if cand is not None and outlet:
            cand.relays = [outlet, *cand.relays]
        return cand

    def _that_follows(self, v: int) -> bool:
        """Whether a `that` clause or `by saying` follows verb `v` within a few words
        ("posted on social media that"; not "responded to that exchange")."""
        toks = self.toks
        for m in range(v + 1, min(len(toks), v + 7)):
            if toks[m].low == "saying" or (
                toks[m].low == "that" and toks[m - 1].low not in _NP_PREPS
            ):
                return True
            if not toks[m].is_word:
                return False
        return False

    def _ends_after(self, v: int) -> bool:
        """Whether nothing but a time, `in a statement` or the end follows verb `v`."""
        for tok in self.toks[v + 1 :]:
            if tok.text in (",", ".", ";", ":", "!", "?", "”", '"', ")", "—"):
                return True
            if not tok.is_word or tok.quoted:
                return False
            if tok.low in ("that", "the") or tok.low in _VERBS:
                return False
        return True

    def _passive(self, v: int) -> _Cand | None:
        """A passive ("was confirmed by the ministry"): the claimant follows `by`."""
        toks = self.toks
        if v + 2 < len(toks) and toks[v + 1].low == "by" and toks[v].low not in ("told", "asked"):
            np = _np_after(toks, v + 2, self.text)
            if np is not None:
                claimant, relays, anonymous = self._unwrap(np)
                return _Cand(
                    "verb", v, claimant, toks[v].text + " by", anonymous, relays=relays, role="org"
                )
        return None

    def _inversion(self, v: int, cue: str) -> _Cand | None:
        """An inversion ("...,” said Frank Doyle"; "...,” he said")."""
        toks = self.toks
        if toks[v].low not in _INVERSION_VERBS or v + 1 >= len(toks):
            return None
        nxt = toks[v + 1]
        if nxt.low in _PRONOUNS:
            return self._pronoun(v, nxt.low, cue)
        if not (nxt.cap or nxt.low in _DETERMINERS):
            return None
        subject = _np_after(toks, v + 1, self.text, limit=8)
        if subject is None:
            return None
        if subject.j < len(toks):  # the phrase must close the clause: ", said Ana Duarte."
            after = toks[subject.j]
            if after.is_word and after.low not in (
                "who",
                "whose",
                "which",
                "in",
                "on",
                "at",
                "last",
                "this",
                "yesterday",
                "today",
            ):
                return None
        cand = self._subject(v, subject, cue)
        if cand is not None:
            cand.trailing = True
        return cand

    def _before_comma(self, k: int) -> _NP | None:
        """For a verb right after a comma (at `k`): the subject before the appositives,
        relative clauses and asides that stand between it and the verb ("Ana Duarte, the
        minister, said"; "A broker, who asked ..., said"; "Meridian, for its part, has
        argued"; "The Gazette, citing Reuters, which cited two officials, said")."""
        toks = self.toks
        found: list[_NP] = []
        j = k
        for _ in range(6):
            m = j - 1
            while m >= 0 and not toks[m].quoted and toks[m].text not in _CLAUSE_MARKS:
                m -= 1
            seg_start, seg_end = m + 1, j
            if seg_start >= seg_end:
                break
            comma_before = m >= 0 and toks[m].text == ","
            kind = self._segment_kind(seg_start, seg_end)
            if kind == "age":
                pass
            elif kind == "aside":
                if found:
                    break
            elif kind == "phrase":
                np = _np_after(toks, seg_start, self.text, limit=16)
                assert np is not None
                found.append(np)
            else:
                np = _np_before(toks, seg_end, self.text)
                if np is not None and (
                    np.i == seg_start or toks[np.i - 1].low in ("and", "but", "while", "then", "—")
                ):
                    found.append(np)
                break
            if not comma_before:
                break
            j = m
        if not found:
            return None
        base, appositives = found[-1], found[-2::-1]
        if not _has_proper(base, toks, self.first) and _is_anonymous(base, toks):
            return base  # "A source close to the secretary, Olivia Grantham, said"
        if not self._person_phrase(base):
            for app in appositives:
                if self._person_phrase(app):
                    return app
        if _has_proper(base, toks, self.first):
            return base
        for app in appositives:
            if _has_proper(app, toks, self.first):
                return app
        return base

    def _segment_kind(self, i: int, j: int) -> str:
        """What a comma-separated segment is: "aside" (relative clause, participle,
        prepositional phrase, adverb), "age", "phrase" (a whole noun phrase, perhaps with a
        relative clause) or "other"."""
        toks = self.toks
        first = toks[i]
        low = first.low
        if low in _ASIDE_OPENERS:
            return "aside"
        if low in _NP_PREPS or (not first.cap and low.endswith(("ing", "ed"))):
            return "aside"
        if all(t.low.isdigit() for t in toks[i:j]):
            return "age"
        np = _np_after(toks, i, self.text, limit=16)
        if np is not None and (np.j >= j or toks[np.j].low in ("who", "whose", "which", "that")):
            return "phrase"
        return "other"

    def _person_phrase(self, np: _NP) -> bool:
        return self.engine.names.is_person(self.engine.expand(_clean(np.text, False)))

    def _antecedent(self, k: int) -> _NP | None:
        """The phrase a relative pronoun at `k` refers to ("Southvale, which said")."""
        j = k - 1 if k > 0 and self.toks[k - 1].text == "," else k
        return _np_before(self.toks, j, self.text)

    def _sentence_subject(self) -> _NP | None:
        """The subject at the start of the sentence ("X welcomed the news but said")."""
        toks = self.toks
        np = _np_after(toks, self.first, self.text, limit=8)
        if np is None:
            return None
        if toks[np.i].cap and toks[np.i].low not in _DETERMINERS:
            # "Dame Judith thanked him ... and said": the name, not what follows it
            for m in range(np.i + 1, np.j):
                if not toks[m].cap and toks[m].low not in _NAME_GLUE:
                    np = _make_np(toks, np.i, m, self.text) or np
                    break
        j = np.j
        if j < len(toks) and toks[j].text == ",":
            app = _np_after(toks, j + 1, self.text, limit=8)
            if app is not None and app.j < len(toks) and toks[app.j].text == ",":
                if self._person_phrase(app) and not self._person_phrase(np):
                    return app
        return np

    def _cue_text(self, first: int, v: int) -> str:
        """The cue wording: skipped adverbs, the verb, the listener of `told`, words the verb
        needs ("put it to"), `in a statement`, and a following `that`."""
        toks = self.toks
        n = len(toks)
        low = toks[v].low
        end = v + 1
        if low in ("told", "tells"):
            listener = _np_after(toks, v + 1, self.text, limit=5)
            if listener is not None:
                end = listener.j
        elif low in _NEXT_WORDS and self._follows(v):
            end = v + 1 + len(_NEXT_WORDS[low][0])
            if low == "put" and end < n:
                end += 1  # the listener: "put it to him"
        if (
            end + 2 < n
            and toks[end].low == "in"
            and toks[end + 1].low in ("a", "its")
            and toks[end + 2].low in ("statement", "letter", "interview", "post")
        ):
            end += 3
        if end < n and toks[end].low == "that":
            end += 1
        end = min(end, n)
        return self.text[toks[first].start : toks[end - 1].end]

    # -- claimants -----------------------------------------------------------------------

    def _subject(self, v: int, subject: _NP, cue: str, object_claims: bool = True) -> _Cand | None:
        """A candidate for verb `v` whose subject phrase is `subject` (when `object_claims`,
        "cited"/"quotes" make the object the claimant)."""
        toks = self.toks
        engine = self.engine
        low = toks[v].low
        proper = _has_proper(subject, toks, self.first)
        head = subject.head
        known = _known_word(head) or head in _COLLECTIVES
        if not proper and not known:
            if head in _TIME_WORDS or head.isdigit() or len(head) < 3:
                return None
            if low not in _STRONG_VERBS and not (
                (subject.i == self.first or toks[subject.i].low in _DETERMINERS)
                and self._content_follows(v, subject)
            ):
                return None
        if toks[subject.i].low in ("it", "there") or head in _NOBODY:
            return None
        if subject.i > 0 and toks[subject.i - 1].low in _NEGATIONS:
            return None  # "Not everyone agrees that ...": the writer's own statement
        claimant, relays, anonymous = self._unwrap(subject)
        cand = _Cand("verb", v, claimant, cue, anonymous, relays=relays)
        head_is_name = toks[subject.h].cap and not _known_word(head)
        if head_is_name or (proper and head not in _PEOPLE):
            cand.role = (
                "person"
                if engine.names.is_person(claimant)
                else ("outlet" if _outlet_like(claimant) else "org")
            )
            cand.gender = engine.gender_of(claimant)
        elif head in _PEOPLE and not _plural(subject):
            cand.role = "person"
            cand.gender = (
                "f"
                if head in ("spokeswoman", "chairwoman")
                else ("m" if head in ("spokesman", "chairman") else "")
            )
        elif _plural(subject):
            cand.role = "group"
        elif known or proper:
            cand.role = "org"
        if not proper and toks[subject.i].low == "the" and subject.j - subject.i <= 3:
            self._resolve_definite(subject, cand)
        if object_claims and low in ("cited", "cites", "quotes", "quoted"):
            # "the report cited unnamed officials": the subject relays, the object claims
            obj = _np_after(toks, v + 1, self.text)
            if obj is None:
                return None
            inner, inner_relays, inner_anonymous = self._unwrap(obj)
            cand.relays = [cand.claimant, *inner_relays]
            cand.claimant = inner
            cand.anonymous = inner_anonymous
            cand.role = ""
        return cand

    def _resolve_definite(self, subject: _NP, cand: _Cand) -> None:
        """Resolve "the paper", "the company", "the group", "the spokesperson" to the one
        named before."""
        engine = self.engine
        head = subject.head
        offset = self.toks[subject.i].start
        ref: _Ref | None = None
        if head in _OUTLET_NOUNS:
            ref = engine.org_before(offset, ("outlet",))
            cand.role = "outlet"
        elif head in _COMPANY_NOUNS:
            ref = self._earlier_indefinite(subject.i, _COMPANY_NOUNS) or engine.org_before(
                offset, ("company",)
            )
        elif head in _GROUP_NOUNS:
            ref = engine.org_before(offset, ("group",))
        elif head in _SPOKES:
            ref = engine.last_spokes
            cand.role = "person"
        if ref is not None:
            cand.claimant = ref.name
            cand.anonymous = ref.anonymous

    def _earlier_indefinite(self, before: int, heads: frozenset[str]) -> _Ref | None:
        """The indefinite phrase earlier in the sentence that "the company" refers to
        ("a large Japanese manufacturer ..., and the company said")."""
        toks = self.toks
        for k in range(before - 1, -1, -1):
            if toks[k].low in ("a", "an") and not toks[k].quoted:
                for h in range(k + 1, min(k + 5, before)):
                    if not toks[h].is_word:
                        break
                    if toks[h].low in heads or toks[h].low in (
                        "manufacturer",
                        "retailer",
                        "supplier",
                        "maker",
                    ):
                        np = _make_np(toks, k, h + 1, self.text)
                        if np is not None:
                            return _Ref(
                                toks[k].start, _clean(np.text, False), "", _is_anonymous(np, toks)
                            )
        return None

    def _unwrap(self, np: _NP) -> tuple[str, list[str], bool]:
        """Claimant, relays and anonymity of a phrase: "a report in the Harbour Gazette" ->
        the Gazette; "figures obtained by the Chronicle" -> the figures, relayed by the
        Chronicle; "the Chronicle’s report" -> the Chronicle; short names expanded."""
        toks = self.toks
        engine = self.engine
        proper = _has_proper(np, toks, self.first)
        if np.h + 1 < np.j and all(t.low.endswith("ed") for t in toks[np.h + 1 : np.j]):
            # "a council report published (in March)": the participle is no part of the name
            np = _NP(np.i, np.h + 1, self.text[toks[np.i].start : toks[np.h].end], np.head, np.h)
        phrase = _clean(np.text, np.i == self.first, engine.names.midcaps)
        head = np.head
        if head in _DOCUMENT_HEADS or head in _OUTLET_NOUNS:
            stop = min(len(toks), np.j + 6)
            for k in range(np.i + 1, stop):
                tok = toks[k]
                if tok.quoted or tok.text in (",", ";", ":") or tok.low == "that":
                    break
                if tok.low in ("in", "by", "from") and k + 1 < len(toks):
                    rest = _np_after(toks, k + 1, self.text)
                    if rest is None or not _has_proper(rest, toks, -1) and rest.head not in _ORGS:
                        continue
                    outer = engine.expand(_clean(rest.text, False))
                    if toks[k - 1].low in ("obtained", "seen", "leaked"):
                        return phrase, [outer], False
                    return outer, [], False
            possessor = self._possessor(np)
            if possessor:
                return possessor, [], False
        anonymous = _is_anonymous(np, toks)
        if proper:
            phrase = _proper_part(phrase)
            if len(phrase.split()) <= 3:
                phrase = engine.expand(phrase)
        return phrase, [], anonymous

    def _possessor(self, np: _NP) -> str:
        """The named owner of a document: "the Chronicle’s report" -> "the Midland
        Chronicle"; "" when there is none."""
        toks = self.toks
        first = np.i + 1 if toks[np.i].low == "the" else np.i
        for k in range(first, np.h):
            tok = toks[k]
            if not tok.cap:
                return ""
            if tok.low.endswith(("’s", "'s")):
                name = self.text[toks[first].start : tok.end - 2]
                full = self.engine.expand(name)
                if full != name:
                    return full
                kind = _org_kind(name.split())
                return "the " + name if kind in ("outlet", "group", "org") else name
        return ""

    def _pronoun(self, v: int, pronoun: str, cue: str) -> _Cand | None:
        """A candidate whose subject is a pronoun, resolved to an earlier referent."""
        engine = self.engine
        offset = self.toks[v].start
        ref: _Ref | None = None
        role = ""
        if pronoun in ("he", "she"):
            gender = "m" if pronoun == "he" else "f"
            ref = engine.person_before(offset, gender)
            role = "person"
        elif pronoun == "it":
            ref = engine.org_before(offset, ("outlet", "company", "group", "org"))
            role = "org"
        elif pronoun == "they":
            ref = engine.group_before(offset)
            role = "group"
        if ref is None:
            return None
        cand = _Cand("pronoun", v, ref.name, cue, ref.anonymous, role=role)
        cand.gender = {"he": "m", "she": "f"}.get(pronoun, "")
        cand.trailing = v > 0 and self.toks[v - 1].text in (",", "”") and self._ends_after(v)
        return cand

    def hedge(self) -> str:
        """The wording of a hedge that attributes the sentence to no one in particular
        ("It is understood that", "allegedly", "are said to have"), or ""."""
        toks = self.toks
        n = len(toks)
        for v, tok in enumerate(toks):
            if tok.quoted or not tok.is_word:
                continue
            low = tok.low
            if low in _HEDGE_ADVERBS:
                return tok.text
            if low not in _HEDGE_PARTICIPLES or v == 0 or toks[v - 1].low not in _BE:
                continue
            if v + 1 >= n or toks[v + 1].quoted:
                continue
            nxt = toks[v + 1].low
            if nxt == "that" and v >= 2 and toks[v - 2].low == "it":
                return self.text[toks[v - 2].start : toks[v + 1].end]  # "It is understood that"
            if nxt == "to" and v + 2 < n and toks[v + 2].low in _HEDGE_INFINITIVES:
                # "are said to have", "is believed to be": not "was reported to the police"
                return self.text[toks[v - 1].start : toks[v + 2].end]
        return ""

    def relays(self) -> tuple[list[tuple[int, str, bool, str]], list[str]]:
        """Relays in the sentence: "citing X", "quoting an article by X", "which cites X" as
        (token index, claimant, anonymous, cue words), and outlets told or shown the claim
        ("told the Gazette", "seen by the Harbour Gazette")."""
        toks = self.toks
        n = len(toks)
        cites: list[tuple[int, str, bool, str]] = []
        outlets: list[str] = []
        for v, tok in enumerate(toks):
            if tok.quoted or v + 1 >= n:
                continue
            low = tok.low
            if low in ("citing", "quoting") or (
                low in ("cites", "cited", "quoted")
                and v > 0
                and toks[v - 1].low in ("which", "who")
            ):
                np = _np_after(toks, v + 1, self.text, limit=14)
                if (
                    np is None
                    or not (_has_proper(np, toks, -1) or _known_word(np.head))
                    or np.head in _TIME_WORDS
                ):
                    continue  # "citing health reasons"
                claimant, _, anonymous = self._unwrap(np)
                first = v - 1 if low in ("cites", "cited", "quoted") else v
                words = self.text[toks[first].start : toks[v].end]
                for m in range(np.i + 1, min(n, np.i + 4)):
                    if toks[m].low in ("by", "in", "from") and np.head in _DOCUMENT_HEADS:
                        words = self.text[toks[first].start : toks[m].end]
                        break
                cites.append((v, claimant, anonymous, words))
            elif (
                low in ("seen", "reported")
                and toks[v + 1].low == "by"
                and v + 2 < n
                and (low == "seen" or (v > 0 and toks[v - 1].low == "as"))
            ):  # "seen by the Gazette", "As reported by the Hallam Evening Record, ..."
                np = _np_after(toks, v + 2, self.text)
                if np is not None:
                    outlets.append(self.engine.expand(_clean(np.text, False)))
            elif low in ("told", "tells") or (
                low == "with" and v > 0 and toks[v - 1].low == "interview"
            ):
                np = _np_after(toks, v + 1, self.text, limit=5)
                if np is not None and _has_proper(np, toks, -1):
                    name = self.engine.expand(_clean(np.text, False))
                    if _outlet_like(name):
                        outlets.append(name)
        return cites, outlets


def _skip_back(toks: list[_Tok], v: int) -> tuple[int, bool, bool]:
    """Index of the last token before verb `v` that is not an adverb or auxiliary, whether a
    form of "be" was among the skipped words (a passive), and whether a negation was ("has
    not said", "didn’t say")."""
    k = v - 1
    passive = False
    negated = False
    while k >= 0:
        tok = toks[k]
        low = tok.low
        if tok.quoted:
            break
        if low.endswith(("n’t", "n't")):
            negated = True
            k -= 1
            continue
        if low in _SKIP or (low.endswith("ly") and low not in _NOT_ADVERBS and not tok.cap):
            if low in _BE:
                passive = True
            if low in _NEGATIONS:
                negated = True
            k -= 1
            continue
        if low in _TIME_WORDS and k > 0 and toks[k - 1].low in ("on", "last", "this", "in"):
            k -= 2
            continue
        break
    return k, passive, negated


_LOWER_FIRST = _words("the a an one two three some several many both its his her their our")


def _clean(phrase: str, at_start: bool, names: set[str] | None = None) -> str:
    """A claimant phrase as shown: stray marks cut, and a first word that is capitalised
    only because it opens the sentence lower-cased ("The trust", "Senior engineers",
    "Emergency services"; not "Reuters" nor a word the text capitalises elsewhere)."""
    phrase = phrase.strip(" ,;:—–-")
    words = phrase.split(" ")
    first = words[0]
    if len(words) > 1 and first.lower() in _LOWER_FIRST:
        words[0] = first.lower()
    elif at_start and (
        first.lower() in _COMMON_CAPS
        or first.lower() in _PEOPLE
        or (len(words) > 1 and words[1][:1].islower() and first not in (names or ()))
    ):
        words[0] = first.lower()
    return " ".join(words)


def _proper_part(phrase: str) -> str:
    """The name in a described name: "the trade body Power Generators Association" ->
    "the Power Generators Association"."""
    words = phrase.split(" ")
    if len(words) < 3 or words[0].lower() not in ("the", "a", "an") or words[1][:1].isupper():
        return phrase
    for k in range(1, len(words)):
        if words[k][:1].isupper():
            if (
                all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in words[k:])
                and words[k].lower() not in _TITLES
            ):
                rest = " ".join(words[k:])
                return "the " + rest if _org_kind(words[k:]) else rest
            return phrase
    return phrase


# --------------------------------------------------------------------------------------------
# Choosing the attribution of a sentence


def _choose(sent: _Sentence) -> Suggestion | None:
    """The suggestion for one sentence, or None when it holds no usable cue."""
    cands = sent.candidates()
    if not cands:
        hedge = sent.hedge()
        if not hedge:
            return None
        return Suggestion(
            start=sent.start,
            end=sent.end,
            sentence=sent.text[sent.start : sent.end],
            claimant=UNNAMED,
            cue=hedge,
            attribution=(
                Attribution.DIRECT_QUOTE if sent.quote_words >= 3 else Attribution.ANONYMOUS
            ),
            sources=(),
            anonymous=True,
        )
    main = [c for c in cands if not c.relative] or cands
    trailing = [c for c in main if c.trailing]
    verbs = [c for c in main if c.kind != "according"]
    accordings = [c for c in cands if c.kind == "according"]
    outer: list[str] = []
    if trailing:
        chosen = trailing[0]
    else:
        chosen = main[0]
    if chosen.kind == "according" and verbs and verbs[0].pos < chosen.pos:
        chosen = verbs[0]
    if chosen.kind != "according" and accordings and accordings[0].pos > chosen.pos:
        acc = accordings[0]  # "..., according to a report in the Gazette": a relay
        outer.extend(acc.relays or [acc.claimant])
    cites, outlets = sent.relays()
    chain = [*outer, *chosen.relays, *outlets]
    claimant = chosen.claimant
    anonymous = chosen.anonymous
    cue = chosen.cue
    start = chosen.subject_at if chosen.subject_at >= 0 else chosen.pos
    later = [c for c in cites if c[0] > start]
    if later:
        # "X writes, quoting an article by Y" / "X, citing Y, which cited Z"
        for _, inner, inner_anonymous, _ in later:
            chain.append(claimant)
            claimant, anonymous = inner, inner_anonymous
        cue = cue.removesuffix(" that") + ", " + later[0][3]
    sources = tuple(dict.fromkeys(s for s in chain if s and s != claimant))
    if sent.quote_words >= 3:
        attribution = Attribution.DIRECT_QUOTE
    elif anonymous:
        attribution = Attribution.ANONYMOUS
    else:
        attribution = Attribution.PARAPHRASE
    _remember(sent, chosen, claimant, anonymous, bool(later))
    return Suggestion(
        start=sent.start,
        end=sent.end,
        sentence=sent.text[sent.start : sent.end],
        claimant=claimant,
        cue=cue,
        attribution=attribution,
        sources=sources,
        anonymous=anonymous,
    )


def _remember(sent: _Sentence, cand: _Cand, claimant: str, anonymous: bool, relayed: bool) -> None:
    """Record the claimant as a referent for later pronouns and definite descriptions."""
    engine = sent.engine
    ref = _Ref(sent.start, claimant, cand.gender, anonymous, sent.end)
    if relayed:  # "The paper reports, citing ...": the paper is a referent for "it"
        kind = "outlet" if _outlet_like(cand.claimant) else "org"
        engine.orgs.append(_Ref(sent.start, cand.claimant, "", False, sent.end, kind))
        return
    if cand.role in ("outlet", "org"):
        ref.kind = cand.role if cand.role == "outlet" else _org_kind(claimant.split()) or "org"
        engine.orgs.append(ref)
    elif cand.role == "person":
        if cand.gender and claimant in engine.names.persons:
            engine.names.gender.setdefault(claimant, cand.gender)
        if cand.kind != "pronoun" or not any(r.name == claimant for r in engine.people[-1:]):
            engine.people.append(ref)
        if claimant.split()[-1].lower() in _SPOKES and not anonymous:
            engine.last_spokes = ref
    elif cand.role == "group":
        engine.groups.append(ref)


# --------------------------------------------------------------------------------------------
# The whole text

_PERSON_SUBJECT = re.compile(
    r"(?:\d{1,2}[:.]\d\d\s*[—–-]\s*)?(?:A|An|One|Another)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:reader|nurse|broker|official|engineer|resident|worker|doctor|teacher|manager|source"
    r"|person|woman|man|mother|father|patient|driver|owner|employee|member|caller|witness)\b"
)
"""A sentence opening on an unnamed person ("A reader in Eastbourne, who ..."): a referent
for a later "she" even when the sentence itself is not attributed."""


def suggest_attributions(text: str) -> list[Suggestion]:
    """The attributed sentences of `text`, in document order, at most one per sentence."""
    if not text.strip():
        return []
    engine = _Engine(text)
    out: list[Suggestion] = []
    para_start = -1
    para_end = -1
    paragraph = -1
    quotes: list[tuple[int, int]] = []
    starts: list[int] = []
    last: Suggestion | None = None  # the last suggestion in this paragraph
    last_quoted = False
    pending: list[tuple[int, int]] = []  # quotations still open, waiting for a cue
    for start, end in sentence_spans(text):
        if start > para_end:
            para_start = text.rfind("\n", 0, start) + 1
            para_end = text.find("\n", start)
            if para_end == -1:
                para_end = len(text)
            paragraph += 1
            quotes = _quoted_intervals(text, para_start, para_end)
            starts = [qs for qs, _ in quotes]
            last = None
            pending = []
        hint = _CUE_HINT.search(text, start, end) is not None
        subject = _PERSON_SUBJECT.match(text, start, end)
        quoted = _in_quote(quotes, starts, start) or _has_quote(starts, start, end)
        if not hint and not quoted and subject is None:
            pending = []
            continue
        sent = _Sentence(engine, start, end, quotes)
        if subject is not None:
            _remember_subject(sent)
        suggestion = _choose(sent) if hint else None
        if suggestion is not None:
            if pending and sent.toks and sent.toks[0].quoted:
                out.extend(_continued(text, s, e, suggestion) for s, e in pending)
            pending = []
            out.append(suggestion)
            last, last_quoted = suggestion, sent.quote_words >= 3
            continue
        if sent.fully_quoted():
            if last is not None and last_quoted:
                out.append(_continued(text, start, end, last))
            elif _quote_goes_on(quotes, starts, end):
                pending.append((start, end))  # the quotation goes on into the next sentence
            continue
        pending = []
    return out


def _in_quote(quotes: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether `offset` lies inside one of the (sorted, disjoint) quotations."""
    i = bisect_right(starts, offset) - 1
    return i >= 0 and quotes[i][1] > offset


def _has_quote(starts: list[int], start: int, end: int) -> bool:
    """Whether a quotation opens in `[start, end)`."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _quote_goes_on(quotes: list[tuple[int, int]], starts: list[int], end: int) -> bool:
    """Whether a quotation open at `end` carries on past it."""
    i = bisect_left(starts, end) - 1
    return i >= 0 and quotes[i][1] > end


def _continued(text: str, start: int, end: int, base: Suggestion) -> Suggestion:
    """A quotation that continues (or opens) the one `base` attributes."""
    return Suggestion(
        start=start,
        end=end,
        sentence=text[start:end],
        claimant=base.claimant,
        cue=base.cue,
        attribution=Attribution.DIRECT_QUOTE,
        sources=base.sources,
        anonymous=base.anonymous,
    )


def _remember_subject(sent: _Sentence) -> None:
    """Record an unnamed person that opens the sentence, with the gender its pronouns give."""
    toks = sent.toks
    np = _np_after(toks, sent.first, sent.text, limit=8)
    if np is None or np.head not in _PEOPLE and np.head not in ("woman", "man"):
        return
    gender = ""
    for tok in toks[np.j :]:
        if tok.low in ("she", "her", "herself"):
            gender = "f"
            break
        if tok.low in ("he", "his", "him", "himself"):
            gender = "m"
            break
    name = _clean(np.text, True)
    sent.engine.people.append(_Ref(sent.start, name, gender, _is_anonymous(np, toks), sent.end))
