"""Search goes through an index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL), and the
index follows every write, so results are what a scan with LIKE would find."""

import pytest
from sqlalchemy import or_, select, text

from provenance.names import fold_name
from provenance.store import reads
from provenance.store.tables import source_aliases, sources, speaker_aliases, speakers
from tests.conftest import SEEDS

SEARCHED = ("speakers", "sources", "speaker_aliases", "source_aliases", "statements")


@pytest.fixture
def seeded(service):
    for path in sorted(SEEDS.glob("*.txt")):
        service.ingest_file(path)
    return service


def plan(service, listing: reads.Listing) -> str:
    """The database's plan for ``listing``."""
    query = listing.keyset.query.params(**listing.params)
    compiled = query.compile(service.engine, compile_kwargs={"literal_binds": True})
    with service.engine.connect() as conn:
        if service.engine.dialect.name == "sqlite":
            rows = conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
            return "\n".join(row[-1] for row in rows)
        sql = str(compiled).replace("%%", "%")
        return "\n".join(row[0] for row in conn.execute(text(f"EXPLAIN {sql}")))


@pytest.fixture
def crowded(service):
    """Enough rows on PostgreSQL that its planner prefers an index to a scan (on SQLite the
    query names the index itself)."""
    if service.engine.dialect.name == "postgresql":
        with service.engine.begin() as conn:
            for table, aliases, owner in (
                ("speakers", "speaker_aliases", "speaker_id"),
                ("sources", "source_aliases", "source_id"),
            ):
                conn.execute(
                    text(
                        f"INSERT INTO {table} (id, name, key, kind, statement_count) "
                        "SELECT n, 'name ' || n, 'name ' || n, 'person', n % 7 "
                        "FROM generate_series(1, 20000) n"
                    )
                )
                conn.execute(
                    text(
                        f"INSERT INTO {aliases} ({owner}, alias, key, head, compact, count) "
                        "SELECT n, 'Name ' || n, 'name ' || n, 'name', 'name' || n, 1 "
                        "FROM generate_series(1, 20000) n"
                    )
                )
            conn.execute(
                text(
                    "INSERT INTO documents (id, raw_text, body, authors, format, failures, "
                    "statement_count, ingested_at) VALUES ('d', 'x', 'x', '[]', 'generic', '[]',"
                    " 1, '2024-01-01')"
                )
            )
            conn.execute(
                text(
                    'INSERT INTO statements (document_id, kind, text, start, "end") '
                    "SELECT 'd', 'direct', 'words number ' || n, n, n + 1 "
                    "FROM generate_series(1, 20000) n"
                )
            )
        # Flush GIN's pending list, as autovacuum would: the planner prices it in.
        autocommit = service.engine.execution_options(isolation_level="AUTOCOMMIT")
        with autocommit.connect() as conn:
            conn.execute(text("VACUUM ANALYZE"))
    return service


@pytest.mark.parametrize(
    ("table", "aliases", "owner"),
    [(speakers, speaker_aliases, "speaker_id"), (sources, source_aliases, "source_id")],
)
def test_name_search_reads_the_indexes(crowded, table, aliases, owner):
    dialect = crowded.engine.dialect.name
    found = plan(crowded, reads.entities_query(dialect, table, aliases, owner, "minister"))
    assert f"search_{table.name}" in found
    assert f"search_{aliases.name}" in found


def test_statement_words_read_the_index(crowded):
    with crowded.engine.connect() as conn:
        listing = reads.statements_query(conn, q="baseless")
    assert "search_statements" in plan(crowded, listing)


def test_the_indexes_follow_ingest_and_reextraction(seeded):
    every = seeded.list_statements(500, 0).items
    for document in seeded.document_ids():
        seeded.reextract(document)
    for statement in every[:3]:
        words = statement.text[2:40]
        found = seeded.list_statements(500, 0, q=words).items
        assert found and all(words.lower() in s.text.lower() for s in found)
    if seeded.engine.dialect.name == "sqlite":
        with seeded.engine.begin() as conn:  # raises if an index differs from its table
            for table in SEARCHED:
                conn.execute(
                    text(f"INSERT INTO search_{table}(search_{table}) VALUES ('integrity-check')")
                )


def scan(service, table, aliases, owner, q: str) -> list[int]:
    """The ids a LIKE scan finds (no index), most quoted first, as before the indexes."""
    key = fold_name(q)
    with service.engine.connect() as conn:
        rows = conn.execute(
            select(table.c.id)
            .where(
                or_(
                    table.c.name.icontains(q, autoescape=True),
                    table.c.id.in_(
                        select(aliases.c[owner]).where(aliases.c.key.contains(key, autoescape=True))
                    ),
                )
            )
            .order_by(table.c.statement_count.desc(), table.c.id)
        )
        return list(rows.scalars())


@pytest.mark.parametrize(
    "q", ["mi", "ministry", "Ministry", "pakistan", "é", "ay", "Interfax", "news.am", "zzzq"]
)
def test_search_finds_what_a_scan_finds(seeded, q: str):
    speakers_found = [s.id for s in seeded.list_speakers(500, 0, q).items]
    assert speakers_found == scan(seeded, speakers, speaker_aliases, "speaker_id", q)
    sources_found = [s.id for s in seeded.list_sources(500, 0, q).items]
    assert sources_found == scan(seeded, sources, source_aliases, "source_id", q)


def test_search_finds_names_in_the_seeds(seeded):
    assert seeded.list_sources(500, 0, "interfax").items
    assert seeded.list_speakers(500, 0, "ministry").items
