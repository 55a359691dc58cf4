"""Tracing: who said these words, where they first appeared, who relayed them, who disagrees."""

from collections.abc import Callable
from typing import Annotated, Literal, TypeVar

from litestar import Controller, Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Parameter
from prov.model import ProvDocument

from provenance.api.dependencies import Service
from provenance.api.errors import not_found, problem
from provenance.api.http import EncodedJson
from provenance.api.limits import (
    MAX_INT,
    MAX_TRACE_CHARS,
    MIN_TRACE_CHARS,
    ClusterId,
    StatementId,
)
from provenance.api.openapi import (
    SPEAKER_REF,
    STATEMENT,
    ok,
    page_of,
    problems,
    query_example,
)
from provenance.api.pagination import Cursor, Limit, Offset, after, encoded_page, page
from provenance.api.reading import run_kept
from provenance.domain import Appearance, Cluster, Disagreement, Page, RelayEdge
from provenance.domain.api import TRACEABLE
from provenance.store.plain import Reader
from provenance.tracing.matching import QueryTooShort
from provenance.tracing.prov import MEDIA_TYPES, serialize

T = TypeVar("T")
SVG = "image/svg+xml"
PROV_JSON = "application/prov+json"

# Worked examples for the OpenAPI document (checked against their types in the tests).
REUTERS = {"kind": "source", "id": 3, "name": "Reuters"}
APPEARANCE = {
    "document": {
        "id": "3f2a9c0d1e4b5a67",
        "title": "Council approves budget",
        "outlet": "Example News",
        "published": "2024-03-12",
        "published_precision": "day",
    },
    "statement": STATEMENT,
}
CLUSTER_REF = {"id": 12, "text": STATEMENT["text"], "appearance_count": 2}
CLUSTER = {
    **CLUSTER_REF,
    "document_count": 1,
    "speakers": [
        {"speaker": SPEAKER_REF, "names": [{"name": "Mayor Ana Ruiz", "count": 1}], "count": 1}
    ],
    "first_appearance": APPEARANCE,
    "appearances": [APPEARANCE],
    "appearances_url": "/clusters/12/appearances",
    "intermediaries": [{"node": REUTERS, "weight": 1}],
    "origins": [{"node": REUTERS, "weight": 1}],
    "denied_by": [],
    "denies": [],
    "score": 100.0,
}
DISAGREEMENT = {
    "kind": "speakers",
    "summary": "The same words are attributed to 2 speakers: Ana Ruiz, Bo Li.",
    "cluster": CLUSTER_REF,
    "speakers": [
        {"speaker": SPEAKER_REF, "names": [{"name": "Mayor Ana Ruiz", "count": 1}], "count": 1},
        {
            "speaker": {"id": 9, "name": "Bo Li", "kind": "person"},
            "names": [{"name": "Bo Li", "count": 1}],
            "count": 1,
        },
    ],
    "origins": [],
    "denial": None,
    "statement_ids": [42, 57],
}
RELAY_EDGE = {
    "relayed": {"kind": "speaker", "id": 7, "name": "Ana Ruiz"},
    "by": REUTERS,
    "weight": 3,
}
PROV_EXAMPLE = {
    "prefix": {"pv": "https://provenance.invalid/"},
    "agent": {"pv:speaker/7": {"prov:label": "Ana Ruiz"}},
    "entity": {"pv:statement/42": {"prov:value": STATEMENT["text"]}},
    "wasAttributedTo": {"_:id1": {"prov:entity": "pv:statement/42", "prov:agent": "pv:speaker/7"}},
}

SVG_EXAMPLE = '<svg xmlns="http://www.w3.org/2000/svg" width="700" height="120">...</svg>'


def _document(model: type, media_type: str, value: object, description: str) -> ResponseSpec:
    return ResponseSpec(
        model,
        description=description,
        media_type=media_type,
        generate_examples=False,
        examples=[Example(summary="Example", value=value)],
    )


PROV_OK = _document(
    dict,
    PROV_JSON,
    PROV_EXAMPLE,
    "PROV-JSON (also as `application/json`); PROV-O Turtle when `Accept` asks for `text/turtle`.",
)
SVG_OK = _document(str, SVG, SVG_EXAMPLE, "An SVG picture.")
TraceQuery = Annotated[
    str,
    Parameter(
        description="A quotation or a fragment of one: at least 4 letters or digits (a leading "
        '"the" not counted), at most '
        f"{MAX_TRACE_CHARS} characters; case, accents, quotes and punctuation are ignored, "
        "small edits tolerated.",
        min_length=MIN_TRACE_CHARS,
        max_length=MAX_TRACE_CHARS,
        pattern=TRACEABLE,
        examples=query_example("they have gathered Pakistani soldiers", "A fragment of a quote"),
    ),
]
TraceLimit = Annotated[int, Parameter(ge=1, le=50, description="Clusters per page (1 to 50).")]


def _checked(call: Callable[..., T], *args: object) -> T:
    """``call(*args)``, with a too-short trace query answered as a 422 problem."""
    try:
        return call(*args)
    except QueryTooShort as error:
        raise problem(422, "query-too-short", "Query too short", str(error)) from None


def _prov(request: Request, document: ProvDocument | None, what: str, key: object) -> Response:
    """PROV-JSON, or PROV-O Turtle when the client's `Accept` prefers `text/turtle`."""
    if document is None:
        raise not_found(what, key)
    media_type = request.accept.best_match(list(MEDIA_TYPES), default=PROV_JSON) or PROV_JSON
    return Response(
        serialize(document, media_type), media_type=media_type, headers={"Vary": "Accept"}
    )


def _svg(picture: str | None, what: str, key: object) -> Response:
    if picture is None:
        raise not_found(what, key)
    return Response(picture, media_type=SVG)


class TraceController(Controller):
    tags = ("tracing",)

    @get(
        "/trace",
        operation_id="TraceQuote",
        summary="Trace a quotation",
        responses={200: ok(Page[Cluster], page_of(CLUSTER)), **problems(400, 422)},
    )
    async def trace(
        self,
        request: Request,
        service: Service,
        q: TraceQuery,
        limit: TraceLimit = 10,
        offset: Offset = 0,
    ) -> EncodedJson:
        """The quote clusters that carry the words of `q`, best match first.

        Each cluster gives the speakers its words are attributed to, its first appearance
        (the earliest document, with the precision of its date), its first 3 appearances
        (document, outlet, speaker as attributed there, channel and chain; every one at
        `appearances_url`) and the intermediaries the words passed through. `q` may be a
        whole quotation, an edited one, or a fragment.
        """

        def answer(db: Reader) -> EncodedJson:
            found = _checked(service.trace, q, limit, offset, db)
            return encoded_page(request, found, limit, offset)

        return await run_kept(request, answer)

    @get(
        "/trace/prov",
        operation_id="TraceQuoteProv",
        summary="Trace a quotation as W3C PROV",
        media_type=PROV_JSON,
        responses={200: PROV_OK, **problems(400, 422)},
        sync_to_thread=True,
    )
    def trace_prov(
        self,
        request: Request,
        service: Service,
        q: TraceQuery,
        limit: TraceLimit = 10,
        offset: Offset = 0,
    ) -> Response[str]:
        """The clusters of `GET /trace` as PROV-JSON, or PROV-O Turtle (`Accept: text/turtle`).

        Speakers, sources and outlets are agents; statements, each relay of them and
        documents are entities; attribution, quotation (or derivation, for reported speech)
        through each hop, and the primary source where the speaker is known.
        """
        document = _checked(service.trace_prov, q, limit, offset)
        return _prov(request, document, "trace", q)

    @get(
        "/clusters/{cluster_id:int}",
        operation_id="GetCluster",
        summary="Get a quote cluster",
        responses={200: ok(Cluster, CLUSTER), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_cluster(self, service: Service, cluster_id: ClusterId) -> Cluster:
        """A quote cluster: speakers, its first 100 appearances, intermediaries, denials."""
        cluster = service.get_cluster(cluster_id)
        if cluster is None:
            raise not_found("cluster", cluster_id)
        return cluster

    @get(
        "/clusters/{cluster_id:int}/appearances",
        operation_id="ListClusterAppearances",
        summary="List a cluster's appearances",
        responses={200: ok(Page[Appearance], page_of(APPEARANCE)), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def list_cluster_appearances(
        self,
        request: Request,
        service: Service,
        cluster_id: ClusterId,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> Response[Page[Appearance]]:
        """Every appearance of a cluster's words, earliest document first."""
        key = after(cursor, "appearances")
        if service.get_cluster(cluster_id) is None:
            raise not_found("cluster", cluster_id)
        found = service.list_appearances(cluster_id, limit, offset, key)
        return page(request, found, limit, offset, "appearances")

    @get(
        "/clusters/{cluster_id:int}/prov",
        operation_id="GetClusterProv",
        summary="Get a cluster as W3C PROV",
        media_type=PROV_JSON,
        responses={200: PROV_OK, **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_cluster_prov(
        self, request: Request, service: Service, cluster_id: ClusterId
    ) -> Response[str]:
        """A cluster as PROV-JSON, or PROV-O Turtle (`Accept: text/turtle`)."""
        return _prov(request, service.cluster_prov(cluster_id), "cluster", cluster_id)

    @get(
        "/clusters/{cluster_id:int}/chain.svg",
        operation_id="GetClusterChainPicture",
        summary="Draw a cluster's chains",
        media_type=SVG,
        responses={200: SVG_OK, **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_cluster_chain(self, service: Service, cluster_id: ClusterId) -> Response[str]:
        """An SVG picture: speakers -> intermediaries -> documents for every appearance."""
        return _svg(service.cluster_chain_svg(cluster_id), "cluster", cluster_id)

    @get(
        "/statements/{statement_id:int}/appearances",
        operation_id="GetStatementAppearances",
        summary="Trace a statement's words",
        responses={200: ok(Cluster, CLUSTER), **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_statement_appearances(self, service: Service, statement_id: StatementId) -> Cluster:
        """The quote cluster of a statement: every appearance of its words, as `GET /trace`."""
        cluster = service.statement_cluster(statement_id)
        if cluster is None:
            raise not_found("statement", statement_id)
        return cluster

    @get(
        "/statements/{statement_id:int}/prov",
        operation_id="GetStatementProv",
        summary="Get a statement as W3C PROV",
        media_type=PROV_JSON,
        responses={200: PROV_OK, **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_statement_prov(
        self, request: Request, service: Service, statement_id: StatementId
    ) -> Response[str]:
        """A statement and its chain as PROV-JSON, or PROV-O Turtle (`Accept: text/turtle`)."""
        return _prov(request, service.statement_prov(statement_id), "statement", statement_id)

    @get(
        "/statements/{statement_id:int}/chain.svg",
        operation_id="GetStatementChainPicture",
        summary="Draw a statement's chain",
        media_type=SVG,
        responses={200: SVG_OK, **problems(400, 404, 422)},
        sync_to_thread=True,
    )
    def get_statement_chain(self, service: Service, statement_id: StatementId) -> Response[str]:
        """An SVG picture: speaker -> channel -> intermediaries -> document."""
        return _svg(service.statement_chain_svg(statement_id), "statement", statement_id)

    @get(
        "/disagreements",
        operation_id="ListDisagreements",
        summary="List where sources disagree",
        responses={200: ok(Page[Disagreement], page_of(DISAGREEMENT)), **problems(400, 422)},
        sync_to_thread=True,
    )
    def list_disagreements(
        self,
        request: Request,
        service: Service,
        limit: Limit = 50,
        offset: Offset = 0,
        kind: Annotated[
            Literal["speakers", "origins", "denial"] | None,
            Parameter(
                description=(
                    "speakers: the same words attributed to different speakers; origins: "
                    "documents trace them to different first intermediaries; denial: "
                    "statements that deny a claim."
                ),
                examples=query_example("speakers", "Misattributions"),
            ),
        ] = None,
    ) -> Response[Page[Disagreement]]:
        """Disagreements: same words with different speakers or origins, and denied claims."""
        return page(request, service.list_disagreements(limit, offset, kind), limit, offset)

    @get(
        "/graph",
        operation_id="GetRelayGraph",
        summary="Who relays whom",
        responses={200: ok(Page[RelayEdge], page_of(RELAY_EDGE)), **problems(400, 422)},
        sync_to_thread=True,
    )
    def relay_graph(
        self,
        request: Request,
        service: Service,
        limit: Limit = 100,
        offset: Offset = 0,
        min_weight: Annotated[
            int,
            Parameter(
                ge=1,
                le=MAX_INT,
                description=f"Only links taken by at least this many statements (1 to {MAX_INT}).",
            ),
        ] = 1,
    ) -> Response[Page[RelayEdge]]:
        """The relay graph's weighted edges, heaviest first.

        An edge says that `by` (a source, or the outlet that published the document)
        relayed the words of `relayed` (a speaker or a source) in `weight` statements.
        """
        found = service.relay_graph(limit, offset, min_weight)
        return page(request, found, limit, offset)
