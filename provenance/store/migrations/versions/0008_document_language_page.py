"""document language and page: a document's BCP 47 language tag, and the web page its text
was read from (for extractors that read markup, on re-extraction too)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for column in ("language", "raw_html"):
        op.add_column(
            "documents", sa.Column(column, sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("raw_html")
        batch.drop_column("language")
