"""Who a quotation belongs to: the cue and speaker around its marks.

Tried in order: a cue right after the closing mark (``"...," she said`` or ``"...,"
said Jane Doe``); a cue right before the opening mark (``He said: "..."``,
``stated that "..."``); a quotation that is the object of a speech verb (``called the
reports "baseless"``, ``rejected by X as "..."``). A quotation with none of these is
left unattributed here; the caller may continue a speaker from an interrupted or
multi-paragraph quotation, or drop it as a scare quote.
"""

from typing import NamedTuple

from provenance.extraction.cues import (
    Lexicon,
    has_class,
)
from provenance.extraction.lexicon.cues import AUXILIARIES
from provenance.extraction.lexicon.function import BE_FORMS
from provenance.extraction.quotes import Quote
from provenance.extraction.reported import subject_of
from provenance.extraction.speakers import Phrase, phrase_after
from provenance.extraction.text import CLOSE_QUOTES, Word, first_word_at

_OBJECT_WINDOW = 6
"""Most words between a speech verb and the quotation it takes as object."""
_INTERRUPTION_WORDS = 16
"""Most words of an attribution standing between two parts of one quotation."""


class QuoteCue(NamedTuple):
    """A cue found for one quotation."""

    cue: str
    cue_start: int
    subject: Phrase | None
    """None: the subject is shared with the clause before (``..., calling it "..."``)."""
    object_quote: bool = False
    """The quotation is a verb's object (may be short: ``called it "baseless"``)."""


def cue_for(
    text: str, quote: Quote, ws: list[Word], lo: int, hi: int, cues: Lexicon
) -> QuoteCue | None:
    """The cue of ``quote`` from the words ``ws`` of its paragraph.

    ``lo``..``hi`` bound the words that may be read: from the end of the previous
    quotation (or the sentence start) to the start of the next one.
    """
    opening = first_word_at(ws, quote.opened)
    if quote.closed is not None:
        closing = first_word_at(ws, quote.closed)
        found = _after(ws, closing + 1, hi, cues)
        if found:
            return found
    found = _before(text, ws, lo, opening, cues)
    interrupted = (
        0 < lo < opening <= lo + _INTERRUPTION_WORDS
        and ws[lo - 1].text in CLOSE_QUOTES
        and ws[opening - 1].text == ","
    )
    if found is None and interrupted:
        # '"...," said Jo Roe, a farmer, "and ..."': the attribution between two parts
        return _after(ws, lo, opening, cues)
    return found


def _after(ws: list[Word], j: int, hi: int, cues: Lexicon) -> QuoteCue | None:
    """``, he said`` / ``the minister added`` / ``said Jane Doe`` after the closing mark."""
    while j < hi and ws[j].text in {",", "—", "–", "-"}:
        j += 1
    if j >= hi:
        return None
    cue = _cue_word(ws, j, "after", cues)
    if cue is not None:
        end = j + len(cue.split())
        phrase = phrase_after(ws, end, hi)
        if phrase is not None:
            return QuoteCue(cue, ws[j].start, phrase)
        return None
    phrase = phrase_after(ws, j, hi)
    if phrase is None:
        return None
    k = j
    while k < hi and ws[k].start < phrase.end:
        k += 1
    if k < hi and ws[k].text == ",":  # "the chamber's chief executive, Jane Doe, said"
        name = phrase_after(ws, k + 1, hi)
        if name is not None:
            k2 = k + 1
            while k2 < hi and ws[k2].start < name.end:
                k2 += 1
            if k2 < hi and ws[k2].text == ",":
                phrase, k = name._replace(role=phrase.text), k2 + 1
    while k < hi and ws[k].text.lower() in AUXILIARIES:
        k += 1
    cue = _cue_word(ws, k, "after", cues) if k < hi else None
    if cue is None:
        return None
    return QuoteCue(cue, ws[k].start, phrase)


def _cue_word(ws: list[Word], k: int, name: str, cues: Lexicon) -> str | None:
    """The cue at ws[k] if it has class ``name`` (one or two words)."""
    if k >= len(ws):
        return None
    for width in (3, 2, 1):
        if k + width > len(ws):
            continue
        text = " ".join(w.text for w in ws[k : k + width])
        if name in cues.lemma_classes(text)[1]:
            return text
    return None


def _before(text: str, ws: list[Word], lo: int, opening: int, cues: Lexicon) -> QuoteCue | None:
    """``X said: "`` / ``stated that "`` / ``called the reports "`` before the opening mark."""
    i = opening - 1
    while i >= lo and ws[i].text in {",", ":", "—", "–"}:
        i -= 1
    if i >= lo and ws[i].text.lower() == "that":
        i -= 1
    if i < lo:
        return None
    cue = _cue_ending_at(text, ws, i, lo, cues) or _cue_before_addressee(text, ws, i, lo, cues)
    joined = i == opening - 1  # no mark or "that" between: 'found "a crack"' is no speech
    if cue is not None and (
        has_class(cue, "clause")
        or (has_class(cue, "that") and not joined)
        or has_class(cue, "quote")
    ):
        k = first_word_at(ws, cue.start)
        return QuoteCue(cue.text, cue.start, subject_of(ws, k, cue, cues))
    return _object(text, ws, lo, opening, cues)


def _cue_ending_at(text: str, ws: list[Word], i: int, lo: int, cues: Lexicon):
    start = ws[max(lo, i - 2)].start
    found = [c for c in cues.find_cues(text, start, ws[i].end) if c.end == ws[i].end]
    return found[-1] if found else None


def _cue_before_addressee(text: str, ws: list[Word], i: int, lo: int, cues: Lexicon):
    """``told Reuters: "..."``: a cue of the addressee class and the one addressed."""
    for k in range(i - 1, max(lo - 1, i - _ADDRESSEE_WORDS - 1), -1):
        if not ws[k].text[0].isalnum():
            return None
        cue = _cue_ending_at(text, ws, k, lo, cues)
        if cue is not None:
            return cue if has_class(cue, "addressee") else None
    return None


_ADDRESSEE_WORDS = 4


def _naming(ws: list[Word], subject: Phrase, lo: int) -> bool:
    """Whether the subject follows ``what`` (``what experts call "..."``)."""
    k = first_word_at(ws, subject.start) - 1
    return k >= lo and ws[k].text.lower() == "what"


def _object(text: str, ws: list[Word], lo: int, opening: int, cues: Lexicon) -> QuoteCue | None:
    """``called the reports "..."``, ``rejected by the Foreign Office as "..."``."""
    k = opening - 1
    passive_by: int | None = None
    steps = 0
    while k >= lo and steps <= _OBJECT_WINDOW:
        word = ws[k]
        low = word.text.lower()
        cue = _cue_ending_at(text, ws, k, lo, cues) if word.text[0].isalpha() else None
        if cue is not None and has_class(cue, "quote"):
            i = first_word_at(ws, cue.start)
            if passive_by is None and i > lo and ws[i - 1].text.lower() in BE_FORMS:
                return None  # "could be described only as a "senior official"": no speaker
            if passive_by is not None:
                agent = phrase_after(ws, passive_by + 1, opening)
                return QuoteCue(cue.text, cue.start, agent, True) if agent else None
            i = first_word_at(ws, cue.start)
            subject = subject_of(ws, i, cue, cues)
            if subject is not None and _naming(ws, subject, lo):
                return None  # "what astronomers call the "habitable zone"": a term, not speech
            return QuoteCue(cue.text, cue.start, subject, True)
        if low == "by":
            passive_by = k
        elif (not word.text[0].isalnum() and word.text not in {"’", "'"}) or (
            low in {"said", "says", "is", "was", "are", "were"} and passive_by is None
        ):
            return None
        k -= 1
        steps += 1 if passive_by is None else 0
        if passive_by is not None and opening - k > 14:
            return None
    return None
