"""SQLite's synchronous level is what docs/storage.md says: FULL unless configured."""

import pytest
from sqlalchemy import text

from provenance.store.database import create_database_engine

#: ``PRAGMA synchronous`` answers a number.
LEVELS = {"NORMAL": 1, "FULL": 2, "EXTRA": 3}


def synchronous_of(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA synchronous")).scalar()


def test_acknowledged_writes_are_synced_by_default(tmp_path):
    engine = create_database_engine(f"sqlite:///{tmp_path}/full.db")
    assert synchronous_of(engine) == LEVELS["FULL"]
    engine.dispose()


@pytest.mark.parametrize("level", LEVELS)
def test_the_level_can_be_chosen(tmp_path, level):
    engine = create_database_engine(f"sqlite:///{tmp_path}/db.db", level.lower())
    assert synchronous_of(engine) == LEVELS[level]
    engine.dispose()


def test_an_unknown_level_is_refused_in_plain_words(tmp_path):
    with pytest.raises(ValueError, match="must be one of FULL, NORMAL, EXTRA"):
        create_database_engine(f"sqlite:///{tmp_path}/db.db", "OFF")
