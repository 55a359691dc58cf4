"""A plugin that raises, hangs or returns rubbish loses no document and stops no service."""

import threading
import time

import msgspec
import pytest
from litestar.testing import TestClient

from provenance.app import create_app
from provenance.domain import ParsedDocument, RawDocument
from provenance.extraction.pipeline import UnknownExtractor, extract
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl
from provenance.isolation import PluginFailure, call_in_thread
from provenance.plugins import load_plugins, plugins_of
from provenance.service import ProvenanceService
from tests.conftest import AUTH, SEEDS

TEXT = 'Harbour deal\n\n"We have a deal," said port director Lena Berg.\n'


def extractor_plugin(extractor: Extractor) -> object:
    class Plugin:
        @hookimpl
        def register_extractors(self, register):
            register(extractor)

    return Plugin()


class Claiming(Extractor):
    """Claims everything with high confidence, then misbehaves in ``parse``."""

    def __init__(self, name: str, parse, claim: float = 0.9) -> None:
        self.name = name  # type: ignore[misc]
        self.formats = (name, "good")  # type: ignore[misc]
        self._parse = parse
        self._claim = claim

    def claim(self, document: RawDocument) -> float:
        return self._claim

    def parse(self, document: RawDocument) -> ParsedDocument:
        return self._parse(document)


def raises(_document):
    raise RuntimeError("boom")


def hangs(_document):
    time.sleep(5)


def rubbish(_document):
    return ParsedDocument(body=42)  # type: ignore[arg-type]


def good(document):
    return ParsedDocument(body=document.text, title="From the good one", format="good")


@pytest.mark.parametrize("misbehaviour", [raises, hangs, rubbish], ids=lambda f: f.__name__)
def test_a_failing_extractor_is_recorded_and_the_next_one_parses(misbehaviour):
    plugins = plugins_of(
        extractor_plugin(Claiming("bad", misbehaviour, claim=0.9)),
        extractor_plugin(Claiming("good", good, claim=0.5)),
    )
    found = extract(RawDocument(text=TEXT), plugins, timeout=0.5)
    assert found.extractor == "good"
    assert found.title == "From the good one"
    assert [f.error.split(":")[0] for f in found.failures] == ["parse"]
    assert "bad" in found.failures[0].plugin or found.failures[0].plugin


def test_when_every_extractor_fails_the_core_still_parses():
    plugins = plugins_of(extractor_plugin(Claiming("bad", raises)))
    found = extract(RawDocument(text=TEXT), plugins)
    assert found.extractor is None
    assert "Lena Berg" in found.body
    assert len(found.failures) == 1


def test_a_claim_that_raises_or_returns_rubbish_only_drops_that_extractor():
    class BadClaim(Extractor):
        name = "badclaim"

        def claim(self, document):
            return "very sure"

    plugins = plugins_of(
        extractor_plugin(BadClaim()), extractor_plugin(Claiming("good", good, 0.2))
    )
    found = extract(RawDocument(text=TEXT), plugins)
    assert found.extractor == "good"
    assert found.failures[0].error.startswith("claim")


def test_highest_claim_wins_and_ties_go_to_the_first_name():
    plugins = plugins_of(
        extractor_plugin(Claiming("zeta", good, 0.7)),
        extractor_plugin(Claiming("alpha", good, 0.7)),
        extractor_plugin(Claiming("low", good, 0.1)),
    )
    assert extract(RawDocument(text=TEXT), plugins).extractor == "alpha"
    assert extract(RawDocument(text=TEXT), plugins, "low").extractor == "low"
    with pytest.raises(UnknownExtractor):
        extract(RawDocument(text=TEXT), plugins, "missing")


def test_a_plugin_failing_to_register_does_not_stop_the_others():
    class Broken:
        @hookimpl
        def register_extractors(self, register):
            raise ImportError("missing dependency")

    plugins = plugins_of(Broken(), extractor_plugin(Claiming("good", good)))
    assert list(plugins.extractors) == ["good"]
    assert "missing dependency" in next(iter(plugins.failures.values()))


def test_over_http_the_failure_is_visible_on_the_document_and_nothing_is_lost(settings):
    plugins = plugins_of(extractor_plugin(Claiming("bad", raises)))
    with TestClient(create_app(settings, ProvenanceService(settings, plugins))) as client:
        response = client.post("/documents", json={"text": TEXT}, headers=AUTH)
        assert response.status_code == 201
        document = response.json()["document"]
        assert document["failures"][0]["error"].startswith("parse")
        stored = client.get(f"/documents/{document['id']}").json()
        assert stored["failures"] == document["failures"]
        assert "Lena Berg" in stored["body"]
        assert client.get("/health").status_code == 200


def test_an_extractor_adds_its_house_style_of_attribution():
    text = "Harbour deal\n\nThe port director opined that the deal would hold.\n"

    class Plain(Extractor):
        name = "plain"

        def claim(self, document):
            return 0.5

    class HouseStyle(Plain):
        name = "house"
        cues = {"opine": ("that",)}  # noqa: RUF012

        def claim(self, document):
            return 0.9

    without = extract(RawDocument(text=text), plugins_of(extractor_plugin(Plain())))
    assert without.statements == []
    found = extract(
        RawDocument(text=text),
        plugins_of(extractor_plugin(Plain()), extractor_plugin(HouseStyle())),
    )
    assert [(s.text, s.cue) for s in found.statements] == [("the deal would hold", "opined")]
    again = extract(RawDocument(text=text), plugins_of(extractor_plugin(Plain())))
    assert again.statements == []  # the house style stays with its extractor


def test_malformed_house_cues_are_a_recorded_failure():
    class Bad(Extractor):
        name = "bad"
        cues = {"aver": ("sideways",)}  # noqa: RUF012

        def claim(self, document):
            return 0.9

    found = extract(RawDocument(text=TEXT), plugins_of(extractor_plugin(Bad())))
    assert found.extractor == "bad"
    assert found.failures[0].error.startswith("cues")
    assert found.statements  # the core's own cues still work


def test_only_trusted_plugins_run_in_process_and_isolation_changes_no_result():
    isolated = load_plugins(in_process=("provenance-explainer",))
    try:
        assert set(isolated.extractors) == {"explainer"}
        assert set(isolated.pools) == {"generic", "wire", "wordpress"}
        for seed in sorted(SEEDS.glob("*.txt"))[:2]:
            document = RawDocument(text=seed.read_text(encoding="utf-8"))
            inside, outside = extract(document, load_plugins()), extract(document, isolated)
            assert outside.failures == []
            assert msgspec.to_builtins(outside) == msgspec.to_builtins(inside)
    finally:
        isolated.close()


def test_in_process_calls_reuse_one_thread_until_one_overruns():
    before = threading.active_count()
    assert [call_in_thread(lambda n=n: n * 2, timeout=1) for n in range(50)][-1] == 98
    assert threading.active_count() <= before + 1
    with pytest.raises(ValueError, match="no"):
        call_in_thread(lambda: int("no"), timeout=1)
    release = threading.Event()
    with pytest.raises(PluginFailure, match=r"took longer than 0\.05 s"):
        call_in_thread(release.wait, timeout=0.05)
    assert call_in_thread(lambda: "next call, fresh thread", timeout=1).startswith("next")
    release.set()
