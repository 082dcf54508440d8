/* index.c — the inverted index of stories by term: for each term, the
 * stories whose centroid holds it, with the term's weight there, sorted by
 * story id. Lists grow as needed (no slots allocated up front) and are kept
 * exact as centroids change, so the index after a reload from the store is
 * the same as the one built article by article. A lazy index holds only
 * the lists read from the store (story_fetch.c), each from its floor on. */
#include "internal.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* The slot of at where `key` is, or the empty one where it would go. */
static size_t slot_of(const sl_index *ix, uint64_t key)
{
    size_t i = key & (ix->cap - 1);
    while (ix->at[i] && ix->lists[ix->at[i] - 1].term != key)
        i = (i + 1) & (ix->cap - 1);
    return i;
}

/* Doubles the hash of places, which is kept at most half full. */
static int grow_slots(sl_index *ix)
{
    size_t cap = ix->cap ? ix->cap * 2 : 1024;
    uint32_t *at = sl_calloc(cap, sizeof *at);
    if (!at)
        return SL_ENOMEM;
    free(ix->at);
    ix->at = at;
    ix->cap = cap;
    for (size_t k = 0; k < ix->used; k++)
        ix->at[slot_of(ix, ix->lists[k].term)] = (uint32_t)k + 1;
    return 0;
}

/* Room for one more list: half again as many, as the lists are used. */
static int grow_lists(sl_index *ix)
{
    if (ix->used == UINT32_MAX)
        return SL_ENOMEM;
    size_t cap = ix->lists_cap ? ix->lists_cap + ix->lists_cap / 2 : 512;
    sl_postings *lists = sl_realloc(ix->lists, cap * sizeof *lists);
    if (!lists)
        return SL_ENOMEM;
    ix->lists = lists;
    ix->lists_cap = cap;
    return 0;
}

static sl_postings *find(const sl_index *ix, uint64_t term)
{
    if (!ix->cap)
        return NULL;
    uint32_t at = ix->at[slot_of(ix, sl_term_key(term))];
    return at ? &ix->lists[at - 1] : NULL;
}

static sl_postings *find_or_add(sl_index *ix, uint64_t term)
{
    sl_postings *p = find(ix, term);
    if (p)
        return p;
    if ((ix->used + 1) * 2 > ix->cap && grow_slots(ix))
        return NULL;
    if (ix->used == ix->lists_cap && grow_lists(ix))
        return NULL;
    uint64_t key = sl_term_key(term);
    p = &ix->lists[ix->used++];
    *p = (sl_postings){.term = key};
    ix->at[slot_of(ix, key)] = (uint32_t)ix->used;
    return p;
}

const sl_postings *sl_index_get(const sl_index *ix, uint64_t term) { return find(ix, term); }

/* Position of story in p (or where it would go). */
static uint32_t position(const sl_postings *p, uint32_t story)
{
    uint32_t lo = 0, hi = p->n;
    /* New stories have the largest ids: check the end first. */
    if (p->n && p->items[p->n - 1].story < story)
        return p->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (p->items[mid].story < story)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

sl_postings *sl_index_reset(sl_index *ix, uint64_t term, uint32_t floor)
{
    sl_postings *p = find_or_add(ix, term);
    if (p) {
        p->n = 0;
        p->floor = floor;
    }
    return p;
}

int sl_index_set(sl_index *ix, uint64_t term, uint32_t story, float weight)
{
    sl_postings *p = ix->lazy ? find(ix, term) : find_or_add(ix, term);
    if (ix->lazy && (!p || story < p->floor))
        return 0;
    if (!p)
        return SL_ENOMEM;
    uint32_t at = position(p, story);
    if (at < p->n && p->items[at].story == story) {
        p->items[at].weight = weight;
        return 0;
    }
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 2;
        sl_posting *items = sl_realloc(p->items, cap * sizeof *items);
        if (!items)
            return SL_ENOMEM;
        p->items = items;
        p->cap = cap;
    }
    memmove(p->items + at + 1, p->items + at, (p->n - at) * sizeof *p->items);
    p->items[at] = (sl_posting){story, weight};
    p->n++;
    return 0;
}

void sl_index_remove(sl_index *ix, uint64_t term, uint32_t story)
{
    sl_postings *p = find(ix, term);
    if (!p)
        return;
    uint32_t at = position(p, story);
    if (at >= p->n || p->items[at].story != story)
        return;
    memmove(p->items + at, p->items + at + 1, (p->n - at - 1) * sizeof *p->items);
    p->n--;
}

void sl_index_free(sl_index *ix)
{
    for (size_t k = 0; k < ix->used; k++)
        free(ix->lists[k].items);
    free(ix->lists);
    free(ix->at);
    memset(ix, 0, sizeof *ix);
}

size_t sl_index_memory(const sl_index *ix)
{
    size_t bytes = ix->cap * sizeof *ix->at + ix->lists_cap * sizeof *ix->lists;
    for (size_t k = 0; k < ix->used; k++)
        bytes += ix->lists[k].cap * sizeof(sl_posting);
    return bytes;
}
