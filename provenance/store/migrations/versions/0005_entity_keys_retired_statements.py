"""entity keys unique per kind, and retired statement ids

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 06:20:00

Speakers and sources get ``key`` (their folded canonical name), unique per kind, so that
concurrent writers cannot create one name twice. Rows stored before this revision that
already share a key keep their rows and data: the later ones get ``key#id``, unique, and
new documents resolve to the earliest. ``retired_statements`` records the statements a
re-extraction removed, so their ids answer 410 Gone and are never given out again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from provenance.names import fold_name

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("speakers", "sources")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""),
        )
        _fill_keys(table)
        op.create_index(f"ux_{table}_kind_key", table, ["kind", "key"], unique=True)
    op.create_table(
        "retired_statements",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("document_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("retired_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_retired_statements_document_id", "retired_statements", ["document_id"]
    )


def _fill_keys(table: str) -> None:
    conn = op.get_bind()
    taken: set[tuple[str, str]] = set()
    updates = []
    for entity_id, name, kind in conn.execute(
        sa.text(f"SELECT id, name, kind FROM {table} ORDER BY id")
    ):
        key = fold_name(name) or name
        if (kind, key) in taken:
            key = f"{key}#{entity_id}"
        taken.add((kind, key))
        updates.append({"id": entity_id, "key": key})
    if updates:
        conn.execute(sa.text(f"UPDATE {table} SET key = :key WHERE id = :id"), updates)


def downgrade() -> None:
    op.drop_index("ix_retired_statements_document_id", table_name="retired_statements")
    op.drop_table("retired_statements")
    for table in TABLES:
        op.drop_index(f"ux_{table}_kind_key", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("key")
