/* store.h — the SQLite store: schema and migrations, transactions, and every
 * read and write the engine makes. This folder is the only place sqlite3_*
 * appears; the rest of the library sees rows as plain structs. */
#ifndef SL_STORE_H
#define SL_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "storyline.h"
#include "stories/stories.h"
#include "util/buf.h"
#include "util/vec.h"

typedef struct sl_store sl_store;
typedef SL_VEC(int64_t) sl_id_vec;

/* ---- store.c, statements.c, transactions.c, verify.c: open, errors,
 * transactions, the integrity check ---- */

/* Opens or creates the store, applies pending migrations, sets WAL. On error
 * returns a code and leaves a message in `why`. `read_only` as
 * sl_options.read_only: 0, 1 or SL_READ_ONLY_IF_UNWRITABLE. */
int sl_store_open(sl_store **out, const char *path, int read_only, sl_buf *why);
void sl_store_close(sl_store *st);
/* sl_process_init's work: SQLite's memory statistics off; SL_EUSAGE when
 * SQLite has started already. */
int sl_store_process_init(void);
/* 1 when the store was opened to read only (asked, or fallen back to). */
int sl_store_read_only(const sl_store *st);
/* The writer's dictionary keeps its ids in column 1 of the map of two
 * `terms` (sl_count_pair; the caller's, freed after the store is closed),
 * whose column 1 holds none, in place of a map of its own: the stories
 * stage's document frequencies key the same terms in column 0
 * (sl_grouper_share_df). What the dictionary knew is forgotten. */
void sl_store_share_terms(sl_store *st, sl_count_map *terms);
/* The last SQLite error as one line (for messages), or the row the last
 * read found damaged where SQLite saw no error. */
const char *sl_store_errmsg(sl_store *st);
/* Begins a write transaction: takes the write lock (BEGIN IMMEDIATE), so
 * that everything read inside it is what this writer's decisions rest on. */
int sl_store_begin(sl_store *st);
/* Begins a read transaction and takes its snapshot now: every read until
 * the rollback or commit sees the store as it is at this moment. */
int sl_store_begin_read(sl_store *st);
/* A store a reader could open only without locks (immutable: its folder
 * may not be written, so SQLite cannot make its WAL index PATH-shm, and
 * there is no PATH-wal): its path, else NULL. SQLite then takes the file
 * never to change, so such a store serves one command's reads, not a
 * server's (docs/store.md, "A store in a folder the reader may not write"). */
const char *sl_store_unlocked_path(sl_store *st);
/* 0 when the store was opened with locks, or without them and it is as it
 * was at open (no PATH-wal; the same inode, size and modification time);
 * SL_ESTORE when it changed (sl_store_errmsg says so, and keeps saying so),
 * SL_ENOMEM. sl_store_begin_read checks it before its snapshot (for such a
 * store, the one taken at open). */
int sl_store_check_unlocked(sl_store *st);
/* PRAGMA data_version: changes when another connection commits. */
int sl_store_data_version(sl_store *st, int64_t *version);
int sl_store_commit(sl_store *st);
int sl_store_rollback(sl_store *st);
int sl_store_in_transaction(sl_store *st);
/* PRAGMA integrity_check plus the store's own invariants; a reason in `why`. */
int sl_store_verify(sl_store *st, sl_buf *why);

/* ---- articles.c: article rows ---- */

/* Everything stored for one article version. Strings may be NULL. */
typedef struct sl_article_row {
    const char *identity;      /* "url:…", "key:source/…", "path:…" or NULL */
    const char *key, *path, *url, *source, *published, *title, *text, *lang;
    int64_t published_day;     /* days since 1970-01-01, or SL_NO_DAY when undated */
    int64_t content_hash;
    int64_t story_id;
    unsigned bad_bytes;
    const sl_span *sentences;
    size_t n_sentences;
    const void *terms;         /* packed term vector (stories stage), may be NULL */
    size_t terms_len;
    int64_t source_hash;       /* of the input as given (pipeline.c) */
    const int64_t *lines;      /* fingerprints of the short lines it carries (chrome by */
    size_t n_lines;            /* repetition), recorded in line_articles; none for an exact copy */
} sl_article_row;

/* The stored article under `identity` (0 when none), with its content
 * hash, version and source hash (0 when unknown: stored before version 6). */
int sl_store_find_identity(sl_store *st, const char *identity, int64_t *id, int64_t *hash,
                           int *version, int64_t *source_hash);
/* The first stored article made from an input with this source hash, 0 when none. */
int sl_store_find_source(sl_store *st, int64_t source_hash, int64_t *id);
/* Records the source hash of an article stored before source hashes were. */
int sl_store_source_set(sl_store *st, int64_t id, int64_t source_hash);
/* Gives article `id` the metadata given again (NULL: keep the stored value;
 * `day` is `published`'s day); *changed says whether anything differed. A
 * changed date also moves its story's span of days. */
int sl_store_article_meta(sl_store *st, int64_t id, const char *source, const char *published,
                          int64_t day, int *changed);
/* The first stored article with this content hash, 0 when none; its identity
 * is copied into `identity` (may be empty). */
int sl_store_find_hash(sl_store *st, int64_t hash, int64_t *id, sl_buf *identity);
/* Stores a new article, its search entry and the short lines it carries. */
int sl_store_article_insert(sl_store *st, const sl_article_row *row, int64_t *id);
/* Replaces the content of article `id` with a new version, archiving the
 * old; the old version's short lines are taken out, the new one's added. */
int sl_store_article_replace(sl_store *st, int64_t id, const sl_article_row *row, int *version);
int sl_store_removed_insert(sl_store *st, int64_t article_id, uint32_t line_no, const char *text,
                            size_t len, const char *reason);
/* How many stored articles other than `self` carry each of the n short
 * lines `hashes`, counted up to `cap` (enough to decide, and bounded for
 * common lines), into counts[i] (0 for all on a store error, SL_ESTORE). */
int sl_store_lines_count(sl_store *st, const uint64_t *hashes, size_t n, int64_t self,
                         uint32_t cap, uint32_t *counts);
int sl_store_article_get(sl_store *st, int64_t id, sl_article **out);
int64_t sl_store_article_count(sl_store *st);
/* Calls fn with every article id in order; stops at fn's first non-zero
 * return, which it returns. */
int sl_store_article_ids_each(sl_store *st, int (*fn)(void *ctx, int64_t id), void *ctx);
/* Article `id`'s text into `out` (cleared first; left empty when it is gone). */
int sl_store_article_text(sl_store *st, int64_t id, sl_buf *out);

/* ---- copies.c: copy relations and the sketches the copy index is built from ---- */

typedef struct sl_copy_row {
    int64_t article_id, of_id;
    const char *kind;
    double score;
    int same_origin;
    const char *credit;        /* may be NULL */
    const char *evidence;      /* "a_start a_end of_start of_end similarity" lines, may be NULL */
} sl_copy_row;

int sl_store_copy_insert(sl_store *st, const sl_copy_row *row);
/* Forgets the relations of an article (before a new version is compared afresh). */
int sl_store_copies_clear(sl_store *st, int64_t article_id);
int sl_store_copies_list(sl_store *st, int64_t article_id, sl_copy_list **out);
/* Saves an article's sketch: its key-term blob and sentence blob (both
 * packed by the copies stage) and its credit line (may be NULL). */
int sl_store_sketch_put(sl_store *st, int64_t article_id, const void *keys, size_t keys_len,
                        const void *sentences, size_t len, const char *credit);

/* A stored article as the copy stage compares it. */
typedef struct sl_stored_sketch {
    sl_buf sentences;          /* the packed sketch (sl_sketch_pack) */
    sl_buf spans;              /* the article's sentence spans (sl_span array, unpacked) */
    sl_buf credit;             /* empty when none */
    int64_t day;               /* SL_NO_DAY when undated */
    int64_t story_id;
    sl_buf source;             /* the outlet; empty when none */
    sl_buf title;              /* the article's title; empty when none */
    /* Names this article's `sentences` bytes while a batch keeps its row
     * (sketch_memo.c): two rows of one article and one stamp have the
     * same bytes, so a reader may keep what it made of them by stamp;
     * 0 when not kept (outside a batch), which names nothing. */
    uint64_t stamp;
} sl_stored_sketch;

/* Reads article `id`'s sketch; SL_ENOTFOUND when it has none. */
int sl_store_sketch_get(sl_store *st, int64_t id, sl_stored_sketch *out);
/* Frees the buffers of a row sl_store_sketch_get filled. */
void sl_stored_sketch_free(sl_stored_sketch *row);
/* Calls fn for every stored sketch's keys in the form of schemas 7 to
 * 18 (u32 little-endian array): migration 8's. */
int sl_store_sketch_keys_each(sl_store *st,
                              int (*fn)(void *ctx, int64_t id, const void *keys, size_t len),
                              void *ctx);
/* copy_keys.c: the copy index on disk. Files article `id` under its key
 * codes (the sketch's, as packed in its sketch row), taking out the rows of
 * the sketch it had; call before sl_store_sketch_put. */
int sl_store_copy_keys_put(sl_store *st, int64_t id, const uint32_t *codes, uint32_t n);
/* For each of the n index keys `keys`, the at most `max` most recent
 * articles filed under it (highest ids first) into ids[k * max ...], each
 * with its number of keys, and their number into found[k]: one statement a
 * table for all the keys (`store`: the sl_store; sl_copy_key_source). */
int sl_store_copy_keys_recent(void *store, const uint32_t *keys, size_t n, size_t max,
                              uint32_t *ids, uint8_t *n_keys, size_t *found);
/* Calls fn for every article without a sketch (stores made before sketches). */
int sl_store_unsketched_each(sl_store *st, int (*fn)(void *ctx, int64_t id), void *ctx);
/* Migration 11: the sketches' sentence lists into their packed form. */
int sl_store_sketches_repack(sl_store *st);
/* Migration 19: the sketches' keys by their ranks among their codes. */
int sl_store_sketch_keys_rank(sl_store *st);
/* Migration 21: the sketches' codes sorted (sl_sketch_pack), their keys
 * ranked in that order. */
int sl_store_sketches_sort(sl_store *st);

/* ---- stories.c: stories, term statistics ---- */

int sl_store_story_new(sl_store *st, int64_t first_article, const char *title, int64_t day,
                       int64_t *id);
/* A story's new title (NULL: the old one kept) and title score. */
typedef struct sl_story_title {
    const char *title;
    double score;
} sl_story_title;
/* Adds an article to a story: counts, span of days, centroid, and, when
 * `title` is not NULL, what sl_store_story_retitle would write, by the same
 * statement; in a batch the row is written at its commit, once for all the
 * batch's articles of the story (story_rows.c). */
int sl_store_story_update(sl_store *st, int64_t story_id, const void *centroid, size_t len,
                          int64_t day, const sl_story_title *title);
/* Takes article `article_id` out of its current story's count (before a new
 * version is grouped); *story_id is that story (0: none). */
int sl_store_story_leave(sl_store *st, int64_t article_id, int64_t *story_id);
int sl_store_stories_list(sl_store *st, const char *since, sl_story_list **out);
int sl_store_story_get(sl_store *st, int64_t id, sl_story **out);
/* The ids of a story's articles, in id order, into `out` (emptied first). */
int sl_store_story_article_ids(sl_store *st, int64_t story_id, sl_id_vec *out);

/* story_terms.c: the grouper's index of stories by term on disk. A story's
 * rows follow its centroid (sl_store_story_update calls _put before it
 * writes the new centroid). `store` is the sl_store: the grouper takes
 * _recent and _state as callbacks (sl_story_source). */
int sl_store_story_terms_put(sl_store *st, int64_t story, const void *centroid, size_t len);
/* The at most `limit` most recent stories (highest ids first) whose
 * centroid holds `term`: ids[0 .. *n), and in weights[0 .. *n) each one's
 * centroid weight of the term (from schema 26; -1 before: read the story). */
int sl_store_story_terms_recent(void *store, uint64_t term, uint32_t limit, int64_t *ids,
                                float *weights, size_t *n);
/* The norm of story id's centroid as the grouper computes it, 0 when it
 * has no terms (story_norms.c). */
int sl_store_story_norm(void *store, int64_t id, double *norm);
/* Whether the store holds any story, term count, copy key (1) or none (0):
 * the engine reads none of a kind from a store that holds none. */
typedef struct sl_store_holds {
    int stories, terms, copy_keys;
} sl_store_holds;
int sl_store_held(sl_store *st, sl_store_holds *out);
/* Calls fn with story id's grouping state; nothing when there is no such story. */
int sl_store_story_state(void *store, int64_t id, int (*fn)(void *ctx, const sl_story_state *story),
                         void *ctx);
/* A new story's thread; a story's representative title (NULL: unchanged) and its score. */
int sl_store_story_thread(sl_store *st, int64_t story_id, int64_t thread_id);
/* Moves every story of thread `from` into thread `into`. */
int sl_store_threads_merge(sl_store *st, int64_t from, int64_t into);
/* Story `from` goes into story `into` (sl_grouper_take_story_merge): its
 * articles, its count and its span of days; `from` is left empty, without
 * centroid or terms (the caller writes into's centroid next). */
int sl_store_stories_merge(sl_store *st, int64_t from, int64_t into);
int sl_store_story_retitle(sl_store *st, int64_t story_id, const char *title, double score);

/* article_terms.c and story_split.c: a story split in two (docs/stories.md
 * "Stories that split"). Calls fn with each of the story's first `limit`
 * articles (by id) and the vector stored with it (sl_member_pack's form,
 * valid during the call; NULL, 0 when none). */
int sl_store_story_vectors(sl_store *st, int64_t story, int limit,
                           int (*fn)(void *ctx, int64_t article, const void *blob, size_t len),
                           void *ctx);
/* Deletes the vectors of the story's articles of `keep_below` terms or
 * more (at most SL_VECTOR_TERMS; a story past the split's last checkpoint
 * never reads a full report's again; a short text's stays for its
 * revisits). */
int sl_store_story_vectors_drop(sl_store *st, int64_t story, uint32_t keep_below);
/* Files the n articles in `story`. */
int sl_store_story_move(sl_store *st, const int64_t *articles, size_t n, int64_t story);
/* Sets a story's row (and its story_terms) from the grouper's state, its
 * first article and its title: its first titled article's, else
 * `fallback_title`. */
int sl_store_story_reset(sl_store *st, const sl_story_state *story, int64_t first_article,
                         const char *fallback_title);
/* A story revisited (docs/stories.md "Revisable large stories"), or one a
 * member moved to: its centroid (and story_terms), count, span of days and
 * the count it was last revisited at, from the grouper's state. */
int sl_store_story_revised(sl_store *st, const sl_story_state *story);
/* Why an article's grouping day is not its date ("undated", "date clamped";
 * NULL clears it, for a new version). */
int sl_store_article_flag(sl_store *st, int64_t article_id, const char *flag);
int sl_store_article_flag_get(sl_store *st, int64_t article_id, char **flag);
/* The stories of a thread (0: all), by thread then first day. */
int sl_store_thread_stories(sl_store *st, int64_t thread_id, sl_story_list **out);
/* Title, first `max_bytes` of text of up to `max_articles`
 * articles of a story (copies left out), with their language, in arrival
 * order. */
int sl_store_story_texts(sl_store *st, int64_t story_id, int max_bytes, int max_articles,
                         int (*fn)(void *ctx, const char *title, const char *text, const char *lang),
                         void *ctx);
/* Document frequencies of terms: read n (0 when a term is not stored;
 * `store` is the sl_store, so that the grouper can take it as a callback),
 * or add a batch's increments, n distinct terms, in one statement (just
 * before a commit: see terms.c). */
typedef struct sl_df_delta {
    uint64_t term;
    uint32_t increment;
} sl_df_delta;
int sl_store_df_get(void *store, const uint64_t *terms, size_t n, uint32_t *dfs);
int sl_store_df_add(sl_store *st, const sl_df_delta *deltas, size_t n);

/* ---- search.c ---- */
int sl_store_search(sl_store *st, const char *query, int limit, sl_search_hits **out);

/* ---- facts.c: extracted facts per article ---- */
/* Replaces the stored items of an article whose stored text is `text` (`len`
 * bytes; the items' words are read back from it where they are its text at
 * their span). SL_ENOMEM or SL_ESTORE on failure. */
int sl_store_facts_put(sl_store *st, int64_t article_id, const char *text, size_t len,
                       const sl_fact_item *items, size_t n);
/* The items of story `story` (when non-zero) or of article `article`, of
 * kind `kind` (-1: all), in article then text order; free with free() per
 * string and the array (sl_fact_items_free on a wrapping sl_fact_items). */
int sl_store_facts_get(sl_store *st, int64_t story, int64_t article, int kind,
                       sl_fact_item **out, size_t *n);
/* Calls fn with every stored item of kind `kind` (-1: all), in article and
 * text order, one at a time (memory stays flat); stops when fn returns non-zero. */
int sl_store_facts_each(sl_store *st, int kind, int (*fn)(void *ctx, const sl_fact_item *it),
                        void *ctx);

/* ---- story_pages.c: one page of the story listing (storyline serve) ---- */
/* Stories newest first as sl_store_stories_list orders them, since `since`
 * (ISO date or NULL), of thread `thread_id` (0: any), among the stories of
 * `story_ids` (a JSON array of ids, or NULL: all): `limit` of them from
 * `offset`, and in *total how many match. SL_EUSAGE for a bad date. */
int sl_store_stories_page(sl_store *st, const char *since, int64_t thread_id,
                          const char *story_ids, int offset, int limit, sl_story_list **out,
                          int64_t *total);

#endif
