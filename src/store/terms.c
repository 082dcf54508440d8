/* terms.c — table terms: the document frequency of each content term, which
 * the grouping stage reads term by term as articles need them and adds to
 * batch by batch. */
#include "store_internal.h"

static const char Q_DF_GET[] = "SELECT df FROM terms WHERE id = ?1";
static const char Q_DF_ADD[] =
    "INSERT INTO terms VALUES(?, ?) ON CONFLICT(id) DO UPDATE SET df = df + excluded.df";
/* The terms of a batch are distinct, so no row of a chunk meets another. */
static const char Q_DF_ADD_CHUNK[] = "INSERT INTO terms VALUES" SL_STORE_ROWS8_2
    " ON CONFLICT(id) DO UPDATE SET df = df + excluded.df";

int sl_store_df_get(void *store, uint64_t term, uint32_t *df)
{
    sqlite3_stmt *s = sl_store_stmt(store, Q_DF_GET);
    if (!s || sqlite3_bind_int64(s, 1, (int64_t)term))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    *df = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* A batch's increments, as rows (term, increment). */
typedef struct increments {
    const uint64_t *terms;
    const uint32_t *by;
} increments;

static int64_t increment_value(void *ctx, size_t row, int col)
{
    const increments *inc = ctx;
    return col ? (int64_t)inc->by[row] : (int64_t)inc->terms[row];
}

int sl_store_df_add(void *store, const uint64_t *terms, const uint32_t *by, size_t n)
{
    static const sl_store_rows rows = {Q_DF_ADD, Q_DF_ADD_CHUNK, 2, increment_value};
    return sl_store_exec_rows(store, &rows, n, &(increments){terms, by});
}
