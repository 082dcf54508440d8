/* synonyms.c — content terms matched at synonym level: WordNet's synsets
 * (text/wordnet.h) keyed by the term codes the sketches hold. Every form
 * WordNet knows (lemmas and exception forms) is stemmed as the text stage
 * stems a word and filed under its code, so a sketch's codes, built from
 * stems, find their senses without the words. Built once per process on
 * first use; empty when WordNet is missing (the comparison then counts
 * words alone). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "text/wordnet.h"
#include "util/alloc.h"
#include "util/hash.h"

/* Senses of each (lemma, part of speech) kept: WordNet lists them most
 * frequent first, and a rare sense of a common word ("take", "run") would
 * match it with half the vocabulary. Three, not one: only the paraphrase
 * decision reads synonyms (wording.c), and MSRP train's cross-validation
 * chose three ("cut" meets "reduce"), if by a margin within noise: 5
 * shuffled 10-fold runs, threshold of best accuracy plus F1, 0.7789 /
 * 0.8436 with one, 0.7791 / 0.8455 with three (a scikit-learn prototype
 * of the same features; docs/copies.md). */
#define SENSES_PER_WORD 3

typedef struct synonym_table {
    uint32_t *codes;             /* distinct term ids (SL_TERM_ID), ascending */
    uint32_t *sense_starts;      /* n + 1: codes[k]'s senses are senses[sense_starts[k]..) */
    uint32_t *senses;
    uint32_t *reach_starts;      /* the same for its senses and their linked synsets */
    uint32_t *reach;
    size_t n;
    uint32_t *slots;             /* open addressing on the code: row + 1, 0 empty */
    size_t mask;
} synonym_table;

static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static synonym_table table;
static char table_error[512];   /* why the table is empty */

typedef SL_VEC(uint64_t) pair_vec;   /* code << 32 | synset id */

static int push_pairs(pair_vec *senses, pair_vec *reach, const sl_wordnet *wn, uint32_t code,
                      const uint32_t *ids, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (sl_vec_push(senses, (uint64_t)code << 32 | ids[k]) ||
            sl_vec_push(reach, (uint64_t)code << 32 | ids[k]))
            return SL_ENOMEM;
        const uint32_t *links;
        size_t nl = sl_wordnet_links(wn, ids[k], &links);
        for (size_t j = 0; j < nl; j++)
            if (sl_vec_push(reach, (uint64_t)code << 32 | links[j]))
                return SL_ENOMEM;
    }
    return 0;
}

/* Sorted, distinct pairs as compressed rows over `codes`. */
static int rows(pair_vec *pairs, const uint32_t *codes, size_t n_codes, uint32_t **starts,
                uint32_t **ids)
{
    size_t m = pairs->n = sl_sort_u64_distinct(pairs->items, pairs->n);
    *starts = sl_malloc((n_codes + 1) * sizeof **starts);
    *ids = sl_malloc((m ? m : 1) * sizeof **ids);
    if (!*starts || !*ids)
        return SL_ENOMEM;
    size_t p = 0;
    for (size_t c = 0; c < n_codes; c++) {
        (*starts)[c] = (uint32_t)p;
        while (p < m && (uint32_t)(pairs->items[p] >> 32) == codes[c]) {
            (*ids)[p] = (uint32_t)pairs->items[p];
            p++;
        }
    }
    (*starts)[n_codes] = (uint32_t)p;
    return 0;
}

static size_t slot_of(uint32_t code)
{
    return (size_t)(code * 2654435761u >> 4) & table.mask;   /* the code's low 4 bits are flags */
}

/* The codes' hash table: a lookup per term of every compared text, where
 * a binary search over the 80,000 codes cost 5% of ingest. */
static int file_codes(void)
{
    size_t size = 16;
    while (size < 2 * table.n)
        size *= 2;
    if (!(table.slots = sl_calloc(size, sizeof *table.slots)))
        return SL_ENOMEM;
    table.mask = size - 1;
    for (size_t k = 0; k < table.n; k++) {
        size_t h = slot_of(table.codes[k]);
        while (table.slots[h])
            h = (h + 1) & table.mask;
        table.slots[h] = (uint32_t)k + 1;
    }
    return 0;
}

static void table_free(void)
{
    sl_free(table.codes);
    sl_free(table.sense_starts);
    sl_free(table.senses);
    sl_free(table.reach_starts);
    sl_free(table.reach);
    sl_free(table.slots);
    memset(&table, 0, sizeof table);
}

/* WordNet, read for the table and freed once it is built (the table is
 * all a comparison reads); NULL with the reason in table_error. */
static sl_wordnet *load_wordnet(void)
{
    sl_wordnet *wn = NULL;
    sl_buf err;
    sl_buf_init(&err, 400);
    if (sl_wordnet_load(sl_wordnet_dir(), &wn, &err))
        snprintf(table_error, sizeof table_error,
                 "WordNet not loaded (%s): copies are compared on their words alone; install "
                 "wordnet-base or set " SL_WORDNET_DIR_ENV,
                 err.len ? sl_buf_cstr(&err) : "out of memory");
    sl_buf_free(&err);
    return wn;
}

static void build_table(void)
{
    sl_wordnet *wn = load_wordnet();
    sl_stemmer *stemmer = wn ? sl_stemmer_new("en") : NULL;
    pair_vec senses = {0}, reach = {0};
    SL_VEC(uint32_t) codes = {0};
    int rc = stemmer ? 0 : SL_ENOMEM;
    uint32_t ids[64];
    for (size_t i = 0; !rc && i < sl_wordnet_forms(wn); i++) {
        size_t len, stem_len;
        const char *form = sl_wordnet_form(wn, i, &len);
        const char *stem = sl_stem(stemmer, form, len, &stem_len);
        if (!stem) {
            rc = SL_ENOMEM;
            break;
        }
        uint32_t code = SL_TERM_ID((uint32_t)(sl_hash64(stem, stem_len) >> 32));
        size_t n = sl_wordnet_form_synsets(wn, i, SENSES_PER_WORD, ids, 64);
        if (n)
            rc = sl_vec_push(&codes, code) || push_pairs(&senses, &reach, wn, code, ids, n);
    }
    if (!rc && codes.n) {
        sl_sort_u32(codes.items, codes.n);
        size_t m = 0;
        for (size_t k = 0; k < codes.n; k++)
            if (!m || codes.items[k] != codes.items[m - 1])
                codes.items[m++] = codes.items[k];
        table.n = m;
        table.codes = codes.items;
        codes.items = NULL;
        rc = rows(&senses, table.codes, m, &table.sense_starts, &table.senses) ||
             rows(&reach, table.codes, m, &table.reach_starts, &table.reach) || file_codes();
    }
    if (rc && wn) {
        table_free();   /* out of memory: words alone, as without WordNet */
        snprintf(table_error, sizeof table_error,
                 "synonym table: out of memory: copies are compared on their words alone");
    }
    sl_vec_free(&codes);
    sl_vec_free(&senses);
    sl_vec_free(&reach);
    sl_stemmer_free(stemmer);
    sl_wordnet_free(wn);
}

const char *sl_synonyms_error(void)
{
    sl_synonyms_ready();
    return table_error;
}

bool sl_synonyms_ready(void)
{
    pthread_once(&table_once, build_table);
    return table.n > 0;
}

/* The row of `code` in `starts`/`ids` (the table built). */
static size_t find(uint32_t code, const uint32_t *starts, const uint32_t *ids, const uint32_t **out)
{
    uint32_t id = SL_TERM_ID(code);
    for (size_t h = slot_of(id); table.slots[h]; h = (h + 1) & table.mask) {
        uint32_t row = table.slots[h] - 1;
        if (table.codes[row] == id) {
            *out = ids + starts[row];
            return starts[row + 1] - starts[row];
        }
    }
    return 0;
}

size_t sl_synonyms_senses(uint32_t code, const uint32_t **out)
{
    *out = NULL;
    if (!sl_synonyms_ready())
        return 0;
    return find(code, table.sense_starts, table.senses, out);
}

size_t sl_synonyms_reach(uint32_t code, const uint32_t **out)
{
    *out = NULL;
    if (!sl_synonyms_ready())
        return 0;
    return find(code, table.reach_starts, table.reach, out);
}
