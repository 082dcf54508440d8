/* copies.c — copy relations with their evidence, and each article's sketch
 * (key terms and sentence term lists) from which the copy stage rebuilds its
 * index at open and compares candidates. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

int sl_store_copy_insert(sl_store *st, const sl_copy_row *row)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_COPY_INSERT);
    if (!s || sqlite3_bind_int64(s, 1, row->article_id) || sqlite3_bind_int64(s, 2, row->of_id) ||
        sl_store_bind_text(s, 3, row->kind) || sqlite3_bind_double(s, 4, row->score) ||
        sl_store_bind_text(s, 5, row->evidence) || sqlite3_bind_int(s, 6, row->same_origin) ||
        sl_store_bind_text(s, 7, row->credit))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_copies_clear(sl_store *st, int64_t article_id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_COPIES_CLEAR);
    if (!s || sqlite3_bind_int64(s, 1, article_id))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Parses the evidence column: one "a_start a_end of_start of_end similarity"
 * line per aligned pair. */
static int parse_evidence(const char *text, sl_copy *c)
{
    if (!text || !*text)
        return 0;
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    c->evidence = calloc(lines + 1, sizeof *c->evidence);
    if (!c->evidence)
        return SL_ENOMEM;
    const char *p = text;
    while (*p) {
        char *end;
        unsigned long v[4];
        for (int k = 0; k < 4; k++) {
            v[k] = strtoul(p, &end, 10);
            p = end;
        }
        double sim = strtod(p, &end);
        if (end == p)
            break;
        c->evidence[c->n_evidence++] = (sl_evidence){{(uint32_t)v[0], (uint32_t)v[1]},
                                                     {(uint32_t)v[2], (uint32_t)v[3]}, sim};
        p = end;
        while (*p == '\n' || *p == ' ')
            p++;
    }
    return 0;
}

static int read_copy(sqlite3_stmt *s, sl_copy *c)
{
    int err = 0;
    memset(c, 0, sizeof *c);
    c->article_id = sqlite3_column_int64(s, 0);
    c->of_id = sqlite3_column_int64(s, 1);
    c->kind = sl_store_column_dup(s, 2, &err);
    c->score = sqlite3_column_double(s, 3);
    c->same_origin = sqlite3_column_int(s, 4);
    c->credit = sl_store_column_dup(s, 5, &err);
    return err ? err : parse_evidence((const char *)sqlite3_column_text(s, 6), c);
}

int sl_store_copies_list(sl_store *st, int64_t article_id, sl_copy_list **out)
{
    *out = NULL;
    sqlite3_stmt *s = sl_store_stmt(st, article_id ? Q_COPIES_ONE : Q_COPIES_ALL);
    if (!s || (article_id && sqlite3_bind_int64(s, 1, article_id)))
        return SL_ESTORE;
    sl_copy_list *list = calloc(1, sizeof *list);
    int err = list ? 0 : SL_ENOMEM, rc = SQLITE_DONE;
    size_t cap = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (list->n == cap) {
            size_t c = cap ? cap * 2 : 16;
            sl_copy *p = realloc(list->items, c * sizeof *p);
            if (!p) {
                err = SL_ENOMEM;
                break;
            }
            list->items = p;
            cap = c;
        }
        err = read_copy(s, &list->items[list->n++]);
    }
    sqlite3_reset(s);
    if (!err && rc != SQLITE_DONE)
        err = SL_ESTORE;
    if (err) {
        sl_copy_list_free(list);
        return err;
    }
    *out = list;
    return 0;
}

int sl_store_sketch_put(sl_store *st, int64_t article_id, const void *keys, size_t keys_len,
                        const void *sentences, size_t len, const char *credit)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_SKETCH_PUT);
    if (!s || sqlite3_bind_int64(s, 1, article_id) ||
        sqlite3_bind_blob(s, 2, keys_len ? keys : "", (int)keys_len, SQLITE_STATIC) ||
        sqlite3_bind_blob(s, 3, len ? sentences : "", (int)len, SQLITE_STATIC) ||
        sl_store_bind_text(s, 4, credit && *credit ? credit : NULL))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

static void column_to_buf(sqlite3_stmt *s, int col, sl_buf *out)
{
    sl_buf_clear(out);
    const void *p = sqlite3_column_blob(s, col);
    int n = sqlite3_column_bytes(s, col);
    if (p && n > 0)
        sl_buf_put(out, p, (size_t)n);
}

int sl_store_sketch_get(sl_store *st, int64_t id, sl_stored_sketch *out)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_SKETCH_GET);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        column_to_buf(s, 0, &out->sentences);
        column_to_buf(s, 1, &out->credit);
        out->day = sqlite3_column_type(s, 2) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(s, 2);
        column_to_buf(s, 3, &out->spans);
        out->story_id = sqlite3_column_int64(s, 4);
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return out->sentences.err || out->spans.err || out->credit.err ? SL_ENOMEM : 0;
    return rc == SQLITE_DONE ? SL_ENOTFOUND : SL_ESTORE;
}

int sl_store_sketch_keys_each(sl_store *st,
                              int (*fn)(void *ctx, int64_t id, const void *keys, size_t len),
                              void *ctx)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_SKETCH_KEYS);
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = fn(ctx, sqlite3_column_int64(s, 0), sqlite3_column_blob(s, 1),
                 (size_t)sqlite3_column_bytes(s, 1));
    sqlite3_reset(s);
    return err ? err : (rc == SQLITE_DONE ? 0 : SL_ESTORE);
}

int sl_store_unsketched_each(sl_store *st, int (*fn)(void *ctx, int64_t id), void *ctx)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_UNSKETCHED);
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = fn(ctx, sqlite3_column_int64(s, 0));
    sqlite3_reset(s);
    return err ? err : (rc == SQLITE_DONE ? 0 : SL_ESTORE);
}
