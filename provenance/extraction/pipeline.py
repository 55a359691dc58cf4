"""One document through the pipeline: choose an extractor, parse, attribute.

Plugins are isolated: an extractor whose ``claim`` or ``parse`` raises, runs past
the time limit, or returns something that fails the checks of
:func:`provenance.domain.extraction.check_parsed` is recorded as a failure on the
document and the next-best extractor (finally the core's own layout rules) takes
over. Third-party extractors run in worker processes that are killed when they
overrun (see :mod:`provenance.isolation`). Nothing a plugin does loses the document.
"""

import logging
from collections.abc import Mapping, Sequence

from provenance.domain import ExtractedDocument, ExtractionFailure, ParsedDocument, RawDocument
from provenance.domain.extraction import InvalidResult
from provenance.extraction.attribution import attribute
from provenance.extraction.cues import lexicon_for
from provenance.extraction.house_style import NO_HOUSE_STYLE
from provenance.extractor import Extractor
from provenance.isolation import PluginFailure
from provenance.plugins import Plugins, RegisteredExtractor

log = logging.getLogger(__name__)

#: Seconds an extractor's claim or parse may take, unless the caller says otherwise.
DEFAULT_TIMEOUT = 10.0


class UnknownExtractor(LookupError):
    """An ingest named an extractor that is not installed."""


def extract(
    document: RawDocument,
    plugins: Plugins,
    extractor: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> ExtractedDocument:
    """Everything the core and the best-claiming extractor find in ``document``.

    ``timeout`` bounds each claim and each parse of a plugin, in seconds.
    """
    failures = [
        ExtractionFailure(plugin=name, error=error)
        for name, error in plugins.wait_loaded(timeout).items()
    ]
    candidates = _candidates(document, plugins, extractor, timeout, failures)
    parsed, chosen, version = _parse(document, candidates, timeout, failures)
    if parsed.published is None and document.published:
        parsed.published = document.published
    if parsed.publisher is None and document.outlet:
        parsed.publisher = document.outlet
    house = chosen.house if chosen else NO_HOUSE_STYLE
    found = attribute(parsed, _house_cues(chosen, failures), timeout, failures, house)
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
        extractor=chosen.name if chosen else None,
        extractor_version=version,
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
    for name, registered in sorted(plugins.extractors.items()):
        try:
            confidence = registered.claim(document, timeout)
        except Exception as error:  # whatever a plugin does, the document goes on
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
) -> tuple[ParsedDocument, RegisteredExtractor | None, str | None]:
    """The first candidate's valid parse, else the core's: (parsed, by whom, version)."""
    for registered in candidates:
        try:
            parsed, version = registered.parse(document, timeout)
        except Exception as error:  # whatever a plugin does, the document goes on
            failures.append(_failure(registered, "parse", error))
            continue
        return parsed, registered, version
    return Extractor().parse(document), None, None


def _house_cues(
    chosen: RegisteredExtractor | None, failures: list[ExtractionFailure]
) -> Mapping[str, Sequence[str]] | None:
    """The chosen extractor's own reporting verbs, unless they are malformed."""
    if chosen is None or not chosen.cues:
        return None
    try:
        lexicon_for(chosen.cues)
    except (ValueError, TypeError, AttributeError) as error:
        failures.append(_failure(chosen, "cues", error))
        return None
    return chosen.cues


def _failure(registered: RegisteredExtractor, hook: str, error: Exception) -> ExtractionFailure:
    """The failure as recorded: the hook and what went wrong, in one line."""
    log.warning("extractor %s: %s failed: %r", registered.name, hook, error)
    said = str(error) if isinstance(error, PluginFailure | InvalidResult) else repr(error)
    return ExtractionFailure(plugin=registered.plugin, error=f"{hook}: {said}")
