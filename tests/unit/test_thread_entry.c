/* test_thread_entry.c — which elements read as one comment entry when the
 * thread has no class names (threads.c): here, author's lines that carry a
 * date relative to the reading ("2 days ago"), and lines that hold such
 * words without being one. Texts written for these tests. */
#include <string.h>

#include "ingest/htmltree.h"
#include "test.h"

static const char comment[] = "<p>The ferry timetable at the quay has not been changed since the storm.</p>";

/* sl_html_thread_entry on the first <div> of a page holding `entry`. */
static int entry_reads(const char *entry)
{
    char html[1024];
    snprintf(html, sizeof html, "<html><body><div>%s%s</div></body></html>", entry, comment);
    sl_buf page = {0};
    xmlDocPtr doc = NULL;
    xmlNode *root = NULL;
    if (sl_html_load(html, strlen(html), NULL, 0, &page, &doc, &root))
        return -1;
    int reads = -1;
    for (xmlNode *n = root; n; n = sl_html_next(n, root, 1))
        if (sl_html_is_tag(n, "div")) {
            reads = sl_html_thread_entry(n, 0);
            break;
        }
    xmlFreeDoc(doc);
    sl_buf_free(&page);
    return reads;
}

/* The name and the date on two lines: the lines are read apart, so "a" or
 * "an" opens the second ("Jean" and "an hour ago" are not "jeanan"). */
TEST(thread_entry_relative_date_lines)
{
    CHECK_INT(entry_reads("<b>Jean M.</b><br>an hour ago"), 1);
    CHECK_INT(entry_reads("<b>Jean M.</b><br>a day ago"), 1);
    CHECK_INT(entry_reads("<b>Jean M.</b><br>2 days ago at 08:49 am"), 1);
    CHECK_INT(entry_reads("<span>Old Salt &middot; 3 weeks ago</span><br>"), 1);
    CHECK_INT(entry_reads("<b>harbourfan</b><br>Yesterday at 10:31"), 1);
}

/* "yesterday" counts as a word, not inside one. */
TEST(thread_entry_yesterday_a_word)
{
    CHECK_INT(entry_reads("<b>Songs of yesterdays</b><br>"), 0);
    CHECK_INT(entry_reads("<b>Jean M.</b><br>theyesterday club"), 0);
}

/* A sentence that holds "years ago" is prose, not an author's line; nor is
 * a line where the relative date is only a part. */
TEST(thread_entry_prose_with_ago)
{
    CHECK_INT(entry_reads("<b>Jean M.</b><br>I moved here 10 years ago."), 0);
    CHECK_INT(entry_reads("I moved here 10 years ago.<br>"), 0);
    CHECK_INT(entry_reads("<b>Two days ago, the quay flooded</b><br>"), 0);
    CHECK_INT(entry_reads("<b>2 days ago the quay flooded again</b><br>"), 0);
}
