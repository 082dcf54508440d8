/* terms_memo.c — a comparer's memo of texts' distinct content terms (what
 * align.c's collect_terms makes of a sketch's term codes: its content terms
 * sorted, repeats merged). A stored article is the candidate of many new
 * ones in a batch, and sorting its terms again for each comparison was
 * 42 M instructions of an ingest of Reuters' first 1,000 (docs/history/benchmarks-rounds.md,
 * "Fifteenth round"). Keyed by the codes themselves: a hash finds the set,
 * and a hit needs the same codes in full, so it returns exactly what
 * collecting them again would. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "util/hash.h"

/* 128 sets of 4 (least recently used out): on the first 1,000 Reuters
 * articles 84% of the comparisons' texts are found (1,024 in one way 81%,
 * 256 in one way 65%). */
#define MEMO_SETS 128
#define MEMO_WAYS 4

/* A text's codes, then its terms, in one allocation of their size: an
 * entry kept growable vectors, each at the largest text it had held. */
typedef struct memo_entry {
    uint64_t hash, used; /* used: the memo's clock at its last use; 0 empty */
    uint32_t *codes;     /* n_codes codes, then n_terms terms */
    size_t n_codes, n_terms;
} memo_entry;

struct sl_terms_memo {
    memo_entry entries[MEMO_SETS * MEMO_WAYS];
    uint64_t clock;
};

sl_terms_memo *sl_terms_memo_new(void)
{
    return sl_calloc(1, sizeof(sl_terms_memo));
}

void sl_terms_memo_free(sl_terms_memo *m)
{
    if (!m)
        return;
    for (size_t k = 0; k < MEMO_SETS * MEMO_WAYS; k++)
        free(m->entries[k].codes);
    free(m);
}

static memo_entry *set_of(sl_terms_memo *m, uint64_t hash)
{
    return &m->entries[(hash >> 32) % MEMO_SETS * MEMO_WAYS];
}

const uint32_t *sl_terms_memo_find(sl_terms_memo *m, const uint32_t *codes, size_t n, uint64_t *hash,
                                   size_t *n_terms)
{
    *hash = sl_hash64(codes, n * sizeof *codes);
    memo_entry *set = set_of(m, *hash);
    for (size_t w = 0; w < MEMO_WAYS; w++) {
        memo_entry *e = &set[w];
        if (e->used && e->hash == *hash && e->n_codes == n && !memcmp(e->codes, codes, n * sizeof *codes)) {
            e->used = ++m->clock;
            *n_terms = e->n_terms;
            return e->codes + n;
        }
    }
    return NULL;
}

int sl_terms_memo_keep(sl_terms_memo *m, uint64_t hash, const uint32_t *codes, size_t n,
                       const uint32_t *terms, size_t n_terms)
{
    memo_entry *set = set_of(m, hash), *out = set;
    for (size_t w = 1; w < MEMO_WAYS; w++)
        if (set[w].used < out->used)
            out = &set[w];
    out->used = 0;
    out->n_codes = out->n_terms = 0;
    if (n >= SIZE_MAX / sizeof *codes || n_terms > SIZE_MAX / sizeof *codes - 1 - n)
        return SL_ENOMEM;
    uint32_t *room = sl_realloc(out->codes, (n + n_terms + 1) * sizeof *codes);
    if (!room)
        return SL_ENOMEM;
    out->codes = room;
    memcpy(room, codes, n * sizeof *codes);
    memcpy(room + n, terms, n_terms * sizeof *terms);
    out->n_codes = n, out->n_terms = n_terms;
    out->hash = hash;
    out->used = ++m->clock;
    return 0;
}
