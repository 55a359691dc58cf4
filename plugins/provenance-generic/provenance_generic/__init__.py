"""Plain news text: the fallback for any article."""

from provenance.domain import RawDocument
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class GenericExtractor(Extractor):
    name = "generic"
    formats = ("generic",)

    def claim(self, document: RawDocument) -> float:
        """A low, constant confidence: the shared rules fit any English news page."""
        return 0.1


@hookimpl
def register_extractors(register):
    register(GenericExtractor())
