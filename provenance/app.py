"""The application factory: controllers, OpenAPI, dependencies and errors wired in one place."""

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme, Tag

from provenance import __version__
from provenance.api.bulk import BulkController
from provenance.api.docs import docs_render_plugins, docs_static_router
from provenance.api.documents import DocumentController
from provenance.api.errors import (
    API_KEY_HEADER,
    problem_details_plugin,
    require_api_key_for_reads,
)
from provenance.api.speakers import SourceController, SpeakerController
from provenance.api.statements import StatementController
from provenance.api.system import SystemController
from provenance.api.trace import TraceController
from provenance.service import ProvenanceService
from provenance.settings import Settings

DESCRIPTION = """\
Who said what, where, when, through which channel and via which intermediary.

The service reads news articles, extracts direct quotations and reported speech with
their speakers, channels, intermediaries and dates, and answers questions about them.
Reads are open; writes need an API key in the `X-API-Key` header. Errors are
RFC 9457 problem details (`application/problem+json`). Every list is paginated with
`limit` and `offset` and reports its `total` and the `next` page.
"""


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Provenance API",
        version=__version__,
        description=DESCRIPTION,
        path="/schema",
        use_handler_docstrings=True,
        render_plugins=docs_render_plugins(),
        tags=[
            Tag(name="documents", description="Ingested articles."),
            Tag(name="statements", description="Quotations and reported speech."),
            Tag(name="speakers", description="People, organisations and groups quoted."),
            Tag(name="sources", description="Intermediaries that relayed statements."),
            Tag(
                name="tracing",
                description="Quote clusters, first appearances, disagreements, who relays whom.",
            ),
            Tag(name="system", description="Health and installed extractors."),
        ],
        components=Components(
            security_schemes={
                "apiKey": SecurityScheme(
                    type="apiKey", name=API_KEY_HEADER, security_scheme_in="header"
                )
            }
        ),
    )


def create_app(settings: Settings, service: ProvenanceService | None = None) -> Litestar:
    """The Litestar app over ``service`` (by default one built from ``settings``)."""
    service = service or ProvenanceService(settings)

    @asynccontextmanager
    async def lifespan(_app: Litestar) -> AsyncGenerator[None, None]:
        service.start()
        try:
            yield
        finally:
            service.close()

    return Litestar(
        route_handlers=[
            SystemController,
            DocumentController,
            BulkController,
            StatementController,
            SpeakerController,
            SourceController,
            TraceController,
            docs_static_router(),
        ],
        dependencies={"service": Provide(lambda: service, sync_to_thread=False)},
        state=State({"settings": settings, "service": service}),
        plugins=[problem_details_plugin()],
        # Only when configured: Litestar copies the handler for every guard it runs.
        guards=[require_api_key_for_reads] if settings.read_requires_key else [],
        openapi_config=openapi_config(),
        request_max_body_size=settings.max_body_bytes,
        lifespan=[lifespan],
    )
