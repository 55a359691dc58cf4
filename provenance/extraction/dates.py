"""Dates: a page's visible publication date, and when a statement was said.

Relative dates (``on Sunday``, ``last week``, ``on November 1``) are resolved against
the publication date: a weekday is the latest such day on or before it, a day of a
month without a year the latest such day on or before it. A result is ``YYYY-MM-DD``
or ``YYYY-MM``; anything vaguer, or with nothing to resolve against, is None.
"""

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

from provenance.extraction.lexicon.cues import IRREGULAR_PAST_CUES, SPEAKING_STEMS
from provenance.extraction.lexicon.documents import (
    CLAIM_NOUNS,
    NOT_NOMINAL_CUE_LINKS,
    SPEECH_NOUNS,
    SPEECH_OCCURRED,
)
from provenance.extraction.lexicon.function import (
    ANNOUNCING_NOW_PATTERN,
    DESCRIBING_RELATIVES,
    PERFECT_AUXILIARIES,
    PRESENT_PERFECT_AUXILIARIES,
)
from provenance.extraction.lexicon.time import (
    BOUND_PREPOSITIONS,
    CUE_ADVERB_PATTERN,
    DAY_BEFORE_PHRASES,
    DAY_PART_PATTERN,
    EVENT_DATE_DETERMINERS,
    EVENT_NOUNS,
    EVENT_PARTICIPLES,
    EVENT_PREPOSITIONS_PATTERN,
    FUTURE_MARKERS,
    LATER_OCCASION_PATTERN,
    MONTH_PART_PATTERN,
    MONTH_PATTERN,
    OCCASION_PREPOSITIONS,
    ORDINAL_SUFFIX_PATTERN,
    QUOTED_TODAY_PATTERN,
    REFERRING_BACK_DETERMINERS_PATTERN,
    RELATIVE_DATE_PATTERN,
    SAME_DAY_PHRASES,
    THIS_MONTH_PHRASES,
    WEEKDAY_ABBR_PATTERN,
    WEEKDAY_PATTERN,
    WEEKDAYS,
)
from provenance.extraction.memo import per_document
from provenance.extraction.text import at_word_starts

_MONTH = MONTH_PATTERN
_WEEKDAY = WEEKDAY_PATTERN
_ORDINAL = ORDINAL_SUFFIX_PATTERN + "?"
_YEAR = r"(?:19|20)\d\d"

# A date written out in full, as pages print their publication date.
FULL_DATE = re.compile(
    rf"\b(?:{_WEEKDAY},?\s|{WEEKDAY_ABBR_PATTERN}\s)?"
    rf"(?:\d{{1,2}}{_ORDINAL}\s(?:of\s)?{_MONTH},?\s{_YEAR}"
    rf"|{_MONTH}\s\d{{1,2}}{_ORDINAL}(?:,\s?|\s){_YEAR}"
    rf"|{_YEAR}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/{_YEAR})\b"
)
"""``3 May 2021``, ``May 3, 2021``, ``May 3,2021``, ``2021-05-03`` and the numeric
``05/03/2021`` (month first, as US pages print it, unless the first number cannot be a
month)."""

_COPYRIGHT_YEAR = re.compile(rf"(?:copyright|©)\D{{0,60}}?\b(?P<year>{_YEAR})\b", re.IGNORECASE)

_SAID_ON = at_word_starts(
    rf"\b(?P<dm>(?P<d1>\d{{1,2}}){_ORDINAL}\s(?:of\s)?(?P<m1>{_MONTH})(?:,?\s(?P<y1>{_YEAR}))?)\b"
    rf"|\b(?P<md>(?P<m2>{_MONTH})\s(?P<d2>\d{{1,2}}){_ORDINAL}(?:,?\s(?P<y2>{_YEAR}))?)\b"
    rf"|\b(?P<wd>{_WEEKDAY})\b"
    rf"|\bin\s(?:{MONTH_PART_PATTERN}[-\s])?(?P<mo>{_MONTH})(?:,?\s(?P<y3>{_YEAR}))?\b"
    rf"|\b(?P<rel>{RELATIVE_DATE_PATTERN})\b"
    r"|\b(?P<ly>last\syear)\b"
    r"|\bat\s(?P<clock>\d{1,2}(?:[.:]\d\d)?\s?[ap]\.?m\b\.?)",
    re.IGNORECASE,
)


class Published(NamedTuple):
    """A publication date as far as it is known."""

    year: int
    month: int | None
    day: int | None

    @property
    def day_date(self) -> date | None:
        """The full date, when the day is known."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


def parse_full_date(text: str) -> str | None:
    """``YYYY-MM-DD`` for the first full date written in ``text``, if any."""
    match = FULL_DATE.search(text)
    if not match:
        return None
    try:
        value = dateparser.parse(match.group().replace(",", ", "), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return value.date().isoformat()


def copyright_year(text: str) -> str | None:
    """The year of a copyright line (``© Agency 2020``, ``Copyright 2022, Agency``)."""
    match = _COPYRIGHT_YEAR.search(text)
    return match.group("year") if match else None


def read_published(value: str | None) -> Published | None:
    """A publication date from ISO (``2024-03-12``, ``2024-03``, ``2024``) or any common form."""
    if not value:
        return None
    text = value.strip()
    iso = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:[T ].*)?", text)
    if iso:
        year, month, day = iso.groups()
        return Published(int(year), int(month) if month else None, int(day) if day else None)
    try:
        parsed = dateparser.parse(text, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return Published(parsed.year, parsed.month, parsed.day)


@per_document
def said_on(text: str, start: int, end: int, published: Published | None) -> str | None:
    """The date that ``text[start:end]`` (a statement's frame) says it was said on."""
    for match in _SAID_ON.finditer(text, start, end):
        if _attributive(text, match) or _programme(text, match) or _other_clause(text, match):
            continue
        around = (
            text[max(0, match.start() - 6) : match.start()],
            text[match.end() : match.end() + 12],
        )
        resolved = _resolve(match, published, around)
        if resolved:
            return resolved
    return None


_POSSESSIVE = re.compile(rf"(?:\s{DAY_PART_PATTERN})?['’]s\b")
"""``Monday's``, ``Monday night's``."""


_CLAUSE_OPENING = re.compile(r"[,;:(—–]\s*(?P<word>[\w’']+)[^,;:(—–.!?]*$")
_FUTURE_WORDS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FUTURE_MARKERS)
_FUTURE = re.compile(
    rf"\b(?:{_FUTURE_WORDS})\b[^,;:.!?]*$|['’]ll\b[^,;:.!?]*$",
    re.IGNORECASE,
)
_CLAUSE_REACH = 60
_SPEAKING = re.compile(rf"\b(?:{'|'.join(SPEAKING_STEMS)})\w*\b", re.IGNORECASE)


def _other_clause(text: str, match: re.Match[str]) -> bool:
    """A date in a relative clause (``Jo Roe, who took office in March, said``) or of a
    future event (``would meet on Friday``, ``next Monday``) is not when it was said."""
    before = text[max(0, match.start() - _CLAUSE_REACH) : match.start()]
    if _FUTURE.search(before):
        return True
    opening = _CLAUSE_OPENING.search(before)
    if opening is None or opening.group("word").lower() not in DESCRIBING_RELATIVES:
        return False
    return _SPEAKING.search(opening.group()) is None  # "who spoke to reporters on Monday"


def _attributive(text: str, match: re.Match[str]) -> bool:
    """``a May 4 election``, ``Monday's vote``, ``born on March 3``: a date that
    describes something else than the saying (but ``at Monday's meeting`` is its occasion)."""
    before = text[max(0, match.start() - 16) : match.start()].lower().split()
    if _POSSESSIVE.match(text, match.end()):
        return not before or before[-1] not in OCCASION_PREPOSITIONS  # "at Monday's meeting"
    if before and (before[-1] in EVENT_DATE_DETERMINERS or before[-1] in BOUND_PREPOSITIONS):
        return True
    return bool(EVENT_PARTICIPLES & set(before[-2:]))


def _programme(text: str, match: re.Match[str]) -> bool:
    """``Today`` capitalised inside a sentence is a programme's name."""
    word = match.group()
    if not word[:1].isupper() or match.group("rel") is None:
        return False
    before = text[max(0, match.start() - 3) : match.start()].rstrip()
    return bool(before) and before[-1] not in ".!?\n\"“‘'"


def mentions_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` states any date at all."""
    return _SAID_ON.search(text, start, end) is not None


def _resolve(
    match: re.Match[str], published: Published | None, around: tuple[str, str]
) -> str | None:
    """A date match resolved against the publication date; ``around`` is the text just
    before and after it (``last Friday``, ``May 3 last year``)."""
    text_before, after = around
    last_year = re.match(r"\s+last\s+year", after, re.IGNORECASE) is not None
    if match.group("dm") or match.group("md"):
        day = int(match.group("d1") or match.group("d2"))
        month = _month(match.group("m1") or match.group("m2"))
        year = match.group("y1") or match.group("y2")
        return _day_of_month(day, month, int(year) if year else None, published, last_year)
    if match.group("wd"):
        last = re.search(r"\blast\s+$", text_before, re.IGNORECASE) is not None
        return _weekday(match.group("wd").lower(), published, last)
    if match.group("mo"):
        month = _month(match.group("mo"))
        year = match.group("y3")
        if year:
            return f"{int(year):04d}-{month:02d}"
        if published is None:
            return None
        guess = published.year - (1 if published.month and month > published.month else 0)
        return f"{guess:04d}-{month:02d}"
    if match.group("rel"):
        return _relative(" ".join(match.group("rel").lower().split()), published)
    if match.group("clock"):
        return _relative("today", published)  # "speaking at 8am": on the page's day
    return None


@lru_cache(maxsize=256)
def _month(name: str) -> int:
    """The number of a month as written (``Sept.``, ``march``), read once per spelling."""
    return dateparser.parse(name.rstrip(".") + " 1 2000").month


def _day_of_month(
    day: int, month: int, year: int | None, published: Published | None, last_year: bool
) -> str | None:
    if year is None:
        if published is None:
            return None
        year = published.year - (1 if last_year else 0)
        later = published.month is not None and (month, day) > (
            published.month,
            published.day or 31,
        )
        if not last_year and later:
            year -= 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday(name: str, published: Published | None, last: bool = False) -> str | None:
    """The latest such day on or before the page's day; strictly before it after
    ``last`` (``last Friday`` in a Friday paper is a week ago)."""
    today = published.day_date if published else None
    if today is None:
        return None
    back = (today.weekday() - WEEKDAYS.index(name)) % 7 or (7 if last else 0)
    return (today - timedelta(days=back)).isoformat()


def _relative(phrase: str, published: Published | None) -> str | None:
    today = published.day_date if published else None
    if today is None:
        if published and published.month and phrase in THIS_MONTH_PHRASES:
            return f"{published.year:04d}-{published.month:02d}"
        return None
    if phrase in SAME_DAY_PHRASES:
        return today.isoformat()
    if phrase in DAY_BEFORE_PHRASES:
        return (today - timedelta(days=1)).isoformat()
    if phrase in THIS_MONTH_PHRASES:
        return today.strftime("%Y-%m")
    if phrase == "last month":
        return (today - relativedelta(months=1)).strftime("%Y-%m")
    if phrase == "last week":
        return _month_of(today - timedelta(days=today.weekday() + 7), 7)
    return _month_of(today - timedelta(days=today.weekday()), today.weekday() + 1)


def _month_of(first: date, days: int) -> str | None:
    """The month of a run of days, when they all fall in one month."""
    last = first + timedelta(days=days - 1)
    return first.strftime("%Y-%m") if (first.year, first.month) == (last.year, last.month) else None


_AUXILIARY_GAP = 40
"""How far before a cue its auxiliary and adverbs are looked for."""
_CUE_ADVERB = re.compile(CUE_ADVERB_PATTERN)
_LATER_OCCASION = re.compile(LATER_OCCASION_PATTERN, re.IGNORECASE)


def perfect_cue(
    text: str, cue: str | None, start: int, end: int, auxiliaries: frozenset[str] | None = None
) -> bool:
    """Whether a statement's cue is in the perfect (``has warned``, ``had also accused``):
    it reports something said before the occasion the story dates."""
    auxiliaries = auxiliaries or PERFECT_AUXILIARIES
    at = _cue_at(text, cue, start, end)
    if at < 0:
        return False
    before = text[max(0, at - _AUXILIARY_GAP) : at].replace("’", " ’").replace("'", " '")
    for word in reversed(before.lower().split()):
        if word in auxiliaries:
            return True
        if not _CUE_ADVERB.fullmatch(word):
            return False
    return False


PRESENT_PERFECT = PRESENT_PERFECT_AUXILIARIES
"""``has called``: the present perfect takes no past date (``has called it ... in May`` is
not English), so a date near it belongs to another clause."""

_FRAME_GAP = 80
"""How far from a statement's content its cue is looked for."""


def _cue_at(text: str, cue: str | None, start: int, end: int) -> int:
    """Where the cue of a statement ``text[start:end]`` is written, or -1."""
    if not cue:
        return -1
    at = text.rfind(cue, max(0, start - _FRAME_GAP), start)
    return at if at >= 0 else text.find(cue, end, end + _FRAME_GAP)


_ANNOUNCING_NOW = re.compile(ANNOUNCING_NOW_PATTERN, re.IGNORECASE)


def announced_now(
    text: str, cue: str | None, start: int, end: int, published: Published | None
) -> str | None:
    """The publication day for a release's own announcement (``The directors are pleased to
    announce that ...``): the page is the occasion."""
    day = published.day_date if published else None
    at = _cue_at(text, cue, start, end)
    if day is None or at < 0 or not _ANNOUNCING_NOW.search(text[max(0, at - _AUXILIARY_GAP) : at]):
        return None
    return day.isoformat()


def later_occasion(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a statement's frame) sets a later occasion than the one
    the story opens on (``in a later interview``, ``later told reporters``)."""
    return _LATER_OCCASION.search(text, start, end) is not None


_QUOTED_TODAY = re.compile(QUOTED_TODAY_PATTERN)
"""Lower case only: a capitalised ``Today`` opening a quotation often means "nowadays"."""


def quoted_today(text: str, start: int, end: int, published: Published | None) -> str | None:
    """The publication day, when a quotation ``text[start:end]`` speaks of ``today``
    (``"Even today the lift is broken ..."``): the words were said that day."""
    day = published.day_date if published else None
    if day is None or _QUOTED_TODAY.search(text, start, end) is None:
        return None
    return day.isoformat()


_REFERRING_BACK = re.compile(
    rf"\s*{REFERRING_BACK_DETERMINERS_PATTERN}\s+(?:[\w-]+\s+)?"
    rf"(?:{'|'.join(sorted(SPEECH_NOUNS))})\s+(?:{'|'.join(SPEECH_OCCURRED)})\b"
)


def dated_afterwards(text: str, start: int, end: int, published: Published | None) -> str | None:
    """The date a sentence ``text[start:end]`` gives to the speech it refers back to
    (``These remarks came on Monday, ...``, ``The claims surfaced in May``)."""
    match = _REFERRING_BACK.match(text, start, end)
    if match is None:
        return None
    return said_on(text, match.end(), end, published)


def nominal_cue(cue: str | None) -> bool:
    """Whether a cue is a noun (``claims by``, ``reports of``, ``rumours emerged that``)."""
    parts = (cue or "").lower().split()
    return len(parts) > 1 and parts[0] in CLAIM_NOUNS and parts[1] not in NOT_NOMINAL_CUE_LINKS


_EVENT_REFERENCE = re.compile(
    rf"\b{EVENT_PREPOSITIONS_PATTERN}\s+the\s+(?:\w+\s+)?"
    rf"(?:{'|'.join(EVENT_NOUNS)})\b|\bafterwards?\b",
    re.IGNORECASE,
)


def refers_to_event(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a statement's frame) places it at an occasion named
    before (``told reporters after the vote``, ``said during the debate``, ``afterwards``)."""
    return _EVENT_REFERENCE.search(text, start, end) is not None


def simple_present(cue: str | None) -> bool:
    """Whether a one-word cue is in the simple present (``says``, ``say``, ``insist``)."""
    word = (cue or "").strip()
    if not word.isalpha() or not word.islower():
        return False
    return not word.endswith(("ed", "ing")) and word not in IRREGULAR_PAST_CUES


_TIME_HEADING = re.compile(
    r"\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\d{1,2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?",
    re.IGNORECASE,
)
_TIME_HEADING_MAX = 16


def time_heading(line: str) -> bool:
    """Whether a line is only a time of day (``19.05 BST``, ``6:45pm``): an entry of a live
    page, posted on the day of the page."""
    text = line.strip()
    return len(text) <= _TIME_HEADING_MAX and _TIME_HEADING.fullmatch(text) is not None
