"""channels"""

from provenance.extraction.lexicon import wordset

#: Participles by which a report names its source (``citing``, ``quoting``).
CITING_VERBS = wordset("citing quoting")

#: Prepositions that open the scene of speech (``at a briefing``, ``during an interview``).
SCENE_PREPOSITIONS = wordset("in during on at after before since while")

#: Nouns of occasions and media of speech (``briefing``, ``letter``, ``podcast``).
SETTING_NOUNS = wordset(
    "conference briefing talk speech address meeting ceremony rally session note interview "
    "letter email memo message video broadcast podcast"
)
