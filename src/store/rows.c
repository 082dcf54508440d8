/* rows.c — many rows of integers written by one statement: the rows an
 * article or a batch adds to a table (its short lines, copy keys, a story's
 * terms, the batch's term counts) are handed to SQLite as a table, `sl_rows`,
 * an eponymous virtual table that reads them from the caller's memory (its
 * one argument, a pointer bound with sqlite3_bind_pointer), and the table's
 * statement is `INSERT … SELECT c0, c1 FROM sl_rows(?1)`. One statement a
 * call instead of one for every eight rows: a statement's own cost (bind,
 * step, cursors opened and closed, reset) was paid per chunk, and the
 * insert's cursor now stays open from row to row (docs/history/benchmarks-rounds.md,
 * "Eighth round"). */
#include <stdlib.h>

#include "store_internal.h"

/* The type name of the bound pointer: SQLite hands it only to a reader
 * asking for the same name. */
#define ROWS_POINTER "sl_store_rows"

typedef struct rows_cursor {
    sqlite3_vtab_cursor base;
    const sl_store_rows_source *source;
    size_t row;
} rows_cursor;

/* Columns c0..c2 (the values), then the hidden argument. */
#define ROWS_COLUMNS 3
#define ROWS_ARGUMENT ROWS_COLUMNS

static int rows_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                        sqlite3_vtab **out, char **err)
{
    (void)aux, (void)argc, (void)argv, (void)err;
    int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(c0, c1, c2, source HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    *out = sqlite3_malloc(sizeof **out);
    if (!*out)
        return SQLITE_NOMEM;
    (*out)->zErrMsg = NULL;
    return SQLITE_OK;
}

static int rows_disconnect(sqlite3_vtab *vtab)
{
    sqlite3_free(vtab);
    return SQLITE_OK;
}

/* The only plan: the rows given as the argument, read in order. */
static int rows_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
    (void)vtab;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        if (c->iColumn == ROWS_ARGUMENT && c->op == SQLITE_INDEX_CONSTRAINT_EQ && c->usable) {
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->estimatedCost = 1.0;
            return SQLITE_OK;
        }
    }
    return SQLITE_CONSTRAINT; /* no rows without their argument */
}

static int rows_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out)
{
    (void)vtab;
    rows_cursor *c = sqlite3_malloc(sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    *c = (rows_cursor){0};
    *out = &c->base;
    return SQLITE_OK;
}

static int rows_close(sqlite3_vtab_cursor *cursor)
{
    sqlite3_free(cursor);
    return SQLITE_OK;
}

static int rows_filter(sqlite3_vtab_cursor *cursor, int plan, const char *plan_name, int argc,
                       sqlite3_value **argv)
{
    (void)plan, (void)plan_name;
    rows_cursor *c = (rows_cursor *)cursor;
    c->source = argc == 1 ? sqlite3_value_pointer(argv[0], ROWS_POINTER) : NULL;
    c->row = 0;
    return SQLITE_OK;
}

static int rows_next(sqlite3_vtab_cursor *cursor)
{
    ((rows_cursor *)cursor)->row++;
    return SQLITE_OK;
}

static int rows_eof(sqlite3_vtab_cursor *cursor)
{
    const rows_cursor *c = (const rows_cursor *)cursor;
    return !c->source || c->row >= c->source->n;
}

static int rows_column(sqlite3_vtab_cursor *cursor, sqlite3_context *ctx, int col)
{
    const rows_cursor *c = (const rows_cursor *)cursor;
    const sl_store_rows_source *src = c->source;
    if (col < src->rows->cols)
        sqlite3_result_int64(ctx, src->rows->value(src->ctx, c->row, col));
    else
        sqlite3_result_null(ctx);
    return SQLITE_OK;
}

static int rows_rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *rowid)
{
    *rowid = (sqlite3_int64)((const rows_cursor *)cursor)->row;
    return SQLITE_OK;
}

/* Eponymous only (no xCreate): `sl_rows(?1)` needs no CREATE VIRTUAL TABLE,
 * so nothing of it is written in the store's schema. */
static const sqlite3_module rows_module = {
    .iVersion = 0,
    .xConnect = rows_connect,
    .xBestIndex = rows_best_index,
    .xDisconnect = rows_disconnect,
    .xOpen = rows_open,
    .xClose = rows_close,
    .xFilter = rows_filter,
    .xNext = rows_next,
    .xEof = rows_eof,
    .xColumn = rows_column,
    .xRowid = rows_rowid,
};

int sl_store_rows_register(sqlite3 *db)
{
    return sqlite3_create_module(db, "sl_rows", &rows_module, NULL) == SQLITE_OK ? 0 : SL_ESTORE;
}

int sl_store_rows_bind(sqlite3_stmt *s, const sl_store_rows_source *source)
{
    return sqlite3_bind_pointer(s, 1, (void *)source, ROWS_POINTER, NULL) == SQLITE_OK ? 0
                                                                                      : SL_ESTORE;
}

int sl_store_exec_rows(sl_store *st, const sl_store_rows *rows, size_t n, void *ctx)
{
    if (!n)
        return 0;
    sl_store_rows_source source = {rows, ctx, n};
    sqlite3_stmt *s = sl_store_stmt(st, rows->sql);
    if (!s || sl_store_rows_bind(s, &source))
        return SL_ESTORE;
    int rc = sl_store_exec_stmt(s);
    sqlite3_clear_bindings(s); /* the rows are the caller's, gone after */
    return rc;
}

int64_t sl_store_row_u64(void *ctx, size_t row, int col)
{
    (void)col;
    return (int64_t)((const uint64_t *)ctx)[row];
}
