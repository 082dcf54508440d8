/* story_rows.c — a batch's updates of story rows, kept in memory until its
 * commit. Each article filed in a story changed the story's row (its count,
 * span of days and centroid, which `stories_recent` and `stories_thread`
 * index): 15,650 instructions an article on the first 1,000 Reuters
 * stories. A story that several articles of a batch join has its row
 * written once, at the commit, in id order, with what all of them did to
 * it, and a new story's thread goes in with it (docs/history/benchmarks-rounds.md,
 * "Twenty-eighth round"). The counts add, the days widen the span, the
 * last centroid, title and score win, and a thread merge moves the pending
 * threads as it moves the stored ones: the row written is the one writing
 * at once would have left. The old centroid story_terms starts from is
 * read from the pending row. Any other read or statement on a story's
 * row in the batch first writes that story's update (the grouper's state,
 * `show`, a retitle or revisit; a merge both stories'; a split's reset,
 * which sets every column the update would, drops it), and one on
 * many rows (a date change, a listing; the story_terms check, which the
 * store's check runs only with no batch open) all of them. Outside a
 * batch's transaction an update is written at once. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"
#include "util/sort.h"

/* The CASEs keep a story's day NULL until it has a dated article, as
 * ?3 and ?4 are NULL when the update brings none, and its centroid when
 * it brings only a thread (?8, its articles, 0). */
static const char Q_STORY_ROW_WRITE[] =
    "UPDATE stories SET n_articles = n_articles + ?8,"
    " centroid = CASE WHEN ?8 > 0 THEN ?2 ELSE centroid END,"
    " first_day = CASE WHEN ?3 IS NULL THEN first_day WHEN first_day IS NULL OR ?3 < first_day"
    "   THEN ?3 ELSE first_day END,"
    " last_day = CASE WHEN ?4 IS NULL THEN last_day WHEN last_day IS NULL OR ?4 > last_day"
    "   THEN ?4 ELSE last_day END,"
    " title = coalesce(?5, title), title_score = CASE WHEN ?6 THEN ?7 ELSE title_score END,"
    " thread_id = coalesce(?9, thread_id) WHERE id = ?1";

static int write_row(sl_store *st, const sl_story_row *row)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_ROW_WRITE);
    if (!s || sl_store_centroid_form(st, row->centroid, row->len, &st->centroid) ||
        sqlite3_bind_int64(s, 1, row->id) ||
        sqlite3_bind_blob(s, 2, st->centroid.ptr, (int)st->centroid.len, SQLITE_STATIC) ||
        sl_store_bind_day(s, 3, row->first_day) || sl_store_bind_day(s, 4, row->last_day) ||
        sl_store_bind_text(s, 5, row->title) || sqlite3_bind_int(s, 6, row->scored) ||
        sqlite3_bind_double(s, 7, row->score) || sqlite3_bind_int64(s, 8, row->added) ||
        (row->thread ? sqlite3_bind_int64(s, 9, row->thread) : sqlite3_bind_null(s, 9)))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Adds one article's update to `row`. */
static int add_to(sl_story_row *row, const void *centroid, size_t len, int64_t day,
                  const sl_story_title *title)
{
    row->added++;
    if (day != INT64_MIN && (row->first_day == INT64_MIN || day < row->first_day))
        row->first_day = day;
    if (day != INT64_MIN && (row->last_day == INT64_MIN || day > row->last_day))
        row->last_day = day;
    if (title && title->title) {
        char *copy = sl_strdup(title->title);
        if (!copy)
            return SL_ENOMEM;
        free(row->title);
        row->title = copy;
    }
    if (title) {
        row->scored = 1;
        row->score = title->score;
    }
    row->len = (uint32_t)len;
    if (len)
        memcpy(row->centroid, centroid, len);
    return 0;
}

/* Story id's pending row, begun empty when it has none. */
static int row_of(sl_story_rows *r, int64_t id, sl_story_row **out)
{
    uint32_t *at = sl_count_slot(&r->at, (uint64_t)id, 1);
    if (!at)
        return SL_ENOMEM;
    if (!*at) {
        sl_story_row row = {.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN};
        if (sl_vec_push(&r->items, row))
            return SL_ENOMEM;
        *at = (uint32_t)r->items.n;
    }
    *out = &r->items.items[*at - 1];
    return 0;
}

/* Forgets the pending rows, keeping the memory of their list. */
static void clear(sl_story_rows *r)
{
    for (size_t i = 0; i < r->items.n; i++)
        free(r->items.items[i].title);
    r->items.n = 0;
    sl_count_free(&r->at);
}

int sl_store_story_rows_put(sl_store *st, int64_t id, const void *centroid, size_t len,
                            int64_t day, const sl_story_title *title)
{
    if (len > sizeof ((sl_story_row *)NULL)->centroid)
        return SL_ESTORE; /* more terms than a centroid keeps: not one */
    if (!st->writing) {
        sl_story_row row = {.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN};
        int rc = add_to(&row, centroid, len, day, title);
        if (!rc)
            rc = write_row(st, &row);
        free(row.title);
        return rc;
    }
    sl_story_row *row;
    int rc = row_of(&st->story_rows, id, &row);
    return rc ? rc : add_to(row, centroid, len, day, title);
}

int sl_store_story_rows_thread(sl_store *st, int64_t id, int64_t thread)
{
    sl_story_row *row, once = {.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN};
    int rc = st->writing ? row_of(&st->story_rows, id, &row) : 0;
    if (rc)
        return rc;
    if (!st->writing)
        row = &once;
    row->thread = thread;
    return st->writing ? 0 : write_row(st, row);
}

void sl_store_story_rows_threads_merge(sl_store *st, int64_t from, int64_t into)
{
    sl_story_rows *r = &st->story_rows;
    for (size_t i = 0; i < r->items.n; i++)
        if (r->items.items[i].thread == from)
            r->items.items[i].thread = into;
}

/* Whether `row` holds anything to write. */
static int pending(const sl_story_row *row)
{
    return row->added || row->thread;
}

const sl_story_row *sl_store_story_rows_of(sl_store *st, int64_t id)
{
    sl_story_rows *r = &st->story_rows;
    uint32_t *at = r->items.n ? sl_count_slot(&r->at, (uint64_t)id, 0) : NULL;
    return at && *at ? &r->items.items[*at - 1] : NULL;
}

void sl_store_story_rows_drop(sl_store *st, int64_t id)
{
    sl_story_row *row = (sl_story_row *)sl_store_story_rows_of(st, id);
    if (row) {
        free(row->title);
        *row = (sl_story_row){.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN};
    }
}

int sl_store_story_rows_settle(sl_store *st, int64_t id)
{
    sl_story_row *row = (sl_story_row *)sl_store_story_rows_of(st, id);
    if (!row)
        return 0;
    if (!pending(row))
        return 0; /* written already */
    int rc = write_row(st, row);
    free(row->title);
    *row = (sl_story_row){.id = id, .first_day = INT64_MIN, .last_day = INT64_MIN};
    return rc;
}

#define ROW_LESS(x, y) ((x).id < (y).id)
SL_SORT_DEFINE(static, sort_rows, sl_story_row, ROW_LESS)

int sl_store_story_rows_flush(sl_store *st)
{
    sl_story_rows *r = &st->story_rows;
    if (!r->items.n)
        return 0;
    sort_rows(r->items.items, r->items.n); /* the rows' pages in order */
    int rc = 0;
    for (size_t i = 0; !rc && i < r->items.n; i++)
        if (pending(&r->items.items[i]))
            rc = write_row(st, &r->items.items[i]);
    clear(r);
    return rc;
}

void sl_store_story_rows_forget(sl_story_rows *r)
{
    clear(r);
    sl_vec_free(&r->items);
}
