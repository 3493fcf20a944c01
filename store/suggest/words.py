"""The word lists the engine reads sentences with: reporting verbs and the words around
them, function words, the nouns that head claimant phrases, and the words that make a
capitalised name a person, an outlet or an organisation.

Every list is a frozenset of lower-case words, so that membership is one hash lookup.
"""

from __future__ import annotations

from claimmark.store.suggest import first_names


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set."""
    return frozenset(text.split())


# --------------------------------------------------------------------------------------------
# Reporting verbs and the words that go with them


STRONG_VERBS = _words("said says say told tells writes wrote reported reports")
"""Verbs that attribute whatever their subject is."""

REPORTING_VERBS = STRONG_VERBS | _words(
    """confirmed confirms indicated indicates acknowledged acknowledges acknowledge pledged
    pledges described describes warned warns warn claimed claims claim insisted insists insist
    argued argues argue estimated estimates estimate denied denies deny added adds noted notes
    stated announced announces explained explains suggested suggests suggest predicted
    predicts predict alleged alleges allege asserted asserts maintained maintains contended
    contends contend countered disclosed revealed reveals admitted admits admit conceded
    concedes concede vowed vows replied responded testified believes believe recalled accuse
    accuses
    cautioned cautions stressed emphasised emphasized signalled signaled declared complained
    accused agreed agree agrees disputed disputes dispute rejected urged forecast forecasts
    calculated observed remarked commented fear fears feared blamed blame blames found finds
    find show shows showed concluded concludes think thinks posted accepted wants cited cites
    quotes put called point points pointed asked expect expects tweeted reiterated hinted
    retorted lamented speculated confided promised promises reckons reckon reckoned
    quoted raised raises voiced voices expressed expresses recall recalls remember remembers
    remembered written describe disagree disagrees disagreed tell hold holds held challenge
    challenges challenged question questions questioned vow promise pledge testify
    testifies announce note report write tweet tweets reveal confirm indicate explain
    predict stress stresses emphasise emphasises emphasize emphasizes complain complains
    concluded conclude reiterate reiterates acknowledge admit assert asserts declare declares
    labelled labeled branded dubbed calls call mentioned mentions mention states make makes
    made issue issues issued speak speaks spoke presents presented portrays portrayed bills
    billed styles styled casts want criticised criticized criticises criticizes suspected
    suspect suspects praised praises highlighted highlights maintain caution state highlight
    praise criticise criticize begged begs urges urging ruled cried dismissed dismisses
    views viewed view regards regarded regard"""
)
"""Reporting verbs (past, present and base forms)."""
THAT_COMPLEMENT_VERBS = _words(
    """affirmed affirms attested attests certified certifies charged charges clarified
    clarifies confessed confesses demonstrated demonstrates determined determines divulged
    hypothesized hypothesised hypothesizes implied implies opined opines posited posits
    proclaimed proclaims projected projects project proposed proposes proved proves recounted
    repeated repeats specified specifies stipulated stipulates surmised theorized theorised
    theorizes verified verifies guaranteed guarantees believed recognizes recognized
    discovered discovers averred avers professed professes
    recognises recognised underscored underscores underlined underlines reaffirmed
    reaffirms reasoned reasons conveyed conveys intimated intimates insinuated insinuates
    concurred concurs echoed echoes swore swears vouched forewarned forewarns protested
    protests objected objects ventured ventures guessed guesses figured figures doubted
    doubts texted emailed messaged relayed relays elaborated elaborates"""
)
"""Verbs that report only with `that` right after them ("charged that", "determined that";
not "charged the battery", "proposed a plan")."""
OBJECT_THAT_VERBS = _words(
    """assured assures reassured reassures informed informs notified notifies reminded
    reminds advised advises convinced convinces persuaded persuades"""
)
"""Verbs that report with an object and a `that` clause ("assured investors that")."""
DEFEND_VERBS = _words("defended defends defending defend")
"""Verbs that report a stance when what is defended is a decision or a claim ("is
defending her decision to close the parks"), not a title or a goal."""
DEFENDED_OBJECTS = _words(
    """decision decisions policy policies plan plans move moves record actions action
    comments remarks remark statement statements pricing prices launch choice choices
    handling response approach use bill law rule rules strategy campaign conduct practice
    practices tweet tweets post posts claim claims position stance vote votes deal report
    spending budget pick picks nominee nominees nomination appointment selection ruling"""
)
IDENTIFY_VERBS = _words("identified identifies identify")
"""Naming something as something ("studies have identified boots as vectors"): only with
"as" after the object."""
WORRY_VERBS = _words("worries worry")
"""A fear voiced about what will happen ("worries a booking system will push visitors
away"): only with a clause after it, not "worried about money"."""
BOAST_VERBS = _words("boasted boasts boast bragged brags brag")
"""Verbs of boasting, which report only what is boasted of ("boasted that", "bragged about
the deal", or beside a quotation); not "the city boasts a harbour"."""
CONDEMN_VERBS = _words("condemned condemns condemn denounced denounces denounce decried decries")
"""Verbs of public blame, which report like "criticised" ("the UN condemned the attack")."""
VERDICT_VERBS = _words(
    """slammed slams blasted blasts hailed hails lauded lauds touted touts derided derides
    mocked mocks"""
)
"""Verbs of judgement that report only with what was said after them: "hailed the deal as
historic", "slammed the plan, saying ...", "touted that"; not "slammed the door", "the
crowd hailed a cab"."""
RECOMMEND_VERBS = _words("recommended recommends recommend")
"""Recommendations ("Doctors recommended that he rest", "the panel recommended a ban",
"both recommended Tillerson for the job"); not "the recommended dose"."""
SEE_VERBS = _words("sees see")
"""Verbs of forecasting in business and weather news ("Home Depot sees sales growth of 1.8
percent", "Forecasters see smooth sailing"): only with a forecast after them or a
forecaster before them."""
READ_VERBS = _words("read reads")
"""What a document says word for word ("The statement read: “...”"): only a document's,
and only before a quotation."""
REPORTING_VERBS = (
    REPORTING_VERBS
    | THAT_COMPLEMENT_VERBS
    | OBJECT_THAT_VERBS
    | DEFEND_VERBS
    | BOAST_VERBS
    | RECOMMEND_VERBS
    | SEE_VERBS
    | CONDEMN_VERBS
    | VERDICT_VERBS
    | READ_VERBS
    | WORRY_VERBS
    | IDENTIFY_VERBS
)

BASE_FORMS = _words(
    """say warn claim insist argue estimate deny suggest predict allege contend admit concede
    believe agree dispute fear blame find show think point expect recall remember describe accuse
    disagree tell hold challenge question vow promise pledge testify announce note report
    write tweet reveal confirm indicate explain stress emphasise emphasize complain conclude
    reiterate acknowledge assert declare call mention make issue want maintain caution state
    highlight praise criticise criticize"""
)
"""Forms that need a plural subject ("officials say", "critics argue")."""

_MAKES_THE_CASE: tuple[tuple[str, ...], ...] = (
    ("the", "case"),
    ("a", "case"),
    ("a", "convincing"),
    ("a", "strong"),
    ("a", "compelling"),
    ("the", "point"),
    ("the", "argument"),
    ("an", "argument"),
    ("clear", "that"),
)
_ISSUED_A_PLEA: tuple[tuple[str, ...], ...] = (
    ("a", "plea"),
    ("a", "warning"),
    ("a", "statement"),
    ("an", "appeal"),
    ("a", "call"),
    ("a", "denial"),
    ("an", "apology"),
    ("a", "rebuttal"),
)
_PRESENTS_ITSELF_AS: tuple[tuple[str, ...], ...] = tuple(
    (reflexive, "as") for reflexive in "itself himself herself themselves".split()
)
VERB_COMPLEMENTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "found": (("that",), ("no", "evidence"), ("no", "sign")),
    "finds": (("that",), ("no", "evidence"), ("no", "sign")),
    "find": (("that",), ("no", "evidence"), ("no", "sign")),
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
    "remember": (("that",),),
    "remembers": (("that",),),
    "remembered": (("that",),),
    "hold": (("that",),),
    "holds": (("that",),),
    "held": (("that",),),
    "make": _MAKES_THE_CASE,
    "makes": _MAKES_THE_CASE,
    "made": _MAKES_THE_CASE,
    "making": _MAKES_THE_CASE,
    "speak": (("of",), ("highly",), ("warmly",)),
    "speaks": (("of",), ("highly",), ("warmly",)),
    "spoke": (("of",), ("highly",), ("warmly",)),
    "presents": _PRESENTS_ITSELF_AS,
    "presented": _PRESENTS_ITSELF_AS,
    "portrays": _PRESENTS_ITSELF_AS,
    "portrayed": _PRESENTS_ITSELF_AS,
    "bills": _PRESENTS_ITSELF_AS,
    "billed": _PRESENTS_ITSELF_AS,
    "styles": _PRESENTS_ITSELF_AS,
    "styled": _PRESENTS_ITSELF_AS,
    "casts": _PRESENTS_ITSELF_AS,
    "issue": _ISSUED_A_PLEA,
    "issues": _ISSUED_A_PLEA,
    "issued": _ISSUED_A_PLEA,
    **{verb: (("that",),) for verb in THAT_COMPLEMENT_VERBS},
    **{verb: (("that",), ("of",), ("about",)) for verb in BOAST_VERBS},
    "confessed": (("that",), ("to",)),
    "confesses": (("that",), ("to",)),
}
"""Verbs that attribute only when these words follow ("found that", "put it to")."""
FINDING_PHRASE_OPENERS = _words("in during after through from last this earlier")
"""Words that open a phrase between a finding verb and its `that` ("found in a study that")."""
FINDING_VERBS = _words("found finds find show shows showed concluded concludes")
SHOW_VERBS = _words("show shows showed")
CONCERN_VERBS = _words("raised raises voiced voices expressed expresses")
THAT_VERBS = (
    _words(
        """posted responded challenge challenges challenged question questions questioned maintain
    maintains maintained mentioned mentions mention suspected suspect suspects testified
    testifies testify"""
    )
    | OBJECT_THAT_VERBS
)
"""Verbs that report only with a `that` clause or `by saying` close after them ("maintained
that"; not "which maintains 4,300 miles", "responded to that exchange")."""
NAMING_VERBS = _words("called calls call labelled labeled branded dubbed")
"""Verbs that report when a quotation names the object ("called the report ‘a fantasy’")."""
PERFECT_ONLY = _words("written")
"""Participles that report only after has/had/have ("had written, “..."; not "a report
written by")."""
FORECASTING = _words("expecting forecasting estimating projecting predicting")
"""Progressives that report a forecast when a figure follows ("analysts were expecting
$2.52 a share")."""
REPORTING_PARTICIPLES = _words("saying adding warning insisting arguing claiming telling")
"""Participles that report speech after a comma (", saying ...") or in "quoted as saying"."""
SPEECH_PARTICIPLES = _words(
    """saying adding claiming arguing insisting warning noting explaining stating suggesting
    accusing alleging telling complaining threatening"""
)
"""After a comma (or "while") these report the main clause's subject's words ("She stood by
it, saying ...", "..., while claiming they ...")."""
NOUN_PARTICIPLES = _words(
    "saying claiming accusing arguing warning alleging suggesting stating insisting calling"
)
"""After a message ("comments accusing her of ...", "a letter saying that ..."): the
message is the claimant."""
STANCE_ADJECTIVES = _words(
    """concerned adamant convinced confident worried optimistic pessimistic hopeful certain
    sceptical skeptical insistent emphatic unequivocal satisfied fearful"""
)
"""After "is"/"are", with a clause following, these report a stance ("The council is
concerned the laws would ...", "The union is adamant that ...")."""
CLAIM_NOUNS = _words(
    """notion view argument claim contention assertion belief insistence warning prediction
    conclusion position theory suggestion assessment allegation accusation estimate vow
    pledge promise declaration assurance announcement statement admission denial complaint
    revelation disclosure remark comment testimony finding forecast projection report threat
    acknowledgment acknowledgement recommendation boast conclusions assertions allegations
    accusations warnings predictions assessments claims arguments beliefs findings"""
)
"""Nouns that carry a claim after someone's name ("de Miranda’s notion that ...")."""
CLAIM_OBJECTS = _words(
    """responsibility credit victory lives ownership asylum title seat damages benefits
    compensation throne crown prize spot record refund allowance expenses"""
)
"""What "claimed" takes when it is no statement ("no group claimed responsibility")."""
NOUN_VERBS = _words(
    """forecast forecasts estimate estimates claim claims report reports promise promises
    pledge pledges tweet tweets call calls note notes question questions challenge challenges
    hold holds fear fears find finds quote quotes show shows vow vows blame blames"""
)
"""Words that are reporting verbs or nouns: as verbs they need a subject before and an
object or clause after ("the budget office forecast was revised" is a noun)."""
EVIDENTIAL_VERBS = _words(
    "show shows showed suggest suggests suggested indicate indicates indicated"
)
HANDED_PARTICIPLES = _words("obtained seen released leaked published prepared compiled")
"""Participles that mark a phrase as a document passed to someone ("figures obtained by")."""
HEDGE_ADVERBS = _words("reportedly allegedly purportedly supposedly reputedly")
HEDGE_PARTICIPLES = _words(
    """said reported understood alleged rumoured rumored believed thought told described accused
    seen regarded viewed considered expected suspected credited hailed touted"""
)
"""Speakerless hedges: "It is understood that", "are said to have", "is believed to"."""
HEDGE_INFINITIVES = _words("have be been owe hold favour favor want plan back oppose")
INDEFINITE_PRONOUNS = _words(
    """everyone everybody anyone anybody nobody someone somebody none nothing something
    everything"""
)
"""Indefinite pronouns: "everyone agrees that" is the writer's own statement, not a claim."""
CONCERN_NOUNS = _words("concern concerns questions doubts fears alarm objections worries")
"""`raised concerns`, `voiced doubts`: these verbs attribute only with such an object."""

QUOTE_VERBS = _words(
    """responded responds replied replies interjected interjects rejoined rejoins quipped quips
    joked jokes continued continues asked asks countered counters wondered wonders mused muses
    exclaimed exclaims shouted shouts yelled yells whispered whispers sighed sighs snapped
    snaps laughed laughs pleaded pleads retorted retorts remarked remarks
    answered answers explained explains added adds recalled recalls conceded concedes
    declared declares observed observes scoffed scoffs fumed fumes gushed gushes enthused
    enthuses raved raves marveled marvels marvelled groused grouses griped gripes grumbled
    grumbles whined whines muttered mutters murmured murmurs stammered stammers barked barks
    growled growls thundered thunders bragged brags boasted boasts teased teases chided
    chides deadpanned deadpans protested protests objected objects chimed chimes
    reasoned reasons predicted predicts weighed weighs ordered orders commanded commands
    demanded demands instructed instructs chanted chants sang sings screamed screams
    comments commented laments lamented assured assures"""
)
"""Verbs of speaking that attribute only beside a quotation ("“...,” Prelogar responded.",
"Alito continued: “...”", "“...?” he asked."): "responded to the letter", "continued to
rise" and "asked about the plan" report nothing."""

INVERSION_VERBS = QUOTE_VERBS | _words(
    """said says say added adds wrote writes warned warns replied replies insisted insists
    noted notes explained explains cautioned admitted admits continued continues recalled
    recalls argued argues asked asks concluded concludes suggested suggests stated claimed
    confirmed announced acknowledged reported reports tweeted maintained stressed emphasized
    emphasised commented comments underlined underlines complained complains lamented
    laments agreed agrees revealed reveals alleged alleges"""
)
"""Verbs that may come before their subject after a quotation ("...,” said Frank Doyle)."""

SKIPPABLE_BEFORE_VERB = _words(
    """has have had was were is are been being be also since later earlier then now previously
    again already once still separately subsequently initially first today yesterday
    repeatedly not never did does do would will could may might should must can just long
    always even overall further flat-out both twice ever often sometimes soon yet too"""
)
"""Auxiliaries and adverbs that can stand between a subject and its verb."""
NEGATIONS = _words("not never neither nor")
"""Between a subject and its verb, these make the cue a non-statement ("has not said")."""

FORMS_OF_BE = _words("was were is are been being be")
LY_NOT_ADVERBS = _words("only family ally rally italy july reply supply assembly")
"""Words ending in -ly that are not adverbs (so never skipped between subject and verb)."""

# --------------------------------------------------------------------------------------------
# Function words

DETERMINERS = _words(
    """the a an this that these those its his her their our my your one two three four five six
    seven eight nine ten several some many few both all each every another other various
    numerous multiple unnamed anonymous no most"""
)
INDEFINITE_DETERMINERS = _words(
    """a an one two three four five six seven eight nine ten several some many few various
    numerous multiple another unnamed anonymous certain"""
)
PERSONAL_PRONOUNS = _words("he she they it we i you")

PHRASE_PREPOSITIONS = _words(
    "of for with at from in on to by near inside within under across around throughout"
)
"""Prepositions that may sit inside a claimant noun phrase ("officials at the ministry")."""

FORWARD_PREPOSITIONS = _words("of for with at from in on to near")
"""Prepositions a phrase read forwards may run on through ("officials at the ministry")."""

HEAD_BREAKS = PHRASE_PREPOSITIONS | _words("close familiar who which whose that briefed")
"""Words that follow the head of a noun phrase ("a person *familiar* with" -> person)."""

FUNCTION_WORDS = _words(
    """that which who whom whose what where when while if because although though whereas
    unless until than as but or nor so yet there here not how why whether after before since
    also only even just very more most less least such him them us me himself herself itself
    themselves is are was were be been being has have had do does did will would can could may
    might must shall should however meanwhile instead"""
)

TIME_WORDS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday morning afternoon evening night week month year weekend"""
)

DATE_WORDS = TIME_WORDS - _words("morning afternoon evening night week month year weekend")

# --------------------------------------------------------------------------------------------
# Nouns that head claimant phrases

PEOPLE_NOUNS = _words(
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
    daughter daughters son sons mother father widow widower developer developers programmer
    programmers designer designers writer writers novelist artist artists tweeter tweeters
    user users blogger bloggers commenter commenters poster fan fans veteran veterans
    physicist physicists scholar scholars fellow coach player players team panel consumer
    consumers customer customers shopper shoppers passenger passengers traveller travellers
    traveler travelers subscriber subscribers commuter commuters motorist motorists driver
    drivers citizen citizens visitor visitors buyer buyers homeowner homeowners advocate
    advocates lobbyist lobbyists watchdogs crowd crowds demonstrator demonstrators medic
    medics paramedic paramedics rescuer rescuers suspect suspects hawks doves pundit pundits
    skeptic skeptics sceptic sceptics proponent proponents backer backers detractor
    detractors watchers conservatives liberals progressives moderates hardliner hardliners
    rebel rebels militant militants neighbors neighbours locals villager villagers fisherman
    fishermen miner miners boss bosses legislator legislators soldier soldiers troops
    taxpayer taxpayers netizens astronomer astronomers professionals entrepreneur
    entrepreneurs lovers enthusiasts followers admirers devotees"""
)
"""Heads of noun phrases that name people or groups of people."""

PERSON_ROLES = _words(
    """president-elect vice-president governor-elect mayor-elect architect decorator rapper
    songwriter painter sculptor comedian physician pilot sheriff curator goalie goalkeeper striker
    defender midfielder quarterback pitcher linebacker winger
    rookie shortstop outfielder jockey skipper swimmer sprinter golfer boxer cyclist skier
    minister secretary spokesman spokeswoman spokesperson official engineer analyst expert
    economist scientist researcher lawyer attorney prosecutor judge officer adviser advisor
    aide diplomat executive director chief chairman chairwoman chair president mayor governor
    senator lawmaker mp councillor councilor member leader head manager inspector
    investigator auditor commissioner ambassador envoy negotiator representative resident
    witness activist campaigner critic owner founder co-founder ceo employee worker
    consultant contractor planner doctor nurse professor academic historian author editor
    reporter correspondent journalist columnist commentator colleague friend deputy premier
    chancellor commander captain colonel farmer teacher student trader banker investor broker
    strategist forecaster meteorologist counsel developer programmer designer writer novelist
    poet artist actor actress singer musician photographer filmmaker producer coach player
    fellow scholar physicist chemist biologist mathematician oceanographer psychologist
    sociologist philosopher surgeon veteran pastor priest bishop rabbi imam detective
    sergeant superintendent constable blogger user tweeter graduate mother father wife
    husband daughter son sister brother aunt uncle grandmother grandfather widow widower
    partner girlfriend boyfriend fiancée fiancé niece nephew cousin boss staffer analyst
    strategist pollster organiser organizer chef"""
)
"""Singular nouns for a person's role: next to a capitalised name they make it a person's
("developer Ammar Askar", "Joe Carbone, president of ...", "her mother, Fiona")."""
_NOT_ROLES_IN_IST = frozenset(
    "playlist checklist shortlist wishlist persist consist insist resist whilst amidst".split()
)


def is_role_word(word: str) -> bool:
    """Whether lower-case `word` names a person's role: one of `PERSON_ROLES`, or an
    occupation known by its ending ("biochemist", "guitarist", "epidemiologist")."""
    if word in PERSON_ROLES:
        return True
    single = word.removesuffix("s")
    return len(single) >= 7 and single.endswith("ist") and single not in _NOT_ROLES_IN_IST


FEMALE_ROLES = _words(
    "mother wife daughter sister aunt grandmother widow girlfriend fiancée niece actress "
    "spokeswoman chairwoman congresswoman"
)
MALE_ROLES = _words(
    "father husband son brother uncle grandfather widower boyfriend fiancé nephew actor "
    "spokesman chairman congressman"
)

ORG_NOUNS = _words(
    """government opposition ministry department agency office council committee commission board
    authority authorities company firm group bank union party court parliament army military
    regulator watchdog operator utility airline university institute hospital trust foundation
    charity association federation organisation organization coalition alliance campaign
    administration cabinet treasury newspaper paper outlet broadcaster magazine newsletter
    website network channel station report reports statement study survey analysis review audit
    inquiry document documents memo letter filing assessment estimate estimates figures data
    presentation
    records forecast research poll article story release briefing evidence email emails
    transcript sheet minutes spreadsheet footage recording
    service partners partnership consortium networks body team panel league notes comments
    comment post posts message messages sign signs banner banners notice leaflet advert
    petition headline headlines studies surveys findings"""
)
"""Heads of noun phrases that name organisations or documents."""

DOCUMENT_NOUNS = _words(
    """report article story statement study survey analysis review audit assessment
    investigation presentation document memo letter
    filing briefing figures data records research poll release evidence sheet emails minutes
    spreadsheet footage recording documents notes comments comment post posts message
    messages tweet tweets email sign signs banner banners notice leaflet advert ad petition
    headline headlines reports studies surveys findings results tests experiments trials
    analyses polls files papers description"""
)
OUTLET_NOUNS = _words("paper newspaper outlet newsletter broadcaster magazine publication")
WORK_NOUNS = _words(
    """film films movie movies book books novel novels show shows series documentary play
    song songs album episode game games video videos musical opera exhibition"""
)
"""Works that tell a story without stating anything ("the film tells the story of")."""
COMPANY_NOUNS = _words("company firm operator utility manufacturer business")
"""Nouns for a company: "the company said" means the company the article named before."""
COMPANY_KIND_NOUNS = _words(
    """carmaker automaker airline carrier retailer insurer lender chipmaker startup start-up
    maker producer supplier developer publisher brand conglomerate chain"""
)
"""Nouns for a kind of company: "the carmaker said" means the company named before, when
the article named only one company shortly before."""
AGENCY_NOUNS = _words(
    """agency authority ministry department regulator commission administration office
    watchdog bureau council board institute"""
)
"""Nouns for a public body: "the agency said" means the body the article named before,
one whose name holds the same word first ("the ministry" -> "the Ministry of Health")."""
BODY_NAME_WORDS = AGENCY_NOUNS | _words("service police force")
"""Words that make a capitalised name a public body ("the National Weather Service")."""
GROUP_NOUNS = _words("group campaign charity organisation organization body")
SPOKESPEOPLE = _words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen")
DEFINITE_DETERMINERS = _words("the its his her their our this these those")
COLLECTIVE_NOUNS = _words(
    """groups companies firms organisations organizations charities parties banks airlines
    operators businesses campaigners"""
)
"""Plural nouns for organisations: unnamed when plural ("environmental groups said")."""

# --------------------------------------------------------------------------------------------
# Capitalised names: outlets, organisations, titles, first names

OUTLET_NAME_WORDS = _words(
    """gazette times post news herald journal review chronicle tribune telegraph guardian
    observer express mail standard mirror courier record press daily weekly radio television
    broadcasting wire reuters bloomberg afp bbc cnn npr economist politico axios monitor
    bulletin dispatch sentinel examiner inquirer star sun insider magazine echo ledger
    engineer newsletter standard-courier"""
)
"""Last words that make a capitalised name a news outlet ("the Harbour Gazette")."""

COMPANY_NAME_WORDS = _words(
    """ltd ltd. inc inc. plc llc group networks partners generation holdings energy power grid
    gateway airlines motors bank utilities water rail care health healthcare foods systems
    technologies technology tech labs media solutions services industries pharmaceuticals
    pharma capital ventures entertainment studios games software financial insurance airways
    transit logistics brands retail stores markets electric digital analytics consulting
    communications telecom mobile corp corp. corporation co co. company fund investments
    properties homes construction mining oil gas petroleum chemicals steel foundation
    clinic clinics pharmacy bakery brewery farms airport port shipping freight motors air
    automotive aerospace defense defence security records music pictures films productions
    publishing publishers network"""
)
GROUP_NAME_WORDS = _words(
    """group families campaign alliance association coalition trust union council society
    foundation charity federation college club"""
)
ORG_NAME_WORDS = (
    OUTLET_NAME_WORDS
    | COMPANY_NAME_WORDS
    | GROUP_NAME_WORDS
    | _words(
        """authority agency ministry department board institute university hospital royal general
    street road party court parliament commons inquiry service office commission committee
    league center centre school college academy laboratory lab museum police senate house
    congress assembly council administration bureau chamber international"""
    )
)
"""Words that make a capitalised name an organisation or a place, not a person."""

PLACE_NAMES = frozenset(
    " ".join(name.split())
    for name in """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|
    Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
    Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|
    Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|
    Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|
    East Timor|Ecuador|Egypt|El Salvador|England|Equatorial Guinea|Eritrea|Estonia|Eswatini|
    Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|
    Guinea|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|
    Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|
    Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
    Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|
    Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|
    New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Northern Ireland|Norway|
    Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|
    Puerto Rico|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Scotland|Senegal|
    Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|
    South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|
    Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Tunisia|Turkey|Turkmenistan|Tuvalu|
    Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|
    Vanuatu|Vatican|Venezuela|Vietnam|Wales|West Bank|Yemen|Zambia|Zimbabwe|Gaza|Crimea|
    Europe|Africa|Asia|Latin America|North America|South America|Middle East|
    Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|
    Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|
    Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|
    New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|
    Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|
    Vermont|Washington|West Virginia|Wisconsin|Wyoming""".split("|")
)
"""Countries, regions and US states: names that speak ("South Africa said") without being
people, and that close an address ("Eddie Foreman, 40, of Opelika, Alabama, said")."""

TITLES = _words(
    """mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. sir dame lady lord baroness baron
    councillor cllr cllr. professor sen. rep. gov. gen. lt. col. maj. capt. sgt. cpl. rev.
    hon. pres. amb. atty. supt. insp. det. brig. adm. cmdr. fr. msgr."""
)
"""Honorifics and abbreviated titles before a name ("Dr. Priya Ramanathan", "Sen. Mark
Warner"): never part of the name shown."""

ROLE_TITLES = _words(
    """president-elect vice-president governor-elect mayor-elect president presidents vice
    prime minister ministers senator senators representative
    congressman congresswoman governor mayor judge justice general chancellor secretary
    ambassador commissioner chairman chairwoman chair director chief inspector detective
    sergeant constable superintendent commander captain colonel major lieutenant admiral
    pope king queen prince princess sheikh emir premier leader opposition foreign defence
    defense finance health interior home state deputy assistant acting former first lady
    attorney district u.s. us uk eu un nato white house press spokesman spokeswoman
    spokesperson executive officer ceo coach manager head editor dean provost reverend
    bishop archbishop cardinal rabbi imam father sister brother uncle aunt grandmother
    grandfather dame sir speaker sheriff councilman councilwoman councilmember alderman
    assemblyman assemblywoman treasurer comptroller prosecutor coroner marshal magistrate
    majority minority whip founder co-founder cofounder chairperson"""
)
"""Capitalised words that may stand as a title before a personal name ("Prime Minister Mark
Rutte", "Opposition Leader Bill Shorten", "Secretary of State ..."): left out of the name."""

PERSONAL_TITLES = _words(
    """mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. sir dame lady lord baroness baron
    councillor cllr cllr. professor sen sen. senator rep rep. gov gov. governor president
    mayor judge pope king queen prince princess sheikh chancellor premier congressman
    congresswoman ambassador commissioner"""
)
"""Titles that make even a one-word rest a person ("President Trump", "Sen. Warner"); an
ambiguous one ("General Electric") needs two words after it."""
FEMALE_TITLES = _words("mrs mrs. ms ms. miss dame lady baroness")
MALE_TITLES = _words("mr mr. sir lord baron")

FEMALE_FIRST_NAMES = _words(
    """ana anna helen priya maureen miriam sheila ruth ingrid judith rachel olivia lena mary
    sarah emma laura maria elena jane susan karen linda patricia elizabeth jennifer margaret
    catherine claire alice rosalind julia sophie charlotte hannah rebecca natalia fatima amina
    aisha grace lucy emily chloe ellen nicola joanna katherine kate anne louise victoria
    caroline diana irene agnes martha eva marta ines lucia sofia isabel carmen rosa teresa
    yasmin leila nadia zainab chiara giulia marie camille lea astrid freya karin birgit mei
    yuki aiko hana priyanka deepa anita sunita kavita neha amara chioma ngozi jen jess meg
    beth sue pam deb jacinda yulia svetlana olga natasha irina ludmila lyudmila marine
    segolene ségolène annalena ilhan kamala benazir indira mamata nirmala golda tzipi ayelet
    greta sanna mette katrin jutta ulrike anneliese brigitte francoise françoise
    elisabetta giorgia federica ximena dilma cristina michelle gloria imelda corazon
    ngozi chimamanda folake wangari graca graça iris ivy daisy holly amber crystal dawn
    penny"""
)
MALE_FIRST_NAMES = _words(
    """john james robert michael william david richard joseph thomas charles daniel matthew
    mark paul steven andrew kenneth george edward brian kevin peter tom callum gareth frank
    desmond anand kenny rashid tomasz sunil gregor nathaniel ewan martin mohammed ahmed ali
    omar hassan ivan sergei dmitri pierre jean luca marco giovanni carlos juan miguel jose
    pedro diego hans klaus jan lars erik olaf ravi raj arjun vikram hiroshi kenji wei chen
    samuel benjamin henry jack harry oliver charlie alfie simon stephen neil ian graham alan
    colin keith gordon douglas stuart alistair hamish angus fergus chidi emeka tunde kwame
    sam mike bob ben dan nick tony jeff pete rob jake zach josh nate ken rick
    vladimir sergey dmitry alexei alexey mikhail nikolai yuri igor oleg andrei andriy
    volodymyr petro vitali vitaly viktor vladislav yevgeny evgeny gennady anatoly
    recep tayyip narendra rahul amit arvind manmohan rishi sanjay rajiv atal nitish
    jurgen jürgen wolfgang helmut gerhard horst heiko markus matthias stefan florian
    thierry francois françois laurent olivier nicolas fabien didier arnaud benoit
    jacques-yves giuseppe matteo silvio luigi enrico paolo alessandro lorenzo massimo
    giorgio luiz inacio jair rodrigo mauricio santiago evo hugo nicolás andrés
    shinzo fumio yoshihide takeshi junichiro naoto taro yoshihiko kishida
    yusuf ibrahim abdullah abdel mahmoud mustafa khalid tariq imran nawaz hamid bashar
    hosni anwar saddam muammar hamad salman faisal mohammad mohamed muhammad hussein
    hossein reza javad yair naftali avigdor ehud shimon moshe yitzhak benny
    emmerson olusegun goodluck muhammadu uhuru jomo thabo kofi yoweri jakaya nnamdi
    nelson desmond kwesi tobias dimitri keir boris lewis lance rod gene earl dale glen
    rusty pierce mason carter cooper ray don jay clay cliff chuck hank warren spencer
    tucker parker ted al nico kimi christian"""
)


_NOT_FIRST_NAMES = (
    PEOPLE_NOUNS
    | ORG_NOUNS
    | ROLE_TITLES
    | TITLES
    | TIME_WORDS
    | ORG_NAME_WORDS
    | REPORTING_VERBS
    | _words("""will may bill grant rich sunny""")
)
FEMALE_FIRST_NAMES = FEMALE_FIRST_NAMES | (first_names.FEMALE - MALE_FIRST_NAMES - _NOT_FIRST_NAMES)
MALE_FIRST_NAMES = MALE_FIRST_NAMES | (first_names.MALE - FEMALE_FIRST_NAMES - _NOT_FIRST_NAMES)
"""The hand lists above, and the common first names of the 1990 US Census
(`first_names`), less words the engine reads otherwise ("Will", "Judge", "June")."""
EITHER_FIRST_NAMES = first_names.EITHER - MALE_FIRST_NAMES - FEMALE_FIRST_NAMES - _NOT_FIRST_NAMES
"""First names given to women and men alike ("Robin", "Casey"): a person, of no known
gender."""


VERB_ONLY = REPORTING_VERBS - PEOPLE_NOUNS - ORG_NOUNS - NOUN_VERBS
"""Reporting verbs that are never nouns of a claimant phrase."""
NAME_GLUE = PHRASE_PREPOSITIONS | DETERMINERS | {"and"}

COMMON_CAPS = _words(
    """senior junior former local regional national unnamed anonymous some both critics
    officials unions campaigners engineers analysts experts residents insurers"""
)
"""Capitalised only because they open the sentence: not names."""

LOWER_CASE_OPENERS = _words("the a an one two three some several many both its his her their our")
"""First words shown lower-case in a claimant ("The trust" -> "the trust")."""

# --------------------------------------------------------------------------------------------
# Clauses

CLAUSE_MARKS = frozenset(",;:—–()")
OPENING_ADVERBIALS = _words(
    """after before when while since during despite although though as if because once
    instead meanwhile however still yet later earlier today yesterday now then also again
    nonetheless nevertheless moreover furthermore additionally separately finally first
    last recently previously initially ultimately hours days weeks months years moments
    minutes"""
)
"""Words that open a phrase before the subject of a sentence ("After the vote, ...")."""
"""Marks that close a clause or an aside."""
ASIDE_OPENERS = _words(
    """who whom whose which where when however too meanwhile though although also then now
    like unlike including because while after before since as if unless until despite"""
)
"""Words that open an aside between a subject and its verb ("X, who ..., said")."""
