/* jsonl.c — reads one line of a JSONL input (one JSON object per line) into
 * a raw record. The engine splits the file into lines and reports a failed
 * line as FILE:LINE with the reason given here; the other lines go on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ingest/ingest.h"
#include "util/alloc.h"

static int fail(sl_buf *why, const char *reason)
{
    if (why) {
        sl_buf_clear(why);
        sl_buf_puts(why, reason);
    }
    return SL_EBADINPUT;
}

/* The members a record is made of, in the order sl_json_fields_read is given them. */
enum { F_TEXT, F_HTML, F_ID, F_URL, F_SOURCE, F_TITLE, F_PUBLISHED, F_DATE, N_FIELDS };

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

/* Reads the line's fields (jansson reads a line yajl declines, and says
 * what is wrong with it, as it did for every line before). */
static int read_fields(const char *line, size_t len, sl_json_field *f, sl_buf *why)
{
    json_t *root;
    json_error_t err;
    int rc = sl_json_fields_read_line(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, 0, f, N_FIELDS, &root, &err);
    if (rc == SL_EBADINPUT && !root && why) {
        sl_buf_clear(why);
        sl_buf_printf(why, "invalid JSON at column %d: %s", err.column > 0 ? err.column : 1, err.text);
    } else if (rc == SL_EBADINPUT && root) {
        char reason[64];
        snprintf(reason, sizeof reason, "line is %s, not a JSON object", type_name(root));
        rc = fail(why, reason);
    }
    json_decref(root);
    return rc;
}

static int fill_record(const sl_json_field *f, sl_record *out, sl_buf *why)
{
    int rc = read_body(f, out, why);
    if (!rc)
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

int sl_jsonl_parse_line(const char *line, size_t len, sl_record *out, sl_buf *why)
{
    sl_record_clear(out);
    if (len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {   /* BOM on the first line */
        line += 3;
        len -= 3;
    }
    if (sl_json_only_space(line, len))
        return fail(why, "empty line");

    sl_json_field f[N_FIELDS] = {
        [F_TEXT] = {.name = "text"}, [F_HTML] = {.name = "html"}, [F_ID] = {.name = "id"},
        [F_URL] = {.name = "url"}, [F_SOURCE] = {.name = "source"}, [F_TITLE] = {.name = "title"},
        [F_PUBLISHED] = {.name = "published"}, [F_DATE] = {.name = "date"},
    };
    int rc = read_fields(line, len, f, why);
    if (!rc)
        rc = fill_record(f, out, why);
    sl_json_fields_free(f, N_FIELDS);
    if (rc)
        sl_record_clear(out);
    return rc;
}
