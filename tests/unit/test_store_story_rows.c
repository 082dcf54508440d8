/* test_store_story_rows.c — a batch's story rows kept until its commit
 * (src/store/story_rows.c): written once, as writing at once leaves them;
 * seen by the reads and statements of the batch; gone at a rollback. */
#include <stdio.h>

#include "store_fixture.h"
#include "util/date.h"

/* A centroid of two terms past any id (stored as themselves), the second
 * weighing `w`, packed into `out`: its length. */
static size_t centroid_of(float w, unsigned char *out)
{
    sl_weighted_term terms[2] = {{0x100000001ULL, 1.0f}, {0x100000002ULL, w}};
    return sl_centroid_pack(terms, 2, out);
}

/* The story row's columns an update sets, as one line of text. */
static void row_text(sl_store *st, int64_t id, char *out, size_t size)
{
    sqlite3_stmt *s = NULL;
    snprintf(out, size, "(no row)");
    if (sqlite3_prepare_v2(st->db, "SELECT n_articles || ' ' || coalesce(first_day, '-') || ' '"
                           " || coalesce(last_day, '-') || ' ' || coalesce(title, '-') || ' '"
                           " || title_score || ' ' || hex(centroid) FROM stories WHERE id = ?1",
                           -1, &s, NULL) == SQLITE_OK &&
        sqlite3_bind_int64(s, 1, id) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
}

/* Four articles of one story: dated, undated, earlier, later; a title, a
 * score alone, none, another title. */
static int four_updates(sl_store *st, int64_t story)
{
    static const int64_t days[4] = {20002, SL_NO_DAY, 19999, 20005};
    static const sl_story_title titles[4] = {
        {"Board meets", 0.5}, {NULL, 0.625}, {0}, {"Board votes", 0.75}};
    unsigned char packed[64];
    int rc = 0;
    for (int k = 0; !rc && k < 4; k++) {
        size_t len = centroid_of(0.25f * (float)(k + 1), packed);
        rc = sl_store_story_update(st, story, packed, len, days[k], k == 2 ? NULL : &titles[k]);
    }
    return rc;
}

/* A story of day 20001 titled "Old headline", committed, and a new batch
 * begun. */
static int committed_story(sl_store *st, int64_t *story)
{
    return sl_store_story_new(st, 1, "Old headline", 20001, story) || sl_store_commit(st) ||
           sl_store_begin(st);
}

static int state_seen(void *ctx, const sl_story_state *story)
{
    *(sl_story_state *)ctx = *story;
    ((sl_story_state *)ctx)->centroid = NULL; /* the store's buffer, gone after the call */
    return 0;
}

/* In a batch the four updates write nothing until the commit, which writes
 * the row once; the row is the one four writes at once leave (the same
 * updates outside a batch). */
TEST(store_story_rows_written_once_at_the_commit)
{
    OPEN_STORE(st, path);
    int64_t story = 0, other = 0;
    CHECK_INT(sl_store_story_new(st, 1, "Old headline", 20001, &story), 0);
    CHECK_INT(sl_store_story_new(st, 1, "Old headline", 20001, &other), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    statement_count updates = {"UPDATE stories", 0};
    count_statements(st, &updates);
    CHECK_INT(four_updates(st, story), 0);
    CHECK_INT(updates.n, 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(updates.n, 1);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(four_updates(st, other), 0); /* outside a batch: each at once */
    char batched[512], at_once[512];
    row_text(st, story, batched, sizeof batched);
    row_text(st, other, at_once, sizeof at_once);
    CHECK_STR(batched, at_once);
    CHECK(strncmp(batched, "4 19999 20005 Board votes 0.75 ", 31) == 0);
    drop_store(st, path);
}

/* A read of the story in the batch (the grouper's state) sees its pending
 * update; a retitle and a merge in the batch come after the updates made
 * before them, as when each was written at once. */
TEST(store_story_rows_seen_by_the_batch)
{
    OPEN_STORE(st, path);
    int64_t story = 0, into = 0;
    CHECK_INT(sl_store_story_new(st, 1, "Old headline", SL_NO_DAY, &story), 0);
    CHECK_INT(sl_store_story_new(st, 1, "Other headline", 20010, &into), 0);
    CHECK_INT(four_updates(st, story), 0);
    sl_story_state seen = {0};
    CHECK_INT(sl_store_story_state(st, story, state_seen, &seen), 0);
    CHECK_INT(seen.articles, 4);
    CHECK_INT(seen.first_day, 19999);
    CHECK_INT(seen.last_day, 20005);
    CHECK(seen.title_score == 0.75);
    CHECK_INT(sl_store_story_retitle(st, story, "Board adjourns", 0.875), 0);
    unsigned char packed[64];
    size_t len = centroid_of(2.0f, packed);
    CHECK_INT(sl_store_story_update(st, story, packed, len, SL_NO_DAY, NULL), 0);
    CHECK_INT(sl_store_story_update(st, into, packed, len, 20011, NULL), 0);
    CHECK_INT(sl_store_stories_merge(st, story, into), 0);
    CHECK_INT(sl_store_commit(st), 0);
    char text[512];
    row_text(st, story, text, sizeof text);
    CHECK_STR(text, "0 19999 20005 Board adjourns 0.875 ");
    row_text(st, into, text, sizeof text);
    CHECK(strncmp(text, "6 19999 20011 Other headline 0.0 ", 33) == 0);
    drop_store(st, path);
}

/* A rollback forgets the batch's pending updates. */
TEST(store_story_rows_forgotten_at_a_rollback)
{
    OPEN_STORE(st, path);
    int64_t story = 0;
    CHECK_INT(committed_story(st, &story), 0);
    CHECK_INT(four_updates(st, story), 0);
    CHECK_INT(sl_store_rollback(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_commit(st), 0);
    char text[512];
    row_text(st, story, text, sizeof text);
    CHECK_STR(text, "0 20001 20001 Old headline 0.0 ");
    drop_store(st, path);
}

/* A new story's thread goes in with its update, by the commit's one
 * statement; a thread merge in the batch moves the pending thread too. */
TEST(store_story_rows_keep_a_new_story_thread)
{
    OPEN_STORE(st, path);
    int64_t first = 0, second = 0, other = 0;
    CHECK_INT(sl_store_story_new(st, 1, "Other", 20001, &other), 0);
    CHECK_INT(sl_store_story_thread(st, other, other), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    statement_count updates = {"UPDATE stories", 0};
    count_statements(st, &updates);
    unsigned char packed[64];
    size_t len = centroid_of(0.5f, packed);
    CHECK_INT(sl_store_story_new(st, 1, "First", 20001, &first), 0);
    CHECK_INT(sl_store_story_thread(st, first, first), 0);
    CHECK_INT(sl_store_story_update(st, first, packed, len, 20001, NULL), 0);
    CHECK_INT(sl_store_story_new(st, 1, "Second", 20002, &second), 0);
    CHECK_INT(sl_store_story_thread(st, second, first), 0);
    CHECK_INT(sl_store_story_update(st, second, packed, len, 20002, NULL), 0);
    CHECK_INT(updates.n, 0);
    CHECK_INT(sl_store_threads_merge(st, first, other), 0);
    CHECK_INT(updates.n, 1);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(updates.n, 3);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM stories WHERE thread_id = %lld"
             " AND centroid IS NOT NULL", (long long)other);
    CHECK_INT(count_rows(st, sql), 2);
    drop_store(st, path);
}

/* A split's reset sets every column a pending update would: the update is
 * dropped unwritten, and one after the reset adds to the reset's row. */
TEST(store_story_rows_dropped_by_a_reset)
{
    OPEN_STORE(st, path);
    int64_t story = 0;
    CHECK_INT(committed_story(st, &story), 0);
    statement_count updates = {"UPDATE stories", 0};
    count_statements(st, &updates);
    CHECK_INT(four_updates(st, story), 0);
    unsigned char packed[64];
    size_t len = centroid_of(1.5f, packed);
    sl_story_state reset = {.id = story, .thread_id = story, .first_day = 20003, .last_day = 20004,
                            .title_score = 0.25, .centroid = packed, .len = len, .articles = 2};
    CHECK_INT(sl_store_story_reset(st, &reset, 1, "Fallback"), 0);
    CHECK_INT(updates.n, 1);
    CHECK_INT(sl_store_story_update(st, story, packed, len, 20006, NULL), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(updates.n, 2);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    char text[512];
    row_text(st, story, text, sizeof text);
    CHECK(strncmp(text, "3 20003 20006 Fallback 0.25 ", 28) == 0);
    drop_store(st, path);
}
