/* engine.c — opening and closing the engine, its error message, and batches
 * (one store transaction each; the grouping state follows commit and
 * rollback). */
#include "engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "util/error.h"

/* util/ names its own error codes; they pass up unchanged as the public ones. */
_Static_assert((int)SL_UTIL_ENOMEM == (int)SL_ENOMEM, "util and public out-of-memory codes differ");
_Static_assert((int)SL_UTIL_EIO == (int)SL_EIO, "util and public I/O codes differ");
_Static_assert((int)SL_UTIL_ETOOLARGE == (int)SL_ETOOLARGE, "util and public too-large codes differ");
_Static_assert((int)SL_UTIL_EUSAGE == (int)SL_EUSAGE, "util and public usage codes differ");

const char *sl_version(void) { return SL_VERSION; }

int sl_seterr(sl_engine *e, int code, const char *fmt, ...)
{
    sl_buf_clear(&e->errmsg);
    va_list ap;
    va_start(ap, fmt);
    char line[1024];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sl_buf_puts(&e->errmsg, line);
    return code;
}

int sl_seterr_store(sl_engine *e, const char *what)
{
    return sl_seterr(e, SL_ESTORE, "%s: store error: %s", what, sl_store_errmsg(e->store));
}

const char *sl_errmsg(const sl_engine *e) { return e ? sl_buf_cstr(&e->errmsg) : "no engine"; }

const char *sl_strerror(int code)
{
    switch (code) {
    case SL_OK: return "success";
    case SL_ENOMEM: return "out of memory";
    case SL_EIO: return "input/output error";
    case SL_EBADINPUT: return "bad input";
    case SL_ENOTFOUND: return "not found";
    case SL_ETOOLARGE: return "input too large";
    case SL_ESTORE: return "store error";
    case SL_EUSAGE: return "invalid argument";
    default: return "unknown error";
    }
}

int sl_engine_load_grouper(sl_engine *e)
{
    sl_grouper_free(e->grouper);
    e->grouper = sl_grouper_new();
    if (!e->grouper)
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    sl_grouper_set_granularity(e->grouper, e->granularity);
    sl_grouper_set_docs(e->grouper, (uint64_t)sl_store_article_count(e->store));
    int rc = sl_store_df_each(e->store, sl_grouper_load_df, e->grouper);
    if (!rc)
        rc = sl_store_stories_each(e->store, sl_grouper_load_story, e->grouper);
    if (rc == SL_ENOMEM)
        return sl_seterr(e, rc, "out of memory loading stories");
    return rc ? sl_seterr_store(e, "loading stories") : 0;
}

int sl_engine_open(sl_engine **out, const char *db_path, const sl_options *opts)
{
    sl_engine *e = calloc(1, sizeof *e);
    *out = e;
    if (!e)
        return SL_ENOMEM;
    xmlInitParser();
    e->read_only = opts && opts->read_only;
    e->granularity = 1.0;
    e->batch_size = opts && opts->batch_size > 0 ? opts->batch_size : SL_DEFAULT_BATCH;
    sl_buf why = SL_BUF_INIT;
    int rc = sl_store_open(&e->store, db_path, e->read_only, &why);
    if (rc) {
        sl_seterr(e, rc, "%s", sl_buf_cstr(&why));
        sl_buf_free(&why);
        return rc;
    }
    sl_buf_free(&why);
    if (e->read_only)
        return 0;
    sl_stage_clock_init(&e->clock);
    e->analyzer = sl_analyzer_new();
    e->copies = sl_copy_state_new();
    if (!e->analyzer || !e->copies)
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    return sl_engine_load_grouper(e);
}

void sl_engine_free(sl_engine *e)
{
    if (!e)
        return;
    if (e->store && sl_store_in_transaction(e->store))
        sl_batch_commit(e);
    sl_store_close(e->store);
    sl_stage_clock_finish(&e->clock);
    sl_analyzer_free(e->analyzer);
    sl_grouper_free(e->grouper);
    sl_copy_state_free(e->copies);
    sl_doc_free(&e->doc);
    sl_cleaned_free(&e->cleaned);
    sl_buf_free(&e->scratch);
    sl_buf_free(&e->errmsg);
    free(e);
}

static int save_df(void *ctx, uint64_t term, uint32_t inc)
{
    return sl_store_df_add(ctx, term, inc);
}

int sl_batch_commit(sl_engine *e)
{
    if (!sl_store_in_transaction(e->store))
        return 0;
    sl_stage_start(&e->clock);
    int rc = sl_grouper_take_pending(e->grouper, save_df, e->store);
    if (rc) {
        sl_batch_rollback(e);
        return sl_seterr_store(e, "saving term statistics");
    }
    rc = sl_store_commit(e->store);
    sl_stage_stop(&e->clock, SL_STAGE_STORE);
    if (rc) {
        rc = sl_seterr_store(e, "commit batch");
        sl_batch_rollback(e);
        return rc;
    }
    return 0;
}

int sl_batch_rollback(sl_engine *e)
{
    int rc = sl_store_rollback(e->store);
    /* The in-memory grouping state saw articles that are now gone: reload it. */
    sl_copy_state_forget(e->copies);   /* the index held rolled-back articles */
    int lrc = sl_engine_load_grouper(e);
    return rc ? sl_seterr_store(e, "rollback") : lrc;
}

int sl_store_check(sl_engine *e)
{
    sl_buf why = SL_BUF_INIT;
    int rc = sl_store_verify(e->store, &why);
    if (rc)
        sl_seterr(e, rc, "%s", sl_buf_cstr(&why));
    sl_buf_free(&why);
    return rc;
}
