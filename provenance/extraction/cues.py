"""Reporting cues: the verbs and phrases by which English news attributes speech.

A cue is found as written (``"has also expressed"`` is found as ``"expressed"``; the
auxiliaries are picked up by the caller). Each verb belongs to one or more classes
that say what may follow it:

* ``clause``: a content clause, with or without "that" (``said``, ``added``);
* ``that``: a content clause after "that" or a colon (``warned that``), or without "that"
  when a subject and its verb follow at once (``insisted the plan would work``);
* ``object``: a noun phrase that is itself the content (``accused Northland of ...``);
* ``quote``: a quotation as its object (``called the reports "baseless"``);
* ``after``: may follow a quotation with its speaker (``"...," she recalled``);
* ``infinitive``: a to-infinitive that is itself the content (``vowed to fight on``);
* ``message``: an object that names a message is content (``conveyed his condolences
  to ...``, ``sent greetings to ...``), other objects are not (``extended the deadline``);
* ``addressee``: a that-clause after the person addressed (``assured Nigerians that ...``);
* ``directive``: a person and a to-infinitive (``told passengers to travel by air``);
* ``naming``: a quotation in its object is a label, the one statement (``described it as
  "a disaster"``);
* ``pointing``: an object that only points at what was said is content all the same
  (``denied these claims``, ``accused each other of ...``).
"""

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import NamedTuple

from provenance.extraction.text import wordset


class Cue(NamedTuple):
    """One cue found in a text."""

    text: str
    """The cue as written, e.g. ``"called for"``."""
    lemma: str
    start: int
    end: int

    @property
    def participle(self) -> bool:
        """Whether the cue is an -ing form (``saying``), which takes its subject from the clause."""
        return self.text.split()[0].lower().endswith("ing")


def _forms(lemma: str) -> tuple[str, ...]:
    """Regular inflections of a verb: base, -s, -ed, -ing."""
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("ss", "sh", "ch")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "refer": ("refer", "refers", "referred", "referring"),
    "regret": ("regret", "regrets", "regretted", "regretting"),
    "commit": ("commit", "commits", "committed", "committing"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "dub": ("dub", "dubs", "dubbed", "dubbing"),
    "label": ("label", "labels", "labelled", "labeled", "labelling", "labeling"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("posted",),
    "share": ("shared",),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "continue": ("continued",),
    "express": ("express", "expresses", "expressed", "expressing"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "hold": ("held",),
    "find": ("found", "finding"),
    "give": ("gave",),
    "send": ("send", "sends", "sent", "sending"),
    "seek": ("seek", "seeks", "sought", "seeking"),
}

#: Every single-word cue: its lemma and its classes (see the module docstring), one a line.
CUE_TABLE: tuple[tuple[str, str], ...] = (
    ("say", "clause after"),
    ("tell", "clause after addressee directive"),
    ("add", "clause after"),
    ("state", "clause after"),
    ("claim", "clause after"),
    ("write", "clause after"),
    ("tweet", "clause after"),
    ("note", "that after"),
    ("argue", "that after"),
    ("assert", "that after"),
    ("allege", "that"),
    ("warn", "that quote after addressee directive"),
    ("insist", "that after"),
    ("maintain", "that after"),
    ("explain", "that after"),
    ("stress", "that after"),
    ("emphasise", "that after"),
    ("emphasize", "that after"),
    ("reiterate", "that object quote"),
    ("reaffirm", "that object quote"),
    ("confirm", "that after object pointing"),
    ("announce", "that after object"),
    ("declare", "that after"),
    ("suggest", "that"),
    ("observe", "that after"),
    ("remark", "that after"),
    ("acknowledge", "that after"),
    ("admit", "that after"),
    ("disclose", "that"),
    ("reveal", "that"),
    ("report", "that object"),
    ("recall", "that after"),
    ("mention", "that object"),
    ("underline", "that"),
    ("underscore", "that"),
    ("highlight", "that"),
    ("contend", "that"),
    ("complain", "that after"),
    ("predict", "that after"),
    ("promise", "that quote infinitive object"),
    ("vow", "that quote infinitive"),
    ("pledge", "that quote infinitive"),
    ("concede", "that after"),
    ("deny", "that object pointing"),
    ("agree", "that after"),
    ("hint", "that"),
    ("indicate", "that"),
    ("assure", "that addressee object"),
    ("inform", "that addressee"),
    ("estimate", "that"),
    ("testify", "that"),
    ("caution", "that after"),
    ("reply", "that after"),
    ("respond", "that after"),
    ("counter", "that"),
    ("clarify", "that"),
    ("post", "that after"),
    ("share", "that after"),
    ("regret", "that"),
    ("forecast", "that object"),
    ("rule", "that"),
    ("find", "that"),
    ("accuse", "object quote pointing"),
    ("blame", "object pointing"),
    ("thank", "object"),
    ("refute", "object pointing"),
    ("reject", "object quote pointing"),
    ("condemn", "object quote pointing"),
    ("urge", "object quote directive"),
    ("express", "object quote"),
    ("demand", "object"),
    ("criticise", "object quote pointing"),
    ("criticize", "object quote pointing"),
    ("denounce", "object quote pointing"),
    ("call", "quote naming"),
    ("describe", "quote object naming"),
    ("term", "quote naming"),
    ("dub", "quote naming"),
    ("label", "quote naming"),
    ("brand", "quote naming"),
    ("dismiss", "object quote pointing"),
    ("welcome", "object quote pointing"),
    ("extend", "quote message"),
    ("convey", "quote message"),
    ("praise", "object quote"),
    ("hail", "object quote naming"),
    ("slam", "object quote pointing"),
    ("offer", "quote message"),
    ("continue", "after"),
    ("conclude", "after"),
    ("ask", "after directive"),
    ("answer", "after"),
    ("joke", "after"),
    ("quip", "after"),
    ("shout", "after"),
    ("exclaim", "after"),
    ("recount", "after"),
    ("dispute", "object pointing"),
    ("send", "message"),
    ("seek", "object"),
    ("protest", "object"),
    ("request", "object directive"),
    ("implore", "directive"),
    ("instruct", "directive"),
    ("advise", "addressee directive"),
    ("remind", "that addressee"),
    ("threaten", "infinitive"),
)

# Multiword cues: the phrase, the forms of its first word, its pattern and its classes.
_PHRASES: tuple[tuple[str, str, str, frozenset[str]], ...] = (
    ("call for", "call calls called calling", r"call(?:s|ed|ing)?\s+for", frozenset({"object"})),
    (
        "call on",
        "call calls called calling",
        r"call(?:s|ed|ing)?\s+(?:on|upon)(?!\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday"
        r"|friday|saturday|sunday|phone|telephone)\b)",
        frozenset({"object"}),
    ),
    (
        "appeal for",
        "appeal appeals appealed appealing",
        r"appeal(?:s|ed|ing)?\s+(?:for|to)",
        frozenset({"object"}),
    ),
    ("ask for", "ask asks asked asking", r"ask(?:s|ed|ing)?\s+for", frozenset({"object"})),
    (
        "put the toll at",
        "put puts putting",
        r"put(?:s|ting)?\s+the\s+(?:death\s+|casualty\s+)?(?:toll|number|figure|cost|bill)\s+at",
        frozenset({"object"}),
    ),
    (
        "object to",
        "object objects objected objecting",
        r"object(?:s|ed|ing)?\s+to",
        frozenset({"object"}),
    ),
    (
        "renew call for",
        "renew renews renewed renewing repeat repeats repeated repeating "
        "reiterate reiterates reiterated reiterating",
        r"(?:renew|repeat|reiterate)(?:s|ed|d|ing)?\s+(?:his|her|their|its|our|the)\s+"
        r"(?:calls?|appeals?|demands?)\s+(?:for|to)",
        frozenset({"object"}),
    ),
    (
        "speak against",
        "speak speaks spoke speaking",
        r"(?:speak|speaks|spoke|speaking)\s+(?:out\s+)?against",
        frozenset({"object"}),
    ),
    (
        "warn of",
        "warn warns warned warning",
        r"warn(?:s|ed|ing)?\s+(?:of|against)",
        frozenset({"object"}),
    ),
    (
        "apologise for",
        "apologise apologises apologised apologising apologize apologizes apologized apologizing",
        r"apologi[sz](?:e|es|ed|ing)\s+(?:to\s+\w+\s+)?for",
        frozenset({"object"}),
    ),
    (
        "express concern over",
        "express expresses expressed expressing voice voices voiced voicing",
        r"(?:express(?:es|ed|ing)?|voic(?:e|es|ed|ing))\s+(?:(?:his|her|their|its|deep|grave|serious|strong)\s+)"
        r"{0,2}(?:concerns?|worry|worries|alarm|dismay|outrage|shock|disappointment|regret|sorrow"
        r"|satisfaction|support|solidarity|hope|confidence|opposition)\s+(?:over|about|at|for|with"
        r"|in|on|to)",
        frozenset({"object"}),
    ),
    (
        "point out",
        "point points pointed pointing",
        r"point(?:s|ed|ing)?\s+out",
        frozenset({"that"}),
    ),
    (
        "make it clear",
        "make makes made making",
        r"(?:make|makes|made|making)\s+it\s+clear",
        frozenset({"that"}),
    ),
    (
        "make clear",
        "make makes made making",
        r"(?:make|makes|made|making)\s+clear",
        frozenset({"that"}),
    ),
    (
        "pay tribute to",
        "pay pays paid paying",
        r"(?:pay|pays|paid|paying)\s+(?:tribute|respects?)\s+to",
        frozenset({"object"}),
    ),
    (
        "express interest in",
        "express expresses expressed expressing",
        r"express(?:es|ed|ing)?\s+(?:an\s+)?interest\s+in",
        frozenset({"object"}),
    ),
    (
        "be vocal in",
        "been was were is are",
        r"(?:been|was|were|is|are)\s+vocal\s+(?:in|about)",
        frozenset({"object"}),
    ),
    ("quote as saying", "quoted", r"quoted\s+as\s+saying", frozenset({"clause", "quote"})),
    (
        "go on to say",
        "went goes go going",
        r"(?:went|goes|go|going)\s+on\s+to\s+say",
        frozenset({"clause"}),
    ),
    (
        "write separately",
        "wrote writes write writing",
        r"(?:wrote|writes|write|writing)\s+separately(?:\s+to\s+(?:say|argue|note))?",
        frozenset({"that", "clause"}),
    ),
)


#: What may follow a cue (see the module docstring).
CUE_CLASSES = frozenset(
    {
        "clause",
        "that",
        "object",
        "quote",
        "after",
        "infinitive",
        "pointing",
        "message",
        "addressee",
        "directive",
        "naming",
    }
)

#: Nouns that make the object of a ``message`` cue a message.
MESSAGE_NOUNS = wordset(
    "condolences condolence sympathy sympathies greetings felicitations congratulations "
    "gratitude thanks wishes message solidarity"
)


class Lexicon(NamedTuple):
    """The cues in force: every inflected form by lemma and class, the pattern that finds
    them and the first words of phrases, and the phrases by their first word."""

    table: dict[str, tuple[str, frozenset[str]]]
    pattern: re.Pattern[str]
    phrases: dict[str, tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]]


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for ``words`` that shares their common prefixes, so a
    position is tried letter by letter rather than word by word (longest first)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, dict]) -> str:
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def _build(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    classes: dict[str, set[str]] = {}
    for lemma, names in CUE_TABLE:
        classes.setdefault(lemma, set()).update(names.split())
    for lemma, names in extra:
        unknown = set(names) - CUE_CLASSES
        if unknown or not lemma.strip() or not names:
            raise ValueError(f"cue {lemma!r}: classes must be some of {sorted(CUE_CLASSES)}")
        classes.setdefault(lemma.lower().strip(), set()).update(names)
    table: dict[str, tuple[str, frozenset[str]]] = {}
    for lemma, names in classes.items():
        for form in _IRREGULAR.get(lemma) or _forms(lemma):
            table[form] = (lemma, frozenset(names))
    phrases: dict[str, list[tuple[str, re.Pattern[str], frozenset[str]]]] = {}
    for lemma, heads, pattern, names in _PHRASES:
        compiled = re.compile(rf"{pattern}\b", re.IGNORECASE)
        for head in heads.split():
            phrases.setdefault(head, []).append((lemma, compiled, names))
    pattern = re.compile(rf"\b{_trie_pattern(set(table) | set(phrases))}\b", re.IGNORECASE)
    return Lexicon(table, pattern, {head: tuple(found) for head, found in phrases.items()})


_BASE = _build()
_ACTIVE: ContextVar[Lexicon] = ContextVar("provenance_cues", default=_BASE)
_PHRASE_PATTERNS = tuple(
    (lemma, re.compile(pattern, re.IGNORECASE), names) for lemma, _, pattern, names in _PHRASES
)


def lexicon_for(extra: Mapping[str, Sequence[str]]) -> Lexicon:
    """The core's cues plus ``extra`` (lemma -> classes, as an outlet's house style adds
    them: ``{"aver": ["clause", "after"]}``). Raises ValueError for an unknown class."""
    key = tuple(sorted((lemma, tuple(sorted(names))) for lemma, names in extra.items()))
    return _with_extra(key)


@lru_cache(maxsize=64)
def _with_extra(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    return _build(extra)


@contextmanager
def cues_in_force(extra: Mapping[str, Sequence[str]] | None) -> Iterator[None]:
    """Within the block, the core's cues plus ``extra`` (see :func:`lexicon_for`)."""
    if not extra:
        yield
        return
    token = _ACTIVE.set(lexicon_for(extra))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def lemma_classes(cue_text: str) -> tuple[str, frozenset[str]]:
    """The lemma and classes of a cue as written."""
    folded = " ".join(cue_text.lower().split())
    table = _ACTIVE.get().table
    if folded in table:
        return table[folded]
    if " " in folded:  # every phrase has more than one word
        for lemma, pattern, names in _PHRASE_PATTERNS:
            if pattern.fullmatch(folded):
                return lemma, names
    return folded, frozenset()


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every reporting cue in ``text[start:end]``, left to right: a phrase where one
    starts (``called for``), else the single word (``called``)."""
    lexicon = _ACTIVE.get()
    cues = []
    for match in lexicon.pattern.finditer(text, start, end):
        word = match.group().lower()
        phrase = _phrase_at(text, match.start(), end, lexicon.phrases.get(word, ()))
        if phrase is not None:
            cues.append(phrase)
        elif word in lexicon.table:
            cues.append(Cue(match.group(), lexicon.table[word][0], match.start(), match.end()))
    return cues


def _phrase_at(
    text: str, pos: int, end: int, phrases: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]
) -> Cue | None:
    longest = None
    for lemma, pattern, _ in phrases:
        found = pattern.match(text, pos, end)
        if found and (longest is None or found.end() > longest.end):
            longest = Cue(found.group(), lemma, found.start(), found.end())
    return longest


def has_class(cue: Cue, name: str) -> bool:
    """Whether ``cue`` belongs to the class ``name`` (see the module docstring)."""
    return name in lemma_classes(cue.text)[1]


AUXILIARIES = wordset(
    "has have had was were is are be been being will would shall should may might can could "
    "must did does do also further then again later earlier once repeatedly vehemently "
    "reportedly strongly firmly publicly previously recently already subsequently separately "
    "categorically flatly openly emphatically clearly explicitly bluntly angrily quietly not "
    "never only just still even allegedly apparently reportedly forward to heard came went "
    "seemed appeared quickly immediately swiftly promptly has since continue continues "
    "continued continuing"
)
"""Words that may stand between a subject and its cue (``has also``, ``came forward to``)."""
