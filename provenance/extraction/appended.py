"""Unrelated articles appended after a story (a teaser of another story, with its headline).

A tail that starts with a headline-like line, names nothing the story names and is
shorter than what stands above it is another article: the story shares at least one
name with any of its own sections, and a page's story is its bulk (so a preamble or
banner above a story never makes the story itself look appended).
A run of headlines after the story's last sentence is a list of links to other
stories, whatever they name.
"""

import re

from provenance.extraction.lexicon.function import COMMON_WORDS
from provenance.extraction.page_head import TERMINAL_END, headline_like

_MIN_HEADLINE_WORDS = 6
_MAX_APPENDED = 20
"""How many paragraphs from the end an appended article may start (bounds the work)."""
_MIN_LINK_LIST = 2
_MIN_LINK_WORDS = 4
# a lone link: a kicker before its headline ("Property news: ...") or a dangling separator
_LONE_LINK = re.compile(r"[A-Z][\w ]{2,30}: .{10,200}|.{10,200}(?: [-–—|]|…|\.\.\.)")
_MAX_HEADLINE_WORDS = 25
_CAPITALIZED = re.compile(r"\b[A-Z][\w-]*[A-Za-z0-9]")


def drop_appended(title: str, paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without the unrelated articles appended at their end."""
    end = len(paragraphs)
    k = end - 2
    while k >= max(3, len(paragraphs) - _MAX_APPENDED):
        if _headline(paragraphs[k]):
            before, after = " ".join([title, *paragraphs[:k]]), " ".join(paragraphs[k:end])
            story, tail = _names(before), _names(after)
            if tail and not story & tail and len(after) < len(before):
                end = k
            else:
                break
        k -= 1
    return paragraphs[:end]


def _headline(text: str) -> bool:
    words = text.split()
    return (
        _MIN_HEADLINE_WORDS <= len(words) <= _MAX_HEADLINE_WORDS
        and not text.endswith((".", "?", "!", ":", "”", '"', "’"))
        and text[:1].isupper()
    )


def _names(text: str) -> set[str]:
    """Lower-cased capitalised words that are not common English words."""
    found = set()
    for match in _CAPITALIZED.finditer(text):
        word = match.group().lower()
        for suffix in ("’s", "'s"):
            word = word.removesuffix(suffix)
        if word not in COMMON_WORDS and len(word) > 1:
            found.add(word)
    return found


def drop_link_list(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without a closing run of two or more headlines (links to other
    stories), or one that reads as a link, that follows a finished sentence."""
    end = len(paragraphs)
    while end > 0 and _link(paragraphs[end - 1]):
        end -= 1
    run = len(paragraphs) - end
    if end == 0 or run == 0:
        return paragraphs
    if run < _MIN_LINK_LIST and not _LONE_LINK.fullmatch(paragraphs[-1]):
        return paragraphs  # a last sentence that only lacks its full stop
    if not TERMINAL_END.search(paragraphs[end - 1]):
        return paragraphs  # "The measures include:" and a list of them
    return paragraphs[:end]


def _link(text: str) -> bool:
    return len(text.split()) >= _MIN_LINK_WORDS and headline_like(text.lstrip("-•– "))
