"""API keys: made, hashed, stored, listed, revoked, and checked in constant time.

A key reads ``prov_<prefix>_<secret>``: the prefix (8 hex digits) is public and finds the
row; the secret is 256 random bits. Only the prefix and the SHA-256 of the whole key are
stored (docs/security.md says why a plain hash is enough for keys this random).
"""

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum

from sqlalchemy import Engine, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from provenance.store.tables import api_keys

KEY_TAG = "prov"
RELOAD_SECONDS = 5.0
"""How long the in-memory copy of the key table is trusted: a key created or revoked by
another process takes effect within this time."""
PREFIX_ATTEMPTS = 3
_NO_MATCH = hashlib.sha256(b"no key has this digest").hexdigest()


class Scope(IntEnum):
    """What a key may do; each scope includes the ones below it."""

    read = 1
    write = 2
    admin = 3


class UnknownKey(LookupError):
    """No key, or more than one, matches what the user named."""


@dataclass(frozen=True)
class Identity:
    """Who a request authenticated as: the key's row id (None for a bootstrap key)."""

    key_id: int | None
    name: str
    scope: Scope


@dataclass(frozen=True)
class KeyInfo:
    """A stored key as ``keys list`` shows it: never the key itself."""

    id: int
    name: str
    scope: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> tuple[str, str]:
    """A fresh key and its public prefix."""
    prefix = secrets.token_hex(4)
    return f"{KEY_TAG}_{prefix}_{secrets.token_urlsafe(32)}", prefix


def prefix_of(key: str) -> str | None:
    """The public prefix of a key in this service's format, else None."""
    parts = key.split("_", 2)
    if len(parts) == 3 and parts[0] == KEY_TAG and parts[1]:
        return parts[1]
    return None


@dataclass(frozen=True)
class ActiveKey:
    identity: Identity
    prefix: str
    digest: str


class KeyStore:
    """The ``api_keys`` table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, scope: Scope, name: str) -> tuple[str, KeyInfo]:
        """A new key (shown to its owner once) and what is stored of it."""
        for _ in range(PREFIX_ATTEMPTS - 1):
            try:
                return self._insert(scope, name)
            except IntegrityError:  # the prefix is taken: 32 random bits do collide, rarely
                continue
        return self._insert(scope, name)

    def _insert(self, scope: Scope, name: str) -> tuple[str, KeyInfo]:
        key, prefix = new_key()
        row = {
            "name": name,
            "scope": scope.name,
            "prefix": prefix,
            "digest": digest(key),
            "created_at": datetime.now(UTC),
        }
        with self.engine.begin() as conn:
            key_id = conn.execute(insert(api_keys).values(**row)).inserted_primary_key[0]
        return key, self.find(str(key_id))

    def all(self) -> list[KeyInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_INFO_COLUMNS).order_by(api_keys.c.id)).all()
        return [KeyInfo(*row) for row in rows]

    def find(self, id_or_prefix: str) -> KeyInfo:
        """The one key whose id or prefix is ``id_or_prefix``."""
        condition = api_keys.c.prefix == id_or_prefix
        if id_or_prefix.isdigit() and len(id_or_prefix) < 10:
            condition = or_(condition, api_keys.c.id == int(id_or_prefix))
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_INFO_COLUMNS).where(condition)).all()
        if len(rows) != 1:
            found = "no key" if not rows else "more than one key"
            raise UnknownKey(f"{found} has the id or prefix {id_or_prefix!r}")
        return KeyInfo(*rows[0])

    def revoke(self, id_or_prefix: str) -> KeyInfo:
        """Revoke a key (idempotent: a revoked key keeps its first revocation time)."""
        info = self.find(id_or_prefix)
        with self.engine.begin() as conn:
            conn.execute(
                update(api_keys)
                .where(api_keys.c.id == info.id, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=datetime.now(UTC))
            )
        return self.find(str(info.id))

    def is_active(self, key: str) -> bool:
        """Whether ``key`` is a stored, unrevoked key."""
        ring = KeyRing(self)
        ring.reload()
        return ring.authenticate(key) is not None

    def active(self) -> list[ActiveKey]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    api_keys.c.id,
                    api_keys.c.name,
                    api_keys.c.scope,
                    api_keys.c.prefix,
                    api_keys.c.digest,
                ).where(api_keys.c.revoked_at.is_(None))
            ).all()
        return [ActiveKey(Identity(r.id, r.name, Scope[r.scope]), r.prefix, r.digest) for r in rows]

    def touch(self, last_used: dict[int, datetime]) -> None:
        """Record when keys were last used."""
        if not last_used:
            return
        with self.engine.begin() as conn:
            for key_id, when in last_used.items():
                conn.execute(
                    update(api_keys).where(api_keys.c.id == key_id).values(last_used_at=when)
                )


_INFO_COLUMNS = (
    api_keys.c.id,
    api_keys.c.name,
    api_keys.c.scope,
    api_keys.c.prefix,
    api_keys.c.created_at,
    api_keys.c.last_used_at,
    api_keys.c.revoked_at,
)


class KeyRing:
    """The keys a server accepts: the stored ones, reloaded every few seconds, and any
    bootstrap keys from ``PROVENANCE_API_KEYS`` (held only as digests)."""

    def __init__(self, store: KeyStore, bootstrap: Iterable[str] = ()) -> None:
        self.store = store
        self.bootstrap = [
            ActiveKey(Identity(None, f"PROVENANCE_API_KEYS[{n}]", Scope.write), "", digest(key))
            for n, key in enumerate(bootstrap)
        ]
        self.by_prefix: dict[str, ActiveKey] = {}
        self.loaded_at = float("-inf")
        self.last_used: dict[int, datetime] = {}

    @property
    def stale(self) -> bool:
        return time.monotonic() - self.loaded_at >= RELOAD_SECONDS

    @property
    def empty(self) -> bool:
        return not self.by_prefix and not self.bootstrap

    def take_uses(self) -> dict[int, datetime]:
        """The last-used times not yet written, handed over (on the thread that
        authenticates, so that none is added while they are written)."""
        used, self.last_used = self.last_used, {}
        return used

    def refresh(self, used: dict[int, datetime]) -> None:
        """Write ``used``, then read the active keys (blocking: in a worker thread)."""
        self.store.touch(used)
        self.by_prefix = {key.prefix: key for key in self.store.active()}
        self.loaded_at = time.monotonic()

    def reload(self) -> None:
        """``refresh`` for a caller with one thread."""
        self.refresh(self.take_uses())

    def authenticate(self, key: str) -> Identity | None:
        """The identity of ``key``, or None. Takes the same time whether a stored key with
        its prefix exists or not, and compares every bootstrap digest."""
        presented = digest(key)
        prefix = prefix_of(key)
        stored = self.by_prefix.get(prefix) if prefix else None
        matches = hmac.compare_digest(stored.digest if stored else _NO_MATCH, presented)
        found = stored if matches else None
        for candidate in self.bootstrap:
            if hmac.compare_digest(candidate.digest, presented):
                found = candidate
        if found is None:
            return None
        if found.identity.key_id is not None:
            self.last_used[found.identity.key_id] = datetime.now(UTC)
        return found.identity
