"""Attribution: quotations and reported speech with speakers, channels, chains and dates.

The body is read paragraph by paragraph and sentence by sentence, in order, so that
short references (``he``, ``the minister``) resolve to what the reader has seen so
far. This module keeps that reading order and the state shared while reading; each
concern lives in a module of its own. Quotation spans come from :mod:`quotes` and their
cues from :mod:`direct`; reported speech from :mod:`reported`; a sentence's subject from
:mod:`subjects` and speakers are resolved by :mod:`coref`; transcript turns by
:mod:`turns`; channels by :mod:`channels` and occasions carried by :mod:`scenes`; relays
by :mod:`chains`; dates by :mod:`dates` and :mod:`statement_dates`; the result by
:mod:`assembly`.
"""

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from provenance.domain import ExtractionFailure, ParsedDocument
from provenance.extraction.assembly import Attribution, assemble
from provenance.extraction.chains import (
    add_closing,
    cited_sources,
    closing_relays,
    content_subject_speaks,
    entity_relay,
    interviewer,
    named_relays,
    nest,
    outlet_reports,
    relays_another,
    speech_in_quotes,
    story_relay,
)
from provenance.extraction.channels import Relay, by_after, channel_in, document_head, relays_in
from provenance.extraction.coref import Entity, Resolver
from provenance.extraction.cues import Lexicon, lexicon_for
from provenance.extraction.dates import Published, announced_now, read_published
from provenance.extraction.direct import QuoteCue, colon_intro, cue_for
from provenance.extraction.found import (
    FRAME_REACH,
    LOOK_BACK,
    Found,
    Page,
    clause_statement,
    minus,
    sentence_end,
)
from provenance.extraction.house_style import NO_HOUSE_STYLE, HouseStyle
from provenance.extraction.lexicon.channels import NOUN_CHANNELS, SCENES
from provenance.extraction.lexicon.function import QUANTIFIERS
from provenance.extraction.limits import (
    CORE,
    MAX_PER_SENTENCE,
    MAX_STATEMENTS,
    Budget,
    capped_via,
)
from provenance.extraction.memo import reading
from provenance.extraction.quotes import Quote, find_quotes, inside
from provenance.extraction.reported import MAX_CONTENT, reported
from provenance.extraction.scenes import (
    Scenes,
    debate_setting,
    document_channel,
    own_release,
    own_voice,
    pluperfect,
)
from provenance.extraction.speakers import Phrase, name_registry
from provenance.extraction.statement_dates import (
    carry_dates,
    date_by_afterwards,
    date_by_deeds,
    date_lede,
    date_live_entries,
    date_quoted_today,
    date_release,
    note_deed,
    own_date,
)
from provenance.extraction.subjects import said_contents, speaker_words, subject_phrase
from provenance.extraction.text import Span, Word, first_word_at, paragraphs, words
from provenance.extraction.transcript import Turn, transcript_turns
from provenance.extraction.turns import (
    answer_statements,
    find_interviewee,
    interview_channel,
    question_statements,
)

_MIN_STANDALONE_WORDS = 6
"""A quotation alone in its paragraph continues the last speaker from this many words."""


def attribute(
    parsed: ParsedDocument,
    cues: Mapping[str, Sequence[str]] | None = None,
    timeout: float | None = None,
    failures: list[ExtractionFailure] | None = None,
    house: HouseStyle = NO_HOUSE_STYLE,
) -> Attribution:
    """Statements, speakers and sources of a parsed document's body; ``cues`` adds an
    outlet's own reporting verbs to the core's (see ``provenance.extraction.cues``),
    ``house`` its phrases and names (see ``provenance.extraction.house_style``).

    Reading stops after ``timeout`` seconds or ``MAX_STATEMENTS`` statements, keeping what
    it found; a failure appended to ``failures`` says where it stopped and why.
    """
    with reading():
        reader = _Reader(
            parsed.body, read_published(parsed.published), parsed.title, lexicon_for(cues)
        )
        reader.publisher = parsed.publisher
        reader.house = house
        reader.read(Budget(timeout))
        if reader.cut_short is not None and failures is not None:
            failures.append(ExtractionFailure(plugin=CORE, error=reader.cut_short))
        return reader.result()


class _Reader:
    """Reads one body in order, holding what has been found and who has spoken so far."""

    def __init__(
        self, body: str, published: Published | None, title: str | None, cues: Lexicon
    ) -> None:
        self.body = body
        self.cues = cues
        """The reporting cues in force: the core's and the outlet's own."""
        self.title = title or ""
        self.published = published
        self.resolver = Resolver(name_registry(body))
        self.found: list[Found] = []
        self._deeds: dict[int, tuple[int, int, str]] = {}
        """Per speaker, the last deed dated in a sentence of its own: (from, to, date)."""
        self.paras = paragraphs(body)
        self.page = Page(body, self.paras, published)
        self.scenes = Scenes(self.page, self.resolver, self._entity)
        self.scan = find_quotes(body, self.paras)
        self._openings: list[int] = []
        self.turns = transcript_turns(body, self.paras)
        self._interviewee: Entity | None = None
        self._content_subject: Phrase | None = None
        self.publisher: str | None = None
        """The outlet publishing the page: never a relay of its own story."""
        self.house = NO_HOUSE_STYLE
        self._phrase_cues: dict[int, QuoteCue] = {}
        """The quotations the house style's phrases cue in this sentence, by opening mark."""
        self._closings: list[tuple[int, Relay]] = []
        """Outlets closing a sentence (``..., an official said, Nordpress reports.``)."""
        self.budget = Budget(None)
        self.cut_short: str | None = None
        """Why and where reading stopped before the end of the body, if it did."""

    # --- reading ------------------------------------------------------------------------

    def read(self, budget: Budget) -> None:
        """Read every paragraph (or transcript turn) in order, then what needs the whole;
        stop early when ``budget`` or ``MAX_STATEMENTS`` runs out."""
        self.budget = budget
        by_para: dict[int, list[Quote]] = {}
        for quote in self.scan.quotes:
            by_para.setdefault(quote.paragraph, []).append(quote)
        previous: list[Found] = []
        for index, para in enumerate(self.paras):
            if self._stopped(para.start):
                break
            turn = self.turns.get(index)
            if turn is None:
                previous = self._paragraph(para, by_para.get(index, []), previous)
            else:
                previous = self._turn(turn, by_para.get(index, []), previous)
        if self.budget.spent():
            return  # out of time: what was found stands without the whole-body passes
        interview_channel(self.page, self.turns, self._interviewee, self.found)
        self._continue_quotes()
        self.found.extend(
            speech_in_quotes(self.body, self.scan, self.cues, self._entity, self.found)
        )
        if self.cut_short is None and len(self.found) > MAX_STATEMENTS:
            self.cut_short = f"extraction cut short: over {MAX_STATEMENTS} statements found"
        self._carry_scenes()

    def _stopped(self, offset: int) -> bool:
        """Whether reading must stop before ``offset``; the first time, say why."""
        if self.cut_short is not None:
            return True
        if self.budget.spent():
            reason = f"its {self.budget.seconds:g} s budget ran out"
        elif len(self.found) >= MAX_STATEMENTS:
            reason = f"{MAX_STATEMENTS} statements reached"
        else:
            return False
        self.cut_short = (
            f"extraction cut short: {reason} at character {offset} of {len(self.body)}"
            " of the body; what follows was not read"
        )
        return True

    def _paragraph(self, para: Span, quotes: list[Quote], previous: list[Found]) -> list[Found]:
        ws = words(self.body, para.start, para.end)
        self._openings = [q.opened for q in quotes]
        items: list[Found] = []
        for sentence in self.page.sentences(para):
            if self._stopped(sentence.start):
                break
            items.extend(self._sentence(sentence, ws, quotes, items, previous))
        return [item for item in items if item.quote is not None] or previous[-1:]

    # --- interview transcripts -------------------------------------------------------------

    def _turn(self, turn: Turn, quotes: list[Quote], previous: list[Found]) -> list[Found]:
        """A transcript turn: an answer is one direct statement of the interviewee, and
        quotations within it are relayed by them; a question says nothing itself, except
        what it reports the interviewee to have said (``You've said ...``)."""
        speaker = self._answerer(turn)
        mark = len(self.found)
        self.resolver.addressee = speaker if turn.question else None
        result = self._paragraph(Span(turn.content.start, turn.content.end), quotes, previous)
        self.resolver.addressee = None
        inner, self.found = self.found[mark:], self.found[:mark]
        if turn.question:
            self.found += question_statements(inner, speaker)
        elif speaker is None:
            self.found.extend(inner)
        else:
            self.found += answer_statements(
                self.page, self.turns, self.resolver, turn, speaker, inner
            )
        return result

    def _answerer(self, turn: Turn) -> Entity | None:
        if turn.speaker is not None:
            label = self.body[turn.speaker.start : turn.speaker.end]
            self._interviewee = self._entity(
                Phrase(label, turn.speaker.start, turn.speaker.end, "person")
            )
        elif self._interviewee is None:
            self._interviewee = find_interviewee(self.page, self.resolver, self.title, turn)
        return self._interviewee

    def _sentence(
        self,
        sentence: Span,
        para_ws: list[Word],
        quotes: list[Quote],
        earlier: list[Found],
        previous: list[Found],
    ) -> list[Found]:
        ws = para_ws[first_word_at(para_ws, sentence.start) : first_word_at(para_ws, sentence.end)]
        in_quote = inside(self.scan.quotes, sentence.start) is not None
        heading = _heading(self.body, sentence)
        clauses = [] if heading else reported(self.body, sentence, self.scan.quotes, self.cues)
        self._phrase_cues = {}
        if not heading:
            phrased, self._phrase_cues = self.house.read(self.body, sentence, ws, self.scan.quotes)
            clauses += phrased
        said = said_contents(clauses)
        subject_entity = None if in_quote else self._sentence_subject(ws, said)
        items = [clause_statement(self.body, c, sentence) for c in clauses]
        for item, clause in zip(items, clauses, strict=True):
            if clause.nested_in is not None:
                item.nested_in = items[clause.nested_in]
        items, closing = closing_relays(self.body, items, sentence)
        first = bisect_left(self._openings, sentence.start)
        for k in range(first, 0 if heading else len(quotes)):
            if quotes[k].opened >= sentence.end:
                break
            item = self._from_quote(k, sentence, para_ws, quotes, items, earlier, previous)
            if item is not None:
                items.append(item)
        items.sort(key=lambda f: f.position)
        del items[MAX_PER_SENTENCE:]
        self._resolve(items, subject_entity, ws)
        self._document_authors(items, ws)
        cited_sources(self.body, self._entity, items, ws)
        content_subject_speaks(self.body, self._entity, items, ws)
        nest(items, self.cues)
        self._mention_content_subject(items)
        self._frame_details(sentence, ws, items)
        date_by_deeds(self.page, self._deeds, items)
        add_closing(items, closing)
        self._closings += [(sentence.start, r) for r in closing if relays_another(items, r)]
        self.scenes.sentence_scene(self.found, sentence, ws, subject_entity, items)
        note_deed(self.page, self._deeds, sentence, subject_entity, items)
        self.scenes.exchange_scene(sentence, ws, subject_entity)
        self.scenes.possessive_scene(sentence, items)
        self.scenes.citing_scene(sentence, ws)
        self.found.extend(i for i in items if i.entity is not None or _pending(i))
        return items

    def _mention_content_subject(self, items: list[Found]) -> None:
        """The subject inside what a statement says is known from here on, ranked below
        the sentence's speakers (``Valland backs the talks, it added``: ``it`` next time is
        still the speaker)."""
        phrase, self._content_subject = self._content_subject, None
        mentioned = self._entity(phrase) if phrase is not None else None
        speakers = [i.entity for i in items if i.entity is not None]
        if mentioned is not None and speakers:
            self.resolver.demote(mentioned, speakers)

    def _sentence_subject(self, ws: list[Word], contents: list[Span]) -> Entity | None:
        """The entity of the subject opening a sentence; one inside what a statement says
        is kept to be mentioned after the sentence's speakers."""
        phrase, in_content = subject_phrase(self.body, ws, contents)
        if in_content is not None:
            self._content_subject = in_content  # resolved after the sentence's speakers
        return self._entity(phrase) if phrase is not None else None

    def _entity(self, phrase: Phrase) -> Entity | None:
        phrase, own = speaker_words(self.body, phrase)
        return self.resolver.resolve(phrase, own, NOUN_CHANNELS)

    def _from_quote(
        self,
        k: int,
        sentence: Span,
        para_ws: list[Word],
        quotes: list[Quote],
        clauses: list[Found],
        earlier: list[Found],
        previous: list[Found],
    ) -> Found | None:
        quote = quotes[k]
        lo_offset = max(
            sentence.start, quotes[k - 1].closed + 1 if k and quotes[k - 1].closed else 0
        )
        hi_offset = quotes[k + 1].opened if k + 1 < len(quotes) else len(self.body)
        lo = first_word_at(para_ws, lo_offset)
        hi = first_word_at(para_ws, hi_offset)
        cue = self._phrase_cues.get(quote.opened) or cue_for(
            self.body, quote, para_ws, lo, hi, self.cues
        )
        intro = None if cue is not None else self._colon_intro(quote)
        cue = cue or intro
        end_of_frame = quote.closed + 1 if quote.closed is not None else quote.end
        after_sentence = sentence_end(self.body, end_of_frame, hi_offset)
        frame = [Span(sentence.start, quote.opened), Span(end_of_frame, after_sentence)]
        if intro is not None:
            frame.append(self.page.sentences(self.paras[quote.paragraph - 1])[-1])
        item = Found(quote.start, quote.end, "direct", None, quote.start, None, frame, quote=quote)
        if cue is not None:
            item.cue, item.subject, item.inherits = cue.cue, cue.subject, cue.subject is None
            item.position = cue.subject.start if cue.subject else cue.cue_start
            return item
        host = next((c for c in clauses if c.start <= quote.opened < c.end), None)
        words_in = len(self.body[quote.start : quote.end].split())
        if host is not None:
            return self._within_report(item, host)
        before = [e for e in earlier[-LOOK_BACK:] if e.entity is not None]
        if (
            before
            and before[-1].quote is not None
            and quote.paragraph == before[-1].quote.paragraph
        ):
            return self._continued(item, before[-1])
        if before and quote.opened == sentence.start and words_in >= _MIN_STANDALONE_WORDS:
            return self._continued(item, before[-1])
        if previous and previous[-1].quote is not None and previous[-1].quote.continues:
            return self._continued(item, previous[-1])
        if quote.continues:
            # its speaker comes with the quotation's last paragraph, else it is the last one
            last = self.resolver.last_speaker()
            if last is not None and quote.opened == self.paras[quote.paragraph].start:
                item.entity, item.cue, item.provisional = last, self._last_cue(last), True
            return item
        if quote.opened == self.paras[quote.paragraph].start and words_in >= _MIN_STANDALONE_WORDS:
            last = self.resolver.last_speaker()
            if last is not None:
                item.entity = last
                item.cue = self._last_cue(last)
                return item
        return None

    def _colon_intro(self, quote: Quote) -> QuoteCue | None:
        """``Jo Roe said:`` closing the paragraph above one that opens with the quotation."""
        if quote.paragraph == 0 or quote.opened != self.paras[quote.paragraph].start:
            return None
        above = self.page.sentences(self.paras[quote.paragraph - 1])
        return colon_intro(self.body, above[-1], self.cues) if above else None

    def _within_report(self, item: Found, host: Found) -> Found | None:
        """A quotation inside reported content is a statement of its own besides the
        reported clause (FORMAT.md Convention 2): same speaker, cue and frame. A clause
        that is little more than the quotation gives way to it (see :func:`_dedupe`)."""
        item.cue, item.position = host.cue, host.position + 1
        item.subject, item.inherits = host.subject, host.subject is None
        item.frame = host.frame
        item.nested_in = host.nested_in
        return item

    def _continued(self, item: Found, before: Found) -> Found:
        item.entity, item.cue, item.provisional = before.entity, before.cue, before.provisional
        item.channel, item.via = before.channel, list(before.via)
        item.date = before.date
        return item

    def _last_cue(self, entity: Entity) -> str | None:
        for item in reversed(self.found[-LOOK_BACK:]):
            if item.entity is entity:
                return item.cue
        return None

    def _resolve(self, items: list[Found], subject_entity: Entity | None, ws: list[Word]) -> None:
        """Give each statement its speaker, in the order the reader meets them."""
        last: Entity | None = None
        for item in items:
            if item.entity is not None:
                last = item.entity
            elif item.subject is not None:
                if item.subject.text.split()[0].lower() in QUANTIFIERS:
                    continue
                item.entity = self._entity(item.subject)
                last = item.entity or last
            elif item.inherits:
                item.entity = last or subject_entity
            if item.entity is not None:
                item.entity.statements += 1
                self.resolver.touch(item.entity)

    # --- channels, relays, dates ----------------------------------------------------------

    def _frame_details(self, sentence: Span, ws: list[Word], items: list[Found]) -> None:
        """Each statement's channel, date and relays from its frame near the cue; a setting
        it names becomes its speaker's occasion."""
        contents = sorted(Span(i.start, i.end) for i in items)
        starts = [c.start for c in contents]
        for item in items:
            if item.entity is None:
                continue
            window = Span(item.position - FRAME_REACH, item.position + FRAME_REACH)
            near = contents[
                bisect_left(starts, window.start - MAX_CONTENT) : bisect_left(starts, window.end)
            ]
            spans = minus(item.frame, [Span(0, window.start), Span(window.end, len(self.body))])
            frame = minus(spans, near)
            relays = [relay for span in spans for relay in relays_in(self.body, span)]
            item.channel = item.channel or document_channel(item) or channel_in(self.body, frame)
            debate = None if item.channel else debate_setting(self.page, self.found, item)
            if debate is not None:
                item.channel, item.date = debate.channel, item.date or debate.date
            item.date = (
                item.date
                or own_date(self.page, item, frame)
                or announced_now(self.body, item.cue, item.start, item.end, self.published)
            )
            own = [r for r in relays if _within(r.start, frame) and not _same(r, item)]
            own = named_relays(own, self.scenes.current(item.entity).via)
            if item.channel is None and any(interviewer(r, self.resolver.entities) for r in own):
                item.channel = "interview"  # "told Reuters", "confirmed to the newspaper"
            if item.nested_in is not None and item.nested_in.entity is not None:
                outer = item.nested_in
                item.via = capped_via([entity_relay(outer.entity), *outer.via])
            elif own and not item.via:
                item.via = own
            scene = self.scenes.current(item.entity)
            if item.via and not scene.via and item.channel == scene.channel:
                scene.via = list(item.via)
                if scene.channel is None:
                    scene.since = item.start
            if item.channel in SCENES and pluperfect(self.body, item):
                # "had told parliament": an earlier occasion, which ends the present one
                self.scenes.new(item.entity).since = item.start
                continue
            if item.channel in SCENES and scene.channel != item.channel:
                if scene.channel is not None:
                    scene = self.scenes.new(item.entity)  # another setting: "In an interview, ..."
                scene.channel, scene.since = item.channel, item.start
                scene.via = list(item.via)
                scene.date = item.date
                item.entity.channel = item.channel

    def _document_authors(self, items: list[Found], ws: list[Word]) -> None:
        """``according to a report published on Thursday by X``: X speaks through it, and
        ``the report says`` later refers to X."""
        for item in items:
            head = document_head(item.subject)
            if item.subject is None or head is None:
                continue
            by = by_after(self.body, ws, item.subject.end)
            entity = self._entity(by[0]) if by is not None else None
            if entity is None or by is None:
                continue
            if not by[1]:
                self.scenes.reader_scene(entity, by[0])
                continue
            channel = NOUN_CHANNELS[head]
            if item.entity is not None:
                item.entity.statements -= 1
            item.entity, item.channel = entity, item.channel or channel
            entity.channel = entity.channel or channel
            entity.statements += 1
            self.resolver.touch(entity)

    def _continue_quotes(self) -> None:
        """A quotation running over paragraphs takes the speaker found at its end."""
        for n in range(len(self.found) - 2, -1, -1):
            item, nxt = self.found[n], self.found[n + 1]
            if (_pending(item) or item.provisional) and nxt.quote is not None:
                if nxt.entity is None or nxt.provisional or nxt.entity is item.entity:
                    continue
                item.entity, item.cue, item.provisional = nxt.entity, nxt.cue, False
                item.entity.statements += 1

    def _carry_scenes(self) -> None:
        """Once the body is read: occasions, relays and dates carried to the statements
        that give none of their own."""
        self.scenes.carry_occasions(self.found)
        self.scenes.carry_back(self.found)
        announced = own_voice(self.body, self.scan.quotes)
        date_release(self.page, self.found, announced)
        date_lede(self.page, self.found, self.turns)
        outlet_reports(self.page, self.found)
        story_relay(self.page, self.found, self._closings)
        own_release(self.found, announced)
        date_quoted_today(self.page, self.found)
        date_by_afterwards(self.page, self.found)
        date_live_entries(self.page, self.found)
        carry_dates(self.page, self.found)

    # --- output ---------------------------------------------------------------------------

    def result(self) -> Attribution:
        """What was found, assembled (see :mod:`assembly`)."""
        self.house.drop_self_relays(self.found)
        return assemble(
            self.found, self.resolver.entities, self.body, self.scan.quotes, self.publisher
        )


def _pending(item: Found) -> bool:
    """A quotation that goes on in the next paragraph and has no speaker yet."""
    return item.entity is None and item.quote is not None and item.quote.continues


def _heading(text: str, sentence: Span) -> bool:
    """A headline or subheading: short, and not ended like a sentence."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].rstrip()
    return not line.endswith((".", "!", "?", "…", "”", '"', "’", ")", ":", ";")) and (
        len(line.split()) < 20
    )


def _within(pos: int, spans: list[Span]) -> bool:
    """Whether ``pos`` falls inside one of ``spans``."""
    return any(s.start <= pos < s.end for s in spans)


def _same(relay: Relay, item: Found) -> bool:
    """Whether a relay is the statement's own subject (not someone it was told to)."""
    return item.subject is not None and item.subject.start <= relay.start < item.subject.end
