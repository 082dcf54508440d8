/* inputs.c — files, folders and buffers into articles: reads each file,
 * recognises its format by content, turns it into article inputs (one for a
 * text or HTML file, one per JSONL line, JSON element, WARC response or
 * feed item; gzip is undone first), and feeds them to the pipeline in
 * batches of one transaction each. A folder walk stays inside the folder
 * (links out of it are not followed) and leaves out hidden and documentation
 * files. A bad file or record is reported and skipped; a store failure stops
 * the run with the current batch rolled back. The same walk can hand its
 * inputs to another consumer instead (sl_inputs_each: the map of a Dask run,
 * records.c), and inputs made elsewhere are replayed in batches alike
 * (sl_inputs_replay: its merge). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "engine.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/gzfile.h"
#include "util/lines.h"
#include "util/path.h"

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
static void fail(run *r, const char *name, const char *reason)
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
static int one(run *r, sl_article_input *in, const char *name)
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
        fail(r, name, sl_errmsg(r->e));
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

/* A record read (bad 0) or refused (SL_EBADINPUT, `why` says why), named
 * `where`: ingested, or reported. */
static int one_record(run *r, sl_record *rec, int bad, const sl_buf *where, const sl_buf *why, const char *name,
                      const char *path)
{
    if (bad == SL_ENOMEM || where->err)
        return sl_seterr(r->e, SL_ENOMEM, "%s: out of memory", name);
    if (bad) {
        fail(r, where->ptr, sl_buf_cstr(why));
        return 0;
    }
    sl_article_input in = {
        .text = rec->text, .text_len = rec->text_len, .html = rec->html, .html_len = rec->html_len,
        .title = rec->title, .url = rec->url, .source = rec->source, .published = rec->published,
        .key = rec->key, .path = path, .in_file = 1,
    };
    int rc = one(r, &in, where->ptr);
    sl_record_clear(rec);
    return rc;
}

/* A read that failed between a file's lines, or the file's cap reached:
 * the lines before it were ingested, as those of a file cut short are.
 * The reason is the failed read's own, kept by the reader: errno now is
 * whatever the ingest of those lines left. */
static int lines_failed(run *r, const sl_lines *lines, int code, const char *name)
{
    char why[96];
    if (code == SL_ENOMEM)
        return sl_seterr(r->e, SL_ENOMEM, "%s: out of memory", name);
    if (code == SL_ETOOLARGE)
        snprintf(why, sizeof why, SL_OVER_CAP_FMT, SL_INPUT_MAX >> 20);
    else
        snprintf(why, sizeof why, "read error: %s", strerror(lines->read_errno));
    fail(r, name, why);
    return 0;
}

/* The records of JSONL lines, each named FILE:LINE; white lines are
 * skipped, and every byte read counts for the progress line's MB. */
static int ingest_lines(run *r, sl_lines *lines, const char *name, const char *path)
{
    sl_record rec = {0};
    sl_buf why = SL_BUF_INIT, where = SL_BUF_INIT;
    const char *line;
    size_t len, taken, line_no = 0;
    int rc = 0, got = 0;
    while (!rc && (got = sl_lines_next(lines, &line, &len, &taken)) > 0) {
        line_no++;
        r->report->bytes += taken;
        size_t s = 0;
        while (s < len && (line[s] == ' ' || line[s] == '\t' || line[s] == '\r'))
            s++;
        if (s == len)
            continue;
        sl_buf_clear(&where);
        sl_buf_printf(&where, "%s:%zu", name, line_no);
        sl_buf_clear(&why);
        int bad = sl_jsonl_parse_line(line + s, len - s, &rec, &why);
        rc = one_record(r, &rec, bad, &where, &why, name, path);
    }
    if (!rc && got < 0)
        rc = lines_failed(r, lines, got, name);
    sl_record_clear(&rec);
    sl_buf_free(&why);
    sl_buf_free(&where);
    return rc;
}

/* A JSON document's elements (src/ingest/json_doc.c), each named
 * FILE:LINE: element N and read by the JSONL line's rules. */
static int ingest_json(run *r, const char *data, size_t len, const char *name, const char *path)
{
    sl_record rec = {0};
    sl_buf why = SL_BUF_INIT, where = SL_BUF_INIT;
    sl_json_doc doc;
    sl_json_element el;
    int rc = 0, got, faults = 0;
    sl_json_doc_init(&doc, data, len);
    while (!rc && (got = sl_json_doc_next(&doc, &el, &why)) != 0) {
        sl_buf_clear(&where);
        sl_buf_printf(&where, "%s:%zu: element %zu", name, el.line, el.index);
        faults += got < 0;
        int bad = got < 0 ? got : sl_jsonl_parse_element(el.start, el.len, el.line, &rec, &why);
        rc = one_record(r, &rec, bad, &where, &why, name, path);
    }
    if (!rc && !doc.index && !faults)
        fail(r, name, "a JSON document without elements (an empty array)");
    sl_record_clear(&rec);
    sl_buf_free(&why);
    sl_buf_free(&where);
    return rc;
}

/* ---- feeds and fetched pages ---------------------------------------------- */

static int ingest_feed(run *r, const char *data, size_t len, const char *name, int may_fetch);

static void fetch_options(const run *r, sl_fetch_options *fo)
{
    memset(fo, 0, sizeof *fo);
    if (r->opts) {
        fo->jobs = r->opts->jobs;
        fo->timeout_s = r->opts->timeout_s;
        fo->delay_ms = r->opts->delay_ms;
        fo->allow_private = r->opts->allow_private;
    }
}

typedef struct fetched_ctx {
    run *r;
    const char *const *urls;
    const sl_feed_item *items;   /* the feed items the URLs come from, or NULL */
    const char *feed;            /* the feed's name, for messages */
    int rc;                      /* first store error: the rest is not ingested */
} fetched_ctx;

static void on_fetched(void *ctx, size_t i, const sl_fetch_result *res)
{
    fetched_ctx *c = ctx;
    run *r = c->r;
    const char *url = c->urls[i];
    char name[2200];
    if (c->feed)
        snprintf(name, sizeof name, "%s: %s", c->feed, url);
    else
        snprintf(name, sizeof name, "%s", url);
    if (c->rc)
        return;
    if (res->error) {
        fail(r, name, res->error);
        return;
    }
    r->report->files++;
    r->report->bytes += res->len;
    sl_format f = sl_format_detect(res->body, res->len);
    if (f == SL_FORMAT_FEED && !c->items) {
        c->rc = ingest_feed(r, res->body, res->len, name, 1);
        return;
    }
    if (f != SL_FORMAT_HTML) {
        char why[200];
        snprintf(why, sizeof why, "not an HTML page (%s, %s)", sl_format_name(f),
                 res->content_type ? res->content_type : "no content type");
        fail(r, name, why);
        return;
    }
    const sl_feed_item *it = c->items ? &c->items[i] : NULL;
    sl_article_input in = {.html = res->body, .html_len = res->len,
                           .url = res->final_url ? res->final_url : url,
                           .charset = res->charset,
                           .fetched = it ? it->published : NULL};
    c->rc = one(r, &in, name);
}

/* A feed's items: the content of those that carry the whole article, the
 * fetched page of the others. */
static int ingest_feed(run *r, const char *data, size_t len, const char *name, int may_fetch)
{
    sl_feed_items items;
    sl_buf why = SL_BUF_INIT;
    int rc = sl_feed_parse(data, len, &items, &why);
    if (rc) {
        if (rc != SL_ENOMEM)
            fail(r, name, sl_buf_cstr(&why));
        sl_buf_free(&why);
        return rc == SL_ENOMEM ? sl_seterr(r->e, rc, "%s: out of memory", name) : 0;
    }
    const char **urls = sl_calloc(items.n, sizeof *urls);
    sl_feed_item *pending = sl_calloc(items.n, sizeof *pending);
    size_t n = 0;
    rc = urls && pending ? 0 : sl_seterr(r->e, SL_ENOMEM, "%s: out of memory", name);
    for (size_t i = 0; !rc && i < items.n; i++) {
        sl_feed_item *it = &items.items[i];
        sl_buf_clear(&why);
        sl_buf_printf(&why, "%s: item %zu", name, i + 1);
        if (sl_feed_item_is_full(it)) {
            sl_article_input in = {.html = it->content, .html_len = strlen(it->content), .title = it->title,
                                   .url = it->link, .published = it->published};
            rc = one(r, &in, why.ptr);
        } else if (it->link && may_fetch) {
            urls[n] = it->link;
            pending[n++] = *it;
        } else {
            fail(r, why.ptr, it->link ? "only a teaser; its link is not fetched unless asked (--follow)"
                                      : "only a teaser and no link to the article");
        }
    }
    if (!rc && n) {
        sl_fetch_options fo;
        fetch_options(r, &fo);
        fetched_ctx c = {r, urls, pending, name, 0};
        rc = sl_fetch_all(urls, n, &fo, on_fetched, &c);
        rc = rc ? sl_seterr(r->e, rc, "%s: out of memory fetching", name) : c.rc;
    }
    free(urls);
    free(pending);
    sl_feed_items_free(&items);
    sl_buf_free(&why);
    return rc;
}

static int ingest_data(run *r, const char *data, size_t len, const char *name, const char *path)
{
    r->report->files++;
    const char *warc = sl_warc_refused(data, len);   /* a file of it went to ingest_warc */
    if (warc) {
        fail(r, name, warc);
        return 0;
    }
    sl_format f = sl_format_detect(data, len);
    if (f != SL_FORMAT_JSONL)   /* JSONL counts its lines as they are read */
        r->report->bytes += len;
    switch (f) {
    case SL_FORMAT_EMPTY:
        fail(r, name, "empty input");
        return 0;
    case SL_FORMAT_BINARY:
        fail(r, name, "binary data, not text, HTML or JSONL");
        return 0;
    case SL_FORMAT_JSONL: {
        sl_lines lines;
        sl_lines_from_memory(&lines, data, len);
        return ingest_lines(r, &lines, name, path);
    }
    case SL_FORMAT_JSON:
        return ingest_json(r, data, len, name, path);
    case SL_FORMAT_FEED:   /* a local feed leads to the network only when asked */
        return ingest_feed(r, data, len, name, r->opts && r->opts->follow);
    case SL_FORMAT_HTML: {
        sl_article_input in = {.html = data, .html_len = len, .path = path};
        return one(r, &in, name);
    }
    case SL_FORMAT_TEXT:
    default: {
        sl_article_input in = {.text = data, .text_len = len, .path = path};
        return one(r, &in, name);
    }
    }
}

/* Reads `f` on until `buf` holds `want` bytes or the file ends. A failed
 * read is told by its own errno, taken at once. */
static int read_upto(FILE *f, sl_buf *buf, size_t want, sl_buf *why)
{
    char chunk[65536];
    size_t got = 1;
    int failed = 0;
    while (!failed && got && buf->len < want) {
        errno = 0;
        got = fread(chunk, 1, sizeof chunk, f);
        failed = ferror(f) ? (errno ? errno : EIO) : 0;
        if (got && sl_buf_put(buf, chunk, got))
            break;
    }
    if (failed) {
        sl_buf_printf(why, "read error: %s", strerror(failed));
        return SL_EIO;
    }
    if (buf->err == SL_ETOOLARGE)
        sl_buf_printf(why, SL_OVER_CAP_FMT, SL_INPUT_MAX >> 20);
    else if (buf->err)
        sl_buf_puts(why, "out of memory");
    return buf->err;
}

/* The bytes of a file read first: enough to decide its format
 * (sl_format_decided) unless it opens with much white space. */
#define HEAD_BYTES 65536

/* A plain file's JSONL lines, streamed after its head. */
static int ingest_jsonl_file(run *r, FILE *f, sl_buf *head, const char *path)
{
    sl_lines lines;
    r->report->files++;
    sl_lines_from_file(&lines, f, head, SL_INPUT_MAX, SL_INPUT_MAX);
    int rc = ingest_lines(r, &lines, path, path);
    sl_lines_free(&lines);
    return rc;
}

/* A plain file into `whole`, or, when its head shows JSONL, ingested line
 * by line (*streamed set, the run's code returned): memory then holds a
 * line and a read's worth of bytes, not the file (issue 11). The cap of a
 * file read whole holds for both: a streamed one's on its size when opened
 * and on the bytes read, so a file that grows while read stops at the cap
 * (its lines before it ingested). */
static int read_plain(run *r, const char *path, sl_buf *whole, int *streamed, sl_buf *why)
{
    *streamed = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        sl_buf_printf(why, "cannot open: %s", strerror(errno));
        return SL_EIO;
    }
    struct stat sb;
    int rc;
    if (fstat(fileno(f), &sb) == 0 && (size_t)sb.st_size > SL_INPUT_MAX) {
        sl_buf_printf(why, SL_OVER_CAP_FMT, SL_INPUT_MAX >> 20);
        rc = SL_ETOOLARGE;
    } else if ((rc = read_upto(f, whole, HEAD_BYTES, why)) == 0 && !feof(f) &&
               sl_format_decided(whole->ptr, whole->len) &&
               sl_format_detect(whole->ptr, whole->len) == SL_FORMAT_JSONL) {
        *streamed = 1;
        rc = ingest_jsonl_file(r, f, whole, path);
    } else if (!rc) {
        rc = read_upto(f, whole, SIZE_MAX, why);
    }
    fclose(f);
    return rc;
}

/* Every HTML response of a WARC file, streamed: memory stays that of one
 * record. Damaged records are reported as FILE#RECORD and skipped. */
static int ingest_warc(run *r, const char *path)
{
    sl_warc *w;
    sl_buf name = SL_BUF_INIT;
    int rc = sl_warc_open(path, &w);
    if (rc) {
        fail(r, path, w ? sl_warc_why(w) : "out of memory");
        sl_warc_close(w);
        return rc == SL_ENOMEM ? sl_seterr(r->e, rc, "%s: out of memory", path) : 0;
    }
    r->report->files++;
    sl_warc_record rec;
    while (!rc && (rc = sl_warc_next(w, &rec)) != 0) {
        if (rc == SL_EBADINPUT) {
            fail(r, path, sl_warc_why(w));
            rc = 0;
            continue;
        }
        r->report->bytes += rec.body_len;
        if (!sl_warc_record_is_html(&rec)) {
            r->report->skipped++;
            rc = 0;
            continue;
        }
        sl_buf_clear(&name);
        sl_buf_printf(&name, "%s#%llu (%s)", path, (unsigned long long)rec.number, rec.uri);
        sl_article_input in = {.html = rec.body, .html_len = rec.body_len, .url = *rec.uri ? rec.uri : NULL,
                               .path = path, .charset = *rec.charset ? rec.charset : NULL,
                               .fetched = *rec.date ? rec.date : NULL, .in_file = 1};
        rc = one(r, &in, name.ptr);
    }
    r->report->skipped += sl_warc_other_records(w);
    sl_warc_close(w);
    sl_buf_free(&name);
    return rc;
}

/* The bytes of a gzip stream that broke off (a cut download; other damage
 * leaves none, sl_gz_read_file): the whole JSONL lines before the cut are
 * kept, as those of a plain JSONL file cut short are; anything else is a
 * cut page or text, and kept not at all. The damage itself was reported;
 * the file counts as read. */
static int ingest_damaged(run *r, const char *data, size_t len, const char *path)
{
    while (len && data[len - 1] != '\n')
        len--;
    sl_format f = len ? sl_format_detect(data, len) : SL_FORMAT_EMPTY;
    if (f == SL_FORMAT_JSONL || f == SL_FORMAT_JSON)
        return ingest_data(r, data, len, path, path);
    r->report->files++;
    return 0;
}

/* A file, or a stream (sl_path_is_stream: "-", a pipe) read whole, but for
 * a plain JSONL file, streamed: gzip is undone either way, and all say
 * their faults alike. */
static int ingest_file(run *r, const char *path)
{
    char head[8], *data = NULL;
    size_t len = 0;
    int gzipped = 0, stream = sl_path_is_stream(path);
    int got = stream ? 0 : sl_gz_peek(path, head, sizeof head, &gzipped);
    if (got > 0 && sl_warc_sniff(head, (size_t)got))
        return ingest_warc(r, path);
    sl_buf why = SL_BUF_INIT, whole;
    sl_buf_init(&whole, SL_INPUT_MAX);
    int rc, streamed = 0;
    if (gzipped || stream)
        rc = sl_gz_read_file(path, SL_INPUT_MAX, &whole, &why);
    else
        rc = read_plain(r, path, &whole, &streamed, &why);
    if (streamed)
        goto done;
    len = whole.len;
    data = rc && rc != SL_EBADINPUT ? NULL : sl_buf_take(&whole);
    if (rc == SL_ENOMEM || (rc == SL_EBADINPUT && !data)) {
        rc = sl_seterr(r->e, SL_ENOMEM, "%s: out of memory", path);
    } else if (rc == SL_EBADINPUT) {
        fail(r, path, sl_buf_cstr(&why));
        rc = ingest_damaged(r, data, len, path);
    } else if (rc) {
        fail(r, path, sl_buf_cstr(&why));
        rc = 0;
    } else {
        rc = ingest_data(r, data, len, path, path);
    }
done:
    sl_buf_free(&whole);
    free(data);
    sl_buf_free(&why);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A project's documentation, not an article: "README.md" in examples/, a
 * dataset's "BASIL-README.md", LICENSE-MIT, COPYING.LESSER, license.txt.
 * A stem in lower or mixed case counts only alone or with one extension, so
 * "license-fees-rise.txt" stays an article. Named on the command line such
 * a file is read; met in a folder walk it is left out and counted. */
static int is_documentation(const char *name)
{
    static const char *const stems[] = {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG",
                                        "CONTRIBUTING", "NOTICE", "AUTHORS"};
    for (size_t i = 0; i < sizeof stems / sizeof *stems; i++) {
        size_t m = strlen(stems[i]);
        const char *rest = name + m;
        if (!strncmp(name, stems[i], m) ||
            (!strncasecmp(name, stems[i], m) && (!*rest || (*rest == '.' && !strpbrk(rest + 1, ".-_ ")))))
            return 1;
    }
    size_t n = strlen(name);
    return strstr(name, "README") || (n > 3 && !strcasecmp(name + n - 3, ".md")) ||
           (n > 9 && !strcasecmp(name + n - 9, ".markdown"));
}

/* Whether a link found in the walk resolves to a file inside the walked
 * folder: one pointing at /etc/os-release is not read. */
static int inside_root(const run *r, const char *path)
{
    char *real = realpath(path, NULL);
    size_t n = r->root ? strlen(r->root) : 0;
    int inside = real && n && !strncmp(real, r->root, n) && (real[n] == '/' || !real[n] || r->root[n - 1] == '/');
    free(real);
    return inside;
}

static int ingest_tree(run *r, const char *path, int depth);

/* Every entry of a folder, in name order, so runs are repeatable; hidden
 * and documentation files are counted as skipped. */
static int ingest_dir(run *r, const char *path, int depth)
{
    DIR *dir = opendir(path);
    if (!dir) {
        fail(r, path, strerror(errno));
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *ent;
    while ((ent = readdir(dir))) {
        if (!strcmp(ent->d_name, ".") || !strcmp(ent->d_name, ".."))
            continue;
        if (ent->d_name[0] == '.' || is_documentation(ent->d_name)) {
            r->report->skipped_files++;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = sl_realloc(names, cap * sizeof *p);
            if (!p) {
                rc = sl_seterr(r->e, SL_ENOMEM, "out of memory listing %s", path);
                break;
            }
            names = p;
        }
        if (!(names[n] = sl_malloc(strlen(path) + strlen(ent->d_name) + 2))) {
            rc = sl_seterr(r->e, SL_ENOMEM, "out of memory listing %s", path);
            break;
        }
        sprintf(names[n++], "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", ent->d_name);
    }
    closedir(dir);
    if (!rc)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; !rc && i < n; i++)
        rc = ingest_tree(r, names[i], depth + 1);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

static int ingest_tree(run *r, const char *path, int depth)
{
    struct stat sb;
    /* Inside a folder, links to folders are not followed (they can loop),
     * nor links that lead out of the folder given. */
    if (depth > 0 && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) &&
        ((stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) || !inside_root(r, path))) {
        r->report->skipped_files++;
        return 0;
    }
    if (!depth && sl_path_is_stream(path))   /* a pipe inside a folder is refused below */
        return ingest_file(r, path);
    if (stat(path, &sb) != 0) {
        fail(r, path, strerror(errno));
        return 0;
    }
    if (S_ISDIR(sb.st_mode)) {
        if (depth > 64) {
            fail(r, path, "folders nested more than 64 deep");
            return 0;
        }
        if (!depth && !(r->root = realpath(path, NULL))) {
            fail(r, path, strerror(errno));
            return 0;
        }
        return ingest_dir(r, path, depth);
    }
    if (!S_ISREG(sb.st_mode)) {
        fail(r, path, "not a regular file");
        return 0;
    }
    return ingest_file(r, path);
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
    rc = finish(&r, ingest_tree(&r, path, 0));
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
        fail(&r, name ? name : "-", why);
        return finish(&r, 0);
    }
    return finish(&r, ingest_data(&r, data, len, name ? name : "-", NULL));
}

int sl_ingest_urls(sl_engine *e, const char *const *urls, size_t n, const sl_ingest_options *opts,
                   sl_ingest_report *report)
{
    sl_ingest_report local;
    run r;
    int rc = start_run(&r, e, opts, report, &local);
    if (rc)
        return rc;
    sl_fetch_options fo;
    fetch_options(&r, &fo);
    fetched_ctx c = {&r, urls, NULL, NULL, 0};
    rc = sl_fetch_all(urls, n, &fo, on_fetched, &c);
    if (rc)
        rc = sl_seterr(e, rc, "out of memory fetching");
    return finish(&r, rc ? rc : c.rc);
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
        rc = ingest_tree(&r, path, 0);
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
            fail(&r, item.name, item.failure);
        else
            rc = one(&r, &item.in, item.name);
    }
    return finish(&r, rc);
}
