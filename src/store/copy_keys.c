/* copy_keys.c — table copy_keys: the copy index on disk, one row per
 * (key term, article) with the number of key terms the article was filed
 * under. The copy stage reads the postings of the terms a new article has
 * (the most recent articles first) instead of loading the whole index when
 * the store opens. Each article's sketch row keeps its keys
 * (copy_sketches.keys, from schema 19 by their ranks among the sketch's
 * codes), so a new version takes its old rows out without an index by
 * article. Keys are the index's (SL_TERM_ID of the sketch's codes),
 * from schema 18 without their low four bits, which SL_TERM_ID sets in
 * every key: 28 bits, 4 bytes a key where half took 6.
 * From schema 14 new rows go to copy_keys_recent until a commit moves them
 * into copy_keys (recent.c); reads look in both. From schema 20 a row is
 * (key, article << 5 | its number of keys), the number (at most
 * SL_COPY_KEYS, 16) in the low five bits of the article column, which
 * keeps the rows' order and took a column of its own (2 bytes a row with
 * its header byte); only the writer, at the current schema, writes and
 * reads them, and migration 20 moved the older rows.
 * From schema 31 a key with more than SL_COPY_POSTINGS rows in copy_keys
 * (a full posting, of which a query reads the newest few apart) also has
 * the row (key, 0), which no article's row can be (its id is 1 or more)
 * and a read of the key meets first: the read stops there, where it
 * stepped the key's first SL_COPY_POSTINGS + 1 rows to find it full
 * (docs/benchmarks.md, "Thirty-first round"). The mark is written at the
 * commit of a batch whose read found the key full (or by migration 31),
 * and taken out with any row of the key a new version takes out. */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "store_internal.h"
#include "util/alloc.h"

static const char Q_KEYS_OLD[] = "SELECT keys, sentences FROM copy_sketches WHERE article_id = ?1";
/* The row of (key, article) whatever its number of keys: ?2 and ?3 are
 * the article's first and last packed value. */
static const char Q_KEY_REMOVE[] =
    "DELETE FROM copy_keys WHERE key = ?1 AND article_id BETWEEN ?2 AND ?3";
static const char Q_KEY_REMOVE_RECENT[] =
    "DELETE FROM copy_keys_recent WHERE key = ?1 AND article_id BETWEEN ?2 AND ?3";
/* An article's keys are distinct terms; were two alike, both rows would
 * be the same, so OR IGNORE keeps what OR REPLACE would. Migration 8's
 * backfill writes the rows of schemas 8 to 19, n in a column. A batch
 * keeps its new rows of copy_keys_recent until its commit (held_rows.c). */
static const char Q_KEY_ADD[] = "INSERT OR IGNORE INTO copy_keys SELECT c0, c1, c2 FROM sl_rows(?1)";
static const char Q_KEY_ADD_RECENT[] =
    "INSERT OR IGNORE INTO copy_keys_recent SELECT c0, c1 FROM sl_rows(?1)";
/* The kept rows at a commit that merges the recent rows: into copy_keys
 * after the merge (recent.c). */
static const char Q_KEY_ADD_LARGE[] =
    "INSERT OR IGNORE INTO copy_keys SELECT c0, c1 FROM sl_rows(?1) -- kept";
/* A full key's mark: its row (key, FULL_MARK) in copy_keys. */
#define FULL_MARK 0
static const char Q_MARK_REMOVE[] = "DELETE FROM copy_keys WHERE key = ?1 AND article_id = 0";
static const char Q_MARK_ADD[] = "INSERT OR IGNORE INTO copy_keys SELECT c0, 0 FROM sl_rows(?1)";
static const char Q_MARK_ALL[] =
    "INSERT OR IGNORE INTO copy_keys SELECT key, 0 FROM copy_keys GROUP BY key"
    " HAVING count(*) > ?1";
/* Each table's rows of the keys of sl_rows (c0, the stored key; r.rowid,
 * its place), key after key: one statement a table for all the keys an
 * article's query reads, where one a key (both tables merged, Q_KEY_RECENT)
 * cost ~6,200 instructions each, mostly the statement's own
 * (docs/history/benchmarks-rounds.md, "Twenty-second round"). */
static const char Q_KEYS_ALL[] =
    "SELECT r.rowid, k.article_id FROM sl_rows(?1) r CROSS JOIN copy_keys k ON k.key = r.c0";
static const char Q_KEYS_ALL_RECENT[] =
    "SELECT r.rowid, k.article_id FROM sl_rows(?1) r CROSS JOIN copy_keys_recent k"
    " ON k.key = r.c0";
static const char *const Q_KEYS_ALL_IN[2] = {Q_KEYS_ALL, Q_KEYS_ALL_RECENT};
/* Both tables' rows of one key, newest first: SQLite merges the two (each
 * read backwards along its key, EXPLAIN QUERY PLAN: MERGE (UNION ALL)) and
 * stops at the limit. For a key with more rows in a table than are asked,
 * which Q_KEYS_ALL would read whole. */
static const char Q_KEY_RECENT[] =
    "SELECT article_id FROM copy_keys WHERE key = ?1"
    " UNION ALL SELECT article_id FROM copy_keys_recent WHERE key = ?1"
    " ORDER BY article_id DESC LIMIT ?2";

/* The bits of a row's article column that hold the article's number of
 * keys (from schema 20). */
#define KEY_COUNT_BITS 5
_Static_assert(SL_COPY_KEYS < 1 << KEY_COUNT_BITS, "a key count fits its bits");

/* The stored form of the index's key `key` (SL_TERM_ID of a code) in a
 * store of `schema`. */
static int64_t stored_key(int schema, uint32_t key)
{
    return schema >= SL_STORE_SHORT_KEYS_SINCE ? key >> 4 : key;
}

/* An article's key codes, as rows (key, article << 5 | number of keys). */
typedef struct article_keys {
    const uint32_t *codes;
    uint32_t n;
    int64_t id;
    int schema;
} article_keys;

static int64_t article_key_value(void *ctx, size_t row, int col)
{
    const article_keys *a = ctx;
    return col == 0 ? stored_key(a->schema, SL_TERM_ID(a->codes[row]))
                    : a->id << KEY_COUNT_BITS | a->n;
}

/* The key codes of article id's stored sketch (none when it has none). */
static int old_codes(sl_store *st, int64_t id, uint32_t codes[SL_COPY_KEYS], uint32_t *n)
{
    *n = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_KEYS_OLD);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s), bad = 0;
    const void *keys = rc == SQLITE_ROW ? sqlite3_column_blob(s, 0) : NULL;
    size_t len = keys ? (size_t)sqlite3_column_bytes(s, 0) : 0;
    if (rc == SQLITE_ROW && st->schema < SL_STORE_RANKED_KEYS_SINCE)
        *n = sl_sketch_keys_unpack(keys, len, codes);
    else if (rc == SQLITE_ROW) /* a row that does not read: a damaged store */
        bad = sl_sketch_keys_read(keys, len, sl_store_sketch_form(st), sqlite3_column_blob(s, 1),
                                  (size_t)sqlite3_column_bytes(s, 1), codes, n);
    sqlite3_reset(s);
    return !bad && (rc == SQLITE_ROW || rc == SQLITE_DONE) ? 0 : SL_ESTORE;
}

/* Takes out the row (key, article) from `sql`'s table. */
static int remove_key(sl_store *st, const char *sql, uint32_t code, int64_t id)
{
    sqlite3_stmt *s = sl_store_stmt(st, sql);
    int64_t first = id << KEY_COUNT_BITS;
    if (!s || sqlite3_bind_int64(s, 1, stored_key(st->schema, SL_TERM_ID(code))) ||
        sqlite3_bind_int64(s, 2, first) || sqlite3_bind_int64(s, 3, first + (1 << KEY_COUNT_BITS) - 1))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Whether st's copy_keys marks its full keys. */
static int marks_full(const sl_store *st)
{
    return st->schema >= SL_STORE_FULL_KEYS_SINCE;
}

/* Takes out the mark of `code`'s key, and the batch's note of it: a key
 * that loses a row may no longer be full (a read marks it again). */
static int unmark_key(sl_store *st, uint32_t code)
{
    int64_t key = stored_key(st->schema, SL_TERM_ID(code));
    size_t n = 0;
    for (size_t k = 0; k < st->full_keys.n; k++)
        if (st->full_keys.items[k] != key)
            st->full_keys.items[n++] = st->full_keys.items[k];
    st->full_keys.n = n;
    sqlite3_stmt *s = sl_store_stmt(st, Q_MARK_REMOVE);
    if (!s || sqlite3_bind_int64(s, 1, key))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_copy_keys_put(sl_store *st, int64_t id, const uint32_t *codes, uint32_t n)
{
    static const sl_store_rows addition = {Q_KEY_ADD_RECENT, 2, article_key_value};
    uint32_t old[SL_COPY_KEYS];
    uint32_t n_old = 0;
    /* An article this batch inserted has no stored sketch: no statement
     * asks for its old keys (one a new article, 21.8 → 20.8 statements an
     * article on Reuters' first 1,000, bench/steps.sh). */
    int rc = id == st->fresh_article ? 0 : old_codes(st, id, old, &n_old);
    st->fresh_article = 0;
    if (!rc && n_old) /* the old rows may be among the batch's kept ones */
        rc = sl_store_copy_keys_flush(st);
    for (uint32_t k = 0; !rc && k < n_old; k++) {
        rc = remove_key(st, Q_KEY_REMOVE, old[k], id);
        if (!rc && marks_full(st))
            rc = unmark_key(st, old[k]);
        if (!rc)
            rc = remove_key(st, Q_KEY_REMOVE_RECENT, old[k], id);
    }
    if (!rc && n)
        rc = sl_store_recent_added(st);
    article_keys rows = {codes, n, id, st->schema};
    return rc ? rc : sl_store_held_add(st, &st->held_keys, &addition, &rows, n);
}

int sl_store_copy_keys_flush(sl_store *st)
{
    return sl_store_held_flush(st, &st->held_keys, Q_KEY_ADD_RECENT);
}

int sl_store_copy_keys_flush_large(sl_store *st)
{
    return sl_store_held_flush(st, &st->held_keys, Q_KEY_ADD_LARGE);
}

/* The keys asked for, as rows (their stored form). */
typedef struct asked_keys {
    const uint32_t *keys;
    int schema;
} asked_keys;

static int64_t asked_key_value(void *ctx, size_t row, int col)
{
    (void)col;
    const asked_keys *a = ctx;
    return stored_key(a->schema, a->keys[row]);
}

/* A row read: the asked key's place and the packed article. */
typedef struct key_posting {
    size_t place;
    int64_t article;
} key_posting;

/* What a read of many keys gathers: each table's rows, in the join's order
 * (by place, each key's oldest first: the primary key's order under one
 * key), and the keys with more rows in a table than asked (`many`, by
 * place), read apart. */
typedef SL_VEC(key_posting) key_postings;
typedef struct key_read {
    key_postings rows[2];
    bool *many;
    size_t n, max;
} key_read;

/* Notes that copy_keys holds more than SL_COPY_POSTINGS rows of `key`, to
 * be marked at the batch's commit: only in a batch's transaction, whose
 * commit writes over what it read. */
static int note_full(sl_store *st, int64_t key)
{
    if (!marks_full(st) || !sl_store_memo_on(st))
        return 0;
    return sl_vec_push(&st->full_keys, key) ? SL_ENOMEM : 0;
}

/* Steps table t's rows of the keys from place `from` on into r->rows,
 * counting each key's in `seen`; a key past r->max is marked many and
 * *next is the place after it (n when all were read). */
static int rows_from(sl_store *st, int t, const asked_keys *asked, size_t from, key_read *r,
                     size_t *seen, size_t *next)
{
    static const sl_store_rows keys = {NULL, 1, asked_key_value};
    asked_keys rest = {asked->keys + from, asked->schema};
    sl_store_rows_source source = {&keys, &rest, r->n - from};
    sqlite3_stmt *s = sl_store_stmt(st, Q_KEYS_ALL_IN[t]);
    if (!s || sl_store_rows_bind(s, &source))
        return SL_ESTORE;
    int rc, err = 0;
    *next = r->n;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t row = sqlite3_column_int64(s, 0);
        if (row < 0 || (size_t)row >= r->n - from)
            continue;
        size_t place = from + (size_t)row;
        int64_t article = sqlite3_column_int64(s, 1);
        if (t == 0 && article == FULL_MARK && r->max > SL_COPY_POSTINGS)
            continue; /* more rows than asked need not be full */
        int full = t == 0 && article == FULL_MARK;
        if (full || ++seen[place] > r->max) { /* the rest of this key's rows: not read */
            if (!full && t == 0 && r->max >= SL_COPY_POSTINGS)
                err = note_full(st, stored_key(asked->schema, asked->keys[place]));
            r->many[place] = true;
            *next = place + 1;
            break;
        }
        err = sl_vec_push(&r->rows[t], ((key_posting){place, sqlite3_column_int64(s, 1)}))
                  ? SL_ENOMEM
                  : 0;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s); /* the keys are the caller's, gone after */
    return err ? err : rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : SL_ESTORE;
}

/* Table t's rows of the keys into r (seen: scratch, n counts). */
static int rows_in(sl_store *st, int t, const asked_keys *asked, key_read *r, size_t *seen)
{
    memset(seen, 0, r->n * sizeof *seen);
    int rc = 0;
    for (size_t from = 0; !rc && from < r->n;)
        rc = rows_from(st, t, asked, from, r, seen, &from);
    return rc;
}

/* The at most max newest rows of one key in both tables (Q_KEY_RECENT). */
static int newest_of_key(sl_store *st, uint32_t key, size_t max, uint32_t *ids, uint8_t *n_keys,
                         size_t *n)
{
    *n = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_KEY_RECENT);
    if (!s || sqlite3_bind_int64(s, 1, stored_key(st->schema, key)) ||
        sqlite3_bind_int64(s, 2, (int64_t)max))
        return SL_ESTORE;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
        int64_t article = sqlite3_column_int64(s, 0);
        if (article == FULL_MARK)
            continue; /* a full key's mark, the last of its rows */
        ids[*n] = (uint32_t)(article >> KEY_COUNT_BITS);
        n_keys[(*n)++] = (uint8_t)(article & ((1 << KEY_COUNT_BITS) - 1));
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : SL_ESTORE;
}

/* A key with more than max rows in a table: a full posting, whose
 * SL_COPY_RECENT_OF_FULL newest alone are read (sl_copy_key_source), not
 * its max newest (docs/history/benchmarks-rounds.md, "Twenty-second round: the cost as the
 * store grows, after curve6"). Fewer rows than that (a mark on a key that
 * is not full, check's "copy keys marked full with 128 rows or fewer") are
 * the key's rows whole, not a full posting with places never written. */
static int newest_of_full(sl_store *st, uint32_t key, size_t max, uint32_t *ids, uint8_t *n_keys,
                          size_t *found)
{
    size_t n, newest = max < SL_COPY_RECENT_OF_FULL ? max : SL_COPY_RECENT_OF_FULL;
    int rc = newest_of_key(st, key, newest, ids, n_keys, &n);
    *found = rc ? 0 : n < newest ? n : max;
    return rc;
}

/* The end of table rows `t`'s run of key `place`, from `at`. */
static size_t run_end(const key_postings *t, size_t at, size_t place)
{
    while (at < t->n && t->items[at].place == place)
        at++;
    return at;
}

/* Writes key `place`'s newest max of two runs, each oldest first ([a0, a)
 * and [b0, b)), newest first: the two merged from their ends, where a sort
 * of every row read cost as much as a fifth of the read at 200,000 stored
 * articles (docs/history/benchmarks-rounds.md, "Twenty-second round: the cost as the
 * store grows, after curve6"). */
static size_t merge_newest(const key_posting *a_rows, size_t a0, size_t a, const key_posting *b_rows,
                           size_t b0, size_t b, size_t max, uint32_t *ids, uint8_t *n_keys)
{
    size_t n = 0;
    while (n < max && (a > a0 || b > b0)) {
        bool from_a = b == b0 || (a > a0 && a_rows[a - 1].article >= b_rows[b - 1].article);
        int64_t article = from_a ? a_rows[--a].article : b_rows[--b].article;
        ids[n] = (uint32_t)(article >> KEY_COUNT_BITS);
        n_keys[n++] = (uint8_t)(article & ((1 << KEY_COUNT_BITS) - 1));
    }
    return n;
}

/* Writes the gathered rows, each key's newest max first (the union's
 * newest are among each table's whole rows), and reads the newest of the
 * keys marked many one by one. */
static int write_postings(sl_store *st, const uint32_t *keys, key_read *r, uint32_t *ids,
                          uint8_t *n_keys, size_t *found)
{
    const key_postings *t0 = &r->rows[0], *t1 = &r->rows[1];
    size_t a = 0, b = 0;
    int rc = 0;
    for (size_t k = 0; !rc && k < r->n; k++) {
        size_t a_end = run_end(t0, a, k), b_end = run_end(t1, b, k);
        size_t at = k * r->max;
        if (r->many[k])
            rc = newest_of_full(st, keys[k], r->max, ids + at, n_keys + at, &found[k]);
        else
            found[k] = merge_newest(t0->items, a, a_end, t1->items, b, b_end, r->max, ids + at,
                                    n_keys + at);
        a = a_end;
        b = b_end;
    }
    return rc;
}

int sl_store_copy_keys_recent(void *store, const uint32_t *keys, size_t n, size_t max,
                              uint32_t *ids, uint8_t *n_keys, size_t *found)
{
    sl_store *st = store;
    memset(found, 0, n * sizeof *found);
    if (!n || !max)
        return 0;
    asked_keys asked = {keys, st->schema};
    int rc = 0;
    for (size_t k = 0; !rc && k < n; k++) /* the batch's rows of a key asked, written first */
        if (sl_store_held_count(&st->held_keys, asked_key_value(&asked, k, 0)))
            rc = sl_store_copy_keys_flush(st);
    if (rc)
        return rc;
    key_read r = {{{0}, {0}}, sl_calloc(n, sizeof *r.many), n, max};
    if (!r.many)
        return SL_ENOMEM;
    for (int t = 0; !rc && t < 2; t++)
        rc = rows_in(st, t, &asked, &r, found);
    if (!rc)
        rc = write_postings(st, keys, &r, ids, n_keys, found);
    sl_vec_free(&r.rows[0]);
    sl_vec_free(&r.rows[1]);
    free(r.many);
    if (rc)
        memset(found, 0, n * sizeof *found);
    return rc;
}

int sl_store_copy_keys_mark(sl_store *st)
{
    static const sl_store_rows marks = {Q_MARK_ADD, 1, sl_store_row_u64};
    int rc = st->full_keys.n ? sl_store_exec_rows(st, &marks, st->full_keys.n, st->full_keys.items)
                             : 0;
    st->full_keys.n = 0;
    return rc;
}

void sl_store_copy_keys_forget(sl_store *st)
{
    st->fresh_article = 0; /* a rolled back insert's id may come again */
    sl_vec_free(&st->full_keys);
    sl_store_held_drop(&st->held_keys);
}

int sl_store_copy_keys_mark_all(sl_store *st)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_MARK_ALL);
    if (!s || sqlite3_bind_int64(s, 1, SL_COPY_POSTINGS))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* One row of copy_keys, collected for the backfill. */
typedef struct key_row {
    uint32_t key, id;
    uint8_t n;
} key_row;

typedef SL_VEC(key_row) key_rows;

static int collect_rows(void *ctx, int64_t id, const void *blob, size_t len)
{
    key_rows *rows = ctx;
    uint32_t codes[SL_COPY_KEYS];
    uint32_t n = sl_sketch_keys_unpack(blob, len, codes);
    for (uint32_t k = 0; k < n; k++)
        if (sl_vec_push(rows, ((key_row){SL_TERM_ID(codes[k]), (uint32_t)id, (uint8_t)n})))
            return SL_ENOMEM;
    return 0;
}

static int by_key(const void *a, const void *b)
{
    const key_row *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int64_t key_row_value(void *ctx, size_t row, int col)
{
    const key_rows *rows = ctx;
    const key_row *r = &rows->items[row];
    return col == 0 ? r->key : col == 1 ? r->id : r->n;
}

/* The rows are inserted in key order: in article order they would land all
 * over the table (58,502 articles: 6.2 CPU s, most of it page cache misses).
 * Migration 8: the keys of schemas 8 to 17 (migration 18 shortens them). */
int sl_store_copy_keys_backfill(sl_store *st)
{
    static const sl_store_rows addition = {Q_KEY_ADD, 3, key_row_value};
    key_rows rows = {0};
    int rc = sl_store_sketch_keys_each(st, collect_rows, &rows);
    if (!rc && rows.n > 1)
        qsort(rows.items, rows.n, sizeof *rows.items, by_key);
    if (!rc)
        rc = sl_store_exec_rows(st, &addition, rows.n, &rows);
    sl_vec_free(&rows);
    return rc;
}
