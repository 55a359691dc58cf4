"""The write path: one extracted document stored in one transaction, with multi-row inserts."""

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache

import msgspec
from rapidfuzz import fuzz, process
from sqlalchemy import (
    Connection,
    Executable,
    Select,
    Table,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from provenance.domain import ExtractedDocument, ExtractedSpeaker, Mention, RawDocument
from provenance.domain.extraction import ExtractedSource, ExtractedStatement
from provenance.names import compact_of, fold_name, head_of
from provenance.store import tracing
from provenance.store.database import DIALECT_INSERTS
from provenance.store.tables import (
    chain_hops,
    documents,
    extractions,
    retired_statements,
    source_aliases,
    sources,
    speaker_aliases,
    speaker_roles,
    speakers,
    statements,
)

#: Similarity (0-100) above which two person names sharing their first word are one person.
SPELLING_VARIANT_SIMILARITY = 85.0

#: What makes a statement the same one across extractions of its document: start, end, text.
Span = tuple[int, int, str]


def insert_document(
    conn: Connection, doc_id: str, raw: RawDocument, extracted: ExtractedDocument
) -> bool:
    """Store ``extracted`` as document ``doc_id`` unless a document of that id is stored
    already (False); the caller owns the transaction."""
    now = datetime.now(UTC)
    row = {
        "id": doc_id,
        "raw_text": raw.text,
        "outlet": raw.outlet,
        "url": raw.url,
        "given_published": raw.published,
        "language": raw.language,
        "raw_html": raw.html,
        "ingested_at": now,
        **_extraction_fields(extracted),
    }
    if conn.execute(_new_document(conn.dialect.name), row).scalar() is None:
        return False
    _store_extraction(conn, doc_id, extracted, now, {})
    return True


def replace_extraction(conn: Connection, doc_id: str, extracted: ExtractedDocument) -> None:
    """Replace document ``doc_id``'s statements with ``extracted``'s, keeping the record of
    the extraction it replaces; the caller owns the transaction (and reads everything it
    replaces inside it).

    A statement found again (same span, same text) keeps its id; the others are retired:
    their ids answer 410 Gone and are never given to another statement.
    """
    old = _current_statements(conn, doc_id)
    old_ids = [statement_id for _, statement_id in old]
    touched_speakers, touched_sources = _entities_behind(conn, old_ids)
    tracing.forget_statements(conn, old_ids)
    if old_ids:
        conn.execute(delete(chain_hops).where(chain_hops.c.statement_id.in_(old_ids)))
    kept, gone = _found_again(old, {_span_of(s) for s in extracted.statements})
    now = datetime.now(UTC)
    _retire(conn, doc_id, gone, now)
    _count_statements(conn, speakers, touched_speakers)
    _count_statements(conn, sources, touched_sources)
    _forget_names(conn, doc_id)
    conn.execute(delete(speaker_roles).where(speaker_roles.c.document_id == doc_id))
    conn.execute(
        update(extractions)
        .where(extractions.c.document_id == doc_id, extractions.c.current)
        .values(current=False)
    )
    conn.execute(
        update(documents).where(documents.c.id == doc_id).values(**_extraction_fields(extracted))
    )
    _store_extraction(conn, doc_id, extracted, now, kept)


def _span_of(statement: ExtractedStatement) -> Span:
    return (statement.start, statement.end, statement.text)


def _current_statements(conn: Connection, doc_id: str) -> list[tuple[Span, int]]:
    rows = conn.execute(
        select(statements.c.start, statements.c.end, statements.c.text, statements.c.id)
        .where(statements.c.document_id == doc_id)
        .order_by(statements.c.id)
    )
    return [((start, end, text), statement_id) for start, end, text, statement_id in rows]


def _found_again(
    old: list[tuple[Span, int]], found: set[Span]
) -> tuple[dict[Span, int], dict[int, Span]]:
    """The old statements found again (span -> id; the oldest id when a span repeats) and
    the others (id -> span)."""
    kept: dict[Span, int] = {}
    gone: dict[int, Span] = {}
    for span, statement_id in old:
        if span in found and span not in kept:
            kept[span] = statement_id
        else:
            gone[statement_id] = span
    return kept, gone


def _retire(conn: Connection, doc_id: str, gone: dict[int, Span], now: datetime) -> None:
    """Delete statements ``gone`` (already forgotten by tracing), remembering their ids."""
    if not gone:
        return
    conn.execute(
        insert(retired_statements),
        [
            {"id": i, "document_id": doc_id, "start": start, "end": end, "retired_at": now}
            for i, (start, end, _text) in gone.items()
        ],
    )
    conn.execute(delete(statements).where(statements.c.id.in_(list(gone))))


def successor_of(conn: Connection, statement_id: int) -> tuple[str, int | None] | None:
    """For a retired statement: its document and the statement now covering the most of
    its span (None when nothing does); None when ``statement_id`` was never retired."""
    retired = conn.execute(
        select(
            retired_statements.c.document_id, retired_statements.c.start, retired_statements.c.end
        ).where(retired_statements.c.id == statement_id)
    ).first()
    if retired is None:
        return None
    doc_id, start, end = retired
    overlap = func.min(statements.c.end, end) - func.max(statements.c.start, start)
    if conn.dialect.name == "postgresql":
        overlap = func.least(statements.c.end, end) - func.greatest(statements.c.start, start)
    successor = conn.execute(
        select(statements.c.id)
        .where(
            statements.c.document_id == doc_id,
            statements.c.start < end,
            statements.c.end > start,
        )
        .order_by(overlap.desc(), statements.c.id)
        .limit(1)
    ).scalar()
    return doc_id, successor


def _extraction_fields(extracted: ExtractedDocument) -> dict:
    """The document columns that an extraction decides."""
    return {
        "body": extracted.body,
        "title": extracted.title,
        "authors": extracted.authors,
        "dateline": extracted.dateline,
        "published": extracted.published,
        "format": extracted.format,
        "extractor": extracted.extractor,
        "extractor_version": extracted.extractor_version,
        "failures": msgspec.to_builtins(extracted.failures),
        "statement_count": len(extracted.statements),
    }


def _store_extraction(
    conn: Connection,
    doc_id: str,
    extracted: ExtractedDocument,
    now: datetime,
    kept: dict[Span, int],
) -> None:
    record = msgspec.to_builtins(extracted)
    del record["body"]  # the document row has it; the record is what was found in it
    conn.execute(
        insert(extractions),
        {
            "document_id": doc_id,
            "extractor": extracted.extractor,
            "extractor_version": extracted.extractor_version,
            "format": extracted.format,
            "statement_count": len(extracted.statements),
            "failures": record["failures"],
            "record": record,
            "extracted_at": now,
            "current": True,
        },
    )
    speaker_ids = _resolve_speakers(conn, doc_id, extracted)
    source_ids = _resolve_sources(conn, extracted)
    _insert_statements(conn, doc_id, extracted, speaker_ids, source_ids, kept)


def _entities_behind(conn: Connection, ids: list[int]) -> tuple[list[int], list[int]]:
    """The speakers and sources of statements ``ids``."""
    if not ids:
        return [], []
    who = conn.execute(
        select(statements.c.speaker_id).where(
            statements.c.id.in_(ids), statements.c.speaker_id.is_not(None)
        )
    ).scalars()
    via = conn.execute(
        select(chain_hops.c.source_id).where(chain_hops.c.statement_id.in_(ids))
    ).scalars()
    return list(set(who)), list(set(via))


def _forget_names(conn: Connection, doc_id: str) -> None:
    """Take back the alias counts that the document's current extraction added."""
    record = conn.execute(
        select(extractions.c.record).where(
            extractions.c.document_id == doc_id, extractions.c.current
        )
    ).scalar()
    if not record:  # extracted before records were kept
        return
    previous = msgspec.convert({**record, "body": ""}, ExtractedDocument, strict=False)
    for table, aliases, owner, found in (
        (speakers, speaker_aliases, "speaker_id", _speakers_of(previous)),
        (sources, source_aliases, "source_id", _sources_of(previous)),
    ):
        for entity in found:
            names = _names(entity.name, entity.aliases)
            owner_id = _find(conn, table, aliases, owner, names, entity.kind)
            if owner_id is not None:
                _take_back_aliases(conn, aliases, owner, owner_id, names)


def _resolve_speakers(
    conn: Connection, doc_id: str, extracted: ExtractedDocument
) -> dict[str, int]:
    """Speaker ids by every name this document uses for them."""
    ids: dict[str, int] = {}
    for speaker in _speakers_of(extracted):
        names = _names(speaker.name, speaker.aliases)
        speaker_id = _find(conn, speakers, speaker_aliases, "speaker_id", names, speaker.kind)
        if speaker_id is None:
            speaker_id = _create(conn, speakers, speaker.name, speaker.kind)
        _add_aliases(conn, speaker_aliases, "speaker_id", speaker_id, names)
        if speaker.roles:
            conn.execute(
                insert(speaker_roles),
                [
                    {
                        "speaker_id": speaker_id,
                        "role": role,
                        "document_id": doc_id,
                        "seen_on": extracted.published,
                    }
                    for role in dict.fromkeys(speaker.roles)
                ],
            )
        ids.update(dict.fromkeys(names, speaker_id))
    return ids


def _resolve_sources(conn: Connection, extracted: ExtractedDocument) -> dict[str, int]:
    ids: dict[str, int] = {}
    for source in _sources_of(extracted):
        names = _names(source.name, source.aliases)
        source_id = _find(conn, sources, source_aliases, "source_id", names, source.kind)
        if source_id is None:
            source_id = _create(conn, sources, source.name, source.kind)
        _add_aliases(conn, source_aliases, "source_id", source_id, names)
        ids.update(dict.fromkeys(names, source_id))
    return ids


def _speakers_of(extracted: ExtractedDocument) -> list[ExtractedSpeaker]:
    return _entities_of(
        extracted.speakers,
        [s.speaker for s in extracted.statements if s.speaker],
        lambda mention: ExtractedSpeaker(name=mention.name, kind=mention.kind),  # type: ignore[arg-type]
    )


def _sources_of(extracted: ExtractedDocument) -> list[ExtractedSource]:
    return _entities_of(
        extracted.sources,
        [hop for s in extracted.statements for hop in s.via],
        lambda mention: ExtractedSource(name=mention.name, kind=mention.kind),  # type: ignore[arg-type]
    )


def _entities_of(declared, mentioned: Sequence[Mention], make) -> list:
    """The declared entities plus any mention that none of them names."""
    known = {name for entity in declared for name in (entity.name, *entity.aliases)}
    extra: dict[str, object] = {}
    for mention in mentioned:
        if mention.name not in known and mention.name not in extra:
            extra[mention.name] = make(mention)
    return [*declared, *extra.values()]


def _names(name: str, aliases: Sequence[str]) -> list[str]:
    return [n for n in dict.fromkeys((name, *aliases)) if fold_name(n)]


def _find(
    conn: Connection, table: Table, aliases: Table, owner: str, names: list[str], kind: str
) -> int | None:
    """An existing entity of ``kind`` known by one of ``names``, or by a near spelling."""
    # A lone word ("Khan") is too ambiguous to join documents by; full names are not.
    keys = [fold_name(n) for n in names]
    strong = [k for k in keys if " " in k] or keys[:1]
    exact = conn.execute(
        _same_name(table, aliases, owner),
        {"keys": strong, "compacts": [compact_of(k) for k in strong], "kind": kind},
    ).scalar()
    if exact is not None or kind != "person" or " " not in strong[0]:
        return exact
    key = strong[0]
    # Two names this much alike differ in length by at most this share of their sum.
    slack = 1 - SPELLING_VARIANT_SIMILARITY / 100
    shortest, longest = len(key) * (1 - slack) / (1 + slack), len(key) * (1 + slack) / (1 - slack)
    bounds = {"head": head_of(key), "shortest": int(shortest), "longest": int(longest) + 1}
    rows = conn.execute(_same_head(table, aliases, owner), bounds).all()
    owners, keys = [owner_id for owner_id, _ in rows], [other for _, other in rows]
    best = process.extractOne(
        key, keys, scorer=fuzz.ratio, score_cutoff=SPELLING_VARIANT_SIMILARITY
    )
    return owners[best[2]] if best else None


# The statements run for every document, speaker and source stored: built once.


@cache
def _new_document(dialect: str) -> Executable:
    new = DIALECT_INSERTS[dialect](documents)
    return new.on_conflict_do_nothing(index_elements=["id"]).returning(documents.c.id)


@cache
def _same_name(table: Table, aliases: Table, owner: str) -> Select:
    owner_column = aliases.c[owner]
    same = or_(
        aliases.c.key.in_(bindparam("keys", expanding=True)),
        aliases.c.compact.in_(bindparam("compacts", expanding=True)),
    )
    return (
        select(owner_column)
        .join(table, table.c.id == owner_column)
        .where(same, table.c.kind == bindparam("kind"))
        .order_by(owner_column)
        .limit(1)
    )


@cache
def _same_head(table: Table, aliases: Table, owner: str) -> Select:
    """Full person names sharing a first word, of a length that may be a spelling variant:
    the candidates, the newest entity first (the one that wins a tie)."""
    owner_column = aliases.c[owner]
    return (
        select(owner_column, aliases.c.key)
        .join(table, table.c.id == owner_column)
        .where(
            aliases.c.head == bindparam("head"),
            table.c.kind == "person",
            aliases.c.key.contains(" "),
            func.length(aliases.c.key).between(bindparam("shortest"), bindparam("longest")),
        )
        .order_by(owner_column.desc())
    )


@cache
def _new_entity(dialect: str, table: Table) -> Executable:
    insert_new = DIALECT_INSERTS[dialect](table).values(
        name=bindparam("name"), kind=bindparam("kind"), key=bindparam("key")
    )
    return insert_new.on_conflict_do_nothing(index_elements=["kind", "key"]).returning(table.c.id)


@cache
def _entity_by_key(table: Table) -> Select:
    same = (table.c.kind == bindparam("kind"), table.c.key == bindparam("key"))
    return select(table.c.id).where(*same)


@cache
def _count_aliases(dialect: str, aliases: Table, owner: str) -> Executable:
    upsert = DIALECT_INSERTS[dialect](aliases)
    return upsert.on_conflict_do_update(
        index_elements=[owner, "key"], set_={"count": aliases.c.count + upsert.excluded.count}
    )


def _create(conn: Connection, table: Table, name: str, kind: str) -> int:
    """A new entity, or the one another writer created under the same folded name."""
    values = {"name": name, "kind": kind, "key": fold_name(name) or name}
    created = conn.execute(_new_entity(conn.dialect.name, table), values).scalar()
    if created is not None:
        return created
    return conn.execute(_entity_by_key(table), values).scalar_one()


def _add_aliases(
    conn: Connection, aliases: Table, owner: str, owner_id: int, names: list[str]
) -> None:
    """Count one more document for each name, adding the names not yet seen (one upsert,
    rows in key order)."""
    by_key = {fold_name(n): n for n in names}
    if not by_key:
        return
    rows = [
        {
            owner: owner_id,
            "alias": by_key[key],
            "key": key,
            "head": head_of(key),
            "compact": compact_of(key),
            "count": 1,
        }
        for key in sorted(by_key)
    ]
    conn.execute(_count_aliases(conn.dialect.name, aliases, owner), rows)


def _take_back_aliases(
    conn: Connection, aliases: Table, owner: str, owner_id: int, names: list[str]
) -> None:
    """Count one document less for each of ``names`` (in one statement)."""
    keys = sorted({fold_name(n) for n in names})
    conn.execute(
        update(aliases)
        .where(aliases.c[owner] == owner_id, aliases.c.key.in_(keys))
        .values(count=aliases.c.count - 1)
    )


def _insert_statements(
    conn: Connection,
    doc_id: str,
    extracted: ExtractedDocument,
    speaker_ids: dict[str, int],
    source_ids: dict[str, int],
    kept: dict[Span, int],
) -> None:
    """Insert the statements, or update in place those found again (``kept``: their ids)."""
    if not extracted.statements:
        return
    kept = dict(kept)  # each kept id goes to one statement
    rows = [
        {
            "sid": kept.pop(_span_of(s), None),
            "document_id": doc_id,
            "speaker_id": speaker_ids.get(s.speaker.name) if s.speaker else None,
            "attributed_as": s.speaker.name if s.speaker else None,
            "kind": s.kind,
            "text": s.text,
            "cue": s.cue,
            "channel": s.channel,
            "said_on": s.said_on,
            "start": s.start,
            "end": s.end,
            "origin_id": None,
        }
        for s in extracted.statements
    ]
    found_again = [row for row in rows if row["sid"] is not None]
    if found_again:
        conn.execute(update(statements).where(statements.c.id == bindparam("sid")), found_again)
    new = [row for row in rows if row["sid"] is None]
    for row, statement_id in zip(new, _insert_new(conn, new), strict=True):
        row["sid"] = statement_id
    ids = [row["sid"] for row in rows]
    hops = [
        {"statement_id": statement_id, "position": position, "source_id": source_ids[hop.name]}
        for statement_id, s in zip(ids, extracted.statements, strict=True)
        for position, hop in enumerate(s.via)
    ]
    if hops:
        conn.execute(insert(chain_hops), hops)
    _count_statements(conn, speakers, [r["speaker_id"] for r in rows if r["speaker_id"]])
    _count_statements(conn, sources, list({h["source_id"] for h in hops}))
    tracing.index_statements(conn, ids)


def _insert_new(conn: Connection, rows: list[dict]) -> list[int]:
    """Insert ``rows`` and return their ids, in order, never an id given out before."""
    if not rows:
        return []
    values = [{k: v for k, v in row.items() if k != "sid"} for row in rows]
    if conn.dialect.name == "sqlite":
        # SQLite gives the largest rowid + 1, which may be a retired statement's id.
        first = _largest_id_ever(conn) + 1
        values = [{**row, "id": first + n} for n, row in enumerate(values)]
    inserted = conn.execute(
        insert(statements).returning(statements.c.id, sort_by_parameter_order=True), values
    )
    return list(inserted.scalars())


def _largest_id_ever(conn: Connection) -> int:
    live = conn.execute(select(func.max(statements.c.id))).scalar() or 0
    retired = conn.execute(select(func.max(retired_statements.c.id))).scalar() or 0
    return max(live, retired)


def _count_statements(conn: Connection, table: Table, ids: list[int]) -> None:
    """Recount ``statement_count`` for the touched rows (cheap: indexed, few rows)."""
    if ids:
        conn.execute(_recount(table), {"ids": sorted(set(ids))})


@cache
def _recount(table: Table) -> Executable:
    counted = statements.c.speaker_id if table is speakers else chain_hops.c.source_id
    count = select(func.count()).where(counted == table.c.id).scalar_subquery()
    touched = table.c.id.in_(bindparam("ids", expanding=True))
    return update(table).where(touched).values(statement_count=count)
