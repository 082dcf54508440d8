/* index.c — the engine's side of the facts stage: extracting and storing
 * the facts of an article as it is ingested, and reading a story's stored
 * items back for callers. */
#include <stdlib.h>

#include "engine.h"
#include "facts/facts.h"

int sl_facts_index(sl_engine *e, int64_t article_id, const char *text, size_t len,
                   const char *published)
{
    sl_fact_vec v = {0};
    int rc = sl_facts_run(text, len, published, &v);
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
