/* story_terms.c — table story_terms: the grouper's index of stories by term
 * on disk, one row per (term, story) for each term of a story's centroid.
 * The grouper reads a term's most recent stories, and those stories' rows,
 * when an article first needs them, instead of loading every story at open
 * (src/stories/story_fetch.c). Kept in step with the centroids: a story's
 * update changes the rows of the terms that entered or left its centroid.
 * From schema 18 a row names its term by the term's id in term_dict when
 * it has one (1-3 bytes instead of 8), else by the term itself, whose
 * 64-bit hash is then past UINT32_MAX: a term whose hash is not is given
 * an id, so a key up to UINT32_MAX is an id and any other a hash. A term
 * that gets its id after its rows went in keeps them under its hash; a
 * read and a delete look under both.
 * From schema 26 a row also holds its term's weight in the story's centroid
 * (the float's 32 bits), and story_norms each story's norm (story_norms.c),
 * so that the grouper scores a listed story without reading it: a row
 * changes when its own term's weight does, not at every change of the norm
 * (docs/history/benchmarks-rounds.md, "Twenty-fourth round").
 * `check` compares the table with the centroids row by row. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/sort.h"

static const char Q_CENTROID_OLD[] = "SELECT centroid FROM stories WHERE id = ?1";
static const char Q_TERM_REMOVE[] = "DELETE FROM story_terms WHERE term = ?1 AND story = ?2";
static const char Q_TERM_ADD[] = "INSERT OR IGNORE INTO story_terms SELECT c0, c1 FROM sl_rows(?1)";
static const char Q_TERM_ADD_WEIGHED[] =
    "INSERT OR IGNORE INTO story_terms SELECT c0, c1, c2 FROM sl_rows(?1)";
/* A row's new weight. One key a statement: `term IN (?1, ?4)` (its key or
 * its hash) made SQLite open a statement journal, and with it a savepoint
 * of the search index, which flushed FTS5's pending terms at each row
 * (+540 M instructions for 500 articles into a store of 200,000). */
static const char Q_TERM_WEIGH[] = "UPDATE story_terms SET weight = ?3 WHERE term = ?1 AND story = ?2";
static const char Q_TERM_RECENT[] =
    "SELECT story, -1 FROM story_terms WHERE term = ?1 ORDER BY story DESC LIMIT ?2";
static const char Q_TERM_RECENT_WEIGHED[] =
    "SELECT story, weight FROM story_terms WHERE term = ?1 ORDER BY story DESC LIMIT ?2";
/* The same under a term's hash when it also has an id (rows from before
 * its id), stepped beside the first and the two merged here: as one
 * statement, `term IN (?1, ?3)`, SQLite built two temporary b-trees a
 * read (the IN list, the ORDER BY): 1,000 Reuters stories into a store
 * of 1,000 took 3,349 M instructions that way, 3,052 M this way
 * (docs/history/benchmarks-rounds.md, "Thirteenth round"). */
static const char Q_TERM_RECENT_HASH[] =
    "SELECT story, -1 FROM story_terms WHERE term = ?1 ORDER BY story DESC LIMIT ?2 -- its hash";
static const char Q_TERM_RECENT_HASH_WEIGHED[] =
    "SELECT story, weight FROM story_terms WHERE term = ?1 ORDER BY story DESC LIMIT ?2 -- its hash";
static const char Q_STORY_STATE[] =
    "SELECT id, thread_id, first_day, last_day, title_score, centroid, n_articles, revisited"
    " FROM stories"
    " WHERE id = ?1";
static const char Q_ALL_CENTROIDS[] = "SELECT id, centroid FROM stories";
static const char Q_ALL_ROWS[] = "SELECT term, story FROM story_terms ORDER BY term, story";
/* From schema 18: the rows with each id turned back into its term (NULL
 * when term_dict lacks the id), in the centroids' order. */
#define ALL_ROWS_IDS(weight, table)                                                                \
    "SELECT CASE WHEN s.term BETWEEN 0 AND 4294967295 THEN d.term ELSE s.term END AS t,"           \
    " s.story, s.term, " weight " FROM " table " s"                                                \
    " LEFT JOIN term_dict d ON s.term BETWEEN 0 AND 4294967295 AND d.id = s.term"                  \
    " ORDER BY t, s.story"
static const char Q_ALL_ROWS_IDS[] = ALL_ROWS_IDS("NULL", "story_terms");
static const char Q_ALL_ROWS_WEIGHED[] = ALL_ROWS_IDS("s.weight", "story_terms");
/* Migration 26: the rows of schema 25, moved aside by its SQL (migrate.c). */
static const char Q_OLD_ROWS[] = ALL_ROWS_IDS("NULL", "temp.story_rows");
static const char Q_ANY_STATE[] = "SELECT EXISTS(SELECT 1 FROM stories),"
    " EXISTS(SELECT 1 FROM terms) OR EXISTS(SELECT 1 FROM terms_recent),"
    " EXISTS(SELECT 1 FROM copy_keys) OR EXISTS(SELECT 1 FROM copy_keys_recent)";

/* The terms and weights of a centroid in sl_centroid_pack's form (sorted
 * by term). */
static size_t centroid_terms(const void *blob, size_t len, uint64_t *terms, float *weights)
{
    size_t n = len / SL_CENTROID_TERM_BYTES;
    if (n > SL_CENTROID_TERMS)
        n = SL_CENTROID_TERMS;
    for (size_t k = 0; k < n; k++) { /* a blob need not be aligned */
        const char *p = (const char *)blob + k * SL_CENTROID_TERM_BYTES;
        memcpy(&terms[k], p, sizeof terms[k]);
        memcpy(&weights[k], p + sizeof terms[k], sizeof weights[k]);
    }
    return n;
}

/* The terms and weights of a centroid as stored in `st` (centroids.c),
 * sorted. */
static int stored_terms(sl_store *st, const void *blob, size_t len, uint64_t *terms,
                        float *weights, size_t *n)
{
    sl_weighted_term read[SL_CENTROID_TERMS];
    if (sl_store_centroid_read(st, blob, len, read, n))
        return SL_ESTORE;
    for (size_t k = 0; k < *n; k++) {
        terms[k] = read[k].term;
        weights[k] = read[k].weight;
    }
    return 0;
}

/* A weight as a row holds it: the float's 32 bits. */
static int64_t weight_bits(float weight)
{
    uint32_t bits;
    memcpy(&bits, &weight, sizeof bits);
    return bits;
}

static float bits_weight(int64_t bits)
{
    uint32_t b = (uint32_t)bits;
    float weight;
    memcpy(&weight, &b, sizeof weight);
    return weight;
}

/* Whether `term` may be stored as itself (a key past any id). */
static int hash_form(uint64_t term)
{
    return term > UINT32_MAX;
}

/* The key of `term` in a row written now: its id when it has one (when
 * `ids`, the schema's form), else the term itself, or a new id when the
 * term would read as one. */
static int term_key(sl_store *st, uint64_t term, int ids, int64_t *key)
{
    uint32_t id = 0;
    int rc = !ids ? 0 : hash_form(term) ? sl_store_dict_find(st, term, &id)
                                        : sl_store_dict_give(st, term, &id);
    *key = id ? (int64_t)id : (int64_t)term;
    return rc;
}

static int ids_form(const sl_store *st)
{
    return st->schema >= SL_STORE_TERM_IDS_SINCE;
}

static int weights_form(const sl_store *st)
{
    return st->schema >= SL_STORE_TERM_WEIGHTS_SINCE;
}

static int key_weigh(sl_store *st, int64_t key, int64_t story, int64_t bits)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_TERM_WEIGH);
    if (!s || sqlite3_bind_int64(s, 1, key) || sqlite3_bind_int64(s, 2, story) ||
        sqlite3_bind_int64(s, 3, bits))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Sets the weight of `term`'s row under `story`: under its key, else under
 * the term itself, where it stays if stored before the term had an id. */
static int term_weigh(sl_store *st, int64_t key, uint64_t term, int64_t story, int64_t bits)
{
    if (key_weigh(st, key, story, bits))
        return SL_ESTORE;
    if (key == (int64_t)term || !hash_form(term) || sqlite3_changes(st->db))
        return 0;
    return key_weigh(st, (int64_t)term, story, bits);
}

static int key_delete(sl_store *st, int64_t key, int64_t story)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_TERM_REMOVE);
    if (!s || sqlite3_bind_int64(s, 1, key) || sqlite3_bind_int64(s, 2, story))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Deletes the row of `term` under `story`: under its key, else under the
 * term itself, where it stays if stored before the term had an id. */
static int term_delete(sl_store *st, uint64_t term, int64_t story)
{
    int64_t key;
    if (term_key(st, term, ids_form(st), &key) || key_delete(st, key, story))
        return SL_ESTORE;
    if (key == (int64_t)term || !hash_form(term) || sqlite3_changes(st->db))
        return 0;
    return key_delete(st, (int64_t)term, story);
}

/* The terms of `a` that are not in `b` (both sorted), into `out`. */
static size_t missing(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out)
{
    size_t k = 0, n = 0;
    for (size_t i = 0; i < na; i++) {
        while (k < nb && b[k] < a[i])
            k++;
        if (k >= nb || b[k] != a[i])
            out[n++] = a[i];
    }
    return n;
}

int sl_store_story_terms_stored(sl_store *st, int64_t story, uint64_t *terms, float *weights,
                                size_t *n)
{
    const sl_story_row *row = sl_store_story_rows_of(st, story);
    if (row && row->added) { /* its row's centroid is the pending one */
        *n = centroid_terms(row->centroid, row->len, terms, weights);
        return 0;
    }
    *n = 0;
    if (story == st->changes.fresh_story) { /* inserted by the batch: no centroid to read */
        st->changes.fresh_story = 0;
        return 0;
    }
    sqlite3_stmt *s = sl_store_stmt(st, Q_CENTROID_OLD);
    if (!s || sqlite3_bind_int64(s, 1, story))
        return SL_ESTORE;
    int rc = sqlite3_step(s), bad = 0;
    if (rc == SQLITE_ROW)
        bad = stored_terms(st, sqlite3_column_blob(s, 0), (size_t)sqlite3_column_bytes(s, 0), terms,
                           weights, n);
    sqlite3_reset(s);
    return !bad && (rc == SQLITE_ROW || rc == SQLITE_DONE) ? 0 : SL_ESTORE;
}

int sl_store_story_terms_put(sl_store *st, int64_t story, const void *centroid, size_t len)
{
    uint64_t now[SL_CENTROID_TERMS];
    float w_now[SL_CENTROID_TERMS];
    size_t n_now = centroid_terms(centroid, len, now, w_now);
    return sl_store_story_changes_put(st, story, now, w_now, n_now);
}

/* `sql` (one of the two reads above) bound to `key` and `limit`; NULL
 * on an error. */
static sqlite3_stmt *term_read(sl_store *st, const char *sql, int64_t key, uint32_t limit)
{
    sqlite3_stmt *s = sl_store_stmt(st, sql);
    if (!s || sqlite3_bind_int64(s, 1, key) || sqlite3_bind_int64(s, 2, limit))
        return NULL;
    return s;
}

/* A story of a list read: its id and its centroid's weight of the term. */
typedef struct listed {
    int64_t story;
    float weight;
} listed;

/* Steps `s` (NULL: none) to its next story: 1 with it in *at, 0 past its
 * end, -1 on an error. */
static int next_story(sqlite3_stmt *s, listed *at)
{
    int rc = s ? sqlite3_step(s) : SQLITE_DONE;
    if (rc == SQLITE_ROW) {
        int64_t bits = sqlite3_column_int64(s, 1);
        *at = (listed){sqlite3_column_int64(s, 0), bits < 0 ? -1.0f : bits_weight(bits)};
    }
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The weight of `term` in story's pending change (its rows may be behind
 * it), else `weight` (the row's). */
static float pending_weight(sl_store *st, int64_t story, uint64_t term, float weight)
{
    const sl_story_change *ch = weight < 0 ? NULL : sl_store_story_changes_of(st, story);
    for (uint32_t k = 0; ch && k < ch->n_now; k++)
        if (ch->now[k] == term)
            return ch->w_now[k];
    return weight;
}

/* The most recent stories of the rows under `a` and `b` (either NULL),
 * each read in story order, highest first, merged. */
static int merge_reads(sl_store *st, uint64_t term, sqlite3_stmt *a, sqlite3_stmt *b,
                       uint32_t limit, int64_t *ids, float *weights, size_t *n)
{
    listed at_a = {0}, at_b = {0};
    int has_a = next_story(a, &at_a), has_b = next_story(b, &at_b);
    while (*n < limit && (has_a > 0 || has_b > 0)) {
        int take_a = has_a > 0 && (has_b <= 0 || at_a.story >= at_b.story);
        listed at = take_a ? at_a : at_b;
        ids[*n] = at.story;
        weights[(*n)++] = pending_weight(st, at.story, term, at.weight);
        if (take_a)
            has_a = next_story(a, &at_a);
        else
            has_b = next_story(b, &at_b);
    }
    return has_a < 0 || has_b < 0 ? SL_ESTORE : 0;
}

int sl_store_story_terms_recent(void *store, uint64_t term, uint32_t limit, int64_t *ids,
                                float *weights, size_t *n)
{
    sl_store *st = store;
    uint32_t id = 0;
    *n = 0;
    int err = sl_store_story_changes_settle(st, term);
    if (err)
        return err;
    if (ids_form(st) && sl_store_dict_find(st, term, &id))
        return SL_ESTORE;
    if (ids_form(st) && !id && !hash_form(term))
        return 0; /* it would have an id: no story has it */
    int both = id && hash_form(term); /* rows from before its id too */
    int w = weights_form(st);
    sqlite3_stmt *a = term_read(st, w ? Q_TERM_RECENT_WEIGHED : Q_TERM_RECENT,
                                id ? (int64_t)id : (int64_t)term, limit);
    sqlite3_stmt *b = both ? term_read(st, w ? Q_TERM_RECENT_HASH_WEIGHED : Q_TERM_RECENT_HASH,
                                       (int64_t)term, limit)
                           : NULL;
    err = !a || (both && !b) ? SL_ESTORE : merge_reads(st, term, a, b, limit, ids, weights, n);
    if (a)
        sqlite3_reset(a);
    if (b)
        sqlite3_reset(b);
    return err;
}

int sl_store_held(sl_store *st, sl_store_holds *out)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_ANY_STATE);
    int rc = s ? sqlite3_step(s) : SQLITE_ERROR;
    if (rc == SQLITE_ROW) {
        out->stories = sqlite3_column_int(s, 0);
        out->terms = sqlite3_column_int(s, 1);
        out->copy_keys = sqlite3_column_int(s, 2);
    }
    if (s)
        sqlite3_reset(s);
    return rc == SQLITE_ROW ? 0 : SL_ESTORE;
}

static int64_t column_day(sqlite3_stmt *s, int col)
{
    return sqlite3_column_type(s, col) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(s, col);
}

int sl_store_story_state(void *store, int64_t id, int (*fn)(void *ctx, const sl_story_state *story),
                         void *ctx)
{
    sqlite3_stmt *s =
        sl_store_story_rows_settle(store, id) ? NULL : sl_store_stmt(store, Q_STORY_STATE);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s), err = 0;
    sl_weighted_term terms[SL_CENTROID_TERMS];
    unsigned char packed[SL_CENTROID_TERMS * SL_CENTROID_TERM_BYTES];
    size_t n = 0;
    if (rc == SQLITE_ROW)
        err = sl_store_centroid_read(store, sqlite3_column_blob(s, 5),
                                     (size_t)sqlite3_column_bytes(s, 5), terms, &n);
    if (rc == SQLITE_ROW && !err) {
        sl_story_state story = {
            .id = sqlite3_column_int64(s, 0),
            .thread_id = sqlite3_column_int64(s, 1),
            .first_day = column_day(s, 2),
            .last_day = column_day(s, 3),
            .title_score = sqlite3_column_double(s, 4),
            .centroid = packed,
            .len = sl_centroid_pack(terms, (uint32_t)n, packed),
            .articles = sqlite3_column_int64(s, 6),
            .revisited = sqlite3_column_int64(s, 7),
        };
        err = fn(ctx, &story);
    }
    return sl_store_rows_end(store, s, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
}

/* One row of story_terms, collected for the backfill: its term (or key),
 * story and weight's bits. */
typedef struct term_story {
    uint64_t term;
    int64_t story;
    int64_t weight;
} term_story;

typedef SL_VEC(term_story) term_rows;

static int by_term(const void *a, const void *b)
{
    const term_story *x = a, *y = b;
    if (x->term != y->term)
        return (int64_t)x->term < (int64_t)y->term ? -1 : 1;
    return x->story < y->story ? -1 : x->story > y->story;
}

/* The same order (a signed term, then the story), a total one,
 * so that the typed sort (no call a comparison) gives qsort's array; the
 * commit's sort of a batch's new rows took 10.9 M instructions by qsort
 * on the first 1,000 Reuters stories (docs/benchmarks.md "Twentieth
 * round"). */
#define ROW_LESS(x, y)                                                                             \
    ((int64_t)(x).term != (int64_t)(y).term ? (int64_t)(x).term < (int64_t)(y).term                \
                                            : (x).story < (y).story)
SL_SORT_DEFINE(static, sort_rows, term_story, ROW_LESS)

/* Every story's centroid terms, into `rows`; a centroid that does not
 * read is named in `why` (when not NULL), or with `skip` passed over. */
static int collect_terms(sl_store *st, term_rows *rows, int skip, sl_buf *why)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_ALL_CENTROIDS);
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        uint64_t terms[SL_CENTROID_TERMS];
        float weights[SL_CENTROID_TERMS];
        size_t n = 0;
        err = stored_terms(st, sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1),
                           terms, weights, &n);
        int64_t id = sqlite3_column_int64(s, 0);
        if (err && skip)
            err = 0, n = 0;
        if (err && why)
            sl_buf_printf(why, "story %" PRId64 "'s centroid does not read (cut short, its terms"
                          " out of order, a weight not a positive number, or an id"
                          " term_dict lacks)", id);
        for (size_t k = 0; !err && k < n; k++)
            err = sl_vec_push(rows, ((term_story){terms[k], id, weight_bits(weights[k])}))
                      ? SL_ENOMEM : 0;
    }
    return sl_store_rows_end(st, s, rc, err);
}

/* Every story's centroid terms in key order (term, then story), each once. */
static int sorted_terms(sl_store *st, term_rows *rows, int skip, sl_buf *why)
{
    int rc = collect_terms(st, rows, skip, why);
    if (rc || rows->n < 2)
        return rc;
    sort_rows(rows->items, rows->n);
    size_t n = 1;
    for (size_t k = 1; k < rows->n; k++)
        if (by_term(&rows->items[k], &rows->items[n - 1]))
            rows->items[n++] = rows->items[k];
    rows->n = n;
    return 0;
}

static int64_t sorted_row_value(void *ctx, size_t row, int col)
{
    const term_story *r = &((const term_rows *)ctx)->items[row];
    return col == 2 ? r->weight : col ? r->story : (int64_t)r->term;
}

/* The statement adding rows: with their weights when `weighed`. */
static const sl_store_rows *addition_of(int weighed)
{
    static const sl_store_rows plain = {Q_TERM_ADD, 2, sorted_row_value},
                               with_weights = {Q_TERM_ADD_WEIGHED, 3, sorted_row_value};
    return weighed ? &with_weights : &plain;
}

/* ... as the schema of `st` holds them. */
static const sl_store_rows *addition(const sl_store *st)
{
    return addition_of(weights_form(st));
}

/* The rows of the terms `now` has and `old` lacks (both sorted), keyed,
 * added to `rows`; with `weigh`, the rows of the terms both have whose
 * weight moved get their new weight. */
static int rows_to_add(sl_store *st, const sl_story_change *ch, int weigh, term_rows *rows)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < ch->n_now; i++) {
        while (k < ch->n_old && ch->old[k] < ch->now[i])
            k++;
        int kept = k < ch->n_old && ch->old[k] == ch->now[i];
        if (kept && (!weigh || weight_bits(ch->w_old[k]) == weight_bits(ch->w_now[i])))
            continue;
        int64_t key;
        int rc = term_key(st, ch->now[i], ids_form(st), &key);
        if (!rc && kept)
            rc = term_weigh(st, key, ch->now[i], ch->story, weight_bits(ch->w_now[i]));
        else if (!rc && sl_vec_push(rows, ((term_story){(uint64_t)key, ch->story,
                                                        weight_bits(ch->w_now[i])})))
            rc = SL_ENOMEM;
        if (rc)
            return rc;
    }
    return 0;
}

int sl_store_story_terms_write(sl_store *st, const sl_story_change *changes, size_t n)
{
    term_rows rows = {0};
    int rc = 0, weigh = weights_form(st);
    for (size_t i = 0; !rc && i < n; i++) {
        uint64_t change[SL_CENTROID_TERMS];
        const sl_story_change *ch = &changes[i];
        size_t n_change = missing(ch->old, ch->n_old, ch->now, ch->n_now, change);
        for (size_t k = 0; !rc && k < n_change; k++)
            rc = term_delete(st, change[k], ch->story);
        if (!rc)
            rc = rows_to_add(st, ch, weigh, &rows);
        if (!rc && weigh)
            rc = sl_store_story_norm_write(st, ch);
    }
    if (!rc && rows.n > 1) /* in key order, the table's pages one after another */
        sort_rows(rows.items, rows.n);
    if (!rc)
        rc = sl_store_exec_rows(st, addition(st), rows.n, &rows);
    sl_vec_free(&rows);
    return rc;
}

/* Migration 9: fills story_terms from every centroid, in key order (as the
 * copy keys of migration 8: in story order the rows land all over the table). */
int sl_store_story_terms_backfill(sl_store *st)
{
    term_rows rows = {0};
    int rc = sorted_terms(st, &rows, 0, NULL);
    if (!rc)
        rc = sl_store_exec_rows(st, addition(st), rows.n, &rows);
    sl_vec_free(&rows);
    return rc;
}

static const char Q_CLEAR[] = "DELETE FROM story_terms";

/* Migration 18: every row again, keyed by its term's id where it has one
 * (a term of one story's centroid stored as itself), in key order. */
int sl_store_story_terms_rekey(sl_store *st)
{
    term_rows rows = {0};
    int rc = sorted_terms(st, &rows, 0, NULL);
    for (size_t k = 0; !rc && k < rows.n; k++) {
        int64_t key;
        rc = term_key(st, rows.items[k].term, 1, &key);
        rows.items[k].term = (uint64_t)key;
    }
    if (!rc && rows.n > 1)
        sort_rows(rows.items, rows.n);
    sqlite3_stmt *s = rc ? NULL : sl_store_stmt(st, Q_CLEAR);
    if (!rc)
        rc = !s ? SL_ESTORE : sl_store_exec_stmt(s);
    if (!rc)
        rc = sl_store_exec_rows(st, addition(st), rows.n, &rows);
    if (!rc)
        rc = sl_store_dict_flush(st);
    sl_vec_free(&rows);
    return rc;
}

/* Migration 26: the rows of schema 25 (temp.story_rows, as migrate.c
 * moved them aside) into the new table under the same keys, each with its
 * term's weight in the story's centroid (0 when the centroid lacks the
 * term or does not read: `check` names it; failing the migration would
 * refuse every write to the store), in key order; then every story's norm. */
int sl_store_story_terms_weigh(sl_store *st)
{
    term_rows want = {0}, rows = {0};
    int rc = sorted_terms(st, &want, 1, NULL), step = SQLITE_DONE;
    sqlite3_stmt *s = rc ? NULL : sl_store_stmt(st, Q_OLD_ROWS);
    if (!rc && !s)
        rc = SL_ESTORE;
    size_t k = 0;
    while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
        term_story have = {(uint64_t)sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), 0};
        while (k < want.n && by_term(&want.items[k], &have) < 0)
            k++;
        if (k < want.n && !by_term(&want.items[k], &have))
            have.weight = want.items[k].weight;
        have.term = (uint64_t)sqlite3_column_int64(s, 2);
        rc = sl_vec_push(&rows, have) ? SL_ENOMEM : 0;
    }
    if (!rc && step != SQLITE_DONE)
        rc = SL_ESTORE;
    if (s)
        sqlite3_reset(s);
    if (!rc && rows.n > 1)
        sort_rows(rows.items, rows.n);
    if (!rc)
        rc = sl_store_exec_rows(st, addition_of(1), rows.n, &rows);
    if (!rc && sqlite3_exec(st->db, "DROP TABLE temp.story_rows", NULL, NULL, NULL) != SQLITE_OK)
        rc = SL_ESTORE;
    if (!rc)
        rc = sl_store_story_norms_fill(st);
    sl_vec_free(&want);
    sl_vec_free(&rows);
    return rc;
}

/* Names the first difference between a row of the table (`have`, NULL past
 * its end) and the next centroid term (`want`, NULL past the last), and
 * with `weighed` between their weights; 0 when they are the same row. */
static int row_differs(const term_story *have, const term_story *want, int weighed, sl_buf *why)
{
    int order = !have ? 1 : !want ? -1 : by_term(have, want);
    if (!order && weighed && have->weight != want->weight) {
        sl_buf_printf(why, "story_terms weighs term %" PRId64 " of story %" PRId64 " %.9g, its"
                      " centroid %.9g", (int64_t)want->term, want->story,
                      (double)bits_weight(have->weight), (double)bits_weight(want->weight));
        return SL_ESTORE;
    }
    if (order > 0)
        sl_buf_printf(why, "story_terms lacks term %" PRId64 " of story %" PRId64 "'s centroid",
                      (int64_t)want->term, want->story);
    else if (order < 0)
        sl_buf_printf(why, "story_terms lists term %" PRId64 " under story %" PRId64
                      ", not in that story's centroid", (int64_t)have->term, have->story);
    return order ? SL_ESTORE : 0;
}

/* A row of the table as its term (the id's, from schema 18) and story; an
 * id that term_dict lacks is named. */
static int read_row(sqlite3_stmt *s, term_story *have, sl_buf *why)
{
    *have = (term_story){(uint64_t)sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
                         sqlite3_column_int64(s, 3)};
    if (sqlite3_column_type(s, 0) != SQLITE_NULL)
        return 0;
    sl_buf_printf(why, "story_terms lists id %" PRId64 " under story %" PRId64
                  ", which term_dict lacks", (int64_t)sqlite3_column_int64(s, 2), have->story);
    return SL_ESTORE;
}

int sl_store_story_terms_verify(sl_store *st, sl_buf *why)
{
    term_rows want = {0};
    int rc = sl_store_story_rows_flush(st);
    if (!rc)
        rc = sl_store_story_changes_flush(st);
    if (!rc)
        rc = sorted_terms(st, &want, 0, why);
    int weighed = weights_form(st);
    sqlite3_stmt *s = rc ? NULL
                         : sl_store_stmt(st, weighed ? Q_ALL_ROWS_WEIGHED
                                                     : ids_form(st) ? Q_ALL_ROWS_IDS : Q_ALL_ROWS);
    if (!rc && !s)
        rc = SL_ESTORE;
    size_t k = 0;
    int step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
        term_story have;
        rc = read_row(s, &have, why);
        if (!rc)
            rc = row_differs(&have, k < want.n ? &want.items[k] : NULL, weighed, why);
        k++;
    }
    if (!rc && step != SQLITE_DONE)
        rc = SL_ESTORE;
    if (!rc && k < want.n)
        rc = row_differs(NULL, &want.items[k], weighed, why);
    if (s)
        sqlite3_reset(s);
    sl_vec_free(&want);
    if (rc && !why->len) /* not a difference: SQLite or memory failed */
        sl_store_set_why(why, rc, "story_terms", rc == SL_ENOMEM ? NULL : st->db);
    return rc;
}
