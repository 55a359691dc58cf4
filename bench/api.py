"""Hot read paths against a bare Litestar handler, through the ASGI interface.

Each request is a full ASGI call (routing, dependency injection, validation, encoding)
without sockets, so the figures show the application's own cost. The reference is a
bare handler returning a small constant in an app with the same configuration; the
target from the design is a statement by id within 2x of it.
"""

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from litestar import Litestar, get

from provenance.api.dependencies import Service
from provenance.app import create_app
from provenance.domain import Statement
from provenance.service import ProvenanceService
from provenance.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 3000


@get("/bare", sync_to_thread=False)
def bare() -> dict[str, int]:
    return {"id": 1}


def same_shape(example: Statement):
    """A handler shaped like GET /statements/{id} (int path parameter, the injected
    service, a Statement returned) that does no work: the framework's floor for it."""

    @get("/shape/{statement_id:int}", sync_to_thread=False)
    def shape(service: Service, statement_id: int) -> Statement:
        return example

    return shape


async def call(app: Litestar, path: str, query: str = "") -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
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


async def per_request(app: Litestar, path: str, query: str = "") -> float:
    """Median seconds per request over batches of REQUESTS // 10."""
    assert await call(app, path, query) == 200, path
    batches = []
    for _ in range(10):
        start = time.perf_counter()
        for _ in range(REQUESTS // 10):
            await call(app, path, query)
        batches.append((time.perf_counter() - start) / (REQUESTS // 10))
    return statistics.median(batches)


async def run(folder: str) -> None:
    settings = Settings(
        database_url=f"sqlite:///{folder}/bench.db",
        seeds_dir=str(ROOT / "seeds"),
        rate_limit_per_address=0,  # one client, thousands of requests: not what is measured
    )
    service = ProvenanceService(settings)
    app = create_app(settings, service)
    app.register(bare)
    async with app.lifespan():
        statement = service.list_statements(1, 0).items[0].id
        speaker = service.list_speakers(1, 0).items[0].id
        app.register(same_shape(service.get_statement(statement)))
        reference = await per_request(app, "/bare")
        floor = await per_request(app, f"/shape/{statement}")
        cases = {
            "statement by id": (f"/statements/{statement}", ""),
            "speaker by id": (f"/speakers/{speaker}", ""),
            "statements of a speaker": ("/statements", f"speaker={speaker}&limit=20"),
            "speaker search": ("/speakers", "q=minister&limit=20"),
            "documents page": ("/documents", "limit=20"),
        }
        print(f"reference (bare handler): {reference * 1e6:7.1f} us/request")
        print(f"same-shaped handler doing no work: {floor * 1e6:7.1f} us/request")
        for label, (path, query) in cases.items():
            seconds = await per_request(app, path, query)
            ratio = reference / seconds
            print(
                f"{label:25} {seconds * 1e6:7.1f} us/request  {ratio:5.2f} of the bare handler"
                + (
                    f", {floor / seconds:4.2f} of the same-shaped one"
                    if label.endswith("id")
                    else ""
                )
            )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(folder))


if __name__ == "__main__":
    main()
