"""The quote index: bounded look-ups of statements by their word shingles."""

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import islice

from sqlalchemy import Connection, TextClause, bindparam, select, text

from provenance.store.plain import Db
from provenance.store.tables import quote_clusters, statement_shingles, statements
from provenance.tracing.matching import K, full_shingles, prefix_range, similarity, words

#: Most recent statements read per shingle: a very common shingle costs no more than this.
POSTINGS_PER_SHINGLE = 32
#: Shingles looked up per query (one UNION ALL of that many index seeks).
SHINGLES_PER_QUERY = 100
#: Postings a trace reads at most over all its shingles, each its share (at least
#: POSTINGS_PER_SHINGLE): a rare shingle is read whole, a common one only its newest share.
TRACE_POSTINGS = 1000


def postings(conn: Db, keys: Iterable[int], cap: int = POSTINGS_PER_SHINGLE) -> Counter:
    """Statements by how many of ``keys`` they share (each key's newest ``cap`` statements)."""
    counts: Counter = Counter()
    unique = iter(dict.fromkeys(keys))
    while chunk := list(islice(unique, SHINGLES_PER_QUERY)):
        params = {f"k{i}": key for i, key in enumerate(chunk)} | {"cap": cap}
        counts.update(conn.execute(_seeks(len(chunk)), params).scalars())
    return counts


@cache
def _seeks(count: int) -> TextClause:
    """``count`` index seeks in one statement, each the newest ``:cap`` of one shingle.

    Plain SQL (the same on SQLite and PostgreSQL): built once per count, where building it
    with Core for every statement ingested would cost more than running it.
    """
    table = statement_shingles.name
    seek = (
        "SELECT statement_id FROM (SELECT statement_id FROM {table} WHERE shingle = :k{i} "
        "ORDER BY statement_id DESC LIMIT :cap) AS seek{i}"
    )
    return text(" UNION ALL ".join(seek.format(table=table, i=i) for i in range(count)))


def postings_share(shingles: int, limit: int) -> int:
    """Postings read per shingle of a trace with ``shingles`` shingles and ``limit``
    candidates: the query's :data:`TRACE_POSTINGS` shared out, never more than ``limit``."""
    return min(limit, max(POSTINGS_PER_SHINGLE, TRACE_POSTINGS // shingles))


def exact_postings(conn: Connection, tokens: list[str]) -> Counter:
    """Statements whose words (fewer than K) are exactly ``tokens``, by their first shingle."""
    if not tokens:
        return Counter()
    return postings(conn, [prefix_range(tokens)[0]])


_PREFIXED = (
    select(statement_shingles.c.statement_id)
    .where(statement_shingles.c.shingle.between(bindparam("low"), bindparam("high")))
    .limit(bindparam("limit"))
)


def prefixed_postings(conn: Db, tokens: list[str], limit: int) -> Counter:
    low, high = prefix_range(tokens)
    return Counter(conn.execute(_PREFIXED, {"low": low, "high": high, "limit": limit}).scalars())


_TEXTS = (
    select(statements.c.id, statements.c.text, statements.c.cluster_id, quote_clusters.c.has_denial)
    .join(quote_clusters, quote_clusters.c.id == statements.c.cluster_id)
    .where(statements.c.id.in_(bindparam("ids", expanding=True)))
)


def clustered_texts(conn: Db, ids: Sequence[int]) -> list:
    """(id, text, cluster, cluster has a denial) of the statements ``ids`` in a cluster."""
    return conn.execute(_TEXTS, {"ids": list(ids)}).all() if ids else []


def statements_like(conn: Db, tokens: list[str], limit: int) -> list[tuple[int, int, float]]:
    """(statement, cluster, score) of the statements that carry ``tokens``, best first.

    Four words or more: the statements sharing the most of the query's shingles (each
    shingle's newest :func:`postings_share`); fewer: the statements with a shingle that
    starts with the query's words (an index range). Either way at most ``limit``
    candidates are read and verified.
    """
    if len(tokens) >= K:
        keys = full_shingles(tokens)
        counts = postings(conn, keys, cap=postings_share(len(keys), limit))
    else:
        counts = prefixed_postings(conn, tokens, limit)
    candidates = [statement_id for statement_id, _ in counts.most_common(limit)]
    found, scores = [], {}  # recurring quotes: each text scored once
    for statement_id, stored, cluster_id, _ in clustered_texts(conn, candidates):
        if stored not in scores:
            scores[stored] = _query_score(tokens, words(stored))
        if score := scores[stored]:
            found.append((statement_id, cluster_id, score))
    return sorted(found, key=lambda row: (-row[2], row[0]))


def matching_clusters(conn: Db, tokens: list[str], limit: int) -> list[tuple[int, float]]:
    """(cluster, score) of the clusters that carry ``tokens``: best score, most matches first."""
    best: dict[int, float] = {}
    matches: Counter = Counter()
    for _, cluster_id, score in statements_like(conn, tokens, limit):
        best[cluster_id] = max(score, best.get(cluster_id, 0.0))
        matches[cluster_id] += 1
    ranked = sorted(best, key=lambda c: (-best[c], -matches[c], c))
    return [(cluster_id, best[cluster_id]) for cluster_id in ranked]


def _query_score(query: list[str], text: list[str]) -> float:
    """How well a statement carries the query: the same words, or the query's fragment."""
    if len(query) < K:
        return similarity(query, text) or _fragment(query, text)
    return similarity(query, text)


def _fragment(query: list[str], text: list[str]) -> float:
    padded = f" {' '.join(text)} "
    return 100.0 if f" {' '.join(query)} " in padded else 0.0
