/* index.c — the inverted index of stories by term: for each term, the
 * stories whose centroid holds it, with the term's weight there, sorted by
 * story id. Lists grow as needed (no slots allocated up front) and are kept
 * exact as centroids change, so the index after a reload from the store is
 * the same as the one built article by article. A lazy index holds only
 * the lists read from the store (story_fetch.c), each from its floor on.
 * A list of one story keeps it in place; a longer one's room follows from
 * its count (room_of). */
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

static sl_posting *items_of(sl_postings *p) { return p->n < 2 ? &p->one : p->many; }

/* Position of story in p (or where it would go). */
static uint32_t position(const sl_postings *p, uint32_t story)
{
    const sl_posting *items = sl_postings_items(p);
    uint32_t lo = 0, hi = p->n;
    /* New stories have the largest ids: check the end first. */
    if (p->n && items[p->n - 1].story < story)
        return p->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (items[mid].story < story)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The room of a list of n >= 2 stories: n rounded up to a power of two.
 * A list holds at least this much (it doubles at each power of two, and a
 * removal leaves its room as it was). */
static uint64_t room_of(uint32_t n)
{
    uint64_t room = 2;
    while (room < n)
        room *= 2;
    return room;
}

/* Room in p for one more story; SL_ENOMEM when it cannot be had. */
static int make_room(sl_postings *p)
{
    if (p->n == 0 || (p->n >= 2 && p->n < room_of(p->n)))
        return 0;
    if (p->n == 1) {
        sl_posting *many = sl_malloc(2 * sizeof *many);
        if (!many)
            return SL_ENOMEM;
        many[0] = p->one;
        p->many = many;
        return 0;
    }
    sl_posting *many = sl_realloc(p->many, (size_t)p->n * 2 * sizeof *many);
    if (!many)
        return SL_ENOMEM;
    p->many = many;
    return 0;
}

static void empty_list(sl_postings *p)
{
    if (p->n >= 2)
        free(p->many);
    p->n = 0;
}

sl_postings *sl_index_reset(sl_index *ix, uint64_t term, uint32_t floor)
{
    sl_postings *p = find_or_add(ix, term);
    if (p) {
        empty_list(p);
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
    if (at < p->n && items_of(p)[at].story == story) {
        items_of(p)[at].weight = weight;
        return 0;
    }
    if (make_room(p))
        return SL_ENOMEM;
    sl_posting *items = p->n ? p->many : &p->one;
    memmove(items + at + 1, items + at, (p->n - at) * sizeof *items);
    items[at] = (sl_posting){story, weight};
    p->n++;
    return 0;
}

void sl_index_remove(sl_index *ix, uint64_t term, uint32_t story)
{
    sl_postings *p = find(ix, term);
    if (!p)
        return;
    uint32_t at = position(p, story);
    sl_posting *items = items_of(p);
    if (at >= p->n || items[at].story != story)
        return;
    memmove(items + at, items + at + 1, (p->n - at - 1) * sizeof *items);
    if (p->n-- == 2) { /* the one left goes in place */
        sl_posting one = items[0];
        free(items);
        p->one = one;
    }
}

void sl_index_free(sl_index *ix)
{
    for (size_t k = 0; k < ix->used; k++)
        empty_list(&ix->lists[k]);
    free(ix->lists);
    free(ix->at);
    memset(ix, 0, sizeof *ix);
}

size_t sl_index_memory(const sl_index *ix)
{
    size_t bytes = ix->cap * sizeof *ix->at + ix->lists_cap * sizeof *ix->lists;
    for (size_t k = 0; k < ix->used; k++)
        if (ix->lists[k].n >= 2)
            bytes += room_of(ix->lists[k].n) * sizeof(sl_posting);
    return bytes;
}
