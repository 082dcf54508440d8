/* common.c — the helpers of fuzz.h: raw bytes to the normalised text the
 * text and facts stages read, a facts document for one extractor, and a
 * temporary file for the readers that open a path. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "text/text.h"
#include "util/date.h"

int fuzz_normalized(const uint8_t *data, size_t size, sl_buf *out)
{
    sl_buf repaired;
    sl_buf_init(&repaired, 0);
    sl_buf_init(out, 0);
    sl_utf8_repair((const char *)data, size, &repaired);
    int rc = repaired.err;
    if (!rc)
        rc = sl_text_normalize(repaired.ptr ? repaired.ptr : "", repaired.len, out);
    sl_buf_free(&repaired);
    return rc;
}

void fuzz_facts_one(const char *text, size_t len, void (*extractor)(sl_facts_doc *d))
{
    static sl_analyzer *analyzer;   /* kept from input to input, as ingest keeps it */
    if (!analyzer && !(analyzer = sl_analyzer_new()))
        return;
    sl_analysis an = {0};
    sl_fact_vec items = {0};
    sl_facts_doc d = {0};
    int rc = sl_analyze_as(analyzer, text, len, "en", &an);
    if (!rc)
        rc = sl_facts_doc_init(&d, text, len, &an, SL_NO_DAY, &items);
    if (!rc) {
        extractor(&d);
        for (size_t i = 0; i < items.n; i++)   /* every item must point inside the text */
            if (items.items[i].span.start > items.items[i].span.end || items.items[i].span.end > len)
                abort();
    }
    sl_facts_doc_clear(&d);
    sl_analysis_free(&an);
    sl_facts_vec_free(&items);
}

const char *fuzz_temp_file(const uint8_t *data, size_t size)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/sl-fuzz-%ld.in", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    int ok = fwrite(data, 1, size, f) == size;
    ok &= fclose(f) == 0;
    return ok ? path : NULL;
}

void fuzz_warc_read(const char *path)
{
    sl_warc *w = NULL;
    sl_warc_record rec;
    if (sl_warc_open(path, &w) == 0) {
        /* Each call consumes input, so the calls are bounded by its size. */
        for (long calls = 0;; calls++) {
            int rc = sl_warc_next(w, &rec);
            if (rc == 0 || (rc < 0 && rc != SL_EBADINPUT))
                break;
            if (rc == SL_EBADINPUT && !sl_warc_why(w)[0])
                abort();
            if (rc == 1)
                (void)sl_warc_record_is_html(&rec);
            if (calls > (1L << 24))
                abort();
        }
    }
    sl_warc_close(w);
}
