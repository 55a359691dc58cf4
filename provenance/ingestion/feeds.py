"""RSS and Atom feeds with feedparser: one document per entry, with its link, date and
author; an entry without text is a per-entry error, the rest of the feed is read."""

from collections.abc import Iterator
from time import struct_time

import feedparser

from provenance.domain import RawDocument
from provenance.ingestion.fragments import fragment_text
from provenance.ingestion.items import InputError, Item, compose_text


def read_feed(data: bytes, ref: str) -> Iterator[Item]:
    """Every entry of the feed in ``data``; ``ref`` names the feed (``path``)."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield Item(ref, error=f"not a readable RSS or Atom feed ({reason})")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        item_ref = f"{ref}#{number}"
        try:
            yield Item(item_ref, raw=entry_document(entry, outlet))
        except InputError as error:
            yield Item(item_ref, error=str(error))


def entry_document(entry: feedparser.FeedParserDict, outlet: str | None) -> RawDocument:
    """One feed entry as a raw document: full content if the feed carries it, else summary."""
    body = fragment_text(_content(entry))
    if not body:
        raise InputError("entry has no text (neither content nor summary)")
    published = _iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    authors = [a["name"] for a in entry.get("authors", []) if a.get("name")]
    text = compose_text(entry.get("title") or None, authors, published, body)
    return RawDocument(text=text, url=entry.get("link"), outlet=outlet, published=published)


def _content(entry: feedparser.FeedParserDict) -> str:
    for content in entry.get("content", []):
        if content.get("value", "").strip():
            return content["value"]
    return entry.get("summary", "")


def _iso_date(parsed: struct_time | None) -> str | None:
    if parsed is None:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
