"""Keyset pagination: following `next` cursors gives every item once, in the offset order."""

import base64

import pytest
from sqlalchemy import func, select

from provenance.store.tables import statements
from tests.conftest import SEEDS
from tests.factories import statement, store

PROBLEM = "application/problem+json"


@pytest.fixture
def seeded(client, service):
    for path in sorted(SEEDS.glob("*.txt")):
        service.ingest_file(path)
    return client


@pytest.fixture
def service(settings, plugins):
    """The client's database, written through a service of its own."""
    from provenance.service import ProvenanceService

    service = ProvenanceService(settings, plugins)
    yield service
    service.close()


def walk(client, path: str, query: str) -> list:
    """Every item, page by page, checking each page's Link header against its `next`."""
    items, url = [], f"{path}?{query}&limit=2"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= 2
        items += body["items"]
        url = body["next"]
        if url:
            assert "cursor=" in url and "offset=" not in url
            assert response.headers["link"] == f'<{url}>; rel="next"'
        else:
            assert "link" not in response.headers
    return items


def lists(client, service) -> list[tuple[str, str]]:
    speaker = client.get("/speakers?limit=1").json()["items"][0]["id"]
    document = client.get("/documents?limit=1").json()["items"][0]["id"]
    cluster = quoted_everywhere(service)
    return [
        ("/documents", ""),
        ("/statements", ""),
        ("/statements", "kind=direct"),
        ("/speakers", ""),
        ("/speakers", "q=a"),
        ("/sources", ""),
        (f"/speakers/{speaker}/statements", ""),
        (f"/documents/{document}/statements", ""),
        (f"/clusters/{cluster}/appearances", ""),
    ]


QUOTE = "We will keep every library in this city open until the end of the decade"


def quoted_everywhere(service) -> int:
    """A quote in five documents, three dated, two not (listed last): its cluster's id."""
    for n, published in enumerate(["2024-03-12", None, "2024-03-10", None, "2024-03-12"]):
        body = f'Story {n}\n\n"{QUOTE}," said Mayor Ana Ruiz.\n'
        store(service.engine, body, [statement(body, QUOTE, "Ana Ruiz")], published=published)
    with service.engine.connect() as conn:
        return conn.execute(select(func.max(statements.c.cluster_id))).scalar_one()


def test_cursors_walk_each_list_in_the_offset_order(seeded, service):
    for path, query in lists(seeded, service):
        everything = seeded.get(f"{path}?{query}&limit=500").json()
        walked = walk(seeded, path, query)
        assert walked == everything["items"], path
        assert len(walked) == everything["total"], path


def test_offset_still_pages_and_counts_from_a_cursor(seeded):
    everything = seeded.get("/statements?limit=500").json()["items"]
    assert len(everything) > 6
    by_offset = seeded.get("/statements?limit=2&offset=2").json()
    assert by_offset["items"] == everything[2:4]
    cursor = seeded.get("/statements?limit=2").json()["next"]
    after_cursor = seeded.get(f"{cursor}&offset=2").json()
    assert after_cursor["items"] == everything[4:6]


def test_a_cursor_sees_items_added_before_it_without_repeating_any(client, service):
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        service.ingest_file(path)
    first = client.get("/documents?limit=1").json()
    for path in sorted(SEEDS.glob("*.txt"))[2:]:
        service.ingest_file(path)
    rest = walk(client, first["next"].split("?")[0], first["next"].split("?")[1])
    ids = [d["id"] for d in first["items"] + rest]
    assert len(ids) == len(set(ids)) == len(list(SEEDS.glob("*.txt")))


def encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        "%C3%A9",
        encode(b"[1, 2"),
        encode(b'["speakers", 1, 2]'),  # another list's cursor
        encode(b'["statements", "abc", 1]'),  # too few values
        encode(b'["statements", "abc", 1, 99999999999999]'),  # past INTEGER
        encode(b'["statements", "a\\u0000b", 1, 2]'),  # a NUL byte
        encode(b'["statements", "' + b"x" * 100 + b'", 1, 2]'),  # longer than any key
    ],
)
def test_a_bad_cursor_is_a_400_problem(client, cursor: str):
    response = client.get(f"/statements?cursor={cursor}")
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["detail"] == "the cursor is not one this list gave"


def test_a_cursor_longer_than_the_bound_is_a_422_problem(client):
    response = client.get(f"/statements?cursor={'A' * 401}")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
