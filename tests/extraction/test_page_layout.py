"""Layout of real English news pages: headline, dates, datelines, bylines, furniture and
what is appended below a story (invented page snippets)."""

import pytest

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules, byline_names, parse_layout
from tests.extraction.conftest import run

TITLE = "Harbour reopens after week of storms"
LEDE = "The harbour at Port Aster reopened on Monday after a week of storms, officials said."
SECOND = '"We are open for business again," said Ana Lima, the harbour master.'
THIRD = "Dock workers returned to the quays on Tuesday, the union said."


def parse(text: str):
    return parse_layout(RawDocument(text=text), LayoutRules(), "generic")


def page(*lines: str) -> str:
    return "\n\n".join(lines)


# --- the headline -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # no headline: the lead is not a title and stays in the body
        (page(LEDE, SECOND), ""),
        (page("Eastland", LEDE, SECOND), ""),  # a one-word section label
        (page("Dr Ana Lima", "Jane Doe/", LEDE, SECOND), ""),  # a portrait's caption
        (page("date 2021-05-03 " + LEDE, SECOND), ""),
        # a lead too long for a headline, even without its full stop
        (page(" ".join(["The harbour reopened"] * 9), LEDE), ""),
        # the headline after page furniture
        (page("Accessibility links", "Breaking News", TITLE, LEDE), TITLE),
        (page("• RSS Feeds", TITLE, LEDE), TITLE),
        (page("This browser is out of date. Please update it here", TITLE, LEDE), TITLE),
        (page("on air now", TITLE, LEDE), TITLE),
        (page("NewsSportWeather BusinessMarkets", TITLE, LEDE), TITLE),
        (page("date 2021-05-03 Politics", "example.com", TITLE, LEDE), TITLE),
        (page("date 2021-05-03 " + TITLE, LEDE), TITLE),
        (page("3 May 2021", TITLE, LEDE), TITLE),
        # a tagline above the headline, which the page repeats as its heading
        (
            page(
                "Your Daily Guide to Shipping & Ports", TITLE, "Updated: May 3, 2021", TITLE, LEDE
            ),
            TITLE,
        ),
        # company and publication lines above a headline
        (page('Aster Holdings Plc ("Aster")', TITLE, LEDE), TITLE),
        (page("The Daily Courier (Port Aster)", TITLE, "By Jane Doe", LEDE), TITLE),
        # a page title with its section and site; a short title with a pipe stays whole
        (page(f"{TITLE} | News | The Courier", LEDE), TITLE),
        (
            page("Q&A | Ana Lima", "Q: How did the storm hit the port this week?", LEDE),
            "Q&A | Ana Lima",
        ),
        # a title-case headline ending in a job title is not a byline
        (
            page("Aster Holdings Names Acting Finance Chief", LEDE),
            "Aster Holdings Names Acting Finance Chief",
        ),
        # a short quoted sentence is the lead, not a headline
        (page("“We are open again.”", LEDE), ""),
        # questions can be headlines
        (page("Is the harbour ready for winter?", LEDE), "Is the harbour ready for winter?"),
    ],
)
def test_headline_only_where_a_line_reads_like_one(text: str, title: str):
    parsed = parse(text)
    assert parsed.title == title
    assert LEDE in parsed.body or parsed.body.startswith("The harbour reopened")


def test_long_menu_of_single_words_above_the_headline():
    menu = ["Home", "World", "Business", "Markets", "Sport", "Culture", "Travel", "Earth"]
    parsed = parse(page(*menu, *menu, TITLE, "By Jane Doe", LEDE))
    assert (parsed.title, parsed.authors, parsed.body) == (TITLE, ["Jane Doe"], LEDE)


def test_repeated_headline_is_not_body():
    parsed = parse(page(TITLE, TITLE, f"PORT ASTER — {LEDE}", SECOND))
    assert parsed.title == TITLE
    assert parsed.dateline == "PORT ASTER"
    assert TITLE not in parsed.body


# --- publication dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (page(TITLE, "Published 3 May 2021", LEDE), "2021-05-03"),
        (page(TITLE, "Updated: Aug 17, 2023 04:12:08pm", LEDE), "2023-08-17"),
        (page(TITLE, "14 September 2023 | 10:42", LEDE), "2023-09-14"),
        (page("05/03/2021 03:41 EST | Updated 05/24/2021 06:12 EST", TITLE, LEDE), "2021-05-03"),
        (page("Page last updated at 06:51 GMT, Tuesday, 12 June 2012", TITLE, LEDE), "2012-06-12"),
        (page(TITLE, "May 3,2021", LEDE), "2021-05-03"),
        (page("date 2021-05-03 " + TITLE, LEDE), "2021-05-03"),
        (page("date 2021-05-03 " + LEDE, SECOND), "2021-05-03"),
        # a print-edition credit, then a copyright year, when the head has no date
        (page(TITLE, LEDE, SECOND, "(The Daily Courier 03/14/2014 page 19)"), "2014-03-14"),
        (page(TITLE, LEDE, SECOND, "© Courier Press 2020"), "2020"),
        (page(TITLE, LEDE, SECOND, "Copyright 2022, Norpress Agency"), "2022"),
        (page(TITLE, LEDE, SECOND), None),
        # a headline that mentions a date is no date line
        (page("Ceasefire of 3 March 2021 collapses", LEDE), None),
    ],
)
def test_publication_dates_from_date_lines(text: str, published: str | None):
    parsed = parse(text)
    assert parsed.published == published
    assert LEDE in parsed.body


# --- datelines --------------------------------------------------------------------------

BODY = "The harbour reopened on Monday after a week of storms."


@pytest.mark.parametrize(
    ("lede", "place"),
    [
        (f"Port Aster — {BODY}", "Port Aster"),
        (f"Portville, May 3: {BODY}", "Portville"),
        (f"Portville, Nov 12 (AP): {BODY}", "Portville"),
        (f"Portville (CNN) -- {BODY}", "Portville"),
        (f"Port Aster, Aug 17 (AP) {BODY}", "Port Aster"),
        (f"PORTVILLE, Pa. — {BODY}", "PORTVILLE, Pa."),
        (f"PORTVILLE, Aug. 5 (AP) -- {BODY}", "PORTVILLE"),
        (f"PORTVILLE. NORPRESS {BODY}", "PORTVILLE"),
        (f"PORTVILLE/EASTON (Reuters) - {BODY}", "PORTVILLE/EASTON"),
        (f"PORTVILLE • {BODY}", "PORTVILLE"),
        (f"Update — {BODY}", None),
    ],
)
def test_dateline_forms(lede: str, place: str | None):
    parsed = parse(page(TITLE, "By Jane Doe", lede, SECOND))
    assert parsed.dateline == place
    assert parsed.body.startswith(BODY) or place is None


def test_dateline_on_a_line_of_its_own():
    parsed = parse(page(TITLE, "PORTVILLE (AP) —", BODY, SECOND))
    assert (parsed.dateline, parsed.body) == ("PORTVILLE", page(BODY, SECOND))


def test_dateline_under_a_standfirst_and_story_highlights():
    standfirst = "The port had been shut since the first storm hit the coast last week."
    highlights = ["• Ferries resume on Monday", "• Dock workers back on Tuesday"]
    parsed = parse(page(TITLE, standfirst, *highlights, f"PORTVILLE – {BODY}", SECOND))
    assert parsed.dateline == "PORTVILLE"
    parsed = parse(page(TITLE, "By Jane Doe", *highlights, f"Portville (AP) -- {BODY}"))
    assert parsed.dateline == "Portville"


def test_date_inside_the_dateline_is_the_publication_date():
    parsed = parse(page(TITLE, f"PORTVILLE, May 3, 2021 (AP) — {BODY}", SECOND))
    assert (parsed.dateline, parsed.published) == ("PORTVILLE", "2021-05-03")


def test_byline_above_the_headline():
    parsed = parse(page("By Jane Doe", TITLE, LEDE))
    assert (parsed.title, parsed.authors, parsed.body) == (TITLE, ["Jane Doe"], LEDE)


def test_byline_with_place_gives_the_dateline():
    parsed = parse(page("date 2022-06-15 By Jane Doe, Portville", LEDE, SECOND))
    assert parsed.authors == ["Jane Doe"]
    assert parsed.dateline == "Portville"
    assert parsed.published == "2022-06-15"
    assert "By Jane Doe" not in parsed.body


# --- bylines and credits ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe, Senior Producer", ["Jane Doe"]),
        ("By Jane Doe, Courier Senior Producer", ["Jane Doe"]),
        ("Jane Doe/", ["Jane Doe"]),
        ("By Jane Doe of example.com", ["Jane Doe"]),
        ("By Editor", []),
        ("Aster Holdings Names Acting Finance Chief", []),
        ("The award was handed to her by Jane Doe, while the mayor presented the cup.", []),
    ],
)
def test_byline_forms(line: str, names: list[str]):
    assert byline_names(line) == names


def test_desk_and_read_time_lines_are_header():
    parsed = parse(page(TITLE, "May 3, 2021 / 3:41 PM", "Courier Staff", "2 Min Read", LEDE))
    assert parsed.authors == []
    assert parsed.body == LEDE


def test_outlet_under_the_byline_is_header():
    parsed = parse(page(TITLE, "By Jane Doe", "Courier News", LEDE))
    assert (parsed.authors, parsed.body) == (["Jane Doe"], LEDE)


def test_byline_under_the_standfirst():
    standfirst = "The port had been shut since the first storm hit the coast."
    parsed = parse(page(TITLE, "3:47pm", standfirst, "By Jane Doe of example.com", LEDE))
    assert parsed.authors == ["Jane Doe"]
    assert parsed.body == LEDE


def test_date_under_a_lead_without_headline_keeps_the_lead():
    parsed = parse(page(LEDE, "Published 3 May 2021", SECOND))
    assert (parsed.title, parsed.published) == ("", "2021-05-03")
    assert parsed.body == page(LEDE, SECOND)


def test_wire_credits_at_the_end_name_the_authors():
    credit = "Reporting by Jane Doe; Writing by John Roe; Editing by Ann Poe"
    parsed = parse(page(TITLE, f"PORTVILLE (Reuters) - {BODY}", SECOND, credit))
    assert parsed.authors == ["Jane Doe", "John Roe"]
    assert "Reporting by" not in parsed.body


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        (
            "(Reporting by Jane Doe in Lima and John Roe; Editing by Ann Poe)",
            ["Jane Doe", "John Roe"],
        ),
        ("(Reporting by Jane Doe, Editing by Ann Poe)", ["Jane Doe"]),
        ("(Reporting by Jane Doe; Additional reporting by John Roe)", ["Jane Doe"]),
    ],
)
def test_wire_credit_forms(credit: str, authors: list[str]):
    parsed = parse(page(TITLE, f"PORTVILLE (Reuters) - {BODY}", SECOND, credit))
    assert parsed.authors == authors
    assert parsed.body == page(BODY, SECOND)


def test_author_bio_at_the_end_names_the_author():
    bio = "Jane O’Doe is a former political staff reporter with The Daily Courier"
    parsed = parse(page(TITLE, LEDE, SECOND, "Jane O'Doe", "Jane O'Doe", bio))
    assert parsed.authors == ["Jane O'Doe"]
    assert parsed.body == page(LEDE, SECOND)


# --- furniture in the body --------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "728x90",
        "Advertisement",
        "Content Continues Below",
        "3 min read",
        "BREAKING NEWS",
        "Sign in",
        "Page Tools",
        "Listen to this article",
        "Gift this article",
        "toggle caption",
        "Enlarge this image",
        "View 12 photos",
        "Site navigation",
        "Notice: your browser is out of date. Please update your browser for the best experience.",
        "For the best experience, use a modern web browser with style sheets (CSS) switched on.",
        "JavaScript is disabled!",
        "This article comes from our archive and some of its details may no longer be current.",
        "Contact the programme by email, Twitter or Facebook.",
        "To get breaking news alerts on your phone, download the free Courier app.",
        "The Courier is on Facebook and Twitter as well.",
        "Follow COURIER on GOOGLE NEWS",
        "Share your pictures and stories with the Courier",
        "The harbour master at the quay. (Source: Courier)",
        "The harbour master walks along the quay at dawn. / Jane Doe",
        "Getty Images",
        "Image source, Getty Images",
        "Image caption, Ferry crews gathered at the port on Tuesday",
        "Ferry crews gathered at the port on Tuesday. Photo: Jane Doe",
        "Ferry crews gather at the port. (AP Photo/Jane Doe)",
        "Photo: Jane Doe",
        "Source: Harbour Authority Media Office.",
        "close video ad",
        "Unmute toggle video audio",
        "Press PLAY below for the whole interview",
        "01:24",
        "3:47pm",
        "Be the first to share your views.",
        "Mandatory fields are marked *",
        "- comment",
        "By Editor",
        "This announcement is deemed to contain inside information as stipulated by law.",
    ],
)
def test_furniture_lines_leave_the_body(line: str):
    parsed = parse(page(TITLE, LEDE, line, SECOND, THIRD))
    assert parsed.body == page(LEDE, SECOND, THIRD)


def test_long_line_without_any_sentence_end_is_furniture():
    cloud = " ".join(["harbour news ferry port storm weather Port Aster shipping"] * 20)
    assert parse(page(TITLE, LEDE, cloud, SECOND)).body == page(LEDE, SECOND)


@pytest.mark.parametrize("tail", [" – Reuters", " (Courier Bureau)", " DMS", " - AFP"])
def test_credit_after_the_last_sentence_is_not_body(tail: str):
    parsed = parse(page(TITLE, LEDE, SECOND, THIRD + tail))
    assert parsed.body.endswith(THIRD)


@pytest.mark.parametrize(
    "line",
    [
        "Contact the harbour office by phone if you see debris, officials urged.",
        "The ferry operator is on the mend after the storm.",
        "Residents shared photos of the flooded quays on social media.",
        "He posted a photo: a ferry stranded on the quay.",
        "Reporting by the Courier showed the harbour master had been warned.",
    ],
)
def test_prose_that_resembles_furniture_stays(line: str):
    parsed = parse(page(TITLE, LEDE, line, SECOND, THIRD))
    assert parsed.body == page(LEDE, line, SECOND, THIRD)


def test_label_in_capitals_is_not_a_dateline():
    standfirst = "The port had been shut since the first storm hit the coast last week."
    parsed = parse(page(TITLE, standfirst, f"UPDATE: {BODY}", SECOND))
    assert parsed.dateline is None


def test_sign_off_initials_line_is_not_body():
    assert parse(page(TITLE, LEDE, SECOND, "JDR")).body == page(LEDE, SECOND)


def test_stray_caption_between_paragraphs_is_not_body():
    caption = "The storm flooded the lower quays of the harbour"
    label = "Ana Lima (Harbour Master, Port Aster)"
    parsed = parse(page(TITLE, LEDE, caption, SECOND, label, THIRD))
    assert caption not in parsed.body
    assert label in parsed.body


def test_read_more_widget_inside_the_story_is_dropped_not_an_end():
    parsed = parse(page(TITLE, LEDE, SECOND, "READ MORE", THIRD))
    assert parsed.body == page(LEDE, SECOND, THIRD)
    parsed = parse(page(TITLE, LEDE, SECOND, THIRD, "Read more", "Ferry fares to rise in June"))
    assert parsed.body == page(LEDE, SECOND, THIRD)


def test_contact_block_ends_a_release():
    parsed = parse(
        page(TITLE, LEDE, SECOND, THIRD, "For more information, please contact:", "Jane Doe")
    )
    assert parsed.body == page(LEDE, SECOND, THIRD)


def test_comment_section_in_the_second_half_ends_the_story():
    other = "Eastmere, May 12: The ring road will reopen to lorries next week."
    parsed = parse(page(TITLE, LEDE, SECOND, THIRD, "Comments", "Add new comment", other))
    assert parsed.body == page(LEDE, SECOND, THIRD)


# --- what is appended below the story ---------------------------------------------------


def test_list_of_links_below_the_story_is_cut():
    links = [
        "01:24",
        "Ferry operators vow to press on with strike over unpaid wages",
        "00:58",
        "Fishermen in Port Aster rally against foreign trawlers",
        "Go to video",
        "Coastal towns count the cost of a week of storms",
    ]
    parsed = parse(page(TITLE, LEDE, SECOND, THIRD, *links))
    assert parsed.body == page(LEDE, SECOND, THIRD)


def test_last_sentence_without_its_full_stop_is_kept():
    last = "The harbour authority said it would review the rules next year"
    assert parse(page(TITLE, LEDE, SECOND, last)).body.endswith(last)


def test_lone_link_with_a_kicker_is_cut():
    link = "Property news: Rents climb at fastest pace in a decade -"
    assert parse(page(TITLE, LEDE, SECOND, link)).body == page(LEDE, SECOND)


def test_repeated_section_label_is_not_the_headline():
    parsed = parse(page("World News", TITLE, "World News", LEDE))
    assert parsed.title == TITLE


def test_story_ending_with_a_list_keeps_it():
    items = ["Ferries resume on Monday", "Cargo berths reopen on Wednesday"]
    text = page(TITLE, LEDE, SECOND, "The harbour authority set out its timetable:", *items)
    assert parse(text).body.endswith("Cargo berths reopen on Wednesday")


def test_story_under_a_long_preamble_is_kept():
    preamble = [
        "Subscribers get unlimited access to every article on the site.",
        "Members can also read our weekly print edition online.",
        "Offers end soon, so sign up today and save.",
    ]
    story = [
        "Ferry crews walked out on Tuesday across the Channel, union leaders announced.",
        "Union leader Tom Reed said the walkout would last a week at least.",
        "The operator said it was disappointed and urged crews to return.",
        "Dover harbour was quiet on Wednesday as lorries queued on the motorway.",
    ]
    text = page(*preamble, "Channel ferry crews walk out over pay and rotas", *story)
    assert parse(text).body.endswith(story[-1])


def test_story_after_a_banner_or_preamble_is_kept():
    parsed = parse(page("BREAKING NEWS", TITLE, "Live", LEDE, SECOND, THIRD))
    assert parsed.title == TITLE
    assert parsed.body == page(LEDE, SECOND, THIRD)


def test_wire_credit_page_through_the_pipeline(plugins):
    text = page(
        "date 2021-05-03 NewsWorld BusinessMarkets TechnologyCareers",
        TITLE,
        "May 3, 2021 / 3:41 PM",
        TITLE,
        "Courier Staff",
        "2 Min Read",
        f"PORTVILLE (Reuters) - {BODY}",
        SECOND,
        "Reporting by Jane Doe; Writing by John Roe; Editing by Ann Poe",
    )
    found = run(text, plugins)
    assert (found.title, found.dateline, found.published) == (TITLE, "PORTVILLE", "2021-05-03")
    assert found.authors == ["Jane Doe", "John Roe"]
    assert found.body == page(BODY, SECOND)
    assert any(s.text.startswith("We are open") for s in found.statements)
