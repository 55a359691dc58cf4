"""W3C PROV: what the API emits loads back with prov's own deserialisers."""

import json

import pytest
from prov.model import ProvDocument

from tests.tracing.conftest import CALL, cluster_of


def _records(document: ProvDocument, kind: str) -> list:
    return [r for r in document.get_records() if r.get_type().localpart == kind]


def _relayed_statement(client) -> int:
    cluster = cluster_of(client, CALL)
    return next(a["statement"]["id"] for a in cluster["appearances"])


def test_a_statement_as_prov_json_round_trips(client, corpus):
    statement_id = _relayed_statement(client)
    response = client.get(f"/statements/{statement_id}/prov")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/prov+json")
    document = ProvDocument.deserialize(content=response.text, format="json")
    again = document.serialize(format="json")
    assert ProvDocument.deserialize(content=again, format="json") == document
    agents = {r.label for r in _records(document, "Agent")}
    assert {"the locals", "FreeNews.AM", "Tribune"} <= agents
    assert len(_records(document, "Attribution")) >= 3  # said, relayed, printed
    derivations = _records(document, "Derivation")
    kinds = [str(r.get_asserted_types()) for r in derivations]
    assert sum("prov:Quotation" in kind for kind in kinds) == 2  # via FreeNews.AM, then printed
    assert sum("prov:PrimarySource" in kind for kind in kinds) == 1


def test_turtle_by_accept_round_trips(client, corpus):
    statement_id = _relayed_statement(client)
    response = client.get(f"/statements/{statement_id}/prov", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("text/turtle")
    assert "prov:wasQuotedFrom" in response.text or "prov:qualifiedQuotation" in response.text
    loaded = ProvDocument.deserialize(content=response.text, format="rdf", rdf_format="turtle")
    as_json = client.get(f"/statements/{statement_id}/prov").text
    assert loaded == ProvDocument.deserialize(content=as_json, format="json")


@pytest.mark.parametrize("accept", ["application/json", "application/prov+json", "*/*"])
def test_json_is_the_default(client, corpus, accept):
    statement_id = _relayed_statement(client)
    response = client.get(f"/statements/{statement_id}/prov", headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == (
        "application/json" if accept == "application/json" else "application/prov+json"
    )
    assert json.loads(response.text)["prefix"]["pv"] == "https://provenance.invalid/"


def test_a_trace_and_a_cluster_as_prov(client, corpus):
    cluster = cluster_of(client, CALL)
    for path, params in (
        ("/trace/prov", {"q": "they have gathered Pakistani soldiers"}),
        (f"/clusters/{cluster['id']}/prov", {}),
    ):
        response = client.get(path, params=params)
        assert response.status_code == 200, path
        document = ProvDocument.deserialize(content=response.text, format="json")
        entities = {str(r.identifier) for r in _records(document, "Entity")}
        assert f"pv:cluster/{cluster['id']}" in entities
        for appearance in cluster["appearances"]:
            assert f"pv:statement/{appearance['statement']['id']}" in entities
            assert f"pv:document/{appearance['document']['id']}" in entities
    assert client.get("/trace/prov", params={"q": "ab"}).status_code == 422
