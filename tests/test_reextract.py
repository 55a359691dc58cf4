"""Re-extraction replaces a document's statements, keeps the earlier record, loses nothing."""

from sqlalchemy import func, select

from provenance.domain import ParsedDocument, RawDocument
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl
from provenance.plugins import plugins_of
from provenance.store.tables import quote_clusters, speaker_aliases, statement_shingles, statements
from tests.conftest import AUTH

STORY = (
    "Harbour deal signed\n\n"
    '"We have a deal that protects every job on the docks," said port director Lena Berg.\n\n'
    "Tide tables follow below.\n"
)
SECOND = (
    "Dockers cheer deal\n\n"
    '"We have a deal that protects every job on the docks," Lena Berg told reporters.\n'
)


class Keeps(Extractor):
    """Keeps every line: the tide-table note stays in the body."""

    name = "keeps"

    def claim(self, document: RawDocument) -> float:
        return 0.5


class Drops(Extractor):
    """Knows the tide-table note is furniture: a newer plugin, installed later."""

    name = "drops"
    formats = ("drops",)

    def claim(self, document: RawDocument) -> float:
        return 0.9

    def parse(self, document: RawDocument) -> ParsedDocument:
        parsed = super().parse(document)
        parsed.body = parsed.body.replace("Tide tables follow below.", "").strip()
        parsed.format = "drops"
        return parsed


def registering(*extractors: Extractor) -> object:
    class Plugin:
        @hookimpl
        def register_extractors(self, register):
            for extractor in extractors:
                register(extractor)

    return Plugin()


def snapshot(service) -> dict:
    with service.engine.connect() as conn:
        return {
            "statements": conn.execute(select(func.count()).select_from(statements)).scalar(),
            "shingles": conn.execute(select(func.count()).select_from(statement_shingles)).scalar(),
            "cluster sizes": conn.execute(select(func.sum(quote_clusters.c.size))).scalar(),
            "aliases": sorted(
                conn.execute(select(speaker_aliases.c.alias, speaker_aliases.c.count)).all()
            ),
        }


def test_reextract_after_a_new_plugin(service):
    service.plugins = plugins_of(registering(Keeps()))
    _, first = service.ingest(RawDocument(text=STORY, published="2024-05-02"))
    service.ingest(RawDocument(text=SECOND))
    before = snapshot(service)
    assert "Tide tables follow below." in first.body

    service.plugins = plugins_of(registering(Keeps(), Drops()))
    again = service.reextract(first.id)
    assert again is not None
    assert again.extractor == "drops" and again.format == "drops"
    assert "Tide tables follow below." not in again.body
    assert again.published == "2024-05-02"  # the date given at ingest is kept
    records = service.get_extractions(first.id)
    assert [(r.extractor, r.current) for r in records] == [("drops", True), ("keeps", False)]
    assert snapshot(service) == before  # same statements: no index, cluster or alias drift


def test_reextract_is_repeatable_and_trace_still_finds_both(service):
    service.plugins = plugins_of(registering(Keeps()))
    _, first = service.ingest(RawDocument(text=STORY))
    _, second = service.ingest(RawDocument(text=SECOND))
    before = snapshot(service)
    for _ in range(3):
        service.reextract(first.id)
    assert snapshot(service) == before
    assert len(service.get_extractions(first.id)) == 4
    traced = service.trace("protects every job on the docks", 10, 0)
    assert traced.total == 1
    assert {a.document.id for a in traced.items[0].appearances} == {first.id, second.id}


def test_reextract_over_http(client):
    created = client.post("/documents", json={"text": STORY}, headers=AUTH).json()
    doc_id = created["document"]["id"]
    assert client.post(f"/documents/{doc_id}/reextract").status_code == 401
    missing = client.post("/documents/feedfacefeedface/reextract", headers=AUTH)
    assert missing.status_code == 404
    unknown = client.post(
        f"/documents/{doc_id}/reextract", json={"extractor": "none-such"}, headers=AUTH
    )
    assert unknown.status_code == 422
    done = client.post(f"/documents/{doc_id}/reextract", headers=AUTH)
    assert done.status_code == 200
    assert done.json()["id"] == doc_id
    history = client.get(f"/documents/{doc_id}/extractions").json()
    assert [r["current"] for r in history] == [True, False]
    assert client.get("/documents/feedfacefeedface/extractions").status_code == 404


def statement_ids(service, doc_id: str) -> dict[tuple[int, str], int]:
    with service.engine.connect() as conn:
        rows = conn.execute(
            select(statements.c.start, statements.c.text, statements.c.id).where(
                statements.c.document_id == doc_id
            )
        ).all()
    return {(start, text): statement_id for start, text, statement_id in rows}


def test_reextract_without_change_keeps_every_statement_id(service):
    _, document = service.ingest(RawDocument(text=STORY))
    service.ingest(RawDocument(text=SECOND))
    before = statement_ids(service, document.id)
    assert before
    for _ in range(2):
        service.reextract(document.id)
    assert statement_ids(service, document.id) == before


class DropsAQuote(Extractor):
    """A newer plugin that knows the closing quote is a caption, not part of the story."""

    name = "drops-a-quote"

    def claim(self, document: RawDocument) -> float:
        return 0.9

    def parse(self, document: RawDocument) -> ParsedDocument:
        parsed = super().parse(document)
        parsed.body = parsed.body.split("\n\nCaption:")[0]
        return parsed


RELAYED = (
    "Ferry strike ends\n\n"
    '"The ferries sail again tomorrow," union leader Ana Ruiz told Reuters.\n\n'
    'Caption: "We are glad it is over," said passenger Ivo Petrov.\n'
)


def test_a_removed_statement_answers_410_with_links(client):
    app_service = client.app.state.service
    created = client.post("/documents", json={"text": RELAYED}, headers=AUTH).json()
    doc_id = created["document"]["id"]
    ids = statement_ids(app_service, doc_id)
    caption = next(i for (_, text), i in ids.items() if "glad" in text)
    kept = next(i for (_, text), i in ids.items() if "ferries" in text)

    app_service.plugins = plugins_of(registering(DropsAQuote()))
    assert client.post(f"/documents/{doc_id}/reextract", headers=AUTH).status_code == 200

    assert client.get(f"/statements/{kept}").status_code == 200  # found again: same id
    gone = client.get(f"/statements/{caption}")
    assert gone.status_code == 410
    assert gone.headers["content-type"].startswith("application/problem+json")
    problem = gone.json()
    assert problem["document"] == f"/documents/{doc_id}"
    assert problem["replaced_by"] is None  # nothing covers the caption's words any more
    assert f"</documents/{doc_id}>" in gone.headers["link"]
    assert client.get(problem["document"]).status_code == 200
    assert client.get("/statements/999999").status_code == 404  # never existed: still 404


def test_ids_of_removed_statements_are_never_given_again(service):
    service.plugins = plugins_of(registering(Keeps()))
    _, document = service.ingest(RawDocument(text=RELAYED))
    retired = max(statement_ids(service, document.id).values())
    service.plugins = plugins_of(registering(Keeps(), DropsAQuote()))
    service.reextract(document.id)
    _, other = service.ingest(RawDocument(text=SECOND))
    assert min(statement_ids(service, other.id).values()) > retired


class Rewords(Extractor):
    """A plugin that reads the story's quote differently: the same span, other words."""

    name = "rewords"

    def claim(self, document: RawDocument) -> float:
        return 0.9

    def parse(self, document: RawDocument) -> ParsedDocument:
        parsed = super().parse(document)
        parsed.body = parsed.body.replace("sail again", "run again")
        return parsed


def test_a_replaced_statement_links_to_its_successor(client):
    app_service = client.app.state.service
    doc_id = client.post("/documents", json={"text": RELAYED}, headers=AUTH).json()["document"][
        "id"
    ]
    old = next(i for (_, t), i in statement_ids(app_service, doc_id).items() if "ferries" in t)
    app_service.plugins = plugins_of(registering(Rewords()))
    client.post(f"/documents/{doc_id}/reextract", headers=AUTH)
    new = next(i for (_, t), i in statement_ids(app_service, doc_id).items() if "ferries" in t)
    assert new != old
    gone = client.get(f"/statements/{old}")
    assert gone.status_code == 410
    assert gone.json()["replaced_by"] == f"/statements/{new}"
    assert gone.headers["link"].startswith(f'</statements/{new}>; rel="successor-version"')
