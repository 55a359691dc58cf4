"""Scenes: the occasion (channel, setting, relays, date) each speaker speaks on, set by
the sentences that describe it and carried to the speaker's other statements: occasions,
back references (``X made this known in a statement``), excerpts, exchanges, debates and
an issuer's own release."""

import re
from itertools import pairwise

from provenance.extraction.chains import carry_relay, interviewer
from provenance.extraction.channels import channel_in, relays_in
from provenance.extraction.coref import Entity, Resolver
from provenance.extraction.found import (
    LOOK_BACK,
    EntityOf,
    Found,
    Page,
    Scene,
    date_in,
    minus,
    paragraph_of,
    sentence_end,
)
from provenance.extraction.lexicon.channels import (
    BACK_REFERENCE,
    CITED_SPEAKER_LINKS,
    DEBATE_CUES,
    EXCERPTS,
    EXCHANGE,
    NOUN_CHANNELS,
    OWN_RELEASE,
    REMARKS_CAME,
    SCENES,
    SPOKEN_WORDS,
)
from provenance.extraction.quotes import Quote, inside
from provenance.extraction.speakers import Phrase, phrase_after
from provenance.extraction.statement_dates import LEDE_DATE_PARAGRAPHS, later, lede_index
from provenance.extraction.text import Span, Word, at_word_starts, first_word_at, words

_DEBATE_REACH = 2
"""How many paragraphs back another speaker's speech setting may be for a debate cue."""
_PLUPERFECT_REACH = 80
"""How far after a speaker's name ``had`` may stand before the cue."""
_BACK_REFERENCE = re.compile(BACK_REFERENCE, re.IGNORECASE)
_EXCHANGE = re.compile(EXCHANGE, re.IGNORECASE)
_OWN_RELEASE = at_word_starts(OWN_RELEASE, re.IGNORECASE)
_EXCERPTS = re.compile(EXCERPTS)
_REMARKS_CAME = re.compile(REMARKS_CAME)
_SPOKEN_WORDS = re.compile(SPOKEN_WORDS)


class Scenes:
    """The occasions each entity speaks on, in the order the text sets them."""

    def __init__(self, page: Page, resolver: Resolver, entity: EntityOf) -> None:
        self.page = page
        self.resolver = resolver
        self.entity = entity
        """Resolves a phrase to its entity as the reader does."""
        self.by_entity: dict[int, list[Scene]] = {}

    def current(self, entity: Entity) -> Scene:
        """The occasion the entity is speaking on now."""
        scenes = self.by_entity.setdefault(id(entity), [])
        if not scenes:
            scenes.append(Scene())
        return scenes[-1]

    def new(self, entity: Entity) -> Scene:
        """A further occasion for the entity, set from here on."""
        scene = Scene()
        self.by_entity.setdefault(id(entity), []).append(scene)
        return scene

    def reader_scene(self, entity: Entity, reader: Phrase) -> None:
        """``a statement read by X during a news conference``: X spoke on that occasion."""
        end = sentence_end(self.page.body, reader.end, len(self.page.body))
        channel = channel_in(self.page.body, [Span(reader.end, end)])
        if channel not in SCENES:
            return
        scene = self.current(entity)
        if scene.channel is not None and scene.channel != channel:
            scene = self.new(entity)
        scene.channel, scene.since = channel, reader.start
        scene.date = date_in(self.page.body, [Span(reader.end, end)], self.page.published)

    def sentence_scene(
        self,
        found: list[Found],
        sentence: Span,
        ws: list[Word],
        subject: Entity | None,
        items: list[Found],
    ) -> None:
        """A sentence that sets a scene for its subject without a statement of its own."""
        if not items and (
            _EXCERPTS.match(self.page.body, sentence.start)  # "Highlights from the media session"
            or _REMARKS_CAME.match(self.page.body, sentence.start)  # "Her remarks came at a rally"
        ):
            last = self.resolver.last_speaker()
            if last is not None:
                self._excerpts(found, sentence, last)
            return
        if subject is None or any(i.entity is subject for i in items):
            return
        frame = minus([sentence], [Span(i.start, i.end) for i in items])
        channel = channel_in(self.page.body, frame)
        if channel not in SCENES:
            return
        day = date_in(self.page.body, frame, self.page.published)
        if any(_BACK_REFERENCE.search(self.page.body, f.start, f.end) for f in frame):
            self._back_reference(found, sentence, channel, day)
        if subject.kind != "person":
            return
        scene = self.current(subject)
        if scene.channel != channel:
            if scene.channel is not None:
                scene = self.new(subject)
            scene.channel, scene.since, scene.date = channel, sentence.start, day
            scene.via = [
                r
                for span in frame
                for r in relays_in(self.page.body, span)
                if not r.told or interviewer(r, self.resolver.entities)
            ]
            subject.channel = channel

    def possessive_scene(self, sentence: Span, items: list[Found]) -> None:
        """``... followed Jo Roe's remarks at a book launch in Eastmere.``: Roe spoke
        at that launch, and her words that follow were said there."""
        for match in _SPOKEN_WORDS.finditer(self.page.body, sentence.start, sentence.end):
            channel = channel_in(self.page.body, [Span(match.start(), sentence.end)])
            if channel not in SCENES:
                continue
            own = words(self.page.body, match.start("name"), match.end("name"))
            phrase = phrase_after(own, 0) if own else None
            entity = self.entity(phrase) if phrase is not None else None
            if entity is None or entity.kind != "person" or any(i.entity is entity for i in items):
                continue
            scene = self.current(entity)
            if scene.channel is not None:
                scene = self.new(entity)
            scene.channel, scene.since = channel, sentence.start
            scene.date = date_in(
                self.page.body, [Span(match.end(), sentence.end)], self.page.published
            )

    def exchange_scene(self, sentence: Span, ws: list[Word], subject: Entity | None) -> None:
        """``The minister was responding in the chamber to Jo Roe and Sam Vale``: those she
        answers speak in the setting she speaks in (a debate, a hearing)."""
        if subject is None:
            return
        setting = scene_at(self.by_entity.get(id(subject), []), sentence.start)
        if setting is None or setting.channel != "speech":
            return
        match = _EXCHANGE.search(self.page.body, sentence.start, sentence.end)
        at = first_word_at(ws, match.end()) if match is not None else len(ws)
        while at < len(ws):
            phrase = phrase_after(ws, at)
            entity = self.entity(phrase) if phrase is not None else None
            if phrase is None or entity is None or entity is subject or entity.kind == "group":
                return
            scene = self.current(entity)
            if scene.channel is not None:
                scene = self.new(entity)
            scene.channel, scene.since, scene.date = setting.channel, sentence.start, setting.date
            at = first_word_at(ws, phrase.end)
            if at >= len(ws) or ws[at].text.lower() not in {"and", ","}:
                return
            at += 1

    def _excerpts(self, found: list[Found], sentence: Span, speaker: Entity) -> None:
        """``Excerpts from the news conference:``, ``The remarks came at a rally`` after a
        speaker's words: they and what follows were said on that occasion."""
        channel = channel_in(self.page.body, [sentence])
        if channel not in SCENES:
            return
        day = date_in(self.page.body, [sentence], self.page.published)
        self._back_reference(found, sentence, channel, day)
        scene = self.current(speaker)
        if scene.channel is not None and scene.channel != channel:
            scene = self.new(speaker)
        scene.channel, scene.since, scene.date = channel, sentence.start, scene.date or day

    def _back_reference(
        self, found: list[Found], sentence: Span, channel: str, day: str | None
    ) -> None:
        """``X made this known in a statement``: what was reported just before (in this
        paragraph or the one above) was said on that occasion."""
        starts = [p.start for p in self.page.paras]
        here = paragraph_of(starts, sentence.start)
        for item in reversed(found):
            if item.start >= sentence.start:
                continue
            if here - paragraph_of(starts, item.start) > 1:
                break
            item.channel = item.channel or channel
            item.date = item.date or day

    def citing_scene(self, sentence: Span, ws: list[Word]) -> None:
        """``X, citing a conversation between two residents``: the residents spoke on that
        occasion, relayed by X."""
        if "citing" not in self.page.body[sentence.start : sentence.end].lower():
            return  # most sentences cite nothing: spare the search for relays
        for relay in relays_in(self.page.body, sentence, ws):
            at = first_word_at(ws, relay.phrase.end)
            if at + 2 >= len(ws) or ws[at + 1].text.lower() != "citing":
                continue
            for k in range(at + 2, min(len(ws), at + 8)):
                if ws[k].text.lower() in CITED_SPEAKER_LINKS:
                    speaker = phrase_after(ws, k + 1)
                    entity = self.entity(speaker) if speaker is not None else None
                    if entity is not None:
                        channel = channel_in(self.page.body, [Span(ws[at + 2].start, ws[k].start)])
                        scene = self.current(entity)
                        scene.channel, scene.via, scene.since = channel, [relay], sentence.start
                    break

    def carry_occasions(self, found: list[Found]) -> None:
        """Each statement without a channel, relay or date of its own takes its speaker's
        occasion: the one set last before it, or for a lede the one it sums up."""
        starts = [p.start for p in self.page.paras]
        first = lede_index(self.page)
        for item in found:
            scene = scene_at(self.by_entity.get(id(item.entity), []), item.start)
            if scene is None:
                continue
            if scene.channel is None:
                carry_relay(item, scene)
                continue
            # a lede sums up what the speaker says on the occasion described below it
            lede = item.kind == "indirect" and (
                paragraph_of(starts, item.start) < first + LEDE_DATE_PARAGRAPHS
            )
            if item.channel is None and (item.start >= scene.since or lede):
                item.channel = scene.channel
                if not item.via:
                    item.via = list(scene.via)
            if (
                item.date is None
                and item.start >= scene.since
                and item.channel == scene.channel
                and not later(self.page, item)
            ):
                item.date = scene.date

    def carry_back(self, found: list[Found]) -> None:
        """``Jo Roe repeated her call for an inquiry.`` followed, in the next paragraph, by
        her quotation ``..., Roe told reporters``: the summary sums up what she said on the
        occasion the quotation sets."""
        starts = [p.start for p in self.page.paras]
        spoken = [i for i in found if i.entity is not None]
        for before, item in pairwise(spoken):
            if (
                before.entity is item.entity
                and before.kind == "indirect"
                and before.channel is None
                and not before.via
                and before.nested_in is None
                and item.channel in SCENES
                and item.subject is not None
                and document_channel(item) is None  # the speaker named, not "a statement"
                and paragraph_of(starts, item.start) - paragraph_of(starts, before.start) == 1
                and any(s.since == item.start for s in self.by_entity.get(id(item.entity), []))
            ):
                before.channel, before.via = item.channel, list(item.via)


def debate_setting(page: Page, found: list[Found], item: Found) -> Found | None:
    """``Councillor Jo Roe argued for the new bus lane`` just after another speaker's words
    at the board's meeting: taking a side in a debate is said in that setting."""
    if (item.cue or "").lower() not in DEBATE_CUES:
        return None
    starts = [p.start for p in page.paras]
    here = paragraph_of(starts, item.start)
    for other in reversed(found[-LOOK_BACK:]):
        if here - paragraph_of(starts, other.start) > _DEBATE_REACH:
            break
        if other.entity is not item.entity and other.channel == "speech":
            return other
    return None


def pluperfect(body: str, item: Found) -> bool:
    """Whether a statement's cue tells of an earlier occasion (``had told``)."""
    if not item.cue:
        return False
    verb = re.escape(item.cue.split()[0])
    window = body[item.position : item.position + _PLUPERFECT_REACH]
    return re.search(rf"\bhad\s(?:\w+\s)?{verb}\b", window, re.IGNORECASE) is not None


def own_voice(body: str, quotes: list[Quote]) -> bool:
    """Whether the issuer announces in its own voice (``The Directors are pleased to
    announce that ...``) outside quotation marks."""
    return any(inside(quotes, m.start()) is None for m in _OWN_RELEASE.finditer(body))


def own_release(found: list[Found], announced: bool) -> None:
    """A page in which the issuer ``announced`` in its own voice (see :func:`own_voice`)
    is its release: what is said in it without another occasion is said in that
    statement."""
    if not announced:
        return
    for item in found:
        if item.entity is not None and item.channel is None and not item.via:
            item.channel = "statement"


def scene_at(scenes: list[Scene], start: int) -> Scene | None:
    """The occasion set last before ``start``; the first one for what comes before it
    (a lede sums up the occasion described below it)."""
    chosen = scenes[0] if scenes else None
    for scene in scenes[1:]:
        if scene.since <= start:
            chosen = scene
    return chosen


def document_channel(item: Found) -> str | None:
    """The channel a document named as the subject stands for (``a statement said``)."""
    if item.subject is None or item.subject.kind == "pronoun":
        return None
    head = item.subject.text.split()[-1].strip(".,")
    return NOUN_CHANNELS.get(head) if head.islower() else None  # not "The Valley Post"
