"""Explainer and Q&A pages."""

from provenance.domain import RawDocument
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class ExplainerExtractor(Extractor):
    name = "explainer"
    formats = ("explainer",)

    def claim(self, document: RawDocument) -> float:
        return 0.1


@hookimpl
def register_extractors(register):
    register(ExplainerExtractor())
