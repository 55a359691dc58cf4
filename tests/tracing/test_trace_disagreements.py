"""GET /disagreements: same words with two speakers, two origins, and denials."""

from tests.tracing.conftest import ARMY_CLAIM, CALL, ESCALATION, KHOJALY, VERDICT, cluster_of


def _all(client, **params) -> list[dict]:
    found = client.get("/disagreements", params={"limit": 500, **params}).json()
    assert found["total"] == len(found["items"])
    return found["items"]


def test_the_same_words_attributed_to_two_speakers(client, corpus):
    khojaly = cluster_of(client, KHOJALY)
    found = [d for d in _all(client, kind="speakers") if d["cluster"]["id"] == khojaly["id"]]
    assert len(found) == 1
    names = {s["speaker"]["name"] for s in found[0]["speakers"]}
    assert names == {"Elnur Mammadov", "Khazar Farhadov"}
    assert "2 speakers" in found[0]["summary"]
    assert len(found[0]["statement_ids"]) == 2


def test_one_speaker_under_two_spellings_is_no_disagreement(client, corpus):
    call = cluster_of(client, CALL)
    assert call["id"] not in {d["cluster"]["id"] for d in _all(client, kind="speakers")}


def test_one_claim_traced_to_different_origins(client, corpus):
    escalation = cluster_of(client, ESCALATION)
    found = [d for d in _all(client, kind="origins") if d["cluster"]["id"] == escalation["id"]]
    assert len(found) == 1
    assert {link["node"]["name"] for link in found[0]["origins"]} == {"Reuters", "AP"}


def test_a_verdict_denies_the_claim_reported_before_it(client, corpus):
    verdict = cluster_of(client, VERDICT)
    denials = [d for d in _all(client, kind="denial") if d["denial"]["id"] == verdict["id"]]
    claims = {d["cluster"]["text"] for d in denials}
    assert claims == {"Pakistani soldiers are fighting alongside Azerbaijan"}
    claim = cluster_of(client, "Pakistani soldiers are fighting alongside Azerbaijan")
    assert [ref["id"] for ref in claim["denied_by"]] == [verdict["id"]]
    assert [ref["id"] for ref in verdict["denies"]] == [claim["id"]]


def test_a_denied_statement_with_the_claims_words_denies_the_claim(client, corpus):
    army = cluster_of(client, ARMY_CLAIM)
    assert army["appearance_count"] == 2
    denials = [d for d in _all(client, kind="denial") if d["cluster"]["id"] == army["id"]]
    assert len(denials) == 1
    denying = denials[0]["statement_ids"]
    cues = {a["statement"]["id"]: a["statement"]["cue"] for a in army["appearances"]}
    assert [cues[i] for i in denying] == ["denied"]


def test_kinds_are_listed_in_order_and_paginated(client, corpus):
    everything = _all(client)
    kinds = [d["kind"] for d in everything]
    assert kinds == sorted(kinds, key=["speakers", "origins", "denial"].index)
    assert {"speakers", "origins", "denial"} <= set(kinds)
    pages, url = [], "/disagreements?limit=2"
    while url:
        page = client.get(url).json()
        pages += page["items"]
        url = page["next"]
    assert pages == everything
    assert client.get("/disagreements", params={"kind": "other"}).status_code == 422


def test_a_verdict_never_denies_a_call_or_thanks(service):
    from sqlalchemy import select

    from provenance.store.tables import statement_denials, statements
    from tests.factories import statement, store

    body = (
        "Dam row\n\nThe council said that the dam would be finished by June. "
        "Residents called for a public inquiry into the works. "
        'The builder called the plan "baseless and misleading".\n'
    )
    claim = statement(body, "the dam would be finished by June", "the council", kind="indirect")
    call = statement(body, "a public inquiry into the works", "residents", kind="indirect")
    verdict = statement(body, "baseless and misleading", "the builder")
    call.cue = "called for"
    verdict.cue = "called"
    store(service.engine, body, [claim, call, verdict])
    with service.engine.connect() as conn:
        texts = dict(conn.execute(select(statements.c.id, statements.c.text)).all())
        links = conn.execute(select(statement_denials.c.denial_id, statement_denials.c.claim_id))
        pairs = {(texts[d], texts[c]) for d, c in links}
    assert pairs == {("baseless and misleading", "the dam would be finished by June")}


def test_a_verdict_on_the_reports_denies_the_reported_claim(service):
    from sqlalchemy import select

    from provenance.store.tables import statement_denials, statements
    from tests.factories import statement, store

    body = (
        "Dam row\n\nLocal media reported that the dam had cracked. "
        "The mayor said that the town was calm. "
        'The builder called the reports "baseless".\n'
    )
    claim = statement(body, "the dam had cracked", "local media", kind="indirect")
    calm = statement(body, "the town was calm", "the mayor", kind="indirect")
    verdict = statement(body, "baseless", "the builder")
    claim.cue, calm.cue, verdict.cue = "reported", "said", "called"
    store(service.engine, body, [claim, calm, verdict])
    with service.engine.connect() as conn:
        texts = dict(conn.execute(select(statements.c.id, statements.c.text)).all())
        links = conn.execute(select(statement_denials.c.denial_id, statement_denials.c.claim_id))
        pairs = {(texts[d], texts[c]) for d, c in links}
    assert pairs == {("baseless", "the dam had cracked")}
