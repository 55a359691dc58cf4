"""Statements, speakers and sources over hand-stored documents: filters, aliases, chains."""

import pytest

from provenance.domain import ExtractedSpeaker
from tests.factories import statement, store

BODY_A = 'Budget row\n\n"We will not cut the libraries," said Mayor Ana Ruiz, told Reuters.\n'
BODY_B = 'Budget row again\n\n"Libraries stay open," Mayor Ana Ruis said on Tuesday.\n'
BODY_C = "Strike\n\nThe union said that the strike would go on.\n"


@pytest.fixture
def stored(service):
    a = store(
        service.engine,
        BODY_A,
        [statement(BODY_A, "We will not cut the libraries", "Ana Ruiz", via=("Reuters",))],
        speakers=[
            ExtractedSpeaker(
                name="Ana Ruiz", kind="person", aliases=["Mayor Ana Ruiz", "Ruiz"], roles=["Mayor"]
            )
        ],
        published="2024-03-12",
        outlet="Daily A",
    )
    b = store(
        service.engine,
        BODY_B,
        [statement(BODY_B, "Libraries stay open", "Ana Ruis", said_on="2024-03-12")],
        outlet="Daily B",
    )
    c = store(
        service.engine,
        BODY_C,
        [
            statement(
                BODY_C,
                "the strike would go on",
                "the union",
                kind="indirect",
                speaker_kind="group",
            )
        ],
    )
    return {"a": a, "b": b, "c": c}


def test_spelling_variants_are_one_speaker_with_both_aliases(client, service, stored):
    found = client.get("/speakers", params={"q": "ruis"}).json()
    assert found["total"] == 1
    speaker = found["items"][0]
    assert speaker["name"] == "Ana Ruiz"
    assert {"Ana Ruiz", "Ana Ruis", "Mayor Ana Ruiz", "Ruiz"} <= {
        a["name"] for a in speaker["aliases"]
    }
    assert speaker["statement_count"] == 2
    assert speaker["roles"][0]["role"] == "Mayor"


def test_statement_filters(client, stored):
    def texts(**params):
        return [s["text"] for s in client.get("/statements", params=params).json()["items"]]

    assert len(texts()) == 3
    assert texts(speaker="Ruiz") == texts(speaker="Ana Ruis")
    assert len(texts(speaker="ruiz")) == 2
    assert texts(via="Reuters") == ["We will not cut the libraries"]
    assert texts(kind="indirect") == ["the strike would go on"]
    assert texts(q="LIBRARIES STAY") == ["Libraries stay open"]
    assert texts(document=stored["c"]) == ["the strike would go on"]
    assert texts(said_after="2024-03-01") == ["Libraries stay open"]
    assert texts(said_before="2024-03-01") == []
    assert texts(speaker="nobody at all") == []
    assert len(texts(speaker="ana")) == 2  # a whole word of a name
    assert texts(speaker="an") == []  # but not part of a word
    assert texts(q="100%_") == []  # LIKE wildcards are escaped


def test_statement_has_its_chain(client, stored):
    first = client.get("/statements", params={"via": "Reuters"}).json()["items"][0]
    one = client.get(f"/statements/{first['id']}").json()
    assert one == first
    chain = one["chain"]
    assert chain["speaker"]["name"] == "Ana Ruiz"
    assert [hop["name"] for hop in chain["via"]] == ["Reuters"]
    assert chain["document_id"] == stored["a"]
    assert chain["outlet"] == "Daily A"
    assert one["attributed_as"] == "Ana Ruiz"


def test_speaker_and_document_statements(client, stored):
    speaker_id = client.get("/speakers", params={"q": "Ana"}).json()["items"][0]["id"]
    said = client.get(f"/speakers/{speaker_id}/statements").json()
    assert said["total"] == 2
    of_doc = client.get(f"/documents/{stored['b']}/statements").json()
    assert [s["text"] for s in of_doc["items"]] == ["Libraries stay open"]


def test_sources(client, stored):
    sources = client.get("/sources").json()["items"]
    assert [(s["name"], s["statement_count"]) for s in sources] == [("Reuters", 1)]
    one = client.get(f"/sources/{sources[0]['id']}").json()
    assert one["name"] == "Reuters"
    assert client.get("/sources", params={"q": "reut"}).json()["total"] == 1


def test_unknown_ids_are_404_problems(client):
    for path in ("/statements/999", "/speakers/999", "/speakers/999/statements", "/sources/999"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("application/problem+json")


def test_names_spaced_differently_are_one_source(client, service):
    one = 'Flood\n\n"The river is rising," said warden Ola Dahl, told Kilo News.TV.\n'
    two = 'Flood again\n\n"The river is still rising," warden Ola Dahl told KiloNews.TV.\n'
    store(
        service.engine,
        one,
        [statement(one, "The river is rising,", "Ola Dahl", via=("Kilo News.TV",))],
    )
    store(
        service.engine,
        two,
        [statement(two, "The river is still rising,", "Ola Dahl", via=("KiloNews.TV",))],
    )
    sources = client.get("/sources").json()["items"]
    assert len(sources) == 1
    assert {a["name"] for a in sources[0]["aliases"]} == {"Kilo News.TV", "KiloNews.TV"}
    assert sources[0]["statement_count"] == 2
