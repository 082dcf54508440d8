/* flags.c — table article_flags: why an article's grouping day is not its
 * date ("undated", "date clamped"). */
#include "store_internal.h"

static const char Q_ARTICLE_FLAG[] = "INSERT OR REPLACE INTO article_flags VALUES(?1, ?2)";
static const char Q_ARTICLE_UNFLAG[] = "DELETE FROM article_flags WHERE article_id = ?1";
static const char Q_ARTICLE_FLAG_GET[] = "SELECT flag FROM article_flags WHERE article_id = ?1";

int sl_store_article_flag(sl_store *st, int64_t article_id, const char *flag)
{
    sqlite3_stmt *s = sl_store_stmt(st, flag ? Q_ARTICLE_FLAG : Q_ARTICLE_UNFLAG);
    if (!s || sqlite3_bind_int64(s, 1, article_id) || (flag && sl_store_bind_text(s, 2, flag)))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_article_flag_get(sl_store *st, int64_t article_id, char **flag)
{
    *flag = NULL;
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_FLAG_GET);
    if (!s || sqlite3_bind_int64(s, 1, article_id))
        return SL_ESTORE;
    int err = 0, rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *flag = sl_store_column_dup(s, 0, &err);
    sqlite3_reset(s);
    return err ? err : rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}
