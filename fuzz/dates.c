/* dates.c — fuzz target: dates and temporal expressions. The facts date
 * extractor (src/facts/dates.c) over normalised text, and the date readers
 * of pages and feeds (src/ingest/dates.c) and of the store (src/util/date.c)
 * over the first line. */
#include <string.h>

#include "fuzz.h"
#include "ingest/ingest.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_buf text;
    if (fuzz_normalized(data, size, &text) == 0) {
        const char *s = text.ptr ? text.ptr : "";
        fuzz_facts_one(s, text.len, sl_facts_dates);
        char line[256], iso[SL_ISO_DATE_SIZE];
        size_t n = strcspn(s, "\n");
        n = n < sizeof line - 1 ? n : sizeof line - 1;
        memcpy(line, s, n);
        line[n] = '\0';
        if (sl_date_to_iso(line, s[0] & 1, iso))
            (void)sl_date_day(iso);
        (void)sl_date_day(line);
    }
    sl_buf_free(&text);
    return 0;
}
