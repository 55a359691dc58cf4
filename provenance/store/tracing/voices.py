"""Whether a cluster's words are really attributed to different speakers, or traced along
different chains (`origins_differ`, at the end).

Two speakers of one cluster are *one voice* for those words, not a disagreement, when what
the store holds shows it (evidence read from a bounded number of the cluster's rows):

* **One report.** A document that gives the same words to both, through the same first
  intermediary (or none): one writer telling one story does not disagree with itself; it
  names an organisation and then its spokesperson, or describes one speaker two ways.
* **A relay.** One of them is in the chain of the other's statement: a speaker and the
  person they quote, or who relays them ("Ali said the minister told him ...").
* **Speaking for.** A person or group whose role or alias names the organisation
  ("Foreign Office spokesman" and "the Foreign Office"), or an organisation whose name
  contains the other's name of two words or more ("the Foreign Office" and "Ruritania's
  Foreign Office"): a spokesperson or official speaks for their organisation.
* **One anonymous source.** Groups (unnamed collectives: "residents", "two witnesses")
  traced to the same first intermediary are one source described two ways; so are they and
  the one named speaker traced to that intermediary, when there is exactly one.

One voice is transitive (a spokesperson, the ministry and the government it speaks for are
one voice). A speaker who carries the words only to deny them ("X denied that ...") is not
given them: that is a denial, listed as such. The cluster's speakers differ when they are
more than one voice.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Row, select

from provenance.names import fold_name
from provenance.store.tables import (
    chain_hops,
    source_aliases,
    speaker_aliases,
    speaker_roles,
    speakers,
    statements,
)
from provenance.tracing.matching import denial_kind, words

#: Distinct speakers of a cluster read; a cluster with more always has differing speakers.
SPEAKERS_READ = 20
#: Statements of a cluster read for evidence that two of its speakers are one voice.
ATTRIBUTIONS_READ = 200
#: Aliases and roles of the cluster's speakers read (the most used aliases first).
NAMES_READ = 400
#: Longest name, in words, looked for inside a role or another name.
NAME_WORDS = 8
#: Speaker kinds: an organisation, and an unnamed collective.
ORGANIZATION = "organization"
GROUP = "group"


class Voices:
    """Speakers merged into voices (union-find over a handful of speaker ids)."""

    def __init__(self, speaker_ids: Iterable[int]) -> None:
        self.parent = {speaker_id: speaker_id for speaker_id in speaker_ids}

    def find(self, speaker_id: int) -> int:
        root = speaker_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[speaker_id] != root:
            self.parent[speaker_id], speaker_id = root, self.parent[speaker_id]
        return root

    def join(self, first: int, second: int) -> None:
        if first in self.parent and second in self.parent:
            self.parent[self.find(first)] = self.find(second)

    def join_all(self, speaker_ids: Sequence[int]) -> None:
        for other in speaker_ids[1:]:
            self.join(speaker_ids[0], other)

    def count(self) -> int:
        return len({self.find(speaker_id) for speaker_id in self.parent})

    def groups(self) -> list[list[int]]:
        """The voices, each a list of speaker ids, in the order their first speaker came."""
        found: dict[int, list[int]] = {}
        for speaker_id in self.parent:
            found.setdefault(self.find(speaker_id), []).append(speaker_id)
        return list(found.values())


def speakers_differ(conn: Connection, cluster_id: int) -> bool:
    """True when the cluster's words are attributed to more than one voice (see module)."""
    return len(voices_of(conn, cluster_id)) > 1


def voices_of(conn: Connection, cluster_id: int) -> list[list[int]]:
    """The cluster's speakers grouped into voices (see module); past `SPEAKERS_READ`
    speakers, each one its own voice."""
    speaker_ids = _cluster_speakers(conn, cluster_id)
    if len(speaker_ids) < 2 or len(speaker_ids) > SPEAKERS_READ:
        return [[speaker_id] for speaker_id in speaker_ids]
    read = _attributions(conn, cluster_id)
    attributions = [row for row in read if not _denies(row)]
    deniers = {row.speaker_id for row in read} - {row.speaker_id for row in attributions}
    speaker_ids = [speaker_id for speaker_id in speaker_ids if speaker_id not in deniers]
    if len(speaker_ids) < 2:
        return [[speaker_id] for speaker_id in speaker_ids]
    voices = Voices(speaker_ids)
    kinds: dict[int, str] = dict(
        conn.execute(
            select(speakers.c.id, speakers.c.kind).where(speakers.c.id.in_(speaker_ids))
        ).all()
    )
    _join_one_report(voices, attributions)
    _join_anonymous_sources(voices, attributions, kinds)
    if voices.count() > 1:
        names = _names(conn, speaker_ids)
        _join_relays(conn, voices, attributions, names)
        _join_speaking_for(voices, names, _roles(conn, speaker_ids), kinds)
    return voices.groups()


def _cluster_speakers(conn: Connection, cluster_id: int) -> list[int]:
    return list(
        conn.execute(
            select(statements.c.speaker_id)
            .where(statements.c.cluster_id == cluster_id, statements.c.speaker_id.is_not(None))
            .distinct()
            .order_by(statements.c.speaker_id)
            .limit(SPEAKERS_READ + 1)
        ).scalars()
    )


def _attributions(conn: Connection, cluster_id: int) -> list[Row]:
    """(statement id, speaker, document, first intermediary, text, cue) of the cluster's
    attributed statements."""
    return list(
        conn.execute(
            select(
                statements.c.id,
                statements.c.speaker_id,
                statements.c.document_id,
                statements.c.origin_id,
                statements.c.text,
                statements.c.cue,
            )
            .where(statements.c.cluster_id == cluster_id, statements.c.speaker_id.is_not(None))
            .order_by(statements.c.speaker_id, statements.c.id)
            .limit(ATTRIBUTIONS_READ)
        ).all()
    )


def _denies(row: Row) -> bool:
    """The statement carries the words only to deny them ("X denied that ..."): a denial
    cue and no verdict. Its speaker is not given the words (the denial section shows it)."""
    verdict, denial_cue = denial_kind(words(row.text), row.cue)
    return denial_cue and not verdict


def _join_one_report(voices: Voices, attributions: Sequence[Row]) -> None:
    by_report: dict[tuple, list[int]] = defaultdict(list)
    for row in attributions:
        by_report[(row.document_id, row.origin_id)].append(row.speaker_id)
    for speaker_ids in by_report.values():
        voices.join_all(speaker_ids)


def _join_anonymous_sources(
    voices: Voices, attributions: Sequence[Row], kinds: dict[int, str]
) -> None:
    by_origin: dict[int, set[int]] = defaultdict(set)
    for row in attributions:
        if row.origin_id is not None:
            by_origin[row.origin_id].add(row.speaker_id)
    for speaker_ids in by_origin.values():
        groups = sorted(s for s in speaker_ids if kinds.get(s) == GROUP)
        named = sorted(s for s in speaker_ids if kinds.get(s) != GROUP)
        voices.join_all(groups + named if groups and len(named) == 1 else groups)


def _words(name: str) -> str:
    """A name folded to words, possessives dropped: "Ruritania's Foreign Office" ->
    "ruritania foreign office"."""
    folded = fold_name(name).split()
    return " ".join(word.removesuffix("'s").replace("'", "") for word in folded)


def _names(conn: Connection, speaker_ids: Sequence[int]) -> dict[int, set[str]]:
    """Every name (canonical and alias) of each speaker, as words."""
    names: dict[int, set[str]] = defaultdict(set)
    for speaker_id, name in conn.execute(
        select(speakers.c.id, speakers.c.name).where(speakers.c.id.in_(speaker_ids))
    ):
        names[speaker_id].add(_words(name))
    for speaker_id, alias in conn.execute(
        select(speaker_aliases.c.speaker_id, speaker_aliases.c.alias)
        .where(speaker_aliases.c.speaker_id.in_(speaker_ids))
        .order_by(speaker_aliases.c.count.desc(), speaker_aliases.c.id)
        .limit(NAMES_READ)
    ):
        names[speaker_id].add(_words(alias))
    return {speaker_id: found - {""} for speaker_id, found in names.items()}


def _roles(conn: Connection, speaker_ids: Sequence[int]) -> dict[int, set[str]]:
    roles: dict[int, set[str]] = defaultdict(set)
    for speaker_id, role in conn.execute(
        select(speaker_roles.c.speaker_id, speaker_roles.c.role)
        .where(speaker_roles.c.speaker_id.in_(speaker_ids))
        .distinct()
        .limit(NAMES_READ)
    ):
        roles[speaker_id].add(_words(role))
    return roles


def _join_relays(
    conn: Connection, voices: Voices, attributions: Sequence[Row], names: dict[int, set[str]]
) -> None:
    """Join a statement's speaker with any speaker of the cluster named in its chain."""
    speaker_of = {row.id: row.speaker_id for row in attributions}
    hops = conn.execute(
        select(chain_hops.c.statement_id, chain_hops.c.source_id).where(
            chain_hops.c.statement_id.in_(list(speaker_of))
        )
    ).all()
    if not hops:
        return
    source_names: dict[int, set[str]] = defaultdict(set)
    for source_id, alias in conn.execute(
        select(source_aliases.c.source_id, source_aliases.c.alias)
        .where(source_aliases.c.source_id.in_({source_id for _, source_id in hops}))
        .limit(NAMES_READ)
    ):
        source_names[source_id].add(_compact(_words(alias)))
    speakers_named: dict[str, set[int]] = defaultdict(set)
    for speaker_id, found in names.items():
        for name in found:
            speakers_named[_compact(name)].add(speaker_id)
    for statement_id, source_id in hops:
        for name in source_names.get(source_id, ()):
            for relay in speakers_named.get(name, ()):
                voices.join(speaker_of[statement_id], relay)


def _compact(words: str) -> str:
    return words.replace(" ", "")


def _join_speaking_for(
    voices: Voices,
    names: dict[int, set[str]],
    roles: dict[int, set[str]],
    kinds: dict[int, str],
) -> None:
    """Join an organisation with the speakers whose role or name names it."""
    organizations = [s for s, kind in kinds.items() if kind == ORGANIZATION]
    if not organizations:
        return
    for speaker_id in kinds:
        runs = _runs(names.get(speaker_id, set()) | roles.get(speaker_id, set()))
        for organization in organizations:
            if organization != speaker_id and _names_it(
                names.get(organization, set()), runs, kinds[speaker_id] == ORGANIZATION
            ):
                voices.join(speaker_id, organization)


def _names_it(organization: set[str], runs: set[str], by_organization: bool) -> bool:
    """One of the organisation's names is a run of words of the other's names or roles; for
    another organisation, only a name of two words or more counts ("Ruritania" inside
    "Ruritania Cricket Board" is another body)."""
    if not by_organization:
        return not organization.isdisjoint(runs)
    return any(" " in name and name in runs for name in organization)


def _runs(texts: Iterable[str]) -> set[str]:
    """Every run of up to `NAME_WORDS` words of *texts*."""
    found: set[str] = set()
    for text in texts:
        words = text.split()
        for start in range(len(words)):
            for end in range(start + 1, min(start + NAME_WORDS, len(words)) + 1):
                found.add(" ".join(words[start:end]))
    return found


# --- origins ---------------------------------------------------------------------------------

#: Relayed statements of a cluster read to decide whether their origins differ.
RELAYED_READ = 200
#: Distinct chains compared pairwise; a cluster with more always has differing origins.
CHAINS_COMPARED = 40


def origins_differ(conn: Connection, cluster_id: int) -> bool:
    """True when two documents trace the cluster's words along incompatible chains.

    Two chains are compatible when the first intermediary of one is in the other: one
    document credits a hop nearer the speaker that the other leaves out ("via FreeNews" and
    "via locals, via FreeNews"). One document does not disagree with itself (nested relays
    of the same words, or two outlets credited in one story).
    """
    documents_of = _chains(conn, cluster_id)
    if len(documents_of) > CHAINS_COMPARED:
        return True
    chains = list(documents_of)
    for i, first in enumerate(chains):
        for second in chains[i + 1 :]:
            one_document = len(documents_of[first]) == 1 and (
                documents_of[first] == documents_of[second]
            )
            if not one_document and not _compatible(first, second):
                return True
    return False


def _compatible(first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    return first[0] in second or second[0] in first


def _chains(conn: Connection, cluster_id: int) -> dict[tuple[int, ...], set[str]]:
    """Each distinct chain (source ids, nearest the speaker first) of the cluster's relayed
    statements, with the documents that give it."""
    relayed = dict(
        conn.execute(
            select(statements.c.id, statements.c.document_id)
            .where(statements.c.cluster_id == cluster_id, statements.c.origin_id.is_not(None))
            .order_by(statements.c.origin_id, statements.c.id)
            .limit(RELAYED_READ)
        ).all()
    )
    hops: dict[int, list[int]] = defaultdict(list)
    for statement_id, source_id in conn.execute(
        select(chain_hops.c.statement_id, chain_hops.c.source_id)
        .where(chain_hops.c.statement_id.in_(list(relayed)))
        .order_by(chain_hops.c.statement_id, chain_hops.c.position)
    ):
        hops[statement_id].append(source_id)
    documents_of: dict[tuple[int, ...], set[str]] = defaultdict(set)
    for statement_id, chain in hops.items():
        documents_of[tuple(chain)].add(relayed[statement_id])
    return documents_of
