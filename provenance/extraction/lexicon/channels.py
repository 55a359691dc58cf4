"""Channels: the occasions, documents and media through which something is said, and the
words that tell an outlet relaying it."""

from provenance.extraction.lexicon import wordset

#: Participles by which a report names its source (``citing``, ``quoting``).
CITING_VERBS = wordset("citing quoting")

#: Prepositions that open the scene of speech (``at a briefing``, ``during an interview``).
SCENE_PREPOSITIONS = wordset("in during on at after before since while")

#: Nouns of occasions and media of speech (``briefing``, ``letter``, ``podcast``).
SETTING_NOUNS = wordset(
    "conference briefing talk speech address meeting ceremony rally session note interview "
    "letter email memo message video broadcast podcast"
)

#: What opens the noun phrase of a setting: ``a``, ``the``, ``Monday night's``.
SETTING_OPENER = r"(?:a|an|the|this|that|his|her|their|its|(?:[\w-]+\s){0,2}?[\w-]+(?:'s|’s))\s"

#: Occasions where one speaks before an audience: what is said at them is a speech.
SPEECH_OCCASIONS = (
    r"(?:rally|rallies|meeting(?!\swith)|ceremony|event|forum|seminar|summit|debate|"
    r"convention|gathering|launch|commemoration|conference|congress|vigil|webinar|symposium|"
    r"town\shall|funeral|memorial|inauguration|graduation|plenary)"
)

#: Audiences and chambers one addresses in a speech (``told parliament``).
SPEECH_AUDIENCES = (
    r"(?:parliament|d[aá]il|seanad|senate|congress|house|commons|lords|assembly|chamber|"
    r"lawmakers|legislators|mps|senators|deputies|delegates|councillors|councilors|"
    r"the\scrowd|crowds|audience|supporters|rally|gathering|conference|summit|forum|"
    r"convention|meeting|session|lok\ssabha|rajya\ssabha|knesset|duma|bundestag|"
    r"national\sassembly|general\sassembly|security\scouncil)"
)

#: Verbs by which a document says something (``said in a report``, ``found in a study``).
SAID_IN_VERBS = (
    r"(?:said|says|wrote|writes|found|finds|concluded|warned|noted|stated|added|argued|"
    r"estimated|predicted|showed|shows)"
)

#: A report named as where something was said (``said in a report``), not a topic (``was not
#: involved in the study``).
A_REPORT_DOCUMENT = (
    r"(?:a|an|the|its|their|his|her|this|that)\s(?:[\w-]+\s){0,2}?"
    r"(?-i:report|record|records|filing|study|survey)"
)

#: Social platforms one posts on (case-sensitive: ``X``).
SOCIAL_PLATFORMS = (
    r"(?:X|Twitter|Facebook|Instagram|Threads|Bluesky|Telegram|LinkedIn|TikTok|Weibo)"
)


#: How an occasion is said to be over (``the news conference was over``, ``had ended``).
_ENDED = r"(?:over|ended|finished|concluded|closed|wrapped\sup|broke\sup)\b"

#: What puts a phrase after an occasion rather than at it (``after the``, ``following a``).
_NOT_AFTER = "".join(
    rf"(?<!{preposition}\s{determiner}\s)"
    for preposition in ("after", "following")
    for determiner in ("the", "a", "an")
)


#: How a statement was made, by the words of its frame (``said in a statement``): one line
#: per channel phrase, in order of precedence, the more specific setting first. Phrases are
#: matched case-insensitively unless they say ``(?-i:...)``.
CHANNEL_PHRASES: tuple[tuple[str, str], ...] = (
    ("telephone conversation", r"(?:tele)?phon(?:e|ic)\s(?:conversation|call|talk)s?"),
    ("telephone conversation", r"(?:spoke|speaking|said|told\s\w+)\sby\s(?:tele)?phone"),
    ("telephone conversation", r"over\sthe\s(?:tele)?phone"),
    (
        "news conference",
        rf"{_NOT_AFTER}(?:news|press)\sconference(?!\s(?:was\s|had\s)?{_ENDED})",
    ),
    ("news conference", r"news\sbriefing"),
    ("press briefing", r"(?:press|media|weekly|daily|regular)\sbriefing"),
    ("press briefing", r"background\sbriefing|briefing\sfor\s(?:reporters|journalists)"),
    ("press briefing", r"(?:reporters|journalists)\s(?:at|during)\s(?:a|the)\s(?:\w+\s)?briefing"),
    ("press briefing", r"told\s(?:a|the)\s(?:\w+\s)?briefing"),
    ("interview", r"interview(?:s|ed)?"),
    (
        "interview",
        r"(?:told|telling|tells|speaking\sto|spoke\sto)\s(?:[\w'’-]+\s){0,3}?"
        r"(?:presenter|host|anchor|interviewer|reporter|correspondent|journalist|columnist)\b",
    ),
    (
        "media talk",
        r"(?-i:(?:[Tt]alk(?:s|ing|ed)?|[Ss]poke|[Ss]peaking|[Cc]hat(?:ting)?|said)\s(?:with|to)\s"
        r"(?:the\s)?(?:[A-Z][\w-]*\s)?(?:media|reporters|journalists|press|newsmen))",
    ),
    ("media talk", r"(?-i:told\s(?:the\s)?(?:reporters|journalists|media|press|newsmen))"),
    ("media talk", r"(?:media|press)\s(?:talk|session|scrum|gaggle)s?"),
    # what is said once a news conference is over is said to reporters, not at it
    ("media talk", r"(?:after|following)\s(?:the|a|an)\s(?:news|press)\sconference"),
    ("media talk", rf"(?:news|press)\sconference\s(?:was\s|had\s)?{_ENDED}"),
    (
        "media talk",
        r"(?:addressing|addressed|briefing|briefed)\s(?:the\s)?"
        r"(?:journalists|reporters|media|press|newsmen)",
    ),
    ("tweet", r"(?-i:tweet(?:s|ed|ing)?|on\sTwitter|formerly\sTwitter|on\sX|X\spost|post\son\sX)"),
    ("tweet", r"(?-i:(?:took|takes|taking|take)\sto\s(?:X|Twitter))"),
    ("tweet", rf"(?-i:(?:posted|wrote|writing|posting|said|shared)\son\s{SOCIAL_PLATFORMS})"),
    ("tweet", rf"(?-i:(?:a|his|her|their|its)\spost\son\s{SOCIAL_PLATFORMS})"),
    ("speech", r"speech(?:es)?"),
    (
        "speech",
        r"address(?:ed|ing)?\s(?:a|the)\s(?:\w+\s)?(?:rally|parliament|assembly|nation|ceremony|"
        r"gathering|summit|session|crowd|meeting|event|forum|seminar)",
    ),
    (
        "speech",
        r"(?:inaugural|keynote|televised|opening|closing|farewell|budget|presidential|annual|"
        r"welcome|radio|video|graduation|commencement|valedictory)\saddress",
    ),
    ("speech", r"in\s(?:his|her|their|its)\s(?:\w+\s)?address"),
    (
        "speech",
        rf"(?:told|telling|tells|tell|addressing|addressed)\s(?:(?:the|a|an)\s(?:[\w-]+\s){{0,2}}?)?"
        rf"{SPEECH_AUDIENCES}\b(?!['’])",
    ),
    ("speech", rf"(?:at|during)\s{SETTING_OPENER}(?:[\w-]+\s){{0,3}}?{SPEECH_OCCASIONS}"),
    ("speech", r"(?:in|during)\sthe\s(?:\w+\s)?debate"),
    (
        "speech",
        rf"(?:said|says|spoke|speaking|told\s\w+)\sin\s{SETTING_OPENER}(?:[\w-]+\s){{0,2}}?"
        r"(?:rally|rallies|ceremony|gathering|seminar|webinar|symposium|function|convention)\b",
    ),
    ("letter", r"letter|memo|memorandum"),
    ("statement", r"statement|(?:press|news|media)\srelease|communiqu[eé]"),
    ("statement", r"in\s(?:a|the|its|their|his|her)\s(?:\w+\s)?release"),
    (
        "report",
        rf"(?:{SAID_IN_VERBS}|according\sto)\s(?:\w+\s)?(?:in\s|under\s)?{A_REPORT_DOCUMENT}",
    ),
    ("report", rf"(?-i:In|Under|According\sto)\s{A_REPORT_DOCUMENT}"),
    ("report", r"(?-i:report|study|survey|filing)\s(?:published|released|issued)"),
    ("report", r"(?:research|analyst|client|investor)\snote|in\sa\snote"),
    ("report", r"note\sto\s(?:clients|investors)"),
    ("report", r"bulletin|advisory|advisories"),
    ("resolution", r"(?:adopted|passed|in|approved)\s(?:a\s|an\s|the\s|\w+\s)?resolutions?"),
)

#: The channel a document noun stands for (``the statement said``).
NOUN_CHANNELS = {
    "statement": "statement",
    "release": "statement",
    "conversation": "telephone conversation",
    "call": "telephone conversation",
    "interview": "interview",
    "tweet": "tweet",
    "post": "tweet",
    "letter": "letter",
    "memo": "letter",
    "report": "report",
    "record": "report",
    "filing": "report",
    "speech": "speech",
    "resolution": "resolution",
    "briefing": "press briefing",
    "conference": "news conference",
}

#: Channels that are occasions: later statements of the same speaker share them.
SCENES = frozenset(
    {
        "news conference",
        "press briefing",
        "interview",
        "media talk",
        "tweet",
        "telephone conversation",
        "speech",
        "statement",
        "letter",
        "report",
    }
)

#: Words of an outlet's description: an addressee of ``told`` that has one is an intermediary.
OUTLET_WORDS = wordset(
    "agency newspaper daily weekly broadcaster channel station radio television tv magazine "
    "outlet website paper network news service wire site tabloid programme program show"
)

#: An audience one speaks to (``told the Dáil``) is not an intermediary.
VENUE_WORDS = wordset(
    "parliament dáil dail seanad senate congress house commons lords assembly chamber court "
    "committee subcommittee inquiry tribunal hearing knesset duma bundestag sabha legislature "
    "council conference summit rally meeting session forum convention briefing gathering "
    "lawmakers legislators mps senators deputies delegates councillors councilors"
)

#: Words that make a name an outlet's (``the Valley Times``, ``Sky News``).
MASTHEAD_WORDS = wordset(
    "press news times post herald tribune journal gazette telegraph guardian chronicle observer "
    "mirror express independent monitor courier star sun mail review radio tv television "
    "broadcasting broadcaster network channel agency wire media magazine newspaper paper daily "
    "weekly tabloid outlet website station service programme program show podcast"
)

#: Cues after which a named outlet relays what it reports (``..., the paper said``).
RELAY_VERBS = wordset("said says reported reports wrote writes added")

#: Nouns and masthead words that make a speaker a news outlet (``the newspaper said``).
OUTLET_NOUNS = wordset(
    "newspaper paper daily tabloid broadcaster television tv radio station magazine outlet website "
    "journal times gazette herald tribune telegraph chronicle"
)

#: Cues by which an outlet publishes news (``..., the BBC reported.``).
REPORTING_VERBS = wordset("reported reports")

#: Cues that say a report is the source.
REPORTED_ADVERBS = wordset("reportedly")

#: Heads of businesses and public bodies: they report results, not news.
NON_OUTLET_HEADS = wordset(
    "company corporation corp inc ltd plc llc firm group holdings bank fund ministry office "
    "government council embassy police army military court department agency authority "
    "commission committee service bureau board union association hospital school university"
)

#: Verbs after which ``by`` names the outlet that relays (``broadcast by``, ``quoted by``).
RELAYED_BY_PATTERN = (
    r"\b(?:telecast(?:ed)?|broadcast|aired|published|reported|carried|relayed|quoted|cited)\sby\s"
)

#: An interview and the word before the one who held it (``in an interview with``).
INTERVIEW_WITH_PATTERN = r"\binterview(?:s|ed)?\s(?:with|to|by|on|over)\s"

#: Other verbs whose addressee is an intermediary only when it is an outlet (``speaking to``).
TOLD_OUTLET_PATTERN = (
    r"\b(?:tells|telling|confirmed\sto|said\sto|says\sto|speaking\sto|spoke\sto|talking\sto|"
    r"talked\sto|in\scomments\sto|in\sremarks\sto|in\san\semail\sto)\s"
)

#: ``X, citing Y, ...``: Y is the source, X relays it.
CITING_PATTERN = r",\s(?:citing|quoting)\s"

#: A cue and then ``according to`` its relay (``said, according to the paper``).
SAID_ACCORDING_PATTERN = (
    r"\b(?:said|says|added|adds|wrote|writes|stated|noted|told\s\w+),\saccording\sto\s"
)

#: Descriptions of a news agency (``news agency``, ``wire service``).
NEWS_AGENCY_PATTERN = r"\b(?:news|press)\sagency\b|\bwire\sservice\b"

#: A channel phrase closing a content (``, in an interview``, ``during a briefing``).
CHANNEL_TAIL_PATTERN = (
    r"(?:,\s*)?\s(?:in|during|at|while|on)\s(?:a|an|the|his|her|their|its)\s"
    r"(?:[\w-]+\s){0,2}(?:interview|statement|tweet|post|speech|letter|conference|briefing|"
    r"talk|address|call|conversation|meeting)\b"
)

#: A sentence naming the occasion of what was just reported (``X made this known in a
#: statement``, ``she disclosed this while speaking at ...``).
BACK_REFERENCE = (
    r"\b(?:made|making|make|makes)\s(?:this|these|the\s(?:disclosure|remarks?|comments?))\s"
    r"(?:known|public)\b|\b(?:disclosed|revealed|stated|said|announced|disclosing|revealing|"
    r"stating|saying)\s(?:this|these)\b"
)

#: A speaker answering others in a setting (``was responding in the chamber to X and Y``): the
#: others speak in that setting too.
EXCHANGE = (
    r"\b(?:respond(?:ing|ed|s)?|repl(?:ying|ied|ies)|answer(?:ing|ed|s)?|in\sreply|"
    r"in\sresponse|questioned|challenged|pressed)\b[^.;:]{0,80}?\b(?:to|from|by)\s"
)

#: An issuer announcing in its own voice, outside quotation marks (``The Directors are pleased to
#: announce``): the page is its release, and what is said in it is a statement.
OWN_RELEASE = (
    r"\b(?:is|are|am)\s(?:very\s)?(?:pleased|delighted|proud|happy|thrilled|excited)\sto\s"
    r"(?:announce|confirm|report|inform|share)\b"
)

#: Cues of taking a side in a debate: said in the speech setting just described.
DEBATE_CUES = frozenset(
    {
        "spoke against",
        "spoke for",
        "spoke in favour of",
        "spoke in favor of",
        "spoke in support of",
        "spoke out against",
        "argued against",
        "argued for",
    }
)

#: A sentence introducing what the last speaker said on an occasion (``Excerpts from the news
#: conference:``).
EXCERPTS = r"(?:Highlights|Excerpts|Extracts|Edited\s(?:excerpts|extracts)|Key\squotes)\sfrom\b"

#: ``Jo Roe's remarks at a book launch``: the occasion a named speaker spoke on.
SPOKEN_WORDS = (
    r"(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4})['’]s\s(?:[a-z-]+\s){0,2}?"
    r"(?:comments|remarks|words|speech|address|testimony|interview)\b"
)

#: ``The remarks came at a news conference``: the occasion of what was just reported.
REMARKS_CAME = (
    r"(?:[A-Z][\w'’.-]*\s){0,4}?(?:[Tt]he|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|\w+['’]s)\s"
    r"(?:[a-z-]+\s)?(?:remarks|comments|statements?|announcement|warning|words|appeal)\s"
    r"(?:came|were\smade|was\smade)\s(?:at|during|in|on)\b"
)

#: ``..., Reuters reported.`` at the end of a content: the outlet relays it.
CLOSING_REPORT_PATTERN = r",\s(?:[\w.&'’-]+\s){1,6}?report(?:ed|s)\s*[.!]?\s*$"

#: ``reported`` / ``reports`` as the last word of a sentence.
REPORTED_LAST_PATTERN = r"\breport(?:ed|s)(?=\s*[.!]?\s*$)"

#: Links after ``citing (an interview)`` to whoever spoke in it (``citing an interview with X``).
CITED_SPEAKER_LINKS = wordset("between with from by of")

#: Channels of documents that relay what a principal within them does (``according to a
#: statement``).
RELAYING_DOCUMENTS = wordset("statement report letter")

#: ``, Reuters reports.`` right after a relay's name.
REPORTS_AFTER_PATTERN = r"\s+report(?:s|ed)\s*[.!]"

#: ``told this newspaper``, ``an interview with our website``: the publisher itself.
SELF_REFERENCE_WORDS = wordset("this our")

#: ``citing`` / ``quoting`` right before a statement.
CITED_BEFORE_PATTERN = r"\b(?:citing|quoting)\s+$"

#: Channels a transcript's introduction may name for the occasion it records.
TRANSCRIPT_CHANNELS = frozenset({"news conference", "press briefing", "speech", "media talk"})
