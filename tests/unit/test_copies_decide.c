/* test_copies_decide.c — the copies stage's rewrite decision (decide.c),
 * its early stops against a thorough comparison, and bounded work on
 * absurd inputs. Texts are invented (copies_texts.c and below). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copies_texts.h"
#include "test.h"

/* ---- the rewrite decision (decide.c) and bounded work on absurd inputs ---- */

/* WIRE told again by a rewriter: sentences split and moved, most words
 * changed, names and figures kept. Its wording in order is below the old
 * rule's 0.4; the learned decision still calls it a rewrite. */
static const char *const WIRE_REWORDED =
    "Lindholt to get its tram line\n\n"
    "Critics of the scheme had said buses could serve the outlying districts far more cheaply, "
    "but after ten years of argument Lindholt's city council on Tuesday backed a tram route "
    "linking the port with the suburbs to the north. The vote was 31 to 9.\n\n"
    "Mayor Ilse Varga said after the ballot that the route would stretch 14 kilometres. "
    "It is expected to cost 410 million crowns.\n\n"
    "Work should begin next spring, the transport department said, with passengers "
    "riding the first trams in 2029.";

TEST(rewrite_decision_follows_a_reordered_rewording)
{
    sl_comparison cmp = {0};
    sl_copy_kind kind = kind_of(WIRE_REWORDED, WIRE, &cmp);
    CHECK(cmp.order_overlap < 0.40);            /* the old rule's threshold: missed before */
    CHECK(cmp.rewrite_probability >= sl_copy_rewrite_threshold);
    /* the model judges texts of 32 content words and more (align.c,
     * MODEL_WORDS; docs/copies.md): this one is a rewrite */
    CHECK_INT(kind, SL_COPY_REWRITE);
    CHECK(cmp.pairs.n >= 3);                    /* aligned sentences as evidence */
    CHECK(cmp.match_a > cmp.cover_a);           /* the order-free matches see the moved sentence */
    /* another outlet's report of the same vote is still not a copy */
    CHECK_INT(kind_of(OTHER_REPORT, WIRE, &cmp), SL_COPY_NONE);
    CHECK(cmp.rewrite_probability < sl_copy_rewrite_threshold);
    sl_comparison_free(&cmp);
}

/* A comparer that is not thorough stops before the alignment when the
 * wording or the names and figures rule every kind out; it must decide as
 * the thorough one does, which always aligns. */
TEST(early_stops_decide_as_a_thorough_comparison)
{
    const char *const texts[] = {WIRE, WIRE_EDITED, WIRE_REWORDED, OTHER_REPORT,
                                 TEMPLATE_A, TEMPLATE_B};
    size_t n = sizeof texts / sizeof *texts, stopped = 0;
    sl_comparer *quick = sl_comparer_new(), *thorough = sl_comparer_new();
    sl_comparer_thorough(thorough);
    sl_comparison fast = {0}, full = {0};
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            sketched sa = {0}, sb = {0};
            sketch_of(&sa, texts[i]);
            sketch_of(&sb, texts[j]);
            CHECK_INT(sl_copies_compare(quick, &sa.sketch, &sb.sketch, &fast), 0);
            CHECK_INT(sl_copies_compare(thorough, &sa.sketch, &sb.sketch, &full), 0);
            CHECK_INT(fast.kind, full.kind);
            /* the degree is graded for copies alone outside a thorough
             * comparer (degree.c): a pair that is none scores 0 */
            CHECK(fast.score == (full.kind != SL_COPY_NONE ? full.score : 0));
            if (full.kind != SL_COPY_NONE)
                CHECK_INT(fast.pairs.n, full.pairs.n);
            /* worth aligning by their wording, stopped by their figures */
            stopped += full.order_overlap > 0.5 && full.pairs.n > 0 && !fast.pairs.n;
            sketched_free(&sa);
            sketched_free(&sb);
        }
    }
    CHECK_INT(stopped, 2);   /* the two templates, either way round */
    sl_comparison_free(&fast);
    sl_comparison_free(&full);
    sl_comparer_free(quick);
    sl_comparer_free(thorough);
}

/* dedup skips the candidates whose names or figures rule out a copy
 * before unpacking them (sl_comparer_may_copy); it must find what
 * comparing each candidate in full finds: the same original, kind and
 * score for every text of a stream. */
TEST(dedup_finds_what_comparing_every_candidate_finds)
{
    const char *const stream[] = {WIRE, TEMPLATE_A, OTHER_REPORT, WIRE_EDITED, TEMPLATE_B,
                                  WIRE_REWORDED, TEMPLATE_A, WIRE_EDITED};
    size_t n = sizeof stream / sizeof *stream, copies = 0;
    sl_dedup *d = sl_dedup_new(0);
    sl_copy_index *ix = sl_copy_index_new();
    sl_comparer *c = sl_comparer_new();
    sketched s[sizeof stream / sizeof *stream] = {{0}};
    sl_comparison cmp = {0};
    for (size_t k = 0; k < n; k++) {
        sl_dedup_result r;
        CHECK_INT(sl_dedup_add(d, stream[k], strlen(stream[k]), &r), 0);
        sketch_of(&s[k], stream[k]);
        int64_t cands[SL_COPY_CANDIDATES];
        size_t nc = 0, exact = k;
        for (size_t j = 0; j < k && exact == k; j++)
            exact = strcmp(stream[j], stream[k]) ? k : j;
        sl_dedup_result eager = {.index = k, .is_copy = exact < k, .copy_of = exact < k ? exact : 0,
                                 .kind = exact < k ? SL_COPY_EXACT : SL_COPY_NONE,
                                 .score = exact < k ? 1.0 : 0};
        CHECK_INT(sl_copy_index_candidates(ix, &s[k].sketch, cands, &nc), 0);
        CHECK_INT(sl_comparer_set_a(c, &s[k].sketch), 0);
        for (size_t j = 0; j < nc && exact == k; j++) {
            CHECK_INT(sl_comparer_compare(c, &s[cands[j] - 1].sketch, &cmp), 0);
            if (cmp.kind != SL_COPY_NONE && (!eager.kind || cmp.score > eager.score))
                eager = (sl_dedup_result){k, 1, (uint64_t)cands[j] - 1, cmp.kind, cmp.score};
        }
        if (exact == k)
            CHECK_INT(sl_copy_index_add(ix, (int64_t)k + 1, s[k].sketch.keys, s[k].sketch.n_keys), 0);
        CHECK_INT(r.is_copy, eager.is_copy);
        CHECK_INT(r.copy_of, eager.copy_of);
        CHECK_INT(r.kind, eager.kind);
        CHECK(r.score == eager.score);
        copies += r.is_copy;
    }
    CHECK_INT(copies, 4);   /* the edited wire twice, its rewording, the template again */
    for (size_t k = 0; k < n; k++)
        sketched_free(&s[k]);
    sl_comparison_free(&cmp);
    sl_comparer_free(c);
    sl_copy_index_free(ix);
    sl_dedup_free(d);
}

/* Texts whose names and figures agree with WIRE's in part: fewer of both,
 * more of both, other figures, other names. */
static const char *const ANCHOR_TEXTS[] = {
    "Lindholt backs tram line\n\nLindholt's council backed the tram line on Tuesday, 31 to 9.",
    "Lindholt, Varga and the port\n\nMayor Ilse Varga of Lindholt and Oskar Brandt of the Nordhavn "
    "port authority said on Tuesday that the council had backed a 14 kilometre tram line by 31 "
    "votes to 9; it will cost 410 million crowns and open in 2029, with 22 stops and 40 trams.",
    "Lindholt backs bus plan\n\nLindholt's council backed a 9 kilometre bus route on Tuesday by 27 "
    "votes to 13; it will cost 85 million crowns and open in 2026.",
    "Tarnby backs tram line\n\nMayor Per Dahl of Tarnby said the council had backed a 14 kilometre "
    "tram line by 31 votes to 9; it will cost 410 million crowns.",
    /* three names, all in the next text, where two only open sentences (no names there) */
    "The council in Lindholt backed the plan of Varga on Tuesday.",
    "Varga spoke first. Lindholt then backed the plan with Oskar Brandt of Nordhavn and Tarnby on Tuesday.",
};

/* What align.c's anchors_may_agree says of a comparison's measures (its
 * COPY_NAMES 0.6, COPY_NUMBERS 0.7 and figures_agree). */
static bool anchors_agree(const sl_comparison *c)
{
    double n = (double)c->numbers_fewer, kept = (double)(size_t)(c->number_overlap * n + 0.5);
    return c->specific_overlap >= 0.6 && (c->number_overlap >= 0.7 || (kept + 1) / (n + 1) >= 0.7);
}

/* The names among a text's anchors (sl_comparer_anchors_a). */
static size_t names_among(const uint32_t *anchors, size_t n)
{
    size_t names = 0;
    for (size_t k = 0; k < n; k++)
        names += (anchors[k] & SL_TERM_SPECIFIC) && !(anchors[k] & SL_TERM_NUMBER);
    return names;
}

/* sl_comparer_may_copy looks the names and figures of the text with fewer
 * of each up in the other's terms; for every pair it must say what the
 * comparison's own measures of the two texts' names and figures say, both
 * ways round, whichever text has fewer. */
TEST(may_copy_says_what_the_comparison_measures)
{
    const char *texts[] = {WIRE, WIRE_EDITED, WIRE_REWORDED, OTHER_REPORT, TEMPLATE_A, TEMPLATE_B,
                           ANCHOR_TEXTS[0], ANCHOR_TEXTS[1], ANCHOR_TEXTS[2], ANCHOR_TEXTS[3],
                           ANCHOR_TEXTS[4], ANCHOR_TEXTS[5]};
    enum { N = sizeof texts / sizeof *texts };
    sketched s[N] = {{0}};
    SL_VEC(uint32_t) terms[N] = {{0}}, anchors[N] = {{0}};
    sl_comparer *c = sl_comparer_new();
    for (size_t k = 0; k < N; k++) {   /* each text's terms and anchors, as dedup keeps them */
        sketch_of(&s[k], texts[k]);
        CHECK_INT(sl_comparer_set_a(c, &s[k].sketch), 0);
        size_t n;
        const uint32_t *t = sl_comparer_terms_a(c, &n);
        CHECK_INT(sl_vec_reserve(&terms[k], n + 1), 0);
        memcpy(terms[k].items, t, n * sizeof *t);
        terms[k].n = n;
        t = sl_comparer_anchors_a(c, &n);
        CHECK_INT(sl_vec_reserve(&anchors[k], n + 1), 0);
        memcpy(anchors[k].items, t, n * sizeof *t);
        anchors[k].n = n;
    }
    size_t agree = 0, fewer_a = 0, fewer_b = 0;
    sl_comparison cmp = {0};
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < N; j++) {
            CHECK_INT(sl_comparer_set_a(c, &s[i].sketch), 0);
            bool may = sl_comparer_may_copy(c, terms[j].items, terms[j].n, anchors[j].items, anchors[j].n);
            CHECK_INT(sl_comparer_compare(c, &s[j].sketch, &cmp), 0);
            CHECK_INT(may, anchors_agree(&cmp));
            agree += may;
            size_t names_i = names_among(anchors[i].items, anchors[i].n);
            size_t names_j = names_among(anchors[j].items, anchors[j].n);
            fewer_a += names_i < names_j;
            fewer_b += names_j < names_i;
        }
    }
    CHECK(agree > N && agree < N * N - N);   /* both answers, beyond each text with itself */
    CHECK(fewer_a > 0 && fewer_b > 0);
    for (size_t k = 0; k < N; k++) {
        sketched_free(&s[k]);
        sl_vec_free(&terms[k]);
        sl_vec_free(&anchors[k]);
    }
    sl_comparison_free(&cmp);
    sl_comparer_free(c);
}

/* A one-sentence sketch of the codes (terms 4 bits up), as the comparer
 * reads it. */
static void sketch_of_codes(sl_sketch *s, const uint32_t *codes, size_t n)
{
    s->terms.n = s->starts.n = s->spans.n = 0;
    CHECK_INT(sl_vec_reserve(&s->terms, n + 1), 0);
    CHECK_INT(sl_vec_reserve(&s->starts, 2), 0);
    memcpy(s->terms.items, codes, n * sizeof *codes);
    s->terms.n = n;
    s->starts.items[0] = 0;
    s->starts.items[1] = (uint32_t)n;
    s->starts.n = 2;
    s->n_words = (uint32_t)n;
    s->n_keys = 0;
}

/* Appends `n` terms from `first` with `flags` to codes. */
static size_t add_terms(uint32_t *codes, size_t at, uint32_t first, size_t n, uint32_t flags)
{
    for (size_t k = 0; k < n; k++)
        codes[at++] = (first + (uint32_t)k) << 4 | flags;
    return at;
}

/* sl_comparer_may_copy stops looking names up once too many are missing
 * for COPY_NAMES, and looks figures up only when the names agree: at
 * every count of names (0 to 9) and of figures (0 to 3) of the text with
 * fewer, every number of them the other holds and a few more of its own,
 * both ways round, it must say what the comparison's measures say. */
TEST(may_copy_at_every_share_of_names_and_figures)
{
    enum { NAME = 1000, FIGURE = 2000, WORD = 3000, OTHER = 500 };
    const uint32_t name = SL_TERM_SPECIFIC, figure = SL_TERM_SPECIFIC | SL_TERM_NUMBER;
    sl_comparer *c = sl_comparer_new();
    sl_sketch a = {0}, b = {0};
    sl_comparison cmp = {0};
    size_t pairs = 0, agree = 0;
    for (size_t n = 0; n <= 9; n++)
        for (size_t kept = 0; kept <= n; kept++)
            for (size_t extra = 0; extra <= 2; extra++)
                for (size_t f = 0; f <= 3; f++)
                    for (size_t fk = 0; fk <= f; fk++) {
                        uint32_t ca[32], cb[32];
                        size_t na = add_terms(ca, 0, NAME, n, name);
                        na = add_terms(ca, na, FIGURE, f, figure);
                        na = add_terms(ca, na, WORD, 10, 0);
                        size_t nb = add_terms(cb, 0, NAME + (uint32_t)(n - kept), kept, name);
                        nb = add_terms(cb, nb, NAME + OTHER, n - kept + extra, name);
                        nb = add_terms(cb, nb, FIGURE + (uint32_t)(f - fk), fk, figure);
                        nb = add_terms(cb, nb, FIGURE + OTHER, f - fk + extra, figure);
                        nb = add_terms(cb, nb, WORD, 10, 0);
                        for (int way = 0; way < 2; way++) {
                            sketch_of_codes(&a, way ? cb : ca, way ? nb : na);
                            sketch_of_codes(&b, way ? ca : cb, way ? na : nb);
                            CHECK_INT(sl_comparer_set_a(c, &b), 0);   /* b's terms and anchors */
                            size_t n_terms, n_anchors;
                            const uint32_t *t = sl_comparer_terms_a(c, &n_terms);
                            uint32_t terms[32], anchors[32];
                            memcpy(terms, t, n_terms * sizeof *t);
                            t = sl_comparer_anchors_a(c, &n_anchors);
                            memcpy(anchors, t, n_anchors * sizeof *t);
                            CHECK_INT(sl_comparer_set_a(c, &a), 0);
                            bool may = sl_comparer_may_copy(c, terms, n_terms, anchors, n_anchors);
                            CHECK_INT(sl_comparer_compare(c, &b, &cmp), 0);
                            if (may != anchors_agree(&cmp))
                                CHECK_INT(n * 1000 + kept * 100 + extra * 10 + f, -way);
                            pairs++;
                            agree += may;
                        }
                    }
    CHECK(agree > pairs / 5 && agree < pairs * 4 / 5);   /* both answers well exercised */
    sl_sketch_free(&a);
    sl_sketch_free(&b);
    sl_comparison_free(&cmp);
    sl_comparer_free(c);
}

/* `n` copies of `unit` in one text (malloc'd). */
static char *repeated(const char *unit, size_t n)
{
    size_t len = strlen(unit);
    char *s = malloc(len * n + 1);
    for (size_t k = 0; k < n; k++)
        memcpy(s + k * len, unit, len);
    s[len * n] = 0;
    return s;
}

/* Compares a with b as ingest does (not thorough); returns the seconds taken. */
static double timed_compare(const char *a, const char *b, sl_comparison *cmp)
{
    sketched sa = {0}, sb = {0};
    sketch_of(&sa, a);
    sketch_of(&sb, b);
    sl_comparer *c = sl_comparer_new();
    double t0 = sl_test_cpu_seconds();
    CHECK_INT(sl_copies_compare(c, &sa.sketch, &sb.sketch, cmp), 0);
    double t = sl_test_cpu_seconds() - t0;
    CHECK(sl_sketch_sentences(&sa.sketch) <= SL_SKETCH_SENTENCES);
    sl_comparer_free(c);
    sketched_free(&sa);
    sketched_free(&sb);
    return t;
}

/* The bounds of docs/copies.md, "Bounded work": generous for sanitizer builds
 * on a loaded machine, far below what a quadratic comparison would take. */
#define ABSURD_SECONDS 20.0

TEST(copies_bounded_one_repeated_sentence)
{
    char *a = repeated("The council met again on Tuesday to discuss the tram line. ", 20000);
    char *b = repeated("On Tuesday the council met again to talk about the tram line. ", 20000);
    sl_comparison cmp = {0};
    CHECK(timed_compare(a, b, &cmp) < ABSURD_SECONDS);
    CHECK(cmp.pairs.n <= SL_SKETCH_SENTENCES);   /* one chain, of compared sentences only */
    sl_comparison_free(&cmp);
    free(a);
    free(b);
}

TEST(copies_bounded_100000_sentences)
{
    /* 100,000 different sentences: only SL_SKETCH_SENTENCES are compared */
    size_t n = 100000;
    char *a = malloc(n * 48), *b = malloc(n * 48);
    size_t la = 0, lb = 0;
    for (size_t k = 0; k < n; k++) {
        la += (size_t)sprintf(a + la, "Survey point %zu counted %zu kestrels. ", k, k % 97);
        lb += (size_t)sprintf(b + lb, "At point %zu the survey found %zu kestrels. ", k, k % 89);
    }
    sl_comparison cmp = {0};
    CHECK(timed_compare(a, b, &cmp) < ABSURD_SECONDS);
    sl_comparison_free(&cmp);
    free(a);
    free(b);
}

TEST(copies_bounded_all_names_and_all_numbers)
{
    char *names = malloc(400000), *numbers = malloc(400000), *other = malloc(400000);
    size_t ln = 0, lm = 0, lo = 0;
    for (size_t k = 0; k < 20000; k++) {
        ln += (size_t)sprintf(names + ln, "Varga%zu Amsel%zu ", k % 500, (k * 7) % 500);
        lm += (size_t)sprintf(numbers + lm, "%zu %zu ", k, (k * 7919) % 100003);
        lo += (size_t)sprintf(other + lo, "%zu %zu ", k * 3 + 1, (k * 104729) % 100019);
    }
    sl_comparison cmp = {0};
    CHECK(timed_compare(names, names, &cmp) < ABSURD_SECONDS);
    CHECK(timed_compare(numbers, other, &cmp) < ABSURD_SECONDS);
    CHECK_INT(cmp.kind, SL_COPY_NONE);   /* two tables of different figures are not copies */
    sl_comparison_free(&cmp);
    free(names);
    free(numbers);
    free(other);
}

TEST(copies_bounded_1000_copies_of_one_article)
{
    /* dedup (the decision's other call site): 1,000 edited copies of one
     * article, each told apart by one figure; each is compared with at
     * most SL_COPY_CANDIDATES earlier texts */
    sl_dedup *d = sl_dedup_new(0);
    sl_dedup_result r;
    char text[1024];
    size_t copies = 0;
    double t0 = sl_test_cpu_seconds();
    for (int k = 0; k < 1000; k++) {
        snprintf(text, sizeof text, "%s\n\nUpdated %d minutes ago.", WIRE, k);
        CHECK_INT(sl_dedup_add(d, text, strlen(text), &r), 0);
        copies += r.is_copy;
    }
    CHECK(sl_test_cpu_seconds() - t0 < ABSURD_SECONDS);
    CHECK_INT(copies, 999);   /* every text after the first is a copy */
    sl_dedup_free(d);
}
