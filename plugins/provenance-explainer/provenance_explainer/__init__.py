"""Explainer and Q&A pages."""

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules, rule_hits
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class ExplainerExtractor(Extractor):
    name = "explainer"
    formats = ("explainer",)
    rules = LayoutRules(
        furniture=(
            r"written by",
            r"reviewed by",
            r"medically reviewed by",
            r"share this post",
            r"did this article help you\??",
            r"was this (?:answer|page) helpful\??",
        ),
        end_markers=(r"sources?:?", r"references:?"),
    )

    def claim(self, document: RawDocument) -> float:
        """Confident on explainer furniture and a question-and-answer section."""
        hits = rule_hits(document, self.rules)
        if "frequently asked questions" in document.text.lower():
            hits += 2
        return min(0.7, 0.15 * hits)


@hookimpl
def register_extractors(register):
    register(ExplainerExtractor())
