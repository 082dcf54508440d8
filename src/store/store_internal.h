/* store_internal.h — what the files of src/store share: the handle, the
 * prepared-statement cache, small binding helpers and the schema steps of
 * opening. Not seen outside. */
#ifndef SL_STORE_INTERNAL_H
#define SL_STORE_INTERNAL_H

#include <sqlite3.h>
#include <sys/stat.h>

#include "copies/copies.h"
#include "store.h"
#include "util/count_map.h"
#include "util/vec.h"

/* A row of copy_keys or line_articles in its stored form: the key (a
 * copy key, a line) and the article (packed with its key count in
 * copy_keys, copy_keys.c). */
typedef struct sl_key_row {
    int64_t key, article;
} sl_key_row;

/* A batch's new rows of one recent table, kept until its commit
 * (held_rows.c). */
typedef struct sl_held_rows {
    SL_VEC(sl_key_row) rows;
    sl_count_map keys;     /* a key's rows kept (each another article's) */
    sl_count_map articles; /* the articles with rows kept */
} sl_held_rows;

/* A prepared statement, found by the address of its SQL text. */
typedef struct stmt_slot {
    const char *sql;
    sqlite3_stmt *stmt;
} stmt_slot;

/* The most terms a batch's notes of the dictionary keep (those stored as
 * themselves, n_inline; unnumbered): past it they are dropped and
 * refilled, which costs reads, never a result, and a large batch_size
 * cannot grow them without bound. */
#define SL_STORE_NOTES_MAX (1u << 18)

/* The writer's memory of the term dictionary (term_dict.c): what it has
 * read or assigned, both ways. Forgotten at a rollback and when another
 * connection has committed since (PRAGMA data_version at a batch's
 * begin). */
/* In the dictionary's ids: a term with no id that this writer stored as
 * itself (term_dict.c); never an id (the last id is UINT32_MAX - 2, below
 * it and the map's SL_COUNT_NONE). Kept in ids, not in a map of its own:
 * the terms of a fresh store were in both, 1.5 MB more at the peak of all
 * Reuters (docs/history/benchmarks-rounds.md, "Thirty-fourth round"). */
#define SL_DICT_INLINE (UINT32_MAX - 1)

typedef struct sl_term_dict {
    sl_count_map *ids;         /* term -> id, in column 1 of a map of two (own_ids unless
                                * shared): 0: none in the store, SL_DICT_INLINE: none, and
                                * this writer stored it as itself (a term 0 is kept as 1) */
    sl_count_map own_ids;
    uint64_t *terms;           /* id -> term, 0 when not known */
    size_t terms_cap;
    uint32_t next;             /* the id of the next new term; 0 when not read yet */
    uint32_t flushed;          /* ids from here to next are not written yet */
    int complete;              /* every stored row is in memory: a miss is a new term */
    uint32_t n_inline;         /* terms noted SL_DICT_INLINE in ids */
    sl_count_map unnumbered;   /* term -> its count + 1, read with no id in this batch (terms.c) */
    unsigned char *noted;      /* per id from flushed: its row in terms carries it */
    size_t noted_cap;
    uint32_t n_noted;          /* how many of them */
    int in_migration;          /* migration 17: a term's count in terms tells who has it */
    int fresh;                 /* no article was stored when the writer opened the store */
    int64_t data_version;      /* PRAGMA data_version when last checked */
} sl_term_dict;

/* A story's change to story_terms not yet written (story_changes.c): its
 * centroid's terms as the table holds them, and as they are now, sorted,
 * with their weights (from schema 26 a row holds its term's weight). */
typedef struct sl_story_change {
    int64_t story;
    uint32_t n_old, n_now;
    uint64_t old[SL_CENTROID_TERMS], now[SL_CENTROID_TERMS];
    float w_old[SL_CENTROID_TERMS], w_now[SL_CENTROID_TERMS];
} sl_story_change;

/* A batch's pending changes to story_terms, written at its commit. */
typedef struct sl_story_changes {
    SL_VEC(sl_story_change) items;
    sl_count_map at;    /* story id -> its place in items + 1 */
    sl_count_map terms; /* term -> how many pending changes add or remove it */
    /* The story the batch inserted last, while no change has begun from its
     * stored centroid, which is none (0: no such story; stories.c). */
    int64_t fresh_story;
} sl_story_changes;

/* A story row's update not yet written (story_rows.c): what the articles
 * a batch filed in the story since its row was last written do to it. */
typedef struct sl_story_row {
    int64_t id;
    int64_t added;                /* articles filed: n_articles grows by as many */
    int64_t thread;               /* a new story's thread, 0: the row's kept */
    int64_t first_day, last_day;  /* their least and greatest day, INT64_MIN: none dated */
    char *title;                  /* the last title given, NULL: the row's kept */
    int scored;                   /* a title score came: the row's becomes `score` */
    double score;
    uint32_t len;                 /* the centroid now, sl_centroid_pack's form */
    unsigned char centroid[SL_CENTROID_TERMS * SL_CENTROID_TERM_BYTES];
} sl_story_row;

/* A batch's pending story rows, written at its commit. */
typedef struct sl_story_rows {
    SL_VEC(sl_story_row) items;
    sl_count_map at;    /* story id -> its place in items + 1 */
} sl_story_rows;

/* The sketches a batch has read, by article id (sketch_memo.c). */
typedef struct sl_sketch_memo sl_sketch_memo;

/* The tables whose emptiness a batch keeps (sl_store_table_empty). */
enum { SL_STORE_LINES_LARGE, SL_STORE_TERMS_LARGE, SL_STORE_TERMS_RECENT, SL_STORE_KNOWN_TABLES };
/* Whether a table holds no row: 1 none, 2 some, 0 not read; read in the
 * batch whose data_version it keeps. */
typedef struct sl_store_emptiness {
    int state;
    int64_t version;
} sl_store_emptiness;

struct sl_store {
    sqlite3 *db;
    stmt_slot *cache;          /* open addressing, cap a power of two */
    size_t cap, n_cached;
    int in_tx;
    int writing;               /* the transaction is a batch's (BEGIN IMMEDIATE) */
    int nomem;                 /* the last sl_store_stmt failed for want of memory */
    unsigned long alloc_mark;  /* sl_alloc_failures() at the last sl_store_stmt */
    const char *damaged;       /* a row the last read found unreadable (SQLite saw no error) */
    /* SQLite's message of a read that failed while another statement's rows
     * were walked (sl_store_rows_end): that statement's reset clears it. */
    char kept[160];
    int cache_kb;              /* the writer's page cache (0: SQLite's default) */
    sl_buf packed;             /* an article's packed facts, reused */
    sl_buf spans;              /* an article's packed sentences, reused */
    sl_buf lines;              /* an article's short lines' prefixes, reused */
    sl_buf centroid;           /* a story's centroid as its row holds it, reused */
    sl_buf keys;               /* an article's copy keys as its sketch row holds them */
    /* The schema version of what is read (PRAGMA user_version: at open, at
     * each read transaction, and as migrations run): the forms of the
     * centroids and sentences differ from version 13 on. */
    int schema;
    /* The first article of the recent tables' cycle (recent.c), or less;
     * INT64_MAX when they have none, 0 when not read yet. */
    int64_t recent_first;
    sl_store_emptiness emptiness[SL_STORE_KNOWN_TABLES]; /* recent.c */
    sl_term_dict dict;
    sl_story_changes changes;  /* the batch's story_terms changes (story_changes.c) */
    sl_story_rows story_rows;  /* the batch's story rows' updates (story_rows.c) */
    sl_sketch_memo *sketch_memo; /* NULL until a batch reads a sketch */
    /* The stored keys a read of the batch found full in copy_keys, marked
     * so at its commit (copy_keys.c, sl_store_copy_keys_mark). */
    SL_VEC(int64_t) full_keys;
    /* The article the batch inserted last whose copy keys are not put yet
     * (0 none): it has no stored sketch, so sl_store_copy_keys_put reads
     * no old keys for it (copy_keys.c). */
    int64_t fresh_article;
    /* The batch's new rows of copy_keys_recent and line_articles_recent,
     * written at its commit in key order (held_rows.c). */
    sl_held_rows held_keys, held_lines;
    sl_buf member;             /* a vector read back in the split's form, reused */
    /* Opened immutable, without locks (a folder the reader may not write,
     * store.c): the path, the file as it was at open, which a read must
     * still find, and the message once it was found changed. */
    char *unlocked;
    struct stat opened;
    int read_only;             /* opened to read only, or fell back to it */
    sl_buf changed;
    /* The last path an article of the batch held in its row, and the row
     * of paths the batch gave it (0: none yet); paths.c */
    sl_buf path_held;
    int has_path_held;
    int64_t path_id;
};

/* One integer cell of `sql` (a `static const char Q_…[]`), 0 for NULL or
 * no row (recent.c). */
int sl_store_integer_of(sl_store *st, const char *sql, int64_t *out);

/* Whether `table` (SL_STORE_LINES_LARGE ...) is known to hold no row, in
 * *empty (recent.c): read once a batch; 0 outside a batch (not known). */
int sl_store_table_empty(sl_store *st, int table, int *empty);
/* Forgets what is known of `table`'s emptiness (a write to it). */
void sl_store_table_written(sl_store *st, int table);

/* Whether what a batch reads may be kept until what it read is written
 * (terms.c, sketch_memo.c): in a batch's transaction, not in a migration. */
static inline int sl_store_memo_on(const sl_store *st)
{
    return st->writing && !st->dict.in_migration;
}

/* The prepared, reset statement for `sql`, a `static const char Q_…[]` of
 * the table's file (the cache knows it by its address), or NULL (error left
 * in the handle, or out of memory: sl_store_errmsg says which). */
sqlite3_stmt *sl_store_stmt(sl_store *st, const char *sql);

/* A whole-table read (a migration's backfill: the sketches' keys) would
 * fill the writer's 24 MB page cache with pages that the ingest then
 * seldom reads. Such reads run with a 2 MB cache (`scanning` 1) and the
 * cache is set back after (0); a reader's default cache is already that
 * small. */
int sl_store_scan_cache(sl_store *st, int scanning);

/* The first schema version whose centroids (sl_centroid_pack), sentences
 * (spans.c), facts' offsets (facts.c) and articles' lines (line_articles.c)
 * are packed. */
#define SL_STORE_PACKED_SINCE 13
/* The first schema version with line_articles_recent, copy_keys_recent,
 * terms_recent and recent_cycle (recent.c). */
#define SL_STORE_RECENT_SINCE 14
/* The first schema version whose facts hold whole values as varints and
 * common words by their place in a list (facts.c). */
#define SL_STORE_WORDS_SINCE 16
/* The first schema version whose facts give each item a head saying what
 * follows and leave out what repeats or is in the article's text
 * (facts.c). The one number of store16's migration (27 while another
 * branch may take 26). */
#define SL_STORE_FACT_HEADS_SINCE 27
/* The first schema version with paths and articles.path_id (paths.c). */
#define SL_STORE_PATHS_SINCE 28
/* The first schema version whose articles may hold an empty blob for a
 * source or a date their other columns give (below). */
#define SL_STORE_DERIVED_SINCE 29

/* The first schema version with term_dict, whose ids article_terms holds
 * instead of the terms (article_terms.c). */
#define SL_STORE_DICT_SINCE 17

/* The first schema version whose story_terms rows name a term by its id in
 * term_dict when it has one (story_terms.c). */
#define SL_STORE_TERM_IDS_SINCE 18

/* The first schema version whose copy_keys rows hold a key without the
 * four low bits SL_TERM_ID sets (copy_keys.c). */
#define SL_STORE_SHORT_KEYS_SINCE 18

/* The first schema version whose articles list their short lines by the
 * high 16 bits of each fingerprint (line_articles.c), not 32. */
#define SL_STORE_SHORT_LINES_SINCE 18

/* The first schema version whose line_articles pairs hold a line by the
 * high 47 bits of its fingerprint, 6 bytes, not all 64 (line_articles.c). */
#define SL_STORE_LINE_KEYS_SINCE 30

/* The first schema version whose copy_keys holds a row (key, 0) for each
 * key with more than SL_COPY_POSTINGS rows there (copy_keys.c). */
#define SL_STORE_FULL_KEYS_SINCE 31

/* The first schema version whose articles_hash and articles_source index
 * the hashes' high 32 bits (articles.c); no reader depends on it. */
#define SL_STORE_HIGH_HASHES_SINCE 32

/* The first schema version whose centroids name a term by its id in
 * term_dict when it has one (centroids.c). */
#define SL_STORE_CENTROID_IDS_SINCE 19

/* The first schema version whose centroids hold their terms themselves
 * again, in sl_centroid_pack's form (centroids.c): a story is read
 * without term_dict. */
#define SL_STORE_CENTROID_TERMS_SINCE 25
/* The first schema version whose story_terms rows hold their term's
 * centroid weight, and whose story_norms holds each story's norm, so that
 * the grouper scores a listed story without reading it (story_terms.c). */
#define SL_STORE_TERM_WEIGHTS_SINCE 26

/* The first schema version whose copy sketches hold their keys by their
 * ranks among the sketch's codes (sl_sketch_keys_rank, sketches.c). */
#define SL_STORE_RANKED_KEYS_SINCE 19

/* The first schema version whose copy sketches hold their distinct codes
 * sorted and Rice-coded (sl_sketch_pack, sketches.c), not in order of
 * first coming (sl_sketch_pack_first); a key's rank follows the order. */
#define SL_STORE_SORTED_SKETCH_SINCE 21

/* ---- term_dict.c: the store-wide dictionary of terms ---- */

/* The id of `term`: its own, a new one (written by the next
 * sl_store_dict_flush, at the batch's commit) when the dictionary lacks it but an earlier article
 * has it (one this writer stored, or its count in terms),
 * else 0: the term is stored as itself (a term of one article, as 36,336 of
 * 60,203 were on the first 5,000 Reuters stories, costs less so than a
 * row of the dictionary and its index). SL_ESTORE, SL_ENOMEM. */
int sl_store_dict_id(sl_store *st, uint64_t term, uint32_t *id);
/* The id `term` already has, 0 when none, giving none (story_terms.c):
 * from memory, else from its row of terms. SL_ESTORE, SL_ENOMEM. */
int sl_store_dict_find(sl_store *st, uint64_t term, uint32_t *id);
/* Keeps the id `term` has in the store, `id` as its row of terms gives it
 * (0: none), unless the dictionary knows it already: the grouper reads a
 * term's count with its id (sl_store_df_get), so that story_terms need
 * not read the term's row again (20.9 statements an article of 157.0, 1,000
 * Reuters stories into a store of 1,000). SL_ENOMEM. */
int sl_store_dict_learn(sl_store *st, uint64_t term, uint32_t id);
/* The id of `term`, a new one (written at the next flush) when it has
 * none. SL_ESTORE, SL_ENOMEM, SL_ETOOLARGE. */
int sl_store_dict_give(sl_store *st, uint64_t term, uint32_t *id);
/* The term of `id`; SL_ESTORE when the dictionary lacks it (a damaged
 * store), SL_ENOMEM. */
int sl_store_dict_term(sl_store *st, uint32_t id, uint64_t *term);
/* The terms of ids[0, n) into terms, those the dictionary's memory lacks
 * read by one statement (not one an id: the stories split reads stored
 * vectors whose ids are scattered); SL_ESTORE when the dictionary lacks
 * one, SL_ENOMEM. */
int sl_store_dict_terms(sl_store *st, const uint32_t *ids, size_t n, uint64_t *terms);
/* The id `term` was given since the last flush, 0 when none: a batch's
 * counts carry it into terms (terms.c), and the id is marked as noted so
 * that the flush need not write it there again. */
uint32_t sl_store_dict_note(sl_term_dict *d, uint64_t term);
/* An empty dictionary with a map of ids of its own, as the store opens. */
void sl_store_dict_init(sl_term_dict *d);
/* Notes whether the store holds articles, as a writer opens it. */
int sl_store_dict_open(sl_store *st);
/* Writes the rows of the terms given ids since the last flush, in one
 * statement: at a commit (one statement an article was 38.5 M
 * instructions of 2,847 M on the first 1,000 Reuters stories). */
int sl_store_dict_flush(sl_store *st);
/* Forgets what the writer knows of the dictionary (a rollback: the new
 * rows are gone; another writer may have added some). */
void sl_store_dict_forget(sl_term_dict *d);
/* Forgets it when another connection has committed since the last check;
 * called as a batch begins. */
int sl_store_dict_check(sl_store *st);

/* ---- terms.c: a term's row (schema 17) ---- */

/* A term's count (both tables, as sl_store_df_get) and its id in the
 * dictionary of terms, 0 when it has none. In a batch, a term with no id
 * is read once until the next write to terms (sl_store_terms_written).
 * SL_ESTORE. */
int sl_store_term_get(sl_store *st, uint64_t term, uint32_t *df, uint32_t *dict_id);
/* Forgets the counts sl_store_term_get remembers: terms or terms_recent
 * are written (a batch's counts, its new ids, a commit's merge) or
 * rolled back. */
void sl_store_terms_written(sl_store *st);
/* Notes the n new dictionary rows value(ctx, row, 0 the id, 1 the term)
 * in the terms' rows, in one statement (at a commit). SL_ESTORE. */
int sl_store_terms_ids_put(sl_store *st, size_t n, int64_t (*value)(void *ctx, size_t row, int col),
                           void *ctx);

/* ---- article_terms.c ---- */

/* Migration 17: every stored vector's terms as their dictionary ids. */
int sl_store_article_terms_reform(sl_store *st);
/* An article's vector (the split's packed member, stories/split.c), or
 * none (NULL: any stored one is deleted). */
int sl_store_article_terms_put(sl_store *st, int64_t id, const void *member, size_t len);

/* ---- recent.c: the recent rows of line_articles, copy_keys and terms ---- */

/* Moves the rows of the recent tables into the large ones when the merge
 * is due (sl_store_recent_due), inside the write transaction:
 * sl_store_commit runs it before committing. */
int sl_store_recent_settle(sl_store *st);
/* Moves every row of the recent tables into the large ones, then writes
 * the batch's kept rows there too. */
int sl_store_recent_merge(sl_store *st);
/* 1 when the recent rows, of articles `first` to `last` (the last stored),
 * are due to be merged. */
int sl_store_recent_due(int64_t first, int64_t last);
/* Whether the merge is due now, in *due (0 in a store before the recent
 * tables). SL_ESTORE. */
int sl_store_recent_due_now(sl_store *st, int *due);
/* Moves the rows of terms_recent into terms (a batch's counts then go
 * into terms: terms.c). */
int sl_store_recent_move_terms(sl_store *st);
/* Notes that rows go into a recent table: the first of a cycle records
 * in recent_cycle the last article stored, where the cycle begins;
 * SL_ESTORE. */
int sl_store_recent_added(sl_store *st);

/* ---- paths.c: an input file's path held once a batch ---- */

/* Binds `path` to parameter `col` of an article's insert or update and
 * the row of paths naming it to `id_col`: NULL and that row when the
 * batch's last article held the same path in its row, else the path and
 * NULL. SL_ESTORE, SL_ENOMEM. */
int sl_store_path_bind(sl_store *st, sqlite3_stmt *s, int col, int id_col, const char *path);
/* The path of the article row `a` (an SQL name) of a schema-28 store: its
 * own, else its row of paths'. A reader of articles' paths selects this. */
#define SL_STORE_ARTICLE_PATH(a)                                                                  \
    "coalesce(" a ".path, (SELECT p.path FROM paths p WHERE p.id = " a ".path_id))"
/* From schema 29 an article's source is an empty blob (no bytes) when its
 * identity is "key:SOURCE/KEY" with its key, and its published date one
 * when it is the ISO day of published_day (articles.c writes them): what a
 * reader of article row `a` selects (the source cut from the identity in
 * bytes, as the writer compares them). A text is never stored as a blob, so
 * the two stay apart. */
#define SL_STORE_ARTICLE_SOURCE(a)                                                                 \
    "CASE WHEN typeof(" a ".source) = 'blob' THEN CAST(substr(CAST(" a ".identity AS BLOB), 5,"    \
    " length(CAST(" a ".identity AS BLOB)) - 5 - length(CAST(" a ".key AS BLOB))) AS TEXT)"        \
    " ELSE " a ".source END"
#define SL_STORE_ARTICLE_PUBLISHED(a)                                                              \
    "CASE WHEN typeof(" a ".published) = 'blob' THEN date(" a ".published_day * 86400,"          \
    " 'unixepoch') ELSE " a ".published END"
/* SL_STORE_ARTICLE_SOURCE in C, for a hot read (a candidate's sketch,
 * sketches.c: the SQL form cost 2.5 M instructions a 1,000 articles): the
 * source of the article row a statement reads as columns col (source),
 * identity_col and key_col, into out (empty when none). */
void sl_store_source_column(sqlite3_stmt *s, int col, int identity_col, int key_col, sl_buf *out);
/* Forgets the batch's path (at its commit or rollback). */
void sl_store_paths_forget(sl_store *st);

/* ---- spans.c: the articles' sentence offsets ---- */

/* Packs n sentence spans (the form of schema 13 on) into out. */
int sl_store_spans_pack(const sl_span *spans, size_t n, sl_buf *out);
/* The spans of a stored `sentences` blob of the store's form, into a
 * malloc'd array (*out NULL and *n 0 when there are none, or the blob is
 * damaged); SL_ENOMEM. */
int sl_store_spans_read(const sl_store *st, const void *blob, size_t len, sl_span **out,
                        size_t *n);
/* The same into `out` as an sl_span array. */
int sl_store_spans_get(const sl_store *st, const void *blob, size_t len, sl_buf *out);
/* Migration 13: every article's sentences into the packed form. */
int sl_store_spans_repack(sl_store *st);
/* Migrations 13, 16 and 27: every article's facts rewritten in the form of
 * the version migrated to (facts.c: from 13 the offsets as differences,
 * from 16 also whole values as varints and common words by their place,
 * from 27 a head an item). */
int sl_store_facts_reform(sl_store *st);
/* Every article's facts read (check): the number of rows that do not read
 * into *bad; SL_ESTORE when the table does not read, SL_ENOMEM. */
int sl_store_facts_verify(sl_store *st, int64_t *bad);
/* An article's short lines as its row lists them from schema 18 (the high
 * 16 bits of each fingerprint, line_articles.c), into out. */
int sl_store_lines_pack(const int64_t *lines, size_t n, sl_buf *out);
/* Migration 13: every article's list of lines as the high 32 bits of
 * each fingerprint (the form of schemas 13 to 17). */
int sl_store_lines_prefix(sl_store *st);
/* Migration 18: every article's list of lines from 32-bit prefixes to
 * 16-bit ones. */
int sl_store_lines_shorten(sl_store *st);
/* ---- centroids.c: a story's centroid as its row holds it ---- */
/* The row's form of a centroid in sl_centroid_pack's form, into out: from
 * schema 25 that form itself; in schemas 19 to 24 the terms term_dict has
 * by their ids. */
int sl_store_centroid_form(sl_store *st, const void *packed, size_t len, sl_buf *out);
/* A stored centroid in the form of st->schema, as its terms sorted by
 * term (at most SL_CENTROID_TERMS); SL_ESTORE when it does not read. */
int sl_store_centroid_read(sl_store *st, const void *blob, size_t len, sl_weighted_term *out,
                           size_t *n);
/* Migration 13: every centroid from 16 bytes a term (the struct with its
 * padding) to SL_CENTROID_TERM_BYTES. */
int sl_store_centroids_repack(sl_store *st);
/* Migration 19: every centroid with its terms' ids. */
int sl_store_centroids_by_id(sl_store *st);
/* Migration 25: every centroid with its terms again, not their ids. */
int sl_store_centroids_by_term(sl_store *st);

/* Rewrites a blob of every row, one row after another (a migration's
 * repacking): `next_sql` gives the row after ?1 (its id first, then what
 * `convert` reads of it), `convert` writes the new blob into `out` (0, or
 * an SL_E code), and `set_sql` stores it (?1 the id, ?2 the blob). */
int sl_store_blobs_rewrite(sl_store *st, const char *next_sql, const char *set_sql,
                           int (*convert)(sl_store *st, sqlite3_stmt *row, sl_buf *out));

/* Binds a string or NULL. */
int sl_store_bind_text(sqlite3_stmt *s, int col, const char *text);
/* Binds a day number, NULL for INT64_MIN (undated). */
int sl_store_bind_day(sqlite3_stmt *s, int col, int64_t day);
/* A column as a malloc'd string (NULL for NULL); *err set on out-of-memory. */
char *sl_store_column_dup(sqlite3_stmt *s, int col, int *err);
/* Calls fn with the id in the first column of each row of `s` (NULL: an
 * error already left in the handle); stops at fn's first non-zero return,
 * which it returns; SL_ESTORE when a step fails. */
int sl_store_each_id(sl_store *st, sqlite3_stmt *s, int (*fn)(void *ctx, int64_t id), void *ctx);
/* The same with the blob of the second column too (fn's blob and len). */
int sl_store_each_blob(sl_store *st, sqlite3_stmt *s,
                       int (*fn)(void *ctx, int64_t id, const void *blob, size_t len), void *ctx);
/* Ends a walk over the rows of `s`, whose last step returned `step`, and
 * resets it: `err` when the walk stopped at a failure of its own (fn's, a
 * nested read's), else 0 at SQLITE_DONE and SL_ESTORE for a failed step.
 * Resetting `s` clears the handle's message of a nested read that failed,
 * and a later call (a pragma) that of the step: SQLite's message is kept
 * first for sl_store_errmsg until the next sl_store_stmt. Every loop that
 * reads or writes the store between the steps of another statement ends
 * with this. */
int sl_store_rows_end(sl_store *st, sqlite3_stmt *s, int step, int err);
/* Steps `sql` with ?1 = id to its first row: 0 with *out on that row (the
 * caller reads its columns, then resets it), SL_ENOTFOUND when there is no
 * row, SL_ESTORE when it fails (both reset). */
int sl_store_row_by_id(sl_store *st, const char *sql, int64_t id, sqlite3_stmt **out);
/* Steps a statement that returns no rows; SL_ESTORE on failure. */
int sl_store_exec_stmt(sqlite3_stmt *s);
/* Many rows of integers written by one statement (rows.c): `sql`, a
 * `static const char Q_…[]` of the form `INSERT OR IGNORE INTO t SELECT c0,
 * c1 FROM sl_rows(?1)`, reads the n rows of `cols` (at most 3) integers,
 * value(ctx, row, col), from the table sl_rows. Only for INSERT OR IGNORE in
 * the middle of a batch: a statement of many rows that may abort halfway
 * (OR REPLACE, an upsert) opens a statement transaction, which makes the
 * FTS5 index flush its pending terms (docs/history/benchmarks-rounds.md, "Stop words and
 * rows per statement"); at a commit, which flushes them anyway, an upsert
 * costs no more (the term counts, terms.c). */
typedef struct sl_store_rows {
    const char *sql;
    int cols;
    int64_t (*value)(void *ctx, size_t row, int col);
} sl_store_rows;
int sl_store_exec_rows(sl_store *st, const sl_store_rows *rows, size_t n, void *ctx);
/* What sl_rows reads: n rows of `rows`, value(ctx, …). A query reading
 * rows (sl_store_lines_count) binds one to its ?1 with sl_store_rows_bind;
 * it must outlive the statement's steps. */
typedef struct sl_store_rows_source {
    const sl_store_rows *rows;
    void *ctx;
    size_t n;
} sl_store_rows_source;
int sl_store_rows_bind(sqlite3_stmt *s, const sl_store_rows_source *source);
/* A row's value from an array of 64-bit integers (ctx), one column. */
int64_t sl_store_row_u64(void *ctx, size_t row, int col);
/* Makes sl_rows known to the connection. */
int sl_store_rows_register(sqlite3 *db);
/* Puts "what: reason" in `why` (the SQLite reason, or out of memory without
 * a db) and returns `code`. */
int sl_store_set_why(sl_buf *why, int code, const char *what, sqlite3 *db);

/* ---- stories.c ---- */
/* Reads every story line a prepared statement gives (columns id, thread,
 * title, n, sources, first, last) and resets it. */
int sl_store_story_lines_read(sqlite3_stmt *s, sl_story_list **out);

/* ---- migrate.c ---- */
/* PRAGMA user_version: how many migrations the store has had. */
int sl_store_user_version(sqlite3 *db, int *version);
/* Refuses what is not a storyline store, or one newer than this code. */
int sl_store_check_schema(sqlite3 *db, const char *path, int version, sl_buf *why);
/* Applies pending migrations (schema and data) in one write transaction; the
 * version is read inside it, so two processes creating one store do not
 * both migrate. A fresh store is made at the current schema at once, by one
 * script, not by the migrations. */
int sl_store_migrate(sl_store *st, const char *path, sl_buf *why);
/* Makes the tables of schema version 1 in an empty database and sets its
 * version to 1: the migrations' first step, which a fresh store skips; for
 * the test that a store migrated from it has a fresh store's schema. */
int sl_store_make_version1(sqlite3 *db);

/* ---- line_articles.c ---- */
/* Records that article `id` carries each of the n lines (once, however
 * often it repeats one). */
int sl_store_lines_add(sl_store *st, int64_t id, const int64_t *lines, size_t n);
/* Forgets the lines article `id` added (as its row lists them), before a
 * new version records its own. */
int sl_store_lines_clear(sl_store *st, int64_t id);
/* Migration 7: lists each article's lines in its row, then drops the
 * index of line_articles by article. */
int sl_store_lines_backfill(sl_store *st);

/* ---- removed_lines.c ---- */
/* Forgets the chrome lines of article `id`, before a new version's. */
int sl_store_removed_clear(sl_store *st, int64_t article_id);
/* The chrome lines of article `id`, in line order (*out NULL when none). */
int sl_store_removed_get(sl_store *st, int64_t id, sl_removed_line **out, size_t *n_out);
/* Migration 23: every reason of the frozen list stored as its place. */
int sl_store_removed_code(sl_store *st);

/* ---- sketches.c ---- */
/* The form of the sketches' sentence lists in st's schema. */
sl_sketch_form sl_store_sketch_form(const sl_store *st);

/* ---- sketch_memo.c: the sketches a batch has read, by article id ---- */
/* Copies article id's kept row into out: 1 when kept, 0 when not (or not
 * in a batch), SL_ENOMEM. */
int sl_store_sketch_memo_get(sl_store *st, int64_t id, sl_stored_sketch *out);
/* Keeps the row just read of article id (in a batch only), and gives it
 * its stamp: the one its article's row had when it was last kept, if its
 * sentences are the same bytes, else a new one. */
void sl_store_sketch_memo_put(sl_store *st, int64_t id, sl_stored_sketch *row);
/* Forgets article id's row: a statement changes what it holds. */
void sl_store_sketch_memo_drop(sl_store *st, int64_t id);
/* The kept rows of story `from`'s articles name story `into` (a merge). */
void sl_store_sketch_memo_move(sl_store *st, int64_t from, int64_t into);
/* Forgets every row (a rollback, another writer's commit). */
void sl_store_sketch_memo_clear(sl_store *st);
/* Frees the memo (at close). */
void sl_store_sketch_memo_free(sl_store *st);

/* ---- copy_keys.c ---- */
/* Migration 8: files every sketched article in copy_keys. */
int sl_store_copy_keys_backfill(sl_store *st);
/* Migration 31: marks every key of copy_keys with more than
 * SL_COPY_POSTINGS rows full (its row (key, 0)). */
int sl_store_copy_keys_mark_all(sl_store *st);
/* At a batch's commit: marks full the keys its reads found full; the
 * notes are dropped (also by sl_store_copy_keys_forget, at a rollback). */
int sl_store_copy_keys_mark(sl_store *st);
void sl_store_copy_keys_forget(sl_store *st);

/* ---- held_rows.c ---- */
/* Adds one article's n rows (rows->value: the key, col 0, the article,
 * col 1; all of one article) to the recent table of rows->sql: in a batch
 * kept in h for its commit, else written now. SL_ESTORE, SL_ENOMEM (h
 * then dropped whole). */
int sl_store_held_add(sl_store *st, sl_held_rows *h, const sl_store_rows *rows, void *ctx,
                      size_t n);
/* The number of rows (articles) h keeps of key `key`. */
uint32_t sl_store_held_count(sl_held_rows *h, int64_t key);
/* Whether h keeps rows of article `article`. */
int sl_store_held_has_article(sl_held_rows *h, int64_t article);
/* Takes out of counts[i] (h's rows of key key(ctx, i, 0), i < n, as
 * sl_store_held_count gave them) the rows of article `article`. */
void sl_store_held_leave_out(const sl_held_rows *h, int64_t article,
                             int64_t (*key)(void *ctx, size_t row, int col), void *ctx, size_t n,
                             uint32_t *counts);
/* Writes the rows h keeps by `sql` (an INSERT from sl_rows' c0, c1), in
 * key order, by one statement; h is then empty. SL_ESTORE. */
int sl_store_held_flush(sl_store *st, sl_held_rows *h, const char *sql);
/* Empties h and frees its memory (a rollback: its rows were never written). */
void sl_store_held_drop(sl_held_rows *h);

/* ---- copy_keys.c and line_articles.c: their rows kept by a batch ---- */
/* Writes the batch's kept rows of copy_keys_recent (of line_articles_recent). */
int sl_store_copy_keys_flush(sl_store *st);
int sl_store_lines_flush(sl_store *st);
/* Writes them into copy_keys (line_articles) instead: at a merge, after
 * the recent rows moved (recent.c). */
int sl_store_copy_keys_flush_large(sl_store *st);
int sl_store_lines_flush_large(sl_store *st);

/* ---- story_terms.c ---- */
/* The terms of story `story`'s stored centroid, sorted (none when it has
 * none): what its rows in story_terms are. SL_ESTORE. */
int sl_store_story_terms_stored(sl_store *st, int64_t story, uint64_t *terms, float *weights,
                                size_t *n);
/* Writes `n` stories' changes: the rows of terms only in a change's `old`
 * go, of terms only in its `now` come (all of them by one statement).
 * SL_ESTORE, SL_ENOMEM, SL_ETOOLARGE. */
int sl_store_story_terms_write(sl_store *st, const sl_story_change *changes, size_t n);
/* Migration 9: files every story under its centroid's terms. */
int sl_store_story_terms_backfill(sl_store *st);
/* Migration 18: every row keyed by its term's id where it has one. */
int sl_store_story_terms_rekey(sl_store *st);
/* Migration 26: every row of temp.story_rows (the table's rows of schema
 * 25, keys kept) again with its term's centroid weight, and every story's
 * norm in story_norms. */
int sl_store_story_terms_weigh(sl_store *st);
/* The norm of a centroid's weights as the grouper computes it: the squares
 * summed in double in the terms' order, its root. */
double sl_store_centroid_norm(const float *weights, size_t n);
/* ---- story_norms.c ---- */
/* Writes story's norm as `ch` leaves it (none without terms), when it moved. */
int sl_store_story_norm_write(sl_store *st, const sl_story_change *ch);
/* Migration 26: every story's norm into story_norms. */
int sl_store_story_norms_fill(sl_store *st);
/* Check: story_norms holds the norm of every story's centroid that has
 * terms, and nothing else; the first difference in `why` (SL_ESTORE). */
int sl_store_story_norms_verify(sl_store *st, sl_buf *why);
/* Check: story_terms lists every term of every story's centroid and nothing
 * else; the first difference in `why` (SL_ESTORE). */
int sl_store_story_terms_verify(sl_store *st, sl_buf *why);

/* ---- story_changes.c: story_terms' changes kept until the commit ---- */
/* Story `story`'s centroid terms are now `now` (sorted): kept in memory
 * while a batch's transaction is open, written at once outside one.
 * SL_ESTORE, SL_ENOMEM, SL_ETOOLARGE. */
int sl_store_story_changes_put(sl_store *st, int64_t story, const uint64_t *now,
                               const float *w_now, size_t n_now);
/* The pending change of `story`, NULL when none. */
const sl_story_change *sl_store_story_changes_of(sl_store *st, int64_t story);
/* Writes the pending changes that add or remove a row of `term`, as a
 * read of the term needs; the stories' other changes are written with
 * them, the other stories' stay pending. SL_ESTORE, SL_ENOMEM. */
int sl_store_story_changes_settle(sl_store *st, uint64_t term);
/* Writes every pending change (at a commit, before a read that needs it),
 * and forgets them, written or not. */
int sl_store_story_changes_flush(sl_store *st);
/* Forgets the pending changes unwritten (a rollback) and frees their memory. */
void sl_store_story_changes_forget(sl_story_changes *c);

/* ---- story_rows.c: the story rows' updates kept until the commit ---- */
/* Story `id` took in one more article of grouping day `day` (INT64_MIN:
 * undated); its centroid is now `centroid` (sl_centroid_pack's form) and,
 * when `title`, its title and title score are those. Kept in memory while
 * a batch's transaction is open, written at once outside one. SL_ESTORE,
 * SL_ENOMEM. */
int sl_store_story_rows_put(sl_store *st, int64_t id, const void *centroid, size_t len,
                            int64_t day, const sl_story_title *title);
/* New story `id` is in thread `thread`: kept with its update in a batch,
 * written at once outside one. SL_ESTORE, SL_ENOMEM. */
int sl_store_story_rows_thread(sl_store *st, int64_t id, int64_t thread);
/* Thread `from` is merged into `into`: the pending threads follow, as the
 * stored rows do. */
void sl_store_story_rows_threads_merge(sl_store *st, int64_t from, int64_t into);
/* Story `id`'s pending update, NULL when none. */
const sl_story_row *sl_store_story_rows_of(sl_store *st, int64_t id);
/* Forgets story `id`'s pending update unwritten (a statement that sets
 * every column it would set comes next). */
void sl_store_story_rows_drop(sl_store *st, int64_t id);
/* Writes story `id`'s pending update, before a read of its row. SL_ESTORE. */
int sl_store_story_rows_settle(sl_store *st, int64_t id);
/* Writes every pending update, in id order, and forgets them (at a commit,
 * before any other statement that reads or sets the stories' columns). */
int sl_store_story_rows_flush(sl_store *st);
/* Forgets the pending updates unwritten (a rollback) and frees their memory. */
void sl_store_story_rows_forget(sl_story_rows *r);

/* ---- facts.c ---- */
/* Migration 7: packs the rows of table facts_rows (one item each) into one
 * row per article of table facts, then drops facts_rows. */
int sl_store_facts_repack(sl_store *st);

/* ---- fact_items.c ---- */
/* Packs n items of an article (its text `text`, `len` bytes) into `out`
 * (cleared first) in the form of schema version `schema`; out->err. */
int sl_store_fact_items_pack(const sl_fact_item *items, size_t n, const char *text, size_t len,
                             int schema, sl_buf *out);
/* Calls fn with each item of kind `kind` (-1: all) of a blob packed in the
 * form of `schema` (its strings malloc'd, fn's to free); SL_ESTORE for a
 * blob that does not read, else fn's first error. */
int sl_store_fact_items_read(const void *blob, size_t len, const char *text, size_t text_len,
                             int schema, int64_t article_id, int kind,
                             int (*fn)(void *ctx, sl_fact_item *it), void *ctx);
/* Frees the strings of an item read back. */
void sl_store_fact_strings_free(sl_fact_item *it);

#endif
