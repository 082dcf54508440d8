/* story_texts.c — the texts of a stored story (or of a thread's stories) as
 * the summary and timeline commands give them to sl_summarize and
 * sl_timeline_build: one sl_story_text per article, a copy sharing its
 * original's source so that the two count as one; and `show`'s opening built
 * from them. Public API only. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The article at the root of i's copy chain, within the story when it is
 * there (chains are short; 32 steps guard against a cycle). */
static int64_t source_of(const sl_story_article *arts, size_t n, size_t i)
{
    int64_t id = arts[i].id, orig = arts[i].copy_of;
    for (int steps = 0; orig && steps < 32; steps++) {
        id = orig;
        orig = 0;
        for (size_t k = 0; k < n; k++)
            if (arts[k].id == id)
                orig = arts[k].copy_of;
    }
    return id;
}

static int add_story(sl_engine *e, int64_t story_id, cli_story_texts *t)
{
    sl_story *story = NULL;
    int rc = sl_story_get(e, story_id, &story);
    if (rc)
        return rc;
    size_t n = t->n + story->n_articles;
    sl_story_text *docs = realloc(t->docs, (n + 1) * sizeof *docs);
    if (docs)
        t->docs = docs;
    int64_t *ids = realloc(t->ids, (n + 1) * sizeof *ids);
    if (ids)
        t->ids = ids;
    sl_article **arts = realloc(t->articles, (n + 1) * sizeof *arts);
    if (arts)
        t->articles = arts;
    rc = docs && ids && arts ? 0 : SL_ENOMEM;
    for (size_t i = 0; !rc && i < story->n_articles; i++) {
        sl_article *a = NULL;
        if ((rc = sl_article_get(e, story->articles[i].id, &a)))
            break;
        t->articles[t->n] = a;
        t->ids[t->n] = a->id;
        t->docs[t->n] = (sl_story_text){a->text, strlen(a->text),
                                        source_of(story->articles, story->n_articles, i),
                                        a->published};
        t->n++;
    }
    sl_story_free(story);
    return rc;
}

int cli_story_texts_load(sl_engine *e, int64_t story_id, int64_t thread_id, cli_story_texts *t)
{
    memset(t, 0, sizeof *t);
    if (!thread_id)
        return add_story(e, story_id, t);
    sl_story_list *stories = NULL;
    int rc = sl_thread_stories(e, thread_id, &stories);
    if (!rc && !stories->n)
        rc = SL_ENOTFOUND;
    for (size_t i = 0; !rc && i < stories->n; i++)
        rc = add_story(e, stories->items[i].id, t);
    sl_story_list_free(stories);
    return rc;
}

void cli_story_texts_free(cli_story_texts *t)
{
    for (size_t i = 0; i < t->n; i++)
        sl_article_free(t->articles[i]);
    free(t->articles);
    free(t->docs);
    free(t->ids);
    memset(t, 0, sizeof *t);
}

#define SHOW_WORDS 80     /* show's summary: a short paragraph */
#define SHOW_EVENTS 8     /* and the first events of the timeline */

int cli_story_report(sl_engine *e, int64_t story_id)
{
    cli_story_texts t;
    sl_summary *sum = NULL;
    sl_timeline *tl = NULL;
    sl_summary_options o = {SHOW_WORDS, 0, 0};
    int rc = cli_story_texts_load(e, story_id, 0, &t);
    if (!rc)
        rc = sl_summarize(t.docs, t.n, &o, &sum);
    if (!rc)
        rc = sl_timeline_build(t.docs, t.n, &tl);
    if (!rc) {
        printf("\n  summary:\n");
        cli_summary_print(sum, &t);
        if (tl->n) {
            printf("\n  timeline:\n");
            cli_timeline_print(tl, &t, SHOW_EVENTS);
        }
    }
    sl_summary_free(sum);
    sl_timeline_free(tl);
    cli_story_texts_free(&t);
    return rc;
}
