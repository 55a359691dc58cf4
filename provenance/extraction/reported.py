"""Reported speech: ``X said (that) ...``, ``X accused Y of ...``, ``according to X, ...``.

Works one sentence at a time on its words. Each cue yields at most one clause: the
cue, its subject (or None when it shares the subject of the clause before it, as in
``..., saying ...`` or ``... and called for ...``) and its content span. A cue whose
subject stands inside another clause's content without a comma before it is nested
speech (``A said the President repeatedly said that P``): both are kept and the
inner one records the outer as its relay.
"""

import re
from bisect import bisect_left
from itertools import islice
from typing import NamedTuple

from provenance.extraction.cues import (
    Cue,
    Lexicon,
    has_class,
)
from provenance.extraction.lexicon.channels import (
    CHANNEL_TAIL_PATTERN,
    CITING_VERBS,
    SCENE_PREPOSITIONS,
    SETTING_NOUNS,
)
from provenance.extraction.lexicon.cues import (
    ACCORDING_TO_PATTERN,
    AUXILIARIES,
    FORECAST_LEMMAS,
    GOES_ON,
    IRREGULAR_PASSIVES,
    MESSAGE_NOUNS,
    NARRATIVE_BREAKS,
    NOUN_OR_VERB_CUES,
    NOUN_OR_VERB_LEMMAS,
    PLAIN_SAY,
    RELAY_LEMMAS,
)
from provenance.extraction.lexicon.documents import (
    DOCUMENT_HEADS,
    EMERGED_REPORTS_PATTERN,
    IN_VIEW_PATTERN,
    ISSUER_LEADS,
    ISSUER_LINKS,
    NOMINAL_CLAIMS_PATTERN,
    POINTED_NOUNS,
    POSITION_NOUNS,
    REPORTS_OF_PATTERN,
    REPORTS_THAT_PATTERN,
)
from provenance.extraction.lexicon.function import (
    ADDRESSEE_OBJECTS,
    ADJUNCT_OPENERS,
    ADJUNCT_STOPS,
    ADJUNCT_WORDS,
    ARTICLES,
    BE_FORMS,
    BOTH_PATTERN,
    CLAUSE_LINKS,
    CLAUSE_OPENERS,
    CLAUSE_PRONOUNS,
    CLAUSE_SUBJECTS,
    COMMA_RELATIVES,
    CONDITIONS,
    CONTENT_LINKS,
    CONTENT_OPENERS,
    CONTENT_RELATIVES,
    CONTRASTS,
    COORDINATORS,
    DEFINITE_DETERMINERS,
    DETERMINERS,
    EMERGED_CONJUNCTIONS,
    FINITE_VERBS,
    HEARSAY_INFINITIVES,
    IRREGULAR_PAST_FORMS,
    MANNER_PREPOSITIONS,
    MANNER_STOPS,
    MODALS,
    NEGATION_WORDS,
    NEGATIONS,
    NOMINAL_CUE_PREPOSITIONS,
    NOT_GERUNDS,
    NOUN_CONTEXT_WORDS,
    OBJECT_ONLY_WORDS,
    OBJECT_PRONOUN_SUBJECTS,
    OBJECT_PRONOUNS,
    OPENING_SUBORDINATORS,
    PASSIVE_COMPLEMENTS,
    PERSON_RELATIVES,
    POINTING_COMPLEMENTS,
    POINTING_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PROGRESSIVE_AUXILIARIES,
    PRONOUNS,
    RECIPROCAL_FIRSTS,
    RECIPROCAL_SECONDS,
    RELATIVE_OPENERS,
    SIBLING_LINKS,
    SUBJECT_RELATIVES,
    THING_RELATIVES,
    TRAILING_PARTICIPLES,
    VERB_COORDINATORS,
)
from provenance.extraction.lexicon.people import FORECASTER_HEADS, GROUP_HEADS, PAIR_HEADS
from provenance.extraction.lexicon.time import (
    BARE_TIME_WORDS,
    CALENDAR_NAMES,
    TIME_LINKERS,
    TIME_OF_DAY_LINKS,
    TIME_WORDS,
)
from provenance.extraction.quotes import Quote, inside
from provenance.extraction.speakers import (
    Phrase,
    phrase_after,
    phrase_before,
)
from provenance.extraction.text import (
    OPEN_QUOTES,
    Span,
    Word,
    at_word_starts,
    strip_span,
    words,
)

MAX_CONTENT = 1500
"""Longest reported content, in characters (keeps the work per cue bounded)."""

_NOMINAL = re.compile(
    NOMINAL_CLAIMS_PATTERN,
    re.IGNORECASE,
)
_EMERGED = re.compile(
    EMERGED_REPORTS_PATTERN,
    re.IGNORECASE,
)
_REPORTS_OF = at_word_starts(REPORTS_OF_PATTERN, re.IGNORECASE)
_REPORTS_THAT = at_word_starts(REPORTS_THAT_PATTERN, re.IGNORECASE)
_IN_VIEW = re.compile(IN_VIEW_PATTERN, re.IGNORECASE)
"""``In their view, the ruins resemble a fort``: the owner of the view speaks."""
_ACCORDING = re.compile(ACCORDING_TO_PATTERN, re.IGNORECASE)
_ANY_NOMINAL = at_word_starts(
    "|".join(
        f"(?:{pattern})"
        for pattern in (
            NOMINAL_CLAIMS_PATTERN,
            EMERGED_REPORTS_PATTERN,
            REPORTS_OF_PATTERN,
            REPORTS_THAT_PATTERN,
            IN_VIEW_PATTERN,
            ACCORDING_TO_PATTERN,
        )
    ),
    re.IGNORECASE,
)
"""Every pattern of :func:`_nominal_clauses` at once: most sentences match none, and one
search says so before the six are run (each opens with ``\b`` and a word)."""


class Clause(NamedTuple):
    """One reported-speech clause."""

    cue: str
    cue_start: int
    subject: Phrase | None
    """None: shares the subject of the clause before it in the sentence."""
    content: Span
    nested_in: int | None = None
    """Index (in the sentence's clause list) of the clause whose content holds this one."""
    agent: Phrase | None = None
    """For ``according to a statement issued by X``: the document phrase (a channel clue)."""


def reported(text: str, sentence: Span, quotes: list[Quote], cues: Lexicon) -> list[Clause]:
    """The reported-speech clauses of one sentence, in order of their cues."""
    found = cues.find_cues(text, sentence.start, sentence.end)
    nominal = _ANY_NOMINAL.search(text, sentence.start, sentence.end) is not None
    if not found and not nominal:
        return []  # most sentences: no cue, no report named
    ws = words(text, sentence.start, sentence.end)
    index = {w.start: i for i, w in enumerate(ws)}
    clauses: list[Clause] = []
    in_use = [c for c in found if usable(text, c, ws, index, quotes, cues)]
    for cue in in_use:
        clause = _verb_clause(text, sentence, ws, index, cue, cues)
        if clause is not None:
            clauses.append(_named_pair(text, clause))
    if nominal:
        clauses.extend(_nominal_clauses(text, sentence, ws, index, cues))
    clauses.sort(key=lambda c: c.cue_start)
    return _bound(text, sentence, ws, index, clauses, cues)


_BOTH = re.compile(BOTH_PATTERN, re.IGNORECASE)
_PAIR = re.compile(
    r"(?<![\w’'])([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2})\s+and\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2})"
)
_PAIR_REACH = 400
"""How far back, in characters, the pair that ``both sides`` refers to is looked for."""


def _both_before(ws: list[Word], i: int) -> Phrase | None:
    """``both sides``, ``the two countries`` just before ws[i]."""
    k = i - 1
    if k < 1 or ws[k].text.lower() not in PAIR_HEADS:
        return None
    j = k - 1
    if j > 0 and ws[j].text.lower() == "the" and ws[j - 1].text.lower() == "both":
        j -= 1
    if ws[j].text.lower() == "two" and j > 0 and ws[j - 1].text.lower() == "the":
        j -= 1
    elif ws[j].text.lower() != "both":
        return None
    own = ws[j:i]
    return Phrase(" ".join(w.text for w in own), own[0].start, own[-1].end, "group")


def _named_pair(text: str, clause: Clause) -> Clause:
    """``between Valland and Norland ..., with both sides blaming each other``: the
    pair named just before speaks."""
    subject = clause.subject
    if subject is None:
        return clause
    both = _BOTH.fullmatch(subject.text)
    words_before = text[max(0, subject.start - 5) : subject.start].lower().split()
    if both is None and words_before[-1:] == ["both"]:
        both = _BOTH.fullmatch("both " + subject.text)  # "both the countries"
    if both is None or both.group(1).lower() not in PAIR_HEADS:
        return clause
    pairs = list(_PAIR.finditer(text, max(0, subject.start - _PAIR_REACH), subject.start))
    pairs = [
        p
        for p in pairs
        if not _function_word(p.group(1))
        and not _function_word(p.group(2))
        and not any(w.lower() in CALENDAR_NAMES for w in p.group().split())
    ]
    if not pairs:
        return clause
    pair = pairs[-1]
    named = subject._replace(text=f"{pair.group(1)} and {pair.group(2)}", kind="group")
    return clause._replace(subject=named)


def _function_word(name: str) -> bool:
    """Whether a capitalised run opens with a function word (``The``, ``But``), not a name."""
    first = name.split()[0].lower()
    return first in CLAUSE_OPENERS or first in DETERMINERS or first in PRONOUNS


def usable(
    text: str, cue: Cue, ws: list[Word], index: dict[int, int], quotes: list[Quote], cues: Lexicon
) -> bool:
    """Whether a cue found in a sentence is a reporting verb in use there.

    Not: inside a quotation, part of a hyphenated word (``so-called``), negated (``did
    not say``), an infinitive without "that", or a noun (``the claims``).
    """
    if inside(quotes, cue.start) is not None or (cue.start and text[cue.start - 1] == "-"):
        return False
    i = index.get(cue.start)
    if i is None:
        return False
    prev = ws[i - 1].text.lower() if i else ""
    before = {w.text.lower() for w in ws[max(0, i - 2) : i]}
    if before & NEGATION_WORDS:
        return False
    cue_words = cue.text.split()
    after = i + len(cue_words)
    nxt = ws[after].text.lower() if after < len(ws) else ""
    if prev == "to" and nxt != "that" and (i < 2 or ws[i - 2].text.lower() not in GOES_ON):
        return False  # "to say", but "continues to deny"
    if prev == "having":
        return False  # "denied having said so", "Having said that, ..."
    if nxt == "to" and after + 1 < len(ws) and ws[after + 1].text.lower() in HEARSAY_INFINITIVES:
        return False  # "the remarks said to have been made by X": hearsay, no speaker
    if (
        cue.participle
        and prev not in NOUN_OR_VERB_CUES
        and cues.lemma_classes(prev)[1] & {"clause", "that"}
    ):
        return False  # "said finding the motive remains ...": a gerund, the clause's subject
    first = cue_words[0].lower()
    if first == "writing" and nxt == "for":
        return False  # "Writing for the majority, Justice X said": a role, not a cue
    if first in NOUN_OR_VERB_CUES or cue.lemma in NOUN_OR_VERB_LEMMAS:
        if prev in DETERMINERS or prev in NOMINAL_CUE_PREPOSITIONS or prev in NOUN_CONTEXT_WORDS:
            return False
        if i and "pointing" in cues.lemma_classes(ws[i - 1].text)[1]:
            return False  # "denied reports that ...": the object of a denial
        if not first.endswith(("ed", "ing")) and cue.lemma not in PLAIN_SAY:
            closing = (
                nxt in {".", "!", "?", ""} and prev[:1].isalpha() and ws[i - 1].text[0].isupper()
            )
            named = prev[:1].isalpha() and ws[i - 1].text[0].isupper() and cue.text.islower()
            return (
                prev in PRONOUNS
                or prev in GROUP_HEADS
                or prev in MODALS
                or nxt == "that"
                or closing
                or (named and _zero_that_after(ws, after))
                or _as_opening(ws, i)
            )  # "..., The Clarion notes.", "The Valley Courier notes the fine may ..."
    passive = prev in BE_FORMS and (first.endswith("ed") or first in IRREGULAR_PASSIVES)
    if passive and nxt == "by" and has_class(cue, "pointing"):
        return True  # "were accused by the army of ...": the agent speaks
    adjective = prev in DETERMINERS and first.endswith(("ed", "en"))  # "a written reply"
    return not passive and not adjective


def _verb_clause(
    text: str, sentence: Span, ws: list[Word], index: dict[int, int], cue: Cue, cues: Lexicon
) -> Clause | None:
    i = index[cue.start]
    after = i + len(cue.text.split())
    if (
        after < len(ws)
        and ws[after].text.lower() == "by"
        and i
        and ws[i - 1].text.lower() in BE_FORMS
    ):
        return _passive(text, sentence, ws, cue, after, cues)
    start = _content_start(ws, after, cue, cues)
    subject = subject_of(ws, i, cue, cues)
    if (
        subject is None
        and not cue.participle
        and i
        and ws[i - 1].text.lower() not in SIBLING_LINKS
        and cue.text.split()[0].lower() not in NOUN_OR_VERB_CUES
    ):
        subject = _embedded_subject(ws, i, cues) or _opening_subject(ws, i, cues)
    elif subject is None and i and ws[i - 1].text == "," and not cue.participle:
        subject = _opening_subject(ws, i, cues)  # "The council, in its reply, denied ..."
    if start is not None and _inverted(ws, i, after, cues):
        start, subject = None, None  # "..., said the minister."
    if start is None:
        return _trailing(text, sentence, ws, i, after, cue, subject, cues)
    if start >= len(ws) or not cue_classes(cue) & _CONTENT_CLASSES:
        return None
    if ws[start].text.lower() == "according" and start + 1 < len(ws):
        return None  # "he said, according to the agency": the rest names a relay
    if ws[start].text.lower() in ADJUNCT_WORDS and _quotation_resumes(ws, start):
        return None  # '"...," she told reporters after the vote, "but ..."'
    end = _content_end(ws, start, sentence.end, _is_object(ws, start, after, cue), cues)
    if _in_opening_clause(ws, i):
        end = min(end, _comma_after(ws, start, end))  # "After X accused Y of Z, W ..."
    content = Span(ws[start].start, end)
    subject = _cited(ws, after, start) or subject
    if _referential(ws, start) and not _content_referent(ws, start, after, cue):
        return None
    if not has_class(cue, "pointing") and _names_a_position(ws, start):
        return None  # "Reiterating the party's position, she said": no content given
    nominal = _is_object(ws, start, after, cue)
    if nominal and has_class(cue, "naming") and _quoted_label(ws, start):
        return None  # "described the quarter as "solid"": the quotation is the statement
    if nominal and _expectation(cue, subject):
        return None  # "Analysts had forecast a loss of 2 cents": expected, not said
    return Clause(cue.text, cue.start, subject, content)


def _in_opening_clause(ws: list[Word], i: int) -> bool:
    """Whether the cue at ws[i] is inside an opening subordinate clause (``A day after
    the party accused X of Y, ...``, ``When Jo Roe said ..., ...``)."""
    for k in range(max(0, i - _SKIP_WORDS), i):
        if ws[k].text in {",", ";", ":"} or ws[k].text in _CLOSE_MARKS:
            return False
        if ws[k].text.lower() in OPENING_SUBORDINATORS:
            return k <= 3 and all(w.text[0].isalnum() for w in ws[:k])
    return False


def _comma_after(ws: list[Word], start: int, end: int) -> int:
    """Offset of the first comma after ws[start] and before ``end``, else ``end``."""
    for k in range(start + 1, min(len(ws), start + _CLAUSE_WINDOW)):
        if ws[k].start >= end:
            break
        if ws[k].text == ",":
            return ws[k].start
    return end


def _expectation(cue: Cue, subject: Phrase | None) -> bool:
    """Whether a cue with a bare object gives the figure forecasters expect."""
    if cue.lemma not in FORECAST_LEMMAS or subject is None or not subject.text:
        return False
    return any(word.lower() in FORECASTER_HEADS for word in subject.text.split())


def _passive(
    text: str, sentence: Span, ws: list[Word], cue: Cue, by: int, cues: Lexicon
) -> Clause | None:
    """``were accused by the army of shelling the town``: the agent is the speaker and
    the complement after it is the content."""
    agent = phrase_after(ws, by + 1)
    if agent is None or agent.kind == "pronoun":
        return None
    k = by + 1
    while k < len(ws) and ws[k].end <= agent.end:
        k += 1
    if k + 1 >= len(ws) or ws[k].text.lower() not in PASSIVE_COMPLEMENTS:
        return None  # "rejected by X as "baseless"" is a quoted label (direct.py)
    end = _content_end(ws, k, sentence.end, True, cues)
    return Clause(cue.text, cue.start, agent, Span(ws[k].start, end))


def _inverted(ws: list[Word], i: int, after: int, cues: Lexicon) -> bool:
    """Whether the cue follows a comma and is followed by its subject and at most a short
    adjunct (``..., said Jane Doe on Friday.``)."""
    if i == 0 or ws[i - 1].text not in {",", "”", '"'}:
        return False
    phrase = phrase_after(ws, after)
    if phrase is None or phrase.kind == "pronoun":
        return False
    rest = _past_inverted(ws, after, phrase, cues)[0]
    if rest < len(ws) and ws[rest].text[0].isalnum():
        low = ws[rest].text.lower()
        if low not in ADJUNCT_WORDS and low not in BARE_TIME_WORDS:
            return False  # "..., Dr Jo Roe, said members had ...": a clause follows
    return _only_trailing(ws, rest, cues)


def _past_inverted(ws: list[Word], after: int, phrase: Phrase, cues: Lexicon) -> tuple[int, Phrase]:
    """Index past an inverted subject, and the subject: a name in apposition to it
    (``said Union Minister of Fisheries, Jo Roe on Wednesday``) when there is one."""
    rest = after
    while rest < len(ws) and ws[rest].end <= phrase.end:
        rest += 1
    while rest + 1 < len(ws) and ws[rest].text in {"and", "&"} and ws[rest + 1].text[0].isupper():
        rest += 2  # "Minister of Fisheries and Coastal Development": capitalised parts of a title
        while rest < len(ws) and ws[rest].text[0].isupper():
            rest += 1
    if rest + 1 < len(ws) and ws[rest].text == ",":
        name = phrase_after(ws, rest + 1)
        if name is not None and name.kind == "person" and name.text[0].isupper():
            past = rest + 1
            while past < len(ws) and ws[past].end <= name.end:
                past += 1
            return past, name._replace(role=phrase.text)
        past = _apposition_end(ws, rest + 1, cues)
        if past is not None and phrase.kind == "person":
            role = " ".join(w.text for w in ws[rest + 1 : past])
            return past, phrase._replace(role=role)  # "said Jo Roe, a local farmer."
    return rest, phrase


def _apposition_end(ws: list[Word], k: int, cues: Lexicon) -> int | None:
    """End of a short description in apposition from ws[k] (``a local farmer``): up to a
    comma, an opening quotation mark or the end of the sentence, with no verb in it."""
    for n in range(k, min(len(ws), k + _APPOSITION_WORDS)):
        word = ws[n]
        if word.text in {",", ".", "!", "?"} or word.text in OPEN_QUOTES:
            return n if n > k else None
        low = word.text.lower()
        if low in FINITE_VERBS or cues.lemma_classes(word.text)[1] or low in SUBJECT_RELATIVES:
            return None
    return len(ws) if len(ws) - k <= _APPOSITION_WORDS else None


_APPOSITION_WORDS = 10


_CONTENT_CLASSES = frozenset(
    {"clause", "that", "object", "infinitive", "message", "addressee", "directive"}
)


def _names_a_position(ws: list[Word], start: int) -> bool:
    """Whether a short object only names a stance (``the party's position``)."""
    for k in range(start, min(len(ws), start + _LABEL_REACH)):
        if not ws[k].text[0].isalnum():
            return False
        if ws[k].text.lower() in POSITION_NOUNS:
            return k + 1 >= len(ws) or not ws[k + 1].text[0].isalnum()
    return False


def _quoted_label(ws: list[Word], start: int) -> bool:
    """Whether a quotation opens in the object's first few words."""
    for word in ws[start : start + _LABEL_REACH]:
        if word.text in {",", ".", ";"}:
            return False
        if word.text in OPEN_QUOTES:
            return True
    return False


_LABEL_REACH = 12


def _is_object(ws: list[Word], start: int, after: int, cue: Cue) -> bool:
    """Whether the content is a noun phrase or infinitive, not a clause (``denied the
    reports``, ``vowed to fight``)."""
    if start != after or has_class(cue, "clause"):
        return False
    return not (has_class(cue, "that") and _zero_that(ws, start))


def _content_end(ws: list[Word], start: int, end: int, nominal: bool, cues: Lexicon) -> int:
    """Where the content stops: before a trailing participle that is not content
    (``, citing officials``, ``, asking not to be named``) and, for an object, before a
    second verb it is coordinated with (``dismissed the figures and withdrew``)."""
    limit = ws[start].start + MAX_CONTENT
    for k in range(start + 1, len(ws) - 1):
        word, nxt = ws[k], ws[k + 1].text.lower()
        if word.start > limit:
            break
        if word.text == "," and (nxt in TRAILING_PARTICIPLES or _participle_cue(ws[k + 1], cues)):
            return word.start
        if (
            nominal
            and word.text.lower() in VERB_COORDINATORS
            and (_past_verb(ws[k + 1]) or nxt in FINITE_VERBS)
        ):
            return word.start  # "rejected two bids and had accepted ...": a second verb
        if word.text == "," and _narrative_break(ws, k + 1):
            return word.start  # "..., but it later emerged the driver had ...": the narrator's
        if nominal and word.text == "," and nxt in CLAUSE_LINKS:
            return word.start  # "confirmed the loss of 14 homes, but it was too early ..."
        if nominal and word.text.lower() in CONTRASTS and (nxt in DETERMINERS or nxt in PRONOUNS):
            even = ws[k - 1].text.lower() == "even"  # "even though it had planned"
            return ws[k - 1].start if even else word.start  # "denies it but a number of ..."
    return end


def _narrative_break(ws: list[Word], k: int) -> bool:
    """Whether ``(but) it (later) emerged`` starts at ws[k]."""
    if k < len(ws) and ws[k].text.lower() in EMERGED_CONJUNCTIONS:
        k += 1
    if k >= len(ws) or ws[k].text.lower() != "it":
        return False
    k += 1
    if k < len(ws) and (_adverb(ws[k]) or ws[k].text.lower() == "later"):
        k += 1
    return k < len(ws) and ws[k].text.lower() in NARRATIVE_BREAKS


def _participle_cue(word: Word, cues: Lexicon) -> bool:
    """``, calling the link unreliable``: a participle cue after a comma says something else."""
    return (
        word.text.islower() and word.text.endswith("ing") and bool(cues.lemma_classes(word.text)[1])
    )


def _past_verb(word: Word) -> bool:
    low = word.text.lower()
    return word.text.islower() and (
        low in IRREGULAR_PAST_FORMS or (low.endswith("ed") and len(low) > 4)
    )


_OPENING_MARKS = frozenset({"“", '"', "'", "‘"})


def _content_referent(ws: list[Word], start: int, after: int, cue: Cue) -> bool:
    """Whether a content opening with a pointing word is content after all: the subject
    of a zero-"that" clause (``said it would``, ``said those reserves were``) or a speech
    act's object with more than a bare pronoun (``denied the reports``, ``accused each
    other of``); not ``said so`` or ``denied it.``."""
    first = ws[start].text.lower()
    nxt = start + 1
    while nxt < len(ws) and nxt - start <= 2 and ws[nxt].text in _OPENING_MARKS:
        nxt += 1  # 'said it "would not back down"', "said it ''was alarmed''"
    if nxt >= len(ws) or not ws[nxt].text[0].isalnum():
        return False
    if first in OBJECT_ONLY_WORDS:  # "accused him of lying", not "said so"
        return "pointing" in cue_classes(cue) and ws[nxt].text.lower() in POINTING_COMPLEMENTS
    if cue_classes(cue) & {"clause", "that"} and start == after and _finite_ahead(ws, nxt):
        return True
    return "pointing" in cue_classes(cue) or start > after


def _finite_ahead(ws: list[Word], k: int) -> bool:
    """Whether a finite verb follows within a few words (``it would``, ``the reports were``)."""
    n, end = k, min(len(ws), k + _SUBJECT_REACH)
    while n < end:
        word = ws[n]
        low = word.text.lower()
        if n - k > _RELATIVE_WORDS + _SUBJECT_REACH:
            return False
        if word.text == "," and n + 1 < len(ws) and ws[n + 1].text.lower() in RELATIVE_OPENERS:
            close = _relative_end(ws, n + 1)  # "the conflict, where ... are deployed, cannot"
            if close is None:
                return False
            n, end = close + 1, min(len(ws), close + 1 + _SUBJECT_REACH)
            continue
        if not word.text[0].isalnum():
            return False
        if low in FINITE_VERBS or (low.endswith("ed") and len(low) > 4):
            return True
        n += 1
    return False


def _relative_end(ws: list[Word], k: int) -> int | None:
    """Index of the comma closing a relative clause opening at ws[k]."""
    for n in range(k, min(len(ws), k + _RELATIVE_WORDS)):
        if ws[n].text == ",":
            return n
        if ws[n].text in {".", ";", ":"}:
            return None
    return None


_RELATIVE_WORDS = 20


_SUBJECT_REACH = 4


def _cited(ws: list[Word], after: int, start: int) -> Phrase | None:
    """``X reported, citing an official, that ...``: the cited source is the speaker
    (X, its relay, is found by :func:`relays_in`)."""
    if after + 2 >= start or ws[after].text != "," or ws[after + 1].text.lower() != "citing":
        return None
    cited = phrase_after(ws, after + 2, start)
    return cited if cited is not None and cited.kind != "pronoun" else None


def cue_classes(cue: Cue) -> frozenset[str]:
    """The classes of a cue (see :mod:`.lexicon.cues`)."""
    return cue.classes


def _content_start(ws: list[Word], after: int, cue: Cue, cues: Lexicon) -> int | None:
    """Index of the first word of the content after a verb cue, or None when none follows."""
    n = len(ws)
    j = after
    if (
        has_class(cue, "directive")
        and j < n
        and ws[j].text.lower() not in NEGATIONS
        and _directive(ws, j, cues)
    ):
        return j  # "told passengers to travel by air"
    if has_class(cue, "addressee") and j < n and ws[j].text.lower() != "that":
        that = _that_within(ws, j, 9, cues)
        if that is not None:
            return _skip_that(ws, that)  # "assured residents that ..."
        if cue.lemma == "tell":
            j = _skip_phrase(ws, j)
    if j < n and ws[j].text.lower() in BARE_TIME_WORDS:
        if _rest_is_time(ws, j):
            return None  # "..., the ministry said Friday."
        j = _skip_time(ws, j)  # "said Tuesday detectives ..."
    if j < n and (ws[j].text.lower() in ADJUNCT_WORDS or ws[j].text == ","):
        that = _that_within(ws, j, 16, cues)
        if that is not None:
            return _skip_that(ws, that)
        j = _skip_time(ws, j)
    if j < n and ws[j].text.lower() == "that":
        return _skip_that(ws, j)
    opening = _as_opening(ws, after - len(cue.text.split()))
    if j < n and ws[j].text in {":", ","} and (has_class(cue, "clause") or opening):
        k = j + 1
        if _relay_tail(ws, k, cues):
            return None  # "said on Saturday, the Valley Courier reports."
        if k < n and ws[k].text[0].isalnum() and not _opener(ws[k]) and not _participle(ws[k]):
            return k
        return None
    if j + 1 < n and ws[j].text.lower() in CONDITIONS and ws[j + 1].text.lower() == "asked":
        return None  # "said when asked whether ...": the question is not the content
    if j < n and ws[j].text.lower() in CONDITIONS and _no_comma_within(ws, j):
        return None  # "said once the ballots had been counted": a time adjunct, no content
    if has_class(cue, "clause") and j < n and ws[j].text[0].isalnum():
        word = ws[j].text.lower()
        if word in ADJUNCT_WORDS and _clause_follows(ws, j):
            return j  # "said in the beginning Westland did not react"
        manner = _after_manner(ws, j)
        if manner is not None:
            return manner  # "said with a smile there could be ..."
        if word in ADJUNCT_WORDS or word in ADJUNCT_STOPS:
            return None if word not in CLAUSE_PRONOUNS else j
        if word == "of" or ws[j].text == "." or (cue.lemma == "tell" and j == after):
            return None
        bare = word not in DETERMINERS and word not in CLAUSE_SUBJECTS and ws[j].text.islower()
        if j == after and cue.lemma not in PLAIN_SAY and bare and not _zero_that(ws, j):
            return None  # "claimed privilege over it", "tweeted a photo": no clause follows
        return j
    if j < n and ws[j].text.lower() == "to" and has_class(cue, "infinitive"):
        return j  # "vowed to fight on": the infinitive is the content
    if has_class(cue, "that") and j == after and j < n and _zero_that(ws, j):
        return j  # "insisted the deal was fair"
    if has_class(cue, "message") and j == after and _names_message(ws, j):
        return j  # "conveyed his condolences to the families"
    if has_class(cue, "object") and j < n and ws[j].text[0].isalnum():
        if cue.lemma == "mention" and ws[j].text.lower() == "about":
            return j + 1
        if ws[j].text.lower() in MANNER_STOPS:
            return None
        if ws[j].text.lower().endswith("ed") and cues.lemma_classes(ws[j].text)[1]:
            return None  # "media reports claimed ...": a noun before a verb, not a cue
        return j
    return None


_CLAUSE_WINDOW = 60
"""Words searched ahead of a cue for the comma that ends its clause; beyond it, none."""


def _no_comma_within(ws: list[Word], j: int) -> bool:
    """Whether no comma follows ws[j] within the clause window."""
    return all(ws[m].text != "," for m in range(j, min(len(ws), j + _CLAUSE_WINDOW)))


def _relay_tail(ws: list[Word], k: int, cues: Lexicon) -> bool:
    """Whether the sentence ends with a short phrase and a reporting verb from ws[k] on
    (``the Valley Courier reports.``): an outlet relaying the sentence, not content."""
    tail = [ws[m] for m in range(k, min(len(ws), k + _LONG_RELAY_WORDS + 2))]
    while tail and tail[-1].text in {".", "!", "?"}:
        tail.pop()
    if not 2 <= len(tail) <= _LONG_RELAY_WORDS or k + len(tail) < len(ws) - 1:
        return False
    return all(w.text[0].isalnum() for w in tail) and _relay_verb(tail[-1], cues)


def _relay_verb(word: Word, cues: Lexicon) -> bool:
    """Whether a word is a verb by which an outlet relays a story (``reported``, ``says``)."""
    return cues.lemma_classes(word.text)[0] in RELAY_LEMMAS


def _names_message(ws: list[Word], j: int) -> bool:
    return any(w.text.lower() in MESSAGE_NOUNS for w in ws[j : j + _MESSAGE_REACH])


_MESSAGE_REACH = 5


def _zero_that(ws: list[Word], j: int) -> bool:
    """Whether a content clause without "that" opens at ws[j]: a subject (a pronoun,
    determiner or name) and a finite verb within a few words."""
    word = ws[j]
    low = word.text.lower()
    if not word.text.isalpha() or low in ADJUNCT_WORDS or _adverb(word) or low == "to":
        return False
    return _finite_ahead(ws, j + 1)


_AS_OPENING_WORDS = 8


def _as_opening(ws: list[Word], i: int) -> bool:
    """Whether the cue at ws[i] ends an opening ``As X notes,``: the main clause after
    the comma is the content."""
    if i < 2 or i > _AS_OPENING_WORDS or ws[0].text.lower() != "as":
        return False
    end = i + 1
    while end < len(ws) and end - i < 4 and ws[end].text != ",":
        end += 1  # "As Jo Roe noted last week,"
    if end >= len(ws) or ws[end].text != ",":
        return False
    return all(w.text[0].isalnum() for w in ws[1:i])


def _zero_that_after(ws: list[Word], j: int) -> bool:
    """Whether a content clause without "that" opens at ws[j], if any word is there."""
    return j < len(ws) and _zero_that(ws, j)


def _directive(ws: list[Word], j: int, cues: Lexicon) -> bool:
    """Whether a person and a to-infinitive follow (``urged residents to stay indoors``)."""
    if not ws[j].text[0].isalnum() or ws[j].text.lower() in ADJUNCT_WORDS | {"that"}:
        return False
    for k in range(j + 1, min(len(ws) - 1, j + _DIRECTIVE_REACH)):
        if ws[k].text.lower() == "to":
            return ws[k + 1].text.isalpha() and ws[k + 1].text.islower()
        if not ws[k].text[0].isalnum() or cues.lemma_classes(ws[k].text)[1]:
            return False
    return False


_DIRECTIVE_REACH = 6


def _after_manner(ws: list[Word], j: int) -> int | None:
    """Start of a clause after a short manner adjunct (``with a grin``, ``with a smile``)."""
    if ws[j].text.lower() not in MANNER_PREPOSITIONS:
        return None
    for m in range(j + 2, min(len(ws), j + _MANNER_WORDS)):
        if ws[m].text.lower() in CLAUSE_SUBJECTS and _finite_ahead(ws, m + 1):
            return m
        if not ws[m].text.isalpha():
            return None
    return None


_MANNER_WORDS = 5


def _attributed_before(ws: list[Word], comma: int, cues: Lexicon) -> bool:
    """Whether a speech verb of the ``after`` class stands in the few words before a comma
    (``..., she said at a briefing, according to Reuters``)."""
    for k in range(comma - 1, max(0, comma - _RELAY_REACH) - 1, -1):
        word = ws[k]
        if "after" not in cues.lemma_classes(word.text)[1] or ws[k - 1].text.lower() in BE_FORMS:
            continue
        nxt = ws[k + 1].text.lower()
        return k + 1 == comma or nxt in ADJUNCT_WORDS or nxt in TIME_WORDS  # an adjunct only
    return False


_RELAY_REACH = 12


def _quotation_resumes(ws: list[Word], start: int) -> bool:
    """Whether a short adjunct and a comma lead straight into a quotation."""
    for k in range(start, min(len(ws) - 1, start + _RESUME_WORDS)):
        if ws[k].text == ",":
            return ws[k + 1].text in OPEN_QUOTES
        if not ws[k].text[0].isalnum():
            return False
    return False


_RESUME_WORDS = 8


def _participle(word: Word) -> bool:
    """``said, asking not to be named``: a participle after the comma is no content."""
    return word.text.islower() and word.text.endswith("ing")


def _rest_is_time(ws: list[Word], j: int) -> bool:
    """Whether only a time phrase (and perhaps a comma and a relay) is left from ws[j]."""
    k = j
    while k < len(ws) and k - j < 5 and ws[k].text.lower() in TIME_WORDS:
        k += 1
    return k >= len(ws) or ws[k].text in {".", "!", "?", ","}


def _opener(word: Word) -> bool:
    return word.text in '“"‘'


def _skip_phrase(ws: list[Word], j: int) -> int:
    """Past the addressee of ``told``: ``reporters``, ``The Associated Press``."""
    phrase = phrase_after(ws, j)
    if phrase is None:
        if j < len(ws) and ws[j].text.lower() in ADDRESSEE_OBJECTS:
            return j + 1
        return j
    k = j
    while k < len(ws) and ws[k].end <= phrase.end:
        k += 1
    return k


def _clause_follows(ws: list[Word], j: int) -> bool:
    """Whether a long clause, not an adjunct, follows a preposition at ws[j]
    (``said in the beginning the army ...``, not ``tweeted to the president ...``)."""
    if ws[j].text.lower() not in SCENE_PREPOSITIONS:
        return False
    ahead = [w.text.lower() for w in ws[j : j + 5]]
    return len(ws) - j >= 8 and not any(w in DOCUMENT_HEADS or w in SETTING_NOUNS for w in ahead)


def _that_within(ws: list[Word], j: int, limit: int, cues: Lexicon) -> int | None:
    for k in range(j, min(len(ws), j + limit)):
        if ws[k].text.lower() == "that":
            following = ws[k + 1].text if k + 1 < len(ws) else "."
            if following in {",", ".", ";", ":", "?", "!"}:
                return None  # "asked about that, ...": a pronoun, not a content clause
            return k
        noun = ws[k - 1].text.lower() in DETERMINERS  # "in a note to clients that"
        if k > j and not noun and cues.lemma_classes(ws[k].text)[1] & {"clause", "that"}:
            return None
        if ws[k].text in {".", ";", "“", '"', "‘"}:
            return None
        if (
            ws[k].text == ","
            and k + 1 < len(ws)
            and _participle(ws[k + 1])
            and ws[k + 1].text.lower() not in CITING_VERBS
        ):
            return None  # "confirmed in a statement, ending a saga that ...": not its clause
    return None


def _skip_time(ws: list[Word], j: int) -> int:
    """Past a short time adjunct (``on Tuesday``, ``later on Tuesday``) after a verb."""
    k = j
    while k < len(ws) and k - j < 4 and ws[k].text.lower() in TIME_WORDS:
        k += 1
    timed = any(w.text.lower() not in TIME_LINKERS for w in ws[j:k])  # not "this on"
    return k if timed and k < len(ws) and ws[k].text.lower() not in ADJUNCT_WORDS else j


def _skip_that(ws: list[Word], j: int) -> int:
    while j < len(ws) and ws[j].text.lower() == "that":
        j += 1
    return j


def _referential(ws: list[Word], j: int) -> bool:
    """Whether the object at ws[j] only points back (``these claims``) or is reciprocal."""
    first = ws[j].text.lower()
    second = ws[j + 1].text.lower() if j + 1 < len(ws) else ""
    if first in RECIPROCAL_FIRSTS and second in RECIPROCAL_SECONDS:
        return True
    if first in POINTING_PRONOUNS:
        return True
    if first in POINTED_NOUNS:
        return True
    return first in DEFINITE_DETERMINERS and second in POINTED_NOUNS


def subject_of(ws: list[Word], i: int, cue: Cue, cues: Lexicon) -> Phrase | None:
    """The subject of the cue at ws[i]; None when it is shared with the clause before."""
    prev = ws[i - 1].text.lower() if i else ""
    quoted = _quoted_object(ws, i, cue)
    if quoted is not None:
        return quoted  # "X also quoted him as saying"
    if cue.participle and i == 0:
        return _main_subject(ws)  # "Voicing worry over X, the President said ..."
    if cue.participle and prev not in PROGRESSIVE_AUXILIARIES:
        phrase = phrase_before(ws, i) or _both_before(ws, i)
        if phrase is not None and _after_with(ws, phrase, i):
            return phrase  # "with donor states calling for ..."
        return None
    if prev in COORDINATORS:
        return None
    if prev == "," and i >= 2 and ws[i - 2].text.lower() in VERB_COORDINATORS:
        return None
    k = i - 1
    r = k
    while r >= 1 and (ws[r].text.lower() in AUXILIARIES or ws[r].text.lower() == "used"):
        r -= 1  # "who has also said", "who used to say"
    document = _document_before(ws, r)
    if document is not None:
        return document  # "a report that said ...": the report speaks
    if r >= 1 and ws[r].text.lower() in COMMA_RELATIVES and ws[r - 1].text == ",":
        k = r - 1
        relative = phrase_before(ws, k + 1)
        if relative is None and r >= 2:
            relative = phrase_before(ws, r - 1)  # "my uncle, who used to say"
        if relative is None:
            relative = _opening_subject(ws, r - 1, cues)  # "The opposition, which has accused"
        if relative is not None and relative.kind != "pronoun":
            return relative
    if cue.participle:
        phrase = phrase_before(ws, k + 1)
        return phrase if phrase is not None and _ends_at(ws, phrase, k) else None
    return _restricted_subject(ws, i) or phrase_before(ws, k + 1) or _both_before(ws, k + 1)


_RESTRICTED_WORDS = 18
"""Longest sentence-opening subject with a restrictive relative clause, in words."""
_RESTRICTED_OPENERS = ARTICLES | GROUP_HEADS


def _restricted_subject(ws: list[Word], i: int) -> Phrase | None:
    """A sentence-opening noun phrase with a restrictive relative clause, as the cue's
    subject (``The brothers who run the garage said``, ``Residents who fled told ...``)."""
    if i > _RESTRICTED_WORDS or i < 4 or ws[0].text.lower() not in _RESTRICTED_OPENERS:
        return None
    r = next((n for n in range(1, min(i - 1, 5)) if ws[n].text.lower() in PERSON_RELATIVES), None)
    if r is None or any(not w.text.replace("-", "").replace("’", "").isalnum() for w in ws[:i]):
        return None  # no comma, quotation or parenthesis: one plain subject
    head = ws[r - 1].text.lower()
    if head in DETERMINERS or head in PRONOUNS:
        return None
    end = i - 1
    while end > r + 1 and ws[end].text.lower() in AUXILIARIES:
        end -= 1  # "who lives nearby has said"
    kind = "group" if head.endswith("s") else "person"
    return Phrase(" ".join(w.text for w in ws[: end + 1]), ws[0].start, ws[end].end, kind)


def _document_before(ws: list[Word], r: int) -> Phrase | None:
    """``a report that said``, ``the study, which says``: the document before a relative
    pronoun at ws[r] is the subject."""
    if r < 1 or ws[r].text.lower() not in THING_RELATIVES:
        return None
    k = r - 1 if ws[r - 1].text != "," else r - 2
    if k < 0 or ws[k].text.lower() not in DOCUMENT_HEADS | {"reports"}:
        return None
    first = k - 1 if k >= 1 and ws[k - 1].text.lower() in DETERMINERS else k
    kind = "group" if ws[k].text.lower().endswith("s") else "organization"
    return Phrase(" ".join(w.text for w in ws[first : k + 1]), ws[first].start, ws[k].end, kind)


def _embedded_subject(ws: list[Word], i: int, cues: Lexicon) -> Phrase | None:
    """A plain noun phrase opening a content clause, as subject of a cue inside it
    (``said ministers had privately urged ...``, ``that her client would ask ...``)."""
    k = i - 1
    while k >= 0 and i - k < _SKIP_WORDS and (ws[k].text.lower() in AUXILIARIES or _adverb(ws[k])):
        k -= 1
    end = k
    while k >= 0 and end - k < _EMBEDDED_WORDS and ws[k].text.isalpha():
        low = ws[k].text.lower()
        if low == "that" or cues.lemma_classes(ws[k].text)[1]:
            break
        if low in FINITE_VERBS or low.endswith(("ing", "ed")):
            return None  # a verb: no plain noun phrase
        k -= 1
    if k == end or k < 0 or not (ws[k].text.lower() == "that" or cues.lemma_classes(ws[k].text)[1]):
        return None
    first, last = ws[k + 1], ws[end]
    if last.text.lower() in DETERMINERS or last.text.lower() in CONTENT_RELATIVES:
        return None
    if first.text.lower() in PRONOUNS and k + 1 == end:
        return Phrase(first.text, first.start, last.end, "pronoun")
    head = last.text.lower()
    kind = "group" if head.endswith("s") and not last.text[0].isupper() else "person"
    text = " ".join(w.text for w in ws[k + 1 : end + 1])
    return Phrase(text, first.start, last.end, kind)


_EMBEDDED_WORDS = 4
_SKIP_WORDS = 8
"""Most auxiliaries, adverbs and time words stepped over between a subject and its cue."""


def _opening_subject(ws: list[Word], i: int, cues: Lexicon) -> Phrase | None:
    """A plain noun phrase opening the sentence as the cue's subject, when no name is
    found (``The opposition on Thursday dismissed ...``, ``A coalition of groups said``)."""
    if not ws or ws[0].text.lower() not in ARTICLES:
        return None
    k = i - 1
    while (
        k > 0
        and i - k < _SKIP_WORDS
        and (
            ws[k].text.lower() in AUXILIARIES
            or _adverb(ws[k])
            or ws[k].text.lower() in TIME_WORDS | TIME_OF_DAY_LINKS
        )
    ):
        k -= 1
    if ws[k].text == ",":  # "The opposition, which has accused ..., has warned"
        opening = next((n for n in range(1, min(k, _OPENING_WORDS + 1)) if ws[n].text == ","), None)
        inserted = ws[opening + 1].text.lower() if opening is not None else ""
        if inserted not in COMMA_RELATIVES and inserted not in ADJUNCT_WORDS:
            return None  # "The council, in its reply, denied ..." is fine too
        k = opening - 1
    if k < 1 or k > _OPENING_WORDS:
        return None
    own = ws[: k + 1]
    if any(not w.text.replace("-", "").isalnum() and w.text not in {"’s", "'s"} for w in own):
        return None
    if any(w.text.lower() in FINITE_VERBS or cues.lemma_classes(w.text)[1] for w in own[1:]):
        return None
    last = own[-1]
    if last.text.lower() in DETERMINERS | ADJUNCT_WORDS or last.text.endswith(("ing", "ed")):
        return None
    kind = "group" if last.text.lower().endswith("s") else "organization"
    return Phrase(" ".join(w.text for w in own), own[0].start, last.end, kind)


_OPENING_WORDS = 8


def _adverb(word: Word) -> bool:
    return word.text.islower() and word.text.endswith("ly") and len(word.text) > 4


def _main_subject(ws: list[Word]) -> Phrase | None:
    """The subject of the main clause after a sentence-initial participle clause."""
    for k in range(1, min(len(ws) - 1, _OPENING_CLAUSE_WORDS)):
        if ws[k].text == ",":
            return phrase_after(ws, k + 1)
    return None


_OPENING_CLAUSE_WORDS = 25


def _quoted_object(ws: list[Word], i: int, cue: Cue) -> Phrase | None:
    """``X quoted Y as saying``: the speaker is Y (X is the relay)."""
    if cue.lemma != "say" or i < 3 or ws[i - 1].text.lower() != "as":
        return None
    for k in range(i - 2, max(-1, i - 9), -1):
        if ws[k].text.lower() == "quoted":
            obj = ws[k + 1]
            if obj.text.lower() in OBJECT_PRONOUNS and k + 2 == i - 1:
                return Phrase(obj.text, obj.start, obj.end, "pronoun")  # "quoted him as saying"
            return phrase_after(ws, k + 1, i - 1)
    return None


def _after_with(ws: list[Word], phrase: Phrase, i: int) -> bool:
    first = _word_at(ws, phrase.start, i)
    return first > 0 and ws[first - 1].text.lower() == "with"


def _ends_at(ws: list[Word], phrase: Phrase, k: int) -> bool:
    return k >= 0 and ws[k].end == phrase.end


def _trailing(
    text: str,
    sentence: Span,
    ws: list[Word],
    i: int,
    after: int,
    cue: Cue,
    subject: Phrase | None,
    cues: Lexicon,
) -> Clause | None:
    """``..., he said.`` and ``..., said the minister.``: the content comes first."""
    if not has_class(cue, "clause") and not has_class(cue, "after") and cue.lemma != "report":
        return None
    inverted = phrase_after(ws, after) if subject is None or after < len(ws) else None
    rest = after
    if subject is None and inverted is not None and inverted.kind != "pronoun":
        rest, subject = _past_inverted(ws, after, inverted, cues)
        first = i
    elif subject is not None or (subject := _plain_before(ws, i, cues)) is not None:
        first = _word_at(ws, subject.start, i)
    else:
        return None
    lead = first
    while (
        lead > 2
        and first - lead < 4
        and ws[lead - 1].text.isalpha()
        and ws[lead - 1].text.islower()
    ):
        lead -= 1  # "..., the official news agency X reported."
    if ws[lead - 1].text == "," and lead < first:
        first = lead
    if has_class(cue, "addressee") and rest == after:
        rest = _skip_phrase(ws, rest)  # "..., the minister told parliament."
    closing = first >= 2 and ws[first - 1].text in _CLOSE_MARKS and ws[first - 2].text == ","
    if (
        not _only_trailing(ws, rest, cues)
        or first < 2
        or (ws[first - 1].text != "," and not closing)
    ):
        return None
    if any(w.text in _CLOSE_MARKS for w in ws[first - 2 : first]) and not _partial_quote(ws, first):
        return None  # '"...," said X': a quotation, not a reported clause
    end = ws[first - 1].end if closing else ws[first - 1].start
    span = strip_span(text, sentence.start, end)
    if span.end - span.start < 12:
        return None
    if cue.lemma == "report" and any(
        not inner.participle for inner in cues.find_cues(text, span.start, span.end)
    ):
        return None  # "X told Y that ..., the agency reported": the agency relays X

    return Clause(cue.text, cue.start, subject, span)


_CLOSE_MARKS = frozenset({"”", '"'})
_PARTIAL_REACH = 40


def _partial_quote(ws: list[Word], first: int) -> bool:
    """Whether the clause before ``, said X`` ends with a quoted fragment that opens after
    some words of the clause (``The delay was "regrettable," said X``)."""
    for k in range(first - 3, max(-1, first - _PARTIAL_REACH), -1):
        if ws[k].text in OPEN_QUOTES or ws[k].text in _CLOSE_MARKS:
            before = ws[max(0, k - _PARTIAL_REACH) : k]
            return k >= 3 and all(w.text not in _CLOSE_MARKS and w.text != ":" for w in before)
    return False


def _plain_before(ws: list[Word], i: int, cues: Lexicon) -> Phrase | None:
    """``..., the paper said.``: an article and a few words between a comma and the cue."""
    k = i - 1
    while k > 0 and i - k < _SKIP_WORDS and ws[k].text.lower() in AUXILIARIES:
        k -= 1
    end = k
    while k > 0 and end - k < _PLAIN_WORDS and ws[k].text.isalpha():
        k -= 1
    if ws[k].text != "," or ws[k + 1].text.lower() not in ARTICLES or k + 1 >= end:
        return None
    own = ws[k + 1 : end + 1]
    if any(w.text.lower() in FINITE_VERBS or cues.lemma_classes(w.text)[1] for w in own):
        return None
    kind = "group" if own[-1].text.lower().endswith("s") else "organization"
    return Phrase(" ".join(w.text for w in own), own[0].start, own[-1].end, kind)


_PLAIN_WORDS = 4


def _word_at(ws: list[Word], offset: int, before: int) -> int:
    """Index of the word starting at ``offset``, searched back from ``before``."""
    for k in range(before, max(-1, before - 40), -1):
        if ws[k].start == offset:
            return k
    return 0


_RELAY_WORDS = 4
_LONG_RELAY_WORDS = 8
"""Longest ``the state news agency Valley Press reported`` closing a sentence."""
_TRAILING_WINDOW = 20
"""Words looked at after a cue by ``_only_trailing``: enough for its longest test."""


def _only_trailing(ws: list[Word], j: int, cues: Lexicon) -> bool:
    """Whether only a short adjunct (``in a statement``, ``on Friday``) follows ws[j],
    or such an adjunct and then a participle clause (``, ending a long saga``)."""
    following = (ws[k] for k in range(j, len(ws)) if ws[k].text not in {".", "!", "?"})
    rest = list(islice(following, _TRAILING_WINDOW))
    comma = next((k for k, w in enumerate(rest) if w.text == ","), None)
    if comma is not None and comma <= 8 and comma + 1 < len(rest):
        tail = rest[comma + 1 :]
        relay = len(tail) <= _RELAY_WORDS and bool(cues.lemma_classes(tail[-1].text)[1])
        relay = relay or (len(tail) <= _LONG_RELAY_WORDS and _relay_verb(tail[-1], cues))
        return tail[0].text.lower().endswith("ing") or relay  # ", Xinhua reports"
    if rest and rest[0].text[0].isalnum() and rest[0].text.lower() not in ADJUNCT_OPENERS:
        return False  # "confirmed the detentions": an object follows, not an adjunct
    return len(rest) <= 8 and all(w.text not in {",", ";", ":"} for w in rest[:1])


def _nominal_clauses(
    text: str, sentence: Span, ws: list[Word], index: dict[int, int], cues: Lexicon
) -> list[Clause]:
    clauses = []
    for match in _NOMINAL.finditer(text, sentence.start, sentence.end):
        clause = _claims_by(text, sentence, ws, index, match)
        if clause:
            clauses.append(clause)
    for match in _EMERGED.finditer(text, sentence.start, sentence.end):
        subject = Phrase(match.group().split()[0], match.start(), match.start() + 7, "group")
        subject = subject._replace(text=text[match.start() : match.start() + len(subject.text)])
        subject = subject._replace(end=subject.start + len(subject.text))
        clauses.append(
            Clause(match.group().strip(), match.start(), subject, Span(match.end(), sentence.end))
        )
    for match in _REPORTS_OF.finditer(text, sentence.start, sentence.end):
        if not _event_told(ws, index.get(match.end())):
            continue  # "following reports of starfish outbreaks": a topic, no content
        subject = Phrase(match.group(1), match.start(1), match.end(1), "group")
        clauses.append(
            Clause("reports of", match.start(1), subject, Span(match.end(), sentence.end))
        )
    for match in _REPORTS_THAT.finditer(text, sentence.start, sentence.end):
        subject = Phrase(match.group(1), match.start(1), match.end(1), "group")
        content = Span(match.end(), sentence.end)
        clauses.append(Clause("reports that", match.start(1), subject, content))
    for match in _IN_VIEW.finditer(text, sentence.start, sentence.end):
        j = index.get(match.start())
        if j is None or (j and ws[j - 1].text.lower() not in {",", ";", ":", "but", "and"}):
            continue  # "In his view, ..." opens the clause it attributes
        owner = match.group(1)
        subject = Phrase(
            POSSESSIVE_PRONOUNS[owner.lower()], match.start(1), match.end(1), "pronoun"
        )
        cue = " ".join(match.group().rstrip(", ").split())
        content = Span(match.end(), sentence.end)
        clauses.append(Clause(cue, match.start(), subject, content))
    for match in _ACCORDING.finditer(text, sentence.start, sentence.end):
        clause = _according(text, sentence, ws, index, match, cues)
        if clause:
            clauses.append(clause)
    return clauses


_GERUND_REACH = 8


def _event_told(ws: list[Word], j: int | None) -> bool:
    """Whether ``reports of`` is followed by what they tell, a subject and its gerund
    (``reports of its navy patrolling abroad``), not a bare topic."""
    if j is None:
        return False
    for k in range(j + 1, min(len(ws), j + _GERUND_REACH)):
        if ws[k].text in {",", ";", ":", ".", "("}:
            return False
        gerund = ws[k].text.islower() and ws[k].text.endswith("ing") and len(ws[k].text) > 4
        if gerund and ws[k].text not in NOT_GERUNDS:
            return True
    return False


def _claims_by(
    text: str, sentence: Span, ws: list[Word], index: dict[int, int], match: re.Match[str]
) -> Clause | None:
    j = index.get(match.end())
    if j is None:
        return None
    speaker = phrase_after(ws, j)
    if speaker is None:
        return None
    k = j
    while k < len(ws) and ws[k].end <= speaker.end:
        k += 1
    if k >= len(ws) or ws[k].text.lower() not in CONTENT_LINKS:
        return None
    link = ws[k].text.lower()
    k = _skip_that(ws, k + 1) if link == "that" else k + 1
    if k >= len(ws):
        return None
    end = sentence.end
    if link != "that":  # a noun-phrase content ends with its clause
        stop = min(len(ws), k + _CLAUSE_WINDOW)
        end = next((ws[m].start for m in range(k, stop) if ws[m].text in {",", ";"}), sentence.end)
    cue = " ".join(match.group().split())
    return Clause(cue, match.start(), speaker, Span(ws[k].start, end))


def _according(
    text: str,
    sentence: Span,
    ws: list[Word],
    index: dict[int, int],
    match: re.Match[str],
    cues: Lexicon,
) -> Clause | None:
    j = index.get(match.end())
    if j is None:
        return None
    source = phrase_after(ws, j)
    if source is None and j < len(ws) and ws[j].text.lower() in OBJECT_PRONOUN_SUBJECTS:
        word = ws[j]  # "according to her": the pronoun is resolved like "she"
        source = Phrase(OBJECT_PRONOUN_SUBJECTS[word.text.lower()], word.start, word.end, "pronoun")
    if source is None:
        return None
    k = j
    while k < len(ws) and ws[k].end <= source.end:
        k += 1
    agent = None
    head = source.text.split()[-1].lower()
    if head in DOCUMENT_HEADS and k + 1 < len(ws) and ws[k].text.lower() in ISSUER_LEADS:
        by = k + 1 if ws[k].text.lower() in ISSUER_LINKS else k + 2
        if ws[k].text.lower() not in ISSUER_LINKS and (
            k + 1 >= len(ws) or ws[k + 1].text.lower() != "by"
        ):
            by = len(ws)
        inner = phrase_after(ws, by) if by < len(ws) else None
        if inner is not None:
            agent, source = source, inner
            k = by
            while k < len(ws) and ws[k].end <= source.end:
                k += 1
    if j >= 4 and ws[j - 3].text == "," and _attributed_before(ws, j - 3, cues):
        return None  # "..., he said (at a briefing), according to the agency": a relay
    leading = (
        j - 2 <= 0 or ws[j - 3].text in {",", ";", ":"} or ws[j - 3].text.lower() in CLAUSE_OPENERS
    )
    participle_after = k + 1 < len(ws) and _participle(ws[k + 1])
    if leading and k < len(ws) and ws[k].text == "," and not (participle_after and j >= 3):
        body = Span(ws[k + 1].start, sentence.end) if k + 1 < len(ws) else None
    elif j >= 3 and ws[j - 3].text == ",":
        body = strip_span(text, sentence.start, ws[j - 3].start)
    else:
        body = None
    if body is None or body.end - body.start < 8:
        return None
    return Clause(match.group().strip(), match.start(), source, body, agent=agent)


def _bound(
    text: str,
    sentence: Span,
    ws: list[Word],
    index: dict[int, int],
    clauses: list[Clause],
    cues: Lexicon,
) -> list[Clause]:
    """Cut each content where the next sibling clause begins; mark nested clauses.

    Only a bounded number of neighbouring clauses is looked at, so a sentence made of
    thousands of cues still costs linear time.
    """
    starts = [c.cue_start for c in clauses]
    result: list[Clause] = []
    for clause in clauses:
        end = min(clause.content.end, clause.content.start + MAX_CONTENT)
        first = bisect_left(starts, clause.content.start)
        for other in clauses[first : first + _NEIGHBOURS]:
            if other.cue_start >= end:
                break
            if other is clause:
                continue
            cut = _sibling_cut(ws, index, other, clause.content.start)
            if cut is not None and cut > clause.content.start:
                end = min(end, cut)
        nested_in = None
        if clause.subject is not None:
            for m in range(len(result) - 1, max(-1, len(result) - 1 - _NEIGHBOURS), -1):
                if result[m].content.start <= clause.subject.start < result[m].content.end:
                    # "denied claims by X that ...": a denial does not relay what it denies
                    denied = "pointing" in cues.lemma_classes(result[m].cue)[1]
                    nested_in = None if denied else m
                    break
        span = strip_span(text, clause.content.start, end, " \t\n,;:—–-.")
        if span.end - span.start < 3:
            continue
        for part in _second_that(text, ws, index, span):
            result.append(clause._replace(content=_clip_channel(text, part), nested_in=nested_in))
    return result


def _second_that(text: str, ws: list[Word], index: dict[int, int], span: Span) -> list[Span]:
    """``said A, and that B``: two content clauses of one cue, two statements."""
    k = index.get(span.start)
    if k is None:
        return [span]
    while k + 2 < len(ws) and ws[k + 2].start < span.end:
        if ws[k].text.lower() == "and" and ws[k + 1].text.lower() == "that" and k > 0:
            first = strip_span(text, span.start, ws[k].start, " \t\n,;:—–-.")
            second = Span(ws[k + 2].start, span.end)
            if first.end - first.start >= 3:
                return [first, second]
        k += 1
    return [span]


_NEIGHBOURS = 12


def _sibling_cut(ws: list[Word], index: dict[int, int], other: Clause, within: int) -> int | None:
    """Where ``other`` starts as a sibling clause (not nested speech) of a content that
    starts at ``within``, or None."""
    i = index.get(other.cue_start)
    if i is None:
        return None
    if other.subject is None or other.subject.start < within:
        # "X, which has accused Y of Z, has warned ...": the subject comes before the content
        k = i - 1
        linked = other.subject is not None or other.cue.split()[0].lower().endswith("ing")
        while (
            k >= 0
            and i - k < _SKIP_WORDS
            and (ws[k].text.lower() in SIBLING_LINKS or ws[k].text.lower() in AUXILIARIES)
        ):
            linked = linked or ws[k].text.lower() in SIBLING_LINKS
            k -= 1
        if (
            k >= 1
            and ws[k].text.lower() in PRONOUNS
            and ws[k - 1].text.lower() in CONTENT_RELATIVES
        ):
            k -= 2  # "..., which it said was ..."
            k -= 1 if k >= 0 and ws[k].text == "," else 0
            linked = True
        if not linked:
            return None  # "that her client would ask ...": an unfound subject, nested speech
        return ws[k + 1].start if k + 1 < len(ws) else None
    first = index.get(other.subject.start)
    if first is None:
        return None
    prev = ws[first - 1].text.lower() if first else ""
    if prev == "," and _opening_adverbial(ws, index.get(within), first - 1):
        return None  # "that despite the delay, the crew said ...": the content's own subject
    if prev in {",", ";", "while", "but", "whereas", "and", ":"}:
        return ws[first - 1].start
    if prev in CONTENT_RELATIVES:  # "..., which it said was ...": the relative clause is its own
        return (
            ws[first - 2].start if first > 1 and ws[first - 2].text == "," else ws[first - 1].start
        )
    if other.cue.lower().startswith("according"):
        linked = i and ws[i - 1].text.lower() in {",", ";", "and", "but", "while"}
        return ws[i - 1].start if linked else None  # "A, and according to Y, B
    return None


def _opening_adverbial(ws: list[Word], start: int | None, comma: int) -> bool:
    """Whether the content starting at ws[start] opens with an adverbial phrase
    (``despite knowing about it``) that the comma at ws[comma] closes."""
    if start is None or comma - start > _SKIP_WORDS * 2 or comma <= start:
        return False
    if ws[start].text.lower() not in CONTENT_OPENERS:
        return False
    return all(ws[k].text not in {",", ";", ":"} for k in range(start + 1, comma))


_CHANNEL_TAIL = re.compile(
    CHANNEL_TAIL_PATTERN,
    re.IGNORECASE,
)


def _clip_channel(text: str, span: Span) -> Span:
    """Drop a trailing ``in an interview with ...`` adjunct from a content span."""
    match = _CHANNEL_TAIL.search(text, max(span.start, span.end - 90), span.end)
    if match and match.start() > span.start + 10:
        return strip_span(text, span.start, match.start())
    return span
