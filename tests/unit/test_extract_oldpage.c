/* test_extract_oldpage.c — an old news page's metadata and furniture
 * (issue 18): a headline in a <font>/<b> line with no <h1>, the dated
 * byline under it, the "Print this story | Email a friend" line that ends
 * the story. Texts written for these tests. */
#include <string.h>

#include "page_extract.h"
#include "storyline.h"
#include "test.h"

#define STORY_P                                                                                                \
    "The ferry between Skellan and the mainland will run twice a day through the winter, the island "       \
    "council said on Thursday, after a season in which storms cancelled one crossing in five.<br><br>"      \
    "Islanders had asked for the second sailing since the fish plant moved its shifts to the early "        \
    "morning, and the operator agreed once the council offered to pay for the extra fuel.<br><br>"

/* A classless page of the old web: the headline in a <font><b> line that
 * <title> holds after the site's name, a byline with its date under it. */
static const char old_page[] =
    "<html><head><title>Island Times :: Winter ferry to sail twice a day</title></head><body><table><tr>"
    "<td><a href=\"/\"><font size=\"2\">Front page</font></a><br><a href=\"/sport\">Sport</a></td><td>"
    "<font size=\"4\"><b>Winter ferry to sail twice a day</b></font><br>"
    "<font size=\"1\">By Morag Finlay, 14 November 2009</font><br><br>"
    "<font size=\"2\">" STORY_P "</font></td></tr></table></body></html>";

TEST(oldpage_headline_byline_and_date_without_h1)
{
    sl_extracted e = {0};
    CHECK_INT(page_extract(old_page, strlen(old_page), &e), 0);
    CHECK_STR(e.title, "Winter ferry to sail twice a day");
    CHECK_STR(e.author, "Morag Finlay");
    CHECK_STR(e.published, "2009-11-14");
    sl_extracted_clear(&e);
}

/* The headline is the longest part of <title>: a line that is the site's
 * shorter part, or a link, does not stand for it; no <h1>-like line, no
 * date or byline read from the page's text. */
TEST(oldpage_site_part_or_link_not_headline)
{
    static const char page[] =
        "<html><head><title>Winter ferry to sail twice a day | The Island Times</title></head><body>"
        "<font size=\"4\">The Island Times</font><br><a href=\"/f\">Winter ferry to sail twice a day</a><br>"
        "<font size=\"1\">By Morag Finlay, 14 November 2009</font><br><br>"
        "<font size=\"2\">" STORY_P "</font></body></html>";
    sl_extracted e = {0};
    CHECK_INT(page_extract(page, strlen(page), &e), 0);
    CHECK_STR(e.title, "Winter ferry to sail twice a day");
    CHECK(e.author == NULL);
    CHECK(e.published == NULL);
    sl_extracted_clear(&e);
}

/* A byline element that holds only a date with its weekday ("Sat, 20 Dec")
 * names nobody; one with a name and a date gives the name. */
TEST(oldpage_byline_date_after_comma)
{
    static const char dated[] =
        "<html><head><title>Harbour lights</title></head><body><article><h1>Harbour lights</h1>"
        "<div class=\"byline\">Sat, 21 Nov, 2009 - 08:15</div><p>" STORY_P "</p></article></body></html>";
    static const char named[] =
        "<html><head><title>Harbour lights</title></head><body><article><h1>Harbour lights</h1>"
        "<div class=\"byline\">Ewan Brodie, 21 November 2009</div><p>" STORY_P "</p></article></body></html>";
    sl_extracted e = {0};
    CHECK_INT(page_extract(dated, strlen(dated), &e), 0);
    CHECK(e.author == NULL);
    sl_extracted_clear(&e);
    CHECK_INT(page_extract(named, strlen(named), &e), 0);
    CHECK_STR(e.author, "Ewan Brodie");
    sl_extracted_clear(&e);
}

/* The lines of interface words that end a page's text go ("Print this
 * story | Email a friend"); a short line of the story's own that ends it
 * stays. */
TEST(oldpage_furniture_tail_dropped)
{
    static const char page[] =
        "<html><head><title>Island Times :: Winter ferry to sail twice a day</title></head><body>"
        "<font size=\"4\"><b>Winter ferry to sail twice a day</b></font><br><br><font size=\"2\">" STORY_P
        "The timetable starts in December.</font><br><br>"
        "<font size=\"1\"><a href=\"/print\">Print this story</a> | <a href=\"/mail\">Email a friend</a>"
        "</font></body></html>";
    sl_extractor *x = NULL;
    CHECK_INT(sl_extractor_new(&x), 0);
    sl_page p = {0};
    CHECK_INT(sl_extract_page(x, page, sizeof page - 1, &p), 0);
    CHECK(p.text && strstr(p.text, "extra fuel."));
    CHECK(p.text && strstr(p.text, "The timetable starts in December."));
    CHECK(p.text && !strstr(p.text, "Print this story"));
    CHECK(p.text && !strstr(p.text, "Email a friend"));
    sl_page_clear(&p);
    sl_extractor_free(x);
}
