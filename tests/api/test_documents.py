"""POST and GET /documents: auth, idempotency, bad input, nothing half-stored."""

from tests.conftest import AUTH

STORY = 'Council approves budget\n\n"This is a good day for the city," said Mayor Ana Ruiz.\n'
PROBLEM = "application/problem+json"


def ingest(client, text=STORY, **fields):
    return client.post("/documents", json={"text": text, **fields}, headers=AUTH)


def test_ingest_needs_an_api_key(client):
    response = client.post("/documents", json={"text": STORY})
    assert response.status_code == 401
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["status"] == 401
    wrong = client.post("/documents", json={"text": STORY}, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401
    assert client.get("/documents").json()["total"] == 0


def test_same_text_twice_is_one_document(client):
    first = ingest(client)
    assert first.status_code == 201
    assert first.json()["created"] is True
    again = ingest(client, text=STORY.replace("\n\n", "\n \n"))  # white space differs only
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["document"]["id"] == first.json()["document"]["id"]
    assert client.get("/documents").json()["total"] == 1


def test_ingest_keeps_metadata(client):
    doc = ingest(client, url="https://example.com/a", outlet="Example", published="2024-03-12")
    stored = client.get(f"/documents/{doc.json()['document']['id']}").json()
    assert stored["url"] == "https://example.com/a"
    assert stored["outlet"] == "Example"
    assert stored["published"] == "2024-03-12"
    assert stored["published_precision"] == "day"
    assert "Mayor Ana Ruiz" in stored["body"]


def test_malformed_json_is_400(client):
    response = client.post("/documents", content=b'{"text": ', headers=AUTH)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)


def test_invalid_bodies_are_422(client):
    for body in (
        {"text": ""},
        {"text": "   \n "},
        {"txt": "x"},
        {"text": 3},
        {"text": "a", "extractor": "none-such"},
    ):
        response = client.post("/documents", json=body, headers=AUTH)
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith(PROBLEM)
        assert response.json()["detail"]


def test_body_over_the_limit_is_413_and_nothing_is_stored(client):
    response = ingest(client, text="word " * 50_000)
    assert response.status_code == 413
    assert response.headers["content-type"].startswith(PROBLEM)
    assert client.get("/documents").json()["total"] == 0
    assert client.get("/health").status_code == 200


def test_non_utf8_body_is_400(client):
    response = client.post(
        "/documents",
        content=b'{"text": "caf\xe9"}',
        headers={**AUTH, "content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)


def test_unknown_document_is_404(client):
    for path in ("/documents/deadbeef", "/documents/deadbeef/statements"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith(PROBLEM)
        assert "deadbeef" in response.json()["detail"]


def test_documents_are_paginated_with_a_next_link(client):
    for n in range(3):
        assert ingest(client, text=f"Story {n}\n\nNothing was said.").status_code == 201
    first = client.get("/documents?limit=2").json()
    assert (first["total"], len(first["items"])) == (3, 2)
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None
    ids = [d["id"] for d in first["items"] + second["items"]]
    assert len(set(ids)) == 3
    assert second["total"] == 3  # the last page knows the total without counting
    beyond = client.get("/documents?limit=2&offset=10").json()
    assert (beyond["items"], beyond["total"], beyond["next"]) == ([], 3, None)


def test_bad_pagination_is_422(client):
    for query in ("limit=0", "limit=501", "offset=-1", "limit=x"):
        assert client.get(f"/documents?{query}").status_code == 422, query
