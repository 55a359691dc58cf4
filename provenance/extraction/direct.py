"""Who a quotation belongs to: the cue and speaker around its marks.

Tried in order: a cue right after the closing mark (``"...," she said`` or ``"...,"
said Jane Doe``); a cue right before the opening mark (``He said: "..."``,
``stated that "..."``); a quotation that is the object of a speech verb (``called the
reports "baseless"``, ``rejected by X as "..."``). A quotation with none of these is
left unattributed here; the caller may continue a speaker from an interrupted or
multi-paragraph quotation, or drop it as a scare quote.
"""

import re
from typing import NamedTuple

from provenance.extraction.cues import (
    Lexicon,
    has_class,
)
from provenance.extraction.lexicon.channels import NOUN_CHANNELS
from provenance.extraction.lexicon.cues import AUXILIARIES, PUT_IT_VERBS, QUOTING_LEADS
from provenance.extraction.lexicon.documents import DOCUMENT_READS, IN_PART
from provenance.extraction.lexicon.function import (
    BE_FORMS,
    NAME_DETERMINERS,
    NOT_ROLE_WORDS,
    ONE_OF,
    VERB_SEARCH_STOPS,
)
from provenance.extraction.quotes import Quote
from provenance.extraction.reported import subject_of
from provenance.extraction.speakers import Phrase, phrase_after
from provenance.extraction.text import CLOSE_QUOTES, Span, Word, first_word_at, words

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
        found = _after(ws, closing + 1, hi, text, cues)
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
        return _after(ws, lo, opening, text, cues)
    return found


_INTRO_SUBJECTS = frozenset({"person", "pronoun"})
_INTRO_WORDS = 4
"""Most words between a speaker and the colon of an introduction (``Roe was blunt:``)."""


def colon_intro(text: str, sentence: Span, cues: Lexicon) -> QuoteCue | None:
    """The speaker a sentence ending with a colon introduces for the quotation that opens
    the next paragraph: ``Jo Roe, the harbour master, said:``, ``Roe told reporters:``,
    or a person and a few words (``Roe was blunt:``)."""
    ws = words(text, sentence.start, sentence.end)
    if len(ws) < 2 or ws[-1].text not in {":", "："}:
        return None
    found = _before(text, ws, 0, len(ws), cues)
    if found is not None and found.subject is not None and not found.object_quote:
        return found
    subject = phrase_after(ws, 0)
    if subject is None or not (subject.kind in _INTRO_SUBJECTS or _proper_name(subject)):
        return None
    k = first_word_at(ws, subject.end)
    if not 0 < len(ws) - 1 - k <= _INTRO_WORDS or not all(w.text.isalpha() for w in ws[k:-1]):
        return None
    return QuoteCue(text[ws[k].start : ws[-2].end], ws[k].start, subject)


def _proper_name(phrase: Phrase) -> bool:
    """``Roe``, ``Valley Port Authority``; not ``The list``."""
    parts = phrase.text.split()
    return parts[0].lower() not in NAME_DETERMINERS and all(p[:1].isupper() for p in parts)


def _after(ws: list[Word], j: int, hi: int, text: str, cues: Lexicon) -> QuoteCue | None:
    """``, he said`` / ``the minister added`` / ``said Jane Doe`` after the closing mark."""
    while j < hi and ws[j].text in {",", "—", "–", "-"}:
        j += 1
    if j >= hi:
        return None
    quoting = _quoting_phrase(ws, j, hi)
    if quoting is not None:
        return quoting
    cue = _cue_word(ws, j, "after", cues)
    if cue is not None:
        end = j + len(cue.split())
        phrase = phrase_after(ws, end, hi) or _aged_phrase(ws, end, hi)
        if phrase is not None:
            return QuoteCue(cue, ws[j].start, phrase)
        return None
    phrase = (
        phrase_after(ws, j, hi) or _role_before_name(ws, j, hi, text) or _one_of(ws, j, hi, text)
    )
    if phrase is None:
        return None
    k = j
    while k < hi and ws[k].start < phrase.end:
        k += 1
    if k < hi and ws[k].text.lower() == "who" and phrase.kind != "pronoun":
        # "a cyclist who was riding home told the Courier": the clause is his
        verb = _after_relative(ws, k, hi, cues)
        if verb is not None:
            end = ws[verb - 1].end
            return QuoteCue(
                _cue_word(ws, verb, "after", cues) or "",
                ws[verb].start,
                phrase._replace(text=text[phrase.start : end], end=end),
            )
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


def _quoting_phrase(ws: list[Word], j: int, hi: int) -> QuoteCue | None:
    """``"...", to quote Jo Roe`` / ``in the words of Jo Roe`` / ``as Jo Roe put it``."""
    lowered = [w.text.lower() for w in ws[j : min(hi, j + 4)]]
    for lead in QUOTING_LEADS:
        if tuple(lowered[: len(lead)]) == lead:
            phrase = phrase_after(ws, j + len(lead), hi)
            cue = " ".join(w.text for w in ws[j : j + len(lead)])
            return QuoteCue(cue, ws[j].start, phrase) if phrase is not None else None
    if not lowered or lowered[0] != "as":
        return None
    phrase = phrase_after(ws, j + 1, hi)
    if phrase is None:
        return None
    k = first_word_at(ws, phrase.end)
    if k + 1 < hi and ws[k].text.lower() in PUT_IT_VERBS and ws[k + 1].text.lower() == "it":
        return QuoteCue(f"as {phrase.text} {ws[k].text} it", ws[j].start, phrase)
    return None


_RELATIVE_WORDS = 12
"""Most words of a relative clause between a speaker and the cue (``a man who ... told``)."""
_ROLE_WORDS = 3
"""Most lower-case words of a role before a name (``harbour master Jo Roe told``)."""


def _after_relative(ws: list[Word], k: int, hi: int, cues: Lexicon) -> int | None:
    """The index of the cue that follows the relative clause opening at ws[k] (``who``)."""
    for m in range(k + 2, min(hi, k + _RELATIVE_WORDS + 1)):
        if not ws[m].text[0].isalnum() and ws[m].text != ",":
            return None
        if ws[m].text[0].isalpha() and _cue_word(ws, m, "after", cues) is not None:
            return m
    return None


def _one_of(ws: list[Word], j: int, hi: int, text: str) -> Phrase | None:
    """``one of his lawyers, Jo Roe, told``: one member of a group (its name may follow)."""
    if j + 2 >= hi or (ws[j].text.lower(), ws[j + 1].text.lower()) != ONE_OF:
        return None
    group = phrase_after(ws, j + 2, hi)
    if group is None or group.kind == "pronoun":
        return None
    return group._replace(text=text[ws[j].start : group.end], start=ws[j].start)


def _role_before_name(ws: list[Word], j: int, hi: int, text: str) -> Phrase | None:
    """``harbour master Jo Roe told reporters``: a role in lower case, then the name."""
    k = j + (j < hi and ws[j].text.lower() == "the")
    start = k
    while (
        k < hi
        and k - start < _ROLE_WORDS
        and ws[k].text.isalpha()
        and ws[k].text.islower()
        and ws[k].text not in NOT_ROLE_WORDS
    ):
        k += 1
    if k == start or k >= hi or not ws[k].text[0].isupper():
        return None
    name = phrase_after(ws, k, hi)
    if name is None or name.kind == "pronoun" or len(name.text.split()) < 2:
        return None
    return name._replace(role=text[ws[start].start : ws[k - 1].end])


_AGE = re.compile(r"\d{1,3}-years?(?:-old)?", re.IGNORECASE)


def _aged_phrase(ws: list[Word], j: int, hi: int) -> Phrase | None:
    """``said the 76-year-old Roe``, ``said 76-year old Roe``: the name after an age."""
    if j < hi and ws[j].text.lower() == "the":
        j += 1
    if j >= hi or not _AGE.fullmatch(ws[j].text):
        return None
    j += 1
    if j < hi and ws[j].text.lower() == "old" and not ws[j - 1].text.lower().endswith("old"):
        j += 1
    phrase = phrase_after(ws, j, hi)
    if phrase is None or phrase.kind == "pronoun" or not phrase.text[0].isupper():
        return None
    return phrase._replace(kind="person")  # an age is a person's


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
    if cue is None and i < opening - 1:
        document = _document_reads(ws, lo, i)
        if document is not None:
            return document
    joined = i == opening - 1  # no mark or "that" between: 'found "a crack"' is no speech
    if cue is not None and (
        has_class(cue, "clause")
        or (has_class(cue, "that") and not joined)
        or has_class(cue, "quote")
    ):
        k = first_word_at(ws, cue.start)
        return QuoteCue(cue.text, cue.start, subject_of(ws, k, cue, cues))
    return _object(text, ws, lo, opening, cues)


def _document_reads(ws: list[Word], lo: int, i: int) -> QuoteCue | None:
    """``The statement reads in part: "..."``: a document that reads the quotation
    speaks for whoever issued it (the subject is resolved like ``the statement said``)."""
    k = i
    if k - 1 > lo and (ws[k - 1].text.lower(), ws[k].text.lower()) == IN_PART:
        k -= 2
    if k <= lo or ws[k].text.lower() not in DOCUMENT_READS:
        return None
    subject = _document_before(ws, k)
    if subject is None:
        return None
    return QuoteCue(" ".join(w.text for w in ws[k : i + 1]), ws[k].start, subject)


_DOCUMENT_WINDOW = 14
"""Most words between a document noun and its verb (``The statement, titled "...", reads``)."""


def _document_before(ws: list[Word], k: int) -> Phrase | None:
    """The document phrase (``the statement``, ``Roe's letter``) that is the subject of
    the verb at ws[k], within its sentence."""
    for j in range(k - 1, max(-1, k - _DOCUMENT_WINDOW - 1), -1):
        if ws[j].text in {".", "!", "?"}:
            return None
        if ws[j].text.lower() not in NOUN_CHANNELS:
            continue
        for start in range(max(0, j - 2), j + 1):
            phrase = phrase_after(ws, start, j + 1)
            if phrase is not None and phrase.end == ws[j].end:
                return phrase
        return None
    return None


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
            low in VERB_SEARCH_STOPS and passive_by is None
        ):
            return None
        k -= 1
        steps += 1 if passive_by is None else 0
        if passive_by is not None and opening - k > 14:
            return None
    return None
