"""extractions: every extraction of a document, for re-extraction with history

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:35:00

Documents stored before this revision get one extraction record each, rebuilt from
their current statements, so that a re-extraction has an earlier record to keep.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("extractor", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("extractor_version", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("format", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("statement_count", sa.Integer(), nullable=False),
        sa.Column("failures", sa.JSON(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("extracted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_extractions_document_id", "extractions", ["document_id"])
    op.add_column(
        "documents",
        sa.Column("given_published", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    )
    op.execute(
        "INSERT INTO extractions (document_id, extractor, extractor_version, format, "
        "statement_count, failures, record, extracted_at, current) "
        "SELECT id, extractor, extractor_version, format, statement_count, failures, "
        "'{}', ingested_at, true FROM documents"
    )


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("given_published")
    op.drop_index("ix_extractions_document_id", table_name="extractions")
    op.drop_table("extractions")
