"""House styles as data: an outlet's own attribution phrases, with slots, and its names.

An extractor declares phrases such as ``"{speaker} told the {self}:"`` or ``"per
{source},"`` (a :class:`CuePhrase`) and the names its outlet goes by (``self_names``).
They are compiled once per extractor (:func:`house_style_for`) and read sentence by
sentence beside the core's cues: a phrase followed (or preceded) by a quotation gives
that quotation its speaker; followed (or preceded) by a clause, it makes the clause a
reported statement, exactly as the core reads ``according to X, ...``. The outlet's
own names are never an intermediary of its statements (FORMAT.md Convention 5).
"""

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

import msgspec
from msgspec import Struct

from provenance.extraction.channels import Relay
from provenance.extraction.direct import QuoteCue
from provenance.extraction.found import Found
from provenance.extraction.lexicon.cues import CUE_TABLE, verb_forms
from provenance.extraction.lexicon.function import DETERMINERS
from provenance.extraction.publisher import same_outlet
from provenance.extraction.quotes import Quote, find_quotes
from provenance.extraction.reported import Clause
from provenance.extraction.speakers import (
    Phrase,
    classify,
    join_words,
    phrase_after,
    phrase_before,
)
from provenance.extraction.text import Span, Word, first_word_at, paragraphs, sentences, words

PhraseKind = Literal["speech", "relay", "claim", "denial"]
"""What a phrase reports: ``speech`` (what ``{speaker}`` said), ``relay`` (``{source}``
credited for the sentence's content, as ``according to`` does), ``claim`` and ``denial``
(speech acts, read like ``speech``)."""

SLOTS = ("speaker", "source", "self")
_SLOT = re.compile(r"\{([^{}]*)\}")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_CONTENT_GAP = 3
"""Most characters between a quotation's closing mark and the phrase after it."""
_INTRO_WORDS = 4
"""Most words between a phrase and the quotation it introduces (``on Friday:``)."""
_MIN_CONTENT_WORDS = 2
_MAX_SLOT_WORDS = 8
"""Most words a speaker or source the phrase delimits may have."""
_CUE_TRIM = " \t\n,;:—–-"
_CONTENT_TRIM = _CUE_TRIM + "."


class CuePhrase(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One attribution phrase of a house style, with slots.

    ``pattern`` is literal words and punctuation (matched ignoring case and spacing)
    around exactly one of ``{speaker}`` (for ``speech``, ``claim``, ``denial``) or
    ``{source}`` (for ``relay``), and any number of ``{self}`` (one of the extractor's
    ``self_names``). The quotation or clause after the phrase (else before it) is what
    was said.
    """

    pattern: str
    kind: PhraseKind = "speech"


class _Compiled(NamedTuple):
    phrase: CuePhrase
    head: re.Pattern[str] | None
    """The literal part before the speaker or source slot."""
    tail: re.Pattern[str] | None
    """The literal part after it."""


class PhraseMatch(NamedTuple):
    """One phrase found in a sentence."""

    cue: str
    """The phrase as written, without its speaker (``told the Ledger``, ``Per``)."""
    cue_start: int
    subject: Phrase
    start: int
    end: int


@dataclass(frozen=True)
class HouseStyle:
    """An extractor's compiled phrases and own names; :data:`NO_HOUSE_STYLE` has none."""

    phrases: tuple[_Compiled, ...]
    self_names: tuple[str, ...]

    def matches(self, text: str, sentence: Span, ws: list[Word]) -> list[PhraseMatch]:
        """Every phrase in ``sentence`` (whose words are ``ws``), left to right; of two
        that overlap, the one that starts first (the longer at the same start)."""
        found = [
            match for compiled in self.phrases for match in _matches(compiled, text, sentence, ws)
        ]
        kept: list[PhraseMatch] = []
        for match in sorted(found, key=lambda m: (m.start, -m.end)):
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept

    def read(
        self, text: str, sentence: Span, ws: list[Word], quotes: list[Quote]
    ) -> tuple[list[Clause], dict[int, QuoteCue]]:
        """The sentence's phrases as reported clauses, and as cues of the quotations they
        introduce or close (by the offset of the opening mark)."""
        clauses: list[Clause] = []
        quote_cues: dict[int, QuoteCue] = {}
        for match in self.matches(text, sentence, ws):
            cue = QuoteCue(match.cue, match.cue_start, match.subject)
            quote = _quote_beside(text, match, quotes)
            if quote is not None:
                quote_cues[quote.opened] = cue
                continue
            content = _content(text, sentence, match)
            if content is not None:
                clauses.append(Clause(match.cue, match.cue_start, match.subject, content))
        return clauses, quote_cues

    def is_self(self, relay: Relay) -> bool:
        """Whether a relay is the outlet itself (``told the Ledger`` in the Ledger)."""
        return any(
            same_outlet(relay.name, name) or same_outlet(relay.phrase.text, name)
            for name in self.self_names
        )

    def drop_self_relays(self, found: list[Found]) -> None:
        """The outlet's own names are never an intermediary of its statements."""
        if self.self_names:
            for item in found:
                item.via = [relay for relay in item.via if not self.is_self(relay)]


NO_HOUSE_STYLE = HouseStyle((), ())


def house_style_for(phrases: Sequence[CuePhrase], self_names: Sequence[str]) -> HouseStyle:
    """The compiled house style; ValueError saying what is wrong with a malformed one."""
    if not phrases and not self_names:
        return NO_HOUSE_STYLE
    try:
        checked = msgspec.convert(
            msgspec.to_builtins([list(phrases), list(self_names)]),
            tuple[tuple[CuePhrase, ...], tuple[str, ...]],
        )
    except (msgspec.ValidationError, TypeError) as error:
        raise ValueError(f"cue phrases or self names are malformed: {error}") from None
    return _compile(*checked)


@lru_cache(maxsize=64)
def _compile(phrases: tuple[CuePhrase, ...], self_names: tuple[str, ...]) -> HouseStyle:
    names = tuple(name.strip() for name in self_names)
    if any(not re.search(r"\w", name) for name in names):
        raise ValueError(f"self_names {self_names!r} has an empty name")
    return HouseStyle(tuple(_compile_phrase(phrase, names) for phrase in phrases), names)


def _compile_phrase(phrase: CuePhrase, self_names: tuple[str, ...]) -> _Compiled:
    slots = _SLOT.findall(phrase.pattern)
    problem = _slot_problem(phrase, slots, self_names)
    if problem is not None:
        raise ValueError(f"cue phrase {phrase.pattern!r}: {problem}")
    who = "{source}" if phrase.kind == "relay" else "{speaker}"
    head, _, tail = phrase.pattern.partition(who)
    return _Compiled(phrase, _literal(head, self_names), _literal(tail, self_names))


def _slot_problem(phrase: CuePhrase, slots: list[str], self_names: tuple[str, ...]) -> str | None:
    if unknown := sorted({slot for slot in slots if slot not in SLOTS}):
        return f"unknown slot {{{unknown[0]}}}; the slots are {{speaker}}, {{source}}, {{self}}"
    who = "source" if phrase.kind == "relay" else "speaker"
    other = "speaker" if who == "source" else "source"
    if slots.count(who) != 1 or other in slots:
        return f"a {phrase.kind} phrase has {{{who}}} once and no {{{other}}}"
    if "self" in slots and not self_names:
        return "{self} needs the extractor's self_names"
    if not re.search(r"\w", _SLOT.sub("", phrase.pattern)):
        return "no words besides its slots"
    return None


def _literal(part: str, self_names: tuple[str, ...]) -> re.Pattern[str] | None:
    """The regular expression of the literal text around a slot: words apart by any
    white space, punctuation with or without space before it."""
    pattern = ""
    for k, chunk in enumerate(_SLOT.split(part)):
        tokens = [_self_pattern(self_names)] if k % 2 else _TOKEN.findall(chunk)
        for token in tokens:
            if k % 2 == 0 and not re.match(r"\w", token):
                pattern += r"\s*" + re.escape(token)
            else:
                pattern += (r"\s+" if pattern else r"\b") + (token if k % 2 else re.escape(token))
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _self_pattern(self_names: tuple[str, ...]) -> str:
    """Any of the outlet's names; a leading "the" is optional (``told the {self}``)."""
    cores = {re.sub(r"^the\s+", "", name, flags=re.IGNORECASE) for name in self_names}
    alternatives = "|".join(r"\s+".join(map(re.escape, core.split())) for core in cores)
    return rf"(?:the\s+)?(?:{alternatives})\b"


def _matches(compiled: _Compiled, text: str, sentence: Span, ws: list[Word]) -> list[PhraseMatch]:
    if compiled.head is None:
        assert compiled.tail is not None  # a phrase has words besides its slot
        return [
            found
            for tail in compiled.tail.finditer(text, sentence.start, sentence.end)
            if (found := _speaker_first(text, ws, tail)) is not None
        ]
    return [
        found
        for head in compiled.head.finditer(text, sentence.start, sentence.end)
        if (found := _speaker_after(text, sentence, ws, head, compiled.tail)) is not None
    ]


def _speaker_first(text: str, ws: list[Word], tail: re.Match[str]) -> PhraseMatch | None:
    """``{speaker} told the Ledger``: the speaker is the noun phrase before the words."""
    at = first_word_at(ws, tail.start())
    subject = phrase_before(ws, at) if at < len(ws) and ws[at].start == tail.start() else None
    if subject is None:
        return None
    cue = _squashed(text, tail.start(), tail.end())
    return PhraseMatch(cue, tail.start(), subject, subject.start, tail.end())


def _speaker_after(
    text: str, sentence: Span, ws: list[Word], head: re.Match[str], tail: re.Pattern[str] | None
) -> PhraseMatch | None:
    """``per {source},``: the speaker is the noun phrase after the words, up to the
    phrase's closing words if it has any."""
    at = first_word_at(ws, head.end())
    closing = tail.search(text, head.end(), sentence.end) if tail is not None else None
    if tail is not None and closing is None:
        return None
    stop = first_word_at(ws, closing.start()) if closing is not None else len(ws)
    subject = phrase_after(ws, at, stop) or _delimited(ws[at:stop])
    if subject is None:
        return None
    # a slot closing the pattern closes the sentence: ", per {source}" is a closing credit
    end = closing.end() if closing is not None else sentence.end
    cue = _squashed(text, head.start(), head.end())
    if closing is not None:
        cue = f"{cue} {_squashed(text, closing.start(), closing.end())}".strip()
    return PhraseMatch(cue, head.start(), subject, head.start(), end)


def _delimited(taken: list[Word]) -> Phrase | None:
    """The words the phrase itself delimits as its source (``per the harbour's annual
    accounts,``), when they are not a phrase the core reads as a speaker."""
    while taken and not taken[-1].text[0].isalnum():
        taken = taken[:-1]
    if not taken or len(taken) > _MAX_SLOT_WORDS:
        return None
    if taken[0].text.lower() not in DETERMINERS and not taken[0].text[0].isupper():
        return None  # "per capita income rose": no noun phrase of a source
    return Phrase(join_words(taken), taken[0].start, taken[-1].end, classify(taken))


def _squashed(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].strip(_CUE_TRIM).split())


def _quote_beside(text: str, match: PhraseMatch, quotes: list[Quote]) -> Quote | None:
    """The quotation the phrase introduces, else one that closes right before it when
    nothing but punctuation follows the phrase in its sentence."""
    k = bisect_left(quotes, match.end, key=lambda quote: quote.opened)
    if k < len(quotes) and _introduces(text[match.end : quotes[k].opened]):
        return quotes[k]
    before = quotes[k - 1] if k else None
    if before is None or before.closed is None:
        return None
    if 0 <= match.start - before.closed <= _CONTENT_GAP + 1:
        rest = text[match.end : match.end + _CONTENT_GAP].split("\n")[0]
        if not rest.strip(_CONTENT_TRIM) or rest.lstrip()[:1] in ".!?":
            return before
    return None


def _introduces(gap: str) -> bool:
    """Whether the words between a phrase and a quotation only introduce it (nothing, or
    a short ``on Friday:``)."""
    if not gap.strip(_CUE_TRIM):
        return True
    return "\n" not in gap and len(gap.split()) <= _INTRO_WORDS and gap.rstrip()[-1] in ":,"


def _content(text: str, sentence: Span, match: PhraseMatch) -> Span | None:
    """The clause after the phrase, else the one before it (``..., per the police.``)."""
    for start, end in ((match.end, sentence.end), (sentence.start, match.start)):
        span = _trimmed(text, start, end)
        if len(text[span.start : span.end].split()) >= _MIN_CONTENT_WORDS:
            return span
    return None


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _CONTENT_TRIM:
        start += 1
    while end > start and text[end - 1] in _CONTENT_TRIM:
        end -= 1
    return Span(start, end)


_CORE_VERBS = frozenset(form for lemma, _ in CUE_TABLE for form in verb_forms(lemma))
"""Every form of the core's single-word reporting verbs."""


def house_warnings(
    cues: Mapping[str, Sequence[str]],
    phrases: Sequence[CuePhrase],
    self_names: Sequence[str],
    examples: Sequence[str],
) -> list[str]:
    """What in a well-formed house style is useless or harmful: a cue lemma or phrase
    that overrides one of the core's reporting verbs, a phrase none of ``examples``
    contains."""
    warnings = [
        f"cue {lemma!r} overrides the core's reporting verb {lemma!r}"
        for lemma in cues
        if lemma.lower().strip() in _CORE_VERBS
    ]
    style = house_style_for(phrases, self_names)
    for compiled in style.phrases:
        words_only = _SLOT.sub(" ", compiled.phrase.pattern)
        literal = " ".join(re.findall(r"\w+", words_only)).lower()
        if " " not in literal and literal in _CORE_VERBS:
            warnings.append(
                f"cue phrase {compiled.phrase.pattern!r} overrides the core's reporting verb"
                f" {literal!r}"
            )
    if phrases and not examples:
        warnings.append("cue phrases are not checked: the extractor has no examples")
        return warnings
    found = _found_in(style, examples)
    warnings += [
        f"cue phrase {compiled.phrase.pattern!r} matches nothing in the extractor's examples"
        for compiled in style.phrases
        if compiled.phrase.pattern not in found
    ]
    return warnings


def _found_in(style: HouseStyle, examples: Sequence[str]) -> set[str]:
    """The patterns of the phrases that match somewhere in ``examples``."""
    found: set[str] = set()
    for text in examples:
        paras = paragraphs(text)
        scan = find_quotes(text, paras)
        for para in paras:
            for sentence in sentences(text, para):
                ws = words(text, sentence.start, sentence.end)
                for compiled in style.phrases:
                    single = HouseStyle((compiled,), style.self_names)
                    clauses, quoted = single.read(text, sentence, ws, scan.quotes)
                    if clauses or quoted:
                        found.add(compiled.phrase.pattern)
    return found
