/* test_story_merges.c — stories taken in and merged (src/stories/merges.c):
 * a short text's story grown into its neighbour, small stories near a
 * story taken in, after a short text or a full report. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stories/stories.h"
#include "story_fixture.h"
#include "test.h"

/* The last add made one story merge, of story `from` into story `into`. */
static void check_one_merge(sl_grouper *g, int64_t from, int64_t into)
{
    int64_t f, i;
    CHECK_INT(sl_grouper_take_story_merge(g, &f, &i), 1);
    CHECK(f == from && i == into);
    CHECK_INT(sl_grouper_take_story_merge(g, &f, &i), 0);
    CHECK(f == 0 && i == 0);
}

TEST(grouper_short_text_merges_the_story_it_grows_into_its_neighbour)
{
    /* Two stories sharing one word of four (centroid cosine 0.25), neither
     * small enough to be taken in. A headline joins the larger (100
     * articles against 4: 1.02 to 0.91 with their size priors, though it
     * shares 2 of its words with it and 3 with the other), and the grown
     * centroid reaches a cosine of 0.54 with the other, above the merge
     * threshold: the later story goes into the earlier, with its articles,
     * and leaves the index. */
    const uint64_t first[] = {1, 2, 3, 4}, second[] = {1, 5, 6, 7}, head[] = {2, 3, 4, 5, 6};
    unsigned char c1[4 * SL_CENTROID_TERM_BYTES], c2[4 * SL_CENTROID_TERM_BYTES];
    sl_story_state stored[] = {stored_story(1, first, 4, 4, c1), stored_story(2, second, 4, 100, c2)};
    sl_vector h = story_vec(head, 5);
    size_t len;
    sl_grouper *g = article_joins(stored, 2, &h, 2, &len);
    check_one_merge(g, 2, 1);
    CHECK_INT(len, 7 * SL_CENTROID_TERM_BYTES); /* story 1's centroid: the union of terms */
    sl_vector again = story_vec(second, 4);
    sl_placement p;
    sl_grouper_place(g, &again, INT64_MIN, &p);
    CHECK_INT(p.story, 1);
    sl_grouper_free(g);
}

/* The article v placed among the n stored stories joins story `into`,
 * which then takes in story `taken` alone: its centroid of `terms` terms,
 * its `articles` articles. */
static sl_grouper *takes_in_one(const sl_story_state *stored, size_t n, const sl_vector *v,
                                int64_t into, int64_t taken, size_t terms, int64_t articles)
{
    size_t len;
    sl_grouper *g = article_joins(stored, n, v, into, &len);
    check_one_merge(g, taken, into);
    CHECK_INT(len, terms * SL_CENTROID_TERM_BYTES);
    sl_story_state st;
    sl_grouper_story_state(g, into, &st);
    CHECK_INT(st.articles, articles);
    return g;
}

TEST(grouper_short_text_story_takes_in_the_small_stories_near_it)
{
    /* A story of 8 articles that a headline joins takes in the story of
     * one article whose centroid it reaches (cosine 0.56, times 9^0.3:
     * 1.09), not the one-article story that shares one word with it (0.12:
     * 0.22) nor the story of 4 articles, too large to be taken in, though
     * near (0.31: 0.60), and too far to merge with (0.36 after). */
    const uint64_t big[] = {1, 2, 3, 4}, near[] = {1, 2, 6}, far[] = {5, 7, 8, 9},
                   large[] = {1, 2, 10, 11, 12, 13, 14, 15, 16, 17}, head[] = {1, 2, 3, 4, 5};
    unsigned char c1[4 * SL_CENTROID_TERM_BYTES], c2[3 * SL_CENTROID_TERM_BYTES],
        c3[4 * SL_CENTROID_TERM_BYTES], c4[10 * SL_CENTROID_TERM_BYTES];
    sl_story_state stored[] = {stored_story(1, big, 4, 8, c1), stored_story(2, near, 3, 1, c2),
                               stored_story(3, far, 4, 1, c3), stored_story(4, large, 10, 4, c4)};
    sl_vector h = story_vec(head, 5);
    sl_grouper *g = takes_in_one(stored, 4, &h, 1, 2, 6, 10); /* terms 1-6 */
    const uint64_t again_near[] = {1, 2, 6}, again_far[] = {7, 8, 9};
    sl_vector a = story_vec(again_near, 3), b = story_vec(again_far, 3);
    sl_placement p;
    sl_grouper_place(g, &a, INT64_MIN, &p);
    CHECK_INT(p.story, 1);
    sl_grouper_place(g, &b, INT64_MIN, &p);
    CHECK_INT(p.story, 3);
    sl_grouper_free(g);
}

TEST(grouper_full_report_story_takes_in_the_small_stories_near_it)
{
    /* A full report (16 terms) joins a story of 8 articles (cosine 0.89).
     * The grown story takes in the story of one article sharing 3 of its
     * 16 terms (cosine 0.18: below the join threshold, 0.225, above 0.6
     * times it, 0.135), not the one sharing 2 (0.12) nor the story of 5
     * articles sharing 3, too large to be taken in. */
    uint64_t big[20], near[16], far[16], large[16];
    for (uint64_t k = 0; k < 16; k++) {
        near[k] = k < 3 ? k + 1 : 100 + k;
        far[k] = k < 2 ? k + 1 : 200 + k;
        large[k] = k < 3 ? k + 1 : 300 + k;
    }
    for (uint64_t k = 0; k < 20; k++)
        big[k] = k + 1;
    unsigned char c1[20 * SL_CENTROID_TERM_BYTES], c2[16 * SL_CENTROID_TERM_BYTES],
        c3[16 * SL_CENTROID_TERM_BYTES], c4[16 * SL_CENTROID_TERM_BYTES];
    sl_story_state stored[] = {stored_story(1, big, 20, 8, c1), stored_story(2, near, 16, 1, c2),
                               stored_story(3, far, 16, 1, c3), stored_story(4, large, 16, 5, c4)};
    sl_vector report = story_vec(big, 16);
    /* terms 1-20 and story 2's 13 others */
    sl_grouper *g = takes_in_one(stored, 4, &report, 1, 2, 33, 10);
    sl_story_state st;
    sl_grouper_story_state(g, 3, &st);
    CHECK_INT(st.articles, 1);
    sl_grouper_story_state(g, 4, &st);
    CHECK_INT(st.articles, 5);
    sl_grouper_free(g);
}
