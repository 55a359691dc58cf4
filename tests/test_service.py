"""The service: idempotent, atomic ingest; seeds on first start only."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from msgspec.structs import replace

from provenance.domain import RawDocument
from provenance.service import EmptyDocument, ProvenanceService
from provenance.store import writes
from tests.conftest import AUTH

TEXT = 'Port strike\n\n"We stay out until the deal is signed," said union leader Kofi Mensah.\n'


def test_a_failed_write_leaves_nothing_behind_and_the_service_serves(client, service, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writes, "_insert_statements", broken)
    response = client.post("/documents", json={"text": TEXT}, headers=AUTH)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "disk on fire" not in response.text  # internals stay in the log
    monkeypatch.undo()
    assert client.get("/documents").json()["total"] == 0
    assert client.get("/speakers").json()["total"] == 0
    assert client.post("/documents", json={"text": TEXT}, headers=AUTH).status_code == 201


def test_concurrent_ingests_of_one_text_store_one_document(service):
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: service.ingest(RawDocument(text=TEXT)), range(8)))
    assert sum(created for created, _ in results) == 1
    assert len({document.id for _, document in results}) == 1
    assert service.count_documents() == 1


def test_empty_text_is_refused(service):
    with pytest.raises(EmptyDocument):
        service.ingest(RawDocument(text=" \n\t "))
    assert service.count_documents() == 0


def test_first_start_loads_the_seeds_once(settings, plugins):
    seeded = replace(settings, seed_on_start=True)
    for _ in range(2):
        service = ProvenanceService(seeded, plugins)
        service.start()
        assert service.count_documents() == 5
        service.close()
