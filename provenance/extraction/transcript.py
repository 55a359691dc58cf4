"""Interview transcripts: question-and-answer turns marked by a label at a paragraph start.

Two conventions of English news are recognised:

* ``Q:`` / ``A:`` (or ``Q.`` / ``A.``, ``Question:`` / ``Answer:``) turns: the answers
  are the words of the interviewee, the questions are the interviewer's and are not statements;
* turns labelled with the speakers' names (``Jane Doe: ...``, ``**DOE:** ...``): two
  labels that alternate, each used at least twice; the one whose turns are mostly
  questions is the interviewer.

Pages that print answers without quotation marks under a heading are read the same way:

* a speaker heading alone on its line (``Jo Roe (Head Coach, Valley FC)``, ``JO ROE:``)
  over paragraphs in the first person: each paragraph is that speaker's statement;
* topic headings ending with a colon (``On the second half:``) over first-person
  paragraphs, as a press session's highlights print them: the answers of the person the
  page is about.

Either needs two headings on the page. A stage direction at the start of an answer
(``(laughs)``, ``[pause]``) is not part of what was said.
"""

import re
from itertools import pairwise
from typing import NamedTuple

from provenance.extraction.lexicon.function import ADDRESSED_WORDS, FIRST_PERSON_WORDS
from provenance.extraction.lexicon.layout import ANSWER_LABELS, FURNITURE_LABELS, QUESTION_LABELS
from provenance.extraction.text import Span

_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<label>[A-Z][\w’'.-]{0,30}(?: [A-Z][\w’'.-]{0,30}){0,2})"
    r"(?:\*\*|__)?\s?(?P<colon>[:：])(?:\*\*|__)?[ \t]+"
)
_DOT_LABEL = re.compile(r"(?P<label>[QA])(?P<colon>\.)[ \t]+")
"""``Q. ...`` / ``A. ...``: the labels of a press-conference transcript."""
_STAGE = re.compile(r"[(\[][a-z][^()\[\]\n]{0,40}[)\]][ \t]*")
_MIN_NAMED_TURNS = 2


class Turn(NamedTuple):
    """One labelled turn of a transcript."""

    paragraph: int
    label: str
    """The label as written with its colon (``"A:"``): the cue of an answer."""
    question: bool
    content: Span
    """The turn's words, after the label and any stage direction."""
    speaker: Span | None = None
    """Where the answering speaker's name is written (named transcripts only)."""
    setting: str | None = "interview"
    """The channel of the answers when the page names none: an interview for a Q-and-A,
    unknown for answers printed under headings."""
    heading: int | None = None
    """The paragraph of the heading above the answer, for answers under headings."""


def transcript_turns(text: str, paras: list[Span]) -> dict[int, Turn]:
    """The turns of the transcript in ``text``, by paragraph index; empty when none."""
    labelled: list[tuple[int, str, Span, Span]] = []
    for index, para in enumerate(paras):
        match = _LABEL.match(text, para.start, min(para.end, para.start + 80)) or (
            _DOT_LABEL.match(text, para.start, min(para.end, para.start + 80))
        )
        if match is None or match.end() >= para.end:
            continue
        start = match.end()
        stage = _STAGE.match(text, start, para.end)
        if stage is not None and stage.end() < para.end:
            start = stage.end()
        label = Span(match.start("label"), match.end("label"))
        labelled.append(
            (index, text[label.start : match.end("colon")], label, Span(start, para.end))
        )
    qa = _qa_turns(text, labelled)
    questions = sum(t.question for t in qa.values())
    if qa and not questions:
        return _unlabelled_turns(text, paras, qa)
    if qa and questions == 1:
        # labels on the first pair only, the rest of the interview unlabelled
        return _unlabelled_turns(text, paras, qa) or qa
    if qa:
        return qa
    return _named_turns(text, labelled) or heading_turns(text, paras)


def _qa_turns(text: str, labelled: list[tuple[int, str, Span, Span]]) -> dict[int, Turn]:
    turns: dict[int, Turn] = {}
    answers = 0
    answers_after_question = 0
    last_question = False
    for index, written, label, content in labelled:
        low = text[label.start : label.end].lower().rstrip(".")
        if low in QUESTION_LABELS:
            turns[index] = Turn(index, written, True, content)
            last_question = True
        elif low in ANSWER_LABELS:
            turns[index] = Turn(index, written, False, content)
            answers += 1
            answers_after_question += last_question
            last_question = False
    # "A:" first, its question above the body (taken as the headline), then the rest
    # unlabelled: still a transcript when questions follow
    questions = sum(t.question for t in turns.values())
    return turns if answers_after_question or (answers and not questions) else {}


def _unlabelled_turns(text: str, paras: list[Span], turns: dict[int, Turn]) -> dict[int, Turn]:
    """A Q-and-A whose first question stands above the body (``A:`` opens it) often goes
    on without labels: a paragraph that asks is a question, the paragraphs after it its
    answer, until the page's furniture (a credit in brackets, a list, a heading)."""
    last = max(turns)
    answer_label = next((t.label for t in turns.values() if not t.question), "A:")
    question_open = turns[last].question
    found = dict(turns)
    asked = 0
    for index in range(last + 1, len(paras)):
        para = paras[index]
        words_in = text[para.start : para.end].split()
        if not words_in or _furniture(text, para, len(words_in)):
            break
        asks = text[para.start : para.end].rstrip().endswith("?")
        if asks and len(words_in) <= _MAX_QUESTION_WORDS:
            found[index] = Turn(index, "", True, para)
            question_open, asked = True, asked + 1
        elif question_open or found.get(index - 1) is not None:
            found[index] = Turn(index, answer_label, False, para)
            question_open = False
        else:
            break
    return found if asked else {}  # a lone "A:" with no question is not a transcript


_MAX_QUESTION_WORDS = 60
_MIN_PROSE_WORDS = 6


def _furniture(text: str, para: Span, words_in: int) -> bool:
    """A credit line in brackets, a list item or a short heading: not a turn."""
    first = text[para.start]
    line = text[para.start : para.end].rstrip()
    if first in "([-•*–—|" or line.endswith(")"):
        return True
    return words_in < _MIN_PROSE_WORDS and not line.endswith((".", "?", "!", "”", '"'))


def _named_turns(text: str, labelled: list[tuple[int, str, Span, Span]]) -> dict[int, Turn]:
    counts: dict[str, int] = {}
    for _, _, label, _ in labelled:
        key = text[label.start : label.end].lower()
        counts[key] = counts.get(key, 0) + 1
    names = [key for key, n in counts.items() if n >= _MIN_NAMED_TURNS]
    if len(names) != 2:
        return {}
    turns = [t for t in labelled if text[t[2].start : t[2].end].lower() in names]
    keys = [text[label.start : label.end].lower() for _, _, label, _ in turns]
    if any(a == b for a, b in pairwise(keys)):
        return {}  # the labels must alternate
    asking = {
        key: sum(
            text[content.start : content.end].rstrip().endswith("?")
            for (_, _, _, content), k in zip(turns, keys, strict=True)
            if k == key
        )
        / counts[key]
        for key in names
    }
    interviewer = max(names, key=lambda key: (asking[key], key))
    if asking[interviewer] < 0.5 or asking[interviewer] == min(asking.values()):
        return {}
    return {
        index: Turn(
            index,
            written,
            key == interviewer,
            content,
            None if key == interviewer else label,
        )
        for (index, written, label, content), key in zip(turns, keys, strict=True)
    }


_SPEAKER_HEADING = re.compile(
    r"(?P<name>[A-Z][\w’'.-]{0,30}(?: [A-Z][\w’'.-]{0,30}){1,3})[ \t]*"
    r"(?:\((?P<role>[^()\n]{2,80})\)|[:：])[ \t]*$"
)
_SPEAKER_LEAD = re.compile(
    r"(?P<name>[A-Z][\w’'.-]{0,30}(?: [A-Z][\w’'.-]{0,30}){1,3})[ \t]*"
    r"\([^()\n]{2,80}\)[ \t]*[:：–—-][ \t]+"
)
"""A speaker and role leading an answer on its own line (``Jo Roe (Coach, Valley FC): ...``)."""
_TOPIC_HEADING = re.compile(r"[^\n.!?:“”\"]{3,90}:[ \t]*$")
_MAX_TOPIC_WORDS = 12
_MIN_HEADINGS = 2


def heading_turns(text: str, paras: list[Span]) -> dict[int, Turn]:
    """Answers printed without quotation marks under speaker, topic or question headings."""
    for kind in ("speaker", "topic", "question"):
        found: dict[int, Turn] = {}
        heading: tuple[int, Span, Span | None] | None = None
        for index, para in enumerate(paras):
            line = Span(para.start, _trimmed_end(text, para))
            lead = _SPEAKER_LEAD.match(text, line.start, line.end) if kind == "speaker" else None
            if lead is not None and _first_person_prose(text, Span(lead.end(), line.end)):
                # "Jo Roe (Coach, Valley FC): We were poor today."
                name = Span(lead.start("name"), lead.end("name"))
                label = text[line.start : lead.end()].rstrip(":：–—- \t")
                found[index] = Turn(
                    index, label, False, Span(lead.end(), line.end), name, None, index
                )
                heading = None
                continue
            mark = _heading_at(text, line, kind)
            if mark is not None:
                heading = (index, line, mark if kind == "speaker" else None)
                continue
            if heading is None or not _first_person_prose(text, line):
                heading = None
                continue
            at, label, name = heading
            if kind == "question":
                found[at] = Turn(at, "", True, label)
                label = line
            found[index] = Turn(
                index,
                _ANSWERED if kind == "question" else _label(text, label),
                False,
                line,
                name,
                setting="interview" if kind == "question" else None,
                heading=at,
            )
        headings = {turn.heading for turn in found.values() if not turn.question}
        if len(headings) >= _MIN_HEADINGS + (kind == "question"):
            return found
    return {}


_ANSWERED = "answered"
"""The cue of an answer under a question printed without a label."""


def _trimmed_end(text: str, para: Span) -> int:
    end = para.end
    while end > para.start and text[end - 1].isspace():
        end -= 1
    return end


def _heading_at(text: str, line: Span, kind: str) -> Span | None:
    """The heading's name span (speaker headings), or the whole line (topic and question
    headings); None when the paragraph is no heading of that kind."""
    written = text[line.start : line.end]
    if kind == "speaker":
        match = _SPEAKER_HEADING.fullmatch(text, line.start, line.end)
        return Span(match.start("name"), match.end("name")) if match else None
    if kind == "question":
        asked = written.endswith("?") and len(written.split()) <= _MAX_QUESTION_WORDS
        if not asked or written[0] in "“\"‘'":
            return None
        addressed = any(w.strip(",.;:!?").lower() in ADDRESSED_WORDS for w in written.split())
        return line if addressed else None
    match = _TOPIC_HEADING.fullmatch(text, line.start, line.end)
    if match is None or len(written.split()) > _MAX_TOPIC_WORDS:
        return None
    if written[:-1].strip().lower() in FURNITURE_LABELS:
        return None
    return line


def _label(text: str, line: Span) -> str:
    return text[line.start : line.end].rstrip(":： \t")


def _first_person_prose(text: str, line: Span) -> bool:
    """An answer printed without marks: prose, not a quotation, in the first person."""
    words_in = text[line.start : line.end].split()
    if len(words_in) < _MIN_PROSE_WORDS or text[line.start] in "“”„«\"‘'([-•*–—|":
        return False
    label = _LABEL.match(text, line.start, min(line.end, line.start + 80))
    if label is not None and text[label.start("label") : label.end("label")].lower() in (
        FURNITURE_LABELS
    ):
        return False
    if _quoted_share(text, line) > _MAX_QUOTED_SHARE:
        return False  # 'Roe said: "We will ..."': reporting, not an answer
    return any(w.strip(",.;:!?…—–-").lower() in FIRST_PERSON_WORDS for w in words_in)


_QUOTED_RUN = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")
_MAX_QUOTED_SHARE = 0.5


def _quoted_share(text: str, line: Span) -> float:
    """The share of a paragraph's characters inside double quotation marks."""
    inside = sum(len(m.group()) for m in _QUOTED_RUN.finditer(text, line.start, line.end))
    return inside / max(1, line.end - line.start)
