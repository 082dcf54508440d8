/* test_store_recent.c — the recent tables (src/store/recent.c): their rows
 * (short lines, copy keys, term counts) read with the large tables' and
 * moved into them by the commit that finds the merge due, and only then;
 * the merge's square-root rule; the tables known empty read again after a
 * write; the cycle kept across runs. */
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "copies/copies.h"
#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"
#include "util/date.h"

/* The merge is due when the articles with recent pairs, squared, reach
 * 1,000 times the articles stored. */
TEST(store_recent_merge_due_by_the_square_root_rule)
{
    CHECK_INT(sl_store_recent_due(1, 999), 0);
    CHECK_INT(sl_store_recent_due(1, 1000), 1);
    CHECK_INT(sl_store_recent_due(9000, 10000), 0);  /* 1,001 articles of 10,000 */
    CHECK_INT(sl_store_recent_due(6839, 10000), 0);  /* 3,162 */
    CHECK_INT(sl_store_recent_due(6838, 10000), 1);  /* 3,163 */
    CHECK_INT(sl_store_recent_due(0, 10000), 0);     /* none recent */
    CHECK_INT(sl_store_recent_due(10001, 10000), 0);
}

/* The term tables known empty in a batch (speed24, recent.c) are read
 * again after another writer's commit between batches, and after the
 * batch's own counts and merge (branch rev31b). */
TEST(store_df_known_empty_tables_read_again_after_writes)
{
    OPEN_STORE(st, path);
    const uint64_t asked[] = {77, 78, 80};
    uint32_t dfs[3] = {9, 9, 9};
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0); /* terms and terms_recent empty */
    CHECK_INT(dfs[0] + dfs[1] + dfs[2], 0);
    CHECK_INT(sl_store_commit(st), 0);
    sl_store *other = NULL;
    CHECK_INT(sl_store_open(&other, path, 0, NULL), 0);
    CHECK_INT(sl_store_begin(other), 0);
    CHECK_INT(sl_store_df_add(other, &(sl_df_delta){77, 4}, 1), 0);
    CHECK_INT(sl_store_recent_merge(other), 0); /* into terms */
    CHECK_INT(sl_store_df_add(other, &(sl_df_delta){78, 2}, 1), 0);
    CHECK_INT(sl_store_commit(other), 0);
    sl_store_close(other);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0);
    CHECK_INT(dfs[0], 4);
    CHECK_INT(dfs[1], 2);
    CHECK_INT(sl_store_recent_merge(st), 0); /* terms_recent empty again */
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0);
    CHECK_INT(dfs[2], 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){80, 3}, 1), 0);
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0);
    CHECK_INT(dfs[0], 4);
    CHECK_INT(dfs[1], 2);
    CHECK_INT(dfs[2], 3);
    drop_store(st, path);
}

/* A commit leaves the recent rows where they are until the merge is due,
 * then moves every one into the large tables, and writes the batch's kept
 * rows and its counts there, not into the recent ones; what is read is the
 * same before and after. The cycle begins at the last article stored when its first
 * row goes in. */
TEST(store_recent_rows_merged_at_the_commit_due)
{
    OPEN_STORE(st, path);
    add_article_row(st, 1000);
    const int64_t lines[] = {SL_TEST_LINE(7), SL_TEST_LINE(8), SL_TEST_LINE(9)},
                  later[] = {SL_TEST_LINE(8), SL_TEST_LINE(10)};
    const uint32_t keys[] = {0x100, 0x200}; /* codes of distinct terms (SL_TERM_ID) */
    CHECK_INT(sl_store_lines_add(st, 1000, lines, 3), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 1000, keys, 2), 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){77, 2}, 1), 0);
    CHECK_INT(sl_store_commit(st), 0); /* one article recent of 1,000: not due */
    CHECK_INT(count_rows(st, "SELECT first FROM recent_cycle"), 1000);
    CHECK_INT(line_pairs_in(st, 0, 1), 0);
    CHECK_INT(line_pairs(st, 0), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys"), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms"), 0);
    CHECK_INT(sl_store_begin(st), 0);
    add_article_row(st, 5000);
    CHECK_INT(sl_store_lines_add(st, 5000, later, 2), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 5000, keys, 1), 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){77, 3}, 1), 0);
    CHECK_INT(count_rows(st, "SELECT df FROM terms WHERE id = 77"), 5); /* the commit will merge */
    uint32_t df = 0, ids[4];
    uint8_t n_keys[4];
    size_t found = 0;
    CHECK_INT(carriers(st, 8), 2);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){77}, 1, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(count_rows(st, "SELECT first FROM recent_cycle"), 1000);
    statement_count recent_keys = {"INSERT OR IGNORE INTO copy_keys_recent", 0};
    count_statements(st, &recent_keys);
    CHECK_INT(sl_store_commit(st), 0); /* articles 1,000 to 5,000 recent: due */
    CHECK_INT(recent_keys.n, 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM recent_cycle"), 0);
    CHECK_INT(line_pairs_in(st, 0, 1), 5);
    CHECK_INT(line_pairs(st, 0), 5);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys"), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 0);
    CHECK_INT(count_rows(st, "SELECT df FROM terms WHERE id = 77"), 5);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 0);
    CHECK_INT(carriers(st, 8), 2);
    CHECK_INT(carriers_but(st, 8, 1000), 1);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){77}, 1, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(sl_store_copy_keys_recent(st, &(const uint32_t){SL_TERM_ID(0x100)}, 1, 4, ids, n_keys, &found), 0);
    CHECK_INT(found, 2);
    CHECK_INT(ids[0], 5000);
    drop_store(st, path);
}

/* The cycle outlives the run that began it: the next run merges by it
 * (begun at 1,000 of 10,000: due), where a cycle begun by its own rows
 * would not be (at 10,000). A new version of an older article adding rows
 * does not move the cycle back (begun at 1 of 1,000 it would be due). */
TEST(store_recent_cycle_kept_across_runs)
{
    OPEN_STORE(st, path);
    const int64_t lines[] = {SL_TEST_LINE(7)}, old_lines[] = {SL_TEST_LINE(11)};
    add_article_row(st, 1000);
    CHECK_INT(sl_store_lines_add(st, 1000, lines, 1), 0);
    CHECK_INT(sl_store_lines_add(st, 1, old_lines, 1), 0); /* a new version of article 1 */
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT first FROM recent_cycle"), 1000);
    CHECK_INT(line_pairs_in(st, 0, 1), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    CHECK_INT(sl_store_begin(st), 0);
    add_article_row(st, 10000);
    CHECK_INT(sl_store_lines_add(st, 10000, lines, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(line_pairs_in(st, 0, 1), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM recent_cycle"), 0);
    drop_store(st, path);
}

/* In a batch a terms table known empty is not read (a young store's
 * terms, terms_recent after a merge); the counts written at a commit and a
 * merge make both read again. */
TEST(store_terms_counts_skip_the_empty_tables)
{
    OPEN_STORE(st, path);
    const uint64_t terms[] = {9101, 9102};
    uint32_t dfs[2] = {7, 7};
    statement_count large = {"SELECT r.rowid, t.df, t.dict_id FROM sl_rows(?1) r CROSS JOIN terms t", 0};
    statement_count recent = {"SELECT r.rowid, t.df, t.dict_id FROM sl_rows(?1) r CROSS JOIN terms_recent", 0};
    count_statements(st, &large);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    count_statements(st, &recent);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    CHECK_INT(large.n + recent.n, 0);
    CHECK_INT(dfs[0], 0);
    const sl_df_delta deltas[] = {{9101, 2}};
    CHECK_INT(sl_store_df_add(st, deltas, 1), 0);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    CHECK_INT(recent.n, 1);
    CHECK_INT(dfs[0], 2);
    CHECK_INT(sl_store_recent_merge(st), 0);
    count_statements(st, &large);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    CHECK_INT(large.n, 1);
    CHECK_INT(dfs[0], 2);
    CHECK_INT(dfs[1], 0);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

/* A term's count is the sum of its rows in terms and terms_recent, and a
 * key's postings those of both copy key tables, newest first. */
TEST(store_recent_rows_read_with_the_large_tables)
{
    OPEN_STORE(st, path);
    uint32_t df = 0, ids[4];
    uint8_t n_keys[4];
    size_t found = 0;
    const uint32_t keys[] = {21};
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){99, 4}, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 3, keys, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 9, keys, 1), 0);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){99, 1}, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 5, keys, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 12, keys, 1), 0);
    CHECK_INT(count_rows(st, "SELECT df FROM terms WHERE id = 99"), 4);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){99}, 1, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(sl_store_copy_keys_recent(st, &(const uint32_t){SL_TERM_ID(21)}, 1, 3, ids, n_keys, &found), 0);
    CHECK_INT(found, 3);
    CHECK_INT(ids[0], 12);
    CHECK_INT(ids[1], 9);
    CHECK_INT(ids[2], 5);
    drop_store(st, path);
}

/* The first merge copies the recent counts into an empty terms, with
 * their ids; a later one adds them to the counts there, and keeps an id
 * the large table has. */
TEST(store_first_merge_copies_the_term_counts)
{
    OPEN_STORE(st, path);
    sl_df_delta first[2] = {{3000, 1}, {3001, 2}}, second[2] = {{3001, 5}, {3002, 7}};
    CHECK_INT(sl_store_df_add(st, first, 2), 0);
    CHECK_INT(sqlite3_exec(st->db, "UPDATE terms_recent SET dict_id = 4 WHERE id = 3001", NULL,
                           NULL, NULL),
              SQLITE_OK);
    statement_count upserts = {"INSERT INTO terms SELECT * FROM terms_recent WHERE", 0};
    count_statements(st, &upserts);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(upserts.n, 0);
    CHECK_INT(sl_store_df_add(st, second, 2), 0);
    CHECK_INT(sl_store_recent_merge(st), 0);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(upserts.n, 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 0);
    CHECK_INT(count_rows(st, "SELECT group_concat(id || ':' || df || ':' || ifnull(dict_id, 0), ' ')"
                             " = '3000:1:0 3001:7:4 3002:7:0' FROM terms"),
              1);
    drop_store(st, path);
}
