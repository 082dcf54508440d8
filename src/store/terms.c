/* terms.c — table terms: the document frequency of each content term, which
 * the grouping stage reads at open and adds to batch by batch. */
#include "store_internal.h"

static const char Q_DF_ALL[] = "SELECT id, df FROM terms";
static const char Q_DF_ADD[] =
    "INSERT INTO terms VALUES(?1, ?2) ON CONFLICT(id) DO UPDATE SET df = df + ?2";

int sl_store_df_each(sl_store *st, int (*fn)(void *ctx, uint64_t term, uint32_t df), void *ctx)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_DF_ALL);
    if (!s || sl_store_scan_cache(st, 1))
        return SL_ESTORE;
    int rc, err = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        err = fn(ctx, (uint64_t)sqlite3_column_int64(s, 0), (uint32_t)sqlite3_column_int(s, 1));
        if (err)
            break;
    }
    sqlite3_reset(s);
    if (sl_store_scan_cache(st, 0) && !err)
        err = SL_ESTORE;
    if (err)
        return err;
    return rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

int sl_store_df_add(sl_store *st, uint64_t term, uint32_t increment)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_DF_ADD);
    if (!s || sqlite3_bind_int64(s, 1, (int64_t)term) || sqlite3_bind_int(s, 2, (int)increment))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}
