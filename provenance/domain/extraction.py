"""What extraction reads and produces; also the shape of `provenance extract --json`."""

import re
from datetime import date

import msgspec
from msgspec import Struct, field

from provenance.domain.values import SourceKind, SpeakerKind, StatementKind
from provenance.extraction.limits import MAX_TITLE


class RawDocument(Struct, frozen=True, kw_only=True):
    """A document as it arrives: its text verbatim and whatever metadata came with it."""

    text: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    """Publication date given at ingest (any format python-dateutil reads)."""
    language: str | None = None
    """BCP 47 tag of the document's language (``en``, ``pt-BR``), when declared."""
    html: str | None = None
    """The web page ``text`` was read from, when it came as HTML (and is not over
    ``MAX_PAGE_CHARS``): an outlet's extractor may read its markup (see
    ``provenance.toolkit.page_tree``)."""


#: Characters of a web page kept on a :class:`RawDocument` for extractors (the page is sent
#: to each isolated plugin's worker): a bigger page is read by the core alone.
MAX_PAGE_CHARS = 2_000_000


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


class InvalidResult(ValueError):
    """A plugin returned something the core cannot use; the message says what."""


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WORD = re.compile(r"\w+")
#: Share of a parsed body's words that must occur in the document text: a parser may
#: drop furniture and rejoin hyphenated words, but not write a story of its own.
BODY_WORDS_FROM_TEXT = 0.95


def check_claim(value: object) -> float:
    """``value`` if it is a number from 0 to 1, else :class:`InvalidResult`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidResult(f"claim returned {type(value).__name__} {value!r}, not a number")
    if not 0.0 <= value <= 1.0:  # also refuses NaN, which compares false with everything
        raise InvalidResult(f"claim returned {value!r}, not a number from 0 to 1")
    return float(value)


def check_parsed(value: object, document: RawDocument, formats: tuple[str, ...]) -> ParsedDocument:
    """``value`` if it is a well-formed :class:`ParsedDocument` of ``document`` in one of
    ``formats``, else :class:`InvalidResult` saying what is wrong."""
    if not isinstance(value, ParsedDocument):
        raise InvalidResult(f"parse returned {type(value).__name__}, not a ParsedDocument")
    try:
        # Building a Struct does not check its field types; converting does.
        parsed = msgspec.convert(msgspec.to_builtins(value), ParsedDocument)
    except (msgspec.ValidationError, TypeError) as error:
        raise InvalidResult(f"parse returned a malformed ParsedDocument: {error}") from None
    if parsed.format not in formats:
        raise InvalidResult(f"format {parsed.format!r} is not one of the extractor's {formats}")
    if parsed.published is not None and not is_partial_date(parsed.published):
        raise InvalidResult(f"published {parsed.published!r} is not a date (YYYY[-MM[-DD]])")
    _check_title(parsed.title)
    _check_body(parsed.body, f"{document.text}\n{document.html or ''}")
    if any(not author.strip() for author in parsed.authors):
        raise InvalidResult("authors contains an empty name")
    return parsed


def is_partial_date(text: str) -> bool:
    """Whether ``text`` is a real ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` date."""
    match = _DATE.fullmatch(text)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _check_title(title: str | None) -> None:
    """A title is one line of at most ``MAX_TITLE`` characters, as the core's parser
    keeps them: a longer or broken one is not trimmed (what to keep is the plugin's call)
    but refused, and the next claimant parses the page."""
    if title is None:
        return
    if "\n" in title or "\r" in title:
        raise InvalidResult("title is more than one line")
    if len(title) > MAX_TITLE:
        raise InvalidResult(f"title has {len(title)} characters, more than {MAX_TITLE}")


def _check_body(body: str, text: str) -> None:
    if not body.strip():
        raise InvalidResult("body is empty")
    words = _WORD.findall(body.casefold())
    known = set(_WORD.findall(text.casefold()))
    invented = sum(word not in known for word in words)
    if invented > len(words) * (1 - BODY_WORDS_FROM_TEXT):
        raise InvalidResult(f"body has {invented} of {len(words)} words not in the document")
