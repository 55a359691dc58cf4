"""Speaker phrases: finding the noun phrase that names a speaker, and reading it.

No list of known people or places: only English function words, titles, and the
head nouns of organisations and anonymous groups.
"""

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from provenance.extraction.cues import (
    CORE_CUES,
)
from provenance.extraction.lexicon.cues import AUXILIARIES
from provenance.extraction.lexicon.documents import AUTHOR_LINKS, DOCUMENT_HEADS, ISSUING_VERBS
from provenance.extraction.lexicon.function import (
    ABSTRACT_NOUN_ENDINGS,
    ADJECTIVE_ENDINGS,
    APPOSITION_CONJUNCTIONS,
    CLAUSE_CONJUNCTIONS,
    CLAUSE_OPENERS,
    DETERMINERS,
    GROUP_QUANTIFIERS,
    INDEFINITE_ARTICLES,
    NOT_MODIFIERS,
    POST_MODIFIER_LINKS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
)
from provenance.extraction.lexicon.layout import HEADING_WORDS
from provenance.extraction.lexicon.people import (
    AFFILIATION_LINKS,
    ANONYMOUS_HEADS,
    GROUP_HEADS,
    GROUP_LINKS,
    HONORIFICS,
    NAME_ABBREVIATIONS,
    NAME_CONNECTORS,
    NAMING_PARTICIPLES,
    ORG_HEADS,
    OUTLET_HEADS,
    SOURCE_QUALIFIERS,
    STATION_WORDS,
    TITLE_ARTICLES,
    TITLES,
)
from provenance.extraction.lexicon.time import (
    DATE_WORDS,
    DEICTIC_DAYS,
    ORDINAL_SUFFIXES,
    TIME_PHRASE_OPENERS,
    TIME_PHRASE_WORDS,
    WEEKDAYS,
)
from provenance.extraction.memo import per_document
from provenance.extraction.text import Span, Word, is_capitalized, word_start

MAX_PHRASE = 16
"""Most words a speaker phrase may have (keeps every scan bounded)."""


class Phrase(NamedTuple):
    """A noun phrase that names (or refers to) a speaker."""

    text: str
    start: int
    end: int
    kind: str
    """``person``, ``organization``, ``group`` or ``pronoun``."""
    role: str | None = None
    """A description given beside the name (``the museum's director``)."""


# Unions of lexicon lists, made once: a union written inside a function is rebuilt on
# every call, and these are asked about for nearly every word.
_ABBREVIATED = HONORIFICS | NAME_ABBREVIATIONS
_OUTLET_OR_ORG_HEADS = OUTLET_HEADS | ORG_HEADS
_HEAD_NOUNS = TITLES | ORG_HEADS | GROUP_HEADS | DOCUMENT_HEADS
"""Words that head a description (a title, an organisation, a group, a document)."""
_NAME_LINKS = NAME_CONNECTORS | DETERMINERS | {"and"}
_ARTICLES_OF_TITLES = TITLE_ARTICLES | {"the"}
_NOT_NAME_OPENERS = TITLES | CLAUSE_OPENERS | DETERMINERS


def _low(word: Word) -> str:
    """The word in lower case, without a possessive ending."""
    return _folded(word.text)


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    low = text.lower()
    for suffix in ("’s", "'s", "’", "'"):
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            return low[: -len(suffix)]
    return low


def is_head(word: Word) -> bool:
    """Whether ``word`` can head a speaker phrase (a title, organisation or group noun)."""
    low = _low(word)
    return low in TITLES or low in ORG_HEADS or low in GROUP_HEADS or low in DOCUMENT_HEADS


def is_possessive(word: Word) -> bool:
    """Whether ``word`` is a possessive (``Chile’s``, ``the unions’``)."""
    return word.text.endswith(("’s", "'s", "’", "'")) and len(word.text) > 2


def _accept_left(words: list[Word], i: int, taken: list[Word]) -> bool:
    """Whether words[i] extends, to the left, the phrase ``taken`` (rightmost last)."""
    word = words[i]
    low = _low(word)
    if word.text == "." and i > 0 and words[i - 1].text.lower() in _ABBREVIATED:
        return True
    if word.text == "." and i > 0 and _initial(words[i - 1]) and taken:
        # "Edwin J. Tarrow", "the U.N. refugee agency"
        return is_capitalized(taken[0].text) or len(words[i - 1].text) > 1
    if word.text == "&":
        # "Birch & Lowe": an ampersand joins the parts of one name
        return bool(taken) and is_capitalized(taken[0].text) and _capital_before(words, i)
    if not word.text[0].isalnum():
        return False
    if name_particle(word) and i > 0 and is_capitalized(words[i - 1].text):
        return True  # "Tarek Omid al-Vashi said"
    if (
        word.text.isdigit()
        and taken
        and is_capitalized(taken[0].text)
        and _capital_before(words, i)
    ):
        return True  # "Section 217 Watch"
    if (
        word.text.isdigit()
        and len(word.text) <= 2
        and not taken
        and _capital_before(words, i)
        and (words[i - 1].text.isupper() or _low(words[i - 1]) in STATION_WORDS)
    ):
        return True  # "..., Channel 9 reported": a station's number ends its name
    if is_capitalized(word.text):
        if (
            low.endswith("ing")
            and not (taken and is_capitalized(taken[0].text))
            and not _capital_before(words, i)
        ):
            return False  # "Appearing before the committee, ..." (but "Jo Redding")
        return low not in CLAUSE_OPENERS or (low in DETERMINERS and bool(taken))
    if is_head(word):
        return True
    if is_possessive(word) and word.text.islower() and taken and _low(taken[0]) in TITLES:
        return True  # "the train's guard", "the club's coach"
    if low in NAME_CONNECTORS:
        return bool(taken) and i > 0 and _content_word(words[i - 1])
    if low in DETERMINERS:
        return bool(taken)
    if low == "and":
        if taken and is_capitalized(taken[0].text) and _capital_before(words, i):
            # "Water and Energy Development Authority": capitalised parts of one name
            return org_head(taken[-1]) and is_capitalized(taken[-1].text)
        return bool(taken) and _low(taken[0]) not in DETERMINERS and _adjective(words[i - 1])
    if taken and _modifier(word) and is_head(taken[-1]) and len(taken) <= 2:
        return True  # "central bank", "civil defence institute"
    if taken and _modifier(word) and _low(taken[0]) in TITLES and _low(taken[0]) not in DETERMINERS:
        return _lower_run(taken) < 2  # "chief medical officer Jo Roe"
    if low in CLAUSE_OPENERS:
        return False  # "what astronomers call ..."
    return bool(taken) and _head_is_group(taken) and (_adjective(word) or len(taken) == 1)


_DOTTED = re.compile(r"[A-Z](?:\.[A-Z])*")


_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z][\w’'-]*")


def name_particle(word: Word) -> bool:
    """A surname with a lower-case particle: ``al-Vashi``, ``el-Amin``, ``bin-Laden``."""
    return bool(_PARTICLE.fullmatch(word.text))


def _initial(word: Word | None) -> bool:
    """A capital letter before its period: a middle initial, or the last letter of a
    dotted abbreviation (``U.S.``, ``U.N.``)."""
    return word is not None and len(word.text) <= 5 and bool(_DOTTED.fullmatch(word.text))


def _title_article(taken: list[Word]) -> bool:
    """Whether the phrase opens with a capitalised foreign article before a name."""
    return (
        len(taken) > 1
        and _low(taken[0]) in TITLE_ARTICLES
        and is_capitalized(taken[0].text)
        and is_capitalized(taken[1].text)
    )


def _modifier(word: Word) -> bool:
    """A lower-case word that may modify a head noun (``central`` in ``central bank``)."""
    low = word.text.lower()
    return (
        low.isalpha()
        and low not in NOT_MODIFIERS
        and low not in NAME_CONNECTORS
        and low not in CLAUSE_OPENERS
        and not low.endswith(("ed", "ly"))
    )


def is_modifier(word: Word) -> bool:
    """A lower-case word that may describe a head (``outgoing`` in ``the outgoing CM``)."""
    return _modifier(word)


def _capital_before(words: list[Word], i: int) -> bool:
    """Whether the word before words[i] is a capitalised word that may end a name part."""
    if i == 0:
        return False
    before = words[i - 1]
    return (
        is_capitalized(before.text)
        and _low(before) not in CLAUSE_OPENERS
        and _low(before) not in DETERMINERS
    )


def org_head(word: Word) -> bool:
    """An organisation head noun, singular or plural (``Societies``, ``Services``)."""
    low = _low(word)
    if low in ORG_HEADS:
        return True
    if low.endswith("ies") and low[:-3] + "y" in ORG_HEADS:
        return True
    return low.endswith("s") and low[:-1] in ORG_HEADS


def _lower_run(taken: list[Word]) -> int:
    """How many lower-case non-title words open the phrase taken so far."""
    n = 0
    for word in taken:
        if not word.text.islower() or _low(word) in TITLES:
            break
        n += 1
    return n


def _content_word(word: Word) -> bool:
    low = _low(word)
    if low in DETERMINERS:
        return False
    return is_capitalized(word.text) or low in TITLES or low in ORG_HEADS or low in GROUP_HEADS


def _adjective(word: Word) -> bool:
    low = _low(word)
    return (low.endswith(ADJECTIVE_ENDINGS) and low not in CLAUSE_OPENERS) or low[:1].isupper()


def _head_is_group(taken: list[Word]) -> bool:
    return _low(taken[-1]) in GROUP_HEADS


def phrase_before(words: list[Word], end: int, lo: int = 0, nested: bool = False) -> Phrase | None:
    """The noun phrase that ends just before ``words[end]`` (exclusive), e.g. a cue's subject.

    Auxiliaries and adverbs (``has also``), a short time phrase (``on Thursday``) and one
    comma-enclosed parenthesis (``, on the other hand,``) between it and ``end`` are skipped.
    """
    i = _skip_left(words, end - 1, lo)
    if i < lo:
        return None
    if words[i].text == ",":
        opening = _parenthesis_start(words, i, lo)
        if opening is None:
            return None
        inner = _named_as(words, opening + 1, i) or phrase_after(words, opening + 1, i)
        outer = phrase_before(words, opening, lo, nested) if opening > lo else None
        whole_inner = inner is not None and inner.end == words[i - 1].end
        if whole_inner and inner is not None and (outer is None or not _named(outer, words)):
            return inner._replace(role=outer.text if outer else None)
        if (
            whole_inner
            and inner is not None
            and outer is not None
            and _titled_name(inner, outer, words)
        ):
            return inner._replace(role=outer.text)  # "the head of the X Association, Jo Roe,"
        if (
            whole_inner
            and inner is not None
            and outer is not None
            and (inner.kind == "person" or _title_led(_words_of(inner, words), inner.kind))
            and outer.kind == "person"
            and person_name(_words_of(outer, words))
        ):
            # "Jo Roe, an analyst,", "Jo Roe, a spokeswoman for the Foreign Office,"
            return outer._replace(role=outer.role or inner.text)
        named = None if nested else _named_before_description(words, outer, lo)
        if named is not None:
            return named  # "Jo Roe, the head of X, the country's largest Y, said"
        if outer is not None and words[opening + 1].text.lower() == "who":
            outer = outer._replace(kind="person" if outer.kind == "organization" else outer.kind)
        if outer is not None and inner is not None and not whole_inner:
            return outer._replace(role=words_text(words, opening + 1, i))
        return outer
    qualified = None if nested else _qualified_source_before(words, i, lo)
    if qualified is not None:
        return qualified
    low = _low(words[i])
    if low in PRONOUNS and (
        i == lo or not words[i - 1].text[0].isalnum() or _clause_start(words, i)
    ):
        return Phrase(words[i].text, words[i].start, words[i].end, "pronoun")
    taken: list[Word] = []
    j = i
    while j >= lo and i - j < MAX_PHRASE and _accept_left(words, j, list(reversed(taken))):
        taken.append(words[j])
        low = _low(words[j])
        if low in DETERMINERS and not (j > lo and _low(words[j - 1]) in NAME_CONNECTORS):
            break
        j -= 1
    taken.reverse()
    while taken and (_low(taken[0]) in NAME_CONNECTORS or _low(taken[0]) == "and"):
        if _title_article(taken):
            break  # "Le Figaro said": the article is part of the title
        taken.pop(0)
    titled = _quoted_title(words, j, lo, taken)
    if titled is not None:
        return titled
    if not _head_is_group_phrase(taken):
        first = _group_before(words, i, lo)
        if first is not None:
            own = words[first : i + 1]
            return Phrase(join_words(own), own[0].start, own[-1].end, "group")
    made = _make(taken)
    if nested:
        return made
    return _coordinated(words, i - len(taken) + 1, lo, made) or made


_CONJUNCT_OPENERS = frozenset({",", ";", ":", ".", "—", "–", "--"})


def _coordinated(words: list[Word], first: int, lo: int, right: Phrase | None) -> Phrase | None:
    """Two speakers joined by ``and`` at the head of a clause (``Roe and Bale welcomed``,
    ``Roe and two fellow councillors called for``) speak together, as one group."""
    if right is None or right.kind == "pronoun" or first - 1 <= lo:
        return None
    if words[first - 1].text.lower() != "and":
        return None
    left = phrase_before(words, first - 1, lo, nested=True)
    if left is None or left.kind == "pronoun" or left.end != words[first - 2].end:
        return None
    start = next(n for n in range(first - 2, lo - 1, -1) if words[n].start == left.start)
    if start > lo and words[start - 1].text not in _CONJUNCT_OPENERS:
        return None  # "after meeting Roe and Bale said": the left one is an object
    if not (_named(left, words) or left.kind == "group"):
        return None
    own = words[start:first] + [w for w in words[first:] if w.end <= right.end]
    return Phrase(join_words(own), left.start, right.end, "group")


_QUOTE_MARKS = frozenset("\"“”‘’'")
_MAX_TITLE = 6


def _quoted_title(words: list[Word], j: int, lo: int, taken: list[Word]) -> Phrase | None:
    """A quoted title before an outlet noun: ``the "Daily Ledger" newspaper`` is the
    Daily Ledger, with the noun kept as its role."""
    if not taken or _low(taken[-1]) not in _OUTLET_OR_ORG_HEADS or j < lo + 2:
        return None
    if words[j].text not in _QUOTE_MARKS or any(is_capitalized(w.text) for w in taken):
        return None
    k = j - 1
    while k > lo and j - k <= _MAX_TITLE and words[k].text not in _QUOTE_MARKS:
        if not is_capitalized(words[k].text) and _low(words[k]) not in NAME_CONNECTORS:
            return None
        k -= 1
    if words[k].text not in _QUOTE_MARKS or k + 1 >= j:
        return None
    title = words[k + 1 : j]
    return Phrase(join_words(title), title[0].start, taken[-1].end, "organization", taken[-1].text)


def _head_is_group_phrase(taken: list[Word]) -> bool:
    return bool(taken) and any(_low(w) in GROUP_HEADS for w in taken)


def _group_before(words: list[Word], k: int, lo: int) -> int | None:
    """Where a group noun with its place starts when the place ends at words[k]
    (``owners along Mill Road``, ``parents from the Westfield neighborhood``)."""
    for p in range(k, max(lo, k - 6), -1):
        low = _low(words[p])
        if low in GROUP_LINKS and p - 1 >= lo and _low(words[p - 1]) in GROUP_HEADS:
            if p == k or _low(words[p - 1]) in ANONYMOUS_HEADS:
                return None
            group = phrase_before(words, p, lo)
            if group is None or group.kind != "group":
                return None
            return next(n for n in range(p - 1, lo - 1, -1) if words[n].start == group.start)
        plain = is_capitalized(words[p].text) or _modifier(words[p]) or low in DETERMINERS
        if not (words[p].text[0].isalnum() and plain):
            return None
    return None


def _named_before_description(
    words: list[Word], description: Phrase | None, lo: int
) -> Phrase | None:
    """The person a title-led description in a chain of appositions describes: ``Jo Roe,
    the head of X, the country's largest Y,`` (read one level deep)."""
    if description is None:
        return None
    own = _words_of(description, words)
    first = next((n for n in range(lo, len(words)) if words[n].start == description.start), None)
    if first is None or first - 1 <= lo or words[first - 1].text != ",":
        return None
    if not _title_led(own, description.kind) or person_name(own):
        return None  # "On Rajpur Road, party president Jo Roe, who ..., said": Jo Roe
    named = phrase_before(words, first - 1, lo, nested=True)
    if named is None or named.kind != "person" or not person_name(_words_of(named, words)):
        return None
    return named._replace(role=named.role or description.text)


def _titled_name(inner: Phrase, outer: Phrase, words: list[Word]) -> bool:
    """Whether ``outer`` describes the person ``inner`` names: a lower-case title opens it
    (``the head of the Farmers Association``, ``a spokesman for X``)."""
    own = [w for w in _words_of(outer, words) if _low(w) not in DETERMINERS]
    if not own or not own[0].text.islower() or _low(own[0]) not in TITLES:
        return False
    return inner.kind == "person" and bool(person_name(_words_of(inner, words)))


def _named_as(words: list[Word], start: int, end: int) -> Phrase | None:
    """The name in an apposition ``a man called Jo Doe`` / ``a woman named Jo Doe``."""
    if end - start < 4 or _low(words[start]) not in INDEFINITE_ARTICLES:
        return None
    for k in range(start + 1, min(end - 1, start + 4)):
        if _low(words[k]) in NAMING_PARTICIPLES and is_capitalized(words[k + 1].text):
            name = phrase_after(words, k + 1, end)
            return name._replace(kind="person") if name is not None else None
    return None


def _named(phrase: Phrase, words: list[Word]) -> bool:
    """Whether a phrase names someone rather than describing them."""
    taken = [w for w in words if phrase.start <= w.start and w.end <= phrase.end]
    if person_name(taken):
        return True
    return phrase.kind != "person" and any(
        is_capitalized(w.text)
        and not is_possessive(w)
        and _low(w) not in DETERMINERS
        and _low(w) not in TITLES
        for w in taken
    )


def _words_of(phrase: Phrase, words: list[Word]) -> list[Word]:
    return [w for w in words if phrase.start <= w.start and w.end <= phrase.end]


def words_text(words: list[Word], start: int, end: int) -> str:
    """The words ``words[start:end]`` as one string."""
    return join_words(words[start:end])


def _clause_start(words: list[Word], i: int) -> bool:
    return _low(words[i - 1]) in CLAUSE_CONJUNCTIONS


def _skip_left(words: list[Word], i: int, lo: int) -> int:
    """Step left over auxiliaries, adverbs and a short time phrase."""
    floor = max(lo, i - MAX_PHRASE)
    while i >= floor:
        low = _low(words[i])
        if low in AUXILIARIES or _adverb(words[i]):
            i -= 1
            continue
        if words[i].text == ")":
            k = i - 1
            while k >= lo and i - k < 8 and words[k].text != "(":
                k -= 1
            if k >= lo and words[k].text == "(":
                i = k - 1  # "The Geophysical Institute of Peru (IGP) said"
                continue
        back = _time_phrase_start(words, i, lo)
        if back is not None:
            i = back - 1
            continue
        return i
    return i


def _adverb(word: Word) -> bool:
    low = word.text.lower()
    return word.text.islower() and low.endswith("ly") and len(low) > 4 and low not in _HEAD_NOUNS


def _time_phrase_start(words: list[Word], i: int, lo: int) -> int | None:
    """Start of a time phrase ending at words[i] (``on Thursday evening``, ``on November 1``)."""
    low = _low(words[i])
    if low in DEICTIC_DAYS:
        return i
    if low == ",":
        return None  # "X, speaking in Y on Friday, said": the comma closes a parenthesis
    j = i
    while (
        j >= lo
        and i - j < 4
        and (
            _low(words[j]) in DATE_WORDS
            or words[j].text.isdigit()
            or _low(words[j]) in ORDINAL_SUFFIXES
            or _low(words[j]) == ","
        )
    ):
        j -= 1
    if j == i or j < lo:
        return None
    if _low(words[j]) in TIME_PHRASE_OPENERS:
        return j
    if _low(words[i]) in WEEKDAYS:
        return j + 1
    return None


def _parenthesis_start(words: list[Word], close: int, lo: int) -> int | None:
    """Index of the comma opening a parenthesis that ``words[close]`` (a comma) ends."""
    j = close - 1
    while j >= lo and close - j <= 25:
        if words[j].text == ",":
            return j
        if words[j].text in '.;:!?"“”':
            return None
        j -= 1
    return None


def phrase_after(
    words: list[Word], start: int, hi: int | None = None, nested: bool = False
) -> Phrase | None:
    """The noun phrase that starts at ``words[start]`` (``according to X``, ``by X``);
    ``nested`` (a phrase inside another) reads it without looking further right."""
    stop = len(words) if hi is None else min(hi, len(words))
    if start >= stop:
        return None
    low = _low(words[start])
    if low in PRONOUNS:
        return Phrase(words[start].text, words[start].start, words[start].end, "pronoun")
    taken: list[Word] = []
    j = start
    while j < stop and j - start < MAX_PHRASE:
        verdict = _accept_right(words, j, taken, stop)
        if verdict is None:
            break
        taken.append(words[j])
        j += 1
    while taken and (_low(taken[-1]) in _NAME_LINKS):
        taken.pop()
    made = _make(taken)
    if nested:
        return made
    if made is not None and made.kind == "group":
        qualified = _source_qualifier(words, start + len(taken), stop)
        if qualified is not None:
            own = words[start:qualified]
            return Phrase(join_words(own), own[0].start, own[-1].end, "group")
    after_dateline = _dateline_end(words, taken, start + len(taken), stop)
    if after_dateline is not None:
        return phrase_after(words, after_dateline, stop, nested=True)  # "BAMAKO (Reuters) --"
    if made is not None and _low(taken[-1]) in DOCUMENT_HEADS and made.kind != "group":
        return _author(words, start + len(taken), stop) or made
    return _appositive_name(words, start + len(taken), stop, made) or made


_MAX_QUALIFIER = 6
_QUALIFIER_FIRST = frozenset(first for first, _link in SOURCE_QUALIFIERS)


def _source_qualifier(words: list[Word], j: int, stop: int) -> int | None:
    """Where a source's qualifier that starts at words[j] ends (exclusive)."""
    if j + 2 >= stop or (_low(words[j]), _low(words[j + 1])) not in SOURCE_QUALIFIERS:
        return None
    k = j + 2
    if _low(words[j + 1]) == "knowledge" and k < stop and _low(words[k]) == "of":
        k += 1
    first = k
    while k < stop and k - first < _MAX_QUALIFIER and _qualifier_word(words[k]):
        k += 1
    return k if k > first else None


def _qualifier_word(word: Word) -> bool:
    """Whether a word may qualify a source (``familiar with``); the core's reporting verbs
    end a qualifier (speakers are read without an outlet's own cues)."""
    low = _low(word)
    if not word.text[0].isalnum() or low in AUXILIARIES or low in NOT_MODIFIERS - DETERMINERS:
        return False
    return not CORE_CUES.lemma_classes(low)[1] and low not in CLAUSE_OPENERS - DETERMINERS


def _qualified_source_before(words: list[Word], i: int, lo: int) -> Phrase | None:
    """``people familiar with the matter`` ending at words[i]."""
    if not words[i].text.isalpha():
        return None
    for k in range(i - 1, max(lo, i - _MAX_QUALIFIER - 2), -1):
        if words[k].text not in _QUALIFIER_FIRST:
            continue
        if (_low(words[k]), _low(words[k + 1])) not in SOURCE_QUALIFIERS:
            continue
        if _source_qualifier(words, k, i + 1) != i + 1 or k <= lo:
            return None
        source = phrase_before(words, k, lo, nested=True)
        if source is None or source.kind != "group" or source.end != words[k - 1].end:
            return None
        return Phrase(
            f"{source.text} {words_text(words, k, i + 1)}", source.start, words[i].end, "group"
        )
    return None


DASHES = frozenset({"-", "--", "—", "–"})


def _dateline_end(words: list[Word], taken: list[Word], j: int, stop: int) -> int | None:
    """Where the story starts when ``taken`` is a dateline's place, not a speaker:
    ``PORT ASTER (Reuters) --``, ``Eastmere (AP) —``, ``NEW ASTER -``."""
    if not taken or j >= stop:
        return None
    k = j
    if words[k].text == "(":
        close = next((n for n in range(k + 1, min(stop, k + 6)) if words[n].text == ")"), None)
        if close is None:
            return None
        k = close + 1
    elif not all(w.text.isupper() for w in taken):
        return None
    if k >= stop or words[k].text not in DASHES:
        return None
    while k < stop and words[k].text in DASHES:
        k += 1
    return k if k < stop else None


def _title_led(own: list[Word], kind: str) -> bool:
    """A description of a person: a title in it (``presidential spokesman``), and, for
    one that names an organisation, a lower-case title first (``the head of X``)."""
    if kind == "person":
        return any(_low(w) in TITLES for w in own)
    content = [w for w in own if _low(w) not in DETERMINERS]
    return bool(content) and content[0].text.islower() and _low(content[0]) in TITLES


def _closes_apposition(word: Word) -> bool:
    """What may follow the name in ``spokesman, Jo Roe, said`` / ``lawyer, Jo Roe said``."""
    return word.text in ",.;" or (word.text.islower() and _low(word) not in APPOSITION_CONJUNCTIONS)


def _author(words: list[Word], j: int, stop: int) -> Phrase | None:
    """Who issued a document: ``a statement by X``, ``a report published Thursday by X``,
    ``a study released alongside the summit by X``, ``a letter from X`` (but not ``a
    statement read by X``: the reader is not the author)."""
    if j < stop and _low(words[j]) in AUTHOR_LINKS:
        return _named_author(words, j + 1, stop)
    if j >= stop or _low(words[j]) not in ISSUING_VERBS:
        return None
    k = j + 1
    limit = min(stop, j + 6)
    while k < limit and _low(words[k]) != "by":
        if not words[k].text.isalnum() and not _time_word(words[k]):
            return None  # "a report published on Monday, alongside the summit, by X"
        k += 1
    return _named_author(words, k + 1, stop) if k < limit else None


def _named_author(words: list[Word], j: int, stop: int) -> Phrase | None:
    """The author phrase at words[j], with a name in apposition to its title (``by
    presidential spokesman, Jo Roe,``); a date is no author."""
    if j >= stop or _time_word(words[j]):
        return None
    author = phrase_after(words, j, stop, nested=True)
    if author is None:
        return None
    end = j
    while end < stop and words[end].end <= author.end:
        end += 1
    return _appositive_name(words, end, stop, author) or author


def _time_word(word: Word) -> bool:
    low = _low(word)
    return low in DATE_WORDS or low in TIME_PHRASE_WORDS or word.text.isdigit() or word.text == ","


def _appositive_name(words: list[Word], j: int, stop: int, made: Phrase | None) -> Phrase | None:
    """The name after a bare description in apposition: ``presidential spokesman, Jo Roe,``
    is Jo Roe, with the description as the role."""
    if made is None or made.kind not in ("person", "organization") or j + 1 >= stop:
        return None
    first = bisect_left(words, made.start, hi=j, key=word_start)
    own = [w for w in words[first:j] if w.end <= made.end]
    if words[j].text != "," or person_name(own) or not _title_led(own, made.kind):
        return None
    name = phrase_after(words, j + 1, stop, nested=True)
    if name is None or name.kind != "person":
        return None
    name_words = [w for w in words[j + 1 : stop] if w.end <= name.end]
    close = j + 1 + len(name_words)
    if not person_name(name_words) or (close < stop and not _closes_apposition(words[close])):
        return None
    return name._replace(role=made.text)


def _accept_right(words: list[Word], j: int, taken: list[Word], stop: int) -> bool | None:
    """True when words[j] extends, to the right, the phrase ``taken``; None to stop."""
    word = words[j]
    low = _low(word)
    last = _low(taken[-1]) if taken else ""
    if not taken and low in DETERMINERS:
        return True
    if word.text == "." and (last in _ABBREVIATED or _initial(taken[-1] if taken else None)):
        return True  # "Dr. Jo Roe", "Edwin J. Tarrow", "Acme Inc."
    if not word.text[0].isalnum():
        return None
    if name_particle(word) and taken and is_capitalized(taken[-1].text):
        return True  # "Tarek Omid al-Vashi"
    if (
        word.text.isdigit()
        and taken
        and is_capitalized(taken[-1].text)
        and j + 1 < stop
        and is_capitalized(words[j + 1].text)
    ):
        return True  # "Section 217 Watch"
    if is_capitalized(word.text):
        if not taken and _sentence_adverb(words, j, stop):
            return None  # "Completely, we agree": an adverb opening the sentence
        return None if low in CLAUSE_OPENERS and low not in DETERMINERS else True
    if is_head(word):
        return True
    if low in NAME_CONNECTORS:
        return True if taken and j + 1 < stop and _after_connector(words[j + 1]) else None
    if low == "the":
        return True if last in NAME_CONNECTORS else None
    if (last in DETERMINERS or last == "and") and _adjective(word):
        return True
    if low == "and" and taken and _adjective(taken[-1]) and j + 1 < stop:
        return True
    if (
        _modifier(word)
        and _head_ahead(words, j + 1, stop)
        and not person_name(taken)
        and not _verb_after_name(taken, word)
    ):
        return True  # "the city council", "the news agency Nordpress" (not "Jo Roe met bankers")
    return None


def _sentence_adverb(words: list[Word], j: int, stop: int) -> bool:
    """A capitalised ``-ly`` word not followed by a capitalised one (``Sadly``, not the
    first name in ``Holly Banner``)."""
    low = _low(words[j])
    if not low.endswith("ly") or len(low) < 5:
        return False
    return j + 1 >= stop or not is_capitalized(words[j + 1].text)


def _verb_after_name(taken: list[Word], word: Word) -> bool:
    """``Westland urges donors``: after a name, a lower-case ``-s`` word before a noun
    is the verb of the sentence, not a modifier."""
    return (
        bool(taken)
        and _low(taken[0]) not in DETERMINERS  # "the Russian news agency X" is one phrase
        and is_capitalized(taken[-1].text)
        and _low(taken[-1]) not in DETERMINERS
        and word.text.endswith("s")
        and not word.text.endswith("ss")
    )


def _head_ahead(words: list[Word], j: int, stop: int) -> bool:
    """Whether a head noun follows within two words (``central bank``)."""
    for k in range(j, min(j + 2, stop)):
        if is_head(words[k]):
            return True
        if not _modifier(words[k]):
            return False
    return False


def _after_connector(word: Word) -> bool:
    low = _low(word)
    return is_capitalized(word.text) or low == "the" or low in TITLES or low in ORG_HEADS


def _make(taken: list[Word]) -> Phrase | None:
    return _made(tuple(taken))


@per_document
def _made(words: tuple[Word, ...]) -> Phrase | None:
    taken = list(words)
    if not taken or not any(_content_word(w) or _low(w) in DOCUMENT_HEADS for w in taken):
        return None
    if all(_low(w) in DETERMINERS or _low(w) in NAME_CONNECTORS for w in taken):
        return None
    if all(_time_word(w) or _low(w) in DETERMINERS for w in taken):
        return None  # "Tuesday", "last March": a date is never a speaker
    return Phrase(join_words(taken), taken[0].start, taken[-1].end, classify(taken))


def join_words(taken: list[Word]) -> str:
    """The words joined by single spaces, with a period kept on its abbreviation."""
    parts: list[str] = []
    for word in taken:
        if word.text == "." and parts:
            parts[-1] += "."
        else:
            parts.append(word.text)
    return " ".join(parts)


def _employed(taken: list[Word]) -> bool:
    """Whether the organisation in a phrase is only the possessor of its title."""
    owners = [w for w in taken if _low(w) in ORG_HEADS]
    return bool(owners) and all(is_possessive(w) for w in owners) and not person_name(taken)


def classify(taken: list[Word]) -> str:
    """``person``, ``organization`` or ``group`` for the words of a phrase."""
    lows = [_low(w) for w in taken]
    head = lows[-1]
    inner = next((lows[k - 1] for k in range(1, len(lows)) if lows[k] in POST_MODIFIER_LINKS), head)
    if (
        head in GROUP_HEADS
        or inner in GROUP_HEADS
        or (head in DOCUMENT_HEADS and head.endswith("s"))
    ):
        return "group"
    if any(low in ANONYMOUS_HEADS for low in lows) and not person_name(taken):
        return "group"
    if head in TITLES and _employed(taken):
        return "person"  # "the organisation's director": a person the body employs
    if lows[0] in TITLE_ARTICLES and is_capitalized(taken[0].text) and len(taken) > 1:
        return "organization"  # "Le Figaro", "Der Spiegel": a publication's title
    if person_name(taken):
        return "person"
    if any(low in ORG_HEADS for low in lows) or head in DOCUMENT_HEADS:
        return "organization"
    if any(low in GROUP_HEADS for low in lows):
        return "group"  # "two locals Westlanders"
    if any(low in TITLES for low in lows):
        return "person"
    if any(w.text == "&" for w in taken):
        return "organization"  # "Birch & Lowe"
    if lows[0] == "the" or any(w.text.isdigit() for w in taken):
        return "organization"  # "The Westland Times", "Section 217 Watch": no one's name
    capitals = [w for w in taken if is_capitalized(w.text) and _low(w) not in DETERMINERS]
    if len(capitals) >= 2 and not is_possessive(taken[-1]) and name_shaped(capitals):
        return "person"
    return "organization"


def heading_word(word: str) -> bool:
    """Whether a capitalised word is a common noun of the kind that labels a row or heading."""
    low = word.lower()
    return low in HEADING_WORDS or (low.endswith(ABSTRACT_NOUN_ENDINGS) and low not in ORG_HEADS)


def name_shaped(taken: list[Word]) -> bool:
    """Whether capitalised words can be a personal name: no row-label noun, no word
    repeated, and no hyphenated compound of capitalised parts before the surname
    (``Westland-Eastland Relations Westland`` is a table row, not a person)."""
    texts = [w.text for w in taken]
    if len({t.lower() for t in texts}) < len(texts) or any(heading_word(t) for t in texts):
        return False
    if any(t.lower().endswith(("n't", "n’t")) for t in texts):
        return False  # "Mayor Won't Reopen Pier": a headline's verb, not a name
    return not any("-" in t and t.split("-")[-1][:1].isupper() for t in texts[:-1])


def person_name(taken: list[Word]) -> list[Word]:
    """The personal name in a phrase: after any title (``Deputy Minister Jane Doe``) or
    before an affiliation (``Jane Doe of the Ocean Institute``)."""
    return list(_person_name(tuple(taken)))


@per_document
def _person_name(words: tuple[Word, ...]) -> tuple[Word, ...]:
    return tuple(_name_in(list(words)))


def _name_in(taken: list[Word]) -> list[Word]:
    for k, word in enumerate(taken):
        if k and _low(word) in AFFILIATION_LINKS:
            head = _trailing_name(taken[:k])
            lead = k - len(head) - 1
            if head and lead >= 0 and _low(taken[lead]) in TITLES and len(head) >= 2:
                return head  # "Budget analyst Jo Roe of Westland Budget Watch"
            break
    run = _trailing_name(taken)
    if run:
        return run
    for k, word in enumerate(taken):
        if k and _low(word) in AFFILIATION_LINKS:
            return _trailing_name(taken[:k])
    return []


def _trailing_name(taken: list[Word]) -> list[Word]:
    run: list[Word] = []
    for word in reversed(taken):
        low = _low(word)
        if word.text == ".":
            continue
        if name_particle(word):
            run.append(word)  # "Tarek Omid al-Vashi"
            continue
        if (
            not is_capitalized(word.text)
            or low in TITLES
            or org_head(word)
            or low in DETERMINERS
            or low in CLAUSE_OPENERS
            or is_possessive(word)
            or "-" in word.text
        ):
            break
        run.append(word)
    run.reverse()
    labels = [k for k, word in enumerate(run) if heading_word(word.text)]
    if labels:
        run = run[labels[-1] + 1 :]  # "Trade Relations Jon Velde": a row label, then a name
    if not run or not name_shaped(run):
        return []
    before = taken[: len(taken) - len([w for w in taken if w.start >= run[0].start])]
    titled = bool(before) and (
        _low(before[-1]) in TITLES or _low(before[-1]) in NAME_CONNECTORS or _low(before[-1]) == "."
    )
    if before and _low(before[-1]) in NAME_CONNECTORS and len(run) >= 3:
        run = run[1:]  # "President of Westland Jon Velde": the first word is the place
    elif before and _low(before[-1]) in NAME_CONNECTORS:
        return []
    if before and (_low(before[-1]) in ORG_HEADS or _low(before[-1]) in DETERMINERS):
        return []  # "the Foreign Ministry", "the United Nations": not a personal name
    if (
        titled
        or len(run) >= 2
        or (before and (_low(before[-1]) in HONORIFICS or _low(before[-1]) == "."))
    ):
        return [w for w in taken if run[0].start <= w.start <= run[-1].start]  # "Jo K. Roe"
    return []


def _is_title_only(text: str) -> bool:
    return not any(is_capitalized(w) and w.lower() not in TITLES for w in text.split()[1:])


def _low_possessive_stem(text: str) -> str:
    """``Transport's`` -> ``Transport``; ``unions’`` -> ``unions``."""
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def canonical(phrase: Phrase, words: list[Word]) -> tuple[str, str | None]:
    """The phrase's canonical name and the role it states, if any.

    ``"Peru's Interior Ministry spokesman Ana Ruiz Vega"`` gives
    ``("Ana Ruiz Vega", "Peru's Interior Ministry spokesman")``.
    """
    taken = [w for w in words if w.start >= phrase.start and w.end <= phrase.end]
    text = phrase.text
    if len(taken) > 1 and (_low(taken[-1]) in RELATIVE_PRONOUNS or is_possessive(taken[-1])):
        # "a regular commuter who", "the Department of Transport's"
        last = taken[-1].text
        trimmed = "" if _low(taken[-1]) in RELATIVE_PRONOUNS else _low_possessive_stem(last)
        taken = taken[:-1] + ([Word(trimmed, taken[-1].start, taken[-1].end)] if trimmed else [])
        text = join_words(taken)
    name = person_name(taken) if phrase.kind == "person" else []
    if name:
        role_words = [w for w in taken if w.end <= name[0].start]
        while role_words and _low(role_words[0]) in DETERMINERS:
            role_words.pop(0)
        role = join_words(role_words) or None
        if role and role.lower().rstrip(".") in HONORIFICS:
            role = None
        return join_words(name), role
    described = _described_name(taken) if phrase.kind == "organization" else None
    if described is not None:
        return described
    first = text.split(" ", 1)
    if len(first) == 2 and (
        first[0].lower() == "the"
        or (first[0].lower() in GROUP_QUANTIFIERS and phrase.kind == "group")
    ):
        text = first[1]
    role = text if phrase.kind == "person" else None
    return text, role


def _described_name(taken: list[Word]) -> tuple[str, str] | None:
    """An organisation's name and what the phrase says it is: ``the Corvane business
    daily`` (name, then an outlet noun) or ``debt collection agency Velmar Ltd`` (a
    description ending in a head noun, then the name)."""
    own = taken[1:] if taken and _low(taken[0]) == "the" else taken
    if not own:
        return None
    split = next((k for k, w in enumerate(own) if not is_capitalized(w.text)), len(own))
    names, described = own[:split], own[split:]
    if names and described and _low(own[-1]) in OUTLET_HEADS:
        if all(w.text.islower() for w in described):
            return join_words(names), join_words(described)
        return None
    last_lower = max((k for k, w in enumerate(own) if w.text.islower()), default=None)
    if last_lower is None or last_lower == len(own) - 1 or not is_head(own[last_lower]):
        return None
    name = own[last_lower + 1 :]
    if _low(own[last_lower]) in NAME_CONNECTORS or any(is_possessive(w) for w in name):
        return None
    return join_words(name), join_words(own[: last_lower + 1])


def span_of(phrase: Phrase) -> Span:
    """Offsets of a phrase."""
    return Span(phrase.start, phrase.end)


_NAME_RUN = re.compile(r"[A-Z][\w’'-]+(?:\s(?:[A-Z]\.|[A-Z][\w’'-]+)){1,4}")


def name_registry(text: str) -> list[tuple[int, str]]:
    """Every personal name of two or more words in ``text`` with its offset, in order.

    A surname or first name alone later resolves to the latest such name holding it,
    whether or not that fuller mention was a speaker.
    """
    found = []
    for match in _NAME_RUN.finditer(text):
        parts = match.group().split()
        if parts[0].lower() in _ARTICLES_OF_TITLES and parts[1].lower() not in TITLES:
            continue  # "Le Figaro", "The Morning Ledger": a title, not a person
        if text[max(0, match.start() - 3) : match.start()] == "of " and len(parts) >= 3:
            parts.pop(0)  # "President of Westland Jon Velde"
        while parts and parts[0].lower().strip(".") in _NOT_NAME_OPENERS:
            parts.pop(0)
        lows = {p.lower() for p in parts}
        if len(parts) < 2 or not lows.isdisjoint(_HEAD_NOUNS):
            continue
        if not name_shaped([Word(p, 0, 0) for p in parts]):
            continue
        if any(p.endswith(("’s", "'s")) for p in parts[:-1]):
            continue
        found.append(
            (match.start(), " ".join(p.removesuffix("’s").removesuffix("'s") for p in parts))
        )
    return found
