/* test_story_centroid.c — a story's centroid as sl_grouper_set_centroid
 * keeps it (src/stories/grouper.c): allocated to its size, moved to a new
 * allocation as it grows or shrinks past a step, its terms and the index's
 * postings right after every change, and a growth that runs out of memory
 * leaving the story as it was. */
#include <stdint.h>

#include "stories/internal.h"
#include "stories/stories.h"
#include "test.h"
#include "util/alloc.h"

#define STORY 3

/* terms[0, n): terms first, first + 2, ... weighted 1, 2, ... */
static void make_terms(sl_weighted_term *terms, uint32_t n, uint64_t first)
{
    for (uint32_t k = 0; k < n; k++)
        terms[k] = (sl_weighted_term){first + 2 * k, (float)(k + 1)};
}

/* The story's centroid is terms[0, n), and the index lists the story under
 * each of them and under no other term of [1, last]. */
static int centroid_is(const sl_grouper *g, const sl_weighted_term *terms, uint32_t n, uint64_t last)
{
    const sl_story_slot *s = &g->stories[STORY];
    if (!s->terms || s->n != n)
        return 0;
    for (uint32_t k = 0; k < n; k++)
        if (s->terms[k].term != terms[k].term || s->terms[k].weight != terms[k].weight)
            return 0;
    for (uint64_t term = 1; term <= last; term++) {
        const sl_postings *p = sl_index_get(&g->index, term);
        int listed = 0, expected = 0;
        for (uint32_t i = 0; p && i < p->n; i++)
            listed |= sl_postings_items(p)[i].story == STORY;
        for (uint32_t k = 0; k < n; k++)
            expected |= terms[k].term == term;
        if (listed != expected)
            return 0;
    }
    return 1;
}

TEST(story_centroid_grows_and_shrinks_with_its_terms)
{
    sl_grouper *g = sl_grouper_new();
    sl_weighted_term terms[SL_CENTROID_TERMS];
    const uint32_t sizes[] = {1, 7, 8, 9, 64, 63, 17, 0, 5, 64};
    CHECK_INT(sl_grouper_reserve(g, STORY), 0);
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        uint64_t first = 1 + i % 2; /* odd terms, then even: every term changes */
        make_terms(terms, sizes[i], first);
        CHECK_INT(sl_grouper_set_centroid(g, STORY, terms, sizes[i]), 0);
        CHECK(centroid_is(g, terms, sizes[i], 2 * SL_CENTROID_TERMS + 2));
    }
    sl_grouper_free(g);
}

TEST(story_centroid_growth_out_of_memory)
{
    sl_grouper *g = sl_grouper_new();
    sl_weighted_term terms[SL_CENTROID_TERMS];
    CHECK_INT(sl_grouper_reserve(g, STORY), 0);
    make_terms(terms, 8, 1);
    CHECK_INT(sl_grouper_set_centroid(g, STORY, terms, 8), 0);
    sl_weighted_term more[SL_CENTROID_TERMS];
    make_terms(more, 9, 1);
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_grouper_set_centroid(g, STORY, more, 9), SL_ENOMEM);
    sl_alloc_fail_nth(0);
    CHECK(centroid_is(g, terms, 8, 2 * SL_CENTROID_TERMS + 2));
    CHECK_INT(sl_grouper_set_centroid(g, STORY, more, 9), 0);
    CHECK(centroid_is(g, more, 9, 2 * SL_CENTROID_TERMS + 2));
    sl_grouper_free(g);
}
