"""One document through the pipeline: choose an extractor, parse, attribute."""

import logging

import msgspec

from provenance.domain import ExtractedDocument, ParsedDocument, RawDocument
from provenance.extraction.attribution import attribute
from provenance.extractor import Extractor
from provenance.plugins import Plugins, RegisteredExtractor

log = logging.getLogger(__name__)


class UnknownExtractor(LookupError):
    """An ingest named an extractor that is not installed."""


def extract(
    document: RawDocument, plugins: Plugins, extractor: str | None = None
) -> ExtractedDocument:
    """Everything the core and the best-claiming extractor find in ``document``."""
    failures: list[str] = []
    candidates = _candidates(document, plugins, extractor, failures)
    parsed, chosen = _parse(document, candidates, failures)
    if parsed.published is None and document.published:
        parsed.published = document.published
    found = attribute(parsed)
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
    document: RawDocument, plugins: Plugins, wanted: str | None, failures: list[str]
) -> list[RegisteredExtractor]:
    """Extractors in the order to try: the one asked for, else by claim, best first."""
    if wanted is not None:
        if wanted not in plugins.extractors:
            raise UnknownExtractor(wanted)
        return [plugins.extractors[wanted]]
    claims: list[tuple[float, str]] = []
    for name, registered in plugins.extractors.items():
        try:
            confidence = float(registered.extractor.claim(document))
        except Exception as error:
            failures.append(f"{registered.plugin}: claim raised {error!r}")
            continue
        if confidence > 0:
            claims.append((-confidence, name))
    return [plugins.extractors[name] for _, name in sorted(claims)]


def _parse(
    document: RawDocument, candidates: list[RegisteredExtractor], failures: list[str]
) -> tuple[ParsedDocument, RegisteredExtractor | None]:
    for registered in candidates:
        try:
            parsed = registered.extractor.parse(document)
            parsed = msgspec.convert(msgspec.to_builtins(parsed), ParsedDocument)
        except Exception as error:
            failures.append(f"{registered.plugin}: parse failed: {error!r}")
            log.warning("extractor %s failed: %r", registered.extractor.name, error)
            continue
        return parsed, registered
    return Extractor().parse(document), None
