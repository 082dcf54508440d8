/* warc.c — a streaming reader of WARC 1.0/1.1 files, plain or gzip-compressed
 * (one gzip member per record, as Common Crawl publishes them): yields the
 * response and resource records with their HTTP status, content type and
 * charset, target URI and date. Memory is bounded by the largest record kept
 * (SL_PAGE_MAX), not by the file. A broken gzip member, a cut record or a
 * Content-Length that cannot be true (negative, over the cap, past the end)
 * is reported and the reader goes on at the next "WARC/1." line. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "ingest/ingest.h"
#include "util/alloc.h"

#define CHUNK 65536
/* WARC and HTTP header blocks are a few hundred bytes; 64 KB allows for
 * long cookies and URIs and bounds what a line without an end can take. */
#define HEADER_MAX 65536
/* A record kept whole: a page at the cap plus its HTTP headers. A bigger
 * Content-Length is not trusted: the reader looks for the next record. */
#define RECORD_MAX (SL_PAGE_MAX + HEADER_MAX)

static const unsigned char GZ_MAGIC[3] = {0x1f, 0x8b, 0x08};

struct sl_warc {
    FILE *f;
    int gzip;
    int eof;                /* no more input bytes */
    z_stream z;
    unsigned char in[CHUNK];
    off_t member_start;     /* file offset of the current gzip member */
    off_t in_offset;        /* file offset of in[0] */
    sl_buf pend;            /* decoded bytes not yet consumed, from `pos` */
    size_t pos;
    size_t member_out;      /* pend offset where the current member's output began */
    size_t gap;             /* pend offset where a broken member's data was dropped, or SIZE_MAX */
    size_t damaged;         /* when gap is set: where that member's output began (what came of
                             * it, up to gap, is wrong or cut: its check failed) */
    int lost_whole;         /* when gap is set: nothing came of that member (damaged == gap) */
    sl_buf why;
    uint64_t records, skipped_other;
};

/* ---- the byte layer: plain or gzip ------------------------------------------ */

static int read_in(sl_warc *w)
{
    w->in_offset = ftello(w->f);
    size_t got = fread(w->in, 1, sizeof w->in, w->f);
    w->z.next_in = w->in;
    w->z.avail_in = (uInt)got;
    if (!got)
        w->eof = 1;
    return got ? 0 : -1;
}

/* After a broken member: the next gzip header after the broken one's start. */
static void resync_member(sl_warc *w)
{
    inflateReset(&w->z);
    w->gap = w->pend.len;
    fseeko(w->f, w->member_start + 1, SEEK_SET);
    w->eof = 0;
    for (;;) {
        if (read_in(w))
            return;
        const unsigned char *hit = NULL;
        for (size_t i = 0; i + 2 < w->z.avail_in && !hit; i++)
            if (!memcmp(w->in + i, GZ_MAGIC, 3))
                hit = w->in + i;
        if (hit) {
            w->member_start = w->in_offset + (hit - w->in);
            w->z.avail_in -= (uInt)(hit - w->in);
            w->z.next_in = (unsigned char *)hit;
            return;
        }
        /* A magic split over two reads: read the last two bytes again, but
         * only after a full read (a short one is the end: going back there
         * would read the same tail forever). */
        if (w->z.avail_in == sizeof w->in)
            fseeko(w->f, -2, SEEK_CUR);
    }
}

/* Inflates into pend until some bytes come out or the input ends. */
static size_t inflate_some(sl_warc *w, size_t room)
{
    for (;;) {
        if (!w->z.avail_in && read_in(w))
            return 0;   /* end of input: a member cut short shows as a truncated record */
        w->z.next_out = (unsigned char *)w->pend.ptr + w->pend.len;
        w->z.avail_out = (uInt)room;
        int zr = inflate(&w->z, Z_NO_FLUSH);
        size_t made = room - w->z.avail_out;
        w->pend.len += made;
        if (zr == Z_STREAM_END) {
            w->member_start = w->in_offset + (w->z.next_in - w->in);
            w->member_out = w->pend.len;
            inflateReset(&w->z);
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            if (w->gap == SIZE_MAX) {   /* else the damage already open goes on */
                w->damaged = w->member_out;
                w->lost_whole = w->member_out == w->pend.len;
            }
            resync_member(w);   /* keeps what decoded before the damage */
            w->member_out = w->pend.len;
            if (w->eof)
                return made;
        }
        if (made)
            return made;
    }
}

/* A pend offset after the first `by` bytes are dropped (0 when it was among them). */
static size_t shifted(size_t at, size_t by) { return at == SIZE_MAX ? SIZE_MAX : at > by ? at - by : 0; }

/* Appends up to CHUNK decoded bytes to pend; 0 when none are left. */
static size_t fill(sl_warc *w)
{
    if (w->pos && w->pos * 2 > w->pend.len) {   /* compact */
        memmove(w->pend.ptr, w->pend.ptr + w->pos, w->pend.len - w->pos);
        w->pend.len -= w->pos;
        w->gap = shifted(w->gap, w->pos);
        w->damaged = shifted(w->damaged, w->pos);
        w->member_out = shifted(w->member_out, w->pos);
        w->pos = 0;
    }
    if (sl_buf_reserve(&w->pend, CHUNK + 1))
        return 0;
    size_t made = 0;
    if (w->gzip)
        made = inflate_some(w, CHUNK);
    else if (!w->eof && !(made = fread(w->pend.ptr + w->pend.len, 1, CHUNK, w->f)))
        w->eof = 1;
    else
        w->pend.len += made;
    w->pend.ptr[w->pend.len] = '\0';
    return made;
}

static size_t avail(const sl_warc *w) { return w->pend.len - w->pos; }

/* Makes `n` bytes available; 0 when the input ends first. */
static int need(sl_warc *w, size_t n)
{
    while (avail(w) < n)
        if (!fill(w) && (w->eof || w->pend.err))
            return 0;
    return 1;
}

/* ---- the record layer ----------------------------------------------------- */

/* Moves to the next line that starts "WARC/1.": after a damaged record. */
static int resync_record(sl_warc *w)
{
    for (;;) {
        const char *base = w->pend.ptr + w->pos;
        const char *hit = avail(w) >= 7 ? memmem(base, avail(w), "WARC/1.", 7) : NULL;
        while (hit && hit > base && hit[-1] != '\n')
            hit = memmem(hit + 1, avail(w) - (size_t)(hit + 1 - base), "WARC/1.", 7);
        if (hit) {
            w->pos = (size_t)(hit - w->pend.ptr);
            return 1;
        }
        if (avail(w) > 7)
            w->pos = w->pend.len - 7;
        if (!fill(w) && w->eof) {
            w->pos = w->pend.len;
            return 0;
        }
    }
}

/* A header's value in a block of "Name: value\r\n" lines, copied into
 * `out` (at most `size` bytes); 0 when absent. */
static int header(const char *block, size_t len, const char *name, char *out, size_t size)
{
    size_t nlen = strlen(name);
    for (const char *p = block, *end = block + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if ((size_t)(eol - p) > nlen && !strncasecmp(p, name, nlen) && p[nlen] == ':') {
            const char *v = p + nlen + 1;
            while (v < eol && (*v == ' ' || *v == '\t'))
                v++;
            const char *ve = eol;
            while (ve > v && (ve[-1] == '\r' || ve[-1] == ' '))
                ve--;
            size_t n = (size_t)(ve - v) < size - 1 ? (size_t)(ve - v) : size - 1;
            memcpy(out, v, n);
            out[n] = '\0';
            return 1;
        }
        p = eol + 1;
    }
    return 0;
}

/* The end of the header block at pos ("\r\n\r\n", or "\n\n" from lax
 * writers), reading up to HEADER_MAX bytes; 0 when there is none. */
static size_t header_end(sl_warc *w, size_t *block_len)
{
    for (;;) {
        const char *base = w->pend.ptr + w->pos;
        size_t n = avail(w) < HEADER_MAX ? avail(w) : HEADER_MAX;
        const char *crlf = memmem(base, n, "\r\n\r\n", 4), *lf = memmem(base, n, "\n\n", 2);
        if (crlf && (!lf || crlf < lf)) {
            *block_len = (size_t)(crlf - base);
            return *block_len + 4;
        }
        if (lf) {
            *block_len = (size_t)(lf - base);
            return *block_len + 2;
        }
        if (n >= HEADER_MAX || (!fill(w) && w->eof))
            return 0;
    }
}

/* The HTTP head of a response: status, Content-Type (its charset apart).
 * (body is never NULL with len >= 12; the test says so to GCC, whose
 * sanitizer build otherwise warned -Wnonnull at the memmem below.) */
static size_t parse_http(const char *body, size_t len, sl_warc_record *rec)
{
    if (!body || len < 12 || strncmp(body, "HTTP/", 5))
        return 0;
    const char *sp = memchr(body, ' ', len < 16 ? len : 16);
    rec->status = sp ? atoi(sp + 1) : 0;
    const char *crlf = memmem(body, len < HEADER_MAX ? len : HEADER_MAX, "\r\n\r\n", 4);
    const char *lf = memmem(body, len < HEADER_MAX ? len : HEADER_MAX, "\n\n", 2);
    size_t head = crlf && (!lf || crlf < lf) ? (size_t)(crlf - body) + 4 : lf ? (size_t)(lf - body) + 2 : len;
    if (header(body, head, "Content-Type", rec->content_type, sizeof rec->content_type)) {
        char *cs = strcasestr(rec->content_type, "charset=");
        if (cs) {
            snprintf(rec->charset, sizeof rec->charset, "%s", cs + 8);
            rec->charset[strcspn(rec->charset, "; \"'")] = '\0';
        }
        char *semi = strchr(rec->content_type, ';');
        if (semi)
            *semi = '\0';
    }
    return head;
}

static int bad(sl_warc *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(sl_warc *w, const char *fmt, ...)
{
    char line[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sl_buf_clear(&w->why);
    sl_buf_puts(&w->why, line);
    return SL_EBADINPUT;
}

/* A Content-Length: decimal digits only ("-5" and "+5" pass strtoull). */
static int parse_length(const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return *s >= '0' && *s <= '9' && !errno && !*end;
}

int sl_warc_next(sl_warc *w, sl_warc_record *rec)
{
    for (;;) {
        memset(rec, 0, sizeof *rec);
        while (need(w, 1) && strchr("\r\n", w->pend.ptr[w->pos]))
            w->pos++;
        int whole_head = need(w, 8);
        if (w->gap != SIZE_MAX && w->gap == w->pos && w->lost_whole) {
            w->gap = SIZE_MAX;   /* a member lost before any of it came out: a record here */
            return bad(w, "record %llu: damaged gzip data; skipped", (unsigned long long)++w->records);
        }
        if (!whole_head) {
            int left = avail(w) > 0;
            w->pos = w->pend.len;
            return left ? bad(w, "record %llu: truncated at the end of the file", (unsigned long long)w->records + 1) : 0;
        }
        if (w->gap != SIZE_MAX && w->gap <= w->pos)
            w->gap = SIZE_MAX;   /* damage behind us */
        unsigned long long number = ++w->records;
        if (strncmp(w->pend.ptr + w->pos, "WARC/1.", 7)) {
            int found = resync_record(w);
            return bad(w, found ? "record %llu: not a WARC record; skipped to the next one"
                                : "record %llu: not a WARC record and none follows", number);
        }
        size_t block_len, head = header_end(w, &block_len);
        if (!head) {
            w->pos++;
            int found = resync_record(w);
            return bad(w, found || !w->eof ? "record %llu: header without an end"
                                           : "record %llu: truncated at the end of the file (in its header)", number);
        }
        const char *block = w->pend.ptr + w->pos;
        char type[32] = "", length[32] = "";
        header(block, block_len, "WARC-Type", type, sizeof type);
        header(block, block_len, "WARC-Target-URI", rec->uri, sizeof rec->uri);
        header(block, block_len, "WARC-Date", rec->date, sizeof rec->date);
        unsigned long long clen = 0;
        if (!header(block, block_len, "Content-Length", length, sizeof length) || !parse_length(length, &clen)) {
            w->pos++;
            resync_record(w);
            return bad(w, "record %llu: no valid Content-Length (\"%s\"); skipped to the next record",
                       number, length);
        }
        w->pos += head;
        /* A length over the cap is a record too large to keep, or a lie that
         * would swallow the rest of the file: either way the reader goes on
         * at the next line that starts a record, not clen bytes further. */
        if (clen > RECORD_MAX) {
            resync_record(w);
            return bad(w, "record %llu: Content-Length %llu over the %zu MB cap; skipped to the next record",
                       number, clen, (size_t)RECORD_MAX >> 20);
        }
        if (!need(w, clen) || (w->gap != SIZE_MAX && w->damaged < w->pos + clen)) {
            int at_end = w->gap == SIZE_MAX;
            if (!at_end && w->gap > w->pos)
                w->pos = w->gap;
            resync_record(w);
            return at_end ? bad(w, "record %llu: truncated at the end of the file", number)
                          : bad(w, "record %llu: damaged gzip data; skipped to the next record",
                                number);
        }
        /* A record cut short (its length counts bytes that never came)
         * swallows the records after it: the next one's start inside a
         * record's content means exactly that. */
        const char *next = memmem(w->pend.ptr + w->pos, (size_t)clen, "\r\n\r\nWARC/1.", 11);
        if (next) {
            w->pos = (size_t)(next - w->pend.ptr) + 4;
            return bad(w, "record %llu: cut short (the next record starts inside it)", number);
        }
        if (strcasecmp(type, "response") && strcasecmp(type, "resource")) {
            w->pos += (size_t)clen;
            w->skipped_other++;
            continue;
        }
        rec->number = number;
        rec->body = w->pend.ptr + w->pos;
        rec->body_len = (size_t)clen;
        w->pos += (size_t)clen;
        if (!strcasecmp(type, "response")) {
            size_t http = parse_http(rec->body, rec->body_len, rec);
            rec->body += http;
            rec->body_len -= http;
        }
        return 1;
    }
}

int sl_warc_open(const char *path, sl_warc **out)
{
    sl_warc *w = sl_calloc(1, sizeof *w);
    *out = w;
    if (!w)
        return SL_ENOMEM;
    sl_buf_init(&w->pend, RECORD_MAX + 2 * CHUNK);
    w->gap = SIZE_MAX;
    if (!(w->f = fopen(path, "rb"))) {
        sl_buf_printf(&w->why, "cannot open: %s", strerror(errno));
        return SL_EIO;
    }
    unsigned char magic[3] = {0};
    size_t got = fread(magic, 1, 3, w->f);
    rewind(w->f);
    w->gzip = got == 3 && !memcmp(magic, GZ_MAGIC, 3);
    if (w->gzip && inflateInit2(&w->z, 15 + 16) != Z_OK) {
        sl_buf_puts(&w->why, "out of memory");
        return SL_ENOMEM;
    }
    return 0;
}

const char *sl_warc_why(const sl_warc *w) { return sl_buf_cstr(&w->why); }

uint64_t sl_warc_other_records(const sl_warc *w) { return w->skipped_other; }

void sl_warc_close(sl_warc *w)
{
    if (!w)
        return;
    if (w->gzip)
        inflateEnd(&w->z);
    if (w->f)
        fclose(w->f);
    sl_buf_free(&w->pend);
    sl_buf_free(&w->why);
    free(w);
}

int sl_warc_sniff(const char *data, size_t len)
{
    return len >= 7 && !memcmp(data, "WARC/1.", 7);
}

const char *sl_warc_refused(const char *data, size_t len)
{
    return sl_warc_sniff(data, len) ? "WARC data, read only from a file: give its path" : NULL;
}

int sl_warc_record_is_html(const sl_warc_record *rec)
{
    if (rec->status && (rec->status < 200 || rec->status > 299))
        return 0;
    if (*rec->content_type)
        return strstr(rec->content_type, "html") != NULL;
    return sl_format_detect(rec->body, rec->body_len) == SL_FORMAT_HTML;
}
