"""Statements: who said what, filtered every way a newsroom asks."""

from datetime import date
from typing import Annotated, Literal

from litestar import Controller, Request, get
from litestar.params import Parameter

from provenance.api.dependencies import Service
from provenance.api.errors import not_found
from provenance.api.limits import (
    MAX_DOCUMENT_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_WORDS_CHARS,
    StatementId,
    text_param,
)
from provenance.api.openapi import STATEMENT, ok, page_of, problems, query_example
from provenance.api.pagination import Limit, Offset, page
from provenance.domain import Page, Statement


class StatementController(Controller):
    path = "/statements"
    tags = ("statements",)

    @get(
        "/",
        operation_id="ListStatements",
        summary="Search statements",
        responses={200: ok(Page[Statement], page_of(STATEMENT)), **problems(422)},
        sync_to_thread=False,
    )
    def list_statements(
        self,
        request: Request,
        service: Service,
        limit: Limit = 50,
        offset: Offset = 0,
        speaker: Annotated[
            str | None,
            text_param(
                "Speaker id, or any name or spelling the speaker was seen under.",
                MAX_NAME_CHARS,
                examples=query_example("Mammadov", "By a surname"),
            ),
        ] = None,
        document: Annotated[str | None, text_param("Document id.", MAX_DOCUMENT_ID_CHARS)] = None,
        via: Annotated[
            str | None,
            text_param(
                "An intermediary (source id or name) the statement passed through.",
                MAX_NAME_CHARS,
                examples=query_example("Reuters", "Relayed by an agency"),
            ),
        ] = None,
        kind: Annotated[
            Literal["direct", "indirect"] | None,
            Parameter(description="direct (quoted words) or indirect (reported speech)."),
        ] = None,
        q: Annotated[
            str | None,
            text_param(
                "Words the statement's text contains (case-insensitive).",
                MAX_WORDS_CHARS,
                examples=query_example("baseless", "A word of the quote"),
            ),
        ] = None,
        said_after: Annotated[
            date | None, Parameter(description="Said on or after this date.")
        ] = None,
        said_before: Annotated[
            date | None, Parameter(description="Said on or before this date.")
        ] = None,
    ) -> Page[Statement]:
        """Search statements by speaker, document, intermediary, kind, words and date."""
        found = service.list_statements(
            limit,
            offset,
            speaker=speaker,
            document=document,
            via=via,
            kind=kind,
            q=q,
            said_after=said_after,
            said_before=said_before,
        )
        return page(request, found, limit, offset)

    @get(
        "/{statement_id:int}",
        operation_id="GetStatement",
        summary="Get a statement with its chain",
        responses={200: ok(Statement, STATEMENT), **problems(404, 422)},
        sync_to_thread=False,
    )
    def get_statement(
        self,
        service: Service,
        statement_id: StatementId,
    ) -> Statement:
        """One statement with its chain: speaker -> channel -> intermediaries -> document."""
        statement = service.get_statement(statement_id)
        if statement is None:
            raise not_found("statement", statement_id)
        return statement
