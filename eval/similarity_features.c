/* similarity_features.c — prints the sentence-similarity features of text
 * pairs, for fitting the model in src/copies/similarity.c
 * (eval/fit_similarity.py builds and runs it; not part of the library).
 *
 *   build/similarity-features < pairs.tsv     # LABEL \t A \t B per line
 *   -> LABEL f1 ... f6 per line
 *
 * Each text is read as one sentence: its content terms in order, the way
 * the copies stage sketches a sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "text/text.h"

typedef struct sentence {
    uint32_t seq[SL_SKETCH_TERMS * 4], set[SL_SKETCH_TERMS * 4];
    size_t n;
    size_t n_set;
} sentence;

static int read_sentence(sl_analyzer *an, sl_analysis *analysis, sl_sketch *sk, sl_buf *norm,
                         const char *text, sentence *out)
{
    sl_buf_clear(norm);
    if (sl_text_normalize(text, strlen(text), norm) ||
        sl_analyze(an, sl_buf_cstr(norm), norm->len, analysis) ||
        sl_sketch_build(analysis, sl_buf_cstr(norm), sk))
        return -1;
    out->n = sk->terms.n < sizeof out->seq / sizeof *out->seq ? sk->terms.n
                                                               : sizeof out->seq / sizeof *out->seq;
    memcpy(out->seq, sk->terms.items, out->n * sizeof *out->seq);
    memcpy(out->set, out->seq, out->n * sizeof *out->seq);
    out->n_set = sl_terms_distinct(out->set, out->n);
    return 0;
}

int main(void)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_analysis analysis = {0};
    sl_sketch sk = {0};
    sl_buf norm = SL_BUF_INIT;
    static sentence a, b;
    char *line = NULL;
    size_t cap = 0;
    while (an && getline(&line, &cap, stdin) > 0) {
        line[strcspn(line, "\n")] = 0;
        char *ta = strchr(line, '\t'), *tb = ta ? strchr(ta + 1, '\t') : NULL;
        if (!tb)
            continue;
        *ta++ = 0;
        *tb++ = 0;
        if (read_sentence(an, &analysis, &sk, &norm, ta, &a) ||
            read_sentence(an, &analysis, &sk, &norm, tb, &b))
            return 1;
        sl_sentence_view va = {a.set, a.n_set, a.seq, a.n}, vb = {b.set, b.n_set, b.seq, b.n};
        double f[SL_SIMILARITY_FEATURES];
        sl_sentence_features(&va, &vb, f);
        printf("%s", line);
        for (int k = 0; k < SL_SIMILARITY_FEATURES; k++)
            printf(" %.6f", f[k]);
        printf("\n");
    }
    free(line);
    sl_buf_free(&norm);
    sl_sketch_free(&sk);
    sl_analysis_free(&analysis);
    sl_analyzer_free(an);
    return 0;
}
