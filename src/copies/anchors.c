/* anchors.c — the names and figures two texts share: a copy keeps the
 * names and figures of what it copies, two filled-in templates share
 * wording, not figures. Counts and shares from the texts' distinct terms
 * (align.c's comparer reads them). */
#include "copies/copies.h"

/* The names and figures among terms[0, n). */
sl_anchor_counts sl_anchors_count(const uint32_t *terms, size_t n)
{
    sl_anchor_counts counts = {0, 0};
    for (size_t i = 0; i < n; i++) {
        counts.names += sl_term_is_name(terms[i]);
        counts.figures += sl_term_is_figure(terms[i]);
    }
    return counts;
}

/* sl_anchors_count of a text's names and figures alone (as
 * sl_comparer_anchors_a gives them): the figures counted, the others are
 * names (half the tests for each of dedup's candidates: docs/history/benchmarks-rounds.md,
 * "Twenty-seventh round: dedup"). */
sl_anchor_counts sl_anchors_count_list(const uint32_t *anchors, size_t n)
{
    size_t figures = 0;
    for (size_t i = 0; i < n; i++)
        figures += sl_term_is_figure(anchors[i]);
    return (sl_anchor_counts){n - figures, figures};
}

/* `kept` of the text with fewer (of na and nb) over its count; 1 when one
 * text has none (a summary may drop them all). */
static double share_kept(size_t kept, size_t na, size_t nb)
{
    return !na || !nb ? 1.0 : (double)kept / (double)(na <= nb ? na : nb);
}

/* The names and figures kept (of the text with fewer of them, those the
 * other text has at all) as the comparison reports them: specific_overlap,
 * number_overlap (the share of the text with fewer; 1 when one has none)
 * and numbers_fewer. */
void sl_anchors_shares(size_t names, size_t figures, sl_anchor_counts counts_a, sl_anchor_counts counts_b,
                       sl_comparison *out)
{
    out->specific_overlap = share_kept(names, counts_a.names, counts_b.names);
    out->number_overlap = share_kept(figures, counts_a.figures, counts_b.figures);
    out->numbers_fewer = counts_a.figures < counts_b.figures ? counts_a.figures : counts_b.figures;
}
