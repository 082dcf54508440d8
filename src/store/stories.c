/* stories.c — table stories: story rows and their threads, what the
 * grouping stage writes, and the listings read back. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "store_internal.h"
#include "util/alloc.h"
#include "util/date.h"

static const char Q_STORY_NEW[] =
    "INSERT INTO stories(title, first_article, n_articles, first_day, last_day)"
    " VALUES(?1, ?2, 0, ?3, ?3)";
static const char Q_STORY_LEAVE[] =
    "UPDATE stories SET n_articles = n_articles - 1"
    " WHERE id = (SELECT story_id FROM articles WHERE id = ?1) RETURNING id";
static const char Q_STORIES_LIST[] =
    "SELECT s.id, s.thread_id, s.title, s.n_articles,"
    " (SELECT count(DISTINCT " SL_STORE_ARTICLE_SOURCE("a") ") FROM articles a"
    " WHERE a.story_id = s.id),"
    " date(s.first_day * 86400, 'unixepoch'), date(s.last_day * 86400, 'unixepoch')"
    " FROM stories s WHERE s.n_articles > 0 AND (?1 IS NULL OR s.last_day >= ?1)"
    " ORDER BY s.last_day IS NULL, s.last_day DESC, s.n_articles DESC, s.id DESC";
static const char Q_STORY_GET[] =
    "SELECT s.id, s.thread_id, s.title, s.n_articles,"
    " (SELECT count(DISTINCT " SL_STORE_ARTICLE_SOURCE("a") ") FROM articles a"
    " WHERE a.story_id = s.id),"
    " date(s.first_day * 86400, 'unixepoch'), date(s.last_day * 86400, 'unixepoch')"
    " FROM stories s WHERE s.id = ?1";
#define STORY_ARTICLES(path)                                                                       \
    "SELECT a.id, a.title, " SL_STORE_ARTICLE_SOURCE("a") ", " SL_STORE_ARTICLE_PUBLISHED("a") \
    ", a.url, " path ", c.of_id, c.kind"                                                        \
    " FROM articles a LEFT JOIN copies c ON c.article_id = a.id"                                   \
    " WHERE a.story_id = ?1 GROUP BY a.id ORDER BY a.published_day IS NULL, a.published_day, a.id"
static const char Q_STORY_ARTICLES[] = STORY_ARTICLES(SL_STORE_ARTICLE_PATH("a"));
/* The same before schema 28 (SL_STORE_PATHS_SINCE), which has no paths. */
static const char Q_STORY_ARTICLES_27[] = STORY_ARTICLES("a.path");
static const char Q_THREADS_MERGE[] = "UPDATE stories SET thread_id = ?2 WHERE thread_id = ?1";
/* A story merge (sl_grouper_take_story_merge): ?2 takes the count and the
 * span of days of ?1, then ?1's articles; ?1 is left empty. */
#define FROM_STORY(col) "(SELECT " col " FROM stories WHERE id = ?1)"
static const char Q_STORY_ABSORB[] =
    "UPDATE stories SET n_articles = n_articles + " FROM_STORY("n_articles") ","
    " first_day = coalesce(min(first_day, " FROM_STORY("first_day") "), first_day, "
    FROM_STORY("first_day") "),"
    " last_day = coalesce(max(last_day, " FROM_STORY("last_day") "), last_day, "
    FROM_STORY("last_day") ") WHERE id = ?2";
static const char Q_STORY_EMPTY[] =
    "UPDATE stories SET n_articles = 0, centroid = NULL WHERE id = ?1";
static const char Q_ARTICLES_MOVE[] = "UPDATE articles SET story_id = ?2 WHERE story_id = ?1";
static const char Q_STORY_RETITLE[] =
    "UPDATE stories SET title = coalesce(?2, title), title_score = ?3 WHERE id = ?1";
static const char Q_THREAD_STORIES[] =
    "SELECT s.id, s.thread_id, s.title, s.n_articles,"
    " (SELECT count(DISTINCT " SL_STORE_ARTICLE_SOURCE("a") ") FROM articles a"
    " WHERE a.story_id = s.id),"
    " date(s.first_day * 86400, 'unixepoch'), date(s.last_day * 86400, 'unixepoch')"
    " FROM stories s WHERE s.n_articles > 0 AND (?1 = 0 OR s.thread_id = ?1)"
    " ORDER BY s.thread_id, s.first_day IS NULL, s.first_day, s.id";
static const char Q_STORY_TEXTS[] =
    "SELECT a.title, substr(a.text, 1, ?2), a.lang FROM articles a"
    " WHERE a.story_id = ?1 AND NOT EXISTS (SELECT 1 FROM copies c"
    " WHERE c.article_id = a.id) ORDER BY a.id LIMIT ?3";
static const char Q_STORY_ARTICLE_IDS[] = "SELECT id FROM articles WHERE story_id = ?1 ORDER BY id";

int sl_store_story_new(sl_store *st, int64_t first_article, const char *title, int64_t day,
                       int64_t *id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_NEW);
    if (!s || sl_store_bind_text(s, 1, title) || sqlite3_bind_int64(s, 2, first_article))
        return SL_ESTORE;
    if (sl_store_bind_day(s, 3, day))
        return SL_ESTORE;
    if (sl_store_exec_stmt(s))
        return SL_ESTORE;
    *id = sqlite3_last_insert_rowid(st->db);
    st->changes.fresh_story = *id; /* a new row: its centroid is none */
    return 0;
}

int sl_store_story_update(sl_store *st, int64_t story_id, const void *centroid, size_t len,
                          int64_t day, const sl_story_title *title)
{
    if (sl_store_story_terms_put(st, story_id, centroid, len))
        return SL_ESTORE;
    return sl_store_story_rows_put(st, story_id, centroid, len, day, title);
}

int sl_store_story_leave(sl_store *st, int64_t article_id, int64_t *story_id)
{
    *story_id = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_LEAVE);
    if (!s || sqlite3_bind_int64(s, 1, article_id))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *story_id = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* Reads the story-line columns (id, thread, title, n, sources, first, last). */
static void read_story_line(sqlite3_stmt *s, sl_story_line *line, int *err)
{
    line->id = sqlite3_column_int64(s, 0);
    line->thread_id = sqlite3_column_int64(s, 1);
    line->title = sl_store_column_dup(s, 2, err);
    line->n_articles = sqlite3_column_int(s, 3);
    line->n_sources = sqlite3_column_int(s, 4);
    line->first_published = sl_store_column_dup(s, 5, err);
    line->last_published = sl_store_column_dup(s, 6, err);
}

int sl_store_story_lines_read(sqlite3_stmt *s, sl_story_list **out)
{
    sl_story_list *list = sl_calloc(1, sizeof *list);
    int err = list ? 0 : SL_ENOMEM, rc = SQLITE_DONE;
    size_t cap = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (list->n == cap) {
            size_t c = cap ? cap * 2 : 16;
            sl_story_line *p = sl_realloc(list->items, c * sizeof *p);
            if (!p) {
                err = SL_ENOMEM;
                break;
            }
            list->items = p;
            cap = c;
        }
        memset(&list->items[list->n], 0, sizeof list->items[0]);
        read_story_line(s, &list->items[list->n++], &err);
    }
    sqlite3_reset(s);
    if (!err && rc != SQLITE_DONE)
        err = SL_ESTORE;
    if (err) {
        sl_story_list_free(list);
        return err;
    }
    *out = list;
    return 0;
}

int sl_store_stories_list(sl_store *st, const char *since, sl_story_list **out)
{
    *out = NULL;
    int64_t since_day = since ? sl_date_day(since) : SL_NO_DAY;
    if (since && since_day == SL_NO_DAY)
        return SL_EUSAGE;
    if (sl_store_story_rows_flush(st))
        return SL_ESTORE;
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORIES_LIST);
    if (!s)
        return SL_ESTORE;
    if (sl_store_bind_day(s, 1, since_day))
        return SL_ESTORE;
    return sl_store_story_lines_read(s, out);
}

static int read_story_articles(sl_store *st, sl_story *story)
{
    sqlite3_stmt *s = sl_store_stmt(
        st, st->schema < SL_STORE_PATHS_SINCE ? Q_STORY_ARTICLES_27 : Q_STORY_ARTICLES);
    if (!s || sqlite3_bind_int64(s, 1, story->line.id))
        return SL_ESTORE;
    int err = 0, rc = SQLITE_DONE;
    size_t cap = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (story->n_articles == cap) {
            size_t c = cap ? cap * 2 : 8;
            sl_story_article *p = sl_realloc(story->articles, c * sizeof *p);
            if (!p) {
                err = SL_ENOMEM;
                break;
            }
            story->articles = p;
            cap = c;
        }
        sl_story_article *a = &story->articles[story->n_articles++];
        memset(a, 0, sizeof *a);
        a->id = sqlite3_column_int64(s, 0);
        a->title = sl_store_column_dup(s, 1, &err);
        a->source = sl_store_column_dup(s, 2, &err);
        a->published = sl_store_column_dup(s, 3, &err);
        a->url = sl_store_column_dup(s, 4, &err);
        a->path = sl_store_column_dup(s, 5, &err);
        a->copy_of = sqlite3_column_int64(s, 6);
        a->copy_kind = sl_copy_kind_of_name((const char *)sqlite3_column_text(s, 7));
    }
    sqlite3_reset(s);
    if (!err && rc != SQLITE_DONE)
        err = SL_ESTORE;
    /* Removed lines come from the article rows, one query per article. */
    for (size_t i = 0; !err && i < story->n_articles; i++) {
        sl_article *full = NULL;
        err = sl_store_article_get(st, story->articles[i].id, &full);
        if (!err) {
            story->articles[i].removed = full->removed;
            story->articles[i].n_removed = full->n_removed;
            full->removed = NULL;
            full->n_removed = 0;
            sl_article_free(full);
        }
    }
    return err;
}

int sl_store_story_get(sl_store *st, int64_t id, sl_story **out)
{
    *out = NULL;
    sqlite3_stmt *s;
    int rc = sl_store_story_rows_settle(st, id);
    if (!rc)
        rc = sl_store_row_by_id(st, Q_STORY_GET, id, &s);
    if (rc)
        return rc;
    sl_story *story = sl_calloc(1, sizeof *story);
    int err = story ? 0 : SL_ENOMEM;
    if (story)
        read_story_line(s, &story->line, &err);
    sqlite3_reset(s);
    if (!err)
        err = read_story_articles(st, story);
    if (err) {
        sl_story_free(story);
        return err;
    }
    *out = story;
    return 0;
}

/* Runs sql with ?1 = a, and ?2 = b where it has a ?2. */
static int exec_ids(sl_store *st, const char *sql, int64_t a, int64_t b)
{
    sqlite3_stmt *s = sl_store_stmt(st, sql);
    if (!s || sqlite3_bind_int64(s, 1, a) ||
        (sqlite3_bind_parameter_count(s) >= 2 && sqlite3_bind_int64(s, 2, b)))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_story_thread(sl_store *st, int64_t story_id, int64_t thread_id)
{
    return sl_store_story_rows_thread(st, story_id, thread_id);
}

int sl_store_threads_merge(sl_store *st, int64_t from, int64_t into)
{
    sl_store_story_rows_threads_merge(st, from, into);
    return exec_ids(st, Q_THREADS_MERGE, from, into);
}

int sl_store_stories_merge(sl_store *st, int64_t from, int64_t into)
{
    if (sl_store_story_rows_settle(st, from) || sl_store_story_rows_settle(st, into) ||
        sl_store_story_terms_put(st, from, NULL, 0) ||
        exec_ids(st, Q_STORY_ABSORB, from, into) || exec_ids(st, Q_STORY_EMPTY, from, into) ||
        exec_ids(st, Q_ARTICLES_MOVE, from, into))
        return SL_ESTORE;
    sl_store_sketch_memo_move(st, from, into);
    return 0;
}

int sl_store_story_retitle(sl_store *st, int64_t story_id, const char *title, double score)
{
    if (sl_store_story_rows_settle(st, story_id))
        return SL_ESTORE;
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_RETITLE);
    if (!s || sqlite3_bind_int64(s, 1, story_id) || sl_store_bind_text(s, 2, title) ||
        sqlite3_bind_double(s, 3, score))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_thread_stories(sl_store *st, int64_t thread_id, sl_story_list **out)
{
    *out = NULL;
    if (sl_store_story_rows_flush(st))
        return SL_ESTORE;
    sqlite3_stmt *s = sl_store_stmt(st, Q_THREAD_STORIES);
    if (!s || sqlite3_bind_int64(s, 1, thread_id))
        return SL_ESTORE;
    return sl_store_story_lines_read(s, out);
}

int sl_store_story_texts(sl_store *st, int64_t story_id, int max_bytes, int max_articles,
                         int (*fn)(void *ctx, const char *title, const char *text, const char *lang),
                         void *ctx)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_TEXTS);
    if (!s || sqlite3_bind_int64(s, 1, story_id) || sqlite3_bind_int(s, 2, max_bytes) ||
        sqlite3_bind_int(s, 3, max_articles))
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = fn(ctx, (const char *)sqlite3_column_text(s, 0),
                 (const char *)sqlite3_column_text(s, 1), (const char *)sqlite3_column_text(s, 2));
    return sl_store_rows_end(st, s, rc, err);
}

int sl_store_story_article_ids(sl_store *st, int64_t story_id, sl_id_vec *out)
{
    out->n = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_ARTICLE_IDS);
    if (!s || sqlite3_bind_int64(s, 1, story_id))
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = sl_vec_push(out, sqlite3_column_int64(s, 0)) ? SL_ENOMEM : 0;
    return sl_store_rows_end(st, s, rc, err);
}

