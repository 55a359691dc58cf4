"""What the OpenAPI document promises generated clients, and the docs paths around it."""

import json
import re

import pytest
from litestar.testing import TestClient
from msgspec.structs import replace

from provenance.api.openapi import ENUMS, PROBLEM_MEDIA_TYPE
from provenance.app import create_app
from provenance.service import ProvenanceService
from tests.conftest import AUTH, ROOT, SEEDS

DOCUMENT = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
SCHEMAS = DOCUMENT["components"]["schemas"]
OPERATIONS = [
    (f"{method.upper()} {path}", operation)
    for path, item in DOCUMENT["paths"].items()
    for method, operation in item.items()
]
WRITES = {
    "POST /documents",
    "POST /documents/{document_id}/reextract",
    "POST /documents:bulk",
}


def refs(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if "$ref" in node else set()
        return found.union(*(refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(refs(value) for value in node))
    return set()


def test_component_names_are_plain_words():
    for name in SCHEMAS:
        assert re.fullmatch(r"[A-Z][A-Za-z]+", name), name
    assert {"StatementPage", "SpeakerPage", "ClusterPage", "ProblemError"} <= set(SCHEMAS)


def test_every_reference_resolves():
    for ref in refs(DOCUMENT):
        _, _, kind, name = ref.split("/")
        assert name in DOCUMENT["components"][kind], ref


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_each_vocabulary_is_one_named_component(name):
    assert SCHEMAS[name]["enum"] == list(ENUMS[name])
    inline = [
        node
        for node in _nodes(DOCUMENT)
        if isinstance(node.get("enum"), list)
        and {v for v in node["enum"] if v is not None} == set(ENUMS[name])
    ]
    assert inline == [SCHEMAS[name]], f"{name} is repeated inline"


def test_kind_filters_share_the_components():
    statements = _parameter("GET /statements", "kind")
    assert {"$ref": "#/components/schemas/StatementKind"} in statements["schema"]["oneOf"]
    disagreements = _parameter("GET /disagreements", "kind")
    assert {"$ref": "#/components/schemas/DisagreementKind"} in disagreements["schema"]["oneOf"]


def test_writes_need_the_api_key_scheme_and_reads_do_not():
    scheme = DOCUMENT["components"]["securitySchemes"]["ApiKey"]
    assert scheme == {**scheme, "type": "apiKey", "in": "header", "name": "X-API-Key"}
    for label, operation in OPERATIONS:
        if label in WRITES:
            assert operation["security"] == [{"ApiKey": ["write"]}], label
            assert "401" in operation["responses"], label
        else:
            assert "security" not in operation, label


def test_problem_errors_are_typed():
    errors = SCHEMAS["Problem"]["properties"]["errors"]
    assert {"items": {"$ref": "#/components/schemas/ProblemError"}, "type": "array"} in errors[
        "oneOf"
    ]
    assert SCHEMAS["ProblemError"]["required"] == ["message"]


def test_only_operations_with_a_body_declare_a_malformed_body():
    for label, operation in OPERATIONS:
        bad_request = operation["responses"].get("400", {}).get("description", "")
        if "requestBody" in operation:
            assert "body" in bad_request, label
        else:
            assert "body" not in bad_request, label
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == [PROBLEM_MEDIA_TYPE], (label, status)


def test_bodies_forbid_unknown_fields_and_reextract_may_be_empty():
    assert SCHEMAS["DocumentIn"]["additionalProperties"] is False
    assert SCHEMAS["ReextractIn"]["additionalProperties"] is False
    reextract = dict(OPERATIONS)["POST /documents/{document_id}/reextract"]
    assert reextract["requestBody"]["required"] is False
    ingest = dict(OPERATIONS)["POST /documents"]
    assert ingest["requestBody"]["required"] is True


def test_extractor_names_are_the_installed_ones(client):
    installed = sorted(e["name"] for e in client.get("/extractors").json())
    assert SCHEMAS["ExtractorName"]["enum"] == installed


def test_the_trace_query_declares_its_letters():
    q = _parameter("GET /trace", "q")["schema"]
    pattern = re.compile(q["pattern"])
    assert pattern.match("ferries will run")
    for too_short in ("?!.,", "the x", "a b c", "ab\x00cd"):
        assert not pattern.match(too_short), too_short


def test_prov_and_pictures_declare_what_they_serve():
    for label, operation in OPERATIONS:
        content = operation["responses"]["200"].get("content", {})
        if label.endswith("/prov"):
            assert set(content) == {"application/prov+json", "application/json", "text/turtle"}
            assert content["application/json"]["schema"] == {"type": "object"}
            assert content["text/turtle"]["schema"] == {"type": "string"}
        if label.endswith(".svg"):
            assert set(content) == {"image/svg+xml"}


def test_a_statement_prov_is_served_as_each_declared_type(client, statement_id):
    path = f"/statements/{statement_id}/prov"
    for media_type in ("application/prov+json", "application/json", "text/turtle"):
        response = client.get(path, headers={"Accept": media_type})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media_type)


def test_optional_filters_carry_no_parameter_examples_to_prefill():
    for label, operation in OPERATIONS:
        for parameter in operation.get("parameters", []):
            if not parameter["required"]:
                assert "examples" not in parameter, (label, parameter["name"])
    speaker = _parameter("GET /statements", "speaker")
    assert speaker["schema"]["examples"] == ["Mammadov"]
    assert "Example: `Mammadov`" in speaker["description"]


def test_the_document_says_reads_need_a_key_when_they_do(settings, plugins):
    locked = replace(settings, read_requires_key=True)
    with TestClient(create_app(locked, ProvenanceService(locked, plugins))) as client:
        served = client.get("/schema/openapi.json").json()
    for path, item in served["paths"].items():
        for method, operation in item.items():
            if path == "/health":
                assert "security" not in operation
            else:
                wanted = "write" if method == "post" else "read"
                assert operation["security"] == [{"ApiKey": [wanted]}], (method, path)
                assert "401" in operation["responses"], (method, path)


def test_unknown_docs_paths_answer_problems(client):
    for path in ("/schema/nope", "/schema/redoc/more", "/schema/assets/nope.js"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE), path
        assert response.json()["status"] == 404


def test_both_renderers_are_served_from_this_app(client):
    for path, script in (
        ("/schema", "swagger-ui-bundle.js"),
        ("/schema/redoc", "redoc.standalone"),
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert script in page.text
        assert not re.search(r"""(src|href)=["']https?:""", page.text), path
        assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/schema/assets/redoc.standalone.js").status_code == 200
    assert client.get("/schema/assets/docs.js").status_code == 200


@pytest.fixture
def statement_id(client: TestClient) -> int:
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    document = client.post("/documents", json={"text": text}, headers=AUTH).json()["document"]
    return client.get(f"/documents/{document['id']}/statements").json()["items"][0]["id"]


def _parameter(label: str, name: str) -> dict:
    operation = dict(OPERATIONS)[label]
    return next(p for p in operation["parameters"] if p["name"] == name)


def _nodes(node: object):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


RATE_LIMITED = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")


def test_the_headers_the_server_sets_are_declared(client):
    """Every header a client may read is in the document, and the server sends it."""
    ok = dict(OPERATIONS)["GET /documents"]["responses"]["200"]["headers"]
    assert {"ETag", "Link"} <= set(ok)
    assert "Location" in dict(OPERATIONS)["POST /documents"]["responses"]["201"]["headers"]
    for label, operation in OPERATIONS:
        for status, header in (("401", "WWW-Authenticate"), ("429", "Retry-After")):
            if status in operation["responses"]:
                assert header in operation["responses"][status]["headers"], (label, status)
        for status, response in operation["responses"].items():
            assert set(RATE_LIMITED) <= set(response["headers"]), (label, status)
    for n in range(2):
        client.post("/documents", json={"text": f"Story {n}.\n\nIt said {n} things."}, headers=AUTH)
    first = client.get("/documents", params={"limit": 1})
    assert first.headers["etag"] and 'rel="next"' in first.headers["link"]
    refused = client.post("/documents", json={"text": "A story."}, headers={"X-API-Key": "nope"})
    assert refused.headers["www-authenticate"]
