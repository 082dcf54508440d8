/* terms.c — table terms: the document frequency of each content term, which
 * the grouping stage reads term by term as articles need them and adds to
 * batch by batch. From schema 14 a batch adds to terms_recent, which a
 * commit adds into terms when due (recent.c): a term's count is the sum of
 * its rows in the two. */
#include "store_internal.h"

static const char Q_DF_GET[] = "SELECT df FROM terms WHERE id = ?1";
static const char Q_DF_GET_BOTH[] =
    "SELECT coalesce((SELECT df FROM terms WHERE id = ?1), 0)"
    " + coalesce((SELECT df FROM terms_recent WHERE id = ?1), 0)";
static const char Q_DF_ADD[] =
    "INSERT INTO terms VALUES(?1, ?2) ON CONFLICT(id) DO UPDATE SET df = df + ?2";
static const char Q_DF_ADD_RECENT[] =
    "INSERT INTO terms_recent VALUES(?1, ?2) ON CONFLICT(id) DO UPDATE SET df = df + ?2";

int sl_store_df_get(void *store, uint64_t term, uint32_t *df)
{
    const sl_store *st = store;
    int recent = st->schema >= SL_STORE_RECENT_SINCE;
    sqlite3_stmt *s = sl_store_stmt(store, recent ? Q_DF_GET_BOTH : Q_DF_GET);
    if (!s || sqlite3_bind_int64(s, 1, (int64_t)term))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    *df = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

int sl_store_df_add(sl_store *st, uint64_t term, uint32_t increment)
{
    int recent = st->schema >= SL_STORE_RECENT_SINCE;
    sqlite3_stmt *s = sl_store_stmt(st, recent ? Q_DF_ADD_RECENT : Q_DF_ADD);
    if (!s || sqlite3_bind_int64(s, 1, (int64_t)term) || sqlite3_bind_int(s, 2, (int)increment))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}
