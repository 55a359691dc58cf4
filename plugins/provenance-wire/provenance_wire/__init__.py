"""Wire-style stories with a byline and a dateline."""

import re

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules, rule_hits
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl

_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{1,60}(?:, [^\n(]{1,30})?\s?\([A-Za-z .]{2,30}\)\s?[-—–]", re.M
)


class WireExtractor(Extractor):
    name = "wire"
    formats = ("wire",)
    rules = LayoutRules(
        furniture=(
            r"\((?:reporting|writing|editing|additional reporting) by [^)]{1,300}\)",
            r"our standards:.{0,80}",
            r"[\w .]{0,40} writer [\w .]{2,60} (?:reported|contributed) (?:from|to) .{2,120}",
        ),
        header_noise=(r"(?:the )?associated press|reuters|agence france-presse|afp",),
    )

    def claim(self, document: RawDocument) -> float:
        """Confident on an agency dateline (``LIMA (AP) -``) or wire credit lines."""
        head = document.text[:3000]
        score = 0.5 if _AGENCY_DATELINE.search(head) else 0.0
        return min(0.8, score + 0.2 * rule_hits(document, self.rules))


@hookimpl
def register_extractors(register):
    register(WireExtractor())
