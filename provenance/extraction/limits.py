"""The bounds on extraction's work: every cap in one place, and the per-document budget.

Each cap is far above anything a real article needs (the figures in the docstrings are
from the gold sets) and turns a construction that could multiply with its input into one
that grows at most linearly; docs/extraction.md says why each is where it is.
"""

import time
from typing import TypeVar

T = TypeVar("T")

MAX_TITLE = 200
"""Characters a title may have: a longer line is no headline, it stays body (the longest
headline of the gold sets has 109)."""

MAX_SENTENCE = 2_000
"""Characters read as one sentence. A longer run without a sentence end (a page with no
full stops, a list joined by "and") is read in pieces of at most this length, cut between
words, so that every pass over a sentence and its clauses costs a bounded amount."""

MAX_PER_SENTENCE = 24
"""Statements one sentence may hold (no sentence of the corpora has more than 4): the
pairwise steps over a sentence's statements (nesting, relays) stay bounded."""

MAX_VIA = 4
"""Intermediaries one statement may have (no gold chain has more than 3). A longer chain keeps
the nearest ones and the outermost, who relays the whole story."""

MAX_STATEMENTS = 2_000
"""Statements one document may have (no gold document has more than 44): with
``MAX_VIA`` this bounds the rows one document can write."""

CORE = "core"
"""How an ``ExtractionFailure`` names the core's own extraction (not a plugin)."""


def capped_via(via: list[T]) -> list[T]:
    """``via`` within ``MAX_VIA``: the nearest intermediaries and the outermost."""
    if len(via) <= MAX_VIA:
        return via
    return [*via[: MAX_VIA - 1], via[-1]]


class Budget:
    """The time one document's attribution may take; ``None`` seconds is no limit."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._deadline = None if seconds is None else time.monotonic() + seconds

    def spent(self) -> bool:
        """Whether the time has run out."""
        return self._deadline is not None and time.monotonic() >= self._deadline
