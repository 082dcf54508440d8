/* story_fixture.c — what the story grouper's unit tests share
 * (story_fixture.h): vectors, placing an article, stored stories. */
#include <math.h>

#include "story_fixture.h"
#include "test.h"

sl_vector story_vec(const uint64_t *ids, uint32_t n)
{
    sl_vector v = {0};
    for (uint32_t i = 0; i < n; i++)
        v.terms[v.n++] = (sl_weighted_term){ids[i], (float)(1.0 / sqrt(n))};
    return v;
}

int64_t story_put(sl_grouper *g, const sl_vector *v, int64_t day, int64_t *next, int64_t *thread)
{
    sl_placement p;
    sl_grouper_place(g, v, day, &p);
    int64_t id = p.story ? p.story : (*next)++;
    const void *c;
    size_t len;
    CHECK_INT(sl_grouper_add(g, id, p.story ? 0 : p.thread, v, day, 1, &c, &len), 0);
    if (thread)
        *thread = p.story ? 0 : (p.thread ? p.thread : id);
    return id;
}

const uint64_t quake[8] = {11, 12, 13, 14, 15, 16, 17, 18};
const uint64_t quake2[8] = {11, 12, 13, 14, 15, 16, 17, 19};
const uint64_t rehab[8] = {31, 32, 33, 34, 35, 36, 37, 38};
/* Shares two words with the quake stories: a relative (thread), not the story. */
const uint64_t quake_other[16] = {11, 12, 41, 42, 43, 44, 45, 46,
                                  47, 48, 49, 50, 51, 52, 53, 54};

sl_story_state stored_story(int64_t id, const uint64_t *terms, uint32_t n, int64_t articles,
                            unsigned char *centroid)
{
    sl_weighted_term t[SL_CENTROID_TERMS];
    for (uint32_t i = 0; i < n; i++)
        t[i] = (sl_weighted_term){terms[i], 0.5f};
    return (sl_story_state){.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN,
                            .centroid = centroid, .len = sl_centroid_pack(t, n, centroid),
                            .articles = articles};
}

sl_grouper *article_joins(const sl_story_state *stored, size_t n, const sl_vector *h,
                          int64_t joins, size_t *len)
{
    sl_grouper *g = sl_grouper_new();
    for (size_t i = 0; i < n; i++)
        CHECK_INT(sl_grouper_load_story(g, &stored[i]), 0);
    sl_placement p;
    sl_grouper_place(g, h, INT64_MIN, &p);
    CHECK_INT(p.story, joins);
    const void *centroid;
    CHECK_INT(sl_grouper_add(g, joins, 0, h, INT64_MIN, 1, &centroid, len), 0);
    return g;
}
