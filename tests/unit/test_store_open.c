/* test_store_open.c — what a writer's open of the store asks of SQLite
 * (src/store/store.c): a store whose journal cannot be the write-ahead log
 * is refused, naming the file and the journal mode SQLite kept; the
 * writer's page cache, and the small one of a whole-table read. */
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "store_fixture.h"
#include "test.h"

/* SQLite's "unix-none" VFS has no shared memory, as a file system that
 * cannot map the WAL index: `PRAGMA journal_mode = WAL` answers "delete"
 * without an error. A writer's open must not go on in rollback mode
 * without a word (docs/store.md "Guarantees"); with the default VFS back,
 * the same path opens in WAL mode. */
TEST(store_open_refuses_a_journal_that_cannot_be_wal)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-nowal-%d.db", (int)getpid());
    remove_store_files(path);
    sqlite3_vfs *usual = sqlite3_vfs_find(NULL), *no_shm = sqlite3_vfs_find("unix-none");
    CHECK(usual != NULL && no_shm != NULL);
    if (!usual || !no_shm)
        return;
    sqlite3_vfs_register(no_shm, 1);
    sl_store *st = NULL;
    sl_buf why = SL_BUF_INIT;
    int rc = sl_store_open(&st, path, 0, &why);
    sqlite3_vfs_register(usual, 1);
    CHECK_INT(rc, SL_ESTORE);
    CHECK(st == NULL);
    const char *msg = sl_buf_cstr(&why);
    CHECK(!strncmp(msg, path, strlen(path)));
    CHECK(strstr(msg, "write-ahead log") != NULL);
    CHECK(strstr(msg, "\"delete\"") != NULL);
    sl_store_close(st);
    remove_store_files(path);
    CHECK_INT(sl_store_open(&st, path, 0, &why), 0);
    sqlite3_stmt *s = NULL;
    CHECK(st && sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &s, NULL) == SQLITE_OK &&
          sqlite3_step(s) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(s, 0), "wal"));
    sqlite3_finalize(s);
    drop_store(st, path);
    sl_buf_free(&why);
}

/* PRAGMA cache_size of the store's connection (negative: KB). */
static int cache_size(sl_store *st)
{
    sqlite3_stmt *s = NULL;
    int kb = 0;
    if (sqlite3_prepare_v2(st->db, "PRAGMA cache_size", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        kb = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return kb;
}

static int seen_cache;

static int note_cache(void *ctx, int64_t id, const void *keys, size_t len)
{
    (void)id, (void)keys, (void)len;
    seen_cache = cache_size(ctx);
    return 0;
}

TEST(store_whole_table_reads_go_through_a_small_cache)
{
    OPEN_STORE(st, path);
    unsigned char keys[4] = {1, 0, 0, 0}, sentences[1] = {0};
    CHECK_INT(sl_store_sketch_put(st, 1, keys, sizeof keys, sentences, sizeof sentences, NULL), 0);
    CHECK_INT(cache_size(st), -24000);
    seen_cache = 0;
    CHECK_INT(sl_store_sketch_keys_each(st, note_cache, st), 0);
    CHECK_INT(seen_cache, -2000);        /* the whole-table read */
    CHECK_INT(cache_size(st), -24000);   /* the writer's cache, back after it */
    drop_store(st, path);
}
