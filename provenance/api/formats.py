"""Documents in formats beyond plain text and JSON: HTML pages in, IPTC ninjs out."""

from typing import Annotated, Literal

import msgspec
from litestar import Request, Response
from litestar.params import Parameter
from trafilatura.utils import decode_file

from provenance.api.errors import problem
from provenance.domain import Document, DocumentIn, RawDocument
from provenance.ingestion.html import html_document
from provenance.ingestion.items import InputError, language_tag
from provenance.ingestion.ninjs import MEDIA_TYPE as NINJS
from provenance.ingestion.ninjs import document_ninjs
from provenance.service import ProvenanceService

HTML = "text/html"
#: Statements read per query when a document is written out with all of them.
STATEMENTS_PAGE = 500

DocumentFormat = Annotated[
    Literal["json", "ninjs"] | None,
    Parameter(
        description="`ninjs`: the document as IPTC ninjs 3.x (as `Accept: "
        "application/ninjs+json` asks), each statement's chain in `infosources`."
    ),
]


def raw_document(data: DocumentIn) -> RawDocument:
    """The raw document of a request body: its text, or its HTML page read (422 if neither,
    both, or a page with no article)."""
    if (data.text is None) == (data.html is None):
        raise problem(422, "text-or-html", "Text or HTML", "give exactly one of text and html")
    language = language_tag(data.language) if data.language else None  # in its usual case
    if data.text is not None:
        return RawDocument(
            text=data.text,
            url=data.url,
            outlet=data.outlet,
            published=data.published,
            language=language,
        )
    try:
        return html_document(data.html, data.url, data.outlet, data.published, language)
    except InputError as error:
        raise problem(422, "unreadable-html", "Unreadable HTML page", str(error)) from None


async def html_body_as_json(request: Request) -> None:
    """A ``text/html`` body becomes the JSON body ``{"html": ...}``, so one handler reads
    both (the page's own metadata gives its URL, outlet and date); read in the charset the
    ``Content-Type`` names, else the one the page declares."""
    if request.content_type[0] != HTML:
        return
    charset = request.content_type[1].get("charset")
    body = await request.body()
    try:
        page = body.decode(charset) if charset else decode_file(body)
    except (LookupError, UnicodeDecodeError):
        detail = f"the body is not text in the charset its Content-Type names ({charset})"
        raise problem(400, "undecodable-html", "Undecodable HTML page", detail) from None
    body = msgspec.json.encode({"html": page})
    request._body = request._connection_state.body = body


def wants_ninjs(request: Request, requested: str | None) -> bool:
    if requested is not None:
        return requested == "ninjs"
    return request.accept.best_match(["application/json", NINJS]) == NINJS


def ninjs_response(service: ProvenanceService, document: Document) -> Response:
    statements, offset = [], 0
    while page := service.list_statements(STATEMENTS_PAGE, offset, document=document.id).items:
        statements += page
        offset += len(page)
    return Response(
        document_ninjs(document, statements), media_type=NINJS, headers={"Vary": "Accept"}
    )
