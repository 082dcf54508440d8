/* similarity_features.c — prints the sentence-similarity features of text
 * pairs, for fitting the model in src/copies/similarity.c
 * (eval/fit_similarity.py builds and runs it; not part of the library).
 *
 *   build/similarity-features < pairs.tsv     # LABEL \t A \t B per line
 *   -> LABEL f1 ... f6 per line
 *
 * Each text is read as one sentence: its words in order, the way the copies
 * stage sketches a sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "text/text.h"

/* A text sketched as one sentence: all its words, sentence by sentence, in
 * one list. */
static int read_sentence(sl_analyzer *an, sl_analysis *analysis, sl_sketch *sk, sl_buf *norm,
                         const char *text, sl_sketch *out)
{
    sl_buf_clear(norm);
    if (sl_text_normalize(text, strlen(text), norm) ||
        sl_analyze(an, sl_buf_cstr(norm), norm->len, analysis) ||
        sl_sketch_build(analysis, sl_buf_cstr(norm), sk))
        return -1;
    out->terms.n = out->starts.n = 0;
    size_t n = sk->terms.n < SL_SKETCH_TERMS ? sk->terms.n : SL_SKETCH_TERMS;
    if (sl_vec_reserve(&out->terms, n + 1) || sl_vec_reserve(&out->starts, 2))
        return -1;
    memcpy(out->terms.items, sk->terms.items, n * sizeof *out->terms.items);
    out->terms.n = n;
    out->starts.items[0] = 0;
    out->starts.items[1] = (uint32_t)n;
    out->starts.n = 2;
    return 0;
}

int main(void)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_analysis analysis = {0};
    sl_sketch sk = {0}, a = {0}, b = {0};
    sl_sentence_sets sa = {0}, sb = {0};
    sl_buf norm = SL_BUF_INIT;
    char *line = NULL;
    size_t cap = 0;
    int rc = an ? 0 : 1;
    while (!rc && getline(&line, &cap, stdin) > 0) {
        line[strcspn(line, "\n")] = 0;
        char *ta = strchr(line, '\t'), *tb = ta ? strchr(ta + 1, '\t') : NULL;
        if (!tb)
            continue;
        *ta++ = 0;
        *tb++ = 0;
        if (read_sentence(an, &analysis, &sk, &norm, ta, &a) ||
            read_sentence(an, &analysis, &sk, &norm, tb, &b) || sl_sentence_sets_build(&a, &sa) ||
            sl_sentence_sets_build(&b, &sb)) {
            rc = 1;
            break;
        }
        sl_sentence_view va = sl_sentence_sets_view(&sa, 0), vb = sl_sentence_sets_view(&sb, 0);
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
    sl_sketch_free(&a);
    sl_sketch_free(&b);
    sl_sentence_sets_free(&sa);
    sl_sentence_sets_free(&sb);
    sl_analysis_free(&analysis);
    sl_analyzer_free(an);
    return rc;
}
