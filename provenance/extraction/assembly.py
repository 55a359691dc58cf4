"""Assembly: the statements attribution found become the extraction's statements,
speakers and sources; repeats and clauses that only restate a quotation are dropped."""

from bisect import bisect_left

from msgspec import Struct
from msgspec import field as struct_field

from provenance.domain import ExtractedSpeaker, ExtractedStatement, Mention
from provenance.domain.extraction import ExtractedSource
from provenance.extraction.channels import Relay
from provenance.extraction.coref import Entity
from provenance.extraction.found import Found, minus
from provenance.extraction.lexicon.channels import SELF_REFERENCE_WORDS
from provenance.extraction.lexicon.function import DETERMINERS
from provenance.extraction.limits import MAX_STATEMENTS, capped_via
from provenance.extraction.publisher import same_outlet
from provenance.extraction.quotes import Quote, inside
from provenance.extraction.text import Span

_MIN_CLAUSE_WORDS = 1
"""A reported clause around a quotation is a statement of its own (FORMAT.md Convention 2)
from this many words outside the quotation marks (``said the result was "..."``)."""


class Attribution(Struct, kw_only=True):
    """What attribution found in one body."""

    statements: list[ExtractedStatement]
    speakers: list[ExtractedSpeaker] = struct_field(default_factory=list)
    sources: list[ExtractedSource] = struct_field(default_factory=list)


def assemble(
    found: list[Found],
    entities: list[Entity],
    body: str,
    quotes: list[Quote],
    publisher: str | None,
) -> Attribution:
    """The statements with a speaker, their speakers and the sources relaying them."""
    kept = _dedupe(
        [item for item in found if item.entity is not None and not _straddles(item, quotes)],
        body,
    )[:MAX_STATEMENTS]
    for item in kept:
        item.via = capped_via([r for r in item.via if not own_outlet(r, publisher)])
    statements = [_statement(body, item) for item in kept]
    speaking = {id(item.entity) for item in kept}
    speakers = [
        ExtractedSpeaker(name=e.name, kind=e.kind, aliases=e.aliases, roles=e.roles)  # type: ignore[arg-type]
        for e in entities
        if id(e) in speaking
    ]
    sources: dict[str, ExtractedSource] = {}
    for item in kept:
        for relay in item.via:
            source = sources.setdefault(
                relay.name,
                ExtractedSource(name=relay.name, kind=relay.kind),  # type: ignore[arg-type]
            )
            if relay.phrase.text != relay.name and relay.phrase.text not in source.aliases:
                source.aliases.append(relay.phrase.text)
    return Attribution(statements=statements, speakers=speakers, sources=list(sources.values()))


def own_outlet(relay: Relay, publisher: str | None) -> bool:
    """Whether a relay is the publisher itself (``told the Courier`` in the Courier's
    own story, ``told this newspaper`` in any): FORMAT.md Convention 5."""
    first = relay.phrase.text.split()[0].lower() if relay.phrase.text.split() else ""
    if first in SELF_REFERENCE_WORDS:
        return True
    return same_outlet(relay.name, publisher) or (
        relay.phrase.text != relay.name and same_outlet(relay.phrase.text, publisher)
    )


def _statement(body: str, item: Found) -> ExtractedStatement:
    entity = item.entity
    return ExtractedStatement(
        text=body[item.start : item.end],
        kind=item.kind,  # type: ignore[arg-type]
        cue=item.cue,
        channel=item.channel,
        said_on=item.date,
        start=item.start,
        end=item.end,
        speaker=Mention(entity.name, entity.kind) if entity else None,
        via=[Mention(r.name, r.kind) for r in item.via],
    )


def _word_count(text: str) -> int:
    """Words of a text that say something: not marks, not determiners (``the "..."``)."""
    tokens = [t.strip('“”"‘’.,;:!?').lower() for t in text.split()]
    return sum(1 for t in tokens if t and t not in DETERMINERS and any(c.isalnum() for c in t))


def _straddles(item: Found, quotes: list[Quote]) -> bool:
    """Reported content that starts inside a quotation and runs past its closing mark
    (``... never told anyone," his lawyer told``): a misread, not a clause."""
    if item.kind != "indirect":
        return False
    quote = inside(quotes, item.start)
    return quote is not None and quote.closed is not None and item.end > quote.closed


def _dedupe(found: list[Found], body: str) -> list[Found]:
    """Drop reported speech that merely restates a quotation (fewer than
    ``_MIN_CLAUSE_WORDS`` words of its own outside quotation marks), and exact repeats."""
    direct = sorted(Span(f.start, f.end) for f in found if f.kind == "direct")
    starts = [d.start for d in direct]
    kept: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for item in sorted(found, key=lambda f: (f.start, f.end)):
        if (item.start, item.end) in seen or item.end <= item.start:
            continue
        quoted = item.nested_in is not None and item.nested_in.kind == "direct"
        if item.kind == "indirect" and not quoted:  # reported inside a quotation: kept
            # quotations are disjoint, so those overlapping a span are a contiguous run
            first = max(0, bisect_left(starts, item.start) - 1)
            last = bisect_left(starts, item.end)
            own = minus([Span(item.start, item.end)], direct[first:last])
            restates = own != [Span(item.start, item.end)]
            if (
                restates
                and sum(_word_count(body[o.start : o.end]) for o in own) < _MIN_CLAUSE_WORDS
            ):
                continue
        seen.add((item.start, item.end))
        kept.append(item)
    return kept
