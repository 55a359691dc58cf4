"""At ingest: cluster new statements, link denials to claims, count who relays whom.

Runs in the ingest transaction. Every query is an index seek or a bounded range: the cost
of a statement depends on its length and the caps below, not on how many are stored.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from sqlalchemy import (
    Connection,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from provenance.store.database import dialect_insert
from provenance.store.tables import (
    chain_hops,
    documents,
    quote_clusters,
    relay_edges,
    statement_denials,
    statement_shingles,
    statements,
)
from provenance.store.tracing.index import clustered_texts, exact_postings, postings
from provenance.store.tracing.voices import origins_differ, speakers_differ
from provenance.tracing.matching import (
    K,
    asserts,
    claim_like,
    denial_kind,
    full_shingles,
    points_at_reports,
    shingles,
    similarity,
    words,
)

#: Candidates (most shingles shared first) verified with rapidfuzz per statement at ingest.
CANDIDATES_VERIFIED = 12
#: A verdict ("baseless") denies the nearest earlier claim within this many characters.
DENIAL_CONTEXT_CHARS = 1500
#: Members of a cluster looked at when linking a denial to the claim with the same words.
DENIAL_MEMBERS_READ = 50


@dataclass
class NewStatement:
    """A statement just inserted, with what clustering needs to know about it."""

    id: int
    text: str
    speaker_id: int | None
    cue: str | None
    start: int
    outlet: str | None
    via: list[int] = field(default_factory=list)
    tokens: list[str] = field(init=False)
    verdict: bool = field(init=False)
    """It judges some claim: "baseless", "false"."""
    denies: bool = field(init=False)
    """It carries the words of a claim it denies: a denial cue and no verdict."""

    def __post_init__(self) -> None:
        self.tokens = words(self.text)
        self.verdict, cue = denial_kind(self.tokens, self.cue)
        self.denies = cue and not self.verdict


def index_statements(conn: Connection, ids: Sequence[int]) -> None:
    """Cluster statements just stored, link their denials and count their relays.

    Runs in the ingest transaction; its cost depends on the statements' length and the
    posting-list cap, not on how many statements are stored.
    """
    new = _load_new(conn, ids)
    _set_origins(conn, new)
    denied = {statement.id for statement in new if _cluster(conn, statement)}
    _link_denials(conn, new, denied)
    _count_relays(conn, new)


def _load_new(conn: Connection, ids: Sequence[int]) -> list[NewStatement]:
    rows = conn.execute(
        select(
            statements.c.id,
            statements.c.text,
            statements.c.speaker_id,
            statements.c.cue,
            statements.c.start,
            documents.c.outlet,
        )
        .join(documents, documents.c.id == statements.c.document_id)
        .where(statements.c.id.in_(ids))
        .order_by(statements.c.start, statements.c.id)
    ).all()
    new = {row.id: NewStatement(*row) for row in rows}
    for statement_id, source_id in conn.execute(
        select(chain_hops.c.statement_id, chain_hops.c.source_id)
        .where(chain_hops.c.statement_id.in_(ids))
        .order_by(chain_hops.c.statement_id, chain_hops.c.position)
    ):
        new[statement_id].via.append(source_id)
    return list(new.values())


def _set_origins(conn: Connection, new: list[NewStatement]) -> None:
    relayed = [{"sid": s.id, "origin": s.via[0]} for s in new if s.via]
    if relayed:
        conn.execute(
            update(statements)
            .where(statements.c.id == bindparam("sid"))
            .values(origin_id=bindparam("origin")),
            relayed,
        )


# Built once: the ingest runs them for every statement, and SQLAlchemy caches their SQL.
_NEW_CLUSTER = insert(quote_clusters).values(size=1, has_denial=bindparam("denial"))
_JOIN = (
    update(statements)
    .where(statements.c.id == bindparam("sid"))
    .values(cluster_id=bindparam("cid"))
)
_GROW = (
    update(quote_clusters)
    .where(quote_clusters.c.id == bindparam("cid"))
    .values(
        size=quote_clusters.c.size + bindparam("more"),
        has_denial=quote_clusters.c.has_denial | bindparam("denial"),
    )
)
_SIZES = select(quote_clusters.c.id, quote_clusters.c.size, quote_clusters.c.has_denial).where(
    quote_clusters.c.id.in_(bindparam("ids", expanding=True))
)
_MOVE = (
    update(statements)
    .where(statements.c.cluster_id.in_(bindparam("others", expanding=True)))
    .values(cluster_id=bindparam("cid"))
)
_DROP = delete(quote_clusters).where(quote_clusters.c.id.in_(bindparam("others", expanding=True)))
_INDEX = insert(statement_shingles)


def _set_flags(
    conn: Connection, cluster_id: int, speakers: bool = True, origins: bool = True
) -> None:
    """Refresh whether the cluster's speakers (as voices) and its origins differ; only
    those asked for (a new statement without a chain cannot change its origins)."""
    flags = {}
    if speakers:
        flags["speakers_differ"] = speakers_differ(conn, cluster_id)
    if origins:
        flags["origins_differ"] = origins_differ(conn, cluster_id)
    if flags:
        conn.execute(update(quote_clusters).where(quote_clusters.c.id == cluster_id), flags)


def _cluster(conn: Connection, statement: NewStatement) -> bool:
    """Join the clusters whose statements carry the same words (merging them), or start one.

    True when the cluster it joined may hold both a claim and its denial in the same words.
    """
    matched = _joinable_clusters(conn, statement.tokens)
    if matched:
        ranked = sorted(matched, key=lambda c: matched[c][0], reverse=True)
        cluster_id, merged = _merge(conn, ranked)
        conn.execute(_GROW, {"cid": cluster_id, "more": 1, "denial": statement.denies})
    else:
        cluster_id = conn.execute(_NEW_CLUSTER, {"denial": statement.denies})
        cluster_id, merged = cluster_id.inserted_primary_key[0], False
    conn.execute(_JOIN, {"sid": statement.id, "cid": cluster_id})
    keys = set(shingles(statement.tokens))
    if keys:
        conn.execute(_INDEX, [{"shingle": key, "statement_id": statement.id} for key in keys])
    if merged or (matched and (statement.speaker_id or statement.via)):
        # Only a merge or a new speaker or origin can make them differ.
        speaker, relayed = bool(statement.speaker_id), bool(statement.via)
        _set_flags(conn, cluster_id, merged or speaker, merged or relayed)
    has_denial = any(denial for _, denial in matched.values())
    return bool(matched) and (statement.denies or has_denial)


def _joinable_clusters(conn: Connection, tokens: list[str]) -> dict[int, tuple[float, bool]]:
    """Clusters of stored statements that carry the same words: (best score, has a denial)."""
    if len(tokens) >= K:
        counts = postings(conn, full_shingles(tokens))
    else:
        counts = exact_postings(conn, tokens)
    best = [statement_id for statement_id, _ in counts.most_common(CANDIDATES_VERIFIED)]
    matched: dict[int, tuple[float, bool]] = {}
    for _statement_id, text, cluster_id, has_denial in clustered_texts(conn, best):
        score = similarity(tokens, words(text))
        if score and score > matched.get(cluster_id, (0.0, False))[0]:
            matched[cluster_id] = (score, has_denial)
    return matched


def _merge(conn: Connection, cluster_ids: list[int]) -> tuple[int, bool]:
    """One cluster of ``cluster_ids`` (and whether it merged several).

    The largest keeps its id and the others' statements move to it: a statement moves only
    to a cluster at least as large as its own, so at most log2(n) times in all.
    """
    if len(cluster_ids) == 1:
        return cluster_ids[0], False
    found = {row.id: row for row in conn.execute(_SIZES, {"ids": cluster_ids})}
    keep = max(cluster_ids, key=lambda cluster_id: (found[cluster_id].size, -cluster_id))
    others = [cluster_id for cluster_id in cluster_ids if cluster_id != keep]
    conn.execute(_MOVE, {"others": others, "cid": keep})
    more = sum(found[o].size for o in others)
    denial = any(found[o].has_denial for o in others)
    conn.execute(_GROW, {"cid": keep, "more": more, "denial": denial})
    conn.execute(_DROP, {"others": others})
    return keep, True


def _link_denials(conn: Connection, new: list[NewStatement], denied: set[int]) -> None:
    """Link each denial to the claim it denies, as far as the text shows which one.

    A verdict ("such reports are baseless") denies the nearest earlier statement of the
    same document by another speaker that is not itself a denial. A statement with a
    denial cue and no verdict ("X denied that troops were sent") carries the claim's own
    words, so it denies the other statements of its cluster that assert them.
    """
    links: dict[tuple[int, int], str] = {}
    for position, statement in enumerate(new):
        if statement.verdict:
            reports = points_at_reports(_lead_in(conn, statement), statement.text)
            claim = _earlier_claim(new[:position], statement, reports)
            if claim is not None:
                links[(statement.id, claim.id)] = "context"
        if statement.id in denied:
            for pair in _same_word_denials(conn, statement):
                links.setdefault(pair, "same words")
    if links:
        conn.execute(
            insert(statement_denials),
            [{"denial_id": d, "claim_id": c, "rule": rule} for (d, c), rule in links.items()],
        )


def _earlier_claim(
    earlier: list[NewStatement], denial: NewStatement, reports: bool
) -> NewStatement | None:
    """The nearest earlier assertion by someone else; when the verdict judges "the
    reports" or "these claims", the nearest one reported as a claim, or none."""
    for claim in reversed(earlier):
        if denial.start - claim.start > DENIAL_CONTEXT_CHARS:
            return None
        different = denial.speaker_id is None or claim.speaker_id != denial.speaker_id
        assertion = not (claim.verdict or claim.denies) and asserts(claim.cue)
        if different and assertion and (not reports or claim_like(claim.cue)):
            return claim
    return None


#: Characters before a verdict read for what it judges (its sentence up to it).
LEAD_IN_CHARS = 150


def _lead_in(conn: Connection, statement: NewStatement) -> str:
    """The verdict's sentence up to the verdict: "... called the reports"."""
    begin = max(0, statement.start - LEAD_IN_CHARS)
    text = (
        conn.execute(
            select(func.substr(documents.c.body, begin + 1, statement.start - begin))
            .join(statements, statements.c.document_id == documents.c.id)
            .where(statements.c.id == statement.id)
        ).scalar()
        or ""
    )
    cut = max(text.rfind(". "), text.rfind("\n"))
    return text[cut + 1 :]


def _same_word_denials(conn: Connection, statement: NewStatement) -> list[tuple[int, int]]:
    """(denial, claim) pairs between ``statement`` and recent members of its cluster."""
    cluster_id = select(statements.c.cluster_id).where(statements.c.id == statement.id)
    members = conn.execute(
        select(statements.c.id, statements.c.cue, statements.c.text)
        .where(statements.c.cluster_id == cluster_id.scalar_subquery())
        .where(statements.c.id != statement.id)
        .order_by(statements.c.id.desc())
        .limit(DENIAL_MEMBERS_READ)
    ).all()
    pairs = []
    for member_id, cue, text in members:
        verdict, member_denies = denial_kind(words(text), cue)
        if statement.denies and not (verdict or member_denies):
            pairs.append((statement.id, member_id))
        elif not statement.denies and member_denies and not verdict:
            pairs.append((member_id, statement.id))
    return pairs


def _count_relays(conn: Connection, new: list[NewStatement]) -> None:
    """Add one to each edge speaker -> source -> ... -> outlet of the new statements."""
    weights = _relay_weights(new)
    if weights:
        _add_weights(conn, weights)


def _relay_weights(new: list[NewStatement]) -> Counter:
    weights: Counter = Counter()
    for statement in new:
        chain = [("speaker", str(statement.speaker_id))] if statement.speaker_id else []
        chain += [("source", str(source_id)) for source_id in statement.via]
        if statement.outlet:
            chain.append(("outlet", statement.outlet))
        weights.update(pair for pair in pairwise(chain) if pair[0] != pair[1])
    return weights


def forget_statements(conn: Connection, ids: Sequence[int]) -> None:
    """Undo :func:`index_statements` for statements about to be deleted (re-extraction).

    Their relay counts are taken back, their denial links and index entries deleted, and
    their clusters shrink (an emptied cluster goes; the others get their flags again).
    """
    if not ids:
        return
    old = _load_new(conn, ids)
    weights = _relay_weights(old)
    if weights:
        _add_weights(conn, Counter({edge: -n for edge, n in weights.items()}))
        conn.execute(delete(relay_edges).where(relay_edges.c.weight <= 0))
    conn.execute(
        delete(statement_denials).where(
            or_(statement_denials.c.denial_id.in_(ids), statement_denials.c.claim_id.in_(ids))
        )
    )
    entries = [
        {"key": key, "sid": statement.id}
        for statement in old
        for key in set(shingles(statement.tokens))
    ]
    if entries:
        conn.execute(_UNINDEX, entries)
    _shrink_clusters(conn, ids)


_UNINDEX = delete(statement_shingles).where(
    statement_shingles.c.shingle == bindparam("key"),
    statement_shingles.c.statement_id == bindparam("sid"),
)


def _shrink_clusters(conn: Connection, ids: Sequence[int]) -> None:
    counts = conn.execute(
        select(statements.c.cluster_id, func.count())
        .where(statements.c.id.in_(ids), statements.c.cluster_id.is_not(None))
        .group_by(statements.c.cluster_id)
    ).all()
    conn.execute(update(statements).where(statements.c.id.in_(ids)).values(cluster_id=None))
    for cluster_id, count in counts:
        conn.execute(_GROW, {"cid": cluster_id, "more": -count, "denial": False})
        _set_flags(conn, cluster_id)
    emptied = [cluster_id for cluster_id, _ in counts]
    if emptied:
        conn.execute(
            delete(quote_clusters).where(
                quote_clusters.c.id.in_(emptied), quote_clusters.c.size <= 0
            )
        )


def _add_weights(conn: Connection, weights: Counter) -> None:
    rows = [
        {"from_kind": a[0], "from_key": a[1], "to_kind": b[0], "to_key": b[1], "weight": n}
        for (a, b), n in weights.items()
    ]
    upsert = dialect_insert(conn, relay_edges)
    conn.execute(
        upsert.on_conflict_do_update(
            index_elements=[c.name for c in relay_edges.primary_key],
            set_={"weight": relay_edges.c.weight + upsert.excluded.weight},
        ),
        sorted(rows, key=lambda row: tuple(row.values())),  # one lock order for every writer
    )
