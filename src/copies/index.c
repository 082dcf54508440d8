/* index.c — the copy index: key term -> the most recent articles filed under
 * it. A new article looks up every distinct term it has, so an original
 * filed under its names and figures is found by a rewrite that keeps them;
 * the articles hit by the most key terms are the candidates to compare.
 * Memory: SL_COPY_KEYS postings of 4 bytes per article plus the table.
 * With a source (the store's copy_keys), postings are read on first use
 * and the index holds only the terms the ingest has met. */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "util/arena.h"

/* The most recent articles under one key term: a ring once full. 16 bytes
 * (24 with a cap field): its room follows from n (posting_room), as the
 * ring only turns at SL_COPY_POSTINGS, so a table of Reuters' keys is a
 * third smaller. Up to two ids are held in place, where the pointer goes
 * (most key terms are filed under one or two articles), not in 16 bytes
 * of the arena. */
typedef struct posting {
    uint32_t key;        /* 0 marks an empty slot (key codes are never 0: see key_of) */
    uint16_t n, head;
    union {
        uint32_t two[2]; /* n <= 2 */
        uint32_t *ids;   /* n > 2 */
    };
} posting;

/* The ids a posting of n has room for: 2 in place up to n = 2, else n
 * rounded up to a power of two (post doubles it from 2 as it fills, up
 * to SL_COPY_POSTINGS; hold_full allocates SL_COPY_POSTINGS at n of it). */
static size_t posting_room(uint16_t n)
{
    return n > 2 ? (size_t)1 << (32 - __builtin_clz((unsigned)n - 1)) : 2;
}

/* The ids of p, [0, p->n). */
static const uint32_t *ids_of(const posting *p) { return p->n > 2 ? p->ids : p->two; }
_Static_assert((SL_COPY_POSTINGS & (SL_COPY_POSTINGS - 1)) == 0 && SL_COPY_POSTINGS <= UINT16_MAX,
               "posting_room: a ring's room is a power of two a posting's n can count");

/* A posting's ids out of place have room for 4, 8, ... SL_COPY_POSTINGS: a class each.
 * They are cut from an arena, and a posting that grows gives its old ids
 * to the next of their class (kept in a list through their first bytes),
 * not to malloc: a realloc for each growth and a free for each posting at
 * the end were 1% of dedup's instructions ("Thirty-second round: dedup"). */
#define ID_CLASSES 6
_Static_assert(SL_COPY_POSTINGS == 4 << (ID_CLASSES - 1), "a class for each room of posting_room");
_Static_assert(4 * sizeof(uint32_t) >= sizeof(uint32_t *), "the smallest ids hold the list's link");

/* An article and the hits one query counted on it. */
typedef struct hit {
    uint32_t id;
    uint32_t hits;
} hit;

struct sl_copy_index {
    posting *slots;
    size_t n_slots, used;
    SL_VEC(uint8_t) need;        /* by article id: the hits it needs (15% of its key terms; enough) */
    SL_VEC(uint32_t) hits;       /* by article id, as need: a query's hits on it above `zero` */
    uint32_t zero;               /* the hits' 0 for the next query: above every count kept */
    SL_VEC(uint32_t) terms;      /* scratch: a query's distinct terms */
    SL_VEC(uint32_t) hit_twice;  /* scratch: those hit twice or more (a candidate needs 2) */
    size_t bytes;
    sl_arena ids_memory;                 /* every posting's ids */
    uint32_t *spare_ids[ID_CLASSES];     /* ids given back, by class: a list */
    sl_copy_key_source source;   /* NULL: every posting is in memory */
    void *source_ctx;
};

static uint32_t key_of(uint32_t code)
{
    uint32_t k = SL_TERM_ID(code);   /* the flags are not part of the term */
    return k;
}

/* A key's home slot: bits 32 up of a 64-bit multiplicative hash. The low
 * bits of a 32-bit product, taken before, are the same for every key (its
 * four flag bits are all set: key_of), so only one slot in 16 was ever a
 * home and the probes ran long (docs/history/benchmarks-rounds.md, "Twentieth round:
 * dedup"). */
static size_t slot_of(uint32_t key, size_t n_slots)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (n_slots - 1);
}

sl_copy_index *sl_copy_index_new(void)
{
    sl_copy_index *ix = sl_calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->n_slots = 1024;
    ix->slots = sl_calloc(ix->n_slots, sizeof *ix->slots);
    if (!ix->slots) {
        sl_copy_index_free(ix);
        return NULL;
    }
    ix->bytes = ix->n_slots * sizeof *ix->slots;
    return ix;
}

void sl_copy_index_free(sl_copy_index *ix)
{
    if (!ix)
        return;
    sl_arena_free(&ix->ids_memory);
    free(ix->slots);
    sl_vec_free(&ix->need);
    sl_vec_free(&ix->hits);
    sl_vec_free(&ix->terms);
    sl_vec_free(&ix->hit_twice);
    free(ix);
}

size_t sl_copy_index_bytes(const sl_copy_index *ix)
{
    return ix->bytes + ix->need.cap + ix->hits.cap * sizeof *ix->hits.items;
}

static posting *find(const sl_copy_index *ix, uint32_t key)
{
    for (size_t s = slot_of(key, ix->n_slots);; s = (s + 1) & (ix->n_slots - 1)) {
        if (ix->slots[s].key == key || !ix->slots[s].key)
            return &ix->slots[s];
    }
}

/* The class of ids with room for `room` (a power of two from 4). */
static unsigned id_class(size_t room)
{
    return (unsigned)__builtin_ctzll(room) - 2;
}

/* Ids with room for `room`: given back ones of that room, else new; NULL
 * when memory ran out. The index's bytes count every id block cut from the
 * arena (16-byte aligned), the blocks waiting in the lists too: what it
 * holds, not only what its postings use. */
static uint32_t *take_ids(sl_copy_index *ix, size_t room)
{
    uint32_t **spare = &ix->spare_ids[id_class(room)];
    uint32_t *ids = *spare;
    if (!ids) {
        ids = sl_arena_alloc(&ix->ids_memory, room * sizeof *ids);
        if (ids)
            ix->bytes += (room * sizeof *ids + 15) & ~(size_t)15;
        return ids;
    }
    memcpy(spare, ids, sizeof *spare);   /* the next in the list */
    return ids;
}

/* Gives back ids with room for `room`, for take_ids. */
static void give_ids(sl_copy_index *ix, uint32_t *ids, size_t room)
{
    uint32_t **spare = &ix->spare_ids[id_class(room)];
    memcpy(ids, spare, sizeof *spare);
    *spare = ids;
}

static int grow_table(sl_copy_index *ix)
{
    size_t n = ix->n_slots * 2;
    posting *slots = sl_calloc(n, sizeof *slots);
    if (!slots)
        return SL_ENOMEM;
    posting *old = ix->slots;
    size_t old_n = ix->n_slots;
    ix->slots = slots;
    ix->n_slots = n;
    for (size_t k = 0; k < old_n; k++)
        if (old[k].key)
            *find(ix, old[k].key) = old[k];
    free(old);
    ix->bytes += (n - old_n) * sizeof *slots;
    return 0;
}

static int post(sl_copy_index *ix, uint32_t key, uint32_t id)
{
    if ((ix->used + 1) * 4 > ix->n_slots * 3 && grow_table(ix))
        return SL_ENOMEM;
    posting *p = find(ix, key);
    if (!p->key) {
        p->key = key;
        ix->used++;
    }
    size_t room = posting_room(p->n);
    if (p->n == room && room < SL_COPY_POSTINGS) {
        size_t grown = room * 2;
        uint32_t *ids = take_ids(ix, grown);
        if (!ids)
            return SL_ENOMEM;
        memcpy(ids, ids_of(p), room * sizeof *ids);
        if (room > 2)
            give_ids(ix, p->ids, room);
        p->ids = ids;
        room = grown;
    }
    if (p->n < room) {
        uint32_t *ids = room > 2 ? p->ids : p->two;
        ids[p->n++] = id;
    } else {                       /* full: the oldest gives way */
        p->ids[p->head] = id;
        p->head = (uint16_t)((p->head + 1) % SL_COPY_POSTINGS);
    }
    return 0;
}

void sl_copy_index_set_source(sl_copy_index *ix, sl_copy_key_source source, void *ctx)
{
    ix->source = source;
    ix->source_ctx = ctx;
}

/* Notes that article `id` was filed under n keys (as the hits `enough`
 * asks of it: 15 in 100 of them, rounded up); its hit count is made. */
static int note_keys(sl_copy_index *ix, size_t id, uint32_t n)
{
    if (ix->need.n <= id) {
        size_t old = ix->need.n;
        if (sl_vec_reserve(&ix->need, id + 1 - old) || sl_vec_reserve(&ix->hits, id + 1 - old))
            return SL_ENOMEM;
        memset(ix->need.items + old, 0, id + 1 - old);
        memset(ix->hits.items + old, 0, (id + 1 - old) * sizeof *ix->hits.items);
        ix->need.n = ix->hits.n = id + 1;
    }
    ix->need.items[id] = (uint8_t)((n * 15 + 99) / 100);
    return 0;
}

int sl_copy_index_add(sl_copy_index *ix, int64_t article_id, const uint32_t *keys, uint32_t n)
{
    if (article_id <= 0 || article_id > UINT32_MAX)
        return SL_EUSAGE;
    size_t id = (size_t)article_id;
    if (note_keys(ix, id, n))
        return SL_ENOMEM;
    for (uint32_t k = 0; k < n; k++)
        if ((!ix->source || find(ix, key_of(keys[k]))->key) && post(ix, key_of(keys[k]), (uint32_t)id))
            return SL_ENOMEM;
    return 0;
}

/* Keys a query reads from the source by one call (its rows, 20 KB, on the
 * stack); a query of Reuters reads ~10. */
#define KEYS_A_READ 32

/* Posts the n articles read of `key` (newest first), oldest first, as
 * loading every article in order would have filed them (a post may move
 * the table: the key, not its slot). */
static int hold_whole(sl_copy_index *ix, uint32_t key, const uint32_t *ids, const uint8_t *n_keys,
                      size_t n)
{
    for (size_t e = n; e-- > 0;)
        if (note_keys(ix, ids[e], n_keys[e]) || post(ix, key, ids[e]))
            return SL_ENOMEM;
    return 0;
}

/* Holds a full posting from its newest articles alone: its ring in order,
 * the newest SL_COPY_RECENT_OF_FULL at its end, which is all a query reads
 * of a full posting (count_posting), and all that new articles leave
 * there; the places before them are never read (0). Only those articles
 * are noted: one a query counts through another posting is noted by that
 * posting. The source need not read the rest of a full key
 * (docs/history/benchmarks-rounds.md, "Twenty-second round: the cost as the store grows,
 * after curve6"). */
static int hold_full(sl_copy_index *ix, posting *p, const uint32_t *ids, const uint8_t *n_keys)
{
    p->ids = take_ids(ix, SL_COPY_POSTINGS);
    if (!p->ids)
        return SL_ENOMEM;
    memset(p->ids, 0, SL_COPY_POSTINGS * sizeof *p->ids);
    p->n = SL_COPY_POSTINGS;
    p->head = 0;
    for (size_t e = 0; e < SL_COPY_RECENT_OF_FULL; e++) {
        if (note_keys(ix, ids[e], n_keys[e]))
            return SL_ENOMEM;
        p->ids[SL_COPY_POSTINGS - 1 - e] = ids[e];
    }
    return 0;
}

/* Holds the n keys' postings as read from the source (oldest first, as
 * loading every article in order would have filed them; a term no article
 * has is held as an empty posting). */
static int hold_postings(sl_copy_index *ix, const uint32_t *keys, size_t n)
{
    uint32_t ids[KEYS_A_READ * SL_COPY_POSTINGS];
    uint8_t n_keys[KEYS_A_READ * SL_COPY_POSTINGS];
    size_t found[KEYS_A_READ];
    int rc = ix->source(ix->source_ctx, keys, n, SL_COPY_POSTINGS, ids, n_keys, found);
    for (size_t k = 0; !rc && k < n; k++) {
        if ((ix->used + 1) * 4 > ix->n_slots * 3 && grow_table(ix))
            return SL_ENOMEM;
        posting *p = find(ix, keys[k]);
        if (p->key)
            continue; /* asked twice by the batch: terms that differ in their flags only */
        p->key = keys[k];
        ix->used++;
        size_t at = k * SL_COPY_POSTINGS;
        if (found[k] == SL_COPY_POSTINGS ? hold_full(ix, p, ids + at, n_keys + at)
                                         : hold_whole(ix, keys[k], ids + at, n_keys + at, found[k]))
            return SL_ENOMEM;
    }
    return rc;
}

/* Reads from the source the postings of the terms `codes` (distinct) the
 * index does not hold: a call for up to KEYS_A_READ of them, where a call a
 * term was a statement a term (docs/history/benchmarks-rounds.md, "Twenty-second round"). */
static int read_postings(sl_copy_index *ix, const uint32_t *codes, size_t n_codes)
{
    uint32_t keys[KEYS_A_READ];
    size_t n = 0;
    int rc = 0;
    for (size_t k = 0; ix->source && !rc && k < n_codes; k++) {
        if (!find(ix, key_of(codes[k]))->key)
            keys[n++] = key_of(codes[k]);
        if (n == KEYS_A_READ || (n && k + 1 == n_codes)) {
            rc = hold_postings(ix, keys, n);
            n = 0;
        }
    }
    return rc;
}

/* The distinct terms of a sketch, as index keys. */
static int distinct_terms(sl_copy_index *ix, const sl_sketch *s)
{
    ix->terms.n = 0;
    if (sl_vec_reserve(&ix->terms, s->terms.n))
        return SL_ENOMEM;
    for (size_t k = 0; k < s->terms.n; k++)
        if (!(s->terms.items[k] & SL_TERM_STOP))   /* never anyone's key */
            ix->terms.items[ix->terms.n++] = key_of(s->terms.items[k]);
    ix->terms.n = sl_sort_u32_distinct(ix->terms.items, ix->terms.n);
    return 0;
}

/* Counts one hit on article `id`, in the count by id (every posted id
 * has one: note_keys), not a hash table of the query's hits, whose probing
 * was a third of the query (docs/history/benchmarks-rounds.md, "Twentieth round: dedup").
 * The query's counts start from `zero`, above every count an earlier
 * query left, so a value at or below it is no hit and none is set back to
 * 0 after the query (docs/history/benchmarks-rounds.md, "Twenty-fourth round"). An
 * article hit a second time is listed apart, the only ones that may be
 * candidates (two in three are hit once). The list has room for every
 * article a query can touch (terms x SL_COPY_POSTINGS: start_counts).
 * Inline: 1.9 M calls on dedup's 3,000 tuning lines ("Nineteenth round:
 * dedup"). */
static inline void count_hit(uint32_t *hits, uint32_t id, uint32_t zero, uint32_t *twice, size_t *n_twice)
{
    uint32_t v = hits[id];
    v = (v > zero ? v : zero) + 1;
    hits[id] = v;
    if (v == zero + 2)
        twice[(*n_twice)++] = id;
}

/* Counts a hit on each article of posting `p` it reads, the most recent
 * first: a full posting is a term many articles are filed under: it
 * cannot single out an original, and reading it whole was most of the
 * cost; its most recent articles are read (a burst of copies of one
 * article fills the postings of all its key terms). The ring is read as
 * its two runs, newest back to the start, then back from the end; a
 * posting not full is read front to back, as the order of the hits
 * changes no candidate (keep_best orders them by count, then id). The
 * counts and the list in locals: stored through `ix`, the list's length
 * was written back at every article hit twice, as the compiler could not
 * tell it from the counts ("Thirty-second round: dedup"). */
static void count_posting(sl_copy_index *ix, const posting *p, uint32_t zero)
{
    uint32_t *hits = ix->hits.items, *twice = ix->hit_twice.items;
    size_t n_twice = ix->hit_twice.n;
    if (p->n < SL_COPY_POSTINGS) {   /* not full: no ring yet (head 0), every article read */
        const uint32_t *ids = ids_of(p);
        size_t n = p->n, e = 0;
        for (; e + 2 <= n; e += 2) {   /* two a turn: the step and test were 3 of a hit's 14 instructions */
            count_hit(hits, ids[e], zero, twice, &n_twice);
            count_hit(hits, ids[e + 1], zero, twice, &n_twice);
        }
        if (e < n)
            count_hit(hits, ids[e], zero, twice, &n_twice);
        ix->hit_twice.n = n_twice;
        return;
    }
    size_t newest = ((size_t)p->head + SL_COPY_POSTINGS - 1) % SL_COPY_POSTINGS;
    size_t first = SL_COPY_RECENT_OF_FULL < newest + 1 ? SL_COPY_RECENT_OF_FULL : newest + 1;
    for (size_t e = 0; e < first; e++)
        count_hit(hits, p->ids[newest - e], zero, twice, &n_twice);
    for (size_t e = 0; e < SL_COPY_RECENT_OF_FULL - first; e++)
        count_hit(hits, p->ids[SL_COPY_POSTINGS - 1 - e], zero, twice, &n_twice);
    ix->hit_twice.n = n_twice;
}

/* Readies the counts of a query of at most `most` hits: its zero (every
 * count back at 0 first when the counts could pass UINT32_MAX, once in
 * some 200,000 queries of Reuters) and the list of the articles hit twice;
 * the next query's zero is above the counts this one can reach. */
static int start_counts(sl_copy_index *ix, size_t most, uint32_t *zero)
{
    if (most > UINT32_MAX - ix->zero) {
        memset(ix->hits.items, 0, ix->hits.n * sizeof *ix->hits.items);
        ix->zero = 0;
    }
    *zero = ix->zero;
    ix->zero = most > UINT32_MAX - ix->zero ? UINT32_MAX : ix->zero + (uint32_t)most;
    ix->hit_twice.n = 0;
    return sl_vec_reserve(&ix->hit_twice, most) ? SL_ENOMEM : 0;
}

/* An article is a candidate when it is hit by at least 15 in 100 of its own
 * key terms, and by 2 at least: an LLM rewrite keeps few of the words it is
 * filed under (at 3 in 10, 4.4% of the rewrites of rewrite/llmfake and
 * rewrite/l2r did not meet their original; at 15 in 100, 1.9%:
 * eval/fit_copies.py). The weak candidates cost little: a pair that keeps
 * too few words is not aligned (sl_copy_worth_aligning). Asked only of
 * the articles hit twice or more (count_hit lists them apart: two in three
 * on Reuters are hit once, and their need is not read). */
static bool enough(const sl_copy_index *ix, const hit *h)
{
    return h->hits >= ix->need.items[h->id];   /* a hit id has its need: note_keys */
}

static bool better(const hit *a, const hit *b)
{
    return a->hits != b->hits ? a->hits > b->hits : a->id > b->id;
}

/* Inserts `h` into the best-first list `best` of at most SL_COPY_CANDIDATES. */
static void keep_best(hit *best, size_t *n, hit h)
{
    size_t at = *n;
    if (at == SL_COPY_CANDIDATES) {
        if (!better(&h, &best[at - 1]))
            return;
        at--;
    } else {
        (*n)++;
    }
    while (at > 0 && better(&h, &best[at - 1])) {
        best[at] = best[at - 1];
        at--;
    }
    best[at] = h;
}

/* The candidates found through the terms `codes` (distinct, ascending;
 * their flags are no part of the key). */
static int candidates_of_codes(sl_copy_index *ix, const uint32_t *codes, size_t n_codes, int64_t *out,
                               size_t *n_out)
{
    *n_out = 0;
    uint32_t zero;
    if (start_counts(ix, n_codes * SL_COPY_POSTINGS, &zero))
        return SL_ENOMEM;
    int rc = read_postings(ix, codes, n_codes);
    for (size_t k = 0; k < n_codes && !rc; k++) {
        const posting *p = find(ix, key_of(codes[k]));
        if (p->key && p->n)
            count_posting(ix, p, zero);
    }
    hit best[SL_COPY_CANDIDATES];
    size_t n = 0;
    for (size_t k = 0; k < ix->hit_twice.n && !rc; k++) {   /* the best: any order gives them */
        uint32_t id = ix->hit_twice.items[k];
        hit h = {id, ix->hits.items[id] - zero};
        if (enough(ix, &h))
            keep_best(best, &n, h);
    }
    for (size_t k = 0; k < n; k++)
        out[k] = best[k].id;
    *n_out = rc ? 0 : n;
    return rc;
}

int sl_copy_index_candidates(sl_copy_index *ix, const sl_sketch *s, int64_t *out, size_t *n_out)
{
    *n_out = 0;
    return distinct_terms(ix, s) ? SL_ENOMEM
                                 : candidates_of_codes(ix, ix->terms.items, ix->terms.n, out, n_out);
}

int sl_copy_index_candidates_of_terms(sl_copy_index *ix, const uint32_t *terms, size_t n, int64_t *out,
                                      size_t *n_out)
{
    return candidates_of_codes(ix, terms, n, out, n_out);
}
