"""Speaker names as English news writes them: whole organisation names, a person's
name rather than their description, groups, abbreviations and relays (invented text)."""

import pytest

from provenance.extraction.speakers import phrase_after, phrase_before
from provenance.extraction.text import words
from tests.extraction.conftest import attribute_body, by_text


def _speaker(body: str, text: str) -> str:
    return by_text(attribute_body(body))[text].speaker.name


def test_ampersand_and_and_joined_names_are_kept_whole():
    body = (
        "Brandeth & Strand said the merger would close in June.\n\n"
        "The Northern Water and Energy Supply Authority said tariffs would rise."
    )
    assert _speaker(body, "the merger would close in June") == "Brandeth & Strand"
    assert _speaker(body, "tariffs would rise") == "Northern Water and Energy Supply Authority"


def test_a_determiner_keeps_a_name_starting_with_a_heading_word():
    body = "The Country Rail Authority said services would resume on Monday."
    assert _speaker(body, "services would resume on Monday") == "Country Rail Authority"


def test_name_with_a_description_in_apposition_is_the_speaker():
    body = (
        "Mara Quell, a retail analyst at Harrowgate Partners, said the outlook was weak.\n\n"
        "Budget analyst Tova Brand of Civic Ledger said the plan was sound."
    )
    assert _speaker(body, "the outlook was weak") == "Mara Quell"
    assert _speaker(body, "the plan was sound") == "Tova Brand"


def test_role_before_the_name_and_named_description_later():
    body = (
        "Orlen Bio's chief scientific officer, Dr. Ines Quorvik, said the data were clean. "
        '"We saw a signal," she said.'
    )
    found = by_text(attribute_body(body))
    assert found["the data were clean"].speaker.name == "Ines Quorvik"
    assert found["We saw a signal,"].speaker.name == "Ines Quorvik"


def test_groups_keep_their_noun_and_place():
    body = (
        "Some legal scholars said the ruling was narrow.\n\n"
        "Shop owners along Mill Road warned that fees would drive customers away.\n\n"
        "Relatives of patients said they had waited for hours."
    )
    assert _speaker(body, "the ruling was narrow") == "legal scholars"
    assert _speaker(body, "fees would drive customers away") == "Shop owners along Mill Road"
    assert _speaker(body, "they had waited for hours") == "Relatives of patients"


def test_the_company_is_the_last_business_that_spoke():
    body = (
        "Tallow Robotics said on Monday that orders had doubled.\n\n"
        "Revenue rose 40 per cent, the company said."
    )
    assert _speaker(body, "Revenue rose 40 per cent") == "Tallow Robotics"


def test_the_bank_is_the_last_organisation_headed_by_bank():
    body = (
        "The Central Bank of Norland said inflation had eased.\n\n"
        "The bank said rates would stay on hold."
    )
    assert _speaker(body, "rates would stay on hold") == "Central Bank of Norland"


def test_title_abbreviation_is_the_person_with_that_title():
    body = (
        "Outgoing Chief Minister Arun Dev Malik resigned on Saturday.\n\n"
        "Later, the outgoing CM alleged that the rival party had misled voters."
    )
    assert _speaker(body, "the rival party had misled voters") == "Arun Dev Malik"


def test_unintroduced_title_abbreviation_is_no_speaker():
    body = "Later, the outgoing CM alleged that the rival party had misled voters."
    assert "the rival party had misled voters" not in by_text(attribute_body(body))


def test_organisation_abbreviation_resolves_to_its_full_name():
    body = (
        "The Coastal Fire Service (CFS) said crews had contained the blaze.\n\n"
        "The CFS said the road would reopen on Sunday."
    )
    assert _speaker(body, "the road would reopen on Sunday") == "Coastal Fire Service"


def test_heading_word_is_not_a_speaker_but_the_group_after_it_is():
    body = (
        'Reaction from members on social media was mixed, with one calling the deal "a betrayal".'
    )
    assert _speaker(body, "a betrayal") != "Reaction"


def test_quoted_him_as_saying_is_his_statement_via_the_quoting_outlet():
    body = (
        "Energy Minister Jonas Pell spoke at the site on Monday.\n\n"
        "Nordpress also quoted him as saying that work would begin in the spring."
    )
    found = by_text(attribute_body(body))["work would begin in the spring"]
    assert found.speaker.name == "Jonas Pell"
    assert [v.name for v in found.via] == ["Nordpress"]


def test_capitalised_outlet_words_are_part_of_the_outlet_name():
    body = "Mayor Lina Ross told Radio Nordland Hobart that the bridge was safe."
    found = by_text(attribute_body(body))["the bridge was safe"]
    assert [v.name for v in found.via] == ["Radio Nordland Hobart"]


def test_what_experts_call_is_a_term_not_a_statement():
    body = 'The planet lies within what astronomers call the "habitable zone," they said.'
    assert "habitable zone," not in by_text(attribute_body(body))


DOCUMENT_AUTHORS = [
    # (body, statement text, speaker): a document is never the speaker, its author is
    (
        "According to a statement by presidential spokesman, Jo Marrow, the inquiry will start.",
        "the inquiry will start",
        "Jo Marrow",
    ),
    (
        "The firm cut costs, according to a report published Thursday by The Daily Ledger.",
        "The firm cut costs",
        "Daily Ledger",
    ),
    (
        "A study released alongside the summit by the Brackwater Trust estimates that "
        "small island states will need $30 billion a year.",
        "small island states will need $30 billion a year",
        "Brackwater Trust",
    ),
    (
        "A statement from the Northland Farmers Union said prices would fall.",
        "prices would fall",
        "Northland Farmers Union",
    ),
    (
        "The opposition alliance demanded a recount on Tuesday.\n\n"
        '"We will not accept this result," said a statement read by spokesman Ali Baro.',
        "We will not accept this result,",
        "opposition alliance",
    ),
    (
        "A 12-party alliance of the leading opposition groups called for the vote to be "
        "delayed.\n\nThe Northland Democracy Council also said fresh polls were needed.\n\n"
        '"We urge citizens to march peacefully against the fraud," the opposition statement said.',
        "We urge citizens to march peacefully against the fraud,",
        "alliance of the leading opposition groups",
    ),
    (
        'The mayor Jo Tarn defended the budget. "It is balanced," her statement said.',
        "It is balanced,",
        "Jo Tarn",
    ),
]


@pytest.mark.parametrize(("body", "text", "speaker"), DOCUMENT_AUTHORS)
def test_a_document_is_spoken_by_its_author(body: str, text: str, speaker: str) -> None:
    assert _speaker(body, text) == speaker


OUTLETS_AND_BUSINESSES = [
    # (body, statement text, speaker): outlets and businesses referred back to by a noun
    (
        "The Northland Times reported on Monday that the plant would close. "
        "The factory employs 300 people, the newspaper said.",
        "The factory employs 300 people",
        "Northland Times",
    ),
    (
        'Westland\'s "Morgenblad" newspaper on May 2 reported that the talks were secret.\n\n'
        "One aim is a truce, the paper said.",
        "One aim is a truce",
        "Morgenblad",
    ),
    (
        "Okada Marine will sell its ferry arm, the Kaiyo business daily reported.",
        "Okada Marine will sell its ferry arm",
        "Kaiyo",
    ),
    (
        "Okada Marine will sell its ferry arm, the Kaiyo business daily reported.\n\n"
        "The Japanese conglomerate confirmed that a sale was being studied.",
        "a sale was being studied",
        "Okada Marine",
    ),
]


DESCRIBED_NAMES = [
    # (body, statement text, speaker): "description Name" and "description, Name" give the name
    (
        "Recruitment agency Callister Staffing said the fine was unfair and too high.\n\n"
        "The company said costs would rise.",
        "costs would rise",
        "Callister Staffing",
    ),
    ("The news agency Nordpress said the port was shut.", "the port was shut", "Nordpress"),
    (
        "Online video company Streamline Inc. reported a 14 per cent drop in quarterly earnings.",
        "a 14 per cent drop in quarterly earnings",
        "Streamline Inc.",
    ),
    (
        "WEATHERNET forecast specialist Ana Liza Roque said the storm would weaken over land.\n\n"
        '"The rain will not stop right away," Roque said.',
        "The rain will not stop right away,",
        "Ana Liza Roque",
    ),
    (
        "The Ministry of Defence said the drill was routine.",
        "the drill was routine",
        "Ministry of Defence",
    ),
    (
        '"The ruling is no surprise to us since the case was flawed," the general\'s lawyer, '
        "Sorel Mbaye said after the hearing.",
        "The ruling is no surprise to us since the case was flawed,",
        "Sorel Mbaye",
    ),
]


@pytest.mark.parametrize(("body", "text", "speaker"), DESCRIBED_NAMES)
def test_a_description_gives_way_to_the_name(body: str, text: str, speaker: str) -> None:
    assert _speaker(body, text) == speaker


OUTLETS_AND_BUSINESSES += [
    (
        "Ostrander Holdings is close to a deal to sell its robotics arm, The Morning Ledger "
        "reported on Saturday.\n\n"
        "The deal is expected to rank among the largest ever, the U.S. business daily said.",
        "The deal is expected to rank among the largest ever",
        "Morning Ledger",
    ),
    (
        "Ostrander Holdings is close to a deal to sell its robotics arm, The Morning Ledger "
        "reported on Saturday.\n\n"
        "Regulators would probably scrutinise the deal, the Paris-based newspaper added.",
        "Regulators would probably scrutinise the deal",
        "Morning Ledger",
    ),
    (
        "The U.N. refugee agency said the camps were full.",
        "the camps were full",
        "U.N. refugee agency",
    ),
    (
        "Westland's Corvo Ltd posted revenue below expectations. Sales at its security "
        "division fell.\n\nThe company reported adjusted revenue of $231 million for the quarter.",
        "adjusted revenue of $231 million for the quarter",
        "Westland's Corvo Ltd",
    ),
    (
        "Parcelo said sales rose. The practice runs counter to claims by the online retail "
        "giant that it never taps merchant data.",
        "it never taps merchant data",
        "Parcelo",
    ),
    (
        "Le Courrier said the minister would resign before the summer.\n\n"
        "The paper said the talks would resume in May.",
        "the talks would resume in May",
        "Le Courrier",
    ),
    ("Ines Le Brun said the vote was flawed.", "the vote was flawed", "Ines Le Brun"),
]


@pytest.mark.parametrize(("body", "text", "speaker"), OUTLETS_AND_BUSINESSES)
def test_outlet_and_business_nouns_resolve_to_the_named_one(
    body: str, text: str, speaker: str
) -> None:
    assert _speaker(body, text) == speaker


NOT_SPEAKERS = [
    # (body, statement text, speaker): datelines and what a statement says are not speakers
    (
        "KORVAT (Wirenews) -- The interior minister said the border would reopen.",
        "the border would reopen",
        "interior minister",
    ),
    (
        "Lindholm (NPA) — Harbour officials said the ferry was delayed.",
        "the ferry was delayed",
        "Harbour officials",
    ),
    (
        "The Morning Ledger reported that the talks had stalled.\n\n"
        "Northland has given backing to the talks, it added.",
        "Northland has given backing to the talks",
        "Morning Ledger",
    ),
]


NO_SPEAKER = [
    # capitalised words opening a sentence are not names
    ("Like I told you before the final, every side here can win the cup.", "Like"),
    ("Sadly, we agree that the ruling was wrong and must be overturned.", "Sadly"),
]


NO_SPEAKER += [
    ("According to a report from Tuesday, the bank will cut 2,000 jobs in London.", "Tuesday"),
]


@pytest.mark.parametrize(("body", "word"), NO_SPEAKER)
def test_sentence_openers_are_not_speakers(body: str, word: str) -> None:
    names = {s.speaker.name for s in attribute_body(body).statements if s.speaker}
    assert word not in names


@pytest.mark.parametrize(("body", "text", "speaker"), NOT_SPEAKERS)
def test_datelines_and_content_subjects_are_not_speakers(
    body: str, text: str, speaker: str
) -> None:
    assert _speaker(body, text) == speaker


DESCRIBED_AND_JOINT_SPEAKERS = [
    # (body, statement text, speaker): unnamed people, described groups, joint speakers
    (
        "A network of independent vote monitors said the count was flawed.",
        "the count was flawed",
        "A network of independent vote monitors",
    ),
    (
        "A senior Green backbencher says he will vote against the bill.",
        "he will vote against the bill",
        "A senior Green backbencher",
    ),
    (
        '"The lines are too long," said a regular commuter.',
        "The lines are too long,",
        "a regular commuter",
    ),
    (
        "The second civilian told the court he had seen the blast.",
        "he had seen the blast",
        "second civilian",
    ),
    (
        'Also on Monday, Pavlu and Tessaro welcomed the "new treaty" signed in May.',
        "new treaty",
        "Pavlu and Tessaro",
    ),
    (
        "Orsi and several rival candidates called for a general strike.",
        "a general strike",
        "Orsi and several rival candidates",
    ),
    ("After meeting Orsi and Tessaro said the deal was close.", "the deal was close", "Tessaro"),
    (
        "Most analysts at Dorran K. Pell said the outlook was weak.",
        "the outlook was weak",
        "Most analysts at Dorran K. Pell",
    ),
    (
        "The ferry's captain said the crossing was cancelled because of the storm.",
        "the crossing was cancelled because of the storm",
        "ferry's captain",
    ),
    (
        "The train's crew said they had to wait for a second engine.",
        "they had to wait for a second engine",
        "train's crew",
    ),
    (
        "Analyst Mary K. Lowe said the quarter was solid. Lowe said costs rose sharply.",
        "costs rose sharply",
        "Mary K. Lowe",
    ),
]


DESCRIBED_AND_JOINT_SPEAKERS += [
    (
        "The engines are old, said a regular commuter who said they prefer the train "
        "because buses overcharge.",
        "they prefer the train because buses overcharge",
        "a regular commuter",
    ),
    (
        "The Department of Fisheries's offices were searched on Monday. The department said "
        "it was cooperating fully with police.",
        "it was cooperating fully with police",
        "Department of Fisheries",
    ),
]


@pytest.mark.parametrize(("body", "text", "speaker"), DESCRIBED_AND_JOINT_SPEAKERS)
def test_described_and_joint_speakers(body: str, text: str, speaker: str) -> None:
    assert _speaker(body, text) == speaker


ORGANISATION_NAMES = [
    # (body, statement text, speaker): one body under its names, and its spokespeople
    (
        "Westland's Foreign Office said the talks were constructive and useful.\n\n"
        "A ministry spokesperson said the envoy had been summoned on Monday.",
        "the envoy had been summoned on Monday",
        "Westland's Foreign Office",
    ),
    (
        "Westland's Foreign Office said the talks were constructive and useful.\n\n"
        "The Foreign Ministry later said the meeting had ended without agreement.",
        "the meeting had ended without agreement",
        "Westland's Foreign Office",
    ),
    (
        "A senior Transport Department official said the sanctions would stay in place.",
        "the sanctions would stay in place",
        "Transport Department",
    ),
]


@pytest.mark.parametrize(("body", "text", "speaker"), ORGANISATION_NAMES)
def test_an_organisation_speaks_under_all_its_names(body: str, text: str, speaker: str) -> None:
    assert _speaker(body, text) == speaker


def test_a_spokesperson_of_an_unnamed_body_is_not_merged_into_a_bare_noun() -> None:
    body = (
        "Police said the road was closed.\n\n"
        "A police official said two people had been killed in the landslide."
    )
    assert _speaker(body, "two people had been killed in the landslide") == "A police official"


def test_a_spokesperson_is_recorded_as_a_role_of_the_organisation() -> None:
    body = (
        "The Interior Ministry said the border was calm.\n\n"
        "A ministry spokesman said patrols had been doubled."
    )
    speakers = attribute_body(body).speakers
    assert [(s.name, s.kind) for s in speakers] == [("Interior Ministry", "organization")]
    assert "spokesman" in speakers[0].roles
    assert "A ministry spokesman" in speakers[0].aliases


ANONYMOUS_SOURCES_AND_TITLED_NAMES = [
    # (body, statement text, speaker): qualified anonymous sources; a title-led description
    (
        "People familiar with the matter said the company was exploring a sale of the unit.",
        "the company was exploring a sale of the unit",
        "People familiar with the matter",
    ),
    (
        "The bank is weighing a sale, according to people familiar with the matter.",
        "The bank is weighing a sale",
        "people familiar with the matter",
    ),
    (
        "Sources close to the talks said a deal was near.",
        "a deal was near",
        "Sources close to the talks",
    ),
    (
        "The merger plan has been shelved for now, a person with knowledge of the plans said.",
        "The merger plan has been shelved for now",
        "a person with knowledge of the plans",
    ),
    (
        "The head of the Northland Farmers Association, Jo Roe, said prices had collapsed.",
        "prices had collapsed",
        "Jo Roe",
    ),
    (
        "The chief executive of Tallow Robotics, Bram Berg, said orders had doubled.",
        "orders had doubled",
        "Bram Berg",
    ),
]


ANONYMOUS_SOURCES_AND_TITLED_NAMES += [
    (
        '"Prices have collapsed this year," said the head of the Northland Growers '
        "Association, Jo Roe.",
        "Prices have collapsed this year,",
        "Jo Roe",
    ),
]


ANONYMOUS_SOURCES_AND_TITLED_NAMES += [
    (
        "Ama Kodjo Mensa, the head of the Northland League for Civic Rights, the country's "
        "largest rights network, confirmed the arrests of the four students.",
        "the arrests of the four students",
        "Ama Kodjo Mensa",
    ),
]


ANONYMOUS_SOURCES_AND_TITLED_NAMES += [
    (
        "Speaking to reporters at the party office on Mill Road, state party president Dev Raj "
        'Kumar, who is expected to lead the cabinet, said, "The people have voted for change."',
        "The people have voted for change.",
        "Dev Raj Kumar",
    ),
    (
        "Roughly 2,300 people remained stranded, said Hamid Omar al-Tayib, the head of the "
        "local relief committee.\n\nVolunteers were using boats to reach the families, he added.",
        "Volunteers were using boats to reach the families",
        "Hamid Omar al-Tayib",
    ),
]


ANONYMOUS_SOURCES_AND_TITLED_NAMES += [
    (
        "Clause 12 Monitor, a procurement watchdog, welcomed the ruling.\n\n"
        '"Councils keep running tenders around a preferred bidder," said the organisation\'s '
        "director, Mr Tumi Dlamini.",
        "Councils keep running tenders around a preferred bidder,",
        "Tumi Dlamini",
    ),
    (
        "Clause 12 Monitor, a procurement watchdog, welcomed the ruling on the tender.",
        "the ruling on the tender",
        "Clause 12 Monitor",
    ),
]


@pytest.mark.parametrize(("body", "text", "speaker"), ANONYMOUS_SOURCES_AND_TITLED_NAMES)
def test_anonymous_sources_and_titled_names(body: str, text: str, speaker: str) -> None:
    assert _speaker(body, text) == speaker


SUBJECT_CHAIN = [
    # (body, statement text, speaker): pronouns follow the subject of recent attributions
    (
        "Harbour City lost 2-0 on Thursday.\n\n"
        "Talking to reporters, Tobbe said that the rivals had prepared well. "
        "He said that Harbour City had been without three starters.",
        "Harbour City had been without three starters",
        "Tobbe",
    ),
    (
        "Ansel Dray, speaking to reporters on a call from the club's ground in Westfield on "
        "Friday, said he learned of the trade at the morning skate.",
        "he learned of the trade at the morning skate",
        "Ansel Dray",
    ),
]


@pytest.mark.parametrize(("body", "text", "speaker"), SUBJECT_CHAIN)
def test_pronouns_follow_the_subject_chain(body: str, text: str, speaker: str) -> None:
    assert _speaker(body, text) == speaker


PHRASES_AFTER = [
    # (text, the speaker phrase that opens it)
    ("Northland urges donors to give more", "Northland"),
    ("Jo Roe met bankers on Monday", "Jo Roe"),
    ("the Westland news agency Nordpress reported", "the Westland news agency Nordpress"),
    ("People close to the talks say a deal is near", "People close to the talks"),
    ("KORVAT (Wirenews) -- Harbour officials said", "Harbour officials"),
]


@pytest.mark.parametrize(("text", "phrase"), PHRASES_AFTER)
def test_the_phrase_opening_a_sentence(text: str, phrase: str) -> None:
    found = phrase_after(words(text, 0, len(text)), 0)
    assert found is not None and found.text == phrase


PATHOLOGICAL = [
    "Jo and " * 3000 + "Roe said",
    "Jo, and " * 3000 + "Roe said",
    "people familiar with " * 2000 + "the matter said",
    "a statement by " * 3000 + "Jo Roe said",
    "KORVAT (Wirenews) -- " * 3000 + "Jo said",
    "spokesman, " * 3000 + "Jo Roe, said",
    "the head of the Growers Association, " * 2000 + "Jo Roe, said",
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_phrase_reading_stays_bounded_on_repetitive_text(text: str) -> None:
    ws = words(text, 0, len(text))
    phrase_before(ws, len(ws) - 1)  # no RecursionError, no long search
    phrase_after(ws, 0)


def test_a_persons_affiliation_is_recorded_and_their_title_refers_back() -> None:
    body = (
        "Jo Roe, a spokeswoman for the Foreign Office, said the envoy had been recalled.\n\n"
        "The spokeswoman said the embassy would stay open for now."
    )
    found = attribute_body(body)
    assert by_text(found)["the embassy would stay open for now"].speaker.name == "Jo Roe"
    roles = {s.name: s.roles for s in found.speakers}
    assert "a spokeswoman for the Foreign Office" in roles["Jo Roe"]


def test_a_document_with_no_known_author_keeps_its_statement() -> None:
    body = "“The vote must be cancelled,” said a statement read out at a news conference."
    assert "The vote must be cancelled," in by_text(attribute_body(body))
