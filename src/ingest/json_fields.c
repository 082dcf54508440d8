/* json_fields.c — the few members a JSONL reader needs from a line, read
 * with yajl's callback parser, which decodes only those (jansson builds the
 * whole object: 141 instructions a byte of Reuters JSONL against about 27;
 * docs/history/benchmarks-rounds.md, "Eighteenth round"). A line yajl might read otherwise
 * than jansson is declined, and read with jansson as before
 * (sl_json_fields_read_line, for ingest's and dedup's lines alike);
 * sl_json_fields_of gives the same fields from jansson's object. A flat
 * line (strings and small integers) is read without yajl, calling its
 * callbacks as yajl would (read_flat, below). */
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>
#include <yajl/yajl_parse.h>

#include "ingest/ingest.h"
#include "text/swar.h"
#include "text/text.h"
#include "util/alloc.h"

/* Deeper lines are left to jansson (whose limit is 2,048). */
#define MAX_DEPTH 64

typedef struct reader {
    sl_json_field *fields;
    size_t n;
    int depth;
    sl_json_field *at;   /* the wanted member whose value comes next */
    yajl_handle handle;
    size_t end;          /* bytes read when the top-level object closed */
} reader;

static int hex4(const unsigned char *s, unsigned *v)
{
    *v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned c = s[k], d = c - '0' < 10 ? c - '0' : (c | 0x20) - 'a' < 6 ? (c | 0x20) - 'a' + 10 : 16;
        if (d > 15)
            return 0;
        *v = *v << 4 | d;
    }
    return 1;
}

/* The escape at s[i] ('\\'): its length, or 0 where jansson and yajl part
 * ways (a NUL or an unpaired surrogate, which yajl turns into '?' or keeps;
 * jansson refuses them) or the escape is cut short. */
static size_t escape_length(const unsigned char *s, size_t i, size_t len)
{
    unsigned v, low;
    if (i + 1 >= len)
        return 0;
    if (s[i + 1] != 'u')
        return 2;
    if (i + 6 > len || !hex4(s + i + 2, &v) || v == 0 || (v >= 0xDC00 && v <= 0xDFFF))
        return 0;
    if (v < 0xD800 || v > 0xDBFF)
        return 6;
    if (i + 12 > len || s[i + 6] != '\\' || s[i + 7] != 'u' || !hex4(s + i + 8, &low))
        return 0;
    return low >= 0xDC00 && low <= 0xDFFF ? 12 : 0;
}

/* How many of the sixteen bytes at s are plain before the first that is
 * not (>= 0x80, < 0x20 or a backslash: the bytes same_reading looks at);
 * 16 when all are. One vector compare, as the text stage's scans. */
static inline size_t plain_prefix16(const unsigned char *s)
{
    sl_bytes16 b, special;
    sl_bytes16_load(&b, s);
    special = (sl_bytes16)((b < 0x20) | (b >= 0x80) | (b == '\\'));
    return sl_bytes16_first(&special);
}

/* Whether yajl reads the line's bytes as jansson does: valid UTF-8 in the
 * strict sense jansson checks (no overlong form, surrogate or > U+10FFFF;
 * yajl's own check lets those pass, so it is turned off), escapes both
 * decode alike, and no \v or \f, which yajl takes for white space. The
 * plain bytes sixteen at a time, up to the first that is not
 * (docs/history/benchmarks-rounds.md, "Twenty-fourth round"): each would have been
 * stepped over alone. */
static int same_reading(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (i + 16 <= len) {
            size_t plain = plain_prefix16(s + i);
            i += plain;
            if (plain == 16)
                continue;
        }
        unsigned char b = s[i];
        if (b >= 0x80) {
            size_t k = sl_utf8_valid_len((const char *)s + i, len - i);
            if (!k)
                return 0;
            i += k;
        } else if (b == '\\') {
            size_t k = escape_length(s, i, len);
            if (!k)
                return 0;
            i += k;
        } else if (b == '\v' || b == '\f') {
            return 0;
        } else {
            i++;
        }
    }
    return 1;
}

/* The member a value belongs to, when it is wanted; NULL otherwise. A
 * value at the top (not in an object) declines the line. */
static sl_json_field *take(reader *r)
{
    sl_json_field *f = r->depth == 1 ? r->at : NULL;
    if (r->depth == 1)
        r->at = NULL;
    return f;
}

/* A value that is not a string, an object or an array. */
static int scalar(void *ctx, sl_json_kind kind, long long integer, double real)
{
    reader *r = ctx;
    sl_json_field *f = take(r);
    if (f) {
        f->kind = kind;
        f->integer = integer;
        f->real = real;
    }
    return r->depth > 0;
}

static int on_null(void *ctx) { return scalar(ctx, SL_JSON_NULL, 0, 0); }
static int on_boolean(void *ctx, int v) { return scalar(ctx, v ? SL_JSON_TRUE : SL_JSON_FALSE, 0, 0); }
static int on_integer(void *ctx, long long v) { return scalar(ctx, SL_JSON_INTEGER, v, 0); }
static int on_double(void *ctx, double v) { return scalar(ctx, SL_JSON_REAL, 0, v); }

static int on_string(void *ctx, const unsigned char *s, size_t n)
{
    reader *r = ctx;
    sl_json_field *f = take(r);
    if (f) {
        f->kind = SL_JSON_STRING;
        sl_buf_clear(&f->string);
        if (sl_buf_put(&f->string, s, n))
            return 0;
    }
    return r->depth > 0;
}

static int on_key(void *ctx, const unsigned char *s, size_t n)
{
    reader *r = ctx;
    if (r->depth != 1)
        return 1;
    r->at = NULL;
    for (size_t k = 0; k < r->n; k++)
        if (!strncmp(r->fields[k].name, (const char *)s, n) && !r->fields[k].name[n])
            r->at = &r->fields[k];
    return 1;
}

/* An object opens the line or a member's value; an array only the latter. */
static int open_nested(reader *r, int is_object)
{
    if (r->depth == 0 && !is_object)
        return 0;
    sl_json_field *f = take(r);
    if (f)
        f->kind = SL_JSON_NESTED;
    return ++r->depth <= MAX_DEPTH;
}

static int on_start_map(void *ctx) { return open_nested(ctx, 1); }
static int on_start_array(void *ctx) { return open_nested(ctx, 0); }

static int on_end(void *ctx)
{
    reader *r = ctx;
    if (--r->depth == 0)
        r->end = yajl_get_bytes_consumed(r->handle);
    return 1;
}

static const yajl_callbacks callbacks = {
    on_null, on_boolean, on_integer, on_double, NULL, on_string,
    on_start_map, on_key, on_end, on_start_array, on_end,
};

/* yajl's memory comes from the project's allocator (alloc.h): counted,
 * and failed on demand by the fault injection, like every other. yajl 2.1
 * uses what its allocator returns without a NULL check (yajl_buf.c,
 * yajl_lex.c), so a failed allocation does not return to it: it jumps back
 * to parse(), and sl_json_fields_read frees every block yajl held (each is
 * linked in a list behind its header) and reports SL_ENOMEM. */
typedef union block {
    struct {
        union block *prev, *next;
    } link;
    max_align_t align;   /* the memory given to yajl follows, aligned */
} block;

typedef struct yajl_memory {
    yajl_alloc_funcs funcs;
    block *blocks;       /* every block yajl holds */
    jmp_buf failed;
} yajl_memory;

static void *hold(yajl_memory *m, block *b)
{
    b->link.prev = NULL;
    b->link.next = m->blocks;
    if (m->blocks)
        m->blocks->link.prev = b;
    m->blocks = b;
    return b + 1;
}

static block *release(yajl_memory *m, void *ptr)
{
    block *b = (block *)ptr - 1;
    if (b->link.prev)
        b->link.prev->link.next = b->link.next;
    else
        m->blocks = b->link.next;
    if (b->link.next)
        b->link.next->link.prev = b->link.prev;
    return b;
}

static void *yajl_malloc(void *ctx, size_t size)
{
    yajl_memory *m = ctx;
    block *b = size < SIZE_MAX - sizeof *b ? sl_malloc(sizeof *b + size) : NULL;
    if (!b)
        longjmp(m->failed, 1);
    return hold(m, b);
}

static void *yajl_realloc(void *ctx, void *ptr, size_t size)
{
    yajl_memory *m = ctx;
    if (!ptr)
        return yajl_malloc(ctx, size);
    block *b = release(m, ptr);
    block *grown = size < SIZE_MAX - sizeof *b ? sl_realloc(b, sizeof *b + size) : NULL;
    if (!grown) {
        hold(m, b);   /* still yajl's, freed with the rest */
        longjmp(m->failed, 1);
    }
    return hold(m, grown);
}

static void yajl_release(void *ctx, void *ptr)
{
    if (ptr)
        sl_free(release(ctx, ptr));
}

/* Reads the line with yajl into `st`; SL_ENOMEM (and the blocks left in
 * `m`) when an allocation failed. */
static int parse(reader *r, yajl_memory *m, const char *line, size_t len, yajl_status *st)
{
    if (setjmp(m->failed))
        return SL_ENOMEM;
    yajl_handle h = yajl_alloc(&callbacks, &m->funcs, r);
    if (!h)   /* its documented failure, though our allocator never returns NULL */
        return SL_ENOMEM;
    r->handle = h;
    yajl_config(h, yajl_dont_validate_strings, 1);
    *st = yajl_parse(h, (const unsigned char *)line, len);
    if (*st == yajl_status_ok)
        *st = yajl_complete_parse(h);
    yajl_free(h);
    return 0;
}

/* ---- A flat line without yajl ----
 * Most lines are one object whose members are strings and small integers
 * (Reuters' are all strings): read_flat reads those itself, calling the
 * callbacks above as yajl would for them, and leaves every other line to
 * same_reading and yajl (yajl was 8% of `dedup`'s instructions:
 * docs/history/benchmarks-rounds.md, "Twenty-fourth round"). It takes only what yajl
 * 2.1's lexer and parser read one way and same_reading lets through:
 * white space of the four JSON bytes (no \v or \f), keys of plain ASCII,
 * strings whose bytes past ASCII are UTF-8 in jansson's strict sense and
 * whose escapes are the eight single ones or \uXXXX as escape_length
 * allows them (a surrogate pair combined; no lone surrogate, no \u0000),
 * no byte below 0x20 in a string (yajl's error), integers of at most 18
 * digits (no overflow), and nothing but white space after the object. */

/* Where the white space from s[i] ends. */
static size_t skip_space(const unsigned char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* How many bytes from s[i] come before a quote, a backslash, a byte below
 * 0x20 or one past ASCII (or the end): sixteen at a time, then one by one. */
static size_t string_run(const unsigned char *s, size_t len, size_t i)
{
    size_t at = i;
    for (; len - at >= 16; at += 16) {
        sl_bytes16 b, stop;
        sl_bytes16_load(&b, s + at);
        stop = (sl_bytes16)((b < 0x20) | (b >= 0x80) | (b == '"') | (b == '\\'));
        size_t plain = sl_bytes16_first(&stop);
        if (plain < 16)
            return at + plain - i;
    }
    while (at < len && s[at] >= 0x20 && s[at] < 0x80 && s[at] != '"' && s[at] != '\\')
        at++;
    return at - i;
}

/* The byte a single-character escape stands for (the letter after the
 * backslash), 0 for 'u' and for what is no escape. */
static char escaped(unsigned char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
    }
}

/* Decodes the escape at s[i] ('\\') onto `out` (when not NULL), as yajl's
 * decoder does; its length, or 0 for one read_flat leaves to yajl. */
static size_t flat_escape(const unsigned char *s, size_t len, size_t i, sl_buf *out)
{
    size_t k = escape_length(s, i, len);
    unsigned hi, lo;
    if (k == 2) {
        char c = escaped(s[i + 1]);
        if (c && out)
            sl_buf_putc(out, c);
        return c ? 2 : 0;
    }
    if (!k || !hex4(s + i + 2, &hi) || (k == 12 && !hex4(s + i + 8, &lo)))
        return 0;
    if (out) {
        utf8proc_int32_t cp = k == 12 ? 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00) : hi;
        utf8proc_uint8_t bytes[4];
        sl_buf_put(out, bytes, (size_t)utf8proc_encode_char(cp, bytes));
    }
    return k;
}

/* A string with escapes goes into its field run by run: room for the
 * rest of the line is taken at its first escape, when the field has none
 * yet (a line filter's fields keep theirs from line to line; at most 64 KB with the
 * buffer's NUL, as its room doubles from 64 bytes), where growing run by
 * run reallocated a 3 KB Reuters text six times (4.7 M instructions of
 * the first 1,000 stories, docs/history/benchmarks-rounds.md
 * "Thirty-seventh round"). A string without one is put whole. */
#define ESCAPED_ROOM (((size_t)64 << 10) - 1)

/* Reads the string from s[i] (after its opening quote) as yajl gives it
 * to on_string; where it ends (after its closing quote), or 0 for a string
 * left to yajl or no memory. */
static size_t flat_string(reader *r, const unsigned char *s, size_t len, size_t i)
{
    sl_json_field *f = take(r);
    sl_buf *out = f ? &f->string : NULL;
    if (f) {
        f->kind = SL_JSON_STRING;
        sl_buf_clear(out);
    }
    for (bool first = true;; first = false) {
        size_t run = string_run(s, len, i);
        if (out && first && !out->cap && i + run < len && s[i + run] != '"')
            sl_buf_reserve(out, len - i < ESCAPED_ROOM ? len - i : ESCAPED_ROOM);
        if (out)
            sl_buf_put(out, s + i, run);
        i += run;
        if (i == len || s[i] < 0x20)
            return 0;
        if (s[i] == '"')
            return out && out->err ? 0 : i + 1;
        size_t k = s[i] == '\\' ? flat_escape(s, len, i, out) : sl_utf8_valid_len((const char *)s + i, len - i);
        if (!k)
            return 0;
        if (out && s[i] != '\\')
            sl_buf_put(out, s + i, k);
        i += k;
    }
}

/* Reads the integer from s[i] as on_integer gets it; where it ends, or 0
 * for a number left to yajl (a leading zero before a digit, no digit). It
 * reads 18 digits at most (no overflow): a 19th digit, a fraction or an
 * exponent after them is neither a comma nor the object's end, where
 * read_flat leaves the line to yajl. */
static size_t flat_integer(reader *r, const unsigned char *s, size_t len, size_t i)
{
    bool minus = i < len && s[i] == '-';
    size_t at = i + minus;
    long long v = 0;
    while (at < len && s[at] >= '0' && s[at] <= '9' && at - i - minus < 18)
        v = v * 10 + (s[at++] - '0');   /* 18 digits at most: no overflow */
    size_t digits = at - i - minus;
    if (!digits || (s[i + minus] == '0' && digits > 1))
        return 0;
    on_integer(r, minus ? -v : v);
    return at;
}

/* One member's key and value from s[i] (at its key's quote); where the
 * value ends, or 0 when the member is left to yajl. */
static size_t flat_member(reader *r, const unsigned char *s, size_t len, size_t i)
{
    if (i == len || s[i] != '"')
        return 0;
    size_t run = string_run(s, len, i + 1);
    if (i + 1 + run == len || s[i + 1 + run] != '"')
        return 0;   /* an escape in the key, a control byte or no end */
    on_key(r, s + i + 1, run);
    i = skip_space(s, len, i + 2 + run);
    if (i == len || s[i] != ':')
        return 0;
    i = skip_space(s, len, i + 1);
    if (i == len)
        return 0;
    return s[i] == '"' ? flat_string(r, s, len, i + 1) : flat_integer(r, s, len, i);
}

/* Reads a flat line (above) into r's fields: 1, or 0 when yajl is to read
 * the line (the fields may then hold part of it). */
static int read_flat(reader *r, const unsigned char *s, size_t len)
{
    size_t i = skip_space(s, len, 0);
    if (i == len || s[i] != '{')
        return 0;
    r->depth = 1;
    i = skip_space(s, len, i + 1);
    if (i < len && s[i] != '}') {
        for (;;) {
            i = flat_member(r, s, len, i);
            if (!i)
                return 0;
            i = skip_space(s, len, i);
            if (i == len || s[i] != ',')
                break;
            i = skip_space(s, len, i + 1);
        }
    }
    if (i == len || s[i] != '}')
        return 0;
    r->depth = 0;
    return sl_json_only_space((const char *)s + i + 1, len - i - 1);
}

/* Empties the fields; a string may be as long as jansson takes it. */
static void forget(sl_json_field *fields, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        fields[k].kind = SL_JSON_ABSENT;
        sl_buf_clear(&fields[k].string);
        fields[k].string.max = SIZE_MAX;
    }
}

int sl_json_fields_read(const char *line, size_t len, sl_json_field *fields, size_t n)
{
    forget(fields, n);
    reader flat = {.fields = fields, .n = n};
    if (read_flat(&flat, (const unsigned char *)line, len))
        return 0;   /* what same_reading checks, read_flat has checked */
    forget(fields, n);
    if (!same_reading((const unsigned char *)line, len))
        return SL_EBADINPUT;
    reader r = {.fields = fields, .n = n};
    yajl_memory m = {.funcs = {yajl_malloc, yajl_realloc, yajl_release, &m}};
    yajl_status st;
    if (parse(&r, &m, line, len, &st)) {
        while (m.blocks)
            yajl_release(&m, m.blocks + 1);
        forget(fields, n);
        return SL_ENOMEM;
    }
    /* Only white space may follow the object: yajl takes an unclosed
     * string after it for the end of input (it looks one token ahead),
     * where jansson reports the string. */
    if (st == yajl_status_ok && !sl_json_only_space(line + r.end, len - r.end))
        st = yajl_status_error;
    if (st != yajl_status_ok) {   /* invalid, declined by a callback, no memory for a string, or text after */
        forget(fields, n);
        return SL_EBADINPUT;
    }
    return 0;
}

static sl_json_kind kind_of(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_STRING: return SL_JSON_STRING;
    case JSON_INTEGER: return SL_JSON_INTEGER;
    case JSON_REAL: return SL_JSON_REAL;
    case JSON_TRUE: return SL_JSON_TRUE;
    case JSON_FALSE: return SL_JSON_FALSE;
    case JSON_NULL: return SL_JSON_NULL;
    default: return SL_JSON_NESTED;
    }
}

int sl_json_fields_of(const json_t *obj, sl_json_field *fields, size_t n)
{
    forget(fields, n);
    for (size_t k = 0; k < n; k++) {
        const json_t *v = json_object_get(obj, fields[k].name);
        if (!v)
            continue;
        fields[k].kind = kind_of(v);
        if (json_is_string(v) && sl_buf_put(&fields[k].string, json_string_value(v), json_string_length(v)))
            return SL_ENOMEM;
        fields[k].integer = json_is_integer(v) ? json_integer_value(v) : 0;
        fields[k].real = json_is_real(v) ? json_real_value(v) : 0;
    }
    return 0;
}

/* Whether any of the fields is an object or an array (which the fields
 * name but do not hold). */
static int any_nested(const sl_json_field *fields, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (fields[k].kind == SL_JSON_NESTED)
            return 1;
    return 0;
}

int sl_json_fields_read_line(const char *line, size_t len, size_t flags, int nested, sl_json_field *fields,
                             size_t n, json_t **root, json_error_t *err)
{
    *root = NULL;
    int rc = sl_json_fields_read(line, len, fields, n);
    if (rc != SL_EBADINPUT && !(rc == 0 && nested && any_nested(fields, n)))
        return rc;
    *root = json_loadb(line, len, flags, err);
    if (!json_is_object(*root))
        return SL_EBADINPUT;
    return sl_json_fields_of(*root, fields, n);
}

void sl_json_fields_free(sl_json_field *fields, size_t n)
{
    for (size_t k = 0; k < n; k++)
        sl_buf_free(&fields[k].string);
}
