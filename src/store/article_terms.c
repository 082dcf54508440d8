/* article_terms.c — table article_terms: each article's vector for the
 * stories split and revisit (docs/stories.md "Stories that split"), given
 * and read back in the split's packed form (sl_member_pack: day 8 bytes,
 * counts 1, n 1, then n times a term's 8-byte hash and its 2-byte weight,
 * sorted by hash). From schema 17 a row holds its terms as their ids in
 * the store's dictionary (term_dict.c), or as themselves when no earlier
 * article had them: n (1 byte, which the drop below reads), counts (1),
 * the day as a varint of its zigzag, the number of terms stored as
 * themselves (varint), the ids ascending as varints of their differences,
 * the other terms' 8-byte hashes, then the weights in that order (2 bytes
 * each); read back, the terms are sorted by hash again, so the split sees
 * the bytes it packed (docs/store.md). */
#include <string.h>

#include "store_internal.h"
#include "util/sort.h"

static const char Q_PUT[] = "INSERT OR REPLACE INTO article_terms VALUES(?1, ?2)";
static const char Q_DROP[] = "DELETE FROM article_terms WHERE article_id = ?1";
static const char Q_NEXT[] =
    "SELECT article_id, terms FROM article_terms WHERE article_id > ?1"
    " ORDER BY article_id LIMIT 1";
static const char Q_STORY_VECTORS[] =
    "SELECT a.id, t.terms FROM articles a LEFT JOIN article_terms t ON t.article_id = a.id"
    " WHERE a.story_id = ?1 ORDER BY a.id LIMIT ?2";
/* The vectors of `keep_below` terms or more: a row's first byte is its
 * number of terms (a blob compared with a blob, byte by byte). */
static const char Q_VECTORS_DROP[] =
    "DELETE FROM article_terms WHERE article_id IN (SELECT id FROM articles WHERE story_id = ?1)"
    " AND substr(terms, 1, 1) >= ?2";

#define HEAD SL_MEMBER_PACK_BYTES(0)                                /* day, counts, n */
#define TERM (SL_MEMBER_PACK_BYTES(1) - SL_MEMBER_PACK_BYTES(0))    /* hash, weight */
#define WEIGHT 2

static uint64_t zigzag(int64_t v) { return ((uint64_t)v << 1) ^ (v < 0 ? UINT64_MAX : 0); }
static int64_t unzigzag(uint64_t v) { return (int64_t)(v >> 1) ^ -(int64_t)(v & 1); }

/* The split's packed member into the stored form, new terms given ids. */
static int encode(sl_store *st, const unsigned char *p, size_t len, sl_buf *out)
{
    uint32_t n = len >= HEAD ? p[HEAD - 1] : 0, n_ids = 0, n_inline = 0;
    if (len < HEAD || n > SL_VECTOR_TERMS || len != SL_MEMBER_PACK_BYTES(n))
        return SL_EUSAGE;
    uint64_t ids[SL_VECTOR_TERMS]; /* id << 8 | the term's place */
    unsigned char inline_at[SL_VECTOR_TERMS];
    uint64_t previous = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t term;
        uint32_t id;
        memcpy(&term, p + HEAD + i * TERM, sizeof term);
        if (i && term <= previous) /* not sorted by hash: would not read back */
            return SL_EUSAGE;
        previous = term;
        int rc = sl_store_dict_id(st, term, &id);
        if (rc)
            return rc;
        if (id)
            ids[n_ids++] = (uint64_t)id << 8 | i;
        else
            inline_at[n_inline++] = (unsigned char)i;
    }
    sl_sort_u64(ids, n_ids);
    int64_t day;
    memcpy(&day, p, sizeof day);
    sl_buf_clear(out);
    sl_buf_putc(out, (int)n);
    sl_buf_putc(out, p[HEAD - 2]);
    sl_buf_put_varint(out, zigzag(day));
    sl_buf_put_varint(out, n_inline);
    uint64_t last = 0;
    for (uint32_t i = 0; i < n_ids; i++) {
        sl_buf_put_varint(out, (ids[i] >> 8) - last);
        last = ids[i] >> 8;
    }
    for (uint32_t i = 0; i < n_inline; i++)
        sl_buf_put(out, p + HEAD + inline_at[i] * TERM, sizeof(uint64_t));
    for (uint32_t i = 0; i < n_ids; i++)
        sl_buf_put(out, p + HEAD + (ids[i] & 0xFF) * TERM + sizeof(uint64_t), WEIGHT);
    for (uint32_t i = 0; i < n_inline; i++)
        sl_buf_put(out, p + HEAD + inline_at[i] * TERM + sizeof(uint64_t), WEIGHT);
    return out->err;
}

typedef struct member_term {
    uint64_t term;
    unsigned char weight[WEIGHT];
} member_term;
#define TERM_LESS(x, y) ((x).term < (y).term)
SL_SORT_DEFINE(static, sort_by_term, member_term, TERM_LESS)

/* The terms of a stored row (after its day): ids, then terms stored as
 * themselves, then the weights in that order; *n_ids: how many are ids. */
static int decode_terms(sl_store *st, const unsigned char *p, const unsigned char *end, uint32_t n,
                        member_term *terms, uint32_t *n_ids_out)
{
    uint64_t n_inline, id = 0, of_ids[SL_VECTOR_TERMS];
    uint32_t ids[SL_VECTOR_TERMS];
    if (sl_varint_get(&p, end, &n_inline) || n_inline > n)
        return SL_ESTORE;
    uint32_t n_ids = *n_ids_out = n - (uint32_t)n_inline;
    for (uint32_t i = 0; i < n_ids; i++) {
        uint64_t gap;
        if (sl_varint_get(&p, end, &gap) || (id += gap) > UINT32_MAX)
            return SL_ESTORE;
        ids[i] = (uint32_t)id;
    }
    int rc = n_ids ? sl_store_dict_terms(st, ids, n_ids, of_ids) : 0;
    if (rc)
        return rc;
    for (uint32_t i = 0; i < n_ids; i++)
        terms[i].term = of_ids[i];
    if ((size_t)(end - p) != n_inline * sizeof(uint64_t) + (size_t)n * WEIGHT)
        return SL_ESTORE;
    for (uint32_t i = n_ids; i < n; i++, p += sizeof(uint64_t))
        memcpy(&terms[i].term, p, sizeof(uint64_t));
    for (uint32_t i = 0; i < n; i++, p += WEIGHT)
        memcpy(terms[i].weight, p, WEIGHT);
    return 0;
}

/* Whether terms[0, n) ascend by term. */
static int ascending(const member_term *terms, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++)
        if (terms[i].term <= terms[i - 1].term)
            return 0;
    return 1;
}

/* A term and its weight at `at`, in the packed form. */
static unsigned char *put_term(unsigned char *at, const member_term *t)
{
    memcpy(at, &t->term, sizeof t->term);
    memcpy(at + sizeof t->term, t->weight, WEIGHT);
    return at + TERM;
}

/* The n terms into `at` by hash: the ids' part (terms[0, n_ids)) sorted
 * and merged with the terms stored as themselves, which encode() wrote in
 * hash order (sorted with the rest if they are not). One sort of every
 * term and a buffer put a term cost 7.1 M and ~8 M instructions in the
 * 1,649 reads of the first 1,000 Reuters stories. */
static void put_by_term(member_term *terms, uint32_t n, uint32_t n_ids, unsigned char *at)
{
    if (!ascending(terms + n_ids, n - n_ids)) {
        sort_by_term(terms, n);
        n_ids = n;
    } else {
        sort_by_term(terms, n_ids);
    }
    uint32_t i = 0, k = n_ids;
    while (i < n_ids && k < n)
        at = put_term(at, terms[i].term < terms[k].term ? &terms[i++] : &terms[k++]);
    while (i < n_ids)
        at = put_term(at, &terms[i++]);
    while (k < n)
        at = put_term(at, &terms[k++]);
}

/* A stored row back into the split's packed form. */
static int decode(sl_store *st, const unsigned char *p, size_t len, sl_buf *out)
{
    const unsigned char *end = p + len;
    uint64_t day;
    uint32_t n = len >= 2 ? p[0] : 0, n_ids;
    unsigned char counts = len >= 2 ? p[1] : 0;
    p += 2;
    if (len < 2 || n > SL_VECTOR_TERMS || sl_varint_get(&p, end, &day))
        return SL_ESTORE;
    member_term terms[SL_VECTOR_TERMS];
    int rc = decode_terms(st, p, end, n, terms, &n_ids);
    if (rc)
        return rc;
    int64_t signed_day = unzigzag(day);
    sl_buf_clear(out);
    if (sl_buf_reserve(out, SL_MEMBER_PACK_BYTES(n)))
        return out->err;
    unsigned char *at = (unsigned char *)out->ptr;
    memcpy(at, &signed_day, sizeof signed_day);
    at[HEAD - 2] = counts;
    at[HEAD - 1] = (unsigned char)n;
    put_by_term(terms, n, n_ids, at + HEAD);
    out->len = SL_MEMBER_PACK_BYTES(n);
    out->ptr[out->len] = '\0';
    return 0;
}

int sl_store_article_terms_put(sl_store *st, int64_t id, const void *member, size_t len)
{
    if (!member) {
        sqlite3_stmt *s = sl_store_stmt(st, Q_DROP);
        if (!s || sqlite3_bind_int64(s, 1, id))
            return SL_ESTORE;
        return sl_store_exec_stmt(s);
    }
    int rc = encode(st, member, len, &st->member);
    if (rc)
        return rc;
    sqlite3_stmt *s = sl_store_stmt(st, Q_PUT);
    if (!s || sqlite3_bind_int64(s, 1, id) ||
        sqlite3_bind_blob(s, 2, st->member.ptr, (int)st->member.len, SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

/* Rewrites the row after *id in the form of schema 17, setting *id to it
 * (0 when none is left). */
static int reform_next(sl_store *st, int64_t *id, sl_buf *old)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_NEXT);
    if (!s || sqlite3_bind_int64(s, 1, *id))
        return SL_ESTORE;
    int step = sqlite3_step(s);
    *id = 0;
    sl_buf_clear(old);
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        sl_buf_put(old, sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1));
    }
    sqlite3_reset(s);
    if (step != SQLITE_ROW)
        return step == SQLITE_DONE ? 0 : SL_ESTORE;
    return old->err ? old->err : sl_store_article_terms_put(st, *id, old->ptr, old->len);
}

int sl_store_article_terms_reform(sl_store *st)
{
    sl_buf old = SL_BUF_INIT;
    int64_t id = 0;
    int rc;
    sl_store_dict_forget(&st->dict);
    st->dict.in_migration = 1;
    do
        rc = reform_next(st, &id, &old);
    while (!rc && id);
    st->dict.in_migration = 0;
    if (!rc)
        rc = sl_store_dict_flush(st);
    sl_buf_free(&old);
    return rc;
}

/* What a read of a story's vectors hands each row to. */
typedef struct vectors_read {
    sl_store *st;
    int (*fn)(void *ctx, int64_t article, const void *blob, size_t len);
    void *ctx;
} vectors_read;

static int vector_read(void *ctx, int64_t article, const void *blob, size_t len)
{
    vectors_read *r = ctx;
    if (!blob || r->st->schema < SL_STORE_DICT_SINCE)
        return r->fn(r->ctx, article, blob, len);
    int rc = decode(r->st, blob, len, &r->st->member);
    return rc ? rc : r->fn(r->ctx, article, r->st->member.ptr, r->st->member.len);
}

int sl_store_story_vectors(sl_store *st, int64_t story, int limit,
                           int (*fn)(void *ctx, int64_t article, const void *blob, size_t len),
                           void *ctx)
{
    vectors_read r = {st, fn, ctx};
    sqlite3_stmt *s = sl_store_stmt(st, Q_STORY_VECTORS);
    if (!s || sqlite3_bind_int64(s, 1, story) || sqlite3_bind_int(s, 2, limit))
        return SL_ESTORE;
    return sl_store_each_blob(st, s, vector_read, &r);
}

int sl_store_story_vectors_drop(sl_store *st, int64_t story, uint32_t keep_below)
{
    unsigned char n = (unsigned char)keep_below;
    sqlite3_stmt *s = sl_store_stmt(st, Q_VECTORS_DROP);
    if (!s || sqlite3_bind_int64(s, 1, story) || sqlite3_bind_blob(s, 2, &n, 1, SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}
