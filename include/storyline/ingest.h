/* storyline/ingest.h — articles in: from a caller, files, folders, buffers and
 * URLs, in batches; and ingest split in two as records (map, merge). */
#ifndef STORYLINE_INGEST_H
#define STORYLINE_INGEST_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Ingest -------------------------------------------------------------- */

/* One article as given by a caller. Every field but text/html may be NULL.
 * Exactly one of text or html should be set; when html is set it is
 * extracted first. `published` is ISO-8601 (date or date-time). */
typedef struct sl_article_input {
    const char *text;   size_t text_len;
    const char *html;   size_t html_len;
    const char *title;      /* kept to 1,000 bytes (cut, then "…") */
    const char *url;
    const char *source;     /* outlet name */
    const char *published;  /* ISO-8601 */
    const char *key;        /* the caller's own id (JSONL `id`) */
    const char *path;       /* the file it came from */
    const char *charset;    /* the HTTP header's charset of an html page, when known */
    const char *fetched;    /* when the page was fetched (ISO-8601, e.g. WARC-Date): its
                             * date when neither `published` nor the page gives one */
    int in_file;            /* one record of many in `path` (a JSONL line, a WARC
                             * record): without url or key, its content and path
                             * identify it, never the path alone */
    const char *default_source; /* outlet when `source` is NULL (given by the caller
                                 * for all inputs): not part of a key's identity */
} sl_article_input;

/* What happened to one ingested article. */
typedef enum sl_ingest_outcome {
    SL_INGEST_NEW = 0,        /* stored as a new article */
    SL_INGEST_UNCHANGED = 1,  /* identical content already stored: nothing done */
    SL_INGEST_NEW_VERSION = 2, /* same URL/key/path, new content: stored as a new version */
    SL_INGEST_UPDATED = 3     /* same content, metadata given anew (source, date): updated */
} sl_ingest_outcome;

typedef struct sl_ingest_result {
    int64_t article_id;
    sl_ingest_outcome outcome;
    int64_t story_id;
    int64_t exact_copy_of;    /* an earlier article with identical content, or 0 */
    unsigned bad_bytes;       /* invalid UTF-8 bytes replaced */
    unsigned removed_lines;   /* page-chrome lines removed */
} sl_ingest_result;

/* Batches: sl_ingest_path, sl_ingest_buffer and sl_ingest_urls store their
 * articles in batches of sl_options.batch_size, one transaction each, and
 * commit the last one themselves; a crash before a commit leaves none of
 * that batch. Commit and rollback close the batch in progress (after an
 * error, say). */
SL_API int sl_batch_commit(sl_engine *engine);
SL_API int sl_batch_rollback(sl_engine *engine);

/* Options and report for ingesting files, folders and buffers. */
typedef struct sl_ingest_options {
    const char *source;     /* outlet for inputs that name none */
    const char *published;  /* date for inputs that carry none (ISO-8601) */
    /* Called once per input that failed (whole file or one record of it):
     * `name` is the file (with ":LINE" for a record), `reason` one line. */
    void (*on_error)(void *ctx, const char *name, const char *reason);
    /* Called after each article with the running totals; may be NULL. */
    void (*on_progress)(void *ctx, const char *name, uint64_t articles, uint64_t bytes);
    void *ctx;
    /* Fetching (sl_ingest_urls, and feed items whose page must be fetched);
     * 0 means the default: 4 parallel transfers, 30 s per transfer, 1000 ms
     * between two requests to one host (delay_ms < 0: none). */
    int jobs, timeout_s, delay_ms;
    /* A feed read from a file or buffer has its teaser items' links fetched
     * only with `follow` (a feed fetched by URL always has). */
    int follow;
    /* Fetching never connects to loopback, private, link-local (cloud
     * metadata), unspecified or multicast addresses, IPv4 or IPv6, checked
     * after DNS and at every redirect, unless `allow_private`. */
    int allow_private;
} sl_ingest_options;

typedef struct sl_ingest_report {
    uint64_t files;           /* input files read */
    uint64_t articles_new;
    uint64_t articles_unchanged;
    uint64_t articles_versioned;
    uint64_t failed;          /* inputs or records rejected */
    uint64_t bad_bytes;
    uint64_t removed_lines;
    uint64_t bytes;           /* input bytes read (a JSONL file's as its lines are read) */
    uint64_t skipped;         /* WARC records and feed items that are not HTML pages */
    uint64_t articles_updated; /* unchanged content whose metadata was given anew */
    uint64_t skipped_files;   /* left out of a folder walk: hidden and documentation files
                               * (README, LICENSE, *.md ...), links to folders or out of it */
} sl_ingest_report;

/* Ingests a file, or every file below a folder (recursively, in name order).
 * A folder walk leaves out hidden files and folders, documentation files
 * (README*, LICENSE*, COPYING*, CHANGELOG*, CONTRIBUTING*, NOTICE*, AUTHORS*,
 * *.md) and symbolic links that lead to a folder or out of the folder given;
 * a file named as `path` is always read. Formats are recognised by content:
 * plain text, JSONL, HTML, WARC, feeds; gzip is undone first. A plain
 * JSONL file and a WARC file are read as they go; any other, and `path` "-"
 * (standard input) or a pipe, is read whole.
 * A gzip stream cut short or damaged is reported; of one cut short, the
 * whole JSONL lines before the cut are stored (of other damage, nothing: a
 * failed check leaves no byte trusted). Bad inputs are
 * reported through opts->on_error and skipped; the rest goes on. Returns 0
 * when everything was stored, SL_EBADINPUT when some inputs failed (the rest
 * are stored; sl_errmsg names the last, "NAME: REASON"), another code when
 * the store itself failed. `report` adds up. `opts` may be NULL. */
SL_API int sl_ingest_path(sl_engine *engine, const char *path,
                          const sl_ingest_options *opts, sl_ingest_report *report);

/* Fetches URLs (http, https; libcurl: redirects, time-outs, a size cap,
 * robots.txt, a per-host delay, retries) and ingests each page; a URL that
 * serves an RSS/Atom feed brings in every item's article. Failures are
 * reported per URL through opts->on_error, as for files. */
SL_API int sl_ingest_urls(sl_engine *engine, const char *const *urls, size_t n,
                          const sl_ingest_options *opts, sl_ingest_report *report);

/* The largest input read whole, in bytes: a file (once decompressed), a
 * buffer given to sl_ingest_buffer, standard input or a pipe read by the
 * storyline command. A larger one is refused as a bad input, its reason
 * naming the cap. A WARC file is read a record at a time and has no cap. */
#define SL_INPUT_MAX ((size_t)256 << 20)

/* The same for an in-memory buffer (e.g. standard input), named `name`; at
 * most SL_INPUT_MAX bytes. */
SL_API int sl_ingest_buffer(sl_engine *engine, const char *data, size_t len, const char *name,
                            const sl_ingest_options *opts, sl_ingest_report *report);

/* ---- Runs on many machines: records (docs/scale.md) ------------------------
 * Ingest split in two, for python/storyline/dask.py. The map runs anywhere,
 * without the store: sl_records_read walks an input exactly as
 * sl_ingest_path would (same order, names and defaults) and turns a range of
 * its items into records, each HTML page already extracted (the costly step
 * of a web page). A record is a self-delimiting byte string; records
 * concatenate. The merge is one writer: sl_ingest_records ingests records
 * in the order given as sl_ingest_path would have ingested their inputs, so
 * a store made from the records of every item of inputs A, B, ... in order
 * equals the one `storyline ingest A B ...` makes. Records are made and read
 * by the same build (machine byte order); they are not a storage format.
 *
 * An item is an article input or a failure at its place in the walk (an
 * unreadable file, a bad JSONL line, a damaged WARC record): a failure is a
 * record too, and is reported when the merge reaches it. The map's engine
 * may be on any store (":memory:" will do); it is not written. */

/* The number of items of `path` (a file or a folder, walked as
 * sl_ingest_path walks it). `opts` may be NULL; its callbacks are not
 * called. SL_ENOMEM, SL_EUSAGE (a bad opts->published; `path` "-" or a
 * pipe, which could not be read again for the ranges). */
SL_API int sl_records_count(sl_engine *engine, const char *path, const sl_ingest_options *opts,
                            uint64_t *items);
/* Writes the records of items [first, first + count) of `path` to `write`,
 * one call per record, in order. Returns 0, SL_ENOMEM, SL_EUSAGE, or SL_EIO
 * when `write` returned non-zero (the walk stops). */
SL_API int sl_records_read(sl_engine *engine, const char *path, const sl_ingest_options *opts,
                           uint64_t first, uint64_t count, sl_write_fn write, void *ctx);
/* Ingests the records of `records` (len bytes) in order, in batches of
 * sl_options.batch_size as sl_ingest_path does, failures reported through
 * opts->on_error, the last batch committed. Pass the map's `opts` (source,
 * published). Returns as sl_ingest_path; a buffer that is not whole
 * records stops the run with SL_EUSAGE, the batch in progress rolled back
 * (the records before it in earlier batches stay). `report` adds up
 * (files, bytes and skipped are the map's and stay 0). */
SL_API int sl_ingest_records(sl_engine *engine, const void *records, size_t len,
                             const sl_ingest_options *opts, sl_ingest_report *report);

#ifdef __cplusplus
}
#endif
#endif
