/* terms.c — table terms: the document frequency of each content term, which
 * the grouping stage reads term by term as articles need them and adds to
 * batch by batch. From schema 14 a batch adds to terms_recent, which a
 * commit adds into terms when due (recent.c): a term's count is the sum of
 * its rows in the two. From schema 17 a row also holds the term's id in
 * the dictionary of terms (term_dict.c), when it has one: the writer finds
 * it with the count, and the dictionary needs no index by term. From
 * schema 24 both tables are WITHOUT ROWID: a seek by a random 64-bit
 * rowid decoded a 9-byte varint at every step (migrate.c). */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"

static const char Q_DF_GET[] = "SELECT df FROM terms WHERE id = ?1";
static const char Q_DF_GET_BOTH[] =
    "SELECT coalesce((SELECT df FROM terms WHERE id = ?1), 0)"
    " + coalesce((SELECT df FROM terms_recent WHERE id = ?1), 0)";
/* A batch's counts in one statement each (rows.c): an upsert of many rows
 * opens a statement transaction, whose savepoint makes FTS5 flush its
 * pending terms, but at a commit, which flushes them anyway, that costs
 * nothing more (docs/history/benchmarks-rounds.md, "Eighth round"). */
static const char Q_DF_ADD[] =
    "INSERT INTO terms(id, df) SELECT c0, c1 FROM sl_rows(?1) WHERE true"
    " ON CONFLICT(id) DO UPDATE SET df = df + excluded.df";
static const char Q_DF_ADD_RECENT[] =
    "INSERT INTO terms_recent(id, df) SELECT c0, c1 FROM sl_rows(?1) WHERE true"
    " ON CONFLICT(id) DO UPDATE SET df = df + excluded.df";
/* From schema 17 with the batch's new dictionary ids (0: none), in the
 * same statement: a second upsert of those rows at the commit was 38.1 M
 * instructions of 2,895.5 M on the first 1,000 Reuters stories. */
static const char Q_DF_ADD_IDS[] =
    "INSERT INTO terms_recent SELECT c0, c1, nullif(c2, 0) FROM sl_rows(?1) WHERE true"
    " ON CONFLICT(id) DO UPDATE SET df = df + excluded.df,"
    " dict_id = coalesce(excluded.dict_id, dict_id)";
/* The rows of many terms (sl_rows' c0), each table by one statement
 * (schema 17): r.rowid is the term's place. */
static const char Q_TERMS_GET[] =
    "SELECT r.rowid, t.df, t.dict_id FROM sl_rows(?1) r CROSS JOIN terms t ON t.id = r.c0";
static const char Q_TERMS_GET_RECENT[] =
    "SELECT r.rowid, t.df, t.dict_id FROM sl_rows(?1) r CROSS JOIN terms_recent t ON t.id = r.c0";
/* A term's count and dictionary id, from both tables (schema 17). */
static const char Q_TERM_GET[] =
    "SELECT sum(df), max(dict_id) FROM (SELECT df, dict_id FROM terms WHERE id = ?1"
    " UNION ALL SELECT df, dict_id FROM terms_recent WHERE id = ?1)";
/* The same into terms, when the batch's commit merges (sl_store_df_add). */
static const char Q_DF_ADD_IDS_LARGE[] =
    "INSERT INTO terms SELECT c0, c1, nullif(c2, 0) FROM sl_rows(?1) WHERE true"
    " ON CONFLICT(id) DO UPDATE SET df = df + excluded.df,"
    " dict_id = coalesce(excluded.dict_id, dict_id)";
/* New ids, rows (id, term), at a commit, when the batch's counts did not
 * carry them all (a migration gives ids with no counts): into terms_recent,
 * whose few pages a batch dirties anyway; the next merge moves them into
 * terms. */
static const char Q_IDS_PUT[] =
    "INSERT INTO terms_recent(id, df, dict_id) SELECT c1, 0, c0 FROM sl_rows(?1) WHERE true"
    " ON CONFLICT(id) DO UPDATE SET dict_id = excluded.dict_id";

/* One term's count in a store before schema 17. */
static int df_get_one(sl_store *st, uint64_t term, uint32_t *df)
{
    int recent = st->schema >= SL_STORE_RECENT_SINCE;
    sqlite3_stmt *s = sl_store_stmt(st, recent ? Q_DF_GET_BOTH : Q_DF_GET);
    if (!s || sqlite3_bind_int64(s, 1, (int64_t)term))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    *df = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* Adds to dfs and ids (the largest) what `rows` (Q_TERMS_GET or its
 * recent twin) reads of the n terms. */
static int terms_read(sl_store *st, const sl_store_rows *rows, const uint64_t *terms, size_t n,
                      uint32_t *dfs, uint32_t *ids)
{
    sl_store_rows_source source = {rows, (void *)terms, n};
    sqlite3_stmt *s = sl_store_stmt(st, rows->sql);
    if (!s || sl_store_rows_bind(s, &source))
        return SL_ESTORE;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t row = sqlite3_column_int64(s, 0);
        if (row < 0 || (size_t)row >= n)
            continue;
        dfs[row] += (uint32_t)sqlite3_column_int64(s, 1);
        uint32_t id = (uint32_t)sqlite3_column_int64(s, 2);
        ids[row] = id > ids[row] ? id : ids[row];
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s); /* the terms are the caller's, gone after */
    return rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* Keeps the count of a term read with no id (out of memory, it is read
 * again next time); the notes are dropped when they pass
 * SL_STORE_NOTES_MAX. */
static void keep_unnumbered(sl_store *st, uint64_t term, uint32_t df, uint32_t id)
{
    if (!sl_store_memo_on(st) || id || df == UINT32_MAX)
        return;
    if (st->dict.unnumbered.used >= SL_STORE_NOTES_MAX)
        sl_count_free(&st->dict.unnumbered);
    uint32_t *slot = sl_count_slot(&st->dict.unnumbered, term, 1);
    if (slot)
        *slot = df + 1;
}

/* From schema 17 with the terms' ids, which the dictionary keeps: all the
 * terms by one statement a table, not one a term (into a store of 1,000
 * Reuters stories, 20.9 statements an article, docs/benchmarks.md
 * "Eighteenth round"). */
int sl_store_df_get(void *store, const uint64_t *terms, size_t n, uint32_t *dfs)
{
    static const sl_store_rows large = {Q_TERMS_GET, 1, sl_store_row_u64};
    static const sl_store_rows recent = {Q_TERMS_GET_RECENT, 1, sl_store_row_u64};
    sl_store *st = store;
    int rc = 0;
    if (st->schema < SL_STORE_DICT_SINCE) {
        for (size_t i = 0; !rc && i < n; i++)
            rc = df_get_one(st, terms[i], &dfs[i]);
        return rc;
    }
    uint32_t *ids = sl_calloc(n ? n : 1, sizeof *ids);
    if (!ids)
        return SL_ENOMEM;
    memset(dfs, 0, n * sizeof *dfs);
    int none[2] = {0, 0}; /* a table known empty is not read (recent.c) */
    rc = sl_store_table_empty(st, SL_STORE_TERMS_LARGE, &none[0]);
    if (!rc)
        rc = sl_store_table_empty(st, SL_STORE_TERMS_RECENT, &none[1]);
    if (!rc && !none[0])
        rc = terms_read(st, &large, terms, n, dfs, ids);
    if (!rc && !none[1])
        rc = terms_read(st, &recent, terms, n, dfs, ids);
    for (size_t i = 0; !rc && i < n; i++) {
        keep_unnumbered(st, terms[i], dfs[i], ids[i]);
        rc = sl_store_dict_learn(st, terms[i], ids[i]);
    }
    free(ids);
    return rc;
}

/* What the rows of a batch's counts read: the counts, and the store whose
 * dictionary gives the terms' new ids. */
typedef struct df_rows {
    const sl_df_delta *deltas;
    sl_store *st;
} df_rows;

static int64_t delta_value(void *ctx, size_t row, int col)
{
    const df_rows *r = ctx;
    const sl_df_delta *d = r->deltas + row;
    if (col == 2)
        return sl_store_dict_note(&r->st->dict, d->term);
    return col ? (int64_t)d->increment : (int64_t)d->term;
}

/* In a batch whose commit will merge the recent tables (the engine adds
 * its counts just before it commits), terms_recent's rows are moved first
 * and the counts go into terms: written into terms_recent they were moved
 * again at once (on the first 1,000 Reuters stories, the second batch's
 * 12,900 rows; docs/history/benchmarks-rounds.md, "Thirty-sixth round").
 * A term's count is the sum of its two rows either way, and its id the
 * one the dictionary gave it. */
int sl_store_df_add(sl_store *st, const sl_df_delta *deltas, size_t n)
{
    static const sl_store_rows large = {Q_DF_ADD, 2, delta_value};
    static const sl_store_rows recent = {Q_DF_ADD_RECENT, 2, delta_value};
    static const sl_store_rows with_ids = {Q_DF_ADD_IDS, 3, delta_value};
    static const sl_store_rows with_ids_large = {Q_DF_ADD_IDS_LARGE, 3, delta_value};
    const sl_store_rows *rows = st->schema >= SL_STORE_DICT_SINCE     ? &with_ids
                                : st->schema >= SL_STORE_RECENT_SINCE ? &recent
                                                                      : &large;
    int due = 0;
    if (rows == &with_ids && sl_store_memo_on(st) && sl_store_recent_due_now(st, &due))
        return SL_ESTORE;
    if (due && sl_store_recent_move_terms(st))
        return SL_ESTORE;
    sl_store_terms_written(st);
    return sl_store_exec_rows(st, due ? &with_ids_large : rows, n, &(df_rows){deltas, st});
}

void sl_store_terms_written(sl_store *st)
{
    sl_count_free(&st->dict.unnumbered);
    sl_store_table_written(st, SL_STORE_TERMS_LARGE);
    sl_store_table_written(st, SL_STORE_TERMS_RECENT);
}

/* A term's row as the statement reads it. */
static int term_read(sl_store *st, uint64_t term, uint32_t *df, uint32_t *dict_id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_TERM_GET);
    if (!s || sqlite3_bind_int64(s, 1, (int64_t)term))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    *df = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int64(s, 0) : 0;
    *dict_id = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int64(s, 1) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* A term with no id is read by the grouper for its count, then by
 * sl_store_dict_id at each article of the batch that has it, until an
 * article gives it an id: the rows do not change before the batch's
 * commit, so the count read first is kept (term -> count + 1). Into a
 * store of 1,000 Reuters stories, the next 1,000 asked 17,783 times more
 * (docs/history/benchmarks-rounds.md, "Eighteenth round"). A term with an id is kept by
 * the dictionary; a migration's reads (its count includes the article's
 * own) and reads outside a batch are not kept. */
int sl_store_term_get(sl_store *st, uint64_t term, uint32_t *df, uint32_t *dict_id)
{
    const uint32_t *known =
        sl_store_memo_on(st) ? sl_count_slot(&st->dict.unnumbered, term, 0) : NULL;
    if (known) {
        *df = *known - 1;
        *dict_id = 0;
        return 0;
    }
    if (term_read(st, term, df, dict_id))
        return SL_ESTORE;
    keep_unnumbered(st, term, *df, *dict_id);
    return 0;
}

int sl_store_terms_ids_put(sl_store *st, size_t n, int64_t (*value)(void *ctx, size_t row, int col),
                           void *ctx)
{
    const sl_store_rows ids = {Q_IDS_PUT, 2, value};
    sl_store_terms_written(st);
    return sl_store_exec_rows(st, &ids, n, ctx);
}
