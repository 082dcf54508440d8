/* test_copies_index.c — the copy index (src/copies/index.c): the original
 * found among many, the candidates against a count made by hand, and an
 * index read lazily from the store's rows proposing what the whole index
 * does. Split from test_copies.c (over 900 lines). Texts are invented
 * (copies_texts.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "test.h"

#include "copies_texts.h"

TEST(copy_index_finds_the_original)
{
    sketched s = {0};
    sl_copy_index *ix = sl_copy_index_new();
    sketch_of(&s, OTHER_REPORT);
    CHECK_INT(sl_copy_index_add(ix, 1, s.sketch.keys, s.sketch.n_keys), 0);
    sketch_of(&s, WIRE);
    CHECK_INT(sl_copy_index_add(ix, 2, s.sketch.keys, s.sketch.n_keys), 0);
    sketch_of(&s, TEMPLATE_A);
    CHECK_INT(sl_copy_index_add(ix, 3, s.sketch.keys, s.sketch.n_keys), 0);
    sketch_of(&s, WIRE_EDITED);
    int64_t found[SL_COPY_CANDIDATES];
    size_t n = 0;
    CHECK_INT(sl_copy_index_candidates(ix, &s.sketch, found, &n), 0);
    CHECK(n >= 1);
    CHECK_INT(n ? found[0] : 0, 2);
    for (size_t k = 0; k < n; k++)
        CHECK(found[k] != 3);   /* nothing in common with the earnings template */
    /* from the comparer's distinct terms (dedup): the same, in the same order */
    sl_comparer *c = sl_comparer_new();
    CHECK_INT(sl_comparer_set_a(c, &s.sketch), 0);
    size_t n_terms = 0, n_of_terms = 0;
    const uint32_t *terms = sl_comparer_terms_a(c, &n_terms);
    int64_t of_terms[SL_COPY_CANDIDATES];
    CHECK_INT(sl_copy_index_candidates_of_terms(ix, terms, n_terms, of_terms, &n_of_terms), 0);
    CHECK_INT(n_of_terms, n);
    CHECK(n_terms > 0 && !memcmp(of_terms, found, n * sizeof *found));
    sl_comparer_free(c);
    CHECK(sl_copy_index_bytes(ix) > 0);
    sl_copy_index_free(ix);
    sketched_free(&s);
}

/* The index's candidates by hand: an article's hits are the query's terms
 * among its keys (no posting here fills: each is read whole), it is a
 * candidate at 2 hits and 15 in 100 of its keys, and the best are the most
 * hit, then the most recent. 600 articles of 1 to 16 keys among 1,500
 * terms (flags of every kind on the keys: no part of a term), 300 queries
 * of 1 to 80 terms. */
#define HAND_ARTICLES 600
#define HAND_TERMS 1500
static uint32_t hand_next(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*state >> 33);
}

TEST(copy_index_candidates_as_counted_by_hand)
{
    static uint32_t keys[HAND_ARTICLES + 1][SL_COPY_KEYS];
    static uint32_t n_keys[HAND_ARTICLES + 1];
    uint64_t state = 19;
    sl_copy_index *ix = sl_copy_index_new();
    for (uint32_t id = 1; id <= HAND_ARTICLES; id++) {
        n_keys[id] = 1 + hand_next(&state) % SL_COPY_KEYS;
        for (uint32_t k = 0; k < n_keys[id]; k++) {
            uint32_t term;
            bool again;
            do {   /* an article's keys are distinct terms */
                term = hand_next(&state) % HAND_TERMS;
                again = false;
                for (uint32_t j = 0; j < k; j++)
                    again |= keys[id][j] >> 4 == term;
            } while (again);
            keys[id][k] = term << 4 | (hand_next(&state) & SL_TERM_FLAGS);
        }
        CHECK_INT(sl_copy_index_add(ix, id, keys[id], n_keys[id]), 0);
    }
    size_t some = 0, full = 0;
    for (int q = 0; q < 300; q++) {
        bool in_query[HAND_TERMS] = {false};
        uint32_t query[80];
        size_t n_query = 0, want = 1 + hand_next(&state) % 80;
        while (n_query < want) {
            uint32_t term = hand_next(&state) % HAND_TERMS;
            if (!in_query[term]) {
                in_query[term] = true;
                n_query++;
            }
        }
        n_query = 0;
        for (uint32_t term = 0; term < HAND_TERMS; term++)   /* ascending, as asked */
            if (in_query[term])
                query[n_query++] = term << 4 | SL_TERM_SPECIFIC;
        int64_t expect[SL_COPY_CANDIDATES], got[SL_COPY_CANDIDATES];
        uint32_t expect_hits[SL_COPY_CANDIDATES];
        size_t n_expect = 0, n_got = 0;
        for (uint32_t id = HAND_ARTICLES; id >= 1; id--) {   /* the most recent first among equals */
            uint32_t hits = 0;
            for (uint32_t k = 0; k < n_keys[id]; k++)
                hits += in_query[keys[id][k] >> 4];
            if (hits < 2 || hits < (n_keys[id] * 15 + 99) / 100)
                continue;
            size_t at = n_expect < SL_COPY_CANDIDATES ? n_expect++ : SL_COPY_CANDIDATES;
            for (; at > 0 && hits > expect_hits[at - 1]; at--)
                if (at < SL_COPY_CANDIDATES) {
                    expect[at] = expect[at - 1];
                    expect_hits[at] = expect_hits[at - 1];
                }
            if (at < SL_COPY_CANDIDATES) {
                expect[at] = id;
                expect_hits[at] = hits;
            }
        }
        CHECK_INT(sl_copy_index_candidates_of_terms(ix, query, n_query, got, &n_got), 0);
        CHECK_INT(n_got, n_expect);
        CHECK(!memcmp(got, expect, n_expect * sizeof *got));
        some += n_expect > 0;
        full += n_expect == SL_COPY_CANDIDATES;
    }
    CHECK(some > 100 && full > 20 && full < some);   /* none, some and a full list all met */
    sl_copy_index_free(ix);
}

/* A query's counts start above the last query's reach and are never set
 * back to 0 after it; all are set back once they could pass UINT32_MAX.
 * Queries of 32,770 terms (a reach of 4.2 M hits each) pass it after
 * about 1,020; alternating between two articles' keys (the other terms
 * no article has), each query finds its article alone, before the wrap
 * and after it (2026-12-06, branch dedup10; fails with the counts left as
 * they are at the wrap, and with no wrap). */
TEST(copy_index_counts_past_their_wrap)
{
    enum { FILL = 32768, QUERIES = 1100 };
    uint32_t keys[2][2] = {{1u << 4 | SL_TERM_SPECIFIC, 2u << 4 | SL_TERM_SPECIFIC},
                           {3u << 4 | SL_TERM_SPECIFIC, 4u << 4 | SL_TERM_SPECIFIC}};
    uint32_t *terms = malloc((FILL + 2) * sizeof *terms);
    sl_copy_index *ix = sl_copy_index_new();
    CHECK_INT(sl_copy_index_add(ix, 1, keys[0], 2), 0);
    CHECK_INT(sl_copy_index_add(ix, 2, keys[1], 2), 0);
    for (uint32_t k = 0; k < FILL; k++)
        terms[2 + k] = (100 + k) << 4 | SL_TERM_SPECIFIC;
    int wrong = 0;
    for (int q = 0; q < QUERIES; q++) {
        memcpy(terms, keys[q % 2], sizeof keys[0]);
        int64_t got[SL_COPY_CANDIDATES];
        size_t n_got = 0;
        CHECK_INT(sl_copy_index_candidates_of_terms(ix, terms, FILL + 2, got, &n_got), 0);
        wrong += n_got != 1 || got[0] != 1 + q % 2;
    }
    CHECK_INT(wrong, 0);
    sl_copy_index_free(ix);
    free(terms);
}

/* The rows a lazy index reads: (key, article, number of keys), as the
 * store's copy_keys holds them. */
typedef struct key_rows {
    uint32_t key[4096], id[4096];
    uint8_t n[4096];
    size_t used;
} key_rows;

static int rows_recent(void *ctx, const uint32_t *keys, size_t n, size_t max, uint32_t *ids,
                       uint8_t *n_keys, size_t *found)
{
    const key_rows *r = ctx;
    for (size_t q = 0; q < n; q++) {
        found[q] = 0;
        for (size_t k = r->used; k-- > 0 && found[q] < max;)   /* filed in id order: newest last */
            if (r->key[k] == keys[q]) {
                ids[q * max + found[q]] = r->id[k];
                n_keys[q * max + found[q]++] = r->n[k];
            }
    }
    return 0;
}

/* As rows_recent, but of a full key only its newest SL_COPY_RECENT_OF_FULL
 * are read (sl_copy_key_source); the rest of its places hold articles of
 * ids far past the store's, which an index that held them would grow its
 * counts by id for. */
static int rows_recent_of_full_newest(void *ctx, const uint32_t *keys, size_t n, size_t max,
                                      uint32_t *ids, uint8_t *n_keys, size_t *found)
{
    int rc = rows_recent(ctx, keys, n, max, ids, n_keys, found);
    for (size_t q = 0; q < n; q++)
        for (size_t e = SL_COPY_RECENT_OF_FULL; found[q] == max && e < max; e++) {
            ids[q * max + e] = (uint32_t)(100000 + e);
            n_keys[q * max + e] = 1;
        }
    return rc;
}

/* Candidates of a fresh lazy index reading `source`, as a store opened now,
 * and the memory it held then (*bytes). */
static int candidates_opened(sl_copy_key_source source, key_rows *rows, const sl_sketch *s, int64_t *out,
                             size_t *n_out, size_t *bytes)
{
    sl_copy_index *opened = sl_copy_index_new();
    sl_copy_index_set_source(opened, source, rows);
    int rc = sl_copy_index_candidates(opened, s, out, n_out);
    *bytes = sl_copy_index_bytes(opened);
    sl_copy_index_free(opened);
    return rc;
}

TEST(copy_index_read_lazily_proposes_what_the_whole_index_does)
{
    static key_rows rows;
    rows.used = 0;
    sketched s = {0};
    /* the whole index in memory; one read lazily as the ingest goes; and
     * one read afresh at each query */
    sl_copy_index *whole = sl_copy_index_new(), *lazy = sl_copy_index_new();
    sl_copy_index_set_source(lazy, rows_recent, &rows);
    char text[512];
    int same = 1, queries = 0, full = 0;
    /* 200 reports on a few companies and figures: the shared terms' postings
     * pass SL_COPY_POSTINGS, and each query falls between adds. */
    for (int a = 1; a <= 200; a++) {
        snprintf(text, sizeof text,
                 "Harbour Freight%d said quarterly profit rose to %d million crowns. Chairman Aila "
                 "Brenn%d told shareholders in Skerrow that Velmira shipping volumes grew %d percent.",
                 a % 7, a % 13, a % 5, a % 11);
        /* a query of the words every report has (only full postings) too */
        for (int q = 0; q < 2 && a % 3 == 0; q++) {
            sketch_of(&s, q ? text
                            : "Harbour shareholders in Skerrow heard that Velmira shipping volumes "
                              "and quarterly profit grew, the Chairman said.");
            int64_t w[SL_COPY_CANDIDATES], l[SL_COPY_CANDIDATES], o[SL_COPY_CANDIDATES],
                f[SL_COPY_CANDIDATES];
            size_t nw = 0, nl = 0, no = 0, nf = 0, bo, bf;
            CHECK_INT(sl_copy_index_candidates(whole, &s.sketch, w, &nw), 0);
            CHECK_INT(sl_copy_index_candidates(lazy, &s.sketch, l, &nl), 0);
            CHECK_INT(candidates_opened(rows_recent, &rows, &s.sketch, o, &no, &bo), 0);
            CHECK_INT(candidates_opened(rows_recent_of_full_newest, &rows, &s.sketch, f, &nf, &bf), 0);
            same &= bo == bf;   /* nothing of a full key held but its newest */
            same &= nw == nl && !memcmp(w, l, nw * sizeof *w);
            same &= nw == no && !memcmp(w, o, nw * sizeof *w);
            same &= nw == nf && !memcmp(w, f, nw * sizeof *w);
            queries++;
        }
        sketch_of(&s, text);
        CHECK_INT(sl_copy_index_add(whole, a, s.sketch.keys, s.sketch.n_keys), 0);
        CHECK_INT(sl_copy_index_add(lazy, a, s.sketch.keys, s.sketch.n_keys), 0);
        for (uint32_t k = 0; k < s.sketch.n_keys && rows.used < 4096; k++, rows.used++) {
            rows.key[rows.used] = SL_TERM_ID(s.sketch.keys[k]);
            rows.id[rows.used] = (uint32_t)a;
            rows.n[rows.used] = (uint8_t)s.sketch.n_keys;
        }
    }
    for (size_t k = 0; k < rows.used; k++) {   /* the most frequent key's articles */
        int m = 0;
        for (size_t j = 0; j < rows.used; j++)
            m += rows.key[j] == rows.key[k];
        full = m > full ? m : full;
    }
    CHECK(full > SL_COPY_POSTINGS);
    CHECK_INT(queries, 132);
    CHECK(same);
    /* a query of more terms than one read of the source takes (32) */
    sketch_of(&s, "Harbour Freight3 Chairman Aila Brenn2 told Skerrow shareholders quarterly "
                  "profit rose; Velmira shipping volumes grew. Ostrava bankers, Lindqvist "
                  "farmers, Tarnow miners, Kessel weavers, Umbria vintners, Dorrell pilots, "
                  "Pemberly clerks, Quillon masons, Rasmund tailors, Sorvik brewers, Tovara "
                  "potters, Ulvenes smiths, Varga carpenters, Wexley drovers and Yarrow "
                  "coopers met Zennor fishermen beside Abbotsford.");
    CHECK(s.sketch.terms.n > 40);
    int64_t w[SL_COPY_CANDIDATES], o[SL_COPY_CANDIDATES], f[SL_COPY_CANDIDATES];
    size_t nw = 0, no = 0, nf = 0, bo, bf;
    CHECK_INT(sl_copy_index_candidates(whole, &s.sketch, w, &nw), 0);
    CHECK_INT(candidates_opened(rows_recent, &rows, &s.sketch, o, &no, &bo), 0);
    CHECK_INT(candidates_opened(rows_recent_of_full_newest, &rows, &s.sketch, f, &nf, &bf), 0);
    CHECK(bo == bf);
    CHECK(nw > 0 && nw == no && !memcmp(w, o, nw * sizeof *w));
    CHECK(nw == nf && !memcmp(w, f, nw * sizeof *w));
    sl_copy_index_free(whole);
    sl_copy_index_free(lazy);
    sketched_free(&s);
}

/* Terms that differ in their flags only are one key: a lazy index asked
 * for two of them by one query reads the key's posting once, as the whole
 * index holds it, and proposes what the whole index does then and after
 * (an article filed twice under the key would be hit twice by one term). */
TEST(copy_index_read_lazily_a_key_asked_twice_once)
{
    static key_rows rows;
    const uint32_t keys[] = {0x5550u, 0x6660u};
    rows.used = 0;
    sl_copy_index *whole = sl_copy_index_new(), *opened = sl_copy_index_new();
    CHECK(whole && opened);
    if (!whole || !opened) {
        sl_copy_index_free(whole), sl_copy_index_free(opened);
        return;
    }
    sl_copy_index_set_source(opened, rows_recent, &rows);
    CHECK_INT(sl_copy_index_add(whole, 1, keys, 2), 0);
    for (size_t k = 0; k < 2; k++, rows.used++)
        rows.key[rows.used] = SL_TERM_ID(keys[k]), rows.id[rows.used] = 1, rows.n[rows.used] = 2;
    const uint32_t twice[] = {0x5550u, 0x5551u | SL_TERM_SPECIFIC}, once[] = {0x5550u};
    for (int q = 0; q < 2; q++) {
        int64_t w[SL_COPY_CANDIDATES], o[SL_COPY_CANDIDATES];
        size_t nw = 9, no = 9;
        const uint32_t *terms = q ? once : twice;
        CHECK_INT(sl_copy_index_candidates_of_terms(whole, terms, q ? 1 : 2, w, &nw), 0);
        CHECK_INT(sl_copy_index_candidates_of_terms(opened, terms, q ? 1 : 2, o, &no), 0);
        CHECK_INT((int64_t)no, (int64_t)nw);
        CHECK(nw == no && !memcmp(w, o, nw * sizeof *w));
        CHECK_INT((int64_t)nw, q ? 0 : 1); /* two hits need two terms */
    }
    sl_copy_index_free(whole);
    sl_copy_index_free(opened);
}

/* Every key asked is filed under article 1 and under an article of its
 * own (2 on up), both of two keys. */
static int rows_two_each(void *ctx, const uint32_t *keys, size_t n, size_t max, uint32_t *ids,
                         uint8_t *n_keys, size_t *found)
{
    (void)ctx;
    for (size_t q = 0; q < n; q++) {
        found[q] = max < 2 ? max : 2;
        ids[q * max] = 2 + (keys[q] >> 4);   /* newest first */
        ids[q * max + 1] = 1;
        n_keys[q * max] = n_keys[q * max + 1] = 2;
    }
    return 0;
}

/* A query of more terms than the index's first table holds grows it while
 * it posts what it read (under ASan, a posting kept by its slot across the
 * growth reads freed memory): article 1, hit by every term, is found. */
TEST(copy_index_grows_while_holding_what_it_read)
{
    enum { TERMS = 2000 };
    static uint32_t terms[TERMS];
    for (uint32_t k = 0; k < TERMS; k++)
        terms[k] = SL_TERM_ID((k + 1) << 4);
    sl_copy_index *ix = sl_copy_index_new();
    sl_copy_index_set_source(ix, rows_two_each, NULL);
    int64_t got[SL_COPY_CANDIDATES];
    size_t n_got = 0;
    CHECK_INT(sl_copy_index_candidates_of_terms(ix, terms, TERMS, got, &n_got), 0);
    CHECK_INT(n_got, 1);
    CHECK_INT(got[0], 1);
    sl_copy_index_free(ix);
}

/* Two keys' postings as articles file under them: their room doubles from
 * 2 at each power of two they fill and stops at SL_COPY_POSTINGS, where the
 * ring keeps the newest, which a query reads. The bytes beyond an index of
 * the same articles filed under no key are every id block cut for them
 * (16-byte aligned; a posting of one or two ids holds them in place, with
 * no block): growing side by side, neither posting can take the other's
 * given-back block, so each holds one of every room from 4 up to its
 * own. A growth that finds no memory leaves the postings as they were. */
TEST(copy_index_posting_room_follows_its_count)
{
    uint32_t keys[2] = {7u << 4 | SL_TERM_SPECIFIC, 9u << 4 | SL_TERM_SPECIFIC};
    sl_copy_index *ix = sl_copy_index_new(), *unfiled = sl_copy_index_new();
    size_t wrong_room = 0, room = 2, cut = 0;   /* bytes cut a key: rooms 4 .. room (2 in place) */
    for (uint32_t id = 1; id <= 3 * SL_COPY_POSTINGS; id++) {
        CHECK_INT(sl_copy_index_add(ix, id, keys, 2), 0);
        CHECK_INT(sl_copy_index_add(unfiled, id, keys, 0), 0);
        if (id > room && room < SL_COPY_POSTINGS) {
            room *= 2;
            cut += room * sizeof(uint32_t);
        }
        wrong_room += sl_copy_index_bytes(ix) - sl_copy_index_bytes(unfiled) != 2 * cut;
    }
    CHECK_INT(wrong_room, 0);
    int64_t got[SL_COPY_CANDIDATES];
    size_t n_got = 0;
    CHECK_INT(sl_copy_index_candidates_of_terms(ix, keys, 2, got, &n_got), 0);
    CHECK_INT(n_got, SL_COPY_RECENT_OF_FULL < SL_COPY_CANDIDATES ? SL_COPY_RECENT_OF_FULL : SL_COPY_CANDIDATES);
    CHECK_INT(got[0], 3 * SL_COPY_POSTINGS);   /* the newest, then back */
    CHECK_INT(got[n_got - 1], 3 * SL_COPY_POSTINGS + 1 - (int64_t)n_got);
    sl_copy_index_free(ix);
    sl_copy_index_free(unfiled);

    ix = sl_copy_index_new();
    CHECK_INT(sl_copy_index_add(ix, 8, keys, 0), 0);   /* ids up to 8 noted: no growth of the counts */
    size_t before = sl_copy_index_bytes(ix);
    for (uint32_t id = 1; id <= 2; id++)   /* held in place: no ids' memory */
        CHECK_INT(sl_copy_index_add(ix, id, keys, 2), 0);
    CHECK_INT(sl_copy_index_bytes(ix), before);
    sl_alloc_fail_nth(1);   /* the first posting's growth to 4: the first of the ids' memory */
    CHECK_INT(sl_copy_index_add(ix, 3, keys, 2), SL_ENOMEM);
    sl_alloc_fail_nth(0);
    CHECK_INT(sl_copy_index_bytes(ix), before);
    CHECK_INT(sl_copy_index_candidates_of_terms(ix, keys, 2, got, &n_got), 0);
    CHECK_INT(n_got, 2);
    CHECK_INT(got[0], 2);
    for (uint32_t id = 3; id <= 5; id++)
        CHECK_INT(sl_copy_index_add(ix, id, keys, 2), 0);
    CHECK_INT(sl_copy_index_candidates_of_terms(ix, keys, 2, got, &n_got), 0);
    CHECK_INT(n_got, 5);
    CHECK_INT(got[0], 5);
    sl_copy_index_free(ix);
}

/* Postings that grow give their ids back to the postings that grow or
 * start after them (index.c, take_ids): ten keys, each article filed under
 * two neighbours and under a key of its own thirty, new keys starting as
 * older ones grow. Each pair of neighbours finds, newest first, exactly
 * the articles filed under both. */
TEST(copy_index_postings_reuse_given_back_ids)
{
    sl_copy_index *ix = sl_copy_index_new();
    CHECK(ix != NULL);
    for (uint32_t id = 1; id <= 300; id++) {
        uint32_t keys[3] = {(1 + id % 10) << 4 | SL_TERM_SPECIFIC, (1 + (id + 1) % 10) << 4 | SL_TERM_SPECIFIC,
                            (100 + id / 30) << 4 | SL_TERM_SPECIFIC};
        CHECK_INT(sl_copy_index_add(ix, id, keys, 3), 0);
    }
    size_t wrong = 0;
    for (uint32_t j = 0; j < 10; j++) {
        uint32_t pair[2] = {(1 + j) << 4 | SL_TERM_SPECIFIC, (1 + (j + 1) % 10) << 4 | SL_TERM_SPECIFIC};
        if (pair[0] > pair[1]) {   /* the terms ascending */
            uint32_t t = pair[0];
            pair[0] = pair[1];
            pair[1] = t;
        }
        int64_t got[SL_COPY_CANDIDATES];
        size_t n_got = 0;
        CHECK_INT(sl_copy_index_candidates_of_terms(ix, pair, 2, got, &n_got), 0);
        wrong += n_got != SL_COPY_CANDIDATES;
        int64_t expected = 300 - ((300 - j) % 10 + 10) % 10;   /* the newest id with id % 10 == j */
        for (size_t k = 0; k < n_got; k++, expected -= 10)
            wrong += got[k] != expected;
    }
    CHECK_INT(wrong, 0);
    sl_copy_index_free(ix);
}
