/* store_fixture.c — what the store's unit tests share: a fresh store of one
 * article, its removal, a count of the statements it runs, and small reads
 * and writes of its rows (a cell, line pairs and carriers, an article row). */
#include "store_fixture.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/date.h"

const char store_fixture_text[] = "Councillor Aila Brenn said the board met 3 times.";

sl_store *store_with_article(char *path, size_t size)
{
    snprintf(path, size, "/tmp/sl-unit-store-%d.db", (int)getpid());
    remove(path);
    sl_store *st = NULL;
    if (sl_store_open(&st, path, 0, NULL))
        return NULL;
    sl_article_row row = {.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1};
    int64_t id = 0;
    if (sl_store_begin(st) || sl_store_article_insert(st, &row, &id) || id != 1) {
        sl_store_close(st);
        return NULL;
    }
    return st;
}

void drop_store(sl_store *st, const char *path)
{
    sl_store_close(st);
    remove_store_files(path);
}

void remove_store_files(const char *path)
{
    char side[300];
    remove(path);
    snprintf(side, sizeof side, "%s-wal", path);
    remove(side);
    snprintf(side, sizeof side, "%s-shm", path);
    remove(side);
}

int64_t count_rows(sl_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    int64_t n = -1;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

static int count_statement(unsigned what, void *ctx, void *stmt, void *x)
{
    (void)what, (void)x;
    statement_count *c = ctx;
    const char *sql = sqlite3_sql(stmt);
    c->n += sql && !strncmp(sql, c->prefix, strlen(c->prefix));
    return 0;
}

void count_statements(sl_store *st, statement_count *c)
{
    c->n = 0;
    CHECK_INT(sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, count_statement, c), SQLITE_OK);
}

int query_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    int n = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

int line_pairs_in(sl_store *st, int64_t id, int merged)
{
    sqlite3_stmt *s = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(st->db,
                           merged ? "SELECT count(*) FROM line_articles WHERE ?1 = 0 OR article_id = ?1"
                                  : "SELECT count(*) FROM " LINE_PAIRS " WHERE ?1 = 0 OR article_id = ?1",
                           -1, &s, NULL) == SQLITE_OK &&
        sqlite3_bind_int64(s, 1, id) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

int line_pairs(sl_store *st, int64_t id) { return line_pairs_in(st, id, 0); }

uint32_t carriers_but(sl_store *st, int64_t line, int64_t self)
{
    uint64_t hash = (uint64_t)SL_TEST_LINE(line);
    uint32_t n = 0;
    CHECK_INT(sl_store_lines_count(st, &hash, 1, self, 10, &n), 0);
    return n;
}

uint32_t carriers(sl_store *st, int64_t line) { return carriers_but(st, line, 0); }

void add_article_row(sl_store *st, int64_t id)
{
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "INSERT INTO articles(id, text, content_hash, ingested_at,"
                                 " sentences, story_id) SELECT ?1, text, 1, 0, x'', 1"
                                 " FROM articles WHERE id = 1", -1, &s, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_bind_int64(s, 1, id), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
}
