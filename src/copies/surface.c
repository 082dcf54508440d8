/* surface.c — two sentences compared as written, not as the stem codes a
 * sketch keeps: character n-gram precisions (chrF's counts), BLEU's word
 * n-gram precisions over the words as written, the figures, negations and
 * capitalised words each has, the word counts and the longest common
 * character subsequence. Only the paraphrase decision weighs them
 * (similarity.c), for the one sentence pair `storyline compare` asks it of,
 * whose text the caller has (docs/copies.md "Sentence similarity"). */
#include <string.h>

#include "copies/copies.h"
#include "util/hash.h"

/* Bytes of each sentence read (the rest is ignored): a bound on the work,
 * far above a sentence's length (MSRP's longest is under 250). */
#define SURFACE_BYTES 512
#define CHAR_ORDERS 4          /* character 2- to 5-grams */

/* A sentence as the measures read it: its first bytes lowered (ASCII), and
 * its words (runs of letters, digits, '_' and non-ASCII bytes) as hashes of
 * their lowered bytes, of their bytes as written, and where they start. */
typedef struct written {
    char lower[SURFACE_BYTES];
    size_t len;
    uint32_t words[SL_SKETCH_TERMS], cased[SL_SKETCH_TERMS];
    uint32_t starts[SL_SKETCH_TERMS], lens[SL_SKETCH_TERMS];
    size_t n_words;
} written;

static bool word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 0x80;
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static uint32_t hash32(const char *s, size_t n)
{
    return (uint32_t)sl_hash64(s, n);
}

static void read_written(sl_sentence_text text, written *w)
{
    w->len = text.len < SURFACE_BYTES ? text.len : SURFACE_BYTES;
    for (size_t k = 0; k < w->len; k++)
        w->lower[k] = ascii_lower(text.bytes[k]);
    w->n_words = 0;
    for (size_t k = 0; k < w->len && w->n_words < SL_SKETCH_TERMS;) {
        if (!word_byte((unsigned char)w->lower[k])) {
            k++;
            continue;
        }
        size_t start = k;
        while (k < w->len && word_byte((unsigned char)w->lower[k]))
            k++;
        w->words[w->n_words] = hash32(w->lower + start, k - start);
        w->cased[w->n_words] = hash32(text.bytes + start, k - start);
        w->starts[w->n_words] = (uint32_t)start;
        w->lens[w->n_words++] = (uint32_t)(k - start);
    }
}

/* Clipped precision of a's character n-grams in b and of b's in a, as the
 * lower and the higher (f[0], f[1]). */
static void char_precisions(const written *a, const written *b, size_t order, double f[2])
{
    uint32_t ga[SURFACE_BYTES], gb[SURFACE_BYTES];
    size_t ma = a->len >= order ? a->len - order + 1 : 0, mb = b->len >= order ? b->len - order + 1 : 0;
    for (size_t k = 0; k < ma; k++)
        ga[k] = hash32(a->lower + k, order);
    for (size_t k = 0; k < mb; k++)
        gb[k] = hash32(b->lower + k, order);
    sl_sort_u32(ga, ma);
    sl_sort_u32(gb, mb);
    double shared = (double)sl_clipped_matches(ga, ma, gb, mb);
    double pa = ma ? shared / (double)ma : 0, pb = mb ? shared / (double)mb : 0;
    f[0] = pa < pb ? pa : pb;
    f[1] = pa < pb ? pb : pa;
}

/* The figures of a sentence (a digit and the digits, commas and points
 * after it, trailing points and commas dropped, commas taken out) as
 * sorted distinct hashes; returns how many. */
static size_t figures(const written *w, uint32_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < w->len && n < SL_SKETCH_TERMS;) {
        if (w->lower[k] < '0' || w->lower[k] > '9') {
            k++;
            continue;
        }
        char digits[SURFACE_BYTES];
        size_t nd = 0, end = k;
        while (end < w->len && ((w->lower[end] >= '0' && w->lower[end] <= '9') ||
                                w->lower[end] == ',' || w->lower[end] == '.'))
            end++;
        size_t last = end;
        while (last > k && (w->lower[last - 1] == ',' || w->lower[last - 1] == '.'))
            last--;
        for (size_t i = k; i < last; i++)
            if (w->lower[i] != ',')
                digits[nd++] = w->lower[i];
        out[n++] = hash32(digits, nd);
        k = end;
    }
    return sl_sort_u32_distinct(out, n);
}

/* f[0..3]: the same figures (1 or 0), how many are in one only, their
 * Jaccard (1 when neither has any), and one's figures all in the other. */
static void figure_measures(const written *a, const written *b, double f[4])
{
    uint32_t fa[SL_SKETCH_TERMS], fb[SL_SKETCH_TERMS];
    size_t na = figures(a, fa), nb = figures(b, fb), shared = sl_clipped_matches(fa, na, fb, nb);
    size_t either = na + nb - shared;
    f[0] = shared == na && shared == nb;
    f[1] = (double)(either - shared);
    f[2] = either ? (double)shared / (double)either : 1;
    f[3] = shared == na || shared == nb;
}

static const char *const negations[] = {"not", "no", "never", "nor", "neither", "cannot"};

/* Whether a sentence says no: a negation word, or "n't" (either apostrophe). */
static bool negated(const written *w)
{
    if (memmem(w->lower, w->len, "n't", 3) || memmem(w->lower, w->len, "n\xE2\x80\x99t", 5))
        return true;
    for (size_t i = 0; i < w->n_words; i++)
        for (size_t k = 0; k < sizeof negations / sizeof *negations; k++)
            if (w->lens[i] == strlen(negations[k]) &&
                !memcmp(w->lower + w->starts[i], negations[k], w->lens[i]))
                return true;
    return false;
}

/* A sentence's capitalised words but its first, as written: sorted
 * distinct hashes. */
static size_t capitalised(const sl_sentence_text *text, const written *w, uint32_t *out)
{
    size_t n = 0;
    for (size_t i = 1; i < w->n_words; i++) {
        char c = text->bytes[w->starts[i]];
        if (c >= 'A' && c <= 'Z')
            out[n++] = w->cased[i];
    }
    return sl_sort_u32_distinct(out, n);
}

/* f[0], f[1]: the share of the capitalised words of either that only one
 * has, and whether there is any. */
static void name_measures(const sl_sentence_text *ta, const written *a, const sl_sentence_text *tb,
                          const written *b, double f[2])
{
    uint32_t na[SL_SKETCH_TERMS], nb[SL_SKETCH_TERMS];
    size_t ca = capitalised(ta, a, na), cb = capitalised(tb, b, nb), shared = sl_clipped_matches(na, ca, nb, cb);
    size_t either = ca + cb - shared;
    f[0] = either ? (double)(either - shared) / (double)either : 0;
    f[1] = either > shared;
}

/* The longest common subsequence of the two lowered texts (dynamic
 * programming over one row: SURFACE_BYTES squared steps at most). */
static size_t char_lcs(const written *a, const written *b)
{
    uint16_t row[SURFACE_BYTES + 1] = {0};
    for (size_t i = 0; i < a->len; i++) {
        uint16_t diagonal = 0;
        for (size_t j = 0; j < b->len; j++) {
            uint16_t up = row[j + 1];
            row[j + 1] = a->lower[i] == b->lower[j] ? (uint16_t)(diagonal + 1)
                                                   : (up > row[j] ? up : row[j]);
            diagonal = up;
        }
    }
    return row[b->len];
}

void sl_surface_measure(sl_sentence_text text_a, sl_sentence_text text_b,
                        double f[SL_SURFACE_FEATURES])
{
    written a, b;
    read_written(text_a, &a);
    read_written(text_b, &b);
    double *g = f;
    for (size_t order = 2; order < 2 + CHAR_ORDERS; order++, g += 2)   /* f[0..7] */
        char_precisions(&a, &b, order, g);
    double pa[SL_WORDING_NGRAMS], pb[SL_WORDING_NGRAMS];
    sl_ngram_precisions(a.words, a.n_words, b.words, b.n_words, pa, pb);
    for (int n = 0; n < SL_WORDING_NGRAMS; n++) {                      /* f[8..15] */
        *g++ = pa[n] < pb[n] ? pa[n] : pb[n];
        *g++ = pa[n] < pb[n] ? pb[n] : pa[n];
    }
    figure_measures(&a, &b, g);                                         /* f[16..19] */
    g += 4;
    double shorter = (double)(a.n_words < b.n_words ? a.n_words : b.n_words);
    double longer = (double)(a.n_words < b.n_words ? b.n_words : a.n_words);
    *g++ = (longer - shorter) / 10;                                      /* f[20..23] */
    *g++ = shorter / 10;
    *g++ = longer / 10;
    *g++ = longer > 0 ? (longer - shorter) / longer : 0;
    *g++ = negated(&a) != negated(&b);                                  /* f[24] */
    double lcs = (double)char_lcs(&a, &b);                              /* f[25], f[26] */
    size_t short_len = a.len < b.len ? a.len : b.len, long_len = a.len < b.len ? b.len : a.len;
    *g++ = short_len ? lcs / (double)short_len : 0;
    *g++ = long_len ? lcs / (double)long_len : 0;
    name_measures(&text_a, &a, &text_b, &b, g);                         /* f[27], f[28] */
}
