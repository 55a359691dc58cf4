"""Word lists added on branch ``cues2``, to be folded into the lexicon package."""

from provenance.extraction.text import wordset

FORECAST_LEMMAS = wordset("forecast predict estimate project expect")
"""Verbs of expectation: with a bare object they give a figure expected, not a statement."""

FORECASTER_HEADS = wordset(
    "analysts economists strategists traders investors markets consensus estimates polls "
    "forecasters brokers"
)
"""Subjects whose forecast of a figure is an expectation (``Analysts had forecast a loss``)."""

NOT_GERUNDS = wordset("during including according notwithstanding regarding concerning")
"""Prepositions spelt like -ing verbs."""
