"""The bounds of every path and query parameter, declared once: Litestar puts each in the
OpenAPI document and enforces it before the handler runs (422 problem when broken).

Integers stop where the narrowest column type does: PostgreSQL's ``INTEGER`` ends at
2**31 - 1 (SQLite's at 2**63 - 1), so an id or offset past it is refused rather than sent to
the database. Strings have a maximum length, so that no filter reaches ``LIKE`` at 50 KB,
and may not contain a NUL byte, which PostgreSQL cannot store or compare.
"""

from typing import Annotated, Any

from litestar.openapi.spec import Example
from litestar.params import Parameter

from provenance.domain.api import NO_NUL

MAX_INT = 2**31 - 1
"""The largest id, offset or count a parameter may carry (PostgreSQL ``INTEGER``)."""
MAX_NAME_CHARS = 200
"""A name, alias, outlet or id given as a filter."""
MAX_WORDS_CHARS = 500
"""Words searched for in statements' text."""
MAX_TRACE_CHARS = 2000
"""A quotation to trace: a long paragraph at most."""
MIN_TRACE_CHARS = 4
"""A trace query needs at least 4 letters or digits (see ``tracing.matching``)."""
MAX_DOCUMENT_ID_CHARS = 64
"""Document ids are 16 hexadecimal digits; anything much longer is not one."""


def id_param(what: str) -> Any:
    """A row id: 1 to :data:`MAX_INT`."""
    return Parameter(ge=1, le=MAX_INT, description=f"{what} id (1 to {MAX_INT}).")


def text_param(
    description: str,
    max_length: int,
    *,
    min_length: int | None = None,
    examples: list[Example] | None = None,
) -> Any:
    """A string parameter of at most ``max_length`` characters, without a NUL byte."""
    return Parameter(
        description=f"{description} At most {max_length} characters.",
        min_length=min_length,
        max_length=max_length,
        pattern=NO_NUL,
        examples=examples,
    )


StatementId = Annotated[int, id_param("Statement")]
SpeakerId = Annotated[int, id_param("Speaker")]
SourceId = Annotated[int, id_param("Source")]
ClusterId = Annotated[int, id_param("Quote cluster")]
DocumentId = Annotated[
    str, text_param("Document id (hash of its text).", MAX_DOCUMENT_ID_CHARS, min_length=1)
]
