/* articles.c — tables articles and article_versions, and the search index
 * kept in step with them: lookup by identity, content hash and source hash,
 * insert, new versions (the old one archived in article_versions), metadata
 * given again, and reading an article back (its chrome lines by
 * removed_lines.c). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"
#include "util/alloc.h"
#include "util/date.h"

static const char Q_FIND_IDENTITY[] =
    "SELECT id, content_hash, version, source_hash FROM articles WHERE identity = ?1";
/* The hashes are indexed by their high 32 bits (migration 32); the unary
 * plus keeps SQLite from putting ?1 for the column inside the indexed
 * expression (its constant propagation), which would not find the index. */
static const char Q_FIND_SOURCE[] =
    "SELECT id FROM articles WHERE source_hash >> 32 = ?1 >> 32 AND +source_hash = ?1"
    " ORDER BY id LIMIT 1";
static const char Q_SOURCE_SET[] = "UPDATE articles SET source_hash = ?2 WHERE id = ?1";
#define SOURCE SL_STORE_ARTICLE_SOURCE("articles")
#define PUBLISHED SL_STORE_ARTICLE_PUBLISHED("articles")
static const char Q_ARTICLE_META[] =
    "UPDATE articles SET source = coalesce(?2, source),"
    " published = CASE WHEN ?3 IS NULL THEN published ELSE ?5 END,"
    " published_day = CASE WHEN ?3 IS NULL THEN published_day ELSE ?4 END WHERE id = ?1"
    " AND (" SOURCE " IS NOT coalesce(?2, " SOURCE ") OR " PUBLISHED " IS NOT coalesce(?3, "
    PUBLISHED "))";
/* A changed date moves the span of days of the article's story. */
static const char Q_STORY_RESPAN[] =
    "UPDATE stories SET first_day = (SELECT min(published_day) FROM articles a"
    "   WHERE a.story_id = stories.id),"
    " last_day = (SELECT max(published_day) FROM articles a WHERE a.story_id = stories.id)"
    " WHERE id = (SELECT story_id FROM articles WHERE id = ?1)";
static const char Q_FIND_HASH[] =
    "SELECT id, identity FROM articles WHERE content_hash >> 32 = ?1 >> 32"
    " AND +content_hash = ?1 ORDER BY id LIMIT 1";
static const char Q_ARTICLE_INSERT[] =
    "INSERT INTO articles(identity, key, path, url, source, published, published_day, title,"
    " text, lang, content_hash, bad_bytes, sentences, story_id, source_hash, lines,"
    " path_id, ingested_at)"
    " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)";
static const char Q_ARTICLE_ARCHIVE[] =
    "INSERT OR REPLACE INTO article_versions(article_id, version, content_hash, title, text,"
    " ingested_at) SELECT id, version, content_hash, title, text, ingested_at FROM articles"
    " WHERE id = ?1";
static const char Q_ARTICLE_UPDATE[] =
    "UPDATE articles SET key=?2, path=?3, url=?4, source=?5, published=?6, published_day=?7,"
    " title=?8, text=?9, lang=?10, content_hash=?11, bad_bytes=?12, sentences=?13,"
    " story_id=?14, source_hash=?15, lines=?16, path_id=?17, version=version+1,"
    " ingested_at=?18 WHERE id = ?1"
    " RETURNING version";
static const char Q_FTS_INSERT[] = "INSERT INTO article_fts(rowid, title, text) VALUES(?1, ?2, ?3)";
static const char Q_FTS_DELETE[] =
    "INSERT INTO article_fts(article_fts, rowid, title, text)"
    " SELECT 'delete', id, title, text FROM articles WHERE id = ?1";
static const char Q_ARTICLE_GET[] =
    "SELECT id, story_id, version, key, " SL_STORE_ARTICLE_PATH("articles") ","
    " url, " SOURCE ", " PUBLISHED ", title, text, lang, bad_bytes, sentences FROM articles"
    " WHERE id = ?1";
/* The same before schema 28 (SL_STORE_PATHS_SINCE), which has no paths. */
static const char Q_ARTICLE_GET_27[] =
    "SELECT id, story_id, version, key, path, url, source, published, title, text, lang,"
    " bad_bytes, sentences FROM articles WHERE id = ?1";
static const char Q_ARTICLE_COUNT[] = "SELECT count(*) FROM articles";
static const char Q_ARTICLE_TEXT[] = "SELECT text FROM articles WHERE id = ?1";
static const char Q_EXPORT_ARTICLES[] = "SELECT id FROM articles ORDER BY id";

int sl_store_find_identity(sl_store *st, const char *identity, int64_t *id, int64_t *hash,
                           int *version, int64_t *source_hash)
{
    *id = 0;
    *source_hash = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_FIND_IDENTITY);
    if (!s || sl_store_bind_text(s, 1, identity))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        *hash = sqlite3_column_int64(s, 1);
        *version = sqlite3_column_int(s, 2);
        *source_hash = sqlite3_column_int64(s, 3);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

int sl_store_find_source(sl_store *st, int64_t source_hash, int64_t *id)
{
    *id = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_FIND_SOURCE);
    if (!s || sqlite3_bind_int64(s, 1, source_hash) != SQLITE_OK)
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

int sl_store_source_set(sl_store *st, int64_t id, int64_t source_hash)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_SOURCE_SET);
    if (!s || sqlite3_bind_int64(s, 1, id) || sqlite3_bind_int64(s, 2, source_hash))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Whether the row's identity is "key:SOURCE/KEY" of its source and key, so
 * that a reader takes the source from it (SL_STORE_ARTICLE_SOURCE). */
static int source_in_identity(const sl_article_row *row)
{
    const char *id = row->identity;
    if (!id || !row->source || !row->key || strncmp(id, "key:", 4) != 0)
        return 0;
    size_t n = strlen(row->source);
    return strncmp(id + 4, row->source, n) == 0 && id[4 + n] == '/' &&
           strcmp(id + 5 + n, row->key) == 0;
}

void sl_store_source_column(sqlite3_stmt *s, int col, int identity_col, int key_col, sl_buf *out)
{
    sl_buf_clear(out);
    const char *from = (const char *)sqlite3_column_blob(s, col);
    int n = sqlite3_column_bytes(s, col);
    if (sqlite3_column_type(s, col) == SQLITE_BLOB) { /* "key:SOURCE/KEY" */
        from = (const char *)sqlite3_column_blob(s, identity_col);
        n = sqlite3_column_bytes(s, identity_col) - 5 - sqlite3_column_bytes(s, key_col);
        from = from && n > 0 ? from + 4 : NULL;
    }
    if (from && n > 0)
        sl_buf_put(out, from, (size_t)n);
}

/* Binds the date `published` as an empty blob when it is the ISO form of its
 * day, "YYYY-MM-DD" (years 0 to 9999, as SQLite's date() gives them back:
 * SL_STORE_ARTICLE_PUBLISHED), else as itself. */
static int bind_published(sqlite3_stmt *s, int col, const char *published, int64_t day)
{
    int y = 0, m = 0, d = 0;
    if (published && day != SL_NO_DAY && strlen(published) == 10) {
        sl_civil_from_days(day, &y, &m, &d);
        /* formatted by hand: snprintf cost 1.2 M instructions a 1,000 articles */
        char iso[10] = {(char)('0' + y / 1000 % 10), (char)('0' + y / 100 % 10),
                        (char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
                        (char)('0' + m / 10), (char)('0' + m % 10), '-',
                        (char)('0' + d / 10), (char)('0' + d % 10)};
        if (y >= 0 && y <= 9999 && memcmp(iso, published, 10) == 0)
            return sqlite3_bind_zeroblob(s, col, 0) == SQLITE_OK ? 0 : SL_ESTORE;
    }
    return sl_store_bind_text(s, col, published);
}

int sl_store_article_meta(sl_store *st, int64_t id, const char *source, const char *published,
                          int64_t day, int *changed)
{
    *changed = 0;
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_META);
    if (!s || sqlite3_bind_int64(s, 1, id) || sl_store_bind_text(s, 2, source) ||
        sl_store_bind_text(s, 3, published) ||
        sl_store_bind_day(s, 4, day) || bind_published(s, 5, published, day) ||
        sl_store_exec_stmt(s))
        return SL_ESTORE;
    sl_store_sketch_memo_drop(st, id); /* its source, its day */
    *changed = sqlite3_changes(st->db) > 0;
    if (!*changed || !published)
        return 0;
    if (sl_store_story_rows_flush(st)) /* the span set after the pending updates */
        return SL_ESTORE;
    s = sl_store_stmt(st, Q_STORY_RESPAN);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_find_hash(sl_store *st, int64_t hash, int64_t *id, sl_buf *identity)
{
    *id = 0;
    sl_buf_clear(identity);
    sqlite3_stmt *s = sl_store_stmt(st, Q_FIND_HASH);
    if (!s || sqlite3_bind_int64(s, 1, hash) != SQLITE_OK)
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        const char *ident = (const char *)sqlite3_column_text(s, 1);
        if (ident)
            sl_buf_puts(identity, ident);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : SL_ESTORE;
}

/* Binds the columns shared by insert (?2..?18 after identity) and update:
 * the path as the batch holds it (paths.c) in ?3 and ?17, the source as an
 * empty blob when `insert` and the identity gives it, the date as one when
 * its day gives it (a new version holds its source as itself: the stored
 * identity, not the row's, is what a reader takes it from). */
static int bind_row(sl_store *st, sqlite3_stmt *s, const sl_article_row *row, int insert)
{
    int rc = sl_store_spans_pack(row->sentences, row->n_sentences, &st->spans);
    if (!rc)
        rc = sl_store_lines_pack(row->lines, row->n_lines, &st->lines);
    if (rc)
        return rc;
    if ((rc = sl_store_path_bind(st, s, 3, 17, row->path)) != 0)
        return rc;
    rc |= sl_store_bind_text(s, 2, row->key);
    rc |= sl_store_bind_text(s, 4, row->url);
    if (insert && source_in_identity(row))
        rc |= sqlite3_bind_zeroblob(s, 5, 0);
    else
        rc |= sl_store_bind_text(s, 5, row->source);
    rc |= bind_published(s, 6, row->published, row->published_day);
    if (row->published_day == INT64_MIN)
        rc |= sqlite3_bind_null(s, 7);
    else
        rc |= sqlite3_bind_int64(s, 7, row->published_day);
    rc |= sl_store_bind_text(s, 8, row->title);
    rc |= sl_store_bind_text(s, 9, row->text);
    rc |= sl_store_bind_text(s, 10, row->lang);
    rc |= sqlite3_bind_int64(s, 11, row->content_hash);
    rc |= sqlite3_bind_int(s, 12, (int)row->bad_bytes);
    rc |= sqlite3_bind_blob(s, 13, st->spans.len ? st->spans.ptr : "", (int)st->spans.len,
                            SQLITE_STATIC);
    rc |= sqlite3_bind_int64(s, 14, row->story_id);
    rc |= sqlite3_bind_int64(s, 15, row->source_hash);
    /* the clock SQLite's strftime('%s','now') reads, without its date
     * arithmetic a row */
    rc |= sqlite3_bind_int64(s, 18, (int64_t)time(NULL));
    if (row->n_lines)
        rc |= sqlite3_bind_blob(s, 16, st->lines.ptr, (int)st->lines.len, SQLITE_STATIC);
    else
        rc |= sqlite3_bind_null(s, 16);
    return rc ? SL_ESTORE : 0;
}

/* The article's vector, or none (a new version without one loses the old;
 * a new article without one writes nothing). */
static int terms_put(sl_store *st, int64_t id, const sl_article_row *row, int replaced)
{
    if (!row->terms && !replaced)
        return 0;
    return sl_store_article_terms_put(st, id, row->terms, row->terms_len) ? SL_ESTORE : 0;
}

static int fts_insert(sl_store *st, int64_t id, const sl_article_row *row)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_FTS_INSERT);
    if (!s || sqlite3_bind_int64(s, 1, id) || sl_store_bind_text(s, 2, row->title) ||
        sl_store_bind_text(s, 3, row->text))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_article_insert(sl_store *st, const sl_article_row *row, int64_t *id)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_INSERT);
    if (!s || sl_store_bind_text(s, 1, row->identity) || bind_row(st, s, row, 1))
        return SL_ESTORE;
    if (sl_store_exec_stmt(s))
        return SL_ESTORE;
    *id = sqlite3_last_insert_rowid(st->db);
    st->fresh_article = *id; /* a new row: no sketch of it is stored */
    sl_store_sketch_memo_drop(st, *id);
    if (fts_insert(st, *id, row) || terms_put(st, *id, row, 0))
        return SL_ESTORE;
    return sl_store_lines_add(st, *id, row->lines, row->n_lines);
}

int sl_store_article_replace(sl_store *st, int64_t id, const sl_article_row *row, int *version)
{
    if (st->fresh_article == id)
        st->fresh_article = 0; /* its keys, if put, are stored now */
    sl_store_sketch_memo_drop(st, id);
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_ARCHIVE);
    if (!s || sqlite3_bind_int64(s, 1, id) || sl_store_exec_stmt(s))
        return SL_ESTORE;
    s = sl_store_stmt(st, Q_FTS_DELETE);
    if (!s || sqlite3_bind_int64(s, 1, id) || sl_store_exec_stmt(s))
        return SL_ESTORE;
    if (sl_store_removed_clear(st, id) || sl_store_lines_clear(st, id))
        return SL_ESTORE;
    s = sl_store_stmt(st, Q_ARTICLE_UPDATE);
    if (!s || sqlite3_bind_int64(s, 1, id) || bind_row(st, s, row, 0))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *version = sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW || fts_insert(st, id, row) || terms_put(st, id, row, 1))
        return SL_ESTORE;
    return sl_store_lines_add(st, id, row->lines, row->n_lines);
}

int sl_store_article_get(sl_store *st, int64_t id, sl_article **out)
{
    *out = NULL;
    sqlite3_stmt *s;
    int rc = sl_store_row_by_id(
        st, st->schema < SL_STORE_PATHS_SINCE ? Q_ARTICLE_GET_27 : Q_ARTICLE_GET, id, &s);
    if (rc)
        return rc;
    sl_article *a = sl_calloc(1, sizeof *a);
    int err = a ? 0 : SL_ENOMEM;
    if (a) {
        a->id = sqlite3_column_int64(s, 0);
        a->story_id = sqlite3_column_int64(s, 1);
        a->version = sqlite3_column_int(s, 2);
        a->key = sl_store_column_dup(s, 3, &err);
        a->path = sl_store_column_dup(s, 4, &err);
        a->url = sl_store_column_dup(s, 5, &err);
        a->source = sl_store_column_dup(s, 6, &err);
        a->published = sl_store_column_dup(s, 7, &err);
        a->title = sl_store_column_dup(s, 8, &err);
        a->text = sl_store_column_dup(s, 9, &err);
        a->lang = sl_store_column_dup(s, 10, &err);
        a->bad_bytes = (unsigned)sqlite3_column_int(s, 11);
        int bad = sl_store_spans_read(st, sqlite3_column_blob(s, 12),
                                      (size_t)sqlite3_column_bytes(s, 12), &a->sentences,
                                      &a->n_sentences);
        if (bad)
            err = bad;
    }
    sqlite3_reset(s);
    if (!err)
        err = sl_store_removed_get(st, id, &a->removed, &a->n_removed);
    if (err) {
        sl_article_free(a);
        return err;
    }
    *out = a;
    return 0;
}

int64_t sl_store_article_count(sl_store *st)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_COUNT);
    int64_t n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    if (s)
        sqlite3_reset(s);
    return n;
}

int sl_store_article_ids_each(sl_store *st, int (*fn)(void *ctx, int64_t id), void *ctx)
{
    return sl_store_each_id(st, sl_store_stmt(st, Q_EXPORT_ARTICLES), fn, ctx);
}

int sl_store_article_text(sl_store *st, int64_t id, sl_buf *out)
{
    sl_buf_clear(out);
    sqlite3_stmt *s = sl_store_stmt(st, Q_ARTICLE_TEXT);
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        sl_buf_put(out, (const char *)sqlite3_column_text(s, 0), (size_t)sqlite3_column_bytes(s, 0));
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? out->err : SL_ESTORE;
}
