/* test_store_lines.c — the chrome stage's line counts (src/store/
 * line_articles.c): an article's short lines counted by one statement a
 * table, each line's count in its place and the same as a count of that
 * line alone over both tables, never counting the article itself, stopping
 * at the cap; only lines another article carries come back as rows. */
#include <sqlite3.h>
#include <string.h>

#include "store/store_internal.h"
#include "util/date.h"
#include "store_fixture.h"
#include "test.h"

/* The fingerprint of line n, as the chrome stage asks for it. */
#define ASKED(n) ((uint64_t)SL_TEST_LINE(n))

/* An article's lines are counted by one statement a table, each line's
 * count in its place (a line asked twice answered twice), never counting
 * `self`, and stopping at the cap: a line met past it ends the statement,
 * and the table's later lines are counted by a statement that stops at
 * the cap line by line. */
TEST(store_lines_counted_by_one_statement_a_table)
{
    OPEN_STORE(st, path);
    const int64_t a[] = {SL_TEST_LINE(501), SL_TEST_LINE(502), SL_TEST_LINE(503)},
                  b[] = {SL_TEST_LINE(502), SL_TEST_LINE(503)}, c[] = {SL_TEST_LINE(503)};
    CHECK_INT(sl_store_lines_add(st, 1, a, 3), 0);
    CHECK_INT(sl_store_recent_merge(st), 0); /* some pairs in each table */
    CHECK_INT(sl_store_lines_add(st, 2, b, 2), 0);
    CHECK_INT(sl_store_lines_add(st, 3, c, 1), 0);
    const uint64_t asked[] = {ASKED(503), ASKED(999), ASKED(502), ASKED(501), ASKED(503)};
    uint32_t counts[5] = {0};
    statement_count counting = {"SELECT r.rowid FROM sl_rows(?1) r CROSS JOIN line_articles", 0};
    count_statements(st, &counting);
    CHECK_INT(sl_store_lines_count(st, asked, 5, 2, 10, counts), 0);
    CHECK_INT(counting.n, 2);
    CHECK_INT(counts[0], 2); /* articles 1 and 3; 2 is self */
    CHECK_INT(counts[1], 0);
    CHECK_INT(counts[2], 1);
    CHECK_INT(counts[3], 1);
    CHECK_INT(counts[4], 2);
    statement_count each = {"SELECT place, n", 0};
    count_statements(st, &each);
    CHECK_INT(sl_store_lines_count(st, asked, 5, 0, 2, counts), 0);
    CHECK_INT(each.n, 1); /* 503's third carrier (recent): lines 2-4 of the recent one by one */
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(counts[0], 2); /* three carriers, counted up to the cap */
    CHECK_INT(counts[1], 0);
    CHECK_INT(counts[2], 2);
    CHECK_INT(counts[3], 1);
    CHECK_INT(counts[4], 2);
    drop_store(st, path);
}

/* In a batch, line_articles known empty (a young store's pairs are all
 * recent) is not read; a merge in the batch, and another writer's commit
 * between batches, make it read again. */
TEST(store_lines_count_skips_the_empty_large_table)
{
    OPEN_STORE(st, path);
    const int64_t a[] = {SL_TEST_LINE(701), SL_TEST_LINE(702)}, b[] = {SL_TEST_LINE(701)};
    const uint64_t asked[] = {ASKED(701), ASKED(702), ASKED(703)};
    uint32_t counts[3] = {0};
    statement_count large = {"SELECT r.rowid FROM sl_rows(?1) r CROSS JOIN line_articles l", 0};
    count_statements(st, &large);
    CHECK_INT(sl_store_lines_add(st, 1, a, 2), 0);
    CHECK_INT(sl_store_lines_count(st, asked, 3, 9, 10, counts), 0);
    CHECK_INT(large.n, 0);
    CHECK_INT(counts[0], 1);
    CHECK_INT(counts[1], 1);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(sl_store_lines_add(st, 2, b, 1), 0);
    CHECK_INT(sl_store_lines_count(st, asked, 3, 9, 10, counts), 0);
    CHECK_INT(large.n, 1);
    CHECK_INT(counts[0], 2); /* article 1's pair now in line_articles, 2's recent */
    CHECK_INT(counts[1], 1);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

TEST(store_lines_count_reads_another_writers_pairs)
{
    OPEN_STORE(st, path);
    const int64_t a[] = {SL_TEST_LINE(801)}, b[] = {SL_TEST_LINE(802)};
    const uint64_t asked[] = {ASKED(801), ASKED(802)};
    uint32_t counts[2] = {0};
    CHECK_INT(sl_store_lines_add(st, 1, a, 1), 0);
    CHECK_INT(sl_store_lines_count(st, asked, 2, 9, 10, counts), 0); /* line_articles empty */
    CHECK_INT(sl_store_commit(st), 0);
    sl_store *other = NULL;
    CHECK_INT(sl_store_open(&other, path, 0, NULL), 0);
    CHECK_INT(sl_store_begin(other), 0);
    CHECK_INT(sl_store_lines_add(other, 2, b, 1), 0);
    CHECK_INT(sl_store_recent_merge(other), 0); /* both pairs into line_articles */
    CHECK_INT(sl_store_commit(other), 0);
    sl_store_close(other);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_lines_count(st, asked, 2, 9, 10, counts), 0);
    CHECK_INT(counts[0], 1);
    CHECK_INT(counts[1], 1);
    drop_store(st, path);
}

/* Counts the rows the line counts' statement gives (sqlite3_trace_v2). */
static int count_row(unsigned what, void *ctx, void *stmt, void *x)
{
    (void)what, (void)x;
    const char *sql = sqlite3_sql(stmt);
    *(int *)ctx += sql && strstr(sql, "CROSS JOIN line_articles") != NULL;
    return 0;
}

/* Only the lines another article carries come back as rows: a line of
 * the article's own is a count of 0 without a step of its own. */
TEST(store_lines_counted_rows_only_for_carried_lines)
{
    OPEN_STORE(st, path);
    const int64_t a[] = {SL_TEST_LINE(601), SL_TEST_LINE(602)},
                  b[] = {SL_TEST_LINE(602), SL_TEST_LINE(604)};
    CHECK_INT(sl_store_lines_add(st, 1, a, 2), 0);
    CHECK_INT(sl_store_lines_add(st, 2, b, 2), 0);
    CHECK_INT(sl_store_lines_flush(st), 0); /* the pairs a batch keeps until its commit */
    const uint64_t asked[] = {ASKED(601), ASKED(602), ASKED(603), ASKED(604), ASKED(605), ASKED(606)};
    uint32_t counts[6] = {9, 9, 9, 9, 9, 9};
    int rows = 0;
    CHECK_INT(sqlite3_trace_v2(st->db, SQLITE_TRACE_ROW, count_row, &rows), SQLITE_OK);
    CHECK_INT(sl_store_lines_count(st, asked, 6, 2, 10, counts), 0);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(rows, 2); /* 601 and 602, carried by article 1 */
    const uint32_t want[] = {1, 1, 0, 0, 0, 0};
    for (int i = 0; i < 6; i++)
        CHECK_INT(counts[i], want[i]);
    drop_store(st, path);
}

/* A line's carriers other than `self` over both tables counted up to the
 * cap, by a statement of its own: the reference of the test below. */
static uint32_t carriers_alone(sl_store *st, uint64_t line, int64_t self, uint32_t cap)
{
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db,
                                 "SELECT count(*) FROM (SELECT 1 FROM line_articles WHERE line = ?1 AND"
                                 " article_id <> ?2 UNION ALL SELECT 1 FROM line_articles_recent WHERE"
                                 " line = ?1 AND article_id <> ?2 LIMIT ?3)",
                                 -1, &s, NULL),
              SQLITE_OK);
    sqlite3_bind_int64(s, 1, (int64_t)(line >> 17)); /* its pair's line (SL_TEST_LINE) */
    sqlite3_bind_int64(s, 2, self);
    sqlite3_bind_int64(s, 3, cap);
    uint32_t n = sqlite3_step(s) == SQLITE_ROW ? (uint32_t)sqlite3_column_int(s, 0) : UINT32_MAX;
    sqlite3_finalize(s);
    return n;
}

/* The counts of an article's lines by one statement a table are each
 * line's own count: lines of 0 to 40 carriers split between the tables at
 * several places, a pair in both tables (an article that carried the line
 * before the merge and again after), lines asked twice or carried by none,
 * `self` among the carriers or not, caps of 1 to 10. */
TEST(store_lines_counted_as_each_line_alone)
{
    static const uint32_t carriers[] = {0, 1, 2, 3, 4, 5, 6, 9, 17, 40};
    static const int64_t merges[] = {0, 1, 20, 41};
    uint32_t state = 4;
    for (size_t m = 0; m < sizeof merges / sizeof *merges; m++) {
        OPEN_STORE(st, path);
        for (int64_t id = 1; id <= 40; id++) {
            int64_t mine[10];
            size_t n = 0;
            for (size_t k = 0; k < 10; k++)
                if ((uint32_t)(id * 11 + (int64_t)k * 5) % 40 < carriers[k])
                    mine[n++] = SL_TEST_LINE(700 + (int64_t)k);
            CHECK_INT(sl_store_lines_add(st, id, mine, n), 0);
            if (id == merges[m]) {
                CHECK_INT(sl_store_recent_merge(st), 0);
                CHECK_INT(sl_store_lines_add(st, id, mine, n), 0); /* its pairs in both tables */
            }
        }
        for (int round = 0; round < 60; round++) {
            uint64_t asked[30];
            uint32_t counts[30];
            state = state * 1103515245u + 12345u;
            size_t n = 1 + (state >> 8) % 30;
            for (size_t k = 0; k < n; k++)   /* 710 and 711: no carrier */
                asked[k] = ASKED(700 + ((state = state * 1103515245u + 12345u) >> 8) % 12);
            int64_t self = (int64_t)((state >> 4) % 41);
            uint32_t cap = round % 4 == 3 ? 10 : 1 + (uint32_t)round % 4;
            CHECK_INT(sl_store_lines_count(st, asked, n, self, cap, counts), 0);
            CHECK_INT(sl_store_lines_flush(st), 0); /* the reference reads the tables */
            for (size_t k = 0; k < n; k++)
                CHECK_INT(counts[k], carriers_alone(st, asked[k], self, cap));
        }
        drop_store(st, path);
    }
}

/* From schema 30 a pair holds its line by the fingerprint's high 47 bits,
 * never negative (6 bytes in SQLite): the highest fingerprint's pair is
 * 2^47 - 1, a fingerprint with its top bit set is not negative, and two
 * fingerprints that differ only in the low 17 bits are one line. */
TEST(store_lines_keyed_by_the_high_47_bits)
{
    OPEN_STORE(st, path);
    const int64_t a[] = {-1, INT64_MIN, SL_TEST_LINE(5) | 1}, b[] = {SL_TEST_LINE(5) | 0x1FFFF};
    CHECK_INT(sl_store_lines_add(st, 2, a, 3), 0);
    CHECK_INT(sl_store_lines_add(st, 3, b, 1), 0);
    CHECK_INT(sl_store_lines_flush(st), 0); /* the pairs a batch keeps until its commit */
    CHECK_INT(count_rows(st, "SELECT max(line) FROM line_articles_recent"), ((int64_t)1 << 47) - 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent WHERE line = 1 << 46"), 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent WHERE line = 5"), 2);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent WHERE line < 0"), 0);
    const uint64_t asked[] = {ASKED(5), ASKED(5) | 0xABC, UINT64_MAX, ASKED(6)};
    uint32_t counts[4] = {9, 9, 9, 9};
    CHECK_INT(sl_store_lines_count(st, asked, 4, 0, 10, counts), 0);
    CHECK_INT(counts[0], 2);
    CHECK_INT(counts[1], 2); /* the same high 47 bits */
    CHECK_INT(counts[2], 1);
    CHECK_INT(counts[3], 0);
    drop_store(st, path);
}

/* Migration 30 moves schema 29's pairs (whole fingerprints, in both
 * tables) to their high 47 bits: a pair in both tables once the keys are
 * cut is left in line_articles alone, two lines of an article that now
 * share a key one pair, and a new version still takes its pairs out by
 * the 16-bit prefixes its row lists. */
TEST(store_lines_migrate_to_their_high_47_bits)
{
    OPEN_STORE(st, path);
    const int64_t high = (int64_t)0xF234567890ABCDEFu; /* negative as SQLite holds it */
    const int64_t lines[] = {high, high ^ 0x7, 0x1234567890ABCDEF};
    sl_article_row row = {.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1,
                          .identity = "key:unit/2", .lines = lines, .n_lines = 3};
    int64_t id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    CHECK_INT(sl_store_commit(st), 0);
    /* schema 29's pairs: the whole fingerprints, one pair in both tables
     * under two of them */
    CHECK_INT(sqlite3_exec(st->db, "DELETE FROM line_articles; DELETE FROM line_articles_recent",
                           NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *s = NULL;
    const char *const pairs[] = {"INSERT INTO line_articles VALUES(?1, ?2)",
                                 "INSERT INTO line_articles_recent VALUES(?1, ?2)"};
    const int64_t put[][2] = {{0, high}, {1, high ^ 0x7}, {1, 0x1234567890ABCDEF}, {0, 77 << 17}};
    for (size_t i = 0; i < sizeof put / sizeof *put; i++) {
        CHECK_INT(sqlite3_prepare_v2(st->db, pairs[put[i][0]], -1, &s, NULL), SQLITE_OK);
        sqlite3_bind_int64(s, 1, put[i][1]);
        sqlite3_bind_int64(s, 2, i == 3 ? 1 : id);
        CHECK_INT(sqlite3_step(s), SQLITE_DONE);
        sqlite3_finalize(s);
    }
    CHECK_INT(sqlite3_exec(st->db, "PRAGMA user_version = 29", NULL, NULL, NULL), SQLITE_OK);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0); /* migrates */
    if (!st)
        return;
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(count_rows(st, "PRAGMA user_version"), SL_STORE_HIGH_HASHES_SINCE);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles"), 2);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent"), 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles WHERE line = 77"), 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent"
                             " WHERE line = 0x1234567890ABCDEF >> 17"), 1);
    const uint64_t asked[] = {(uint64_t)high, (uint64_t)(high ^ 0x7), 0x1234567890ABCDEF};
    uint32_t counts[3] = {0};
    CHECK_INT(sl_store_lines_count(st, asked, 3, 0, 10, counts), 0);
    CHECK_INT(counts[0] + counts[1] + counts[2], 3);
    CHECK_INT(sl_store_lines_clear(st, id), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles WHERE article_id = 2"), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent"), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles"), 1); /* article 1's */
    drop_store(st, path);
}
