"""Transcript turns: what the answers and questions of an interview transcript say, who
answers, and the occasion the transcript records."""

from provenance.extraction.chains import entity_relay
from provenance.extraction.channels import channel_in
from provenance.extraction.coref import Entity, Resolver
from provenance.extraction.found import Found, Page
from provenance.extraction.lexicon.channels import TRANSCRIPT_CHANNELS
from provenance.extraction.lexicon.function import FIRST_PERSON_POSSESSIVES
from provenance.extraction.speakers import Phrase, name_registry
from provenance.extraction.text import Span
from provenance.extraction.transcript import Turn


def question_statements(inner: list[Found], speaker: Entity | None) -> list[Found]:
    """What a question reports the interviewee to have said (``You've said ...``); a
    question says nothing itself."""
    found: list[Found] = []
    for item in inner:
        first = item.subject.text.split()[0].lower() if item.subject else ""
        if speaker is not None and first.startswith("you"):
            item.entity, item.via = speaker, []
            found.append(item)
    return found


def answer_statements(
    page: Page,
    turns: dict[int, Turn],
    resolver: Resolver,
    turn: Turn,
    speaker: Entity,
    inner: list[Found],
) -> list[Found]:
    """An answer is one direct statement of the interviewee, and the quotations within it
    that have a cue of their own are relayed by them."""
    answer = Found(
        turn.content.start,
        turn.content.end,
        "direct",
        turn.label,
        turn.content.start,
        None,
        [],
        entity=speaker,
        channel=transcript_channel(page, turns),
    )
    speaker.statements += 1
    resolver.touch(speaker)
    found = [answer]
    for item in inner:
        if item.kind != "direct" or item.entity is None or item.entity is speaker:
            continue
        if item.subject is None and item.nested_in is None:
            continue  # no cue of its own: part of the answer
        if (
            item.subject is not None
            and item.subject.text.split()[0].lower() in FIRST_PERSON_POSSESSIVES
        ):
            item.entity = _kin(resolver, speaker, item.subject)
        item.via = [entity_relay(speaker), *item.via]
        item.channel = None if item.channel == "interview" else item.channel
        found.append(item)
    return found


def transcript_channel(page: Page, turns: dict[int, Turn]) -> str | None:
    """The occasion a transcript records: ``Here is a transcript of her news
    conference:`` says a news conference; an interview otherwise."""
    turn = turns[min(turns)]
    intro = _transcript_intro(page, turns)
    if intro is not None:
        channel = channel_in(page.body, [intro])
        if channel in TRANSCRIPT_CHANNELS:
            return channel
    return turn.setting


def _transcript_intro(page: Page, turns: dict[int, Turn]) -> Span | None:
    """The paragraph just above a transcript (or above its first heading)."""
    turn = turns[min(turns)]
    first = turn.paragraph if turn.heading is None else turn.heading
    return page.paras[first - 1] if first > 0 else None


def find_interviewee(page: Page, resolver: Resolver, title: str, turn: Turn) -> Entity | None:
    """The person a Q-and-A interviews: the one the headline names, else the person
    who has said most before the transcript, else the most salient person."""
    people = [e for e in resolver.entities if e.kind == "person"]
    title_words = {w.lower().removesuffix("’s").removesuffix("'s") for w in title.split()}
    named = [
        e for e in people if len(e.name.split()) > 1 and e.name.split()[-1].lower() in title_words
    ]
    if named:
        return max(named, key=lambda e: e.statements)
    before = page.paras[turn.paragraph].start
    in_title = name_registry(title)
    for _start, full in in_title:
        # named above the transcript, or the only person a Q-and-A's headline names
        if full in page.body[:before] or len(in_title) == 1:
            entity = Entity(full, "person", tokens={p.lower() for p in full.split()})
            resolver.entities.append(entity)
            return entity
    speakers = [e for e in people if e.statements]
    if speakers:
        return max(speakers, key=lambda e: e.statements)
    return resolver.recent(("person",))


def _kin(resolver: Resolver, speaker: Entity, subject: Phrase) -> Entity:
    """``my grandmother`` in an answer: the interviewee's grandmother."""
    rest = subject.text.split(maxsplit=1)[1] if " " in subject.text else subject.text
    name = f"{speaker.name}'s {rest}"
    for entity in resolver.entities:
        if entity.name == name:
            return entity
    entity = Entity(name, "person")
    entity.add_alias(subject.text)
    resolver.entities.append(entity)
    return entity


def interview_channel(
    page: Page, turns: dict[int, Turn], interviewee: Entity | None, found: list[Found]
) -> None:
    """In an interview, what the interviewee ``says`` (present tense) is said in it;
    what the intro naming the occasion reports them saying (``Roe admitted ...
    Excerpts from her news conference:``) was said on that occasion."""
    if not turns or interviewee is None:
        return
    intro = _transcript_intro(page, turns)
    named = transcript_channel(page, turns) if intro is not None else None
    if intro is not None and named != turns[min(turns)].setting:
        for item in found:
            if (
                item.entity is interviewee
                and item.channel is None
                and not item.via
                and intro.start <= item.start < intro.end
            ):
                item.channel = named
    for item in found:
        if (
            item.entity is interviewee
            and item.channel is None
            and not item.via
            and item.cue
            and _present_tense(item.cue)
        ):
            item.channel = "interview"


def _present_tense(cue: str) -> bool:
    """Whether a cue is in the simple present (``says``, ``tells``, ``admits``)."""
    parts = cue.lower().split()
    return len(parts) == 1 and parts[0].endswith("s") and not parts[0].endswith("ss")
