/* similarity_features.c — prints the features the copies stage's two
 * models weigh, for fitting them (not part of the library):
 *
 *   build/similarity-features < pairs.tsv     # LABEL \t A \t B per line
 *   -> LABEL f1 ... fn per line: the sentence-similarity features of
 *      src/copies/similarity.c (eval/fit_similarity.py). Each text is read
 *      as one sentence: its words in order, as the copies stage sketches one.
 *
 *   build/similarity-features --articles < articles.tsv
 *       # KEY \t TEXT per line (TEXT with \n for a line break, \\ for \),
 *       # then a line "--", then KEYA \t KEYB pairs to compare as well
 *   -> per article, in input order as ingest meets them: "C KEY CAND..." (the
 *      candidates the copy index proposes among the articles before it, best
 *      first) and "P KEY CAND KIND f1 ... fn | L" for each (the pair features
 *      of src/copies/decide.c, KIND the engine's kind, L the literal share
 *      that src/copies/degree.c reads besides them); then "G KEYA KEYB KIND
 *      f1 ... fn | L" for each listed pair (eval/fit_copies.py,
 *      eval/fit_copy_degree.py). The time spent
 *      finding candidates and comparing goes to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copies/copies.h"
#include "text/text.h"

/* A text sketched as one sentence: all its words, sentence by sentence, in
 * one list; *written gets its text from the first sentence's start to the
 * last one's end (in `norm`, which must outlive it). */
static int read_sentence(sl_analyzer *an, sl_analysis *analysis, sl_sketch *sk, sl_buf *norm,
                         const char *text, sl_sketch *out, sl_sentence_text *written)
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
    uint32_t start = sk->spans.n ? sk->spans.items[0].start : 0;
    uint32_t end = sk->spans.n ? sk->spans.items[sk->spans.n - 1].end : 0;
    *written = (sl_sentence_text){sl_buf_cstr(norm) + start, end - start};
    return 0;
}

static int sentence_pairs(void)
{
    sl_analyzer *an = sl_analyzer_new();
    sl_analysis analysis = {0};
    sl_sketch sk = {0}, a = {0}, b = {0};
    sl_sentence_sets sa = {0}, sb = {0};
    sl_buf norm_a = SL_BUF_INIT, norm_b = SL_BUF_INIT;
    sl_sentence_text text_a, text_b;
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
        if (read_sentence(an, &analysis, &sk, &norm_a, ta, &a, &text_a) ||
            read_sentence(an, &analysis, &sk, &norm_b, tb, &b, &text_b) || sl_sentence_sets_build(&a, &sa) ||
            sl_sentence_sets_build(&b, &sb)) {
            rc = 1;
            break;
        }
        sl_sentence_view va = sl_sentence_sets_view(&sa, 0), vb = sl_sentence_sets_view(&sb, 0);
        double f[SL_SIMILARITY_FEATURES];
        sl_sentence_features(&va, &vb, text_a, text_b, f);
        printf("%s", line);
        for (int k = 0; k < SL_SIMILARITY_FEATURES; k++)
            printf(" %.6f", f[k]);
        printf("\n");
    }
    free(line);
    sl_buf_free(&norm_a);
    sl_buf_free(&norm_b);
    sl_sketch_free(&sk);
    sl_sketch_free(&a);
    sl_sketch_free(&b);
    sl_sentence_sets_free(&sa);
    sl_sentence_sets_free(&sb);
    sl_analysis_free(&analysis);
    sl_analyzer_free(an);
    return rc;
}

/* ---- --articles: the article-level features ---- */

typedef struct article {
    char *key;
    sl_sketch sketch;
} article;

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void unescape(char *s)
{
    char *out = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            *out++ = *s == 'n' ? '\n' : *s;
        } else {
            *out++ = *s;
        }
    }
    *out = 0;
}

static void print_pair(char tag, const char *ka, const char *kb, const sl_comparison *cmp)
{
    double f[SL_COPY_FEATURES];
    sl_copy_features(cmp, f);
    printf("%c %s %s %s", tag, ka, kb, sl_copy_kind_name(cmp->kind));
    for (int k = 0; k < SL_COPY_FEATURES; k++)
        printf(" %.6f", f[k]);
    printf(" | %.6f\n", cmp->literal_share);
}

static int find_key(const article *arts, size_t n, const char *key)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(arts[k].key, key))
            return (int)k;
    return -1;
}

static int article_pairs(void)
{
    sl_sketcher *sk = sl_sketcher_new();
    sl_comparer *cmp = sl_comparer_new();
    sl_copy_index *ix = sl_copy_index_new();
    sl_buf norm = SL_BUF_INIT;
    sl_comparison c = {0};
    article *arts = NULL;
    size_t n = 0, cap = 0, line_cap = 0;
    char *line = NULL;
    double t_cand = 0, t_cmp = 0;
    size_t compared = 0;
    int rc = sk && cmp && ix ? 0 : 1;
    if (cmp)
        sl_comparer_thorough(cmp);
    while (!rc && getline(&line, &line_cap, stdin) > 0) {
        line[strcspn(line, "\n")] = 0;
        if (!strcmp(line, "--"))
            break;
        char *text = strchr(line, '\t');
        if (!text)
            continue;
        *text++ = 0;
        unescape(text);
        if (n == cap) {
            cap = cap ? 2 * cap : 1024;
            article *more = realloc(arts, cap * sizeof *arts);
            if (!more) {
                rc = 1;
                break;
            }
            arts = more;
        }
        article *a = &arts[n];
        memset(a, 0, sizeof *a);
        a->key = strdup(line);
        if (!a->key || sl_sketcher_run(sk, text, strlen(text), &norm, &a->sketch, NULL)) {
            rc = 1;
            break;
        }
        n++;
        int64_t cands[SL_COPY_CANDIDATES];
        size_t nc = 0;
        double t0 = seconds();
        if (sl_copy_index_candidates(ix, &a->sketch, cands, &nc)) {
            rc = 1;
            break;
        }
        double t1 = seconds();
        t_cand += t1 - t0;
        printf("C %s", a->key);
        for (size_t k = 0; k < nc; k++)
            printf(" %s", arts[cands[k] - 1].key);
        printf("\n");
        rc = nc ? sl_comparer_set_a(cmp, &a->sketch) : 0;
        for (size_t k = 0; k < nc && !rc; k++) {
            rc = sl_comparer_compare(cmp, &arts[cands[k] - 1].sketch, &c);
            if (!rc)
                print_pair('P', a->key, arts[cands[k] - 1].key, &c);
        }
        compared += nc;
        t_cmp += seconds() - t1;
        if (!rc)
            rc = sl_copy_index_add(ix, (int64_t)n, a->sketch.keys, a->sketch.n_keys);
    }
    while (!rc && getline(&line, &line_cap, stdin) > 0) {
        line[strcspn(line, "\n")] = 0;
        char *kb = strchr(line, '\t');
        if (!kb)
            continue;
        *kb++ = 0;
        int x = find_key(arts, n, line), y = find_key(arts, n, kb);
        if (x < 0 || y < 0)
            continue;
        rc = sl_copies_compare(cmp, &arts[x].sketch, &arts[y].sketch, &c);
        if (!rc)
            print_pair('G', arts[x].key, arts[y].key, &c);
    }
    fprintf(stderr, "%zu articles: candidates %.1f us/article, %zu comparisons %.1f us each\n", n,
            n ? 1e6 * t_cand / (double)n : 0, compared,
            compared ? 1e6 * t_cmp / (double)compared : 0);
    for (size_t k = 0; k < n; k++) {
        free(arts[k].key);
        sl_sketch_free(&arts[k].sketch);
    }
    free(arts);
    free(line);
    sl_buf_free(&norm);
    sl_comparison_free(&c);
    sl_copy_index_free(ix);
    sl_comparer_free(cmp);
    sl_sketcher_free(sk);
    return rc;
}

int main(int argc, char **argv)
{
    return argc > 1 && !strcmp(argv[1], "--articles") ? article_pairs() : sentence_pairs();
}
