/* story_revisit.c — a large story revisited (docs/stories.md "Revisable
 * large stories"): when the story an article ends in is due
 * (sl_grouper_revisit_due), its short members' stored vectors are read back
 * and each is placed again by the grouper (src/stories/revisit.c); the
 * store is told the members that moved and the stories' new rows. */
#include <stdlib.h>

#include "engine.h"
#include "util/alloc.h"

/* The story's short members as stored: their ids and packed vectors. */
typedef struct stored_member {
    int64_t article;
    size_t at, len;       /* in `packed` */
} stored_member;

typedef struct members {
    SL_VEC(stored_member) items;
    sl_buf packed;
    int whole;            /* every article's vector is there */
} members;

static int add_member(void *ctx, int64_t article, const void *blob, size_t len)
{
    members *ms = ctx;
    /* a full report's vector (gone past the split's last checkpoint) is
     * not placed again, nor an article stored before vectors were */
    if (!blob || len >= SL_MEMBER_PACK_BYTES(SL_SHORT_TERMS)) {
        ms->whole = 0;
        return 0;
    }
    stored_member m = {article, ms->packed.len, len};
    if (sl_buf_put(&ms->packed, blob, len) || sl_vec_push(&ms->items, m))
        return SL_ENOMEM;
    return 0;
}

/* Writes story id's row from the grouper: centroid, count, span of days,
 * when last revisited. */
static int save(sl_engine *e, int64_t id)
{
    sl_story_state state;
    sl_grouper_story_state(e->grouper, id, &state);
    return sl_store_story_revised(e->store, &state);
}

/* The story's centroid made again from its members' vectors, when it
 * has them all. */
static int rebuild(sl_engine *e, int64_t story, const members *ms)
{
    SL_VEC(sl_weighted_term) terms = {0};
    sl_member m;
    int rc = 0;
    for (size_t i = 0; !rc && i < ms->items.n; i++) {
        const stored_member *sm = &ms->items.items[i];
        if (sl_member_unpack(ms->packed.ptr + sm->at, sm->len, &m) || !m.counts)
            continue;
        for (uint32_t k = 0; !rc && k < m.vector.n; k++)
            rc = sl_vec_push(&terms, m.vector.terms[k]) ? SL_ENOMEM : 0;
    }
    if (!rc)
        rc = sl_grouper_revisit_rebuild(e->grouper, story, terms.items, terms.n);
    sl_vec_free(&terms);
    return rc;
}

/* Places each member again; the stories members went to into `to`. */
static int replace_members(sl_engine *e, int64_t story, const members *ms, int64_t article,
                           int64_t *article_story, sl_id_vec *to)
{
    sl_member m;
    for (size_t i = 0; i < ms->items.n; i++) {
        const stored_member *sm = &ms->items.items[i];
        if (sl_member_unpack(ms->packed.ptr + sm->at, sm->len, &m))
            continue;
        int64_t into;
        int rc = sl_grouper_revisit_member(e->grouper, story, &m, &into);
        if (rc < 0)
            return rc;
        if (!rc)
            continue;
        if (sl_store_story_move(e->store, &sm->article, 1, into))
            return SL_ESTORE;
        if (sl_vec_push(to, into))
            return SL_ENOMEM;
        if (sm->article == article)
            *article_story = into;
    }
    return 0;
}

/* The merge the revisit's grown story made (sl_grouper_revisit_done), told
 * to the store once every row it reads is the grouper's; *story and
 * *article_story follow it. */
static int merge(sl_engine *e, int64_t *story, int64_t *article_story)
{
    int64_t from, into;
    int rc = 0;
    while (sl_grouper_take_story_merge(e->grouper, &from, &into)) {
        if (!rc && sl_store_stories_merge(e->store, from, into))
            rc = SL_ESTORE;
        if (*article_story == from)
            *article_story = into;
        if (*story == from)
            *story = into;
    }
    /* the merge sums the rows' counts and spans, not their centroids */
    return rc ? rc : save(e, *story);
}

int sl_story_revisit_check(sl_engine *e, int64_t story, int64_t article, int64_t *article_story)
{
    *article_story = story;
    if (!sl_grouper_revisit_due(e->grouper, story))
        return 0;
    members ms = {.whole = 1};
    sl_id_vec to = {0};
    int rc = sl_store_story_vectors(e->store, story, -1, add_member, &ms);
    if (!rc && ms.whole)
        rc = rebuild(e, story, &ms);
    if (!rc)
        rc = replace_members(e, story, &ms, article, article_story, &to);
    if (!rc)
        rc = sl_grouper_revisit_done(e->grouper, story, ms.whole);
    if (!rc)
        rc = save(e, story);
    for (size_t i = 0; !rc && i < to.n; i++) /* a story twice in `to` is written twice alike */
        rc = save(e, to.items[i]);
    if (!rc)
        rc = merge(e, &story, article_story);
    sl_vec_free(&ms.items);
    sl_buf_free(&ms.packed);
    sl_vec_free(&to);
    return rc;
}
