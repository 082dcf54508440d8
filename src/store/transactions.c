/* transactions.c — the store's transactions: a batch's write transaction
 * (its pending rows written at the commit, forgotten at a rollback), a
 * reader's snapshot, and PRAGMA data_version (another writer's commits). */
#include "store_internal.h"

static const char Q_BEGIN[] = "BEGIN IMMEDIATE";
static const char Q_BEGIN_READ[] = "BEGIN";
static const char Q_DATA_VERSION[] = "PRAGMA data_version";
static const char Q_COMMIT[] = "COMMIT";

int sl_store_begin(sl_store *st)
{
    if (st->in_tx)
        return 0;
    int rc = sl_store_exec_stmt(sl_store_stmt(st, Q_BEGIN));
    if (!rc)
        st->in_tx = st->writing = 1;
    int64_t seen = st->dict.data_version;
    if (!rc)
        rc = sl_store_dict_check(st);
    if (!rc && st->dict.data_version != seen) /* another writer's commit */
        sl_store_sketch_memo_clear(st);
    return rc;
}

int sl_store_begin_read(sl_store *st)
{
    if (st->in_tx)
        return 0;
    /* Opened without locks, the file must still be the one opened. Only the
     * snapshot an engine takes at open meets such a store here (a refresh
     * refuses it, sl_engine_refresh): this closes the moment between the
     * open and that snapshot; the end of the command checks again
     * (sl_engine_check_snapshot). */
    if (sl_store_check_unlocked(st))
        return SL_ESTORE;
    /* A deferred transaction takes its snapshot at the first read: read now. */
    if (sl_store_exec_stmt(sl_store_stmt(st, Q_BEGIN_READ)) ||
        sqlite3_exec(st->db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL, NULL, NULL) != SQLITE_OK ||
        sl_store_user_version(st->db, &st->schema)) { /* a writer may have migrated it since */
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return SL_ESTORE;
    }
    st->in_tx = 1;
    return 0;
}

int sl_store_data_version(sl_store *st, int64_t *version)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_DATA_VERSION);
    if (!s || sqlite3_step(s) != SQLITE_ROW)
        return SL_ESTORE;
    *version = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return 0;
}

int sl_store_commit(sl_store *st)
{
    if (!st->in_tx)
        return 0;
    /* the batch's new terms, in its transaction, before a merge moves
     * terms_recent's rows, their ids with them */
    int rc = st->writing ? sl_store_story_rows_flush(st) : 0;
    if (!rc && st->writing)
        rc = sl_store_story_changes_flush(st);
    if (!rc && st->writing) /* after the changes, whose rows may give ids */
        rc = sl_store_dict_flush(st);
    if (!rc && st->writing)
        rc = sl_store_copy_keys_mark(st);
    if (!rc && st->writing) /* a merge writes the batch's kept rows into the large tables */
        rc = sl_store_recent_settle(st);
    if (!rc && st->writing) /* else they go into the recent ones */
        rc = sl_store_copy_keys_flush(st);
    if (!rc && st->writing)
        rc = sl_store_lines_flush(st);
    if (!rc)
        rc = sl_store_exec_stmt(sl_store_stmt(st, Q_COMMIT));
    if (!rc)
        st->in_tx = st->writing = 0;
    sl_store_paths_forget(st);
    sl_store_terms_written(st); /* the flush and the merge wrote terms */
    return rc;
}

int sl_store_rollback(sl_store *st)
{
    if (!st->in_tx)
        return 0;
    st->in_tx = st->writing = 0;
    st->recent_first = 0; /* what the batch added to the recent tables is gone */
    sl_store_dict_forget(&st->dict); /* and the terms it gave ids */
    sl_store_story_changes_forget(&st->changes); /* and its stories' changes unwritten */
    sl_store_story_rows_forget(&st->story_rows); /* and their rows' updates */
    sl_store_sketch_memo_clear(st); /* and the sketches it wrote */
    sl_store_paths_forget(st);        /* and the row of paths it added */
    sl_store_copy_keys_forget(st);    /* and the full keys its reads found, its keys kept */
    sl_store_held_drop(&st->held_lines); /* and its line pairs kept */
    /* Reset every statement first: a pending read would keep the transaction open. */
    for (size_t i = 0; i < st->cap; i++)
        if (st->cache[i].stmt)
            sqlite3_reset(st->cache[i].stmt);
    /* Some errors (a full disk, out of memory) make SQLite roll back by itself. */
    if (sqlite3_get_autocommit(st->db))
        return 0;
    return sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK ? 0 : SL_ESTORE;
}

int sl_store_in_transaction(sl_store *st) { return st->in_tx; }
