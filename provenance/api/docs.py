"""The browsable API docs, served with local assets (no CDN: newsrooms are often offline).

Swagger UI at ``/schema`` (and ``/schema/swagger``) to try requests, ReDoc at
``/schema/redoc`` to read; both, and ``/schema/openapi.json``, show the same refined
document (:func:`provenance.api.openapi.refine`). Any other ``/schema/...`` path answers a
404 problem, not Litestar's HTML page.
"""

from pathlib import Path
from typing import Any

import swagger_ui_bundle
from litestar import Litestar, Request, Response, Router
from litestar.datastructures import ResponseHeader
from litestar.enums import MediaType
from litestar.openapi.plugins import (
    JsonRenderPlugin,
    OpenAPIRenderPlugin,
    RedocRenderPlugin,
)
from litestar.serialization import encode_json
from litestar.static_files import create_static_files_router

from provenance.api.openapi import PROBLEM_MEDIA_TYPE, refine, require_key_for_reads

DOCS_PATH = "/schema"
ASSETS_PATH = f"{DOCS_PATH}/assets"
STATIC_DIR = Path(__file__).parent / "static"
"""Our own page script, and ReDoc's bundle copied there by ``scripts/vendor-docs-assets.sh``."""
REDOC_JS = "redoc.standalone.js"
FAVICON = f"<link rel='icon' type='image/png' href='{ASSETS_PATH}/favicon-32x32.png'>"
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
    )
)
"""The docs pages load nothing from elsewhere: ReDoc's bundle, for one, asks for its makers'
logo on a CDN, which this keeps from ever leaving the machine (the page hides it)."""
SWAGGER_SETTINGS = {
    "dom_id": "#swagger-ui",
    "deepLinking": True,
    "tryItOutEnabled": False,
    "displayRequestDuration": True,
    "persistAuthorization": False,
}


def served_document(request: Request, document: dict[str, Any]) -> dict[str, Any]:
    """The document as this app serves it: refined, with keys on reads when they need one."""
    app = request.app
    refine(document, app.state.service.plugins.extractors)
    if app.state.settings.read_requires_key:
        require_key_for_reads(document, public=_public_paths(app))
    return document


def _public_paths(app: Litestar) -> set[str]:
    """Paths whose handlers stay open when reads need a key (``opt={"public": True}``)."""
    return {
        route.path_format
        for route in app.routes
        for handler in getattr(route, "route_handlers", ())
        if handler.opt.get("public")
    }


class OpenAPIJson(JsonRenderPlugin):
    """``/schema/openapi.json``: the refined document."""

    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, served_document(request, openapi_schema))


class SwaggerPage(OpenAPIRenderPlugin):
    """Swagger UI, with ``docs.js`` to draw SVG answers."""

    def __init__(self) -> None:
        super().__init__(path=["/", "/swagger"], favicon=FAVICON)

    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        document = served_document(request, openapi_schema)
        title = document["info"]["title"]
        settings = encode_json(SWAGGER_SETTINGS).decode()
        return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <title>{title}</title>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  {self.favicon}
  <link rel="stylesheet" href="{ASSETS_PATH}/swagger-ui.css">
  <script src="{ASSETS_PATH}/swagger-ui-bundle.js"></script>
  <script src="{ASSETS_PATH}/docs.js"></script>
</head>
<body>
  <div id="swagger-ui"></div>
  <script>
    window.ui = provenanceSwagger({self.render_json(request, document).decode()}, {settings});
  </script>
</body>
</html>""".encode()


class RedocPage(RedocRenderPlugin):
    """ReDoc, from the locally vendored bundle, without web fonts."""

    def __init__(self) -> None:
        super().__init__(
            path="/redoc", js_url=f"{ASSETS_PATH}/{REDOC_JS}", google_fonts=False, favicon=FAVICON
        )

    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, served_document(request, openapi_schema))


def docs_render_plugins() -> list[OpenAPIRenderPlugin]:
    return [SwaggerPage(), RedocPage(), OpenAPIJson()]


def _problem_for_missing_page(response: Response) -> Response:
    """Litestar answers an unknown ``/schema/...`` path with an HTML 404; clients get a problem."""
    if response.status_code != 404 or response.media_type != MediaType.HTML:
        return response
    return Response(
        {"status": 404, "title": "Not Found", "type": "about:blank", "detail": "no such docs page"},
        status_code=404,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def docs_router() -> Router:
    """The router Litestar fills with the docs pages."""
    return Router(
        DOCS_PATH,
        route_handlers=[],
        include_in_schema=False,
        after_request=_problem_for_missing_page,
        response_headers=[
            ResponseHeader(name="Content-Security-Policy", value=CONTENT_SECURITY_POLICY)
        ],
    )


def docs_static_router() -> Router:
    return create_static_files_router(
        path=ASSETS_PATH,
        directories=[Path(swagger_ui_bundle.swagger_ui_path), STATIC_DIR],
        include_in_schema=False,
        opt={"docs": True},
    )
