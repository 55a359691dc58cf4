"""Bylines and author credits: who wrote a story, as English news pages print it.

``By Jane Doe``, ``Jane Doe and John Roe, AP``, ``Jane Doe in Lima``, ``By Jane Doe,
Senior Producer`` (the role is not a name), ``By Jane Doe, Lagos`` (the place is the
dateline), ``Jane Doe/`` (a slash marks a credit), ``By Jane Doe of example.com``; wire
credits at the end (``Reporting by A; Writing by B; Editing by C``: the reporters and
writers are the authors); an author's bio at the end (``Jane Doe is a political
reporter with The Daily Courier``).
"""

import re

from provenance.extraction.lexicon.layout import (
    AUTHOR_CREDIT_ROLES,
    BIO_AFFILIATION_PATTERN,
    BIO_ARTICLE_PATTERN,
    BIO_ROLES,
    BYLINE_NAME_PARTICLES,
    CREDIT_ROLES_PATTERN,
    NON_PERSON_WORDS,
    OUTLET_LINK_PATTERN,
    ROLE_NOUNS,
    ROLE_WORDS,
)

_BY = re.compile(r"(?:^|\s)by:?\s+(?P<names>[A-Z][^\d]{2,120})$", re.IGNORECASE)
_NAME = re.compile(
    rf"[A-Z][\w’'.-]*(?:\s(?:[A-Z][\w’'.-]*|{'|'.join(BYLINE_NAME_PARTICLES)}))*"
    r"(?:\s[A-Z][\w’'.-]*)"
)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w’'. -]*$")
_OF_OUTLET = re.compile(rf"\s+{OUTLET_LINK_PATTERN}\s+\S.*$")
_CREDIT_SLASH = re.compile(r"\s*/$")
_PLACE_PART = re.compile(r"[A-Z][a-z’'-]+|[A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+){0,2}")
_MAX_BYLINE = 120

# "Reporting by A and B; Writing by C; Editing by D", in parentheses or not
_CREDIT_ROLE = CREDIT_ROLES_PATTERN
_CREDIT = re.compile(rf"\(?{_CREDIT_ROLE} by [^()]{{2,300}}\)?", re.IGNORECASE)
_CREDIT_PART = re.compile(
    rf"(?P<role>{_CREDIT_ROLE}) by (?P<names>[^;]+?)(?=;|,\s*{_CREDIT_ROLE} by|$)",
    re.IGNORECASE,
)

# "Jane Doe is a former political reporter with The Daily Courier"
_BIO = re.compile(
    rf"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{1,3}}) is {BIO_ARTICLE_PATTERN} "
    rf"(?:[\w-]+ ){{0,5}}(?:{'|'.join(BIO_ROLES)})(?: {BIO_AFFILIATION_PATTERN} .{{1,120}})?\.?"
)


def byline_names(line: str) -> list[str]:
    """The authors a byline line names, or [] when it is not a byline.

    Accepts ``By Jane Doe``, ``Posted on <date> by Jane Doe``, ``Jane Doe and John Roe,
    AP``, ``Jane Doe in Lima``, ``Jane Doe/`` and ``Jane Doe Local government
    correspondent``.
    """
    if len(line) > _MAX_BYLINE or line.endswith((".", "?", "!", ":", "”", '"')):
        return []
    match = _BY.search(line)
    if match:
        return _names(match.group("names"))
    if _CREDIT_SLASH.search(line):
        return _names(_CREDIT_SLASH.sub("", line), strict=True)
    if not line[:1].isupper():
        return []
    return _names(line, strict=True)


def marked_byline(text: str) -> bool:
    """Whether a line is a byline by its form: ``By``, ``and``, ``in <place>``, a slash
    credit or a role."""
    lowered = f" {text.lower()} "
    return (
        bool(_BY.search(text))
        or bool(_CREDIT_SLASH.search(text))
        or " and " in lowered
        or bool(_IN_PLACE.search(text.split(" and ")[0]))
        or any(f" {w} " in lowered for w in ROLE_WORDS)
    )


def byline_place(line: str) -> str | None:
    """The place a ``By Jane Doe, Lagos`` byline ends with (a one-word or upper-case part)."""
    match = _BY.search(line)
    if not match or "," not in match.group("names"):
        return None
    last = match.group("names").rsplit(",", 1)[1].strip()
    if _PLACE_PART.fullmatch(last) and last.lower() not in NON_PERSON_WORDS | ROLE_WORDS:
        return last
    return None


def credit_authors(line: str) -> list[str] | None:
    """The reporters and writers of a wire credit line, or None when it is not one."""
    if not _CREDIT.fullmatch(line):
        return None
    names: list[str] = []
    for part in _CREDIT_PART.finditer(line.strip("()")):
        credited = _names(part.group("names"), strict=True)
        if not credited:
            return None  # "Reporting by the paper showed ...": a sentence, not a credit
        if part.group("role").strip().lower() in AUTHOR_CREDIT_ROLES:
            names += [n for n in credited if n not in names]
    return names


def bio_author(line: str) -> str | None:
    """The author an end-of-story bio line describes, or None."""
    match = _BIO.fullmatch(line)
    return match.group("name") if match else None


def same_name(first: str, second: str) -> bool:
    """Whether two spellings name the same person (apostrophes folded)."""
    return _fold(first) == _fold(second)


def _fold(name: str) -> str:
    return name.replace("’", "'").casefold()


def _names(text: str, strict: bool = False) -> list[str]:
    names = []
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*|;\s*", text.strip()):
        name = _one_name(part.strip(), strict)
        if name is None:
            if strict:
                return []
            continue
        names.append(name)
    return names


def _one_name(part: str, strict: bool) -> str | None:
    part = _OF_OUTLET.sub("", _IN_PLACE.sub("", part))
    words = part.split()
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return _checked_name(words, strict)
    while words and words[-1].lower() in ROLE_WORDS:
        words.pop()  # "Local government correspondent": the role follows the name
        if words and not words[-1][:1].isupper():
            continue
        if words and len(words) > 2:
            words.pop()
    return _checked_name(words, strict)


def _checked_name(words: list[str], strict: bool) -> str | None:
    if not 2 <= len(words) <= 4:
        return None
    if words[0].lower() == "the" or any(w.lower() in NON_PERSON_WORDS for w in words):
        return None  # "The Canadian Press", "Web Desk": an outlet or an office
    candidate = " ".join(words)
    if not _NAME.fullmatch(candidate):
        return None
    if strict and any(w.lower() in ROLE_WORDS for w in words):
        return None
    return candidate
