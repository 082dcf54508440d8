/* stories_api.c — the public stories-and-threads API (storyline.h "Stories and
 * threads"): granularity, a thread's stories, the thread list, a story's
 * labels, an article's date flag, and threads as JSON. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "stories/labels.h"
#include "report/report.h"
#include "util/alloc.h"

#define LABEL_ARTICLES 50     /* articles read for a story's labels */
#define LABEL_BYTES 4000      /* of each article's text */
#define LABELS_MAX 8

static int fail(sl_engine *e, int rc, const char *what)
{
    if (!rc)
        return 0;
    if (rc == SL_ENOMEM)
        return sl_seterr(e, rc, "out of memory reading %s", what);
    if (rc == SL_EIO)
        return sl_seterr(e, rc, "cannot write output");
    return sl_seterr_store(e, what);
}

int sl_stories_set_granularity(sl_engine *e, double granularity)
{
    if (!(granularity > 0))
        return sl_seterr(e, SL_EUSAGE, "granularity must be a positive number");
    e->granularity = granularity;
    if (e->grouper)
        sl_grouper_set_granularity(e->grouper, granularity);
    return 0;
}

int sl_thread_stories(sl_engine *e, int64_t thread_id, sl_story_list **out)
{
    return fail(e, sl_store_thread_stories(e->store, thread_id, out), "thread");
}

void sl_thread_list_free(sl_thread_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        sl_story_list_free(list->items[i].stories);
    free(list->items);
    free(list);
}

static int by_size(const void *a, const void *b)
{
    const sl_thread *x = a, *y = b;
    if (x->n_articles != y->n_articles)
        return y->n_articles - x->n_articles;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Moves the lines of `all` (ordered by thread) into threads of >= min_stories. */
static int split_threads(sl_story_list *all, int min_stories, sl_thread_list *list)
{
    size_t i = 0;
    while (i < all->n) {
        size_t j = i;
        int articles = 0;
        while (j < all->n && all->items[j].thread_id == all->items[i].thread_id)
            articles += all->items[j++].n_articles;
        if ((int)(j - i) >= min_stories) {
            sl_thread *t = sl_realloc(list->items, (list->n + 1) * sizeof *t);
            sl_story_list *stories = sl_calloc(1, sizeof *stories);
            sl_story_line *lines = sl_malloc((j - i) * sizeof *lines);
            if (t)
                list->items = t;
            if (!t || !stories || !lines) {
                free(stories);
                free(lines);
                return SL_ENOMEM;
            }
            memcpy(lines, all->items + i, (j - i) * sizeof *lines);
            memset(all->items + i, 0, (j - i) * sizeof *lines); /* now owned by the thread */
            *stories = (sl_story_list){j - i, lines};
            int64_t id = lines[0].thread_id ? lines[0].thread_id : lines[0].id;
            list->items[list->n++] = (sl_thread){id, articles, stories};
        }
        i = j;
    }
    if (list->n > 1)
        qsort(list->items, list->n, sizeof *list->items, by_size);
    return 0;
}

int sl_threads_list(sl_engine *e, int min_stories, sl_thread_list **out)
{
    *out = NULL;
    sl_story_list *all = NULL;
    int rc = sl_store_thread_stories(e->store, 0, &all);
    if (rc)
        return fail(e, rc, "threads");
    sl_thread_list *list = sl_calloc(1, sizeof *list);
    rc = list ? split_threads(all, min_stories < 1 ? 1 : min_stories, list) : SL_ENOMEM;
    sl_story_list_free(all);
    if (rc) {
        sl_thread_list_free(list);
        return fail(e, rc, "threads");
    }
    *out = list;
    return 0;
}

void sl_story_labels_free(sl_story_labels *labels)
{
    if (!labels)
        return;
    for (size_t i = 0; i < labels->n_keywords; i++)
        free(labels->keywords[i]);
    for (size_t i = 0; i < labels->n_entities; i++)
        free(labels->entities[i]);
    free(labels->keywords);
    free(labels->entities);
    free(labels);
}

static int add_article(void *ctx, const char *title, const char *text, const char *lang)
{
    return sl_labels_add(ctx, title, text, lang);
}

int sl_story_labels_get(sl_engine *e, int64_t story_id, sl_story_labels **out)
{
    *out = NULL;
    sl_story *probe = NULL;
    int rc = sl_story_get(e, story_id, &probe);
    sl_story_free(probe);
    if (rc)
        return rc;
    sl_label_counter *c = sl_labels_new();
    sl_story_labels *labels = sl_calloc(1, sizeof *labels);
    rc = c && labels ? 0 : SL_ENOMEM;
    if (!rc)
        rc = sl_store_story_texts(e->store, story_id, LABEL_BYTES, LABEL_ARTICLES, add_article, c);
    if (!rc)
        rc = sl_labels_take(c, LABELS_MAX, labels);
    sl_labels_free(c);
    if (rc) {
        sl_story_labels_free(labels);
        return fail(e, rc, "story labels");
    }
    *out = labels;
    return 0;
}

int sl_article_date_flag(sl_engine *e, int64_t article_id, char **out)
{
    return fail(e, sl_store_article_flag_get(e->store, article_id, out), "article flags");
}

int sl_threads_json(sl_engine *e, int min_stories, sl_write_fn write, void *ctx)
{
    sl_thread_list *list = NULL;
    int rc = sl_threads_list(e, min_stories, &list);
    if (rc)
        return rc;
    sl_json j;
    sl_json_begin_document(&j, write, ctx, 1);
    sl_report_threads(&j, list);
    sl_json_object_end(&j);
    sl_thread_list_free(list);
    return fail(e, sl_json_finish(&j), "threads");
}
