/* similarity.c — how alike two sentences are: the score that decides whether
 * two sentences say the same thing in other words (MSRP measures it) and
 * that the article alignment adds up. A logistic model over a few overlap
 * features of the sentences' content terms; its weights were fitted on the
 * MSRP training pairs by eval/fit_similarity.py (docs/copies.md). */
#include <math.h>
#include <stdlib.h>

#include "copies/copies.h"

/* Specific terms (numbers, names) weigh more: a rewrite keeps them, and two
 * sentences with different figures or names do not say the same thing. */
#define WEIGHT_PLAIN 1.0
#define WEIGHT_SPECIFIC 2.0

static int compare_terms(const void *x, const void *y)
{
    uint32_t a = SL_TERM_ID(*(const uint32_t *)x), b = SL_TERM_ID(*(const uint32_t *)y);
    return a < b ? -1 : a > b;
}

size_t sl_terms_distinct(uint32_t *codes, size_t n)
{
    if (!n)
        return 0;
    if (n > 32) {
        qsort(codes, n, sizeof *codes, compare_terms);
    } else {   /* a sentence's few terms: insertion sort beats qsort's calls */
        for (size_t k = 1; k < n; k++) {
            uint32_t v = codes[k];
            size_t j = k;
            for (; j > 0 && SL_TERM_ID(codes[j - 1]) > SL_TERM_ID(v); j--)
                codes[j] = codes[j - 1];
            codes[j] = v;
        }
    }
    size_t out = 0;
    for (size_t k = 1; k < n; k++) {
        if (SL_TERM_ID(codes[k]) == SL_TERM_ID(codes[out]))
            codes[out] |= codes[k];
        else
            codes[++out] = codes[k];
    }
    return out + 1;
}

static double weight(uint32_t code)
{
    return (code & SL_TERM_SPECIFIC) ? WEIGHT_SPECIFIC : WEIGHT_PLAIN;
}

/* What two sentences share, as totals over their weighted term sets. */
typedef struct overlap {
    double wa, wb, shared;              /* weights of a, b and of the common terms */
    double specific_a, specific_b;      /* specific terms found on one side only */
    double specific;                    /* specific terms in all */
} overlap;

static overlap measure(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    overlap o = {0};
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        uint32_t x = i < na ? SL_TERM_ID(a[i]) : UINT32_MAX;
        uint32_t y = j < nb ? SL_TERM_ID(b[j]) : UINT32_MAX;
        if (i < na && j < nb && x == y) {
            double w = weight(a[i] | b[j]);
            o.wa += w;
            o.wb += w;
            o.shared += w;
            o.specific += ((a[i] | b[j]) & SL_TERM_SPECIFIC) != 0;
            i++, j++;
        } else if (j >= nb || (i < na && x < y)) {
            o.wa += weight(a[i]);
            o.specific_a += (a[i] & SL_TERM_SPECIFIC) != 0;
            i++;
        } else {
            o.wb += weight(b[j]);
            o.specific_b += (b[j] & SL_TERM_SPECIFIC) != 0;
            j++;
        }
    }
    o.specific += o.specific_a + o.specific_b;
    return o;
}

/* Longest common subsequence of two sequences of at most 64 terms, one
 * 64-bit word wide (the bit-parallel method of order.c). */
static size_t sequence_overlap(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (nb > 64)
        nb = 64;
    uint64_t v = ~0ull;
    for (size_t i = 0; i < na; i++) {
        uint64_t m = 0;
        for (size_t j = 0; j < nb; j++)
            if (SL_TERM_ID(a[i]) == SL_TERM_ID(b[j]))
                m |= 1ull << j;
        uint64_t u = v & m;
        v = (v + u) | (v - u);
    }
    uint64_t live = nb == 64 ? ~0ull : (1ull << nb) - 1;
    return (size_t)__builtin_popcountll(~v & live);
}

void sl_sentence_features(const sl_sentence_view *a, const sl_sentence_view *b,
                          double f[SL_SIMILARITY_FEATURES])
{
    overlap o = measure(a->set, a->n_set, b->set, b->n_set);
    double small = o.wa < o.wb ? o.wa : o.wb, large = o.wa < o.wb ? o.wb : o.wa;
    size_t shorter = a->n_seq < b->n_seq ? a->n_seq : b->n_seq;
    f[0] = o.wa + o.wb > 0 ? 2 * o.shared / (o.wa + o.wb) : 0;          /* Dice */
    f[1] = large > 0 ? o.shared / large : 0;                            /* containment of the longer */
    f[2] = small > 0 ? o.shared / small : 0;                            /* containment of the shorter */
    f[3] = shorter ? (double)sequence_overlap(a->seq, a->n_seq, b->seq, b->n_seq) / (double)shorter
                   : 0;                                                  /* in order */
    f[4] = (o.specific_a + o.specific_b) / (o.specific + 1);           /* unmatched names, figures */
    f[5] = fabs(log((o.wa + 1) / (o.wb + 1)));                          /* length difference */
}

/* Fitted by eval/fit_similarity.py on MSRP train (4,076 pairs); the last
 * weight is the intercept. */
static const double model[SL_SIMILARITY_FEATURES + 1] = {
    1.6420, 2.7301, 0.7970, 0.6541, 0.8996, -0.1087, -3.2707,
};

double sl_sentence_similarity(const sl_sentence_view *a, const sl_sentence_view *b)
{
    if (!a->n_set || !b->n_set)
        return 0;
    double f[SL_SIMILARITY_FEATURES];
    sl_sentence_features(a, b, f);
    double z = model[SL_SIMILARITY_FEATURES];
    for (int k = 0; k < SL_SIMILARITY_FEATURES; k++)
        z += model[k] * f[k];
    return 1 / (1 + exp(-z));
}
