"""Run inside an environment with ``tests/plugins/broken`` installed: for each mode
named on the command line, a fresh server ingests documents while the plugin
misbehaves, and the conformance kit checks the plugin. Prints one JSON object."""

import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

from litestar.testing import TestClient

from provenance.app import create_app
from provenance.conformance import run_checks
from provenance.settings import Settings

PACKAGE = Path(sys.argv[1])
KEY = "misbehaving-test-key"
AUTH = {"X-API-Key": KEY}
STORY = (
    "Harbour deal signed\n\nPosted on Sunday\n\n"
    '"We have a deal," said port director Lena Berg on Sunday. Copy {}.\n'
)
DOCUMENTS = 4


def latency(client: TestClient) -> float:
    """Median seconds of a request that involves no plugin."""
    times = []
    for _ in range(5):
        started = time.perf_counter()
        client.get("/documents")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


POOL_THREADS = ("asyncio_", "AnyIO worker thread")
"""Threads of bounded pools (the loop's executor, anyio's workers): they grow with calls at
once, up to their bound, whatever the plugin does."""


def threads() -> int:
    """Threads running, but those of bounded pools: a leak grows with documents."""
    return sum(not t.name.startswith(POOL_THREADS) for t in threading.enumerate())


def settled(client: TestClient) -> None:
    """Wait until the plugin has loaded or failed to (a busy machine can take seconds)."""
    for _ in range(100):
        statuses = {e["name"]: e["status"] for e in client.get("/extractors").json()}
        if statuses.get("broken") != "loading":
            return
        time.sleep(0.1)


def serve(mode: str, folder: Path) -> dict:
    os.environ["PROVENANCE_BROKEN_MODE"] = mode
    os.environ["PROVENANCE_DATABASE_URL"] = f"sqlite:///{folder}/{mode}.db"
    os.environ["PROVENANCE_API_KEYS"] = KEY
    os.environ["PROVENANCE_RATE_LIMIT_PER_ADDRESS"] = "0"
    started = time.monotonic()
    with TestClient(create_app(Settings.from_env())) as client:
        start_up = time.monotonic() - started
        if mode != "slow-import":
            settled(client)
        posted = [client.post("/documents", json={"text": STORY.format(0)}, headers=AUTH)]
        before = {"threads": threads(), "latency": latency(client)}
        posted += [
            client.post("/documents", json={"text": STORY.format(n)}, headers=AUTH)
            for n in range(1, DOCUMENTS)
        ]
        stored = [
            client.get(f"/documents/{r.json()['document']['id']}").json()
            for r in posted
            if r.status_code == 201
        ]
        after = {"threads": threads(), "latency": latency(client)}
        return {
            "start_up": start_up,
            "statuses": [r.status_code for r in posted],
            "stored": [
                {"extractor": d["extractor"], "failures": d["failures"], "body": d["body"]}
                for d in stored
            ],
            "before": before,
            "after": after,
            "extractors": client.get("/extractors").json(),
            "health": client.get("/health").json(),
        }


def main() -> None:
    folder = Path(os.environ["MISBEHAVING_DIR"])
    results = {}
    for mode in sys.argv[2:]:
        results[mode] = serve(mode, folder)
        checks = run_checks(PACKAGE, settings=Settings.from_env())
        results[mode]["checks"] = [(c.name, c.passed, c.detail) for c in checks]
    sys.stdout.write(json.dumps(results) + "\n")


if __name__ == "__main__":
    main()
