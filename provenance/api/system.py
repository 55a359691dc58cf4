"""Health and the installed extractors."""

from litestar import Controller, Request, get
from sqlalchemy.exc import SQLAlchemyError

from provenance import __version__
from provenance.api.dependencies import Service
from provenance.api.errors import problem
from provenance.api.openapi import EXTRACTOR, HEALTH, ok, problems
from provenance.domain import ExtractorInfo, Health
from provenance.security.middleware import current_key


class SystemController(Controller):
    tags = ("system",)

    @get(
        "/health",
        operation_id="GetHealth",
        opt={"public": True},
        summary="Check health",
        responses={200: ok(Health, HEALTH), **problems(400, 503)},
        sync_to_thread=True,
    )
    def health(self, request: Request, service: Service) -> Health:
        """Liveness and readiness: 200 when the database answers, 503 when it does not.
        The version, document count and plugins that failed to load are shown only to
        those who may read."""
        try:
            documents = service.count_documents()
        except SQLAlchemyError:
            raise problem(
                503, "database-unavailable", "Service unavailable", "the database is not answering"
            ) from None
        if service.settings.read_requires_key and current_key(request.scope) is None:
            return Health(status="ok")
        return Health(
            status="ok",
            version=__version__,
            documents=documents,
            plugin_failures=service.plugins.load_failures(),
        )

    @get(
        "/extractors",
        operation_id="ListExtractors",
        summary="List installed extractors",
        responses={200: ok(list[ExtractorInfo], [EXTRACTOR]), **problems(400)},
        sync_to_thread=True,  # may wait for plugins still importing at start-up
    )
    def extractors(self, service: Service) -> list[ExtractorInfo]:
        """Installed extractor plugins with their distribution, version, formats and hooks,
        then plugins still loading or failed to load, with the error."""
        return service.plugins.describe(service.settings.extract_timeout)
