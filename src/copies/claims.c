/* claims.c — the same claims in the same order (issue 19): a rewrite retells
 * the original's claims sentence by sentence, each with its names and
 * figures, in the original's order; another outlet's report of the event
 * picks other facts and tells them in its own order. Measured over the
 * sentences of the text with fewer of them: the share whose anchors (names
 * and figures not common in either text) reappear in one sentence of the
 * other or two adjacent ones, and the longest chain of such matches in
 * order. The rewrite decision (decide.c) weighs both. */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"

/* A sentence's claim needs this many anchors to be weighed at all, and a
 * match this many of them (and half of its anchors): one shared name says
 * who, not what. */
#define CLAIM_ANCHORS 2
/* An anchor in more than this share of a text's sentences (and more than
 * COMMON_MIN) is the story's subject, not one claim's: left out. */
#define COMMON_SHARE 5
#define COMMON_MIN 2

static bool is_anchor(uint32_t code)
{
    return (code & (SL_TERM_SPECIFIC | SL_TERM_NUMBER)) != 0;
}

/* A text's anchors as term << 32 | sentence, sorted. */
static int collect(const sl_sentence_sets *s, void *vec)
{
    SL_VEC(uint64_t) *v = vec;
    v->n = 0;
    if (sl_vec_reserve(v, s->content.n + 1))
        return SL_ENOMEM;
    uint32_t n = sl_sentence_sets_n(s);
    for (uint32_t k = 0; k < n; k++)
        for (uint32_t t = s->content_starts.items[k]; t < s->content_starts.items[k + 1]; t++)
            if (is_anchor(s->content.items[t]))
                v->items[v->n++] = (uint64_t)SL_TERM_ID(s->content.items[t]) << 32 | k;
    sl_sort_u64(v->items, v->n);
    return 0;
}

static size_t common_bound(const sl_sentence_sets *s)
{
    size_t n = sl_sentence_sets_n(s) / COMMON_SHARE;
    return n > COMMON_MIN ? n : COMMON_MIN;
}

/* End of the run of entries of one term starting at `k`. */
static size_t run_end(const uint64_t *e, size_t n, size_t k)
{
    size_t end = k;
    while (end < n && e[end] >> 32 == e[k] >> 32)
        end++;
    return end;
}

/* Counts each sentence of `f`'s anchors into c->anchors, and files every
 * (sentence of f, sentence of o) pair sharing one in c->shared, sorted. */
static int pair_anchors(sl_claims *c, const sl_sentence_sets *f, const sl_sentence_sets *o)
{
    size_t cap_f = common_bound(f), cap_o = common_bound(o);
    const uint64_t *x = c->entries_f.items, *y = c->entries_o.items;
    size_t i = 0, j = 0, nx = c->entries_f.n, ny = c->entries_o.n;
    c->shared.n = 0;
    while (i < nx) {
        size_t end_x = run_end(x, nx, i);
        while (j < ny && y[j] >> 32 < x[i] >> 32)
            j++;
        size_t end_y = j < ny && y[j] >> 32 == x[i] >> 32 ? run_end(y, ny, j) : j;
        if (end_x - i <= cap_f && end_y - j <= cap_o) {
            if (sl_vec_reserve(&c->shared, (end_x - i) * (end_y - j)))
                return SL_ENOMEM;
            for (size_t p = i; p < end_x; p++) {
                c->anchors.items[(uint32_t)x[p]]++;
                for (size_t q = j; q < end_y; q++)
                    c->shared.items[c->shared.n++] = (x[p] & UINT32_MAX) << 32 | (y[q] & UINT32_MAX);
            }
        }
        i = end_x;
        j = end_y;
    }
    sl_sort_u64(c->shared.items, c->shared.n);
    return 0;
}

/* Walks the sorted pairs of sentence f_k (from `*at`): the other text's
 * sentence, or two adjacent ones, holding most of its anchors; returns
 * that place, or -1 when too few anchors are held there. */
static int64_t best_match(const sl_claims *c, size_t *at, uint32_t anchors)
{
    const uint64_t *p = c->shared.items;
    size_t k = *at, n = c->shared.n;
    uint32_t sentence = (uint32_t)(p[k] >> 32), best = 0, prev_count = 0;
    int64_t place = -1, prev = -2;
    while (k < n && (uint32_t)(p[k] >> 32) == sentence) {
        uint64_t pair = p[k];
        uint32_t o = (uint32_t)pair, count = 0;
        for (; k < n && p[k] == pair; k++)
            count++;
        /* a window of two: o - 1 and o (an anchor in both counts twice,
         * the sum capped at the sentence's anchors) */
        uint32_t window = prev == (int64_t)o - 1 ? count + prev_count : count;
        window = window < anchors ? window : anchors;
        if (window > best) {
            best = window;
            place = prev == (int64_t)o - 1 ? prev : o;
        }
        prev = o;
        prev_count = count;
    }
    *at = k;
    return best >= CLAIM_ANCHORS && 2 * best >= anchors ? place : -1;
}

/* Length of the longest non-decreasing run of c->places (patience sort). */
static size_t longest_chain(sl_claims *c)
{
    size_t len = 0;
    uint32_t *tail = c->tails.items;
    for (size_t k = 0; k < c->places.n; k++) {
        uint32_t v = c->places.items[k];
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (tail[mid] <= v)
                lo = mid + 1;
            else
                hi = mid;
        }
        tail[lo] = v;
        len += lo == len;
    }
    return len;
}

int sl_claims_measure(sl_claims *c, const sl_sentence_sets *a, const sl_sentence_sets *b,
                      double *kept, double *in_order)
{
    *kept = *in_order = 0;
    bool a_fewer = sl_sentence_sets_n(a) <= sl_sentence_sets_n(b);
    const sl_sentence_sets *f = a_fewer ? a : b, *o = a_fewer ? b : a;
    uint32_t nf = sl_sentence_sets_n(f);
    c->anchors.n = c->places.n = 0;
    if (!nf)
        return 0;
    if (collect(f, &c->entries_f) || collect(o, &c->entries_o) || sl_vec_reserve(&c->anchors, nf) ||
        sl_vec_reserve(&c->places, nf) || sl_vec_reserve(&c->tails, nf))
        return SL_ENOMEM;
    memset(c->anchors.items, 0, nf * sizeof *c->anchors.items);
    c->anchors.n = nf;
    if (pair_anchors(c, f, o))
        return SL_ENOMEM;
    size_t claims = 0, matched = 0;
    for (uint32_t k = 0; k < nf; k++)
        claims += c->anchors.items[k] >= CLAIM_ANCHORS;
    for (size_t at = 0; at < c->shared.n;) {
        uint32_t k = (uint32_t)(c->shared.items[at] >> 32);
        int64_t place = best_match(c, &at, c->anchors.items[k]);
        if (c->anchors.items[k] >= CLAIM_ANCHORS && place >= 0) {
            matched++;
            c->places.items[c->places.n++] = (uint32_t)place;
        }
    }
    if (claims) {
        *kept = (double)matched / (double)claims;
        *in_order = (double)longest_chain(c) / (double)claims;
    }
    return 0;
}

void sl_claims_free(sl_claims *c)
{
    if (!c)
        return;
    sl_vec_free(&c->entries_f);
    sl_vec_free(&c->entries_o);
    sl_vec_free(&c->shared);
    sl_vec_free(&c->anchors);
    sl_vec_free(&c->places);
    sl_vec_free(&c->tails);
}
