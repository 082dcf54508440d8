/* engine.h — the engine handle shared by the files of src/ that implement the
 * public API: the store, the analysers and the grouping state, the error
 * message, and the batch in progress. */
#ifndef SL_ENGINE_H
#define SL_ENGINE_H

#include "ingest/ingest.h"
#include "stories/stories.h"
#include "store/store.h"
#include "text/text.h"
#include "util/buf.h"

#define SL_DEFAULT_BATCH 500

struct sl_engine {
    sl_store *store;
    sl_analyzer *analyzer;
    sl_grouper *grouper;
    double granularity;      /* the grouper's, kept across reloads (1 = default) */
    int read_only;
    int batch_size;
    int explicit_batch;      /* inside sl_batch_begin / commit */
    sl_buf errmsg;
    /* Scratch reused from article to article. */
    sl_buf raw, normalized, identity, scratch;
    sl_cleaned cleaned;
    sl_analysis body, title;
};

/* Sets the handle's message ("" resets it) and returns `code`. */
int sl_seterr(sl_engine *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The same, with the store's own reason appended. */
int sl_seterr_store(sl_engine *e, const char *what);

/* Loads the grouping state (document frequencies, story centroids) from the store. */
int sl_engine_load_grouper(sl_engine *e);

/* The pipeline for one record (src/pipeline.c). */
int sl_pipeline_ingest(sl_engine *e, const sl_article_input *in, sl_ingest_result *res);

#endif
