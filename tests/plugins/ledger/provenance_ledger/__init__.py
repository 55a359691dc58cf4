"""Pages of the (fictional) Ledger: labelled header lines, "told the Ledger:" quotations
and "per <source>," credits. Written from docs/plugins.md alone."""

from provenance.toolkit import CuePhrase, Extractor, LayoutRules, RawDocument, hookimpl

SAMPLE = """HEADLINE: Ferry fares to rise in June
BY: Ines Halloran
FILED: 2 May 2026

Commissioner Dara Quill told the Ledger: "Nobody likes a fare rise. The boats are old."

Per the ferry operators' union, crews have not had a pay rise since 2021.

Ticket sales fell by a fifth last winter, per the harbour's annual accounts.

Read the Ledger every morning
"""


class LedgerExtractor(Extractor):
    name = "ledger"
    formats = ("ledger",)
    rules = LayoutRules(
        furniture=(r"Read the Ledger every morning",),
        header_labels={"filed": "published", "desk": "dateline"},
    )
    self_names = ("The Ledger", "Ledger")
    cue_phrases = (
        CuePhrase(pattern="{speaker} told the {self}:"),
        CuePhrase(pattern="per {source},", kind="relay"),
        CuePhrase(pattern=", per {source}", kind="relay"),
    )
    examples = (SAMPLE,)

    def claim(self, document: RawDocument) -> float:
        if document.url and "ledger.example" in document.url:
            return 0.9
        return 0.8 if "Read the Ledger every morning" in document.text else 0.0


@hookimpl
def register_extractors(register):
    register(LedgerExtractor())
