/* test_text_langmodel.c — unit tests of language detection's fast paths
 * (2026-12-06, branch text4): the n-gram model's scores against their plain
 * definition, a sum of each listed n-gram's weights one n-gram at a time in
 * the order of the text, and the premise that lets langmodel.c add them in
 * another order (every weight a float of [2^-1, 2^4), so that no sum
 * rounds); the stop-word profile's early stop against its rule. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "test.h"
#include "text/langmodel_table.h"
#include "text/text.h"

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

/* A weight no sum of a few thousand rounds: 0 (a dense row's model that does
 * not list the n-gram), or a float of [2^-1, 2^4). */
static bool sums_exactly(double w)
{
    return w == 0 || (w == (double)(float)w && w >= 0.5 && w < 16.0);
}

TEST(langmodel_weights_sum_exactly)
{
    const sl_langmodel *m = &sl_langmodel_table;
    size_t postings = 0, rows = 0;
    for (size_t k = 0; k <= m->mask; k++) {
        const sl_lm_slot *s = &m->slots[k];
        if (!s->key)
            continue;
        for (uint32_t j = 0; j < s->n; j++, postings++)
            CHECK(sums_exactly(m->postings[s->first + j].weight) && m->postings[s->first + j].weight > 0);
        if (s->row == SL_LM_NO_ROW)
            continue;
        CHECK(s->dense < SL_LM_MAX_DENSE);
        for (uint32_t j = 0; j < s->n; j++, rows++) /* a row is its postings' weights, 0 elsewhere */
            CHECK(m->rows[s->row + m->postings[s->first + j].model] == m->postings[s->first + j].weight);
    }
    CHECK(postings > 10000);
    CHECK(rows > 1000);
}

/* The plain definition: each n-gram of 1-5 characters of each padded word
 * "_word_", in the order of the text, adds the weight of each of its
 * postings. `chars` holds the byte offsets of the word's characters. */
static void add_ngrams(const char *word, const size_t *at, size_t chars, sl_script script, double *score)
{
    const sl_langmodel *m = &sl_langmodel_table;
    for (size_t i = 0; i < chars; i++)
        for (size_t n = 1; n <= 5 && i + n <= chars; n++) {
            uint64_t key = sl_lm_key(sl_lm_hash(word + at[i], at[i + n] - at[i]), (uint8_t)script);
            size_t slot = key & m->mask;
            while (m->slots[slot].key && m->slots[slot].key != key)
                slot = (slot + 1) & m->mask;
            const sl_lm_slot *s = &m->slots[slot];
            for (uint32_t j = 0; s->key && j < s->n; j++)
                score[m->postings[s->first + j].model] += m->postings[s->first + j].weight;
        }
}

/* A text of words drawn from `letters` (lower-case characters, one UTF-8
 * string each; an ASCII one written as a capital one time in four), between
 * ASCII bytes that are not letters, each word scored by the plain definition
 * as it is written. Words are kept under the model's 24 characters, the text under
 * its 300 bytes, so that neither is cut. */
static size_t write_text(char *text, size_t cap, const char *const *letters, size_t n_letters, sl_script script,
                         uint32_t *state, double *score)
{
    size_t len = 0;
    while (len + 8 * 4 + 1 < cap) {
        char word[64];
        size_t at[16], chars = 1, wlen = 1, size = 1 + next_random(state) % 7;
        word[0] = '_', at[0] = 0, at[1] = 1;
        for (size_t c = 0; c < size; c++) { /* few letters, so that n-grams repeat as in text */
            const char *letter = letters[next_random(state) % n_letters];
            memcpy(word + wlen, letter, strlen(letter));
            wlen += strlen(letter);
            at[++chars] = wlen;
        }
        word[wlen] = '_';
        at[chars + 1] = wlen + 1;
        add_ngrams(word, at, chars + 1, script, score);
        memcpy(text + len, word + 1, wlen - 1);
        for (size_t k = len; k < len + wlen - 1; k++)   /* capitals read as small letters */
            if (text[k] >= 'a' && text[k] <= 'z' && next_random(state) % 4 == 0)
                text[k] = (char)(text[k] - 'a' + 'A');
        len += wlen - 1;
        text[len++] = " ,1-'.@\n"[next_random(state) % 8];
    }
    return len;
}

TEST(langmodel_scores_are_the_ngram_by_ngram_sums)
{
    static const char *const latin[] = {"e", "t", "a", "o", "n", "i", "s", "r", "h", "d", "l", "u",
                                        "c", "m", "w", "y", "g", "p", "é", "ü", "ß", "ñ", "k", "z"};
    static const char *const cyrillic[] = {"о", "е", "а", "и", "н", "т", "с", "р", "в", "л", "к", "м",
                                           "д", "п", "у", "я"};
    const sl_langmodel *m = &sl_langmodel_table;
    uint32_t state = 3;
    for (int round = 0; round < 400; round++) {
        bool cyr = round % 4 == 3;
        sl_script script = cyr ? SL_SCRIPT_CYRILLIC : SL_SCRIPT_LATIN;
        char text[300];
        double want[SL_LM_SCORES] = {0}, got[SL_LM_SCORES] = {0};
        size_t len = cyr ? write_text(text, sizeof text, cyrillic, 16, script, &state, want)
                         : write_text(text, sizeof text, latin, 24, script, &state, want);
        sl_langmodel_scores(m, text, len, script, got);
        CHECK(!memcmp(want, got, m->script_models[script] * sizeof *got));
    }
}

/* The stop-word profile reads 100 words: with `english` words of English
 * stop words first, then French ones, it answers English from 60 on (60
 * hits, 1.5 times 40) and French up to 40, wherever its scan stops; more
 * words past the hundredth, ASCII or not, change nothing. The scan may stop
 * early only where no later word can change that (lang.c, profile_settled). */
TEST(lang_profile_stops_only_when_settled)
{
    static const char *const en[] = {"the ", "and ", "which "}, *const fr[] = {"avec ", "dans ", "une "};
    static const char *const tails[] = {"avec dans une ", "\xC3\xA9t\xC3\xA9 avec "};
    sl_langid *id = sl_langid_new();
    CHECK(id != NULL);
    for (int english = 0; id && english <= 100; english++) {
        if (english > 40 && english < 60)
            continue;   /* the n-gram model's to answer */
        for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
            char text[2048];
            size_t len = 0;
            for (int k = 0; k < 100; k++) {
                const char *w = k < english ? en[k % 3] : fr[k % 3];
                memcpy(text + len, w, strlen(w));
                len += strlen(w);
            }
            for (int k = 0; k < 10; k++) {
                memcpy(text + len, tails[t], strlen(tails[t]));
                len += strlen(tails[t]);
            }
            CHECK_STR(sl_lang_detect(id, text, len), english >= 60 ? "en" : "fr");
        }
    }
    sl_langid_free(id);
}
