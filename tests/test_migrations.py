"""The migrations build exactly the schema the models describe, and keep existing rows."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from provenance.store.database import alembic_config, create_database_engine, migrate
from provenance.store.tables import is_modelled  # (registers the tables on the metadata)


def _differences(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": is_modelled})
        return compare_metadata(context, SQLModel.metadata)


def test_migrations_produce_exactly_the_models_schema(database_url):
    engine = create_database_engine(database_url)
    migrate(engine)
    assert _differences(engine) == []
    engine.dispose()


def test_tracing_migration_upgrades_a_database_with_rows_and_downgrades(database_url):
    engine = create_database_engine(database_url)
    config = alembic_config(engine)  # alembic's own connection, as the `alembic` command has
    command.upgrade(config, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (id, raw_text, body, authors, format, failures, "
                "statement_count, ingested_at) VALUES ('d', 'x', 'x', '[]', 'generic', '[]', 1, "
                "'2024-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO sources (id, name, kind, statement_count) VALUES (1, 's', 'agency', 1)"
            )
        )
        conn.execute(
            text(
                'INSERT INTO statements (id, document_id, kind, text, start, "end") '
                "VALUES (1, 'd', 'direct', 'hello there', 0, 11)"
            )
        )
        conn.execute(text("INSERT INTO chain_hops VALUES (1, 0, 1)"))
    command.upgrade(config, "head")
    command.downgrade(config, "0001")
    command.upgrade(config, "head")
    assert _differences(engine) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM chain_hops")).scalar() == 1
        assert conn.execute(text("SELECT cluster_id FROM statements")).scalar() is None
    engine.dispose()
