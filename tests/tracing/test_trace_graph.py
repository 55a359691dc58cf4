"""Who relays whom: GET /graph, a source's relations, a speaker's profile."""


def _speaker(client, name: str) -> dict:
    found = client.get("/speakers", params={"q": name}).json()["items"]
    return client.get(f"/speakers/{found[0]['id']}").json()


def test_the_graph_weighs_who_relays_whom(client, corpus):
    edges = client.get("/graph").json()["items"]
    weights = {(e["relayed"]["name"], e["by"]["name"]): e["weight"] for e in edges}
    assert weights[("the locals", "FreeNews.AM")] == 2
    assert weights[("FreeNews.AM", "Tribune")] == 1
    assert weights[("FreeNews.AM", "Shunculture")] == 1
    assert weights[("Elnur Mammadov", "Pakistan Observer")] == 1
    assert [e["weight"] for e in edges] == sorted((e["weight"] for e in edges), reverse=True)
    by_kind = {(e["relayed"]["kind"], e["by"]["kind"]) for e in edges}
    assert by_kind == {("speaker", "source"), ("source", "outlet"), ("speaker", "outlet")}


def test_the_graph_filters_by_weight_and_pages(client, corpus):
    heavy = client.get("/graph", params={"min_weight": 2}).json()
    assert [e["weight"] for e in heavy["items"]] == [2]
    first = client.get("/graph", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next"]
    assert client.get("/graph", params={"min_weight": 0}).status_code == 422


def test_a_source_lists_whom_it_relays_and_who_relays_it(client, corpus):
    sources = client.get("/sources", params={"q": "FreeNews"}).json()["items"]
    source = client.get(f"/sources/{sources[0]['id']}").json()
    assert [(r["node"]["name"], r["weight"]) for r in source["relays"]] == [("the locals", 2)]
    assert {r["node"]["name"] for r in source["relayed_by"]} == {"Tribune", "Shunculture"}
    assert all(r["node"]["kind"] == "outlet" for r in source["relayed_by"])


def test_a_speaker_profile_lists_spellings_outlets_and_intermediaries(client, corpus):
    chaudhri = _speaker(client, "Chaudhri")
    assert {a["name"] for a in chaudhri["aliases"]} == {
        "Zahid Hafeez Chaudri",
        "Zahid Hafeez Chaudhri",
    }
    assert {o["node"]["name"] for o in chaudhri["outlets"]} == {"Shunculture", "Dawn"}
    assert chaudhri["statement_count"] == 2
    ministry = _speaker(client, "Foreign Ministry of Pakistan")
    assert {i["node"]["name"] for i in ministry["intermediaries"]} == {"Reuters", "AP"}
    listed = client.get("/speakers", params={"q": "Chaudhri"}).json()["items"][0]
    assert listed["outlets"] == []  # the profile is for one speaker; lists stay light
