"""Security headers on every response, errors and unknown paths included."""

from litestar.types import Scope

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
API_HEADERS = (*ALWAYS, (b"content-security-policy", API_POLICY))
DOCS_HEADERS = (*ALWAYS, (b"content-security-policy", DOCS_POLICY))
NO_STORE = (b"cache-control", b"no-store")


def security_headers(scope: Scope, status: int, cache_policy: bool) -> list[tuple[bytes, bytes]]:
    """The headers every response carries; the ``RateLimit-*`` quota the request was
    charged; ``no-store`` on errors and on answers to a request made with a key, unless the
    handler chose a cache policy (``cache_policy``: it sent a ``Cache-Control``)."""
    headers = list(DOCS_HEADERS if scope["path"].startswith(DOCS_PATH) else API_HEADERS)
    state = scope.get("state", {})
    if quota := state.get("quota"):
        headers += quota.headers()
    if not cache_policy and (status >= 400 or state.get("api_key") is not None):
        headers.append(NO_STORE)
    return headers
