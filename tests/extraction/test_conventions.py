"""Conventions of English news beyond plain quotation and reported speech: interview
transcripts, table rows that are not speakers, dates of the lede's occasion, channels."""

import pytest

from provenance.domain import ParsedDocument
from provenance.extraction.attribution import attribute
from provenance.extraction.speakers import name_registry
from provenance.extraction.text import paragraphs
from provenance.extraction.transcript import transcript_turns
from tests.extraction.conftest import attribute_body, by_text

_QA = (
    "Ada Kerrow is late, which she says is a habit from her newspaper days.\n\n"
    "Q: You have said you nearly stopped writing. Why?\n\n"
    "A: (laughs) Money. My aunt, who used to say, “Finish what you start,” was right.\n\n"
    "Q: The book has been called a “bleak comedy”. Fair?\n\n"
    "A: Completely fair. I wanted it to hurt a little."
)


def _interview():
    return attribute(ParsedDocument(body=_QA, title="Ada Kerrow on money and endings"))


def test_answers_are_direct_statements_of_the_interviewee():
    found = by_text(_interview())
    answer = found["Completely fair. I wanted it to hurt a little."]
    assert answer.kind == "direct" and answer.cue == "A:"
    assert answer.speaker.name == "Ada Kerrow" and answer.channel == "interview"


def test_stage_direction_is_not_part_of_the_answer():
    found = by_text(_interview())
    assert any(text.startswith("Money.") for text in found)


def test_questions_are_not_statements_but_report_the_interviewee():
    found = by_text(_interview())
    assert "bleak comedy" not in found
    assert found["you nearly stopped writing"].speaker.name == "Ada Kerrow"


def test_quotation_inside_an_answer_is_relayed_by_the_interviewee():
    quoted = by_text(_interview())["Finish what you start,"]
    assert quoted.speaker.name == "Ada Kerrow's aunt"
    assert [v.name for v in quoted.via] == ["Ada Kerrow"]


def test_present_tense_in_an_interview_is_said_in_it():
    found = by_text(_interview())
    assert found["is a habit from her newspaper days"].channel == "interview"


def test_named_turns_alternate_and_the_asker_is_the_interviewer():
    body = (
        "Jo Reyes: Why now?\n\nMika Olsen: Because the money ran out.\n\n"
        "Jo Reyes: And after that?\n\nMika Olsen: We start again in spring."
    )
    turns = transcript_turns(body, paragraphs(body))
    assert [t.question for t in turns.values()] == [True, False, True, False]
    found = by_text(attribute_body(body))
    assert found["We start again in spring."].speaker.name == "Mika Olsen"


def test_a_single_label_is_not_a_transcript():
    body = "Update: the road has reopened.\n\nNote: figures are provisional."
    assert transcript_turns(body, paragraphs(body)) == {}


def test_table_row_label_is_not_a_personal_name():
    assert name_registry("Northland-Southland Relations Northland backs the plan.") == []
    body = "Trade Relations Northland has said the tariffs would be lifted."
    kinds = {s.name: s.kind for s in attribute_body(body).speakers}
    assert "person" not in kinds.values()


def test_relative_clause_speaker():
    body = "She phoned my uncle, who used to say that money was a rumour."
    found = by_text(attribute_body(body))
    assert found["money was a rumour"].speaker.name == "my uncle"


def test_apposition_a_man_called():
    body = "The skipper, a man called Ned Quill, told me that I was “the worst deckhand”."
    assert by_text(attribute_body(body))["the worst deckhand"].speaker.name == "Ned Quill"


def test_asking_about_that_is_not_reported_speech():
    body = "When I ask about that, she is quiet for a moment."
    assert attribute_body(body).statements == []


def test_lede_date_is_the_occasion_of_the_opening_statements():
    body = (
        "The council approved the budget on Tuesday night after a long debate.\n\n"
        "“It is a fair budget,” said Mayor Ann Cole.\n\n"
        "Two more paragraphs of background follow here.\n\nAnd one more.\n\n"
        "Later, Councillor Ben Ruiz said the plan had flaws."
    )
    found = by_text(attribute_body(body, published="2024-06-12"))
    assert found["It is a fair budget,"].said_on == "2024-06-11"
    assert found["the plan had flaws"].said_on is None


def test_a_speakers_next_statement_shares_the_date():
    body = (
        "Background first.\n\nMayor Ann Cole said on Monday that taxes would fall.\n\n"
        "“We promised it,” Cole said."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["We promised it,"].said_on == "2024-03-11"


def test_memo_is_a_letter_and_release_a_statement():
    body = (
        "In a memo to staff, Chief Executive Ravi Lund said the cuts were final.\n\n"
        "In a release, the Harbour Authority said the port would reopen."
    )
    found = by_text(attribute_body(body))
    assert found["the cuts were final"].channel == "letter"
    assert found["the port would reopen"].channel == "statement"


# FORMAT.md Convention 2: a quotation inside a reported clause is a statement of its own
# besides the clause; a quoted label with no clause of its own is one direct statement.
@pytest.mark.parametrize(
    ("body", "speaker", "expected"),
    [
        (
            'Minister Jo Roe said the plan was "a disaster" for farmers.',
            "Jo Roe",
            {('the plan was "a disaster" for farmers', "indirect"), ("a disaster", "direct")},
        ),
        (
            "Mayor Ann Lee warned that the levy would “hurt every family” in the valley.",
            "Ann Lee",
            {
                ("the levy would “hurt every family” in the valley", "indirect"),
                ("hurt every family", "direct"),
            },
        ),
        ('Minister Jo Roe called the plan "a disaster".', "Jo Roe", {("a disaster", "direct")}),
        (
            'Minister Jo Roe condemned the "reckless spending".',
            "Jo Roe",
            {("reckless spending", "direct")},
        ),
    ],
)
def test_partial_quote_in_reported_speech(body: str, speaker: str, expected: set[tuple[str, str]]):
    found = attribute_body(body).statements
    assert {(s.text, s.kind) for s in found} == expected
    assert {s.speaker.name for s in found} == {speaker}
    assert len({s.cue for s in found}) == 1


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # the last speaker goes on over paragraphs when the quotation's end names no one
        (
            "Farmer Jo Roe says the dams are dry.\n\n"
            "“We have had no rain here in sixteen months.\n\n"
            "“Nobody can tell us when it will break.”",
            {"Jo Roe"},
        ),
        # a speaker named at the quotation's end is the speaker of all its paragraphs
        (
            "Farmer Jo Roe says the dams are dry.\n\n"
            "“We have had no rain here in sixteen months.\n\n"
            "“Nobody can tell us when it will break,” said her neighbour Ann Lee.",
            {"Jo Roe", "Ann Lee"},
        ),
    ],
)
def test_quotation_over_paragraphs(body: str, speakers: set[str]):
    found = attribute_body(body).statements
    quoted = [s for s in found if s.kind == "direct"]
    assert len(quoted) == 2
    assert {s.speaker.name.removeprefix("Farmer ") for s in found} == speakers
    assert len({s.speaker.name for s in quoted}) == 1
