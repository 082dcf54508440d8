/* story_split.c — a story that has grown to a checkpoint size is read back
 * (its articles' stored vectors) and split in two when its articles fall
 * into two groups (src/stories/split.c decides); the store and the
 * grouper are then told the two stories. docs/stories.md "Stories that
 * split". */
#include <stdlib.h>

#include "doc/doc.h"
#include "engine.h"
#include "util/alloc.h"

typedef struct members {
    sl_member *items;
    size_t n;
    int whole;      /* every article has its vector (a store made before may not) */
} members;

static int add_member(void *ctx, int64_t article, const void *blob, size_t len)
{
    members *ms = ctx;
    if (!blob || sl_member_unpack(blob, len, &ms->items[ms->n])) {
        ms->whole = 0;
        return 0;
    }
    ms->items[ms->n++].article = article;
    return 0;
}

/* The first article of part `which`. */
static int64_t first_of(const members *ms, const unsigned char *part, unsigned char which)
{
    for (size_t i = 0; i < ms->n; i++)
        if (part[i] == which)
            return ms->items[i].article;
    return 0;
}

/* Writes story id's row from the grouper, titled by its first titled
 * article, else by its first article's first sentence. */
static int save_story(sl_engine *e, int64_t id, int64_t first_article)
{
    sl_article *a = NULL;
    sl_buf fallback = {0};
    int rc = sl_store_article_get(e->store, first_article, &a);
    if (!rc && a)
        rc = sl_fallback_title(a->text, a->sentences, a->n_sentences, &fallback);
    sl_story_state state;
    sl_grouper_story_state(e->grouper, id, &state);
    if (!rc)
        rc = sl_store_story_reset(e->store, &state, first_article,
                                  fallback.len ? fallback.ptr : NULL);
    sl_buf_free(&fallback);
    sl_article_free(a);
    return rc;
}

/* Story `story` split: part 1 goes to a new story in the same thread. */
static int split(sl_engine *e, int64_t story, const members *ms, const unsigned char *part,
                 int64_t *new_story)
{
    int64_t moved[SL_SPLIT_MAX];
    size_t n = 0;
    for (size_t i = 0; i < ms->n; i++)
        if (part[i])
            moved[n++] = ms->items[i].article;
    int rc = sl_store_story_new(e->store, moved[0], NULL, INT64_MIN, new_story);
    if (!rc)
        rc = sl_store_story_move(e->store, moved, n, *new_story);
    if (!rc)
        rc = sl_grouper_split_apply(e->grouper, story, *new_story, ms->items, ms->n, part);
    if (!rc)
        rc = save_story(e, story, first_of(ms, part, 0));
    if (!rc)
        rc = save_story(e, *new_story, moved[0]);
    return rc;
}

int sl_story_split_check(sl_engine *e, int64_t story, int64_t article, int64_t *article_story)
{
    *article_story = story;
    if (!sl_grouper_split_due(e->grouper, story))
        return 0;
    members ms = {sl_malloc((SL_SPLIT_MAX + 1) * sizeof *ms.items), 0, 1};
    unsigned char part[SL_SPLIT_MAX + 1];
    if (!ms.items)
        return SL_ENOMEM;
    int rc = sl_store_story_vectors(e->store, story, SL_SPLIT_MAX + 1, add_member, &ms);
    if (!rc && ms.whole && ms.n <= SL_SPLIT_MAX)
        rc = sl_members_split(ms.items, ms.n, part);
    int64_t new_story = 0;
    if (rc == 1 && !(rc = split(e, story, &ms, part, &new_story)))
        for (size_t i = 0; i < ms.n; i++)
            if (ms.items[i].article == article && part[i])
                *article_story = new_story;
    free(ms.items);
    return rc;
}
