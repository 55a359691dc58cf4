"""WordPress news-theme pages (breadcrumbs, share widgets, comment forms)."""

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules, rule_hits
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class WordPressExtractor(Extractor):
    name = "wordpress"
    formats = ("wordpress",)
    rules = LayoutRules(
        furniture=(
            r"exit mobile version",
            r"leave a reply(?: cancel reply)?",
            r"no comments",
            r"please enter your (?:comment|name)(?: here)?!?",
            r"you have entered an incorrect email address!?",
            r"like loading\.{0,3}",
            r"share this:",
            r"posted (?:in|under) .{1,80}",
        ),
        end_markers=(r"related posts", r"more articles like this", r"you may also like"),
    )

    def claim(self, document: RawDocument) -> float:
        """Confident when the page carries WordPress theme furniture."""
        return min(0.8, 0.2 * rule_hits(document, self.rules))


@hookimpl
def register_extractors(register):
    register(WordPressExtractor())
