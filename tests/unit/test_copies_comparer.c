/* test_copies_comparer.c — the comparer (src/copies/comparer.c): a comparer
 * that reads only the kind and the score, or is given a text's terms,
 * answers as a plain one; the terms memo finds exactly what it kept.
 * Texts are the project's own (copies_texts.c and below). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "test.h"

#include "copies_texts.h"

/* A short notice and the same with one of its three figures changed: two
 * in three kept is too few for a near copy (COPY_NUMBERS), too few for the
 * wording rule, and the texts are too short for the model. */
static const char *const RATE_RISE =
    "The Harbour Bank raised its base lending rate to 9.5 pct from 9 pct on Tuesday, its first "
    "rise in 12 months, the bank said in Kestrel Island.";
static const char *const RATE_RISE_OTHER_FIGURE =
    "The Harbour Bank raised its base lending rate to 9.5 pct from 9 pct on Tuesday, its first "
    "rise in 14 months, the bank said in Kestrel Island.";

/* A comparer whose caller reads only the kind and the score (dedup's)
 * gives the kind and the score a plain one gives, over pairs that are
 * copies of each kind and pairs that are not; the leads' four measures
 * it leaves at their starting values, and the rest are the plain one's,
 * the aligned pairs too, but of a pair no kind can take, which it does
 * not align. */
TEST(comparer_for_kind_and_score_gives_them_as_a_plain_one)
{
    char *original = sl_test_read_file("examples/2026-04-17_valley-courier_eskmoor-mill-fire.txt", NULL);
    char *rewrite = sl_test_read_file("examples/2026-04-18_harbour-herald_eskmoor-mill-fire.txt", NULL);
    const char *texts[][2] = {{rewrite, original},   {RATE_CUT_B, RATE_CUT_A}, {WIRE_EDITED, WIRE},
                              {OTHER_REPORT, WIRE},  {TEMPLATE_B, TEMPLATE_A}, {WIRE, RATE_CUT_A},
                              {RATE_RISE_OTHER_FIGURE, RATE_RISE}, {RATE_RISE, RATE_RISE}};
    bool leads_read = false, not_aligned = false;
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sketched sa = {0}, sb = {0};
        sketch_of(&sa, texts[k][0]);
        sketch_of(&sb, texts[k][1]);
        sl_comparer *plain = sl_comparer_new(), *reads = sl_comparer_new();
        CHECK(plain && reads);
        sl_comparer_reads_kind_and_score(reads);
        sl_comparison p = {0}, w = {0};
        CHECK_INT(sl_copies_compare(plain, &sa.sketch, &sb.sketch, &p), 0);
        CHECK_INT(sl_copies_compare(reads, &sa.sketch, &sb.sketch, &w), 0);
        CHECK_INT(w.kind, p.kind);
        CHECK(w.score == p.score);
        CHECK(w.lead_names_kept == 1 && w.lead_figures_kept == 1 && w.lead_match == 0 && w.leads_match == 0);
        leads_read |= p.lead_match != 0;
        CHECK(w.order_overlap == p.order_overlap && w.term_overlap == p.term_overlap &&
              w.specific_overlap == p.specific_overlap && w.number_overlap == p.number_overlap);
        if (p.pairs.n && !w.pairs.n) {   /* not aligned: no kind could be */
            CHECK_INT(p.kind, SL_COPY_NONE);
            CHECK(w.best_similarity == 0 && w.cover_a == 0 && w.match_a == 0);
            not_aligned = true;
            CHECK(k == 6);
        } else {
            CHECK(w.cover_a == p.cover_a && w.cover_b == p.cover_b && w.match_a == p.match_a &&
                  w.match_b == p.match_b && w.best_similarity == p.best_similarity &&
                  w.best_pair_a == p.best_pair_a && w.best_pair_b == p.best_pair_b &&
                  w.rewrite_probability == p.rewrite_probability);
            CHECK(w.anchor_order == p.anchor_order && w.term_spread == p.term_spread &&
                  w.match_spread == p.match_spread && w.literal_share == p.literal_share &&
                  w.paired_share == p.paired_share);
            CHECK(w.pairs.n == p.pairs.n &&
                  (!p.pairs.n || !memcmp(w.pairs.items, p.pairs.items, p.pairs.n * sizeof *p.pairs.items)));
        }
        if (k == 7)
            CHECK(w.kind != SL_COPY_NONE);   /* the notice itself, aligned */
        sl_comparison_free(&p);
        sl_comparison_free(&w);
        sl_comparer_free(plain);
        sl_comparer_free(reads);
        sketched_free(&sa);
        sketched_free(&sb);
    }
    CHECK(leads_read);    /* some pair's leads were measured by the plain comparer */
    CHECK(not_aligned);   /* and the changed figure's pair was not aligned */
    free(original);
    free(rewrite);
}

/* b's distinct terms given (as sl_comparer_terms_a gave them when b was
 * the prepared text: dedup's ring keeps them) compare as the terms the
 * comparer collects itself, with and without its memo, and a comparer
 * without a memo gives a's terms as one with a memo does. */
TEST(comparer_given_terms_compares_as_collected)
{
    const char *texts[][2] = {{RATE_CUT_B, RATE_CUT_A}, {WIRE_EDITED, WIRE}, {OTHER_REPORT, WIRE},
                              {TEMPLATE_B, TEMPLATE_A}, {WIRE, RATE_CUT_A}, {"", WIRE}};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sketched sa = {0}, sb = {0};
        sketch_of(&sa, texts[k][0]);
        sketch_of(&sb, texts[k][1]);
        sl_comparer *plain = sl_comparer_new(), *given = sl_comparer_new(), *of_b = sl_comparer_new();
        CHECK(plain && given && of_b);
        sl_comparer_without_memo(given);
        size_t n_b = 0, n_plain = 0, n_given = 0;
        CHECK_INT(sl_comparer_set_a(of_b, &sb.sketch), 0);
        const uint32_t *terms_b = sl_comparer_terms_a(of_b, &n_b);
        sl_comparison p = {0}, g = {0};
        CHECK_INT(sl_copies_compare(plain, &sa.sketch, &sb.sketch, &p), 0);
        CHECK_INT(sl_comparer_set_a(given, &sa.sketch), 0);
        CHECK_INT(sl_comparer_compare_terms(given, &sb.sketch, terms_b, n_b, &g), 0);
        const uint32_t *ta = sl_comparer_terms_a(plain, &n_plain), *tg = sl_comparer_terms_a(given, &n_given);
        CHECK(n_plain == n_given && (!n_plain || !memcmp(ta, tg, n_plain * sizeof *ta)));
        CHECK_INT(g.kind, p.kind);
        CHECK_INT(g.terms_b, p.terms_b);
        CHECK(g.score == p.score && g.term_overlap == p.term_overlap &&
              g.term_overlap_more == p.term_overlap_more && g.specific_overlap == p.specific_overlap &&
              g.number_overlap == p.number_overlap && g.order_overlap == p.order_overlap &&
              g.lead_names_kept == p.lead_names_kept && g.lead_figures_kept == p.lead_figures_kept &&
              g.rewrite_probability == p.rewrite_probability && g.pairs.n == p.pairs.n);
        sl_comparison_free(&p);
        sl_comparison_free(&g);
        sl_comparer_free(plain);
        sl_comparer_free(given);
        sl_comparer_free(of_b);
        sketched_free(&sa);
        sketched_free(&sb);
    }
}

/* The memo of texts' distinct terms: a miss until kept, then exactly what
 * was kept for exactly those codes (the same codes in another order, or one
 * more, miss); many texts later, the least recently used are gone and the
 * last ones still there. */
TEST(terms_memo_finds_exactly_the_codes_kept)
{
    sl_terms_memo *m = sl_terms_memo_new();
    CHECK(m != NULL);
    uint32_t codes[] = {7, 3, 7, 9}, other[] = {3, 7, 7, 9}, terms[] = {3, 7, 9};
    uint64_t hash = 0, again = 0;
    size_t n = 0;
    CHECK(sl_terms_memo_find(m, codes, 4, &hash, &n) == NULL);
    CHECK_INT(sl_terms_memo_keep(m, hash, codes, 4, terms, 3), 0);
    const uint32_t *kept = sl_terms_memo_find(m, codes, 4, &again, &n);
    CHECK(kept != NULL && again == hash);
    CHECK_INT((int)n, 3);
    CHECK(kept && !memcmp(kept, terms, sizeof terms));
    CHECK(sl_terms_memo_find(m, other, 4, &again, &n) == NULL);
    CHECK(sl_terms_memo_find(m, codes, 3, &again, &n) == NULL);
    uint32_t text[2];
    for (uint32_t k = 0; k < 5000; k++) {
        text[0] = k, text[1] = k + 1;
        if (!sl_terms_memo_find(m, text, 2, &hash, &n))
            CHECK_INT(sl_terms_memo_keep(m, hash, text, 2, text, 1), 0);
    }
    CHECK(sl_terms_memo_find(m, codes, 4, &hash, &n) == NULL);
    text[0] = 4999, text[1] = 5000;
    kept = sl_terms_memo_find(m, text, 2, &hash, &n);
    CHECK(kept != NULL && n == 1 && kept[0] == 4999);
    sl_terms_memo_free(m);
}

/* An entry holds each text at its own size: a long text, then short ones
 * and a long one again through the same entries, are found whole; a keep
 * that finds no memory leaves its entry empty (a miss), not a torn text. */
TEST(terms_memo_keeps_texts_of_any_size_and_out_of_memory)
{
    enum { LONG = 3000 };
    static uint32_t text[LONG];
    sl_terms_memo *m = sl_terms_memo_new();
    uint64_t hash = 0;
    size_t n = 0, wrong = 0;
    for (uint32_t round = 0; round < 3; round++)
        for (uint32_t k = 0; k < 2000; k++) {   /* every entry used many times over */
            size_t len = (k + round) % 7 ? 1 + k % 5 : LONG;
            for (size_t i = 0; i < len; i++)
                text[i] = k * 31 + (uint32_t)i + round;
            if (!sl_terms_memo_find(m, text, len, &hash, &n))
                CHECK_INT(sl_terms_memo_keep(m, hash, text, len, text + 1, len - 1), 0);
            const uint32_t *kept = sl_terms_memo_find(m, text, len, &hash, &n);
            wrong += !kept || n != len - 1 || memcmp(kept, text + 1, n * sizeof *kept);
        }
    CHECK_INT(wrong, 0);
    for (size_t i = 0; i < LONG; i++)
        text[i] = 900000 + (uint32_t)i;
    CHECK(sl_terms_memo_find(m, text, LONG, &hash, &n) == NULL);
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_terms_memo_keep(m, hash, text, LONG, text, LONG), SL_ENOMEM);
    sl_alloc_fail_nth(0);
    CHECK(sl_terms_memo_find(m, text, LONG, &hash, &n) == NULL);
    CHECK_INT(sl_terms_memo_keep(m, hash, text, LONG, text, LONG), 0);
    const uint32_t *kept = sl_terms_memo_find(m, text, LONG, &hash, &n);
    CHECK(kept != NULL && n == LONG && !memcmp(kept, text, sizeof text));
    sl_terms_memo_free(m);
}
