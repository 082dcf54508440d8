/* test_story_vectors.c — a story vector's terms (src/stories/vectors.c):
 * the heaviest terms of a vector or centroid (sl_keep_top), their order and
 * their normalised weights, to the bit, against a plain sort of them all;
 * and the weights from the grouper's kept logarithms, as log() gives them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stories/internal.h"
#include "stories/stories.h"
#include "test.h"

#define MAX_TERMS 600

static int heaviest_first(const void *a, const void *b)
{
    const sl_weighted_term *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return x->term < y->term ? -1 : x->term > y->term;
}

static int by_term(const void *a, const void *b)
{
    const sl_weighted_term *x = a, *y = b;
    return x->term < y->term ? -1 : x->term > y->term;
}

/* What sl_keep_top keeps, the plain way: all sorted heaviest first, cut,
 * the squares summed in that order, then sorted by term. */
static size_t expected(sl_weighted_term *t, size_t n, size_t keep, int normalise)
{
    qsort(t, n, sizeof *t, heaviest_first);
    if (n > keep)
        n = keep;
    if (normalise) {
        double norm = 0;
        for (size_t i = 0; i < n; i++)
            norm += (double)t[i].weight * t[i].weight;
        norm = sqrt(norm);
        for (size_t i = 0; norm > 0 && i < n; i++)
            t[i].weight = (float)(t[i].weight / norm);
    }
    qsort(t, n, sizeof *t, by_term);
    return n;
}

/* n terms with distinct ids (ascending when `ascending`, else shuffled)
 * and weights drawn from `levels` values, so that many weigh the same. */
static void make_terms(sl_weighted_term *t, size_t n, int ascending, unsigned levels,
                       unsigned *seed)
{
    uint64_t term = 0;
    for (size_t i = 0; i < n; i++) {
        term += 1 + (uint64_t)(rand_r(seed) % 1000) * 0x9E3779B97F4A7C15ull % 977;
        t[i] = (sl_weighted_term){term, 0.25f + (float)(rand_r(seed) % levels) / 7.0f};
    }
    for (size_t i = n; !ascending && i > 1; i--) {
        size_t k = (size_t)rand_r(seed) % i;
        sl_weighted_term x = t[i - 1];
        t[i - 1] = t[k];
        t[k] = x;
    }
}

static void check_keep_top(const sl_weighted_term *t, size_t n, size_t keep, int normalise)
{
    static sl_weighted_term got[MAX_TERMS], want[MAX_TERMS];
    memcpy(got, t, n * sizeof *t);
    memcpy(want, t, n * sizeof *t);
    size_t kept = sl_keep_top(got, n, keep, normalise);
    CHECK_INT(kept, expected(want, n, keep, normalise));
    CHECK(!memcmp(got, want, kept * sizeof *got));
}

TEST(keep_top_keeps_the_heaviest_by_term_to_the_bit)
{
    /* Ascending terms (centroid sums, merged vectors) take a path with no
     * sort by term; shuffled ones are sorted. Weights of two to 64 levels:
     * ties at the cut go to the smaller terms, as heavier() orders them;
     * longer than 512 terms, the sorting path again. */
    static sl_weighted_term t[MAX_TERMS];
    static const size_t sizes[] = {0, 1, 2, 12, 63, 64, 65, 100, 127, 128, 129, 192, 300, 512, 513, 600};
    static const unsigned levels[] = {2, 5, 64};
    unsigned seed = 11;
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (size_t l = 0; l < sizeof levels / sizeof *levels; l++)
            for (int ascending = 0; ascending < 2; ascending++) {
                make_terms(t, sizes[s], ascending, levels[l], &seed);
                check_keep_top(t, sizes[s], SL_CENTROID_TERMS, 0);
                check_keep_top(t, sizes[s], SL_VECTOR_TERMS, 1);
                check_keep_top(t, sizes[s], 0, 1);
            }
}

TEST(keep_top_ties_at_the_cut_keep_the_smaller_terms)
{
    /* Four terms of one weight, two kept: the two smallest, in order. */
    sl_weighted_term t[] = {{10, 1.0f}, {20, 3.0f}, {30, 1.0f}, {40, 1.0f}, {50, 1.0f}};
    CHECK_INT(sl_keep_top(t, 5, 3, 0), 3);
    CHECK_INT(t[0].term, 10);
    CHECK_INT(t[1].term, 20);
    CHECK_INT(t[2].term, 30);
    /* and normalised: 3 and 4 make 5 */
    sl_weighted_term u[] = {{7, 4.0f}, {9, 3.0f}};
    CHECK_INT(sl_keep_top(u, 2, 2, 1), 2);
    CHECK(u[0].term == 7 && u[0].weight == 0.8f && u[1].weight == 0.6f);
}

TEST(keep_top_odd_weights_as_the_plain_sort)
{
    /* Ascending terms (the path without a sort) whose weights are signed
     * zeros, infinities, negatives, the smallest float or all one value:
     * the same terms and bits as the plain sort, at every cut. */
    static const float odd[] = {0.0f, -0.0f, INFINITY, -INFINITY, -1.0f, 1e-45f, 3e38f, 2.0f};
    sl_weighted_term t[40];
    unsigned seed = 3;
    for (int all_equal = 0; all_equal < 2; all_equal++)
        for (size_t n = 1; n <= 40; n += 13) {
            for (size_t i = 0; i < n; i++)
                t[i] = (sl_weighted_term){10 * (i + 1), all_equal ? 0.5f : odd[rand_r(&seed) % 8]};
            for (size_t keep = 0; keep <= n + 1; keep++) {
                check_keep_top(t, n, keep, 0);
                check_keep_top(t, n, keep, 1);
            }
        }
}

/* A vector's weights from the kept logarithms (the tf's of small whole
 * frequencies, the idf's of small counts at the store's size) are those
 * of log() itself, to the bit: a grouper that weighed a vector at one
 * n_docs and then at another gives what a new grouper gives at the
 * second, frequencies and counts past the kept ones (300, 700) included;
 * and the weights' ratios are the formula's. */
TEST(grouper_vector_weights_from_kept_logs_as_from_log)
{
    sl_term body_terms[] = {{201, 1, 5}, {202, 3, 0}, {203, 300, 5}, {204, 2, 5}};
    sl_analysis body = {0};
    body.terms.items = body_terms;
    body.terms.n = 4;
    sl_grouper *used = sl_grouper_new(), *fresh = sl_grouper_new();
    const uint32_t dfs[] = {2, 5, 700, 2};
    for (int i = 0; i < 4; i++) {
        CHECK_INT(sl_grouper_load_df(used, body_terms[i].id, dfs[i]), 0);
        CHECK_INT(sl_grouper_load_df(fresh, body_terms[i].id, dfs[i]), 0);
    }
    sl_vector first, again, want;
    sl_grouper_set_docs(used, 1000);
    sl_grouper_vectorize(used, &body, NULL, &first);
    sl_grouper_set_docs(used, 5000);
    sl_grouper_vectorize(used, &body, NULL, &again);
    sl_grouper_set_docs(fresh, 5000);
    sl_grouper_vectorize(fresh, &body, NULL, &want);
    CHECK_INT(again.n, 4);
    CHECK_INT(want.n, 4);
    CHECK(!memcmp(again.terms, want.terms, sizeof want.terms[0] * want.n));
    CHECK(memcmp(first.terms, want.terms, sizeof want.terms[0] * want.n) != 0);
    /* 202: tf 3 + 1 (in the lead), df 5; 203: tf 300 (past it), df 700 */
    double w202 = (1 + log(4.0)) * (log(5001.0 / 6) + 1), w203 = (1 + log(300.0)) * (log(5001.0 / 701) + 1);
    CHECK(want.terms[1].term == 202 && want.terms[2].term == 203);
    CHECK(fabs(want.terms[1].weight / want.terms[2].weight - w202 / w203) < 1e-6);
    sl_grouper_free(used);
    sl_grouper_free(fresh);
}

/* A new version (src/engine/pipeline.c): its terms are counted as an
 * article's, and its old version leaves its story. The grouper then holds
 * the counts a load of the store gives: the store's article count (the
 * version replaced its row) and the story's stored count, one less. */
TEST(grouper_new_version_leaves_the_counts_a_reload_reads)
{
    sl_term body_terms[] = {{301, 2, 5}, {302, 1, 5}};
    sl_analysis body = {0};
    body.terms.items = body_terms;
    body.terms.n = 2;
    sl_grouper *g = sl_grouper_new();
    sl_grouper_set_docs(g, 40);
    sl_vector v;
    sl_grouper_vectorize(g, &body, NULL, &v);
    const void *c;
    size_t len;
    for (int i = 0; i < 3; i++)
        CHECK_INT(sl_grouper_add(g, 7, 0, &v, INT64_MIN, 1, &c, &len), 0);
    CHECK_INT(sl_grouper_count_terms(g, &body, NULL), 0);   /* the new version */
    CHECK_INT(g->n_docs, 41);
    sl_grouper_leave(g, 7);
    CHECK_INT(g->n_docs, 40);
    CHECK_INT(g->stories[7].articles, 2);
    sl_grouper_leave(g, 9);   /* a story not read: its stored count comes with it */
    CHECK_INT(g->n_docs, 39);
    CHECK_INT(g->stories[7].articles, 2);
    sl_grouper_free(g);
}

/* A vector's terms heaviest first by their 64-bit keys, as the plain sort
 * orders them: ascending terms with weights of few levels (ties go by
 * term), and with odd weights (signed zeros, infinities, a negative, the
 * smallest float, a NaN) or shuffled terms, which take the records' sort. */
TEST(vector_heaviest_first_as_the_plain_sort)
{
    static const float odd[] = {0.0f, -0.0f, INFINITY, -1.0f, 1e-45f, 3e38f, NAN};
    static const size_t sizes[] = {0, 1, 2, 13, 64, 127, 128};
    static const unsigned levels[] = {2, 5, 64};
    unsigned seed = 17;
    sl_vector v;
    sl_weighted_term got[SL_VECTOR_TERMS], want[SL_VECTOR_TERMS];
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (size_t l = 0; l < sizeof levels / sizeof *levels; l++)
            for (int kind = 0; kind < 3; kind++) { /* plain, an odd weight, shuffled */
                v.n = (uint32_t)sizes[s];
                make_terms(v.terms, v.n, kind != 2, levels[l], &seed);
                if (kind == 1 && v.n)
                    v.terms[(size_t)rand_r(&seed) % v.n].weight =
                        odd[(size_t)rand_r(&seed) % (sizeof odd / sizeof *odd)];
                sl_vector_heaviest_first(&v, got);
                memcpy(want, v.terms, v.n * sizeof *want);
                sl_sort_heaviest_first(want, v.n);
                size_t same = 0; /* field by field: the records have padding */
                for (size_t i = 0; i < v.n; i++)
                    same += got[i].term == want[i].term &&
                            !memcmp(&got[i].weight, &want[i].weight, sizeof got[i].weight);
                CHECK_INT(same, v.n);
            }
    v = (sl_vector){3, {{5, 0.5f}, {6, 0.0f}, {9, 0.5f}}}; /* a tie and a zero weight */
    sl_vector_heaviest_first(&v, got);
    CHECK(got[0].term == 5 && got[1].term == 9 && got[2].term == 6);
}
