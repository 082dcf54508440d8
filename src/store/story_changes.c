/* story_changes.c — a batch's changes to story_terms, kept in memory until
 * its commit. A story that several articles of a batch update has its rows
 * changed once, from the centroid stored before the batch to its last one,
 * instead of once an article: a row that comes and goes within the batch is
 * never written, nor deleted. A read of a term that a pending change adds
 * or removes first writes the changes of the stories concerned
 * (story_terms.c), so every read sees the rows that writing at once would
 * have left. Outside a batch's transaction a change is written at once. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* Adds `sign` to the count of each term that `ch` adds or removes (the
 * terms in one of its two sorted lists only). */
static int count_terms(sl_story_changes *c, const sl_story_change *ch, uint32_t sign)
{
    size_t i = 0, k = 0;
    while (i < ch->n_old || k < ch->n_now) {
        uint64_t term;
        if (k >= ch->n_now || (i < ch->n_old && ch->old[i] < ch->now[k]))
            term = ch->old[i++];
        else if (i >= ch->n_old || ch->now[k] < ch->old[i])
            term = ch->now[k++];
        else {
            i++, k++;
            continue;
        }
        uint32_t *slot = sl_count_slot(&c->terms, term, 1);
        if (!slot)
            return SL_ENOMEM;
        *slot += sign; /* unsigned: -1 as UINT32_MAX takes one away */
    }
    return 0;
}

/* The pending change of `story`, begun from its stored centroid when it has
 * none yet. */
static int change_of(sl_store *st, int64_t story, sl_story_change **out)
{
    sl_story_changes *c = &st->changes;
    uint32_t *at = sl_count_slot(&c->at, (uint64_t)story, 1);
    if (!at)
        return SL_ENOMEM;
    if (!*at) {
        sl_story_change ch = {.story = story};
        size_t n_old = 0;
        if (sl_store_story_terms_stored(st, story, ch.old, ch.w_old, &n_old))
            return SL_ESTORE;
        ch.n_old = ch.n_now = (uint32_t)n_old;
        memcpy(ch.now, ch.old, n_old * sizeof *ch.old);
        memcpy(ch.w_now, ch.w_old, n_old * sizeof *ch.w_old);
        if (sl_vec_push(&c->items, ch))
            return SL_ENOMEM;
        *at = (uint32_t)c->items.n;
    }
    *out = &c->items.items[*at - 1];
    return 0;
}

/* Forgets the pending changes, keeping the memory of their list. */
static void clear(sl_story_changes *c)
{
    c->items.n = 0;
    c->fresh_story = 0; /* written or rolled back: read it again */
    sl_count_free(&c->at);
    sl_count_free(&c->terms);
}

/* Keeps `now` (weighing `w_now`) as story's terms. */
static int keep(sl_store *st, int64_t story, const uint64_t *now, const float *w_now,
                size_t n_now)
{
    sl_story_change *ch;
    int rc = change_of(st, story, &ch);
    if (!rc)
        rc = count_terms(&st->changes, ch, UINT32_MAX);
    if (rc)
        return rc;
    ch->n_now = (uint32_t)n_now;
    memcpy(ch->now, now, n_now * sizeof *now);
    memcpy(ch->w_now, w_now, n_now * sizeof *w_now);
    return count_terms(&st->changes, ch, 1);
}

int sl_store_story_changes_put(sl_store *st, int64_t story, const uint64_t *now,
                               const float *w_now, size_t n_now)
{
    int rc = keep(st, story, now, w_now, n_now);
    if (st->writing)
        return rc;
    if (rc)
        clear(&st->changes);
    return rc ? rc : sl_store_story_changes_flush(st);
}

/* Whether the sorted `terms` hold `term`. */
static int holds(const uint64_t *terms, size_t n, uint64_t term)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (terms[mid] < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && terms[lo] == term;
}

/* How many pending changes add or remove `term`. */
static uint32_t touching(sl_story_changes *c, uint64_t term)
{
    const uint32_t *n = c->items.n ? sl_count_slot(&c->terms, term, 0) : NULL;
    return n ? *n : 0;
}

int sl_store_story_changes_settle(sl_store *st, uint64_t term)
{
    sl_story_changes *c = &st->changes;
    for (size_t k = 0; k < c->items.n && touching(c, term); k++) {
        sl_story_change *ch = &c->items.items[k];
        if (holds(ch->old, ch->n_old, term) == holds(ch->now, ch->n_now, term))
            continue;
        int rc = count_terms(c, ch, UINT32_MAX);
        if (!rc)
            rc = sl_store_story_terms_write(st, ch, 1);
        if (rc)
            return rc;
        ch->n_old = ch->n_now; /* the table now holds its terms */
        memcpy(ch->old, ch->now, ch->n_now * sizeof *ch->now);
        memcpy(ch->w_old, ch->w_now, ch->n_now * sizeof *ch->w_now);
    }
    return 0;
}

const sl_story_change *sl_store_story_changes_of(sl_store *st, int64_t story)
{
    sl_story_changes *c = &st->changes;
    const uint32_t *at = c->items.n ? sl_count_slot(&c->at, (uint64_t)story, 0) : NULL;
    return at && *at ? &c->items.items[*at - 1] : NULL;
}

int sl_store_story_changes_flush(sl_store *st)
{
    sl_story_changes *c = &st->changes;
    int rc = c->items.n ? sl_store_story_terms_write(st, c->items.items, c->items.n) : 0;
    clear(c);
    return rc;
}

void sl_store_story_changes_forget(sl_story_changes *c)
{
    clear(c);
    sl_vec_free(&c->items);
}
