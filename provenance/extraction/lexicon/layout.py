"""Page furniture, headings, bylines and datelines: what is not the story.

The layout patterns every English news page shares (extractors add their own). Each
furniture and end-marker pattern must match a whole line (case is ignored).
"""

from provenance.extraction.lexicon import wordset

#: Common nouns that label table rows and headings (``Background Details``).
HEADING_WORDS = wordset(
    "characteristics values value facts fact details overview background summary profile "
    "timeline key country countries region relations relationship history population capital "
    "language languages currency area status type category feature features item items "
    "description notes note result results date dates total source sources name topic "
    "issue issues position positions role impact outcome response reaction context"
)

#: What a share button shares to (``share on Facebook``), in furniture lines.
SHARE_TARGETS = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|telegram|reddit|email|e-mail|print|tweet"
    r"|share)"
)

#: Platforms one is followed on (``X is on Facebook and Instagram``).
FOLLOW_ON = r"(?:facebook|twitter|instagram|youtube|tiktok|threads|x)"
#: Ways to contact a newsroom (``contact us by email or phone``).
CONTACT_BY = r"(?:e-?mail|phone|text|whatsapp|facebook|twitter|instagram|x)"

#: Whole lines of page furniture: comment prompts, share widgets, clock times, notices.
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
    SHARE_TARGETS,
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
    # navigation, accessibility and page tools
    r"[•·]?\s*rss(?: feeds?)?",
    r"accessibility links",
    r"(?:[\w]+ )?navigation",
    r"(?:main )?menu",
    r"page tools",
    r"listen(?: to)?(?: this)? (?:article|story)(?: \d+ min(?:ute)?s?)?",
    r"(?:save|gift|bookmark)(?: this)?(?: article| story)?",
    r"(?:text|font) size",
    r"(?:show|hide|toggle|expand|close) (?:caption|image|gallery)",
    r"(?:view|open) (?:\d+ )?(?:gallery|photos|images|image in gallery)",
    r"enlarge this image",
    r"sign (?:in|up|out)(?: to [\w ]{1,40})?",
    r"log ?(?:in|out)",
    r"[|/•·\-–—]+",
    # banners over a story
    r"breaking(?: news)?",
    r"just in",
    r"(?:on air|live)(?: now)?",
    r"listen live",
    # ad slots
    r"\d{2,4} ?[x×] ?\d{2,4}",
    r"ad(?:vertisement)?s?",
    r"sponsored(?: content)?",
    r"(?:content|story|article) continues (?:below|after (?:this )?(?:advertisement|ad))",
    # read-time, video and audio player lines
    r"\d{1,3} ?min(?:ute)?s?\.? read",
    r"(?:watch|go to|play|close) (?:the )?video(?: ad)?",
    r"unmute.{0,60}",
    r"press play .{0,60}",
    # photo captions and credits
    r"[\w/ ]{0,40}(?:getty images|shutterstock|istock(?:photo)?)",
    r"(?:photo|image|picture|photograph)(?: credit)?s?:.{1,120}",
    r".{3,160}\((?:source|photo|picture|image|credit|file photo)s?: [^)]{1,60}\)",
    r".{3,300}[.!?] / [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}",
    r"sources?: [^.]{1,80}\.?",
    r"(?:image|media) (?:source|caption|credit)s?,? .{1,200}",
    # a caption ending in its credit: "... on Tuesday. Photo: Jane Doe/Agency"
    r".{3,200}[.!?]? (?:photo|picture|image|photograph)(?: credit)?: "
    r"(?-i:[A-Z][\w.&'’-]*(?:[ /][A-Z][\w.&'’-]*){0,4})",
    r".{3,300}\([\w .]{0,20}photo(?:/| by |: )[^)]{1,60}\)",
    # print-edition credits: "(The Daily Courier 03/14/2014 page 19)"
    r"\([^()]{2,80}\bpage ?\d{1,3}\)",
    # browser, script and archive notices
    r"(?:notice: )?(?:this|your) (?:web )?browser is (?:out of date|outdated|not supported|"
    r"no longer supported).{0,300}",
    r"(?:please )?(?:update|upgrade) your browser.{0,120}",
    r"for (?:the best|a better) experience,? .{0,60}(?:browser|javascript|css|update|"
    r"upgrade).{0,200}",
    r"javascript is (?:disabled|required|turned off).{0,60}",
    r"this (?:article|story|page) (?:is|comes) from (?:our|the) archives?.{0,240}",
    # contact and app prompts, social follows
    rf"contact (?:the|us|our)[\w ]{{0,40}} by {CONTACT_BY}"
    rf"(?: ?,? (?:or |and )?{CONTACT_BY})+.{{0,80}}",
    r"(?:to get|for) .{0,60}\balerts\b.{0,60}\bdownload .{0,200}",
    rf"[\w .]{{1,40}} is on {FOLLOW_ON}(?:,? (?:and )?{FOLLOW_ON}){{0,4}}(?: as well)?\.?",
    r"follow [\w.]{1,30} on .{1,60}",
    r"(?:share your|send us your) (?:pictures|photos|videos|clips|stories).{0,80}",
    # more comment furniture
    r"[-–•]?\s*(?:add (?:a |new )?)?comments?",
    r"comments are (?:closed|disabled)\.?",
    r"be the first to (?:comment|share your (?:views|thoughts)|review).{0,30}",
    r"(?:mandatory|required) fields are marked ?\*?\.?",
    # desk bylines: "By Editor", "By Web Desk"
    r"by:? (?:the |our )?(?:[\w]+ )?(?:editor|admin|administrator|staff|desk|webmaster|"
    r"newsroom)s?",
    # a bare clock time or video duration: "3:47pm", "01:24"
    r"\d{1,2}:\d\d(?::\d\d)? ?(?:[ap]\.?m\.?)?(?: ?[a-z]{2,4})?",
    # regulatory announcements
    r"this announcement (?:is deemed to )?contains? inside information.{0,240}",
)

#: Whole lines after which nothing is the story (``Related articles``, ``Most read``).
CORE_END_MARKERS: tuple[str, ...] = (
    r"(?:related|recommended|similar|more|top|latest)"
    r" (?:posts|articles|stories|news|reading|topics)"
    r"(?: like this)?:?",
    r"more (?:on|about) this (?:story|topic)",
    r"more articles like this",
    r"you (?:may|might) also (?:like|enjoy|be interested in)",
    r"read (?:next|also):?",
    r"also read:?",
    r"more from [\w ]{1,40}",
    r"most (?:viewed|read|popular)",
    r"trending(?: now)?",
    r"explore more on these topics",
    r"(?:today'?s )?(?:top|latest|more) (?:news|stories|headlines)",
    r"for (?:more|further) information,? (?:please )?contact:?",
    r"[_*=~-]{3,}",
)

#: Whole lines in a page head that are a desk or a role, not a title (``Staff writer``).
HEADER_NOISE: tuple[str, ...] = (
    r"(?:[\w]+ )?(?:desk|bureau|newsroom)",
    r"(?:staff|senior|contributing|special) (?:writer|reporter|correspondent)",
    r"[\w ]{0,40}(?:correspondent|editor|reporter|writer|producer)",
    r"[\w&.' ]{1,40} staff",
)

#: Whole lines that head a list of links: the story ends there when a headline follows; before
#: more prose they are a widget inside the story.
LINK_MARKERS: tuple[str, ...] = (r"read more:?", r"more on this:?")

#: Whole lines that end the story when they stand in the second half of the page (a comment
#: section's heading); higher up the same words are a widget link.
TAIL_MARKERS: tuple[str, ...] = (
    r"(?:add (?:a |new )?|leave a |post a )?comments?",
    r"\d+ comments?",
    r"comments are (?:closed|disabled)\.?",
    r"(?:related|more) (?:videos|links)",
)

#: Month abbreviations that may close a dateline place (``Sept.``), not a state.
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
#: A month and day in a dateline (``March 3``, ``Nov. 12``).
MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
#: An agency in brackets after a dateline place (``(AP)``).
AGENCY_CREDIT = r"\([A-Za-z .]{2,30}\)"
#: A US state as AP datelines abbreviate it: "Pa.", "Calif.", "N.Y.".
US_STATE = rf"(?!{MONTH_ABBR}\.)(?:[A-Z]\.[A-Z]\.|[A-Z][a-z]{{1,4}}\.)"
#: A word in capitals.
CAPS_WORD = r"[A-Z][A-Z'.\-]+"
#: A place in capitals: "PORT ASTER", "THE VALE", "EASTMERE/NORTHPORT".
CAPS_CITY = rf"{CAPS_WORD}(?: {CAPS_WORD}){{0,3}}"
#: Up to three places in capitals joined by slashes.
CAPS_PLACE = rf"{CAPS_CITY}(?:/{CAPS_CITY}){{0,2}}"
#: A place of one to three words in mixed case.
MIXED_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"

#: Datelines in capitals: "PORT ASTER (Reuters) -", "EASTMERE, March 3 (AP) —", "THE VALE, Westland
#: (AP) —", "NORTHPORT:", "MILL CREEK, Pa. —", "EASTMERE/NORTHPORT (Reuters) -", "NORTHPORT • ",
#: "PORT ASTER. AGENCY Some ...".
CORE_DATELINES: tuple[str, ...] = (
    rf"(?P<place>{CAPS_PLACE}(?:, {US_STATE})?)"
    r"(?:, [^—–:()•|\n]{1,40}?)?(?: ?\([A-Za-z .]{1,30}\))? ?(?::|—|–|-{1,2}|•|\|) +",
    rf"(?P<place>{CAPS_PLACE})\. [A-Z]{{3,}}(?: ?[—–-]+)? +(?=[A-Z0-9“\"‘'])",
)

#: Datelines with a place in mixed case: "Springvale:", "Port Aster —", "Eastmere, December 9:",
#: "Northport, Nov 12 (AP):", "Mill Creek (CNN) --", "New Aster, Aug 17 (AP) The ...".
MIXED_CASE_DATELINES: tuple[str, ...] = (
    rf"(?P<place>{MIXED_PLACE})(?:, {MONTH_DAY})?(?: ?{AGENCY_CREDIT})? ?(?::|—|–|-{{1,2}}) +"
    r"(?=[A-Z0-9“\"‘'])",
    rf"(?P<place>{MIXED_PLACE}), {MONTH_DAY} {AGENCY_CREDIT} +(?=[A-Z0-9“\"‘'])",
)

#: Capitalised words that open a paragraph with a colon but are labels, not places.
NOT_PLACES = wordset(
    "update updates breaking analysis opinion watch exclusive editorial note live photos video "
    "summary explainer comment review read also listen warning correction clarification "
    "background context disclaimer editor q a question answer interview transcript source "
    "sources photo credit caption bottom line why what how who when where"
)

#: Words that make a byline an office or an outlet rather than a person.
NON_PERSON_WORDS = wordset(
    "desk staff bureau team newsroom reporter reporters correspondent correspondents editor "
    "editors agency agencies press news wire service services network media online digital web"
)

#: Words of a role that follows an author's name in a byline.
ROLE_WORDS = wordset(
    "correspondent editor reporter writer journalist columnist contributor staff senior chief "
    "political business health science sports culture local government foreign diplomatic "
    "economics technology crime security environment education producer anchor photographer "
    "presenter"
)

#: The role words that end a role after a name (``Local government correspondent``).
ROLE_NOUNS = wordset(
    "correspondent editor reporter writer journalist columnist contributor staff producer "
    "anchor photographer presenter"
)

#: Transcript labels of the one who asks (``Q:``, ``Interviewer:``).
QUESTION_LABELS = frozenset({"q", "question", "interviewer"})

#: Transcript labels of the one who answers (``A:``).
ANSWER_LABELS = frozenset({"a", "answer"})

#: Roles of a story's credit line (``Reporting by``, ``Editing by``).
CREDIT_ROLES_PATTERN = r"(?:additional )?(?:reporting|writing|editing|compiled|produced|graphics)"

#: Labels before a page's date (``Published``, ``Updated``).
DATE_LABELS_PATTERN = r"\b(?:published|updated|posted|modified|created|filed|dated?)\b"

#: Lower-case particles inside an author's name in a byline (``Jo van Roe``).
BYLINE_NAME_PARTICLES: tuple[str, ...] = (
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "dos",
    "du",
    "al",
    "bin",
    "el",
    "la",
    "le",
)

#: Roles of an author's biography line (``Jo Roe is a political reporter with ...``).
BIO_ROLES: tuple[str, ...] = (
    "reporter",
    "correspondent",
    "journalist",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "producer",
)

#: Labelled header lines (``HEADLINE: ...``, ``BY: ...``): a pattern of the label before
#: its colon, and the field its value fills (``title``, ``authors``, ``published`` or
#: ``dateline``). Extractors add their own (``LayoutRules.header_labels``).
HEADER_LABELS: dict[str, str] = {
    "headline": "title",
    "by|byline": "authors",
    "filed|date|published": "published",
    "place|dateline": "dateline",
}

#: Labels before an ISO date that opens a body line (``Published: 2024-05-03``).
LEADING_DATE_LABELS_PATTERN = r"(?:date|published|posted)"

#: Credit roles that make one an author of the story (``Reporting by``, ``Writing by``).
AUTHOR_CREDIT_ROLES = frozenset({"reporting", "writing"})

#: Words that make ``X Reporter`` a reporter's beat (``Senior Reporter``), not an outlet's desk
#: byline (``Valley Courier Reporter``).
DESK_MODIFIERS = wordset(
    "senior chief special staff political business foreign sports court crime health "
    "education science technology city national international local regional diplomatic "
    "economics economic legal defence defense environment entertainment features news "
    "investigative contributing associate managing deputy"
)

#: Labels of page furniture (``Source: ...``) that end a run of answers.
FURNITURE_LABELS = frozenset(
    {
        "source",
        "sources",
        "photo",
        "photos",
        "credit",
        "credits",
        "read more",
        "related",
        "also read",
        "see also",
        "watch",
        "video",
        "editing by",
        "reporting by",
        "tags",
    }
)

#: ``By Jo Roe of The Daily Courier``: the link from a byline's name to its outlet.
OUTLET_LINK_PATTERN = r"(?:of|for|at)"

#: ``Jo Roe is a reporter ...``: the article of an author's biography.
BIO_ARTICLE_PATTERN = r"(?:a|an|the)"

#: ``... reporter with The Daily Courier``: the link from a biography's role to its outlet.
BIO_AFFILIATION_PATTERN = r"(?:with|at|for|of|on)"

#: Small words inside an outlet's name (``Bank of Westland``, ``The Times and Post``).
OUTLET_NAME_LINK_PATTERN = r"(?:of |the |and |& )"

#: ``The Daily Courier Staff Writer``: the desk or staff role after an outlet's name.
DESK_ROLE_PATTERN = (
    r"(?:Staff(?: Writer| Reporter)?|Reporter|"
    r"Correspondent|(?:News|Web|Online|Digital) Desk|Newsroom)"
)
