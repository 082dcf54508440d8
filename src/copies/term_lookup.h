/* term_lookup.h — a text's sorted distinct terms asked for one term: a
 * search without branches, a filter of bits that tells most absent terms
 * at once, and the names or figures of one text held by another's terms.
 * Inline: the copy comparer (align.c) asks them for every name and figure
 * of each candidate pair. */
#ifndef SL_COPIES_TERM_LOOKUP_H
#define SL_COPIES_TERM_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "copies/copies.h"

/* The bits of a text's term filter (sl_term_bit): about 150 distinct terms a
 * Reuters text set 4% of them, so a term the text lacks is told without a
 * search 24 times in 25 (sl_comparer_may_copy). */
#define SL_TERM_BITS 4096

/* Whether sorted distinct terms `terms` hold `code`'s term: the range
 * that would hold it halved without a branch on the comparison (the
 * search is asked 77 times a text of dedup: docs/history/benchmarks-rounds.md,
 * "Nineteenth round: dedup"). */
static inline bool sl_terms_hold(const uint32_t *terms, size_t n, uint32_t code)
{
    uint32_t id = SL_TERM_ID(code);
    if (!n)
        return false;
    while (n > 1) {
        size_t half = n / 2;
        terms = SL_TERM_ID(terms[half]) <= id ? terms + half : terms;
        n -= half;
    }
    return SL_TERM_ID(*terms) == id;
}

/* A term's bit in a term filter: bits of its hash above the flags. */
static inline uint32_t sl_term_bit(uint32_t code)
{
    return (code >> 4) & (SL_TERM_BITS - 1);
}

/* Whether the text whose term filter is `bits` may hold `code`'s term
 * (false: it does not; true: sl_terms_hold tells); NULL: no filter. */
static inline bool sl_terms_may_hold(const uint64_t *bits, uint32_t code)
{
    return !bits || (bits[sl_term_bit(code) / 64] >> (sl_term_bit(code) % 64) & 1);
}

/* How many of the names (else the figures) among `anchors` (a text's
 * names and figures) the other text's distinct terms `terms` hold (`bits`
 * their filter, or NULL). Inline (forced): apart, it cost `dedup` what
 * sl_comparer_may_copy's own loop did not (align.c). */
static inline __attribute__((always_inline)) size_t
sl_anchors_held(const uint32_t *anchors, size_t n_anchors, bool names, const uint32_t *terms, size_t n_terms,
                const uint64_t *bits)
{
    size_t held = 0;
    for (size_t k = 0; k < n_anchors; k++)
        held += (names ? sl_term_is_name(anchors[k]) : sl_term_is_figure(anchors[k])) &&
                sl_terms_may_hold(bits, anchors[k]) && sl_terms_hold(terms, n_terms, anchors[k]);
    return held;
}

#endif
