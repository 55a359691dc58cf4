"""The service: ingest documents and answer questions about them, over one database."""

import logging
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partialmethod
from pathlib import Path
from typing import TypeVar

from msgspec.structs import replace
from prov.model import ProvDocument
from sqlalchemy import Engine, Table

from provenance.domain import (
    Cluster,
    Document,
    ExtractedDocument,
    ExtractionRecord,
    RawDocument,
    Source,
    Speaker,
    Statement,
)
from provenance.extraction.pipeline import UnknownExtractor, extract
from provenance.names import document_id
from provenance.plugins import Plugins, plugins_for
from provenance.settings import Settings
from provenance.store import reads, writes
from provenance.store.cache import VersionedCache
from provenance.store.database import Writer, create_database_engine, migrate
from provenance.store.plain import Db, Reader, reader
from provenance.store.tables import source_aliases, sources, speaker_aliases, speakers
from provenance.store.tracing import clusters, disagreements, index, relays
from provenance.tracing.draw import chain_svg
from provenance.tracing.matching import query_words
from provenance.tracing.prov import prov_document

log = logging.getLogger(__name__)

Key = tuple
"""An item's place in its list's order (see :class:`provenance.store.reads.Listing`)."""

#: Statements a trace reads and verifies at most (the clusters it returns come from them).
TRACE_CANDIDATES = 200
#: Clusters kept loaded between writes (a trace's: about 7 KB each; read alone, up to 50 KB).
CACHED_CLUSTERS = 5000
#: Pages of name searches kept between writes (ids only: their items are read each time).
CACHED_SEARCHES = 10_000
#: Bytes of the API's encoded answers kept between writes, the most recently asked.
CACHED_ANSWER_BYTES = 32 * 1024 * 1024


T = TypeVar("T")


class EmptyDocument(ValueError):
    """The text has nothing in it but white space and invisible characters, or nothing
    but a title."""


class StatementGone(LookupError):
    """A re-extraction removed the statement: ``document_id`` and the statement now
    covering its span (``successor_id``, None when none does)."""

    def __init__(self, statement_id: int, document_id: str, successor_id: int | None) -> None:
        super().__init__(f"statement {statement_id} was removed by a re-extraction")
        self.statement_id = statement_id
        self.document_id = document_id
        self.successor_id = successor_id


#: Unicode categories that print nothing: format (zero-width space, joiners, BOM), control,
#: separators, unassigned, private use and surrogates.
INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def has_visible_text(text: str) -> bool:
    return any(unicodedata.category(ch) not in INVISIBLE_CATEGORIES for ch in text)


def extract_storable(
    raw: RawDocument, plugins: Plugins, extractor: str | None, timeout: float
) -> ExtractedDocument:
    """Extract ``raw``; raises EmptyDocument when it has no visible text or no body."""
    if not has_visible_text(raw.text):
        raise EmptyDocument("the document has no visible text")
    extracted = extract(raw, plugins, extractor, timeout)
    if not has_visible_text(extracted.body):
        raise EmptyDocument("the document has no body text after its title")
    return extracted


@dataclass(frozen=True)
class Slice:
    """One page of results before it becomes a :class:`provenance.domain.Page`."""

    items: list
    total: int
    last: Key | None = None
    """The order values of the last item when more follow: where the next page starts."""


@dataclass(frozen=True)
class _Named:
    """Speakers or sources: their table, their aliases' and how to load them by id."""

    table: Table
    aliases: Table
    owner: str
    load: Callable[[Db, Sequence[int]], list]


_SPEAKERS = _Named(speakers, speaker_aliases, "speaker_id", reads.get_speakers)
_SOURCES = _Named(sources, source_aliases, "source_id", reads.get_sources)


def answer_cache() -> VersionedCache:
    """The API's answers, :data:`CACHED_ANSWER_BYTES` of their encoded bodies."""
    return VersionedCache(CACHED_ANSWER_BYTES, weigh=lambda answer: len(answer.body))


class ProvenanceService:
    def __init__(self, settings: Settings, plugins: Plugins | None = None) -> None:
        self.settings = settings
        self.engine: Engine = create_database_engine(
            settings.database_url, settings.sqlite_synchronous
        )
        self.writer = Writer(self.engine)
        self.cluster_cache = VersionedCache(CACHED_CLUSTERS)
        self.search_cache = VersionedCache(CACHED_SEARCHES)
        self.answer_cache = answer_cache()
        self.plugins = plugins if plugins is not None else plugins_for(settings)

    def start(self) -> None:
        """Start isolated plugins loading; migrate the schema; load the seeds into an empty
        database if so configured."""
        self.plugins.start()
        migrate(self.engine)
        if self.settings.seed_on_start and self.count_documents() == 0:
            seeds = Path(self.settings.seeds_dir)
            if seeds.is_dir():
                loaded = [self.ingest_file(path) for path in sorted(seeds.glob("*.txt"))]
                log.info("loaded %d seed documents from %s", len(loaded), seeds)

    def close(self) -> None:
        self.plugins.close()
        self.engine.dispose()

    # Writes

    def extract(self, raw: RawDocument, extractor: str | None = None) -> ExtractedDocument:
        return extract_storable(raw, self.plugins, extractor, self.settings.extract_timeout)

    def ingest(self, raw: RawDocument, extractor: str | None = None) -> tuple[bool, Document]:
        """Store ``raw`` unless the same text is stored already: (created, document)."""
        if extractor is not None and extractor not in self.plugins.extractors:
            raise UnknownExtractor(extractor)
        doc_id = document_id(raw.text)
        with self.engine.connect() as conn:
            if reads.document_exists(conn, doc_id):
                return False, self._document(doc_id)
        extracted = self.extract(raw, extractor)
        # Another request may store the same text meanwhile; then its copy stands.
        created = self.writer.run(lambda conn: writes.insert_document(conn, doc_id, raw, extracted))
        return created, self._document(doc_id)

    def ingest_file(self, path: Path) -> tuple[bool, Document]:
        """Ingest a UTF-8 text file; raises UnicodeDecodeError or EmptyDocument on bad input."""
        text = path.read_bytes().decode("utf-8")
        return self.ingest(RawDocument(text=text))

    def reextract(self, doc_id: str, extractor: str | None = None) -> Document | None:
        """Extract a stored document again (after a plugin was installed or upgraded),
        replacing its statements and keeping the record of the extraction replaced."""
        with self.engine.connect() as conn:
            raw = reads.get_raw_document(conn, doc_id)
        if raw is None:
            return None
        extracted = self.extract(raw, extractor)
        self.writer.run(lambda conn: writes.replace_extraction(conn, doc_id, extracted))
        return self._document(doc_id)

    def document_ids(self) -> list[str]:
        """Every stored document's id, oldest first."""
        with self.engine.connect() as conn:
            return reads.documents_query().ids(conn)

    def get_extractions(self, doc_id: str) -> list[ExtractionRecord]:
        with self.engine.connect() as conn:
            return reads.get_extractions(conn, doc_id)

    def _document(self, doc_id: str) -> Document:
        document = self.get_document(doc_id)
        assert document is not None
        return document

    # Reads. Those the API answers from the event loop take the loop's reader as ``db``
    # (``provenance.api.reading``); without one they read on a connection of their own.

    def _reading(self, db: Reader | None) -> AbstractContextManager[Reader]:
        return nullcontext(db) if db is not None else reader(self.engine)

    def kept(
        self,
        key: Hashable,
        load: Callable[[Reader], T],
        worth_keeping: Callable[[T], bool],
        db: Reader | None = None,
    ) -> T:
        """``load(db)``, kept under ``key`` until the next write when ``worth_keeping``: the
        API's answers, whose ``body`` is their encoding (``provenance.api.reading``)."""
        with self._reading(db) as db:
            return self.answer_cache.one(db, key, lambda: load(db), worth_keeping)

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return reads.documents_query().count(conn)

    def list_documents(
        self, limit: int, offset: int, outlet: str | None = None, after: Key | None = None
    ) -> Slice:
        listing = reads.documents_query(outlet)
        return self._page(listing, limit, offset, after, reads.get_document_summaries)

    def get_document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            return reads.get_document(conn, doc_id)

    def list_statements(
        self,
        limit: int,
        offset: int,
        after: Key | None = None,
        db: Reader | None = None,
        **filters,
    ) -> Slice:
        with self._reading(db) as db:  # one connection: names resolved, then the page
            listing = reads.statements_query(db, **filters)
            if listing is None:
                return Slice([], 0)
            found = reads.statement_page(db, listing, limit + 1, offset, after)
            keys = [reads.statement_key(statement) for statement in found]
            return _slice(db, listing, found[:limit], keys, limit, offset, after)

    def get_statement(self, statement_id: int, db: Reader | None = None) -> Statement | None:
        """The statement; raises StatementGone when a re-extraction removed it."""
        with self._reading(db) as db:
            statement = reads.get_statement(db, statement_id)
            if statement is None and (retired := writes.successor_of(db, statement_id)):
                raise StatementGone(statement_id, *retired)
        return statement

    def _list_named(
        self,
        named: _Named,
        limit: int,
        offset: int,
        q: str | None = None,
        after: Key | None = None,
        db: Reader | None = None,
    ) -> Slice:
        """Speakers or sources (``named``), most quoted first, ``q`` matching any name."""
        dialect = self.engine.dialect.name
        listing = reads.entities_query(dialect, named.table, named.aliases, named.owner, q)
        return self._search(listing, limit, offset, after, named.load, db)

    list_speakers = partialmethod(_list_named, _SPEAKERS)

    def get_speaker(self, speaker_id: int) -> Speaker | None:
        """A speaker's profile: aliases, roles, the outlets and intermediaries of their words."""
        speaker = next(iter(self._read(reads.get_speakers, [speaker_id])), None)
        if speaker is None:
            return None
        with self.engine.connect() as conn:
            outlets, hops = relays.speaker_relations(conn, speaker_id)
        return replace(speaker, outlets=outlets, intermediaries=hops)

    list_sources = partialmethod(_list_named, _SOURCES)

    def get_source(self, source_id: int) -> Source | None:
        """A source with whom it relays and who relays it."""
        source = next(iter(self._read(reads.get_sources, [source_id])), None)
        if source is None:
            return None
        with self.engine.connect() as conn:
            upstream, downstream = relays.source_relations(conn, source_id)
        return replace(source, relays=upstream, relayed_by=downstream)

    # Tracing

    def trace(
        self,
        q: str,
        limit: int,
        offset: int,
        db: Reader | None = None,
        shown: int = clusters.APPEARANCES_TRACED,
    ) -> Slice:
        """Clusters carrying the words of ``q`` (a quotation or a fragment), best first, each
        with its first ``shown`` appearances.

        Raises ``provenance.tracing.matching.QueryTooShort`` when ``q`` is too short.
        """
        tokens = query_words(q)
        with self._reading(db) as conn:
            found = index.matching_clusters(conn, tokens, TRACE_CANDIDATES)
            chosen = dict(found[offset : offset + limit])
            loaded = self._clusters(conn, list(chosen), shown)
        return Slice([replace(c, score=chosen[c.id]) for c in loaded], len(found))

    def get_cluster(self, cluster_id: int) -> Cluster | None:
        with reader(self.engine) as conn:
            return next(iter(self._clusters(conn, [cluster_id], clusters.APPEARANCES_SHOWN)), None)

    def _clusters(self, db: Db, ids: list[int], shown: int) -> list[Cluster]:
        """Clusters ``ids`` (those that exist) with ``shown`` appearances, loaded once per
        read version."""
        return self.cluster_cache.many(
            db,
            [(cluster_id, shown) for cluster_id in ids],
            lambda db, keys: clusters.get_clusters(db, [key[0] for key in keys], shown),
            lambda cluster: (cluster.id, shown),
        )

    def statement_cluster(self, statement_id: int) -> Cluster | None:
        """The cluster of a statement: every appearance of its words."""
        with self.engine.connect() as conn:
            cluster_id = clusters.cluster_of(conn, statement_id)
        return None if cluster_id is None else self.get_cluster(cluster_id)

    def list_appearances(
        self, cluster_id: int, limit: int, offset: int, after: Key | None = None
    ) -> Slice:
        listing = clusters.members_query(cluster_id)
        return self._page(listing, limit, offset, after, clusters.get_appearances)

    def list_disagreements(self, limit: int, offset: int, kind: str | None = None) -> Slice:
        with self.engine.connect() as conn:
            return Slice(*disagreements.disagreements_page(conn, kind, limit, offset))

    def relay_graph(self, limit: int, offset: int, min_weight: int = 1) -> Slice:
        with self.engine.connect() as conn:
            return Slice(*relays.relays_page(conn, limit, offset, min_weight))

    def statement_prov(self, statement_id: int) -> ProvDocument | None:
        found = self._read(clusters.get_appearances, [statement_id])
        return prov_document(appearances=found) if found else None

    def cluster_prov(self, cluster_id: int) -> ProvDocument | None:
        cluster = self.get_cluster(cluster_id)
        return prov_document(clusters=[cluster]) if cluster else None

    def trace_prov(self, q: str, limit: int, offset: int) -> ProvDocument:
        traced = self.trace(q, limit, offset, shown=clusters.APPEARANCES_SHOWN)
        return prov_document(clusters=traced.items)

    def statement_chain_svg(self, statement_id: int) -> str | None:
        found = self._read(clusters.get_appearances, [statement_id])
        return chain_svg(found, f"Statement {statement_id}") if found else None

    def cluster_chain_svg(self, cluster_id: int) -> str | None:
        cluster = self.get_cluster(cluster_id)
        if cluster is None:
            return None
        return chain_svg(cluster.appearances, f"Cluster {cluster_id}: “{cluster.text}”")

    def _page(
        self, listing: reads.Listing, limit: int, offset: int, after: Key | None, load: Callable
    ) -> Slice:
        """:func:`_page_on` a connection of its own."""
        with self.engine.connect() as conn:
            return _page_on(conn, listing, limit, offset, after, load)

    def _search(
        self,
        listing: reads.Listing,
        limit: int,
        offset: int,
        after: Key | None,
        load: Callable,
        db: Reader | None,
    ) -> Slice:
        """:func:`_page_on` ``db`` (or a reader of its own), the page's ids and total found
        once per read version: a search asks a trigram index whose constant cost on SQLite
        is several times a page's."""
        key = (listing.key, limit, offset, after)
        with self._reading(db) as db:
            found = self.search_cache.one(
                db, key, lambda: _page_on(db, listing, limit, offset, after, _ids)
            )
            return Slice(load(db, found.items), found.total, found.last)

    def _read(self, load: Callable, keys: Sequence) -> list:
        """``load(db, keys)`` on a reader of its own."""
        with reader(self.engine) as db:
            return load(db, keys)


def _ids(_db: Db, ids: list) -> list:
    return ids


def _page_on(
    db: Db,
    listing: reads.Listing,
    limit: int,
    offset: int,
    after: Key | None,
    load: Callable,
) -> Slice:
    """One page of ``listing``, after the item keyed ``after`` (if given) and ``offset``
    more, loaded by ``load(db, ids)``, with the list's total and the last item's key."""
    rows = listing.page(db, limit + 1, offset, after)
    items = load(db, [row[0] for row in rows[:limit]])
    return _slice(db, listing, items, [tuple(row[1:]) for row in rows], limit, offset, after)


def _slice(
    db: Db,
    listing: reads.Listing,
    items: list,
    keys: list[Key],
    limit: int,
    offset: int,
    after: Key | None,
) -> Slice:
    """A page of ``items`` whose list keys (one more than ``limit`` when more follow) are
    ``keys``, with the list's total and the last item's key."""
    more = len(keys) > limit
    if after is None and not more and (keys or offset == 0):
        total = offset + len(keys)  # the last page: nothing to count
    else:
        total = listing.count(db)
    return Slice(items, total, keys[limit - 1] if more else None)
