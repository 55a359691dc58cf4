"""`kill -9` of the real server mid-write loses no acknowledged document, on both databases."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
from sqlalchemy.engine import make_url

from tests.conftest import API_KEY, AUTH, ROOT
from tests.test_serve import free_port, wait_for

POSTERS = 6
#: Acknowledged posts after which the server is killed (others are in flight by then).
KILL_AFTER = 10


def article(n: int) -> str:
    return (
        f"Rail strike, day {n}\n\n"
        f'"Trains on line {n} will run again on Friday," union leader Ana Ruiz told Reuters.\n\n'
        f"Transport minister Ivo Petrov said {n + 3} stations would reopen, according to AFP.\n"
    )


@contextmanager
def server(database_url: str) -> Iterator[tuple[subprocess.Popen, str]]:
    port = free_port()
    env = {
        **os.environ,
        "PROVENANCE_DATABASE_URL": database_url,
        "PROVENANCE_API_KEYS": API_KEY,
        "PROVENANCE_SEED_ON_START": "false",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "provenance", "serve", "--port", f"{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/health")
        yield process, base
    finally:
        process.kill()
        process.wait(timeout=30)


def post_until_killed(base: str, process: subprocess.Popen) -> dict[str, int]:
    """Post articles from several threads; SIGKILL the server once ``KILL_AFTER`` are
    acknowledged. Returns the acknowledged documents: id -> statement count."""
    acknowledged: dict[str, int] = {}
    lock = threading.Lock()
    numbers = iter(range(10_000))

    def poster() -> None:
        with httpx.Client(base_url=base, headers=AUTH, timeout=30) as client:
            while process.poll() is None:
                with lock:
                    n = next(numbers)
                try:
                    answer = client.post("/documents", json={"text": article(n)})
                except httpx.TransportError:
                    return  # killed while we waited: not acknowledged
                assert answer.status_code == 201, answer.text
                document = answer.json()["document"]
                with lock:
                    acknowledged[document["id"]] = document["statement_count"]
                    if len(acknowledged) == KILL_AFTER:
                        process.send_signal(signal.SIGKILL)

    with ThreadPoolExecutor(POSTERS) as pool:
        for future in [pool.submit(poster) for _ in range(POSTERS)]:
            future.result()
    return acknowledged


def test_kill_9_mid_write_loses_no_acknowledged_document(database_url):
    with server(database_url) as (process, base):
        acknowledged = post_until_killed(base, process)
        process.wait(timeout=30)
    assert len(acknowledged) >= KILL_AFTER
    if database_url.startswith("sqlite"):
        with sqlite3.connect(make_url(database_url).database) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    with server(database_url) as (_, base), httpx.Client(base_url=base, headers=AUTH) as client:
        for doc_id, count in acknowledged.items():
            stored = client.get(f"/documents/{doc_id}")
            assert stored.status_code == 200
            assert stored.json()["statement_count"] == count > 0
            found = client.get("/statements", params={"document": doc_id}).json()
            assert found["total"] == count
        total = client.get("/documents").json()["total"]
        assert total >= len(acknowledged)  # plus any committed but not yet answered
        for n in range(total + POSTERS):  # every article posted before the kill, and more
            again = client.post("/documents", json={"text": article(n)})
            assert again.status_code in (200, 201)
            assert again.status_code == 201 or again.json()["created"] is False
            if again.json()["document"]["id"] in acknowledged:
                assert again.status_code == 200
        assert client.get("/documents").json()["total"] == total + POSTERS
