/* story_pages.c — one page of the story listing for the web API (storyline
 * serve): the order of sl_store_stories_list, narrowed by date, thread and a
 * set of stories (those a search found), and the number of all that match,
 * so that a page never reads the whole listing into memory. */
#include "store_internal.h"
#include "util/date.h"

/* ?1 since (a day number, NULL: any), ?2 thread (0: any), ?3 story ids (a
 * JSON array, NULL: any). */
#define PAGE_WHERE                                                                           \
    " FROM stories s WHERE s.n_articles > 0"                                                 \
    " AND (?1 IS NULL OR s.last_day >= ?1)"                                                  \
    " AND (?2 = 0 OR s.thread_id = ?2)"                                                      \
    " AND (?3 IS NULL OR s.id IN (SELECT value FROM json_each(?3)))"

static const char Q_PAGE_COUNT[] = "SELECT count(*)" PAGE_WHERE;
/* The page's ids are chosen first, so that the per-story count of outlets is
 * made for the page only. */
static const char Q_PAGE[] =
    "SELECT s.id, s.thread_id, s.title, s.n_articles,"
    " (SELECT count(DISTINCT " SL_STORE_ARTICLE_SOURCE("a") ") FROM articles a"
    " WHERE a.story_id = s.id),"
    " date(s.first_day * 86400, 'unixepoch'), date(s.last_day * 86400, 'unixepoch')"
    " FROM stories s JOIN (SELECT s.id AS id, s.last_day AS day, s.n_articles AS n" PAGE_WHERE
    "   ORDER BY s.last_day IS NULL, s.last_day DESC, s.n_articles DESC, s.id DESC"
    "   LIMIT ?4 OFFSET ?5) p ON p.id = s.id"
    " ORDER BY p.day IS NULL, p.day DESC, p.n DESC, p.id DESC";

static int bind_filters(sqlite3_stmt *s, int64_t since_day, int64_t thread_id,
                        const char *story_ids)
{
    return sl_store_bind_day(s, 1, since_day) || sqlite3_bind_int64(s, 2, thread_id) ||
           sl_store_bind_text(s, 3, story_ids);
}

int sl_store_stories_page(sl_store *st, const char *since, int64_t thread_id,
                          const char *story_ids, int offset, int limit, sl_story_list **out,
                          int64_t *total)
{
    *out = NULL;
    *total = 0;
    int64_t since_day = since ? sl_date_day(since) : SL_NO_DAY;
    if (since && since_day == SL_NO_DAY)
        return SL_EUSAGE;
    if (sl_store_story_rows_flush(st))
        return SL_ESTORE;
    sqlite3_stmt *s = sl_store_stmt(st, Q_PAGE_COUNT);
    if (!s || bind_filters(s, since_day, thread_id, story_ids))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    *total = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        return SL_ESTORE;
    s = sl_store_stmt(st, Q_PAGE);
    if (!s || bind_filters(s, since_day, thread_id, story_ids) || sqlite3_bind_int(s, 4, limit) ||
        sqlite3_bind_int(s, 5, offset))
        return SL_ESTORE;
    return sl_store_story_lines_read(s, out);
}
