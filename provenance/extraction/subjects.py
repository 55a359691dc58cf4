"""Subjects: the speaker resolution glue between a sentence and :mod:`coref`. The subject
opening a sentence (past an introductory word, a name in apposition to an office, the
members of ``reaction from members``), and a speaker's phrase as it is resolved."""

from provenance.extraction.lexicon.function import (
    DETERMINERS,
    INTRODUCTORY_WORDS,
    NOT_DESCRIPTION_WORDS,
    QUANTIFIERS,
)
from provenance.extraction.lexicon.people import GROUP_HEADS, ORG_HEADS, REACTION_LINKS, TITLES
from provenance.extraction.reported import Clause
from provenance.extraction.speakers import (
    Phrase,
    heading_word,
    is_modifier,
    org_head,
    person_name,
    phrase_after,
)
from provenance.extraction.text import Span, Word, first_word_at, words


def subject_phrase(
    body: str, ws: list[Word], contents: list[Span]
) -> tuple[Phrase | None, Phrase | None]:
    """The subject opening a sentence, as ``(phrase, None)``; as ``(None, phrase)`` when it
    is part of what a statement says (``Valland backs the talks, it added``: Valland is not
    the one who added)."""
    start = 0
    if ws and ws[0].text.lower() in INTRODUCTORY_WORDS:
        for k, word in enumerate(ws[:15]):
            if word.text == ",":
                start = k + 1
                break
    phrase = phrase_after(ws, start)
    if phrase is None or phrase.text.split()[0].lower() in QUANTIFIERS:
        return None, None
    if any(c.start <= phrase.start < c.end for c in contents):
        return None, phrase  # resolved after the sentence's speakers
    after = first_word_at(ws, phrase.end)
    if (
        " " not in phrase.text
        and heading_word(phrase.text)
        and after + 1 < len(ws)
        and ws[after].text.lower() in REACTION_LINKS
    ):
        # "Reaction from members on social media was mixed": the members react
        phrase = phrase_after(ws, after + 1)
        if phrase is None:
            return None, None
    elif _describes_person(phrase) and (comma := _comma_after(ws, after)) is not None:
        # "Calloway's chief medical officer, Dr. Jo Roe, said": the name in apposition
        name = phrase_after(ws, comma + 1)
        close = first_word_at(ws, name.end) if name is not None else 0
        if (
            name is not None
            and name.kind == "person"
            and close < len(ws)
            and ws[close].text == ","
            and _has_name(name)
            and not _has_name(phrase)
        ):
            phrase = name._replace(role=body[phrase.start : ws[comma].start])
    return phrase, None


def speaker_words(body: str, phrase: Phrase) -> tuple[Phrase, list[Word]]:
    """A speaker's phrase as it is resolved, with its words: a lower-case description
    before an abbreviation joins it, a table row's label is left out."""
    if phrase.kind != "pronoun" and phrase.text.isupper() and phrase.text.isalpha():
        # "the outgoing CM": a lower-case description before an abbreviation is its part
        before = words(body, max(0, phrase.start - 30), phrase.start)
        if before and before[-1].text.islower() and is_modifier(before[-1]):
            text = f"{before[-1].text} {phrase.text}"
            phrase = phrase._replace(text=text, start=before[-1].start)
    own = words(body, phrase.start, phrase.end)
    if phrase.kind != "pronoun" and (phrase.start == 0 or body[phrase.start - 1] == "\n"):
        phrase, own = _after_row_label(phrase, own)
    return phrase, own


def _after_row_label(phrase: Phrase, own: list[Word]) -> tuple[Phrase, list[Word]]:
    """A table row flattened to a line starts with its label: ``Trade Relations Westland
    has said ...`` is said by Westland."""
    labels = [k for k, w in enumerate(own[:-1]) if heading_word(w.text)]
    if not labels or own[0].text.lower() in DETERMINERS or org_head(own[-1]):
        # "The Regional Water Authority": a determiner or a head noun makes it one name
        return phrase, own
    rest = own[labels[-1] + 1 :]
    first = rest[0].text.lower()
    if not rest[0].text[:1].isupper() or first in TITLES | ORG_HEADS | GROUP_HEADS:
        return phrase, own
    made = phrase_after(rest, 0)
    if made is None or made.end != phrase.end:
        return phrase, own
    return made, rest


def said_contents(clauses: list[Clause]) -> list[Span]:
    """Contents of reported clauses, when each clause names its own speaker: a subject
    inside one is part of what was said, not a speaker (a clause without a subject of
    its own takes the sentence's, which must then be kept)."""
    if any(c.subject is None for c in clauses):
        return []
    return [c.content for c in clauses]


def _comma_after(ws: list[Word], k: int) -> int | None:
    """The comma ending a description that runs on from ws[k] (``minister for ecological
    transition,``): only lower-case words and connectors between, at most five."""
    for n in range(k, min(len(ws) - 2, k + 6)):
        if ws[n].text == ",":
            return n
        if not ws[n].text.isalpha() or not (ws[n].text.islower() or n > k):
            return None
        if ws[n].text.lower() in NOT_DESCRIPTION_WORDS:
            return None
    return None


def _describes_person(phrase: Phrase) -> bool:
    """A person's reference, or an office held in an organisation (``the Valley Bank's
    managing director``) that a name in apposition may follow."""
    last = phrase.text.split()[-1].lower() if phrase.text.split() else ""
    return phrase.kind == "person" or (phrase.kind == "organization" and last in TITLES)


def _has_name(phrase: Phrase) -> bool:
    """Whether a phrase holds a personal name (not only a description)."""
    own = [Word(w, 0, 0) for w in phrase.text.replace(".", " . ").split()]
    return bool(person_name(own))
