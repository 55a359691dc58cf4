"""Extraction on Dask: a LocalCluster of 2 workers, the same exactly-once manifest."""

import os
import signal
import time
from collections import Counter

import pytest
from distributed import LocalCluster

from provenance.ingestion.bulk import BulkLoader, Manifest
from provenance.ingestion.cluster import dask_executor
from tests.ingestion.generated import write_articles
from tests.ingestion.test_bulk import _ingest, _manifest_lines, stored

DASK_LOAD = 300


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def test_two_dask_workers_extract_and_the_client_writes_each_document_once(
    cluster, service, tmp_path
):
    folder = write_articles(tmp_path / "docs", 40)
    (folder / "copy.txt").write_bytes((folder / "000001.txt").read_bytes())
    with dask_executor(cluster.scheduler_address) as (executor, slots):
        assert slots == 2
        loader = BulkLoader(service, executor, Manifest(tmp_path / "m.jsonl"), slots)
        counts = Counter(outcome.status for outcome in loader.run([folder]))
    assert counts == Counter(new=40, duplicate=1)
    assert stored(service) == (40, 40)


def test_a_dask_load_killed_halfway_resumes_exactly_once(cluster, database_url, service, tmp_path):
    folder = write_articles(tmp_path / "docs", DASK_LOAD)
    manifest = tmp_path / "manifest.jsonl"
    extra = ["--scheduler", cluster.scheduler_address]
    first = _ingest(folder, manifest, database_url, extra)
    deadline = time.monotonic() + 120
    while _manifest_lines(manifest) < DASK_LOAD // 3 and first.poll() is None:
        assert time.monotonic() < deadline, "the load made no progress"
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    assert 0 < stored(service)[0] < DASK_LOAD, "the kill did not land halfway"
    second = _ingest(folder, manifest, database_url, extra)
    _, errors = second.communicate(timeout=300)
    assert second.returncode == 0, errors.decode()
    assert stored(service) == (DASK_LOAD, DASK_LOAD)


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, database_url):
    folder = write_articles(tmp_path / "docs", 1)
    run = _ingest(folder, tmp_path / "m.jsonl", database_url, ["--scheduler", "tcp://127.0.0.1:9"])
    _, errors = run.communicate(timeout=120)
    assert run.returncode == 1
    assert errors.decode().strip().splitlines() == [
        next(line for line in errors.decode().splitlines() if "Dask scheduler" in line)
    ]
