"""The application factory: controllers, OpenAPI, dependencies and errors wired in one place."""

import gc
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, Tag

from provenance import __version__
from provenance.api.bulk import BulkController
from provenance.api.docs import docs_render_plugins, docs_router, docs_static_router
from provenance.api.documents import DocumentController
from provenance.api.errors import problem_details_plugin
from provenance.api.http import check_request, cors_config, with_http_behaviour
from provenance.api.openapi import SECURITY_SCHEMES
from provenance.api.speakers import SourceController, SpeakerController
from provenance.api.statements import StatementController
from provenance.api.system import SystemController
from provenance.api.trace import TraceController
from provenance.security.middleware import Security, SecurityMiddleware
from provenance.service import ProvenanceService
from provenance.settings import Settings
from provenance.store import reads

DESCRIPTION = """\
Who said what, where, when, through which channel and via which intermediary.

The service reads news articles, extracts direct quotations and reported speech with
their speakers, channels, intermediaries and dates, and answers questions about them.
Reads are open unless the server is configured otherwise; writes need an API key with
the `write` scope in the `X-API-Key` header (see each operation's security). Errors are
RFC 9457 problem details (`application/problem+json`). Every list is paginated with
`limit` and `offset` and reports its `total` and the `next` page.

Every GET answers HEAD too. Reads carry a strong `ETag` (send it in `If-None-Match` for a
304) and are gzipped when `Accept-Encoding` asks. A query parameter an operation does not
declare is refused (400, naming it); a body that is not JSON gets 415.
"""


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Provenance API",
        version=__version__,
        description=DESCRIPTION,
        path="/schema",
        use_handler_docstrings=True,
        render_plugins=docs_render_plugins(),
        openapi_router=docs_router(),
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
        components=Components(security_schemes=SECURITY_SCHEMES),
    )


def create_app(settings: Settings, service: ProvenanceService | None = None) -> Litestar:
    """The Litestar app over ``service`` (by default one built from ``settings``)."""
    service = service or ProvenanceService(settings)
    security = Security(settings, service.engine)
    loop_reader = reads.loop_reader(service.engine)

    @asynccontextmanager
    async def lifespan(_app: Litestar) -> AsyncGenerator[None, None]:
        service.start()
        # What is loaded by now lives as long as the server: out of the collector's full
        # passes, which otherwise walk it all (90 ms pauses at a million statements).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()  # what is garbage by now (a test's app) may go
            if loop_reader is not None:
                await loop_reader.close()
            service.close()

    app = Litestar(
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
        state=State(
            {
                "settings": settings,
                "service": service,
                "security": security,
                "loop_reader": loop_reader,
            }
        ),
        plugins=[problem_details_plugin()],
        middleware=[DefineMiddleware(SecurityMiddleware, security=security)],
        on_startup=[security.start],
        on_shutdown=[security.stop],
        openapi_config=openapi_config(),
        request_max_body_size=settings.max_body_bytes,
        lifespan=[lifespan],
        cors_config=cors_config(settings.cors_origins),
        before_request=check_request,
    )
    return with_http_behaviour(app)
