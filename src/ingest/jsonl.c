/* jsonl.c — reads one line of a JSONL input (one JSON object per line) into
 * a raw record. The engine splits the file into lines and reports a failed
 * line as FILE:LINE with the reason given here; the other lines go on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "ingest/ingest.h"
#include "text/text.h"
#include "util/alloc.h"

static int fail(sl_buf *why, const char *reason)
{
    if (why) {
        sl_buf_clear(why);
        sl_buf_puts(why, reason);
    }
    return SL_EBADINPUT;
}

/* The members a record is made of, in the order sl_json_fields_read is given
 * them. A line filter (sl_jsonl_parse_line_shaped) reads the first
 * N_FILTER_FIELDS only: the others are optional, never the reason a line is
 * refused, and not reading them keeps dedup's reading as cheap as it was. */
enum { F_TEXT, F_HTML, F_ID, F_URL, F_SOURCE, F_TITLE, F_PUBLISHED, F_DATE, N_FIELDS };
enum { N_FILTER_FIELDS = F_ID + 1 };
_Static_assert((int)N_FIELDS == (int)SL_JSONL_MEMBERS, "sl_jsonl_line holds every member");
static const char *const member_names[N_FIELDS] = {
    [F_TEXT] = "text", [F_HTML] = "html", [F_ID] = "id", [F_URL] = "url", [F_SOURCE] = "source",
    [F_TITLE] = "title", [F_PUBLISHED] = "published", [F_DATE] = "date",
};

/* Copies a JSON string, leaving out NUL bytes (a "\u0000" escape): every
 * field must stay a C string, and a NUL carries nothing in an article.
 * An empty result leaves *dst NULL. */
static int copy_string(const sl_json_field *f, char **dst, size_t *dst_len)
{
    const char *s = f->string.ptr;
    size_t n = f->string.len, k = 0;
    if (!n)
        return 0;
    char *p = sl_malloc(n + 1);
    if (!p)
        return SL_ENOMEM;
    if (!memchr(s, '\0', n)) { /* nearly always: one copy, not a byte's test each */
        memcpy(p, s, n);
        k = n;
    } else {
        for (size_t i = 0; i < n; i++)
            if (s[i])
                p[k++] = s[i];
    }
    p[k] = '\0';
    if (!k) {
        free(p);
        return 0;
    }
    *dst = p;
    if (dst_len)
        *dst_len = k;
    return 0;
}

/* An optional string field; absent, null, empty or of another type means
 * "not given" (a record is not rejected for a bad optional field). */
static int optional_string(const sl_json_field *f, char **dst)
{
    return f->kind == SL_JSON_STRING ? copy_string(f, dst, NULL) : 0;
}

static int read_key(const sl_json_field *f, char **dst)
{
    if (f->kind == SL_JSON_STRING)
        return copy_string(f, dst, NULL);
    if (f->kind != SL_JSON_INTEGER)
        return 0;
    char num[32];
    snprintf(num, sizeof num, "%lld", f->integer);
    *dst = sl_strdup(num);
    return *dst ? 0 : SL_ENOMEM;
}

static int nonempty_string(const sl_json_field *f) { return f->kind == SL_JSON_STRING && f->string.len > 0; }

static int given_but_no_string(const sl_json_field *f)
{
    return f->kind != SL_JSON_ABSENT && f->kind != SL_JSON_STRING && f->kind != SL_JSON_NULL;
}

/* The body: `text` wins over `html` when both are given (the producer has
 * already extracted it), so exactly one of them is set. */
static int read_body(const sl_json_field *f, sl_record *out, sl_buf *why)
{
    int rc = 0;
    if (nonempty_string(&f[F_TEXT]))
        rc = copy_string(&f[F_TEXT], &out->text, &out->text_len);
    else if (nonempty_string(&f[F_HTML]))
        rc = copy_string(&f[F_HTML], &out->html, &out->html_len);
    if (rc)
        return rc;
    if (out->text || out->html)
        return 0;
    if (given_but_no_string(&f[F_TEXT]) || given_but_no_string(&f[F_HTML]))
        return fail(why, "field text or html is not a string");
    return fail(why, "no text or html field");
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    default: return "not an object";
    }
}

/* Reads the fields of a line, or of a document's element starting on line
 * `at_line` (0 for a JSONL line); jansson reads what yajl declines, and says
 * what is wrong with it, as it did for every line before. With `shape`, a
 * line whose fields hold an object or an array is jansson's too, and an
 * "id" that is one is kept as jansson read it (yajl's fields name it only). */
static int read_fields(const char *line, size_t len, size_t at_line, sl_json_field *f, sl_jsonl_line *shape,
                       sl_buf *why)
{
    json_t *root;
    json_error_t err;
    int rc = sl_json_fields_read_line(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, shape != NULL, f,
                                      shape ? N_FILTER_FIELDS : N_FIELDS, &root, &err);
    if (!rc && shape && f[F_ID].kind == SL_JSON_NESTED) {
        json_decref(shape->id);
        shape->id = json_incref(json_object_get(root, "id"));
    }
    int column = err.column > 0 ? err.column : 1;
    if (rc == SL_EBADINPUT && !root && why && !at_line) {
        sl_buf_clear(why);
        sl_buf_printf(why, "invalid JSON at column %d: %s", column, err.text);
    } else if (rc == SL_EBADINPUT && !root && why) {
        sl_buf_clear(why);
        sl_buf_printf(why, "invalid JSON at line %zu, column %d: %s", at_line + (size_t)(err.line > 1 ? err.line - 1 : 0),
                      column, err.text);
    } else if (rc == SL_EBADINPUT && root) {
        char reason[64];
        snprintf(reason, sizeof reason, "%s is %s, not a JSON object", at_line ? "element" : "line", type_name(root));
        rc = fail(why, reason);
    }
    json_decref(root);
    return rc;
}

/* ---- a byte that is not UTF-8 in a string ---------------------------------
 * A text file's invalid bytes are replaced and counted (bad_bytes) by the
 * pipeline; JSON parsers refuse them, and the whole line was lost. So a line
 * that fails and holds such bytes is parsed again with each one stood in
 * for by a private-use character of plane 16 (U+10FF80 + the byte's low 7
 * bits, valid UTF-8 and one character, so columns stay), which is then put
 * back: the raw byte in `text` and `html`, for the pipeline to repair and
 * count as it does a text file's, U+FFFD in the other fields. A line that
 * already holds such a character (raw, or as the escape \udbff) keeps its
 * error: the stand-ins could not be told apart. */

static int is_stand_in(const unsigned char *s, size_t i, size_t n)
{
    return i + 3 < n && s[i] == 0xF4 && s[i + 1] == 0x8F && (s[i + 2] == 0xBE || s[i + 2] == 0xBF) &&
           (s[i + 3] & 0xC0) == 0x80;
}

/* The line with a stand-in for each invalid byte, in `out`; 0 when it has
 * none, or holds a stand-in already. */
static int stand_in_bytes(const char *line, size_t len, sl_buf *out)
{
    const unsigned char *s = (const unsigned char *)line;
    size_t bad = 0;
    for (size_t i = 0; i < len;) {
        size_t k = sl_utf8_valid_len(line + i, len - i);
        if (is_stand_in(s, i, len))
            return 0;
        if (!k) {
            unsigned char b = s[i];
            char c4[4] = {(char)0xF4, (char)0x8F, (char)(0xBE + (b >> 6 & 1)), (char)(0x80 | (b & 0x3F))};
            sl_buf_put(out, line + bad, i - bad);
            sl_buf_put(out, c4, 4);
            bad = ++i;
            continue;
        }
        i += k;
    }
    if (!out->len)
        return 0;
    sl_buf_put(out, line + bad, len - bad);
    for (const char *p = line, *end = line + len; p < end && (p = memchr(p, '\\', (size_t)(end - p))); p += 2)
        if (end - p >= 6 && p[1] == 'u' && !strncasecmp(p + 2, "dbff", 4))
            return 0;
    return 1;
}

/* Puts the bytes back into a field read from the stood-in line: the raw
 * byte, or U+FFFD when `raw` is 0. */
static void put_back(sl_buf *field, int raw)
{
    unsigned char *s = (unsigned char *)field->ptr;
    size_t k = 0;
    for (size_t i = 0; i < field->len;) {
        if (!is_stand_in(s, i, field->len)) {
            s[k++] = s[i++];
        } else if (raw) {
            s[k++] = (unsigned char)(0x80 | ((s[i + 2] - 0xBE) << 6) | (s[i + 3] & 0x3F));
            i += 4;
        } else {
            memcpy(s + k, "\xEF\xBF\xBD", 3);
            k += 3;
            i += 4;
        }
    }
    field->len = k;
    if (field->ptr)
        field->ptr[k] = '\0';
}

/* The same for an "id" kept as jansson read it from the stood-in line (an
 * object or an array, read_fields): its stand-ins, in its strings and its
 * keys, become U+FFFD, as a string id's do. NULL when out of memory. */
static json_t *put_back_id(json_t *id)
{
    char *dumped = json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT);
    json_decref(id);
    sl_buf b = SL_BUF_INIT;
    if (dumped)
        sl_buf_puts(&b, dumped);
    free(dumped);
    put_back(&b, 0);
    json_t *back = b.len && !b.err ? json_loadb(b.ptr, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL) : NULL;
    sl_buf_free(&b);
    return back;
}

/* Whether the message quotes a stand-in (jansson's "near '...'"). */
static int quotes_stand_in(const sl_buf *message)
{
    const unsigned char *s = (const unsigned char *)message->ptr;
    for (size_t i = 0; i < message->len; i++)
        if (is_stand_in(s, i, message->len))
            return 1;
    return 0;
}

/* A line that failed: read again with stand-ins for its invalid bytes,
 * when it has some; otherwise the error stands. If it fails again, its own
 * fault is said, unless the message quotes a stand-in (the fault is then
 * at or by an invalid byte, which the first error names). */
static int read_stood_in(const char *line, size_t len, size_t at_line, sl_json_field *f, sl_jsonl_line *shape,
                         sl_buf *why)
{
    sl_buf copy = SL_BUF_INIT, again = SL_BUF_INIT;
    int rc = SL_EBADINPUT;
    if (stand_in_bytes(line, len, &copy) && !copy.err) {
        rc = read_fields(copy.ptr, copy.len, at_line, f, shape, &again);
        for (size_t k = 0; !rc && k < N_FIELDS; k++)
            if (f[k].kind == SL_JSON_STRING)
                put_back(&f[k].string, k == F_TEXT || k == F_HTML);
        if (!rc && shape && shape->id)
            shape->id = put_back_id(shape->id);
        if (rc == SL_EBADINPUT && why && again.len && !quotes_stand_in(&again)) {
            sl_buf_clear(why);
            sl_buf_put(why, again.ptr, again.len);
        }
    } else if (copy.err == SL_ENOMEM) {
        rc = SL_ENOMEM;
    }
    sl_buf_free(&copy);
    sl_buf_free(&again);
    return rc;
}

/* The record from its fields; a line filter's (`shape`) gets its body
 * alone: its id is shape->id, and the key made of it was a copy (or a
 * printed number) a line that no reader read. */
static int fill_record(const sl_json_field *f, const sl_jsonl_line *shape, sl_record *out, sl_buf *why)
{
    int rc = read_body(f, out, why);
    if (rc || shape)
        return rc;
    rc = read_key(&f[F_ID], &out->key);
    if (!rc)
        rc = optional_string(&f[F_URL], &out->url);
    if (!rc)
        rc = optional_string(&f[F_SOURCE], &out->source);
    if (!rc)
        rc = optional_string(&f[F_TITLE], &out->title);
    if (!rc)
        rc = optional_string(&f[F_PUBLISHED], &out->published);
    if (!rc && !out->published)
        rc = optional_string(&f[F_DATE], &out->published);
    return rc;
}

/* The id as jansson holds it, from the fields yajl read; NULL when absent
 * (or out of memory). One that is an object or an array read_fields keeps. */
static json_t *id_of(const sl_json_field *f)
{
    switch (f->kind) {
    case SL_JSON_STRING: return json_stringn_nocheck(f->string.ptr ? f->string.ptr : "", f->string.len);
    case SL_JSON_INTEGER: return json_integer(f->integer);
    case SL_JSON_REAL: return json_real(f->real);
    case SL_JSON_TRUE: return json_true();
    case SL_JSON_FALSE: return json_false();
    case SL_JSON_NULL: return json_null();
    default: return NULL;
    }
}

static int parse(const char *line, size_t len, size_t at_line, sl_record *out, sl_jsonl_line *shape, sl_buf *why)
{
    sl_record_clear(out);
    if (shape) {
        json_decref(shape->id);
        shape->id = NULL;
        shape->is_object = 0;
    }
    if (len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {   /* BOM on the first line */
        line += 3;
        len -= 3;
    }
    if (sl_json_only_space(line, len))
        return fail(why, "empty line");

    sl_json_field own[N_FIELDS] = {0};
    sl_json_field *f = shape ? shape->members : own;   /* a filter's buffers serve line after line */
    for (size_t k = 0; k < N_FIELDS; k++)
        f[k].name = member_names[k];
    int rc = read_fields(line, len, at_line, f, shape, why);
    if (rc == SL_EBADINPUT) {
        int again = read_stood_in(line, len, at_line, f, shape, why);
        rc = again == SL_EBADINPUT ? rc : again;
    }
    if (!rc && shape) {
        shape->is_object = 1;
        if (f[F_ID].kind != SL_JSON_NESTED)
            shape->id = id_of(&f[F_ID]);
    }
    if (!rc)
        rc = fill_record(f, shape, out, why);
    sl_json_fields_free(own, N_FIELDS);
    if (rc)
        sl_record_clear(out);
    return rc;
}

void sl_jsonl_line_free(sl_jsonl_line *shape)
{
    json_decref(shape->id);
    sl_json_fields_free(shape->members, N_FIELDS);
    memset(shape, 0, sizeof *shape);
}

int sl_jsonl_parse_line(const char *line, size_t len, sl_record *out, sl_buf *why)
{
    return parse(line, len, 0, out, NULL, why);
}

int sl_jsonl_parse_line_shaped(const char *line, size_t len, sl_record *out, sl_jsonl_line *shape, sl_buf *why)
{
    return parse(line, len, 0, out, shape, why);
}

int sl_jsonl_parse_element(const char *element, size_t len, size_t line, sl_record *out, sl_buf *why)
{
    return parse(element, len, line ? line : 1, out, NULL, why);
}
