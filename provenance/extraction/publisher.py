"""The publishing outlet of a page, as the page itself names it.

The outlet that publishes a story is never an intermediary of its own story (FORMAT.md
Convention 5): ``told the Valley Courier`` in the Courier's own page is an interview with
no relay. The page names its publisher in its metadata (``RawDocument.outlet``), in a
site suffix of its title (``Headline | The Valley Courier``, ``Headline - Valley News``),
in a desk byline (``Valley Courier Staff``) or, failing those, in its dateline credit
(``PORT ASTER (Valley Courier) -``). Copyright lines and closing ``- Agency`` credits are
left out: on a page running another outlet's copy they credit that copy's source, whose
relays are kept.
"""

import re

from provenance.extraction.channels import MASTHEAD_WORDS
from provenance.extraction.lexicon.layout import (
    DESK_MODIFIERS,
    DESK_ROLE_PATTERN,
    OUTLET_NAME_LINK_PATTERN,
)

_NAME = rf"[A-Z][\w&.'’-]*(?: {OUTLET_NAME_LINK_PATTERN}?[A-Z][\w&.'’-]*){{0,4}}"
_TITLE_SITE = re.compile(rf"\s[|]\s(?P<name>(?:The )?{_NAME})\s*$")
_TITLE_DASH_SITE = re.compile(rf"\s[-–—]\s(?P<name>(?:The )?{_NAME})\s*$")
"""``Headline - The Valley News``: a dash suffix is a site only with a masthead word."""
_DESK_BYLINE = re.compile(
    rf"(?:By )?(?P<name>(?:The )?{_NAME}) {DESK_ROLE_PATTERN}",
)
_DATELINE_CREDIT = re.compile(
    r"(?:[A-Z][\w.'’-]*,? ){1,4}(?:[A-Z][a-z]{2,4}\.? \d{1,2} )?"
    r"\((?P<name>[A-Z][\w&.'’ -]{1,30})\)\s*(?:--|[-–—:•|])\s"
)
_HEAD_LINES = 15
"""How many lines from the top may hold a desk byline or the dateline."""


def publisher_of(text: str, title: str | None) -> str | None:
    """The outlet a page names as its publisher, if it names one."""
    return _title_site(text, title) or _desk_byline(text) or _dateline_credit(text)


def _title_site(text: str, title: str | None) -> str | None:
    """``The Valley Courier`` in ``Floods close the ring road | News | The Valley Courier``,
    the page title the headline was read from."""
    if not title:
        return None
    line = next((ln for ln in text.splitlines()[:_HEAD_LINES] if ln.strip().startswith(title)), "")
    return _site_suffix(line.strip()) or _site_suffix(title)


def _site_suffix(title: str) -> str | None:
    match = _TITLE_SITE.search(title)
    if match is None:
        dashed = _TITLE_DASH_SITE.search(title)
        words = dashed["name"].lower().split() if dashed else []
        match = dashed if MASTHEAD_WORDS & set(words) else None
    if match is None or len(title[: match.start()].split()) < 3:
        return None  # "Q+A | Jo Roe": a label, not a headline with its site
    return match["name"]


def _desk_byline(text: str) -> str | None:
    """``Valley Courier Staff`` standing alone on a line near the top."""
    for line in text.splitlines()[:_HEAD_LINES]:
        match = _DESK_BYLINE.fullmatch(line.strip())
        if match is not None and match["name"].split()[-1].lower() not in DESK_MODIFIERS:
            return match["name"]
    return None


def _dateline_credit(text: str) -> str | None:
    """``Valley Courier`` in a dateline ``PORT ASTER (Valley Courier) - ...``."""
    for line in text.splitlines()[:_HEAD_LINES]:
        match = _DATELINE_CREDIT.match(line.strip())
        if match is not None:
            return match["name"].strip()
    return None


def same_outlet(name: str, publisher: str | None) -> bool:
    """Whether a relay's name is the publisher's (``the Courier``, ``Valley Courier``)."""
    if not publisher:
        return False
    relay, own = _core(name), _core(publisher)
    if not relay or not own:
        return False
    return relay == own or _edge(relay, own)


def _core(name: str) -> str:
    words = name.lower().replace("’s", "").replace("'s", "").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _edge(relay: str, own: str) -> bool:
    """``Courier`` of ``Valley Courier``, ``Valley`` of ``Valley Courier``, and a programme
    of the outlet (``Valley Courier Radio``); not ``the Courier`` of ``the Hill Courier``."""
    return own.endswith(" " + relay) or own.startswith(relay + " ") or relay.startswith(own + " ")
