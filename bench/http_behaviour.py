"""Where a hot read's time goes, in process (full ASGI calls, no sockets): the bare Litestar
reference B, a handler shaped like ``GET /statements/{id}`` in the service's app that reads
nothing (routing, security, checks, the HTTP layer), the read itself, and the real handler
with and without the HTTP layer (HEAD, ETag, 304, gzip, security headers:
``provenance/api/http.py``). CPU time per request, the best of several batches (this
machine is shared: the best batch is the least disturbed one), and each as a ratio to B.

    python -m bench http_behaviour
"""

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable

from litestar import Litestar, Request, Router, get

import provenance.app
from bench.api import ROOT
from bench.references import bare
from provenance.api.http import EncodedJson
from provenance.api.limits import StatementId
from provenance.app import create_app
from provenance.service import ProvenanceService
from provenance.settings import Settings

REQUESTS = 4000
BATCHES = 8


async def call(app: Callable, path: str) -> int:
    """One GET through ``app``'s ASGI interface; its status."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    status = 0

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def seconds_each(work: Callable[[], Awaitable[object]]) -> float:
    """CPU seconds per call of ``work``: the best of :data:`BATCHES` batches."""
    batches = []
    for _ in range(BATCHES):
        start = time.process_time()
        for _ in range(REQUESTS // BATCHES):
            await work()
        batches.append((time.process_time() - start) / (REQUESTS // BATCHES))
    return min(batches)


def with_shaped_handler(statement: object) -> None:
    """Serve ``/shape/{id}`` beside the statements: the by-id handler's signature and
    answer, without the read."""

    @get("/shape/{statement_id:int}", include_in_schema=False)
    async def shape(request: Request, statement_id: StatementId) -> EncodedJson:
        return EncodedJson(statement)

    statements = provenance.app.StatementController
    provenance.app.StatementController = Router("/", route_handlers=[statements, shape])  # type: ignore[misc]


async def run(folder: str) -> None:
    settings = Settings(
        database_url=f"sqlite:///{folder}/bench.db",
        seeds_dir=str(ROOT / "seeds"),
        rate_limit_per_address=0,  # one client, thousands of requests
    )
    service = ProvenanceService(settings)
    service.start()
    statements = service.list_statements(500, 0).items
    statement = max(statements, key=lambda s: (len(s.chain.via), s.speaker is not None))
    with_shaped_handler(statement)
    app = create_app(settings, service)
    layer = app.asgi_handler
    async with app.lifespan():
        reader = app.state.loop_reader
        path = f"/statements/{statement.id}"
        assert await call(app, path) == 200 and await call(app, f"/shape/{statement.id}") == 200
        reference = await seconds_each(lambda: call(bare, "/"))
        cases: dict[str, Callable[[], Awaitable[object]]] = {
            "B bare Litestar": lambda: call(bare, "/"),
            "same-shaped handler, no read": lambda: call(app, f"/shape/{statement.id}"),
            "the read alone": lambda: reader.run(
                lambda db: service.get_statement(statement.id, db)
            ),
            "statement by id": lambda: call(app, path),
            "statement by id, no HTTP layer": lambda: _without(app, layer, path),
        }
        for label, work in cases.items():
            seconds = await seconds_each(work)
            print(f"{label:32} {seconds * 1e6:7.1f} us CPU/request  {reference / seconds:5.2f} B")


async def _without(app: Litestar, layer: Callable, path: str) -> int:
    app.asgi_handler = layer.app  # type: ignore[attr-defined]
    try:
        return await call(app, path)
    finally:
        app.asgi_handler = layer


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(folder))


if __name__ == "__main__":
    main()
