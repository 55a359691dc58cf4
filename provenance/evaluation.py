"""Score extraction output against a `provenance-gold/1` gold file.

The rules are those of the "Scoring" section of the gold format (`FORMAT.md`):

* **Text folding.** Before texts are compared they are put in Unicode NFC, case-folded, every
  quotation mark (straight, curly, low-9, guillemets, primes, backtick) becomes `'`, and runs of
  white space become one space, trimmed at both ends.
* **Statement matching.** Within one document, a predicted statement and a gold statement are a
  candidate pair when their longest common substring covers at least half of the shorter folded
  text and at least 30% of the longer one. Candidates are taken best first by overlap score
  (`2 * run / (len(gold) + len(predicted))`), ties broken by gold index then predicted index;
  each gold statement and each prediction is paired at most once. Predictions without a speaker
  name take no part: they are neither matched nor counted as spurious.
* **Name resolution.** Names are folded like texts and lose a leading "the". A predicted name
  resolves to the gold entities whose name or alias equals, in order, the first of these that
  finds any: the folded name; the name without a leading possessive ("Pakistan's Foreign
  Office" -> "Foreign Office"); that without a leading honorific (Mr, Mrs, Ms, Dr, Prof, Sir,
  ...). Failing those, a name that ends with the full canonical name (two words or more) of a
  person, after a title ("Deputy Foreign Minister Elnur Mammadov"), resolves to that person.
  Speakers resolve against gold speakers. `via` entries resolve against gold sources first,
  then gold speakers (a relaying person may be listed as a speaker only). A speaker is right
  when the gold speaker is among those it resolves to (an alias the gold gives to several
  entities resolves to all of them); a chain is right when it has the gold length and each
  entry, in order, resolves to the gold entry. No name is special-cased.
* **Metrics.** Statement precision, recall and F1 over attributed statements; speaker, chain,
  kind, channel and date (`said_on`, exact string) accuracy over matched statements. Overall
  figures are micro-averaged over all statements. A ratio over nothing is `None` for
  accuracies; precision / recall / F1 are 1.0 when there is neither gold nor prediction, else
  0.0 when their denominator is zero.
* **Document fields.** `title` (white space squashed), `dateline` and `published` must equal the
  gold exactly; `authors` compare as a folded, order-insensitive list; `body_clean` holds when no
  `not_body` string (white space squashed) occurs in the predicted body. A document with no
  prediction at all gets every field wrong.
* **Blame.** Every miss and error is put down to the pass that should have got it right
  (`PASSES`): wrong document fields and furniture left in the body to layout; a missed direct
  statement to quotations, a missed indirect one, a spurious one and a wrong kind to cues and
  clauses; a wrong speaker, and a missed statement that some prediction found but left without
  a speaker, to speakers; a wrong channel or chain to channels and chains; a wrong `said_on`
  to dates. `Report.by_pass` counts them, so the weakest pass shows at a glance.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, TypedDict

import msgspec

GOLD_FORMAT = "provenance-gold/1"
ATTRIBUTES = ("speaker", "chain", "kind", "channel", "date")
"""What is checked on every matched statement, in report order."""
DOCUMENT_FIELDS = ("title", "authors", "dateline", "published", "body_clean")
"""What is checked on every document, in report order."""
PASSES = ("layout", "quotations", "cues and clauses", "speakers", "channels and chains", "dates")
"""The extraction passes a miss or an error is blamed on, in pipeline order."""
ATTRIBUTE_PASSES = {
    "speaker": "speakers",
    "chain": "channels and chains",
    "kind": "cues and clauses",
    "channel": "channels and chains",
    "date": "dates",
}
"""The pass that decides each attribute of a matched statement."""
MISSED_PASSES = {"direct": "quotations", "indirect": "cues and clauses"}
"""The pass that should have found a missed gold statement, by its kind."""

MIN_SHORT_COVER = (1, 2)
"""The common run must cover at least this fraction of the shorter text."""
MIN_LONG_COVER = (3, 10)
"""... and at least this fraction of the longer one."""
_ANCHOR = 8
"""Longest window looked up to find where two texts share a run (see `_longest_run`)."""

_QUOTES = "\"'`´‘’‚‛“”„‟«»‹›′″‴‵‶"
_QUOTE_TABLE = str.maketrans(dict.fromkeys(_QUOTES, "'"))
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"^[^']+'s?\s+(?=\S)")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|mx|miss|dr|prof|professor|sir|dame|rev)\.?\s+(?=\S)")

NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]


class GoldError(ValueError):
    """A gold file that cannot be used for scoring."""


# --- gold file -------------------------------------------------------------------------------


class GoldStatement(msgspec.Struct):
    """One attributed statement of a gold document."""

    speaker: NonEmpty
    kind: Literal["direct", "indirect"]
    text: NonEmpty
    cue: str = ""
    channel: str | None = None
    via: list[str] = []
    said_on: str | None = None


class GoldDocument(msgspec.Struct):
    """One annotated document."""

    file: NonEmpty
    title: str
    authors: list[str]
    statements: list[GoldStatement]
    dateline: str | None = None
    published: str | None = None
    not_body: list[str] = []


class GoldSpeaker(msgspec.Struct):
    """Someone who says things, with every name the documents use for them."""

    name: NonEmpty
    kind: Literal["person", "organization", "group"]
    aliases: list[str] = []
    roles: list[str] = []
    affiliation: str | None = None


class GoldSource(msgspec.Struct):
    """An intermediary that relays statements."""

    name: NonEmpty
    kind: Literal["outlet", "agency", "platform", "person", "group"]
    aliases: list[str] = []


class Gold(msgspec.Struct):
    """A whole gold file."""

    format: str
    documents: list[GoldDocument]
    speakers: list[GoldSpeaker]
    sources: list[GoldSource]


def load_gold(path: Path) -> Gold:
    """Read and validate a gold file; raise `GoldError` with a one-line message if unusable."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        data = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise GoldError(f"{path}: not JSON: {exc}") from exc
    return parse_gold(data, where=str(path))


def parse_gold(data: object, where: str = "gold") -> Gold:
    """Validate decoded JSON as a gold file; *where* prefixes error messages."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: expected a JSON object, got {type(data).__name__}")
    if data.get("format") != GOLD_FORMAT:
        raise GoldError(f"{where}: format is {data.get('format')!r}, expected {GOLD_FORMAT!r}")
    try:
        gold = msgspec.convert(data, Gold)
    except msgspec.ValidationError as exc:
        raise GoldError(f"{where}: {exc}") from exc
    _check_references(gold, where)
    return gold


def _check_references(gold: Gold, where: str) -> None:
    """Every document listed once; every speaker and `via` entry declared."""
    speakers = {s.name for s in gold.speakers}
    sources = {s.name for s in gold.sources}
    files: set[str] = set()
    for doc in gold.documents:
        if doc.file in files:
            raise GoldError(f"{where}: document {doc.file!r} is listed twice")
        files.add(doc.file)
        for i, st in enumerate(doc.statements):
            if st.speaker not in speakers:
                raise GoldError(
                    f"{where}: {doc.file} statement {i}: unknown speaker {st.speaker!r}"
                )
            for name in st.via:
                if name not in sources:
                    raise GoldError(f"{where}: {doc.file} statement {i}: unknown source {name!r}")


# --- predictions (the output of `provenance extract --json`) ---------------------------------


class PredictedName(TypedDict):
    """A speaker or intermediary as the extractor named it."""

    name: str
    kind: str


class PredictedStatement(TypedDict):
    """One statement as the extractor produced it."""

    text: str
    kind: str
    cue: str | None
    channel: str | None
    said_on: str | None
    start: int
    end: int
    speaker: PredictedName | None
    via: list[PredictedName]


class Prediction(TypedDict):
    """What the extractor produced for one document; missing keys are read as empty."""

    file: str
    title: str | None
    authors: list[str]
    dateline: str | None
    published: str | None
    body: str
    statements: list[PredictedStatement]


# --- report ----------------------------------------------------------------------------------

Value = str | list[str] | None


class FieldMismatch(msgspec.Struct):
    """A field whose predicted value differs from the gold one."""

    field: str
    gold: Value
    predicted: Value


class StatementRef(msgspec.Struct):
    """A statement of the gold (`index` into its statements) or of a prediction."""

    index: int
    speaker: str | None
    text: str
    kind: str | None = None


class Blame(msgspec.Struct):
    """One miss or error, and the extraction pass (see `PASSES`) that is to blame for it."""

    stage: str
    problem: str
    """What went wrong: "missed direct", "spurious", "wrong speaker", "wrong title", ..."""
    detail: str


class StatementMatch(msgspec.Struct):
    """A gold statement paired with a prediction, and what the prediction got wrong."""

    gold: StatementRef
    predicted: StatementRef
    overlap: float
    mismatches: list[FieldMismatch]


class Counts(msgspec.Struct):
    """Statement counts; `correct[attribute]` counts matched statements right on it."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: dict[str, int] = {}

    def precision(self) -> float:
        """Matched share of the attributed predictions."""
        return _ratio(self.matched, self.predicted, self.gold == 0)

    def recall(self) -> float:
        """Matched share of the gold statements."""
        return _ratio(self.matched, self.gold, self.predicted == 0)

    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float | None:
        """Share of matched statements right on *attribute*; None when nothing matched."""
        return self.correct.get(attribute, 0) / self.matched if self.matched else None


class DocumentReport(msgspec.Struct):
    """The score of one gold document, with what went wrong."""

    file: str
    has_prediction: bool
    counts: Counts
    fields: dict[str, bool]
    matches: list[StatementMatch]
    missed: list[StatementRef]
    spurious: list[StatementRef]
    field_mismatches: list[FieldMismatch]
    leaked_not_body: list[str]
    found_without_speaker: list[int] = []
    """Gold indices of missed statements that a prediction found but left without a speaker."""
    blame: list[Blame] = []
    """Every miss and error of this document, with the pass to blame."""


class Report(msgspec.Struct):
    """The score of a whole gold file."""

    documents: list[DocumentReport]
    unscored_files: list[str]
    """Predicted files that the gold does not annotate (ignored)."""

    @property
    def overall(self) -> Counts:
        """Statement counts summed over all documents (micro-average)."""
        total = Counts(correct=dict.fromkeys(ATTRIBUTES, 0))
        for doc in self.documents:
            total.gold += doc.counts.gold
            total.predicted += doc.counts.predicted
            total.matched += doc.counts.matched
            for name, n in doc.counts.correct.items():
                total.correct[name] += n
        return total

    def field_totals(self) -> dict[str, int]:
        """Number of documents right on each document field."""
        return {f: sum(doc.fields[f] for doc in self.documents) for f in DOCUMENT_FIELDS}

    def by_pass(self) -> dict[str, dict[str, int]]:
        """Per pass (every one of `PASSES`, in order): how many of each problem it is blamed for."""
        counts: dict[str, dict[str, int]] = {stage: {} for stage in PASSES}
        for doc in self.documents:
            for blamed in doc.blame:
                problems = counts[blamed.stage]
                problems[blamed.problem] = problems.get(blamed.problem, 0) + 1
        return counts


def _ratio(part: int, whole: int, vacuous: bool) -> float:
    """part / whole; 1.0 for 0/0 when *vacuous* (nothing to find, nothing found), else 0.0."""
    if whole:
        return part / whole
    return 1.0 if vacuous else 0.0


# --- folding and names -----------------------------------------------------------------------


def fold_text(text: str) -> str:
    """Fold case, quotation marks and white space, for comparing texts."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_QUOTE_TABLE)
    return " ".join(folded.split())


def fold_name(name: str) -> str:
    """Fold a name like a text and drop a leading "the"."""
    return _LEADING_THE.sub("", fold_text(name))


def _squash(text: str) -> str:
    return " ".join(text.split())


class _Names:
    """Folded names and aliases of one kind of gold entity, and the persons' full names."""

    def __init__(self, entities: Iterable[GoldSpeaker | GoldSource]) -> None:
        self.index: dict[str, set[str]] = {}
        self.persons: dict[str, str] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                self.index.setdefault(fold_name(name), set()).add(entity.name)
            full = fold_name(entity.name)
            if entity.kind == "person" and " " in full:
                self.persons[full] = entity.name

    def titled(self, folded: str) -> set[str]:
        """Persons whose full name ends *folded* after at least one more word."""
        return {name for full, name in self.persons.items() if folded.endswith(" " + full)}


def _variants(folded: str) -> list[str]:
    """The folded name, then without a leading possessive, then without a leading honorific."""
    variants = [folded]
    current = folded
    for pattern in (_POSSESSIVE, _HONORIFIC):
        current = fold_name(pattern.sub("", current, count=1))
        if current and current not in variants:
            variants.append(current)
    return variants


def _resolve(name: str, tables: Sequence[_Names]) -> set[str]:
    """Canonical names that *name* resolves to in *tables* (earlier tables first)."""
    folded = fold_name(name)
    for variant in _variants(folded):
        for table in tables:
            if found := table.index.get(variant):
                return found
    for table in tables:
        if found := table.titled(folded):
            return found
    return set()


class _Resolver:
    """Checks predicted speakers and chains against the gold's names."""

    def __init__(self, gold: Gold) -> None:
        self.speakers = _Names(gold.speakers)
        self.sources = _Names(gold.sources)

    def speaker_ok(self, predicted: str, gold: str) -> bool:
        return gold in _resolve(predicted, [self.speakers])

    def chain_ok(self, predicted: Sequence[str], gold: Sequence[str]) -> bool:
        tables = [self.sources, self.speakers]
        return len(predicted) == len(gold) and all(
            g in _resolve(p, tables) for p, g in zip(predicted, gold, strict=True)
        )


# --- statement matching ----------------------------------------------------------------------


class _Indexed:
    """A folded text and, built on first use, where each of its substrings of length k starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[int, dict[str, list[int]]] = {}

    def starts(self, k: int) -> dict[str, list[int]]:
        if k not in self._starts:
            index: dict[str, list[int]] = {}
            for j in range(len(self.text) - k + 1):
                index.setdefault(self.text[j : j + k], []).append(j)
            self._starts[k] = index
        return self._starts[k]


def _longest_run(a: str, b: _Indexed, at_least: int) -> int:
    """Length of the longest common substring of *a* and *b* if it is >= *at_least*, else 0.

    A common run of length L >= at_least contains, in *a*, a window of k = min(at_least, 8)
    characters starting at a multiple of `at_least - k + 1`; so it is enough to look up those
    few windows of *a* in *b*'s index and extend each hit both ways along its diagonal. This
    is exact for runs that reach *at_least* and takes a handful of lookups per pair, where a
    full longest-common-substring search (difflib) is quadratic.
    """
    k = min(at_least, _ANCHOR)
    starts, text = b.starts(k), b.text
    best = 0
    run_end: dict[int, int] = {}  # diagonal (j - i) -> end in *a* of the run measured there
    for i in range(0, len(a) - k + 1, at_least - k + 1):
        for j in starts.get(a[i : i + k], ()):
            shift = j - i
            if i < run_end.get(shift, -1):
                continue  # inside a run already measured
            first, end = i, i + k
            while first > 0 and first + shift > 0 and a[first - 1] == text[first - 1 + shift]:
                first -= 1
            while end < len(a) and end + shift < len(text) and a[end] == text[end + shift]:
                end += 1
            run_end[shift] = end
            best = max(best, end - first)
    return best if best >= at_least else 0


def _overlap(predicted: str, gold: _Indexed) -> float | None:
    """Overlap score of two folded texts; None when their common run is below the thresholds."""
    short, long = sorted((len(predicted), len(gold.text)))
    (sn, sd), (ln, ld) = MIN_SHORT_COVER, MIN_LONG_COVER
    need = max(-(-short * sn // sd), -(-long * ln // ld), 1)  # ceilings of the two fractions
    run = _longest_run(predicted, gold, need) if need <= short else 0
    return 2 * run / (len(predicted) + len(gold.text)) if run else None


def _pair(gold: Sequence[str], predicted: Sequence[str]) -> list[tuple[int, int, float]]:
    """Best-first one-to-one pairs (gold index, predicted index, overlap) of folded texts."""
    candidates: list[tuple[float, int, int]] = []
    for gi, gold_text in enumerate(gold):
        indexed = _Indexed(gold_text)
        for pi, text in enumerate(predicted):
            score = _overlap(text, indexed)
            if score is not None:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for neg_score, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi, -neg_score))
    return pairs


def _speaker_name(statement: PredictedStatement) -> str | None:
    speaker = statement.get("speaker")
    name = speaker.get("name") if speaker else None
    return name if name and name.strip() else None


def _via_names(statement: PredictedStatement) -> list[str]:
    return [entry.get("name") or "" for entry in statement.get("via") or []]


def _statement_mismatches(
    gold: GoldStatement, predicted: PredictedStatement, resolver: _Resolver
) -> list[FieldMismatch]:
    """The attributes (see `ATTRIBUTES`) on which *predicted* disagrees with *gold*."""
    speaker = _speaker_name(predicted) or ""
    via = _via_names(predicted)
    kind, channel, said_on = (
        predicted.get("kind"),
        predicted.get("channel"),
        predicted.get("said_on"),
    )
    checks: list[tuple[str, Value, Value, bool]] = [
        ("speaker", gold.speaker, speaker, resolver.speaker_ok(speaker, gold.speaker)),
        ("chain", gold.via, via, resolver.chain_ok(via, gold.via)),
        ("kind", gold.kind, kind, kind == gold.kind),
        ("channel", gold.channel, channel, channel == gold.channel),
        ("date", gold.said_on, said_on, said_on == gold.said_on),
    ]
    return [FieldMismatch(name, g, p) for name, g, p, ok in checks if not ok]


# --- documents -------------------------------------------------------------------------------


def _document_fields(
    gold: GoldDocument, predicted: Prediction | None
) -> tuple[dict[str, bool], list[FieldMismatch], list[str]]:
    """Field flags, mismatched fields and leaked `not_body` strings of one document."""
    if predicted is None:
        return dict.fromkeys(DOCUMENT_FIELDS, False), [], []
    title = predicted.get("title")
    authors = predicted.get("authors") or []
    body = _squash(predicted.get("body") or "")
    leaked = [text for text in gold.not_body if _squash(text) in body]
    fields = {
        "title": title is not None and _squash(title) == _squash(gold.title),
        "authors": sorted(map(fold_text, authors)) == sorted(map(fold_text, gold.authors)),
        "dateline": predicted.get("dateline") == gold.dateline,
        "published": predicted.get("published") == gold.published,
        "body_clean": not leaked,
    }
    values: dict[str, tuple[Value, Value]] = {
        "title": (gold.title, title),
        "authors": (gold.authors, list(authors)),
        "dateline": (gold.dateline, predicted.get("dateline")),
        "published": (gold.published, predicted.get("published")),
    }
    mismatches = [FieldMismatch(f, *values[f]) for f in values if not fields[f]]
    return fields, mismatches, leaked


def _match_statements(
    gold: Sequence[GoldStatement],
    attributed: Sequence[tuple[int, PredictedStatement]],
    resolver: _Resolver,
) -> list[StatementMatch]:
    """Pair gold statements with (index, statement) predictions and check each pair."""
    pairs = _pair(
        [fold_text(g.text) for g in gold],
        [fold_text(s.get("text") or "") for _, s in attributed],
    )
    return [
        StatementMatch(
            gold=StatementRef(gi, gold[gi].speaker, gold[gi].text),
            predicted=_ref(*attributed[pi]),
            overlap=overlap,
            mismatches=_statement_mismatches(gold[gi], attributed[pi][1], resolver),
        )
        for gi, pi, overlap in pairs
    ]


def _score_document(
    gold: GoldDocument, predicted: Prediction | None, resolver: _Resolver
) -> DocumentReport:
    statements = (predicted.get("statements") or []) if predicted else []
    attributed = [(i, s) for i, s in enumerate(statements) if _speaker_name(s)]
    matches = _match_statements(gold.statements, attributed, resolver)
    matched_gold = {m.gold.index for m in matches}
    matched_predicted = {m.predicted.index for m in matches}
    fields, field_mismatches, leaked = _document_fields(gold, predicted)
    missed = [
        StatementRef(i, g.speaker, g.text, g.kind)
        for i, g in enumerate(gold.statements)
        if i not in matched_gold
    ]
    unattributed = [s for s in statements if not _speaker_name(s)]
    report = DocumentReport(
        file=gold.file,
        has_prediction=predicted is not None,
        counts=_count(len(gold.statements), len(attributed), matches),
        fields=fields,
        matches=matches,
        missed=missed,
        spurious=[_ref(i, s) for i, s in attributed if i not in matched_predicted],
        field_mismatches=field_mismatches,
        leaked_not_body=leaked,
        found_without_speaker=_found_without_speaker(missed, unattributed),
    )
    report.blame = _blame(report)
    return report


def _ref(index: int, statement: PredictedStatement) -> StatementRef:
    text = statement.get("text") or ""
    return StatementRef(index, _speaker_name(statement), text, statement.get("kind"))


def _found_without_speaker(
    missed: Sequence[StatementRef], unattributed: Sequence[PredictedStatement]
) -> list[int]:
    """Gold indices of *missed* statements that an unattributed prediction matches."""
    pairs = _pair(
        [fold_text(ref.text) for ref in missed],
        [fold_text(s.get("text") or "") for s in unattributed],
    )
    return sorted(missed[mi].index for mi, _, _ in pairs)


# --- blame: which pass each miss and error points at ----------------------------------------


def _blame(doc: DocumentReport) -> list[Blame]:
    """Every miss and error of *doc*, each with the pass (see `PASSES`) to blame."""
    blamed: list[Blame] = []
    if not doc.has_prediction:
        blamed.append(Blame("layout", "no prediction", "nothing was extracted"))
    blamed += [
        Blame("layout", f"wrong {m.field}", f"gold {m.gold!r}, got {m.predicted!r}")
        for m in doc.field_mismatches
    ]
    blamed += [Blame("layout", "not_body in body", repr(_clip(t))) for t in doc.leaked_not_body]
    blamed += [_blame_missed(ref, doc.found_without_speaker) for ref in doc.missed]
    blamed += [Blame("cues and clauses", "spurious", _ref_text(ref)) for ref in doc.spurious]
    for match in doc.matches:
        blamed += [
            Blame(
                ATTRIBUTE_PASSES[m.field],
                f"wrong {m.field}",
                f"gold {m.gold!r}, got {m.predicted!r}: {_ref_text(match.gold, 60)}",
            )
            for m in match.mismatches
        ]
    return blamed


def _blame_missed(ref: StatementRef, found_without_speaker: Sequence[int]) -> Blame:
    """A missed gold statement: the speakers pass when it was found without a speaker, else
    the pass that finds statements of its kind."""
    if ref.index in found_without_speaker:
        return Blame("speakers", "found without speaker", _ref_text(ref))
    kind = ref.kind or "indirect"
    return Blame(MISSED_PASSES.get(kind, "cues and clauses"), f"missed {kind}", _ref_text(ref))


def _ref_text(ref: StatementRef, width: int = 100) -> str:
    return f"#{ref.index} [{ref.speaker or '?'}] {_clip(ref.text, width)!r}"


def _count(gold: int, predicted: int, matches: Sequence[StatementMatch]) -> Counts:
    correct = dict.fromkeys(ATTRIBUTES, len(matches))
    for match in matches:
        for mismatch in match.mismatches:
            correct[mismatch.field] -= 1
    return Counts(gold=gold, predicted=predicted, matched=len(matches), correct=correct)


def score(gold: Gold, predictions: Mapping[str, Prediction]) -> Report:
    """Score *predictions* (document file name -> extractor output) against *gold*.

    A gold document without a prediction scores as if nothing was extracted from it, with every
    document field wrong; predictions for files the gold does not list are ignored and named in
    `Report.unscored_files`.
    """
    resolver = _Resolver(gold)
    documents = [
        _score_document(doc, predictions.get(doc.file), resolver) for doc in gold.documents
    ]
    known = {doc.file for doc in gold.documents}
    return Report(documents=documents, unscored_files=sorted(set(predictions) - known))


# --- output ----------------------------------------------------------------------------------

_TABLE_HEADER = [
    "file",
    "gold",
    "pred",
    "P",
    "R",
    "F1",
    "spk",
    "chain",
    "kind",
    "title",
    "auth",
    "dtln",
    "pub",
    "body",
]
"""Columns of `format_table`; the summary line spells the abbreviations out."""


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _statement_cells(counts: Counts) -> list[str]:
    return [
        _num(counts.precision()),
        _num(counts.recall()),
        _num(counts.f1()),
        *(_num(counts.accuracy(a)) for a in ("speaker", "chain", "kind")),
    ]


def _document_row(doc: DocumentReport) -> list[str]:
    predicted = str(doc.counts.predicted) if doc.has_prediction else "-"
    flags = ["y" if doc.fields[f] else "n" for f in DOCUMENT_FIELDS]
    return [doc.file, str(doc.counts.gold), predicted, *_statement_cells(doc.counts), *flags]


def _overall_row(report: Report) -> list[str]:
    total, n = report.overall, len(report.documents)
    flags = [f"{right}/{n}" for right in report.field_totals().values()]
    return ["overall", str(total.gold), str(total.predicted), *_statement_cells(total), *flags]


def _render(rows: Sequence[Sequence[str]]) -> list[str]:
    """Fixed-width lines: first column left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def summary_line(report: Report) -> str:
    """One line with the overall figures."""
    total, n = report.overall, len(report.documents)
    fields = report.field_totals()
    accuracies = ", ".join(f"{a} {_num(total.accuracy(a))}" for a in ATTRIBUTES)
    documents = ", ".join(f"{f.replace('_', ' ')} {right}/{n}" for f, right in fields.items())
    return (
        f"overall: statement F1 {total.f1():.3f} "
        f"(P {total.precision():.2f} R {total.recall():.2f}), {accuracies}; "
        f"documents: {documents}"
    )


def format_table(report: Report, blame: bool = False) -> str:
    """A fixed-width table, one row per document and an overall row; with *blame*, every miss
    and error grouped by the pass to blame (`format_blame`); then the errors counted by pass
    (`format_by_pass`) and, last, `summary_line`."""
    rows = [list(_TABLE_HEADER), *map(_document_row, report.documents), _overall_row(report)]
    lines = _render(rows)
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    if report.unscored_files:
        lines.append(f"not in the gold (ignored): {', '.join(report.unscored_files)}")
    if blame:
        lines.append(format_blame(report))
    lines.append(format_by_pass(report))
    lines.append(summary_line(report))
    return "\n".join(lines)


def format_by_pass(report: Report) -> str:
    """Errors per pass, in pipeline order, each with how many of each problem."""
    counts = report.by_pass()
    width = max(map(len, PASSES))
    lines = [f"{'errors by pass':<{width}}  {'n':>5}  problems"]
    for stage, problems in counts.items():
        ranked = sorted(problems.items(), key=lambda item: (-item[1], item[0]))
        breakdown = ", ".join(f"{problem} {n}" for problem, n in ranked)
        lines.append(f"{stage:<{width}}  {sum(problems.values()):>5}  {breakdown}".rstrip())
    return "\n".join(lines)


def format_blame(report: Report) -> str:
    """Every miss and error, grouped by the pass to blame (pipeline order), then by problem."""
    lines = []
    for stage in PASSES:
        found = [(doc.file, b) for doc in report.documents for b in doc.blame if b.stage == stage]
        if not found:
            continue
        lines.append(f"== {stage}: {len(found)}")
        found.sort(key=lambda item: item[1].problem)  # stable: document order within a problem
        lines += [f"  {b.problem}: {file} {b.detail}" for file, b in found]
    return "\n".join(lines) if lines else "no misses and no errors"


def _clip(text: str, width: int = 100) -> str:
    text = _squash(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _statement_line(label: str, ref: StatementRef) -> str:
    return f"  {label} #{ref.index} [{ref.speaker or '?'}] {_clip(ref.text)!r}"


def _document_details(doc: DocumentReport) -> list[str]:
    c = doc.counts
    lines = [f"== {doc.file}: {c.gold} gold, {c.predicted} predicted, {c.matched} matched"]
    if not doc.has_prediction:
        lines.append("  no prediction for this document")
    lines += [
        f"  field {m.field}: gold {m.gold!r}, got {m.predicted!r}" for m in doc.field_mismatches
    ]
    lines += [f"  not_body left in body: {_clip(text)!r}" for text in doc.leaked_not_body]
    lines += [_statement_line("missed", ref) for ref in doc.missed]
    lines += [_statement_line("spurious", ref) for ref in doc.spurious]
    for match in doc.matches:
        if match.mismatches:
            wrong = "; ".join(
                f"{m.field}: gold {m.gold!r}, got {m.predicted!r}" for m in match.mismatches
            )
            lines.append(
                f"  wrong gold #{match.gold.index} ~ predicted #{match.predicted.index} "
                f"({match.overlap:.2f}) {_clip(match.gold.text, 60)!r}: {wrong}"
            )
    return lines


def format_details(report: Report) -> str:
    """Per document: field mismatches, missed gold statements, spurious and wrong predictions."""
    lines = [line for doc in report.documents for line in _document_details(doc)]
    if report.unscored_files:
        lines.append(f"== not in the gold (ignored): {', '.join(report.unscored_files)}")
    return "\n".join(lines)


def _metrics(counts: Counts) -> dict[str, Any]:
    return {
        "gold": counts.gold,
        "predicted": counts.predicted,
        "matched": counts.matched,
        "precision": counts.precision(),
        "recall": counts.recall(),
        "f1": counts.f1(),
        "accuracy": {a: counts.accuracy(a) for a in ATTRIBUTES},
        "correct": dict(counts.correct),
    }


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as JSON-ready builtins, with every metric computed."""
    documents = []
    for doc in report.documents:
        details = msgspec.to_builtins(doc)
        del details["counts"]
        documents.append({**details, **_metrics(doc.counts)})
    return {
        "overall": {
            **_metrics(report.overall),
            "documents": len(report.documents),
            "fields": report.field_totals(),
            "by_pass": report.by_pass(),
        },
        "documents": documents,
        "unscored_files": list(report.unscored_files),
    }
