"""Pages of the Example Times: a masthead line, then the story, then a sign-off."""

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class ExampleTimesExtractor(Extractor):
    name = "example"
    formats = ("example-times",)
    rules = LayoutRules(furniture=(r"THE EXAMPLE TIMES", r"Subscribe to the Example Times"))

    def claim(self, document: RawDocument) -> float:
        return 0.95 if "THE EXAMPLE TIMES" in document.text[:500] else 0.0


@hookimpl
def register_extractors(register):
    register(ExampleTimesExtractor())
