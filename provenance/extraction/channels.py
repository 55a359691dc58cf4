"""Channels (how something was said) and relays (who passed it on) named in a sentence.

The channel vocabulary is the domain's (`provenance.domain.CHANNELS`); the phrases that
name each channel are one table, :data:`CHANNEL_PHRASES`. Relays are the outlets,
agencies and people between a speaker and the document: ``in an interview with the
news agency X``, ``broadcast by X``, ``told X`` (an outlet), ``X quoted Y as saying``,
``X, citing a conversation between ...``, ``..., X reported.``. An outlet that reports
(``the newspaper said``) is itself a speaker, with the channel report.
"""

import re
from typing import NamedTuple

from provenance.extraction.dates import mentions_date
from provenance.extraction.lexicon.channels import (
    CHANNEL_PHRASES,
    CITING_PATTERN,
    CLOSING_REPORT_PATTERN,
    INTERVIEW_WITH_PATTERN,
    MASTHEAD_WORDS,
    NEWS_AGENCY_PATTERN,
    NON_OUTLET_HEADS,
    NOUN_CHANNELS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
    RELAY_VERBS,
    RELAYED_BY_PATTERN,
    REPORTED_LAST_PATTERN,
    SAID_ACCORDING_PATTERN,
    TOLD_OUTLET_PATTERN,
    VENUE_WORDS,
)
from provenance.extraction.lexicon.documents import DOCUMENT_HEADS, NOT_AUTHORING_VERBS
from provenance.extraction.lexicon.function import INDEFINITE_ARTICLES
from provenance.extraction.lexicon.people import TITLES
from provenance.extraction.memo import per_document
from provenance.extraction.speakers import (
    Phrase,
    phrase_after,
    phrase_before,
    words_text,
)
from provenance.extraction.text import Span, Word, any_of, at_word_starts, first_word_at, words

_I = re.IGNORECASE


def _channel_sources() -> dict[str, str]:
    """Per channel, one pattern of all the phrases that name it."""
    grouped: dict[str, list[str]] = {}
    for channel, phrase in CHANNEL_PHRASES:
        grouped.setdefault(channel, []).append(phrase)
    return {
        channel: r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\b"
        for channel, phrases in grouped.items()
    }


_CHANNELS = tuple(
    (channel, at_word_starts(source, _I)) for channel, source in _channel_sources().items()
)
_ANY_CHANNEL = at_word_starts("|".join(f"(?:{s})" for s in _channel_sources().values()), _I)
"""Every channel phrase at once: most frames name none, and one search says so."""


_VENUE_REACH = 4
"""How many words after ``told`` may name the audience (``told the weekly press briefing``)."""
_RELAY_BY = re.compile(
    RELAYED_BY_PATTERN,
    _I,
)
_INTERVIEW_WITH = re.compile(INTERVIEW_WITH_PATTERN, _I)
_TOLD = re.compile(r"\btold\s")
_TOLD_OUTLET = at_word_starts(TOLD_OUTLET_PATTERN, _I)
"""Other verbs whose addressee is an intermediary only when it is an outlet."""
_QUOTED = re.compile(r"\bquoted\s")
CITING = re.compile(CITING_PATTERN, _I)
"""``X, citing Y, ...``: Y is the source, X relays it."""
_SAID_ACCORDING = at_word_starts(SAID_ACCORDING_PATTERN, _I)


class Relay(NamedTuple):
    """An intermediary named in a sentence."""

    name: str
    kind: str
    """``outlet``, ``agency``, ``platform`` or ``person``."""
    start: int
    phrase: Phrase
    told: bool = False
    """Found as the addressee of ``told`` (``told Reuters``)."""


_FRAME_REACH = 600
"""Characters searched at each end of a long frame span: a channel phrase stands near the
cue or the content it frames, and a bound keeps a pathological sentence linear."""


def channel_in(text: str, spans: list[Span]) -> str | None:
    """The channel that ``text`` names within ``spans`` (a statement's frame)."""
    return _channel_within(text, tuple(spans))


@per_document
def _channel_within(text: str, spans: tuple[Span, ...]) -> str | None:
    near = [part for span in spans for part in _ends(span)]
    if not any(_ANY_CHANNEL.search(text, s.start, s.end) for s in near):
        return None
    for channel, pattern in _CHANNELS:
        if any(pattern.search(text, s.start, s.end) for s in near):
            return channel
    return None


def _ends(span: Span) -> tuple[Span, ...]:
    """``span`` itself, or its two ends when it is longer than twice the reach."""
    if span.end - span.start <= 2 * _FRAME_REACH:
        return (span,)
    return Span(span.start, span.start + _FRAME_REACH), Span(span.end - _FRAME_REACH, span.end)


def relays_in(text: str, sentence: Span, ws: list[Word] | None = None) -> list[Relay]:
    """Intermediaries named in a sentence (whose words are ``ws``), in order."""
    if _ANY_RELAY.search(text, sentence.start, sentence.end) is None:
        return []  # most frames name no relay
    if ws is None:
        ws = words(text, sentence.start, sentence.end)
    relays: list[Relay] = []
    for pattern in (_INTERVIEW_WITH, _RELAY_BY, _SAID_ACCORDING):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            relay = _relay_after(ws, _word_at(ws, match.end()))
            if relay:
                relays.append(relay)
    for match in _TOLD.finditer(text, sentence.start, sentence.end):
        relay = _relay_after(ws, _word_at(ws, match.end()), told=True)
        if relay:
            relays.append(relay)
    for match in _TOLD_OUTLET.finditer(text, sentence.start, sentence.end):
        relay = _relay_after(ws, _word_at(ws, match.end()), told=True)
        if relay and outlet_like(relay.phrase.text, strict=True):
            relays.append(relay)
    for match in _QUOTED.finditer(text, sentence.start, sentence.end):
        i = _word_at(ws, match.start())
        phrase = phrase_before(ws, i) if i else None
        j = i - 1 if i else 0
        while j > 0 and (ws[j].text.lower() == "also" or ws[j].text.lower().endswith("ly")):
            j -= 1  # "X also quoted him as saying"
        if phrase is not None and phrase.kind != "pronoun" and i and ws[j].end == phrase.end:
            relays.append(_relay(phrase))
    for match in _REPORTED_LAST.finditer(text, sentence.start, sentence.end):
        i = _word_at(ws, match.start())
        phrase = phrase_before(ws, i) if i else None
        if phrase is not None and phrase.kind != "pronoun" and _after_comma(ws, phrase, i):
            relays.append(_relay(phrase))
    for match in CITING.finditer(text, sentence.start, sentence.end):
        i = _word_at(ws, match.start())
        if i and i > 1 and ws[i - 1].text.lower() in RELAY_VERBS:
            i -= 1  # "X reported, citing an official, ..."
        phrase = phrase_before(ws, i) if i else None
        if phrase is not None and phrase.kind != "pronoun":
            relays.append(_relay(phrase))
    relays.sort(key=lambda r: r.start)
    return relays


def _word_at(ws: list[Word], offset: int) -> int | None:
    """The index of the word of ``ws`` starting exactly at ``offset``, if there is one."""
    i = first_word_at(ws, offset)
    return i if i < len(ws) and ws[i].start == offset else None


CLOSING_REPORT = re.compile(CLOSING_REPORT_PATTERN)
"""``..., Reuters reported.`` at the end of a content: the outlet relays it."""
_REPORTED_LAST = re.compile(REPORTED_LAST_PATTERN)


def _after_comma(ws: list[Word], phrase: Phrase, i: int) -> bool:
    """``..., the news agency X reported.``: the phrase follows a comma."""
    k = i - 1
    while k > 0 and ws[k].start > phrase.start:
        k -= 1
    return k > 0 and ws[k].start == phrase.start and ws[k - 1].text == ","


def _relay_after(ws: list[Word], i: int | None, told: bool = False) -> Relay | None:
    if i is None:
        return None
    phrase = phrase_after(ws, i)
    if phrase is None or phrase.kind in {"pronoun", "group"}:
        return None
    if mentions_date(phrase.text, 0, len(phrase.text)):
        return None  # "in an interview on Monday"
    lowered = phrase.text.lower().split()
    ahead = {w.text.lower() for w in ws[i : i + _VENUE_REACH]}
    if told and VENUE_WORDS & (set(lowered) | ahead):
        return None
    if told and not (OUTLET_WORDS & set(lowered)) and (TITLES & set(lowered)):
        return None
    return _relay(phrase, told)


def _relay(phrase: Phrase, told: bool = False) -> Relay:
    lowered = phrase.text.lower().split()
    kind = "agency" if "agency" in lowered or "wire" in lowered else "outlet"
    if phrase.kind == "group":  # "Valdorian media quoted ...": an unnamed collective relays
        return Relay(phrase.text, "group", phrase.start, phrase, told)
    return Relay(outlet_name(phrase.text), kind, phrase.start, phrase, told)


_ANY_RELAY = any_of(
    at_word_starts(
        any_of(
            _INTERVIEW_WITH,
            _RELAY_BY,
            _SAID_ACCORDING,
            _TOLD,
            _TOLD_OUTLET,
            _QUOTED,
            _REPORTED_LAST,
        ).pattern
    ),
    CITING,  # the one that opens with a comma, not a word
)
"""Every pattern :func:`relays_in` looks for, at once."""

NEWS_AGENCY = re.compile(NEWS_AGENCY_PATTERN, _I)


def reporting_outlet(text: str) -> bool:
    """Whether a reference names a news outlet by its head (``the Corvane business daily``,
    ``the TV``), not a person described by one (``TV presenter Jo Bale``)."""
    parts = text.split()
    head = parts[-1].strip(".,’'\"").lower() if parts else ""
    return head in OUTLET_NOUNS or NEWS_AGENCY.search(text) is not None


def non_outlet_body(text: str) -> bool:
    """Whether a reference names a business or public body (``the company``)."""
    return bool({w.strip(".,").lower() for w in text.split()} & NON_OUTLET_HEADS)


def outlet_like(text: str, strict: bool = False) -> bool:
    """Whether a name reads as an outlet's rather than a person's: a masthead word
    (``Sky News``), an abbreviation (``AFP``) or, unless ``strict``, one capitalised
    word (``Reuters``)."""
    parts = text.split()
    if parts and parts[0].lower() == "the":
        parts = parts[1:]
    lowered = {p.lower().strip(".,") for p in parts}
    if lowered & MASTHEAD_WORDS:
        return True
    if len(parts) != 1:
        return False
    return parts[0].isupper() if strict else parts[0][:1].isupper()


def outlet_name(text: str) -> str:
    """The name in ``the state news agency Nordpress`` (what follows the last descriptor)
    or in ``the Nordpress news agency`` (what precedes a closing descriptor)."""
    parts = text.split()
    for k in range(len(parts) - 1, -1, -1):
        if parts[k].islower():  # "the state news agency X"; "Radio Nordland X" is one name
            rest = parts[k + 1 :]
            return " ".join(rest) if rest else _before_descriptor(parts) or text
    return text


def _before_descriptor(parts: list[str]) -> str | None:
    """``Nordpress`` in ``the Nordpress news agency``: the capitalised run before the
    lower-case words that close the phrase."""
    end = len(parts)
    while end and parts[end - 1].islower():
        end -= 1
    start = end
    while start and not parts[start - 1].islower():
        start -= 1
    return " ".join(parts[start:end]) or None


_AUTHOR_REACH = 50
"""How far after ``a report`` its author may be named (``published on Thursday by X``)."""
_BY = re.compile(r"\bby\s")


def document_head(subject: Phrase | None) -> str | None:
    """``report`` for ``a report``, ``an investigation``: an indefinite document."""
    if subject is None:
        return None
    parts = subject.text.split()
    head = parts[-1].strip(".,")
    if len(parts) < 2 or parts[0].lower() not in INDEFINITE_ARTICLES or head not in NOUN_CHANNELS:
        return None
    return head


def by_after(text: str, ws: list[Word], end: int) -> tuple[Phrase, bool] | None:
    """Who a document just named is by (``a report published on Thursday by X``), and
    whether that is its author (not ``a statement read by X``, its reader)."""
    match = _BY.search(text, end, end + _AUTHOR_REACH)
    if match is None or any(c in text[end : match.start()] for c in ",.;"):
        return None
    found = _named_at(ws, match.end())
    if found is None:
        return None
    return found, not NOT_AUTHORING_VERBS & set(text[end : match.start()].lower().split())


def _named_at(ws: list[Word], offset: int) -> Phrase | None:
    """The phrase that starts with the word at ``offset``, unless it is a pronoun."""
    at = first_word_at(ws, offset)
    if at >= len(ws) or ws[at].start != offset:
        return None
    found = phrase_after(ws, at)
    return None if found is None or found.kind == "pronoun" else found


_CITED_REACH = 40
"""How far after its subject an outlet's ``, citing`` may stand (``reported last month,``)."""


def cited_after(text: str, ws: list[Word], end: int) -> Phrase | None:
    """The source cited right after a subject ending at ``end``, if any."""
    match = CITING.search(text, end, end + _CITED_REACH)
    if match is None or "." in text[end : match.start()]:
        return None
    cited = _named_at(ws, match.end())
    if cited is None:
        return None
    cited = _familiar_with(ws, cited)
    if cited.text.split()[-1].lower() in DOCUMENT_HEADS:
        return None  # "citing a report": a document, not a speaker
    return cited


_FAMILIAR_REACH = 3
"""Words of the matter in ``people familiar with the matter``."""


def _familiar_with(ws: list[Word], phrase: Phrase) -> Phrase:
    """``people familiar with the matter``: the anonymous-source formula is one phrase."""
    k = first_word_at(ws, phrase.end)
    if k + 2 >= len(ws) or ws[k].text.lower() != "familiar" or ws[k + 1].text.lower() != "with":
        return phrase
    end = k + 2
    while end < min(len(ws), k + 2 + _FAMILIAR_REACH) and ws[end].text.isalpha():
        end += 1
    text = f"{phrase.text} {words_text(ws, k, end)}"
    return phrase._replace(text=text, end=ws[end - 1].end)
