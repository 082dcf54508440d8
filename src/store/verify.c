/* verify.c — the store's integrity check (storyline check): SQLite's own,
 * then the counts that must be 0 of every table's rows against the others,
 * by the schema version's tables, in one snapshot; the search index's own
 * check last (a writer's only). */
#include <string.h>

#include "copies/copies.h"
#include "store_internal.h"

/* Runs a query returning one text or integer cell and compares it to `want`. */
static int check_query(sl_store *st, const char *sql, const char *want, const char *what,
                       sl_buf *why)
{
    sqlite3_stmt *s = NULL;
    int rc = SL_ESTORE;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        sl_buf_printf(why, "%s: %s", what, sqlite3_errmsg(st->db));
        goto done;
    }
    if (sqlite3_step(s) != SQLITE_ROW) {
        sl_buf_printf(why, "%s: %s", what, sqlite3_errmsg(st->db));
        goto done;
    }
    const char *got = (const char *)sqlite3_column_text(s, 0);
    if (!got || strcmp(got, want)) {
        sl_buf_printf(why, "%s: %s", what, got ? got : "(null)");
        goto done;
    }
    rc = 0;
done:
    sqlite3_finalize(s);
    return rc;
}

/* The facts' rows that do not read (facts.c), counted. */
static int check_facts(sl_store *st, sl_buf *why)
{
    int64_t bad = 0;
    int rc = sl_store_facts_verify(st, &bad);
    if (rc)
        sl_buf_printf(why, "facts: %s", rc == SL_ENOMEM ? "out of memory" : sqlite3_errmsg(st->db));
    else if (bad)
        sl_buf_printf(why, "facts that do not read: %lld", (long long)bad);
    return rc ? rc : bad ? SL_ESTORE : 0;
}

int sl_store_verify(sl_store *st, sl_buf *why)
{
    sl_buf_clear(why);
    static const struct { const char *sql, *want, *what; } checks[] = {
        {"PRAGMA integrity_check", "ok", "integrity check"},
        {"SELECT count(*) FROM articles WHERE sentences IS NULL OR story_id IS NULL", "0",
         "articles without sentences or story"},
        {"SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id"
         " WHERE s.id IS NULL", "0", "articles in a missing story"},
        {"SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_fts_docsize)",
         "0", "articles missing from the search index"},
        {"SELECT count(*) FROM stories s WHERE n_articles !="
         " (SELECT count(*) FROM articles a WHERE a.story_id = s.id)", "0",
         "stories whose article count is wrong"},
        {"SELECT count(*) FROM stories WHERE first_day > last_day"
         " OR (first_day IS NULL) != (last_day IS NULL)", "0", "stories whose span of days is wrong"},
        {"SELECT count(*) FROM copies c WHERE c.article_id = c.of_id"
         " OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)"
         " OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.of_id)", "0",
         "copy relations naming a missing article"},
        {"SELECT count(*) FROM copy_sketches k WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = k.article_id)", "0", "sketches of missing articles"},
        {"SELECT count(*) FROM article_terms t WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = t.article_id)", "0", "vectors of missing articles"},
        {"SELECT count(*) FROM facts f WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = f.article_id)", "0", "facts of missing articles"},
        {"SELECT count(*) FROM line_articles l WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = l.article_id)", "0",
         "repeated lines of missing articles"},
        {"SELECT count(*) FROM (SELECT identity FROM articles WHERE identity IS NOT NULL"
         " GROUP BY identity HAVING count(*) > 1)", "0", "articles sharing one identity"},
        /* a reason as its place (schema 23) is one byte below the seven
         * reasons' count (removed_lines.c): any other blob does not read */
        {"SELECT count(*) FROM removed_lines WHERE typeof(reason) = 'blob'"
         " AND (length(reason) != 1 OR reason >= x'07')", "0",
         "chrome lines whose reason does not read"},
    };
    /* the recent tables from schema 14 (recent.c) */
    static const struct { const char *sql, *want, *what; } recent[] = {
        {"SELECT count(*) FROM line_articles_recent l WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = l.article_id)", "0",
         "recent repeated lines of missing articles"},
        {"SELECT count(*) FROM line_articles_recent r JOIN line_articles l"
         " ON l.line = r.line AND l.article_id = r.article_id", "0",
         "repeated lines recorded twice"},
        {"SELECT count(*) FROM copy_keys_recent r JOIN copy_keys k"
         " ON k.key = r.key AND k.article_id = r.article_id", "0", "copy keys recorded twice"},
        /* without it the merge would not come (recent.c) */
        {"SELECT (EXISTS(SELECT 1 FROM line_articles_recent)"
         " OR EXISTS(SELECT 1 FROM copy_keys_recent)) AND NOT EXISTS(SELECT 1 FROM recent_cycle)",
         "0", "recent rows without a recent cycle"},
    };
    /* the marks of full copy keys from schema 31 (copy_keys.c): (key, 0)
     * on a key of more than SL_COPY_POSTINGS other rows, where a read
     * stops; no other row of article 0 (packed with its key count, 1 to 31) */
    _Static_assert(SL_COPY_POSTINGS == 128, "the marks' check counts 128 rows");
    static const struct { const char *sql, *want, *what; } marks[] = {
        {"SELECT count(*) FROM copy_keys m WHERE m.article_id = 0 AND (SELECT count(*) FROM"
         " (SELECT 1 FROM copy_keys k WHERE k.key = m.key AND k.article_id > 0 LIMIT 129)) <= 128",
         "0", "copy keys marked full with 128 rows or fewer"},
        {"SELECT count(*) FROM copy_keys WHERE article_id BETWEEN 1 AND 31", "0",
         "copy keys of article 0"},
    };
    /* the dictionary of terms from schema 17 (term_dict.c): ids given one
     * after another, the rows of an article's new terms with the article,
     * each term's id in its row of terms or terms_recent (where the writer
     * finds it) and no other id there */
    static const struct { const char *sql, *want, *what; } dict[] = {
        {"SELECT coalesce(max(id), 0) - count(*) FROM term_dict", "0",
         "term ids not numbered from 1 without gaps"},
        {"SELECT count(*) FROM term_dict d WHERE d.id IS NOT (SELECT max(dict_id) FROM"
         " (SELECT dict_id FROM terms WHERE id = d.term"
         " UNION ALL SELECT dict_id FROM terms_recent WHERE id = d.term))",
         "0", "a dictionary term without its id in terms"},
        {"SELECT count(*) FROM (SELECT id, dict_id FROM terms WHERE dict_id IS NOT NULL"
         " UNION ALL SELECT id, dict_id FROM terms_recent WHERE dict_id IS NOT NULL) t"
         " WHERE NOT EXISTS (SELECT 1 FROM term_dict d WHERE d.id = t.dict_id AND d.term = t.id)",
         "0", "a term id in terms that the dictionary does not give it"},
    };
    /* One snapshot for all: an ingest committing meanwhile cannot make the
     * counts of one check disagree with another's. A reader is in its own
     * snapshot already (sl_store_begin_read). A writer's open batch is half
     * written (term counts, story changes come at its commit): checked, a
     * healthy store could look damaged. */
    if (!st->read_only && !sqlite3_get_autocommit(st->db)) {
        sl_buf_puts(why, "check: a write batch is open (commit it first): it is half written");
        return SL_EUSAGE;
    }
    int own = !st->read_only;
    if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sl_buf_printf(why, "check: %s", sqlite3_errmsg(st->db));
        return SL_ESTORE;
    }
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof checks / sizeof checks[0]; i++)
        rc = check_query(st, checks[i].sql, checks[i].want, checks[i].what, why);
    size_t n_recent = st->schema >= SL_STORE_RECENT_SINCE ? sizeof recent / sizeof recent[0] : 0;
    for (size_t i = 0; !rc && i < n_recent; i++)
        rc = check_query(st, recent[i].sql, recent[i].want, recent[i].what, why);
    size_t n_dict = st->schema >= SL_STORE_DICT_SINCE ? sizeof dict / sizeof dict[0] : 0;
    for (size_t i = 0; !rc && i < n_dict; i++)
        rc = check_query(st, dict[i].sql, dict[i].want, dict[i].what, why);
    size_t n_marks = st->schema >= SL_STORE_FULL_KEYS_SINCE ? sizeof marks / sizeof marks[0] : 0;
    for (size_t i = 0; !rc && i < n_marks; i++)
        rc = check_query(st, marks[i].sql, marks[i].want, marks[i].what, why);
    if (!rc) /* the grouper's index of stories by term against the centroids */
        rc = sl_store_story_terms_verify(st, why);
    if (!rc)
        rc = check_facts(st, why);
    if (!rc && st->schema >= SL_STORE_TERM_WEIGHTS_SINCE) /* and their norms */
        rc = sl_store_story_norms_verify(st, why);
    if (own)
        sqlite3_exec(st->db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
    /* FTS5's own check compares the index with the articles it was built
     * from; it is a write (SQLite 3.40; PRAGMA integrity_check makes it
     * read-only only from 3.44), so a reader goes without it. */
    if (rc || st->read_only)
        return rc;
    if (sqlite3_exec(st->db, "INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)",
                     NULL, NULL, NULL) != SQLITE_OK) {
        sl_buf_printf(why, "search index integrity: %s", sqlite3_errmsg(st->db));
        return SL_ESTORE;
    }
    return 0;
}
