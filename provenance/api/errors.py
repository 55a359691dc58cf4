"""Errors as RFC 9457 problem details."""

import logging
from http import HTTPStatus

import msgspec
from litestar.exceptions import (
    HTTPException,
    NotFoundException,
    ValidationException,
)
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)
from sqlalchemy.exc import IntegrityError

from provenance.domain.api import NO_NUL, TRACEABLE
from provenance.extraction.pipeline import UnknownExtractor
from provenance.service import EmptyDocument
from provenance.store.database import WriteContention

log = logging.getLogger(__name__)
TYPE_BASE = "https://provenance.invalid/problems/"
MAX_DETAIL_CHARS = 300


def problem(
    status: int,
    slug: str,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: object,
) -> ProblemDetailsException:
    """An RFC 9457 problem of this service's own ``type`` (``TYPE_BASE + slug``)."""
    return ProblemDetailsException(
        status_code=status,
        type_=TYPE_BASE + slug,
        title=title,
        detail=detail,
        headers=headers,
        extra=extra or None,
    )


def not_found(what: str, key: object) -> NotFoundException:
    return NotFoundException(detail=f"no {what} with id {key!r}")


PLAIN_PATTERNS = {
    NO_NUL: "without a NUL byte",
    TRACEABLE: 'with 4 letters or digits (a leading "the" not counted) and without a NUL byte',
}
"""What each pattern a parameter or field must match means, for error messages."""


def _plain(message: str) -> str:
    for pattern, meaning in PLAIN_PATTERNS.items():
        message = message.replace(f"matching regex {pattern!r}", meaning)
    return message


def _what_failed(detail: str, errors: object) -> str:
    """ "Validation failed for GET /trace: q: Expected `str` of length >= 4": the request
    line without its query (which may be a 50 KB filter), then each field and what it needs."""
    detail = detail.split("?", 1)[0]
    if isinstance(errors, list):
        reasons = [
            f"{error.get('key')}: {_plain(error['message'])}"
            if error.get("key")
            else _plain(error["message"])
            for error in errors
            if isinstance(error, dict) and error.get("message")
        ]
        if reasons:
            detail = f"{detail}: {'; '.join(reasons)}"
    if len(detail) > MAX_DETAIL_CHARS:
        detail = detail[: MAX_DETAIL_CHARS - 1] + "\u2026"
    return detail


def _validation(exc: ValidationException) -> ProblemDetailsException:
    """Malformed JSON is a 400; a well-formed body or parameter that breaks the rules, a 422."""
    malformed = "malformed" in str(exc.detail).lower() or "json is malformed" in str(exc.extra)
    if malformed:
        return problem(400, "malformed-request", "Malformed request", str(exc.detail))
    detail = _what_failed(str(exc.detail), exc.extra)
    return problem(422, "invalid-request", "Invalid request", detail, errors=exc.extra)


def _http(exc: HTTPException) -> ProblemDetailsException:
    return ProblemDetailsException(
        status_code=exc.status_code,
        type_="about:blank",
        title=HTTPStatus(exc.status_code).phrase,
        detail=exc.detail,
        headers=exc.headers,
        extra=exc.extra if isinstance(exc.extra, dict) else None,
    )


def _unknown_extractor(exc: UnknownExtractor) -> ProblemDetailsException:
    return problem(
        422, "unknown-extractor", "Unknown extractor", f"no extractor named {exc.args[0]!r}"
    )


def _empty(exc: EmptyDocument) -> ProblemDetailsException:
    return problem(422, "empty-document", "Empty document", str(exc))


def _conflict(exc: IntegrityError) -> ProblemDetailsException:
    log.warning("write conflict: %s", exc)
    return problem(409, "conflict", "Conflict", "the write conflicts with stored data; retry")


def _contention(exc: WriteContention) -> ProblemDetailsException:
    log.warning("write gave up after retries: %s", exc.__cause__)
    return ProblemDetailsException(
        status_code=503,
        type_=TYPE_BASE + "busy",
        title="Service Unavailable",
        detail="the database is busy with other writes; nothing was stored; retry",
        headers={"Retry-After": "1"},
    )


def _decode(exc: msgspec.DecodeError) -> ProblemDetailsException:
    return problem(400, "malformed-request", "Malformed request", str(exc))


def _not_utf8(exc: UnicodeDecodeError) -> ProblemDetailsException:
    return problem(400, "malformed-request", "Malformed request", "the body is not UTF-8")


def _too_deep(exc: RecursionError) -> ProblemDetailsException:
    """A JSON body nested past the decoder's depth (about 1000 levels) is the client's error;
    any other recursion failure is the server's."""
    if "deserializ" not in str(exc):
        return _internal(exc)
    return problem(400, "malformed-request", "Malformed request", "the JSON is nested too deeply")


def _internal(exc: Exception) -> ProblemDetailsException:
    log.exception("unhandled error", exc_info=exc)
    return problem(500, "internal", "Internal error", "the server failed; nothing was stored")


def problem_details_plugin() -> ProblemDetailsPlugin:
    return ProblemDetailsPlugin(
        ProblemDetailsConfig(
            enable_for_all_http_exceptions=True,
            exception_to_problem_detail_map={
                HTTPException: _http,
                ValidationException: _validation,
                UnknownExtractor: _unknown_extractor,
                EmptyDocument: _empty,
                IntegrityError: _conflict,
                WriteContention: _contention,
                msgspec.DecodeError: _decode,
                UnicodeDecodeError: _not_utf8,
                RecursionError: _too_deep,
                Exception: _internal,
            },
        )
    )
