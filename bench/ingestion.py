"""Bulk ingest of generated articles: documents per second in one process, in worker
processes on every core, and on a 2-worker Dask LocalCluster, each as a ratio to the single
process measured in the same run; and a load killed with SIGKILL halfway, then resumed, ends
with exactly every document stored once (checked for the process pool and for Dask).

``BENCH_INGEST_DOCS`` sets the number of documents (default 10,000); ``BENCH_INGEST_RATES=0``
skips the three timed loads and runs only the kill-and-resume checks.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select

from provenance.store.tables import documents
from tests.ingestion.generated import write_articles

DOCS = int(os.environ.get("BENCH_INGEST_DOCS", "10000"))
RATES = os.environ.get("BENCH_INGEST_RATES", "1") != "0"


def _command(folder: Path, database: str, manifest: Path, extra: list[str]) -> list[str]:
    return [
        sys.executable, "-m", "provenance", "ingest", str(folder), "--manifest", str(manifest),
        *extra,
    ]  # fmt: skip


def _env(database: str) -> dict[str, str]:
    return {**os.environ, "PROVENANCE_DATABASE_URL": database}


def _stored(database: str) -> tuple[int, int]:
    engine = create_engine(database)
    with engine.connect() as conn:
        query = select(func.count(), func.count(documents.c.id.distinct()))
        counts = tuple(conn.execute(query).one())
    engine.dispose()
    return counts


def timed_load(folder: Path, work: Path, label: str, extra: list[str]) -> float:
    database = f"sqlite:///{work / label}.db"
    started = time.perf_counter()
    subprocess.run(
        _command(folder, database, work / f"{label}.jsonl", extra),
        env=_env(database),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    assert _stored(database) == (DOCS, DOCS), label
    return DOCS / seconds


def killed_and_resumed(folder: Path, work: Path, label: str, extra: list[str]) -> str:
    database = f"sqlite:///{work / label}.db"
    command = _command(folder, database, work / f"{label}.jsonl", extra)
    first = subprocess.Popen(
        command, env=_env(database), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    manifest = work / f"{label}.jsonl"
    while first.poll() is None:
        if manifest.exists() and len(manifest.read_bytes().splitlines()) >= DOCS // 2:
            break
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    at_kill = _stored(database)[0]
    subprocess.run(
        command, env=_env(database), check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    total, distinct = _stored(database)
    verdict = "ok" if total == distinct == DOCS else "WRONG"
    return f"killed at {at_kill} stored; resumed: {total} stored, {distinct} distinct: {verdict}"


def main() -> None:
    from distributed import LocalCluster

    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        folder = write_articles(work / "docs", DOCS)
        print(f"{DOCS} generated documents, {cores} cores")
        if RATES:
            single = timed_load(folder, work, "single", ["--workers", "1"])
            print(f"single process      {single:8.1f} docs/s  1.00x")
            pool = timed_load(folder, work, "pool", ["--workers", str(cores)])
            print(f"{cores} worker processes  {pool:8.1f} docs/s  {pool / single:.2f}x")
        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
            dask = ["--scheduler", cluster.scheduler_address]
            if RATES:
                rate = timed_load(folder, work, "dask", dask)
                print(f"dask, 2 workers     {rate:8.1f} docs/s  {rate / single:.2f}x")
            print("dask, kill -9 halfway:", killed_and_resumed(folder, work, "dask-kill", dask))
        pool_kill = killed_and_resumed(folder, work, "pool-kill", ["--workers", str(cores)])
        print("worker processes, kill -9 halfway:", pool_kill)
