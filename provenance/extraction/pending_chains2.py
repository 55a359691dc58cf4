"""Word lists of the channels-and-chains work, to be folded into the lexicon package."""

from provenance.extraction.text import wordset

DESK_MODIFIERS = wordset(
    "senior chief special staff political business foreign sports court crime health "
    "education science technology city national international local regional diplomatic "
    "economics economic legal defence defense environment entertainment features news "
    "investigative contributing associate managing deputy"
)
"""Words that make ``X Reporter`` a reporter's beat (``Senior Reporter``), not an outlet's
desk byline (``Valley Courier Reporter``)."""

BACK_REFERENCE = (
    r"\b(?:made|making|make|makes)\s(?:this|these|the\s(?:disclosure|remarks?|comments?))\s"
    r"(?:known|public)\b|\b(?:disclosed|revealed|stated|said|announced|disclosing|revealing|"
    r"stating|saying)\s(?:this|these)\b"
)
"""A sentence naming the occasion of what was just reported (``X made this known in a
statement``, ``she disclosed this while speaking at ...``)."""

EXCHANGE = (
    r"\b(?:respond(?:ing|ed|s)?|repl(?:ying|ied|ies)|answer(?:ing|ed|s)?|in\sreply|"
    r"in\sresponse|questioned|challenged|pressed)\b[^.;:]{0,80}?\b(?:to|from|by)\s"
)
"""A speaker answering others in a setting (``was responding in the chamber to X and Y``):
the others speak in that setting too."""

OWN_RELEASE = (
    r"\b(?:is|are|am)\s(?:very\s)?(?:pleased|delighted|proud|happy|thrilled|excited)\sto\s"
    r"(?:announce|confirm|report|inform|share)\b"
)
"""An issuer announcing in its own voice, outside quotation marks (``The Directors are
pleased to announce``): the page is its release, and what is said in it is a statement."""

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
"""Cues of taking a side in a debate: said in the speech setting just described."""

EXCERPTS = r"(?:Highlights|Excerpts|Extracts|Edited\s(?:excerpts|extracts)|Key\squotes)\sfrom\b"
"""A sentence introducing what the last speaker said on an occasion (``Excerpts from the
news conference:``)."""

SPOKEN_WORDS = (
    r"(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4})['’]s\s(?:[a-z-]+\s){0,2}?"
    r"(?:comments|remarks|words|speech|address|testimony|interview)\b"
)
"""``Jo Roe's reported comments at a rally``: the occasion a named speaker spoke on."""

REMARKS_CAME = (
    r"(?:[A-Z][\w'’.-]*\s){0,4}?(?:[Tt]he|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|\w+['’]s)\s"
    r"(?:[a-z-]+\s)?(?:remarks|comments|statements?|announcement|warning|words|appeal)\s"
    r"(?:came|were\smade|was\smade)\s(?:at|during|in|on)\b"
)
"""``The remarks came at a news conference``: the occasion of what was just reported."""
