"""Word lists of the ``quotations`` branch, waiting to be folded into the lexicon."""

FIRST_PERSON_WORDS = frozenset(
    {
        "i",
        "i'm",
        "i’m",
        "i've",
        "i’ve",
        "i'd",
        "i’d",
        "i'll",
        "i’ll",
        "me",
        "my",
        "mine",
        "we",
        "we're",
        "we’re",
        "we've",
        "we’ve",
        "we'd",
        "we’d",
        "we'll",
        "we’ll",
        "us",
        "our",
        "ours",
        "myself",
        "ourselves",
    }
)
"""Words by which a speaker speaks of themselves: an unquoted answer under a heading has them."""

FURNITURE_LABELS = frozenset(
    {
        "source",
        "sources",
        "photo",
        "photos",
        "credit",
        "credits",
        "read more",
        "related",
        "also read",
        "see also",
        "watch",
        "video",
        "editing by",
        "reporting by",
        "tags",
    }
)
"""Labels of page furniture (``Source: ...``) that end a run of answers."""

INDEFINITE_SUBJECTS = frozenset(
    {
        "nobody",
        "no",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "people",
        "many",
        "some",
        "others",
        "few",
        "most",
        "one",
    }
)
"""Subjects that name no one (``Nobody can tell us``, ``People say``): inside a quotation
they report nobody's statement."""

NAME_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its"})
"""Determiners that make a phrase a description, not a proper name (``The list``)."""

QUOTING_LEADS = (("to", "quote"), ("in", "the", "words", "of"))
"""Words leading a speaker after a quotation (``"...", to quote Jo Roe``)."""

PUT_IT_VERBS = frozenset({"put", "puts"})
"""``as Jo Roe put it`` after a quotation."""

DOCUMENT_READS = frozenset({"read", "reads"})
"""A document's verb before its quoted words (``the statement reads in part``)."""

NOT_ROLE_WORDS = frozenset(
    {
        "in",
        "of",
        "at",
        "for",
        "from",
        "on",
        "with",
        "by",
        "to",
        "and",
        "or",
        "but",
        "as",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "then",
        "also",
        "when",
        "while",
    }
)
"""Words that cannot be part of a lower-case role before a name (``harbour master Jo Roe``)."""

ADDRESSED_WORDS = frozenset({"you", "your", "you're", "you’re", "you've", "you’ve", "yourself"})
"""Words of a question put to the interviewee."""
