"""Extraction quality stays where it was measured: floors against regressions.

Four gold sets, none of them held out (extraction rules have been written looking at all):

* the seeds (`seeds/`), with their gold vendored in `tests/seeds_gold.json` (a copy of the
  shared `gold/seeds.json`), so these tests never skip on a clean clone;
* the shared development corpus (`../shared/corpus`: 48 real articles with gold), beside the
  clone in CI; skipped, with the reason, only where it is absent;
* `tests/corpus` and `tests/dev_corpus`: articles written for the tests in other house
  styles (15 and 8), tuned on.

Each floor is a module constant a little below the figure measured when it was set; raise
it when the extraction gets better, never lower it to make a change pass.
"""

from pathlib import Path

import msgspec
import pytest

from provenance import evaluation
from provenance.domain import RawDocument
from provenance.extraction.pipeline import extract
from tests.conftest import ROOT, SEEDS

SEEDS_GOLD = ROOT / "tests" / "seeds_gold.json"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS = ROOT / "tests" / "corpus"
DEV_CORPUS = ROOT / "tests" / "dev_corpus"

SEEDS_STATEMENT_F1 = 0.95
SEEDS_SPEAKER = 0.95
SEEDS_CHAIN = 0.95
SEEDS_KIND = 0.95

# The targets for real news, met on the shared corpus with room to spare
# (measured: F1 0.963, speaker 0.99, chain 0.98, channel 0.93, kind 1.00; fields 46-48 of 48).
SHARED_STATEMENT_F1 = 0.93
SHARED_SPEAKER = 0.95
SHARED_CHAIN = 0.93
SHARED_CHANNEL = 0.88
SHARED_KIND = 0.97
SHARED_FIELDS_RIGHT = 0.95
"""Share of documents whose title, authors, dateline and date must be right."""

CORPUS_STATEMENT_F1 = 0.87
CORPUS_KIND = 0.95
DEV_CORPUS_STATEMENT_F1 = 0.92


def report(gold_path: Path, docs: Path, plugins) -> evaluation.Report:
    gold = evaluation.load_gold(gold_path)
    predictions = {}
    for document in gold.documents:
        found = extract(RawDocument(text=(docs / document.file).read_text("utf-8")), plugins)
        predictions[document.file] = {"file": document.file, **msgspec.to_builtins(found)}
    return evaluation.score(gold, predictions)


def test_the_vendored_seed_gold_annotates_the_seeds():
    gold = evaluation.load_gold(SEEDS_GOLD)
    assert sorted(doc.file for doc in gold.documents) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for doc in gold.documents:
        body = (SEEDS / doc.file).read_text("utf-8")
        assert all(statement.text in body for statement in doc.statements), doc.file


def test_the_vendored_seed_gold_is_the_shared_one():
    shared = ROOT.parent / "shared" / "gold" / "seeds.json"
    if not shared.exists():
        pytest.skip(f"the shared gold is not beside this clone (looked for {shared})")
    assert SEEDS_GOLD.read_bytes() == shared.read_bytes(), "copy the shared seeds.json again"


@pytest.fixture(scope="module")
def seeds_report(plugins) -> evaluation.Report:
    return report(SEEDS_GOLD, SEEDS, plugins)


@pytest.fixture(scope="module")
def shared_report(plugins) -> evaluation.Report:
    if not (SHARED_CORPUS / "gold.json").exists():
        pytest.skip(f"the shared corpus is not beside this clone (looked in {SHARED_CORPUS})")
    return report(SHARED_CORPUS / "gold.json", SHARED_CORPUS / "docs", plugins)


def test_seeds_meet_the_floors(seeds_report):
    overall = seeds_report.overall
    assert overall.f1() >= SEEDS_STATEMENT_F1
    assert overall.accuracy("speaker") >= SEEDS_SPEAKER
    assert overall.accuracy("chain") >= SEEDS_CHAIN
    assert overall.accuracy("kind") >= SEEDS_KIND


def test_seed_documents_are_parsed_right(seeds_report):
    scored = seeds_report
    totals = scored.field_totals()
    for field in ("title", "authors", "dateline", "body_clean"):
        assert totals[field] == len(scored.documents), field


def test_the_shared_corpus_meets_the_floors(shared_report):
    overall = shared_report.overall
    assert overall.f1() >= SHARED_STATEMENT_F1
    assert overall.accuracy("speaker") >= SHARED_SPEAKER
    assert overall.accuracy("chain") >= SHARED_CHAIN
    assert overall.accuracy("channel") >= SHARED_CHANNEL
    assert overall.accuracy("kind") >= SHARED_KIND


def test_the_shared_corpus_pages_are_parsed_right(shared_report):
    scored = shared_report
    totals, documents = scored.field_totals(), len(scored.documents)
    for field in ("title", "authors", "dateline", "published"):
        assert totals[field] >= SHARED_FIELDS_RIGHT * documents, field
    assert totals["body_clean"] == documents


def test_our_corpus_in_other_house_styles(plugins):
    overall = report(CORPUS / "gold.json", CORPUS / "docs", plugins).overall
    assert overall.f1() >= CORPUS_STATEMENT_F1
    assert overall.accuracy("kind") >= CORPUS_KIND


def test_the_dev_corpus(plugins):
    scored = report(DEV_CORPUS / "gold.json", DEV_CORPUS / "docs", plugins)
    assert scored.overall.f1() >= DEV_CORPUS_STATEMENT_F1
    totals = scored.field_totals()
    for field in ("title", "authors", "dateline", "body_clean"):
        assert totals[field] == len(scored.documents), field
