/* facts_api.c — the engine's side of the facts stage (the pipeline runs
 * the extraction itself, pipeline.c): reading a story's
 * stored items and copy relations back for the cross-check, and the facts
 * part of `export` and `show --json` (the extracted items by kind and the
 * cross-check tables, for one story or for the whole store, streamed item
 * by item; docs/json.md, "Facts"). */
#include <stdlib.h>

#include "engine.h"
#include "facts/facts.h"
#include "report/report.h"
#include "util/alloc.h"

int sl_story_fact_items(sl_engine *e, int64_t story_id, sl_fact_kind kind, sl_fact_items **out)
{
    *out = NULL;
    sl_story *story = NULL;
    int rc = sl_story_get(e, story_id, &story); /* names a missing story */
    sl_story_free(story);
    if (rc)
        return rc;
    sl_fact_items *items = sl_calloc(1, sizeof *items);
    if (!items)
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    rc = sl_store_facts_get(e->store, story_id, 0, (int)kind, &items->items, &items->n);
    if (!rc && (kind == SL_FACT_ENTITY || (int)kind == -1))
        rc = sl_facts_type_by_story(items->items, items->n);
    if (rc) {
        sl_fact_items_free(items);
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "facts");
    }
    *out = items;
    return 0;
}

/* (article, the source it counts as) for the story's articles that count
 * as another (sl_story_source_ids), as the cross-check reads copy pairs. */
static int source_pairs(sl_engine *e, int64_t story_id, int64_t **pairs, size_t *n_pairs)
{
    sl_story *story = NULL;
    int rc = sl_story_get(e, story_id, &story);
    if (rc)
        return rc;
    size_t n = story->n_articles;
    int64_t *sources = sl_calloc(n + 1, sizeof *sources), *p = sl_calloc(2 * n + 1, sizeof *p);
    bool ok = sources && p;
    if (ok) {
        sl_story_source_ids(story, sources);
        for (size_t i = 0; i < n; i++)
            if (sources[i] != story->articles[i].id) {
                p[2 * *n_pairs] = story->articles[i].id;
                p[2 * *n_pairs + 1] = sources[i];
                ++*n_pairs;
            }
    }
    free(sources);
    sl_story_free(story);
    if (!ok) {
        free(p);
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    }
    *pairs = p;
    return 0;
}

int sl_story_facts(sl_engine *e, int64_t story_id, int conflicts_only, sl_fact_table **out)
{
    *out = NULL;
    sl_fact_items *items = NULL;
    int64_t *pairs = NULL;
    size_t n_pairs = 0;
    int rc = sl_story_fact_items(e, story_id, -1, &items);
    if (rc)
        return rc;
    rc = source_pairs(e, story_id, &pairs, &n_pairs);
    if (!rc) {
        rc = sl_facts_crosscheck(story_id, items->items, items->n, pairs, n_pairs, conflicts_only, out);
        if (rc)
            sl_seterr(e, rc, "out of memory");
    }
    free(pairs);
    sl_fact_items_free(items);
    return rc;
}

int sl_story_facts_json(sl_engine *e, int64_t story_id, int conflicts_only, sl_write_fn write,
                        void *ctx)
{
    sl_fact_table *t = NULL;
    int rc = sl_story_facts(e, story_id, conflicts_only, &t);
    if (rc)
        return rc;
    sl_json j;
    sl_json_begin_document(&j, write, ctx, 1);
    sl_json_kv_int(&j, "story", story_id);
    sl_json_key(&j, "facts");
    sl_json_array_begin(&j);
    for (size_t i = 0; i < t->n; i++)
        sl_facts_json_fact(&j, story_id, &t->items[i]);
    sl_json_array_end(&j);
    sl_json_object_end(&j);
    sl_fact_table_free(t);
    rc = sl_json_finish(&j);
    return rc ? sl_seterr(e, rc, "writing JSON failed") : 0;
}

static const char *const kind_keys[] = {"entities", "quotes", "numbers", "dates"};

static int write_item(void *ctx, const sl_fact_item *it)
{
    sl_facts_json_item(ctx, it);
    return ((sl_json *)ctx)->err;
}

static int story_items(sl_engine *e, sl_json *j, int64_t story, int kind)
{
    sl_fact_items *items = NULL;
    int rc = sl_story_fact_items(e, story, (sl_fact_kind)kind, &items);
    if (rc)
        return rc;
    sl_facts_json_items(j, items->items, items->n, kind);
    sl_fact_items_free(items);
    return j->err;
}

static int story_facts(sl_engine *e, sl_json *j, int64_t story)
{
    sl_fact_table *t = NULL;
    int rc = sl_story_facts(e, story, 0, &t);
    for (size_t i = 0; !rc && i < t->n; i++)
        sl_facts_json_fact(j, story, &t->items[i]);
    sl_fact_table_free(t);
    return rc ? rc : j->err;
}

/* The whole store's entities, story by story: each story's names typed by
 * its articles (sl_story_fact_items), as a story's own export gives them. */
static int every_story_entities(sl_engine *e, sl_json *j, const sl_story_list *list)
{
    int rc = 0;
    sl_json_array_begin(j);
    for (size_t i = 0; !rc && i < list->n; i++) {
        sl_fact_items *items = NULL;
        rc = sl_story_fact_items(e, list->items[i].id, SL_FACT_ENTITY, &items);
        for (size_t k = 0; !rc && k < items->n; k++)
            sl_facts_json_item(j, &items->items[k]);
        sl_fact_items_free(items);
    }
    sl_json_array_end(j);
    return rc ? rc : j->err;
}

/* The items of kind k of one story, or of the whole store (streamed item by
 * item, but for entities, which are typed story by story). */
static int export_items(sl_engine *e, sl_json *j, int64_t story, int k,
                        const sl_story_list *list)
{
    sl_json_key(j, kind_keys[k]);
    if (story)
        return story_items(e, j, story, k);
    if (k == SL_FACT_ENTITY)
        return every_story_entities(e, j, list);
    sl_json_array_begin(j);
    int rc = sl_store_facts_each(e->store, k, write_item, j);
    sl_json_array_end(j);
    return rc;
}

int sl_facts_json_export(sl_engine *e, sl_json *j, int64_t story)
{
    sl_story_list *list = NULL;
    int rc = story ? 0 : sl_stories_list(e, NULL, &list);
    for (int k = 0; !rc && k < 4; k++)
        rc = export_items(e, j, story, k, list);
    if (!rc) {
        sl_json_key(j, "facts");
        sl_json_array_begin(j);
        if (story)
            rc = story_facts(e, j, story);
        for (size_t i = 0; !rc && !story && i < list->n; i++)
            rc = story_facts(e, j, list->items[i].id);
        sl_json_array_end(j);
    }
    sl_story_list_free(list);
    return rc ? rc : j->err;
}
