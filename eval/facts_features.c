/* facts_features.c — prints the candidates of one of the facts stage's
 * learned choosers and their features for text files, for fitting its
 * weights; not part of the library. Each file is read the way
 * `storyline facts --text` reads it.
 *
 *   build/facts-features speakers FILE...   (src/facts/speakers.c; eval/fit_speakers.py)
 *   -> "# FILE" per file, then per candidate:
 *      QUOTE_START QUOTE_END NAME f1 ... fn   (tab-separated, byte offsets)
 *
 *   build/facts-features concepts FILE...   (src/facts/counted.c; eval/fit_concepts.py)
 *   -> "# FILE" per file, then per candidate:
 *      ITEM_START WORDS f1 ... fn   (tab-separated; ITEM_START: the number
 *      item's first byte; WORDS "-": no phrase) */
#include <stdio.h>
#include <string.h>

#include "facts/facts.h"
#include "ingest/ingest.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/date.h"

/* The extractors over one text, with the chosen chooser's trace on stdout. */
static int trace(sl_analyzer *an, const char *text, size_t len, int speakers)
{
    sl_buf clean = SL_BUF_INIT;
    sl_analysis analysis = {0};
    sl_fact_vec out = {0};
    sl_facts_doc d;
    sl_utf8_repair(text, len, &clean);
    const char *s = clean.ptr ? clean.ptr : "";
    int rc = clean.err ? clean.err : sl_analyze(an, s, clean.len, &analysis);
    if (!rc && !(rc = sl_facts_doc_init(&d, s, clean.len, &analysis, SL_NO_DAY, &out))) {
        if (speakers)
            d.speaker_trace = stdout;
        else
            d.concept_trace = stdout;
        sl_facts_numbers(&d);
        sl_facts_dates(&d);
        sl_facts_entities(&d);
        sl_facts_quotes(&d);
        rc = d.err;
        sl_facts_doc_clear(&d);
    }
    sl_facts_vec_free(&out);
    sl_analysis_free(&analysis);
    sl_buf_free(&clean);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "speakers") && strcmp(argv[1], "concepts"))) {
        fputs("usage: facts-features speakers|concepts FILE...\n", stderr);
        return 2;
    }
    int speakers = !strcmp(argv[1], "speakers");
    sl_analyzer *an = sl_analyzer_new();
    sl_buf text = SL_BUF_INIT, why = SL_BUF_INIT;
    int rc = an ? 0 : 1;
    for (int i = 2; i < argc && !rc; i++) {
        if (sl_gz_read_file(argv[i], 1 << 24, &text, &why)) {
            fprintf(stderr, "facts-features: %s: %s\n", argv[i], why.ptr ? why.ptr : "cannot read");
            rc = 1;
            break;
        }
        printf("# %s\n", argv[i]);
        rc = trace(an, text.ptr ? text.ptr : "", text.len, speakers) ? 1 : 0;
        sl_buf_free(&text);
    }
    sl_buf_free(&text);
    sl_buf_free(&why);
    sl_analyzer_free(an);
    return rc;
}
