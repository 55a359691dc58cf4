"""Page-layout and attribution conventions of English news sites (invented text)."""

import pytest

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules, parse_layout
from tests.extraction.conftest import attribute_body, by_text

LEDE = "The harbour reopened on Monday after a week of storms, officials said."


def parse(text: str):
    return parse_layout(RawDocument(text=text), LayoutRules(), "generic")


@pytest.mark.parametrize(
    "crumbs", ["Home » Region » Coast", "Home > News > World", "News | Business"]
)
def test_separated_breadcrumbs_are_not_the_title(crumbs: str):
    parsed = parse(f"{crumbs}\n\nHarbour reopens after storms\n\nBy Jane Doe\n\n{LEDE}")
    assert parsed.title == "Harbour reopens after storms"
    assert crumbs not in parsed.body


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        ("Reported by: Jane Doe | Published: March 8, 2025, 21:14 IST", ["Jane Doe"]),
        ("Written by Jane Doe\nPublished 8 March 2025", ["Jane Doe"]),
        ("By Jane Doe | Updated: March 8, 2025", ["Jane Doe"]),
        ("Web Desk\n\nPublished: Sat 8 March 2025, 7:32 PM", []),
        ("Staff Reporter\nPublished 8 March 2025", []),
        ("Jane Doe\nThe Daily Press\nPublished March 8, 2025 at 6:48 p.m. ET", ["Jane Doe"]),
        ("8 March 2025\n\nJane Doe\nBusiness reporter", ["Jane Doe"]),
    ],
)
def test_labelled_and_piped_bylines(header: str, authors: list[str]):
    parsed = parse(f"Harbour reopens after storms\n\n{header}\n\n{LEDE}")
    assert parsed.authors == authors
    assert parsed.body == LEDE


def test_lone_name_under_title_before_dateline_is_byline():
    parsed = parse(f"Harbour reopens after storms\n\nJane Doe\n\nPORTVILLE - {LEDE}")
    assert parsed.authors == ["Jane Doe"]
    assert parsed.dateline == "PORTVILLE"


@pytest.mark.parametrize(
    ("lede", "place"),
    [
        (f"Portville: {LEDE}", "Portville"),
        (f"Port Marlow: {LEDE}", "Port Marlow"),
        (f"PORTVILLE (AP) — {LEDE}", "PORTVILLE"),
        (f"PORTVILLE, Eastland — {LEDE}", "PORTVILLE"),
        (f"Analysis: {LEDE}", None),
    ],
)
def test_mixed_case_datelines(lede: str, place: str | None):
    assert parse(f"Harbour reopens\n\nBy Jane Doe\n\n{lede}").dateline == place


def test_share_widgets_inline_links_and_credits_are_furniture():
    furniture = [
        "Share: Facebook | X | WhatsApp",
        "Share this story: Facebook | X | Email",
        "Also Read: Ferry fares to rise from June, operator says",
        "READ: What the new storm warnings mean",
        "(With inputs from agencies)",
        "Follow us on Google News for the latest updates",
    ]
    second = "Dock workers returned to the quays on Tuesday, the union said."
    text = "\n\n".join(["Harbour reopens", "By Jane Doe", LEDE, *furniture, second])
    parsed = parse(text)
    assert parsed.body == f"{LEDE}\n\n{second}"


def test_related_topics_block_ends_the_story():
    text = (
        f"Harbour reopens\n\nBy Jane Doe\n\n{LEDE}\n\nMore text here about the port.\n\n"
        "Related topics\nShipping\n\nTop stories\nAnother story"
    )
    assert parse(text).body.endswith("More text here about the port.")


def test_trailing_agency_report_is_its_statement():
    body = (
        "The two ports signed a trade agreement on Monday, "
        "the official news agency Norpress reported."
    )
    found = by_text(attribute_body(body))
    statement = found["The two ports signed a trade agreement on Monday"]
    assert statement.speaker.name.endswith("Norpress")


def test_said_according_to_agency_is_a_relay():
    body = '"The port will grow," the minister Anna Berg said, according to Norpress.'
    found = attribute_body(body).statements
    assert [s.text for s in found] == ["The port will grow,"]
    assert [v.name for v in found[0].via] == ["Norpress"]


def test_reported_citing_a_source():
    body = "The Daily Courier reported, citing a port official, that two ferries had been sold."
    found = by_text(attribute_body(body))
    statement = found["two ferries had been sold"]
    assert statement.speaker.name == "a port official"
    assert statement.via[0].name.endswith("Courier")


def test_court_ruling_and_separate_opinion():
    body = (
        "Writing for the majority, Justice Ana Ruiz said the search was unlawful.\n\n"
        "Justice Tom Reed wrote separately to say that the legislature should act first.\n\n"
        "The appeals court ruled that the records must be released."
    )
    found = by_text(attribute_body(body))
    assert found["the search was unlawful"].speaker.name == "Ana Ruiz"
    assert "the legislature should act first" in found
    assert found["the records must be released"].speaker.name.endswith("court")
    assert all(s.speaker.name != "Writing" for s in found.values())


def test_transcript_of_a_news_conference(plugins):
    from tests.extraction.conftest import run

    text = (
        "Club trades captain\n\nBy Jane Doe\n\n"
        "Coach Lyle Park spoke after the trade was announced on Friday.\n\n"
        "Here is a transcript of Park's news conference:\n\n"
        "Q: Why now?\n\nPark: The timing was right for both sides and we knew it.\n\n"
        "Q: Any regrets?\n\nPark: None at all. He gave us six good years here."
    )
    found = run(text, plugins)
    answers = [s for s in found.statements if s.text.startswith(("The timing", "None at all"))]
    assert answers and all(s.channel == "news conference" for s in answers)


def test_speaking_to_reporters_is_a_media_talk():
    body = 'Speaking to reporters at the town hall, mayor Anna Berg said, "We will rebuild."'
    assert by_text(attribute_body(body))["We will rebuild."].channel == "media talk"
