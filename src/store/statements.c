/* statements.c — the store's statement cache and the helpers every table's
 * file steps its statements with: binding, a column copied, walks of rows,
 * rewrites of blobs row by row, and the handle's last error as one line.
 * The cache prepares a statement on its first use and finds it again by
 * the address of its SQL text (store.c opens the connection). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "store_internal.h"
#include "util/alloc.h"

/* 1 when the handle's last call left an error (not a row, not the end). */
static int holds_error(sqlite3 *db)
{
    int code = sqlite3_errcode(db);
    return code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE;
}

/* Whether an allocation failed since the last statement and SQLite holds
 * no error of its own: a store function that failed for want of memory
 * and answered SL_ESTORE, whose message was SQLite's "not an error". */
static int memory_ran_out(sl_store *st)
{
    return sl_alloc_failures() != st->alloc_mark && !(st->db && holds_error(st->db));
}

const char *sl_store_errmsg(sl_store *st)
{
    if (!st)
        return "";
    if (st->changed.len)
        return sl_buf_cstr(&st->changed);
    if (st->damaged)
        return st->damaged;
    if (st->kept[0] && st->db && !holds_error(st->db)) /* a newer error of SQLite's comes first */
        return st->kept;
    return st->nomem || memory_ran_out(st) ? "out of memory" : st->db ? sqlite3_errmsg(st->db) : "";
}

/* The cache's slot for `sql`: its own, or the empty one where it goes. */
static stmt_slot *slot_of(stmt_slot *cache, size_t cap, const char *sql)
{
    size_t i = (size_t)(((uintptr_t)sql >> 3) * 0x9E3779B97F4A7C15u) & (cap - 1);
    while (cache[i].sql && cache[i].sql != sql)
        i = (i + 1) & (cap - 1);
    return &cache[i];
}

/* Doubles the cache (kept at most half full, so a probe ends soon). */
static int grow_cache(sl_store *st)
{
    size_t cap = st->cap ? 2 * st->cap : 64;
    stmt_slot *cache = sl_calloc(cap, sizeof *cache);
    if (!cache)
        return SL_ENOMEM;
    for (size_t i = 0; i < st->cap; i++)
        if (st->cache[i].sql)
            *slot_of(cache, cap, st->cache[i].sql) = st->cache[i];
    free(st->cache);
    st->cache = cache;
    st->cap = cap;
    return 0;
}

sqlite3_stmt *sl_store_stmt(sl_store *st, const char *sql)
{
    st->damaged = NULL;
    st->kept[0] = '\0';
    st->alloc_mark = sl_alloc_failures();
    st->nomem = 2 * (st->n_cached + 1) > st->cap && grow_cache(st);
    if (st->nomem)
        return NULL;
    stmt_slot *slot = slot_of(st->cache, st->cap, sql);
    if (!slot->stmt) {
        if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->stmt, NULL) !=
            SQLITE_OK)
            return NULL;
        slot->sql = sql;
        st->n_cached++;
    } else {
        sqlite3_reset(slot->stmt);
        sqlite3_clear_bindings(slot->stmt);
    }
    return slot->stmt;
}

int sl_store_bind_text(sqlite3_stmt *s, int col, const char *text)
{
    int rc = text ? sqlite3_bind_text(s, col, text, -1, SQLITE_STATIC) : sqlite3_bind_null(s, col);
    return rc == SQLITE_OK ? 0 : SL_ESTORE;
}

int sl_store_bind_day(sqlite3_stmt *s, int col, int64_t day)
{
    int rc = day == INT64_MIN ? sqlite3_bind_null(s, col) : sqlite3_bind_int64(s, col, day);
    return rc == SQLITE_OK ? 0 : SL_ESTORE;
}

char *sl_store_column_dup(sqlite3_stmt *s, int col, int *err)
{
    const unsigned char *text = sqlite3_column_text(s, col);
    if (!text)
        return NULL;
    char *copy = sl_strdup((const char *)text);
    if (!copy)
        *err = SL_ENOMEM;
    return copy;
}

int sl_store_rows_end(sl_store *st, sqlite3_stmt *s, int step, int err)
{
    int rc = err ? err : step == SQLITE_DONE ? 0 : SL_ESTORE;
    if (rc && holds_error(st->db))
        snprintf(st->kept, sizeof st->kept, "%s", sqlite3_errmsg(st->db));
    sqlite3_reset(s);
    return rc;
}

int sl_store_each_id(sl_store *st, sqlite3_stmt *s, int (*fn)(void *ctx, int64_t id), void *ctx)
{
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = fn(ctx, sqlite3_column_int64(s, 0));
    return sl_store_rows_end(st, s, rc, err);
}

int sl_store_each_blob(sl_store *st, sqlite3_stmt *s,
                       int (*fn)(void *ctx, int64_t id, const void *blob, size_t len), void *ctx)
{
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = fn(ctx, sqlite3_column_int64(s, 0), sqlite3_column_blob(s, 1),
                 (size_t)sqlite3_column_bytes(s, 1));
    return sl_store_rows_end(st, s, rc, err);
}

/* Rewrites the row after *id, setting *id to it (0 when none is left). */
static int blob_rewrite_next(sl_store *st, const char *next_sql, const char *set_sql,
                             int (*convert)(sl_store *, sqlite3_stmt *, sl_buf *),
                             int64_t *id, sl_buf *blob)
{
    sqlite3_stmt *s = sl_store_stmt(st, next_sql);
    if (!s || sqlite3_bind_int64(s, 1, *id))
        return SL_ESTORE;
    int step = sqlite3_step(s), rc = 0;
    *id = 0;
    sl_buf_clear(blob);
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        rc = convert(st, s, blob);
    }
    rc = sl_store_rows_end(st, s, step == SQLITE_ROW ? SQLITE_DONE : step, rc);
    if (rc || !*id)
        return rc;
    s = sl_store_stmt(st, set_sql);
    if (!s || sqlite3_bind_int64(s, 1, *id) ||
        sqlite3_bind_blob(s, 2, blob->len ? blob->ptr : "", (int)blob->len, SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_blobs_rewrite(sl_store *st, const char *next_sql, const char *set_sql,
                           int (*convert)(sl_store *st, sqlite3_stmt *row, sl_buf *out))
{
    sl_buf blob = SL_BUF_INIT;
    int64_t id = 0;
    int rc;
    do
        rc = blob_rewrite_next(st, next_sql, set_sql, convert, &id, &blob);
    while (!rc && id);
    sl_buf_free(&blob);
    return rc;
}

int sl_store_row_by_id(sl_store *st, const char *sql, int64_t id, sqlite3_stmt **out)
{
    sqlite3_stmt *s = sl_store_stmt(st, sql);
    *out = NULL;
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? SL_ENOTFOUND : SL_ESTORE;
    }
    *out = s;
    return 0;
}

int sl_store_exec_stmt(sqlite3_stmt *s)
{
    if (!s)
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : SL_ESTORE;
}
