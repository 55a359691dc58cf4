"""Chains: who relays a statement. Closing relays (``..., Reuters reported.``), nesting
(a speaker named inside another's content), quotations relayed by the one quoting them,
sources a speaker cites, the principal a document speaks for, outlets a speaker told,
an outlet credited with the whole story, and outlets speaking through their reports."""

import re
from bisect import bisect_left

from provenance.extraction.channels import (
    CLOSING_REPORT,
    Relay,
    channel_in,
    cited_after,
    non_outlet_body,
    outlet_like,
    outlet_name,
    relays_in,
    reporting_outlet,
)
from provenance.extraction.coref import Entity
from provenance.extraction.cues import Lexicon
from provenance.extraction.direct import cue_for
from provenance.extraction.found import (
    EntityOf,
    Found,
    Page,
    Scene,
    clause_statement,
    paragraph_of,
)
from provenance.extraction.lexicon.channels import (
    CITING_VERBS,
    RELAYING_DOCUMENTS,
    REPORTED_ADVERBS,
    REPORTING_VERBS,
    REPORTS_AFTER_PATTERN,
)
from provenance.extraction.lexicon.function import INDEFINITE_SUBJECTS, QUANTIFIERS
from provenance.extraction.quotes import Quote, QuoteScan
from provenance.extraction.reported import Clause, reported
from provenance.extraction.speakers import Phrase, phrase_after
from provenance.extraction.statement_dates import lede_index
from provenance.extraction.text import Span, Word, first_word_at, sentences, words


def speaks_for(speaker: Entity, named: Entity) -> bool:
    """Whether ``named`` is the speaker or what the speaker speaks for (a spokesperson's
    ``Valley welcomes the truce``: the country named in the spokesperson's office)."""
    if named is speaker:
        return True
    described = " ".join([speaker.name, *speaker.aliases, *speaker.roles]).lower()
    own = {w.removesuffix("’s").removesuffix("'s") for w in described.split()}
    return named.kind != "person" and any(w.lower() in own for w in named.name.split())


def entity_relay(entity: Entity) -> Relay:
    kind = (
        "person"
        if entity.kind == "person"
        else "outlet"
        if entity.kind == "organization"
        else "group"
    )
    return Relay(entity.name, kind, 0, Phrase(entity.name, 0, 0, entity.kind))


_CLOSING_SLACK = 3
"""Characters of closing punctuation a content may stop short of the sentence end by."""


def relays_another(items: list[Found], relay: Relay) -> bool:
    """Whether a closing outlet relays a speaker other than itself in its sentence."""
    return any(i.entity is not None and i.entity.name != relay.name for i in items)


def add_closing(items: list[Found], closing: list[Relay]) -> None:
    """The closing relay of a sentence is the outermost of each of its statements."""
    for relay in closing:
        for item in items:
            if item.entity is None or item.entity.name == relay.name:
                continue
            if all(r.name != relay.name for r in item.via):
                item.via = [*item.via, relay]


def named_relays(relays: list[Relay], named: list[Relay]) -> list[Relay]:
    """``she told the broadcaster``: a bare description of an outlet is the one the
    speaker's occasion has already named."""
    names = [r for r in named if not _bare(r)]
    if not names:
        return relays
    return [names[0] if _bare(r) else r for r in relays]


def _bare(relay: Relay) -> bool:
    """``the broadcaster``, ``the newspaper``: an outlet described, not named."""
    parts = relay.phrase.text.split()
    return len(parts) > 1 and parts[0].lower() == "the" and all(p.islower() for p in parts[1:])


def carry_relay(item: Found, scene: Scene) -> None:
    """An outlet that relayed a speaker once relays their later statements too
    (``an official said, Nordpress reports. ... he said``)."""
    outlets = scene.via and all(r.kind in _OUTLET_KINDS for r in scene.via)
    if outlets and not item.via and item.channel is None and item.start > scene.since:
        item.via = list(scene.via)


_OUTLET_KINDS = frozenset({"outlet", "agency"})
_REPORTS_LAST = re.compile(REPORTS_AFTER_PATTERN)
"""``X reports.`` closing a sentence."""


def nest(items: list[Found], cues: Lexicon) -> None:
    """A statement whose speaker is named inside another's content is relayed by that
    other speaker: ``Cole said the port would reopen, according to the Courier``."""
    for item in items:
        if item.nested_in is not None or item.entity is None or item.kind != "indirect":
            continue
        host = next(
            (
                h
                for h in items
                if h is not item
                and h.entity is not None
                and h.entity is not item.entity
                and h.start <= item.position < h.end
                and h.start <= item.start < h.end
                and not _denies(h, cues)
            ),
            None,
        )
        host = host or _trailing_outlet(items, item)
        if host is not None and host.nested_in is not item:
            item.nested_in = host


def _denies(item: Found, cues: Lexicon) -> bool:
    """Whether a statement denies what it contains (``denied claims by X that ...``): it
    does not relay the claim it denies."""
    return item.cue is not None and "pointing" in cues.lemma_classes(item.cue)[1]


def _trailing_outlet(items: list[Found], item: Found) -> Found | None:
    """``X said ..., according to the broadcaster``: a closing attribution to an outlet
    relays every statement of its sentence."""
    for host in items:
        if (
            host is not item
            and host.entity is not None
            and host.entity is not item.entity
            and (host.cue or "").lower() == "according to"
            and host.start <= item.position < host.position
            and any(reporting_outlet(r) for r in [host.entity.name, *host.entity.aliases])
        ):
            return host
    return None


def closing_relays(
    body: str, items: list[Found], sentence: Span
) -> tuple[list[Found], list[Relay]]:
    """``..., Reuters reported.`` closing a sentence relays what it reports: it is cut
    from the reported content it was read into (or is no statement of its own)."""
    closing: list[Relay] = []
    kept: list[Found] = []
    for item in items:
        found = _closing_relay(body, item, sentence)
        if found is None:
            kept.append(item)
            continue
        relay, cut = found
        closing.append(relay)
        if cut > item.start:
            item.end = cut
            kept.append(item)
    return kept, closing


def _closing_relay(body: str, item: Found, sentence: Span) -> tuple[Relay, int] | None:
    """The outlet of ``..., X reported.`` ending an item's content, and where the
    content ends without it."""
    if item.kind != "indirect" or item.end < sentence.end - _CLOSING_SLACK:
        return None
    start = max(sentence.start, item.start - _CLOSING_SLACK)  # ", " before the content
    match = CLOSING_REPORT.search(body, start, item.end)
    if match is None:
        return None
    span = Span(match.start(), sentence.end)
    found = relays_in(body, span)
    if not found or non_outlet_body(found[-1].phrase.text):
        return None
    return found[-1], match.start()


def interviewer(relay: Relay, entities: list[Entity]) -> bool:
    """An outlet a speaker told something to (not a person of the story)."""
    if not relay.told or not outlet_like(relay.phrase.text):
        return False
    if outlet_like(relay.phrase.text, strict=True):
        return True
    token = relay.phrase.text.split()[-1].lower()
    return not any(e.kind == "person" and token in e.tokens for e in entities)


def story_relay(page: Page, found: list[Found], closings: list[tuple[int, Relay]]) -> None:
    """``..., an official said Saturday, Nordpress reports.`` closing the lede credits the
    story to that outlet: what follows without a relay of its own comes through it."""
    starts = [p.start for p in page.paras]
    lede = lede_index(page)
    closing = closings + [
        (item.start, relay)
        for item in found
        for relay in item.via[-1:]
        if relay.start > item.end and _REPORTS_LAST.match(page.body, relay.phrase.end)
    ]
    credited = [
        (start, relay)
        for start, relay in sorted(closing, key=lambda c: c[0])
        if paragraph_of(starts, start) == lede and relay.kind in _OUTLET_KINDS
    ]
    if not credited:
        return
    start, relay = credited[0]
    for item in found:
        if (
            item.start > start
            and item.entity is not None
            and item.entity.name != relay.name
            and item.nested_in is None
            and not item.via
        ):
            item.via = [relay]


def outlet_reports(page: Page, found: list[Found]) -> None:
    """A news outlet speaks through its reports: ``the newspaper said``, ``according to
    the broadcaster``, ``..., the BBC reported`` all have the channel report."""
    outlets = {i.entity.name for i in found if i.entity and _reports(page, i)}
    outlets |= {outlet_name(name) for name in outlets}  # "the Corvane daily", "the Corvane"
    dates: dict[str, str] = {}
    for item in found:
        name = item.entity.name if item.entity else ""
        reportedly = (item.cue or "").lower() in REPORTED_ADVERBS
        if item.channel is None and (name in outlets or reportedly):
            item.channel = "report"
        if item.channel == "report" and name in outlets:
            # the report is dated once ("reported Saturday"); its other claims share it
            item.date = item.date or dates.get(name)
            if item.date is not None:
                dates.setdefault(name, item.date)


def _reports(page: Page, item: Found) -> bool:
    """Whether a statement shows its speaker to be a news outlet: a reference by an
    outlet noun, or news reported (``..., X reported``; ``X reported that``) by a
    speaker that is not a business or public body."""
    entity = item.entity
    if entity is None or entity.kind == "group":
        return False
    references = [entity.name, *entity.aliases]
    if item.subject is not None:
        references.append(item.subject.text)
    if any(reporting_outlet(r) for r in references):
        return True
    cue = (item.cue or "").lower().split()
    if not cue or cue[-1] not in REPORTING_VERBS or entity.kind == "person":
        return False
    if any(non_outlet_body(r) for r in references):
        return False
    between = page.body[item.position : item.start].lower().split()
    return item.start < item.position or "that" in between


def cited_sources(body: str, entity_of: EntityOf, items: list[Found], ws: list[Word]) -> None:
    """``X, citing a league source, reported that ...``, ``..., X reported, citing two
    people familiar with the talks``: the cited source speaks, relayed by X."""
    for item in items:
        if item.subject is None or item.entity is None or item.nested_in is not None:
            continue
        verb, _, rest = item.subject.text.partition(" ")
        if verb.lower() in CITING_VERBS and rest:
            # "X, quoting an official, said": the subject found is the quoted one
            start = item.subject.end - len(rest)
            cited = Phrase(rest, start, item.subject.end, item.subject.kind)
            item.entity, item.subject = entity_of(cited) or item.entity, cited
            continue
        cited = cited_after(body, ws, item.subject.end)
        if cited is None or not (item.end <= cited.start or cited.end <= item.start):
            continue
        entity = entity_of(cited)
        if entity is None or entity is item.entity:
            continue
        item.via = [entity_relay(item.entity), *item.via]
        item.entity, item.subject = entity, cited
        entity.statements += 1


def content_subject_speaks(
    body: str, entity_of: EntityOf, items: list[Found], ws: list[Word]
) -> None:
    """``According to a statement by his spokesman X, the governor ordered ...,
    insisting that ...``: a participle within what X reports is the governor's, relayed
    by X (FORMAT.md Convention 7), and sets the governor's occasion."""
    for host in items:
        if host.entity is None or (host.cue or "").lower() != "according to":
            continue
        if (host.channel or channel_in(body, host.frame)) not in RELAYING_DOCUMENTS:
            continue  # "according to Jo Roe, ...": only a document relays a principal
        inside = [
            i
            for i in items
            if i is not host
            and i.inherits
            and i.entity is host.entity
            and _attached(body, host, i.position)
        ]
        principal = _content_principal(entity_of, host, ws) if inside else None
        if principal is None or principal is host.entity:
            continue
        inside += [  # a quotation within the participle's content is the principal's too
            q
            for q in items
            if q.quote is not None
            and q.inherits
            and q.entity is host.entity
            and any(i.start <= q.start < i.end for i in inside)
        ]
        for item in inside:
            host.entity.statements -= 1
            item.entity, item.nested_in = principal, host
            principal.statements += 1


def _attached(body: str, host: Found, position: int) -> bool:
    """Whether a cue stands within a content or right after it (``..., insisting``)."""
    if host.start <= position < host.end:
        return True
    return host.end <= position and body[host.end : position].strip() in {"", ","}


def _content_principal(entity_of: EntityOf, host: Found, ws: list[Word]) -> Entity | None:
    """The person or organisation opening a reported content (``the governor``)."""
    at = first_word_at(ws, host.start)
    if at >= len(ws) or ws[at].start != host.start:
        return None
    phrase = phrase_after(ws, at)
    if phrase is None or phrase.kind not in {"person", "organization"}:
        return None
    entity = entity_of(phrase)
    return entity if entity is not None and entity.kind != "group" else None


def speech_in_quotes(
    body: str, scan: QuoteScan, cues: Lexicon, entity_of: EntityOf, found: list[Found]
) -> list[Found]:
    """Reported speech of a named third party inside a quotation (``"Roe had said
    that the port would close," Tull said``) is the third party's statement relayed by
    the one quoted (FORMAT.md Convention 7); the occasion it names (``in an interview
    with X``) carries to that party's next such statement from the same speaker."""
    nested: list[Found] = []
    starts = [q.start for q in scan.quotes]
    inner_starts = [q.start for q in scan.nested]
    occasions: dict[tuple[int, int], tuple[str | None, list[Relay]]] = {}
    for item in found:
        if item.kind != "direct" or item.entity is None or item.quote is None:
            continue
        within = scan.quotes[bisect_left(starts, item.start) : bisect_left(starts, item.end)]
        others = [q for q in within if q is not item.quote]
        for sentence in sentences(body, Span(item.start, item.end)):
            for clause in reported(body, sentence, others, cues):
                found = _reported_in_quote(body, entity_of, item, clause, sentence, occasions)
                if found is not None:
                    nested.append(found)
        inner = scan.nested[
            bisect_left(inner_starts, item.start) : bisect_left(inner_starts, item.end)
        ]
        nested.extend(_quotes_in_quote(body, cues, entity_of, item, inner))
    return nested


def _reported_in_quote(
    body: str,
    entity_of: EntityOf,
    item: Found,
    clause: Clause,
    sentence: Span,
    occasions: dict[tuple[int, int], tuple[str | None, list[Relay]]],
) -> Found | None:
    """Reported speech of a named third party within a quotation, relayed by the one quoted."""
    inner = _named_speaker(entity_of, clause.subject)
    if inner is None or item.entity is None or speaks_for(item.entity, inner):
        return None
    found = clause_statement(body, clause, sentence)
    found.entity, found.nested_in = inner, item
    own = [relay for span in found.frame for relay in relays_in(body, span)]
    found.channel = channel_in(body, found.frame)
    key = (id(inner), id(item.entity))
    if found.channel is None and not own and key in occasions:
        found.channel, own = occasions[key][0], list(occasions[key][1])
    elif found.channel is not None or own:
        occasions[key] = (found.channel, own)
    found.via = [*own, entity_relay(item.entity), *item.via]
    inner.statements += 1
    return found


def _quotes_in_quote(
    body: str, cues: Lexicon, entity_of: EntityOf, item: Found, inner_quotes: list[Quote]
) -> list[Found]:
    """``"Roe kept saying 'we will win'," Tull said``: the inner quotation is Roe's,
    relayed by Tull; one the speaker introduces with ``I said`` stays theirs."""
    if not inner_quotes or item.entity is None:
        return []
    ws = words(body, item.start, item.end)
    found: list[Found] = []
    for quote in inner_quotes:
        cue = cue_for(body, quote, ws, 0, len(ws), cues)
        inner = _named_speaker(entity_of, cue.subject) if cue is not None else None
        if cue is None or inner is None or speaks_for(item.entity, inner):
            continue
        statement = Found(quote.start, quote.end, "direct", cue.cue, cue.cue_start, None, [])
        statement.entity, statement.nested_in = inner, item
        statement.via = [entity_relay(item.entity), *item.via]
        inner.statements += 1
        found.append(statement)
    return found


def _named_speaker(entity_of: EntityOf, subject: Phrase | None) -> Entity | None:
    """The speaker a subject names: a person or organisation, not a pronoun or a
    collective (``people say`` in a quotation is no one's statement)."""
    if subject is None or subject.kind not in {"person", "organization"}:
        return None
    first = subject.text.split()[0].lower()
    if first in INDEFINITE_SUBJECTS or first in QUANTIFIERS:
        return None
    if not any(w[:1].isupper() for w in subject.text.split()[1:] or subject.text.split()):
        return None
    return entity_of(subject)
