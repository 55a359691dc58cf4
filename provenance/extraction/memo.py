"""What one document's reading works out more than once, remembered while it is read.

The passes over a sentence (its subject, each cue's subject, the frames, the relays, the
scenes) build the same candidate phrases from the same words again and again: half the
phrases made while reading a body were made before. A function marked
:func:`per_document` answers such a repeat from a table that lives while one document is
read (:func:`reading`) in this thread, and is dropped afterwards, so nothing is carried
from one document to the next. Only pure functions of hashable arguments are marked: an
answer from the table is the answer the function would give.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

MAX_REMEMBERED = 100_000
"""Answers one document's table holds at most; past that, repeats are worked out again
(a long body stays linear in memory; an article's reading remembers a few thousand)."""

_tables = threading.local()


@contextmanager
def reading() -> Iterator[None]:
    """Remember answers of :func:`per_document` functions until the block ends."""
    outer = getattr(_tables, "table", None)
    _tables.table = {}
    try:
        yield
    finally:
        _tables.table = outer


def per_document(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, answering a repeat call within :func:`reading` from its table."""

    @wraps(function)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
        table: dict[object, object] | None = getattr(_tables, "table", None)
        if table is None or kwargs:
            return function(*args, **kwargs)
        key = (remembered, *args)
        if key in table:
            return table[key]  # type: ignore[return-value]
        answer = function(*args)
        if len(table) < MAX_REMEMBERED:
            table[key] = answer
        return answer

    return remembered
