/* sketches.c — table copy_sketches: each article's sketch (key terms and
 * sentence term lists) and credit line, which the copy stage compares
 * candidates by and a new version takes its old copy keys out by. From
 * schema 19 a row holds its keys by their ranks among its sentence lists'
 * codes (sl_sketch_keys_rank); from schema 21 its codes are sorted
 * (sl_sketch_pack; before, in order of first coming: sl_sketch_pack_first). */
#include "copies/copies.h"
#include "store_internal.h"

static const char Q_SKETCH_PUT[] = "INSERT OR REPLACE INTO copy_sketches VALUES(?1, ?2, ?3, ?4)";
static const char Q_SKETCH_GET[] =
    "SELECT k.sentences, k.credit, a.published_day, a.sentences, a.story_id, a.source, a.title,"
    " a.identity, a.key"
    " FROM copy_sketches k JOIN articles a ON a.id = k.article_id"
    " WHERE k.article_id = ?1";
static const char Q_SKETCH_KEYS[] =
    "SELECT article_id, keys FROM copy_sketches ORDER BY article_id";
static const char Q_SKETCH_NEXT[] =
    "SELECT article_id, sentences FROM copy_sketches WHERE article_id > ?1"
    " ORDER BY article_id LIMIT 1";
static const char Q_SKETCH_SET[] = "UPDATE copy_sketches SET sentences = ?2 WHERE article_id = ?1";
static const char Q_KEYS_NEXT[] =
    "SELECT article_id, keys, sentences FROM copy_sketches WHERE article_id > ?1"
    " ORDER BY article_id LIMIT 1";
static const char Q_SKETCH_SORTED[] =
    "UPDATE copy_sketches SET keys = ?2, sentences = ?3 WHERE article_id = ?1";
static const char Q_KEYS_SET[] = "UPDATE copy_sketches SET keys = ?2 WHERE article_id = ?1";
static const char Q_UNSKETCHED[] =
    "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM copy_sketches)"
    " ORDER BY id";

sl_sketch_form sl_store_sketch_form(const sl_store *st)
{
    return st->schema < SL_STORE_SORTED_SKETCH_SINCE ? SL_SKETCH_FIRST_COME : SL_SKETCH_SORTED;
}

/* The keys (4 bytes each) as a row of st's schema holds them, into
 * st->keys: by their ranks among the sketch's codes from schema 19. */
static int stored_keys(sl_store *st, const void *keys, size_t keys_len, const void *sentences,
                       size_t len)
{
    sl_buf_clear(&st->keys);
    if (st->schema < SL_STORE_RANKED_KEYS_SINCE)
        return sl_buf_put(&st->keys, keys, keys_len) ? SL_ENOMEM : 0;
    uint32_t codes[SL_COPY_KEYS];
    uint32_t n = sl_sketch_keys_unpack(keys, keys_len, codes);
    return sl_sketch_keys_rank(codes, n, sl_store_sketch_form(st), sentences, len, &st->keys)
               ? SL_ENOMEM
               : 0;
}

int sl_store_sketch_put(sl_store *st, int64_t article_id, const void *keys, size_t keys_len,
                        const void *sentences, size_t len, const char *credit)
{
    int rc = stored_keys(st, keys, keys_len, sentences, len);
    if (rc)
        return rc;
    sl_store_sketch_memo_drop(st, article_id);
    keys = st->keys.ptr;
    keys_len = st->keys.len;
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

/* Kept in a batch (sketch_memo.c): the copy stage reads a candidate's
 * again article after article. */
int sl_store_sketch_get(sl_store *st, int64_t id, sl_stored_sketch *out)
{
    int rc = sl_store_sketch_memo_get(st, id, out);
    if (rc)
        return rc == 1 ? 0 : rc;
    sqlite3_stmt *s;
    rc = sl_store_row_by_id(st, Q_SKETCH_GET, id, &s);
    if (rc)
        return rc;
    column_to_buf(s, 0, &out->sentences);
    column_to_buf(s, 1, &out->credit);
    out->day = sqlite3_column_type(s, 2) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(s, 2);
    rc = sl_store_spans_get(st, sqlite3_column_blob(s, 3), (size_t)sqlite3_column_bytes(s, 3),
                            &out->spans);
    out->story_id = sqlite3_column_int64(s, 4);
    sl_store_source_column(s, 5, 7, 8, &out->source);
    column_to_buf(s, 6, &out->title);
    sqlite3_reset(s);
    if (rc || out->sentences.err || out->credit.err || out->source.err || out->title.err)
        return SL_ENOMEM;
    sl_store_sketch_memo_put(st, id, out);
    return 0;
}

void sl_stored_sketch_free(sl_stored_sketch *row)
{
    sl_buf_free(&row->sentences);
    sl_buf_free(&row->spans);
    sl_buf_free(&row->credit);
    sl_buf_free(&row->source);
    sl_buf_free(&row->title);
}

int sl_store_sketch_keys_each(sl_store *st,
                              int (*fn)(void *ctx, int64_t id, const void *keys, size_t len),
                              void *ctx)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_SKETCH_KEYS);
    if (!s || sl_store_scan_cache(st, 1))
        return SL_ESTORE;
    int err = sl_store_each_blob(st, s, fn, ctx);
    if (sl_store_scan_cache(st, 0) && !err)
        err = SL_ESTORE;
    return err;
}

int sl_store_unsketched_each(sl_store *st, int (*fn)(void *ctx, int64_t id), void *ctx)
{
    return sl_store_each_id(st, sl_store_stmt(st, Q_UNSKETCHED), fn, ctx);
}

static int set_sentences(sl_store *st, int64_t id, const sl_buf *packed)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_SKETCH_SET);
    if (!s || sqlite3_bind_int64(s, 1, id) ||
        sqlite3_bind_blob(s, 2, packed->len ? packed->ptr : "", (int)packed->len, SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Migration 11: every sketch's sentence lists from 4 bytes a number to the
 * packed form (sl_sketch_pack_first), one row after another. A row that does not
 * read as the old form is left: the sketches migration 5 just wrote are
 * packed already (their first bytes, read as the old counts, are far too
 * large), and a damaged row stays as unreadable as it was. */
/* Repacks the sketch after article *id, setting *id to its article (0
 * when none is left). */
static int repack_next(sl_store *st, int64_t *id, sl_sketch *sketch, sl_buf *packed)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_SKETCH_NEXT);
    if (!s || sqlite3_bind_int64(s, 1, *id))
        return SL_ESTORE;
    int step = sqlite3_step(s), rc = step == SQLITE_DONE ? 0 : SL_ESTORE, old = 0;
    *id = 0;
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        rc = sl_sketch_unpack_u32(sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1),
                                  sketch);
        old = !rc;
        rc = old ? sl_sketch_pack_first(sketch, packed) : rc == SL_EBADINPUT ? 0 : rc;
    }
    sqlite3_reset(s);
    return !rc && old ? set_sentences(st, *id, packed) : rc;
}

/* One migration step over the sketch after article *id (see repack_next). */
typedef int sketch_step(sl_store *st, int64_t *id, sl_sketch *sketch, sl_buf *buf);

/* `step` over every sketch row in id order, one sketch and buffer reused. */
static int sketches_walk(sl_store *st, sketch_step *step)
{
    sl_sketch sketch = {0};
    sl_buf buf = SL_BUF_INIT;
    int64_t id = 0;
    int rc;
    do
        rc = step(st, &id, &sketch, &buf);
    while (!rc && id);
    sl_sketch_free(&sketch);
    sl_buf_free(&buf);
    return rc;
}

int sl_store_sketches_repack(sl_store *st)
{
    return sketches_walk(st, repack_next);
}

/* A row's keys (id, keys, sentences) from 4 bytes each to their ranks. */
static int rank_keys(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    (void)st;
    uint32_t codes[SL_COPY_KEYS];
    uint32_t n = sl_sketch_keys_unpack(sqlite3_column_blob(row, 1),
                                       (size_t)sqlite3_column_bytes(row, 1), codes);
    return sl_sketch_keys_rank(codes, n, SL_SKETCH_FIRST_COME, sqlite3_column_blob(row, 2),
                               (size_t)sqlite3_column_bytes(row, 2), out)
               ? SL_ENOMEM
               : 0;
}

int sl_store_sketch_keys_rank(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_KEYS_NEXT, Q_KEYS_SET, rank_keys);
}

/* Migration 21, a row's sentence lists (id, keys, sentences) sorted
 * (sl_sketch_pack) into st->packed, and its keys ranked in their order
 * into `keys` (none when its keys do not read, so that no row is left in
 * the first-come form); 1 when its sentence lists do not read (a damaged
 * row is left). */
static int sort_row(sl_store *st, sqlite3_stmt *row, sl_sketch *sketch, sl_buf *keys)
{
    uint32_t codes[SL_COPY_KEYS], n;
    const void *sentences = sqlite3_column_blob(row, 2);
    size_t len = (size_t)sqlite3_column_bytes(row, 2);
    int rc = sl_sketch_unpack_first(sentences, len, sketch);
    if (rc)
        return rc == SL_EBADINPUT ? 1 : rc;
    rc = sl_sketch_keys_read(sqlite3_column_blob(row, 1), (size_t)sqlite3_column_bytes(row, 1),
                             SL_SKETCH_FIRST_COME, sentences, len, codes, &n);
    if (rc == SL_EBADINPUT)
        n = 0;
    else if (rc)
        return rc;
    if (sl_sketch_pack(sketch, &st->packed) ||
        sl_sketch_keys_rank(codes, n, SL_SKETCH_SORTED, st->packed.ptr, st->packed.len, keys))
        return SL_ENOMEM;
    return 0;
}

/* Sorts the sketch after article *id, setting *id to its article (0 when
 * none is left). */
static int sort_next(sl_store *st, int64_t *id, sl_sketch *sketch, sl_buf *keys)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_KEYS_NEXT);
    if (!s || sqlite3_bind_int64(s, 1, *id))
        return SL_ESTORE;
    int step = sqlite3_step(s), rc = step == SQLITE_DONE ? 0 : SL_ESTORE;
    *id = 0;
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        rc = sort_row(st, s, sketch, keys);
    }
    sqlite3_reset(s);
    if (rc || !*id)
        return rc == 1 ? 0 : rc;
    s = sl_store_stmt(st, Q_SKETCH_SORTED);
    if (!s || sqlite3_bind_int64(s, 1, *id) ||
        sqlite3_bind_blob(s, 2, keys->len ? keys->ptr : "", (int)keys->len, SQLITE_STATIC) ||
        sqlite3_bind_blob(s, 3, st->packed.ptr, (int)st->packed.len, SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_sketches_sort(sl_store *st)
{
    return sketches_walk(st, sort_next);
}
