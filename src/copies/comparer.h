/* comparer.h — what the files of the comparison share (align.c, comparer.c,
 * leads.c): the comparer's state, reused from one comparison to the next,
 * and the steps one file runs for another. Not seen outside src/copies. */
#ifndef SL_COPIES_COMPARER_H
#define SL_COPIES_COMPARER_H

#include <string.h>

#include "copies/copies.h"
#include "copies/term_lookup.h"

typedef struct scored_pair {
    uint32_t a, b;
    float similarity;
    float weight;
    double best;       /* best chain ending here */
    int32_t previous;  /* index of the pair before it in that chain, -1 */
} scored_pair;

typedef SL_VEC(double) weight_vec;

struct sl_comparer {
    SL_VEC(uint64_t) index;       /* text a's terms and their sentences: term << 32 | sentence, sorted */
    SL_VEC(uint32_t) shared;      /* per sentence of b: terms shared with the current a sentence */
    SL_VEC(uint32_t) touched;
    SL_VEC(scored_pair) pairs;
    SL_VEC(int32_t) fenwick;      /* prefix-max over b sentences: index of the best pair */
    weight_vec weight_a, weight_b;
    weight_vec match_a, match_b;  /* per sentence: its best similarity in the other text */
    SL_VEC(uint32_t) best_a, best_b;   /* ...and which sentence that is */
    sl_sentence_sets sets_a, sets_b;
    sl_order_scratch *order;
    sl_order_scratch *anchor_order;   /* the same over names and figures only */
    sl_sentence_masks *masks_b;       /* the word masks of the b sentence being paired */
    SL_VEC(uint32_t) anchors;         /* a text's names and figures, in text order */
    const sl_sketch *a;           /* the text compared with others (sl_comparer_set_a) */
    bool order_ready, align_ready;    /* a's order masks, a's sentence sets and index built */
    SL_VEC(uint32_t) terms_a, terms_b;   /* each text's distinct content terms, sorted */
    sl_terms_memo *terms_memo;           /* those of texts compared before (terms_memo.c) */
    sl_runs runs_a, runs_b;              /* each text's three-word runs (literal.c) */
    bool runs_a_ready;                   /* runs_a is a's (read when first needed) */
    sl_anchor_counts anchors_a;             /* the names and figures among terms_a */
    SL_VEC(uint32_t) anchor_terms_a;     /* ...and those terms, sorted (sl_comparer_anchors_a) */
    SL_VEC(uint32_t) anchor_terms_b;     /* terms_b's names and figures, sorted (anchors_measure) */
    uint64_t term_bits_a[SL_TERM_BITS / 64]; /* terms_a's filter: a bit for each one's sl_term_bit */
    bool term_bits_ready;                /* term_bits_a is a's (built when first asked: when b
                                          * has fewer names or figures than a) */
    double total_a;
    double best_similarity;       /* of any pair scored */
    uint32_t best_pair_a, best_pair_b;   /* that pair's sentences */
    bool thorough;                /* align even texts that cannot be copies */
    bool kind_and_score_only;     /* sl_comparer_reads_kind_and_score */
    bool without_memo;            /* terms_memo not read nor kept (sl_comparer_without_memo) */
};

/* A text's distinct content terms over all its sentences, sorted, into
 * vec (a SL_VEC(uint32_t)), from `memo` when it has them (comparer.c). */
int sl_comparer_collect_terms(sl_terms_memo *memo, const sl_sketch *s, void *vec);

/* The comparer's memo of terms, NULL when it keeps none. */
static inline sl_terms_memo *sl_comparer_memo(const sl_comparer *c)
{
    return c->without_memo ? NULL : c->terms_memo;
}

/* `n` distinct terms given by the caller into vec, as
 * sl_comparer_collect_terms would have made them. */
int sl_comparer_copy_terms(const uint32_t *terms, size_t n, void *vec);

/* terms_a's filter, built at the first call for a text; inline, as it was
 * in the one file (sl_comparer_may_copy and anchors_measure ask it). */
static inline const uint64_t *sl_comparer_term_bits_a(sl_comparer *c)
{
    if (!c->term_bits_ready) {
        memset(c->term_bits_a, 0, sizeof c->term_bits_a);
        for (size_t k = 0; k < c->terms_a.n; k++) {
            uint32_t code = c->terms_a.items[k];
            c->term_bits_a[sl_term_bit(code) / 64] |= UINT64_C(1) << (sl_term_bit(code) % 64);
        }
        c->term_bits_ready = true;
    }
    return c->term_bits_a;
}

/* Who and what the two items are about, from their leads (leads.c); read
 * after the pairs are scored. */
void sl_comparer_measure_leads(const sl_comparer *c, sl_comparison *out);

#endif
