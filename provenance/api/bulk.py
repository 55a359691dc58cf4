"""Bulk ingest over HTTP: NDJSON in (text, HTML or ninjs items), one NDJSON result per item,
streamed as each is stored."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import msgspec
from litestar import Controller, Request, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import (
    Example,
    OpenAPIMediaType,
    OpenAPIType,
    Operation,
    RequestBody,
    Schema,
)
from litestar.plugins.problem_details import ProblemDetailsException
from litestar.response import Stream
from msgspec import Struct

from provenance.api.dependencies import Service
from provenance.api.errors import TYPE_BASE, problem
from provenance.api.formats import raw_document
from provenance.api.http import BODY_MEDIA_TYPES
from provenance.api.openapi import problems
from provenance.domain import DocumentIn, RawDocument
from provenance.extraction.pipeline import UnknownExtractor
from provenance.ingestion.items import InputError
from provenance.ingestion.ninjs import ninjs_document
from provenance.security import Scope, requires
from provenance.service import EmptyDocument, ProvenanceService

NDJSON = "application/x-ndjson"


class BulkResult(Struct, kw_only=True, omit_defaults=True):
    """One input line's result: the document stored (or found already stored), or, for a
    line that failed, an RFC 9457 problem (`type`, `title`, `status`, `detail`)."""

    line: int
    """The input line, counted from 1."""
    created: bool | None = None
    document_id: str | None = None
    statement_count: int | None = None
    type: str | None = None
    title: str | None = None
    status: int | None = None
    detail: str | None = None


class ItemProblem(Exception):
    def __init__(self, status: int, slug: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.result = {"type": TYPE_BASE + slug, "title": title, "status": status, "detail": detail}


EXAMPLE_IN = "\n".join(
    [
        '{"text": "Council approves budget\\n\\n\\"A good day,\\" said Mayor Ana Ruiz."}',
        '{"html": "<html>...</html>", "url": "https://example.com/a"}',
        '{"ninjs": {"headline": "Port reopens", "body_text": "LAGOS — ..."}}',
    ]
)
EXAMPLE_IN_SPEC = Example(summary="Text, HTML and ninjs", value=EXAMPLE_IN)
EXAMPLE_OUT = "\n".join(
    [
        '{"line":1,"created":true,"document_id":"3f2a9c0d1e4b5a67","statement_count":1}',
        '{"line":2,"type":"https://provenance.invalid/problems/unreadable-html",'
        '"title":"Unreadable HTML page","status":422,"detail":"no article text found in the page"}',
        '{"line":3,"created":false,"document_id":"9b1c2d3e4f5a6b7c","statement_count":4}',
    ]
)


def _raw(line: bytes) -> tuple[RawDocument, str | None]:
    """A line's raw document and extractor; :class:`ItemProblem` when it has none."""
    try:
        value = msgspec.json.decode(line)
    except msgspec.DecodeError as error:
        raise ItemProblem(400, "invalid-json", "Invalid JSON", str(error)) from None
    try:
        if isinstance(value, dict) and "ninjs" in value:
            return ninjs_document(value["ninjs"]), None
        item = msgspec.convert(value, DocumentIn)
        return raw_document(item), item.extractor
    except InputError as error:
        raise ItemProblem(422, "invalid-item", "Invalid item", str(error)) from None
    except msgspec.ValidationError as error:
        raise ItemProblem(422, "invalid-item", "Invalid item", str(error)) from None
    except ProblemDetailsException as error:  # what raw_document answers a bad HTML item
        slug = (error.type_ or "").removeprefix(TYPE_BASE)
        raise ItemProblem(error.status_code, slug, error.title or "", error.detail) from None


def _result(service: ProvenanceService, number: int, line: bytes) -> dict[str, Any]:
    try:
        raw, extractor = _raw(line)
        created, document = _ingest(service, raw, extractor)
    except ItemProblem as problem:
        return {"line": number, **problem.result}
    return {
        "line": number,
        "created": created,
        "document_id": document.id,
        "statement_count": document.statement_count,
    }


def _ingest(service: ProvenanceService, raw: RawDocument, extractor: str | None):
    try:
        return service.ingest(raw, extractor)
    except UnknownExtractor as error:
        detail = f"no extractor named {error.args[0]!r}"
        raise ItemProblem(422, "unknown-extractor", "Unknown extractor", detail) from None
    except EmptyDocument as error:
        raise ItemProblem(422, "empty-document", "Empty document", str(error)) from None


def _results(service: ProvenanceService, body: bytes) -> Iterator[bytes]:
    for number, line in enumerate(body.splitlines(), 1):
        if line.strip():
            yield msgspec.json.encode(_result(service, number, line)) + b"\n"


@dataclass
class BulkOperation(Operation):
    """The operation with its NDJSON request body declared (Litestar reads the body as
    JSON when it is a handler parameter, so the handler reads it raw instead)."""

    def __post_init__(self) -> None:
        self.request_body = RequestBody(
            required=True,
            description="One JSON object a line: a document as `POST /documents` takes it "
            '(`text` or `html`, with `url`, `outlet`, `published`), or `{"ninjs": ITEM}`.',
            content={
                NDJSON: OpenAPIMediaType(
                    schema=Schema(type=OpenAPIType.STRING, min_length=1, pattern=r"\S"),
                    examples={"items": EXAMPLE_IN_SPEC},
                )
            },
        )


class BulkController(Controller):
    path = "/documents:bulk"
    tags = ("documents",)

    @post(
        "/",
        operation_id="IngestDocuments",
        summary="Ingest documents in bulk",
        security=requires(Scope.write),
        opt={BODY_MEDIA_TYPES: (NDJSON,)},
        status_code=200,
        media_type=NDJSON,
        operation_class=BulkOperation,
        responses={
            200: ResponseSpec(
                BulkResult,
                description="One JSON line per input line, in order, streamed as each is stored.",
                media_type=NDJSON,
                generate_examples=False,
                examples=[Example(summary="Results", value=EXAMPLE_OUT)],
            ),
            **problems(400, 401, 403, 413, 415, 422, 429, 503, body=True),
        },
    )
    async def ingest_bulk(self, request: Request, service: Service) -> Stream:
        """Ingest many documents from NDJSON: each line is stored (or found already stored)
        on its own, and answered by one result line as soon as it is done; a line that fails
        is answered by a problem object and the others go on. Needs an API key with the
        `write` scope. A body without a line to ingest is refused (422)."""
        body = await request.body()
        if not body.strip():
            raise problem(
                422,
                "empty-bulk",
                "Nothing to ingest",
                "the body has no line to ingest: send one JSON object a line",
            )
        return Stream(_results(service, body), media_type=NDJSON)
