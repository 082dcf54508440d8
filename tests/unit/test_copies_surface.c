/* test_copies_surface.c — the paraphrase decision's measures of two
 * sentences as written (surface.c): characters, words as written, figures,
 * negation, capitalised words, lengths, and the paraphrase decision's
 * reading of them. Sentences are invented. */
#include <string.h>

#include "copies/copies.h"
#include "copies_texts.h"
#include "test.h"

static void surface_of(const char *a, const char *b, double f[SL_SURFACE_FEATURES])
{
    sl_surface_measure((sl_sentence_text){a, strlen(a)}, (sl_sentence_text){b, strlen(b)}, f);
}

/* Where each measure stands in sl_surface_measure's output. */
enum {
    CHAR2_LOW = 0, CHAR5_HIGH = 7, WORD1_LOW = 8, WORD1_HIGH = 9, WORD4_HIGH = 15,
    SAME_FIGURES = 16, FIGURES_APART = 17, FIGURE_JACCARD = 18, FIGURES_NESTED = 19,
    WORDS_DIFFER = 20, WORDS_SHORTER = 21, NEGATION = 24, LCS_SHORTER = 25, LCS_LONGER = 26,
    NAMES_APART = 27, NAMES_DIFFER = 28,
};

TEST(surface_of_one_sentence_twice_is_all_shared)
{
    const char *s = "The late ferry to Skerry runs on Fridays from May 3.";
    double f[SL_SURFACE_FEATURES];
    surface_of(s, s, f);
    for (int k = CHAR2_LOW; k <= WORD4_HIGH; k++)
        CHECK(f[k] == 1.0);
    CHECK(f[SAME_FIGURES] == 1.0 && f[FIGURES_APART] == 0.0 && f[FIGURE_JACCARD] == 1.0);
    CHECK(f[WORDS_DIFFER] == 0.0 && f[WORDS_SHORTER] == 1.1);   /* 11 words */
    CHECK(f[NEGATION] == 0.0 && f[NAMES_APART] == 0.0 && f[NAMES_DIFFER] == 0.0);
    CHECK(f[LCS_SHORTER] == 1.0 && f[LCS_LONGER] == 1.0);
}

TEST(surface_reads_case_and_words_as_written)
{
    double f[SL_SURFACE_FEATURES];
    /* lower case and upper case are one character; the word "sailed" is not "sails" */
    surface_of("THE FERRY SAILED.", "the ferry sailed.", f);
    CHECK(f[CHAR2_LOW] == 1.0 && f[WORD1_LOW] == 1.0);
    surface_of("The ferry sailed.", "The ferry sails.", f);
    CHECK(f[WORD1_LOW] < 1.0 && f[CHAR2_LOW] < 1.0 && f[CHAR2_LOW] > 0.5);
    /* b's repeated word is clipped: a's words all in b, 3 of b's 4 in a */
    surface_of("The ferry sailed.", "The ferry ferry sailed.", f);
    CHECK(f[WORD1_LOW] == 0.75 && f[WORD1_HIGH] == 1.0);
}

TEST(surface_figures_agree_however_written)
{
    double f[SL_SURFACE_FEATURES];
    surface_of("The hall seats 3,000 people.", "The hall holds 3000 people.", f);
    CHECK(f[SAME_FIGURES] == 1.0 && f[FIGURES_APART] == 0.0);
    surface_of("The hall seats 3,000 people and 40 staff.", "The hall holds 3000 people.", f);
    CHECK(f[SAME_FIGURES] == 0.0 && f[FIGURES_APART] == 1.0 && f[FIGURE_JACCARD] == 0.5);
    CHECK(f[FIGURES_NESTED] == 1.0);   /* b's one figure is among a's */
    surface_of("The hall seats 2,500.", "The hall seats 3,000.", f);
    CHECK(f[FIGURES_NESTED] == 0.0 && f[FIGURES_APART] == 2.0 && f[FIGURE_JACCARD] == 0.0);
}

TEST(surface_negation_and_names_in_one_only)
{
    double f[SL_SURFACE_FEATURES];
    surface_of("The council approved the tram line.", "The council did not approve the tram line.", f);
    CHECK(f[NEGATION] == 1.0);
    surface_of("The council didn't approve it.", "The council never approved it.", f);
    CHECK(f[NEGATION] == 0.0);   /* both say no */
    surface_of("The council didn\xE2\x80\x99t approve it.", "The council approved it.", f);
    CHECK(f[NEGATION] == 1.0);   /* a curly apostrophe too */
    /* the first word is capitalised by the sentence, not by a name */
    surface_of("Voters backed Marta Kovel in Lindholt.", "In Lindholt voters backed Jonas Brill.", f);
    CHECK(f[NAMES_DIFFER] == 1.0);
    CHECK(f[NAMES_APART] == 4.0 / 5);   /* Marta, Kovel, Jonas, Brill of five names */
}

TEST(surface_reads_a_bounded_prefix)
{
    /* two sentences that agree on their first 600 bytes and differ after:
     * only the first 512 bytes of each are read, so they look the same */
    char a[700], b[700];
    memset(a, 'x', sizeof a);
    memcpy(b, a, sizeof b);
    memcpy(a + 650, " apple", 6);
    memcpy(b + 650, " pears", 6);
    double f[SL_SURFACE_FEATURES];
    sl_surface_measure((sl_sentence_text){a, sizeof a}, (sl_sentence_text){b, sizeof b}, f);
    CHECK(f[CHAR2_LOW] == 1.0 && f[LCS_SHORTER] == 1.0);
}

TEST(paraphrase_reads_the_sentences_as_written)
{
    /* one stem sequence (ferri sail at noon), two wordings: the stems'
     * measures cannot part them, the text's can */
    sketched a = {0}, b = {0};
    sl_sentence_sets sa = {0}, sb = {0};
    sketch_of(&a, "The ferries sailed at noon.");
    sketch_of(&b, "The ferry sails at noon.");
    CHECK_INT(sl_sentence_sets_build(&a.sketch, &sa), 0);
    CHECK_INT(sl_sentence_sets_build(&b.sketch, &sb), 0);
    sl_sentence_view va = sl_sentence_sets_view(&sa, 0), vb = sl_sentence_sets_view(&sb, 0);
    sl_sentence_text ta = {sl_buf_cstr(&a.text), a.text.len}, tb = {sl_buf_cstr(&b.text), b.text.len};
    double as_written[SL_SIMILARITY_FEATURES], as_a[SL_SIMILARITY_FEATURES];
    sl_sentence_features(&va, &vb, ta, tb, as_written);
    sl_sentence_features(&va, &vb, ta, ta, as_a);
    int first_surface = SL_ALIGNMENT_FEATURES + SL_WORDING_FEATURES;
    CHECK(!memcmp(as_written, as_a, (size_t)first_surface * sizeof(double)));
    CHECK(as_written[first_surface + WORD1_LOW] < as_a[first_surface + WORD1_LOW]);
    /* the decision reads them: the same stems, another probability */
    CHECK(sl_sentence_paraphrase(&va, &vb, ta, tb) != sl_sentence_paraphrase(&va, &vb, ta, ta));
    sl_sentence_sets_free(&sa);
    sl_sentence_sets_free(&sb);
    sketched_free(&a);
    sketched_free(&b);
}
