"""Documents and messages by which someone speaks, and the words that tie them to an author."""

from provenance.extraction.lexicon import wordset

#: Nouns of documents and messages by which someone speaks (``a statement``, ``a letter``).
DOCUMENT_HEADS = wordset(
    "statement report record records data figures filing release memo study survey document "
    "letter tweet post estimates count tally resolution communique communiqué notice "
    "announcement conversation interview"
)

#: ``a statement by X``, ``a letter from X``: the word before a document's author.
AUTHOR_LINKS = wordset("by from")

#: Participles that name a document's author with ``by`` (``issued on Monday by X``).
ISSUING_VERBS = wordset("issued released published posted signed sent put")

#: Nouns and pronouns by which a cue's object points at what was said (``denied the claims``,
#: ``denied it``).
POINTED_NOUNS = wordset(
    "claims claim reports report allegations allegation accusations accusation charges "
    "remarks comments views statements statement rumours rumors speculation suggestions "
    "assertions this these those such it them him her that"
)

#: Nouns naming a position taken, not a message (``reiterated its stance``).
POSITION_NOUNS = wordset("position positions stance stand view views opinion remarks comments")

#: What is done to a document by someone other than its author.
NOT_AUTHORING_VERBS = wordset(
    "read delivered presented handed seen obtained reviewed quoted cited denied dismissed "
    "rejected challenged criticised criticized"
)

#: Determiners before a document noun that refers back to one (``the statement``, ``its
#: report``).
DOCUMENT_DETERMINERS = frozenset({"the", "this", "that", "a", "an", "its", "his", "her", "their"})

#: Nominal cues whose author follows (``claims by``, ``warnings from``).
NOMINAL_CLAIMS_PATTERN = (
    r"\b(?:claims?|allegations?|accusations?|reports?|calls|suggestions?|warnings?|assertions?)"
    r"\s+(?:by|from)\s"
)

#: Reports and rumours that emerge with a content (``reports have emerged that``).
EMERGED_REPORTS_PATTERN = (
    r"\b(?:reports?|rumou?rs)\s+(?:have\s+|had\s+)?(?:emerged|surfaced|circulated|suggested)"
    r"\s+that\s"
)

#: Reports named as what is denied or followed (``denied reports of``, ``amid reports of``).
REPORTS_OF_PATTERN = (
    r"\b(?:rejected|denied|dismissed|refuted|amid|following|after)\s+(?:the\s+)?(reports)\s+of\s"
)

#: A document's verb before its quoted words (``the statement reads in part``).
DOCUMENT_READS = frozenset({"read", "reads"})

#: Nouns that refer back to what was just said (``These remarks came on Monday``).
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

#: How a sentence says when the speech it refers back to took place.
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

#: Nouns of a nominal cue (``claims by X that ...``, ``reports of ...``): claims made at no
#: stated time, which do not share the date of the occasion a story opens on.
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

#: ``amid reports that ...``: the reports are the object, group 1 the noun.
REPORTS_THAT_PATTERN = (
    r"\b(?:on|about|over|amid|despite|following|after|denied|rejected|dismissed|refuted)"
    r"\s+(?:the\s+|media\s+|press\s+|news\s+)?(reports)\s+that\s"
)

#: ``in his view, ...``: the owner of the view speaks; group 1 is the possessive.
IN_VIEW_PATTERN = r"\bin\s+(his|her|their|its)\s+(?:view|opinion|estimation|assessment),\s"

#: Participles and links before the issuer of a document (``issued by``, ``from``).
ISSUER_LINKS = wordset("by from of")
ISSUER_LEADS = wordset("issued released published by from of")

#: ``The statement reads in part: "..."``: the words between a document's verb and its quotation.
IN_PART = ("in", "part")

#: Words after a claim noun that make it no cue (``claims for damages``, ``reports on``).
NOT_NOMINAL_CUE_LINKS = wordset("for on to")

#: Nouns of documents that read as verbs before ``that`` (``in a note that``).
DOCUMENT_VERBS = wordset("note notes report reports state states")

#: ``said ... in a statement``: a cue (group 1) and the document it was said in, up to it.
SAID_IN_DOCUMENT_PATTERN = (
    r"\b(said|says|wrote|writes|stated|states|added|adds|argued|warned)\s(?:[\w,-]+\s){0,4}?"
    r"in\s(?:a|an|the|its|their|his|her)\s(?:[\w-]+\s){0,2}?$"
)
