/* test_text_lang.c — language detection (src/text/lang*.c): stop-word
 * profiles, scripts and n-grams, the model table the build made, capitals,
 * unspaced and mixed scripts, und, the prior for short texts, the codes
 * table, the bounded prefix. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text_samples.h"
#include "text/langmodel.h"
#include "text/text.h"
#include "util/hash.h"

static const char polish[] =
    "Rada regionu zag\xC5\x82osowa\xC5\x82" "a we wtorek za zamkni\xC4\x99" "ciem starego terminalu "
    "promowego, poniewa\xC5\xBC" " remont kosztowa\xC5\x82" "by wi\xC4\x99" "cej ni\xC5\xBC" " nowy budynek.";

TEST(lang_detect_stop_profile)
{
    sl_langid *id = sl_langid_new();
    CHECK(id != NULL);
    CHECK_STR(sl_lang_detect(id, english, strlen(english)), "en");
    CHECK_STR(sl_lang_detect(id, german, strlen(german)), "de");
    CHECK_STR(sl_lang_detect(id, french, strlen(french)), "fr");
    sl_langid_free(id);
}

TEST(lang_detect_scripts_and_ngrams)
{
    sl_langid *id = sl_langid_new();
    CHECK_STR(sl_lang_detect(id, polish, strlen(polish)), "pl"); /* n-gram model */
    const char *greek = "\xCE\x97 \xCE\xB2\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAE \xCF\x88\xCE\xAE\xCF\x86\xCE\xB9\xCF\x83\xCE\xB5 "
                        "\xCF\x83\xCE\xAE\xCE\xBC\xCE\xB5\xCF\x81\xCE\xB1.";
    CHECK_STR(sl_lang_detect(id, greek, strlen(greek)), "el");
    const char *japanese = "\xE5\xB8\x82\xE8\xAD\xB0\xE4\xBC\x9A\xE3\x81\xAF\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84"
                           "\xE6\xA9\x8B\xE3\x82\x92\xE6\xB1\xBA\xE3\x82\x81\xE3\x81\x9F";
    CHECK_STR(sl_lang_detect(id, japanese, strlen(japanese)), "ja");
    sl_langid_free(id);
    sl_langid_free(NULL);
}

TEST(lang_model_is_a_table_the_build_made)
{
    /* the n-gram model is made from libexttextcat's lists at build time
     * (scripts/langmodel_table.c): a process reads it as it is, with its
     * languages filed under their scripts */
    CHECK(sl_langmodel_writes(&sl_langmodel_table, "pl", SL_SCRIPT_LATIN));
    CHECK(sl_langmodel_writes(&sl_langmodel_table, "ru", SL_SCRIPT_CYRILLIC));
    CHECK(!sl_langmodel_writes(&sl_langmodel_table, "ru", SL_SCRIPT_LATIN));
    CHECK(!sl_langmodel_writes(&sl_langmodel_table, "xx", SL_SCRIPT_LATIN));
    const char *polish_lead = "Rada miasta zdecydowa\xC5\x82" "a wczoraj o budowie nowego mostu";
    CHECK_STR(sl_langmodel_best(&sl_langmodel_table, polish_lead, strlen(polish_lead), SL_SCRIPT_LATIN),
              "pl");
    for (int k = 0; k < 3; k++) {
        sl_langid *id = sl_langid_new();
        CHECK_STR(sl_lang_detect(id, polish, strlen(polish)), "pl"); /* n-gram model */
        sl_langid_free(id);
    }
}

TEST(lang_detect_capitals_by_ngrams)
{
    /* headlines in capitals with no stop word: textcat gave up on them */
    sl_langid *id = sl_langid_new();
    const char *en = "NORTHERN FERRY OPERATOR RAISES WINTER FARES";
    const char *fr = "PR\xC3\x89" "FECTURE ANNONCE NOUVELLES MESURES SANITAIRES";
    const char *de = "BUNDESREGIERUNG BESCHLIESST NEUE MIETPREISBREMSE";
    const char *pl = "WOJEW\xC3\x93" "DZTWO OG\xC5\x81" "ASZA NOWE PRZETARGI DROGOWE";
    CHECK_STR(sl_lang_detect(id, en, strlen(en)), "en");
    CHECK_STR(sl_lang_detect(id, fr, strlen(fr)), "fr");
    CHECK_STR(sl_lang_detect(id, de, strlen(de)), "de");
    CHECK_STR(sl_lang_detect(id, pl, strlen(pl)), "pl");
    /* a close call (Spanish, Galician, Asturian, ...) is left open, not guessed */
    const char *es = "GOBIERNO ANUNCIA NUEVAS MEDIDAS ECON\xC3\x93MICAS";
    CHECK_STR(sl_lang_detect(id, es, strlen(es)), "und");
    sl_langid_free(id);
}

TEST(lang_detect_unspaced_and_mixed_scripts)
{
    sl_langid *id = sl_langid_new();
    /* Thai has no spaces between words: it was "und" for too few words */
    const char *thai = "\xE0\xB8\xA3\xE0\xB8\xB1\xE0\xB8\x90\xE0\xB8\x9A\xE0\xB8\xB2\xE0\xB8\xA5"
                       "\xE0\xB8\x9B\xE0\xB8\xA3\xE0\xB8\xB0\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA8";
    CHECK_STR(sl_lang_detect(id, thai, strlen(thai)), "th");
    /* Hebrew with Latin acronyms and names: the Hebrew letters decide */
    const char *hebrew = "\xD7\x94\xD7\x9E\xD7\x9E\xD7\xA9\xD7\x9C\xD7\x94 \xD7\x90\xD7\x99\xD7\xA9\xD7\xA8\xD7\x94 "
                         "NATO UNESCO Brussels \xD7\x97\xD7\x93\xD7\xA9";
    CHECK_STR(sl_lang_detect(id, hebrew, strlen(hebrew)), "he");
    sl_langid_free(id);
}

TEST(lang_detect_und)
{
    sl_langid *id = sl_langid_new();
    CHECK_STR(sl_lang_detect(id, "", 0), "und");
    CHECK_STR(sl_lang_detect(id, "Hello", 5), "und");
    CHECK_STR(sl_lang_detect(id, "Breaking news", 13), "und");
    CHECK_STR(sl_lang_detect(id, "12,500 3.4 -- 2024", 18), "und");
    CHECK_STR(sl_lang_detect(id, "\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 8), "und");
    sl_langid_free(id);
}

/* The scan reads a run of ASCII letters in one step: the bytes next to
 * the letters ('@', '[', '`', '{') end a word, a non-ASCII letter or an
 * inner apostrophe goes on with it. */
TEST(lang_detect_ascii_runs_end_where_letters_end)
{
    sl_langid *id = sl_langid_new();
    /* five words, four English stop words; joined at the odd bytes, one word */
    CHECK_STR(sl_lang_detect(id, "the@cat[of`the{and", 18), "en");
    CHECK_STR(sl_lang_detect(id, "@the[of`and{", 12), "en");
    /* "für" and "Größe" are one word each, not "f" and "r", "Gr" and "e" */
    const char *de = "für die Größe der Straße und das Gebäude ist nicht groß";
    CHECK_STR(sl_lang_detect(id, de, strlen(de)), "de");
    /* l'homme, qu'il: one word each, and French stop words around them */
    const char *fr = "l'homme qu'il a vu dans la rue est le père de la fille";
    CHECK_STR(sl_lang_detect(id, fr, strlen(fr)), "fr");
    sl_langid_free(id);
}

TEST(lang_detect_prior_for_short_texts_only)
{
    sl_langid *id = sl_langid_new();
    const char *own = NULL;
    /* a headline without stop words is an n-gram guess: the collection's
     * language is taken, and what the headline alone says is kept apart */
    const char *headline = "ferry operator raises winter fares";
    CHECK_STR(sl_lang_detect_prior(id, headline, strlen(headline), "de", &own), "de");
    CHECK_STR(own, sl_lang_detect(id, headline, strlen(headline)));
    CHECK_STR(sl_lang_detect_prior(id, "Hello", 5, "en", &own), "en");
    CHECK_STR(own, "und");
    /* no prior: the text's own answer */
    CHECK_STR(sl_lang_detect_prior(id, headline, strlen(headline), NULL, NULL),
              sl_lang_detect(id, headline, strlen(headline)));
    /* stop words, a script of its own, or 20 words and more judge the text */
    CHECK_STR(sl_lang_detect_prior(id, english, strlen(english), "de", &own), "en");
    char two[2 * sizeof polish];
    snprintf(two, sizeof two, "%s %s", polish, polish);
    CHECK_STR(sl_lang_detect_prior(id, two, strlen(two), "de", &own), "pl");
    const char *greek = "\xCE\x97 \xCE\xB2\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAE \xCF\x88\xCE\xAE\xCF\x86\xCE\xB9\xCF\x83\xCE\xB5";
    CHECK_STR(sl_lang_detect_prior(id, greek, strlen(greek), "en", &own), "el");
    /* a prior written in another script is not taken */
    const char *cyrillic = "\xD0\xBF\xD0\xB0\xD1\x80\xD0\xBE\xD0\xBC \xD0\xB7\xD0\xB8\xD0\xBC\xD0\xB0 "
                           "\xD1\x82\xD0\xB0\xD1\x80\xD0\xB8\xD1\x84";
    CHECK(strcmp(sl_lang_detect_prior(id, cyrillic, strlen(cyrillic), "en", &own), "en") != 0);
    sl_langid_free(id);
}

TEST(lang_codes_sorted_and_static)
{
    size_t n;
    const char *const *codes = sl_lang_codes(&n);
    CHECK(n > 100);
    for (size_t k = 1; k < n; k++)
        CHECK(strcmp(codes[k - 1], codes[k]) < 0);
}

TEST(lang_detect_bounded_prefix)
{
    /* English first, then a long German tail: only the prefix counts */
    sl_buf text = SL_BUF_INIT;
    for (int k = 0; k < 6; k++)
        sl_buf_puts(&text, english);
    for (int k = 0; k < 2000; k++)
        sl_buf_puts(&text, german);
    sl_langid *id = sl_langid_new();
    CHECK_STR(sl_lang_detect(id, text.ptr, text.len), "en");
    sl_langid_free(id);
    sl_buf_free(&text);
}
