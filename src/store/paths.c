/* paths.c — table paths (schema 28): an input file's path held once a
 * batch. The first article a batch writes from a file holds the path in its
 * row, as before; the batch's next articles from that file name a row of
 * paths (articles.path_id) and hold none: a JSONL or WARC file's path is
 * written once a batch, not once an article, and a folder's files, a path
 * each, write no row here. Readers take coalesce(path, the row's path). */
#include <string.h>

#include "store_internal.h"

static const char Q_PATH_ADD[] = "INSERT INTO paths(path) VALUES(?1)";

/* The row of paths holding `path` (st->path_held), added on first need. */
static int path_row(sl_store *st, int64_t *id)
{
    if (!st->path_id) {
        sqlite3_stmt *s = sl_store_stmt(st, Q_PATH_ADD);
        if (!s || sl_store_bind_text(s, 1, sl_buf_cstr(&st->path_held)) || sl_store_exec_stmt(s))
            return SL_ESTORE;
        st->path_id = sqlite3_last_insert_rowid(st->db);
    }
    *id = st->path_id;
    return 0;
}

int sl_store_path_bind(sl_store *st, sqlite3_stmt *s, int col, int id_col, const char *path)
{
    int64_t id = 0;
    if (path && st->has_path_held && strcmp(sl_buf_cstr(&st->path_held), path) == 0) {
        if (path_row(st, &id))
            return SL_ESTORE;
        return sqlite3_bind_null(s, col) || sqlite3_bind_int64(s, id_col, id) ? SL_ESTORE : 0;
    }
    if (path) {
        sl_buf_clear(&st->path_held);
        if (sl_buf_puts(&st->path_held, path))
            return SL_ENOMEM;
        st->has_path_held = 1;
        st->path_id = 0;
    }
    return sl_store_bind_text(s, col, path) || sqlite3_bind_null(s, id_col) ? SL_ESTORE : 0;
}

void sl_store_paths_forget(sl_store *st)
{
    st->has_path_held = 0;
    st->path_id = 0;
    sl_buf_clear(&st->path_held);
}
