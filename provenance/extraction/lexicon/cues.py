"""Reporting cues: the verbs and phrases by which English news attributes speech.

The machinery that finds them is :mod:`provenance.extraction.cues`.

A cue is found as written (``"has also expressed"`` is found as ``"expressed"``; the
auxiliaries are picked up by the caller). Each verb belongs to one or more classes
that say what may follow it:

* ``clause``: a content clause, with or without "that" (``said``, ``added``);
* ``that``: a content clause after "that" or a colon (``warned that``), or without "that"
  when a subject and its verb follow at once (``insisted the plan would work``);
* ``object``: a noun phrase that is itself the content (``accused Westland of ...``);
* ``quote``: a quotation as its object (``called the reports "baseless"``);
* ``after``: may follow a quotation with its speaker (``"...," she recalled``);
* ``infinitive``: a to-infinitive that is itself the content (``vowed to fight on``);
* ``message``: an object that names a message is content (``conveyed his condolences
  to ...``, ``sent greetings to ...``), other objects are not (``extended the deadline``);
* ``addressee``: a that-clause after the person addressed (``assured residents that ...``);
* ``directive``: a person and a to-infinitive (``told passengers to travel by air``);
* ``naming``: a quotation in its object is a label, the one statement (``described it as
  "a disaster"``);
* ``pointing``: an object that only points at what was said is content all the same
  (``denied these claims``, ``accused each other of ...``).
"""

from provenance.extraction.lexicon import wordset

#: Verbs whose forms are not regular (or only some of whose forms are cues), by lemma.
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "refer": ("refer", "refers", "referred", "referring"),
    "regret": ("regret", "regrets", "regretted", "regretting"),
    "commit": ("commit", "commits", "committed", "committing"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "dub": ("dub", "dubs", "dubbed", "dubbing"),
    "label": ("label", "labels", "labelled", "labeled", "labelling", "labeling"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("posted",),
    "share": ("shared",),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "continue": ("continued",),
    "express": ("express", "expresses", "expressed", "expressing"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "hold": ("held",),
    "find": ("found", "finding"),
    "give": ("gave",),
    "send": ("send", "sends", "sent", "sending"),
    "seek": ("seek", "seeks", "sought", "seeking"),
}


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The forms of a verb: its :data:`IRREGULAR_FORMS`, else base, -s, -ed, -ing."""
    if lemma in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[lemma]
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("ss", "sh", "ch")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


#: Every single-word cue: its lemma and its classes (see the module docstring), one a line.
CUE_TABLE: tuple[tuple[str, str], ...] = (
    ("say", "clause after"),
    ("tell", "clause after addressee directive"),
    ("add", "clause after"),
    ("state", "clause after"),
    ("claim", "clause after"),
    ("write", "clause after"),
    ("tweet", "clause after"),
    ("note", "that after"),
    ("argue", "that after"),
    ("assert", "that after"),
    ("allege", "that"),
    ("warn", "that quote after addressee directive"),
    ("insist", "that after"),
    ("maintain", "that after"),
    ("explain", "that after"),
    ("stress", "that after"),
    ("emphasise", "that after"),
    ("emphasize", "that after"),
    ("reiterate", "that object quote"),
    ("reaffirm", "that object quote"),
    ("confirm", "that after object pointing"),
    ("announce", "that after object"),
    ("declare", "that after"),
    ("suggest", "that"),
    ("observe", "that after"),
    ("remark", "that after"),
    ("acknowledge", "that after"),
    ("admit", "that after"),
    ("disclose", "that"),
    ("reveal", "that"),
    ("report", "that object"),
    ("recall", "that after"),
    ("mention", "that object"),
    ("underline", "that"),
    ("underscore", "that"),
    ("highlight", "that"),
    ("contend", "that"),
    ("complain", "that after"),
    ("predict", "that after"),
    ("promise", "that quote infinitive object"),
    ("vow", "that quote infinitive"),
    ("pledge", "that quote infinitive"),
    ("concede", "that after"),
    ("deny", "that object pointing"),
    ("agree", "that after"),
    ("hint", "that"),
    ("indicate", "that"),
    ("assure", "that addressee object"),
    ("inform", "that addressee"),
    ("estimate", "that"),
    ("testify", "that"),
    ("caution", "that after"),
    ("reply", "that after"),
    ("respond", "that after"),
    ("counter", "that"),
    ("clarify", "that"),
    ("post", "that after"),
    ("share", "that after"),
    ("regret", "that"),
    ("forecast", "that object"),
    ("rule", "that"),
    ("find", "that"),
    ("accuse", "object quote pointing"),
    ("blame", "object pointing"),
    ("thank", "object"),
    ("refute", "object pointing"),
    ("reject", "object quote pointing"),
    ("condemn", "object quote pointing"),
    ("urge", "object quote directive"),
    ("express", "object quote"),
    ("demand", "object"),
    ("criticise", "object quote pointing"),
    ("criticize", "object quote pointing"),
    ("denounce", "object quote pointing"),
    ("call", "quote naming"),
    ("describe", "quote object naming"),
    ("term", "quote naming"),
    ("dub", "quote naming"),
    ("label", "quote naming"),
    ("brand", "quote naming"),
    ("dismiss", "object quote pointing"),
    ("welcome", "object quote pointing"),
    ("extend", "quote message"),
    ("convey", "quote message"),
    ("praise", "object quote"),
    ("hail", "object quote naming"),
    ("slam", "object quote pointing"),
    ("offer", "quote message"),
    ("continue", "after"),
    ("conclude", "after"),
    ("ask", "after directive"),
    ("answer", "after"),
    ("joke", "after"),
    ("quip", "after"),
    ("shout", "after"),
    ("exclaim", "after"),
    ("recount", "after"),
    ("dispute", "object pointing"),
    ("send", "message"),
    ("seek", "object"),
    ("protest", "object"),
    ("request", "object directive"),
    ("implore", "directive"),
    ("instruct", "directive"),
    ("advise", "addressee directive"),
    ("remind", "that addressee"),
    ("threaten", "infinitive"),
)

#: Multiword cues: the phrase, the forms of its first word, its pattern and its classes.
CUE_PHRASES: tuple[tuple[str, str, str, frozenset[str]], ...] = (
    ("call for", "call calls called calling", r"call(?:s|ed|ing)?\s+for", frozenset({"object"})),
    (
        "call on",
        "call calls called calling",
        r"call(?:s|ed|ing)?\s+(?:on|upon)(?!\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday"
        r"|friday|saturday|sunday|phone|telephone)\b)",
        frozenset({"object"}),
    ),
    (
        "appeal for",
        "appeal appeals appealed appealing",
        r"appeal(?:s|ed|ing)?\s+(?:for|to)",
        frozenset({"object"}),
    ),
    ("ask for", "ask asks asked asking", r"ask(?:s|ed|ing)?\s+for", frozenset({"object"})),
    (
        "put the toll at",
        "put puts putting",
        r"put(?:s|ting)?\s+the\s+(?:death\s+|casualty\s+)?(?:toll|number|figure|cost|bill)\s+at",
        frozenset({"object"}),
    ),
    (
        "object to",
        "object objects objected objecting",
        r"object(?:s|ed|ing)?\s+to",
        frozenset({"object"}),
    ),
    (
        "renew call for",
        "renew renews renewed renewing repeat repeats repeated repeating "
        "reiterate reiterates reiterated reiterating",
        r"(?:renew|repeat|reiterate)(?:s|ed|d|ing)?\s+(?:his|her|their|its|our|the)\s+"
        r"(?:calls?|appeals?|demands?)\s+(?:for|to)",
        frozenset({"object"}),
    ),
    (
        "speak against",
        "speak speaks spoke speaking",
        r"(?:speak|speaks|spoke|speaking)\s+(?:out\s+)?against",
        frozenset({"object"}),
    ),
    (
        "warn of",
        "warn warns warned warning",
        r"warn(?:s|ed|ing)?\s+(?:of|against)",
        frozenset({"object"}),
    ),
    (
        "apologise for",
        "apologise apologises apologised apologising apologize apologizes apologized apologizing",
        r"apologi[sz](?:e|es|ed|ing)\s+(?:to\s+\w+\s+)?for",
        frozenset({"object"}),
    ),
    (
        "express concern over",
        "express expresses expressed expressing voice voices voiced voicing",
        r"(?:express(?:es|ed|ing)?|voic(?:e|es|ed|ing))\s+(?:(?:his|her|their|its|deep|grave|serious|strong)\s+)"
        r"{0,2}(?:concerns?|worry|worries|alarm|dismay|outrage|shock|disappointment|regret|sorrow"
        r"|satisfaction|support|solidarity|hope|confidence|opposition)\s+(?:over|about|at|for|with"
        r"|in|on|to)",
        frozenset({"object"}),
    ),
    (
        "point out",
        "point points pointed pointing",
        r"point(?:s|ed|ing)?\s+out",
        frozenset({"that"}),
    ),
    (
        "make it clear",
        "make makes made making",
        r"(?:make|makes|made|making)\s+it\s+clear",
        frozenset({"that"}),
    ),
    (
        "make clear",
        "make makes made making",
        r"(?:make|makes|made|making)\s+clear",
        frozenset({"that"}),
    ),
    (
        "pay tribute to",
        "pay pays paid paying",
        r"(?:pay|pays|paid|paying)\s+(?:tribute|respects?)\s+to",
        frozenset({"object"}),
    ),
    (
        "express interest in",
        "express expresses expressed expressing",
        r"express(?:es|ed|ing)?\s+(?:an\s+)?interest\s+in",
        frozenset({"object"}),
    ),
    (
        "be vocal in",
        "been was were is are",
        r"(?:been|was|were|is|are)\s+vocal\s+(?:in|about)",
        frozenset({"object"}),
    ),
    ("quote as saying", "quoted", r"quoted\s+as\s+saying", frozenset({"clause", "quote"})),
    (
        "go on to say",
        "went goes go going",
        r"(?:went|goes|go|going)\s+on\s+to\s+say",
        frozenset({"clause"}),
    ),
    (
        "write separately",
        "wrote writes write writing",
        r"(?:wrote|writes|write|writing)\s+separately(?:\s+to\s+(?:say|argue|note))?",
        frozenset({"that", "clause"}),
    ),
)

#: What may follow a cue (see the module docstring).
CUE_CLASSES = frozenset(
    {
        "clause",
        "that",
        "object",
        "quote",
        "after",
        "infinitive",
        "pointing",
        "message",
        "addressee",
        "directive",
        "naming",
    }
)

#: Nouns that make the object of a ``message`` cue a message.
MESSAGE_NOUNS = wordset(
    "condolences condolence sympathy sympathies greetings felicitations congratulations "
    "gratitude thanks wishes message solidarity"
)


#: Words that may stand between a subject and its cue (``has also``, ``came forward to``).
AUXILIARIES = wordset(
    "has have had was were is are be been being will would shall should may might can could "
    "must did does do also further then again later earlier once repeatedly vehemently "
    "reportedly strongly firmly publicly previously recently already subsequently separately "
    "categorically flatly openly emphatically clearly explicitly bluntly angrily quietly not "
    "never only just still even allegedly apparently reportedly forward to heard came went "
    "seemed appeared quickly immediately swiftly promptly has since continue continues "
    "continued continuing"
)

#: Verbs that make a statement a denial ("denied", "refuted"), for tracing.
DENIAL_VERBS: tuple[str, ...] = (
    "deny",
    "refute",
    "reject",
    "dismiss",
    "dispute",
    "debunk",
    "contradict",
)
#: Verbs of statements that put a claim into the world ("claimed", "reports"), for tracing.
CLAIM_VERBS: tuple[str, ...] = ("claim", "report", "allege", "accuse", "emerge", "suggest")
#: Verbs of speech acts that assert nothing a verdict could deny ("calls for a halt",
#: "thanked"), for tracing.
NON_ASSERTIVE_VERBS: tuple[str, ...] = (
    "call",
    "urge",
    "appeal",
    "thank",
    "welcome",
    "praise",
    "hail",
    "express",
    "congratulate",
    "ask",
    "question",
)
#: Nouns of phrase cues that assert nothing ("paid tribute to"), for tracing.
NON_ASSERTIVE_NOUNS = wordset("tribute respect condolences")

#: Cue forms that are as often nouns (``the claims``, ``a call``), verbs only after a subject.
NOUN_OR_VERB_CUES = wordset(
    "claim claims report reports call calls tweet tweets post posts demand demands promise "
    "promises pledge pledges vow vows share note notes record warning denial thank state "
    "states mention mentions express request requests protest protests forecasts remarks "
    "comments"
)

#: The cue whose zero-that content needs nothing else to follow it.
PLAIN_SAY = wordset("say")

#: ``went on to``-style verbs before ``to`` and a cue (``continued to say``).
GOES_ON = wordset("continue continues continued continuing")

#: Words that make a statement a verdict on some claim (``baseless``), for tracing.
VERDICT_WORDS = wordset(
    "baseless unfounded groundless false untrue fabricated fake lies lie propaganda "
    "nonsense misleading unwarranted disinformation misinformation hoax"
)
#: Nouns by which a verdict points at reported claims (``called the reports baseless``),
#: for tracing.
REPORT_NOUNS = wordset(
    "report reports claim claims allegation allegations accusation accusations rumour "
    "rumours rumor rumors speculation story stories"
)

#: A sentence that starts by naming a speaker and a plain cue (``Jo Roe said``): it ends an
#: unclosed quotation before it.
CUE_SENTENCE_PATTERN = (
    r"(?:[A-Z][\w’'.-]*\s){1,4}(?:also\s|further\s)?"
    r"(?:said|says|added|adds|noted|stated|told|explained|insisted|warned)\b"
)

#: Cue lemmas whose every form is as often a noun or a label (``the report``, ``a post``,
#: ``the court's finding``): a verb only after a subject.
NOUN_OR_VERB_LEMMAS = wordset("report claim tweet post rule find")

#: Words leading a speaker after a quotation (``"...", to quote Jo Roe``).
QUOTING_LEADS = (("to", "quote"), ("in", "the", "words", "of"))

#: ``as Jo Roe put it`` after a quotation.
PUT_IT_VERBS = frozenset({"put", "puts"})

#: Verbs of expectation: with a bare object they give a figure expected, not a statement.
FORECAST_LEMMAS = wordset("forecast predict estimate project expect")

#: Irregular past participles of cues: after a form of "be" the cue is passive (``she had been
#: told a garda must ...``): the subject was spoken to, it does not speak.
IRREGULAR_PASSIVES = wordset("told said written")

#: Verbs of ``, but it later emerged ...``: the narrator takes over from the speaker.
NARRATIVE_BREAKS = wordset("emerged transpired")

#: Past forms of cues that do not end in -ed.
IRREGULAR_PAST_CUES = frozenset(
    {"said", "told", "wrote", "spoke", "thought", "felt", "put", "made", "gave", "took"}
    | {"saw", "knew", "found", "held", "sent", "read", "swore", "forecast", "broke", "hit"}
)

#: Stems of a relative clause that is itself the speaking (``who spoke to reporters on Monday``):
#: its date is the saying's.
SPEAKING_STEMS = ("speak", "spok", "address", "told", "talk", "testif")

#: ``according to X``: attribution without a verb.
ACCORDING_TO_PATTERN = r"\baccording\s+to\s"

#: Lemmas of the verbs by which an outlet relays a story (``reported``, ``says``, ``wrote``).
RELAY_LEMMAS = wordset("report say write")
