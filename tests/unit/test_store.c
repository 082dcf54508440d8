/* test_store.c — the store (src/store/): an article's sentence offsets
 * packed as varints and read back exactly, whatever they are; a new
 * version taking out exactly its own short lines by the prefixes its row
 * lists, whichever of line_articles and line_articles_recent holds them;
 * the batch's notes of unnumbered terms capped; deleted bytes left
 * unzeroed by a writer; an article's rows inserted by one statement all
 * landing once, and a batch's term counts added and read by one; the table
 * sl_rows read only with its rows; a failed read's reason kept through the
 * reset of the walk it was in; SQLite's statistics off only when asked; chrome reasons read back.
 * Facts: test_store_facts.c; the recent tables and their merges:
 * test_store_recent.c; the fresh and migrated schemas: test_store_schema.c;
 * the keyed rows (dictionary ids, sketch and copy keys): test_store_keys.c;
 * the chrome stage's line counts: test_store_lines.c. */
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

TEST(store_sentences_packed_round_trip)
{
    OPEN_STORE(st, path);
    /* in order, empty, overlapping, an end before its start, far apart */
    const sl_span spans[] = {{0, 30}, {31, 49}, {49, 49}, {40, 45}, {20, 10}, {7, 4000000000u},
                             {300000, 300200}};
    size_t n = sizeof spans / sizeof spans[0];
    sl_article_row row = {.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1,
                          .identity = "key:unit/2", .sentences = spans, .n_sentences = n};
    int64_t id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    sl_article *a = NULL;
    CHECK_INT(sl_store_article_get(st, id, &a), 0);
    CHECK_INT(a ? a->n_sentences : 0, n);
    for (size_t i = 0; a && i < n && i < a->n_sentences; i++)
        CHECK(a->sentences[i].start == spans[i].start && a->sentences[i].end == spans[i].end);
    sl_article_free(a);
    /* the first three sentences take 2 bytes each, not 8 */
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "SELECT length(sentences) FROM articles WHERE id = 2", -1,
                                 &s, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_ROW);
    CHECK(sqlite3_column_int(s, 0) < (int)(n * sizeof(sl_span)));
    sqlite3_finalize(s);
    drop_store(st, path);
}

TEST(store_lines_cleared_by_prefix_exactly)
{
    OPEN_STORE(st, path);
    /* two lines under one prefix, the highest and lowest prefixes; another
     * article carries a third line under the first prefix, and one of the
     * same lines */
    const int64_t mine[] = {SL_TEST_LINE(0x100000005), SL_TEST_LINE(0x100000009), INT64_MAX, -1,
                            INT64_MIN};
    const int64_t other[] = {SL_TEST_LINE(0x100000007), SL_TEST_LINE(0x100000009)};
    sl_article_row row = {.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1,
                          .identity = "key:unit/2", .lines = mine, .n_lines = 5};
    int64_t id = 0, other_id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    /* its pairs in line_articles, the other's in line_articles_recent */
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(line_pairs_in(st, id, 1), 5);
    row = (sl_article_row){.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1,
                           .identity = "key:unit/3", .lines = other, .n_lines = 2};
    CHECK_INT(sl_store_article_insert(st, &row, &other_id), 0);
    CHECK_INT(line_pairs_in(st, other_id, 1), 0);
    CHECK_INT(sl_store_lines_flush(st), 0); /* the pairs a batch keeps until its commit */
    CHECK_INT(line_pairs(st, id), 5);
    CHECK_INT(line_pairs(st, other_id), 2);
    CHECK_INT(sl_store_lines_clear(st, id), 0);
    CHECK_INT(line_pairs(st, id), 0);
    CHECK_INT(line_pairs(st, other_id), 2);
    CHECK_INT(line_pairs(st, 0), 2);
    /* and the other way round: a new version's pairs still recent */
    CHECK_INT(sl_store_lines_clear(st, other_id), 0);
    CHECK_INT(line_pairs(st, 0), 0);
    drop_store(st, path);
}

/* The batch's notes of terms read with no id are capped like the
 * dictionary's others: a large batch cannot grow them without bound. */
TEST(store_unnumbered_terms_capped)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-unnumbered-%d.db", (int)getpid());
    remove_store_files(path);
    sl_store *st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    CHECK_INT(sl_store_begin(st), 0);
    enum { CHUNK = 4096 };
    static uint64_t terms[CHUNK];
    static uint32_t dfs[CHUNK];
    size_t most = 0;
    for (uint64_t t = 1; t <= SL_STORE_NOTES_MAX + 2 * CHUNK; t += CHUNK) {
        for (size_t i = 0; i < CHUNK; i++)
            terms[i] = t + i;
        CHECK_INT(sl_store_df_get(st, terms, CHUNK, dfs), 0);
        most = st->dict.unnumbered.used > most ? st->dict.unnumbered.used : most;
    }
    CHECK(most > 0 && most <= SL_STORE_NOTES_MAX);
    drop_store(st, path);
}

/* A read that fails inside a walk over the articles' ids (the export's):
 * its reason outlives the walk's reset of its own statement
 * (sl_store_rows_end; it was "not an error"), until the next statement. */
static const char Q_MISSING_TABLE[] = "SELECT 1 FROM no_such_table";
static const char Q_ARTICLES_COUNTED[] = "SELECT count(*) FROM articles";

static int read_missing_table(void *ctx, int64_t id)
{
    (void)id;
    return sl_store_stmt(ctx, Q_MISSING_TABLE) ? 0 : SL_ESTORE;
}

TEST(store_walk_keeps_a_failed_reads_reason)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_article_ids_each(st, read_missing_table, st), SL_ESTORE);
    CHECK_STR(sl_store_errmsg(st), "no such table: no_such_table");
    CHECK(sl_store_stmt(st, Q_ARTICLES_COUNTED) != NULL);
    CHECK(strcmp(sl_store_errmsg(st), "no such table: no_such_table") != 0);
    drop_store(st, path);
}

/* A writer does not zero what it deletes (Debian's SQLite is built with
 * secure_delete on): the rows a batch takes out are gone all the same,
 * and SQLite finds the file whole. */
TEST(store_writer_leaves_deleted_bytes_unzeroed)
{
    OPEN_STORE(st, path);
    CHECK_INT(count_rows(st, "PRAGMA secure_delete"), 0);
    CHECK_INT(sl_store_begin(st), 0);
    static const int64_t lines[3] = {11, 22, 33};
    add_article_row(st, 7);
    CHECK_INT(sl_store_lines_add(st, 7, lines, 3), 0);
    CHECK_INT(sl_store_lines_flush(st), 0); /* the pairs a batch keeps until its commit */
    CHECK_INT(sqlite3_exec(st->db, "DELETE FROM line_articles_recent", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent"), 0);
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
    drop_store(st, path);
}

/* A batch's rows go in by one statement (sl_store_exec_rows reads them
 * from the kept rows through the table sl_rows, held_rows.c), however
 * many: every row lands, and a line repeated within an article is one
 * row. A new version's lines leave one by one. */
TEST(store_rows_in_one_statement_all_land_once)
{
    OPEN_STORE(st, path);
    int64_t first[19], second[3] = {SL_TEST_LINE(105), SL_TEST_LINE(118), SL_TEST_LINE(900)};
    for (int i = 0; i < 19; i++)
        first[i] = SL_TEST_LINE(100 + i);
    first[8] = SL_TEST_LINE(107);  /* repeats */
    first[17] = SL_TEST_LINE(101);
    statement_count inserts = {"INSERT OR IGNORE INTO line_articles_recent", 0};
    count_statements(st, &inserts);
    CHECK_INT(sl_store_lines_add(st, 1, first, 19), 0);
    CHECK_INT(sl_store_lines_add(st, 2, second, 3), 0);
    CHECK_INT(inserts.n, 0); /* kept until the commit */
    CHECK_INT(sl_store_lines_flush(st), 0);
    CHECK_INT(inserts.n, 1); /* 22 rows, one statement (three, eight to a statement) */
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " LINE_PAIRS " WHERE article_id = 1"), 17);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " LINE_PAIRS " WHERE article_id = 2"), 3);
    CHECK_INT(carriers(st, 105), 2);
    CHECK_INT(carriers(st, 118), 2);
    CHECK_INT(carriers(st, 116), 1);
    CHECK_INT(carriers(st, 108), 0);
    CHECK_INT(carriers(st, 900), 1);
    /* a new version's lines leave by the list in its row; the others stay */
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "UPDATE articles SET lines = ?1 WHERE id = 1", -1, &s, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_bind_blob(s, 1, first, sizeof first, SQLITE_STATIC), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    CHECK_INT(sl_store_lines_clear(st, 1), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " LINE_PAIRS " WHERE article_id = 1"), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " LINE_PAIRS " WHERE article_id = 2"), 3);
    CHECK_INT(carriers(st, 105), 1);
    drop_store(st, path);
}

/* A batch's term counts go in by one statement, each added to the term's
 * count where it has one: in the recent table, and read with the large
 * table's. */
TEST(store_df_added_by_one_statement)
{
    OPEN_STORE(st, path);
    sl_df_delta first[40], second[40];
    for (uint64_t i = 0; i < 40; i++) {
        first[i] = (sl_df_delta){1000 + i, 1};
        second[i] = (sl_df_delta){1020 + i, (uint32_t)i + 1}; /* half of them counted before */
    }
    statement_count upserts = {"INSERT INTO terms_recent", 0};
    count_statements(st, &upserts);
    CHECK_INT(sl_store_df_add(st, first, 40), 0);
    CHECK_INT(upserts.n, 1);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(sl_store_df_add(st, second, 40), 0);
    CHECK_INT(upserts.n, 2);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(sl_store_df_add(st, NULL, 0), 0); /* nothing to add */
    uint32_t df = 0;
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1000}, 1, &df), 0);
    CHECK_INT(df, 1);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1025}, 1, &df), 0);
    CHECK_INT(df, 1 + 6);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1059}, 1, &df), 0);
    CHECK_INT(df, 40);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1060}, 1, &df), 0);
    CHECK_INT(df, 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms"), 40);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 40);
    drop_store(st, path);
}

/* Many terms' counts are read by one statement a table, each term's the
 * sum of its rows in the two, 0 for a term neither has; a term asked
 * twice has its count twice. */
TEST(store_df_read_by_one_statement_a_table)
{
    OPEN_STORE(st, path);
    sl_df_delta first[3] = {{2000, 1}, {2001, 2}, {2002, 3}}, second[2] = {{2001, 5}, {2003, 7}};
    CHECK_INT(sl_store_df_add(st, first, 3), 0);
    CHECK_INT(sl_store_recent_merge(st), 0); /* into terms */
    CHECK_INT(sl_store_df_add(st, second, 2), 0); /* into terms_recent */
    const uint64_t asked[] = {2003, 2001, 2009, 2000, 2001, 2002};
    uint32_t dfs[6] = {9, 9, 9, 9, 9, 9};
    statement_count reads = {"SELECT r.rowid, t.df", 0};
    count_statements(st, &reads);
    CHECK_INT(sl_store_df_get(st, asked, 6, dfs), 0);
    CHECK_INT(reads.n, 2);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    const uint32_t want[] = {7, 2 + 5, 0, 1, 2 + 5, 3};
    for (int i = 0; i < 6; i++)
        CHECK_INT(dfs[i], want[i]);
    drop_store(st, path);
}

/* sl_rows gives the rows bound to it, and none without them: a query
 * that does not name its argument has no plan. */
TEST(store_rows_table_needs_its_rows)
{
    OPEN_STORE(st, path);
    sqlite3_stmt *s = NULL;
    CHECK(sqlite3_prepare_v2(st->db, "SELECT c0 FROM sl_rows", -1, &s, NULL) != SQLITE_OK);
    sqlite3_finalize(s);
    s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sl_rows(?1)", -1, &s, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_ROW); /* a NULL argument, not the rows' pointer */
    CHECK_INT(sqlite3_column_int(s, 0), 0);
    sqlite3_finalize(s);
    drop_store(st, path);
}

/* sl_process_init, which the CLI calls first, turns SQLite's memory
 * statistics off; a library's open alone leaves them as the host has them.
 * Each runs again as a process of its own (this binary, this test alone,
 * SL_UNIT_FIRST_OPEN=init or open), whose first use of SQLite is the call
 * or the open. */
static void statistics_child(const char *self, const char *mode, int *status)
{
    pid_t child = fork();
    if (child == 0) {
        int quiet = open("/dev/null", O_WRONLY); /* its "1 passed" line */
        if (quiet >= 0)
            dup2(quiet, STDOUT_FILENO);
        setenv("SL_UNIT_FIRST_OPEN", mode, 1);
        execl(self, "unit-tests", "store_statistics_off_only_when_asked", (char *)NULL);
        _exit(127);
    }
    *status = -1;
    if (waitpid(child, status, 0) != child)
        *status = -1;
}

TEST(store_statistics_off_only_when_asked)
{
    const char *mode = getenv("SL_UNIT_FIRST_OPEN");
    if (mode) {
        int init = !strcmp(mode, "init");
        if (init)
            CHECK_INT(sl_process_init(), 0);
        OPEN_STORE(st, path);
        CHECK(init ? sqlite3_memory_used() == 0 : sqlite3_memory_used() > 0);
        CHECK_INT(sl_process_init(), SL_EUSAGE); /* SQLite is in use now */
        drop_store(st, path);
        return;
    }
    char self[4096];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1); /* valgrind's too gives ours */
    CHECK(len > 0);
    if (len <= 0)
        return;
    self[len] = '\0';
    for (int k = 0; k < 2; k++) {
        int status;
        statistics_child(self, k ? "open" : "init", &status);
        CHECK_INT(WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status), 0);
    }
}

/* A chrome line's reason of the list is stored as one byte, any other as
 * its words; both read back as written, and a place past the list is a
 * damaged row. */
TEST(store_removed_reasons_read_back_as_written)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_removed_insert(st, 1, 2, "Sign up", 7, "repeated in other articles"), 0);
    CHECK_INT(sl_store_removed_insert(st, 1, 5, "Menu", 4, "seen on 12 other pages"), 0);
    CHECK_INT(count_rows(st, "SELECT sum(length(reason)) FROM removed_lines"), 1 + 22);
    sl_article *a = NULL;
    CHECK_INT(sl_store_article_get(st, 1, &a), 0);
    CHECK_INT(a ? a->n_removed : 0, 2);
    if (a && a->n_removed == 2) {
        CHECK_INT(a->removed[0].line, 2);
        CHECK_STR(a->removed[0].text, "Sign up");
        CHECK_STR(a->removed[0].reason, "repeated in other articles");
        CHECK_INT(a->removed[1].line, 5);
        CHECK_STR(a->removed[1].reason, "seen on 12 other pages");
    }
    sl_article_free(a);
    a = NULL;
    CHECK_INT(sqlite3_exec(st->db, "UPDATE removed_lines SET reason = x'63' WHERE line_no = 2", NULL,
                           NULL, NULL),
              SQLITE_OK);
    CHECK_INT(sl_store_article_get(st, 1, &a), SL_ESTORE);
    CHECK(strstr(sl_store_errmsg(st), "reason does not read") != NULL); /* not "not an error" */
    sl_article_free(a);
    drop_store(st, path);
}
