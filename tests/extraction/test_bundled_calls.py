"""The bundled extractors are called directly; any other in-process one on a runner thread."""

import msgspec

from provenance import plugins as plugin_module
from provenance.domain import ParsedDocument, RawDocument
from provenance.extraction.pipeline import extract
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl
from provenance.plugins import BUNDLED, load_plugins, plugins_of

TEXT = "LIMA (AP) — The mayor said the river was rising fast, officials told Reuters.\n"


def test_the_bundled_extractors_run_without_a_thread_hop(monkeypatch) -> None:
    plugins = load_plugins()
    assert {r.distribution for r in plugins.extractors.values()} <= BUNDLED
    assert all(r.bundled for r in plugins.extractors.values())
    expected = msgspec.to_builtins(extract(RawDocument(text=TEXT), plugins))

    def no_thread(*_args: object) -> None:
        raise AssertionError("a bundled extractor was sent to a runner thread")

    monkeypatch.setattr(plugin_module, "call_in_thread", no_thread)
    found = extract(RawDocument(text=TEXT), plugins)
    assert msgspec.to_builtins(found) == expected
    assert found.extractor is not None and found.failures == []


class _Other(Extractor):
    name = "other"
    formats = ("other",)

    def claim(self, document: RawDocument) -> float:
        return 0.9

    def parse(self, document: RawDocument) -> ParsedDocument:
        return ParsedDocument(body=document.text, format="other")


class _OtherPlugin:
    @hookimpl
    def register_extractors(self, register) -> None:
        register(_Other())


def test_other_in_process_extractors_still_run_on_a_runner_thread(monkeypatch) -> None:
    plugins = plugins_of(_OtherPlugin())
    assert not plugins.extractors["other"].bundled
    hops: list[object] = []
    real = plugin_module.call_in_thread

    def counted(function, timeout):
        hops.append(function)
        return real(function, timeout)

    monkeypatch.setattr(plugin_module, "call_in_thread", counted)
    assert extract(RawDocument(text=TEXT), plugins).extractor == "other"
    assert len(hops) == 2  # its claim and its parse
