import pytest

from provenance.extraction.quotes import find_quotes
from provenance.extraction.text import paragraphs


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
    text = "“The plan is dead. Smith said that nothing would change."
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
