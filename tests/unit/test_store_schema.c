/* test_store_schema.c — the schema (src/store/migrate.c): a fresh store's
 * is the one the migrations step to from version 1, its search index and
 * term counts alike either way. */
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

/* The schema of the store at `path` as text: every sqlite_schema row
 * (type, name, table, SQL with each run of whitespace one space), by name,
 * then PRAGMA user_version; NULL when it does not read. */
static char *schema_text(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    sl_buf out = {0};
    int ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema"
                                    " ORDER BY name", -1, &s, NULL) == SQLITE_OK;
    while (ok && sqlite3_step(s) == SQLITE_ROW) {
        sl_buf_printf(&out, "%s|%s|%s|", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
                      sqlite3_column_text(s, 2));
        int space = 0;
        for (const unsigned char *c = sqlite3_column_text(s, 3); *c; c++) {
            if (*c == ' ' || *c == '\n' || *c == '\t') {
                space = 1;
                continue;
            }
            if (space)
                sl_buf_putc(&out, ' ');
            sl_buf_putc(&out, (char)*c);
            space = 0;
        }
        sl_buf_putc(&out, '\n');
    }
    int version = -1;
    ok = ok && !sl_store_user_version(db, &version);
    sl_buf_printf(&out, "user_version %d\n", version);
    sqlite3_finalize(s);
    sqlite3_close(db);
    char *text = ok && !out.err ? strdup(sl_buf_cstr(&out)) : NULL;
    sl_buf_free(&out);
    return text;
}

/* Makes two stores under /tmp named by `tag`, each opened for writing and
 * closed: `fresh` from an empty file, `stepped` from one of schema 1 made by
 * plain SQLite, which every migration then runs on. 0 if both
 * opened. */
static int fresh_and_stepped(const char *tag, char *fresh, char *stepped, size_t size)
{
    snprintf(fresh, size, "/tmp/sl-unit-%s-fresh-%d.db", tag, (int)getpid());
    snprintf(stepped, size, "/tmp/sl-unit-%s-stepped-%d.db", tag, (int)getpid());
    remove(fresh);
    remove(stepped);
    sqlite3 *db = NULL;
    int bad = sqlite3_open(stepped, &db) != SQLITE_OK || sl_store_make_version1(db);
    sqlite3_close(db);
    sl_store *a = NULL, *b = NULL;
    bad = bad || sl_store_open(&a, fresh, 0, NULL) || sl_store_open(&b, stepped, 0, NULL);
    sl_store_close(a);
    sl_store_close(b);
    return bad;
}

/* A fresh store is made by one script at the current schema; a store of
 * schema 1 takes every migration: both end with the same tables, indexes
 * and SQL (but for whitespace) and the same version. */
TEST(store_fresh_schema_is_the_migrated_one)
{
    char fresh[128], stepped[128];
    CHECK_INT(fresh_and_stepped("schema", fresh, stepped, sizeof fresh), 0);
    char *want = schema_text(stepped), *got = schema_text(fresh);
    CHECK(want && strstr(want, "user_version 1\n") == NULL && strstr(want, "copy_keys_recent"));
    CHECK_STR(got, want);
    free(want);
    free(got);
    drop_store(NULL, fresh);
    drop_store(NULL, stepped);
}

/* FTS5's automerge of the store at path, -1 when it has none set. */
static int fts_automerge(const char *path)
{
    return query_int(path, "SELECT v FROM article_fts_config WHERE k = 'automerge'");
}

/* The search index merges a level's segments at 8, not FTS5's 4, in a
 * fresh store and in one migrated from schema 1 (migration 22). */
TEST(store_search_index_merges_at_eight_fresh_or_migrated)
{
    char fresh[128], stepped[128];
    CHECK_INT(fresh_and_stepped("automerge", fresh, stepped, sizeof fresh), 0);
    CHECK_INT(fts_automerge(fresh), 8);
    CHECK_INT(fts_automerge(stepped), 8);
    drop_store(NULL, fresh);
    drop_store(NULL, stepped);
}

/* The term counts are an index of integers, not a table keyed by rowid,
 * in a fresh store and in one migrated from schema 1 (migration 24): a
 * seek by a random 64-bit rowid decodes 9-byte varints all the way down. */
TEST(store_term_counts_without_rowid_fresh_or_migrated)
{
    static const char q[] = "SELECT count(*) FROM sqlite_schema WHERE name IN ('terms',"
                            " 'terms_recent') AND sql LIKE '%WITHOUT ROWID'";
    char fresh[128], stepped[128];
    CHECK_INT(fresh_and_stepped("counts", fresh, stepped, sizeof fresh), 0);
    CHECK_INT(query_int(fresh, q), 2);
    CHECK_INT(query_int(stepped, q), 2);
    drop_store(NULL, fresh);
    drop_store(NULL, stepped);
}
