"""Feeds, WARC archives and ninjs: every good item read, every bad one a clear error."""

import json
from pathlib import Path

from provenance.ingestion.feeds import read_feed
from provenance.ingestion.items import Item
from provenance.ingestion.ninjs import ninjs_document, read_ninjs
from provenance.ingestion.sources import input_files, read_items
from provenance.ingestion.warc import read_warc
from tests.conftest import ROOT

INPUTS = ROOT / "tests" / "html_corpus" / "inputs"
METADATA = json.loads((ROOT / "tests" / "html_corpus" / "metadata.json").read_text("utf-8"))
DATED = [page for page in METADATA if page["published"]]


def errors(items: list[Item]) -> dict[str, str]:
    return {item.ref: item.error for item in items if item.error}


def test_every_feed_entry_keeps_its_link_date_and_author():
    items = list(read_feed((INPUTS / "news.rss").read_bytes(), "news.rss"))
    good = [item.raw for item in items if item.raw]
    assert [raw.url for raw in good] == [page["url"] for page in DATED[:3]]
    assert [raw.published for raw in good] == [page["published"] for page in DATED[:3]]
    for raw, page in zip(good, DATED, strict=False):
        assert raw.text.startswith(f"{page['title']}\n\nBy {' and '.join(page['authors'])}\n")
        assert raw.outlet == "Coastline News"


def test_a_broken_feed_entry_is_an_error_of_its_own():
    items = list(read_feed((INPUTS / "news.rss").read_bytes(), "news.rss"))
    assert errors(items) == {"news.rss#4": "entry has no text (neither content nor summary)"}


def test_what_is_not_a_feed_says_so():
    (item,) = read_feed(b"<html><p>hello</p></html>", "page.xml")
    assert item.error.startswith("not a readable RSS or Atom feed")


def test_every_html_response_in_a_warc_is_a_document_and_nothing_else_is():
    with (INPUTS / "pages.warc.gz").open("rb") as stream:
        items = list(read_warc(stream, "pages.warc.gz"))
    assert errors(items) == {}
    names = [page["file"] for page in DATED[3:7]]
    assert [item.raw.url for item in items] == [f"https://www.example.org/{n}" for n in names]
    titles = [item.raw.text.split("\n\n")[0] for item in items]
    assert titles == [page["title"] for page in DATED[3:7]]


def test_a_truncated_warc_keeps_the_records_before_the_break_and_names_it():
    with (INPUTS / "truncated.warc.gz").open("rb") as stream:
        items = list(read_warc(stream, "truncated.warc.gz"))
    good = [item for item in items if item.raw]
    (broken,) = [item for item in items if item.error]
    assert 1 <= len(good) < 4
    assert broken is items[-1]
    assert broken.error.startswith("truncated or corrupt archive")


def test_ninjs_2_and_3_give_the_same_document():
    v2 = json.loads((INPUTS / "item-2x.json").read_text("utf-8"))
    v3 = json.loads((INPUTS / "item-3x.json").read_text("utf-8"))
    assert ninjs_document(v2) == ninjs_document(v3)
    raw = ninjs_document(v3)
    assert (raw.url, raw.outlet, raw.published) == (v3["uri"], v3["copyrightholder"], "2024-01-23")
    assert raw.text.startswith(v3["headlines"][0]["value"] + "\n\nBy Chinedu Okafor\n")


def test_an_invalid_ninjs_item_fails_alone():
    items = list(read_ninjs((INPUTS / "items-with-invalid.json").read_bytes(), "batch.json"))
    assert errors(items) == {
        "batch.json#1": "invalid ninjs item: Expected `str | null`, got `int` - at `$.headline`"
    }
    assert items[1].raw is not None


def test_ninjs_lines_and_bad_json_are_read_or_refused_clearly():
    line = (INPUTS / "item-2x.json").read_text("utf-8").replace("\n", "")
    items = list(read_ninjs(f"{line}\n{line}\n".encode(), "items.ndjson"))
    assert [item.ref for item in items if item.raw] == ["items.ndjson#1", "items.ndjson#2"]
    (bad,) = read_ninjs(b"{not json", "bad.json")
    assert bad.error.startswith("not JSON")


def test_a_folder_is_read_by_type(tmp_path: Path):
    items = [item for path in input_files([INPUTS]) for item in read_items(path)]
    by_file = {Path(item.ref.split("#")[0]).name for item in items}
    assert by_file == {p.name for p in INPUTS.iterdir()}
    assert len([item for item in items if item.raw]) == 3 + 4 + 2 + 1 + len(
        [item for item in items if item.raw and "truncated" in item.ref]
    )
