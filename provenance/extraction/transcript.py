"""Interview transcripts: question-and-answer turns marked by a label at a paragraph start.

Two conventions of English news are recognised:

* ``Q:`` / ``A:`` (or ``Question:`` / ``Answer:``) turns: the answers are the words of the
  interviewee, the questions are the interviewer's and are not statements;
* turns labelled with the speakers' names (``Jane Doe: ...``, ``**DOE:** ...``): two
  labels that alternate, each used at least twice; the one whose turns are mostly
  questions is the interviewer.

A stage direction at the start of an answer (``(laughs)``, ``[pause]``) is not part of
what was said.
"""

import re
from itertools import pairwise
from typing import NamedTuple

from provenance.extraction.lexicon.layout import ANSWER_LABELS, QUESTION_LABELS
from provenance.extraction.text import Span

_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<label>[A-Z][\w’'.-]{0,30}(?: [A-Z][\w’'.-]{0,30}){0,2})"
    r"(?:\*\*|__)?\s?(?P<colon>[:：])(?:\*\*|__)?[ \t]+"
)
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


def transcript_turns(text: str, paras: list[Span]) -> dict[int, Turn]:
    """The turns of the transcript in ``text``, by paragraph index; empty when none."""
    labelled: list[tuple[int, str, Span, Span]] = []
    for index, para in enumerate(paras):
        match = _LABEL.match(text, para.start, min(para.end, para.start + 80))
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
    if qa and not any(t.question for t in qa.values()):
        return _unlabelled_turns(text, paras, qa)
    if qa:
        return qa
    return _named_turns(text, labelled)


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
