/* degree.c — the degree of copying a compared pair shows: the score of
 * every copy relation, of dedup's tags and of `storyline compare`. The
 * rewrite decision (decide.c) says whether a pair is a copy; this says how
 * much of it is copied, graded for copies and non-copies alike, so that
 * more evidence never lowers it: the probability that the pair is a copy
 * at all, from a logistic model over measures of the pair whose weights
 * are all positive, times the wording kept (the share of the shorter
 * text's words the other has in order, and of its three-word runs it has
 * as they are, averaged: a cut-and-paste copy keeps both, a heavy rewrite
 * the first). */
#include <math.h>

#include "copies/copies.h"

/* Fitted by `python3 eval/fit_copy_degree.py` on the pairs of
 * eval/fit_copies.py (LLM rewrites against same-event and same-topic
 * reports and wrong originals), the feature set chosen by its held-out
 * ROC AUC, one generator or dataset left out at a time; the
 * Clough-Stevenson answers, which the degree is reported on, play no part
 * (docs/copies.md, "The degree of copying"). Paste what it prints here. */
/* features: order, terms, aligned_min, names, figures, anchor_order */
static const int degree_features[] = {0, 1, 10, 5, 6, 13};
static const double degree_weights[] = {4.3345, 1.5139, 3.0576, 5.9331, 1.8337, 2.9405};
static const double degree_base = -12.3083;

double sl_copy_degree(const sl_comparison *cmp)
{
    double f[SL_COPY_FEATURES];
    sl_copy_features(cmp, f);
    double z = degree_base;
    for (size_t k = 0; k < sizeof degree_features / sizeof *degree_features; k++)
        z += degree_weights[k] * f[degree_features[k]];
    double copy = 1 / (1 + exp(-z));
    return copy * (cmp->order_overlap + cmp->literal_share) / 2;
}
