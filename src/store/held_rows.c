/* held_rows.c — a batch's new rows of the recent tables keyed by random
 * values (copy_keys_recent, line_articles_recent), kept in memory and
 * written at its commit in key order by one statement a table, where a
 * statement an article put each article's rows among the batch's others
 * at random places: every page of the small table filled and split again
 * and again (SQLite's balance of a page and its siblings, about 30,000
 * instructions, once every ~25 rows). The owners (copy_keys.c,
 * line_articles.c) see that no read misses them: a read of the keys
 * writes them first, a line's count adds them (its own article's left
 * out: a count writes nothing, since its caller, the chrome judgement,
 * cannot report a failed write), a new version's removal writes them
 * first, and the commit writes them, into the large tables when it merges
 * the recent ones (after the merge, recent.c). A rollback drops them. Only in a batch's
 * transaction (sl_store_memo_on); elsewhere rows are written at once.
 * An article's rows are added once a version, after its old ones were
 * taken out (recent.c), so a key's kept rows are of distinct articles
 * and none is in the tables. */
#include <stdlib.h>

#include "store_internal.h"
#include "util/sort.h"

#define ROW_LESS(x, y) ((x).key < (y).key || ((x).key == (y).key && (x).article < (y).article))
SL_SORT_DEFINE(static, sort_rows, sl_key_row, ROW_LESS)

/* The maps' form of a key or an article (never 0, which they keep as 1):
 * keys and articles are below 2^63. */
static uint64_t map_key(int64_t v)
{
    return (uint64_t)v | (uint64_t)1 << 63;
}

static int64_t held_value(void *ctx, size_t row, int col)
{
    const sl_key_row *r = (const sl_key_row *)ctx + row;
    return col == 0 ? r->key : r->article;
}

/* Keeps the rows h->rows[from..] of one article: sorted, a key met twice
 * kept once (what OR IGNORE keeps), each key's count raised. */
static int keep_article(sl_held_rows *h, size_t from)
{
    sort_rows(h->rows.items + from, h->rows.n - from);
    size_t n = from;
    for (size_t r = from; r < h->rows.n; r++) {
        if (n > from && h->rows.items[n - 1].key == h->rows.items[r].key)
            continue;
        uint32_t *count = sl_count_slot(&h->keys, map_key(h->rows.items[r].key), 1);
        if (!count)
            return SL_ENOMEM;
        ++*count;
        h->rows.items[n++] = h->rows.items[r];
    }
    h->rows.n = n;
    return 0;
}

int sl_store_held_add(sl_store *st, sl_held_rows *h, const sl_store_rows *rows, void *ctx,
                      size_t n)
{
    if (!sl_store_memo_on(st))
        return sl_store_exec_rows(st, rows, n, ctx);
    if (!n)
        return 0;
    if (sl_vec_reserve(&h->rows, n))
        return SL_ENOMEM;
    size_t from = h->rows.n;
    for (size_t r = 0; r < n; r++)
        h->rows.items[h->rows.n++] = (sl_key_row){rows->value(ctx, r, 0), rows->value(ctx, r, 1)};
    if (!sl_count_slot(&h->articles, map_key(h->rows.items[from].article), 1) ||
        keep_article(h, from)) {
        sl_store_held_drop(h); /* the batch fails: its rollback drops them anyway */
        return SL_ENOMEM;
    }
    return 0;
}

uint32_t sl_store_held_count(sl_held_rows *h, int64_t key)
{
    const uint32_t *count = h->rows.n ? sl_count_slot(&h->keys, map_key(key), 0) : NULL;
    return count ? *count : 0;
}

int sl_store_held_has_article(sl_held_rows *h, int64_t article)
{
    return h->rows.n && sl_count_slot(&h->articles, map_key(article), 0);
}

void sl_store_held_leave_out(const sl_held_rows *h, int64_t article,
                             int64_t (*key)(void *ctx, size_t row, int col), void *ctx, size_t n,
                             uint32_t *counts)
{
    for (size_t r = 0; r < h->rows.n; r++) {
        const sl_key_row *row = &h->rows.items[r];
        if (row->article != article)
            continue;
        for (size_t i = 0; i < n; i++) /* each such row raised its key's count once */
            if (counts[i] && key(ctx, i, 0) == row->key)
                counts[i]--;
    }
}

int sl_store_held_flush(sl_store *st, sl_held_rows *h, const char *sql)
{
    if (!h->rows.n)
        return 0;
    const sl_store_rows rows = {sql, 2, held_value};
    sort_rows(h->rows.items, h->rows.n);
    if (sl_store_exec_rows(st, &rows, h->rows.n, h->rows.items))
        return SL_ESTORE; /* kept: the commit's flush fails too, or a rollback drops them */
    h->rows.n = 0; /* its room kept for the next batch */
    sl_count_free(&h->keys);
    sl_count_free(&h->articles);
    return 0;
}

void sl_store_held_drop(sl_held_rows *h)
{
    sl_vec_free(&h->rows);
    sl_count_free(&h->keys);
    sl_count_free(&h->articles);
}
