"""The base class of extractors, the unit that plugins contribute."""

from collections.abc import Mapping
from typing import ClassVar

from provenance.domain import ParsedDocument, RawDocument
from provenance.extraction.house_style import CuePhrase
from provenance.extraction.parsing import LayoutRules, parse_layout


class Extractor:
    """Parses the documents of one outlet format into title, byline, dateline and body.

    Subclasses set :attr:`name` and :attr:`formats`, override :meth:`claim`, and
    either extend :attr:`rules` (extra page furniture, byline and dateline
    patterns) or override :meth:`parse` entirely; :attr:`cues` and
    :attr:`cue_phrases` add the format's own reporting verbs and phrases,
    :attr:`self_names` the outlet's own names. Attribution (quotations, speakers,
    channels, intermediaries, dates) is the core's and shared by all. A document
    that came as a web page carries it in ``document.html``: ``claim`` and ``parse``
    may read its markup (``provenance.toolkit.page_tree``).
    """

    name: ClassVar[str] = "generic"
    formats: ClassVar[tuple[str, ...]] = ("generic",)
    rules: ClassVar[LayoutRules] = LayoutRules()
    cues: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    """The format's house style of attribution: reporting verbs the core does not know,
    by lemma, with what may follow them (``{"aver": ("clause", "after")}``; classes are
    ``clause``, ``that``, ``object``, ``quote`` and ``after``)."""
    cue_phrases: ClassVar[tuple[CuePhrase, ...]] = ()
    """The house style's attribution phrases with slots: ``CuePhrase(pattern="{speaker}
    told the {self}:")``, ``CuePhrase(pattern="per {source},", kind="relay")``."""
    self_names: ClassVar[tuple[str, ...]] = ()
    """The names the publishing outlet goes by (``("The Ledger", "Ledger")``): never an
    intermediary of its own statements; what ``{self}`` matches."""
    examples: ClassVar[tuple[str, ...]] = ()
    """Sample texts of the outlet; at load, a cue phrase none of them contains is a warning."""

    def claim(self, document: RawDocument) -> float:
        """How confident this extractor is that it understands the document, 0 to 1."""
        return 0.1

    def parse(self, document: RawDocument) -> ParsedDocument:
        """Split the document into its parts; the default applies :attr:`rules`."""
        return parse_layout(document, self.rules, format=self.formats[0])
