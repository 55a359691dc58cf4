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
        "In a memo to staff, Chief Executive Teodor Lund said the cuts were final.\n\n"
        "In a release, the Harbour Authority said the port would reopen."
    )
    found = by_text(attribute_body(body))
    assert found["the cuts were final"].channel == "letter"
    assert found["the port would reopen"].channel == "statement"


def test_a_statement_carries_to_the_speakers_later_words():
    body = (
        "In a statement on Monday, Governor Ann Cole condemned the attack on the depot.\n\n"
        "“We will find those responsible,” Cole said."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["We will find those responsible,"].channel == "statement"


def test_a_document_as_subject_gives_its_channel():
    body = "“The vote must be cancelled,” said a statement read out at a news conference."
    found = by_text(attribute_body(body))
    assert found["The vote must be cancelled,"].channel == "statement"


_RELAY_CASES = [
    # (body, statement text, speaker, via)
    (
        "Mayor Ann Cole said the port would reopen, according to the Daily Courier.",
        "the port would reopen",
        "Ann Cole",
        ["Daily Courier"],
    ),
    (
        "Judge Jo Roe set bail and said the trial would start soon, according to the broadcaster.",
        "the trial would start soon",
        "Jo Roe",
        ["broadcaster"],
    ),
    (
        "Mayor Ann Cole said the port would reopen, according to the Daily Courier.\n\n"
        "Cole said ships would return.",
        "ships would return",
        "Ann Cole",
        ["Daily Courier"],
    ),
    (
        "The Daily Courier quoted Mayor Ann Cole as saying the port would reopen.",
        "the port would reopen",
        "Ann Cole",
        ["The Daily Courier"],
    ),
    (
        "The Valley Post, citing a league source, reported that two clubs had made offers.",
        "two clubs had made offers",
        "a league source",
        ["Valley Post"],
    ),
    (
        "The deal is worth $2 billion, the Daily Courier reported, citing people familiar "
        "with the talks.",
        "The deal is worth $2 billion",
        "people familiar with the talks",
        ["Daily Courier"],
    ),
    (
        "The Nordland Herald, quoting a senior official, said the talks had failed.",
        "the talks had failed",
        "a senior official",
        ["Nordland Herald"],
    ),
    (
        "Envoy Jo Roe told the Nordpress news agency that talks had failed, Reuters reported.",
        "talks had failed",
        "Jo Roe",
        ["Nordpress", "Reuters"],
    ),
    (
        "“We tried,” envoy Jo Roe told the Nordpress news agency, Reuters reported.",
        "We tried,",
        "Jo Roe",
        ["Nordpress", "Reuters"],
    ),
    (
        "An official said on Saturday that the river burst its banks, Nordpress reports.",
        "the river burst its banks",
        "An official",
        ["Nordpress"],
    ),
    (
        "Omid Farrokh, a farmer, said the minister had told him that the border would open.",
        "the border would open",
        "minister",
        ["Omid Farrokh"],
    ),
]


@pytest.mark.parametrize(("body", "text", "speaker", "via"), _RELAY_CASES)
def test_relays(body: str, text: str, speaker: str, via: list[str]) -> None:
    statement = by_text(attribute_body(body))[text]
    assert statement.speaker.name == speaker
    assert [v.name for v in statement.via] == via


def test_the_dateline_date_is_not_the_ledes_occasion():
    body = (
        "Nordport, Mar 13 (NPA) Exports rose to a record, Trade Minister Ann Cole said on "
        "Tuesday at a forum in the capital.\n\nShe said that shipping costs had eased."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["shipping costs had eased"].said_on == "2024-03-12"


def test_the_lede_is_found_below_headline_furniture():
    body = (
        "Port deal signed\n\nStaff Reporter\n\n"
        "The harbour board approved the lease on Tuesday, its chairman Ben Ruiz said, "
        "calling it a fair deal.\n\nUnion leader Jo Roe said the lease protected jobs."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["the lease protected jobs"].said_on == "2024-03-12"


def test_a_new_setting_ends_the_carried_channel():
    body = (
        "In a statement, chief executive Ann Cole said the merger would save money.\n\n"
        "Cole said the board had backed the plan.\n\n"
        "In an interview with Radio Nordland, Cole said the regulator had been informed.\n\n"
        "“I am confident it will go through,” she said."
    )
    found = by_text(attribute_body(body))
    assert found["the board had backed the plan"].channel == "statement"
    quote = found["I am confident it will go through,"]
    assert quote.channel == "interview"
    assert [v.name for v in quote.via] == ["Radio Nordland"]


def test_an_earlier_setting_scene_keeps_its_relay():
    body = (
        "In an interview with Radio Nordland last month, Ann Cole had made her plans plain.\n\n"
        "“I always wanted to run this club,” she said."
    )
    quote = by_text(attribute_body(body))["I always wanted to run this club,"]
    assert quote.channel == "interview"
    assert [v.name for v in quote.via] == ["Radio Nordland"]


def test_addressing_journalists_is_a_media_talk():
    body = (
        "Addressing journalists in the capital, union leader Ann Cole said the strike would go on."
    )
    assert by_text(attribute_body(body))["the strike would go on"].channel == "media talk"


def test_an_unnamed_outlet_relays_as_a_group():
    found = attribute_body("Valdorian media quoted the minister as saying the border was calm.")
    assert [(v.name, v.kind) for v in found.statements[0].via] == [("Valdorian media", "group")]


def test_a_report_dated_once_dates_the_outlets_later_claims():
    body = (
        "The mill will close in June, the Nordland Herald reported on Saturday.\n\n"
        "About 300 jobs would go, the Nordland Herald said.\n\n"
        "The owners had sought a buyer for a year, the Nordland Herald said."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    later = found["The owners had sought a buyer for a year"]
    assert later.channel == "report" and later.said_on == "2024-03-09"


def test_a_birth_date_is_not_the_ledes_occasion():
    body = (
        "Wilhelmina Thorne, born on June 9th, 1921, says she still sews every day.\n\n"
        "“Laugh a lot,” Thorne said."
    )
    found = by_text(attribute_body(body))
    assert found["she still sews every day"].said_on is None
    assert found["Laugh a lot,"].said_on is None


def test_a_qa_goes_on_without_labels_until_the_page_furniture():
    body = (
        "A: Demand held up better than we feared, and our plants ran at full tilt all year.\n\n"
        "What worries you most about next year?\n\n"
        "Energy prices, plainly. They decide whether our smelters make money or lose it.\n\n"
        "(Nordland Weekly, page 12)\n\n"
        "Top stories today"
    )
    found = by_text(attribute(ParsedDocument(body=body, title="Q&A | Ada Kerrow")))
    answer = found[
        "Energy prices, plainly. They decide whether our smelters make money or lose it."
    ]
    assert answer.speaker.name == "Ada Kerrow" and answer.channel == "interview"
    assert "What worries you most about next year?" not in found
    assert not any(text.startswith("(Nordland") for text in found)


def test_a_lone_answer_label_is_not_a_transcript():
    body = "A: the first option.\n\nB: the second option.\n\nPrices rose again on Monday."
    assert transcript_turns(body, paragraphs(body)) == {}


def test_a_report_published_by_an_outlet_is_the_outlets():
    body = (
        "The plant will close, according to a report published on Thursday by the Nordland "
        "Herald. The report says 300 jobs will go."
    )
    found = by_text(attribute_body(body))
    for text in ("The plant will close", "300 jobs will go"):
        assert found[text].speaker.name == "Nordland Herald"
        assert found[text].channel == "report"


def test_the_broadcaster_is_the_outlet_already_named():
    body = (
        "Minister Jo Roe told Radio Nord on Tuesday that talks had failed.\n\n"
        "She told the broadcaster the unions had walked out."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    later = found["the unions had walked out"]
    assert later.channel == "interview" and [v.name for v in later.via] == ["Radio Nord"]


def test_a_speakers_own_occasion_dates_their_words_before_the_ledes():
    body = (
        "The council approved the budget on Monday, Mayor Ann Cole said.\n\n"
        "Minister Jo Roe told Radio Nord on Tuesday that talks had failed.\n\n"
        "“We tried,” she added."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["The council approved the budget on Monday"].said_on == "2024-03-11"
    assert found["We tried,"].said_on == "2024-03-12"


def test_the_reader_of_a_statement_speaks_at_its_occasion():
    body = (
        "“The vote must be cancelled,” said a statement read by spokesman Omid Farrokh during a "
        "news conference on Tuesday.\n\nFarrokh said the opposition would march."
    )
    found = by_text(attribute_body(body, published="2024-03-13"))
    assert found["The vote must be cancelled,"].channel == "statement"
    assert found["The vote must be cancelled,"].speaker.name != "Omid Farrokh"
    later = found["the opposition would march"]
    assert later.channel == "news conference" and later.said_on == "2024-03-12"


def test_a_closing_report_is_no_statement_of_its_own():
    body = "“We tried,” envoy Jo Roe told the Nordpress news agency, Reuters reported."
    assert "Reuters reported" not in by_text(attribute_body(body))


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
            "Mayor Ann Lyle warned that the levy would “hurt every family” in the valley.",
            "Ann Lyle",
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
            "“No one will say when the rain will come.”",
            {"Jo Roe"},
        ),
        # a speaker named at the quotation's end is the speaker of all its paragraphs
        (
            "Farmer Jo Roe says the dams are dry.\n\n"
            "“We have had no rain here in sixteen months.\n\n"
            "“No one will say when the rain will come,” said her neighbour Ann Lyle.",
            {"Jo Roe", "Ann Lyle"},
        ),
    ],
)
def test_quotation_over_paragraphs(body: str, speakers: set[str]):
    found = attribute_body(body).statements
    quoted = [s for s in found if s.kind == "direct"]
    assert len(quoted) == 2
    assert {s.speaker.name.removeprefix("Farmer ") for s in found} == speakers
    assert len({s.speaker.name for s in quoted}) == 1


_PUBLISHER_PAGES = [
    # (raw page, outlet metadata, publisher)
    (
        "Floods close the ring road in the valley | News | The Valley Courier\n\nText.",
        None,
        "The Valley Courier",
    ),
    (
        "Floods close the ring road\n\nValley Courier Staff\n\nPORT ASTER - Text here.",
        None,
        "Valley Courier",
    ),
    (
        "Floods close the ring road\n\nPORT ASTER (Valley Wire) - Water rose on Monday.",
        None,
        "Valley Wire",
    ),
    ("Floods close the ring road\n\nSenior Reporter\n\nWater rose on Monday.", None, None),
    ("Floods close the ring road\n\nWater rose.\n\nCopyright 2021, Valley Wire", None, None),
    ("Floods close the ring road\n\nWater rose on Monday.", "The Hill Gazette", "The Hill Gazette"),
    ("Floods close the ring road - Valley News\n\nWater rose on Monday.", None, "Valley News"),
    ("Floods close the ring road - What We Know\n\nWater rose on Monday.", None, None),
]


@pytest.mark.parametrize(("page", "outlet", "publisher"), _PUBLISHER_PAGES)
def test_the_publisher_is_read_from_the_page(page: str, outlet: str | None, publisher: str | None):
    from provenance.domain import RawDocument
    from provenance.extraction.parsing import LayoutRules, parse_layout

    parsed = parse_layout(RawDocument(text=page, outlet=outlet), LayoutRules(), "generic")
    assert parsed.publisher == publisher


_SELF_VIA = [
    # (body, publisher, via of the statement): the publisher is never its own relay
    ("Jo Roe told the Valley Courier that the bridge would reopen.", "The Valley Courier", []),
    ("Jo Roe told the Courier that the bridge would reopen.", "The Valley Courier", []),
    (
        "Jo Roe told the Valley Courier that the bridge would reopen.",
        "The Hill Gazette",
        ["Valley Courier"],
    ),
    ("Jo Roe told the Valley Courier that the bridge would reopen.", None, ["Valley Courier"]),
    ("Jo Roe told this newspaper that the bridge would reopen.", None, []),
    ("In an interview with this website, Jo Roe said the bridge would reopen.", None, []),
]


@pytest.mark.parametrize(("body", "publisher", "via"), _SELF_VIA)
def test_the_publisher_is_no_relay_of_its_own_story(
    body: str, publisher: str | None, via: list[str]
):
    found = attribute(ParsedDocument(body=body, publisher=publisher))
    statement = by_text(found)["the bridge would reopen"]
    assert [v.name for v in statement.via] == via
    assert statement.channel == "interview"


def test_a_participle_after_a_spokesmans_statement_is_the_principals():
    body = (
        "According to a statement by his spokesman, Jo Roe, Governor Sam Vale has ordered the "
        "police to find the attackers, insisting that those behind the raid must be punished.\n\n"
        "The Governor also conveyed his condolences to the families of the victims."
    )
    found = by_text(attribute_body(body))
    participle = found["those behind the raid must be punished"]
    assert participle.speaker.name == "Sam Vale" and participle.channel == "statement"
    assert [v.name for v in participle.via] == ["Jo Roe"]
    later = found["his condolences to the families of the victims"]
    assert later.channel == "statement" and [v.name for v in later.via] == ["Jo Roe"]


_BACK_REFERENCES = [
    # (body, statement text, channel): "made this known in ..." names the occasion just reported
    (
        "Valley Bank said its branches served two million customers.\n\n"
        "The bank's managing director, Jo Roe, made this known in a statement on Sunday.\n\n"
        "Roe said more branches would open.",
        "more branches would open",
        "statement",
    ),
    (
        "Valley Bank said its branches served two million customers.\n\n"
        "The bank's managing director, Jo Roe, made this known in a statement on Sunday.",
        "its branches served two million customers",
        "statement",
    ),
    (
        "The minister said the road would be rebuilt by June. She disclosed this while "
        "speaking at a rally in Port Aster.",
        "the road would be rebuilt by June",
        "speech",
    ),
    (
        "The ministry said the road would be rebuilt by June.\n\n"
        "The ministry made this known in a statement.",
        "the road would be rebuilt by June",
        "statement",
    ),
]


@pytest.mark.parametrize(("body", "text", "channel"), _BACK_REFERENCES)
def test_made_this_known_gives_the_occasion(body: str, text: str, channel: str):
    assert by_text(attribute_body(body))[text].channel == channel


def test_a_name_in_apposition_to_an_office_of_an_organisation_is_the_speaker():
    body = (
        "Valley Bank's Group Managing Director, Dr. Jo Roe, made this known in a statement.\n\n"
        "Roe said more branches would open."
    )
    assert by_text(attribute_body(body))["more branches would open"].channel == "statement"


_EXCHANGES = [
    # (body, statement text, channel): those a speaker answers in a debate speak in it too
    (
        "The prime minister told parliament the bridge would be rebuilt.\n\n"
        "She was responding during question time to opposition leader Jo Roe.\n\n"
        "Ms Roe said the money had not been found.",
        "the money had not been found",
        "speech",
    ),
    (
        "The prime minister told parliament the bridge would be rebuilt.\n\n"
        "She had lunch with opposition leader Jo Roe.\n\n"
        "Ms Roe said the money had not been found.",
        "the money had not been found",
        None,
    ),
    (
        "The prime minister said the bridge would be rebuilt.\n\n"
        "She was responding to opposition leader Jo Roe.\n\n"
        "Ms Roe said the money had not been found.",
        "the money had not been found",
        None,
    ),
]


@pytest.mark.parametrize(("body", "text", "channel"), _EXCHANGES)
def test_those_answered_in_a_debate_speak_in_it(body: str, text: str, channel: str | None):
    assert by_text(attribute_body(body))[text].channel == channel


_STORY_RELAYS = [
    # (body, statement text, via): an outlet credited in the lede relays the story
    (
        "Floods displaced 900 people in the valley, an official said Sunday, Nordpress reports."
        "\n\nJo Roe, the district commissioner, said the river burst its banks on Friday.",
        "the river burst its banks on Friday",
        ["Nordpress"],
    ),
    (
        "Floods displaced 900 people in the valley, an official said Sunday.\n\n"
        "Jo Roe, the district commissioner, said the river burst its banks on Friday, "
        "Nordpress reported.",
        "the river burst its banks on Friday",
        ["Nordpress"],
    ),
    (
        "Floods displaced 900 people in the valley, an official said Sunday.\n\n"
        "Jo Roe, the district commissioner, said the river burst its banks on Friday.",
        "the river burst its banks on Friday",
        [],
    ),
]


@pytest.mark.parametrize(("body", "text", "via"), _STORY_RELAYS)
def test_an_outlet_credited_in_the_lede_relays_the_story(body: str, text: str, via: list[str]):
    statement = by_text(attribute_body(body))[text]
    assert [v.name for v in statement.via] == via


_EARLIER_AND_SUMMED_UP = [
    # (body, statement text, channel)
    (  # "had told parliament" is an earlier occasion: it does not carry to what follows
        'Jo Roe denied any role in the raid. "It is a matter for the police," she told reporters.'
        "\n\nThe minister had told parliament she had never met the grower.\n\n"
        "Ms Roe insisted they had not spoken for years.",
        "they had not spoken for years",
        None,
    ),
    (
        "Jo Roe told parliament she had never met the grower.\n\n"
        "Ms Roe insisted they had not spoken for years.",
        "they had not spoken for years",
        "speech",
    ),
    (  # a summary just above a quotation that sets the occasion sums up that occasion
        "The harbour authority sold the port on Monday, ending a decade of public ownership."
        "\n\nThe buyer has not been named.\n\n"
        "Opposition leader Jo Roe repeated her call for an inquiry into the sale.\n\n"
        '"Nobody believes the figures any more," Ms Roe told reporters in Port Aster.',
        "an inquiry into the sale",
        "media talk",
    ),
    (
        "The harbour authority sold the port on Monday, ending a decade of public ownership."
        "\n\nThe buyer has not been named.\n\n"
        "Opposition leader Jo Roe repeated her call for an inquiry into the sale.\n\n"
        "The harbour reopened on Monday.\n\n"
        '"Nobody believes the figures any more," Ms Roe told reporters in Port Aster.',
        "an inquiry into the sale",
        None,
    ),
]


@pytest.mark.parametrize(("body", "text", "channel"), _EARLIER_AND_SUMMED_UP)
def test_earlier_occasions_and_summaries(body: str, text: str, channel: str | None):
    assert by_text(attribute_body(body))[text].channel == channel


_NOTES = [
    # (body, statement text, cue, channel): an analyst's note is a report, said by its author
    (
        "Valley Capital analyst Jo Roe said in a research note that the shares were cheap.",
        "the shares were cheap",
        "said",
        "report",
    ),
    (
        "Analysts at Valley Capital wrote on Monday in a note that the shares were cheap.\n\n"
        "They added that demand was weak.",
        "demand was weak",
        "added",
        "report",
    ),
    (
        "Jo Roe, an analyst, notes that the shares were cheap.",
        "the shares were cheap",
        "notes",
        None,
    ),
]


@pytest.mark.parametrize(("body", "text", "cue", "channel"), _NOTES)
def test_a_research_note_is_a_report_of_its_author(
    body: str, text: str, cue: str, channel: str | None
):
    statement = by_text(attribute_body(body))[text]
    assert (statement.cue, statement.channel) == (cue, channel)


_RELEASES = [
    # (body, statement text, channel): an issuer announcing in its own voice is its release
    (
        "The Directors of Valley Holdings Plc are pleased to announce that the company has won "
        "a new contract.\n\nJo Roe, the managing director, said:\n\n"
        '"This award shows that our customers trust our crews and our plans."',
        "This award shows that our customers trust our crews and our plans.",
        "statement",
    ),
    (
        'Jo Roe said the company had won a new contract. "We are pleased to announce more '
        'awards soon," she said.\n\nSam Vale said the bid was too low.',
        "the bid was too low",
        None,
    ),
]


@pytest.mark.parametrize(("body", "text", "channel"), _RELEASES)
def test_an_issuers_own_announcement_is_a_statement(body: str, text: str, channel: str | None):
    assert by_text(attribute_body(body))[text].channel == channel


def test_the_outlet_given_at_ingest_is_the_publisher(plugins):
    from provenance.domain import RawDocument
    from provenance.extraction.pipeline import extract

    text = (
        "Bridge to reopen in spring\n\n"
        "Mayor Jo Roe told the Valley Courier on Monday that the bridge would reopen in spring."
    )
    own = extract(RawDocument(text=text, outlet="The Valley Courier"), plugins)
    other = extract(RawDocument(text=text, outlet="The Hill Gazette"), plugins)
    said = "the bridge would reopen in spring"
    assert [v.name for v in by_text(own)[said].via] == []
    assert [v.name for v in by_text(other)[said].via] == ["Valley Courier"]


_DEBATES = [
    # (body, statement text, channel): taking a side just after words spoken at a meeting
    (
        "The Valley School Board voted on Monday to raise parking fees.\n\n"
        '"This is the hardest call we have made," Trustee Jo Roe said during the meeting.\n\n'
        "Trustee Sam Vale spoke against raising the fees, saying the plan was rushed.",
        "the plan was rushed",
        "speech",
    ),
    (
        "The Valley School Board voted on Monday to raise parking fees.\n\n"
        "Parent Sam Vale spoke against raising the fees, saying the plan was rushed.",
        "the plan was rushed",
        None,
    ),
]


@pytest.mark.parametrize(("body", "text", "channel"), _DEBATES)
def test_taking_a_side_in_a_debate_is_said_in_it(body: str, text: str, channel: str | None):
    assert by_text(attribute_body(body))[text].channel == channel


def test_excerpts_from_an_occasion_give_it_to_the_last_speaker():
    body = (
        "Coach Jo Roe admitted that her side had batted badly on the first day. Excerpts "
        "from the media session after stumps:\n\nOn the collapse:\n\nIt was a tough one."
    )
    said = by_text(attribute_body(body))["her side had batted badly on the first day"]
    assert said.channel == "media talk"


_SPOKEN_WORDS = [
    # (body, statement text, channel): "X's comments at a rally" sets X's occasion
    (
        "The opposition walked out after Governor Jo Roe's reported comments "
        'at a rally in Port Aster.\n\n"I saw the figures in the paper," Roe said.',
        "I saw the figures in the paper,",
        "speech",
    ),
    (
        "The opposition walked out after Governor Jo Roe's reported comments "
        'about the budget.\n\n"I saw the figures in the paper," Roe said.',
        "I saw the figures in the paper,",
        None,
    ),
]


@pytest.mark.parametrize(("body", "text", "channel"), _SPOKEN_WORDS)
def test_a_speakers_comments_at_an_occasion_set_it(body: str, text: str, channel: str | None):
    assert by_text(attribute_body(body))[text].channel == channel


def test_a_participle_after_a_persons_account_stays_with_the_source():
    body = (
        "According to Jo Roe, Governor Sam Vale left the meeting early, adding that the "
        "talks were over."
    )
    found = by_text(attribute_body(body))
    assert found["the talks were over"].speaker.name == "Jo Roe"


_REMARKS_CAME_CASES = [
    # (body, statement text, channel): "The remarks came at ..." names the occasion just reported
    (
        "Jo Roe said the bridge would reopen in spring.\n\n"
        "Her remarks came at a news conference in Port Aster.\n\nShe also said the cost was high.",
        "the cost was high",
        "news conference",
    ),
    (
        "Jo Roe said the bridge would reopen in spring. The comments were made during a "
        "televised debate.",
        "the bridge would reopen in spring",
        "speech",
    ),
    (
        "Jo Roe said the bridge would reopen in spring.\n\nThe bridge came at a high cost.",
        "the bridge would reopen in spring",
        None,
    ),
]


@pytest.mark.parametrize(("body", "text", "channel"), _REMARKS_CAME_CASES)
def test_the_remarks_came_at_an_occasion(body: str, text: str, channel: str | None):
    assert by_text(attribute_body(body))[text].channel == channel
