/* test_text.c — unit tests of the text stage (src/text): tokens, folding,
 * stop words, stems and sl_analyze (language: test_text_lang.c; sentences:
 * test_sentences.c; UTF-8 repair and normalisation: test_text_utf8.c).
 * Longer cases live as golden files (test_text_golden.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text_samples.h"
#include "text/langmodel.h"
#include "text/text.h"
#include "util/hash.h"

/* ---- helpers ------------------------------------------------------------ */

static char *fold(const char *word)
{
    sl_buf out = SL_BUF_INIT;
    CHECK_INT(sl_token_fold(word, strlen(word), &out), 0);
    return sl_buf_take(&out);
}

#define CHECK_FOLD(in, want) \
    do { char *got_ = fold(in); CHECK_STR(got_, (want)); free(got_); } while (0)

/* ---- tokens.c ----------------------------------------------------------- */

static void check_token(const char *text, const sl_token *t, const char *want, uint32_t flags)
{
    size_t n = t->end - t->start;
    if (n != strlen(want) || memcmp(text + t->start, want, n))
        sl_test_fail(__FILE__, __LINE__, "token \"%.*s\", expected \"%s\"", (int)n, text + t->start, want);
    if (t->flags != flags)
        sl_test_fail(__FILE__, __LINE__, "token \"%s\" flags %#x, expected %#x", want, t->flags, flags);
}

typedef struct want_token {
    const char *text;
    uint32_t flags;
} want_token;

/* The tokens of `text` (stop words of `lang`) are `want`, n of them. */
static void check_tokens(const char *text, const char *lang, const want_token *want, size_t n)
{
    sl_token_vec toks = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), lang, &toks), 0);
    CHECK_INT(toks.n, n);
    for (size_t k = 0; k < toks.n && k < n; k++)
        check_token(text, &toks.items[k], want[k].text, want[k].flags);
    sl_vec_free(&toks);
}

/* A word is all capitals when its every letter is one; the bytes beside the
 * letters in ASCII (@ [ ` {) end a word. */
TEST(tokens_capitals_counted_at_the_letter_bounds)
{
    static const want_token want[] = {
        {"IMF", SL_TOK_WORD | SL_TOK_UPPER | SL_TOK_ALLCAPS},
        {"McKinsey", SL_TOK_WORD | SL_TOK_UPPER},
        {"ZZ", SL_TOK_WORD | SL_TOK_UPPER | SL_TOK_ALLCAPS},
        {"Az", SL_TOK_WORD | SL_TOK_UPPER},
        {"aZ", SL_TOK_WORD},
        {"@", SL_TOK_PUNCT},
        {"QA", SL_TOK_WORD | SL_TOK_UPPER | SL_TOK_ALLCAPS},
        {"[", SL_TOK_PUNCT},
        {"Qb", SL_TOK_WORD | SL_TOK_UPPER},
        {"`", SL_TOK_PUNCT},
        {"za", SL_TOK_WORD},
        {"{", SL_TOK_PUNCT},
    };
    check_tokens("IMF McKinsey ZZ Az aZ@QA[Qb`za{", NULL, want, sizeof want / sizeof *want);
}

TEST(tokens_kinds_and_flags)
{
    static const want_token want[] = {
        {"The", SL_TOK_WORD | SL_TOK_UPPER | SL_TOK_STOP},
        {"U.S.", SL_TOK_WORD | SL_TOK_UPPER | SL_TOK_ALLCAPS},
        {"cease-fire", SL_TOK_WORD},
        {"didn't", SL_TOK_WORD | SL_TOK_STOP},
        {"hold", SL_TOK_WORD},
        {";", SL_TOK_PUNCT},
        {"40,000", SL_TOK_NUMBER},
        {"fled", SL_TOK_WORD},
        {"(", SL_TOK_PUNCT},
        {"2.5", SL_TOK_NUMBER},
        {"%", SL_TOK_PUNCT},
        {")", SL_TOK_PUNCT},
        {"in", SL_TOK_WORD | SL_TOK_STOP},
        {"the", SL_TOK_WORD | SL_TOK_STOP},
        {"1990s", SL_TOK_NUMBER},
        {".", SL_TOK_PUNCT},
        {"NATO’s", SL_TOK_WORD | SL_TOK_UPPER},
    };
    check_tokens("The U.S. cease-fire didn't hold; 40,000 fled (2.5%) in the 1990s. NATO’s", "en", want,
                 sizeof want / sizeof *want);
}

/* A content token is a number, or a word of two characters or more that is
 * no stop word: a character of one byte or of several counts once. */
TEST(tokens_content_is_a_number_or_a_word_of_two_characters)
{
    /* Single letters, ASCII or not ("é", "Ω", "ß", "日"), are no content;
     * two characters are, the first ASCII or not ("ab", "éa", "aé", "ΩΩ",
     * "日本"); stop words and punctuation never, numbers always ("7"). */
    const char *text = "a x Q \xC3\xA9 \xCE\xA9 \xC3\x9F \xE6\x97\xA5 ab \xC3\xA9" "a a\xC3\xA9 "
                       "\xCE\xA9\xCE\xA9 \xE6\x97\xA5\xE6\x9C\xAC the 7 , \xC3\x9Cnd Oslo";
    static const int content[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1};
    sl_token_vec toks = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), "en", &toks), 0);
    CHECK_INT(toks.n, sizeof content / sizeof *content);
    for (size_t k = 0; k < toks.n && k < sizeof content / sizeof *content; k++)
        if (sl_token_is_content(&toks.items[k], text) != content[k])
            sl_test_fail(__FILE__, __LINE__, "token %zu \"%.*s\": content %d", k,
                         (int)(toks.items[k].end - toks.items[k].start), text + toks.items[k].start,
                         content[k]);
    sl_token empty = {3, 3, SL_TOK_WORD}, backwards = {4, 3, SL_TOK_WORD};
    CHECK(!sl_token_is_content(&empty, text) && !sl_token_is_content(&backwards, text));
    sl_vec_free(&toks);
}

TEST(tokens_no_language_no_stop)
{
    const char *text = "the and of";
    sl_token_vec toks = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), NULL, &toks), 0);
    CHECK_INT(toks.n, 3);
    for (size_t k = 0; k < toks.n; k++)
        CHECK_INT(toks.items[k].flags, SL_TOK_WORD);
    CHECK_INT(sl_tokenize(text, strlen(text), "xx", &toks), 0);
    CHECK_INT(toks.n, 3);
    CHECK_INT(toks.items[0].flags, SL_TOK_WORD);
    sl_vec_free(&toks);
}

TEST(tokens_non_ascii)
{
    const char *text = "Ελλάδα und São-Paulo \xF0\x9F\x98\x80 1/2 \xD9\xA3\xD9\xA4";
    sl_token_vec toks = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), "de", &toks), 0);
    CHECK_INT(toks.n, 6);
    if (toks.n == 6) {
        check_token(text, &toks.items[0], "Ελλάδα", SL_TOK_WORD | SL_TOK_UPPER);
        check_token(text, &toks.items[1], "und", SL_TOK_WORD | SL_TOK_STOP);
        check_token(text, &toks.items[2], "São-Paulo", SL_TOK_WORD | SL_TOK_UPPER);
        check_token(text, &toks.items[3], "\xF0\x9F\x98\x80", SL_TOK_PUNCT);
        check_token(text, &toks.items[4], "1/2", SL_TOK_NUMBER);
        check_token(text, &toks.items[5], "\xD9\xA3\xD9\xA4", SL_TOK_NUMBER); /* Arabic-Indic 34 */
    }
    sl_vec_free(&toks);
}

TEST(tokens_ignore_truncated_input)
{
    /* not valid UTF-8 (callers repair first), but it must not crash */
    const char *text = "ab\xE2\x80 c\xC3";
    sl_token_vec toks = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), "en", &toks), 0);
    CHECK(toks.n >= 2);
    sl_vec_free(&toks);
}

TEST(token_fold_forms)
{
    CHECK_FOLD("U.S.", "us");
    CHECK_FOLD("Ph.D.", "phd");
    CHECK_FOLD("Don\xE2\x80\x99t", "don't");
    CHECK_FOLD("Stra\xC3\x9F" "e", "strasse");
    CHECK_FOLD("\xC3\x89" "COLE", "\xC3\xA9" "cole");
    CHECK_FOLD("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1", "\xCE\xB5\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1");
    CHECK_FOLD("2.5", "2.5");
    CHECK_FOLD("company\xE2\x80\x99s", "company's"); /* possessive goes in terms.c */
    CHECK_FOLD("Cease\xE2\x80\x90" "Fire", "cease-fire");
    /* after a non-ASCII letter the ASCII rest goes 32 bytes at a time, its dots dropped too */
    CHECK_FOLD("\xC3\x9C" "ber.A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.",
               "\xC3\xBC" "berabcdefghijklmnopqrstuvwxyz");
    CHECK_FOLD("1.250.000,75@X", "1.250.000,75@x");
}

/* A buffer with room takes the in-place path: after what it holds, the same
 * bytes as a fold into an empty buffer, ASCII then the rest of a token. */
TEST(token_fold_into_a_buffer_with_room)
{
    const char *words[] = {"U.S.", "2.5", "Don\xE2\x80\x99t", "STRA\xC3\x9F" "E", "\xC3\x89" "cole",
                           "Mid-Year", "", "a.b.c.D\xC3\x89.", "...", "x"};
    sl_buf room = SL_BUF_INIT;
    CHECK_INT(sl_buf_reserve(&room, 256), 0);
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        char *want = fold(words[w]);
        sl_buf_clear(&room);
        CHECK_INT(sl_buf_put(&room, "ab", 2), 0);
        CHECK_INT(sl_token_fold(words[w], strlen(words[w]), &room), 0);
        CHECK(room.len == 2 + strlen(want) && !memcmp(room.ptr, "ab", 2));
        CHECK_STR(room.ptr + 2, want);
        CHECK(room.ptr[room.len] == '\0');
        free(want);
    }
    sl_buf capped = SL_BUF_INIT;   /* a fold past the cap is the cap's error, not an overrun */
    sl_buf_init(&capped, 3);
    CHECK_INT(sl_buf_reserve(&capped, 2), 0);
    CHECK_INT(sl_token_fold("Longer", 6, &capped), SL_ETOOLARGE);
    sl_buf_free(&capped);
    sl_buf_free(&room);
}

/* ---- stopwords.c -------------------------------------------------------- */

TEST(stopwords_lookup)
{
    CHECK(sl_is_stopword("en", "the", 3));
    CHECK(sl_is_stopword("en", "wouldn't", 8));
    CHECK(sl_is_stopword("en", "a", 1));
    CHECK(!sl_is_stopword("en", "government", 10));
    CHECK(!sl_is_stopword("en", "said", 4));
    CHECK(!sl_is_stopword("en", "th", 2));
    CHECK(!sl_is_stopword("en", "", 0));
    CHECK(sl_is_stopword("de", "und", 3));
    CHECK(sl_is_stopword("de", "f\xC3\xBCr", 4));
    CHECK(!sl_is_stopword("en", "und", 3));
    CHECK(sl_is_stopword("fr", "les", 3));
    CHECK(sl_is_stopword("fr", "\xC3\xA9t\xC3\xA9", 5));
    CHECK(sl_is_stopword("es", "los", 3));
    CHECK(sl_is_stopword("it", "della", 5));
    CHECK(sl_is_stopword("pt", "n\xC3\xA3o", 4));
    CHECK(sl_is_stopword("nl", "het", 3));
    CHECK(!sl_is_stopword("sv", "och", 3));
    CHECK(!sl_is_stopword(NULL, "the", 3));
    CHECK(sl_stopword_langs("de", 2) != 0);
    CHECK_INT(sl_stopword_langs("zebra", 5), 0);
    int n = 0;
    while (sl_stopword_lang(1u << n))
        n++;
    CHECK_INT(n, 7);
}

/* The table must be in strcmp order (so without duplicates, which the hashed
 * lookup relies on): read it from the source, and look every word up. */
TEST(stopwords_table_sorted)
{
    char *src = sl_test_read_file("src/text/stopword_list.c", NULL);
    char prev[64] = "";
    int words = 0;
    for (char *p = strstr(src, "    W(\""); p; p = strstr(p + 1, "    W(\"")) {
        char *w = p + 7, *end = strchr(w, '"');
        size_t len = (size_t)(end - w);
        char word[64];
        CHECK(len > 0 && len < 17);
        if (!len || len >= sizeof word)
            continue;
        memcpy(word, w, len);
        word[len] = '\0';
        if (strcmp(prev, word) >= 0)
            sl_test_fail(__FILE__, __LINE__, "stop words out of order: \"%s\" then \"%s\"", prev, word);
        CHECK(sl_stopword_langs(word, len) != 0);
        memcpy(prev, word, len + 1);
        words++;
    }
    CHECK(words > 600);
    free(src);
}

/* ---- stem.c ------------------------------------------------------------- */

static void check_stem(sl_stemmer *st, const char *word, const char *want)
{
    size_t n;
    const char *got = sl_stem(st, word, strlen(word), &n);
    if (!got || n != strlen(want) || memcmp(got, want, n))
        sl_test_fail(__FILE__, __LINE__, "stem(%s) = \"%.*s\", expected \"%s\"", word,
                     got ? (int)n : 6, got ? got : "(null)", want);
}

TEST(stem_english)
{
    sl_stemmer *st = sl_stemmer_new("en");
    CHECK(st != NULL);
    check_stem(st, "protests", "protest");
    check_stem(st, "protested", "protest");
    check_stem(st, "protesting", "protest");
    check_stem(st, "running", "run");
    check_stem(st, "elections", "elect");
    check_stem(st, "countries", "countri");
    check_stem(st, "generously", "generous");
    sl_stemmer_free(st);
}

TEST(stem_german_french)
{
    sl_stemmer *de = sl_stemmer_new("de"), *fr = sl_stemmer_new("fr");
    CHECK(de && fr);
    check_stem(de, "regierungen", "regier");
    check_stem(de, "regierung", "regier");
    check_stem(de, "h\xC3\xA4user", "haus");
    check_stem(fr, "gouvernements", "gouvern");
    check_stem(fr, "gouvernement", "gouvern");
    check_stem(fr, "r\xC3\xA9" "formes", "r\xC3\xA9" "form");
    sl_stemmer_free(de);
    sl_stemmer_free(fr);
}

TEST(stem_languages_and_fallback)
{
    static const char *const langs[] = {"en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "da",
                                        "fi", "ru", "hu", "ro", "tr", "ar", "el", "ca", "eu", "ga"};
    for (size_t k = 0; k < sizeof langs / sizeof *langs; k++) {
        sl_stemmer *st = sl_stemmer_new(langs[k]);
        if (!st)
            sl_test_fail(__FILE__, __LINE__, "no stemmer for %s", langs[k]);
        sl_stemmer_free(st);
    }
    CHECK(sl_stemmer_new("und") == NULL);
    CHECK(sl_stemmer_new("zh") == NULL);
    CHECK(sl_stemmer_new(NULL) == NULL);
    sl_stemmer_free(NULL);
    check_stem(NULL, "words", "words");
    sl_stemmer *en = sl_stemmer_new("en");
    check_stem(en, "https://example.com/a/very/long/path/that/nobody/would/call/a/word/at/all",
               "https://example.com/a/very/long/path/that/nobody/would/call/a/word/at/all");
    sl_stemmer_free(en);
}

/* ---- terms.c ------------------------------------------------------------ */

static uint64_t id_of(const char *stem) { return sl_hash64(stem, strlen(stem)); }

static const sl_term *find_term(const sl_analysis *an, const char *stem)
{
    uint64_t id = id_of(stem);
    for (size_t k = 0; k < an->terms.n; k++)
        if (an->terms.items[k].id == id)
            return &an->terms.items[k];
    return NULL;
}

TEST(analyze_english_terms)
{
    const char *text = "Court closes harbor\n\n"
                       "The court's ruling closed the harbor. Protesters protested the ruling "
                       "on Monday. About 2,500 people joined the protests, officials said.";
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    CHECK_INT(sl_analyze(a, text, strlen(text), &an), 0);
    CHECK_STR(an.lang, "en");
    CHECK_INT(an.sentences.n, 4);
    for (size_t k = 1; k < an.terms.n; k++)
        CHECK(an.terms.items[k - 1].id < an.terms.items[k].id);
    const sl_term *t;
    CHECK((t = find_term(&an, "court")) && t->count == 2 && t->first == 0);
    CHECK((t = find_term(&an, "protest")) && t->count == 3 && t->first == 2);
    CHECK((t = find_term(&an, "rule")) && t->count == 2 && t->first == 1);
    CHECK((t = find_term(&an, "harbor")) && t->count == 2 && t->first == 0);
    CHECK((t = find_term(&an, "2,500")) && t->count == 1 && t->first == 3);
    CHECK(find_term(&an, "the") == NULL);
    CHECK(find_term(&an, "court'") == NULL);
    CHECK_INT(an.n_words, 22);
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}

/* Many sentences, so that the terms' sort takes its quick path and may
 * reorder equal terms: each term keeps its occurrences' count and its
 * earliest sentence ("ferry" in every one of 30, "pier" from the tenth). */
TEST(analyze_terms_of_many_sentences_keep_count_and_first)
{
    sl_buf text = SL_BUF_INIT;
    for (int k = 0; k < 30; k++)
        sl_buf_printf(&text, "The ferry left berth %d%s at dawn. ", k + 1, k >= 9 ? " by the pier" : "");
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    CHECK_INT(sl_analyze(a, sl_buf_cstr(&text), text.len, &an), 0);
    CHECK_INT(an.sentences.n, 30);
    for (size_t k = 1; k < an.terms.n; k++)
        CHECK(an.terms.items[k - 1].id < an.terms.items[k].id);
    const sl_term *t;
    CHECK((t = find_term(&an, "ferri")) && t->count == 30 && t->first == 0);
    CHECK((t = find_term(&an, "dawn")) && t->count == 30 && t->first == 0);
    CHECK((t = find_term(&an, "pier")) && t->count == 21 && t->first == 9);
    CHECK((t = find_term(&an, "17")) && t->count == 1 && t->first == 16);
    sl_analysis_free(&an);
    sl_analyzer_free(a);
    sl_buf_free(&text);
}

TEST(analyze_german_french)
{
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    CHECK_INT(sl_analyze(a, german, strlen(german), &an), 0);
    CHECK_STR(an.lang, "de");
    CHECK(find_term(&an, "stadtrat") != NULL);
    CHECK(find_term(&an, "reparatur") != NULL);
    CHECK(find_term(&an, "der") == NULL);
    CHECK_INT(sl_analyze(a, french, strlen(french), &an), 0);
    CHECK_STR(an.lang, "fr");
    CHECK(find_term(&an, "ancien") != NULL); /* from "l'ancien": the elision goes */
    CHECK(find_term(&an, "habit") != NULL);
    CHECK(find_term(&an, "les") == NULL);
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}

TEST(analyze_as_takes_the_articles_language)
{
    /* a title in capitals is read in its article's language */
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    const char *title = "STADTRAT BESCHLIESST NEUEN F\xC3\x84HRPLAN";
    CHECK_INT(sl_analyze_as(a, title, strlen(title), "de", &an), 0);
    CHECK_STR(an.lang, "de");
    CHECK(find_term(&an, "neu") != NULL); /* German stem of "neuen" */
    CHECK(find_term(&an, "stadtrat") != NULL);
    CHECK_INT(sl_analyze_as(a, english, strlen(english), "und", &an), 0);
    CHECK_STR(an.lang, "en"); /* no language given: detected */
    CHECK_INT(sl_analyze_as(a, english, strlen(english), NULL, &an), 0);
    CHECK_STR(an.lang, "en");
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}

/* The analysis' stop flags are sl_token_is_stop's, for words met the first
 * time (folded once for the flag and the term) and met again (the flag
 * remembered), in two languages, capitals, an acronym and a word whose
 * fold is longer than the stop test's buffer among them. */
TEST(analysis_stop_flags_are_the_stop_test)
{
    const char *text = "The IT desk and it said THE U.S. and us were in Die Zeit; die Zeit "
                       "in 2,000 copies of the same \xCE\x90\xCE\x90\xCE\x90\xCE\x90\xCE\x90"
                       "\xCE\x90\xCE\x90\xCE\x90 DIE Stra\xC3\x9F" "e. The desk and the Zeit were "
                       "there; and so it was, Die Stra\xC3\x9F" "e und die Zeit.";
    const char *const langs[] = {"en", "de"};
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    for (int round = 0; round < 2; round++)   /* the second round reads the memo */
        for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
            CHECK_INT(sl_analyze_as(a, text, strlen(text), langs[l], &an), 0);
            size_t stops = 0;
            for (size_t k = 0; k < an.tokens.n; k++) {
                bool stop = (an.tokens.items[k].flags & SL_TOK_STOP) != 0;
                stops += stop;
                CHECK_INT(stop, sl_token_is_stop(&an.tokens.items[k], text, langs[l]));
            }
            CHECK(stops >= 6);
        }
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}

/* A figure's term is the hash of its fold, whether the analysis folds it
 * or hashes its bytes as they are (those that fold to themselves): figures
 * with capitals, letters glued on, dots, commas, signs and non-ASCII
 * digits, each twice (a figure is never remembered). */
TEST(analysis_number_terms_are_their_folds)
{
    const char *text = "In 1987 it paid 1,250 dlrs, 3.5 pct, 10TH and 10th, 1.5M or 1.5m, "
                       "2\xC2\xBD and \xD9\xA3\xD9\xA4 shares, -5 to 5-6, 4/5 of 1st .5 "
                       "on 12.03.87; 1987 and 1,250 again, 3RD 3rd 0.5";
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    sl_buf fold;
    sl_buf_init(&fold, 0);
    size_t numbers = 0;
    CHECK_INT(sl_analyze_as(a, text, strlen(text), "en", &an), 0);
    for (size_t k = 0; k < an.tokens.n; k++) {
        const sl_token *tok = &an.tokens.items[k];
        if (!(tok->flags & SL_TOK_NUMBER) || (tok->flags & SL_TOK_WORD))
            continue;
        numbers++;
        sl_buf_clear(&fold);
        CHECK_INT(sl_token_fold(text + tok->start, tok->end - tok->start, &fold), 0);
        uint64_t term = fold.len ? sl_hash64(fold.ptr, fold.len) : 0;
        if (an.token_terms.items[k] != term)
            sl_test_fail(__FILE__, __LINE__, "figure \"%.*s\": its term is not its fold's",
                         (int)(tok->end - tok->start), text + tok->start);
        CHECK(!(tok->flags & SL_TOK_STOP));
    }
    CHECK(numbers >= 15);
    sl_buf_free(&fold);
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}

/* The memo keeps the analysis language's stop verdict, not a flag the
 * given tokens came with: "the" tokenized as English (a stop word) and
 * analysed as German is remembered as no German stop word (review of
 * dedup9, 2026-12-06, branch rev30b: the memo stored the token's flags). */
TEST(analysis_memo_keeps_the_languages_stop_verdict)
{
    const char *text = "Kiel sah the Boote.";
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    sl_token_vec given = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), "en", &given), 0);
    CHECK_INT(sl_analyze_tokens_as(a, text, strlen(text), "de", &given, &an), 0);
    CHECK_INT(sl_analyze_as(a, text, strlen(text), "de", &an), 0);
    for (size_t k = 0; k < an.tokens.n; k++)
        CHECK_INT((an.tokens.items[k].flags & SL_TOK_STOP) != 0,
                  sl_token_is_stop(&an.tokens.items[k], text, "de"));
    sl_vec_free(&given);
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}

/* sl_token_is_stop alone (and sl_token_is_stop_folded, given the token's
 * fold) says of each token what sl_tokenize's SL_TOK_STOP says with that
 * language; without one, no token is a stop word. The Greek word folds to
 * 48 bytes, more than the stop test's buffer. */
TEST(tokens_stop_test_alone_agrees_with_tokenize)
{
    const char *text = "The IT desk and it said THE U.S. and us were in Die Zeit; die Zeit "
                       "in 2,000 copies of the same \xCE\x90\xCE\x90\xCE\x90\xCE\x90\xCE\x90"
                       "\xCE\x90\xCE\x90\xCE\x90 DIE Stra\xC3\x9F" "e.";
    sl_buf folded = {0};
    const char *const langs[] = {"en", "de", "xx"};
    sl_token_vec with = {0}, without = {0};
    CHECK_INT(sl_tokenize(text, strlen(text), NULL, &without), 0);
    for (size_t k = 0; k < without.n; k++)
        CHECK(!(without.items[k].flags & SL_TOK_STOP));
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
        CHECK_INT(sl_tokenize(text, strlen(text), langs[l], &with), 0);
        CHECK_INT(with.n, without.n);
        size_t stops = 0;
        for (size_t k = 0; k < with.n && k < without.n; k++) {
            bool stop = (with.items[k].flags & SL_TOK_STOP) != 0;
            stops += stop;
            CHECK_INT(sl_token_is_stop(&without.items[k], text, langs[l]), stop);
            const sl_token *t = &without.items[k];
            sl_buf_clear(&folded);
            CHECK_INT(sl_token_fold(text + t->start, t->end - t->start, &folded), 0);
            CHECK_INT(sl_token_is_stop_folded(t, text, langs[l], folded.ptr, folded.len), stop);
            CHECK_INT(with.items[k].flags & ~SL_TOK_STOP, without.items[k].flags);
        }
        CHECK(l == 2 ? stops == 0 : stops >= 4);
    }
    sl_buf_free(&folded);
    sl_vec_free(&with);
    sl_vec_free(&without);
}

/* The analysis remembers each word's stop flag with its term (per
 * language): met again, and in another language, the flags stay what
 * sl_tokenize gives. */
TEST(analyze_stop_flags_from_its_memo_are_tokenize_flags)
{
    const char *text = "Die Zeit said the die was cast, and THE IT staff of die Zeit said it "
                       "again: the die, the Zeit, it.";
    const char *const langs[] = {"en", "en", "de", "en", "de"};
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    sl_token_vec toks = {0};
    CHECK(a != NULL);
    for (size_t l = 0; a && l < sizeof langs / sizeof *langs; l++) {
        CHECK_INT(sl_analyze_as(a, text, strlen(text), langs[l], &an), 0);
        CHECK_INT(sl_tokenize(text, strlen(text), langs[l], &toks), 0);
        CHECK_INT(an.tokens.n, toks.n);
        for (size_t k = 0; k < toks.n && k < an.tokens.n; k++)
            CHECK_INT(an.tokens.items[k].flags, toks.items[k].flags);
    }
    sl_vec_free(&toks);
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}

/* The sketcher's analysis: everything but the distinct terms, the same. */
TEST(analyze_words_is_the_analysis_without_its_terms)
{
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis full = {0}, words = {0};
    const char *const texts[] = {english, german, french};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        CHECK_INT(sl_analyze(a, texts[k], strlen(texts[k]), &full), 0);
        CHECK_INT(sl_analyze_words(a, texts[k], strlen(texts[k]), &words), 0);
        CHECK(full.terms.n > 0);
        CHECK_INT(words.terms.n, 0);
        CHECK_STR(words.lang, full.lang);
        CHECK_INT(words.n_words, full.n_words);
        CHECK_INT(words.sentences.n, full.sentences.n);
        CHECK_INT(words.tokens.n, full.tokens.n);
        CHECK_INT(words.token_terms.n, full.token_terms.n);
        CHECK(!memcmp(words.sentences.items, full.sentences.items,
                      full.sentences.n * sizeof *full.sentences.items));
        CHECK(!memcmp(words.tokens.items, full.tokens.items, full.tokens.n * sizeof *full.tokens.items));
        CHECK(!memcmp(words.token_terms.items, full.token_terms.items,
                      full.token_terms.n * sizeof *full.token_terms.items));
    }
    sl_analysis_free(&full);
    sl_analysis_free(&words);
    sl_analyzer_free(a);
}

/* A word's term is remembered per language (terms.c): an analyzer that
 * has seen the words gives the terms a fresh one gives, in every language. */
TEST(remembered_terms_are_the_terms_of_a_fresh_analyzer)
{
    const char *const texts[] = {english, german, french, english, german, "Die die DIE. The the."};
    sl_analyzer *seen = sl_analyzer_new();
    sl_analysis an = {0}, fresh_an = {0};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sl_analyzer *fresh = sl_analyzer_new();
        CHECK_INT(sl_analyze(seen, texts[k], strlen(texts[k]), &an), 0);
        CHECK_INT(sl_analyze(fresh, texts[k], strlen(texts[k]), &fresh_an), 0);
        CHECK_STR(an.lang, fresh_an.lang);
        CHECK_INT(an.token_terms.n, fresh_an.token_terms.n);
        CHECK(!memcmp(an.token_terms.items, fresh_an.token_terms.items,
                      an.token_terms.n * sizeof *an.token_terms.items));
        sl_analyzer_free(fresh);
    }
    sl_analysis_free(&an);
    sl_analysis_free(&fresh_an);
    sl_analyzer_free(seen);
}

TEST(analyze_reuses_memory)
{
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis first = {0}, an = {0};
    CHECK_INT(sl_analyze(a, english, strlen(english), &first), 0);
    CHECK_INT(sl_analyze(a, german, strlen(german), &an), 0);
    CHECK_INT(sl_analyze(a, english, strlen(english), &an), 0);
    CHECK_INT(an.terms.n, first.terms.n);
    CHECK_INT(an.tokens.n, first.tokens.n);
    CHECK_INT(an.sentences.n, first.sentences.n);
    CHECK_INT(an.n_words, first.n_words);
    CHECK(!memcmp(an.terms.items, first.terms.items, an.terms.n * sizeof *an.terms.items));
    CHECK_INT(sl_analyze(a, "", 0, &an), 0);
    CHECK_STR(an.lang, "und");
    CHECK_INT(an.terms.n, 0);
    CHECK_INT(an.sentences.n, 0);
    CHECK_INT(an.n_words, 0);
    sl_analysis_free(&first);
    sl_analysis_free(&an);
    sl_analysis_free(NULL);
    sl_analyzer_free(a);
    sl_analyzer_free(NULL);
}

/* ---- the whole stage on random input ------------------------------------ */

static void check_invariants(const char *text, size_t len, const sl_analysis *an)
{
    uint32_t prev_end = 0;
    for (size_t k = 0; k < an->sentences.n; k++) {
        sl_span s = an->sentences.items[k];
        CHECK(s.start >= prev_end && s.start < s.end && s.end <= len);
        CHECK(text[s.start] != ' ' && text[s.start] != '\n');
        CHECK(text[s.end - 1] != ' ' && text[s.end - 1] != '\n');
        prev_end = s.end;
    }
    prev_end = 0;
    for (size_t k = 0; k < an->tokens.n; k++) {
        sl_token t = an->tokens.items[k];
        CHECK(t.start >= prev_end && t.start < t.end && t.end <= len);
        prev_end = t.end;
    }
    for (size_t k = 1; k < an->terms.n; k++)
        CHECK(an->terms.items[k - 1].id < an->terms.items[k].id);
}

/* Fragments that exercise every rule, glued at random: never a crash, and
 * spans, tokens and terms keep their invariants. */
TEST(text_pipeline_random)
{
    static const char *const parts[] = {
        "U.S.", " ", ".", "...", "\n", "\n\n", "Mr.", " The", " a.m.", "\"", "\xE2\x80\x9D", "?",
        "2.5", "40,000", "'s", "\xE2\x80\x99", "-", "J.", "\xC2\xA0", "\xE2\x80\x8B", "\r\n",
        "word", "Wort", "\xC3\xA9t\xC3\xA9", "\xCC\x81", "\xFF", "\xE2\x80", "(", ")", "1/2",
        "\xE3\x80\x82", "\xE6\x97\xA5", "\xD0\xB4\xD0\xB0", "\t", "\0", "!", "No.", " 5", "e.g.",
    };
    uint64_t state = 42;
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    sl_buf raw = SL_BUF_INIT, repaired = SL_BUF_INIT, text = SL_BUF_INIT;
    for (int round = 0; round < 3000; round++) {
        sl_buf_clear(&raw);
        sl_buf_clear(&repaired);
        sl_buf_clear(&text);
        state = state * 6364136223846793005u + 1442695040888963407u;
        int n = (int)(state >> 59) * 2;
        for (int k = 0; k < n; k++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            const char *p = parts[(state >> 33) % (sizeof parts / sizeof *parts)];
            sl_buf_put(&raw, p, *p ? strlen(p) : 1);
        }
        /* the raw bytes straight into the splitter and tokenizer must not crash either */
        CHECK_INT(sl_sentences_split(sl_buf_cstr(&raw), raw.len, &an.sentences), 0);
        CHECK_INT(sl_tokenize(sl_buf_cstr(&raw), raw.len, "en", &an.tokens), 0);
        sl_utf8_repair(sl_buf_cstr(&raw), raw.len, &repaired);
        CHECK_INT(sl_text_normalize(sl_buf_cstr(&repaired), repaired.len, &text), 0);
        CHECK_INT(sl_analyze(a, sl_buf_cstr(&text), text.len, &an), 0);
        check_invariants(sl_buf_cstr(&text), text.len, &an);
    }
    sl_buf_free(&raw);
    sl_buf_free(&repaired);
    sl_buf_free(&text);
    sl_analysis_free(&an);
    sl_analyzer_free(a);
}
