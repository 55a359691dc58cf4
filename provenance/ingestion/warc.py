"""WARC web archives with warcio: every HTML response record becomes a document through the
HTML reader. A page without an article is a per-record error; a truncated or corrupt archive
ends with one error naming where it broke, after the records before it were read."""

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from provenance.ingestion.html import html_document
from provenance.ingestion.items import InputError, Item

BROKEN_ARCHIVE = (ArchiveLoadFailed, EOFError, zlib.error, ValueError)


def read_warc(stream: BinaryIO, ref: str) -> Iterator[Item]:
    """Every HTML response record in the archive ``stream``, named ``ref#URI``."""
    read = 0
    try:
        for record in ArchiveIterator(stream):
            if not _is_html_response(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            read += 1
            item_ref = f"{ref}#{uri or read}"
            try:
                payload = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError(f"the archive ends inside the record of {uri}")
                yield Item(item_ref, raw=html_document(payload, url=uri))
            except InputError as error:
                yield Item(item_ref, error=str(error))
    except BROKEN_ARCHIVE as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        yield Item(f"{ref}#after-{read}", error=f"truncated or corrupt archive ({reason})")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()
