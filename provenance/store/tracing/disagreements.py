"""Where sources disagree: the same words, different speakers, origins, or a denial."""

from collections.abc import Sequence

from sqlalchemy import Connection, Select, select

from provenance.domain.tracing import ClusterRef, Disagreement
from provenance.store import reads
from provenance.store.tables import quote_clusters, statement_denials, statements
from provenance.store.tracing.clusters import (
    attributed_speakers,
    cluster_refs,
    denial_pairs,
    source_links,
)
from provenance.store.tracing.voices import voices_of

#: Statements cited as evidence of one disagreement.
EVIDENCE_SHOWN = 20


def disagreement_sections(kind: str | None) -> list[tuple[str, Select]]:
    """The queries listing each kind of disagreement (one key per disagreement)."""
    sections = [
        ("speakers", _flagged(quote_clusters.c.speakers_differ)),
        ("origins", _flagged(quote_clusters.c.origins_differ)),
        ("denial", denial_pairs().order_by(None).order_by(*denial_pairs().selected_columns[:2])),
    ]
    return [(name, query) for name, query in sections if kind in (None, name)]


def _flagged(flag) -> Select:
    return select(quote_clusters.c.id).where(flag.is_(True)).order_by(quote_clusters.c.id)


def get_disagreements(conn: Connection, kind: str, keys: Sequence) -> list[Disagreement]:
    """The disagreements of ``kind`` for keys from :func:`disagreement_sections`."""
    if kind == "denial":
        return [_denial(conn, claim, denial) for claim, denial, _ in keys]
    cluster_ids = [key[0] for key in keys]
    refs = cluster_refs(conn, cluster_ids)
    if kind == "speakers":
        speakers_by = attributed_speakers(conn, cluster_ids)
        return [_speakers_differ(conn, refs[c], speakers_by.get(c, [])) for c in cluster_ids]
    origins = source_links(conn, cluster_ids, statements.c.origin_id)
    return [_origins_differ(conn, refs[c], origins.get(c, [])) for c in cluster_ids]


def _speakers_differ(conn: Connection, cluster: ClusterRef, found: list) -> Disagreement:
    evidence = _evidence(conn, cluster.id, statements.c.speaker_id.is_not(None))
    voices = voices_of(conn, cluster.id)
    given = {speaker_id for voice in voices for speaker_id in voice}
    return Disagreement(
        kind="speakers",
        summary=_speakers_summary(voices, found),
        cluster=cluster,
        speakers=[s for s in found if s.speaker.id in given] or found,
        statement_ids=evidence,
    )


def _speakers_summary(voices: list[list[int]], found: list) -> str:
    """ "... attributed to 2 speakers: A, B." or, when some speakers are one voice (a ministry
    and its spokesperson), "... attributed to 2 voices: A; B and C (one voice)."."""
    names = {s.speaker.id: s.speaker.name for s in found}
    if all(len(voice) == 1 for voice in voices):
        listed = ", ".join(names[voice[0]] for voice in voices if voice[0] in names)
        return f"The same words are attributed to {len(voices)} speakers: {listed}."
    described = [_voice_names(voice, names) for voice in voices]
    return f"The same words are attributed to {len(voices)} voices: {'; '.join(described)}."


def _voice_names(voice: list[int], names: dict[int, str]) -> str:
    listed = " and ".join(names[i] for i in voice if i in names)
    return f"{listed} (one voice)" if len(voice) > 1 else listed


def _origins_differ(conn: Connection, cluster: ClusterRef, found: list) -> Disagreement:
    names = ", ".join(link.node.name for link in found)
    evidence = _evidence(conn, cluster.id, statements.c.origin_id.is_not(None))
    return Disagreement(
        kind="origins",
        summary=f"Documents trace the same words to different intermediaries: {names}.",
        cluster=cluster,
        origins=found,
        statement_ids=evidence,
    )


def _denial(conn: Connection, claim_id: int, denial_id: int) -> Disagreement:
    refs = cluster_refs(conn, [claim_id, denial_id])
    claim, denial = statements.alias("claim"), statements.alias("denial")
    evidence = conn.execute(
        select(statement_denials.c.denial_id)
        .join(claim, claim.c.id == statement_denials.c.claim_id)
        .join(denial, denial.c.id == statement_denials.c.denial_id)
        .where(claim.c.cluster_id == claim_id, denial.c.cluster_id == denial_id)
        .distinct()
        .order_by(statement_denials.c.denial_id)
        .limit(EVIDENCE_SHOWN)
    ).scalars()
    if claim_id == denial_id:  # "X denied that <the claim's own words>"
        summary = f"“{_short(refs[claim_id].text)}” is both asserted and denied."
    else:
        summary = f"“{_short(refs[denial_id].text)}” denies “{_short(refs[claim_id].text)}”."
    return Disagreement(
        kind="denial",
        summary=summary,
        cluster=refs[claim_id],
        denial=refs[denial_id],
        statement_ids=list(evidence),
    )


def _evidence(conn: Connection, cluster_id: int, condition) -> list[int]:
    return list(
        conn.execute(
            select(statements.c.id)
            .where(statements.c.cluster_id == cluster_id, condition)
            .order_by(statements.c.id)
            .limit(EVIDENCE_SHOWN)
        ).scalars()
    )


def _short(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def disagreements_page(
    conn: Connection, kind: str | None, limit: int, offset: int
) -> tuple[list[Disagreement], int]:
    """One page of disagreements (speakers, then origins, then denials) and their total."""
    items: list[Disagreement] = []
    total = 0
    for name, query in disagreement_sections(kind):
        size = reads.count(conn, query)
        start, wanted = max(offset - total, 0), limit - len(items)
        if wanted > 0 and start < size:
            keys = conn.execute(query.limit(wanted).offset(start)).all()
            items += get_disagreements(conn, name, keys)
        total += size
    return items, total
