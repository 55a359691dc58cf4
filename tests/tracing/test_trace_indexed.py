"""Ingest and trace are indexed and incremental: no full scans, no growth with the corpus."""

import re
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from tests.factories import statement, store

BIG_TABLES = ("statements", "statement_shingles", "chain_hops", "documents", "quote_clusters")
FULL_SCAN = re.compile(rf"\bSCAN ({'|'.join(BIG_TABLES)})\b")


@contextmanager
def recorded(engine):
    """Every SQL statement (with its first parameters) run on ``engine`` meanwhile."""
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, sql, parameters, _context, executemany):
        seen.append((sql, parameters[0] if executemany else parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _story(number: int, service) -> str:
    words = f"the council will vote on budget number {number} before the summer recess begins"
    body = f'Story {number}\n\n"{words}", said Mayor Ana Ruiz. "We agree", said Bo Li.\n'
    found = [
        statement(body, words, "Ana Ruiz", via=("Reuters",)),
        statement(body, "We agree", "Bo Li"),
    ]
    return store(service.engine, body, found, outlet="Gazette", published="2024-05-01")


def _plans(service, seen) -> list[str]:
    plans = []
    with service.engine.connect() as conn:
        for sql, parameters in seen:
            if sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH")):
                rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
                plans += [f"{row[-1]}  <-  {sql[:120]}" for row in rows]
    return plans


@pytest.fixture
def sqlite_service(service):
    if service.engine.dialect.name != "sqlite":
        pytest.skip("query plans are read with SQLite's EXPLAIN QUERY PLAN")
    return service


def test_ingest_and_trace_never_scan_a_whole_table(sqlite_service, client):
    service = sqlite_service
    for number in range(30):
        _story(number, service)
    with recorded(service.engine) as seen:
        _story(99, service)
        service.trace("will vote on budget number 7", 10, 0)
        service.trace("summer recess", 10, 0)
        cluster = service.statement_cluster(1)
        service.list_appearances(cluster.id, 10, 0)
        service.get_speaker(1)
    scans = [plan for plan in _plans(service, seen) if FULL_SCAN.search(plan)]
    assert scans == []


def test_the_statements_an_ingest_runs_do_not_grow_with_the_corpus(sqlite_service):
    service = sqlite_service
    counts = []
    for number in range(40):
        with recorded(service.engine) as seen:
            _story(number, service)
        counts.append(len(seen))
    assert counts[-1] <= counts[5]
