/* test_copies_sketch.c — the copy sketch: its flags (names, figures,
 * quotes, number words), its keys best first, its sentence lists packed
 * and read back (the sorted, Rice-coded form of schema 21 and the
 * first-come form migrations read), damaged blobs refused, and the copy
 * keys written as ranks among the sketch's codes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "test.h"

#include "copies_texts.h"

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

static uint32_t figure_of(sketched *s, const char *text)
{
    sketch_of(s, text);
    uint32_t figure = 0;
    for (size_t k = 0; k < s->sketch.terms.n; k++)
        if (s->sketch.terms.items[k] & SL_TERM_NUMBER)
            figure = SL_TERM_ID(s->sketch.terms.items[k]);
    return figure;
}

TEST(sketch_flags_names_figures_quotes_and_number_words)
{
    sketched s = {0};
    sketch_of(&s, "The mayor said \"the line will open soon\" in Lindholt after ten years.");
    size_t quoted = 0, specific = 0, numbers = 0, stop = 0;
    for (size_t k = 0; k < s.sketch.terms.n; k++) {
        uint32_t code = s.sketch.terms.items[k];
        quoted += (code & SL_TERM_QUOTED) != 0;
        specific += (code & SL_TERM_SPECIFIC) != 0;
        numbers += (code & SL_TERM_NUMBER) != 0;
        stop += (code & SL_TERM_STOP) != 0;
    }
    CHECK_INT(quoted, 5);     /* the line will open soon */
    CHECK_INT(specific, 2);   /* Lindholt, ten */
    CHECK_INT(numbers, 1);    /* ten, as the figure 10 */
    CHECK(stop >= 4);         /* the, the, will, in, after */
    /* number words are their figures */
    uint32_t ten_figure = figure_of(&s, "It took 10 years.");
    CHECK(ten_figure && ten_figure == figure_of(&s, "It took ten years."));
    uint32_t compound = figure_of(&s, "Thirty-eight firefighters came.");
    CHECK(compound && compound == figure_of(&s, "It took 38 firefighters."));
    /* a number word of each opening letter, in capitals too */
    static const char *const words[][2] = {
        {"Eleven", "11"}, {"fifty", "50"},       {"NINE", "9"},       {"One", "1"},
        {"sixty-two", "62"}, {"twelve", "12"},   {"Seventeen", "17"}, {"TWENTY-ONE", "21"},
        {"ninety-nine", "99"}, {"eighteen", "18"}, {"two", "2"},      {"thirty", "30"}};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        char as_word[64], as_figure[64];
        snprintf(as_word, sizeof as_word, "It took %s years.", words[k][0]);
        snprintf(as_figure, sizeof as_figure, "It took %s years.", words[k][1]);
        uint32_t figure = figure_of(&s, as_figure);
        CHECK(figure && figure == figure_of(&s, as_word));
    }
    /* words of a number word's first letter and length, or joined by a
     * hyphen, that are none */
    static const char *const none[] = {"the",       "tan",       "sixth",      "fives",   "eighty-ten",
                                       "fifty-fifty", "One-third", "follow-up", "seventeens", "twelfth",
                                       "sixte",     "thirt",     "fourt",    /* a longer start */
                                       "tho",       "Sea",       "elves",    "TWINS",   "ninja",
                                       "thee"};   /* a number word's first two letters, not its length */
    for (size_t k = 0; k < sizeof none / sizeof *none; k++) {
        char as_word[64];
        snprintf(as_word, sizeof as_word, "It took %s years.", none[k]);
        CHECK_INT(figure_of(&s, as_word), 0);
    }
    sketched_free(&s);
}

/* Every number word is its figure: the table's words of each first
 * letter are found from where that letter starts in it (sketch.c's
 * number_word_first), the first and the last of each letter too. */
TEST(sketch_every_number_word_is_its_figure)
{
    static const char *const words[] = {
        "zero",    "one",      "two",      "three",     "four",     "five",    "six",
        "seven",   "eight",    "nine",     "ten",       "eleven",   "twelve",  "thirteen",
        "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
                                       "sixty",  "seventy", "eighty", "ninety"};
    sketched s = {0};
    for (size_t k = 1; k < sizeof words / sizeof *words; k++) {   /* "zero" is no number word */
        char as_word[64], as_figure[64];
        snprintf(as_word, sizeof as_word, "It took %s years.", words[k]);
        snprintf(as_figure, sizeof as_figure, "It took %zu years.", k);
        uint32_t figure = figure_of(&s, as_figure);
        CHECK(figure && figure == figure_of(&s, as_word));
    }
    for (size_t k = 0; k < sizeof tens / sizeof *tens; k++) {
        char as_word[64], as_figure[64];
        snprintf(as_word, sizeof as_word, "It took %s years.", tens[k]);
        snprintf(as_figure, sizeof as_figure, "It took %zu years.", 20 + 10 * k);
        uint32_t figure = figure_of(&s, as_figure);
        CHECK(figure && figure == figure_of(&s, as_word));
    }
    CHECK_INT(figure_of(&s, "It took zero years."), 0);
    sketched_free(&s);
}

/* The figure a word spells by the plain definition: lowered, one of the
 * words for 1 to 19 or the tens, or tens-units ("forty-one"); else 0. */
static int spelled_value(const char *word)
{
    static const char *const units[] = {"", "one", "two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                                        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                                        "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
                                       "sixty",  "seventy", "eighty", "ninety"};
    char lowered[64], spelled[64];
    size_t len = strlen(word);
    for (size_t k = 0; k <= len; k++)
        lowered[k] = (char)(word[k] >= 'A' && word[k] <= 'Z' ? word[k] + 32 : word[k]);
    for (int v = 1; v < 100; v++) {
        if (v < 20)
            snprintf(spelled, sizeof spelled, "%s", units[v]);
        else
            snprintf(spelled, sizeof spelled, "%s%s%s", tens[v / 10 - 2], v % 10 ? "-" : "", units[v % 10]);
        if (!strcmp(lowered, spelled))
            return v;
    }
    return 0;
}

/* Number words in any case, and the same words with a letter dropped, a
 * letter added, a letter made a hyphen or a hyphen put in (never first or
 * last, never two together): the sketch's figure is the plain
 * definition's, every one of 1 to 99 and 4,000 changed ones. */
TEST(sketch_number_words_are_the_plain_definition)
{
    static const char *const units[] = {"one", "two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                                        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                                        "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
                                       "sixty",  "seventy", "eighty", "ninety"};
    sketched s = {0};
    uint32_t state = 11, figures[100] = {0};
    char text[96], word[48];
    for (int v = 1; v < 100; v++) {
        snprintf(text, sizeof text, "It took %d years.", v);
        figures[v] = figure_of(&s, text);
    }
    for (int round = 0; round < 4099; round++) {
        int v = 1 + round % 99;
        if (v < 20)
            snprintf(word, sizeof word, "%s", units[v - 1]);
        else
            snprintf(word, sizeof word, "%s%s%s", tens[v / 10 - 2], v % 10 ? "-" : "",
                     v % 10 ? units[v % 10 - 1] : "");
        size_t len = strlen(word);
        for (size_t k = 0; k < len; k++)
            if (next_random(&state) % 2 && word[k] != '-')
                word[k] = (char)(word[k] - 32);
        size_t at = 1 + next_random(&state) % (len - 1);   /* inside the word */
        bool letters_around = word[at - 1] != '-' && word[at] != '-';
        switch (round < 99 ? 4 : next_random(&state) % 4) {
        case 0:   /* a letter dropped */
            if (word[at] != '-' && at + 1 < len)
                memmove(word + at, word + at + 1, len - at);
            break;
        case 1:   /* a letter added */
            memmove(word + at + 1, word + at, len - at + 1);
            word[at] = (char)("aeinotuxEN"[next_random(&state) % 10]);
            break;
        case 2:   /* a hyphen put in */
            if (letters_around) {
                memmove(word + at + 1, word + at, len - at + 1);
                word[at] = '-';
            }
            break;
        case 3:   /* a letter made a hyphen */
            if (at + 1 < len && word[at - 1] != '-' && word[at] != '-' && word[at + 1] != '-')
                word[at] = '-';
            break;
        default:
            break;
        }
        snprintf(text, sizeof text, "It took %s years.", word);
        int want = spelled_value(word);
        uint32_t got = figure_of(&s, text);
        if (want ? got != figures[want] : got != 0)
            sl_test_fail(__FILE__, __LINE__, "\"%s\": figure %u, expected %u", word, got,
                         want ? figures[want] : 0);
    }
    sketched_free(&s);
}

/* The code of the one term of `word` in "We met <word>." */
static uint32_t code_of_name(sketched *s, const char *word)
{
    char text[64];
    snprintf(text, sizeof text, "We met %s.", word);
    sketch_of(s, text);
    for (size_t k = 0; k < s->sketch.terms.n; k++)
        if (s->sketch.terms.items[k] & SL_TERM_SPECIFIC)
            return SL_TERM_ID(s->sketch.terms.items[k]);
    return 0;
}

/* The keys are the SL_COPY_KEYS best terms, best first: a name (a capital
 * not opening its sentence) scores 1000 and its length (up to 20), and 10 a
 * repeat; a plain word however long comes after. 17 names of 3 to 19
 * letters and one of 3 letters written thrice: the thrice-written one,
 * then the 15 longest, longest first. */
TEST(sketch_keys_are_the_best_terms_best_first)
{
    char text[1024] = "We met Kzq, Kzq and Kzq, with unremarkablenesses";
    char names[17][24];
    for (int k = 0; k < 17; k++) {
        int len = 3 + k;
        names[k][0] = 'K';
        names[k][1] = (char)('a' + k);
        memset(names[k] + 2, 'x', (size_t)len - 2);
        names[k][len] = 0;
        strcat(text, " and ");
        strcat(text, names[k]);
    }
    strcat(text, ".");
    sketched s = {0};
    sketch_of(&s, text);
    uint32_t keys[SL_COPY_KEYS], n = s.sketch.n_keys;
    memcpy(keys, s.sketch.keys, sizeof keys);
    CHECK_INT(n, SL_COPY_KEYS);
    CHECK_INT(SL_TERM_ID(keys[0]), code_of_name(&s, "Kzq"));
    for (uint32_t k = 1; k < n; k++)
        CHECK_INT(SL_TERM_ID(keys[k]), code_of_name(&s, names[17 - k]));
    sketched_free(&s);
}

/* The plain definition of sl_sketch_keys_choose: the candidates sorted by
 * code, each term's best score plus 10 a repeat (up to 5), the items
 * (UINT32_MAX - score, code) sorted, the SL_COPY_KEYS smallest kept. */
static uint32_t keys_by_sorting(const uint64_t *cands, size_t n, uint32_t keys[SL_COPY_KEYS])
{
    uint64_t *sorted = malloc((n + 1) * sizeof *sorted), *items = malloc((n + 1) * sizeof *items);
    memcpy(sorted, cands, n * sizeof *sorted);
    for (size_t k = 1; k < n; k++)   /* insertion sorts: slow and plain */
        for (size_t j = k; j > 0 && sorted[j] < sorted[j - 1]; j--) {
            uint64_t t = sorted[j];
            sorted[j] = sorted[j - 1];
            sorted[j - 1] = t;
        }
    size_t m = 0;
    for (size_t k = 0, j; k < n; k = j) {
        uint32_t code = (uint32_t)(sorted[k] >> 32), best = 0;
        for (j = k; j < n && (uint32_t)(sorted[j] >> 32) == code; j++)
            best = (uint32_t)sorted[j] > best ? (uint32_t)sorted[j] : best;
        uint32_t repeats = (uint32_t)(j - k) - 1;
        items[m++] = (uint64_t)(UINT32_MAX - (best + 10 * (repeats < 5 ? repeats : 5))) << 32 | code;
    }
    for (size_t k = 1; k < m; k++)
        for (size_t j = k; j > 0 && items[j] < items[j - 1]; j--) {
            uint64_t t = items[j];
            items[j] = items[j - 1];
            items[j - 1] = t;
        }
    uint32_t kept = m < SL_COPY_KEYS ? (uint32_t)m : SL_COPY_KEYS;
    for (uint32_t k = 0; k < kept; k++)
        keys[k] = (uint32_t)items[k];
    free(sorted);
    free(items);
    return kept;
}

/* The hash table's keys are the sorted merge's, for candidate lists of 0
 * to 3,000 drawn from pools of 1 to 4,000 codes (many repeats, past five
 * too, or nearly none; code 0 among them), scores 3 to 1,020 as the sketch
 * gives; one sketch serves every list, so its table, kept from call to
 * call, is read after lists longer and shorter than the one before (a
 * slot left set by one would change the next's keys). */
TEST(sketch_keys_choose_is_the_sorted_merge)
{
    static const size_t sizes[] = {0, 1, 2, 7, 16, 17, 60, 127, 128, 129, 300, 3000};
    static const uint32_t pools[] = {1, 3, 20, 100, 4000};
    uint32_t state = 7;
    uint64_t *cands = malloc(3000 * sizeof *cands);
    sl_sketch sk = {0};
    size_t n_sizes = sizeof sizes / sizeof *sizes;
    for (size_t a = 0; a < 2 * n_sizes; a++)   /* the sizes up, then down */
        for (size_t b = 0; b < sizeof pools / sizeof *pools; b++)
            for (int round = 0; round < 4; round++) {
                size_t n = sizes[a < n_sizes ? a : 2 * n_sizes - 1 - a];
                for (size_t k = 0; k < n; k++) {
                    uint32_t code = next_random(&state) % pools[b] * 0x10001u << 4;
                    uint32_t score = 3 + next_random(&state) % 18 + (next_random(&state) % 2 ? 1000 : 0);
                    cands[k] = (uint64_t)code << 32 | score;
                }
                uint32_t want[SL_COPY_KEYS], n_want = keys_by_sorting(cands, n, want);
                CHECK_INT(sl_sketch_keys_choose(cands, n, &sk), 0);
                CHECK_INT(sk.n_keys, n_want);
                for (uint32_t k = 0; k < n_want && k < sk.n_keys; k++)
                    CHECK_INT(sk.keys[k], want[k]);
            }
    sl_sketch_free(&sk);
    free(cands);
}

TEST(sketch_pack_round_trip)
{
    sketched s = {0};
    sketch_of(&s, WIRE);
    CHECK_INT(sl_sketch_sentences(&s.sketch), 5);   /* the headline and four paragraphs */
    CHECK(s.sketch.n_keys > 0 && s.sketch.n_keys <= SL_COPY_KEYS);
    sl_buf blob = SL_BUF_INIT;
    CHECK_INT(sl_sketch_pack(&s.sketch, &blob), 0);
    sl_sketch back = {0};
    CHECK_INT(sl_sketch_unpack(blob.ptr, blob.len, &back), 0);
    CHECK_INT(back.terms.n, s.sketch.terms.n);
    CHECK_INT(back.starts.n, s.sketch.starts.n);
    CHECK(!memcmp(back.terms.items, s.sketch.terms.items, back.terms.n * sizeof(uint32_t)));
    CHECK(!memcmp(back.starts.items, s.sketch.starts.items, back.starts.n * sizeof(uint32_t)));
    /* a damaged blob is refused, not read past its end */
    CHECK_INT(sl_sketch_unpack(blob.ptr, blob.len - 4, &back), SL_EBADINPUT);
    CHECK_INT(sl_sketch_unpack(blob.ptr, 3, &back), SL_EBADINPUT);
    /* smaller than 4 bytes a number, and than the form of schemas 11 to 20 */
    CHECK(blob.len < 4 * (2 + sl_sketch_sentences(&s.sketch) + s.sketch.terms.n));
    sl_buf first = SL_BUF_INIT;
    CHECK_INT(sl_sketch_pack_first(&s.sketch, &first), 0);
    CHECK(blob.len < first.len);
    CHECK_INT(sl_sketch_unpack_first(first.ptr, first.len, &back), 0);
    CHECK(back.terms.n == s.sketch.terms.n &&
          !memcmp(back.terms.items, s.sketch.terms.items, back.terms.n * sizeof(uint32_t)));
    sl_buf_free(&first);
    const unsigned char unmet[] = {1, 1, 1, 5}; /* the rank of a code not met yet */
    CHECK_INT(sl_sketch_unpack_first(unmet, sizeof unmet, &back), SL_EBADINPUT);
    /* the blob of stores before migration 11: 1 sentence of 2 terms, 7 and 7 */
    const unsigned char u32[] = {1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0};
    CHECK_INT(sl_sketch_unpack_u32(u32, sizeof u32, &back), 0);
    CHECK_INT(back.terms.n, 2);
    CHECK_INT(back.terms.items[1], 7);
    CHECK_INT(sl_sketch_pack_first(&back, &blob), 0);
    const unsigned char packed[] = {1, 2, 2, 0, 7, 0, 0, 0, 1};
    CHECK_INT(blob.len, sizeof packed);
    CHECK(!memcmp(blob.ptr, packed, sizeof packed));
    /* sorted: 1 sentence, 2 terms, 2 codes, k 2, the sentence's 2 terms,
     * then the bits from the lowest: 7 as Rice (quotient 1: "01", low
     * bits "11"), 9 - 7 ("1", "10"), the ranks 0 and 1 in a bit each */
    back.terms.items[1] = 9;
    CHECK_INT(sl_sketch_pack(&back, &blob), 0);
    const unsigned char sorted[] = {1, 2, 2, 2, 2, 14 | 5 << 4, 1};
    CHECK_INT(blob.len, sizeof sorted);
    CHECK(!memcmp(blob.ptr, sorted, sizeof sorted));
    CHECK_INT(sl_sketch_unpack(sorted, sizeof sorted, &back), 0);
    CHECK(back.terms.n == 2 && back.terms.items[0] == 7 && back.terms.items[1] == 9);
    const unsigned char twice[] = {1, 2, 2, 2, 2, 14 | 1 << 4, 1}; /* 7, then 7 again */
    CHECK_INT(sl_sketch_unpack(twice, sizeof twice, &back), SL_EBADINPUT);
    const unsigned char longer[] = {1, 2, 2, 2, 2, 14 | 5 << 4, 1, 0};
    CHECK_INT(sl_sketch_unpack(longer, sizeof longer, &back), SL_EBADINPUT);
    const unsigned char big_k[] = {1, 2, 2, 32, 2, 14 | 5 << 4, 1};
    CHECK_INT(sl_sketch_unpack(big_k, sizeof big_k, &back), SL_EBADINPUT);
    /* the keys travel apart, for the index */
    unsigned char keys[4 * SL_COPY_KEYS];
    size_t len = sl_sketch_keys_pack(&s.sketch, keys);
    uint32_t unpacked[SL_COPY_KEYS];
    CHECK_INT(len, 4 * s.sketch.n_keys);
    CHECK_INT(sl_sketch_keys_unpack(keys, len, unpacked), s.sketch.n_keys);
    CHECK(!memcmp(unpacked, s.sketch.keys, s.sketch.n_keys * sizeof *unpacked));
    CHECK_INT(sl_sketch_keys_unpack(keys, 6, unpacked), 1);   /* a cut blob: whole keys only */
    sl_sketch_free(&back);
    sl_buf_free(&blob);
    sketched_free(&s);
}

/* The sorted form reads back any sketch exactly, whatever its number of
 * sentences, terms and distinct codes (one code repeated, codes far
 * apart or close together, more than 256 terms, a sentence of none), and
 * refuses every blob cut short. */
TEST(sketch_sorted_form_round_trip_any_sketch)
{
    const uint32_t shapes[][3] = {/* sentences, terms each, distinct codes */
        {1, 1, 1}, {3, 40, 1}, {2, 0, 0}, {4, 30, 100}, {12, 128, 700}, {5, 60, 2}, {1, 128, 128}};
    uint64_t seed = 12345;
    sl_sketch sk = {0}, back = {0};
    sl_buf blob = SL_BUF_INIT;
    for (size_t c = 0; c < sizeof shapes / sizeof *shapes; c++) {
        sk.terms.n = sk.starts.n = 0;
        uint32_t pool[700];
        for (uint32_t d = 0; d < shapes[c][2]; d++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            pool[d] = c == 5 ? d : (uint32_t)(seed >> 32); /* case 5: codes 0 and 1 */
        }
        for (uint32_t k = 0; k < shapes[c][0]; k++) {
            CHECK_INT(sl_vec_push(&sk.starts, (uint32_t)sk.terms.n), 0);
            for (uint32_t t = 0; shapes[c][2] && t < shapes[c][1]; t++) {
                seed = seed * 6364136223846793005u + 1442695040888963407u;
                CHECK_INT(sl_vec_push(&sk.terms, pool[(seed >> 33) % shapes[c][2]]), 0);
            }
        }
        CHECK_INT(sl_vec_push(&sk.starts, (uint32_t)sk.terms.n), 0);
        CHECK_INT(sl_sketch_pack(&sk, &blob), 0);
        CHECK_INT(sl_sketch_unpack(blob.ptr, blob.len, &back), 0);
        CHECK(back.terms.n == sk.terms.n && back.starts.n == sk.starts.n);
        CHECK(!sk.terms.n || !memcmp(back.terms.items, sk.terms.items, sk.terms.n * sizeof(uint32_t)));
        CHECK(!memcmp(back.starts.items, sk.starts.items, sk.starts.n * sizeof(uint32_t)));
        for (size_t cut = 0; cut < blob.len; cut++)
            if (sl_sketch_unpack(blob.ptr, cut, &back) != SL_EBADINPUT)
                CHECK(!"a blob cut short reads");
    }
    sl_sketch_free(&sk);
    sl_sketch_free(&back);
    sl_buf_free(&blob);
}

/* From schema 19 the store holds the keys by their ranks among the
 * sketch's codes: a byte a key here, and back the same; a key the
 * sentences lack goes as itself, and a rank past them does not read. */
TEST(sketch_keys_by_rank_round_trip)
{
    sketched s = {0};
    sketch_of(&s, WIRE);
    sl_buf blob = SL_BUF_INIT, ranked = SL_BUF_INIT;
    CHECK_INT(sl_sketch_pack(&s.sketch, &blob), 0);
    CHECK_INT(sl_sketch_keys_rank(s.sketch.keys, s.sketch.n_keys, SL_SKETCH_SORTED, blob.ptr, blob.len, &ranked), 0);
    CHECK_INT(ranked.len, s.sketch.n_keys);
    uint32_t back[SL_COPY_KEYS], n = 0;
    CHECK_INT(sl_sketch_keys_read(ranked.ptr, ranked.len, SL_SKETCH_SORTED, blob.ptr, blob.len, back, &n), 0);
    CHECK_INT(n, s.sketch.n_keys);
    CHECK(!memcmp(back, s.sketch.keys, n * sizeof *back));
    const uint32_t absent[] = {0xABCDEF00u, s.sketch.keys[0]};
    CHECK_INT(sl_sketch_keys_rank(absent, 2, SL_SKETCH_SORTED, blob.ptr, blob.len, &ranked), 0);
    CHECK_INT(ranked.len, 1 + 4 + 1);
    CHECK_INT(sl_sketch_keys_read(ranked.ptr, ranked.len, SL_SKETCH_SORTED, blob.ptr, blob.len, back, &n), 0);
    CHECK_INT(n, 2);
    CHECK_INT(back[0], 0xABCDEF00u);
    CHECK_INT(back[1], s.sketch.keys[0]);
    const unsigned char past[] = {0x7F}; /* rank 127: more codes than the sketch has */
    CHECK_INT(sl_sketch_keys_read(past, 1, SL_SKETCH_SORTED, blob.ptr, 9, back, &n), SL_EBADINPUT);
    CHECK_INT(sl_sketch_keys_read(ranked.ptr, 3, SL_SKETCH_SORTED, blob.ptr, blob.len, back, &n), SL_EBADINPUT);
    /* the form of schemas 11 to 20 ranks the codes in order of first coming */
    CHECK_INT(sl_sketch_pack_first(&s.sketch, &blob), 0);
    CHECK_INT(sl_sketch_keys_rank(s.sketch.keys, s.sketch.n_keys, SL_SKETCH_FIRST_COME, blob.ptr,
                                  blob.len, &ranked), 0);
    CHECK_INT(sl_sketch_keys_read(ranked.ptr, ranked.len, SL_SKETCH_FIRST_COME, blob.ptr, blob.len,
                                  back, &n), 0);
    CHECK(n == s.sketch.n_keys && !memcmp(back, s.sketch.keys, n * sizeof *back));
    sl_buf_free(&ranked);
    sl_buf_free(&blob);
    sketched_free(&s);
}

/* The term of the (last) number in `text`, 0 when none. */
