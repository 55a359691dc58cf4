"""What a reader yields: one item per document found in an input, or the reason it failed."""

import re
from datetime import date

from msgspec import Struct

from provenance.domain import RawDocument
from provenance.domain.api import BCP47, MAX_LANGUAGE_CHARS


class InputError(ValueError):
    """An input (or one item of it) that cannot be read; the message is one line."""


class Item(Struct, frozen=True):
    """One document found in an input: ``ref`` names it (``feed.xml#3``), and exactly one of
    ``raw`` (the document) and ``error`` (why it could not be read) is set."""

    ref: str
    raw: RawDocument | None = None
    error: str | None = None


def compose_text(title: str | None, authors: list[str], published: str | None, body: str) -> str:
    """An article as the plain-text layout parser reads it: headline, byline, date, body."""
    head = [title] if title else []
    lines = []
    if authors:
        lines.append("By " + " and ".join(authors))
    if published:
        lines.append(date_line(published))
    if lines:
        head.append("\n".join(lines))
    return "\n\n".join([*head, body.strip()])


def date_line(published: str) -> str:
    """A date line the layout parser reads (``June 12, 2024``), or the text as given."""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day:%B} {day.day}, {day.year}"


_LANGUAGE_TAG = re.compile(BCP47)


def language_tag(declared: str) -> str | None:
    """``declared`` as a BCP 47 tag in its conventional case (``en-GB``, ``zh-Hant-TW``;
    ``_`` read as ``-``, as in ``og:locale``), or None when it is not one."""
    tag = declared.strip().replace("_", "-")
    if len(tag) > MAX_LANGUAGE_CHARS or not _LANGUAGE_TAG.match(tag):
        return None
    subtags = tag.lower().split("-")
    for position, subtag in enumerate(subtags[1:], 1):
        if len(subtags[position - 1]) == 1:
            break  # an extension or private use: lower case throughout
        if len(subtag) == 2 and subtag.isalpha():
            subtags[position] = subtag.upper()
        elif len(subtag) == 4 and subtag.isalpha():
            subtags[position] = subtag.title()
    return "-".join(subtags)
