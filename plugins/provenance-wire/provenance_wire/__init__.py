"""Wire-style stories with a byline and a dateline."""

from provenance.domain import RawDocument
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class WireExtractor(Extractor):
    name = "wire"
    formats = ("wire",)

    def claim(self, document: RawDocument) -> float:
        return 0.1


@hookimpl
def register_extractors(register):
    register(WireExtractor())
