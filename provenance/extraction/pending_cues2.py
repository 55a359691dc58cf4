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

IRREGULAR_PASSIVES = wordset("told said written")
"""Irregular past participles of cues: after a form of "be" the cue is passive (``she had
been told a garda must ...``): the subject was spoken to, it does not speak."""

CONTENT_OPENERS = wordset(
    "despite although though while when after before because since if unless once until "
    "amid following"
)
"""Words that open an adverbial phrase at the start of a content clause (``said that despite
the delay, the crew had ...``): the subject after its comma is the content's own."""

NARRATIVE_BREAKS = wordset("emerged transpired")
"""Verbs of ``, but it later emerged ...``: the narrator takes over from the speaker."""

PAIR_HEADS = wordset(
    "sides countries nations governments leaders parties teams clubs companies firms "
    "ministers camps states men women"
)
"""Plural heads of ``both sides``, ``the two countries``: the pair named just before."""

CALENDAR_NAMES = wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)
"""Capitalised words that name days and months, not parties (``March and April``)."""
