/* search.c — full-text search over titles and texts with SQLite FTS5, ranked
 * by bm25 with titles weighted three times the body. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static const char Q_SEARCH[] =
    "SELECT f.rowid, a.story_id, bm25(article_fts, 3.0, 1.0), a.title,"
    " snippet(article_fts, 1, '[', ']', '…', 16)"
    " FROM article_fts f JOIN articles a ON a.id = f.rowid"
    " WHERE article_fts MATCH ?1 ORDER BY bm25(article_fts, 3.0, 1.0) LIMIT ?2";

/* Turns free words into an FTS5 query of quoted terms (ANDed), so that
 * "cease-fire Cairo" or a stray quote mark is never a syntax error. A query
 * that already uses FTS5 syntax (AND/OR/NOT/NEAR, quotes, *) is passed on. */
static int fts_query(const char *query, sl_buf *out)
{
    static const char *const ops[] = {" AND ", " OR ", " NOT ", "NEAR(", "\"", "*"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strstr(query, ops[i]))
            return sl_buf_puts(out, query);
    const char *p = query;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (p > start) {
            if (out->len)
                sl_buf_putc(out, ' ');
            sl_buf_putc(out, '"');
            sl_buf_put(out, start, (size_t)(p - start));
            sl_buf_putc(out, '"');
        }
    }
    return out->err;
}

int sl_store_search(sl_store *st, const char *query, int limit, sl_search_hits **out)
{
    *out = NULL;
    sl_buf q = SL_BUF_INIT;
    if (fts_query(query, &q) || !q.len) {
        sl_buf_free(&q);
        return SL_EUSAGE;
    }
    sqlite3_stmt *s = sl_store_stmt(st, Q_SEARCH);
    if (!s || sqlite3_bind_text(s, 1, q.ptr, -1, SQLITE_TRANSIENT) ||
        sqlite3_bind_int(s, 2, limit > 0 ? limit : 20)) {
        sl_buf_free(&q);
        return SL_ESTORE;
    }
    sl_buf_free(&q);
    sl_search_hits *hits = calloc(1, sizeof *hits);
    int err = hits ? 0 : SL_ENOMEM, rc = SQLITE_DONE;
    size_t cap = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (hits->n == cap) {
            size_t c = cap ? cap * 2 : 16;
            sl_search_hit *p = realloc(hits->items, c * sizeof *p);
            if (!p) {
                err = SL_ENOMEM;
                break;
            }
            hits->items = p;
            cap = c;
        }
        sl_search_hit *h = &hits->items[hits->n++];
        h->article_id = sqlite3_column_int64(s, 0);
        h->story_id = sqlite3_column_int64(s, 1);
        h->rank = sqlite3_column_double(s, 2);
        h->title = sl_store_column_dup(s, 3, &err);
        h->snippet = sl_store_column_dup(s, 4, &err);
    }
    sqlite3_reset(s);
    if (!err && rc != SQLITE_DONE)
        err = rc == SQLITE_ERROR ? SL_EUSAGE : SL_ESTORE; /* FTS5 syntax errors are the query's */
    if (err) {
        sl_search_hits_free(hits);
        return err;
    }
    *out = hits;
    return 0;
}
