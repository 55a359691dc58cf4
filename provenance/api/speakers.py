"""Speakers and sources: the people, organisations and groups quoted, and who relayed them."""

from collections.abc import Callable
from typing import Annotated

from litestar import Controller, Request, Response, get

from provenance.api.dependencies import Service
from provenance.api.errors import not_found
from provenance.api.http import EncodedJson
from provenance.api.limits import MAX_NAME_CHARS, SourceId, SpeakerId, text_param
from provenance.api.openapi import (
    SOURCE,
    SPEAKER,
    STATEMENT,
    ok,
    page_of,
    problems,
    query_example,
)
from provenance.api.pagination import Cursor, Limit, Offset, after, encoded_page, page
from provenance.api.reading import run_kept
from provenance.domain import Page, Source, Speaker, Statement
from provenance.service import Slice
from provenance.store.plain import Reader
from provenance.store.reads import searches_indexed

NameQuery = Annotated[
    str | None,
    text_param(
        "Part of any name, alias or spelling (case and accents ignored).",
        MAX_NAME_CHARS,
        examples=query_example("Chaudhry", "A spelling variant"),
    ),
]


async def _search(
    request: Request,
    search: Callable[..., Slice],
    listing: str,
    limit: int,
    offset: int,
    cursor: str | None,
    q: str | None,
) -> EncodedJson:
    """A page of the speakers or sources (``listing``) that ``search`` finds for ``q``."""
    key = after(cursor, listing)

    def answer(db: Reader) -> EncodedJson:
        return encoded_page(request, search(limit, offset, q, key, db), limit, offset, listing)

    return await run_kept(request, answer, searches_indexed(q))


class SpeakerController(Controller):
    path = "/speakers"
    tags = ("speakers",)

    @get(
        "/",
        operation_id="ListSpeakers",
        summary="List speakers",
        responses={200: ok(Page[Speaker], page_of(SPEAKER)), **problems(400, 422)},
    )
    async def list_speakers(
        self,
        request: Request,
        service: Service,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
        q: NameQuery = None,
    ) -> EncodedJson:
        """Speakers, most quoted first; `q` matches any alias or spelling."""
        return await _search(request, service.list_speakers, "speakers", limit, offset, cursor, q)

    @get(
        "/{speaker_id:int}",
        operation_id="GetSpeaker",
        summary="Get a speaker",
        responses={200: ok(Speaker, SPEAKER), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_speaker(
        self,
        service: Service,
        speaker_id: SpeakerId,
    ) -> Speaker:
        """A speaker with every alias (and how often it was seen) and every role."""
        speaker = service.get_speaker(speaker_id)
        if speaker is None:
            raise not_found("speaker", speaker_id)
        return speaker

    @get(
        "/{speaker_id:int}/statements",
        operation_id="ListSpeakerStatements",
        summary="List a speaker's statements",
        responses={200: ok(Page[Statement], page_of(STATEMENT)), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def list_speaker_statements(
        self,
        request: Request,
        service: Service,
        speaker_id: SpeakerId,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> Response[Page[Statement]]:
        """Everything a speaker said, under any name, with where, when and via whom."""
        key = after(cursor, "statements")
        if service.get_speaker(speaker_id) is None:
            raise not_found("speaker", speaker_id)
        found = service.list_statements(limit, offset, key, speaker=str(speaker_id))
        return page(request, found, limit, offset, "statements")


class SourceController(Controller):
    path = "/sources"
    tags = ("sources",)

    @get(
        "/",
        operation_id="ListSources",
        summary="List sources (intermediaries)",
        responses={200: ok(Page[Source], page_of(SOURCE)), **problems(400, 422)},
    )
    async def list_sources(
        self,
        request: Request,
        service: Service,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
        q: NameQuery = None,
    ) -> EncodedJson:
        """Intermediaries (outlets, agencies, platforms, people) that relayed statements."""
        return await _search(request, service.list_sources, "sources", limit, offset, cursor, q)

    @get(
        "/{source_id:int}",
        operation_id="GetSource",
        summary="Get a source",
        responses={200: ok(Source, SOURCE), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_source(
        self,
        service: Service,
        source_id: SourceId,
    ) -> Source:
        """An intermediary with its aliases and how many statements it relayed."""
        source = service.get_source(source_id)
        if source is None:
            raise not_found("source", source_id)
        return source
