/* spans.c — an article's sentence offsets as the articles table keeps them
 * (column `sentences`): per sentence the gap from the previous sentence's
 * end and its length, each a varint, about 3 bytes a sentence where two
 * uint32 took 8. Stores before schema 13 held the uint32 pairs; migration
 * 13 repacks them, and a read takes the form the store's schema says. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"

static const char Q_SPANS_NEXT[] =
    "SELECT id, sentences FROM articles WHERE id > ?1 ORDER BY id LIMIT 1";
static const char Q_SPANS_SET[] = "UPDATE articles SET sentences = ?2 WHERE id = ?1";

int sl_store_spans_pack(const sl_span *spans, size_t n, sl_buf *out)
{
    sl_buf_clear(out);
    uint32_t end = 0;
    for (size_t i = 0; i < n; i++) {
        /* uint32 arithmetic: an overlap or an end before a start wraps, and
         * reads back exactly (in 5 bytes) */
        sl_buf_put_varint(out, (uint32_t)(spans[i].start - end));
        sl_buf_put_varint(out, (uint32_t)(spans[i].end - spans[i].start));
        end = spans[i].end;
    }
    return out->err ? SL_ENOMEM : 0;
}

/* The sentences in a blob of the store's form; 0 for a damaged packed one. */
static size_t span_count(const sl_store *st, const unsigned char *p, size_t len)
{
    if (st->schema < SL_STORE_PACKED_SINCE)
        return len / sizeof(sl_span);
    size_t ends = 0;
    for (size_t i = 0; i < len; i++)
        ends += !(p[i] & 0x80);
    return ends % 2 || (len && (p[len - 1] & 0x80)) ? 0 : ends / 2;
}

/* The n sentences of the blob into out; -1 when a varint does not read. */
static int span_fill(const sl_store *st, const unsigned char *p, size_t len, sl_span *out,
                     size_t n)
{
    if (st->schema < SL_STORE_PACKED_SINCE) {
        memcpy(out, p, n * sizeof *out);
        return 0;
    }
    const unsigned char *end = p + len;
    uint32_t at = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t gap, length;
        if (sl_varint_get(&p, end, &gap) || sl_varint_get(&p, end, &length))
            return -1;
        out[i].start = at + (uint32_t)gap;
        out[i].end = at = out[i].start + (uint32_t)length;
    }
    return 0;
}

int sl_store_spans_read(const sl_store *st, const void *blob, size_t len, sl_span **out,
                        size_t *n)
{
    *out = NULL;
    *n = span_count(st, blob, len);
    if (!*n)
        return 0;
    if (!(*out = sl_malloc(*n * sizeof **out)))
        return SL_ENOMEM;
    if (span_fill(st, blob, len, *out, *n)) { /* damaged: no sentences */
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return 0;
}

int sl_store_spans_get(const sl_store *st, const void *blob, size_t len, sl_buf *out)
{
    sl_buf_clear(out);
    size_t n = span_count(st, blob, len);
    if (n && sl_buf_reserve(out, n * sizeof(sl_span)))
        return SL_ENOMEM;
    if (n && !span_fill(st, blob, len, (sl_span *)(void *)out->ptr, n))
        out->len = n * sizeof(sl_span);
    return 0;
}

/* The sentences of a row (id, sentences) as schema 13 packs them. */
static int repack(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    sl_span *spans = NULL;
    size_t n = 0;
    int rc = sl_store_spans_read(st, sqlite3_column_blob(row, 1),
                                 (size_t)sqlite3_column_bytes(row, 1), &spans, &n);
    if (!rc)
        rc = sl_store_spans_pack(spans, n, out);
    free(spans);
    return rc;
}

int sl_store_spans_repack(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_SPANS_NEXT, Q_SPANS_SET, repack);
}
