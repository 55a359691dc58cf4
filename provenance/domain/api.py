"""Request and response bodies of the REST API."""

from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

from msgspec import Meta, Struct, field

from provenance.domain.extraction import ExtractionFailure
from provenance.domain.graph import GraphLink
from provenance.domain.values import DatePrecision, SourceKind, SpeakerKind, StatementKind

T = TypeVar("T")

NO_NUL = r"^[^\x00]*$"
"""Text without a NUL byte (PostgreSQL can store none)."""
TRACEABLE = (
    r"^(?:[^\w'\x00]*[Tt][Hh][Ee](?![\w'])|(?![^\w'\x00]*[Tt][Hh][Ee](?![\w'])))"
    r"[^\w\x00]*(?:\w[^\w\x00]*){4}[^\x00]*$"
)
"""A trace query ``tracing.matching`` can use: no NUL byte, and 4 word characters (letters,
digits, ``_``) not counting a leading "the", which it drops as a stop word."""
NonEmptyText = Annotated[
    str,
    Meta(
        min_length=1,
        pattern=r"^[^\x00]*[^\s\x00][^\x00]*$",
        description="The document's text, verbatim: something besides white space, no NUL "
        "byte (the body size is bounded).",
    ),
]
HtmlPage = Annotated[
    str,
    Meta(min_length=1, pattern=NO_NUL, description="An HTML page (no NUL byte)."),
]
Url = Annotated[str, Meta(max_length=2048, pattern=NO_NUL)]
OutletName = Annotated[str, Meta(max_length=200, pattern=NO_NUL)]
PublishedText = Annotated[str, Meta(max_length=64, pattern=NO_NUL)]
ExtractorName = Annotated[str, Meta(max_length=100, pattern=NO_NUL)]
BCP47 = (
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$"
)
"""A BCP 47 language tag (RFC 5646 ``langtag``: language, script, region, variants,
extensions, private use), its language subtag one of ISO 639's two- or three-letter codes
(the longer forms the grammar reserves have none registered)."""
MAX_LANGUAGE_CHARS = 64
LanguageTag = Annotated[
    str,
    Meta(
        max_length=MAX_LANGUAGE_CHARS,
        pattern=BCP47,
        description="A BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`).",
        examples=["en", "pt-BR"],
    ),
]


class Page(Struct, Generic[T]):
    """One page of a list, with the total and the link to the next page."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = None
    """Path and query of the next page, or null on the last one."""


class DocumentIn(Struct, forbid_unknown_fields=True, kw_only=True):
    """A document to ingest: its plain ``text``, or a web page as ``html`` (exactly one)."""

    text: NonEmptyText | None = None
    html: HtmlPage | None = None
    """A web page: its title, authors, date, site name and canonical URL come from its
    markup, its article text (without navigation, adverts or comments) is extracted."""
    url: Url | None = None
    outlet: OutletName | None = None
    published: PublishedText | None = None
    """Publication date, when known outside the text (ISO 8601 or any common form)."""
    language: LanguageTag | None = None
    """The document's language; for a page, its own declaration is used when this is not
    given."""
    extractor: ExtractorName | None = None
    """Name of the extractor to use; by default every installed one may claim the document."""


class DocumentSummary(Struct, kw_only=True):
    id: str
    title: str | None
    authors: list[str]
    dateline: str | None
    published: str | None
    published_precision: DatePrecision
    outlet: str | None
    url: str | None
    language: str | None
    """BCP 47 tag, as given at ingest or declared by the page or item."""
    format: str
    extractor: str | None
    extractor_version: str | None
    ingested_at: datetime
    statement_count: int


class Document(DocumentSummary, kw_only=True):
    """A stored document with its extracted body and any extraction failures."""

    body: str
    failures: list[ExtractionFailure] = field(default_factory=list)


class ExtractionRecord(Struct, kw_only=True):
    """One extraction of a document: which extractor and version, when, and what it found."""

    id: int
    extractor: str | None
    extractor_version: str | None
    format: str
    statement_count: int
    failures: list[ExtractionFailure]
    extracted_at: datetime
    current: bool
    """True for the extraction whose statements the document has now."""


class ReextractIn(Struct, forbid_unknown_fields=True, kw_only=True):
    """Options of a re-extraction."""

    extractor: ExtractorName | None = None
    """Name of the extractor to use; by default every installed one may claim again."""


class SpeakerRef(Struct):
    id: int
    name: str
    kind: SpeakerKind


class SourceRef(Struct):
    id: int
    name: str
    kind: SourceKind


class Chain(Struct, kw_only=True):
    """Speaker -> channel -> intermediaries (nearest to the speaker first) -> document."""

    speaker: SpeakerRef | None
    channel: str | None
    via: list[SourceRef]
    document_id: str
    outlet: str | None


class Statement(Struct, kw_only=True):
    id: int
    document_id: str
    text: str
    kind: StatementKind
    cue: str | None
    channel: str | None
    said_on: str | None
    said_on_precision: DatePrecision
    start: int
    end: int
    speaker: SpeakerRef | None
    attributed_as: str | None
    """The speaker's name as this document gives it."""
    chain: Chain


class Alias(Struct):
    name: str
    count: int
    """In how many documents (extractions) this name was seen."""


class Role(Struct):
    role: str
    document_id: str
    seen_on: str | None


class Speaker(Struct, kw_only=True):
    id: int
    name: str
    kind: SpeakerKind
    aliases: list[Alias]
    roles: list[Role]
    statement_count: int
    outlets: list[GraphLink] = field(default_factory=list)
    """Outlets whose documents quote the speaker, with how many statements (single speaker)."""
    intermediaries: list[GraphLink] = field(default_factory=list)
    """Sources the speaker's words passed through, with how many statements (single speaker)."""


class Source(Struct, kw_only=True):
    id: int
    name: str
    kind: SourceKind
    aliases: list[Alias]
    statement_count: int
    relays: list[GraphLink] = field(default_factory=list)
    """Speakers and sources whose words this source relays, heaviest first (single source)."""
    relayed_by: list[GraphLink] = field(default_factory=list)
    """Sources and outlets that relay this source, heaviest first (single source)."""


class IngestResult(Struct, kw_only=True):
    created: bool
    """False when the same text was already stored (nothing was written)."""
    document: Document


class ExtractorInfo(Struct, kw_only=True):
    name: str
    distribution: str | None
    version: str | None
    formats: list[str]
    hooks: list[str]
    status: Literal["loaded", "loading", "failed"] = "loaded"
    """`loading`: an isolated plugin still importing in its worker; `failed`: it cannot load."""
    error: str | None = None
    """Why the plugin is not usable (failed or still loading)."""
    warnings: list[str] = field(default_factory=list)
    """What is useless or harmful in its house style (a cue overriding a core verb, a cue
    phrase that matches none of its examples)."""


class Health(Struct, omit_defaults=True):
    """Version and document count are left out when reads need a key and none was given."""

    status: str
    version: str | None = None
    documents: int | None = None
    plugin_failures: dict[str, str] = field(default_factory=dict)
    """Plugins that failed to load, by entry-point name, with the error."""


class ProblemError(Struct, kw_only=True, omit_defaults=True):
    """What is wrong with one field or parameter of an invalid request."""

    message: str
    key: str | None = None
    """The field or parameter's name (``data`` for the body as a whole)."""
    source: str | None = None
    """Where it was: ``query``, ``path``, ``header``, ``cookie`` or ``body``."""


class Problem(Struct, kw_only=True, omit_defaults=True):
    """An error, as RFC 9457 problem details (`application/problem+json`)."""

    status: int
    title: str | None = None
    detail: str | None = None
    type: str = "about:blank"
    errors: list[ProblemError] | None = None
    """For invalid requests: which field or parameter, and what is wrong with it."""
    document: str | None = None
    """For a removed statement (410): the path of its document."""
    replaced_by: str | None = None
    """For a removed statement (410): the path of the statement now covering its span."""
