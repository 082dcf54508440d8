/* headline.c — whether two articles' headlines name one news item. An
 * outlet that re-issues its item (corrected, updated, another desk's
 * version) keeps its headline or most of it; its other items of the day
 * carry their own, and a template filled in for another party changes the
 * figures it heads with. Read by the copies stage for one outlet's items of
 * one day (src/engine/copy_check.c, docs/copies.md "An outlet's own items
 * of one day"). */
#include "copies/copies.h"

/* Chosen on the Reuters-21578 rewrite relations of the tuning samples
 * (seeds 21578 and 4242, eval/reuters_rewrite_checks.tsv; a prototype of
 * the measure, 0.5 to 0.8): of the checked same-day pairs whose headlines
 * keep 0.7 of the shorter's terms, figures agreeing, 22 are one item and
 * 1 is not (two rate tables under one headline); at 0.6, 33 and 8. A
 * headline of fewer than HEADLINE_TERMS terms says too little to tell
 * (set, not fitted). docs/copies.md "The two leads, and the headline". */
#define HEADLINE_KEPT 0.7
#define HEADLINE_TERMS 3

/* Whether the two headlines share a figure, or one has none. */
static bool figures_shared(const sl_analysis *a, const sl_analysis *b)
{
    bool a_has = false, b_has = false;
    for (size_t i = 0; i < a->tokens.n; i++) {
        if (!(a->tokens.items[i].flags & SL_TOK_NUMBER))
            continue;
        a_has = true;
        for (size_t j = 0; j < b->tokens.n; j++) {
            if (!(b->tokens.items[j].flags & SL_TOK_NUMBER))
                continue;
            b_has = true;
            if (a->token_terms.items[i] == b->token_terms.items[j])
                return true;
        }
    }
    return !a_has || !b_has;
}

bool sl_copy_headlines_agree(const sl_analysis *a, const sl_analysis *b)
{
    size_t na = a->terms.n, nb = b->terms.n, fewer = na < nb ? na : nb;
    if (fewer < HEADLINE_TERMS)
        return false;
    size_t shared = 0, i = 0, j = 0;
    while (i < na && j < nb) {
        uint64_t u = a->terms.items[i].id, w = b->terms.items[j].id;
        shared += u == w;
        i += u <= w;
        j += w <= u;
    }
    return (double)shared >= HEADLINE_KEPT * (double)fewer && figures_shared(a, b);
}
