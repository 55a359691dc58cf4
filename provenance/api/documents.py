"""Documents: ingest and read."""

from dataclasses import dataclass
from typing import Annotated

from litestar import Controller, Request, Response, get, post
from litestar.openapi.spec import Example, OpenAPIMediaType, OpenAPIType, Operation, Schema
from litestar.params import Body
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from provenance.api.dependencies import Service
from provenance.api.errors import not_found
from provenance.api.formats import (
    HTML,
    DocumentFormat,
    html_body_as_json,
    ninjs_response,
    raw_document,
    wants_ninjs,
)
from provenance.api.http import BODY_MEDIA_TYPES, check_request
from provenance.api.limits import MAX_NAME_CHARS, DocumentId, text_param
from provenance.api.openapi import (
    DOCUMENT,
    DOCUMENT_IN_EXAMPLE,
    DOCUMENT_SUMMARY,
    EXTRACTION,
    STATEMENT,
    ok,
    page_of,
    problems,
)
from provenance.api.pagination import Cursor, Limit, Offset, after, page
from provenance.domain import (
    Document,
    DocumentIn,
    DocumentSummary,
    ExtractionRecord,
    IngestResult,
    Page,
    ReextractIn,
    Statement,
)
from provenance.domain.api import NO_NUL
from provenance.security import Scope, requires

VARY_ACCEPT = {"Vary": "Accept"}
"""A document is JSON or ninjs by `Accept`."""


async def check_ingest(request: Request) -> None:
    """The app-wide checks (a handler's own hook replaces them), then an HTML body as JSON."""
    await check_request(request)
    await html_body_as_json(request)


HTML_EXAMPLE = (
    '<!DOCTYPE html><html lang="en"><head><title>Council approves budget</title>'
    '<meta name="author" content="Jane Doe"></head><body><article><h1>Council approves '
    "budget</h1><p>The city council approved the budget on Tuesday. &quot;This is a good "
    "day for Springfield,&quot; Mayor Ana Ruiz told reporters.</p></article></body></html>"
)


@dataclass
class IngestOperation(Operation):
    """The operation with its second body declared: the page itself as ``text/html``."""

    def __post_init__(self) -> None:
        if self.request_body is None:
            return
        self.request_body.content[HTML] = OpenAPIMediaType(
            schema=Schema(
                type=OpenAPIType.STRING,
                min_length=1,
                pattern=NO_NUL,
                description="A web page, read as `html` in the JSON body is; in the charset "
                "its `Content-Type` names, else the one the page declares (or UTF-8).",
            ),
            examples={"page": Example(summary="A news page", value=HTML_EXAMPLE)},
        )


class DocumentController(Controller):
    path = "/documents"
    tags = ("documents",)

    @post(
        "/",
        operation_id="IngestDocument",
        summary="Ingest a document",
        responses={
            201: ok(IngestResult, {"created": True, "document": DOCUMENT}, "Stored."),
            200: ok(
                IngestResult,
                {"created": False, "document": DOCUMENT},
                "The same text was already stored; nothing was written.",
            ),
            **problems(400, 401, 403, 409, 413, 415, 422, 429, 503, body=True),
        },
        before_request=check_ingest,
        opt={BODY_MEDIA_TYPES: (HTML,)},
        operation_class=IngestOperation,
        sync_to_thread=True,
        status_code=HTTP_201_CREATED,
        security=requires(Scope.write),
    )
    def ingest(
        self,
        request: Request,
        service: Service,
        data: Annotated[DocumentIn, Body(examples=[DOCUMENT_IN_EXAMPLE])],
    ) -> Response[IngestResult]:
        """Ingest a document: extract its statements and store everything in one transaction.

        The body is JSON with the `text`, or with `html` (a web page); or the page itself
        with `Content-Type: text/html` (its URL, outlet, date and language then come from
        the page alone).
        Idempotent: the same text (after Unicode and white-space normalisation) gives the
        same document id, answered with 200 instead of 201 and nothing written twice.
        A 201 carries the new document's URL in `Location`.
        Needs an API key with the `write` scope in the `X-API-Key` header.
        """
        created, document = service.ingest(raw_document(data), data.extractor)
        result = IngestResult(created=created, document=document)
        if not created:
            return Response(result, status_code=HTTP_200_OK)
        location = request.url_for("GetDocument", document_id=document.id)
        return Response(result, status_code=HTTP_201_CREATED, headers={"Location": location})

    @get(
        "/",
        operation_id="ListDocuments",
        summary="List documents",
        responses={200: ok(Page[DocumentSummary], page_of(DOCUMENT_SUMMARY)), **problems(400, 422)},
        sync_to_thread=True,
    )
    def list_documents(
        self,
        request: Request,
        service: Service,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
        outlet: Annotated[str | None, text_param("Only this outlet's.", MAX_NAME_CHARS)] = None,
    ) -> Response[Page[DocumentSummary]]:
        """List stored documents, oldest first."""
        found = service.list_documents(limit, offset, outlet, after(cursor, "documents"))
        return page(request, found, limit, offset, "documents")

    @get(
        "/{document_id:str}",
        operation_id="GetDocument",
        name="GetDocument",
        summary="Get a document",
        responses={200: ok(Document, DOCUMENT), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_document(
        self,
        request: Request,
        service: Service,
        document_id: DocumentId,
        format: DocumentFormat = None,
    ) -> Response[Document]:
        """A document with its extracted body, metadata and any extraction failures; as
        IPTC ninjs 3.x with `?format=ninjs` or `Accept: application/ninjs+json`."""
        document = service.get_document(document_id)
        if document is None:
            raise not_found("document", document_id)
        if wants_ninjs(request, format):
            return ninjs_response(service, document)
        return Response(document, headers=VARY_ACCEPT)

    @get(
        "/{document_id:str}/statements",
        operation_id="ListDocumentStatements",
        summary="List a document's statements",
        responses={200: ok(Page[Statement], page_of(STATEMENT)), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def list_document_statements(
        self,
        request: Request,
        service: Service,
        document_id: DocumentId,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> Response[Page[Statement]]:
        """The statements of one document, in the order they appear, each with its chain."""
        key = after(cursor, "statements")
        if service.get_document(document_id) is None:
            raise not_found("document", document_id)
        found = service.list_statements(limit, offset, key, document=document_id)
        return page(request, found, limit, offset, "statements")

    @post(
        "/{document_id:str}/reextract",
        operation_id="ReextractDocument",
        summary="Re-extract a document",
        sync_to_thread=True,
        status_code=HTTP_200_OK,
        security=requires(Scope.write),
        responses={
            200: ok(Document, DOCUMENT),
            **problems(400, 401, 403, 404, 409, 413, 415, 422, 429, 503, body=True),
        },
    )
    def reextract(
        self,
        service: Service,
        document_id: DocumentId,
        data: Annotated[
            ReextractIn | None, Body(description="Optional: an extractor to use.")
        ] = None,
    ) -> Document:
        """Run extraction again on a stored document, as after installing or upgrading a
        plugin: its statements are replaced, the earlier extraction's record is kept (see
        the document's extractions). The body is optional; it may name an extractor.
        Needs an API key with the `write` scope in the `X-API-Key` header.
        """
        document = service.reextract(document_id, data.extractor if data else None)
        if document is None:
            raise not_found("document", document_id)
        return document

    @get(
        "/{document_id:str}/extractions",
        operation_id="ListDocumentExtractions",
        summary="List a document's extractions",
        responses={200: ok(list[ExtractionRecord], [EXTRACTION]), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def list_extractions(self, service: Service, document_id: DocumentId) -> list[ExtractionRecord]:
        """Every extraction of a document, newest first: which extractor and version,
        when, how many statements, and any plugin failures."""
        if service.get_document(document_id) is None:
            raise not_found("document", document_id)
        return service.get_extractions(document_id)
