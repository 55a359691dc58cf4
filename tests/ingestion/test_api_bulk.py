"""POST /documents:bulk: NDJSON in, one result line per item, problems for bad items."""

import json

from tests.conftest import AUTH, ROOT

INPUTS = ROOT / "tests" / "html_corpus" / "inputs"
PAGES = ROOT / "tests" / "html_corpus" / "docs"
NDJSON = {**AUTH, "Content-Type": "application/x-ndjson"}


def lines(*items) -> bytes:
    return b"\n".join(i if isinstance(i, bytes) else json.dumps(i).encode() for i in items)


def test_each_item_gets_one_result_line_in_order_and_bad_ones_a_problem(client):
    page = sorted(PAGES.glob("*.html"))[0].read_text("utf-8")
    ninjs = json.loads((INPUTS / "item-3x.json").read_text("utf-8"))
    text = {"text": 'Budget passes\n\n"A good day," said Mayor Ana Ruiz.', "outlet": "Ledger"}
    body = lines(
        text,
        {"html": page},
        {"ninjs": ninjs},
        b"{not json",
        {"ninjs": {"headline": 42}},
        {"html": '<html><body><nav><a href="/">Home</a></nav></body></html>'},
        text,
    )
    response = client.post("/documents:bulk", content=body, headers=NDJSON)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    results = [json.loads(line) for line in response.text.splitlines()]
    assert [r["line"] for r in results] == [1, 2, 3, 4, 5, 6, 7]
    assert [r.get("created") for r in results] == [True, True, True, None, None, None, False]
    assert results[6]["document_id"] == results[0]["document_id"]
    assert [r.get("status") for r in results[3:6]] == [400, 422, 422]
    assert results[4]["type"].endswith("/invalid-item")
    assert results[5]["detail"] == "no article text found in the page"
    assert client.get("/documents").json()["total"] == 3


def test_bulk_needs_an_api_key(client):
    response = client.post("/documents:bulk", content=lines({"text": "x y z"}))
    assert response.status_code == 401
