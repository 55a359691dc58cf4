"""Bulk ingest: every input type, per-item failures, and exactly once across a kill -9."""

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from sqlalchemy import func, select

from provenance.ingestion import bulk
from provenance.ingestion.bulk import BulkLoader, InProcessExecutor, Manifest
from provenance.service import ProvenanceService
from provenance.store.tables import documents
from tests.conftest import ROOT
from tests.ingestion.generated import write_articles

HTML_CORPUS = ROOT / "tests" / "html_corpus"
#: Enough documents that a kill lands mid-load; the full 10,000 is measured in bench/.
KILLED_LOAD = 400


def stored(service: ProvenanceService) -> tuple[int, int]:
    """(documents stored, distinct ids among them)."""
    with service.engine.connect() as conn:
        rows = conn.execute(select(func.count(), func.count(documents.c.id.distinct())))
        return tuple(rows.one())


def load(service: ProvenanceService, paths: list[Path], manifest: Path) -> Counter:
    record = Manifest(manifest)
    loader = BulkLoader(service, InProcessExecutor(), record, workers=1, batch_size=7)
    counts = Counter(outcome.status for outcome in loader.run(paths))
    record.close()
    return counts


def test_a_load_stores_each_document_once_and_a_rerun_stores_nothing(service, tmp_path):
    folder = write_articles(tmp_path / "docs", 30)
    (folder / "copy.txt").write_bytes((folder / "000003.txt").read_bytes())
    assert load(service, [folder], tmp_path / "m.jsonl") == Counter(new=30, duplicate=1)
    assert load(service, [folder], tmp_path / "m.jsonl") == Counter(new=30, duplicate=1)
    assert load(service, [folder], tmp_path / "other.jsonl") == Counter(duplicate=31)
    assert stored(service) == (30, 30)


def test_each_bad_item_fails_alone_with_its_reason_and_the_rest_is_stored(service, tmp_path):
    folder = write_articles(tmp_path / "docs", 3)
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (folder / "empty.txt").write_text("  \n")
    (folder / "page.html").write_bytes((HTML_CORPUS / "bad" / "no_article.html").read_bytes())
    record = Manifest(tmp_path / "m.jsonl")
    outcomes = list(BulkLoader(service, InProcessExecutor(), record, 1).run([folder]))
    errors = {Path(o.ref).name: o.error for o in outcomes if o.status == "failed"}
    assert errors == {
        "latin1.txt": "not UTF-8 text (byte 3)",
        "empty.txt": "empty file",
        "page.html": "no article text found in the page",
    }
    assert stored(service) == (3, 3)


def test_the_manifest_skips_what_is_done_even_when_its_last_line_was_cut(service, tmp_path):
    folder = write_articles(tmp_path / "docs", 10)
    manifest = tmp_path / "m.jsonl"
    load(service, [folder], manifest)
    lines = manifest.read_bytes().splitlines(keepends=True)
    manifest.write_bytes(b"".join(lines[:4]) + lines[4][:10])  # killed mid-write
    assert load(service, [folder], manifest) == Counter(new=4, duplicate=6)
    assert stored(service) == (10, 10)


def _manifest_lines(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def _ingest(
    folder: Path, manifest: Path, database_url: str, extra: tuple[str, ...] = ("--workers", "2")
) -> subprocess.Popen:
    command = [sys.executable, "-m", "provenance", "ingest", str(folder), *extra]
    command += ["--manifest", str(manifest), "--batch-size", "25"]
    env = {**os.environ, "PROVENANCE_DATABASE_URL": database_url}
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def test_a_load_killed_halfway_resumes_with_nothing_lost_and_nothing_twice(
    database_url, service, tmp_path
):
    folder = write_articles(tmp_path / "docs", KILLED_LOAD)
    manifest = tmp_path / "manifest.jsonl"
    first = _ingest(folder, manifest, database_url)
    deadline = time.monotonic() + 120
    while _manifest_lines(manifest) < KILLED_LOAD // 3 and first.poll() is None:
        assert time.monotonic() < deadline, "the load made no progress"
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)  # the command and its worker processes
    first.wait()
    assert 0 < stored(service)[0] < KILLED_LOAD, "the kill did not land halfway"

    second = _ingest(folder, manifest, database_url)
    out, errors = second.communicate(timeout=300)
    assert second.returncode == 0, errors.decode()
    assert stored(service) == (KILLED_LOAD, KILLED_LOAD)
    new, duplicate, failed = (int(n) for n in out.split()[::2])
    assert (new + duplicate, failed) == (KILLED_LOAD, 0)


def test_bad_items_of_every_input_type_are_reported_and_the_rest_ingested(
    database_url, service, tmp_path
):
    run = _ingest(HTML_CORPUS / "inputs", tmp_path / "m.jsonl", database_url, ("--workers", "1"))
    out, errors = run.communicate(timeout=300)
    assert run.returncode == 1  # some items failed
    assert out.decode().split() == ["8", "new,", "4", "duplicate,", "3", "failed"]
    lines = errors.decode().splitlines()
    failures = sorted(line.split(": ", 2)[2] for line in lines if line.startswith("failed:"))
    assert failures == [
        "entry has no text (neither content nor summary)",
        "invalid ninjs item: Expected `str | null`, got `int` - at `$.headline`",
        "truncated or corrupt archive (the archive ends inside the record of "
        "https://www.example.org/07_hartsmere_mayor.html)",
    ]
    assert stored(service) == (8, 8)


def test_the_workers_read_the_inputs_not_the_loading_process(service, tmp_path, monkeypatch):
    folder = write_articles(tmp_path / "docs", 5)
    shutil.copy(HTML_CORPUS / "inputs" / "news.rss", folder)

    def read_here(path: Path):
        raise AssertionError(f"{path} read in the loading process")

    monkeypatch.setattr(bulk, "read_items", read_here)  # the workers import their own
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=spawn) as pool:
        loader = BulkLoader(service, pool, Manifest(tmp_path / "m.jsonl"), workers=2)
        counts = Counter(outcome.status for outcome in loader.run([folder]))
    assert counts == Counter(new=8, failed=1)  # 5 texts and 3 feed entries; 1 broken entry
    assert stored(service) == (8, 8)


class LosesTheFirst(InProcessExecutor):
    """A worker dies running the first task of ``lost``; everything else works."""

    def __init__(self, lost) -> None:
        self.lost = lost

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if fn is not self.lost:
            return super().submit(fn, *args, **kwargs)
        self.lost = None
        future: Future = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future


@pytest.mark.parametrize(
    ("lost", "reason"),
    [
        (bulk.read_in_worker, "reading failed: BrokenProcessPool: a worker died"),
        (bulk.extract_in_worker, "extraction failed: BrokenProcessPool: a worker died"),
    ],
)
def test_the_items_of_a_task_lost_with_its_worker_fail_alone(
    service, tmp_path, monkeypatch, lost, reason
):
    monkeypatch.setattr(bulk, "FILES_PER_READ", 2)
    monkeypatch.setattr(bulk, "ITEMS_PER_TASK", 2)
    folder = write_articles(tmp_path / "docs", 5)
    record = Manifest(tmp_path / "m.jsonl")
    outcomes = list(BulkLoader(service, LosesTheFirst(lost), record, 1).run([folder]))
    failed = [(Path(o.ref).name, o.error) for o in outcomes if o.status == "failed"]
    assert failed == [("000000.txt", reason), ("000001.txt", reason)]
    assert stored(service) == (3, 3)
