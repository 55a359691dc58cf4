"""Helpers shared by the extraction tests."""

import pytest

from provenance.domain import ExtractedDocument, ParsedDocument, RawDocument
from provenance.extraction.attribution import Attribution, attribute
from provenance.extraction.pipeline import extract
from provenance.plugins import Plugins, load_plugins


@pytest.fixture(scope="session")
def plugins() -> Plugins:
    return load_plugins()


def attribute_body(body: str, published: str | None = None) -> Attribution:
    """Attribution of a body given as is."""
    return attribute(ParsedDocument(body=body, published=published))


def run(text: str, plugins: Plugins, published: str | None = None) -> ExtractedDocument:
    """The whole pipeline on a raw text."""
    return extract(RawDocument(text=text, published=published), plugins)


def by_text(found: Attribution | ExtractedDocument) -> dict[str, object]:
    """Statements keyed by their text."""
    return {s.text: s for s in found.statements}
