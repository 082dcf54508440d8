/* sketch_pack.c — a copy sketch as the store holds it: its key terms, and
 * its sentences' term codes in the form of schema 21 (the distinct codes
 * sorted and Rice-coded, each term a rank among them) or, for the
 * migrations that read and write older stores, of schemas 11 to 20 (each
 * code where it first comes, repeats by rank) and before 11 (4 bytes a
 * number). The comparison sees the same sketch whatever the form. */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"

static void put_u32(sl_buf *b, uint32_t v)
{
    unsigned char le[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24)};
    sl_buf_put(b, (const char *)le, 4);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

size_t sl_sketch_keys_pack(const sl_sketch *s, unsigned char out[4 * SL_COPY_KEYS])
{
    for (uint32_t k = 0; k < s->n_keys; k++)
        for (int b = 0; b < 4; b++)
            out[4 * k + b] = (unsigned char)(s->keys[k] >> (8 * b));
    return 4 * (size_t)s->n_keys;
}

uint32_t sl_sketch_keys_unpack(const void *blob, size_t len, uint32_t keys[SL_COPY_KEYS])
{
    uint32_t n = 0;
    for (; n < SL_COPY_KEYS && 4 * ((size_t)n + 1) <= len; n++)
        keys[n] = get_u32((const unsigned char *)blob + 4 * n);
    return n;
}

/* Open-addressing map of codes to their rank + 1 (0: an empty slot), for
 * packing. */
typedef struct code_ranks {
    uint32_t *codes, *ranks;
    size_t mask;
} code_ranks;

/* The slot of `code`: its own, or the empty one where it would go. */
static size_t code_slot(const code_ranks *m, uint32_t code)
{
    size_t i = (size_t)(((uint64_t)code * 0x9E3779B97F4A7C15u) >> 32) & m->mask; /* high bits: a code's low ones are flags */
    while (m->ranks[i] && m->codes[i] != code)
        i = (i + 1) & m->mask;
    return i;
}

/* ---- schema 21: the codes sorted ---- */

/* The blob: [n_sentences][n_terms][n_distinct] as varints, one byte k, each
 * sentence's number of terms as a varint, then a stream of bits (from each
 * byte's lowest, the last byte padded with zeros): the article's distinct
 * codes ascending, each as its difference from the one before (the first
 * from 0) in a Rice code of parameter k (the quotient in unary, zeros
 * ended by a one, then the k low bits), then each term as its rank among
 * those codes in b bits, b the fewest that hold n_distinct - 1. The ~83
 * distinct codes of a Reuters story are ~83 of 2^32: about 27 bits each
 * where the first-come form took 40 for each first coming, and a term's
 * rank 7 bits where it took 8 (docs/history/benchmarks-rounds.md, "Fifteenth round"). */

/* Bits into a buffer, lowest first. */
typedef struct bit_writer {
    sl_buf *out;
    uint64_t acc;
    unsigned n; /* bits held in acc, < 32 between calls */
} bit_writer;

/* Whole bytes go out four at a time. */
static inline void bits_put(bit_writer *w, uint32_t v, unsigned n)
{
    w->acc |= (uint64_t)v << w->n;
    w->n += n;
    if (w->n >= 32) {
        unsigned char le[4] = {(unsigned char)w->acc, (unsigned char)(w->acc >> 8),
                               (unsigned char)(w->acc >> 16), (unsigned char)(w->acc >> 24)};
        sl_buf_put(w->out, le, 4);
        w->acc >>= 32;
        w->n -= 32;
    }
}

static void bits_rice(bit_writer *w, uint32_t v, unsigned k)
{
    for (uint32_t q = v >> k; q >= 32; q -= 32)
        bits_put(w, 0, 32);
    bits_put(w, 1u << ((v >> k) & 31), ((v >> k) & 31) + 1);
    if (k)
        bits_put(w, v & ((1u << k) - 1), k);
}

static void bits_end(bit_writer *w)
{
    for (; w->n > 0; w->n = w->n > 8 ? w->n - 8 : 0, w->acc >>= 8)
        sl_buf_putc(w->out, (char)(w->acc & 0xFF));
}

/* Bits read from [p, end), lowest first. */
typedef struct bit_reader {
    const unsigned char *p, *end;
    uint64_t acc;
    unsigned n; /* bits held in acc (above them, acc may hold the next bits
                 * again: a refill loads 8 bytes and counts the whole ones) */
} bit_reader;

static inline void bits_fill(bit_reader *r)
{
    if (r->end - r->p >= 8) {
        uint64_t w;
        memcpy(&w, r->p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        r->acc |= w << r->n;
        r->p += (63 - r->n) >> 3;
        r->n |= 56;
        return;
    }
    for (; r->n <= 56 && r->p < r->end; r->n += 8)
        r->acc |= (uint64_t)*r->p++ << r->n;
}

/* n bits (at most 32) into *v; -1 when the blob ends first. */
static inline int bits_get(bit_reader *r, unsigned n, uint32_t *v)
{
    if (r->n < n) {
        bits_fill(r);
        if (r->n < n)
            return -1;
    }
    *v = (uint32_t)(r->acc & (((uint64_t)1 << n) - 1));
    r->acc >>= n;
    r->n -= n;
    return 0;
}

/* A Rice code of parameter k, at most UINT32_MAX, into *v. */
static inline int bits_get_rice(bit_reader *r, unsigned k, uint32_t *v)
{
    uint64_t q = 0;
    for (;;) {
        if (r->n < 32)
            bits_fill(r);
        uint64_t held = r->n < 64 ? r->acc & (((uint64_t)1 << r->n) - 1) : r->acc;
        if (held) {
            unsigned z = (unsigned)__builtin_ctzll(held);
            q += z;
            r->acc = z < 63 ? r->acc >> (z + 1) : 0;
            r->n -= z + 1;
            break;
        }
        if (!r->n || (q += r->n) > UINT32_MAX)
            return -1;
        r->acc = 0;
        r->n = 0;
    }
    uint32_t low = 0;
    if ((k && bits_get(r, k, &low)) || (q << k | low) > UINT32_MAX)
        return -1;
    *v = (uint32_t)(q << k | low);
    return 0;
}

/* Whether the reader ended at the blob's end, the padding zeros. */
static int bits_done(const bit_reader *r)
{
    return r->p == r->end && r->n < 8 && !(r->acc & (((uint64_t)1 << r->n) - 1));
}

/* The fewest bits that hold every rank below n. */
static unsigned rank_bits(uint32_t n)
{
    return n > 1 ? 32 - (unsigned)__builtin_clz(n - 1) : 0;
}

/* The bits of the Rice codes of the n sorted codes' differences with
 * parameter k. */
static uint64_t rice_bits(const uint32_t *codes, uint32_t n, unsigned k)
{
    uint64_t bits = (uint64_t)n * (k + 1);
    for (uint32_t i = 0; i < n; i++)
        bits += (codes[i] - (i ? codes[i - 1] : 0)) >> k;
    return bits;
}

/* The Rice parameter that codes the differences of the n sorted codes in
 * the fewest bits: the bits are convex in k, so a walk from the mean
 * difference's bit length, downward or upward, stops at their least. */
static unsigned rice_parameter(const uint32_t *codes, uint32_t n)
{
    uint32_t mean = n ? codes[n - 1] / n : 0;
    unsigned k = mean > 1 ? 31 - (unsigned)__builtin_clz(mean) : 0;
    uint64_t here = rice_bits(codes, n, k), next;
    while (k > 0 && (next = rice_bits(codes, n, k - 1)) < here) {
        k--;
        here = next;
    }
    while (k < 31 && (next = rice_bits(codes, n, k + 1)) < here) {
        k++;
        here = next;
    }
    return k;
}

int sl_sketch_pack(const sl_sketch *s, sl_buf *out)
{
    sl_buf_clear(out);
    size_t cap = 16;
    while (cap < 2 * s->terms.n)
        cap *= 2;
    /* the distinct codes and the map of each to its rank: on the stack for
     * most articles */
    uint32_t room[256], slot_codes[512], slot_ranks[512], slot_room[256];
    uint32_t *codes = s->terms.n <= 256 ? room : sl_malloc(s->terms.n * sizeof *codes);
    /* each term's slot, found once: the ranks are read back from it */
    uint32_t *slot_of = s->terms.n <= 256 ? slot_room : sl_malloc(s->terms.n * sizeof *slot_of);
    code_ranks m = {cap <= 512 ? slot_codes : sl_malloc(cap * sizeof *m.codes),
                    cap <= 512 ? slot_ranks : sl_malloc(cap * sizeof *m.ranks), cap - 1};
    int rc = codes && slot_of && m.codes && m.ranks ? 0 : SL_ENOMEM;
    if (!rc) {
        memset(m.ranks, 0, cap * sizeof *m.ranks);
        uint32_t n = 0; /* the distinct codes, then sorted */
        for (size_t t = 0; t < s->terms.n; t++) {
            size_t slot = code_slot(&m, s->terms.items[t]);
            slot_of[t] = (uint32_t)slot;
            if (!m.ranks[slot]) {
                m.codes[slot] = codes[n++] = s->terms.items[t];
                m.ranks[slot] = 1;
            }
        }
        sl_sort_u32(codes, n);
        uint32_t sentences = sl_sketch_sentences(s);
        unsigned k = rice_parameter(codes, n), b = rank_bits(n);
        sl_buf_put_varint(out, sentences);
        sl_buf_put_varint(out, s->terms.n);
        sl_buf_put_varint(out, n);
        sl_buf_putc(out, (char)k);
        for (uint32_t i = 0; i < sentences; i++)
            sl_buf_put_varint(out, s->starts.items[i + 1] - s->starts.items[i]);
        bit_writer w = {out, 0, 0};
        for (uint32_t i = 0; i < n; i++) {
            bits_rice(&w, codes[i] - (i ? codes[i - 1] : 0), k);
            m.ranks[code_slot(&m, codes[i])] = i + 1;
        }
        for (size_t t = 0; b && t < s->terms.n; t++)
            bits_put(&w, m.ranks[slot_of[t]] - 1, b);
        bits_end(&w);
        rc = out->err;
    }
    if (codes != room)
        free(codes);
    if (slot_of != slot_room)
        free(slot_of);
    if (m.codes != slot_codes)
        free(m.codes);
    if (m.ranks != slot_ranks)
        free(m.ranks);
    return rc;
}

/* A blob's header: the numbers before the bits, checked against its
 * length (each sentence takes a byte at least, each distinct code a bit
 * at least, so a damaged blob asks no room beyond 32 times its length). */
typedef struct sorted_head {
    uint64_t sentences, terms, distinct;
    unsigned k;
} sorted_head;

static int read_head(const unsigned char **p, const unsigned char *end, size_t len, sorted_head *h)
{
    if (sl_varint_get(p, end, &h->sentences) || sl_varint_get(p, end, &h->terms) ||
        sl_varint_get(p, end, &h->distinct) || *p >= end || h->sentences > len ||
        h->terms > SL_SKETCH_TERMS * h->sentences || h->distinct > h->terms || h->distinct > 8 * (uint64_t)len ||
        (h->terms && !h->distinct))
        return SL_EBADINPUT;
    h->k = *(*p)++;
    return h->k < 32 ? 0 : SL_EBADINPUT;
}

/* The n codes of a blob, ascending, into codes[]: each the one before
 * plus a Rice code of parameter k, read at once when it lies within the
 * bits held (nearly always), else bit by bit. The bits are held in locals
 * here and in read_ranks: through the reader's fields the loops took
 * twice the instructions (a read is made for every copy candidate). */
static int read_codes(bit_reader *r, unsigned k, uint32_t n, uint32_t *codes)
{
    uint64_t acc = r->acc, mask = ((uint64_t)1 << k) - 1, code = 0;
    unsigned held = r->n;
    for (uint32_t i = 0; i < n; i++) {
        if (held < 57 && r->end - r->p >= 8) {
            uint64_t w;
            memcpy(&w, r->p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            w = __builtin_bswap64(w);
#endif
            acc |= w << held;
            r->p += (63 - held) >> 3;
            held |= 56;
        }
        unsigned z = acc ? (unsigned)__builtin_ctzll(acc) : 64;
        uint64_t gap;
        if (z + 1 + k <= held) {
            gap = (uint64_t)z << k | ((acc >> (z + 1)) & mask);
            acc = z + 1 + k < 64 ? acc >> (z + 1 + k) : 0;
            held -= z + 1 + k;
        } else { /* near the end, or a long quotient */
            uint32_t slow;
            r->acc = acc;
            r->n = held;
            if (bits_get_rice(r, k, &slow))
                return SL_EBADINPUT;
            acc = r->acc;
            held = r->n;
            gap = slow;
        }
        if ((i && !gap) || (code += gap) > UINT32_MAX)
            return SL_EBADINPUT;
        codes[i] = (uint32_t)code;
    }
    r->acc = acc;
    r->n = held;
    return 0;
}

/* n_terms ranks of b bits each (below n) into terms[], as the codes they
 * name. */
static int read_ranks(bit_reader *r, unsigned b, const uint32_t *codes, uint32_t n,
                      uint64_t n_terms, uint32_t *terms)
{
    uint64_t acc = r->acc, mask = ((uint64_t)1 << b) - 1;
    unsigned held = r->n;
    for (uint64_t t = 0; t < n_terms; t++) {
        if (held < b) {
            r->acc = acc;
            r->n = held;
            bits_fill(r);
            acc = r->acc;
            held = r->n;
            if (held < b)
                return SL_EBADINPUT;
        }
        uint64_t rank = acc & mask;
        acc >>= b;
        held -= b;
        if (rank >= n)
            return SL_EBADINPUT;
        terms[t] = codes[rank];
    }
    r->acc = acc;
    r->n = held;
    return 0;
}

/* A blob's codes, read from r into `room` (on the stack: a read is made
 * for every copy candidate) or, past 256, an array of their own, which the
 * caller frees when it is not `room`; *rc 0 when they read. */
static uint32_t *codes_read(bit_reader *r, const sorted_head *h, uint32_t room[256], int *rc)
{
    uint32_t *codes = h->distinct <= 256 ? room : sl_malloc((size_t)h->distinct * sizeof *codes);
    *rc = codes ? read_codes(r, h->k, (uint32_t)h->distinct, codes) : SL_ENOMEM;
    return codes;
}

int sl_sketch_unpack(const void *blob, size_t len, sl_sketch *out)
{
    const unsigned char *p = blob, *end = p + len;
    out->terms.n = out->starts.n = out->spans.n = 0;
    out->n_keys = 0;
    sorted_head h;
    if (!len || read_head(&p, end, len, &h))
        return SL_EBADINPUT;
    if (sl_vec_reserve(&out->starts, (size_t)h.sentences + 1) ||
        sl_vec_reserve(&out->terms, (size_t)h.terms + 1))
        return SL_ENOMEM;
    uint64_t at = 0;
    out->starts.items[out->starts.n++] = 0;
    for (uint64_t i = 0; i < h.sentences; i++) {
        uint64_t count;
        if (sl_varint_get(&p, end, &count) || count > h.terms - at)
            return SL_EBADINPUT;
        at += count;
        out->starts.items[out->starts.n++] = (uint32_t)at;
    }
    if (at != h.terms)
        return SL_EBADINPUT;
    uint32_t room[256], n = (uint32_t)h.distinct;
    bit_reader r = {p, end, 0, 0};
    int rc;
    uint32_t *codes = codes_read(&r, &h, room, &rc);
    if (!rc)
        rc = read_ranks(&r, rank_bits(n), codes, n, h.terms, out->terms.items);
    out->terms.n = rc ? 0 : (size_t)h.terms;
    if (codes != room)
        free(codes);
    return rc ? rc : bits_done(&r) ? 0 : SL_EBADINPUT;
}

/* Calls fn(ctx, rank, code) for each code of a blob of sl_sketch_pack in
 * ascending order, rank from 1, until fn returns nonzero; SL_EBADINPUT when
 * the blob does not read so far. */
static int each_sorted(const void *blob, size_t len,
                       int (*fn)(void *ctx, uint32_t rank, uint32_t code), void *ctx)
{
    const unsigned char *p = blob, *end = p + len;
    sorted_head h;
    uint64_t x;
    if (!len || read_head(&p, end, len, &h))
        return SL_EBADINPUT;
    for (uint64_t i = 0; i < h.sentences; i++)
        if (sl_varint_get(&p, end, &x))
            return SL_EBADINPUT;
    uint32_t room[256];
    bit_reader r = {p, end, 0, 0};
    int rc;
    uint32_t *codes = codes_read(&r, &h, room, &rc);
    for (uint32_t i = 0; !rc && i < h.distinct && !fn(ctx, i + 1, codes[i]); i++)
        ;
    if (codes != room)
        free(codes);
    return rc;
}

/* ---- schemas 11 to 20: the codes in order of first coming ---- */

/* The blob, all numbers varints: [n_sentences][n_terms][each sentence's
 * number of terms][terms]. A term is 0 and its code (4 bytes,
 * little-endian) where the code first comes, else 1 + the rank of that
 * first coming among the article's distinct codes. On the first 5,000
 * Reuters stories 40% of the terms repeat an earlier one (stop words,
 * names): 464 bytes an article against 566 at 4 bytes a number. */

static void put_terms(const sl_sketch *s, code_ranks *m, sl_buf *out)
{
    uint32_t distinct = 0;
    for (size_t k = 0; k < s->terms.n; k++) {
        uint32_t code = s->terms.items[k];
        size_t i = code_slot(m, code);
        if (m->ranks[i]) {
            sl_buf_put_varint(out, m->ranks[i]);
            continue;
        }
        m->codes[i] = code;
        m->ranks[i] = ++distinct;
        sl_buf_putc(out, 0);
        put_u32(out, code);
    }
}

int sl_sketch_pack_first(const sl_sketch *s, sl_buf *out)
{
    sl_buf_clear(out);
    size_t cap = 16;
    while (cap < 2 * s->terms.n)
        cap *= 2;
    code_ranks m = {sl_malloc(cap * sizeof *m.codes), sl_calloc(cap, sizeof *m.ranks), cap - 1};
    int rc = m.codes && m.ranks ? 0 : SL_ENOMEM;
    if (!rc) {
        uint32_t n = sl_sketch_sentences(s);
        sl_buf_put_varint(out, n);
        sl_buf_put_varint(out, s->terms.n);
        for (uint32_t k = 0; k < n; k++)
            sl_buf_put_varint(out, s->starts.items[k + 1] - s->starts.items[k]);
        put_terms(s, &m, out);
        rc = out->err;
    }
    free(m.codes);
    free(m.ranks);
    return rc;
}

/* Reads the n_terms terms of a blob at *p into out->terms; `first` has
 * room for n_terms ranks (where each distinct code first came). */
static int get_terms(const unsigned char **p, const unsigned char *end, uint64_t n_terms,
                     uint32_t *first, sl_sketch *out)
{
    uint32_t distinct = 0;
    for (uint64_t k = 0; k < n_terms; k++) {
        uint64_t x;
        if (sl_varint_get(p, end, &x) || x > distinct || (!x && end - *p < 4))
            return SL_EBADINPUT;
        if (x) {
            out->terms.items[out->terms.n++] = out->terms.items[first[x - 1]];
            continue;
        }
        first[distinct++] = (uint32_t)k;
        out->terms.items[out->terms.n++] = get_u32(*p);
        *p += 4;
    }
    return 0;
}

int sl_sketch_unpack_first(const void *blob, size_t len, sl_sketch *out)
{
    const unsigned char *p = blob, *end = p + len;
    out->terms.n = out->starts.n = out->spans.n = 0;
    out->n_keys = 0;
    uint64_t n, n_terms; /* each sentence and each term takes a byte at least */
    if (sl_varint_get(&p, end, &n) || sl_varint_get(&p, end, &n_terms) || n > len || n_terms > len)
        return SL_EBADINPUT;
    if (sl_vec_reserve(&out->starts, (size_t)n + 1) || sl_vec_reserve(&out->terms, (size_t)n_terms + 1))
        return SL_ENOMEM;
    uint64_t at = 0;
    out->starts.items[out->starts.n++] = 0;
    for (uint64_t k = 0; k < n; k++) {
        uint64_t count;
        if (sl_varint_get(&p, end, &count) || count > n_terms - at)
            return SL_EBADINPUT;
        at += count;
        out->starts.items[out->starts.n++] = (uint32_t)at;
    }
    /* where each distinct code first came: on the stack for most articles
     * (a read is made for every copy candidate) */
    uint32_t room[256];
    uint32_t *first = n_terms <= 256 ? room : sl_malloc((size_t)n_terms * sizeof *first);
    if (!first)
        return SL_ENOMEM;
    int rc = at == n_terms ? get_terms(&p, end, n_terms, first, out) : SL_EBADINPUT;
    if (first != room)
        free(first);
    return rc ? rc : p == end ? 0 : SL_EBADINPUT;
}

/* Calls fn(ctx, rank, code) for each distinct code of a blob of
 * sl_sketch_pack_first in order of first coming, rank from 1, until fn
 * returns nonzero; SL_EBADINPUT when the blob does not read so far. */
static inline int each_first(const void *blob, size_t len,
                         int (*fn)(void *ctx, uint32_t rank, uint32_t code), void *ctx)
{
    if (!len) /* SQLite gives an empty blob as NULL */
        return SL_EBADINPUT;
    const unsigned char *p = blob, *end = p + len;
    uint64_t n, n_terms, x;
    if (sl_varint_get(&p, end, &n) || sl_varint_get(&p, end, &n_terms))
        return SL_EBADINPUT;
    for (uint64_t k = 0; k < n; k++)
        if (sl_varint_get(&p, end, &x))
            return SL_EBADINPUT;
    uint32_t distinct = 0;
    for (uint64_t k = 0; k < n_terms; k++) {
        if (p < end && *p && *p < 0x80 && *p <= distinct) { /* a repeat of rank < 128 */
            p++;
            continue;
        }
        if (sl_varint_get(&p, end, &x) || x > distinct || (!x && end - p < 4))
            return SL_EBADINPUT;
        if (x)
            continue;
        uint32_t code = get_u32(p);
        p += 4;
        if (fn(ctx, ++distinct, code))
            return 0;
    }
    return 0;
}

/* ---- the keys by their ranks among the sketch's codes (schema 19) ---- */

/* Calls fn(ctx, rank, code) for each distinct code of a blob of `form`. */
static int each_distinct(sl_sketch_form form, const void *blob, size_t len,
                         int (*fn)(void *ctx, uint32_t rank, uint32_t code), void *ctx)
{
    return form == SL_SKETCH_SORTED ? each_sorted(blob, len, fn, ctx) : each_first(blob, len, fn, ctx);
}

/* The keys of one sketch and the rank each is found at (0: not yet). */
typedef struct key_ranks {
    const uint32_t *keys;
    uint32_t n, found, ranks[SL_COPY_KEYS];
    uint64_t seen[4];   /* a bit for each key's low eight bits past the flags */
} key_ranks;

static void key_see(key_ranks *r, uint32_t key)
{
    r->seen[(key >> 10) & 3] |= (uint64_t)1 << ((key >> 4) & 63);
}

static int key_seen(const key_ranks *r, uint32_t key)
{
    return (r->seen[(key >> 10) & 3] >> ((key >> 4) & 63)) & 1;
}

static int rank_key(void *ctx, uint32_t rank, uint32_t code)
{
    key_ranks *r = ctx;
    uint32_t key = code & ~SL_TERM_FLAGS;
    if (!key_seen(r, key))
        return 0;
    for (uint32_t k = 0; k < r->n; k++)
        if (!r->ranks[k] && r->keys[k] == key) {
            r->ranks[k] = rank;
            r->found++;
        }
    return r->found == r->n;
}

int sl_sketch_keys_rank(const uint32_t *keys, uint32_t n, sl_sketch_form form,
                        const void *sentences, size_t len, sl_buf *out)
{
    key_ranks r = {.keys = keys, .n = n < SL_COPY_KEYS ? n : SL_COPY_KEYS};
    for (uint32_t k = 0; k < r.n; k++)
        key_see(&r, keys[k]);
    if (r.n && each_distinct(form, sentences, len, rank_key, &r))
        memset(r.ranks, 0, sizeof r.ranks); /* a blob that does not read: every key as itself */
    sl_buf_clear(out);
    for (uint32_t k = 0; k < r.n; k++) {
        sl_buf_put_varint(out, r.ranks[k]);
        if (!r.ranks[k])
            put_u32(out, keys[k]);
    }
    return out->err;
}

/* The codes at the ranks asked (ranks[k], 0 for none) into keys[k]. */
typedef struct rank_codes {
    const uint32_t *ranks;
    uint32_t *keys;
    uint32_t n, left, last;
} rank_codes;

static int code_at_rank(void *ctx, uint32_t rank, uint32_t code)
{
    rank_codes *r = ctx;
    for (uint32_t k = 0; k < r->n; k++)
        if (r->ranks[k] == rank) {
            r->keys[k] = code & ~SL_TERM_FLAGS;
            r->left--;
        }
    return rank >= r->last;
}

int sl_sketch_keys_read(const void *blob, size_t len, sl_sketch_form form, const void *sentences,
                        size_t slen, uint32_t keys[SL_COPY_KEYS], uint32_t *n)
{
    uint32_t ranks[SL_COPY_KEYS];
    rank_codes r = {ranks, keys, 0, 0, 0};
    *n = 0;
    if (!len) /* no keys, perhaps as NULL */
        return 0;
    const unsigned char *p = blob, *end = p + len;
    while (p < end && r.n < SL_COPY_KEYS) {
        uint64_t rank;
        if (sl_varint_get(&p, end, &rank) || rank > UINT32_MAX || (!rank && end - p < 4))
            return SL_EBADINPUT;
        ranks[r.n] = (uint32_t)rank;
        keys[r.n++] = rank ? 0 : get_u32(p);
        p += rank ? 0 : 4;
        r.left += rank > 0;
        r.last = rank > r.last ? (uint32_t)rank : r.last;
    }
    *n = r.n;
    if (p != end || (r.left && each_distinct(form, sentences, slen, code_at_rank, &r)))
        return SL_EBADINPUT;
    return r.left ? SL_EBADINPUT : 0;
}

/* The blob of stores before migration 11, 4 bytes a number (u32 LE):
 * [n_sentences][n_terms][starts 0..n_sentences-1][terms]. */
int sl_sketch_unpack_u32(const void *blob, size_t len, sl_sketch *out)
{
    const unsigned char *p = blob;
    out->terms.n = out->starts.n = out->spans.n = 0;
    out->n_keys = 0;
    if (len < 8)
        return SL_EBADINPUT;
    uint32_t n = get_u32(p), n_terms = get_u32(p + 4);
    if ((uint64_t)n + n_terms > (len - 8) / 4 || 8 + 4 * ((uint64_t)n + n_terms) != len)
        return SL_EBADINPUT;
    if (sl_vec_reserve(&out->starts, (size_t)n + 1) || sl_vec_reserve(&out->terms, (size_t)n_terms + 1))
        return SL_ENOMEM;
    p += 8;
    for (uint32_t k = 0; k < n; k++, p += 4) {
        uint32_t start = get_u32(p);
        if (start > n_terms || (k && start < out->starts.items[k - 1]))
            return SL_EBADINPUT;
        out->starts.items[out->starts.n++] = start;
    }
    out->starts.items[out->starts.n++] = n_terms;
    for (uint32_t k = 0; k < n_terms; k++, p += 4)
        out->terms.items[out->terms.n++] = get_u32(p);
    return 0;
}
