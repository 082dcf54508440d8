/* langmodel.c — names the language of a text among those written in its
 * script, from character n-grams: a naive Bayes score over the n-gram lists
 * of libexttextcat's data package (per language, its 400 most frequent
 * n-grams of 1-5 characters, most frequent first), loaded once and
 * case-folded so that capitals read like any text. lang.c asks it when stop
 * words do not decide. Method, accuracy and cost: docs/text.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/langmodel.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/hash.h"

/* Bytes of text scored: a few dozen words tell a language as well as more
 * (accuracy on the bench sample does not move past ~250 bytes), and the
 * cost of a call stays bounded. */
#define SCORE_BYTES 300
#define NGRAM_MAX 5
/* Longer words are cut: their inner n-grams repeat what their first
 * NGRAM_MAX characters said. */
#define WORD_CHARS 24
#define MAX_MODELS 255
#define LINE_MAX_BYTES 256

/* Every code we may answer: textcat's languages (fpdb.conf, region and
 * script suffixes cut, nb/nn as "no"), so that answers are static strings. */
static const char *const codes[] = {
    "ab", "ace", "ada", "af", "ak", "alt", "am", "ar", "arn", "ast", "ay", "az", "ban", "be",
    "bem", "bg", "bho", "bi", "bik", "bm", "bn", "bo", "br", "bs", "ca", "ckb", "cs", "cy",
    "da", "de", "dv", "ee", "el", "emk", "en", "eo", "es", "et", "eu", "fa", "fi", "fj", "fo",
    "fr", "fur", "fy", "ga", "gd", "gl", "grc", "gu", "gug", "gv", "ha", "haw", "he", "hi",
    "hil", "hr", "hsb", "ht", "hu", "hy", "ia", "id", "is", "it", "ja", "ka", "kk", "kl", "km",
    "kn", "kng", "ko", "ktu", "ky", "la", "lb", "lg", "ln", "lo", "lt", "lv", "mai", "mi", "mk",
    "ml", "mn", "mos", "mr", "ms", "mt", "my", "nds", "ne", "nl", "no", "nr", "nso", "ny", "oc",
    "om", "pa", "pl", "plt", "pt", "quz", "qxa", "rm", "ro", "ru", "rue", "rw", "sa", "sc",
    "sco", "sd", "se", "sg", "sh", "shs", "si", "sk", "sl", "so", "sq", "sr", "ss", "st", "sv",
    "sw", "ta", "tet", "tg", "th", "ti", "tk", "tl", "tn", "tpi", "tr", "ts", "tt", "ty", "tzm",
    "ug", "uk", "ur", "uz", "ve", "vep", "vi", "wa", "xh", "yi", "yo", "zh", "zu",
};

const char *const *sl_lang_codes(size_t *n)
{
    *n = sizeof codes / sizeof *codes;
    return codes;
}

/* Most lists give ranks only, so an n-gram's probability is read from its
 * rank as Zipf's law has it, P(rank) ~ 1 / (rank + ZIPF_OFFSET); one not in
 * a list counts half the last one. The offset was chosen on the bench
 * sample (bench/lang_bench.py): 1 to 50 move accuracy by under a point. */
#define ZIPF_OFFSET 10.0
/* The best language must lead the runner-up by this much (natural log:
 * e^5, about 150 to 1), or there is no answer: a wrong language brings a
 * wrong stemmer and stop list, worse than none. On the bench sample, 0 gives
 * 75.2% right and 24.5% wrong; 5 gives 68.8% right and 13.7% wrong, both
 * better than textcat's 60.0% and 19.3%, and holds GoogleNews NMI (headlines
 * without stop words: 0.8157 at 0, 0.8237 at 5, 0.8217 with textcat). */
#define MIN_MARGIN 5.0
#define LIST_LEN 400.0

/* One n-gram of one language's list. */
typedef struct entry {
    uint64_t key; /* sl_hash64 of the folded n-gram, then its key_of */
    uint16_t rank, model;
} entry;

typedef struct posting {
    uint16_t model; /* its place among the models of its script (sl_langmodel.local) */
    /* log of P(n-gram | language) / P(an n-gram not listed), rounded to a
     * float as it always was and kept as that float's double, so that the
     * scoring loop adds it without a conversion (the same sums). */
    double weight;
} posting;

/* An n-gram listed by at least this share of its script's languages (the
 * letters, "_t", "e_") is scored from a dense row, a weight for each
 * language of the script (0 where it is not listed), added four at a time:
 * cheaper than its scattered postings. On the first 3,000 Reuters texts
 * that reach the model, n-grams so common carry about 90% of the postings
 * read. Adding 0 leaves a score as it was (scores are sums of positive
 * weights), so the scores are the same sums in the same order. */
#define DENSE_SHARE 0.5
#define NO_ROW UINT32_MAX
#define ROW_STEP 4

typedef struct slot {
    uint64_t key; /* 0: empty */
    uint32_t first, n; /* postings[first, first + n) */
    uint32_t row;      /* its dense row: rows[row, row + script_models rounded up to ROW_STEP); NO_ROW */
} slot;

struct sl_langmodel {
    size_t n_models;
    const char *code[MAX_MODELS];
    uint8_t script[MAX_MODELS];
    uint16_t local[MAX_MODELS];            /* a model's place among its script's */
    uint16_t script_models[SL_SCRIPT_COUNT]; /* the models of each script */
    slot *slots;
    size_t mask;
    posting *postings;
    double *rows;
};

typedef SL_VEC(entry) entry_vec;

static const char *intern(const char *code, size_t len)
{
    size_t lo = 0, hi = sizeof codes / sizeof *codes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t clen = strlen(codes[mid]);
        int c = memcmp(code, codes[mid], len < clen ? len : clen);
        if (!c)
            c = len < clen ? -1 : len > clen;
        if (!c)
            return codes[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* fpdb.conf's name of a model ("nb--utf8", "sr-Latn-utf8") as our code. */
static const char *code_of(const char *name)
{
    size_t n = strcspn(name, "-");
    if (n == 2 && name[0] == 'n' && (name[1] == 'b' || name[1] == 'n'))
        return "no";
    return intern(name, n);
}

/* The table's key of an n-gram in the lists of one script: each n-gram is
 * filed once per script, with the postings of that script's languages
 * only, so that a lookup reads no posting the text's script rules out
 * (Latin text met the postings of every script's "a" and "_"). */
static uint64_t key_of(uint64_t ngram_hash, uint8_t script)
{
    uint64_t key = ngram_hash ^ (uint64_t)(script + 1) * 0x9E3779B97F4A7C15u;
    return key ? key : 1;
}

/* Folds one list line's n-gram ("_Th", "e_") into out; false for n-grams
 * with other characters than letters and '_' (textcat counted punctuation
 * in a few lists; our text never yields it). Votes for the model's script. */
static bool fold_ngram(const char *s, size_t len, char *out, size_t *out_len, uint32_t *votes)
{
    size_t i = 0, n = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && c != '_') { /* most lists are ASCII: the same steps without utf8proc */
            if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || n + 4 > LINE_MAX_BYTES)
                return false;
            votes[SL_SCRIPT_LATIN]++;
            out[n++] = (char)(c | 0x20);
            i++;
            continue;
        }
        int32_t cp = sl_utf8_next(s, len, &i);
        if (cp != '_' && !sl_letter_cp(cp))
            return false;
        if (cp != '_') {
            votes[sl_script_of(cp)]++;
            cp = utf8proc_tolower(cp);
        }
        if (n + 4 > LINE_MAX_BYTES)
            return false;
        n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + n);
    }
    *out_len = n;
    return n > 0;
}

/* Reads one .lm file ("n-gram[<TAB>count]" lines, most frequent first)
 * into entries of model `model`. */
static int load_list(sl_langmodel *m, const char *path, uint16_t model, entry_vec *entries)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return SL_EIO;
    char line[LINE_MAX_BYTES], folded[LINE_MAX_BYTES];
    uint32_t votes[SL_SCRIPT_COUNT] = {0};
    uint16_t rank = 0;
    size_t first = entries->n;
    int rc = 0;
    while (!rc && rank < UINT16_MAX && fgets_unlocked(line, sizeof line, f)) {
        size_t len = strcspn(line, "\t \r\n"), flen;
        if (!fold_ngram(line, len, folded, &flen, votes))
            continue;
        entry e = {sl_hash64(folded, flen), rank++, model};
        rc = sl_vec_push(entries, e) ? SL_ENOMEM : 0;
    }
    fclose(f);
    uint8_t script = SL_SCRIPT_LATIN;
    for (int k = 0; k < SL_SCRIPT_COUNT; k++)
        if (votes[k] > votes[script])
            script = (uint8_t)k;
    m->script[model] = script;
    for (size_t k = first; k < entries->n; k++)
        entries->items[k].key = key_of(entries->items[k].key, script);
    return rc;
}

/* The odds of a listed n-gram against an unlisted one, from its rank. */
static double odds(uint16_t rank)
{
    return 2.0 * (LIST_LEN + ZIPF_OFFSET) / (rank + ZIPF_OFFSET);
}

/* log(odds(rank)) rounded to a float, as a posting keeps it: a table for
 * the ranks a list of LIST_LEN lines gives, built once per load (every
 * list asks the same ~400 ranks: 59,000 log calls were 7% of the load). */
#define RANK_WEIGHTS 512
typedef struct rank_weights {
    double w[RANK_WEIGHTS];
} rank_weights;

static void rank_weights_init(rank_weights *t)
{
    for (uint16_t r = 0; r < RANK_WEIGHTS; r++)
        t->w[r] = (double)(float)log(odds(r));
}

static double weight_of(const rank_weights *t, uint16_t rank)
{
    return rank < RANK_WEIGHTS ? t->w[rank] : (double)(float)log(odds(rank));
}

/* The slot of `key`, claimed if new. The table has room: twice the entries. */
static slot *slot_of(sl_langmodel *m, uint64_t key)
{
    size_t at = key & m->mask;
    while (m->slots[at].key && m->slots[at].key != key)
        at = (at + 1) & m->mask;
    m->slots[at].key = key;
    return &m->slots[at];
}

/* Each model's place among its script's models; the dense rows of the
 * n-grams most languages of a script list; then the postings' models as
 * those places, as the scores are kept per script. */
static int make_rows(sl_langmodel *m)
{
    for (size_t k = 0; k < m->n_models; k++)
        m->local[k] = m->script_models[m->script[k]]++;
    size_t need = 0;
    for (size_t k = 0; k <= m->mask; k++) {
        slot *s = &m->slots[k];
        s->row = NO_ROW;
        uint16_t models = s->n ? m->script_models[m->script[m->postings[s->first].model]] : 0;
        if (s->n && s->n >= DENSE_SHARE * models) {
            s->row = (uint32_t)need;
            need += (models + ROW_STEP - 1u) / ROW_STEP * ROW_STEP;
        }
    }
    m->rows = sl_calloc(need ? need : 1, sizeof *m->rows);
    if (!m->rows)
        return SL_ENOMEM;
    for (size_t k = 0; k <= m->mask; k++) {
        slot *s = &m->slots[k];
        for (uint32_t j = 0; j < s->n; j++) {
            posting *p = &m->postings[s->first + j];
            p->model = m->local[p->model];
            if (s->row != NO_ROW)
                m->rows[s->row + p->model] = p->weight;
        }
    }
    return 0;
}

/* The entries into the hash table of postings, in two passes (count, then
 * place), so that each n-gram's postings lie together without a sort. */
static int index_entries(sl_langmodel *m, const entry_vec *entries)
{
    size_t size = 64;
    while (size < 2 * entries->n)
        size *= 2;
    m->mask = size - 1;
    m->slots = sl_calloc(size, sizeof *m->slots);
    m->postings = sl_malloc((entries->n ? entries->n : 1) * sizeof *m->postings);
    if (!m->slots || !m->postings)
        return SL_ENOMEM;
    for (size_t k = 0; k < entries->n; k++)
        slot_of(m, entries->items[k].key)->n++;
    rank_weights weights;
    rank_weights_init(&weights);
    uint32_t first = 0;
    for (size_t k = 0; k < size; k++) {
        m->slots[k].first = first;
        first += m->slots[k].n;
        m->slots[k].n = 0;
    }
    for (size_t k = 0; k < entries->n; k++) {
        const entry *e = &entries->items[k];
        slot *s = slot_of(m, e->key);
        posting *last = s->n ? &m->postings[s->first + s->n - 1] : NULL;
        if (last && last->model == e->model) /* "S" and "s" fold together */
            last->weight = (float)log(exp(last->weight) + odds(e->rank));
        else
            m->postings[s->first + s->n++] = (posting){e->model, weight_of(&weights, e->rank)};
    }
    return make_rows(m);
}

int sl_langmodel_load(const char *dir, sl_langmodel **out)
{
    *out = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/fpdb.conf", dir);
    FILE *conf = fopen(path, "r");
    if (!conf)
        return SL_EIO;
    sl_langmodel *m = sl_calloc(1, sizeof *m);
    entry_vec entries = {0};
    int rc = m ? 0 : SL_ENOMEM;
    char line[LINE_MAX_BYTES];
    while (!rc && m->n_models < MAX_MODELS && fgets(line, sizeof line, conf)) {
        char file[128], name[128];
        if (line[0] == '#' || sscanf(line, "%127s %127s", file, name) != 2)
            continue;
        const char *code = code_of(name);
        snprintf(path, sizeof path, "%s/%s", dir, file);
        size_t before = entries.n;
        uint16_t model = (uint16_t)m->n_models;
        if (!code)
            continue; /* a list we cannot name is left out */
        rc = load_list(m, path, model, &entries);
        if (rc == SL_EIO) {
            entries.n = before; /* nor one we cannot read */
            rc = 0;
            continue;
        }
        m->code[m->n_models++] = code;
    }
    fclose(conf);
    if (!rc)
        rc = index_entries(m, &entries);
    sl_vec_free(&entries);
    if (rc) {
        sl_langmodel_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void sl_langmodel_free(sl_langmodel *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m->postings);
    free(m->rows);
    free(m);
}

static const slot *lookup(const sl_langmodel *m, const char *s, size_t len, sl_script script)
{
    uint64_t key = key_of(sl_hash64(s, len), (uint8_t)script);
    for (size_t at = key & m->mask; m->slots[at].key; at = (at + 1) & m->mask)
        if (m->slots[at].key == key)
            return &m->slots[at];
    return NULL;
}

/* Adds a dense row to the scores of a script's `models`, four at a time
 * (the compiler pairs them into vector adds); rows are padded to four. */
static void add_row(double *restrict score, const double *restrict row, size_t models)
{
    for (const double *end = row + models; row < end; row += ROW_STEP, score += ROW_STEP) {
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
            const slot *s = lookup(m, word + at[i], at[i + n] - at[i], script);
            if (!s)
                continue;
            if (s->row != NO_ROW) {
                add_row(score, m->rows + s->row, m->script_models[script]);
                continue;
            }
            for (const posting *p = m->postings + s->first, *end = p + s->n; p < end; p++)
                score[p->model] += p->weight;
        }
    }
}

const char *sl_langmodel_best(const sl_langmodel *m, const char *text, size_t len, sl_script script)
{
    if (len > SCORE_BYTES) {
        len = SCORE_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* cut on a character boundary */
    }
    double score[MAX_MODELS + ROW_STEP] = {0}; /* by place among the script's models, and a row's pad */
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
            best = m->code[k], best_score = sk;
        } else if (sk > second) {
            second = sk;
        }
    }
    return best_score - second >= MIN_MARGIN ? best : NULL;
}

bool sl_langmodel_writes(const sl_langmodel *m, const char *code, sl_script script)
{
    for (size_t k = 0; k < m->n_models; k++)
        if (m->script[k] == script && !strcmp(m->code[k], code))
            return true;
    return false;
}
