"""Plain SQL for the hot reads: Core queries compiled once, run on the driver's cursor.

SQLAlchemy's per-execution work (parameter processing, result metadata, row objects, the
connection's events) costs more than SQLite takes to run a short indexed query: measured
here, about 80 µs an execution against 5 to 50 µs of SQL. A :class:`Reader` runs the same
Core queries as plain SQL on one pooled driver connection: each query is compiled once
per dialect (and per length of each list parameter), so the SQL cannot drift from the
Core query it comes from. Rows come back as named tuples, as the driver gives the values:
use it for queries whose columns need no conversion (no JSON, datetime or boolean
columns on SQLite).
"""

from collections import namedtuple
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Dialect, Engine
from sqlalchemy.sql import Executable


class _Slot(NamedTuple):
    """Where driver parameters' values come from: parameter ``name``; when it is a list,
    item ``index`` of it (while compiling), or all of it, padded to ``index`` items (in a
    :class:`_Form`)."""

    name: str
    index: int | None


@dataclass(frozen=True)
class _Form:
    """A query as one dialect's SQL, and how to lay out its parameters for the driver."""

    sql: str
    slots: tuple[_Slot | Any, ...]
    """Each driver parameter in order: a :class:`_Slot`, or a constant of the query."""
    names: tuple[str, ...] | None
    """The driver's parameter names (named paramstyles), or None (positional)."""
    row: type | None

    def arguments(self, params: Mapping[str, Any]) -> list | dict:
        values: list = []
        for slot in self.slots:
            if type(slot) is not _Slot:
                values.append(slot)
            elif slot.index is None:
                values.append(params[slot.name])
            else:  # a list, padded with its last item (see _room)
                items = params[slot.name]
                values += items
                values += [items[-1]] * (slot.index - len(items))
        return values if self.names is None else dict(zip(self.names, values, strict=True))


def _room(length: int) -> int:
    """Items a form has room for in a list of ``length``: the next power of two, the rest
    filled with the last item (the same set to ``IN``), so that a query has a handful of
    forms rather than one per length."""
    return length and 1 << (length - 1).bit_length()


_forms: WeakKeyDictionary[Executable, dict[tuple, _Form]] = WeakKeyDictionary()
"""Each query's forms, kept while the query is: build hot queries once, not per call."""


def form_of(query: Executable, dialect: Dialect, params: Mapping[str, Any]) -> _Form:
    """``query``'s form for ``dialect``, the parameters named in ``params`` and the lengths
    of their lists."""
    shape = tuple((k, _room(len(v)) if isinstance(v, list) else -1) for k, v in params.items())
    forms = _forms.setdefault(query, {})
    key = (dialect.name, shape)
    if key not in forms:
        forms[key] = _compile(query, dialect, params)
    return forms[key]


def _compile(query: Executable, dialect: Dialect, params: Mapping[str, Any]) -> _Form:
    compiled = query.compile(dialect=dialect)
    probes: dict[str, Any] = {}
    for name, bind in compiled.binds.items():
        if name not in params:
            probes[name] = bind.effective_value  # a constant of the query
        elif bind.expanding:  # a list: one driver parameter per item
            probes[name] = [_Slot(name, i) for i in range(_room(len(params[name])))]
        else:
            probes[name] = _Slot(name, None)
    state = compiled.construct_expanded_state(probes)
    if compiled.positional:
        slots, names = [state.parameters[n] for n in state.positiontup or ()], None
    else:
        slots, names = list(state.parameters.values()), tuple(state.parameters)
    columns = getattr(query, "selected_columns", None)
    row = namedtuple("Row", [c.key for c in columns], rename=True) if columns else None
    return _Form(state.statement, _lists_whole(slots), names, row)


def _lists_whole(slots: list) -> tuple:
    """``slots`` with each list's item slots (in order, side by side in an ``IN``) as one
    slot for the whole list, ``index`` its room."""
    whole: list = []
    for slot in slots:
        if type(slot) is _Slot and slot.index is not None:
            if slot.index == 0:
                whole.append(_Slot(slot.name, 0))
            whole[-1] = _Slot(slot.name, whole[-1].index + 1)
        else:
            whole.append(slot)
    return tuple(whole)


class Rows(list):
    """A result, with the few of SQLAlchemy's ``Result`` methods the reads use."""

    def all(self) -> list:
        return self

    def first(self) -> Any:
        return self[0] if self else None

    def scalars(self) -> list:
        return [row[0] for row in self]

    def scalar(self) -> Any:
        return self[0][0] if self else None

    def scalar_one(self) -> Any:
        (row,) = self
        return row[0]


class Reader:
    """Runs Core queries as plain SQL on one driver connection (see the module's doc)."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self.cursor = cursor
        self.dialect = dialect

    def execute(self, query: Executable, params: Mapping[str, Any] | None = None) -> Rows:
        params = params or {}
        form = form_of(query, self.dialect, params)
        self.cursor.execute(form.sql, form.arguments(params))
        values = self.cursor.fetchall()
        return Rows(values if form.row is None else [form.row(*v) for v in values])


Db = Connection | Reader
"""What the reads run on: a SQLAlchemy connection, or a :class:`Reader` for the hot ones."""


@contextmanager
def reader(engine: Engine) -> Iterator[Reader]:
    """A :class:`Reader` on a pooled connection; its queries see one snapshot."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        if engine.dialect.name == "sqlite":  # the driver would not begin for reads
            cursor.execute("BEGIN")
        yield Reader(cursor, engine.dialect)
    finally:
        connection.close()  # back to the pool, which rolls the read transaction back
