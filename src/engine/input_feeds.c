/* input_feeds.c — feeds and fetched pages: a feed's items that carry the
 * whole article are ingested as they are, the others' links fetched (when
 * asked) with the URLs given to sl_ingest_urls, each page ingested as it
 * arrives (src/ingest/fetch.c fetches). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "util/alloc.h"
#include "util/error.h"

static void fetch_options(const run *r, sl_fetch_options *fo)
{
    memset(fo, 0, sizeof *fo);
    if (r->opts) {
        fo->jobs = r->opts->jobs;
        fo->timeout_s = r->opts->timeout_s;
        fo->delay_ms = r->opts->delay_ms;
        fo->allow_private = r->opts->allow_private;
    }
}

typedef struct fetched_ctx {
    run *r;
    const char *const *urls;
    const sl_feed_item *items;   /* the feed items the URLs come from, or NULL */
    const char *feed;            /* the feed's name, for messages */
    int rc;                      /* first store error: the rest is not ingested */
} fetched_ctx;

static void on_fetched(void *ctx, size_t i, const sl_fetch_result *res)
{
    fetched_ctx *c = ctx;
    run *r = c->r;
    const char *url = c->urls[i];
    char name[2200];
    if (c->feed)
        snprintf(name, sizeof name, "%s: %s", c->feed, url);
    else
        snprintf(name, sizeof name, "%s", url);
    if (c->rc)
        return;
    if (res->error) {
        sl_run_fail(r, name, res->error);
        return;
    }
    r->report->files++;
    r->report->bytes += res->len;
    sl_format f = sl_format_detect(res->body, res->len);
    if (f == SL_FORMAT_FEED && !c->items) {
        c->rc = sl_run_feed(r, res->body, res->len, name, 1);
        return;
    }
    if (f != SL_FORMAT_HTML) {
        char why[200];
        snprintf(why, sizeof why, "not an HTML page (%s, %s)", sl_format_name(f),
                 res->content_type ? res->content_type : "no content type");
        sl_run_fail(r, name, why);
        return;
    }
    const sl_feed_item *it = c->items ? &c->items[i] : NULL;
    sl_article_input in = {.html = res->body, .html_len = res->len,
                           .url = res->final_url ? res->final_url : url,
                           .charset = res->charset,
                           .fetched = it ? it->published : NULL};
    c->rc = sl_run_one(r, &in, name);
}

/* The pages of `urls` (of the feed `feed`'s `items`, or of neither) fetched
 * and each ingested: 0, or the first store error. */
static int fetch_pages(run *r, const char *const *urls, size_t n, const sl_feed_item *items, const char *feed)
{
    sl_fetch_options fo;
    fetch_options(r, &fo);
    fetched_ctx c = {r, urls, items, feed, 0};
    int rc = sl_fetch_all(urls, n, &fo, on_fetched, &c);
    if (rc && feed)
        return sl_seterr(r->e, rc, "%s: out of memory fetching", feed);
    return rc ? sl_seterr(r->e, rc, "out of memory fetching") : c.rc;
}

/* A feed's items: the content of those that carry the whole article, the
 * fetched page of the others. */
int sl_run_feed(run *r, const char *data, size_t len, const char *name, int may_fetch)
{
    sl_feed_items items;
    sl_buf why = SL_BUF_INIT;
    int rc = sl_feed_parse(data, len, &items, &why);
    if (rc) {
        if (rc != SL_ENOMEM)
            sl_run_fail(r, name, sl_buf_cstr(&why));
        sl_buf_free(&why);
        return rc == SL_ENOMEM ? sl_seterr(r->e, rc, "%s: out of memory", name) : 0;
    }
    const char **urls = sl_calloc(items.n, sizeof *urls);
    sl_feed_item *pending = sl_calloc(items.n, sizeof *pending);
    size_t n = 0;
    rc = urls && pending ? 0 : sl_seterr(r->e, SL_ENOMEM, "%s: out of memory", name);
    for (size_t i = 0; !rc && i < items.n; i++) {
        sl_feed_item *it = &items.items[i];
        sl_buf_clear(&why);
        sl_buf_printf(&why, "%s: item %zu", name, i + 1);
        if (sl_feed_item_is_full(it)) {
            sl_article_input in = {.html = it->content, .html_len = strlen(it->content), .title = it->title,
                                   .url = it->link, .published = it->published};
            rc = sl_run_one(r, &in, why.ptr);
        } else if (it->link && may_fetch) {
            urls[n] = it->link;
            pending[n++] = *it;
        } else {
            sl_run_fail(r, why.ptr, it->link ? "only a teaser; its link is not fetched unless asked (--follow)"
                                             : "only a teaser and no link to the article");
        }
    }
    if (!rc && n)
        rc = fetch_pages(r, urls, n, pending, name);
    free(urls);
    free(pending);
    sl_feed_items_free(&items);
    sl_buf_free(&why);
    return rc;
}

int sl_run_urls(run *r, const char *const *urls, size_t n)
{
    return fetch_pages(r, urls, n, NULL, NULL);
}
