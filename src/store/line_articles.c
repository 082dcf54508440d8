/* line_articles.c — table line_articles: which stored articles carry each
 * short line (by its fingerprint), which chrome removal reads to tell a
 * site's repeated furniture from an article's own lines. A line counts the
 * distinct articles carrying it, never the article judged. Each article
 * row keeps the fingerprints it added (articles.lines), so a new version
 * takes its old lines out without an index by article: the (line, article)
 * key is the table's only index. From schema 13 the row keeps the high 32
 * bits of each fingerprint (4 bytes a line instead of 8): the removal
 * finds the article's pairs under each prefix, which is exact, since the
 * pairs of other articles are never under its id and any line of its own
 * under one of its prefixes is a line it added. From schema 18 the prefix
 * is the high 16 bits (2 bytes a line): a prefix's range then holds about
 * one pair in 65,536 of the tables' (about 26 at 100,000 Reuters stories,
 * 17.3 pairs each), which the removal of a new version's lines reads
 * through; nothing else reads it.
 * From schema 14 new pairs go to line_articles_recent until a commit
 * moves them into line_articles (recent.c); reads look in both. A batch
 * keeps its new pairs in memory until its commit (held_rows.c, from
 * schema 30), and a count adds those of each line.
 * From schema 30 a pair's line is the fingerprint's high 47 bits (line_key),
 * which SQLite holds in 6 bytes where the whole 64 bits took 8: 2 bytes
 * a pair fewer. Two lines of one article or of two then share a key when
 * their fingerprints differ only in the low 17 bits: about n^2 / 2^48 such
 * pairs among n distinct lines (2.8e-4 for all of Reuters' 279,195, none
 * found; about one at 17 million lines); such a line is counted as
 * carried by the other's articles too. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* The carriers of each of an article's lines (sl_rows' c0; r.rowid, the
 * line's place) in one table, line after line: one statement a table for
 * all the lines (25% fewer instructions than a statement a line,
 * docs/benchmarks.md "Eighth round"), a join that hands back a row for
 * each carrier, where a count a line in a subquery (both tables' rows
 * under a LIMIT) opened and closed its cursors at every line
 * (docs/history/benchmarks-rounds.md, "Twenty-second round"). Most lines are carried by
 * no other article, and return no row. */
static const char Q_LINE_CARRIERS[] =
    "SELECT r.rowid FROM sl_rows(?1) r CROSS JOIN line_articles l ON l.line = r.c0"
    " AND l.article_id <> ?2";
static const char Q_LINE_CARRIERS_RECENT[] =
    "SELECT r.rowid FROM sl_rows(?1) r CROSS JOIN line_articles_recent l ON l.line = r.c0"
    " AND l.article_id <> ?2";
static const char *const Q_CARRIERS_IN[2] = {Q_LINE_CARRIERS, Q_LINE_CARRIERS_RECENT};
/* Each line's carriers in one table counted up to ?3 by a subquery a line,
 * which stops at the cap: for the lines after one that passed it (page
 * furniture, whose carriers the join would read one by one). The inner
 * LIMIT keeps SQLite from flattening the subquery, which would run each
 * line's count twice (in the WHERE and the result). */
static const char Q_LINE_COUNT[] =
    "SELECT place, n FROM (SELECT r.rowid AS place, (SELECT count(*) FROM"
    " (SELECT 1 FROM line_articles WHERE line = r.c0 AND article_id <> ?2 LIMIT ?3)) AS n"
    " FROM sl_rows(?1) r LIMIT -1) WHERE n > 0";
static const char Q_LINE_COUNT_RECENT[] =
    "SELECT place, n FROM (SELECT r.rowid AS place, (SELECT count(*) FROM"
    " (SELECT 1 FROM line_articles_recent WHERE line = r.c0 AND article_id <> ?2 LIMIT ?3)) AS n"
    " FROM sl_rows(?1) r LIMIT -1) WHERE n > 0";
static const char *const Q_COUNT_IN[2] = {Q_LINE_COUNT, Q_LINE_COUNT_RECENT};
static const char Q_LINE_ADD[] =
    "INSERT OR IGNORE INTO line_articles_recent SELECT c0, c1 FROM sl_rows(?1)";
/* The kept pairs at a commit that merges the recent rows: into
 * line_articles after the merge (recent.c). */
static const char Q_LINE_ADD_LARGE[] =
    "INSERT OR IGNORE INTO line_articles SELECT c0, c1 FROM sl_rows(?1) -- kept";
static const char Q_LINE_REMOVE[] = "DELETE FROM line_articles WHERE line = ?1 AND article_id = ?2";
static const char Q_LINE_REMOVE_RECENT[] =
    "DELETE FROM line_articles_recent WHERE line = ?1 AND article_id = ?2";
static const char Q_ARTICLE_LINES[] = "SELECT lines FROM articles WHERE id = ?1";
/* The article's first line at or after ?1 and at most ?2 (a prefix's range). */
static const char Q_LINE_UNDER[] =
    "SELECT line FROM line_articles WHERE line >= ?1 AND line <= ?2 AND article_id = ?3"
    " ORDER BY line LIMIT 1";
static const char Q_LINE_UNDER_RECENT[] =
    "SELECT line FROM line_articles_recent WHERE line >= ?1 AND line <= ?2 AND article_id = ?3"
    " ORDER BY line LIMIT 1";
/* The two tables a pair may be in: the large one, then the recent pairs. */
static const char *const Q_REMOVE_IN[2] = {Q_LINE_REMOVE, Q_LINE_REMOVE_RECENT};
static const char *const Q_UNDER_IN[2] = {Q_LINE_UNDER, Q_LINE_UNDER_RECENT};
static const char Q_LINES_SET[] = "UPDATE articles SET lines = ?2 WHERE id = ?1";
static const char Q_LINES_NEXT[] =
    "SELECT id, lines FROM articles WHERE id > ?1 AND lines IS NOT NULL ORDER BY id LIMIT 1";

/* The bits of a fingerprint a pair keeps from schema 30: its high 47,
 * non-negative, which SQLite holds in 6 bytes (at most 2^47 - 1). */
#define KEY_BITS 47

/* The line a pair of st's schema holds for fingerprint `line`. */
static int64_t line_key(const sl_store *st, uint64_t line)
{
    return st->schema >= SL_STORE_LINE_KEYS_SINCE ? (int64_t)(line >> (64 - KEY_BITS))
                                                  : (int64_t)line;
}

/* The fingerprints of a count as sl_rows' rows: each its pair's line. */
typedef struct line_keys {
    const sl_store *st;
    const uint64_t *hashes;
} line_keys;

static int64_t line_key_value(void *ctx, size_t row, int col)
{
    const line_keys *k = ctx;
    (void)col;
    return line_key(k->st, k->hashes[row]);
}

/* Counts into counts[] (up to cap) table t's carriers of the lines, by
 * the join (Q_CARRIERS_IN); a line met past its cap ends it, and *next is
 * the place after that line (n when all were read). */
static int count_joined(sl_store *st, int t, const uint64_t *hashes, size_t n, int64_t self,
                        uint32_t cap, uint32_t *counts, size_t *next)
{
    static const sl_store_rows lines = {NULL, 1, line_key_value};
    line_keys keys = {st, hashes};
    sl_store_rows_source source = {&lines, &keys, n};
    sqlite3_stmt *s = sl_store_stmt(st, Q_CARRIERS_IN[t]);
    if (!s || sl_store_rows_bind(s, &source) || sqlite3_bind_int64(s, 2, self))
        return SL_ESTORE;
    int rc;
    *next = n;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t place = sqlite3_column_int64(s, 0);
        if (place < 0 || (size_t)place >= n)
            continue;
        if (counts[place] >= cap) { /* its other carriers: not read */
            *next = (size_t)place + 1;
            break;
        }
        counts[place]++;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s); /* the lines are the caller's, gone after */
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : SL_ESTORE;
}

/* Adds to counts[] table t's carriers of the n lines counted up to cap
 * line by line (Q_COUNT_IN). */
static int count_each(sl_store *st, int t, const uint64_t *hashes, size_t n, int64_t self,
                      uint32_t cap, uint32_t *counts)
{
    static const sl_store_rows lines = {NULL, 1, line_key_value};
    line_keys keys = {st, hashes};
    sl_store_rows_source source = {&lines, &keys, n};
    sqlite3_stmt *s = sl_store_stmt(st, Q_COUNT_IN[t]);
    if (!s || sl_store_rows_bind(s, &source) || sqlite3_bind_int64(s, 2, self) ||
        sqlite3_bind_int64(s, 3, cap))
        return SL_ESTORE;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t place = sqlite3_column_int64(s, 0);
        if (place >= 0 && (size_t)place < n)
            counts[place] += (uint32_t)sqlite3_column_int(s, 1);
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

int sl_store_lines_count(sl_store *st, const uint64_t *hashes, size_t n, int64_t self,
                         uint32_t cap, uint32_t *counts)
{
    memset(counts, 0, n * sizeof *counts);
    int empty = 0;
    /* the batch's kept pairs count as the recent table's would, but for
     * the article's own, left out of them: not written first, a count
     * writes nothing (its caller, the chrome judgement, drops a failure) */
    for (size_t i = 0; st->held_lines.rows.n && i < n; i++)
        counts[i] = sl_store_held_count(&st->held_lines, line_key(st, hashes[i]));
    if (sl_store_held_has_article(&st->held_lines, self))
        sl_store_held_leave_out(&st->held_lines, self, line_key_value,
                                &(line_keys){st, hashes}, n, counts);
    int rc = sl_store_table_empty(st, SL_STORE_LINES_LARGE, &empty);
    for (int t = empty; !rc && t < 2; t++) {
        size_t next;
        rc = count_joined(st, t, hashes, n, self, cap, counts, &next);
        if (!rc && next < n)
            rc = count_each(st, t, hashes + next, n - next, self, cap, counts + next);
    }
    for (size_t i = 0; i < n; i++)
        counts[i] = rc ? 0 : counts[i] < cap ? counts[i] : cap;
    return rc;
}

/* The tables a pair may be in: line_articles_recent only from schema 14. */
static int tables(const sl_store *st)
{
    return st->schema >= SL_STORE_RECENT_SINCE ? 2 : 1;
}

/* Takes out the pair (line, article) from table t (Q_REMOVE_IN). */
static int remove_pair_in(sl_store *st, int t, int64_t line, int64_t id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_REMOVE_IN[t]);
    if (!s || sqlite3_bind_int64(s, 1, line) || sqlite3_bind_int64(s, 2, id))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Takes out the pair (line, article), from whichever table holds it. */
static int remove_pair(sl_store *st, int64_t line, int64_t id)
{
    int rc = 0;
    for (int t = 0; !rc && t < tables(st); t++)
        rc = remove_pair_in(st, t, line, id);
    return rc;
}

/* The lines of one article, as rows (line, article). */
typedef struct article_lines {
    const sl_store *st;
    const int64_t *lines;
    int64_t id;
} article_lines;

static int64_t article_line_value(void *ctx, size_t row, int col)
{
    const article_lines *a = ctx;
    return col ? a->id : line_key(a->st, (uint64_t)a->lines[row]);
}

int sl_store_lines_add(sl_store *st, int64_t id, const int64_t *lines, size_t n)
{
    static const sl_store_rows rows = {Q_LINE_ADD, 2, article_line_value};
    article_lines a = {st, lines, id};
    if (n && sl_store_recent_added(st))
        return SL_ESTORE;
    if (st->schema < SL_STORE_LINE_KEYS_SINCE) /* keys of 64 bits: held_rows.c's are less */
        return sl_store_exec_rows(st, &rows, n, &a);
    return sl_store_held_add(st, &st->held_lines, &rows, &a, n);
}

int sl_store_lines_flush(sl_store *st)
{
    return sl_store_held_flush(st, &st->held_lines, Q_LINE_ADD);
}

int sl_store_lines_flush_large(sl_store *st)
{
    return sl_store_held_flush(st, &st->held_lines, Q_LINE_ADD_LARGE);
}

int sl_store_lines_pack(const int64_t *lines, size_t n, sl_buf *out)
{
    sl_buf_clear(out);
    for (size_t i = 0; i < n; i++) {
        uint16_t prefix = (uint16_t)((uint64_t)lines[i] >> 48);
        sl_buf_put(out, &prefix, sizeof prefix);
    }
    return out->err ? SL_ENOMEM : 0;
}

/* Takes out the article's pairs in table t (Q_UNDER_IN) whose line has
 * the high `bits` bits `prefix` (of its KEY_BITS from schema 30, else of
 * 64): a seek for each, then its pair. */
static int clear_prefix_in(sl_store *st, int t, uint32_t prefix, int bits, int64_t id)
{
    int width = st->schema >= SL_STORE_LINE_KEYS_SINCE ? KEY_BITS : 64;
    uint64_t span = UINT64_MAX >> (64 - width + bits);
    int64_t from = (int64_t)((uint64_t)prefix << (width - bits)), to = (int64_t)((uint64_t)from + span);
    for (;;) {
        sqlite3_stmt *s = sl_store_stmt(st, Q_UNDER_IN[t]);
        if (!s || sqlite3_bind_int64(s, 1, from) || sqlite3_bind_int64(s, 2, to) ||
            sqlite3_bind_int64(s, 3, id))
            return SL_ESTORE;
        int rc = sqlite3_step(s);
        int64_t line = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        sqlite3_reset(s);
        if (rc != SQLITE_ROW)
            return rc == SQLITE_DONE ? 0 : SL_ESTORE;
        if (remove_pair_in(st, t, line, id))
            return SL_ESTORE;
        if (line == to)
            return 0;
        from = line + 1;
    }
}

static int clear_prefix(sl_store *st, uint32_t prefix, int bits, int64_t id)
{
    int rc = 0;
    for (int t = 0; !rc && t < tables(st); t++)
        rc = clear_prefix_in(st, t, prefix, bits, id);
    return rc;
}

/* The bytes a line takes in an article's list in a store of `schema`: its
 * whole fingerprint before 13, then its high 32 bits, from 18 its high 16. */
static size_t line_width(int schema)
{
    return schema >= SL_STORE_SHORT_LINES_SINCE ? sizeof(uint16_t)
           : schema >= SL_STORE_PACKED_SINCE   ? sizeof(uint32_t)
                                               : sizeof(int64_t);
}

int sl_store_lines_clear(sl_store *st, int64_t id)
{
    if (sl_store_lines_flush(st)) /* its old pairs may be among the batch's kept ones */
        return SL_ESTORE;
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_LINES);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    size_t width = line_width(st->schema);
    sl_buf lines = SL_BUF_INIT;
    int rc = sqlite3_step(s), err = 0;
    if (rc == SQLITE_ROW)
        err = sl_buf_put(&lines, sqlite3_column_blob(s, 0),
                         (size_t)sqlite3_column_bytes(s, 0) / width * width) ? SL_ENOMEM : 0;
    else if (rc != SQLITE_DONE)
        err = SL_ESTORE;
    sqlite3_reset(s);
    for (size_t at = 0; !err && at < lines.len; at += width) {
        if (width == sizeof(uint16_t)) {
            uint16_t prefix;
            memcpy(&prefix, lines.ptr + at, sizeof prefix);
            err = clear_prefix(st, prefix, 16, id);
        } else if (width == sizeof(uint32_t)) {
            uint32_t prefix;
            memcpy(&prefix, lines.ptr + at, sizeof prefix);
            err = clear_prefix(st, prefix, 32, id);
        } else {
            int64_t line;
            memcpy(&line, lines.ptr + at, sizeof line);
            err = remove_pair(st, line, id);
        }
    }
    sl_buf_free(&lines);
    return err;
}

/* The lines a row (id, lines) lists, each of `from` bytes (a whole
 * fingerprint or a 32-bit prefix), as prefixes of `to` bytes (4 or 2). */
static int narrowed(sqlite3_stmt *row, size_t from, size_t to, sl_buf *out)
{
    const unsigned char *p = sqlite3_column_blob(row, 1);
    size_t n = (size_t)sqlite3_column_bytes(row, 1) / from;
    for (size_t i = 0; i < n; i++) {
        uint64_t line;
        uint32_t prefix;
        if (from == sizeof line) {
            memcpy(&line, p + i * from, sizeof line);
        } else {
            memcpy(&prefix, p + i * from, sizeof prefix);
            line = (uint64_t)prefix << 32;
        }
        uint32_t wide = (uint32_t)(line >> 32);
        uint16_t narrow = (uint16_t)(line >> 48);
        sl_buf_put(out, to == sizeof wide ? (const void *)&wide : &narrow, to);
    }
    return out->err ? SL_ENOMEM : 0;
}

/* Migration 13: whole fingerprints to 32-bit prefixes. */
static int prefixes(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    (void)st;
    return narrowed(row, sizeof(int64_t), sizeof(uint32_t), out);
}

int sl_store_lines_prefix(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_LINES_NEXT, Q_LINES_SET, prefixes);
}

/* Migration 18: 32-bit prefixes cut to 16. */
static int shorter_prefixes(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    (void)st;
    return narrowed(row, sizeof(uint32_t), sizeof(uint16_t), out);
}

int sl_store_lines_shorten(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_LINES_NEXT, Q_LINES_SET, shorter_prefixes);
}

/* ---- migration 7: the lines of each article into its row, then no index by article ---- */

static const char Q_PAIRS_BY_ARTICLE[] =
    "SELECT article_id, line FROM line_articles ORDER BY article_id";

static int set_lines(sl_store *st, int64_t id, const sl_id_vec *lines)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_LINES_SET);
    if (!s || sqlite3_bind_int64(s, 1, id) ||
        sqlite3_bind_blob(s, 2, lines->items, (int)(lines->n * sizeof(int64_t)), SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_lines_backfill(sl_store *st)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, Q_PAIRS_BY_ARTICLE, -1, &s, NULL) != SQLITE_OK)
        return SL_ESTORE;
    sl_id_vec lines = {0};
    int64_t article = 0;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        if (lines.n && id != article) {
            err = set_lines(st, article, &lines);
            lines.n = 0;
        }
        article = id;
        if (!err && sl_vec_push(&lines, sqlite3_column_int64(s, 1)))
            err = SL_ENOMEM;
    }
    err = sl_store_rows_end(st, s, rc, err);
    sqlite3_finalize(s);
    if (!err && lines.n)
        err = set_lines(st, article, &lines);
    sl_vec_free(&lines);
    if (!err && sqlite3_exec(st->db, "DROP INDEX line_articles_article", NULL, NULL, NULL) != SQLITE_OK)
        err = SL_ESTORE;
    return err;
}
