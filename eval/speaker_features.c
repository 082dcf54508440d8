/* speaker_features.c — prints the speaker chooser's candidates and their
 * features (src/facts/speakers.c) for text files, for fitting its weights
 * (eval/fit_speakers.py builds and runs it; not part of the library).
 *
 *   build/speaker-features FILE...
 *   -> "# FILE" per file, then per candidate:
 *      QUOTE_START QUOTE_END NAME f1 ... fn   (tab-separated, byte offsets)
 *
 * Each file is read the way `storyline facts --text` reads it. */
#include <stdio.h>
#include <stdlib.h>

#include "facts/facts.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/date.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sl_buf b = SL_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sl_buf_put(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.err ? (sl_buf_free(&b), NULL) : b.ptr;
}

/* The extractors over one text, with the chooser's trace on stdout. */
static int trace(sl_analyzer *an, const char *text, size_t len)
{
    sl_buf clean = SL_BUF_INIT;
    sl_analysis analysis = {0};
    sl_fact_vec out = {0};
    sl_facts_doc d;
    sl_utf8_repair(text, len, &clean);
    const char *s = clean.ptr ? clean.ptr : "";
    int rc = clean.err ? clean.err : sl_analyze(an, s, clean.len, &analysis);
    if (!rc && !(rc = sl_facts_doc_init(&d, s, clean.len, &analysis, SL_NO_DAY, &out))) {
        d.speaker_trace = stdout;
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
    sl_analyzer *an = sl_analyzer_new();
    int rc = an ? 0 : 1;
    for (int i = 1; i < argc && !rc; i++) {
        size_t len;
        char *text = read_file(argv[i], &len);
        if (!text) {
            fprintf(stderr, "speaker-features: %s: cannot read\n", argv[i]);
            rc = 1;
            break;
        }
        printf("# %s\n", argv[i]);
        rc = trace(an, text, len) ? 1 : 0;
        free(text);
    }
    sl_analyzer_free(an);
    return rc;
}
