"""Eight writers at once, ingesting and re-extracting, end where one writer alone ends."""

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from msgspec.structs import replace
from sqlalchemy import func, select

from provenance.domain import RawDocument
from provenance.names import fold_name
from provenance.service import ProvenanceService
from provenance.store.tables import (
    chain_hops,
    documents,
    quote_clusters,
    relay_edges,
    source_aliases,
    sources,
    speaker_aliases,
    speakers,
    statements,
)

WRITERS = 8
PEOPLE = ("Yusuf Dubois", "Lena Berg", "Mariam Khan", "Tomas Varga")
AGENCIES = ("Reuters", "the Associated Press", "Agence France-Presse")


def article(n: int) -> str:
    """Article ``n``: its own words, spoken by people and relayed by agencies that many
    other articles share (the names every writer creates or updates at once)."""
    first, second = PEOPLE[n % 4], PEOPLE[(n + 1) % 4]
    agency = AGENCIES[n % 3]
    return (
        f"Harbour talks, day {n}\n\n"
        f'"We will keep berth {n} open through the winter," {first} told {agency} on Monday.\n\n'
        f"{second} said the deal protected all {n + 20} jobs, according to {AGENCIES[-1]}.\n\n"
        f'"Nothing about the harbour changes," said {first}.\n'
    )


ARTICLES = [article(n) for n in range(24)]
#: Stored before the writers start; every writer re-extracts them while others ingest.
REEXTRACTED = ARTICLES[:4]


def work_of(writer: int) -> list[str]:
    """A writer's articles: each new article goes to two writers (the same text posted
    twice at once), and every writer re-extracts the stored ones (``None``)."""
    mine = [
        text
        for n, text in enumerate(ARTICLES[len(REEXTRACTED) :])
        if n % WRITERS in (writer, (writer + 1) % WRITERS)
    ]
    return [*mine, *([None] * len(REEXTRACTED))]


def run_writers(services: list[ProvenanceService]) -> list[BaseException]:
    """The writers, spread over ``services`` (each one stands for a server process)."""
    stored = [services[0].ingest(RawDocument(text=t))[1].id for t in REEXTRACTED]
    start = threading.Barrier(WRITERS)

    def writer(number: int) -> None:
        service = services[number % len(services)]
        start.wait()
        for step, text in enumerate(work_of(number)):
            if text is None:
                service.reextract(stored[(number + step) % len(stored)])
            else:
                service.ingest(RawDocument(text=text))

    with ThreadPoolExecutor(WRITERS) as pool:
        futures = [pool.submit(writer, number) for number in range(WRITERS)]
    return [f.exception() for f in futures if f.exception() is not None]


def snapshot(service: ProvenanceService) -> dict:
    """Everything stored, by content rather than by id."""
    with service.engine.connect() as conn:
        speaker_names = dict(conn.execute(select(speakers.c.id, speakers.c.name)).all())
        source_names = dict(conn.execute(select(sources.c.id, sources.c.name)).all())
        hops: dict[int, list[str]] = {}
        for statement_id, source_id in conn.execute(
            select(chain_hops.c.statement_id, chain_hops.c.source_id).order_by(
                chain_hops.c.statement_id, chain_hops.c.position
            )
        ):
            hops.setdefault(statement_id, []).append(source_names[source_id])
        said = conn.execute(
            select(
                statements.c.id,
                statements.c.document_id,
                statements.c.start,
                statements.c.text,
                statements.c.speaker_id,
            )
        ).all()
        return {
            "documents": sorted(
                conn.execute(select(documents.c.id, documents.c.statement_count)).all()
            ),
            "statements": sorted(
                (doc, start, text, speaker_names.get(who), tuple(hops.get(sid, [])))
                for sid, doc, start, text, who in said
            ),
            "speakers": sorted(
                conn.execute(
                    select(speakers.c.kind, speakers.c.name, speakers.c.statement_count)
                ).all()
            ),
            "sources": sorted(
                conn.execute(
                    select(sources.c.kind, sources.c.name, sources.c.statement_count)
                ).all()
            ),
            "aliases": sorted(
                [
                    *conn.execute(select(speaker_aliases.c.key, speaker_aliases.c.count)).all(),
                    *conn.execute(select(source_aliases.c.key, source_aliases.c.count)).all(),
                ]
            ),
            "cluster sizes": sorted(conn.execute(select(quote_clusters.c.size)).scalars()),
            "relay weight": conn.execute(select(func.sum(relay_edges.c.weight))).scalar(),
        }


def serial_reference(service: ProvenanceService, tmp_path: Path) -> dict:
    """The same articles stored by one writer, one after another, in a database of its own."""
    alone = ProvenanceService(
        replace(service.settings, database_url=f"sqlite:///{tmp_path}/serial.db"),
        service.plugins,
    )
    alone.start()
    for text in ARTICLES:
        alone.ingest(RawDocument(text=text))
    expected = snapshot(alone)
    alone.close()
    return expected


def test_eight_writers_store_what_one_writer_stores(service, tmp_path):
    other_process = ProvenanceService(service.settings, service.plugins)
    errors = run_writers([service, other_process])
    other_process.close()
    assert errors == []
    found = snapshot(service)
    assert len(found["documents"]) == len(ARTICLES)  # each article exactly once
    for entities in ("speakers", "sources"):
        keys = [(kind, fold_name(name)) for kind, name, _ in found[entities]]
        assert len(keys) == len(set(keys)), f"duplicate {entities}"
    assert found == serial_reference(service, tmp_path)


def test_the_articles_share_speakers_and_sources(service):
    """The test above is only worth something if writers really contend for names."""
    for text in ARTICLES[:6]:
        service.ingest(RawDocument(text=text))
    found = snapshot(service)
    counts = {name: count for _, name, count in found["speakers"] + found["sources"]}
    assert counts["Yusuf Dubois"] >= 2 and counts["Reuters"] >= 2
    assert all(count for _, count in found["documents"])
