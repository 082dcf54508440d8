/* copy_keys_batch.c — the batch's new rows of copy_keys_recent, kept in
 * memory and written at its commit in key order by one statement, where a
 * statement an article wrote each article's keys among the batch's others
 * at random places: every page of the small table filled and split again
 * and again (SQLite's balance of a page and its siblings, about 30,000
 * instructions, once every ~25 rows). No read misses them: a read of the
 * copy index's keys (copy_keys.c) writes the kept rows first when it asks
 * a key of theirs (in an ingest, a key the copy stage asked before: the
 * article that brought it asked all its terms), a new version's removal
 * of its old rows writes them first too, and the commit writes them
 * before the recent tables' merge. A rollback drops them. Only in a
 * batch's transaction (sl_store_memo_on); elsewhere rows are written at
 * once. */
#include <stdlib.h>

#include "store_internal.h"
#include "util/sort.h"

/* An article's keys are distinct terms; were two alike, both rows would
 * be the same, so OR IGNORE keeps what OR REPLACE would. */
static const char Q_ADD[] = "INSERT OR IGNORE INTO copy_keys_recent SELECT c0, c1 FROM sl_rows(?1)";

#define ROW_LESS(x, y) ((x).key < (y).key || ((x).key == (y).key && (x).article < (y).article))
SL_SORT_DEFINE(static, sort_rows, sl_key_row, ROW_LESS)

static int64_t held_value(void *ctx, size_t row, int col)
{
    const sl_key_row *r = (const sl_key_row *)ctx + row;
    return col == 0 ? r->key : r->article;
}

int sl_store_copy_keys_add(sl_store *st, int64_t (*value)(void *, size_t, int), void *ctx,
                           size_t n)
{
    if (!sl_store_memo_on(st)) {
        const sl_store_rows rows = {Q_ADD, 2, value};
        return sl_store_exec_rows(st, &rows, n, ctx);
    }
    if (sl_vec_reserve(&st->held_keys, n))
        return SL_ENOMEM;
    for (size_t r = 0; r < n; r++) {
        sl_key_row row = {value(ctx, r, 0), value(ctx, r, 1)};
        if (!sl_count_slot(&st->held_key_set, (uint64_t)row.key, 1))
            return SL_ENOMEM; /* the rows already kept stay whole */
        st->held_keys.items[st->held_keys.n++] = row;
    }
    return 0;
}

int sl_store_copy_keys_held(sl_store *st, int64_t key)
{
    return st->held_keys.n && sl_count_slot(&st->held_key_set, (uint64_t)key, 0);
}

int sl_store_copy_keys_flush(sl_store *st)
{
    static const sl_store_rows rows = {Q_ADD, 2, held_value};
    if (!st->held_keys.n)
        return 0;
    sort_rows(st->held_keys.items, st->held_keys.n);
    int rc = sl_store_exec_rows(st, &rows, st->held_keys.n, st->held_keys.items);
    st->held_keys.n = 0; /* its room kept for the next batch */
    sl_count_free(&st->held_key_set);
    return rc;
}

void sl_store_copy_keys_drop_held(sl_store *st)
{
    sl_vec_free(&st->held_keys);
    sl_count_free(&st->held_key_set);
}
