"""Folding names and texts into keys, so spellings that differ only in form match."""

import hashlib
import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NOT_WORD = re.compile(r"[^\w']+")


def fold_name(name: str) -> str:
    """Lower case, accents and punctuation off, a leading "the" and possessive 's kept apart.

    >>> fold_name("The Foreign Office  spokesman")
    'foreign office spokesman'
    >>> fold_name("Erdoğan")
    'erdogan'
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    if not text.isascii():  # ASCII has no combining marks: skip the walk over characters
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    words = _NOT_WORD.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    if "'" in text:
        words = [stripped for word in words if (stripped := word.strip("'"))]
    return " ".join(words)


def compact_of(key: str) -> str:
    """A folded key without its spaces: "Free News.AM" and "FreeNews.AM" are one name."""
    return key.replace(" ", "")


def head_of(key: str) -> str:
    """The first word of a folded key (the index used to find spelling variants)."""
    return key.split(" ", 1)[0]


def document_id(text: str) -> str:
    """A document's id: a hash of its text with Unicode and white space normalised."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
