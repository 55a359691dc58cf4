"""Who relays whom: the nodes and weighted links of the relay graph."""

from typing import Literal

from msgspec import Struct

NodeKind = Literal["speaker", "source", "outlet"]


class GraphNode(Struct, kw_only=True):
    """A speaker, an intermediary (source) or an outlet that publishes documents."""

    kind: NodeKind
    id: int | None
    """Speaker or source id; null for an outlet, which is known by its name."""
    name: str


class GraphLink(Struct, kw_only=True):
    """A node and how many statements link it to the node it is listed under."""

    node: GraphNode
    weight: int


class RelayEdge(Struct, kw_only=True):
    """``by`` relayed the words of ``relayed`` in ``weight`` statements."""

    relayed: GraphNode
    by: GraphNode
    weight: int
