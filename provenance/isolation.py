"""Third-party plugin code in worker processes the service can kill.

Each third-party plugin (one entry point) gets a small pool of worker processes,
started with ``python -m provenance.isolation``. A worker imports the plugin itself
(the service never does), with its address space capped, and answers ``claim`` and
``parse`` requests over its stdin and stdout in length-prefixed msgpack frames. It
checks every result before sending it back. A call that runs past its time limit
gets the worker killed (SIGKILL) and replaced; nothing of the plugin's runs in the
service's own process or threads.
"""

import contextlib
import logging
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING, BinaryIO, Literal, TypeVar

import msgspec

from provenance.domain import ParsedDocument, RawDocument
from provenance.extraction.house_style import CuePhrase

if TYPE_CHECKING:
    from provenance.extractor import Extractor
    from provenance.plugins import RegisteredExtractor

log = logging.getLogger(__name__)
T = TypeVar("T")

#: How often a pool looks at the installed version of its plugin to pick up an upgrade.
UPGRADE_CHECK_SECONDS = 5.0
#: Time-outs in a row after which a plugin is suspended (calls fail at once), and for how
#: long: a plugin that hangs on every page must not cost every page the whole time limit.
SUSPEND_AFTER_TIMEOUTS = 3
SUSPEND_SECONDS = 60.0
_FRAME_HEADER = 4


class PluginFailure(Exception):
    """A plugin hook failed: it raised, ran too long, died or returned an invalid result."""


class WorkerDied(Exception):
    """The worker process exited or broke the protocol."""


class PluginEntry(msgspec.Struct, frozen=True):
    """An entry point of the ``provenance`` group, as read from metadata without importing."""

    name: str
    value: str
    distribution: str | None
    version: str | None


class ExtractorSpec(msgspec.Struct, frozen=True):
    """What the service needs to know of an extractor living in a worker."""

    name: str
    formats: tuple[str, ...]
    cues: dict[str, tuple[str, ...]]
    hooks: tuple[str, ...]
    cue_phrases: tuple[CuePhrase, ...] = ()
    self_names: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


class Loaded(msgspec.Struct, frozen=True):
    """A worker's first message: the plugin's extractors, or why it could not load."""

    extractors: list[ExtractorSpec]
    version: str | None
    seconds: float
    error: str | None = None


class Request(msgspec.Struct, frozen=True):
    hook: Literal["claim", "parse"]
    extractor: str
    document: RawDocument


class Reply(msgspec.Struct):
    claim: float | None = None
    parsed: ParsedDocument | None = None
    error: str | None = None
    fatal: bool = False
    """The worker must not be reused (it ran out of memory or was told to exit)."""
    version: str | None = None
    """Version of the plugin that answered (filled in by the service)."""


@dataclass(frozen=True)
class Limits:
    """How plugin workers are bounded."""

    timeout: float = 10.0
    """Seconds a claim or parse may take; a plugin still importing after this long at
    start-up no longer holds documents up."""
    workers: int = 2
    """Worker processes per plugin at most."""
    memory_mb: int = 1024
    """Address space of one worker (``RLIMIT_AS``)."""

    @property
    def load_timeout(self) -> float:
        """Seconds a worker may spend importing its plugin before it is killed."""
        return max(5 * self.timeout, 5.0)


class Worker:
    """One worker process, seen from the service."""

    def __init__(self, entry: PluginEntry, limits: Limits) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "provenance.isolation",
                msgspec.json.encode(entry).decode(),
                str(limits.memory_mb),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            close_fds=True,
            start_new_session=True,  # its own process group: a kill takes its children too
        )
        self.load_deadline = time.monotonic() + limits.load_timeout
        self.loaded: Loaded | None = None
        self._buffer = bytearray()

    def send(self, request: Request) -> None:
        assert self.process.stdin is not None
        try:
            _write_frame(self.process.stdin, msgspec.msgpack.encode(request))
        except OSError as error:
            raise WorkerDied(f"worker gone ({error.strerror})") from None

    def receive(self, deadline: float, kind: type[T]) -> T | None:
        """The next message, or None when ``deadline`` (monotonic) passes first."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while (frame := self._take_frame()) is None:
            remaining = max(deadline - time.monotonic(), 0.0)  # 0: take what has arrived
            if not select.select([fd], [], [], remaining)[0]:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise WorkerDied(f"worker exited with status {self.process.wait()}")
            self._buffer += chunk
        try:
            return msgspec.msgpack.decode(frame, type=kind)
        except msgspec.DecodeError as error:
            raise WorkerDied(f"worker sent a malformed message: {error}") from None

    def _take_frame(self) -> bytes | None:
        if len(self._buffer) < _FRAME_HEADER:
            return None
        size = int.from_bytes(self._buffer[:_FRAME_HEADER], "big")
        if len(self._buffer) < _FRAME_HEADER + size:
            return None
        frame = bytes(self._buffer[_FRAME_HEADER : _FRAME_HEADER + size])
        del self._buffer[: _FRAME_HEADER + size]
        return frame

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@dataclass
class PluginPool:
    """The worker processes of one third-party plugin.

    Workers start lazily (or with :meth:`start`) and import the plugin themselves.
    One that times out, dies or runs out of memory is killed and replaced at once,
    so the replacement's import overlaps the next document's wait.
    """

    entry: PluginEntry
    limits: Limits
    loaded: Loaded | None = None
    """What the first worker to finish loading reported."""
    error: str | None = None
    """Why the plugin cannot load; set once, then every call fails at once."""
    grace_until: float = 0.0
    """Until when callers wait for the first load (start-up of a slow plugin)."""
    _idle: list[Worker] = field(default_factory=list)
    _count: int = 0
    _closed: bool = False
    _installed_version: str | None = None
    _version_checked: float = 0.0
    _timeouts_in_a_row: dict[str, int] = field(default_factory=dict)
    """By hook: a claim that answers says nothing of a parse that hangs."""
    _suspended_until: float = 0.0
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def start(self) -> None:
        """Start one worker loading now, without waiting for it."""
        with self._changed:
            if self._count == 0 and self.error is None and not self._closed:
                self._idle.append(self._spawn())

    def close(self) -> None:
        with self._changed:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()

    def restart(self) -> None:
        """Kill the idle workers; the next call starts a fresh one (which imports the
        plugin again)."""
        with self._changed:
            idle, self._idle = self._idle, []
            self._count -= len(idle)
        for worker in idle:
            worker.kill()

    def call(self, request: Request, timeout: float) -> Reply:
        """The worker's reply to ``request``; PluginFailure when there is none in time."""
        now = time.monotonic()
        if now < self._suspended_until:
            raise PluginFailure(
                f"suspended for {self._suspended_until - now:.0f} s more: it took longer "
                f"than {timeout:g} s {SUSPEND_AFTER_TIMEOUTS} times in a row"
            )
        deadline = now + timeout
        worker = self._acquire(deadline)
        healthy = False
        try:
            worker.send(request)
            reply = worker.receive(deadline, Reply)
            if reply is None:
                raise PluginFailure(self._timed_out(request.hook, timeout))
            self._timeouts_in_a_row[request.hook] = 0
            healthy = not reply.fatal
            reply.version = worker.loaded.version if worker.loaded else None
            return reply
        except WorkerDied as error:
            raise PluginFailure(str(error)) from None
        finally:
            self._release(worker, healthy)

    def _timed_out(self, hook: str, timeout: float) -> str:
        """Count a time-out; suspend the plugin after too many of one hook in a row."""
        said = f"took longer than {timeout:g} s; its worker was killed"
        with self._changed:
            in_a_row = self._timeouts_in_a_row[hook] = self._timeouts_in_a_row.get(hook, 0) + 1
            if in_a_row < SUSPEND_AFTER_TIMEOUTS:
                return said
            self._timeouts_in_a_row.clear()
            self._suspended_until = time.monotonic() + SUSPEND_SECONDS
        log.error("plugin %s keeps timing out: suspended", self.entry.name)
        return f"{said}; the plugin is suspended for {SUSPEND_SECONDS:g} s"

    def wait_loaded(self, deadline: float, within_grace: bool = True) -> None:
        """Return once a worker has loaded the plugin; PluginFailure if none has by
        ``deadline`` or, with ``within_grace``, by the end of its start-up grace."""
        if self.loaded is None:
            if within_grace and self.grace_until:
                deadline = min(deadline, self.grace_until)
            self._release(self._acquire(deadline), True)

    def _acquire(self, deadline: float) -> Worker:
        with self._changed:
            self._recycle_if_upgraded()
            while True:
                if self.error is not None:
                    raise PluginFailure(f"failed to load: {self.error}")
                if self._idle:
                    worker = self._idle.pop()
                    break
                if self._count < self.limits.workers:
                    worker = self._spawn()
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise PluginFailure("every worker of the plugin is busy")
                self._changed.wait(remaining)
        if worker.loaded is None:
            self._finish_loading(worker, deadline)
        return worker

    def _finish_loading(self, worker: Worker, deadline: float) -> None:
        try:
            loaded = worker.receive(min(deadline, worker.load_deadline), Loaded)
        except WorkerDied as error:
            loaded = Loaded(extractors=[], version=None, seconds=0.0, error=str(error))
        if loaded is None:
            if time.monotonic() < worker.load_deadline:
                self._release(worker, True)  # still importing: a later call waits for it
                raise PluginFailure("still loading")
            too_long = f"import took longer than {self.limits.load_timeout:g} s"
            loaded = Loaded([], None, self.limits.load_timeout, error=too_long)
        if loaded.error is not None:
            self._fail(worker, loaded.error)
            raise PluginFailure(f"failed to load: {loaded.error}")
        worker.loaded = loaded
        with self._changed:
            self.loaded = loaded

    def _release(self, worker: Worker, healthy: bool) -> None:
        with self._changed:
            if healthy and self.error is None and not self._closed:
                self._idle.append(worker)
            else:
                worker.kill()
                self._count -= 1
                if self.error is None and not self._closed:
                    self._idle.append(self._spawn())
            self._changed.notify_all()

    def _fail(self, worker: Worker, error: str) -> None:
        log.error("plugin %s failed to load: %s", self.entry.name, error)
        with self._changed:
            self.error = error
            idle, self._idle = self._idle, []
        for other in (worker, *idle):
            other.kill()
        with self._changed:
            self._count -= 1 + len(idle)
            self._changed.notify_all()

    def _spawn(self) -> Worker:
        """A new worker (the caller holds the lock)."""
        self._count += 1
        if not self.grace_until:
            self.grace_until = time.monotonic() + self.limits.timeout
        return Worker(self.entry, self.limits)

    def _recycle_if_upgraded(self) -> None:
        """Retire idle workers running an older version than the one now installed."""
        now = time.monotonic()
        if self.entry.distribution is None or now - self._version_checked < UPGRADE_CHECK_SECONDS:
            return
        self._version_checked = now
        try:
            installed = metadata.version(self.entry.distribution)
        except metadata.PackageNotFoundError:
            return
        stale = [w for w in self._idle if w.loaded and w.loaded.version != installed]
        for worker in stale:
            self._idle.remove(worker)
            worker.kill()
            self._count -= 1
        if stale:
            log.info("plugin %s upgraded to %s", self.entry.name, installed)


def _write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(len(payload).to_bytes(_FRAME_HEADER, "big") + payload)
    stream.flush()


def _read_frame(stream: BinaryIO) -> bytes | None:
    header = _read_exactly(stream, _FRAME_HEADER)
    return None if header is None else _read_exactly(stream, int.from_bytes(header, "big"))


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


# The worker side: everything below runs in the worker process.


def _serve(entry: PluginEntry, memory_mb: int) -> None:
    import resource

    limit = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    replies = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # what the plugin prints goes to stderr, not into the replies
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    extractors, loaded = _load(entry)
    _write_frame(replies, msgspec.msgpack.encode(loaded))
    while loaded.error is None and (frame := _read_frame(requests)) is not None:
        reply = _answer(msgspec.msgpack.decode(frame, type=Request), extractors, memory_mb)
        _write_frame(replies, msgspec.msgpack.encode(reply))
        if reply.fatal:
            return


def _load(entry: PluginEntry) -> tuple[dict[str, "Extractor"], Loaded]:
    from provenance.plugins import register_entry_point

    started = time.perf_counter()
    found, error = register_entry_point(entry)
    seconds = time.perf_counter() - started
    version = _installed_version(entry.distribution)
    if error is None and not found:
        error = "registers no extractor"
    try:
        specs = [_spec(registered) for registered in found.values()]
    except (msgspec.ValidationError, TypeError) as invalid:
        specs, error = [], f"an extractor's name, formats or cues are malformed: {invalid}"
    extractors = {
        name: registered.extractor
        for name, registered in found.items()
        if registered.extractor is not None
    }
    return extractors, Loaded(specs, version, seconds, error)


def _spec(registered: "RegisteredExtractor") -> ExtractorSpec:
    extractor = registered.extractor
    return msgspec.convert(
        {
            "name": extractor.name,
            "formats": list(extractor.formats),
            "cues": {lemma: list(kinds) for lemma, kinds in dict(extractor.cues).items()},
            "hooks": list(registered.hooks),
            "cue_phrases": msgspec.to_builtins(registered.cue_phrases),
            "self_names": list(registered.self_names),
            "warnings": list(registered.warnings),
        },
        ExtractorSpec,
    )


def _installed_version(distribution: str | None) -> str | None:
    try:
        return metadata.version(distribution) if distribution else None
    except metadata.PackageNotFoundError:
        return None


def _answer(request: Request, extractors: dict[str, "Extractor"], memory_mb: int) -> Reply:
    from provenance.domain.extraction import InvalidResult, check_claim, check_parsed

    extractor = extractors.get(request.extractor)
    if extractor is None:
        return Reply(error=f"no extractor named {request.extractor!r} in this plugin")
    try:
        if request.hook == "claim":
            return Reply(claim=check_claim(extractor.claim(request.document)))
        parsed = extractor.parse(request.document)
        return Reply(parsed=check_parsed(parsed, request.document, tuple(extractor.formats)))
    except InvalidResult as invalid:
        return Reply(error=str(invalid))
    except MemoryError:
        return Reply(error=f"ran out of memory (limit {memory_mb} MB)", fatal=True)
    except Exception as error:
        return Reply(error=repr(error))
    except BaseException as error:  # SystemExit and the like: answer, then stop
        return Reply(error=repr(error), fatal=True)


class _Runner:
    """One long-lived daemon thread that runs calls handed to it, one at a time.

    Starting a thread per call costs more than a bundled extractor's claim; a runner
    is reused until a call overruns, then abandoned to finish (or hang) on its own.
    """

    def __init__(self) -> None:
        self.calls: queue.SimpleQueue[tuple[Callable[[], object], _Outcome]] = queue.SimpleQueue()
        threading.Thread(target=self._serve, daemon=True, name="provenance-plugin").start()

    def _serve(self) -> None:
        while True:
            function, outcome = self.calls.get()
            try:
                outcome.value = function()
            except BaseException as error:
                outcome.error = error
            outcome.done.set()


@dataclass
class _Outcome:
    done: threading.Event = field(default_factory=threading.Event)
    value: object = None
    error: BaseException | None = None


_runners = threading.local()


def call_in_thread(function: Callable[[], T], timeout: float) -> T:
    """``function()`` in a daemon thread, abandoned after ``timeout`` seconds: for the
    bundled extractors, which run in the service's own process. Each calling thread
    keeps one runner thread for its calls."""
    runner = getattr(_runners, "runner", None) or _Runner()
    _runners.runner = runner
    outcome = _Outcome()
    runner.calls.put((function, outcome))
    if not outcome.done.wait(timeout):
        _runners.runner = None
        raise PluginFailure(f"took longer than {timeout:g} s")
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]


if __name__ == "__main__":
    _serve(msgspec.json.decode(sys.argv[1], type=PluginEntry), int(sys.argv[2]))
