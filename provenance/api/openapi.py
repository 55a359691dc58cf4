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
    400: "The request is malformed: a body that is not JSON or not UTF-8.",
    401: "No valid API key in the `X-API-Key` header.",
    404: "Nothing has that id.",
    409: "The write conflicts with stored data.",
    413: "The body is larger than the configured limit.",
    422: "A parameter or field breaks the rules (the `errors` say which).",
}


def query_example(value: str, summary: str) -> list[Example]:
    return [Example(summary=summary, value=value)]


def problems(*statuses: int) -> dict[int, ResponseSpec]:
    """Problem-details responses for ``statuses``, each with a description and an example."""
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
        for status in statuses
    }
