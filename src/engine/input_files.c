/* input_files.c — a file's bytes: gzip undone, a WARC file's HTML responses
 * streamed, a plain JSONL file streamed line by line, anything else read
 * whole (up to SL_INPUT_MAX) and handed to input_records.c; a read that
 * fails or a gzip stream cut short is reported. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inputs.h"
#include "util/error.h"
#include "util/gzfile.h"
#include "util/path.h"

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
    int rc = sl_run_lines(r, &lines, path, path);
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
        sl_run_fail(r, path, w ? sl_warc_why(w) : "out of memory");
        sl_warc_close(w);
        return rc == SL_ENOMEM ? sl_seterr(r->e, rc, "%s: out of memory", path) : 0;
    }
    r->report->files++;
    sl_warc_record rec;
    while (!rc && (rc = sl_warc_next(w, &rec)) != 0) {
        if (rc == SL_EBADINPUT) {
            sl_run_fail(r, path, sl_warc_why(w));
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
        rc = sl_run_one(r, &in, name.ptr);
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
        return sl_run_data(r, data, len, path, path);
    r->report->files++;
    return 0;
}

/* A file, or a stream (sl_path_is_stream: "-", a pipe) read whole, but for
 * a plain JSONL file, streamed: gzip is undone either way, and all say
 * their faults alike. */
int sl_run_file(run *r, const char *path)
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
        sl_run_fail(r, path, sl_buf_cstr(&why));
        rc = ingest_damaged(r, data, len, path);
    } else if (rc) {
        sl_run_fail(r, path, sl_buf_cstr(&why));
        rc = 0;
    } else {
        rc = sl_run_data(r, data, len, path, path);
    }
done:
    sl_buf_free(&whole);
    free(data);
    sl_buf_free(&why);
    return rc;
}
