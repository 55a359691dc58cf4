import pytest

from tests.extraction.conftest import attribute_body, by_text


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        (
            "Mayor Ann Lyle said that the road would reopen in May.",
            "the road would reopen in May",
            "Ann Lyle",
        ),
        (
            "Mayor Ann Lyle said the road would reopen in May.",
            "the road would reopen in May",
            "Ann Lyle",
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
            "Coach Bram Moss made it clear that nobody would be sold.",
            "nobody would be sold",
            "Bram Moss",
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


def test_scare_quote_is_not_a_statement():
    assert attribute_body("The two towns are often called “twin cities”.").statements == []


# FORMAT.md Convention 1: a speech act whose object or infinitive is its content.
@pytest.mark.parametrize(
    ("body", "text", "speaker", "cue"),
    [
        ("Officials rejected these claims.", "these claims", "Officials", "rejected"),
        ("Mayor Ann Lyle denied the reports.", "the reports", "Ann Lyle", "denied"),
        (
            "The union dismissed those figures and walked out.",
            "those figures",
            "union",
            "dismissed",
        ),
        (
            "The rival unions accused each other of stalling the talks.",
            "each other of stalling the talks",
            "unions",
            "accused",
        ),
        (
            "Governor Ruth Kay welcomed the decision to reopen the port.",
            "the decision to reopen the port",
            "Ruth Kay",
            "welcomed",
        ),
        (
            "The farmers' union vowed to keep up the blockade.",
            "to keep up the blockade",
            "farmers' union",
            "vowed",
        ),
        (
            "The rebels threatened to walk out of the talks.",
            "to walk out of the talks",
            "rebels",
            "threatened",
        ),
        (
            "Senator Tom Bright slammed the board for its silence.",
            "the board for its silence",
            "Tom Bright",
            "slammed",
        ),
        (
            "The council demanded the resignation of the chairman.",
            "the resignation of the chairman",
            "council",
            "demanded",
        ),
        (
            "The union called on the chief executive to give up his bonus.",
            "the chief executive to give up his bonus",
            "union",
            "called on",
        ),
        (
            "The mayor expressed deep concern over the rising rents.",
            "the rising rents",
            "mayor",
            "expressed deep concern over",
        ),
        ("Senator Ross warned of a long winter.", "a long winter", "Ross", "warned of"),
        ("The governor apologised for the delay.", "the delay", "governor", "apologised for"),
        ("Residents appealed for calm.", "calm", "Residents", "appealed for"),
        (
            "The civil defence agency put the toll at 43 dead.",
            "43 dead",
            "civil defence agency",
            "put the toll at",
        ),
        (
            "The union sought a meeting with the minister.",
            "a meeting with the minister",
            "union",
            "sought",
        ),
        (
            "The ministry objected to the transfer of the licence.",
            "the transfer of the licence",
            "ministry",
            "objected to",
        ),
        (
            "The President conveyed his condolences to the families of the miners.",
            "his condolences to the families of the miners",
            "President",
            "conveyed",
        ),
        (
            "Minister Jo Ade sent a solidarity message to the governor.",
            "a solidarity message to the governor",
            "Jo Ade",
            "sent",
        ),
    ],
)
def test_speech_act_with_object(body: str, text: str, speaker: str, cue: str):
    found = by_text(attribute_body(body))
    assert text in found, list(found)
    assert found[text].speaker.name.endswith(speaker)
    assert found[text].cue == cue


# Zero-"that" clauses: a clause opening with a pointing word is content when a finite
# verb follows; a bare pronoun object is not.
@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The water board said it would lift the ban.", "it would lift the ban"),
        ("The water board said those reserves had run low.", "those reserves had run low"),
        ("Coach Bram Moss insisted the team was ready.", "the team was ready"),
        (
            "Coach Bram Moss warned there would be no second chance.",
            "there would be no second chance",
        ),
        ("The mayor alleged her rival had lied.", "her rival had lied"),
    ],
)
def test_zero_that_clauses(body: str, text: str):
    found = by_text(attribute_body(body))
    assert text in found, list(found)
    assert found[text].kind == "indirect"


@pytest.mark.parametrize(
    "body",
    [
        "Mayor Ann Lyle said so.",
        "Mayor Ann Lyle said it in a speech.",
        "Mayor Ann Lyle denied it.",
        "Coach Bram Moss stressed the importance of rest.",
        "Mayor Ann Lyle read a written reply to the council.",
        "Coach Bram Moss believes the team is ready.",
        "The court extended the deadline.",
        "The council called on Monday for calm.",
        "The man accused of the theft will appear in court.",
        "Senator Jo Roe claimed parliamentary privilege over the files.",
    ],
)
def test_no_content_given(body: str):
    assert attribute_body(body).statements == []


def test_negated_cue_is_not_a_statement():
    assert (
        attribute_body("Director Anselm Grey did not say whether he would resign.").statements == []
    )


def test_nested_speech_records_the_relay():
    body = "Minister Jo Park said the President of Chile repeatedly said that the border was open."
    inner = by_text(attribute_body(body))["the border was open"]
    assert inner.speaker.name == "President of Chile"
    assert [v.name for v in inner.via] == ["Jo Park"]


# A cue after a comma with its subject after it, or a bare time after the cue.
@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        ("The bridge is safe, said Jane Doe.", "The bridge is safe", "Jane Doe"),
        (
            "Exports have doubled, said the Minister of Trade, Jo Roe on Wednesday.",
            "Exports have doubled",
            "Jo Roe",
        ),
        ("The port will reopen, the city council said Friday.", "The port will reopen", "council"),
        (
            "Two men were hurt, an official said Saturday, Reuters reports.",
            "Two men were hurt",
            "official",
        ),
        (
            "Three boats sank in the storm, the official said, asking not to be named.",
            "Three boats sank in the storm",
            "official",
        ),
        (
            "Police chief Ana Ruiz said Tuesday the motive was unclear.",
            "the motive was unclear",
            "Ana Ruiz",
        ),
        ("The port may close next week, the paper said.", "The port may close next week", "paper"),
        (
            "The agency may face a fine over the leak, The Clarion notes.",
            "The agency may face a fine over the leak",
            "Clarion",
        ),
    ],
)
def test_trailing_and_timed_cues(body: str, text: str, speaker: str):
    found = by_text(attribute_body(body))
    assert text in found, list(found)
    assert found[text].speaker.name.endswith(speaker)


# Cues in relative clauses: the relative's antecedent speaks; the relative clause is a
# statement of its own and not part of the content before it.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The union, which has accused the board of lying, has warned it would strike.",
            {"the board of lying", "it would strike"},
        ),
        (
            "The union said it would strike, which it said was the last resort.",
            {"it would strike", "was the last resort"},
        ),
        (
            "The union demanded a new vote, citing what it said were abuses in the count.",
            {"a new vote", "were abuses in the count"},
        ),
    ],
)
def test_relative_clause_cues(body: str, expected: set[str]):
    found = attribute_body(body).statements
    assert {s.text for s in found} == expected
    assert {s.speaker.name for s in found} == {"union"}


# Directives and addressees: a person and a to-infinitive, or a that-clause after them.
@pytest.mark.parametrize(
    ("body", "text", "speaker", "cue"),
    [
        (
            "The ferry company is telling passengers to travel by air.",
            "passengers to travel by air",
            "ferry company",
            "telling",
        ),
        (
            "Chief Eze asked local councils to declare an emergency.",
            "local councils to declare an emergency",
            "Eze",
            "asked",
        ),
        (
            "President Ade assures farmers that the subsidy would stay.",
            "the subsidy would stay",
            "Ade",
            "assures",
        ),
        (
            "The authorities accused him of planning a coup.",
            "him of planning a coup",
            "authorities",
            "accused",
        ),
        (
            "The mayor renewed her call for a public inquiry.",
            "a public inquiry",
            "mayor",
            "renewed her call for",
        ),
        (
            "Trustee Jo Ross spoke against closing the school.",
            "closing the school",
            "Jo Ross",
            "spoke against",
        ),
        (
            "Voicing worry over the spread of guns, President Ade promised more patrols.",
            "the spread of guns",
            "Ade",
            "Voicing worry over",
        ),
    ],
)
def test_directives_and_addressees(body: str, text: str, speaker: str, cue: str):
    found = by_text(attribute_body(body))
    assert text in found, list(found)
    assert found[text].speaker.name.endswith(speaker)
    assert found[text].cue == cue


@pytest.mark.parametrize(
    "body",
    [
        "The official spoke asking not to be named.",
        "The firm did not respond to a request for comment.",
        "The agency asked whether the plan was legal.",
    ],
)
def test_not_directives(body: str):
    assert attribute_body(body).statements == []


def test_embedded_subject_of_nested_cue():
    body = "Two officials said ministers had privately urged the bank to cut rates."
    found = by_text(attribute_body(body))
    assert found["the bank to cut rates"].speaker.name == "ministers"
    assert [v.name for v in found["the bank to cut rates"].via] == ["Two officials"]
    outer = found["ministers had privately urged the bank to cut rates"]
    assert outer.speaker.name == "Two officials"


def test_gerund_after_a_cue_is_not_a_cue():
    body = "Sheriff Jo Park said finding the motive remains the top priority."
    assert [s.text for s in attribute_body(body).statements] == [
        "finding the motive remains the top priority"
    ]


def test_naming_verb_with_a_quoted_label_is_one_statement():
    body = 'Analyst Jo Park described the quarter as "solid but dull".'
    assert [(s.text, s.kind) for s in attribute_body(body).statements] == [
        ("solid but dull", "direct")
    ]


# Where content stops: a second "that" clause is its own statement; a participle cue
# after a comma says something else; "in a note to clients that" is a setting.
@pytest.mark.parametrize(
    ("body", "texts"),
    [
        (
            "Mayor Jo Ross says the ferry is out of service, and that crews found a crack.",
            ["the ferry is out of service", "crews found a crack"],
        ),
        (
            "Resident Marit Kay says she feels cut off, calling the shuttle unreliable.",
            ["she feels cut off"],
        ),
        (
            "Analyst Jo Park wrote in a note to clients that the deal would fail.",
            ["the deal would fail"],
        ),
        (
            'Mayor Jo Ross said crews found "a small crack" in a shaft.',
            ['crews found "a small crack" in a shaft', "a small crack"],
        ),
    ],
)
def test_content_boundaries(body: str, texts: list[str]):
    found = attribute_body(body).statements
    assert [s.text for s in found] == texts
    assert len({s.speaker.name for s in found}) == 1


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        ("The opposition dismissed those figures.", "those figures", "opposition"),
        (
            "The council on Monday denied the reports of a deal.",
            "the reports of a deal",
            "council",
        ),
    ],
)
def test_plain_noun_phrase_opening_the_sentence_is_the_subject(body: str, text: str, speaker: str):
    found = by_text(attribute_body(body))
    assert found[text].speaker.name.endswith(speaker)


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        # a journalist's question is not the content
        (
            '"No comment," Minister Jo Roe said when asked whether she would resign.',
            ["No comment,"],
        ),
        # an object after the cue is not a trailing adjunct
        ("Jo Roe, the head of the union, confirmed the arrests.", ["the arrests"]),
        # the addressee of "told" is skipped before the trailing check
        (
            "The bridge will stay shut, Mayor Ann Lyle told the council.",
            ["The bridge will stay shut"],
        ),
        # an object ends before ", but" and a new clause
        (
            "Mayor Ann Lyle confirmed the loss of ten homes, but it was too early to say more.",
            ["the loss of ten homes"],
        ),
    ],
)
def test_what_is_not_content(body: str, texts: list[str]):
    assert [s.text for s in attribute_body(body).statements] == texts


def test_passive_naming_has_no_speaker():
    body = 'A man who could be described only as a "senior official" spoke at length.'
    assert attribute_body(body).statements == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # inverted cue with a description in apposition
        ("The house is gone, said Jo Roe, a local farmer.", [("The house is gone", "Jo Roe")]),
        # a quotation interrupted by its attribution: both parts are the speaker's
        (
            "“These are odd,” said Ida Vance, a fossil expert, “but they are not burrows.”",
            [("These are odd,", "Ida Vance"), ("but they are not burrows.", "Ida Vance")],
        ),
        # a rating in quotation marks after the attribution is not a second part
        (
            '"Growth looks strong," said Jo Roe in a note, keeping her "buy" rating.',
            [("Growth looks strong,", "Jo Roe")],
        ),
    ],
)
def test_inverted_and_interrupted_attribution(body: str, expected: list[tuple[str, str]]):
    found = attribute_body(body).statements
    assert [(s.text, s.speaker.name) for s in found] == expected


def test_quotation_after_told_and_its_addressee():
    body = "Information Minister Jo Roe told Reuters: “The vote will go ahead in May.”"
    (found,) = attribute_body(body).statements
    assert (found.text, found.speaker.name, found.cue) == (
        "The vote will go ahead in May.",
        "Jo Roe",
        "told",
    )


def test_opening_subject_may_have_a_hyphenated_word():
    body = "A 12-party alliance of opposition groups late on Wednesday called for a new vote."
    (found,) = attribute_body(body).statements
    assert found.text == "a new vote"
    assert found.speaker.name.endswith("alliance of opposition groups")


def test_relative_clause_after_a_plain_noun_phrase():
    body = "The opposition, which has accused the board of lying, has warned it would strike."
    found = attribute_body(body).statements
    assert {s.text for s in found} == {"the board of lying", "it would strike"}
    assert {s.speaker.name for s in found} == {"opposition"}


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (
            "Mayor Jo Roe said with a grin there might be news next week.",
            "there might be news next week",
        ),
        (
            "Mayor Jo Roe insisted the plan, which was drawn up in May, would work.",
            "the plan, which was drawn up in May, would work",
        ),
    ],
)
def test_zero_that_after_an_adjunct_or_with_a_relative(body: str, text: str):
    assert [s.text for s in attribute_body(body).statements] == [text]


def test_the_cue_table_uses_known_classes_only():
    from provenance.extraction.lexicon.cues import CUE_CLASSES, CUE_TABLE

    for lemma, names in CUE_TABLE:
        assert set(names.split()) <= CUE_CLASSES, lemma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They called for calm.", ["called for"]),
        ("They called on Monday.", ["called"]),
        ("She voiced deep concern over the cuts.", ["voiced deep concern over"]),
        ("He said so, then paid tribute to them.", ["said", "paid tribute to"]),
        ("The payment was made.", []),
    ],
)
def test_find_cues_prefers_phrases(text: str, expected: list[str]):
    from provenance.extraction.cues import CORE_CUES

    assert [c.text for c in CORE_CUES.find_cues(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        (
            "The council, in its written reply, denied any wrongdoing.",
            "any wrongdoing",
            "council",
        ),
        (
            "The government continues to deny the massacre but a number of states recognize it.",
            "the massacre",
            "government",
        ),
        (
            "The utility had warned of more power cuts, even though it had planned to stop them.",
            "more power cuts",
            "utility",
        ),
    ],
)
def test_subjects_and_object_ends(body: str, text: str, speaker: str):
    found = by_text(attribute_body(body))
    assert text in found, list(found)
    assert found[text].speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The rebels were accused by the Defence Ministry of shelling the town.",
            [("of shelling the town", "Defence Ministry")],
        ),
        (
            "The claims were rejected by the Foreign Office as “baseless”.",
            [("baseless", "Foreign Office")],
        ),
        ("The report was rejected by the ministry.", []),
    ],
)
def test_passive_speech_acts(body: str, expected: list[tuple[str, str]]):
    found = attribute_body(body).statements
    assert [(s.text, s.speaker.name.removeprefix("the ")) for s in found] == expected


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        (
            "Mayor Ann Lyle spoke to the council. According to her, the road will reopen in May.",
            ["the road will reopen in May"],
        ),
        (
            "Mayor Ann Lyle spoke to the council. The road will reopen in May, according to her.",
            ["The road will reopen in May"],
        ),
        ("Mayor Ann Lyle wrote this on Facebook on Thursday.", []),
        (
            "Reiterating the party's position, Mayor Ann Lyle said the road would reopen.",
            ["the road would reopen"],
        ),
        ("Mayor Ann Lyle said this week that the road would reopen.", ["the road would reopen"]),
    ],
)
def test_according_to_a_pronoun_and_what_is_no_content(body: str, texts: list[str]):
    found = attribute_body(body).statements
    assert [s.text for s in found] == texts
    assert all(s.speaker.name == "Ann Lyle" for s in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Exports hit a record, said Minister of Trade and Industry, Jo Roe on Monday.",
            [("Exports hit a record", "Jo Roe")],
        ),
        (
            '"We will appeal," lawyer Jo Roe said once the verdict had been read out.',
            [("We will appeal,", "Jo Roe")],
        ),
        (
            "Mayor Jo Roe said when the bridge reopens, traffic will ease.",
            [("when the bridge reopens, traffic will ease", "Jo Roe")],
        ),
    ],
)
def test_titles_with_and_and_time_adjuncts(body: str, expected: list[tuple[str, str]]):
    found = attribute_body(body).statements
    assert [(s.text, s.speaker.name) for s in found] == expected


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        # a "that" after a participle clause is not the cue's
        (
            "The club confirmed in a statement, ending a saga that has run since June.",
            [],
        ),
        # an adjunct leading into the rest of a quotation is no content
        (
            '"We will cope," the chief told reporters after the vote, "but it will hurt."',
            ["We will cope,", "but it will hurt."],
        ),
        # a second verb ends an object
        (
            "The club rejected two bids and had accepted a third.",
            ["two bids"],
        ),
        # "said ..., according to X": X reports the whole
        (
            "Mayor Jo Roe said she would resign, according to the station.",
            ["she would resign", "Mayor Jo Roe said she would resign"],
        ),
    ],
)
def test_content_and_relays(body: str, texts: list[str]):
    assert sorted(s.text for s in attribute_body(body).statements) == sorted(texts)


def test_a_denial_does_not_relay_the_claim_it_denies():
    body = "The ministry denied claims by local media that troops had crossed the border."
    found = by_text(attribute_body(body))
    claim = found["troops had crossed the border"]
    assert claim.speaker.name == "local media"
    assert claim.via == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a station's name ending in a number reports what comes before it
        (
            "Roe had skipped a court date and had been hiding for weeks, Channel 4 reported.",
            [("Roe had skipped a court date and had been hiding for weeks", "Channel 4")],
        ),
        ("Residents along Route 9 said the road flooded.", [("the road flooded", "Residents")]),
        # a participle clause inside the content does not make the outlet a relay
        (
            "Valley Mining plans to split in three, seeking to please investors, "
            "the Courier reported.",
            [("Valley Mining plans to split in three, seeking to please investors", "Courier")],
        ),
        # forecasters' figures are expectations, not statements
        ("Analysts on average had forecast a loss of 2 cents.", []),
        ("Economists polled by the Courier had expected growth of 1 percent.", []),
        (
            "Valley Bank forecast revenue of $80 million to $90 million.",
            [("revenue of $80 million to $90 million", "Valley Bank")],
        ),
        # "reports of" a bare topic tell nothing; "reports of X doing Y" do
        ("The crew went to the reef following reports of starfish outbreaks.", []),
        # a sentence-opening subject with a restrictive relative clause
        (
            "The couple who own the shop where the fire began said their dog woke them.",
            [("their dog woke them", "couple who own the shop where the fire began")],
        ),
        (
            "A man who lives nearby has said he heard shots.",
            [("he heard shots", "A man who lives nearby")],
        ),
        # a clause ending in a quoted fragment before ", said X": two statements
        (
            'The rise was "surprising," said Valley Bank analyst Jo Roe.',
            [('The rise was "surprising,"', "Jo Roe"), ("surprising,", "Jo Roe")],
        ),
        ('"We are fine," said Jo Roe.', [("We are fine,", "Jo Roe")]),
        # a broadcaster is an organisation: "it" refers back to it
        (
            "State TV said the quake hit before dawn. It said one of the injured was a boy.",
            [
                ("the quake hit before dawn", "State TV"),
                ("one of the injured was a boy", "State TV"),
            ],
        ),
        # "said on Saturday, <outlet> reports": the outlet relays, it is no content
        (
            "The floods destroyed 400 houses, Jo Roe said on Saturday, the Valley Courier reports.",
            [("The floods destroyed 400 houses", "Jo Roe")],
        ),
        # a report or reports as nouns speak for themselves
        (
            "The minister refused to confirm a report that said the talks had begun.",
            [("the talks had begun", "a report")],
        ),
        (
            "The minister declined to comment on reports that the envoy had been recalled.",
            [("the envoy had been recalled", "reports")],
        ),
        (
            "The ministry denied reports that troops had crossed the border.",
            [
                ("reports that troops had crossed the border", "ministry"),
                ("troops had crossed the border", "reports"),
            ],
        ),
        # ", according to X, citing Y": the content comes before
        (
            "The bridge was closed, according to the Courier, citing police.",
            [("The bridge was closed", "police")],
        ),
        # present-tense outlet cues with a zero-that clause, and an opening "As X notes,"
        (
            "The Valley Courier notes the agency may face a fine.",
            [("the agency may face a fine", "Valley Courier")],
        ),
        (
            "As the Valley Courier reported on Monday, the agency may face a fine.",
            [("the agency may face a fine", "Valley Courier")],
        ),
        ("As Jo Roe noted, the fine may rise.", [("the fine may rise", "Jo Roe")]),
        ("As expected, the agency may face a fine.", []),
        # coordinated groups with their places or employers speak together
        (
            "Witnesses at the market and staff with the Red Cross said the shelling had stopped.",
            [("the shelling had stopped", "Witnesses at the market and staff with the Red Cross")],
        ),
        # "she had been told" is passive: no new speaker, no cut in her statement
        (
            "Ms Roe said she accepted the minister’s word, but she had been told a garda "
            "was obliged to record every detection.",
            [
                (
                    "she accepted the minister’s word, but she had been told a garda was "
                    "obliged to record every detection",
                    "Roe",
                )
            ],
        ),
        # a subject after an opening adverbial of the content is the content's own
        (
            "Passengers complained that despite knowing about the fault, the crew said "
            "they had to wait for another engine.",
            [
                (
                    "despite knowing about the fault, the crew said they had to wait for "
                    "another engine",
                    "Passengers",
                ),
                ("they had to wait for another engine", "crew"),
            ],
        ),
        # ", but it later emerged": the narrator takes over
        (
            "The minister had told parliament he had never met the grower, but it later "
            "emerged the man was a former partner.",
            [("he had never met the grower", "minister")],
        ),
        # a speech act in an opening subordinate clause ends at the clause's comma
        (
            "A day after the Valley party accused Governor Jo Roe of lying, the Hill party "
            "hit back.",
            [("Governor Jo Roe of lying", "Valley party")],
        ),
        (
            "When Jo Roe said the plan had failed, the party rebelled.",
            [("the plan had failed", "Jo Roe")],
        ),
        # "having said" is the content of a denial; "said to have" is hearsay
        (
            "Jo Roe promptly denied having said any such thing.",
            [("having said any such thing", "Jo Roe")],
        ),
        (
            "Ann Lyle confirmed the remarks said to have been made by Jo Roe.",
            [("the remarks said to have been made by Jo Roe", "Ann Lyle")],
        ),
        ("Jo Roe is said to be furious.", []),
        # "In her view," opening a clause attributes it
        (
            "Jo Roe, a geologist, studied the rock. In her view, the tunnels are burrows.",
            [("the tunnels are burrows", "Jo Roe")],
        ),
        ("The rock was, in his view, old.", []),
        # "both sides", "both the countries": the pair named just before speaks
        (
            "The conflict between Valland and Norland has gone on for years, with both sides "
            "blaming each other for the violence.",
            [("each other for the violence", "Valland and Norland")],
        ),
        (
            "Fighting broke out between Valland and Norland, and both the countries have "
            "accused each other of starting it.",
            [("each other of starting it", "Valland and Norland")],
        ),
        ("Talks ran in March and April. Both sides welcomed the deal.", []),
        ("Both sides said the talks went well.", []),
        # a longer outlet phrase closing the sentence relays it too
        (
            "Two men were hurt, an official said Saturday, the state news agency Valley Press "
            "reported.",
            [("Two men were hurt", "an official")],
        ),
        # a zero-that clause whose verb opens a quoted fragment: two statements
        (
            "The union said it “would not back down” over pay.",
            [("it “would not back down” over pay", "union"), ("would not back down", "union")],
        ),
        # two "according to" clauses are siblings, not one nested in the other
        (
            "According to Jo Roe, the rain fell, and according to Al Poe, the river rose.",
            [("the rain fell", "Jo Roe"), ("the river rose", "Al Poe")],
        ),
    ],
)
def test_reported_speakers_and_contents(body: str, expected: list[tuple[str, str]]):
    found = [(s.text, s.speaker.name) for s in attribute_body(body).statements if s.speaker]
    assert sorted(found) == sorted(expected)
