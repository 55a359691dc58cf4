"""Page furniture, headings, bylines and datelines: what is not the story."""

from provenance.extraction.lexicon import wordset

#: Common nouns that label table rows and headings (``Characteristics Values``).
HEADING_WORDS = wordset(
    "characteristics values value facts fact details overview background summary profile "
    "timeline key country countries region relations relationship history population capital "
    "language languages currency area status type category feature features item items "
    "description notes note result results date dates total source sources name topic "
    "issue issues position positions role impact outcome response reaction context"
)
