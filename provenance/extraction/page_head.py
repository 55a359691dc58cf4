"""The head of a news page: headline, byline and date above the lead paragraph.

Pages put their headline among the first lines, before the lead paragraph (the first
line that reads as prose), often twice (the page title and the article heading), and
around it bylines, date lines, desk names, section labels and photo captions. A line
is a headline only where it reads like one: a short line that is not a sentence, a
date, a byline, a person's name or a label. A page with no such line above its lead
has no headline: its title is ``""`` and its lead stays in the body.
"""

import re
from typing import NamedTuple

from provenance.extraction.bylines import (
    byline_names,
    byline_place,
    marked_byline,
)
from provenance.extraction.dates import FULL_DATE, parse_full_date
from provenance.extraction.lexicon.layout import DATE_LABELS_PATTERN
from provenance.extraction.lexicon.people import HONORIFIC_PATTERN
from provenance.extraction.limits import MAX_TITLE
from provenance.extraction.text import OPEN_QUOTES, QUOTE_MARKS

HEAD_WINDOW = 12
"""How many lines from the top may hold the headline, byline and date."""
MAX_HEADLINE_WORDS = 24
_MAX_QUESTION_HEADLINE_WORDS = 12
_MIN_PARAGRAPH_WORDS = 4
_MIN_REPEATED_WORDS = 4
"""A repeated line this long is the headline twice (page title and heading), not a
section label."""
_MAX_DATE_LINE = 90
_AFTER_LEAD = 3
"""How many lines after the lead may still hold the byline (under a standfirst)."""

TERMINAL_END = re.compile(r"[.!?…][”’\"')\]]*$")
# one sentence ending and another starting: "... were certified. – Reuters", "... late. The"
_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.!?][”’\"')]? +[A-Z“‘\"–—-]")
_CLAUSE_END = re.compile(r"[.,;:][”’\"')\]]*$")
_QUESTION_END = re.compile(r"\?[”’\"')\]]*$")
_DEFINED_TERM = re.compile(r"\((?:the )?[\"“][^\"”]{1,40}[\"”]")
_HONORIFIC_NAME = re.compile(rf"{HONORIFIC_PATTERN}\.? [A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){{0,3}}")
# a publication credit: an outlet's name with its city, "The Daily Courier (Port Aster)"
_PUBLICATION = re.compile(r"(?:[A-Z][\w.&'’-]* ){1,5}\([A-Z][\w .'’-]{1,30}\)")
_PIPE = re.compile(r"\s+[|•·]\s+")
_SEPARATORS = " |/•·-–—,:("
_DATE_LABEL = re.compile(DATE_LABELS_PATTERN, re.I)
_TITLE_SUFFIX = re.compile(r"\s+\|\s+")
_SUFFIX_CRUMB = re.compile(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2}")
_DATELINE_START = re.compile(
    r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:, [^—–:()\n]{1,40}?)?"
    r"(?: ?\([A-Za-z .]{1,30}\))? ?(?::|—|–|-{1,2}) +"
)


class Head(NamedTuple):
    """What the top of a page says, and the body lines below it."""

    title: str
    authors: list[str]
    published: str | None
    place: str | None
    """The place of a ``By Jane Doe, Lagos`` byline."""
    body: list[str]


class _HeaderLine(NamedTuple):
    names: list[str]
    date: str | None
    noise: bool

    @property
    def known(self) -> bool:
        return bool(self.names or self.date or self.noise)


def read_head(lines: list[str], noise: re.Pattern[str]) -> Head:
    """Title, authors, date and byline place from the top of ``lines``; the rest is body.

    One-word lines at the very top (menu entries, section labels) are skipped first."""
    lines = lines[next((k for k, text in enumerate(lines) if " " in text), len(lines)) :]
    window = lines[:HEAD_WINDOW]
    lead = _lead_index(window)
    header = [_header_line(k, window, noise) for k in range(lead)]
    title_at = _title_index(window, lead, header)
    title = window[title_at] if title_at is not None else ""
    end = _header_end(window, lead, header, title_at)
    found = [line for k, line in enumerate(header[:end]) if k != title_at]
    authors = next((line.names for line in found if line.names), [])
    published = next((line.date for line in found if line.date), None)
    place = next((_place(window[k]) for k in range(end) if header[k].names), None)
    body = lines[end:]
    under = None if authors and published else _header_under_lead(body, title_at is not None)
    if under is not None:
        names, date, body = under
        authors = authors or names
        published = published or date
    return Head(_title_text(title), authors, published, place, body)


def paragraph_like(text: str) -> bool:
    """Whether a line reads as prose: a sentence of several words, or a long line."""
    words = len(text.split())
    if words > MAX_HEADLINE_WORDS or _SENTENCE_BREAK.search(text):
        return True
    if words < _MIN_PARAGRAPH_WORDS or not TERMINAL_END.search(text):
        return False
    question = _QUESTION_END.search(text) is not None
    return not question or words > _MAX_QUESTION_HEADLINE_WORDS or text.startswith("Q:")


def headline_like(text: str) -> bool:
    """Whether a line could be a headline: short, not a sentence, not a name or label."""
    words = text.split()
    return (
        2 <= len(words) <= MAX_HEADLINE_WORDS
        and len(text) <= MAX_TITLE
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in OPEN_QUOTES)
        and not paragraph_like(text)
        and _CLAUSE_END.search(text) is None
        and _DEFINED_TERM.search(text) is None
        and _HONORIFIC_NAME.fullmatch(text) is None
        and _PUBLICATION.fullmatch(text) is None
    )


def date_line(text: str) -> str | None:
    """The date of a short line that states a full date: at its start, after a label
    (``Published 14 March 2024``, ``Page last updated at 06:51, 12 June 2012``) or after a
    separator (``Jane Doe | 3 May 2021``); a headline that mentions a date is no date line."""
    match = FULL_DATE.search(text) if len(text) <= _MAX_DATE_LINE else None
    if match is None:
        return None
    before = text[: match.start()].rstrip()
    labelled = before.endswith(tuple(_SEPARATORS)) or _DATE_LABEL.search(before) is not None
    if before.strip(_SEPARATORS) and not labelled:
        return None
    return parse_full_date(text)


def _lead_index(window: list[str]) -> int:
    return next((k for k, text in enumerate(window) if paragraph_like(text)), len(window))


def _header_line(k: int, window: list[str], noise: re.Pattern[str]) -> _HeaderLine:
    text = window[k]
    names = _segment_names(text)
    if names and not _byline_context(text, k, window, noise):
        names = []
    return _HeaderLine(names, date_line(text), noise.fullmatch(text) is not None)


def _title_index(window: list[str], lead: int, header: list[_HeaderLine]) -> int | None:
    """The headline: the first candidate the page repeats (page title and heading), else
    the first candidate."""
    candidates = [k for k in range(lead) if not header[k].known and headline_like(window[k])]
    repeated = [k for k in candidates if window[k] in window[k + 1 :]]
    for k in repeated:
        if len(window[k].split()) >= _MIN_REPEATED_WORDS:
            return k
    labels = {window[k] for k in repeated}  # a short line twice is a section label
    return next((k for k in candidates if window[k] not in labels), None)


def _header_end(
    window: list[str], lead: int, header: list[_HeaderLine], title_at: int | None
) -> int:
    """Where the body starts: at the lead when there is no headline, else after the last
    header line under the headline."""
    if title_at is None:
        return lead if lead < len(window) else 0
    last = title_at
    for k in range(title_at + 1, lead):
        if header[k].known or window[k] == window[title_at] or " " not in window[k]:
            last = k  # a byline, a date, a desk, the headline again, a one-word label
        elif last == k - 1 and header[k - 1].names and _short_title(window[k]):
            last = k  # the outlet or role under a byline: "Jane Doe" / "Valley Courier"
    return last + 1


def _header_under_lead(
    body: list[str], headline: bool
) -> tuple[list[str], str | None, list[str]] | None:
    """A byline or date line just under the first paragraph: its names and date, and the
    body without it. Under a headline that paragraph is a standfirst and goes with the
    header; without one it is the lead and stays."""
    names: list[str] = []
    date: str | None = None
    header: list[int] = []
    for k, text in enumerate(body[: _AFTER_LEAD + 1]):
        if paragraph_like(text):
            continue
        found = byline_names(text) if marked_byline(text) else []
        when = date_line(text)
        if found or when:
            names, date = names or found, date or when
            header.append(k)
    if not header:
        return None
    if headline:
        return names, date, body[header[-1] + 1 :]
    return names, date, [text for k, text in enumerate(body) if k not in header]


def _title_text(title: str) -> str:
    """The headline without a page title's ``| Section | Site`` suffix."""
    parts = _TITLE_SUFFIX.split(title)
    if len(parts) < 2 or len(parts[0].split()) < 3:
        return title
    if all(_SUFFIX_CRUMB.fullmatch(part) for part in parts[1:]):
        return parts[0]
    return title


def _place(text: str) -> str | None:
    return next((p for p in map(byline_place, _PIPE.split(text)) if p), None)


def _segment_names(text: str) -> list[str]:
    """The authors of a header line, looking at each ``|``-separated part: past the first,
    a part names authors only when marked as a byline or beside a date."""
    if any(mark in text for mark in QUOTE_MARKS if mark not in "’'"):
        return []
    segments = _PIPE.split(text)
    dated = len(segments) > 1 and any(date_line(segment) for segment in segments)
    for k, segment in enumerate(segments):
        names = byline_names(segment)
        if names and (k == 0 or dated or marked_byline(segment)):
            return names
    return []


def _byline_context(text: str, k: int, window: list[str], noise: re.Pattern[str]) -> bool:
    """Whether a line that names people stands where a byline stands.

    Marked by its form, or followed by a date line (possibly after a role or agency
    line: ``Jane Doe`` / ``Business reporter``), or right above the dateline's paragraph.
    """
    if any(marked_byline(segment) for segment in _PIPE.split(text)):
        return True
    after = window[k + 1 : k + 3]
    if after and date_line(after[0]):
        return True
    if after and noise.fullmatch(after[0]):
        return True
    if len(after) > 1 and _short_title(after[0]) and date_line(after[1]):
        return True
    return bool(after) and _DATELINE_START.match(after[0]) is not None


def _short_title(text: str) -> bool:
    words = text.split()
    return len(words) <= 4 and all(w[:1].isupper() for w in words) and text[-1:].isalnum()
