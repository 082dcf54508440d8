/* copies.c — table copies: copy relations with their evidence, for one
 * article or for all. */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "store_internal.h"
#include "util/alloc.h"

static const char Q_COPY_INSERT[] =
    "INSERT OR REPLACE INTO copies(article_id, of_id, kind, score, evidence,"
    " same_origin, credit) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char Q_COPIES_CLEAR[] = "DELETE FROM copies WHERE article_id = ?1 OR of_id = ?1";
static const char Q_COPIES_ALL[] =
    "SELECT article_id, of_id, kind, score, same_origin, credit, evidence"
    " FROM copies ORDER BY article_id, of_id";
static const char Q_COPIES_ONE[] =
    "SELECT article_id, of_id, kind, score, same_origin, credit, evidence"
    " FROM copies WHERE article_id = ?1"
    " OR of_id = ?1 ORDER BY article_id, of_id";

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
    c->evidence = sl_calloc(lines + 1, sizeof *c->evidence);
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
    c->kind = sl_copy_kind_of_name((const char *)sqlite3_column_text(s, 2));
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
    sl_copy_list *list = sl_calloc(1, sizeof *list);
    int err = list ? 0 : SL_ENOMEM, rc = SQLITE_DONE;
    size_t cap = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (list->n == cap) {
            size_t c = cap ? cap * 2 : 16;
            sl_copy *p = sl_realloc(list->items, c * sizeof *p);
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

