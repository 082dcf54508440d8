/* test_story_index.c — the grouper's inverted index of stories by term
 * (src/stories/index.c): lists found again through the growth of the hash
 * of places and of the lists themselves, terms whose keys share their low
 * bits, updates and removals, a reset list, a lazy index, the memory it
 * counts, and a growth that runs out of memory. */
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
            CHECK(p->items[i].story == (i + 1) * 7 && p->items[i].weight == (float)k + i + 1);
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
    CHECK(p && p == sl_index_get(&ix, 0) && p->n == 9 && p->items[3].weight == 2.5f);
    sl_index_remove(&ix, 0, 4);
    sl_index_remove(&ix, 0, 40); /* not there: nothing */
    sl_index_remove(&ix, 77, 1); /* no such list: nothing */
    p = sl_index_get(&ix, 1);
    CHECK(p && p->n == 8);
    for (uint32_t i = 0; p && i < p->n; i++)
        CHECK_INT(p->items[i].story, i < 3 ? i + 1 : i + 2);
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
    CHECK(got && got->n == 1 && got->items[0].story == 12);
    p = sl_index_reset(&ix, 5, 0);
    CHECK(p && p->n == 0 && p->floor == 0 && ix.used == 1);
    CHECK(sl_index_memory(&ix) == ix.cap * sizeof *ix.at + ix.lists_cap * sizeof *ix.lists +
                                      p->cap * sizeof(sl_posting));
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
            CHECK(p && p->n == 1 && p->items[0].story == 1);
        }
    }
    CHECK_INT(sl_index_set(&ix, term_of(512), 1, 1.0f), 0);
    CHECK(sl_index_get(&ix, term_of(512)) != NULL);
    CHECK_INT(ix.lists_cap, 768);
    sl_index_free(&ix);
}
