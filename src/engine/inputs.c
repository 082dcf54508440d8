/* inputs.c — files, folders and buffers into articles: one ingest call's
 * run, its options checked, its inputs (one for a text or HTML file, one per
 * JSONL line, JSON element, WARC response or feed item: input_walk.c,
 * input_files.c, input_records.c, input_feeds.c read them) fed to the
 * pipeline in batches of one transaction each. A bad file or record is
 * reported and skipped; a store failure stops the run with the current batch
 * rolled back. The same walk can hand its inputs to another consumer instead
 * (sl_inputs_each: the map of a Dask run, records.c), and inputs made
 * elsewhere are replayed in batches alike (sl_inputs_replay: its merge). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "util/date.h"
#include "util/error.h"
#include "util/path.h"

/* An input failed: counted, told to the caller, and the engine's message
 * (the run returns SL_EBADINPUT, which sl_errmsg explains by the last one). */
void sl_run_fail(run *r, const char *name, const char *reason)
{
    r->report->failed++;
    r->bad = 1;
    if (r->each)
        r->each(r->each_ctx, &(sl_input_item){.name = name, .failure = reason});
    else if (r->opts && r->opts->on_error)
        r->opts->on_error(r->opts->ctx, name, reason);
    sl_seterr(r->e, SL_EBADINPUT, "%s: %s", name, reason);   /* last: `reason` may be sl_errmsg */
}

static int batch_step(run *r)
{
    if (!sl_store_in_transaction(r->e->store)) {
        int rc = sl_engine_begin(r->e);
        if (rc)
            return rc;
        r->in_batch = 0;
    }
    return 0;
}

/* The report counts articles once their batch is committed. */
static void count_committed(run *r)
{
    sl_ingest_report *rep = r->report, *b = &r->batch;
    rep->articles_new += b->articles_new;
    rep->articles_unchanged += b->articles_unchanged;
    rep->articles_versioned += b->articles_versioned;
    rep->articles_updated += b->articles_updated;
    rep->bad_bytes += b->bad_bytes;
    rep->removed_lines += b->removed_lines;
    memset(b, 0, sizeof *b);
}

static int batch_done(run *r, int force)
{
    if (!force && ++r->in_batch < r->e->batch_size)
        return 0;
    r->in_batch = 0;
    int rc = sl_batch_commit(r->e);
    if (rc)
        memset(&r->batch, 0, sizeof r->batch);
    else
        count_committed(r);
    return rc;
}

/* Ingests one article; input errors are reported, store errors returned. */
int sl_run_one(run *r, sl_article_input *in, const char *name)
{
    const sl_ingest_options *o = r->opts;
    if (o)
        in->default_source = o->source;
    if (o && !in->published)
        in->published = o->published;
    if (r->each)
        return r->each(r->each_ctx, &(sl_input_item){.in = *in, .name = name});
    int rc = batch_step(r);
    if (rc)
        return rc;
    sl_ingest_result res;
    rc = sl_pipeline_ingest_extracted(r->e, in, r->pre, &res);
    if (rc == SL_EBADINPUT || rc == SL_ETOOLARGE || rc == SL_EUSAGE) {
        sl_run_fail(r, name, sl_errmsg(r->e));
        return 0;
    }
    if (rc)
        return rc;
    sl_ingest_report *b = &r->batch;
    b->articles_new += res.outcome == SL_INGEST_NEW;
    b->articles_unchanged += res.outcome == SL_INGEST_UNCHANGED;
    b->articles_versioned += res.outcome == SL_INGEST_NEW_VERSION;
    b->articles_updated += res.outcome == SL_INGEST_UPDATED;
    b->bad_bytes += res.bad_bytes;
    b->removed_lines += res.removed_lines;
    if (o && o->on_progress) {
        const sl_ingest_report *rep = r->report;
        o->on_progress(o->ctx, name,
                       rep->articles_new + rep->articles_unchanged + rep->articles_versioned +
                           rep->articles_updated + b->articles_new + b->articles_unchanged +
                           b->articles_versioned + b->articles_updated,
                       rep->bytes);
    }
    return batch_done(r, 0);
}

/* Runs `body` and then commits what is left, or rolls back on a store error. */
static int finish(run *r, int rc)
{
    if (rc) {
        sl_engine_abort(r->e);
        return rc;
    }
    if ((rc = batch_done(r, 1)))
        return rc;
    return r->bad ? SL_EBADINPUT : 0;
}

/* Options a whole run depends on are checked before anything is read. */
static int check_options(sl_engine *e, const sl_ingest_options *opts)
{
    if (e->read_only)
        return sl_seterr(e, SL_EUSAGE, "the store was opened read-only");
    if (opts && opts->published && sl_date_day(opts->published) == SL_NO_DAY)
        return sl_seterr(e, SL_EUSAGE, "\"%s\" is not an ISO-8601 date (YYYY-MM-DD)",
                         opts->published);
    return 0;
}

/* Why a reader of one text refuses an input of format `f`, or NULL. */
static const char *refusal_of(sl_format f)
{
    switch (f) {
    case SL_FORMAT_EMPTY: return "empty";
    case SL_FORMAT_BINARY: return "binary data, not text";
    case SL_FORMAT_FEED:
    case SL_FORMAT_JSON:
    case SL_FORMAT_JSONL: return "a feed, JSON or JSONL file holds many articles: use ingest";
    case SL_FORMAT_TEXT:
    case SL_FORMAT_HTML: break;
    }
    return NULL;
}

const char *sl_input_refused(const char *data, size_t len)
{
    return refusal_of(sl_format_detect(data, len));
}

/* One detection for both: it reads every byte of a text file, 3.5 M
 * instructions a time on `facts --text` of the first 1,000 Reuters stories
 * as text files (docs/history/benchmarks-rounds.md, "Twenty-ninth round", branch speed30). */
int sl_input_read(const char *data, size_t len, sl_page *out, const char **refused)
{
    sl_format f = sl_format_detect(data, len);
    *refused = refusal_of(f);
    if (*refused) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    return sl_input_article_as(f, data, len, out);
}

/* The run of one ingest call: its options checked (0, or the error
 * set), its report the caller's or, without one, `local`. */
static int start_run(run *r, sl_engine *e, const sl_ingest_options *opts,
                     sl_ingest_report *report, sl_ingest_report *local)
{
    *local = (sl_ingest_report){0};
    *r = (run){.e = e, .opts = opts, .report = report ? report : local};
    return check_options(e, opts);
}

int sl_ingest_path(sl_engine *e, const char *path, const sl_ingest_options *opts,
                   sl_ingest_report *report)
{
    sl_ingest_report local;
    run r;
    int rc = start_run(&r, e, opts, report, &local);
    if (rc)
        return rc;
    rc = finish(&r, sl_run_tree(&r, path, 0));
    free(r.root);
    return rc;
}

int sl_ingest_buffer(sl_engine *e, const char *data, size_t len, const char *name,
                     const sl_ingest_options *opts, sl_ingest_report *report)
{
    sl_ingest_report local;
    run r;
    int rc = start_run(&r, e, opts, report, &local);
    if (rc)
        return rc;
    if (len > SL_INPUT_MAX) {   /* the cap of a file read whole holds for a buffer too */
        char why[64];
        snprintf(why, sizeof why, SL_OVER_CAP_FMT, SL_INPUT_MAX >> 20);
        sl_run_fail(&r, name ? name : "-", why);
        return finish(&r, 0);
    }
    return finish(&r, sl_run_data(&r, data, len, name ? name : "-", NULL));
}

int sl_ingest_urls(sl_engine *e, const char *const *urls, size_t n, const sl_ingest_options *opts,
                   sl_ingest_report *report)
{
    sl_ingest_report local;
    run r;
    int rc = start_run(&r, e, opts, report, &local);
    if (rc)
        return rc;
    return finish(&r, sl_run_urls(&r, urls, n));
}

int sl_inputs_each(sl_engine *e, const char *path, const sl_ingest_options *opts, sl_input_fn fn,
                   void *ctx)
{
    sl_ingest_report local = {0};
    run r = {.e = e, .opts = opts, .report = &local, .each = fn, .each_ctx = ctx};
    int rc = check_options(e, opts);
    /* The map reads its input once to count it and again for each range: a
     * stream's second reading found it spent, its items lost (read30). */
    if (!rc && sl_path_is_stream(path))
        rc = sl_seterr(e, SL_EUSAGE, "%s: a stream is read once; records want a file or a folder", path);
    if (!rc)
        rc = sl_run_tree(&r, path, 0);
    free(r.root);
    return rc;
}

int sl_inputs_replay(sl_engine *e, const sl_ingest_options *opts, sl_ingest_report *report,
                     int (*next)(void *ctx, sl_input_item *item), void *ctx)
{
    sl_ingest_report local;
    run r;
    int rc = start_run(&r, e, opts, report, &local);
    if (rc)
        return rc;
    sl_input_item item;
    while (!rc && (rc = next(ctx, &item)) > 0) {
        rc = 0;
        r.pre = item.pre;
        if (item.failure)
            sl_run_fail(&r, item.name, item.failure);
        else
            rc = sl_run_one(&r, &item.in, item.name);
    }
    return finish(&r, rc);
}
