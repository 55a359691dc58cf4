"""Tracing: quote clusters, where their words appeared, and where sources disagree."""

from typing import Literal

from msgspec import Struct, field

from provenance.domain.api import Alias, SpeakerRef, Statement
from provenance.domain.graph import GraphLink
from provenance.domain.values import DatePrecision

DisagreementKind = Literal["speakers", "origins", "denial"]


class DocumentRef(Struct, kw_only=True):
    """The document an appearance is in, with its publication date and precision."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    published_precision: DatePrecision


class Appearance(Struct, kw_only=True):
    """One statement of a cluster: the document, the speaker as attributed there, the chain."""

    document: DocumentRef
    statement: Statement


class AttributedSpeaker(Struct, kw_only=True):
    """A speaker the words are attributed to, under which names, in how many statements."""

    speaker: SpeakerRef
    names: list[Alias]
    count: int


class ClusterRef(Struct, kw_only=True):
    id: int
    text: str
    """The words as they first appeared."""
    appearance_count: int


class Cluster(Struct, kw_only=True):
    """Statements in any document that carry the same words: exact, edited or contained.

    Its counts, speakers and intermediaries cover every appearance; only the first few
    appearances are inline (`appearance_count` says how many there are).
    """

    id: int
    text: str
    """The words as they first appeared."""
    appearance_count: int
    document_count: int
    speakers: list[AttributedSpeaker]
    """Every speaker the words are attributed to, most often first."""
    first_appearance: Appearance
    """The earliest document (by publication date, then ingest time) that carries them."""
    appearances: list[Appearance]
    """The first appearances, earliest first: at most 3 in each cluster of a trace, at most
    100 in a cluster read alone; every one, paginated, at `appearances_url`."""
    appearances_url: str
    """Where every appearance is listed: `/clusters/{id}/appearances`."""
    intermediaries: list[GraphLink]
    """Every source the words passed through, with how many appearances credit it."""
    origins: list[GraphLink]
    """The intermediaries nearest the speaker that documents credit."""
    denied_by: list[ClusterRef] = field(default_factory=list)
    """Clusters of statements that deny these words."""
    denies: list[ClusterRef] = field(default_factory=list)
    """Clusters whose claim these words deny."""
    score: float | None = None
    """In a trace: how closely the query matched (0-100)."""


class Disagreement(Struct, kw_only=True):
    """Where sources disagree about one set of words.

    - `speakers`: the same words attributed to different speakers (`speakers` lists them);
    - `origins`: documents trace the words to different first intermediaries (`origins`);
    - `denial`: statements in `denial` deny the claim in `cluster`.
    """

    kind: DisagreementKind
    summary: str
    cluster: ClusterRef
    speakers: list[AttributedSpeaker] = field(default_factory=list)
    origins: list[GraphLink] = field(default_factory=list)
    denial: ClusterRef | None = None
    statement_ids: list[int] = field(default_factory=list)
    """The statements that show it (at most 20)."""
