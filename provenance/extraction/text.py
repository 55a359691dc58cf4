"""Plain-text helpers: paragraphs, sentences and words, each with its offsets.

Everything here scans once from left to right; no pattern can backtrack over more
than a bounded stretch, so the cost is linear in the length of the text.
"""

import re
import threading
from bisect import bisect_left
from operator import itemgetter
from typing import NamedTuple

from provenance.extraction.lexicon import wordset as wordset  # re-exported for older imports
from provenance.extraction.lexicon.function import ABBREVIATIONS
from provenance.extraction.limits import MAX_SENTENCE


class Span(NamedTuple):
    """A half-open range of offsets into a text."""

    start: int
    end: int


class Word(NamedTuple):
    """A word (or a single punctuation mark) with its offsets."""

    text: str
    start: int
    end: int


OPEN_QUOTES = '“„«"‘'
CLOSE_QUOTES = '”»"’'
QUOTE_MARKS = '“”„«»"‘’‟'

_LINE = re.compile(r"[^\n]+")
_TERMINAL = re.compile(r"[.!?…]+")
_WORD = re.compile(r"\w+(?:[’'\-.&/]\w+)*(?:[’'](?=\s|$))?|[^\w\s]")


def at_word_starts(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled to be tried only where a word starts.

    For a pattern each branch of which opens with ``\\b`` and a word character this finds
    the same matches, faster: Python's engine otherwise tries every branch at every
    position, inside words and spaces too (a long case-blind alternation such as the
    channel phrases costs about a quarter less this way).
    """
    return re.compile(rf"(?<!\w)(?=\w)(?:{pattern})", flags)


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that finds a match in a stretch exactly when one of ``patterns`` does,
    each keeping its own case rule: a single search says that most stretches hold none."""
    branches = []
    for pattern in patterns:
        if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
            raise ValueError(f"only the case flag can be kept in a union: {pattern.pattern!r}")
        scope = "?i:" if pattern.flags & re.IGNORECASE else "?:"
        branches.append(f"({scope}{pattern.pattern})")
    return re.compile("|".join(branches))


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines of ``text``, trimmed of surrounding white space."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


def sentences(text: str, span: Span) -> list[Span]:
    """Sentences of ``text`` within ``span`` (normally one paragraph); a run longer than
    ``MAX_SENTENCE`` without a sentence end is read in pieces (see :mod:`limits`)."""
    result: list[Span] = []
    start = span.start
    for match in _TERMINAL.finditer(text, span.start, span.end):
        cut = _boundary_after(text, match, span.end)
        if cut is None or cut <= start:
            continue
        result.extend(_pieces(text, start, _rstrip(text, start, cut)))
        start = _lstrip(text, cut, span.end)
    if start < span.end:
        result.extend(_pieces(text, start, span.end))
    return [s for s in result if s.end > s.start]


def _pieces(text: str, start: int, end: int) -> list[Span]:
    """``start``..``end`` in pieces of at most ``MAX_SENTENCE`` characters, cut after the
    last white space within each (or at the limit when a piece has none)."""
    pieces = []
    while end - start > MAX_SENTENCE:
        space = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = space if space > start else start + MAX_SENTENCE
        pieces.append(Span(start, _rstrip(text, start, cut)))
        start = _lstrip(text, cut, end)
    pieces.append(Span(start, end))
    return pieces


def _boundary_after(text: str, match: re.Match[str], limit: int) -> int | None:
    """Where the next sentence starts after a run of terminal punctuation, if it does."""
    pos = match.end()
    while pos < limit and text[pos] in CLOSE_QUOTES + ")]":
        pos += 1
    if pos >= limit:
        return None
    if text[pos].isspace():
        nxt = _lstrip(text, pos, limit)
        if nxt >= limit or _is_abbreviation(text, match.start()):
            return None
        char = text[nxt]
        if char in OPEN_QUOTES + "([" or char.isupper() or char.isdigit():
            return pos
        return None
    # "conditions.Velde" or "missing.”On": a missing space after a full stop.
    before = text[match.start() - 1] if match.start() > 0 else ""
    if before.islower() and text[pos].isupper() and pos + 1 < limit and text[pos + 1].islower():
        return pos
    return None


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the word ending at ``dot`` is an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if len(word) == 1 and word.isupper():
        return True
    return word.lower() in ABBREVIATIONS or "." in word


def _lstrip(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words and punctuation marks of ``text[start:end]`` with their offsets."""
    stop = len(text) if end is None else end
    index = _TokenIndex.of(text) if len(text) >= INDEXED_LENGTH else None
    found = index.between(start, stop) if index is not None else None
    return _scan(text, start, stop) if found is None else found


def _scan(text: str, start: int, stop: int) -> list[Word]:
    # tuple.__new__ skips the Python-level __new__ of a NamedTuple: this builds every Word
    return [_new_tuple(Word, (m[0], m.start(), m.end())) for m in _WORD.finditer(text, start, stop)]


_new_tuple = tuple.__new__


INDEXED_LENGTH = 1_000
"""A text this long, asked about again and again, is scanned once and its stretches
sliced from that: attribution asks for the words (and cues) of the same body's
paragraphs, sentences and frames again and again."""


class _TokenIndex:
    """The words of one whole text, with their offsets in order, to slice from."""

    _recent = threading.local()
    """Per thread, the text indexed last and the last text seen once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _scan(text, 0, len(text))
        self.starts = [w.start for w in self.words]
        self.ends = [w.end for w in self.words]

    @classmethod
    def of(cls, text: str) -> "_TokenIndex | None":
        """The index of ``text`` from the second time it is asked about (a text asked
        about once, such as a passing slice, is not worth indexing), else None."""
        recent = cls._recent
        index: _TokenIndex | None = getattr(recent, "index", None)
        if index is not None and index.text is text:
            return index
        if getattr(recent, "once", None) is text:
            recent.index, recent.once = cls(text), None
            return recent.index
        recent.once = text
        return None

    def between(self, start: int, stop: int) -> list[Word] | None:
        """The words of ``text[start:stop]``, or None where a scan of that stretch alone
        would cut a word differently (a word across either end, a final apostrophe)."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, stop)
        if (first and self.ends[first - 1] > start) or (last and self.ends[last - 1] > stop):
            return None
        ends_in_apostrophe = last - first > 1 and self.words[last - 1].text in "'’"
        if ends_in_apostrophe and self.ends[last - 2] == self.starts[last - 1]:
            return None  # alone, "boys'" at the end is one word
        return self.words[first:last]


def strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> Span:
    """``start``..``end`` without leading and trailing ``chars`` (white space and commas)."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return Span(start, end)


def is_capitalized(word: str) -> bool:
    """Whether ``word`` starts with a capital letter (a name or a sentence start)."""
    return word[:1].isupper()


word_start = itemgetter(Word._fields.index("start"))
"""A word's start offset, as a key function called from C (a lambda costs a Python call
for each step of a search)."""


def first_word_at(ws: list[Word], offset: int) -> int:
    """Index of the first word of ``ws`` (in text order) starting at or after ``offset``."""
    return bisect_left(ws, offset, key=word_start)
