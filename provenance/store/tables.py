"""The tables. SQLModel defines them; hot paths query them with SQLAlchemy Core."""

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class DocumentRow(SQLModel, table=True):
    __tablename__ = "documents"

    id: str = Field(primary_key=True, max_length=32)
    raw_text: str
    body: str
    title: str | None = None
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    dateline: str | None = None
    published: str | None = Field(default=None, index=True)
    outlet: str | None = Field(default=None, index=True)
    url: str | None = None
    format: str = "generic"
    extractor: str | None = None
    extractor_version: str | None = None
    failures: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    statement_count: int = 0
    ingested_at: datetime = Field(index=True)
    given_published: str | None = None
    """The publication date given at ingest (kept for re-extraction)."""
    language: str | None = None
    """BCP 47 tag of the document's language, as given or declared at ingest."""
    raw_html: str | None = None
    """The web page the raw text was read from, for extractors that read markup (kept for
    re-extraction)."""


class ExtractionRow(SQLModel, table=True):
    """One extraction of a document: the current one and every earlier one it replaced."""

    __tablename__ = "extractions"

    id: int | None = Field(default=None, primary_key=True)
    document_id: str = Field(foreign_key="documents.id", index=True)
    extractor: str | None = None
    extractor_version: str | None = None
    format: str = "generic"
    statement_count: int = 0
    failures: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    record: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    """What it found, without the body: statements, speakers, sources, title, byline."""
    extracted_at: datetime
    current: bool = True


class EntityFields(SQLModel):
    """What speakers and sources share: a canonical name, a kind, a count."""

    id: int | None = Field(default=None, primary_key=True)
    name: str
    kind: str
    key: str = ""
    """The canonical name folded (``provenance.names.fold_name``): unique per kind, so two
    writers creating the same speaker or source at once make one row."""
    statement_count: int = 0


class AliasFields(SQLModel):
    """A name a speaker or source was seen under, folded into ``key`` for look-ups."""

    id: int | None = Field(default=None, primary_key=True)
    alias: str
    key: str = Field(index=True)
    head: str = Field(index=True)
    """First word of the key: the look-up for spelling variants of the same name."""
    compact: str = Field(default="", index=True)
    """The key without spaces: the look-up for names spaced differently."""
    count: int = 0
    """Documents in which the name was seen."""


class SpeakerRow(EntityFields, table=True):
    __tablename__ = "speakers"
    __table_args__ = (Index("ux_speakers_kind_key", "kind", "key", unique=True),)


class SpeakerAliasRow(AliasFields, table=True):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "key"),)

    speaker_id: int = Field(foreign_key="speakers.id", index=True)


class SpeakerRoleRow(SQLModel, table=True):
    __tablename__ = "speaker_roles"

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speakers.id", index=True)
    role: str
    document_id: str = Field(foreign_key="documents.id", index=True)
    seen_on: str | None = None


class SourceRow(EntityFields, table=True):
    __tablename__ = "sources"
    __table_args__ = (Index("ux_sources_kind_key", "kind", "key", unique=True),)


class SourceAliasRow(AliasFields, table=True):
    __tablename__ = "source_aliases"
    __table_args__ = (UniqueConstraint("source_id", "key"),)

    source_id: int = Field(foreign_key="sources.id", index=True)


class StatementRow(SQLModel, table=True):
    __tablename__ = "statements"
    __table_args__ = (
        Index("ix_statements_document_start", "document_id", "start"),
        Index("ix_statements_cluster_speaker", "cluster_id", "speaker_id"),
        Index("ix_statements_cluster_origin", "cluster_id", "origin_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: str = Field(foreign_key="documents.id")
    speaker_id: int | None = Field(default=None, foreign_key="speakers.id", index=True)
    attributed_as: str | None = None
    kind: str = Field(index=True)
    text: str
    cue: str | None = None
    channel: str | None = None
    said_on: str | None = Field(default=None, index=True)
    start: int
    end: int
    cluster_id: int | None = Field(default=None, foreign_key="quote_clusters.id")
    """The quote cluster: statements anywhere that carry the same words."""
    origin_id: int | None = Field(default=None, foreign_key="sources.id")
    """The intermediary nearest the speaker (chain position 0), kept here for cluster checks."""


class RetiredStatementRow(SQLModel, table=True):
    """A statement a re-extraction removed: its id answers 410 Gone, never a new statement."""

    __tablename__ = "retired_statements"

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    document_id: str = Field(foreign_key="documents.id", index=True)
    start: int
    end: int
    retired_at: datetime


class ChainHopRow(SQLModel, table=True):
    """One intermediary of a statement's chain; position 0 is nearest to the speaker."""

    __tablename__ = "chain_hops"

    statement_id: int = Field(foreign_key="statements.id", primary_key=True)
    position: int = Field(primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)


class QuoteClusterRow(SQLModel, table=True):
    """Statements that carry the same words (see docs/tracing.md)."""

    __tablename__ = "quote_clusters"

    id: int | None = Field(default=None, primary_key=True)
    size: int = 0
    speakers_differ: bool = Field(default=False, index=True)
    """The words are attributed to more than one speaker."""
    origins_differ: bool = Field(default=False, index=True)
    """Documents credit different intermediaries nearest the speaker."""
    has_denial: bool = False
    """A statement of the cluster denies the words (a denial cue, no verdict word)."""


class StatementShingleRow(SQLModel, table=True):
    """The quote index: one packed word shingle per word of a statement."""

    __tablename__ = "statement_shingles"
    __table_args__ = {"sqlite_with_rowid": False}

    shingle: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    statement_id: int = Field(foreign_key="statements.id", primary_key=True)


class StatementDenialRow(SQLModel, table=True):
    """A statement that denies another one's claim, and the rule that linked them."""

    __tablename__ = "statement_denials"

    denial_id: int = Field(foreign_key="statements.id", primary_key=True)
    claim_id: int = Field(foreign_key="statements.id", primary_key=True, index=True)
    rule: str


class RelayEdgeRow(SQLModel, table=True):
    """Who relays whom: speaker -> source -> ... -> outlet, counted over statements."""

    __tablename__ = "relay_edges"
    __table_args__ = (Index("ix_relay_edges_to", "to_kind", "to_key"),)

    from_kind: str = Field(primary_key=True)
    from_key: str = Field(primary_key=True)
    to_kind: str = Field(primary_key=True)
    to_key: str = Field(primary_key=True)
    weight: int = Field(default=0, index=True)


class ApiKeyRow(SQLModel, table=True):
    """An API key: only its public prefix and the SHA-256 of the whole key are kept."""

    __tablename__ = "api_keys"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    scope: str
    prefix: str = Field(max_length=16, unique=True)
    digest: str = Field(max_length=64)
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


class ReadVersionRow(SQLModel, table=True):
    """One row: a counter that every write to a table reads come from raises (by triggers,
    migration 0009), so that caches of derived reads know when they are stale."""

    __tablename__ = "read_version"

    id: int = Field(primary_key=True)
    version: int = Field(sa_column=Column(BigInteger, nullable=False))


SEARCH_PREFIX = "search_"
"""The search indexes (FTS5 tables on SQLite, pg_trgm indexes on PostgreSQL) are built by
migration 0007 in SQL either database has its own way of saying; the models leave them out."""


def is_modelled(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic's ``include_name``: every schema object but the search indexes."""
    return not (type_ in ("table", "index") and name and name.startswith(SEARCH_PREFIX))


documents = DocumentRow.__table__
extractions = ExtractionRow.__table__
speakers = SpeakerRow.__table__
speaker_aliases = SpeakerAliasRow.__table__
speaker_roles = SpeakerRoleRow.__table__
sources = SourceRow.__table__
source_aliases = SourceAliasRow.__table__
statements = StatementRow.__table__
retired_statements = RetiredStatementRow.__table__
chain_hops = ChainHopRow.__table__
quote_clusters = QuoteClusterRow.__table__
statement_shingles = StatementShingleRow.__table__
statement_denials = StatementDenialRow.__table__
relay_edges = RelayEdgeRow.__table__
api_keys = ApiKeyRow.__table__
read_version = ReadVersionRow.__table__
