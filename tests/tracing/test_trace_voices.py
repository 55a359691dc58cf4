"""Same words, different speakers: only when they are different voices (invented stories).

An organisation and its own spokesperson, a speaker and whoever relays them, one anonymous
source described two ways, and one document naming one voice twice are no disagreement;
two unrelated speakers are.
"""

from dataclasses import dataclass, field

import pytest

from provenance.domain import ExtractedSpeaker
from tests.factories import statement, store

WORDS = "the reservoir will be full again before the autumn rains arrive"
OTHER = "the harbour wall was never inspected after the winter storms"


@dataclass
class Said:
    """One attribution of WORDS (or *text*) in a story."""

    speaker: str
    kind: str = "person"
    via: tuple[str, ...] = ()
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    text: str = WORDS
    cue: str = "said"


def story(service, title: str, *said: Said) -> str:
    """Store one document in which each ``said`` is a sentence of its own."""
    sentences = [f'"{s.text}," said {s.speaker}.' for s in said]
    body = f"{title}\n\n" + "\n".join(sentences) + "\n"
    found, offset = [], len(title) + 2
    for s, sentence in zip(said, sentences, strict=True):
        made = statement(body[offset:], s.text, s.speaker, via=s.via, speaker_kind=s.kind)
        made.cue = s.cue
        made.start += offset
        made.end += offset
        found.append(made)
        offset += len(sentence) + 1
    declared = [
        ExtractedSpeaker(name=s.speaker, kind=s.kind, roles=s.roles, aliases=s.aliases)  # type: ignore[arg-type]
        for s in said
        if s.roles or s.aliases
    ]
    return store(service.engine, body, found, speakers=declared)


def speaker_disagreements(client) -> list[set[str]]:
    found = client.get("/disagreements", params={"kind": "speakers", "limit": 500}).json()
    return [{s["speaker"]["name"] for s in d["speakers"]} for d in found["items"]]


ORG = Said("Calder Water Board", kind="organization")
SPOKESWOMAN = Said("Mira Osk", roles=["Calder Water Board spokeswoman"])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(ORG, SPOKESWOMAN, id="organisation and its spokesperson by role"),
        pytest.param(
            ORG,
            Said("Jon Arla", aliases=["the Calder Water Board's chief engineer Jon Arla"]),
            id="organisation and its official by alias",
        ),
        pytest.param(
            Said("Water Board", kind="organization"),
            Said("Calder's Water Board", kind="organization"),
            id="an organisation named in full and in short",
        ),
        pytest.param(
            Said("Anders Brel"),
            Said("Ilse Quorvik", via=("Anders Brel",)),
            id="a speaker and the person who relays them",
        ),
        pytest.param(
            Said("two ferrymen", kind="group", via=("Harbour Radio",)),
            Said("local boat crews", kind="group", via=("Harbour Radio",)),
            id="one anonymous source relayed by one outlet, described two ways",
        ),
        pytest.param(
            Said("a dock worker", kind="group", via=("Harbour Radio",)),
            Said("Pell Danner", via=("Harbour Radio",)),
            id="an anonymous source and the one named speaker of that outlet",
        ),
    ],
)
def test_one_voice_in_two_documents_is_no_disagreement(client, service, first, second):
    story(service, "Reservoir levels", first)
    story(service, "Autumn outlook", second)
    assert speaker_disagreements(client) == []


def test_one_document_naming_one_voice_twice_is_no_disagreement(client, service):
    story(
        service,
        "Reservoir levels",
        Said("the regional water authority", kind="organization"),
        Said("Sena Holt"),
    )
    assert speaker_disagreements(client) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(Said("Anders Brel"), Said("Ilse Quorvik"), id="two unrelated people"),
        pytest.param(
            ORG,
            Said("Mira Osk", roles=["Calder Rail Company spokeswoman"]),
            id="a spokesperson of another organisation",
        ),
        pytest.param(
            Said("Calder", kind="organization"),
            Said("Calder Rowing Club", kind="organization"),
            id="a one-word name inside another organisation's name",
        ),
        pytest.param(
            Said("two ferrymen", kind="group", via=("Harbour Radio",)),
            Said("local boat crews", kind="group", via=("Coast FM",)),
            id="anonymous sources relayed by different outlets",
        ),
    ],
)
def test_different_voices_in_two_documents_disagree(client, service, first, second):
    story(service, "Reservoir levels", first)
    story(service, "Autumn outlook", second)
    assert speaker_disagreements(client) == [{first.speaker, second.speaker}]


def test_two_named_speakers_of_one_outlet_still_disagree(client, service):
    story(service, "Reservoir levels", Said("a dock worker", kind="group", via=("Harbour Radio",)))
    story(service, "Autumn outlook", Said("Pell Danner", via=("Harbour Radio",)))
    story(service, "Storm damage", Said("Ona Fesk", via=("Harbour Radio",)))
    assert speaker_disagreements(client) == [{"a dock worker", "Pell Danner", "Ona Fesk"}]


def test_one_document_with_two_origins_disagrees(client, service):
    story(
        service,
        "Reservoir levels",
        Said("Anders Brel", via=("Harbour Radio",)),
        Said("Ilse Quorvik", via=("Coast FM",)),
    )
    assert speaker_disagreements(client) == [{"Anders Brel", "Ilse Quorvik"}]


def test_a_spokesperson_joins_the_disagreement_of_their_organisation(client, service):
    story(service, "Reservoir levels", ORG)
    story(service, "Autumn outlook", SPOKESWOMAN)
    story(service, "Dry summer", Said("Anders Brel"))
    story(service, "Harbour", Said("Anders Brel", text=OTHER), Said("Ilse Quorvik", text=OTHER))
    found = speaker_disagreements(client)
    assert {ORG.speaker, SPOKESWOMAN.speaker, "Anders Brel"} in found
    assert len(found) == 1  # OTHER: two speakers, but one document tells it


def test_the_summary_names_the_voices(client, service):
    story(service, "Reservoir levels", ORG)
    story(service, "Autumn outlook", SPOKESWOMAN)
    story(service, "Dry summer", Said("Anders Brel"))
    (found,) = client.get("/disagreements", params={"kind": "speakers"}).json()["items"]
    assert found["summary"] == (
        "The same words are attributed to 2 voices: "
        "Calder Water Board and Mira Osk (one voice); Anders Brel."
    )


def test_a_speaker_who_denies_the_words_is_not_given_them(client, service):
    story(service, "Reservoir levels", Said("Coast FM", kind="organization"))
    story(service, "Denial", Said("Calder Water Board", kind="organization", cue="denied"))
    assert speaker_disagreements(client) == []
    story(service, "Dry summer", Said("Anders Brel"))
    assert speaker_disagreements(client) == [{"Coast FM", "Anders Brel"}]


def origin_disagreements(client) -> list[set[str]]:
    found = client.get("/disagreements", params={"kind": "origins", "limit": 500}).json()
    return [{link["node"]["name"] for link in d["origins"]} for d in found["items"]]


def test_a_chain_that_credits_one_more_hop_is_no_disagreement(client, service):
    story(service, "Reservoir levels", Said("Anders Brel", via=("Harbour Radio",)))
    story(service, "Autumn outlook", Said("Anders Brel", via=("two ferrymen", "Harbour Radio")))
    assert origin_disagreements(client) == []


def test_one_document_with_a_nested_relay_is_no_disagreement(client, service):
    story(
        service,
        "Reservoir levels",
        Said("two ferrymen", kind="group", via=("Harbour Radio",)),
        Said("Calder Water Board", kind="organization", via=("two ferrymen", "Harbour Radio")),
    )
    assert origin_disagreements(client) == []


def test_two_documents_with_different_first_hops_disagree(client, service):
    story(service, "Reservoir levels", Said("Anders Brel", via=("Harbour Radio",)))
    story(service, "Autumn outlook", Said("Anders Brel", via=("Coast FM",)))
    assert origin_disagreements(client) == [{"Harbour Radio", "Coast FM"}]


def test_chains_that_part_before_the_last_hop_disagree(client, service):
    story(service, "Reservoir levels", Said("Anders Brel", via=("Harbour Radio", "Daily Tide")))
    story(service, "Autumn outlook", Said("Anders Brel", via=("Coast FM", "Daily Tide")))
    assert origin_disagreements(client) == [{"Harbour Radio", "Coast FM"}]


def test_words_asserted_and_denied_in_one_cluster_say_so(client, service):
    story(service, "Reservoir levels", Said("Coast FM", kind="organization"))
    story(service, "Denial", Said("Calder Water Board", kind="organization", cue="denied"))
    found = client.get("/disagreements", params={"kind": "denial"}).json()["items"]
    assert [d["summary"] for d in found] == [f"“{WORDS}” is both asserted and denied."]
