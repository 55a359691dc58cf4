"""Quote matching: text folded into words, words into indexed shingles, candidates verified.

The method, its cost and its thresholds are described in ``docs/tracing.md``.
"""

import re
import zlib
from collections.abc import Sequence

from rapidfuzz import fuzz

from provenance.extraction.lexicon.cues import (
    CLAIM_VERBS,
    DENIAL_VERBS,
    NON_ASSERTIVE_NOUNS,
    NON_ASSERTIVE_VERBS,
    REPORT_NOUNS,
    VERDICT_WORDS,
    verb_forms,
)
from provenance.names import fold_name

#: Words per shingle.
K = 4
#: Bits of each word's hash inside a shingle: K * WORD_BITS = 60 bits, a non-negative BIGINT.
WORD_BITS = 15
#: fuzz.ratio (0-100) from which two texts are the same words with small edits.
NEAR_IDENTICAL = 90.0
#: fuzz.partial_ratio (0-100) from which a shorter text is contained in a longer one.
CONTAINED = 90.0

_WORD_MASK = (1 << WORD_BITS) - 1
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")


def words(text: str) -> list[str]:
    """``text`` as folded words: case, accents, quotes, dashes and punctuation off.

    >>> words("“Ferries will run on Sundays…” — 2,340 passengers")
    ['ferries', 'will', 'run', 'on', 'sundays', '2340', 'passengers']
    """
    return fold_name(_THOUSANDS.sub("", text)).split()


def _word_hash(word: str) -> int:
    """15 bits of a word; 0 is kept for the padding after a statement's last word."""
    return (zlib.crc32(word.encode()) & _WORD_MASK) or 1


def _pack(hashes: Sequence[int]) -> int:
    value = 0
    for position in range(K):
        value = (value << WORD_BITS) | (hashes[position] if position < len(hashes) else 0)
    return value


def shingles(tokens: Sequence[str]) -> list[int]:
    """One shingle per word: the K words from there, packed, padded with 0 past the end.

    The first ``len(tokens) - K + 1`` are the full shingles; the rest (the last ``K - 1``
    words, or all of a statement shorter than K) are prefixes, found by :func:`prefix_range`.
    """
    hashes = [_word_hash(word) for word in tokens]
    return [_pack(hashes[i : i + K]) for i in range(len(hashes))]


def full_shingles(tokens: Sequence[str]) -> list[int]:
    """The shingles of K whole words (none when there are fewer than K words)."""
    return shingles(tokens)[: max(len(tokens) - K + 1, 0)]


def prefix_range(tokens: Sequence[str]) -> tuple[int, int]:
    """The shingles (inclusive bounds) that start with ``tokens`` (fewer than K words)."""
    low = _pack([_word_hash(word) for word in tokens[:K]])
    return low, low | ((1 << (WORD_BITS * (K - min(len(tokens), K)))) - 1)


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How far two folded texts carry the same words (0-100).

    Near-identical texts score their ``fuzz.ratio``; a text of at least K words found
    inside a longer one scores its ``fuzz.partial_ratio`` (aligned on word boundaries).
    Below :data:`NEAR_IDENTICAL` / :data:`CONTAINED` the answer is 0.
    """
    left, right = " ".join(a), " ".join(b)
    ratio = fuzz.ratio(left, right, score_cutoff=NEAR_IDENTICAL)
    if ratio:
        return ratio
    shorter, longer = (a, right) if len(left) <= len(right) else (b, left)
    if len(shorter) < K:
        return 0.0
    return fuzz.partial_ratio(f" {' '.join(shorter)} ", f" {longer} ", score_cutoff=CONTAINED)


def _cue_words(verbs: Sequence[str]) -> frozenset[str]:
    """Every form of ``verbs``, as :func:`words` folds them."""
    return frozenset(form for verb in verbs for form in verb_forms(verb))


#: Cue words that make a statement a denial ("denied", "refuted").
DENIAL_CUES = _cue_words(DENIAL_VERBS)
#: Cue words of speech acts that assert nothing a verdict could deny ("calls for a halt",
#: "thanked", "expressed concern"): a verdict never links to them.
NON_ASSERTIVE_CUES = _cue_words(NON_ASSERTIVE_VERBS) | NON_ASSERTIVE_NOUNS
#: Cue words of statements that put a claim into the world ("claimed", "reports from").
CLAIM_CUES = _cue_words(CLAIM_VERBS)


def points_at_reports(lead_in: str, text: str) -> bool:
    """Whether a verdict's own sentence says it judges reports or claims."""
    return not REPORT_NOUNS.isdisjoint(words(lead_in)) or not REPORT_NOUNS.isdisjoint(words(text))


def claim_like(cue: str | None) -> bool:
    """Whether a statement's cue reports a claim (what a verdict on "the reports" judges)."""
    return not CLAIM_CUES.isdisjoint(words(cue or ""))


def asserts(cue: str | None) -> bool:
    """Whether a statement with this cue asserts something (not a call, thanks or a question)."""
    return NON_ASSERTIVE_CUES.isdisjoint(words(cue or ""))


def denial_kind(tokens: Sequence[str], cue: str | None) -> tuple[bool, bool]:
    """(is a verdict such as "baseless", has a denial cue such as "denied")."""
    verdict = not VERDICT_WORDS.isdisjoint(tokens)
    denies = bool(cue) and not DENIAL_CUES.isdisjoint(words(cue or ""))
    return verdict, denies


#: Letters and digits a trace query needs (after folding), so it is not a stop word alone.
MIN_QUERY_CHARS = 4


class QueryTooShort(ValueError):
    """A trace query with too few letters or digits to match anything meaningfully."""


def query_words(query: str) -> list[str]:
    """The folded words of a trace query; :class:`QueryTooShort` when it is too short."""
    tokens = words(query)
    if sum(len(word) for word in tokens) < MIN_QUERY_CHARS:
        raise QueryTooShort(
            f"the query needs at least {MIN_QUERY_CHARS} letters or digits, got {query!r}"
        )
    return tokens
