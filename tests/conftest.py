"""Shared fixtures: a service on a temporary SQLite file, and an HTTP client on it."""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from provenance.app import create_app
from provenance.plugins import Plugins, load_plugins
from provenance.service import ProvenanceService
from provenance.settings import Settings
from provenance.store.database import create_database_engine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
API_KEY = "test-key"
AUTH = {"X-API-Key": API_KEY}


@pytest.fixture(scope="session")
def plugins() -> Plugins:
    return load_plugins()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend: an SQLite file, or a new PostgreSQL database
    on the server that ``scripts/with-postgres.sh`` (run by ``make test``) started."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/test.db"
        return
    server = os.environ.get("PROVENANCE_TEST_POSTGRES_URL")
    if not server:
        pytest.skip("no PostgreSQL server: run the tests through `make test`")
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_database_engine(server).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield str(make_url(server).set(database=name))
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        api_keys=(API_KEY,),
        seed_on_start=False,
        seeds_dir=str(SEEDS),
        max_body_bytes=200_000,
        # Rate limits are tested in tests/security; elsewhere they would only add flakiness.
        rate_limit_per_key=0,
        rate_limit_per_address=0,
        auth_failures_per_address=0,
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
