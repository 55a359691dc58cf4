"""The hot reads as plain SQL give what SQLAlchemy gives, and the caches of derived reads
follow every write (the read version's triggers), however it is made."""

import pytest
from sqlalchemy import text

from provenance.store import reads
from provenance.store.cache import VersionedCache, current_version
from provenance.store.plain import Rows, reader
from provenance.store.tables import speaker_aliases, speakers
from provenance.store.tracing import clusters
from tests.conftest import SEEDS
from tests.factories import statement, store


@pytest.fixture
def seeded(service):
    for path in sorted(SEEDS.glob("*.txt")):
        service.ingest_file(path)
    return service


def test_plain_reads_give_what_sqlalchemy_gives(seeded):
    every = [s.id for s in seeded.list_statements(500, 0).items]
    listing = reads.entities_query(
        seeded.engine.dialect.name, speakers, speaker_aliases, "speaker_id", "minist"
    )
    with seeded.engine.connect() as conn, reader(seeded.engine) as db:
        for length in range(10):  # lists share forms by powers of two: padding must not show
            ids = every[::-1][:length]
            assert reads.get_statements(db, ids) == reads.get_statements(conn, ids)
        speaker_ids = list(range(1, 40, 3))
        assert reads.get_speakers(db, speaker_ids) == reads.get_speakers(conn, speaker_ids)
        assert listing.page(db, 5, 1, None) == [tuple(r) for r in listing.page(conn, 5, 1, None)]
        assert listing.count(db) == listing.count(conn)


def test_a_statements_page_is_the_page_of_its_listing_loaded(seeded):
    with reader(seeded.engine) as db:
        listing = reads.statements_query(db, kind="direct")
        after = listing.page(db, 3, 0, None)[-1][1:]
        for key in (None, after):
            ids = [row[0] for row in listing.page(db, 7, 2, key)]
            page = reads.statement_page(db, listing, 7, 2, key)
            assert page == reads.get_statements(db, ids)
            assert [reads.statement_key(s) for s in page] == [
                tuple(row[1:]) for row in listing.page(db, 7, 2, key)
            ]


def test_every_write_raises_the_read_version(service):
    def version() -> int:
        with reader(service.engine) as db:
            return current_version(db)

    before = version()
    body = 'Council news\n\n"We will open the bridge," said Ana Ruiz.'
    store(service.engine, body, [statement(body, "We will open the bridge", "Ana Ruiz")])
    stored = version()
    assert stored > before
    with service.engine.begin() as conn:  # SQL of its own, not the write path
        conn.execute(text("UPDATE speakers SET name = 'Ana Ruiz-Li'"))
    assert version() > stored


QUOTE = "We will open the bridge in May"


def test_cached_clusters_and_searches_follow_writes(service):
    body = f'Council news\n\n"{QUOTE}," said Ana Ruiz.'
    store(service.engine, body, [statement(body, QUOTE, "Ana Ruiz")])
    first = service.trace("open the bridge in May", 10, 0).items[0]
    assert first.appearance_count == 1
    assert not service.list_speakers(50, 0, "Okafor").items

    again = f'Wire\n\n"{QUOTE}," said Chidi Okafor.'
    store(service.engine, again, [statement(again, QUOTE, "Chidi Okafor")])
    traced = service.trace("open the bridge in May", 10, 0).items[0]
    assert traced.id == first.id and traced.appearance_count == 2
    assert {s.speaker.name for s in traced.speakers} == {"Ana Ruiz", "Chidi Okafor"}
    assert [s.name for s in service.list_speakers(50, 0, "Okafor").items] == ["Chidi Okafor"]

    okafor = next(s.speaker.id for s in traced.speakers if s.speaker.name == "Chidi Okafor")
    with service.engine.begin() as conn:
        rename = text("UPDATE speakers SET name = 'Chidi N. Okafor' WHERE id = :id")
        conn.execute(rename, {"id": okafor})
    names = {s.speaker.name for s in service.get_cluster(first.id).speakers}
    assert names == {"Ana Ruiz", "Chidi N. Okafor"}


class _At:
    """A database whose read version is ``version``."""

    def __init__(self, version: int) -> None:
        self.version = version

    def execute(self, *_: object) -> Rows:
        return Rows([(self.version,)])


def test_the_cache_keeps_the_newest_version_and_the_most_recently_used():
    cache = VersionedCache(size=2)
    loads: list = []

    def load(db, keys: list) -> list:
        loads.extend(keys)
        return [(key, db.version) for key in keys]

    first = _At(1)
    assert cache.many(first, [1, 2], load, lambda item: item[0]) == [(1, 1), (2, 1)]
    assert cache.many(first, [1], load, lambda item: item[0]) == [(1, 1)]
    cache.many(first, [3], load, lambda item: item[0])  # 2 was the least recently used
    assert cache.many(first, [1, 2], load, lambda item: item[0]) == [(1, 1), (2, 1)]
    assert loads == [1, 2, 3, 2]
    assert cache.many(_At(2), [1], load, lambda item: item[0]) == [(1, 2)]  # a write: again
    assert cache.many(_At(1), [1], load, lambda item: item[0]) == [(1, 1)]  # an older reader
    assert cache.one(_At(2), 1, lambda: "unused") == (1, 2)  # ... kept nothing


def test_a_weighed_cache_keeps_items_up_to_their_total_weight():
    cache = VersionedCache(size=10, weigh=len)
    at = _At(1)
    for key, item in [("a", "xxxx"), ("b", "xxxx"), ("c", "xx")]:
        cache.one(at, key, lambda item=item: item)
    cache.one(at, "a", lambda: "unused")  # "b" is now the least recently used
    cache.one(at, "d", lambda: "xxx")  # 13 > 10: "b" goes; 9 left
    kept = {key: cache.one(at, key, lambda: None, lambda item: False) for key in "abcd"}
    assert kept == {"a": "xxxx", "b": None, "c": "xx", "d": "xxx"}
    cache.one(at, "e", lambda: "x" * 11)  # heavier than the whole cache: nothing else stays
    assert cache.one(at, "a", lambda: None, lambda item: False) is None


def test_clusters_load_on_a_plain_reader(seeded):
    with reader(seeded.engine) as db, seeded.engine.connect() as conn:
        ids = [row[0] for row in conn.execute(text("SELECT id FROM quote_clusters"))][:5]
        assert clusters.get_clusters(db, ids) == clusters.get_clusters(conn, ids)
