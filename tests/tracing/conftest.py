"""A small hand-built corpus for the tracing tests: no extraction involved."""

import pytest
from msgspec.structs import replace

from tests.factories import statement, store

CALL = (
    "How can we write? I don't have money. On Agdam's side, they have gathered Pakistani "
    "soldiers and have taken them towards Agdam"
)
CALL_PART = (
    "On Agdam’s side, they have gathered Pakistani soldiers and have taken them towards Agdam"
)
CLAIM = "Pakistani soldiers are fighting alongside Azerbaijan"
VERDICT = "such reports were irresponsible, speculative and baseless"
BASELESS = "irresponsible, speculative and baseless"
KHOJALY = (
    "Armenia committed the Khojaly genocide in February 1992, killing hundreds of civilians, "
    "including 106 women and 63 children … 1,275 Azerbaijanis were taken hostage, 150 of them "
    "are still missing."
)
KHOJALY_LONGER = (
    "Armenia for almost 30 years kept under occupation almost 20 per cent of my country's "
    "territory. Armenia committed the Khojaly genocide in February 1992, killing hundreds of "
    "civilians, including 106 women and 63 children. 1275 Azerbaijanis were taken hostage, "
    "150 of them are still missing"
)
ESCALATION = "Armenia must stop its military action to avoid further escalation"
ARMY = "its army is fighting alongside Azerbaijan in Karabakh"
ARMY_CLAIM = "the army is fighting alongside Azerbaijan in Karabakh"


def _doc(service, title: str, quotes: list, **metadata) -> str:
    """Store a document whose body holds each quote; ``quotes`` are statement() arguments."""
    body = title + "\n\n" + "\n".join(f'"{q[0]}," said {q[1] or "someone"}.' for q in quotes)
    found = []
    for text, speaker, *rest in quotes:
        options = rest[0] if rest else {}
        cue = options.pop("cue", None)
        made = statement(body, text, speaker, **options)
        found.append(replace(made, cue=cue) if cue else made)
    return store(service.engine, body, found, **metadata)


@pytest.fixture
def corpus(service) -> dict[str, str]:
    """Document ids by name: the phone call relayed twice, denials, Khojaly said by two."""
    via_free = {"via": ("FreeNews.AM",), "channel": "telephone conversation"}
    ministry = {"speaker_kind": "organization"}
    return {
        "relay": _doc(
            service,
            "Armenian media claims",
            [
                (CALL_PART, "the locals", dict(via_free)),
                (CLAIM, "Armenian media", {"kind": "indirect", "cue": "claimed"}),
                (VERDICT, "Zahid Hafeez Chaudri", {"kind": "indirect", "cue": "called"}),
            ],
            published="2024-01-10",
            outlet="Shunculture",
        ),
        "phone": _doc(
            service,
            "Pakistani troops fighting in Azerbaijan",
            [(CALL, "the locals", dict(via_free))],
            published="2020-09-29",
            outlet="Tribune",
        ),
        "ministry": _doc(
            service,
            "Pakistan denies",
            [
                (BASELESS, "Pakistani Foreign Ministry", dict(ministry)),
                (BASELESS, "Zahid Hafeez Chaudhri"),
                (ESCALATION, "Foreign Ministry of Pakistan", {"via": ("Reuters",), **ministry}),
            ],
            published="2020-10",
            outlet="Dawn",
        ),
        "mammadov": _doc(
            service,
            "Azerbaijan recognizes Pak support",
            [(KHOJALY, "Elnur Mammadov")],
            published="2021-02-26",
            outlet="Pakistan Observer",
        ),
        "farhadov": _doc(
            service,
            "Azerbaijan grateful to Pakistan",
            [(KHOJALY_LONGER, "Khazar Farhadov")],
            published="2021-11-01",
            outlet="Daily Times",
        ),
        "wire": _doc(
            service,
            "Wire copy",
            [
                (ESCALATION, "Foreign Ministry of Pakistan", {"via": ("AP",), **ministry}),
                (ARMY, "Pakistan", {"kind": "indirect", "cue": "denied", **ministry}),
            ],
            outlet="Wire",
        ),
        "claim": _doc(service, "A claim", [(ARMY_CLAIM, "Armenian officials")], published="2020"),
    }


def cluster_of(client, text: str) -> dict:
    """The single best cluster that ``/trace`` gives for ``text``."""
    response = client.get("/trace", params={"q": text})
    assert response.status_code == 200, response.text
    return response.json()["items"][0]
