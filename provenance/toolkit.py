"""The public plugin API in one module: ``from provenance.toolkit import ...``.

Everything a plugin author needs, re-exported from where it lives: the types an
extractor reads and returns, the base class, the hook marker, the core's layout
parser (to reuse inside a custom ``parse``), the core's reading of a web page (for an
extractor that selects from its markup), the core's attribution passes and the
house-style compiler they take, the checks the service applies to every result, and
the conformance kit. Each name is documented in ``docs/plugins.md``; within a minor
version these only gain optional members.
"""

from provenance.conformance import Check, run_checks
from provenance.domain.extraction import (
    InvalidResult,
    ParsedDocument,
    RawDocument,
    check_claim,
    check_parsed,
    is_partial_date,
)
from provenance.extraction.attribution import attribute
from provenance.extraction.house_style import CuePhrase, house_style_for
from provenance.extraction.parsing import LayoutRules, parse_layout, rule_hits
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl
from provenance.ingestion.html import HtmlArticle, PageMetadata, page_tree, read_html

__all__ = [
    "Check",
    "CuePhrase",
    "Extractor",
    "HtmlArticle",
    "InvalidResult",
    "LayoutRules",
    "PageMetadata",
    "ParsedDocument",
    "RawDocument",
    "attribute",
    "check_claim",
    "check_parsed",
    "hookimpl",
    "house_style_for",
    "is_partial_date",
    "page_tree",
    "parse_layout",
    "read_html",
    "rule_hits",
    "run_checks",
]
