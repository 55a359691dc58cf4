import pytest

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules, byline_names, parse_layout
from tests.extraction.conftest import run


def parse(text: str):
    return parse_layout(RawDocument(text=text), LayoutRules(), "generic")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
        ("Omar K Sheikh in Lahore", ["Omar K Sheikh"]),
        ("Posted on May 2, 2024 by Ana Lima", ["Ana Lima"]),
        ("Ruth Park Political correspondent", ["Ruth Park"]),
        ("The council met on Monday.", []),
    ],
)
def test_bylines(line: str, names: list[str]):
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("lede", "place"),
    [
        ("KARACHI: The port reopened on Monday.", "KARACHI"),
        ("LIMA (Reuters) - The port reopened on Monday.", "LIMA"),
        ("OSLO, May 3 (AP) — The port reopened on Monday.", "OSLO"),
        ("The port reopened on Monday.", None),
    ],
)
def test_datelines(lede: str, place: str | None):
    parsed = parse(f"Port reopens\n\nBy Jane Doe\n\n{lede}")
    assert parsed.dateline == place
    assert parsed.body.startswith("The port reopened")


def test_header_fields_and_furniture():
    text = (
        "Home World Port reopens after storm\n\nPort reopens after storm\n\nBy Jane Doe\n"
        "Published: 12 March 2024\n\nShare this:\nFacebook\n\n"
        "The port reopened on Monday after a week of storms, officials said.\n\n"
        "Leave a Reply\n\nPlease enter your comment!\n\nRelated Posts\n\nOther story here"
    )
    parsed = parse(text)
    assert parsed.title == "Port reopens after storm"
    assert parsed.authors == ["Jane Doe"]
    assert parsed.published == "2024-03-12"
    assert parsed.body == "The port reopened on Monday after a week of storms, officials said."


def test_repeated_logo_token_lines_are_furniture():
    text = (
        "Title here\n\nFirst paragraph of the story.\n\nsitelogo\n\nSecond paragraph.\n\nsitelogo"
    )
    assert "sitelogo" not in parse(text).body


def test_unrelated_appended_article_is_dropped():
    story = "Harbour workers in Tromso voted to strike, the union said. Tromso port handles fish."
    teaser = "Volcano in Iceland erupts again as Reykjavik airport stays open for flights"
    other = "The Icelandic Met Office said lava flowed south of Grindavik overnight."
    text = f"Tromso dock strike\n\n{story}\n\n{story}\n\n{story}\n\n{teaser}\n\n{other}"
    body = parse(text).body
    assert teaser not in body and body.endswith("fish.")


def test_extractors_claim_their_formats(plugins):
    wire = (
        "Port reopens\n\nLIMA (Reuters) - The port reopened.\n\n"
        "(Reporting by Ana Lima; Editing by Tom Roe)"
    )
    found = run(wire, plugins)
    assert found.extractor == "wire"
    assert "Reporting by" not in found.body
