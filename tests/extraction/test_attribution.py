import pytest

from tests.extraction.conftest import attribute_body, by_text


def test_interrupted_quote_gives_two_statements_of_one_speaker():
    body = "Council leader Maria Tan spoke on Monday.\n\n“We tried,” she said, “and we failed.”"
    found = by_text(attribute_body(body))
    assert found["We tried,"].speaker.name == "Maria Tan"
    assert found["and we failed."].speaker.name == "Maria Tan"
    assert found["We tried,"].kind == "direct"


def test_quote_continuing_over_paragraphs_takes_the_final_speaker():
    body = (
        "Councillor Joe Bloggs spoke.\n\n“The rain came late.\n\n"
        "“Then it never stopped,” said Bloggs."
    )
    found = by_text(attribute_body(body))
    assert found["The rain came late."].speaker.name == "Joe Bloggs"


def test_pronoun_resolves_to_the_last_person():
    body = "Judge Solveig Walsh opened the hearing.\n\n“This court will hear both sides,” she said."
    assert (
        by_text(attribute_body(body))["This court will hear both sides,"].speaker.name
        == "Solveig Walsh"
    )


def test_title_resolves_to_the_person_with_that_role():
    body = (
        "Deputy Finance Minister Omar Reyes met bankers.\n\n"
        "The minister said rates would stay high for a year."
    )
    found = by_text(attribute_body(body))
    assert found["rates would stay high for a year"].speaker.name == "Omar Reyes"


def test_surname_resolves_to_a_full_name_met_earlier():
    body = "The vote was won by Jane Alder.\n\n“We listened,” Alder said."
    assert by_text(attribute_body(body))["We listened,"].speaker.name == "Jane Alder"


def test_quote_as_object_of_a_cue():
    body = "Chairman Teodor Das called the offer “an insult to our members”."
    statement = by_text(attribute_body(body))["an insult to our members"]
    assert statement.kind == "direct" and statement.speaker.name == "Teodor Das"


def test_bracketed_insertions_are_kept():
    body = "Mayor Li Wei spoke.\n\n“[The city] will rebuild,” Li said."
    assert "[The city] will rebuild," in by_text(attribute_body(body))


def test_channel_and_relay():
    body = "Minister Sara Holm told Reuters in an interview that the deal was close."
    statement = by_text(attribute_body(body))["the deal was close"]
    assert statement.channel == "interview"
    assert [v.name for v in statement.via] == ["Reuters"]


def test_relay_from_an_interview_with_an_agency():
    body = (
        "Envoy Ali Rahman accused the rebels of breaking the truce"
        " in an interview with the news agency Nordpress."
    )
    statement = by_text(attribute_body(body))["the rebels of breaking the truce"]
    assert [(v.name, v.kind) for v in statement.via] == [("Nordpress", "agency")]


def test_scene_channel_carries_to_later_statements():
    body = (
        "Addressing a news conference, Mayor Ann Cole said taxes would fall.\n\n"
        "“We promised it,” Cole said."
    )
    found = by_text(attribute_body(body))
    assert found["We promised it,"].channel == "news conference"


def test_told_reporters_is_a_media_talk():
    found = by_text(attribute_body("Coach Dan Fry told reporters that the team was ready."))
    assert found["the team was ready"].channel == "media talk"


def test_dates_resolve_against_publication():
    body = "Mayor Ann Cole said on Sunday that taxes would fall."
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["taxes would fall"].said_on == "2024-03-10"


def test_no_date_without_publication():
    found = by_text(attribute_body("Mayor Ann Cole said on Sunday that taxes would fall."))
    assert found["taxes would fall"].said_on is None


def test_speakers_and_kinds():
    body = (
        "The Foreign Ministry said the talks had failed. "
        "Two local residents said the shelling went on."
    )
    kinds = {s.name: s.kind for s in attribute_body(body).speakers}
    assert kinds == {"Foreign Ministry": "organization", "Two local residents": "group"}


def test_offsets_point_into_the_body():
    body = "Governor Mia Ross said: “We are ready.” Later she said the plan was costed."
    for statement in attribute_body(body).statements:
        assert body[statement.start : statement.end] == statement.text


_CHANNEL_CASES = [
    # (body, statement text, channel, via)
    (
        "Mayor Ann Cole told Nordland Radio that taxes would fall.",
        "taxes would fall",
        "interview",
        ["Nordland Radio"],
    ),
    ("Mayor Ann Cole told AFP that taxes would fall.", "taxes would fall", "interview", ["AFP"]),
    (
        "The firm confirmed to the Daily Courier that a sale was studied.",
        "a sale was studied",
        "interview",
        ["Daily Courier"],
    ),
    (
        "Envoy Jo Roe told the Nordpress news agency that the talks had failed.",
        "the talks had failed",
        "interview",
        ["Nordpress"],
    ),
    (
        "Mayor Ann Cole told Morning Show presenter Jo Bale that taxes would fall.",
        "taxes would fall",
        "interview",
        ["Morning Show"],
    ),
    (
        "Mayor Ann Cole told John Smythe that taxes would fall.",
        "taxes would fall",
        None,
        ["John Smythe"],
    ),
    ("Premier Ann Cole told parliament that taxes would fall.", "taxes would fall", "speech", []),
    ("Premier Ann Cole told the Dáil that taxes would fall.", "taxes would fall", "speech", []),
    ("Premier Ann Cole told lawmakers that taxes would fall.", "taxes would fall", "speech", []),
    (
        "In her inaugural address, Premier Ann Cole said taxes would fall.",
        "taxes would fall",
        "speech",
        [],
    ),
    (
        "“Taxes will fall,” Trustee Ann Cole said during Tuesday night's meeting.",
        "Taxes will fall,",
        "speech",
        [],
    ),
    (
        "Speaking at a rally in the port, Ann Cole said taxes would fall.",
        "taxes would fall",
        "speech",
        [],
    ),
    (
        "Premier Ann Cole said in the debate that taxes would fall.",
        "taxes would fall",
        "speech",
        [],
    ),
    ("Premier Ann Cole posted on Facebook that taxes would fall.", "taxes would fall", "tweet", []),
    (
        "Police Chief Ann Cole told a news briefing that the suspect fled.",
        "the suspect fled",
        "news conference",
        [],
    ),
    (
        "A spokesman, Ben Ruiz, told the weekly press briefing that talks went on.",
        "talks went on",
        "press briefing",
        [],
    ),
    (
        "Governor Ann Cole told an investor conference in London that rates would hold.",
        "rates would hold",
        "speech",
        [],
    ),
    (
        "The weather office said in its 5 pm bulletin that the storm had landed.",
        "the storm had landed",
        "report",
        [],
    ),
    (
        "In the release, chief executive Ben Ruiz said sales had doubled.",
        "sales had doubled",
        "statement",
        [],
    ),
    (
        "Dr. Ben Ruiz, who was not involved in the study, said the result was weak.",
        "the result was weak",
        None,
        [],
    ),
    (
        "The quake struck at dawn, the Nordland Geological Survey said.",
        "The quake struck at dawn",
        None,
        [],
    ),
    (
        "In a report released on Monday, analyst Ben Ruiz said margins would shrink.",
        "margins would shrink",
        "report",
        [],
    ),
    (
        "In a note to clients, analyst Ben Ruiz said margins would shrink.",
        "margins would shrink",
        "report",
        [],
    ),
    (
        "Coach Ben Ruiz said at the media session after training that the team was tired.",
        "the team was tired",
        "media talk",
        [],
    ),
    (
        "When the press conference had ended, Jo Roe said with a smile there could be news soon.",
        "there could be news soon",
        "media talk",
        [],
    ),
    (
        "The minister spoke to reporters after the news conference, saying talks would resume.",
        "talks would resume",
        "media talk",
        [],
    ),
    (
        "Jo Roe said at a news conference after the meeting that talks would resume.",
        "talks would resume",
        "news conference",
        [],
    ),
    ('"We are ready," Jo Roe said in a rally in Port Aster.', "We are ready,", "speech", []),
    (
        "Jo Roe, speaking in a function at the town hall, said the plan would work.",
        "the plan would work",
        "speech",
        [],
    ),
]


@pytest.mark.parametrize(("body", "text", "channel", "via"), _CHANNEL_CASES)
def test_channel_phrases(body: str, text: str, channel: str | None, via: list[str]) -> None:
    statement = by_text(attribute_body(body))[text]
    assert statement.channel == channel
    assert [v.name for v in statement.via] == via


_INTERVIEW_RELAY_CASES = [
    ("Minister Jo Roe said in an interview on Nordland TV that taxes would fall.", ["Nordland TV"]),
    ("Minister Jo Roe said in an interview over Radio Nord that taxes would fall.", ["Radio Nord"]),
    ("Minister Jo Roe said in an interview on Monday that taxes would fall.", []),
]


@pytest.mark.parametrize(("body", "via"), _INTERVIEW_RELAY_CASES)
def test_interview_on_an_outlet(body: str, via: list[str]) -> None:
    statement = by_text(attribute_body(body))["taxes would fall"]
    assert statement.channel == "interview"
    assert [v.name for v in statement.via] == via


def test_reporters_at_a_briefing_is_a_press_briefing():
    body = "Spokesman Ben Ruiz told reporters at a briefing that the talks had stalled."
    assert by_text(attribute_body(body))["the talks had stalled"].channel == "press briefing"


def test_a_private_briefing_session_is_no_press_briefing():
    body = "Jo Roe said an official had told her at a briefing session that bids would close."
    statement = by_text(attribute_body(body))["bids would close"]
    assert statement.channel is None


def test_background_briefing_is_a_press_briefing():
    body = "At a background briefing for reporters, envoy Jo Roe said the talks had stalled."
    assert by_text(attribute_body(body))["the talks had stalled"].channel == "press briefing"


_REPORT_CASES = [
    (
        "The mill will close, the Nordland Post business daily reported.\n\n"
        "About 300 jobs would go, the Nordland Post said.",
        "About 300 jobs would go",
        "report",
    ),
    ("TV presenter Jo Bale said the show would end.", "the show would end", None),
    # (body, statement text, channel)
    (
        "The mill will close in June, the Valley Courier newspaper reported.",
        "The mill will close in June",
        "report",
    ),
    (
        "The mill will close in June, the Nordland Herald reported on Friday.",
        "The mill will close in June",
        "report",
    ),
    (
        "Two ferries were cancelled, according to the broadcaster.",
        "Two ferries were cancelled",
        "report",
    ),
    (
        "Zetanet reported that the mill would close.\n\nIt added that jobs would go.",
        "jobs would go",
        "report",
    ),
    ("The company reported that its sales rose.", "its sales rose", None),
    ("Police reported that two cars collided.", "two cars collided", None),
]


@pytest.mark.parametrize(("body", "text", "channel"), _REPORT_CASES)
def test_an_outlet_speaks_through_reports(body: str, text: str, channel: str | None) -> None:
    assert by_text(attribute_body(body))[text].channel == channel


_QUOTE_ATTRIBUTIONS = [
    # a document that "reads" the quotation speaks for whoever issued it, over paragraphs
    (
        "Valley Bank chief Jo Roe said the branches had stayed open.\n\n"
        "The statement, titled ‘Still serving you’, reads in part: “We never closed.\n\n"
        "“Our staff worked through every night.”",
        {"We never closed.": "Jo Roe", "Our staff worked through every night.": "Jo Roe"},
    ),
    (
        "Jo Roe, the harbour master, said the port would reopen.\n\n"
        "Her statement read: “The channel is clear again and ships may enter.”",
        {"The channel is clear again and ships may enter.": "Jo Roe"},
    ),
    # an age before the name after the cue
    (
        "Veteran skipper Jo Roe was honoured.\n\n"
        "“Awards keep me going,” said 76-year old Roe, and added, “We sail again in May.”",
        {"Awards keep me going,": "Jo Roe", "We sail again in May.": "Jo Roe"},
    ),
    (
        "Veteran skipper Jo Roe was honoured.\n\n“Awards keep me going,” said the 76-year-old Roe.",
        {"Awards keep me going,": "Jo Roe"},
    ),
    # a lower-case role before the name after the quotation
    (
        "The port closed.\n\n"
        "“We wait for the storm to pass,” harbour master Jo Roe told reporters.",
        {"We wait for the storm to pass,": "Jo Roe"},
    ),
    # the paragraph above ends by naming the speaker with a colon
    (
        "The port closed.\n\nJo Roe, the harbour master, said:\n\n“We can only wait it out.”",
        {"We can only wait it out.": "Jo Roe"},
    ),
    (
        "The port closed.\n\nHarbour master Jo Roe told reporters:\n\n“We can only wait.\n\n"
        "“The ships will be back next week.”",
        {"We can only wait.": "Jo Roe", "The ships will be back next week.": "Jo Roe"},
    ),
    (
        "Harbour master Jo Roe spoke on Monday. Roe was blunt:\n\n“We can only wait it out.”",
        {"We can only wait it out.": "Jo Roe"},
    ),
    ("The demands include:\n\n“Fair pay for all the dock workers in the port.”", {}),
    # attributions that quote: "to quote X", "in the words of X", "as X put it"
    (
        "Sam Tull left Valley Tyres to “pursue new ventures”, to quote Valley Tyres.",
        {"pursue new ventures": "Valley Tyres"},
    ),
    (
        "Sam Tull left to “pursue new ventures”, in the words of Jo Roe.",
        {"pursue new ventures": "Jo Roe"},
    ),
    ("The plan is “dead in the water”, as Jo Roe put it.", {"dead in the water": "Jo Roe"}),
    # one member of a group, named in apposition or not
    (
        'General Sam Tull was arrested.\n\n"He could have fled months ago. He never asked '
        'anyone to hide him," one of his lawyers, Jo Roe, told the Valley Courier.',
        {"He could have fled months ago. He never asked anyone to hide him,": "Jo Roe"},
    ),
    (
        'The march ended.\n\n"We will be back next week," one of the organisers said.',
        {"We will be back next week,": "one of the organisers"},
    ),
    (
        "The port closed.\n\n“The channel is blocked for a week,” shipping firm Valley Lines said.",
        {"The channel is blocked for a week,": "Valley Lines"},
    ),
    # a relative clause between the speaker and the cue belongs to the speaker
    (
        "The ferry stalled.\n\n“We have waited on this platform for an hour,” a commuter who was "
        "riding home told reporters.",
        {"We have waited on this platform for an hour,": "a commuter who was riding home"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), _QUOTE_ATTRIBUTIONS)
def test_quote_attributions(body, expected):
    found = by_text(attribute_body(body))
    assert {text: found[text].speaker.name for text in expected if text in found} == expected
    assert found or not expected
    assert expected or not found


def test_a_sign_that_reads_a_quotation_says_nothing():
    body = "Jo Roe spoke.\n\nA placard at the gate read: “Go home now, all of you.”"
    assert not attribute_body(body).statements


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Valley MP Sam Tull spoke on Monday.\n\n"
            "“Jo Roe also says the Valley Party is meeting farmers,” Tull said.",
            {"the Valley Party is meeting farmers": ("Jo Roe", ["Sam Tull"])},
        ),
        (
            "Valley MP Sam Tull spoke on Monday.\n\n"
            "“In an interview with the Valley Courier, Jo Roe said the port would close,” "
            "Tull said.",
            {"the port would close": ("Jo Roe", ["Valley Courier", "Sam Tull"])},
        ),
        # the speaker's own country, a generic "people": no one else's statement
        (
            "A spokesperson for Valleria’s Foreign Office said: “Valleria welcomes the truce "
            "agreed between the two sides.”",
            {},
        ),
        ("Director Sam Tull was honoured.\n\n“People say Jo Roe made me,” Tull said.", {}),
        ("Sam Tull waited.\n\n“No one will say when the ferry sails,” Tull said.", {}),
    ],
)
def test_reported_speech_inside_a_quotation_is_relayed_by_the_one_quoted(body, expected):
    found = {s.text: s for s in attribute_body(body).statements if s.kind == "indirect"}
    got = {text: (s.speaker.name, [v.name for v in s.via]) for text, s in found.items()}
    assert got == expected


def test_reported_content_never_runs_out_of_a_quotation():
    body = (
        'General Sam Tull was arrested.\n\n"He could have fled months ago. He never asked '
        'anyone to hide him," one of his lawyers, Jo Roe, told the Valley Courier.'
    )
    assert all("lawyers" not in s.text for s in attribute_body(body).statements)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Valley MP Sam Tull spoke.\n\n"
            "“Jo Roe said, ‘We will win the seat,’ and I believed her,” Tull said.",
            {"We will win the seat,": ("Jo Roe", ["Sam Tull"])},
        ),
        (
            "Valley MP Sam Tull spoke.\n\n“Jo Roe told me ‘we will win the seat’ last week,” "
            "Tull said.",
            {"we will win the seat": ("Jo Roe", ["Sam Tull"])},
        ),
        # the speaker quoting themself, a scare-quoted term: nothing nested
        ("Valley MP Sam Tull spoke.\n\n“I told them ‘we will win’ all week,” Tull said.", {}),
        ("Valley MP Sam Tull spoke.\n\n“The so-called ‘reform plan’ is dead,” Tull said.", {}),
    ],
)
def test_single_quoted_speech_inside_a_quotation(body, expected):
    found = attribute_body(body).statements
    got = {
        s.text: (s.speaker.name, [v.name for v in s.via])
        for s in found
        if s.via and s.kind == "direct"
    }
    assert got == expected


def test_occasion_of_reported_speech_in_quotations_carries_to_the_next():
    body = (
        "Valley MP Sam Tull posted on Monday.\n\n"
        "“In an interview with the Valley Courier, Jo Roe said the port would close,” Tull "
        "wrote. “Jo Roe also says the ferry will stop,” he added."
    )
    found = {s.text: s for s in attribute_body(body).statements if s.kind == "indirect"}
    later = found["the ferry will stop"]
    assert later.channel == "interview"
    assert [v.name for v in later.via] == ["Valley Courier", "Sam Tull"]
