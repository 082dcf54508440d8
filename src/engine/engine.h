/* engine.h — the engine handle shared by the files of src/ that implement the
 * public API: the store, the analysers and the grouping state, the error
 * message, and the batch in progress. */
#ifndef SL_ENGINE_H
#define SL_ENGINE_H

#include "copies/copies.h"
#include "doc/doc.h"
#include "engine/stage_clock.h"
#include "ingest/ingest.h"
#include "stories/stories.h"
#include "store/store.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/json_out.h"

#define SL_DEFAULT_BATCH 500

typedef struct sl_copy_state sl_copy_state;

struct sl_engine {
    sl_store *store;
    sl_analyzer *analyzer;
    sl_grouper *grouper;
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
    sl_buf scratch;
    sl_stage_clock clock;    /* time per stage, when SL_STAGE_TIMES is set */
};

/* Sets the handle's message ("" resets it) and returns `code`. */
int sl_seterr(sl_engine *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The same, with the store's own reason appended. */
int sl_seterr_store(sl_engine *e, const char *what);

/* Loads the grouping state (document frequencies, story centroids) from the store. */
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
int sl_copy_check_prepare(sl_engine *e);
/* Sketches the analysed article, and finds its credit line in its
 * normalised text, before page chrome was taken out (a credit line may
 * stand alone, like chrome), or else in its clean text. */
int sl_copy_check_sketch(sl_engine *e, const sl_doc *doc);
/* Compares the sketched article (dated `day`; `self` its own id when it is a
 * new version, else 0) with the candidates the index proposes. */
int sl_copy_check_find(sl_engine *e, int64_t day, int64_t self);
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

#endif
