"""The API: HTML pages in (JSON `html` or `Content-Type: text/html`), ninjs 3.x out."""

import json

import pytest

from tests.conftest import AUTH, ROOT

INPUTS = ROOT / "tests" / "html_corpus" / "inputs"
PAGES = ROOT / "tests" / "html_corpus" / "docs"
METADATA = json.loads((ROOT / "tests" / "html_corpus" / "metadata.json").read_text("utf-8"))
NINJS = "application/ninjs+json"


def test_an_html_page_is_ingested_with_its_metadata_from_json(client):
    page = METADATA[0]
    body = {"html": (PAGES / page["file"]).read_text("utf-8")}
    response = client.post("/documents", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    document = response.json()["document"]
    assert (document["title"], document["authors"]) == (page["title"], page["authors"])
    assert (document["outlet"], document["url"]) == (page["site"], page["url"])
    assert document["published"] == page["published"]
    assert "Accept all cookies" not in document["body"]
    assert document["statement_count"] > 10


def test_an_html_page_is_ingested_as_text_html_with_its_own_metadata(client):
    page = METADATA[1]
    response = client.post(
        "/documents",
        content=(PAGES / page["file"]).read_bytes(),
        headers={**AUTH, "Content-Type": "text/html; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["document"]["title"] == page["title"]
    refused = client.post(
        "/documents?outlet=Wire%20Desk",
        content=(PAGES / page["file"]).read_bytes(),
        headers={**AUTH, "Content-Type": "text/html; charset=utf-8"},
    )
    assert refused.status_code == 400  # metadata comes from the page, not undeclared parameters
    assert "outlet" in refused.json()["detail"]


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        ({"html": "<html><body><nav>Home</nav></body></html>"}, "unreadable-html"),
        ({"text": "Words", "html": "<p>Words</p>"}, "text-or-html"),
        ({"url": "https://example.com/a"}, "text-or-html"),
    ],
)
def test_a_bad_html_body_is_a_422_problem(client, body, slug):
    response = client.post("/documents", json=body, headers=AUTH)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"].endswith(slug)


def _ingest_ninjs(client) -> tuple[dict, dict]:
    item = json.loads((INPUTS / "item-3x.json").read_text("utf-8"))
    from provenance.ingestion.ninjs import ninjs_document

    raw = ninjs_document(item)
    body = {
        "text": raw.text,
        "url": raw.url,
        "outlet": raw.outlet,
        "published": raw.published,
        "language": raw.language,
    }
    response = client.post("/documents", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    return item, response.json()["document"]


@pytest.mark.parametrize("ask", [{"params": {"format": "ninjs"}}, {"headers": {"Accept": NINJS}}])
def test_a_ninjs_item_read_back_as_ninjs_round_trips_its_metadata(client, ask):
    item, document = _ingest_ninjs(client)
    response = client.get(f"/documents/{document['id']}", **ask)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(NINJS)
    back = response.json()
    for key in ("uri", "headlines", "bylines", "copyrightholder", "language"):
        assert back[key] == item[key], key
    assert back["firstcreated"] == item["firstcreated"][:10]
    assert back["located"].casefold() == item["located"].casefold()
    assert back["bodies"][0]["value"].startswith("Resident doctors in public hospitals")


def test_ninjs_infosources_list_every_statement_chain(client):
    _, document = _ingest_ninjs(client)
    back = client.get(f"/documents/{document['id']}?format=ninjs").json()
    statements = client.get(f"/documents/{document['id']}/statements?limit=500").json()["items"]
    assert len(back["infosources"]) == len(statements) > 5
    for source, statement in zip(back["infosources"], statements, strict=True):
        speaker = statement["chain"]["speaker"]
        assert source["name"].startswith(speaker["name"] if speaker else "unknown speaker")
        assert source["uri"] == f"/statements/{statement['id']}"


def test_json_stays_the_default(client):
    _, document = _ingest_ninjs(client)
    response = client.get(f"/documents/{document['id']}")
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["id"] == document["id"]


def test_a_ninjs_item_ingested_in_bulk_keeps_its_language_as_ninjs(client):
    item = json.loads((INPUTS / "item-2x.json").read_text("utf-8"))
    item["language"] = "EN_gb"  # read as the BCP 47 tag it means, written in its usual case
    line = json.dumps({"ninjs": item}).encode()
    headers = {**AUTH, "Content-Type": "application/x-ndjson"}
    result = client.post("/documents:bulk", content=line, headers=headers).json()
    document = client.get(f"/documents/{result['document_id']}").json()
    assert document["language"] == "en-GB"
    back = client.get(f"/documents/{result['document_id']}?format=ninjs").json()
    assert back["language"] == "en-GB"
    item["language"] = "english"
    refused = client.post("/documents:bulk", content=json.dumps({"ninjs": item}), headers=headers)
    assert "language 'english' is not a BCP 47 tag" in refused.json()["detail"]


def test_the_language_given_or_declared_is_stored_and_returned(client):
    text = {"text": 'Budget passes\n\n"A good day," said Mayor Ana Ruiz.', "language": "es-419"}
    stored = client.post("/documents", json=text, headers=AUTH).json()["document"]
    assert stored["language"] == "es-419"
    assert client.get(f"/documents/{stored['id']}").json()["language"] == "es-419"
    listed = client.get("/documents").json()["items"]
    assert [d["language"] for d in listed] == ["es-419"]
    page = {"html": (PAGES / METADATA[2]["file"]).read_text("utf-8")}
    from_page = client.post("/documents", json=page, headers=AUTH).json()["document"]
    assert from_page["language"] == METADATA[2]["language"]


@pytest.mark.parametrize("language", ["english", "en--GB", "", "e", "x" * 70])
def test_a_language_that_is_not_a_bcp47_tag_is_a_422_problem(client, language):
    body = {"text": "Budget passes", "language": language}
    response = client.post("/documents", json=body, headers=AUTH)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "language" in response.text


def test_the_openapi_document_declares_the_html_body_and_its_example_is_ingested(client):
    operation = client.get("/schema/openapi.json").json()["paths"]["/documents"]["post"]
    declared = operation["requestBody"]["content"]
    assert set(declared) == {"application/json", "text/html"}
    page = declared["text/html"]["examples"]["page"]["value"]
    headers = {**AUTH, "Content-Type": "text/html"}
    response = client.post("/documents", content=page.encode(), headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["document"]["statement_count"] == 1


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/html; charset=no-such-charset", b"<html><p>Words</p></html>", 400),
        ("text/html; charset=utf-8", b"<html><p>caf\xe9</p></html>", 400),
        ("text/html", b"\xff\xfe<\x00h\x00", 422),
    ],
)
def test_an_undecodable_html_body_is_a_4xx_problem(client, content_type, body, status):
    headers = {**AUTH, "Content-Type": content_type}
    response = client.post("/documents", content=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_html_body_without_a_charset_is_read_in_the_one_the_page_declares(client):
    sentence = "The café owners’ council approved the harbour budget on Monday night. "
    page = (
        '<html><head><meta charset="windows-1252"><title>Budget</title></head>'
        f"<body><article><p>{sentence * 3}</p></article></body></html>"
    )
    headers = {**AUTH, "Content-Type": "text/html"}
    response = client.post("/documents", content=page.encode("cp1252"), headers=headers)
    assert response.status_code == 201, response.text
    assert "café owners’ council" in response.json()["document"]["body"]
