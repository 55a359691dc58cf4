"""Answers remembered while one document is read, and only then."""

from collections.abc import Callable

import msgspec

from provenance.domain import ParsedDocument
from provenance.extraction import memo
from provenance.extraction.attribution import attribute
from provenance.extraction.memo import per_document, reading

BODY = (
    "Finance Minister Jo Roe said on Monday that taxes would rise. “We have no choice,” "
    "Roe told Reuters. Deputy Minister Ana Ruiz Vega, who leads the talks, said the plan "
    "was fair, according to the news agency Nordpress."
)


def _counted() -> tuple[Callable[[int], int], list[int]]:
    """A remembered function doubling its argument, and the arguments it really ran on."""
    calls: list[int] = []

    @per_document
    def double(n: int) -> int:
        calls.append(n)
        return 2 * n

    return double, calls


def test_a_repeat_within_a_reading_is_answered_from_the_table() -> None:
    double, calls = _counted()
    with reading():
        assert [double(3), double(3), double(4)] == [6, 6, 8]
    assert calls == [3, 4]
    with reading():  # a new document: nothing carried over
        assert double(3) == 6
    assert double(3) == 6  # outside a reading: worked out each time
    assert calls == [3, 4, 3, 3]


def test_a_full_table_stops_remembering(monkeypatch) -> None:
    monkeypatch.setattr(memo, "MAX_REMEMBERED", 2)
    double, calls = _counted()
    with reading():
        assert [double(n) for n in (1, 2, 3, 3, 1)] == [2, 4, 6, 6, 2]
    assert calls == [1, 2, 3, 3]


def test_readings_nest_and_the_outer_table_comes_back() -> None:
    double, calls = _counted()
    with reading():
        double(1)
        with reading():
            double(1)
        double(1)
    assert calls == [1, 1]


def test_attribution_gives_the_same_answer_every_time() -> None:
    first = msgspec.to_builtins(attribute(ParsedDocument(body=BODY)))
    assert first["statements"]
    assert msgspec.to_builtins(attribute(ParsedDocument(body=BODY))) == first
