"""Every path and query parameter, and every body string, at its bounds, on both databases.

Just inside a bound the request reaches the database and is answered (200, or 404 for an id
nobody has); just outside it is refused with a 422 problem before any work, never a 500:
PostgreSQL's INTEGER ends at 2**31 - 1, it cannot store a NUL byte, and a 50 KB filter must
not reach ``LIKE``.
"""

import json
from urllib.parse import parse_qsl

import pytest

from provenance.api.limits import (
    MAX_DOCUMENT_ID_CHARS,
    MAX_INT,
    MAX_NAME_CHARS,
    MAX_TRACE_CHARS,
    MAX_WORDS_CHARS,
    MIN_TRACE_CHARS,
)
from provenance.domain.api import NO_NUL, TRACEABLE
from tests.conftest import AUTH, ROOT

PROBLEM = "application/problem+json"
STORY = 'Budget row\n\n"We will not cut the libraries," said Mayor Ana Ruiz.\n'
BEYOND_64_BITS = 2**63  # /documents?offset=9223372036854775808 was a 500

ID_PATHS = (
    "/statements/{}",
    "/statements/{}/appearances",
    "/statements/{}/prov",
    "/statements/{}/chain.svg",
    "/speakers/{}",
    "/speakers/{}/statements",
    "/sources/{}",
    "/clusters/{}",
    "/clusters/{}/appearances",
    "/clusters/{}/prov",
    "/clusters/{}/chain.svg",
)

# (path, parameter, lowest accepted, highest accepted)
INTEGER_QUERIES = (
    ("/documents", "offset", 0, MAX_INT),
    ("/documents", "limit", 1, 500),
    ("/statements", "offset", 0, MAX_INT),
    ("/statements", "limit", 1, 500),
    ("/speakers", "offset", 0, MAX_INT),
    ("/speakers", "limit", 1, 500),
    ("/sources", "offset", 0, MAX_INT),
    ("/sources", "limit", 1, 500),
    ("/disagreements", "offset", 0, MAX_INT),
    ("/disagreements", "limit", 1, 500),
    ("/graph", "offset", 0, MAX_INT),
    ("/graph", "limit", 1, 500),
    ("/graph", "min_weight", 1, MAX_INT),
    ("/trace?q=libraries", "offset", 0, MAX_INT),
    ("/trace?q=libraries", "limit", 1, 50),
    ("/trace/prov?q=libraries", "offset", 0, MAX_INT),
    ("/trace/prov?q=libraries", "limit", 1, 50),
    ("/documents/{document}/statements", "offset", 0, MAX_INT),
    ("/documents/{document}/statements", "limit", 1, 500),
    ("/speakers/{speaker}/statements", "offset", 0, MAX_INT),
    ("/speakers/{speaker}/statements", "limit", 1, 500),
    ("/clusters/{cluster}/appearances", "offset", 0, MAX_INT),
    ("/clusters/{cluster}/appearances", "limit", 1, 500),
)

# (path, parameter, shortest accepted, longest accepted)
STRING_QUERIES = (
    ("/documents", "outlet", 0, MAX_NAME_CHARS),
    ("/statements", "speaker", 0, MAX_NAME_CHARS),
    ("/statements", "via", 0, MAX_NAME_CHARS),
    ("/statements", "q", 0, MAX_WORDS_CHARS),
    ("/statements", "document", 0, MAX_DOCUMENT_ID_CHARS),
    ("/speakers", "q", 0, MAX_NAME_CHARS),
    ("/sources", "q", 0, MAX_NAME_CHARS),
    ("/trace", "q", MIN_TRACE_CHARS, MAX_TRACE_CHARS),
    ("/trace/prov", "q", MIN_TRACE_CHARS, MAX_TRACE_CHARS),
)

DOCUMENT_PATHS = (
    "/documents/{}",
    "/documents/{}/statements",
    "/documents/{}/extractions",
)


@pytest.fixture
def ids(client):
    """A stored document, and the ids of its first statement, speaker and quote cluster."""
    created = client.post("/documents", json={"text": STORY}, headers=AUTH)
    assert created.status_code == 201, created.text
    statement = client.get("/statements").json()["items"][0]
    cluster = client.get(f"/statements/{statement['id']}/appearances").json()
    return {
        "document": created.json()["document"]["id"],
        "speaker": statement["chain"]["speaker"]["id"],
        "cluster": cluster["id"],
    }


def words(length: int) -> str:
    """Letters and spaces, ``length`` characters long: a query that matches nothing."""
    return ("zqxw " * (length // 5 + 1))[:length].rstrip().ljust(length, "z")


def refused(response, case: str) -> None:
    assert response.status_code == 422, f"{case}: {response.status_code} {response.text[:200]}"
    assert response.headers["content-type"].startswith(PROBLEM), case
    body = response.json()
    assert body["status"] == 422, case
    assert body["type"].endswith("/invalid-request"), case
    assert body["errors"], case
    assert len(body["detail"]) <= 300, case


def answered(response, case: str, *statuses: int) -> None:
    assert response.status_code in statuses, f"{case}: {response.status_code} {response.text[:200]}"


def test_ids_are_bounded_by_the_narrowest_integer_column(client):
    for template in ID_PATHS:
        for inside in (1, MAX_INT):
            path = template.format(inside)
            response = client.get(path)
            answered(response, path, 404)
            assert response.headers["content-type"].startswith(PROBLEM), path
        for outside in (0, -1, MAX_INT + 1, BEYOND_64_BITS, 10**30):
            path = template.format(outside)
            refused(client.get(path), path)


def test_integer_query_parameters_at_their_bounds(client, ids):
    for template, name, low, high in INTEGER_QUERIES:
        path, _, query = template.format(**ids).partition("?")
        fixed = dict(parse_qsl(query))
        for inside in (low, high):
            case = f"{template} {name}={inside}"
            answered(client.get(path, params={**fixed, name: inside}), case, 200)
        for outside in (low - 1, high + 1, BEYOND_64_BITS, -BEYOND_64_BITS - 1):
            case = f"{template} {name}={outside}"
            refused(client.get(path, params={**fixed, name: outside}), case)


def test_string_query_parameters_at_their_lengths(client, ids):
    for path, name, shortest, longest in STRING_QUERIES:
        for inside in {max(shortest, 1), longest}:
            case = f"{path} {name} of {inside} characters"
            answered(client.get(path, params={name: words(inside)}), case, 200)
        outside = [longest + 1, 50_000]
        if shortest > 1:
            outside.append(shortest - 1)
        for length in outside:
            case = f"{path} {name} of {length} characters"
            refused(client.get(path, params={name: words(length)}), case)
        case = f"{path} {name} with a NUL byte"
        response = client.get(path, params={name: "libr\x00aries"})
        refused(response, case)
        detail = response.json()["detail"]
        assert f"{name}: Expected `str`" in detail and "without a NUL byte" in detail, case


def test_numbers_in_name_filters_are_ids_only_within_the_integer_column(client, ids):
    speaker = ids["speaker"]
    for name in ("speaker", "via"):
        for value in (str(MAX_INT), str(MAX_INT + 1), str(BEYOND_64_BITS), "9" * 150, "\u00b2"):
            response = client.get("/statements", params={name: value})
            answered(response, f"{name}={value[:20]}", 200)
            assert response.json()["total"] == 0, f"{name}={value[:20]}"
    by_id = client.get("/statements", params={"speaker": str(speaker)}).json()
    assert by_id["total"] == 1


def test_the_trace_query_letters_are_declared_and_checked(client):
    # 4 characters pass the declared minimum length; the declared pattern wants 4 letters.
    for query in ("?!.,", "the x"):
        response = client.get("/trace", params={"q": query})
        assert response.status_code == 422, query
        assert (
            'q: Expected `str` with 4 letters or digits (a leading "the"'
            in response.json()["detail"]
        ), query


def test_document_ids_in_paths_are_bounded(client, ids):
    for template in DOCUMENT_PATHS:
        answered(client.get(template.format(ids["document"])), template, 200)
        longest = "f" * MAX_DOCUMENT_ID_CHARS
        answered(client.get(template.format(longest)), f"{template} longest", 404)
        refused(client.get(template.format("f" * (MAX_DOCUMENT_ID_CHARS + 1))), template)
        refused(client.get(template.format("dead%00beef")), f"{template} with NUL")
    reextract = f"/documents/{'f' * (MAX_DOCUMENT_ID_CHARS + 1)}/reextract"
    refused(client.post(reextract, headers=AUTH), reextract)


# (field, longest accepted, a valid value)
BODY_STRINGS = (
    ("url", 2048, "https://example.org/"),
    ("outlet", 200, "Example News"),
    ("published", 64, "2024-03-12"),
)


def test_body_strings_refuse_nul_and_overlong_values(client, ids):
    for field, longest, value in BODY_STRINGS:
        text = f'Story {field}\n\n"We keep the {field}," said Mayor Ana Ruiz.\n'
        inside = client.post(
            "/documents", json={"text": text, field: value.ljust(longest, "x")}, headers=AUTH
        )
        answered(inside, f"{field} of {longest}", 201)
        over = client.post(
            "/documents",
            json={"text": text + " ", field: value.ljust(longest + 1, "x")},
            headers=AUTH,
        )
        refused(over, f"{field} of {longest + 1}")
        nul = client.post("/documents", json={"text": text, field: value + "\x00"}, headers=AUTH)
        refused(nul, f"{field} with NUL")
    refused(
        client.post("/documents", json={"text": "Title\n\nA NUL\x00 here."}, headers=AUTH),
        "text with NUL",
    )
    refused(
        client.post("/documents", json={"text": STORY, "extractor": "x\x00"}, headers=AUTH),
        "extractor with NUL",
    )
    refused(
        client.post(
            f"/documents/{ids['document']}/reextract", json={"extractor": "x\x00"}, headers=AUTH
        ),
        "reextract extractor with NUL",
    )
    assert client.get("/documents").json()["total"] == 1 + len(BODY_STRINGS)


def types_of(schema: dict) -> set[str]:
    found = set()
    for option in [schema, *schema.get("oneOf", []), *schema.get("anyOf", [])]:
        kind = option.get("type")
        found |= set(kind) if isinstance(kind, list) else {kind}
        if "enum" in option or "const" in option:
            found.add("enum")
    return found


def test_the_openapi_document_declares_every_bound():
    schema = json.loads((ROOT / "openapi.json").read_text())
    checked = 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if operation.get("parameters"):
                assert "422" in operation["responses"], f"{method.upper()} {path} lists no 422"
            for parameter in operation.get("parameters", []):
                declared = parameter["schema"]
                kinds = types_of(declared)
                where = f"{method.upper()} {path} {parameter['name']}"
                if "integer" in kinds:
                    assert "minimum" in declared and "maximum" in declared, where
                    assert declared["maximum"] <= MAX_INT, where
                    checked += 1
                elif "string" in kinds and "enum" not in kinds:
                    if declared.get("format") == "date" or any(
                        option.get("format") == "date" for option in declared.get("oneOf", [])
                    ):
                        continue
                    assert "maxLength" in declared, where
                    assert declared.get("pattern") in (NO_NUL, TRACEABLE), where
                    checked += 1
    assert checked > 40
    trace_q = next(p for p in schema["paths"]["/trace"]["get"]["parameters"] if p["name"] == "q")
    assert trace_q["schema"]["minLength"] == MIN_TRACE_CHARS


def test_json_nested_past_the_decoder_depth_is_a_400_problem(client, ids):
    nested = "[" * 10_000 + "]" * 10_000
    for path, body in (
        ("/documents", f'{{"text": "Title\\n\\nBody.", "url": {nested}}}'),
        (f"/documents/{ids['document']}/reextract", f'{{"extractor": {nested}}}'),
    ):
        response = client.post(
            path, content=body, headers={**AUTH, "Content-Type": "application/json"}
        )
        assert response.status_code == 400, path
        assert response.headers["content-type"].startswith(PROBLEM), path
        assert response.json()["type"].endswith("/malformed-request"), path
    assert client.get("/documents").json()["total"] == 1


def test_a_punctuation_only_name_query_matches_no_one(client, ids):
    for path in ("/speakers", "/sources"):
        assert client.get(path).json()["total"] >= (path == "/speakers"), path
        for q in ("!!!", "...", "  -  "):
            response = client.get(path, params={"q": q})
            answered(response, f"{path} q={q!r}", 200)
            assert response.json()["total"] == 0, f"{path} q={q!r}"
