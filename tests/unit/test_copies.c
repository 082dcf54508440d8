/* test_copies.c — the copies stage (sketches: test_copies_sketch.c):
 * sentence similarity, the word-order measure, the kinds of copy and the
 * dedup stream (credit lines: test_copies_credit.c; the copy index:
 * test_copies_index.c; the rewrite decision and bounded work:
 * test_copies_decide.c; the wording measures: test_copies_wording.c; the
 * comparer and the terms memo: test_copies_comparer.c; the leads:
 * test_copies_leads.c). Texts are the project's own (examples/, the
 * invented ones in copies_texts.c and below). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "test.h"

#include "copies_texts.h"

/* A sketched text's whole text, as the paraphrase decision reads it. */
static sl_sentence_text written(const sketched *s)
{
    return (sl_sentence_text){sl_buf_cstr(&s->text), s->text.len};
}

TEST(sentence_similarity_orders_pairs)
{
    sketched a = {0}, b = {0};
    sl_sentence_sets sa = {0}, sb = {0};
    sketch_of(&a, "The council approved the tram line on Tuesday after a long debate.");
    sketch_of(&b, "On Tuesday, after a long debate, the council approved the tram line.");
    CHECK_INT(sl_sentence_sets_build(&a.sketch, &sa), 0);
    CHECK_INT(sl_sentence_sets_build(&b.sketch, &sb), 0);
    sl_sentence_view va = sl_sentence_sets_view(&sa, 0), vb = sl_sentence_sets_view(&sb, 0);
    double same = sl_sentence_similarity(&va, &va), paraphrase = sl_sentence_similarity(&va, &vb);
    double decided = sl_sentence_paraphrase(&va, &vb, written(&a), written(&b)), unrelated_decided;
    sketch_of(&b, "Fishing boats stayed in port because of the storm warning.");
    CHECK_INT(sl_sentence_sets_build(&b.sketch, &sb), 0);
    vb = sl_sentence_sets_view(&sb, 0);
    double unrelated = sl_sentence_similarity(&va, &vb);
    unrelated_decided = sl_sentence_paraphrase(&va, &vb, written(&a), written(&b));
    CHECK(same > paraphrase);
    CHECK(paraphrase > 0.5);
    CHECK(decided >= SL_PARAPHRASE_THRESHOLD);
    CHECK(unrelated_decided < SL_PARAPHRASE_THRESHOLD);
    CHECK(unrelated < 0.2);
    CHECK(same <= 1.0 && unrelated >= 0.0);
    sl_sentence_sets_free(&sa);
    sl_sentence_sets_free(&sb);
    sketched_free(&a);
    sketched_free(&b);
}

/* A sentence view's names and figures are those of its content terms,
 * counted once as the sets are built (similarity.c, count_flags), for each
 * sentence of a text and again after the sets are built from another. */
TEST(sentence_view_counts_its_names_and_figures)
{
    sketched a = {0};
    sl_sentence_sets sa = {0};
    sketch_of(&a, "Mayor Ilse Brandvik opened 3 bridges in Tolmstad on 12 May.\n\n"
                  "The works ran late.\n\n"
                  "Brandvik said 40 crews from Ostervik and Tolmstad had built them.");
    for (int round = 0; round < 2; round++) {
        CHECK_INT(sl_sentence_sets_build(&a.sketch, &sa), 0);
        CHECK_INT(sl_sentence_sets_n(&sa), 3);
        uint32_t names = 0, figures = 0;
        for (uint32_t k = 0; k < sl_sentence_sets_n(&sa); k++) {
            sl_sentence_view v = sl_sentence_sets_view(&sa, k);
            uint32_t specific = 0, numbers = 0;
            for (size_t t = 0; t < v.n_content; t++) {
                specific += (v.content[t] & SL_TERM_SPECIFIC) != 0;
                numbers += (v.content[t] & SL_TERM_NUMBER) != 0;
            }
            CHECK_INT(v.n_specific, specific);
            CHECK_INT(v.n_numbers, numbers);
            names += v.n_specific - v.n_numbers;
            figures += v.n_numbers;
        }
        CHECK_INT(sl_sentence_sets_view(&sa, 1).n_specific, 0);   /* "The works ran late." */
        CHECK(figures >= 3);   /* 3, 12, 40 */
        CHECK(names >= 4);     /* Ilse, Brandvik, Tolmstad, Ostervik */
    }
    sl_sentence_sets_free(&sa);
    sketched_free(&a);
}

TEST(similarity_bound_never_hides_a_score_above_its_floor)
{
    sketched a = {0}, b = {0};
    sl_sentence_sets sa = {0}, sb = {0};
    sketch_of(&a, "The council approved the tram line on Tuesday after a long debate.\n\n"
                  "Fishing boats stayed in port because of the storm warning.");
    sketch_of(&b, "On Tuesday, after a long debate, the council approved the tram line.\n\n"
                  "The storm kept the boats in port, the harbour master said.");
    CHECK_INT(sl_sentence_sets_build(&a.sketch, &sa), 0);
    CHECK_INT(sl_sentence_sets_build(&b.sketch, &sb), 0);
    sl_sentence_masks *masks_b = sl_sentence_masks_new();
    CHECK(masks_b != NULL);
    /* b's masks are built once per sentence of b and serve every a after */
    for (uint32_t j = 0; masks_b && j < sl_sentence_sets_n(&sb); j++) {
        sl_sentence_masks_forget(masks_b);
        for (uint32_t i = 0; i < sl_sentence_sets_n(&sa); i++) {
            sl_sentence_view va = sl_sentence_sets_view(&sa, i), vb = sl_sentence_sets_view(&sb, j);
            double exact = sl_sentence_similarity(&va, &vb);
            for (double floor = 0; floor <= 1.0; floor += 0.05) {
                double got = sl_sentence_similarity_over(&va, &vb, floor, masks_b);
                /* the exact score whenever it may reach the floor; else a bound below it */
                CHECK(got == exact || (got < floor && exact <= got + 1e-12));
            }
        }
    }
    sl_sentence_masks_free(masks_b);
    sl_sentence_sets_free(&sa);
    sl_sentence_sets_free(&sb);
    sketched_free(&a);
    sketched_free(&b);
}

/* A sentence's words in its sets are its distinct terms (SL_TERM_ID: the
 * flags all set), ascending, however each was flagged where it stood (a
 * name, a quoted word, the same word plain); its content terms keep their
 * flags. The words' dice compares them as they are. */
TEST(sentence_sets_words_are_distinct_terms)
{
    sketched a = {0};
    sl_sentence_sets sa = {0};
    sketch_of(&a, "Mayor Varga said \"the tram\" and the tram line of Varga would run, "
                  "the mayor said, with 40 trams and 40 stops.");
    CHECK_INT(sl_sentence_sets_build(&a.sketch, &sa), 0);
    sl_sentence_view v = sl_sentence_sets_view(&sa, 0);
    uint32_t ids[SL_SKETCH_TERMS];
    size_t n = 0, flagged = 0;
    for (size_t k = 0; k < v.n_seq; k++) {
        bool seen = false;
        for (size_t j = 0; j < n; j++)
            seen |= ids[j] == SL_TERM_ID(v.seq[k]);
        if (!seen)
            ids[n++] = SL_TERM_ID(v.seq[k]);
        flagged += (v.seq[k] & SL_TERM_FLAGS) != 0;
    }
    CHECK(flagged > 0 && n < v.n_seq);   /* flags met, and words written more than once */
    CHECK_INT(v.n_words, n);
    for (size_t k = 0; k < v.n_words; k++) {
        CHECK_INT(v.words[k], SL_TERM_ID(v.words[k]));
        CHECK(k == 0 || v.words[k - 1] < v.words[k]);
        bool listed = false;
        for (size_t j = 0; j < n; j++)
            listed |= ids[j] == v.words[k];
        CHECK(listed);
    }
    size_t names = 0;
    for (size_t k = 0; k < v.n_content; k++)
        names += (v.content[k] & SL_TERM_SPECIFIC) != 0;
    CHECK(names >= 2);   /* Varga, 40 (Mayor opens the sentence) */
    CHECK(sl_sentence_similarity(&v, &v) > 0.9);
    sl_sentence_sets_free(&sa);
    sketched_free(&a);
}

TEST(order_overlap_counts_words_kept_in_order)
{
    uint32_t a[] = {16 | 1, 32, 48, 64, 80};           /* flags do not change a term */
    uint32_t b[] = {16, 48, 32, 64, 96, 80};
    uint32_t reversed[] = {80, 64, 48, 32, 16};
    sl_order_scratch *o = sl_order_scratch_new();
    double v = 0;
    CHECK_INT(sl_order_prepare(o, a, 5), 0);
    CHECK_INT(sl_order_measure(o, b, 6, &v), 0);
    CHECK(v > 0.79 && v < 0.81);   /* 16 32 64 80 (or 16 48 64 80): 4 of 5 */
    CHECK_INT(sl_order_measure(o, reversed, 5, &v), 0);
    CHECK(v > 0.19 && v < 0.21);   /* one word in order */
    /* a long sequence crosses the 64-bit words */
    uint32_t longa[300], longb[300];
    for (uint32_t k = 0; k < 300; k++)
        longa[k] = longb[k] = (k + 1) * 16;
    longb[150] = 7 * 16 + 100000;  /* one word changed */
    CHECK_INT(sl_order_prepare(o, longa, 300), 0);
    CHECK_INT(sl_order_measure(o, longb, 300, &v), 0);
    CHECK(v > 0.99 && v < 1.0);
    sl_order_scratch_free(o);
}

TEST(order_spread_says_where_shared_words_stand)
{
    uint32_t a[] = {16, 32, 48, 64, 80, 96};
    uint32_t same_places[] = {16, 1000 * 16, 32, 48, 64, 2000 * 16, 80, 96};   /* words added */
    uint32_t reversed[] = {96, 80, 64, 48, 32, 16};
    uint32_t shuffled[] = {48, 96, 16, 80, 32, 64};
    uint32_t two_shared[] = {16, 1000 * 16, 32};
    uint32_t quoted[] = {16 | SL_TERM_QUOTED, 32 | SL_TERM_QUOTED, 48 | SL_TERM_STOP, 64};
    sl_order_scratch *o = sl_order_scratch_new();
    double v = 0;
    CHECK_INT(sl_order_prepare(o, a, 6), 0);
    CHECK_INT(sl_order_spread(o, same_places, 8, &v), 0);
    CHECK(v > 0.99);
    CHECK_INT(sl_order_spread(o, reversed, 6, &v), 0);
    CHECK(v < -0.99);
    CHECK_INT(sl_order_spread(o, shuffled, 6, &v), 0);
    CHECK(v > -0.5 && v < 0.5);
    CHECK_INT(sl_order_spread(o, two_shared, 3, &v), 0);
    CHECK(v == 0);                 /* fewer than 3 shared terms say nothing */
    CHECK_INT(sl_order_spread(o, quoted, 4, &v), 0);
    CHECK(v == 0);                 /* quoted and stop words left out: one term left */
    sl_order_scratch_free(o);
}

TEST(kinds_of_copy)
{
    sl_comparison cmp = {0};
    CHECK_INT(kind_of(WIRE_EDITED, WIRE, &cmp), SL_COPY_NEAR);
    CHECK(cmp.score > 0.9);
    CHECK(cmp.pairs.n >= 5);

    /* the wire plus two paragraphs of its own: contains; the other way: excerpt */
    char longer[4096];
    snprintf(longer, sizeof longer, "%s\n\n%s\n\n%s", WIRE,
             "Shopkeepers on Harbour Street said they hoped the line would bring more "
             "visitors from the suburbs into the old town.",
             "The council will publish the timetable for the works in January after talks "
             "with the contractors and the unions.");
    CHECK_INT(kind_of(longer, WIRE, &cmp), SL_COPY_CONTAINS);
    CHECK_INT(kind_of(WIRE, longer, &cmp), SL_COPY_EXCERPT);

    /* another outlet's report of the event, and a template with other figures */
    CHECK_INT(kind_of(OTHER_REPORT, WIRE, &cmp), SL_COPY_NONE);
    CHECK_INT(kind_of(TEMPLATE_A, TEMPLATE_B, &cmp), SL_COPY_NONE);
    CHECK(cmp.order_overlap > 0.5);    /* the wording is shared... */
    CHECK(cmp.number_overlap < 0.5);   /* ...the figures are not */
    sl_comparison_free(&cmp);
}

/* WIRE lightly revised (a few words changed in each sentence) and heavily
 * (the same facts in the same order, other words), for the degree. */
static const char *const WIRE_LIGHT =
    "Lindholt council backs new tram line\n\n"
    "The Lindholt city council voted 31 to 9 on Tuesday to build a tram route between the "
    "port and the northern suburbs, ending a decade of argument.\n\n"
    "The route will run 14 kilometres and cost 410 million crowns, Mayor Ilse Varga said "
    "after the ballot.\n\n"
    "Work is due to begin next spring and the first trams should carry riders in 2029, "
    "according to the transport department.\n\n"
    "Critics argued that buses would serve the suburbs at a fraction of the price.";
static const char *const WIRE_HEAVY =
    "Trams approved in Lindholt\n\n"
    "After ten years of arguing, Lindholt's councillors on Tuesday backed, by 31 votes to 9, "
    "a tram link from the port out to the northern suburbs.\n\n"
    "According to Mayor Ilse Varga, the 14-kilometre route is budgeted at 410 million "
    "crowns.\n\n"
    "Building work begins in spring, and the transport department expects passengers "
    "aboard by 2029.\n\n"
    "Those against it said buses could do the job far more cheaply.";

TEST(literal_share_counts_three_word_runs_kept)
{
    sketched a = {0}, b = {0};
    sl_runs ra = {0}, rb = {0};
    sketch_of(&a, "The ferry left the harbour at dawn with forty passengers aboard.");
    CHECK_INT(sl_runs_collect(&a.sketch, &ra), 0);
    sketch_of(&b, "The ferry left the harbour at dawn with forty passengers aboard.");
    CHECK_INT(sl_runs_collect(&b.sketch, &rb), 0);
    CHECK(sl_runs_kept(&ra, &rb) == 1.0);
    /* one word changed in the middle: the three runs through it are lost */
    sketch_of(&b, "The ferry left the port at dawn with forty passengers aboard.");
    CHECK_INT(sl_runs_collect(&b.sketch, &rb), 0);
    double one_changed = sl_runs_kept(&ra, &rb);
    CHECK(one_changed > 0.5 && one_changed < 1.0);
    /* the same words in another order keep no run */
    sketch_of(&b, "Aboard with forty passengers, at dawn, harbour the left ferry the.");
    CHECK_INT(sl_runs_collect(&b.sketch, &rb), 0);
    CHECK(sl_runs_kept(&ra, &rb) < 0.2);
    /* a text of two words has no run */
    sketch_of(&b, "Ferry left.");
    CHECK_INT(sl_runs_collect(&b.sketch, &rb), 0);
    CHECK_INT((int)rb.n, 0);
    CHECK(sl_runs_kept(&ra, &rb) == 0);
    sl_vec_free(&ra);
    sl_vec_free(&rb);
    sketched_free(&a);
    sketched_free(&b);
}

TEST(degree_follows_how_much_is_copied)
{
    sl_comparison cmp = {0};
    char cut[4096];   /* three paragraphs as they are, and one of its own */
    snprintf(cut, sizeof cut, "%.*s\n\nThe tram depot will be built on the old goods yard.",
             (int)(strstr(WIRE, "Construction") - WIRE), WIRE);
    kind_of(cut, WIRE, &cmp);
    double cut_degree = cmp.score;
    kind_of(WIRE_LIGHT, WIRE, &cmp);
    double light = cmp.score;
    kind_of(WIRE_HEAVY, WIRE, &cmp);
    double heavy = cmp.score;
    CHECK(cmp.literal_share < 0.3);
    CHECK_INT(kind_of(OTHER_REPORT, WIRE, &cmp), SL_COPY_NONE);
    double other = cmp.score;
    CHECK(cut_degree > light && light > heavy && heavy > other);
    CHECK(cut_degree > 0.7);
    CHECK(other < 0.1);   /* not a copy: graded, and low */
    kind_of(WIRE, WIRE, &cmp);
    CHECK(cmp.score > 0.95);
    /* ingest's comparer grades copies only: a pair it does not keep scores 0 */
    sketched sa = {0}, sb = {0};
    sketch_of(&sa, OTHER_REPORT);
    sketch_of(&sb, WIRE);
    sl_comparer *c = sl_comparer_new();
    CHECK_INT(sl_copies_compare(c, &sa.sketch, &sb.sketch, &cmp), 0);
    CHECK(cmp.kind == SL_COPY_NONE && cmp.score == 0);
    sketch_of(&sa, WIRE_HEAVY);
    CHECK_INT(sl_copies_compare(c, &sa.sketch, &sb.sketch, &cmp), 0);
    CHECK(cmp.kind == SL_COPY_REWRITE && cmp.score == heavy);
    sl_comparer_free(c);
    sketched_free(&sa);
    sketched_free(&sb);
    sl_comparison_free(&cmp);
}

TEST(degree_never_falls_as_evidence_rises)
{
    sl_comparison base = {.order_overlap = 0.4, .term_overlap = 0.5, .aligned_a = 0.3, .aligned_b = 0.4,
                          .specific_overlap = 0.6, .number_overlap = 0.7, .anchor_order = 0.5,
                          .literal_share = 0.2, .terms_a = 80, .terms_b = 120};
    double *measures[] = {&base.order_overlap, &base.term_overlap, &base.aligned_a, &base.aligned_b,
                          &base.specific_overlap, &base.number_overlap, &base.anchor_order,
                          &base.literal_share, &base.cover_a, &base.match_a, &base.best_similarity};
    for (size_t m = 0; m < sizeof measures / sizeof *measures; m++) {
        double kept = *measures[m], last = -1;
        for (double v = 0; v <= 1.0001; v += 0.1) {
            *measures[m] = v;
            double d = sl_copy_degree(&base);
            CHECK(d >= last && d >= 0 && d <= 1);
            last = d;
        }
        *measures[m] = kept;
    }
}

TEST(rewrite_of_the_example_fire_report)
{
    /* examples/ #10 rewords #9 sentence by sentence (examples/README.md) */
    char *original = sl_test_read_file("examples/2026-04-17_valley-courier_eskmoor-mill-fire.txt", NULL);
    char *rewrite = sl_test_read_file("examples/2026-04-18_harbour-herald_eskmoor-mill-fire.txt", NULL);
    char *other = sl_test_read_file("examples/2026-04-20_valley-courier_mill-fire-cause.txt", NULL);
    sl_comparison cmp = {0};
    CHECK_INT(kind_of(rewrite, original, &cmp), SL_COPY_REWRITE);
    CHECK(cmp.pairs.n >= 5);
    for (size_t k = 1; k < cmp.pairs.n; k++)   /* the evidence is in order */
        CHECK(cmp.pairs.items[k].a > cmp.pairs.items[k - 1].a &&
              cmp.pairs.items[k].b > cmp.pairs.items[k - 1].b);
    /* the follow-up repeats the facts but is its own report */
    CHECK_INT(kind_of(other, original, &cmp), SL_COPY_NONE);
    sl_comparison_free(&cmp);
    free(original);
    free(rewrite);
    free(other);
}

TEST(a_shared_quote_is_not_a_copy)
{
    static const char *const a =
        "Varga welcomes tram vote\n\n"
        "\"This is the day the harbour and the suburbs become one city again, and every "
        "family in the north will feel the difference within five years,\" Mayor Ilse Varga "
        "told reporters at the town hall.\n\n"
        "The opposition has asked for an independent audit of the budget.";
    static const char *const b =
        "Council split on trams\n\n"
        "Councillors argued for six hours before the vote.\n\n"
        "\"This is the day the harbour and the suburbs become one city again, and every "
        "family in the north will feel the difference within five years,\" the mayor said.\n\n"
        "Shopkeepers fear months of roadworks on Harbour Street.";
    sl_comparison cmp = {0};
    CHECK_INT(kind_of(a, b, &cmp), SL_COPY_NONE);
    CHECK(cmp.best_similarity > 0.8);   /* the quote itself aligns */
    sl_comparison_free(&cmp);
}

/* A claim passed on is its quote: a text mostly quoted keeps its quoted
 * words; one that quotes a little leaves them out. */
TEST(a_quoted_claim_keeps_its_words)
{
    sketched s = {0};
    size_t quoted = 0;
    sketch_of(&s, "Alderman Ruud Brink says \"the ferry fares will double next winter for every "
                  "commuter\".");
    for (size_t k = 0; k < s.sketch.terms.n; k++)
        quoted += (s.sketch.terms.items[k] & SL_TERM_QUOTED) != 0;
    CHECK_INT(quoted, 0);
    sketch_of(&s, "The mayor said \"the line will open soon\" in Lindholt after ten years.");
    quoted = 0;
    for (size_t k = 0; k < s.sketch.terms.n; k++)
        quoted += (s.sketch.terms.items[k] & SL_TERM_QUOTED) != 0;
    CHECK_INT(quoted, 5);
    sketched_free(&s);
}

/* The claim rule counts content words only: two quoted content words of
 * four keep their marks (half is not over half), two of three lose them;
 * the quoted stop words ("the", "will") are counted on neither side. */
TEST(a_quoted_claim_counts_content_words)
{
    sketched s = {0};
    static const char *const texts[] = {
        "Brink warned \"the fares will rise\".", "Brink: \"the fares will rise\"."};
    size_t want[] = {4, 0};
    for (size_t t = 0; t < 2; t++) {
        sketch_of(&s, texts[t]);
        size_t quoted = 0;
        for (size_t k = 0; k < s.sketch.terms.n; k++)
            quoted += (s.sketch.terms.items[k] & SL_TERM_QUOTED) != 0;
        CHECK_INT(quoted, want[t]);
    }
    sketched_free(&s);
}

/* A text of a few words besides its quote is not "contained" in every
 * report that names the same people. */
TEST(a_few_unquoted_words_are_no_copy)
{
    static const char *const claim =
        "Governor Ansel Markov of Teller County is \"hiding the dam's real cost from farmers.\"";
    static const char *const report =
        "Governor Ansel Markov of Teller County opened the new school in Brisk on Monday.\n\n"
        "The building has room for 600 pupils and a library, the county said.";
    sl_comparison cmp = {0};
    CHECK_INT(kind_of(report, claim, &cmp), SL_COPY_NONE);
    CHECK(cmp.unquoted_fewer < 8);
    sl_comparison_free(&cmp);
}

TEST(dedup_stream)
{
    sl_dedup *d = sl_dedup_new(2);   /* a window of two: the third text back is forgotten */
    sl_dedup_result r;
    CHECK_INT(sl_dedup_add(d, WIRE, strlen(WIRE), &r), 0);
    CHECK(!r.is_copy);
    CHECK_INT(sl_dedup_add(d, OTHER_REPORT, strlen(OTHER_REPORT), &r), 0);
    CHECK(!r.is_copy);
    CHECK_INT(sl_dedup_add(d, WIRE_EDITED, strlen(WIRE_EDITED), &r), 0);
    CHECK(r.is_copy);
    CHECK_INT(r.copy_of, 0);
    CHECK_INT(r.kind, SL_COPY_NEAR);
    CHECK_INT(sl_dedup_add(d, TEMPLATE_A, strlen(TEMPLATE_A), &r), 0);
    CHECK(!r.is_copy);
    /* out of the window for near copies, but exact copies are found among all */
    CHECK_INT(sl_dedup_add(d, WIRE, strlen(WIRE), &r), 0);
    CHECK(r.is_copy);
    CHECK_INT(r.copy_of, 0);
    CHECK_INT(r.kind, SL_COPY_EXACT);
    CHECK_INT(r.index, 4);
    /* an exact copy is told before its analysis, after the normalisation:
     * typography aside, the first text; and a copy of a copy names the first */
    const char *spaced = "  The council voted nine to two  for the new tram line on Tuesday.\r\n";
    const char *plain = "The council voted nine to two for the new tram line on Tuesday.";
    CHECK_INT(sl_dedup_add(d, plain, strlen(plain), &r), 0);
    CHECK(!r.is_copy);
    CHECK_INT(sl_dedup_add(d, spaced, strlen(spaced), &r), 0);
    CHECK(r.is_copy && r.kind == SL_COPY_EXACT);
    CHECK_INT(r.copy_of, 5);
    CHECK_INT(sl_dedup_add(d, spaced, strlen(spaced), &r), 0);
    CHECK_INT(r.copy_of, 5);
    /* empty texts (blank ones too) are not copies of each other */
    CHECK_INT(sl_dedup_add(d, "", 0, &r), 0);
    CHECK_INT(sl_dedup_add(d, "", 0, &r), 0);
    CHECK(!r.is_copy);
    CHECK_INT(sl_dedup_add(d, " \n\n ", 4, &r), 0);
    CHECK(!r.is_copy);
    sl_dedup_free(d);
}

/* A JSONL stream: a copy names the copied line's id as JSON (nested ids
 * too); a line without a text, or no object, says why (as ingest's reader
 * says it: one reader of records) and keeps its place. */
TEST(dedup_lines_name_the_copied_id)
{
    static const char *const lines[] = {
        "{\"id\": {\"feed\": [1, 2]}, \"text\": \"The council voted nine to two for the new tram line.\"}",
        "{\"id\": 7}",
        "[1]",
        "{\"text\": \"open\"} \"",
        "{\"id\": 2.5, \"text\": \"The council voted nine to two for the new tram line.\"}\n",
        "{\"text\": \"The council voted nine to two for the new tram line.\"}",
    };
    static const char *const why[] = {NULL, "no text or html field", "line is an array, not a JSON object",
                                      "invalid JSON at column 18: premature end of input near '\"'", NULL, NULL};
    static const int is_object[] = {1, 1, 0, 0, 1, 1};
    sl_dedup_lines *dl = sl_dedup_lines_new(0);
    sl_dedup_line r[6];
    for (size_t k = 0; k < 6; k++) {
        CHECK_INT(sl_dedup_lines_add(dl, lines[k], strlen(lines[k]), &r[k]), 0);
        CHECK_INT(r[k].result.index, k);
        if (k == 4)
            CHECK_STR(r[k].copy_of_id, "{\"feed\":[1,2]}");
        if (why[k])   /* borrowed until the next line */
            CHECK_STR(r[k].why, why[k]);
        else
            CHECK(r[k].why == NULL);
        CHECK_INT(r[k].is_object, is_object[k]);
    }
    CHECK(!r[0].result.is_copy);
    CHECK(r[4].result.is_copy && r[4].result.copy_of == 0 && r[4].result.kind == SL_COPY_EXACT);
    CHECK(r[5].result.is_copy && r[5].result.copy_of == 0);
    sl_dedup_lines_free(dl);
    sl_dedup_lines_free(NULL);
}
