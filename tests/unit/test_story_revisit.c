/* test_story_revisit.c — revisable large stories (src/stories/revisit.c):
 * when a story is due, its centroid made again from its members, a
 * headline placed again and moved to the story it now fits, and a story of
 * headlines merged with its near neighbour. */
#include <limits.h>
#include <math.h>

#include "stories/stories.h"
#include "test.h"

/* A stored story over terms[] with the given weights (all `weight` when
 * weights is NULL), of `articles` articles, last revisited at `revisited`. */
static void load(sl_grouper *g, int64_t id, const uint64_t *terms, const float *weights, uint32_t n,
                 float weight, int64_t articles, int64_t revisited)
{
    sl_weighted_term t[SL_CENTROID_TERMS];
    unsigned char packed[SL_CENTROID_TERMS * SL_CENTROID_TERM_BYTES];
    for (uint32_t i = 0; i < n; i++)
        t[i] = (sl_weighted_term){terms[i], weights ? weights[i] : weight};
    sl_story_state st = {.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN,
                         .centroid = packed, .len = sl_centroid_pack(t, n, packed),
                         .articles = articles, .revisited = revisited};
    CHECK_INT(sl_grouper_load_story(g, &st), 0);
}

/* A member over terms[] with equal weights, normalised (a headline when
 * fewer than 16 terms). */
static sl_member member(int64_t article, const uint64_t *terms, uint32_t n)
{
    sl_member m = {.article = article, .day = INT64_MIN, .counts = 1};
    for (uint32_t i = 0; i < n; i++)
        m.vector.terms[m.vector.n++] = (sl_weighted_term){terms[i], (float)(1.0 / sqrt(n))};
    return m;
}

static int64_t articles_of(sl_grouper *g, int64_t id)
{
    sl_story_state st;
    sl_grouper_story_state(g, id, &st);
    return st.articles;
}

TEST(revisit_due_from_sixteen_articles_then_at_half_as_many_again)
{
    const uint64_t terms[] = {1, 2, 3};
    sl_grouper *g = sl_grouper_new();
    load(g, 1, terms, NULL, 3, 0.5f, 15, 0);
    load(g, 2, terms, NULL, 3, 0.5f, 16, 0);
    load(g, 3, terms, NULL, 3, 0.5f, 23, 16);   /* stored as revisited at 16 */
    load(g, 4, terms, NULL, 3, 0.5f, 24, 16);
    CHECK_INT(sl_grouper_revisit_due(g, 1), 0);
    CHECK_INT(sl_grouper_revisit_due(g, 2), 1);
    CHECK_INT(sl_grouper_revisit_due(g, 3), 0);
    CHECK_INT(sl_grouper_revisit_due(g, 4), 1);
    CHECK_INT(sl_grouper_revisit_done(g, 2, 0), 0);
    CHECK_INT(sl_grouper_revisit_due(g, 2), 0);
    sl_story_state st;
    sl_grouper_story_state(g, 2, &st);
    CHECK_INT(st.revisited, 16);   /* what the store is told */
    sl_grouper_free(g);
}

TEST(revisit_moves_a_headline_to_the_story_it_now_fits)
{
    /* Story 1 (20 articles) holds the headline {1, 7, 8, 9}, which shares
     * only its word 1 with the rest of the story: left out of it, its
     * score there is 0.23 x 19^0.15 = 0.36. Story 2 (10 articles) holds
     * three of its words: 0.75 x 10^0.25 = 1.33. It moves; a headline
     * whose words story 1 holds, and a full report, stay. */
    const uint64_t big[] = {1, 2, 3, 4, 7, 8, 9}, near[] = {7, 8, 9, 10};
    const float big_w[] = {5, 5, 5, 5, 0.5f, 0.5f, 0.5f};
    sl_grouper *g = sl_grouper_new();
    load(g, 1, big, big_w, 7, 0, 20, 0);
    load(g, 2, near, NULL, 4, 0.5f, 10, 0);
    const uint64_t stray[] = {1, 7, 8, 9}, own[] = {1, 2, 3, 5};
    uint64_t report[16];
    for (uint64_t k = 0; k < 16; k++)
        report[k] = k < 3 ? 7 + k : 100 + k;
    sl_member m = member(5, stray, 4), stays = member(6, own, 4), full = member(7, report, 16);
    int64_t to = -1;
    CHECK_INT(sl_grouper_revisit_member(g, 1, &stays, &to), 0);
    CHECK_INT(to, 0);
    CHECK_INT(sl_grouper_revisit_member(g, 1, &full, &to), 0);
    CHECK_INT(sl_grouper_revisit_member(g, 1, &m, &to), 1);
    CHECK_INT(to, 2);
    CHECK_INT(articles_of(g, 1), 19);
    CHECK_INT(articles_of(g, 2), 11);
    /* story 1 no longer holds the headline's words: placed again, it stays */
    CHECK_INT(sl_grouper_revisit_member(g, 2, &m, &to), 0);
    sl_placement p;
    sl_grouper_place(g, &m.vector, INT64_MIN, &p);
    CHECK_INT(p.story, 2);
    sl_grouper_free(g);
}

TEST(revisit_rebuilds_a_centroid_from_its_members_cut_once)
{
    /* 70 terms of weights 1..70 and term 3 twice more: the sum keeps the
     * 64 heaviest, term 3 among them (3 + 2 x 3 = 9) with terms 8..70. */
    sl_weighted_term terms[72];
    for (uint32_t i = 0; i < 70; i++)
        terms[i] = (sl_weighted_term){i + 1, (float)(i + 1)};
    terms[70] = (sl_weighted_term){3, 3.0f};
    terms[71] = (sl_weighted_term){3, 3.0f};
    sl_grouper *g = sl_grouper_new();
    const uint64_t one[] = {1, 2};
    load(g, 1, one, NULL, 2, 1, 16, 0);
    CHECK_INT(sl_grouper_revisit_rebuild(g, 1, terms, 72), 0);
    sl_story_state st;
    sl_grouper_story_state(g, 1, &st);
    sl_weighted_term got[SL_CENTROID_TERMS];
    CHECK_INT(sl_centroid_unpack(st.centroid, st.len, got), 64);
    CHECK(got[0].term == 3 && fabsf(got[0].weight - 9.0f) < 1e-6f);
    CHECK(got[1].term == 8 && got[63].term == 70);
    sl_grouper_free(g);
}

TEST(revisit_merges_a_headline_story_with_its_near_neighbour)
{
    /* Two stories whose centroids' cosine is 0.375: below the merge of a
     * story a headline joins (0.45), above a revisit's (0.3). A story of
     * headlines only (whole) goes with it, the later into the earlier; one
     * holding full reports (its centroid not made again) does not. */
    uint64_t a[] = {1, 2, 3, 4}, b[16];
    for (uint64_t k = 0; k < 16; k++)
        b[k] = k < 3 ? 1 + k : 20 + k;
    sl_grouper *g = sl_grouper_new();
    load(g, 1, a, NULL, 4, 0.5f, 6, 0);
    load(g, 2, b, NULL, 16, 0.25f, 16, 0);
    int64_t from, into;
    CHECK_INT(sl_grouper_revisit_done(g, 2, 0), 0);
    CHECK_INT(sl_grouper_take_story_merge(g, &from, &into), 0);
    CHECK_INT(sl_grouper_revisit_done(g, 2, 1), 0);
    CHECK_INT(sl_grouper_take_story_merge(g, &from, &into), 1);
    CHECK(from == 2 && into == 1);
    CHECK_INT(articles_of(g, 1), 22);
    sl_grouper_free(g);
}
