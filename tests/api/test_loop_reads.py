"""Lists, name searches and traces answered on the event loop (``provenance.api.reading``):
the answers of the blocking reads, which answer instead when a read scans, outgrows its
budget or would wait for a lock; answers kept until the next write."""

import hashlib
import sqlite3

import pytest
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url

from provenance.api import reading
from provenance.service import answer_cache
from provenance.store import reads
from tests.factories import statement, store

QUOTED = 'Budget row\n\n"We will not cut the libraries," said Mayor Ana Ruiz, told Reuters.\n'
AGAIN = 'Libraries\n\n"We will not cut the libraries," Ana Ruiz said again, AFP reported.\n'
STRIKE = "Strike\n\nThe union said that the strike would go on, Reuters reported.\n"
URLS = [
    "/statements?speaker=Ruiz&limit=1",
    "/statements?q=libraries",
    "/statements?via=Reuters",
    "/speakers?q=ruiz",
    "/sources?q=reuters",
    "/trace?q=we%20will%20not%20cut%20the%20libraries",
]


@pytest.fixture
def stored(service) -> None:
    for body, text, speaker, via in [
        (QUOTED, "We will not cut the libraries", "Ana Ruiz", ("Reuters",)),
        (AGAIN, "We will not cut the libraries", "Ana Ruiz", ("AFP",)),
        (STRIKE, "the strike would go on", "the union", ("Reuters",)),
    ]:
        store(service.engine, body, [statement(body, text, speaker, via=via)])


class Calls:
    """How a request was read: runs of the loop's reader (and how many failed), and reads
    taken to a worker thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, loop_reader: reads.LoopReader) -> None:
        self.on_loop, self.failed, self.in_thread = 0, 0, 0
        self.when_failed = lambda: None
        run, to_thread = loop_reader.run, reading.run_sync

        async def counted_run(read):
            self.on_loop += 1
            try:
                return await run(read)
            except reads.READ_ERRORS:
                self.failed += 1
                self.when_failed()
                raise

        async def counted_thread(*args):
            self.in_thread += 1
            return await to_thread(*args)

        monkeypatch.setattr(loop_reader, "run", counted_run)
        monkeypatch.setattr(reading, "run_sync", counted_thread)


def answers(client) -> list[tuple[int, bytes, str | None]]:
    found = [client.get(url) for url in URLS]
    return [(a.status_code, a.content, a.headers.get("link")) for a in found]


def blocking_answers(client) -> list[tuple[int, bytes, str | None]]:
    """What the worker thread answers (none of them kept afterwards)."""
    loop_reader, client.app.state.loop_reader = client.app.state.loop_reader, None
    try:
        return answers(client)
    finally:
        client.app.state.loop_reader = loop_reader
        client.app.state.service.answer_cache = answer_cache()


def test_bounded_reads_are_answered_on_the_loop_as_in_a_thread(client, stored, monkeypatch):
    expected = blocking_answers(client)
    calls = Calls(monkeypatch, client.app.state.loop_reader)

    found = answers(client)

    assert found == expected
    assert all(status == 200 for status, _, _ in found)
    assert b"We will not cut the libraries" in found[0][1] and found[0][2]  # a next link
    assert (calls.on_loop, calls.failed, calls.in_thread) == (len(URLS), 0, 0)


def test_a_search_by_words_without_a_trigram_is_read_in_a_thread(client, stored, monkeypatch):
    calls = Calls(monkeypatch, client.app.state.loop_reader)

    found = client.get("/speakers", params={"q": "ru"}).json()

    assert [speaker["name"] for speaker in found["items"]] == ["Ana Ruiz"]
    assert (calls.on_loop, calls.in_thread) == (0, 1)


def test_errors_on_the_loop_are_those_of_the_blocking_read(client, stored):
    assert client.get("/trace", params={"q": "the cut"}).status_code == 422
    assert client.get("/speakers", params={"cursor": "bad"}).status_code == 400
    assert client.get("/statements/999999").status_code == 404


def test_a_write_drops_the_answers_kept(client, service, stored):
    before = client.get("/speakers", params={"q": "ruiz"}).json()
    body = 'Housing\n\n"Rents must fall," said Luis Ruiz.\n'
    store(service.engine, body, [statement(body, "Rents must fall", "Luis Ruiz")])

    after = client.get("/speakers", params={"q": "ruiz"}).json()

    assert before["total"] == 1
    assert sorted(s["name"] for s in after["items"]) == ["Ana Ruiz", "Luis Ruiz"]


def test_a_statement_kept_by_id_follows_the_next_write(client, service, stored):
    first = client.get("/statements", params={"q": "strike"}).json()["items"][0]
    url = f"/statements/{first['id']}"
    assert client.get(url).json()["text"] == "the strike would go on"
    with service.engine.begin() as conn:  # a correction made in the database itself
        conn.execute(
            sql("UPDATE statements SET text = 'the strike is over' WHERE id = :id"),
            {"id": first["id"]},
        )

    assert client.get(url).json()["text"] == "the strike is over"


def test_a_read_past_its_budget_is_answered_in_a_thread(client, stored, monkeypatch, settings):
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("the step budget is SQLite's (PostgreSQL's reads are awaited)")
    expected = blocking_answers(client)
    monkeypatch.setattr(reads, "_STEPS_PER_CHECK", 1)  # before the loop's reader connects
    monkeypatch.setattr(reads, "LOOP_READ_STEPS", 10)
    calls = Calls(monkeypatch, client.app.state.loop_reader)

    found = answers(client)

    assert found == expected
    assert calls.failed == calls.in_thread == len(URLS)
    assert client.app.state.loop_reader._connection is not None  # kept: only the read was long


def test_a_read_that_would_wait_for_a_lock_waits_in_a_thread(
    client, service, stored, monkeypatch, settings
):
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("SQLite's locks (PostgreSQL's readers never wait for writers)")
    service.engine.dispose()  # no other connection open: the writer can lock everyone out
    client.app.state.service.engine.dispose()  # (the loop's reader connects at its first read)
    writer = sqlite3.connect(make_url(settings.database_url).database, check_same_thread=False)
    writer.isolation_level = None
    writer.execute("PRAGMA locking_mode=EXCLUSIVE")  # no reader gets in until it closes
    writer.execute("BEGIN EXCLUSIVE")
    writer.execute("UPDATE speakers SET name = 'Ana Ruiz-Vega' WHERE name = 'Ana Ruiz'")
    calls = Calls(monkeypatch, client.app.state.loop_reader)
    calls.when_failed = lambda: (writer.commit(), writer.close())  # the loop did not wait

    found = client.get("/speakers", params={"q": "ruiz"})

    assert found.status_code == 200
    assert [s["name"] for s in found.json()["items"]] == ["Ana Ruiz-Vega"]  # after the commit
    assert (calls.on_loop, calls.failed, calls.in_thread) == (1, 1, 1)


def test_a_writer_in_a_transaction_does_not_stop_reads_on_the_loop(
    client, stored, monkeypatch, settings
):
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock")
    writer = sqlite3.connect(make_url(settings.database_url).database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the write lock, held: WAL readers read past it
    writer.execute("UPDATE speakers SET name = 'Ana Ruiz-Vega' WHERE name = 'Ana Ruiz'")
    calls = Calls(monkeypatch, client.app.state.loop_reader)
    try:
        found = client.get("/speakers", params={"q": "ruiz"})
    finally:
        writer.rollback()
        writer.close()

    assert [s["name"] for s in found.json()["items"]] == ["Ana Ruiz"]  # what is committed
    assert (calls.on_loop, calls.failed, calls.in_thread) == (1, 0, 0)


def test_a_kept_answer_carries_the_etag_of_its_body(client, stored):
    first = client.get("/speakers", params={"q": "ruiz"}, headers={"Accept-Encoding": "identity"})
    again = client.get("/speakers", params={"q": "ruiz"}, headers={"Accept-Encoding": "identity"})

    digest = hashlib.sha256(first.content).hexdigest()[:32]
    assert first.headers["etag"] == again.headers["etag"] == f'"{digest}"'
    assert "x-body-digest" not in first.headers
    unchanged = {"If-None-Match": first.headers["etag"], "Accept-Encoding": "identity"}
    assert client.get("/speakers", params={"q": "ruiz"}, headers=unchanged).status_code == 304
