"""IPTC ninjs, the news agencies' JSON: items of version 2.x (``headline``, ``byline``,
``body_text``/``body_html``) and 3.x (``headlines``, ``bylines``, ``bodies``) in, and a stored
document out as ninjs 3.x with its statements' chains in ``infosources``."""

from collections.abc import Iterator, Sequence
from typing import Any

import msgspec
from msgspec import Struct, field

from provenance.domain import Document, RawDocument, Statement
from provenance.ingestion.fragments import fragment_text
from provenance.ingestion.items import InputError, Item, compose_text, language_tag

MEDIA_TYPE = "application/ninjs+json"
SCHEMA_3 = "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"


class Text(Struct, frozen=True):
    """A 3.x headline or body."""

    value: str
    role: str | None = None
    contenttype: str | None = None


class Byline(Struct, frozen=True):
    byline: str


class Located(Struct, frozen=True):
    name: str


class NinjsItem(Struct, frozen=True, kw_only=True):
    """The fields of a ninjs 2.x or 3.x item that ingest reads; the others are ignored."""

    uri: str | None = None
    headline: str | None = None
    headlines: list[Text] = field(default_factory=list)
    byline: str | None = None
    bylines: list[Byline] = field(default_factory=list)
    body_text: str | None = None
    body_html: str | None = None
    bodies: list[Text] = field(default_factory=list)
    firstcreated: str | None = None
    contentcreated: str | None = None
    versioncreated: str | None = None
    located: str | Located | None = None
    copyrightholder: str | None = None
    language: str | None = None


def read_ninjs(data: bytes, ref: str) -> Iterator[Item]:
    """The items of a ninjs file: one item, a JSON list of them, or one per line (NDJSON)."""
    try:
        values = _values(data)
    except msgspec.DecodeError as error:
        yield Item(ref, error=f"not JSON ({error})")
        return
    for number, value in enumerate(values, 1):
        item_ref = ref if len(values) == 1 else f"{ref}#{number}"
        try:
            yield Item(item_ref, raw=ninjs_document(value))
        except InputError as error:
            yield Item(item_ref, error=str(error))


def _values(data: bytes) -> list[Any]:
    try:
        value = msgspec.json.decode(data)
    except msgspec.DecodeError:
        lines = [line for line in data.splitlines() if line.strip()]
        if len(lines) < 2:
            raise
        return [msgspec.json.decode(line) for line in lines]
    return value if isinstance(value, list) else [value]


def ninjs_document(value: Any) -> RawDocument:
    """A decoded ninjs item as a raw document; :class:`InputError` when it is not one."""
    try:
        item = msgspec.convert(value, NinjsItem)
    except msgspec.ValidationError as error:
        raise InputError(f"invalid ninjs item: {error}") from None
    body = _body(item)
    if not body:
        raise InputError("invalid ninjs item: no body_text, body_html or bodies")
    published = (item.firstcreated or item.contentcreated or item.versioncreated or "")[:10]
    headline = item.headline or _main(item.headlines)
    text = compose_text(headline, _authors(item), published or None, _located(item, body))
    url = item.uri if item.uri and item.uri.startswith(("http://", "https://")) else None
    return RawDocument(
        text=text,
        url=url,
        outlet=item.copyrightholder,
        published=published or None,
        language=_language(item),
    )


def _language(item: NinjsItem) -> str | None:
    if item.language is None:
        return None
    if (tag := language_tag(item.language)) is None:
        raise InputError(f"invalid ninjs item: language {item.language!r} is not a BCP 47 tag")
    return tag


def _main(texts: Sequence[Text]) -> str | None:
    chosen = next((t for t in texts if t.role in (None, "main")), texts[0] if texts else None)
    return chosen.value if chosen else None


def _body(item: NinjsItem) -> str:
    if item.body_text:
        return item.body_text.strip()
    if item.body_html:
        return fragment_text(item.body_html)
    for body in item.bodies:
        if body.contenttype and "html" in body.contenttype:
            return fragment_text(body.value)
        return body.value.strip()
    return ""


def _authors(item: NinjsItem) -> list[str]:
    bylines = [item.byline] if item.byline else [b.byline for b in item.bylines]
    names = []
    for byline in bylines:
        byline = byline.removeprefix("By ").removeprefix("by ")
        names.extend(n.strip() for n in byline.replace(" and ", ",").split(",") if n.strip())
    return names


def _located(item: NinjsItem, body: str) -> str:
    """The body led by its dateline, the way agency copy prints one, unless it already is."""
    place = item.located.name if isinstance(item.located, Located) else item.located
    if not place or body.upper().startswith(place.upper()):
        return body
    return f"{place.upper()} — {body}"


def document_ninjs(document: Document, statements: Sequence[Statement]) -> dict[str, Any]:
    """A stored document as a ninjs 3.x item; each statement's chain is an infosource."""
    item: dict[str, Any] = {
        "$schema": SCHEMA_3,
        "uri": document.url or f"urn:provenance:document:{document.id}",
        "type": "text",
        "representationtype": "complete",
        "versioncreated": document.ingested_at.isoformat(),
        "headlines": [{"role": "main", "value": document.title or ""}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": document.body}],
        "infosources": [_infosource(statement) for statement in statements],
    }
    if document.authors:
        item["bylines"] = [{"byline": " and ".join(document.authors)}]
    if document.published:
        item["firstcreated"] = document.published
    if document.dateline:
        item["located"] = document.dateline
    if document.outlet:
        item["copyrightholder"] = document.outlet
    if document.language:
        item["language"] = document.language
    return item


def _infosource(statement: Statement) -> dict[str, str]:
    """One statement's chain: speaker -> channel -> intermediaries -> outlet."""
    chain = statement.chain
    hops = [chain.speaker.name if chain.speaker else "unknown speaker"]
    hops += [chain.channel] if chain.channel else []
    hops += [source.name for source in chain.via]
    hops += [chain.outlet] if chain.outlet else []
    return {
        "name": " → ".join(hops),
        "role": f"{statement.kind} statement: {statement.text}",
        "uri": f"/statements/{statement.id}",
    }
