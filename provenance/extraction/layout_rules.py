"""The layout patterns every English news page shares (extractors add their own).

Each furniture and end-marker pattern must match a whole line (case is ignored).
"""

from provenance.extraction.text import wordset

_SHARE_TARGETS = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|email|e-mail|print|tweet"
    r"|share)"
)

CORE_FURNITURE: tuple[str, ...] = (
    # comment prompts
    r"leave a (?:comment|reply)(?: cancel reply)?",
    r"(?:no|\d+) comments?",
    r"comments?",
    r"post (?:a )?comment",
    r"please enter your (?:comment|name|email)(?: address)?(?: here)?!?",
    r"your email address will not be published\..{0,80}",
    r"save my name, email, and website in this browser.{0,60}",
    r"(?:comment|name|email|website) ?\*?",
    r"you must be logged in to post a comment\.?",
    r"join the (?:conversation|discussion)",
    # share, print and rating widgets
    r"share(?: this)?(?: (?:post|article|story|page))?:?",
    r"share (?:on|via) \w+",
    # "Share: Facebook | X | WhatsApp", "Share this story: Facebook | Email"
    r"share[\w ]{0,20}:\s*[\w+.-]{1,20}(?: [\w+.-]{1,20})?"
    r"(?:\s*[|/•·,]\s*[\w+.-]{1,20}(?: [\w+.-]{1,20})?){0,8}",
    r"follow us on .{1,80}",
    r"\((?:with )?(?:inputs?|input) from [^)]{1,80}\)",
    # an inline link to another story: "Also Read: <headline>", "READ: <headline>"
    r"(?:(?:also )?read(?: more| also| next)?|see also|watch|listen):\s*.{3,160}",
    _SHARE_TARGETS,
    r"click to (?:share|print|email)[^\n]{0,60}",
    r"like this:?",
    r"like loading\.{0,3}",
    r"print(?: this)?(?: (?:article|page|story))?",
    r"reuse this content",
    r"did (?:this|the) article help you\??",
    r"was this (?:article|page|story) (?:helpful|useful)\??",
    r"rate this (?:article|post|story)",
    r"written by",
    r"reviewed by",
    r"fact[- ]checked by",
    r"updated \d+ (?:minutes?|hours?|days?) ago",
    # tags and signatures
    r"tags?:.{0,300}",
    r"filed under:?.{0,200}",
    r"topics?:.{0,200}",
    r"categor(?:y|ies):.{0,200}",
    # subscriptions, copyright, scripts
    r"(?:subscribe|sign up)(?: to| for)? (?:our|the) .{0,60}",
    r"newsletter(?: sign-up)?:.{0,80}",
    r"(?:copyright|©).{0,120}(?:rights reserved\.?)?",
    r"please (?:turn on|enable) javascript.{0,60}",
    r"advertisement",
    r"skip to (?:main )?content",
    r"key events",
    r"show key events only",
)

CORE_END_MARKERS: tuple[str, ...] = (
    r"(?:related|recommended|similar|more|top|latest)"
    r" (?:posts|articles|stories|news|reading|topics)"
    r"(?: like this)?:?",
    r"more (?:on|about) this (?:story|topic)",
    r"more articles like this",
    r"you (?:may|might) also (?:like|enjoy|be interested in)",
    r"read (?:more|next|also):?",
    r"also read:?",
    r"more from [\w ]{1,40}",
    r"most (?:viewed|read|popular)",
    r"trending(?: now)?",
    r"explore more on these topics",
    r"[_*=~-]{3,}",
)

HEADER_NOISE: tuple[str, ...] = (
    r"(?:[\w]+ )?(?:desk|bureau|newsroom)",
    r"(?:staff|senior|contributing|special) (?:writer|reporter|correspondent)",
    r"[\w ]{0,40}(?:correspondent|editor|reporter|writer)",
)

# "NAIROBI (Reuters) -", "LONDON, March 3 (AP) —", "THE HAGUE, Netherlands (AP) —", "LAGOS:"
CORE_DATELINES: tuple[str, ...] = (
    r"(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})"
    r"(?:, [^—–:()\n]{1,40}?)?(?: ?\([A-Za-z .]{1,30}\))? ?(?::|—|–|-{1,2}) +",
)

# "Springvale:", "Port Aster:": a place in mixed case, only before a colon
MIXED_CASE_DATELINE = r"(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}): +(?=[A-Z0-9“\"‘'])"

NOT_PLACES = wordset(
    "update updates breaking analysis opinion watch exclusive editorial note live photos video "
    "summary explainer comment review read also listen warning correction clarification "
    "background context disclaimer editor q a question answer interview transcript source "
    "sources photo credit caption bottom line why what how who when where"
)
"""Capitalised words that open a paragraph with a colon but are labels, not places."""

NON_PERSON_WORDS = wordset(
    "desk staff bureau team newsroom reporter reporters correspondent correspondents editor "
    "editors agency agencies press news wire service services network media online digital web"
)
"""Words that make a byline an office or an outlet rather than a person."""

ROLE_WORDS = wordset(
    "correspondent editor reporter writer journalist columnist contributor staff senior chief "
    "political business health science sports culture local government foreign diplomatic "
    "economics technology crime security environment education"
)
"""Words of a role that follows an author's name in a byline."""
