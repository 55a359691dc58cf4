"""GET /trace, /clusters/{id}, /statements/{id}/appearances over a hand-built corpus."""

import json

import msgspec

from tests.tracing.conftest import BASELESS, CALL, KHOJALY, cluster_of

PROBLEM = "application/problem+json"


def test_a_fragment_finds_the_quote_and_the_longer_one_that_contains_it(client, corpus):
    found = client.get("/trace", params={"q": "they have gathered Pakistani soldiers"}).json()
    assert found["total"] == 1
    cluster = found["items"][0]
    assert cluster["appearance_count"] == 2
    assert cluster["document_count"] == 2
    assert cluster["score"] == 100
    assert {a["document"]["id"] for a in cluster["appearances"]} == {
        corpus["phone"],
        corpus["relay"],
    }
    assert [s["speaker"]["name"] for s in cluster["speakers"]] == ["the locals"]
    assert [link["node"]["name"] for link in cluster["intermediaries"]] == ["FreeNews.AM"]
    assert cluster["intermediaries"][0]["weight"] == 2
    for appearance in cluster["appearances"]:
        chain = appearance["statement"]["chain"]
        assert [hop["name"] for hop in chain["via"]] == ["FreeNews.AM"]
        assert chain["channel"] == "telephone conversation"


def test_the_first_appearance_is_the_earliest_document_with_its_precision(client, corpus):
    cluster = cluster_of(client, "they have gathered Pakistani soldiers")
    first = cluster["first_appearance"]
    assert first["document"]["id"] == corpus["phone"]  # 2020, though ingested second
    assert first["document"]["published"] == "2020-09-29"
    assert first["document"]["published_precision"] == "day"
    assert cluster["text"] == CALL
    assert cluster["appearances"][0] == first
    assert cluster["appearances"][1]["document"]["published_precision"] == "day"


def test_one_cluster_gives_every_speaker_and_spelling(client, corpus):
    cluster = cluster_of(client, "irresponsible, speculative and baseless")
    assert cluster["appearance_count"] == 3
    speakers = {s["speaker"]["name"]: s for s in cluster["speakers"]}
    assert set(speakers) == {"Zahid Hafeez Chaudri", "Pakistani Foreign Ministry"}
    names = {n["name"] for n in speakers["Zahid Hafeez Chaudri"]["names"]}
    assert names == {"Zahid Hafeez Chaudri", "Zahid Hafeez Chaudhri"}
    assert cluster["first_appearance"]["document"]["published_precision"] == "month"


def test_edited_words_and_short_fragments_are_found(client, corpus):
    edited = "Armenia committed the Khojaly genocide in February 1992 killing hundreds of people"
    assert cluster_of(client, edited)["appearance_count"] == 2
    for fragment in ("Khojaly genocide", "baseless", "Agdam’s side"):
        response = client.get("/trace", params={"q": fragment}).json()
        assert response["total"] >= 1, fragment
    assert client.get("/trace", params={"q": "nothing like this was ever said"}).json() == {
        "items": [],
        "total": 0,
        "limit": 10,
        "offset": 0,
        "next": None,
    }


def test_a_trace_is_paginated(client, corpus):
    first = client.get("/trace", params={"q": "Armenia", "limit": 1}).json()
    assert first["total"] >= 2
    assert len(first["items"]) == 1
    second = client.get(first["next"]).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]


def test_an_empty_or_too_short_query_is_422(client, corpus):
    for query in ("", "ab", "!!"):
        response = client.get("/trace", params={"q": query})
        assert response.status_code == 422, query
        assert response.headers["content-type"].startswith(PROBLEM)
        detail = response.json()["detail"]  # the declared minimum, or the letters counted
        assert "q: Expected `str` of length >= 4" in detail or "4 letters" in detail, detail
    response = client.get("/trace", params={"q": "!?!?"})
    assert response.status_code == 422
    assert "4 letters" in response.json()["detail"]
    assert client.get("/trace").status_code == 422
    assert client.get("/trace", params={"q": "baseless", "limit": 51}).status_code == 422


def test_a_statement_gives_its_cluster(client, corpus):
    cluster = cluster_of(client, KHOJALY)
    for appearance in cluster["appearances"]:
        statement_id = appearance["statement"]["id"]
        same = client.get(f"/statements/{statement_id}/appearances").json()
        assert same["id"] == cluster["id"]
        assert same["appearance_count"] == 2
        assert same["score"] is None
    assert client.get(f"/clusters/{cluster['id']}").json()["id"] == cluster["id"]


def test_every_appearance_is_listed_page_by_page(client, corpus):
    cluster = cluster_of(client, BASELESS)
    first = client.get(f"/clusters/{cluster['id']}/appearances", params={"limit": 2}).json()
    assert first["total"] == 3
    rest = client.get(first["next"]).json()
    listed = [a["statement"]["id"] for a in first["items"] + rest["items"]]
    assert listed == [a["statement"]["id"] for a in cluster["appearances"]]


def test_unknown_ids_are_404(client, corpus):
    for path in (
        "/clusters/999",
        "/clusters/999/appearances",
        "/clusters/999/prov",
        "/clusters/999/chain.svg",
        "/statements/999/appearances",
        "/statements/999/prov",
        "/statements/999/chain.svg",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith(PROBLEM)


def test_the_openapi_examples_are_valid_values_of_their_types():
    from prov.model import ProvDocument

    from provenance.api import trace as ex
    from provenance.domain import Appearance, Cluster, Disagreement, Page, RelayEdge

    for value, kind in (
        (ex.CLUSTER, Cluster),
        (ex.APPEARANCE, Appearance),
        (ex.DISAGREEMENT, Disagreement),
        (ex.RELAY_EDGE, RelayEdge),
        (ex.page_of(ex.CLUSTER), Page[Cluster]),
    ):
        msgspec.convert(value, kind, strict=False)
    assert ProvDocument.deserialize(content=json.dumps(ex.PROV_EXAMPLE), format="json")
