/* jsonl.c — reads one line of a JSONL input (one JSON object per line) into
 * a raw record. The engine splits the file into lines and reports a failed
 * line as FILE:LINE with the reason given here; the other lines go on. */
#include <inttypes.h>
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

static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            return 0;
    return 1;
}

/* Copies a JSON string, leaving out NUL bytes (a "\u0000" escape): every
 * field must stay a C string, and a NUL carries nothing in an article.
 * An empty result leaves *dst NULL. */
static int copy_string(const json_t *v, char **dst, size_t *dst_len)
{
    const char *s = json_string_value(v);
    size_t n = json_string_length(v), k = 0;
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
static int optional_string(const json_t *obj, const char *name, char **dst)
{
    const json_t *v = json_object_get(obj, name);
    return json_is_string(v) ? copy_string(v, dst, NULL) : 0;
}

static int read_key(const json_t *obj, char **dst)
{
    const json_t *v = json_object_get(obj, "id");
    if (json_is_string(v))
        return copy_string(v, dst, NULL);
    if (!json_is_integer(v))
        return 0;
    char num[32];
    snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    *dst = sl_strdup(num);
    return *dst ? 0 : SL_ENOMEM;
}

static int nonempty_string(const json_t *v) { return json_is_string(v) && json_string_length(v) > 0; }

/* The body: `text` wins over `html` when both are given (the producer has
 * already extracted it), so exactly one of them is set. */
static int read_body(const json_t *obj, sl_record *out, sl_buf *why)
{
    const json_t *text = json_object_get(obj, "text");
    const json_t *html = json_object_get(obj, "html");
    int rc = 0;
    if (nonempty_string(text))
        rc = copy_string(text, &out->text, &out->text_len);
    else if (nonempty_string(html))
        rc = copy_string(html, &out->html, &out->html_len);
    if (rc)
        return rc;
    if (out->text || out->html)
        return 0;
    if ((text && !json_is_string(text) && !json_is_null(text)) ||
        (html && !json_is_string(html) && !json_is_null(html)))
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

int sl_jsonl_parse_line(const char *line, size_t len, sl_record *out, sl_buf *why)
{
    sl_record_clear(out);
    if (len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {   /* BOM on the first line */
        line += 3;
        len -= 3;
    }
    if (only_space(line, len))
        return fail(why, "empty line");

    json_error_t err;
    json_t *root = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!root) {
        if (why) {
            sl_buf_clear(why);
            sl_buf_printf(why, "invalid JSON at column %d: %s", err.column > 0 ? err.column : 1, err.text);
        }
        return SL_EBADINPUT;
    }
    int rc;
    if (!json_is_object(root)) {
        char reason[64];
        snprintf(reason, sizeof reason, "line is %s, not a JSON object", type_name(root));
        rc = fail(why, reason);
        goto done;
    }
    rc = read_body(root, out, why);
    if (!rc)
        rc = read_key(root, &out->key);
    if (!rc)
        rc = optional_string(root, "url", &out->url);
    if (!rc)
        rc = optional_string(root, "source", &out->source);
    if (!rc)
        rc = optional_string(root, "title", &out->title);
    if (!rc)
        rc = optional_string(root, "published", &out->published);
    if (!rc && !out->published)
        rc = optional_string(root, "date", &out->published);
done:
    json_decref(root);
    if (rc)
        sl_record_clear(out);
    return rc;
}
