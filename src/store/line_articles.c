/* line_articles.c — table line_articles: which stored articles carry each
 * short line (by its fingerprint), which chrome removal reads to tell a
 * site's repeated furniture from an article's own lines. A line counts the
 * distinct articles carrying it, never the article judged. */
#include "store_internal.h"

static const char Q_LINE_COUNT[] =
    "SELECT count(*) FROM (SELECT 1 FROM line_articles WHERE line = ?1"
    " AND article_id <> ?2 LIMIT ?3)";
static const char Q_LINE_ADD[] = "INSERT OR IGNORE INTO line_articles VALUES(?1, ?2)";
static const char Q_LINES_CLEAR[] = "DELETE FROM line_articles WHERE article_id = ?1";

int sl_store_line_articles(sl_store *st, int64_t hash, int64_t self, uint32_t cap, uint32_t *n)
{
    *n = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_LINE_COUNT);
    if (!s || sqlite3_bind_int64(s, 1, hash) || sqlite3_bind_int64(s, 2, self) ||
        sqlite3_bind_int64(s, 3, cap))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *n = (uint32_t)sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? 0 : SL_ESTORE;
}

int sl_store_line_add(sl_store *st, int64_t hash, int64_t id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_LINE_ADD);
    if (!s || sqlite3_bind_int64(s, 1, hash) || sqlite3_bind_int64(s, 2, id))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_lines_clear(sl_store *st, int64_t id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_LINES_CLEAR);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}
