/* test_extract_styles.c — one story in the layouts eval/extraction_styles.py
 * rewrites the benchmarks into (issue 18: older pages and reader comments):
 * comments appended in 2010 markup (WordPress, Disqus, a forum table, a
 * thread with no class or id), a page without classes or HTML5 sections, a
 * 1999 layout table, paragraphs written as <font> text and <br><br>. Each
 * page keeps the story whole and leaves the rest out. Texts written for
 * these tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_extract.h"
#include "test.h"

static const char *const story[] = {
    "The old mill on the Brenn river will become the town's library next spring, the council decided on "
    "Monday evening after a debate that lasted well past midnight.",
    "The building, empty since the weaving company closed in 1987, needs a new roof and a lift, which the "
    "architects priced at a little under two million pounds in their report.",
    "Supporters said the reading rooms would look over the weir, and that the present library, a single "
    "room above the fire station, had been too small for the schools for years.",
    "Work on the roof is due to start in the autumn, and the council hopes to open the first floor to "
    "readers before the summer holidays of the following year.",
};

static const char *const comments[] = {
    "We waited twenty years for this, and I remember my grandmother working the looms in that very hall "
    "when the company still paid the best wages in the valley.",
    "Two million pounds for a roof sounds like a lot of money when the swimming pool has been closed for "
    "three winters and nobody can tell us when it will open again.",
    "Will there be parking? The lane down to the weir is barely wide enough for one car, and the vans for "
    "the market already block it every Saturday morning.",
    "My children's school walks to the fire station every Thursday and there is no room for them to sit "
    "down, so anything bigger is welcome as far as I am concerned.",
    "I hope they keep the old clock above the gate, the whole street sets its watches by it even though "
    "it has been running four minutes slow for as long as anybody can remember.",
};

#define N(a) (sizeof a / sizeof *a)

/* The story's paragraphs in `open`/`close` markup, into page at n. */
static int paragraphs(char *page, size_t size, int n, const char *open, const char *close)
{
    for (size_t i = 0; i < N(story); i++)
        n += snprintf(page + n, size - (size_t)n, "%s%s%s", open, story[i], close);
    return n;
}

/* `before`, the story's paragraphs in `open`/`close` markup, `after`. */
static void story_page(char *page, size_t size, const char *before, const char *open, const char *close,
                       const char *after)
{
    int n = snprintf(page, size, "%s", before);
    n = paragraphs(page, size, n, open, close);
    snprintf(page + n, size - (size_t)n, "%s", after);
}

/* The story comes out whole, without `left_out` (a comment's, a menu's
 * or an advert's words). */
static void check_story(const char *page, const char *left_out, const char *also_left_out)
{
    sl_extracted e = {0};
    CHECK_INT(page_extract(page, strlen(page), &e), 0);
    CHECK(e.text && strstr(e.text, "The old mill on the Brenn river"));
    CHECK(e.text && strstr(e.text, "before the summer holidays"));
    CHECK(e.text && !strstr(e.text, left_out));
    CHECK(e.text && (!also_left_out || !strstr(e.text, also_left_out)));
    sl_extracted_clear(&e);
}

static const char head[] = "<html><head><title>Mill to become library - The Brenn Gazette</title></head><body>"
                           "<div><a href=/>Home</a> | <a href=/news>News</a> | <a href=/sport>Sport</a></div>"
                           "<div><h1>Mill to become library</h1>";

/* The story, then a thread of the five comments, each written by `entry`
 * (a format taking a name and the comment), inside `open` ... `close`. */
static void check_thread(const char *open, const char *entry, const char *close)
{
    char page[16384];
    int n = snprintf(page, sizeof page, "%s", head);
    n = paragraphs(page, sizeof page, n, "<p>", "</p>");
    n += snprintf(page + n, sizeof page - (size_t)n, "</div>%s", open);
    static const char *const names[] = {"Jean M.", "bigdave77", "Pat from Riverton", "Marcy", "oldtimer"};
    for (size_t i = 0; i < N(comments); i++)
        n += snprintf(page + n, sizeof page - (size_t)n, entry, names[i], comments[i]);
    snprintf(page + n, sizeof page - (size_t)n, "%s</body></html>", close);
    check_story(page, "grandmother", "swimming pool");
}

TEST(styles_wordpress_comments_left_out)
{
    check_thread("<div id=comments><h3 id=comments-title>5 Responses</h3><ol class=commentlist>",
                 "<li class=\"comment even depth-1\"><div class=\"comment-author vcard\"><cite class=fn>%s</cite> "
                 "<span class=says>says:</span></div><div class=comment-meta><a href=#c>March 4, 2010 at "
                 "10:31 am</a></div><p>%s</p><div class=reply><a href=#respond>Reply</a></div></li>",
                 "</ol><div id=respond><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>");
}

TEST(styles_disqus_comments_left_out)
{
    check_thread("<div id=disqus_thread><ul id=dsq-comments>",
                 "<li class=post><div class=dsq-comment-header><cite>%s</cite></div>"
                 "<div class=dsq-comment-message>%s</div></li>",
                 "</ul></div>");
}

TEST(styles_forum_table_comments_left_out)
{
    check_thread("<table width=100%><tr><td colspan=2><b>Reader comments (5)</b></td></tr>",
                 "<tr><td valign=top width=140><b>%s</b><br><font size=1>Posted: 03/04/2010 10:31 AM</font></td>"
                 "<td valign=top><font size=2>%s</font></td></tr>",
                 "</table>");
}

TEST(styles_bare_comments_left_out)
{
    check_thread("<div><h3>Comments</h3>", "<div><p><b>%s</b><br>4 March 2010, 10:31 am</p><p>%s</p></div>",
                 "</div>");
}

/* A thread longer than the story (the five comments six times over, no
 * class or id) after a story whose wrapper carries a furniture cue in its
 * class, and a "related" box of one paragraph between them. The thread's
 * prose is not the page's: counted in, it made the story a small share of
 * the page, its wrapper went with the cue, the cues seemed to have taken
 * most of the prose, and the page was read again without them, which kept
 * the related box. */
TEST(styles_long_thread_not_page_prose)
{
    char page[32768];
    int n = snprintf(page, sizeof page,
                     "<html><head><title>Mill to become library</title></head><body><div><a href=/>Home</a> | "
                     "<a href=/news>News</a></div><h1>Mill to become library</h1><div class=layout-with-sidebar>");
    n = paragraphs(page, sizeof page, n, "<p>", "</p>");
    n += snprintf(page + n, sizeof page - (size_t)n,
                  "</div><div class=related-box><p>Also this week: the ferry company said its fares would rise in "
                  "April, the first rise in six years, blaming the price of fuel and the new harbour dues.</p>"
                  "</div><div><h3>Comments</h3>");
    static const char *const names[] = {"Jean M.", "bigdave77", "Pat from Riverton", "Marcy", "oldtimer"};
    for (int i = 0; i < 30; i++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div><p><b>%s</b><br>%d March 2010, 10:%02d am</p><p>%s</p></div>", names[i % 5],
                      1 + i % 28, i, comments[i % 5]);
    snprintf(page + n, sizeof page - (size_t)n, "</div></body></html>");
    check_story(page, "ferry company", "grandmother");
}

/* No class, no id, no HTML5 section: the story beside a menu and a column
 * of other stories' headlines. */
TEST(styles_classless_story_kept)
{
    char page[8192];
    story_page(page, sizeof page, head, "<p>", "</p>",
               "</div><div><b>Most read</b><ul><li><a href=/a>Bypass plan goes to inquiry</a></li>"
               "<li><a href=/b>Ferry fares to rise in April</a></li><li><a href=/c>Choir wins county cup</a></li>"
               "</ul></div><div>Copyright 2010 The Brenn Gazette. All rights reserved.</div></body></html>");
    check_story(page, "Ferry fares", "All rights reserved");
}

/* A 1999 layout table: a banner row, a cell of section links, the story
 * in the middle cell, a cell of "Advertisement" and headlines. */
TEST(styles_table_layout_story_kept)
{
    char page[8192];
    story_page(page, sizeof page,
               "<html><head><title>Mill to become library</title></head><body><table width=760>"
               "<tr><td colspan=3><img src=/masthead.gif alt=\"The Brenn Gazette\"></td></tr>"
               "<tr><td width=140 valign=top><a href=/news>News</a><br><a href=/sport>Sport</a><br>"
               "<a href=/weather>Weather</a><br><a href=/contact>Contact Us</a></td>"
               "<td width=460 valign=top><font size=5><b>Mill to become library</b></font><br><br>",
               "<p>", "</p>",
               "</td><td width=160 valign=top><font size=1>Advertisement</font><br><img src=/ad.gif>"
               "<p><b>More headlines</b></p><p><a href=/a><font size=1>Bypass plan goes to a public inquiry "
               "after the county objects to its route</font></a></p><p><a href=/b><font size=1>Ferry fares to "
               "rise in April for the first time in six years</font></a></p></td></tr>"
               "<tr><td colspan=3><font size=1>Copyright 2010 The Brenn Gazette. All rights reserved.</font>"
               "</td></tr></table></body></html>");
    check_story(page, "Ferry fares", "Advertisement");
}

/* A 1999 layout table whose middle cell holds the whole page: the title,
 * the story in an element of its own, then a digest of other stories (a
 * linked headline and a one-line blurb each) with more prose than the
 * story. The cell holds the title and most of the prose, but it stands for
 * the page, not the story (before, the cell was the container and the
 * digest came out with the story). */
TEST(styles_table_layout_cell_holding_page)
{
    char page[8192];
    int n = snprintf(page, sizeof page,
                     "<html><head><title>Mill to become library</title></head><body><table width=760>"
                     "<tr><td colspan=3><img src=/masthead.gif alt=\"The Brenn Gazette\"></td></tr>"
                     "<tr><td width=140 valign=top><a href=/news>News</a><br><a href=/sport>Sport</a></td>"
                     "<td width=460 valign=top><h1>Mill to become library</h1><div>");
    n = paragraphs(page, sizeof page, n, "<p>", "</p>");
    n += snprintf(page + n, sizeof page - (size_t)n, "</div>");
    for (int i = 0; i < 9; i++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div><a href=/d%d>Other news from the valley towns and the villages on the hill road this "
                      "week, read story number %d of the digest</a><p>A short summary of story %d, which is told "
                      "in full on its own page of this site.</p></div>", i, i, i);
    snprintf(page + n, sizeof page - (size_t)n,
             "</td><td width=160 valign=top><font size=1>Advertisement</font><br><img src=/ad.gif></td></tr>"
             "<tr><td colspan=3><font size=1>Copyright 2010 The Brenn Gazette. All rights reserved.</font>"
             "</td></tr></table></body></html>");
    check_story(page, "A short summary of story", "Other news from the valley");
}

/* Paragraphs as <font> text and <br><br>, the story's cell opening with a
 * line that is all one link: a teaser's shape, but the blurb is a story
 * (before, a short banner's two lines were taken for the body instead). */
TEST(styles_font_paragraphs_story_kept)
{
    char page[8192];
    story_page(page, sizeof page,
               "<html><head><title>Mill to become library</title></head><body>"
               "<div><a href=/>Home</a> | <a href=/news>News</a> | <a href=/sport>Sport</a></div>"
               "<div><font size=2>An official newsletter of the Brenn valley councils.<br><br></font>"
               "<font size=2>Sites of the councils end in .gov.example, and every one of them is listed "
               "in the directory kept at the town hall.<br><br></font></div>"
               "<div><font size=2><a href=/report>Report a problem with this page</a><br><br></font>",
               "<font face=Verdana size=2>", "<br><br></font>", "</div></body></html>");
    check_story(page, "Sport", NULL);
}

/* No class, no id, no HTML5 section: each paragraph of the story in a
 * wrapper of its own under the title, a column of links beside it, and a
 * notice of two long paragraphs at the page's foot that outscores any one
 * part of the story. The element that holds the title and most of the
 * prose is the story's (before, the notice was taken for the body). */
TEST(styles_classless_story_under_title)
{
    char page[8192];
    int n = snprintf(page, sizeof page, "%s", head);
    n = paragraphs(page, sizeof page, n, "<div><div><p>", "</p></div></div>");
    n += snprintf(page + n, sizeof page - (size_t)n, "</div><div>");
    for (int i = 0; i < 12; i++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<a href=/s%d>Bypass plan goes to a public inquiry, part %d</a><br>", i, i);
    snprintf(page + n, sizeof page - (size_t)n,
             "</div><div><div><p>This notice is given for general information only and is not advice of any "
             "kind. The publisher takes care to check what it prints, but makes no promise that anything on "
             "this page is complete, current or free of error, and accepts no liability for any loss.</p>"
             "<p>No part of this page may be copied, stored or passed on in any form without the written "
             "leave of the publisher, save for short quotations in reviews, and every trade mark named on "
             "it belongs to its owner, who has not endorsed this page.</p></div></div></body></html>");
    check_story(page, "accepts no liability", "Bypass plan");
}

/* A page with no prose (short lines only: no block scores) keeps its
 * lines: the title's own element is not taken for the story (before, only
 * the line beside the title came out). */
TEST(styles_classless_no_prose_kept_whole)
{
    static const char page[] = "<html><head><title>Village hall</title></head><body><div><h1>Village hall "
                               "bookings</h1><span>Revised in May</span></div><div>Open 8 till 6.</div>"
                               "<div>Keys at the shop.</div><div>Small room.</div><div>Large room.</div>"
                               "</body></html>";
    sl_extracted e = {0};
    CHECK_INT(page_extract(page, strlen(page), &e), 0);
    CHECK(e.text && strstr(e.text, "Revised in May"));
    CHECK(e.text && strstr(e.text, "Open 8 till 6."));
    CHECK(e.text && strstr(e.text, "Keys at the shop."));
    sl_extracted_clear(&e);
}

/* A page of tests/fixtures/extract/ (written for these tests): its story
 * whole, and none of `left_out`. */
static void check_fixture(const char *path, const char *first, const char *last, const char *const *left_out)
{
    size_t len = 0;
    char *html = sl_test_read_file(path, &len);
    CHECK(html != NULL);
    sl_extracted e = {0};
    CHECK_INT(html ? page_extract(html, len, &e) : -1, 0);
    CHECK(e.text && strstr(e.text, first));
    CHECK(e.text && strstr(e.text, last));
    for (; *left_out; left_out++)
        CHECK(e.text && !strstr(e.text, *left_out));
    sl_extracted_clear(&e);
    free(html);
}

/* A 2010 news page in a layout table with <font> text: the story, then
 * eight reader comments under a bold "Your comments" (a name and a dated
 * line above each, no class or id), a comment form, and a side column. */
TEST(styles_fixture_comments_2010)
{
    static const char *const left_out[] = {"by the fish market", "granite instead", "Porthkennack",
                                           "Most read", "Carnival route", "All rights reserved", NULL};
    check_fixture("tests/fixtures/extract/comments_2010.html", "breached in two places",
                  "for the next hundred", left_out);
}

/* A 2010 page laid out as a table: a cell of section links, the story as
 * <font> text and <br><br>, a cell of an advert and other headlines. */
TEST(styles_fixture_table_2010)
{
    static const char *const left_out[] = {"Front page", "Advertisement", "Also in the news", "Polgrain",
                                           "All rights reserved", NULL};
    check_fixture("tests/fixtures/extract/table_2010.html", "two hundred more apple trees",
                  "nobody can take away", left_out);
}
