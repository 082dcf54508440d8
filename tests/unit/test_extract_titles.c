/* test_extract_titles.c — the page's title (titles.c, meta.c): the
 * candidates its sources give, as a reader sees them, the features of the
 * learned choice, and the site's name kept out of the headline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/blocks.h"
#include "page_extract.h"
#include "test.h"

static int extract(const char *html, sl_extracted *out) { return page_extract(html, strlen(html), out); }

/* The title the page's sources agree on (titles.c): <title> before its
 * first separator and twitter:title say "Harbour wall holds"; <title> less
 * its last part alone says "Harbour wall holds | News". */
TEST(blocks_title_sources)
{
    sl_extracted e = {0};
    CHECK_INT(extract("<html><head><title>Harbour wall holds | News | Courier</title>"
                      "<meta name=twitter:title content=\"Harbour wall holds\"></head><body>"
                      "<p>The harbour wall at Larkmouth held through the night as the storm surge peaked "
                      "at high tide.</p></body></html>", &e), 0);
    CHECK_STR(e.title, "Harbour wall holds");
    sl_extracted_clear(&e);
    /* a documentation page's heading with its permalink mark */
    CHECK_INT(extract("<html><head><title>Logging HOWTO - Docs</title></head><body><h1>Logging HOWTO"
                      "<a class=headerlink href=#logging>\xC2\xB6</a></h1><p>The logging module records "
                      "what a program does, with levels for each message it writes.</p></body></html>", &e), 0);
    CHECK_STR(e.title, "Logging HOWTO");
    sl_extracted_clear(&e);
}

/* A title candidate as a reader sees it (meta.c): no soft hyphen or
 * zero-width space inside, no separator's mark left at either end. */
TEST(blocks_title_tidy)
{
    static const char *const html =
        "<html><head><title>Harbour Repair Grants\xE2\x80\x8B |</title>"
        "<meta property=og:title content=\"| Larkmouth Courier\"></head><body>"
        "<h1>Harbour Repair Assis\xC2\xADtance Grants</h1><p>Owners of boats moored in the harbour "
        "may ask the council for help with repairs after the storm.</p></body></html>";
    char *titles[SL_TITLE_SOURCES];
    sl_title_page about;
    CHECK_INT(sl_html_titles(html, strlen(html), NULL, titles, &about, NULL), 0);
    CHECK_STR(titles[SL_TITLE_H1], "Harbour Repair Assistance Grants");
    CHECK_STR(titles[SL_TITLE_TITLE], "Harbour Repair Grants");
    CHECK_STR(titles[SL_TITLE_OG], "Larkmouth Courier");
    for (int k = 0; k < SL_TITLE_SOURCES; k++)
        free(titles[k]);
    sl_extracted e = {0};
    CHECK_INT(extract(html, &e), 0);
    CHECK_STR(e.title, "Harbour Repair Assistance Grants");
    sl_extracted_clear(&e);
}

/* A title candidate's containment feature (titles.c): how many other
 * candidates hold it as a part, case aside; equal ones do not count. */
TEST(blocks_title_containment)
{
    char headline[] = "Harbour wall holds", title[] = "Harbour Wall Holds | Courier", og[] = "Harbour wall holds",
         h1[] = "Storm news";
    char *c[SL_TITLE_SOURCES] = {0};
    c[SL_TITLE_PICKED] = headline, c[SL_TITLE_TITLE] = title, c[SL_TITLE_OG] = og, c[SL_TITLE_H1] = h1;
    double x[SL_TITLE_FEATURES];
    sl_title_page page = {0};
    sl_title_features(c, &page, SL_TITLE_PICKED, x);
    CHECK(x[SL_TITLE_SOURCES + 10] == 1);
    sl_title_features(c, &page, SL_TITLE_TITLE, x);
    CHECK(x[SL_TITLE_SOURCES + 10] == 0);
    sl_title_features(c, &page, SL_TITLE_H1, x);
    CHECK(x[SL_TITLE_SOURCES + 10] == 0);
}

/* A page's cues in the title features (titles.c): a headline candidate
 * carries them in the first four places after the containment count, a
 * head of <title> in the next four, <title> whole in neither. */
TEST(blocks_title_page_cues)
{
    char headline[] = "Rowing boats built for the estuary", title[] = "Rowing Boats | Larkmouth Chandlery",
         head[] = "Rowing Boats";
    char *c[SL_TITLE_SOURCES] = {0};
    c[SL_TITLE_PICKED] = headline, c[SL_TITLE_TITLE] = title, c[SL_TITLE_TITLE_FIRST] = head;
    const int cues = SL_TITLE_SOURCES + 11;
    sl_title_page page = {SL_TITLE_PAGE_PRODUCT | SL_TITLE_PAGE_WEBSITE, "", ""};
    double x[SL_TITLE_FEATURES];
    sl_title_features(c, &page, SL_TITLE_PICKED, x);
    CHECK(x[cues] == 0 && x[cues + 2] == 1 && x[cues + 3] == 1 && x[cues + 6] == 0);
    sl_title_features(c, &page, SL_TITLE_TITLE_FIRST, x);
    CHECK(x[cues + 2] == 0 && x[cues + 6] == 1 && x[cues + 7] == 1 && x[cues + 4] == 0);
    sl_title_features(c, &page, SL_TITLE_TITLE, x);
    for (int k = cues; k < cues + 2 * SL_TITLE_PAGE_CUES; k++)
        CHECK(x[k] == 0);
}

/* What the page says it is moves the choice (titles.c): the same headline
 * and <title> give the headline on a news article (og:type, JSON-LD
 * NewsArticle, a publication time) and <title>'s head on a product page;
 * the cues as meta.c reads them. */
TEST(blocks_title_page_kind)
{
    static const char page[] =
        "<html><head><title>Rowing Boats | Larkmouth Chandlery</title>"
        "<meta property=og:title content=\"Rowing Boats | Larkmouth Chandlery\">%s</head><body>"
        "<h1>Rowing boats built for the estuary</h1><p>Each boat is planked in larch on oak frames and "
        "takes two rowers and a passenger on the estuary's tides.</p></body></html>";
    static const char *const heads[] = {
        "<meta property=og:type content=article>"
        "<meta property=article:published_time content=2024-03-02T08:00:00Z>"
        "<script type=application/ld+json>{\"@type\": \"NewsArticle\"}</script>",
        "<meta property=og:type content=website>"
        "<script type=application/ld+json>[{\"@type\": [\"Thing\", \"Product\"]}]</script>"};
    static const unsigned kinds[] = {SL_TITLE_PAGE_ARTICLE | SL_TITLE_PAGE_PUBLISHED,
                                     SL_TITLE_PAGE_PRODUCT | SL_TITLE_PAGE_WEBSITE};
    static const char *const want[] = {"Rowing boats built for the estuary", "Rowing Boats"};
    for (int i = 0; i < 2; i++) {
        char html[1024], *titles[SL_TITLE_SOURCES];
        sl_title_page about;
        snprintf(html, sizeof html, page, heads[i]);
        CHECK_INT(sl_html_titles(html, strlen(html), NULL, titles, &about, NULL), 0);
        CHECK(about.cues == kinds[i]);
        for (int k = 0; k < SL_TITLE_SOURCES; k++)
            free(titles[k]);
        sl_extracted e = {0};
        CHECK_INT(extract(html, &e), 0);
        CHECK_STR(e.title, want[i]);
        sl_extracted_clear(&e);
    }
}

/* The learned title choice (titles.c): a one-word brand that every source
 * puts before its separator is not the title when the page's sources agree
 * on the whole line; a <title> alone loses its site name after an en dash. */
TEST(blocks_title_model)
{
    sl_extracted e = {0};
    CHECK_INT(extract("<html><head><title>Ferrylink - Crossings to the islands every hour</title>"
                      "<meta property=og:title content=\"Ferrylink - Crossings to the islands every hour\">"
                      "<meta name=twitter:title content=\"Ferrylink - Crossings to the islands every hour\">"
                      "</head><body><h1>Room on every boat</h1><p>Boats leave the harbour on the hour from six "
                      "in the morning until ten at night, all year round.</p></body></html>", &e), 0);
    CHECK_STR(e.title, "Ferrylink - Crossings to the islands every hour");
    sl_extracted_clear(&e);
    CHECK_INT(extract("<html><head><title>Harbour walks \xE2\x80\x93 Larkmouth Guide</title></head><body>"
                      "<p>Three walks start at the harbour steps and follow the cliffs to the lighthouse "
                      "and back.</p></body></html>", &e), 0);
    CHECK_STR(e.title, "Harbour walks");
    sl_extracted_clear(&e);
}

/* The site's name as the title features see it (titles.c): og:site_name's
 * letters and digits, the name a URL's host registers ("www" and a
 * second-level "co" aside), and the three features it gives: a candidate
 * holds it, is it, or was cut from a <title> whose cut-off part held it. */
TEST(blocks_title_site_name)
{
    sl_title_page page = {0};
    sl_title_site(&page, "The Larkmouth Courier", "https://www.larkmouth-news.co.uk/harbour/wall?id=3");
    CHECK_STR(page.site, "thelarkmouthcourier");
    CHECK_STR(page.domain, "larkmouthnews");
    sl_title_site(&page, NULL, "http://localhost/page");
    CHECK_STR(page.site, "");
    CHECK_STR(page.domain, "");
    sl_title_site(&page, NULL, "ftp://larkmouth.org/");
    CHECK_STR(page.domain, "");

    char title[] = "Harbour wall holds | Larkmouth", head[] = "Harbour wall holds", site[] = "Larkmouth";
    char *c[SL_TITLE_SOURCES] = {0};
    c[SL_TITLE_TITLE] = title, c[SL_TITLE_TITLE_HEAD] = head, c[SL_TITLE_PICKED] = site;
    sl_title_site(&page, NULL, "https://larkmouth.com/news/harbour-wall");
    const int first = SL_TITLE_SOURCES + 11 + 2 * SL_TITLE_PAGE_CUES;
    double x[SL_TITLE_FEATURES];
    sl_title_features(c, &page, SL_TITLE_TITLE, x);
    CHECK(x[first] == 1 && x[first + 1] == 0 && x[first + 2] == 0);
    sl_title_features(c, &page, SL_TITLE_PICKED, x);
    CHECK(x[first] == 1 && x[first + 1] == 1 && x[first + 2] == 0);
    sl_title_features(c, &page, SL_TITLE_TITLE_HEAD, x);
    CHECK(x[first] == 0 && x[first + 1] == 0 && x[first + 2] == 1);
}

/* The site's name read from the page (meta.c) moves the choice: a headline
 * that carries the site's name after a dash loses to <title>'s head when
 * og:site_name, or the canonical link's domain, names the site. */
TEST(blocks_title_site_in_headline)
{
    static const char page[] =
        "<html><head><title>Harbour wall holds | Larkmouth Courier</title>%s</head><body>"
        "<h1>Harbour wall holds - Larkmouth Courier</h1><p>The new harbour wall held through the night's "
        "storm, the council said, and the quay opens again at nine.</p></body></html>";
    static const char *const heads[] = {"<meta property=og:site_name content=\"Larkmouth Courier\">",
                                        "<link rel=canonical href=\"https://www.larkmouthcourier.co.uk/news/wall\">"};
    for (int i = 0; i < 2; i++) {
        char html[1024];
        snprintf(html, sizeof html, page, heads[i]);
        sl_extracted e = {0};
        CHECK_INT(extract(html, &e), 0);
        CHECK_STR(e.title, "Harbour wall holds");
        sl_extracted_clear(&e);
    }
}

/* The years the candidates name (titles.c): when they differ, a candidate
 * naming the latest gets the first year feature and one naming only an
 * earlier year the second; a year inside a longer number or word, or
 * candidates that agree on their year, give neither. */
TEST(blocks_title_years)
{
    char h1[] = "Ferry timetable for 2024", head[] = "Ferry timetable for 2025",
         title[] = "Ferry timetable for 2025 | Larkmouth Guide", og[] = "Ferries: route 20251 and 2025b";
    char *c[SL_TITLE_SOURCES] = {0};
    c[SL_TITLE_H1] = h1, c[SL_TITLE_TITLE_FIRST] = head, c[SL_TITLE_TITLE] = title, c[SL_TITLE_OG] = og;
    const int first = SL_TITLE_SOURCES + 14 + 2 * SL_TITLE_PAGE_CUES;
    sl_title_page page = {0};
    double x[SL_TITLE_FEATURES];
    sl_title_features(c, &page, SL_TITLE_TITLE_FIRST, x);
    CHECK(x[first] == 1 && x[first + 1] == 0);
    sl_title_features(c, &page, SL_TITLE_H1, x);
    CHECK(x[first] == 0 && x[first + 1] == 1);
    sl_title_features(c, &page, SL_TITLE_OG, x);
    CHECK(x[first] == 0 && x[first + 1] == 0);
    c[SL_TITLE_H1] = head;
    sl_title_features(c, &page, SL_TITLE_TITLE_FIRST, x);
    CHECK(x[first] == 0 && x[first + 1] == 0);

    /* on a page, the headline that names last year's timetable loses to
     * <title>'s head naming this year's */
    sl_extracted e = {0};
    CHECK_INT(extract("<html><head><title>Island ferry timetable 2025 | Larkmouth Guide</title></head><body>"
                      "<h1>Island ferry timetable 2024</h1><p>Boats leave the harbour on the hour from six in "
                      "the morning until ten at night, and on Sundays from eight.</p></body></html>", &e), 0);
    CHECK_STR(e.title, "Island ferry timetable 2025");
    sl_extracted_clear(&e);
}

/* <title>'s first part when the site's name opens it (titles.c
 * sl_title_skip_site): "Larkmouth | Ferry tickets" gives "Ferry tickets";
 * a first part that is no site's name, or a site's name alone, stays. */
TEST(blocks_title_site_first)
{
    sl_title_page page = {0};
    sl_title_site(&page, NULL, "https://www.larkmouth.co.uk/");
    char opens[] = "Larkmouth | Ferry tickets for the islands | Timetables",
         other[] = "Ferry tickets | Larkmouth", alone[] = "Larkmouth", ends[] = "Larkmouth |";
    sl_title_skip_site(opens, &page);
    CHECK_STR(opens, "Ferry tickets for the islands | Timetables");
    sl_title_skip_site(other, &page);
    CHECK_STR(other, "Ferry tickets | Larkmouth");
    sl_title_skip_site(alone, &page);
    CHECK_STR(alone, "Larkmouth");
    sl_title_skip_site(ends, &page);
    CHECK_STR(ends, "Larkmouth |");

    /* on a page without a headline, the part after the site's name */
    sl_extracted e = {0};
    CHECK_INT(extract("<html><head><title>Larkmouth Ferries | Tickets for the island boats</title>"
                      "<meta property=og:site_name content=\"Larkmouth Ferries\"></head><body>"
                      "<p>Buy a ticket at the harbour office or on board; children under five travel free "
                      "on every crossing.</p></body></html>", &e), 0);
    CHECK_STR(e.title, "Tickets for the island boats");
    sl_extracted_clear(&e);
}

/* A site's name followed by separators only ("Larkmouth | | |", a
 * template whose section and headline are empty) is no site's name
 * before a part: nothing follows it but marks, so it stays, and the
 * page's title is not a lone separator's mark. */
TEST(blocks_title_site_before_marks_only)
{
    sl_title_page page = {0};
    sl_title_site(&page, "Larkmouth", "https://www.larkmouth.co.uk/");
    char bars[] = "Larkmouth | | |", dashes[] = "Larkmouth - \xE2\x80\x93 \xE2\x80\x94",
         hidden[] = "Larkmouth | \xE2\x80\x8B", part[] = "Larkmouth | | Ferries";
    sl_title_skip_site(bars, &page);
    CHECK_STR(bars, "Larkmouth | | |");
    sl_title_skip_site(dashes, &page);
    CHECK_STR(dashes, "Larkmouth - \xE2\x80\x93 \xE2\x80\x94");
    sl_title_skip_site(hidden, &page);
    CHECK_STR(hidden, "Larkmouth | \xE2\x80\x8B");
    sl_title_skip_site(part, &page);
    CHECK_STR(part, "| Ferries");

    sl_extracted e = {0};
    CHECK_INT(extract("<html><head><title>Larkmouth | | |</title>"
                      "<link rel=canonical href=\"https://www.larkmouth.co.uk/a\"></head><body>"
                      "<p>Buy a ticket at the harbour office or on board; children under five travel free "
                      "on every crossing.</p></body></html>", &e), 0);
    CHECK_STR(e.title, "Larkmouth");
    sl_extracted_clear(&e);
}

/* One list of separators (title_parts.c): a guillemet and a middle dot
 * between spaces part a title for the longest part, the site's suffix and
 * the head as they do for the first part (titles.c). */
TEST(blocks_title_separators_shared)
{
    char longest[] = "Larkmouth \xC2\xBB Harbour wall holds through the night",
         head[] = "Harbour wall holds \xC2\xB7 News \xC2\xB7 Larkmouth Courier",
         first[] = "Harbour wall holds \xC2\xB7 News \xC2\xB7 Larkmouth Courier",
         site[] = "Harbour wall holds through the night \xC2\xBB Larkmouth Courier";
    sl_title_longest_part(longest);
    CHECK_STR(longest, "Harbour wall holds through the night");
    sl_title_cut_last(head);
    CHECK_STR(head, "Harbour wall holds \xC2\xB7 News");
    sl_title_cut_first(first);
    CHECK_STR(first, "Harbour wall holds");
    CHECK_STR(sl_title_suffix(site), "Larkmouth Courier");
    sl_title_strip_site_suffix(site, NULL);
    CHECK_STR(site, "Harbour wall holds through the night");
}

/* A heading inside the <h1> ends it (meta.c heading_text): libxml2 nests
 * "<h1>Headline<h3>Posted on ...</h3></h1>", where a browser closes the
 * <h1> at the <h3>; the headline is the text before it, and an <h1>
 * without one, or whose inner heading sits in another element, keeps its
 * whole text. */
TEST(blocks_title_nested_heading)
{
    static const char *const html =
        "<html><head><title>Ferry fares rise for the winter | Larkmouth Courier</title></head><body>"
        "<h1 class=hero>Ferry fares rise for the winter<div class=rule></div>"
        "<h3 class=meta>Posted on <time>12 March 2025</time> by harbourdesk</h3></div>"
        "<p>Tickets on the island boats will cost a fifth more from November, the operator said on "
        "Tuesday, after a summer of high fuel prices.</p></body></html>";
    char *titles[SL_TITLE_SOURCES];
    sl_title_page about;
    CHECK_INT(sl_html_titles(html, strlen(html), NULL, titles, &about, NULL), 0);
    CHECK_STR(titles[SL_TITLE_H1], "Ferry fares rise for the winter");
    for (int k = 0; k < SL_TITLE_SOURCES; k++)
        free(titles[k]);
    sl_extracted e = {0};
    CHECK_INT(extract(html, &e), 0);
    CHECK_STR(e.title, "Ferry fares rise for the winter");
    sl_extracted_clear(&e);
    static const char *const whole =
        "<html><head><title>Courier</title></head><body><h1>Harbour <span>wall</span> holds<br>"
        "through the night</h1><p>The harbour wall at Larkmouth held through the night as the storm "
        "surge peaked at high tide.</p></body></html>";
    CHECK_INT(sl_html_titles(whole, strlen(whole), NULL, titles, &about, NULL), 0);
    CHECK_STR(titles[SL_TITLE_H1], "Harbour wall holds through the night");
    for (int k = 0; k < SL_TITLE_SOURCES; k++)
        free(titles[k]);
    /* a heading wrapped in another element inside the <h1> stays in it, as
     * a browser keeps it */
    static const char *const wrapped =
        "<html><head><title>Courier</title></head><body><h1><span>Storm</span><div><h2>surge floods "
        "the quay</h2></div></h1><p>The storm surge flooded the quay at Larkmouth at high tide on "
        "Tuesday night, the harbour master said.</p></body></html>";
    CHECK_INT(sl_html_titles(wrapped, strlen(wrapped), NULL, titles, &about, NULL), 0);
    CHECK_STR(titles[SL_TITLE_H1], "Storm surge floods the quay");
    for (int k = 0; k < SL_TITLE_SOURCES; k++)
        free(titles[k]);
}

/* An <h1> whose headline is itself a heading ("<h1><h2>Title</h2></h1>",
 * "<h1><a><h2>Title</h2></a></h1>") keeps it: a nested heading ends the
 * headline only after some text (rev56; the page has no <title> or
 * og:title to fall back on). */
TEST(blocks_title_heading_first_in_h1)
{
    static const char *const pages[] = {
        "<html><body><h1><h2>Harbour wall holds through the night</h2></h1>",
        "<html><body><h1><a href=\"/harbour\"><h2>Harbour wall holds through the night</h2></a></h1>",
        "<html><body><h1> <h2>Harbour wall holds through the night</h2><h3>Posted on 12 March</h3></h1>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        char html[1024];
        snprintf(html, sizeof html, "%s<p>The harbour wall at Larkmouth held through the night as the storm "
                 "surge peaked at high tide, officials said on Tuesday.</p></body></html>", pages[i]);
        char *titles[SL_TITLE_SOURCES];
        sl_title_page about;
        CHECK_INT(sl_html_titles(html, strlen(html), NULL, titles, &about, NULL), 0);
        CHECK_STR(titles[SL_TITLE_H1], "Harbour wall holds through the night");
        for (int k = 0; k < SL_TITLE_SOURCES; k++)
            free(titles[k]);
        sl_extracted e = {0};
        CHECK_INT(extract(html, &e), 0);
        CHECK_STR(e.title, "Harbour wall holds through the night");
        sl_extracted_clear(&e);
    }
}
