"""Who speaks: titles and descriptions of people, honorifics, organisation, outlet and
group head nouns, and the words that build and qualify their names."""

from provenance.extraction.lexicon import wordset

#: Singular nouns that describe an unnamed person who speaks (``a regular commuter said``,
#: ``the second civilian told``, ``a senior backbencher says``).
DESCRIPTIONS = wordset(
    "civilian member resident witness survivor villager worker employee student protester "
    "demonstrator backbencher backbench shopkeeper driver farmer trader vendor relative victim "
    "mourner volunteer activist observer commuter passenger customer voter parent "
    "medic paramedic engineer officer soldier fighter guard pilot guide negotiator "
    "mediator campaigner organiser organizer supporter opponent critic insider eyewitness "
    "bystander onlooker lawmaker legislator delegate representative pensioner veteran refugee "
    "migrant prisoner inmate detainee hostage defendant plaintiff shareholder investor donor "
    "teenager pupil graduate specialist developer producer"
)

#: Words of a person's title or role (``deputy foreign minister``), the descriptions included.
TITLES = (
    wordset(
        "minister prime deputy dy foreign treasurer president vice spokesman spokeswoman "
        "spokesperson ambassador secretary general chief executive officer director chairman "
        "chairwoman chair chairperson head leader governor mayor senator representative "
        "congressman congresswoman lawmaker mp judge justice attorney lawyer commander colonel "
        "lieutenant captain sergeant admiral marshal king queen prince princess sheikh emir "
        "envoy diplomat consul councilmember councillor councilor councilman councilwoman "
        "manager coach professor prof dr doctor founder ceo cfo coo cto chancellor premier "
        "assistant associate senior junior former acting interim top presiding state home "
        "interior defence defense finance health education information commissioner inspector "
        "superintendent editor correspondent analyst economist researcher scientist "
        "neurologist physician surgeon nurse official officials advisor adviser counsel "
        "speaker whip pm fm mr mrs ms miss sir dame lord lady rev father bishop pope cardinal "
        "imam rabbi striker midfielder defender goalkeeper player owner partner "
        "president-elect deputy-general secretary-general spokespersons mother grandmother "
        "grandfather son daughter wife husband brother sister uncle aunt cousin niece nephew "
        "friend neighbour neighbor colleague boss skipper widow widower fiance fiancee "
        "girlfriend boyfriend teacher"
    )
    | DESCRIPTIONS
)

#: Honorifics before a name (``Mr``, ``Dr``).
HONORIFICS = wordset("mr mrs ms miss dr prof sir dame lord lady rev")

#: Abbreviations that keep their period inside a name (``Acme Inc.``).
NAME_ABBREVIATIONS = wordset("st jr sr inc ltd corp co bhd")

#: Head nouns of an organisation's name or description (``the ministry``, ``Acme Holdings``).
ORG_HEADS = wordset(
    "ministry office government council embassy agency party company corporation corp inc ltd "
    "plc llc bank fund committee commission department court tribunal army military forces "
    "police navy parliament assembly senate congress cabinet administration authority union "
    "association federation organisation organization institute university foundation board "
    "club secretariat mission delegation consulate regime presidency league alliance coalition "
    "movement "
    "service bureau directorate command firm society centre center school hospital museum "
    "airline group systems holdings biosciences institution collection network newspaper "
    "channel station broadcaster outlet daily weekly magazine website platform house affairs "
    "paper tabloid journal publication conglomerate carmaker automaker retailer manufacturer "
    "insurer lender chipmaker operator maker provider supplier giant startup distributor "
    "exporter importer tv television radio"
)

#: Nouns by which a news story refers back to an outlet it named (``the newspaper said``).
OUTLET_HEADS = wordset(
    "newspaper paper daily weekly broadcaster magazine tabloid website outlet publication "
    "journal broadsheet tv television radio"
)

#: Words that English newspaper titles are made of (``The Morning Herald``).
OUTLET_NAME_WORDS = wordset(
    "journal times post herald tribune gazette telegraph chronicle observer guardian "
    "independent standard express courier inquirer examiner monitor news daily weekly ledger "
    "dispatch sentinel globe mirror mail press bulletin reporter enquirer register echo argus "
    "beacon star sun"
)

#: Singular heads of an anonymous source (``a person familiar with the matter``).
ANONYMOUS_HEADS = wordset("person figure source insider aide")

#: Plural (and anonymous singular) heads of a group that speaks (``residents``, ``officials``,
#: ``a source``).
GROUP_HEADS = (
    wordset(
        "residents locals officials media reports experts sources analysts witnesses powers "
        "spokespersons spokesmen civilians people critics activists observers diplomats "
        "lawmakers leaders protesters campaigners villagers members workers employees doctors "
        "students parents families neighbours neighbors investors economists scientists "
        "researchers supporters opponents fans users voters citizens commentators insiders "
        "outlets newspapers governments rebels militants soldiers rescuers survivors others "
        "authorities claims allegations unions organisers organizers teachers nurses farmers "
        "traders shopkeepers owners executives staff states countries nations groups delegates "
        "delegations spokespeople participants attendees clubs firms companies banks lenders "
        "businesses scholars academics lawyers attorneys relatives patients passengers commuters "
        "shoppers customers clients consumers tenants homeowners motorists victims mourners "
        "crews firefighters astronomers physicians fishermen miners pilots drivers monitors "
        "inspectors investigators prosecutors officers guards demonstrators vendors merchants "
        "pensioners veterans refugees migrants worshippers backbenchers senators legislators "
        "ministers negotiators mediators envoys brokers bankers dealers borrowers shareholders "
        "bondholders creditors donors volunteers medics paramedics engineers specialists troops "
        "fighters gunmen hostages detainees prisoners inmates defendants plaintiffs buyers "
        "sellers candidates bystanders onlookers eyewitnesses youths pupils children crew jury"
    )
    | ANONYMOUS_HEADS
)

#: What describes an anonymous source after its noun (``people familiar with the matter``,
#: ``sources close to the talks``, ``a person with knowledge of the plans``).
SOURCE_QUALIFIERS = (
    ("familiar", "with"),
    ("close", "to"),
    ("briefed", "on"),
    ("aware", "of"),
    ("knowledgeable", "about"),
    ("with", "knowledge"),
    ("involved", "in"),
)

#: Prepositions that tie a group noun to where or what it belongs (``residents of``,
#: ``officials in``).
GROUP_LINKS = wordset("from along in on at of across near around with")

#: Definite articles of other languages that open the names of publications (``La Gazette``).
TITLE_ARTICLES = wordset("le la les el los las der die das il")

#: Lower-case words inside names (``Bank of X``, ``Jo van Roe``).
NAME_CONNECTORS = wordset("of for at to de van von der al bin el la le du da dos di y")

#: Generic nouns for a business: ``the company`` is the last business named.
CORPORATE_HEADS = frozenset(
    {
        "company",
        "firm",
        "group",
        "corporation",
        "business",
        "lender",
        "conglomerate",
        "carmaker",
        "automaker",
        "retailer",
        "manufacturer",
        "insurer",
        "chipmaker",
        "operator",
        "airline",
        "bank",
        "giant",
        "maker",
        "provider",
        "supplier",
    }
)

#: Heads of public bodies and associations: not what ``the company`` refers to.
PUBLIC_BODY_HEADS = frozenset(
    {
        "ministry",
        "government",
        "council",
        "embassy",
        "court",
        "tribunal",
        "army",
        "military",
        "police",
        "parliament",
        "assembly",
        "senate",
        "congress",
        "cabinet",
        "administration",
        "authority",
        "commission",
        "committee",
        "department",
        "agency",
        "office",
        "presidency",
        "municipality",
        "union",
        "association",
        "university",
    }
)

#: Titles of someone who speaks for an organisation without being named.
SPOKESPERSON_TITLES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "representative"}
)

#: Heads of a government department (``the Foreign Ministry``, ``the Home Office``).
MINISTRY_HEADS = frozenset({"ministry", "office", "department"})

#: Words that mark a name as a company's (``Acme Ltd``, ``Brightwater Holdings``).
CORPORATE_MARKS = frozenset(
    {"ltd", "inc", "corp", "plc", "llc", "co", "ag", "sa", "gmbh", "nv", "bhd", "holdings"}
)

#: Endings of demonyms (``Japanese``, ``Kenyan``): a place's adjective, not a name.
DEMONYM_ENDINGS = ("ese", "ian", "ean", "can", "ish", "ench", "utch", "ani", "eli", "ari")

#: Prepositions that tie a name to a place (``of``, ``from``, ``along``).
PLACE_LINKS = frozenset({"of", "from", "in", "along", "at", "on", "across", "near"})

#: Words an organisation's initialism leaves out (``Bank of X``: ``BX``).
INITIALISM_SKIPPED = frozenset({"of", "and", "for", "the", "&", "on", "in", "de"})

#: Honorifics as written before a name (case-sensitive): ``Dr Jo Roe``, ``Mr. Roe``.
HONORIFIC_PATTERN = r"(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame|Rev)"

#: Participles that introduce a name (``a man called Jo Roe``, ``a firm named Acme``).
NAMING_PARTICIPLES = wordset("called named")

#: Prepositions that tie a person to an affiliation after the name (``Jo Roe of the Institute``).
AFFILIATION_LINKS = wordset("of at from")

#: Words a broadcaster's name may end with before its number (``News 9``, ``Radio 4``).
STATION_WORDS = OUTLET_NAME_WORDS | wordset("channel radio tv television network")

#: Subjects whose forecast of a figure is an expectation (``Analysts had forecast a loss``).
FORECASTER_HEADS = wordset(
    "analysts economists strategists traders investors markets consensus estimates polls "
    "forecasters brokers"
)

#: Plural heads of ``both sides``, ``the two countries``: the pair named just before.
PAIR_HEADS = wordset(
    "sides countries nations governments leaders parties teams clubs companies firms "
    "ministers camps states men women"
)

#: ``Reaction from members ...``: links from a heading word to the people it reports.
REACTION_LINKS = wordset("from among")
