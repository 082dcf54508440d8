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

static int index_grow(sl_index *ix)
{
    size_t cap = ix->cap ? ix->cap * 2 : 1024;
    sl_postings *slots = sl_calloc(cap, sizeof *slots);
    if (!slots)
        return SL_ENOMEM;
    for (size_t i = 0; i < ix->cap; i++) {
        if (!ix->slots[i].term)
            continue;
        size_t j = ix->slots[i].term & (cap - 1);
        while (slots[j].term)
            j = (j + 1) & (cap - 1);
        slots[j] = ix->slots[i];
    }
    free(ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    return 0;
}

static sl_postings *find(const sl_index *ix, uint64_t term)
{
    if (!ix->cap)
        return NULL;
    uint64_t key = sl_term_key(term);
    size_t i = key & (ix->cap - 1);
    while (ix->slots[i].term) {
        if (ix->slots[i].term == key)
            return &ix->slots[i];
        i = (i + 1) & (ix->cap - 1);
    }
    return NULL;
}

static sl_postings *find_or_add(sl_index *ix, uint64_t term)
{
    sl_postings *p = find(ix, term);
    if (p)
        return p;
    if ((ix->used + 1) * 2 > ix->cap && index_grow(ix))
        return NULL;
    uint64_t key = sl_term_key(term);
    size_t i = key & (ix->cap - 1);
    while (ix->slots[i].term)
        i = (i + 1) & (ix->cap - 1);
    ix->slots[i].term = key;
    ix->used++;
    return &ix->slots[i];
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
    for (size_t i = 0; i < ix->cap; i++)
        free(ix->slots[i].items);
    free(ix->slots);
    memset(ix, 0, sizeof *ix);
}

size_t sl_index_memory(const sl_index *ix)
{
    size_t bytes = ix->cap * sizeof *ix->slots;
    for (size_t i = 0; i < ix->cap; i++)
        bytes += ix->slots[i].cap * sizeof(sl_posting);
    return bytes;
}
