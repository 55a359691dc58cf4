"""What attribution builds as it reads: a statement being found, a speaker's occasion,
and the span arithmetic its passes share."""

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from provenance.extraction.channels import Relay
from provenance.extraction.coref import Entity
from provenance.extraction.dates import Published, said_on
from provenance.extraction.lexicon.channels import NOUN_CHANNELS
from provenance.extraction.lexicon.documents import DOCUMENT_VERBS, SAID_IN_DOCUMENT_PATTERN
from provenance.extraction.quotes import Quote
from provenance.extraction.reported import Clause
from provenance.extraction.speakers import Phrase
from provenance.extraction.text import Span, sentences

FRAME_REACH = 300
"""How far from a statement's cue its channel, relays and date are looked for."""
LOOK_BACK = 30
"""How many earlier statements a continuation may look back over."""

EntityOf = Callable[[Phrase], Entity | None]
"""Resolves a phrase to the entity it names, as the reader does at that point."""

_SAID_IN_DOCUMENT = re.compile(SAID_IN_DOCUMENT_PATTERN)


@dataclass
class Page:
    """The body being read, with what every pass reads of it and none changes."""

    body: str
    paras: list[Span]
    published: Published | None
    para_starts: list[int] = field(init=False)
    _sentences: dict[Span, list[Span]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.para_starts = [p.start for p in self.paras]

    def sentences(self, para: Span) -> list[Span]:
        """The sentences of ``para``, split once however many passes ask (not to be
        changed by the caller)."""
        split = self._sentences.get(para)
        if split is None:
            split = self._sentences[para] = sentences(self.body, para)
        return split


@dataclass
class Found:
    """A statement being built."""

    start: int
    end: int
    kind: str
    cue: str | None
    position: int
    """Where its speaker (or cue) is named: the order of resolution."""
    subject: Phrase | None
    frame: list[Span]
    """Parts of the sentence outside any content: where channel, relay and date are read."""
    entity: Entity | None = None
    nested_in: "Found | None" = None
    quote: Quote | None = None
    channel: str | None = None
    date: str | None = None
    via: list[Relay] = field(default_factory=list)
    inherits: bool = False
    provisional: bool = False
    """A quotation running over paragraphs, given the last speaker until its end names one."""


@dataclass
class Scene:
    """The occasion an entity speaks on: carried to its other statements."""

    channel: str | None = None
    via: list[Relay] = field(default_factory=list)
    date: str | None = None
    since: int = 0


def paragraph_of(starts: list[int], offset: int) -> int:
    """The index of the paragraph (by sorted ``starts``) holding ``offset``."""
    return bisect_left(starts, offset + 1) - 1


def minus(spans: list[Span], holes: list[Span]) -> list[Span]:
    """``spans`` without the parts covered by ``holes``."""
    result = list(spans)
    for hole in holes:
        cut: list[Span] = []
        for span in result:
            if hole.end <= span.start or hole.start >= span.end:
                cut.append(span)
                continue
            if span.start < hole.start:
                cut.append(Span(span.start, hole.start))
            if hole.end < span.end:
                cut.append(Span(hole.end, span.end))
        result = cut
    return result


def date_in(text: str, frame: list[Span], published: Published | None) -> str | None:
    """The first date said in the spans of a frame."""
    for span in frame:
        found = said_on(text, span.start, span.end, published)
        if found:
            return found
    return None


def sentence_end(text: str, start: int, limit: int) -> int:
    """Just past the sentence end after ``start`` (at most 300 characters on)."""
    for pos in range(start, min(limit, start + 300)):
        if text[pos] in ".!?\n":
            return pos + 1
    return min(limit, start + 300)


def clause_statement(body: str, clause: Clause, sentence: Span) -> Found:
    """The statement a reported clause makes, its frame the rest of the sentence."""
    position = clause.subject.start if clause.subject else clause.cue_start
    frame = _outside(sentence, [clause.content])
    item = Found(
        start=clause.content.start,
        end=clause.content.end,
        kind="indirect",
        cue=_verb_of_document(body, clause, sentence),
        position=position,
        subject=clause.subject,
        frame=frame,
        inherits=clause.subject is None,
    )
    if clause.agent is not None:
        item.channel = NOUN_CHANNELS.get(clause.agent.text.split()[-1].lower())
    return item


def _verb_of_document(body: str, clause: Clause, sentence: Span) -> str:
    """``said in a research note that``: the cue is the verb, not the document's noun
    read as a verb (``note that``)."""
    if clause.cue.lower() not in DOCUMENT_VERBS:
        return clause.cue
    before = body[max(sentence.start, clause.cue_start - FRAME_REACH) : clause.cue_start]
    match = _SAID_IN_DOCUMENT.search(before)
    return match.group(1) if match else clause.cue


def _outside(sentence: Span, contents: list[Span]) -> list[Span]:
    return minus([sentence], contents)
