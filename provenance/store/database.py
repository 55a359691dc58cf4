"""Engines, schema migrations, and the one way to run a write transaction."""

import random
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

MIGRATIONS = Path(__file__).parent / "migrations"
T = TypeVar("T")

#: SQLite ``synchronous`` levels accepted by ``PROVENANCE_SQLITE_SYNCHRONOUS``.
SYNCHRONOUS_LEVELS = ("FULL", "NORMAL", "EXTRA")
#: Seconds an SQLite connection waits for another process's write lock before giving up.
SQLITE_BUSY_TIMEOUT = 30.0
#: Attempts of one write transaction when the database reports a conflict it resolved by
#: aborting us (PostgreSQL deadlock or serialization failure, SQLite busy).
WRITE_ATTEMPTS = 5
#: First back-off in seconds; doubled each attempt, with full jitter.
WRITE_BACKOFF = 0.05
#: PostgreSQL SQLSTATEs that mean "run the transaction again": serialization failure, deadlock.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
#: The PostgreSQL advisory lock every write transaction holds (any fixed 64-bit number).
WRITE_LOCK_KEY = 0x70726F76  # "prov"


class WriteContention(RuntimeError):
    """A write kept losing to concurrent writers after every retry (the client may retry)."""


def create_database_engine(url: str, sqlite_synchronous: str = "FULL") -> Engine:
    """An engine for ``url``; SQLite files get their folder created, WAL, foreign keys,
    ``synchronous`` at ``sqlite_synchronous`` and transactions that begin where we say."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, not psycopg2
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    level = sqlite_synchronous.upper()
    if level not in SYNCHRONOUS_LEVELS:
        raise ValueError(f"SQLite synchronous must be one of {', '.join(SYNCHRONOUS_LEVELS)}")
    memory = parsed.database in (None, "", ":memory:")
    connect_args = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT}
    if memory:
        engine = create_engine(url, connect_args=connect_args, poolclass=StaticPool)
    else:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args=connect_args)

    def on_connect(connection, _record) -> None:
        connection.isolation_level = None  # the driver's own BEGIN comes too late: see below
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={level}")
        cursor.close()

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(conn: Connection) -> None:
    """Begin SQLite transactions ourselves: Python's driver only begins before the first
    write, so reads that a write depends on would run outside its transaction. Write
    transactions take the write lock at once (``BEGIN IMMEDIATE``)."""
    conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


class Writer:
    """Runs write transactions one at a time per database, retrying lost conflicts.

    SQLite: the process's writers queue on one lock, then ``BEGIN IMMEDIATE`` (other
    processes wait up to the busy timeout). PostgreSQL: each transaction first takes one
    advisory lock, so writers in every process commit one after another in arrival order.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self._queue = threading.Lock()

    def run(self, work: Callable[[Connection], T]) -> T:
        """``work(conn)`` in one transaction, run again on a deadlock, serialization
        failure or busy database; raises :class:`WriteContention` after the last attempt."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._turn():
                    return self._once(work)
            except DBAPIError as exc:
                if not _retryable(exc):
                    raise
                if attempt == WRITE_ATTEMPTS - 1:
                    raise WriteContention("the database is busy with other writes") from exc
            time.sleep(random.uniform(0, WRITE_BACKOFF * 2**attempt))
        raise AssertionError("unreachable")

    def _turn(self) -> AbstractContextManager:
        return self._queue if self.sqlite else nullcontext()

    def _once(self, work: Callable[[Connection], T]) -> T:
        options = {"sqlite_begin": "BEGIN IMMEDIATE"} if self.sqlite else {}
        with self.engine.connect().execution_options(**options) as conn, conn.begin():
            if not self.sqlite:
                _take_write_lock(conn)
            return work(conn)


def _take_write_lock(conn: Connection) -> None:
    """Wait for, then hold until the transaction ends, the PostgreSQL write lock."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})


def _retryable(exc: DBAPIError) -> bool:
    if getattr(exc.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(exc.orig) or "database is busy" in str(exc.orig)


#: ``INSERT`` with ``ON CONFLICT``, by dialect name.
DIALECT_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def dialect_insert(conn: Connection, table: Table):
    """``INSERT`` with ``ON CONFLICT`` for the connection's database (SQLite or PostgreSQL)."""
    if conn.dialect.name not in DIALECT_INSERTS:
        raise NotImplementedError(f"unsupported database: {conn.dialect.name}")
    return DIALECT_INSERTS[conn.dialect.name](table)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (servers starting together take turns)."""
    config = alembic_config(engine)
    immediate = engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
    with immediate.begin() as connection:
        if engine.dialect.name == "postgresql":
            _take_write_lock(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
