/* queries.c — the read side of the public API: articles, stories, copies,
 * search, and their JSON documents (docs/json.md), each wrapping a store
 * query and turning its failure into one message on the engine. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "report/report.h"

/* Maps a store-layer code to the engine's message. */
static int explain(sl_engine *e, int rc, const char *what, int64_t id)
{
    switch (rc) {
    case 0: return 0;
    case SL_ENOTFOUND: return sl_seterr(e, rc, "no %s %lld", what, (long long)id);
    case SL_ENOMEM: return sl_seterr(e, rc, "out of memory reading %s", what);
    case SL_EUSAGE: return sl_seterr(e, rc, "invalid %s", what);
    case SL_EIO: return sl_seterr(e, rc, "cannot write output");   /* the caller's writer failed */
    default: return sl_seterr_store(e, what);
    }
}

int sl_article_get(sl_engine *e, int64_t id, sl_article **out)
{
    return explain(e, sl_store_article_get(e->store, id, out), "article", id);
}

int sl_copies_list(sl_engine *e, int64_t article_id, sl_copy_list **out)
{
    return explain(e, sl_store_copies_list(e->store, article_id, out), "copies", article_id);
}

int sl_stories_list(sl_engine *e, const char *since, sl_story_list **out)
{
    *out = NULL;
    int rc = sl_store_stories_list(e->store, since, out);
    if (rc == SL_EUSAGE)
        return sl_seterr(e, rc, "--since wants an ISO date (YYYY-MM-DD), not \"%s\"", since);
    return explain(e, rc, "stories", 0);
}

int sl_story_get(sl_engine *e, int64_t id, sl_story **out)
{
    return explain(e, sl_store_story_get(e->store, id, out), "story", id);
}

int sl_search(sl_engine *e, const char *query, int limit, sl_search_hits **out)
{
    int rc = sl_store_search(e->store, query, limit, out);
    if (rc == SL_EUSAGE)
        return sl_seterr_search(e, query);
    return explain(e, rc, "search", 0);
}

/* Wraps a JSON document: header fields, then `body` fills the rest. A
 * body that fails leaves the document open: what was written cannot be
 * taken back (a pipe), but no JSON reader takes it for a whole document
 * (an export that failed at its first article read as an empty store). */
typedef int (*json_body)(sl_engine *e, sl_json *j, const void *arg);

static int json_document(sl_engine *e, sl_write_fn write, void *ctx, const char *what,
                         json_body body, const void *arg)
{
    sl_json j;
    sl_json_begin_document(&j, write, ctx, 1);
    int rc = body(e, &j, arg);
    if (!rc)
        sl_json_object_end(&j);
    int wrc = sl_json_finish(&j);
    return explain(e, rc ? rc : wrc, what, 0);
}

/* One article object, read then rendered. */
static int json_article(sl_engine *e, sl_json *j, int64_t id)
{
    sl_article *a = NULL;
    int rc = sl_store_article_get(e->store, id, &a);
    if (rc)
        return rc;
    sl_report_article(j, a);
    sl_article_free(a);
    return j->buf.err;
}

typedef struct article_sink { sl_engine *e; sl_json *j; } article_sink;

static int json_article_each(void *ctx, int64_t id)
{
    article_sink *sink = ctx;
    int rc = json_article(sink->e, sink->j, id);
    return rc ? rc : sink->j->err;
}

static int json_articles(sl_engine *e, sl_json *j)
{
    article_sink sink = {e, j};
    sl_json_array_begin(j);
    int rc = sl_store_article_ids_each(e->store, json_article_each, &sink);
    sl_json_array_end(j);
    return rc ? rc : j->err;
}

/* The words of a story's summary in an export (docs/json.md). */
#define EXPORT_SUMMARY_WORDS 100

/* Writes one story of a listing; in an export (`full`) with its summary and
 * timeline. */
static int json_story_entry(sl_engine *e, sl_json *j, const sl_story_line *line,
                            const sl_id_vec *ids, int full)
{
    if (!full) {
        sl_report_story_entry(j, line, ids->items, ids->n, NULL, NULL, NULL);
        return 0;
    }
    sl_story_texts *t = NULL;
    sl_summary *sum = NULL;
    sl_timeline *tl = NULL;
    sl_summary_options o = {EXPORT_SUMMARY_WORDS, 0, 0};
    int rc = sl_story_texts_get(e, line->id, 0, &t);
    if (!rc)
        rc = sl_summarize(t->docs, t->n, &o, &sum);
    if (!rc)
        rc = sl_timeline_build(t->docs, t->n, &tl);
    if (rc == SL_ETOOLARGE)   /* a story past the summary's bounds: listed without them */
        rc = 0;
    if (!rc)
        sl_report_story_entry(j, line, ids->items, ids->n, sum, tl, t ? t->ids : NULL);
    sl_summary_free(sum);
    sl_timeline_free(tl);
    sl_story_texts_free(t);
    return rc;
}

/* Every story (since a date, or all), each with its article ids; in an
 * export (`full`) each with its summary and timeline too. */
static int json_story_list(sl_engine *e, sl_json *j, const char *since, int full)
{
    sl_story_list *list = NULL;
    int rc = sl_store_stories_list(e->store, since, &list);
    if (rc)
        return rc;
    sl_id_vec ids = {0};
    sl_json_array_begin(j);
    for (size_t i = 0; !rc && i < list->n; i++) {
        rc = sl_store_story_article_ids(e->store, list->items[i].id, &ids);
        if (!rc)
            rc = json_story_entry(e, j, &list->items[i], &ids, full);
    }
    sl_json_array_end(j);
    sl_vec_free(&ids);
    sl_story_list_free(list);
    return rc ? rc : j->err;
}

static int json_story(sl_engine *e, sl_json *j, int64_t id)
{
    sl_story *story = NULL;
    int rc = sl_store_story_get(e->store, id, &story);
    if (rc)
        return rc;
    sl_report_story(j, story);
    sl_story_free(story);
    return j->err;
}

/* The copy relations of an article (0: all), with the texts their evidence quotes. */
static int json_copies(sl_engine *e, sl_json *j, int64_t article_id)
{
    sl_copy_list *list = NULL;
    int rc = sl_store_copies_list(e->store, article_id, &list);
    if (rc)
        return rc;
    sl_buf copy_text = SL_BUF_INIT, of_text = SL_BUF_INIT;
    sl_json_array_begin(j);
    for (size_t i = 0; !rc && i < list->n; i++) {
        const sl_copy *c = &list->items[i];
        if (c->n_evidence && (sl_store_article_text(e->store, c->article_id, &copy_text) ||
                              sl_store_article_text(e->store, c->of_id, &of_text)))
            rc = SL_ESTORE;
        else
            sl_report_copy(j, c, &copy_text, &of_text);
    }
    sl_json_array_end(j);
    sl_buf_free(&copy_text);
    sl_buf_free(&of_text);
    sl_copy_list_free(list);
    return rc ? rc : j->err;
}

static int body_export(sl_engine *e, sl_json *j, const void *arg)
{
    sl_json_key(j, "articles");
    int rc = json_articles(e, j);
    if (!rc) {
        sl_json_key(j, "stories");
        rc = json_story_list(e, j, NULL, 1);
    }
    if (!rc) {
        sl_json_key(j, "copies");
        rc = json_copies(e, j, 0);
    }
    return rc ? rc : sl_facts_json_export(e, j, 0);
}

int sl_export_json(sl_engine *e, sl_write_fn write, void *ctx)
{
    return json_document(e, write, ctx, "export", body_export, NULL);
}

static int body_article(sl_engine *e, sl_json *j, const void *arg)
{
    sl_json_key(j, "article");
    return json_article(e, j, *(const int64_t *)arg);
}

int sl_article_json(sl_engine *e, int64_t id, sl_write_fn write, void *ctx)
{
    sl_article *probe = NULL;
    int rc = sl_article_get(e, id, &probe);
    sl_article_free(probe);
    return rc ? rc : json_document(e, write, ctx, "article", body_article, &id);
}

static int body_story(sl_engine *e, sl_json *j, const void *arg)
{
    sl_json_key(j, "story");
    int rc = json_story(e, j, *(const int64_t *)arg);
    return rc ? rc : sl_facts_json_export(e, j, *(const int64_t *)arg);
}

int sl_story_json(sl_engine *e, int64_t id, sl_write_fn write, void *ctx)
{
    sl_story *probe = NULL;
    int rc = sl_story_get(e, id, &probe);
    sl_story_free(probe);
    return rc ? rc : json_document(e, write, ctx, "story", body_story, &id);
}

static int body_stories(sl_engine *e, sl_json *j, const void *arg)
{
    sl_json_key(j, "stories");
    return json_story_list(e, j, arg, 0);
}

int sl_stories_json(sl_engine *e, const char *since, sl_write_fn write, void *ctx)
{
    sl_story_list *probe = NULL;
    int rc = sl_stories_list(e, since, &probe);
    sl_story_list_free(probe);
    return rc ? rc : json_document(e, write, ctx, "stories", body_stories, since);
}

static int body_copies(sl_engine *e, sl_json *j, const void *arg)
{
    sl_json_key(j, "copies");
    return json_copies(e, j, *(const int64_t *)arg);
}

int sl_copies_json(sl_engine *e, int64_t article_id, sl_write_fn write, void *ctx)
{
    return json_document(e, write, ctx, "copies", body_copies, &article_id);
}

typedef struct search_args { const char *query; int limit; } search_args;

static int body_search(sl_engine *e, sl_json *j, const void *arg)
{
    const search_args *a = arg;
    sl_search_hits *hits = NULL;
    int rc = sl_store_search(e->store, a->query, a->limit, &hits);
    if (rc)
        return rc;
    sl_report_search(j, a->query, hits);
    sl_search_hits_free(hits);
    return 0;
}

int sl_search_json(sl_engine *e, const char *query, int limit, sl_write_fn write, void *ctx)
{
    sl_search_hits *probe = NULL;
    int rc = sl_search(e, query, limit, &probe);
    sl_search_hits_free(probe);
    search_args a = {query, limit};
    return rc ? rc : json_document(e, write, ctx, "search", body_search, &a);
}
