/* test_count_cell.c — a count map of two columns (util/count_map.h), as
 * the grouper's document frequencies and the store dictionary's ids share
 * one: each column answers only for what it was given, through growth;
 * clearing a column keeps the other; pruning drops keys with neither; and
 * the engine's writer keeps its dictionary ids in the shared map. */
#include <stdint.h>
#include <unistd.h>

#include "engine/engine.h"
#include "stories/internal.h"
#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"
#include "util/count_map.h"

TEST(count_cell_columns_apart_through_growth)
{
    sl_count_map m = {0};
    sl_count_pair(&m);
    CHECK(sl_count_cell(&m, 1, 9, 0) == NULL); /* empty: no table yet */
    for (uint64_t k = 1; k <= 3000; k++)
        *sl_count_cell(&m, 0, k * 1024, 1) = (uint32_t)k; /* same low bits: long probes */
    for (uint64_t k = 1; k <= 3000; k += 2)
        *sl_count_cell(&m, 1, k * 1024, 1) = (uint32_t)(k + 7);
    CHECK_INT(m.used, 3000); /* a key met by both columns is one key */
    CHECK_INT(m.cap, 4096);
    for (uint64_t k = 1; k <= 3000; k++) {
        const uint32_t *df = sl_count_cell(&m, 0, k * 1024, 0);
        const uint32_t *id = sl_count_cell(&m, 1, k * 1024, 0);
        CHECK(df && *df == k);
        CHECK(k % 2 ? id && *id == k + 7 : id == NULL); /* never given: none */
    }
    uint32_t *made = sl_count_cell(&m, 1, 2 * 1024, 1);
    CHECK(made && *made == 0); /* created in its column only */
    *sl_count_cell(&m, 1, 0, 1) = 5; /* key 0 is key 1 */
    CHECK(*sl_count_cell(&m, 1, 1, 0) == 5 && sl_count_cell(&m, 0, 1, 0) == NULL);
    sl_count_free(&m);
    CHECK(m.pair && m.cap == 0);
}

TEST(count_cell_clear_one_column_prune_the_rest)
{
    sl_count_map m = {0};
    sl_count_pair(&m);
    for (uint64_t k = 1; k <= 100; k++)
        *sl_count_cell(&m, k <= 60 ? 0 : 1, k, 1) = 3;
    *sl_count_cell(&m, 1, 10, 1) = 4; /* 10 in both */
    sl_count_clear(&m, 0);
    CHECK(sl_count_cell(&m, 0, 10, 0) == NULL);
    CHECK(*sl_count_cell(&m, 1, 10, 0) == 4);
    CHECK_INT(m.used, 100); /* the keys stay until pruned */
    CHECK_INT(sl_count_prune(&m), 0);
    CHECK_INT(m.used, 41); /* 61 to 100, and 10 */
    CHECK(*sl_count_cell(&m, 1, 100, 0) == 3 && sl_count_cell(&m, 1, 5, 0) == NULL);
    sl_count_free(&m);
}

/* A writer's engine: its dictionary's ids in column 1 of the engine's map,
 * the grouper's counts in column 0 of the same. */
TEST(count_cell_engine_shares_one_map)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-count-cell-%d.db", (int)getpid());
    remove_store_files(path);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, path, NULL), 0);
    if (!e)
        return;
    const uint64_t term = 0x7400000000000042u;
    const sl_term_dict *d = &e->store->dict;
    CHECK(d->ids == &e->terms && e->terms.pair);
    CHECK_INT(sl_store_begin(e->store), 0);
    size_t keys = e->terms.used; /* the languages' counts, read at open */
    uint32_t id = 9;
    CHECK_INT(sl_store_dict_id(e->store, term, &id), 0);
    CHECK_INT(id, 0); /* its first article: a note in column 1 */
    CHECK(*sl_count_cell(&e->terms, 1, term, 0) == SL_DICT_INLINE);
    CHECK(sl_count_cell(&e->terms, 0, term, 0) == NULL); /* no count yet */
    CHECK_INT(sl_count_term(e->grouper, term), 0);
    CHECK(*sl_count_cell(&e->terms, 0, term, 0) == 1);
    CHECK_INT(e->terms.used, keys + 1); /* one key for both */
    CHECK_INT(sl_store_rollback(e->store), 0); /* the dictionary forgets, the count stays */
    CHECK(sl_count_cell(&e->terms, 1, term, 0) == NULL);
    CHECK(*sl_count_cell(&e->terms, 0, term, 0) == 1);
    sl_engine_free(e);
    remove_store_files(path);
}
