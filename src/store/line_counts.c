/* line_counts.c — table line_counts: how often each short line (by its
 * fingerprint) has been seen in stored articles, which chrome removal reads
 * to tell a site's repeated furniture from an article's own lines. */
#include "store_internal.h"

static const char Q_LINE_GET[] = "SELECT n FROM line_counts WHERE hash = ?1";
static const char Q_LINE_BUMP[] =
    "INSERT INTO line_counts VALUES(?1, 1) ON CONFLICT(hash) DO UPDATE SET n = n + 1";

int sl_store_line_seen(sl_store *st, int64_t hash, int bump, uint32_t *count_before)
{
    *count_before = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_LINE_GET);
    if (!s || sqlite3_bind_int64(s, 1, hash))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *count_before = (uint32_t)sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return SL_ESTORE;
    if (!bump)
        return 0;
    s = sl_store_stmt(st, Q_LINE_BUMP);
    if (!s || sqlite3_bind_int64(s, 1, hash))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}
