"""Pagination: keyset cursors (or limit/offset), the total, and a link to the next page.

A cursor is the base64url JSON of ``[list name, order values of the page's last item]``: the
next page starts after that item however many are inserted before it, at the cost of one
index seek, where an offset makes the database count past every skipped row. It is opaque
to clients, checked against the list's key types, and refused with a 400 problem if bad.
"""

import base64
import binascii
from typing import Annotated, Literal
from urllib.parse import urlencode

import msgspec
from litestar import Request, Response
from litestar.params import Parameter

from provenance.api.errors import problem
from provenance.api.http import EncodedJson
from provenance.api.limits import MAX_INT, text_param
from provenance.domain import Page
from provenance.service import Key, Slice
from provenance.store.reads import KEY_TYPES

MAX_CURSOR_CHARS = 400
"""Room for the longest key (appearances: five values) with a wide margin."""

Limit = Annotated[int, Parameter(ge=1, le=500, description="Items per page (1 to 500).")]
Offset = Annotated[int, Parameter(ge=0, le=MAX_INT, description=f"Items to skip (0 to {MAX_INT}).")]
Cursor = Annotated[
    str | None,
    text_param(
        "Where the page starts: the opaque `cursor` of the previous page's `next` link "
        "(stable while items are added, and fast at any depth, unlike `offset`, which "
        "then counts from the cursor).",
        MAX_CURSOR_CHARS,
    ),
]


def after(cursor: str | None, listing: str) -> Key | None:
    """The key a ``cursor`` of the list named ``listing`` carries (None without a cursor)."""
    if cursor is None:
        return None
    key_type = tuple[(Literal[listing], *KEY_TYPES[listing])]  # type: ignore[misc]
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        _, *values = msgspec.json.decode(raw, type=key_type)
    except (ValueError, binascii.Error, msgspec.DecodeError):
        raise problem(
            400, "bad-cursor", "Bad cursor", "the cursor is not one this list gave"
        ) from None
    return tuple(values)


def _cursor(listing: str, key: Key) -> str:
    raw = msgspec.json.encode([listing, *key])
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def page(
    request: Request, found: Slice, limit: int, offset: int, listing: str | None = None
) -> Response[Page]:
    """The page, with ``next`` and an RFC 8288 ``Link`` header when more follow."""
    body, next_link = _page(request, found, limit, offset, listing)
    headers = {"Link": _link(next_link)} if next_link else None
    return Response(body, headers=headers)


def encoded_page(
    request: Request, found: Slice, limit: int, offset: int, listing: str | None = None
) -> EncodedJson:
    """:func:`page`, encoded once (to be kept: see ``provenance.api.reading``)."""
    body, next_link = _page(request, found, limit, offset, listing)
    return EncodedJson(body, [(b"link", _link(next_link).encode())] if next_link else [])


def _link(next_link: str) -> str:
    return f'<{next_link}>; rel="next"'


def _page(
    request: Request, found: Slice, limit: int, offset: int, listing: str | None
) -> tuple[Page, str | None]:
    """The page and its ``next`` link. Lists with a keyset (``listing`` named) link by
    cursor; the others by offset."""
    query = {k: v for k, v in request.query_params.items() if k not in ("offset", "cursor")}
    query["limit"] = str(limit)
    if listing is not None:
        more = found.last is not None
        if more:
            query["cursor"] = _cursor(listing, found.last)
    else:
        more = offset + limit < found.total
        query["offset"] = str(offset + limit)
    next_link = f"{request.url.path}?{urlencode(sorted(query.items()))}" if more else None
    body = Page(items=found.items, total=found.total, limit=limit, offset=offset, next=next_link)
    return body, next_link
