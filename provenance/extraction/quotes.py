"""Quotation spans: straight and curly, double and single marks, balanced or not.

A quotation never runs past its paragraph. One left open at the end of a paragraph
ends there; when the next paragraph opens with a mark too, it is the convention for a
quotation running over several paragraphs and the two are linked (``continues``).
"""

import re
from typing import NamedTuple

from provenance.extraction.lexicon.cues import CUE_SENTENCE_PATTERN
from provenance.extraction.text import Span, sentences

_MARKS = re.compile(r"‘‘|’’|''|[“”„«»\"‘’]")
# Two single marks typed for one double mark (``’’``, ``''``) count as that double mark.
_DOUBLED = {"‘‘": "“", "’’": "”", "''": '"'}
_OPENERS = "“„«"
_CLOSERS = "”»"
# A sentence that starts by naming a speaker ends an unclosed quotation before it.
_CUE_SENTENCE = re.compile(CUE_SENTENCE_PATTERN)


class Quote(NamedTuple):
    """One quotation: its words (without marks) and where its marks are."""

    start: int
    end: int
    opened: int
    """Offset of the opening mark."""
    closed: int | None
    """Offset of the closing mark; None when it was never closed."""
    paragraph: int
    continues: bool = False
    """Left open, and the next paragraph opens with a mark: the same quotation goes on."""


class QuoteScan(NamedTuple):
    """The quotations of a text and the closing marks that closed nothing."""

    quotes: list[Quote]
    orphans: list[int]
    nested: list[Quote] = []  # noqa: RUF012 - never mutated after the scan
    """Single-quoted runs inside a double-quoted quotation (``"He kept saying 'no'"``)."""


def find_quotes(text: str, paras: list[Span]) -> QuoteScan:
    """Quotations in each paragraph of ``text``, in order."""
    quotes: list[Quote] = []
    orphans: list[int] = []
    nested: list[Quote] = []
    for index, para in enumerate(paras):
        found = _scan(text, para, index, orphans, nested)
        if found and found[-1].closed is None and index + 1 < len(paras):
            nxt = paras[index + 1]
            if text[nxt.start] in _OPENERS + '"':
                found[-1] = found[-1]._replace(continues=True)
        quotes.extend(found)
    return QuoteScan(quotes, orphans, nested)


def _scan(
    text: str, para: Span, index: int, orphans: list[int], nested: list[Quote]
) -> list[Quote]:
    found: list[Quote] = []
    opened: int | None = None
    inner: int | None = None
    single = False
    for match in _MARKS.finditer(text, para.start, para.end):
        pos, mark = match.start(), _DOUBLED.get(match.group(), match.group())
        last = match.end() - 1  # a doubled mark opens after, and closes at, its second half
        if mark in "‘’" and opened is not None and not single:
            inner = _inner_mark(text, pos, mark, para, inner, index, nested)
            continue
        inner = None if mark not in "‘’" else inner
        if mark in "‘’":
            if mark == "‘" and opened is None and _opens_single(text, pos, para):
                opened, single = pos, True
            elif mark == "’" and opened is not None and single and _closes_single(text, pos, para):
                found.append(_quote(opened, pos, index))
                opened, single = None, False
            continue
        if opened is not None and single:
            continue  # a double mark inside a single-quoted passage: nested, leave it
        if opened is None:
            if mark in _CLOSERS and not _opens_at(text, pos, last, para):
                orphans.append(pos)
            else:
                opened = last
        elif mark in _OPENERS:
            found.append(_unclosed(text, opened, pos, index))
            opened = last
        else:
            found.append(_quote(opened, pos, index, last))
            opened = None
    if opened is not None:
        found.append(_unclosed(text, opened, para.end, index))
    return [q for q in found if q.end > q.start and not text[q.start : q.end].isspace()]


def _inner_mark(
    text: str, pos: int, mark: str, para: Span, inner: int | None, index: int, nested: list[Quote]
) -> int | None:
    """A single mark inside a double-quoted quotation: opens or closes a nested run."""
    if mark == "‘" and _opens_single(text, pos, para):
        return pos
    if mark == "’" and inner is not None and _closes_single(text, pos, para):
        nested.append(_quote(inner, pos, index))
        return None
    return inner


def _opens_at(text: str, pos: int, last: int, para: Span) -> bool:
    """A closing mark typed where a quotation opens (``told Reuters: ”The ...``): after a
    space or the paragraph start, before a letter or digit."""
    before = text[pos - 1] if pos > para.start else " "
    after = text[last + 1] if last + 1 < para.end else " "
    return before.isspace() and after.isalnum()


def _opens_single(text: str, pos: int, para: Span) -> bool:
    before = text[pos - 1] if pos > para.start else " "
    after = text[pos + 1] if pos + 1 < para.end else " "
    return not before.isalnum() and after.isalnum()


def _closes_single(text: str, pos: int, para: Span) -> bool:
    before = text[pos - 1] if pos > para.start else " "
    after = text[pos + 1] if pos + 1 < para.end else " "
    return not before.isspace() and not after.isalnum()


def _quote(opened: int, closed: int, index: int, mark: int | None = None) -> Quote:
    """The quotation between marks at ``opened`` and ``closed`` (``mark``: where the
    closing mark ends, for a doubled one)."""
    return Quote(opened + 1, closed, opened, closed if mark is None else mark, index)


def _unclosed(text: str, opened: int, limit: int, index: int) -> Quote:
    """A quotation never closed: it ends before a sentence that names a speaker, or at
    ``limit``."""
    end = limit
    for sentence in sentences(text, Span(opened + 1, limit))[1:]:
        if _CUE_SENTENCE.match(text, sentence.start, min(sentence.end, sentence.start + 200)):
            end = sentence.start
            break
    while end > opened + 1 and text[end - 1].isspace():
        end -= 1
    return Quote(opened + 1, end, opened, None, index)


def inside(quotes: list[Quote], pos: int) -> Quote | None:
    """The quotation whose words contain ``pos``, if any (``quotes`` sorted by start)."""
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo and quotes[lo - 1].start <= pos < quotes[lo - 1].end:
        return quotes[lo - 1]
    return None
