"""Extraction on Dask distributed, for loads too big for one machine: the scheduler's workers
extract, this process (the client) reads the inputs and writes the batches, so the manifest
and the exactly-once guarantee are the same as on one machine."""

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from provenance.ingestion.items import InputError

CONNECT_TIMEOUT = "10s"


@contextmanager
def dask_executor(address: str) -> Iterator[tuple[Executor, int]]:
    """(an executor on the Dask scheduler at ``address``, the threads its workers have)."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        raise InputError(f"cannot reach the Dask scheduler {address}: {error}") from None
    with client:
        slots = sum(client.nthreads().values()) or 1
        # pure=False: two items with the same text are still two tasks, each with its own ref.
        yield client.get_executor(pure=False), slots
