/* test_store_key_batch.c — a batch's new rows of copy_keys_recent kept in
 * memory (src/store/copy_keys_batch.c): written at its commit by one
 * statement, written first when a read asks one of their keys, dropped by
 * a rollback. */
#include "store_fixture.h"
#include "test.h"

static const char ADD[] = "INSERT OR IGNORE INTO copy_keys_recent";

/* Three articles' keys, out of key order: no row until the commit, which
 * writes them all by one statement. */
TEST(store_copy_keys_kept_until_the_commit)
{
    OPEN_STORE(st, path);
    statement_count adds = {ADD, 0};
    count_statements(st, &adds);
    CHECK_INT(sl_store_copy_keys_put(st, 3, (const uint32_t[]){0x5550, 0x1110}, 2), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 2, (const uint32_t[]){0x3330}, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 4, (const uint32_t[]){0x2220, 0x5550, 0x4440}, 3), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 0);
    CHECK_INT((int64_t)adds.n, 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT((int64_t)adds.n, 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 6);
    CHECK_INT(count_rows(st, "SELECT article_id FROM copy_keys_recent WHERE key = 0x444"), 4 << 5 | 3);
    CHECK_INT(count_rows(st, "SELECT article_id FROM copy_keys_recent WHERE key = 0x111"), 3 << 5 | 2);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent WHERE key = 0x555"), 2);
    drop_store(st, path);
}

/* A read that asks a kept key finds its rows (written first); a read of
 * other keys writes nothing. */
TEST(store_copy_keys_kept_are_read)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_copy_keys_put(st, 5, (const uint32_t[]){0x6660, 0x7770}, 2), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 6, (const uint32_t[]){0x6660}, 1), 0);
    uint32_t ids[2 * 3];
    uint8_t n_keys[2 * 3];
    size_t found[2];
    const uint32_t other[] = {SL_TERM_ID(0x8880)};
    CHECK_INT(sl_store_copy_keys_recent(st, other, 1, 3, ids, n_keys, found), 0);
    CHECK_INT((int64_t)found[0], 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 0);
    const uint32_t asked[] = {SL_TERM_ID(0x8880), SL_TERM_ID(0x6660)};
    CHECK_INT(sl_store_copy_keys_recent(st, asked, 2, 3, ids, n_keys, found), 0);
    CHECK_INT((int64_t)found[0], 0);
    CHECK_INT((int64_t)found[1], 2);
    CHECK_INT(ids[3], 6); /* newest first */
    CHECK_INT(n_keys[3], 1);
    CHECK_INT(ids[4], 5);
    CHECK_INT(n_keys[4], 2);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 3);
    drop_store(st, path);
}

/* A rollback drops the kept rows: the next batch's commit writes its own
 * alone. */
TEST(store_copy_keys_kept_are_dropped_by_a_rollback)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_copy_keys_put(st, 8, (const uint32_t[]){0x9990}, 1), 0);
    CHECK_INT(sl_store_rollback(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 9, (const uint32_t[]){0xAAA0}, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 1);
    CHECK_INT(count_rows(st, "SELECT article_id >> 5 FROM copy_keys_recent"), 9);
    drop_store(st, path);
}
