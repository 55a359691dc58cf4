"""Extraction's work is bounded: linear in time and memory whatever the text, a bounded
number of rows per document, a time budget the core honours, titles of a line."""

import time
import tracemalloc

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from provenance.domain import ExtractedDocument, ParsedDocument, RawDocument
from provenance.extraction import assembly, attribution
from provenance.extraction.attribution import attribute
from provenance.extraction.limits import (
    CORE,
    MAX_SENTENCE,
    MAX_TITLE,
    MAX_VIA,
    Budget,
    capped_via,
)
from provenance.extraction.pipeline import extract
from provenance.extraction.text import Span, sentences
from provenance.plugins import Plugins
from tests.extraction.adversarial import CONTENT, SHAPES, hostile_document
from tests.extraction.conftest import run

SMALL = 10_000
LARGE = 1_000_000
_FLAT = 3.0
"""How much more a kilobyte may cost at 1 MB than at 10 kB: linear work is near 1, the
quadratic work this guards against was 100 and more."""
_LARGE_PEAK = 200_000_000
"""Bytes of memory extraction may hold at 1 MB of input."""

_CONTENTS = st.lists(
    st.sampled_from(["rain", "the", "port", "will", "close", "prices", "rose", "valley", "said"]),
    min_size=1,
    max_size=8,
).map(" ".join)


def _extract(text: str, plugins: Plugins, timeout: float) -> ExtractedDocument:
    return extract(RawDocument(text=text), plugins, timeout=timeout)


def _seconds(text: str, plugins: Plugins) -> float:
    """CPU seconds of extracting ``text`` with no time limit."""
    started = time.process_time()
    _extract(text, plugins, timeout=3600)
    return time.process_time() - started


def _peak(body: str) -> int:
    """Peak bytes allocated while attributing ``body`` with no time limit."""
    tracemalloc.start()
    try:
        attribute(ParsedDocument(body=body))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@settings(max_examples=1, deadline=None)
@given(shape=st.sampled_from(sorted(SHAPES)), content=_CONTENTS)
@example(shape="relay chain", content=CONTENT)
def test_time_per_kb_stays_flat_to_a_megabyte(plugins, shape: str, content: str):
    small = min(_seconds(hostile_document(shape, SMALL, content), plugins) for _ in range(3))
    large = _seconds(hostile_document(shape, LARGE, content), plugins)
    growth = (large / LARGE) / (small / SMALL)
    assert growth < _FLAT, f"{shape}: a kB costs {growth:.1f}x more at 1 MB than at 10 kB"


def test_memory_per_kb_stays_flat_to_a_megabyte():
    """On the relay chain that once grew a server to 24 GB (attribution alone: memory
    tracing slows every allocation, and layout is a few linear scans)."""
    small = _peak(SHAPES["relay chain"](SMALL, CONTENT))
    large = _peak(SHAPES["relay chain"](LARGE, CONTENT))
    assert large < _LARGE_PEAK, f"{large / 1e6:.0f} MB at 1 MB"
    assert (large / LARGE) / (small / SMALL) < _FLAT


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_rows_per_document_are_bounded(monkeypatch, shape: str):
    monkeypatch.setattr(attribution, "MAX_STATEMENTS", 40)
    monkeypatch.setattr(assembly, "MAX_STATEMENTS", 40)
    failures = []
    found = attribute(ParsedDocument(body=SHAPES[shape](60_000, CONTENT)), failures=failures)
    assert len(found.statements) <= 40
    assert all(len(s.via) <= MAX_VIA for s in found.statements)
    if len(found.statements) == 40:
        assert [f.plugin for f in failures] == [CORE]
        assert "40 statements" in failures[0].error


def test_a_relay_chain_keeps_at_most_max_via_intermediaries():
    found = attribute(ParsedDocument(body=SHAPES["relay chain"](3_000, CONTENT) + "."))
    depths = [len(s.via) for s in found.statements]
    assert max(depths) == MAX_VIA


def test_a_capped_chain_keeps_the_nearest_and_the_outermost():
    assert capped_via(list(range(10))) == [*range(MAX_VIA - 1), 9]
    assert capped_via([1, 2]) == [1, 2]


_STORY = "Mayor Jo Roe said on Monday that the port would reopen.\n\n" * 2_000


def test_a_spent_budget_cuts_the_core_short_and_says_where():
    failures = []
    found = attribute(ParsedDocument(body=_STORY), timeout=0, failures=failures)
    assert found.statements == []
    assert [f.plugin for f in failures] == [CORE]
    assert "0 s budget ran out at character 0 of" in failures[0].error


class _RunsOutAfterTwentyChecks(Budget):
    """A budget that runs out after it has been asked twenty times, whatever the clock."""

    def __init__(self, seconds: float | None) -> None:
        super().__init__(seconds)
        self.checks = 0

    def spent(self) -> bool:
        self.checks += 1
        return self.checks > 20


def test_a_budget_that_runs_out_keeps_what_was_found_before(monkeypatch):
    monkeypatch.setattr(attribution, "Budget", _RunsOutAfterTwentyChecks)
    failures = []
    found = attribute(ParsedDocument(body=_STORY), timeout=1, failures=failures)
    assert [f.plugin for f in failures] == [CORE]
    stopped_at = int(failures[0].error.split("at character ")[1].split()[0])
    assert 0 < stopped_at < len(_STORY)
    assert 0 < len(found.statements) < 20
    assert all(s.end <= stopped_at for s in found.statements)


def test_the_pipeline_gives_the_core_its_extract_timeout(plugins):
    document = _extract("Port news today\n\n" + _STORY * 5, plugins, timeout=0.5)
    assert any(f.plugin == CORE and "cut short" in f.error for f in document.failures)
    assert document.body == (_STORY * 5).strip()  # the document is whole


def test_without_a_limit_nothing_is_cut_short():
    failures = []
    found = attribute(ParsedDocument(body=_STORY[:5_000]), failures=failures)
    assert failures == []
    assert found.statements


def test_a_long_run_without_a_sentence_end_is_read_in_pieces_between_words():
    text = "rain fell " * 1_000
    pieces = sentences(text, Span(0, len(text)))
    assert all(p.end - p.start <= MAX_SENTENCE for p in pieces)
    assert " ".join(text[p.start : p.end] for p in pieces).split() == text.split()


def test_a_megabyte_single_line_post_is_body_not_title(plugins):
    line = "Rain fell on the valley today and people said so. " * 20_000
    document = _extract(line, plugins, timeout=0.5)
    assert document.title == ""
    assert document.body == line.strip()


def test_a_first_line_longer_than_a_title_stays_body(plugins):
    first = ("Rain fell on the valley " * 20)[: MAX_TITLE + 20].strip()
    document = run(f"{first}\n\nThe mayor said the river was rising fast.", plugins)
    assert document.title == ""
    assert document.body.startswith(first)


def test_a_headline_within_the_limit_is_the_title(plugins):
    document = run("Rain keeps falling on the valley\n\nThe mayor said it rose.", plugins)
    assert document.title == "Rain keeps falling on the valley"
