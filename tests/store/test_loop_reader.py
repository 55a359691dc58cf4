"""Reads from the event loop (``reads.loop_reader``): the same answers as the blocking
reads, fresh after other connections write, and an answer from the blocking read when the
loop's connection fails, would wait for a lock, or the read outgrows its budget."""

import asyncio

import pytest
from sqlalchemy import text

from provenance.store import reads
from tests.factories import statement, store

RELAYED = "Strike goes on\n\nThe union said that the strike would go on, Reuters reported.\n"
QUOTED = 'Budget row\n\n"We will not cut the libraries," said Mayor Ana Ruiz.\n'


def stored_ids(service) -> list[int]:
    return [s.id for s in service.list_statements(50, 0).items]


@pytest.fixture
def relayed(service) -> int:
    found = statement(RELAYED, "the strike would go on", "the union", via=("Reuters", "AFP"))
    store(service.engine, RELAYED, [found], published="2024-03-12", outlet="Daily")
    return stored_ids(service)[0]


def get(reader: reads.LoopReader, service, statement_id: int):
    return reader.run(lambda db: service.get_statement(statement_id, db))


def test_reads_what_the_blocking_read_gives(service, relayed):
    reader = reads.loop_reader(service.engine)

    async def both() -> None:
        found = await get(reader, service, relayed)
        assert found == service.get_statement(relayed)
        assert [hop.name for hop in found.chain.via] == ["Reuters", "AFP"]
        assert await get(reader, service, relayed + 1000) is None
        page = await reader.run(lambda db: service.list_sources(10, 0, "reuters", None, db))
        assert page == service.list_sources(10, 0, "reuters")
        assert [source.name for source in page.items] == ["Reuters"]
        await reader.close()

    asyncio.run(both())


def test_sees_what_other_connections_wrote_after_it_connected(service, relayed):
    reader = reads.loop_reader(service.engine)

    async def before_and_after() -> None:
        assert await get(reader, service, relayed) is not None  # connected
        store(
            service.engine, QUOTED, [statement(QUOTED, "We will not cut the libraries", "Ana Ruiz")]
        )
        added = max(stored_ids(service))
        assert (await get(reader, service, added)).text == "We will not cut the libraries"
        await reader.close()

    asyncio.run(before_and_after())


def test_a_statement_read_before_is_read_again_once_changed(service, relayed):
    reader = reads.loop_reader(service.engine)

    async def change_between_reads() -> None:
        assert (await get(reader, service, relayed)).text == "the strike would go on"
        change(service.engine, "UPDATE statements SET text = 'changed' WHERE id = :id", relayed)
        assert (await get(reader, service, relayed)).text == "changed"
        renamed = "UPDATE sources SET name = 'AP' WHERE name = 'AFP' AND :id > 0"
        change(service.engine, renamed, relayed)  # another table: the chain's second hop
        found = await get(reader, service, relayed)
        assert [hop.name for hop in found.chain.via] == ["Reuters", "AP"]
        await reader.close()

    asyncio.run(change_between_reads())


def change(engine, sql: str, statement_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), {"id": statement_id})


def test_a_broken_connection_falls_back_then_reconnects(client, service, relayed):
    expected = client.get(f"/statements/{relayed}")
    reader = client.app.state.loop_reader
    broken = reader._connection
    break_connection(service.engine, broken)

    answer = client.get(f"/statements/{relayed}")  # the fast read fails: the blocking one answers

    assert answer.status_code == 200
    assert answer.content == expected.content
    assert answer.headers["etag"] == expected.headers["etag"]
    again = client.get(f"/statements/{relayed}")
    assert again.content == expected.content
    assert reader._connection is not None and reader._connection is not broken


def break_connection(engine, connection) -> None:
    """Close SQLite's connection under the reader; end PostgreSQL's backend from outside."""
    if engine.dialect.name == "sqlite":
        connection.close()
        return
    with engine.connect() as conn:
        conn.execute(
            text("SELECT pg_terminate_backend(:pid)"), {"pid": connection.info.backend_pid}
        )
