import pytest

from provenance.domain import ParsedDocument
from provenance.extraction.attribution import attribute
from provenance.extraction.dates import (
    nominal_cue,
    perfect_cue,
    read_published,
    said_on,
    simple_present,
    time_heading,
)
from tests.extraction.conftest import attribute_body, by_text


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on Sunday", "2024-03-13", "2024-03-10"),
        ("on Wednesday", "2024-03-13", "2024-03-13"),
        ("on September 27 last year", "2021-11-01", "2020-09-27"),
        ("on 10th October", "2020-10-19", "2020-10-10"),
        ("on December 30", "2024-01-03", "2023-12-30"),
        ("on 3 May 2019", None, "2019-05-03"),
        ("in March", "2024-06-01", "2024-03"),
        ("in early March", "2024-06-01", "2024-03"),
        ("in mid-February 2023", "2024-06-01", "2023-02"),
        ("last week", "2024-03-20", "2024-03"),
        ("yesterday", "2024-03-01", "2024-02-29"),
        ("last night", "2024-03-01", "2024-02-29"),
        ("this morning", "2024-03-01", "2024-03-01"),
        ("tonight", "2024-03-01", "2024-03-01"),
        ("last Friday", "2024-03-15", "2024-03-08"),
        ("last Tuesday", "2024-03-15", "2024-03-12"),
        ("on Friday", "2024-03-15", "2024-03-15"),
        ("at a news conference at 8am", "2024-03-15", "2024-03-15"),
        ("at 10.30 a.m.", "2024-03-15", "2024-03-15"),
        ("at 8am", "2024-03", None),
        ("on Sunday", "2024-03", None),
        ("on Sunday", None, None),
        ("the other day", "2024-03-13", None),
    ],
)
def test_said_on(phrase: str, published: str | None, expected: str | None):
    text = f"She spoke {phrase} about it."
    assert said_on(text, 0, len(text), read_published(published)) == expected


def test_read_published_forms():
    assert read_published("2024-03") == (2024, 3, None)
    assert read_published("March 12, 2024 10:30 am") == (2024, 3, 12)
    assert read_published(None) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She called for a May 4 vote to be annulled.", None),
        ("He will vote against it in Monday's debate.", None),
        ("He will vote against it in Monday night's debate.", None),
        ("She said so during Monday night's debate.", "2024-03-11"),
        ("He spoke at Tuesday’s meeting of the board.", "2024-03-12"),
        ("He told Today presenter Jo Bale about it.", None),
        ("Today the mayor said so.", "2024-03-13"),
        ("The mayor said today that it was over.", "2024-03-13"),
        ("She said on Tuesday that the May 4 vote was void.", "2024-03-12"),
        ("Jo Roe, who took office in January, said so.", None),
        ("Jo Roe, who spoke to reporters on Monday, said so.", "2024-03-11"),
        ("The petition had 900 signatures by Wednesday, she said.", None),
        ("The road has been shut since Monday, she said.", None),
        ("Jo Roe, appointed on Monday, said so.", None),
        ("A guard killed on Sunday had warned of it, she said.", None),
        ("The board will meet on Friday, she said.", None),
        ("The board will meet on Friday, she said on Tuesday.", "2024-03-12"),
        ("They'll decide it next Monday, she said.", None),
        ("Jo Roe, when asked on Monday, said so.", "2024-03-11"),
    ],
)
def test_dates_that_are_not_when_it_was_said(sentence: str, expected: str | None):
    assert said_on(sentence, 0, len(sentence), read_published("2024-03-13")) == expected


@pytest.mark.parametrize(
    ("sentence", "cue", "expected"),
    [
        ("The union, which has accused the board of lying, ...", "accused", True),
        ("She had also warned that it would fail.", "warned", True),
        ("They've repeatedly denied it.", "denied", True),
        ("He accused the board of lying.", "accused", False),
        ("The board has a duty, she said.", "said", False),
    ],
)
def test_perfect_cues(sentence: str, cue: str, expected: bool):
    end = sentence.index(cue) + len(cue)
    assert perfect_cue(sentence, cue, end + 1, len(sentence)) is expected


@pytest.mark.parametrize(
    ("body", "text", "expected"),
    [
        # the lede's date dates the opening statements of its occasion
        (
            "The tenants' union demanded a rent freeze on Tuesday and threatened a strike."
            "\n\nIts spokesman Jo Roe said the union would march.",
            "the union would march",
            "2024-03-12",
        ),
        # with no date of its own, the lede's occasion is the day of its dateline
        (
            "Nordport, March 12: The ferry company cancelled all crossings because of the "
            "storm.\n\nCaptain Jo Roe said the waves were too high.",
            "the waves were too high",
            "2024-03-12",
        ),
        # ... but not a date inside what a perfect or present cue reports: that is the event's
        (
            "Mayor Jo Roe has praised the volunteers who cleared the beach on Sunday morning "
            "near the pier.\n\nRoe said the beach would stay open.",
            "the beach would stay open",
            None,
        ),
        (
            "Officials say the river has risen two metres since the dam gates were opened on "
            "Tuesday.\n\nFarmer Bo Li said his fields were under water.",
            "his fields were under water",
            None,
        ),
        (
            "The Valley Council says the pool will stay shut, and that inspectors found a leak "
            "and drained it on Tuesday.\n\nSwimmer Bo Li says she misses her morning laps.",
            "she misses her morning laps",
            None,
        ),
        # ... nor claims made at no stated time
        (
            "Valley Dairy raised its prices on Tuesday, the Valley Courier reported. That "
            "contradicts claims by Valley Dairy that its prices are frozen.",
            "its prices are frozen",
            None,
        ),
        # ... nor a date the speaker's own quoted words give
        (
            "“We signed the deal on Monday,” the mayor Jo Roe said at the town hall.\n\n"
            "Roe said the town would gain jobs.",
            "the town would gain jobs",
            None,
        ),
        # ... nor what was said before it (``has warned``) or on a later occasion
        (
            "The tenants' union demanded a rent freeze on Tuesday.\n\nThe union, which has "
            "accused landlords of price-fixing, has warned it would not accept a delay.",
            "it would not accept a delay",
            None,
        ),
        (
            "Spokesman Jo Roe said on Tuesday that the mayor had already replied.\n\n"
            "Roe added in a later interview with Radio Nord that the budget was prudent.",
            "the budget was prudent",
            None,
        ),
    ],
)
def test_the_ledes_occasion_date(body: str, text: str, expected: str | None):
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found[text].said_on == expected


def test_a_question_put_to_an_interviewee_is_no_occasion():
    body = (
        "Q: Is the harbour busier today than it was a decade ago?\n\n"
        "A: Busier, yes, and the boats that come in are far larger than they used to be."
    )
    parsed = ParsedDocument(body=body, title="Q+A | Jo Roe", published="2024-03-13")
    (answer,) = attribute(parsed).statements
    assert answer.speaker.name == "Jo Roe" and answer.said_on is None


_OPENING = (
    "The town's library will close for the summer, the council announced.\n\n"
    "Students have long relied on its reading rooms to prepare for exams.\n\n"
    "The council blamed the cost of a new roof for the decision.\n\n"
    "A review of opening hours is expected to follow in the autumn.\n\n"
)


@pytest.mark.parametrize(
    ("passage", "text", "expected"),
    [
        # a speaker's date carries to their later words in the passage, past others' words
        (
            "Mayor Jo Roe said on Monday that the council would appeal.\n\n"
            "Student Bo Li said the closure was unfair.\n\n"
            "Roe added that a petition would follow.",
            "a petition would follow",
            "2024-03-11",
        ),
        # ... not to the others
        (
            "Mayor Jo Roe said on Monday that the council would appeal.\n\n"
            "Student Bo Li said the closure was unfair.",
            "the closure was unfair",
            None,
        ),
        # ... nor to what the speaker said before (perfect) or once the text moved on
        (
            "Mayor Jo Roe said on Monday that the council would appeal.\n\n"
            "Roe has long argued that the route should be public.",
            "the route should be public",
            None,
        ),
        (
            "Mayor Jo Roe said on Monday that the council would appeal.\n\n"
            "Councillor Ann Cole added in a later interview that the mayor was right.\n\n"
            "“We will not give up,” Roe said.",
            "We will not give up,",
            None,
        ),
    ],
)
def test_a_speakers_date_carries_over_their_passage(passage: str, text: str, expected: str | None):
    found = by_text(attribute_body(_OPENING + passage, published="2024-03-13"))
    assert found[text].said_on == expected


@pytest.mark.parametrize(
    ("body", "text", "expected"),
    [
        # a quotation that speaks of today was said on the day of the page
        (
            "“Even today the lift is broken and we carry everything up,” tenant Bo Li said.",
            "Even today the lift is broken and we carry everything up,",
            "2024-03-13",
        ),
        # ... unless the text dates it itself
        (
            "“We close today,” the owner Jo Roe said on Monday.",
            "We close today,",
            "2024-03-11",
        ),
        # a capitalised "Today" opening it often means "nowadays"
        (
            "“Today young people leave the valley for the cities,” the mayor Jo Roe said.",
            "Today young people leave the valley for the cities,",
            None,
        ),
    ],
)
def test_a_quotation_that_speaks_of_today(body: str, text: str, expected: str | None):
    found = by_text(attribute_body(_OPENING + body, published="2024-03-13"))
    assert found[text].said_on == expected


@pytest.mark.parametrize(
    ("passage", "text", "expected"),
    [
        (
            "Opposition councillors have claimed that the tender was rigged. These claims "
            "emerged in March 2023, with the Valley Courier citing two engineers.",
            "the tender was rigged",
            "2023-03",
        ),
        (
            "Mayor Jo Roe said the budget would be cut. Her remarks came on Monday, a day "
            "after the vote.",
            "the budget would be cut",
            "2024-03-11",
        ),
        # a sentence that does not refer back to speech dates nothing
        (
            "Mayor Jo Roe said the budget would be cut. The vote came on Monday.",
            "the budget would be cut",
            None,
        ),
    ],
)
def test_a_sentence_that_dates_the_speech_it_refers_back_to(
    passage: str, text: str, expected: str | None
):
    found = by_text(attribute_body(_OPENING + passage, published="2024-03-13"))
    assert found[text].said_on == expected


@pytest.mark.parametrize(
    ("cue", "expected"),
    [("claims by", True), ("reports of", True), ("calls for", False), ("said", False)],
)
def test_nominal_cues(cue: str, expected: bool):
    assert nominal_cue(cue) is expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a release's own announcement is made on the day of the page
        (
            "On 4 March the Board of Valley Ports plc announced a first berth contract. The "
            "Board is pleased to announce that the harbour project has reached financial close.",
            "2024-03-13",
        ),
        (
            "Valley Ports is delighted to confirm that the harbour project has reached "
            "financial close.",
            "2024-03-13",
        ),
        # an announcement reported in the past is not
        (
            "Valley Ports was pleased to announce that the harbour project has reached "
            "financial close.",
            None,
        ),
    ],
)
def test_a_releases_own_announcement(body: str, expected: str | None):
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["the harbour project has reached financial close"].said_on == expected


@pytest.mark.parametrize(
    ("passage", "text", "expected"),
    [
        # a statement placed at the occasion the lede dates takes its date, however far down
        (
            "“The numbers add up,” the treasurer Jo Roe told reporters after the vote.",
            "The numbers add up,",
            "2024-03-12",
        ),
        (
            "Bo Li said during the debate that the plan was unfair.",
            "the plan was unfair",
            "2024-03-12",
        ),
        ("“We held firm,” Bo Li told Radio Nord afterwards.", "We held firm,", "2024-03-12"),
        # ... but not one that names no occasion
        ("Bo Li said the plan was unfair.", "the plan was unfair", None),
    ],
)
def test_a_statement_at_the_ledes_event(passage: str, text: str, expected: str | None):
    lede = "The Valley council approved its budget on Tuesday night after a long debate.\n\n"
    found = by_text(attribute_body(lede + _OPENING + passage, published="2024-03-13"))
    assert found[text].said_on == expected


def test_a_present_perfect_cue_takes_no_date_from_another_clause():
    body = (
        "The bridge opened to traffic in February, and its designer, Jo Roe, has called "
        "the span “the lightest I have ever drawn”."
    )
    (statement,) = attribute_body(body, published="2024-03-13").statements
    assert statement.said_on is None


@pytest.mark.parametrize(
    ("cue", "expected"),
    [("says", True), ("say", True), ("insist", True), ("said", False), ("warned", False)],
)
def test_simple_present_cues(cue: str, expected: bool):
    assert simple_present(cue) is expected


def test_sources_cited_by_a_report_spoke_at_no_stated_time():
    body = (
        "The Valley Courier reported on Monday, citing two people close to the bank, that "
        "the bakery had been offered a loan in January."
    )
    found = by_text(attribute_body(_OPENING + body, published="2024-03-13"))
    statement = found["the bakery had been offered a loan in January"]
    assert statement.speaker.name == "two people close to the bank"
    assert statement.said_on is None


def test_a_live_pages_entries_were_posted_on_its_day():
    body = (
        "Floods in the valley – live updates\n\n"
        "19.05 BST\n\n"
        "The Valley Fire Service said 40 homes had been flooded.\n\n"
        "18.32 BST\n\n"
        "Mayor Jo Roe told Radio Nord that the bridge was closed."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["40 homes had been flooded"].said_on == "2024-03-13"
    assert found["the bridge was closed"].said_on == "2024-03-13"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("19.05 BST", True),
        ("6:45pm", True),
        ("9:40 PM", True),
        ("11 am", True),
        ("19.05 BST was late", False),
        ("2024", False),
    ],
)
def test_time_headings(line: str, expected: bool):
    assert time_heading(line) is expected


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        # a speaker's own deed dated just before their words dates them
        (
            "Coach Jo Roe left the club on Saturday evening. “I had a good run here,” Roe told "
            "reporters at the gate.",
            "2024-03-09",
        ),
        # ... not in another paragraph, nor someone else's deed
        (
            "Coach Jo Roe left the club on Saturday evening.\n\n“I had a good run here,” Roe said.",
            None,
        ),
        (
            "Bo Li left the club on Saturday evening. “I had a good run here,” Coach Jo Roe said.",
            None,
        ),
    ],
)
def test_a_speakers_dated_deed_dates_their_words(passage: str, expected: str | None):
    found = by_text(attribute_body(_OPENING + passage, published="2024-03-13"))
    assert found["I had a good run here,"].said_on == expected


def test_what_a_release_says_in_its_own_voice_is_said_on_its_page_day():
    body = (
        "On 4 March the Board of Valley Ports plc announced a first berth contract.\n\n"
        "The Board is pleased to announce that the harbour project has reached financial "
        "close.\n\nJo Roe, Chief Executive, said:\n\n“This is a proud day for the port.”"
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["This is a proud day for the port."].said_on == "2024-03-13"
