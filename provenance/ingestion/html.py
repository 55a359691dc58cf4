"""HTML pages: main text and metadata with trafilatura.

The metadata (title, authors, publication date, site name, language, canonical URL) comes
from JSON-LD, OpenGraph, ``<meta>`` and ``<time>``; the body is the article text alone, with
navigation, adverts, share widgets, captions, related stories and comments left out. The
page becomes plain text in the shape the layout parser reads (headline, byline, date, body),
so the attribution pipeline is the same for HTML as for text.
"""

from collections.abc import Iterator
from typing import Any

import msgspec
import trafilatura
from lxml.etree import ParserError
from lxml.html import HtmlElement
from msgspec import Struct, field
from trafilatura.utils import decode_file

from provenance.domain import RawDocument
from provenance.domain.extraction import MAX_PAGE_CHARS
from provenance.ingestion.items import InputError, compose_text, language_tag

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


def parse_page(page: str | bytes) -> HtmlElement:
    """The page's element tree (lxml, read leniently as browsers do); :class:`InputError`
    when it is not HTML at all."""
    try:
        tree = trafilatura.load_html(page)
    except (ParserError, ValueError) as error:
        raise InputError(f"not an HTML page ({error})") from None
    if tree is None:
        raise InputError("not an HTML page")
    return tree


def page_tree(document: RawDocument) -> HtmlElement | None:
    """The element tree of the page ``document`` was read from (its ``html``), for an
    outlet's extractor to select from; None when the document did not come as HTML."""
    return parse_page(document.html) if document.html else None


def read_html(page: str | bytes | HtmlElement, url: str | None = None) -> HtmlArticle:
    """The article in ``page`` (markup, or a tree from :func:`parse_page`); raises
    :class:`InputError` when the page holds none."""
    tree = page if isinstance(page, HtmlElement) else parse_page(page)
    language = _language(tree)
    found = trafilatura.bare_extraction(tree, url=url, **EXTRACTION_OPTIONS)
    if found is None or len((found.text or "").split()) < MIN_BODY_WORDS:
        raise InputError("no article text found in the page")
    metadata = PageMetadata(
        title=found.title or None,
        authors=_authors(found.author),
        published=found.date or None,
        site_name=found.sitename or None,
        language=language,
        url=found.url or url,
    )
    return HtmlArticle(metadata, "\n\n".join(_paragraphs(found.text)))


def html_document(
    page: str | bytes,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> RawDocument:
    """``page`` as the raw document the pipeline reads, the page itself with it (when not
    too big) for extractors that read markup; metadata given here wins over the page's own."""
    markup = decode_file(page)  # the page's declared or detected encoding
    article = read_html(markup, url)
    meta = article.metadata
    published = published or meta.published
    text = compose_text(meta.title, meta.authors, published, article.body)
    return RawDocument(
        text=text,
        url=url or meta.url,
        outlet=outlet or meta.site_name,
        published=published,
        language=language or meta.language,
        html=markup if len(markup) <= MAX_PAGE_CHARS else None,
    )


def _language(tree: HtmlElement) -> str | None:
    """The page's declared language: ``<html lang>``, else JSON-LD ``inLanguage``, else
    ``og:locale`` or a content-language ``<meta>``; the first that is a BCP 47 tag."""
    declared = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    declared += list(_json_ld_languages(tree))
    declared += tree.xpath(
        "//meta[@property='og:locale' or "
        "translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')='content-language']"
        "/@content"
    )
    return next(filter(None, map(language_tag, filter(None, declared))), None)


def _json_ld_languages(tree: HtmlElement) -> Iterator[str]:
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            yield from _in_language(msgspec.json.decode(str(script)))
        except msgspec.DecodeError:
            continue


def _in_language(value: Any) -> Iterator[str]:
    """Every ``inLanguage`` in a JSON-LD value (a tag, or a Language with its tag as
    ``alternateName``), through ``@graph`` and nested objects."""
    if isinstance(value, list):
        for member in value:
            yield from _in_language(member)
    elif isinstance(value, dict):
        language = value.get("inLanguage")
        if isinstance(language, dict):
            language = language.get("alternateName")
        if isinstance(language, str):
            yield language
        for member in value.values():
            if isinstance(member, list | dict):
                yield from _in_language(member)


def _authors(author: str | None) -> list[str]:
    return [name.strip() for name in (author or "").split(";") if name.strip()]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
