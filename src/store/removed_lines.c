/* removed_lines.c — table removed_lines: the chrome lines taken out of each
 * article, with the reason. From schema 23 a reason of `reasons` (the
 * chrome stage's) is stored as a one-byte blob, its place in the list, not
 * as its words (26 bytes for "repeated in other articles"); any other
 * reason is stored as itself, so every line reads back exactly. */
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"

static const char Q_REMOVED_INSERT[] =
    "INSERT OR REPLACE INTO removed_lines VALUES(?1, ?2, ?3, ?4)";
static const char Q_REMOVED_CLEAR[] = "DELETE FROM removed_lines WHERE article_id = ?1";
static const char Q_REMOVED_GET[] =
    "SELECT line_no, text, reason FROM removed_lines WHERE article_id = ?1"
    " ORDER BY line_no";
static const char Q_REMOVED_CODE[] = "UPDATE removed_lines SET reason = ?1 WHERE reason = ?2";

/* Frozen from schema 23: stored rows hold places in it, so it may only grow
 * at its end (and check's count of it with it, store.c). */
static const char *const reasons[] = {
    "repeated in other articles",
    "no words",
    "interface text",
    "after the article",
    "before the article, unrelated to it",
    "copyright notice",
    "a web address alone",
};
#define N_REASONS (sizeof reasons / sizeof *reasons)

/* The place of `reason` in `reasons`, or N_REASONS (also for none, which
 * the table's NOT NULL then refuses, as before schema 23). */
static unsigned char reason_place(const char *reason)
{
    if (!reason)
        return N_REASONS;
    unsigned char k = 0;
    while (k < N_REASONS && strcmp(reasons[k], reason))
        k++;
    return k;
}

static int bind_reason(sqlite3_stmt *s, int col, const char *reason, const unsigned char *place)
{
    if (*place < N_REASONS)
        return sqlite3_bind_blob(s, col, place, 1, SQLITE_STATIC);
    return sqlite3_bind_text(s, col, reason, -1, SQLITE_STATIC);
}

int sl_store_removed_insert(sl_store *st, int64_t article_id, uint32_t line_no, const char *text,
                            size_t len, const char *reason)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_REMOVED_INSERT);
    unsigned char place = reason_place(reason);
    if (!s || sqlite3_bind_int64(s, 1, article_id) || sqlite3_bind_int(s, 2, (int)line_no) ||
        sqlite3_bind_text(s, 3, text, (int)len, SQLITE_STATIC) || bind_reason(s, 4, reason, &place))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_removed_clear(sl_store *st, int64_t article_id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_REMOVED_CLEAR);
    if (!s || sqlite3_bind_int64(s, 1, article_id))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* A row's reason: its words, or the words of its place (a place past the
 * list is a damaged row, SL_ESTORE). */
static char *reason_read(sqlite3_stmt *s, int col, int *err)
{
    if (sqlite3_column_type(s, col) != SQLITE_BLOB)
        return sl_store_column_dup(s, col, err);
    const unsigned char *place = sqlite3_column_blob(s, col);
    if (sqlite3_column_bytes(s, col) != 1 || *place >= N_REASONS) {
        *err = SL_ESTORE;
        return NULL;
    }
    char *copy = sl_strdup(reasons[*place]);
    if (!copy)
        *err = SL_ENOMEM;
    return copy;
}

int sl_store_removed_get(sl_store *st, int64_t id, sl_removed_line **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_REMOVED_GET);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    size_t cap = 0;
    int err = 0, rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n_out == cap) {
            size_t c = cap ? cap * 2 : 8;
            sl_removed_line *p = sl_realloc(*out, c * sizeof *p);
            if (!p) {
                err = SL_ENOMEM;
                break;
            }
            *out = p;
            cap = c;
        }
        sl_removed_line *line = &(*out)[(*n_out)++];
        line->line = (uint32_t)sqlite3_column_int(s, 0);
        line->text = sl_store_column_dup(s, 1, &err);
        line->reason = reason_read(s, 2, &err);
    }
    sqlite3_reset(s);
    if (err == SL_ESTORE)
        st->damaged = "a chrome line's reason does not read (a damaged row: check names it)";
    if (!err && rc != SQLITE_DONE && rc != SQLITE_ROW)
        err = SL_ESTORE;
    return err;
}

int sl_store_removed_code(sl_store *st)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_REMOVED_CODE);
    for (unsigned char k = 0; k < N_REASONS; k++) {
        if (!s || sqlite3_bind_blob(s, 1, &k, 1, SQLITE_TRANSIENT) ||
            sqlite3_bind_text(s, 2, reasons[k], -1, SQLITE_STATIC) || sl_store_exec_stmt(s))
            return SL_ESTORE;
    }
    return 0;
}
