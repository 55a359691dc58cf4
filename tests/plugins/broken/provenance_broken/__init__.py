"""Claims every document, then misbehaves as ``PROVENANCE_BROKEN_MODE`` says.

Modes: ``raise`` (parse raises), ``rubbish`` and ``dict`` (parse returns a dict),
``hang`` (parse sleeps), ``hang-claim``, ``spin`` (parse spins the CPU), ``regex``
(parse runs a catastrophic regular expression), ``memory`` (parse allocates without
bound), ``bad-date`` (an impossible publication date), ``claim-7.5``, ``claim-nan``,
``slow-import`` (the import takes ``PROVENANCE_BROKEN_IMPORT_SECONDS``), ``misspelt``
(the hook's name is misspelt), ``good`` (behaves).
"""

import os
import re
import time

from provenance.domain import ParsedDocument, RawDocument
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl

MODE = os.environ.get("PROVENANCE_BROKEN_MODE", "raise")
if MODE == "slow-import":
    time.sleep(float(os.environ.get("PROVENANCE_BROKEN_IMPORT_SECONDS", "6")))


class BrokenExtractor(Extractor):
    name = "broken"
    formats = ("anything",)

    def claim(self, document: RawDocument) -> float:
        if MODE == "hang-claim":
            time.sleep(60)
        return {"claim-7.5": 7.5, "claim-nan": float("nan")}.get(MODE, 1.0)

    def parse(self, document: RawDocument) -> ParsedDocument:
        if MODE in ("good", "claim-7.5", "claim-nan", "hang-claim", "slow-import"):
            return ParsedDocument(body=document.text, format="anything")
        if MODE == "bad-date":
            return ParsedDocument(body=document.text, format="anything", published="2026-99-99")
        if MODE == "hang":
            time.sleep(60)
        if MODE == "spin":
            while True:
                pass
        if MODE == "regex":
            re.match(r"(a+)+$", "a" * 64 + "b")
        if MODE == "memory":
            hoard = []
            while True:
                hoard.append(bytearray(10_000_000))
        if MODE in ("rubbish", "dict"):
            return {"body": document.text, "format": "anything"}  # type: ignore[return-value]
        raise RuntimeError("this plugin is broken on purpose")


if MODE == "misspelt":

    @hookimpl
    def register_extractor(register):  # misspelt on purpose: the hook is register_extractors
        register(BrokenExtractor())

else:

    @hookimpl
    def register_extractors(register):
        register(BrokenExtractor())
