"""The scorer against small hand-made gold files and predictions."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest

from provenance.evaluation import (
    GoldError,
    Report,
    format_details,
    format_table,
    load_gold,
    parse_gold,
    report_to_json,
    score,
)

FILE = "doc.txt"


def gold_statement(text: str, speaker: str = "Jane Q Doe", **extra: Any) -> dict[str, Any]:
    base = {"speaker": speaker, "kind": "direct", "text": text, "cue": "said"}
    return base | {"channel": None, "via": [], "said_on": None} | extra


def make_gold(*statements: dict[str, Any], **document: Any) -> dict[str, Any]:
    doc = {
        "file": FILE,
        "title": "Minister speaks",
        "authors": [],
        "dateline": None,
        "published": None,
        "not_body": [],
        "statements": list(statements),
    } | document
    return {
        "format": "provenance-gold/1",
        "documents": [doc],
        "speakers": [
            {"name": "Jane Q Doe", "kind": "person", "aliases": ["Doe", "the finance minister"]},
            {"name": "Herald Smythe", "kind": "person", "aliases": ["Herald"]},
            {"name": "Bank of Ruritania", "kind": "organization", "aliases": []},
        ],
        "sources": [
            {"name": "Wire Agency", "kind": "agency", "aliases": ["The Wire"]},
            {"name": "Daily Herald", "kind": "outlet", "aliases": ["Herald"]},
            {"name": "Jane Q Doe", "kind": "person", "aliases": []},
        ],
    }


def predicted(
    text: str, speaker: str | None = "Jane Q Doe", via: tuple[str, ...] = (), **extra: Any
) -> dict[str, Any]:
    return {
        "text": text,
        "kind": "direct",
        "cue": "said",
        "channel": None,
        "said_on": None,
        "start": 0,
        "end": len(text),
        "speaker": None if speaker is None else {"name": speaker, "kind": "person"},
        "via": [{"name": name, "kind": "outlet"} for name in via],
    } | extra


def prediction(*statements: dict[str, Any], **document: Any) -> dict[str, Any]:
    return {
        "file": FILE,
        "title": "Minister speaks",
        "authors": [],
        "dateline": None,
        "published": None,
        "body": "The body.",
        "statements": list(statements),
    } | document


def run(gold: dict[str, Any], *statements: dict[str, Any], **document: Any) -> Report:
    return score(parse_gold(gold), {FILE: prediction(*statements, **document)})  # type: ignore[dict-item]


def only_document(report: Report) -> Any:
    (doc,) = report.documents
    return doc


# --- statement matching ----------------------------------------------------------------------


def test_exact_match_is_perfect() -> None:
    gold = make_gold(gold_statement("We will cut taxes."), gold_statement("Growth is back."))
    report = run(gold, predicted("Growth is back."), predicted("We will cut taxes."))
    total = report.overall
    assert (total.gold, total.predicted, total.matched) == (2, 2, 2)
    assert (total.precision(), total.recall(), total.f1()) == (1.0, 1.0, 1.0)
    assert all(total.accuracy(a) == 1.0 for a in ("speaker", "chain", "kind", "channel", "date"))
    doc = only_document(report)
    assert doc.missed == [] and doc.spurious == []
    assert all(doc.fields.values())


GOLD_20 = "abcdefghijklmnopqrst"


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("abcdefghij0123456789", True),  # run 10 of 20: exactly half of the shorter
        ("abcdefghi01234567890", False),  # run 9 of 20: just under half
    ],
)
def test_half_of_shorter_threshold(text: str, matches: bool) -> None:
    report = run(make_gold(gold_statement(GOLD_20)), predicted(text))
    assert report.overall.matched == int(matches)


@pytest.mark.parametrize(
    ("text", "gold_text", "matches"),
    [
        ("abc", "abc0123456", True),  # run 3 of 10: exactly 30% of the longer
        ("abcdefghij", "abcdefghij" + "klmnopqrstuvwxyz0123456", True),  # 10 of 33 = 30.3%
        ("abcdefghij", "abcdefghij" + "klmnopqrstuvwxyz01234567", False),  # 10 of 34 = 29.4%
    ],
)
def test_thirty_percent_of_longer_threshold(text: str, gold_text: str, matches: bool) -> None:
    report = run(make_gold(gold_statement(gold_text)), predicted(text))
    assert report.overall.matched == int(matches)


def random_pair(rng: random.Random) -> tuple[str, str]:
    """A gold text, and a prediction cut from it with a few characters changed and some added."""
    alphabet = rng.choice(["ab", "abc", "abcdefgh-"])  # nothing that folding changes
    gold_text = "".join(rng.choices(alphabet, k=rng.randint(1, 60)))
    start = rng.randrange(len(gold_text))
    chars = list(gold_text[start : start + rng.randint(1, 60)])
    for _ in range(rng.randint(0, 3)):
        chars[rng.randrange(len(chars))] = rng.choice(alphabet)
    return gold_text, "".join(chars + rng.choices(alphabet, k=rng.randint(0, 20)))


def test_overlap_agrees_with_difflib_longest_match() -> None:
    rng = random.Random(20201001)
    outcomes = set()
    for _ in range(500):
        gold_text, text = random_pair(rng)
        size = SequenceMatcher(None, text, gold_text, autojunk=False).find_longest_match().size
        short, long = sorted((len(text), len(gold_text)))
        above = 2 * size >= short and 10 * size >= 3 * long
        expected = [2 * size / (len(text) + len(gold_text))] if above else []
        matches = only_document(run_texts(gold_text, text)).matches
        assert [m.overlap for m in matches] == expected, (gold_text, text)
        outcomes.add(above)
    assert outcomes == {True, False}


def run_texts(gold_text: str, text: str) -> Report:
    return run(make_gold(gold_statement(gold_text)), predicted(text))


def test_folding_of_case_quotes_and_white_space() -> None:
    gold_text = "It’s «done», the ″deal″ is\n  “Final” ‘now’"
    report = run(
        make_gold(gold_statement(gold_text)),
        predicted("it's \"DONE\", the 'deal' is 'final' \"now\""),
    )
    (match,) = only_document(report).matches
    assert match.overlap == 1.0


def test_unfolded_difference_still_lowers_overlap() -> None:
    report = run(make_gold(gold_statement("abc def")), predicted("abc dEX"))
    (match,) = only_document(report).matches
    assert match.overlap < 1.0


def test_prediction_without_speaker_is_not_counted() -> None:
    gold = make_gold(gold_statement("We will cut taxes."))
    report = run(
        gold,
        predicted("We will cut taxes.", speaker=None),
        predicted("We will cut taxes.", speaker="  "),
        predicted("Something unrelated entirely.", speaker=None),
    )
    doc = only_document(report)
    assert (doc.counts.predicted, doc.counts.matched) == (0, 0)
    assert doc.spurious == []
    assert [ref.index for ref in doc.missed] == [0]


def test_one_gold_statement_matches_one_prediction_only() -> None:
    gold = make_gold(gold_statement("We will cut taxes next year."))
    report = run(
        gold,
        predicted("We will cut taxes"),
        predicted("We will cut taxes next year."),
    )
    doc = only_document(report)
    assert (doc.counts.matched, len(doc.spurious)) == (1, 1)
    assert doc.matches[0].predicted.index == 1  # the better overlap wins
    assert doc.spurious[0].index == 0
    assert (report.overall.precision(), report.overall.recall()) == (0.5, 1.0)


def test_equal_overlaps_break_ties_by_index() -> None:
    report = run(make_gold(gold_statement("Growth is back.")), *[predicted("Growth is back.")] * 2)
    doc = only_document(report)
    assert doc.matches[0].predicted.index == 0
    assert [ref.index for ref in doc.spurious] == [1]


def test_pairs_are_taken_best_first_not_in_gold_order() -> None:
    short = "the quick brown fox jumps"
    long = "the quick brown fox jumps over the lazy dog"
    gold = make_gold(gold_statement(short), gold_statement(long, speaker="Herald Smythe"))
    report = run(gold, predicted(long, speaker="Herald Smythe"))
    doc = only_document(report)
    assert [m.gold.index for m in doc.matches] == [1]
    assert [ref.index for ref in doc.missed] == [0]
    assert report.overall.accuracy("speaker") == 1.0


def test_attribute_mismatches_are_counted_per_match() -> None:
    gold = make_gold(
        gold_statement("We will cut taxes.", channel="interview", said_on="2020-10-01"),
        gold_statement("Growth is back.", kind="indirect"),
    )
    report = run(
        gold,
        predicted("We will cut taxes.", channel="interview", said_on="2020-10"),
        predicted("Growth is back.", kind="direct", speaker="Herald Smythe"),
    )
    total = report.overall
    assert total.accuracy("date") == 0.5
    assert total.accuracy("kind") == 0.5
    assert total.accuracy("speaker") == 0.5
    assert total.accuracy("channel") == 1.0
    wrong = {(m.gold.index, f.field) for m in only_document(report).matches for f in m.mismatches}
    assert wrong == {(0, "date"), (1, "kind"), (1, "speaker")}


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "resolves"),
    [
        ("Jane Q Doe", True),
        ("DOE", True),  # alias, case folded
        ("The Finance Minister", True),  # alias with its leading "the" folded away
        ("finance   minister", True),
        ("Mr. Doe", True),  # leading honorific
        ("Ruritania’s finance minister", True),  # leading possessive, curly apostrophe
        ("Deputy Governor Jane Q Doe", True),  # title before the full name of a person
        ("John Doe", False),
        ("Jane", False),
        ("Herald Smythe", False),  # another gold speaker
        ("Doe's spokesman", False),
    ],
)
def test_speaker_resolves_through_names_and_aliases(name: str, resolves: bool) -> None:
    report = run(make_gold(gold_statement("Growth is back.")), predicted("Growth is back.", name))
    assert report.overall.accuracy("speaker") == (1.0 if resolves else 0.0)


def test_title_rule_is_for_persons_only() -> None:
    gold = make_gold(gold_statement("Rates stay.", speaker="Bank of Ruritania"))
    ok = run(gold, predicted("Rates stay.", "bank of ruritania"))
    titled = run(gold, predicted("Rates stay.", "Central Bank of Ruritania"))
    assert (ok.overall.accuracy("speaker"), titled.overall.accuracy("speaker")) == (1.0, 0.0)


@pytest.mark.parametrize(
    ("via", "right"),
    [
        (("the wire", "The Finance Minister"), True),  # source alias; a speaker's alias
        (("Wire Agency", "Jane Q Doe"), True),
        (("The Finance Minister", "The Wire"), False),  # order matters
        (("The Wire",), False),
        (("The Wire", "Jane Q Doe", "Daily Herald"), False),
        (("Reuters", "Jane Q Doe"), False),
    ],
)
def test_chain_resolves_in_order(via: tuple[str, ...], right: bool) -> None:
    gold = make_gold(gold_statement("Growth is back.", via=["Wire Agency", "Jane Q Doe"]))
    report = run(gold, predicted("Growth is back.", via=via))
    assert report.overall.accuracy("chain") == (1.0 if right else 0.0)


def test_via_resolves_against_sources_before_speakers() -> None:
    gold = make_gold(gold_statement("Growth is back.", via=["Daily Herald"]))
    report = run(gold, predicted("Growth is back.", via=("Herald",)))
    assert report.overall.accuracy("chain") == 1.0


def test_empty_chain_must_match_empty_gold_chain() -> None:
    gold = make_gold(
        gold_statement("Growth is back."), gold_statement("Taxes fall.", via=["Wire Agency"])
    )
    report = run(gold, predicted("Growth is back."), predicted("Taxes fall."))
    assert report.overall.accuracy("chain") == 0.5


# --- document fields -------------------------------------------------------------------------


def test_document_fields_right() -> None:
    gold = make_gold(
        title="Minister  speaks",
        authors=["Ann Lyle", "Bo Park"],
        dateline="EASTMERE",
        published="2021-11-01",
        not_body=["Leave a comment", "Exit mobile version"],
    )
    report = run(
        gold,
        title=" Minister speaks\n",
        authors=["bo park", "ANN  LYLE"],
        dateline="EASTMERE",
        published="2021-11-01",
        body="The minister spoke.\nLeave a Comment, he said.",  # case differs: not the furniture
    )
    doc = only_document(report)
    assert doc.fields == dict.fromkeys(doc.fields, True)
    assert doc.field_mismatches == [] and doc.leaked_not_body == []


def test_document_fields_wrong() -> None:
    gold = make_gold(
        authors=["Ann Lyle"],
        dateline="EASTMERE",
        published="2021-11",
        not_body=["Leave a comment", "Exit mobile version"],
    )
    report = run(
        gold,
        title="Minister speaks out",
        authors=["Ann Lyle", "Bo Park"],
        dateline="Eastmere",
        published="2021-11-01",
        body="The minister spoke.\nExit  mobile\nversion",
    )
    doc = only_document(report)
    assert not any(doc.fields.values())
    assert [m.field for m in doc.field_mismatches] == ["title", "authors", "dateline", "published"]
    assert doc.leaked_not_body == ["Exit mobile version"]
    assert report.field_totals() == dict.fromkeys(doc.fields, 0)


# --- degenerate inputs -----------------------------------------------------------------------


def test_no_predictions_at_all() -> None:
    report = score(parse_gold(make_gold(gold_statement("Growth is back."))), {})
    doc = only_document(report)
    assert not doc.has_prediction
    assert (doc.counts.precision(), doc.counts.recall(), doc.counts.f1()) == (0.0, 0.0, 0.0)
    assert doc.counts.accuracy("speaker") is None
    assert not any(doc.fields.values())
    assert "statement F1 0.000" in format_table(report)
    assert "no prediction" in format_details(report)


def test_empty_statement_list() -> None:
    report = run(make_gold(gold_statement("Growth is back.")))
    assert report.overall.f1() == 0.0
    assert report.overall.accuracy("chain") is None
    assert all(only_document(report).fields.values())


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    report = run(make_gold())
    assert (report.overall.precision(), report.overall.recall(), report.overall.f1()) == (1.0,) * 3


def test_spurious_prediction_against_empty_gold() -> None:
    report = run(make_gold(), predicted("Growth is back."))
    assert (report.overall.precision(), report.overall.f1()) == (0.0, 0.0)


def test_predictions_for_unknown_files_are_listed() -> None:
    gold = parse_gold(make_gold())
    report = score(gold, {FILE: prediction(), "other.txt": prediction(file="other.txt")})  # type: ignore[dict-item]
    assert report.unscored_files == ["other.txt"]
    assert "other.txt" in format_table(report)


# --- gold loading ----------------------------------------------------------------------------


def test_load_gold_reads_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(make_gold(gold_statement("Growth is back."))), encoding="utf-8")
    gold = load_gold(path)
    assert gold.documents[0].statements[0].text == "Growth is back."


def _without_documents_title(data: dict[str, Any]) -> dict[str, Any]:
    del data["documents"][0]["title"]
    return data


def _unknown_speaker(data: dict[str, Any]) -> dict[str, Any]:
    data["documents"][0]["statements"][0]["speaker"] = "Nobody"
    return data


def _unknown_source(data: dict[str, Any]) -> dict[str, Any]:
    data["documents"][0]["statements"][0]["via"] = ["Nowhere"]
    return data


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ("[]", "expected a JSON object"),
        (json.dumps(make_gold() | {"format": "provenance-gold/2"}), "format is"),
        (json.dumps({"format": "provenance-gold/1", "documents": []}), "speakers"),
        (json.dumps(_without_documents_title(make_gold())), "title"),
        (json.dumps(make_gold(gold_statement("x", kind="quoted"))), "kind"),
        (json.dumps(_unknown_speaker(make_gold(gold_statement("x")))), "unknown speaker 'Nobody'"),
        (json.dumps(_unknown_source(make_gold(gold_statement("x")))), "unknown source 'Nowhere'"),
    ],
)
def test_malformed_gold_raises(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message) as info:
        load_gold(path)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_gold_file_raises(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "absent.json")


# --- output ----------------------------------------------------------------------------------


def mixed_report() -> Report:
    gold = make_gold(
        gold_statement("We will cut taxes next year.", via=["Wire Agency"]),
        gold_statement("Growth is back."),
        gold_statement("Unemployment will fall."),
        published="2020-10",
    )
    return run(
        gold,
        predicted("We will cut taxes next year.", via=("The Wire",)),
        predicted("Growth is back.", speaker="Herald Smythe", kind="indirect"),
        predicted("Inflation is a worry."),
    )


def test_summary_line() -> None:
    last = format_table(mixed_report()).splitlines()[-1]
    assert last == (
        "overall: statement F1 0.667 (P 0.67 R 0.67), speaker 0.50, chain 1.00, kind 0.50, "
        "channel 1.00, date 1.00; documents: title 1/1, authors 1/1, dateline 1/1, "
        "published 0/1, body clean 1/1"
    )


def test_table_rows() -> None:
    lines = format_table(mixed_report()).splitlines()
    assert lines[0].split() == [
        "file", "gold", "pred", "P", "R", "F1", "spk", "chain", "kind",
        "title", "auth", "dtln", "pub", "body",
    ]  # fmt: skip
    row = next(line for line in lines if line.startswith(FILE)).split()
    assert row == [FILE, "3", "3", "0.67", "0.67", "0.67", "0.50", "1.00", "0.50", *"yyyny"]
    assert next(line for line in lines if line.startswith("overall ")).split()[-5:] == [
        "1/1", "1/1", "1/1", "0/1", "1/1",
    ]  # fmt: skip


def test_details_list_misses_spurious_and_wrong_fields() -> None:
    details = format_details(mixed_report())
    assert "missed #2 [Jane Q Doe] 'Unemployment will fall.'" in details
    assert "spurious #2 [Jane Q Doe] 'Inflation is a worry.'" in details
    assert "speaker: gold 'Jane Q Doe', got 'Herald Smythe'" in details
    assert "field published: gold '2020-10', got None" in details


def test_report_to_json_round_trips_through_json() -> None:
    data = json.loads(json.dumps(report_to_json(mixed_report())))
    assert data["overall"]["f1"] == pytest.approx(2 / 3)
    assert data["overall"]["accuracy"]["speaker"] == 0.5
    assert data["overall"]["fields"]["published"] == 0
    (doc,) = data["documents"]
    assert doc["file"] == FILE and doc["matched"] == 2
    assert [m["text"] for m in doc["missed"]] == ["Unemployment will fall."]
    assert [m["text"] for m in doc["spurious"]] == ["Inflation is a worry."]


# --- blame: each miss and error, and the pass it points at -----------------------------------


def blamed_report() -> Report:
    gold = make_gold(
        gold_statement("We will cut taxes next year.", via=["Wire Agency"]),
        gold_statement("Growth is back.", said_on="2020-10-01"),
        gold_statement("Unemployment will fall.", kind="direct"),
        gold_statement("the budget would balance by spring", kind="indirect"),
        gold_statement("rates would stay on hold", kind="indirect"),
        gold_statement("Prices are stable.", channel="interview"),
        dateline="EASTMERE",
        not_body=["Leave a comment"],
    )
    return run(
        gold,
        predicted("We will cut taxes next year."),  # chain: gold via the agency
        predicted("Growth is back.", speaker="Herald Smythe", kind="indirect"),  # 3 errors
        predicted("rates would stay on hold", speaker=None, kind="indirect"),  # no speaker
        predicted("Prices are stable."),  # channel
        predicted("Inflation is a worry."),  # spurious
        body="The body.\nLeave a comment",
    )


def test_every_miss_and_error_is_blamed_on_a_pass() -> None:
    doc = only_document(blamed_report())
    found = sorted((b.stage, b.problem) for b in doc.blame)
    assert found == sorted(
        [
            ("layout", "wrong dateline"),
            ("layout", "not_body in body"),
            ("quotations", "missed direct"),
            ("cues and clauses", "missed indirect"),
            ("speakers", "found without speaker"),
            ("cues and clauses", "spurious"),
            ("channels and chains", "wrong chain"),
            ("speakers", "wrong speaker"),
            ("cues and clauses", "wrong kind"),
            ("dates", "wrong date"),
            ("channels and chains", "wrong channel"),
        ]
    )
    assert doc.found_without_speaker == [4]
    missed = next(b for b in doc.blame if b.problem == "missed direct")
    assert "Unemployment will fall." in missed.detail


def test_errors_are_counted_by_pass_in_pipeline_order() -> None:
    counts = blamed_report().by_pass()
    assert list(counts) == [
        "layout", "quotations", "cues and clauses", "speakers", "channels and chains", "dates",
    ]  # fmt: skip
    assert counts["layout"] == {"wrong dateline": 1, "not_body in body": 1}
    assert counts["cues and clauses"] == {"missed indirect": 1, "spurious": 1, "wrong kind": 1}
    assert counts["speakers"] == {"found without speaker": 1, "wrong speaker": 1}
    assert counts["dates"] == {"wrong date": 1}


def test_a_document_without_prediction_is_blamed_on_layout_and_finding() -> None:
    report = score(parse_gold(make_gold(gold_statement("Growth is back."))), {})
    assert report.by_pass()["layout"] == {"no prediction": 1}
    assert report.by_pass()["quotations"] == {"missed direct": 1}


def test_the_report_ends_with_the_pass_table_then_the_summary() -> None:
    lines = format_table(blamed_report()).splitlines()
    assert lines[-1].startswith("overall: statement F1")
    table = lines[-8:-1]
    assert table[0].split()[:4] == ["errors", "by", "pass", "n"]
    assert table[1].split()[:2] == ["layout", "2"]
    assert table[3].split()[:5] == ["cues", "and", "clauses", "3", "missed"]
    assert "missed direct" not in "\n".join(lines[:-8])


def test_verbose_report_lists_misses_under_their_pass() -> None:
    text = format_table(blamed_report(), blame=True)
    speakers = text.index("== speakers: 2")
    chains = text.index("== channels and chains: 2")
    assert speakers < text.index("found without speaker: doc.txt #4") < chains
    assert text.index("== quotations: 1") < text.index("missed direct: doc.txt #2") < speakers
    assert text.splitlines()[-1].startswith("overall: statement F1")


def test_blame_is_in_the_json_report() -> None:
    data = json.loads(json.dumps(report_to_json(blamed_report())))
    assert data["overall"]["by_pass"]["channels and chains"] == {
        "wrong chain": 1,
        "wrong channel": 1,
    }
    (doc,) = data["documents"]
    assert {"stage": "quotations", "problem": "missed direct"}.items() <= doc["blame"][2].items()


def test_eval_command_prints_the_pass_table(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / FILE).write_text(
        'Minister speaks\n\nThe finance minister said: "Growth is back."\n', encoding="utf-8"
    )
    gold = make_gold(gold_statement("Growth is back."), gold_statement("Taxes will fall."))
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "provenance", "eval", str(tmp_path / "gold.json"), "-v"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "== quotations: 1" in lines
    assert any(line.split()[:3] == ["quotations", "1", "missed"] for line in lines)
    assert lines[-1].startswith("overall: statement F1")
