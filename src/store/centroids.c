/* centroids.c — a story's centroid as the stories table holds it. The
 * grouper gives and takes sl_centroid_pack's form (per term its 8-byte
 * hash and 4-byte weight, sorted by hash), and from schema 25 the row is
 * that form itself: a story is read without term_dict (to turn a row's
 * ids back into terms a run of 500 articles into a store of 200,000
 * read every row of the dictionary, 20% of its instructions;
 * docs/benchmarks.md "Twenty-second round"). Schemas 19 to 24 named a
 * term by its id in term_dict when it had one: the number of such terms
 * (varint), their ids ascending as varints of their differences, the
 * 8-byte hashes of the other terms in the grouper's order, then the
 * 4-byte weights, the ids' first, in that order; migration 25 reads them
 * back. Older schemas: 16 bytes a term before 13 (the struct with its
 * padding), sl_centroid_pack's 12 from 13 to 18. */
#include <math.h>
#include <string.h>

#include "store_internal.h"
#include "util/sort.h"

/* A term of a centroid before schema 13: 8 bytes of hash, 4 of weight, 4
 * of the struct's padding (sl_weighted_term is packed since). */
#define UNPACKED_TERM_BYTES 16

/* The order of a centroid's terms in its row: those with an id first, as
 * (id << 32 | place) ascending, then the others' places in their order;
 * the number with an id in *n_ids. */
static int key_order(sl_store *st, const sl_weighted_term *terms, size_t n, uint64_t *order,
                     size_t *n_ids)
{
    uint32_t rest[SL_CENTROID_TERMS];
    size_t n_rest = 0;
    *n_ids = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t id;
        if (sl_store_dict_find(st, terms[k].term, &id))
            return SL_ESTORE;
        if (id)
            order[(*n_ids)++] = (uint64_t)id << 32 | k;
        else
            rest[n_rest++] = (uint32_t)k;
    }
    sl_sort_u64(order, *n_ids);
    for (size_t k = 0; k < n_rest; k++)
        order[*n_ids + k] = rest[k];
    return 0;
}

/* The row of schemas 19 to 24: the terms term_dict has by their ids. */
static int ids_form(sl_store *st, const void *packed, size_t len, sl_buf *out)
{
    sl_weighted_term terms[SL_CENTROID_TERMS];
    uint64_t order[SL_CENTROID_TERMS];
    size_t n = sl_centroid_unpack(packed, len, terms), n_ids;
    sl_buf_clear(out);
    if (key_order(st, terms, n, order, &n_ids))
        return SL_ESTORE;
    unsigned char row[10 + SL_CENTROID_TERMS * (5 + SL_CENTROID_TERM_BYTES)], *p = row;
    p += sl_varint_put(p, n_ids);
    for (size_t k = 0; k < n_ids; k++)
        p += sl_varint_put(p, (order[k] >> 32) - (k ? order[k - 1] >> 32 : 0));
    for (size_t k = n_ids; k < n; k++, p += sizeof terms->term)
        memcpy(p, &terms[(uint32_t)order[k]].term, sizeof terms->term);
    for (size_t k = 0; k < n; k++, p += sizeof terms->weight)
        memcpy(p, &terms[(uint32_t)order[k]].weight, sizeof terms->weight);
    return sl_buf_put(out, row, (size_t)(p - row)) ? SL_ENOMEM : 0;
}

int sl_store_centroid_form(sl_store *st, const void *packed, size_t len, sl_buf *out)
{
    if (st->schema < SL_STORE_CENTROID_TERMS_SINCE)
        return ids_form(st, packed, len, out);
    sl_buf_clear(out);
    return sl_buf_put(out, packed, len) ? SL_ENOMEM : 0;
}

/* Merges out[0 .. mid) and out[mid .. n), each sorted by term, in place;
 * SL_ESTORE when a term comes twice (not a centroid). */
static int merge_by_term(sl_weighted_term *out, size_t mid, size_t n)
{
    sl_weighted_term a[SL_CENTROID_TERMS];
    memcpy(a, out, mid * sizeof *a);
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) {
        if (a[i].term == out[j].term)
            return SL_ESTORE;
        out[k++] = a[i].term < out[j].term ? a[i++] : out[j++];
    }
    while (i < mid)
        out[k++] = a[i++];
    return 0;
}

/* Schema 19's form back into terms, sorted by term as the grouper keeps
 * them; SL_ESTORE for a row that does not read as one, or an id that
 * term_dict lacks. */
static int read_ids_form(sl_store *st, const unsigned char *p, size_t len, sl_weighted_term *out,
                         size_t *n)
{
    const unsigned char *end = p + len;
    uint64_t n_ids, id = 0, delta;
    if (sl_varint_get(&p, end, &n_ids) || n_ids > SL_CENTROID_TERMS)
        return SL_ESTORE;
    for (size_t k = 0; k < n_ids; k++) {
        uint64_t term; /* not &out[k].term: a packed member (stories.h) */
        if (sl_varint_get(&p, end, &delta) || (id += delta) > UINT32_MAX ||
            sl_store_dict_term(st, (uint32_t)id, &term))
            return SL_ESTORE;
        out[k].term = term;
    }
    size_t rest = (size_t)(end - p), per = sizeof out->term + sizeof out->weight;
    if (rest < n_ids * sizeof out->weight || (rest - n_ids * sizeof out->weight) % per ||
        n_ids + (rest - n_ids * sizeof out->weight) / per > SL_CENTROID_TERMS)
        return SL_ESTORE;
    *n = n_ids + (rest - n_ids * sizeof out->weight) / per;
    for (size_t k = n_ids; k < *n; k++, p += sizeof out->term)
        memcpy(&out[k].term, p, sizeof out->term);
    for (size_t k = 0; k < *n; k++, p += sizeof out->weight)
        memcpy(&out[k].weight, p, sizeof out->weight);
    sl_sort_by_term(out, n_ids); /* the others are in the grouper's order */
    return merge_by_term(out, n_ids, *n);
}

/* sl_centroid_pack's form (schemas 13 to 18, and from 25); SL_ESTORE
 * for a row cut short, too long, whose terms are not ascending, or with a
 * weight that is not a positive finite number (the grouper's are; a NaN
 * or infinite one made the story take no article again, unnamed by
 * `check`). */
static int read_terms_form(const void *blob, size_t len, sl_weighted_term *out, size_t *n)
{
    if (len % SL_CENTROID_TERM_BYTES || len / SL_CENTROID_TERM_BYTES > SL_CENTROID_TERMS)
        return SL_ESTORE;
    *n = sl_centroid_unpack(blob, len, out);
    for (size_t k = 0; k < *n; k++)
        if ((k && out[k - 1].term >= out[k].term) || !(out[k].weight > 0) || isinf(out[k].weight))
            return SL_ESTORE;
    return 0;
}

int sl_store_centroid_read(sl_store *st, const void *blob, size_t len, sl_weighted_term *out,
                           size_t *n)
{
    *n = 0;
    if (!len)
        return 0;
    if (st->schema >= SL_STORE_CENTROID_IDS_SINCE && st->schema < SL_STORE_CENTROID_TERMS_SINCE)
        return read_ids_form(st, blob, len, out, n);
    if (st->schema >= SL_STORE_PACKED_SINCE)
        return read_terms_form(blob, len, out, n);
    *n = len / UNPACKED_TERM_BYTES;
    if (*n > SL_CENTROID_TERMS)
        *n = SL_CENTROID_TERMS;
    const unsigned char *p = blob;
    for (size_t k = 0; k < *n; k++, p += UNPACKED_TERM_BYTES) {
        memcpy(&out[k].term, p, sizeof out[k].term);
        memcpy(&out[k].weight, p + sizeof out[k].term, sizeof out[k].weight);
    }
    return 0;
}

static const char Q_NEXT[] =
    "SELECT id, centroid FROM stories WHERE id > ?1 AND length(centroid) > 0 ORDER BY id LIMIT 1";
static const char Q_SET[] = "UPDATE stories SET centroid = ?2 WHERE id = ?1";

/* The centroid of a row (id, centroid) in the form of the schema being
 * written (st->schema is the one read), `to`. */
static int reform(sl_store *st, sqlite3_stmt *row, sl_buf *out, int to)
{
    sl_weighted_term terms[SL_CENTROID_TERMS];
    unsigned char packed[SL_CENTROID_TERMS * SL_CENTROID_TERM_BYTES];
    size_t n;
    if (sl_store_centroid_read(st, sqlite3_column_blob(row, 1),
                               (size_t)sqlite3_column_bytes(row, 1), terms, &n))
        return SL_ESTORE;
    size_t len = sl_centroid_pack(terms, (uint32_t)n, packed);
    if (to >= SL_STORE_CENTROID_IDS_SINCE && to < SL_STORE_CENTROID_TERMS_SINCE)
        return ids_form(st, packed, len, out);
    sl_buf_clear(out);
    return sl_buf_put(out, packed, len) ? SL_ENOMEM : 0;
}

static int to_packed(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    return reform(st, row, out, SL_STORE_PACKED_SINCE);
}

static int to_ids(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    return reform(st, row, out, SL_STORE_CENTROID_IDS_SINCE);
}

/* Migration 25's row. One of schema 24 that does not read (cut short, an
 * id term_dict lacks) is left as it is, for `check` to name: failing the
 * migration on it refused every write to the store, `check` included,
 * where schema 24 named the story. A failing statement still fails it. */
static int to_terms(sl_store *st, sqlite3_stmt *row, sl_buf *out)
{
    int rc = reform(st, row, out, SL_STORE_CENTROID_TERMS_SINCE);
    int sql = sqlite3_errcode(st->db);
    if (rc != SL_ESTORE || (sql != SQLITE_OK && sql != SQLITE_ROW && sql != SQLITE_DONE))
        return rc;
    sl_buf_clear(out);
    return sl_buf_put(out, sqlite3_column_blob(row, 1), (size_t)sqlite3_column_bytes(row, 1))
               ? SL_ENOMEM : 0;
}

int sl_store_centroids_repack(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_NEXT, Q_SET, to_packed);
}

int sl_store_centroids_by_id(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_NEXT, Q_SET, to_ids);
}

int sl_store_centroids_by_term(sl_store *st)
{
    return sl_store_blobs_rewrite(st, Q_NEXT, Q_SET, to_terms);
}
