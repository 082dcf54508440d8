/* facts.c (store) — table facts: the extracted facts of each article,
 * written once per stored article version, read back per article or per
 * story for the cross-check. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static const char Q_FACTS_CLEAR[] = "DELETE FROM facts WHERE article_id = ?1";
static const char Q_FACT_INSERT[] =
    "INSERT INTO facts VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)";
static const char Q_FACTS_STORY[] =
    "SELECT f.article_id, f.kind, f.start, f.end, f.sent_start, f.sent_end, f.src_start,"
    " f.src_end, f.value, f.value_hi, f.approx, f.text, f.about, f.detail, f.role"
    " FROM articles a JOIN facts f ON f.article_id = a.id"
    " WHERE a.story_id = ?1 AND (?2 < 0 OR f.kind = ?2) ORDER BY a.id, f.n";
static const char Q_FACTS_ARTICLE[] =
    "SELECT article_id, kind, start, end, sent_start, sent_end, src_start, src_end, value,"
    " value_hi, approx, text, about, detail, role FROM facts"
    " WHERE article_id = ?1 AND (?2 < 0 OR kind = ?2) ORDER BY n";
static const char Q_FACTS_ALL[] =
    "SELECT article_id, kind, start, end, sent_start, sent_end, src_start, src_end, value,"
    " value_hi, approx, text, about, detail, role FROM facts"
    " WHERE ?1 < 0 OR kind = ?1 ORDER BY article_id, n";

int sl_store_facts_put(sl_store *st, int64_t article_id, const sl_fact_item *items, size_t n)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_FACTS_CLEAR);
    if (!s || sqlite3_bind_int64(s, 1, article_id) || sl_store_exec_stmt(s))
        return SL_ESTORE;
    for (size_t i = 0; i < n; i++) {
        const sl_fact_item *it = &items[i];
        char approx[2] = {it->approx ? it->approx : '=', 0};
        if (!(s = sl_store_stmt(st, Q_FACT_INSERT)) || sqlite3_bind_int64(s, 1, article_id) ||
            sqlite3_bind_int64(s, 2, (int64_t)i) || sqlite3_bind_int(s, 3, (int)it->kind) ||
            sqlite3_bind_int64(s, 4, it->span.start) || sqlite3_bind_int64(s, 5, it->span.end) ||
            sqlite3_bind_int64(s, 6, it->sentence.start) ||
            sqlite3_bind_int64(s, 7, it->sentence.end) ||
            sqlite3_bind_int64(s, 8, it->source.start) ||
            sqlite3_bind_int64(s, 9, it->source.end) || sqlite3_bind_double(s, 10, it->value) ||
            sqlite3_bind_double(s, 11, it->value_hi) || sl_store_bind_text(s, 12, approx) ||
            sl_store_bind_text(s, 13, it->text) || sl_store_bind_text(s, 14, it->about) ||
            sl_store_bind_text(s, 15, it->detail) || sl_store_bind_text(s, 16, it->role) ||
            sl_store_exec_stmt(s))
            return SL_ESTORE;
    }
    return 0;
}

static int read_item(sqlite3_stmt *s, sl_fact_item *it)
{
    int err = 0;
    it->article_id = sqlite3_column_int64(s, 0);
    it->kind = (sl_fact_kind)sqlite3_column_int(s, 1);
    it->span = (sl_span){(uint32_t)sqlite3_column_int64(s, 2), (uint32_t)sqlite3_column_int64(s, 3)};
    it->sentence = (sl_span){(uint32_t)sqlite3_column_int64(s, 4), (uint32_t)sqlite3_column_int64(s, 5)};
    it->source = (sl_span){(uint32_t)sqlite3_column_int64(s, 6), (uint32_t)sqlite3_column_int64(s, 7)};
    it->value = sqlite3_column_double(s, 8);
    it->value_hi = sqlite3_column_double(s, 9);
    const unsigned char *a = sqlite3_column_text(s, 10);
    it->approx = a && *a ? (char)*a : '=';
    it->text = sl_store_column_dup(s, 11, &err);
    it->about = sl_store_column_dup(s, 12, &err);
    it->detail = sl_store_column_dup(s, 13, &err);
    it->role = sl_store_column_dup(s, 14, &err);
    return err;
}

static void free_items(sl_fact_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(items[i].text);
        free(items[i].about);
        free(items[i].detail);
        free(items[i].role);
    }
    free(items);
}

/* Items of a story (`story` set) or of one article, of one kind (-1: all). */
int sl_store_facts_get(sl_store *st, int64_t story, int64_t article, int kind,
                       sl_fact_item **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    sqlite3_stmt *s = sl_store_stmt(st, story ? Q_FACTS_STORY : Q_FACTS_ARTICLE);
    if (!s || sqlite3_bind_int64(s, 1, story ? story : article) || sqlite3_bind_int(s, 2, kind))
        return SL_ESTORE;
    sl_fact_item *items = NULL;
    size_t n = 0, cap = 0;
    int err = 0, rc;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            sl_fact_item *more = realloc(items, nc * sizeof *more);
            if (!more) {
                err = SL_ENOMEM;
                break;
            }
            items = more;
            cap = nc;
        }
        memset(&items[n], 0, sizeof items[n]);
        err = read_item(s, &items[n++]);
    }
    if (!err && rc != SQLITE_DONE)
        err = SL_ESTORE;
    sqlite3_reset(s);
    if (err) {
        free_items(items, n);
        return err;
    }
    *out = items;
    *n_out = n;
    return 0;
}

int sl_store_facts_each(sl_store *st, int kind, int (*fn)(void *ctx, const sl_fact_item *it),
                        void *ctx)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_FACTS_ALL);
    if (!s || sqlite3_bind_int(s, 1, kind))
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        sl_fact_item it = {0};
        err = read_item(s, &it);
        if (!err)
            err = fn(ctx, &it);
        free(it.text);
        free(it.about);
        free(it.detail);
        free(it.role);
    }
    if (!err && rc != SQLITE_DONE)
        err = SL_ESTORE;
    sqlite3_reset(s);
    return err;
}
