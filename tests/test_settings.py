"""Settings come from PROVENANCE_* variables, with documented defaults."""

from provenance.settings import DEFAULT_DATABASE_URL, Settings
from tests.conftest import ROOT


def test_defaults():
    settings = Settings.from_env({})
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.api_keys == ()  # no default key
    assert settings.seed_on_start is True
    assert settings.plugins is None


def test_every_variable_is_read():
    settings = Settings.from_env(
        {
            "PROVENANCE_DATABASE_URL": "postgresql://u@h/db",
            "PROVENANCE_API_KEYS": " a, b ,,",
            "PROVENANCE_READ_REQUIRES_KEY": "yes",
            "PROVENANCE_MAX_BODY_BYTES": "1000",
            "PROVENANCE_SEED_ON_START": "false",
            "PROVENANCE_SEEDS_DIR": "elsewhere",
            "PROVENANCE_PLUGINS": "generic,wire",
            "PROVENANCE_EXTRACT_TIMEOUT": "2.5",
            "PROVENANCE_SQLITE_SYNCHRONOUS": "normal",
            "PROVENANCE_RATE_LIMIT_PER_KEY": "60",
            "PROVENANCE_RATE_LIMIT_PER_ADDRESS": "30",
            "PROVENANCE_AUTH_FAILURES_PER_ADDRESS": "0",
        }
    )
    assert settings.database_url == "postgresql://u@h/db"
    assert settings.api_keys == ("a", "b")
    assert settings.read_requires_key is True
    assert settings.max_body_bytes == 1000
    assert settings.seed_on_start is False
    assert settings.seeds_dir == "elsewhere"
    assert settings.plugins == ("generic", "wire")
    assert settings.extract_timeout == 2.5
    assert settings.sqlite_synchronous == "NORMAL"
    assert settings.rate_limit_per_key == 60
    assert settings.rate_limit_per_address == 30
    assert settings.auth_failures_per_address == 0


def test_every_variable_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in Settings.__struct_fields__:
        assert f"PROVENANCE_{name.upper()}" in readme, name
