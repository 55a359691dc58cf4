"""Over HTTP: scopes per operation, no default key, rate limits, headers, /health."""

import logging

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from provenance.security import Scope
from provenance.store.database import create_database_engine
from tests.security.conftest import STORY

CHALLENGE = 'ApiKey header="X-API-Key"'


def ingest(client, headers=None):
    return client.post("/documents", json={"text": STORY}, headers=headers or {})


class Remember(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_without_any_key_writes_are_refused_saying_how_to_make_one(make_client):
    # Alembic's logging set-up replaces the root handlers (and pytest's caplog with them).
    logger, remember = logging.getLogger("provenance.security.middleware"), Remember()
    logger.addHandler(remember)
    try:
        client = make_client()
    finally:
        logger.removeHandler(remember)
    assert any("provenance keys create" in message for message in remember.messages)
    refused = ingest(client)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == CHALLENGE
    assert refused.headers["content-type"] == "application/problem+json"
    assert "provenance keys create --scope write" in refused.json()["detail"]
    assert ingest(client, {"X-API-Key": "dev-key"}).status_code == 401


def test_scopes_are_enforced_per_operation(make_client, key):
    read, write, admin = key(Scope.read), key(Scope.write), key(Scope.admin)
    client = make_client()
    forbidden = ingest(client, read)
    assert forbidden.status_code == 403
    assert "'write'" in forbidden.json()["detail"]
    assert "www-authenticate" not in forbidden.headers
    created = ingest(client, write)
    assert created.status_code == 201
    doc_id = created.json()["document"]["id"]
    reextract = f"/documents/{doc_id}/reextract"
    assert client.post(reextract, headers=read).status_code == 403
    assert client.post(reextract, headers=write).status_code == 200
    assert client.post(reextract, headers=admin).status_code == 200
    assert client.get("/documents", headers=read).status_code == 200


def test_a_revoked_key_is_refused(make_client, key, store):
    write = key(Scope.write)
    client = make_client()
    assert ingest(client, write).status_code == 201
    store.revoke(write["X-API-Key"].split("_")[1])
    refused = ingest(client, write)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == CHALLENGE
    assert "revoked" in refused.json()["detail"]


def test_a_bootstrap_key_from_the_environment_may_write(make_client):
    client = make_client(api_keys=("from-env",))
    assert ingest(client, {"X-API-Key": "from-env"}).status_code == 201


def test_reads_can_need_a_read_key(make_client, key):
    read = key(Scope.read)
    client = make_client(read_requires_key=True)
    refused = client.get("/documents")
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == CHALLENGE
    assert client.get("/extractors").status_code == 401
    assert client.get("/documents", headers=read).status_code == 200
    assert client.get("/schema/openapi.json").status_code == 200
    assert client.options("/documents").status_code == 204  # a CORS preflight has no key


def test_health_reveals_nothing_when_reads_need_a_key(make_client, key):
    read = key(Scope.read)
    locked = make_client(read_requires_key=True)
    assert locked.get("/health").json() == {"status": "ok"}
    assert locked.get("/health", headers=read).json()["documents"] == 0
    assert locked.get("/health", headers={"X-API-Key": "wrong"}).status_code == 401
    open_ = make_client()
    assert set(open_.get("/health").json()) == {"status", "version", "documents"}


def test_health_answers_503_when_the_database_is_down(make_client, tmp_path, database_url):
    client = make_client()
    service = client.app.state.service
    if database_url.startswith("sqlite"):
        service.engine = create_engine(f"sqlite:///{tmp_path}/no/such/folder/x.db")
    else:  # nothing listens on port 1
        service.engine = create_database_engine(str(make_url(database_url).set(port=1)))
    down = client.get("/health")
    assert down.status_code == 503
    assert down.headers["content-type"] == "application/problem+json"
    assert down.json()["status"] == 503
    assert "Traceback" not in down.text


def test_a_burst_of_wrong_keys_gets_429_with_headers(make_client, key):
    write = key(Scope.write)
    client = make_client(auth_failures_per_address=5)
    statuses = [
        client.get("/documents", headers={"X-API-Key": f"guess-{n}"}).status_code for n in range(8)
    ]
    assert statuses == [401] * 5 + [429] * 3
    throttled = client.get("/documents", headers={"X-API-Key": "guess-9"})
    assert int(throttled.headers["retry-after"]) > 0
    assert throttled.headers["ratelimit-remaining"] == "0"
    assert throttled.headers["ratelimit-limit"] == "5"
    assert throttled.headers["content-type"] == "application/problem+json"
    # Guessing stops even for a right key from that address, until the bucket refills.
    assert ingest(client, write).status_code == 429
    assert client.get("/documents").status_code == 200


def test_each_key_has_its_own_rate_limit(make_client, key):
    first, second = key(Scope.read), key(Scope.read)
    client = make_client(rate_limit_per_key=3)
    answers = [client.get("/documents", headers=first) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["ratelimit-remaining"] for a in answers[:3]] == ["2", "1", "0"]
    assert answers[0].headers["ratelimit-policy"] == "3;w=60"
    declared = client.get("/schema/openapi.json").json()["components"]["headers"]
    sent = {name for name in answers[0].headers if name.startswith("ratelimit-")}
    assert sent == {name.lower() for name in declared}
    assert int(answers[3].headers["retry-after"]) == 20
    assert answers[3].json()["status"] == 429
    assert client.get("/documents", headers=second).status_code == 200


def test_each_address_has_a_rate_limit_without_a_key(make_client):
    client = make_client(rate_limit_per_address=2)
    assert [client.get("/documents").status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/documents", 200),
        ("GET", "/health", 200),
        ("POST", "/documents", 401),
        ("GET", "/documents/x/statements?limit=0", 422),
        ("GET", "/no/such/path", 404),
        ("DELETE", "/documents", 405),
    ],
)
def test_security_headers_on_every_response(make_client, method, path, status):
    response = make_client().request(method, path)
    assert response.status_code == status
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    if status >= 400:
        assert response.headers["cache-control"] == "no-store"


def test_answers_to_a_keyed_request_are_not_stored_by_caches(make_client, key):
    read = key(Scope.read)
    client = make_client()
    assert "cache-control" not in client.get("/documents").headers
    assert client.get("/documents", headers=read).headers["cache-control"] == "no-store"


def test_the_docs_page_may_run_its_own_scripts_only(make_client):
    page = make_client().get("/schema")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "http" not in policy  # no other origin


def test_the_openapi_document_declares_the_scope_of_each_write(make_client):
    schema = make_client().get("/schema/openapi.json").json()
    scheme = schema["components"]["securitySchemes"]["ApiKey"]
    assert {"type": "apiKey", "name": "X-API-Key", "in": "header"}.items() <= scheme.items()
    for path in ("/documents", "/documents/{document_id}/reextract"):
        operation = schema["paths"][path]["post"]
        assert operation["security"] == [{"ApiKey": ["write"]}]
        assert {"401", "403", "429"} <= set(operation["responses"])
    read = schema["paths"]["/documents"]["get"]
    assert "security" not in read
    assert {"401", "429"} <= set(read["responses"])  # a wrong key, or too many requests


def test_the_server_records_when_a_key_was_last_used(make_client, key, store):
    read = key(Scope.read)
    client = make_client()
    prefix = read["X-API-Key"].split("_")[1]
    assert store.find(prefix).last_used_at is None
    assert client.get("/documents", headers=read).status_code == 200
    client.__exit__(None, None, None)  # shutdown writes what is pending
    assert store.find(prefix).last_used_at is not None
