"""Texts with nothing to store are refused with a clear 422, and nothing is stored."""

import pytest

from provenance.domain import RawDocument
from provenance.service import EmptyDocument
from tests.conftest import AUTH

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

NOTHING_TO_STORE = {
    "zero-width characters only": INVISIBLE * 20,
    "zero-width and white space": f" {INVISIBLE}\n\t{INVISIBLE}\u00a0\n",
    "a title only": "Minister resigns over harbour deal",
    "a title and invisible lines": f"Minister resigns over harbour deal\n\n{INVISIBLE}\n \n",
}


@pytest.mark.parametrize("text", NOTHING_TO_STORE.values(), ids=NOTHING_TO_STORE.keys())
def test_the_api_refuses_a_text_with_nothing_to_store(client, text):
    answer = client.post("/documents", json={"text": text}, headers=AUTH)
    assert answer.status_code == 422
    problem = answer.json()
    assert problem["type"].endswith("/empty-document")
    assert problem["detail"] in (
        "the document has no visible text",
        "the document has no body text after its title",
    )
    assert client.get("/documents").json()["total"] == 0


def test_the_service_raises_a_typed_error(service):
    with pytest.raises(EmptyDocument, match="no visible text"):
        service.ingest(RawDocument(text=INVISIBLE))
    with pytest.raises(EmptyDocument, match="no body text after its title"):
        service.ingest(RawDocument(text="Minister resigns\n"))
    assert service.count_documents() == 0


def test_a_title_with_a_short_body_is_stored(service):
    created, document = service.ingest(
        RawDocument(text=f"Minister resigns\n\nShe left.{INVISIBLE}")
    )
    assert created and document.title == "Minister resigns"
