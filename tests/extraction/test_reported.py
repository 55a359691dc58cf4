import pytest

from tests.extraction.conftest import attribute_body, by_text


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        (
            "Mayor Ann Lee said that the road would reopen in May.",
            "the road would reopen in May",
            "Ann Lee",
        ),
        (
            "Mayor Ann Lee said the road would reopen in May.",
            "the road would reopen in May",
            "Ann Lee",
        ),
        (
            "According to the city council, the road would reopen in May.",
            "the road would reopen in May",
            "city council",
        ),
        (
            "The road would reopen in May, according to the city council.",
            "The road would reopen in May",
            "city council",
        ),
        (
            "Senator Tom Bright warned that the bill would fail.",
            "the bill would fail",
            "Tom Bright",
        ),
        (
            "Governor Ruth Kay accused the union of stalling the talks.",
            "the union of stalling the talks",
            "Ruth Kay",
        ),
        (
            "Local residents called for an inquiry into the fire.",
            "an inquiry into the fire",
            "Local residents",
        ),
        (
            "The ministry denied claims by opposition activists that the vote was rigged.",
            "the vote was rigged",
            "opposition activists",
        ),
        (
            "Coach Ian Moss made it clear that nobody would be sold.",
            "nobody would be sold",
            "Ian Moss",
        ),
        ("The budget is balanced, Treasurer Amy Cole said.", "The budget is balanced", "Amy Cole"),
    ],
)
def test_reported_speech_patterns(body: str, text: str, speaker: str):
    found = by_text(attribute_body(body))
    assert text in found
    assert found[text].kind == "indirect"
    assert found[text].speaker.name == speaker


def test_participle_shares_the_subject():
    body = (
        "Chief Executive Lena Hart thanked the staff for their work, saying the year had been hard."
    )
    found = by_text(attribute_body(body))
    assert found["the year had been hard"].speaker.name == "Lena Hart"
    assert found["the staff for their work"].speaker.name == "Lena Hart"


def test_scare_quote_and_referential_object_are_not_statements():
    found = attribute_body(
        "The two towns are often called “twin cities”. Officials rejected these claims."
    )
    assert found.statements == []


def test_negated_cue_is_not_a_statement():
    assert (
        attribute_body("Director Paul Grey did not say whether he would resign.").statements == []
    )


def test_nested_speech_records_the_relay():
    body = "Minister Jo Park said the President of Chile repeatedly said that the border was open."
    inner = by_text(attribute_body(body))["the border was open"]
    assert inner.speaker.name == "President of Chile"
    assert [v.name for v in inner.via] == ["Jo Park"]
