/* export.c (facts) — the facts part of `export` and `show --json`: the
 * extracted items by kind and the cross-check tables, for one story or for
 * the whole store (streamed item by item). docs/json.md, "Facts". */
#include "engine.h"
#include "facts/facts.h"

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
