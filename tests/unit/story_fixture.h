/* story_fixture.h — what the story grouper's unit tests share
 * (story_fixture.c: test_stories.c, test_story_threads.c,
 * test_story_merges.c): term lists, their vectors, an article placed and
 * added, stored stories loaded. */
#ifndef SL_TEST_STORY_FIXTURE_H
#define SL_TEST_STORY_FIXTURE_H

#include "stories/stories.h"

/* Two reports of a quake, a rehabilitation story, and a text sharing two
 * words with the quake stories: a relative (thread), not the story. */
extern const uint64_t quake[8];
extern const uint64_t quake2[8];
extern const uint64_t rehab[8];
extern const uint64_t quake_other[16];

/* A vector over terms 1..n of `ids` with equal weights, normalised. */
sl_vector story_vec(const uint64_t *ids, uint32_t n);
/* Places v and adds it; returns the story id (new ids from *next). */
int64_t story_put(sl_grouper *g, const sl_vector *v, int64_t day, int64_t *next, int64_t *thread);
/* A stored story of `articles` articles over `terms` (weights 0.5), for
 * sl_grouper_load_story; `centroid` holds its terms packed. */
sl_story_state stored_story(int64_t id, const uint64_t *terms, uint32_t n, int64_t articles,
                            unsigned char *centroid);
/* A grouper holding the n stored stories, and the article h (a headline or
 * a full report) placed in it and added to the story it joins (which must
 * be `joins`): its centroid's length in *len. */
sl_grouper *article_joins(const sl_story_state *stored, size_t n, const sl_vector *h,
                          int64_t joins, size_t *len);

#endif
