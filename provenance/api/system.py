"""Health and the installed extractors."""

from litestar import Controller, get

from provenance import __version__
from provenance.api.dependencies import Service
from provenance.api.openapi import EXTRACTOR, HEALTH, ok
from provenance.domain import ExtractorInfo, Health


class SystemController(Controller):
    tags = ("system",)

    @get(
        "/health",
        operation_id="GetHealth",
        opt={"public": True},
        summary="Check health",
        responses={200: ok(Health, HEALTH)},
        sync_to_thread=True,
    )
    def health(self, service: Service) -> Health:
        """Liveness and readiness: answers only when the database does."""
        return Health(status="ok", version=__version__, documents=service.count_documents())

    @get(
        "/extractors",
        operation_id="ListExtractors",
        summary="List installed extractors",
        responses={200: ok(list[ExtractorInfo], [EXTRACTOR])},
        sync_to_thread=False,
    )
    def extractors(self, service: Service) -> list[ExtractorInfo]:
        """Installed extractor plugins with their distribution, version, formats and hooks."""
        return service.plugins.describe()
