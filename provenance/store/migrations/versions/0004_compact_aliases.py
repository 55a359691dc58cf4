"""compact alias keys: names that differ only in spacing resolve to one speaker or source

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 17:08:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("speaker_aliases", "source_aliases")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column(
                "compact", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            ),
        )
        op.execute(f"UPDATE {table} SET compact = REPLACE(key, ' ', '')")
        op.create_index(f"ix_{table}_compact", table, ["compact"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_compact", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("compact")
