"""Claims every document with full confidence, then raises, hangs or returns rubbish."""

import os
import time

from provenance.domain import ParsedDocument, RawDocument
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class BrokenExtractor(Extractor):
    name = "broken"
    formats = ("anything",)

    def claim(self, document: RawDocument) -> float:
        return 1.0

    def parse(self, document: RawDocument) -> ParsedDocument:
        how = os.environ.get("PROVENANCE_BROKEN_MODE", "raise")
        if how == "hang":
            time.sleep(60)
        if how == "rubbish":
            return {"body": None}  # type: ignore[return-value]
        raise RuntimeError("this plugin is broken on purpose")


@hookimpl
def register_extractors(register):
    register(BrokenExtractor())
