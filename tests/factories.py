"""Hand-built extraction results, so storage and API tests do not depend on extraction quality."""

from provenance.domain import (
    ExtractedDocument,
    ExtractedSpeaker,
    ExtractedStatement,
    Mention,
    RawDocument,
)
from provenance.domain.extraction import ExtractedSource
from provenance.names import document_id
from provenance.store.writes import insert_document


def statement(
    body: str,
    text: str,
    speaker: str | None,
    *,
    kind: str = "direct",
    via: tuple[str, ...] = (),
    said_on: str | None = None,
    channel: str | None = None,
    speaker_kind: str = "person",
) -> ExtractedStatement:
    start = body.index(text)
    return ExtractedStatement(
        text=text,
        kind=kind,  # type: ignore[arg-type]
        cue="said",
        channel=channel,
        said_on=said_on,
        start=start,
        end=start + len(text),
        speaker=Mention(speaker, speaker_kind) if speaker else None,
        via=[Mention(name, "agency") for name in via],
    )


def store(
    engine,
    body: str,
    statements: list[ExtractedStatement],
    *,
    speakers: list[ExtractedSpeaker] = (),  # type: ignore[assignment]
    sources: list[ExtractedSource] = (),  # type: ignore[assignment]
    published: str | None = None,
    outlet: str | None = None,
) -> str:
    """Store one document with the given statements; returns its id."""
    raw = RawDocument(text=body, outlet=outlet)
    extracted = ExtractedDocument(
        title=body.splitlines()[0],
        authors=[],
        dateline=None,
        published=published,
        body=body,
        statements=statements,
        speakers=list(speakers),
        sources=list(sources),
    )
    doc_id = document_id(body)
    with engine.begin() as conn:
        insert_document(conn, doc_id, raw, extracted)
    return doc_id
