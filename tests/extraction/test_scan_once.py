"""What is found once per body and sliced finds what a search of each stretch finds."""

import re
from pathlib import Path

import pytest

from provenance.extraction import channels, dates, reported, scenes
from provenance.extraction.cues import CORE_CUES, lexicon_for
from provenance.extraction.found import Page
from provenance.extraction.text import any_of, at_word_starts, paragraphs, sentences, words

ROOT = Path(__file__).resolve().parents[2]
BODIES = [
    path.read_text("utf-8")
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus" / "docs")
    for path in sorted(folder.glob("*.txt"))
]
TRICKY = (
    "So-called reports-that said_it; un-said.\nTold Reuters, tells AFP, told\n"
    "in an interview with the BBC on 3 May, said, according to the paper: “We said so.”\n"
)


@pytest.mark.parametrize(
    "compiled",
    [
        *(pattern for _, pattern in channels._CHANNELS),
        channels._ANY_CHANNEL,
        channels._TOLD_OUTLET,
        channels._SAID_ACCORDING,
        dates._SAID_ON,
        reported._REPORTS_OF,
        reported._REPORTS_THAT,
        reported._ANY_NOMINAL,
        scenes._OWN_RELEASE,
    ],
)
def test_patterns_tried_at_word_starts_find_what_the_plain_pattern_finds(
    compiled: re.Pattern[str],
) -> None:
    source = compiled.pattern.removeprefix(r"(?<!\w)(?=\w)(?:").removesuffix(")")
    assert compiled.pattern == at_word_starts(source, compiled.flags).pattern
    plain = re.compile(source, compiled.flags)
    for text in [*BODIES, TRICKY]:
        assert [m.span() for m in compiled.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def _stretches(body: str) -> list[tuple[int, int]]:
    """Every sentence, and stretches whose ends fall inside words and between them."""
    found = [(s.start, s.end) for para in paragraphs(body) for s in sentences(body, para)]
    ws = words(body)
    found += [(ws[k].start, ws[k + 7].end) for k in range(0, len(ws) - 8, 5)]
    found += [(ws[k].start + 1, ws[k + 4].end - 1) for k in range(0, len(ws) - 5, 3)]
    return found


@pytest.mark.parametrize("extra", [None, {"aver": ["clause", "after"]}, {"co-sign": ["clause"]}])
def test_cues_of_a_body_found_once_are_those_of_each_stretch(
    extra: dict[str, list[str]] | None,
) -> None:
    lexicon = lexicon_for(extra)
    searched_alone = lexicon._replace(whole_words=False)
    for body in [*BODIES, TRICKY * 40]:
        for start, end in _stretches(body):
            assert lexicon.find_cues(body, start, end) == searched_alone.find_cues(body, start, end)


def test_only_a_lexicon_of_whole_words_is_sliced() -> None:
    assert CORE_CUES.whole_words
    assert not lexicon_for({"co-sign": ["clause"]}).whole_words


def test_a_page_splits_each_paragraph_once() -> None:
    body = BODIES[0]
    page = Page(body, paragraphs(body), None)
    for para in page.paras:
        assert page.sentences(para) == sentences(body, para)
        assert page.sentences(para) is page.sentences(para)


_RELAY_PATTERNS = (
    channels._INTERVIEW_WITH,
    channels._RELAY_BY,
    channels._SAID_ACCORDING,
    channels._TOLD,
    channels._TOLD_OUTLET,
    channels._QUOTED,
    channels._REPORTED_LAST,
    channels.CITING,
)


def test_one_search_for_every_relay_pattern_finds_where_one_of_them_does() -> None:
    tricky = TRICKY + "He quoted AFP, citing a source. It was reported. TOLD the BBC.\n"
    for body in [*BODIES, tricky * 3]:
        for start, end in _stretches(body):
            any_one = any(p.search(body, start, end) for p in _RELAY_PATTERNS)
            assert (channels._ANY_RELAY.search(body, start, end) is not None) == any_one


def test_a_union_keeps_each_patterns_case_rule() -> None:
    union = any_of(re.compile("told"), re.compile("cited", re.IGNORECASE))
    assert union.search("CITED") and union.search("told") and not union.search("TOLD")
    with pytest.raises(ValueError, match="case flag"):
        any_of(re.compile("^told", re.MULTILINE))
