/* test_copies_wording.c — the wording measures of two sentences
 * (wording.c): n-gram precisions, the edit rate, WordNet synonyms and the
 * longest run one sentence adds. Texts are invented here. */
#include "copies/copies.h"
#include "test.h"

#include "copies_texts.h"

/* The wording measures (wording.c) of two invented one-sentence texts. */
static sl_wording wording_of(const char *text_a, const char *text_b)
{
    sketched a = {0}, b = {0};
    sl_sentence_sets sa = {0}, sb = {0};
    sl_wording w = {0};
    sketch_of(&a, text_a);
    sketch_of(&b, text_b);
    CHECK_INT(sl_sentence_sets_build(&a.sketch, &sa), 0);
    CHECK_INT(sl_sentence_sets_build(&b.sketch, &sb), 0);
    sl_sentence_view va = sl_sentence_sets_view(&sa, 0), vb = sl_sentence_sets_view(&sb, 0);
    sl_wording_measure(&va, &vb, &w);
    sl_sentence_sets_free(&sa);
    sl_sentence_sets_free(&sb);
    sketched_free(&a);
    sketched_free(&b);
    return w;
}

TEST(wording_ngram_precisions_are_clipped_and_directed)
{
    sl_wording same = wording_of("The ferry left the harbour at noon.", "The ferry left the harbour at noon.");
    for (int n = 0; n < SL_WORDING_NGRAMS; n++)
        CHECK(same.precision_a[n] == 1.0 && same.precision_b[n] == 1.0);
    CHECK(same.edit_rate == 0.0);
    /* b repeats "ferry": its second one has no partner in a (clipped) */
    sl_wording w = wording_of("The ferry left.", "The ferry ferry left.");
    CHECK(w.precision_a[0] == 1.0);            /* the, ferry, left: all in b */
    CHECK(w.precision_b[0] == 0.75);           /* 3 of b's 4 words */
    CHECK(w.precision_a[1] == 1.0);            /* "the ferry", "ferry left": both in b */
    CHECK(w.precision_b[1] == 2.0 / 3);        /* those two of b's 3 pairs */
    CHECK(w.precision_a[2] == 0.0);            /* a's one 3-gram is not in b */
    CHECK(w.precision_a[3] == 0.0);            /* a has no 4-gram */
    CHECK(w.edit_rate == 0.25);                /* one word inserted, of 4 */
}

TEST(wording_edit_rate_counts_words_changed_in_place)
{
    sl_wording w = wording_of("The ferry left the harbour at noon.", "The ferry reached the island at dusk.");
    CHECK(w.edit_rate == 3.0 / 7);                   /* 3 of 7 words substituted */
    sl_wording moved = wording_of("At noon the ferry left.", "The ferry left at noon.");
    CHECK(moved.edit_rate >= 0.8);                   /* no shifts: a move costs its words */
    CHECK(moved.precision_a[0] == 1.0);
}

TEST(wording_counts_synonyms_but_not_other_names)
{
    if (!sl_synonyms_ready()) {   /* the build installs wordnet-base (scripts/bootstrap.sh) */
        sl_test_fail(__FILE__, __LINE__, "%s", sl_synonyms_error());
        return;
    }
    sl_wording w = wording_of("The bakery shut early on Monday.", "The bakery closed early on Monday.");
    CHECK(w.synonyms_a == 1.0 && w.synonyms_b == 1.0);   /* shut ~ close */
    CHECK(w.precision_a[0] < 1.0);                         /* as words they differ */
    sl_wording names = wording_of("Marta Kovel opened the bakery.", "Jonas Brill opened the bakery.");
    CHECK(names.synonyms_a < 1.0);                         /* names match only as they are */
    sl_wording unrelated = wording_of("The bakery shut early.", "The river froze overnight.");
    CHECK(unrelated.synonyms_a < 0.5);
}

TEST(wording_synonyms_reach_beyond_a_word_s_first_sense)
{
    if (!sl_synonyms_ready()) {
        sl_test_fail(__FILE__, __LINE__, "%s", sl_synonyms_error());
        return;
    }
    /* "cut" meets "reduce" only in one of its first three senses */
    sl_wording w = wording_of("The bakery will cut prices this year.", "The bakery will reduce prices this year.");
    CHECK(w.synonyms_a == 1.0 && w.synonyms_b == 1.0);
}

TEST(wording_synonym_ngrams_keep_a_reworded_phrase)
{
    if (!sl_synonyms_ready()) {
        sl_test_fail(__FILE__, __LINE__, "%s", sl_synonyms_error());
        return;
    }
    sl_wording w = wording_of("The bakery shut early on Monday.", "The bakery closed early on Monday.");
    CHECK(w.precision_a[1] < 1.0 && w.precision_a[3] < 1.0);   /* as stems the phrase breaks */
    for (int n = 0; n < SL_WORDING_NGRAMS; n++)                  /* with shut ~ close it holds */
        CHECK(w.synonym_precision_a[n] == 1.0 && w.synonym_precision_b[n] == 1.0);
    sl_wording names = wording_of("Marta Kovel opened the bakery.", "Jonas Brill opened the bakery.");
    CHECK(names.synonym_precision_a[0] == 0.6);                  /* names only as they are */
    CHECK(names.synonym_precision_a[2] == 1.0 / 3);              /* "opened the bakery" alone */
}

TEST(wording_finds_the_clause_one_sentence_adds)
{
    sl_wording w = wording_of("The ferry left the harbour at noon.",
                              "The ferry left the harbour at noon despite heavy rain and strong winds.");
    CHECK(w.unmatched_run_a == 0);   /* every word of a is in b */
    CHECK(w.unmatched_run_b == 6);   /* "despite heavy rain and strong winds" */
    sl_wording inside = wording_of("The ferry left at noon.", "The ferry, packed with tourists, left at noon.");
    CHECK(inside.unmatched_run_b == 3);   /* "packed with tourists" */
}
