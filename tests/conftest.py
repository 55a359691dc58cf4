"""Shared fixtures: a service on a temporary SQLite file, and an HTTP client on it."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar.testing import TestClient

from provenance.app import create_app
from provenance.plugins import Plugins, load_plugins
from provenance.service import ProvenanceService
from provenance.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
API_KEY = "test-key"
AUTH = {"X-API-Key": API_KEY}


@pytest.fixture(scope="session")
def plugins() -> Plugins:
    return load_plugins()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path}/test.db",
        api_keys=(API_KEY,),
        seed_on_start=False,
        seeds_dir=str(SEEDS),
        max_body_bytes=200_000,
    )


@pytest.fixture
def service(settings: Settings, plugins: Plugins) -> Iterator[ProvenanceService]:
    service = ProvenanceService(settings, plugins)
    service.start()
    yield service
    service.close()


@pytest.fixture
def client(settings: Settings, plugins: Plugins) -> Iterator[TestClient]:
    app = create_app(settings, ProvenanceService(settings, plugins))
    with TestClient(app) as client:
        yield client
