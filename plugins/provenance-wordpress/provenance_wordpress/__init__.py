"""WordPress news-theme pages (breadcrumbs, share widgets, comment forms)."""

from provenance.domain import RawDocument
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class WordPressExtractor(Extractor):
    name = "wordpress"
    formats = ("wordpress",)

    def claim(self, document: RawDocument) -> float:
        return 0.1


@hookimpl
def register_extractors(register):
    register(WordPressExtractor())
