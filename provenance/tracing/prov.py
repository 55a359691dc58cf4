"""W3C PROV of traced statements, built with the ``prov`` package.

Speakers, sources and outlets are agents; what a speaker said, each relay of it and the
statement a document prints are entities; each hop is a quotation (direct speech) or a
derivation (reported speech) of the one before; the speaker's words are the primary
source; documents are collections of their statements, clusters of theirs.
"""

from collections.abc import Iterable
from urllib.parse import quote

from prov.model import PROV, PROV_LABEL, PROV_TYPE, PROV_VALUE, ProvDocument

from provenance.domain import Appearance, Cluster, SourceRef, SpeakerRef

NAMESPACE = "https://provenance.invalid/"
#: Media types served, and the ``prov`` serialisation of each.
MEDIA_TYPES = ("application/prov+json", "application/json", "text/turtle")
_AGENT_TYPES = {"person": PROV["Person"], "organization": PROV["Organization"]}


class ProvBuilder:
    """Adds appearances and clusters to one PROV document, each record once."""

    def __init__(self) -> None:
        self.document = ProvDocument()
        self.document.add_namespace("pv", NAMESPACE)
        self._seen: set[str] = set()

    def add_appearance(self, appearance: Appearance) -> str:
        """The statement, its chain and its document; returns the statement's identifier."""
        statement = appearance.statement
        printed = f"pv:statement/{statement.id}"
        if printed in self._seen:
            return printed
        speaker = self._speaker(statement.speaker) if statement.speaker else None
        previous = self._original(statement.id, statement.text, speaker, statement.channel)
        for position, source in enumerate(statement.chain.via):
            relay = self._entity(
                f"pv:statement/{statement.id}/hop/{position}", f"as relayed by {source.name}"
            )
            self.document.wasAttributedTo(relay, self._source(source))
            self._derive(relay, previous, statement.kind)
            previous = relay
        self._entity(printed, statement.text, value=statement.text)
        if speaker:
            self.document.wasAttributedTo(printed, speaker)
            self.document.hadPrimarySource(printed, f"pv:statement/{statement.id}/said")
        self._derive(printed, previous, statement.kind)
        self.document.hadMember(self._document(appearance), printed)
        return printed

    def add_cluster(self, cluster: Cluster) -> None:
        """The cluster as a collection of its appearances' statements."""
        identifier = f"pv:cluster/{cluster.id}"
        self._entity(identifier, cluster.text, kind=PROV["Collection"])
        for appearance in cluster.appearances:
            self.document.hadMember(identifier, self.add_appearance(appearance))

    def _original(self, statement_id: int, text: str, speaker, channel) -> str | None:
        """What the speaker said, through the channel, before any relay (when known)."""
        if speaker is None:
            return None
        said = self._entity(f"pv:statement/{statement_id}/said", text, value=text)
        self.document.wasAttributedTo(said, speaker)
        if channel:
            saying = f"pv:statement/{statement_id}/saying"
            self.document.activity(saying, other_attributes={PROV_LABEL: channel})
            self.document.wasGeneratedBy(said, saying)
            self.document.wasAssociatedWith(saying, speaker)
        return said

    def _derive(self, later: str, earlier: str | None, kind: str) -> None:
        if earlier is None:
            return
        if kind == "direct":
            self.document.wasQuotedFrom(later, earlier)
        else:
            self.document.wasDerivedFrom(later, earlier)

    def _entity(self, identifier: str, label: str, *, value=None, kind=None) -> str:
        if identifier not in self._seen:
            attributes = {PROV_LABEL: label}
            if value is not None:
                attributes[PROV_VALUE] = value
            if kind is not None:
                attributes[PROV_TYPE] = kind
            self.document.entity(identifier, other_attributes=attributes)
        self._seen.add(identifier)
        return identifier

    def _agent(self, identifier: str, name: str, kind: str) -> str:
        if identifier not in self._seen:
            attributes = {PROV_LABEL: name, "pv:kind": kind}
            if kind in _AGENT_TYPES:
                attributes[PROV_TYPE] = _AGENT_TYPES[kind]
            self.document.agent(identifier, other_attributes=attributes)
            self._seen.add(identifier)
        return identifier

    def _speaker(self, speaker: SpeakerRef) -> str:
        return self._agent(f"pv:speaker/{speaker.id}", speaker.name, speaker.kind)

    def _source(self, source: SourceRef) -> str:
        return self._agent(f"pv:source/{source.id}", source.name, source.kind)

    def _document(self, appearance: Appearance) -> str:
        doc = appearance.document
        identifier = f"pv:document/{doc.id}"
        if identifier not in self._seen:
            attributes = {PROV_TYPE: PROV["Collection"], PROV_LABEL: doc.title or doc.id}
            if doc.published:
                attributes["pv:published"] = doc.published
            self.document.entity(identifier, other_attributes=attributes)
            self._seen.add(identifier)
            if doc.outlet:
                outlet = self._agent(
                    f"pv:outlet/{quote(doc.outlet, safe='')}", doc.outlet, "outlet"
                )
                self.document.wasAttributedTo(identifier, outlet)
        return identifier


def prov_document(
    appearances: Iterable[Appearance] = (), clusters: Iterable[Cluster] = ()
) -> ProvDocument:
    """One PROV document with ``appearances`` and ``clusters``."""
    builder = ProvBuilder()
    for appearance in appearances:
        builder.add_appearance(appearance)
    for cluster in clusters:
        builder.add_cluster(cluster)
    return builder.document


def serialize(document: ProvDocument, media_type: str) -> str:
    """PROV-O Turtle for ``text/turtle``, PROV-JSON otherwise."""
    if media_type == "text/turtle":
        return document.serialize(format="rdf", rdf_format="turtle")
    return document.serialize(format="json")
