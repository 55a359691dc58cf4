"""Reporting cues: the verbs and phrases by which English news attributes speech.

A cue is found as written (``"has also expressed"`` is found as ``"expressed"``; the
auxiliaries are picked up by the caller). The words, and the classes that say what may
follow each, are in :mod:`provenance.extraction.lexicon.cues`.
"""

import re
import threading
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from provenance.extraction.lexicon.cues import (
    CUE_CLASSES,
    CUE_PHRASES,
    CUE_TABLE,
    verb_forms,
)
from provenance.extraction.text import INDEXED_LENGTH


class Cue(NamedTuple):
    """One cue found in a text."""

    text: str
    """The cue as written, e.g. ``"called for"``."""
    lemma: str
    start: int
    end: int
    classes: frozenset[str] = frozenset()
    """What may follow the cue, by the lexicon that found it (see
    :mod:`provenance.extraction.lexicon.cues`)."""

    @property
    def participle(self) -> bool:
        """Whether the cue is an -ing form (``saying``), which takes its subject from the clause."""
        return self.text.split()[0].lower().endswith("ing")


class Lexicon(NamedTuple):
    """The cues in force: every inflected form by lemma and class, the pattern that finds
    them and the first words of phrases, and the phrases by their first word.

    The core's is :data:`CORE_CUES`; :func:`lexicon_for` adds an outlet's own verbs. The
    attribution reader holds one and hands it to every function that looks cues up.
    """

    table: dict[str, tuple[str, frozenset[str]]]
    pattern: re.Pattern[str]
    phrases: dict[str, tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]]
    whole_words: bool = False
    """Whether every word the pattern finds is a whole run of word characters (no house
    cue such as ``co-sign``): then a body's cues can be found once and sliced."""

    def lemma_classes(self, cue_text: str) -> tuple[str, frozenset[str]]:
        """The lemma and classes of a cue as written (no classes: not a cue)."""
        folded = " ".join(cue_text.lower().split())
        if folded in self.table:
            return self.table[folded]
        if " " in folded:  # every phrase has more than one word
            for lemma, pattern, names in _PHRASE_PATTERNS:
                if pattern.fullmatch(folded):
                    return lemma, names
        return folded, frozenset()

    def find_cues(self, text: str, start: int, end: int) -> list[Cue]:
        """Every reporting cue in ``text[start:end]``, left to right: a phrase where one
        starts (``called for``), else the single word (``called``)."""
        cues = []
        for match in _cue_words(self, text, start, end):
            word = match.group().lower()
            cue = _phrase_at(text, match.start(), end, self.phrases.get(word, ()))
            if cue is not None:
                cues.append(cue._replace(classes=self.lemma_classes(cue.text)[1]))
            elif word in self.table:
                lemma, classes = self.table[word]
                cues.append(Cue(match.group(), lemma, match.start(), match.end(), classes))
        return cues


_recent = threading.local()
"""Per thread, the last long text searched for cues, with the cue words found in it."""


def _cue_words(
    lexicon: Lexicon, text: str, start: int, end: int
) -> Sequence[re.Match[str]] | Iterator[re.Match[str]]:
    """The matches of a lexicon's pattern in ``text[start:end]``, left to right.

    When each match is a whole run of word characters, the matches within a stretch whose
    ends cut no word are those of the whole text: a long text (a body, asked about
    sentence by sentence) is searched once and the stretches sliced from that.
    """
    pattern = lexicon.pattern
    if (
        not lexicon.whole_words
        or len(text) < INDEXED_LENGTH
        or _cuts_word(text, start)
        or _cuts_word(text, end)
    ):
        return pattern.finditer(text, start, end)
    found = getattr(_recent, "found", None)
    if found is None or found[0] is not text or found[1] is not pattern:
        matches = list(pattern.finditer(text))
        found = _recent.found = (text, pattern, matches, [m.start() for m in matches])
    _, _, matches, starts = found
    return matches[bisect_left(starts, start) : bisect_left(starts, end)]


def _cuts_word(text: str, offset: int) -> bool:
    """Whether ``offset`` falls between two word characters (``\\w``: alphanumeric or _)."""
    if offset <= 0 or offset >= len(text):
        return False
    before, after = text[offset - 1], text[offset]
    return (before.isalnum() or before == "_") and (after.isalnum() or after == "_")


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for ``words`` that shares their common prefixes, so a
    position is tried letter by letter rather than word by word (longest first)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, dict]) -> str:
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def _build(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    classes: dict[str, set[str]] = {}
    for lemma, names in CUE_TABLE:
        classes.setdefault(lemma, set()).update(names.split())
    for lemma, names in extra:
        unknown = set(names) - CUE_CLASSES
        if unknown or not lemma.strip() or not names:
            raise ValueError(f"cue {lemma!r}: classes must be some of {sorted(CUE_CLASSES)}")
        classes.setdefault(lemma.lower().strip(), set()).update(names)
    table: dict[str, tuple[str, frozenset[str]]] = {}
    for lemma, names in classes.items():
        for form in verb_forms(lemma):
            table[form] = (lemma, frozenset(names))
    phrases: dict[str, list[tuple[str, re.Pattern[str], frozenset[str]]]] = {}
    for lemma, heads, pattern, names in CUE_PHRASES:
        compiled = re.compile(rf"{pattern}\b", re.IGNORECASE)
        for head in heads.split():
            phrases.setdefault(head, []).append((lemma, compiled, names))
    words = set(table) | set(phrases)
    pattern = re.compile(rf"\b{_trie_pattern(words)}\b", re.IGNORECASE)
    whole_words = all(_WORD_RUN.fullmatch(word) for word in words)
    heads = {head: tuple(found) for head, found in phrases.items()}
    return Lexicon(table, pattern, heads, whole_words)


_WORD_RUN = re.compile(r"\w+")


_PHRASE_PATTERNS = tuple(
    (lemma, re.compile(pattern, re.IGNORECASE), names) for lemma, _, pattern, names in CUE_PHRASES
)


#: The core's cues.
CORE_CUES = _build()


def lexicon_for(extra: Mapping[str, Sequence[str]] | None) -> Lexicon:
    """The core's cues plus ``extra`` (lemma -> classes, as an outlet's house style adds
    them: ``{"aver": ["clause", "after"]}``). Raises ValueError for an unknown class."""
    if not extra:
        return CORE_CUES
    key = tuple(sorted((lemma, tuple(sorted(names))) for lemma, names in extra.items()))
    return _with_extra(key)


@lru_cache(maxsize=64)
def _with_extra(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    return _build(extra)


def _phrase_at(
    text: str, pos: int, end: int, phrases: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]
) -> Cue | None:
    longest = None
    for lemma, pattern, _ in phrases:
        found = pattern.match(text, pos, end)
        if found and (longest is None or found.end() > longest.end):
            longest = Cue(found.group(), lemma, found.start(), found.end())
    return longest


def has_class(cue: Cue, name: str) -> bool:
    """Whether ``cue`` belongs to the class ``name`` (see :mod:`.lexicon.cues`)."""
    return name in cue.classes
