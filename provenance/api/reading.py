"""Reads answered on the event loop when they cannot block it, in a worker thread otherwise.

A read runs on the loop (``reads.LoopReader``) when it is bounded and indexed: its text
filters are index look-ups (:func:`provenance.store.reads.searches_indexed`) and, on
SQLite, it finishes within ``reads.LOOP_READ_STEPS`` of the database's work without
waiting for a lock; the loop's reader interrupts it otherwise. Any read the loop's reader
cannot finish is run again from the start in a worker thread, on a connection of its own
that waits for locks as every read did before, so its answer and its errors are those of
the blocking read. On PostgreSQL the loop's reads are awaited (nothing there blocks the
loop); the same rule picks them.

Lists, searches, traces and statements keep their encoded answer in the service until the
next write (:func:`run_kept`): a repeated one costs a look-up of the read version.
"""

from collections.abc import Callable
from typing import TypeVar

from anyio.to_thread import run_sync
from litestar import Request

from provenance.api.http import EncodedJson
from provenance.store.plain import Reader
from provenance.store.reads import READ_ERRORS, LoopReader

T = TypeVar("T")

MAX_KEPT_ANSWER_BYTES = 128 * 1024
"""The largest answer the service keeps between writes (pages of 50 are a few dozen KB)."""


async def run_read(request: Request, read: Callable[[Reader | None], T], indexed: bool = True) -> T:
    """``read(db)`` on the loop's reader when ``indexed`` and the app has one; else, or when
    that fails, ``read(None)`` (a reader of its own) in a worker thread."""
    loop_reader: LoopReader | None = request.app.state.loop_reader
    if indexed and loop_reader is not None:
        try:
            return await loop_reader.run(read)
        except READ_ERRORS:
            pass  # the blocking read says what failed, as it always did
    return await run_sync(read, None)


async def run_kept(
    request: Request, answer: Callable[[Reader], EncodedJson], indexed: bool = True
) -> EncodedJson:
    """:func:`run_read` of ``answer(db)``, kept by the service until the next write under
    the request's path and query (an answer depends on nothing else)."""
    service = request.app.state.service
    key = (request.scope["path"], request.scope["query_string"])
    return await run_read(
        request, lambda db: service.kept(key, answer, _worth_keeping, db), indexed
    )


def _worth_keeping(answer: EncodedJson) -> bool:
    return len(answer.body) <= MAX_KEPT_ANSWER_BYTES
