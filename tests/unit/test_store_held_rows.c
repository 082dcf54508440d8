/* test_store_held_rows.c — a batch's new rows of copy_keys_recent and
 * line_articles_recent kept in memory (src/store/held_rows.c): written at
 * its commit by one statement a table, read as if written (a key's read
 * writes them first, a line's count adds them), dropped by a rollback. */
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
    CHECK_INT(count_rows(st, "SELECT article_id FROM copy_keys_recent WHERE key = 0x444"),
              4 << 5 | 3);
    CHECK_INT(count_rows(st, "SELECT article_id FROM copy_keys_recent WHERE key = 0x111"),
              3 << 5 | 2);
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

/* Article id's short lines (of 12): a pattern that gives lines of 0 to 12
 * carriers among articles 1 to 30, one line twice in some articles. */
static size_t lines_of(int64_t id, int64_t *lines)
{
    size_t n = 0;
    for (int64_t k = 0; k < 12; k++)
        if ((id * 7 + k * 3) % 13 < k)
            lines[n++] = SL_TEST_LINE(500 + k);
    if (id % 4 == 0 && n)
        lines[n++] = lines[0];
    return n;
}

/* Every line's count while the batch keeps the pairs is the count once
 * they are written (a store that wrote them at once beside it): for
 * `self` with no pair kept, then for an article of the batch, whose own
 * pairs are left out. */
TEST(store_lines_kept_counted_as_written)
{
    OPEN_STORE(kept, kept_path);
    OPEN_STORE(written, written_path);
    for (int64_t id = 1; id <= 30; id++) {
        int64_t lines[13];
        size_t n = lines_of(id, lines);
        CHECK_INT(sl_store_lines_add(kept, id, lines, n), 0);
        CHECK_INT(sl_store_lines_add(written, id, lines, n), 0);
        if (id == 10) /* the first ten in line_articles */
            CHECK_INT(sl_store_recent_merge(kept) || sl_store_recent_merge(written), 0);
    }
    CHECK_INT(sl_store_lines_flush(written), 0);
    CHECK_INT(count_rows(kept, "SELECT count(*) FROM line_articles_recent"), 0);
    uint64_t asked[14];
    for (int64_t k = 0; k < 14; k++) /* 512 and 513: no carrier */
        asked[k] = (uint64_t)SL_TEST_LINE(500 + k);
    const int64_t selves[] = {0, 31, 5, 25};
    for (size_t s = 0; s < sizeof selves / sizeof *selves; s++)
        for (uint32_t cap = 1; cap <= 13; cap += 3) {
            uint32_t got[14], want[14];
            CHECK_INT(sl_store_lines_count(kept, asked, 14, selves[s], cap, got), 0);
            CHECK_INT(sl_store_lines_count(written, asked, 14, selves[s], cap, want), 0);
            for (size_t k = 0; k < 14; k++)
                CHECK_INT(got[k], want[k]);
        }
    /* the counts wrote nothing, article 25's either; the commit writes all */
    CHECK_INT(count_rows(kept, "SELECT count(*) FROM line_articles_recent"), 0);
    CHECK_INT(sl_store_lines_flush(kept), 0);
    CHECK_INT(count_rows(kept, "SELECT count(*) FROM line_articles_recent"),
              count_rows(written, "SELECT count(*) FROM line_articles_recent"));
    drop_store(kept, kept_path);
    drop_store(written, written_path);
}

/* A line's count writes nothing, not even when its article's own pairs
 * are kept (a new version in the batch of the old): its one caller, the
 * chrome judgement (pipeline.c, count_lines), drops its result code, so a
 * write failing there (a full disk; SQLite may then roll the whole
 * transaction back) went unreported, the article judged on counts of 0
 * and the batch going on. The insert is made to fail here: the count
 * still answers, the others' kept pairs counted, its own left out. */
TEST(store_lines_count_writes_nothing)
{
    OPEN_STORE(st, path);
    const int64_t a[] = {SL_TEST_LINE(601), SL_TEST_LINE(602)};
    const int64_t b[] = {SL_TEST_LINE(601), SL_TEST_LINE(603), SL_TEST_LINE(601)};
    const int64_t c[] = {SL_TEST_LINE(602), SL_TEST_LINE(601)};
    CHECK_INT(sl_store_lines_add(st, 11, a, 2), 0);
    CHECK_INT(sl_store_lines_add(st, 12, b, 3), 0);
    CHECK_INT(sl_store_lines_add(st, 13, c, 2), 0);
    CHECK_INT(sqlite3_exec(st->db,
                           "CREATE TEMP TRIGGER no_pairs BEFORE INSERT ON main.line_articles_recent"
                           " BEGIN SELECT RAISE(ABORT, 'disk full'); END",
                           NULL, NULL, NULL),
              SQLITE_OK);
    const uint64_t asked[] = {(uint64_t)SL_TEST_LINE(601), (uint64_t)SL_TEST_LINE(602),
                              (uint64_t)SL_TEST_LINE(603), (uint64_t)SL_TEST_LINE(604),
                              (uint64_t)SL_TEST_LINE(601)};
    uint32_t got[5];
    CHECK_INT(sl_store_lines_count(st, asked, 5, 12, 9, got), 0);
    CHECK_INT(got[0], 2); /* 11 and 13, not 12 itself */
    CHECK_INT(got[1], 2);
    CHECK_INT(got[2], 0);
    CHECK_INT(got[3], 0);
    CHECK_INT(got[4], 2);
    CHECK_INT(sl_store_lines_count(st, asked, 5, 13, 1, got), 0);
    CHECK_INT(got[0], 1); /* capped */
    CHECK_INT(got[1], 1);
    CHECK_INT(got[2], 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent"), 0);
    CHECK_INT(sqlite3_exec(st->db, "DROP TRIGGER temp.no_pairs", NULL, NULL, NULL), SQLITE_OK);
    drop_store(st, path);
}
