"""House styles as data: cue phrases with slots, the outlet's own names, labelled header
lines, the warnings at load, and a plugin for a new outlet written from the guide alone."""

import json

import pytest

from provenance.domain import ParsedDocument, RawDocument
from provenance.domain.extraction import check_parsed
from provenance.extraction.attribution import attribute
from provenance.extraction.house_style import CuePhrase, house_style_for, house_warnings
from provenance.extraction.limits import MAX_TITLE
from provenance.extraction.parsing import LayoutRules, parse_layout
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl
from provenance.plugins import plugins_of
from provenance.toolkit import InvalidResult
from tests.conftest import ROOT
from tests.plugins.conftest import HERE, Env

LEDGER = ("The Ledger", "Ledger")
TOLD = CuePhrase(pattern="{speaker} told the {self}:")
PER = CuePhrase(pattern="per {source},", kind="relay")
CLOSING_PER = CuePhrase(pattern=", per {source}", kind="relay")


def said(body: str, phrases=(TOLD, PER, CLOSING_PER), names=LEDGER) -> list[tuple]:
    found = attribute(ParsedDocument(body=body), house=house_style_for(phrases, names))
    return [
        (s.speaker.name if s.speaker else None, s.kind, s.cue, s.text, [v.name for v in s.via])
        for s in found.statements
    ]


# --- the phrase compiler ------------------------------------------------------------------


def test_a_told_the_outlet_phrase_gives_the_quotation_its_speaker_and_no_self_relay():
    body = 'Harbour master Ines Kell told the Ledger: "The channel is silting up again."'
    assert said(body) == [
        ("Ines Kell", "direct", "told the Ledger", "The channel is silting up again.", [])
    ]


def test_a_phrase_the_core_does_not_know_cues_the_quotation_after_it():
    body = 'Ines Kell, speaking to the Ledger on Friday: "The channel is silting up."'
    phrase = CuePhrase(pattern="{speaker}, speaking to the {self}")
    assert said(body, (phrase,)) == [
        ("Ines Kell", "direct", "speaking to the Ledger", "The channel is silting up.", [])
    ]


def test_per_makes_the_source_the_origin_of_the_claim_as_according_to_does():
    body = "Per the port authority, the channel has lost a metre of depth since 2019."
    assert said(body) == [
        (
            "port authority",
            "indirect",
            "Per",
            "the channel has lost a metre of depth since 2019",
            [],
        )
    ]


def test_per_an_outlet_relays_a_speaker_named_in_its_content():
    found = said("Per Reuters, the mining minister said the licence would be reviewed.")
    relayed = ("mining minister", "indirect", "said", "the licence would be reviewed", ["Reuters"])
    assert relayed in found


def test_a_closing_credit_attributes_the_clause_before_it():
    found = said("The quarry employs 120 people, per the Kilmore Stone Company.")
    assert found == [
        ("Kilmore Stone Company", "indirect", "per", "The quarry employs 120 people", [])
    ]


def test_of_two_phrases_over_the_same_words_the_first_to_start_is_read():
    found = said("The bridge cost 12 million euro, per the county council, which paid half.")
    assert found == [("county council", "indirect", "per", "The bridge cost 12 million euro", [])]


def test_the_outlets_own_names_are_never_a_relay_even_after_a_core_cue():
    body = '"We will appeal," Colm Deane told the Ledger.'
    assert said(body, phrases=(), names=()) == [
        ("Colm Deane", "direct", "told", "We will appeal,", ["Ledger"])
    ]
    assert said(body, phrases=()) == [("Colm Deane", "direct", "told", "We will appeal,", [])]


def test_per_before_words_that_name_no_source_is_no_credit():
    assert said("Per capita income rose, the report found.") == []


@pytest.mark.parametrize(
    ("phrase", "names", "problem"),
    [
        (CuePhrase(pattern="{who} told the {self}:"), LEDGER, "unknown slot {who}"),
        (CuePhrase(pattern=""), LEDGER, "has {speaker} once"),
        (CuePhrase(pattern="{speaker}"), LEDGER, "no words besides its slots"),
        (CuePhrase(pattern="{speaker} told the {self}:"), (), "needs the extractor's self_names"),
        (CuePhrase(pattern="per {source},"), LEDGER, "has {speaker} once"),
        (CuePhrase(pattern="{speaker} said", kind="relay"), LEDGER, "has {source} once"),
    ],
)
def test_a_malformed_phrase_is_refused_saying_why(phrase, names, problem):
    with pytest.raises(ValueError, match=problem.replace("{", r"\{").replace("}", r"\}")):
        house_style_for((phrase,), names)


def test_a_phrase_of_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        house_style_for(({"pattern": "{speaker} quipped", "kind": "joke"},), ())  # type: ignore[arg-type]


# --- checked when loaded -------------------------------------------------------------------


def test_a_cue_or_phrase_overriding_a_core_verb_is_a_warning():
    warnings = house_warnings({"say": ("clause",)}, [CuePhrase(pattern="{speaker} said")], (), ())
    assert "cue 'say' overrides the core's reporting verb 'say'" in warnings
    assert "cue phrase '{speaker} said' overrides the core's reporting verb 'said'" in warnings


def test_a_phrase_none_of_the_examples_contains_is_a_warning():
    examples = ('Jo Roe told the Ledger: "No comment."',)
    assert house_warnings({}, [TOLD], LEDGER, examples) == []
    assert house_warnings({}, [TOLD, PER], LEDGER, examples) == [
        "cue phrase 'per {source},' matches nothing in the extractor's examples"
    ]
    assert house_warnings({}, [TOLD], LEDGER, ()) == [
        "cue phrases are not checked: the extractor has no examples"
    ]


class _Warned(Extractor):
    name = "warned"
    formats = ("warned",)
    cues = {"tell": ("clause",)}  # noqa: RUF012


class _Malformed(Extractor):
    name = "malformed"
    formats = ("malformed",)
    cue_phrases = (CuePhrase(pattern="{speaker} told the {self}:"),)


class _WarnedPlugin:
    @hookimpl
    def register_extractors(self, register):
        register(_Warned())


class _MalformedPlugin:
    @hookimpl
    def register_extractors(self, register):
        register(_Malformed())


def test_warnings_are_listed_with_the_extractor_and_a_malformed_phrase_fails_the_load():
    plugins = plugins_of(_WarnedPlugin(), _MalformedPlugin())
    described = {info.name: info for info in plugins.describe()}
    assert described["warned"].status == "loaded"
    assert described["warned"].warnings == ["cue 'tell' overrides the core's reporting verb 'tell'"]
    assert described["plugin-1"].status == "failed"
    assert "{self} needs the extractor's self_names" in (described["plugin-1"].error or "")


# --- labelled header lines ------------------------------------------------------------------

LABELLED = """HEADLINE: Ferry fares to rise in June
BY: Ines Halloran and Tom Eady
FILED: 2 May 2026
DESK: KILMORE

The ferry company will raise fares by a tenth from June, it said on Friday.

BY: this line is body, below the head
"""


def test_labelled_header_lines_fill_their_fields_and_leave_the_body():
    rules = LayoutRules(header_labels={"desk": "dateline"})
    parsed = parse_layout(RawDocument(text=LABELLED), rules, format="ledger")
    assert parsed.title == "Ferry fares to rise in June"
    assert parsed.authors == ["Ines Halloran", "Tom Eady"]
    assert parsed.published == "2026-05-02"
    assert parsed.dateline == "KILMORE"
    assert parsed.body.startswith("The ferry company will raise fares")
    assert "HEADLINE" not in parsed.body and "FILED" not in parsed.body


def test_a_label_the_rules_do_not_name_stays_in_the_text():
    parsed = parse_layout(RawDocument(text=LABELLED), LayoutRules(), format="generic")
    assert parsed.dateline != "KILMORE"
    assert "DESK: KILMORE" in parsed.body or parsed.title == "DESK: KILMORE"


# --- titles a plugin returns -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "problem"),
    [("x" * (MAX_TITLE + 1), f"more than {MAX_TITLE}"), ("Two\nlines", "more than one line")],
)
def test_a_title_longer_than_the_cores_or_on_two_lines_is_refused(title, problem):
    document = RawDocument(text="Port strike ends as dock workers return to work on Monday.")
    parsed = ParsedDocument(body=document.text, title=title, format="generic")
    with pytest.raises(InvalidResult, match=problem):
        check_parsed(parsed, document, ("generic",))


# --- the done-when test: a plugin for a new outlet written from the guide alone --------------

LIBRARY = """HEADLINE: Library to open on Sundays from July
BY: Tomas Brennan and Aoife Ward
FILED: 18 June 2026
DESK: KILMORE

The town library will open on Sundays from July after a vote on Tuesday.

Head librarian Nuala Grady told the Ledger: "Families have asked for this for years."

Per the council's finance office, the extra hours will cost about 40,000 euro a year.

Councillor Brian Moss told the Ledger that the money would come from the arts budget.

Read the Ledger every morning
"""

QUARRY = """HEADLINE: Quarry expansion faces new objections
BY: Ines Halloran
FILED: 3 July 2026

Per Reuters, the mining minister said the licence would be reviewed.

Residents' spokesman Colm Deane told the Ledger: "We will fight this in court."

The quarry employs 120 people, per the Kilmore Stone Company.

Read the Ledger every morning
"""


def _extract(env: Env, name: str, text: str, *options: str) -> dict:
    page = env.root / f"{name}.txt"
    page.write_text(text, encoding="utf-8")
    return json.loads(env.provenance("extract", str(page), "--json", *options).stdout)


def _statements(found: dict) -> list[tuple]:
    return [
        (s["speaker"]["name"], s["kind"], s["cue"], s["text"], [v["name"] for v in s["via"]])
        for s in found["statements"]
    ]


def test_a_plugin_for_a_new_outlet_extracts_its_house_style_without_self_relays(env: Env):
    installed = env.provenance(
        "plugins", "install", "--no-build-isolation", "--no-deps", str(HERE / "ledger")
    )
    assert "warning" not in installed.stderr
    library = _extract(env, "library", LIBRARY)
    assert library["extractor"] == "ledger" and library["failures"] == []
    assert library["title"] == "Library to open on Sundays from July"
    assert library["authors"] == ["Tomas Brennan", "Aoife Ward"]
    assert (library["published"], library["dateline"]) == ("2026-06-18", "KILMORE")
    assert "HEADLINE" not in library["body"] and "Read the Ledger" not in library["body"]
    assert _statements(library) == [
        (
            "Nuala Grady",
            "direct",
            "told the Ledger",
            "Families have asked for this for years.",
            [],
        ),
        (
            "council's finance office",
            "indirect",
            "Per",
            "the extra hours will cost about 40,000 euro a year",
            [],
        ),
        ("Brian Moss", "indirect", "told", "the money would come from the arts budget", []),
    ]
    quarry = _extract(env, "quarry", QUARRY)
    assert _statements(quarry) == [
        (
            "Reuters",
            "indirect",
            "Per",
            "the mining minister said the licence would be reviewed",
            [],
        ),
        ("mining minister", "indirect", "said", "the licence would be reviewed", ["Reuters"]),
        ("Colm Deane", "direct", "told the Ledger", "We will fight this in court.", []),
        ("Kilmore Stone Company", "indirect", "per", "The quarry employs 120 people", []),
    ]
    assert [source["name"] for source in quarry["sources"]] == ["Reuters"]
    # without the plugin, the core records the outlet as its own intermediary
    generic = _extract(env, "quarry", QUARRY, "--extractor", "generic")
    assert ["Ledger"] in [via for *_, via in _statements(generic)]
    kit = env.provenance("plugins", "test", str(HERE / "ledger"))
    assert "passed  style: 0 cues and 3 cue phrases, no warning" in kit.stdout


def test_house_style_warnings_show_at_install_in_the_kit_and_in_extractors(env: Env):
    installed = env.provenance(
        "plugins", "install", "--no-build-isolation", "--no-deps", str(HERE / "noisy")
    )
    assert "warning: extractor noisy: cue 'say' overrides the core's reporting verb" in (
        installed.stderr
    )
    assert (
        "cue phrase '{speaker} whispered to the {self}:' matches nothing in the extractor's"
        " examples" in installed.stderr
    )
    kit = env.provenance("plugins", "test", str(HERE / "noisy"))
    assert kit.returncode == 0 and "warning  style: noisy: cue 'say'" in kit.stdout
    listed = env.provenance("plugins", "list").stdout
    assert "loaded; warning: cue 'say' overrides" in listed


def test_the_ledger_plugin_uses_only_the_public_module():
    source = (HERE / "ledger" / "provenance_ledger" / "__init__.py").read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.startswith(("import", "from"))]
    assert imports == [
        "from provenance.toolkit import CuePhrase, Extractor, LayoutRules, RawDocument, hookimpl"
    ]


def test_the_guide_documents_the_house_style_names():
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    for name in ("cue_phrases", "self_names", "examples", "header_labels", "CuePhrase"):
        assert f"`{name}" in guide
