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
    uint64_t key = sl_lm_key(sl_lm_hash(s, len), (uint8_t)script);
    for (size_t at = key & m->mask; m->slots[at].key; at = (at + 1) & m->mask)
        if (m->slots[at].key == key)
            return &m->slots[at];
    return NULL;
}

/* The dense rows a text met and how often each: a row is added once, times
 * its count, when the text is read. This gives the very doubles that adding
 * it at each n-gram gave: every weight is a float of [2^-1, 2^4) (the test
 * langmodel_weights_sum_exactly checks the table), so a multiple of 2^-24,
 * and a sum of fewer than 2^25 of them, or a count times one, is a multiple
 * of 2^-24 below 2^29, which a double holds exactly: no add rounds, and the
 * order of the adds cannot change a bit. A text has at most a few thousand
 * n-grams (SCORE_BYTES). */
typedef struct tally {
    uint16_t count[SL_LM_MAX_DENSE]; /* by the row's place among its script's dense rows */
    const sl_lm_slot *met[SL_LM_MAX_DENSE];
    size_t n_met;
} tally;

_Static_assert(2 * (SCORE_BYTES + 1) * NGRAM_MAX < UINT16_MAX, "a dense row's count fits its tally");

static void tally_row(tally *t, const sl_lm_slot *s)
{
    if (!t->count[s->dense]++)
        t->met[t->n_met++] = s;
}

/* Adds `times` a dense row to the scores of a script's `models`, four at a
 * time (the compiler pairs them into vector operations); rows are padded to
 * four. */
static void add_row(double *restrict score, const double *restrict row, size_t models, double times)
{
    for (const double *end = row + models; row < end; row += SL_LM_ROW_STEP, score += SL_LM_ROW_STEP) {
        score[0] += times * row[0];
        score[1] += times * row[1];
        score[2] += times * row[2];
        score[3] += times * row[3];
    }
}

/* Adds the n-grams of one padded word "_word_" (byte offsets of its
 * characters in `at`, `chars` + 1 of them) to the scores of the script's
 * models (by their place among them), its dense rows to the tally. */
static void score_word(const sl_langmodel *m, const char *word, const size_t *at, size_t chars,
                       sl_script script, double *score, tally *t)
{
    for (size_t i = 0; i < chars; i++) {
        for (size_t n = 1; n <= NGRAM_MAX && i + n <= chars; n++) {
            const sl_lm_slot *s = lookup(m, word + at[i], at[i + n] - at[i], script);
            if (!s)
                break;   /* the table files every prefix of its n-grams: none goes on from here */
            if (s->row != SL_LM_NO_ROW) {
                tally_row(t, s);
                continue;
            }
            for (const sl_lm_posting *p = m->postings + s->first, *end = p + s->n; p < end; p++)
                score[p->model] += p->weight;
        }
    }
}

void sl_langmodel_scores(const sl_langmodel *m, const char *text, size_t len, sl_script script, double *score)
{
    len = sl_utf8_cut(text, len, SCORE_BYTES);
    tally t;
    memset(t.count, 0, sizeof t.count);
    t.n_met = 0;
    char word[4 * (WORD_CHARS + 2)];
    size_t at[WORD_CHARS + 3];
    size_t chars = 0, i = 0;
    while (i <= len) {
        unsigned char c = i < len ? (unsigned char)text[i] : ' ';
        bool ascii = c < 0x80;   /* ASCII: the same steps without the calls */
        int32_t cp = ascii ? (i++, c) : sl_utf8_next(text, len, &i);
        if (ascii ? sl_ascii_letter((char)c) : sl_letter_cp(cp)) {
            if (!chars)
                word[0] = '_', at[0] = 0, at[1] = 1, chars = 1;
            if (chars <= WORD_CHARS) {
                size_t n = ascii ? (word[at[chars]] = (char)(c | 0x20), 1)
                                 : (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
                                                                (utf8proc_uint8_t *)word + at[chars]);
                at[chars + 1] = at[chars] + n;
                chars++;
            }
        } else if (chars) {
            word[at[chars]] = '_';
            at[chars + 1] = at[chars] + 1;
            score_word(m, word, at, chars + 1, script, score, &t);
            chars = 0;
        }
    }
    for (size_t k = 0; k < t.n_met; k++)
        add_row(score, m->rows + t.met[k]->row, m->script_models[script], t.count[t.met[k]->dense]);
}

const char *sl_langmodel_best(const sl_langmodel *m, const char *text, size_t len, sl_script script)
{
    double score[SL_LM_SCORES] = {0};
    sl_langmodel_scores(m, text, len, script, score);
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
