/* stories_features.c — prints the join decision's features of each
 * (article, candidate story) pair the grouper weighs, for fitting its
 * weights (eval/fit_stories.py), and the inputs of its thread decisions,
 * for replaying them under other rules (eval/fit_threads.py); not part of
 * the library. The articles of a JSONL file are ingested into STORE as
 * `storyline ingest` does.
 *
 *   build/stories-features STORE FILE.jsonl [GRANULARITY]
 *   -> per pair: "C STORY f1 ... fn" (tab-separated), the thread lines of
 *      src/stories/thread_trace.c ("T", "A", "R", "S"), then after each
 *      article "= N NAME" (N: articles stored so far; the lines above it
 *      are that article's) */
#include <stdio.h>
#include <stdlib.h>

#include "engine/engine.h"
#include "storyline.h"

static void progress(void *ctx, const char *name, uint64_t articles, uint64_t bytes)
{
    sl_engine *e = ctx;
    (void)bytes;
    printf("= %llu %s\n", (unsigned long long)articles, name);
    sl_grouper_set_trace(e->grouper, stdout); /* again, should a reload have replaced it */
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: stories-features STORE FILE.jsonl [GRANULARITY]\n", stderr);
        return 2;
    }
    sl_engine *e = NULL;
    if (sl_engine_open(&e, argv[1], NULL)) {
        fprintf(stderr, "stories-features: %s\n", e ? sl_errmsg(e) : "out of memory");
        sl_engine_free(e);
        return 1;
    }
    if (argc > 3)
        sl_stories_set_granularity(e, atof(argv[3]));
    sl_grouper_set_trace(e->grouper, stdout);
    sl_ingest_options opts = {.on_progress = progress, .ctx = e};
    sl_ingest_report report = {0};
    int rc = sl_ingest_path(e, argv[2], &opts, &report);
    if (rc && rc != SL_EBADINPUT)
        fprintf(stderr, "stories-features: %s\n", sl_errmsg(e));
    sl_engine_free(e);
    return rc && rc != SL_EBADINPUT;
}
