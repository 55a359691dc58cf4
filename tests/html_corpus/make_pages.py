# ruff: noqa: E501 (HTML templates read best a line of markup at a time)
"""Write the HTML test pages from the plain-text corpus (``tests/corpus``) and their gold.

Each article of ``tests/corpus/docs`` is dressed in one of five page templates with the
furniture real news sites carry (navigation, cookie notices, adverts, share widgets,
captions, paywall banners, newsletter boxes, related stories, comments) and the metadata
they declare (JSON-LD, OpenGraph, ``<meta>``, ``<time>``, canonical links, AMP). Run from
the repository root: ``.venv/bin/python tests/html_corpus/make_pages.py``; the pages are
committed. It also writes ``inputs/``: an RSS feed (with a broken entry), a WARC of several
pages and a truncated copy of it, and ninjs 2.x and 3.x items (and an invalid one).
"""

import html
import json
import re
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"

#: Furniture each template adds; a test checks that none of it reaches a body.
FURNITURE = [
    "Accept all cookies",
    "We use cookies to improve your experience",
    "Subscribe to continue reading",
    "You have 2 free articles left this month",
    "Share on Facebook",
    "Share on X",
    "ADVERTISEMENT",
    "Sign up for our morning briefing",
    "Related stories",
    "Mayor unveils plan for new cycle lanes",
    "Five things to watch this week",
    "Comments are closed",
    "This is a disgrace, the council should resign",
    "Photograph: Staff photographer",
    "Most viewed",
    "Skip to main content",
]
HEADER_WORDS = ("staff writer", "associated press", "key events", "show key events")
FURNITURE_LINE = re.compile(r"^(Home |Share this|Click to share|Tweet$|Facebook$|WhatsApp$)")


def split(text: str, doc: dict) -> tuple[str | None, list[str]]:
    """The standfirst (if any) and the body paragraphs of a plain-text article."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = [line for line in paragraph.strip().split("\n") if line not in doc["not_body"]]
        if lines and not FURNITURE_LINE.match(lines[0]):
            paragraphs.append("\n".join(lines))
    start = paragraphs.index(doc["title"]) + 1
    standfirst = None
    if len(paragraphs[start]) > 80 and not _is_header(paragraphs[start], doc):
        standfirst = paragraphs[start]
        start += 1
    while start < len(paragraphs) and _is_header(paragraphs[start], doc):
        start += 1
    return standfirst, [p for p in paragraphs[start:] if not _is_header(p, doc)]


def _is_header(paragraph: str, doc: dict) -> bool:
    if len(paragraph) > 120:
        return False
    lowered = paragraph.lower()
    return (
        any(author.lower() in lowered for author in doc["authors"])
        or any(word in lowered for word in HEADER_WORDS)
        or bool(re.search(r"\b20\d\d\b", paragraph) and len(paragraph) < 60)
        or paragraph.startswith("Please turn on")
    )


def json_ld(meta: dict, authors: list[str]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": meta["title"],
        "author": [{"@type": "Person", "name": name} for name in authors],
        "publisher": {"@type": "Organization", "name": meta["site"]},
        "inLanguage": meta["language"],
        "mainEntityOfPage": meta["url"],
    }
    if meta["published"]:
        data["datePublished"] = meta["published"] + "T09:30:00Z"
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def og(meta: dict) -> str:
    tags = [
        f'<meta property="og:title" content="{html.escape(meta["title"])}">',
        f'<meta property="og:site_name" content="{html.escape(meta["site"])}">',
        f'<meta property="og:url" content="{meta["url"]}">',
        '<meta property="og:type" content="article">',
    ]
    if meta["published"]:
        tags.append(f'<meta property="article:published_time" content="{meta["published"]}">')
    return "\n".join(tags)


def paragraphs_html(paragraphs: list[str], every: int, insert: str) -> str:
    out = []
    for index, paragraph in enumerate(paragraphs, 1):
        out.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
        if index % every == 0 and index < len(paragraphs):
            out.append(insert)
    return "\n".join(out)


def byline(authors: list[str]) -> str:
    links = [
        f'<a rel="author" href="/authors/{i}">{html.escape(a)}</a>' for i, a in enumerate(authors)
    ]
    return f'<p class="byline">By {" and ".join(links)}</p>' if links else ""


def time_tag(meta: dict) -> str:
    if not meta["published"]:
        return ""
    shown = date.fromisoformat(meta["published"]).strftime("%B %-d, %Y")
    return f'<time datetime="{meta["published"]}T09:30:00Z" class="published">{shown}</time>'


NAV = """<a class="skip" href="#main">Skip to main content</a>
<header><nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>"""
COOKIES = """<div id="cookie-notice" class="cookie-banner" role="dialog"><p>We use cookies to improve your experience on our site.</p>
<button>Accept all cookies</button><button>Manage preferences</button></div>"""
AD = '<div class="ad-slot advertisement" data-ad="mid"><span>ADVERTISEMENT</span><iframe src="/ads/1"></iframe></div>'
SHARE = """<div class="share-tools"><ul><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li>
<li><a href="#">Email</a></li></ul></div>"""
RELATED = """<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/news/cycle-lanes">Mayor unveils plan for new cycle lanes</a></li>
<li><a href="/news/week-ahead">Five things to watch this week</a></li></ul></aside>"""
COMMENTS = """<section id="comments" class="comments"><h2>3 comments</h2>
<article class="comment"><p class="comment-author">RiverWatcher42</p><p>This is a disgrace, the council should resign.</p></article>
<article class="comment"><p class="comment-author">J. Smith</p><p>Finally some common sense.</p></article>
<p class="comments-closed">Comments are closed.</p></section>"""
FIGURE = """<figure class="lead-image"><img src="/img/lead.jpg" alt="">
<figcaption>The scene on Tuesday. Photograph: Staff photographer</figcaption></figure>"""
NEWSLETTER = """<div class="newsletter-signup"><h3>Sign up for our morning briefing</h3>
<form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>"""
PAYWALL = """<div class="paywall-banner"><p>You have 2 free articles left this month.</p>
<p>Subscribe to continue reading</p><a href="/subscribe">Subscribe</a></div>"""
MOST_VIEWED = """<aside class="most-viewed"><h2>Most viewed</h2><ol><li><a href="/a">Five things to watch this week</a></li></ol></aside>"""
FOOTER = "<footer><p>© 2024 All rights reserved.</p><nav><a href='/about'>About us</a> <a href='/privacy'>Privacy</a></nav></footer>"


def classic(meta, standfirst, body) -> str:
    return f"""<!DOCTYPE html>
<html lang="{meta["language"]}"><head><meta charset="utf-8"><title>{html.escape(meta["title"])} | {meta["site"]}</title>
<link rel="canonical" href="{meta["url"]}">
{og(meta)}
{json_ld(meta, meta["authors"])}
</head><body>
{NAV}
{COOKIES}
<main id="main"><article class="story">
<h1 class="headline">{html.escape(meta["title"])}</h1>
{_standfirst(standfirst)}
{byline(meta["authors"])}
{time_tag(meta)}
{FIGURE}
{SHARE}
<div class="story-body">
{paragraphs_html(body, 4, AD)}
</div>
{SHARE}
</article>
{RELATED}
{COMMENTS}
</main>
{FOOTER}
</body></html>
"""


def amp(meta, standfirst, body) -> str:
    ad = '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/ad"><div fallback>ADVERTISEMENT</div></amp-ad>'
    return f"""<!doctype html>
<html amp lang="{meta["language"]}"><head><meta charset="utf-8">
<title>{html.escape(meta["title"])}</title>
<link rel="canonical" href="{meta["url"]}">
<meta name="viewport" content="width=device-width">
{json_ld(meta, meta["authors"])}
<style amp-custom>body{{font-family:serif}}</style>
</head><body>
{NAV}
<amp-consent id="consent" layout="nodisplay"><div class="consent-ui"><p>We use cookies to improve your experience on our site.</p><button on="tap:consent.accept">Accept all cookies</button></div></amp-consent>
<article>
<h1>{html.escape(meta["title"])}</h1>
{_standfirst(standfirst)}
{byline(meta["authors"])}
{time_tag(meta)}
<amp-social-share type="facebook" aria-label="Share on Facebook"></amp-social-share>
<div class="article-body">
{paragraphs_html(body, 3, ad)}
</div>
</article>
{RELATED}
{FOOTER}
</body></html>
"""


def wordpress(meta, standfirst, body) -> str:
    shown = time_tag(meta)
    return f"""<!DOCTYPE html>
<html lang="{meta["language"]}"><head><meta charset="UTF-8">
<title>{html.escape(meta["title"])} – {meta["site"]}</title>
<link rel="canonical" href="{meta["url"]}">
<meta name="author" content="{html.escape(", ".join(meta["authors"]))}">
{og(meta)}
</head><body class="single-post">
{NAV}
<div id="content" class="site-content"><main id="main">
<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">{html.escape(meta["title"])}</h1>
<div class="entry-meta">Posted on {shown} by <span class="author vcard">{html.escape(" and ".join(meta["authors"]))}</span></div></header>
<div class="entry-content">
{_standfirst(standfirst)}
{paragraphs_html(body, 5, NEWSLETTER)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>{SHARE}</div>
</div>
</article>
{COMMENTS}
</main>
<aside id="secondary" class="widget-area">{RELATED}{MOST_VIEWED}</aside></div>
{COOKIES}
{FOOTER}
</body></html>
"""


def paywalled(meta, standfirst, body) -> str:
    return f"""<!DOCTYPE html>
<html lang="{meta["language"]}"><head><meta charset="utf-8"><title>{html.escape(meta["title"])}</title>
<link rel="canonical" href="{meta["url"]}">
<meta name="author" content="{html.escape(", ".join(meta["authors"]))}">
<meta name="description" content="{html.escape(standfirst or meta["title"])}">
{og(meta)}
</head><body>
{NAV}
{PAYWALL}
<div class="container"><article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{html.escape(meta["title"])}</h1>
{_standfirst(standfirst)}
{byline(meta["authors"])}
{time_tag(meta)}
<section class="article-content" itemprop="articleBody">
{paragraphs_html(body, 4, NEWSLETTER)}
</section>
</article>
{MOST_VIEWED}
{RELATED}</div>
{FOOTER}
</body></html>
"""


def broadsheet(meta, standfirst, body) -> str:
    return f"""<!DOCTYPE html>
<html lang="{meta["language"]}"><head><meta charset="utf-8"><title>{html.escape(meta["title"])} | {meta["site"]}</title>
<link rel="canonical" href="{meta["url"]}">
{og(meta)}
{json_ld(meta, meta["authors"])}
</head><body>
{COOKIES}
{NAV}
<main id="main"><div class="content__head">
<h1>{html.escape(meta["title"])}</h1>
{_standfirst(standfirst)}
<address>{byline(meta["authors"])}</address>
{time_tag(meta)}
</div>
{FIGURE}
<div class="content__article-body" itemprop="articleBody">
{paragraphs_html(body, 6, AD)}
</div>
{SHARE}
{MOST_VIEWED}
{COMMENTS}
</main>
{FOOTER}
</body></html>
"""


def _standfirst(standfirst: str | None) -> str:
    return f'<p class="standfirst">{html.escape(standfirst, quote=False)}</p>' if standfirst else ""


TEMPLATES = [classic, amp, wordpress, paywalled, broadsheet]
SITES = [
    "The Riverton Herald",
    "Daily Ledger",
    "Coastline News",
    "The Morning Post",
    "Capital Times",
]


def main() -> None:
    gold = json.loads((CORPUS / "gold.json").read_text("utf-8"))
    docs = HERE / "docs"
    docs.mkdir(exist_ok=True)
    expected, bodies = [], []
    for index, doc in enumerate(gold["documents"]):
        text = (CORPUS / "docs" / doc["file"]).read_text("utf-8")
        standfirst, body = split(text, doc)
        name = doc["file"].removesuffix(".txt") + ".html"
        site = SITES[index % len(SITES)]
        slug = name.removesuffix(".html").split("_", 1)[1].replace("_", "-")
        meta = {
            "file": name,
            "title": doc["title"],
            "authors": doc["authors"],
            "published": doc["published"],
            "site": site,
            "language": "en",
            "url": f"https://www.{site.lower().replace(' ', '')}.example/2024/{slug}",
        }
        page = TEMPLATES[index % len(TEMPLATES)](meta, standfirst, body)
        (docs / name).write_text(page, encoding="utf-8")
        doc.update(file=name, not_body=FURNITURE)
        expected.append(meta)
        bodies.append([standfirst, *body] if standfirst else body)
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
    (HERE / "metadata.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    write_inputs(
        [page for page in expected if page["published"]],
        [body for page, body in zip(expected, bodies, strict=True) if page["published"]],
    )


def write_feed(pages: list[dict], bodies: list[list[str]]) -> None:
    """An RSS 2.0 feed: two full entries, one with a summary only, one broken (no text)."""
    entries = []
    for meta, body in zip(pages, bodies, strict=True):
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body)
        entries.append(
            f"""<item><title>{html.escape(meta["title"])}</title><link>{meta["url"]}</link>
<dc:creator>{html.escape(" and ".join(meta["authors"]))}</dc:creator>
<pubDate>{date.fromisoformat(meta["published"]).strftime("%a, %d %b %Y")} 09:30:00 +0000</pubDate>
<description>{html.escape(body[0], quote=False)}</description>
<content:encoded><![CDATA[{content}]]></content:encoded></item>"""
        )
    entries.append("<item><link>https://broken.example/1</link><pubDate>yesterday</pubDate></item>")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Coastline News</title><link>https://www.coastlinenews.example/</link>
<description>Latest stories</description>
{"".join(entries)}
</channel></rss>
"""
    (HERE / "inputs" / "news.rss").write_text(feed, encoding="utf-8")


def write_warcs(names: list[str]) -> None:
    """A WARC of several pages (and a robots.txt, which is not a page), and a truncated copy."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    robots = ("https://www.dailyledger.example/robots.txt", b"User-agent: *\n", "text/plain")
    pages = [
        (f"https://www.example.org/{name}", (HERE / "docs" / name).read_bytes(), "text/html")
        for name in names
    ]
    for uri, payload, content_type in [robots, *pages]:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", f"{content_type}; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            uri, "response", payload=BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    data = buffer.getvalue()
    (HERE / "inputs" / "pages.warc.gz").write_bytes(data)
    (HERE / "inputs" / "truncated.warc.gz").write_bytes(data[: int(len(data) * 0.7)])


def write_ninjs(meta: dict, body: list[str]) -> None:
    """The same article as ninjs 2.x and 3.x, and an invalid item in a list with a good one."""
    v2 = {
        "uri": meta["url"],
        "type": "text",
        "headline": meta["title"],
        "byline": "By " + " and ".join(meta["authors"]),
        "firstcreated": meta["published"] + "T09:30:00Z",
        "versioncreated": meta["published"] + "T11:00:00Z",
        "located": "Lagos",
        "copyrightholder": meta["site"],
        "language": "en",
        "body_text": "\n\n".join(body),
    }
    v3 = {
        "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json",
        "uri": meta["url"],
        "type": "text",
        "headlines": [{"role": "main", "value": meta["title"]}],
        "bylines": [{"byline": " and ".join(meta["authors"])}],
        "firstcreated": meta["published"] + "T09:30:00Z",
        "located": "Lagos",
        "copyrightholder": meta["site"],
        "language": "en",
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body),
            }
        ],
    }
    invalid = {"uri": "urn:example:broken", "headline": 42, "body_text": ["not", "text"]}
    folder = HERE / "inputs"
    (folder / "item-2x.json").write_text(json.dumps(v2, ensure_ascii=False, indent=1), "utf-8")
    (folder / "item-3x.json").write_text(json.dumps(v3, ensure_ascii=False, indent=1), "utf-8")
    batch = json.dumps(
        [invalid, {**v2, "headline": meta["title"] + " (update)"}], ensure_ascii=False
    )
    (folder / "items-with-invalid.json").write_text(batch, "utf-8")


def write_inputs(pages: list[dict], bodies: list[list[str]]) -> None:
    (HERE / "inputs").mkdir(exist_ok=True)
    write_feed(pages[:3], bodies[:3])
    write_warcs([page["file"] for page in pages[3:7]])
    lagos = next(i for i, page in enumerate(pages) if page["file"].startswith("09_"))
    write_ninjs(pages[lagos], bodies[lagos])


if __name__ == "__main__":
    main()
