/* test_story_index.c — the grouper's inverted index of stories by term
 * (src/stories/index.c): lists found again through the growth of the hash
 * of places and of the lists themselves, terms whose keys share their low
 * bits, updates and removals, a reset list, a lazy index, the memory it
 * counts, a list of one story kept in place and its room as it grows and
 * shrinks, and a growth that runs out of memory. */
#include <stdint.h>

#include "stories/internal.h"
#include "test.h"
#include "util/alloc.h"

#define TERMS 5000

/* Term k's key, with the same low 12 bits for every k: long probes. */
static uint64_t term_of(uint64_t k) { return (k + 1) << 12; }

TEST(story_index_finds_every_list_through_growth)
{
    sl_index ix = {0};
    CHECK(sl_index_get(&ix, term_of(0)) == NULL); /* empty: no table yet */
    for (uint64_t k = 0; k < TERMS; k++)
        for (uint32_t story = 1; story <= k % 5 + 1; story++)
            CHECK_INT(sl_index_set(&ix, term_of(k), story * 7, (float)k + story), 0);
    CHECK_INT(ix.used, TERMS);
    CHECK_INT(ix.cap, 16384); /* at most half full, doubled from 1,024 */
    CHECK(ix.lists_cap >= TERMS);
    for (uint64_t k = 0; k < TERMS; k++) {
        const sl_postings *p = sl_index_get(&ix, term_of(k));
        CHECK(p && p->term == sl_term_key(term_of(k)) && p->n == k % 5 + 1);
        for (uint32_t i = 0; p && i < p->n; i++)
            CHECK(sl_postings_items(p)[i].story == (i + 1) * 7 && sl_postings_items(p)[i].weight == (float)k + i + 1);
    }
    CHECK(sl_index_get(&ix, term_of(TERMS)) == NULL);
    CHECK(sl_index_get(&ix, 3) == NULL);
    sl_index_free(&ix);
    CHECK(ix.cap == 0 && ix.used == 0 && ix.at == NULL && ix.lists == NULL);
}

/* A story set twice keeps one place with the new weight; removed, it is
 * gone and the others keep their order; term 0 is term 1 (sl_term_key). */
TEST(story_index_update_remove_and_term_zero)
{
    sl_index ix = {0};
    for (uint32_t story = 9; story >= 1; story--)
        CHECK_INT(sl_index_set(&ix, 0, story, 1.0f), 0);
    CHECK_INT(sl_index_set(&ix, 1, 4, 2.5f), 0);
    const sl_postings *p = sl_index_get(&ix, 1);
    CHECK(p && p == sl_index_get(&ix, 0) && p->n == 9 && sl_postings_items(p)[3].weight == 2.5f);
    sl_index_remove(&ix, 0, 4);
    sl_index_remove(&ix, 0, 40); /* not there: nothing */
    sl_index_remove(&ix, 77, 1); /* no such list: nothing */
    p = sl_index_get(&ix, 1);
    CHECK(p && p->n == 8);
    for (uint32_t i = 0; p && i < p->n; i++)
        CHECK_INT(sl_postings_items(p)[i].story, i < 3 ? i + 1 : i + 2);
    CHECK_INT(ix.used, 1);
    sl_index_free(&ix);
}

/* A lazy index leaves out terms it has not read and stories below a
 * list's floor; a reset list starts empty with its floor. */
TEST(story_index_lazy_and_reset)
{
    sl_index ix = {.lazy = 1};
    CHECK_INT(sl_index_set(&ix, 5, 1, 1.0f), 0);
    CHECK(sl_index_get(&ix, 5) == NULL);
    sl_postings *p = sl_index_reset(&ix, 5, 10);
    CHECK(p && p->n == 0 && p->floor == 10);
    CHECK_INT(sl_index_set(&ix, 5, 9, 1.0f), 0);
    CHECK_INT(sl_index_set(&ix, 5, 12, 1.0f), 0);
    const sl_postings *got = sl_index_get(&ix, 5);
    CHECK(got && got->n == 1 && sl_postings_items(got)[0].story == 12);
    p = sl_index_reset(&ix, 5, 0);
    CHECK(p && p->n == 0 && p->floor == 0 && ix.used == 1);
    CHECK(sl_index_memory(&ix) == ix.cap * sizeof *ix.at + ix.lists_cap * sizeof *ix.lists);
    sl_index_free(&ix);
}

/* A growth of the hash or of the lists that fails is SL_ENOMEM and leaves
 * every list as it was; the next set succeeds. */
TEST(story_index_growth_out_of_memory)
{
    sl_index ix = {0};
    for (uint64_t k = 0; k < 512; k++) /* fills the first 512 lists and 1,024 slots half */
        CHECK_INT(sl_index_set(&ix, term_of(k), 1, 1.0f), 0);
    CHECK_INT(ix.lists_cap, 512);
    CHECK_INT(ix.cap, 1024);
    for (long nth = 1; nth <= 2; nth++) { /* the hash's growth, then the lists' */
        sl_alloc_fail_nth(nth);
        int rc = sl_index_set(&ix, term_of(512), 1, 1.0f);
        sl_alloc_fail_nth(0);
        CHECK_INT(rc, SL_ENOMEM);
        CHECK_INT(ix.used, 512);
        CHECK(sl_index_get(&ix, term_of(512)) == NULL);
        for (uint64_t k = 0; k < 512; k++) {
            const sl_postings *p = sl_index_get(&ix, term_of(k));
            CHECK(p && p->n == 1 && sl_postings_items(p)[0].story == 1);
        }
    }
    CHECK_INT(sl_index_set(&ix, term_of(512), 1, 1.0f), 0);
    CHECK(sl_index_get(&ix, term_of(512)) != NULL);
    CHECK_INT(ix.lists_cap, 768);
    sl_index_free(&ix);
}

/* A list of one story keeps it in place (24 bytes a list, no allocation);
 * a second story moves both to an allocation of 2, doubled at each power
 * of two; removals down to one story bring it back in place; a failed
 * move out leaves the one story where it was. */
TEST(story_index_one_story_in_place_and_room_by_count)
{
    CHECK_INT(sizeof(sl_postings), 24);
    sl_index ix = {0};
    CHECK_INT(sl_index_set(&ix, 7, 30, 0.5f), 0);
    size_t bare = ix.cap * sizeof *ix.at + ix.lists_cap * sizeof *ix.lists;
    CHECK(sl_index_memory(&ix) == bare);
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_index_set(&ix, 7, 20, 0.25f), SL_ENOMEM);
    sl_alloc_fail_nth(0);
    const sl_postings *p = sl_index_get(&ix, 7);
    CHECK(p && p->n == 1 && sl_postings_items(p)[0].story == 30 && sl_postings_items(p)[0].weight == 0.5f);
    static const size_t rooms[] = {2, 4, 4, 8, 8, 8, 8, 16}; /* after 2, 3, ... 9 stories */
    for (uint32_t n = 2; n <= 9; n++) {
        CHECK_INT(sl_index_set(&ix, 7, 30 - n, (float)n), 0);
        CHECK(sl_index_memory(&ix) == bare + rooms[n - 2] * sizeof(sl_posting));
    }
    p = sl_index_get(&ix, 7);
    for (uint32_t i = 0; p && i < p->n; i++) /* sorted: 21, 22, ..., 28, 30 */
        CHECK_INT(sl_postings_items(p)[i].story, i < 8 ? 21 + i : 30);
    for (uint32_t story = 21; story <= 28; story++)
        sl_index_remove(&ix, 7, story);
    p = sl_index_get(&ix, 7);
    CHECK(p && p->n == 1 && sl_postings_items(p) == &p->one && p->one.story == 30);
    CHECK(sl_index_memory(&ix) == bare);
    sl_index_remove(&ix, 7, 30);
    CHECK(p->n == 0);
    CHECK_INT(sl_index_set(&ix, 7, 4, 1.0f), 0);
    CHECK_INT(sl_index_set(&ix, 7, 5, 1.0f), 0);
    CHECK_INT(sl_index_set(&ix, 7, 6, 1.0f), 0);
    p = sl_index_reset(&ix, 7, 0); /* an allocated list emptied gives its room back */
    CHECK(p && p->n == 0 && sl_index_memory(&ix) == bare);
    sl_index_free(&ix);
}
