/* input_records.c — an input's bytes by their format (sl_format_detect):
 * a text or HTML file is one article, JSONL lines and a JSON document's
 * elements are records (src/ingest/jsonl.c) each an article, a feed goes to
 * input_feeds.c; empty and binary inputs are refused. */
#include <stdio.h>
#include <string.h>

#include "inputs.h"
#include "util/error.h"
#include "util/lines.h"

/* A record read (bad 0) or refused (SL_EBADINPUT, `why` says why), named
 * `where`: ingested, or reported. */
static int one_record(run *r, sl_record *rec, int bad, const sl_buf *where, const sl_buf *why, const char *name,
                      const char *path)
{
    if (bad == SL_ENOMEM || where->err)
        return sl_seterr(r->e, SL_ENOMEM, "%s: out of memory", name);
    if (bad) {
        sl_run_fail(r, where->ptr, sl_buf_cstr(why));
        return 0;
    }
    sl_article_input in = {
        .text = rec->text, .text_len = rec->text_len, .html = rec->html, .html_len = rec->html_len,
        .title = rec->title, .url = rec->url, .source = rec->source, .published = rec->published,
        .key = rec->key, .path = path, .in_file = 1,
    };
    int rc = sl_run_one(r, &in, where->ptr);
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
    sl_run_fail(r, name, why);
    return 0;
}

/* The records of JSONL lines, each named FILE:LINE; white lines are
 * skipped, and every byte read counts for the progress line's MB. */
int sl_run_lines(run *r, sl_lines *lines, const char *name, const char *path)
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
        sl_run_fail(r, name, "a JSON document without elements (an empty array)");
    sl_record_clear(&rec);
    sl_buf_free(&why);
    sl_buf_free(&where);
    return rc;
}

int sl_run_data(run *r, const char *data, size_t len, const char *name, const char *path)
{
    r->report->files++;
    const char *warc = sl_warc_refused(data, len);   /* a file of it went to ingest_warc */
    if (warc) {
        sl_run_fail(r, name, warc);
        return 0;
    }
    sl_format f = sl_format_detect(data, len);
    if (f != SL_FORMAT_JSONL)   /* JSONL counts its lines as they are read */
        r->report->bytes += len;
    switch (f) {
    case SL_FORMAT_EMPTY:
        sl_run_fail(r, name, "empty input");
        return 0;
    case SL_FORMAT_BINARY:
        sl_run_fail(r, name, "binary data, not text, HTML or JSONL");
        return 0;
    case SL_FORMAT_JSONL: {
        sl_lines lines;
        sl_lines_from_memory(&lines, data, len);
        return sl_run_lines(r, &lines, name, path);
    }
    case SL_FORMAT_JSON:
        return ingest_json(r, data, len, name, path);
    case SL_FORMAT_FEED:   /* a local feed leads to the network only when asked */
        return sl_run_feed(r, data, len, name, r->opts && r->opts->follow);
    case SL_FORMAT_HTML: {
        sl_article_input in = {.html = data, .html_len = len, .path = path};
        return sl_run_one(r, &in, name);
    }
    case SL_FORMAT_TEXT:
    default: {
        sl_article_input in = {.text = data, .text_len = len, .path = path};
        return sl_run_one(r, &in, name);
    }
    }
}
