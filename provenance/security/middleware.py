"""Authentication, scopes and rate limits, checked before any handler runs."""

import asyncio
import logging
from typing import Any

import anyio.to_thread
from litestar.plugins.problem_details import ProblemDetailsException
from litestar.types import ASGIApp, Receive, Send
from litestar.types import Scope as ASGIScope
from sqlalchemy import Engine

from provenance.api.errors import problem
from provenance.security import API_KEY_HEADER, API_KEY_SCHEME
from provenance.security.headers import DOCS_PATH
from provenance.security.keys import Identity, KeyRing, KeyStore, Scope
from provenance.security.ratelimit import Quota, RateLimiter
from provenance.settings import Settings

log = logging.getLogger(__name__)
HEADER = API_KEY_HEADER.lower().encode()
CHALLENGE = {"WWW-Authenticate": f'ApiKey header="{API_KEY_HEADER}"'}
NO_KEY_CONFIGURED = (
    "no API key is configured, so writes are refused: create one with "
    f"`provenance keys create --scope write` and send it in the {API_KEY_HEADER} header"
)


def too_many(quota: Quota, whose: str) -> ProblemDetailsException:
    headers = {name.decode(): value.decode() for name, value in quota.headers()}
    headers["Retry-After"] = str(quota.retry_after)
    detail = f"too many {whose}; retry in {quota.retry_after} s"
    return problem(429, "rate-limited", "Too many requests", detail, headers)


class Security:
    """The keys, the rate limiters and the read policy of one app."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.keys = KeyRing(KeyStore(engine), settings.api_keys)
        self.per_key = RateLimiter(settings.rate_limit_per_key)
        self.per_address = RateLimiter(settings.rate_limit_per_address)
        self.failures = RateLimiter(settings.auth_failures_per_address)
        self.read_requires_key = settings.read_requires_key
        self._reloading = asyncio.Lock()
        self._required: dict[object, Scope | None] = {}

    async def start(self) -> None:
        await self._refresh_keys()
        if self.keys.empty:
            log.warning(NO_KEY_CONFIGURED)

    async def stop(self) -> None:
        await anyio.to_thread.run_sync(self.keys.store.touch, self.keys.take_uses())

    async def _refresh_keys(self) -> None:
        await anyio.to_thread.run_sync(self.keys.refresh, self.keys.take_uses())

    async def authenticate(self, key: str, address: str) -> Identity:
        """The key's identity; 429 once an address has sent too many wrong keys, else 401."""
        if self.failures.enabled and not (failures := self.failures.peek(address)).allowed:
            raise too_many(failures, "wrong API keys from this address")
        if self.keys.stale:
            async with self._reloading:
                if self.keys.stale:
                    await self._refresh_keys()
        identity = self.keys.authenticate(key)
        if identity is None:
            if self.failures.enabled:
                self.failures.take(address)
            detail = f"the {API_KEY_HEADER} is not a valid key (unknown or revoked)"
            raise problem(401, "unauthorized", "Unauthorized", detail, CHALLENGE)
        return identity

    def charge(self, identity: Identity | None, address: str) -> Quota | None:
        """Count the request against its key (or its address without one); 429 past it."""
        if identity is not None:
            limiter, client, whose = self.per_key, f"key:{identity.name}", "requests with this key"
            if identity.key_id is not None:
                client = f"key:{identity.key_id}"
        else:
            limiter, client, whose = self.per_address, address, "requests from this address"
        if not limiter.enabled:
            return None
        quota = limiter.take(client)
        if not quota.allowed:
            raise too_many(quota, whose)
        return quota

    def authorize(self, identity: Identity | None, required: Scope | None) -> None:
        if required is None:
            return
        if identity is None:
            detail = (
                NO_KEY_CONFIGURED
                if self.keys.empty
                else f"this operation needs a key with the {required.name!r} scope "
                f"in the {API_KEY_HEADER} header"
            )
            raise problem(401, "unauthorized", "Unauthorized", detail, CHALLENGE)
        if identity.scope < required:
            detail = (
                f"the key's scope {identity.scope.name!r} does not allow this operation; "
                f"it needs {required.name!r}"
            )
            raise problem(403, "forbidden", "Forbidden", detail, {})

    def required_scope(self, scope: ASGIScope) -> Scope | None:
        """The scope an operation declares; ``read`` for the rest when reads need a key
        (health, the docs and CORS preflights, which never carry a key, stay open)."""
        if scope["method"] == "OPTIONS":
            return None
        handler = scope["route_handler"]
        if handler not in self._required:
            self._required[handler] = self._declared_scope(handler, scope["path"])
        return self._required[handler]

    def _declared_scope(self, handler: Any, path: str) -> Scope | None:
        for requirement in getattr(handler, "resolve_security", list)():
            if names := requirement.get(API_KEY_SCHEME):
                return min(Scope[name] for name in names)
        public = handler.opt.get("public") or path.startswith(DOCS_PATH)
        return Scope.read if self.read_requires_key and not public else None


class SecurityMiddleware:
    """Per route: authenticate the key if one is sent, charge the rate limit and check the
    operation's scope (the HTTP layer, ``provenance.api.http``, puts the quota on the answer)."""

    def __init__(self, app: ASGIApp, security: Security) -> None:
        self.app = app
        self.security = security

    async def __call__(self, scope: ASGIScope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        security = self.security
        address = (scope.get("client") or ("unknown",))[0]
        key = _header(scope, HEADER)
        identity = await security.authenticate(key, address) if key is not None else None
        quota = security.charge(identity, address)
        security.authorize(identity, security.required_scope(scope))
        state = scope.setdefault("state", {})
        state["api_key"], state["quota"] = identity, quota
        await self.app(scope, receive, send)


def current_key(scope: ASGIScope) -> Identity | None:
    """The key a request authenticated with, if any."""
    return scope.get("state", {}).get("api_key")


def _header(scope: ASGIScope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None
