/* inputs.h — one ingest call's run (internal to src/engine): what inputs.c
 * starts and finishes, and the readers of its inputs share: the files of a
 * folder walk (input_walk.c), a file's bytes (input_files.c), their format
 * (input_records.c) and feeds and fetched pages (input_feeds.c). */
#ifndef SL_ENGINE_INPUTS_H
#define SL_ENGINE_INPUTS_H

#include "engine.h"
#include "util/lines.h"

typedef struct run {
    sl_engine *e;
    const sl_ingest_options *opts;
    sl_ingest_report *report;
    sl_ingest_report batch; /* the article counts of the batch in progress */
    int in_batch;          /* articles since the batch began */
    int bad;               /* some input failed */
    char *root;            /* the walked folder, resolved: links must stay inside */
    sl_input_fn each;      /* sl_inputs_each: items go here, not to the pipeline */
    void *each_ctx;
    const sl_pre_extracted *pre; /* sl_inputs_replay: the current input's page */
} run;

/* An input failed: counted, told to the caller, and the engine's message
 * (the run returns SL_EBADINPUT, which sl_errmsg explains by the last one). */
void sl_run_fail(run *r, const char *name, const char *reason);
/* Ingests one article; input errors are reported, store errors returned. */
int sl_run_one(run *r, sl_article_input *in, const char *name);

/* A path: a file, a stream, or a folder walked (depth 0 for the path given). */
int sl_run_tree(run *r, const char *path, int depth);
/* A file, or a stream (sl_path_is_stream: "-", a pipe), in any format. */
int sl_run_file(run *r, const char *path);
/* Bytes read whole, by their format: `name` for messages, `path` the file's
 * (NULL for a buffer). */
int sl_run_data(run *r, const char *data, size_t len, const char *name, const char *path);
/* The records of JSONL lines, each named FILE:LINE. */
int sl_run_lines(run *r, sl_lines *lines, const char *name, const char *path);
/* A feed's items; their links are fetched only when `may_fetch`. */
int sl_run_feed(run *r, const char *data, size_t len, const char *name, int may_fetch);
/* The pages of `urls`, fetched and ingested. */
int sl_run_urls(run *r, const char *const *urls, size_t n);

#endif
