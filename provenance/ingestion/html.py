"""HTML pages: main text and metadata with trafilatura.

The metadata (title, authors, publication date, site name, language, canonical URL) comes
from JSON-LD, OpenGraph, ``<meta>`` and ``<time>``; the body is the article text alone, with
navigation, adverts, share widgets, captions, related stories and comments left out. The
page becomes plain text in the shape the layout parser reads (headline, byline, date, body),
so the attribution pipeline is the same for HTML as for text.
"""

import trafilatura
from lxml.etree import ParserError
from msgspec import Struct, field

from provenance.domain import RawDocument
from provenance.ingestion.items import InputError, compose_text

#: trafilatura's options: precision over recall (furniture must never reach the body),
#: and dates from the page's markup only, never guessed from its text or URL.
EXTRACTION_OPTIONS = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "favor_precision": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

#: Fewer words than this is a page of links or an error page, not an article.
MIN_BODY_WORDS = 10


class PageMetadata(Struct, frozen=True, kw_only=True):
    """What a page declares about its article."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    """``YYYY-MM-DD``."""
    site_name: str | None = None
    language: str | None = None
    url: str | None = None
    """The canonical URL."""


class HtmlArticle(Struct, frozen=True):
    metadata: PageMetadata
    body: str
    """Paragraphs separated by blank lines."""


def read_html(page: str | bytes, url: str | None = None) -> HtmlArticle:
    """The article in ``page``; raises :class:`InputError` when the page holds none."""
    try:
        tree = trafilatura.load_html(page)
    except (ParserError, ValueError) as error:
        raise InputError(f"not an HTML page ({error})") from None
    if tree is None:
        raise InputError("not an HTML page")
    language = _language(tree)
    found = trafilatura.bare_extraction(tree, url=url, **EXTRACTION_OPTIONS)
    if found is None or len((found.text or "").split()) < MIN_BODY_WORDS:
        raise InputError("no article text found in the page")
    metadata = PageMetadata(
        title=found.title or None,
        authors=_authors(found.author),
        published=found.date or None,
        site_name=found.sitename or None,
        language=language or found.language or None,
        url=found.url or url,
    )
    return HtmlArticle(metadata, "\n\n".join(_paragraphs(found.text)))


def html_document(
    page: str | bytes,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> RawDocument:
    """``page`` as the raw document the pipeline reads; metadata given here wins over the
    page's own."""
    article = read_html(page, url)
    meta = article.metadata
    published = published or meta.published
    text = compose_text(meta.title, meta.authors, published, article.body)
    return RawDocument(
        text=text, url=url or meta.url, outlet=outlet or meta.site_name, published=published
    )


def _language(tree) -> str | None:
    """The page's declared language: ``<html lang>``, else a content-language ``<meta>``."""
    declared = tree.get("lang") or tree.get("xml:lang")
    if not declared:
        metas = tree.xpath("//meta[@http-equiv='content-language' or @property='og:locale']")
        declared = metas[0].get("content") if metas else None
    return declared.replace("_", "-").split("-")[0].lower() if declared else None


def _authors(author: str | None) -> list[str]:
    return [name.strip() for name in (author or "").split(";") if name.strip()]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
