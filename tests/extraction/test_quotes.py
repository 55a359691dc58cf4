import pytest

from provenance.domain import ParsedDocument
from provenance.extraction.attribution import attribute
from provenance.extraction.quotes import find_quotes
from provenance.extraction.text import paragraphs
from tests.extraction.conftest import by_text


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, paragraphs(text)).quotes]


def test_curly_and_straight_marks():
    assert spans('“One thing,” she said. "Another," he said.') == ["One thing,", "Another,"]


def test_single_marks_leave_apostrophes_alone():
    text = "The chair said: ‘We don’t agree with the board’s plan.’"
    assert spans(text) == ["We don’t agree with the board’s plan."]


def test_unclosed_quote_ends_at_paragraph_end():
    text = "He said: “We will go on\n\nThe next paragraph."
    assert spans(text) == ["We will go on"]


def test_unclosed_quote_stops_before_a_cue_sentence():
    text = "“The plan is dead. Smythe said that nothing would change."
    assert spans(text) == ["The plan is dead."]


def test_quote_over_paragraphs_is_linked():
    text = "“First part of it.\n\n“Second part,” she said."
    quotes = find_quotes(text, paragraphs(text)).quotes
    assert quotes[0].continues and not quotes[1].continues


def test_orphan_closing_mark_is_recorded():
    text = "saying the plan was dead.” Then nothing."
    assert find_quotes(text, paragraphs(text)).orphans == [25]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Rules are rules,’’ the coach added.", ["Rules are rules,"]),
        ("The board said it was ''shocked'' by the loss.", ["shocked"]),
        ("‘‘We go on,’’ she said.", ["We go on,"]),
    ],
)
def test_doubled_single_marks_are_one_double_mark(text: str, expected: list[str]):
    assert spans(text) == expected


def test_closing_mark_typed_as_opening_mark():
    text = "The minister told reporters: ”We will hold the vote in May.”"
    assert spans(text) == ["We will hold the vote in May."]


# --- answers printed without quotation marks (transcript pages) --------------------------

_HEADED_PAGES = [
    # speaker headings with a role in brackets over first-person paragraphs
    (
        "Reactions after the final\n\n"
        "Jo Roe (Head Coach, Valley FC)\n\n"
        "We started slowly and I told the players so at the break.\n\n"
        "The second half was much better from all of us.\n\n"
        "Sam Tull (Captain, River Town)\n\n"
        "I am proud of my team and we will learn from this defeat.\n\n"
        "Source: Valley Courier.",
        {
            "We started slowly and I told the players so at the break.": ("Jo Roe", None),
            "The second half was much better from all of us.": ("Jo Roe", None),
            "I am proud of my team and we will learn from this defeat.": ("Sam Tull", None),
        },
    ),
    # topic headings ending with a colon, after an intro naming a press session
    (
        "Jo Roe admitted that her side had been poor all afternoon. Excerpts from her press "
        "scrum after the game.\n\n"
        "On the defeat:\n\n"
        "It hurts and we know we let ourselves down in the field today.\n\n"
        "On the next match:\n\n"
        "We will prepare the way we always do and I expect a reaction.",
        {
            "It hurts and we know we let ourselves down in the field today.": (
                "Jo Roe",
                "media talk",
            ),
            "We will prepare the way we always do and I expect a reaction.": (
                "Jo Roe",
                "media talk",
            ),
        },
    ),
    # speaker and role leading each answer on its line
    (
        "Reactions after the final.\n\n"
        "Jo Roe (Coach, Valley FC): We were poor today and I take the blame for it.\n\n"
        "Sam Tull (Coach, River Town): I am delighted with my players and their spirit.",
        {
            "We were poor today and I take the blame for it.": ("Jo Roe", None),
            "I am delighted with my players and their spirit.": ("Sam Tull", None),
        },
    ),
    # name headings in capitals with a colon
    (
        "Reactions\n\nJO ROE:\n\nWe had to close the port, and I think we were right to.\n\n"
        "SAM TULL:\n\nI understand their anger and we will pay for the lost days.",
        {
            "We had to close the port, and I think we were right to.": ("JO ROE", None),
            "I understand their anger and we will pay for the lost days.": ("SAM TULL", None),
        },
    ),
    # questions put to the interviewee without labels, each over its answer
    (
        "Harbour master Jo Roe has run the port for ten years.\n\n"
        "How did the storm change your plans?\n\n"
        "We had to close the port for a week, and I think we were right to.\n\n"
        "What do you say to the fishermen?\n\n"
        "I understand their anger and we will pay for the lost days.\n\n"
        "Will you stay on next year?\n\n"
        "I have not decided yet, but my family wants me to.",
        {
            "We had to close the port for a week, and I think we were right to.": (
                "Jo Roe",
                "interview",
            ),
            "I understand their anger and we will pay for the lost days.": ("Jo Roe", "interview"),
            "I have not decided yet, but my family wants me to.": ("Jo Roe", "interview"),
        },
    ),
    # a press-conference transcript: "Q." questions, answers under the speaker's name
    (
        "Coach Jo Roe spoke to reporters after the match.\n\n"
        "Q. How did the team play today?\n\n"
        "JO ROE: We played well and I am proud of the players.\n\n"
        "Q. What about the injury?\n\n"
        "JO ROE: It is not serious and he will play on Sunday.",
        {
            "We played well and I am proud of the players.": ("Jo Roe", "media talk"),
            "It is not serious and he will play on Sunday.": ("Jo Roe", "media talk"),
        },
    ),
    (
        "Harbour master Jo Roe met us.\n\nQ. How was the summer?\n\n"
        "A. Busy, and I am glad of it.\n\nQ. And next year?\n\nA. We will hire more pilots.",
        {
            "Busy, and I am glad of it.": ("Jo Roe", "interview"),
            "We will hire more pilots.": ("Jo Roe", "interview"),
        },
    ),
    # an interview labelled Q:/A: on its first pair only
    (
        "Q: How is the harbour doing this year?\n\n"
        "A: We have had our busiest summer since the war, and I am very glad of it.\n\n"
        "We hired twelve more pilots to keep up with the ships.\n\n"
        "What worries you most about next year?\n\n"
        "The fuel prices, and I say so to every minister I meet.\n\n"
        "(Valley Courier, page 4)",
        {
            "We have had our busiest summer since the war, and I am very glad of it.": (
                "Jo Roe",
                "interview",
            ),
            "We hired twelve more pilots to keep up with the ships.": ("Jo Roe", "interview"),
            "The fuel prices, and I say so to every minister I meet.": ("Jo Roe", "interview"),
        },
    ),
]


@pytest.mark.parametrize(("body", "expected"), _HEADED_PAGES)
def test_answers_under_headings_are_direct_statements(body, expected):
    title = "Harbour master Jo Roe on a busy year" if "harbour" in body.lower() else ""
    found = by_text(attribute(ParsedDocument(body=body, title=title)))
    got = {
        text: (found[text].speaker.name, found[text].channel) for text in expected if text in found
    }
    assert got == expected
    assert all(found[text].kind == "direct" for text in expected)
    assert not any(text.endswith("?") or text.endswith(":") for text in found)


def test_the_intro_naming_the_occasion_gives_its_channel_to_the_lede():
    body = _HEADED_PAGES[1][0]
    found = by_text(attribute(ParsedDocument(body=body)))
    assert found["her side had been poor all afternoon"].channel == "media talk"


@pytest.mark.parametrize(
    "body",
    [
        # a single heading: a column in the first person, not answers
        "Jo Roe (Valley Courier)\n\nI have lived here all my life and we love the harbour.",
        # headings over third-person paragraphs
        "On the harbour:\n\nThe port reopened on Monday after a long storm.\n\n"
        "On the fleet:\n\nTwelve boats returned to sea within the week.",
        # a list of candidates described in the third person
        "The candidates.\n\nJo Roe (Labour): a teacher who has lived in the town all her "
        "life.\n\nSam Tull (Green): a farmer and former councillor.",
        # a lettered list is no transcript
        "The board has two options.\n\nA. Sell the old ferry to the Valley port.\n\n"
        "B. Keep the old ferry for the winter season.",
        # two rhetorical questions in a column are no interview
        "Can you trust the harbour board?\n\nI doubt it, and my neighbours doubt it too.\n\n"
        "Would you let them run your port?\n\nWe would not, and I say so plainly.",
    ],
)
def test_headed_prose_without_answers_says_nothing(body):
    assert not attribute(ParsedDocument(body=body)).statements


def test_single_quoted_runs_inside_a_double_quotation_are_nested():
    text = "“Jo Roe said ‘we will win’ and she did,” Tull said. ‘Fine,’ he said."
    scan = find_quotes(text, paragraphs(text))
    assert [text[q.start : q.end] for q in scan.nested] == ["we will win"]
    assert [text[q.start : q.end] for q in scan.quotes] == [
        "Jo Roe said ‘we will win’ and she did,",
        "Fine,",
    ]


def test_today_in_an_interview_question_dates_no_answer():
    body = (
        "Q: How would you describe the harbour trade today?\n"
        "A: My view is that no single port can be judged alone any more, because ships now "
        "stretch across every ocean.\n"
        "We hired twelve more pilots for the busy season.\n"
        "What worries you most about next year?\n"
        "The fuel prices, and I say so to every minister I meet.\n"
    )
    parsed = ParsedDocument(body=body, title="Q+A | Jo Roe", published="2031-05-02")
    statements = attribute(parsed).statements
    assert len(statements) == 3
    assert all(s.said_on is None for s in statements)


def test_a_reported_quotation_under_a_heading_is_no_answer():
    body = (
        "Jo Roe spoke after the game.\n\n"
        "On the defeat:\n\nIt hurts and we know we let ourselves down in the field today.\n\n"
        "On the next match:\n\nWe will prepare the way we always do, and I expect a reaction.\n\n"
        "On the coaching staff:\n\n"
        "Her assistant Sam Tull said: “We will prepare the way we always do and we expect it.”"
    )
    found = by_text(attribute(ParsedDocument(body=body, title="Jo Roe after the game")))
    assert found["We will prepare the way we always do and we expect it."].speaker.name == (
        "Sam Tull"
    )
    assert found["It hurts and we know we let ourselves down in the field today."].kind == "direct"
