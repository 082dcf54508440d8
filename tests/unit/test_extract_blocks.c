/* test_extract_blocks.c — the HTML extractor's block decision (blocks.c):
 * reader comments stay out of the body, a page with a body never comes out
 * empty, and the bylines and dates meta.c reads from older templates
 * (the title tests are in test_extract_titles.c). */
#include <stdlib.h>
#include <string.h>

#include "ingest/blocks.h"
#include "page_extract.h"
#include "test.h"

static int has(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

static int extract(const char *html, sl_extracted *out) { return page_extract(html, strlen(html), out); }

/* An older news page: a table layout without <article>, the story in
 * paragraphs, and a long thread of reader comments whose prose outweighs
 * the story's. */
static const char comments_page[] =
    "<html><head><title>Harbour wall holds - The Larkmouth Courier</title></head><body>"
    "<table><tr><td class=nav><a href=/>Home</a> <a href=/news>News</a></td>"
    "<td class=main><h1>Harbour wall holds</h1>"
    "<p>The harbour wall at Larkmouth held through the night as the storm surge peaked at high tide, "
    "the council said on Tuesday morning.</p>"
    "<p>Engineers had reinforced the eastern section in the spring after cracks were found during an "
    "inspection, and the repairs were tested for the first time.</p>"
    "<p>Residents of the lower town, who had been told to prepare sandbags, returned to their homes "
    "before dawn once the water began to fall.</p>"
    "<div id=comments><h3>Reader comments</h3>"
    "<div class=comment><p>I have lived on the quay for thirty years and I have never seen the water come "
    "so close to the top of the steps, whatever the council says about its repairs.</p></div>"
    "<div class=comment><p>Good to hear the engineers earned their money this time, although the road "
    "behind the fish market was flooded again and nobody seems to care about that.</p></div>"
    "<div class=comment><p>Does anyone know whether the ferry will run tomorrow morning, because the "
    "timetable on the website has not been updated since last week and I need to travel.</p></div>"
    "<div class=comment><p>The sandbags were handed out far too late in my street, most people had "
    "already gone to stay with relatives on the hill before the van finally arrived.</p></div>"
    "</div></td></tr></table></body></html>";

/* The story of a comments page comes out whole, without the comments
 * (their words "thirty years", "ferry") or the thread's heading. */
static void check_story_alone(const char *page, const char *heading)
{
    sl_extracted e = {0};
    CHECK_INT(extract(page, &e), 0);
    CHECK(has(e.text, "The harbour wall at Larkmouth held"));
    CHECK(has(e.text, "returned to their homes before dawn"));
    CHECK(!has(e.text, "thirty years"));
    CHECK(!has(e.text, "ferry"));
    CHECK(!has(e.text, heading));
    sl_extracted_clear(&e);
}

TEST(blocks_comments_left_out) { check_story_alone(comments_page, "Reader comments"); }

/* The page's body holds `kept` and `also_kept` (unless NULL) and not
 * `left_out` (unless NULL). */
static void check_body(const char *page, const char *kept, const char *also_kept, const char *left_out)
{
    sl_extracted e = {0};
    CHECK_INT(extract(page, &e), 0);
    CHECK(has(e.text, kept));
    CHECK(!also_kept || has(e.text, also_kept));
    CHECK(!left_out || !has(e.text, left_out));
    sl_extracted_clear(&e);
}

/* Every paragraph of the page is a block with its facts; the comments' are
 * marked as a comment thread, and none of them is kept. */
TEST(blocks_facts)
{
    sl_blocks b;
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_html_blocks(comments_page, strlen(comments_page), NULL, &b, &why), 0);
    int story = 0, comments = 0, comments_kept = 0;
    for (size_t i = 0; i < b.items.n; i++) {
        const sl_block *k = &b.items.items[i];
        const char *text = b.text.ptr + k->start;
        if (!strncmp(text, "The harbour wall at Larkmouth", 29)) {
            story++;
            CHECK(k->keep);
            CHECK_INT(k->kind, SL_KIND_P);
            CHECK(k->path & SL_PATH_INSIDE);
        }
        if (k->path & SL_PATH_COMMENTS) {
            comments++;
            comments_kept += k->keep;
        }
    }
    CHECK_INT(story, 1);
    CHECK(comments >= 4);
    CHECK_INT(comments_kept, 0);
    sl_blocks_free(&b);
    sl_buf_free(&why);
}

/* Reader comments that no class names, as older pages write them: the
 * story in a <div>, then a thread whose entries show themselves by an
 * author's line ("says:", "wrote:", "Posted by", a name and a date) or a
 * "Reply" link. */
static void thread_page(char *page, size_t size, const char *open, const char *entry, const char *close)
{
    static const char *const comments[] = {
        "I have lived on the quay for thirty years and never seen the water come so close to the steps.",
        "Good to hear the engineers earned their money, although the road behind the market flooded again.",
        "Does anyone know whether the ferry will run tomorrow, because the timetable has not been updated.",
        "The sandbags were handed out far too late in my street, most people had already gone to the hill.",
    };
    static const char *const names[] = {"Mike", "Sarah P.", "harbourfan", "Old Salt"};
    size_t n = (size_t)snprintf(page, size,
        "<html><head><title>Harbour wall holds</title></head><body><div class=story>"
        "<h2>Harbour wall holds</h2>"
        "<p>The harbour wall at Larkmouth held through the night as the storm surge peaked at high tide, "
        "the council said on Tuesday morning after engineers inspected it.</p>"
        "<p>Engineers had reinforced the eastern section in the spring after cracks were found during an "
        "inspection, and the repairs were tested for the first time this week.</p>"
        "<p>Residents of the lower town, who had been told to prepare sandbags, returned to their homes "
        "before dawn once the water began to fall, the harbour master said.</p></div>%s", open);
    for (size_t i = 0; i < 4 && n < size; i++)
        n += (size_t)snprintf(page + n, size - n, entry, names[i], comments[i]);
    if (n < size)
        snprintf(page + n, size - n, "%s</body></html>", close);
}

/* A thread's layout for thread_page: what opens it, one entry (the name,
 * then the comment), what closes it. */
typedef struct thread_layout {
    const char *open, *entry, *close;
} thread_layout;

/* Each layout's thread is left out, `heading` (a line of it) too. */
static void check_threads_left_out(const thread_layout *threads, size_t n, const char *heading)
{
    for (size_t i = 0; i < n; i++) {
        char page[4096];
        thread_page(page, sizeof page, threads[i].open, threads[i].entry, threads[i].close);
        check_story_alone(page, heading);
    }
}

TEST(blocks_unnamed_threads_left_out)
{
    static const thread_layout threads[] = {
        {"<h3>4 Responses to &quot;Harbour wall holds&quot;</h3><ol>",
         "<li><div><cite>%s</cite> says:<br><small>March 4, 2010 at 10:31 pm</small><p>%s</p></div></li>", "</ol>"},
        {"<table><tr><td><b>What readers say</b></td></tr>",
         "<tr><td><font size=1>Posted by %s on 3/4/2010</font><br><font size=2>%s</font></td></tr>", "</table>"},
        {"<div id=talkback>",
         "<div class=entry><p><b>%s</b>:</p><p>%s</p><p>10:31 am | <a href=#r>Reply</a></p></div>", "</div>"},
        /* an author's line that is only a name and a date */
        {"<hr><b>Your say</b><table cellpadding=4>",
         "<tr><td><b>%s, Larkmouth</b> - 4 March 2010<br>%s</td></tr>", "</table>"},
        /* the author's line and the comment as two siblings */
        {"<div id=talkback>", "<p class=meta>Posted by %s on 3/4/2010</p><p>%s</p>", "</div>"},
        {"<table>", "<tr><td><b>%s</b> wrote:</td></tr><tr><td>%s</td></tr>", "</table>"},
        {"<dl>", "<dt>%s said...</dt><dd><p>%s</p></dd>", "</dl>"},
        /* the name and the date on two lines of a cell beside the comment */
        {"<table class=talk>", "<tr><td>%s<br>3/4/2010 10:31</td><td>%s</td></tr>", "</table>"},
        /* the author's line after the comment (Movable Type) */
        {"<div id=feedback>", "<div><p>%2$s</p><p>Posted by: %1$s | March 4, 2010 10:31 AM</p></div>", "</div>"},
        /* dates relative to the reading, as comment plugins write them */
        {"<div>", "<div><b>%s</b><br>2 days ago at 08:49 am<p>%s</p></div>", "</div>"},
        {"<ul>", "<li><p>%s &middot; an hour ago</p><p>%s</p></li>", "</ul>"},
        {"<table>", "<tr><td>%s<br>Yesterday at 10:31</td><td>%s</td></tr>", "</table>"},
    };
    check_threads_left_out(threads, sizeof threads / sizeof *threads, "Responses");
}

/* Entries signed by a name alone, with no date and no "wrote:" (a 2010
 * newspaper's "Have your say"), are a thread under a heading that names
 * one, before the thread or first in it; under another heading the same
 * shape (a crew's names above their words, cards) stays. */
TEST(blocks_name_signed_threads)
{
    static const thread_layout threads[] = {
        {"<h3>Have your say</h3><div>", "<div><p><b>%s</b></p><p>%s</p></div>", "</div>"},
        {"<div><h3>Your views</h3><ul>", "<li><span>%s</span><p>%s</p><span>Recommend (4)</span></li>", "</ul></div>"},
        {"<h4>Reader comments (4)</h4>", "<p><strong>%s</strong><br>%s</p>", ""},
    };
    check_threads_left_out(threads, sizeof threads / sizeof *threads, "Recommend");
    char page[4096];
    thread_page(page, sizeof page, "<h3>Meet the crew</h3><div>", "<div><p><b>%s</b></p><p>%s</p></div>", "</div>");
    check_body(page, "The harbour wall at Larkmouth held", "thirty years", NULL);
}

/* An older page titles its thread with a bold line, not a heading: the
 * dated entries after "<b>Comments</b>" in the story's own cell go; after
 * a bold line that names no thread they stay. */
TEST(blocks_bold_thread_title)
{
    for (int named = 1; named >= 0; named--) {
        char page[4096];
        int n = snprintf(page, sizeof page,
                         "<html><body><table><tr><td><h1>Harbour wall holds</h1><div>The harbour wall at Larkmouth "
                         "held through the night as the storm surge peaked at high tide.<br><br>Engineers had "
                         "reinforced the eastern section in the spring after cracks were found.<br><br>Residents "
                         "of the lower town returned to their homes before dawn once the water fell.</div><br>"
                         "<b>%s</b><br>",
                         named ? "Comments (3)" : "Tide tables");
        for (int i = 0; i < 3; i++)
            n += snprintf(page + n, sizeof page - (size_t)n,
                          "<div><font size=1>Reader %d | 10 Mar 2010 14:2%d</font><p>I have lived on the quay for "
                          "thirty years and never seen the water so close to the church steps.</p></div>",
                          i, i);
        snprintf(page + n, sizeof page - (size_t)n, "%s", "</td></tr></table></body></html>");
        sl_extracted e = {0};
        CHECK_INT(extract(page, &e), 0);
        CHECK(has(e.text, "returned to their homes before dawn"));
        CHECK_INT(has(e.text, "thirty years"), !named);
        sl_extracted_clear(&e);
    }
}

/* What a thread looks like but is not one stays: posts that open a page
 * (a forum, a blog's index) follow no article; and a page whose only text
 * is such a list still comes out with it. */
TEST(blocks_thread_shapes_kept)
{
    char page[4096];
    thread_page(page, sizeof page, "<ol>",
                "<li><div><cite>%s</cite> says:<br><p>%s</p></div></li>", "</ol>");
    char *story = strstr(page, "<div class=story>"), *thread = strstr(page, "<ol>");
    CHECK(story && thread);
    if (!story || !thread)
        return;
    memmove(story, thread, strlen(thread) + 1);   /* the thread alone */
    sl_extracted e = {0};
    CHECK_INT(extract(page, &e), 0);
    CHECK(has(e.text, "thirty years"));
    CHECK(has(e.text, "ferry"));
    sl_extracted_clear(&e);
}

/* A story told as a timeline, each paragraph under its date, reads like
 * author's lines and comments side by side, and stays whole. */
TEST(blocks_dated_timeline_kept)
{
    char page[4096];
    thread_page(page, sizeof page, "<div class=timeline>", "<p><b>%s, March 2010</b></p><p>%s</p>", "</div>");
    check_body(page, "The harbour wall at Larkmouth held", "thirty years", NULL);
}

/* Comments inside the story's own table cell, after its paragraphs under
 * a "Comments" heading, go; a forum's replies, after the first post with no
 * heading between, stay. */
TEST(blocks_comment_run_in_story)
{
    static const char *const replies[] = {
        "I have lived on the quay for thirty years and never seen the water come so close to the steps.",
        "Good to hear the engineers earned their money, although the road behind the market flooded again.",
        "Does anyone know whether the ferry will run tomorrow, because the timetable has not been updated.",
        "The sandbags were handed out far too late in my street, most people had already gone to the hill.",
    };
    for (int heading = 1; heading >= 0; heading--) {
        char page[8192];
        int n = snprintf(page, sizeof page,
                         "<html><body><table><tr><td><h1>Harbour wall holds</h1><p>The harbour wall at Larkmouth "
                         "held through the night as the storm surge peaked at high tide, the council said.</p>"
                         "<p>Engineers had reinforced the eastern section in the spring after cracks were found "
                         "during an inspection.</p><p>Residents of the lower town returned to their homes before "
                         "dawn once the water began to fall.</p>%s",
                         heading ? "<h3>Comments</h3>" : "");
        for (int i = 0; i < 4; i++)
            n += snprintf(page + n, sizeof page - (size_t)n, "<p>Posted by reader%d on 3/4/2010</p><p>%s</p>", i,
                          replies[i]);
        snprintf(page + n, sizeof page - (size_t)n, "%s", "</td></tr></table></body></html>");
        sl_extracted e = {0};
        CHECK_INT(extract(page, &e), 0);
        CHECK(has(e.text, "returned to their homes before dawn"));
        CHECK_INT(has(e.text, "thirty years"), !heading);
        CHECK_INT(has(e.text, "ferry"), !heading);
        sl_extracted_clear(&e);
    }
}

/* A commenter is not the story's author: the comment threads the body
 * leaves out (a run of "Posted by" entries in the story's own cell, or a
 * list named by its class) give no byline. With the story's own byline the
 * author is its name; without one, no author rather than a commenter. */
TEST(blocks_commenters_not_authors)
{
    static const char story[] =
        "<html><body><table><tr><td><h1>Ferry pier to reopen</h1>%s<p>The town council of Larkmouth voted on "
        "Tuesday to reopen the old ferry pier, closed since a winter storm damaged its pilings.</p><p>Councillors "
        "agreed by seven votes to two that the work should start in the spring.</p><p>The ferry operator said it "
        "would restore two crossings a day once the pier passed its inspection.</p>%s</td></tr></table></body></html>";
    static const char run[] =
        "<h3>Comments</h3>"
        "<div><p>Posted by Harold Quince</p><p>About time too, the pier has been an eyesore for years.</p></div>"
        "<div><p>Posted by Wendy Marsh</p><p>Seven votes to two, but who pays if the repairs cost more?</p></div>"
        "<div><p>Posted by Tom Ashdown</p><p>I remember the crossings as a boy and am glad to see them back.</p></div>";
    static const char named[] =
        "<div class=comments><div class=comment><span class=comment-author>Harold Quince</span><p>About time "
        "too, the pier has been an eyesore for years.</p></div></div>";
    static const struct { const char *byline, *thread, *author; } cases[] = {
        {"<p>By Margaret Ellison</p>", run, "Margaret Ellison"},
        {"", run, NULL},
        {"", named, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char page[4096];
        snprintf(page, sizeof page, story, cases[i].byline, cases[i].thread);
        sl_extracted e = {0};
        CHECK_INT(extract(page, &e), 0);
        CHECK(!has(e.text, "eyesore"));
        if (cases[i].author)
            CHECK_STR(e.author, cases[i].author);
        else
            CHECK(e.author == NULL);
        sl_extracted_clear(&e);
    }
}

/* Before the block decision these pages gave "no article text found":
 * their only text sits in a link-heavy block, or in a block without prose
 * the scores could not choose. A page with a body comes out with it. */
TEST(blocks_never_empty)
{
    const char *pages[] = {
        "<html><body><div><a href=/story>Harbour wall holds through the night</a> "
        "<a href=/more>more</a></div></body></html>",
        "<html><body><ul><li><a href=/a>Storm surge peaks at high tide</a></li>"
        "<li><a href=/b>Ferry timetable changes for the winter</a></li></ul></body></html>",
        /* streamed into a hidden <div> for a script to move (React servers) */
        "<html><body><div></div><div hidden id=S:0><main><p>The harbour wall at Larkmouth held through "
        "the night as the storm surge peaked at high tide.</p></main></div></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        sl_extracted e = {0};
        CHECK_INT(extract(pages[i], &e), 0);
        CHECK(e.text && *e.text);
        sl_extracted_clear(&e);
    }
    sl_extracted e = {0};
    const char *nav_only = "<html><body><nav><a href=/>Home</a></nav></body></html>";
    CHECK_INT(sl_html_extract(nav_only, strlen(nav_only), NULL, &e, NULL), SL_EBADINPUT);
    sl_extracted_clear(&e);
}

/* A page that renders its posts with a script gives crawlers them in a
 * <noscript>: read again with it, the posts and their author come out; a
 * page with text of its own keeps its <noscript> out. */
TEST(blocks_noscript_reread)
{
    const char *forum = "<html><body><div id=app>Loading...</div><noscript><div class=post>"
                        "<span itemprop=author>dalejack</span><p>Since last night's update the reviews of our "
                        "documents fail, and the grammar checks no longer run at all.</p></div></noscript>"
                        "</body></html>";
    sl_extracted e = {0};
    CHECK_INT(extract(forum, &e), 0);
    CHECK(has(e.text, "the grammar checks no longer run"));
    CHECK_STR(e.author, "dalejack");
    sl_extracted_clear(&e);
    const char *story = "<html><body><p>The harbour wall at Larkmouth held through the night as the storm "
                        "surge peaked at high tide, the council said.</p><noscript><p>Enable JavaScript to see "
                        "the comments of our readers on this story.</p></noscript></body></html>";
    CHECK_INT(extract(story, &e), 0);
    CHECK(has(e.text, "The harbour wall at Larkmouth held"));
    CHECK(!has(e.text, "Enable JavaScript"));
    sl_extracted_clear(&e);
}

/* A React page streams the article late into <div hidden id="S:0"> for its
 * script to move into place, while the visible page holds only the site's
 * furniture and a newsletter box: the streamed article is read, and a
 * hidden element that is not such a boundary (a modal) stays out. */
TEST(blocks_streamed_boundary_read)
{
    const char *page =
        "<html><body><header><a href=/>Larkmouth Courier</a></header><template id=B:0></template>"
        "<div class=newsletter><p>Subscribe to our weekly newsletter and never miss a story from the coast, "
        "delivered to your inbox every Friday morning.</p></div>"
        "<div hidden id=modal><p>You have read all of your free stories for this month, so please sign in "
        "or choose one of our subscription plans.</p></div>"
        "<div hidden id=S:0><h1>Harbour wall holds</h1><p>The harbour wall at Larkmouth held through the night "
        "as the storm surge peaked at high tide, the council said on Tuesday morning.</p><p>Engineers had "
        "reinforced the eastern section in the spring after cracks were found during an inspection.</p>"
        "<p>Residents of the lower town returned to their homes before dawn once the water began to fall."
        "</p></div><script>$RC(\"B:0\",\"S:0\")</script></body></html>";
    check_body(page, "The harbour wall at Larkmouth held", "returned to their homes before dawn", "free stories");
    check_body(page, "The harbour wall at Larkmouth held", NULL, "weekly newsletter");
}

/* A theme's menu data leaked as text (an attribute broken by a stray
 * quote), longer than the story: code does not count as prose, so the
 * story is still the container. */
TEST(blocks_code_not_prose)
{
    char page[8192];
    int n = snprintf(page, sizeof page, "%s", "<html><body><div class=top>menu = [");
    for (int i = 0; i < 12; i++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "{'ID':%d,'post_name':'harbour_news_%d','post_status':'publish','menu_order':%d,"
                      "'post_title':'Harbour and coast news','url':'https:\\/\\/example.org\\/news\\/%d'},",
                      500 + i, i, i, i);
    snprintf(page + n, sizeof page - (size_t)n, "%s",
             "]</div><div class=story><p>The harbour wall at Larkmouth held through the night as the storm "
             "surge peaked at high tide, the council said on Tuesday morning.</p><p>Engineers had reinforced "
             "the eastern section in the spring after cracks were found during an inspection.</p><p>Residents "
             "of the lower town returned to their homes before dawn once the water began to fall.</p></div>"
             "</body></html>");
    check_body(page, "The harbour wall at Larkmouth held", "returned to their homes before dawn", "post_status");
}

/* A short story in <main> and a longer legal notice in the <footer>: the
 * footer holds most of the page's prose (so it is kept as possibly the
 * article), but it does not count against the <main>, which is the article. */
TEST(blocks_footer_beside_main)
{
    const char *page =
        "<html><body><main><h1>Ferry timetable changes</h1><p>The winter timetable of the Larkmouth ferry "
        "starts on Monday, with two crossings a day instead of four.</p><ul><li>Morning crossing at 7:30</li>"
        "<li>Evening crossing at 18:00</li></ul></main><footer><p>This material is provided for general "
        "information only and is not intended to replace the advice of a qualified adviser, whose counsel "
        "should be sought before any decision is taken.</p><p>Services referenced here are offered by "
        "independent companies and are subject to their own terms, which may change at any time without "
        "notice to readers of this site.</p><p>Copyright 2026 Larkmouth Courier Limited. All rights "
        "reserved; no part of this page may be reproduced without written permission.</p></footer>"
        "</body></html>";
    check_body(page, "The winter timetable of the Larkmouth ferry", "Evening crossing at 18:00", "qualified adviser");
}

/* A template that closes the page early: the article comes after </html>,
 * where libxml2 puts it beside the root and a browser at the end of the
 * body. It is read. */
TEST(blocks_after_html_end)
{
    const char *page =
        "<!DOCTYPE html><html><head><title>Harbour wall holds</title></head><body><nav><a href=/>Home</a> "
        "<a href=/news>News</a></nav></body></html>\n"
        "<div class=story><h1>Harbour wall holds</h1><p>The harbour wall at Larkmouth held through the night "
        "as the storm surge peaked at high tide, the council said on Tuesday morning.</p><p>Residents of the "
        "lower town returned to their homes before dawn once the water began to fall.</p></div></body></html>";
    check_body(page, "The harbour wall at Larkmouth held", "returned to their homes before dawn", NULL);
}

/* A newsletter's archive page: its text sits in a wrapper named after the
 * newsletter (a furniture cue) inside the <article>, with a long sign-up
 * pitch and a site blurb beside it. The wrapper holds most of the
 * article's prose, though not most of the page's: it is the article's
 * text and is kept. */
TEST(blocks_topic_wrapper_in_article)
{
    const char *para = "<p>The harbour wall at Larkmouth held through the night as the storm surge peaked at "
                       "high tide, and the families who had left returned to their homes before dawn.</p>";
    const char *blurb = "<p>Join the thousands of readers who get the Courier's harbour letter every month, with "
                        "tide tables, ferry news and the stories of the people who work on the quays.</p>";
    char page[8192];
    int n = snprintf(page, sizeof page, "%s", "<html><body><main><article><h1>Harbour letter: March</h1>"
                                              "<div class=newsletter-body>");
    for (int i = 0; i < 3; i++)
        n += snprintf(page + n, sizeof page - (size_t)n, "%s", para);
    n += snprintf(page + n, sizeof page - (size_t)n, "%s", "</div></article></main><div class=about>");
    for (int i = 0; i < 2; i++)
        n += snprintf(page + n, sizeof page - (size_t)n, "%s", blurb);
    snprintf(page + n, sizeof page - (size_t)n, "%s", "</div></body></html>");
    check_body(page, "The harbour wall at Larkmouth held", NULL, "Join the thousands");
}

/* An older table layout: the story in the middle cell, beside a column
 * of teasers, each a headline link on its own line and a blurb, whose
 * prose outweighs the story's. A paragraph that opens with a line that is
 * all one link is a teaser, not prose: the column stays out. */
TEST(blocks_teaser_column_left_out)
{
    static const char *const blurbs[] = {
        "A new ferry timetable for the winter months will cut the crossings to the islands to two a day.",
        "The county's schools will close early on Friday so that pupils get home before the second storm.",
        "Fishermen say the price of cod at the quayside auction has fallen by a third since January.",
        "The lifeboat crew was called out twice on Monday night, once to a yacht that had lost its mast.",
        "Plans for a wind farm off the headland were sent back after objections from the harbour board.",
        "The old lighthouse will open to visitors again in the spring after a two-year restoration.",
    };
    char page[8192];
    int n = snprintf(page, sizeof page, "%s",
                     "<html><body><table><tr><td><a href=/>Home</a><br><a href=/news>News</a></td><td>"
                     "<font size=5><b>Harbour wall holds</b></font><br><br>The harbour wall at Larkmouth held "
                     "through the night as the storm surge peaked at high tide, the council said.<br><br>"
                     "Engineers had reinforced the eastern section in the spring after cracks were found.<p>"
                     "Residents of the lower town returned to their homes before dawn once the water fell.</p>"
                     "<p>The council will meet on Thursday to decide whether to repair the western section.</p>"
                     "</td><td><b>More news</b>");
    for (size_t i = 0; i < sizeof blurbs / sizeof *blurbs; i++)
        n += snprintf(page + n, sizeof page - (size_t)n, "<p><a href=/n%zu><b>Headline %zu</b></a><br>%s</p>", i,
                      i, blurbs[i]);
    snprintf(page + n, sizeof page - (size_t)n, "%s", "</td></tr></table></body></html>");
    check_body(page, "The harbour wall at Larkmouth held", "western section", "ferry timetable");
}

/* Teaser cards marked up as <article>s do not keep the sidebar that holds
 * them: only an <article> with a share of the page's prose is the article. */
TEST(blocks_teaser_articles_left_out)
{
    char page[4096];
    int n = snprintf(page, sizeof page, "%s", "<html><body><main><article><h1>Harbour wall holds</h1>");
    for (int i = 0; i < 4; i++)
        n += snprintf(page + n, sizeof page - (size_t)n, "%s",
                      "<p>The harbour wall at Larkmouth held through the night as the storm surge peaked at "
                      "high tide, and the families who had left returned to their homes before dawn.</p>");
    n += snprintf(page + n, sizeof page - (size_t)n, "%s", "</article><aside class=widget>");
    for (int i = 0; i < 4; i++)
        n += snprintf(page + n, sizeof page - (size_t)n, "%s",
                      "<article class=card><a href=/deal><h3>Deal alert</h3></a><p class=excerpt>Laptops are "
                      "on sale this week at a considerable discount, with free delivery...</p></article>");
    snprintf(page + n, sizeof page - (size_t)n, "%s", "</aside></main></body></html>");
    sl_extracted e = {0};
    CHECK_INT(extract(page, &e), 0);
    CHECK(has(e.text, "The harbour wall at Larkmouth held"));
    CHECK(!has(e.text, "Laptops are on sale"));
    sl_extracted_clear(&e);
}

/* Bylines as templates write them. */
TEST(blocks_bylines)
{
    static const struct { const char *byline, *author; } cases[] = {
        {"<p class=byline>May 28 Written By Jane Doe</p>", "Jane Doe"},
        {"<div class=author>Jane Doe Staff Writer</div>", "Jane Doe"},
        {"<span class=author-name>Jane Doe 7 min read</span>", "Jane Doe"},
        {"<p>Text <a href=/authors/jane-doe/>Jane Doe</a></p>", "Jane Doe"},
        {"<div class=author>Authors: Jane Doe</div>", "Jane Doe"},
        {"<div class=author>Jane Doe Founder &amp; Lead Reviewer</div>", "Jane Doe"},
        /* a forum's post: reputation and badge counts, the avatar's initial */
        {"<div class=post-author><a href=/u/1>jdoe</a> 1,655 11 gold badges 14 silver badges</div>", "jdoe"},
        {"<div class=author>jdoe <span class=avatar>J</span></div>", "jdoe"},
        /* microdata: the itemprop=name inside the itemprop=author, text or <meta> */
        {"<span itemprop=author><a href=/u/jdoe><span itemprop=name>jdoe</span></a> (Jane Doe)</span>", "jdoe"},
        {"<div itemprop=author><a href=/u/jdoe>jdoe</a><meta itemprop=name content=jdoe>"
         "<span class=badge>Gold Member</span></div><div itemprop=author><span itemprop=name>kroe</span></div>",
         "jdoe"},
        /* the name is a byline's first line; its role or rank follows on the next */
        {"<div class=author_info><a href=/u/jdoe>jdoe</a><br><span>Gold Member</span></div>", "jdoe"},
        {"<div class=author><p>Jane Doe</p><p>Certified Sleep Consultant, RN</p></div>", "Jane Doe"},
        {"<p class=byline>By<br>Jane Doe</p>", "Jane Doe"},
        /* a forum thread: its starter, not the replies' authors the bylines name */
        {"<ul><li><i>Thread starter</i><span class=sr-only>Thread starter</span><a href=/m/jdoe.1/>jdoe</a>"
         "</li></ul><div class=post-author>kroe</div>", "jdoe"},
        {"<p>Topic author: jdoe</p><div class=post-author>kroe</div>", "jdoe"},
        /* a label ending in a colon is passed over for the next byline */
        {"<p class=authors-label>Authors of this article:</p><p class=author>Jane Doe</p>", "Jane Doe"},
        /* a long text in a byline element is not a name, counts or not */
        {"<div class=author-box>May 28, 2025 The council met on Tuesday to discuss the wall and the road</div>"
         "<p class=byline>By Jane Doe</p>", "Jane Doe"},
        /* no class names them: a text after the headline opens with "By" */
        {"<div><strong>By <a href=/team/jd>Jane Doe</a></strong> - Mar 27, 2024</div>", "Jane Doe"},
        {"<div><span>By</span><span>Jane Doe</span></div>", "Jane Doe"},
        {"<div><p>Written by</p><p>Jane Doe</p></div>", "Jane Doe"},
        {"<p>By Jane Doe - March 3, 2010</p>", "Jane Doe"},
        {"<div><time>March 3, 2010</time> <span>&middot;</span> By Jane Doe</div>", "Jane Doe"},
        /* "Posted by", and a name followed by when ("on ...", "at ...") */
        {"<p>Posted by Jane Doe on Friday March 3, 2010 @08:00PM from the harbour desk</p>", "Jane Doe"},
        {"<div class=byline>By Jane Doe at 10:04</div>", "Jane Doe"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char page[1024];
        snprintf(page, sizeof page,
                 "<html><body><h1>Harbour wall holds</h1>%s<p>The harbour wall at Larkmouth held through "
                 "the night as the storm surge peaked at high tide, the council said.</p></body></html>",
                 cases[i].byline);
        sl_extracted e = {0};
        CHECK_INT(extract(page, &e), 0);
        CHECK_STR(e.author, cases[i].author);
        sl_extracted_clear(&e);
    }
    /* a bare "By" with no name after it; a "by" within a line of prose */
    static const char *const no_author[] = {
        "<p class=byline>By</p><p>The harbour wall at Larkmouth held through the night as the storm surge "
        "peaked at high tide.</p>",
        "<h1>Harbour wall holds</h1><p>The harbour wall at Larkmouth held through the night as the storm surge "
        "peaked at high tide.</p><p>Nobody on the quay was <em>surprised</em> by it.</p>",
    };
    for (size_t i = 0; i < sizeof no_author / sizeof *no_author; i++) {
        char page[1024];
        snprintf(page, sizeof page, "<html><body>%s</body></html>", no_author[i]);
        sl_extracted e = {0};
        CHECK_INT(extract(page, &e), 0);
        CHECK(e.author == NULL);
        sl_extracted_clear(&e);
    }
}

/* One section of a page builder's layout (Elementor's nesting): a heading
 * widget, an image and a text widget of paragraphs. */
static size_t builder_section(char *out, size_t size, const char *heading, const char *paras)
{
    int n = snprintf(out, size,
                     "<div class=elementor-section><div class=elementor-container><div class=elementor-column>"
                     "<div class=elementor-widget-wrap><div class=elementor-widget-heading><h2>%s</h2></div>"
                     "<div class=elementor-widget-image><img src=hedge.jpg></div>"
                     "<div class=elementor-widget-text-editor><div class=elementor-widget-container>%s"
                     "</div></div></div></div></div></div>",
                     heading, paras);
    return n < 0 ? 0 : (size_t)n;
}

/* A how-to cut into five sibling sections, the longest under a third of the
 * prose: every section joins the container with its heading; the link
 * list after them ends the run, so the nursery's blurb past it stays out. */
TEST(blocks_builder_sections_joined)
{
    static const char *const sections[][2] = {
        {"Choose the plants",
         "<p>Hawthorn, blackthorn and field maple make a dense hedge that birds will nest in within three "
         "years of planting.</p><p>Buy bare-root whips between November and March, when they are dormant "
         "and cost a fraction of potted plants.</p>"},
        {"Prepare the trench",
         "<p>Dig a trench a spade deep along a string line, and loosen the soil at its bottom with a fork so "
         "the roots can spread.</p><p>Mix a bucket of garden compost into every metre of soil you take out, "
         "but keep fresh manure well away from the roots.</p><p>Soak the roots of the whips in a bucket of "
         "water for an hour while you finish the trench.</p>"},
        {"Plant in a double row",
         "<p>Set the whips in two staggered rows about forty centimetres apart, five plants to every metre "
         "of hedge.</p><p>Firm the soil around each stem with your heel and water the row well, even when "
         "the ground already looks wet.</p>"},
        {"Cut back in the first spring",
         "<p>Cut every stem back by a third in the first March: it feels harsh, but it makes the hedge bush "
         "out from the base.</p>"},
        {"Keep it weeded",
         "<p>Lay a mulch of bark or cardboard along both sides of the row so that grass cannot compete with "
         "the young roots.</p><p>Pull any weeds that come through by hand in the first two summers, and "
         "water the hedge in long dry spells.</p>"},
    };
    char page[8192];
    size_t n = (size_t)snprintf(page, sizeof page,
                                "<html><head><title>Planting a winter hedge</title></head><body><header><nav>"
                                "<a href=/>Home</a> <a href=/shop>Shop</a></nav></header><div class=page-wrap>"
                                "<h1>Planting a winter hedge</h1>");
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
        n += builder_section(page + n, sizeof page - n, sections[i][0], sections[i][1]);
    snprintf(page + n, sizeof page - n,
             "<div class=elementor-section><div class=elementor-container><h3>From the blog</h3><ul>"
             "<li><a href=/b/1>Pruning roses in late winter</a></li><li><a href=/b/2>Shrubs for a shady "
             "corner</a></li><li><a href=/b/3>Storing dahlia tubers</a></li></ul></div></div>"
             "<div class=elementor-section><div class=elementor-container><p>Fernbrook Nursery has grown "
             "native hedging plants on the edge of the moor since 1962 and delivers across the country.</p>"
             "</div></div></div></body></html>");
    sl_extracted e = {0};
    CHECK_INT(extract(page, &e), 0);
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
        CHECK(has(e.text, sections[i][0]));
    CHECK(has(e.text, "birds will nest"));
    CHECK(has(e.text, "Dig a trench"));
    CHECK(has(e.text, "water the hedge in long dry spells"));
    CHECK(!has(e.text, "Fernbrook Nursery"));
    sl_extracted_clear(&e);
}

/* A date the page shows only as text, after the headline; a date further
 * down (a comment's) is not the page's. */
TEST(blocks_text_dates)
{
    sl_extracted e = {0};
    CHECK_INT(extract("<html><body><h1>Harbour wall holds</h1><div><span>Dec 12, 2025</span> &middot; "
                      "4 min read</div><p>The harbour wall at Larkmouth held through the night as the storm "
                      "surge peaked at high tide.</p></body></html>", &e), 0);
    CHECK_STR(e.published, "2025-12-12");
    sl_extracted_clear(&e);
    char page[8192];
    size_t n = (size_t)snprintf(page, sizeof page, "<html><body><h1>Harbour wall holds</h1>");
    for (int i = 0; i < 70; i++)
        n += (size_t)snprintf(page + n, sizeof page - n, "<p>The wall held through the night, part %d.</p>", i);
    snprintf(page + n, sizeof page - n, "<p>Posted by Mike</p><p>March 4, 2010</p></body></html>");
    CHECK_INT(extract(page, &e), 0);
    CHECK(e.published == NULL);
    sl_extracted_clear(&e);
}

/* The block model's function-word share counts the stop words of the
 * block's own language (the best of the stop-word lists), not English
 * alone: a French or German paragraph reads as prose as an English one
 * does, a row of names does not. The container's words before and after
 * a block are shares of it: 0 before the first paragraph, 0 after the
 * last. */
TEST(blocks_function_words_any_language)
{
    static const char page[] =
        "<html><head><title>Le port</title></head><body><article>"
        "<p>Le mur du port a tenu toute la nuit et les habitants de la ville basse sont rentres chez eux "
        "avant le lever du jour, a dit le maire.</p>"
        "<p>Die Mauer des Hafens hat in der Nacht gehalten, und die Bewohner der Unterstadt sind vor dem "
        "Morgen in ihre Wohnungen zurueckgekehrt.</p>"
        "<p>The harbour wall held through the night and the people of the lower town went back to their "
        "homes before dawn, the mayor said.</p>"
        "<p>Larkmouth Millbrook Quayside Harbourview Eastgate Northfield Westcliff</p>"
        "</article></body></html>";
    enum { STOP_SHARE = 11 + 5 + SL_CUE_GROUPS + 2, BEFORE = 47, AFTER = 48 };
    sl_blocks b;
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_html_blocks(page, strlen(page), NULL, &b, &why), 0);
    CHECK_INT((int)b.items.n, 4);
    if (b.items.n == 4) {
        const sl_block *k = b.items.items;
        for (int i = 0; i < 3; i++)
            CHECK(k[i].x[STOP_SHARE] > 0.3f);
        CHECK(k[3].x[STOP_SHARE] < 0.05f);
        CHECK(k[0].x[BEFORE] == 0.0f);
        CHECK(k[0].x[AFTER] > 0.5f);
        CHECK(k[3].x[AFTER] == 0.0f);
        CHECK(k[3].x[BEFORE] > 0.9f);
    }
    sl_blocks_free(&b);
    sl_buf_free(&why);
    check_body(page, "Le mur du port a tenu", "Die Mauer des Hafens", NULL);
}

/* A block the container writer left out is added when the model scores it
 * above KEEP_OTHER (1 since the eleventh round, chosen by cross-validation;
 * 3 before): a guide's subheadings, each a link to its own page, are more
 * than half links, so the writer drops them, and the model now gives them
 * back; the footer stays out. */
TEST(blocks_linked_subheadings_kept)
{
    static const char page[] =
        "<html><head><title>Rowing club guide</title></head><body>"
        "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article>"
        "<h1>How the rowing club trains through winter</h1>"
        "<p>The rowing club on the estuary keeps its crews on the water from November to March, when the "
        "tides allow it and the wind stays under twenty knots.</p>"
        "<h3><a href=/guide/early>Step 1 - Early starts on the slack tide</a></h3>"
        "<p>Crews meet at the boathouse at half past six, carry the boats down the slipway and row upstream "
        "while the water is still and the light comes up over the marsh.</p>"
        "<h3><a href=/guide/indoors>Step 2 - Ergometers when the river is closed</a></h3>"
        "<p>On days of fog or flood the coaches move the sessions indoors, where the rowers work through "
        "long intervals on the machines while a radio plays in the corner.</p>"
        "<h3><a href=/guide/racing>Step 3 - Racing in the head season</a></h3>"
        "<p>By February the club enters the head races along the coast, and the novices, who joined in "
        "September, race a full course for the first time against older crews.</p>"
        "</article><footer><p>Copyright the estuary rowing club.</p></footer></body></html>";
    check_body(page, "Step 1 - Early starts on the slack tide", "Step 3 - Racing in the head season",
               "Copyright");
    check_body(page, "Crews meet at the boathouse", "race a full course", "Home");
}

/* The main run (thirteenth round): a line the container writer keeps after
 * the story's last paragraph, scoring far below the story's median, is
 * dropped; every paragraph of the story stays. */
TEST(blocks_trimmed_to_main_run)
{
    static const char page[] =
        "<html><head><title>Ferry service returns</title></head><body>"
        "<nav><a href=/>Home</a> <a href=/news>News</a></nav><div class=entry-content>"
        "<h1>The island ferry returns after its winter refit</h1>"
        "<p>The ferry to the island sailed again on Monday morning after eleven weeks in the dry dock at the "
        "mainland yard, where its hull was scraped, painted and fitted with a new pair of propellers.</p>"
        "<p>About forty passengers were on the first crossing, most of them islanders who had spent the winter "
        "relying on the small launch that the council hired to carry post, medicine and school children "
        "across the sound.</p>"
        "<p>The skipper said the new propellers made the boat quieter and quicker, and that the crossing, which "
        "used to take fifty minutes in a calm sea, had taken a little over forty on its first morning back.</p>"
        "<p>Shopkeepers on the island welcomed the return of the vehicle deck, since deliveries of fuel, "
        "building sand and fresh food had been limited all winter to what the launch could carry in crates.</p>"
        "<p>The timetable for the spring keeps four crossings a day on weekdays and three at weekends, and the "
        "operator plans to add an evening sailing in June if the numbers of summer visitors recover.</p>"
        "<p>Fares stay as they were last year, though the operator warned that the price of fuel could force "
        "a rise in the autumn, and that season tickets for islanders would be the last to change.</p>"
        "<p>The old propellers, bent by a log that the boat struck in a gale last October, are to be melted "
        "down at the yard, and the crew have asked to keep one blade as a souvenir of the winter.</p>"
        "<div class=author-meta><p>Morag Fenwick writes about the islands, their boats and their people for "
        "the paper, and lives on the north shore with two dogs.</p>"
        "<p>Posted in Transport, Islands | Tagged ferry, harbour, refit</p></div>"
        "<p class=post-date>Published March 29, 2025 at 9:14 am</p>"
        "</div><footer><p>Copyright the island news.</p></footer></body></html>";
    check_body(page, "The ferry to the island sailed again", "as a souvenir of the winter", "Published March 29");
    check_body(page, "Shopkeepers on the island", NULL, "Copyright");
}
