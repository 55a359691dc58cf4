"""Document layout: title, byline, dateline, publication date and body without furniture.

The shared rules cover what English news pages have in common: navigation, banners,
share and comment widgets, ad slots, captions, "related articles" blocks, bylines
(``By Jane Doe``, ``Jane Doe and John Roe``, ``Jane Doe in Lima``), wire credits and
author bios at the end, visible dates and datelines (``LIMA (AP) -``, ``Lima —``).
An extractor adds its format's own furniture, end markers, bylines and datelines
through :class:`LayoutRules`.
"""

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal, NamedTuple

import msgspec
from msgspec import Struct

from provenance.domain import ParsedDocument, RawDocument
from provenance.extraction.appended import drop_appended, drop_link_list
from provenance.extraction.bylines import bio_author, byline_names, credit_authors, same_name
from provenance.extraction.dates import copyright_year, parse_full_date
from provenance.extraction.lexicon.layout import (
    CORE_DATELINES,
    CORE_END_MARKERS,
    CORE_FURNITURE,
    HEADER_LABELS,
    HEADER_NOISE,
    LEADING_DATE_LABELS_PATTERN,
    LINK_MARKERS,
    MIXED_CASE_DATELINES,
    NOT_PLACES,
    TAIL_MARKERS,
)
from provenance.extraction.page_head import (
    HEAD_WINDOW,
    TERMINAL_END,
    headline_like,
    paragraph_like,
    read_head,
)
from provenance.extraction.publisher import publisher_of
from provenance.extraction.text import QUOTE_MARKS

__all__ = ["LayoutRules", "byline_names", "parse_layout", "rule_hits"]

_TAIL_LINES = 8
"""How many lines at the end may hold wire credits, an author bio or a sign-off."""
_DATELINE_PARAGRAPHS = 2
"""How many prose paragraphs from the top may open with the dateline (after a standfirst)."""
_DATELINE_LINES = 8
_LEADING_DATE = re.compile(
    rf"{LEADING_DATE_LABELS_PATTERN}:? (?P<date>\d{{4}}-\d\d-\d\d)\b ?", re.IGNORECASE
)
_RUN_TOGETHER = re.compile(r"[a-z]{3}[A-Z][a-z]{3}")
_SIGNOFF = re.compile(r"[A-Z]{2,4}(?:/[A-Z]{2,4})*")
# "... last sentence. – Reuters", "... last sentence. (AP Bureau)", "... last sentence. DMS"
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?”\"])\s*(?:[–—-]+\s*[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,2}"
    r"|\([A-Z][\w&.]*(?: [A-Z][\w&.]*){0,2}\)|\s[A-Z]{2,4}(?:/[A-Z]{2,4})*)$"
)
_CAPTION_WORDS = (5, 20)
_MAX_FURNITURE_DATE = 90
_MIN_UNPUNCTUATED_WORDS = 150
_MIN_UNPUNCTUATED_CHARS = 600
_ANY_SENTENCE_END = re.compile(r"[.!?…]")


HeaderField = Literal["title", "authors", "published", "dateline"]
"""The fields a labelled header line may fill."""


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
    header_labels: dict[str, HeaderField] = {}
    """Labelled header lines: a regular expression of the label (the text before the
    colon, ``"filed|posted"``) and the field its value fills; added to the shared ones
    (``HEADLINE:``, ``BY:``, ``FILED:``/``DATE:``, ``PLACE:``/``DATELINE:``)."""


class _Line(NamedTuple):
    text: str
    start: int


class _Compiled(NamedTuple):
    furniture: re.Pattern[str]
    end_markers: re.Pattern[str]
    tail_markers: re.Pattern[str]
    link_markers: re.Pattern[str]
    datelines: tuple[re.Pattern[str], ...]
    header_noise: re.Pattern[str]
    header_labels: tuple[tuple[re.Pattern[str], str], ...]


def parse_layout(document: RawDocument, rules: LayoutRules, format: str) -> ParsedDocument:
    """Split a raw document into title, authors, dateline, publication date and body."""
    compiled = _compile(msgspec.msgpack.encode(rules))
    fields, lines = _labelled_lines(_lines(document.text), compiled.header_labels)
    labelled, lines = _date_label(lines)
    labelled = fields.get("published") or labelled
    lines = _cut_at_end(lines, compiled)
    credited = _credited_authors(lines)
    dropped, lines = _split_furniture(lines, compiled)
    lines = _drop_repeated_tokens(lines)
    lines = _drop_breadcrumb(lines)
    if not lines:
        return ParsedDocument(
            body="", title="", published=labelled, format=format, publisher=document.outlet
        )
    head = read_head([line.text for line in lines], compiled.header_noise)
    texts, bio = _drop_author_bio(head.body)
    texts = drop_appended(head.title, _drop_signoff(texts))
    texts = _drop_stray_lines(drop_link_list(texts))
    dateline, dated, texts = _dateline(texts, compiled.datelines)
    title = fields.get("title", head.title)
    if texts and title != head.title and texts[0] == title:
        texts = texts[1:]  # a labelled headline the head did not take for one
    return ParsedDocument(
        body="\n\n".join(texts),
        title=title,
        authors=_labelled_authors(fields) or head.authors or credited or bio,
        dateline=fields.get("dateline") or dateline or head.place,
        published=labelled or head.published or dated or _furniture_date(dropped),
        format=format,
        publisher=document.outlet or publisher_of(document.text, head.title),
    )


@lru_cache(maxsize=64)
def _compile(encoded: bytes) -> _Compiled:
    """The rules compiled, cached by their encoding (a mapping field is not hashable)."""
    rules = msgspec.msgpack.decode(encoded, type=LayoutRules)

    def union(patterns: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return _Compiled(
        furniture=union(CORE_FURNITURE + rules.furniture),
        end_markers=union(CORE_END_MARKERS + rules.end_markers),
        tail_markers=union(TAIL_MARKERS),
        link_markers=union(LINK_MARKERS),
        datelines=tuple(re.compile(p) for p in rules.datelines + CORE_DATELINES),
        header_noise=union(HEADER_NOISE + rules.header_noise),
        header_labels=tuple(
            (re.compile(rf"(?:{label})\s*:\s*(?P<value>\S.*)", re.IGNORECASE), field)
            for label, field in {**HEADER_LABELS, **rules.header_labels}.items()
        ),
    )


def _labelled_lines(
    lines: list[_Line], labels: tuple[tuple[re.Pattern[str], str], ...]
) -> tuple[dict[str, str], list[_Line]]:
    """The values of labelled header lines near the top (``BY: Jo Roe``) by field, and
    the lines without them; a labelled headline stays, as its value, where it stood."""
    fields: dict[str, str] = {}
    kept: list[_Line] = []
    for k, line in enumerate(lines):
        found = _label_of(line.text, labels) if k < HEAD_WINDOW else None
        if found is None or found[0] in fields:
            kept.append(line)
            continue
        field, value = found
        fields[field] = value
        if field == "title":
            kept.append(_Line(value, line.start + len(line.text) - len(value)))
    if "published" in fields:
        fields["published"] = parse_full_date(fields["published"]) or ""
    if "dateline" in fields:
        fields["dateline"] = fields["dateline"].strip(" ,.:;—–-")
    return {field: value for field, value in fields.items() if value}, kept


def _label_of(text: str, labels: tuple[tuple[re.Pattern[str], str], ...]) -> tuple[str, str] | None:
    for pattern, field in labels:
        match = pattern.fullmatch(text)
        if match is not None:
            return field, match["value"].strip()
    return None


def _labelled_authors(fields: Mapping[str, str]) -> list[str]:
    value = fields.get("authors", "")
    if not value:
        return []
    return byline_names(value if value.lower().startswith("by ") else f"By {value}")


def _lines(text: str) -> list[_Line]:
    found = []
    for match in re.finditer(r"[^\n]+", text):
        squashed = " ".join(match.group().split())
        if squashed:
            found.append(_Line(squashed, match.start()))
    return found


def _date_label(lines: list[_Line]) -> tuple[str | None, list[_Line]]:
    """A leading ``date 2021-05-03`` label: its date, and the lines with the rest of its
    line (often the headline or the lead run into it) in its place."""
    if not lines:
        return None, lines
    match = _LEADING_DATE.match(lines[0].text)
    if match is None:
        return None, lines
    rest = lines[0].text[match.end() :]
    head = [_Line(rest, lines[0].start + match.end())] if rest else []
    return match.group("date"), head + lines[1:]


def _cut_at_end(lines: list[_Line], compiled: _Compiled) -> list[_Line]:
    """Everything from the first end marker on is not the story (past its first lines);
    a comment section's heading ends it in the page's second half, a ``Read more`` when
    a headline follows it."""
    half = len(lines) // 2
    for k, line in enumerate(lines):
        if k <= 2:
            continue
        if compiled.end_markers.fullmatch(line.text) or _links_follow(k, lines, compiled):
            return lines[:k]
        if k >= half and compiled.tail_markers.fullmatch(line.text):
            return lines[:k]
    return lines


def _links_follow(k: int, lines: list[_Line], compiled: _Compiled) -> bool:
    if not compiled.link_markers.fullmatch(lines[k].text):
        return False
    return k + 1 == len(lines) or not paragraph_like(lines[k + 1].text)


def _split_furniture(lines: list[_Line], compiled: _Compiled) -> tuple[list[str], list[_Line]]:
    """The furniture lines' texts, and the other lines."""
    dropped: list[str] = []
    kept: list[_Line] = []
    for line in lines:
        if _furniture(line.text, compiled):
            dropped.append(line.text)
        else:
            kept.append(line)
    return dropped, kept


def _furniture(text: str, compiled: _Compiled) -> bool:
    """A line of page furniture: a pattern's whole line, a wire credit, a run-together menu."""
    return (
        compiled.furniture.fullmatch(text) is not None
        or compiled.link_markers.fullmatch(text) is not None
        or credit_authors(text) is not None
        or _menu_line(text)
        or _unpunctuated_run(text)
    )


def _unpunctuated_run(text: str) -> bool:
    """A long line with no sentence end anywhere (a tag cloud, a keyword or menu dump)."""
    if len(text) < _MIN_UNPUNCTUATED_CHARS or _ANY_SENTENCE_END.search(text):
        return False
    return len(text.split()) >= _MIN_UNPUNCTUATED_WORDS


def _menu_line(text: str) -> bool:
    """``ValleyWorld NewsSport``: menu entries run together without spaces."""
    return len(_RUN_TOGETHER.findall(text)) >= 2 and not TERMINAL_END.search(text)


def _credited_authors(lines: list[_Line]) -> list[str]:
    """The reporters and writers of a wire credit line at the end."""
    for line in lines[-_TAIL_LINES:]:
        names = credit_authors(line.text)
        if names:
            return names
    return []


def _furniture_date(dropped: list[str]) -> str | None:
    """A date the page's furniture states (a print-edition credit), else a copyright year."""
    for text in dropped:
        found = parse_full_date(text) if len(text) <= _MAX_FURNITURE_DATE else None
        if found:
            return found
    return next((year for year in map(copyright_year, dropped) if year), None)


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
    if _separated_crumbs(first) and headline_like(second):
        return lines[1:]  # a page title with its site's name stands above the lead instead
    return lines


_CRUMB_SEPARATOR = re.compile(r"\s+[»›>|/•]\s+")


def _separated_crumbs(text: str) -> bool:
    """``Home » Westland » Elections``, ``News | Business``: short capitalised crumbs."""
    crumbs = _CRUMB_SEPARATOR.split(text)
    return (
        2 <= len(crumbs) <= 6
        and len(text) <= 100
        and all(
            1 <= len(crumb.split()) <= 4 and crumb[:1].isupper() and crumb[-1:].isalnum()
            for crumb in crumbs
        )
    )


def _drop_author_bio(texts: list[str]) -> tuple[list[str], list[str]]:
    """An author bio at the end (``Jane Doe is a political reporter with ...``) and the
    name lines just above it: the author, and the body without them."""
    start = max(0, len(texts) - _TAIL_LINES)
    for k in range(len(texts) - 1, start - 1, -1):
        name = bio_author(texts[k])
        if name is None:
            continue
        first = k
        while first > 0 and same_name(texts[first - 1], name):
            first -= 1
        author = texts[first] if first < k else name
        return texts[:first] + texts[k + 1 :], [author]
    return texts, []


def _drop_stray_lines(texts: list[str]) -> list[str]:
    """A photo caption or a subheading between two paragraphs: a sentence-case line with
    no full stop."""
    kept = [texts[0]] if texts else []
    for k in range(1, len(texts) - 1):
        if not _stray_line(texts[k - 1], texts[k], texts[k + 1]):
            kept.append(texts[k])
    return kept + texts[-1:] if len(texts) > 1 else kept


def _stray_line(before: str, text: str, after: str) -> bool:
    words = text.split()
    low, high = _CAPTION_WORDS
    return (
        low <= len(words) <= high
        and text[:1].isupper()
        and not TERMINAL_END.search(text)
        and not text.endswith((":", ",", ";", "-", "–", "—"))
        and not any(mark in text for mark in QUOTE_MARKS if mark not in "’'")
        and TERMINAL_END.search(before) is not None
        and (after[:1].isupper() or after[:1] in QUOTE_MARKS)
        and sum(w[:1].islower() for w in words[1:]) * 2 >= len(words) - 1
    )


def _drop_signoff(texts: list[str]) -> list[str]:
    """A reporter's initials (``DMS``) closing the story, and a ``– Reuters`` or
    ``(AP)`` credit after its last sentence."""
    if texts and _SIGNOFF.fullmatch(texts[-1]):
        texts = texts[:-1]
    if texts:
        texts = [*texts[:-1], _TRAILING_CREDIT.sub("", texts[-1])]
    return texts


def _dateline(
    texts: list[str], patterns: tuple[re.Pattern[str], ...]
) -> tuple[str | None, str | None, list[str]]:
    """The dateline's place, the full date it states (``LIMA, May 3, 2021 (AP) -``) and
    the paragraphs without it: an upper-case dateline may open the first prose
    paragraphs (under a standfirst), a mixed-case one only the first; short lines above
    them (story highlights) are skipped."""
    prose = [k for k, text in enumerate(texts[:_DATELINE_LINES]) if paragraph_like(text)]
    if prose and prose[0] > 0:
        alone = _dateline_match(texts[prose[0] - 1] + " ", patterns, mixed_case=False, alone=True)
        if alone is not None:
            place, dated = alone.group("place").strip(), parse_full_date(alone.group())
            return place, dated, texts[: prose[0] - 1] + texts[prose[0] :]  # "LIMA —" alone
    for n, k in enumerate(prose[:_DATELINE_PARAGRAPHS]):
        match = _dateline_match(texts[k], patterns, mixed_case=n == 0)
        if match is not None:
            rest = texts[k][match.end() :]
            place = match.group("place").strip()
            return place, parse_full_date(match.group()), [*texts[:k], rest, *texts[k + 1 :]]
    return None, None, texts


def _dateline_match(
    paragraph: str, patterns: tuple[re.Pattern[str], ...], mixed_case: bool, alone: bool = False
) -> re.Match[str] | None:
    """The dateline opening ``paragraph`` (or, ``alone``, making up all of it)."""
    for pattern in patterns:
        match = pattern.match(paragraph)
        if match is None or _label(match["place"]):
            continue
        if (match.end() == len(paragraph)) if alone else (match.end() < len(paragraph)):
            return match
    if alone or not mixed_case:
        return None
    for pattern in _MIXED_DATELINES:
        match = pattern.match(paragraph)
        if match and not _label(match.group("place")):
            return match
    return None


def _label(place: str) -> bool:
    """``Analysis:``, ``Update —``: a label where a place would stand."""
    return any(word.lower() in NOT_PLACES for word in re.split(r"[ -]", place))


_MIXED_DATELINES = tuple(re.compile(p) for p in MIXED_CASE_DATELINES)


def rule_hits(document: RawDocument, rules: LayoutRules) -> int:
    """How many lines of ``document`` a format's own furniture or end markers match.

    Extractors use it to claim the documents that carry their format's furniture.
    """
    own = _own_patterns(rules.furniture + rules.end_markers)
    if own is None:
        return 0
    return sum(1 for line in _lines(document.text) if own.fullmatch(line.text))


@lru_cache(maxsize=64)
def _own_patterns(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
