/* page.c — the HTML extractor's entry point: a page loaded (parse.c), its
 * metadata read (meta.c) and its body found (html.c); read a second time
 * with its <noscript> content when it gives little or no text. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ingest/blocks.h"
#include "ingest/htmltree.h"
#include "util/alloc.h"
#include "util/error.h"

/* A page whose body comes out under this many bytes ("Loading...") is read
 * again with its <noscript> content (body_text). Chosen on WCXB dev (1 /
 * 100 / 300 / 1000: all pages F1 0.7675 / 0.7689 / 0.7697 / 0.7697;
 * articles and Zyte level). */
#define SHORT_TEXT 300

static int fail(sl_buf *why, int code, const char *reason)
{
    if (why) {
        sl_buf_clear(why);
        sl_buf_puts(why, reason);
    }
    return code;
}

static int explain(int rc, size_t len, sl_buf *why)
{
    if (rc == SL_ETOOLARGE && len > SL_PAGE_MAX && why) {
        sl_buf_clear(why);
        sl_buf_printf(why, SL_OVER_CAP_FMT, SL_PAGE_MAX >> 20);
        return rc;
    }
    if (rc == SL_EBADINPUT)
        return fail(why, rc, "no article text found");
    if (rc == SL_ENOMEM)
        return fail(why, rc, "out of memory");
    return rc ? fail(why, rc, "page too large once decoded") : 0;
}

/* The page loaded (keeping <noscript> content or not), its blocks decided,
 * and its metadata read into `meta` unless NULL (after the blocks: the
 * author is not read in the comment threads they leave out). */
static int read_blocks(const char *html, size_t len, const char *charset, int noscript, sl_extracted *meta,
                       sl_blocks *out)
{
    sl_buf page = SL_BUF_INIT;
    htmlDocPtr doc = NULL;
    xmlNode *root = NULL;
    sl_html_nodes threads = {0};
    int rc = sl_html_load(html, len, charset, noscript, &page, &doc, &root);
    if (!rc)
        rc = sl_html_body_blocks(root, out, meta ? &threads : NULL);
    if (!rc && meta)
        rc = sl_html_read_meta(root, &threads, meta);
    sl_vec_free(&threads);
    xmlFreeDoc(doc);
    sl_buf_free(&page);
    return rc;
}

/* The fields of `meta` it lacks, taken from `more` (which keeps the rest). */
static void fill_missing(sl_extracted *meta, sl_extracted *more)
{
    char **have[] = {&meta->title, &meta->author, &meta->published, &meta->lang};
    char **give[] = {&more->title, &more->author, &more->published, &more->lang};
    for (size_t i = 0; i < sizeof have / sizeof *have; i++)
        if (!*have[i])
            *have[i] = *give[i], *give[i] = NULL;
}

/* The body's text; when the page has none or little, it is read again as a
 * browser without scripts shows it, and that body kept when it is over twice
 * as long: a page that renders its text with a script (a forum's posts)
 * often gives it in a <noscript> for crawlers, with metadata the rest of the
 * page lacks (the post's author); a short story keeps its "Enable
 * JavaScript" notice out. */
static int body_text(const char *html, size_t len, const char *charset, sl_extracted *meta, sl_blocks *out,
                     char **text)
{
    *text = NULL;
    int rc = read_blocks(html, len, charset, 0, meta, out);
    if (!rc)
        rc = sl_blocks_text(out, text);
    if (rc || !len || (*text && strlen(*text) >= SHORT_TEXT))
        return rc;
    sl_extracted more = {0};
    sl_blocks second = {SL_BUF_INIT, {0}};
    char *again = NULL;
    rc = read_blocks(html, len, charset, 1, meta ? &more : NULL, &second);
    if (!rc)
        rc = sl_blocks_text(&second, &again);
    if (!rc && again && (!*text || strlen(again) > 2 * strlen(*text))) {
        free(*text);
        *text = again, again = NULL;
        sl_blocks_free(out);
        *out = second, second = (sl_blocks){SL_BUF_INIT, {0}};
        if (meta)
            fill_missing(meta, &more);
    }
    free(again);
    sl_blocks_free(&second);
    sl_extracted_clear(&more);
    return rc;
}

int sl_html_blocks(const char *html, size_t len, const char *charset, sl_blocks *out, sl_buf *why)
{
    memset(out, 0, sizeof *out);
    char *text = NULL;
    int rc = body_text(html, len, charset, NULL, out, &text);
    free(text);
    return explain(rc, len, why);
}

int sl_html_titles(const char *html, size_t len, const char *charset, char *titles[SL_TITLE_SOURCES],
                   sl_title_page *page, sl_buf *why)
{
    memset(titles, 0, SL_TITLE_SOURCES * sizeof *titles);
    memset(page, 0, sizeof *page);
    sl_buf text = SL_BUF_INIT;
    htmlDocPtr doc = NULL;
    xmlNode *root = NULL;
    int rc = sl_html_load(html, len, charset, 0, &text, &doc, &root);
    if (!rc)
        rc = sl_html_read_titles(root, titles, page);
    xmlFreeDoc(doc);
    sl_buf_free(&text);
    return explain(rc, len, why);
}

int sl_html_extract(const char *html, size_t len, const char *charset, sl_extracted *out, sl_buf *why)
{
    memset(out, 0, sizeof *out);
    sl_blocks blocks = {SL_BUF_INIT, {0}};
    int rc = body_text(html, len, charset, out, &blocks, &out->text);
    if (!rc && !out->text)
        rc = SL_EBADINPUT;
    if (rc == SL_EBADINPUT) {   /* no article text: the page's metadata stays */
        free(out->text);
        out->text = NULL;
    } else if (rc) {
        sl_extracted_clear(out);
    }
    sl_blocks_free(&blocks);
    return explain(rc, len, why);
}

void sl_extracted_clear(sl_extracted *e)
{
    if (!e)
        return;
    free(e->title);
    free(e->text);
    free(e->published);
    free(e->author);
    free(e->lang);
    memset(e, 0, sizeof *e);
}
