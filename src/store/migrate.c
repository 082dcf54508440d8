/* migrate.c — the store's schema, one migration per version, and the data
 * backfills some of them need. New tables and columns go at the end of
 * `migrations`; PRAGMA user_version records how many have been applied. A
 * store is migrated when opened for writing, all steps in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "store_internal.h"
#include "text/text.h"

/* A schema change, and the data it needs filled in (NULL when none). */
typedef struct migration {
    const char *sql;
    int (*backfill)(sl_store *st);
} migration;

static int sketch_unsketched(sl_store *st);
static int pack_facts_and_lines(sl_store *st);
static int pack_centroids_spans_facts_lines(sl_store *st);
static int rekey_terms_shorten_lines(sl_store *st);
static int centroids_by_id_keys_by_rank(sl_store *st);

/* FTS5 merges a level's segments when 8 are there, not its default 4: the
 * index is rewritten less often as it grows (docs/history/benchmarks-rounds.md,
 * "Seventeenth round: the store"). Kept in article_fts_config. */
#define FTS_AUTOMERGE "INSERT INTO article_fts(article_fts, rank) VALUES('automerge', 8);"

/* Each entry moves the schema from version i to i+1, in one transaction. */
static const migration migrations[] = {
    /* 1: articles, their versions and removed lines, stories, copies, search */
    {.sql = "CREATE TABLE articles("
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
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"},
    /* 2 (copies): each article's sketch for the copy index; copy relations
     * gain the basis of their direction and the credit line found */
    {.sql = "CREATE TABLE copy_sketches(article_id INTEGER PRIMARY KEY, keys BLOB NOT NULL,"
    "  sentences BLOB NOT NULL, credit TEXT);"
    "ALTER TABLE copies ADD COLUMN same_origin INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE copies ADD COLUMN credit TEXT;"},
    /* 3 (facts, src/facts): the entities, quotes, numbers and dates of each article */
    {.sql = "CREATE TABLE facts(article_id INTEGER NOT NULL, n INTEGER NOT NULL, kind INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, sent_start INTEGER, sent_end INTEGER,"
    "  src_start INTEGER, src_end INTEGER, value REAL, value_hi REAL, approx TEXT,"
    "  text TEXT, about TEXT, detail TEXT, role TEXT,"
    "  PRIMARY KEY(article_id, n)) WITHOUT ROWID;"},
    /* 4 (stories and threads): how well a story's title article matched it,
     * articles whose date was missing or clamped, stories by thread */
    {.sql = "ALTER TABLE stories ADD COLUMN title_score REAL NOT NULL DEFAULT 0;"
    "CREATE TABLE article_flags(article_id INTEGER PRIMARY KEY, flag TEXT NOT NULL);"
    "CREATE INDEX stories_thread ON stories(thread_id, first_day);"},
    /* 5 (data): a sketch for every article stored without one (stores made
     * before migration 2), so the copy index covers every article */
    {.backfill = sketch_unsketched},
    /* 6 (integrity): the hash of each article's input as given (a re-ingest
     * of the same input is recognised before its text is cleaned again), and
     * repeated lines as (line, article) pairs, so that a line counts the
     * distinct articles carrying it and never the article judged. Stores
     * made before start counting lines afresh. */
    {.sql = "ALTER TABLE articles ADD COLUMN source_hash INTEGER;"
    "CREATE INDEX articles_source ON articles(source_hash);"
    "DROP TABLE line_counts;"
    "CREATE TABLE line_articles(line INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(line, article_id)) WITHOUT ROWID;"
    "CREATE INDEX line_articles_article ON line_articles(article_id);"},
    /* 7 (size, issue 11): the facts of an article in one row, its items
     * packed (src/store/facts.c), instead of a row per item: about 15 fewer
     * statements per article and half the bytes; each article lists the
     * short lines it carries in its row, and line_articles loses its index
     * by article (src/store/line_articles.c) */
    {.sql = "ALTER TABLE facts RENAME TO facts_rows;"
    "CREATE TABLE facts(article_id INTEGER PRIMARY KEY, items BLOB NOT NULL);"
    "ALTER TABLE articles ADD COLUMN lines BLOB;",
     .backfill = pack_facts_and_lines},
    /* 8 (speed, issue 11): stories by last day, so that the story listing
     * (most recent first, as storyline serve pages it) reads an index
     * instead of the whole table; the copy index on disk (copy_keys.c),
     * read term by term instead of loaded whole at open */
    {.sql = "CREATE INDEX stories_recent ON stories(last_day, n_articles, thread_id);"
    "CREATE TABLE copy_keys(key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  n INTEGER NOT NULL, PRIMARY KEY(key, article_id)) WITHOUT ROWID;",
     .backfill = sl_store_copy_keys_backfill},
    /* 9 (speed, issue 11): the grouper's index of stories by term on disk
     * (story_terms.c), read term by term instead of every story at open */
    {.sql = "CREATE TABLE story_terms(term INTEGER NOT NULL, story INTEGER NOT NULL,"
    "  PRIMARY KEY(term, story)) WITHOUT ROWID;",
     .backfill = sl_store_story_terms_backfill},
    /* 10 (size, issue 11): each article's vector (the stories split's,
     * src/stories/split.c) in a table of its own: the articles' rows were
     * 1.9 KB, two to a 4 KB page with 0.5 KB per article left empty; 154
     * fewer bytes per article on 5,000 Reuters stories (docs/store.md) */
    {.sql = "CREATE TABLE article_terms(article_id INTEGER PRIMARY KEY, terms BLOB NOT NULL);"
    "INSERT INTO article_terms SELECT id, terms FROM articles WHERE terms IS NOT NULL ORDER BY id;"
    "ALTER TABLE articles DROP COLUMN terms;"},
    /* 11 (size, issue 11): the copy sketches' sentence lists packed (varints,
     * a repeated term as the rank of its first coming, src/copies/sketch.c)
     * instead of 4 bytes a number: 566 -> 464 bytes an article on 5,000
     * Reuters stories */
    {.backfill = sl_store_sketches_repack},
    /* 12 (size, issue 11): no vector for an article of a story past the
     * split's last checkpoint (64 articles, SL_SPLIT_MAX in 2026-12): the
     * split never reads them again; 64 bytes an article on all of Reuters */
    {.sql = "DELETE FROM article_terms WHERE article_id IN (SELECT a.id FROM articles a"
    "  JOIN stories s ON s.id = a.story_id WHERE s.n_articles > 64);"},
    /* 13 (size, issue 11): the stories' centroids at 12 bytes a term instead
     * of the 16 of the struct with its padding (sl_centroid_pack), the
     * articles' sentence offsets as varints instead of two uint32 a sentence
     * (spans.c), the facts' offsets as differences (facts.c), and the
     * short lines each article lists by the high 32 bits of their
     * fingerprints (line_articles.c); readers and writers take the form by
     * the store's version (SL_STORE_PACKED_SINCE), since migrations 5, 7
     * and 9 read or write them before */
    {.backfill = pack_centroids_spans_facts_lines},
    /* 14 (bytes written, issue 11): what a batch adds to line_articles,
     * copy_keys and terms goes to small tables of their own, moved into the
     * large ones when a commit finds the merge due (recent.c): a batch
     * writing into the large tables dirtied nearly every one of their pages */
    {.sql = "CREATE TABLE line_articles_recent(line INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(line, article_id)) WITHOUT ROWID;"
    "CREATE TABLE copy_keys_recent(key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  n INTEGER NOT NULL, PRIMARY KEY(key, article_id)) WITHOUT ROWID;"
    "CREATE TABLE terms_recent(id INTEGER PRIMARY KEY, df INTEGER NOT NULL);"
    "CREATE TABLE recent_cycle(first INTEGER NOT NULL);"},
    /* 15 (stories, issue 20): the size a story was last revisited at
     * (src/stories/revisit.c), so that it is next revisited at 1.5 times that,
     * whichever process adds the article */
    {.sql = "ALTER TABLE stories ADD COLUMN revisited INTEGER NOT NULL DEFAULT 0;"},
    /* 16 (size, issue 11): the facts' whole values as varints instead of
     * 8-byte doubles, and their common detail and role words as their
     * place in a frozen list (facts.c) */
    {.backfill = sl_store_facts_reform},
    /* 17 (size, issue 11): a store-wide dictionary of terms, each with a
     * small id given in order of first appearance (term_dict.c), and the
     * articles' vectors holding those ids as varints instead of 8-byte
     * hashes (article_terms.c). No index by term: a term's id is a column
     * of its row in terms (or terms_recent), which the writer reads for its
     * count anyway, and term_dict, keyed by id, only grows at its end */
    {.sql = "CREATE TABLE term_dict(id INTEGER PRIMARY KEY, term INTEGER NOT NULL);"
            "ALTER TABLE terms ADD COLUMN dict_id INTEGER;"
            "ALTER TABLE terms_recent ADD COLUMN dict_id INTEGER;",
     .backfill = sl_store_article_terms_reform},
    /* 18 (size, issue 11): story_terms names a term by its id in
     * term_dict where it has one (story_terms.c), 1-3 bytes for 8; the
     * copy keys lose the four low bits every key has set (copy_keys.c),
     * 4 bytes for 6 in half the rows; each article lists its short lines
     * by 16-bit prefixes, not 32 (line_articles.c) */
    {.sql = "UPDATE copy_keys SET key = key >> 4;"
            "UPDATE copy_keys_recent SET key = key >> 4;",
     .backfill = rekey_terms_shorten_lines},
    /* 19 (size, issue 11): the stories' centroids name a term by its id
     * in term_dict where it has one (centroids.c): 1-3 bytes for 8 in
     * about three terms of four; the copy sketches hold their keys by
     * their ranks among the sketch's codes (sketches.c), 1 byte for 4 */
    {.backfill = centroids_by_id_keys_by_rank},
    /* 20 (size, issue 11): a copy key's row holds the article's number of
     * keys in the low five bits of its article column (copy_keys.c), not
     * in a column of its own: 2 bytes a row. The tables are made anew (by
     * a temporary copy: a table's RENAME parses the whole schema again,
     * 10 M instructions of every fresh store's first open). */
    {.sql = "CREATE TEMP TABLE keys_packed(key INTEGER NOT NULL, article_id INTEGER NOT NULL);"
            "INSERT INTO keys_packed SELECT key, article_id << 5 | n FROM copy_keys;"
            "DROP TABLE copy_keys;"
            "CREATE TABLE copy_keys(key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
            "  PRIMARY KEY(key, article_id)) WITHOUT ROWID;"
            "INSERT INTO copy_keys SELECT * FROM keys_packed ORDER BY key, article_id;"
            "DELETE FROM keys_packed;"
            "INSERT INTO keys_packed SELECT key, article_id << 5 | n FROM copy_keys_recent;"
            "DROP TABLE copy_keys_recent;"
            "CREATE TABLE copy_keys_recent(key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
            "  PRIMARY KEY(key, article_id)) WITHOUT ROWID;"
            "INSERT INTO copy_keys_recent SELECT * FROM keys_packed ORDER BY key, article_id;"
            "DROP TABLE keys_packed;"},
    /* 21 (size, issue 11): each copy sketch's distinct codes sorted and
     * Rice-coded, each term a rank among them in the fewest bits
     * (sketch_pack.c), and its keys ranked in that order (sketches.c) */
    {.backfill = sl_store_sketches_sort},
    /* 22 (bytes written, issue 11): the search index merges fewer times */
    {.sql = FTS_AUTOMERGE},
    /* 23 (size, issue 11): a chrome line's reason of the chrome stage's
     * list as its place in it, one byte (removed_lines.c) */
    {.backfill = sl_store_removed_code},
    /* 24 (CPU, issue 11): the term counts keyed as an index of integers,
     * not by rowid: a seek through random 64-bit rowids decodes a 9-byte
     * varint at every step of its binary search (terms.c, recent.c) */
    {.sql = "CREATE TEMP TABLE terms_rows(id INTEGER NOT NULL, df INTEGER NOT NULL, dict_id INTEGER);"
            "INSERT INTO terms_rows SELECT id, df, dict_id FROM terms;"
            "DROP TABLE terms;"
            "CREATE TABLE terms(id INTEGER PRIMARY KEY, df INTEGER NOT NULL, dict_id INTEGER)"
            "  WITHOUT ROWID;"
            "INSERT INTO terms SELECT * FROM terms_rows ORDER BY id;"
            "DELETE FROM terms_rows;"
            "INSERT INTO terms_rows SELECT id, df, dict_id FROM terms_recent;"
            "DROP TABLE terms_recent;"
            "CREATE TABLE terms_recent(id INTEGER PRIMARY KEY, df INTEGER NOT NULL, dict_id INTEGER)"
            "  WITHOUT ROWID;"
            "INSERT INTO terms_recent SELECT * FROM terms_rows ORDER BY id;"
            "DROP TABLE terms_rows;"},
    /* 25 (CPU, issue 11): the stories' centroids hold their terms again
     * (sl_centroid_pack's form), not the ids term_dict gives them: a story
     * is read without the dictionary, which a run read whole to turn the
     * ids back (centroids.c) */
    {.backfill = sl_store_centroids_by_term},
    /* 26 (CPU, issue 11): each story_terms row holds its term's weight in
     * the story's centroid, and story_norms each story's norm, so that the
     * grouper scores a story its lists name without reading it whole
     * (story_terms.c, story_norms.c). The rows are moved aside and come
     * back under the same keys with their weights. */
    {.sql = "CREATE TEMP TABLE story_rows(term INTEGER NOT NULL, story INTEGER NOT NULL);"
            "INSERT INTO story_rows SELECT term, story FROM story_terms;"
            "DROP TABLE story_terms;"
            "CREATE TABLE story_terms(term INTEGER NOT NULL, story INTEGER NOT NULL,"
            "  weight INTEGER NOT NULL, PRIMARY KEY(term, story)) WITHOUT ROWID;"
            "CREATE TABLE story_norms(story INTEGER PRIMARY KEY, norm REAL NOT NULL);",
     .backfill = sl_store_story_terms_weigh},
    /* 27 (size, issue 11; SL_STORE_FACT_HEADS_SINCE): the facts' items
     * with a head saying what follows, leaving out a sentence, source,
     * value_hi or role that repeats or is none, an about found in the
     * article's text as a span of it, a decimal value as m / 10^e
     * (facts.c) */
    {.backfill = sl_store_facts_reform},
    /* 28 (size, issue 11; SL_STORE_PATHS_SINCE): an input file's path
     * held once a batch in paths, the batch's later articles from that
     * file naming its row (articles.path_id) instead of holding the path
     * (paths.c); rows written before keep theirs */
    {.sql = "CREATE TABLE paths(id INTEGER PRIMARY KEY, path TEXT NOT NULL);"
            "ALTER TABLE articles ADD COLUMN path_id INTEGER;"},
    /* 29 (size, issue 11; SL_STORE_DERIVED_SINCE): an article's source
     * and published date held as an empty blob when its identity and its
     * day give them (SL_STORE_ARTICLE_SOURCE, SL_STORE_ARTICLE_PUBLISHED);
     * nothing moves: rows written before keep their texts, which read the
     * same, and a schema-28 binary refuses the store */
    {.sql = NULL},
    /* 30 (size, issue 11; SL_STORE_LINE_KEYS_SINCE): a line_articles pair
     * holds its line by the fingerprint's high 47 bits (6 bytes, not 8;
     * line_articles.c); the high 16 that articles.lines lists stay its
     * high 16. The pairs go aside and come back in key order, two that
     * now share a key as one */
    {.sql = "CREATE TEMP TABLE line_pairs(line INTEGER NOT NULL, article_id INTEGER NOT NULL,"
            "  recent INTEGER NOT NULL);"
            "INSERT INTO line_pairs SELECT (line >> 17) & 140737488355327, article_id, 0"
            "  FROM line_articles;"
            "INSERT INTO line_pairs SELECT (line >> 17) & 140737488355327, article_id, 1"
            "  FROM line_articles_recent;"
            "DELETE FROM line_articles;"
            "DELETE FROM line_articles_recent;"
            "INSERT OR IGNORE INTO line_articles SELECT line, article_id FROM line_pairs"
            "  WHERE NOT recent ORDER BY line, article_id;"
            "INSERT OR IGNORE INTO line_articles_recent SELECT line, article_id FROM line_pairs"
            "  WHERE recent AND NOT EXISTS (SELECT 1 FROM line_articles l"
            "  WHERE l.line = line_pairs.line AND l.article_id = line_pairs.article_id)"
            "  ORDER BY line, article_id;"
            "DROP TABLE line_pairs;"},
    /* 31 (speed, issue 11; SL_STORE_FULL_KEYS_SINCE): a copy key with more
     * than SL_COPY_POSTINGS rows in copy_keys has a row (key, 0), which a
     * read of its rows meets first, so that the rows of a full key, of
     * which a query reads the newest few apart, are not stepped
     * (copy_keys.c); nothing else moves */
    {.backfill = sl_store_copy_keys_mark_all},
    /* 32 (size, issue 11): the content and source hashes indexed by their
     * high 32 bits (4 bytes a key, not 8); a lookup compares the whole
     * hash in the row (articles.c) */
    {.sql = "DROP INDEX articles_hash;"
            "DROP INDEX articles_source;"
            "CREATE INDEX articles_hash ON articles(content_hash >> 32);"
            "CREATE INDEX articles_source ON articles(source_hash >> 32);"},
};
#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

/* A fresh store's tables, at once at the current schema: running the 20
 * migrations on an empty store cost every fresh ingest 25.7 M instructions
 * (each ALTER TABLE parses the whole schema again). The tables, columns and
 * order are those the migrations leave, the SQL text the same but for
 * whitespace (ALTER TABLE edits the CREATE text it keeps): a unit test
 * (test_store.c, store_fresh_schema_is_the_migrated_one) compares the two.
 * A new migration changes this script too. */
static const char schema[] =
    "CREATE TABLE articles(  id INTEGER PRIMARY KEY, identity TEXT UNIQUE,"
    "  key TEXT, path TEXT, url TEXT, source TEXT, published TEXT, published_day INTEGER,"
    "  title TEXT, text TEXT NOT NULL, lang TEXT, content_hash INTEGER NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1, bad_bytes INTEGER NOT NULL DEFAULT 0,"
    "  sentences BLOB, story_id INTEGER, ingested_at INTEGER NOT NULL,"
    "  source_hash INTEGER, lines BLOB, path_id INTEGER);"
    "CREATE INDEX articles_hash ON articles(content_hash >> 32);"
    "CREATE INDEX articles_story ON articles(story_id);"
    "CREATE TABLE article_versions(article_id INTEGER NOT NULL, version INTEGER NOT NULL,"
    "  content_hash INTEGER NOT NULL, title TEXT, text TEXT NOT NULL, ingested_at INTEGER,"
    "  PRIMARY KEY(article_id, version)) WITHOUT ROWID;"
    "CREATE TABLE removed_lines(article_id INTEGER NOT NULL, line_no INTEGER NOT NULL,"
    "  text TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(article_id, line_no)) WITHOUT ROWID;"
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, title TEXT, first_article INTEGER,"
    "  n_articles INTEGER NOT NULL DEFAULT 0, first_day INTEGER, last_day INTEGER,"
    "  thread_id INTEGER, centroid BLOB, title_score REAL NOT NULL DEFAULT 0,"
    "  revisited INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE copies(article_id INTEGER NOT NULL, of_id INTEGER NOT NULL, kind TEXT NOT NULL,"
    "  score REAL NOT NULL, evidence TEXT, same_origin INTEGER NOT NULL DEFAULT 0, credit TEXT,"
    "  PRIMARY KEY(article_id, of_id)) WITHOUT ROWID;"
    "CREATE INDEX copies_of ON copies(of_id);"
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles',"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TABLE copy_sketches(article_id INTEGER PRIMARY KEY, keys BLOB NOT NULL,"
    "  sentences BLOB NOT NULL, credit TEXT);"
    "CREATE TABLE article_flags(article_id INTEGER PRIMARY KEY, flag TEXT NOT NULL);"
    "CREATE INDEX stories_thread ON stories(thread_id, first_day);"
    "CREATE INDEX articles_source ON articles(source_hash >> 32);"
    "CREATE TABLE line_articles(line INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(line, article_id)) WITHOUT ROWID;"
    "CREATE TABLE facts(article_id INTEGER PRIMARY KEY, items BLOB NOT NULL);"
    "CREATE INDEX stories_recent ON stories(last_day, n_articles, thread_id);"
    "CREATE TABLE article_terms(article_id INTEGER PRIMARY KEY, terms BLOB NOT NULL);"
    "CREATE TABLE line_articles_recent(line INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(line, article_id)) WITHOUT ROWID;"
    "CREATE TABLE recent_cycle(first INTEGER NOT NULL);"
    "CREATE TABLE term_dict(id INTEGER PRIMARY KEY, term INTEGER NOT NULL);"
    "CREATE TABLE copy_keys(key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(key, article_id)) WITHOUT ROWID;"
    "CREATE TABLE copy_keys_recent(key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    "  PRIMARY KEY(key, article_id)) WITHOUT ROWID;" FTS_AUTOMERGE
    "CREATE TABLE terms(id INTEGER PRIMARY KEY, df INTEGER NOT NULL, dict_id INTEGER)"
    "  WITHOUT ROWID;"
    "CREATE TABLE terms_recent(id INTEGER PRIMARY KEY, df INTEGER NOT NULL, dict_id INTEGER)"
    "  WITHOUT ROWID;"
    "CREATE TABLE story_terms(term INTEGER NOT NULL, story INTEGER NOT NULL,"
    "  weight INTEGER NOT NULL, PRIMARY KEY(term, story)) WITHOUT ROWID;"
    "CREATE TABLE story_norms(story INTEGER PRIMARY KEY, norm REAL NOT NULL);"
    "CREATE TABLE paths(id INTEGER PRIMARY KEY, path TEXT NOT NULL);";

static int collect_id(void *ctx, int64_t id)
{
    return sl_vec_push((sl_id_vec *)ctx, id) ? SL_ENOMEM : 0;
}

/* What sketching one stored article needs, reused from one to the next. */
typedef struct sketcher {
    sl_analyzer *analyzer;
    sl_analysis body;
    sl_sketch sketch;
    sl_buf credit, packed;
} sketcher;

/* Sketches stored article `id` as the copy stage sketches a new one (its
 * credit line read in its stored text) and saves the sketch. */
static int sketch_one(sl_store *st, sketcher *k, int64_t id)
{
    sl_article *a = NULL;
    int rc = sl_store_article_get(st, id, &a);
    if (rc)
        return rc;
    size_t len = strlen(a->text);
    sl_credit_find(a->text, len, &k->credit);
    unsigned char keys[4 * SL_COPY_KEYS];
    if (k->credit.err || sl_analyze(k->analyzer, a->text, len, &k->body) ||
        sl_sketch_build(&k->body, a->text, &k->sketch) ||
        sl_sketch_pack_first(&k->sketch, &k->packed))
        rc = SL_ENOMEM;
    else
        rc = sl_store_sketch_put(st, id, keys, sl_sketch_keys_pack(&k->sketch, keys),
                                 k->packed.ptr, k->packed.len, sl_buf_cstr(&k->credit));
    sl_article_free(a);
    return rc;
}

static int sketch_unsketched(sl_store *st)
{
    sl_id_vec ids = {0};
    sketcher k = {0};
    int rc = sl_store_unsketched_each(st, collect_id, &ids);
    if (!rc && ids.n && !(k.analyzer = sl_analyzer_new()))
        rc = SL_ENOMEM;
    for (size_t i = 0; !rc && i < ids.n; i++)
        rc = sketch_one(st, &k, ids.items[i]);
    sl_analyzer_free(k.analyzer);
    sl_analysis_free(&k.body);
    sl_sketch_free(&k.sketch);
    sl_buf_free(&k.credit);
    sl_buf_free(&k.packed);
    sl_vec_free(&ids);
    return rc;
}

static int pack_facts_and_lines(sl_store *st)
{
    int rc = sl_store_facts_repack(st);
    return rc ? rc : sl_store_lines_backfill(st);
}

static int pack_centroids_spans_facts_lines(sl_store *st)
{
    int rc = sl_store_centroids_repack(st);
    if (!rc)
        rc = sl_store_spans_repack(st);
    if (!rc)
        rc = sl_store_facts_reform(st);
    return rc ? rc : sl_store_lines_prefix(st);
}

static int rekey_terms_shorten_lines(sl_store *st)
{
    int rc = sl_store_story_terms_rekey(st);
    return rc ? rc : sl_store_lines_shorten(st);
}

static int centroids_by_id_keys_by_rank(sl_store *st)
{
    int rc = sl_store_centroids_by_id(st);
    return rc ? rc : sl_store_sketch_keys_rank(st);
}

int sl_store_user_version(sqlite3 *db, int *version)
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
int sl_store_check_schema(sqlite3 *db, const char *path, int version, sl_buf *why)
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

int sl_store_make_version1(sqlite3 *db)
{
    return sqlite3_exec(db, migrations[0].sql, NULL, NULL, NULL) == SQLITE_OK &&
                   sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL) == SQLITE_OK
               ? 0 : SL_ESTORE;
}

/* A failed step, said naming the store and the reason: "PATH: WHAT: REASON". */
static int failed(sl_store *st, const char *path, const char *what, sl_buf *why)
{
    if (why) {
        sl_buf_clear(why);
        sl_buf_printf(why, "%s: %s: %s", path, what, sl_store_errmsg(st));
    }
    return SL_ESTORE;
}

/* Applies pending migrations in one write transaction; the version is read
 * inside it, so two processes creating one store do not both migrate. */
int sl_store_migrate(sl_store *st, const char *path, sl_buf *why)
{
    sqlite3 *db = st->db;
    int version = 0;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return sl_store_set_why(why, SL_ESTORE, path, db);
    if (sl_store_user_version(db, &version)) {
        failed(st, path, "cannot read the schema version", why);
        goto fail;
    }
    if (sl_store_check_schema(db, path, version, why))
        goto fail;
    if (version == 0) { /* fresh (check_schema refuses tables at version 0) */
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", N_MIGRATIONS);
        if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            failed(st, path, "cannot make the store's tables", why);
            goto fail;
        }
        version = N_MIGRATIONS;
    }
    for (int v = version; v < N_MIGRATIONS; v++) {
        st->schema = v; /* what the backfill reads is of this version */
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if ((migrations[v].sql && sqlite3_exec(db, migrations[v].sql, NULL, NULL, NULL) != SQLITE_OK) ||
            (migrations[v].backfill && migrations[v].backfill(st)) ||
            sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            failed(st, path, "schema migration failed", why);
            goto fail;
        }
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return failed(st, path, "schema migration failed", why);
    st->schema = N_MIGRATIONS;
    return 0;
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sl_store_dict_forget(&st->dict); /* the ids a backfill gave are gone */
    st->schema = version;
    return SL_ESTORE;
}
