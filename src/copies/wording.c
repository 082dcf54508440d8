/* wording.c — machine-translation metrics read as paraphrase evidence
 * (Madnani et al. 2012): BLEU's n-gram precisions both ways, a word edit
 * distance, content words matched through WordNet synonyms, the n-gram
 * precisions again with words matched through synonyms, and the longest
 * run of words one sentence adds. Measured
 * on the stem codes a sentence's sketch holds, so they serve stored
 * sketches as well as fresh texts; similarity.c weighs them. */
#include <string.h>

#include "copies/copies.h"

/* The n-grams of a word sequence (stem ids, flags ignored) as sorted codes;
 * returns how many (n - order + 1, or 0). */
static size_t ngrams(const uint32_t *seq, size_t n, size_t order, uint32_t *out)
{
    if (n < order)
        return 0;
    size_t m = n - order + 1;
    for (size_t i = 0; i < m; i++) {
        uint32_t h = 0x811C9DC5u;
        for (size_t k = 0; k < order; k++)
            h = (h ^ SL_TERM_ID(seq[i + k])) * 0x01000193u;
        out[i] = h;
    }
    sl_sort_u32(out, m);
    return m;
}

size_t sl_clipped_matches(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
    size_t i = 0, j = 0, shared = 0;
    while (i < nx && j < ny) {
        uint32_t xi = x[i], yj = y[j];
        shared += xi == yj;
        i += xi <= yj;
        j += yj <= xi;
    }
    return shared;
}

void sl_ngram_precisions(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                         double precision_a[SL_WORDING_NGRAMS], double precision_b[SL_WORDING_NGRAMS])
{
    uint32_t ga[SL_SKETCH_TERMS], gb[SL_SKETCH_TERMS];
    for (size_t order = 1; order <= SL_WORDING_NGRAMS; order++) {
        size_t ma = ngrams(a, na, order, ga), mb = ngrams(b, nb, order, gb);
        double shared = (double)sl_clipped_matches(ga, ma, gb, mb);
        precision_a[order - 1] = ma ? shared / (double)ma : 0;
        precision_b[order - 1] = mb ? shared / (double)mb : 0;
    }
}

/* Levenshtein distance between two word sequences (insert, delete and
 * substitute a word each cost 1), over the longer length: TER without its
 * block shifts. */
static double edit_rate(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t row[SL_SKETCH_TERMS + 1];
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diagonal + (SL_TERM_ID(a[i - 1]) != SL_TERM_ID(b[j - 1]));
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = up;
        }
    }
    size_t longer = na > nb ? na : nb;
    return longer ? (double)row[nb] / (double)longer : 0;
}

/* Whether two sorted id lists share one. */
static bool meet(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
    size_t i = 0, j = 0;
    while (i < nx && j < ny) {
        uint32_t xi = x[i], yj = y[j];
        if (xi == yj)
            return true;
        i += xi < yj;
        j += yj < xi;
    }
    return false;
}

/* Whether two plain terms are WordNet synonyms: the senses of one meet
 * the reach of the other, either way. */
static bool synonyms(uint32_t x, uint32_t y)
{
    const uint32_t *sx, *rx, *sy, *ry;
    size_t nsx = sl_synonyms_senses(x, &sx), nsy = sl_synonyms_senses(y, &sy);
    if (!nsx || !nsy)
        return false;
    size_t nrx = sl_synonyms_reach(x, &rx), nry = sl_synonyms_reach(y, &ry);
    return meet(sx, nsx, ry, nry) || meet(rx, nrx, sy, nsy);
}

/* Whether content term `code` has a synonym among `others`. */
static bool has_synonym(uint32_t code, const uint32_t *others, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (synonyms(code, others[k]))
            return true;
    return false;
}

/* The share of a's content terms that b has, as they are or as a synonym
 * (names and figures only as they are). */
static double kept_with_synonyms(const sl_sentence_view *a, const sl_sentence_view *b)
{
    if (!a->n_content)
        return 0;
    size_t kept = 0, j = 0;
    for (size_t i = 0; i < a->n_content; i++) {
        uint32_t id = SL_TERM_ID(a->content[i]);
        while (j < b->n_content && SL_TERM_ID(b->content[j]) < id)
            j++;
        if (j < b->n_content && SL_TERM_ID(b->content[j]) == id)
            kept++;
        else if (!(a->content[i] & SL_TERM_SPECIFIC))
            kept += has_synonym(a->content[i], b->content, b->n_content);
    }
    return (double)kept / (double)a->n_content;
}

/* Which words of a match which of b: the same stem, or two plain content
 * words that are WordNet synonyms (names, figures and stop words only as
 * they are). */
typedef struct match_grid {
    bool match[SL_SKETCH_TERMS][SL_SKETCH_TERMS];
    size_t na, nb;
} match_grid;

static void grid_build(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, match_grid *g)
{
    g->na = na;
    g->nb = nb;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            g->match[i][j] = SL_TERM_ID(a[i]) == SL_TERM_ID(b[j]) ||
                             (!((a[i] | b[j]) & (SL_TERM_STOP | SL_TERM_SPECIFIC)) && synonyms(a[i], b[j]));
}

/* BLEU's n-gram precisions with words matched through the grid: an n-gram
 * of a matches one of b when each of its words matches the word in the
 * same place; each n-gram of b serves one of a (the first free one, a's
 * taken in order), as BLEU clips. Unlike the words kept with synonyms
 * (one word at a time), a reworded phrase keeps its pairs and triples. */
static void synonym_precisions(const match_grid *g, double precision_a[SL_WORDING_NGRAMS],
                               double precision_b[SL_WORDING_NGRAMS])
{
    for (size_t order = 1; order <= SL_WORDING_NGRAMS; order++) {
        size_t ma = g->na >= order ? g->na - order + 1 : 0, mb = g->nb >= order ? g->nb - order + 1 : 0;
        bool used[SL_SKETCH_TERMS] = {0};
        size_t shared = 0;
        for (size_t i = 0; i < ma; i++)
            for (size_t j = 0; j < mb; j++) {
                size_t k = 0;
                while (k < order && g->match[i + k][j + k])
                    k++;
                if (k == order && !used[j]) {
                    used[j] = true;
                    shared++;
                    break;
                }
            }
        precision_a[order - 1] = ma ? (double)shared / (double)ma : 0;
        precision_b[order - 1] = mb ? (double)shared / (double)mb : 0;
    }
}

/* The longest run of consecutive words of a (by_row) or of b that match
 * no word of the other: a clause one sentence adds. */
static size_t unmatched_run(const match_grid *g, bool by_row)
{
    size_t n = by_row ? g->na : g->nb, m = by_row ? g->nb : g->na;
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        bool matched = false;
        for (size_t j = 0; j < m && !matched; j++)
            matched = by_row ? g->match[i][j] : g->match[j][i];
        run = matched ? 0 : run + 1;
        longest = run > longest ? run : longest;
    }
    return longest;
}

void sl_wording_measure(const sl_sentence_view *a, const sl_sentence_view *b, sl_wording *out)
{
    memset(out, 0, sizeof *out);
    size_t na = a->n_seq < SL_SKETCH_TERMS ? a->n_seq : SL_SKETCH_TERMS;
    size_t nb = b->n_seq < SL_SKETCH_TERMS ? b->n_seq : SL_SKETCH_TERMS;
    sl_ngram_precisions(a->seq, na, b->seq, nb, out->precision_a, out->precision_b);
    out->edit_rate = edit_rate(a->seq, na, b->seq, nb);
    out->synonyms_a = kept_with_synonyms(a, b);
    out->synonyms_b = kept_with_synonyms(b, a);
    static _Thread_local match_grid grid;   /* 16 kB: not on the stack */
    grid_build(a->seq, na, b->seq, nb, &grid);
    synonym_precisions(&grid, out->synonym_precision_a, out->synonym_precision_b);
    out->unmatched_run_a = unmatched_run(&grid, true);
    out->unmatched_run_b = unmatched_run(&grid, false);
}
