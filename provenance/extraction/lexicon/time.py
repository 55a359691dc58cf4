"""Time words: months, weekdays, parts of the day."""

from provenance.extraction.lexicon import wordset

#: Days of the week.
WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")

#: Months, in full and abbreviated.
MONTHS = wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

#: Parts of the day (``Thursday evening``).
DAY_PARTS = wordset("morning afternoon evening night")

#: Words that open or join a time phrase before a name (``on``, ``late``, ``earlier``).
TIME_PHRASE_WORDS = wordset("on late early last this earlier out")
