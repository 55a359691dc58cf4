"""Configuration, read once from ``PROVENANCE_*`` environment variables and passed in."""

import os
from collections.abc import Mapping

from msgspec import Struct

DEFAULT_DATABASE_URL = "sqlite:///var/provenance.db"


class SettingsError(ValueError):
    """A setting names something that does not exist or has an unusable value."""


class Settings(Struct, frozen=True, kw_only=True):
    database_url: str = DEFAULT_DATABASE_URL
    """SQLAlchemy URL; a relative SQLite path is relative to the working directory."""
    api_keys: tuple[str, ...] = ()
    """Bootstrap keys (write scope), hashed when loaded; `provenance keys` makes real ones."""
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
    sqlite_synchronous: str = "FULL"
    """SQLite's ``synchronous`` pragma: FULL makes every acknowledged write survive power loss."""
    rate_limit_per_key: int = 600
    """Requests a minute one API key may make (bursts up to this); 0 turns the limit off."""
    rate_limit_per_address: int = 600
    """Requests a minute one client address may make without a key; 0 turns it off."""
    auth_failures_per_address: int = 10
    """Wrong keys a minute one client address may send before it gets 429; 0 turns it off."""
    trace_plugins: bool = False
    """Log every plugin hook call with its duration."""
    plugin_workers: int = 2
    """Worker processes per third-party plugin."""
    plugin_memory_mb: int = 1024
    """Address space of one plugin worker process, in MiB."""
    in_process_plugins: tuple[str, ...] = (
        "provenance-explainer",
        "provenance-generic",
        "provenance-wire",
        "provenance-wordpress",
    )
    """Plugins trusted to run in the service's process (distribution or entry-point
    names): by default the bundled ones. Every other plugin runs in worker processes."""
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
        if level := env.get("PROVENANCE_SQLITE_SYNCHRONOUS"):
            values["sqlite_synchronous"] = level.strip().upper()
        for name in ("rate_limit_per_key", "rate_limit_per_address", "auth_failures_per_address"):
            if count := env.get(f"PROVENANCE_{name.upper()}"):
                values[name] = int(count)
        if flag := env.get("PROVENANCE_TRACE_PLUGINS"):
            values["trace_plugins"] = _truthy(flag)
        if workers := env.get("PROVENANCE_PLUGIN_WORKERS"):
            values["plugin_workers"] = int(workers)
        if memory := env.get("PROVENANCE_PLUGIN_MEMORY_MB"):
            values["plugin_memory_mb"] = int(memory)
        if "PROVENANCE_IN_PROCESS_PLUGINS" in env:
            values["in_process_plugins"] = _split(env["PROVENANCE_IN_PROCESS_PLUGINS"])
        if "PROVENANCE_CORS_ORIGINS" in env:
            values["cors_origins"] = _split(env["PROVENANCE_CORS_ORIGINS"])
        return cls(**values)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}
