"""A trace's clusters carry a few appearances inline, whatever their size; the rest are paged."""

import re
from collections import Counter

import pytest
from sqlalchemy import select

from provenance.service import TRACE_CANDIDATES
from provenance.store.plain import reader
from provenance.store.tables import statements
from provenance.store.tracing import index
from provenance.store.tracing.clusters import APPEARANCES_TRACED, first_members, members_query
from provenance.store.tracing.index import postings
from provenance.tracing.matching import K, words
from tests.factories import statement, store

WORDS = "the ferry to the islands will run every sunday from the first of june"
OTHER = "the bridge over the river will close for repairs during the whole winter"
APPEARANCES = APPEARANCES_TRACED + 4


def _report(service, number: int, words: str, speaker: str, published: str | None) -> str:
    body = f'Report {number} on {words[:10]}\n\n"{words}," said {speaker}.\n'
    found = [statement(body, words, speaker, via=(f"Agency {number % 3}",))]
    return store(service.engine, body, found, outlet="Gazette", published=published)


@pytest.fixture
def reports(service) -> list[str]:
    """Documents carrying WORDS, the last one undated and misattributed; OTHER twice."""
    found = [
        _report(service, number, WORDS, "Ana Ruiz", f"2024-0{9 - number}-01")
        for number in range(APPEARANCES - 1)
    ]
    found.append(_report(service, 99, WORDS, "Bo Li", None))
    _report(service, 100, OTHER, "Bo Li", "2023-01-01")
    _report(service, 101, OTHER, "Bo Li", None)
    return found


def test_a_traced_cluster_inlines_its_first_appearances_and_counts_every_one(client, reports):
    cluster = client.get("/trace", params={"q": WORDS}).json()["items"][0]
    listed = client.get(cluster["appearances_url"], params={"limit": 100}).json()["items"]
    assert [a["document"]["id"] for a in listed] == reports[::-1][1:] + reports[-1:]
    assert cluster["appearances"] == listed[:APPEARANCES_TRACED]
    assert cluster["first_appearance"] == listed[0]
    assert cluster["appearance_count"] == cluster["document_count"] == APPEARANCES
    # the aggregates cover the appearances not inline: the undated last one is Bo Li's
    speakers = {s["speaker"]["name"]: s["count"] for s in cluster["speakers"]}
    assert speakers == {"Ana Ruiz": APPEARANCES - 1, "Bo Li": 1}
    assert sum(link["weight"] for link in cluster["intermediaries"]) == APPEARANCES


def test_a_cluster_read_alone_keeps_its_appearances_inline(client, reports):
    traced = client.get("/trace", params={"q": WORDS}).json()["items"][0]
    cluster = client.get(f"/clusters/{traced['id']}").json()
    listed = client.get(traced["appearances_url"], params={"limit": 100}).json()["items"]
    assert cluster["appearances"] == listed
    assert len(cluster["appearances"]) == APPEARANCES
    assert {k: v for k, v in cluster.items() if k not in ("appearances", "score")} == {
        k: v for k, v in traced.items() if k not in ("appearances", "score")
    }


def test_the_prov_of_a_trace_carries_more_than_the_inline_appearances(client, reports):
    document = client.get("/trace/prov", params={"q": WORDS}).json()
    said = [key for key in document["entity"] if re.fullmatch(r"pv:statement/\d+", key)]
    assert len(said) == APPEARANCES


@pytest.mark.parametrize("shown", [1, 2, APPEARANCES])
def test_first_members_is_each_clusters_first_page_in_one_query(service, reports, shown):
    with reader(service.engine) as db:
        ids = db.execute(select(statements.c.cluster_id).distinct()).scalars()
        found = first_members(db, ids, shown)
        pages = {c: [row[0] for row in members_query(c).page(db, shown, 0, None)] for c in ids}
    assert len(ids) == 2
    assert found == pages


def test_a_kept_trace_follows_the_next_write(service, reports):
    before = service.trace("will close for repairs", 10, 0)
    assert before.total == 1
    school = "the old village school will close for repairs after the storm damaged its roof"
    _report(service, 102, school, "Cy Ng", "2022-01-01")
    after = service.trace("will close for repairs", 10, 0)
    assert after.total == 2
    assert {c.appearance_count for c in after.items} == {2, 1}


LONG = (
    "the harbour authority said that the new ferry terminal will open to passengers in the "
    "spring after two years of building work and a long dispute over the cost of the pier"
)


def test_a_long_query_of_common_shingles_reads_its_share_of_postings(service, monkeypatch):
    copies = 40
    for number in range(copies):
        _report(service, number, LONG, "Ana Ruiz", "2024-01-01")
    read: list[int] = []

    def counted(*args, **kwargs) -> Counter:
        found = postings(*args, **kwargs)
        read.append(sum(found.values()))
        return found

    monkeypatch.setattr(index, "postings", counted)
    traced = service.trace(LONG, 10, 0)
    shingles = len(words(LONG)) - K + 1
    assert shingles * copies > index.TRACE_POSTINGS  # every posting would be too many
    assert read == [shingles * index.postings_share(shingles, TRACE_CANDIDATES)]
    assert read[0] <= index.TRACE_POSTINGS
    assert [cluster.appearance_count for cluster in traced.items] == [copies]
