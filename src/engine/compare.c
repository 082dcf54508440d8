/* compare.c — the copies stage on two texts, without a store: the public
 * sl_text_compare behind `storyline compare` (and the MSRP and
 * Clough-Stevenson evaluations). */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"

struct sl_text_comparer {
    sl_sketcher *sketcher;
    sl_comparer *comparer;
    sl_buf norm_a, norm_b;
    sl_sketch a, b;
    sl_sentence_sets sets_a, sets_b;   /* for the paraphrase decision's pair */
    sl_comparison comparison;
};

sl_text_comparer *sl_text_comparer_new(void)
{
    sl_text_comparer *tc = sl_calloc(1, sizeof *tc);
    if (!tc)
        return NULL;
    tc->sketcher = sl_sketcher_new();
    tc->comparer = sl_comparer_new();
    if (!tc->sketcher || !tc->comparer) {
        sl_text_comparer_free(tc);
        return NULL;
    }
    sl_comparer_thorough(tc->comparer);
    return tc;
}

void sl_text_comparer_free(sl_text_comparer *tc)
{
    if (!tc)
        return;
    sl_sketcher_free(tc->sketcher);
    sl_comparer_free(tc->comparer);
    sl_buf_free(&tc->norm_a);
    sl_buf_free(&tc->norm_b);
    sl_sketch_free(&tc->a);
    sl_sketch_free(&tc->b);
    sl_sentence_sets_free(&tc->sets_a);
    sl_sentence_sets_free(&tc->sets_b);
    sl_comparison_free(&tc->comparison);
    free(tc);
}

void sl_text_comparison_clear(sl_text_comparison *cmp)
{
    if (!cmp)
        return;
    free(cmp->evidence);
    memset(cmp, 0, sizeof *cmp);
}

const char *sl_text_comparer_text(const sl_text_comparer *tc, int which, size_t *len)
{
    const sl_buf *text = which ? &tc->norm_b : &tc->norm_a;
    if (len)
        *len = text->len;
    return sl_buf_cstr(text);
}

static bool same_text(const sl_buf *a, const sl_buf *b)
{
    return a->len == b->len && (!a->len || !memcmp(a->ptr, b->ptr, a->len));   /* empty: no buffers */
}

/* Sentence k of a sketched text, as written. */
static sl_sentence_text sentence_text(const sl_buf *norm, const sl_sketch *s, uint32_t k)
{
    sl_span span = s->spans.items[k];
    return (sl_sentence_text){sl_buf_cstr(norm) + span.start, span.end - span.start};
}

/* Whether the best sentence pair the comparison met says the same thing
 * (the paraphrase decision, which reads the two sentences' text too). */
static int paraphrase(sl_text_comparer *tc, int *out)
{
    const sl_comparison *cmp = &tc->comparison;
    *out = 0;
    if (cmp->best_similarity <= 0)
        return 0;
    if (sl_sentence_sets_build(&tc->a, &tc->sets_a) || sl_sentence_sets_build(&tc->b, &tc->sets_b))
        return SL_ENOMEM;
    sl_sentence_view va = sl_sentence_sets_view(&tc->sets_a, cmp->best_pair_a);
    sl_sentence_view vb = sl_sentence_sets_view(&tc->sets_b, cmp->best_pair_b);
    double p = sl_sentence_paraphrase(&va, &vb, sentence_text(&tc->norm_a, &tc->a, cmp->best_pair_a),
                                      sentence_text(&tc->norm_b, &tc->b, cmp->best_pair_b));
    *out = p >= SL_PARAPHRASE_THRESHOLD;
    return 0;
}

static int compare(sl_text_comparer *tc, const char *a, size_t a_len, const char *b,
                   size_t b_len, sl_text_comparison *out)
{
    int rc = sl_sketcher_run(tc->sketcher, a, a_len, &tc->norm_a, &tc->a, NULL);
    if (!rc)
        rc = sl_sketcher_run(tc->sketcher, b, b_len, &tc->norm_b, &tc->b, NULL);
    if (!rc)
        rc = sl_copies_compare(tc->comparer, &tc->a, &tc->b, &tc->comparison);
    if (rc)
        return rc;
    const sl_comparison *cmp = &tc->comparison;
    bool exact = same_text(&tc->norm_a, &tc->norm_b) && tc->norm_a.len > 0;
    out->kind = exact ? SL_COPY_EXACT : cmp->kind;
    out->score = exact ? 1.0 : cmp->score;
    out->cover_a = exact ? 1.0 : cmp->cover_a;
    out->cover_b = exact ? 1.0 : cmp->cover_b;
    out->aligned_a = exact ? 1.0 : cmp->aligned_a;
    out->aligned_b = exact ? 1.0 : cmp->aligned_b;
    /* as a float, as the copies stage keeps each aligned pair's (the
     * evidence): the same pair gives the same number in both */
    out->best_similarity = (float)cmp->best_similarity;
    out->order_overlap = exact ? 1.0 : cmp->order_overlap;
    out->specific_overlap = exact ? 1.0 : cmp->specific_overlap;
    out->number_overlap = exact ? 1.0 : cmp->number_overlap;
    rc = paraphrase(tc, &out->paraphrase);
    if (rc)
        return rc;
    if (cmp->pairs.n) {
        out->evidence = sl_calloc(cmp->pairs.n, sizeof *out->evidence);
        if (!out->evidence)
            return SL_ENOMEM;
    }
    for (size_t k = 0; k < cmp->pairs.n; k++) {
        const sl_aligned_pair *p = &cmp->pairs.items[k];
        out->evidence[out->n_evidence++] = (sl_evidence){
            tc->a.spans.items[p->a], tc->b.spans.items[p->b], p->similarity};
    }
    return 0;
}

int sl_text_compare(sl_text_comparer *tc, const char *a, size_t a_len, const char *b,
                    size_t b_len, sl_text_comparison *out)
{
    memset(out, 0, sizeof *out);
    int rc = compare(tc, a, a_len, b, b_len, out);
    if (rc) { /* no texts of a compare that failed, nor half of one */
        sl_text_comparison_clear(out);
        sl_buf_clear(&tc->norm_a);
        sl_buf_clear(&tc->norm_b);
    }
    return rc;
}
