"""Statements: who said what, filtered every way a newsroom asks."""

from datetime import date
from typing import Annotated, Literal

from litestar import Controller, Request, get
from litestar.params import Parameter
from litestar.plugins.problem_details import ProblemDetailsException

from provenance.api.dependencies import Service
from provenance.api.errors import not_found, problem
from provenance.api.http import EncodedJson
from provenance.api.limits import (
    MAX_DOCUMENT_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_WORDS_CHARS,
    StatementId,
    text_param,
)
from provenance.api.openapi import STATEMENT, ok, page_of, problems, query_example
from provenance.api.pagination import Cursor, Limit, Offset, after, encoded_page
from provenance.api.reading import run_kept
from provenance.domain import Page, Statement
from provenance.service import ProvenanceService, StatementGone
from provenance.store.plain import Reader
from provenance.store.reads import searches_indexed


class StatementController(Controller):
    path = "/statements"
    tags = ("statements",)

    @get(
        "/",
        operation_id="ListStatements",
        summary="Search statements",
        responses={200: ok(Page[Statement], page_of(STATEMENT)), **problems(400, 422)},
    )
    async def list_statements(
        self,
        request: Request,
        service: Service,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
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
    ) -> EncodedJson:
        """Search statements by speaker, document, intermediary, kind, words and date."""
        key = after(cursor, "statements")
        filters = {
            "speaker": speaker,
            "document": document,
            "via": via,
            "kind": kind,
            "q": q,
            "said_after": said_after,
            "said_before": said_before,
        }

        def answer(db: Reader) -> EncodedJson:
            found = service.list_statements(limit, offset, key, db, **filters)
            return encoded_page(request, found, limit, offset, "statements")

        return await run_kept(request, answer, searches_indexed(speaker, via, q))

    @get(
        "/{statement_id:int}",
        operation_id="GetStatement",
        summary="Get a statement with its chain",
        responses={200: ok(Statement, STATEMENT), **problems(400, 404, 410, 422)},
    )
    async def get_statement(self, request: Request, statement_id: StatementId) -> EncodedJson:
        """One statement with its chain: speaker -> channel -> intermediaries -> document.

        A statement a re-extraction removed answers 410 Gone with links to the statement
        now covering its words (when one does) and to its document."""
        service = request.app.state.service
        return await run_kept(
            request, lambda db: EncodedJson(_found_or_gone(service, statement_id, db))
        )


def _found_or_gone(service: ProvenanceService, statement_id: int, db: Reader | None) -> Statement:
    """The statement, or why there is none (404, or 410 for one a re-extraction removed)."""
    try:
        statement = service.get_statement(statement_id, db)
    except StatementGone as gone:
        raise _gone(gone) from None
    if statement is None:
        raise not_found("statement", statement_id)
    return statement


def _gone(gone: StatementGone) -> ProblemDetailsException:
    document = f"/documents/{gone.document_id}"
    replaced_by = None if gone.successor_id is None else f"/statements/{gone.successor_id}"
    links = [f'<{document}>; rel="up"']
    if replaced_by:
        links.insert(0, f'<{replaced_by}>; rel="successor-version"')
    return problem(
        410,
        "statement-gone",
        "Gone",
        f"{gone}; see {replaced_by or document}",
        headers={"Link": ", ".join(links)},
        document=document,
        replaced_by=replaced_by,
    )
