"""The words the extraction passes know, one module per subject.

Every word list the extraction (and tracing) matches against lives here, as a public
UPPER_CASE name with a one-line comment of what it is for; the passes import them.
Lists of words are lower case: they are matched against folded text unless their
comment says otherwise. Patterns (regular expressions of words) are written as
strings and compiled by the module that uses them.

* :mod:`.cues`: reporting verbs, their classes and phrases, and tracing's verb groups;
* :mod:`.function`: function words, auxiliaries, pronouns and other closed classes;
* :mod:`.people`: titles, honorifics, group nouns, organisation and outlet head nouns;
* :mod:`.documents`: message and document nouns;
* :mod:`.channels`: the settings and media through which something is said;
* :mod:`.time`: months, weekdays and other time words;
* :mod:`.layout`: page furniture, bylines and datelines.
"""


def wordset(words: str) -> frozenset[str]:
    """A lexicon written as one string of space-separated words."""
    return frozenset(words.split())
