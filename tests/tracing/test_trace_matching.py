"""Quote matching on its own: folding, shingles, similarity, denial words."""

import pytest

from provenance.tracing.matching import (
    K,
    QueryTooShort,
    denial_kind,
    full_shingles,
    prefix_range,
    query_words,
    shingles,
    similarity,
    words,
)


def test_words_fold_case_accents_quotes_dashes_and_thousands():
    assert words("“Erdoğan’s — 1,275 HOSTAGES…”") == ["erdogan's", "1275", "hostages"]
    assert words("Agdam's side") == words("Agdam’s  side")


def test_one_shingle_per_word_and_full_ones_first():
    tokens = words("they have gathered Pakistani soldiers")
    assert len(shingles(tokens)) == len(tokens)
    assert full_shingles(tokens) == shingles(tokens)[: len(tokens) - K + 1]
    assert all(0 <= key < 2**63 for key in shingles(tokens))
    assert full_shingles(tokens[: K - 1]) == []


def test_a_fragment_shorter_than_a_shingle_is_a_range_over_the_index():
    tokens = words("they have gathered Pakistani soldiers")
    for start in range(len(tokens)):
        for size in range(1, K):
            if start + size <= len(tokens):
                low, high = prefix_range(tokens[start : start + size])
                assert low <= shingles(tokens)[start] <= high


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("irresponsible, speculative and baseless", "Irresponsible, speculative, and baseless."),
        (
            "they have gathered Pakistani soldiers and have taken them",
            "they gathered Pakistani soldiers and have taken them",
        ),
        (
            "irresponsible, speculative and baseless",
            "such reports were irresponsible, speculative and baseless",
        ),
    ],
)
def test_exact_edited_and_contained_words_match(a, b):
    assert similarity(words(a), words(b)) >= 90


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("irresponsible, speculative and baseless", "responsible and speculative investment"),
        ("baseless", "the claims were baseless and false"),  # too short to be contained
        ("we support Azerbaijan", "we support Armenia"),
    ],
)
def test_different_words_do_not_match(a, b):
    assert similarity(words(a), words(b)) == 0


def test_a_query_needs_four_letters_or_digits():
    assert query_words("Khan") == ["khan"]
    for query in ("", "  ", "ab", "!!!", "a b"):
        with pytest.raises(QueryTooShort):
            query_words(query)


def test_denials_are_verdicts_or_denial_cues():
    assert denial_kind(words("such reports were baseless"), "said") == (True, False)
    assert denial_kind(words("its army is fighting"), "denied") == (False, True)
    assert denial_kind(words("we stand with Azerbaijan"), "said") == (False, False)
    assert denial_kind(words("we stand with Azerbaijan"), None) == (False, False)
