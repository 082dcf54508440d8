/* json_out.c — streaming JSON writer (see json_out.h). */
#include "json_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#define FLUSH_AT 65536

/* One byte into the buffer, inline: sl_buf_putc is a call (28.7 M
 * instructions of `facts --text` over the first 1,000 Reuters stories,
 * most of them the writer's; docs/history/benchmarks-rounds.md, "Twenty-eighth round"). */
static inline void put_byte(sl_buf *b, char c) { sl_buf_put(b, &c, 1); }

void sl_json_init(sl_json *j, sl_json_write_fn write, void *ctx, int pretty)
{
    memset(j, 0, sizeof *j);
    sl_buf_init(&j->buf, 0);
    j->write = write;
    j->ctx = ctx;
    j->pretty = pretty;
}

static void flush(sl_json *j)
{
    if (!j->err && j->buf.err)
        j->err = j->buf.err;
    if (!j->err && j->buf.len && j->write(j->ctx, j->buf.ptr, j->buf.len))
        j->err = SL_UTIL_EIO;
    sl_buf_clear(&j->buf);
}

int sl_json_finish(sl_json *j)
{
    if (j->pretty)
        put_byte(&j->buf, '\n');
    flush(j);
    sl_buf_free(&j->buf);
    return j->err;
}

static void newline(sl_json *j)
{
    if (!j->pretty)
        return;
    put_byte(&j->buf, '\n');
    for (int i = 0; i < j->depth; i++)
        sl_buf_put(&j->buf, "  ", 2);
}

/* Writes the separator a new value needs at the current depth. */
static void before_value(sl_json *j)
{
    if (j->buf.len >= FLUSH_AT)
        flush(j);
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth > 0) {
        if (j->count[j->depth - 1])
            put_byte(&j->buf, ',');
        j->count[j->depth - 1] = 1;
        newline(j);
    }
}

static void open(sl_json *j, char c)
{
    before_value(j);
    put_byte(&j->buf, c);
    if (j->depth < SL_JSON_MAX_DEPTH)
        j->count[j->depth] = 0;
    j->depth++;
}

static void close(sl_json *j, char c)
{
    int had = j->depth > 0 && j->depth <= SL_JSON_MAX_DEPTH && j->count[j->depth - 1];
    j->depth--;
    if (had)
        newline(j);
    put_byte(&j->buf, c);
}

void sl_json_object_begin(sl_json *j) { open(j, '{'); }
void sl_json_object_end(sl_json *j) { close(j, '}'); }
void sl_json_array_begin(sl_json *j) { open(j, '['); }
void sl_json_array_end(sl_json *j) { close(j, ']'); }

/* Bytes from outside the texts (a file name, a URL) may be invalid UTF-8,
 * which no JSON reader takes: each invalid byte is written as U+FFFD, as
 * the texts' own invalid bytes are at ingest. */
size_t sl_json_utf8_length(const char *s, size_t n)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
    return k > 0 ? (size_t)k : 0;
}

/* Whether all eight bytes at s go into a JSON string as they are: ASCII
 * from 0x20 up, not '"' nor '\\'. Each test is exact for "some byte is"
 * (the zero-byte test of a word; a borrow crosses only above a byte that
 * is). Written here, as util sits under text/swar.h. */
static int eight_as_is(const char *s)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t w, quote, backslash;
    memcpy(&w, s, sizeof w);
    quote = w ^ ones * '"';
    backslash = w ^ ones * '\\';
    uint64_t odd = w | ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                   ((backslash - ones) & ~backslash);
    return !(odd & highs);
}

/* The same for one byte: 1 for ASCII from 0x20 up but '"' and '\\' (a
 * table, as most strings are shorter than eight bytes: keys, "entity"). */
static const unsigned char byte_as_is[256] = {
    [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* not '"' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,            /* not '\\' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The end of the bytes from s[i] that go as they are, n when all do:
 * eight at a time, then the last eight of the string (overlapping those
 * read) or the bytes left one by one. Most strings written are short (a
 * key, "entity"), so their tail was most of the scan. */
static size_t as_is_end(const char *s, size_t i, size_t n)
{
    while (n - i >= 8 && eight_as_is(s + i))
        i += 8;
    if (n - i < 8 && n >= 8 && eight_as_is(s + n - 8))
        return n;
    while (i < n && byte_as_is[(unsigned char)s[i]])
        i++;
    return i;
}

static void put_escaped(sl_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    put_byte(b, '"');
    size_t run = 0;
    for (size_t i = as_is_end(s, 0, n); i < n; i = as_is_end(s, i, n)) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c >= 0x80 ? sl_json_utf8_length(s + i, n - i) : 0;
        if (k > 1) {   /* a whole UTF-8 character goes as it is */
            i += k;
            continue;
        }
        sl_buf_put(b, s + run, i - run);
        run = ++i;
        switch (c) {
        case '"': sl_buf_put(b, "\\\"", 2); break;
        case '\\': sl_buf_put(b, "\\\\", 2); break;
        case '\n': sl_buf_put(b, "\\n", 2); break;
        case '\t': sl_buf_put(b, "\\t", 2); break;
        case '\r': sl_buf_put(b, "\\r", 2); break;
        default: {
            if (c >= 0x80) {
                sl_buf_put(b, "\xEF\xBF\xBD", 3);
                break;
            }
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sl_buf_put(b, esc, 6);
        }
        }
    }
    sl_buf_put(b, s + run, n - run);
    put_byte(b, '"');
}

void sl_json_key(sl_json *j, const char *key)
{
    before_value(j);
    put_escaped(&j->buf, key, strlen(key));
    sl_buf_put(&j->buf, j->pretty ? ": " : ":", j->pretty ? 2 : 1);
    j->after_key = 1;
}

void sl_json_string_n(sl_json *j, const char *s, size_t n)
{
    before_value(j);
    put_escaped(&j->buf, s, n);
}

void sl_json_string(sl_json *j, const char *s)
{
    if (!s) {
        sl_json_null(j);
        return;
    }
    sl_json_string_n(j, s, strlen(s));
}

/* Two digits at a time from the back: snprintf("%lld") went through
 * vfprintf for each of them, 55 M instructions of `facts --text` over the
 * first 1,000 Reuters stories (docs/history/benchmarks-rounds.md, "Twenty-eighth round"). */
size_t sl_json_format_int(char out[SL_JSON_INT_MAX], int64_t v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    char digits[SL_JSON_INT_MAX];
    size_t at = sizeof digits;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;   /* INT64_MIN too */
    while (u >= 100) {
        size_t k = (size_t)(u % 100) * 2;
        u /= 100;
        digits[--at] = pairs[k + 1];
        digits[--at] = pairs[k];
    }
    if (u >= 10) {
        digits[--at] = pairs[u * 2 + 1];
        digits[--at] = pairs[u * 2];
    } else {
        digits[--at] = (char)('0' + u);
    }
    if (v < 0)
        digits[--at] = '-';
    memcpy(out, digits + at, sizeof digits - at);
    return sizeof digits - at;
}

void sl_json_int(sl_json *j, int64_t v)
{
    before_value(j);
    char digits[SL_JSON_INT_MAX];
    sl_buf_put(&j->buf, digits, sl_json_format_int(digits, v));
}

void sl_json_double(sl_json *j, double v)
{
    before_value(j);
    if (!isfinite(v))
        sl_buf_puts(&j->buf, "null");
    else
        sl_buf_printf(&j->buf, "%.4g", v);
}

void sl_json_bool(sl_json *j, int v)
{
    before_value(j);
    sl_buf_puts(&j->buf, v ? "true" : "false");
}

void sl_json_null(sl_json *j)
{
    before_value(j);
    sl_buf_puts(&j->buf, "null");
}

void sl_json_raw(sl_json *j, const char *json)
{
    if (!json) {
        sl_json_null(j);
        return;
    }
    before_value(j);
    sl_buf_puts(&j->buf, json);
}

void sl_json_id(sl_json *j, int64_t id)
{
    if (id)
        sl_json_int(j, id);
    else
        sl_json_null(j);
}

void sl_json_kv_string(sl_json *j, const char *key, const char *s)
{
    sl_json_key(j, key);
    sl_json_string(j, s);
}

void sl_json_kv_int(sl_json *j, const char *key, int64_t v)
{
    sl_json_key(j, key);
    sl_json_int(j, v);
}

void sl_json_kv_double(sl_json *j, const char *key, double v)
{
    sl_json_key(j, key);
    sl_json_double(j, v);
}

void sl_json_kv_id(sl_json *j, const char *key, int64_t id)
{
    sl_json_key(j, key);
    sl_json_id(j, id);
}
