"""Channels (how something was said) and relays (who passed it on) named in a sentence.

The channel vocabulary is the domain's (`provenance.domain.CHANNELS`). Relays are the
outlets, agencies and people between a speaker and the document: ``in an interview
with the news agency X``, ``broadcast by X``, ``told X`` (an outlet), ``X quoted Y as
saying``, ``X, citing a conversation between ...``.
"""

import re
from typing import NamedTuple

from provenance.extraction.speakers import TITLES, Phrase, phrase_after, phrase_before
from provenance.extraction.text import Span, Word, wordset

_I = re.IGNORECASE
# In order of precedence: the more specific setting first.
_CHANNELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "telephone conversation",
        re.compile(
            r"\b(?:tele)?phon(?:e|ic)\s(?:conversation|call|talk)s?\b|\bspoke\sby\s(?:tele)?phone\b"
            r"|\bover\sthe\s(?:tele)?phone\b",
            _I,
        ),
    ),
    ("news conference", re.compile(r"\b(?:news|press)\sconference\b", _I)),
    ("press briefing", re.compile(r"\b(?:press|media|news|weekly|daily|regular)\sbriefing\b", _I)),
    ("interview", re.compile(r"\binterview(?:s|ed)?\b", _I)),
    (
        "media talk",
        re.compile(
            r"\b(?:[Tt]alk(?:s|ing|ed)?|[Ss]poke|[Ss]peaking|[Cc]hat(?:ting)?)\s(?:with|to)\s(?:the\s)?"
            r"(?:[A-Z][\w-]*\s)?(?:media|reporters|journalists|press|newsmen)\b"
            r"|\btold\s(?:the\s)?(?:reporters|journalists|media|press|newsmen)\b|\bmedia\stalk\b",
        ),
    ),
    (
        "tweet",
        re.compile(
            r"\btweet(?:s|ed|ing)?\b|\bon\sTwitter\b|\bformerly\sTwitter\b|\bon\sX\b"
            r"|\bX\spost\b|\bpost\son\sX\b|\b(?:took|takes|taking|take)\sto\s(?:X|Twitter)\b"
        ),
    ),
    (
        "speech",
        re.compile(
            r"\bspeech\b|\baddress(?:ed|ing)?\s(?:a|the)\s(?:\w+\s)?(?:rally|parliament|assembly|"
            r"nation|ceremony|gathering|summit|session|crowd|meeting|event|forum|seminar)\b",
            _I,
        ),
    ),
    ("letter", re.compile(r"\b(?:letter|memo|memorandum)\b", _I)),
    (
        "statement",
        re.compile(
            r"\bstatement\b|\b(?:press|news|media)\srelease\b|\bin\sa\srelease\b"
            r"|\bcommuniqu[eé]\b",
            _I,
        ),
    ),
    ("report", re.compile(r"\b(?:report|record|records|filing|study|survey)\b(?!s)", _I)),
    (
        "resolution",
        re.compile(
            r"\b(?:adopted|passed|in|approved)\s(?:a\s|an\s|the\s|\w+\s)?resolutions?\b", _I
        ),
    ),
)

NOUN_CHANNELS = {
    "statement": "statement",
    "release": "statement",
    "conversation": "telephone conversation",
    "call": "telephone conversation",
    "interview": "interview",
    "tweet": "tweet",
    "post": "tweet",
    "letter": "letter",
    "memo": "letter",
    "report": "report",
    "record": "report",
    "filing": "report",
    "speech": "speech",
    "resolution": "resolution",
    "briefing": "press briefing",
    "conference": "news conference",
}
"""The channel a document noun stands for (``the statement said``)."""

SCENES = frozenset(
    {
        "news conference",
        "press briefing",
        "interview",
        "media talk",
        "tweet",
        "telephone conversation",
        "speech",
    }
)
"""Channels that are occasions: later statements of the same speaker share them."""

_OUTLET_WORDS = wordset(
    "agency newspaper daily weekly broadcaster channel station radio television tv magazine "
    "outlet website paper network news service wire site tabloid programme program show"
)
_RELAY_BY = re.compile(
    r"\b(?:telecast(?:ed)?|broadcast|aired|published|reported|carried|relayed|quoted|cited)\sby\s",
    _I,
)
_INTERVIEW_WITH = re.compile(r"\binterview(?:s|ed)?\s(?:with|to|by)\s", _I)
_TOLD = re.compile(r"\btold\s")
_QUOTED = re.compile(r"\bquoted\s")
_CITING = re.compile(r",\sciting\s", _I)
_SAID_ACCORDING = re.compile(
    r"\b(?:said|says|added|adds|wrote|writes|stated|noted|told\s\w+),\saccording\sto\s", _I
)


class Relay(NamedTuple):
    """An intermediary named in a sentence."""

    name: str
    kind: str
    """``outlet``, ``agency``, ``platform`` or ``person``."""
    start: int
    phrase: Phrase
    told: bool = False
    """Found as the object of ``told``: an outlet only when it is not a known person."""


def channel_in(text: str, spans: list[Span]) -> str | None:
    """The channel that ``text`` names within ``spans`` (a statement's frame)."""
    for channel, pattern in _CHANNELS:
        if any(pattern.search(text, s.start, s.end) for s in spans):
            return channel
    return None


def relays_in(text: str, sentence: Span, ws: list[Word]) -> list[Relay]:
    """Intermediaries named in a sentence, in order."""
    index = {w.start: i for i, w in enumerate(ws)}
    relays: list[Relay] = []
    for pattern in (_INTERVIEW_WITH, _RELAY_BY, _SAID_ACCORDING):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            relay = _relay_after(ws, index.get(match.end()))
            if relay:
                relays.append(relay)
    for match in _TOLD.finditer(text, sentence.start, sentence.end):
        relay = _relay_after(ws, index.get(match.end()), told=True)
        if relay:
            relays.append(relay)
    for match in _QUOTED.finditer(text, sentence.start, sentence.end):
        i = index.get(match.start())
        phrase = phrase_before(ws, i) if i else None
        j = i - 1 if i else 0
        while j > 0 and (ws[j].text.lower() == "also" or ws[j].text.lower().endswith("ly")):
            j -= 1  # "X also quoted him as saying"
        if phrase is not None and phrase.kind != "pronoun" and i and ws[j].end == phrase.end:
            relays.append(_relay(phrase))
    for match in _REPORTED_LAST.finditer(text, sentence.start, sentence.end):
        i = index.get(match.start())
        phrase = phrase_before(ws, i) if i else None
        if phrase is not None and phrase.kind != "pronoun" and _after_comma(ws, phrase, i):
            relays.append(_relay(phrase))
    for match in _CITING.finditer(text, sentence.start, sentence.end):
        i = index.get(match.start())
        if i and i > 1 and ws[i - 1].text.lower() in _REPORTING:
            i -= 1  # "X reported, citing an official, ..."
        phrase = phrase_before(ws, i) if i else None
        if phrase is not None and phrase.kind != "pronoun":
            relays.append(_relay(phrase))
    relays.sort(key=lambda r: r.start)
    return relays


_REPORTING = wordset("said says reported reports wrote writes added")
_REPORTED_LAST = re.compile(r"\breported(?=\s*[.!]?\s*$)")


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
    lowered = phrase.text.lower().split()
    if told and not (_OUTLET_WORDS & set(lowered)) and (TITLES & set(lowered)):
        return None
    return _relay(phrase, told and not (_OUTLET_WORDS & set(lowered)))


def _relay(phrase: Phrase, told: bool = False) -> Relay:
    lowered = phrase.text.lower().split()
    kind = "agency" if "agency" in lowered or "wire" in lowered else "outlet"
    return Relay(outlet_name(phrase.text), kind, phrase.start, phrase, told)


def outlet_name(text: str) -> str:
    """The name in ``the state news agency Nordpress`` (what follows the last descriptor)."""
    parts = text.split()
    for k in range(len(parts) - 1, -1, -1):
        if parts[k].islower():  # "the state news agency X"; "Radio Nordland X" is one name
            rest = parts[k + 1 :]
            return " ".join(rest) if rest else text
    return text
