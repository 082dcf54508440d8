/* order.c — how much of one text's wording another keeps in order: the
 * longest common subsequence of their content terms, computed bit-parallel
 * (Hyyrö 2004: one pass over a, a few word operations per term, so a pair of
 * 600-term articles costs some 6,000 operations instead of 360,000). A copy
 * or a rewrite keeps the order of what it takes; two reports of one event
 * share terms but not their order. Words inside quotation marks are left
 * out: two outlets quoting one statement in full share its words in order
 * because they quote the same speaker, not because one copied the other.
 * Stop words are left out too: their order says little. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"

/* The positions of one term in the prepared sequence as a bit vector. */
typedef struct term_mask {
    uint32_t term;
    uint32_t at;          /* index of its first word in `masks` */
    uint32_t first;       /* its first position in the sequence */
} term_mask;

struct sl_order_scratch {
    SL_VEC(uint64_t) positions;  /* term << 32 | position, sorted */
    SL_VEC(term_mask) terms;
    SL_VEC(uint64_t) masks;
    SL_VEC(uint64_t) row;
    SL_VEC(uint32_t) sequence;   /* the prepared text's unquoted terms */
    SL_VEC(uint8_t) seen;        /* per distinct term: met in b (sl_order_spread) */
    SL_VEC(uint32_t) slots;      /* hash table: 1 + index in `terms`, 0 empty */
    size_t n, words;      /* the prepared sequence's length, and words per mask */
};

sl_order_scratch *sl_order_scratch_new(void)
{
    return sl_calloc(1, sizeof(sl_order_scratch));
}

void sl_order_scratch_free(sl_order_scratch *o)
{
    if (!o)
        return;
    sl_vec_free(&o->positions);
    sl_vec_free(&o->terms);
    sl_vec_free(&o->masks);
    sl_vec_free(&o->row);
    sl_vec_free(&o->sequence);
    sl_vec_free(&o->seen);
    sl_vec_free(&o->slots);
    free(o);
}

/* One bit vector of `words` words per distinct term of the sequence. */
static int build_masks(sl_order_scratch *o, const uint32_t *b, size_t nb, size_t words)
{
    o->positions.n = o->terms.n = o->masks.n = 0;
    if (sl_vec_reserve(&o->positions, nb))
        return SL_ENOMEM;
    for (size_t k = 0; k < nb; k++)
        o->positions.items[o->positions.n++] = (uint64_t)SL_TERM_ID(b[k]) << 32 | k;
    sl_sort_u64_spread(o->positions.items, nb);   /* by term: a hash, spread */
    for (size_t k = 0; k < nb; k++) {
        uint32_t term = (uint32_t)(o->positions.items[k] >> 32);
        uint32_t position = (uint32_t)o->positions.items[k];
        if (!o->terms.n || o->terms.items[o->terms.n - 1].term != term) {
            if (sl_vec_push(&o->terms, ((term_mask){term, (uint32_t)o->masks.n, position})) ||
                sl_vec_reserve(&o->masks, words))
                return SL_ENOMEM;
            memset(o->masks.items + o->masks.n, 0, words * sizeof *o->masks.items);
            o->masks.n += words;
        }
        uint64_t *mask = o->masks.items + o->terms.items[o->terms.n - 1].at;
        mask[position / 64] |= 1ull << (position % 64);
    }
    return 0;
}

/* A term's first slot in the table (term codes are hashes already: their
 * high bits, mixed, are spread enough). */
static size_t slot_of(const sl_order_scratch *o, uint32_t term)
{
    return (size_t)((term * 0x9E3779B1u) >> 7) & (o->slots.n - 1);
}

/* The distinct terms in an open-addressing table (at most half full), so
 * that streaming b looks each word up in a probe or two instead of a
 * binary search. */
static int build_slots(sl_order_scratch *o)
{
    size_t n = 16;
    while (n < 2 * o->terms.n)
        n *= 2;
    o->slots.n = 0;
    if (sl_vec_reserve(&o->slots, n))
        return SL_ENOMEM;
    o->slots.n = n;
    memset(o->slots.items, 0, n * sizeof *o->slots.items);
    for (size_t t = 0; t < o->terms.n; t++) {
        size_t k = slot_of(o, o->terms.items[t].term);
        while (o->slots.items[k])
            k = (k + 1) & (n - 1);
        o->slots.items[k] = (uint32_t)t + 1;
    }
    return 0;
}

/* Index of `term` among the prepared sequence's distinct terms, or
 * o->terms.n when it has none. */
static size_t term_of(const sl_order_scratch *o, uint32_t term)
{
    if (!o->slots.n)   /* nothing prepared yet */
        return o->terms.n;
    for (size_t k = slot_of(o, term);; k = (k + 1) & (o->slots.n - 1)) {
        uint32_t t = o->slots.items[k];
        if (!t)
            return o->terms.n;
        if (o->terms.items[t - 1].term == term)
            return t - 1;
    }
}

static const uint64_t *mask_of(const sl_order_scratch *o, uint32_t term)
{
    size_t t = term_of(o, term);
    return t < o->terms.n ? o->masks.items + o->terms.items[t].at : NULL;
}

/* V = (V + U) | (V - U) with U = V & M, over `words` words with carries. */
static void step(uint64_t *v, const uint64_t *m, size_t words)
{
    unsigned carry = 0, borrow = 0;
    for (size_t w = 0; w < words; w++) {
        uint64_t u = v[w] & m[w];
        uint64_t sum = v[w] + u + carry;
        carry = sum < v[w] || (carry && sum == v[w]);
        uint64_t diff = v[w] - u - borrow;
        borrow = v[w] < u || (borrow && v[w] == u);
        v[w] = sum | diff;
    }
}

int sl_order_prepare(sl_order_scratch *o, const uint32_t *a, size_t na)
{
    o->sequence.n = 0;
    if (sl_vec_reserve(&o->sequence, na))
        return SL_ENOMEM;
    for (size_t k = 0; k < na && o->sequence.n < SL_ORDER_TERMS; k++)
        if (!(a[k] & (SL_TERM_QUOTED | SL_TERM_STOP)))
            o->sequence.items[o->sequence.n++] = a[k];
    o->n = o->sequence.n;
    o->words = (o->n + 63) / 64;
    return build_masks(o, o->sequence.items, o->n, o->words) || build_slots(o) ? SL_ENOMEM : 0;
}

/* The masks are of a (bits: a's positions); b is streamed through them. */
int sl_order_measure(sl_order_scratch *o, const uint32_t *b, size_t nb, double *out)
{
    *out = 0;
    size_t words = o->words;
    if (!o->n || !nb)
        return 0;
    o->row.n = 0;
    if (sl_vec_reserve(&o->row, words))
        return SL_ENOMEM;
    uint64_t *v = o->row.items;
    for (size_t w = 0; w < words; w++)
        v[w] = ~0ull;
    size_t unquoted = 0;
    for (size_t k = 0; k < nb && unquoted < SL_ORDER_TERMS; k++) {
        if (b[k] & (SL_TERM_QUOTED | SL_TERM_STOP))
            continue;
        unquoted++;
        const uint64_t *m = mask_of(o, SL_TERM_ID(b[k]));
        if (m)
            step(v, m, words);
    }
    if (!unquoted)
        return 0;
    size_t zeros = 0;   /* the LCS length: zero bits among the first n */
    for (size_t w = 0; w < words; w++) {
        uint64_t live = w + 1 < words || o->n % 64 == 0 ? ~0ull : (1ull << (o->n % 64)) - 1;
        zeros += (size_t)__builtin_popcountll(~v[w] & live);
    }
    *out = (double)zeros / (double)(o->n < unquoted ? o->n : unquoted);
    return 0;
}

double sl_corr_value(const sl_corr *c)
{
    double vx = c->n * c->sxx - c->sx * c->sx, vy = c->n * c->syy - c->sy * c->sy;
    return c->n >= 3 && vx > 0 && vy > 0 ? (c->n * c->sxy - c->sx * c->sy) / sqrt(vx * vy) : 0;
}

int sl_order_spread(sl_order_scratch *o, const uint32_t *b, size_t nb, double *out)
{
    *out = 0;
    o->seen.n = 0;
    if (sl_vec_reserve(&o->seen, o->terms.n + 1))
        return SL_ENOMEM;
    memset(o->seen.items, 0, o->terms.n + 1);
    sl_corr corr = {0};
    double y = 0;
    for (size_t k = 0; k < nb && y < SL_ORDER_TERMS; k++) {
        if (b[k] & (SL_TERM_QUOTED | SL_TERM_STOP))
            continue;
        size_t t = term_of(o, SL_TERM_ID(b[k]));
        if (t < o->terms.n && !o->seen.items[t]) {
            o->seen.items[t] = 1;
            sl_corr_add(&corr, o->terms.items[t].first, y);
        }
        y++;
    }
    *out = sl_corr_value(&corr);
    return 0;
}
