"""Document layout: title, byline, dateline, publication date and body without furniture.

The shared rules cover what English news pages have in common: breadcrumbs, share and
comment widgets, "related articles" blocks, bylines (``By Jane Doe``, ``Jane Doe and
John Roe``, ``Jane Doe in Lima``), visible dates and datelines (``LIMA (AP) -``).
An extractor adds its format's own furniture, end markers, bylines and datelines
through :class:`LayoutRules`.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from msgspec import Struct

from provenance.domain import ParsedDocument, RawDocument
from provenance.extraction.appended import drop_appended
from provenance.extraction.dates import FULL_DATE, parse_full_date
from provenance.extraction.layout_rules import (
    CORE_DATELINES,
    CORE_END_MARKERS,
    CORE_FURNITURE,
    HEADER_NOISE,
    MIXED_CASE_DATELINE,
    NON_PERSON_WORDS,
    NOT_PLACES,
    ROLE_WORDS,
)

_HEADER_LINES = 8
"""How many lines after the title may hold the byline and the date."""


class LayoutRules(Struct, frozen=True, kw_only=True):
    """Format-specific layout patterns an extractor adds to the shared ones."""

    furniture: tuple[str, ...] = ()
    """Regular expressions of whole lines that are page furniture."""
    end_markers: tuple[str, ...] = ()
    """Regular expressions of whole lines after which the story has ended."""
    datelines: tuple[str, ...] = ()
    """Regular expressions matching a dateline at the start of the first paragraph; the
    group ``place`` is the place."""
    header_noise: tuple[str, ...] = ()
    """Regular expressions of whole header lines that are neither byline nor date
    (``Staff Writer``, an agency name)."""


class _Line(NamedTuple):
    text: str
    start: int


class _Compiled(NamedTuple):
    furniture: re.Pattern[str]
    end_markers: re.Pattern[str]
    datelines: tuple[re.Pattern[str], ...]
    header_noise: re.Pattern[str]


def parse_layout(document: RawDocument, rules: LayoutRules, format: str) -> ParsedDocument:
    """Split a raw document into title, authors, dateline, publication date and body."""
    compiled = _compile(rules)
    lines = _lines(document.text)
    lines = _cut_at_end(lines, compiled.end_markers)
    lines = [line for line in lines if not compiled.furniture.fullmatch(line.text)]
    lines = _drop_repeated_tokens(lines)
    lines = _drop_breadcrumb(lines)
    if not lines:
        return ParsedDocument(body="", format=format)
    title, rest = lines[0].text, lines[1:]
    authors, published, rest = _header(rest, compiled.header_noise)
    texts = [line.text for line in rest]
    dateline = None
    if texts:
        dateline, texts[0] = _dateline(texts[0], compiled.datelines)
    texts = drop_appended(title, texts)
    return ParsedDocument(
        body="\n\n".join(texts),
        title=title,
        authors=authors,
        dateline=dateline,
        published=published,
        format=format,
    )


@lru_cache(maxsize=64)
def _compile(rules: LayoutRules) -> _Compiled:
    def union(patterns: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return _Compiled(
        furniture=union(CORE_FURNITURE + rules.furniture),
        end_markers=union(CORE_END_MARKERS + rules.end_markers),
        datelines=tuple(re.compile(p) for p in rules.datelines + CORE_DATELINES),
        header_noise=union(HEADER_NOISE + rules.header_noise),
    )


def _lines(text: str) -> list[_Line]:
    found = []
    for match in re.finditer(r"[^\n]+", text):
        squashed = " ".join(match.group().split())
        if squashed:
            found.append(_Line(squashed, match.start()))
    return found


def _cut_at_end(lines: list[_Line], markers: re.Pattern[str]) -> list[_Line]:
    """Everything from the first end marker on is not the story (past its first lines)."""
    for k, line in enumerate(lines):
        if k > 2 and markers.fullmatch(line.text):
            return lines[:k]
    return lines


def _drop_repeated_tokens(lines: list[_Line]) -> list[_Line]:
    """A one-word lower-case line that recurs (a site's logo text) is furniture."""
    counts: dict[str, int] = {}
    for line in lines:
        if _token_line(line.text):
            counts[line.text] = counts.get(line.text, 0) + 1
    return [line for line in lines if counts.get(line.text, 0) < 2]


def _token_line(text: str) -> bool:
    return len(text) <= 40 and " " not in text and text.islower()


def _drop_breadcrumb(lines: list[_Line]) -> list[_Line]:
    """``Home National <title>`` or ``Home Sport Football`` before the headline."""
    if len(lines) < 2:
        return lines
    first, second = lines[0].text, lines[1].text
    if first != second and first.endswith(second):
        return lines[1:]
    words = first.split()
    if words[0].lower() == "home" and len(words) <= 6 and all(w[:1].isupper() for w in words):
        return lines[1:]
    if _separated_crumbs(first):
        return lines[1:]
    return lines


_CRUMB_SEPARATOR = re.compile(r"\s+[»›>|/•]\s+")


def _separated_crumbs(text: str) -> bool:
    """``Home » India » Elections``, ``News | Business``: short capitalised crumbs."""
    crumbs = _CRUMB_SEPARATOR.split(text)
    return (
        2 <= len(crumbs) <= 6
        and len(text) <= 100
        and all(
            1 <= len(crumb.split()) <= 4 and crumb[:1].isupper() and crumb[-1:].isalnum()
            for crumb in crumbs
        )
    )


def _header(
    lines: list[_Line], noise: re.Pattern[str]
) -> tuple[list[str], str | None, list[_Line]]:
    """Authors and visible date from the lines after the title, and the lines left.

    The header ends at its last byline or date line; anything else above it (a
    standfirst, a role line) is not body.
    """
    authors: list[str] = []
    published: str | None = None
    last = -1
    head = lines[:_HEADER_LINES]
    for k, line in enumerate(head):
        date = _date_line(line.text)
        names = _segment_names(line.text)
        if names and not authors and _byline_context(line.text, k, head, noise):
            authors, last = names, k
        if date and published is None:
            published, last = date, k
        elif last == k - 1 >= 0 and (noise.fullmatch(line.text) or _short_title(line.text)):
            last = k  # "Staff Writer", "Associated Press" under the byline
    return authors, published, lines[last + 1 :]


def _segment_names(text: str) -> list[str]:
    """The authors of a header line, looking at each ``|``-separated part."""
    for segment in _PIPE.split(text):
        names = byline_names(segment)
        if names:
            return names
    return []


_PIPE = re.compile(r"\s+[|•·]\s+")


def _byline_context(text: str, k: int, head: list[_Line], noise: re.Pattern[str]) -> bool:
    """Whether a line that names people stands where a byline stands.

    Marked by its form, or followed by a date line (possibly after a role or agency
    line: ``Jane Doe`` / ``Business reporter``), or alone right under the title
    with the dateline's paragraph next.
    """
    if any(_marked_byline(segment) for segment in _PIPE.split(text)):
        return True
    after = [line.text for line in head[k + 1 : k + 3]]
    if after and _date_line(after[0]):
        return True
    if after and noise.fullmatch(after[0]):
        return True
    if len(after) > 1 and _short_title(after[0]) and _date_line(after[1]):
        return True
    return k == 0 and bool(after) and _DATELINE_START.match(after[0]) is not None


_DATELINE_START = re.compile(
    r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:, [^—–:()\n]{1,40}?)?"
    r"(?: ?\([A-Za-z .]{1,30}\))? ?(?::|—|–|-{1,2}) +"
)


def _date_line(text: str) -> str | None:
    """The date of a short line that states a full date (``Published 14 March 2024``)."""
    if len(text) > 90 or not FULL_DATE.search(text):
        return None
    return parse_full_date(text)


def _marked_byline(text: str) -> bool:
    """Whether a line is a byline by its form: ``By``, ``and``, ``in <place>`` or a role."""
    lowered = f" {text.lower()} "
    return (
        bool(_BY.search(text))
        or " and " in lowered
        or bool(_IN_PLACE.search(text.split(" and ")[0]))
        or any(f" {w} " in lowered for w in ROLE_WORDS)
    )


def _short_title(text: str) -> bool:
    words = text.split()
    return len(words) <= 4 and all(w[:1].isupper() for w in words) and text[-1:].isalnum()


_BY = re.compile(r"(?:^|\s)by:?\s+(?P<names>[A-Z][^\d]{2,120})$", re.IGNORECASE)
_NAME = re.compile(
    r"[A-Z][\w’'.-]*(?:\s(?:[A-Z][\w’'.-]*|van|von|de|der|den|da|dos|du|al|bin|el|la|le))*"
    r"(?:\s[A-Z][\w’'.-]*)"
)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w’'. -]*$")


def byline_names(line: str) -> list[str]:
    """The authors a byline line names, or [] when it is not a byline.

    Accepts ``By Jane Doe``, ``Posted on <date> by Jane Doe``, ``Jane Doe and John Roe,
    AP``, ``Jane Doe in Lima`` and ``Jane Doe Local government correspondent``.
    """
    match = _BY.search(line)
    if match:
        return _names(match.group("names"))
    if len(line) > 100 or line.endswith((".", "?", "!", ":")) or not line[:1].isupper():
        return []
    return _names(line, strict=True)


def _names(text: str, strict: bool = False) -> list[str]:
    names = []
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*|;\s*", text.strip()):
        name = _one_name(part.strip(), strict)
        if name is None:
            if strict:
                return []
            continue
        names.append(name)
    return names


def _one_name(part: str, strict: bool) -> str | None:
    part = _IN_PLACE.sub("", part)
    words = part.split()
    while words and words[-1].lower() in ROLE_WORDS:
        words.pop()  # "Local government correspondent": the role follows the name
        if words and not words[-1][:1].isupper():
            continue
        if words and len(words) > 2:
            words.pop()
    if not 2 <= len(words) <= 4:
        return None
    if words[0].lower() == "the" or any(w.lower() in NON_PERSON_WORDS for w in words):
        return None  # "The Canadian Press", "Web Desk": an outlet or an office
    candidate = " ".join(words)
    if not _NAME.fullmatch(candidate):
        return None
    if strict and any(w.lower() in ROLE_WORDS for w in words):
        return None
    return candidate


def _dateline(paragraph: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[str | None, str]:
    """The dateline's place and the paragraph without it."""
    for pattern in patterns:
        match = pattern.match(paragraph)
        if match and match.end() < len(paragraph):
            return match.group("place").strip(), paragraph[match.end() :]
    match = _MIXED_DATELINE.match(paragraph)
    if match and not any(w.lower() in NOT_PLACES for w in re.split(r"[ -]", match["place"])):
        return match.group("place"), paragraph[match.end() :]
    return None, paragraph


_MIXED_DATELINE = re.compile(MIXED_CASE_DATELINE)


def rule_hits(document: RawDocument, rules: LayoutRules) -> int:
    """How many lines of ``document`` a format's own furniture or end markers match.

    Extractors use it to claim the documents that carry their format's furniture.
    """
    own = _own_patterns(rules)
    if own is None:
        return 0
    return sum(1 for line in _lines(document.text) if own.fullmatch(line.text))


@lru_cache(maxsize=64)
def _own_patterns(rules: LayoutRules) -> re.Pattern[str] | None:
    patterns = rules.furniture + rules.end_markers
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
