/* story_texts.c — a stored story's (or a thread's) articles as the texts the
 * summary and the timeline read (sl_story_texts_get): one sl_story_text per
 * article, with the independent source it counts as (sl_story_source_ids: a
 * copy its original, an outlet's articles its first). Used by the summary, timeline and show commands and by the export. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util/alloc.h"

static int add_story(sl_engine *e, int64_t story_id, sl_story_texts *t)
{
    sl_story *story = NULL;
    int rc = sl_story_get(e, story_id, &story);
    if (rc)
        return rc;
    size_t n = t->n + story->n_articles;
    sl_story_text *docs = sl_realloc(t->docs, (n + 1) * sizeof *docs);
    if (docs)
        t->docs = docs;
    int64_t *ids = sl_realloc(t->ids, (n + 1) * sizeof *ids);
    if (ids)
        t->ids = ids;
    sl_article **arts = sl_realloc(t->articles, (n + 1) * sizeof *arts);
    if (arts)
        t->articles = arts;
    int64_t *sources = sl_calloc(story->n_articles + 1, sizeof *sources);
    rc = docs && ids && arts && sources ? 0 : SL_ENOMEM;
    if (!rc)
        sl_story_source_ids(story, sources);
    for (size_t i = 0; !rc && i < story->n_articles; i++) {
        sl_article *a = NULL;
        if ((rc = sl_article_get(e, story->articles[i].id, &a)))
            break;
        t->articles[t->n] = a;
        t->ids[t->n] = a->id;
        t->docs[t->n] = (sl_story_text){a->text, strlen(a->text), sources[i], a->published};
        t->n++;
    }
    free(sources);
    sl_story_free(story);
    return rc;
}

int sl_story_texts_get(sl_engine *e, int64_t story_id, int64_t thread_id, sl_story_texts **out)
{
    *out = NULL;
    sl_story_texts *t = sl_calloc(1, sizeof *t);
    if (!t)
        return SL_ENOMEM;
    int rc = 0;
    if (!thread_id) {
        rc = add_story(e, story_id, t);
    } else {
        sl_story_list *stories = NULL;
        rc = sl_thread_stories(e, thread_id, &stories);
        if (!rc && !stories->n)
            rc = sl_seterr(e, SL_ENOTFOUND, "no thread %lld", (long long)thread_id);
        for (size_t i = 0; !rc && i < stories->n; i++)
            rc = add_story(e, stories->items[i].id, t);
        sl_story_list_free(stories);
    }
    if (rc)
        sl_story_texts_free(t);
    else
        *out = t;
    return rc;
}

void sl_story_texts_free(sl_story_texts *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        sl_article_free(t->articles[i]);
    free(t->articles);
    free(t->docs);
    free(t->ids);
    free(t);
}
