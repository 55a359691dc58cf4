"""Who may do what: API keys and scopes, rate limits, and the security headers."""

from provenance.security.keys import Identity, KeyRing, KeyStore, Scope, UnknownKey

API_KEY_HEADER = "X-API-Key"
API_KEY_SCHEME = "ApiKey"
"""The OpenAPI security scheme of ``X-API-Key``; operations name the scope they need."""


def requires(scope: Scope) -> list[dict[str, list[str]]]:
    """The OpenAPI security requirement of an operation that needs a key with ``scope``."""
    return [{API_KEY_SCHEME: [scope.name]}]


__all__ = [
    "API_KEY_HEADER",
    "API_KEY_SCHEME",
    "Identity",
    "KeyRing",
    "KeyStore",
    "Scope",
    "UnknownKey",
    "requires",
]
