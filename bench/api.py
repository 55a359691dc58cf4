"""The served API under load, beside two references served the same way in the same run.

Each server runs alone (one after the other) as ``provenance serve`` runs it: uvicorn with
uvloop and httptools, 1 then 2 workers, on loopback. wrk drives it with the same settings
for every URL (by default ``-t2 -c32 -d10s --latency``). References:

- A: a raw ASGI app returning a fixed small JSON body (``bench.references:raw``);
- B: a minimal Litestar handler returning a fixed 5-field msgspec Struct
  (``bench.references:bare``).

The service reads the seeded database (``seeds/``). Each read is measured on one URL, as
before, and on a rotation of distinct URLs (``*``: every speaker's surname, fragments of
many quotes), so that no cache answers one URL over and over. Ratios are requests per
second over B's in the same run with the same worker count; "x1w" is two workers over one.

    python -m bench api
    python -m bench.api [--workers 1,2] [--duration 10] [--connections 32] [--threads 2]
"""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from provenance.cli import SERVER_OPTIONS
from provenance.service import ProvenanceService
from provenance.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    """A loopback port nobody listens on: several people may run benchmarks at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = _free_port()
TARGETS = {"statement by id": 0.6, "statements of a speaker": 0.3, "speakers q": 0.3, "trace": 0.25}
"""The lowest acceptable ratio to B of each endpoint (its rotation, ``*``, too)."""
ROTATION = "*"
ROTATED_QUOTES = 40
"""Quotes whose fragments the rotating trace asks for."""
REFERENCES = {"A raw ASGI": "bench.references:raw", "B bare Litestar": "bench.references:bare"}


@dataclass(frozen=True)
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_us: float
    """Server CPU time (user and system, every worker) per request: unlike the rate, it
    barely moves when other jobs share the cores."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.api")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv if argv is not None else [])
    wrk = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    print(f"load: {' '.join(wrk)}; server: uvicorn {SERVER_OPTIONS}")
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{folder}/bench.db"
        paths = seeded_paths(database)
        by_workers = {}
        for workers in [int(n) for n in args.workers.split(",")]:
            by_workers[workers] = run(wrk, database, paths, workers)
    report(by_workers)


def seeded_paths(database: str) -> dict[str, list[str]]:
    """The measured URLs of each case, chosen from the seeded database."""
    settings = Settings(database_url=database, seeds_dir=str(ROOT / "seeds"))
    service = ProvenanceService(settings)
    service.start()
    try:
        statements = service.list_statements(500, 0).items
        statement = max(statements, key=lambda s: (len(s.chain.via), s.speaker is not None))
        speaker = service.list_speakers(1, 0).items[0]
        names = {s.speaker.name for s in statements if s.speaker is not None}
        quoted = sorted((s for s in statements if s.kind == "direct"), key=lambda s: -len(s.text))
    finally:
        service.close()
    surnames = sorted({name.split()[-1] for name in names})
    fragments = [_fragment(s.text) for s in quoted[:ROTATED_QUOTES]]
    return {
        "statement by id": [f"/statements/{statement.id}"],
        "statements of a speaker": [f"/statements?speaker={quote(speaker.name)}&limit=50"],
        "speakers q": ["/speakers?q=ministry"],
        "trace": [f"/trace?q={quote(fragments[0])}"],
        f"statements of a speaker{ROTATION}": [
            f"/statements?speaker={quote(name)}&limit=50" for name in surnames
        ],
        f"speakers q{ROTATION}": [f"/speakers?q={quote(name)}" for name in surnames],
        f"trace{ROTATION}": [f"/trace?q={quote(fragment)}" for fragment in fragments],
    }


def _fragment(quote_text: str) -> str:
    """Six words from inside a quote, as a reader would paste them."""
    return " ".join(quote_text.split()[1:7])


def reference_server(app: str, workers: int) -> list[str]:
    """The command serving a reference ``app`` as ``provenance serve`` serves the service."""
    uvicorn = [sys.executable, "-m", "uvicorn", f"--port={PORT}", f"--workers={workers}"]
    uvicorn += ["--loop=uvloop", "--http=httptools", "--no-access-log", "--log-level=warning"]
    return [*uvicorn, app]


def run(
    wrk: list[str], database: str, paths: dict[str, list[str]], workers: int
) -> dict[str, Load]:
    found = {}
    for label, app in REFERENCES.items():
        with served(reference_server(app, workers), "/") as server:
            found[label] = load(wrk, ["/"], server)
    service = [sys.executable, "-m", "provenance", "serve", f"--port={PORT}"]
    env = {
        "PROVENANCE_DATABASE_URL": database,
        "PROVENANCE_SEEDS_DIR": str(ROOT / "seeds"),
        # one load generator sends every request: what is measured is not the rate limit
        "PROVENANCE_RATE_LIMIT_PER_ADDRESS": "0",
    }
    with served([*service, f"--workers={workers}"], "/health", env) as server:
        for label, path in paths.items():
            found[label] = load(wrk, path, server)
    return found


class served:
    """A server process for the duration of a ``with`` block."""

    def __init__(self, command: list[str], ready: str, env: dict | None = None) -> None:
        self.command, self.ready, self.env = command, ready, {**os.environ, **(env or {})}

    def __enter__(self) -> "served":
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while self.process.poll() is None and time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}{self.ready}", timeout=2).read()
            except OSError:
                time.sleep(0.2)
                continue
            if self.process.poll() is None:  # it answered, not some other server
                return self
        self.__exit__()
        raise RuntimeError(f"did not start: {' '.join(self.command)}")

    def __exit__(self, *_: object) -> None:
        with suppress(ProcessLookupError):  # already gone
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def cpu_seconds(self) -> float:
        """CPU time so far of the server's processes (its session: every worker)."""
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with suppress(OSError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[3]) == self.process.pid:  # the session id
                    total += int(fields[11]) + int(fields[12])  # user, system ticks
        return total / os.sysconf("SC_CLK_TCK")


def load(wrk: list[str], paths: list[str], server: served) -> Load:
    """wrk against ``paths``, each connection taking them in turn."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(_rotation(paths))
        script.flush()
        cpu_before = server.cpu_seconds()
        output = subprocess.run(
            [*wrk, "-s", script.name, f"http://127.0.0.1:{PORT}{paths[0]}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        cpu = server.cpu_seconds() - cpu_before
    errors = sum(int(n) for n in re.findall(r"(?:Non-2xx or 3xx responses|timeout) (\d+)", output))
    requests = int(re.search(r"(\d+) requests in", output)[1])
    return Load(
        float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M)[1]),
        _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M)[1]),
        errors,
        cpu / requests * 1e6,
    )


def _rotation(paths: list[str]) -> str:
    """A wrk script requesting ``paths`` in turn (wrk's requests would repeat one URL)."""
    quoted = ", ".join(f'"{path}"' for path in paths)  # URL-quoted: no quote or backslash
    return (
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n"
    )


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def report(by_workers: dict[int, dict[str, Load]]) -> None:
    one = by_workers.get(1, {})
    columns = ("workers", "req/s", "p50 ms", "p99 ms", "/A", "/B", "x1w", "cpu us", "cpu /B")
    print(f"{'':26}" + "".join(f"{c:>8}" for c in columns))
    for workers, found in by_workers.items():
        a, b = found["A raw ASGI"], found["B bare Litestar"]
        for label, measured in found.items():
            rate = measured.requests_per_second
            scale = f"{rate / one[label].requests_per_second:.2f}" if workers != 1 else ""
            target = TARGETS.get(label.removesuffix(ROTATION))
            verdict = (
                ""
                if target is None
                else "  ok"
                if rate / b.requests_per_second >= target
                else f"  below {target}"
            )
            errors = f"  ({measured.errors} errors)" if measured.errors else ""
            print(
                f"{label:26}{workers:>8}{rate:>8.0f}{measured.p50_ms:>8.2f}{measured.p99_ms:>8.2f}"
                f"{rate / a.requests_per_second:>8.2f}{rate / b.requests_per_second:>8.2f}"
                f"{scale:>8}{measured.cpu_us:>8.1f}{b.cpu_us / measured.cpu_us:>8.2f}"
                f"{verdict}{errors}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
