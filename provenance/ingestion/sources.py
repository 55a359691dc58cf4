"""Inputs by type: plain text, HTML, feeds, WARC archives and ninjs, from files and folders."""

from collections.abc import Iterable, Iterator
from pathlib import Path

from provenance.domain import RawDocument
from provenance.ingestion.feeds import read_feed
from provenance.ingestion.html import html_document
from provenance.ingestion.items import InputError, Item
from provenance.ingestion.ninjs import read_ninjs
from provenance.ingestion.warc import read_warc

TEXT = {".txt", ".text"}
HTML = {".html", ".htm", ".xhtml"}
FEEDS = {".rss", ".atom", ".xml", ".feed"}
WARC = {".warc", ".gz"}
NINJS = {".json", ".ninjs", ".ndjson", ".jsonl"}
SUFFIXES = TEXT | HTML | FEEDS | WARC | NINJS


def input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and those under the folders named with a suffix ingest reads."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
        else:
            yield path


def read_items(path: Path) -> Iterator[Item]:
    """Every document in the file at ``path``, each with its ref, or the reason it failed."""
    ref = str(path)
    try:
        if path.name.endswith((".warc", ".warc.gz")):
            with path.open("rb") as stream:
                yield from read_warc(stream, ref)
            return
        data = path.read_bytes()
    except OSError as error:
        yield Item(ref, error=error.strerror or str(error))
        return
    suffix = path.suffix.lower()
    if suffix in FEEDS:
        yield from read_feed(data, ref)
    elif suffix in NINJS:
        yield from read_ninjs(data, ref)
    else:
        yield _single(data, ref, html=suffix in HTML)


def _single(data: bytes, ref: str, html: bool) -> Item:
    try:
        if html:
            return Item(ref, raw=html_document(data))
        return Item(ref, raw=text_document(data))
    except InputError as error:
        return Item(ref, error=str(error))


def text_document(data: bytes) -> RawDocument:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise InputError("empty file")
    return RawDocument(text=text)


def _readable(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and (path.suffix != ".gz" or ".warc" in path.name)
