"""The tracing benchmark at a toy size, so that it keeps working (figures not checked)."""

import sqlite3

from bench.trace import Corpus, replicate, report, run


def test_the_corpus_is_deterministic_and_its_quotes_recur():
    first = [extracted for _, extracted in Corpus().documents(30)]
    again = [extracted for _, extracted in Corpus().documents(30)]
    assert first == again
    texts = [s.text for extracted in first for s in extracted.statements]
    assert len(set(texts)) < len(texts)  # some recur exactly


def test_the_trace_benchmark_runs_at_a_toy_size(tmp_path, capsys):
    results = run([200, 500], queries=10, db=tmp_path / "bench.db")
    report(results)
    assert set(results) == {200, 500}
    for figures in results.values():
        assert figures["ingest_per_document_ms"] > 0
        assert 0 < figures["trace_p50_ms"] <= figures["trace_p99_ms"]
    assert "ingest per document at 500 / at 200" in capsys.readouterr().out


def test_replication_copies_documents_into_the_same_clusters(tmp_path):
    base, copied = tmp_path / "bench.db", tmp_path / "bench-x3.db"
    run([300], queries=5, db=base, keep=True)
    replicate(base, copied, 3)
    counts = (
        "SELECT count(*), (SELECT count(*) FROM documents), (SELECT count(*) FROM quote_clusters),"
        " (SELECT sum(size) FROM quote_clusters), (SELECT count(*) FROM search_statements) "
        "FROM statements"
    )
    with sqlite3.connect(base) as conn:
        statements, documents, clusters, size, indexed = conn.execute(counts).fetchone()
    with sqlite3.connect(copied) as conn:
        assert conn.execute(counts).fetchone() == (
            3 * statements,
            3 * documents,
            clusters,
            3 * size,
            3 * indexed,
        )
