/* facts_api.c — the engine's side of the facts stage: extracting and
 * storing the facts of an article as it is ingested, reading a story's
 * stored items back, and the facts part of `export` and `show --json` (the
 * extracted items by kind and the cross-check tables, for one story or for
 * the whole store, streamed item by item; docs/json.md, "Facts"). */
#include <stdlib.h>

#include "engine.h"
#include "facts/facts.h"

int sl_facts_index(sl_engine *e, int64_t article_id, const char *text, size_t len,
                   const char *published)
{
    sl_fact_vec v = {0};
    int rc = sl_facts_run(text, len, &e->body, published, &v); /* e->body: text's analysis */
    if (rc) {
        sl_facts_vec_free(&v);
        return sl_seterr(e, rc, "out of memory extracting facts");
    }
    rc = sl_store_facts_put(e->store, article_id, v.items, v.n);
    sl_facts_vec_free(&v);
    return rc ? sl_seterr_store(e, "storing facts") : 0;
}

int sl_story_fact_items(sl_engine *e, int64_t story_id, sl_fact_kind kind, sl_fact_items **out)
{
    *out = NULL;
    sl_story *story = NULL;
    int rc = sl_story_get(e, story_id, &story); /* names a missing story */
    sl_story_free(story);
    if (rc)
        return rc;
    sl_fact_items *items = calloc(1, sizeof *items);
    if (!items)
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    rc = sl_store_facts_get(e->store, story_id, 0, (int)kind, &items->items, &items->n);
    if (rc) {
        free(items);
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "facts");
    }
    *out = items;
    return 0;
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

int sl_facts_json_export(sl_engine *e, sl_json *j, int64_t story)
{
    int rc = 0;
    for (int k = 0; !rc && k < 4; k++) {
        sl_json_key(j, kind_keys[k]);
        if (story) {
            rc = story_items(e, j, story, k);
        } else {
            sl_json_array_begin(j);
            rc = sl_store_facts_each(e->store, k, write_item, j);
            sl_json_array_end(j);
        }
    }
    if (rc)
        return rc;
    sl_json_key(j, "facts");
    sl_json_array_begin(j);
    if (story) {
        rc = story_facts(e, j, story);
    } else {
        sl_story_list *list = NULL;
        rc = sl_stories_list(e, NULL, &list);
        for (size_t i = 0; !rc && i < list->n; i++)
            rc = story_facts(e, j, list->items[i].id);
        sl_story_list_free(list);
    }
    sl_json_array_end(j);
    return rc ? rc : j->err;
}
