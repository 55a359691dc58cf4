"""The read path: indexed SQLAlchemy Core queries that return the API's Structs."""

import asyncio
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, cached_property
from typing import Annotated, Any, TypeVar

import anyio.to_thread
import psycopg
from msgspec import Meta
from sqlalchemy import (
    ColumnElement,
    Connection,
    Dialect,
    Engine,
    Row,
    Select,
    String,
    Table,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql import Executable
from sqlalchemy.util import await_only, greenlet_spawn

from provenance.domain import (
    Alias,
    Chain,
    Document,
    DocumentSummary,
    ExtractionFailure,
    ExtractionRecord,
    RawDocument,
    Role,
    Source,
    SourceRef,
    Speaker,
    SpeakerRef,
    Statement,
    precision_of,
)
from provenance.domain.api import NO_NUL
from provenance.names import fold_name
from provenance.store.plain import Db, Reader, Rows
from provenance.store.tables import (
    SEARCH_PREFIX,
    chain_hops,
    documents,
    extractions,
    source_aliases,
    sources,
    speaker_aliases,
    speaker_roles,
    speakers,
    statements,
)

_SUMMARY_COLUMNS = [
    c
    for c in documents.c
    if c.name not in ("raw_text", "raw_html", "body", "failures", "given_published")
]


def count(conn: Connection, query: Select) -> int:
    return conn.execute(
        select(func.count()).select_from(query.order_by(None).subquery())
    ).scalar_one()


# Keys of a list, for keyset pagination

KeyInt = Annotated[int, Meta(ge=-(2**31), le=2**31 - 1)]
KeyText = Annotated[str, Meta(max_length=64, pattern=NO_NUL)]
KeyTime = Annotated[datetime, Meta(tz=True)]

KEY_TYPES: dict[str, tuple[Any, ...]] = {
    "documents": (KeyTime, KeyText),
    "statements": (KeyText, KeyInt, KeyInt),
    "speakers": (KeyInt, KeyInt),
    "sources": (KeyInt, KeyInt),
    "appearances": (KeyInt, KeyText, KeyTime, KeyInt, KeyInt),
}
"""Each list's order values, what a page's cursor carries (and is checked against)."""


@dataclass(frozen=True, eq=False)
class Keyset:
    """A list in a total order: ``query`` selects each item's id, then its ``order`` values
    (of the types :data:`KEY_TYPES` gives for ``name``).

    Built once per shape of filters, with bound parameters for their values, so that its
    queries are compiled once and not again for every request.
    """

    name: str
    query: Select
    order: tuple[ColumnElement, ...]

    @cached_property
    def first_page(self) -> Select:
        return self.query.limit(bindparam("limit")).offset(bindparam("offset"))

    @cached_property
    def next_page(self) -> Select:
        """The page after the item whose order values are the ``after_*`` parameters."""
        after = tuple_(*(bindparam(f"after_{i}", type_=c.type) for i, c in enumerate(self.order)))
        return self.first_page.where(tuple_(*self.order) > after)

    @cached_property
    def total(self) -> Select:
        return select(func.count()).select_from(self.query.order_by(None).subquery())


@dataclass(frozen=True)
class Listing:
    """A :class:`Keyset` and the values of its parameters."""

    keyset: Keyset
    params: dict[str, Any]

    @property
    def name(self) -> str:
        return self.keyset.name

    @property
    def key(self) -> Hashable:
        """The list's identity: its query and the values of its parameters."""
        return (self.keyset, frozenset((k, _hashable(v)) for k, v in self.params.items()))

    def ids(self, db: Db) -> list:
        return list(db.execute(self.keyset.query, self.params).scalars())

    def page(self, db: Db, limit: int, offset: int, after: Sequence | None) -> list[Row]:
        """``limit`` rows (id, then order values) from ``offset`` on, after ``after``."""
        page = self.keyset.first_page if after is None else self.keyset.next_page
        return db.execute(page, self.arguments(limit, offset, after)).all()

    def arguments(self, limit: int, offset: int, after: Sequence | None) -> dict[str, Any]:
        """The parameters of a page (:meth:`Keyset.first_page`, or with ``after``,
        :meth:`Keyset.next_page`)."""
        params = {**self.params, "limit": limit, "offset": offset}
        if after is not None:
            params |= {f"after_{i}": value for i, value in enumerate(after)}
        return params

    def count(self, db: Db) -> int:
        return db.execute(self.keyset.total, self.params).scalar_one()


def _hashable(value: Any) -> Hashable:
    return tuple(value) if isinstance(value, list) else value


def keyset(name: str, base: Select, order: tuple[ColumnElement, ...]) -> Keyset:
    """``base`` (selecting the id) with the ``order`` values added and sorted by them."""
    return Keyset(name, base.add_columns(*order).order_by(*order), order)


def like_escaped(text: str) -> str:
    """``text`` for a LIKE pattern whose escape character is ``/`` (as ``autoescape`` uses)."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


# Documents


def documents_query(outlet: str | None = None) -> Listing:
    return Listing(_documents_keyset(bool(outlet)), {"outlet": outlet})


@cache
def _documents_keyset(by_outlet: bool) -> Keyset:
    query = select(documents.c.id)
    if by_outlet:
        query = query.where(documents.c.outlet == bindparam("outlet"))
    return keyset("documents", query, (documents.c.ingested_at, documents.c.id))


_SUMMARIES = select(*_SUMMARY_COLUMNS).where(documents.c.id.in_(bindparam("ids", expanding=True)))


def get_document_summaries(conn: Connection, ids: Sequence[str]) -> list[DocumentSummary]:
    rows = conn.execute(_SUMMARIES, {"ids": list(ids)}).all()
    by_id = {row.id: DocumentSummary(**_summary_fields(row)) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def get_document(conn: Connection, doc_id: str) -> Document | None:
    row = conn.execute(
        select(*_SUMMARY_COLUMNS, documents.c.body, documents.c.failures).where(
            documents.c.id == doc_id
        )
    ).first()
    if row is None:
        return None
    return Document(
        **_summary_fields(row),
        body=row.body,
        failures=[ExtractionFailure(**f) for f in row.failures],
    )


def get_raw_document(conn: Connection, doc_id: str) -> RawDocument | None:
    """The document as it was ingested: its text and the metadata given with it."""
    row = conn.execute(
        select(
            documents.c.raw_text,
            documents.c.url,
            documents.c.outlet,
            documents.c.given_published,
            documents.c.language,
            documents.c.raw_html,
        ).where(documents.c.id == doc_id)
    ).first()
    if row is None:
        return None
    return RawDocument(
        text=row.raw_text,
        url=row.url,
        outlet=row.outlet,
        published=row.given_published,
        language=row.language,
        html=row.raw_html,
    )


def get_extractions(conn: Connection, doc_id: str) -> list[ExtractionRecord]:
    """Every extraction of a document, newest first."""
    rows = conn.execute(
        select(extractions)
        .where(extractions.c.document_id == doc_id)
        .order_by(extractions.c.id.desc())
    )
    return [
        ExtractionRecord(
            id=row.id,
            extractor=row.extractor,
            extractor_version=row.extractor_version,
            format=row.format,
            statement_count=row.statement_count,
            failures=[ExtractionFailure(**f) for f in row.failures],
            extracted_at=row.extracted_at,
            current=row.current,
        )
        for row in rows
    ]


def document_exists(conn: Connection, doc_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def _summary_fields(row: Row) -> dict:
    fields = {c.name: getattr(row, c.name) for c in _SUMMARY_COLUMNS}
    fields["published_precision"] = precision_of(row.published)
    return fields


# Statements


def statements_query(
    conn: Db,
    *,
    speaker: str | None = None,
    document: str | None = None,
    via: str | None = None,
    kind: str | None = None,
    q: str | None = None,
    said_after: date | None = None,
    said_before: date | None = None,
) -> Listing | None:
    """The filtered statements, in document order; None when a named filter matches nothing."""
    params: dict[str, Any] = {}
    if speaker is not None:
        params["speaker_ids"] = _entity_ids(conn, speaker_aliases, "speaker_id", speaker)
        if not params["speaker_ids"]:
            return None
    if via is not None:
        params["via_ids"] = _entity_ids(conn, source_aliases, "source_id", via)
        if not params["via_ids"]:
            return None
    params |= {"document": document, "kind": kind}
    if said_after is not None:
        params["said_after"] = said_after.isoformat()
    if said_before is not None:
        params["said_before"] = said_before.isoformat()
    indexed = False
    if q:
        params |= {"q": like_escaped(q), "q_phrase": _phrase(q)}
        indexed = _indexed(conn.dialect.name, q)
    present = frozenset(name for name, value in params.items() if value is not None)
    return Listing(_statements_keyset(present, indexed), params)


@cache
def _statements_keyset(present: frozenset[str], indexed: bool) -> Keyset:
    """The statements query for the filters ``present`` (by their parameters' names)."""
    query = select(statements.c.id)
    if "speaker_ids" in present:
        query = query.where(statements.c.speaker_id.in_(bindparam("speaker_ids", expanding=True)))
    if "via_ids" in present:
        relayed = select(chain_hops.c.statement_id).where(
            chain_hops.c.source_id.in_(bindparam("via_ids", expanding=True))
        )
        query = query.where(statements.c.id.in_(relayed))
    if "document" in present:
        query = query.where(statements.c.document_id == bindparam("document"))
    if "kind" in present:
        query = query.where(statements.c.kind == bindparam("kind"))
    if "q" in present:
        query = query.where(
            statements.c.text.icontains(bindparam("q"), escape="/")
            & _found(indexed, statements, "q_phrase")
        )
    if "said_after" in present:
        query = query.where(statements.c.said_on >= bindparam("said_after"))
    if "said_before" in present:
        query = query.where(statements.c.said_on <= bindparam("said_before"))
    order = (statements.c.document_id, statements.c.start, statements.c.id)
    return keyset("statements", query, order)


def statement_page(
    db: Db, listing: Listing, limit: int, offset: int, after: Sequence | None
) -> list[Statement]:
    """:meth:`Listing.page` of a statements listing, each statement loaded in full, in
    one query."""
    query = _statement_pages(listing.keyset, after is not None)
    return _statements(db.execute(query, listing.arguments(limit, offset, after)))


@cache
def _statement_pages(keyset: Keyset, after: bool) -> Select:
    page = (keyset.next_page if after else keyset.first_page).subquery()
    return _STATEMENT_COLUMNS.where(statements.c.id.in_(select(page.c.id))).order_by(
        *keyset.order, chain_hops.c.position
    )


def statement_key(statement: Statement) -> tuple:
    """A statement's place in the order of statement lists."""
    return (statement.document_id, statement.start, statement.id)


# Built once: the hottest read (a statement with its speaker, outlet and every hop of its
# chain) in one round trip, one row per hop.
_STATEMENT_COLUMNS = (
    select(
        statements,
        documents.c.outlet,
        speakers.c.name.label("speaker_name"),
        speakers.c.kind.label("speaker_kind"),
        sources.c.id.label("hop_id"),
        sources.c.name.label("hop_name"),
        sources.c.kind.label("hop_kind"),
    )
    .join(documents, documents.c.id == statements.c.document_id)
    .outerjoin(speakers, speakers.c.id == statements.c.speaker_id)
    .outerjoin(chain_hops, chain_hops.c.statement_id == statements.c.id)
    .outerjoin(sources, sources.c.id == chain_hops.c.source_id)
)
_STATEMENTS = _STATEMENT_COLUMNS.order_by(statements.c.id, chain_hops.c.position)
_STATEMENTS_BY_ID = _STATEMENTS.where(statements.c.id.in_(bindparam("ids", expanding=True)))


def get_statements(conn: Db, ids: Sequence[int]) -> list[Statement]:
    """Full statements (speaker and chain included) for ``ids``, in the order given."""
    if not ids:
        return []
    found = {s.id: s for s in _statements(conn.execute(_STATEMENTS_BY_ID, {"ids": list(ids)}))}
    return [found[i] for i in ids if i in found]


def _statements(rows: Iterable[Row]) -> list[Statement]:
    """Statements from rows of :data:`_STATEMENT_COLUMNS` (one a hop, a statement's together)."""
    found: list[Statement] = []
    for row in rows:
        if not found or found[-1].id != row.id:
            found.append(_statement(row, []))
        if row.hop_id is not None:
            found[-1].chain.via.append(SourceRef(row.hop_id, row.hop_name, row.hop_kind))
    return found


_ONE_STATEMENT = _STATEMENTS.where(statements.c.id == bindparam("id"))


def get_statement(db: Reader, statement_id: int) -> Statement | None:
    """One statement as :func:`get_statements` gives it, in one query (a row per hop)."""
    rows = db.execute(_ONE_STATEMENT, {"id": statement_id})
    if not rows:
        return None
    via = [SourceRef(r.hop_id, r.hop_name, r.hop_kind) for r in rows if r.hop_id is not None]
    return _statement(rows[0], via)


T = TypeVar("T")


class LoopReader(ABC):
    """Reads answered from the event loop, without a thread hop, on one connection of its
    own per worker (:func:`loop_reader` picks the database's kind).

    ``run(read)`` calls ``read(db)`` with a :class:`Reader` on that connection (on SQLite,
    its queries after the first in one snapshot: :class:`_SnapshotAfterFirst`). It raises
    :data:`READ_ERRORS` when the database fails, and on SQLite when the read would wait for
    a lock or outgrows :data:`LOOP_READ_STEPS`; it drops a failed connection (the next read
    connects again). Callers then run the same read in a worker thread, which behaves as
    before (``provenance.api.reading``).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @abstractmethod
    async def run(self, read: Callable[[Reader], T]) -> T: ...

    @abstractmethod
    async def close(self) -> None: ...


def loop_reader(engine: Engine) -> LoopReader | None:
    """The event loop's reader of ``engine``; None for an in-memory SQLite database, whose
    one connection the worker threads share."""
    if engine.dialect.name != "sqlite":
        return _PostgresReader(engine)
    if isinstance(engine.pool, StaticPool):
        return None
    return _SqliteReader(engine)


LOOP_READ_STEPS = 50_000
"""SQLite virtual-machine steps a read on the event loop may take, about a millisecond of
the database's work (20 ns a step). On the seeded database a page of 50 statements takes
under 5,000, of 500 under 10,000, a name search or a trace under 5,000. A read that takes
more (a count over many rows, a scan) is interrupted and run again in a worker thread."""
_STEPS_PER_CHECK = 1_000


class _SqliteReader(LoopReader):
    """A bounded read from SQLite's page cache is not blocking work: it runs on the loop.

    Its connection never waits (``busy_timeout`` 0: a read that would wait for a lock
    raises instead) and counts the read's steps (a progress handler interrupts it past
    :data:`LOOP_READ_STEPS`), so a read holds the loop for at most about a millisecond;
    the waiting and the long reads happen in worker threads.
    """

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._connection: Any = None
        self._lock = threading.Lock()
        self._checks = 0
        self._outgrew = False

    async def run(self, read: Callable[[Reader], T]) -> T:
        if self._connection is None:
            self._keep(await anyio.to_thread.run_sync(self._connect))  # opening a file
        with self._lock:
            if self._connection is None:  # closed meanwhile, from another thread
                raise sqlite3.OperationalError("the reader is closed")
            self._outgrew = False
            try:
                return self._in_snapshot(read)
            except sqlite3.Error:
                if not self._outgrew:  # only the read was too long, not the connection
                    self._drop()
                raise

    def _in_snapshot(self, read: Callable[[Reader], T]) -> T:
        self._checks = 0
        try:
            return read(_SnapshotAfterFirst(self._connection.cursor(), self.engine.dialect))
        finally:
            self._outgrew, self._checks = self._outgrown(), 0  # the rollback always runs
            if self._connection.in_transaction:
                self._connection.rollback()

    def _keep(self, connection: Any) -> None:
        with self._lock:
            if self._connection is None:
                self._connection = connection
            else:  # another read connected meanwhile
                connection.close()

    def _connect(self) -> sqlite3.Connection:
        """A connection of the driver's, as the engine's but that never waits (its reads
        need none of the pool's pragmas: WAL is the database file's own)."""
        args, options = self.engine.dialect.create_connect_args(self.engine.url)
        options |= {"timeout": 0, "isolation_level": None, "check_same_thread": False}
        connection = sqlite3.connect(*args, **options)
        connection.set_progress_handler(self._step, _STEPS_PER_CHECK)
        return connection

    def _step(self) -> bool:
        """SQLite's progress handler: True interrupts the query."""
        self._checks += 1
        return self._outgrown()

    def _outgrown(self) -> bool:
        return self._checks * _STEPS_PER_CHECK > LOOP_READ_STEPS

    def _drop(self) -> None:
        if self._connection is not None:
            with suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None

    async def close(self) -> None:
        with self._lock:
            self._drop()


class _SnapshotAfterFirst(Reader):
    """A :class:`Reader` whose queries after the first see one snapshot. The first asks
    the read version (the caches', :mod:`.cache`): a read it answers (a kept answer) takes
    no transaction, and the rest of a longer read sees that version or a newer one, which
    the caches allow (what they keep is never older than the version it is kept under)."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        super().__init__(cursor, dialect)
        self.queries = 0

    def execute(self, query: Executable, params: Mapping[str, Any] | None = None) -> Rows:
        if self.queries == 1:
            self.cursor.execute("BEGIN")
        self.queries += 1
        return super().execute(query, params)


class _PostgresReader(LoopReader):
    """Each query's round trip is awaited on an asynchronous psycopg connection (autocommit;
    the driver prepares a statement after a few uses), one per event loop (a test client
    runs a loop of its own). The read's code is the blocking one: it runs in a greenlet
    that hands each query to the loop, as SQLAlchemy's asyncio extension runs its
    synchronous core, so the loop waits for the database no more than for a client."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._connection: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def run(self, read: Callable[[Reader], T]) -> T:
        connection = await self._connected()
        db = Reader(_AwaitedCursor(connection.cursor()), self.engine.dialect)
        try:
            return await greenlet_spawn(read, db)
        except psycopg.Error:
            await self._drop(connection)
            raise

    async def _connected(self) -> Any:
        loop = asyncio.get_running_loop()
        if self._usable(loop):
            return self._connection
        if self._connection is not None and self._loop is not loop:
            self._connection.pgconn.finish()  # its loop is gone: close the socket directly
        connection = await psycopg.AsyncConnection.connect(self._url, autocommit=True)
        if self._usable(loop):  # another read connected meanwhile
            await connection.close()
            return self._connection
        self._connection, self._loop = connection, loop
        return connection

    def _usable(self, loop: asyncio.AbstractEventLoop) -> bool:
        connection = self._connection
        return connection is not None and not connection.closed and self._loop is loop

    async def _drop(self, connection: Any) -> None:
        if self._connection is connection:
            self._connection = None
        with suppress(psycopg.Error):
            await connection.close()

    async def close(self) -> None:
        if self._connection is not None and self._loop is asyncio.get_running_loop():
            await self._drop(self._connection)
        self._connection = None


class _AwaitedCursor:
    """An asynchronous psycopg cursor as a :class:`Reader` uses a driver's, from a greenlet
    of :func:`greenlet_spawn`: each call awaited on the loop."""

    def __init__(self, cursor: psycopg.AsyncCursor) -> None:
        self._cursor = cursor

    def execute(self, sql: str, arguments: Any) -> None:
        await_only(self._cursor.execute(sql, arguments))

    def fetchall(self) -> list:
        return await_only(self._cursor.fetchall())


READ_ERRORS = (sqlite3.Error, psycopg.Error)
"""What :meth:`LoopReader.run` raises when the database fails."""


def _statement(row: Row, via: list[SourceRef]) -> Statement:
    speaker = (
        SpeakerRef(row.speaker_id, row.speaker_name, row.speaker_kind)
        if row.speaker_id is not None
        else None
    )
    return Statement(
        id=row.id,
        document_id=row.document_id,
        text=row.text,
        kind=row.kind,
        cue=row.cue,
        channel=row.channel,
        said_on=row.said_on,
        said_on_precision=precision_of(row.said_on),
        start=row.start,
        end=row.end,
        speaker=speaker,
        attributed_as=row.attributed_as,
        chain=Chain(
            speaker=speaker,
            channel=row.channel,
            via=via,
            document_id=row.document_id,
            outlet=row.outlet,
        ),
    )


# Speakers and sources


def entities_query(
    dialect: str, table: Table, aliases: Table, owner: str, q: str | None
) -> Listing:
    """Speakers or sources, most quoted first, ``q`` matching any name or alias."""
    if not q:
        return Listing(_entities_keyset(table, aliases, owner, None), {})
    key = fold_name(q)
    params = {"q": like_escaped(q), "q_phrase": _phrase(q)}
    params |= {"key": like_escaped(key), "key_phrase": _phrase(key)}
    shape = (_indexed(dialect, q), _indexed(dialect, key) if key else None)
    return Listing(_entities_keyset(table, aliases, owner, shape), params)


@cache
def _entities_keyset(
    table: Table, aliases: Table, owner: str, shape: tuple[bool, bool | None] | None
) -> Keyset:
    """Speakers or sources, filtered when ``shape`` is given: (whether the name look-up can
    use the index, and the alias look-up; None when ``q`` folds to no key)."""
    query = select(table.c.id)
    if shape is not None:
        name_indexed, key_indexed = shape
        by_name = table.c.name.icontains(bindparam("q"), escape="/") & _found(
            name_indexed, table, "q_phrase"
        )
        if key_indexed is None:  # punctuation only: every folded key contains "", so names
            query = query.where(by_name)
        else:
            by_alias = aliases.c.key.contains(bindparam("key"), escape="/") & _found(
                key_indexed, aliases, "key_phrase"
            )
            # One set of ids from two index look-ups (an OR across them would scan the table).
            named = select(aliases.c[owner]).where(by_alias)
            query = query.where(table.c.id.in_(named.union(select(table.c.id).where(by_name))))
    order = (-table.c.statement_count, table.c.id)  # negated: one direction for the keyset
    return keyset(table.name, query, order)


# Search indexes (migration 0007). PostgreSQL's pg_trgm indexes serve LIKE and ILIKE as
# they are; SQLite's FTS5 trigram tables are asked for the rows holding the words first.

MIN_INDEXED_CHARS = 3
"""Trigrams: shorter words cannot be looked up, and are matched by a scan."""


def _indexed(dialect: str, words: str) -> bool:
    """Whether SQLite's trigram index can look ``words`` up."""
    return dialect == "sqlite" and len(words) >= MIN_INDEXED_CHARS


def searches_indexed(*words: str | None) -> bool:
    """Whether searching for each of ``words`` (None: no such filter) is an index look-up
    rather than a scan: an id, or words with a trigram as given and as folded."""
    return all(
        text is None
        or (text.isascii() and text.isdigit())
        or min(len(text), len(fold_name(text))) >= MIN_INDEXED_CHARS
        for text in words
    )


def _phrase(words: str) -> str:
    """``words`` as one FTS5 phrase: a substring to the trigram tokenizer."""
    return '"' + words.replace('"', '""') + '"'


def _found(indexed: bool, table: Table, phrase: str) -> ColumnElement[bool]:
    """Rows whose searched column holds the ``phrase`` parameter's words, ignoring case: a
    superset of what a LIKE on that column finds, so that the LIKE beside it decides and
    results stay exact. True when the index cannot serve."""
    if not indexed:
        return true()
    index = sql_table(f"{SEARCH_PREFIX}{table.name}", sql_column("rowid"))
    hits = select(index.c.rowid).where(
        literal_column(index.name).op("MATCH")(bindparam(phrase, type_=String))
    )
    return table.c.id.in_(hits)


def _by_ids(column) -> Select:
    return select(column.table).where(column.in_(bindparam("ids", expanding=True)))


def _aliases_query(aliases: Table, owner: str) -> Select:
    return (
        select(aliases.c[owner], aliases.c.alias, aliases.c.count)
        .where(aliases.c[owner].in_(bindparam("ids", expanding=True)))
        .order_by(aliases.c[owner], aliases.c.count.desc(), aliases.c.alias)
    )


# Built once (construction would cost as much as running them): the profile reads.
_SPEAKERS = _by_ids(speakers.c.id)
_SOURCES = _by_ids(sources.c.id)
_ROLES = _by_ids(speaker_roles.c.speaker_id).order_by(speaker_roles.c.seen_on, speaker_roles.c.id)
_ALIASES = {
    "speaker_id": _aliases_query(speaker_aliases, "speaker_id"),
    "source_id": _aliases_query(source_aliases, "source_id"),
}


def get_speakers(conn: Connection, ids: Sequence[int]) -> list[Speaker]:
    params = {"ids": list(ids)}
    rows = {r.id: r for r in conn.execute(_SPEAKERS, params)}
    aliases = _aliases(conn, "speaker_id", ids)
    roles: dict[int, list[Role]] = {}
    for row in conn.execute(_ROLES, params):
        roles.setdefault(row.speaker_id, []).append(Role(row.role, row.document_id, row.seen_on))
    return [
        Speaker(
            id=i,
            name=rows[i].name,
            kind=rows[i].kind,
            aliases=aliases.get(i, []),
            roles=roles.get(i, []),
            statement_count=rows[i].statement_count,
        )
        for i in ids
        if i in rows
    ]


def get_sources(conn: Connection, ids: Sequence[int]) -> list[Source]:
    rows = {r.id: r for r in conn.execute(_SOURCES, {"ids": list(ids)})}
    aliases = _aliases(conn, "source_id", ids)
    return [
        Source(
            id=i,
            name=rows[i].name,
            kind=rows[i].kind,
            aliases=aliases.get(i, []),
            statement_count=rows[i].statement_count,
        )
        for i in ids
        if i in rows
    ]


def _aliases(conn: Connection, owner: str, ids: Sequence[int]) -> dict:
    found: dict[int, list[Alias]] = {}
    for row in conn.execute(_ALIASES[owner], {"ids": list(ids)}):
        found.setdefault(row[0], []).append(Alias(row.alias, row.count))
    return found


MAX_ROW_ID = 2**31 - 1
"""The largest id an ``INTEGER`` column holds on PostgreSQL (the narrower database)."""


def _entity_ids(conn: Db, aliases: Table, owner: str, ref: str) -> list[int]:
    """Ids of the speakers or sources that ``ref`` names: an id, any alias, or failing that
    any alias that has ``ref`` as whole words (a surname: "Chaudhri")."""
    if ref.isascii() and ref.isdigit():  # "²" is a digit to str.isdigit, not to int()
        number = int(ref)
        return [number] if number <= MAX_ROW_ID else []  # past INTEGER: nobody's id
    key = fold_name(ref)
    if not key:
        return []
    exact = conn.execute(_owners_named(aliases, owner), {"key": key}).scalars()
    if exact:
        return list(exact)
    pattern = like_escaped(key)
    words = {"first": f"{pattern} %", "last": f"% {pattern}", "inner": f"% {pattern} %"}
    indexed = _indexed(conn.dialect.name, key)
    found = conn.execute(
        _owners_by_words(aliases, owner, indexed), {**words, "phrase": _phrase(key)}
    )
    return list(found.scalars())


@cache
def _owners_named(aliases: Table, owner: str) -> Select:
    return _owners(aliases, owner, aliases.c.key == bindparam("key"))


@cache
def _owners_by_words(aliases: Table, owner: str, indexed: bool) -> Select:
    """Owners of the aliases with the ``first``, ``last`` or ``inner`` LIKE pattern."""
    words = or_(
        *(aliases.c.key.like(bindparam(at), escape="/") for at in ("first", "last", "inner"))
    )
    return _owners(aliases, owner, words & _found(indexed, aliases, "phrase"))


def _owners(aliases: Table, owner: str, condition: ColumnElement[bool]) -> Select:
    return select(aliases.c[owner]).where(condition).distinct().order_by(aliases.c[owner])
