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
