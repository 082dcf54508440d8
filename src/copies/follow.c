/* follow.c — a restyled rewrite followed sentence by sentence (issue 19):
 * a monotone chain over the aligned sentence pairs that, beside align.c's
 * one-to-one steps, lets one sentence be split in two (1:2), two merged
 * in one (2:1) and two neighbours swapped; and what the chain shows of
 * the pair: its coverage, the sentences it keeps, the names and figures
 * its sentences meet in their partners. Measures for the decision only. */
#include <stdlib.h>

#include "copies/copies.h"
#include "util/alloc.h"

/* A pair at or above this says the same thing in other words (align.c). */
#define ALIGNED 0.3

typedef SL_VEC(double) double_vec;
typedef SL_VEC(uint32_t) u32_vec;

typedef struct node {
    double best;        /* heaviest chain ending at this pair */
    int32_t previous;   /* the pair before it there, -1 */
} node;

struct sl_follow {
    SL_VEC(node) nodes;
    SL_VEC(int32_t) fenwick;    /* prefix max over b sentences of best chains */
    double_vec cover_a, cover_b;   /* per sentence: its best pair in the chain */
    SL_VEC(sl_sentence_view) partners;   /* a sentence's partners in the chain */
    SL_VEC(uint32_t) met;                /* per sentence of the shorter text: anchors met */
    u32_vec content, words, bigrams;     /* two neighbour sentences as one */
    double_vec window;                   /* per sentence of the shorter text: best window */
};

sl_follow *sl_follow_new(void)
{
    return sl_calloc(1, sizeof(sl_follow));
}

void sl_follow_free(sl_follow *f)
{
    if (!f)
        return;
    sl_vec_free(&f->nodes);
    sl_vec_free(&f->fenwick);
    sl_vec_free(&f->cover_a);
    sl_vec_free(&f->cover_b);
    sl_vec_free(&f->partners);
    sl_vec_free(&f->met);
    sl_vec_free(&f->content);
    sl_vec_free(&f->words);
    sl_vec_free(&f->bigrams);
    sl_vec_free(&f->window);
    free(f);
}

/* The pair (a, b) among pairs sorted by (a, b), -1 when absent. */
static int32_t find_pair(const sl_aligned_pair *p, size_t n, uint32_t a, uint32_t b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].a < a || (p[mid].a == a && p[mid].b < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && p[lo].a == a && p[lo].b == b ? (int32_t)lo : -1;
}

static int32_t best_before(const sl_follow *f, uint32_t j)
{
    int32_t best = -1;
    for (uint32_t x = j; x > 0; x -= x & -x) {
        int32_t q = f->fenwick.items[x - 1];
        if (q >= 0 && (best < 0 || f->nodes.items[q].best > f->nodes.items[best].best))
            best = q;
    }
    return best;
}

static void record_best(sl_follow *f, uint32_t j, int32_t p, uint32_t nb)
{
    for (uint32_t x = j + 1; x <= nb; x += x & -x) {
        int32_t q = f->fenwick.items[x - 1];
        if (q < 0 || f->nodes.items[p].best > f->nodes.items[q].best)
            f->fenwick.items[x - 1] = p;
    }
}

/* Takes predecessor q for pair p when the chain through it, plus `gain`,
 * is heavier than p's best so far. */
static void consider(sl_follow *f, size_t p, int32_t q, double gain)
{
    node *n = &f->nodes.items[p];
    if (q >= 0 && f->nodes.items[q].best + gain > n->best) {
        n->best = f->nodes.items[q].best + gain;
        n->previous = q;
    }
}

/* The heaviest chain: one-to-one steps forward in both texts (the Fenwick
 * prefix, as align.c's chain), a split (same a, next b), a merge (next a,
 * same b) or a swap of neighbours (next a, previous b). A split or merge
 * weighs only the sentence it adds. Returns the chain's last pair. */
static int32_t heaviest(sl_follow *f, const sl_aligned_pair *p, size_t n, const double *wa,
                        const double *wb, uint32_t nb)
{
    f->fenwick.n = 0;
    if (sl_vec_reserve(&f->nodes, n) || sl_vec_reserve(&f->fenwick, nb))
        return -2;
    f->nodes.n = n;
    for (uint32_t k = 0; k < nb; k++)
        f->fenwick.items[f->fenwick.n++] = -1;
    int32_t end = -1;
    for (size_t s = 0; s < n;) {
        size_t e = s;
        for (; e < n && p[e].a == p[s].a; e++) {
            double sim = p[e].similarity, full = sim * (wa[p[e].a] + wb[p[e].b]) / 2;
            f->nodes.items[e] = (node){full, -1};
            consider(f, e, best_before(f, p[e].b), full);
            if (p[e].b > 0)
                consider(f, e, find_pair(p, n, p[e].a, p[e].b - 1), sim * wb[p[e].b] / 2);
            if (p[e].a > 0) {
                consider(f, e, find_pair(p, n, p[e].a - 1, p[e].b), sim * wa[p[e].a] / 2);
                consider(f, e, find_pair(p, n, p[e].a - 1, p[e].b + 1), full);
            }
        }
        for (size_t r = s; r < e; r++) {
            record_best(f, p[r].b, (int32_t)r, nb);
            if (end < 0 || f->nodes.items[r].best > f->nodes.items[end].best)
                end = (int32_t)r;
        }
        s = e;
    }
    return end;
}

static int zeroed(double_vec *v, size_t n)
{
    v->n = 0;
    if (sl_vec_reserve(v, n))
        return SL_ENOMEM;
    for (size_t k = 0; k < n; k++)
        v->items[v->n++] = 0;
    return 0;
}

static double covered(const double *cover, const double *w, size_t n, double total)
{
    double sum = 0;
    for (size_t k = 0; k < n; k++)
        sum += cover[k] * w[k];
    return total > 0 ? sum / total : 0;
}

static bool has_term(const sl_sentence_view *w, uint32_t code)
{
    size_t lo = 0, hi = w->n_content;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (SL_TERM_ID(w->content[mid]) < SL_TERM_ID(code))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->n_content && SL_TERM_ID(w->content[lo]) == SL_TERM_ID(code);
}

/* The names and figures of sentence `v` (into *total) and those of them
 * that one of its n partners `w` has. */
static size_t anchors_met(const sl_sentence_view *v, const sl_sentence_view *w, size_t n, size_t *total)
{
    size_t met = 0;
    for (size_t k = 0; k < v->n_content; k++) {
        uint32_t code = v->content[k];
        if (!(code & (SL_TERM_SPECIFIC | SL_TERM_NUMBER)))
            continue;
        ++*total;
        bool found = false;
        for (size_t j = 0; j < n && !found; j++)
            found = has_term(&w[j], code);
        met += found;
    }
    return met;
}

/* Of the shorter text's (fewer sentences) names and figures, the share
 * that its sentences' chain partners have (a split sentence's halves
 * together: the chain holds a sentence's pairs one after another, and
 * after a swap it may meet one again: its better run counts); 1 when it
 * has none. */
static int anchors_share(sl_follow *f, const sl_aligned_pair *p, int32_t end, const sl_follow_texts *t,
                         bool short_is_a, double *out)
{
    const sl_sentence_sets *short_sets = short_is_a ? t->a : t->b, *long_sets = short_is_a ? t->b : t->a;
    uint32_t n = sl_sentence_sets_n(short_sets);
    f->met.n = 0;
    if (sl_vec_reserve(&f->met, n))
        return SL_ENOMEM;
    for (uint32_t k = 0; k < n; k++)
        f->met.items[f->met.n++] = 0;
    for (int32_t q = end; q >= 0;) {
        uint32_t k = short_is_a ? p[q].a : p[q].b;
        f->partners.n = 0;
        for (; q >= 0 && (short_is_a ? p[q].a : p[q].b) == k; q = f->nodes.items[q].previous)
            if (sl_vec_push(&f->partners, sl_sentence_sets_view(long_sets, short_is_a ? p[q].b : p[q].a)))
                return SL_ENOMEM;
        sl_sentence_view v = sl_sentence_sets_view(short_sets, k);
        size_t unused = 0, m = anchors_met(&v, f->partners.items, f->partners.n, &unused);
        if (m > f->met.items[k])
            f->met.items[k] = (uint32_t)m;
    }
    size_t met = 0, total = 0;
    for (uint32_t k = 0; k < n; k++) {
        sl_sentence_view v = sl_sentence_sets_view(short_sets, k);
        anchors_met(&v, NULL, 0, &total);
        met += f->met.items[k];
    }
    *out = total ? (double)met / (double)total : 1;
    return 0;
}

/* Two sorted lists of codes as one, a term once (its flags merged). */
static int merge_codes(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny, u32_vec *out)
{
    out->n = 0;
    if (sl_vec_reserve(out, nx + ny + 1))
        return SL_ENOMEM;
    size_t i = 0, j = 0;
    while (i < nx || j < ny) {
        uint32_t u = i < nx ? SL_TERM_ID(x[i]) : UINT32_MAX, w = j < ny ? SL_TERM_ID(y[j]) : UINT32_MAX;
        uint32_t code = u <= w ? x[i] : y[j];
        if (u == w)
            code |= y[j];
        i += u <= w;
        j += w <= u;
        if (out->n && SL_TERM_ID(out->items[out->n - 1]) == SL_TERM_ID(code))
            out->items[out->n - 1] |= code;
        else
            out->items[out->n++] = code;
    }
    return 0;
}

/* Sentences k and k + 1 of `s` as one sentence (the word pair across them
 * left out). */
static int merged_view(sl_follow *f, const sl_sentence_sets *s, uint32_t k, sl_sentence_view *out)
{
    sl_sentence_view x = sl_sentence_sets_view(s, k), y = sl_sentence_sets_view(s, k + 1);
    if (merge_codes(x.content, x.n_content, y.content, y.n_content, &f->content) ||
        merge_codes(x.words, x.n_words, y.words, y.n_words, &f->words) ||
        merge_codes(x.bigrams, x.n_bigrams, y.bigrams, y.n_bigrams, &f->bigrams))
        return SL_ENOMEM;
    uint32_t specific = 0, numbers = 0;
    for (size_t t = 0; t < f->content.n; t++) {
        specific += (f->content.items[t] & SL_TERM_SPECIFIC) != 0;
        numbers += (f->content.items[t] & SL_TERM_NUMBER) != 0;
    }
    *out = (sl_sentence_view){f->content.items, f->words.items, f->bigrams.items, x.seq,
                              f->content.n, f->words.n, f->bigrams.n, x.n_seq + y.n_seq, specific, numbers};
    return 0;
}

/* The shorter text's share (weighted) that its sentences' best match in
 * the other covers, a match being one sentence or two neighbours read as
 * one (a sentence merged from two, or split in two), tried around every
 * pair worth aligning. */
static int window_match(sl_follow *f, const sl_aligned_pair *p, size_t n, const sl_follow_texts *t,
                        bool short_is_a, double *out)
{
    const sl_sentence_sets *short_sets = short_is_a ? t->a : t->b, *long_sets = short_is_a ? t->b : t->a;
    uint32_t n_short = sl_sentence_sets_n(short_sets), n_long = sl_sentence_sets_n(long_sets);
    if (zeroed(&f->window, n_short))
        return SL_ENOMEM;
    for (size_t q = 0; q < n; q++) {
        uint32_t k = short_is_a ? p[q].a : p[q].b, j = short_is_a ? p[q].b : p[q].a;
        double *best = &f->window.items[k];
        if (p[q].similarity > *best)
            *best = p[q].similarity;
        sl_sentence_view v = sl_sentence_sets_view(short_sets, k), w;
        for (uint32_t from = j ? j - 1 : 0; from <= j && from + 1 < n_long; from++) {
            if (merged_view(f, long_sets, from, &w))
                return SL_ENOMEM;
            double sim = sl_sentence_similarity(&v, &w);
            if (sim > *best)
                *best = sim;
        }
    }
    const double *weight = short_is_a ? t->weight_a : t->weight_b;
    *out = covered(f->window.items, weight, n_short, short_is_a ? t->total_a : t->total_b);
    return 0;
}

int sl_follow_measure(sl_follow *f, const sl_aligned_pair *p, size_t n, const sl_follow_texts *t,
                      sl_comparison *out)
{
    out->follow_cover = out->follow_kept = 0;
    out->follow_anchors = 1;
    out->follow_window = 0;
    uint32_t na = sl_sentence_sets_n(t->a), nb = sl_sentence_sets_n(t->b);
    int32_t end = heaviest(f, p, n, t->weight_a, t->weight_b, nb);
    if (end == -2 || zeroed(&f->cover_a, na) || zeroed(&f->cover_b, nb))
        return SL_ENOMEM;
    for (int32_t q = end; q >= 0; q = f->nodes.items[q].previous) {
        double sim = p[q].similarity;
        if (sim > f->cover_a.items[p[q].a])
            f->cover_a.items[p[q].a] = sim;
        if (sim > f->cover_b.items[p[q].b])
            f->cover_b.items[p[q].b] = sim;
    }
    double ca = covered(f->cover_a.items, t->weight_a, na, t->total_a);
    double cb = covered(f->cover_b.items, t->weight_b, nb, t->total_b);
    out->follow_cover = ca < cb ? ca : cb;
    bool short_is_a = na < nb;
    const double *cover = short_is_a ? f->cover_a.items : f->cover_b.items;
    size_t n_short = short_is_a ? na : nb, kept = 0;
    for (size_t k = 0; k < n_short; k++)
        kept += cover[k] >= ALIGNED;
    out->follow_kept = n_short ? (double)kept / (double)n_short : 0;
    if (window_match(f, p, n, t, short_is_a, &out->follow_window))
        return SL_ENOMEM;
    return anchors_share(f, p, end, t, short_is_a, &out->follow_anchors);
}
