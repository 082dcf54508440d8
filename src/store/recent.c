/* recent.c — the recent rows of the three tables keyed by hashes that every
 * batch adds to, line_articles, copy_keys and terms: from schema 14 a
 * batch writes to small tables of their own (line_articles_recent,
 * copy_keys_recent, terms_recent), which a commit moves into the large
 * ones, in a single pass each, when the merge is due. Their keys are
 * random (line fingerprints, key terms, terms), so a batch writing
 * straight into the large tables dirtied nearly every one of their pages
 * (500 articles into a 10,000-article store: 789 of 828 pages of
 * line_articles, 628 of 684 of copy_keys, 433 of 434 of terms), and each
 * dirty page is written to the WAL at every commit. A row of line_articles
 * or copy_keys is in exactly one of its two tables (an article's rows are
 * added once, after a new version took its old ones out); a term's count
 * is the sum of its two rows. Readers look in both (line_articles.c,
 * copy_keys.c, terms.c). */
#include "store_internal.h"

/* How far the recent rows may grow. When a articles of N stored have rows
 * in a recent table, r pages an article, a batch of 500 dirties about
 * every page of it (its rows are spread over all of them), r a, and a
 * merge dirties every page of the large table once, r N. Over a cycle of
 * merging at a articles the pages dirtied an article are about
 * r a / 1000 + r N / a, least at a * a = 1000 N, whatever r: 3,162
 * articles between merges at 10,000 stored, 14,142 at 200,000, so that
 * the bytes written an article for these tables grow with the square root
 * of the store instead of with the store. The three tables merge
 * together, when the cycle begun by the first of their rows is due
 * (terms_recent holds counts, not articles). A cycle begins at the last
 * article stored when its first row goes in: a new version of an older
 * article adding rows neither begins one further back nor moves it (were
 * the cycle the least article id among the rows, every new version would
 * bring a merge at once). The handle keeps the cycle's first article once
 * read (st->recent_first), forgets it at a rollback; another writer's
 * merge makes it older than the truth, and a merge then comes early, which
 * costs bytes, never a result. */
#define MERGE_K 1000.0

/* The cycle's first article, kept in the one row of recent_cycle while the
 * recent tables hold rows: a run's first commit reads it instead of
 * scanning them (82,852 rows in line_articles_recent alone at 52,002
 * stored, mid-cycle), which would grow with the square root of the store. */
static const char Q_CYCLE_GET[] = "SELECT first FROM recent_cycle";
static const char Q_CYCLE_SET[] = "INSERT INTO recent_cycle(first) VALUES(?1)";
static const char Q_CYCLE_END[] = "DELETE FROM recent_cycle";
static const char Q_STORED_LAST[] = "SELECT max(id) FROM articles";
/* `SELECT *` of a table of the same columns and key: into an empty large
 * table (a young store's first merge) SQLite then copies the records as
 * they are, in key order (its transfer optimisation), 37% fewer
 * instructions than row by row (docs/history/benchmarks-rounds.md, "Eighth round");
 * into a table with rows it inserts row by row as before. */
static const char Q_LINES_MOVE[] =
    "INSERT OR IGNORE INTO line_articles SELECT * FROM line_articles_recent";
static const char Q_LINES_EMPTY[] = "DELETE FROM line_articles_recent";
static const char Q_KEYS_MOVE[] =
    "INSERT OR IGNORE INTO copy_keys SELECT * FROM copy_keys_recent";
static const char Q_KEYS_EMPTY[] = "DELETE FROM copy_keys_recent";
/* (WHERE true: an upsert's SELECT needs a clause before ON CONFLICT) */
static const char Q_TERMS_MOVE[] =
    "INSERT INTO terms SELECT * FROM terms_recent WHERE true"
    " ON CONFLICT(id) DO UPDATE SET df = df + excluded.df,"
    " dict_id = coalesce(dict_id, excluded.dict_id)";
/* Into an empty terms (a store's first merge) a plain copy, which SQLite
 * does record by record (its transfer optimisation; an upsert has none). */
static const char Q_TERMS_COPY[] = "INSERT INTO terms SELECT * FROM terms_recent";
static const char Q_TERMS_NONE[] = "SELECT NOT EXISTS (SELECT 1 FROM terms)";
static const char Q_TERMS_EMPTY[] = "DELETE FROM terms_recent";

static const char *const merge_sql[] = {Q_LINES_MOVE, Q_LINES_EMPTY, Q_KEYS_MOVE,  Q_KEYS_EMPTY,
                                        Q_TERMS_MOVE, Q_TERMS_EMPTY, Q_CYCLE_END};

int sl_store_recent_due(int64_t first, int64_t last)
{
    if (first <= 0 || first > last)
        return 0;
    double a = (double)(last - first + 1);
    return a * a >= MERGE_K * (double)last;
}

int sl_store_integer_of(sl_store *st, const char *sql, int64_t *out)
{
    sqlite3_stmt *s = sl_store_stmt(st, sql);
    if (!s)
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* Reads the cycle's first article into the handle unless known. */
static int cycle_known(sl_store *st)
{
    int64_t first = 0;
    if (st->recent_first)
        return 0;
    if (sl_store_integer_of(st, Q_CYCLE_GET, &first))
        return SL_ESTORE;
    st->recent_first = first ? first : INT64_MAX;
    return 0;
}

int sl_store_recent_added(sl_store *st)
{
    if (cycle_known(st))
        return SL_ESTORE;
    if (st->recent_first != INT64_MAX) /* a cycle is running */
        return 0;
    int64_t last = 0;
    if (sl_store_integer_of(st, Q_STORED_LAST, &last))
        return SL_ESTORE;
    sqlite3_stmt *s = sl_store_stmt(st, Q_CYCLE_SET);
    if (!s || sqlite3_bind_int64(s, 1, last) || sl_store_exec_stmt(s))
        return SL_ESTORE;
    st->recent_first = last;
    return 0;
}

/* Runs one statement of the merge; the terms' move is a copy when terms
 * has no row: on the first 1,000 Reuters stories, the merge 100.4 -> 73.8 M
 * instructions (docs/history/benchmarks-rounds.md, "Twenty-first round"). */
static int merge_step(sl_store *st, const char *sql)
{
    int64_t none = 0;
    if (sql == Q_TERMS_MOVE && sl_store_integer_of(st, Q_TERMS_NONE, &none))
        return SL_ESTORE;
    return sl_store_exec_stmt(sl_store_stmt(st, none ? Q_TERMS_COPY : sql)) ? SL_ESTORE : 0;
}

/* The batch's kept rows (held_rows.c) go straight into the large tables,
 * after the recent rows moved there: written into the recent tables first
 * they were moved again at once (on the first 1,000 Reuters stories, the
 * second batch's 8,000 pairs and 7,700 keys; docs/history/benchmarks-rounds.md,
 * "Thirty-sixth round"). The large tables then hold the same rows. */
int sl_store_recent_merge(sl_store *st)
{
    sl_store_terms_written(st);
    sl_store_table_written(st, SL_STORE_LINES_LARGE); /* it gets the recent pairs */
    for (size_t i = 0; i < sizeof merge_sql / sizeof merge_sql[0]; i++)
        if (merge_step(st, merge_sql[i]))
            return SL_ESTORE;
    st->recent_first = INT64_MAX;
    return sl_store_copy_keys_flush_large(st) || sl_store_lines_flush_large(st) ? SL_ESTORE : 0;
}

int sl_store_recent_due_now(sl_store *st, int *due)
{
    *due = 0;
    if (st->schema < SL_STORE_RECENT_SINCE)
        return 0;
    if (cycle_known(st))
        return SL_ESTORE;
    if (st->recent_first == INT64_MAX) /* no recent row */
        return 0;
    int64_t last = 0;
    if (sl_store_integer_of(st, Q_STORED_LAST, &last))
        return SL_ESTORE;
    *due = sl_store_recent_due(st->recent_first, last);
    return 0;
}

int sl_store_recent_settle(sl_store *st)
{
    int due = 0;
    if (sl_store_recent_due_now(st, &due))
        return SL_ESTORE;
    return due ? sl_store_recent_merge(st) : 0;
}

int sl_store_recent_move_terms(sl_store *st)
{
    sl_store_terms_written(st);
    return merge_step(st, Q_TERMS_MOVE) || merge_step(st, Q_TERMS_EMPTY) ? SL_ESTORE : 0;
}

/* Whether a table holds no row, the statement of each known table. */
static const char Q_LINES_NONE[] = "SELECT NOT EXISTS (SELECT 1 FROM line_articles)";
static const char Q_TERMS_RECENT_NONE[] = "SELECT NOT EXISTS (SELECT 1 FROM terms_recent)";
static const char *const none_sql[SL_STORE_KNOWN_TABLES] = {Q_LINES_NONE, Q_TERMS_NONE,
                                                            Q_TERMS_RECENT_NONE};

/* A table known empty is not read: a young store's line_articles and terms
 * until its first merge, terms_recent in the batch after a merge (it gets
 * rows at commits only). A join of an article's rows to an empty table
 * cost about 9,000 instructions, the statement's own: the line counts'
 * on line_articles were 9.3 M of 1,706 M on the first 1,000 Reuters
 * stories (docs/history/benchmarks-rounds.md, "Twenty-fourth round"). Kept for the batch
 * it was read in: in a batch only a merge (which forgets it) and the
 * commit's writes of counts (sl_store_terms_written) put rows in these
 * tables, and no other writer commits; another writer's commit between
 * batches moves the data_version it was read at. Outside a batch
 * (sl_store_memo_on) not kept, not known. */
int sl_store_table_empty(sl_store *st, int table, int *empty)
{
    sl_store_emptiness *e = &st->emptiness[table];
    *empty = 0;
    if (!sl_store_memo_on(st) || st->schema < SL_STORE_RECENT_SINCE)
        return 0;
    if (!e->state || e->version != st->dict.data_version) {
        int64_t none = 0;
        if (sl_store_integer_of(st, none_sql[table], &none))
            return SL_ESTORE;
        e->state = none ? 1 : 2;
        e->version = st->dict.data_version;
    }
    *empty = e->state == 1;
    return 0;
}

void sl_store_table_written(sl_store *st, int table) { st->emptiness[table].state = 0; }
