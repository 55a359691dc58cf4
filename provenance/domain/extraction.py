"""What extraction reads and produces; also the shape of `provenance extract --json`."""

from msgspec import Struct, field

from provenance.domain.values import SourceKind, SpeakerKind, StatementKind


class RawDocument(Struct, frozen=True, kw_only=True):
    """A document as it arrives: its text verbatim and whatever metadata came with it."""

    text: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    """Publication date given at ingest (any format python-dateutil reads)."""


class ParsedDocument(Struct, kw_only=True):
    """A document split into its parts by an extractor's format-specific parsing."""

    body: str
    """The article text with page furniture removed; statement offsets point into it."""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    """Place of the dateline (`"ISLAMABAD"`), without its punctuation."""
    published: str | None = None
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as far as the page states it."""
    format: str = "generic"
    publisher: str | None = None
    """The outlet publishing the page (`"The Valley Courier"`): never a relay of its own
    story."""


class Mention(Struct, frozen=True):
    """A speaker or intermediary as named in one document."""

    name: str
    kind: str


class ExtractedStatement(Struct, kw_only=True):
    """One quotation or reported-speech clause found in a document body."""

    text: str
    kind: StatementKind
    cue: str | None
    channel: str | None
    said_on: str | None
    start: int
    """Offset of `text` in the body, in characters."""
    end: int
    speaker: Mention | None
    via: list[Mention] = field(default_factory=list)
    """Intermediaries, nearest to the speaker first."""


class ExtractedSpeaker(Struct, kw_only=True):
    """A speaker as the document presents it: every reference and role it uses."""

    name: str
    kind: SpeakerKind
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


class ExtractedSource(Struct, kw_only=True):
    """An intermediary as the document presents it."""

    name: str
    kind: SourceKind
    aliases: list[str] = field(default_factory=list)


class ExtractionFailure(Struct):
    """A plugin that failed on a document; the document was kept regardless."""

    plugin: str
    error: str


class ExtractedDocument(Struct, kw_only=True):
    """Everything extraction found in one document; nothing here is stored yet."""

    title: str | None
    authors: list[str]
    dateline: str | None
    published: str | None
    body: str
    statements: list[ExtractedStatement]
    speakers: list[ExtractedSpeaker] = field(default_factory=list)
    sources: list[ExtractedSource] = field(default_factory=list)
    format: str = "generic"
    extractor: str | None = None
    extractor_version: str | None = None
    failures: list[ExtractionFailure] = field(default_factory=list)
    """Plugin failures met on the way (the document is still extracted by the core)."""
