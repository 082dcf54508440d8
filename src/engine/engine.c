/* engine.c — opening and closing the engine, its error message, and batches
 * (one store transaction each; the grouping state follows commit and
 * rollback). */
#include "engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/sort.h"

/* util/ names its own error codes; they pass up unchanged as the public ones. */
_Static_assert((int)SL_UTIL_ENOMEM == (int)SL_ENOMEM, "util and public out-of-memory codes differ");
_Static_assert((int)SL_UTIL_EIO == (int)SL_EIO, "util and public I/O codes differ");
_Static_assert((int)SL_UTIL_EBADINPUT == (int)SL_EBADINPUT, "util and public bad-input codes differ");
_Static_assert((int)SL_UTIL_ETOOLARGE == (int)SL_ETOOLARGE, "util and public too-large codes differ");
_Static_assert((int)SL_UTIL_EUSAGE == (int)SL_EUSAGE, "util and public usage codes differ");

const char *sl_version(void) { return SL_VERSION; }

int sl_seterr(sl_engine *e, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char line[1024];
    vsnprintf(line, sizeof line, fmt, ap);   /* before the clear: an argument may be sl_errmsg(e) */
    va_end(ap);
    sl_buf_clear(&e->errmsg);
    sl_buf_puts(&e->errmsg, line);
    return code;
}

int sl_seterr_store(sl_engine *e, const char *what)
{
    return sl_seterr(e, SL_ESTORE, "%s: store error: %s", what, sl_store_errmsg(e->store));
}

int sl_seterr_search(sl_engine *e, const char *query)
{
    const char *why = query[strspn(query, " \t")] ? sl_store_errmsg(e->store) : "no words to look for";
    return sl_seterr(e, SL_EUSAGE, "cannot search for \"%s\": %s", query, why);
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

/* In the order of the table's key (a signed rowid). */
#define DELTA_LESS(x, y) ((int64_t)(x).term < (int64_t)(y).term)
SL_SORT_DEFINE(static, sort_deltas, sl_df_delta, DELTA_LESS)

static int gather_df(void *ctx, uint64_t term, uint32_t inc)
{
    sl_engine *e = ctx;
    return sl_vec_push(&e->df_batch, ((sl_df_delta){term, inc})) ? SL_ENOMEM : 0;
}

/* Writes the term counts the grouper gathered since the last save, in
 * one statement (sl_store_df_add). */
static int save_df(sl_engine *e)
{
    e->df_batch.n = 0;
    int rc = sl_grouper_take_pending(e->grouper, gather_df, e);
    sort_deltas(e->df_batch.items, e->df_batch.n);
    if (!rc)
        rc = sl_store_df_add(e->store, e->df_batch.items, e->df_batch.n);
    e->df_batch.n = 0;
    return rc;
}

int sl_engine_load_grouper(sl_engine *e)
{
    e->grouper_stale = 0;
    sl_grouper_free(e->grouper);
    e->grouper = sl_grouper_new();
    if (!e->grouper)
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    sl_grouper_share_df(e->grouper, &e->terms);
    sl_grouper_set_granularity(e->grouper, e->granularity);
    sl_grouper_set_docs(e->grouper, (uint64_t)sl_store_article_count(e->store));
    /* Term counts and stories are read as articles need them
     * (sl_grouper_fetch_df, the story source), but the languages' counts
     * all at once (the collection's language). A store without stories
     * or term counts has none to read: all will be the grouper's own. */
    sl_store_holds held = {0};
    int rc = sl_store_held(e->store, &held);
    if (!rc && held.stories)
        sl_grouper_set_source(e->grouper, &(sl_story_source){e->store, sl_store_story_terms_recent,
                                                             sl_store_story_state,
                                                             sl_store_story_norm});
    if (held.terms)
        sl_grouper_set_df_source(e->grouper, sl_store_df_get, e->store);
    if (!rc)
        rc = sl_grouper_fetch_languages(e->grouper, sl_store_df_get, e->store);
    if (rc == SL_ENOMEM)
        return sl_seterr(e, rc, "out of memory loading stories");
    return rc ? sl_seterr_store(e, "loading stories") : 0;
}

int sl_process_init(void) { return sl_store_process_init(); }

int sl_engine_open(sl_engine **out, const char *db_path, const sl_options *opts)
{
    sl_engine *e = sl_calloc(1, sizeof *e);
    *out = e;
    if (!e)
        return SL_ENOMEM;
    xmlInitParser();
    e->read_only = opts ? opts->read_only : 0;
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
    e->read_only = sl_store_read_only(e->store);
    sl_count_pair(&e->terms);
    if (!e->read_only)
        sl_store_share_terms(e->store, &e->terms);
    /* A reader sees one snapshot from open to close: every command's reads
     * agree with one another even while an ingest commits. */
    if (e->read_only)
        return sl_store_begin_read(e->store) ? sl_seterr_store(e, "opening a snapshot") : 0;
    sl_stage_clock_init(&e->clock);
    e->analyzer = sl_analyzer_new();
    e->copies = sl_copy_state_new();
    if (!e->analyzer || !e->copies)
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    /* the chrome's word features share the analyser's memo of the same words */
    e->cleaned.words = sl_analyzer_words(e->analyzer);
    e->cleaned.words_lent = true;
    /* Read before loading: a commit in between makes the first batch reload. */
    if (sl_store_data_version(e->store, &e->data_version))
        return sl_seterr_store(e, "opening the store");
    return sl_engine_load_grouper(e);
}

int sl_engine_read_only(const sl_engine *e) { return e->read_only; }

int sl_engine_check_snapshot(sl_engine *e)
{
    if (!e->read_only)
        return 0;
    int rc = sl_store_check_unlocked(e->store);
    return rc ? sl_seterr(e, rc, "%s", sl_store_errmsg(e->store)) : 0;
}

void sl_engine_free(sl_engine *e)
{
    if (!e)
        return;
    if (e->store && !e->read_only && sl_store_in_transaction(e->store))
        sl_batch_commit(e);
    sl_store_close(e->store);
    sl_stage_clock_finish(&e->clock);
    sl_analyzer_free(e->analyzer);
    sl_grouper_free(e->grouper);
    sl_count_free(&e->terms); /* after the store and the grouper, which empty their columns */
    sl_copy_state_free(e->copies);
    sl_doc_free(&e->doc);
    sl_cleaned_free(&e->cleaned);
    sl_facts_vec_free(&e->facts);
    sl_buf_free(&e->scratch);
    sl_vec_free(&e->df_batch);
    sl_buf_free(&e->errmsg);
    free(e);
}

int sl_engine_reload_grouper(sl_engine *e)
{
    int rc = save_df(e);
    if (rc == SL_ENOMEM)
        return sl_seterr(e, rc, "out of memory saving term statistics");
    if (rc)
        return sl_seterr_store(e, "saving term statistics");
    return sl_engine_load_grouper(e);
}

/* Two writers serialise per batch: BEGIN IMMEDIATE holds the write lock
 * until commit, and every decision (copies, stories) is made inside it on
 * state read inside it. What the engine holds in memory was read before:
 * when another connection committed since (PRAGMA data_version moved), it
 * is read again. The result is that of the batches run one after another. */
int sl_engine_begin(sl_engine *e)
{
    int64_t version = 0;
    if (sl_store_begin(e->store))
        return sl_seterr_store(e, "begin batch");
    if (sl_store_data_version(e->store, &version)) {
        int rc = sl_seterr_store(e, "begin batch");
        sl_store_rollback(e->store);
        return rc;
    }
    if (version == e->data_version)
        return 0;
    e->data_version = version;
    sl_copy_state_forget(e->copies);
    return sl_engine_load_grouper(e);
}

/* Rolls the batch back and reloads what the engine holds in memory (the
 * grouping state and copy index saw articles that are now gone). After a
 * failure, `cause` keeps its message (a full disk, say): a failed rollback
 * does not replace it. */
static int undo(sl_engine *e, int cause)
{
    int rc = sl_store_rollback(e->store);
    if (rc && !cause)
        sl_seterr_store(e, "rollback");
    sl_copy_state_forget(e->copies);
    /* The version is read first: a commit during the load makes the next batch reload. */
    int lrc = sl_store_data_version(e->store, &e->data_version) ? SL_ESTORE : 0;
    if (!lrc)
        lrc = sl_engine_load_grouper(e);
    return rc ? SL_ESTORE : lrc;
}

int sl_engine_abort(sl_engine *e)
{
    return undo(e, 1);
}

int sl_batch_commit(sl_engine *e)
{
    if (!sl_store_in_transaction(e->store))
        return 0;
    sl_stage_start(&e->clock);
    int rc = save_df(e);
    if (!rc)
        rc = sl_store_commit(e->store);
    sl_stage_stop(&e->clock, SL_STAGE_STORE);
    if (rc) {
        /* The cause (a full disk, say) is the message; the rollback's own
         * outcome does not replace it. */
        rc = sl_seterr_store(e, "commit batch");
        undo(e, 1);
        return rc;
    }
    return 0;
}

int sl_batch_rollback(sl_engine *e)
{
    return undo(e, 0);
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
