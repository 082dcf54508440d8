/* story_norms.c — table story_norms (schema 26): each story's centroid norm
 * as the grouper computes it. With the weights story_terms' rows hold, the
 * grouper scores a story its lists name without reading the story whole
 * (src/stories/story_fetch.c): the posting weight is the row's weight over
 * this norm, the same float. Written with a story's rows (story_terms.c)
 * when the norm changes, read by story for the listed stories not in
 * memory; a story with a pending change answers from memory. */
#include <inttypes.h>
#include <math.h>

#include "store_internal.h"

static const char Q_NORM_PUT[] = "INSERT OR REPLACE INTO story_norms VALUES(?1, ?2)";
static const char Q_NORM_DROP[] = "DELETE FROM story_norms WHERE story = ?1";
static const char Q_NORM_GET[] = "SELECT norm FROM story_norms WHERE story = ?1";
static const char Q_NORMS_ALL[] =
    "SELECT s.id, s.centroid, n.norm FROM stories s LEFT JOIN story_norms n ON n.story = s.id";
static const char Q_NORMS_ORPHAN[] =
    "SELECT story FROM story_norms WHERE story NOT IN (SELECT id FROM stories) LIMIT 1";

double sl_store_centroid_norm(const float *weights, size_t n)
{
    double norm = 0;
    for (size_t k = 0; k < n; k++)
        norm += (double)weights[k] * weights[k];
    return sqrt(norm);
}

static int norm_put(sl_store *st, int64_t story, double norm)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_NORM_PUT);
    if (!s || sqlite3_bind_int64(s, 1, story) || sqlite3_bind_double(s, 2, norm))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_story_norm_write(sl_store *st, const sl_story_change *ch)
{
    if (!ch->n_now) {
        sqlite3_stmt *s = ch->n_old ? sl_store_stmt(st, Q_NORM_DROP) : NULL;
        if (!ch->n_old)
            return 0;
        return !s || sqlite3_bind_int64(s, 1, ch->story) ? SL_ESTORE : sl_store_exec_stmt(s);
    }
    double now = sl_store_centroid_norm(ch->w_now, ch->n_now);
    if (ch->n_old && sl_store_centroid_norm(ch->w_old, ch->n_old) == now)
        return 0;
    return norm_put(st, ch->story, now);
}

int sl_store_story_norm(void *store, int64_t id, double *norm)
{
    sl_store *st = store;
    const sl_story_change *ch = sl_store_story_changes_of(st, id);
    *norm = 0;
    if (ch) {
        *norm = sl_store_centroid_norm(ch->w_now, ch->n_now);
        return 0;
    }
    sqlite3_stmt *s = sl_store_stmt(st, Q_NORM_GET);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *norm = sqlite3_column_double(s, 0);
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* Story `id`'s centroid's norm from its row's blob (0 without terms);
 * SL_ESTORE when it does not read. */
static int blob_norm(sl_store *st, sqlite3_stmt *s, double *norm)
{
    sl_weighted_term terms[SL_CENTROID_TERMS];
    float weights[SL_CENTROID_TERMS];
    size_t n = 0;
    if (sqlite3_column_type(s, 1) != SQLITE_NULL &&
        sl_store_centroid_read(st, sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1),
                               terms, &n))
        return SL_ESTORE;
    for (size_t k = 0; k < n; k++)
        weights[k] = terms[k].weight;
    *norm = n ? sl_store_centroid_norm(weights, n) : 0;
    return 0;
}

/* Calls fn for each story with its centroid's norm (0 without terms) and
 * the stored one (NAN when none); a centroid that does not read is named
 * in `why`, or passed over without one. */
static int each_norm(sl_store *st, int (*fn)(sl_store *st, int64_t id, double want, double have,
                                             sl_buf *why),
                     sl_buf *why)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_NORMS_ALL);
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        double want = 0;
        int64_t id = sqlite3_column_int64(s, 0);
        double have = sqlite3_column_type(s, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(s, 2);
        err = blob_norm(st, s, &want);
        if (err && why)
            sl_buf_printf(why, "story %" PRId64 "'s centroid does not read", id);
        if (!why && err) /* the migration: left for `check` to name */
            err = 0;
        else if (!err)
            err = fn(st, id, want, have, why);
    }
    return sl_store_rows_end(st, s, rc, err);
}

static int fill_one(sl_store *st, int64_t id, double want, double have, sl_buf *why)
{
    (void)have, (void)why;
    return want > 0 ? norm_put(st, id, want) : 0;
}

int sl_store_story_norms_fill(sl_store *st)
{
    return each_norm(st, fill_one, NULL);
}

static int check_one(sl_store *st, int64_t id, double want, double have, sl_buf *why)
{
    (void)st;
    if (want > 0 ? have == want : isnan(have))
        return 0;
    if (isnan(have))
        sl_buf_printf(why, "story_norms lacks story %" PRId64 "'s norm", id);
    else
        sl_buf_printf(why, "story_norms holds %.17g for story %" PRId64 ", its centroid's norm"
                      " is %.17g", have, id, want);
    return SL_ESTORE;
}

int sl_store_story_norms_verify(sl_store *st, sl_buf *why)
{
    int rc = each_norm(st, check_one, why);
    sqlite3_stmt *s = rc ? NULL : sl_store_stmt(st, Q_NORMS_ORPHAN);
    int step = s ? sqlite3_step(s) : SQLITE_ERROR;
    if (!rc && step == SQLITE_ROW) {
        sl_buf_printf(why, "story_norms holds a norm for story %" PRId64 ", which is not stored",
                      (int64_t)sqlite3_column_int64(s, 0));
        rc = SL_ESTORE;
    } else if (!rc && step != SQLITE_DONE) {
        rc = SL_ESTORE;
    }
    if (s)
        sqlite3_reset(s);
    if (rc && !why->len)
        sl_store_set_why(why, rc, "story_norms", st->db);
    return rc;
}
