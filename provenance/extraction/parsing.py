"""Document layout: title, byline, dateline, publication date and body without furniture.

(Placeholder interface; the full rules arrive with the extraction engine.)
"""

import re

from msgspec import Struct

from provenance.domain import ParsedDocument, RawDocument


class LayoutRules(Struct, frozen=True, kw_only=True):
    """Format-specific layout patterns an extractor adds to the shared ones."""

    furniture: tuple[str, ...] = ()
    """Regular expressions of whole lines that are page furniture."""
    end_markers: tuple[str, ...] = ()
    """Regular expressions of lines after which the story has ended."""


def parse_layout(document: RawDocument, rules: LayoutRules, format: str) -> ParsedDocument:
    furniture = [re.compile(pattern, re.I) for pattern in rules.furniture]
    lines = [
        line
        for line in document.text.strip().splitlines()
        if not any(pattern.fullmatch(line.strip()) for pattern in furniture)
    ]
    title = lines[0].strip() if lines else None
    body = "\n".join(lines[1:]).strip()
    return ParsedDocument(body=body, title=title, format=format, published=None)
