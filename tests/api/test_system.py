"""Health, extractors, the OpenAPI document and the docs page."""

import json
import re

from tests.conftest import ROOT


def test_health_counts_documents(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["documents"] == 0


def test_extractors_lists_the_bundled_plugins_with_versions(client):
    extractors = {e["name"]: e for e in client.get("/extractors").json()}
    assert {"generic", "wordpress", "wire", "explainer"} <= set(extractors)
    generic = extractors["generic"]
    assert generic["distribution"] == "provenance-generic"
    assert generic["version"]
    assert "register_extractors" in generic["hooks"]


def test_served_openapi_equals_the_committed_file(client):
    served = client.get("/schema/openapi.json").json()
    committed = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed


def test_every_operation_is_documented(client):
    schema = client.get("/schema/openapi.json").json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert operation.get("operationId"), (method, path)
            assert operation.get("description") or operation.get("summary"), (method, path)


def test_docs_page_uses_local_assets_only(client):
    page = client.get("/schema")
    assert page.status_code == 200
    assert "swagger-ui-bundle.js" in page.text
    assert not re.search(r"""(src|href)=["']https?:""", page.text)
    assert client.get("/schema/assets/swagger-ui-bundle.js").status_code == 200


def test_reads_can_require_a_key(settings, plugins):
    from litestar.testing import TestClient
    from msgspec.structs import replace

    from provenance.app import create_app
    from provenance.service import ProvenanceService
    from tests.conftest import AUTH

    locked = replace(settings, read_requires_key=True)
    with TestClient(create_app(locked, ProvenanceService(locked, plugins))) as client:
        assert client.get("/documents").status_code == 401
        assert client.get("/documents", headers=AUTH).status_code == 200
        assert client.get("/health").status_code == 200
        assert client.get("/schema/openapi.json").status_code == 200


def test_every_operation_has_an_example(client):
    schema = client.get("/schema/openapi.json").json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            success = [r for code, r in operation["responses"].items() if code.startswith("2")]
            examples = [
                example
                for response in success
                for content in response.get("content", {}).values()
                for example in content.get("examples", {}).values()
            ]
            assert examples, (method, path)


def test_examples_are_valid_values_of_their_types():
    import msgspec

    from provenance.api import openapi as ex
    from provenance.domain import Document, ExtractorInfo, Health, Page, Source, Speaker, Statement

    for value, kind in (
        (ex.DOCUMENT, Document),
        (ex.STATEMENT, Statement),
        (ex.SPEAKER, Speaker),
        (ex.SOURCE, Source),
        (ex.EXTRACTOR, ExtractorInfo),
        (ex.HEALTH, Health),
        (ex.page_of(ex.STATEMENT), Page[Statement]),
    ):
        msgspec.convert(value, kind, strict=False)
