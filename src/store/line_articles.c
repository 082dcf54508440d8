/* line_articles.c — table line_articles: which stored articles carry each
 * short line (by its fingerprint), which chrome removal reads to tell a
 * site's repeated furniture from an article's own lines. A line counts the
 * distinct articles carrying it, never the article judged. Each article
 * row keeps the fingerprints it added (articles.lines, packed uint64), so a
 * new version takes its old lines out without an index by article: the
 * (line, article) key is the table's only index. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static const char Q_LINE_COUNT[] =
    "SELECT count(*) FROM (SELECT 1 FROM line_articles WHERE line = ?1"
    " AND article_id <> ?2 LIMIT ?3)";
static const char Q_LINE_ADD_CHUNK[] = "INSERT OR IGNORE INTO line_articles VALUES" SL_STORE_ROWS8_2;
static const char Q_LINE_REMOVE[] = "DELETE FROM line_articles WHERE line = ?1 AND article_id = ?2";
static const char Q_ARTICLE_LINES[] = "SELECT lines FROM articles WHERE id = ?1";

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

/* Runs `sql` with (line, article) for each of the n lines (the removals). */
static int each_pair(sl_store *st, const char *sql, const int64_t *lines, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *s = sl_store_stmt(st, sql);
        if (!s || sqlite3_bind_int64(s, 1, lines[i]) || sqlite3_bind_int64(s, 2, id) ||
            sl_store_exec_stmt(s))
            return SL_ESTORE;
    }
    return 0;
}

/* The lines of one article, as rows (line, article). */
typedef struct article_lines {
    const int64_t *lines;
    int64_t id;
} article_lines;

static int64_t article_line_value(void *ctx, size_t row, int col)
{
    const article_lines *a = ctx;
    return col ? a->id : a->lines[row];
}

int sl_store_lines_add(sl_store *st, int64_t id, const int64_t *lines, size_t n)
{
    static const sl_store_rows rows = {NULL, Q_LINE_ADD_CHUNK, 2, article_line_value};
    article_lines a = {lines, id};
    return sl_store_exec_rows(st, &rows, n, &a);
}

int sl_store_lines_clear(sl_store *st, int64_t id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_LINES);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    sl_id_vec lines = {0};
    int rc = sqlite3_step(s), err = 0;
    if (rc == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(s, 0) / sizeof(int64_t);
        if (n && !sl_vec_reserve(&lines, n)) {
            memcpy(lines.items, sqlite3_column_blob(s, 0), n * sizeof(int64_t));
            lines.n = n;
        } else if (n) {
            err = SL_ENOMEM;
        }
    } else if (rc != SQLITE_DONE) {
        err = SL_ESTORE;
    }
    sqlite3_reset(s);
    if (!err)
        err = each_pair(st, Q_LINE_REMOVE, lines.items, lines.n, id);
    sl_vec_free(&lines);
    return err;
}

/* ---- migration 7: the lines of each article into its row, then no index by article ---- */

static const char Q_PAIRS_BY_ARTICLE[] =
    "SELECT article_id, line FROM line_articles ORDER BY article_id";
static const char Q_LINES_SET[] = "UPDATE articles SET lines = ?2 WHERE id = ?1";

static int set_lines(sl_store *st, int64_t id, const sl_id_vec *lines)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_LINES_SET);
    if (!s || sqlite3_bind_int64(s, 1, id) ||
        sqlite3_bind_blob(s, 2, lines->items, (int)(lines->n * sizeof(int64_t)), SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_lines_backfill(sl_store *st)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, Q_PAIRS_BY_ARTICLE, -1, &s, NULL) != SQLITE_OK)
        return SL_ESTORE;
    sl_id_vec lines = {0};
    int64_t article = 0;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        if (lines.n && id != article) {
            err = set_lines(st, article, &lines);
            lines.n = 0;
        }
        article = id;
        if (!err && sl_vec_push(&lines, sqlite3_column_int64(s, 1)))
            err = SL_ENOMEM;
    }
    if (!err && rc != SQLITE_DONE)
        err = SL_ESTORE;
    sqlite3_finalize(s);
    if (!err && lines.n)
        err = set_lines(st, article, &lines);
    sl_vec_free(&lines);
    if (!err && sqlite3_exec(st->db, "DROP INDEX line_articles_article", NULL, NULL, NULL) != SQLITE_OK)
        err = SL_ESTORE;
    return err;
}
