import pytest

from provenance.extraction.dates import read_published, said_on


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on Sunday", "2024-03-13", "2024-03-10"),
        ("on Wednesday", "2024-03-13", "2024-03-13"),
        ("on September 27 last year", "2021-11-01", "2020-09-27"),
        ("on 10th October", "2020-10-19", "2020-10-10"),
        ("on December 30", "2024-01-03", "2023-12-30"),
        ("on 3 May 2019", None, "2019-05-03"),
        ("in March", "2024-06-01", "2024-03"),
        ("last week", "2024-03-20", "2024-03"),
        ("yesterday", "2024-03-01", "2024-02-29"),
        ("on Sunday", "2024-03", None),
        ("on Sunday", None, None),
        ("the other day", "2024-03-13", None),
    ],
)
def test_said_on(phrase: str, published: str | None, expected: str | None):
    text = f"She spoke {phrase} about it."
    assert said_on(text, 0, len(text), read_published(published)) == expected


def test_read_published_forms():
    assert read_published("2024-03") == (2024, 3, None)
    assert read_published("March 12, 2024 10:30 am") == (2024, 3, 12)
    assert read_published(None) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She called for a May 4 vote to be annulled.", None),
        ("He will vote against it in Monday's debate.", None),
        ("He told Today presenter Jo Bale about it.", None),
        ("Today the mayor said so.", "2024-03-13"),
        ("The mayor said today that it was over.", "2024-03-13"),
        ("She said on Tuesday that the May 4 vote was void.", "2024-03-12"),
    ],
)
def test_dates_that_are_not_when_it_was_said(sentence: str, expected: str | None):
    assert said_on(sentence, 0, len(sentence), read_published("2024-03-13")) == expected
