"""Configuration, read once from ``PROVENANCE_*`` environment variables and passed in."""

import os
from collections.abc import Mapping

from msgspec import Struct

DEFAULT_DATABASE_URL = "sqlite:///var/provenance.db"
DEFAULT_API_KEY = "dev-key"


class Settings(Struct, frozen=True, kw_only=True):
    database_url: str = DEFAULT_DATABASE_URL
    """SQLAlchemy URL; a relative SQLite path is relative to the working directory."""
    api_keys: tuple[str, ...] = (DEFAULT_API_KEY,)
    """Keys accepted in the ``X-API-Key`` header for writes."""
    read_requires_key: bool = False
    max_body_bytes: int = 5_000_000
    """Largest request body accepted; larger gets 413."""
    seed_on_start: bool = True
    """Load ``seeds/`` into an empty database when the service starts."""
    seeds_dir: str = "seeds"
    plugins: tuple[str, ...] | None = None
    """Allow-list of plugins (distribution or entry-point names); None allows every one."""
    extract_timeout: float = 10.0
    """Seconds one extractor may spend on one document before it is abandoned."""
    cors_origins: tuple[str, ...] = ()
    """Origins whose pages may call the API from a browser (``*`` for any); none by default."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        if url := env.get("PROVENANCE_DATABASE_URL"):
            values["database_url"] = url
        if "PROVENANCE_API_KEYS" in env:
            values["api_keys"] = _split(env["PROVENANCE_API_KEYS"])
        if flag := env.get("PROVENANCE_READ_REQUIRES_KEY"):
            values["read_requires_key"] = _truthy(flag)
        if size := env.get("PROVENANCE_MAX_BODY_BYTES"):
            values["max_body_bytes"] = int(size)
        if flag := env.get("PROVENANCE_SEED_ON_START"):
            values["seed_on_start"] = _truthy(flag)
        if seeds := env.get("PROVENANCE_SEEDS_DIR"):
            values["seeds_dir"] = seeds
        if "PROVENANCE_PLUGINS" in env:
            values["plugins"] = _split(env["PROVENANCE_PLUGINS"])
        if timeout := env.get("PROVENANCE_EXTRACT_TIMEOUT"):
            values["extract_timeout"] = float(timeout)
        if "PROVENANCE_CORS_ORIGINS" in env:
            values["cors_origins"] = _split(env["PROVENANCE_CORS_ORIGINS"])
        return cls(**values)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}
