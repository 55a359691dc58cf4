"""Reading quote clusters: their speakers, appearances, intermediaries and denials."""

from collections.abc import Iterable, Sequence
from functools import cache

from sqlalchemy import ColumnElement, Select, bindparam, case, func, select

from provenance.domain import Alias, SpeakerRef, precision_of
from provenance.domain.graph import GraphLink, GraphNode
from provenance.domain.tracing import (
    Appearance,
    AttributedSpeaker,
    Cluster,
    ClusterRef,
    DocumentRef,
)
from provenance.store import reads
from provenance.store.plain import Db
from provenance.store.tables import (
    chain_hops,
    documents,
    quote_clusters,
    sources,
    speakers,
    statement_denials,
    statements,
)

#: Appearances listed inline in a cluster (the rest are paginated).
APPEARANCES_SHOWN = 100


def members_query(cluster_id: int) -> reads.Listing:
    """A cluster's statements, earliest document first (undated documents last)."""
    return reads.Listing(_members_keyset(), {"cluster_id": cluster_id})


@cache
def _members_keyset() -> reads.Keyset:
    query = (
        select(statements.c.id)
        .join(documents, documents.c.id == statements.c.document_id)
        .where(statements.c.cluster_id == bindparam("cluster_id"))
    )
    undated = case((documents.c.published.is_(None), 1), else_=0)
    order = (
        undated,
        func.coalesce(documents.c.published, ""),  # undated ones tie here, then go by ingest
        documents.c.ingested_at,
        statements.c.start,
        statements.c.id,
    )
    return reads.keyset("appearances", query, order)


def _in(column) -> ColumnElement[bool]:
    return column.in_(bindparam("ids", expanding=True))


# Built once (construction and compiling would cost more than running them).
_DOCUMENT_REFS = select(
    documents.c.id, documents.c.title, documents.c.outlet, documents.c.published
).where(_in(documents.c.id))
_SIZES = select(quote_clusters.c.id, quote_clusters.c.size).where(_in(quote_clusters.c.id))
_CLUSTER_OF = select(statements.c.cluster_id).where(statements.c.id == bindparam("id"))
_TEXT = select(statements.c.text).where(statements.c.id == bindparam("id"))
_DOCUMENT_COUNTS = (
    select(statements.c.cluster_id, func.count(statements.c.document_id.distinct()))
    .where(_in(statements.c.cluster_id))
    .group_by(statements.c.cluster_id)
)
_ATTRIBUTED = (
    select(
        statements.c.cluster_id,
        speakers.c.id,
        speakers.c.name,
        speakers.c.kind,
        statements.c.attributed_as,
        func.count(),
    )
    .join(speakers, speakers.c.id == statements.c.speaker_id)
    .where(_in(statements.c.cluster_id))
    .group_by(
        statements.c.cluster_id,
        speakers.c.id,
        speakers.c.name,
        speakers.c.kind,
        statements.c.attributed_as,
    )
)


def get_appearances(conn: Db, ids: Sequence[int]) -> list[Appearance]:
    """Statements ``ids`` with their documents, in the order given."""
    found = reads.get_statements(conn, ids)
    doc_ids = {statement.document_id for statement in found}
    docs = {
        row.id: DocumentRef(
            id=row.id,
            title=row.title,
            outlet=row.outlet,
            published=row.published,
            published_precision=precision_of(row.published),
        )
        for row in conn.execute(_DOCUMENT_REFS, {"ids": list(doc_ids)})
    }
    return [Appearance(document=docs[s.document_id], statement=s) for s in found]


def get_clusters(conn: Db, ids: Sequence[int]) -> list[Cluster]:
    """Clusters ``ids`` with speakers, first and every appearance, intermediaries, denials."""
    sizes = dict(conn.execute(_SIZES, {"ids": list(ids)}).all())
    ids = [cluster_id for cluster_id in ids if cluster_id in sizes]
    if not ids:
        return []
    speakers = attributed_speakers(conn, ids)
    hops = source_links(conn, ids, chain_hops.c.source_id, chain_hops)
    origins = source_links(conn, ids, statements.c.origin_id)
    docs = _document_counts(conn, ids)
    denied_by, denies = _denial_refs(conn, ids)
    clusters = []
    for cluster_id in ids:
        members = [
            row[0] for row in members_query(cluster_id).page(conn, APPEARANCES_SHOWN, 0, None)
        ]
        appearances = get_appearances(conn, list(members))
        clusters.append(
            Cluster(
                id=cluster_id,
                text=appearances[0].statement.text,
                appearance_count=sizes[cluster_id],
                document_count=docs.get(cluster_id, 0),
                speakers=speakers.get(cluster_id, []),
                first_appearance=appearances[0],
                appearances=appearances,
                intermediaries=hops.get(cluster_id, []),
                origins=origins.get(cluster_id, []),
                denied_by=denied_by.get(cluster_id, []),
                denies=denies.get(cluster_id, []),
            )
        )
    return clusters


def cluster_of(conn: Db, statement_id: int) -> int | None:
    return conn.execute(_CLUSTER_OF, {"id": statement_id}).scalar()


def cluster_refs(conn: Db, ids: Iterable[int]) -> dict[int, ClusterRef]:
    """Short references (first words and size) to clusters ``ids``."""
    refs = {}
    for cluster_id, size in conn.execute(_SIZES, {"ids": list(set(ids))}):
        first = next((row[0] for row in members_query(cluster_id).page(conn, 1, 0, None)), None)
        text = conn.execute(_TEXT, {"id": first}).scalar()
        refs[cluster_id] = ClusterRef(id=cluster_id, text=text or "", appearance_count=size)
    return refs


def attributed_speakers(conn: Db, ids: Sequence[int]) -> dict[int, list]:
    """Per cluster: each speaker its words are attributed to, under which names, how often."""
    rows = conn.execute(_ATTRIBUTED, {"ids": list(ids)}).all()
    found: dict[tuple[int, int], AttributedSpeaker] = {}
    for cluster_id, speaker_id, name, kind, attributed_as, n in rows:
        key = (cluster_id, speaker_id)
        if key not in found:
            found[key] = AttributedSpeaker(
                speaker=SpeakerRef(speaker_id, name, kind), names=[], count=0
            )
        found[key].names.append(Alias(attributed_as or name, n))
        found[key].count += n
    by_cluster: dict[int, list[AttributedSpeaker]] = {}
    for (cluster_id, _), speaker in sorted(found.items(), key=lambda kv: -kv[1].count):
        speaker.names.sort(key=lambda alias: (-alias.count, alias.name))
        by_cluster.setdefault(cluster_id, []).append(speaker)
    return by_cluster


def source_links(conn: Db, ids: Sequence[int], column, via=None) -> dict[int, list]:
    """Per cluster: the sources in ``column`` with how many statements credit them."""
    links: dict[int, list[GraphLink]] = {}
    for cluster_id, source_id, name, n in conn.execute(_links(column, via), {"ids": list(ids)}):
        node = GraphNode(kind="source", id=source_id, name=name)
        links.setdefault(cluster_id, []).append(GraphLink(node=node, weight=n))
    return links


@cache
def _links(column, via) -> Select:
    query = select(statements.c.cluster_id, sources.c.id, sources.c.name, func.count())
    if via is not None:
        query = query.select_from(via).join(statements, statements.c.id == via.c.statement_id)
    return (
        query.join(sources, sources.c.id == column)
        .where(_in(statements.c.cluster_id))
        .group_by(statements.c.cluster_id, sources.c.id, sources.c.name)
        .order_by(func.count().desc(), sources.c.name)
    )


def _document_counts(conn: Db, ids: Sequence[int]) -> dict[int, int]:
    return dict(conn.execute(_DOCUMENT_COUNTS, {"ids": list(ids)}).all())


def denial_pairs(claims: Sequence[int] = (), denials: Sequence[int] = ()) -> Select:
    """(claim cluster, denial cluster, links) for the given claim or denial clusters."""
    claim, denial = statements.alias("claim"), statements.alias("denial")
    query = _pairs(claim, denial)
    if claims:
        query = query.where(claim.c.cluster_id.in_(claims))
    if denials:
        query = query.where(denial.c.cluster_id.in_(denials))
    return query


@cache
def _pairs_of(side: str) -> Select:
    """:func:`denial_pairs` for the ``ids`` parameter's claim or denial clusters."""
    claim, denial = statements.alias("claim"), statements.alias("denial")
    clusters = (claim if side == "claim" else denial).c.cluster_id
    return _pairs(claim, denial).where(_in(clusters))


def _pairs(claim, denial) -> Select:
    return (
        select(claim.c.cluster_id, denial.c.cluster_id, func.count())
        .select_from(statement_denials)
        .join(claim, claim.c.id == statement_denials.c.claim_id)
        .join(denial, denial.c.id == statement_denials.c.denial_id)
        .group_by(claim.c.cluster_id, denial.c.cluster_id)
    )


def _denial_refs(conn: Db, ids: Sequence[int]) -> tuple[dict, dict]:
    params = {"ids": list(ids)}
    denied = conn.execute(_pairs_of("claim"), params).all()
    denying = conn.execute(_pairs_of("denial"), params).all()
    refs = cluster_refs(conn, {c for row in denied + denying for c in row[:2]})
    denied_by: dict[int, list[ClusterRef]] = {}
    denies: dict[int, list[ClusterRef]] = {}
    for claim, denial, _ in denied:
        denied_by.setdefault(claim, []).append(refs[denial])
    for claim, denial, _ in denying:
        denies.setdefault(denial, []).append(refs[claim])
    return denied_by, denies
