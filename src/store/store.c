/* store.c — opening the store, its schema migrations, transactions, the
 * statement cache and the integrity check. Schema changes go at the end of
 * `migrations`; PRAGMA user_version records how many have been applied. */
#include <stdlib.h>
#include <string.h>

#include "faultvfs.h"
#include "store_internal.h"

/* Each entry moves the schema from version i to i+1, in one transaction. */
static const char *const migrations[] = {
    /* 1: articles, their versions and removed lines, stories, copies, search */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  identity TEXT UNIQUE,"
    "  key TEXT, path TEXT, url TEXT, source TEXT,"
    "  published TEXT, published_day INTEGER,"
    "  title TEXT, text TEXT NOT NULL, lang TEXT,"
    "  content_hash INTEGER NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  bad_bytes INTEGER NOT NULL DEFAULT 0,"
    "  sentences BLOB, terms BLOB,"
    "  story_id INTEGER,"
    "  ingested_at INTEGER NOT NULL);"
    "CREATE INDEX articles_hash ON articles(content_hash);"
    "CREATE INDEX articles_story ON articles(story_id);"
    "CREATE TABLE article_versions(article_id INTEGER NOT NULL, version INTEGER NOT NULL,"
    "  content_hash INTEGER NOT NULL, title TEXT, text TEXT NOT NULL, ingested_at INTEGER,"
    "  PRIMARY KEY(article_id, version)) WITHOUT ROWID;"
    "CREATE TABLE removed_lines(article_id INTEGER NOT NULL, line_no INTEGER NOT NULL,"
    "  text TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(article_id, line_no)) WITHOUT ROWID;"
    "CREATE TABLE line_counts(hash INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, title TEXT, first_article INTEGER,"
    "  n_articles INTEGER NOT NULL DEFAULT 0, first_day INTEGER, last_day INTEGER,"
    "  thread_id INTEGER, centroid BLOB);"
    "CREATE TABLE copies(article_id INTEGER NOT NULL, of_id INTEGER NOT NULL, kind TEXT NOT NULL,"
    "  score REAL NOT NULL, evidence TEXT, PRIMARY KEY(article_id, of_id)) WITHOUT ROWID;"
    "CREATE INDEX copies_of ON copies(of_id);"
    "CREATE TABLE terms(id INTEGER PRIMARY KEY, df INTEGER NOT NULL);"
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles',"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');",
    /* 2 (copies): each article's sketch for the copy index; copy relations
     * gain the basis of their direction and the credit line found */
    "CREATE TABLE copy_sketches(article_id INTEGER PRIMARY KEY, keys BLOB NOT NULL,"
    "  sentences BLOB NOT NULL, credit TEXT);"
    "ALTER TABLE copies ADD COLUMN same_origin INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE copies ADD COLUMN credit TEXT;",
    /* 3 (facts, src/facts): the entities, quotes, numbers and dates of each article */
    "CREATE TABLE facts(article_id INTEGER NOT NULL, n INTEGER NOT NULL, kind INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, sent_start INTEGER, sent_end INTEGER,"
    "  src_start INTEGER, src_end INTEGER, value REAL, value_hi REAL, approx TEXT,"
    "  text TEXT, about TEXT, detail TEXT, role TEXT,"
    "  PRIMARY KEY(article_id, n)) WITHOUT ROWID;",
    /* 4 (stories and threads): how well a story's title article matched it,
     * articles whose date was missing or clamped, stories by thread */
    "ALTER TABLE stories ADD COLUMN title_score REAL NOT NULL DEFAULT 0;"
    "CREATE TABLE article_flags(article_id INTEGER PRIMARY KEY, flag TEXT NOT NULL);"
    "CREATE INDEX stories_thread ON stories(thread_id, first_day);",
};
#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

static const char *const stmt_sql[Q_COUNT_] = {
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_FIND_IDENTITY] = "SELECT id, content_hash, version FROM articles WHERE identity = ?1",
    [Q_FIND_HASH] = "SELECT id, identity FROM articles WHERE content_hash = ?1 ORDER BY id LIMIT 1",
    [Q_ARTICLE_INSERT] =
        "INSERT INTO articles(identity, key, path, url, source, published, published_day, title,"
        " text, lang, content_hash, bad_bytes, sentences, terms, story_id, ingested_at)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,strftime('%s','now'))",
    [Q_ARTICLE_ARCHIVE] =
        "INSERT OR REPLACE INTO article_versions(article_id, version, content_hash, title, text,"
        " ingested_at) SELECT id, version, content_hash, title, text, ingested_at FROM articles"
        " WHERE id = ?1",
    [Q_ARTICLE_UPDATE] =
        "UPDATE articles SET key=?2, path=?3, url=?4, source=?5, published=?6, published_day=?7,"
        " title=?8, text=?9, lang=?10, content_hash=?11, bad_bytes=?12, sentences=?13, terms=?14,"
        " story_id=?15, version=version+1, ingested_at=strftime('%s','now') WHERE id = ?1"
        " RETURNING version",
    [Q_FTS_INSERT] = "INSERT INTO article_fts(rowid, title, text) VALUES(?1, ?2, ?3)",
    [Q_FTS_DELETE] = "INSERT INTO article_fts(article_fts, rowid, title, text)"
                     " SELECT 'delete', id, title, text FROM articles WHERE id = ?1",
    [Q_REMOVED_INSERT] = "INSERT OR REPLACE INTO removed_lines VALUES(?1, ?2, ?3, ?4)",
    [Q_REMOVED_CLEAR] = "DELETE FROM removed_lines WHERE article_id = ?1",
    [Q_LINE_GET] = "SELECT n FROM line_counts WHERE hash = ?1",
    [Q_LINE_BUMP] = "INSERT INTO line_counts VALUES(?1, 1) ON CONFLICT(hash) DO UPDATE SET n = n + 1",
    [Q_ARTICLE_GET] =
        "SELECT id, story_id, version, key, path, url, source, published, title, text, lang,"
        " bad_bytes, sentences FROM articles WHERE id = ?1",
    [Q_REMOVED_GET] = "SELECT line_no, text, reason FROM removed_lines WHERE article_id = ?1"
                      " ORDER BY line_no",
    [Q_ARTICLE_COUNT] = "SELECT count(*) FROM articles",
    [Q_STORY_NEW] = "INSERT INTO stories(title, first_article, n_articles, first_day, last_day)"
                    " VALUES(?1, ?2, 0, ?3, ?3)",
    [Q_STORY_UPDATE] =
        "UPDATE stories SET n_articles = n_articles + 1, centroid = ?2,"
        " first_day = CASE WHEN ?3 IS NULL THEN first_day WHEN first_day IS NULL OR ?3 < first_day"
        "   THEN ?3 ELSE first_day END,"
        " last_day = CASE WHEN ?3 IS NULL THEN last_day WHEN last_day IS NULL OR ?3 > last_day"
        "   THEN ?3 ELSE last_day END WHERE id = ?1",
    [Q_STORY_LEAVE] = "UPDATE stories SET n_articles = n_articles - 1"
                      " WHERE id = (SELECT story_id FROM articles WHERE id = ?1)",
    [Q_COPY_INSERT] = "INSERT OR REPLACE INTO copies(article_id, of_id, kind, score, evidence,"
                      " same_origin, credit) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_ARTICLE_TEXT] = "SELECT text FROM articles WHERE id = ?1",
    [Q_COPIES_CLEAR] = "DELETE FROM copies WHERE article_id = ?1 OR of_id = ?1",
    [Q_SKETCH_PUT] = "INSERT OR REPLACE INTO copy_sketches VALUES(?1, ?2, ?3, ?4)",
    [Q_SKETCH_GET] = "SELECT k.sentences, k.credit, a.published_day, a.sentences, a.story_id"
                     " FROM copy_sketches k JOIN articles a ON a.id = k.article_id"
                     " WHERE k.article_id = ?1",
    [Q_SKETCH_KEYS] = "SELECT article_id, keys FROM copy_sketches ORDER BY article_id",
    [Q_UNSKETCHED] = "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM copy_sketches)"
                     " ORDER BY id",
    [Q_COPIES_ALL] = "SELECT article_id, of_id, kind, score, same_origin, credit, evidence"
                     " FROM copies ORDER BY article_id, of_id",
    [Q_COPIES_ONE] = "SELECT article_id, of_id, kind, score, same_origin, credit, evidence"
                     " FROM copies WHERE article_id = ?1"
                     " OR of_id = ?1 ORDER BY article_id, of_id",
    [Q_STORIES_LIST] =
        "SELECT s.id, s.thread_id, s.title, s.n_articles,"
        " (SELECT count(DISTINCT source) FROM articles a WHERE a.story_id = s.id),"
        " date(s.first_day * 86400, 'unixepoch'), date(s.last_day * 86400, 'unixepoch')"
        " FROM stories s WHERE s.n_articles > 0 AND (?1 IS NULL OR s.last_day >= ?1)"
        " ORDER BY s.last_day IS NULL, s.last_day DESC, s.n_articles DESC, s.id DESC",
    [Q_STORY_GET] =
        "SELECT s.id, s.thread_id, s.title, s.n_articles,"
        " (SELECT count(DISTINCT source) FROM articles a WHERE a.story_id = s.id),"
        " date(s.first_day * 86400, 'unixepoch'), date(s.last_day * 86400, 'unixepoch')"
        " FROM stories s WHERE s.id = ?1",
    [Q_STORY_ARTICLES] =
        "SELECT a.id, a.title, a.source, a.published, a.url, a.path, c.of_id, c.kind"
        " FROM articles a LEFT JOIN copies c ON c.article_id = a.id"
        " WHERE a.story_id = ?1 GROUP BY a.id ORDER BY a.published_day IS NULL, a.published_day, a.id",
    [Q_STORIES_EACH] = "SELECT id, thread_id, first_day, last_day, title_score, centroid"
                       " FROM stories ORDER BY id",
    [Q_STORY_THREAD] = "UPDATE stories SET thread_id = ?2 WHERE id = ?1",
    [Q_STORY_RETITLE] = "UPDATE stories SET title = coalesce(?2, title), title_score = ?3 WHERE id = ?1",
    [Q_ARTICLE_FLAG] = "INSERT OR REPLACE INTO article_flags VALUES(?1, ?2)",
    [Q_ARTICLE_UNFLAG] = "DELETE FROM article_flags WHERE article_id = ?1",
    [Q_THREAD_STORIES] =
        "SELECT s.id, s.thread_id, s.title, s.n_articles,"
        " (SELECT count(DISTINCT source) FROM articles a WHERE a.story_id = s.id),"
        " date(s.first_day * 86400, 'unixepoch'), date(s.last_day * 86400, 'unixepoch')"
        " FROM stories s WHERE s.n_articles > 0 AND (?1 = 0 OR s.thread_id = ?1)"
        " ORDER BY s.thread_id, s.first_day IS NULL, s.first_day, s.id",
    [Q_STORY_TEXTS] = "SELECT a.title, substr(a.text, 1, ?2), a.lang FROM articles a"
                      " WHERE a.story_id = ?1 AND NOT EXISTS (SELECT 1 FROM copies c"
                      " WHERE c.article_id = a.id) ORDER BY a.id LIMIT ?3",
    [Q_ARTICLE_FLAG_GET] = "SELECT flag FROM article_flags WHERE article_id = ?1",
    [Q_DF_ALL] = "SELECT id, df FROM terms",
    [Q_DF_ADD] = "INSERT INTO terms VALUES(?1, ?2) ON CONFLICT(id) DO UPDATE SET df = df + ?2",
    [Q_SEARCH] =
        "SELECT f.rowid, a.story_id, bm25(article_fts, 3.0, 1.0), a.title,"
        " snippet(article_fts, 1, '[', ']', '…', 16)"
        " FROM article_fts f JOIN articles a ON a.id = f.rowid"
        " WHERE article_fts MATCH ?1 ORDER BY bm25(article_fts, 3.0, 1.0) LIMIT ?2",
    [Q_EXPORT_ARTICLES] = "SELECT id FROM articles ORDER BY id",
    [Q_STORY_ARTICLE_IDS] = "SELECT id FROM articles WHERE story_id = ?1 ORDER BY id",
    [Q_FACTS_CLEAR] = "DELETE FROM facts WHERE article_id = ?1",
    [Q_FACT_INSERT] = "INSERT INTO facts VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
    [Q_FACTS_STORY] =
        "SELECT f.article_id, f.kind, f.start, f.end, f.sent_start, f.sent_end, f.src_start,"
        " f.src_end, f.value, f.value_hi, f.approx, f.text, f.about, f.detail, f.role"
        " FROM articles a JOIN facts f ON f.article_id = a.id"
        " WHERE a.story_id = ?1 AND (?2 < 0 OR f.kind = ?2) ORDER BY a.id, f.n",
    [Q_FACTS_ARTICLE] =
        "SELECT article_id, kind, start, end, sent_start, sent_end, src_start, src_end, value,"
        " value_hi, approx, text, about, detail, role FROM facts"
        " WHERE article_id = ?1 AND (?2 < 0 OR kind = ?2) ORDER BY n",
    [Q_FACTS_ALL] =
        "SELECT article_id, kind, start, end, sent_start, sent_end, src_start, src_end, value,"
        " value_hi, approx, text, about, detail, role FROM facts"
        " WHERE ?1 < 0 OR kind = ?1 ORDER BY article_id, n",
    [Q_STORY_COPIES] =
        "SELECT c.article_id, c.of_id FROM copies c JOIN articles a ON a.id = c.article_id"
        " WHERE a.story_id = ?1",
};

static int set_why(sl_buf *why, int code, const char *what, sqlite3 *db)
{
    if (why) {
        sl_buf_clear(why);
        sl_buf_printf(why, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    }
    return code;
}

static int user_version(sqlite3 *db, int *version)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
        return SL_ESTORE;
    int rc = sqlite3_step(s) == SQLITE_ROW ? 0 : SL_ESTORE;
    if (!rc)
        *version = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return rc;
}

static int table_count(sqlite3 *db, int *n)
{
    sqlite3_stmt *s = NULL;
    int rc = SL_ESTORE;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
        *n = sqlite3_column_int(s, 0);
        rc = 0;
    }
    sqlite3_finalize(s);
    return rc;
}

/* Refuses what is not a storyline store, or one newer than this code. */
static int check_schema(sqlite3 *db, const char *path, int version, sl_buf *why)
{
    int tables = 0;
    if (version == 0 && !table_count(db, &tables) && tables > 0) {
        sl_buf_clear(why);
        sl_buf_printf(why, "%s: not a storyline store (an SQLite database of something else)", path);
        return SL_ESTORE;
    }
    if (version > N_MIGRATIONS) {
        sl_buf_clear(why);
        sl_buf_printf(why, "%s: store schema version %d is newer than this storyline knows (%d)",
                      path, version, N_MIGRATIONS);
        return SL_ESTORE;
    }
    return 0;
}

/* Applies pending migrations in one write transaction; the version is read
 * inside it, so two processes creating one store do not both migrate. */
static int migrate(sqlite3 *db, const char *path, sl_buf *why)
{
    int version = 0;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return set_why(why, SL_ESTORE, path, db);
    if (user_version(db, &version)) {
        set_why(why, SL_ESTORE, "cannot read schema version", db);
        goto fail;
    }
    if (check_schema(db, path, version, why))
        goto fail;
    for (int v = version; v < N_MIGRATIONS; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (sqlite3_exec(db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            set_why(why, SL_ESTORE, "schema migration failed", db);
            goto fail;
        }
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return set_why(why, SL_ESTORE, "schema migration failed", db);
    return 0;
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return SL_ESTORE;
}

int sl_store_open(sl_store **out, const char *path, int read_only, sl_buf *why)
{
    *out = NULL;
    sl_store *st = calloc(1, sizeof *st);
    if (!st)
        return set_why(why, SL_ENOMEM, "cannot open store", NULL);
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sl_store_faultvfs_install();
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        set_why(why, SL_ESTORE, path, st->db);
        goto fail;
    }
    sqlite3_busy_timeout(st->db, 10000);
    /* Nothing is changed in a file before it is known to be ours. The version
     * and the tables are read in one transaction: read apart, another process
     * creating the store could commit in between, and its fresh tables under
     * the version read before would look like some other database. */
    int version = 0;
    if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
        user_version(st->db, &version)) {
        set_why(why, SL_ESTORE, path, st->db);
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    int bad = check_schema(st->db, path, version, why);
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (bad)
        goto fail;
    /* WAL with synchronous=NORMAL: a killed process never corrupts the store
     * or leaves half a transaction; only a power cut may lose the last commit. */
    const char *setup = read_only ? "PRAGMA query_only = 1;"
                                  : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                                    "PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;";
    if (sqlite3_exec(st->db, setup, NULL, NULL, NULL) != SQLITE_OK) {
        set_why(why, SL_ESTORE, path, st->db);
        goto fail;
    }
    if (read_only) {
        if (version == 0) {
            sl_buf_clear(why);
            sl_buf_printf(why, "%s: not a storyline store (nothing ingested yet?)", path);
            goto fail;
        }
    } else if (migrate(st->db, path, why)) {
        goto fail;
    }
    *out = st;
    return 0;
fail:
    sl_store_close(st);
    return SL_ESTORE;
}

void sl_store_close(sl_store *st)
{
    if (!st)
        return;
    if (st->in_tx)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    for (int i = 0; i < Q_COUNT_; i++)
        sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    free(st);
}

const char *sl_store_errmsg(sl_store *st) { return st && st->db ? sqlite3_errmsg(st->db) : ""; }

sqlite3_stmt *sl_store_stmt(sl_store *st, stmt_id id)
{
    if (!st->stmt[id]) {
        if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[id],
                               NULL) != SQLITE_OK)
            return NULL;
    } else {
        sqlite3_reset(st->stmt[id]);
        sqlite3_clear_bindings(st->stmt[id]);
    }
    return st->stmt[id];
}

int sl_store_bind_text(sqlite3_stmt *s, int col, const char *text)
{
    int rc = text ? sqlite3_bind_text(s, col, text, -1, SQLITE_STATIC) : sqlite3_bind_null(s, col);
    return rc == SQLITE_OK ? 0 : SL_ESTORE;
}

char *sl_store_column_dup(sqlite3_stmt *s, int col, int *err)
{
    const unsigned char *text = sqlite3_column_text(s, col);
    if (!text)
        return NULL;
    char *copy = strdup((const char *)text);
    if (!copy)
        *err = SL_ENOMEM;
    return copy;
}

int sl_store_exec_stmt(sqlite3_stmt *s)
{
    if (!s)
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : SL_ESTORE;
}

int sl_store_begin(sl_store *st)
{
    if (st->in_tx)
        return 0;
    int rc = sl_store_exec_stmt(sl_store_stmt(st, Q_BEGIN));
    if (!rc)
        st->in_tx = 1;
    return rc;
}

int sl_store_commit(sl_store *st)
{
    if (!st->in_tx)
        return 0;
    int rc = sl_store_exec_stmt(sl_store_stmt(st, Q_COMMIT));
    if (!rc)
        st->in_tx = 0;
    return rc;
}

int sl_store_rollback(sl_store *st)
{
    if (!st->in_tx)
        return 0;
    st->in_tx = 0;
    /* Reset every statement first: a pending read would keep the transaction open. */
    for (int i = 0; i < Q_COUNT_; i++)
        if (st->stmt[i])
            sqlite3_reset(st->stmt[i]);
    return sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK ? 0 : SL_ESTORE;
}

int sl_store_in_transaction(sl_store *st) { return st->in_tx; }

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
    };
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        int rc = check_query(st, checks[i].sql, checks[i].want, checks[i].what, why);
        if (rc)
            return rc;
    }
    /* FTS5's own check compares the index with the articles it was built from. */
    if (sqlite3_exec(st->db, "INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)",
                     NULL, NULL, NULL) != SQLITE_OK) {
        sl_buf_printf(why, "search index integrity: %s", sqlite3_errmsg(st->db));
        return SL_ESTORE;
    }
    return 0;
}
