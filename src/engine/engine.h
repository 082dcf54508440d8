/* engine.h — the engine handle shared by the files of src/ that implement the
 * public API: the store, the analysers and the grouping state, the error
 * message, and the batch in progress. */
#ifndef SL_ENGINE_H
#define SL_ENGINE_H

#include "copies/copies.h"
#include "doc/doc.h"
#include "engine/stage_clock.h"
#include "facts/facts.h"
#include "ingest/ingest.h"
#include "stories/stories.h"
#include "store/store.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/json_out.h"
#include "util/vec.h"

#define SL_DEFAULT_BATCH 500

typedef struct sl_copy_state sl_copy_state;

struct sl_engine {
    sl_store *store;
    sl_analyzer *analyzer;
    sl_grouper *grouper;
    /* The terms met, in one map of two columns: the grouper's document
     * frequencies (0) and the store dictionary's ids (1); a writer's. */
    sl_count_map terms;
    sl_copy_state *copies;
    double granularity;      /* the grouper's, kept across reloads (1 = default) */
    int read_only;
    int batch_size;
    int grouper_stale;       /* stories changed in the store behind the grouper */
    int64_t data_version;    /* the store's PRAGMA data_version the memory state matches */
    sl_buf errmsg;
    /* Memory reused from article to article: the analysed article the
     * pipeline resets and hands to each stage, what chrome removal took
     * out of it, and a scratch buffer for messages and lookups. */
    sl_doc doc;
    sl_cleaned cleaned;
    sl_fact_vec facts;       /* the facts stage's items; its room kept from article to article */
    sl_buf scratch;
    SL_VEC(sl_df_delta) df_batch; /* the batch's term counts, gathered to be written at once */
    sl_stage_clock clock;    /* time per stage, when SL_STAGE_TIMES is set */
};

/* Sets the handle's message ("" resets it) and returns `code`. */
int sl_seterr(sl_engine *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The same, with the store's own reason appended. */
int sl_seterr_store(sl_engine *e, const char *what);
/* A search the store refused (SL_EUSAGE): the query holds no word, or FTS5
 * rejects it (its reason appended). */
int sl_seterr_search(sl_engine *e, const char *query);

/* Starts the grouping state afresh: it reads term counts and stories from
 * the store as articles need them (the languages' counts at once). */
int sl_engine_load_grouper(sl_engine *e);
/* The same, keeping the term counts of the batch in progress (saved first). */
int sl_engine_reload_grouper(sl_engine *e);
/* Begins a write transaction for a batch, and reloads what the engine holds
 * in memory when another process has written since it was loaded. */
int sl_engine_begin(sl_engine *e);
/* Rolls back the batch after a failure, keeping the failure's message. */
int sl_engine_abort(sl_engine *e);

/* ---- copy_check.c: the copies stage inside ingest ---- */

/* A copy relation found for the article being ingested. */
typedef struct sl_copy_found {
    int64_t other;           /* the stored article */
    int64_t other_story;
    sl_copy_kind kind;       /* as said of the copy */
    double score;
    bool new_is_copy;        /* else the stored article is the copy */
    bool same_origin;
    sl_buf evidence;         /* sl_copy_row.evidence lines */
    sl_buf other_credit;     /* the stored article's credit, when it is the copy */
} sl_copy_found;

sl_copy_state *sl_copy_state_new(void);
void sl_copy_state_free(sl_copy_state *cs);
/* Drops the in-memory index (after a rollback); it is rebuilt when next needed. */
void sl_copy_state_forget(sl_copy_state *cs);
/* Loads the copy index from the store if not loaded yet (every stored
 * article has a sketch: src/store/migrate.c backfills old stores). */
/* story_split.c: when story has grown to a checkpoint size, splits it in
 * two if its articles fall into two groups (docs/stories.md "Stories that
 * split"); *article_story is then the story `article` is in. */
int sl_story_split_check(sl_engine *e, int64_t story, int64_t article, int64_t *article_story);
/* story_revisit.c: when story is due to be revisited, places its short
 * members again and, for a story of headlines, merges it with a near
 * neighbour (docs/stories.md "Revisable large stories"); *article_story is
 * then the story `article` is in. */
int sl_story_revisit_check(sl_engine *e, int64_t story, int64_t article, int64_t *article_story);

/* sketch_cache.c: stored sketches as unpacked, by article id. */
typedef struct sl_sketch_cache sl_sketch_cache;
sl_sketch_cache *sl_sketch_cache_new(void);
void sl_sketch_cache_free(sl_sketch_cache *c);
/* Article id's sketch from its stored bytes (sl_sketch_unpack's errors),
 * borrowed until the next call: the one unpacked before when the id and
 * the bytes' stamp (sl_stored_sketch; 0: none, always unpacked) are the
 * same. */
int sl_sketch_cache_unpack(sl_sketch_cache *c, int64_t id, uint64_t stamp, const void *blob,
                           size_t len, const sl_sketch **out);

int sl_copy_check_prepare(sl_engine *e);
/* Sketches the analysed article, and finds its credit line in its
 * normalised text, before page chrome was taken out (a credit line may
 * stand alone, like chrome), or else in its clean text. */
int sl_copy_check_sketch(sl_engine *e, const sl_doc *doc);
/* Whether two outlet names name one outlet (both named, ASCII case aside):
 * story_sources.c's rule, which the copies stage's follow-up rule shares. */
bool sl_same_outlet(const char *a, const char *b);
/* Compares the sketched article `doc` (from outlet `source` or NULL; its
 * date and headline read too; `self` its own id when it is a new version,
 * else 0) with the candidates the index proposes. */
int sl_copy_check_find(sl_engine *e, const sl_doc *doc, const char *source, int64_t self);
/* The relation found with the highest score, NULL when none. */
const sl_copy_found *sl_copy_check_best(const sl_engine *e);
/* Saves the relations found for the article now stored as `id`. */
int sl_copy_check_record(sl_engine *e, int64_t id);
/* For an exact copy of stored article `original`: its story (0 when
 * unknown); no comparison is made. */
int sl_copy_check_original(sl_engine *e, int64_t original, int64_t *story);
/* Saves an exact-copy relation between `id` and `original`. */
int sl_copy_check_exact(sl_engine *e, int64_t id, int64_t original, int64_t day);
/* Saves the sketch as article `id`'s and files it in the index. */
int sl_copy_check_save(sl_engine *e, int64_t id);

/* Writes the keys entities, quotes, numbers, dates and facts into the open
 * object: of story `story`, or of the whole store when it is 0. */
int sl_facts_json_export(sl_engine *e, sl_json *j, int64_t story);

/* The pipeline for one record (src/engine/pipeline.c). */
int sl_pipeline_ingest(sl_engine *e, const sl_article_input *in, sl_ingest_result *res);

/* An HTML input's page extracted ahead of the pipeline (on a Dask worker,
 * records.c), with the input's source hash: the pipeline then takes the
 * page as it is and does not need the HTML. */
typedef struct sl_pre_extracted {
    int64_t source_hash;      /* sl_pipeline_source_hash of the input as read */
    int rc;                   /* sl_html_extract's result; 0 when `page` holds the page */
    const char *why;          /* the reason when rc != 0 */
    sl_extracted page;        /* title, text, published (the fields the pipeline reads) */
} sl_pre_extracted;

/* The same with `pre` given (may be NULL: sl_pipeline_ingest). */
int sl_pipeline_ingest_extracted(sl_engine *e, const sl_article_input *in,
                                 const sl_pre_extracted *pre, sl_ingest_result *res);
/* The hash of the input as given, before any cleaning (re-ingests are told by it). */
int64_t sl_pipeline_source_hash(const sl_article_input *in);

/* ---- inputs.c: the inputs of a path, and inputs replayed ---- */

/* One input as a walk of sl_ingest_path meets it: an article input, or a
 * failure (an unreadable file, a bad JSONL line) at its place in the walk. */
typedef struct sl_input_item {
    sl_article_input in;
    const char *name;              /* FILE, FILE:LINE, FILE#N (URI), as in messages */
    const char *failure;           /* why it failed, or NULL for an input */
    const sl_pre_extracted *pre;   /* its page extracted ahead, or NULL */
} sl_input_item;

/* Receives the items of a walk in order; a non-zero return stops the walk
 * and is returned by sl_inputs_each. */
typedef int (*sl_input_fn)(void *ctx, const sl_input_item *item);

/* Walks `path` as sl_ingest_path does (same order, same names, the same
 * defaults from `opts` applied) and hands each item to `fn` instead of the
 * pipeline. Nothing is stored; the store is not touched. */
int sl_inputs_each(sl_engine *e, const char *path, const sl_ingest_options *opts, sl_input_fn fn,
                   void *ctx);
/* Ingests the items `next` gives (1: an item in *item, 0: no more, < 0: an
 * error, returned) as sl_ingest_path ingests its walk: in batches, failures
 * reported through opts->on_error, the last batch committed. */
int sl_inputs_replay(sl_engine *e, const sl_ingest_options *opts, sl_ingest_report *report,
                     int (*next)(void *ctx, sl_input_item *item), void *ctx);

#endif
