"""Words the ``dates2`` branch added, to be folded into the lexicon package."""

SPEECH_NOUNS = frozenset(
    {
        "remark",
        "remarks",
        "comment",
        "comments",
        "report",
        "reports",
        "claim",
        "claims",
        "statement",
        "statements",
        "announcement",
        "warning",
        "warnings",
        "allegation",
        "allegations",
        "assurance",
        "assurances",
        "pledge",
        "appeal",
    }
)
"""Nouns that refer back to what was just said (``These remarks came on Monday``)."""

SPEECH_OCCURRED = (
    "came",
    "emerged",
    "surfaced",
    "were made",
    "was made",
    "were issued",
    "was issued",
    "were published",
    "was published",
    "was released",
    "were released",
    "were delivered",
    "was delivered",
)
"""How a sentence says when the speech it refers back to took place."""

CLAIM_NOUNS = frozenset(
    {
        "claim",
        "claims",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "report",
        "reports",
        "suggestion",
        "suggestions",
        "warning",
        "warnings",
        "assertion",
        "assertions",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
    }
)
"""Nouns of a nominal cue (``claims by X that ...``, ``reports of ...``): claims made at
no stated time, which do not share the date of the occasion a story opens on."""

RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
"""A date in a relative clause (``Jo Roe, who took office in March, said``) describes the
speaker, not the saying."""

FUTURE_MARKERS = (
    "will",
    "would",
    "shall",
    "going to",
    "due to",
    "set to",
    "expected to",
    "scheduled",
    "plans to",
    "plan to",
    "planned",
    "next",
)
"""Words before a date that make it a future event (``would meet on Friday``)."""

EVENT_NOUNS = (
    "vote",
    "meeting",
    "debate",
    "hearing",
    "session",
    "sitting",
    "game",
    "match",
    "race",
    "final",
    "summit",
    "ceremony",
    "rally",
    "briefing",
    "conference",
    "trial",
    "talks",
    "event",
    "launch",
    "signing",
)
"""An occasion the story opens on, referred back to by a statement (``told reporters after
the vote``, ``during the debate``): the statement shares the lede's date."""

BOUND_PREPOSITIONS = frozenset({"by", "until", "till", "since", "before"})
"""A date after these bounds something else (``900 signatures by Wednesday``,
``closed since Monday``): it is not when the words were said."""

IRREGULAR_PAST = frozenset(
    {"said", "told", "wrote", "spoke", "thought", "felt", "put", "made", "gave", "took"}
    | {"saw", "knew", "found", "held", "sent", "read", "swore", "forecast", "broke", "hit"}
)
"""Past forms of cues that do not end in -ed."""

SPEAKING_STEMS = ("speak", "spok", "address", "told", "talk", "testif")
"""Stems of a relative clause that is itself the speaking (``who spoke to reporters on
Monday``): its date is the saying's."""

MORE_EVENT_PARTICIPLES = frozenset(
    {"appointed", "elected", "sworn", "hired", "arrested", "detained", "killed", "injured"}
    | {"wounded", "kidnapped", "abducted", "charged", "convicted", "sentenced", "jailed"}
)
"""Beside the lexicon's EVENT_PARTICIPLES: a date after these dates what befell someone
(``appointed on Monday``, ``killed on Sunday``), not when they spoke."""
