"""An app whose keys live in its database, with the rate limits switched on."""

from collections.abc import Callable, Iterator

import pytest
from litestar.testing import TestClient
from msgspec.structs import replace

from provenance.app import create_app
from provenance.plugins import Plugins
from provenance.security import KeyStore, Scope
from provenance.security import keys as keys_module
from provenance.service import ProvenanceService
from provenance.settings import Settings

STORY = (
    "Council approves budget\n\nSPRINGFIELD (Reuters) - The council approved the budget. "
    '"This is a good day for Springfield," Mayor Ana Ruiz told reporters.'
)

Client = Callable[..., TestClient]


@pytest.fixture(autouse=True)
def keys_reload_on_every_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key revoked in the database is refused at once, not within seconds."""
    monkeypatch.setattr(keys_module, "RELOAD_SECONDS", 0.0)


@pytest.fixture
def store(service: ProvenanceService) -> KeyStore:
    """The key table, as `provenance keys` sees it: not the app's own copy."""
    return KeyStore(service.engine)


@pytest.fixture
def key(store: KeyStore) -> Callable[[Scope], dict[str, str]]:
    """A new key with ``scope``, as request headers."""

    def make(scope: Scope) -> dict[str, str]:
        created, _ = store.create(scope, f"a {scope.name} key")
        return {"X-API-Key": created}

    return make


@pytest.fixture
def make_client(settings: Settings, plugins: Plugins) -> Iterator[Client]:
    """A client on an app with these setting changes and no bootstrap key."""
    opened: list[TestClient] = []

    def make(**changes: object) -> TestClient:
        changed = replace(settings, **{"api_keys": (), **changes})
        client = TestClient(create_app(changed, ProvenanceService(changed, plugins)))
        opened.append(client.__enter__())
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)
