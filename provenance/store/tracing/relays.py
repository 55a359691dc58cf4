"""Who relays whom: the weighted edges speaker -> source -> ... -> outlet."""

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Select, bindparam, func, select

from provenance.domain.graph import GraphLink, GraphNode, RelayEdge
from provenance.store import reads
from provenance.store.tables import (
    chain_hops,
    documents,
    relay_edges,
    sources,
    speakers,
    statements,
)


def relay_edges_query(min_weight: int = 1) -> Select:
    """Relay edges, heaviest first."""
    return (
        select(relay_edges)
        .where(relay_edges.c.weight >= min_weight)
        .order_by(relay_edges.c.weight.desc(), *relay_edges.primary_key.columns)
    )


def get_relay_edges(conn: Connection, rows: Sequence) -> list[RelayEdge]:
    nodes = _nodes(
        conn, [(r.from_kind, r.from_key) for r in rows] + [(r.to_kind, r.to_key) for r in rows]
    )
    return [
        RelayEdge(
            relayed=nodes[(r.from_kind, r.from_key)],
            by=nodes[(r.to_kind, r.to_key)],
            weight=r.weight,
        )
        for r in rows
    ]


def _nodes(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], GraphNode]:
    keys = set(keys)
    nodes = {k: GraphNode(kind="outlet", id=None, name=k[1]) for k in keys if k[0] == "outlet"}
    for kind, table in (("speaker", speakers), ("source", sources)):
        wanted = [int(key) for k, key in keys if k == kind]
        for row in conn.execute(select(table.c.id, table.c.name).where(table.c.id.in_(wanted))):
            nodes[(kind, str(row.id))] = GraphNode(kind=kind, id=row.id, name=row.name)
    return nodes


def source_relations(conn: Connection, source_id: int, limit: int = 50) -> tuple[list, list]:
    """(whom the source relays, who relays the source), heaviest first."""
    key = str(source_id)
    upstream = conn.execute(
        relay_edges_query()
        .where(relay_edges.c.to_kind == "source", relay_edges.c.to_key == key)
        .limit(limit)
    ).all()
    downstream = conn.execute(
        relay_edges_query()
        .where(relay_edges.c.from_kind == "source", relay_edges.c.from_key == key)
        .limit(limit)
    ).all()
    edges_up = get_relay_edges(conn, upstream)
    edges_down = get_relay_edges(conn, downstream)
    return (
        [GraphLink(node=e.relayed, weight=e.weight) for e in edges_up],
        [GraphLink(node=e.by, weight=e.weight) for e in edges_down],
    )


_COUNT = func.count().label("n")
# Built once: a speaker's profile runs both on every read.
_QUOTING_OUTLETS = (
    select(documents.c.outlet, _COUNT)
    .join(statements, statements.c.document_id == documents.c.id)
    .where(statements.c.speaker_id == bindparam("sid"), documents.c.outlet.is_not(None))
    .group_by(documents.c.outlet)
    .order_by(_COUNT.desc(), documents.c.outlet)
    .limit(bindparam("limit"))
)
_SPEAKER_HOPS = (
    select(sources.c.id, sources.c.name, _COUNT)
    .select_from(chain_hops)
    .join(statements, statements.c.id == chain_hops.c.statement_id)
    .join(sources, sources.c.id == chain_hops.c.source_id)
    .where(statements.c.speaker_id == bindparam("sid"))
    .group_by(sources.c.id, sources.c.name)
    .order_by(_COUNT.desc(), sources.c.name)
    .limit(bindparam("limit"))
)


def speaker_relations(conn: Connection, speaker_id: int, limit: int = 50) -> tuple[list, list]:
    """(outlets that quote the speaker, intermediaries the speaker's words pass through)."""
    params = {"sid": speaker_id, "limit": limit}
    outlets = conn.execute(_QUOTING_OUTLETS, params).all()
    hops = conn.execute(_SPEAKER_HOPS, params).all()
    return (
        [GraphLink(node=GraphNode(kind="outlet", id=None, name=o), weight=n) for o, n in outlets],
        [GraphLink(node=GraphNode(kind="source", id=i, name=m), weight=n) for i, m, n in hops],
    )


def relays_page(
    conn: Connection, limit: int, offset: int, min_weight: int = 1
) -> tuple[list[RelayEdge], int]:
    """One page of relay edges, heaviest first, and their total."""
    query = relay_edges_query(min_weight)
    rows = conn.execute(query.limit(limit).offset(offset)).all()
    return get_relay_edges(conn, rows), reads.count(conn, query)
