"""Security headers on every response, errors and unknown paths included."""

from litestar.types import Message, Scope

API_POLICY = b"default-src 'none'; frame-ancestors 'none'"
DOCS_POLICY = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    b"worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The docs page starts Swagger UI from an inline script: the one place scripts may run."""
DOCS_PATH = "/schema"
ALWAYS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-site"),
]
NO_STORE = (b"cache-control", b"no-store")


async def add_security_headers(message: Message, scope: Scope) -> None:
    """``before_send`` hook: the headers every response carries; the ``RateLimit-*`` quota
    the request was charged; ``no-store`` on errors and on answers to a request made with
    a key, unless the handler chose a cache policy."""
    if message["type"] != "http.response.start":
        return
    headers = message.setdefault("headers", [])
    if not isinstance(headers, list):
        headers = message["headers"] = list(headers)
    headers.extend(ALWAYS)
    docs = scope["path"].startswith(DOCS_PATH)
    headers.append((b"content-security-policy", DOCS_POLICY if docs else API_POLICY))
    state = scope.get("state", {})
    if quota := state.get("quota"):
        headers.extend(quota.headers())
    private = message["status"] >= 400 or state.get("api_key") is not None
    if private and not any(name.lower() == b"cache-control" for name, _ in headers):
        headers.append(NO_STORE)
