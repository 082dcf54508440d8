/* comparer.c — the comparer of copies.h: its life, and what it reads of
 * each text before any alignment (align.c): the distinct content terms
 * (kept in the terms memo for a candidate of many), the names and figures
 * test a copy must pass first (sl_comparer_may_copy). */
#include <stdlib.h>
#include <string.h>

#include "copies/comparer.h"
#include "util/alloc.h"

sl_comparer *sl_comparer_new(void)
{
    sl_comparer *c = sl_calloc(1, sizeof *c);
    if (c && (!(c->order = sl_order_scratch_new()) || !(c->anchor_order = sl_order_scratch_new()) ||
              !(c->masks_b = sl_sentence_masks_new()) || !(c->terms_memo = sl_terms_memo_new()))) {
        sl_order_scratch_free(c->order);
        sl_order_scratch_free(c->anchor_order);
        sl_sentence_masks_free(c->masks_b);
        free(c);
        return NULL;
    }
    return c;
}

void sl_comparer_thorough(sl_comparer *c)
{
    c->thorough = true;
}

void sl_comparer_reads_kind_and_score(sl_comparer *c)
{
    c->kind_and_score_only = true;
}

void sl_comparer_without_memo(sl_comparer *c)
{
    c->without_memo = true;
}

void sl_comparer_free(sl_comparer *c)
{
    if (!c)
        return;
    sl_vec_free(&c->index);
    sl_vec_free(&c->shared);
    sl_vec_free(&c->touched);
    sl_vec_free(&c->pairs);
    sl_vec_free(&c->fenwick);
    sl_vec_free(&c->weight_a);
    sl_vec_free(&c->weight_b);
    sl_vec_free(&c->match_a);
    sl_vec_free(&c->match_b);
    sl_vec_free(&c->best_a);
    sl_vec_free(&c->best_b);
    sl_sentence_sets_free(&c->sets_a);
    sl_sentence_sets_free(&c->sets_b);
    sl_vec_free(&c->terms_a);
    sl_vec_free(&c->terms_b);
    sl_vec_free(&c->anchor_terms_a);
    sl_vec_free(&c->anchor_terms_b);
    sl_terms_memo_free(c->terms_memo);
    sl_vec_free(&c->runs_a);
    sl_vec_free(&c->runs_b);
    sl_order_scratch_free(c->order);
    sl_order_scratch_free(c->anchor_order);
    sl_sentence_masks_free(c->masks_b);
    sl_vec_free(&c->anchors);
    free(c);
}

void sl_comparison_free(sl_comparison *cmp)
{
    if (cmp)
        sl_vec_free(&cmp->pairs);
}

/* A text's distinct content terms over all its sentences, sorted, a term's
 * flags merged (a name written once with a capital is a name): the
 * sentence sets' content terms merged, read straight from the sketch so
 * that a pair that is not aligned needs no sentence sets; from the memo
 * (NULL: none) when the same codes were collected before (a candidate of
 * many). */
int sl_comparer_collect_terms(sl_terms_memo *memo, const sl_sketch *s, void *vec)
{
    SL_VEC(uint32_t) *v = vec;
    v->n = 0;
    uint32_t n = sl_sketch_sentences(s);
    if (!n)   /* a text of blank lines has no terms and no arrays */
        return 0;
    const uint32_t *t = s->terms.items + s->starts.items[0];
    size_t len = s->starts.items[n] - s->starts.items[0], n_kept = 0;
    uint64_t hash = 0;
    const uint32_t *kept = memo ? sl_terms_memo_find(memo, t, len, &hash, &n_kept) : NULL;
    if (sl_vec_reserve(v, (kept ? n_kept : len) + 1))
        return SL_ENOMEM;
    if (kept) {
        memcpy(v->items, kept, n_kept * sizeof *kept);
        v->n = n_kept;
        return 0;
    }
    for (size_t k = 0; k < len; k++)
        if (!(t[k] & SL_TERM_STOP))
            v->items[v->n++] = t[k];
    v->n = sl_terms_distinct(v->items, v->n);
    if (memo)   /* a memo without room: not kept */
        (void)sl_terms_memo_keep(memo, hash, t, len, v->items, v->n);
    return 0;
}

/* `n` distinct terms given by the caller into vec, as collect_terms
 * would have made them. */
int sl_comparer_copy_terms(const uint32_t *terms, size_t n, void *vec)
{
    SL_VEC(uint32_t) *v = vec;
    v->n = 0;
    if (sl_vec_reserve(v, n + 1))
        return SL_ENOMEM;
    if (n)
        memcpy(v->items, terms, n * sizeof *terms);
    v->n = n;
    return 0;
}

int sl_comparer_set_a(sl_comparer *c, const sl_sketch *a)
{
    c->a = NULL;
    c->order_ready = c->align_ready = c->runs_a_ready = c->term_bits_ready = false;
    if (sl_comparer_collect_terms(sl_comparer_memo(c), a, &c->terms_a))
        return SL_ENOMEM;
    c->anchors_a = sl_anchors_count(c->terms_a.items, c->terms_a.n);
    c->anchor_terms_a.n = 0;
    if (sl_vec_reserve(&c->anchor_terms_a, c->anchors_a.names + c->anchors_a.figures + 1))
        return SL_ENOMEM;
    for (size_t k = 0; k < c->terms_a.n; k++) {
        uint32_t code = c->terms_a.items[k];
        if (sl_term_is_name(code) || sl_term_is_figure(code))
            c->anchor_terms_a.items[c->anchor_terms_a.n++] = code;
    }
    c->a = a;
    return 0;
}

const uint32_t *sl_comparer_terms_a(const sl_comparer *c, size_t *n)
{
    *n = c->terms_a.n;
    return c->terms_a.items;
}

const uint32_t *sl_comparer_anchors_a(const sl_comparer *c, size_t *n)
{
    *n = c->anchor_terms_a.n;
    return c->anchor_terms_a.items;
}

/* Whether the names of the text with fewer of them (`fewer` among
 * `anchors`) that the other's terms hold reach the share a copy keeps
 * (kinds.c): the search stops once more are missing than the share can
 * spare. */
static bool names_may_agree(const uint32_t *anchors, size_t n_anchors, size_t fewer, const uint32_t *terms,
                            size_t n_terms, const uint64_t *bits)
{
    size_t spare = fewer - sl_copy_names_needed(fewer), missing = 0;
    for (size_t k = 0; k < n_anchors; k++)
        if (sl_term_is_name(anchors[k]) &&
            !(sl_terms_may_hold(bits, anchors[k]) && sl_terms_hold(terms, n_terms, anchors[k])) && ++missing > spare)
            return false;
    return true;
}

/* anchors_measure's (align.c) answer from the names and figures of the text with
 * fewer of each, each looked up in the other's terms: a few dozen
 * searches, not a pass over both texts' terms (which was 5% of dedup's
 * instructions: docs/history/benchmarks-rounds.md, "Nineteenth round: dedup"); the names
 * first, and the figures only of a pair whose names agree ("Twentieth
 * round: dedup"). The terms are distinct, so a term the two share is
 * counted once either way. */
bool sl_comparer_may_copy(sl_comparer *c, const uint32_t *terms_b, size_t n_b,
                          const uint32_t *anchors_b, size_t n_anchors_b)
{
    sl_anchor_counts counts_a = c->anchors_a, counts_b = sl_anchors_count_list(anchors_b, n_anchors_b);
    const uint32_t *anchors_a = c->anchor_terms_a.items, *terms_a = c->terms_a.items;
    size_t n_anchors_a = c->anchor_terms_a.n, n_a = c->terms_a.n;
    if (counts_a.names && counts_b.names &&   /* else sl_anchors_shares' 1 */
        !(counts_a.names <= counts_b.names
              ? names_may_agree(anchors_a, n_anchors_a, counts_a.names, terms_b, n_b, NULL)
              : names_may_agree(anchors_b, n_anchors_b, counts_b.names, terms_a, n_a,
                                sl_comparer_term_bits_a(c))))
        return false;
    size_t figures = counts_a.figures <= counts_b.figures
                         ? sl_anchors_held(anchors_a, n_anchors_a, false, terms_b, n_b, NULL)
                         : sl_anchors_held(anchors_b, n_anchors_b, false, terms_a, n_a,
                                           sl_comparer_term_bits_a(c));
    sl_comparison anchors = {0};
    sl_anchors_shares(0, figures, counts_a, counts_b, &anchors);
    return sl_copy_figures_may_agree(&anchors);
}
