"""Time words: months, weekdays, parts of the day."""

from provenance.extraction.lexicon import wordset

#: Days of the week, in order from Monday (as ``date.weekday()`` counts them).
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

#: Months, in full and abbreviated.
MONTHS = wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

#: Parts of the day (``Thursday evening``).
DAY_PARTS = wordset("morning afternoon evening night")

#: Words that open or join a time phrase before a name (``on``, ``late``, ``earlier``).
TIME_PHRASE_WORDS = wordset("on late early last this earlier out")

#: Time words that stand alone as an adjunct (``Monday``, ``yesterday``).
BARE_TIME_WORDS = wordset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight"
)

#: Time words and links of a time adjunct (``on Monday``, ``last week``).
TIME_WORDS = wordset(
    "on last this later earlier yesterday today tonight monday tuesday wednesday thursday "
    "friday saturday sunday morning afternoon evening night week month"
)

#: Words that link a time adjunct but are not time alone (``on``, ``last``).
TIME_LINKERS = wordset("on last this later earlier")

#: Words before a time of day (``late on``, ``early in``, ``at``).
TIME_OF_DAY_LINKS = frozenset({"late", "early", "on", "in", "at"})

#: Weekdays, months and parts of the day: the words of a date (``Thursday evening``).
DATE_WORDS = frozenset(WEEKDAYS) | MONTHS | DAY_PARTS

#: Months as a pattern, in full or abbreviated, with an optional period (``Sept.``).
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: Weekdays as a pattern.
WEEKDAY_PATTERN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#: Weekdays abbreviated as a pattern (``Tue``).
WEEKDAY_ABBR_PATTERN = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"

#: A date after a determiner names an event (``a May 4 election``), not when it was said.
EVENT_DATE_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "its", "his", "her", "their", "our"}
)

#: A date after these dates a life or an institution (``born on June 9th, 1921``).
EVENT_PARTICIPLES = frozenset(
    {"born", "founded", "established", "built", "died", "married", "opened", "incorporated"}
    | {"appointed", "elected", "sworn", "hired", "arrested", "detained", "killed", "injured"}
    | {"wounded", "kidnapped", "abducted", "charged", "convicted", "sentenced", "jailed"}
)

#: Days named relative to today (``yesterday``).
DEICTIC_DAYS = wordset("yesterday today tonight")

#: Words that open a time phrase before a name (``on Thursday evening``, ``late on Monday``).
TIME_PHRASE_OPENERS = wordset("on last this in late early")

#: Capitalised words that name days and months, not parties (``March and April``).
CALENDAR_NAMES = frozenset(WEEKDAYS) | MONTHS

#: Words before a date that make it a future event (``would meet on Friday``).
FUTURE_MARKERS = (
    "will",
    "would",
    "shall",
    "going to",
    "due to",
    "set to",
    "expected to",
    "scheduled",
    "plans to",
    "plan to",
    "planned",
    "next",
)

#: An occasion the story opens on, referred back to by a statement (``told reporters after the
#: vote``, ``during the debate``): the statement shares the lede's date.
EVENT_NOUNS = (
    "vote",
    "meeting",
    "debate",
    "hearing",
    "session",
    "sitting",
    "game",
    "match",
    "race",
    "final",
    "summit",
    "ceremony",
    "rally",
    "briefing",
    "conference",
    "trial",
    "talks",
    "event",
    "launch",
    "signing",
)

#: A date after these bounds something else (``900 signatures by Wednesday``, ``closed since
#: Monday``): it is not when the words were said.
BOUND_PREPOSITIONS = frozenset({"by", "until", "till", "since", "before"})

#: Ordinal suffixes written apart from their number (``21 st``).
ORDINAL_SUFFIXES = wordset("st nd rd th")

#: Ordinal suffixes after a day's number, as a pattern (``3rd May``).
ORDINAL_SUFFIX_PATTERN = r"(?:st|nd|rd|th)"

#: The part of a month before its name (``in early May``, ``in mid-June``).
MONTH_PART_PATTERN = r"(?:early|mid|late)"

#: Dates relative to the day of publication (``yesterday``, ``earlier this week``).
RELATIVE_DATE_PATTERN = (
    r"yesterday|today|tonight|last\snight|last\sweek|last\smonth|this\sweek"
    r"|this\smonth|this\s(?:morning|afternoon|evening)"
    r"|earlier\sthis\s(?:week|month)|earlier\stoday"
)

#: A part of the day before a possessive (``Monday night's``).
DAY_PART_PATTERN = r"(?:morning|afternoon|evening|night)"

#: ``said during Monday's debate``: the event of the date is the occasion of the saying.
OCCASION_PREPOSITIONS = wordset("during at")

#: Relative dates meaning the day before publication.
DAY_BEFORE_PHRASES = frozenset({"yesterday", "last night"})

#: Relative dates meaning the month of publication.
THIS_MONTH_PHRASES = frozenset({"this month", "earlier this month"})

#: Relative dates meaning the day of publication.
SAME_DAY_PHRASES = frozenset(
    {"today", "earlier today", "tonight", "this morning", "this afternoon", "this evening"}
)

#: Adverbs between a perfect auxiliary and its cue (``has also said``, ``had repeatedly``).
CUE_ADVERB_PATTERN = r"\w+ly|also|already|since|earlier|previously|repeatedly|long|often"

#: ``later`` as an occasion after the one the story dates, not ``later this week``.
LATER_OCCASION_PATTERN = r"\blater\b(?!\s+(?:this|that|in\s+the)\b)"

#: ``today`` / ``tonight`` inside a quotation (matched in lower case only).
QUOTED_TODAY_PATTERN = r"\b(?:today|tonight)\b"

#: Determiners opening a sentence that refers back to earlier speech (``These remarks came``).
REFERRING_BACK_DETERMINERS_PATTERN = r"(?:These|The|This|Those|His|Her|Their|Its)"

#: Prepositions placing a statement at an occasion named before (``after the vote``).
EVENT_PREPOSITIONS_PATTERN = r"(?:after|during|at|following|before|ahead\s+of)"
