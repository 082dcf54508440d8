/* langmodel.c — names the language of a text among those written in its
 * script, from character n-grams: a naive Bayes score over the n-gram lists
 * of libexttextcat's data package (per language, its 400 most frequent
 * n-grams of 1-5 characters, most frequent first), case-folded so that
 * capitals read like any text, and made into a read-only table at build
 * time (scripts/langmodel_table.c, src/text/langmodel_table.h). lang.c asks
 * it when stop words do not decide. Method, accuracy and cost: docs/text.md. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/langmodel_table.h"
#include "text/text.h"
#include "util/hash.h"

/* Bytes of text scored: a few dozen words tell a language as well as more
 * (accuracy on the bench sample does not move past ~250 bytes), and the
 * cost of a call stays bounded. */
#define SCORE_BYTES 300
#define NGRAM_MAX 5
/* Longer words are cut: their inner n-grams repeat what their first
 * NGRAM_MAX characters said. */
#define WORD_CHARS 24

/* The best language must lead the runner-up by this much (natural log:
 * e^5, about 150 to 1), or there is no answer: a wrong language brings a
 * wrong stemmer and stop list, worse than none. On the bench sample, 0 gives
 * 75.2% right and 24.5% wrong; 5 gives 68.8% right and 13.7% wrong, both
 * better than textcat's 60.0% and 19.3%, and holds GoogleNews NMI (headlines
 * without stop words: 0.8157 at 0, 0.8237 at 5, 0.8217 with textcat). */
#define MIN_MARGIN 5.0

/* A model's language, as the static string sl_lang_codes holds. */
static const char *code_name(const sl_langmodel *m, size_t k)
{
    size_t n;
    return sl_lang_codes(&n)[m->code[k]];
}

static const sl_lm_slot *lookup(const sl_langmodel *m, const char *s, size_t len, sl_script script)
{
    uint64_t key = sl_lm_key(sl_hash64(s, len), (uint8_t)script);
    for (size_t at = key & m->mask; m->slots[at].key; at = (at + 1) & m->mask)
        if (m->slots[at].key == key)
            return &m->slots[at];
    return NULL;
}

/* Adds a dense row to the scores of a script's `models`, four at a time
 * (the compiler pairs them into vector adds); rows are padded to four. */
static void add_row(double *restrict score, const double *restrict row, size_t models)
{
    for (const double *end = row + models; row < end; row += SL_LM_ROW_STEP, score += SL_LM_ROW_STEP) {
        score[0] += row[0];
        score[1] += row[1];
        score[2] += row[2];
        score[3] += row[3];
    }
}

/* Adds the n-grams of one padded word "_word_" (byte offsets of its
 * characters in `at`, `chars` + 1 of them) to the scores of the script's
 * models (by their place among them). */
static void score_word(const sl_langmodel *m, const char *word, const size_t *at, size_t chars,
                       sl_script script, double *score)
{
    for (size_t i = 0; i < chars; i++) {
        for (size_t n = 1; n <= NGRAM_MAX && i + n <= chars; n++) {
            const sl_lm_slot *s = lookup(m, word + at[i], at[i + n] - at[i], script);
            if (!s)
                continue;
            if (s->row != SL_LM_NO_ROW) {
                add_row(score, m->rows + s->row, m->script_models[script]);
                continue;
            }
            for (const sl_lm_posting *p = m->postings + s->first, *end = p + s->n; p < end; p++)
                score[p->model] += p->weight;
        }
    }
}

const char *sl_langmodel_best(const sl_langmodel *m, const char *text, size_t len, sl_script script)
{
    len = sl_utf8_cut(text, len, SCORE_BYTES);
    double score[SL_LM_MAX_MODELS + SL_LM_ROW_STEP] = {0}; /* by place among the script's models, and a row's pad */
    char word[4 * (WORD_CHARS + 2)];
    size_t at[WORD_CHARS + 3];
    size_t chars = 0, i = 0;
    while (i <= len) {
        int32_t cp = i < len ? sl_utf8_next(text, len, &i) : (i++, ' ');
        if (sl_letter_cp(cp)) {
            if (!chars)
                word[0] = '_', at[0] = 0, at[1] = 1, chars = 1;
            if (chars <= WORD_CHARS) {
                size_t n = (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
                                                        (utf8proc_uint8_t *)word + at[chars]);
                at[chars + 1] = at[chars] + n;
                chars++;
            }
        } else if (chars) {
            word[at[chars]] = '_';
            at[chars + 1] = at[chars] + 1;
            score_word(m, word, at, chars + 1, script, score);
            chars = 0;
        }
    }
    const char *best = NULL;
    double best_score = 0, second = 0;
    for (size_t k = 0; k < m->n_models; k++) {
        if (m->script[k] != script)
            continue;
        double sk = score[m->local[k]];
        if (sk <= 0)
            continue;
        if (!best || sk > best_score) {
            second = best_score;
            best = code_name(m, k), best_score = sk;
        } else if (sk > second) {
            second = sk;
        }
    }
    return best_score - second >= MIN_MARGIN ? best : NULL;
}

bool sl_langmodel_writes(const sl_langmodel *m, const char *code, sl_script script)
{
    for (size_t k = 0; k < m->n_models; k++)
        if (m->script[k] == script && !strcmp(code_name(m, k), code))
            return true;
    return false;
}
