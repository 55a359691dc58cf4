"""HTTP as clients expect, on every read the app serves (found from its OpenAPI document, so
a new endpoint is covered without touching this file): HEAD, strong ETags and 304, gzip and
Vary; Location on 201; 415 for a body that is not JSON; 400 naming an unknown parameter;
CORS only when configured."""

import gzip
import re
from http.client import HTTPConnection
from xml.etree import ElementTree

import msgspec
import pytest
from litestar.testing import TestClient

from provenance.api import http
from provenance.app import create_app
from provenance.service import ProvenanceService
from provenance.settings import Settings
from tests.browser.test_cors import serve_api
from tests.conftest import AUTH
from tests.factories import statement, store

PROBLEM = "application/problem+json"
IDENTITY = {"Accept-Encoding": "identity"}
QUOTE = "We will not cut the libraries this year,"
STORY_A = (
    "Council approves\x01 budget\n\nSPRINGFIELD - "
    f'"{QUOTE}" said Mayor Ana Ruiz on Tuesday, as the council met.\n'
)
STORY_B = f'Libraries saved\n\n"{QUOTE}" Mayor Ana Ruiz told the Daily Planet on Tuesday.\n'
RELAYED = "Strike goes on\n\nThe union said that the strike would go on, Reuters reported.\n"
DOCS_ASSETS = ["/schema/openapi.json", "/schema/assets/swagger-ui-bundle.js", "/schema"]
STRONG_ETAG = re.compile(r'^"[^"]+"$')


@pytest.fixture
def stored(client, service):
    """Two ingested stories sharing a quote (so a cluster), one relayed through Reuters."""
    for text in (STORY_A, STORY_B):
        response = client.post("/documents", json={"text": text, "outlet": "Daily"}, headers=AUTH)
        assert response.status_code == 201
    relayed = [statement(RELAYED, "the strike would go on", "the union", via=("Reuters",))]
    store(service.engine, RELAYED, relayed, published="2024-03-12")
    cluster = client.get("/trace", params={"q": QUOTE}).json()["items"][0]
    return {
        "document_id": cluster["appearances"][0]["document"]["id"],
        "statement_id": cluster["appearances"][0]["statement"]["id"],
        "speaker_id": client.get("/speakers").json()["items"][0]["id"],
        "source_id": client.get("/sources").json()["items"][0]["id"],
        "cluster_id": cluster["id"],
        "q": QUOTE,
    }


def read_urls(client: TestClient, values: dict) -> list[str]:
    """Every GET operation in the served OpenAPI document, its path and required query
    parameters filled from ``values``, and the docs assets."""
    urls = []
    for path, operations in client.get("/schema/openapi.json").json()["paths"].items():
        if "get" not in operations:
            continue
        url = re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), path)
        required = [
            p["name"]
            for p in operations["get"].get("parameters", [])
            if p["in"] == "query" and p.get("required")
        ]
        query = "&".join(f"{name}={values[name]}" for name in required)
        urls.append(f"{url}?{query}" if query else url)
    return urls + DOCS_ASSETS


@pytest.fixture
def urls(client, stored) -> list[str]:
    found = read_urls(client, stored)
    for url in found:
        assert client.get(url).status_code == 200, url
    return found


def test_head_answers_every_get_with_the_same_headers_and_no_body(client, urls):
    for url in urls:
        got = client.get(url, headers=IDENTITY)
        head = client.head(url, headers=IDENTITY)
        assert head.status_code == 200, url
        assert head.content == b"", url
        for name in ("content-type", "content-length", "etag", "vary"):
            assert head.headers.get(name) == got.headers.get(name), (url, name)
        assert int(head.headers["content-length"]) == len(got.content), url


def test_every_read_has_a_strong_etag_and_answers_304_when_it_matches(client, urls):
    for url in urls:
        first = client.get(url, headers=IDENTITY)
        tag = first.headers["etag"]
        assert STRONG_ETAG.match(tag), (url, tag)
        assert client.get(url, headers=IDENTITY).headers["etag"] == tag, url
        cached = client.get(url, headers={**IDENTITY, "If-None-Match": f'"other", {tag}'})
        assert cached.status_code == 304, url
        assert cached.content == b"", url
        assert cached.headers["etag"] == tag, url
        stale = client.get(url, headers={**IDENTITY, "If-None-Match": '"not-this-one"'})
        assert stale.status_code == 200, url
        assert stale.content == first.content, url


def test_the_etag_changes_when_the_answer_does(client, stored):
    before = client.get("/documents", headers=IDENTITY).headers["etag"]
    posted = client.post("/documents", json={"text": "A new story\n\nNothing said."}, headers=AUTH)
    assert posted.status_code == 201
    after = client.get("/documents", headers={**IDENTITY, "If-None-Match": before})
    assert after.status_code == 200
    assert after.headers["etag"] != before


def test_every_read_is_gzipped_when_asked_with_its_own_strong_etag(client, urls, monkeypatch):
    monkeypatch.setattr(http, "MIN_GZIP_BYTES", 1)
    for url in urls:
        plain = client.get(url, headers=IDENTITY)
        zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert zipped.headers["content-encoding"] == "gzip", url
        assert "accept-encoding" in zipped.headers["vary"].lower(), url
        assert "accept-encoding" in plain.headers["vary"].lower(), url
        assert "content-encoding" not in plain.headers, url
        assert zipped.content == plain.content, url  # httpx decodes the gzip
        tag = zipped.headers["etag"]
        assert STRONG_ETAG.match(tag) and tag != plain.headers["etag"], url
        again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": tag})
        assert again.status_code == 304, url
        # the identity representation's tag does not validate the gzip one
        mixed = client.get(url, headers={**IDENTITY, "If-None-Match": tag})
        assert mixed.status_code == 200, url


def raw_gzip(client: TestClient, url: str) -> bytes:
    with client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.headers["content-encoding"] == "gzip"
        return b"".join(response.iter_raw())


def test_gzip_bytes_are_the_same_every_time(client, stored):
    """A strong ETag promises the same bytes: gzip must not stamp the time into them."""
    first, second = raw_gzip(client, "/documents"), raw_gzip(client, "/documents")
    assert first == second
    assert first[4:8] == b"\0\0\0\0"  # the gzip header's MTIME field
    assert gzip.decompress(first) == client.get("/documents", headers=IDENTITY).content


def test_gzip_is_refused_by_q_zero_and_skipped_for_small_bodies(client, stored):
    refused = client.get("/documents", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in refused.headers
    small = client.get("/health", headers={"Accept-Encoding": "gzip"})
    assert len(small.content) < http.MIN_GZIP_BYTES
    assert "content-encoding" not in small.headers


@pytest.mark.parametrize(
    ("accept_encoding", "gzipped"),
    [
        ("gzip", True),
        ("br, gzip;q=0.5", True),
        ("deflate, *;q=0.1", True),
        ("x-gzip", True),
        ("gzip;q=0", False),
        ("gzip;q=0, *", False),
        ("*;q=0", False),
        ("identity", False),
        ("", False),
    ],
)
def test_gzip_only_when_accept_encoding_allows_it(client, stored, accept_encoding, gzipped):
    response = client.get("/documents", headers={"Accept-Encoding": accept_encoding})
    assert (response.headers.get("content-encoding") == "gzip") is gzipped


def test_if_none_match_in_repeated_header_lines_still_matches(client, stored):
    tag = client.get("/documents", headers=IDENTITY).headers["etag"]
    lines = [("Accept-Encoding", "identity"), ("If-None-Match", '"a"'), ("If-None-Match", tag)]
    assert client.get("/documents", headers=lines).status_code == 304
    for matching in ("*", f"W/{tag}"):
        headers = {**IDENTITY, "If-None-Match": matching}
        assert client.get("/documents", headers=headers).status_code == 304


def test_negotiated_answers_vary_on_accept_and_are_gzipped_too(client, urls, monkeypatch):
    monkeypatch.setattr(http, "MIN_GZIP_BYTES", 1)
    negotiated = []
    for url in urls:
        turtle = client.get(url, headers={"Accept": "text/turtle", "Accept-Encoding": "gzip"})
        json = client.get(url, headers={"Accept": "application/json"})
        if turtle.headers["content-type"] != json.headers["content-type"]:
            negotiated.append(url)
            for response in (turtle, json):
                vary = [v.strip().lower() for v in response.headers["vary"].split(",")]
                assert {"accept", "accept-encoding"} <= set(vary), url
            assert turtle.headers["content-encoding"] == "gzip", url
            assert turtle.headers["etag"] != json.headers["etag"], url
    assert any(url.endswith("/prov") for url in negotiated)


def test_201_carries_the_location_of_the_new_document(client):
    created = client.post("/documents", json={"text": STORY_B}, headers=AUTH)
    assert created.status_code == 201
    location = created.headers["location"]
    assert location.endswith(f"/documents/{created.json()['document']['id']}")
    assert client.get(location).json() == created.json()["document"]
    again = client.post("/documents", json={"text": STORY_B}, headers=AUTH)
    assert again.status_code == 200
    assert "location" not in again.headers


def test_only_ingest_answers_201():
    """So that the Location test above covers every 201 there is."""
    spec = create_app(Settings()).openapi_schema.to_schema()
    created = {
        operation["operationId"]
        for operations in spec["paths"].values()
        for operation in operations.values()
        if "201" in operation["responses"]
    }
    assert created == {"IngestDocument"}


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_is_415(client, stored, content_type):
    before = client.get("/documents").json()["total"]
    body = '{"text": "Headline\\n\\nBody text."}'
    headers = {**AUTH, "Content-Type": content_type}
    for path in ("/documents", f"/documents/{stored['document_id']}/reextract"):
        response = client.post(path, content=body, headers=headers)
        assert response.status_code == 415, path
        assert response.headers["content-type"].startswith(PROBLEM)
        assert content_type in response.json()["detail"]
        assert response.headers["accept"] == "application/json"
    assert client.get("/documents").json()["total"] == before
    charset = {**AUTH, "Content-Type": "application/json; charset=utf-8"}
    assert client.post("/documents", content=body, headers=charset).status_code == 201


def test_every_operation_with_a_body_declares_415_and_every_operation_400():
    spec = create_app(Settings()).openapi_schema.to_schema()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert "400" in operation["responses"], (method, path)
            if "requestBody" in operation:
                assert "415" in operation["responses"], (method, path)


def test_unknown_query_parameters_are_refused_by_name_everywhere(client, urls):
    for url in urls[: -len(DOCS_ASSETS)]:
        joiner = "&" if "?" in url else "?"
        response = client.get(f"{url}{joiner}limt=5&zzz=1")
        assert response.status_code == 400, url
        assert response.headers["content-type"].startswith(PROBLEM), url
        problem = response.json()
        assert problem["parameters"] == ["limt", "zzz"], url
        assert "limt" in problem["detail"] and "zzz" in problem["detail"], url
    posted = client.post("/documents?dry_run=1", json={"text": STORY_B}, headers=AUTH)
    assert posted.status_code == 400
    assert client.get("/documents").json()["total"] == 3


def test_next_links_carry_only_known_parameters(client, stored):
    page = client.get("/documents", params={"limit": 1}).json()
    assert client.get(page["next"]).status_code == 200


def test_405_and_options_offer_head_beside_get(client):
    for response in (client.delete("/documents"), client.options("/statements")):
        allowed = {m.strip() for m in response.headers["allow"].split(",")}
        assert {"GET", "HEAD"} <= allowed


def test_chain_svg_stays_valid_xml_with_control_characters_in_a_title(client, stored):
    """STORY_A's title holds U+0001, which XML 1.0 cannot carry even escaped."""
    titles = [d["title"] for d in client.get("/documents").json()["items"]]
    assert any("\x01" in title for title in titles)
    for path in (
        f"/statements/{stored['statement_id']}/chain.svg",
        f"/clusters/{stored['cluster_id']}/chain.svg",
    ):
        picture = client.get(path)
        assert picture.headers["content-type"].startswith("image/svg+xml")
        root = ElementTree.fromstring(picture.content)
        texts = "".join(root.itertext())
        assert "Council approves\ufffd budget" in texts


ORIGIN = "http://newsroom.example:8080"


@pytest.fixture
def cors_client(settings: Settings, plugins):
    allowed = msgspec.structs.replace(settings, cors_origins=(ORIGIN,))
    with TestClient(create_app(allowed, ProvenanceService(allowed, plugins))) as client:
        yield client


def test_cors_is_off_by_default(client):
    assert Settings().cors_origins == ()
    read = client.get("/documents", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in read.headers
    preflight = client.options(
        "/documents", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_the_configured_origin_to_read_and_post_with_a_key(cors_client):
    preflight = cors_client.options(
        "/documents",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-api-key, content-type",
        },
    )
    assert preflight.status_code in (200, 204)
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "x-api-key" in preflight.headers["access-control-allow-headers"].lower()
    assert "POST" in preflight.headers["access-control-allow-methods"]
    posted = cors_client.post(
        "/documents", json={"text": STORY_B}, headers={**AUTH, "Origin": ORIGIN}
    )
    assert posted.status_code == 201
    assert posted.headers["access-control-allow-origin"] == ORIGIN
    exposed = {
        h.strip().lower() for h in posted.headers["access-control-expose-headers"].split(",")
    }
    assert {"etag", "location", "link", "ratelimit", "ratelimit-remaining"} <= set(exposed)
    read = cors_client.get("/documents", headers={"Origin": ORIGIN})
    assert read.headers["access-control-allow-origin"] == ORIGIN
    assert "origin" in read.headers["vary"].lower()
    other = cors_client.get("/documents", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_cors_origins_are_read_from_the_environment():
    env = {"PROVENANCE_CORS_ORIGINS": "http://a.example, https://b.example:8443"}
    assert Settings.from_env(env).cors_origins == ("http://a.example", "https://b.example:8443")
    assert Settings.from_env({"PROVENANCE_CORS_ORIGINS": "*"}).cors_origins == ("*",)


def test_a_real_server_answers_head_gzip_and_304_for_the_docs_bundle(tmp_path):
    """Over uvicorn, as `curl -I` and a browser see it: the 1.5 MB bundle is streamed from a
    file, which the buffering must not deadlock."""
    server, api = serve_api(f"sqlite:///{tmp_path}/serve.db", None)
    host, port = api.removeprefix("http://").split(":")
    bundle = "/schema/assets/swagger-ui-bundle.js"

    def ask(method: str, headers: dict) -> tuple[int, dict, bytes]:
        connection = HTTPConnection(host, int(port), timeout=30)
        connection.request(method, bundle, headers=headers)
        response = connection.getresponse()
        answer = response.status, {k.lower(): v for k, v in response.getheaders()}
        body = response.read()
        connection.close()
        return *answer, body

    try:
        status, plain, body = ask("GET", IDENTITY)
        assert status == 200 and len(body) == int(plain["content-length"]) > 1_000_000
        status, head, nothing = ask("HEAD", IDENTITY)
        assert status == 200 and nothing == b"" and head["etag"] == plain["etag"]
        assert head["content-length"] == plain["content-length"]
        status, zipped, packed = ask("GET", {"Accept-Encoding": "gzip, br"})
        assert status == 200 and zipped["content-encoding"] == "gzip"
        assert gzip.decompress(packed) == body and len(packed) < len(body) / 2
        status, _, empty = ask("GET", {"Accept-Encoding": "gzip", "If-None-Match": zipped["etag"]})
        assert status == 304 and empty == b""
    finally:
        server.terminate()
        server.wait(timeout=30)
