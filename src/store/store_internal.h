/* store_internal.h — what the files of src/store share: the handle, the
 * prepared-statement cache and small binding helpers. Not seen outside. */
#ifndef SL_STORE_INTERNAL_H
#define SL_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

/* Every statement the store runs, prepared once on first use. */
typedef enum stmt_id {
    Q_BEGIN, Q_COMMIT, Q_ROLLBACK,
    Q_FIND_IDENTITY, Q_FIND_HASH, Q_ARTICLE_INSERT, Q_ARTICLE_ARCHIVE, Q_ARTICLE_UPDATE,
    Q_FTS_INSERT, Q_FTS_DELETE, Q_REMOVED_INSERT, Q_REMOVED_CLEAR,
    Q_LINE_COUNT, Q_LINE_ADD, Q_ARTICLE_GET, Q_REMOVED_GET, Q_ARTICLE_COUNT,
    Q_STORY_NEW, Q_STORY_UPDATE, Q_STORY_LEAVE, Q_COPY_INSERT, Q_COPIES_ALL, Q_COPIES_ONE,
    Q_ARTICLE_TEXT, Q_COPIES_CLEAR, Q_SKETCH_PUT, Q_SKETCH_GET, Q_SKETCH_KEYS, Q_UNSKETCHED,
    Q_STORIES_LIST, Q_STORY_GET, Q_STORY_ARTICLES, Q_STORIES_EACH, Q_DF_ALL, Q_DF_ADD,
    Q_SEARCH, Q_EXPORT_ARTICLES, Q_STORY_ARTICLE_IDS,
    Q_FACTS_CLEAR, Q_FACT_INSERT, Q_FACTS_STORY, Q_FACTS_ARTICLE, Q_STORY_COPIES, Q_FACTS_ALL, /* facts */
    /* stories and threads */
    Q_STORY_THREAD, Q_STORY_RETITLE, Q_ARTICLE_FLAG, Q_THREAD_STORIES, Q_STORY_TEXTS,
    Q_ARTICLE_FLAG_GET, Q_ARTICLE_UNFLAG,
    /* integrity: read snapshots, other writers, inputs seen, repeated lines */
    Q_BEGIN_READ, Q_DATA_VERSION, Q_FIND_SOURCE, Q_SOURCE_SET, Q_ARTICLE_META, Q_STORY_RESPAN, Q_LINES_CLEAR,
    Q_COUNT_
} stmt_id;

struct sl_store {
    sqlite3 *db;
    sqlite3_stmt *stmt[Q_COUNT_];
    int in_tx;
};

/* The prepared, reset statement `id`, or NULL (error left in the handle). */
sqlite3_stmt *sl_store_stmt(sl_store *st, stmt_id id);

/* Binds a string or NULL. */
int sl_store_bind_text(sqlite3_stmt *s, int col, const char *text);
/* A column as a malloc'd string (NULL for NULL); *err set on out-of-memory. */
char *sl_store_column_dup(sqlite3_stmt *s, int col, int *err);
/* Steps a statement that returns no rows; SL_ESTORE on failure. */
int sl_store_exec_stmt(sqlite3_stmt *s);

#endif
