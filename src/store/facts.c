/* facts.c (store) — table facts: the extracted facts of each article, one
 * row per article holding its items packed (fact_items.c: an item's words
 * left out when they are the article's text at its span, offsets as
 * differences, common words by their place, from schema 27 a head an
 * item), written once per stored article version and read back per
 * article or per story for the cross-check; its migrations and check. One
 * row instead of one per item: a statement per article instead of about
 * fifteen, and half the bytes (docs/store.md). */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"

static const char Q_FACTS_PUT[] = "INSERT OR REPLACE INTO facts VALUES(?1, ?2)";
static const char Q_FACTS_CLEAR[] = "DELETE FROM facts WHERE article_id = ?1";
static const char Q_FACTS_STORY[] =
    "SELECT f.article_id, f.items, a.text FROM articles a JOIN facts f ON f.article_id = a.id"
    " WHERE a.story_id = ?1 ORDER BY a.id";
static const char Q_FACTS_ARTICLE[] =
    "SELECT f.article_id, f.items, a.text FROM facts f JOIN articles a ON a.id = f.article_id"
    " WHERE f.article_id = ?1";
static const char Q_FACTS_ALL[] =
    "SELECT f.article_id, f.items, a.text FROM facts f JOIN articles a ON a.id = f.article_id"
    " ORDER BY f.article_id";

/* Calls fn with each item of kind `kind` (-1: all) of the row's blob. */
static int each_in_row(const sl_store *st, sqlite3_stmt *s, int kind,
                       int (*fn)(void *ctx, sl_fact_item *it), void *ctx)
{
    return sl_store_fact_items_read(sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1),
                                    (const char *)sqlite3_column_text(s, 2),
                                    (size_t)sqlite3_column_bytes(s, 2), st->schema,
                                    sqlite3_column_int64(s, 0), kind, fn, ctx);
}

/* Steps `s` (rows of article_id, items) and calls fn with each item. */
static int each_item(sl_store *st, sqlite3_stmt *s, int kind,
                     int (*fn)(void *ctx, sl_fact_item *it), void *ctx)
{
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = each_in_row(st, s, kind, fn, ctx);
    return sl_store_rows_end(st, s, rc, err);
}

/* ---- the table ---- */

int sl_store_facts_put(sl_store *st, int64_t article_id, const char *text, size_t len,
                       const sl_fact_item *items, size_t n)
{
    if (!n) {
        sqlite3_stmt *s = sl_store_stmt(st, Q_FACTS_CLEAR);
        if (!s || sqlite3_bind_int64(s, 1, article_id))
            return SL_ESTORE;
        return sl_store_exec_stmt(s);
    }
    if (sl_store_fact_items_pack(items, n, text, len, st->schema, &st->packed))
        return SL_ENOMEM;
    sqlite3_stmt *s = sl_store_stmt(st, Q_FACTS_PUT);
    if (!s || sqlite3_bind_int64(s, 1, article_id) ||
        sqlite3_bind_blob(s, 2, st->packed.ptr, (int)st->packed.len, SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Items gathered into a growing array. */
typedef struct item_vec {
    sl_fact_item *items;
    size_t n, cap;
} item_vec;

static int push_item(void *ctx, sl_fact_item *it)
{
    item_vec *v = ctx;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        sl_fact_item *more = sl_realloc(v->items, cap * sizeof *more);
        if (!more) {
            sl_store_fact_strings_free(it);
            return SL_ENOMEM;
        }
        v->items = more;
        v->cap = cap;
    }
    v->items[v->n++] = *it;
    return 0;
}

/* Items of a story (`story` set) or of one article, of one kind (-1: all). */
int sl_store_facts_get(sl_store *st, int64_t story, int64_t article, int kind,
                       sl_fact_item **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    sqlite3_stmt *s = sl_store_stmt(st, story ? Q_FACTS_STORY : Q_FACTS_ARTICLE);
    if (!s || sqlite3_bind_int64(s, 1, story ? story : article))
        return SL_ESTORE;
    item_vec v = {0};
    int err = each_item(st, s, kind, push_item, &v);
    if (err) {
        for (size_t i = 0; i < v.n; i++)
            sl_store_fact_strings_free(&v.items[i]);
        free(v.items);
        return err;
    }
    *out = v.items;
    *n_out = v.n;
    return 0;
}

/* Hands one item to the caller's function, then frees it. */
typedef struct visit {
    int (*fn)(void *ctx, const sl_fact_item *it);
    void *ctx;
} visit;

static int visit_item(void *ctx, sl_fact_item *it)
{
    const visit *v = ctx;
    int rc = v->fn(v->ctx, it);
    sl_store_fact_strings_free(it);
    return rc;
}

int sl_store_facts_each(sl_store *st, int kind, int (*fn)(void *ctx, const sl_fact_item *it),
                        void *ctx)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_FACTS_ALL);
    if (!s)
        return SL_ESTORE;
    visit v = {fn, ctx};
    return each_item(st, s, kind, visit_item, &v);
}

/* ---- migration 7: rows of one item each (table facts_rows) into packed rows ---- */

static const char Q_ROWS_ALL[] =
    "SELECT f.article_id, f.kind, f.start, f.end, f.sent_start, f.sent_end, f.src_start,"
    " f.src_end, f.value, f.value_hi, f.approx, f.text, f.about, f.detail, f.role, a.text"
    " FROM facts_rows f JOIN articles a ON a.id = f.article_id ORDER BY f.article_id, f.n";

static int row_item(sqlite3_stmt *s, sl_fact_item *it)
{
    int err = 0;
    memset(it, 0, sizeof *it);
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

/* Writes the gathered items of one article (its text `text`) and empties the vector. */
static int flush_article(sl_store *st, item_vec *v, const char *text)
{
    int rc = v->n ? sl_store_facts_put(st, v->items[0].article_id, text, text ? strlen(text) : 0,
                                       v->items, v->n)
                  : 0;
    for (size_t i = 0; i < v->n; i++)
        sl_store_fact_strings_free(&v->items[i]);
    v->n = 0;
    return rc;
}

int sl_store_facts_repack(sl_store *st)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, Q_ROWS_ALL, -1, &s, NULL) != SQLITE_OK)
        return SL_ESTORE;
    item_vec v = {0};
    sl_buf text = SL_BUF_INIT;   /* the text of the article gathered in v */
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        sl_fact_item it;
        err = row_item(s, &it);
        if (!err && v.n && v.items[0].article_id != it.article_id)
            err = flush_article(st, &v, sl_buf_cstr(&text));
        if (!err && !v.n) {
            sl_buf_clear(&text);
            sl_buf_put(&text, sqlite3_column_text(s, 15), (size_t)sqlite3_column_bytes(s, 15));
            err = text.err;
        }
        if (err)
            sl_store_fact_strings_free(&it);
        else
            err = push_item(&v, &it);
    }
    err = sl_store_rows_end(st, s, rc, err);
    sqlite3_finalize(s);
    if (!err)
        err = flush_article(st, &v, sl_buf_cstr(&text));
    for (size_t i = 0; i < v.n; i++)
        sl_store_fact_strings_free(&v.items[i]);
    free(v.items);
    sl_buf_free(&text);
    if (!err && sqlite3_exec(st->db, "DROP TABLE facts_rows", NULL, NULL, NULL) != SQLITE_OK)
        err = SL_ESTORE;
    return err;
}

/* ---- migrations 13 and 16: every row into the next schema's form ---- */

static const char Q_FACTS_NEXT[] =
    "SELECT f.article_id, f.items, a.text FROM facts f JOIN articles a ON a.id = f.article_id"
    " WHERE f.article_id > ?1 ORDER BY f.article_id LIMIT 1";
static const char Q_FACTS_SET[] = "UPDATE facts SET items = ?2 WHERE article_id = ?1";

/* The items of a row (article_id, items, text), read in the form of
 * st->schema (the version being migrated from), packed in that of the
 * next version. */
static int reform(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    item_vec v = {0};
    int rc = each_in_row(st, row, -1, push_item, &v);
    if (!rc)
        rc = sl_store_fact_items_pack(v.items, v.n, (const char *)sqlite3_column_text(row, 2),
                                      (size_t)sqlite3_column_bytes(row, 2), st->schema + 1, out)
                 ? SL_ENOMEM : 0;
    for (size_t i = 0; i < v.n; i++)
        sl_store_fact_strings_free(&v.items[i]);
    free(v.items);
    return rc;
}

int sl_store_facts_reform(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_FACTS_NEXT, Q_FACTS_SET, reform);
}

/* ---- check: every row reads ---- */

/* Frees an item read for the check alone. */
static int drop_item(void *ctx, sl_fact_item *it)
{
    (void)ctx;
    sl_store_fact_strings_free(it);
    return 0;
}

int sl_store_facts_verify(sl_store *st, int64_t *bad)
{
    *bad = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_FACTS_ALL);
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        err = each_in_row(st, s, -1, drop_item, NULL);
        if (err == SL_ESTORE) {
            (*bad)++;
            err = 0;
        }
    }
    sqlite3_reset(s);
    return err ? err : rc == SQLITE_DONE ? 0 : SL_ESTORE;
}
