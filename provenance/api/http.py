"""HTTP as clients expect it, for every route at once: CORS, HEAD, strong ETags with 304,
gzip, ``Vary``, the security headers, 415 for a body that is not JSON and 400 for an
unknown query parameter.

HEAD, ETags, gzip and the security headers live in one ASGI layer around the whole app,
one pass over each answer's headers (not a ``before_send`` hook and a wrapper, each
rewriting them), and HEAD, ETags and gzip are there rather than in
Litestar's ``CompressionConfig``: Litestar routes a HEAD to 405 before any route middleware
runs, and its gzip stamps the current time into every body, so a strong ETag of the gzip
representation would change each second. Here the ETag is a hash of the identity body,
computed once per response; the gzip representation (deterministic: no timestamp) carries
the same hash with a ``-gzip`` suffix, so each representation has its own strong validator.
"""

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache

import anyio
import msgspec
from litestar import Litestar, Request
from litestar.config.cors import CORSConfig
from litestar.routes import HTTPRoute
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from provenance.api.errors import problem
from provenance.security import API_KEY_HEADER
from provenance.security.headers import security_headers

EXPOSED_HEADERS = [
    "ETag",
    "Location",
    "Link",
    "Retry-After",
    "RateLimit",
    "RateLimit-Policy",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
]
MIN_GZIP_BYTES = 256
"""Smaller bodies go as they are: gzip's own header and trailer would eat the saving."""
GZIP_LEVEL = 6
GZIP_SUFFIX = "-gzip"
LARGE_BODY_BYTES = 64 * 1024
RECENT_GZIPS = 16
_recent_gzips: OrderedDict[str, bytes] = OrderedDict()
JSON_SUFFIXES = ("/json", "+json")
_STATE_KEY = "declared_query_params"
_SET_HERE = {b"etag", b"content-length", b"content-encoding"}
_DIGEST = b"x-body-digest"
"""A header of :class:`EncodedJson`'s answers, never sent: its body's digest, computed once
for an answer the service keeps and sends many times."""
_TEXT_SUFFIXES = (b"/json", b"+json", b"/xml", b"+xml", b"/javascript")


class EncodedJson:
    """A 200 answer of one JSON value (and ``headers``), encoded once and sent as is: what
    the hot reads return instead of the value, skipping Litestar's building of a
    ``Response`` (its headers object, its encoder lookup) for each request, and what the
    service keeps of a page until the next write (``provenance.api.reading``)."""

    __slots__ = ("body", "headers")

    def __init__(self, value: object, headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
        self.body = _ENCODER.encode(value)
        self.headers = (
            (b"content-type", b"application/json"),
            (b"content-length", b"%d" % len(self.body)),
            (_DIGEST, _digest(self.body).encode()),
            *headers,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        start = {"type": "http.response.start", "status": 200, "headers": list(self.headers)}
        await send(start)
        await send({"type": "http.response.body", "body": self.body})


_ENCODER = msgspec.json.Encoder()


def cors_config(origins: tuple[str, ...]) -> CORSConfig | None:
    """CORS for ``origins`` (``*`` for any), or None (no CORS) when none are configured."""
    if not origins:
        return None
    return CORSConfig(
        allow_origins=list(origins),
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=[API_KEY_HEADER, "Content-Type", "Accept", "If-None-Match"],
        expose_headers=EXPOSED_HEADERS,
    )


def with_http_behaviour(app: Litestar) -> Litestar:
    """``app`` with the :class:`HttpLayer` around it, and each operation's declared
    query parameters recorded for :func:`check_request`."""
    app.state[_STATE_KEY] = _declared_query_params(app)
    app.asgi_handler = HttpLayer(app.asgi_handler)
    return app


def _declared_query_params(app: Litestar) -> dict[object, frozenset[str]]:
    """Each documented operation's handler -> the query parameters it declares."""
    declared: dict[object, frozenset[str]] = {}
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler, kwargs_model in route.route_handler_map.values():
            if handler.resolve_include_in_schema():
                names = frozenset(p.field_alias for p in kwargs_model.expected_query_params)
                declared[handler] = names
    return declared


BODY_MEDIA_TYPES = "body_media_types"
"""A handler's ``opt`` key: media types its body may have besides JSON."""


async def check_request(request: Request) -> None:
    """Before every handler: refuse unknown query parameters (400, naming them) and a body
    in a media type other than JSON (415)."""
    handler = request.scope["route_handler"]
    declared = request.app.state[_STATE_KEY].get(handler)
    if declared is None:  # the docs pages and assets: not operations of the API
        return
    if request.scope["query_string"] and (unknown := sorted(set(request.query_params) - declared)):
        raise _unknown_parameters(unknown, declared)
    if "data" in handler.parsed_fn_signature.parameters or BODY_MEDIA_TYPES in handler.opt:
        _check_media_type(
            request.headers.get("content-type"), handler.opt.get(BODY_MEDIA_TYPES, ())
        )


def _unknown_parameters(unknown: list[str], declared: Iterable[str]) -> Exception:
    known = ", ".join(sorted(declared)) or "none"
    return problem(
        400,
        "unknown-parameter",
        "Unknown query parameter",
        f"unknown query parameter(s): {', '.join(unknown)}; this operation takes: {known}",
        parameters=unknown,
    )


def _check_media_type(content_type: str | None, also: tuple[str, ...]) -> None:
    """A body without a Content-Type is tried as JSON; one that is neither JSON nor one of
    the handler's other media types (``also``) is refused."""
    if content_type is None:
        return
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not media_type.endswith(JSON_SUFFIXES) and media_type not in also:
        detail = f"the body must be application/json, not {media_type or 'an empty type'}"
        raise problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            detail,
            headers={"Accept": "application/json"},
        )


class HttpLayer:
    """The HTTP layer of every answer, in one pass over its headers: the security headers;
    HEAD answered as GET without the body; GET and HEAD answers buffered, given a strong
    ETag (200 only), answered 304 when ``If-None-Match`` matches it, and gzipped when the
    client accepts gzip and the media type is text; ``Allow`` offering HEAD with GET."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, _finishing(send, scope))
            return
        is_head = scope["method"] == "HEAD"
        if is_head:
            scope = {**scope, "method": "GET"}  # type: ignore[assignment]
        answer = _Answer(receive)
        await self.app(scope, answer.receive, answer.send)
        start, body = await _represent(answer.start, answer.body(), scope)
        await send(start)
        await send({"type": "http.response.body", "body": b"" if is_head else body})


class _Answer:
    """The app's whole answer, collected. Once the app has sent its last chunk it hears
    the client disconnect, as a server would tell it: a streamed file waits for that."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._chunks: list[bytes] = []
        self._finished: anyio.Event | None = None
        self.start: Message = {}
        self.done = False

    def body(self) -> bytes:
        return b"".join(self._chunks)

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
        elif message["type"] == "http.response.body":
            self._chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                self.done = True
                if self._finished is not None:
                    self._finished.set()

    async def receive(self) -> Message:
        if not self.done:
            self._finished = self._finished or anyio.Event()
            async with anyio.create_task_group() as waiting:
                waiting.start_soon(_cancel_when, self._finished, waiting.cancel_scope)
                message = await self._receive()
                waiting.cancel_scope.cancel()
                return message
        return {"type": "http.disconnect"}


async def _cancel_when(event: anyio.Event, scope: anyio.CancelScope) -> None:
    await event.wait()
    scope.cancel()


class _Conditions:
    """What the request says about the representation it wants: ``Accept-Encoding`` and
    ``If-None-Match`` (repeated lines joined, as RFC 9110 allows)."""

    def __init__(self, raw_headers: Iterable[tuple[bytes, bytes]]) -> None:
        self.accept_encoding, self.if_none_match = b"", b""
        for name, value in raw_headers:
            lower = name.lower()
            if lower == b"accept-encoding":
                self.accept_encoding += b"," + value
            elif lower == b"if-none-match":
                self.if_none_match += b"," + value

    def accepts_gzip(self) -> bool:
        """Whether gzip is allowed (by name or by ``*``) with a non-zero q."""
        if not self.accept_encoding:
            return False
        weights: dict[bytes, float] = {}
        for part in self.accept_encoding.lower().split(b","):
            coding, _, params = part.partition(b";")
            weights[coding.strip()] = _quality(params)
        return weights.get(b"gzip", weights.get(b"x-gzip", weights.get(b"*", 0.0))) > 0

    def matches(self, tag: bytes) -> bool:
        """RFC 9110 weak comparison, as ``If-None-Match`` asks: ``W/`` is ignored."""
        if not self.if_none_match:
            return False
        candidates = {p.strip().removeprefix(b"W/") for p in self.if_none_match.split(b",")}
        return b"*" in candidates or tag in candidates


def _quality(params: bytes) -> float:
    for param in params.split(b";"):
        name, _, value = param.strip().partition(b"=")
        if name.strip() == b"q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


async def _represent(start: Message, body: bytes, scope: Scope) -> tuple[Message, bytes]:
    """The representation to send: security headers, ETag and 304 for a 200, gzip when
    accepted."""
    status = start["status"]
    content_type, vary, cache_policy, digest = b"", b"", False, None
    lines = []
    for name, value in start["headers"]:
        lower = name.lower()
        if lower == b"vary":
            vary = vary + b", " + value if vary else value
        elif lower == _DIGEST:
            digest = value.decode()
        elif lower not in _SET_HERE:
            lines.append((lower, _head_allowed(value) if lower == b"allow" else value))
            if lower == b"content-type":
                content_type = value
            elif lower == b"cache-control":
                cache_policy = True
    lines += security_headers(scope, status, cache_policy)
    compressible = _is_text(content_type)
    if compressible:
        vary = vary + b", Accept-Encoding" if vary else b"Accept-Encoding"
    if vary:
        lines.append((b"vary", vary))
    request = _Conditions(scope["headers"])
    gzipped = compressible and len(body) >= MIN_GZIP_BYTES and request.accepts_gzip()
    if status == 200:
        digest = digest or _digest(body)
        tag = f'"{digest}{GZIP_SUFFIX if gzipped else ""}"'.encode()
        lines.append((b"etag", tag))
        if request.matches(tag):
            kept = [(name, value) for name, value in lines if name != b"content-type"]
            return {**start, "status": 304, "headers": kept}, b""
    if gzipped:
        body = await _gzip(body, digest)
        lines.append((b"content-encoding", b"gzip"))
    lines.append((b"content-length", str(len(body)).encode()))
    return {**start, "headers": lines}, body


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]  # with SHA-NI, faster than blake2b


async def _gzip(body: bytes, digest: str | None) -> bytes:
    """``body`` gzipped without a timestamp, so the same body always gives the same bytes.
    Large bodies (the docs bundle, long pages) are compressed in a worker thread, away from
    the event loop, and the last few successful ones kept by digest: the docs bundle alone
    takes a quarter of a second."""
    if len(body) < LARGE_BODY_BYTES:
        return _compress(body)
    if digest is not None and (cached := _recent_gzips.get(digest)) is not None:
        _recent_gzips.move_to_end(digest)
        return cached
    compressed = await anyio.to_thread.run_sync(_compress, body)
    if digest is not None:
        _recent_gzips[digest] = compressed
        if len(_recent_gzips) > RECENT_GZIPS:
            _recent_gzips.popitem(last=False)
    return compressed


def _compress(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


@lru_cache(maxsize=64)  # the handlers' few media types
def _is_text(content_type: bytes) -> bool:
    media_type = content_type.split(b";", 1)[0].strip().lower()
    return media_type.startswith(b"text/") or media_type.endswith(_TEXT_SUFFIXES)


def _head_allowed(allow: bytes) -> bytes:
    """An ``Allow`` header (405, OPTIONS) that offers GET offers HEAD too."""
    if b"GET" in allow and b"HEAD" not in allow:
        return allow + b", HEAD"
    return allow


def _finishing(send: Send, scope: Scope) -> Send:
    """``send`` with the security headers and a HEAD-offering ``Allow`` on the answer's
    start (for answers sent as the app sends them, not buffered)."""

    async def finished(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers, cache_policy = [], False
            for name, value in message.get("headers", ()):
                lower = name.lower()
                headers.append((name, _head_allowed(value) if lower == b"allow" else value))
                cache_policy = cache_policy or lower == b"cache-control"
            headers += security_headers(scope, message["status"], cache_policy)
            message = {**message, "headers": headers}
        await send(message)

    return finished
