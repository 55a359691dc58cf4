"""An outlet's plugin, installed with pip and isolated in its worker, claims pages by their
markup and takes the story from its own selector; other pages go through the core's reading."""

import json

from tests.conftest import ROOT
from tests.plugins.conftest import Env, make_env

PLUGIN = ROOT / "tests" / "ingestion" / "html_plugin"
PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{place} bridge reopens after repairs | The Gazette</title>
<meta name="generator" content="{generator}">
<meta property="og:title" content="{place} bridge reopens after repairs">
<meta property="og:site_name" content="The Gazette">
<meta name="author" content="Nora Lind">
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>{place} bridge reopens after repairs</h1>
<div class="gz-story">
<p>The {place} bridge reopened to traffic on Monday after eight months of repairs to its
steel deck, the city's transport department said.</p>
<p>"The bridge is safe and it is open," said transport commissioner Ada Moreno, who
drove across it first.</p>
<p>Engineers found corrosion in forty of the deck's plates during an inspection last
spring, according to the department.</p>
</div>
<p class="gz-note">Editor's note: an earlier version of this story misspelled the
commissioner's name, and the correction was made on the morning of publication.</p>
</article>
<footer>Copyright The Gazette</footer>
</body></html>
"""
NOTE = "Editor's note"

READ_BACK = """
import json
from provenance.service import ProvenanceService
from provenance.settings import Settings
service = ProvenanceService(Settings.from_env())
service.start()
def seen(document):
    return {k: getattr(document, k) for k in ("title", "extractor", "format", "body", "language")}
found = {}
for doc_id in service.document_ids():
    document = service.get_document(doc_id)
    found[document.title] = [seen(document), seen(service.reextract(doc_id))]
print(json.dumps(found))
service.close()
"""


def test_a_plugin_reads_the_pages_it_claims_from_their_markup(tmp_path):
    env: Env = make_env(tmp_path / "env")
    env.install(PLUGIN)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "gazette.html").write_text(PAGE.format(place="Harbour", generator="GazettePress 4"))
    (pages / "other.html").write_text(PAGE.format(place="River", generator="WordPress 6.5"))
    quiet = {"PROVENANCE_SEED_ON_START": "false"}
    env.provenance("ingest", "--workers", "1", str(pages), **quiet)
    found = json.loads(env.run("-c", READ_BACK, **quiet).stdout)
    claimed = found["Harbour bridge reopens after repairs"]
    core = found["River bridge reopens after repairs"]
    for ingested, reextracted in (claimed, core):
        assert ingested == reextracted  # the page is kept: re-extraction reads it again
        assert ingested["language"] == "en-GB"
        assert "transport commissioner Ada Moreno" in ingested["body"]
    assert (claimed[0]["extractor"], claimed[0]["format"]) == ("gazette", "gazette")
    assert NOTE not in claimed[0]["body"]  # only the plugin's selector
    assert core[0]["extractor"] != "gazette"
    assert NOTE in core[0]["body"]  # the core's reading keeps the note
