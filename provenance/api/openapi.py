"""What the OpenAPI document says beyond the handlers' signatures: examples and errors."""

from http import HTTPStatus

from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example

from provenance.domain import Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"

DOCUMENT_IN_EXAMPLE = Example(
    summary="A short wire story",
    value={
        "text": (
            "Council approves budget\n\nBy Jane Doe\n\nSPRINGFIELD (Reuters) - The city council "
            'approved the budget on Tuesday. "This is a good day for Springfield," Mayor Ana '
            "Ruiz told reporters."
        ),
        "url": "https://example.com/news/council-budget",
        "outlet": "Example News",
        "published": "2024-03-12",
    },
)

_WHEN = {
    400: "The request is malformed: an unknown query parameter (named in `parameters`), "
    "or a body that is not JSON or not UTF-8.",
    401: "No valid API key in the `X-API-Key` header.",
    403: "The key's scope does not allow this operation.",
    404: "Nothing has that id.",
    409: "The write conflicts with stored data.",
    410: "A re-extraction removed it: `replaced_by` and `document` link to what covers it now.",
    413: "The body is larger than the configured limit.",
    415: "The body is not JSON: send it as `application/json`.",
    422: "A parameter or field breaks the rules (the `errors` say which).",
    429: "Too many requests from this key or address; `Retry-After` says when to retry.",
    503: "The database is not answering, or other writes kept winning after every retry; "
    "nothing was stored (see `Retry-After`).",
}


def query_example(value: str, summary: str) -> list[Example]:
    return [Example(summary=summary, value=value)]


ANY_OPERATION = (401, 429)
"""A wrong key is refused, and rate limits apply, on every operation."""


def problems(*statuses: int) -> dict[int, ResponseSpec]:
    """Problem-details responses for ``statuses`` (and those of any operation), each with
    a description and an example."""
    return {
        status: ResponseSpec(
            Problem,
            description=_WHEN[status],
            media_type=PROBLEM_MEDIA_TYPE,
            generate_examples=False,
            examples=[
                Example(
                    summary=HTTPStatus(status).phrase,
                    value={
                        "status": status,
                        "title": HTTPStatus(status).phrase,
                        "detail": _WHEN[status],
                        "type": "about:blank",
                    },
                )
            ],
        )
        for status in sorted({*statuses, *ANY_OPERATION})
    }


def ok(model: object, value: object, description: str = "Success.") -> ResponseSpec:
    """A success response with one worked example."""
    return ResponseSpec(
        model,
        description=description,
        generate_examples=False,
        examples=[Example(summary="Example", value=value)],
    )


def page_of(item: dict) -> dict:
    return {"items": [item], "total": 1, "limit": 50, "offset": 0, "next": None}


SPEAKER_REF = {"id": 7, "name": "Ana Ruiz", "kind": "person"}
DOCUMENT_SUMMARY = {
    "id": "3f2a9c0d1e4b5a67",
    "title": "Council approves budget",
    "authors": ["Jane Doe"],
    "dateline": "SPRINGFIELD",
    "published": "2024-03-12",
    "published_precision": "day",
    "outlet": "Example News",
    "url": "https://example.com/news/council-budget",
    "format": "wire",
    "extractor": "wire",
    "extractor_version": "0.1.0",
    "ingested_at": "2024-03-12T10:30:00Z",
    "statement_count": 1,
}
DOCUMENT = {
    **DOCUMENT_SUMMARY,
    "body": "The city council approved the budget on Tuesday. "
    '"This is a good day for Springfield," Mayor Ana Ruiz told reporters.',
    "failures": [],
}
STATEMENT = {
    "id": 42,
    "document_id": "3f2a9c0d1e4b5a67",
    "text": "This is a good day for Springfield,",
    "kind": "direct",
    "cue": "told reporters",
    "channel": "media talk",
    "said_on": "2024-03-12",
    "said_on_precision": "day",
    "start": 51,
    "end": 86,
    "speaker": SPEAKER_REF,
    "attributed_as": "Mayor Ana Ruiz",
    "chain": {
        "speaker": SPEAKER_REF,
        "channel": "media talk",
        "via": [{"id": 3, "name": "Reuters", "kind": "agency"}],
        "document_id": "3f2a9c0d1e4b5a67",
        "outlet": "Example News",
    },
}
SPEAKER = {
    **SPEAKER_REF,
    "aliases": [{"name": "Ana Ruiz", "count": 3}, {"name": "Mayor Ana Ruiz", "count": 1}],
    "roles": [
        {"role": "Mayor of Springfield", "document_id": "3f2a9c0d1e4b5a67", "seen_on": "2024-03-12"}
    ],
    "statement_count": 3,
}
SOURCE = {
    "id": 3,
    "name": "Reuters",
    "kind": "agency",
    "aliases": [{"name": "Reuters", "count": 4}],
    "statement_count": 4,
}
EXTRACTOR = {
    "name": "wire",
    "distribution": "provenance-wire",
    "version": "0.1.0",
    "formats": ["wire"],
    "hooks": ["register_extractors"],
}
EXTRACTION = {
    "id": 12,
    "extractor": "wire",
    "extractor_version": "0.1.0",
    "format": "wire",
    "statement_count": 1,
    "failures": [],
    "extracted_at": "2024-03-12T10:30:00Z",
    "current": True,
}
HEALTH = {"status": "ok", "version": "0.1.0", "documents": 5}
