"""read version: a counter every write to a read table bumps, for caches of derived reads

One row, ``read_version.version``, raised by triggers on every table a read is derived
from (SQLite: after each row inserted, updated or deleted; PostgreSQL: after each
statement), in the writing transaction: a reader that finds the version it cached a
result under knows nothing it was derived from has changed since. Triggers rather than
the write path, so that no write (migrations, tools, a test's own SQL) can be missed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 08:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READ_TABLES = (
    "documents",
    "statements",
    "chain_hops",
    "speakers",
    "speaker_aliases",
    "speaker_roles",
    "sources",
    "source_aliases",
    "quote_clusters",
    "statement_denials",
    "relay_edges",
)
BUMP = "UPDATE read_version SET version = version + 1"


def upgrade() -> None:
    op.create_table(
        "read_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO read_version (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION bump_read_version() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
        )
        for table in READ_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_read_version AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version()"
            )
        return
    for table in READ_TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_read_version_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN {BUMP}; END"
            )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in READ_TABLES:
        if postgresql:
            op.execute(f"DROP TRIGGER {table}_read_version ON {table}")
            continue
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER {table}_read_version_{event}")
    if postgresql:
        op.execute("DROP FUNCTION bump_read_version()")
    op.drop_table("read_version")
