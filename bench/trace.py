"""Tracing at scale: ingest cost per document and trace latency at 100k and 1M statements.

A deterministic synthetic corpus (10 statements a document; quotes that recur across
documents exactly, with a word changed, or as a fragment; misattributions; relays) is
stored through the real write path (``writes.insert_document``, one transaction per
document) into a SQLite file of its own. At each size it reports the ingest cost per
document measured over the last batch of documents (not the average from empty) and the
trace latency (p50, p99) over a few hundred queries, with ratios against a bare
``SELECT 1`` round trip measured in the same run. The benchmark's database alone runs
with ``PRAGMA synchronous=OFF`` (durability does not matter here; the app keeps NORMAL).

    python -m bench trace             # 100k and 1M statements
    python -m bench.trace [--sizes 100000,1000000] [--queries 300] [--db PATH]
    python -m bench.trace --sizes 100000 --db var/bench/trace.db --replicate 10 [--wrk 10]

The last grows a kept database ten-fold in SQL (see :func:`replicate`) and serves it:
``GET /trace`` under wrk at a million statements, beside B (``bench.api``'s bare Litestar
handler) under the same wrk in the same run.
"""

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, event, text

from bench.api import PORT, REFERENCES, Load, load, reference_server, served
from provenance.domain import ExtractedDocument, ExtractedStatement, Mention, RawDocument
from provenance.names import document_id
from provenance.service import ProvenanceService
from provenance.settings import Settings
from provenance.store.writes import insert_document

Extracted = ExtractedDocument
STATEMENTS_PER_DOCUMENT = 10
BATCH_DOCUMENTS = 500
SYLLABLES = tuple("ka lo mi re su ta ne vi do ra pe zu lin mar tos gel bri an ou el".split(" "))  # noqa: SIM905


@dataclass
class Corpus:
    """A deterministic stream of synthetic documents whose quotes recur across documents."""

    seed: int = 7
    vocabulary: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    pool: list[tuple[str, str]] = field(default_factory=list)
    """Quotes that may recur: (text, original speaker)."""

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.vocabulary = sorted({self._word() for _ in range(30_000)})
        self.rng.shuffle(self.vocabulary)
        self.weights = [1.0 / (rank + 10) for rank in range(len(self.vocabulary))]
        self.speakers = [f"{self._name()} {self._name()}" for _ in range(20_000)]
        self.sources = [f"{self._name()} News Agency" for _ in range(2_000)]
        self.outlets = [f"The {self._name()} Times" for _ in range(300)]

    def _word(self) -> str:
        return "".join(self.rng.choices(SYLLABLES, k=self.rng.randint(1, 4)))

    def _name(self) -> str:
        return "".join(self.rng.choices(SYLLABLES, k=self.rng.randint(2, 3))).capitalize()

    def documents(
        self, count: int, start: int = 0
    ) -> Iterator[tuple[RawDocument, ExtractedDocument]]:
        for number in range(start, start + count):
            yield self._document(number)

    def _document(self, number: int) -> tuple[RawDocument, ExtractedDocument]:
        """Ten statements: a cast of three people, recurring quotes with their speakers."""
        cast = self.rng.sample(self.speakers, 3)
        relays = self.rng.sample(self.sources, self.rng.choice((0, 1, 1, 2)))
        lines, found = [f"Report number {number}", ""], []
        offset = sum(len(line) + 1 for line in lines)
        for _ in range(STATEMENTS_PER_DOCUMENT):
            words, speaker = self._statement(cast)
            via = relays if self.rng.random() < 0.5 else []
            line = f'"{words}," said {speaker}.'
            found.append(
                ExtractedStatement(
                    text=words,
                    kind="direct",
                    cue="said",
                    channel=self.rng.choice((None, "interview", "statement", "tweet")),
                    said_on=None,
                    start=offset + 1,
                    end=offset + 1 + len(words),
                    speaker=Mention(speaker, "person"),
                    via=[Mention(name, "agency") for name in via],
                )
            )
            lines.append(line)
            offset += len(line) + 1
        body = "\n".join(lines)
        raw = RawDocument(text=body, outlet=self.rng.choice(self.outlets))
        extracted = ExtractedDocument(
            title=lines[0],
            authors=[],
            dateline=None,
            published=f"{2000 + number % 25}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            body=body,
            statements=found,
        )
        return raw, extracted

    def _statement(self, cast: list[str]) -> tuple[str, str]:
        """A fresh quote (kept for recurring), or a recurring one: exact, edited, or a part."""
        if self.pool and self.rng.random() < 0.3:
            quote, speaker = self.rng.choice(self.pool)
            if self.rng.random() < 0.1:
                speaker = self.rng.choice(cast)
            return self._variant(quote), speaker
        size = self.rng.randint(8, 30)
        quote = " ".join(self.rng.choices(self.vocabulary, self.weights, k=size))
        speaker = self.rng.choice(cast)
        self.pool.append((quote, speaker))
        if len(self.pool) > 100_000:
            self.pool[self.rng.randrange(len(self.pool))] = self.pool.pop()
        return quote, speaker

    def _variant(self, quote: str) -> str:
        words = quote.split()
        roll = self.rng.random()
        if roll < 0.4:
            return quote
        if roll < 0.7:
            words[self.rng.randrange(len(words))] = self.rng.choice(self.vocabulary)
            return " ".join(words)
        size = self.rng.randint(min(6, len(words)), len(words))
        start = self.rng.randint(0, len(words) - size)
        return " ".join(words[start : start + size])

    def queries(self, count: int) -> list[str]:
        """Fragments of recurring quotes (one in five shorter than a shingle)."""
        rng = random.Random(self.seed + 1)
        found = []
        for number in range(count):
            words = rng.choice(self.pool)[0].split()
            size = rng.randint(2, 3) if number % 5 == 0 else rng.randint(5, min(10, len(words)))
            start = rng.randint(0, len(words) - size)
            found.append(" ".join(words[start : start + size]))
        return found


def _fast_sqlite(engine: Engine) -> None:
    """The benchmark's own database only: no fsync (results do not depend on durability)."""

    @event.listens_for(engine, "connect")
    def _pragmas(connection, _record) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.close()


def open_database(db: Path) -> ProvenanceService:
    """The benchmark's service over the SQLite file ``db``, migrated."""
    settings = Settings(database_url=f"sqlite:///{db}", seed_on_start=False)
    service = ProvenanceService(settings, plugins=None)
    _fast_sqlite(service.engine)
    service.start()
    return service


def skip(corpus: Corpus, count: int) -> int:
    """Generate (without storing) the first ``count`` documents: what a kept database holds."""
    for _ in corpus.documents(count):
        pass
    return count


def ingest(service: ProvenanceService, corpus: Corpus, count: int, start: int) -> list[float]:
    """Store ``count`` documents; the seconds each batch of documents took."""
    timings = []
    stream = corpus.documents(count, start)
    for _ in range(0, count, BATCH_DOCUMENTS):
        began = time.perf_counter()
        for raw, extracted in _take(stream, BATCH_DOCUMENTS):
            with service.engine.begin() as conn:
                insert_document(conn, document_id(raw.text), raw, extracted)
        timings.append(time.perf_counter() - began)
    return timings


def _take(stream: Iterator, count: int) -> Iterator:
    for _ in range(count):
        item = next(stream, None)
        if item is None:
            return
        yield item


def latencies(service: ProvenanceService, queries: Sequence[str]) -> list[float]:
    """Seconds per trace (the first ten clusters, as ``GET /trace`` answers them)."""
    found = []
    for query in queries:
        began = time.perf_counter()
        service.trace(query, 10, 0)
        found.append(time.perf_counter() - began)
    return found


def select_one(service: ProvenanceService, times: int = 2000) -> float:
    """Seconds for a bare ``SELECT 1`` round trip: the reference every figure is held to."""
    samples = []
    for _ in range(times):
        began = time.perf_counter()
        with service.engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def percentile(samples: Sequence[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]


def run(
    sizes: Sequence[int], queries: int, db: Path, keep: bool = False
) -> dict[int, dict[str, float]]:
    """Grow one database through ``sizes`` (statements); figures at each size.

    With ``keep``, a database left at ``db`` by an earlier run is grown rather than started
    again (the corpus is deterministic: the documents it holds are generated, not stored).
    """
    if not keep:
        db.unlink(missing_ok=True)
    service = open_database(db)
    corpus, results = Corpus(), {}
    stored = skip(corpus, service.count_documents())
    for size in sizes:
        documents = size // STATEMENTS_PER_DOCUMENT
        timings = ingest(service, corpus, max(documents - stored, 0), stored) or [float("nan")]
        stored = max(documents, stored)
        batch = min(BATCH_DOCUMENTS, documents)
        results[size] = {"ingest_per_document_ms": 1000 * timings[-1] / batch}
        results[size] |= measure(service, corpus.queries(queries))
        print(_line(size, results[size]), flush=True)
    service.close()
    return results


def measure(service: ProvenanceService, queries: Sequence[str]) -> dict[str, float]:
    """Trace latencies (p50, p99) in process, and the ``SELECT 1`` reference."""
    reference = select_one(service)
    traced = latencies(service, queries)
    return {
        "trace_p50_ms": 1000 * percentile(traced, 0.5),
        "trace_p99_ms": 1000 * percentile(traced, 0.99),
        "select_1_ms": 1000 * reference,
    }


def run_replicated(db: Path, times: int, queries: int, seconds: int) -> None:
    """The database at ``db`` copied ``times``-fold (see :func:`replicate`): trace latencies
    in process, then ``GET /trace`` served under wrk for ``seconds`` (when not 0), with 32
    connections (throughput) and with one (latency without queueing)."""
    large = db.with_name(f"{db.stem}-x{times}{db.suffix}")
    replicate(db, large, times)
    service = open_database(large)
    corpus = Corpus()
    skip(corpus, service.count_documents() // times)
    asked = corpus.queries(queries)
    with service.engine.connect() as conn:
        size = conn.execute(text("SELECT count(*) FROM statements")).scalar_one()
    print(_line(size, {"ingest_per_document_ms": float("nan")} | measure(service, asked)))
    service.close()
    for connections in (32, 1) if seconds else ():
        wrk = ["wrk", "-t1" if connections == 1 else "-t2", f"-c{connections}"]
        print(served_beside_b(size, large, asked, [*wrk, f"-d{seconds}s", "--latency"]))


def served_beside_b(size: int, db: Path, asked: Sequence[str], wrk: list[str]) -> str:
    """:func:`served_trace`, then B (a bare Litestar handler) under the same ``wrk``."""
    found = served_trace(db, asked, wrk)
    with served(reference_server(REFERENCES["B bare Litestar"], 1), "/") as server:
        bare = load(wrk, ["/"], server)
    return (
        f"{size:>9,} statements: GET /trace under {' '.join(wrk)}, one worker, "
        f"{len(asked)} queries in turn (each asked once before): "
        f"{found.requests_per_second:.0f} req/s "
        f"({found.requests_per_second / bare.requests_per_second:.2f} B), "
        f"p50 {found.p50_ms:.2f} ms, p99 {found.p99_ms:.2f} ms (target <= 10 ms), "
        f"{found.errors} errors; B: {bare.requests_per_second:.0f} req/s, "
        f"p50 {bare.p50_ms:.2f} ms, p99 {bare.p99_ms:.2f} ms"
    )


# Larger sizes by replication: the write path stores about 20 documents a second on this
# machine (a million statements would take hours), so a kept database can be grown
# ``times``-fold in SQL instead. Each copy of a document is a new document whose statements
# (with their chains, shingles and denials) join the same quote clusters, speakers and
# sources: clusters grow ``times``-fold, and every shingle's postings with them.

REPLICATED = {
    "documents": {"id": "id || '-{k}'"},
    "statements": {"id": "id + {offset}", "document_id": "document_id || '-{k}'"},
    "chain_hops": {"statement_id": "statement_id + {offset}"},
    "statement_shingles": {"statement_id": "statement_id + {offset}"},
    "statement_denials": {"denial_id": "denial_id + {offset}", "claim_id": "claim_id + {offset}"},
}
"""Tables copied, and how a copy's keys are made from the original's."""


def replicate(source: Path, db: Path, times: int) -> None:
    """``db``: the database at ``source`` with its documents copied ``times``-fold (once)."""
    if db.exists():
        return
    shutil.copyfile(source, db)
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("BEGIN")
    offset = connection.execute("SELECT max(id) FROM statements").fetchone()[0]
    for k in range(1, times):
        for table, keys in REPLICATED.items():
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            made = [keys.get(c, f'"{c}"').format(k=k, offset=k * offset) for c in columns]
            names = ", ".join(f'"{c}"' for c in columns)
            # the originals only: copied rows are never copied again
            original = "statement_id" if "statement_id" in columns else columns[0]
            limit = f"{original} <= {offset}" if table != "documents" else "id NOT LIKE '%-%'"
            connection.execute(
                f"INSERT INTO {table} ({names}) SELECT {', '.join(made)} FROM {table} WHERE {limit}"
            )
    for table in ("quote_clusters",):
        connection.execute(f"UPDATE {table} SET size = size * {times}")
    for table in ("speakers", "sources"):
        connection.execute(f"UPDATE {table} SET statement_count = statement_count * {times}")
    connection.execute("COMMIT")
    connection.close()


def served_trace(db: Path, queries: Sequence[str], wrk: list[str]) -> Load:
    """``GET /trace`` under wrk against ``provenance serve`` (one worker) on ``db``, the
    queries taken in turn, each asked once before."""
    paths = [f"/trace?q={quote(query)}" for query in queries]
    command = [sys.executable, "-m", "provenance", "serve", f"--port={PORT}", "--workers=1"]
    env = {"PROVENANCE_DATABASE_URL": f"sqlite:///{db}"}
    env["PROVENANCE_RATE_LIMIT_PER_ADDRESS"] = "0"  # one client sends every request
    with served(command, "/health", env) as server:
        for path in paths:  # steady state: every query asked once (cold ones: in process)
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=30).read()
        return load(wrk, paths, server)


def _line(size: int, r: dict[str, float]) -> str:
    reference = r["select_1_ms"]
    return (
        f"{size:>9,} statements: ingest {r['ingest_per_document_ms']:.2f} ms/document; "
        f"trace p50 {r['trace_p50_ms']:.2f} ms ({r['trace_p50_ms'] / reference:.0f}x SELECT 1), "
        f"p99 {r['trace_p99_ms']:.2f} ms; SELECT 1 {reference:.3f} ms"
    )


def report(results: dict[int, dict[str, float]]) -> None:
    sizes = sorted(results)
    if len(sizes) < 2:
        return
    small, large = results[sizes[0]], results[sizes[-1]]
    ratio = large["ingest_per_document_ms"] / small["ingest_per_document_ms"]
    print(
        f"ingest per document at {sizes[-1]:,} / at {sizes[0]:,}: {ratio:.2f}x (target <= 1.5x); "
        f"trace p50 at {sizes[-1]:,}: {large['trace_p50_ms']:.1f} ms (target < 50 ms)"
    )


def main(argv: Sequence[str] = ()) -> None:
    """Run at the sizes given (by default 100k and 1M statements) and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.trace", description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000", help="Statements, comma-separated.")
    parser.add_argument("--queries", type=int, default=300, help="Trace queries per size.")
    parser.add_argument(
        "--db", type=Path, help="SQLite file, kept and grown on later runs (default: temporary)."
    )
    parser.add_argument(
        "--replicate",
        type=int,
        default=0,
        help="Then copy the --db database this many times over in SQL and measure that.",
    )
    parser.add_argument(
        "--wrk", type=int, default=10, help="Seconds of wrk on the replicated database (0: none)."
    )
    args = parser.parse_args(list(argv))
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if args.replicate and not args.db:
        parser.error("--replicate needs --db")
    with tempfile.TemporaryDirectory() as folder:
        report(run(sizes, args.queries, args.db or Path(folder) / "bench.db", keep=bool(args.db)))
    if args.replicate:
        run_replicated(args.db, args.replicate, args.queries, args.wrk)


if __name__ == "__main__":
    main(sys.argv[1:])
