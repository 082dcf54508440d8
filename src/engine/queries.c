/* queries.c — the read side of the public API: articles, stories, copies,
 * search, and their JSON documents (docs/json.md), each wrapping a store
 * query and turning its failure into one message on the engine. */
#include <string.h>

#include "engine.h"
#include "facts/facts.h"
#include "util/json_out.h"

/* Maps a store-layer code to the engine's message. */
static int explain(sl_engine *e, int rc, const char *what, int64_t id)
{
    switch (rc) {
    case 0: return 0;
    case SL_ENOTFOUND: return sl_seterr(e, rc, "no %s %lld", what, (long long)id);
    case SL_ENOMEM: return sl_seterr(e, rc, "out of memory reading %s", what);
    case SL_EUSAGE: return sl_seterr(e, rc, "invalid %s", what);
    case SL_EIO: return sl_seterr(e, rc, "could not write %s", what);
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
        return sl_seterr(e, rc, "cannot search for \"%s\": %s", query, sl_store_errmsg(e->store));
    return explain(e, rc, "search", 0);
}

/* Wraps a JSON document: header fields, then `body` fills the rest. */
typedef int (*json_body)(sl_engine *e, sl_json *j, const void *arg);

static int json_document(sl_engine *e, sl_write_fn write, void *ctx, const char *what,
                         json_body body, const void *arg)
{
    sl_json j;
    sl_json_begin_document(&j, write, ctx, 1);
    int rc = body(e, &j, arg);
    sl_json_object_end(&j);
    int wrc = sl_json_finish(&j);
    return explain(e, rc ? rc : wrc, what, 0);
}

static int body_export(sl_engine *e, sl_json *j, const void *arg)
{
    sl_json_key(j, "articles");
    int rc = sl_store_json_articles(e->store, j);
    if (!rc) {
        sl_json_key(j, "stories");
        rc = sl_store_json_stories(e->store, j, NULL, 0);
    }
    if (!rc) {
        sl_json_key(j, "copies");
        rc = sl_store_json_copies(e->store, j, 0);
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
    return sl_store_json_article(e->store, j, *(const int64_t *)arg);
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
    int rc = sl_store_json_stories(e->store, j, NULL, *(const int64_t *)arg);
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
    return sl_store_json_stories(e->store, j, arg, 0);
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
    return sl_store_json_copies(e->store, j, *(const int64_t *)arg);
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
    sl_json_kv_string(j, "query", a->query);
    sl_json_key(j, "hits");
    sl_json_array_begin(j);
    for (size_t i = 0; i < hits->n; i++) {
        sl_json_object_begin(j);
        sl_json_kv_int(j, "article", hits->items[i].article_id);
        sl_json_kv_id(j, "story", hits->items[i].story_id);
        sl_json_kv_double(j, "rank", hits->items[i].rank);
        sl_json_kv_string(j, "title", hits->items[i].title);
        sl_json_kv_string(j, "snippet", hits->items[i].snippet);
        sl_json_object_end(j);
    }
    sl_json_array_end(j);
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
