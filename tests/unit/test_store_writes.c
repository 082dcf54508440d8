/* test_store_writes.c — rows as an article's write leaves them: its story's
 * row, whose update with a new title writes it once (src/store/stories.c),
 * and the time its own row is stamped with (articles.c). */
#include <sqlite3.h>
#include <stdio.h>
#include <time.h>

#include "store_fixture.h"
#include "util/date.h"

static int title_is(sl_store *st, int64_t id, const char *want)
{
    sqlite3_stmt *s = NULL;
    int same = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT title IS ?2 FROM stories WHERE id = ?1", -1, &s,
                           NULL) == SQLITE_OK &&
        sqlite3_bind_int64(s, 1, id) == SQLITE_OK &&
        sqlite3_bind_text(s, 2, want, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        same = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return same;
}

/* The update with a title sets counts, days, title and score by one
 * statement; a NULL title keeps the old one and sets the score; no title
 * leaves both. Each is committed, where a batch writes its story rows
 * (story_rows.c). */
TEST(store_story_update_writes_its_title_by_the_same_statement)
{
    OPEN_STORE(st, path);
    int64_t story = 0;
    CHECK_INT(sl_store_story_new(st, 1, "Old headline", 20000, &story), 0);
    statement_count updates = {"UPDATE stories", 0};
    count_statements(st, &updates);
    sl_story_title title = {"Board meets three times", 0.75};
    CHECK_INT(sl_store_story_update(st, story, NULL, 0, 20002, &title), 0);
    CHECK_INT(sl_store_commit(st) || sl_store_begin(st), 0);
    CHECK_INT(updates.n, 1);
    CHECK(title_is(st, story, "Board meets three times"));
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT n_articles * 1000 + last_day - first_day FROM stories"
             " WHERE id = %lld AND title_score = 0.75", (long long)story);
    CHECK_INT(count_rows(st, sql), 1002);
    title = (sl_story_title){NULL, 0.5};
    CHECK_INT(sl_store_story_update(st, story, NULL, 0, SL_NO_DAY, &title), 0);
    CHECK_INT(sl_store_commit(st) || sl_store_begin(st), 0);
    CHECK_INT(updates.n, 2);
    CHECK(title_is(st, story, "Board meets three times"));
    snprintf(sql, sizeof sql, "SELECT n_articles FROM stories WHERE id = %lld"
             " AND title_score = 0.5", (long long)story);
    CHECK_INT(count_rows(st, sql), 2);
    CHECK_INT(sl_store_story_update(st, story, NULL, 0, SL_NO_DAY, NULL), 0);
    CHECK_INT(sl_store_commit(st) || sl_store_begin(st), 0);
    CHECK_INT(updates.n, 3);
    CHECK(title_is(st, story, "Board meets three times"));
    CHECK_INT(count_rows(st, sql), 3);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

/* An article's ingested_at is the time of its write, in whole seconds since
 * 1970, an integer (as strftime('%s','now') gave it). */
TEST(store_article_insert_stamps_the_time_of_its_write)
{
    OPEN_STORE(st, path);
    int64_t before = (int64_t)time(NULL), id = 0;
    sl_article_row row = {.text = store_fixture_text, .identity = "key:stamped",
                          .published_day = SL_NO_DAY, .story_id = 1};
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    int64_t after = (int64_t)time(NULL);
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT ingested_at FROM articles WHERE id = %lld"
             " AND typeof(ingested_at) = 'integer'", (long long)id);
    int64_t at = count_rows(st, sql);
    CHECK(at >= before && at <= after);
    drop_store(st, path);
}
