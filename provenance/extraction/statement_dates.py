"""Statement dates: when what the body reports was said, beyond the date a statement's
own frame gives: the lede's occasion, a deed's date, a live page's entries, a release's
day, and a speaker's date carried through a passage."""

import re
from bisect import bisect_left
from datetime import date, timedelta

from provenance.extraction.coref import Entity
from provenance.extraction.dates import (
    PRESENT_PERFECT,
    dated_afterwards,
    later_occasion,
    nominal_cue,
    perfect_cue,
    quoted_today,
    refers_to_event,
    said_on,
    simple_present,
    time_heading,
)
from provenance.extraction.found import FRAME_REACH, Found, Page, date_in, minus, paragraph_of
from provenance.extraction.lexicon.channels import CITED_BEFORE_PATTERN
from provenance.extraction.lexicon.function import PERFECT_MARKERS
from provenance.extraction.text import Span
from provenance.extraction.transcript import Turn

Deeds = dict[int, tuple[int, int, str]]
"""Per speaker, the last deed dated in a sentence of its own: (from, to, date)."""

LEDE_DATE_PARAGRAPHS = 2
"""The lede's date is looked for in this many opening paragraphs."""
_LEDE_PARAGRAPHS = 4
"""Statements in this many opening paragraphs are taken to be made on the lede's occasion."""
_DATELINE = re.compile(r"[^\n]{0,80}?(?:\([\w .&/-]{2,30}\)\s*[-–—:]*|\s[-–—]{1,2}|:)\s")
"""A dateline opening a lede (``New Aster, Aug 17 (AP)``, ``EASTMERE, December 9:``)."""


def _past_dateline(text: str, para: Span) -> int:
    """Where a paragraph's own words begin: the date of a dateline is the page's."""
    match = _DATELINE.match(text, para.start, para.end)
    return match.end() if match else para.start


_PASSAGE_PARAGRAPHS = 3
"""A speaker's date carries to their statements this many paragraphs further at most."""
_HEADING_REACH = 40
_LIVE_MIN_ENTRIES = 2
"""A page with this many time-of-day headings is a live page."""
_CITED = re.compile(CITED_BEFORE_PATTERN, re.IGNORECASE)
_CITED_REACH = 16
_LEDE_MAX_AGE = timedelta(days=60)
"""A lede's occasion is at most this long before publication."""
_LEDE_SEARCH = 8
"""How many opening paragraphs may be furniture before the lede."""
_LEDE_MIN_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", ")")


def _gaps(span: Span, holes: list[Span]) -> list[Span]:
    """The parts of ``span`` outside any of ``holes``, in one pass over the sorted holes."""
    gaps: list[Span] = []
    at = span.start
    for hole in sorted(holes):
        if hole.start > at:
            gaps.append(Span(at, min(hole.start, span.end)))
        at = max(at, hole.end)
        if at >= span.end:
            break
    if at < span.end:
        gaps.append(Span(at, span.end))
    return [g for g in gaps if g.start < g.end]


def own_date(page: Page, item: Found, frame: list[Span]) -> str | None:
    """The date a statement's frame gives it; none for a present perfect cue (``X, which
    opened in May, has called it ...``: the date is another clause's)."""
    if perfect_cue(page.body, item.cue, item.start, item.end, PRESENT_PERFECT):
        return None
    # "X reported on Monday, citing sources, that ...": when the sources spoke is unsaid
    if item.subject is not None and _CITED.search(
        page.body, max(0, item.subject.start - _CITED_REACH), item.subject.start
    ):
        return None
    return date_in(page.body, frame, page.published)


def note_deed(
    page: Page, deeds: Deeds, sentence: Span, subject: Entity | None, items: list[Found]
) -> None:
    """``Jo Roe left the club on Saturday evening. "...," Roe said.``: a speaker's deed dated
    in a sentence that says nothing dates what they go on to say in the paragraph."""
    if subject is None or items:
        return
    day = said_on(page.body, sentence.start, sentence.end, page.published)
    if day is not None:
        para = page.paras[max(0, bisect_left(page.para_starts, sentence.start + 1) - 1)]
        deeds[id(subject)] = (sentence.end, para.end, day)


def date_by_deeds(page: Page, deeds: Deeds, items: list[Found]) -> None:
    """Undated statements a speaker makes after a deed dated in its own sentence."""
    for item in items:
        deed = deeds.get(id(item.entity)) if item.entity is not None else None
        if deed is None or item.date is not None or not deed[0] <= item.start < deed[1]:
            continue
        if not before_or_after(page, item):
            item.date = deed[2]


def lede_index(page: Page) -> int:
    """The first paragraph of running prose: headlines, bylines and page furniture
    left above it are short and not ended like sentences."""
    for k, para in enumerate(page.paras[:_LEDE_SEARCH]):
        text = page.body[para.start : para.end].rstrip()
        if len(text.split()) >= _LEDE_MIN_WORDS and text.endswith(_SENTENCE_ENDS):
            return k
    return 0


def date_lede(page: Page, found: list[Found], turns: dict[int, Turn]) -> None:
    """The occasion the lede dates (``approved the budget on Tuesday``) is when the
    statements of the opening paragraphs were made, unless they give their own date
    or report something said before it (``has warned``)."""
    lede = None
    first = lede_index(page)
    for index in range(first, min(len(page.paras), first + LEDE_DATE_PARAGRAPHS)):
        if index in turns:
            continue  # "today" in an interview's question dates no news lede
        lede = _occasion_date(page, found, page.paras[index])
        if lede is not None:
            break
    if lede is None and first < len(page.paras):
        # "NORDPORT, May 9: X said ...": with no date of its own, the lede's
        # occasion is the day of its dateline
        para = page.paras[first]
        lede = said_on(page.body, para.start, _past_dateline(page.body, para), page.published)
    if lede is None or len(lede) < 10 or not _recent(page, lede):
        return
    end = page.paras[min(len(page.paras), first + _LEDE_PARAGRAPHS) - 1].end
    for item in found:
        if item.start >= end and not _at_the_event(page, item):
            continue
        if item.entity is not None and item.date is None and not before_or_after(page, item):
            item.date = lede


def _at_the_event(page: Page, item: Found) -> bool:
    """``told reporters after the vote``: a statement placed at the occasion the lede
    dates, however far below it."""
    return any(refers_to_event(page.body, span.start, span.end) for span in _reach(page, item))


def _occasion_date(page: Page, found: list[Found], para: Span) -> str | None:
    """The date a lede paragraph gives its occasion. A question is no occasion, and a
    date inside a quotation, or inside what is reported in the present or perfect (``says
    inspectors drained it on Tuesday``, ``has praised the volunteers on Sunday``), dates the
    event, not the saying."""
    if page.body[para.start : para.end].rstrip().endswith("?"):
        return None
    reported = [
        Span(i.start, i.end)
        for i in found
        if para.start <= i.start < para.end and _undated_by_content(page, i)
    ]
    return date_in(
        page.body,
        _gaps(Span(_past_dateline(page.body, para), para.end), reported),
        page.published,
    )


def _undated_by_content(page: Page, item: Found) -> bool:
    if item.kind == "direct":
        return True  # "'We signed it on Monday,' she said": the speaker's own reference
    return simple_present(item.cue) or perfect_cue(page.body, item.cue, item.start, item.end)


def before_or_after(page: Page, item: Found) -> bool:
    """A statement reported as said before the lede's occasion (``has warned``), at no
    stated time (``claims by X that``) or on a later one (``in a later interview``)."""
    first = (item.cue or "").split()[0].lower() if item.cue else ""
    if first in PERFECT_MARKERS or perfect_cue(page.body, item.cue, item.start, item.end):
        return True
    return nominal_cue(item.cue) or later(page, item)


def later(page: Page, item: Found) -> bool:
    """Whether a statement's frame sets a later occasion (``in a later interview``)."""
    return any(later_occasion(page.body, span.start, span.end) for span in _reach(page, item))


def _reach(page: Page, item: Found) -> list[Span]:
    """The parts of a statement's frame near its cue."""
    reach = Span(item.position - FRAME_REACH, item.position + FRAME_REACH)
    return minus(item.frame, [Span(0, reach.start), Span(reach.end, len(page.body))])


def _recent(page: Page, day: str) -> bool:
    """Whether a date can be the occasion of a news lede: not long before publication."""
    today = page.published.day_date if page.published else None
    if today is None:
        return True
    return timedelta(0) <= today - date.fromisoformat(day) <= _LEDE_MAX_AGE


def date_by_afterwards(page: Page, found: list[Found]) -> None:
    """``These remarks came on Monday``: a sentence that dates the speech it refers
    back to dates the undated statements of its paragraph."""
    days: dict[int, str] = {}
    for index, para in enumerate(page.paras):
        for sentence in page.sentences(para):
            day = dated_afterwards(page.body, sentence.start, sentence.end, page.published)
            if day is not None:
                days.setdefault(index, day)
    if not days:
        return
    for item in found:
        if item.entity is not None and item.date is None:
            item.date = days.get(paragraph_of(page.para_starts, item.start))


def date_live_entries(page: Page, found: list[Found]) -> None:
    """A live page's entries, each under a time of day (``19.05 BST``), were posted on
    the page's day: so were their undated statements."""
    day = page.published.day_date if page.published else None
    if day is None:
        return
    headings = [p.start for p in page.paras if time_heading(_first_line(page, p))]
    if len(headings) < _LIVE_MIN_ENTRIES:
        return
    for item in found:
        if item.entity is not None and item.date is None and item.start > headings[0]:
            item.date = day.isoformat()


def _first_line(page: Page, para: Span) -> str:
    """The first line of a paragraph, up to a heading's length."""
    limit = min(para.end, para.start + _HEADING_REACH)
    end = page.body.find("\n", para.start, limit)
    return page.body[para.start : end if end >= 0 else limit]


def date_quoted_today(page: Page, found: list[Found]) -> None:
    """An undated quotation that speaks of ``today`` was said on the day of the page."""
    for item in found:
        if item.kind == "direct" and item.date is None and item.entity is not None:
            item.date = quoted_today(page.body, item.start, item.end, page.published)


def date_release(page: Page, found: list[Found], own_voice: bool) -> None:
    """What a release says in its own voice, and the words it quotes without another
    occasion, are said on the day of its page (not on an earlier announcement's)."""
    day = page.published.day_date if page.published else None
    if day is None or not own_voice:
        return
    for item in found:
        if (
            item.entity is not None
            and item.date is None
            and item.channel in (None, "statement")
            and not item.via
        ):
            item.date = day.isoformat()


def carry_dates(page: Page, found: list[Found]) -> None:
    """A speaker's statements in one passage are one occasion: those without a date of
    their own take the date of the speaker's last one, a few paragraphs up at most, even
    with others speaking in between; not those said before it (``has warned``), nor any
    once the text moves on to a later occasion (``in a later interview``)."""
    starts = [p.start for p in page.paras]
    last: dict[int, Found] = {}
    moved_on = -1  # where the text last moved on to a later occasion
    for item in found:
        if item.entity is None:
            continue
        before = last.get(id(item.entity))
        if later(page, item):
            moved_on = item.start
        if (
            before is not None
            and before.start >= moved_on
            and item.date is None
            and before.date is not None
            and item.channel in (None, before.channel)
            and paragraph_of(starts, item.start) - paragraph_of(starts, before.start)
            <= _PASSAGE_PARAGRAPHS
            and not before_or_after(page, item)
        ):
            item.date = before.date
        last[id(item.entity)] = item
