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
