"""One document through the pipeline: choose an extractor, parse, attribute.

Plugins are isolated: an extractor whose ``claim`` or ``parse`` raises, runs past
the time limit, or returns malformed data is recorded as a failure on the
document and the next-best extractor (finally the core's own layout rules)
takes over. Nothing a plugin does loses the document.
"""

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import msgspec

from provenance.domain import ExtractedDocument, ExtractionFailure, ParsedDocument, RawDocument
from provenance.extraction.attribution import attribute
from provenance.extraction.cues import lexicon_for
from provenance.extractor import Extractor
from provenance.plugins import Plugins, RegisteredExtractor

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Seconds an extractor's claim or parse may take, unless the caller says otherwise.
DEFAULT_TIMEOUT = 10.0


class UnknownExtractor(LookupError):
    """An ingest named an extractor that is not installed."""


class PluginTimeout(TimeoutError):
    """A plugin's hook ran past its time limit."""


def extract(
    document: RawDocument,
    plugins: Plugins,
    extractor: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> ExtractedDocument:
    """Everything the core and the best-claiming extractor find in ``document``."""
    failures: list[ExtractionFailure] = []
    candidates = _candidates(document, plugins, extractor, timeout, failures)
    parsed, chosen = _parse(document, candidates, timeout, failures)
    if parsed.published is None and document.published:
        parsed.published = document.published
    if parsed.publisher is None and document.outlet:
        parsed.publisher = document.outlet
    found = attribute(parsed, _house_cues(chosen, failures), timeout, failures)
    return ExtractedDocument(
        title=parsed.title,
        authors=parsed.authors,
        dateline=parsed.dateline,
        published=parsed.published,
        body=parsed.body,
        statements=found.statements,
        speakers=found.speakers,
        sources=found.sources,
        format=parsed.format,
        extractor=chosen.extractor.name if chosen else None,
        extractor_version=chosen.version if chosen else None,
        failures=failures,
    )


def _candidates(
    document: RawDocument,
    plugins: Plugins,
    wanted: str | None,
    timeout: float,
    failures: list[ExtractionFailure],
) -> list[RegisteredExtractor]:
    """Extractors in the order to try: the one asked for, else by claim, best first.

    Ties go to the name that sorts first, so the choice never depends on load order.
    """
    if wanted is not None:
        if wanted not in plugins.extractors:
            raise UnknownExtractor(wanted)
        return [plugins.extractors[wanted]]
    claims: list[tuple[float, str]] = []
    for name, registered in plugins.extractors.items():
        try:
            confidence = _call(lambda r=registered: r.extractor.claim(document), timeout)
            confidence = msgspec.convert(confidence, float)
        except Exception as error:
            failures.append(_failure(registered, "claim", error))
            continue
        if confidence > 0:
            claims.append((-confidence, name))
    return [plugins.extractors[name] for _, name in sorted(claims)]


def _parse(
    document: RawDocument,
    candidates: list[RegisteredExtractor],
    timeout: float,
    failures: list[ExtractionFailure],
) -> tuple[ParsedDocument, RegisteredExtractor | None]:
    for registered in candidates:
        try:
            parsed = _call(lambda r=registered: r.extractor.parse(document), timeout)
            # Building a Struct does not validate it; converting does.
            parsed = msgspec.convert(msgspec.to_builtins(parsed), ParsedDocument)
        except Exception as error:
            failures.append(_failure(registered, "parse", error))
            continue
        return parsed, registered
    return Extractor().parse(document), None


def _house_cues(
    chosen: RegisteredExtractor | None, failures: list[ExtractionFailure]
) -> Mapping[str, Sequence[str]] | None:
    """The chosen extractor's own reporting verbs, unless they are malformed."""
    if chosen is None or not chosen.extractor.cues:
        return None
    try:
        lexicon_for(chosen.extractor.cues)
    except (ValueError, TypeError, AttributeError) as error:
        failures.append(_failure(chosen, "cues", error))
        return None
    return chosen.extractor.cues


def _failure(registered: RegisteredExtractor, hook: str, error: Exception) -> ExtractionFailure:
    log.warning("extractor %s: %s failed: %r", registered.extractor.name, hook, error)
    return ExtractionFailure(plugin=registered.plugin, error=f"{hook}: {error!r}")


def _call(function: Callable[[], T], timeout: float) -> T:
    """``function()`` in a daemon thread, abandoned if it takes longer than ``timeout``.

    Python cannot kill a thread: a plugin stuck in a loop keeps its thread, but
    the document goes on without it and the service keeps serving.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True, name="provenance-plugin")
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise PluginTimeout(f"took longer than {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
