"""search indexes: names, aliases and statement text found by substring through an index

SQLite: an FTS5 trigram table per searched column (external content, kept in step by
triggers). PostgreSQL: a pg_trgm GIN index per searched column, which LIKE and ILIKE use.
Both are named ``search_*``, outside the models (see ``provenance.store.tables.SEARCH_PREFIX``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 06:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHED = (
    ("speakers", "name"),
    ("sources", "name"),
    ("speaker_aliases", "key"),
    ("source_aliases", "key"),
    ("statements", "text"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for table, column in SEARCHED:
            op.execute(
                f"CREATE INDEX search_{table} ON {table} USING gin ({column} gin_trgm_ops)"
            )
        return
    for table, column in SEARCHED:
        _sqlite_search_table(table, column)


def _sqlite_search_table(table: str, column: str) -> None:
    index = f"search_{table}"
    op.execute(
        f"CREATE VIRTUAL TABLE {index} USING fts5({column}, content='{table}', "
        f"content_rowid='id', tokenize='trigram')"
    )
    op.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    remove = f"INSERT INTO {index}({index}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    add = f"INSERT INTO {index}(rowid, {column}) VALUES (new.id, new.{column});"
    op.execute(f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {column} ON {table} "
        f"BEGIN {remove} {add} END"
    )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, _ in SEARCHED:
        if postgresql:
            op.execute(f"DROP INDEX search_{table}")
            continue
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER search_{table}_{event}")
        op.execute(f"DROP TABLE search_{table}")
