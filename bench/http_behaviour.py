"""What the HTTP wrapper (HEAD, ETag, 304, gzip: ``provenance/api/http.py``) costs on hot
reads: the same app with and without it, measured in the same run, as a ratio (each
measured three times, alternating, the median kept: this machine is shared and noisy)."""

import asyncio
import statistics
import tempfile

from bench.api import ROOT, per_request
from provenance.app import create_app
from provenance.service import ProvenanceService
from provenance.settings import Settings


async def run(folder: str) -> None:
    settings = Settings(
        database_url=f"sqlite:///{folder}/bench.db",
        seeds_dir=str(ROOT / "seeds"),
        rate_limit_per_address=0,  # one client, thousands of requests
    )
    service = ProvenanceService(settings)
    app = create_app(settings, service)
    wrapped = app.asgi_handler
    async with app.lifespan():
        statement = service.list_statements(1, 0).items[0].id
        cases = {
            "statement by id": (f"/statements/{statement}", ""),
            "documents page": ("/documents", "limit=20"),
        }
        for label, (path, query) in cases.items():
            times: dict[bool, list[float]] = {False: [], True: []}
            for _ in range(3):
                for wrapper in (False, True):
                    app.asgi_handler = wrapped if wrapper else wrapped.app
                    times[wrapper].append(await per_request(app, path, query))
            app.asgi_handler = wrapped
            without, with_it = statistics.median(times[False]), statistics.median(times[True])
            print(
                f"{label:18} {without * 1e6:7.1f} us without the wrapper, "
                f"{with_it * 1e6:7.1f} us with it: {without / with_it:4.2f} of the speed"
            )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(folder))


if __name__ == "__main__":
    main()
