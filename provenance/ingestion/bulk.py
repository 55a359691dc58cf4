"""Bulk ingest: extraction in worker processes (or on Dask workers), writes batched, and a
manifest that makes a load resumable exactly once.

The input files are read by the executor's workers (a ``ProcessPoolExecutor``, or a Dask
client's executor), a few files a task, a bounded number of tasks ahead: decoding, HTML
reading, and the parsing of a feed, WARC or ninjs container all happen there. Their items
come back in order. Those the manifest says are done are skipped; the others whose document
(a hash of the text: :func:`provenance.names.document_id`) is already stored are duplicates,
without extraction. The rest are extracted by the same workers a bounded number at a time,
and written here a batch per transaction. Only after a batch is committed are its outcomes appended
to the manifest (and synced to disk), so a kill at any moment loses nothing, and the next
run writes nothing twice: what was committed is found stored, what was not is done again.
"""

import hashlib
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Literal

import msgspec
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from provenance.domain import ExtractedDocument, RawDocument
from provenance.ingestion.items import Item
from provenance.ingestion.sources import input_files, read_items
from provenance.names import document_id
from provenance.plugins import Plugins, load_plugins
from provenance.service import EmptyDocument, ProvenanceService, extract_storable
from provenance.store import writes
from provenance.store.tables import documents

Status = Literal["new", "duplicate", "failed"]
BATCH_SIZE = 200
#: Items extracted by one task: a task's round trip (through a Dask scheduler, above all)
#: costs the loading process as much as a write, so it is paid once for several.
ITEMS_PER_TASK = 8
#: Extraction tasks in flight, per worker: enough to keep every worker busy.
TASKS_AHEAD_PER_WORKER = 2
#: Input files read by one task: few enough to spread over the workers, enough that a folder
#: of small files does not cost a task (and a round trip) per file.
FILES_PER_READ = 16
#: Read tasks in flight, per worker.
READS_AHEAD_PER_WORKER = 2


class Outcome(msgspec.Struct, frozen=True, omit_defaults=True):
    """What became of one item: one line of the manifest."""

    ref: str
    input: str
    status: Status
    document_id: str | None = None
    error: str | None = None


@dataclass
class Summary:
    """Counts per input file and overall, and every failure with its reason."""

    per_input: dict[str, Counter] = field(default_factory=dict)
    failures: list[Outcome] = field(default_factory=list)
    resumed: int = 0
    """Items found done in the manifest and skipped."""

    def add(self, outcome: Outcome) -> None:
        self.per_input.setdefault(outcome.input, Counter())[outcome.status] += 1
        if outcome.status == "failed":
            self.failures.append(outcome)

    def totals(self) -> Counter:
        return sum(self.per_input.values(), Counter())


class Manifest:
    """What a load has done so far, as JSON Lines of :class:`Outcome`, appended and synced
    after each committed batch."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: dict[str, Outcome] = {}
        if path.exists():
            self.done = {o.ref: o for o in self._read()}
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = path.open("ab")

    def _read(self) -> Iterator[Outcome]:
        decoder = msgspec.json.Decoder(Outcome)
        for line in self.path.read_bytes().splitlines():
            try:
                yield decoder.decode(line)
            except msgspec.DecodeError:
                continue  # the last line of a killed run, cut short: that item is redone

    def record(self, outcomes: Iterable[Outcome]) -> None:
        lines = b"".join(msgspec.json.encode(o) + b"\n" for o in outcomes)
        if lines:
            self._file.write(lines)
            self._file.flush()
            os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()

    def finish(self) -> None:
        """The load ran to its end: nothing to resume, so the next run starts afresh."""
        self.close()
        self.path.unlink(missing_ok=True)


def default_manifest(database_url: str, paths: Iterable[Path]) -> Path:
    """``var/ingest/<hash>.jsonl``, one per database and set of inputs."""
    key = "\n".join([database_url, *sorted(str(p.resolve()) for p in paths)])
    return Path("var") / "ingest" / f"{hashlib.sha256(key.encode()).hexdigest()[:16]}.jsonl"


# Extraction, where the executor runs it.

_worker_plugins: dict[tuple[str, ...] | None, Plugins] = {}


def extract_in_worker(
    raws: list[RawDocument], allow: tuple[str, ...] | None, extractor: str | None, timeout: float
) -> list[ExtractedDocument | str]:
    """Each of ``raws`` extracted with the plugins ``allow`` names (loaded once per worker
    process), or the reason it could not be."""
    if allow not in _worker_plugins:
        _worker_plugins[allow] = load_plugins(allow)
    return [_extract(raw, _worker_plugins[allow], extractor, timeout) for raw in raws]


def _extract(
    raw: RawDocument, plugins: Plugins, extractor: str | None, timeout: float
) -> ExtractedDocument | str:
    try:
        return extract_storable(raw, plugins, extractor, timeout)
    except EmptyDocument as error:  # nothing to store: said as the service says it
        return str(error)
    except Exception as error:  # one document's failure, never its group's
        return f"extraction failed: {type(error).__name__}: {error}"


def read_in_worker(paths: list[str]) -> list[list[Item]]:
    """The items of each file in ``paths`` (each item a document or the reason it failed)."""
    return [list(read_items(Path(path))) for path in paths]


@dataclass(frozen=True)
class Waiting:
    """An item to extract, with the input it came from and its document's id."""

    item: Item
    input: str
    doc_id: str


@dataclass(frozen=True)
class Pending:
    """Items being extracted by one task."""

    group: list[Waiting]
    future: Future


class BulkLoader:
    """Ingests inputs into ``service``'s database with ``executor`` doing the extraction."""

    def __init__(
        self,
        service: ProvenanceService,
        executor: Executor,
        manifest: Manifest,
        workers: int,
        extractor: str | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.service = service
        self.executor = executor
        self.manifest = manifest
        self.ahead = max(1, workers) * TASKS_AHEAD_PER_WORKER
        self.reads_ahead = max(1, workers) * READS_AHEAD_PER_WORKER
        self.extractor = extractor
        self.batch_size = batch_size
        self._seen: set[str] = set()

    def run(
        self, paths: Iterable[Path], found: Callable[[int], None] = lambda n: None
    ) -> Iterator[Outcome]:
        """Every item's outcome, as its batch is committed; ``found(n)`` is told of each
        file's item count as it is read (for a progress bar)."""
        pending: deque[Pending] = deque()
        group: list[Waiting] = []
        batch: list[tuple[Outcome, RawDocument | None, ExtractedDocument | None]] = []
        for item, source in self._items(paths, found):
            settled = self._settled(item, source)
            if isinstance(settled, Waiting):
                group.append(settled)
            else:
                batch.append((settled, None, None))
            if len(group) == ITEMS_PER_TASK:
                pending.append(self._submit(group))
                group = []
                if len(pending) > self.ahead:
                    batch += self._collect(pending.popleft())
            if len(batch) >= self.batch_size:
                yield from self._write(batch)
                batch = []
        if group:
            pending.append(self._submit(group))
        while pending:
            batch += self._collect(pending.popleft())
        yield from self._write(batch)

    def _items(self, paths: Iterable[Path], found: Callable[[int], None]):
        """Each item with the input (a path as given) it came from, in order, read by the
        workers a few files a task."""
        files = ((path, str(given)) for given in paths for path in input_files([given]))
        reads: deque[tuple[tuple[tuple[Path, str], ...], Future]] = deque()
        for chunk in _chunks(files, FILES_PER_READ):
            names = [str(path) for path, _ in chunk]
            reads.append((chunk, self.executor.submit(read_in_worker, names)))
            if len(reads) > self.reads_ahead:
                yield from self._read(*reads.popleft(), found)
        while reads:
            yield from self._read(*reads.popleft(), found)

    def _read(
        self, chunk: tuple[tuple[Path, str], ...], read: Future, found: Callable[[int], None]
    ) -> Iterator[tuple[Item, str]]:
        try:
            per_file = read.result()
        except Exception as error:  # a worker lost while reading: those files fail, not the load
            reason = f"reading failed: {type(error).__name__}: {error}"
            per_file = [[Item(str(path), error=reason)] for path, _ in chunk]
        for (_, given), items in zip(chunk, per_file, strict=True):
            found(len(items))
            for item in items:
                yield item, given

    def _settled(self, item: Item, source: str) -> Outcome | Waiting:
        """The outcome of an item that needs no extraction (done, unreadable or stored), or
        the item waiting for it."""
        if item.ref in self.manifest.done:
            return self.manifest.done[item.ref]
        if item.raw is None:
            return Outcome(item.ref, source, "failed", error=item.error)
        doc_id = document_id(item.raw.text)
        if doc_id in self._seen or self._stored(doc_id):
            return Outcome(item.ref, source, "duplicate", doc_id)
        self._seen.add(doc_id)
        return Waiting(item, source, doc_id)

    def _stored(self, doc_id: str) -> bool:
        with self.service.engine.connect() as conn:
            query = select(documents.c.id).where(documents.c.id == doc_id)
            return conn.execute(query).first() is not None

    def _submit(self, group: list[Waiting]) -> Pending:
        settings = self.service.settings
        raws = [waiting.item.raw for waiting in group]
        future = self.executor.submit(
            extract_in_worker, raws, settings.plugins, self.extractor, settings.extract_timeout
        )
        return Pending(group, future)

    def _collect(self, pending: Pending):
        try:
            found = pending.future.result()
        except Exception as error:  # a worker lost: its items fail, never the load
            found = [f"extraction failed: {type(error).__name__}: {error}"] * len(pending.group)
        return [_outcome(*pair) for pair in zip(pending.group, found, strict=True)]

    def _write(self, batch) -> list[Outcome]:
        """Store the batch's new documents in one transaction, then record the batch."""
        fresh = [entry for entry in batch if entry[1] is not None]
        try:
            with self.service.engine.begin() as conn:
                for outcome, raw, extracted in fresh:
                    writes.insert_document(conn, outcome.document_id, raw, extracted)
        except IntegrityError:
            # Another writer stored one of these first: store them one by one instead.
            batch = [self._write_one(*entry) if entry[1] else entry for entry in batch]
        outcomes = [entry[0] for entry in batch if entry[0].ref not in self.manifest.done]
        self.manifest.record(outcomes)
        return [entry[0] for entry in batch]

    def _write_one(self, outcome: Outcome, raw: RawDocument, extracted):
        try:
            with self.service.engine.begin() as conn:
                writes.insert_document(conn, outcome.document_id, raw, extracted)
        except IntegrityError:
            outcome = msgspec.structs.replace(outcome, status="duplicate")
        return outcome, raw, extracted


def _outcome(waiting: Waiting, extracted: ExtractedDocument | str):
    """An extracted item's batch entry: (outcome, raw, extracted) when new."""
    item = waiting.item
    if isinstance(extracted, str):
        failed = Outcome(item.ref, waiting.input, "failed", waiting.doc_id, extracted)
        return failed, None, None
    return Outcome(item.ref, waiting.input, "new", waiting.doc_id), item.raw, extracted


def _chunks(values: Iterable, size: int) -> Iterator[tuple]:
    iterator = iter(values)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


class InProcessExecutor(Executor):
    """Extraction in this process, one item at a time: the single-process rate, and small
    loads not worth starting workers for."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future
