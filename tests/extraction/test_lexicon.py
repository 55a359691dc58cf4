"""The lexicon: every word list well-formed, and the cues in force passed, never global."""

import importlib
import pkgutil
import re
import threading
from collections import Counter

import pytest

import provenance.extraction.lexicon as lexicon
from provenance.domain import ParsedDocument
from provenance.extraction.attribution import attribute
from provenance.extraction.cues import CORE_CUES, lexicon_for
from provenance.extraction.lexicon import cues

MODULES = [
    importlib.import_module(f"{lexicon.__name__}.{info.name}")
    for info in pkgutil.iter_modules(lexicon.__path__)
]


def _word_lists() -> list[tuple[str, frozenset[str] | tuple[str, ...]]]:
    """Every public list of plain words (sets, and tuples of strings) in the lexicon."""
    found = []
    for module in MODULES:
        for name, value in vars(module).items():
            if not name.isupper() or name.endswith("_PATTERNS"):
                continue
            if (
                isinstance(value, (frozenset, tuple))
                and value
                and all(isinstance(word, str) for word in value)
            ):
                found.append((f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value))
    return found


WORD_LISTS = _word_lists()

PATTERNS = [
    (f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value)
    for module in MODULES
    for name, value in vars(module).items()
    if name.isupper() and isinstance(value, str)
]

WORD_MAPS = [
    (f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value)
    for module in MODULES
    for name, value in vars(module).items()
    if name.isupper()
    and isinstance(value, dict)
    and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
]


def _pattern(entry: str) -> bool:
    """Whether a list entry is a regular expression (kept in the case it matches)."""
    return any(mark in entry for mark in "\\()[]?|*+{")


@pytest.mark.parametrize(("name", "words"), WORD_LISTS, ids=[name for name, _ in WORD_LISTS])
def test_word_lists_are_folded_and_without_repeats(name: str, words):
    if isinstance(words, frozenset) or not any(_pattern(word) for word in words):
        assert all(word == word.strip().lower() and word for word in words), name
    assert len(set(words)) == len(words), [w for w, n in Counter(words).items() if n > 1]


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_patterns_compile(name: str, pattern: str):
    re.compile(pattern)


@pytest.mark.parametrize(("name", "words"), WORD_MAPS, ids=[name for name, _ in WORD_MAPS])
def test_word_maps_are_folded(name: str, words: dict[str, str]):
    assert all(word == word.strip().lower() and word for word in words), name


def test_every_cue_class_is_known_and_every_lemma_listed_once():
    lemmas = [lemma for lemma, _ in cues.CUE_TABLE]
    assert len(set(lemmas)) == len(lemmas)
    for lemma, names in cues.CUE_TABLE:
        assert set(names.split()) <= cues.CUE_CLASSES, lemma
        assert lemma == lemma.lower()
    for phrase, heads, _, names in cues.CUE_PHRASES:
        assert names <= cues.CUE_CLASSES, phrase
        assert heads == heads.lower()


def test_tracing_verb_groups_are_disjoint():
    groups = [cues.DENIAL_VERBS, cues.CLAIM_VERBS, cues.NON_ASSERTIVE_VERBS]
    every = [verb for group in groups for verb in group]
    assert len(set(every)) == len(every)


def test_denials_that_are_cues_point_at_what_they_deny():
    table = dict(cues.CUE_TABLE)
    for verb in cues.DENIAL_VERBS:
        if verb in table:
            assert "pointing" in table[verb].split(), verb


def test_core_cues_know_the_core_and_no_extras():
    assert CORE_CUES.lemma_classes("said")[0] == "say"
    assert not CORE_CUES.lemma_classes("opined")[1]
    assert lexicon_for(None) is CORE_CUES
    assert lexicon_for({"opine": ("that",)}).lemma_classes("opined")[1] == {"that"}


def test_an_extra_cue_reaches_only_its_own_extraction_across_threads():
    """Two extractions with different house cues, interleaved in threads, each see
    their own cues only (nothing is kept in global or context state)."""
    body = (
        "The harbour master opined that the pier would hold. The mayor surmised that it would not."
    )
    houses = {"opine": {"opine": ("that",)}, "surmise": {"surmise": ("that",)}}
    start = threading.Barrier(len(houses) * 4)
    seen: dict[str, list[set[str]]] = {name: [] for name in houses}

    def run(name: str) -> None:
        start.wait()
        for _ in range(5):
            found = attribute(ParsedDocument(body=body), houses[name])
            seen[name].append({s.cue for s in found.statements})

    threads = [threading.Thread(target=run, args=(name,)) for name in houses for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(cues_seen == {"opined"} for cues_seen in seen["opine"])
    assert all(cues_seen == {"surmised"} for cues_seen in seen["surmise"])
    assert {s.cue for s in attribute(ParsedDocument(body=body)).statements} == set()


def test_lists_meant_to_be_disjoint_are():
    from provenance.extraction.lexicon import layout, time

    assert not set(time.WEEKDAYS) & time.MONTHS
    assert not time.MONTHS & time.DAY_PARTS
    assert not layout.QUESTION_LABELS & layout.ANSWER_LABELS


def test_lists_built_from_others_contain_them():
    from provenance.extraction.lexicon import channels, people

    named = {channel for channel, _ in channels.CHANNEL_PHRASES}
    assert set(channels.NOUN_CHANNELS.values()) <= named
    assert named >= channels.SCENES
    assert people.HONORIFICS <= people.TITLES
    assert people.DESCRIPTIONS <= people.TITLES
    assert people.ANONYMOUS_HEADS <= people.GROUP_HEADS
    assert named >= channels.RELAYING_DOCUMENTS
    assert named >= channels.TRANSCRIPT_CHANNELS


def test_narrower_lists_are_inside_the_wider_ones():
    from provenance.extraction.lexicon import documents, function

    assert documents.ISSUER_LINKS <= documents.ISSUER_LEADS
    assert function.PRESENT_PERFECT_AUXILIARIES <= function.PERFECT_AUXILIARIES
