/* json_out.h — a streaming JSON writer: values are appended to a buffer that
 * is flushed to a sink (sl_json_write_fn) as it fills, so exporting a store of
 * millions of articles needs constant memory. Commas and nesting are tracked
 * here, so callers write keys and values in order and nothing else. */
#ifndef SL_UTIL_JSON_OUT_H
#define SL_UTIL_JSON_OUT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"

#define SL_JSON_MAX_DEPTH 32

/* The sink: 0 when `len` bytes were taken. The same type as the public
 * sl_write_fn, which callers pass straight through. */
typedef int (*sl_json_write_fn)(void *ctx, const char *data, size_t len);

typedef struct sl_json {
    sl_buf buf;
    sl_json_write_fn write;
    void *ctx;
    int depth;
    int pretty;
    unsigned char count[SL_JSON_MAX_DEPTH]; /* items written at each depth (0, 1, many) */
    int after_key;
    int err;
} sl_json;

void sl_json_init(sl_json *j, sl_json_write_fn write, void *ctx, int pretty);
/* The length of the UTF-8 character at s[0, n) (n > 0); 0 when it is none,
 * an invalid byte, which the writer writes as U+FFFD. */
size_t sl_json_utf8_length(const char *s, size_t n);
/* Flushes what is left and frees the buffer; returns the first error. */
int sl_json_finish(sl_json *j);

void sl_json_object_begin(sl_json *j);
void sl_json_object_end(sl_json *j);
void sl_json_array_begin(sl_json *j);
void sl_json_array_end(sl_json *j);
void sl_json_key(sl_json *j, const char *key);
void sl_json_string(sl_json *j, const char *s);          /* NULL writes null */
void sl_json_string_n(sl_json *j, const char *s, size_t n);
void sl_json_int(sl_json *j, int64_t v);
/* The most bytes an int64_t takes in decimal: "-9223372036854775808". */
#define SL_JSON_INT_MAX 20
/* Writes v in decimal at out, as "%lld" does, without a NUL; returns the
 * bytes written (1 to SL_JSON_INT_MAX). */
size_t sl_json_format_int(char out[SL_JSON_INT_MAX], int64_t v);
void sl_json_double(sl_json *j, double v);
void sl_json_bool(sl_json *j, int v);
void sl_json_null(sl_json *j);
/* A value that is already JSON text (e.g. stored evidence); NULL writes null. */
void sl_json_raw(sl_json *j, const char *json);
/* An integer id, written as null when 0 (no such thing). */
void sl_json_id(sl_json *j, int64_t id);

/* Shorthands for "key": value pairs. */
void sl_json_kv_string(sl_json *j, const char *key, const char *s);
void sl_json_kv_int(sl_json *j, const char *key, int64_t v);
void sl_json_kv_double(sl_json *j, const char *key, double v);
void sl_json_kv_id(sl_json *j, const char *key, int64_t id);

#endif
