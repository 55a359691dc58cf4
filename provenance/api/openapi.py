"""What the OpenAPI document says beyond the handlers' signatures: examples, errors, the
security scheme, and the finishing touches that make generated clients clean (:func:`refine`)."""

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from http import HTTPStatus
from typing import Any, get_args

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example, SecurityScheme

from provenance import domain
from provenance.domain import Problem
from provenance.domain.graph import NodeKind
from provenance.domain.tracing import DisagreementKind
from provenance.security import API_KEY_HEADER, API_KEY_SCHEME, Scope, requires

PROBLEM_MEDIA_TYPE = "application/problem+json"
SECURITY_SCHEMES = {
    API_KEY_SCHEME: SecurityScheme(
        type="apiKey",
        name=API_KEY_HEADER,
        security_scheme_in="header",
        description="A key made with `provenance keys create`; each operation names the scope "
        "it needs (`read` < `write` < `admin`).",
    )
}

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
    400: "A query parameter the operation does not declare (named in `parameters`).",
    401: "No valid API key in the `X-API-Key` header.",
    403: "The key's scope does not allow this operation.",
    404: "Nothing has that id.",
    409: "The write conflicts with stored data.",
    410: "A re-extraction removed it: `replaced_by` and `document` link to what covers it now.",
    413: "The body is larger than the configured limit.",
    415: "The body is in a media type the operation does not take (see its request body).",
    422: "A parameter or field breaks the rules (the `errors` say which).",
    429: "Too many requests from this key or address; `Retry-After` says when to retry.",
    503: "The database is not answering, or other writes kept winning after every retry; "
    "nothing was stored (see `Retry-After`).",
}


MALFORMED_BODY = (
    "The request is malformed: a query parameter the operation does not declare (named in "
    "`parameters`), or a body that is not JSON, not UTF-8, or nested too deeply."
)
"""What a 400 means for an operation that takes a body."""


def query_example(value: str, summary: str) -> list[Example]:
    return [Example(summary=summary, value=value)]


ANY_OPERATION = (401, 429)
"""A wrong key is refused, and rate limits apply, on every operation."""


def problems(*statuses: int, body: bool = False) -> dict[int, ResponseSpec]:
    """Problem-details responses for ``statuses`` (and those of any operation), each with
    a description and an example; ``body`` for an operation that takes a request body."""
    when = {**_WHEN, 400: MALFORMED_BODY} if body else _WHEN
    return {
        status: ResponseSpec(
            Problem,
            description=when[status],
            media_type=PROBLEM_MEDIA_TYPE,
            generate_examples=False,
            examples=[
                Example(
                    summary=HTTPStatus(status).phrase,
                    value={
                        "status": status,
                        "title": HTTPStatus(status).phrase,
                        "detail": when[status],
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
    "language": "en",
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


# The finishing touches: Litestar's document, made exact for generated clients.

SCHEMAS = "#/components/schemas/"
ENUMS: dict[str, tuple[str, ...]] = {
    "StatementKind": get_args(domain.StatementKind),
    "SpeakerKind": get_args(domain.SpeakerKind),
    "SourceKind": get_args(domain.SourceKind),
    "DatePrecision": get_args(domain.DatePrecision),
    "DisagreementKind": get_args(DisagreementKind),
    "NodeKind": get_args(NodeKind),
}
"""One named component per vocabulary (Litestar repeats each ``Literal`` inline)."""
_ENUM_NAMES = {frozenset(values): name for name, values in ENUMS.items()}
_PAGE_NAME = re.compile(r"^Page_[\w.]*?\.(\w+)_$")
ALTERNATIVES: dict[str, dict[str, dict[str, Any]]] = {
    "application/prov+json": {
        "application/json": {"schema": {"type": "object"}},
        "text/turtle": {
            "schema": {"type": "string"},
            "example": "@prefix pv: <https://provenance.invalid/> .\n"
            "pv:statement/42 a prov:Entity ;\n"
            '    prov:value "This is a good day for Springfield," ;\n'
            "    prov:wasAttributedTo pv:speaker/7 .\n",
        },
    }
}
"""Media types an operation also serves (on ``Accept``) beside the one Litestar declares."""


EXTRACTOR_FIELDS = (("DocumentIn", "extractor"), ("ReextractIn", "extractor"))
"""Fields that name an extractor: only an installed one is accepted."""


OPERATION_ALTERNATIVES = {
    "GetDocument": {
        "application/ninjs+json": {
            "schema": {
                "type": "object",
                "description": "The document as IPTC ninjs 3.x, its statement chains in "
                "`infosources`.",
            }
        }
    }
}
"""Representations an operation's 200 has besides its JSON one, by operation id."""


def _header(description: str) -> dict[str, Any]:
    return {"description": description, "schema": {"type": "string"}}


RESPONSE_HEADERS = {
    "401": {"WWW-Authenticate": _header('`ApiKey header="X-API-Key"`: how to authenticate.')},
    "429": {"Retry-After": _header("Seconds to wait before trying again.")},
    "503": {"Retry-After": _header("Seconds to wait before trying again.")},
    "201": {"Location": _header("The URL of the created document.")},
}
"""Headers the server sends with a response of each status, whatever the operation."""
ETAG = {"ETag": _header("A strong validator of this representation: send it in `If-None-Match`.")}
LINK = {"Link": _header('RFC 8288: `<URL>; rel="next"` when there is a next page.')}
RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": {
        "description": "Requests allowed per window to this key or address.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Remaining": {
        "description": "Requests left in the current window.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Reset": {
        "description": "Seconds until the quota is full again.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Policy": {
        "description": "The quota and its window in seconds, as `LIMIT;w=SECONDS`.",
        "schema": {"type": "string"},
    },
}
"""Sent on every answer to a rate-limited request (limits are set by
``PROVENANCE_RATE_LIMIT_*``); declared once under ``components/headers``."""
_RATE_LIMIT_REFS = {name: {"$ref": f"#/components/headers/{name}"} for name in RATE_LIMIT_HEADERS}


def _declare_headers(operation: dict[str, Any]) -> None:
    """The response headers the server sets (none of them is sent in every case, so none is
    declared required)."""
    responses = operation.get("responses", {})
    for status, headers in RESPONSE_HEADERS.items():
        if status in responses:
            responses[status].setdefault("headers", {}).update(headers)
    for response in responses.values():
        response.setdefault("headers", {}).update(_RATE_LIMIT_REFS)
    ok = responses.get("200")
    if ok is None or operation.get("requestBody"):
        return
    ok.setdefault("headers", {}).update(ETAG)
    if any(p.get("name") == "cursor" for p in operation.get("parameters", [])):
        ok["headers"].update(LINK)


def refine(document: dict[str, Any], extractors: Iterable[str]) -> dict[str, Any]:
    """``document`` (Litestar's OpenAPI dict) finished in place and returned; idempotent.

    ``extractors`` are the installed extractors' names, the only ones a body may give.
    """
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    _name_extractors(schemas, sorted(extractors))
    _rename(document, _page_names(schemas))
    for name, values in ENUMS.items():
        schemas[name] = {"type": "string", "enum": list(values), "title": name}
    _walk(document, _named_enum)
    for struct_name, schema in schemas.items():
        struct = getattr(domain, struct_name, None)
        if isinstance(struct, type) and _forbids_unknown_fields(struct):
            schema["additionalProperties"] = False
    for operation in _operations(document):
        _drop_stock_validation_response(operation.get("responses", {}))
        _examples_not_prefilled(operation.get("parameters", []))
        _body_optional_when_nullable(operation)
        for response in operation.get("responses", {}).values():
            _add_alternatives(response.get("content", {}))
        _declare_headers(operation)
        if operation.get("operationId") in OPERATION_ALTERNATIVES:
            ok_content = operation["responses"]["200"]["content"]
            ok_content.update(OPERATION_ALTERNATIVES[operation["operationId"]])
    document["components"]["schemas"] = dict(sorted(schemas.items()))
    document["components"]["headers"] = RATE_LIMIT_HEADERS
    return document


def require_key_for_reads(document: dict[str, Any], public: Collection[str]) -> None:
    """Declare that every operation (but those on ``public`` paths) needs a key, as the
    security middleware asks; an operation that declares its own requirement keeps it."""
    for path, item in document.get("paths", {}).items():
        if path in public:
            continue
        for operation in item.values():
            operation.setdefault("security", requires(Scope.read))
            operation.setdefault("responses", {}).setdefault("401", _problem_response(401))


def _problem_response(status: int) -> dict[str, Any]:
    spec = problems(status)[status]
    return {
        "description": spec.description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": f"{SCHEMAS}Problem"}}},
    }


def _name_extractors(schemas: dict[str, Any], names: list[str]) -> None:
    schemas["ExtractorName"] = {
        "type": "string",
        "enum": names,
        "title": "ExtractorName",
        "description": "An installed extractor (see `GET /extractors`).",
    }
    for struct, field in EXTRACTOR_FIELDS:
        if struct in schemas:
            schemas[struct]["properties"][field]["oneOf"][0] = {"$ref": f"{SCHEMAS}ExtractorName"}


def _page_names(schemas: dict[str, Any]) -> dict[str, str]:
    """``Page_provenance.domain.api.Statement_`` -> ``StatementPage``."""
    return {old: f"{match.group(1)}Page" for old in schemas if (match := _PAGE_NAME.match(old))}


def _rename(document: dict[str, Any], names: dict[str, str]) -> None:
    schemas = document["components"]["schemas"]
    for old, new in names.items():
        schemas[new] = {**schemas.pop(old), "title": new}
    refs = {SCHEMAS + old: SCHEMAS + new for old, new in names.items()}

    def fix(node: dict[str, Any]) -> None:
        if node.get("$ref") in refs:
            node["$ref"] = refs[node["$ref"]]

    _walk(document, fix)


def _named_enum(node: dict[str, Any]) -> None:
    """An inline ``enum`` of a known vocabulary becomes a reference (nullable when it was)."""
    values = node.get("enum")
    if not isinstance(values, list) or node.get("title") in ENUMS:
        return
    name = _ENUM_NAMES.get(frozenset(v for v in values if v is not None))
    if name is None:
        return
    ref: dict[str, Any] = {"$ref": SCHEMAS + name}
    nullable = None in values
    for key in ("type", "enum"):
        node.pop(key, None)
    node.update({"oneOf": [ref, {"type": "null"}]} if nullable else ref)


def _forbids_unknown_fields(struct: type) -> bool:
    config = getattr(struct, "__struct_config__", None)
    return isinstance(config, msgspec.structs.StructConfig) and config.forbid_unknown_fields


def _drop_stock_validation_response(responses: dict[str, Any]) -> None:
    """Litestar declares a JSON 400 ``ValidationException`` on every operation with parameters;
    this app answers those with a 422 problem, so that 400 is never sent."""
    stock = responses.get("400")
    if stock and PROBLEM_MEDIA_TYPE not in stock.get("content", {}):
        del responses["400"]


def _examples_not_prefilled(parameters: list[dict[str, Any]]) -> None:
    """Swagger UI fills "Try it out" with a parameter's ``examples``, so an optional filter
    would be sent unasked: its examples stay in its schema (which Swagger UI does not copy
    into the form) and are said in its description."""
    for parameter in parameters:
        if parameter.get("required") or "examples" not in parameter:
            continue
        values = [example["value"] for example in parameter.pop("examples").values()]
        parameter.setdefault("schema", {}).setdefault("examples", values)
        shown = ", ".join(f"`{value}`" for value in values)
        parameter["description"] = f"{parameter.get('description', '')} Example: {shown}.".strip()


def _body_optional_when_nullable(operation: dict[str, Any]) -> None:
    """Litestar marks every body required; one whose type admits null may be left out."""
    body = operation.get("requestBody")
    if not body:
        return
    for media in body.get("content", {}).values():
        if {"type": "null"} in media.get("schema", {}).get("oneOf", []):
            body["required"] = False


def _add_alternatives(content: dict[str, Any]) -> None:
    for media_type in list(content):
        for alternative, media in ALTERNATIVES.get(media_type, {}).items():
            content.setdefault(alternative, media)


def _operations(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in document.get("paths", {}).values():
        yield from item.values()


def _walk(node: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)
