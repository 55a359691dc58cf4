"""Text of an HTML fragment (a feed entry's content, a ninjs ``body_html``): its blocks as
paragraphs. A fragment is the article already, so no main-text detection is needed."""

import lxml.html
from lxml.etree import ParserError

BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "blockquote", "pre")


def fragment_text(fragment: str) -> str:
    """Paragraphs separated by blank lines; plain text comes back as it is."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    blocks = root.xpath("|".join(f"//{tag}[not(ancestor::{tag})]" for tag in BLOCKS))
    texts = [" ".join(block.text_content().split()) for block in blocks] or [
        " ".join(root.text_content().split())
    ]
    return "\n\n".join(text for text in texts if text)
