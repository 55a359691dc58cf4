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
from provenance.store.tracing.index import clustered_texts

#: Appearances listed inline in a cluster read alone (the rest are paginated).
APPEARANCES_SHOWN = 100
#: Appearances listed inline in each cluster of a trace: its cost does not grow with them.
APPEARANCES_TRACED = 3


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


@cache
def _first_members() -> Select:
    """(cluster, statement) of the first ``:shown`` members of each cluster in ``:ids``, in
    the order of :func:`members_query`: one windowed query for every cluster of a trace."""
    rank = func.row_number().over(
        partition_by=statements.c.cluster_id, order_by=_members_keyset().order
    )
    ranked = (
        select(statements.c.cluster_id, statements.c.id, rank.label("rank"))
        .join(documents, documents.c.id == statements.c.document_id)
        .where(_in(statements.c.cluster_id))
        .subquery()
    )
    return (
        select(ranked.c.cluster_id, ranked.c.id)
        .where(ranked.c.rank <= bindparam("shown"))
        .order_by(ranked.c.cluster_id, ranked.c.rank)
    )


def first_members(conn: Db, ids: Sequence[int], shown: int) -> dict[int, list[int]]:
    """The first ``shown`` statements of each cluster ``ids``, earliest first."""
    found: dict[int, list[int]] = {}
    params = {"ids": list(ids), "shown": shown}
    for cluster_id, statement_id in conn.execute(_first_members(), params):
        found.setdefault(cluster_id, []).append(statement_id)
    return found


# Built once (construction and compiling would cost more than running them).
_DOCUMENT_REFS = select(
    documents.c.id, documents.c.title, documents.c.outlet, documents.c.published
).where(_in(documents.c.id))
_SIZES = select(quote_clusters.c.id, quote_clusters.c.size).where(_in(quote_clusters.c.id))
_CLUSTER_OF = select(statements.c.cluster_id).where(statements.c.id == bindparam("id"))
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


def get_clusters(conn: Db, ids: Sequence[int], shown: int = APPEARANCES_SHOWN) -> list[Cluster]:
    """Clusters ``ids`` with speakers, intermediaries, denials, and their first ``shown``
    appearances (every one at ``/clusters/{id}/appearances``)."""
    sizes = dict(conn.execute(_SIZES, {"ids": list(ids)}).all())
    ids = [cluster_id for cluster_id in ids if cluster_id in sizes]
    if not ids:
        return []
    speakers = attributed_speakers(conn, ids)
    hops = source_links(conn, ids, chain_hops.c.source_id, chain_hops)
    origins = source_links(conn, ids, statements.c.origin_id)
    docs = _document_counts(conn, ids)
    denied_by, denies = _denial_refs(conn, ids)
    members = first_members(conn, ids, shown)
    appearances = get_appearances(conn, [s for c in ids for s in members.get(c, [])])
    by_statement = {appearance.statement.id: appearance for appearance in appearances}
    clusters = []
    for cluster_id in ids:
        shown_here = [by_statement[s] for s in members.get(cluster_id, []) if s in by_statement]
        if not shown_here:  # emptied by a write after its size was read
            continue
        clusters.append(
            Cluster(
                id=cluster_id,
                text=shown_here[0].statement.text,
                appearance_count=sizes[cluster_id],
                document_count=docs.get(cluster_id, 0),
                speakers=speakers.get(cluster_id, []),
                first_appearance=shown_here[0],
                appearances=shown_here,
                appearances_url=f"/clusters/{cluster_id}/appearances",
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
    sizes = dict(conn.execute(_SIZES, {"ids": list(set(ids))}).all())
    firsts = {c: members[0] for c, members in first_members(conn, list(sizes), 1).items()}
    texts = {row.id: row.text for row in clustered_texts(conn, list(firsts.values()))}
    return {
        cluster_id: ClusterRef(
            id=cluster_id, text=texts.get(firsts.get(cluster_id), ""), appearance_count=size
        )
        for cluster_id, size in sizes.items()
    }


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
