/* json_doc.c — the elements of a JSON document, one at a time: the values of
 * a top-level array (`[{...}, {...}]`, pretty-printed or on one line), a
 * top-level object, or a sequence of either (jq prints one pretty-printed
 * object after another). Only each element's extent is found here, by its
 * strings and brackets; jsonl.c parses it by the JSONL line's rules, so the
 * memory of a document is that of its bytes and one element, never a tree
 * of the whole. */
#include <string.h>

#include "ingest/ingest.h"

/* Brackets whose kind is checked: deeper ones are counted only (the parser
 * of the element declines nesting deeper than 64 anyway). */
#define KINDS_MAX 64

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Moves to `to`, counting the newlines passed. */
static void advance(sl_json_doc *d, size_t to)
{
    const char *p = d->data + d->pos, *end = d->data + to;
    while ((p = memchr(p, '\n', (size_t)(end - p)))) {
        d->line++;
        p++;
    }
    d->pos = to;
}

static void skip_space(sl_json_doc *d)
{
    size_t i = d->pos;
    while (i < d->len && is_space(d->data[i]))
        i++;
    advance(d, i);
}

/* The index after the JSON string opening at s[i], or len when it is not closed. */
static size_t string_end(const char *s, size_t i, size_t len)
{
    for (i++; i < len; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return len;
}

/* The index after the object or array opening at s[i]; a closing bracket of
 * the wrong kind ends it there (the parser names the fault). *cut is set
 * when the end of the data comes first. */
static size_t container_end(const char *s, size_t i, size_t len, int *cut)
{
    uint64_t arrays = 0;   /* bit k: the bracket open at depth k is '[' */
    size_t depth = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '"') {
            i = string_end(s, i, len) - 1;
        } else if (c == '{' || c == '[') {
            if (depth < KINDS_MAX)
                arrays = (arrays & ~((uint64_t)1 << depth)) | ((uint64_t)(c == '[') << depth);
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
            int wrong = depth < KINDS_MAX && ((arrays >> depth) & 1) != (c == ']');
            if (!depth || wrong)
                return i + 1;
        }
    }
    *cut = 1;
    return len;
}

/* A value that is no object or array inside an array (a string, a number,
 * a word): up to the next separator, for the parser to name. */
static size_t scalar_end(const char *s, size_t i, size_t len)
{
    if (s[i] == '"')
        return string_end(s, i, len);
    while (i < len && !is_space(s[i]) && !strchr(",]}[{", s[i]))
        i++;
    return i;
}

void sl_json_doc_init(sl_json_doc *d, const char *data, size_t len)
{
    memset(d, 0, sizeof *d);
    d->data = data;
    d->len = len;
    d->line = 1;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        d->pos = 3;
}

static int fault(sl_json_doc *d, sl_json_element *el, sl_buf *why, const char *reason)
{
    el->line = d->line;
    el->index = d->index + 1;
    sl_buf_clear(why);
    sl_buf_puts(why, reason);
    return SL_EBADINPUT;
}

/* Between two values of an array: a comma, or the array's end. */
static int separator(sl_json_doc *d, sl_json_element *el, sl_buf *why)
{
    skip_space(d);
    if (d->pos < d->len && d->data[d->pos] == ',') {
        advance(d, d->pos + 1);
        d->after_value = 0;
        return 0;
    }
    if (d->pos < d->len && d->data[d->pos] == ']')
        return 0;
    d->after_value = 0;   /* read on, as if the comma were there */
    return d->pos < d->len ? fault(d, el, why, "',' or ']' expected between elements") : 0;
}

int sl_json_doc_next(sl_json_doc *d, sl_json_element *el, sl_buf *why)
{
    for (;;) {
        if (d->in_array && d->after_value) {
            int rc = separator(d, el, why);
            if (rc)
                return rc;
        }
        skip_space(d);
        if (d->pos >= d->len && d->in_array) {
            d->in_array = 0;
            return fault(d, el, why, "the array is not closed: cut short at the end of the file");
        }
        if (d->pos >= d->len)
            return 0;
        const char *s = d->data;
        char c = s[d->pos];
        if (c == (d->in_array ? ']' : '[')) {   /* a top-level array opens or closes */
            d->in_array = !d->in_array;
            d->after_value = 0;
            advance(d, d->pos + 1);
            continue;
        }
        if (!d->in_array && c != '{') {
            fault(d, el, why, "not JSON after the document's last element: the rest is not read");
            advance(d, d->len);
            return SL_EBADINPUT;
        }
        int cut = 0;
        size_t end = c == '{' || c == '[' ? container_end(s, d->pos, d->len, &cut) : scalar_end(s, d->pos, d->len);
        if (end == d->pos)   /* a stray ',' or '}' inside the array */
            end++;
        el->start = s + d->pos;
        el->len = end - d->pos;
        el->line = d->line;
        el->index = ++d->index;
        advance(d, end);
        d->after_value = d->in_array;
        if (cut) {
            sl_buf_clear(why);
            sl_buf_puts(why, "cut short at the end of the file");
            d->in_array = 0;
            return SL_EBADINPUT;
        }
        return 1;
    }
}
