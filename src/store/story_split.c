/* story_split.c — what a story split and a story revisit write
 * (docs/stories.md "Stories that split", "Revisable large stories"): the
 * articles that leave for another story, and the stories' rows set from
 * the grouper's state (the vectors they read: article_terms.c). */
#include "store_internal.h"

#include <limits.h>

static const char Q_ARTICLE_STORY[] = "UPDATE articles SET story_id = ?2 WHERE id = ?1";
/* The title is the first titled article's, else the fallback given. */
static const char Q_STORY_RESET[] =
    "UPDATE stories SET centroid = ?2, n_articles = ?3, first_day = ?4, last_day = ?5,"
    " thread_id = ?6, title_score = ?7, first_article = ?8,"
    " title = coalesce((SELECT title FROM articles WHERE story_id = ?1 AND title <> ''"
    "   ORDER BY id LIMIT 1), ?9) WHERE id = ?1";

static const char Q_STORY_REVISED[] =
    "UPDATE stories SET centroid = ?2, n_articles = ?3, first_day = ?4, last_day = ?5,"
    " revisited = ?6 WHERE id = ?1";

int sl_store_story_move(sl_store *st, const int64_t *articles, size_t n, int64_t story)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_STORY);
    if (!s)
        return SL_ESTORE;
    for (size_t i = 0; i < n; i++) {
        sl_store_sketch_memo_drop(st, articles[i]);
        if (sqlite3_bind_int64(s, 1, articles[i]) || sqlite3_bind_int64(s, 2, story) ||
            sl_store_exec_stmt(s))
            return SL_ESTORE;
    }
    return 0;
}

int sl_store_story_reset(sl_store *st, const sl_story_state *story, int64_t first_article,
                         const char *fallback_title)
{
    if (sl_store_story_terms_put(st, story->id, story->centroid, story->len))
        return SL_ESTORE;
    /* it sets every column a pending update would: that update need not go */
    sl_store_story_rows_drop(st, story->id);
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_RESET);
    if (!s || sl_store_centroid_form(st, story->centroid, story->len, &st->centroid) ||
        sqlite3_bind_int64(s, 1, story->id) ||
        sqlite3_bind_blob(s, 2, st->centroid.ptr, (int)st->centroid.len, SQLITE_STATIC) ||
        sqlite3_bind_int64(s, 3, story->articles) || sl_store_bind_day(s, 4, story->first_day) ||
        sl_store_bind_day(s, 5, story->last_day) || sqlite3_bind_int64(s, 6, story->thread_id) ||
        sqlite3_bind_double(s, 7, story->title_score) ||
        sqlite3_bind_int64(s, 8, first_article) || sl_store_bind_text(s, 9, fallback_title))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_story_revised(sl_store *st, const sl_story_state *story)
{
    if (sl_store_story_rows_settle(st, story->id) ||
        sl_store_story_terms_put(st, story->id, story->centroid, story->len))
        return SL_ESTORE;
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_REVISED);
    if (!s || sl_store_centroid_form(st, story->centroid, story->len, &st->centroid) ||
        sqlite3_bind_int64(s, 1, story->id) ||
        (story->len ? sqlite3_bind_blob(s, 2, st->centroid.ptr, (int)st->centroid.len, SQLITE_STATIC)
                    : sqlite3_bind_null(s, 2)) || /* emptied, as a merge leaves it */
        sqlite3_bind_int64(s, 3, story->articles) || sl_store_bind_day(s, 4, story->first_day) ||
        sl_store_bind_day(s, 5, story->last_day) || sqlite3_bind_int64(s, 6, story->revisited))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}
