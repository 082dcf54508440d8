/* facts_features.c — prints the candidates of one of the facts stage's
 * learned choosers and their features for text files, for fitting its
 * weights; not part of the library. Each file is read the way
 * `storyline facts --text` reads it, through the same extractors as
 * src/facts/extract.c.
 *
 *   build/facts-features speakers FILE...   (src/facts/speakers.c; eval/fit_speakers.py)
 *   -> "# FILE" per file, then per candidate:
 *      QUOTE_START QUOTE_END KIND NAME f1 ... fn   (tab-separated, byte offsets;
 *      KIND "pronoun" or "role", the mention's, each with its own weights)
 *
 *   build/facts-features concepts FILE...   (src/facts/counted.c; eval/fit_concepts.py)
 *   -> "# FILE" per file, then per candidate:
 *      ITEM_START WORDS f1 ... fn   (tab-separated; ITEM_START: the number
 *      item's first byte; WORDS "-": no phrase)
 *
 *   build/facts-features quotes P1,...,Pn R1,...,Rn FILE...   (eval/facts_quotes_outlets.py)
 *   -> "# FILE" per file, then per quote, with the speaker chooser's weights
 *      for pronouns replaced by P1..Pn and for roles by R1..Rn (a fold's
 *      refits; "-": the fitted ones):
 *      START END SPEAKER_START SPEAKER_END SPEAKER   (tab-separated, byte
 *      offsets; the speaker's offsets 0 0 and SPEAKER "" when it has none) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/gzfile.h"

enum mode { SPEAKERS, CONCEPTS, QUOTES };

/* The quote items of out, one line each (the `quotes` mode). */
static void print_quotes(const sl_fact_vec *out)
{
    for (size_t k = 0; k < out->n; k++) {
        const sl_fact_item *it = &out->items[k];
        if (it->kind != SL_FACT_QUOTE)
            continue;
        printf("%u\t%u\t%u\t%u\t", it->span.start, it->span.end, it->source.start,
               it->source.end);
        for (const char *w = it->about ? it->about : ""; *w; w++)
            putchar(*w == '\n' || *w == '\t' ? ' ' : *w);
        putchar('\n');
    }
}

/* The extractors over one text, with the chosen chooser's trace on stdout,
 * or (QUOTES) its quotes with the speaker weights `weights` for pronouns and
 * for roles (each NULL: fitted). */
static int trace(sl_analyzer *an, const char *text, size_t len, enum mode mode,
                 const double *const weights[2])
{
    sl_buf clean = SL_BUF_INIT;
    sl_analysis analysis = {0};
    sl_fact_vec out = {0};
    sl_facts_doc d;
    sl_utf8_repair(text, len, &clean);
    const char *s = clean.ptr ? clean.ptr : "";
    int rc = clean.err ? clean.err : sl_analyze(an, s, clean.len, &analysis);
    if (!rc && !(rc = sl_facts_doc_init(&d, s, clean.len, &analysis, SL_NO_DAY, &out))) {
        if (mode == SPEAKERS)
            d.speaker_trace = stdout;
        else if (mode == CONCEPTS)
            d.concept_trace = stdout;
        d.pronoun_weights = weights[0];
        d.role_weights = weights[1];
        sl_facts_run_extractors(&d);
        rc = d.err;
        if (!rc && mode == QUOTES)
            print_quotes(&out);
        sl_facts_doc_clear(&d);
    }
    sl_facts_vec_free(&out);
    sl_analysis_free(&analysis);
    sl_buf_free(&clean);
    return rc;
}

/* Reads "W1,...,Wn" (n = SL_SPEAKERS_FEATURES) into w; false when malformed. */
static bool parse_weights(const char *s, double *w)
{
    for (int k = 0; k < SL_SPEAKERS_FEATURES; k++) {
        char *end;
        w[k] = strtod(s, &end);
        if (end == s || *end != (k + 1 < SL_SPEAKERS_FEATURES ? ',' : '\0'))
            return false;
        s = end + 1;
    }
    return true;
}

int main(int argc, char **argv)
{
    const char *name = argc < 2 ? "" : argv[1];
    enum mode mode = !strcmp(name, "speakers") ? SPEAKERS : !strcmp(name, "concepts") ? CONCEPTS
                   : QUOTES;
    int first = mode == QUOTES ? 4 : 2;
    if (argc < first || (mode == QUOTES && strcmp(name, "quotes"))) {
        fputs("usage: facts-features speakers|concepts FILE... | "
              "quotes PRONOUN_WEIGHTS|- ROLE_WEIGHTS|- FILE...\n",
              stderr);
        return 2;
    }
    double weights[2][SL_SPEAKERS_FEATURES];
    const double *chosen[2] = {NULL, NULL};
    for (int k = 0; mode == QUOTES && k < 2; k++) {
        if (!strcmp(argv[2 + k], "-"))
            continue;
        if (!parse_weights(argv[2 + k], weights[k])) {
            fprintf(stderr, "facts-features: want %d weights, comma-separated\n",
                    SL_SPEAKERS_FEATURES);
            return 2;
        }
        chosen[k] = weights[k];
    }
    sl_analyzer *an = sl_analyzer_new();
    sl_buf text = SL_BUF_INIT, why = SL_BUF_INIT;
    int rc = an ? 0 : 1;
    for (int i = first; i < argc && !rc; i++) {
        if (sl_gz_read_file(argv[i], 1 << 24, &text, &why)) {
            fprintf(stderr, "facts-features: %s: %s\n", argv[i], why.ptr ? why.ptr : "cannot read");
            rc = 1;
            break;
        }
        printf("# %s\n", argv[i]);
        rc = trace(an, text.ptr ? text.ptr : "", text.len, mode, chosen) ? 1 : 0;
        sl_buf_free(&text);
    }
    sl_buf_free(&text);
    sl_buf_free(&why);
    sl_analyzer_free(an);
    return rc;
}
