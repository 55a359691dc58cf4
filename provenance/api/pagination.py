"""Limit/offset pagination with the total and a link to the next page."""

from typing import Annotated
from urllib.parse import urlencode

from litestar import Request
from litestar.params import Parameter

from provenance.api.limits import MAX_INT
from provenance.domain import Page
from provenance.service import Slice

Limit = Annotated[int, Parameter(ge=1, le=500, description="Items per page (1 to 500).")]
Offset = Annotated[int, Parameter(ge=0, le=MAX_INT, description=f"Items to skip (0 to {MAX_INT}).")]


def page(request: Request, found: Slice, limit: int, offset: int) -> Page:
    following = offset + limit
    next_link = None
    if following < found.total:
        query = dict(request.query_params) | {"limit": str(limit), "offset": str(following)}
        next_link = f"{request.url.path}?{urlencode(sorted(query.items()))}"
    return Page(items=found.items, total=found.total, limit=limit, offset=offset, next=next_link)
